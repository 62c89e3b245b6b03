/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "gw-csv-import.h"
#include "gw-csv.h"
#include "gw-demo.h"
#include "gw-exchange.h"
#include "gw-member-list.h"
#include "gw-store.h"

/* How long sharing takes with a large chapter: exporting everything to the
 * JSON exchange format, importing that file into an empty database and
 * previewing it against the database it came from, reading and checking a
 * spreadsheet of 100,000 people, and writing the roster as CSV. For
 * comparison it also times the sqlite3 shell dumping the same tables as
 * JSON. This is a tool for developers; its output is not translated.
 *
 * The database is built with gw_demo_fill(), the generator the other
 * benchmarks use (people with names, phones, e-mails, neighbourhoods,
 * languages, tags, notes and three years of stage history, plus meetings,
 * the notebook and the ledger), or reused with --database. Nothing here
 * writes to that database. */

#define SEED 4242
#define APPROVER "Benchmark"

/* The aim: with 100,000 members, export and import each finish in
 * under two seconds. */
#define AIM_MS 2000.0

static int people = 100000;
static int csv_rows = 100000;
static int repeats = 3;
static char *database;
static gboolean keep;

static const GOptionEntry entries[] = {
  { "people", 'n', 0, G_OPTION_ARG_INT, &people,
    "How many people to put in the database (default 100000)", "N" },
  { "rows", 'r', 0, G_OPTION_ARG_INT, &csv_rows,
    "Rows in the spreadsheet (default 100000)", "N" },
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
    "Database to build, or to reuse when it exists (it is only read)", "PATH" },
  { "repeat", 0, 0, G_OPTION_ARG_INT, &repeats,
    "Runs of each repeatable measurement; the best is printed (default 3)", "N" },
  { "keep", 'k', 0, G_OPTION_ARG_NONE, &keep,
    "Keep the temporary directory (exports, spreadsheets, databases) and print its path", NULL },
  { NULL }
};

static char *tmp_dir;

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : -1;
}

static char *
format_size (gint64 bytes)
{
  if (bytes < 0)
    return g_strdup ("?");
  return g_strdup_printf ("%.1f MB", bytes / (1024.0 * 1024.0));
}

static void
line (const char *what,
      double      ms,
      const char *how)
{
  printf ("  %-58s %9.0f ms  %s\n", what, ms, how);
  fflush (stdout);
}

static void
die (const char *what,
     GError     *error)
{
  fprintf (stderr, "%s: %s\n", what, error != NULL ? error->message : "failed");
  exit (EXIT_FAILURE);
}

static const char *
best_of (void)
{
  static char text[32];

  if (repeats <= 1)
    return "(one run)";
  g_snprintf (text, sizeof text, "(best of %d)", repeats);
  return text;
}

static void
remove_database (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* A new, empty database in the temporary directory. */
static GwStore *
open_empty (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_path (name);
  GwStore *store;

  remove_database (path);
  store = gw_store_open (path, &error);
  if (store == NULL)
    die ("Cannot make an empty database", error);
  return store;
}

/* Exporting */

static double
time_export (GwStore           *store,
             const char        *path,
             GwExchangePrivacy  privacy)
{
  double best = G_MAXDOUBLE;

  for (int i = 0; i < MAX (repeats, 1); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!gw_exchange_export (store, path, GW_AREA_ALL, privacy, NULL, NULL, NULL, &error))
        die ("Export failed", error);
      best = MIN (best, elapsed_ms (start));
    }

  return best;
}

/* Runs `sqlite3 -json DB SQL` with its output going to @out_path; returns
 * the best wall time, or -1 when sqlite3 is not there. */
