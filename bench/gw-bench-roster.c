/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "gw-demo.h"
#include "gw-member-list.h"
#include "gw-store.h"
#include "gw-store-members.h"

/* How fast the roster answers a person with a large chapter open: the first
 * rows on screen, each keystroke in the search entry, each click on a column
 * header, and how much memory it takes. This is a tool for developers; its
 * output is not translated.
 *
 * The database is built first with gw_demo_fill(). Building holds a whole
 * transaction's worth of pages in memory, so the measurements run in a fresh
 * copy of this program (--measure-only), whose peak resident memory then
 * reflects only opening, searching and sorting. */

#define DEFAULT_PEOPLE 100000
#define SEED           4242
#define VISIBLE_ROWS   40

/* The aims: a person should not wait for the first screenful, typing should
 * keep up with a 60 Hz display, a click on a column header should feel
 * instant, and the app must run on an old shared computer. */
#define AIM_FIRST_ROWS_MS 500.0
#define AIM_KEYSTROKE_MS  16.0
#define AIM_SORT_MS       50.0
#define AIM_DUPLICATES_MS 100.0
#define AIM_RESIDENT_MB   150.0

static const char * const queries[] = {
  "maria", "nguyen", "555-01", "elm", "food", "martínez",
};

/* Names a secretary might type for a walk-in: a typo, a dropped surname,
 * surnames first, common words, one word, and nobody at all. */
static const char * const walk_ins[] = {
  "efrain gonzales", "Efraín Morales", "Gonzalez Morales Efrain", "Maria Gonzalez",
  "María José Martínez López", "Nguyen Van Anh", "Efrain", "Xyzzy Plugh",
};

static const char * const sort_names[GW_N_MEMBER_SORTS] = {
  "name", "stage", "phone", "neighbourhood", "languages", "joined", "last change",
};

static int people = DEFAULT_PEOPLE;
static char *database;
static gboolean measure_only;
static gboolean keep;
static double build_seconds = -1;
static double build_resident_mb = -1;

static const GOptionEntry entries[] = {
  { "people", 'n', 0, G_OPTION_ARG_INT, &people,
    "How many people to put in the database (default 100000)", "N" },
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
    "Database file to build, or to reuse when it exists (default: in a new temporary directory)",
    "PATH" },
  { "keep", 'k', 0, G_OPTION_ARG_NONE, &keep,
    "Keep the temporary database afterwards", NULL },
  { "measure-only", 0, 0, G_OPTION_ARG_NONE, &measure_only,
    "Only measure an existing database given with --database", NULL },
  { "build-seconds", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_DOUBLE, &build_seconds, NULL, NULL },
  { "build-resident-mb", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_DOUBLE, &build_resident_mb,
    NULL, NULL },
  { NULL }
};

static double
peak_resident_mb (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return -1;

  /* Linux reports ru_maxrss in kilobytes. */
  return usage.ru_maxrss / 1024.0;
}

/* Linux carries ru_maxrss across fork() and execve(): a process started by
 * one that had built a large database reports the builder's peak. VmHWM
 * belongs to the address space, which execve() replaces, so it counts only
 * this program. Returns -1 where /proc is not available. */
static double
peak_resident_own_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;

  line = strstr (status, "\nVmHWM:");
  if (line == NULL)
    return -1;

  return g_ascii_strtod (line + strlen ("\nVmHWM:"), NULL) / 1024.0;
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* What the list view does when the model changes: ask for the count, then
 * build the rows that fit on screen. */
static guint
fetch_visible (GListModel *model)
{
  guint n_items = g_list_model_get_n_items (model);
  guint n_rows = MIN (n_items, VISIBLE_ROWS);

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_assert (item != NULL);
    }

  return n_items;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

typedef struct
{
  double mean;
  double median;
  double max;
  guint  count;
} Stats;

