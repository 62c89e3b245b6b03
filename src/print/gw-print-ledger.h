/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-print-document.h"
#include "gw-store.h"

G_BEGIN_DECLS

/* Printed ledger reports, read from @store when built; for
 * gw_print_preview_present(). @from and @to are months ("YYYY-MM" or a
 * YYYY-MM-DD date in the month), either may be NULL for no bound. Money is
 * shown with gw_money_format(), one table per currency. */

/* Per month and currency: received, given out, spent and balance. */
GwPrintDocument *gw_print_ledger_months_new  (GwStore    *store,
                                              const char *from,
                                              const char *to);
/* Per drive: money by currency, and each goal with its progress. */
GwPrintDocument *gw_print_ledger_drives_new  (GwStore    *store);
/* Money received by source class, with shares, the largest single source
 * and the receipts from forbidden classes. */
GwPrintDocument *gw_print_ledger_sources_new (GwStore    *store,
                                              const char *from,
                                              const char *to);
/* Goods on hand per item: received, given out, on hand. */
GwPrintDocument *gw_print_goods_on_hand_new  (GwStore    *store);

G_END_DECLS
