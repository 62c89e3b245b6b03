/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <csv.h>
#include <glib/gi18n-lib.h>

#include "gw-csv.h"

G_DEFINE_QUARK (gw-csv-error-quark, gw_csv_error)

/* How many lines the delimiter is guessed from. */
#define GUESS_LINES 20

void
gw_csv_table_free (GwCsvTable *table)
{
  if (table == NULL)
    return;

  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_clear_pointer (&table->lines, g_array_unref);
  g_free (table);
}

/* Reading. */

typedef struct
{
  GwCsvTable *table;
  GPtrArray  *cells;     /* the row being read (element-type utf8), NULL-terminated on end */
  guint       line;      /* the physical line being fed to the parser, 1-based */
  guint       row_line;  /* where the row being read started */
  gboolean    in_row;    /* the last line ended inside a row (within a quoted field) */
  gboolean    row_ended; /* the last thing the parser reported was the end of a row */
} ReadState;

static void
field_cb (void   *text,
          size_t  length,
          void   *data)
{
  ReadState *state = data;

  g_ptr_array_add (state->cells, g_strndup (text != NULL ? text : "", length));
  state->row_ended = FALSE;
}

static void
row_cb (int   terminator,
        void *data)
{
  ReadState *state = data;

  state->row_ended = TRUE;

  /* With CSV_REPALL_NL every line end outside quotes ends a row, blank
   * lines and the LF of a CRLF included: those rows have no cells. */
  if (state->cells->len == 0)
    return;

  g_ptr_array_add (state->cells, NULL);
  g_ptr_array_add (state->table->rows, g_ptr_array_free (g_steal_pointer (&state->cells), FALSE));
  g_array_append_val (state->table->lines, state->row_line);
  state->cells = g_ptr_array_new_with_free_func (g_free);
}

/* Only the space is trimmed around unquoted cells: a tab may be the
 * delimiter, and libcsv would otherwise eat empty tab-separated cells. */
static int
is_space (unsigned char c)
{
  return c == ' ';
}

/* Counts the candidate delimiters outside quotes, line by line, and picks
 * the one that appears the same number of times on every line (the most
 * often when several do). Without such a one, the one seen most often on
 * the first line wins; with none at all, the comma. */
static char
guess_delimiter (const char *data,
                 gsize       length)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[GUESS_LINES][G_N_ELEMENTS (candidates)] = { { 0 } };
  guint n_lines = 0;
  gboolean quoted = FALSE;
  gboolean blank = TRUE;
  char best = ',';
  guint best_count = 0;

  for (gsize i = 0; i < length && n_lines < GUESS_LINES; i++)
    {
      char c = data[i];

      if (c == '"')
        {
          quoted = !quoted;
          blank = FALSE;
        }
      else if (!quoted && (c == '\n' || c == '\r'))
        {
          if (!blank)
            n_lines++;
          blank = TRUE;
        }
      else
        {
          blank = FALSE;
          if (!quoted)
            for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
              if (c == candidates[k])
                counts[n_lines][k]++;
        }
    }
  if (!blank && n_lines < GUESS_LINES)
    n_lines++;

  if (n_lines == 0)
    return ',';

  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    {
      gboolean consistent = counts[0][k] > 0;

      for (guint line = 1; line < n_lines && consistent; line++)
        consistent = counts[line][k] == counts[0][k];
      if (consistent && counts[0][k] > best_count)
        {
          best = candidates[k];
          best_count = counts[0][k];
        }
    }
  if (best_count > 0)
    return best;

  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    if (counts[0][k] > best_count)
      {
        best = candidates[k];
        best_count = counts[0][k];
      }

  return best;
}

/* How many bytes of a file without a byte-order mark are looked at to tell
 * UTF-16 from binary data. */
#define UTF16_SNIFF_BYTES 512

/* Whether @data, which has NUL bytes, looks like UTF-16 text without its
 * byte-order mark: nearly every pair of bytes in its first few hundred is
 * one NUL and one other byte, the NUL always on the same side, as for
 * text in any Latin alphabet. Binary files (an .xlsx is a ZIP archive)
 * do not look like that. */
static gboolean
looks_like_utf16 (const char *data,
                  gsize       length)
{
  gsize n_pairs = MIN (length, UTF16_SNIFF_BYTES) / 2;
  gsize little = 0, big = 0;

  if (n_pairs < 4)
    return FALSE;

  for (gsize i = 0; i < n_pairs; i++)
    {
      gboolean first_nul = data[2 * i] == '\0', second_nul = data[2 * i + 1] == '\0';

      little += !first_nul && second_nul;
      big += first_nul && !second_nul;
    }

  return MAX (little, big) * 10 >= n_pairs * 9;
}