static Stats
compute_stats (GArray *samples)
{
  Stats stats = { 0 };
  double sum = 0;

  stats.count = samples->len;
  if (samples->len == 0)
    return stats;

  g_array_sort (samples, compare_doubles);
  for (guint i = 0; i < samples->len; i++)
    sum += g_array_index (samples, double, i);

  stats.mean = sum / samples->len;
  stats.max = g_array_index (samples, double, samples->len - 1);
  if (samples->len % 2 == 1)
    stats.median = g_array_index (samples, double, samples->len / 2);
  else
    stats.median = (g_array_index (samples, double, samples->len / 2 - 1)
                    + g_array_index (samples, double, samples->len / 2)) / 2;

  return stats;
}

/* Types each query one character at a time, as a person would, clearing the
 * entry between queries. */
static Stats
measure_typing (GwMemberList *list,
                const char   *label)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  Stats stats;

  printf ("\nTyping, %s (set_search + get_n_items + first %d rows, per keystroke):\n",
           label, VISIBLE_ROWS);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      const char *query = queries[q];
      double worst = 0;
      guint n_items = 0;
      guint n_keys = 0;

      gw_member_list_set_search (list, NULL);
      fetch_visible (G_LIST_MODEL (list));

      for (const char *end = g_utf8_next_char (query); ; end = g_utf8_next_char (end))
        {
          g_autofree char *prefix = g_strndup (query, end - query);
          gint64 start = g_get_monotonic_time ();
          double ms;

          gw_member_list_set_search (list, prefix);
          n_items = fetch_visible (G_LIST_MODEL (list));
          ms = elapsed_ms (start);

          g_array_append_val (samples, ms);
          worst = MAX (worst, ms);
          n_keys++;

          if (*end == '\0')
            break;
        }

      /* Pad by characters, not bytes, so that accented queries line up. */
      printf ("  %s%*s %2u keystrokes, worst %7.2f ms, %6u matches at the end\n",
              query, (int) (12 - g_utf8_strlen (query, -1)), "", n_keys, worst, n_items);
    }

  gw_member_list_set_search (list, NULL);

  stats = compute_stats (samples);
  printf ("  per keystroke: mean %.2f ms, median %.2f ms, max %.2f ms (%u keystrokes)\n",
           stats.mean, stats.median, stats.max, stats.count);

  return stats;
}

static double
measure_sorting (GwMemberList *list)
{
  double worst = 0;

  printf ("\nSorting (set_sort + get_n_items + first %d rows):\n", VISIBLE_ROWS);

  for (guint sort = 0; sort < GW_N_MEMBER_SORTS; sort++)
    {
      double ms[2];

      /* Descending first: ascending by name is the list's initial order,
       * and setting the sort it already has would measure nothing. */
      for (int descending = 1; descending >= 0; descending--)
        {
          gint64 start = g_get_monotonic_time ();

          gw_member_list_set_sort (list, sort, descending);
          fetch_visible (G_LIST_MODEL (list));
          ms[descending] = elapsed_ms (start);
          worst = MAX (worst, ms[descending]);
        }

      printf ("  %-14s ascending %8.2f ms   descending %8.2f ms\n",
               sort_names[sort], ms[0], ms[1]);
    }

  gw_member_list_set_sort (list, GW_MEMBER_SORT_NAME, FALSE);
  fetch_visible (G_LIST_MODEL (list));

  return worst;
}

/* What the walk-in dialog does when Add is pressed. Best and worst of a few
 * runs for each name. */
