/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sys/stat.h>
#include <unistd.h>

#include <json-glib/json-glib.h>

#include "gw-csv-import.h"
#include "gw-date.h"
#include "gw-demo.h"
#include "gw-exchange.h"
#include "gw-exchange-private.h"
#include "gw-ladder.h"
#include "gw-ledger.h"
#include "gw-member-list.h"
#include "gw-store-ledger.h"
#include "gw-store-notebook.h"
#include "gw-test-util.h"

/* A second database beside the fixture's, to import into. */
static GwStore *
open_other (GwTestFixture *f,
            const char    *name,
            char         **path_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  GwStore *store = gw_store_open (path, &error);

  g_assert_no_error (error);
  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return store;
}

static char *
export_to (GwStore           *store,
           const char        *dir,
           const char        *name,
           GwExchangeAreas    areas,
           GwExchangePrivacy  privacy)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (gw_exchange_export (store, path, areas, privacy, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* The file without its "exported" line: the one thing two exports of the
 * same data may differ in. */
static char *
without_exported (const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("\n\"exported\": \"[^\"]*\",", 0, 0, NULL);

  return g_regex_replace_literal (regex, text, -1, 0, "", 0, NULL);
}

static GwExchangeImport *
import_file (GwStore    *store,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwExchangeImport) import = gw_exchange_import_load (store, path, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  g_assert_true (gw_exchange_import_apply (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&import);
}

static void
fill_demo (GwStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gw_demo_fill (store, 120, 7, &error));
  g_assert_no_error (error);
  gw_store_set_organization_name (store, "Eastside \"Tenants\"\tUnion", &error);
  g_assert_no_error (error);
}

static void
assert_counts (GwExchangeImport *import,
               GwExchangeAreas   area,
               guint             added,
               guint             updated,
               guint             unchanged,
               guint             conflicts)
{
  GwExchangeCounts counts;

  gw_exchange_import_get_counts (import, area, &counts);
  g_assert_cmpuint (counts.added, ==, added);
  g_assert_cmpuint (counts.updated, ==, updated);
  g_assert_cmpuint (counts.unchanged, ==, unchanged);
  g_assert_cmpuint (counts.conflicts, ==, conflicts);
}

static void
test_names_agree (void)
{
  for (GwStage s = 0; s < GW_N_STAGES; s++)
    g_assert_cmpstr (gw_exchange_stage_names[s], ==, gw_stage_get_id (s));
  g_assert_cmpstr (gw_ledger_direction_to_string (GW_LEDGER_GIVEN_OUT), ==, "given-out");
  g_assert_cmpstr (gw_source_class_to_string (GW_SOURCE_NGO_FOUNDATION), ==, "ngo-foundation");
}

static void
test_areas_and_privacy (void)
{
  g_autoptr(GError) error = NULL;
  GwExchangeAreas areas = 0;
  GwExchangePrivacy privacy = GW_PRIVACY_FULL;

  g_assert_true (gw_exchange_areas_from_string ("members, ledger", &areas, &error));
  g_assert_cmpint (areas, ==, GW_AREA_MEMBERS | GW_AREA_LEDGER);
  g_assert_true (gw_exchange_areas_from_string ("all", &areas, &error));
  g_assert_cmpint (areas, ==, GW_AREA_ALL);
  g_assert_false (gw_exchange_areas_from_string ("members,people", &areas, &error));
  g_assert_error (error, GW_EXCHANGE_ERROR, GW_EXCHANGE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (gw_exchange_privacy_from_string ("no-contact", &privacy, &error));
  g_assert_cmpint (privacy, ==, GW_PRIVACY_NO_CONTACT);
  g_assert_false (gw_exchange_privacy_from_string ("secret", &privacy, &error));
  g_assert_error (error, GW_EXCHANGE_ERROR, GW_EXCHANGE_ERROR_INVALID);
  g_assert_cmpstr (gw_exchange_privacy_to_string (GW_PRIVACY_COUNTS), ==, "counts");
}

static void
test_round_trip (GwTestFixture *f,
                 gconstpointer  data)
{
  g_autofree char *other_path = NULL;
  g_autoptr(GwStore) other = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr(GwExchangeImport) import = NULL;
  g_autoptr(GwExchangeImport) again = NULL;
  GStatBuf st;

  fill_demo (f->store);
  first = export_to (f->store, f->dir, "first.json", GW_AREA_ALL, GW_PRIVACY_FULL);

  /* Readable by the user alone. */
  g_assert_cmpint (g_stat (first, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  other = open_other (f, "other.db", &other_path);
  import = import_file (other, first);
  g_assert_cmpuint (gw_exchange_import_get_conflicts (import)->len, ==, 0);
  g_assert_cmpstr (gw_exchange_import_get_organization (import), ==, "Eastside \"Tenants\"\tUnion");
  g_assert_cmpint (gw_exchange_import_get_areas (import), ==, GW_AREA_ALL);
  g_assert_true (gw_exchange_import_has_changes (import));
  g_assert_cmpint (gw_store_count_members (other), ==, gw_store_count_members (f->store));

  /* The organization's name is a setting of each database, not data. */
  gw_store_set_organization_name (other, "Eastside \"Tenants\"\tUnion", NULL);
  second = export_to (other, f->dir, "second.json", GW_AREA_ALL, GW_PRIVACY_FULL);

  first_text = read_text (first);
  second_text = read_text (second);
  a = without_exported (first_text);
  b = without_exported (second_text);
  g_assert_cmpstr (a, !=, first_text);
  g_assert_cmpstr (a, ==, b);

  /* Searching and the roster's derived columns work on what came in. */
  g_assert_cmpint (gw_test_sql_int (other_path, "SELECT count(*) FROM members_fts"), ==,
                   gw_test_sql_int (f->path, "SELECT count(*) FROM members_fts"));
  g_assert_cmpint (gw_test_sql_int (other_path, "SELECT count(*) FROM member_tags"), ==,
                   gw_test_sql_int (f->path, "SELECT count(*) FROM member_tags"));
  g_assert_cmpint (gw_test_sql_int (other_path,
                                    "SELECT count(*) FROM members a WHERE sort_key <> ''"), ==,
                   gw_test_sql_int (f->path, "SELECT count(*) FROM members WHERE sort_key <> ''"));
  g_assert_cmpint (gw_test_sql_int (other_path, "SELECT sum(amount) FROM ledger_totals"), ==,
                   gw_test_sql_int (f->path, "SELECT sum(amount) FROM ledger_totals"));

  /* The same file again changes nothing. */
  again = import_file (other, first);
  g_assert_false (gw_exchange_import_has_changes (again));
  g_assert_cmpuint (gw_exchange_import_get_conflicts (again)->len, ==, 0);
}

typedef void (*Spoil) (JsonObject *root);

static JsonObject *
first_record (JsonObject *root,
              const char *table)
{
  return json_array_get_object_element (json_object_get_array_member (root, table), 0);
}

static void spoil_stage (JsonObject *root) { json_object_set_int_member (first_record (root, "members"), "stage", 7); }
static void spoil_stage_name (JsonObject *root) { json_object_set_string_member (first_record (root, "members"), "stage", "boss"); }
static void spoil_missing (JsonObject *root) { json_object_remove_member (first_record (root, "members"), "full_name"); }
static void spoil_version (JsonObject *root) { json_object_set_int_member (root, "version", 2); }
static void spoil_format (JsonObject *root) { json_object_set_string_member (root, "format", "other-app"); }
static void spoil_counts (JsonObject *root) { json_object_set_string_member (root, "privacy", "counts"); }
static void spoil_extra (JsonObject *root) { json_object_set_int_member (first_record (root, "notes"), "colour", 1); }
static void
spoil_upper_uuid (JsonObject *root)
{
  JsonObject *member = first_record (root, "members");
  g_autofree char *upper = g_ascii_strup (json_object_get_string_member (member, "uuid"), -1);

  json_object_set_string_member (member, "uuid", upper);
}
static void spoil_time (JsonObject *root) { json_object_set_string_member (first_record (root, "meetings"), "time", "25:99"); }
static void spoil_email (JsonObject *root) { json_object_set_string_member (first_record (root, "members"), "email", "NOT AN EMAIL"); }
static void
spoil_recruited_self (JsonObject *root)
{
  JsonObject *member = first_record (root, "members");

  json_object_set_string_member (member, "recruited_by", json_object_get_string_member (member, "uuid"));
}
static void
spoil_huge_amount (JsonObject *root)
{
  JsonArray *entries = json_object_get_array_member (root, "ledger_entries");

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);

      if (!json_object_get_null_member (entry, "amount"))
        {
          json_object_set_int_member (entry, "amount", G_GINT64_CONSTANT (1000000000000001));
          return;
        }
    }
  g_assert_not_reached ();
}
static void spoil_date_shape (JsonObject *root) { json_object_set_string_member (first_record (root, "members"), "joined", "30/02/2024"); }
static void spoil_date (JsonObject *root) { json_object_set_string_member (first_record (root, "members"), "joined", "2024-02-30"); }
static void
spoil_dangling (JsonObject *root)
{
  json_object_set_string_member (first_record (root, "attendance"), "member",
                                 "0b5e8f4c-9d0a-4c1e-8e39-4b1f6f1c2a77");
}
static void
spoil_duplicate (JsonObject *root)
{
  JsonArray *members = json_object_get_array_member (root, "members");

  json_object_set_string_member (json_array_get_object_element (members, 1), "uuid",
                                 json_object_get_string_member (json_array_get_object_element (members, 0), "uuid"));
}
static void
spoil_ledger (JsonObject *root)
{
  JsonArray *entries = json_object_get_array_member (root, "ledger_entries");

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);

      if (g_str_equal (json_object_get_string_member (entry, "kind"), "money"))
        {
          json_object_set_null_member (entry, "currency");
          return;
        }
    }
  g_assert_not_reached ();
}

/* A copy of @object under a new UUID (json_node_copy() would share it). */
static JsonObject *
copy_record (JsonObject *object)
{
  JsonObject *copy = json_object_new ();
  g_autoptr(GList) names = json_object_get_members (object);
  g_autofree char *uuid = g_uuid_string_random ();

  for (GList *l = names; l != NULL; l = l->next)
    json_object_set_member (copy, l->data, json_node_copy (json_object_get_member (object, l->data)));
  json_object_set_string_member (copy, "uuid", uuid);
  return copy;
}

/* Adds, at the end of the ledger, a copy of a plain entry that "corrects"
 * a reversing entry; with @here_only, the reversing entry is taken out of
 * the file, so that only the database has it. */
static void
correct_a_reversal (JsonObject *root,
                    gboolean    here_only)
{
  JsonArray *entries = json_object_get_array_member (root, "ledger_entries");
  g_autofree char *reversal = NULL;
  JsonObject *plain = NULL;
  JsonObject *entry;

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      entry = json_array_get_object_element (entries, i);
      if (reversal == NULL && !json_object_get_null_member (entry, "corrects"))
        {
          reversal = g_strdup (json_object_get_string_member (entry, "uuid"));
          if (here_only)
            json_array_remove_element (entries, i--);
        }
      else if (plain == NULL && json_object_get_null_member (entry, "corrects") &&
               json_object_get_null_member (entry, "replaces"))
        plain = entry;
    }
  g_assert_nonnull (reversal);
  g_assert_nonnull (plain);

  entry = copy_record (plain);
  json_object_set_string_member (entry, "corrects", reversal);
  json_array_add_object_element (entries, entry);
}
static void
spoil_builtin_twice (JsonObject *root)
{
  JsonArray *kinds = json_object_get_array_member (root, "meeting_kinds");

  for (guint i = 0; i < json_array_get_length (kinds); i++)
    {
      JsonObject *kind = json_array_get_object_element (kinds, i);

      if (!json_object_get_null_member (kind, "builtin"))
        {
          json_array_add_object_element (kinds, copy_record (kind));
          return;
        }
    }
  g_assert_not_reached ();
}

