/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_ROSTER_PAGE (gw_roster_page_get_type ())
G_DECLARE_FINAL_TYPE (GwRosterPage, gw_roster_page, GW, ROSTER_PAGE, GtkWidget)

void gw_roster_page_set_store    (GwRosterPage *self,
                                  GwStore      *store);
GtkSearchBar *gw_roster_page_get_search_bar  (GwRosterPage *self);
void          gw_roster_page_set_key_capture (GwRosterPage *self,
                                              GtkWidget    *widget);
void          gw_roster_page_show_stage      (GwRosterPage *self,
                                              int           stage);
void gw_roster_page_start_search (GwRosterPage *self);
void gw_roster_page_focus_list   (GwRosterPage *self);

G_END_DECLS
