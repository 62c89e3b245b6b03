/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "gw-dashboard.h"
#include "gw-test-meetings.h"

#define TODAY "2026-06-30"

static void
promote (GwStore    *store,
         gint64      id,
         const char *date)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gw_ladder_promote (store, id, date, "Rosa", NULL, &error));
  g_assert_no_error (error);
}

static void
agree (GwStore *store,
       gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwUnityVersion) unity = gw_store_dup_current_unity (store);

  if (unity == NULL)
    unity = gw_store_add_unity_version (store, "We are all tenants.", &error);
  g_assert_true (gw_ladder_record_agreement (store, id, "2025-01-10", "Rosa", NULL, &error));
  g_assert_no_error (error);
}

static void
test_stage_counts (GwTestFixture *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GwStageFigures figures;
  gint64 people[6];

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u", i);
      people[i] = gw_test_add (f->store, name);   /* joined 2023-01-15 */
    }
  gw_test_raise_to (f->store, people[0], GW_STAGE_CADRE);    /* 2024 */
  gw_test_raise_to (f->store, people[1], GW_STAGE_MEMBER);   /* 2024 */

  agree (f->store, people[2]);
  promote (f->store, people[2], "2026-06-15");   /* within 30 days */
  agree (f->store, people[3]);
  promote (f->store, people[3], "2026-05-01");   /* within 90, not 30 */
  g_assert_true (gw_ladder_set_status (f->store, people[4], GW_STATUS_INACTIVE, "2026-06-20",
                                       "Rosa", NULL, &error));
  g_assert_no_error (error);

  /* A newcomer, and someone deleted, who counts nowhere. */
  {
    g_autoptr(GwMember) draft = gw_member_new ();
    gw_member_set_full_name (draft, "New Person");
    gw_member_set_joined (draft, "2026-06-25");
    g_assert_cmpint (gw_store_add_member (f->store, draft, "Rosa", &error), >, 0);
  }
  g_assert_true (gw_store_delete_member (f->store, people[5], &error));

  gw_dashboard_get_stage_figures (f->store, TODAY, &figures);
  g_assert_cmpuint (figures.now[GW_STAGE_VOLUNTEER], ==, 1);   /* only the newcomer */
  g_assert_cmpuint (figures.now[GW_STAGE_MEMBER], ==, 3);
  g_assert_cmpuint (figures.now[GW_STAGE_CADRE], ==, 1);

  /* 30 days: +1 member (people[2]), volunteers +1 joined -1 promoted -1 inactive. */
  g_assert_cmpint (figures.change_30[GW_STAGE_VOLUNTEER], ==, -1);
  g_assert_cmpint (figures.change_30[GW_STAGE_MEMBER], ==, 1);
  g_assert_cmpint (figures.change_30[GW_STAGE_CADRE], ==, 0);
  /* 90 days adds people[3]. */
  g_assert_cmpint (figures.change_90[GW_STAGE_VOLUNTEER], ==, -2);
  g_assert_cmpint (figures.change_90[GW_STAGE_MEMBER], ==, 2);
  g_assert_cmpint (figures.change_90[GW_STAGE_CADRE], ==, 0);
}

static void
test_ready (GwTestFixture *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) ready = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ready_id, close_id, far_id, study;
  GwPromotionCandidate *candidate;

  g_assert_true (gw_checklist_set_required (f->store, GW_STAGE_MEMBER, GW_REQUIREMENT_STUDY_SESSIONS, 1, &error));
  far_id = gw_test_add (f->store, "Far Away");
  close_id = gw_test_add (f->store, "Close Call");
  ready_id = gw_test_add (f->store, "Ready Now");
  agree (f->store, ready_id);
  agree (f->store, close_id);
  study = gw_test_add_meeting (f->store, 2, "2026-06-01");
  gw_test_check_in (f->store, study, ready_id);

  ready = gw_dashboard_list_ready (f->store, TODAY, 10);
  g_assert_cmpuint (ready->len, ==, 3);
  candidate = g_ptr_array_index (ready, 0);
  g_assert_cmpint (candidate->member_id, ==, ready_id);
  g_assert_cmpuint (candidate->n_missing, ==, 0);
  g_assert_cmpint (candidate->target, ==, GW_STAGE_MEMBER);
  g_assert_cmpstr (candidate->missing, ==, "");
  candidate = g_ptr_array_index (ready, 1);
  g_assert_cmpint (candidate->member_id, ==, close_id);
  g_assert_cmpuint (candidate->n_missing, ==, 1);
  g_assert_cmpstr (candidate->missing, ==, "Study sessions attended: 0 of 1");
  candidate = g_ptr_array_index (ready, 2);
  g_assert_cmpint (candidate->member_id, ==, far_id);
  g_assert_cmpuint (candidate->n_missing, ==, 2);
  g_clear_pointer (&ready, g_ptr_array_unref);

  ready = gw_dashboard_list_ready (f->store, TODAY, 1);
  g_assert_cmpuint (ready->len, ==, 1);
}