static void spoil_correct_reversal (JsonObject *root) { correct_a_reversal (root, FALSE); }
static void spoil_correct_reversal_here (JsonObject *root) { correct_a_reversal (root, TRUE); }

static char *
spoiled_copy (const char *text,
              Spoil       spoil)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  spoil (json_node_get_object (json_parser_get_root (parser)));
  json_generator_set_root (generator, json_parser_get_root (parser));
  return json_generator_to_data (generator, NULL);
}

static void
assert_refused (GwTestFixture *f,
                const char    *data,
                gsize          length,
                int            code,
                const char    *words)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autoptr(GBytes) before = gw_test_read_file (f->path);
  g_autoptr(GBytes) wal_before = g_file_test (wal, G_FILE_TEST_EXISTS) ? gw_test_read_file (wal) : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GwExchangeImport) import = NULL;

  import = gw_exchange_import_load_data (f->store, data, length, NULL, NULL, NULL, &error);
  g_assert_null (import);
  g_assert_error (error, GW_EXCHANGE_ERROR, code);
  if (words != NULL && strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);

  gw_test_assert_file_unchanged (f->path, before);
  if (wal_before != NULL)
    gw_test_assert_file_unchanged (wal, wal_before);
}

static void
test_refuses (GwTestFixture *f,
              gconstpointer  data)
{
  static const struct
  {
    Spoil       spoil;
    int         code;
    const char *words;
  } cases[] = {
    { spoil_stage, GW_EXCHANGE_ERROR_INVALID, "members[0].stage: expected a string" },
    { spoil_stage_name, GW_EXCHANGE_ERROR_INVALID, "members[0].stage: expected one of volunteer, member, cadre" },
    { spoil_missing, GW_EXCHANGE_ERROR_INVALID, "members[0].full_name: missing" },
    { spoil_version, GW_EXCHANGE_ERROR_VERSION, "version 2" },
    { spoil_format, GW_EXCHANGE_ERROR_FORMAT, NULL },
    { spoil_counts, GW_EXCHANGE_ERROR_COUNTS_ONLY, NULL },
    { spoil_extra, GW_EXCHANGE_ERROR_INVALID, "notes[0].colour" },
    { spoil_date, GW_EXCHANGE_ERROR_INVALID, "members[0].joined: not a day in the calendar" },
    { spoil_date_shape, GW_EXCHANGE_ERROR_INVALID, "members[0].joined: expected a date written YYYY-MM-DD" },
    { spoil_dangling, GW_EXCHANGE_ERROR_INVALID, "attendance[0].member: no record" },
    { spoil_duplicate, GW_EXCHANGE_ERROR_INVALID, "members[1].uuid" },
    { spoil_ledger, GW_EXCHANGE_ERROR_INVALID, "ledger_entries[" },
    { spoil_correct_reversal, GW_EXCHANGE_ERROR_INVALID, "corrects: refers to a reversing entry" },
    { spoil_correct_reversal_here, GW_EXCHANGE_ERROR_INVALID, "corrects: refers to a reversing entry" },
    { spoil_builtin_twice, GW_EXCHANGE_ERROR_INVALID, "builtin: this built-in kind appears twice" },
    { spoil_upper_uuid, GW_EXCHANGE_ERROR_INVALID, "members[0].uuid: expected a UUID in lower case" },
    { spoil_time, GW_EXCHANGE_ERROR_INVALID, "meetings[0].time: expected a time of day" },
    { spoil_huge_amount, GW_EXCHANGE_ERROR_INVALID, "amount: expected a whole number from 1 to 1000000000000000" },
    { spoil_email, GW_EXCHANGE_ERROR_INVALID, "members[0].email: expected an e-mail address" },
    { spoil_recruited_self, GW_EXCHANGE_ERROR_INVALID, "members[0].recruited_by: a person cannot have recruited themselves" },
  };
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *bad = NULL;
  GString *deep;

  fill_demo (f->store);
  path = export_to (f->store, f->dir, "good.json", GW_AREA_ALL, GW_PRIVACY_FULL);
  text = read_text (path);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *spoiled = spoiled_copy (text, cases[i].spoil);

      assert_refused (f, spoiled, strlen (spoiled), cases[i].code, cases[i].words);
    }

  /* Two files joined together, and a version written as text; spaces
   * after the end are fine. */
  {
    g_autofree char *twice = g_strconcat (text, "\n{}\n", NULL);
    g_autofree char *spaced = g_strconcat (text, "\n\n  \t\n", NULL);
    g_autoptr(GRegex) version = g_regex_new ("\"version\": 1", 0, 0, NULL);
    g_autofree char *quoted = g_regex_replace_literal (version, text, -1, 0, "\"version\": \"1\"", 0, NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(GwExchangeImport) import = NULL;

    assert_refused (f, twice, strlen (twice), GW_EXCHANGE_ERROR_SYNTAX, "goes on after its end");
    assert_refused (f, quoted, strlen (quoted), GW_EXCHANGE_ERROR_FORMAT, "not written as a whole number");
    import = gw_exchange_import_load_data (f->store, spaced, strlen (spaced), NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (import);
  }

  /* A name given twice in one object: json-glib would keep the last one
   * without a word. Also when one of the two is written with escapes. The
   * same name in two different records is fine (every export has that). */
  {
    static const char *const twice[] = {
      "\"full_name\": \"Someone Else\", \"full_name\": \"",
      "\"full_name\": \"Someone Else\", \"full_n\\u0061me\": \"",
    };
    const char *name = strstr (text, "\"full_name\": \"");
    const char *header = strstr (text, "\"version\": 1");

    g_assert_nonnull (name);
    g_assert_nonnull (header);
    for (guint i = 0; i < G_N_ELEMENTS (twice); i++)
      {
        g_autofree char *doubled = g_strdup_printf ("%.*s%s%s", (int) (name - text), text, twice[i],
                                                    name + strlen ("\"full_name\": \""));

        assert_refused (f, doubled, strlen (doubled), GW_EXCHANGE_ERROR_SYNTAX,
                        "gives “full_name” twice in the same record");
      }
    {
      g_autofree char *doubled = g_strdup_printf ("%.*s\"version\": 1, %s", (int) (header - text), text, header);

      assert_refused (f, doubled, strlen (doubled), GW_EXCHANGE_ERROR_SYNTAX, "gives “version” twice");
    }
  }

  /* A spreadsheet, or UTF-16 text, is named as not an exchange file; a
   * byte order mark before the JSON, as Notepad writes, is fine. */
  {
    static const char csv[] = "First name,Last name,Phone\nAna,Ruiz,555-0101\n";
    static const char utf16[] = "\xFF\xFE{\0\n\0";
    g_autofree char *marked = g_strconcat ("\xEF\xBB\xBF", text, NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(GwExchangeImport) import = NULL;

    assert_refused (f, csv, strlen (csv), GW_EXCHANGE_ERROR_FORMAT, "Import Spreadsheet");
    assert_refused (f, utf16, sizeof utf16 - 1, GW_EXCHANGE_ERROR_FORMAT, "not a Groundwork exchange file");
    import = gw_exchange_import_load_data (f->store, marked, strlen (marked), NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (import);
  }

  /* An object with very many names is checked by table: the second of two
   * names far apart is found. */
  {
    GString *many = g_string_new ("{\"format\": \"groundwork-exchange\"");

    for (guint i = 0; i < 200; i++)
      g_string_append_printf (many, ", \"k%u\": %u", i == 150 ? 10 : i, i);
    g_string_append (many, "}");
    assert_refused (f, many->str, many->len, GW_EXCHANGE_ERROR_SYNTAX, "gives “k10” twice");
    g_string_free (many, TRUE);
  }

  /* Cut short. */
  assert_refused (f, text, strlen (text) / 2, GW_EXCHANGE_ERROR_SYNTAX, NULL);
  assert_refused (f, "", 0, GW_EXCHANGE_ERROR_SYNTAX, NULL);
  assert_refused (f, "[1, 2]", 6, GW_EXCHANGE_ERROR_FORMAT, NULL);

  /* Not UTF-8: the offset is named. */
  bad = g_strdup (text);
  bad[100] = (char) 0xff;
  assert_refused (f, bad, strlen (bad), GW_EXCHANGE_ERROR_NOT_UTF8, "offset 100");
  {
    /* Offsets are the file's, byte order mark included. */
    g_autofree char *marked = g_strconcat ("\xEF\xBB\xBF", bad, NULL);

    assert_refused (f, marked, strlen (marked), GW_EXCHANGE_ERROR_NOT_UTF8, "offset 103");
  }

  /* Escapes json-glib would turn into a cut text or bytes that are not
   * UTF-8; a whole surrogate pair, or an escaped backslash before
   * "u0000", are fine. */
  {
    static const struct
    {
      const char *insert;
      const char *words;
    } escapes[] = {
      { "\\u0000", "NUL character" },
      { "\\ud800", "half of a character (\\uD800)" },
      { "\\udc00x", "half of a character (\\uDC00)" },
      { "\\ud83d\\u0041", "half of a character (\\uD83D)" },
      { "\\ud83d\\ude00 ", NULL },
      { "\\\\u0000 ", NULL },
    };
    const char *name = strstr (text, "\"full_name\": \"");

    g_assert_nonnull (name);
    name += strlen ("\"full_name\": \"");
    for (guint i = 0; i < G_N_ELEMENTS (escapes); i++)
      {
        g_autofree char *escaped = g_strdup_printf ("%.*s%s%s", (int) (name - text), text,
                                                    escapes[i].insert, name);

        if (escapes[i].words != NULL)
          assert_refused (f, escaped, strlen (escaped), GW_EXCHANGE_ERROR_NOT_UTF8, escapes[i].words);
        else
          {
            g_autoptr(GError) error = NULL;
            g_autoptr(GwExchangeImport) import = gw_exchange_import_load_data (f->store, escaped, strlen (escaped),
                                                                                NULL, NULL, NULL, &error);

            g_assert_no_error (error);
            g_assert_nonnull (import);
          }
      }
  }

  /* Nested 100,000 deep. */
  deep = g_string_new ("{\"format\": \"groundwork-exchange\", \"version\": 1, \"x\": ");
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, ']');
  g_string_append_c (deep, '}');
  assert_refused (f, deep->str, deep->len, GW_EXCHANGE_ERROR_TOO_DEEP, NULL);
  g_string_free (deep, TRUE);

  /* Too large: the guard is lowered so the test need not write 512 MB. */
  _gw_exchange_set_max_bytes (1024);
  assert_refused (f, text, strlen (text), GW_EXCHANGE_ERROR_TOO_LARGE, NULL);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GwExchangeImport) import = gw_exchange_import_load (f->store, path, NULL, NULL, NULL, &error);

    g_assert_null (import);
    g_assert_error (error, GW_EXCHANGE_ERROR, GW_EXCHANGE_ERROR_TOO_LARGE);
  }
  _gw_exchange_set_max_bytes (0);

  /* A counts-only export is refused for import. */
  {
    g_autofree char *counts = export_to (f->store, f->dir, "counts.json", GW_AREA_ALL, GW_PRIVACY_COUNTS);
    g_autofree char *counts_text = read_text (counts);

    assert_refused (f, counts_text, strlen (counts_text), GW_EXCHANGE_ERROR_COUNTS_ONLY, NULL);
  }
}

