/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Helpers shared by the core tests: a private temporary directory per test,
 * a second raw SQLite connection to look at the file as another program
 * would, and short ways to put people on the roster. */

#include <errno.h>
#include <string.h>
#include <sqlite3.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "gw-store.h"
#include "gw-store-members.h"
#include "gw-member.h"
#include "gw-member-event.h"
#include "gw-ladder.h"
#include "gw-checklist.h"

/* SQL that takes away what migration 5 (the ledger's per-year and
 * all-time source summaries) added, to make a database of version 4. */
#define GW_TEST_DROP_LEDGER_5 \
  "DROP TRIGGER ledger_totals_parties; DROP INDEX party_totals_by_party;" \
  "DROP TABLE party_all_totals; DROP TABLE party_year_totals;"

/* SQL that takes away everything migration 4 (the ledger) and later
 * added, to make a database of version 3 out of one of this build's. */
#define GW_TEST_DROP_LEDGER \
  GW_TEST_DROP_LEDGER_5 \
  "DROP TABLE drive_totals; DROP TABLE goods_totals; DROP TABLE party_totals;" \
  "DROP TABLE ledger_totals; DROP TABLE ledger_entries;" \
  "DROP TABLE drive_goals; DROP TABLE drives;"

/* SQL that takes away everything migrations 3 (the notebook) and later
 * added, to make a database of an older version out of one of this
 * build's. */
#define GW_TEST_DROP_NOTEBOOK \
  GW_TEST_DROP_LEDGER \
  "DROP TABLE notes_fts; DROP TABLE forces_fts; DROP TABLE needs_fts;" \
  "DROP TABLE contradictions_fts; DROP TABLE rules_fts;" \
  "DROP TABLE contradiction_changes; DROP TABLE contradiction_forces; DROP TABLE contradictions;" \
  "DROP TABLE note_rules; DROP TABLE note_needs; DROP TABLE note_forces;" \
  "DROP TABLE note_members; DROP TABLE note_tags; DROP TABLE notes;" \
  "DROP TABLE legal_rules; DROP TABLE need_forces; DROP TABLE needs;" \
  "DROP TABLE force_relations; DROP TABLE stance_judgements; DROP TABLE forces;" \
  "DROP TABLE force_kinds;"

G_BEGIN_DECLS

typedef struct
{
  char    *dir;
  char    *path;
  GwStore *store;
} GwTestFixture;

static inline void
gw_test_remove_tree (const char *path)
{
  GDir *dir;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_remove (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          gw_test_remove_tree (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

static inline char *
gw_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("groundwork-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

/* Asks nothing of a promotion beyond the ladder's own rules (one step at a
 * time, agreement to the points of unity), for tests about those rules;
 * tests/test-checklist.c sets its requirements itself. */
static inline void
gw_test_waive_requirements (GwStore *store)
{
  static const struct { GwStage target; GwRequirementKind kind; } waived[] = {
    { GW_STAGE_MEMBER, GW_REQUIREMENT_STUDY_SESSIONS },
    { GW_STAGE_CADRE, GW_REQUIREMENT_MONTHS_AS_MEMBER },
    { GW_STAGE_CADRE, GW_REQUIREMENT_STUDY_SESSIONS },
    { GW_STAGE_CADRE, GW_REQUIREMENT_SECRETARY_TURNS },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (waived); i++)
    {
      gw_checklist_set_required (store, waived[i].target, waived[i].kind, 0, &error);
      g_assert_no_error (error);
    }
}

static inline void
gw_test_fixture_set_up (GwTestFixture *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = gw_test_make_dir ();
  f->path = g_build_filename (f->dir, "groundwork.db", NULL);
  f->store = gw_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
  gw_test_waive_requirements (f->store);
}

static inline void
gw_test_fixture_tear_down (GwTestFixture *f,
                           gconstpointer  data)
{
  g_clear_object (&f->store);
  gw_test_remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->path, g_free);
}

/* Reopens the fixture's store, as a person does when they restart the app. */
static inline void
gw_test_fixture_reopen (GwTestFixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->store);
  f->store = gw_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

/* The whole file, to prove that a refusal did not change a byte. */
static inline GBytes *
gw_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static inline void
gw_test_assert_file_unchanged (const char *path,
                               GBytes     *before)
{
  g_autoptr(GBytes) after = gw_test_read_file (path);

  g_assert_cmpuint (g_bytes_get_size (after), ==, g_bytes_get_size (before));
  g_assert_true (g_bytes_equal (after, before));
}

/* Runs SQL on a second, raw connection. Returns the SQLite result code;
 * the error message, if any, goes to @errmsg. */
static inline int
gw_test_sql_exec (const char  *path,
                  const char  *sql,
                  char       **errmsg)
{
  sqlite3 *db = NULL;
  char *msg = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  rc = sqlite3_exec (db, sql, NULL, NULL, &msg);
  if (errmsg != NULL)
    *errmsg = msg != NULL ? g_strdup (msg) : NULL;
  sqlite3_free (msg);
  sqlite3_close (db);
  return rc;
}

static inline gint64
gw_test_sql_int (const char *path,
                 const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  rc = sqlite3_step (stmt);
  g_assert_cmpint (rc, ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static inline char *
gw_test_sql_text (const char *path,
                  const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  rc = sqlite3_step (stmt);
  g_assert_cmpint (rc, ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static inline gint64
gw_test_add_person (GwStore    *store,
                    const char *full_name,
                    const char *phone,
                    const char *email)
{
  g_autoptr(GwMember) draft = gw_member_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  gw_member_set_full_name (draft, full_name);
  /* Before any of the dates the tests record on the ladder, so that a
   * history, which reads in date order, reads in the order it was made. */
  gw_member_set_joined (draft, "2023-01-15");
  if (phone != NULL)
    gw_member_set_phone (draft, phone);
  if (email != NULL)
    gw_member_set_email (draft, email);
  id = gw_store_add_member (store, draft, "Test Secretary", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static inline gint64
gw_test_add (GwStore    *store,
             const char *full_name)
{
  return gw_test_add_person (store, full_name, NULL, NULL);
}

static inline GwMember *
gw_test_load (GwStore *store,
              gint64   id)
{
  g_autoptr(GError) error = NULL;
  GwMember *member = gw_store_load_member (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (member);
  return member;
}

/* Moves a person up the ladder the proper way, one step at a time, with
 * agreement to the current points of unity. */
static inline void
gw_test_raise_to (GwStore *store,
                  gint64   id,
                  GwStage  target)
{
  g_autoptr(GwUnityVersion) unity = gw_store_dup_current_unity (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwMember) member = NULL;

  if (unity == NULL)
    {
      unity = gw_store_add_unity_version (store, "We are all tenants.", &error);
      g_assert_no_error (error);
      g_assert_nonnull (unity);
    }

  if (!gw_ladder_has_current_agreement (store, id))
    {
      gw_ladder_record_agreement (store, id, "2024-01-10", "Test Witness", NULL, &error);
      g_assert_no_error (error);
    }

  member = gw_test_load (store, id);
  while (gw_member_get_stage (member) < target)
    {
      gw_ladder_promote (store, id, "2024-02-01", "Test Secretary", NULL, &error);
      g_assert_no_error (error);
      g_clear_object (&member);
      member = gw_test_load (store, id);
    }
  g_assert_cmpint (gw_member_get_stage (member), ==, target);
}

static inline guint
gw_test_history_length (GwStore *store,
                        gint64   id)
{
  g_autoptr(GPtrArray) history = gw_store_list_history (store, id);

  g_assert_nonnull (history);
  return history->len;
}

G_END_DECLS
