/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <sys/stat.h>

#include <json-glib/json-glib.h>

#include "gw-csv.h"
#include "gw-csv-import.h"
#include "gw-member-list.h"
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
  g_test_add_func ("/core/csv/unclosed-quote-names-its-line", test_unclosed_quote);
  g_test_add_func ("/core/csv/binary-refused", test_binary);
  g_test_add_func ("/core/csv/empty-refused", test_empty);
  g_test_add_func ("/core/csv/append-cell-escapes-formulas", test_append_cell);
  g_test_add_func ("/core/csv/round-trip", test_round_trip);

  return g_test_run ();
}
