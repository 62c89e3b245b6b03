/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_MEETINGS_PAGE (gw_meetings_page_get_type ())
G_DECLARE_FINAL_TYPE (GwMeetingsPage, gw_meetings_page, GW, MEETINGS_PAGE, GtkWidget)

void gw_meetings_page_set_store (GwMeetingsPage *self,
                           GwStore *store);

G_END_DECLS
