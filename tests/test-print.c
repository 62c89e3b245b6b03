/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib.h>

#include "gw-print-test-util.h"
#include "gw-test-util.h"
#include "gw-date.h"
#include "gw-member-list.h"
#include "gw-print-document.h"
#include "gw-print-roster.h"
#include "gw-print-meeting.h"
#include "gw-print-sign-in.h"
#include "gw-store-meetings.h"

/* The text of pages @first to @last (from 1; 0 for all), laid out. */
static char *
page_text (const char *path,
           guint       page)
{
  return pdf_text (path, page, page);
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

#define assert_contains(text, needle) \
  G_STMT_START { \
    if (strstr ((text), (needle)) == NULL) \
      g_error ("Expected “%s” in:\n%s", (needle), (text)); \
  } G_STMT_END

#define assert_lacks(text, needle) \
  G_STMT_START { \
    if (strstr ((text), (needle)) != NULL) \
      g_error ("Did not expect “%s” in:\n%s", (needle), (text)); \
  } G_STMT_END

static gint64
add_member (GwStore    *store,
            const char *full_name,
            const char *phone,
            const char *neighbourhood,
            const char *languages)
{
  g_autoptr(GwMember) draft = gw_member_new ();
  g_auto(GStrv) langs = g_strsplit (languages ? languages : "", ",", -1);
  g_autoptr(GError) error = NULL;
  gint64 id;

  gw_member_set_full_name (draft, full_name);
  gw_member_set_joined (draft, "2023-01-15");
  gw_member_set_phone (draft, phone);
  gw_member_set_neighbourhood (draft, neighbourhood);
  if (languages != NULL)
    gw_member_set_languages (draft, (const char * const *) langs);
  id = gw_store_add_member (store, draft, "Test Secretary", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
set_organization (GwStore *store)
{
  g_autoptr(GError) error = NULL;

  gw_store_set_organization_name (store, "Riverside Tenants Union", &error);
  g_assert_no_error (error);
}

/* Roster */

static void
test_roster_small (GwTestFixture *f,
                   gconstpointer  data)
{
  g_autoptr(GwMemberList) list = NULL;
  g_autoptr(GwPrintDocument) doc = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *iso_today = gw_date_today ();
  g_autofree char *today = gw_date_format (iso_today);
  g_autoptr(GError) error = NULL;

  set_organization (f->store);
  add_member (f->store, "Thị Lan Nguyễn", "555-0101", "Eastside", "Vietnamese,English");
  add_member (f->store, "Ana García", "555-0102", "Riverside", "Spanish");
  add_member (f->store, "Marcus Bell", "555-0103", "Northside", "English");
  /* The organization's own name for the stage is printed. */
  gw_ladder_set_stage_label (f->store, GW_STAGE_VOLUNTEER, "Supporter", &error);
  g_assert_no_error (error);

  list = gw_member_list_new (f->store);
  gw_member_list_set_sort (list, GW_MEMBER_SORT_NAME, FALSE);
  doc = gw_print_roster_new (list, GW_PRINT_ROSTER_ALL, "Everyone · Sorted by name");
  path = render (f, doc, "roster-small");
  g_assert_cmpuint (gw_print_document_get_n_pages (doc), ==, 1);

  text = pdf_text (path, 0, 0);
  assert_contains (text, "Riverside Tenants Union");
  assert_contains (text, "Roster");
  assert_contains (text, "3 people");
  assert_contains (text, "Everyone · Sorted by name");
  for (guint i = 0; i < GW_N_MEMBER_SORTS; i++)
    {
      static const char * const headers[] = {
        "Name", "Stage", "Phone", "Neighbourhood", "Languages", "Joined", "Last Change",
      };
      assert_contains (text, headers[i]);
    }
  assert_contains (text, "Thị Lan Nguyễn");
  assert_contains (text, "555-0101");
  assert_contains (text, "Eastside");
  assert_contains (text, "Vietnamese");
  assert_contains (text, "Supporter");
  assert_lacks (text, "Volunteer");
  assert_contains (text, "Page 1 of 1");
  assert_contains (text, today);

  /* In the list's order. */
  g_assert_cmpint (strstr (text, "Ana García") - text, <, strstr (text, "Marcus Bell") - text);
  g_assert_cmpint (strstr (text, "Marcus Bell") - text, <, strstr (text, "Thị Lan Nguyễn") - text);
}

static void
test_roster_columns_and_filter (GwTestFixture *f,
                                gconstpointer  data)
{
  g_autoptr(GwMemberList) list = NULL;
  g_autoptr(GwPrintDocument) doc = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  set_organization (f->store);
  add_member (f->store, "Ana García", "555-0102", "Riverside", "Spanish");
  add_member (f->store, "Marcus Bell", "555-0103", "Northside", "English");

  list = gw_member_list_new (f->store);
  gw_member_list_set_search (list, "Ana");
  doc = gw_print_roster_new (list, GW_PRINT_ROSTER_PHONE, NULL);
  path = render (f, doc, "roster-filtered");
  text = pdf_text (path, 0, 0);

  /* The name is always printed; the other columns only when asked for. */
  assert_contains (text, "Name");
  assert_contains (text, "Phone");
  assert_lacks (text, "Neighbourhood");
  assert_lacks (text, "Spanish");
  assert_contains (text, "Ana García");
  assert_contains (text, "555-0102");
  assert_lacks (text, "Marcus Bell");
  assert_contains (text, "1 person");
  assert_contains (text, "Search: “Ana”");

  /* A search nobody matches prints a roster that says so. */
  gw_member_list_set_search (list, "Zebediah");
  g_clear_object (&doc);
  doc = gw_print_roster_new (list, GW_PRINT_ROSTER_ALL, NULL);
  g_free (path);
  path = render (f, doc, "roster-empty");
  g_free (text);
  text = pdf_text (path, 0, 0);
  assert_contains (text, "0 people");
  assert_contains (text, "No one on the roster matches.");
  assert_contains (text, "Page 1 of 1");
}

#define N_LARGE 1000

static void
test_roster_thousand (GwTestFixture *f,
                      gconstpointer  data)
{
  static const char * const given[] = { "Amara", "Thị Lan", "José", "Fatima", "Dmitri", "Grace", "Kwame", "Mei" };
  static const char * const family[] = { "Okafor", "Nguyễn", "Hernández", "Haddad", "Volkov", "Bell", "Mensah", "Chen" };
  g_autoptr(GwMemberList) list = NULL;
  g_autoptr(GwPrintDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *last = NULL;
  g_autofree char *first_page = NULL;
  g_autofree char *number = NULL;
  gsize previous = 0;
  guint n_pages;

  set_organization (f->store);
  gw_store_begin (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_LARGE; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %s %04u", given[i % 8], family[(i / 8) % 8], i);
      g_autofree char *phone = g_strdup_printf ("555-%04u", i);

      add_member (f->store, name, phone, i % 3 ? "Eastside" : "Riverside by the old mill",
                  i % 5 ? "English" : "Spanish,English,Vietnamese");
    }
  gw_store_commit (f->store, &error);
  g_assert_no_error (error);

  list = gw_member_list_new (f->store);
  gw_member_list_set_sort (list, GW_MEMBER_SORT_PHONE, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_LARGE);

  doc = gw_print_roster_new (list, GW_PRINT_ROSTER_ALL, "Sorted by phone, descending");
  path = render (f, doc, "roster-thousand");
  n_pages = gw_print_document_get_n_pages (doc);
  g_assert_cmpuint (n_pages, >, 10);

  /* Every page has the running head, the table's header and its number. */
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = page_text (path, page);
      g_autofree char *number = g_strdup_printf ("Page %u of %u", page, n_pages);

      assert_contains (text, "Riverside Tenants Union");
      assert_contains (text, "Name");
      assert_contains (text, "Stage");
      assert_contains (text, "Last Change");
      assert_contains (text, number);
      g_string_append (all, text);
    }
  last = page_text (path, n_pages);
  number = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
  assert_contains (last, number);
  first_page = page_text (path, 1);
  assert_contains (first_page, "1000 people");
  assert_contains (first_page, "Sorted by phone, descending");

  /* Each of the thousand exactly once, in the list's order. */
  for (guint pos = 0; pos < N_LARGE; pos++)
    {
      g_autoptr(GwMember) member = g_list_model_get_item (G_LIST_MODEL (list), pos);
      const char *name = gw_member_get_full_name (member);
      const char *at;

      g_assert_cmpuint (count_occurrences (all->str, name), ==, 1);
      at = strstr (all->str, name);
      g_assert_cmpuint (at - all->str, >=, previous);
      previous = at - all->str;
    }
  g_assert_null (strstr (all->str, "Page 0"));
}

/* Meetings */

static gint64
add_meeting (GwStore *store)
{
  g_autoptr(GPtrArray) kinds = gw_store_list_meeting_kinds (store);
  g_autoptr(GwMeeting) draft = gw_meeting_new ();
  g_autoptr(GError) error = NULL;
  const GwMeetingKind *general = NULL;
  gint64 id;

  for (guint i = 0; i < kinds->len; i++)
    {
      const GwMeetingKind *kind = g_ptr_array_index (kinds, i);

      if (g_strcmp0 (kind->label, "General meeting") == 0)
        general = kind;
    }
  g_assert_nonnull (general);

  gw_meeting_set_kind_id (draft, general->id);
  gw_meeting_set_title (draft, "May housing assembly");
  gw_meeting_set_date (draft, "2024-05-03");
  gw_meeting_set_time (draft, "18:30");
  gw_meeting_set_place (draft, "Community hall, 12 Elm Street");
  id = gw_store_add_meeting (store, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static GwMeeting *
load_meeting (GwStore *store,
              gint64   id)
{
  g_autoptr(GError) error = NULL;
  GwMeeting *meeting = gw_store_load_meeting (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (meeting);
  return meeting;
}

static GPtrArray *
expected_people (GwStore *store)
{
  GPtrArray *people = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 lan;

  /* Not in order: the sheet sorts them. */
  g_ptr_array_add (people, gw_test_load (store, add_member (store, "Zoe Adams", "555-0104", "Northside", "English")));
  lan = add_member (store, "Thị Lan Nguyễn", "555-0101", "Eastside", "Vietnamese,English");
  g_ptr_array_add (people, gw_test_load (store, add_member (store, "Marcus Bell", "555-0103", "Northside", "English")));
  g_ptr_array_add (people, gw_test_load (store, lan));
  g_ptr_array_add (people, gw_test_load (store, add_member (store, "Ana García", "555-0102", "Riverside", "Spanish")));
  return people;
}

/* Whether some line of @text is just @number, as a numbered blank row is. */
static gboolean
has_numbered_row (const char *text,
                  guint       number)
{
  g_autofree char *pattern = g_strdup_printf ("^\\s*%u\\s*$", number);

  return g_regex_match_simple (pattern, text, G_REGEX_MULTILINE, 0);
}

static void
test_sign_in_expected_and_walk_ins (GwTestFixture *f,
                                    gconstpointer  data)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GwMeeting) meeting = NULL;
  g_autoptr(GwPrintDocument) doc = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *date = gw_date_format ("2024-05-03");
  const char *walk_ins;

  set_organization (f->store);
  people = expected_people (f->store);
  meeting = load_meeting (f->store, add_meeting (f->store));

  doc = gw_print_sign_in_new (f->store, meeting, people, 12, GW_PRINT_SIGN_IN_DEFAULT);
  path = render (f, doc, "sign-in");
  g_assert_cmpuint (gw_print_document_get_n_pages (doc), ==, 1);
  text = pdf_text (path, 0, 0);

  assert_contains (text, "Riverside Tenants Union");
  assert_contains (text, "Sign-in Sheet");
  assert_contains (text, "May housing assembly");
  assert_contains (text, "General meeting");
  assert_contains (text, date);
  assert_contains (text, "18:30");
  assert_contains (text, "Community hall, 12 Elm Street");
  assert_contains (text, "Expected (4 people)");
  assert_contains (text, "No.");
  assert_contains (text, "Name");
  assert_contains (text, "Phone");
  assert_contains (text, "Signature");
  assert_lacks (text, "Languages");
  assert_lacks (text, "Vietnamese");
  assert_contains (text, "555-0101");
  assert_contains (text, "Page 1 of 1");

  /* Sorted by name, whatever order they were given in. */
  g_assert_cmpint (strstr (text, "Ana García") - text, <, strstr (text, "Marcus Bell") - text);
  g_assert_cmpint (strstr (text, "Marcus Bell") - text, <, strstr (text, "Thị Lan Nguyễn") - text);
  g_assert_cmpint (strstr (text, "Thị Lan Nguyễn") - text, <, strstr (text, "Zoe Adams") - text);

  /* Then numbered blank rows for walk-ins, after everyone expected. */
  walk_ins = strstr (text, "Walk-ins");
  g_assert_nonnull (walk_ins);
  g_assert_cmpint (walk_ins - text, >, strstr (text, "Zoe Adams") - text);
  for (guint i = 1; i <= 12; i++)
    g_assert_true (has_numbered_row (walk_ins, i));
  g_assert_false (has_numbered_row (walk_ins, 13));
}

static void
test_sign_in_blank (GwTestFixture *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GwMeeting) meeting = NULL;
  g_autoptr(GwPrintDocument) doc = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *second = NULL;
  guint n_pages;

  set_organization (f->store);
  people = expected_people (f->store);
  meeting = load_meeting (f->store, add_meeting (f->store));

  /* A blank sheet leaves out the expected people even when given them. */
  doc = gw_print_sign_in_new (f->store, meeting, people, 40, GW_PRINT_SIGN_IN_BLANK);
  path = render (f, doc, "sign-in-blank");
  n_pages = gw_print_document_get_n_pages (doc);
  g_assert_cmpuint (n_pages, ==, 2);
  text = pdf_text (path, 0, 0);

  assert_contains (text, "Sign-in Sheet");
  assert_contains (text, "May housing assembly");
  assert_lacks (text, "Ana García");
  assert_lacks (text, "555-0101");
  assert_lacks (text, "Expected");
  for (guint i = 1; i <= 40; i++)
    g_assert_true (has_numbered_row (text, i));
  g_assert_false (has_numbered_row (text, 41));
  assert_contains (text, "Page 2 of 2");

  /* The header is repeated on the second page. */
  second = page_text (path, 2);
  assert_contains (second, "Signature");
  assert_contains (second, "Riverside Tenants Union");
}

static void
test_sign_in_languages (GwTestFixture *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GwMeeting) meeting = NULL;
  g_autoptr(GwPrintDocument) doc = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  set_organization (f->store);
  people = expected_people (f->store);
  meeting = load_meeting (f->store, add_meeting (f->store));

  doc = gw_print_sign_in_new (f->store, meeting, people, 5, GW_PRINT_SIGN_IN_LANGUAGES);
  path = render (f, doc, "sign-in-languages");
  text = pdf_text (path, 0, 0);

  assert_contains (text, "Languages");
  assert_contains (text, "Vietnamese");
  assert_contains (text, "Spanish");
  assert_contains (text, "Signature");
  assert_contains (text, "Thị Lan Nguyễn");
}

static void
fill_meeting (GwStore *store,
              gint64   meeting_id,
              gint64   owner)
{
  g_autoptr(GPtrArray) agenda = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_agenda_item_free);
  g_autoptr(GwDecision) carried = gw_decision_new ("Join the citywide rent strike coalition");
  g_autoptr(GwDecision) consensus = gw_decision_new ("Hold the June assembly in Spanish and English");
  g_autoptr(GError) error = NULL;
  gint64 action;

  g_ptr_array_add (agenda, gw_agenda_item_new ("Welcome and points of unity"));
  g_ptr_array_add (agenda, gw_agenda_item_new ("Report back from the door-knocking on Elm Street"));
  g_ptr_array_add (agenda, gw_agenda_item_new ("The rent strike coalition: join or not"));
  gw_store_set_agenda (store, meeting_id, agenda, &error);
  g_assert_no_error (error);

  carried->outcome = g_strdup ("Carried");
  carried->votes_for = 23;
  carried->votes_against = 4;
  carried->votes_abstain = 2;
  gw_store_add_decision (store, meeting_id, carried, &error);
  g_assert_no_error (error);
  consensus->outcome = g_strdup ("Adopted by consensus");
  gw_store_add_decision (store, meeting_id, consensus, &error);
  g_assert_no_error (error);

  gw_store_add_action (store, meeting_id, "Print flyers for the tenants of 14 Elm", owner, "2024-05-10", &error);
  g_assert_no_error (error);
  action = gw_store_add_action (store, meeting_id, "Book the hall for June", 0, NULL, &error);
  g_assert_no_error (error);
  gw_store_set_action_done (store, action, "2024-05-06", &error);
  g_assert_no_error (error);
}

static void
test_agenda (GwTestFixture *f,
             gconstpointer  data)
{
  g_autoptr(GwMeeting) meeting = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GwPrintDocument) doc = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  gint64 id;

  set_organization (f->store);
  id = add_meeting (f->store);
  fill_meeting (f->store, id, add_member (f->store, "Ana García", "555-0102", "Riverside", "Spanish"));
  meeting = load_meeting (f->store, id);
  agenda = gw_store_list_agenda (f->store, id);

  doc = gw_print_agenda_new (f->store, meeting, agenda);
  path = render (f, doc, "agenda");
  text = pdf_text (path, 0, 0);

  assert_contains (text, "Riverside Tenants Union");
  assert_contains (text, "Agenda");
  assert_contains (text, "May housing assembly");
  assert_contains (text, "Community hall, 12 Elm Street");
  assert_contains (text, "18:30");
  assert_contains (text, "1.");
  assert_contains (text, "3.");
  assert_contains (text, "Welcome and points of unity");
  g_assert_cmpint (strstr (text, "Welcome and points") - text, <, strstr (text, "Report back") - text);
  g_assert_cmpint (strstr (text, "Report back") - text, <, strstr (text, "join or not") - text);
  /* An agenda is for before the meeting: no record of what happened. */
  assert_lacks (text, "Decisions");
  assert_lacks (text, "Carried");
  assert_contains (text, "Page 1 of 1");
}

