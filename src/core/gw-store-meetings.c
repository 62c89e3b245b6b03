/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gw-date.h"
#include "gw-meeting-private.h"
#include "gw-store-meetings.h"
#include "gw-store-members.h"
#include "gw-store-private.h"
#include "gw-text.h"

/* A default kind's label, in the interface's language. */
static const char *
builtin_label (const char *builtin)
{
  if (g_strcmp0 (builtin, "general") == 0)
    return _("General meeting");
  if (g_strcmp0 (builtin, "committee") == 0)
    return _("Committee");
  if (g_strcmp0 (builtin, "study") == 0)
    return _("Study session");
  if (g_strcmp0 (builtin, "action") == 0)
    return _("Action");
  if (g_strcmp0 (builtin, "distribution") == 0)
    return _("Distribution day");
  return "";
}

static char *
kind_label (sqlite3_stmt *stmt,
            int           builtin_column,
            int           label_column)
{
  const char *label = (const char *) sqlite3_column_text (stmt, label_column);

  if (label != NULL && label[0] != '\0')
    return g_strdup (label);

  return g_strdup (builtin_label ((const char *) sqlite3_column_text (stmt, builtin_column)));
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
check_date (const char  *date,
            GError     **error)
{
  if (!gw_date_is_valid (date))
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                   _("“%s” is not a real date. Write it as YYYY-MM-DD."), date ? date : "");
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_time (const char  *time,
            GError     **error)
{
  if (time == NULL || time[0] == '\0')
    return TRUE;

  if (gw_text_is_clock_time (time))
    return TRUE;

  g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
               _("“%s” is not a time of day. Write it as HH:MM, for example 18:30."), time);
  return FALSE;
}

static char *
strip (const char *text)
{
  return g_strstrip (g_strdup (text ? text : ""));
}

static gboolean
not_found (GError     **error,
           const char  *message)
{
  g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND, message);
  return FALSE;
}

static gboolean
check_meeting (GwStore  *self,
               gint64    meeting_id,
               GError  **error)
{
  sqlite3_stmt *stmt;
  gboolean found;

  stmt = _gw_store_prepare (self, "SELECT 1 FROM meetings WHERE id = ? AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  if (!found)
    return not_found (error, _("This meeting no longer exists."));

  return TRUE;
}

/* The person must be on the roster (not deleted). */
static gboolean
check_person (GwStore  *self,
              gint64    member_id,
              GError  **error)
{
  int stage, status;

  return _gw_store_get_stage_status (self, member_id, &stage, &status, NULL, error);
}

/* Runs a one-row change; %GW_STORE_ERROR_NOT_FOUND with @missing when it
 * touched nothing. */
static gboolean
step_one (GwStore       *self,
          sqlite3_stmt  *stmt,
          const char    *missing,
          GError       **error)
{
  if (!_gw_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (_gw_store_get_db (self)) == 0)
    return not_found (error, missing);

  return TRUE;
}

/* Kinds of meeting. */

/**
 * gw_store_list_meeting_kinds:
 *
 * Returns: (transfer full) (element-type GwMeetingKind): the kinds of
 *   meeting, defaults first, then in the order they were added.
 */
GPtrArray *
gw_store_list_meeting_kinds (GwStore *self)
{
  GPtrArray *kinds = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_meeting_kind_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), kinds);

  stmt = _gw_store_prepare (self, "SELECT k.id, k.uuid, k.builtin, k.label, k.is_study,"
                                  " (SELECT count(*) FROM meetings m WHERE m.kind_id = k.id AND m.deleted = 0)"
                                  " FROM meeting_kinds k ORDER BY k.id", NULL);
  if (stmt == NULL)
    return kinds;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GwMeetingKind *kind = g_new0 (GwMeetingKind, 1);

      kind->id = sqlite3_column_int64 (stmt, 0);
      kind->uuid = _gw_store_column_dup (stmt, 1);
      kind->label = kind_label (stmt, 2, 3);
      kind->is_study = sqlite3_column_int (stmt, 4) != 0;
      kind->n_meetings = sqlite3_column_int (stmt, 5);
      g_ptr_array_add (kinds, kind);
    }
  sqlite3_reset (stmt);

  return kinds;
}

static gboolean
check_kind_label (GwStore     *self,
                  gint64       kind_id,
                  const char  *label,
                  GError     **error)
{
  g_autoptr(GPtrArray) kinds = NULL;
  g_autofree char *folded = gw_text_fold (label);

  if (label[0] == '\0')
    return invalid (error, _("Give the kind of meeting a name."));

  kinds = gw_store_list_meeting_kinds (self);
  for (guint i = 0; i < kinds->len; i++)
    {
      GwMeetingKind *kind = g_ptr_array_index (kinds, i);
      g_autofree char *other = gw_text_fold (kind->label);

      if (kind->id != kind_id && g_strcmp0 (folded, other) == 0)
        {
          g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                       _("There is already a kind of meeting called “%s”."), kind->label);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * gw_store_add_meeting_kind:
 *
 * Returns: the new kind's id, or 0 with @error set (an empty name, or one
 *   already used).
 */
gint64
gw_store_add_meeting_kind (GwStore     *self,
                           const char  *label,
                           gboolean     is_study,
                           GError     **error)
{
  g_autofree char *stripped = strip (label);
  g_autofree char *uuid = gw_text_uuid ();
  g_autofree char *now = gw_date_now_utc ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), 0);

  if (!_gw_store_check_writable (self, error) ||
      !check_kind_label (self, 0, stripped, error))
    return 0;

  stmt = _gw_store_prepare (self, "INSERT INTO meeting_kinds (uuid, label, is_study, created, updated)"
                                  " VALUES (?, ?, ?, ?, ?4)", error);
  if (stmt == NULL)
    return 0;

  _gw_store_bind_text (stmt, 1, uuid);
  _gw_store_bind_text (stmt, 2, stripped);
  sqlite3_bind_int (stmt, 3, is_study ? 1 : 0);
  _gw_store_bind_text (stmt, 4, now);

  if (!_gw_store_step_done (self, stmt, error))
    return 0;

  _gw_store_meeting_changed (self, 0);
  return sqlite3_last_insert_rowid (_gw_store_get_db (self));
}

/**
 * gw_store_rename_meeting_kind:
 *
 * Gives a kind the organization's own name. Renaming a default kind to
 * its translated name, or to nothing, puts the default back.
 */
