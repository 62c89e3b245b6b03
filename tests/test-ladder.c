/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "gw-date.h"
#include "gw-test-util.h"

static GwMemberEvent *
last_event (GPtrArray *history)
{
  g_assert_cmpuint (history->len, >, 0);
  return g_ptr_array_index (history, history->len - 1);
}

static GwMemberEvent *
find_event (GPtrArray   *history,
            GwEventKind  kind)
{
  for (guint i = 0; i < history->len; i++)
    {
      GwMemberEvent *event = g_ptr_array_index (history, i);

      if (event->kind == kind)
        return event;
    }
  return NULL;
}

static GwStage
stage_of (GwStore *store,
          gint64   id)
{
  g_autoptr(GwMember) member = gw_test_load (store, id);

  return gw_member_get_stage (member);
}

static void
test_promote_needs_points_of_unity (GwTestFixture *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = gw_test_add (f->store, "Ada Okafor");

  g_assert_false (gw_ladder_promote (f->store, id, "2024-03-01", "Rosa", NULL, &error));
  g_assert_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_NO_POINTS_OF_UNITY);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);

  g_assert_false (gw_ladder_check_change (f->store, id, GW_STAGE_MEMBER, &error));
  g_assert_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_NO_POINTS_OF_UNITY);

  g_assert_cmpint (stage_of (f->store, id), ==, GW_STAGE_VOLUNTEER);
  g_assert_cmpuint (gw_test_history_length (f->store, id), ==, 1);
}

static void
test_promote_needs_agreement (GwTestFixture *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwUnityVersion) unity = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GwMember) member = NULL;
  GwMemberEvent *agreement, *stage;
  gint64 id = gw_test_add (f->store, "Ada Okafor");

  unity = gw_store_add_unity_version (f->store, "Housing is a right.", &error);
  g_assert_no_error (error);

  g_assert_false (gw_ladder_has_current_agreement (f->store, id));
  g_assert_false (gw_ladder_promote (f->store, id, "2024-03-01", "Rosa", NULL, &error));
  g_assert_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_NO_AGREEMENT);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);
  g_assert_cmpint (stage_of (f->store, id), ==, GW_STAGE_VOLUNTEER);
  g_assert_cmpuint (gw_test_history_length (f->store, id), ==, 1);

  g_assert_true (gw_ladder_record_agreement (f->store, id, "2024-02-20", "Bo Chen",
                                             "Read together at the study session", &error));
  g_assert_no_error (error);
  g_assert_true (gw_ladder_has_current_agreement (f->store, id));
  g_assert_true (gw_ladder_check_change (f->store, id, GW_STAGE_MEMBER, &error));
  g_assert_no_error (error);

  g_assert_true (gw_ladder_promote (f->store, id, "2024-03-01", "Rosa",
                                    "Came to three study sessions", &error));
  g_assert_no_error (error);

  member = gw_test_load (f->store, id);
  g_assert_cmpint (gw_member_get_stage (member), ==, GW_STAGE_MEMBER);

  history = gw_store_list_history (f->store, id);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpint (((GwMemberEvent *) g_ptr_array_index (history, 0))->kind, ==, GW_EVENT_JOINED);

  agreement = find_event (history, GW_EVENT_AGREEMENT);
  g_assert_nonnull (agreement);
  g_assert_cmpint (agreement->unity_number, ==, unity->number);
  g_assert_cmpint (agreement->unity_number, ==, 1);
  g_assert_cmpstr (agreement->date, ==, "2024-02-20");

  stage = last_event (history);
  g_assert_cmpint (stage->kind, ==, GW_EVENT_STAGE);
  g_assert_cmpint (stage->from_value, ==, GW_STAGE_VOLUNTEER);
  g_assert_cmpint (stage->to_value, ==, GW_STAGE_MEMBER);
  g_assert_cmpstr (stage->approver, ==, "Rosa");
  g_assert_cmpstr (stage->note, ==, "Came to three study sessions");
  g_assert_cmpstr (stage->date, ==, "2024-03-01");
  g_assert_nonnull (stage->uuid);
}

