/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gw-file.h"

gboolean
gw_file_write_private (const char  *path,
                       const char  *data,
                       gsize        length,
                       GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  /* CONSISTENT writes a temporary file and renames it; DURABLE fsyncs it
   * first. The mode applies to the new file, whatever the umask. */
  return g_file_set_contents_full (path, data ? data : "", length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}
