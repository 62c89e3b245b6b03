/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "gw-member-list.h"
#include "gw-test-util.h"

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

/* Records every items-changed and keeps a mirror of the model built only
 * from what the signals said, the way a GtkListView sees the model. */
typedef struct
{
  GArray    *changes;
  GPtrArray *mirror;    /* of gint64 ids, as pointers to heap gint64 */
} Recorder;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Recorder   *rec)
{
  Change change = { position, removed, added };

  g_array_append_val (rec->changes, change);

  g_assert_cmpuint (position + removed, <=, rec->mirror->len);
  g_ptr_array_remove_range (rec->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(GwMember) member = g_list_model_get_item (model, position + i);
      gint64 *id = g_new (gint64, 1);

      g_assert_nonnull (member);
      *id = gw_member_get_id (member);
      g_ptr_array_insert (rec->mirror, position + i, id);
    }
  g_assert_cmpuint (rec->mirror->len, ==, g_list_model_get_n_items (model));
}

static Recorder *
recorder_new (GwMemberList *list)
{
  Recorder *rec = g_new0 (Recorder, 1);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  rec->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  rec->mirror = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    {
      gint64 *id = g_new (gint64, 1);

      *id = gw_member_list_get_id (list, i);
      g_ptr_array_add (rec->mirror, id);
    }
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), rec);
  return rec;
}

static void
recorder_free (Recorder     *rec,
               GwMemberList *list)
{
  g_signal_handlers_disconnect_by_func (list, items_changed_cb, rec);
  g_array_unref (rec->changes);
  g_ptr_array_unref (rec->mirror);
  g_free (rec);
}

static void
recorder_reset (Recorder *rec)
{
  g_array_set_size (rec->changes, 0);
}

/* The mirror, updated only through the signals, matches the model. */
static void
assert_mirror_matches (Recorder     *rec,
                       GwMemberList *list)
{
  GListModel *model = G_LIST_MODEL (list);

  g_assert_cmpuint (rec->mirror->len, ==, g_list_model_get_n_items (model));
  for (guint i = 0; i < rec->mirror->len; i++)
    {
      g_autoptr(GwMember) member = g_list_model_get_item (model, i);

      g_assert_cmpint (*(gint64 *) g_ptr_array_index (rec->mirror, i), ==,
                       gw_member_get_id (member));
    }
}

static void
assert_one_change (Recorder *rec,
                   guint     position,
                   guint     removed,
                   guint     added)
{
  Change *c;

  g_assert_cmpuint (rec->changes->len, ==, 1);
  c = &g_array_index (rec->changes, Change, 0);
  g_assert_cmpuint (c->position, ==, position);
  g_assert_cmpuint (c->removed, ==, removed);
  g_assert_cmpuint (c->added, ==, added);
}

/* The names the list shows, joined with "|", for readable comparisons. */
static char *
dup_names (GwMemberList *list)
{
  GListModel *model = G_LIST_MODEL (list);
  GString *s = g_string_new (NULL);
  guint n = g_list_model_get_n_items (model);

  g_assert_true (g_list_model_get_item_type (model) == GW_TYPE_MEMBER);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GwMember) member = g_list_model_get_item (model, i);

      g_assert_true (GW_IS_MEMBER (member));
      g_assert_cmpint (gw_member_list_get_id (list, i), ==, gw_member_get_id (member));
      g_assert_cmpint (gw_member_list_find (list, gw_member_get_id (member)), ==, (int) i);
      if (i > 0)
        g_string_append_c (s, '|');
      g_string_append (s, gw_member_get_full_name (member));
    }
  g_assert_null (g_list_model_get_item (model, n));
  return g_string_free (s, FALSE);
}

#define assert_names(list, expected) \
  G_STMT_START { \
    g_autofree char *_names = dup_names (list); \
    g_assert_cmpstr (_names, ==, expected); \
  } G_STMT_END

