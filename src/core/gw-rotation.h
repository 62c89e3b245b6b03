/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-store.h"
#include "gw-meeting.h"

G_BEGIN_DECLS

/* The rotating secretary. The role goes round a pool of members and cadre
 * who opted in, so that no default leader forms: whoever served least
 * recently goes next. Who served when is the secretary of each meeting
 * (gw_rotation_assign()); a skip records that someone is away for a given
 * date, with the reason. Errors are %GW_STORE_ERROR. */

typedef enum
{
  GW_ROTATION_TERM_EACH_MEETING,  /* a new secretary for every meeting */
  GW_ROTATION_TERM_WEEKS,         /* one secretary for N weeks */
} GwRotationTerm;

/* One person in the order for a date. */
typedef struct
{
  gint64    member_id;
  char     *full_name;
  char     *phone;
  char     *in_pool_since;  /* YYYY-MM-DD */
  char     *last_served;    /* YYYY-MM-DD, or NULL when never */
  guint     n_turns;        /* meetings served as secretary */
  gboolean  skipped;        /* away for this date; placed last */
  char     *skip_reason;    /* why, when skipped */
  char     *reason;         /* translated: why this place in the order */
  char     *warning;        /* translated over-share warning, or NULL */
} GwRotationCandidate;

/* One turn: who was secretary of which meeting. */
typedef struct
{
  gint64  meeting_id;
  char   *meeting_title;
  char   *date;
  gint64  member_id;
  char   *full_name;
} GwRotationTurn;

/* One recorded absence from the rotation. */
typedef struct
{
  gint64  id;
  char   *uuid;
  gint64  member_id;
  char   *full_name;
  char   *date;
  char   *reason;
} GwRotationSkip;

#define GW_TYPE_ROTATION_CANDIDATE (gw_rotation_candidate_get_type ())
#define GW_TYPE_ROTATION_TURN      (gw_rotation_turn_get_type ())
#define GW_TYPE_ROTATION_SKIP      (gw_rotation_skip_get_type ())

GType                gw_rotation_candidate_get_type (void) G_GNUC_CONST;
GwRotationCandidate *gw_rotation_candidate_copy     (const GwRotationCandidate *candidate);
void                 gw_rotation_candidate_free     (GwRotationCandidate       *candidate);
GType                gw_rotation_turn_get_type      (void) G_GNUC_CONST;
GwRotationTurn      *gw_rotation_turn_copy          (const GwRotationTurn      *turn);
void                 gw_rotation_turn_free          (GwRotationTurn            *turn);
GType                gw_rotation_skip_get_type      (void) G_GNUC_CONST;
GwRotationSkip      *gw_rotation_skip_copy          (const GwRotationSkip      *skip);
void                 gw_rotation_skip_free          (GwRotationSkip            *skip);

/* The term, stored in the settings: each meeting, or @weeks weeks (1-52). */
GwRotationTerm  gw_rotation_get_term     (GwStore       *store,
                                          guint         *weeks);
gboolean        gw_rotation_set_term     (GwStore       *store,
                                          GwRotationTerm term,
                                          guint          weeks,
                                          GError       **error);

/* The pool. Joining is refused for volunteers, people not active and
 * deleted people, with a message saying why. @since may be NULL for today. */
gboolean        gw_rotation_join_pool    (GwStore       *store,
                                          gint64         member_id,
                                          const char    *since,
                                          GError       **error);
gboolean        gw_rotation_leave_pool   (GwStore       *store,
                                          gint64         member_id,
                                          GError       **error);
gboolean        gw_rotation_is_in_pool   (GwStore       *store,
                                          gint64         member_id);
/* How many people could be in the pool: active members and cadre, whether
 * they are in it or not. 0 means nobody can take a turn until someone is
 * promoted. */
guint           gw_rotation_count_eligible (GwStore     *store);

/* Returns: (transfer full) (element-type GwRotationCandidate): the pool's
 * eligible people (active members and cadre) in the order they should serve
 * at a meeting on @date: never served first, then whoever served least
 * recently; ties go to fewer turns, then longer in the pool, then a fixed
 * order (the person's uuid), and each reason says which rule placed them.
 * People skipped for @date come last, with the skip's reason. */
GPtrArray      *gw_rotation_dup_order    (GwStore       *store,
                                          const char    *date);

/* Records that @member_id is away on @date (one meeting day), with a reason
 * (required). gw_rotation_unskip() takes it back. */
gboolean        gw_rotation_skip         (GwStore       *store,
                                          gint64         member_id,
                                          const char    *date,
                                          const char    *reason,
                                          GError       **error);
gboolean        gw_rotation_unskip       (GwStore       *store,
                                          gint64         member_id,
                                          const char    *date,
                                          GError       **error);
/* (element-type GwRotationSkip): skips between the dates (NULL: no bound),
 * newest first. */
GPtrArray      *gw_rotation_list_skips   (GwStore       *store,
                                          const char    *from_date,
                                          const char    *to_date);

/* Sets the meeting's secretary (@member_id 0 clears it). The secretary must
 * be an active member or cadre; being outside the pool is allowed (someone
 * may step in). */
gboolean        gw_rotation_assign       (GwStore       *store,
                                          gint64         meeting_id,
                                          gint64         member_id,
                                          GError       **error);
/* Who should be secretary of a meeting on @date: the current secretary
 * while their term of N weeks runs, otherwise the first of the order.
 * Returns 0 when the pool is empty. */
gint64          gw_rotation_suggest      (GwStore       *store,
                                          const char    *date);
/* Returns: (transfer full) (nullable): this term's secretary, that is, the
 * secretary of the latest meeting on or before @today, with the reason "
 * serving since ...". */
GwRotationCandidate *gw_rotation_dup_current (GwStore   *store,
                                          const char    *today);
/* Returns: (transfer full) (nullable): who comes next after @today. */
GwRotationCandidate *gw_rotation_dup_next (GwStore      *store,
                                          const char    *today);

/* (element-type GwRotationTurn): who served when, newest first. */
GPtrArray      *gw_rotation_list_history (GwStore       *store);
/* The handover: the open action items (gw_store_list_open_actions()). */
GPtrArray      *gw_rotation_list_handover (GwStore      *store,
                                          const char    *today);
/* Returns: (transfer full) (nullable): a plain-language warning, one
 * sentence naming everyone who served far more than their share (more than
 * twice the pool's mean number of turns, and at least 3 turns), most turns
 * first, or %NULL when the role is shared. */
char           *gw_rotation_dup_warning  (GwStore       *store);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwRotationCandidate, gw_rotation_candidate_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwRotationTurn, gw_rotation_turn_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwRotationSkip, gw_rotation_skip_free)

G_END_DECLS