gboolean
gw_store_rename_meeting_kind (GwStore     *self,
                              gint64       kind_id,
                              const char  *label,
                              GError     **error)
{
  g_autofree char *stripped = strip (label);
  g_autofree char *now = gw_date_now_utc ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  if (!_gw_store_check_writable (self, error))
    return FALSE;

  /* An empty name is fine for a default kind: it goes back to the default. */
  if (stripped[0] != '\0' && !check_kind_label (self, kind_id, stripped, error))
    return FALSE;

  stmt = _gw_store_prepare (self, "UPDATE meeting_kinds SET"
                                  " label = CASE WHEN builtin IS NOT NULL AND ?1 = '' THEN '' ELSE ?1 END,"
                                  " updated = ?2 WHERE id = ?3 AND (builtin IS NOT NULL OR ?1 <> '')",
                            error);
  if (stmt == NULL)
    return FALSE;

  _gw_store_bind_text (stmt, 1, stripped);
  _gw_store_bind_text (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, kind_id);

  if (!_gw_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (_gw_store_get_db (self)) == 0)
    {
      if (stripped[0] == '\0')
        return invalid (error, _("Give the kind of meeting a name."));
      return not_found (error, _("This kind of meeting no longer exists."));
    }

  _gw_store_meeting_changed (self, 0);
  return TRUE;
}

gboolean
gw_store_set_meeting_kind_study (GwStore     *self,
                                 gint64       kind_id,
                                 gboolean     is_study,
                                 GError     **error)
{
  g_autofree char *now = gw_date_now_utc ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  if (!_gw_store_check_writable (self, error))
    return FALSE;

  stmt = _gw_store_prepare (self, "UPDATE meeting_kinds SET is_study = ?, updated = ? WHERE id = ?",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, is_study ? 1 : 0);
  _gw_store_bind_text (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, kind_id);

  if (!step_one (self, stmt, _("This kind of meeting no longer exists."), error))
    return FALSE;

  _gw_store_meeting_changed (self, 0);
  return TRUE;
}

/**
 * gw_store_remove_meeting_kind:
 *
 * Removes a kind of meeting nobody used. A kind in use is kept, with an
 * error saying how many meetings use it.
 */
gboolean
gw_store_remove_meeting_kind (GwStore     *self,
                              gint64       kind_id,
                              GError     **error)
{
  sqlite3_stmt *stmt;
  int n_used = 0;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  if (!_gw_store_check_writable (self, error))
    return FALSE;

  stmt = _gw_store_prepare (self, "SELECT count(*) FROM meetings WHERE kind_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, kind_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n_used = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  if (n_used > 0)
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "This kind of meeting is used by %d meeting, so it cannot be "
                                "removed. Rename it instead.",
                                "This kind of meeting is used by %d meetings, so it cannot be "
                                "removed. Rename it instead.", n_used),
                   n_used);
      return FALSE;
    }

  stmt = _gw_store_prepare (self, "DELETE FROM meeting_kinds WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, kind_id);

  if (!step_one (self, stmt, _("This kind of meeting no longer exists."), error))
    return FALSE;

  _gw_store_meeting_changed (self, 0);
  return TRUE;
}

/* Meetings. */

#define MEETING_COLUMNS                                                                   \
  "m.id, m.uuid, m.kind_id, k.builtin, k.label, k.is_study, m.title, m.date, m.time,"     \
  " m.place, m.minutes, m.secretary_id, s.full_name,"                                     \
  " (SELECT count(*) FROM attendance a JOIN members p ON p.id = a.member_id"              \
  "   WHERE a.meeting_id = m.id AND p.deleted = 0),"                                      \
  " m.created, m.updated"

#define MEETING_FROM                                                                      \
  " FROM meetings m JOIN meeting_kinds k ON k.id = m.kind_id"                             \
  " LEFT JOIN members s ON s.id = m.secretary_id AND s.deleted = 0"

static GwMeeting *
meeting_from_row (sqlite3_stmt *stmt)
{
  GwMeeting *meeting = gw_meeting_new ();

#define TAKE(field, column) \
  G_STMT_START { g_free (meeting->field); meeting->field = _gw_store_column_dup (stmt, column); } G_STMT_END

  meeting->id = sqlite3_column_int64 (stmt, 0);
  TAKE (uuid, 1);
  meeting->kind_id = sqlite3_column_int64 (stmt, 2);
  g_free (meeting->kind_label);
  meeting->kind_label = kind_label (stmt, 3, 4);
  meeting->is_study = sqlite3_column_int (stmt, 5) != 0;
  TAKE (title, 6);
  TAKE (date, 7);
  TAKE (time, 8);
  TAKE (place, 9);
  TAKE (minutes, 10);
  if (sqlite3_column_type (stmt, 12) != SQLITE_NULL)
    {
      meeting->secretary_id = sqlite3_column_int64 (stmt, 11);
      TAKE (secretary_name, 12);
    }
  meeting->n_attending = sqlite3_column_int (stmt, 13);
  TAKE (created, 14);
  TAKE (updated, 15);

#undef TAKE

  return meeting;
}

static gboolean
validate_meeting (GwStore    *self,
                  GwMeeting  *meeting,
                  char      **kind_name,
                  GError    **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  stmt = _gw_store_prepare (self, "SELECT builtin, label FROM meeting_kinds WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, meeting->kind_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      if (kind_name != NULL)
        *kind_name = kind_label (stmt, 0, 1);
    }
  sqlite3_reset (stmt);

  if (!found)
    return invalid (error, _("Choose what kind of meeting this is."));

  if (meeting->date == NULL || meeting->date[0] == '\0')
    return invalid (error, _("Enter the date of the meeting."));

  return check_date (meeting->date, error) && check_time (meeting->time, error);
}

/**
 * gw_store_add_meeting:
 *
 * Returns: the new meeting's id, or 0 with @error set.
 */
