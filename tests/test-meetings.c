/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "gw-test-meetings.h"

static void
count_cb (GwStore *store,
          gint64   meeting_id,
          gpointer data)
{
  GArray *seen = data;

  g_array_append_val (seen, meeting_id);
}

static void
test_kinds (GwTestFixture *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) kinds = gw_store_list_meeting_kinds (f->store);
  g_autoptr(GError) error = NULL;
  GwMeetingKind *study;
  gint64 study_id;
  gint64 id;

  g_assert_cmpuint (kinds->len, ==, 5);
  g_assert_cmpstr (((GwMeetingKind *) g_ptr_array_index (kinds, 0))->label, ==, "General meeting");
  study = g_ptr_array_index (kinds, 2);
  g_assert_cmpstr (study->label, ==, "Study session");
  g_assert_true (study->is_study);
  study_id = study->id;
  g_assert_false (((GwMeetingKind *) g_ptr_array_index (kinds, 0))->is_study);
  g_assert_cmpstr (((GwMeetingKind *) g_ptr_array_index (kinds, 4))->label, ==, "Distribution day");

  /* An organization's own kind; names are not repeated. */
  id = gw_store_add_meeting_kind (f->store, "Building committee", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (gw_store_add_meeting_kind (f->store, "  building COMMITTEE ", FALSE, &error), ==, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (gw_store_add_meeting_kind (f->store, "   ", FALSE, &error), ==, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Renaming a default, and back to the default. */
  g_assert_true (gw_store_rename_meeting_kind (f->store, study_id, "Political education", &error));
  g_assert_no_error (error);
  g_clear_pointer (&kinds, g_ptr_array_unref);
  kinds = gw_store_list_meeting_kinds (f->store);
  g_assert_cmpstr (((GwMeetingKind *) g_ptr_array_index (kinds, 2))->label, ==, "Political education");
  g_assert_true (gw_store_rename_meeting_kind (f->store, study_id, "", &error));
  g_clear_pointer (&kinds, g_ptr_array_unref);
  kinds = gw_store_list_meeting_kinds (f->store);
  g_assert_cmpstr (((GwMeetingKind *) g_ptr_array_index (kinds, 2))->label, ==, "Study session");

  /* A kind in use stays; an unused one goes. */
  gw_test_add_meeting (f->store, 5, "2026-03-01");
  g_assert_false (gw_store_remove_meeting_kind (f->store, id, &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "used by 1 meeting"));
  g_clear_error (&error);
  g_assert_true (gw_store_remove_meeting_kind (f->store, gw_test_kind (f->store, 3), &error));
  g_assert_no_error (error);
  g_clear_pointer (&kinds, g_ptr_array_unref);
  kinds = gw_store_list_meeting_kinds (f->store);
  g_assert_cmpuint (kinds->len, ==, 5);
}

static void
test_crud (GwTestFixture *f,
           gconstpointer  data)
{
  g_autoptr(GwMeeting) draft = gw_meeting_new ();
  g_autoptr(GwMeeting) loaded = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  gint64 id;

  g_signal_connect (f->store, "meetings-changed", G_CALLBACK (count_cb), seen);

  /* Bad input is refused and changes nothing. */
  gw_meeting_set_kind_id (draft, gw_test_kind (f->store, 0));
  gw_meeting_set_date (draft, "2026-02-30");
  before = gw_test_read_file (f->path);
  g_assert_cmpint (gw_store_add_meeting (f->store, draft, &error), ==, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
  g_clear_error (&error);
  gw_meeting_set_date (draft, "2026-03-05");
  gw_meeting_set_time (draft, "25:00");
  g_assert_cmpint (gw_store_add_meeting (f->store, draft, &error), ==, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  gw_meeting_set_time (draft, "18:30");
  gw_meeting_set_kind_id (draft, 999);
  g_assert_cmpint (gw_store_add_meeting (f->store, draft, &error), ==, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  gw_test_assert_file_unchanged (f->path, before);
  g_assert_cmpuint (seen->len, ==, 0);

  gw_meeting_set_kind_id (draft, gw_test_kind (f->store, 0));
  gw_meeting_set_place (draft, "Church hall");
  id = gw_store_add_meeting (f->store, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpint (g_array_index (seen, gint64, 0), ==, id);

  loaded = gw_store_load_meeting (f->store, id, &error);
  g_assert_no_error (error);
  /* An empty title becomes the kind's name. */
  g_assert_cmpstr (gw_meeting_get_title (loaded), ==, "General meeting");
  g_assert_cmpstr (gw_meeting_get_kind_label (loaded), ==, "General meeting");
  g_assert_cmpstr (gw_meeting_get_date (loaded), ==, "2026-03-05");
  g_assert_cmpstr (gw_meeting_get_time (loaded), ==, "18:30");
  g_assert_cmpstr (gw_meeting_get_place (loaded), ==, "Church hall");
  g_assert_cmpuint (strlen (gw_meeting_get_uuid (loaded)), ==, 36);
  g_assert_cmpstr (gw_meeting_get_created (loaded), !=, "");

  gw_meeting_set_minutes (loaded, "We met.");
  gw_meeting_set_title (loaded, "March general meeting");
  g_assert_true (gw_store_update_meeting (f->store, loaded, &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = gw_store_load_meeting (f->store, id, &error);
  g_assert_cmpstr (gw_meeting_get_minutes (loaded), ==, "We met.");
  g_assert_cmpstr (gw_meeting_get_title (loaded), ==, "March general meeting");

  gw_test_add_meeting (f->store, 2, "2026-04-01");
  gw_test_add_meeting (f->store, 4, "2026-01-10");
  listed = gw_store_list_meetings (f->store, NULL, NULL);
  g_assert_cmpuint (listed->len, ==, 3);
  g_assert_cmpstr (gw_meeting_get_date (g_ptr_array_index (listed, 0)), ==, "2026-01-10");
  g_assert_cmpstr (gw_meeting_get_date (g_ptr_array_index (listed, 2)), ==, "2026-04-01");
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = gw_store_list_upcoming_meetings (f->store, "2026-03-05", 0);
  g_assert_cmpuint (listed->len, ==, 2);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = gw_store_list_past_meetings (f->store, "2026-03-05", 0);
  g_assert_cmpuint (listed->len, ==, 1);
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* Delete, undo, delete, purge. */
  g_assert_true (gw_store_delete_meeting (f->store, id, &error));
  listed = gw_store_list_meetings (f->store, NULL, NULL);
  g_assert_cmpuint (listed->len, ==, 2);
  g_clear_pointer (&listed, g_ptr_array_unref);
  g_assert_true (gw_store_restore_meeting (f->store, id, &error));
  g_assert_no_error (error);
  listed = gw_store_list_meetings (f->store, NULL, NULL);
  g_assert_cmpuint (listed->len, ==, 3);
  g_clear_pointer (&listed, g_ptr_array_unref);
  g_assert_true (gw_store_delete_meeting (f->store, id, &error));
  g_assert_true (gw_store_purge_deleted_meetings (f->store, &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = gw_store_load_meeting (f->store, id, &error);
  g_assert_null (loaded);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND);
}

static void
test_agenda (GwTestFixture *f,
             gconstpointer  data)
{
  gint64 id = gw_test_add_meeting (f->store, 0, "2026-03-05");
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_agenda_item_free);
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) reordered = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_agenda_item_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *kept_uuid = NULL;

  g_ptr_array_add (items, gw_agenda_item_new ("Welcome"));
  g_ptr_array_add (items, gw_agenda_item_new ("Rent strike"));
  g_ptr_array_add (items, gw_agenda_item_new ("Next steps"));
  g_assert_true (gw_store_set_agenda (f->store, id, items, &error));
  g_assert_no_error (error);

  stored = gw_store_list_agenda (f->store, id);
  g_assert_cmpuint (stored->len, ==, 3);
  g_assert_cmpstr (((GwAgendaItem *) g_ptr_array_index (stored, 1))->text, ==, "Rent strike");
  kept_uuid = g_strdup (((GwAgendaItem *) g_ptr_array_index (stored, 1))->uuid);

  /* Move "Rent strike" first, drop "Welcome", add a line. */
  g_ptr_array_add (reordered, gw_agenda_item_copy (g_ptr_array_index (stored, 1)));
  g_ptr_array_add (reordered, gw_agenda_item_copy (g_ptr_array_index (stored, 2)));
  g_ptr_array_add (reordered, gw_agenda_item_new ("Coat drive"));
  g_assert_true (gw_store_set_agenda (f->store, id, reordered, &error));
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = gw_store_list_agenda (f->store, id);
  g_assert_cmpuint (stored->len, ==, 3);
  g_assert_cmpstr (((GwAgendaItem *) g_ptr_array_index (stored, 0))->text, ==, "Rent strike");
  g_assert_cmpstr (((GwAgendaItem *) g_ptr_array_index (stored, 0))->uuid, ==, kept_uuid);
  g_assert_cmpint (((GwAgendaItem *) g_ptr_array_index (stored, 0))->position, ==, 0);
  g_assert_cmpstr (((GwAgendaItem *) g_ptr_array_index (stored, 1))->text, ==, "Next steps");
  g_assert_cmpstr (((GwAgendaItem *) g_ptr_array_index (stored, 2))->text, ==, "Coat drive");

  /* An empty line refuses the whole agenda. */
  g_ptr_array_add (reordered, gw_agenda_item_new ("  "));
  g_assert_false (gw_store_set_agenda (f->store, id, reordered, &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = gw_store_list_agenda (f->store, id);
  g_assert_cmpuint (stored->len, ==, 3);
}

static void
test_decisions (GwTestFixture *f,
                gconstpointer  data)
{
  gint64 id = gw_test_add_meeting (f->store, 0, "2026-03-05");
  g_autoptr(GwDecision) decision = gw_decision_new ("Join the rent strike");
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 decision_id;

  decision->votes_for = 12;
  decision->votes_against = -1;
  g_assert_cmpint (gw_store_add_decision (f->store, id, decision, &error), ==, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  decision->votes_against = 2;
  decision->votes_abstain = 1;
  g_free (decision->outcome);
  decision->outcome = g_strdup ("Carried");
  decision_id = gw_store_add_decision (f->store, id, decision, &error);
  g_assert_no_error (error);

  listed = gw_store_list_decisions (f->store, id);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpint (((GwDecision *) g_ptr_array_index (listed, 0))->votes_for, ==, 12);
  g_assert_cmpint (((GwDecision *) g_ptr_array_index (listed, 0))->votes_abstain, ==, 1);
  g_assert_cmpstr (((GwDecision *) g_ptr_array_index (listed, 0))->outcome, ==, "Carried");

  decision->id = decision_id;
  decision->votes_for = 13;
  g_assert_true (gw_store_update_decision (f->store, decision, &error));
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = gw_store_list_decisions (f->store, id);
  g_assert_cmpint (((GwDecision *) g_ptr_array_index (listed, 0))->votes_for, ==, 13);

  g_assert_true (gw_store_remove_decision (f->store, decision_id, &error));
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = gw_store_list_decisions (f->store, id);
  g_assert_cmpuint (listed->len, ==, 0);
}

static void
test_actions (GwTestFixture *f,
              gconstpointer  data)
{
  gint64 march = gw_test_add_meeting (f->store, 0, "2026-03-05");
  gint64 april = gw_test_add_meeting (f->store, 0, "2026-04-02");
  gint64 rosa = gw_test_add (f->store, "Rosa Luna");
  gint64 gone = gw_test_add (f->store, "Gone Person");
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GError) error = NULL;
  gint64 flyers, hall, calls;

  g_assert_true (gw_store_delete_member (f->store, gone, &error));
  g_assert_cmpint (gw_store_add_action (f->store, march, "Print flyers", gone, NULL, &error), ==, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (gw_store_add_action (f->store, march, "Print flyers", rosa, "someday", &error), ==, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (gw_store_add_action (f->store, march, " ", rosa, NULL, &error), ==, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  flyers = gw_store_add_action (f->store, march, "Print flyers", rosa, "2026-03-19", &error);
  g_assert_no_error (error);
  hall = gw_store_add_action (f->store, april, "Book the hall", 0, "2026-04-30", &error);
  g_assert_no_error (error);
  calls = gw_store_add_action (f->store, april, "Phone tree", rosa, NULL, &error);
  g_assert_no_error (error);

  open = gw_store_list_open_actions (f->store, "2026-04-10");
  g_assert_cmpuint (open->len, ==, 3);
  g_assert_cmpint (((GwActionItem *) g_ptr_array_index (open, 0))->id, ==, flyers);
  g_assert_true (((GwActionItem *) g_ptr_array_index (open, 0))->overdue);
  g_assert_cmpstr (((GwActionItem *) g_ptr_array_index (open, 0))->owner_name, ==, "Rosa Luna");
  g_assert_cmpstr (((GwActionItem *) g_ptr_array_index (open, 0))->meeting_date, ==, "2026-03-05");
  g_assert_cmpint (((GwActionItem *) g_ptr_array_index (open, 1))->id, ==, hall);
  g_assert_false (((GwActionItem *) g_ptr_array_index (open, 1))->overdue);
  g_assert_cmpint (((GwActionItem *) g_ptr_array_index (open, 1))->owner_id, ==, 0);
  g_assert_cmpint (((GwActionItem *) g_ptr_array_index (open, 2))->id, ==, calls);
  g_assert_null (((GwActionItem *) g_ptr_array_index (open, 2))->due);

  overdue = gw_store_list_overdue_actions (f->store, "2026-04-10");
  g_assert_cmpuint (overdue->len, ==, 1);

  g_assert_true (gw_store_set_action_done (f->store, flyers, "2026-04-11", &error));
  g_assert_no_error (error);
  g_clear_pointer (&open, g_ptr_array_unref);
  open = gw_store_list_open_actions (f->store, "2026-04-12");
  g_assert_cmpuint (open->len, ==, 2);
  g_assert_true (gw_store_set_action_done (f->store, flyers, NULL, &error));
  g_clear_pointer (&open, g_ptr_array_unref);
  open = gw_store_list_open_actions (f->store, "2026-04-12");
  g_assert_cmpuint (open->len, ==, 3);

  /* A deleted meeting's items drop out of the open list. */
  g_assert_true (gw_store_delete_meeting (f->store, april, &error));
  g_clear_pointer (&open, g_ptr_array_unref);
  open = gw_store_list_open_actions (f->store, "2026-04-12");
  g_assert_cmpuint (open->len, ==, 1);
  g_assert_true (gw_store_remove_action (f->store, flyers, &error));
  g_assert_false (gw_store_remove_action (f->store, flyers, &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND);
}

static void
test_attendance (GwTestFixture *f,
                 gconstpointer  data)
{
  gint64 meeting = gw_test_add_meeting (f->store, 4, "2026-03-07");
  gint64 ana = gw_test_add_person (f->store, "Ana Flores", "555-0101", NULL);
  gint64 bao = gw_test_add (f->store, "Bao Tran");
  gint64 gone = gw_test_add (f->store, "Gone Person");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) hours = NULL;
  g_autoptr(GError) error = NULL;

  gw_test_check_in (f->store, meeting, bao);
  gw_test_check_in (f->store, meeting, ana);
  gw_test_check_in (f->store, meeting, ana);   /* twice is once */

  g_assert_true (gw_store_delete_member (f->store, gone, &error));
  g_assert_false (gw_store_check_in (f->store, meeting, gone, &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (gw_store_check_in (f->store, meeting, 4242, &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  list = gw_store_list_attendance (f->store, meeting);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((GwAttendance *) g_ptr_array_index (list, 0))->full_name, ==, "Ana Flores");
  g_assert_cmpstr (((GwAttendance *) g_ptr_array_index (list, 0))->phone, ==, "555-0101");
  g_assert_false (((GwAttendance *) g_ptr_array_index (list, 0))->walk_in);

  g_assert_false (gw_store_set_minutes_given (f->store, meeting, ana, -5, &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (gw_store_set_minutes_given (f->store, meeting, ana, 180, &error));
  g_assert_true (gw_store_set_minutes_given (f->store, meeting, bao, 60, &error));
  g_assert_no_error (error);

  hours = gw_store_list_volunteer_time (f->store, "2026-03-01", "2026-03-31");
  g_assert_cmpuint (hours->len, ==, 2);
  g_assert_cmpint (((GwVolunteerTime *) g_ptr_array_index (hours, 0))->member_id, ==, ana);
  g_assert_cmpint (((GwVolunteerTime *) g_ptr_array_index (hours, 0))->minutes, ==, 180);
  g_assert_cmpint (gw_store_get_volunteer_minutes (f->store, ana, NULL, NULL), ==, 180);
  g_assert_cmpint (gw_store_get_volunteer_minutes (f->store, ana, "2026-04-01", NULL), ==, 0);

  g_assert_true (gw_store_check_out (f->store, meeting, bao, &error));
  g_assert_false (gw_store_is_checked_in (f->store, meeting, bao));
  g_assert_false (gw_store_check_out (f->store, meeting, bao, &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (gw_store_set_minutes_given (f->store, meeting, bao, 30, &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND);
}

static void
test_walk_in (GwTestFixture *f,
              gconstpointer  data)
{
  gint64 meeting = gw_test_add_meeting (f->store, 0, "2026-03-05");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GwMember) member = NULL;
  g_autoptr(GError) error = NULL;
  guint before = gw_store_count_members (f->store);
  gint64 id;

  g_assert_cmpint (gw_store_add_walk_in (f->store, meeting, "  ", NULL, &error), ==, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (gw_store_count_members (f->store), ==, before);

  id = gw_store_add_walk_in (f->store, meeting, "Nadia Haddad", "555-0199", &error);
  g_assert_no_error (error);
  member = gw_test_load (f->store, id);
  g_assert_cmpint (gw_member_get_stage (member), ==, GW_STAGE_VOLUNTEER);
  g_assert_cmpstr (gw_member_get_joined (member), ==, "2026-03-05");
  g_assert_cmpstr (gw_member_get_phone (member), ==, "555-0199");

  list = gw_store_list_attendance (f->store, meeting);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_true (((GwAttendance *) g_ptr_array_index (list, 0))->walk_in);
}

static const char *
first_match (GwStore    *store,
             const char *typed)
{
  g_autoptr(GPtrArray) found = gw_store_match_sign_in_name (store, typed, 5);
  static char name[256];

  if (found->len == 0)
    return NULL;
  g_strlcpy (name, gw_member_get_full_name (g_ptr_array_index (found, 0)), sizeof name);
  return name;
}

static void
test_sign_in_names (GwTestFixture *f,
                    gconstpointer  data)
{
  g_autoptr(GwMember) tia = gw_member_new ();
  g_autoptr(GwMember) jose = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  gint64 jose_id;

  jose_id = gw_test_add (f->store, "José Martínez");
  gw_test_add (f->store, "Josefina Martín");
  gw_test_add (f->store, "Marta Jiménez");
  gw_test_add (f->store, "Nguyễn Thị Lan");
  gw_test_add (f->store, "Mohamed Abdi Warsame");
  gw_member_set_full_name (tia, "Guadalupe Reyes");
  gw_member_set_community_name (tia, "Tía Lupe");
  gw_store_add_member (f->store, tia, "Test", &error);
  g_assert_no_error (error);

  /* A typo and no accents. */
  found = gw_store_match_sign_in_name (f->store, "Jose Martines", 5);
  g_assert_cmpuint (found->len, >=, 1);
  g_assert_cmpint (gw_member_get_id (g_ptr_array_index (found, 0)), ==, jose_id);
  jose = g_object_ref (g_ptr_array_index (found, 0));
  g_assert_cmpuint (gw_sign_in_name_distance (jose, "Jose Martines"), ==, 1);

  /* Exact once folded, in any order, with a comma: distance 0, first. */
  g_assert_cmpstr (first_match (f->store, "jose martinez"), ==, "José Martínez");
  g_assert_cmpstr (first_match (f->store, "Martínez, José"), ==, "José Martínez");
  g_assert_cmpuint (gw_sign_in_name_distance (jose, "MARTINEZ JOSE"), ==, 0);

  /* A slip in the first letters still finds the person. */
  g_assert_cmpstr (first_match (f->store, "Hose Martinez"), ==, "José Martínez");

  /* Vietnamese without tones; a community name. */
  g_assert_cmpstr (first_match (f->store, "Nguyen Thi Lan"), ==, "Nguyễn Thị Lan");
  g_assert_cmpstr (first_match (f->store, "Lan Nguyen Thi"), ==, "Nguyễn Thị Lan");
  g_assert_cmpstr (first_match (f->store, "tia lupe"), ==, "Guadalupe Reyes");

  /* Nobody close. */
  g_clear_pointer (&found, g_ptr_array_unref);
  found = gw_store_match_sign_in_name (f->store, "Xavier Quinn", 5);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = gw_store_match_sign_in_name (f->store, "", 5);
  g_assert_cmpuint (found->len, ==, 0);

  /* A deleted person is not offered. */
  g_assert_true (gw_store_delete_member (f->store, jose_id, &error));
  g_assert_cmpstr (first_match (f->store, "Jose Martinez"), !=, "José Martínez");
}

/* A version-1 database, made the way version 1 made it: this build's schema
 * minus everything migrations 2 and 3 added, with user_version 1. */
static void
test_migration (GwTestFixture *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwMember) member = NULL;
  g_autoptr(GPtrArray) kinds = NULL;
  g_autoptr(GPtrArray) history = NULL;
  char *errmsg = NULL;
  gint64 ada;
  int rc;

  ada = gw_test_add_person (f->store, "Ada Okafor", "555-0110", "ada@example.org");
  gw_test_raise_to (f->store, ada, GW_STAGE_MEMBER);
  g_clear_object (&f->store);

  rc = gw_test_sql_exec (f->path,
                         GW_TEST_DROP_NOTEBOOK
                         "DROP TABLE rotation_skips; DROP TABLE rotation_pool; DROP TABLE attendance;"
                         "DROP TABLE action_items; DROP TABLE decisions; DROP TABLE agenda_items;"
                         "DROP TABLE meetings; DROP TABLE meeting_kinds;"
                         "DROP INDEX member_events_by_date;"
                         "DELETE FROM settings WHERE key LIKE 'requirement-%';"
                         "PRAGMA user_version = 1;", &errmsg);
  g_assert_cmpstr (errmsg, ==, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  g_assert_cmpint (gw_test_sql_int (f->path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (gw_test_sql_int (f->path, "SELECT count(*) FROM sqlite_schema WHERE name = 'meetings'"), ==, 0);

  f->store = gw_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gw_store_get_schema_version (f->store), ==, GW_SCHEMA_VERSION);

  /* The roster came through untouched. */
  member = gw_test_load (f->store, ada);
  g_assert_cmpstr (gw_member_get_full_name (member), ==, "Ada Okafor");
  g_assert_cmpstr (gw_member_get_email (member), ==, "ada@example.org");
  g_assert_cmpint (gw_member_get_stage (member), ==, GW_STAGE_MEMBER);
  history = gw_store_list_history (f->store, ada);
  g_assert_cmpuint (history->len, ==, 3);

  /* And the meetings are ready for use. */
  kinds = gw_store_list_meeting_kinds (f->store);
  g_assert_cmpuint (kinds->len, ==, 5);
  for (guint i = 0; i < kinds->len; i++)
    g_assert_cmpuint (strlen (((GwMeetingKind *) g_ptr_array_index (kinds, i))->uuid), ==, 36);
  gw_test_check_in (f->store, gw_test_add_meeting (f->store, 2, "2026-05-01"), ada);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, GwTestFixture, NULL, gw_test_fixture_set_up, func, gw_test_fixture_tear_down)

  ADD ("/core/meetings/kinds", test_kinds);
  ADD ("/core/meetings/add-update-delete-restore", test_crud);
  ADD ("/core/meetings/agenda-order", test_agenda);
  ADD ("/core/meetings/decisions", test_decisions);
  ADD ("/core/meetings/actions-open-and-overdue", test_actions);
  ADD ("/core/meetings/attendance-and-hours", test_attendance);
  ADD ("/core/meetings/walk-in", test_walk_in);
  ADD ("/core/meetings/sign-in-names", test_sign_in_names);
  ADD ("/core/meetings/migration-from-version-1", test_migration);

  return g_test_run ();
}
