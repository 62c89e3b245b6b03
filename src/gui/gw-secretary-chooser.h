/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_SECRETARY_CHOOSER (gw_secretary_chooser_get_type ())
G_DECLARE_FINAL_TYPE (GwSecretaryChooser, gw_secretary_chooser, GW, SECRETARY_CHOOSER, AdwWindow)

GwSecretaryChooser *gw_secretary_chooser_new (GtkWindow *parent,
                                              GwStore   *store,
                                              gint64     meeting_id);

G_END_DECLS