gint64
gw_store_add_meeting (GwStore    *self,
                      GwMeeting  *draft,
                      GError    **error)
{
  g_autofree char *uuid = gw_text_uuid ();
  g_autofree char *now = gw_date_now_utc ();
  g_autofree char *kind_name = NULL;
  g_autofree char *title = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (GW_IS_STORE (self), 0);
  g_return_val_if_fail (GW_IS_MEETING (draft), 0);

  if (!_gw_store_check_writable (self, error) ||
      !validate_meeting (self, draft, &kind_name, error))
    return 0;

  title = strip (draft->title);
  if (title[0] == '\0')
    {
      g_free (title);
      title = g_strdup (kind_name);
    }

  stmt = _gw_store_prepare (self, "INSERT INTO meetings (uuid, kind_id, title, date, time, place,"
                                  " minutes, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?8, ?8)",
                            error);
  if (stmt == NULL)
    return 0;

  _gw_store_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, draft->kind_id);
  _gw_store_bind_text (stmt, 3, title);
  _gw_store_bind_text (stmt, 4, draft->date);
  _gw_store_bind_text (stmt, 5, draft->time);
  _gw_store_bind_text (stmt, 6, draft->place);
  _gw_store_bind_text (stmt, 7, draft->minutes);
  _gw_store_bind_text (stmt, 8, now);

  if (!_gw_store_step_done (self, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (_gw_store_get_db (self));
  _gw_store_meeting_changed (self, id);
  return id;
}

/**
 * gw_store_update_meeting:
 *
 * Saves @meeting's kind, title, date, time, place and minutes. The
 * secretary changes only through gw_rotation_assign().
 */
gboolean
gw_store_update_meeting (GwStore    *self,
                         GwMeeting  *meeting,
                         GError    **error)
{
  g_autofree char *now = gw_date_now_utc ();
  g_autofree char *kind_name = NULL;
  g_autofree char *title = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  g_return_val_if_fail (GW_IS_MEETING (meeting), FALSE);

  if (!_gw_store_check_writable (self, error) ||
      !validate_meeting (self, meeting, &kind_name, error))
    return FALSE;

  title = strip (meeting->title);
  if (title[0] == '\0')
    {
      g_free (title);
      title = g_strdup (kind_name);
    }

  stmt = _gw_store_prepare (self, "UPDATE meetings SET kind_id = ?, title = ?, date = ?, time = ?,"
                                  " place = ?, minutes = ?, updated = ? WHERE id = ? AND deleted = 0",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, meeting->kind_id);
  _gw_store_bind_text (stmt, 2, title);
  _gw_store_bind_text (stmt, 3, meeting->date);
  _gw_store_bind_text (stmt, 4, meeting->time);
  _gw_store_bind_text (stmt, 5, meeting->place);
  _gw_store_bind_text (stmt, 6, meeting->minutes);
  _gw_store_bind_text (stmt, 7, now);
  sqlite3_bind_int64 (stmt, 8, meeting->id);

  if (!step_one (self, stmt, _("This meeting no longer exists."), error))
    return FALSE;

  g_free (meeting->title);
  meeting->title = g_steal_pointer (&title);
  g_free (meeting->kind_label);
  meeting->kind_label = g_steal_pointer (&kind_name);
  g_free (meeting->updated);
  meeting->updated = g_steal_pointer (&now);

  _gw_store_meeting_changed (self, meeting->id);
  return TRUE;
}

GwMeeting *
gw_store_load_meeting (GwStore     *self,
                       gint64       id,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  GwMeeting *meeting = NULL;
  int rc;

  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  stmt = _gw_store_prepare (self, "SELECT " MEETING_COLUMNS MEETING_FROM " WHERE m.id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    meeting = meeting_from_row (stmt);
  else if (rc == SQLITE_DONE)
    not_found (error, _("This meeting no longer exists."));
  else
    _gw_store_set_error (self, error);
  sqlite3_reset (stmt);

  return meeting;
}

static gboolean
set_meeting_deleted (GwStore   *self,
                     gint64     id,
                     gboolean   deleted,
                     GError   **error)
{
  g_autofree char *now = gw_date_now_utc ();
  sqlite3_stmt *stmt;

  if (!_gw_store_check_writable (self, error))
    return FALSE;

  stmt = _gw_store_prepare (self, "UPDATE meetings SET deleted = ?1, updated = ?2"
                                  " WHERE id = ?3 AND deleted = 1 - ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, deleted ? 1 : 0);
  _gw_store_bind_text (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, id);

  if (!step_one (self, stmt, _("This meeting no longer exists."), error))
    return FALSE;

  _gw_store_meeting_changed (self, id);
  return TRUE;
}

gboolean
gw_store_delete_meeting (GwStore     *self,
                         gint64       id,
                         GError     **error)
{
  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  return set_meeting_deleted (self, id, TRUE, error);
}

gboolean
gw_store_restore_meeting (GwStore     *self,
                          gint64       id,
                          GError     **error)
{
  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  return set_meeting_deleted (self, id, FALSE, error);
}

gboolean
gw_store_purge_deleted_meetings (GwStore  *self,
                                 GError  **error)
{
  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  if (gw_store_is_read_only (self))
    return TRUE;

  return _gw_store_exec (self, "DELETE FROM meetings WHERE deleted = 1", error);
}

static GPtrArray *
collect_meetings (GwStore    *self,
                  const char *sql,
                  const char *text1,
                  const char *text2,
                  gint64      number)
{
  GPtrArray *meetings = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = _gw_store_prepare (self, sql, NULL);

  if (stmt == NULL)
    return meetings;

  if (text1 != NULL)
    _gw_store_bind_text (stmt, 1, text1);
  if (text2 != NULL)
    _gw_store_bind_text (stmt, 2, text2);
  sqlite3_bind_int64 (stmt, 3, number);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (meetings, meeting_from_row (stmt));
  sqlite3_reset (stmt);

  return meetings;
}

GPtrArray *
gw_store_list_meetings (GwStore    *self,
                        const char *from_date,
                        const char *to_date)
{
  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  return collect_meetings (self, "SELECT " MEETING_COLUMNS MEETING_FROM
                                 " WHERE m.deleted = 0 AND (?1 IS NULL OR m.date >= ?1)"
                                 " AND (?2 IS NULL OR m.date <= ?2) AND ?3 = ?3"
                                 " ORDER BY m.date, m.time, m.id",
                           from_date, to_date, 0);
}

GPtrArray *
gw_store_list_upcoming_meetings (GwStore    *self,
                                 const char *today,
                                 guint       limit)
{
  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  return collect_meetings (self, "SELECT " MEETING_COLUMNS MEETING_FROM
                                 " WHERE m.deleted = 0 AND m.date >= ?1 AND ?2 IS NULL"
                                 " ORDER BY m.date, m.time, m.id LIMIT ?3",
                           today, NULL, limit > 0 ? (gint64) limit : -1);
}

GPtrArray *
gw_store_list_past_meetings (GwStore    *self,
                             const char *today,
                             guint       limit)
{
  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  return collect_meetings (self, "SELECT " MEETING_COLUMNS MEETING_FROM
                                 " WHERE m.deleted = 0 AND m.date < ?1 AND ?2 IS NULL"
                                 " ORDER BY m.date DESC, m.time DESC, m.id DESC LIMIT ?3",
                           today, NULL, limit > 0 ? (gint64) limit : -1);
}

GPtrArray *
gw_store_list_meetings_attended (GwStore *self,
                                 gint64   member_id)
{
  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  return collect_meetings (self, "SELECT " MEETING_COLUMNS MEETING_FROM
                                 " JOIN attendance me ON me.meeting_id = m.id AND me.member_id = ?3"
                                 " WHERE m.deleted = 0 AND ?1 IS NULL AND ?2 IS NULL"
                                 " ORDER BY m.date DESC, m.time DESC, m.id DESC",
                           NULL, NULL, member_id);
}

/* Agenda. */

GPtrArray *
gw_store_list_agenda (GwStore *self,
                      gint64   meeting_id)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_agenda_item_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), items);

  stmt = _gw_store_prepare (self, "SELECT id, uuid, position, text FROM agenda_items"
                                  " WHERE meeting_id = ? ORDER BY position, id", NULL);
  if (stmt == NULL)
    return items;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GwAgendaItem *item = g_new0 (GwAgendaItem, 1);

      item->id = sqlite3_column_int64 (stmt, 0);
      item->uuid = _gw_store_column_dup (stmt, 1);
      item->position = sqlite3_column_int (stmt, 2);
      item->text = _gw_store_column_dup (stmt, 3);
      g_ptr_array_add (items, item);
    }
  sqlite3_reset (stmt);

  return items;
}