/* Counts, in @data, the characters valid UTF-8 spells with more than one
 * byte and the bytes that are not valid UTF-8. */
static void
count_utf8 (const char *data,
            gsize       length,
            gsize      *n_multibyte,
            gsize      *n_invalid)
{
  const char *p = data, *end = data + length;

  *n_multibyte = *n_invalid = 0;
  while (p < end)
    {
      const char *valid_end;

      g_utf8_validate_len (p, end - p, &valid_end);
      for (; p < valid_end; p++)
        *n_multibyte += ((guchar) *p & 0xC0) == 0xC0;
      if (p < end)
        {
          (*n_invalid)++;
          p++;
        }
    }
}

/* Makes @data UTF-8 and sets @table's encoding, returning the text, owned.
 *
 * A UTF-16 byte-order mark comes first: that text is full of NUL bytes,
 * which otherwise mean a binary file. A UTF-8 byte-order mark is dropped.
 * Text that is not valid UTF-8 is usually Windows-1252, which spreadsheets
 * on Windows save "CSV" in: there, accented letters are single high bytes,
 * and a pair of them that happens to be valid UTF-8 is rare. A file that
 * has more valid multi-byte UTF-8 characters than invalid bytes is UTF-8
 * with a few stray bytes, say a name pasted from an older program: reading
 * it as Windows-1252 would garble every accented letter in it, so it is
 * read as UTF-8 and each stray byte becomes U+FFFD, which gw-csv-import
 * reports on its row. */
static char *
make_utf8 (const char  *data,
           gsize        length,
           GwCsvTable  *table,
           gsize       *out_length,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *converted;
  gsize written = 0;
  gsize n_multibyte, n_invalid;

  if (length >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      const char *encoding = data[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";

      converted = g_convert (data + 2, length - 2, "UTF-8", encoding, NULL, &written, NULL);
      if (converted == NULL)
        {
          g_set_error_literal (error, GW_CSV_ERROR, GW_CSV_ERROR_ENCODING,
                               _("This file is Unicode text (UTF-16), but part of it cannot be read. Save the spreadsheet as CSV UTF-8 and choose that file."));
          return NULL;
        }
      if (memchr (converted, '\0', written) != NULL)
        {
          g_free (converted);
          g_set_error_literal (error, GW_CSV_ERROR, GW_CSV_ERROR_BINARY,
                               _("This file is not text: it holds binary data. Save the spreadsheet as CSV and choose that file."));
          return NULL;
        }

      table->encoding = encoding;
      table->had_bom = TRUE;
      *out_length = written;
      return converted;
    }

  if (memchr (data, '\0', length) != NULL)
    {
      if (looks_like_utf16 (data, length))
        g_set_error_literal (error, GW_CSV_ERROR, GW_CSV_ERROR_ENCODING,
                             _("This file seems to be Unicode text (UTF-16) without the mark at its start that says so, and cannot be read. Save the spreadsheet as CSV UTF-8 and choose that file."));
      else
        g_set_error_literal (error, GW_CSV_ERROR, GW_CSV_ERROR_BINARY,
                             _("This file is not text: it holds binary data. Save the spreadsheet as CSV and choose that file."));
      return NULL;
    }

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
      table->had_bom = TRUE;
    }

  if (g_utf8_validate_len (data, length, NULL))
    {
      table->encoding = "UTF-8";
      *out_length = length;
      return g_strndup (data, length);
    }

  count_utf8 (data, length, &n_multibyte, &n_invalid);
  if (n_multibyte > n_invalid)
    {
      converted = g_utf8_make_valid (data, length);
      table->encoding = "UTF-8";
      table->n_unreadable = n_invalid;
      *out_length = strlen (converted);
      return converted;
    }

  converted = g_convert (data, length, "UTF-8", "WINDOWS-1252", NULL, &written, &local_error);
  if (converted != NULL)
    {
      table->encoding = "WINDOWS-1252";
      *out_length = written;
      return converted;
    }

  /* The five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90,
   * 0x9D) make iconv refuse; Latin-1 gives every byte a character. */
  g_clear_error (&local_error);
  converted = g_convert (data, length, "UTF-8", "ISO-8859-1", NULL, &written, error);
  if (converted == NULL)
    return NULL;

  table->encoding = "ISO-8859-1";
  *out_length = written;
  return converted;
}

