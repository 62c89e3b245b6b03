/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-store.h"
#include "gw-meeting.h"
#include "gw-member.h"

G_BEGIN_DECLS

/* Meetings, their agenda, decisions, action items and attendance in a
 * GwStore. Every change emits GwStore::meetings-changed with the meeting's
 * id (0 when kinds or many meetings changed), once the change is committed.
 * Bad input is refused with a %GW_STORE_ERROR a person can act on, and
 * nothing is changed. Dates are YYYY-MM-DD; times "HH:MM". Functions
 * returning a GPtrArray return (transfer full) arrays that free their
 * elements. */

/* Kinds of meeting. */
GPtrArray  *gw_store_list_meeting_kinds     (GwStore      *self);
gint64      gw_store_add_meeting_kind       (GwStore      *self,
                                             const char   *label,
                                             gboolean      is_study,
                                             GError      **error);
gboolean    gw_store_rename_meeting_kind    (GwStore      *self,
                                             gint64        kind_id,
                                             const char   *label,
                                             GError      **error);
gboolean    gw_store_set_meeting_kind_study (GwStore      *self,
                                             gint64        kind_id,
                                             gboolean      is_study,
                                             GError      **error);
/* Refused while any meeting (deleted ones too, until purged) is of the kind. */
gboolean    gw_store_remove_meeting_kind    (GwStore      *self,
                                             gint64        kind_id,
                                             GError      **error);

/* Meetings. gw_store_add_meeting() stores @draft's kind, title, date, time,
 * place and minutes and returns the new id (0 on error). A title left empty
 * becomes the kind's label. */
gint64      gw_store_add_meeting            (GwStore      *self,
                                             GwMeeting    *draft,
                                             GError      **error);
gboolean    gw_store_update_meeting         (GwStore      *self,
                                             GwMeeting    *meeting,
                                             GError      **error);
/* Returns: (transfer full) (nullable): the meeting, also when deleted. */
GwMeeting  *gw_store_load_meeting           (GwStore      *self,
                                             gint64        id,
                                             GError      **error);
/* Deleting hides the meeting everywhere; gw_store_restore_meeting() brings it
 * back (for an Undo toast) and gw_store_purge_deleted_meetings() removes
 * deleted meetings for good, with their agenda, decisions, action items and
 * attendance. */
gboolean    gw_store_delete_meeting         (GwStore      *self,
                                             gint64        id,
                                             GError      **error);
gboolean    gw_store_restore_meeting        (GwStore      *self,
                                             gint64        id,
                                             GError      **error);
gboolean    gw_store_purge_deleted_meetings (GwStore      *self,
                                             GError      **error);
/* Meetings dated between @from_date and @to_date inclusive (either may be
 * NULL for no bound), earliest first (by date, then time). */
GPtrArray  *gw_store_list_meetings          (GwStore      *self,
                                             const char   *from_date,
                                             const char   *to_date);
/* Meetings on or after @today, earliest first, at most @limit (0: all). */
GPtrArray  *gw_store_list_upcoming_meetings (GwStore      *self,
                                             const char   *today,
                                             guint         limit);
/* Meetings before @today, newest first, at most @limit (0: all). */
GPtrArray  *gw_store_list_past_meetings     (GwStore      *self,
                                             const char   *today,
                                             guint         limit);
/* Meetings @member_id attended, newest first. */
GPtrArray  *gw_store_list_meetings_attended (GwStore      *self,
                                             gint64        member_id);

/* The agenda: (element-type GwAgendaItem), in order. */
GPtrArray  *gw_store_list_agenda            (GwStore      *self,
                                             gint64        meeting_id);
/* Replaces the agenda with @items in their order, in one transaction. Items
 * with an id keep their uuid; items with id 0 are new; lines left out are
 * removed. Empty texts are refused. */
gboolean    gw_store_set_agenda             (GwStore      *self,
                                             gint64        meeting_id,
                                             GPtrArray    *items,
                                             GError      **error);

/* Decisions: (element-type GwDecision), in the order they were taken. */
GPtrArray  *gw_store_list_decisions         (GwStore      *self,
                                             gint64        meeting_id);
/* Stores @decision (its id and meeting_id are ignored); returns the new id. */
gint64      gw_store_add_decision           (GwStore      *self,
                                             gint64        meeting_id,
                                             const GwDecision *decision,
                                             GError      **error);
