/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "gw-checklist-private.h"
#include "gw-date.h"
#include "gw-ladder.h"
#include "gw-member-event.h"
#include "gw-store-private.h"

GwRequirement *
gw_requirement_copy (const GwRequirement *requirement)
{
  GwRequirement *copy = g_memdup2 (requirement, sizeof *requirement);

  copy->label = g_strdup (requirement->label);
  return copy;
}

void
gw_requirement_free (GwRequirement *requirement)
{
  if (requirement == NULL)
    return;
  g_free (requirement->label);
  g_free (requirement);
}

G_DEFINE_BOXED_TYPE (GwRequirement, gw_requirement, gw_requirement_copy, gw_requirement_free)

static const char *
kind_id (GwRequirementKind kind)
{
  switch (kind)
    {
    case GW_REQUIREMENT_STUDY_SESSIONS:
      return "study-sessions";
    case GW_REQUIREMENT_MONTHS_AS_MEMBER:
      return "months-as-member";
    case GW_REQUIREMENT_SECRETARY_TURNS:
      return "secretary-turns";
    case GW_REQUIREMENT_AGREEMENT:
    default:
      return "agreement";
    }
}

static int
default_required (GwStage           target,
                  GwRequirementKind kind)
{
  if (kind == GW_REQUIREMENT_AGREEMENT)
    return target == GW_STAGE_MEMBER ? 1 : 0;

  if (target == GW_STAGE_MEMBER)
    return kind == GW_REQUIREMENT_STUDY_SESSIONS ? 2 : 0;

  if (target == GW_STAGE_CADRE)
    switch (kind)
      {
      case GW_REQUIREMENT_MONTHS_AS_MEMBER:
        return 6;
      case GW_REQUIREMENT_STUDY_SESSIONS:
        return 6;
      case GW_REQUIREMENT_SECRETARY_TURNS:
        return 1;
      case GW_REQUIREMENT_AGREEMENT:
      default:
        return 0;
      }

  return 0;
}

static gboolean
is_settable (GwStage           target,
             GwRequirementKind kind)
{
  if (target != GW_STAGE_MEMBER && target != GW_STAGE_CADRE)
    return FALSE;
  if (kind == GW_REQUIREMENT_AGREEMENT || (int) kind >= GW_N_REQUIREMENT_KINDS)
    return FALSE;
  if (kind == GW_REQUIREMENT_MONTHS_AS_MEMBER && target != GW_STAGE_CADRE)
    return FALSE;
  return TRUE;
}

static char *
setting_key (GwStage           target,
             GwRequirementKind kind)
{
  return g_strdup_printf ("requirement-%s-%s", gw_stage_get_id (target), kind_id (kind));
}

int
gw_checklist_get_required (GwStore           *store,
                           GwStage            target,
                           GwRequirementKind  kind)
{
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;
  char *end = NULL;
  gint64 number;

  g_return_val_if_fail (GW_IS_STORE (store), 0);

  if (!is_settable (target, kind))
    return default_required (target, kind);

  key = setting_key (target, kind);
  value = gw_store_dup_setting (store, key);
  if (value == NULL)
    return default_required (target, kind);

  number = g_ascii_strtoll (value, &end, 10);
  if (end == value || *end != '\0' || number < 0 || number > 120)
    return default_required (target, kind);

  return (int) number;
}

/**
 * gw_checklist_set_required:
 *
 * Changes what a promotion to @target requires. Takes effect for the next
 * promotion; steps already on record stay as they were.
 */
gboolean
gw_checklist_set_required (GwStore           *store,
                           GwStage            target,
                           GwRequirementKind  kind,
                           int                value,
                           GError           **error)
{
  g_autofree char *key = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (GW_IS_STORE (store), FALSE);

  if (!is_settable (target, kind))
    {
      g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                           _("This requirement cannot be changed for this stage."));
      return FALSE;
    }

  if (value < 0 || value > 120)
    {
      g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                           _("A requirement must be a number from 0 to 120."));
      return FALSE;
    }

  key = setting_key (target, kind);
  text = g_strdup_printf ("%d", value);
  return gw_store_set_setting (store, key, text, error);
}

static int
query_count (GwStore    *store,
             const char *sql,
             gint64      member_id,
             const char *date)
{
  sqlite3_stmt *stmt = _gw_store_prepare (store, sql, NULL);
  int count = 0;

  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, member_id);
  _gw_store_bind_text (stmt, 2, date);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

/* Whole months from @from to @to, both YYYY-MM-DD. */
static int
months_between (const char *from,
                const char *to)
{
  int y1, m1, d1, y2, m2, d2, months;

  if (sscanf (from, "%d-%d-%d", &y1, &m1, &d1) != 3 ||
      sscanf (to, "%d-%d-%d", &y2, &m2, &d2) != 3)
    return 0;

  months = (y2 - y1) * 12 + (m2 - m1);
  if (d2 < d1)
    months--;

  return MAX (months, 0);
}