static void
test_agreement_to_old_version_does_not_count (GwTestFixture *f,
                                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwUnityVersion) v1 = NULL;
  g_autoptr(GwUnityVersion) v2 = NULL;
  g_autoptr(GPtrArray) history = NULL;
  gint64 id = gw_test_add (f->store, "Ada Okafor");

  v1 = gw_store_add_unity_version (f->store, "Housing is a right.", &error);
  g_assert_no_error (error);
  gw_ladder_record_agreement (f->store, id, "2024-01-05", "Bo Chen", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gw_ladder_has_current_agreement (f->store, id));

  v2 = gw_store_add_unity_version (f->store, "Housing is a right.\nWe decide together.", &error);
  g_assert_no_error (error);
  g_assert_cmpint (v2->number, ==, 2);
  g_assert_false (gw_ladder_has_current_agreement (f->store, id));

  g_assert_false (gw_ladder_promote (f->store, id, "2024-03-01", "Rosa", NULL, &error));
  g_assert_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_NO_AGREEMENT);
  g_clear_error (&error);
  g_assert_cmpint (stage_of (f->store, id), ==, GW_STAGE_VOLUNTEER);

  gw_ladder_record_agreement (f->store, id, "2024-02-05", "Bo Chen", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gw_ladder_promote (f->store, id, "2024-03-01", "Rosa", NULL, &error));
  g_assert_no_error (error);

  history = gw_store_list_history (f->store, id);
  g_assert_cmpint (((GwMemberEvent *) g_ptr_array_index (history, 1))->unity_number, ==, 1);
  g_assert_cmpint (((GwMemberEvent *) g_ptr_array_index (history, 2))->unity_number, ==, 2);
}

static void
test_refuses_skipping_a_stage (GwTestFixture *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  gint64 id = gw_test_add (f->store, "Ada Okafor");
  gint64 cadre = gw_test_add (f->store, "Bo Chen");

  /* Everything else is in order, so only the skipped step stands in the way. */
  gw_test_raise_to (f->store, cadre, GW_STAGE_CADRE);
  gw_ladder_record_agreement (f->store, id, "2024-01-05", "Bo Chen", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gw_test_history_length (f->store, id), ==, 2);

  g_assert_false (gw_ladder_change_stage (f->store, id, GW_STAGE_CADRE, "2024-03-01", "Rosa",
                                          NULL, &error));
  g_assert_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_SKIPPED_STAGE);
  label = gw_ladder_dup_stage_label (f->store, GW_STAGE_MEMBER);
  g_assert_nonnull (strstr (error->message, label));
  g_clear_error (&error);
  g_assert_false (gw_ladder_check_change (f->store, id, GW_STAGE_CADRE, &error));
  g_assert_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_SKIPPED_STAGE);
  g_clear_error (&error);
  g_assert_cmpint (stage_of (f->store, id), ==, GW_STAGE_VOLUNTEER);
  g_assert_cmpuint (gw_test_history_length (f->store, id), ==, 2);

  /* The message uses the organization's own word for the stage. */
  gw_ladder_set_stage_label (f->store, GW_STAGE_MEMBER, "Tenant Organizer", &error);
  g_assert_no_error (error);
  g_assert_false (gw_ladder_change_stage (f->store, id, GW_STAGE_CADRE, "2024-03-01", "Rosa",
                                          NULL, &error));
  g_assert_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_SKIPPED_STAGE);
  g_assert_nonnull (strstr (error->message, "Tenant Organizer"));
  g_clear_error (&error);

  /* Nor can anyone drop two steps at once. */
  g_assert_cmpuint (gw_test_history_length (f->store, cadre), ==, 4);
  g_assert_false (gw_ladder_change_stage (f->store, cadre, GW_STAGE_VOLUNTEER, "2024-03-01",
                                          "Rosa", NULL, &error));
  g_assert_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_SKIPPED_STAGE);
  g_assert_nonnull (strstr (error->message, "Tenant Organizer"));
  g_clear_error (&error);
  g_assert_cmpint (stage_of (f->store, cadre), ==, GW_STAGE_CADRE);
  g_assert_cmpuint (gw_test_history_length (f->store, cadre), ==, 4);

  /* One step at a time is fine. */
  g_assert_true (gw_ladder_change_stage (f->store, id, GW_STAGE_MEMBER, "2024-03-01", "Rosa",
                                         NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stage_of (f->store, id), ==, GW_STAGE_MEMBER);
}