static double
time_sqlite3_json (const char *db_path,
                   const char *sql,
                   const char *out_path)
{
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  double best = G_MAXDOUBLE;

  if (sqlite3 == NULL)
    return -1;

  for (int i = 0; i < MAX (repeats, 1); i++)
    {
      g_autoptr(GError) error = NULL;
      const char *argv[] = { sqlite3, "-json", "-readonly", db_path, sql, NULL };
      gint64 start;
      GPid pid;
      int status;
      int fd;

      fd = g_open (out_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
      if (fd < 0)
        {
          fprintf (stderr, "Cannot write %s: %s\n", out_path, g_strerror (errno));
          return -1;
        }

      start = g_get_monotonic_time ();
      if (!g_spawn_async_with_pipes_and_fds (NULL, argv, NULL,
                                             G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                             -1, fd, -1, NULL, NULL, 0,
                                             &pid, NULL, NULL, NULL, &error))
        {
          close (fd);
          die ("Cannot run sqlite3", error);
        }
      close (fd);

      while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
        ;
      best = MIN (best, elapsed_ms (start));
      g_spawn_close_pid (pid);

      if (!g_spawn_check_wait_status (status, &error))
        die ("sqlite3 failed", error);
    }

  return best;
}

/* Importing the exchange file */

static void
print_counts (GwExchangeImport *import)
{
  for (guint bit = GW_AREA_MEMBERS; bit <= GW_AREA_LEDGER; bit <<= 1)
    {
      GwExchangeCounts counts;

      gw_exchange_import_get_counts (import, bit, &counts);
      printf ("    %-9s %7u new  %7u updated  %7u unchanged  %5u conflicts\n",
              gw_exchange_area_to_string (bit),
              counts.added, counts.updated, counts.unchanged, counts.conflicts);
    }
}

/* The spreadsheet */

typedef struct
{
  char *first;
  char *last;
  char *phone;
  char *email;
  char *neighbourhood;
} Person;

static void
person_clear (gpointer data)
{
  Person *person = data;

  g_free (person->first);
  g_free (person->last);
  g_free (person->phone);
  g_free (person->email);
  g_free (person->neighbourhood);
}

/* The people of the database as a spreadsheet would list them. Read with
 * plain SQL: the roster's own list model would build objects we do not
 * need. */
static GArray *
read_people (const char *db_path)
{
  GArray *result = g_array_new (FALSE, TRUE, sizeof (Person));
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_array_set_clear_func (result, person_clear);

  if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "SELECT full_name, phone, email, neighbourhood FROM members"
                              " WHERE deleted = 0 ORDER BY id", -1, &stmt, NULL) != SQLITE_OK)
    {
      fprintf (stderr, "Cannot read the people: %s\n", sqlite3_errmsg (db));
      exit (EXIT_FAILURE);
    }

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      const char *space = strrchr (name, ' ');
      Person person;

      person.first = space != NULL ? g_strndup (name, space - name) : g_strdup (name);
      person.last = g_strdup (space != NULL ? space + 1 : "");
      person.phone = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      person.email = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      person.neighbourhood = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_array_append_val (result, person);
    }

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

/* Writes @rows people: 40 % are on the roster as they are there (same
 * phone and e-mail), 10 % are on it with a new phone and no e-mail (found
 * by name, if at all), the rest are new: a first name and a last name from
 * two different people, a new phone and a new e-mail (a few of these
 * still come out close to someone's name). */
static void
write_spreadsheet (GArray     *people_list,
                   const char *path,
                   guint       rows)
{
  g_autoptr(GString) out = g_string_sized_new (rows * 80);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  guint n = people_list->len;

  gw_csv_append_cell (out, "First name");
  gw_csv_append_cell (out, "Last name");
  gw_csv_append_cell (out, "Phone");
  gw_csv_append_cell (out, "E-mail");
  gw_csv_append_cell (out, "Neighbourhood");
  gw_csv_end_row (out);

  for (guint i = 0; i < rows; i++)
    {
      const Person *person = &g_array_index (people_list, Person, i % n);
      guint kind = i % 10;

      if (kind < 4)
        {
          gw_csv_append_cell (out, person->first);
          gw_csv_append_cell (out, person->last);
          gw_csv_append_cell (out, person->phone);
          gw_csv_append_cell (out, person->email);
        }
      else
        {
          const Person *other = &g_array_index (people_list, Person,
                                                g_rand_int_range (rand, 0, n));
          char phone[32];
          char email[64];

          g_snprintf (phone, sizeof phone, "(555) 9%02u-%04u", (i / 10000) % 100, i % 10000);
          g_snprintf (email, sizeof email, "new.person.%u@example.org", i);

          if (kind == 4)
            {
              gw_csv_append_cell (out, person->first);
              gw_csv_append_cell (out, person->last);
              gw_csv_append_cell (out, phone);
              gw_csv_append_cell (out, "");
            }
          else
            {
              gw_csv_append_cell (out, person->first);
              gw_csv_append_cell (out, other->last);
              gw_csv_append_cell (out, phone);
              gw_csv_append_cell (out, email);
            }
        }
      gw_csv_append_cell (out, person->neighbourhood);
      gw_csv_end_row (out);
    }

  if (!g_file_set_contents (path, out->str, out->len, &error))
    die ("Cannot write the spreadsheet", error);
}

