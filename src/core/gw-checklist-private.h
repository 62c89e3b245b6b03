/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-checklist.h"

G_BEGIN_DECLS

int _gw_checklist_count_study_sessions (GwStore    *store,
                                        gint64      member_id,
                                        const char *date);
int _gw_checklist_count_turns          (GwStore    *store,
                                        gint64      member_id,
                                        const char *date);

G_END_DECLS