gboolean
gw_store_set_agenda (GwStore    *self,
                     gint64      meeting_id,
                     GPtrArray  *items,
                     GError    **error)
{
  g_autofree char *now = gw_date_now_utc ();
  g_autoptr(GString) keep = g_string_new ("");
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  g_return_val_if_fail (items != NULL, FALSE);

  if (!_gw_store_check_writable (self, error) ||
      !check_meeting (self, meeting_id, error))
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      GwAgendaItem *item = g_ptr_array_index (items, i);
      g_autofree char *text = strip (item->text);

      if (text[0] == '\0')
        {
          g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                       _("Agenda item %u is empty. Write what it is about, or remove it."), i + 1);
          return FALSE;
        }
    }

  if (!gw_store_begin (self, error))
    return FALSE;

  /* Lines kept by id are updated in place so that they keep their uuid;
   * everything else goes. */
  for (guint i = 0; i < items->len; i++)
    {
      GwAgendaItem *item = g_ptr_array_index (items, i);

      if (item->id > 0)
        g_string_append_printf (keep, "%s%" G_GINT64_FORMAT, keep->len ? "," : "", item->id);
    }

  stmt = _gw_store_prepare (self, "DELETE FROM agenda_items WHERE meeting_id = ?1"
                                  " AND ',' || ?2 || ',' NOT LIKE '%,' || id || ',%'", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  _gw_store_bind_text (stmt, 2, keep->str);
  if (!_gw_store_step_done (self, stmt, error))
    goto failed;

  for (guint i = 0; i < items->len; i++)
    {
      GwAgendaItem *item = g_ptr_array_index (items, i);
      g_autofree char *text = strip (item->text);
      gboolean updated = FALSE;

      if (item->id > 0)
        {
          stmt = _gw_store_prepare (self, "UPDATE agenda_items SET position = ?, text = ?,"
                                          " updated = ? WHERE id = ? AND meeting_id = ?", error);
          if (stmt == NULL)
            goto failed;
          sqlite3_bind_int (stmt, 1, i);
          _gw_store_bind_text (stmt, 2, text);
          _gw_store_bind_text (stmt, 3, now);
          sqlite3_bind_int64 (stmt, 4, item->id);
          sqlite3_bind_int64 (stmt, 5, meeting_id);
          if (!_gw_store_step_done (self, stmt, error))
            goto failed;
          updated = sqlite3_changes (_gw_store_get_db (self)) > 0;
        }

      if (!updated)
        {
          g_autofree char *uuid = gw_text_uuid ();

          stmt = _gw_store_prepare (self, "INSERT INTO agenda_items (uuid, meeting_id, position,"
                                          " text, created, updated) VALUES (?, ?, ?, ?, ?5, ?5)",
                                    error);
          if (stmt == NULL)
            goto failed;
          _gw_store_bind_text (stmt, 1, uuid);
          sqlite3_bind_int64 (stmt, 2, meeting_id);
          sqlite3_bind_int (stmt, 3, i);
          _gw_store_bind_text (stmt, 4, text);
          _gw_store_bind_text (stmt, 5, now);
          if (!_gw_store_step_done (self, stmt, error))
            goto failed;
        }
    }

  _gw_store_meeting_changed (self, meeting_id);
  return gw_store_commit (self, error);

failed:
  gw_store_rollback (self);
  return FALSE;
}

/* Decisions. */

GPtrArray *
gw_store_list_decisions (GwStore *self,
                         gint64   meeting_id)
{
  GPtrArray *decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_decision_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), decisions);

  stmt = _gw_store_prepare (self, "SELECT id, uuid, meeting_id, text, outcome, votes_for,"
                                  " votes_against, votes_abstain FROM decisions"
                                  " WHERE meeting_id = ? ORDER BY id", NULL);
  if (stmt == NULL)
    return decisions;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GwDecision *decision = g_new0 (GwDecision, 1);

      decision->id = sqlite3_column_int64 (stmt, 0);
      decision->uuid = _gw_store_column_dup (stmt, 1);
      decision->meeting_id = sqlite3_column_int64 (stmt, 2);
      decision->text = _gw_store_column_dup (stmt, 3);
      decision->outcome = _gw_store_column_dup (stmt, 4);
      decision->votes_for = sqlite3_column_int (stmt, 5);
      decision->votes_against = sqlite3_column_int (stmt, 6);
      decision->votes_abstain = sqlite3_column_int (stmt, 7);
      g_ptr_array_add (decisions, decision);
    }
  sqlite3_reset (stmt);

  return decisions;
}

static gboolean
validate_decision (const GwDecision  *decision,
                   GError           **error)
{
  g_autofree char *text = strip (decision->text);

  if (text[0] == '\0')
    return invalid (error, _("Write what was decided."));

  if (decision->votes_for < 0 || decision->votes_against < 0 || decision->votes_abstain < 0)
    return invalid (error, _("A number of votes cannot be negative."));

  return TRUE;
}

static gint64
meeting_of (GwStore    *self,
            const char *sql,
            gint64      id)
{
  sqlite3_stmt *stmt = _gw_store_prepare (self, sql, NULL);
  gint64 meeting_id = 0;

  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    meeting_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return meeting_id;
}

gint64
gw_store_add_decision (GwStore           *self,
                       gint64             meeting_id,
                       const GwDecision  *decision,
                       GError           **error)
{
  g_autofree char *uuid = gw_text_uuid ();
  g_autofree char *now = gw_date_now_utc ();
  g_autofree char *text = NULL;
  g_autofree char *outcome = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), 0);
  g_return_val_if_fail (decision != NULL, 0);

  if (!_gw_store_check_writable (self, error) ||
      !check_meeting (self, meeting_id, error) ||
      !validate_decision (decision, error))
    return 0;

  text = strip (decision->text);
  outcome = strip (decision->outcome);

  stmt = _gw_store_prepare (self, "INSERT INTO decisions (uuid, meeting_id, text, outcome, votes_for,"
                                  " votes_against, votes_abstain, created, updated)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?8, ?8)", error);
  if (stmt == NULL)
    return 0;

  _gw_store_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, meeting_id);
  _gw_store_bind_text (stmt, 3, text);
  _gw_store_bind_text (stmt, 4, outcome);
  sqlite3_bind_int (stmt, 5, decision->votes_for);
  sqlite3_bind_int (stmt, 6, decision->votes_against);
  sqlite3_bind_int (stmt, 7, decision->votes_abstain);
  _gw_store_bind_text (stmt, 8, now);

  if (!_gw_store_step_done (self, stmt, error))
    return 0;

  _gw_store_meeting_changed (self, meeting_id);
  return sqlite3_last_insert_rowid (_gw_store_get_db (self));
}

