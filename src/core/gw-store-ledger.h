/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-ledger.h"
#include "gw-store.h"

G_BEGIN_DECLS

/* The donation ledger in a GwStore.
 *
 * Every change emits GwStore::ledger-changed with the new entry's or the
 * drive's id (0 when settings or many things changed) once it is
 * committed. Bad input is refused with a %GW_STORE_ERROR a person can act
 * on, and nothing is changed. Functions returning a GPtrArray return
 * (transfer full) arrays that free their elements.
 *
 * APPEND-ONLY. Ledger entries are never updated or deleted: the database
 * itself refuses it (triggers RAISE(ABORT) on UPDATE and DELETE of
 * ledger_entries), whatever writes to it. A mistake is corrected with
 * gw_store_correct_entry(); "editing" an entry in the interface calls it
 * with the replacement.
 *
 * Totals are kept by the database in summary tables (by currency,
 * direction, source class and month; by item and unit; by drive), updated
 * by triggers as entries are appended, so balances, goods on hand, drive
 * progress and the independence figures cost the same with a million
 * entries as with ten. */

/* Records @draft and returns the new entry's id (0 on error). Checked: a
 * real date, not after today (see gw_ledger_check_date()); direction and kind known; money: amount > 0 and a currency of
 * three capital letters; goods: an item, quantity > 0, an estimated value
 * >= 0 with a valid currency if any; a receipt has a source class, nothing
 * else has one; a member party names an existing member, an outside party
 * has a name; the drive exists; households >= 0 and only on goods or money
 * given out. corrects_id and replaces_id must be 0 (use
 * gw_store_correct_entry()). Text fields are trimmed; empty becomes NULL.
 * A forbidden source class (see gw_ledger_is_forbidden()) is recorded:
 * asking the person first is the interface's job. */
gint64          gw_store_record_entry           (GwStore              *self,
                                                 const GwLedgerEntry  *draft,
                                                 GError              **error);

/* Whether @date can be an entry's date: written YYYY-MM-DD, a real day,
 * and not after today, since the ledger records what has happened. Sets a
 * %GW_STORE_ERROR_INVALID saying why not. A reversing entry keeps the
 * date of the entry it reverses and is not checked again. */
gboolean        gw_ledger_check_date            (const char           *date,
                                                 GError              **error);

/* Corrects entry @entry_id, in one transaction: records a reversing entry
 * (same date and amounts, so it cancels the entry in the same month and
 * period; created says when; corrects_id = @entry_id, memo @reason,
 * recorded by @recorded_by) and, when @replacement is not NULL, records it
 * as a new entry with replaces_id = @entry_id. Refused when the entry does
 * not exist, is itself a reversing entry, or was already corrected (an
 * entry can be corrected once; correct the replacement instead), or when
 * @reason is empty. Returns the reversing entry's id, and sets
 * @replacement_id (may be NULL) to the new entry's id or 0. */
gint64          gw_store_correct_entry          (GwStore              *self,
                                                 gint64                entry_id,
                                                 const GwLedgerEntry  *replacement,
                                                 const char           *reason,
                                                 const char           *recorded_by,
                                                 gint64               *replacement_id,
                                                 GError              **error);

/* Returns: (transfer full) (nullable): the entry with corrected_by_id. */
GwLedgerEntry  *gw_store_load_entry             (GwStore              *self,
                                                 gint64                id,
                                                 GError              **error);

/* (element-type GwLedgerEntry): entries matching @filter (NULL: all),
 * newest first (by date, then as recorded), skipping @offset and at most
 * @limit (0: all). Reversing entries are listed like any other. Fast at
 * any offset near the start; meant for a window of a GListModel. */
GPtrArray      *gw_store_list_ledger            (GwStore              *self,
                                                 const GwLedgerFilter *filter,
                                                 guint                 offset,
                                                 guint                 limit);
guint           gw_store_count_ledger           (GwStore              *self,
                                                 const GwLedgerFilter *filter);

/* Drives. Drives (unlike entries) may be edited. gw_store_add_drive()
 * stores @draft's name (not empty, unique ignoring case), dates (real, end
 * not before start; either may be NULL), notes and goals, and returns the
 * new id. gw_store_update_drive() replaces them all, goals too. A drive
 * with entries cannot be deleted. */
gint64          gw_store_add_drive              (GwStore              *self,
                                                 const GwDrive        *draft,
                                                 GError              **error);
gboolean        gw_store_update_drive           (GwStore              *self,
                                                 const GwDrive        *drive,
                                                 GError              **error);
