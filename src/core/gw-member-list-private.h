/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-member-list.h"

G_BEGIN_DECLS

GArray *_gw_member_list_get_ids (GwMemberList *self);

G_END_DECLS