gboolean
gw_store_update_decision (GwStore           *self,
                          const GwDecision  *decision,
                          GError           **error)
{
  g_autofree char *now = gw_date_now_utc ();
  g_autofree char *text = NULL;
  g_autofree char *outcome = NULL;
  sqlite3_stmt *stmt;
  gint64 meeting_id;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  g_return_val_if_fail (decision != NULL, FALSE);

  if (!_gw_store_check_writable (self, error) ||
      !validate_decision (decision, error))
    return FALSE;

  text = strip (decision->text);
  outcome = strip (decision->outcome);

  stmt = _gw_store_prepare (self, "UPDATE decisions SET text = ?, outcome = ?, votes_for = ?,"
                                  " votes_against = ?, votes_abstain = ?, updated = ? WHERE id = ?",
                            error);
  if (stmt == NULL)
    return FALSE;

  _gw_store_bind_text (stmt, 1, text);
  _gw_store_bind_text (stmt, 2, outcome);
  sqlite3_bind_int (stmt, 3, decision->votes_for);
  sqlite3_bind_int (stmt, 4, decision->votes_against);
  sqlite3_bind_int (stmt, 5, decision->votes_abstain);
  _gw_store_bind_text (stmt, 6, now);
  sqlite3_bind_int64 (stmt, 7, decision->id);

  if (!step_one (self, stmt, _("This decision no longer exists."), error))
    return FALSE;

  meeting_id = meeting_of (self, "SELECT meeting_id FROM decisions WHERE id = ?", decision->id);
  _gw_store_meeting_changed (self, meeting_id);
  return TRUE;
}

/* Removes one row of a meeting's record (@delete_sql deletes it by id,
 * @meeting_sql finds its meeting) and announces the meeting's change. */
static gboolean
remove_meeting_row (GwStore     *self,
                    const char  *meeting_sql,
                    const char  *delete_sql,
                    gint64       id,
                    const char  *gone,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 meeting_id;

  if (!_gw_store_check_writable (self, error))
    return FALSE;

  meeting_id = meeting_of (self, meeting_sql, id);

  stmt = _gw_store_prepare (self, delete_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  if (!step_one (self, stmt, gone, error))
    return FALSE;

  _gw_store_meeting_changed (self, meeting_id);
  return TRUE;
}

gboolean
gw_store_remove_decision (GwStore  *self,
                          gint64    decision_id,
                          GError  **error)
{
  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  return remove_meeting_row (self, "SELECT meeting_id FROM decisions WHERE id = ?",
                             "DELETE FROM decisions WHERE id = ?", decision_id,
                             _("This decision no longer exists."), error);
}

/* Action items. */

#define ACTION_COLUMNS                                                                    \
  "x.id, x.uuid, x.meeting_id, m.title, m.date, x.what, x.owner_id, o.full_name, x.due, x.done"

#define ACTION_FROM                                                                       \
  " FROM action_items x JOIN meetings m ON m.id = x.meeting_id"                           \
  " LEFT JOIN members o ON o.id = x.owner_id AND o.deleted = 0"

static GwActionItem *
action_from_row (sqlite3_stmt *stmt,
                 const char   *today)
{
  GwActionItem *item = g_new0 (GwActionItem, 1);

  item->id = sqlite3_column_int64 (stmt, 0);
  item->uuid = _gw_store_column_dup (stmt, 1);
  item->meeting_id = sqlite3_column_int64 (stmt, 2);
  item->meeting_title = _gw_store_column_dup (stmt, 3);
  item->meeting_date = _gw_store_column_dup (stmt, 4);
  item->what = _gw_store_column_dup (stmt, 5);
  if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
    {
      item->owner_id = sqlite3_column_int64 (stmt, 6);
      item->owner_name = _gw_store_column_dup (stmt, 7);
    }
  else
    item->owner_name = g_strdup ("");
  if (sqlite3_column_type (stmt, 8) != SQLITE_NULL)
    item->due = _gw_store_column_dup (stmt, 8);
  if (sqlite3_column_type (stmt, 9) != SQLITE_NULL)
    item->done = _gw_store_column_dup (stmt, 9);
  item->overdue = item->done == NULL && item->due != NULL && today != NULL &&
                  strcmp (item->due, today) < 0;

  return item;
}

static gboolean
validate_action (GwStore     *self,
                 const char  *what,
                 gint64       owner_id,
                 const char  *due,
                 GError     **error)
{
  g_autofree char *text = strip (what);

  if (text[0] == '\0')
    return invalid (error, _("Write what needs doing."));

  if (due != NULL && due[0] != '\0' && !check_date (due, error))
    return FALSE;

  if (owner_id != 0 && !check_person (self, owner_id, error))
    return FALSE;

  return TRUE;
}

static void
bind_optional_text (sqlite3_stmt *stmt,
                    int           index,
                    const char   *text)
{
  if (text == NULL || text[0] == '\0')
    sqlite3_bind_null (stmt, index);
  else
    _gw_store_bind_text (stmt, index, text);
}

gint64
gw_store_add_action (GwStore     *self,
                     gint64       meeting_id,
                     const char  *what,
                     gint64       owner_id,
                     const char  *due,
                     GError     **error)
{
  g_autofree char *uuid = gw_text_uuid ();
  g_autofree char *now = gw_date_now_utc ();
  g_autofree char *text = strip (what);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), 0);

  if (!_gw_store_check_writable (self, error) ||
      !check_meeting (self, meeting_id, error) ||
      !validate_action (self, what, owner_id, due, error))
    return 0;

  stmt = _gw_store_prepare (self, "INSERT INTO action_items (uuid, meeting_id, what, owner_id, due,"
                                  " created, updated) VALUES (?, ?, ?, ?, ?, ?6, ?6)", error);
  if (stmt == NULL)
    return 0;

  _gw_store_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, meeting_id);
  _gw_store_bind_text (stmt, 3, text);
  if (owner_id != 0)
    sqlite3_bind_int64 (stmt, 4, owner_id);
  else
    sqlite3_bind_null (stmt, 4);
  bind_optional_text (stmt, 5, due);
  _gw_store_bind_text (stmt, 6, now);

  if (!_gw_store_step_done (self, stmt, error))
    return 0;

  _gw_store_meeting_changed (self, meeting_id);
  return sqlite3_last_insert_rowid (_gw_store_get_db (self));
}

