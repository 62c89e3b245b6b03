/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gw-date.h"
#include "gw-ladder.h"
#include "gw-rotation.h"
#include "gw-store-meetings.h"
#include "gw-store-private.h"
#include "gw-text.h"

GwRotationCandidate *
gw_rotation_candidate_copy (const GwRotationCandidate *candidate)
{
  GwRotationCandidate *copy = g_memdup2 (candidate, sizeof *candidate);

  copy->full_name = g_strdup (candidate->full_name);
  copy->phone = g_strdup (candidate->phone);
  copy->in_pool_since = g_strdup (candidate->in_pool_since);
  copy->last_served = g_strdup (candidate->last_served);
  copy->skip_reason = g_strdup (candidate->skip_reason);
  copy->reason = g_strdup (candidate->reason);
  copy->warning = g_strdup (candidate->warning);
  return copy;
}

void
gw_rotation_candidate_free (GwRotationCandidate *candidate)
{
  if (candidate == NULL)
    return;
  g_free (candidate->full_name);
  g_free (candidate->phone);
  g_free (candidate->in_pool_since);
  g_free (candidate->last_served);
  g_free (candidate->skip_reason);
  g_free (candidate->reason);
  g_free (candidate->warning);
  g_free (candidate);
}

G_DEFINE_BOXED_TYPE (GwRotationCandidate, gw_rotation_candidate,
                     gw_rotation_candidate_copy, gw_rotation_candidate_free)

GwRotationTurn *
gw_rotation_turn_copy (const GwRotationTurn *turn)
{
  GwRotationTurn *copy = g_memdup2 (turn, sizeof *turn);

  copy->meeting_title = g_strdup (turn->meeting_title);
  copy->date = g_strdup (turn->date);
  copy->full_name = g_strdup (turn->full_name);
  return copy;
}

void
gw_rotation_turn_free (GwRotationTurn *turn)
{
  if (turn == NULL)
    return;
  g_free (turn->meeting_title);
  g_free (turn->date);
  g_free (turn->full_name);
  g_free (turn);
}

G_DEFINE_BOXED_TYPE (GwRotationTurn, gw_rotation_turn, gw_rotation_turn_copy, gw_rotation_turn_free)

GwRotationSkip *
gw_rotation_skip_copy (const GwRotationSkip *skip)
{
  GwRotationSkip *copy = g_memdup2 (skip, sizeof *skip);

  copy->uuid = g_strdup (skip->uuid);
  copy->full_name = g_strdup (skip->full_name);
  copy->date = g_strdup (skip->date);
  copy->reason = g_strdup (skip->reason);
  return copy;
}

void
gw_rotation_skip_free (GwRotationSkip *skip)
{
  if (skip == NULL)
    return;
  g_free (skip->uuid);
  g_free (skip->full_name);
  g_free (skip->date);
  g_free (skip->reason);
  g_free (skip);
}

G_DEFINE_BOXED_TYPE (GwRotationSkip, gw_rotation_skip, gw_rotation_skip_copy, gw_rotation_skip_free)

static gboolean
invalid (GError     **error,
         int          code,
         const char  *message)
{
  g_set_error_literal (error, GW_STORE_ERROR, code, message);
  return FALSE;
}

/* The term. */

GwRotationTerm
gw_rotation_get_term (GwStore *store,
                      guint   *weeks)
{
  g_autofree char *value = NULL;
  guint64 n = 0;

  g_return_val_if_fail (GW_IS_STORE (store), GW_ROTATION_TERM_EACH_MEETING);

  value = gw_store_dup_setting (store, "rotation-term-weeks");
  if (value != NULL)
    n = g_ascii_strtoull (value, NULL, 10);

  if (n >= 1 && n <= 52)
    {
      if (weeks != NULL)
        *weeks = (guint) n;
      return GW_ROTATION_TERM_WEEKS;
    }

  if (weeks != NULL)
    *weeks = 0;
  return GW_ROTATION_TERM_EACH_MEETING;
}

gboolean
gw_rotation_set_term (GwStore        *store,
                      GwRotationTerm  term,
                      guint           weeks,
                      GError        **error)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (GW_IS_STORE (store), FALSE);

  if (term == GW_ROTATION_TERM_EACH_MEETING)
    return gw_store_set_setting (store, "rotation-term-weeks", NULL, error);

  if (weeks < 1 || weeks > 52)
    return invalid (error, GW_STORE_ERROR_INVALID,
                    _("A secretary’s term must be between 1 and 52 weeks."));

  value = g_strdup_printf ("%u", weeks);
  return gw_store_set_setting (store, "rotation-term-weeks", value, error);
}

