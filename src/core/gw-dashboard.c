/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>
#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "gw-checklist.h"
#include "gw-dashboard.h"
#include "gw-date.h"
#include "gw-member-event.h"
#include "gw-store-private.h"

GwPromotionCandidate *
gw_promotion_candidate_copy (const GwPromotionCandidate *candidate)
{
  GwPromotionCandidate *copy = g_memdup2 (candidate, sizeof *candidate);

  copy->full_name = g_strdup (candidate->full_name);
  copy->missing = g_strdup (candidate->missing);
  return copy;
}

void
gw_promotion_candidate_free (GwPromotionCandidate *candidate)
{
  if (candidate == NULL)
    return;
  g_free (candidate->full_name);
  g_free (candidate->missing);
  g_free (candidate);
}

G_DEFINE_BOXED_TYPE (GwPromotionCandidate, gw_promotion_candidate,
                     gw_promotion_candidate_copy, gw_promotion_candidate_free)

GwAbsence *
gw_absence_copy (const GwAbsence *absence)
{
  GwAbsence *copy = g_memdup2 (absence, sizeof *absence);

  copy->full_name = g_strdup (absence->full_name);
  copy->phone = g_strdup (absence->phone);
  copy->last_seen = g_strdup (absence->last_seen);
  return copy;
}

void
gw_absence_free (GwAbsence *absence)
{
  if (absence == NULL)
    return;
  g_free (absence->full_name);
  g_free (absence->phone);
  g_free (absence->last_seen);
  g_free (absence);
}

G_DEFINE_BOXED_TYPE (GwAbsence, gw_absence, gw_absence_copy, gw_absence_free)

GwParticipation *
gw_participation_copy (const GwParticipation *participation)
{
  GwParticipation *copy = g_memdup2 (participation, sizeof *participation);

  copy->warning = g_strdup (participation->warning);
  return copy;
}

void
gw_participation_free (GwParticipation *participation)
{
  if (participation == NULL)
    return;
  g_free (participation->warning);
  g_free (participation);
}

G_DEFINE_BOXED_TYPE (GwParticipation, gw_participation, gw_participation_copy, gw_participation_free)

/* People per stage. */

/* How the counts per stage moved between @since (excluded) and @today,
 * replayed from the history lines of that period only. */
static void
count_changes (GwStore    *store,
               const char *since,
               const char *today,
               int         change[GW_N_STAGES])
{
  sqlite3_stmt *stmt;

  for (guint i = 0; i < GW_N_STAGES; i++)
    change[i] = 0;

  stmt = _gw_store_prepare (store, "SELECT e.kind, e.from_value, e.to_value,"
                                   " CASE WHEN e.kind = ?5 THEN"
                                   " (SELECT s.to_value FROM member_events s WHERE s.member_id = e.member_id"
                                   "   AND s.kind = ?3 AND (s.date < e.date OR (s.date = e.date AND s.id < e.id))"
                                   "   ORDER BY s.date DESC, s.id DESC LIMIT 1) END"
                                   " FROM member_events e INDEXED BY member_events_by_date"
                                   " JOIN members m ON m.id = e.member_id"
                                   " WHERE m.deleted = 0 AND e.date > ?1 AND e.date <= ?2"
                                   " AND e.kind IN (?4, ?3, ?5)", NULL);
  if (stmt == NULL)
    return;

  _gw_store_bind_text (stmt, 1, since);
  _gw_store_bind_text (stmt, 2, today);
  sqlite3_bind_int (stmt, 3, GW_EVENT_STAGE);
  sqlite3_bind_int (stmt, 4, GW_EVENT_JOINED);
  sqlite3_bind_int (stmt, 5, GW_EVENT_STATUS);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int kind = sqlite3_column_int (stmt, 0);
      int from = sqlite3_column_int (stmt, 1);
      int to = sqlite3_column_int (stmt, 2);
      int stage_then = CLAMP (sqlite3_column_int (stmt, 3), 0, GW_N_STAGES - 1);

      switch (kind)
        {
        case GW_EVENT_JOINED:
          change[GW_STAGE_VOLUNTEER]++;
          break;
        case GW_EVENT_STAGE:
          if (from >= 0 && from < GW_N_STAGES && to >= 0 && to < GW_N_STAGES)
            {
              change[from]--;
              change[to]++;
            }
          break;
        case GW_EVENT_STATUS:
          if (from == GW_STATUS_ACTIVE && to != GW_STATUS_ACTIVE)
            change[stage_then]--;
          else if (from != GW_STATUS_ACTIVE && to == GW_STATUS_ACTIVE)
            change[stage_then]++;
          break;
        default:
          break;
        }
    }
  sqlite3_reset (stmt);
}

