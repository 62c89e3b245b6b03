/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "gw-checklist.h"
#include "gw-dashboard.h"
#include "gw-demo.h"
#include "gw-rotation.h"
#include "gw-store-meetings.h"
#include "gw-store-members.h"
#include "gw-store.h"

/* How fast the secretary's side answers with a large chapter open: matching
 * a name typed from a paper sign-in sheet (as each name is typed, so it
 * should keep up with typing) and the dashboard's figures (once per visit to
 * the dashboard). This is a tool for developers; its output is not
 * translated. The database is built with gw_demo_fill(), or reused with
 * --database. */

#define SEED  4242
#define TODAY "2026-11-01"

static int people = 100000;
static char *database;

static const GOptionEntry entries[] = {
  { "people", 'n', 0, G_OPTION_ARG_INT, &people, "How many people (default 100000)", "N" },
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
    "Database to build, or to reuse when it exists", "PATH" },
  { NULL }
};

static const char * const typed_names[] = {
  "Jose Martines", "martinez jose", "Nguyen Thi Lan", "Nguen Van Minh", "Fatima Hassan",
  "Mohamed Abdi", "Maria Santos", "Jean Baptiste", "Wong", "Zofia Kowalska", "xyzzy qwerty",
};

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- time sign-in matching and the dashboard");
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = NULL;
  g_autofree char *dir = NULL;
  GwStageFigures figures;
  double start, worst = 0, total = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  if (database == NULL)
    {
      dir = g_dir_make_tmp ("groundwork-bench-XXXXXX", &error);
      if (dir == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      database = g_build_filename (dir, "bench.db", NULL);
    }

  {
    gboolean exists = g_file_test (database, G_FILE_TEST_EXISTS);

    store = gw_store_open (database, &error);
    if (store == NULL)
      {
        fprintf (stderr, "%s\n", error->message);
        return 1;
      }

    if (!exists)
      {
        printf ("Building %s with %d people...\n", database, people);
        start = now_ms ();
        if (!gw_demo_fill (store, people, SEED, &error))
          {
            fprintf (stderr, "%s\n", error->message);
            return 1;
          }
        printf ("  build                         %9.2f s\n", (now_ms () - start) / 1000.0);
      }
  }

  {
    g_autoptr(GPtrArray) meetings = gw_store_list_meetings (store, NULL, NULL);
    printf ("%u people, %u meetings\n", gw_store_count_members (store), meetings->len);
  }

  /* Warm the page cache as a person's first look would. */
  g_ptr_array_unref (gw_store_match_sign_in_name (store, "warm up", 5));

  for (guint i = 0; i < G_N_ELEMENTS (typed_names); i++)
    {
      g_autoptr(GPtrArray) found = NULL;
      double ms;

      start = now_ms ();
      found = gw_store_match_sign_in_name (store, typed_names[i], 5);
      ms = now_ms () - start;
      worst = MAX (worst, ms);
      total += ms;
      printf ("  match %-18s %7.2f ms  %u found, first: %s\n", typed_names[i], ms, found->len,
              found->len > 0 ? gw_member_get_full_name (g_ptr_array_index (found, 0)) : "-");
    }
  printf ("  match: mean %.2f ms, worst %.2f ms\n", total / G_N_ELEMENTS (typed_names), worst);

#define TIME(label, code)                                                   \
  G_STMT_START {                                                            \
    start = now_ms ();                                                      \
    code;                                                                   \
    printf ("  %-28s %7.2f ms\n", label, now_ms () - start);               \
  } G_STMT_END

  TIME ("stage figures", gw_dashboard_get_stage_figures (store, TODAY, &figures));
  printf ("    now %u/%u/%u, 30 days %+d/%+d/%+d, 90 days %+d/%+d/%+d\n",
          figures.now[0], figures.now[1], figures.now[2],
          figures.change_30[0], figures.change_30[1], figures.change_30[2],
          figures.change_90[0], figures.change_90[1], figures.change_90[2]);
  {
    g_autoptr(GPtrArray) ready = NULL;
    g_autoptr(GPtrArray) absent = NULL;
    g_autoptr(GwParticipation) balance = NULL;
    g_autoptr(GPtrArray) order = NULL;
    g_autoptr(GwRotationCandidate) next = NULL;
    guint n_absent = 0, n_open = 0, n_overdue = 0;

    TIME ("ready for promotion (10)", ready = gw_dashboard_list_ready (store, TODAY, 10));
    if (ready->len > 0)
      {
        GwPromotionCandidate *first = g_ptr_array_index (ready, 0);
        printf ("    first: %s, missing %u: %s\n", first->full_name, first->n_missing, first->missing);
      }
    TIME ("not seen for 60 days (20)", absent = gw_dashboard_list_not_seen (store, TODAY, 60, 20, &n_absent));
    printf ("    %u in all\n", n_absent);
    TIME ("open and overdue actions", gw_dashboard_count_actions (store, TODAY, &n_open, &n_overdue));
    printf ("    %u open, %u overdue\n", n_open, n_overdue);
    TIME ("participation (90 days)", balance = gw_dashboard_dup_participation (store, "2026-08-03", TODAY));
    printf ("    %u people, top %u: %.0f%% attendances, %.0f%% actions, %.0f%% hours\n",
            balance->n_people, balance->n_top, balance->attendance_share * 100,
            balance->action_share * 100, balance->minutes_share * 100);
    TIME ("rotation order", order = gw_rotation_dup_order (store, TODAY));
    printf ("    %u in the pool\n", order->len);
    TIME ("next secretary", next = gw_rotation_dup_next (store, TODAY));
  }

  if (dir != NULL)
    {
      g_autofree char *wal = g_strconcat (database, "-wal", NULL);
      g_autofree char *shm = g_strconcat (database, "-shm", NULL);

      g_clear_object (&store);
      g_remove (database);
      g_remove (wal);
      g_remove (shm);
      g_rmdir (dir);
    }

  return 0;
}