static int
months_as_member (GwStore    *store,
                  gint64      member_id,
                  const char *date)
{
  sqlite3_stmt *stmt;
  g_autofree char *since = NULL;

  stmt = _gw_store_prepare (store, "SELECT max(date) FROM member_events WHERE member_id = ?"
                                   " AND kind = ? AND to_value = ? AND from_value < to_value"
                                   " AND date <= ?", NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, member_id);
  sqlite3_bind_int (stmt, 2, GW_EVENT_STAGE);
  sqlite3_bind_int (stmt, 3, GW_STAGE_MEMBER);
  _gw_store_bind_text (stmt, 4, date);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    since = _gw_store_column_dup (stmt, 0);
  sqlite3_reset (stmt);

  return since != NULL ? months_between (since, date) : 0;
}

int
_gw_checklist_count_study_sessions (GwStore    *store,
                                    gint64      member_id,
                                    const char *date)
{
  return query_count (store, "SELECT count(*) FROM attendance a"
                             " JOIN meetings m ON m.id = a.meeting_id"
                             " JOIN meeting_kinds k ON k.id = m.kind_id"
                             " WHERE a.member_id = ?1 AND m.deleted = 0 AND k.is_study = 1"
                             " AND m.date <= ?2", member_id, date);
}

int
_gw_checklist_count_turns (GwStore    *store,
                           gint64      member_id,
                           const char *date)
{
  return query_count (store, "SELECT count(*) FROM meetings WHERE secretary_id = ?1"
                             " AND deleted = 0 AND date <= ?2", member_id, date);
}

static void
add_line (GPtrArray         *checklist,
          GwRequirementKind  kind,
          int                current,
          int                required,
          char              *label)
{
  GwRequirement *requirement = g_new0 (GwRequirement, 1);

  requirement->kind = kind;
  requirement->current = current;
  requirement->required = required;
  requirement->met = current >= required;
  requirement->label = label;
  g_ptr_array_add (checklist, requirement);
}

GPtrArray *
gw_checklist_for_date (GwStore    *store,
                       gint64      member_id,
                       GwStage     target,
                       const char *date)
{
  GPtrArray *checklist = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_requirement_free);
  int stage, status;
  int required;

  g_return_val_if_fail (GW_IS_STORE (store), checklist);
  g_return_val_if_fail (gw_date_is_valid (date), checklist);

  if (!_gw_store_get_stage_status (store, member_id, &stage, &status, NULL, NULL) ||
      (int) target != stage + 1 || (target != GW_STAGE_MEMBER && target != GW_STAGE_CADRE))
    return checklist;

  if (target == GW_STAGE_MEMBER)
    {
      gboolean agreed = gw_ladder_has_current_agreement (store, member_id);

      add_line (checklist, GW_REQUIREMENT_AGREEMENT, agreed ? 1 : 0, 1,
                g_strdup (agreed ? _("Agreed to the points of unity")
                                 : _("Agreement to the points of unity: not recorded")));
    }

  required = gw_checklist_get_required (store, target, GW_REQUIREMENT_MONTHS_AS_MEMBER);
  if (required > 0)
    {
      g_autofree char *member_label = gw_ladder_dup_stage_label (store, GW_STAGE_MEMBER);
      int current = months_as_member (store, member_id, date);

      /* TRANSLATORS: "Months as Member: 2 of 6"; the second %s is the
       * organization's name for the stage. */
      add_line (checklist, GW_REQUIREMENT_MONTHS_AS_MEMBER, current, required,
                g_strdup_printf (_("Months as %s: %d of %d"), member_label, current, required));
    }

  required = gw_checklist_get_required (store, target, GW_REQUIREMENT_STUDY_SESSIONS);
  if (required > 0)
    {
      int current = _gw_checklist_count_study_sessions (store, member_id, date);

      add_line (checklist, GW_REQUIREMENT_STUDY_SESSIONS, current, required,
                g_strdup_printf (_("Study sessions attended: %d of %d"), current, required));
    }

  required = gw_checklist_get_required (store, target, GW_REQUIREMENT_SECRETARY_TURNS);
  if (required > 0)
    {
      int current = _gw_checklist_count_turns (store, member_id, date);

      add_line (checklist, GW_REQUIREMENT_SECRETARY_TURNS, current, required,
                g_strdup_printf (_("Turns as secretary: %d of %d"), current, required));
    }

  return checklist;
}

GPtrArray *
gw_checklist_for (GwStore *store,
                  gint64   member_id,
                  GwStage  target)
{
  g_autofree char *today = gw_date_today ();

  return gw_checklist_for_date (store, member_id, target, today);
}

gboolean
gw_checklist_is_met (GPtrArray *checklist)
{
  return gw_checklist_count_missing (checklist) == 0;
}

guint
gw_checklist_count_missing (GPtrArray *checklist)
{
  guint missing = 0;

  g_return_val_if_fail (checklist != NULL, 0);

  for (guint i = 0; i < checklist->len; i++)
    if (!((GwRequirement *) g_ptr_array_index (checklist, i))->met)
      missing++;

  return missing;
}

char *
gw_checklist_dup_missing (GPtrArray *checklist)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (checklist != NULL, g_string_free (text, FALSE));

  for (guint i = 0; i < checklist->len; i++)
    {
      GwRequirement *requirement = g_ptr_array_index (checklist, i);

      if (requirement->met)
        continue;
      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, requirement->label);
    }

  return g_string_free (text, FALSE);
}