static gint64
add_full (GwStore            *store,
          const char         *name,
          const char         *community,
          const char         *phone,
          const char         *email,
          const char         *neighbourhood,
          const char         *language,
          const char         *joined,
          const char         *notes,
          const char * const *tags)
{
  g_autoptr(GwMember) draft = gw_member_new ();
  g_autoptr(GError) error = NULL;
  const char *languages[] = { language, NULL };
  gint64 id;

  gw_member_set_full_name (draft, name);
  if (community)
    gw_member_set_community_name (draft, community);
  if (phone)
    gw_member_set_phone (draft, phone);
  if (email)
    gw_member_set_email (draft, email);
  if (neighbourhood)
    gw_member_set_neighbourhood (draft, neighbourhood);
  if (language)
    gw_member_set_languages (draft, languages);
  if (joined)
    gw_member_set_joined (draft, joined);
  if (notes)
    gw_member_set_notes (draft, notes);
  if (tags)
    gw_member_set_tags (draft, tags);
  id = gw_store_add_member (store, draft, "Secretary", &error);
  g_assert_no_error (error);
  return id;
}

typedef struct
{
  gint64 jose, ana, nguyen, marcus, wanjiru;
} People;

/* Five people whose every sortable field has a different, unambiguous order. */
static void
add_people (GwStore *store,
            People  *p)
{
  const char *jose_tags[] = { "tenant", "elm", NULL };
  const char *ana_tags[] = { "driver", NULL };
  const char *nguyen_tags[] = { "translator", "tenant", NULL };
  const char *marcus_tags[] = { "kitchen", NULL };

  p->jose = add_full (store, "José Martínez", "Pepe", "555-0123", "jose@example.org",
                      "Elm Street", "Spanish", "2021-03-01",
                      "Knows the landlord at the corner building", jose_tags);
  p->ana = add_full (store, "Ana Lopez", NULL, "(555) 987-6543", "ana.lopez@example.net",
                     "Cedar Park", "Amharic", "2023-06-15", "Drives a van", ana_tags);
  p->nguyen = add_full (store, "Nguyen Van Anh", "Anh", "555 222 3333", "anh@example.org",
                        "Birch Hill", "Vietnamese", "2019-11-20", "Speaks at assemblies",
                        nguyen_tags);
  p->marcus = add_full (store, "Marcus Brown", "Big M", "555-4444", "marcus@example.com",
                        "Dogwood Lane", "English", "2022-01-10", "Cooks for the breakfast program",
                        marcus_tags);
  p->wanjiru = add_full (store, "Wanjiru Kamau", NULL, "555-1111", "wanjiru@example.com",
                         "Aspen Court", "Kiswahili", "2024-08-30", NULL, NULL);
}

typedef struct
{
  GwTestFixture f;
  People        p;
  GwMemberList *list;
} ListFixture;

static void
list_set_up (ListFixture   *lf,
             gconstpointer  data)
{
  gw_test_fixture_set_up (&lf->f, data);
  add_people (lf->f.store, &lf->p);
  lf->list = gw_member_list_new (lf->f.store);
  g_assert_true (gw_member_list_get_store (lf->list) == lf->f.store);
}

static void
list_tear_down (ListFixture   *lf,
                gconstpointer  data)
{
  g_clear_object (&lf->list);
  gw_test_fixture_tear_down (&lf->f, data);
}

/* Contents */

static void
test_sorted_by_name (ListFixture   *lf,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  assert_names (lf->list, "Ana Lopez|José Martínez|Marcus Brown|Nguyen Van Anh|Wanjiru Kamau");
  g_assert_cmpuint (gw_member_list_get_total (lf->list), ==, 5);
  g_assert_cmpint (gw_member_list_find (lf->list, 4242), <, 0);

  /* Deleted people are not on the roster. */
  gw_store_delete_member (lf->f.store, lf->p.marcus, &error);
  g_assert_no_error (error);
  assert_names (lf->list, "Ana Lopez|José Martínez|Nguyen Van Anh|Wanjiru Kamau");
  g_assert_cmpuint (gw_member_list_get_total (lf->list), ==, 4);
  g_assert_cmpint (gw_member_list_find (lf->list, lf->p.marcus), <, 0);
}

static void
test_empty_store (GwTestFixture *f,
                  gconstpointer  data)
{
  g_autoptr(GwMemberList) list = gw_member_list_new (f->store);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 0));
  g_assert_cmpuint (gw_member_list_get_total (list), ==, 0);
}

/* Search */

