/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gw-checklist.h"
#include "gw-date.h"
#include "gw-ladder.h"
#include "gw-store-members.h"
#include "gw-store-private.h"

G_DEFINE_QUARK (gw-ladder-error-quark, gw_ladder_error)

static char *
label_key (GwStage stage)
{
  return g_strdup_printf ("stage-label-%s", gw_stage_get_id (stage));
}

/**
 * gw_ladder_dup_stage_label:
 *
 * Returns: (transfer full): what the organization calls @stage: its own
 *   name when it has set one, otherwise the translated default.
 */
char *
gw_ladder_dup_stage_label (GwStore *store,
                           GwStage  stage)
{
  g_autofree char *key = NULL;
  char *label;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);
  g_return_val_if_fail (stage <= GW_STAGE_CADRE, NULL);

  key = label_key (stage);
  label = gw_store_dup_setting (store, key);
  if (label != NULL && label[0] != '\0')
    return label;

  g_free (label);
  return g_strdup (gw_stage_get_default_label (stage));
}

/**
 * gw_ladder_set_stage_label:
 * @label: (nullable): the organization's name for @stage, or %NULL or an
 *   empty string for the default
 */
gboolean
gw_ladder_set_stage_label (GwStore     *store,
                           GwStage      stage,
                           const char  *label,
                           GError     **error)
{
  g_autofree char *key = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (GW_IS_STORE (store), FALSE);
  g_return_val_if_fail (stage <= GW_STAGE_CADRE, FALSE);

  key = label_key (stage);
  stripped = g_strstrip (g_strdup (label ? label : ""));

  return gw_store_set_setting (store, key, stripped[0] ? stripped : NULL, error);
}

/**
 * gw_ladder_has_current_agreement:
 *
 * Whether the member has agreed to the points of unity now in force.
 */
gboolean
gw_ladder_has_current_agreement (GwStore *store,
                                 gint64   member_id)
{
  g_autoptr(GwUnityVersion) current = NULL;
  sqlite3_stmt *stmt;
  gboolean agreed = FALSE;

  g_return_val_if_fail (GW_IS_STORE (store), FALSE);

  current = gw_store_dup_current_unity (store);
  if (current == NULL)
    return FALSE;

  stmt = _gw_store_prepare (store, "SELECT 1 FROM member_events WHERE member_id = ?"
                                   " AND kind = ? AND unity_version_id = ? LIMIT 1", NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, member_id);
  sqlite3_bind_int (stmt, 2, GW_EVENT_AGREEMENT);
  sqlite3_bind_int64 (stmt, 3, current->id);
  agreed = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return agreed;
}

/* Returns: (transfer full) (nullable): the date @sql selects from the
 * member's history, its three parameters being @member_id, @kind and
 * @other, or %NULL when it selects none. */
static char *
dup_event_date (GwStore     *store,
                const char  *sql,
                gint64       member_id,
                GwEventKind  kind,
                gint64       other)
{
  sqlite3_stmt *stmt = _gw_store_prepare (store, sql, NULL);
  char *date = NULL;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, member_id);
  sqlite3_bind_int (stmt, 2, kind);
  sqlite3_bind_int64 (stmt, 3, other);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    date = _gw_store_column_dup (stmt, 0);
  sqlite3_reset (stmt);

  return date;
}

/* A history reads in date order, so a change of stage or status dated
 * before the latest one on record would appear to have happened first
 * and rewrite what the record says about the person. Lines imported from
 * another chapter count too: they are the same person's record. The
 * same day is fine: the lines of one day read in the order they were
 * made. */