void
gw_dashboard_get_stage_figures (GwStore        *store,
                                const char     *today,
                                GwStageFigures *figures)
{
  g_autofree char *day_30 = NULL;
  g_autofree char *day_90 = NULL;
  sqlite3_stmt *stmt;

  g_return_if_fail (GW_IS_STORE (store));
  g_return_if_fail (gw_date_is_valid (today));
  g_return_if_fail (figures != NULL);

  memset (figures, 0, sizeof *figures);

  stmt = _gw_store_prepare (store, "SELECT stage, count(*) FROM members"
                                   " WHERE deleted = 0 AND status = ? GROUP BY stage", NULL);
  if (stmt == NULL)
    return;

  sqlite3_bind_int (stmt, 1, GW_STATUS_ACTIVE);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int stage = sqlite3_column_int (stmt, 0);

      if (stage >= 0 && stage < GW_N_STAGES)
        figures->now[stage] = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);

  day_30 = gw_date_add_days (today, -30);
  day_90 = gw_date_add_days (today, -90);
  count_changes (store, day_30, today, figures->change_30);
  count_changes (store, day_90, today, figures->change_90);
}

/* Ready for promotion. */

GPtrArray *
gw_dashboard_list_ready (GwStore    *store,
                         const char *today,
                         guint       limit)
{
  GPtrArray *ready = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_promotion_candidate_free);
  g_autoptr(GwUnityVersion) unity = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (store), ready);
  g_return_val_if_fail (gw_date_is_valid (today), ready);

  if (limit == 0)
    limit = 10;

  unity = gw_store_dup_current_unity (store);

  /* Every count comes from one pass over attendance, meetings and history,
   * grouped by person; the exact checklist is then read only for the few
   * people shown. */
  stmt = _gw_store_prepare (store,
    "WITH study AS MATERIALIZED (SELECT a.member_id AS id, count(*) AS n FROM attendance a"
    "   JOIN meetings m ON m.id = a.meeting_id JOIN meeting_kinds k ON k.id = m.kind_id"
    "   WHERE k.is_study = 1 AND m.deleted = 0 AND m.date <= ?1 GROUP BY a.member_id),"
    " turns AS MATERIALIZED (SELECT secretary_id AS id, count(*) AS n FROM meetings"
    "   WHERE deleted = 0 AND secretary_id IS NOT NULL AND date <= ?1 GROUP BY secretary_id),"
    " agreed AS MATERIALIZED (SELECT DISTINCT member_id AS id FROM member_events"
    "   WHERE kind = ?8 AND unity_version_id = ?2),"
    " since AS MATERIALIZED (SELECT member_id AS id, max(date) AS d FROM member_events"
    "   WHERE kind = ?9 AND to_value = 1 AND from_value = 0 AND date <= ?1 GROUP BY member_id)"
    " SELECT p.id, p.full_name, p.stage,"
    "  CASE WHEN p.stage = 0 THEN (agreed.id IS NULL) + (coalesce(study.n, 0) < ?3)"
    "  ELSE (?4 > 0 AND (since.d IS NULL OR since.d > date(?1, '-' || ?4 || ' months')))"
    "   + (coalesce(study.n, 0) < ?5) + (coalesce(turns.n, 0) < ?6) END AS missing"
    " FROM members p"
    " LEFT JOIN study ON study.id = p.id LEFT JOIN turns ON turns.id = p.id"
    " LEFT JOIN agreed ON agreed.id = p.id LEFT JOIN since ON since.id = p.id"
    " WHERE p.deleted = 0 AND p.status = 0 AND p.stage < 2"
    " ORDER BY missing, coalesce(study.n, 0) DESC, p.sort_key, p.id LIMIT ?7", NULL);
  if (stmt == NULL)
    return ready;

  _gw_store_bind_text (stmt, 1, today);
  sqlite3_bind_int64 (stmt, 2, unity != NULL ? unity->id : -1);
  sqlite3_bind_int (stmt, 3, gw_checklist_get_required (store, GW_STAGE_MEMBER, GW_REQUIREMENT_STUDY_SESSIONS));
  sqlite3_bind_int (stmt, 4, gw_checklist_get_required (store, GW_STAGE_CADRE, GW_REQUIREMENT_MONTHS_AS_MEMBER));
  sqlite3_bind_int (stmt, 5, gw_checklist_get_required (store, GW_STAGE_CADRE, GW_REQUIREMENT_STUDY_SESSIONS));
  sqlite3_bind_int (stmt, 6, gw_checklist_get_required (store, GW_STAGE_CADRE, GW_REQUIREMENT_SECRETARY_TURNS));
  sqlite3_bind_int (stmt, 7, limit);
  sqlite3_bind_int (stmt, 8, GW_EVENT_AGREEMENT);
  sqlite3_bind_int (stmt, 9, GW_EVENT_STAGE);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GwPromotionCandidate *candidate = g_new0 (GwPromotionCandidate, 1);

      candidate->member_id = sqlite3_column_int64 (stmt, 0);
      candidate->full_name = _gw_store_column_dup (stmt, 1);
      candidate->stage = CLAMP (sqlite3_column_int (stmt, 2), 0, GW_STAGE_MEMBER);
      candidate->target = candidate->stage + 1;
      candidate->n_missing = sqlite3_column_int (stmt, 3);
      g_ptr_array_add (ready, candidate);
    }
  sqlite3_reset (stmt);

  /* The words come from the checklist itself, so that they read the same as
   * on the person's page. */
  for (guint i = 0; i < ready->len; i++)
    {
      GwPromotionCandidate *candidate = g_ptr_array_index (ready, i);
      g_autoptr(GPtrArray) checklist = gw_checklist_for_date (store, candidate->member_id,
                                                              candidate->target, today);

      candidate->n_missing = gw_checklist_count_missing (checklist);
      candidate->missing = gw_checklist_dup_missing (checklist);
    }

  return ready;
}

