/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_MEMBER_DETAIL (gw_member_detail_get_type ())
G_DECLARE_FINAL_TYPE (GwMemberDetail, gw_member_detail, GW, MEMBER_DETAIL, GtkWidget)

void   gw_member_detail_set_store  (GwMemberDetail *self,
                                    GwStore        *store);
void   gw_member_detail_set_member (GwMemberDetail *self,
                                    gint64          member_id);
gint64 gw_member_detail_get_member (GwMemberDetail *self);

G_END_DECLS