static void
test_not_seen (GwTestFixture *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) absent = NULL;
  gint64 seen = gw_test_add (f->store, "Seen Recently");
  gint64 spring = gw_test_add_person (f->store, "Seen In Spring", "555-0102", NULL);
  gint64 never = gw_test_add_person (f->store, "Never Seen", "555-0103", NULL);
  gint64 volunteer = gw_test_add (f->store, "Just Volunteer");
  gint64 march = gw_test_add_meeting (f->store, 0, "2026-03-01");
  gint64 june = gw_test_add_meeting (f->store, 0, "2026-06-01");
  guint n_total = 0;

  gw_test_raise_to (f->store, seen, GW_STAGE_MEMBER);
  gw_test_raise_to (f->store, spring, GW_STAGE_CADRE);
  gw_test_raise_to (f->store, never, GW_STAGE_MEMBER);
  gw_test_check_in (f->store, march, spring);
  gw_test_check_in (f->store, march, seen);
  gw_test_check_in (f->store, june, seen);
  gw_test_check_in (f->store, march, volunteer);

  absent = gw_dashboard_list_not_seen (f->store, TODAY, 60, 0, &n_total);
  g_assert_cmpuint (n_total, ==, 2);
  g_assert_cmpuint (absent->len, ==, 2);
  /* Longest absent first: never seen since joining in 2023. */
  g_assert_cmpint (((GwAbsence *) g_ptr_array_index (absent, 0))->member_id, ==, never);
  g_assert_null (((GwAbsence *) g_ptr_array_index (absent, 0))->last_seen);
  g_assert_cmpstr (((GwAbsence *) g_ptr_array_index (absent, 0))->phone, ==, "555-0103");
  g_assert_cmpint (((GwAbsence *) g_ptr_array_index (absent, 1))->member_id, ==, spring);
  g_assert_cmpstr (((GwAbsence *) g_ptr_array_index (absent, 1))->last_seen, ==, "2026-03-01");
  g_assert_cmpuint (((GwAbsence *) g_ptr_array_index (absent, 1))->days_absent, ==, 121);
  g_assert_cmpint (((GwAbsence *) g_ptr_array_index (absent, 1))->stage, ==, GW_STAGE_CADRE);
  g_clear_pointer (&absent, g_ptr_array_unref);

  absent = gw_dashboard_list_not_seen (f->store, TODAY, 60, 1, &n_total);
  g_assert_cmpuint (absent->len, ==, 1);
  g_assert_cmpuint (n_total, ==, 2);
}

static void
test_actions (GwTestFixture *f,
              gconstpointer  data)
{
  gint64 meeting = gw_test_add_meeting (f->store, 0, "2026-06-01");
  gint64 done;
  guint n_open = 0, n_overdue = 0;

  gw_store_add_action (f->store, meeting, "Late", 0, "2026-06-15", NULL);
  gw_store_add_action (f->store, meeting, "Soon", 0, "2026-07-15", NULL);
  gw_store_add_action (f->store, meeting, "Whenever", 0, NULL, NULL);
  done = gw_store_add_action (f->store, meeting, "Done", 0, "2026-06-10", NULL);
  gw_store_set_action_done (f->store, done, "2026-06-09", NULL);

  gw_dashboard_count_actions (f->store, TODAY, &n_open, &n_overdue);
  g_assert_cmpuint (n_open, ==, 3);
  g_assert_cmpuint (n_overdue, ==, 1);
}