/* The pool. */

/* Whether @member_id may be secretary: an active member or cadre. */
static gboolean
check_eligible (GwStore  *store,
                gint64    member_id,
                GError  **error)
{
  g_autofree char *name = NULL;
  int stage, status;

  if (!_gw_store_get_stage_status (store, member_id, &stage, &status, &name, error))
    return FALSE;

  if (stage < GW_STAGE_MEMBER)
    {
      g_autofree char *volunteer = gw_ladder_dup_stage_label (store, GW_STAGE_VOLUNTEER);
      g_autofree char *member = gw_ladder_dup_stage_label (store, GW_STAGE_MEMBER);
      g_autofree char *cadre = gw_ladder_dup_stage_label (store, GW_STAGE_CADRE);

      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                   _("%s is a %s. The secretary’s role rotates among %s and %s only."),
                   name, volunteer, member, cadre);
      return FALSE;
    }

  if (status != GW_STATUS_ACTIVE)
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                   _("%s is not active (%s), so they cannot be secretary."),
                   name, gw_status_get_label (status));
      return FALSE;
    }

  return TRUE;
}

gboolean
gw_rotation_join_pool (GwStore     *store,
                       gint64       member_id,
                       const char  *since,
                       GError     **error)
{
  g_autofree char *today = gw_date_today ();
  g_autofree char *uuid = gw_text_uuid ();
  g_autofree char *now = gw_date_now_utc ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (store), FALSE);

  if (!_gw_store_check_writable (store, error) ||
      !check_eligible (store, member_id, error))
    return FALSE;

  if (since == NULL)
    since = today;
  if (!gw_date_is_valid (since))
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                   _("“%s” is not a real date. Write it as YYYY-MM-DD."), since);
      return FALSE;
    }

  stmt = _gw_store_prepare (store, "INSERT INTO rotation_pool (member_id, uuid, since, created, updated)"
                                   " VALUES (?, ?, ?, ?4, ?4) ON CONFLICT (member_id) DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, member_id);
  _gw_store_bind_text (stmt, 2, uuid);
  _gw_store_bind_text (stmt, 3, since);
  _gw_store_bind_text (stmt, 4, now);

  if (!_gw_store_step_done (store, stmt, error))
    return FALSE;

  _gw_store_meeting_changed (store, 0);
  return TRUE;
}

gboolean
gw_rotation_leave_pool (GwStore  *store,
                        gint64    member_id,
                        GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (store), FALSE);

  if (!_gw_store_check_writable (store, error))
    return FALSE;

  stmt = _gw_store_prepare (store, "DELETE FROM rotation_pool WHERE member_id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, member_id);
  if (!_gw_store_step_done (store, stmt, error))
    return FALSE;

  if (sqlite3_changes (_gw_store_get_db (store)) == 0)
    return invalid (error, GW_STORE_ERROR_NOT_FOUND,
                    _("This person is not in the secretary’s rotation."));

  _gw_store_meeting_changed (store, 0);
  return TRUE;
}

