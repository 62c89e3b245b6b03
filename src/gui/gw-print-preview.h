/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-print-document.h"

G_BEGIN_DECLS

#define GW_TYPE_PRINT_PREVIEW (gw_print_preview_get_type ())
G_DECLARE_FINAL_TYPE (GwPrintPreview, gw_print_preview, GW, PRINT_PREVIEW, AdwWindow)

void gw_print_preview_present (GtkWindow       *parent,
                               GwPrintDocument *document);

G_END_DECLS
