/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_LEDGER_PAGE (gw_ledger_page_get_type ())
G_DECLARE_FINAL_TYPE (GwLedgerPage, gw_ledger_page, GW, LEDGER_PAGE, GtkWidget)

void gw_ledger_page_set_store (GwLedgerPage *self,
                               GwStore      *store);

G_END_DECLS
