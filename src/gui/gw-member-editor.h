/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_MEMBER_EDITOR (gw_member_editor_get_type ())
G_DECLARE_FINAL_TYPE (GwMemberEditor, gw_member_editor, GW, MEMBER_EDITOR, AdwWindow)

GwMemberEditor *gw_member_editor_new (GtkWindow *parent,
                                      GwStore   *store,
                                      gint64     member_id);

G_END_DECLS
