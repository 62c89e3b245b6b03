/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_SECRETARY_PAGE (gw_secretary_page_get_type ())
G_DECLARE_FINAL_TYPE (GwSecretaryPage, gw_secretary_page, GW, SECRETARY_PAGE, GtkWidget)

void gw_secretary_page_set_store (GwSecretaryPage *self,
                            GwStore *store);

G_END_DECLS