static gboolean
check_in_order (GwStore     *store,
                gint64       member_id,
                const char  *name,
                const char  *date,
                GError     **error)
{
  g_autofree char *latest = NULL;

  /* A line dated after today (an older Groundwork allowed it, and another
   * chapter's file may bring one) must not lock the ladder until then. */
  latest = dup_event_date (store, "SELECT max(date) FROM member_events WHERE member_id = ?"
                                  " AND kind IN (?, ?) AND date <= date ('now', 'localtime')",
                           member_id, GW_EVENT_STAGE, GW_EVENT_STATUS);
  if (latest != NULL && g_strcmp0 (date, latest) < 0)
    {
      g_autofree char *shown_date = gw_date_format (date);
      g_autofree char *shown_latest = gw_date_format (latest);

      g_set_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_BAD_DATE,
                   _("%s is before the latest change of stage or status on record for %s (%s). "
                     "Changes are recorded in the order they happened: date this one %s or later."),
                   shown_date, name, shown_latest, shown_latest);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_change_on (GwStore     *store,
                 gint64       member_id,
                 GwStage      target,
                 const char  *date,
                 GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *target_label = NULL;
  g_autofree char *agreed = NULL;
  int stage, status;

  if (!_gw_store_get_stage_status (store, member_id, &stage, &status, &name, error))
    return FALSE;

  if ((int) target > GW_STAGE_CADRE)
    {
      g_autofree char *top = gw_ladder_dup_stage_label (store, GW_STAGE_CADRE);
      g_set_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_AT_TOP,
                   _("%s is already at the top of the ladder (%s)."), name, top);
      return FALSE;
    }

  if ((int) target < GW_STAGE_VOLUNTEER)
    {
      g_autofree char *bottom = gw_ladder_dup_stage_label (store, GW_STAGE_VOLUNTEER);
      g_set_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_AT_BOTTOM,
                   _("%s is already at the first stage (%s)."), name, bottom);
      return FALSE;
    }

  target_label = gw_ladder_dup_stage_label (store, target);

  if ((int) target == stage)
    {
      g_set_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_SKIPPED_STAGE,
                   _("%s is already at the stage %s."), name, target_label);
      return FALSE;
    }

  if ((int) target > stage + 1 || (int) target < stage - 1)
    {
      GwStage skipped = (int) target > stage ? stage + 1 : stage - 1;
      g_autofree char *skipped_label = gw_ladder_dup_stage_label (store, skipped);
      g_autofree char *current_label = gw_ladder_dup_stage_label (store, stage);

      g_set_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_SKIPPED_STAGE,
                   _("%s cannot go from %s to %s: stages cannot be skipped. "
                     "They must first become %s."),
                   name, current_label, target_label, skipped_label);
      return FALSE;
    }

  if ((int) target > stage && status != GW_STATUS_ACTIVE)
    {
      g_set_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_NOT_ACTIVE,
                   _("%s is not active (%s). Mark them active before a promotion."),
                   name, gw_status_get_label (status));
      return FALSE;
    }

  if (!check_in_order (store, member_id, name, date, error))
    return FALSE;

  if (target == GW_STAGE_MEMBER && stage == GW_STAGE_VOLUNTEER)
    {
      g_autoptr(GwUnityVersion) current = gw_store_dup_current_unity (store);

      if (current == NULL)
        {
          g_set_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_NO_POINTS_OF_UNITY,
                       _("Becoming %s means agreeing to the points of unity, and the "
                         "organization has not written them yet. Add them in Preferences."),
                       target_label);
          return FALSE;
        }

      if (!gw_ladder_has_current_agreement (store, member_id))
        {
          g_set_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_NO_AGREEMENT,
                       _("%s has not agreed to the points of unity (version %d). "
                         "Record their agreement first."),
                       name, current->number);
          return FALSE;
        }

      /* The step relies on the agreement, so it cannot come before it; the
       * earliest agreement to the points in force is the one it relies on. */
      agreed = dup_event_date (store, "SELECT min(date) FROM member_events WHERE member_id = ?"
                                      " AND kind = ? AND unity_version_id = ?"
                                      " AND date <= date ('now', 'localtime')", member_id,
                               GW_EVENT_AGREEMENT, current->id);
      if (agreed != NULL && g_strcmp0 (date, agreed) < 0)
        {
          g_autofree char *shown_date = gw_date_format (date);
          g_autofree char *shown_agreed = gw_date_format (agreed);

          g_set_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_BAD_DATE,
                       _("%s is before %s agreed to the points of unity (%s), and becoming %s "
                         "relies on that agreement. Date the step %s or later."),
                       shown_date, name, shown_agreed, target_label, shown_agreed);
          return FALSE;
        }
    }

  /* What the organization asks of a promotion, counted up to the day of
   * the step (the agreement was checked above, in its own words). */
  if ((int) target > stage)
    {
      g_autoptr(GPtrArray) checklist = gw_checklist_for_date (store, member_id, target, date);

      if (!gw_checklist_is_met (checklist))
        {
          g_autofree char *missing = gw_checklist_dup_missing (checklist);

          g_set_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_REQUIREMENTS_UNMET,
                       _("%s does not yet meet what becoming %s requires. Still missing: %s."),
                       name, target_label, missing);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * gw_ladder_check_change:
 *
 * Says whether the member may move to @target now, and if not, why, in
 * words the secretary can act on: a skipped stage, a missing agreement, or
 * the promotion checklist (gw_checklist_for()) not met, listing what is
 * missing. Nothing is changed.
 */
gboolean
gw_ladder_check_change (GwStore     *store,
                        gint64       member_id,
                        GwStage      target,
                        GError     **error)
{
  g_autofree char *today = gw_date_today ();

  g_return_val_if_fail (GW_IS_STORE (store), FALSE);

  return check_change_on (store, member_id, target, today, error);
}

static gboolean
check_record (GwStore     *store,
              gint64       member_id,
              const char  *date,
              const char  *approver,
              GError     **error)
{
  g_autofree char *who = g_strstrip (g_strdup (approver ? approver : ""));
  g_autofree char *today = gw_date_today ();
  g_autoptr(GwMember) member = NULL;

  if (!gw_date_is_valid (date))
    {
      g_set_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_BAD_DATE,
                   _("“%s” is not a real date. Write it as YYYY-MM-DD."), date ? date : "");
      return FALSE;
    }

  /* A step dated after today has not happened yet, and a promotion's
   * checklist counted up to that day would count months and meetings
   * still to come. */
  if (strcmp (date, today) > 0)
    {
      g_autofree char *shown_date = gw_date_format (date);

      g_set_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_BAD_DATE,
                   _("%s is after today. Steps are recorded once they have happened: "
                     "use today’s date or an earlier one."), shown_date);
      return FALSE;
    }

  /* A step dated before the person joined cannot have happened. */
  member = gw_store_load_member (store, member_id, NULL);
  if (member != NULL && g_strcmp0 (date, gw_member_get_joined (member)) < 0)
    {
      g_autofree char *shown_date = gw_date_format (date);
      g_autofree char *shown_joined = gw_date_format (gw_member_get_joined (member));

      g_set_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_BAD_DATE,
                   _("%s is before %s joined (%s)."), shown_date,
                   gw_member_get_full_name (member), shown_joined);
      return FALSE;
    }

  if (who[0] == '\0')
    {
      g_set_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_NO_APPROVER,
                   _("Say who approved this change."));
      return FALSE;
    }

  return TRUE;
}

