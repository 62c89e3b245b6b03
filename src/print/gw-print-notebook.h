/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-notebook.h"
#include "gw-print-document.h"
#include "gw-store.h"

G_BEGIN_DECLS

/* One field note: title, date, place, who went, the text, its tags and the
 * forces, needs and rules it links. */
GwPrintDocument *gw_print_note_new              (GwStore      *store,
                                                 const GwNote *note);
/* The notebook at a glance: the forces by stance, the needs raised most and
 * the legal risks with their review dates (those due by @today marked). */
GwPrintDocument *gw_print_notebook_overview_new (GwStore      *store,
                                                 const char   *today);

G_END_DECLS
