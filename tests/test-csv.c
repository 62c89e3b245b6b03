/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <sys/stat.h>

#include <json-glib/json-glib.h>

#include "gw-csv.h"
#include "gw-csv-import.h"
#include "gw-member-list.h"
#include "gw-store-private.h"
#include "gw-test-util.h"

/* Reading. */

static GwCsvTable *
parse_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  GwCsvTable *table = gw_csv_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static void
assert_row (const GwCsvTable *table,
            guint             index,
            guint             line,
            ...)
{
  char **row;
  const char *cell;
  va_list args;
  guint i = 0;

  g_assert_cmpuint (index, <, table->rows->len);
  row = g_ptr_array_index (table->rows, index);
  g_assert_cmpuint (g_array_index (table->lines, guint, index), ==, line);

  va_start (args, line);
  while ((cell = va_arg (args, const char *)) != NULL)
    {
      g_assert_nonnull (row[i]);
      g_assert_cmpstr (row[i], ==, cell);
      i++;
    }
  va_end (args);
  g_assert_null (row[i]);
}

/* Every case of csv-spectrum: the header row, then each record's cells in
 * the header's order, exactly as the JSON has them. */
static void
test_spectrum (void)
{
  const char *root = g_getenv ("CSV_SPECTRUM");
  g_autofree char *csv_dir = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n_cases = 0;

  /* The corpus is part of the tests: without it they fail, not skip. */
  g_assert_nonnull (root);
  csv_dir = g_build_filename (root, "csvs", NULL);
  dir = g_dir_open (csv_dir, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *csv_path = NULL;
      g_autofree char *stem = NULL;
      g_autofree char *json_name = NULL;
      g_autofree char *json_path = NULL;
      g_autoptr(GwCsvTable) table = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonArray *records;
      char **header;

      if (!g_str_has_suffix (name, ".csv"))
        continue;

      g_test_message ("csv-spectrum: %s", name);
      csv_path = g_build_filename (csv_dir, name, NULL);
      stem = g_strndup (name, strlen (name) - 4);
      json_name = g_strconcat (stem, ".json", NULL);
      json_path = g_build_filename (root, "json", json_name, NULL);

      table = gw_csv_read_file (csv_path, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (table);
      g_assert_cmpint (table->delimiter, ==, ',');

      json_parser_load_from_file (parser, json_path, &error);
      g_assert_no_error (error);
      records = json_node_get_array (json_parser_get_root (parser));

      g_assert_cmpuint (table->rows->len, ==, json_array_get_length (records) + 1);
      header = g_ptr_array_index (table->rows, 0);

      for (guint r = 0; r < json_array_get_length (records); r++)
        {
          JsonObject *record = json_array_get_object_element (records, r);
          char **row = g_ptr_array_index (table->rows, r + 1);

          g_assert_cmpuint (g_strv_length (row), ==, g_strv_length (header));
          g_assert_cmpuint (json_object_get_size (record), ==, g_strv_length (header));
          for (guint c = 0; header[c] != NULL; c++)
            {
              g_assert_true (json_object_has_member (record, header[c]));
              g_assert_cmpstr (row[c], ==, json_object_get_string_member (record, header[c]));
            }
        }
      n_cases++;
    }

  g_assert_cmpuint (n_cases, >=, 11);
}

static void
test_line_numbers (void)
{
  g_autoptr(GwCsvTable) table = parse_text ("a,b\n\n\"one\ntwo\",3\r\n4,5\r6,7");

  g_assert_cmpuint (table->rows->len, ==, 4);
  assert_row (table, 0, 1, "a", "b", NULL);
  assert_row (table, 1, 3, "one\ntwo", "3", NULL);
  assert_row (table, 2, 5, "4", "5", NULL);
  assert_row (table, 3, 6, "6", "7", NULL);
}

static void
test_bom (void)
{
  g_autoptr(GwCsvTable) table = parse_text ("\xEF\xBB\xBFName,Phone\nAna,555\n");

  g_assert_true (table->had_bom);
  g_assert_cmpstr (table->encoding, ==, "UTF-8");
  assert_row (table, 0, 1, "Name", "Phone", NULL);
  assert_row (table, 1, 2, "Ana", "555", NULL);
}

static void
test_windows_1252 (void)
{
  g_autoptr(GwCsvTable) table = parse_text ("Name;Notes\nJos\xe9;\x93quoted\x94 \x80" "5\n");

  g_assert_false (table->had_bom);
  g_assert_cmpstr (table->encoding, ==, "WINDOWS-1252");
  g_assert_cmpint (table->delimiter, ==, ';');
  assert_row (table, 1, 2, "José", "“quoted” €5", NULL);
}

static void
test_semicolon (void)
{
  /* Commas inside the cells must not fool the guess. */
  g_autoptr(GwCsvTable) table = parse_text ("Nombre;Teléfono;Notas\n"
                                            "Ana Pérez;555-0101;llega tarde, siempre\n"
                                            "\"Luis; el de la tienda\";555-0102;\n");

  g_assert_cmpint (table->delimiter, ==, ';');
  assert_row (table, 0, 1, "Nombre", "Teléfono", "Notas", NULL);
  assert_row (table, 1, 2, "Ana Pérez", "555-0101", "llega tarde, siempre", NULL);
  assert_row (table, 2, 3, "Luis; el de la tienda", "555-0102", "", NULL);
}

/* Excel's "sep=;" first line names the delimiter and is not a row; the
 * rows keep their line numbers in the file. */
static void
test_sep_line (void)
{
  g_autoptr(GwCsvTable) table = parse_text ("sep=;\r\nName;Phone;Notes\r\nAna Ruiz;555 0101;\"a, b\"\r\n");
  char **row;

  g_assert_cmpint (table->delimiter, ==, ';');
  g_assert_cmpuint (table->rows->len, ==, 2);
  row = g_ptr_array_index (table->rows, 0);
  g_assert_cmpstr (row[0], ==, "Name");
  row = g_ptr_array_index (table->rows, 1);
  g_assert_cmpstr (row[2], ==, "a, b");
  g_assert_cmpuint (g_array_index (table->lines, guint, 1), ==, 3);
  g_clear_pointer (&table, gw_csv_table_free);

  /* "sep=" with something else is a cell like any other. */
  table = parse_text ("sep=x,y\nAna,1\n");
  g_assert_cmpint (table->delimiter, ==, ',');
  g_assert_cmpuint (table->rows->len, ==, 2);
}

static void
test_tab (void)
{
  g_autoptr(GwCsvTable) table = parse_text ("Name\tPhone\tEmail\r\nAna, Maria\t\tana@example.org\r\n");

  g_assert_cmpint (table->delimiter, ==, '\t');
  assert_row (table, 0, 1, "Name", "Phone", "Email", NULL);
  assert_row (table, 1, 2, "Ana, Maria", "", "ana@example.org", NULL);
}

static void
test_unclosed_quote (void)
{
  const char *text = "Name,Notes\nAna,fine\nLuis,\"never\nclosed\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GwCsvTable) table = gw_csv_parse (text, strlen (text), &error);

  g_assert_null (table);
  g_assert_error (error, GW_CSV_ERROR, GW_CSV_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "line 3"));
}

static void
test_binary (void)
{
  static const char data[] = "Name,Phone\nAna\0,555\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GwCsvTable) table = gw_csv_parse (data, sizeof data - 1, &error);

  g_assert_null (table);
  g_assert_error (error, GW_CSV_ERROR, GW_CSV_ERROR_BINARY);
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwCsvTable) table = gw_csv_parse ("\n\r\n", 3, &error);

  g_assert_null (table);
  g_assert_error (error, GW_CSV_ERROR, GW_CSV_ERROR_EMPTY);
}