/* Sets the member's stage or status with @update_sql and records the
 * change in their history, together or not at all. */
static gboolean
set_and_record (GwStore     *store,
                const char  *update_sql,
                gint64       member_id,
                GwEventKind  kind,
                int          from_value,
                int          to_value,
                const char  *date,
                const char  *approver,
                const char  *note,
                GError     **error)
{
  sqlite3_stmt *stmt;

  if (!gw_store_begin (store, error))
    return FALSE;

  stmt = _gw_store_prepare (store, update_sql, error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int (stmt, 1, to_value);
  sqlite3_bind_int64 (stmt, 2, member_id);

  if (!_gw_store_step_done (store, stmt, error) ||
      !_gw_store_record_event (store, member_id, kind, from_value, to_value,
                               date, approver, note, 0, error))
    goto failed;

  return gw_store_commit (store, error);

failed:
  gw_store_rollback (store);
  return FALSE;
}

/**
 * gw_ladder_change_stage:
 *
 * Moves a member one step up or down the ladder and records when, who
 * approved it and why. Refused, with nothing changed, when the step skips a
 * stage or something the step requires is missing, or when its date cannot
 * be right: after today, before the person joined, before their latest
 * change of stage or status, or, for a new member, before their agreement
 * to the points of unity.
 */
gboolean
gw_ladder_change_stage (GwStore     *store,
                        gint64       member_id,
                        GwStage      target,
                        const char  *date,
                        const char  *approver,
                        const char  *note,
                        GError     **error)
{
  g_autofree char *today = gw_date_today ();
  const char *on;
  int stage, status;

  g_return_val_if_fail (GW_IS_STORE (store), FALSE);

  /* The ladder's own reasons come first; a date that cannot be used is
   * refused just after by check_record(), and meanwhile the rules are
   * checked as of today, never as of a day still to come. */
  on = gw_date_is_valid (date) && strcmp (date, today) <= 0 ? date : today;

  if (!_gw_store_check_writable (store, error) ||
      !check_change_on (store, member_id, target, on, error) ||
      !check_record (store, member_id, date, approver, error) ||
      !_gw_store_get_stage_status (store, member_id, &stage, &status, NULL, error))
    return FALSE;

  return set_and_record (store, "UPDATE members SET stage = ? WHERE id = ?", member_id,
                         GW_EVENT_STAGE, stage, target, date, approver, note, error);
}

static gboolean
move (GwStore     *store,
      gint64       member_id,
      int          direction,
      const char  *date,
      const char  *approver,
      const char  *note,
      GError     **error)
{
  int stage, status;

  if (!_gw_store_get_stage_status (store, member_id, &stage, &status, NULL, error))
    return FALSE;

  return gw_ladder_change_stage (store, member_id, stage + direction, date, approver, note, error);
}

/**
 * gw_ladder_promote:
 *
 * Moves a member one step up. See gw_ladder_change_stage().
 */
gboolean
gw_ladder_promote (GwStore     *store,
                   gint64       member_id,
                   const char  *date,
                   const char  *approver,
                   const char  *note,
                   GError     **error)
{
  g_return_val_if_fail (GW_IS_STORE (store), FALSE);
  return move (store, member_id, +1, date, approver, note, error);
}

/**
 * gw_ladder_step_back:
 *
 * Moves a member one step down. See gw_ladder_change_stage().
 */
gboolean
gw_ladder_step_back (GwStore     *store,
                     gint64       member_id,
                     const char  *date,
                     const char  *approver,
                     const char  *note,
                     GError     **error)
{
  g_return_val_if_fail (GW_IS_STORE (store), FALSE);
  return move (store, member_id, -1, date, approver, note, error);
}

/**
 * gw_ladder_record_agreement:
 * @witness: who heard the agreement
 *
 * Records that the member agreed to the points of unity now in force.
 * Refused when dated after today or before the person joined.
 */
gboolean
gw_ladder_record_agreement (GwStore     *store,
                            gint64       member_id,
                            const char  *date,
                            const char  *witness,
                            const char  *note,
                            GError     **error)
{
  g_autoptr(GwUnityVersion) current = NULL;
  int stage, status;

  g_return_val_if_fail (GW_IS_STORE (store), FALSE);

  if (!_gw_store_check_writable (store, error) ||
      !_gw_store_get_stage_status (store, member_id, &stage, &status, NULL, error))
    return FALSE;

  current = gw_store_dup_current_unity (store);
  if (current == NULL)
    {
      g_set_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_NO_POINTS_OF_UNITY,
                   _("The organization has not written its points of unity yet. Add them in Preferences."));
      return FALSE;
    }

  if (!check_record (store, member_id, date, witness, error))
    return FALSE;

  if (!gw_store_begin (store, error))
    return FALSE;

  if (!_gw_store_record_event (store, member_id, GW_EVENT_AGREEMENT, -1, -1, date,
                               witness, note, current->id, error))
    {
      gw_store_rollback (store);
      return FALSE;
    }

  return gw_store_commit (store, error);
}

