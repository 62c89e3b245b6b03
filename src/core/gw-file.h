/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes @length bytes to @path as one step: into a temporary file beside
 * it, flushed, then renamed over @path. The file is readable and writable
 * by the user only (0600), and an existing file at @path is replaced only
 * when everything was written. For exports: every file we write that may
 * hold people's data goes through here. */
gboolean gw_file_write_private (const char  *path,
                                const char  *data,
                                gsize        length,
                                GError     **error);

G_END_DECLS
