/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "gw-test-meetings.h"

/* The defaults (member = agreement + 2 study sessions; cadre = 6 months as
 * member + 6 study sessions + 1 turn as secretary), undoing the fixture's
 * waiver. */
static void
use_defaults (GwStore *store)
{
  const char *keys[] = { "requirement-member-study-sessions", "requirement-cadre-study-sessions",
                         "requirement-cadre-months-as-member", "requirement-cadre-secretary-turns" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (gw_store_set_setting (store, keys[i], NULL, NULL));
}

static gint64
agreed_volunteer (GwStore    *store,
                  const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwUnityVersion) unity = gw_store_dup_current_unity (store);
  gint64 id = gw_test_add (store, name);

  if (unity == NULL)
    unity = gw_store_add_unity_version (store, "We are all tenants.", &error);
  g_assert_true (gw_ladder_record_agreement (store, id, "2025-01-10", "Rosa", NULL, &error));
  g_assert_no_error (error);
  return id;
}

static GwRequirement *
line (GPtrArray         *checklist,
      GwRequirementKind  kind)
{
  for (guint i = 0; i < checklist->len; i++)
    if (((GwRequirement *) g_ptr_array_index (checklist, i))->kind == kind)
      return g_ptr_array_index (checklist, i);
  g_assert_not_reached ();
}

static void
test_defaults_and_settings (GwTestFixture *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  use_defaults (f->store);
  g_assert_cmpint (gw_checklist_get_required (f->store, GW_STAGE_MEMBER, GW_REQUIREMENT_AGREEMENT), ==, 1);
  g_assert_cmpint (gw_checklist_get_required (f->store, GW_STAGE_MEMBER, GW_REQUIREMENT_STUDY_SESSIONS), ==, 2);
  g_assert_cmpint (gw_checklist_get_required (f->store, GW_STAGE_CADRE, GW_REQUIREMENT_MONTHS_AS_MEMBER), ==, 6);
  g_assert_cmpint (gw_checklist_get_required (f->store, GW_STAGE_CADRE, GW_REQUIREMENT_STUDY_SESSIONS), ==, 6);
  g_assert_cmpint (gw_checklist_get_required (f->store, GW_STAGE_CADRE, GW_REQUIREMENT_SECRETARY_TURNS), ==, 1);

  g_assert_true (gw_checklist_set_required (f->store, GW_STAGE_MEMBER, GW_REQUIREMENT_STUDY_SESSIONS, 3, &error));
  g_assert_cmpint (gw_checklist_get_required (f->store, GW_STAGE_MEMBER, GW_REQUIREMENT_STUDY_SESSIONS), ==, 3);

  g_assert_false (gw_checklist_set_required (f->store, GW_STAGE_MEMBER, GW_REQUIREMENT_AGREEMENT, 0, &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gw_checklist_set_required (f->store, GW_STAGE_MEMBER, GW_REQUIREMENT_MONTHS_AS_MEMBER, 2, &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gw_checklist_set_required (f->store, GW_STAGE_CADRE, GW_REQUIREMENT_STUDY_SESSIONS, -1, &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (gw_checklist_get_required (f->store, GW_STAGE_CADRE, GW_REQUIREMENT_STUDY_SESSIONS), ==, 6);
}

static void
test_member_checklist (GwTestFixture *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) checklist = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GwMember) member = NULL;
  g_autofree char *missing = NULL;
  gint64 id;

  use_defaults (f->store);
  id = agreed_volunteer (f->store, "Ana Flores");

  checklist = gw_checklist_for_date (f->store, id, GW_STAGE_MEMBER, "2026-03-01");
  g_assert_cmpuint (checklist->len, ==, 2);
  g_assert_true (line (checklist, GW_REQUIREMENT_AGREEMENT)->met);
  g_assert_false (line (checklist, GW_REQUIREMENT_STUDY_SESSIONS)->met);
  g_assert_cmpstr (line (checklist, GW_REQUIREMENT_STUDY_SESSIONS)->label, ==, "Study sessions attended: 0 of 2");
  g_assert_cmpuint (gw_checklist_count_missing (checklist), ==, 1);

  /* A general meeting is not a study session; one study session is half. */
  gw_test_check_in (f->store, gw_test_add_meeting (f->store, 0, "2026-01-05"), id);
  gw_test_check_in (f->store, gw_test_add_meeting (f->store, 2, "2026-01-19"), id);
  g_clear_pointer (&checklist, g_ptr_array_unref);
  checklist = gw_checklist_for_date (f->store, id, GW_STAGE_MEMBER, "2026-03-01");
  g_assert_cmpint (line (checklist, GW_REQUIREMENT_STUDY_SESSIONS)->current, ==, 1);
  g_assert_cmpint (line (checklist, GW_REQUIREMENT_STUDY_SESSIONS)->required, ==, 2);
  missing = gw_checklist_dup_missing (checklist);
  g_assert_cmpstr (missing, ==, "Study sessions attended: 1 of 2");

  /* The ladder refuses, naming what is missing, and changes nothing. */
  g_assert_false (gw_ladder_promote (f->store, id, "2026-03-01", "Rosa", NULL, &error));
  g_assert_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_REQUIREMENTS_UNMET);
  g_assert_nonnull (strstr (error->message, "Ana Flores"));
  g_assert_nonnull (strstr (error->message, "Study sessions attended: 1 of 2"));
  g_clear_error (&error);
  g_assert_false (gw_ladder_check_change (f->store, id, GW_STAGE_MEMBER, &error));
  g_assert_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_REQUIREMENTS_UNMET);
  g_clear_error (&error);
  member = gw_test_load (f->store, id);
  g_assert_cmpint (gw_member_get_stage (member), ==, GW_STAGE_VOLUNTEER);

  /* A second session after the step's date does not count for it. */
  gw_test_check_in (f->store, gw_test_add_meeting (f->store, 2, "2026-04-20"), id);
  g_assert_false (gw_ladder_promote (f->store, id, "2026-03-01", "Rosa", NULL, &error));
  g_assert_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_REQUIREMENTS_UNMET);
  g_clear_error (&error);
  g_assert_true (gw_ladder_promote (f->store, id, "2026-04-21", "Rosa", NULL, &error));
  g_assert_no_error (error);
}

