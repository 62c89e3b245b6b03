/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "gw-csv.h"
#include "gw-csv-import.h"
#include "gw-member-list.h"
#include "gw-store.h"
#include "gw-store-members.h"

/* How long importing people from a spreadsheet takes for a large chapter:
 * a file of N people into an empty roster, then a second file of N into
 * that roster of N (a tenth of them people already there, by phone), and
 * writing the whole roster back out as CSV. For comparison it also times
 * gw_store_find_duplicates(), the one-person lookup, on a sample of rows.
 * A tool for developers; its output is not translated. */

#define DEFAULT_PEOPLE 100000
#define SEED           2718
#define SAMPLE         200

static const char * const first_names[] = {
  "María", "José", "Ana", "Luis", "Carmen", "Juan", "Rosa", "Carlos", "Lucía", "Miguel",
  "Elena", "Jorge", "Sofía", "Pedro", "Isabel", "Diego", "Laura", "Andrés", "Marta", "Pablo",
  "Linh", "Minh", "Thu", "Quang", "Hoa", "Duc", "Mai", "Tuan", "Lan", "Hung",
  "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "David", "Susan",
  "Aisha", "Omar", "Fatima", "Yusuf", "Amina", "Kwame", "Ama", "Kofi", "Abena", "Yaw",
  "Wei", "Jing", "Hao", "Mei", "Priya", "Arjun", "Deepa", "Ravi", "Olga", "Ivan",
};

static const char * const surnames[] = {
  "García", "Martínez", "López", "González", "Rodríguez", "Fernández", "Pérez", "Sánchez",
  "Ramírez", "Torres", "Flores", "Rivera", "Gómez", "Díaz", "Reyes", "Morales", "Cruz", "Ortiz",
  "Gutiérrez", "Chávez", "Ramos", "Ruiz", "Hernández", "Jiménez", "Mendoza", "Castillo",
  "Nguyen", "Tran", "Le", "Pham", "Hoang", "Phan", "Vu", "Vo", "Dang", "Bui", "Do", "Ho",
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson",
  "Taylor", "Thomas", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris",
  "Okafor", "Mensah", "Boateng", "Owusu", "Diallo", "Traoré", "Ali", "Hassan", "Ahmed", "Khan",
  "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Patel", "Singh", "Kumar",
  "Ivanov", "Petrov", "Smirnov", "Kowalski", "Nowak",
};

static const char * const neighbourhoods[] = {
  "Elm Street", "Riverside", "Old Market", "North Hill", "Eastgate", "The Flats", "Mill Row",
};

static int people = DEFAULT_PEOPLE;

static const GOptionEntry entries[] = {
  { "people", 'n', 0, G_OPTION_ARG_INT, &people,
    "How many people each file holds (default 100000)", "N" },
  { NULL }
};

static double
peak_resident_mb (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return -1;
  return usage.ru_maxrss / 1024.0;
}

/* A spreadsheet of @n people as a chapter might keep it: first and last
 * names in two columns, a phone, an email for some, a neighbourhood. Rows
 * from @repeat_from on reuse the phone numbers of the first file (those
 * from FIRST_PHONE on), so that they are found as duplicates. */
#define FIRST_PHONE 1000000

static GString *
make_file (GRand *rand,
           int    n,
           guint  phone_base,
           int    repeat_from)
{
  GString *out = g_string_sized_new ((gsize) n * 80);

  g_string_append (out, "First name,Last name,Phone,E-mail,Neighbourhood,Joined\r\n");
  for (int i = 0; i < n; i++)
    {
      const char *first = first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))];
      const char *last = surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))];
      const char *last2 = surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))];
      guint phone = i >= repeat_from ? FIRST_PHONE + (guint) g_rand_int_range (rand, 0, n) : phone_base + i;

      g_string_append_printf (out, "%s,%s %s,555-%03u-%04u,", first, last, last2,
                              phone / 10000 % 1000, phone % 10000);
      if (g_rand_boolean (rand))
        g_string_append_printf (out, "p%u@example.org", phone);
      g_string_append_printf (out, ",%s,20%02d-%02d-%02d\r\n",
                              neighbourhoods[g_rand_int_range (rand, 0, G_N_ELEMENTS (neighbourhoods))],
                              g_rand_int_range (rand, 10, 25), g_rand_int_range (rand, 1, 13),
                              g_rand_int_range (rand, 1, 29));
    }

  return out;
}

