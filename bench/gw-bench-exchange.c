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

/* Writes @rows people. 40 % are on the roster as they are there (same
 * phone and e-mail); 10 % are on it under the same name with a new phone
 * and no e-mail (found by their name, if at all); the other half are new:
 * a first name and two surnames drawn from three different people, a
 * phone and an e-mail no one has. gw_demo_fill() gives its 100,000 people
 * about 18,000 different names and 2,000 fictional 555 numbers, so the
 * rows taken from the roster also repeat each other within the file. */
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
      char phone[32];
      char email[64];

      g_snprintf (phone, sizeof phone, "(555) %03u-%04u", 200 + (i / 10000) % 800, i % 10000);
      g_snprintf (email, sizeof email, "new.person.%u@example.org", i);

      if (kind < 4)
        {
          gw_csv_append_cell (out, person->first);
          gw_csv_append_cell (out, person->last);
          gw_csv_append_cell (out, person->phone);
          gw_csv_append_cell (out, person->email);
        }
      else if (kind == 4)
        {
          gw_csv_append_cell (out, person->first);
          gw_csv_append_cell (out, person->last);
          gw_csv_append_cell (out, phone);
          gw_csv_append_cell (out, "");
        }
      else
        {
          const Person *second = &g_array_index (people_list, Person, g_rand_int_range (rand, 0, n));
          const Person *third = &g_array_index (people_list, Person, g_rand_int_range (rand, 0, n));
          g_autofree char *last = g_strdup_printf ("%s %s", second->last, third->last);

          gw_csv_append_cell (out, person->first);
          gw_csv_append_cell (out, last);
          gw_csv_append_cell (out, phone);
          gw_csv_append_cell (out, email);
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

/* What each phase measured, for the summary; -1 when it did not run. */
static struct
{
  double export_full;
  double export_no_contact;
  double import_load;
  double import_apply;
  double preview;
  double csv_read;
  double csv_check_empty;
  double csv_apply;
  double csv_check_full;
  double roster_csv;
} result = { -1, -1, -1, -1, -1, -1, -1, -1, -1, -1 };

static char *only;
static GwStore *store;
static char *db_path;
static guint n_members;

static gboolean
wanted (const char *phase)
{
  g_auto(GStrv) phases = NULL;

  if (only == NULL)
    return TRUE;
  phases = g_strsplit (only, ",", -1);
  return g_strv_contains ((const char * const *) phases, phase);
}

static void
print_file (const char *what,
            double      ms,
            const char *path)
{
  g_autofree char *size = format_size (file_size (path));

  printf ("  %-58s %9.0f ms  %s, %s\n", what, ms, best_of (), size);
  fflush (stdout);
}

/* (a) Exporting, which the other phases need the file of. */
static void
measure_export (void)
{
  g_autofree char *full_path = tmp_path ("full.json");
  g_autofree char *no_contact_path = tmp_path ("no-contact.json");
  g_autofree char *counts_path = tmp_path ("counts.json");
  double counts_ms;

  printf ("\nExport, every area (gw_exchange_export, to a file):\n");
  result.export_full = time_export (store, full_path, GW_PRIVACY_FULL);
  print_file ("full privacy", result.export_full, full_path);

  if (!wanted ("export"))
    return;

  result.export_no_contact = time_export (store, no_contact_path, GW_PRIVACY_NO_CONTACT);
  print_file ("no contact", result.export_no_contact, no_contact_path);

  counts_ms = time_export (store, counts_path, GW_PRIVACY_COUNTS);
  printf ("  %-58s %9.1f ms  %s, %" G_GINT64_FORMAT " bytes\n", "counts only",
          counts_ms, best_of (), file_size (counts_path));
  fflush (stdout);
}

/* (b) The sqlite3 shell on the same tables, and ours on the same area. */
static void
measure_sqlite3 (void)
{
  static const struct { const char *sql; const char *file; } dumps[] = {
    { "SELECT * FROM members", "sqlite3-members.json" },
    { "SELECT * FROM member_events", "sqlite3-member_events.json" },
    { "SELECT * FROM members; SELECT * FROM member_events", "sqlite3-both.json" },
  };
  g_autofree char *members_path = tmp_path ("members.json");
  double best = G_MAXDOUBLE;

  printf ("\nFor comparison, the sqlite3 shell (sqlite3 -json, a subprocess, output to a file):\n");
  for (guint i = 0; i < G_N_ELEMENTS (dumps); i++)
    {
      g_autofree char *path = tmp_path (dumps[i].file);
      double ms = time_sqlite3_json (db_path, dumps[i].sql, path);

      if (ms < 0)
        {
          printf ("  sqlite3 is not installed: skipped\n");
          break;
        }
      print_file (dumps[i].sql, ms, path);
    }

  for (int i = 0; i < MAX (repeats, 1); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!gw_exchange_export (store, members_path, GW_AREA_MEMBERS, GW_PRIVACY_FULL,
                               NULL, NULL, NULL, &error))
        die ("Export failed", error);
      best = MIN (best, elapsed_ms (start));
    }
  print_file ("ours, members area (points of unity, people, history)", best, members_path);
}

