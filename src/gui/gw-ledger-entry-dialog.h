/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-ledger.h"
#include "gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_LEDGER_ENTRY_DIALOG (gw_ledger_entry_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GwLedgerEntryDialog, gw_ledger_entry_dialog, GW, LEDGER_ENTRY_DIALOG, AdwWindow)

/* Records a new entry of @kind going @direction or, when @correcting is
 * not NULL, corrects that entry: the dialog is filled with it, and saving
 * records the reversing entry and the replacement together (or the
 * reversal alone for "Void"), with a reason. */
GwLedgerEntryDialog *gw_ledger_entry_dialog_new (GtkWindow           *parent,
                                                 GwStore             *store,
                                                 GwLedgerKind         kind,
                                                 GwLedgerDirection    direction,
                                                 const GwLedgerEntry *correcting);

G_END_DECLS
