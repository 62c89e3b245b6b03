/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Reading and writing spreadsheets as CSV.
 *
 * Reading uses libcsv (Debian's libcsv-dev) for the quoting rules. Before
 * that, the bytes are made UTF-8: a UTF-8 byte-order mark is dropped; UTF-16
 * with its byte-order mark (Excel's "Unicode Text") is converted; text that
 * is UTF-8 but for a few stray bytes stays UTF-8, each stray byte read as
 * U+FFFD; other text that is not valid UTF-8 is read as Windows-1252. The
 * delimiter (comma, semicolon or tab) is guessed from the first lines,
 * outside quotes. Line ends may be LF, CRLF or CR; a line break inside a
 * quoted cell is kept as the file has it (gw-csv-import makes it "\n").
 * Every case in ../shared/testdata/csv-spectrum parses to its expected
 * records. */

#define GW_CSV_MAX_BYTES ((gsize) 256 * 1024 * 1024)

#define GW_CSV_ERROR (gw_csv_error_quark ())

typedef enum /*< prefix=GW_CSV_ERROR >*/
{
  GW_CSV_ERROR_TOO_LARGE,
  GW_CSV_ERROR_EMPTY,      /* no rows at all */
  GW_CSV_ERROR_SYNTAX,     /* a quote never closed, or text after a closing
                            * quote: names the line */
  GW_CSV_ERROR_BINARY,     /* NUL bytes: not a text file */
  GW_CSV_ERROR_NO_NAME,    /* importing people: no column is mapped to a name */
  GW_CSV_ERROR_ENCODING,   /* text we cannot decode: UTF-16 without its
                            * byte-order mark, or broken UTF-16 */
} GwCsvError;

GQuark gw_csv_error_quark (void);

typedef struct
{
  GPtrArray  *rows;       /* (element-type GStrv): each row's cells, UTF-8 */
  GArray     *lines;      /* (element-type guint): the 1-based line each row starts on */
  char        delimiter;  /* ',', ';' or '\t' */
  const char *encoding;   /* "UTF-8", "UTF-16LE", "UTF-16BE" or "WINDOWS-1252" (static);
                           * "ISO-8859-1" for the rare text with bytes Windows-1252
                           * leaves undefined */
  gboolean    had_bom;
  guint       n_unreadable; /* UTF-8 only: stray bytes read as U+FFFD */
} GwCsvTable;

GwCsvTable *gw_csv_parse        (const char    *data,
                                 gsize          length,
                                 GError       **error);
GwCsvTable *gw_csv_read_file    (const char    *path,
                                 GCancellable  *cancellable,
                                 GError       **error);
void        gw_csv_table_free   (GwCsvTable    *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwCsvTable, gw_csv_table_free)

/* Writing: appends one cell to @out, with a comma before it unless it
 * starts the line. Cells with commas, quotes or line breaks are quoted; a
 * cell a spreadsheet would read as a formula (starting with =, +, -, @, a
 * tab or a carriage return) is prefixed with an apostrophe. */
void        gw_csv_append_cell  (GString       *out,
                                 const char    *text);
/* A number we wrote ourselves: never escaped. */
void        gw_csv_append_number (GString      *out,
                                  const char    *number);
void        gw_csv_end_row      (GString       *out);   /* "\r\n" */

G_END_DECLS