/* Feeds one physical line to @parser. The parser is strict, so that it
 * stops at text after the quotation mark that closes a quoted cell
 * ("x"y): read leniently, that mark would open the cell again and swallow
 * the rest of the file, to be refused at its end as a quotation mark never
 * closed, naming the wrong line and the wrong fault. Strictness also stops
 * at a quotation mark inside a cell that does not start with one (5'10"
 * tall); that mark is read as itself, as spreadsheets do, by feeding just
 * that byte leniently. */
static gboolean
feed_line (struct csv_parser  *parser,
           const char         *line,
           gsize               length,
           ReadState          *state,
           GError            **error)
{
  int options = csv_get_opts (parser);
  gsize done = 0;

  while (done < length)
    {
      gsize fed;

      done += csv_parse (parser, line + done, length - done, field_cb, row_cb, state);
      if (done == length)
        break;

      /* In strict mode libcsv stops at two kinds of quotation mark, and
       * says which only through its parser's state: in a quoted cell, the
       * stray one; in an unquoted cell, one we read as itself. */
      if (csv_error (parser) == CSV_EPARSE && parser->quoted)
        {
          g_set_error (error, GW_CSV_ERROR, GW_CSV_ERROR_SYNTAX,
                       _("Line %u has a quotation mark in the wrong place inside a cell. Correct that line, or open the file in a spreadsheet program and save it as CSV again."),
                       state->line);
          return FALSE;
        }

      fed = 0;
      if (csv_error (parser) == CSV_EPARSE)
        {
          csv_set_opts (parser, (unsigned char) (options & ~CSV_STRICT));
          fed = csv_parse (parser, line + done, 1, field_cb, row_cb, state);
          csv_set_opts (parser, (unsigned char) options);
        }

      /* Out of memory, or a cell larger than memory can hold. */
      if (fed == 0)
        {
          g_set_error (error, GW_CSV_ERROR, GW_CSV_ERROR_SYNTAX,
                       _("Line %u could not be read: %s."), state->line,
                       csv_strerror (csv_error (parser)));
          return FALSE;
        }
      done += fed;
    }

  return TRUE;
}

/**
 * gw_csv_parse:
 * @data: the file's bytes, in any of the encodings described in gw-csv.h
 *
 * Returns: (transfer full) (nullable): the rows, or %NULL with @error set
 *   (%GW_CSV_ERROR).
 */
GwCsvTable *
gw_csv_parse (const char  *data,
              gsize        length,
              GError     **error)
{
  g_autoptr(GwCsvTable) table = g_new0 (GwCsvTable, 1);
  g_autofree char *text = NULL;
  struct csv_parser parser;
  ReadState state = { 0 };
  gsize text_length = 0;
  gsize start = 0;
  gboolean unclosed;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > GW_CSV_MAX_BYTES)
    {
      g_set_error (error, GW_CSV_ERROR, GW_CSV_ERROR_TOO_LARGE,
                   _("This file is larger than %u MB. Split it into smaller files and import them one by one."),
                   (guint) (GW_CSV_MAX_BYTES / (1024 * 1024)));
      return NULL;
    }

  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  table->encoding = "UTF-8";

  text = make_utf8 (data != NULL ? data : "", length, table, &text_length, error);
  if (text == NULL)
    return NULL;

  /* Excel writes, and reads, a first line "sep=;" naming the delimiter. */
  if (text_length >= 5 && g_ascii_strncasecmp (text, "sep=", 4) == 0 &&
      strchr (",;\t", text[4]) != NULL &&
      (text_length == 5 || text[5] == '\n' || text[5] == '\r'))
    {
      table->delimiter = text[4];
      start = 5;
      if (start < text_length && text[start] == '\r')
        start++;
      if (start < text_length && text[start] == '\n')
        start++;
      state.line = 2;
    }
  else
    table->delimiter = guess_delimiter (text, text_length);

  /* CSV_REPALL_NL makes every line end outside quotes report the end of a
   * row, which tells a blank line from one that opens a quoted cell (see
   * below). For CSV_STRICT, see feed_line(). */
  if (csv_init (&parser, CSV_STRICT | CSV_REPALL_NL | CSV_APPEND_NULL) != 0)
    g_error ("Out of memory");
  csv_set_delim (&parser, (unsigned char) table->delimiter);
  csv_set_space_func (&parser, is_space);

  state.table = table;
  state.cells = g_ptr_array_new_with_free_func (g_free);
  if (state.line == 0)
    state.line = 1;

  /* The parser is fed one physical line at a time (with its LF, CRLF or CR),
   * so that we know the line each row starts on: a row starts on the
   * first line fed while no row was open. */
  while (start < text_length)
    {
      gsize end = start;

      while (end < text_length && text[end] != '\n' && text[end] != '\r')
        end++;
      if (end < text_length)
        {
          if (text[end] == '\r' && end + 1 < text_length && text[end + 1] == '\n')
            end++;
          end++;
        }

      if (!state.in_row)
        state.row_line = state.line;

      state.row_ended = FALSE;
      if (!feed_line (&parser, text + start, end - start, &state, error))
        {
          csv_free (&parser);
          g_ptr_array_unref (state.cells);
          return NULL;
        }
      /* A line that did not end a row ended inside a quoted cell. */
      state.in_row = !state.row_ended;

      state.line++;
      start = end;
    }

  /* A line end after the last line closes a last row that had none, and
   * is only taken into a cell when a quote was left open. */
  state.row_ended = FALSE;
  csv_parse (&parser, "\n", 1, field_cb, row_cb, &state);
  unclosed = !state.row_ended;
  csv_fini (&parser, field_cb, row_cb, &state);
  csv_free (&parser);
  g_ptr_array_unref (state.cells);

  if (unclosed)
    {
      g_set_error (error, GW_CSV_ERROR, GW_CSV_ERROR_SYNTAX,
                   _("The row starting on line %u has a quotation mark that is never closed."),
                   state.row_line);
      return NULL;
    }

  if (table->rows->len == 0)
    {
      g_set_error_literal (error, GW_CSV_ERROR, GW_CSV_ERROR_EMPTY,
                           _("This file holds no rows."));
      return NULL;
    }

  return g_steal_pointer (&table);
}