/* Not seen. */

/* Each person's last attendance, once, rather than once per person. */
#define NOT_SEEN_WITH                                                                    \
  "WITH seen AS MATERIALIZED (SELECT a.member_id AS id, max(m.date) AS last"             \
  "   FROM attendance a JOIN meetings m ON m.id = a.meeting_id"                          \
  "   WHERE m.deleted = 0 AND m.date <= ?1 GROUP BY a.member_id) "

#define NOT_SEEN_FROM                                                                    \
  " FROM members p LEFT JOIN seen l ON l.id = p.id"                                      \
  " WHERE p.deleted = 0 AND p.status = 0 AND p.stage >= 1"                               \
  " AND coalesce(l.last, p.joined) < date(?1, '-' || ?2 || ' days')"

GPtrArray *
gw_dashboard_list_not_seen (GwStore    *store,
                            const char *today,
                            guint       days,
                            guint       limit,
                            guint      *n_total)
{
  GPtrArray *absent = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_absence_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (store), absent);
  g_return_val_if_fail (gw_date_is_valid (today), absent);

  if (n_total != NULL)
    {
      *n_total = 0;
      stmt = _gw_store_prepare (store, NOT_SEEN_WITH "SELECT count(*)" NOT_SEEN_FROM, NULL);
      if (stmt != NULL)
        {
          _gw_store_bind_text (stmt, 1, today);
          sqlite3_bind_int (stmt, 2, days);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            *n_total = sqlite3_column_int (stmt, 0);
          sqlite3_reset (stmt);
        }
    }

  stmt = _gw_store_prepare (store, NOT_SEEN_WITH "SELECT p.id, p.full_name, p.phone, p.stage, l.last,"
                                   " CAST (julianday(?1) - julianday(coalesce(l.last, p.joined)) AS INTEGER)"
                                   NOT_SEEN_FROM
                                   " ORDER BY coalesce(l.last, p.joined), p.sort_key, p.id LIMIT ?3", NULL);
  if (stmt == NULL)
    return absent;

  _gw_store_bind_text (stmt, 1, today);
  sqlite3_bind_int (stmt, 2, days);
  sqlite3_bind_int64 (stmt, 3, limit > 0 ? (gint64) limit : -1);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GwAbsence *absence = g_new0 (GwAbsence, 1);

      absence->member_id = sqlite3_column_int64 (stmt, 0);
      absence->full_name = _gw_store_column_dup (stmt, 1);
      absence->phone = _gw_store_column_dup (stmt, 2);
      absence->stage = CLAMP (sqlite3_column_int (stmt, 3), 0, GW_N_STAGES - 1);
      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        absence->last_seen = _gw_store_column_dup (stmt, 4);
      absence->days_absent = MAX (sqlite3_column_int (stmt, 5), 0);
      g_ptr_array_add (absent, absence);
    }
  sqlite3_reset (stmt);

  return absent;
}