gboolean
gw_rotation_is_in_pool (GwStore *store,
                        gint64   member_id)
{
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (GW_IS_STORE (store), FALSE);

  stmt = _gw_store_prepare (store, "SELECT 1 FROM rotation_pool WHERE member_id = ?", NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, member_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return found;
}

guint
gw_rotation_count_eligible (GwStore *store)
{
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (GW_IS_STORE (store), 0);

  stmt = _gw_store_prepare (store, "SELECT count(*) FROM members"
                                   " WHERE deleted = 0 AND status = ? AND stage >= ?", NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int (stmt, 1, GW_STATUS_ACTIVE);
  sqlite3_bind_int (stmt, 2, GW_STAGE_MEMBER);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return n;
}

/* The order. */

typedef struct
{
  GwRotationCandidate *candidate;
  char                *uuid;
} Entry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const GwRotationCandidate *ca = ((const Entry *) a)->candidate;
  const GwRotationCandidate *cb = ((const Entry *) b)->candidate;
  int cmp;

  if (ca->skipped != cb->skipped)
    return ca->skipped ? 1 : -1;

  if ((ca->last_served == NULL) != (cb->last_served == NULL))
    return ca->last_served == NULL ? -1 : 1;

  cmp = g_strcmp0 (ca->last_served, cb->last_served);
  if (cmp != 0)
    return cmp;

  if (ca->n_turns != cb->n_turns)
    return ca->n_turns < cb->n_turns ? -1 : 1;

  cmp = g_strcmp0 (ca->in_pool_since, cb->in_pool_since);
  if (cmp != 0)
    return cmp;

  return g_strcmp0 (((const Entry *) a)->uuid, ((const Entry *) b)->uuid);
}

/* Over-share: far more turns than the pool's mean. Returns the mean. */
static double
mean_turns (GwStore *store)
{
  sqlite3_stmt *stmt;
  double mean = 0.0;

  /* Everyone in the pool now, and everyone who ever served. */
  stmt = _gw_store_prepare (store, "SELECT count(*), coalesce(sum(n), 0) FROM ("
                                   " SELECT p.id, (SELECT count(*) FROM meetings m"
                                   "   WHERE m.secretary_id = p.id AND m.deleted = 0) AS n"
                                   " FROM (SELECT member_id AS id FROM rotation_pool UNION"
                                   "   SELECT secretary_id FROM meetings WHERE deleted = 0"
                                   "   AND secretary_id IS NOT NULL) u"
                                   " JOIN members p ON p.id = u.id WHERE p.deleted = 0)",
                            NULL);
  if (stmt == NULL)
    return 0.0;

  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0)
    mean = sqlite3_column_double (stmt, 1) / sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return mean;
}

static gboolean
is_over_share (guint  n_turns,
               double mean)
{
  return n_turns >= 3 && n_turns > 2.0 * mean;
}

static char *
over_share_message (const char *name,
                    guint       n_turns,
                    double      mean)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* TRANSLATORS: "Rosa has been secretary 9 times,
                                        * more than twice the average of 2.5 turns." */
                                       "%s has been secretary %u time, more than twice the "
                                       "average of %.1f turns. Let others learn the role.",
                                       "%s has been secretary %u times, more than twice the "
                                       "average of %.1f turns. Let others learn the role.",
                                       n_turns),
                          name, n_turns, mean);
}

/* Joins two or more names into a list the way the language writes one,
 * "Rosa, Ana and Bao". The list is built from its end, a pair at a time,
 * so that a translation can order and punctuate each pair its own way. */
static char *
join_names (GPtrArray *names)
{
  char *list;

  g_assert (names->len >= 2);

  /* TRANSLATORS: joins the last two names of a list: "Ana and Bao", or
   * the end of a longer one, "Rosa, Ana and Bao". */
  list = g_strdup_printf (C_("list of names", "%s and %s"),
                          (const char *) g_ptr_array_index (names, names->len - 2),
                          (const char *) g_ptr_array_index (names, names->len - 1));

  for (guint i = names->len - 2; i > 0; i--)
    {
      /* TRANSLATORS: puts a name in front of the rest of a list: "Rosa, Ana
       * and Bao". */
      char *longer = g_strdup_printf (C_("list of names", "%s, %s"),
                                      (const char *) g_ptr_array_index (names, i - 1), list);

      g_free (list);
      list = longer;
    }

  return list;
}

static char *
base_reason (const GwRotationCandidate *candidate)
{
  g_autofree char *since = gw_date_format (candidate->in_pool_since);

  if (candidate->skipped)
    {
      return g_strdup_printf (_("Away: %s"), candidate->skip_reason);
    }

  if (candidate->last_served == NULL)
    return g_strdup_printf (_("Never served; in the pool since %s"), since);

  {
    g_autofree char *last = gw_date_format (candidate->last_served);

    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Last served %s; %u turn so far",
                                         "Last served %s; %u turns so far",
                                         candidate->n_turns),
                            last, candidate->n_turns);
  }
}

/* Says why the earlier of two people who served equally recently comes
 * first, so that the order can be checked by anyone. */