static GwCsvTable *
read_spreadsheet (const char *path)
{
  g_autoptr(GError) error = NULL;
  GwCsvTable *table = gw_csv_read_file (path, NULL, &error);

  if (table == NULL)
    die ("Cannot read the spreadsheet", error);
  return table;
}

/* Counts the rows the check marked, by reason: "Same phone", "Same
 * e-mail", "Similar name", "Same as line N" (all counted as one). */
static void
print_duplicates (GwCsvImport *import)
{
  g_autoptr(GHashTable) reasons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_rows = gw_csv_import_get_n_rows (import);
  guint with_duplicate = 0;
  guint with_problem = 0;
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < n_rows; i++)
    {
      GwCsvRow *row = gw_csv_import_get_row (import, i);

      if (row->problem != NULL)
        with_problem++;
      if (row->duplicate_reason != NULL)
        {
          const char *reason = row->duplicate_reason;
          g_autofree char *group = NULL;
          guint count;

          with_duplicate++;
          group = g_str_has_prefix (reason, "Same as line") ? g_strdup ("Same as line N")
                                                             : g_strdup (reason);
          count = GPOINTER_TO_UINT (g_hash_table_lookup (reasons, group));
          g_hash_table_replace (reasons, g_steal_pointer (&group), GUINT_TO_POINTER (count + 1));
        }
    }

  printf ("    %u rows, %u with a possible duplicate, %u with a problem\n",
          n_rows, with_duplicate, with_problem);
  g_hash_table_iter_init (&iter, reasons);
  while (g_hash_table_iter_next (&iter, &key, &value))
    printf ("      %-20s %7u\n", (const char *) key, GPOINTER_TO_UINT (value));
}

/* Every row without a duplicate is added: what a person who accepts the
 * review as it comes gets. */
