/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  GW_PRINT_COLUMN_DEFAULT = 0,
  /* Long text goes onto more lines (at most four) instead of being cut short. */
  GW_PRINT_COLUMN_WRAP    = 1 << 0,
  /* The column takes the width the others leave over: a signature column. */
  GW_PRINT_COLUMN_EXPAND  = 1 << 1,
  GW_PRINT_COLUMN_NUMERIC = 1 << 2,
  GW_PRINT_COLUMN_BOLD    = 1 << 3,
  /* When the page is too narrow, the other columns give way first. */
  GW_PRINT_COLUMN_PRIMARY = 1 << 4,
} GwPrintColumnFlags;

typedef enum
{
  /* Ruled between rows, with a shaded header repeated on every page. */
  GW_PRINT_TABLE_STYLE_LIST,
  /* Ruled between rows and columns, with an outer border: a form to fill
   * in by hand. */
  GW_PRINT_TABLE_STYLE_GRID,
  /* No rules and no header: label and value pairs. */
  GW_PRINT_TABLE_STYLE_DETAILS,
} GwPrintTableStyle;

/* A table of text for a GwPrintDocument: columns, then rows of cells. The
 * document sizes the columns from their contents and splits the rows
 * across pages. */
typedef struct _GwPrintTable GwPrintTable;

GwPrintTable *gw_print_table_new                 (GwPrintTableStyle    style);
void          gw_print_table_free                (GwPrintTable        *self);
guint         gw_print_table_add_column          (GwPrintTable        *self,
                                                  const char          *title,
                                                  GwPrintColumnFlags   flags);
void          gw_print_table_set_column_fraction (GwPrintTable        *self,
                                                  guint                column,
                                                  double               fraction);
void          gw_print_table_set_min_row_height  (GwPrintTable        *self,
                                                  double               points);
void          gw_print_table_add_row             (GwPrintTable        *self,
                                                  const char * const  *cells);
void          gw_print_table_take_row            (GwPrintTable        *self,
                                                  char               **cells);
guint         gw_print_table_get_n_columns       (GwPrintTable        *self);
guint         gw_print_table_get_n_rows          (GwPrintTable        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwPrintTable, gw_print_table_free)

G_END_DECLS
