/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gw-ledger.h"
#include "gw-store.h"

G_BEGIN_DECLS

/* One ledger entry as a list item. */
#define GW_TYPE_LEDGER_ROW (gw_ledger_row_get_type ())
G_DECLARE_FINAL_TYPE (GwLedgerRow, gw_ledger_row, GW, LEDGER_ROW, GObject)

const GwLedgerEntry *gw_ledger_row_get_entry (GwLedgerRow *self);

/* The entries matching a filter, newest first, as a GListModel that reads
 * them from the store a page at a time: a million entries cost the pages
 * on screen, not a million objects. */
#define GW_TYPE_LEDGER_MODEL (gw_ledger_model_get_type ())
G_DECLARE_FINAL_TYPE (GwLedgerModel, gw_ledger_model, GW, LEDGER_MODEL, GObject)

GwLedgerModel *gw_ledger_model_new        (GwStore              *store);
/* Sets the filter (copied) and reloads. */
void           gw_ledger_model_set_filter (GwLedgerModel        *self,
                                           const GwLedgerFilter *filter);
/* Forgets the pages read and reloads the count. */
void           gw_ledger_model_reload     (GwLedgerModel        *self);

G_END_DECLS
