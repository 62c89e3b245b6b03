/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-ledger.h"
#include "gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_DRIVE_DIALOG (gw_drive_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GwDriveDialog, gw_drive_dialog, GW, DRIVE_DIALOG, AdwWindow)

/* Creates a drive, or edits @drive (may be NULL): its name, dates, notes,
 * and goals in money and in counts of items. */
GwDriveDialog *gw_drive_dialog_new (GtkWindow     *parent,
                                    GwStore       *store,
                                    const GwDrive *drive);

G_END_DECLS