/**
 * gw_ladder_set_status:
 *
 * Marks a member active, inactive or gone, on record. Refused on the
 * same dates as gw_ladder_change_stage() (but for the agreement).
 */
gboolean
gw_ladder_set_status (GwStore     *store,
                      gint64       member_id,
                      GwStatus     new_status,
                      const char  *date,
                      const char  *approver,
                      const char  *note,
                      GError     **error)
{
  g_autofree char *name = NULL;
  int stage, status;

  g_return_val_if_fail (GW_IS_STORE (store), FALSE);
  g_return_val_if_fail (new_status <= GW_STATUS_LEFT, FALSE);

  if (!_gw_store_check_writable (store, error) ||
      !_gw_store_get_stage_status (store, member_id, &stage, &status, &name, error))
    return FALSE;

  if ((int) new_status == status)
    {
      g_set_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_SAME_STATUS,
                   _("%s is already marked %s."), name, gw_status_get_label (new_status));
      return FALSE;
    }

  if (!check_record (store, member_id, date, approver, error) ||
      !check_in_order (store, member_id, name, date, error))
    return FALSE;

  return set_and_record (store, "UPDATE members SET status = ? WHERE id = ?", member_id,
                         GW_EVENT_STATUS, status, new_status, date, approver, note, error);
}
