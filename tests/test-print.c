/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib.h>

#include "gw-test-util.h"
#include "gw-date.h"
#include "gw-member-list.h"
#include "gw-print-document.h"
#include "gw-print-roster.h"

/* Printing is checked the way a person would: the document is written to a
 * PDF and read back with pdftotext, whose path meson passes in PDFTOTEXT.
 * Set GW_PRINT_TEST_KEEP to a directory to keep the PDFs for a look. */

static char *
render (GwTestFixture   *f,
        GwPrintDocument *doc,
        const char      *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_strconcat (name, ".pdf", NULL);
  char *path = g_build_filename (f->dir, file, NULL);
  const char *keep = g_getenv ("GW_PRINT_TEST_KEEP");

  gw_print_document_write_pdf (doc, path, GW_PRINT_PAPER_A4, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  if (keep != NULL)
    {
      g_autofree char *kept = g_build_filename (keep, file, NULL);
      g_autoptr(GBytes) bytes = gw_test_read_file (path);

      g_file_set_contents (kept, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
      g_assert_no_error (error);
    }
  return path;
}

/* The text of pages @first to @last (from 1; 0 for all), laid out. */
static char *
pdf_text (const char *path,
          guint       first,
          guint       last)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  const char *pdftotext = g_getenv ("PDFTOTEXT");
  char *out = NULL;
  int status = 0;

  g_assert_nonnull (pdftotext);
  g_ptr_array_add (argv, g_strdup (pdftotext));
  g_ptr_array_add (argv, g_strdup ("-layout"));
  g_ptr_array_add (argv, g_strdup ("-enc"));
  g_ptr_array_add (argv, g_strdup ("UTF-8"));
  if (first > 0)
    {
      g_ptr_array_add (argv, g_strdup ("-f"));
      g_ptr_array_add (argv, g_strdup_printf ("%u", first));
      g_ptr_array_add (argv, g_strdup ("-l"));
      g_ptr_array_add (argv, g_strdup_printf ("%u", last));
    }
  g_ptr_array_add (argv, g_strdup (path));
  g_ptr_array_add (argv, g_strdup ("-"));
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return out;
}

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

  return g_test_run ();
}