typedef struct
{
  const char *search;
  const char *expected;
} SearchCase;

static void
test_search (ListFixture   *lf,
             gconstpointer  data)
{
  const SearchCase cases[] = {
    /* Names, whatever the case and accents. */
    { "jose",                  "José Martínez" },
    { "JOSÉ",                  "José Martínez" },
    { "martinez",              "José Martínez" },
    { "lópez",                 "Ana Lopez" },
    /* Every word is the start of a word, and all must match. */
    { "mart",                  "José Martínez" },
    { "jos mar",               "José Martínez" },
    { "mar jos",               "José Martínez" },
    { "jose lopez",            "" },
    { "artinez",               "" },
    { "an",                    "Ana Lopez|Nguyen Van Anh" },
    /* The name people actually use. */
    { "pepe",                  "José Martínez" },
    { "big",                   "Marcus Brown" },
    /* Phone numbers as typed, or as bare digits. */
    { "555-0123",              "José Martínez" },
    { "5550123",               "José Martínez" },
    { "5559876543",            "Ana Lopez" },
    { "5552223333",            "Nguyen Van Anh" },
    /* Email. */
    { "ana.lopez@example.net", "Ana Lopez" },
    { "example.com",           "Marcus Brown|Wanjiru Kamau" },
    /* Notes and tags. */
    { "landlord",              "José Martínez" },
    { "breakfast",             "Marcus Brown" },
    { "driver",                "Ana Lopez" },
    { "tenant",                "José Martínez|Nguyen Van Anh" },
    /* Nothing to find. */
    { "zzzz",                  "" },
    /* Text that would be FTS syntax is just text. */
    { "\"jose",                "José Martínez" },
    { "jose*",                 "José Martínez" },
    { "NOT OR AND",            "" },
    { "(",                     "Ana Lopez|José Martínez|Marcus Brown|Nguyen Van Anh|Wanjiru Kamau" },
    /* No search is everyone. */
    { "",                      "Ana Lopez|José Martínez|Marcus Brown|Nguyen Van Anh|Wanjiru Kamau" },
    { "   ",                   "Ana Lopez|José Martínez|Marcus Brown|Nguyen Van Anh|Wanjiru Kamau" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("search: '%s'", cases[i].search);
      gw_member_list_set_search (lf->list, cases[i].search);
      assert_names (lf->list, cases[i].expected);
      g_assert_cmpuint (gw_member_list_get_total (lf->list), ==, 5);
    }

  gw_member_list_set_search (lf->list, NULL);
  assert_names (lf->list, "Ana Lopez|José Martínez|Marcus Brown|Nguyen Van Anh|Wanjiru Kamau");
}

static void
test_search_follows_edits (ListFixture   *lf,
                           gconstpointer  data)
{
  g_autoptr(GwMember) member = gw_test_load (lf->f.store, lf->p.marcus);
  g_autoptr(GError) error = NULL;

  gw_member_list_set_search (lf->list, "garden");
  assert_names (lf->list, "");

  gw_member_set_notes (member, "Runs the community garden");
  gw_store_update_member (lf->f.store, member, &error);
  g_assert_no_error (error);
  assert_names (lf->list, "Marcus Brown");
  g_assert_cmpstr (gw_member_list_get_search (lf->list), ==, "garden");

  gw_test_add_person (lf->f.store, "Gardenia Flores", NULL, NULL);
  assert_names (lf->list, "Gardenia Flores|Marcus Brown");
}

/* Filters */

static void
test_filters (ListFixture   *lf,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *all = "Ana Lopez|José Martínez|Marcus Brown|Nguyen Van Anh|Wanjiru Kamau";

  gw_test_raise_to (lf->f.store, lf->p.nguyen, GW_STAGE_CADRE);
  gw_test_raise_to (lf->f.store, lf->p.ana, GW_STAGE_MEMBER);
  gw_test_raise_to (lf->f.store, lf->p.jose, GW_STAGE_MEMBER);
  gw_ladder_set_status (lf->f.store, lf->p.jose, GW_STATUS_INACTIVE, "2024-05-01", "Rosa", NULL,
                        &error);
  g_assert_no_error (error);
  gw_ladder_set_status (lf->f.store, lf->p.wanjiru, GW_STATUS_LEFT, "2024-09-15", "Rosa", NULL,
                        &error);
  g_assert_no_error (error);

  gw_member_list_set_stage_filter (lf->list, GW_STAGE_MEMBER);
  assert_names (lf->list, "Ana Lopez|José Martínez");
  gw_member_list_set_stage_filter (lf->list, GW_STAGE_CADRE);
  assert_names (lf->list, "Nguyen Van Anh");
  gw_member_list_set_stage_filter (lf->list, GW_STAGE_VOLUNTEER);
  assert_names (lf->list, "Marcus Brown|Wanjiru Kamau");
  g_assert_cmpuint (gw_member_list_get_total (lf->list), ==, 5);
  gw_member_list_set_stage_filter (lf->list, -1);
  assert_names (lf->list, all);

  gw_member_list_set_status_filter (lf->list, GW_STATUS_ACTIVE);
  assert_names (lf->list, "Ana Lopez|Marcus Brown|Nguyen Van Anh");
  gw_member_list_set_status_filter (lf->list, GW_STATUS_INACTIVE);
  assert_names (lf->list, "José Martínez");
  gw_member_list_set_status_filter (lf->list, GW_STATUS_LEFT);
  assert_names (lf->list, "Wanjiru Kamau");
  gw_member_list_set_status_filter (lf->list, -1);
  assert_names (lf->list, all);

  gw_member_list_set_tag_filter (lf->list, "tenant");
  assert_names (lf->list, "José Martínez|Nguyen Van Anh");
  gw_member_list_set_tag_filter (lf->list, "kitchen");
  assert_names (lf->list, "Marcus Brown");
  /* A tag is a whole tag, not a piece of one. */
  gw_member_list_set_tag_filter (lf->list, "ten");
  assert_names (lf->list, "");
  gw_member_list_set_tag_filter (lf->list, NULL);
  assert_names (lf->list, all);

  gw_member_list_set_language_filter (lf->list, "Vietnamese");
  assert_names (lf->list, "Nguyen Van Anh");
  gw_member_list_set_language_filter (lf->list, "Spanish");
  assert_names (lf->list, "José Martínez");
  gw_member_list_set_language_filter (lf->list, NULL);
  assert_names (lf->list, all);

  /* Filters and search together narrow down. */
  gw_member_list_set_stage_filter (lf->list, GW_STAGE_MEMBER);
  gw_member_list_set_tag_filter (lf->list, "tenant");
  assert_names (lf->list, "José Martínez");
  gw_member_list_set_status_filter (lf->list, GW_STATUS_ACTIVE);
  assert_names (lf->list, "");
  gw_member_list_set_status_filter (lf->list, -1);
  gw_member_list_set_search (lf->list, "ana");
  assert_names (lf->list, "");
  gw_member_list_set_tag_filter (lf->list, NULL);
  assert_names (lf->list, "Ana Lopez");
  g_assert_cmpuint (gw_member_list_get_total (lf->list), ==, 5);

  gw_member_list_set_search (lf->list, NULL);
  gw_member_list_set_stage_filter (lf->list, -1);
  assert_names (lf->list, all);
}

/* Sorting */

typedef struct
{
  GwMemberSort sort;
  const char  *ascending;
} SortCase;

static char *
reverse_names (const char *names)
{
  g_auto(GStrv) parts = g_strsplit (names, "|", -1);
  guint n = g_strv_length (parts);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (s, '|');
      g_string_append (s, parts[n - 1 - i]);
    }
  return g_string_free (s, FALSE);
}

