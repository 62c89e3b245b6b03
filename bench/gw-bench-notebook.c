/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "gw-store-notebook.h"
#include "gw-store.h"

/* How fast the notebook's full-text search answers with 50,000 field notes
 * (the goal is under 50 ms), and how long saving notes takes. The notes are
 * made of words drawn from several languages, with forces and needs named
 * in some of them so that links are made as they would be. This is a tool
 * for developers; its output is not translated. */

#define SEED   2030
#define ROUNDS 20

static int n_notes = 50000;
static char *database;

static const GOptionEntry entries[] = {
  { "notes", 'n', 0, G_OPTION_ARG_INT, &n_notes, "How many notes (default 50000)", "N" },
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
    "Database to build, or to reuse when it exists", "PATH" },
  { NULL }
};

static const char * const words[] = {
  "the", "and", "tenants", "building", "rent", "landlord", "repairs", "heat", "water", "mold",
  "door", "floor", "families", "children", "school", "bus", "clinic", "police", "patrol", "park",
  "meeting", "church", "pastor", "shop", "owner", "corner", "street", "block", "neighbors",
  "notice", "court", "hearing", "lawyer", "food", "pantry", "clothes", "winter", "coats", "jobs",
  "wages", "union", "shift", "warehouse", "eviction", "developer", "condos", "permit", "city",
  "council", "office", "asked", "told", "said", "angry", "afraid", "ready", "organize", "strike",
  "petition", "signatures", "delegation", "visit", "again", "next", "week", "month", "elevator",
  "broken", "stairs", "roaches", "garbage", "pickup", "lights", "laundry", "machines", "fees",
  "vecinos", "alquiler", "desalojo", "moho", "escuela", "iglesia", "trabajo", "comida", "reunión",
  "miedo", "dueño", "edificio", "calefacción", "agua", "niños", "abogado", "corte", "policía",
  "hàng", "xóm", "tiền", "thuê", "nhà", "sửa", "chữa", "nước", "trường", "học", "chủ", "cảnh",
  "sát", "họp", "đình", "công", "việc", "lương", "con", "cái",
};

static const char * const force_names[] = {
  "Greenview Properties", "Elm Street Tenants", "St. Mary's Church", "Fifth Precinct",
  "Corner Bodega", "Hội Người Việt", "Iglesia San José", "City Housing Office", "Local 32B",
  "Parkside Condos", "Food Not Bombs", "Harbor Realty", "Block Club 12", "Mutual Aid Fund",
  "Riverside Developers",
};

static const char * const need_names[] = {
  "Evictions", "Mold", "Heat", "Police violence", "Food", "Winter coats", "Broken elevator",
  "Rent increases", "Garbage pickup", "Wage theft",
};

static const char * const queries[] = {
  "rent", "eviction", "greenview", "mold heat", "iglesia", "desalojo", "tiền thuê", "polic",
  "broken elevator", "xyzzy", "st marys", "wage theft strike", "the",
};

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static gboolean
build (GwStore  *store,
       GError  **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(GPtrArray) kinds = gw_store_list_force_kinds (store);
  double start = now_ms ();

  if (!gw_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (force_names); i++)
    {
      g_autoptr(GwForce) force = gw_force_new (force_names[i],
                                               ((GwForceKind *) g_ptr_array_index (kinds, i % kinds->len))->id);

      force->stance = i % GW_N_STANCES;
      if (gw_store_add_force (store, force, NULL, NULL, error) == 0)
        goto fail;
    }
  for (guint i = 0; i < G_N_ELEMENTS (need_names); i++)
    {
      g_autoptr(GwNeed) need = gw_need_new (need_names[i]);

      if (gw_store_add_need (store, need, error) == 0)
        goto fail;
    }

  for (int i = 0; i < n_notes; i++)
    {
      g_autoptr(GwNote) note = NULL;
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *title = NULL;
      g_autofree char *date = NULL;
      int n_words = g_rand_int_range (rand, 40, 220);

      title = g_strdup_printf ("%s %s %s", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                               words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                               words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      date = g_strdup_printf ("%04d-%02d-%02d", g_rand_int_range (rand, 2020, 2031),
                              g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
      for (int w = 0; w < n_words; w++)
        {
          if (w > 0)
            g_string_append_c (text, (w % 13 == 0) ? '.' : ' ');
          if (w % 13 == 0 && w > 0)
            g_string_append_c (text, ' ');
          if (g_rand_int_range (rand, 0, 60) == 0)
            g_string_append (text, force_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (force_names))]);
          else if (g_rand_int_range (rand, 0, 50) == 0)
            g_string_append (text, need_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (need_names))]);
          else
            g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
        }

      note = gw_note_new (title, date);
      g_free (note->text);
      note->text = g_string_free (g_steal_pointer (&text), FALSE);
      if (i % 7 == 0)
        note->tags = g_strsplit (i % 2 ? "door-knocking" : "meeting,follow-up", ",", -1);
      if (gw_store_add_note (store, note, error) == 0)
        goto fail;
    }

  if (!gw_store_commit (store, error))
    return FALSE;

  printf ("Built %d notes, %u forces and %u needs in one transaction: %.0f ms (%.2f ms a note)\n",
          n_notes, (guint) G_N_ELEMENTS (force_names), (guint) G_N_ELEMENTS (need_names),
          now_ms () - start, (now_ms () - start) / MAX (n_notes, 1));
  return TRUE;