/* Excel's "Unicode Text": UTF-16 with a byte-order mark, tab-separated. */
static void
assert_utf16 (const char *to,
              const char *bom,
              const char *encoding)
{
  static const char text[] = "Name\tPhone\tNotes\r\nMaría Núñez\t555 0101\t\"two\r\nlines\"\r\n";
  g_autoptr(GString) data = g_string_new_len (bom, 2);
  g_autofree char *converted = NULL;
  g_autoptr(GwCsvTable) table = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  converted = g_convert (text, -1, to, "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  g_string_append_len (data, converted, length);

  table = gw_csv_parse (data->str, data->len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (table);
  g_assert_true (table->had_bom);
  g_assert_cmpstr (table->encoding, ==, encoding);
  g_assert_cmpint (table->delimiter, ==, '\t');
  g_assert_cmpuint (table->rows->len, ==, 2);
  assert_row (table, 0, 1, "Name", "Phone", "Notes", NULL);
  assert_row (table, 1, 2, "María Núñez", "555 0101", "two\r\nlines", NULL);
}

static void
test_utf16 (void)
{
  assert_utf16 ("UTF-16LE", "\xFF\xFE", "UTF-16LE");
  assert_utf16 ("UTF-16BE", "\xFE\xFF", "UTF-16BE");
}

/* Without its byte-order mark, UTF-16 is refused, but not as binary data:
 * the message says what the file is and what to do. */
static void
test_utf16_without_bom (void)
{
  g_autofree char *data = NULL;
  g_autoptr(GwCsvTable) table = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  data = g_convert ("Name,Phone\nAna,555\n", -1, "UTF-16LE", "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);

  table = gw_csv_parse (data, length, &error);
  g_assert_null (table);
  g_assert_error (error, GW_CSV_ERROR, GW_CSV_ERROR_ENCODING);
  g_assert_null (strstr (error->message, "binary"));
  g_assert_nonnull (strstr (error->message, "UTF-16"));
}

/* A UTF-8 file with a stray byte or two (a name pasted from an older
 * program) stays UTF-8: the accents elsewhere come out right, and only
 * the stray bytes are unreadable. */
static void
test_mostly_utf8 (void)
{
  g_autoptr(GwCsvTable) table = parse_text ("Name,Notes\n"
                                            "María,café\n"
                                            "José,ok\n"
                                            "Ren\xe9 Roy,ok\n"
                                            "Núñez,ok\n");

  g_assert_cmpstr (table->encoding, ==, "UTF-8");
  g_assert_cmpuint (table->n_unreadable, ==, 1);
  assert_row (table, 1, 2, "María", "café", NULL);
  assert_row (table, 2, 3, "José", "ok", NULL);
  assert_row (table, 3, 4, "Ren\xEF\xBF\xBD Roy", "ok", NULL);
  assert_row (table, 4, 5, "Núñez", "ok", NULL);
}

/* High bytes with no valid multi-byte sequence at all: Windows-1252, even
 * with a single accented letter. */
static void
test_windows_1252_single_byte (void)
{
  g_autoptr(GwCsvTable) table = parse_text ("Name,Notes\nRen\xe9 Roy,ok\nAna,ok\n");

  g_assert_cmpstr (table->encoding, ==, "WINDOWS-1252");
  g_assert_cmpuint (table->n_unreadable, ==, 0);
  assert_row (table, 1, 2, "René Roy", "ok", NULL);
}

/* Text after the quotation mark that closes a quoted cell: the line is
 * named, and the message says what is wrong there. A quotation mark in a
 * cell that does not start with one is still read as itself. */
static void
test_misplaced_quote (void)
{
  const char *text = "Name,Notes\nAna,5'10\" tall\nBea,\"x\"y\nLuis,fine\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GwCsvTable) table = gw_csv_parse (text, strlen (text), &error);
  g_autoptr(GwCsvTable) lenient = NULL;

  g_assert_null (table);
  g_assert_error (error, GW_CSV_ERROR, GW_CSV_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "Line 3 "));
  g_assert_nonnull (strstr (error->message, "quotation mark in the wrong place"));
  g_assert_null (strstr (error->message, "never closed"));
  g_clear_error (&error);

  /* Inside a cell that spans lines, the line with the stray mark. */
  text = "Name,Notes\nBea,\"one\ntwo\" three\n";
  table = gw_csv_parse (text, strlen (text), &error);
  g_assert_null (table);
  g_assert_error (error, GW_CSV_ERROR, GW_CSV_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "Line 3 "));
  g_clear_error (&error);

  lenient = parse_text ("Name,Notes\nAna,5'10\" tall\n\"Bea\" ,\"say \"\"hi\"\"\"\n");
  assert_row (lenient, 1, 2, "Ana", "5'10\" tall", NULL);
  assert_row (lenient, 2, 3, "Bea", "say \"hi\"", NULL);
}

/* Writing. */

static void
test_append_cell (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  gw_csv_append_cell (out, "plain");
  gw_csv_append_cell (out, "=HYPERLINK(\"http://x\")");
  gw_csv_append_cell (out, "+1 555 0101");
  gw_csv_append_cell (out, "-5");
  gw_csv_append_cell (out, "@SUM(A1)");
  gw_csv_append_cell (out, "\tindented");
  gw_csv_append_cell (out, "\rreturn");
  gw_csv_append_cell (out, "a, b");
  gw_csv_append_cell (out, NULL);
  gw_csv_append_number (out, "-12.50");
  gw_csv_end_row (out);
  gw_csv_append_cell (out, "second");
  gw_csv_end_row (out);

  g_assert_cmpstr (out->str, ==,
                   "plain,\"'=HYPERLINK(\"\"http://x\"\")\",'+1 555 0101,'-5,'@SUM(A1),"
                   "'\tindented,\"'\rreturn\",\"a, b\",,-12.50\r\nsecond\r\n");
}

/* What we write reads back as written, apart from the apostrophes. */
static void
test_round_trip (void)
{
  static const char * const cells[] = { "Ana \"la\" Pérez", "line\nbreak", " spaced ", "a;b", "x" };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GwCsvTable) table = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    gw_csv_append_cell (out, cells[i]);
  gw_csv_end_row (out);

  table = parse_text (out->str);
  g_assert_cmpuint (table->rows->len, ==, 1);
  assert_row (table, 0, 1, "Ana \"la\" Pérez", "line\nbreak", " spaced ", "a;b", "x", NULL);
}

/* Importing people. */

static void
noop_progress (double   fraction,
               gpointer user_data)
{
}

static GwCsvImport *
checked_import (GwStore    *store,
                const char *text)
{
  g_autoptr(GError) error = NULL;
  GwCsvImport *import = gw_csv_import_new (store, parse_text (text));

  gw_csv_import_check (import, noop_progress, NULL, NULL, &error);
  g_assert_no_error (error);
  return import;
}

