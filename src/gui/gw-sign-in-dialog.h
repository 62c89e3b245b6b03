/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_SIGN_IN_DIALOG (gw_sign_in_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GwSignInDialog, gw_sign_in_dialog, GW, SIGN_IN_DIALOG, AdwWindow)

GwSignInDialog *gw_sign_in_dialog_new (GtkWindow *parent,
                                       GwStore   *store,
                                       gint64     meeting_id);

G_END_DECLS