/* Updates text, outcome and votes of the decision with @decision's id. */
gboolean    gw_store_update_decision        (GwStore      *self,
                                             const GwDecision *decision,
                                             GError      **error);
gboolean    gw_store_remove_decision        (GwStore      *self,
                                             gint64        decision_id,
                                             GError      **error);

/* Action items. @owner_id is 0 for nobody yet; @due may be NULL. */
gint64      gw_store_add_action             (GwStore      *self,
                                             gint64        meeting_id,
                                             const char   *what,
                                             gint64        owner_id,
                                             const char   *due,
                                             GError      **error);
/* Updates what, owner_id and due of the item with @item's id. */
gboolean    gw_store_update_action          (GwStore      *self,
                                             const GwActionItem *item,
                                             GError      **error);
/* @done_date: the day it was done, or NULL to open it again. */
gboolean    gw_store_set_action_done        (GwStore      *self,
                                             gint64        action_id,
                                             const char   *done_date,
                                             GError      **error);
gboolean    gw_store_remove_action          (GwStore      *self,
                                             gint64        action_id,
                                             GError      **error);
/* (element-type GwActionItem): the meeting's items in the order given. */
GPtrArray  *gw_store_list_actions           (GwStore      *self,
                                             gint64        meeting_id);
/* (element-type GwActionItem): every open item of every meeting, soonest
 * due first (items without a due date last); each item's overdue flag says
 * whether it was due before @today. This is also the secretary's handover. */
GPtrArray  *gw_store_list_open_actions      (GwStore      *self,
                                             const char   *today);
/* Open items due before @today only, most overdue first. */
GPtrArray  *gw_store_list_overdue_actions   (GwStore      *self,
                                             const char   *today);

/* Attendance. Checking in someone already there changes nothing and is not
 * an error; a deleted or unknown person is refused. Checking out removes the
 * person from the meeting's attendance (a check-in made by mistake). */
gboolean    gw_store_check_in               (GwStore      *self,
                                             gint64        meeting_id,
                                             gint64        member_id,
                                             GError      **error);
gboolean    gw_store_check_out              (GwStore      *self,
                                             gint64        meeting_id,
                                             gint64        member_id,
                                             GError      **error);
gboolean    gw_store_is_checked_in          (GwStore      *self,
                                             gint64        meeting_id,
                                             gint64        member_id);
/* Volunteer time the person gave at the meeting, 0 to 1440 minutes. */
gboolean    gw_store_set_minutes_given      (GwStore      *self,
                                             gint64        meeting_id,
                                             gint64        member_id,
                                             int           minutes,
                                             GError      **error);
/* (element-type GwAttendance): sorted by name. */
GPtrArray  *gw_store_list_attendance        (GwStore      *self,
                                             gint64        meeting_id);
/* Adds a new volunteer (joined on the meeting's date) and checks them in,
 * marked as a walk-in, in one transaction. Returns the new member's id.
 * Call gw_store_find_duplicates() first and warn about look-alikes. */
gint64      gw_store_add_walk_in            (GwStore      *self,
                                             gint64        meeting_id,
                                             const char   *full_name,
                                             const char   *phone,
                                             GError      **error);

/* Matching a name typed from a paper sign-in sheet. Returns
 * (element-type GwMember): at most @limit people (not deleted), the best
 * first: an exact match of the folded name (or community name, in any word
 * order) first, then by spelling distance. Tolerates typos, missing accents,
 * swapped words and community names; returns an empty array when nobody is
 * close. */
GPtrArray  *gw_store_match_sign_in_name     (GwStore      *self,
                                             const char   *typed,
                                             guint         limit);
/* How far @typed is from @member's names, as used for the ranking: 0 means
 * the same name once accents, case and word order are put aside. A caller
 * may accept a 0 match without asking. */
guint       gw_sign_in_name_distance        (GwMember     *member,
                                             const char   *typed);

/* Volunteer time. (element-type GwVolunteerTime): everyone who attended a
 * meeting between @from_date and @to_date (inclusive, NULL for no bound),
 * most minutes first. */
GPtrArray  *gw_store_list_volunteer_time    (GwStore      *self,
                                             const char   *from_date,
                                             const char   *to_date);
/* One person's volunteer minutes over the period. */
gint64      gw_store_get_volunteer_minutes  (GwStore      *self,
                                             gint64        member_id,
                                             const char   *from_date,
                                             const char   *to_date);

G_END_DECLS
