/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "gw-store-ledger.h"
#include "gw-store-private.h"
#include "gw-store.h"

/* How fast the ledger answers with a very large history: opening it (the
 * first page of entries and the count), balances, goods on hand, the
 * independence figures and a drive's progress. This is a tool for
 * developers; its output is not translated. The database is built with
 * gw_store_record_entry() in one transaction, or reused with --database. */

#define SEED 5151

static int n_entries = 1000000;
static char *database;

static const GOptionEntry entries[] = {
  { "entries", 'n', 0, G_OPTION_ARG_INT, &n_entries, "How many entries (default 1000000)", "N" },
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
    "Database to build, or to reuse when it exists", "PATH" },
  { NULL }
};

static const char * const items[][2] = {
  { "Coats", "" }, { "Blankets", "" }, { "Rice", "kg" }, { "Beans", "kg" },
  { "Diapers", "packs" }, { "Soap", "bars" }, { "Boots", "pairs" }, { "Cooking oil", "l" },
};

static const char * const needs[] = { "Winter clothing", "Food", "Hygiene", "Children", "Housing" };

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
build (GwStore *store,
       GRand   *rand)
{
  g_autoptr(GError) error = NULL;
  gint64 drives[12];
  double start = now_ms ();

  for (guint i = 0; i < G_N_ELEMENTS (drives); i++)
    {
      g_autoptr(GwDrive) d = gw_drive_new ();

      d->name = g_strdup_printf ("Drive %u", i + 1);
      d->start_date = g_strdup_printf ("%04u-01-01", 2014 + i);
      g_ptr_array_add (d->goals, gw_drive_goal_new_money (5000000, "EUR"));
      g_ptr_array_add (d->goals, gw_drive_goal_new_goods ("Coats", 5000, ""));
      drives[i] = gw_store_add_drive (store, d, &error);
      g_assert_no_error (error);
    }

  gw_store_begin (store, &error);
  g_assert_no_error (error);

  for (int i = 0; i < n_entries; i++)
    {
      g_autoptr(GwLedgerEntry) e = gw_ledger_entry_new ();
      int year = 2014 + g_rand_int_range (rand, 0, 12);
      int r = g_rand_int_range (rand, 0, 100);

      e->date = g_strdup_printf ("%04d-%02d-%02d", year, g_rand_int_range (rand, 1, 13),
                                 g_rand_int_range (rand, 1, 29));
      e->recorded_by = g_strdup ("Treasurer");
      if (g_rand_int_range (rand, 0, 3) == 0)
        e->drive_id = drives[year - 2014];

      if (r < 55)
        {
          /* Money received: dues, individuals, allied groups, a few grants,
           * businesses and (rarely) the government. */
          int s = g_rand_int_range (rand, 0, 1000);

          e->kind = GW_LEDGER_MONEY;
          e->currency = g_strdup (g_rand_int_range (rand, 0, 10) == 0 ? "USD" : "EUR");
          e->amount = g_rand_int_range (rand, 100, 20000);
          e->source_class = s < 450 ? GW_SOURCE_MEMBER_DUES : s < 800 ? GW_SOURCE_INDIVIDUAL
                            : s < 900 ? GW_SOURCE_ALLIED_GROUP : s < 930 ? GW_SOURCE_NGO_FOUNDATION
                            : s < 999 ? GW_SOURCE_BUSINESS : GW_SOURCE_GOVERNMENT;
          switch (g_rand_int_range (rand, 0, 3))
            {
            case 0:
              e->party_kind = GW_PARTY_ANONYMOUS;
              break;
            default:
              e->party_kind = GW_PARTY_OUTSIDE;
              e->party_name = g_strdup_printf ("Donor %d", g_rand_int_range (rand, 0, 5000));
              break;
            }
        }
      else if (r < 75)
        {
          int k = g_rand_int_range (rand, 0, G_N_ELEMENTS (items));

          e->kind = GW_LEDGER_GOODS;
          e->item = g_strdup (items[k][0]);
          e->unit = g_strdup (items[k][1]);
          e->quantity = g_rand_int_range (rand, 1, 50);
          e->source_class = GW_SOURCE_INDIVIDUAL;
        }
      else if (r < 90)
        {
          int k = g_rand_int_range (rand, 0, G_N_ELEMENTS (items));

          e->direction = GW_LEDGER_GIVEN_OUT;
          e->kind = GW_LEDGER_GOODS;
          e->item = g_strdup (items[k][0]);
          e->unit = g_strdup (items[k][1]);
          e->quantity = g_rand_int_range (rand, 1, 20);
          e->need_category = g_strdup (needs[g_rand_int_range (rand, 0, G_N_ELEMENTS (needs))]);
          e->households = g_rand_int_range (rand, 1, 10);
        }
      else
        {
          e->direction = r < 95 ? GW_LEDGER_GIVEN_OUT : GW_LEDGER_SPENT;
          e->kind = GW_LEDGER_MONEY;
          e->currency = g_strdup ("EUR");
          e->amount = g_rand_int_range (rand, 500, 50000);
          e->party_kind = GW_PARTY_OUTSIDE;
          e->party_name = g_strdup ("Print shop");
        }

      gw_store_record_entry (store, e, &error);
      g_assert_no_error (error);
    }

  gw_store_commit (store, &error);
  g_assert_no_error (error);
  printf ("build: %d entries in %.1f s\n", n_entries, (now_ms () - start) / 1000.0);
}

