/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gw-csv-import.h"
#include "gw-file.h"
#include "gw-ladder.h"
#include "gw-member-list-private.h"
#include "gw-store-private.h"

/* Progress is reported, and cancellation checked, every so many people. */
#define ROWS_PER_STEP 1024

typedef enum
{
  COLUMN_NAME,
  COLUMN_COMMUNITY_NAME,
  COLUMN_PRONOUNS,
  COLUMN_STAGE,
  COLUMN_STATUS,
  COLUMN_PHONE,
  COLUMN_EMAIL,
  COLUMN_NEIGHBOURHOOD,
  COLUMN_LANGUAGES,
  COLUMN_SKILLS,
  COLUMN_TAGS,
  COLUMN_JOINED,
  COLUMN_LAST_CHANGE,
  COLUMN_NOTES,
  N_COLUMNS
} Column;

/* The headings are the labels the roster shows, so that importing the
 * file again maps its columns by itself (see gw_csv_guess_field()). */
static const char * const headings[N_COLUMNS] = {
  [COLUMN_NAME] = N_("Full name"),
  [COLUMN_COMMUNITY_NAME] = N_("Community name"),
  [COLUMN_PRONOUNS] = N_("Pronouns"),
  [COLUMN_STAGE] = N_("Stage"),
  [COLUMN_STATUS] = N_("Status"),
  [COLUMN_PHONE] = N_("Phone"),
  [COLUMN_EMAIL] = N_("Email"),
  [COLUMN_NEIGHBOURHOOD] = N_("Neighbourhood"),
  [COLUMN_LANGUAGES] = N_("Languages"),
  [COLUMN_SKILLS] = N_("Skills"),
  [COLUMN_TAGS] = N_("Tags"),
  [COLUMN_JOINED] = N_("Joined"),
  [COLUMN_LAST_CHANGE] = N_("Last change"),
  [COLUMN_NOTES] = N_("Notes"),
};

static gboolean
is_contact (Column column)
{
  return column == COLUMN_PHONE || column == COLUMN_EMAIL || column == COLUMN_NOTES;
}

static void
report (GwProgressFunc progress,
        gpointer       user_data,
        double         fraction)
{
  if (progress != NULL)
    progress (CLAMP (fraction, 0.0, 1.0), user_data);
}

/**
 * gw_member_list_export_csv:
 *
 * Writes the people @list shows, in its order; see gw-csv-import.h. Reads
 * through the list's store, so call it from the thread that owns the list.
 *
 * Returns: %TRUE, or %FALSE with @error set and @path untouched.
 */
gboolean
gw_member_list_export_csv (GwMemberList    *list,
                           const char      *path,
                           gboolean         with_contact,
                           GwProgressFunc   progress,
                           gpointer         user_data,
                           GCancellable    *cancellable,
                           GError         **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GString) out = NULL;
  char *stage_labels[GW_N_STAGES] = { NULL };
  gboolean ok = FALSE;
  GwStore *store;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_MEMBER_LIST (list), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  store = gw_member_list_get_store (list);
  if (!_gw_store_check_not_own_file (store, path, error))
    return FALSE;
  ids = g_array_ref (_gw_member_list_get_ids (list));
  out = g_string_sized_new (256 + (gsize) ids->len * 128);

  /* The organization's own names for its stages. */
  for (guint s = 0; s < GW_N_STAGES; s++)
    stage_labels[s] = gw_ladder_dup_stage_label (store, s);

  for (guint c = 0; c < N_COLUMNS; c++)
    if (with_contact || !is_contact (c))
      gw_csv_append_cell (out, _(headings[c]));
  gw_csv_end_row (out);

  report (progress, user_data, 0.0);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *cells[N_COLUMNS];

      if (i % ROWS_PER_STEP == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            goto failed;
          report (progress, user_data, 0.9 * i / ids->len);
        }

      stmt = _gw_store_prepare (store, "SELECT full_name, community_name, pronouns, stage, status,"
                                       " phone, email, neighbourhood, languages, skills, tags,"
                                       " joined, last_change, notes FROM members"
                                       " WHERE id = ? AND deleted = 0", error);
      if (stmt == NULL)
        goto failed;

      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          /* Gone since the list was last refreshed. */
          sqlite3_reset (stmt);
          continue;
        }

      for (guint c = 0; c < N_COLUMNS; c++)
        cells[c] = (const char *) sqlite3_column_text (stmt, c);
      cells[COLUMN_STAGE] = stage_labels[CLAMP (sqlite3_column_int (stmt, COLUMN_STAGE), 0, GW_N_STAGES - 1)];
      cells[COLUMN_STATUS] = gw_status_get_label (CLAMP (sqlite3_column_int (stmt, COLUMN_STATUS),
                                                         0, GW_N_STATUSES - 1));

      for (guint c = 0; c < N_COLUMNS; c++)
        if (with_contact || !is_contact (c))
          gw_csv_append_cell (out, cells[c]);
      gw_csv_end_row (out);

      sqlite3_reset (stmt);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !gw_file_write_private (path, out->str, out->len, error))
    goto failed;

  report (progress, user_data, 1.0);
  ok = TRUE;

failed:
  for (guint s = 0; s < GW_N_STAGES; s++)
    g_free (stage_labels[s]);
  return ok;
}