static char *
tie_reason (const Entry *ahead,
            const Entry *behind)
{
  const GwRotationCandidate *a = ahead->candidate;
  const GwRotationCandidate *b = behind->candidate;

  if (a->n_turns != b->n_turns)
    return g_strdup_printf (_("ahead of %s (tied on last service) for fewer turns: %u against %u"),
                            b->full_name, a->n_turns, b->n_turns);

  if (g_strcmp0 (a->in_pool_since, b->in_pool_since) != 0)
    {
      g_autofree char *since = gw_date_format (b->in_pool_since);

      return g_strdup_printf (_("ahead of %s (tied on last service and turns) for being in the "
                                "pool longer; %s joined it on %s"),
                              b->full_name, b->full_name, since);
    }

  return g_strdup_printf (_("ahead of %s (tied on last service, turns and time in the pool) "
                            "by the fixed order of their record numbers"),
                          b->full_name);
}

GPtrArray *
gw_rotation_dup_order (GwStore    *store,
                       const char *date)
{
  GPtrArray *order = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_rotation_candidate_free);
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  sqlite3_stmt *stmt;
  double mean;

  g_return_val_if_fail (GW_IS_STORE (store), order);
  g_return_val_if_fail (gw_date_is_valid (date), order);

  mean = mean_turns (store);

  stmt = _gw_store_prepare (store, "SELECT p.member_id, m.full_name, m.phone, p.since, m.uuid,"
                                   " (SELECT max(t.date) FROM meetings t WHERE t.secretary_id = p.member_id"
                                   "   AND t.deleted = 0 AND t.date < ?1),"
                                   " (SELECT count(*) FROM meetings t WHERE t.secretary_id = p.member_id"
                                   "   AND t.deleted = 0 AND t.date < ?1),"
                                   " s.reason"
                                   " FROM rotation_pool p JOIN members m ON m.id = p.member_id"
                                   " LEFT JOIN rotation_skips s ON s.member_id = p.member_id AND s.date = ?1"
                                   " WHERE m.deleted = 0 AND m.status = ?2 AND m.stage >= ?3 AND p.since <= ?1",
                            NULL);
  if (stmt == NULL)
    return order;

  _gw_store_bind_text (stmt, 1, date);
  sqlite3_bind_int (stmt, 2, GW_STATUS_ACTIVE);
  sqlite3_bind_int (stmt, 3, GW_STAGE_MEMBER);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GwRotationCandidate *candidate = g_new0 (GwRotationCandidate, 1);
      Entry entry;

      candidate->member_id = sqlite3_column_int64 (stmt, 0);
      candidate->full_name = _gw_store_column_dup (stmt, 1);
      candidate->phone = _gw_store_column_dup (stmt, 2);
      candidate->in_pool_since = _gw_store_column_dup (stmt, 3);
      if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
        candidate->last_served = _gw_store_column_dup (stmt, 5);
      candidate->n_turns = sqlite3_column_int (stmt, 6);
      if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
        {
          candidate->skipped = TRUE;
          candidate->skip_reason = _gw_store_column_dup (stmt, 7);
        }

      entry.candidate = candidate;
      entry.uuid = _gw_store_column_dup (stmt, 4);
      g_array_append_val (entries, entry);
    }
  sqlite3_reset (stmt);

  g_array_sort (entries, compare_entries);

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);
      GwRotationCandidate *candidate = entry->candidate;
      g_autofree char *reason = base_reason (candidate);

      if (!candidate->skipped && i + 1 < entries->len)
        {
          Entry *next = &g_array_index (entries, Entry, i + 1);

          if (!next->candidate->skipped &&
              g_strcmp0 (candidate->last_served, next->candidate->last_served) == 0)
            {
              g_autofree char *tie = tie_reason (entry, next);
              char *joined = g_strdup_printf ("%s; %s", reason, tie);

              g_free (reason);
              reason = joined;
            }
        }

      candidate->reason = g_steal_pointer (&reason);

      /* The over-share counts every turn, not only those before @date. */
      {
        guint all_turns = candidate->n_turns;
        sqlite3_stmt *count = _gw_store_prepare (store, "SELECT count(*) FROM meetings"
                                                        " WHERE secretary_id = ? AND deleted = 0", NULL);
        if (count != NULL)
          {
            sqlite3_bind_int64 (count, 1, candidate->member_id);
            if (sqlite3_step (count) == SQLITE_ROW)
              all_turns = sqlite3_column_int (count, 0);
            sqlite3_reset (count);
          }

        if (is_over_share (all_turns, mean))
          candidate->warning = over_share_message (candidate->full_name, all_turns, mean);
      }

      g_free (entry->uuid);
      g_ptr_array_add (order, candidate);
    }

  return order;
}

/* Skips. */