fail:
  gw_store_rollback (store);
  return FALSE;
}

static void
time_search (GwStore                *store,
             const char             *label,
             const char             *query,
             const GwNotebookFilter *filter)
{
  double times[ROUNDS];
  double total = 0;
  guint n_hits = 0;

  for (int r = 0; r < ROUNDS; r++)
    {
      double start = now_ms ();
      g_autoptr(GPtrArray) hits = gw_store_notebook_search (store, query, filter, 50);

      times[r] = now_ms () - start;
      total += times[r];
      n_hits = hits->len;
    }
  qsort (times, ROUNDS, sizeof times[0], (int (*) (const void *, const void *)) compare_doubles);
  printf ("  %-28s %3u hits  mean %6.2f  median %6.2f  max %6.2f ms\n",
          label, n_hits, total / ROUNDS, times[ROUNDS / 2], times[ROUNDS - 1]);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the notebook's search");
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  gboolean existed;
  GwNotebookFilter filter = { 0 };

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
      dir = g_dir_make_tmp ("groundwork-bench-XXXXXX", &error);
      if (dir == NULL)
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
      path = g_build_filename (dir, "notebook.db", NULL);
    }
  existed = g_file_test (path, G_FILE_TEST_EXISTS);

  store = gw_store_open (path, &error);
  if (store == NULL || (!existed && !build (store, &error)))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  printf ("Search, best 50 with snippets, %d rounds each:\n", ROUNDS);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    time_search (store, queries[i], queries[i], NULL);

  filter.types = GW_NOTEBOOK_NOTE;
  filter.from_date = (char *) "2025-01-01";
  filter.to_date = (char *) "2025-12-31";
  time_search (store, "rent, notes of 2025", "rent", &filter);
  filter.from_date = filter.to_date = NULL;
  filter.tag = (char *) "door-knocking";
  time_search (store, "rent, tagged door-knocking", "rent", &filter);
  filter.tag = NULL;
  filter.force_id = 1;
  time_search (store, "rent, linked to a force", "rent", &filter);
  /* Worst cases: a filter that keeps every note, a word in most notes
   * under a selective filter, and several words under two filters. */
  filter.force_id = 0;
  filter.types = 0;
  filter.from_date = (char *) "2020-01-01";
  time_search (store, "the, notes since 2020", "the", &filter);
  filter.from_date = NULL;
  filter.tag = (char *) "door-knocking";
  time_search (store, "the, tagged door-knocking", "the", &filter);
  filter.from_date = (char *) "2025-01-01";
  filter.to_date = (char *) "2025-12-31";
  time_search (store, "wage theft strike, 2025+tag", "wage theft strike", &filter);

  {
    double start = now_ms ();
    g_autoptr(GPtrArray) top = gw_store_list_top_needs (store, 5);
    g_autoptr(GPtrArray) recent = gw_store_list_recent_notes (store, 10);

    printf ("Top needs and recent notes (dashboard tiles): %.2f ms\n", now_ms () - start);
  }

  g_clear_object (&store);
  if (dir != NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_remove (wal);
      g_remove (shm);
      g_remove (path);
      g_rmdir (dir);
    }
  return EXIT_SUCCESS;
}