static void
test_top_and_bottom (GwTestFixture *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 volunteer = gw_test_add (f->store, "Ada Okafor");
  gint64 cadre = gw_test_add (f->store, "Bo Chen");
  guint len;

  gw_test_raise_to (f->store, cadre, GW_STAGE_CADRE);
  len = gw_test_history_length (f->store, cadre);

  g_assert_false (gw_ladder_promote (f->store, cadre, "2024-03-01", "Rosa", NULL, &error));
  g_assert_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_AT_TOP);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);
  g_assert_cmpint (stage_of (f->store, cadre), ==, GW_STAGE_CADRE);
  g_assert_cmpuint (gw_test_history_length (f->store, cadre), ==, len);

  g_assert_false (gw_ladder_step_back (f->store, volunteer, "2024-03-01", "Rosa", NULL, &error));
  g_assert_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_AT_BOTTOM);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);
  g_assert_cmpint (stage_of (f->store, volunteer), ==, GW_STAGE_VOLUNTEER);
  g_assert_cmpuint (gw_test_history_length (f->store, volunteer), ==, 1);
}

static void
test_refuses_missing_approver (GwTestFixture *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = gw_test_add (f->store, "Ada Okafor");
  const char *approvers[] = { NULL, "" };

  gw_test_raise_to (f->store, id, GW_STAGE_VOLUNTEER);
  for (guint i = 0; i < G_N_ELEMENTS (approvers); i++)
    {
      g_assert_false (gw_ladder_promote (f->store, id, "2024-03-01", approvers[i], NULL, &error));
      g_assert_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_NO_APPROVER);
      g_assert_cmpstr (error->message, !=, "");
      g_clear_error (&error);

      g_assert_false (gw_ladder_set_status (f->store, id, GW_STATUS_INACTIVE, "2024-03-01",
                                            approvers[i], NULL, &error));
      g_assert_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_NO_APPROVER);
      g_clear_error (&error);
    }

  g_assert_cmpint (stage_of (f->store, id), ==, GW_STAGE_VOLUNTEER);
  g_assert_cmpuint (gw_test_history_length (f->store, id), ==, 2);
}

static void
test_refuses_bad_date (GwTestFixture *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = gw_test_add (f->store, "Ada Okafor");
  const char *dates[] = { "2025-02-30", "yesterday", "2024-13-01" };

  gw_test_raise_to (f->store, id, GW_STAGE_VOLUNTEER);
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_assert_false (gw_ladder_promote (f->store, id, dates[i], "Rosa", NULL, &error));
      g_assert_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_BAD_DATE);
      g_assert_cmpstr (error->message, !=, "");
      g_clear_error (&error);

      g_assert_false (gw_ladder_set_status (f->store, id, GW_STATUS_INACTIVE, dates[i], "Rosa",
                                            NULL, &error));
      g_assert_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_BAD_DATE);
      g_clear_error (&error);
    }

  g_assert_cmpint (stage_of (f->store, id), ==, GW_STAGE_VOLUNTEER);
  g_assert_cmpuint (gw_test_history_length (f->store, id), ==, 2);
}

static void
test_refuses_date_before_joining (GwTestFixture *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = gw_test_add (f->store, "Ada Okafor");
  g_autoptr(GwMember) member = gw_store_load_member (f->store, id, NULL);
  g_autofree char *before = gw_date_add_days (gw_member_get_joined (member), -1);

  gw_test_raise_to (f->store, id, GW_STAGE_VOLUNTEER);

  g_assert_false (gw_ladder_set_status (f->store, id, GW_STATUS_INACTIVE, before, "Rosa", NULL, &error));
  g_assert_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_BAD_DATE);
  g_assert_nonnull (strstr (error->message, "Ada Okafor"));
  g_clear_error (&error);

  g_assert_false (gw_ladder_record_agreement (f->store, id, before, "Rosa", NULL, &error));
  g_assert_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_BAD_DATE);
  g_clear_error (&error);

  g_assert_cmpuint (gw_test_history_length (f->store, id), ==, 2);

  /* The day they joined is fine. */
  g_assert_true (gw_ladder_set_status (f->store, id, GW_STATUS_INACTIVE,
                                       gw_member_get_joined (member), "Rosa", NULL, &error));
  g_assert_no_error (error);
}

/* Refused as a bad date, with @shown (a date as the user reads it) in
 * the message, and nothing recorded. */
static void
assert_refused_date (GwStore    *store,
                     gint64      id,
                     guint       history_length,
                     GError     *error,
                     const char *shown)
{
  g_autofree char *expected = gw_date_format (shown);

  g_assert_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_BAD_DATE);
  g_assert_nonnull (strstr (error->message, expected));
  g_assert_cmpuint (gw_test_history_length (store, id), ==, history_length);
}