static void
import_file (GwStore    *store,
             const char *label,
             GString    *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwCsvImport) import = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  GwCsvTable *table;
  double parse_s, check_s, apply_s;
  guint added = 0, merged = 0, duplicates = 0, problems = 0;

  table = gw_csv_parse (file->str, file->len, &error);
  if (table == NULL)
    g_error ("%s", error->message);
  parse_s = g_timer_elapsed (timer, NULL);

  g_timer_start (timer);
  import = gw_csv_import_new (store, table);
  if (!gw_csv_import_check (import, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  check_s = g_timer_elapsed (timer, NULL);

  for (guint i = 0; i < gw_csv_import_get_n_rows (import); i++)
    {
      GwCsvRow *row = gw_csv_import_get_row (import, i);

      duplicates += row->duplicate_reason != NULL;
      problems += row->problem != NULL;
    }

  g_timer_start (timer);
  if (!gw_csv_import_apply (import, "Benchmark", NULL, NULL, NULL, &added, &merged, &error))
    g_error ("%s", error->message);
  apply_s = g_timer_elapsed (timer, NULL);

  printf ("%s\n", label);
  printf ("  file:   %u rows, %.1f MB\n", gw_csv_import_get_n_rows (import), file->len / 1e6);
  printf ("  parse:  %7.2f s\n", parse_s);
  printf ("  check:  %7.2f s  (%u duplicates found, %u problems)\n", check_s, duplicates, problems);
  printf ("  apply:  %7.2f s  (%u added, %u merged)\n", apply_s, added, merged);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— time importing people from CSV");
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(GwStore) store = NULL;
  g_autoptr(GwMemberList) list = NULL;
  g_autoptr(GString) first = NULL;
  g_autoptr(GString) second = NULL;
  g_autoptr(GTimer) timer = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *export_path = NULL;
  GStatBuf st;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  dir = g_dir_make_tmp ("gw-bench-csv-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "groundwork.db", NULL);
  export_path = g_build_filename (dir, "roster.csv", NULL);

  store = gw_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  first = make_file (rand, people, FIRST_PHONE, people);
  second = make_file (rand, people, 5000000, people - people / 10);

  import_file (store, "Into an empty roster", first);
  import_file (store, "Into a roster of the first file", second);

  /* The one-person lookup the import does not use, for comparison. */
  {
    g_autoptr(GTimer) sample = g_timer_new ();
    double per_row;

    for (int i = 0; i < SAMPLE; i++)
      {
        g_autoptr(GwMember) draft = gw_member_new ();
        g_autoptr(GPtrArray) found = NULL;
        g_autofree char *name = g_strdup_printf ("%s %s", first_names[i % G_N_ELEMENTS (first_names)],
                                                 surnames[i % G_N_ELEMENTS (surnames)]);

        gw_member_set_full_name (draft, name);
        found = gw_store_find_duplicates (store, draft);
      }
    per_row = g_timer_elapsed (sample, NULL) / SAMPLE;
    printf ("gw_store_find_duplicates: %.1f ms a row on a roster of %u, so %.0f s for %d rows\n",
            per_row * 1000, gw_store_count_members (store), per_row * people, people);
  }

  list = gw_member_list_new (store);
  timer = g_timer_new ();
  if (!gw_member_list_export_csv (list, export_path, TRUE, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  g_stat (export_path, &st);
  printf ("Export of the roster: %u people, %.1f MB in %.2f s\n",
          g_list_model_get_n_items (G_LIST_MODEL (list)), st.st_size / 1e6,
          g_timer_elapsed (timer, NULL));

  printf ("Peak resident memory: %.0f MB\n", peak_resident_mb ());

  g_clear_object (&list);
  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *child = g_build_filename (dir, name, NULL);
        g_remove (child);
      }
  }
  g_rmdir (dir);

  return 0;
}