static void
test_refusal_changes_nothing_elsewhere (GwTestFixture *f,
                                        gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *other_path = NULL;
  g_autoptr(GwStore) other = NULL;
  g_autofree char *spoiled = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GwExchangeImport) import = NULL;

  fill_demo (f->store);
  path = export_to (f->store, f->dir, "good.json", GW_AREA_ALL, GW_PRIVACY_FULL);
  text = read_text (path);
  spoiled = spoiled_copy (text, spoil_ledger);

  /* An empty database would take every member before the bad entry, if the
   * import were not all or nothing. */
  other = open_other (f, "other.db", &other_path);
  g_clear_object (&other);
  before = gw_test_read_file (other_path);
  other = open_other (f, "other.db", NULL);
  import = gw_exchange_import_load_data (other, spoiled, strlen (spoiled), NULL, NULL, NULL, &error);
  g_assert_null (import);
  g_assert_error (error, GW_EXCHANGE_ERROR, GW_EXCHANGE_ERROR_INVALID);
  g_clear_object (&other);
  gw_test_assert_file_unchanged (other_path, before);
}

static void
test_privacy (GwTestFixture *f,
              gconstpointer  data)
{
  g_autofree char *no_contact = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *text = NULL;
  g_autofree char *counts_text = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint checked = 0;

  fill_demo (f->store);
  no_contact = export_to (f->store, f->dir, "no-contact.json", GW_AREA_ALL, GW_PRIVACY_NO_CONTACT);
  counts = export_to (f->store, f->dir, "counts.json", GW_AREA_ALL, GW_PRIVACY_COUNTS);
  text = read_text (no_contact);
  counts_text = read_text (counts);

  g_assert_null (strstr (text, "\"phone\""));
  g_assert_null (strstr (text, "\"email\""));
  g_assert_null (strstr (text, "\"memo\""));
  g_assert_null (strstr (text, "\"contact_name\""));
  g_assert_nonnull (strstr (text, "\"full_name\""));

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT phone, email, notes, full_name, uuid FROM members"
                                           " WHERE deleted = 0", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < 3; c++)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, c);
          g_autoptr(GString) quoted = g_string_new (NULL);

          if (value == NULL || strlen (value) < 6)
            continue;
          _gw_json_string (quoted, value);
          g_assert_null (strstr (text, quoted->str));
          checked++;
        }
      g_assert_null (strstr (counts_text, (const char *) sqlite3_column_text (stmt, 3)));
      g_assert_null (strstr (counts_text, (const char *) sqlite3_column_text (stmt, 4)));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (checked, >, 50);
  g_assert_nonnull (strstr (counts_text, "\"counts\""));

  /* A no-contact file imports, and leaves our contact details alone. */
  {
    g_autofree char *phone_before = gw_test_sql_text (f->path, "SELECT group_concat(phone) FROM members");
    g_autofree char *phone_after = NULL;
    g_autoptr(GwExchangeImport) import = import_file (f->store, no_contact);

    g_assert_false (gw_exchange_import_has_changes (import));
    phone_after = gw_test_sql_text (f->path, "SELECT group_concat(phone) FROM members");
    g_assert_cmpstr (phone_before, ==, phone_after);
  }
}

