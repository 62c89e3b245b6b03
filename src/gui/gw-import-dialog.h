/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_IMPORT_DIALOG (gw_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GwImportDialog, gw_import_dialog, GW, IMPORT_DIALOG, AdwWindow)

GwImportDialog *gw_import_dialog_new (GtkWindow  *parent,
                                      GwStore    *store,
                                      const char *path);

G_END_DECLS