/* (c) Importing the full export into an empty database. */
static void
measure_import (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *full_path = tmp_path ("full.json");
  g_autoptr(GwStore) empty = open_empty ("imported.db");
  g_autoptr(GwExchangeImport) import = NULL;
  gint64 start;

  printf ("\nImport of the full export into an empty database (one run each):\n");
  start = g_get_monotonic_time ();
  import = gw_exchange_import_load (empty, full_path, NULL, NULL, NULL, &error);
  if (import == NULL)
    die ("Loading failed", error);
  result.import_load = elapsed_ms (start);
  line ("load (read, check, compare: gw_exchange_import_load)", result.import_load, "(one run)");

  start = g_get_monotonic_time ();
  if (!gw_exchange_import_apply (import, NULL, NULL, NULL, &error))
    die ("Applying failed", error);
  result.import_apply = elapsed_ms (start);
  line ("apply (one transaction: gw_exchange_import_apply)", result.import_apply, "(one run)");
  line ("load + apply", result.import_load + result.import_apply, "");
  print_counts (import);
}

/* (d) The same file against the database it came from: all unchanged. */
static void
measure_preview (void)
{
  g_autofree char *full_path = tmp_path ("full.json");
  double best = G_MAXDOUBLE;

  printf ("\nPreview of the full export against the database it came from:\n");
  for (int i = 0; i < MAX (repeats, 1); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GwExchangeImport) import = NULL;
      gint64 start = g_get_monotonic_time ();

      import = gw_exchange_import_load (store, full_path, NULL, NULL, NULL, &error);
      if (import == NULL)
        die ("Loading failed", error);
      best = MIN (best, elapsed_ms (start));

      if (i == 0)
        {
          print_counts (import);
          printf ("    has changes: %s\n", gw_exchange_import_has_changes (import) ? "yes" : "no");
        }
    }
  result.preview = best;
  line ("load (gw_exchange_import_load)", best, best_of ());
}

/* (e) A spreadsheet into an empty roster, and checked against the full one. */
static void
measure_spreadsheet (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv_path = tmp_path ("people.csv");
  g_autoptr(GArray) people_list = read_people (db_path);
  g_autoptr(GwCsvImport) import = NULL;
  g_autoptr(GwStore) empty = NULL;
  g_autofree char *size = NULL;
  g_autofree char *what = NULL;
  guint added = 0, merged = 0;
  double best = G_MAXDOUBLE;
  gint64 start;

  printf ("\nSpreadsheet of %d people (first name, last name, phone, e-mail, neighbourhood):\n",
          csv_rows);
  if (people_list->len == 0)
    die ("The database has no one to put in a spreadsheet", NULL);
  write_spreadsheet (people_list, csv_path, csv_rows);
  size = format_size (file_size (csv_path));
  printf ("  written: %s (40 %% as on the roster, 10 %% same name and a new phone, 50 %% new)\n",
          size);

  for (int i = 0; i < MAX (repeats, 1); i++)
    {
      g_autoptr(GwCsvTable) table = NULL;

      start = g_get_monotonic_time ();
      table = read_spreadsheet (csv_path);
      best = MIN (best, elapsed_ms (start));
    }
  result.csv_read = best;
  line ("read (gw_csv_read_file)", best, best_of ());

  empty = open_empty ("spreadsheet.db");
  import = gw_csv_import_new (empty, read_spreadsheet (csv_path));
  start = g_get_monotonic_time ();
  if (!gw_csv_import_check (import, NULL, NULL, NULL, &error))
    die ("Checking failed", error);
  result.csv_check_empty = elapsed_ms (start);
  line ("check against an empty roster (gw_csv_import_check)", result.csv_check_empty,
        "(one run)");
  print_duplicates (import);

  start = g_get_monotonic_time ();
  if (!gw_csv_import_apply (import, APPROVER, NULL, NULL, NULL, &added, &merged, &error))
    die ("Adding failed", error);
  result.csv_apply = elapsed_ms (start);
  line ("add them (gw_csv_import_apply)", result.csv_apply, "(one run)");
  printf ("    %u added, %u merged\n", added, merged);
  g_clear_pointer (&import, gw_csv_import_free);

  import = gw_csv_import_new (store, read_spreadsheet (csv_path));
  start = g_get_monotonic_time ();
  if (!gw_csv_import_check (import, NULL, NULL, NULL, &error))
    die ("Checking failed", error);
  result.csv_check_full = elapsed_ms (start);
  what = g_strdup_printf ("check against the roster of %u people", n_members);
  line (what, result.csv_check_full, "(one run)");
  print_duplicates (import);
  printf ("    proposed: %u add, %u leave out (nothing is added: this database is only read)\n",
          count_actions (import, GW_CSV_ROW_ADD), count_actions (import, GW_CSV_ROW_SKIP));
}