static guint
count_actions (GwCsvImport    *import,
               GwCsvRowAction  action)
{
  guint n = 0;

  for (guint i = 0; i < gw_csv_import_get_n_rows (import); i++)
    n += gw_csv_import_get_row (import, i)->action == action;
  return n;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *full_path = NULL;
  g_autofree char *no_contact_path = NULL;
  g_autofree char *counts_path = NULL;
  g_autofree char *sqlite_members_path = NULL;
  g_autofree char *sqlite_events_path = NULL;
  g_autofree char *sqlite_both_path = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *roster_csv_path = NULL;
  g_autofree char *size = NULL;
  double export_full_ms, export_no_contact_ms, export_counts_ms;
  double sqlite_members_ms, sqlite_events_ms, sqlite_both_ms;
  double load_empty_ms, apply_empty_ms, load_same_ms = G_MAXDOUBLE;
  double csv_read_ms = G_MAXDOUBLE, csv_check_empty_ms, csv_apply_ms, csv_check_full_ms;
  double roster_csv_ms = G_MAXDOUBLE, roster_csv_short_ms = G_MAXDOUBLE;
  guint n_members = 0;
  gint64 start;

  context = g_option_context_new ("- time the exchange format, the spreadsheet import and CSV export");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return EXIT_FAILURE;
    }
  if (people < 1 || csv_rows < 1)
    {
      fprintf (stderr, "--people and --rows must be at least 1\n");
      return EXIT_FAILURE;
    }

  tmp_dir = g_dir_make_tmp ("gw-bench-exchange-XXXXXX", &error);
  if (tmp_dir == NULL)
    die ("Cannot make a temporary directory", error);

  db_path = database != NULL ? g_strdup (database) : tmp_path ("chapter.db");

  if (database != NULL && g_file_test (database, G_FILE_TEST_EXISTS))
    printf ("Reusing the existing database %s (--people is ignored)\n", database);
  else
    {
      printf ("Building %s with %d people (gw_demo_fill, seed %d)...\n", db_path, people, SEED);
      fflush (stdout);
      start = g_get_monotonic_time ();
      store = gw_store_open (db_path, &error);
      if (store == NULL || !gw_demo_fill (store, people, SEED, &error))
        die ("Cannot build the database", error);
      g_clear_object (&store);
      printf ("Built in %.1f s\n", elapsed_ms (start) / 1000.0);
    }

  store = gw_store_open (db_path, &error);
  if (store == NULL)
    die ("Cannot open the database", error);

  {
    g_autoptr(GwMemberList) list = gw_member_list_new (store);

    n_members = g_list_model_get_n_items (G_LIST_MODEL (list));
  }
  size = format_size (file_size (db_path));
  printf ("Database: %u people, %s\n", n_members, size);
  g_clear_pointer (&size, g_free);

  full_path = tmp_path ("full.json");
  no_contact_path = tmp_path ("no-contact.json");
  counts_path = tmp_path ("counts.json");
  sqlite_members_path = tmp_path ("sqlite3-members.json");
  sqlite_events_path = tmp_path ("sqlite3-member_events.json");
  sqlite_both_path = tmp_path ("sqlite3-both.json");
  csv_path = tmp_path ("people.csv");
  roster_csv_path = tmp_path ("roster.csv");

  /* (a) Export */
  printf ("\nExport, every area (gw_exchange_export, to a file):\n");
  export_full_ms = time_export (store, full_path, GW_PRIVACY_FULL);
  size = format_size (file_size (full_path));
  printf ("  %-58s %9.0f ms  %s, %s\n", "full privacy", export_full_ms, best_of (), size);
  g_clear_pointer (&size, g_free);

  export_no_contact_ms = time_export (store, no_contact_path, GW_PRIVACY_NO_CONTACT);
  size = format_size (file_size (no_contact_path));
  printf ("  %-58s %9.0f ms  %s, %s\n", "no contact", export_no_contact_ms, best_of (), size);
  g_clear_pointer (&size, g_free);

  export_counts_ms = time_export (store, counts_path, GW_PRIVACY_COUNTS);
  printf ("  %-58s %9.1f ms  %s, %" G_GINT64_FORMAT " bytes\n", "counts only",
          export_counts_ms, best_of (), file_size (counts_path));
  fflush (stdout);

  /* (b) The sqlite3 shell, for comparison */
  printf ("\nFor comparison, the sqlite3 shell (sqlite3 -json, a subprocess, output to a file):\n");
  sqlite_members_ms = time_sqlite3_json (db_path, "SELECT * FROM members", sqlite_members_path);
  if (sqlite_members_ms < 0)
    printf ("  sqlite3 is not installed: skipped\n");
  else
    {
      sqlite_events_ms = time_sqlite3_json (db_path, "SELECT * FROM member_events",
                                            sqlite_events_path);
      sqlite_both_ms = time_sqlite3_json (db_path,
                                          "SELECT * FROM members; SELECT * FROM member_events",
                                          sqlite_both_path);
      size = format_size (file_size (sqlite_members_path));
      printf ("  %-58s %9.0f ms  %s, %s\n", "SELECT * FROM members",
              sqlite_members_ms, best_of (), size);
      g_clear_pointer (&size, g_free);
      size = format_size (file_size (sqlite_events_path));
      printf ("  %-58s %9.0f ms  %s, %s\n", "SELECT * FROM member_events",
              sqlite_events_ms, best_of (), size);
      g_clear_pointer (&size, g_free);
      size = format_size (file_size (sqlite_both_path));
      printf ("  %-58s %9.0f ms  %s, %s\n", "both in one run",
              sqlite_both_ms, best_of (), size);
      g_clear_pointer (&size, g_free);
      printf ("  (ours covers every area, with UUID references and no row ids; see the\n"
              "  members-only figure below for the same two tables)\n");
    }

  /* The same two tables through our export, to compare like with like. */
  {
    g_autofree char *members_path = tmp_path ("members.json");
    double best = G_MAXDOUBLE;

    for (int i = 0; i < MAX (repeats, 1); i++)
      {
        start = g_get_monotonic_time ();
        if (!gw_exchange_export (store, members_path, GW_AREA_MEMBERS, GW_PRIVACY_FULL,
                                 NULL, NULL, NULL, &error))
          die ("Export failed", error);
        best = MIN (best, elapsed_ms (start));
      }
    size = format_size (file_size (members_path));
    printf ("  %-58s %9.0f ms  %s, %s\n", "ours, members area only (people + history + unity)",
            best, best_of (), size);
    g_clear_pointer (&size, g_free);
  }
  fflush (stdout);

  /* (c) Import into an empty database */
  printf ("\nImport of the full export into an empty database (one run each):\n");
  {
    g_autoptr(GwStore) empty = open_empty ("imported.db");
    g_autoptr(GwExchangeImport) import = NULL;

    start = g_get_monotonic_time ();
    import = gw_exchange_import_load (empty, full_path, NULL, NULL, NULL, &error);
    if (import == NULL)
      die ("Loading failed", error);
    load_empty_ms = elapsed_ms (start);
    line ("load (read, check, compare: gw_exchange_import_load)", load_empty_ms, "(one run)");

    start = g_get_monotonic_time ();
    if (!gw_exchange_import_apply (import, NULL, NULL, NULL, &error))
      die ("Applying failed", error);
    apply_empty_ms = elapsed_ms (start);
    line ("apply (one transaction: gw_exchange_import_apply)", apply_empty_ms, "(one run)");
    line ("load + apply", load_empty_ms + apply_empty_ms, "");
    print_counts (import);
  }

  /* (d) The same file against the database it came from */
  printf ("\nPreview of the full export against the database it came from:\n");
  for (int i = 0; i < MAX (repeats, 1); i++)
    {
      g_autoptr(GwExchangeImport) import = NULL;

      start = g_get_monotonic_time ();
      import = gw_exchange_import_load (store, full_path, NULL, NULL, NULL, &error);
      if (import == NULL)
        die ("Loading failed", error);
      load_same_ms = MIN (load_same_ms, elapsed_ms (start));

      if (i == 0)
        {
          line ("load (gw_exchange_import_load), first run", elapsed_ms (start), "");
          print_counts (import);
          printf ("    has changes: %s\n", gw_exchange_import_has_changes (import) ? "yes" : "no");
        }
    }
  line ("load", load_same_ms, best_of ());

  /* (e) A spreadsheet */
  printf ("\nSpreadsheet of %d people (first name, last name, phone, e-mail, neighbourhood):\n",
          csv_rows);
  {
    g_autoptr(GArray) people_list = read_people (db_path);
    g_autoptr(GwCsvImport) import = NULL;
    g_autoptr(GwStore) empty = NULL;
    g_autofree char *what = NULL;
    guint added = 0, merged = 0;

    if (people_list->len == 0)
      die ("The database has no one to put in a spreadsheet", NULL);
    write_spreadsheet (people_list, csv_path, csv_rows);
    size = format_size (file_size (csv_path));
    printf ("  written: %s (40 %% as on the roster, 10 %% with a new phone, 50 %% new)\n", size);
    g_clear_pointer (&size, g_free);

    for (int i = 0; i < MAX (repeats, 1); i++)
      {
        g_autoptr(GwCsvTable) table = NULL;

        start = g_get_monotonic_time ();
        table = read_spreadsheet (csv_path);
        csv_read_ms = MIN (csv_read_ms, elapsed_ms (start));
      }
    line ("read (gw_csv_read_file)", csv_read_ms, best_of ());

    empty = open_empty ("spreadsheet.db");
    import = gw_csv_import_new (empty, read_spreadsheet (csv_path));
    start = g_get_monotonic_time ();
    if (!gw_csv_import_check (import, NULL, NULL, NULL, &error))
      die ("Checking failed", error);
    csv_check_empty_ms = elapsed_ms (start);
    line ("check against an empty roster (gw_csv_import_check)", csv_check_empty_ms,
          "(one run)");
    print_duplicates (import);

    start = g_get_monotonic_time ();
    if (!gw_csv_import_apply (import, APPROVER, NULL, NULL, NULL, &added, &merged, &error))
      die ("Adding failed", error);
    csv_apply_ms = elapsed_ms (start);
    line ("add them (gw_csv_import_apply)", csv_apply_ms, "(one run)");
    printf ("    %u added, %u merged\n", added, merged);
    g_clear_pointer (&import, gw_csv_import_free);

    import = gw_csv_import_new (store, read_spreadsheet (csv_path));
    start = g_get_monotonic_time ();
    if (!gw_csv_import_check (import, NULL, NULL, NULL, &error))
      die ("Checking failed", error);
    csv_check_full_ms = elapsed_ms (start);
    what = g_strdup_printf ("check against the roster of %u people", n_members);
    line (what, csv_check_full_ms, "(one run)");
    print_duplicates (import);
    printf ("    proposed: %u add, %u skip (nothing is added here: the database is only read)\n",
            count_actions (import, GW_CSV_ROW_ADD), count_actions (import, GW_CSV_ROW_SKIP));
  }

  /* (f) The roster as CSV */
  printf ("\nThe roster as CSV (gw_member_list_export_csv, all %u people):\n", n_members);
  {
    g_autoptr(GwMemberList) list = gw_member_list_new (store);

    g_list_model_get_n_items (G_LIST_MODEL (list));
    for (int i = 0; i < MAX (repeats, 1); i++)
      {
        start = g_get_monotonic_time ();
        if (!gw_member_list_export_csv (list, roster_csv_path, TRUE, NULL, NULL, NULL, &error))
          die ("CSV export failed", error);
        roster_csv_ms = MIN (roster_csv_ms, elapsed_ms (start));
      }
    size = format_size (file_size (roster_csv_path));
    printf ("  %-58s %9.0f ms  %s, %s\n", "with contact columns", roster_csv_ms, best_of (), size);
    g_clear_pointer (&size, g_free);

    for (int i = 0; i < MAX (repeats, 1); i++)
      {
        start = g_get_monotonic_time ();
        if (!gw_member_list_export_csv (list, roster_csv_path, FALSE, NULL, NULL, NULL, &error))
          die ("CSV export failed", error);
        roster_csv_short_ms = MIN (roster_csv_short_ms, elapsed_ms (start));
      }
    size = format_size (file_size (roster_csv_path));
    printf ("  %-58s %9.0f ms  %s, %s\n", "without contact columns", roster_csv_short_ms,
            best_of (), size);
    g_clear_pointer (&size, g_free);
  }

  printf ("\nSummary (aim: export and import each under %.0f s with 100,000 people)\n",
          AIM_MS / 1000);
  printf ("  export, full privacy          %9.0f ms   %s\n", export_full_ms,
          export_full_ms < AIM_MS ? "meets the aim" : "MISSES the aim");
  printf ("  export, no contact            %9.0f ms   %s\n", export_no_contact_ms,
          export_no_contact_ms < AIM_MS ? "meets the aim" : "MISSES the aim");
  printf ("  import into empty, load+apply %9.0f ms   %s\n", load_empty_ms + apply_empty_ms,
          load_empty_ms + apply_empty_ms < AIM_MS ? "meets the aim" : "MISSES the aim");
  printf ("  preview against the original  %9.0f ms   %s\n", load_same_ms,
          load_same_ms < AIM_MS ? "meets the aim" : "MISSES the aim");
  printf ("  spreadsheet read+check+add    %9.0f ms   %s\n",
          csv_read_ms + csv_check_empty_ms + csv_apply_ms,
          csv_read_ms + csv_check_empty_ms + csv_apply_ms < AIM_MS ? "meets the aim"
                                                                    : "MISSES the aim");
  printf ("  spreadsheet check, full roster %8.0f ms   %s\n", csv_check_full_ms,
          csv_check_full_ms < AIM_MS ? "meets the aim" : "MISSES the aim");
  printf ("  roster as CSV                 %9.0f ms   %s\n", roster_csv_ms,
          roster_csv_ms < AIM_MS ? "meets the aim" : "MISSES the aim");

  g_clear_object (&store);

  if (keep)
    printf ("\nKept %s\n", tmp_dir);
  else
    {
      const char *files[] = {
        "full.json", "no-contact.json", "counts.json", "members.json", "sqlite3-members.json",
        "sqlite3-member_events.json", "sqlite3-both.json", "people.csv", "roster.csv",
      };

      for (guint i = 0; i < G_N_ELEMENTS (files); i++)
        {
          g_autofree char *path = tmp_path (files[i]);
          g_unlink (path);
        }
      for (const char *name = "imported.db"; name != NULL;
           name = g_str_equal (name, "imported.db") ? "spreadsheet.db" : NULL)
        {
          g_autofree char *path = tmp_path (name);
          remove_database (path);
        }
      if (database == NULL)
        remove_database (db_path);
      g_rmdir (tmp_dir);
    }

  return EXIT_SUCCESS;
}