/* Ten people at one distribution day; one of them gives 720 of the 900
 * minutes and takes 8 of the 10 action items. */
static void
test_participation (GwTestFixture *f,
                    gconstpointer  data)
{
  g_autoptr(GwParticipation) balance = NULL;
  g_autoptr(GError) error = NULL;
  gint64 meeting = gw_test_add_meeting (f->store, 4, "2026-06-06");
  gint64 people[10];

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autofree char *name = g_strdup_printf ("Helper %u", i);

      people[i] = gw_test_add (f->store, name);
      gw_test_check_in (f->store, meeting, people[i]);
      g_assert_true (gw_store_set_minutes_given (f->store, meeting, people[i], i == 0 ? 720 : 20, &error));
      g_assert_cmpint (gw_store_add_action (f->store, meeting, "Task", i == 0 || i > 7 ? people[0] : people[i],
                                            NULL, &error), >, 0);
    }
  /* people[0] owns tasks 0, 8 and 9 so far: give them five more. */
  for (guint i = 0; i < 5; i++)
    gw_store_add_action (f->store, meeting, "Task", people[0], NULL, NULL);
  /* Five others owned one each (1..7 minus two moved): make it two others. */
  {
    g_autoptr(GPtrArray) actions = gw_store_list_actions (f->store, meeting);
    guint others = 0;

    for (guint i = 0; i < actions->len; i++)
      {
        GwActionItem *item = g_ptr_array_index (actions, i);

        if (item->owner_id != people[0] && ++others > 2)
          g_assert_true (gw_store_remove_action (f->store, item->id, &error));
      }
  }

  balance = gw_dashboard_dup_participation (f->store, "2026-04-01", TODAY);
  g_assert_cmpuint (balance->n_people, ==, 10);
  g_assert_cmpuint (balance->n_top, ==, 1);
  g_assert_cmpuint (balance->total_attendances, ==, 10);
  g_assert_cmpint (balance->total_minutes, ==, 900);
  g_assert_cmpuint (balance->total_actions, ==, 10);
  g_assert_cmpfloat_with_epsilon (balance->attendance_share, 0.1, 1e-9);
  g_assert_cmpfloat_with_epsilon (balance->minutes_share, 0.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (balance->action_share, 0.8, 1e-9);
  g_assert_nonnull (balance->warning);
  g_assert_nonnull (strstr (balance->warning, "1 of the 10 people who took part carried 80%"));
  g_clear_pointer (&balance, gw_participation_free);

  /* Outside the period nothing counts; an even share gives no warning. */
  balance = gw_dashboard_dup_participation (f->store, "2026-06-07", TODAY);
  g_assert_cmpuint (balance->n_people, ==, 0);
  g_assert_null (balance->warning);
  g_clear_pointer (&balance, gw_participation_free);

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    gw_store_set_minutes_given (f->store, meeting, people[i], 90, NULL);
  {
    g_autoptr(GPtrArray) actions = gw_store_list_actions (f->store, meeting);
    for (guint i = 0; i < actions->len; i++)
      {
        GwActionItem *item = g_ptr_array_index (actions, i);
        item->owner_id = people[i % G_N_ELEMENTS (people)];
        g_assert_true (gw_store_update_action (f->store, item, &error));
      }
  }
  balance = gw_dashboard_dup_participation (f->store, "2026-04-01", TODAY);
  g_assert_cmpfloat_with_epsilon (balance->minutes_share, 0.1, 1e-9);
  g_assert_null (balance->warning);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, GwTestFixture, NULL, gw_test_fixture_set_up, func, gw_test_fixture_tear_down)

  ADD ("/core/dashboard/people-per-stage-and-changes", test_stage_counts);
  ADD ("/core/dashboard/ready-for-promotion", test_ready);
  ADD ("/core/dashboard/not-seen-for-60-days", test_not_seen);
  ADD ("/core/dashboard/open-and-overdue-actions", test_actions);
  ADD ("/core/dashboard/participation-balance", test_participation);

  return g_test_run ();
}