gboolean
gw_rotation_skip (GwStore     *store,
                  gint64       member_id,
                  const char  *date,
                  const char  *reason,
                  GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (reason ? reason : ""));
  g_autofree char *uuid = gw_text_uuid ();
  g_autofree char *now = gw_date_now_utc ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (store), FALSE);

  if (!_gw_store_check_writable (store, error))
    return FALSE;

  if (!gw_date_is_valid (date))
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                   _("“%s” is not a real date. Write it as YYYY-MM-DD."), date ? date : "");
      return FALSE;
    }

  if (stripped[0] == '\0')
    return invalid (error, GW_STORE_ERROR_INVALID,
                    _("Say why they are skipped, so the rotation stays fair and open."));

  if (!gw_rotation_is_in_pool (store, member_id))
    return invalid (error, GW_STORE_ERROR_NOT_FOUND,
                    _("This person is not in the secretary’s rotation."));

  stmt = _gw_store_prepare (store, "INSERT INTO rotation_skips (uuid, member_id, date, reason,"
                                   " created, updated) VALUES (?, ?, ?, ?, ?5, ?5)"
                                   " ON CONFLICT (member_id, date) DO UPDATE SET"
                                   " reason = excluded.reason, updated = excluded.updated", error);
  if (stmt == NULL)
    return FALSE;

  _gw_store_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, member_id);
  _gw_store_bind_text (stmt, 3, date);
  _gw_store_bind_text (stmt, 4, stripped);
  _gw_store_bind_text (stmt, 5, now);

  if (!_gw_store_step_done (store, stmt, error))
    return FALSE;

  _gw_store_meeting_changed (store, 0);
  return TRUE;
}

gboolean
gw_rotation_unskip (GwStore     *store,
                    gint64       member_id,
                    const char  *date,
                    GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (store), FALSE);

  if (!_gw_store_check_writable (store, error))
    return FALSE;

  stmt = _gw_store_prepare (store, "DELETE FROM rotation_skips WHERE member_id = ? AND date = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, member_id);
  _gw_store_bind_text (stmt, 2, date);
  if (!_gw_store_step_done (store, stmt, error))
    return FALSE;

  if (sqlite3_changes (_gw_store_get_db (store)) == 0)
    return invalid (error, GW_STORE_ERROR_NOT_FOUND, _("This person was not skipped on that day."));

  _gw_store_meeting_changed (store, 0);
  return TRUE;
}

GPtrArray *
gw_rotation_list_skips (GwStore    *store,
                        const char *from_date,
                        const char *to_date)
{
  GPtrArray *skips = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_rotation_skip_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (store), skips);

  stmt = _gw_store_prepare (store, "SELECT s.id, s.uuid, s.member_id, m.full_name, s.date, s.reason"
                                   " FROM rotation_skips s JOIN members m ON m.id = s.member_id"
                                   " WHERE m.deleted = 0 AND (?1 IS NULL OR s.date >= ?1)"
                                   " AND (?2 IS NULL OR s.date <= ?2)"
                                   " ORDER BY s.date DESC, m.sort_key", NULL);
  if (stmt == NULL)
    return skips;

  if (from_date != NULL)
    _gw_store_bind_text (stmt, 1, from_date);
  if (to_date != NULL)
    _gw_store_bind_text (stmt, 2, to_date);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GwRotationSkip *skip = g_new0 (GwRotationSkip, 1);

      skip->id = sqlite3_column_int64 (stmt, 0);
      skip->uuid = _gw_store_column_dup (stmt, 1);
      skip->member_id = sqlite3_column_int64 (stmt, 2);
      skip->full_name = _gw_store_column_dup (stmt, 3);
      skip->date = _gw_store_column_dup (stmt, 4);
      skip->reason = _gw_store_column_dup (stmt, 5);
      g_ptr_array_add (skips, skip);
    }
  sqlite3_reset (stmt);

  return skips;
}

/* Turns. */