static void
test_minutes (GwTestFixture *f,
              gconstpointer  data)
{
  g_autoptr(GwMeeting) meeting = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GwPrintDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *due = gw_date_format ("2024-05-10");
  g_autofree char *done = gw_date_format ("2024-05-06");
  gint64 id, ana;

  set_organization (f->store);
  id = add_meeting (f->store);
  ana = add_member (f->store, "Ana García", "555-0102", "Riverside", "Spanish");
  fill_meeting (f->store, id, ana);
  gw_store_check_in (f->store, id, ana, &error);
  g_assert_no_error (error);
  gw_store_check_in (f->store, id, add_member (f->store, "Marcus Bell", "555-0103", NULL, NULL), &error);
  g_assert_no_error (error);
  gw_store_check_in (f->store, id, add_member (f->store, "Zoe Adams", "555-0104", NULL, NULL), &error);
  g_assert_no_error (error);

  meeting = load_meeting (f->store, id);
  gw_meeting_set_minutes (meeting, "Ana opened the meeting and read the points of unity.\n\n"
                                   "Twelve doors were knocked on Elm Street; four tenants want to meet.");
  gw_store_update_meeting (f->store, meeting, &error);
  g_assert_no_error (error);
  g_clear_object (&meeting);
  meeting = load_meeting (f->store, id);

  agenda = gw_store_list_agenda (f->store, id);
  decisions = gw_store_list_decisions (f->store, id);
  actions = gw_store_list_actions (f->store, id);
  doc = gw_print_minutes_new (f->store, meeting, agenda, decisions, actions);
  path = render (f, doc, "minutes");
  text = pdf_text (path, 0, 0);

  assert_contains (text, "Riverside Tenants Union");
  assert_contains (text, "Minutes");
  assert_contains (text, "May housing assembly");
  assert_contains (text, "3 people present");
  assert_contains (text, "Welcome and points of unity");
  assert_contains (text, "read the points of unity.");
  assert_contains (text, "four tenants want to meet.");

  assert_contains (text, "Decisions");
  assert_contains (text, "For");
  assert_contains (text, "Against");
  assert_contains (text, "Abstaining");
  assert_contains (text, "Join the citywide rent strike coalition");
  assert_contains (text, "Carried");
  g_assert_true (g_regex_match_simple ("Carried\\s+23\\s+4\\s+2", text, 0, 0));
  assert_contains (text, "Adopted by consensus");

  assert_contains (text, "Action Items");
  assert_contains (text, "Owner");
  assert_contains (text, "Print flyers for the tenants of 14 Elm");
  g_assert_true (g_regex_match_simple ("14 Elm\\s+Ana García\\s+\\S+\\s+Open", text, 0, 0));
  assert_contains (text, due);
  assert_contains (text, "Book the hall for June");
  assert_contains (text, "Nobody yet");
  assert_contains (text, done);
  assert_contains (text, "Page 1 of 1");
}