/* (f) The whole roster as CSV. */
static void
measure_roster_csv (void)
{
  g_autofree char *path = tmp_path ("roster.csv");
  g_autoptr(GwMemberList) list = gw_member_list_new (store);

  printf ("\nThe roster as CSV (gw_member_list_export_csv, all %u people):\n", n_members);
  g_list_model_get_n_items (G_LIST_MODEL (list));

  for (int contact = 1; contact >= 0; contact--)
    {
      double best = G_MAXDOUBLE;

      for (int i = 0; i < MAX (repeats, 1); i++)
        {
          g_autoptr(GError) error = NULL;
          gint64 start = g_get_monotonic_time ();

          if (!gw_member_list_export_csv (list, path, contact, NULL, NULL, NULL, &error))
            die ("CSV export failed", error);
          best = MIN (best, elapsed_ms (start));
        }
      if (contact)
        result.roster_csv = best;
      print_file (contact ? "with contact columns" : "without contact columns", best, path);
    }
}

static void
summary_line (const char *what,
              double      ms)
{
  if (ms >= 0)
    printf ("  %-32s %9.0f ms   %s\n", what, ms, ms < AIM_MS ? "meets the aim" : "MISSES the aim");
}

static void
remove_outputs (void)
{
  const char *files[] = {
    "full.json", "no-contact.json", "counts.json", "members.json", "sqlite3-members.json",
    "sqlite3-member_events.json", "sqlite3-both.json", "people.csv", "roster.csv",
  };
  const char *databases[] = { "imported.db", "spreadsheet.db" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = tmp_path (files[i]);
      g_unlink (path);
    }
  for (guint i = 0; i < G_N_ELEMENTS (databases); i++)
    {
      g_autofree char *path = tmp_path (databases[i]);
      remove_database (path);
    }
  if (database == NULL)
    remove_database (db_path);
  g_rmdir (tmp_dir);
}

int
main (int   argc,
      char *argv[])
{
  const GOptionEntry more_entries[] = {
    { "only", 0, 0, G_OPTION_ARG_STRING, &only,
      "Run only these phases (export is always timed once at full privacy, for its file): "
      "export, sqlite3, import, preview, spreadsheet, csv", "LIST" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *size = NULL;
  gint64 start;

  context = g_option_context_new ("- time the exchange format, the spreadsheet import and CSV export");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_add_main_entries (context, more_entries, NULL);
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

  measure_export ();
  if (wanted ("sqlite3"))
    measure_sqlite3 ();
  if (wanted ("import"))
    measure_import ();
  if (wanted ("preview"))
    measure_preview ();
  if (wanted ("spreadsheet"))
    measure_spreadsheet ();
  if (wanted ("csv"))
    measure_roster_csv ();

  printf ("\nSummary (aim: export and import each under %.0f s with 100,000 people)\n",
          AIM_MS / 1000);
  summary_line ("export, full privacy", result.export_full);
  summary_line ("export, no contact", result.export_no_contact);
  if (result.import_load >= 0)
    summary_line ("import into empty, load+apply", result.import_load + result.import_apply);
  summary_line ("preview against the original", result.preview);
  if (result.csv_read >= 0)
    summary_line ("spreadsheet read+check+add", result.csv_read + result.csv_check_empty + result.csv_apply);
  summary_line ("spreadsheet check, full roster", result.csv_check_full);
  summary_line ("roster as CSV", result.roster_csv);

  g_clear_object (&store);

  if (keep)
    printf ("\nKept %s\n", tmp_dir);
  else
    remove_outputs ();

  return EXIT_SUCCESS;
}