static void
test_sort (ListFixture   *lf,
           gconstpointer  data)
{
  const SortCase cases[] = {
    { GW_MEMBER_SORT_NAME,          "Ana Lopez|José Martínez|Marcus Brown|Nguyen Van Anh|Wanjiru Kamau" },
    /* 555-0123 < 555-1111 < 555 222 3333 < 555-4444 < (555) 987-6543 by digits */
    { GW_MEMBER_SORT_PHONE,         "José Martínez|Wanjiru Kamau|Nguyen Van Anh|Marcus Brown|Ana Lopez" },
    /* Aspen < Birch < Cedar < Dogwood < Elm */
    { GW_MEMBER_SORT_NEIGHBOURHOOD, "Wanjiru Kamau|Nguyen Van Anh|Ana Lopez|Marcus Brown|José Martínez" },
    /* Amharic < English < Kiswahili < Spanish < Vietnamese */
    { GW_MEMBER_SORT_LANGUAGES,     "Ana Lopez|Marcus Brown|Wanjiru Kamau|José Martínez|Nguyen Van Anh" },
    /* 2019 < 2021 < 2022 < 2023 < 2024 */
    { GW_MEMBER_SORT_JOINED,        "Nguyen Van Anh|José Martínez|Marcus Brown|Ana Lopez|Wanjiru Kamau" },
  };
  guint n_sorts_tested = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *descending = reverse_names (cases[i].ascending);

      g_test_message ("sort %d", cases[i].sort);
      gw_member_list_set_sort (lf->list, cases[i].sort, FALSE);
      assert_names (lf->list, cases[i].ascending);
      gw_member_list_set_sort (lf->list, cases[i].sort, TRUE);
      assert_names (lf->list, descending);
      n_sorts_tested++;
    }

  /* Stage, with the last change of stage: built by climbing the ladder. */
  {
    g_autoptr(GError) error = NULL;
    const char *stage_asc = "Ana Lopez|Marcus Brown|Wanjiru Kamau|José Martínez|Nguyen Van Anh";
    GListModel *model = G_LIST_MODEL (lf->list);
    g_autofree char *prev = NULL;

    gw_test_raise_to (lf->f.store, lf->p.nguyen, GW_STAGE_CADRE);
    gw_test_raise_to (lf->f.store, lf->p.jose, GW_STAGE_MEMBER);

    gw_member_list_set_sort (lf->list, GW_MEMBER_SORT_STAGE, FALSE);
    /* Within a stage people stay in name order. */
    assert_names (lf->list, stage_asc);
    gw_member_list_set_sort (lf->list, GW_MEMBER_SORT_STAGE, TRUE);
    {
      g_autoptr(GwMember) first = g_list_model_get_item (model, 0);
      g_autoptr(GwMember) second = g_list_model_get_item (model, 1);
      g_autoptr(GwMember) last = g_list_model_get_item (model, 4);

      g_assert_cmpint (gw_member_get_stage (first), ==, GW_STAGE_CADRE);
      g_assert_cmpint (gw_member_get_stage (second), ==, GW_STAGE_MEMBER);
      g_assert_cmpint (gw_member_get_stage (last), ==, GW_STAGE_VOLUNTEER);
    }
    n_sorts_tested++;

    /* Last change: whatever the store records it as, the list is ordered by it. */
    gw_ladder_set_status (lf->f.store, lf->p.marcus, GW_STATUS_INACTIVE, "2024-09-09", "Rosa",
                          NULL, &error);
    g_assert_no_error (error);
    for (int desc = 0; desc <= 1; desc++)
      {
        gw_member_list_set_sort (lf->list, GW_MEMBER_SORT_LAST_CHANGE, desc);
        g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
        g_clear_pointer (&prev, g_free);
        for (guint i = 0; i < 5; i++)
          {
            g_autoptr(GwMember) m = g_list_model_get_item (model, i);
            const char *value = gw_member_get_last_change (m);

            g_assert_nonnull (value);
            if (prev != NULL)
              {
                if (desc)
                  g_assert_cmpstr (prev, >=, value);
                else
                  g_assert_cmpstr (prev, <=, value);
              }
            g_free (prev);
            prev = g_strdup (value);
          }
        {
          g_autoptr(GwMember) most_recent = g_list_model_get_item (model, desc ? 0 : 4);

          g_assert_cmpint (gw_member_get_id (most_recent), ==, lf->p.marcus);
        }
      }
    n_sorts_tested++;
  }

  g_assert_cmpuint (n_sorts_tested, ==, GW_N_MEMBER_SORTS);

  /* Sorting keeps the filter. */
  gw_member_list_set_search (lf->list, "tenant");
  gw_member_list_set_sort (lf->list, GW_MEMBER_SORT_NAME, TRUE);
  assert_names (lf->list, "Nguyen Van Anh|José Martínez");
}

