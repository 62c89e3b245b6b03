/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_MEETING_EDITOR (gw_meeting_editor_get_type ())
G_DECLARE_FINAL_TYPE (GwMeetingEditor, gw_meeting_editor, GW, MEETING_EDITOR, AdwWindow)

GwMeetingEditor *gw_meeting_editor_new (GtkWindow *parent,
                                        GwStore   *store,
                                        gint64     meeting_id);

G_END_DECLS