static double
measure_duplicates (GwStore *store)
{
  double worst_of_all = 0;

  printf ("\nWalk-in duplicate check (gw_store_find_duplicates, best and worst of 5):\n");

  for (guint n = 0; n < G_N_ELEMENTS (walk_ins); n++)
    {
      double best = G_MAXDOUBLE;
      double worst = 0;
      guint n_found = 0;

      for (int round = 0; round < 5; round++)
        {
          g_autoptr(GwMember) draft = gw_member_new ();
          g_autoptr(GPtrArray) found = NULL;
          gint64 start;
          double ms;

          gw_member_set_full_name (draft, walk_ins[n]);
          start = g_get_monotonic_time ();
          found = gw_store_find_duplicates (store, draft);
          ms = elapsed_ms (start);

          best = MIN (best, ms);
          worst = MAX (worst, ms);
          n_found = found->len;
        }

      worst_of_all = MAX (worst_of_all, worst);
      printf ("  %s%*s best %7.2f ms, worst %7.2f ms, %2u found\n", walk_ins[n],
              (int) (26 - g_utf8_strlen (walk_ins[n], -1)), "", best, worst, n_found);
    }

  return worst_of_all;
}

static const char *
verdict (double value,
         double aim)
{
  return value < aim ? "meets the aim" : "MISSES the aim";
}

static int
measure (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = NULL;
  g_autoptr(GwMemberList) list = NULL;
  Stats typing;
  Stats filtered;
  double first_rows_ms;
  double sort_ms;
  double duplicates_ms;
  double resident_mb;
  gint64 start;
  guint n_items;

  start = g_get_monotonic_time ();
  store = gw_store_open (path, &error);
  if (store == NULL)
    {
      fprintf (stderr, "Cannot open %s: %s\n", path, error->message);
      return EXIT_FAILURE;
    }
  list = gw_member_list_new (store);
  n_items = fetch_visible (G_LIST_MODEL (list));
  first_rows_ms = elapsed_ms (start);

  printf ("\nMeasuring %s (%u people in the list)\n", path, n_items);
  printf ("\nFirst rows (gw_store_open + gw_member_list_new + first %d rows): %.2f ms\n",
           VISIBLE_ROWS, first_rows_ms);

  typing = measure_typing (list, "no filter");

  gw_member_list_set_stage_filter (list, GW_STAGE_MEMBER);
  filtered = measure_typing (list, "stage filter = member");
  gw_member_list_set_stage_filter (list, -1);

  sort_ms = measure_sorting (list);

  duplicates_ms = measure_duplicates (store);

  resident_mb = peak_resident_own_mb ();
  printf ("\nPeak resident memory of the measuring process: %.1f MB (VmHWM)\n", resident_mb);
  printf ("  getrusage ru_maxrss says %.1f MB; when started from the build step it also\n"
          "  counts the builder's peak, which Linux carries across fork and exec\n",
          peak_resident_mb ());
  if (resident_mb < 0)
    resident_mb = peak_resident_mb ();

  printf ("\nSummary\n");
  if (build_seconds >= 0)
    printf ("  build (gw_demo_fill)         %9.2f s    (peak resident while building %.1f MB; "
             "no aim)\n", build_seconds, build_resident_mb);
  printf ("  first rows                   %9.2f ms   aim < %.0f ms   %s\n",
           first_rows_ms, AIM_FIRST_ROWS_MS, verdict (first_rows_ms, AIM_FIRST_ROWS_MS));
  printf ("  keystroke, worst             %9.2f ms   aim < %.0f ms    %s (median %.2f ms)\n",
           typing.max, AIM_KEYSTROKE_MS, verdict (typing.max, AIM_KEYSTROKE_MS), typing.median);
  printf ("  keystroke + stage, worst     %9.2f ms   aim < %.0f ms    %s (median %.2f ms)\n",
           filtered.max, AIM_KEYSTROKE_MS, verdict (filtered.max, AIM_KEYSTROKE_MS),
           filtered.median);
  printf ("  sort, worst                  %9.2f ms   aim < %.0f ms    %s\n",
           sort_ms, AIM_SORT_MS, verdict (sort_ms, AIM_SORT_MS));
  printf ("  walk-in duplicates, worst    %9.2f ms   aim < %.0f ms   %s\n",
           duplicates_ms, AIM_DUPLICATES_MS, verdict (duplicates_ms, AIM_DUPLICATES_MS));
  printf ("  peak resident (measuring)    %9.1f MB   aim < %.0f MB   %s\n",
           resident_mb, AIM_RESIDENT_MB, verdict (resident_mb, AIM_RESIDENT_MB));

  return EXIT_SUCCESS;
}