gboolean        gw_store_delete_drive           (GwStore              *self,
                                                 gint64                id,
                                                 GError              **error);
/* Returns: (transfer full) (nullable): the drive with its goals and their
 * progress. */
GwDrive        *gw_store_load_drive             (GwStore              *self,
                                                 gint64                id,
                                                 GError              **error);
/* (element-type GwDrive): newest start first, with goals and progress. */
GPtrArray      *gw_store_list_drives            (GwStore              *self);

/* (element-type GwGoodsOnHand): every item and unit ever received or
 * given out, by item (ignoring case), then unit. */
GPtrArray      *gw_store_list_goods_on_hand     (GwStore              *self);
/* How many of @item in @unit (NULL or empty: pieces) are on hand, as in
 * gw_store_list_goods_on_hand(): matched ignoring case and surrounding
 * spaces; 0 for an item never recorded; below 0 when more was given out
 * than received. */
gint64          gw_store_get_goods_on_hand      (GwStore              *self,
                                                 const char           *item,
                                                 const char           *unit);

/* (element-type GwLedgerTotals): money per currency over all time (month
 * NULL), by currency code. */
GPtrArray      *gw_store_list_balances          (GwStore              *self);

/* The independence figures: money received by source class per currency,
 * the largest single source, and the receipts from forbidden classes. The
 * period is counted in whole months: @from and @to (YYYY-MM-DD or YYYY-MM,
 * either may be NULL) name the first and the last month. Goods' estimated
 * values are not counted. Returns: (transfer full). */
GwIndependence *gw_store_get_independence       (GwStore              *self,
                                                 const char           *from,
                                                 const char           *to,
                                                 GError              **error);

/* The forbidden-source policy, a setting (default: government only). */
gboolean        gw_ledger_is_forbidden          (GwStore              *self,
                                                 GwSourceClass         source_class);
/* (array length=GW_N_SOURCE_CLASSES): TRUE for each forbidden class. */
void            gw_ledger_get_forbidden         (GwStore              *self,
                                                 gboolean             *forbidden);
gboolean        gw_ledger_set_forbidden         (GwStore              *self,
                                                 const gboolean       *forbidden,
                                                 GError              **error);
/* (element-type GwLedgerEntry): receipts from a forbidden class dated
 * between @from and @to (YYYY-MM-DD, inclusive, either may be NULL),
 * newest first, leaving out reversed entries and reversing entries. */
GPtrArray      *gw_ledger_list_forbidden_entries (GwStore             *self,
                                                 const char           *from,
                                                 const char           *to);

/* The default currency for new entries (a setting); when unset, the
 * locale's currency, or "EUR". */
char           *gw_ledger_dup_default_currency  (GwStore              *self);
gboolean        gw_ledger_set_default_currency  (GwStore              *self,
                                                 const char           *currency,
                                                 GError              **error);

/* Reports, (element-type GwLedgerTotals), money only.
 * Per month and currency, between months @from and @to (as for
 * gw_store_get_independence()), oldest first; balance is the running
 * balance at the month's end, counting every earlier month. */
GPtrArray      *gw_store_report_months          (GwStore              *self,
                                                 const char           *from,
                                                 const char           *to);
/* Per drive and currency over all time, by drive name; entries without a
 * drive are left out. */
GPtrArray      *gw_store_report_drives          (GwStore              *self);
/* Per source class and currency, money received between months @from and
 * @to, by currency then source class. */
GPtrArray      *gw_store_report_sources         (GwStore              *self,
                                                 const char           *from,
                                                 const char           *to);

/* Writes the entries matching @filter (NULL: all), oldest first, to a CSV
 * file at @path (RFC 4180: comma separated, CRLF line ends, fields with a
 * comma, quote, CR or LF quoted with quotes doubled), with a header row.
 * The file is private (0600) and replaced atomically.
 *
 * Formula escaping: every TEXT cell (party, item, unit, memo, drive, ...)
 * that begins with "=", "+", "-", "@", a tab or a carriage return gets a
 * leading apostrophe, so a spreadsheet shows it as text. The NUMERIC
 * columns (amount, quantity, estimated value, households, ids) are written
 * by Groundwork as plain decimals ("1234.50", "-1234.50" for a reversing
 * entry, "." as the decimal point, no grouping) and are never escaped. */
gboolean        gw_ledger_export_csv            (GwStore              *self,
                                                 const GwLedgerFilter *filter,
                                                 const char           *path,
                                                 GError              **error);

G_END_DECLS
