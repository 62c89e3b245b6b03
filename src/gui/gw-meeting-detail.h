/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_MEETING_DETAIL (gw_meeting_detail_get_type ())
G_DECLARE_FINAL_TYPE (GwMeetingDetail, gw_meeting_detail, GW, MEETING_DETAIL, GtkWidget)

void gw_meeting_detail_set_store (GwMeetingDetail *self,
                            GwStore *store);

void   gw_meeting_detail_set_meeting (GwMeetingDetail *self,
                                      gint64           meeting_id);
gint64 gw_meeting_detail_get_meeting (GwMeetingDetail *self);

G_END_DECLS