#define TIME(label, code) \
  G_STMT_START { \
    double best = G_MAXDOUBLE; \
    for (int run = 0; run < 5; run++) \
      { \
        double t0 = now_ms (); \
        { code; } \
        best = MIN (best, now_ms () - t0); \
      } \
    printf ("%-42s %8.2f ms\n", label, best); \
  } G_STMT_END

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the ledger with a large history");
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  gboolean existed;
  double t0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  if (database != NULL)
    path = g_strdup (database);
  else
    {
      dir = g_dir_make_tmp ("gw-bench-ledger-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (dir, "groundwork.db", NULL);
    }
  existed = g_file_test (path, G_FILE_TEST_EXISTS);

  store = gw_store_open (path, &error);
  g_assert_no_error (error);
  if (!existed)
    build (store, rand);
  g_clear_object (&store);

  /* Measure in a freshly opened store, as the application does. */
  t0 = now_ms ();
  store = gw_store_open (path, &error);
  g_assert_no_error (error);
  /* Mostly SQLite's quick_check of the whole file, which the store runs
   * before trusting it (and, the first time, any migration). */
  printf ("%-42s %8.2f ms\n", "open the database (integrity check)", now_ms () - t0);

  {
    guint count = 0;
    double t1 = now_ms ();
    g_autoptr(GPtrArray) page = gw_store_list_ledger (store, NULL, 0, 50);

    count = gw_store_count_ledger (store, NULL);
    printf ("%-42s %8.2f ms  (%u entries, cold)\n", "open the ledger: first 50 + count", now_ms () - t1, count);
  }

  TIME ("open the ledger: first 50 + count", {
    g_autoptr(GPtrArray) page = gw_store_list_ledger (store, NULL, 0, 50);
    g_assert_cmpuint (page->len, ==, MIN (50, n_entries));
    gw_store_count_ledger (store, NULL);
  });
  TIME ("page at offset 10,000 (50 rows)", {
    g_autoptr(GPtrArray) page = gw_store_list_ledger (store, NULL, 10000, 50);
  });
  TIME ("filter a drive: first 50 + count", {
    GwLedgerFilter filter = { 0 };
    g_autoptr(GPtrArray) page = NULL;
    gw_ledger_filter_init (&filter);
    filter.drive_id = 3;
    page = gw_store_list_ledger (store, &filter, 0, 50);
    gw_store_count_ledger (store, &filter);
  });
  TIME ("filter goods given out in 2020: 50 + count", {
    GwLedgerFilter filter = { 0 };
    g_autoptr(GPtrArray) page = NULL;
    gw_ledger_filter_init (&filter);
    filter.kind = GW_LEDGER_GOODS;
    filter.direction = GW_LEDGER_GIVEN_OUT;
    filter.from = "2020-01-01";
    filter.to = "2020-12-31";
    page = gw_store_list_ledger (store, &filter, 0, 50);
    gw_store_count_ledger (store, &filter);
  });
  TIME ("balances per currency", {
    g_autoptr(GPtrArray) rows = gw_store_list_balances (store);
  });
  TIME ("goods on hand", {
    g_autoptr(GPtrArray) rows = gw_store_list_goods_on_hand (store);
  });
  TIME ("independence, one year", {
    g_autoptr(GwIndependence) ind = gw_store_get_independence (store, "2025-01", "2025-12", NULL);
  });
  TIME ("independence, 2017-03 to 2024-08", {
    g_autoptr(GwIndependence) ind = gw_store_get_independence (store, "2017-03", "2024-08", NULL);
  });
  TIME ("independence, all time", {
    g_autoptr(GwIndependence) ind = gw_store_get_independence (store, NULL, NULL, NULL);
  });
  TIME ("forbidden entries, one year", {
    g_autoptr(GPtrArray) rows = gw_ledger_list_forbidden_entries (store, "2025-01-01", "2025-12-31");
  });
  TIME ("drives with goal progress", {
    g_autoptr(GPtrArray) rows = gw_store_list_drives (store);
  });
  TIME ("report per month and currency", {
    g_autoptr(GPtrArray) rows = gw_store_report_months (store, NULL, NULL);
  });
  TIME ("report by source class", {
    g_autoptr(GPtrArray) rows = gw_store_report_sources (store, NULL, NULL);
  });

  {
    g_autofree char *csv = g_strconcat (path, ".csv", NULL);
    double t1 = now_ms ();

    gw_ledger_export_csv (store, NULL, csv, &error);
    g_assert_no_error (error);
    printf ("%-42s %8.2f ms\n", "export everything to CSV", now_ms () - t1);
    g_remove (csv);
  }

  g_clear_object (&store);
  if (dir != NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_remove (path);
      g_remove (wal);
      g_remove (shm);
      g_rmdir (dir);
    }
  return EXIT_SUCCESS;
}