void
gw_dashboard_count_actions (GwStore    *store,
                            const char *today,
                            guint      *n_open,
                            guint      *n_overdue)
{
  sqlite3_stmt *stmt;

  g_return_if_fail (GW_IS_STORE (store));

  if (n_open != NULL)
    *n_open = 0;
  if (n_overdue != NULL)
    *n_overdue = 0;

  stmt = _gw_store_prepare (store, "SELECT count(*), coalesce(sum(x.due IS NOT NULL AND x.due < ?), 0)"
                                   " FROM action_items x JOIN meetings m ON m.id = x.meeting_id"
                                   " WHERE x.done IS NULL AND m.deleted = 0", NULL);
  if (stmt == NULL)
    return;

  _gw_store_bind_text (stmt, 1, today);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (n_open != NULL)
        *n_open = sqlite3_column_int (stmt, 0);
      if (n_overdue != NULL)
        *n_overdue = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
}

/* Participation. */

typedef struct
{
  gint64 attendances;
  gint64 actions;
  gint64 minutes;
} Work;

static int
compare_desc (gconstpointer a,
              gconstpointer b)
{
  gint64 va = *(const gint64 *) a;
  gint64 vb = *(const gint64 *) b;

  return (va < vb) - (va > vb);
}

/* The share of @total carried by the @n_top largest of @values. */
static double
top_share (GArray *values,
           guint   n_top,
           gint64  total)
{
  gint64 top = 0;

  if (total <= 0)
    return 0.0;

  g_array_sort (values, compare_desc);
  for (guint i = 0; i < MIN (n_top, values->len); i++)
    top += g_array_index (values, gint64, i);

  return (double) top / (double) total;
}

static Work *
work_of (GHashTable *people,
         gint64      id)
{
  Work *work = g_hash_table_lookup (people, &id);

  if (work == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = id;
      work = g_new0 (Work, 1);
      g_hash_table_insert (people, key, work);
    }

  return work;
}