gboolean
gw_rotation_assign (GwStore  *store,
                    gint64    meeting_id,
                    gint64    member_id,
                    GError  **error)
{
  g_autofree char *now = gw_date_now_utc ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (store), FALSE);

  if (!_gw_store_check_writable (store, error))
    return FALSE;

  if (member_id != 0 && !check_eligible (store, member_id, error))
    return FALSE;

  stmt = _gw_store_prepare (store, "UPDATE meetings SET secretary_id = ?, updated = ?"
                                   " WHERE id = ? AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;

  if (member_id != 0)
    sqlite3_bind_int64 (stmt, 1, member_id);
  else
    sqlite3_bind_null (stmt, 1);
  _gw_store_bind_text (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, meeting_id);

  if (!_gw_store_step_done (store, stmt, error))
    return FALSE;

  if (sqlite3_changes (_gw_store_get_db (store)) == 0)
    return invalid (error, GW_STORE_ERROR_NOT_FOUND, _("This meeting no longer exists."));

  _gw_store_meeting_changed (store, meeting_id);
  return TRUE;
}

/* The secretary of the latest meeting on or before @date (strictly before
 * when @strict), and the first day of their current run of turns. */
static gint64
find_current (GwStore     *store,
              const char  *date,
              gboolean     strict,
              char       **term_start)
{
  sqlite3_stmt *stmt;
  gint64 current = 0;

  stmt = _gw_store_prepare (store, "SELECT secretary_id, date FROM meetings"
                                   " WHERE deleted = 0 AND secretary_id IS NOT NULL"
                                   " AND (date < ?1 OR (?2 = 0 AND date = ?1))"
                                   " ORDER BY date DESC, time DESC, id DESC", NULL);
  if (stmt == NULL)
    return 0;

  _gw_store_bind_text (stmt, 1, date);
  sqlite3_bind_int (stmt, 2, strict ? 1 : 0);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 secretary = sqlite3_column_int64 (stmt, 0);

      if (current != 0 && secretary != current)
        break;

      current = secretary;
      if (term_start != NULL)
        {
          g_free (*term_start);
          *term_start = _gw_store_column_dup (stmt, 1);
        }
    }
  sqlite3_reset (stmt);

  return current;
}

static gboolean
is_skipped (GwStore    *store,
            gint64      member_id,
            const char *date)
{
  sqlite3_stmt *stmt;
  gboolean skipped;

  stmt = _gw_store_prepare (store, "SELECT 1 FROM rotation_skips WHERE member_id = ? AND date = ?",
                            NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, member_id);
  _gw_store_bind_text (stmt, 2, date);
  skipped = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return skipped;
}

gint64
gw_rotation_suggest (GwStore    *store,
                     const char *date)
{
  g_autoptr(GPtrArray) order = NULL;
  guint weeks = 0;

  g_return_val_if_fail (GW_IS_STORE (store), 0);
  g_return_val_if_fail (gw_date_is_valid (date), 0);

  if (gw_rotation_get_term (store, &weeks) == GW_ROTATION_TERM_WEEKS)
    {
      g_autofree char *start = NULL;
      gint64 current = find_current (store, date, TRUE, &start);

      if (current != 0 && start != NULL)
        {
          g_autofree char *end = gw_date_add_days (start, 7 * (int) weeks);

          if (end != NULL && strcmp (date, end) < 0 && !is_skipped (store, current, date) &&
              check_eligible (store, current, NULL))
            return current;
        }
    }

  order = gw_rotation_dup_order (store, date);
  for (guint i = 0; i < order->len; i++)
    {
      GwRotationCandidate *candidate = g_ptr_array_index (order, i);

      if (!candidate->skipped)
        return candidate->member_id;
    }

  return 0;
}

/* The candidate entry of @member_id for @date, or a plain one when they are
 * not in the pool. */
static GwRotationCandidate *
candidate_for (GwStore    *store,
               gint64      member_id,
               const char *date)
{
  g_autoptr(GPtrArray) order = gw_rotation_dup_order (store, date);
  GwRotationCandidate *candidate;
  g_autofree char *name = NULL;
  int stage, status;

  for (guint i = 0; i < order->len; i++)
    if (((GwRotationCandidate *) g_ptr_array_index (order, i))->member_id == member_id)
      return g_ptr_array_steal_index (order, i);

  if (!_gw_store_get_stage_status (store, member_id, &stage, &status, &name, NULL))
    return NULL;

  candidate = g_new0 (GwRotationCandidate, 1);
  candidate->member_id = member_id;
  candidate->full_name = g_steal_pointer (&name);
  candidate->phone = g_strdup ("");
  candidate->in_pool_since = g_strdup ("");
  candidate->reason = g_strdup (_("Not in the pool; stepped in"));
  return candidate;
}