gboolean
gw_store_update_action (GwStore             *self,
                        const GwActionItem  *item,
                        GError             **error)
{
  g_autofree char *now = gw_date_now_utc ();
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  if (!_gw_store_check_writable (self, error) ||
      !validate_action (self, item->what, item->owner_id, item->due, error))
    return FALSE;

  text = strip (item->what);
  stmt = _gw_store_prepare (self, "UPDATE action_items SET what = ?, owner_id = ?, due = ?,"
                                  " updated = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  _gw_store_bind_text (stmt, 1, text);
  if (item->owner_id != 0)
    sqlite3_bind_int64 (stmt, 2, item->owner_id);
  else
    sqlite3_bind_null (stmt, 2);
  bind_optional_text (stmt, 3, item->due);
  _gw_store_bind_text (stmt, 4, now);
  sqlite3_bind_int64 (stmt, 5, item->id);

  if (!step_one (self, stmt, _("This action item no longer exists."), error))
    return FALSE;

  _gw_store_meeting_changed (self, meeting_of (self, "SELECT meeting_id FROM action_items WHERE id = ?",
                                               item->id));
  return TRUE;
}

gboolean
gw_store_set_action_done (GwStore     *self,
                          gint64       action_id,
                          const char  *done_date,
                          GError     **error)
{
  g_autofree char *now = gw_date_now_utc ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  if (!_gw_store_check_writable (self, error))
    return FALSE;

  if (done_date != NULL && !check_date (done_date, error))
    return FALSE;

  stmt = _gw_store_prepare (self, "UPDATE action_items SET done = ?, updated = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  bind_optional_text (stmt, 1, done_date);
  _gw_store_bind_text (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, action_id);

  if (!step_one (self, stmt, _("This action item no longer exists."), error))
    return FALSE;

  _gw_store_meeting_changed (self, meeting_of (self, "SELECT meeting_id FROM action_items WHERE id = ?",
                                               action_id));
  return TRUE;
}

gboolean
gw_store_remove_action (GwStore  *self,
                        gint64    action_id,
                        GError  **error)
{
  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  return remove_meeting_row (self, "SELECT meeting_id FROM action_items WHERE id = ?",
                             "DELETE FROM action_items WHERE id = ?", action_id,
                             _("This action item no longer exists."), error);
}

static GPtrArray *
collect_actions (GwStore    *self,
                 const char *sql,
                 gint64      meeting_id,
                 const char *today)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_action_item_free);
  sqlite3_stmt *stmt = _gw_store_prepare (self, sql, NULL);

  if (stmt == NULL)
    return items;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  if (today != NULL)
    _gw_store_bind_text (stmt, 2, today);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (items, action_from_row (stmt, today));
  sqlite3_reset (stmt);

  return items;
}

GPtrArray *
gw_store_list_actions (GwStore *self,
                       gint64   meeting_id)
{
  g_autofree char *today = gw_date_today ();

  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  return collect_actions (self, "SELECT " ACTION_COLUMNS ACTION_FROM
                                " WHERE x.meeting_id = ?1 AND ?2 = ?2 ORDER BY x.id",
                          meeting_id, today);
}

