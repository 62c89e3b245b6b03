/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_DASHBOARD_PAGE (gw_dashboard_page_get_type ())
G_DECLARE_FINAL_TYPE (GwDashboardPage, gw_dashboard_page, GW, DASHBOARD_PAGE, GtkWidget)

void gw_dashboard_page_set_store (GwDashboardPage *self,
                            GwStore *store);

G_END_DECLS
