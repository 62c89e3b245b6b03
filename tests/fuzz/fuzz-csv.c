/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdint.h>

#include "gw-csv.h"

/* libFuzzer harness for the spreadsheet reader: any bytes must give either
 * a table of valid UTF-8 cells or an error, never a crash, a hang or a
 * leak. */

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwCsvTable) table = gw_csv_parse ((const char *) data, size, &error);

  if (table == NULL)
    {
      g_assert (error != NULL);
      g_assert (error->message != NULL && *error->message != '\0');
      return 0;
    }

  g_assert (error == NULL);
  g_assert (table->rows->len == table->lines->len);
  for (guint i = 0; i < table->rows->len; i++)
    {
      GStrv cells = g_ptr_array_index (table->rows, i);

      for (guint j = 0; cells[j] != NULL; j++)
        g_assert (g_utf8_validate (cells[j], -1, NULL));
    }
  return 0;
}