static void
test_cadre_checklist (GwTestFixture *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) checklist = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, meeting;
  const char *sessions[] = { "2025-03-01", "2025-04-01", "2025-05-01", "2025-06-01", "2025-07-01", "2025-08-01" };

  /* Promoted to member with requirements waived, then the rules apply. */
  id = gw_test_add (f->store, "Bao Tran");
  gw_test_raise_to (f->store, id, GW_STAGE_MEMBER);   /* on 2024-02-01 */
  use_defaults (f->store);

  checklist = gw_checklist_for_date (f->store, id, GW_STAGE_CADRE, "2024-05-01");
  g_assert_cmpuint (checklist->len, ==, 3);
  g_assert_cmpint (line (checklist, GW_REQUIREMENT_MONTHS_AS_MEMBER)->current, ==, 3);
  g_assert_cmpstr (line (checklist, GW_REQUIREMENT_MONTHS_AS_MEMBER)->label, ==, "Months as Member: 3 of 6");
  g_assert_cmpstr (line (checklist, GW_REQUIREMENT_STUDY_SESSIONS)->label, ==, "Study sessions attended: 0 of 6");
  g_assert_cmpstr (line (checklist, GW_REQUIREMENT_SECRETARY_TURNS)->label, ==, "Turns as secretary: 0 of 1");

  g_assert_false (gw_ladder_promote (f->store, id, "2024-05-01", "Rosa", NULL, &error));
  g_assert_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_REQUIREMENTS_UNMET);
  g_assert_nonnull (strstr (error->message, "Months as Member: 3 of 6"));
  g_assert_nonnull (strstr (error->message, "Study sessions attended: 0 of 6"));
  g_assert_nonnull (strstr (error->message, "Turns as secretary: 0 of 1"));
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (sessions); i++)
    gw_test_check_in (f->store, gw_test_add_meeting (f->store, 2, sessions[i]), id);
  g_assert_false (gw_ladder_promote (f->store, id, "2025-09-01", "Rosa", NULL, &error));
  g_assert_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_REQUIREMENTS_UNMET);
  g_assert_null (strstr (error->message, "Study sessions"));
  g_assert_nonnull (strstr (error->message, "Turns as secretary: 0 of 1"));
  g_clear_error (&error);

  meeting = gw_test_add_meeting (f->store, 0, "2025-08-15");
  g_assert_true (gw_rotation_assign (f->store, meeting, id, &error));
  g_clear_pointer (&checklist, g_ptr_array_unref);
  checklist = gw_checklist_for_date (f->store, id, GW_STAGE_CADRE, "2025-09-01");
  g_assert_true (gw_checklist_is_met (checklist));
  g_assert_true (gw_ladder_promote (f->store, id, "2025-09-01", "Rosa", NULL, &error));
  g_assert_no_error (error);
}

static void
test_skipping_still_refused (GwTestFixture *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  use_defaults (f->store);
  id = agreed_volunteer (f->store, "Cai Wen");
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *date = g_strdup_printf ("2025-0%u-10", i + 1);
      gw_test_check_in (f->store, gw_test_add_meeting (f->store, 2, date), id);
    }

  /* Every count met for both steps, and a stage still cannot be skipped. */
  g_assert_false (gw_ladder_change_stage (f->store, id, GW_STAGE_CADRE, "2026-03-01", "Rosa", NULL, &error));
  g_assert_error (error, GW_LADDER_ERROR, GW_LADDER_ERROR_SKIPPED_STAGE);
  g_clear_error (&error);

  /* The checklist is empty for a step that is not the next one. */
  {
    g_autoptr(GPtrArray) checklist = gw_checklist_for (f->store, id, GW_STAGE_CADRE);
    g_assert_cmpuint (checklist->len, ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, GwTestFixture, NULL, gw_test_fixture_set_up, func, gw_test_fixture_tear_down)

  ADD ("/core/checklist/defaults-and-settings", test_defaults_and_settings);
  ADD ("/core/checklist/member-needs-study-sessions", test_member_checklist);
  ADD ("/core/checklist/cadre-needs-months-sessions-and-a-turn", test_cadre_checklist);
  ADD ("/core/checklist/skipping-still-refused", test_skipping_still_refused);

  return g_test_run ();
}
