/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-store.h"
#include "gw-member.h"

G_BEGIN_DECLS

/* What a promotion requires, set in Preferences and kept in the settings.
 * Becoming a member always requires agreeing to the points of unity in
 * force; the counts below come on top. gw_ladder_check_change() refuses a
 * promotion whose checklist is not met (GW_LADDER_ERROR_REQUIREMENTS_UNMET),
 * and a person still approves every step. */

typedef enum
{
  GW_REQUIREMENT_AGREEMENT,         /* to become a member; always required */
  GW_REQUIREMENT_STUDY_SESSIONS,    /* study sessions attended */
  GW_REQUIREMENT_MONTHS_AS_MEMBER,  /* whole months since becoming a member; cadre only */
  GW_REQUIREMENT_SECRETARY_TURNS,   /* meetings served as secretary */
} GwRequirementKind;

#define GW_N_REQUIREMENT_KINDS 4

/* One line of a checklist. */
typedef struct
{
  GwRequirementKind  kind;
  gboolean           met;
  int                current;
  int                required;
  char              *label;   /* translated: "Study sessions attended: 1 of 2" */
} GwRequirement;

#define GW_TYPE_REQUIREMENT (gw_requirement_get_type ())

GType          gw_requirement_get_type      (void) G_GNUC_CONST;
GwRequirement *gw_requirement_copy          (const GwRequirement *requirement);
void           gw_requirement_free          (GwRequirement       *requirement);

/* The required count of @kind to reach @target (member or cadre). Defaults:
 * member = 2 study sessions; cadre = 6 months as member, 6 study sessions
 * and 1 turn as secretary. The agreement always counts 1 for member. */
int            gw_checklist_get_required    (GwStore           *store,
                                             GwStage            target,
                                             GwRequirementKind  kind);
/* Sets a count (0 to 120). Refused for the agreement, for months as member
 * toward becoming a member, and for the volunteer stage. */
gboolean       gw_checklist_set_required    (GwStore           *store,
                                             GwStage            target,
                                             GwRequirementKind  kind,
                                             int                value,
                                             GError           **error);

/* Returns: (transfer full) (element-type GwRequirement): what becoming
 * @target requires of @member_id as of today, each line met or not, with
 * the current and required values. Requirements set to 0 are left out,
 * except the agreement. Empty for a target that is not one step up. */
GPtrArray     *gw_checklist_for             (GwStore           *store,
                                             gint64             member_id,
                                             GwStage            target);
/* The same, counting only what happened on or before @date. */
GPtrArray     *gw_checklist_for_date        (GwStore           *store,
                                             gint64             member_id,
                                             GwStage            target,
                                             const char        *date);
gboolean       gw_checklist_is_met          (GPtrArray         *checklist);
guint          gw_checklist_count_missing   (GPtrArray         *checklist);
/* Returns: (transfer full): the unmet lines' labels joined by "; ", or ""
 * when everything is met. */
char          *gw_checklist_dup_missing     (GPtrArray         *checklist);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwRequirement, gw_requirement_free)

G_END_DECLS