/* items-changed */

static void
test_items_changed_on_add (ListFixture   *lf,
                           gconstpointer  data)
{
  Recorder *rec = recorder_new (lf->list);
  gint64 id;

  /* Between "José Martínez" and "Marcus Brown". */
  id = gw_test_add (lf->f.store, "Kofi Mensah");
  assert_one_change (rec, 2, 0, 1);
  assert_mirror_matches (rec, lf->list);
  g_assert_cmpint (gw_member_list_find (lf->list, id), ==, 2);
  recorder_reset (rec);

  id = gw_test_add (lf->f.store, "Aaron Abebe");
  assert_one_change (rec, 0, 0, 1);
  recorder_reset (rec);

  id = gw_test_add (lf->f.store, "Zainab Yusuf");
  assert_one_change (rec, 7, 0, 1);
  assert_mirror_matches (rec, lf->list);
  g_assert_cmpuint (gw_member_list_get_total (lf->list), ==, 8);
  recorder_reset (rec);

  /* Someone the search does not show changes nothing in the list. */
  gw_member_list_set_search (lf->list, "marcus");
  recorder_reset (rec);
  gw_test_add (lf->f.store, "Yohannes Tesfaye");
  g_assert_cmpuint (rec->changes->len, ==, 0);
  assert_mirror_matches (rec, lf->list);
  g_assert_cmpuint (gw_member_list_get_total (lf->list), ==, 9);

  recorder_free (rec, lf->list);
}