static void
test_merge (GwTestFixture *f,
            gconstpointer  data)
{
  g_autoptr(GwStore) other = NULL;
  g_autofree char *other_path = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GwExchangeImport) import = NULL;
  g_autoptr(GwMember) ana = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ana_id, bo_id, ana_there, bo_there;
  GPtrArray *conflicts;
  GwExchangeConflict *conflict;

  ana_id = gw_test_add_person (f->store, "Ana Reyes", "555-0101", "ana@example.org");
  bo_id = gw_test_add_person (f->store, "Bo Chen", "555-0102", NULL);

  other = open_other (f, "other.db", &other_path);
  path = export_to (f->store, f->dir, "one.json", GW_AREA_ALL, GW_PRIVACY_FULL);
  g_clear_pointer (&import, gw_exchange_import_free);
  import = import_file (other, path);
  assert_counts (import, GW_AREA_MEMBERS, 4, 0, 0, 0);  /* two people, two history lines */
  ana_there = gw_test_sql_int (other_path, "SELECT id FROM members WHERE full_name = 'Ana Reyes'");
  bo_there = gw_test_sql_int (other_path, "SELECT id FROM members WHERE full_name = 'Bo Chen'");

  /* Ana changed here later: the file's side wins. Bo changed there later:
   * ours is kept and listed. */
  ana = gw_test_load (f->store, ana_id);
  gw_member_set_phone (ana, "555-0199");
  g_assert_true (gw_store_update_member (f->store, ana, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GwMember) bo = gw_test_load (f->store, bo_id);
    g_autoptr(GwMember) bo_there_member = gw_test_load (other, bo_there);

    gw_member_set_pronouns (bo, "he/him");
    g_assert_true (gw_store_update_member (f->store, bo, &error));
    gw_member_set_pronouns (bo_there_member, "they/them");
    g_assert_true (gw_store_update_member (other, bo_there_member, &error));
    g_assert_no_error (error);
  }
  gw_test_sql_exec (f->path, "UPDATE members SET updated = '2998-01-01T00:00:00Z' WHERE full_name = 'Ana Reyes';"
                             "UPDATE members SET updated = '2998-01-01T00:00:00Z' WHERE full_name = 'Bo Chen'", NULL);
  gw_test_sql_exec (other_path, "UPDATE members SET updated = '2999-01-01T00:00:00Z' WHERE full_name = 'Bo Chen'", NULL);

  /* A step up the ladder and a donation, to be appended. */
  gw_test_raise_to (f->store, ana_id, GW_STAGE_MEMBER);
  {
    g_autoptr(GwLedgerEntry) entry = gw_ledger_entry_new ();

    entry->date = g_strdup ("2024-03-01");
    entry->direction = GW_LEDGER_RECEIVED;
    entry->kind = GW_LEDGER_MONEY;
    entry->amount = 2500;
    entry->currency = g_strdup ("USD");
    entry->source_class = GW_SOURCE_INDIVIDUAL;
    g_assert_cmpint (gw_store_record_entry (f->store, entry, &error), >, 0);
    g_assert_no_error (error);
  }
  gw_test_sql_exec (f->path, "UPDATE members SET updated = '2998-01-01T00:00:00Z' WHERE full_name = 'Ana Reyes'", NULL);

  g_free (path);
  path = export_to (f->store, f->dir, "two.json", GW_AREA_ALL, GW_PRIVACY_FULL);
  gw_exchange_import_free (g_steal_pointer (&import));
  import = import_file (other, path);

  conflicts = gw_exchange_import_get_conflicts (import);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (conflict->label, ==, "Bo Chen");
  g_assert_true (conflict->ours_kept);
  /* What differs, in the words of the member editor. */
  g_assert_cmpstr (conflict->differs, ==, "Pronouns");
  /* When ours changed, in words and local time, not as stored. */
  {
    g_autofree char *when = gw_date_format_time ("2999-01-01T00:00:00Z");

    g_assert_nonnull (strstr (conflict->reason, when));
    g_assert_null (strstr (conflict->reason, "T00:00:00Z"));
  }
  {
    g_autoptr(GwMember) a = gw_test_load (other, ana_there);
    g_autoptr(GwMember) b = gw_test_load (other, bo_there);

    g_assert_cmpstr (gw_member_get_phone (a), ==, "555-0199");
    g_assert_cmpint (gw_member_get_stage (a), ==, GW_STAGE_MEMBER);
    g_assert_cmpstr (gw_member_get_pronouns (b), ==, "they/them");
  }
  g_assert_cmpint (gw_test_sql_int (other_path, "SELECT count(*) FROM ledger_entries"), ==, 1);
  g_assert_cmpint (gw_test_history_length (other, ana_there), ==, gw_test_history_length (f->store, ana_id));

  /* The same time on both sides, other content: ours is kept. */
  gw_test_sql_exec (other_path, "UPDATE members SET updated = '2998-01-01T00:00:00Z' WHERE full_name = 'Bo Chen'", NULL);
  gw_exchange_import_free (g_steal_pointer (&import));
  import = import_file (other, path);
  conflicts = gw_exchange_import_get_conflicts (import);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_nonnull (strstr (((GwExchangeConflict *) g_ptr_array_index (conflicts, 0))->reason,
                            "same time"));

  /* A history line or ledger entry with the same UUID but other content is
   * never overwritten. */
  gw_test_sql_exec (other_path, "DROP TRIGGER member_events_fixed;"
                                "UPDATE member_events SET approver = 'Someone else'", NULL);
  gw_exchange_import_free (g_steal_pointer (&import));
  import = import_file (other, path);
  conflicts = gw_exchange_import_get_conflicts (import);
  g_assert_cmpuint (conflicts->len, >, 1);
  g_assert_cmpint (gw_test_sql_int (other_path,
                                    "SELECT count(*) FROM member_events WHERE approver = 'Someone else'"), >, 0);
  /* A record other than a person's says what differs by the format's names. */
  {
    gboolean approver = FALSE;

    for (guint i = 0; i < conflicts->len; i++)
      approver |= g_strcmp0 (((GwExchangeConflict *) g_ptr_array_index (conflicts, i))->differs, "approver") == 0;
    g_assert_true (approver);
  }
}