GPtrArray *
gw_store_list_open_actions (GwStore    *self,
                            const char *today)
{
  g_return_val_if_fail (GW_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  return collect_actions (self, "SELECT " ACTION_COLUMNS ACTION_FROM
                                " WHERE x.done IS NULL AND m.deleted = 0 AND ?1 = ?1 AND ?2 = ?2"
                                " ORDER BY x.due IS NULL, x.due, m.date, x.id",
                          0, today);
}

GPtrArray *
gw_store_list_overdue_actions (GwStore    *self,
                               const char *today)
{
  g_return_val_if_fail (GW_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  return collect_actions (self, "SELECT " ACTION_COLUMNS ACTION_FROM
                                " WHERE x.done IS NULL AND m.deleted = 0 AND ?1 = ?1"
                                " AND x.due IS NOT NULL AND x.due < ?2"
                                " ORDER BY x.due, m.date, x.id",
                          0, today);
}

/* Attendance. */

static gboolean
insert_attendance (GwStore   *self,
                   gint64     meeting_id,
                   gint64     member_id,
                   gboolean   walk_in,
                   GError   **error)
{
  g_autofree char *uuid = gw_text_uuid ();
  g_autofree char *now = gw_date_now_utc ();
  sqlite3_stmt *stmt;

  stmt = _gw_store_prepare (self, "INSERT INTO attendance (meeting_id, member_id, uuid, walk_in,"
                                  " created, updated) VALUES (?, ?, ?, ?, ?5, ?5)"
                                  " ON CONFLICT (meeting_id, member_id) DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, member_id);
  _gw_store_bind_text (stmt, 3, uuid);
  sqlite3_bind_int (stmt, 4, walk_in ? 1 : 0);
  _gw_store_bind_text (stmt, 5, now);

  if (!_gw_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (_gw_store_get_db (self)) > 0)
    _gw_store_meeting_changed (self, meeting_id);

  return TRUE;
}

gboolean
gw_store_check_in (GwStore  *self,
                   gint64    meeting_id,
                   gint64    member_id,
                   GError  **error)
{
  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  if (!_gw_store_check_writable (self, error) ||
      !check_meeting (self, meeting_id, error) ||
      !check_person (self, member_id, error))
    return FALSE;

  return insert_attendance (self, meeting_id, member_id, FALSE, error);
}

gboolean
gw_store_check_out (GwStore  *self,
                    gint64    meeting_id,
                    gint64    member_id,
                    GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  if (!_gw_store_check_writable (self, error) ||
      !check_meeting (self, meeting_id, error))
    return FALSE;

  stmt = _gw_store_prepare (self, "DELETE FROM attendance WHERE meeting_id = ? AND member_id = ?",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, member_id);

  if (!step_one (self, stmt, _("This person was not checked in to the meeting."), error))
    return FALSE;

  _gw_store_meeting_changed (self, meeting_id);
  return TRUE;
}

gboolean
gw_store_is_checked_in (GwStore *self,
                        gint64   meeting_id,
                        gint64   member_id)
{
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  stmt = _gw_store_prepare (self, "SELECT 1 FROM attendance WHERE meeting_id = ? AND member_id = ?",
                            NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, member_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return found;
}

gboolean
gw_store_set_minutes_given (GwStore  *self,
                            gint64    meeting_id,
                            gint64    member_id,
                            int       minutes,
                            GError  **error)
{
  g_autofree char *now = gw_date_now_utc ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  if (!_gw_store_check_writable (self, error))
    return FALSE;

  if (minutes < 0 || minutes > 24 * 60)
    return invalid (error, _("Volunteer time must be between 0 and 24 hours."));

  stmt = _gw_store_prepare (self, "UPDATE attendance SET minutes_given = ?, updated = ?"
                                  " WHERE meeting_id = ? AND member_id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, minutes);
  _gw_store_bind_text (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, meeting_id);
  sqlite3_bind_int64 (stmt, 4, member_id);

  if (!step_one (self, stmt, _("Check the person in to the meeting before recording their time."),
                 error))
    return FALSE;

  _gw_store_meeting_changed (self, meeting_id);
  return TRUE;
}

GPtrArray *
gw_store_list_attendance (GwStore *self,
                          gint64   meeting_id)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_attendance_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), list);

  stmt = _gw_store_prepare (self, "SELECT a.meeting_id, a.member_id, p.full_name, p.community_name,"
                                  " p.phone, p.languages, p.stage, a.minutes_given, a.walk_in"
                                  " FROM attendance a JOIN members p ON p.id = a.member_id"
                                  " WHERE a.meeting_id = ? AND p.deleted = 0"
                                  " ORDER BY p.sort_key, p.id", NULL);
  if (stmt == NULL)
    return list;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GwAttendance *attendance = g_new0 (GwAttendance, 1);

      attendance->meeting_id = sqlite3_column_int64 (stmt, 0);
      attendance->member_id = sqlite3_column_int64 (stmt, 1);
      attendance->full_name = _gw_store_column_dup (stmt, 2);
      attendance->community_name = _gw_store_column_dup (stmt, 3);
      attendance->phone = _gw_store_column_dup (stmt, 4);
      attendance->languages = _gw_store_column_dup (stmt, 5);
      attendance->stage = CLAMP (sqlite3_column_int (stmt, 6), 0, GW_N_STAGES - 1);
      attendance->minutes_given = sqlite3_column_int (stmt, 7);
      attendance->walk_in = sqlite3_column_int (stmt, 8) != 0;
      g_ptr_array_add (list, attendance);
    }
  sqlite3_reset (stmt);

  return list;
}

gint64
gw_store_add_walk_in (GwStore     *self,
                      gint64       meeting_id,
                      const char  *full_name,
                      const char  *phone,
                      GError     **error)
{
  g_autoptr(GwMeeting) meeting = NULL;
  g_autoptr(GwMember) draft = NULL;
  g_autofree char *today = gw_date_today ();
  gint64 id;

  g_return_val_if_fail (GW_IS_STORE (self), 0);

  if (!_gw_store_check_writable (self, error) ||
      !check_meeting (self, meeting_id, error))
    return 0;

  meeting = gw_store_load_meeting (self, meeting_id, error);
  if (meeting == NULL)
    return 0;

  draft = gw_member_new ();
  gw_member_set_full_name (draft, full_name);
  gw_member_set_phone (draft, phone);
  /* Someone who walks into a meeting planned for later is joining today. */
  gw_member_set_joined (draft, strcmp (meeting->date, today) <= 0 ? meeting->date : today);

  if (!gw_store_begin (self, error))
    return 0;

  id = gw_store_add_member (self, draft, _("Sign-in sheet"), error);
  if (id == 0 || !insert_attendance (self, meeting_id, id, TRUE, error))
    {
      gw_store_rollback (self);
      return 0;
    }

  if (!gw_store_commit (self, error))
    return 0;

  return id;
}

/* Sign-in names. */

/* Folds @text and turns punctuation into spaces, so that "Martínez, José"
 * becomes "martinez jose". */
static char *
fold_name (const char *text)
{
  g_autofree char *folded = gw_text_fold (text);
  g_auto(GStrv) words = NULL;
  GString *out = g_string_new (NULL);

  for (char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c) && c != '\'')
        *p = ' ';
    }

  words = g_strsplit (folded, " ", -1);
  for (guint i = 0; words[i]; i++)
    if (words[i][0] != '\0')
      {
        if (out->len > 0)
          g_string_append_c (out, ' ');
        g_string_append (out, words[i]);
      }

  return g_string_free (out, FALSE);
}

/* Compares with a pointer to pointer, for qsort. */
static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static char *
sort_words_properly (const char *folded)
{
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);

  qsort (words, g_strv_length (words), sizeof (char *), compare_strings);
  return g_strjoinv (" ", words);
}

typedef struct
{
  char  *folded;   /* as typed, folded */
  char  *sorted;   /* its words in alphabetical order */
  guint  max;      /* the largest distance still worth showing */
} Typed;

static guint
name_distance (const Typed *typed,
               const char  *name)
{
  g_autofree char *folded = NULL;
  g_autofree char *sorted = NULL;
  guint direct, swapped;

  if (name == NULL || name[0] == '\0')
    return G_MAXUINT;

  folded = fold_name (name);
  if (folded[0] == '\0')
    return G_MAXUINT;

  if (strcmp (folded, typed->folded) == 0)
    return 0;

  sorted = sort_words_properly (folded);
  if (strcmp (sorted, typed->sorted) == 0)
    return 0;

  direct = gw_text_distance (typed->folded, folded, typed->max);
  swapped = gw_text_distance (typed->sorted, sorted, typed->max);

  return MIN (direct, swapped);
}

static void
typed_init (Typed      *typed,
            const char *text)
{
  typed->folded = fold_name (text);
  typed->sorted = sort_words_properly (typed->folded);
  /* About one slip in four letters, and always at least one. */
  typed->max = MAX (1, g_utf8_strlen (typed->folded, -1) / 4);
}

static void
typed_clear (Typed *typed)
{
  g_clear_pointer (&typed->folded, g_free);
  g_clear_pointer (&typed->sorted, g_free);
}

guint
gw_sign_in_name_distance (GwMember   *member,
                          const char *typed_text)
{
  Typed typed;
  guint best;

  g_return_val_if_fail (GW_IS_MEMBER (member), G_MAXUINT);

  typed_init (&typed, typed_text);
  typed.max = G_MAXUINT / 2;
  best = MIN (name_distance (&typed, gw_member_get_full_name (member)),
              name_distance (&typed, gw_member_get_community_name (member)));
  typed_clear (&typed);

  return best;
}

typedef struct
{
  gint64 id;
  guint  distance;
  char  *sort_key;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a;
  const Candidate *cb = b;

  if (ca->distance != cb->distance)
    return ca->distance < cb->distance ? -1 : 1;
  return g_strcmp0 (ca->sort_key, cb->sort_key);
}