static void
test_items_changed_on_delete (ListFixture   *lf,
                              gconstpointer  data)
{
  Recorder *rec = recorder_new (lf->list);
  g_autoptr(GError) error = NULL;

  gw_store_delete_member (lf->f.store, lf->p.marcus, &error);
  g_assert_no_error (error);
  assert_one_change (rec, 2, 1, 0);
  assert_mirror_matches (rec, lf->list);
  recorder_reset (rec);

  gw_store_restore_member (lf->f.store, lf->p.marcus, &error);
  g_assert_no_error (error);
  assert_one_change (rec, 2, 0, 1);
  assert_mirror_matches (rec, lf->list);
  recorder_reset (rec);

  gw_store_delete_member (lf->f.store, lf->p.ana, &error);
  g_assert_no_error (error);
  assert_one_change (rec, 0, 1, 0);
  assert_mirror_matches (rec, lf->list);
  assert_names (lf->list, "José Martínez|Marcus Brown|Nguyen Van Anh|Wanjiru Kamau");

  recorder_free (rec, lf->list);
}

static void
test_items_changed_on_rename (ListFixture   *lf,
                              gconstpointer  data)
{
  Recorder *rec = recorder_new (lf->list);
  g_autoptr(GwMember) member = gw_test_load (lf->f.store, lf->p.ana);
  g_autoptr(GError) error = NULL;
  guint removed = 0, added = 0, low = G_MAXUINT, high = 0;

  /* "Ana Lopez" at 0 becomes "Olga Lopez", after "Nguyen Van Anh" (at 3). */
  gw_member_set_full_name (member, "Olga Lopez");
  gw_store_update_member (lf->f.store, member, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (rec->changes->len, >=, 1);
  for (guint i = 0; i < rec->changes->len; i++)
    {
      Change *c = &g_array_index (rec->changes, Change, i);

      removed += c->removed;
      added += c->added;
      low = MIN (low, c->position);
      high = MAX (high, c->position + MAX (c->removed, c->added));
    }
  g_assert_cmpuint (removed, ==, added);
  g_assert_cmpuint (low, ==, 0);
  g_assert_cmpuint (high, >=, 4);
  assert_mirror_matches (rec, lf->list);
  assert_names (lf->list, "José Martínez|Marcus Brown|Nguyen Van Anh|Olga Lopez|Wanjiru Kamau");
  g_assert_cmpint (gw_member_list_find (lf->list, lf->p.ana), ==, 3);

  recorder_free (rec, lf->list);
}

static void
test_items_changed_on_update_in_place (ListFixture   *lf,
                                       gconstpointer  data)
{
  Recorder *rec = recorder_new (lf->list);
  g_autoptr(GwMember) member = gw_test_load (lf->f.store, lf->p.marcus);
  g_autoptr(GwMember) shown = NULL;
  g_autoptr(GError) error = NULL;

  gw_member_set_notes (member, "Also fixes bicycles");
  gw_store_update_member (lf->f.store, member, &error);
  g_assert_no_error (error);

  assert_one_change (rec, 2, 1, 1);
  assert_mirror_matches (rec, lf->list);
  shown = g_list_model_get_item (G_LIST_MODEL (lf->list), 2);
  g_assert_cmpstr (gw_member_get_notes (shown), ==, "Also fixes bicycles");

  recorder_free (rec, lf->list);
}

/* What a change from @old to @new must be reported as: the common prefix and
 * suffix stay, the middle is replaced. */
static void
expected_change (GArray *old,
                 GArray *new,
                 Change *out)
{
  guint p = 0, s = 0;

  while (p < old->len && p < new->len
         && g_array_index (old, gint64, p) == g_array_index (new, gint64, p))
    p++;
  while (s < old->len - p && s < new->len - p
         && g_array_index (old, gint64, old->len - 1 - s) == g_array_index (new, gint64, new->len - 1 - s))
    s++;
  out->position = p;
  out->removed = old->len - p - s;
  out->added = new->len - p - s;
}

static GArray *
list_ids (GwMemberList *list)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);

  for (guint i = 0; i < n; i++)
    {
      gint64 id = gw_member_list_get_id (list, i);

      g_array_append_val (ids, id);
    }
  return ids;
}

