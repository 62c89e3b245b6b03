/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-meeting.h"
#include "gw-print-document.h"
#include "gw-store.h"

G_BEGIN_DECLS

GwPrintDocument *gw_print_agenda_new  (GwStore   *store,
                                       GwMeeting *meeting,
                                       GPtrArray *agenda);
GwPrintDocument *gw_print_minutes_new (GwStore   *store,
                                       GwMeeting *meeting,
                                       GPtrArray *agenda,
                                       GPtrArray *decisions,
                                       GPtrArray *actions);

G_END_DECLS