static void
clear_candidate (gpointer data)
{
  g_free (((Candidate *) data)->sort_key);
}

/* Reads the people an FTS query finds and scores them. At most @cap rows are
 * read, so that a very common first letter cannot make a sheet slow. */
static void
score_matches (GwStore    *self,
               const char *match,
               Typed      *typed,
               GArray     *candidates,
               GHashTable *seen,
               guint       cap)
{
  sqlite3_stmt *stmt;
  guint n = 0;

  stmt = _gw_store_prepare (self, "SELECT m.id, m.full_name, m.community_name, m.sort_key"
                                  " FROM members_fts f CROSS JOIN members m ON m.id = f.rowid"
                                  " WHERE members_fts MATCH ? AND m.deleted = 0 LIMIT ?", NULL);
  if (stmt == NULL)
    return;

  _gw_store_bind_text (stmt, 1, match);
  sqlite3_bind_int (stmt, 2, cap);

  while (sqlite3_step (stmt) == SQLITE_ROW && n++ < cap)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint distance;

      if (g_hash_table_contains (seen, &id))
        continue;

      distance = MIN (name_distance (typed, (const char *) sqlite3_column_text (stmt, 1)),
                      name_distance (typed, (const char *) sqlite3_column_text (stmt, 2)));
      if (distance <= typed->max)
        {
          Candidate candidate = { id, distance, _gw_store_column_dup (stmt, 3) };
          gint64 *key = g_new (gint64, 1);

          *key = id;
          g_hash_table_add (seen, key);
          g_array_append_val (candidates, candidate);
        }
    }
  sqlite3_reset (stmt);
}

/* An FTS query of the first @n_letters letters of every word, joined with
 * @op; NULL when no word is long enough. */
static char *
prefix_query (const char *folded,
              guint       n_letters,
              const char *op)
{
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);
  GString *query = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    {
      glong len = g_utf8_strlen (words[i], -1);
      g_autofree char *prefix = NULL;

      if (len < 2)
        continue;

      prefix = g_utf8_substring (words[i], 0, MIN (len, (glong) n_letters));
      /* Only letters and digits reach the query (fold_name() saw to that,
       * bar apostrophes), and quoting keeps FTS5 operators out. */
      g_strdelimit (prefix, "'\"", ' ');
      g_strstrip (prefix);
      if (prefix[0] == '\0')
        continue;

      if (query->len > 0)
        g_string_append_printf (query, " %s ", op);
      g_string_append_printf (query, "\"%s\"*", prefix);
    }

  if (query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }

  {
    g_autofree char *terms = g_string_free (query, FALSE);

    return g_strdup_printf ("{full_name community_name} : (%s)", terms);
  }
}

GPtrArray *
gw_store_match_sign_in_name (GwStore    *self,
                             const char *typed_text,
                             guint       limit)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *all_words = NULL;
  g_autofree char *any_word = NULL;
  Typed typed;

  g_return_val_if_fail (GW_IS_STORE (self), found);

  if (limit == 0)
    limit = 5;

  typed_init (&typed, typed_text);
  if (typed.folded[0] == '\0')
    {
      typed_clear (&typed);
      return found;
    }

  g_array_set_clear_func (candidates, clear_candidate);

  /* First everyone whose names start like every typed word, in any order:
   * few people, and the right one unless the first letters are wrong. */
  all_words = prefix_query (typed.folded, 2, "AND");
  if (all_words != NULL)
    score_matches (self, all_words, &typed, candidates, seen, 5000);

  /* Then, unless that found a sure match, anyone sharing the first three
   * letters of any one word, which catches a slip early in the other. */
  g_array_sort (candidates, compare_candidates);
  if (candidates->len < limit ||
      g_array_index (candidates, Candidate, limit - 1).distance > 1)
    {
      any_word = prefix_query (typed.folded, 3, "OR");
      if (any_word != NULL)
        score_matches (self, any_word, &typed, candidates, seen, 2500);
    }

  g_array_sort (candidates, compare_candidates);

  for (guint i = 0; i < candidates->len && found->len < limit; i++)
    {
      GwMember *member = gw_store_load_member (self, g_array_index (candidates, Candidate, i).id, NULL);

      if (member != NULL)
        g_ptr_array_add (found, member);
    }

  typed_clear (&typed);
  return found;
}

/* Volunteer time. */

GPtrArray *
gw_store_list_volunteer_time (GwStore    *self,
                              const char *from_date,
                              const char *to_date)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_volunteer_time_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), list);

  stmt = _gw_store_prepare (self, "SELECT p.id, p.full_name, count(*), sum(a.minutes_given)"
                                  " FROM attendance a JOIN meetings m ON m.id = a.meeting_id"
                                  " JOIN members p ON p.id = a.member_id"
                                  " WHERE m.deleted = 0 AND p.deleted = 0"
                                  " AND (?1 IS NULL OR m.date >= ?1) AND (?2 IS NULL OR m.date <= ?2)"
                                  " GROUP BY p.id ORDER BY sum(a.minutes_given) DESC, p.sort_key, p.id",
                            NULL);
  if (stmt == NULL)
    return list;

  if (from_date != NULL)
    _gw_store_bind_text (stmt, 1, from_date);
  if (to_date != NULL)
    _gw_store_bind_text (stmt, 2, to_date);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GwVolunteerTime *time = g_new0 (GwVolunteerTime, 1);

      time->member_id = sqlite3_column_int64 (stmt, 0);
      time->full_name = _gw_store_column_dup (stmt, 1);
      time->n_meetings = sqlite3_column_int (stmt, 2);
      time->minutes = sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (list, time);
    }
  sqlite3_reset (stmt);

  return list;
}

gint64
gw_store_get_volunteer_minutes (GwStore    *self,
                                gint64      member_id,
                                const char *from_date,
                                const char *to_date)
{
  sqlite3_stmt *stmt;
  gint64 minutes = 0;

  g_return_val_if_fail (GW_IS_STORE (self), 0);

  stmt = _gw_store_prepare (self, "SELECT coalesce(sum(a.minutes_given), 0)"
                                  " FROM attendance a JOIN meetings m ON m.id = a.meeting_id"
                                  " WHERE a.member_id = ?3 AND m.deleted = 0"
                                  " AND (?1 IS NULL OR m.date >= ?1) AND (?2 IS NULL OR m.date <= ?2)",
                            NULL);
  if (stmt == NULL)
    return 0;

  if (from_date != NULL)
    _gw_store_bind_text (stmt, 1, from_date);
  if (to_date != NULL)
    _gw_store_bind_text (stmt, 2, to_date);
  sqlite3_bind_int64 (stmt, 3, member_id);

  if (sqlite3_step (stmt) == SQLITE_ROW)
    minutes = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return minutes;
}