static void
test_refuses_date_after_today (GwTestFixture *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = gw_date_today ();
  g_autofree char *tomorrow = gw_date_add_days (today, 1);
  g_autofree char *later = gw_date_add_days (today, 5 * 365);
  const char *future[] = { tomorrow, later };
  gint64 volunteer = gw_test_add (f->store, "Ada Okafor");
  gint64 cadre = gw_test_add (f->store, "Bo Chen");
  g_autoptr(GwUnityVersion) unity = gw_store_add_unity_version (f->store, "Unity.", &error);
  guint len;

  g_assert_no_error (error);
  gw_test_raise_to (f->store, cadre, GW_STAGE_CADRE);
  len = gw_test_history_length (f->store, cadre);

  for (guint i = 0; i < G_N_ELEMENTS (future); i++)
    {
      g_assert_false (gw_ladder_record_agreement (f->store, volunteer, future[i], "Rosa", NULL,
                                                  &error));
      assert_refused_date (f->store, volunteer, 1, error, future[i]);
      g_assert_nonnull (strstr (error->message, "after today"));
      g_clear_error (&error);
      g_assert_false (gw_ladder_has_current_agreement (f->store, volunteer));

      g_assert_false (gw_ladder_step_back (f->store, cadre, future[i], "Rosa", NULL, &error));
      assert_refused_date (f->store, cadre, len, error, future[i]);
      g_clear_error (&error);

      g_assert_false (gw_ladder_change_stage (f->store, cadre, GW_STAGE_MEMBER, future[i], "Rosa",
                                              NULL, &error));
      assert_refused_date (f->store, cadre, len, error, future[i]);
      g_clear_error (&error);

      g_assert_false (gw_ladder_set_status (f->store, cadre, GW_STATUS_INACTIVE, future[i],
                                            "Rosa", NULL, &error));
      assert_refused_date (f->store, cadre, len, error, future[i]);
      g_clear_error (&error);
    }
  g_assert_cmpint (stage_of (f->store, cadre), ==, GW_STAGE_CADRE);

  /* Today is fine, and so is a promotion on the day of the agreement. */
  g_assert_true (gw_ladder_record_agreement (f->store, volunteer, today, "Rosa", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (gw_ladder_promote (f->store, volunteer, tomorrow, "Rosa", NULL, &error));
  assert_refused_date (f->store, volunteer, 2, error, tomorrow);
  g_clear_error (&error);
  g_assert_cmpint (stage_of (f->store, volunteer), ==, GW_STAGE_VOLUNTEER);
  g_assert_true (gw_ladder_promote (f->store, volunteer, today, "Rosa", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stage_of (f->store, volunteer), ==, GW_STAGE_MEMBER);
}

/* A made-up date to come must not count the months until then: the
 * checklist is counted as of today at the latest. */
static void
test_future_date_does_not_count_months (GwTestFixture *f,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = gw_date_today ();
  g_autofree char *month_ago = gw_date_add_days (today, -31);
  g_autofree char *later = gw_date_add_days (today, 400);
  g_autoptr(GwUnityVersion) unity = gw_store_add_unity_version (f->store, "Unity.", &error);
  gint64 id = gw_test_add (f->store, "Ada Okafor");
  guint len;

  g_assert_no_error (error);
  g_assert_true (gw_ladder_record_agreement (f->store, id, month_ago, "Rosa", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gw_ladder_promote (f->store, id, month_ago, "Rosa", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gw_checklist_set_required (f->store, GW_STAGE_CADRE,
                                            GW_REQUIREMENT_MONTHS_AS_MEMBER, 6, &error));
  g_assert_no_error (error);
  len = gw_test_history_length (f->store, id);

  g_assert_false (gw_ladder_promote (f->store, id, later, "Rosa", NULL, &error));
  g_assert_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_REQUIREMENTS_UNMET);
  g_assert_nonnull (strstr (error->message, "Months as Member: 1 of 6"));
  g_clear_error (&error);
  g_assert_false (gw_ladder_change_stage (f->store, id, GW_STAGE_CADRE, later, "Rosa", NULL,
                                          &error));
  g_assert_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_REQUIREMENTS_UNMET);
  g_clear_error (&error);
  g_assert_cmpint (stage_of (f->store, id), ==, GW_STAGE_MEMBER);
  g_assert_cmpuint (gw_test_history_length (f->store, id), ==, len);

  /* With the months waived, the date itself is what is refused. */
  g_assert_true (gw_checklist_set_required (f->store, GW_STAGE_CADRE,
                                            GW_REQUIREMENT_MONTHS_AS_MEMBER, 0, &error));
  g_assert_false (gw_ladder_promote (f->store, id, later, "Rosa", NULL, &error));
  assert_refused_date (f->store, id, len, error, later);
  g_clear_error (&error);
  g_assert_cmpint (stage_of (f->store, id), ==, GW_STAGE_MEMBER);
}

/* A line dated after today, which an older Groundwork allowed and another
 * chapter's file may bring, does not lock the person's ladder until that
 * day: steps dated today are still taken. */
static void
test_future_line_does_not_lock (GwTestFixture *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = gw_date_today ();
  gint64 id = gw_test_add (f->store, "Bo Chen");
  g_autofree char *sql = NULL;

  gw_test_raise_to (f->store, id, GW_STAGE_MEMBER);
  sql = g_strdup_printf ("INSERT INTO member_events (uuid, member_id, kind, from_value, to_value, date,"
                         " approver, created)"
                         " SELECT 'f0000000-0000-4000-8000-000000000001', id, %d, %d, %d, '2999-01-01',"
                         " 'Elsewhere', '2026-01-01T00:00:00Z' FROM members WHERE id = %" G_GINT64_FORMAT,
                         GW_EVENT_STATUS, GW_STATUS_ACTIVE, GW_STATUS_ACTIVE, id);
  g_assert_cmpint (gw_test_sql_exec (f->path, sql, NULL), ==, 0);

  g_assert_true (gw_ladder_set_status (f->store, id, GW_STATUS_INACTIVE, today, "Rosa", NULL, &error));
  g_assert_no_error (error);
}

static void
test_refuses_steps_out_of_order (GwTestFixture *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  gint64 id = gw_test_add (f->store, "Bo Chen");
  gint64 volunteer = gw_test_add (f->store, "Ada Okafor");
  guint len;

  /* Joined 2023-01-15, agreed 2024-01-10, Member and Cadre on 2024-02-01. */
  gw_test_raise_to (f->store, id, GW_STAGE_CADRE);
  len = gw_test_history_length (f->store, id);

  g_assert_false (gw_ladder_step_back (f->store, id, "2023-06-01", "Rosa", NULL, &error));
  assert_refused_date (f->store, id, len, error, "2024-02-01");
  g_assert_nonnull (strstr (error->message, "Bo Chen"));
  g_clear_error (&error);
  g_assert_false (gw_ladder_change_stage (f->store, id, GW_STAGE_MEMBER, "2024-01-31", "Rosa",
                                          NULL, &error));
  assert_refused_date (f->store, id, len, error, "2024-02-01");
  g_clear_error (&error);
  g_assert_false (gw_ladder_set_status (f->store, id, GW_STATUS_INACTIVE, "2024-01-31", "Rosa",
                                        NULL, &error));
  assert_refused_date (f->store, id, len, error, "2024-02-01");
  g_clear_error (&error);
  g_assert_cmpint (stage_of (f->store, id), ==, GW_STAGE_CADRE);

  /* The same day as the latest step is fine, and then the next one must
   * not come before it. */
  g_assert_true (gw_ladder_step_back (f->store, id, "2024-02-01", "Rosa", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gw_ladder_set_status (f->store, id, GW_STATUS_INACTIVE, "2024-06-01", "Rosa",
                                       NULL, &error));
  g_assert_no_error (error);
  g_assert_false (gw_ladder_set_status (f->store, id, GW_STATUS_ACTIVE, "2024-05-31", "Rosa",
                                        NULL, &error));
  assert_refused_date (f->store, id, len + 2, error, "2024-06-01");
  g_clear_error (&error);
  g_assert_false (gw_ladder_promote (f->store, id, "2024-03-01", "Rosa", NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  history = gw_store_list_history (f->store, id);
  g_assert_cmpuint (history->len, ==, len + 2);
  for (guint i = 1; i < history->len; i++)
    g_assert_cmpstr (((GwMemberEvent *) g_ptr_array_index (history, i - 1))->date, <=,
                     ((GwMemberEvent *) g_ptr_array_index (history, i))->date);

  /* A change of status counts as a step that a promotion cannot come
   * before. */
  gw_test_raise_to (f->store, volunteer, GW_STAGE_VOLUNTEER);
  g_assert_true (gw_ladder_set_status (f->store, volunteer, GW_STATUS_INACTIVE, "2024-04-01",
                                       "Rosa", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gw_ladder_set_status (f->store, volunteer, GW_STATUS_ACTIVE, "2024-05-01",
                                       "Rosa", NULL, &error));
  g_assert_no_error (error);
  len = gw_test_history_length (f->store, volunteer);
  g_assert_false (gw_ladder_promote (f->store, volunteer, "2024-04-15", "Rosa", NULL, &error));
  assert_refused_date (f->store, volunteer, len, error, "2024-05-01");
  g_clear_error (&error);
  g_assert_cmpint (stage_of (f->store, volunteer), ==, GW_STAGE_VOLUNTEER);
  g_assert_true (gw_ladder_promote (f->store, volunteer, "2024-05-01", "Rosa", NULL, &error));
  g_assert_no_error (error);
}

static void
test_refuses_promotion_before_agreement (GwTestFixture *f,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwUnityVersion) v1 = gw_store_add_unity_version (f->store, "Unity.", &error);
  g_autoptr(GwUnityVersion) v2 = NULL;
  gint64 id = gw_test_add (f->store, "Ada Okafor");
  gint64 other = gw_test_add (f->store, "Bo Chen");

  g_assert_no_error (error);
  g_assert_true (gw_ladder_record_agreement (f->store, id, "2024-02-20", "Rosa", NULL, &error));
  g_assert_no_error (error);

  g_assert_false (gw_ladder_promote (f->store, id, "2023-03-01", "Rosa", NULL, &error));
  assert_refused_date (f->store, id, 2, error, "2024-02-20");
  g_assert_nonnull (strstr (error->message, "Ada Okafor"));
  g_assert_nonnull (strstr (error->message, "Member"));
  g_clear_error (&error);
  g_assert_false (gw_ladder_change_stage (f->store, id, GW_STAGE_MEMBER, "2024-02-19", "Rosa",
                                          NULL, &error));
  assert_refused_date (f->store, id, 2, error, "2024-02-20");
  g_clear_error (&error);
  g_assert_cmpint (stage_of (f->store, id), ==, GW_STAGE_VOLUNTEER);

  g_assert_true (gw_ladder_promote (f->store, id, "2024-02-20", "Rosa", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stage_of (f->store, id), ==, GW_STAGE_MEMBER);

  /* The agreement that counts is the one to the points now in force. */
  g_assert_true (gw_ladder_record_agreement (f->store, other, "2024-01-05", "Rosa", NULL, &error));
  g_assert_no_error (error);
  v2 = gw_store_add_unity_version (f->store, "Unity.\nWe decide together.", &error);
  g_assert_no_error (error);
  g_assert_true (gw_ladder_record_agreement (f->store, other, "2024-02-05", "Rosa", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (gw_ladder_promote (f->store, other, "2024-01-20", "Rosa", NULL, &error));
  assert_refused_date (f->store, other, 3, error, "2024-02-05");
  g_clear_error (&error);
  g_assert_true (gw_ladder_promote (f->store, other, "2024-02-06", "Rosa", NULL, &error));
  g_assert_no_error (error);
}

static void
test_refuses_promoting_someone_who_left (GwTestFixture *f,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = gw_test_add (f->store, "Ada Okafor");
  guint len;

  gw_test_raise_to (f->store, id, GW_STAGE_VOLUNTEER);
  g_assert_true (gw_ladder_set_status (f->store, id, GW_STATUS_LEFT, "2024-03-01", "Rosa",
                                       "Moved to another city", &error));
  g_assert_no_error (error);
  len = gw_test_history_length (f->store, id);

  g_assert_false (gw_ladder_promote (f->store, id, "2024-03-02", "Rosa", NULL, &error));
  g_assert_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_NOT_ACTIVE);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);
  g_assert_cmpint (stage_of (f->store, id), ==, GW_STAGE_VOLUNTEER);
  g_assert_cmpuint (gw_test_history_length (f->store, id), ==, len);
}

static void
test_step_back (GwTestFixture *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  GwMemberEvent *event;
  gint64 id = gw_test_add (f->store, "Bo Chen");
  guint len;

  gw_test_raise_to (f->store, id, GW_STAGE_CADRE);
  len = gw_test_history_length (f->store, id);

  g_assert_true (gw_ladder_step_back (f->store, id, "2024-06-01", "Rosa",
                                      "Asked for a lighter load this year", &error));
  g_assert_no_error (error);
  g_assert_cmpint (stage_of (f->store, id), ==, GW_STAGE_MEMBER);

  history = gw_store_list_history (f->store, id);
  g_assert_cmpuint (history->len, ==, len + 1);
  event = last_event (history);
  g_assert_cmpint (event->kind, ==, GW_EVENT_STAGE);
  g_assert_cmpint (event->from_value, ==, GW_STAGE_CADRE);
  g_assert_cmpint (event->to_value, ==, GW_STAGE_MEMBER);
  g_assert_cmpstr (event->approver, ==, "Rosa");
  g_assert_cmpstr (event->note, ==, "Asked for a lighter load this year");
  g_assert_cmpstr (event->date, ==, "2024-06-01");
}

static void
test_set_status (GwTestFixture *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GwMember) member = NULL;
  GwMemberEvent *event;
  gint64 id = gw_test_add (f->store, "Ada Okafor");

  g_assert_true (gw_ladder_set_status (f->store, id, GW_STATUS_INACTIVE, "2024-04-01", "Rosa",
                                       "Not seen for two months", &error));
  g_assert_no_error (error);
  member = gw_test_load (f->store, id);
  g_assert_cmpint (gw_member_get_status (member), ==, GW_STATUS_INACTIVE);

  history = gw_store_list_history (f->store, id);
  g_assert_cmpuint (history->len, ==, 2);
  event = last_event (history);
  g_assert_cmpint (event->kind, ==, GW_EVENT_STATUS);
  g_assert_cmpint (event->from_value, ==, GW_STATUS_ACTIVE);
  g_assert_cmpint (event->to_value, ==, GW_STATUS_INACTIVE);
  g_assert_cmpstr (event->date, ==, "2024-04-01");
  g_assert_cmpstr (event->approver, ==, "Rosa");
  g_assert_cmpstr (event->note, ==, "Not seen for two months");
  g_clear_pointer (&history, g_ptr_array_unref);

  g_assert_false (gw_ladder_set_status (f->store, id, GW_STATUS_INACTIVE, "2024-04-02", "Rosa",
                                        NULL, &error));
  g_assert_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_SAME_STATUS);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);
  g_assert_cmpuint (gw_test_history_length (f->store, id), ==, 2);

  g_assert_true (gw_ladder_set_status (f->store, id, GW_STATUS_ACTIVE, "2024-05-01", "Rosa",
                                       "Back from the summer", &error));
  g_assert_no_error (error);
  g_clear_object (&member);
  member = gw_test_load (f->store, id);
  g_assert_cmpint (gw_member_get_status (member), ==, GW_STATUS_ACTIVE);
  g_assert_cmpuint (gw_test_history_length (f->store, id), ==, 3);
}

static void
test_changes_to_missing_member_fail (GwTestFixture *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwUnityVersion) unity = gw_store_add_unity_version (f->store, "Unity.", &error);

  g_assert_no_error (error);
  g_assert_false (gw_ladder_promote (f->store, 4242, "2024-03-01", "Rosa", NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (gw_ladder_set_status (f->store, 4242, GW_STATUS_LEFT, "2024-03-01", "Rosa",
                                        NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (gw_ladder_record_agreement (f->store, 4242, "2024-03-01", "Rosa", NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (gw_test_sql_int (f->path, "SELECT count(*) FROM member_events"), ==, 0);
}

static void
test_stage_labels (GwTestFixture *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *volunteer = gw_ladder_dup_stage_label (f->store, GW_STAGE_VOLUNTEER);
  g_autofree char *member = gw_ladder_dup_stage_label (f->store, GW_STAGE_MEMBER);
  g_autofree char *cadre = gw_ladder_dup_stage_label (f->store, GW_STAGE_CADRE);
  g_autofree char *supporter = NULL;
  g_autofree char *reset = NULL;

  g_assert_cmpstr (volunteer, ==, "Volunteer");
  g_assert_cmpstr (member, ==, "Member");
  g_assert_cmpstr (cadre, ==, "Cadre");
  g_assert_cmpstr (volunteer, ==, gw_stage_get_default_label (GW_STAGE_VOLUNTEER));

  g_assert_true (gw_ladder_set_stage_label (f->store, GW_STAGE_VOLUNTEER, "Supporter", &error));
  g_assert_no_error (error);
  gw_test_fixture_reopen (f);
  supporter = gw_ladder_dup_stage_label (f->store, GW_STAGE_VOLUNTEER);
  g_assert_cmpstr (supporter, ==, "Supporter");
  g_clear_pointer (&member, g_free);
  member = gw_ladder_dup_stage_label (f->store, GW_STAGE_MEMBER);
  g_assert_cmpstr (member, ==, "Member");

  g_assert_true (gw_ladder_set_stage_label (f->store, GW_STAGE_VOLUNTEER, NULL, &error));
  g_assert_no_error (error);
  reset = gw_ladder_dup_stage_label (f->store, GW_STAGE_VOLUNTEER);
  g_assert_cmpstr (reset, ==, "Volunteer");
}

static void
test_history_is_never_rewritten (GwTestFixture *f,
                                  gconstpointer  data)
{
  g_autofree char *errmsg = NULL;
  g_autofree char *sql = NULL;
  gint64 id = gw_test_add (f->store, "Ada Okafor");
  gint64 events;
  int rc;

  gw_test_raise_to (f->store, id, GW_STAGE_MEMBER);
  events = gw_test_sql_int (f->path, "SELECT count(*) FROM member_events");
  g_assert_cmpint (events, ==, 3);

  /* Another program writing to the file while the app has it open. */
  rc = gw_test_sql_exec (f->path, "UPDATE member_events SET note = 'x'", &errmsg);
  g_assert_cmpint (rc, !=, SQLITE_OK);
  g_assert_nonnull (errmsg);
  g_clear_pointer (&errmsg, g_free);

  rc = gw_test_sql_exec (f->path, "DELETE FROM member_events", &errmsg);
  g_assert_cmpint (rc, !=, SQLITE_OK);
  g_clear_pointer (&errmsg, g_free);

  /* And after it has closed it. */
  g_clear_object (&f->store);
  rc = gw_test_sql_exec (f->path, "UPDATE member_events SET date = '1999-01-01'", &errmsg);
  g_assert_cmpint (rc, !=, SQLITE_OK);
  g_clear_pointer (&errmsg, g_free);
  sql = g_strdup_printf ("DELETE FROM member_events WHERE member_id = %" G_GINT64_FORMAT, id);
  rc = gw_test_sql_exec (f->path, sql, &errmsg);
  g_assert_cmpint (rc, !=, SQLITE_OK);
  g_clear_pointer (&errmsg, g_free);

  g_assert_cmpint (gw_test_sql_int (f->path, "SELECT count(*) FROM member_events"), ==, events);
  g_assert_cmpint (gw_test_sql_int (f->path,
                                    "SELECT count(*) FROM member_events WHERE note = 'x' "
                                    "OR date = '1999-01-01'"), ==, 0);

  gw_test_fixture_reopen (f);
  g_assert_cmpuint (gw_test_history_length (f->store, id), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD_F(path, func) \
  g_test_add (path, GwTestFixture, NULL, gw_test_fixture_set_up, func, gw_test_fixture_tear_down)

  ADD_F ("/core/ladder/promote-needs-points-of-unity", test_promote_needs_points_of_unity);
  ADD_F ("/core/ladder/promote-needs-agreement", test_promote_needs_agreement);
  ADD_F ("/core/ladder/agreement-to-old-version-does-not-count",
         test_agreement_to_old_version_does_not_count);
  ADD_F ("/core/ladder/refuses-skipping-a-stage", test_refuses_skipping_a_stage);
  ADD_F ("/core/ladder/refuses-beyond-top-and-bottom", test_top_and_bottom);
  ADD_F ("/core/ladder/refuses-missing-approver", test_refuses_missing_approver);
  ADD_F ("/core/ladder/refuses-bad-date", test_refuses_bad_date);
  ADD_F ("/core/ladder/refuses-a-date-before-joining", test_refuses_date_before_joining);
  ADD_F ("/core/ladder/refuses-a-date-after-today", test_refuses_date_after_today);
  ADD_F ("/core/ladder/future-date-does-not-count-months", test_future_date_does_not_count_months);
  ADD_F ("/core/ladder/refuses-steps-out-of-order", test_refuses_steps_out_of_order);
  ADD_F ("/core/ladder/future-line-does-not-lock", test_future_line_does_not_lock);
  ADD_F ("/core/ladder/refuses-promotion-before-agreement",
         test_refuses_promotion_before_agreement);
  ADD_F ("/core/ladder/refuses-promoting-someone-who-left", test_refuses_promoting_someone_who_left);
  ADD_F ("/core/ladder/step-back", test_step_back);
  ADD_F ("/core/ladder/set-status", test_set_status);
  ADD_F ("/core/ladder/changes-to-missing-member-fail", test_changes_to_missing_member_fail);
  ADD_F ("/core/ladder/stage-labels", test_stage_labels);
  ADD_F ("/core/ladder/history-is-never-rewritten", test_history_is_never_rewritten);

#undef ADD_F

  return g_test_run ();
}
