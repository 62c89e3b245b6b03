/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "gw-member.h"

G_BEGIN_DECLS

/* A meeting of the organization: a general meeting, a committee, a study
 * session, an action, a distribution day... A GwMeeting is a value read from
 * or written to the store (see gw-store-meetings.h); changing it changes
 * nothing until it is passed to gw_store_update_meeting(). */
#define GW_TYPE_MEETING (gw_meeting_get_type ())
G_DECLARE_FINAL_TYPE (GwMeeting, gw_meeting, GW, MEETING, GObject)

GwMeeting  *gw_meeting_new                 (void);
GwMeeting  *gw_meeting_copy                (GwMeeting   *self);

gint64      gw_meeting_get_id              (GwMeeting   *self);
const char *gw_meeting_get_uuid            (GwMeeting   *self);
gint64      gw_meeting_get_kind_id         (GwMeeting   *self);
void        gw_meeting_set_kind_id         (GwMeeting   *self,
                                            gint64       kind_id);
/* The kind's label as the organization calls it (read from the store). */
const char *gw_meeting_get_kind_label      (GwMeeting   *self);
/* Whether the kind counts as a study session toward the ladder. */
gboolean    gw_meeting_get_is_study        (GwMeeting   *self);
const char *gw_meeting_get_title           (GwMeeting   *self);
void        gw_meeting_set_title           (GwMeeting   *self,
                                            const char  *value);
/* ISO 8601 date, YYYY-MM-DD. */
const char *gw_meeting_get_date            (GwMeeting   *self);
void        gw_meeting_set_date            (GwMeeting   *self,
                                            const char  *iso_date);
/* Start time "HH:MM", or "" when not set. */
const char *gw_meeting_get_time            (GwMeeting   *self);
void        gw_meeting_set_time            (GwMeeting   *self,
                                            const char  *hh_mm);
const char *gw_meeting_get_place           (GwMeeting   *self);
void        gw_meeting_set_place           (GwMeeting   *self,
                                            const char  *value);
const char *gw_meeting_get_minutes         (GwMeeting   *self);
void        gw_meeting_set_minutes         (GwMeeting   *self,
                                            const char  *value);
/* The secretary is set with gw_rotation_assign(), so that the rotation's
 * history stays right: 0 and "" when nobody is assigned yet. */
gint64      gw_meeting_get_secretary_id    (GwMeeting   *self);
const char *gw_meeting_get_secretary_name  (GwMeeting   *self);
/* How many people are checked in (read from the store). */
guint       gw_meeting_get_n_attending     (GwMeeting   *self);
const char *gw_meeting_get_created         (GwMeeting   *self);
const char *gw_meeting_get_updated         (GwMeeting   *self);

/* A kind of meeting. The defaults (General meeting, Committee, Study
 * session, Action, Distribution day) show in the interface's language until
 * the organization renames them. */
typedef struct
{
  gint64    id;
  char     *uuid;
  char     *label;
  gboolean  is_study;    /* attending counts as a study session */
  guint     n_meetings;  /* meetings of this kind, not counting deleted ones */
} GwMeetingKind;

/* One line of an agenda; position counts from 0. */
typedef struct
{
  gint64  id;            /* 0 for a line not yet stored */
  char   *uuid;
  int     position;
  char   *text;
} GwAgendaItem;

/* A decision, often by vote. Votes are 0 or more; all three 0 means no count
 * was taken (consensus). */
typedef struct
{
  gint64  id;
  char   *uuid;
  gint64  meeting_id;
  char   *text;
  char   *outcome;       /* free text: "Carried", "Adopted by consensus"... */
  int     votes_for;
  int     votes_against;
  int     votes_abstain;
} GwDecision;

/* A task given at a meeting to one person. */
typedef struct
{
  gint64    id;
  char     *uuid;
  gint64    meeting_id;
  char     *meeting_title;  /* of the meeting it was given at */
  char     *meeting_date;
  char     *what;
  gint64    owner_id;       /* 0 when nobody took it */
  char     *owner_name;
  char     *due;            /* YYYY-MM-DD, or NULL when there is no due date */
  char     *done;           /* YYYY-MM-DD when done, NULL while open */
  gboolean  overdue;        /* open and due before the day it was listed for */
} GwActionItem;

/* One person at one meeting. */
typedef struct
{
  gint64    meeting_id;
  gint64    member_id;
  char     *full_name;
  char     *community_name;
  char     *phone;
  char     *languages;      /* as gw_member_dup_languages_text() */
  GwStage   stage;
  int       minutes_given;  /* volunteer time given, in minutes */
  gboolean  walk_in;        /* added on the spot as a new volunteer */
} GwAttendance;

/* Volunteer time one person gave over a period. */
typedef struct
{
  gint64  member_id;
  char   *full_name;
  guint   n_meetings;       /* meetings attended in the period */
  gint64  minutes;          /* volunteer time given, in minutes */
} GwVolunteerTime;

#define GW_TYPE_MEETING_KIND   (gw_meeting_kind_get_type ())
#define GW_TYPE_AGENDA_ITEM    (gw_agenda_item_get_type ())
#define GW_TYPE_DECISION       (gw_decision_get_type ())
#define GW_TYPE_ACTION_ITEM    (gw_action_item_get_type ())
#define GW_TYPE_ATTENDANCE     (gw_attendance_get_type ())
#define GW_TYPE_VOLUNTEER_TIME (gw_volunteer_time_get_type ())

GType            gw_meeting_kind_get_type   (void) G_GNUC_CONST;
GwMeetingKind   *gw_meeting_kind_copy       (const GwMeetingKind   *kind);
void             gw_meeting_kind_free       (GwMeetingKind         *kind);

GType            gw_agenda_item_get_type    (void) G_GNUC_CONST;
/* Returns: (transfer full): a new line with @text, not yet stored. */
GwAgendaItem    *gw_agenda_item_new         (const char            *text);
GwAgendaItem    *gw_agenda_item_copy        (const GwAgendaItem    *item);
void             gw_agenda_item_free        (GwAgendaItem          *item);

GType            gw_decision_get_type       (void) G_GNUC_CONST;
/* Returns: (transfer full): a new decision with @text, not yet stored. */
GwDecision      *gw_decision_new            (const char            *text);
GwDecision      *gw_decision_copy           (const GwDecision      *decision);
void             gw_decision_free           (GwDecision            *decision);

GType            gw_action_item_get_type    (void) G_GNUC_CONST;
GwActionItem    *gw_action_item_copy        (const GwActionItem    *item);
void             gw_action_item_free        (GwActionItem          *item);

GType            gw_attendance_get_type     (void) G_GNUC_CONST;
GwAttendance    *gw_attendance_copy         (const GwAttendance    *attendance);
void             gw_attendance_free         (GwAttendance          *attendance);

GType            gw_volunteer_time_get_type (void) G_GNUC_CONST;
GwVolunteerTime *gw_volunteer_time_copy     (const GwVolunteerTime *time);
void             gw_volunteer_time_free     (GwVolunteerTime       *time);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwMeetingKind, gw_meeting_kind_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwAgendaItem, gw_agenda_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwDecision, gw_decision_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwActionItem, gw_action_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwAttendance, gw_attendance_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwVolunteerTime, gw_volunteer_time_free)

G_END_DECLS