static void
test_guess_headings (void)
{
  static const struct { const char *heading; GwCsvField field; } cases[] = {
    { "First name", GW_CSV_FIELD_FIRST_NAME },
    { "Given name", GW_CSV_FIELD_FIRST_NAME },
    { "LAST NAME", GW_CSV_FIELD_LAST_NAME },
    { "Surname", GW_CSV_FIELD_LAST_NAME },
    { "Family name", GW_CSV_FIELD_LAST_NAME },
    { "Name", GW_CSV_FIELD_FULL_NAME },
    { "Full name:", GW_CSV_FIELD_FULL_NAME },
    { "Phone", GW_CSV_FIELD_PHONE },
    { "Mobile", GW_CSV_FIELD_PHONE },
    { "Cell", GW_CSV_FIELD_PHONE },
    { "Telephone", GW_CSV_FIELD_PHONE },
    { "E-mail", GW_CSV_FIELD_EMAIL },
    { " email ", GW_CSV_FIELD_EMAIL },
    { "Address", GW_CSV_FIELD_NEIGHBOURHOOD },
    { "Neighbourhood", GW_CSV_FIELD_NEIGHBOURHOOD },
    { "Languages", GW_CSV_FIELD_LANGUAGES },
    { "Notes", GW_CSV_FIELD_NOTES },
    { "Tags", GW_CSV_FIELD_TAGS },
    { "Joined", GW_CSV_FIELD_JOINED },
    { "Pronouns", GW_CSV_FIELD_PRONOUNS },
    { "Nombre", GW_CSV_FIELD_FULL_NAME },
    { "Apellido(s)", GW_CSV_FIELD_LAST_NAME },
    { "Apellidos", GW_CSV_FIELD_LAST_NAME },
    { "Teléfono", GW_CSV_FIELD_PHONE },
    { "TELEFONO", GW_CSV_FIELD_PHONE },
    { "Celular", GW_CSV_FIELD_PHONE },
    { "Móvil", GW_CSV_FIELD_PHONE },
    { "Correo", GW_CSV_FIELD_EMAIL },
    { "Correo electrónico", GW_CSV_FIELD_EMAIL },
    { "Barrio", GW_CSV_FIELD_NEIGHBOURHOOD },
    { "Idiomas", GW_CSV_FIELD_LANGUAGES },
    { "Notas", GW_CSV_FIELD_NOTES },
    { "Etiquetas", GW_CSV_FIELD_TAGS },
    { "Fecha de ingreso", GW_CSV_FIELD_JOINED },
    { "Favourite colour", GW_CSV_FIELD_IGNORE },
    { "", GW_CSV_FIELD_IGNORE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("heading “%s”", cases[i].heading);
      g_assert_cmpint (gw_csv_guess_field (cases[i].heading), ==, cases[i].field);
    }
}

static void
test_first_and_last_joined (GwTestFixture *f,
                            gconstpointer  data)
{
  g_autoptr(GwCsvImport) import = checked_import (f->store,
                                                  "Nombre;Apellido(s);Teléfono;Idiomas;Fecha de ingreso\n"
                                                  "Ana;Pérez Soto;555 010 1234;Español, English;2024-03-05\n");
  GwCsvRow *row;

  g_assert_true (gw_csv_import_get_has_header (import));
  g_assert_cmpuint (gw_csv_import_get_n_columns (import), ==, 5);
  g_assert_cmpstr (gw_csv_import_get_heading (import, 1), ==, "Apellido(s)");
  /* "Nombre" beside a column of last names is the first name. */
  g_assert_cmpint (gw_csv_import_get_field (import, 0), ==, GW_CSV_FIELD_FIRST_NAME);
  g_assert_cmpint (gw_csv_import_get_field (import, 1), ==, GW_CSV_FIELD_LAST_NAME);
  g_assert_cmpint (gw_csv_import_get_field (import, 4), ==, GW_CSV_FIELD_JOINED);

  g_assert_cmpuint (gw_csv_import_get_n_rows (import), ==, 1);
  row = gw_csv_import_get_row (import, 0);
  g_assert_cmpuint (row->line, ==, 2);
  g_assert_null (row->problem);
  g_assert_cmpint (row->action, ==, GW_CSV_ROW_ADD);
  g_assert_cmpstr (gw_member_get_full_name (row->draft), ==, "Ana Pérez Soto");
  g_assert_cmpstr (gw_member_get_phone (row->draft), ==, "555 010 1234");
  g_assert_cmpstr (gw_member_get_joined (row->draft), ==, "2024-03-05");
  g_assert_cmpuint (g_strv_length ((char **) gw_member_get_languages (row->draft)), ==, 2);
}

static void
test_no_header_and_no_name (GwTestFixture *f,
                            gconstpointer  data)
{
  g_autoptr(GwCsvImport) import = gw_csv_import_new (f->store, parse_text ("Ana,555 0101\nLuis,555 0102\n"));
  g_autoptr(GError) error = NULL;

  g_assert_false (gw_csv_import_get_has_header (import));
  g_assert_cmpstr (gw_csv_import_get_heading (import, 1), ==, "Column 2");
  g_assert_false (gw_csv_import_check (import, NULL, NULL, NULL, &error));
  g_assert_error (error, GW_CSV_ERROR, GW_CSV_ERROR_NO_NAME);
  g_clear_error (&error);

  gw_csv_import_set_field (import, 0, GW_CSV_FIELD_FULL_NAME);
  gw_csv_import_set_field (import, 1, GW_CSV_FIELD_PHONE);
  gw_csv_import_check (import, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gw_csv_import_get_n_rows (import), ==, 2);
  g_assert_cmpstr (gw_member_get_full_name (gw_csv_import_get_row (import, 0)->draft), ==, "Ana");
}

static void
test_impossible_date (GwTestFixture *f,
                      gconstpointer  data)
{
  g_autoptr(GwCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  GwCsvRow *row;
  guint added = 99, merged = 99;

  gw_test_add (f->store, "Already Here");
  import = checked_import (f->store,
                           "Name,Joined\n"
                           "Good Row,2024-01-10\n"
                           "Bad Date,2024-02-30\n"
                           ",2024-01-01\n");

  g_assert_cmpuint (gw_csv_import_get_n_rows (import), ==, 3);
  row = gw_csv_import_get_row (import, 1);
  g_assert_nonnull (row->problem);
  g_assert_nonnull (strstr (row->problem, "2024-02-30"));
  g_assert_cmpint (row->action, ==, GW_CSV_ROW_SKIP);
  row = gw_csv_import_get_row (import, 2);
  g_assert_nonnull (row->problem);
  g_assert_cmpuint (row->line, ==, 4);

  /* Asked to add it anyway, the import refuses and changes nothing. */
  gw_csv_import_set_action (import, 1, GW_CSV_ROW_ADD);
  g_assert_false (gw_csv_import_apply (import, "Secretary", NULL, NULL, NULL, &added, &merged, &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Line 3"));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (merged, ==, 0);
  g_assert_cmpuint (gw_store_count_members (f->store), ==, 1);
  g_assert_cmpint (gw_test_sql_int (f->path, "SELECT count(*) FROM members"), ==, 1);
  g_clear_error (&error);

  /* Left out, the rest goes in. */
  gw_csv_import_set_action (import, 1, GW_CSV_ROW_SKIP);
  g_assert_true (gw_csv_import_apply (import, "Secretary", NULL, NULL, NULL, &added, &merged, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpuint (gw_store_count_members (f->store), ==, 2);
}

/* Dates joined, as spreadsheets write them.
 *
 * Each of these runs twice: in the C locale and with the dates of es_ES,
 * the tester's, where g_date_set_parse() read "1/5/2024" as 1 May and
 * "Jan 5 2024" as 2024-05-01. A file's dates must be read the same on
 * every computer. */

/* Switches LC_TIME to the locale the test was added with, if any; returns
 * the one to go back to, or NULL (and skips the test) when that locale is
 * not installed. */
static char *
use_date_locale (gconstpointer data)
{
  g_autofree char *saved = g_strdup (setlocale (LC_TIME, NULL));

  if (data != NULL && setlocale (LC_TIME, data) == NULL)
    {
      g_test_skip ("locale not installed");
      return NULL;
    }
  return g_steal_pointer (&saved);
}

static void
restore_date_locale (char *saved)
{
  setlocale (LC_TIME, saved);
  g_free (saved);
}

/* Checks a file of people, one per date joined. */
static GwCsvImport *
check_dates (GwStore            *store,
             const char * const *dates)
{
  /* Names far enough apart not to be taken for one person twice. */
  static const char * const names[] = {
    "Ana Pérez", "Luis Ortega", "Marta Gil", "Jorge Ruiz", "Carmen Vidal", "Pablo Núñez",
    "Rosa Blanco", "Diego Soler", "Elena Cano", "Hugo Moreno", "Irene Prieto", "Javier León",
    "Lucía Serrano", "Mario Campos", "Nuria Santos", "Óscar Vega", "Pilar Ibáñez", "Raúl Marín",
    "Sara Domínguez", "Tomás Rey",
  };
  g_autoptr(GString) text = g_string_new ("Name,Joined\n");

  for (guint i = 0; dates[i] != NULL; i++)
    {
      g_assert_cmpuint (i, <, G_N_ELEMENTS (names));
      g_string_append_printf (text, "%s,\"%s\"\n", names[i], dates[i]);
    }

  return checked_import (store, text->str);
}

static void
assert_joined (GwCsvImport *import,
               guint        index,
               const char  *expected)
{
  GwCsvRow *row = gw_csv_import_get_row (import, index);

  g_test_message ("row %u: %s", index, row->problem ? row->problem : "(no problem)");
  g_assert_null (row->problem);
  g_assert_cmpint (row->action, ==, GW_CSV_ROW_ADD);
  g_assert_cmpstr (gw_member_get_joined (row->draft), ==, expected);
}

/* The row has a problem that says each of the NULL-terminated texts. */
static void
assert_date_problem (GwCsvImport *import,
                     guint        index,
                     ...)
{
  GwCsvRow *row = gw_csv_import_get_row (import, index);
  const char *part;
  va_list args;

  g_assert_nonnull (row->problem);
  g_test_message ("row %u: %s", index, row->problem);
  g_assert_cmpint (row->action, ==, GW_CSV_ROW_SKIP);
  g_assert_nonnull (strstr (row->problem, "YYYY-MM-DD"));

  va_start (args, index);
  while ((part = va_arg (args, const char *)) != NULL)
    g_assert_nonnull (strstr (row->problem, part));
  va_end (args);
}

static void
test_dates_day_first (GwTestFixture *f,
                      gconstpointer  data)
{
  static const char * const dates[] = { "05/01/2024", "13/02/2024", "1.3.2024", "12-04-2024",
                                        NULL };
  g_autoptr(GwCsvImport) import = NULL;
  char *locale = use_date_locale (data);

  if (locale == NULL)
    return;

  /* One day above 12 says the whole column has the day first. */
  import = check_dates (f->store, dates);
  assert_joined (import, 0, "2024-01-05");
  assert_joined (import, 1, "2024-02-13");
  assert_joined (import, 2, "2024-03-01");
  assert_joined (import, 3, "2024-04-12");

  restore_date_locale (locale);
}

static void
test_dates_month_first (GwTestFixture *f,
                        gconstpointer  data)
{
  static const char * const dates[] = { "1/5/2024", "02/13/2024", "3.4.2024", "12-11-2023",
                                        "4/15/2024 0:00:00", NULL };
  g_autoptr(GwCsvImport) import = NULL;
  char *locale = use_date_locale (data);

  if (locale == NULL)
    return;

  /* One day above 12 in second place says the month comes first: "1/5/2024"
   * is 5 January, as the US user who typed it meant. */
  import = check_dates (f->store, dates);
  assert_joined (import, 0, "2024-01-05");
  assert_joined (import, 1, "2024-02-13");
  assert_joined (import, 2, "2024-03-04");
  assert_joined (import, 3, "2023-12-11");
  assert_joined (import, 4, "2024-04-15");

  restore_date_locale (locale);
}

static void
test_dates_ambiguous (GwTestFixture *f,
                      gconstpointer  data)
{
  static const char * const dates[] = { "01/05/2024", "05/05/2024", "2024-03-01", "12/11/2023",
                                         "5 Jan 2024", NULL };
  g_autoptr(GwCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  char *locale = use_date_locale (data);
  gboolean english = data == NULL;

  if (locale == NULL)
    return;

  /* Nothing in the column says which comes first: a date that could be two
   * days is a problem, named with both. */
  import = check_dates (f->store, dates);
  assert_date_problem (import, 0, "“01/05/2024”", english ? "1 May" : "mayo",
                       english ? "5 January" : "enero", NULL);
  /* The same day either way, a year first or a month's name need no
   * decision. */
  assert_joined (import, 1, "2024-05-05");
  assert_joined (import, 2, "2024-03-01");
  assert_date_problem (import, 3, "“12/11/2023”", english ? "12 November" : "noviembre",
                       english ? "11 December" : "diciembre", NULL);
  assert_joined (import, 4, "2024-01-05");

  /* Asked to add it anyway, the import refuses and changes nothing. */
  gw_csv_import_set_action (import, 0, GW_CSV_ROW_ADD);
  g_assert_false (gw_csv_import_apply (import, "Secretary", NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Line 2"));
  g_assert_cmpuint (gw_store_count_members (f->store), ==, 0);

  restore_date_locale (locale);
}

static void
test_dates_same_both_ways (GwTestFixture *f,
                           gconstpointer  data)
{
  static const char * const dates[] = { "05/05/2024 00:00", "07/07/07", "12.12.2012", NULL };
  g_autoptr(GwCsvImport) import = NULL;
  char *locale = use_date_locale (data);

  if (locale == NULL)
    return;

  /* Undecided, but the day and the month are the same number. */
  import = check_dates (f->store, dates);
  assert_joined (import, 0, "2024-05-05");
  assert_joined (import, 1, "2007-07-07");
  assert_joined (import, 2, "2012-12-12");

  restore_date_locale (locale);
}

static void
test_dates_inconsistent (GwTestFixture *f,
                         gconstpointer  data)
{
  static const char * const mostly_day_first[] = { "13/01/2024", "14/02/2024", "02/15/2024",
                                                   "03/04/2024", NULL };
  static const char * const even[] = { "13/01/2024", "01/13/2024", "03/04/2024", "05/05/2024",
                                       NULL };
  g_autoptr(GwCsvImport) import = NULL;
  char *locale = use_date_locale (data);

  if (locale == NULL)
    return;

  /* Both ways in one column: most have the day first, and the date that
   * can only be the other way is a problem. */
  import = check_dates (f->store, mostly_day_first);
  assert_joined (import, 0, "2024-01-13");
  assert_joined (import, 1, "2024-02-14");
  assert_date_problem (import, 2, "“02/15/2024”", "day first", NULL);
  assert_joined (import, 3, "2024-04-03");
  g_clear_pointer (&import, gw_csv_import_free);

  /* As many each way: no way wins, and every date that decides or could
   * be two days is a problem. */
  import = check_dates (f->store, even);
  assert_date_problem (import, 0, "“13/01/2024”", "as many", NULL);
  assert_date_problem (import, 1, "“01/13/2024”", "as many", NULL);
  assert_date_problem (import, 2, "“03/04/2024”", NULL);
  assert_joined (import, 3, "2024-05-05");

  restore_date_locale (locale);
}

static void
test_dates_month_names (GwTestFixture *f,
                        gconstpointer  data)
{
  static const struct { const char *text; const char *iso; } cases[] = {
    { "Jan 5 2024", "2024-01-05" },
    { "5-Jan-2024", "2024-01-05" },
    { "January 5, 2024", "2024-01-05" },
    { "Friday, January 5th, 2024", "2024-01-05" },
    { "5 de enero de 2024", "2024-01-05" },
    { "miércoles, 3 de enero de 2024", "2024-01-03" },
    { "5 ENE 2024", "2024-01-05" },
    { "1 de Septiembre del 2024", "2024-09-01" },
    { "1º de diciembre de 2023", "2023-12-01" },
    { "Sept. 30, 2024", "2024-09-30" },
    { "30-ago-2024", "2024-08-30" },
    { "3 Dic. 2023", "2023-12-03" },
    { "2024 Feb 29", "2024-02-29" },
    { "12 de MAYO de 2020", "2020-05-12" },
    { "Smarch 5 2024", NULL },
    { "30 Feb 2024", NULL },
    { "January 2024", NULL },
  };
  g_autoptr(GPtrArray) dates = g_ptr_array_new ();
  g_autoptr(GwCsvImport) import = NULL;
  char *locale = use_date_locale (data);

  if (locale == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_ptr_array_add (dates, (gpointer) cases[i].text);
  g_ptr_array_add (dates, NULL);

  import = check_dates (f->store, (const char * const *) dates->pdata);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("date “%s”", cases[i].text);
      if (cases[i].iso != NULL)
        assert_joined (import, i, cases[i].iso);
      else
        assert_date_problem (import, i, cases[i].text, "not a real date", NULL);
    }

  restore_date_locale (locale);
}

static void
test_dates_two_digit_years (GwTestFixture *f,
                            gconstpointer  data)
{
  static const char * const dates[] = { "13/01/69", "13/01/70", "31/12/99", "01/02/00", "5-Jan-69",
                                        "5-Jan-70", "5 de enero de 99", NULL };
  g_autoptr(GwCsvImport) import = NULL;
  char *locale = use_date_locale (data);

  if (locale == NULL)
    return;

  /* 00 to 69 are in the 2000s, 70 to 99 in the 1900s. */
  import = check_dates (f->store, dates);
  assert_joined (import, 0, "2069-01-13");
  assert_joined (import, 1, "1970-01-13");
  assert_joined (import, 2, "1999-12-31");
  assert_joined (import, 3, "2000-02-01");
  assert_joined (import, 4, "2069-01-05");
  assert_joined (import, 5, "1970-01-05");
  assert_joined (import, 6, "1999-01-05");

  restore_date_locale (locale);
}

static void
test_dates_with_time (GwTestFixture *f,
                      gconstpointer  data)
{
  static const char * const month_first[] = { "01/13/2024 00:00", "02/05/2024 00:00:00",
                                              "2024-03-01 12:30", "3/4/2024 9:15 PM",
                                              "3/5/2024 12:00:00 a. m.", "Jan 5 2024 10:00",
                                              "3/6/2024 25:00", NULL };
  static const char * const sheets[] = { "01/05/2024 00:00", "25/12/2023 00:00", NULL };
  g_autoptr(GwCsvImport) import = NULL;
  char *locale = use_date_locale (data);

  if (locale == NULL)
    return;

  /* The time a spreadsheet keeps with a date is left out. */
  import = check_dates (f->store, month_first);
  assert_joined (import, 0, "2024-01-13");
  assert_joined (import, 1, "2024-02-05");
  assert_joined (import, 2, "2024-03-01");
  assert_joined (import, 3, "2024-03-04");
  assert_joined (import, 4, "2024-03-05");
  assert_joined (import, 5, "2024-01-05");
  /* A time that is not one is not left out. */
  assert_date_problem (import, 6, "“3/6/2024 25:00”", "not a real date", NULL);
  g_clear_pointer (&import, gw_csv_import_free);

  /* Google Sheets writes a date kept with its hour so. */
  import = check_dates (f->store, sheets);
  assert_joined (import, 0, "2024-05-01");
  assert_joined (import, 1, "2023-12-25");

  restore_date_locale (locale);
}

static void
test_duplicates (GwTestFixture *f,
                 gconstpointer  data)
{
  g_autoptr(GwCsvImport) import = NULL;
  gint64 maria, luis, rosa;
  GwCsvRow *row;

  maria = gw_test_add_person (f->store, "María González", "555-010-2030", NULL);
  luis = gw_test_add_person (f->store, "Luis Ortega", NULL, "luis@example.org");
  rosa = gw_test_add (f->store, "Rosa Jiménez");

  import = checked_import (f->store,
                           "Name,Phone,Email\n"
                           "M. Gonzalez,(555) 010 2030,\n"           /* 2: same phone */
                           "L. O.,,LUIS@example.org\n"               /* 3: same email */
                           "rosa jimenes,,\n"                        /* 4: a slip away */
                           "Tomás Reyes,,tomas@example.org\n"        /* 5: new */
                           "Someone Else,,\n"                        /* 6: new */
                           "Tomas Reyes,,\n"                         /* 7: same as line 5 */
                           "T. R.,,TOMAS@example.org\n");            /* 8: same as line 5 */

  g_assert_cmpuint (gw_csv_import_get_n_rows (import), ==, 7);

  row = gw_csv_import_get_row (import, 0);
  g_assert_cmpint (row->duplicate_id, ==, maria);
  g_assert_cmpstr (row->duplicate_name, ==, "María González");
  g_assert_cmpstr (row->duplicate_reason, ==, "Same phone");
  g_assert_cmpint (row->action, ==, GW_CSV_ROW_SKIP);

  row = gw_csv_import_get_row (import, 1);
  g_assert_cmpint (row->duplicate_id, ==, luis);
  g_assert_cmpstr (row->duplicate_reason, ==, "Same email");

  row = gw_csv_import_get_row (import, 2);
  g_assert_cmpint (row->duplicate_id, ==, rosa);
  g_assert_cmpstr (row->duplicate_reason, ==, "Similar name");

  row = gw_csv_import_get_row (import, 3);
  g_assert_cmpint (row->duplicate_id, ==, 0);
  g_assert_null (row->duplicate_reason);
  g_assert_cmpint (row->action, ==, GW_CSV_ROW_ADD);

  row = gw_csv_import_get_row (import, 4);
  g_assert_null (row->duplicate_reason);

  row = gw_csv_import_get_row (import, 5);
  g_assert_cmpint (row->duplicate_id, ==, 0);
  g_assert_cmpstr (row->duplicate_name, ==, "Tomás Reyes");
  g_assert_cmpstr (row->duplicate_reason, ==, "Same as line 5");
  g_assert_cmpint (row->action, ==, GW_CSV_ROW_SKIP);

  row = gw_csv_import_get_row (import, 6);
  g_assert_cmpstr (row->duplicate_reason, ==, "Same as line 5");
}

/* A stray byte in a UTF-8 file spoils its row only: that row has a
 * problem, the others import with their accents intact. */
static void
test_unreadable_row (GwTestFixture *f,
                     gconstpointer  data)
{
  g_autoptr(GwCsvImport) import = checked_import (f->store,
                                                  "Name,Notes,Ignored\n"
                                                  "María Núñez,café\n"
                                                  "Ren\xe9 Roy,ok\n"
                                                  "José Pérez,ok,\xff\n");
  GwCsvRow *row;

  g_assert_cmpuint (gw_csv_import_get_n_rows (import), ==, 3);

  row = gw_csv_import_get_row (import, 0);
  g_assert_null (row->problem);
  g_assert_cmpstr (gw_member_get_full_name (row->draft), ==, "María Núñez");
  g_assert_cmpint (row->action, ==, GW_CSV_ROW_ADD);

  row = gw_csv_import_get_row (import, 1);
  g_assert_nonnull (row->problem);
  g_assert_nonnull (strstr (row->problem, "could not be read"));
  g_assert_cmpint (row->action, ==, GW_CSV_ROW_SKIP);

  /* An unreadable byte in a column that is not imported harms no one. */
  g_assert_cmpint (gw_csv_import_get_field (import, 2), ==, GW_CSV_FIELD_IGNORE);
  row = gw_csv_import_get_row (import, 2);
  g_assert_null (row->problem);
  g_assert_cmpstr (gw_member_get_full_name (row->draft), ==, "José Pérez");
}

/* A country code in front of a number still finds the person, both ways
 * round, on the roster and earlier in the file; four extra digits, or a
 * short number, do not. */
static void
test_duplicate_country_code (GwTestFixture *f,
                             gconstpointer  data)
{
  g_autoptr(GwCsvImport) import = NULL;
  gint64 ana, luis;
  GwCsvRow *row;

  ana = gw_test_add_person (f->store, "Ana Pérez", "(612) 555-0512", NULL);
  luis = gw_test_add_person (f->store, "Luis Ortega", "+52 55 1234 5678", NULL);
  gw_test_add_person (f->store, "Rosa Jiménez", "81 4455", NULL);

  import = checked_import (f->store,
                           "Name,Phone\n"
                           "A. P.,+1 612 555 0512\n"       /* 2: Ana, with the country code */
                           "L. O.,55-1234-5678\n"          /* 3: Luis, without his */
                           "Someone,+4420 612 555 0512\n"  /* 4: four extra digits: not Ana */
                           "Other,+52 81 4455\n"           /* 5: six digits: too short to tell */
                           "Tomás Reyes,333 444 5555\n"    /* 6: new */
                           "T. R.,+1 333 444 5555\n");     /* 7: same as line 6 */

  row = gw_csv_import_get_row (import, 0);
  g_assert_cmpint (row->duplicate_id, ==, ana);
  g_assert_cmpstr (row->duplicate_reason, ==, "Same phone");

  row = gw_csv_import_get_row (import, 1);
  g_assert_cmpint (row->duplicate_id, ==, luis);
  g_assert_cmpstr (row->duplicate_reason, ==, "Same phone");

  row = gw_csv_import_get_row (import, 2);
  g_assert_null (row->duplicate_reason);

  row = gw_csv_import_get_row (import, 3);
  g_assert_null (row->duplicate_reason);

  row = gw_csv_import_get_row (import, 4);
  g_assert_null (row->duplicate_reason);

  row = gw_csv_import_get_row (import, 5);
  g_assert_cmpint (row->duplicate_id, ==, 0);
  g_assert_cmpstr (row->duplicate_reason, ==, "Same as line 6");
}

static void
test_guess_more_headings (void)
{
  static const struct { const char *heading; GwCsvField field; } cases[] = {
    { "Segundo apellido", GW_CSV_FIELD_LAST_NAME },
    { "Primer apellido", GW_CSV_FIELD_LAST_NAME },
    { "Apellido materno", GW_CSV_FIELD_LAST_NAME },
    { "Fecha de alta", GW_CSV_FIELD_JOINED },
    /* Google Contacts */
    { "Given Name", GW_CSV_FIELD_FIRST_NAME },
    { "Family Name", GW_CSV_FIELD_LAST_NAME },
    { "E-mail 1 - Value", GW_CSV_FIELD_EMAIL },
    { "E-mail 2 - Value", GW_CSV_FIELD_EMAIL },
    { "Phone 1 - Value", GW_CSV_FIELD_PHONE },
    { "E-mail 1 - Type", GW_CSV_FIELD_IGNORE },
    { "Phone 1 - Type", GW_CSV_FIELD_IGNORE },
    { "Website 1 - Value", GW_CSV_FIELD_IGNORE },
    { "Value", GW_CSV_FIELD_IGNORE },
    { "1 - Value", GW_CSV_FIELD_IGNORE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("heading “%s”", cases[i].heading);
      g_assert_cmpint (gw_csv_guess_field (cases[i].heading), ==, cases[i].field);
    }
}

/* Spanish full names are the first name and both surnames, in that order,
 * whichever order the columns are in. */
static void
test_second_surname (GwTestFixture *f,
                     gconstpointer  data)
{
  g_autoptr(GwCsvImport) import = checked_import (f->store,
                                                  "Segundo apellido;Nombre;Primer apellido;Fecha de alta\n"
                                                  "Soto;Ana;Pérez;2024-03-05\n"
                                                  "Ruiz;Luis;;\n");
  GwCsvRow *row;

  g_assert_cmpint (gw_csv_import_get_field (import, 0), ==, GW_CSV_FIELD_LAST_NAME);
  g_assert_cmpint (gw_csv_import_get_field (import, 1), ==, GW_CSV_FIELD_FIRST_NAME);
  g_assert_cmpint (gw_csv_import_get_field (import, 2), ==, GW_CSV_FIELD_LAST_NAME);
  g_assert_cmpint (gw_csv_import_get_field (import, 3), ==, GW_CSV_FIELD_JOINED);

  row = gw_csv_import_get_row (import, 0);
  g_assert_cmpstr (gw_member_get_full_name (row->draft), ==, "Ana Pérez Soto");
  g_assert_cmpstr (gw_member_get_joined (row->draft), ==, "2024-03-05");
  row = gw_csv_import_get_row (import, 1);
  g_assert_cmpstr (gw_member_get_full_name (row->draft), ==, "Luis Ruiz");
}

static void
test_google_contacts (GwTestFixture *f,
                      gconstpointer  data)
{
  g_autoptr(GwCsvImport) import = checked_import (f->store,
                                                  "Name,Given Name,Family Name,E-mail 1 - Type,E-mail 1 - Value,"
                                                  "Phone 1 - Type,Phone 1 - Value\n"
                                                  "Ana Pérez,Ana,Pérez,* Home,ana@example.org,Mobile,555 0101\n");
  GwCsvRow *row = gw_csv_import_get_row (import, 0);

  g_assert_null (row->problem);
  g_assert_cmpstr (gw_member_get_full_name (row->draft), ==, "Ana Pérez");
  g_assert_cmpstr (gw_member_get_email (row->draft), ==, "ana@example.org");
  g_assert_cmpstr (gw_member_get_phone (row->draft), ==, "555 0101");
}

/* Google Contacts puts several values in a cell with " ::: ", and its own
 * groups in the labels; a second phone or e-mail, in the cell or in
 * another column, goes to the notes rather than being lost. */
static void
test_google_contacts_several_values (GwTestFixture *f,
                                     gconstpointer  data)
{
  g_autoptr(GwCsvImport) import = checked_import (f->store,
                                                  "First Name,Last Name,Labels,E-mail 1 - Value,E-mail 2 - Value,"
                                                  "Phone 1 - Value,Notes\n"
                                                  "Ana,Pérez,* myContacts ::: Tenants ::: * starred ::: * Block 4,"
                                                  "ana@example.org,ana.p@example.net,"
                                                  "+1 612-555-0100 ::: 612-555-0101,Has a car\n"
                                                  "Luis,Ruiz,,luis@example.org,luis@example.org,555 0102,\n");
  GwCsvRow *row = gw_csv_import_get_row (import, 0);
  const char * const *tags = gw_member_get_tags (row->draft);

  g_assert_null (row->problem);
  g_assert_cmpstr (gw_member_get_phone (row->draft), ==, "+1 612-555-0100");
  g_assert_cmpstr (gw_member_get_email (row->draft), ==, "ana@example.org");
  g_assert_cmpuint (g_strv_length ((char **) tags), ==, 2);
  g_assert_cmpstr (tags[0], ==, "Tenants");
  g_assert_cmpstr (tags[1], ==, "Block 4");
  g_assert_cmpstr (gw_member_get_notes (row->draft), ==,
                   "Has a car\nE-mail 2 - Value: ana.p@example.net\nPhone 1 - Value: 612-555-0101");

  /* The same e-mail twice is not news. */
  row = gw_csv_import_get_row (import, 1);
  g_assert_cmpstr (gw_member_get_email (row->draft), ==, "luis@example.org");
  g_assert_cmpstr (gw_member_get_notes (row->draft), ==, "");
}


/* A line break inside a quoted cell is "\n" in what is imported, whether
 * the file's lines end in CR (old Macs), CRLF or LF. */
static void
test_line_breaks_in_cells (GwTestFixture *f,
                           gconstpointer  data)
{
  static const char * const files[] = {
    "Name,Notes\r\"Ana\",\"one\rtwo\r\rthree\"\rLuis,x\r",
    "Name,Notes\r\n\"Ana\",\"one\r\ntwo\r\n\r\nthree\"\r\nLuis,x\r\n",
    "Name,Notes\n\"Ana\",\"one\ntwo\n\nthree\"\nLuis,x\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GwCsvImport) import = checked_import (f->store, files[i]);
      GwCsvRow *row;

      g_assert_cmpuint (gw_csv_import_get_n_rows (import), ==, 2);
      row = gw_csv_import_get_row (import, 0);
      g_assert_cmpstr (gw_member_get_notes (row->draft), ==, "one\ntwo\n\nthree");
      row = gw_csv_import_get_row (import, 1);
      g_assert_cmpuint (row->line, ==, 6);
    }
}

static void
test_skip_merge_add (GwTestFixture *f,
                     gconstpointer  data)
{
  g_autoptr(GwCsvImport) import = NULL;
  g_autoptr(GwMember) maria = NULL;
  g_autoptr(GwMember) luis = NULL;
  g_autoptr(GwMember) tomas = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  gint64 maria_id, luis_id, tomas_id;
  guint added = 0, merged = 0;

  maria_id = gw_test_add_person (f->store, "María González", "555-010-2030", NULL);
  luis_id = gw_test_add_person (f->store, "Luis Ortega", "555-010-9999", "luis@example.org");

  import = checked_import (f->store,
                           "Name,Phone,Email,Tags,Notes\n"
                           "Maria G,5550102030,maria@example.org,tenant,New note\n"  /* merge */
                           "Luis O,555 010 9999,other@example.org,,\n"               /* skip */
                           "Tomás Reyes,,,\"tenant, driver\",\n"                     /* add */
                           "Tomas Reyes,555 777 8888,,cook,\n");                     /* merge into line 4 */

  gw_csv_import_set_action (import, 0, GW_CSV_ROW_MERGE);
  g_assert_cmpint (gw_csv_import_get_row (import, 1)->action, ==, GW_CSV_ROW_SKIP);
  g_assert_cmpint (gw_csv_import_get_row (import, 2)->action, ==, GW_CSV_ROW_ADD);
  gw_csv_import_set_action (import, 3, GW_CSV_ROW_MERGE);

  g_assert_true (gw_csv_import_apply (import, "Secretary", noop_progress, NULL, NULL,
                                      &added, &merged, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpuint (merged, ==, 2);
  g_assert_cmpuint (gw_store_count_members (f->store), ==, 3);

  /* A merge fills what was empty and keeps what was there. */
  maria = gw_test_load (f->store, maria_id);
  g_assert_cmpstr (gw_member_get_full_name (maria), ==, "María González");
  g_assert_cmpstr (gw_member_get_phone (maria), ==, "555-010-2030");
  g_assert_cmpstr (gw_member_get_email (maria), ==, "maria@example.org");
  g_assert_cmpstr (gw_member_get_notes (maria), ==, "New note");
  g_assert_cmpstr (gw_member_get_tags (maria)[0], ==, "tenant");

  /* A skipped row changes nothing. */
  luis = gw_test_load (f->store, luis_id);
  g_assert_cmpstr (gw_member_get_email (luis), ==, "luis@example.org");

  /* Someone new is a volunteer with a history line, and the repeat of
   * their row filled in their phone and added a tag. */
  tomas_id = gw_test_sql_int (f->path, "SELECT id FROM members WHERE full_name = 'Tomás Reyes'");
  tomas = gw_test_load (f->store, tomas_id);
  g_assert_cmpint (gw_member_get_stage (tomas), ==, GW_STAGE_VOLUNTEER);
  g_assert_cmpint (gw_member_get_status (tomas), ==, GW_STATUS_ACTIVE);
  g_assert_cmpstr (gw_member_get_phone (tomas), ==, "555 777 8888");
  g_assert_cmpuint (g_strv_length ((char **) gw_member_get_tags (tomas)), ==, 3);
  history = gw_store_list_history (f->store, tomas_id);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpint (((GwMemberEvent *) g_ptr_array_index (history, 0))->kind, ==, GW_EVENT_JOINED);
  g_assert_cmpstr (((GwMemberEvent *) g_ptr_array_index (history, 0))->approver, ==, "Secretary");
}

static void
cancel_progress (double   fraction,
                 gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancel_apply (GwTestFixture *f,
                   gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("Name,Phone\n");
  g_autoptr(GwCsvImport) import = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  guint added = 0, merged = 0;

  gw_test_add (f->store, "Already Here");
  for (guint i = 0; i < 600; i++)
    g_string_append_printf (text, "Person %u,555 100 %04u\n", i, i);
  import = checked_import (f->store, text->str);
  g_assert_cmpuint (gw_csv_import_get_n_rows (import), ==, 600);

  g_assert_false (gw_csv_import_apply (import, "Secretary", cancel_progress, cancellable,
                                       cancellable, &added, &merged, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (gw_store_count_members (f->store), ==, 1);
  g_assert_cmpint (gw_test_sql_int (f->path, "SELECT count(*) FROM members"), ==, 1);
  g_assert_cmpint (gw_test_sql_int (f->path, "SELECT count(*) FROM member_events"), ==, 1);
}

/* The same through the bulk path, however few the rows: the roster's
 * indexes dropped and built again, searching right after. */
static void
test_bulk_skip_merge_add (GwTestFixture *f,
                          gconstpointer  data)
{
  g_autofree char *check = NULL;

  _gw_store_set_bulk_threshold (0);
  test_skip_merge_add (f, data);
  _gw_store_set_bulk_threshold (-1);

  g_assert_cmpint (gw_test_sql_int (f->path, "SELECT count(*) FROM members_fts WHERE members_fts MATCH 'reyes'"), ==, 1);
  g_assert_cmpint (gw_test_sql_int (f->path, "SELECT count(*) FROM members_fts WHERE members_fts MATCH 'cook'"), ==, 1);
  g_assert_cmpint (gw_test_sql_int (f->path, "SELECT count(*) FROM sqlite_master WHERE name = 'members_by_name'"), ==, 1);
  g_assert_cmpint (gw_test_sql_exec (f->path,
                                     "INSERT INTO members_fts (members_fts) VALUES ('integrity-check')",
                                     NULL), ==, SQLITE_OK);
  check = gw_test_sql_text (f->path, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
}

static void
test_bulk_cancel_apply (GwTestFixture *f,
                        gconstpointer  data)
{
  static const char schema_sql[] =
    "SELECT group_concat(type || ' ' || name || ' ' || coalesce(sql, ''), char(10))"
    " FROM (SELECT * FROM sqlite_master ORDER BY type, name)";
  g_autofree char *before = gw_test_sql_text (f->path, schema_sql);
  g_autofree char *after = NULL;

  _gw_store_set_bulk_threshold (0);
  test_cancel_apply (f, data);
  _gw_store_set_bulk_threshold (-1);

  after = gw_test_sql_text (f->path, schema_sql);
  g_assert_cmpstr (after, ==, before);
}

/* Exporting the roster. */

static char *
export_list (GwTestFixture *f,
             GwMemberList  *list,
             gboolean       with_contact)
{
  g_autofree char *path = g_build_filename (f->dir, "roster.csv", NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  GStatBuf st;

  g_assert_true (gw_member_list_export_csv (list, path, with_contact, noop_progress, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_export (GwTestFixture *f,
             gconstpointer  data)
{
  g_autoptr(GwMemberList) list = gw_member_list_new (f->store);
  g_autofree char *all = NULL;
  g_autofree char *found = NULL;
  g_autofree char *private = NULL;
  g_autoptr(GwCsvTable) table = NULL;
  g_autoptr(GwMember) draft = gw_member_new ();
  g_autoptr(GError) error = NULL;
  char **row;

  gw_test_add_person (f->store, "Ana Pérez", "+1 555 0101", "ana@example.org");
  gw_test_add_person (f->store, "Luis Ortega", "555 0102", "luis@example.org");
  gw_member_set_full_name (draft, "=cmd|' /C calc'!A0");
  gw_member_set_notes (draft, "Line one\nline two");
  gw_store_add_member (f->store, draft, "Secretary", &error);
  g_assert_no_error (error);

  all = export_list (f, list, TRUE);
  table = parse_text (all);
  g_assert_cmpuint (table->rows->len, ==, 4);
  row = g_ptr_array_index (table->rows, 0);
  g_assert_cmpstr (row[0], ==, "Full name");
  g_assert_cmpstr (row[5], ==, "Phone");
  g_assert_cmpstr (row[13], ==, "Notes");
  /* By name: the formula first (its sort key starts with "="), escaped. */
  row = g_ptr_array_index (table->rows, 1);
  g_assert_cmpstr (row[0], ==, "'=cmd|' /C calc'!A0");
  g_assert_cmpstr (row[3], ==, "Volunteer");
  g_assert_cmpstr (row[13], ==, "Line one\nline two");
  row = g_ptr_array_index (table->rows, 2);
  g_assert_cmpstr (row[0], ==, "Ana Pérez");
  g_assert_cmpstr (row[5], ==, "'+1 555 0101");
  g_assert_cmpstr (row[6], ==, "ana@example.org");
  g_clear_pointer (&table, gw_csv_table_free);

  /* The search narrows the file as it narrows the list. */
  gw_member_list_set_search (list, "ortega");
  found = export_list (f, list, TRUE);
  table = parse_text (found);
  g_assert_cmpuint (table->rows->len, ==, 2);
  g_assert_cmpstr (((char **) g_ptr_array_index (table->rows, 1))[0], ==, "Luis Ortega");
  g_clear_pointer (&table, gw_csv_table_free);

  /* Without contact details: no phone, no email, no notes. */
  gw_member_list_set_search (list, NULL);
  private = export_list (f, list, FALSE);
  g_assert_null (strstr (private, "Phone"));
  g_assert_null (strstr (private, "Email"));
  g_assert_null (strstr (private, "Notes"));
  g_assert_null (strstr (private, "555"));
  g_assert_null (strstr (private, "@example.org"));
  g_assert_null (strstr (private, "Line one"));
  table = parse_text (private);
  g_assert_cmpuint (table->rows->len, ==, 4);
  g_assert_cmpuint (g_strv_length (g_ptr_array_index (table->rows, 0)), ==, 11);
}

/* The roster's own CSV, read back: the apostrophe that kept a cell from
 * being a formula is not part of the value. */
static void
test_roster_csv_read_back (GwTestFixture *f,
                           gconstpointer  data)
{
  g_autoptr(GwMemberList) list = gw_member_list_new (f->store);
  g_autofree char *path = g_build_filename (f->dir, "roster.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GwMember) draft = gw_member_new ();
  g_autoptr(GwCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  GwCsvRow *row;

  gw_member_set_full_name (draft, "@Ana Pérez");
  gw_member_set_phone (draft, "+1 555 0101");
  gw_member_set_notes (draft, "-5 from last drive");
  gw_store_add_member (f->store, draft, "Secretary", &error);
  g_assert_no_error (error);
  g_assert_true (gw_member_list_export_csv (list, path, TRUE, noop_progress, NULL, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "'+1 555 0101"));

  import = checked_import (f->store, contents);
  row = gw_csv_import_get_row (import, 0);
  g_assert_cmpstr (gw_member_get_full_name (row->draft), ==, "@Ana Pérez");
  g_assert_cmpstr (gw_member_get_phone (row->draft), ==, "+1 555 0101");
  g_assert_cmpstr (gw_member_get_notes (row->draft), ==, "-5 from last drive");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/csv/spectrum", test_spectrum);
  g_test_add_func ("/core/csv/line-numbers", test_line_numbers);
  g_test_add_func ("/core/csv/bom", test_bom);
  g_test_add_func ("/core/csv/windows-1252", test_windows_1252);
  g_test_add_func ("/core/csv/semicolon", test_semicolon);
  g_test_add_func ("/core/csv/tab", test_tab);
  g_test_add_func ("/core/csv/sep-line", test_sep_line);
  g_test_add_func ("/core/csv/unclosed-quote-names-its-line", test_unclosed_quote);
  g_test_add_func ("/core/csv/binary-refused", test_binary);
  g_test_add_func ("/core/csv/empty-refused", test_empty);
  g_test_add_func ("/core/csv/utf16-with-bom", test_utf16);
  g_test_add_func ("/core/csv/utf16-without-bom-refused-as-text", test_utf16_without_bom);
  g_test_add_func ("/core/csv/mostly-utf8-stays-utf8", test_mostly_utf8);
  g_test_add_func ("/core/csv/windows-1252-single-byte", test_windows_1252_single_byte);
  g_test_add_func ("/core/csv/misplaced-quote-names-its-line", test_misplaced_quote);
  g_test_add_func ("/core/csv/append-cell-escapes-formulas", test_append_cell);
  g_test_add_func ("/core/csv/round-trip", test_round_trip);
  g_test_add_func ("/core/csv-import/guess-headings", test_guess_headings);
  g_test_add_func ("/core/csv-import/guess-surnames-dates-and-google-headings", test_guess_more_headings);

#define ADD(path, func) \
  g_test_add (path, GwTestFixture, NULL, gw_test_fixture_set_up, func, gw_test_fixture_tear_down)
  /* Each date test in the C locale, then with the dates of es_ES. */
#define ADD_DATES(name, func) \
  g_test_add ("/core/csv-import/dates/" name, GwTestFixture, NULL, \
              gw_test_fixture_set_up, func, gw_test_fixture_tear_down); \
  g_test_add ("/core/csv-import/dates-es/" name, GwTestFixture, "es_ES.UTF-8", \
              gw_test_fixture_set_up, func, gw_test_fixture_tear_down)

  ADD ("/core/csv-import/first-and-last-name-joined", test_first_and_last_joined);
  ADD ("/core/csv-import/no-header-and-no-name", test_no_header_and_no_name);
  ADD ("/core/csv-import/impossible-date-refused", test_impossible_date);
  ADD_DATES ("day-first-decided-by-one-row", test_dates_day_first);
  ADD_DATES ("month-first-decided-by-one-row", test_dates_month_first);
  ADD_DATES ("ambiguous-dates-flagged", test_dates_ambiguous);
  ADD_DATES ("same-day-both-ways-accepted", test_dates_same_both_ways);
  ADD_DATES ("inconsistent-column-flags-the-odd-ones", test_dates_inconsistent);
  ADD_DATES ("month-names-in-english-and-spanish", test_dates_month_names);
  ADD_DATES ("two-digit-years", test_dates_two_digit_years);
  ADD_DATES ("date-and-time", test_dates_with_time);
  ADD ("/core/csv-import/duplicates", test_duplicates);
  ADD ("/core/csv-import/duplicate-phone-with-country-code", test_duplicate_country_code);
  ADD ("/core/csv-import/unreadable-bytes-flag-their-row", test_unreadable_row);
  ADD ("/core/csv-import/second-surname-after-first", test_second_surname);
  ADD ("/core/csv-import/google-contacts", test_google_contacts);
  ADD ("/core/csv-import/google-contacts-several-values", test_google_contacts_several_values);
  ADD ("/core/csv-import/roster-csv-read-back", test_roster_csv_read_back);
  ADD ("/core/csv-import/line-breaks-in-cells-are-newlines", test_line_breaks_in_cells);
  ADD ("/core/csv-import/skip-merge-add", test_skip_merge_add);
  ADD ("/core/csv-import/cancel-changes-nothing", test_cancel_apply);
  ADD ("/core/csv-import/bulk-skip-merge-add", test_bulk_skip_merge_add);
  ADD ("/core/csv-import/bulk-cancel-changes-nothing", test_bulk_cancel_apply);
  ADD ("/core/csv-export/roster-as-shown", test_export);

#undef ADD_DATES
#undef ADD

  return g_test_run ();
}