static void
test_minutes_long (GwTestFixture *f,
                   gconstpointer  data)
{
  g_autoptr(GwMeeting) meeting = NULL;
  g_autoptr(GwPrintDocument) doc = NULL;
  g_autoptr(GString) minutes = g_string_new (NULL);
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *last = NULL;
  g_autofree char *number = NULL;
  guint n_pages;

  set_organization (f->store);
  meeting = load_meeting (f->store, add_meeting (f->store));
  for (guint i = 0; i < 120; i++)
    g_string_append_printf (minutes, "Point %03u: the tenants of the building discussed the repairs "
                            "the landlord still owes and agreed to write to the city together.\n\n", i);
  gw_meeting_set_minutes (meeting, minutes->str);

  doc = gw_print_minutes_new (f->store, meeting, NULL, NULL, NULL);
  path = render (f, doc, "minutes-long");
  n_pages = gw_print_document_get_n_pages (doc);
  g_assert_cmpuint (n_pages, >, 2);

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = page_text (path, page);
      g_autofree char *foot = g_strdup_printf ("Page %u of %u", page, n_pages);

      assert_contains (text, "Riverside Tenants Union");
      assert_contains (text, "Minutes · May housing assembly");
      assert_contains (text, foot);
      g_string_append (all, text);
    }

  /* Every paragraph once, none lost at a page break. */
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *point = g_strdup_printf ("Point %03u:", i);

      g_assert_cmpuint (count_occurrences (all->str, point), ==, 1);
    }
  assert_contains (all->str, "Nothing is on the agenda yet.");
  assert_contains (all->str, "No decisions were recorded.");
  last = page_text (path, n_pages);
  assert_contains (last, "No action items were given.");
  number = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
  assert_contains (last, number);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, GwTestFixture, NULL, gw_test_fixture_set_up, func, gw_test_fixture_tear_down)

  ADD ("/print/roster/organization-title-columns-and-page", test_roster_small);
  ADD ("/print/roster/chosen-columns-and-current-search", test_roster_columns_and_filter);
  ADD ("/print/roster/thousand-people-across-pages", test_roster_thousand);
  ADD ("/print/sign-in/expected-by-name-then-walk-ins", test_sign_in_expected_and_walk_ins);
  ADD ("/print/sign-in/blank-sheet", test_sign_in_blank);
  ADD ("/print/sign-in/languages-column", test_sign_in_languages);
  ADD ("/print/meeting/agenda", test_agenda);
  ADD ("/print/meeting/minutes-decisions-and-actions", test_minutes);
  ADD ("/print/meeting/long-minutes-across-pages", test_minutes_long);

  return g_test_run ();
}
