/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-store.h"

G_BEGIN_DECLS

typedef enum
{
  GW_STAGE_DIALOG_STAGE,
  GW_STAGE_DIALOG_AGREEMENT,
  GW_STAGE_DIALOG_STATUS,
} GwStageDialogKind;

#define GW_TYPE_STAGE_DIALOG (gw_stage_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GwStageDialog, gw_stage_dialog, GW, STAGE_DIALOG, AdwWindow)

GwStageDialog *gw_stage_dialog_new (GtkWindow         *parent,
                                    GwStore           *store,
                                    gint64             member_id,
                                    GwStageDialogKind  kind,
                                    int                proposed);

G_END_DECLS
