/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_EXPORT_DIALOG (gw_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GwExportDialog, gw_export_dialog, GW, EXPORT_DIALOG, AdwWindow)

GwExportDialog *gw_export_dialog_new (GtkWindow *parent,
                                      GwStore   *store);

G_END_DECLS