GwRotationCandidate *
gw_rotation_dup_current (GwStore    *store,
                         const char *today)
{
  g_autofree char *start = NULL;
  g_autofree char *shown = NULL;
  GwRotationCandidate *candidate;
  gint64 current;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);
  g_return_val_if_fail (gw_date_is_valid (today), NULL);

  current = find_current (store, today, FALSE, &start);
  if (current == 0)
    return NULL;

  candidate = candidate_for (store, current, today);
  if (candidate == NULL)
    return NULL;

  shown = gw_date_format (start);
  g_free (candidate->reason);
  candidate->reason = g_strdup_printf (_("Secretary since %s"), shown);
  return candidate;
}

GwRotationCandidate *
gw_rotation_dup_next (GwStore    *store,
                      const char *today)
{
  g_autofree char *date = NULL;
  sqlite3_stmt *stmt;
  gint64 assigned = 0;
  gint64 next;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);
  g_return_val_if_fail (gw_date_is_valid (today), NULL);

  /* The next meeting after today, or tomorrow when none is planned. */
  stmt = _gw_store_prepare (store, "SELECT date, secretary_id FROM meetings WHERE deleted = 0"
                                   " AND date > ? ORDER BY date, time, id LIMIT 1", NULL);
  if (stmt == NULL)
    return NULL;

  _gw_store_bind_text (stmt, 1, today);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      date = _gw_store_column_dup (stmt, 0);
      assigned = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (date == NULL)
    date = gw_date_add_days (today, 1);

  next = assigned != 0 ? assigned : gw_rotation_suggest (store, date);
  if (next == 0)
    return NULL;

  return candidate_for (store, next, date);
}

GPtrArray *
gw_rotation_list_history (GwStore *store)
{
  GPtrArray *turns = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_rotation_turn_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (store), turns);

  stmt = _gw_store_prepare (store, "SELECT t.id, t.title, t.date, t.secretary_id, m.full_name"
                                   " FROM meetings t JOIN members m ON m.id = t.secretary_id"
                                   " WHERE t.deleted = 0 AND m.deleted = 0"
                                   " ORDER BY t.date DESC, t.time DESC, t.id DESC", NULL);
  if (stmt == NULL)
    return turns;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GwRotationTurn *turn = g_new0 (GwRotationTurn, 1);

      turn->meeting_id = sqlite3_column_int64 (stmt, 0);
      turn->meeting_title = _gw_store_column_dup (stmt, 1);
      turn->date = _gw_store_column_dup (stmt, 2);
      turn->member_id = sqlite3_column_int64 (stmt, 3);
      turn->full_name = _gw_store_column_dup (stmt, 4);
      g_ptr_array_add (turns, turn);
    }
  sqlite3_reset (stmt);

  return turns;
}

GPtrArray *
gw_rotation_list_handover (GwStore    *store,
                           const char *today)
{
  return gw_store_list_open_actions (store, today);
}

char *
gw_rotation_dup_warning (GwStore *store)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;
  guint first_turns = 0;
  sqlite3_stmt *stmt;
  double mean;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);

  mean = mean_turns (store);

  stmt = _gw_store_prepare (store, "SELECT m.full_name, count(*) AS n FROM meetings t"
                                   " JOIN members m ON m.id = t.secretary_id"
                                   " WHERE t.deleted = 0 AND m.deleted = 0"
                                   " GROUP BY t.secretary_id HAVING n >= 3 ORDER BY n DESC, m.sort_key",
                            NULL);
  if (stmt == NULL)
    return NULL;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      guint n = sqlite3_column_int (stmt, 1);

      if (is_over_share (n, mean))
        {
          if (names->len == 0)
            first_turns = n;
          g_ptr_array_add (names, _gw_store_column_dup (stmt, 0));
        }
    }
  sqlite3_reset (stmt);

  if (names->len == 0)
    return NULL;

  if (names->len == 1)
    return over_share_message (g_ptr_array_index (names, 0), first_turns, mean);

  /* Several people: one sentence naming them all, rather than the same
   * sentence again for each of them. */
  list = join_names (names);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* TRANSLATORS: %s is a list of two or more names,
                                        * "Rosa, Ana and Bao"; the plural form follows how
                                        * many people it names. */
                                       "%s have each been secretary more than twice the average "
                                       "of %.1f turns. Let others learn the role.",
                                       "%s have each been secretary more than twice the average "
                                       "of %.1f turns. Let others learn the role.",
                                       names->len),
                          list, mean);
}
