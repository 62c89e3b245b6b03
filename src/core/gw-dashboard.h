/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-store.h"
#include "gw-member.h"

G_BEGIN_DECLS

/* The figures on the secretary's dashboard. Each is a few SQL aggregates,
 * fast at 100,000 people. @today is YYYY-MM-DD (gw_date_today() in the app,
 * a fixed day in tests). Upcoming meetings: gw_store_list_upcoming_meetings();
 * this term's secretary and the next: gw_rotation_dup_current() and
 * gw_rotation_dup_next(); open and overdue items: gw_dashboard_count_actions()
 * and gw_store_list_open_actions(). */

/* Active people (not deleted) per stage, and how each count changed over
 * the last 30 and 90 days, worked out from the members' histories. */
typedef struct
{
  guint now[GW_N_STAGES];
  int   change_30[GW_N_STAGES];
  int   change_90[GW_N_STAGES];
} GwStageFigures;

/* Someone close to their next step, and what they still lack. */
typedef struct
{
  gint64     member_id;
  char      *full_name;
  GwStage    stage;
  GwStage    target;
  guint      n_missing;   /* unmet requirements; 0 means ready */
  char      *missing;     /* translated, as gw_checklist_dup_missing() */
} GwPromotionCandidate;

/* Someone not seen for a while: a follow-up call. */
typedef struct
{
  gint64     member_id;
  char      *full_name;
  char      *phone;
  GwStage    stage;
  char      *last_seen;   /* date of the last meeting attended, or NULL when never */
  guint      days_absent; /* since last_seen, or since joining when never seen */
} GwAbsence;

/* How widely the work is shared over a period, among everyone who took part
 * (attended, owned an action item, or gave time). For each measure, the
 * share carried by the most active tenth of those people (at least one
 * person), from 0.0 to 1.0. */
typedef struct
{
  guint   n_people;         /* people who took part */
  guint   n_top;            /* the most active tenth: ceil (n_people / 10) */
  guint   total_attendances;
  guint   total_actions;
  gint64  total_minutes;
  double  attendance_share;
  double  action_share;
  double  minutes_share;
  char   *warning;          /* translated, when a tenth carries more than half; else NULL */
} GwParticipation;

#define GW_TYPE_PROMOTION_CANDIDATE (gw_promotion_candidate_get_type ())
#define GW_TYPE_ABSENCE             (gw_absence_get_type ())
#define GW_TYPE_PARTICIPATION       (gw_participation_get_type ())

GType                 gw_promotion_candidate_get_type (void) G_GNUC_CONST;
GwPromotionCandidate *gw_promotion_candidate_copy     (const GwPromotionCandidate *candidate);
void                  gw_promotion_candidate_free     (GwPromotionCandidate       *candidate);
GType                 gw_absence_get_type             (void) G_GNUC_CONST;
GwAbsence            *gw_absence_copy                 (const GwAbsence            *absence);
void                  gw_absence_free                 (GwAbsence                  *absence);
GType                 gw_participation_get_type       (void) G_GNUC_CONST;
GwParticipation      *gw_participation_copy           (const GwParticipation      *participation);
void                  gw_participation_free           (GwParticipation            *participation);

void                  gw_dashboard_get_stage_figures  (GwStore        *store,
                                                       const char     *today,
                                                       GwStageFigures *figures);
/* Returns: (transfer full) (element-type GwPromotionCandidate): active
 * volunteers and members, fewest requirements missing first (ready people
 * first), at most @limit. */
GPtrArray            *gw_dashboard_list_ready         (GwStore        *store,
                                                       const char     *today,
                                                       guint           limit);
/* Returns: (transfer full) (element-type GwAbsence): active members and
 * cadre with no attendance in the @days days before @today (and who joined
 * before that), longest absent first, at most @limit (0: all). @n_total, if
 * not NULL, receives how many there are in all. */
GPtrArray            *gw_dashboard_list_not_seen      (GwStore        *store,
                                                       const char     *today,
                                                       guint           days,
                                                       guint           limit,
                                                       guint          *n_total);
void                  gw_dashboard_count_actions      (GwStore        *store,
                                                       const char     *today,
                                                       guint          *n_open,
                                                       guint          *n_overdue);
/* Returns: (transfer full): participation between @from_date and @to_date
 * inclusive (meetings dated in the period; action items of those meetings). */
GwParticipation      *gw_dashboard_dup_participation  (GwStore        *store,
                                                       const char     *from_date,
                                                       const char     *to_date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwPromotionCandidate, gw_promotion_candidate_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwAbsence, gw_absence_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwParticipation, gw_participation_free)

G_END_DECLS
