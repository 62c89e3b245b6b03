/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_SPREADSHEET_DIALOG (gw_spreadsheet_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GwSpreadsheetDialog, gw_spreadsheet_dialog, GW, SPREADSHEET_DIALOG, AdwWindow)

GwSpreadsheetDialog *gw_spreadsheet_dialog_new (GtkWindow  *parent,
                                                GwStore    *store,
                                                const char *path);

G_END_DECLS
