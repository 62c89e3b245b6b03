/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "gw-test-meetings.h"

static gint64
add_member (GwStore    *store,
            const char *name)
{
  gint64 id = gw_test_add (store, name);

  gw_test_raise_to (store, id, GW_STAGE_MEMBER);
  return id;
}

static void
join (GwStore    *store,
      gint64      id,
      const char *since)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gw_rotation_join_pool (store, id, since, &error));
  g_assert_no_error (error);
}

static gint64
serve (GwStore    *store,
       gint64      member_id,
       const char *date)
{
  g_autoptr(GError) error = NULL;
  gint64 meeting = gw_test_add_meeting (store, 0, date);

  g_assert_true (gw_rotation_assign (store, meeting, member_id, &error));
  g_assert_no_error (error);
  return meeting;
}

static GwRotationCandidate *
at (GPtrArray *order,
    guint      index)
{
  g_assert_cmpuint (order->len, >, index);
  return g_ptr_array_index (order, index);
}

static void
test_pool_rules (GwTestFixture *f,
                 gconstpointer  data)
{
  gint64 volunteer = gw_test_add (f->store, "Vera Volunteer");
  gint64 member = add_member (f->store, "Mia Member");
  gint64 meeting = gw_test_add_meeting (f->store, 0, "2026-03-01");
  g_autoptr(GError) error = NULL;

  /* Only the member could take a turn: the Add to Pool dialog offers a
   * search only when someone could. */
  g_assert_cmpuint (gw_rotation_count_eligible (f->store), ==, 1);

  g_assert_false (gw_rotation_join_pool (f->store, volunteer, "2025-01-01", &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Vera Volunteer is a Volunteer"));
  g_clear_error (&error);
  g_assert_false (gw_rotation_is_in_pool (f->store, volunteer));

  g_assert_false (gw_rotation_assign (f->store, meeting, volunteer, &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (gw_rotation_join_pool (f->store, member, "not a date", &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  join (f->store, member, "2025-01-01");
  g_assert_true (gw_rotation_is_in_pool (f->store, member));

  /* Someone inactive stays in the pool but is not offered. */
  g_assert_true (gw_ladder_set_status (f->store, member, GW_STATUS_INACTIVE, "2025-06-01",
                                       "Rosa", NULL, &error));
  {
    g_autoptr(GPtrArray) order = gw_rotation_dup_order (f->store, "2026-03-01");
    g_assert_cmpuint (order->len, ==, 0);
  }
  g_assert_cmpuint (gw_rotation_count_eligible (f->store), ==, 0);
  g_assert_false (gw_rotation_assign (f->store, meeting, member, &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (gw_rotation_leave_pool (f->store, member, &error));
  g_assert_false (gw_rotation_leave_pool (f->store, member, &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND);
}

static void
test_order (GwTestFixture *f,
            gconstpointer  data)
{
  gint64 ana = add_member (f->store, "Ana");
  gint64 bao = add_member (f->store, "Bao");
  gint64 cai = add_member (f->store, "Cai");
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GPtrArray) history = NULL;

  join (f->store, ana, "2025-01-01");
  join (f->store, bao, "2025-01-01");
  join (f->store, cai, "2025-03-01");
  serve (f->store, bao, "2026-02-01");
  serve (f->store, ana, "2026-01-01");

  order = gw_rotation_dup_order (f->store, "2026-03-01");
  g_assert_cmpuint (order->len, ==, 3);
  /* Never served first, then whoever served least recently. */
  g_assert_cmpint (at (order, 0)->member_id, ==, cai);
  g_assert_null (at (order, 0)->last_served);
  g_assert_cmpuint (at (order, 0)->n_turns, ==, 0);
  g_assert_nonnull (strstr (at (order, 0)->reason, "Never served; in the pool since"));
  g_assert_cmpint (at (order, 1)->member_id, ==, ana);
  g_assert_cmpstr (at (order, 1)->last_served, ==, "2026-01-01");
  g_assert_nonnull (strstr (at (order, 1)->reason, "Last served"));
  g_assert_cmpint (at (order, 2)->member_id, ==, bao);
  g_assert_cmpuint (at (order, 2)->n_turns, ==, 1);

  g_assert_cmpint (gw_rotation_suggest (f->store, "2026-03-01"), ==, cai);

  /* Who served when. */
  history = gw_rotation_list_history (f->store);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpint (((GwRotationTurn *) g_ptr_array_index (history, 0))->member_id, ==, bao);
  g_assert_cmpstr (((GwRotationTurn *) g_ptr_array_index (history, 0))->date, ==, "2026-02-01");
}

static void
test_ties (GwTestFixture *f,
           gconstpointer  data)
{
  gint64 dora = add_member (f->store, "Dora");
  gint64 emil = add_member (f->store, "Emil");
  gint64 fay = add_member (f->store, "Fay");
  gint64 gus = add_member (f->store, "Gus");
  g_autoptr(GPtrArray) order = NULL;

  /* Dora and Emil never served: the one longer in the pool goes first. */
  join (f->store, emil, "2025-06-01");
  join (f->store, dora, "2025-01-01");
  /* Fay and Gus last served the same day; Fay has more turns. */
  join (f->store, fay, "2025-01-01");
  join (f->store, gus, "2025-01-01");
  serve (f->store, fay, "2025-09-01");
  serve (f->store, fay, "2026-01-10");
  serve (f->store, gus, "2026-01-10");

  order = gw_rotation_dup_order (f->store, "2026-03-01");
  g_assert_cmpuint (order->len, ==, 4);
  g_assert_cmpint (at (order, 0)->member_id, ==, dora);
  g_assert_nonnull (strstr (at (order, 0)->reason, "ahead of Emil"));
  g_assert_nonnull (strstr (at (order, 0)->reason, "pool longer"));
  g_assert_cmpint (at (order, 1)->member_id, ==, emil);
  g_assert_cmpint (at (order, 2)->member_id, ==, gus);
  g_assert_nonnull (strstr (at (order, 2)->reason, "ahead of Fay"));
  g_assert_nonnull (strstr (at (order, 2)->reason, "fewer turns: 1 against 2"));
  g_assert_cmpint (at (order, 3)->member_id, ==, fay);
  g_clear_pointer (&order, g_ptr_array_unref);

  /* Tied on everything: a fixed order, said so. */
  g_assert_true (gw_rotation_leave_pool (f->store, emil, NULL));
  join (f->store, emil, "2025-01-01");
  order = gw_rotation_dup_order (f->store, "2026-03-01");
  g_assert_nonnull (strstr (at (order, 0)->reason, "fixed order"));
}

static void
test_skip (GwTestFixture *f,
           gconstpointer  data)
{
  gint64 ana = add_member (f->store, "Ana");
  gint64 bao = add_member (f->store, "Bao");
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GPtrArray) skips = NULL;
  g_autoptr(GError) error = NULL;

  join (f->store, ana, "2025-01-01");
  join (f->store, bao, "2025-01-01");
  serve (f->store, bao, "2026-02-01");

  g_assert_false (gw_rotation_skip (f->store, ana, "2026-03-01", "  ", &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (gw_rotation_skip (f->store, ana, "2026-03-01", "Visiting family abroad", &error));
  g_assert_no_error (error);

  order = gw_rotation_dup_order (f->store, "2026-03-01");
  g_assert_cmpint (at (order, 0)->member_id, ==, bao);
  g_assert_cmpint (at (order, 1)->member_id, ==, ana);
  g_assert_true (at (order, 1)->skipped);
  g_assert_cmpstr (at (order, 1)->skip_reason, ==, "Visiting family abroad");
  g_assert_nonnull (strstr (at (order, 1)->reason, "Visiting family abroad"));
  g_assert_cmpint (gw_rotation_suggest (f->store, "2026-03-01"), ==, bao);

  /* The skip is for that day only. */
  g_clear_pointer (&order, g_ptr_array_unref);
  order = gw_rotation_dup_order (f->store, "2026-04-01");
  g_assert_cmpint (at (order, 0)->member_id, ==, ana);

  skips = gw_rotation_list_skips (f->store, NULL, NULL);
  g_assert_cmpuint (skips->len, ==, 1);
  g_assert_cmpstr (((GwRotationSkip *) g_ptr_array_index (skips, 0))->full_name, ==, "Ana");

  g_assert_true (gw_rotation_unskip (f->store, ana, "2026-03-01", &error));
  g_assert_cmpint (gw_rotation_suggest (f->store, "2026-03-01"), ==, ana);
}

static void
test_over_share (GwTestFixture *f,
                 gconstpointer  data)
{
  gint64 ana = add_member (f->store, "Ana");
  gint64 bao = add_member (f->store, "Bao");
  gint64 cai = add_member (f->store, "Cai");
  gint64 dan = add_member (f->store, "Dan");
  g_autoptr(GPtrArray) order = NULL;
  g_autofree char *warning = NULL;
  const char *days[] = { "2025-09-01", "2025-10-01", "2025-11-01", "2025-12-01", "2026-01-01" };

  join (f->store, ana, "2025-01-01");
  join (f->store, bao, "2025-01-01");
  join (f->store, cai, "2025-01-01");
  join (f->store, dan, "2025-01-01");
  serve (f->store, bao, "2025-08-01");

  /* Two turns each is no warning. */
  serve (f->store, ana, days[0]);
  serve (f->store, ana, days[1]);
  warning = gw_rotation_dup_warning (f->store);
  g_assert_null (warning);

  for (guint i = 2; i < G_N_ELEMENTS (days); i++)
    serve (f->store, ana, days[i]);

  /* 5 turns against a mean of 1.5: far more than a fair share. One person
   * is named with their count. */
  warning = gw_rotation_dup_warning (f->store);
  g_assert_cmpstr (warning, ==, "Ana has been secretary 5 times, more than twice the average of "
                                "1.5 turns. Let others learn the role.");

  order = gw_rotation_dup_order (f->store, "2026-03-01");
  for (guint i = 0; i < order->len; i++)
    {
      GwRotationCandidate *candidate = at (order, i);

      if (candidate->member_id == ana)
        g_assert_nonnull (candidate->warning);
      else
        g_assert_null (candidate->warning);
    }
}

/* Several people who served too often are named in one sentence, most
 * turns first, rather than in the same sentence once each. */
static void
test_over_share_names_everyone_once (GwTestFixture *f,
                                     gconstpointer  data)
{
  const char *names[] = { "Ana", "Bao", "Cai", "Dan", "Eve", "Fay", "Gus", "Hal",
                          "Ivo", "Jan", "Kim", "Lia" };
  const guint turns[] = { 4, 5, 3 };  /* Ana, Bao and Cai; nobody else served */
  gint64 ids[G_N_ELEMENTS (names)];
  g_autofree char *warning = NULL;
  guint day = 1;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      ids[i] = add_member (f->store, names[i]);
      /* Eight in the pool at first: 12 turns make a mean of 1.5. */
      if (i < 8)
        join (f->store, ids[i], "2025-01-01");
    }

  for (guint i = 0; i < G_N_ELEMENTS (turns); i++)
    for (guint t = 0; t < turns[i]; t++)
      {
        g_autofree char *date = g_strdup_printf ("2025-%02u-01", day++);

        serve (f->store, ids[i], date);
      }

  /* Bao (5) and Ana (4) are over twice the mean; Cai (3) is not. */
  warning = gw_rotation_dup_warning (f->store);
  g_assert_cmpstr (warning, ==, "Bao and Ana have each been secretary more than twice the average "
                                "of 1.5 turns. Let others learn the role.");
  g_clear_pointer (&warning, g_free);

  /* Four more in the pool bring the mean down to 1.0, and Cai over it too. */
  for (guint i = 8; i < G_N_ELEMENTS (names); i++)
    join (f->store, ids[i], "2025-01-01");

  warning = gw_rotation_dup_warning (f->store);
  g_assert_cmpstr (warning, ==, "Bao, Ana and Cai have each been secretary more than twice the "
                                "average of 1.0 turns. Let others learn the role.");
}

static void
test_term_and_handover (GwTestFixture *f,
                        gconstpointer  data)
{
  gint64 ana = add_member (f->store, "Ana");
  gint64 bao = add_member (f->store, "Bao");
  g_autoptr(GwRotationCandidate) current = NULL;
  g_autoptr(GwRotationCandidate) next = NULL;
  g_autoptr(GPtrArray) handover = NULL;
  g_autoptr(GError) error = NULL;
  gint64 meeting;
  guint weeks = 0;

  join (f->store, ana, "2025-01-01");
  join (f->store, bao, "2025-01-01");
  meeting = serve (f->store, ana, "2026-03-01");
  gw_test_add_meeting (f->store, 0, "2026-03-15");
  gw_store_add_action (f->store, meeting, "Book the hall", bao, "2026-03-10", &error);
  g_assert_no_error (error);

  g_assert_cmpint (gw_rotation_get_term (f->store, &weeks), ==, GW_ROTATION_TERM_EACH_MEETING);
  g_assert_cmpint (gw_rotation_suggest (f->store, "2026-03-15"), ==, bao);

  g_assert_false (gw_rotation_set_term (f->store, GW_ROTATION_TERM_WEEKS, 0, &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (gw_rotation_set_term (f->store, GW_ROTATION_TERM_WEEKS, 4, &error));
  g_assert_cmpint (gw_rotation_get_term (f->store, &weeks), ==, GW_ROTATION_TERM_WEEKS);
  g_assert_cmpuint (weeks, ==, 4);
  /* Ana's four weeks run until 2026-03-29. */
  g_assert_cmpint (gw_rotation_suggest (f->store, "2026-03-15"), ==, ana);
  g_assert_cmpint (gw_rotation_suggest (f->store, "2026-04-05"), ==, bao);

  current = gw_rotation_dup_current (f->store, "2026-03-05");
  g_assert_nonnull (current);
  g_assert_cmpint (current->member_id, ==, ana);
  g_assert_nonnull (strstr (current->reason, "Secretary since"));
  next = gw_rotation_dup_next (f->store, "2026-03-05");
  g_assert_nonnull (next);
  g_assert_cmpint (next->member_id, ==, ana);

  handover = gw_rotation_list_handover (f->store, "2026-03-12");
  g_assert_cmpuint (handover->len, ==, 1);
  g_assert_true (((GwActionItem *) g_ptr_array_index (handover, 0))->overdue);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, GwTestFixture, NULL, gw_test_fixture_set_up, func, gw_test_fixture_tear_down)

  ADD ("/core/rotation/pool-is-members-and-cadre", test_pool_rules);
  ADD ("/core/rotation/least-recent-first", test_order);
  ADD ("/core/rotation/ties-broken-visibly", test_ties);
  ADD ("/core/rotation/skip-with-reason", test_skip);
  ADD ("/core/rotation/over-share-warning", test_over_share);
  ADD ("/core/rotation/over-share-names-everyone-once", test_over_share_names_everyone_once);
  ADD ("/core/rotation/term-and-handover", test_term_and_handover);

  return g_test_run ();
}
