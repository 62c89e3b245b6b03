/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdint.h>

#include <glib/gstdio.h>

#include "gw-demo.h"
#include "gw-exchange.h"
#include "gw-store.h"

/* libFuzzer harness for importing a chapter's file: any bytes must be
 * either refused with a message or planned against a real database, and a
 * plan must apply. The database starts as the demo chapter so that merges,
 * conflicts and references to existing records are reached; each applied
 * import is rolled back, so every input meets the same database. */

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static GwStore *store;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gw-fuzz-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert (dir != NULL);
  path = g_build_filename (dir, "fuzz.db", NULL);
  store = gw_store_open (path, &error);
  g_assert (store != NULL);
  if (!gw_demo_fill (store, 300, 1, &error))
    g_error ("%s", error->message);
  /* The database file stays for the run; the directory is the system's
   * temporary one, cleaned by it. */
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwExchangeImport) import = NULL;

  import = gw_exchange_import_load_data (store, (const char *) data, size, NULL, NULL, NULL, &error);
  if (import == NULL)
    {
      g_assert (error != NULL);
      g_assert (error->message != NULL && *error->message != '\0');
      return 0;
    }

  g_assert (error == NULL);
  if (!gw_store_begin (store, &error))
    g_error ("%s", error->message);
  if (!gw_exchange_import_apply (import, NULL, NULL, NULL, &error))
    {
      /* A file that validated may still be refused by the database's own
       * rules, with a message; never half applied. */
      g_assert (error != NULL);
      g_clear_error (&error);
    }
  gw_store_rollback (store);
  return 0;
}
