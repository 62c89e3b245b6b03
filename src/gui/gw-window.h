/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_WINDOW (gw_window_get_type ())
G_DECLARE_FINAL_TYPE (GwWindow, gw_window, GW, WINDOW, AdwApplicationWindow)

GwWindow *gw_window_new         (GtkApplication *application,
                                 GwStore        *store,
                                 const GError   *error);
GwStore  *gw_window_get_store   (GwWindow       *self);
void      gw_window_show_member (GwWindow       *self,
                                 gint64          member_id);
void      gw_window_show_meeting (GwWindow       *self,
                                 gint64          meeting_id);
void      gw_window_show_page   (GwWindow       *self,
                                 const char     *name);
char     *gw_window_shorten     (const char     *text);
void      gw_window_add_toast   (GwWindow       *self,
                                 AdwToast       *toast);
void      gw_window_show_error  (GwWindow       *self,
                                 const char     *heading,
                                 const GError   *error);

G_END_DECLS