/**
 * gw_csv_read_file:
 *
 * Reads and parses the file at @path; see gw_csv_parse().
 *
 * Returns: (transfer full) (nullable): the rows, or %NULL with @error set.
 */
GwCsvTable *
gw_csv_read_file (const char    *path,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;

  if ((guint64) g_file_info_get_size (info) > GW_CSV_MAX_BYTES)
    {
      g_set_error (error, GW_CSV_ERROR, GW_CSV_ERROR_TOO_LARGE,
                   _("This file is larger than %u MB. Split it into smaller files and import them one by one."),
                   (guint) (GW_CSV_MAX_BYTES / (1024 * 1024)));
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;

  return gw_csv_parse (contents, length, error);
}

/* Writing. */

static void
begin_cell (GString *out)
{
  if (out->len > 0 && out->str[out->len - 1] != '\n')
    g_string_append_c (out, ',');
}

/**
 * gw_csv_append_cell:
 *
 * Appends @text as one cell. A cell a spreadsheet would read as a formula
 * is made text with a leading apostrophe (the usual defence against CSV
 * injection); only then is it decided whether the cell needs quotes, so
 * that the cell as written is what gets quoted.
 */
void
gw_csv_append_cell (GString    *out,
                    const char *text)
{
  gboolean escape, quote;
  gsize length;

  g_return_if_fail (out != NULL);

  begin_cell (out);
  if (text == NULL || *text == '\0')
    return;

  length = strlen (text);
  escape = strchr ("=+-@\t\r", text[0]) != NULL;

  /* The cell as written is the apostrophe (if any) and @text: the
   * apostrophe itself never needs quotes, but it does mean the cell no
   * longer starts with whatever @text starts with. Spaces at either end
   * are quoted, since readers (ours included) trim them from unquoted
   * cells; so are semicolons, for readers that split on them. */
  quote = strpbrk (text, ",;\"\r\n") != NULL ||
          (!escape && text[0] == ' ') || text[length - 1] == ' ';

  if (quote)
    g_string_append_c (out, '"');
  if (escape)
    g_string_append_c (out, '\'');

  if (!quote)
    g_string_append_len (out, text, length);
  else
    for (const char *p = text; *p; p++)
      {
        if (*p == '"')
          g_string_append_c (out, '"');
        g_string_append_c (out, *p);
      }

  if (quote)
    g_string_append_c (out, '"');
}

void
gw_csv_append_number (GString    *out,
                      const char *number)
{
  g_return_if_fail (out != NULL);

  begin_cell (out);
  if (number != NULL)
    g_string_append (out, number);
}

void
gw_csv_end_row (GString *out)
{
  g_return_if_fail (out != NULL);

  g_string_append (out, "\r\n");
}
