/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <sys/stat.h>
#include <unistd.h>

#include "gw-date.h"
#include "gw-test-util.h"

/* Opening files */

static void
test_creates_database_in_private_dir (void)
{
  g_autofree char *dir = gw_test_make_dir ();
  g_autofree char *subdir = g_build_filename (dir, "nested", "groundwork", NULL);
  g_autofree char *path = g_build_filename (subdir, "roster.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = NULL;
  struct stat st;

  store = gw_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpstr (gw_store_get_path (store), ==, path);
  g_assert_false (gw_store_is_read_only (store));
  g_assert_cmpint (gw_store_get_schema_version (store), ==, GW_SCHEMA_VERSION);

  /* Member lists can put people in danger: only the user may read them. */
  g_assert_cmpint (g_stat (subdir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (gw_store_count_members (store), ==, 0);

  g_clear_object (&store);
  g_assert_cmpint (gw_test_sql_int (path, "PRAGMA user_version"), ==, GW_SCHEMA_VERSION);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  gw_test_remove_tree (dir);
}

static void
test_creates_database_in_empty_file (void)
{
  g_autofree char *dir = gw_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = NULL;
  struct stat st;

  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  store = gw_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (gw_store_get_schema_version (store), ==, GW_SCHEMA_VERSION);
  g_assert_false (gw_store_is_read_only (store));

  /* A file others could read is made private once it holds the roster. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  gw_test_add (store, "Ada Okafor");
  g_assert_cmpint (gw_store_count_members (store), ==, 1);

  g_clear_object (&store);
  gw_test_remove_tree (dir);
}

/* The log and shared-memory files a read-only spell left behind with the
 * database's read-only mode are made private and writable again, or every
 * write would fail once the database itself is writable. */
static void
test_side_files_made_writable (void)
{
  g_autofree char *dir = gw_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "roster.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = NULL;
  struct stat st;

  store = gw_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_file_set_contents (wal, "", 0, &error);
  g_assert_no_error (error);
  g_file_set_contents (shm, "", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (wal, 0444), ==, 0);
  g_assert_cmpint (g_chmod (shm, 0444), ==, 0);

  store = gw_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (gw_store_is_read_only (store));
  gw_test_add (store, "Ada Okafor");
  g_assert_cmpint (gw_store_count_members (store), ==, 1);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (shm, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_clear_object (&store);
  gw_test_remove_tree (dir);
}

static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GBytes) before = gw_test_read_file (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = NULL;

  store = gw_store_open (path, &error);
  g_assert_error (error, GW_STORE_ERROR, code);
  g_assert_null (store);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");

  gw_test_assert_file_unchanged (path, before);
}

static void
test_refuses_text_file (void)
{
  g_autofree char *dir = gw_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "shopping.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_file_set_contents (path, "Milk\nBread\nRice, 10 kg\n", -1, &error);
  g_assert_no_error (error);

  assert_refused (path, GW_STORE_ERROR_NOT_GROUNDWORK);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  gw_test_remove_tree (dir);
}

static void
test_refuses_other_application_database (void)
{
  g_autofree char *dir = gw_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "other.db", NULL);
  int rc;

  {
    sqlite3 *db = NULL;

    rc = sqlite3_open (path, &db);
    g_assert_cmpint (rc, ==, SQLITE_OK);
    rc = sqlite3_exec (db, "CREATE TABLE t(x); INSERT INTO t VALUES (42);", NULL, NULL, NULL);
    g_assert_cmpint (rc, ==, SQLITE_OK);
    sqlite3_close (db);
  }

  assert_refused (path, GW_STORE_ERROR_NOT_GROUNDWORK);
  g_assert_cmpint (gw_test_sql_int (path, "SELECT x FROM t"), ==, 42);
  g_assert_cmpint (gw_test_sql_int (path, "SELECT count(*) FROM sqlite_schema"), ==, 1);

  gw_test_remove_tree (dir);
}

static char *
make_groundwork_database (const char *dir,
                          guint       n_people)
{
  char *path = g_build_filename (dir, "groundwork.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (path, &error);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  gw_store_begin (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(GwMember) draft = gw_member_new ();
      g_autofree char *name = g_strdup_printf ("Person Number %u", i);
      g_autofree char *phone = g_strdup_printf ("555-%04u", i);
      g_autofree char *notes = g_strdup_printf ("Met at the tenants' meeting on Elm Street, "
                                                "door %u; wants to help with the food drive "
                                                "and the newsletter.", i);

      gw_member_set_full_name (draft, name);
      gw_member_set_phone (draft, phone);
      gw_member_set_notes (draft, notes);
      gw_store_add_member (store, draft, "Secretary", &error);
      g_assert_no_error (error);
    }
  gw_store_commit (store, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* Closing checkpoints the WAL, so the file on its own is the database. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  return path;
}

static void
test_refuses_damaged_database (void)
{
  g_autofree char *dir = gw_test_make_dir ();
  g_autofree char *path = make_groundwork_database (dir, 300);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileIOStream) io = NULL;
  char junk[4096 * 3];
  gsize written = 0;
  gint64 page_size = gw_test_sql_int (path, "PRAGMA page_size");
  gint64 page_count = gw_test_sql_int (path, "PRAGMA page_count");

  g_assert_cmpint (page_count, >, 8);

  /* Overwrite pages in the middle of the file, as a failing disk would. */
  memset (junk, 0xff, sizeof junk);
  io = g_file_open_readwrite (file, NULL, &error);
  g_assert_no_error (error);
  g_seekable_seek (G_SEEKABLE (io), 2 * page_size, G_SEEK_SET, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (io)),
                             junk, sizeof junk, &written, NULL, &error);
  g_assert_no_error (error);
  g_io_stream_close (G_IO_STREAM (io), NULL, &error);
  g_assert_no_error (error);

  {
    g_autofree char *check = gw_test_sql_text (path, "PRAGMA quick_check");

    /* The damage must be visible to SQLite, or this test proves nothing. */
    g_assert_cmpstr (check, !=, "ok");
  }

  assert_refused (path, GW_STORE_ERROR_CORRUPT);

  gw_test_remove_tree (dir);
}

static void
test_refuses_newer_schema (void)
{
  g_autofree char *dir = gw_test_make_dir ();
  g_autofree char *path = make_groundwork_database (dir, 3);
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", GW_SCHEMA_VERSION + 1);
  int rc;

  rc = gw_test_sql_exec (path, sql, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);

  assert_refused (path, GW_STORE_ERROR_TOO_NEW);
  g_assert_cmpint (gw_test_sql_int (path, "PRAGMA user_version"), ==, GW_SCHEMA_VERSION + 1);

  gw_test_remove_tree (dir);
}

static void
test_opens_read_only_file (void)
{
  g_autofree char *dir = gw_test_make_dir ();
  g_autofree char *path = make_groundwork_database (dir, 5);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = NULL;
  g_autoptr(GwMember) draft = gw_member_new ();
  g_autoptr(GwMember) member = NULL;
  gint64 id;

  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  before = gw_test_read_file (path);

  store = gw_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (gw_store_is_read_only (store));
  g_assert_cmpint (gw_store_count_members (store), ==, 5);

  id = gw_test_sql_int (path, "SELECT min(id) FROM members");
  member = gw_test_load (store, id);
  g_assert_cmpstr (gw_member_get_full_name (member), ==, "Person Number 0");

  gw_member_set_full_name (draft, "Someone New");
  g_assert_cmpint (gw_store_add_member (store, draft, "Secretary", &error), <=, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);

  gw_member_set_notes (member, "Changed while read-only");
  g_assert_false (gw_store_update_member (store, member, &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_cmpint (gw_store_count_members (store), ==, 5);
  g_clear_object (&store);

  gw_test_assert_file_unchanged (path, before);

  g_chmod (path, 0600);
  gw_test_remove_tree (dir);
}

static void
test_reopen_keeps_data (GwTestFixture *f,
                        gconstpointer  data)
{
  g_autoptr(GwMember) member = NULL;
  gint64 id;

  id = gw_test_add_person (f->store, "Ada Okafor", "555-0100", "ada@example.org");
  gw_test_fixture_reopen (f);

  g_assert_cmpint (gw_store_get_schema_version (f->store), ==, GW_SCHEMA_VERSION);
  g_assert_cmpint (gw_store_count_members (f->store), ==, 1);
  member = gw_test_load (f->store, id);
  g_assert_cmpstr (gw_member_get_full_name (member), ==, "Ada Okafor");
  g_assert_cmpstr (gw_member_get_phone (member), ==, "555-0100");
  g_assert_cmpstr (gw_member_get_email (member), ==, "ada@example.org");
}

static void
test_uses_wal_and_foreign_keys (GwTestFixture *f,
                                gconstpointer  data)
{
  g_autofree char *mode = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *fk_errors = NULL;

  gw_test_add (f->store, "Ada Okafor");

  /* WAL lets a reader (a backup, an export) look while the app writes. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  mode = gw_test_sql_text (f->path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (gw_test_sql_int (f->path, "PRAGMA user_version"), ==, GW_SCHEMA_VERSION);

  /* The schema declares its references and what the store wrote satisfies them. */
  g_assert_cmpint (gw_test_sql_int (f->path,
                                    "SELECT count(*) FROM sqlite_schema "
                                    "WHERE sql LIKE '%REFERENCES%'"), >, 0);
  g_assert_cmpint (gw_test_sql_int (f->path,
                                    "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

static void
test_settings_persist (GwTestFixture *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = gw_store_dup_setting (f->store, "no-such-key");
  g_autofree char *value = NULL;
  g_autofree char *name = NULL;

  g_assert_null (missing);
  gw_store_set_setting (f->store, "greeting", "Hola", &error);
  g_assert_no_error (error);
  gw_store_set_organization_name (f->store, "Elm Street Tenants' Union", &error);
  g_assert_no_error (error);

  gw_test_fixture_reopen (f);
  value = gw_store_dup_setting (f->store, "greeting");
  g_assert_cmpstr (value, ==, "Hola");
  name = gw_store_dup_organization_name (f->store);
  g_assert_cmpstr (name, ==, "Elm Street Tenants' Union");
}

/* Members */

static void
test_add_member_defaults (GwTestFixture *f,
                          gconstpointer  data)
{
  g_autoptr(GwMember) draft = gw_member_new ();
  g_autoptr(GwMember) member = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *today = gw_date_today ();
  GwMemberEvent *event;
  gint64 id;

  gw_member_set_full_name (draft, "Ada Okafor");
  id = gw_store_add_member (f->store, draft, "Rosa Secretary", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (gw_store_count_members (f->store), ==, 1);

  member = gw_test_load (f->store, id);
  g_assert_cmpint (gw_member_get_id (member), ==, id);
  g_assert_cmpstr (gw_member_get_full_name (member), ==, "Ada Okafor");
  g_assert_cmpstr (gw_member_get_joined (member), ==, today);
  g_assert_cmpint (gw_member_get_stage (member), ==, GW_STAGE_VOLUNTEER);
  g_assert_cmpint (gw_member_get_status (member), ==, GW_STATUS_ACTIVE);
  g_assert_nonnull (gw_member_get_uuid (member));
  g_assert_cmpint (strlen (gw_member_get_uuid (member)), ==, 36);
  g_assert_nonnull (gw_member_get_created (member));
  g_assert_cmpstr (gw_member_get_created (member), !=, "");
  g_assert_nonnull (gw_member_get_updated (member));
  g_assert_cmpstr (gw_member_get_updated (member), !=, "");
  g_assert_cmpint (gw_member_get_recruited_by (member), ==, 0);

  history = gw_store_list_history (f->store, id);
  g_assert_nonnull (history);
  g_assert_cmpuint (history->len, ==, 1);
  event = g_ptr_array_index (history, 0);
  g_assert_cmpint (event->kind, ==, GW_EVENT_JOINED);
  g_assert_cmpstr (event->date, ==, today);
  g_assert_cmpstr (event->approver, ==, "Rosa Secretary");
  g_assert_nonnull (event->uuid);
  g_assert_cmpint (strlen (event->uuid), ==, 36);
}

static void
test_add_member_uuids_differ (GwTestFixture *f,
                              gconstpointer  data)
{
  g_autoptr(GwMember) a = gw_test_load (f->store, gw_test_add (f->store, "Ada Okafor"));
  g_autoptr(GwMember) b = gw_test_load (f->store, gw_test_add (f->store, "Ada Okafor"));

  g_assert_cmpint (gw_member_get_id (a), !=, gw_member_get_id (b));
  g_assert_cmpstr (gw_member_get_uuid (a), !=, gw_member_get_uuid (b));
}

static void
test_add_member_requires_name (GwTestFixture *f,
                               gconstpointer  data)
{
  const char *names[] = { NULL, "", "   ", "\t\n" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GwMember) draft = gw_member_new ();
      g_autoptr(GError) error = NULL;
      gint64 id;

      if (names[i] != NULL)
        gw_member_set_full_name (draft, names[i]);
      gw_member_set_phone (draft, "555-0100");
      id = gw_store_add_member (f->store, draft, "Secretary", &error);
      g_assert_cmpint (id, <=, 0);
      g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
      g_assert_cmpstr (error->message, !=, "");
    }

  g_assert_cmpint (gw_store_count_members (f->store), ==, 0);
  g_assert_cmpint (gw_test_sql_int (f->path, "SELECT count(*) FROM members"), ==, 0);
}

static void
test_add_member_rejects_bad_joined_date (GwTestFixture *f,
                                         gconstpointer  data)
{
  const char *dates[] = { "2025-02-30", "yesterday", "2024-13-01", "31/01/2024" };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(GwMember) draft = gw_member_new ();
      g_autoptr(GError) error = NULL;
      gint64 id;

      gw_member_set_full_name (draft, "Ada Okafor");
      gw_member_set_joined (draft, dates[i]);
      id = gw_store_add_member (f->store, draft, "Secretary", &error);
      g_assert_cmpint (id, <=, 0);
      g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
      g_assert_cmpstr (error->message, !=, "");
    }

  g_assert_cmpint (gw_store_count_members (f->store), ==, 0);
}

static void
test_member_round_trip (GwTestFixture *f,
                        gconstpointer  data)
{
  g_autoptr(GwMember) draft = gw_member_new ();
  g_autoptr(GwMember) member = NULL;
  g_autoptr(GError) error = NULL;
  const char *languages[] = { "Spanish", "English", NULL };
  const char *tags[] = { "tenant", "elm-street", "food drive", NULL };
  gint64 recruiter, id;

  recruiter = gw_test_add (f->store, "Rosa Luxe");

  gw_member_set_full_name (draft, "José Martínez");
  gw_member_set_community_name (draft, "Pepe");
  gw_member_set_pronouns (draft, "he/him");
  gw_member_set_phone (draft, "(555) 010-1234");
  gw_member_set_email (draft, "jose@example.org");
  gw_member_set_neighbourhood (draft, "Elm Street, east side");
  gw_member_set_languages (draft, languages);
  gw_member_set_skills (draft, "Cooking for 50; drives a van");
  gw_member_set_notes (draft, "Prefers calls after 6 pm.\nKnows the building manager.");
  gw_member_set_tags (draft, tags);
  gw_member_set_joined (draft, "2023-05-17");
  gw_member_set_recruited_by (draft, recruiter);

  id = gw_store_add_member (f->store, draft, "Secretary", &error);
  g_assert_no_error (error);

  /* Through a fresh connection, so nothing is remembered from the draft. */
  gw_test_fixture_reopen (f);
  member = gw_test_load (f->store, id);
  g_assert_cmpstr (gw_member_get_full_name (member), ==, "José Martínez");
  g_assert_cmpstr (gw_member_get_community_name (member), ==, "Pepe");
  g_assert_cmpstr (gw_member_get_pronouns (member), ==, "he/him");
  g_assert_cmpstr (gw_member_get_phone (member), ==, "(555) 010-1234");
  g_assert_cmpstr (gw_member_get_email (member), ==, "jose@example.org");
  g_assert_cmpstr (gw_member_get_neighbourhood (member), ==, "Elm Street, east side");
  g_assert_nonnull (gw_member_get_languages (member));
  g_assert_true (g_strv_equal ((const char * const *) languages, gw_member_get_languages (member)));
  g_assert_cmpstr (gw_member_get_skills (member), ==, "Cooking for 50; drives a van");
  g_assert_cmpstr (gw_member_get_notes (member), ==,
                   "Prefers calls after 6 pm.\nKnows the building manager.");
  g_assert_nonnull (gw_member_get_tags (member));
  g_assert_true (g_strv_equal ((const char * const *) tags, gw_member_get_tags (member)));
  g_assert_cmpstr (gw_member_get_joined (member), ==, "2023-05-17");
  g_assert_cmpint (gw_member_get_recruited_by (member), ==, recruiter);
  g_assert_cmpstr (gw_member_get_recruited_by_name (member), ==, "Rosa Luxe");
}

static void
test_update_member (GwTestFixture *f,
                    gconstpointer  data)
{
  g_autoptr(GwMember) member = NULL;
  g_autoptr(GwMember) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *updated_before = NULL;
  g_autofree char *sql = NULL;
  const char *tags[] = { "driver", NULL };
  gint64 id;

  id = gw_test_add_person (f->store, "Ana Lopez", "555-0100", NULL);
  member = gw_test_load (f->store, id);

  /* Make the recorded time clearly older, so a new stamp is visible
   * whatever the timestamp's resolution. */
  sql = g_strdup_printf ("UPDATE members SET updated = '2000-01-01T00:00:00Z' WHERE id = %"
                         G_GINT64_FORMAT, id);
  g_assert_cmpint (gw_test_sql_exec (f->path, sql, NULL), ==, SQLITE_OK);
  g_clear_object (&member);
  member = gw_test_load (f->store, id);
  updated_before = g_strdup (gw_member_get_updated (member));

  gw_member_set_full_name (member, "Ana López");
  gw_member_set_phone (member, "555-0199");
  gw_member_set_email (member, "ana@example.net");
  gw_member_set_tags (member, tags);
  gw_member_set_joined (member, "2022-11-02");
  g_assert_true (gw_store_update_member (f->store, member, &error));
  g_assert_no_error (error);

  reloaded = gw_test_load (f->store, id);
  g_assert_cmpstr (gw_member_get_full_name (reloaded), ==, "Ana López");
  g_assert_cmpstr (gw_member_get_phone (reloaded), ==, "555-0199");
  g_assert_cmpstr (gw_member_get_email (reloaded), ==, "ana@example.net");
  g_assert_true (g_strv_equal (tags, gw_member_get_tags (reloaded)));
  g_assert_cmpstr (gw_member_get_joined (reloaded), ==, "2022-11-02");
  g_assert_cmpstr (gw_member_get_uuid (reloaded), ==, gw_member_get_uuid (member));
  g_assert_cmpstr (gw_member_get_updated (reloaded), !=, updated_before);
  g_assert_cmpstr (gw_member_get_updated (reloaded), >, updated_before);
  g_assert_cmpint (gw_store_count_members (f->store), ==, 1);

  /* An edit that empties the name is refused and changes nothing. */
  gw_member_set_full_name (reloaded, "  ");
  gw_member_set_phone (reloaded, "555-0000");
  g_assert_false (gw_store_update_member (f->store, reloaded, &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  gw_member_set_full_name (reloaded, "Ana López");
  gw_member_set_joined (reloaded, "2025-02-30");
  g_assert_false (gw_store_update_member (f->store, reloaded, &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_object (&reloaded);
  reloaded = gw_test_load (f->store, id);
  g_assert_cmpstr (gw_member_get_full_name (reloaded), ==, "Ana López");
  g_assert_cmpstr (gw_member_get_phone (reloaded), ==, "555-0199");
  g_assert_cmpstr (gw_member_get_joined (reloaded), ==, "2022-11-02");
}

static void
test_load_missing_member (GwTestFixture *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwMember) member = gw_store_load_member (f->store, 4242, &error);

  g_assert_null (member);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND);
}

static void
test_delete_restore_purge (GwTestFixture *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwMember) member = NULL;
  g_autoptr(GPtrArray) found = NULL;
  gint64 ada, bo;
  guint history_len;

  ada = gw_test_add (f->store, "Ada Okafor");
  bo = gw_test_add (f->store, "Bo Chen");
  gw_test_raise_to (f->store, ada, GW_STAGE_MEMBER);
  history_len = gw_test_history_length (f->store, ada);
  g_assert_cmpuint (history_len, >=, 3);

  g_assert_true (gw_store_delete_member (f->store, ada, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gw_store_count_members (f->store), ==, 1);

  member = gw_store_load_member (f->store, ada, &error);
  g_assert_null (member);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  found = gw_store_search_member_names (f->store, "Ada", 10);
  g_assert_nonnull (found);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Restoring brings the person back as they were, history and all. */
  g_assert_true (gw_store_restore_member (f->store, ada, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gw_store_count_members (f->store), ==, 2);
  member = gw_test_load (f->store, ada);
  g_assert_cmpstr (gw_member_get_full_name (member), ==, "Ada Okafor");
  g_assert_cmpint (gw_member_get_stage (member), ==, GW_STAGE_MEMBER);
  g_assert_cmpuint (gw_test_history_length (f->store, ada), ==, history_len);
  g_clear_object (&member);

  /* Purging removes only what was deleted. */
  g_assert_true (gw_store_delete_member (f->store, bo, &error));
  g_assert_no_error (error);
  g_assert_true (gw_store_purge_deleted (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gw_store_count_members (f->store), ==, 1);
  g_assert_cmpint (gw_test_sql_int (f->path, "SELECT count(*) FROM members"), ==, 1);
  g_assert_false (gw_store_restore_member (f->store, bo, &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  member = gw_store_load_member (f->store, bo, &error);
  g_assert_null (member);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  member = gw_test_load (f->store, ada);
  g_assert_cmpuint (gw_test_history_length (f->store, ada), ==, history_len);
}

static void
test_purging_recruiter_keeps_recruit (GwTestFixture *f,
                                      gconstpointer  data)
{
  g_autoptr(GwMember) draft = gw_member_new ();
  g_autoptr(GwMember) recruit = NULL;
  g_autoptr(GError) error = NULL;
  gint64 recruiter, id;

  recruiter = gw_test_add (f->store, "Rosa Luxe");
  gw_member_set_full_name (draft, "Ada Okafor");
  gw_member_set_recruited_by (draft, recruiter);
  id = gw_store_add_member (f->store, draft, "Secretary", &error);
  g_assert_no_error (error);

  /* The store's connection enforces the schema's references: removing the
   * recruiter for good leaves the recruit, without a dangling link. */
  gw_store_delete_member (f->store, recruiter, &error);
  g_assert_no_error (error);
  gw_store_purge_deleted (f->store, &error);
  g_assert_no_error (error);

  recruit = gw_test_load (f->store, id);
  g_assert_cmpint (gw_member_get_recruited_by (recruit), ==, 0);
  g_assert_cmpint (gw_test_sql_int (f->path,
                                    "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (gw_test_sql_int (f->path, "SELECT count(*) FROM member_events"), ==, 1);
}

/* Someone recruited by a person since removed can still be edited, and
 * the link stays for Undo to bring back; a new person cannot name a
 * removed recruiter. */
static void
test_editing_recruit_of_removed (GwTestFixture *f,
                                 gconstpointer  data)
{
  g_autoptr(GwMember) draft = gw_member_new ();
  g_autoptr(GwMember) recruit = NULL;
  g_autoptr(GwMember) other = gw_member_new ();
  g_autoptr(GError) error = NULL;
  gint64 recruiter, id;

  recruiter = gw_test_add (f->store, "Rosa Luxe");
  gw_member_set_full_name (draft, "Ada Okafor");
  gw_member_set_recruited_by (draft, recruiter);
  id = gw_store_add_member (f->store, draft, "Secretary", &error);
  g_assert_no_error (error);
  g_assert_true (gw_store_delete_member (f->store, recruiter, &error));
  g_assert_no_error (error);

  recruit = gw_test_load (f->store, id);
  g_assert_null (gw_member_get_recruited_by_name (recruit));
  gw_member_set_pronouns (recruit, "she/her");
  g_assert_true (gw_store_update_member (f->store, recruit, &error));
  g_assert_no_error (error);

  gw_member_set_full_name (other, "Bo Chen");
  gw_member_set_recruited_by (other, recruiter);
  g_assert_cmpint (gw_store_add_member (f->store, other, "Secretary", &error), ==, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (gw_store_restore_member (f->store, recruiter, &error));
  g_assert_no_error (error);
  g_clear_object (&recruit);
  recruit = gw_test_load (f->store, id);
  g_assert_cmpstr (gw_member_get_pronouns (recruit), ==, "she/her");
  g_assert_cmpstr (gw_member_get_recruited_by_name (recruit), ==, "Rosa Luxe");
}

static void
on_members_changed (GwStore *store,
                    gint64   id,
                    GArray  *ids)
{
  g_array_append_val (ids, id);
}

static void
test_members_changed_signal (GwTestFixture *f,
                             gconstpointer  data)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GwMember) member = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_signal_connect (f->store, "members-changed", G_CALLBACK (on_members_changed), ids);

  id = gw_test_add (f->store, "Ada Okafor");
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, id);

  member = gw_test_load (f->store, id);
  gw_member_set_phone (member, "555-0100");
  gw_store_update_member (f->store, member, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, id);

  gw_store_delete_member (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpint (g_array_index (ids, gint64, 2), ==, id);

  /* A refused change tells nobody anything changed. */
  gw_member_set_full_name (member, "");
  g_assert_false (gw_store_update_member (f->store, member, &error));
  g_clear_error (&error);
  g_assert_cmpuint (ids->len, ==, 3);

  g_signal_handlers_disconnect_by_func (f->store, on_members_changed, ids);
}

/* Duplicates */

static gboolean
contains_member (GPtrArray *members,
                 gint64     id)
{
  for (guint i = 0; i < members->len; i++)
    if (gw_member_get_id (g_ptr_array_index (members, i)) == id)
      return TRUE;
  return FALSE;
}

typedef struct
{
  const char *full_name;
  const char *phone;
  const char *email;
  int         expected;   /* index into the existing people, or -1 for none */
} DuplicateCase;

static void
test_find_duplicates (GwTestFixture *f,
                      gconstpointer  data)
{
  gint64 existing[4];
  const DuplicateCase cases[] = {
    { "Someone Else",     "555 010 1234",   NULL,                 0 },
    { "Someone Else",     "5550101234",     NULL,                 0 },
    { "Someone Else",     NULL,             "jose.m@example.ORG", 0 },
    { "Jose Martinez",    NULL,             NULL,                 0 },
    { "jose martinez",    NULL,             NULL,                 0 },
    { "Maria Lopez",      NULL,             NULL,                 1 },
    { "Nguyen Van Ahn",   NULL,             NULL,                 2 },
    { "Sarah Connor",     "555-999-8888",   "sarah@example.com",  -1 },
    { "Kwame Mensah",     NULL,             NULL,                 -1 },
  };

  existing[0] = gw_test_add_person (f->store, "José Martínez", "(555) 010-1234", "Jose.M@Example.org");
  existing[1] = gw_test_add_person (f->store, "María López", "555-0200", "maria@example.org");
  existing[2] = gw_test_add_person (f->store, "Nguyen Van Anh", "555-0300", NULL);
  existing[3] = gw_test_add_person (f->store, "Robert Smith", "555-0400", "bob@example.org");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GwMember) draft = gw_member_new ();
      g_autoptr(GPtrArray) found = NULL;

      gw_member_set_full_name (draft, cases[i].full_name);
      if (cases[i].phone != NULL)
        gw_member_set_phone (draft, cases[i].phone);
      if (cases[i].email != NULL)
        gw_member_set_email (draft, cases[i].email);

      found = gw_store_find_duplicates (f->store, draft);
      g_assert_nonnull (found);
      g_test_message ("case %u: %s", i, cases[i].full_name);

      if (cases[i].expected < 0)
        {
          g_assert_cmpuint (found->len, ==, 0);
        }
      else
        {
          g_assert_cmpuint (found->len, ==, 1);
          g_assert_true (GW_IS_MEMBER (g_ptr_array_index (found, 0)));
          g_assert_true (contains_member (found, existing[cases[i].expected]));
        }
    }
}

typedef struct
{
  const char *full_name;
  const char *phone;
  const char *email;
  int         expected[3];  /* indexes into the people, closest first, ended by -1 */
} WordsCase;

/* A walk-in often gives fewer names than the roster holds, or more, or in
 * another order. */
static void
test_find_duplicates_by_words (GwTestFixture *f,
                               gconstpointer  data)
{
  gint64 people[6];
  const WordsCase cases[] = {
    /* The tester's examples: a dropped accent and surname, a typo, the
     * other surname, and the surnames first (which also finds the shorter
     * Efraín Morales, further away). */
    { "efrain gonzales",               NULL,       NULL,              { 0, -1 } },
    { "Efrain Gonzalez",               NULL,       NULL,              { 0, -1 } },
    { "Efraín Morales",                NULL,       NULL,              { 1, 0, -1 } },
    { "Gonzalez Morales Efrain",       NULL,       NULL,              { 0, 1, -1 } },
    /* A longer name than the roster's. */
    { "María Fernández de la Cruz",    NULL,       NULL,              { 2, -1 } },
    /* One word in common is not enough, even when each of the other
     * words is someone else's. */
    { "Maria Lopez",                   NULL,       NULL,              { -1 } },
    { "Maria Ortega",                  NULL,       NULL,              { -1 } },
    { "Lucia Fernandez",               NULL,       NULL,              { -1 } },
    /* One word alone is matched only as a whole name. */
    { "Efrain",                        NULL,       NULL,              { -1 } },
    { "Lopez",                         NULL,       NULL,              { -1 } },
    /* Words of one or two letters must be the same. */
    { "Vo Thanh",                      NULL,       NULL,              { -1 } },
    { "Le Thanh",                      NULL,       NULL,              { 5, -1 } },
    /* Phone and e-mail still find a person, first. */
    { "E. G.",                         "5550047",  NULL,              { 0, -1 } },
    { "Someone Else",                  NULL,       "LUCIA@example.org", { 3, -1 } },
    { "Efrain Morales",                "555-0210", NULL,              { 4, 1, 0 } },
  };

  people[0] = gw_test_add_person (f->store, "Efraín González Morales", "555-0047", NULL);
  people[1] = gw_test_add_person (f->store, "Efraín Morales", "555-0110", NULL);
  people[2] = gw_test_add_person (f->store, "María Fernández", "555-0120", NULL);
  people[3] = gw_test_add_person (f->store, "Lucía López Ortega", "555-0130", "lucia@example.org");
  people[4] = gw_test_add_person (f->store, "Kwame Mensah", "555-0210", NULL);
  people[5] = gw_test_add_person (f->store, "Lê Văn Thành", "555-0220", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GwMember) draft = gw_member_new ();
      g_autoptr(GPtrArray) found = NULL;
      guint n_expected = 0;

      gw_member_set_full_name (draft, cases[i].full_name);
      if (cases[i].phone != NULL)
        gw_member_set_phone (draft, cases[i].phone);
      if (cases[i].email != NULL)
        gw_member_set_email (draft, cases[i].email);

      g_test_message ("case %u: %s", i, cases[i].full_name);
      found = gw_store_find_duplicates (f->store, draft);
      g_assert_nonnull (found);

      while (n_expected < G_N_ELEMENTS (cases[i].expected) && cases[i].expected[n_expected] >= 0)
        n_expected++;

      g_assert_cmpuint (found->len, ==, n_expected);
      for (guint k = 0; k < n_expected; k++)
        g_assert_cmpint (gw_member_get_id (g_ptr_array_index (found, k)), ==,
                         people[cases[i].expected[k]]);
    }
}

/* Points of unity */

static void
test_unity_versions (GwTestFixture *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwUnityVersion) none = gw_store_dup_current_unity (f->store);
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GwUnityVersion) current = NULL;
  const char *texts[] = { "Housing is a right.", "Housing is a right.\nWe decide together.",
                          "Housing is a right.\nWe decide together.\nNo landlord money." };

  g_assert_null (none);
  versions = gw_store_list_unity_versions (f->store);
  g_assert_nonnull (versions);
  g_assert_cmpuint (versions->len, ==, 0);
  g_clear_pointer (&versions, g_ptr_array_unref);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GwUnityVersion) v = gw_store_add_unity_version (f->store, texts[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (v);
      g_assert_cmpint (v->number, ==, i + 1);
      g_assert_cmpstr (v->text, ==, texts[i]);
    }

  gw_test_fixture_reopen (f);
  current = gw_store_dup_current_unity (f->store);
  g_assert_nonnull (current);
  g_assert_cmpint (current->number, ==, 3);
  g_assert_cmpstr (current->text, ==, texts[2]);

  versions = gw_store_list_unity_versions (f->store);
  g_assert_cmpuint (versions->len, ==, 3);
  for (guint i = 0; i < versions->len; i++)
    {
      GwUnityVersion *v = g_ptr_array_index (versions, i);
      gboolean seen = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (texts); j++)
        if (v->number == (int) j + 1)
          {
            g_assert_cmpstr (v->text, ==, texts[j]);
            seen = TRUE;
          }
      g_assert_true (seen);
      g_assert_nonnull (v->created);
    }
}

static void
test_reader_connection (GwTestFixture *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) reader = NULL;
  g_autoptr(GwMember) seen = NULL;
  g_autoptr(GwMember) draft = gw_member_new ();
  gint64 first = gw_test_add (f->store, "Ada Okafor");
  gint64 second;

  reader = gw_store_open_reader (f->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reader);
  g_assert_true (gw_store_is_read_only (reader));

  seen = gw_store_load_member (reader, first, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gw_member_get_full_name (seen), ==, "Ada Okafor");

  /* The reader cannot write, and says so. */
  gw_member_set_full_name (draft, "Bea Lin");
  g_assert_cmpint (gw_store_add_member (reader, draft, NULL, &error), ==, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* What the writer commits later is what the reader sees next. */
  second = gw_test_add (f->store, "Chidi Obi");
  g_assert_cmpuint (gw_store_count_members (reader), ==, 2);
  g_clear_object (&seen);
  seen = gw_store_load_member (reader, second, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gw_member_get_full_name (seen), ==, "Chidi Obi");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD_F(path, func) \
  g_test_add (path, GwTestFixture, NULL, gw_test_fixture_set_up, func, gw_test_fixture_tear_down)

  g_test_add_func ("/core/store/creates-database-in-private-dir", test_creates_database_in_private_dir);
  g_test_add_func ("/core/store/creates-database-in-empty-file", test_creates_database_in_empty_file);
  g_test_add_func ("/core/store/side-files-made-writable", test_side_files_made_writable);
  g_test_add_func ("/core/store/refuses-text-file", test_refuses_text_file);
  g_test_add_func ("/core/store/refuses-other-application-database", test_refuses_other_application_database);
  g_test_add_func ("/core/store/refuses-damaged-database", test_refuses_damaged_database);
  g_test_add_func ("/core/store/refuses-newer-schema", test_refuses_newer_schema);
  g_test_add_func ("/core/store/opens-read-only-file", test_opens_read_only_file);
  ADD_F ("/core/store/reopen-keeps-data", test_reopen_keeps_data);
  ADD_F ("/core/store/uses-wal-and-foreign-keys", test_uses_wal_and_foreign_keys);
  ADD_F ("/core/store/settings-persist", test_settings_persist);

  ADD_F ("/core/store/members/add-sets-defaults", test_add_member_defaults);
  ADD_F ("/core/store/members/uuids-differ", test_add_member_uuids_differ);
  ADD_F ("/core/store/members/refuses-missing-name", test_add_member_requires_name);
  ADD_F ("/core/store/members/refuses-bad-joined-date", test_add_member_rejects_bad_joined_date);
  ADD_F ("/core/store/members/round-trips-every-field", test_member_round_trip);
  ADD_F ("/core/store/members/update", test_update_member);
  ADD_F ("/core/store/members/load-missing", test_load_missing_member);
  ADD_F ("/core/store/members/delete-restore-purge", test_delete_restore_purge);
  ADD_F ("/core/store/members/purging-recruiter-keeps-recruit", test_purging_recruiter_keeps_recruit);
  ADD_F ("/core/store/members/editing-recruit-of-removed", test_editing_recruit_of_removed);
  ADD_F ("/core/store/members/changed-signal", test_members_changed_signal);
  ADD_F ("/core/store/members/find-duplicates", test_find_duplicates);
  ADD_F ("/core/store/members/find-duplicates-by-words", test_find_duplicates_by_words);

  ADD_F ("/core/store/unity/versions-are-numbered-and-kept", test_unity_versions);
  ADD_F ("/core/store/reader-sees-committed-changes", test_reader_connection);

#undef ADD_F

  return g_test_run ();
}