GwParticipation *
gw_dashboard_dup_participation (GwStore    *store,
                                const char *from_date,
                                const char *to_date)
{
  GwParticipation *participation = g_new0 (GwParticipation, 1);
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GArray) attendances = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) actions = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) minutes = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer value;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (store), participation);

  stmt = _gw_store_prepare (store, "SELECT a.member_id, count(*), sum(a.minutes_given)"
                                   " FROM attendance a JOIN meetings m ON m.id = a.meeting_id"
                                   " JOIN members p ON p.id = a.member_id"
                                   " WHERE m.deleted = 0 AND p.deleted = 0"
                                   " AND (?1 IS NULL OR m.date >= ?1) AND (?2 IS NULL OR m.date <= ?2)"
                                   " GROUP BY a.member_id", NULL);
  if (stmt == NULL)
    return participation;

  if (from_date != NULL)
    _gw_store_bind_text (stmt, 1, from_date);
  if (to_date != NULL)
    _gw_store_bind_text (stmt, 2, to_date);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Work *work = work_of (people, sqlite3_column_int64 (stmt, 0));

      work->attendances = sqlite3_column_int64 (stmt, 1);
      work->minutes = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);

  stmt = _gw_store_prepare (store, "SELECT x.owner_id, count(*)"
                                   " FROM action_items x JOIN meetings m ON m.id = x.meeting_id"
                                   " JOIN members p ON p.id = x.owner_id"
                                   " WHERE m.deleted = 0 AND p.deleted = 0"
                                   " AND (?1 IS NULL OR m.date >= ?1) AND (?2 IS NULL OR m.date <= ?2)"
                                   " GROUP BY x.owner_id", NULL);
  if (stmt == NULL)
    return participation;

  if (from_date != NULL)
    _gw_store_bind_text (stmt, 1, from_date);
  if (to_date != NULL)
    _gw_store_bind_text (stmt, 2, to_date);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    work_of (people, sqlite3_column_int64 (stmt, 0))->actions = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);

  g_hash_table_iter_init (&iter, people);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Work *work = value;

      g_array_append_val (attendances, work->attendances);
      g_array_append_val (actions, work->actions);
      g_array_append_val (minutes, work->minutes);
      participation->total_attendances += work->attendances;
      participation->total_actions += work->actions;
      participation->total_minutes += work->minutes;
    }

  participation->n_people = g_hash_table_size (people);
  participation->n_top = MAX (1, (participation->n_people + 9) / 10);
  participation->attendance_share = top_share (attendances, participation->n_top,
                                               participation->total_attendances);
  participation->action_share = top_share (actions, participation->n_top,
                                           participation->total_actions);
  participation->minutes_share = top_share (minutes, participation->n_top,
                                            participation->total_minutes);

  /* One person doing everything in a group of three is no finding; the
   * warning speaks once there is a tenth to speak of. */
  /* A measure counts only when there is more of it than the top tenth has
   * people: three action items among thirty people are always carried by
   * "a tenth", and that says nothing. */
  {
    double attendance = participation->total_attendances > participation->n_top
                        ? participation->attendance_share : 0.0;
    double action = participation->total_actions > participation->n_top
                    ? participation->action_share : 0.0;
    double hours = participation->total_minutes > 60 * (gint64) participation->n_top
                   ? participation->minutes_share : 0.0;
    double worst = MAX (attendance, MAX (action, hours));

  if (participation->n_people >= 5 && worst > 0.5)
    {
      int percent = (int) round (worst * 100);

      /* Whole sentences, one per measure, so that each language can word
       * them its own way. The plural follows the number of people who took
       * part. */
      if (worst == action)
        /* TRANSLATORS: "2 of the 20 people who took part carried 80% of the action items." */
        participation->warning =
          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u of the %u person who took part carried %d%% of the action items. "
                                        "A few are doing most of the work: share tasks more widely.",
                                        "%u of the %u people who took part carried %d%% of the action items. "
                                        "A few are doing most of the work: share tasks more widely.",
                                        participation->n_people),
                           participation->n_top, participation->n_people, percent);
      else if (worst == hours)
        participation->warning =
          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u of the %u person who took part gave %d%% of the volunteer hours. "
                                        "A few are doing most of the work: share tasks more widely.",
                                        "%u of the %u people who took part gave %d%% of the volunteer hours. "
                                        "A few are doing most of the work: share tasks more widely.",
                                        participation->n_people),
                           participation->n_top, participation->n_people, percent);
      else
        participation->warning =
          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u of the %u person who took part made %d%% of the attendances. "
                                        "A few are doing most of the work: share tasks more widely.",
                                        "%u of the %u people who took part made %d%% of the attendances. "
                                        "A few are doing most of the work: share tasks more widely.",
                                        participation->n_people),
                           participation->n_top, participation->n_people, percent);
    }
  }

  return participation;
}