static void
test_items_changed_on_search (ListFixture   *lf,
                              gconstpointer  data)
{
  const char *searches[] = { "an", "ana", "", "tenant", "zzzz", "example", "example.com", NULL, "m" };
  Recorder *rec = recorder_new (lf->list);

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autoptr(GArray) before = list_ids (lf->list);
      g_autoptr(GArray) after = NULL;
      Change expected;

      recorder_reset (rec);
      gw_member_list_set_search (lf->list, searches[i]);
      after = list_ids (lf->list);
      expected_change (before, after, &expected);
      g_test_message ("search '%s': %u -> %u", searches[i], before->len, after->len);

      if (expected.removed == 0 && expected.added == 0)
        g_assert_cmpuint (rec->changes->len, ==, 0);
      else
        assert_one_change (rec, expected.position, expected.removed, expected.added);
      assert_mirror_matches (rec, lf->list);
    }

  /* Filters and sort report their changes the same way. */
  gw_member_list_set_search (lf->list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lf->list)), ==, 5);
  recorder_reset (rec);
  gw_member_list_set_stage_filter (lf->list, GW_STAGE_CADRE);
  assert_one_change (rec, 0, 5, 0);
  recorder_reset (rec);
  gw_member_list_set_stage_filter (lf->list, -1);
  assert_one_change (rec, 0, 0, 5);
  recorder_reset (rec);
  gw_member_list_set_sort (lf->list, GW_MEMBER_SORT_NAME, TRUE);
  assert_one_change (rec, 0, 5, 5);
  assert_mirror_matches (rec, lf->list);

  recorder_free (rec, lf->list);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD_L(path, func) \
  g_test_add (path, ListFixture, NULL, list_set_up, func, list_tear_down)

  g_test_add ("/core/member-list/empty-store", GwTestFixture, NULL, gw_test_fixture_set_up,
              test_empty_store, gw_test_fixture_tear_down);
  ADD_L ("/core/member-list/sorted-by-name", test_sorted_by_name);
  ADD_L ("/core/member-list/search", test_search);
  ADD_L ("/core/member-list/search-follows-edits", test_search_follows_edits);
  ADD_L ("/core/member-list/filters", test_filters);
  ADD_L ("/core/member-list/sort", test_sort);
  ADD_L ("/core/member-list/items-changed/add", test_items_changed_on_add);
  ADD_L ("/core/member-list/items-changed/delete", test_items_changed_on_delete);
  ADD_L ("/core/member-list/items-changed/rename-moves", test_items_changed_on_rename);
  ADD_L ("/core/member-list/items-changed/update-in-place", test_items_changed_on_update_in_place);
  ADD_L ("/core/member-list/items-changed/search", test_items_changed_on_search);

#undef ADD_L

  return g_test_run ();
}