static gboolean
build (const char  *path,
       GError     **error)
{
  g_autoptr(GwStore) store = NULL;
  gint64 start;

  printf ("Building %s with %d people (gw_demo_fill, seed %d)...\n", path, people, SEED);

  start = g_get_monotonic_time ();
  store = gw_store_open (path, error);
  if (store == NULL)
    return FALSE;

  if (!gw_demo_fill (store, people, SEED, error))
    return FALSE;

  g_clear_object (&store);
  build_seconds = elapsed_ms (start) / 1000.0;
  build_resident_mb = peak_resident_mb ();

  printf ("Build time: %.2f s (%.0f people/s)\n", build_seconds,
           build_seconds > 0 ? people / build_seconds : 0.0);
  printf ("Peak resident memory after building: %.1f MB\n", build_resident_mb);

  return TRUE;
}

/* Runs the measurements in a new process, so that its peak memory does not
 * include the build's. */
static int
measure_in_new_process (const char *self,
                        const char *path)
{
  g_autoptr(GError) error = NULL;
  char seconds[G_ASCII_DTOSTR_BUF_SIZE];
  char resident[G_ASCII_DTOSTR_BUF_SIZE];
  const char *argv[] = {
    self, "--measure-only", "--database", path,
    "--build-seconds", seconds, "--build-resident-mb", resident, NULL
  };
  int wait_status;

  g_ascii_dtostr (seconds, sizeof seconds, build_seconds);
  g_ascii_dtostr (resident, sizeof resident, build_resident_mb);

  /* The child writes to the same terminal or file. */
  fflush (stdout);

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                     &wait_status, &error))
    {
      fprintf (stderr, "Cannot run the measurements: %s\n", error->message);
      return EXIT_FAILURE;
    }

  return g_spawn_check_wait_status (wait_status, NULL) ? EXIT_SUCCESS : EXIT_FAILURE;
}

static void
remove_database (const char *dir,
                 const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *self = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *path = NULL;
  int status;

  context = g_option_context_new ("- measure the roster with a large chapter");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return EXIT_FAILURE;
    }

  if (measure_only)
    {
      if (database == NULL)
        {
          fprintf (stderr, "--measure-only needs --database PATH\n");
          return EXIT_FAILURE;
        }
      return measure (database);
    }

  if (people < 1)
    {
      fprintf (stderr, "--people must be at least 1\n");
      return EXIT_FAILURE;
    }

  if (database != NULL)
    path = g_strdup (database);
  else
    {
      tmp_dir = g_dir_make_tmp ("gw-bench-roster-XXXXXX", &error);
      if (tmp_dir == NULL)
        {
          fprintf (stderr, "Cannot make a temporary directory: %s\n", error->message);
          return EXIT_FAILURE;
        }
      path = g_build_filename (tmp_dir, "roster.db", NULL);
    }

  if (database != NULL && g_file_test (database, G_FILE_TEST_EXISTS))
    printf ("Reusing the existing database %s (--people is ignored)\n", database);
  else if (!build (path, &error))
    {
      fprintf (stderr, "Cannot build the database: %s\n", error->message);
      if (tmp_dir != NULL)
        remove_database (tmp_dir, path);
      return EXIT_FAILURE;
    }

  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self == NULL)
    self = g_strdup (argv[0]);

  status = measure_in_new_process (self, path);

  if (tmp_dir != NULL)
    {
      if (keep)
        printf ("\nKept %s\n", path);
      else
        remove_database (tmp_dir, path);
    }

  return status;
}
