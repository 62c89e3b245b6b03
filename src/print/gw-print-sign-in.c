/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "gw-print-private.h"
#include "gw-print-sign-in.h"

/* Rows on a sheet are filled in by hand, with a pen, by someone standing. */
#define HANDWRITING_ROW 24.0

typedef struct
{
  GwMember *member;
  char     *key;
} SortEntry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const SortEntry *ea = a;
  const SortEntry *eb = b;

  return strcmp (ea->key, eb->key);
}

/* The people in @expected by name, as the reader's language sorts names. */
static GArray *
sort_by_name (GPtrArray *expected)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (SortEntry));

  for (guint i = 0; expected != NULL && i < expected->len; i++)
    {
      GwMember *member = g_ptr_array_index (expected, i);
      g_autofree char *folded = g_utf8_casefold (gw_member_get_full_name (member), -1);
      SortEntry entry = { member, g_utf8_collate_key (folded, -1) };

      g_array_append_val (entries, entry);
    }
  g_array_sort (entries, compare_entries);
  return entries;
}

static GwPrintTable *
new_sheet (gboolean languages)
{
  GwPrintTable *table = gw_print_table_new (GW_PRINT_TABLE_STYLE_GRID);
  guint column;

  /* The same shares on both tables, so that the columns line up down the
   * sheet. */
  /* Translators: the heading of a column of row numbers, short for "number". */
  column = gw_print_table_add_column (table, _("No."), GW_PRINT_COLUMN_NUMERIC);
  gw_print_table_set_column_fraction (table, column, 0.06);
  column = gw_print_table_add_column (table, _("Name"), GW_PRINT_COLUMN_WRAP);
  gw_print_table_set_column_fraction (table, column, languages ? 0.30 : 0.36);
  column = gw_print_table_add_column (table, _("Phone"), GW_PRINT_COLUMN_DEFAULT);
  gw_print_table_set_column_fraction (table, column, languages ? 0.16 : 0.18);
  if (languages)
    {
      column = gw_print_table_add_column (table, _("Languages"), GW_PRINT_COLUMN_WRAP);
      gw_print_table_set_column_fraction (table, column, 0.20);
    }
  gw_print_table_add_column (table, _("Signature"), GW_PRINT_COLUMN_EXPAND);
  gw_print_table_set_min_row_height (table, HANDWRITING_ROW);
  return table;
}

static void
add_blank_rows (GwPrintTable *table,
                guint         n_rows)
{
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      const char *cells[] = { number, NULL };

      gw_print_table_add_row (table, cells);
    }
}

/**
 * gw_print_sign_in_new:
 * @store: the store, for the organization's name
 * @meeting: the meeting
 * @expected: (element-type GwMember) (nullable): the people expected, in
 *   any order; they are printed sorted by name
 * @n_walk_in_rows: how many numbered blank rows to add for people not
 *   expected, or, with %GW_PRINT_SIGN_IN_BLANK, in all
 * @flags: options
 *
 * A sign-in sheet: the meeting, then a row for each expected person with
 * their phone and a space to sign, then numbered rows for walk-ins.
 *
 * Returns: (transfer full): the sheet, ready to paginate
 */
GwPrintDocument *
gw_print_sign_in_new (GwStore            *store,
                      GwMeeting          *meeting,
                      GPtrArray          *expected,
                      guint               n_walk_in_rows,
                      GwPrintSignInFlags  flags)
{
  g_autoptr(GwPrintDocument) doc = NULL;
  g_autofree char *organization = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *running_head = NULL;
  gboolean languages = (flags & GW_PRINT_SIGN_IN_LANGUAGES) != 0;
  gboolean blank = (flags & GW_PRINT_SIGN_IN_BLANK) != 0;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);
  g_return_val_if_fail (GW_IS_MEETING (meeting), NULL);

  doc = gw_print_document_new (_("Sign-in Sheet"));
  organization = gw_store_dup_organization_name (store);
  gw_print_document_set_organization (doc, organization);
  /* Translators: at the top right of every page: "Sign-in Sheet · General meeting". */
  running_head = g_strdup_printf (_("%s · %s"), _("Sign-in Sheet"), gw_meeting_get_title (meeting));
  gw_print_document_set_running_head (doc, running_head);

  gw_print_document_add_subtitle (doc, gw_meeting_get_title (meeting));
  summary = _gw_print_meeting_summary (meeting);
  if (summary[0] != '\0')
    gw_print_document_add_subtitle (doc, summary);

  if (blank)
    {
      g_autoptr(GwPrintTable) table = new_sheet (languages);

      gw_print_document_add_subtitle (doc, _("Write your name and phone number, then sign."));
      add_blank_rows (table, n_walk_in_rows);
      gw_print_document_add_table (doc, g_steal_pointer (&table));
      return g_steal_pointer (&doc);
    }

  gw_print_document_add_subtitle (doc, _("Sign next to your name, or add yourself at the end."));

  if (expected != NULL && expected->len > 0)
    {
      g_autoptr(GwPrintTable) table = new_sheet (languages);
      g_autoptr(GArray) sorted = sort_by_name (expected);
      g_autofree char *heading = NULL;

      for (guint i = 0; i < sorted->len; i++)
        {
          SortEntry *entry = &g_array_index (sorted, SortEntry, i);
          GwMember *member = entry->member;
          g_autofree char *number = g_strdup_printf ("%u", i + 1);
          g_autofree char *name = NULL;
          g_autofree char *spoken = gw_member_dup_languages_text (member);
          const char *cells[5] = { number, NULL, gw_member_get_phone (member), NULL, NULL };

          if (gw_member_get_community_name (member)[0] != '\0')
            /* Translators: a full name followed by the name people use, "Thị Lan Nguyễn (Lan)". */
            name = g_strdup_printf (_("%s (%s)"), gw_member_get_full_name (member),
                                    gw_member_get_community_name (member));
          else
            name = g_strdup (gw_member_get_full_name (member));
          cells[1] = name;
          if (languages)
            cells[3] = spoken;
          gw_print_table_add_row (table, cells);
          g_free (entry->key);
        }

      /* Translators: a heading on the sign-in sheet; %u is how many people. */
      heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Expected (%u person)",
                                              "Expected (%u people)", sorted->len),
                                 sorted->len);
      gw_print_document_add_heading (doc, heading);
      gw_print_document_add_table (doc, g_steal_pointer (&table));
    }

  if (n_walk_in_rows > 0)
    {
      g_autoptr(GwPrintTable) table = new_sheet (languages);

      gw_print_document_add_heading (doc, _("Walk-ins"));
      add_blank_rows (table, n_walk_in_rows);
      gw_print_document_add_table (doc, g_steal_pointer (&table));
    }

  return g_steal_pointer (&doc);
}
