/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gw-print-private.h"

static void
clear_column (gpointer data)
{
  GwPrintColumn *column = data;

  g_clear_pointer (&column->title, g_free);
}

/**
 * gw_print_table_new:
 * @style: how the table is ruled
 *
 * Returns: (transfer full): an empty table, to be given columns, then rows.
 */
GwPrintTable *
gw_print_table_new (GwPrintTableStyle style)
{
  GwPrintTable *self = g_new0 (GwPrintTable, 1);

  self->style = style;
  self->columns = g_array_new (FALSE, TRUE, sizeof (GwPrintColumn));
  g_array_set_clear_func (self->columns, clear_column);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return self;
}

void
gw_print_table_free (GwPrintTable *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->columns);
  g_ptr_array_unref (self->rows);
  g_free (self);
}

/**
 * gw_print_table_add_column:
 * @self: a #GwPrintTable
 * @title: the column's heading, already translated
 * @flags: how the column's cells are set
 *
 * Columns are added before any row.
 *
 * Returns: the column's index
 */
guint
gw_print_table_add_column (GwPrintTable       *self,
                           const char         *title,
                           GwPrintColumnFlags  flags)
{
  GwPrintColumn column = { g_strdup (title ? title : ""), flags, 0 };

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (self->rows->len == 0, 0);

  g_array_append_val (self->columns, column);
  return self->columns->len - 1;
}

/**
 * gw_print_table_set_column_fraction:
 * @self: a #GwPrintTable
 * @column: a column index
 * @fraction: the share of the table's width, between 0 and 1
 *
 * Gives a column a set share of the width instead of sizing it by its
 * contents, so that two tables on one sheet line up.
 */
void
gw_print_table_set_column_fraction (GwPrintTable *self,
                                    guint         column,
                                    double        fraction)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (column < self->columns->len);
  g_return_if_fail (fraction >= 0 && fraction <= 1);

  g_array_index (self->columns, GwPrintColumn, column).fraction = fraction;
}

/**
 * gw_print_table_set_min_row_height:
 * @self: a #GwPrintTable
 * @points: the least height of a row
 *
 * Rows people write in by hand need room for handwriting.
 */
void
gw_print_table_set_min_row_height (GwPrintTable *self,
                                   double        points)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (points >= 0);

  self->min_row_height = points;
}

/**
 * gw_print_table_add_row:
 * @self: a #GwPrintTable
 * @cells: (array) (nullable): one string per column, %NULL-terminated; a
 *   short or %NULL array leaves the remaining cells blank
 */
void
gw_print_table_add_row (GwPrintTable       *self,
                        const char * const *cells)
{
  char **row;
  guint n;

  g_return_if_fail (self != NULL);

  n = self->columns->len;
  row = g_new0 (char *, n + 1);
  for (guint i = 0; i < n && cells != NULL && cells[i] != NULL; i++)
    row[i] = g_strdup (cells[i]);
  for (guint i = 0; i < n; i++)
    if (row[i] == NULL)
      row[i] = g_strdup ("");
  g_ptr_array_add (self->rows, row);
}

/**
 * gw_print_table_take_row:
 * @self: a #GwPrintTable
 * @cells: (transfer full): as for gw_print_table_add_row()
 */
void
gw_print_table_take_row (GwPrintTable  *self,
                         char         **cells)
{
  g_return_if_fail (self != NULL);

  if (cells != NULL && g_strv_length (cells) == self->columns->len)
    {
      g_ptr_array_add (self->rows, cells);
      return;
    }

  gw_print_table_add_row (self, (const char * const *) cells);
  g_strfreev (cells);
}

guint
gw_print_table_get_n_columns (GwPrintTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->columns->len;
}

guint
gw_print_table_get_n_rows (GwPrintTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}
