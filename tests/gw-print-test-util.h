/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Printing is checked the way a person would: a document is written to a
 * PDF and read back with pdftotext, whose path meson passes in PDFTOTEXT.
 * Set GW_PRINT_TEST_KEEP to a directory to keep the PDFs for a look. */

#include <string.h>
#include <glib.h>

#include "gw-print-document.h"
#include "gw-test-util.h"

G_GNUC_UNUSED static char *
render (GwTestFixture   *f,
        GwPrintDocument *doc,
        const char      *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_strconcat (name, ".pdf", NULL);
  char *path = g_build_filename (f->dir, file, NULL);
  const char *keep = g_getenv ("GW_PRINT_TEST_KEEP");

  gw_print_document_write_pdf (doc, path, GW_PRINT_PAPER_A4, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  if (keep != NULL)
    {
      g_autofree char *kept = g_build_filename (keep, file, NULL);
      g_autoptr(GBytes) bytes = gw_test_read_file (path);

      g_file_set_contents (kept, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
      g_assert_no_error (error);
    }
  return path;
}


G_GNUC_UNUSED static char *
pdf_text (const char *path,
          guint       first,
          guint       last)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  const char *pdftotext = g_getenv ("PDFTOTEXT");
  char *out = NULL;
  int status = 0;

  g_assert_nonnull (pdftotext);
  g_ptr_array_add (argv, g_strdup (pdftotext));
  g_ptr_array_add (argv, g_strdup ("-layout"));
  g_ptr_array_add (argv, g_strdup ("-enc"));
  g_ptr_array_add (argv, g_strdup ("UTF-8"));
  if (first > 0)
    {
      g_ptr_array_add (argv, g_strdup ("-f"));
      g_ptr_array_add (argv, g_strdup_printf ("%u", first));
      g_ptr_array_add (argv, g_strdup ("-l"));
      g_ptr_array_add (argv, g_strdup_printf ("%u", last));
    }
  g_ptr_array_add (argv, g_strdup (path));
  g_ptr_array_add (argv, g_strdup ("-"));
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return out;
}


G_GNUC_UNUSED static gboolean
has (const char *text,
     const char *needle)
{
  if (strstr (text, needle) == NULL)
    {
      g_test_message ("“%s” not found in:\n%s", needle, text);
      return FALSE;
    }
  return TRUE;
}