/* An export named like the database, or one of SQLite's files beside it,
 * is refused before anything is written: it would destroy the roster. */
static void
test_export_over_database (GwTestFixture *f,
                           gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GwMemberList) list = NULL;
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autofree char *base = g_path_get_basename (f->path);
  g_autofree char *link = g_build_filename (f->dir, "link", NULL);
  g_autofree char *through_link = g_build_filename (link, base, NULL);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (f->path, "-journal", NULL);
  const char *paths[] = { f->path, through_link, wal, journal };

  gw_test_add_person (f->store, "Ana Reyes", "555-0101", "ana@example.org");
  g_assert_cmpint (symlink (dir, link), ==, 0);
  list = gw_member_list_new (f->store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  before = gw_test_read_file (f->path);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (gw_exchange_export (f->store, paths[i], GW_AREA_ALL, GW_PRIVACY_FULL,
                                          NULL, NULL, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
      g_assert_nonnull (strstr (error->message, "database itself"));
      g_clear_error (&error);

      g_assert_false (gw_member_list_export_csv (list, paths[i], TRUE, NULL, NULL, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
      g_clear_error (&error);

      g_assert_false (gw_ledger_export_csv (f->store, NULL, paths[i], &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
    }

  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  gw_test_assert_file_unchanged (f->path, before);
  g_assert_cmpint (gw_store_count_members (f->store), ==, 1);
}

/* A gift from someone since removed leaves the file with no one to point
 * to: it still imports, as one source among the chapter's gifts. */
static void
test_gift_from_removed_member (GwTestFixture *f,
                               gconstpointer  data)
{
  g_autoptr(GwStore) other = NULL;
  g_autofree char *other_path = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GwLedgerEntry) entry = gw_ledger_entry_new ();
  g_autoptr(GError) error = NULL;
  GwExchangeImport *import;
  gint64 ada = gw_test_add_person (f->store, "Ada Okafor", NULL, NULL);

  entry->date = g_strdup ("2024-03-01");
  entry->direction = GW_LEDGER_RECEIVED;
  entry->kind = GW_LEDGER_MONEY;
  entry->amount = 2500;
  entry->currency = g_strdup ("USD");
  entry->source_class = GW_SOURCE_MEMBER_DUES;
  entry->party_kind = GW_PARTY_MEMBER;
  entry->member_id = ada;
  g_assert_cmpint (gw_store_record_entry (f->store, entry, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (gw_store_delete_member (f->store, ada, &error));
  g_assert_no_error (error);

  path = export_to (f->store, f->dir, "all.json", GW_AREA_ALL, GW_PRIVACY_FULL);
  text = read_text (path);
  g_assert_nonnull (strstr (text, "\"party_kind\": \"member\""));
  g_assert_nonnull (strstr (text, "\"member\": null"));

  other = open_other (f, "other.db", &other_path);
  import = import_file (other, path);
  assert_counts (import, GW_AREA_LEDGER, 1, 0, 0, 0);
  gw_exchange_import_free (import);
  g_assert_cmpint (gw_test_sql_int (other_path, "SELECT amount FROM party_all_totals WHERE party = 'm'"), ==, 2500);
  g_assert_cmpint (gw_test_sql_int (other_path, "SELECT amount FROM party_year_totals WHERE party = 'm'"), ==, 2500);
}

/* A chapter removes someone others refer to: its next file refers to them
 * by null, or leaves them out of lists, with those records' "updated" as
 * before. Importing it where the person is still on the roster changes
 * nothing and lists no conflict. */
static void
test_removed_person_no_conflicts (GwTestFixture *f,
                                  gconstpointer  data)
{
  g_autoptr(GwStore) other = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;
  GwExchangeImport *import;
  gint64 removed;

  fill_demo (f->store);
  other = open_other (f, "other.db", NULL);
  first = export_to (f->store, f->dir, "first.json", GW_AREA_ALL, GW_PRIVACY_FULL);
  gw_exchange_import_free (import_file (other, first));

  /* The person named in the most places: attendance, mentions, gifts. */
  removed = gw_test_sql_int (f->path,
                             "SELECT id FROM members ORDER BY"
                             " (SELECT count(*) FROM note_members n WHERE n.member_id = members.id) +"
                             " (SELECT count(*) FROM ledger_entries e WHERE e.member_id = members.id) +"
                             " (SELECT count(*) FROM members r WHERE r.recruited_by = members.id) DESC,"
                             " id LIMIT 1");
  g_assert_cmpint (gw_test_sql_int (f->path, "SELECT count(*) FROM note_members") +
                   gw_test_sql_int (f->path, "SELECT count(*) FROM ledger_entries WHERE member_id IS NOT NULL"), >, 0);
  g_assert_true (gw_store_delete_member (f->store, removed, &error));
  g_assert_no_error (error);

  second = export_to (f->store, f->dir, "second.json", GW_AREA_ALL, GW_PRIVACY_FULL);
  import = gw_exchange_import_load (other, second, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gw_exchange_import_get_conflicts (import)->len, ==, 0);
  g_assert_false (gw_exchange_import_has_changes (import));
  gw_exchange_import_free (import);
}

/* The other chapter removes Ana, who recruited Bo, then edits Bo and a
 * field note naming both. Its file's Bo and note are newer and win here,
 * but its "recruited by: null", and the note's people without Ana, only
 * say that Ana is gone there: here Bo is still recruited by Ana, and the
 * note still names her. */
static void
test_removed_recruiter_kept (GwTestFixture *f,
                             gconstpointer  data)
{
  g_autoptr(GwStore) other = NULL;
  g_autofree char *other_path = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;
  GwExchangeImport *import;
  gint64 ana_id, bo_id, ana_there, bo_there;

  ana_id = gw_test_add_person (f->store, "Ana Ruiz", "555-0101", NULL);
  bo_id = gw_test_add_person (f->store, "Bo Chen", "555-0102", NULL);
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE members SET recruited_by = %" G_GINT64_FORMAT
                                            " WHERE id = %" G_GINT64_FORMAT, ana_id, bo_id);

    gw_test_sql_exec (f->path, sql, NULL);
  }
  {
    g_autofree char *sql = NULL;
    g_autoptr(GwNote) draft = gw_note_new ("Door knocking on Elm St", "2024-03-01");
    gint64 note = gw_store_add_note (f->store, draft, &error);

    g_assert_no_error (error);
    sql = g_strdup_printf ("INSERT INTO note_members (note_id, member_id) VALUES (%" G_GINT64_FORMAT
                           ", %" G_GINT64_FORMAT "), (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                           note, ana_id, note, bo_id);
    g_assert_cmpint (gw_test_sql_exec (f->path, sql, NULL), ==, 0);
  }
  other = open_other (f, "other.db", &other_path);
  first = export_to (f->store, f->dir, "first.json", GW_AREA_ALL, GW_PRIVACY_FULL);
  gw_exchange_import_free (import_file (other, first));
  ana_there = gw_test_sql_int (other_path, "SELECT id FROM members WHERE full_name = 'Ana Ruiz'");
  bo_there = gw_test_sql_int (other_path, "SELECT id FROM members WHERE full_name = 'Bo Chen'");
  g_assert_cmpint (gw_test_sql_int (other_path, "SELECT recruited_by FROM members WHERE full_name = 'Bo Chen'"),
                   ==, ana_there);

  g_assert_true (gw_store_delete_member (other, ana_there, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GwMember) bo = gw_test_load (other, bo_there);

    gw_member_set_pronouns (bo, "they/them");
    g_assert_true (gw_store_update_member (other, bo, &error));
    g_assert_no_error (error);
  }
  gw_test_sql_exec (other_path, "UPDATE members SET updated = '2999-01-01T00:00:00Z'", NULL);
  gw_test_sql_exec (other_path, "UPDATE notes SET title = 'Door knocking on Elm Street',"
                                " updated = '2999-01-01T00:00:00Z'", NULL);

  second = export_to (other, f->dir, "second.json", GW_AREA_ALL, GW_PRIVACY_FULL);
  {
    g_autofree char *text = read_text (second);

    g_assert_nonnull (strstr (text, "\"recruited_by\": null"));
  }
  import = import_file (f->store, second);
  g_assert_cmpuint (gw_exchange_import_get_conflicts (import)->len, ==, 0);
  gw_exchange_import_free (import);
  {
    g_autoptr(GwMember) bo = gw_test_load (f->store, bo_id);

    g_assert_cmpstr (gw_member_get_pronouns (bo), ==, "they/them");
  }
  g_assert_cmpint (gw_test_sql_int (f->path, "SELECT recruited_by FROM members WHERE full_name = 'Bo Chen'"),
                   ==, ana_id);
  g_assert_cmpint (gw_test_sql_int (f->path, "SELECT count(*) FROM notes WHERE title = 'Door knocking on Elm Street'"),
                   ==, 1);
  g_assert_cmpint (gw_test_sql_int (f->path, "SELECT count(*) FROM note_members"), ==, 2);
}

/* A chapter first sends its file without contact details, then the full
 * one: the full file fills in the phones, e-mails, notes and the people on
 * field notes that were left out, with no conflict. History lines and
 * ledger entries are never rewritten, so their notes and memos stay as
 * they came, and are not conflicts either. */
static void
test_full_after_no_contact (GwTestFixture *f,
                            gconstpointer  data)
{
  g_autoptr(GwStore) other = NULL;
  g_autofree char *other_path = NULL;
  g_autofree char *redacted = NULL;
  g_autofree char *full = NULL;
  g_autoptr(GError) error = NULL;
  GwExchangeImport *import;
  GwExchangeCounts counts;
  gint64 with_phone;

  fill_demo (f->store);
  with_phone = gw_test_sql_int (f->path, "SELECT count(*) FROM members WHERE phone IS NOT NULL AND phone <> ''");
  g_assert_cmpint (with_phone, >, 0);
  g_assert_cmpint (gw_test_sql_int (f->path, "SELECT count(*) FROM note_members"), >, 0);

  other = open_other (f, "other.db", &other_path);
  redacted = export_to (f->store, f->dir, "redacted.json", GW_AREA_ALL, GW_PRIVACY_NO_CONTACT);
  gw_exchange_import_free (import_file (other, redacted));
  g_assert_cmpint (gw_test_sql_int (other_path, "SELECT count(*) FROM members WHERE phone <> ''"), ==, 0);
  g_assert_cmpint (gw_test_sql_int (other_path, "SELECT count(*) FROM note_members"), ==, 0);

  full = export_to (f->store, f->dir, "full.json", GW_AREA_ALL, GW_PRIVACY_FULL);
  import = gw_exchange_import_load (other, full, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gw_exchange_import_get_conflicts (import)->len, ==, 0);
  gw_exchange_import_get_counts (import, GW_AREA_MEMBERS, &counts);
  g_assert_cmpint (counts.updated, >=, with_phone);
  g_assert_cmpint (counts.added, ==, 0);
  g_assert_true (gw_exchange_import_apply (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  gw_exchange_import_free (import);

  g_assert_cmpint (gw_test_sql_int (other_path, "SELECT count(*) FROM members WHERE phone IS NOT NULL AND phone <> ''"),
                   ==, with_phone);
  g_assert_cmpint (gw_test_sql_int (other_path, "SELECT count(*) FROM note_members"),
                   ==, gw_test_sql_int (f->path, "SELECT count(*) FROM note_members"));

  /* A third import finds nothing to do. */
  import = gw_exchange_import_load (other, full, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (gw_exchange_import_has_changes (import));
  g_assert_cmpuint (gw_exchange_import_get_conflicts (import)->len, ==, 0);
  gw_exchange_import_free (import);
}

/* A history line changed in the file is kept as it is here (history is
 * never rewritten), and the conflict says whose line it is. */
static void
change_first_step (JsonObject *root)
{
  JsonObject *step = json_array_get_object_element (json_object_get_array_member (root, "member_events"), 0);

  json_object_set_string_member (step, "approver", "Someone else");
}

static void
test_step_conflict_names_person (GwTestFixture *f,
                                 gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GwExchangeImport) import = NULL;
  GwExchangeConflict *conflict;
  g_autofree char *expected = NULL;
  g_autofree char *name = NULL;
  g_autofree char *date = NULL;

  gw_test_add_person (f->store, "Bo Chen", "555-0102", NULL);
  path = export_to (f->store, f->dir, "file.json", GW_AREA_MEMBERS, GW_PRIVACY_FULL);
  text = read_text (path);
  changed = spoiled_copy (text, change_first_step);

  import = gw_exchange_import_load_data (f->store, changed, strlen (changed), NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gw_exchange_import_get_conflicts (import)->len, ==, 1);
  conflict = g_ptr_array_index (gw_exchange_import_get_conflicts (import), 0);
  name = gw_test_sql_text (f->path, "SELECT full_name FROM members");
  date = gw_test_sql_text (f->path, "SELECT date FROM member_events");
  expected = g_strdup_printf ("%s: %s", name, date);
  g_assert_cmpstr (conflict->label, ==, expected);
  g_assert_cmpstr (conflict->reason, ==, "Already here with other content; kept ours");
}

/* History is appended and the roster follows it: a later step the file
 * brings moves the person's stage even when their details here were kept,
 * and an older one does not undo a later step taken here. */
static void
test_stage_follows_history (GwTestFixture *f,
                            gconstpointer  data)
{
  g_autoptr(GwStore) other = NULL;
  g_autofree char *other_path = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;
  GwExchangeImport *import;
  GPtrArray *conflicts;
  gint64 bo_id, bo_there;

  bo_id = gw_test_add_person (f->store, "Bo Chen", "555-0102", NULL);
  other = open_other (f, "other.db", &other_path);
  first = export_to (f->store, f->dir, "first.json", GW_AREA_ALL, GW_PRIVACY_FULL);
  gw_exchange_import_free (import_file (other, first));
  bo_there = gw_test_sql_int (other_path, "SELECT id FROM members WHERE full_name = 'Bo Chen'");

  /* There, Bo agrees and becomes a member; here, someone edits Bo later. */
  gw_test_raise_to (f->store, bo_id, GW_STAGE_MEMBER);
  gw_test_sql_exec (f->path, "UPDATE members SET updated = '2998-01-01T00:00:00Z'", NULL);
  {
    g_autoptr(GwMember) bo = gw_test_load (other, bo_there);

    gw_member_set_pronouns (bo, "they/them");
    g_assert_true (gw_store_update_member (other, bo, &error));
    g_assert_no_error (error);
  }
  gw_test_sql_exec (other_path, "UPDATE members SET updated = '2999-01-01T00:00:00Z'", NULL);

  second = export_to (f->store, f->dir, "second.json", GW_AREA_ALL, GW_PRIVACY_FULL);
  import = import_file (other, second);
  conflicts = gw_exchange_import_get_conflicts (import);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_true (((GwExchangeConflict *) g_ptr_array_index (conflicts, 0))->ours_kept);
  gw_exchange_import_free (import);
  {
    g_autoptr(GwMember) bo = gw_test_load (other, bo_there);

    g_assert_cmpstr (gw_member_get_pronouns (bo), ==, "they/them");
    g_assert_cmpint (gw_member_get_stage (bo), ==, GW_STAGE_MEMBER);
    g_assert_cmpint (gw_member_get_status (bo), ==, GW_STATUS_ACTIVE);
    g_assert_cmpint (gw_test_history_length (other, bo_there), ==, gw_test_history_length (f->store, bo_id));
  }

  /* Here, Bo steps back a month later. The file's record is newer now and
   * wins, but its last step is older than ours: Bo stays a volunteer. */
  g_assert_true (gw_ladder_step_back (other, bo_there, "2024-03-01", "Secretary", NULL, &error));
  g_assert_no_error (error);
  gw_test_sql_exec (other_path, "UPDATE members SET updated = '2029-01-01T00:00:00Z'", NULL);
  import = import_file (other, second);
  g_assert_cmpuint (gw_exchange_import_get_conflicts (import)->len, ==, 0);
  gw_exchange_import_free (import);
  {
    g_autoptr(GwMember) bo = gw_test_load (other, bo_there);

    g_assert_cmpstr (gw_member_get_pronouns (bo), ==, "");
    g_assert_cmpint (gw_member_get_stage (bo), ==, GW_STAGE_VOLUNTEER);
  }

  /* The chapter the file came from still says what it said. */
  {
    g_autoptr(GwMember) bo = gw_test_load (f->store, bo_id);

    g_assert_cmpint (gw_member_get_stage (bo), ==, GW_STAGE_MEMBER);
  }
}

static void
test_load_writes_nothing (GwTestFixture *f,
                          gconstpointer  data)
{
  g_autoptr(GwStore) other = NULL;
  g_autofree char *other_path = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GwExchangeImport) import = NULL;

  fill_demo (f->store);
  path = export_to (f->store, f->dir, "all.json", GW_AREA_ALL, GW_PRIVACY_FULL);

  other = open_other (f, "other.db", &other_path);
  g_clear_object (&other);
  before = gw_test_read_file (other_path);
  other = open_other (f, "other.db", NULL);

  import = gw_exchange_import_load (other, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gw_exchange_import_has_changes (import));
  g_clear_pointer (&import, gw_exchange_import_free);
  g_assert_cmpint (gw_store_count_members (other), ==, 0);
  g_clear_object (&other);
  gw_test_assert_file_unchanged (other_path, before);

  /* The database changing between the two steps stops the import. */
  other = open_other (f, "other.db", NULL);
  import = gw_exchange_import_load (other, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  gw_test_add (other, "Someone New");
  g_assert_false (gw_exchange_import_apply (import, NULL, NULL, NULL, &error));
  g_assert_error (error, GW_EXCHANGE_ERROR, GW_EXCHANGE_ERROR_CHANGED);
  g_assert_cmpint (gw_store_count_members (other), ==, 1);
}

static void
cancel_cb (double   fraction,
           gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancelled_export (GwTestFixture *f,
                       gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = g_build_filename (f->dir, "cancelled.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_true (gw_demo_fill (f->store, 5000, 3, &error));
  g_assert_no_error (error);

  /* Cancelled half-way, from the progress callback. */
  g_assert_false (gw_exchange_export (f->store, path, GW_AREA_ALL, GW_PRIVACY_FULL,
                                      cancel_cb, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_true (g_str_has_prefix (name, "groundwork.db"));
}

static void
reverse_members (JsonObject *root)
{
  JsonArray *members = json_object_get_array_member (root, "members");
  g_autoptr(JsonArray) reversed = json_array_new ();

  for (guint i = json_array_get_length (members); i > 0; i--)
    json_array_add_element (reversed, json_node_copy (json_array_get_element (members, i - 1)));
  json_object_set_array_member (root, "members", g_steal_pointer (&reversed));
}

/* A recruiter who comes after the people they recruited in the file is
 * still found, whichever way the import goes. */
static void
test_recruiter_later (GwTestFixture *f,
                      gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *reversed = NULL;
  gint64 ana, ben, cleo;

  ana = gw_test_add (f->store, "Ana Recruiter");
  ben = gw_test_add (f->store, "Ben Recruited");
  cleo = gw_test_add (f->store, "Cleo Recruited");
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GwMember) member = gw_test_load (f->store, i == 0 ? ben : cleo);
      g_autoptr(GError) error = NULL;

      gw_member_set_recruited_by (member, i == 0 ? ana : ben);
      g_assert_true (gw_store_update_member (f->store, member, &error));
      g_assert_no_error (error);
    }

  path = export_to (f->store, f->dir, "people.json", GW_AREA_MEMBERS, GW_PRIVACY_FULL);
  text = read_text (path);
  reversed = spoiled_copy (text, reverse_members);

  for (gint64 threshold = -1; threshold <= 0; threshold++)
    {
      g_autofree char *name = g_strdup_printf ("other%d.db", (int) -threshold);
      g_autofree char *other_path = NULL;
      g_autoptr(GwStore) other = open_other (f, name, &other_path);
      g_autoptr(GwExchangeImport) import = NULL;
      g_autoptr(GError) error = NULL;

      _gw_store_set_bulk_threshold (threshold);
      import = gw_exchange_import_load_data (other, reversed, strlen (reversed), NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (gw_exchange_import_apply (import, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      _gw_store_set_bulk_threshold (-1);

      g_assert_cmpint (gw_test_sql_int (other_path,
                                        "SELECT count(*) FROM members m JOIN members r ON r.id = m.recruited_by"
                                        " WHERE (m.full_name = 'Ben Recruited' AND r.full_name = 'Ana Recruiter')"
                                        " OR (m.full_name = 'Cleo Recruited' AND r.full_name = 'Ben Recruited')"), ==, 2);
    }
}

/* Every import through the bulk path (indexes dropped and built again),
 * however small. */
static void
test_bulk_round_trip (GwTestFixture *f,
                      gconstpointer  data)
{
  _gw_store_set_bulk_threshold (0);
  test_round_trip (f, data);
  _gw_store_set_bulk_threshold (-1);
}

static void
test_bulk_merge (GwTestFixture *f,
                 gconstpointer  data)
{
  _gw_store_set_bulk_threshold (0);
  test_merge (f, data);
  _gw_store_set_bulk_threshold (-1);
}

static const char schema_sql[] =
  "SELECT group_concat(type || ' ' || name || ' ' || coalesce(sql, ''), char(10))"
  " FROM (SELECT * FROM sqlite_master ORDER BY type, name)";

/* A bulk import that fails after dropping the indexes leaves the schema
 * and the data as they were, page for page. */
static void
test_failed_bulk_import (GwTestFixture *f,
                         gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GwStore) other = NULL;
  g_autofree char *other_path = NULL;
  g_autofree char *path = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *schema_after = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GwExchangeImport) import = NULL;

  g_assert_true (gw_demo_fill (f->store, 5000, 3, &error));
  g_assert_no_error (error);
  path = export_to (f->store, f->dir, "all.json", GW_AREA_ALL, GW_PRIVACY_FULL);

  other = open_other (f, "other.db", &other_path);
  gw_test_add (other, "Already Here");
  g_clear_object (&other);
  before = gw_test_read_file (other_path);
  schema = gw_test_sql_text (other_path, schema_sql);

  _gw_store_set_bulk_threshold (0);
  other = open_other (f, "other.db", NULL);
  import = gw_exchange_import_load (other, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  /* Cancelled from the progress callback, half-way through the people. */
  g_assert_false (gw_exchange_import_apply (import, cancel_cb, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  _gw_store_set_bulk_threshold (-1);

  g_assert_cmpint (gw_store_count_members (other), ==, 1);
  g_clear_pointer (&import, gw_exchange_import_free);
  g_clear_object (&other);
  /* Every page as it was; only the header's change counter moves, as
   * for any transaction rolled back (see gw_store_rollback()). */
  after = gw_test_read_file (other_path);
  g_assert_cmpuint (g_bytes_get_size (after), ==, g_bytes_get_size (before));
  g_assert_cmpmem ((const char *) g_bytes_get_data (after, NULL) + 100, g_bytes_get_size (after) - 100,
                   (const char *) g_bytes_get_data (before, NULL) + 100, g_bytes_get_size (before) - 100);
  schema_after = gw_test_sql_text (other_path, schema_sql);
  g_assert_cmpstr (schema_after, ==, schema);
  g_assert_cmpint (gw_test_sql_int (other_path, "SELECT count(*) FROM members_fts WHERE members_fts MATCH 'already'"), ==, 1);

  /* And then the same import goes through, with the indexes back. */
  _gw_store_set_bulk_threshold (0);
  other = open_other (f, "other.db", NULL);
  import = import_file (other, path);
  _gw_store_set_bulk_threshold (-1);
  g_assert_cmpint (gw_store_count_members (other), ==, gw_store_count_members (f->store) + 1);
  g_clear_pointer (&import, gw_exchange_import_free);
  g_clear_object (&other);
  g_free (schema_after);
  schema_after = gw_test_sql_text (other_path, schema_sql);
  g_assert_cmpstr (schema_after, ==, schema);
  g_assert_cmpint (gw_test_sql_int (other_path, "SELECT count(*) FROM members_fts"), ==,
                   gw_test_sql_int (other_path, "SELECT count(*) FROM members"));
  g_free (schema_after);
  schema_after = gw_test_sql_text (other_path, "PRAGMA integrity_check");
  g_assert_cmpstr (schema_after, ==, "ok");
  g_assert_cmpint (gw_test_sql_exec (other_path,
                                     "INSERT INTO members_fts (members_fts) VALUES ('integrity-check')",
                                     NULL), ==, SQLITE_OK);
}


/* Stopping an import half-way writes nothing and keeps the preview: the
 * same import can then be applied without reading the file again. */
static void
test_stopped_import_goes_again (GwTestFixture *f,
                                gconstpointer  data)
{
  static const GwExchangeAreas areas[] = { GW_AREA_MEMBERS, GW_AREA_MEETINGS, GW_AREA_NOTEBOOK, GW_AREA_LEDGER };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GwStore) other = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GwExchangeImport) import = NULL;
  GwExchangeCounts preview[G_N_ELEMENTS (areas)];
  guint n_conflicts;

  g_assert_true (gw_demo_fill (f->store, 5000, 3, &error));
  g_assert_no_error (error);
  path = export_to (f->store, f->dir, "all.json", GW_AREA_ALL, GW_PRIVACY_FULL);
  other = open_other (f, "other.db", NULL);
  gw_test_add (other, "Already Here");

  import = gw_exchange_import_load (other, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    gw_exchange_import_get_counts (import, areas[i], &preview[i]);
  n_conflicts = gw_exchange_import_get_conflicts (import)->len;
  g_assert_cmpuint (preview[0].added, >, 5000);

  g_assert_false (gw_exchange_import_apply (import, cancel_cb, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpint (gw_store_count_members (other), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    assert_counts (import, areas[i], preview[i].added, preview[i].updated, preview[i].unchanged,
                   preview[i].conflicts);
  g_assert_cmpuint (gw_exchange_import_get_conflicts (import)->len, ==, n_conflicts);

  g_assert_true (gw_exchange_import_apply (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gw_store_count_members (other), ==, gw_store_count_members (f->store) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    assert_counts (import, areas[i], preview[i].added, preview[i].updated, preview[i].unchanged,
                   preview[i].conflicts);
}

static char *
schema_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "groundwork-exchange.schema.json", NULL);
}

/* data/groundwork-exchange.schema.json is written from the format's own
 * description; GW_UPDATE_SCHEMA=1 writes it again after a change. */
static void
test_schema_is_current (void)
{
  g_autofree char *path = schema_path ();
  g_autofree char *generated = _gw_exchange_dup_schema ();
  g_autofree char *installed = NULL;

  if (g_getenv ("GW_UPDATE_SCHEMA") != NULL)
    g_assert_true (g_file_set_contents (path, generated, -1, NULL));

  installed = read_text (path);
  g_assert_cmpstr (installed, ==, generated);
}

static void
test_schema_validates_exports (GwTestFixture *f,
                               gconstpointer  data)
{
  static const char check[] =
    "import json, sys, jsonschema\n"
    "schema = json.load(open(sys.argv[1]))\n"
    "jsonschema.Draft202012Validator.check_schema(schema)\n"
    "for path in sys.argv[2:]:\n"
    "    jsonschema.Draft202012Validator(schema).validate(json.load(open(path)))\n"
    "bad = json.load(open(sys.argv[2]))\n"
    "bad['members'][0]['stage'] = 'boss'\n"
    "sys.exit(0 if not jsonschema.Draft202012Validator(schema).is_valid(bad) else 3)\n";
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *schema = schema_path ();
  g_autofree char *full = NULL;
  g_autofree char *no_contact = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *members = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (python == NULL ||
      !g_spawn_command_line_sync ("python3 -c 'import jsonschema'", NULL, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    {
      /* build-aux/groundwork-dev installs it; without it the schema is
       * not checked, and that is a failure, not a skip. */
      g_test_fail_printf ("python3 with jsonschema is needed to check exports against %s"
                          " (Debian: python3-jsonschema)", schema);
      return;
    }

  fill_demo (f->store);
  full = export_to (f->store, f->dir, "full.json", GW_AREA_ALL, GW_PRIVACY_FULL);
  no_contact = export_to (f->store, f->dir, "no-contact.json", GW_AREA_ALL, GW_PRIVACY_NO_CONTACT);
  counts = export_to (f->store, f->dir, "counts.json", GW_AREA_ALL, GW_PRIVACY_COUNTS);
  members = export_to (f->store, f->dir, "members.json", GW_AREA_MEMBERS, GW_PRIVACY_FULL);

  {
    const char *argv[] = { python, "-c", check, schema, full, no_contact, counts, members, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status, &error);
    g_assert_no_error (error);
    if (!g_spawn_check_wait_status (status, NULL))
      g_error ("The exports do not follow the schema:\n%s", err);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, GwTestFixture, NULL, gw_test_fixture_set_up, func, gw_test_fixture_tear_down)

  g_test_add_func ("/core/exchange/names-agree", test_names_agree);
  g_test_add_func ("/core/exchange/areas-and-privacy", test_areas_and_privacy);
  g_test_add_func ("/core/exchange/schema-is-current", test_schema_is_current);
  ADD ("/core/exchange/schema-validates-exports", test_schema_validates_exports);
  ADD ("/core/exchange/round-trip", test_round_trip);
  ADD ("/core/exchange/refuses-bad-files", test_refuses);
  ADD ("/core/exchange/refusal-is-all-or-nothing", test_refusal_changes_nothing_elsewhere);
  ADD ("/core/exchange/privacy", test_privacy);
  ADD ("/core/exchange/merge", test_merge);
  ADD ("/core/exchange/stage-follows-history", test_stage_follows_history);
  ADD ("/core/exchange/removed-person-no-conflicts", test_removed_person_no_conflicts);
  ADD ("/core/exchange/gift-from-removed-member", test_gift_from_removed_member);
  ADD ("/core/exchange/removed-recruiter-kept", test_removed_recruiter_kept);
  ADD ("/core/exchange/full-after-no-contact", test_full_after_no_contact);
  ADD ("/core/exchange/step-conflict-names-person", test_step_conflict_names_person);
  ADD ("/core/exchange/export-over-database-refused", test_export_over_database);
  ADD ("/core/exchange/load-writes-nothing", test_load_writes_nothing);
  ADD ("/core/exchange/cancelled-export-leaves-no-file", test_cancelled_export);
  ADD ("/core/exchange/recruiter-later-in-the-file", test_recruiter_later);
  ADD ("/core/exchange/bulk-round-trip", test_bulk_round_trip);
  ADD ("/core/exchange/bulk-merge", test_bulk_merge);
  ADD ("/core/exchange/failed-bulk-import-changes-nothing", test_failed_bulk_import);
  ADD ("/core/exchange/stopped-import-goes-again", test_stopped_import_goes_again);

  return g_test_run ();
}
