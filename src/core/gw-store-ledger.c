/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "gw-csv.h"
#include "gw-date.h"
#include "gw-store-ledger.h"
#include "gw-store-private.h"
#include "gw-text.h"

#define FORBIDDEN_KEY "ledger-forbidden-sources"
#define CURRENCY_KEY "ledger-default-currency"

#define ENTRY_COLUMNS \
  "e.id, e.uuid, e.date, e.direction, e.kind, e.amount, e.currency, e.item," \
  " e.quantity, e.unit, e.value, e.value_currency, e.party_kind, e.member_id," \
  " e.party_name, e.source_class, e.drive_id, e.memo, e.recorded_by," \
  " e.need_category, e.households, e.corrects_id, e.replaces_id," \
  " (SELECT c.id FROM ledger_entries c WHERE c.corrects_id = e.id), e.created"

static gboolean
invalid (GError    **error,
         const char *message)
{
  g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID, message);
  return FALSE;
}

static char *
strip_or_null (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

static void
bind_opt (sqlite3_stmt *stmt,
          int           index,
          const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static void
bind_id (sqlite3_stmt *stmt,
         int           index,
         gint64        id)
{
  if (id == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

static char *
col_opt (sqlite3_stmt *stmt,
         int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text ? g_strdup (text) : NULL;
}

static GwLedgerEntry *
read_entry (sqlite3_stmt *stmt)
{
  GwLedgerEntry *e = g_new0 (GwLedgerEntry, 1);

  e->id = sqlite3_column_int64 (stmt, 0);
  e->uuid = col_opt (stmt, 1);
  e->date = col_opt (stmt, 2);
  e->direction = sqlite3_column_int (stmt, 3);
  e->kind = sqlite3_column_int (stmt, 4);
  e->amount = sqlite3_column_int64 (stmt, 5);
  e->currency = col_opt (stmt, 6);
  e->item = col_opt (stmt, 7);
  e->quantity = sqlite3_column_int64 (stmt, 8);
  e->unit = col_opt (stmt, 9);
  e->value = sqlite3_column_int64 (stmt, 10);
  e->value_currency = col_opt (stmt, 11);
  e->party_kind = sqlite3_column_int (stmt, 12);
  e->member_id = sqlite3_column_int64 (stmt, 13);
  e->party_name = col_opt (stmt, 14);
  e->source_class = sqlite3_column_int (stmt, 15);
  e->drive_id = sqlite3_column_int64 (stmt, 16);
  e->memo = col_opt (stmt, 17);
  e->recorded_by = col_opt (stmt, 18);
  e->need_category = col_opt (stmt, 19);
  e->households = sqlite3_column_int (stmt, 20);
  e->corrects_id = sqlite3_column_int64 (stmt, 21);
  e->replaces_id = sqlite3_column_int64 (stmt, 22);
  e->corrected_by_id = sqlite3_column_int64 (stmt, 23);
  e->created = col_opt (stmt, 24);
  return e;
}

static gboolean
drive_exists (GwStore *self,
              gint64   id)
{
  sqlite3_stmt *stmt = _gw_store_prepare (self, "SELECT 1 FROM drives WHERE id = ?", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/**
 * gw_ledger_check_date:
 *
 * Whether @date can be an entry's date: a real date, not after today.
 */
gboolean
gw_ledger_check_date (const char  *date,
                      GError     **error)
{
  g_autofree char *today = gw_date_today ();

  if (date == NULL || !gw_date_is_valid (date))
    return invalid (error, _("Give the entry a real date."));

  /* The ledger records what has happened: an entry dated ahead would
   * count in balances and reports before the money or goods moved, and,
   * append-only, it could only be taken back with a correction. */
  if (strcmp (date, today) > 0)
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                   _("%s is after today. Entries are recorded once they have happened: "
                     "use today’s date or an earlier one."), date);
      return FALSE;
    }

  return TRUE;
}

/* Checks @draft and returns a clean copy ready to insert, or NULL. */
static GwLedgerEntry *
validate_entry (GwStore             *self,
                const GwLedgerEntry *draft,
                GError             **error)
{
  g_autoptr(GwLedgerEntry) e = gw_ledger_entry_new ();

  if (!gw_ledger_check_date (draft->date, error))
    return NULL;
  if ((guint) draft->direction >= GW_N_LEDGER_DIRECTIONS)
    return invalid (error, _("Say whether this was received, given out or spent.")), NULL;
  if (draft->kind != GW_LEDGER_MONEY && draft->kind != GW_LEDGER_GOODS)
    return invalid (error, _("Say whether this is money or goods.")), NULL;
  if (draft->corrects_id != 0 || draft->replaces_id != 0)
    return invalid (error, _("Corrections are recorded with “Correct”, not as new entries.")), NULL;

  e->date = g_strdup (draft->date);
  e->direction = draft->direction;
  e->kind = draft->kind;

  if (draft->kind == GW_LEDGER_MONEY)
    {
      if (draft->amount <= 0)
        return invalid (error, _("The amount must be more than zero.")), NULL;
      if (!gw_currency_is_valid (draft->currency))
        return invalid (error, _("The currency must be a three-letter code such as EUR or USD.")), NULL;
      e->amount = draft->amount;
      e->currency = g_strdup (draft->currency);
    }
  else
    {
      e->item = strip_or_null (draft->item);
      if (e->item == NULL)
        return invalid (error, _("Say what the goods are.")), NULL;
      if (draft->quantity <= 0)
        return invalid (error, _("The quantity must be more than zero.")), NULL;
      e->quantity = draft->quantity;
      e->unit = strip_or_null (draft->unit);
      if (draft->value_currency != NULL)
        {
          if (!gw_currency_is_valid (draft->value_currency))
            return invalid (error, _("The currency of the estimated value must be a three-letter code such as EUR or USD.")), NULL;
          if (draft->value < 0)
            return invalid (error, _("The estimated value cannot be negative.")), NULL;
          e->value = draft->value;
          e->value_currency = g_strdup (draft->value_currency);
        }
    }

  if (draft->direction == GW_LEDGER_RECEIVED)
    {
      if (draft->source_class < 0 || draft->source_class >= GW_N_SOURCE_CLASSES)
        return invalid (error, _("Say where this came from: member dues, an individual, an allied group, an NGO or foundation, a business or the government.")), NULL;
    }
  else if (draft->source_class != GW_SOURCE_NONE)
    return invalid (error, _("Only something received has a source.")), NULL;
  e->source_class = draft->source_class;

  e->party_kind = draft->party_kind;
  switch (draft->party_kind)
    {
    case GW_PARTY_ANONYMOUS:
      break;
    case GW_PARTY_MEMBER:
      {
        int stage, status;
        char *name = NULL;

        if (!_gw_store_get_stage_status (self, draft->member_id, &stage, &status, &name, error))
          return NULL;
        e->member_id = draft->member_id;
        e->party_name = name;
      }
      break;
    case GW_PARTY_OUTSIDE:
      e->party_name = strip_or_null (draft->party_name);
      if (e->party_name == NULL)
        return invalid (error, _("Give the name of the donor or recipient, or mark the entry anonymous.")), NULL;
      break;
    default:
      return invalid (error, _("Say who the other party is, or mark the entry anonymous.")), NULL;
    }

  if (draft->drive_id != 0 && !drive_exists (self, draft->drive_id))
    {
      g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND,
                           _("The drive no longer exists."));
      return NULL;
    }
  e->drive_id = draft->drive_id;

  if (draft->households < 0)
    return invalid (error, _("The number of households cannot be negative.")), NULL;
  if (draft->households > 0 && draft->direction != GW_LEDGER_GIVEN_OUT)
    return invalid (error, _("Only something given out reaches households.")), NULL;
  e->households = draft->households;
  e->need_category = strip_or_null (draft->need_category);
  if (e->need_category != NULL && draft->direction != GW_LEDGER_GIVEN_OUT)
    return invalid (error, _("Only something given out has a need category.")), NULL;

  e->memo = strip_or_null (draft->memo);
  e->recorded_by = strip_or_null (draft->recorded_by);

  return g_steal_pointer (&e);
}

static gint64
insert_entry (GwStore             *self,
              const GwLedgerEntry *e,
              GError             **error)
{
  g_autofree char *uuid = gw_text_uuid ();
  g_autofree char *now = gw_date_now_utc ();
  sqlite3_stmt *stmt;

  stmt = _gw_store_prepare (self,
                            "INSERT INTO ledger_entries (uuid, date, direction, kind, amount, currency,"
                            " item, quantity, unit, value, value_currency, party_kind, member_id,"
                            " party_name, source_class, drive_id, memo, recorded_by, need_category,"
                            " households, corrects_id, replaces_id, created)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, e->date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, e->direction);
  sqlite3_bind_int (stmt, 4, e->kind);
  if (e->kind == GW_LEDGER_MONEY)
    {
      sqlite3_bind_int64 (stmt, 5, e->amount);
      bind_opt (stmt, 6, e->currency);
    }
  else
    {
      bind_opt (stmt, 7, e->item);
      sqlite3_bind_int64 (stmt, 8, e->quantity);
      bind_opt (stmt, 9, e->unit);
      if (e->value_currency != NULL)
        {
          sqlite3_bind_int64 (stmt, 10, e->value);
          bind_opt (stmt, 11, e->value_currency);
        }
    }
  sqlite3_bind_int (stmt, 12, e->party_kind);
  bind_id (stmt, 13, e->party_kind == GW_PARTY_MEMBER ? e->member_id : 0);
  bind_opt (stmt, 14, e->party_kind == GW_PARTY_ANONYMOUS ? NULL : e->party_name);
  sqlite3_bind_int (stmt, 15, e->source_class);
  bind_id (stmt, 16, e->drive_id);
  bind_opt (stmt, 17, e->memo);
  bind_opt (stmt, 18, e->recorded_by);
  bind_opt (stmt, 19, e->need_category);
  sqlite3_bind_int (stmt, 20, e->households);
  bind_id (stmt, 21, e->corrects_id);
  bind_id (stmt, 22, e->replaces_id);
  sqlite3_bind_text (stmt, 23, now, -1, SQLITE_TRANSIENT);

  if (!_gw_store_step_done (self, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (_gw_store_get_db (self));
}

/**
 * gw_store_record_entry:
 *
 * Appends one entry to the ledger; see gw-store-ledger.h.
 */
gint64
gw_store_record_entry (GwStore              *self,
                       const GwLedgerEntry  *draft,
                       GError              **error)
{
  g_autoptr(GwLedgerEntry) clean = NULL;
  gint64 id;

  g_return_val_if_fail (GW_IS_STORE (self), 0);
  g_return_val_if_fail (draft != NULL, 0);

  if (!_gw_store_check_writable (self, error))
    return 0;

  clean = validate_entry (self, draft, error);
  if (clean == NULL)
    return 0;

  id = insert_entry (self, clean, error);
  if (id != 0)
    _gw_store_ledger_changed (self, id);
  return id;
}

GwLedgerEntry *
gw_store_load_entry (GwStore  *self,
                     gint64    id,
                     GError  **error)
{
  sqlite3_stmt *stmt;
  GwLedgerEntry *entry = NULL;

  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  stmt = _gw_store_prepare (self, "SELECT " ENTRY_COLUMNS " FROM ledger_entries e WHERE e.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    entry = read_entry (stmt);
  sqlite3_reset (stmt);

  if (entry == NULL)
    g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND,
                         _("This ledger entry does not exist."));
  return entry;
}

/**
 * gw_store_correct_entry:
 *
 * Reverses an entry, and records its replacement, in one transaction.
 */
gint64
gw_store_correct_entry (GwStore              *self,
                        gint64                entry_id,
                        const GwLedgerEntry  *replacement,
                        const char           *reason,
                        const char           *recorded_by,
                        gint64               *replacement_id,
                        GError              **error)
{
  g_autoptr(GwLedgerEntry) original = NULL;
  g_autoptr(GwLedgerEntry) clean = NULL;
  g_autofree char *why = strip_or_null (reason);
  gint64 reversal_id, new_id = 0;

  g_return_val_if_fail (GW_IS_STORE (self), 0);

  if (replacement_id != NULL)
    *replacement_id = 0;

  if (!_gw_store_check_writable (self, error))
    return 0;

  original = gw_store_load_entry (self, entry_id, error);
  if (original == NULL)
    return 0;
  if (original->corrects_id != 0)
    return invalid (error, _("This entry is itself a correction and cannot be corrected.")), 0;
  if (original->corrected_by_id != 0)
    return invalid (error, _("This entry was already corrected. Correct its replacement instead.")), 0;
  if (why == NULL)
    return invalid (error, _("Say why the entry is being corrected.")), 0;

  if (replacement != NULL)
    {
      clean = validate_entry (self, replacement, error);
      if (clean == NULL)
        return 0;
      clean->replaces_id = entry_id;
    }

  if (!gw_store_begin (self, error))
    return 0;

  g_free (original->memo);
  original->memo = g_steal_pointer (&why);
  g_free (original->recorded_by);
  original->recorded_by = strip_or_null (recorded_by);
  original->corrects_id = entry_id;
  original->replaces_id = 0;

  reversal_id = insert_entry (self, original, error);
  if (reversal_id != 0 && clean != NULL)
    new_id = insert_entry (self, clean, error);

  if (reversal_id == 0 || (clean != NULL && new_id == 0))
    {
      gw_store_rollback (self);
      return 0;
    }

  _gw_store_ledger_changed (self, reversal_id);
  if (new_id != 0)
    _gw_store_ledger_changed (self, new_id);

  if (!gw_store_commit (self, error))
    return 0;

  if (replacement_id != NULL)
    *replacement_id = new_id;
  return reversal_id;
}

/* Filters */

static char *
filter_where (const GwLedgerFilter *filter)
{
  GString *where = g_string_new (" WHERE 1");

  if (filter == NULL)
    return g_string_free (where, FALSE);
  if (filter->drive_id != 0)
    g_string_append (where, " AND e.drive_id = :drive");
  if (filter->direction >= 0)
    g_string_append (where, " AND e.direction = :direction");
  if (filter->kind >= 0)
    g_string_append (where, " AND e.kind = :kind");
  if (filter->from != NULL)
    g_string_append (where, " AND e.date >= :from");
  if (filter->to != NULL)
    g_string_append (where, " AND e.date <= :to");
  return g_string_free (where, FALSE);
}

static void
filter_bind (sqlite3_stmt         *stmt,
             const GwLedgerFilter *filter)
{
  if (filter == NULL)
    return;
  if (filter->drive_id != 0)
    sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":drive"), filter->drive_id);
  if (filter->direction >= 0)
    sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":direction"), filter->direction);
  if (filter->kind >= 0)
    sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":kind"), filter->kind);
  if (filter->from != NULL)
    sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":from"), filter->from, -1, SQLITE_TRANSIENT);
  if (filter->to != NULL)
    sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":to"), filter->to, -1, SQLITE_TRANSIENT);
}

static gboolean
filter_is_empty (const GwLedgerFilter *filter)
{
  return filter == NULL ||
         (filter->drive_id == 0 && filter->direction < 0 && filter->kind < 0 &&
          filter->from == NULL && filter->to == NULL);
}

GPtrArray *
gw_store_list_ledger (GwStore              *self,
                      const GwLedgerFilter *filter,
                      guint                 offset,
                      guint                 limit)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_ledger_entry_free);
  g_autofree char *where = filter_where (filter);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), entries);

  sql = g_strconcat ("SELECT " ENTRY_COLUMNS " FROM ledger_entries e", where,
                     " ORDER BY e.date DESC, e.id DESC LIMIT :limit OFFSET :offset", NULL);
  stmt = _gw_store_prepare (self, sql, NULL);
  if (stmt == NULL)
    return entries;

  filter_bind (stmt, filter);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), limit == 0 ? -1 : (gint64) limit);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":offset"), offset);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (entries, read_entry (stmt));
  sqlite3_reset (stmt);
  return entries;
}

guint
gw_store_count_ledger (GwStore              *self,
                       const GwLedgerFilter *filter)
{
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (GW_IS_STORE (self), 0);

  /* The summary tables count every entry already. */
  if (filter_is_empty (filter))
    sql = g_strdup ("SELECT (SELECT coalesce(sum(n), 0) FROM ledger_totals)"
                    " + (SELECT coalesce(sum(n), 0) FROM goods_totals)");
  else
    {
      where = filter_where (filter);
      sql = g_strconcat ("SELECT count(*) FROM ledger_entries e", where, NULL);
    }

  stmt = _gw_store_prepare (self, sql, NULL);
  if (stmt == NULL)
    return 0;
  filter_bind (stmt, filter_is_empty (filter) ? NULL : filter);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

/* Drives */

static gboolean
validate_drive (GwStore       *self,
                const GwDrive *drive,
                gint64         id,
                char         **name_out,
                GError       **error)
{
  g_autofree char *name = strip_or_null (drive->name);
  sqlite3_stmt *stmt;
  gboolean taken;

  if (name == NULL)
    return invalid (error, _("Give the drive a name."));
  if ((drive->start_date && !gw_date_is_valid (drive->start_date)) ||
      (drive->end_date && !gw_date_is_valid (drive->end_date)))
    return invalid (error, _("The drive’s dates must be real dates."));
  if (drive->start_date && drive->end_date && strcmp (drive->end_date, drive->start_date) < 0)
    return invalid (error, _("The drive cannot end before it starts."));

  for (guint i = 0; drive->goals != NULL && i < drive->goals->len; i++)
    {
      GwDriveGoal *goal = g_ptr_array_index (drive->goals, i);

      if (goal->kind == GW_LEDGER_MONEY)
        {
          if (goal->amount <= 0)
            return invalid (error, _("A money goal must be more than zero."));
          if (!gw_currency_is_valid (goal->currency))
            return invalid (error, _("The currency must be a three-letter code such as EUR or USD."));
        }
      else
        {
          g_autofree char *item = strip_or_null (goal->item);

          if (item == NULL)
            return invalid (error, _("Say what goods a goal is for."));
          if (goal->quantity <= 0)
            return invalid (error, _("A goal for goods must be more than zero."));
        }
    }

  stmt = _gw_store_prepare (self, "SELECT 1 FROM drives WHERE name = ? COLLATE NOCASE AND id != ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (taken)
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                   _("There is already a drive called “%s”. Choose another name."), name);
      return FALSE;
    }

  *name_out = g_steal_pointer (&name);
  return TRUE;
}

static gboolean
insert_goals (GwStore       *self,
              gint64         drive_id,
              const GwDrive *drive,
              GError       **error)
{
  for (guint i = 0; drive->goals != NULL && i < drive->goals->len; i++)
    {
      GwDriveGoal *goal = g_ptr_array_index (drive->goals, i);
      g_autofree char *item = strip_or_null (goal->item);
      g_autofree char *unit = strip_or_null (goal->unit);
      sqlite3_stmt *stmt;

      stmt = _gw_store_prepare (self, "INSERT INTO drive_goals (drive_id, position, kind, amount,"
                                      " currency, item, quantity, unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, drive_id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_int (stmt, 3, goal->kind == GW_LEDGER_GOODS ? 1 : 0);
      if (goal->kind == GW_LEDGER_MONEY)
        {
          sqlite3_bind_int64 (stmt, 4, goal->amount);
          bind_opt (stmt, 5, goal->currency);
        }
      else
        {
          bind_opt (stmt, 6, item);
          sqlite3_bind_int64 (stmt, 7, goal->quantity);
          bind_opt (stmt, 8, unit);
        }
      if (!_gw_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gint64
gw_store_add_drive (GwStore        *self,
                    const GwDrive  *draft,
                    GError        **error)
{
  g_autofree char *name = NULL;
  g_autofree char *uuid = gw_text_uuid ();
  g_autofree char *now = gw_date_now_utc ();
  g_autofree char *notes = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (GW_IS_STORE (self), 0);

  if (!_gw_store_check_writable (self, error) ||
      !validate_drive (self, draft, 0, &name, error))
    return 0;
  notes = strip_or_null (draft->notes);

  if (!gw_store_begin (self, error))
    return 0;

  stmt = _gw_store_prepare (self, "INSERT INTO drives (uuid, name, start_date, end_date, notes, created, updated)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?6)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  bind_opt (stmt, 3, draft->start_date);
  bind_opt (stmt, 4, draft->end_date);
  bind_opt (stmt, 5, notes);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
  if (!_gw_store_step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (_gw_store_get_db (self));
  if (!insert_goals (self, id, draft, error))
    goto fail;

  _gw_store_ledger_changed (self, id);
  if (!gw_store_commit (self, error))
    return 0;
  return id;

fail:
  gw_store_rollback (self);
  return 0;
}

gboolean
gw_store_update_drive (GwStore        *self,
                       const GwDrive  *drive,
                       GError        **error)
{
  g_autofree char *name = NULL;
  g_autofree char *now = gw_date_now_utc ();
  g_autofree char *notes = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  if (!_gw_store_check_writable (self, error))
    return FALSE;
  if (!drive_exists (self, drive->id))
    {
      g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND,
                           _("The drive no longer exists."));
      return FALSE;
    }
  if (!validate_drive (self, drive, drive->id, &name, error))
    return FALSE;
  notes = strip_or_null (drive->notes);

  if (!gw_store_begin (self, error))
    return FALSE;

  stmt = _gw_store_prepare (self, "UPDATE drives SET name = ?, start_date = ?, end_date = ?, notes = ?,"
                                  " updated = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  bind_opt (stmt, 2, drive->start_date);
  bind_opt (stmt, 3, drive->end_date);
  bind_opt (stmt, 4, notes);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, drive->id);
  if (!_gw_store_step_done (self, stmt, error))
    goto fail;

  stmt = _gw_store_prepare (self, "DELETE FROM drive_goals WHERE drive_id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, drive->id);
  if (!_gw_store_step_done (self, stmt, error) ||
      !insert_goals (self, drive->id, drive, error))
    goto fail;

  _gw_store_ledger_changed (self, drive->id);
  return gw_store_commit (self, error);

fail:
  gw_store_rollback (self);
  return FALSE;
}

gboolean
gw_store_delete_drive (GwStore  *self,
                       gint64    id,
                       GError  **error)
{
  sqlite3_stmt *stmt;
  gboolean used;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  if (!_gw_store_check_writable (self, error))
    return FALSE;
  if (!drive_exists (self, id))
    {
      g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND,
                           _("The drive no longer exists."));
      return FALSE;
    }

  stmt = _gw_store_prepare (self, "SELECT 1 FROM ledger_entries WHERE drive_id = ? LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  used = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (used)
    return invalid (error, _("Entries in the ledger belong to this drive, so it is kept. A drive can be removed only while nothing was recorded for it."));

  stmt = _gw_store_prepare (self, "DELETE FROM drives WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_gw_store_step_done (self, stmt, error))
    return FALSE;

  _gw_store_ledger_changed (self, id);
  return TRUE;
}

static gint64
drive_total (GwStore    *self,
             gint64      drive_id,
             int         kind,
             const char *key,
             const char *unit)
{
  sqlite3_stmt *stmt;
  gint64 total = 0;

  stmt = _gw_store_prepare (self, "SELECT coalesce(sum(amount), 0) FROM drive_totals"
                                  " WHERE drive_id = ? AND kind = ? AND key = ? AND unit = ? AND direction = 0",
                            NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, drive_id);
  sqlite3_bind_int (stmt, 2, kind);
  sqlite3_bind_text (stmt, 3, key ? key : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, unit ? unit : "", -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    total = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return total;
}

GwDrive *
gw_store_load_drive (GwStore  *self,
                     gint64    id,
                     GError  **error)
{
  g_autoptr(GwDrive) drive = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  stmt = _gw_store_prepare (self, "SELECT id, uuid, name, start_date, end_date, notes, created, updated,"
                                  " (SELECT coalesce(sum(n), 0) FROM drive_totals t WHERE t.drive_id = d.id)"
                                  " FROM drives d WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      drive = gw_drive_new ();
      drive->id = sqlite3_column_int64 (stmt, 0);
      drive->uuid = col_opt (stmt, 1);
      drive->name = col_opt (stmt, 2);
      drive->start_date = col_opt (stmt, 3);
      drive->end_date = col_opt (stmt, 4);
      drive->notes = col_opt (stmt, 5);
      drive->created = col_opt (stmt, 6);
      drive->updated = col_opt (stmt, 7);
      drive->n_entries = sqlite3_column_int64 (stmt, 8);
    }
  sqlite3_reset (stmt);

  if (drive == NULL)
    {
      g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND,
                           _("The drive no longer exists."));
      return NULL;
    }

  stmt = _gw_store_prepare (self, "SELECT id, kind, amount, currency, item, quantity, unit"
                                  " FROM drive_goals WHERE drive_id = ? ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GwDriveGoal *goal = g_new0 (GwDriveGoal, 1);

      goal->id = sqlite3_column_int64 (stmt, 0);
      goal->kind = sqlite3_column_int (stmt, 1);
      goal->amount = sqlite3_column_int64 (stmt, 2);
      goal->currency = col_opt (stmt, 3);
      goal->item = col_opt (stmt, 4);
      goal->quantity = sqlite3_column_int64 (stmt, 5);
      goal->unit = col_opt (stmt, 6);
      g_ptr_array_add (drive->goals, goal);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < drive->goals->len; i++)
    {
      GwDriveGoal *goal = g_ptr_array_index (drive->goals, i);

      if (goal->kind == GW_LEDGER_MONEY)
        goal->progress = drive_total (self, id, 0, goal->currency, "");
      else
        goal->progress = drive_total (self, id, 1, goal->item, goal->unit);
    }

  return g_steal_pointer (&drive);
}

GPtrArray *
gw_store_list_drives (GwStore *self)
{
  GPtrArray *drives = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_drive_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), drives);

  stmt = _gw_store_prepare (self, "SELECT id FROM drives ORDER BY coalesce(start_date, '') DESC,"
                                  " name COLLATE NOCASE", NULL);
  if (stmt == NULL)
    return drives;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < ids->len; i++)
    {
      GwDrive *drive = gw_store_load_drive (self, g_array_index (ids, gint64, i), NULL);

      if (drive != NULL)
        g_ptr_array_add (drives, drive);
    }
  return drives;
}

/* Figures */

GPtrArray *
gw_store_list_goods_on_hand (GwStore *self)
{
  GPtrArray *goods = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_goods_on_hand_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), goods);

  stmt = _gw_store_prepare (self, "SELECT item, unit,"
                                  " sum(CASE direction WHEN 0 THEN quantity ELSE 0 END),"
                                  " sum(CASE direction WHEN 1 THEN quantity ELSE 0 END),"
                                  " sum(CASE direction WHEN 2 THEN quantity ELSE 0 END)"
                                  " FROM goods_totals GROUP BY item, unit ORDER BY item, unit", NULL);
  if (stmt == NULL)
    return goods;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GwGoodsOnHand *g = g_new0 (GwGoodsOnHand, 1);

      g->item = col_opt (stmt, 0);
      g->unit = col_opt (stmt, 1);
      g->received = sqlite3_column_int64 (stmt, 2);
      g->given_out = sqlite3_column_int64 (stmt, 3);
      g->used = sqlite3_column_int64 (stmt, 4);
      g->on_hand = g->received - g->given_out - g->used;
      g_ptr_array_add (goods, g);
    }
  sqlite3_reset (stmt);
  return goods;
}

/**
 * gw_store_get_goods_on_hand:
 *
 * Returns: how many of @item in @unit are on hand; see gw-store-ledger.h.
 */
gint64
gw_store_get_goods_on_hand (GwStore    *self,
                            const char *item,
                            const char *unit)
{
  g_autofree char *clean_item = strip_or_null (item);
  g_autofree char *clean_unit = strip_or_null (unit);
  sqlite3_stmt *stmt;
  gint64 on_hand = 0;

  g_return_val_if_fail (GW_IS_STORE (self), 0);

  if (clean_item == NULL)
    return 0;

  /* The columns compare ignoring ASCII case (COLLATE NOCASE), as the
   * goods on hand are grouped. */
  stmt = _gw_store_prepare (self, "SELECT coalesce(sum(CASE direction WHEN 0 THEN quantity"
                                  " ELSE -quantity END), 0)"
                                  " FROM goods_totals WHERE item = ? AND unit = ?", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, clean_item, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, clean_unit != NULL ? clean_unit : "", -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    on_hand = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return on_hand;
}

static GwLedgerTotals *
read_totals (sqlite3_stmt *stmt,
             int           first)
{
  GwLedgerTotals *t = g_new0 (GwLedgerTotals, 1);

  t->source_class = GW_SOURCE_NONE;
  t->received = sqlite3_column_int64 (stmt, first);
  t->given_out = sqlite3_column_int64 (stmt, first + 1);
  t->spent = sqlite3_column_int64 (stmt, first + 2);
  t->n_entries = sqlite3_column_int64 (stmt, first + 3);
  t->balance = t->received - t->given_out - t->spent;
  return t;
}

#define SUMS \
  " sum(CASE direction WHEN 0 THEN amount ELSE 0 END)," \
  " sum(CASE direction WHEN 1 THEN amount ELSE 0 END)," \
  " sum(CASE direction WHEN 2 THEN amount ELSE 0 END), sum(n)"

GPtrArray *
gw_store_list_balances (GwStore *self)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_ledger_totals_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), rows);

  stmt = _gw_store_prepare (self, "SELECT currency," SUMS " FROM ledger_totals GROUP BY currency ORDER BY currency", NULL);
  if (stmt == NULL)
    return rows;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GwLedgerTotals *t = read_totals (stmt, 1);

      t->currency = col_opt (stmt, 0);
      g_ptr_array_add (rows, t);
    }
  sqlite3_reset (stmt);
  return rows;
}

/* "YYYY-MM" of a date or month, or NULL when @text is not one. */
static char *
month_of (const char *text)
{
  g_autofree char *date = NULL;

  if (text == NULL)
    return NULL;
  if (strlen (text) == 7)
    date = g_strconcat (text, "-01", NULL);
  else
    date = g_strdup (text);
  if (!gw_date_is_valid (date))
    return NULL;
  return g_strndup (date, 7);
}

static gboolean
month_range (const char  *from,
             const char  *to,
             char       **from_month,
             char       **to_month,
             GError     **error)
{
  *from_month = month_of (from);
  *to_month = month_of (to);
  if ((from != NULL && *from_month == NULL) || (to != NULL && *to_month == NULL))
    {
      g_clear_pointer (from_month, g_free);
      g_clear_pointer (to_month, g_free);
      return invalid (error, _("The period must run between real dates."));
    }
  return TRUE;
}

static GPtrArray *
list_forbidden (GwStore    *self,
                const char *from,
                const char *to)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_ledger_entry_free);
  gboolean forbidden[GW_N_SOURCE_CLASSES];
  GString *in = g_string_new (NULL);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  gw_ledger_get_forbidden (self, forbidden);
  for (int i = 0; i < GW_N_SOURCE_CLASSES; i++)
    if (forbidden[i])
      g_string_append_printf (in, "%s%d", in->len ? ", " : "", i);
  if (in->len == 0)
    {
      g_string_free (in, TRUE);
      return entries;
    }

  sql = g_strdup_printf ("SELECT " ENTRY_COLUMNS " FROM ledger_entries e"
                         " WHERE e.source_class >= 0 AND e.source_class IN (%s)"
                         " AND e.date >= ? AND e.date <= ?"
                         " AND e.corrects_id IS NULL"
                         " AND NOT EXISTS (SELECT 1 FROM ledger_entries c WHERE c.corrects_id = e.id)"
                         " ORDER BY e.date DESC, e.id DESC", in->str);
  g_string_free (in, TRUE);
  stmt = _gw_store_prepare (self, sql, NULL);
  if (stmt == NULL)
    return entries;
  sqlite3_bind_text (stmt, 1, from ? from : "0000", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to ? to : "9999", -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (entries, read_entry (stmt));
  sqlite3_reset (stmt);
  return entries;
}

GPtrArray *
gw_ledger_list_forbidden_entries (GwStore    *self,
                                  const char *from,
                                  const char *to)
{
  g_return_val_if_fail (GW_IS_STORE (self), NULL);
  return list_forbidden (self, from, to);
}

static int
compare_received (gconstpointer a,
                  gconstpointer b)
{
  const GwIndependenceCurrency *x = *(GwIndependenceCurrency * const *) a;
  const GwIndependenceCurrency *y = *(GwIndependenceCurrency * const *) b;

  if (x->received != y->received)
    return x->received > y->received ? -1 : 1;
  return strcmp (x->currency, y->currency);
}

/* What each source gave over a period, from the summaries: months from
 * party_totals at the ragged ends, whole years from party_year_totals in
 * between, or party_all_totals alone when the period is all time. So a
 * period adds up at most 22 months and a span of years, never every month
 * of a long history. Parameters: ?1 currency, ?2–?3 and ?4–?5 month
 * ranges, ?6–?7 a year range, ?8 whether the period is all time. */
#define PARTY_ROWS \
  "SELECT party, party_kind, name, amount FROM party_totals" \
  " WHERE currency = ?1 AND month BETWEEN ?2 AND ?3" \
  " UNION ALL SELECT party, party_kind, name, amount FROM party_totals" \
  " WHERE currency = ?1 AND month BETWEEN ?4 AND ?5" \
  " UNION ALL SELECT party, party_kind, name, amount FROM party_year_totals" \
  " WHERE currency = ?1 AND year BETWEEN ?6 AND ?7" \
  " UNION ALL SELECT party, party_kind, name, amount FROM party_all_totals" \
  " WHERE currency = ?1 AND ?8"

typedef struct
{
  char     head_from[8], head_to[8];   /* months before the first whole year */
  char     tail_from[8], tail_to[8];   /* months after the last whole year */
  char     years_from[5], years_to[5];
  gboolean all_time;
} PeriodParts;

typedef struct
{
  char   *party;
  char   *name;
  int     kind;
  gint64  amount;
} SourceTotal;

static void
source_total_free (gpointer data)
{
  SourceTotal *total = data;

  g_free (total->party);
  g_free (total->name);
  g_free (total);
}

/* An empty range for BETWEEN: nothing sorts between "9" and "0". */
static void
set_empty (char *from,
           char *to)
{
  strcpy (from, "9");
  strcpy (to, "0");
}

static void
period_parts (const char  *from_month,
              const char  *to_month,
              PeriodParts *parts)
{
  int from_year, from_mon, to_year, to_mon, first_year, last_year;

  memset (parts, 0, sizeof *parts);
  set_empty (parts->head_from, parts->head_to);
  set_empty (parts->tail_from, parts->tail_to);
  set_empty (parts->years_from, parts->years_to);

  if (from_month == NULL && to_month == NULL)
    {
      parts->all_time = TRUE;
      return;
    }

  /* Months are "YYYY-MM", checked by month_range(). */
  from_year = from_month ? atoi (from_month) : 0;
  from_mon = from_month ? atoi (from_month + 5) : 1;
  to_year = to_month ? atoi (to_month) : 9999;
  to_mon = to_month ? atoi (to_month + 5) : 12;

  first_year = from_mon == 1 ? from_year : from_year + 1;
  last_year = to_mon == 12 ? to_year : to_year - 1;

  if (first_year > last_year)
    {
      /* No whole year inside: the months themselves (at most 23). */
      g_snprintf (parts->head_from, sizeof parts->head_from, "%04d-%02d", from_year, from_mon);
      g_snprintf (parts->head_to, sizeof parts->head_to, "%04d-%02d", to_year, to_mon);
      return;
    }

  g_snprintf (parts->years_from, sizeof parts->years_from, "%04d", first_year);
  g_snprintf (parts->years_to, sizeof parts->years_to, "%04d", last_year);
  if (from_mon != 1)
    {
      g_snprintf (parts->head_from, sizeof parts->head_from, "%04d-%02d", from_year, from_mon);
      g_snprintf (parts->head_to, sizeof parts->head_to, "%04d-12", from_year);
    }
  if (to_mon != 12)
    {
      g_snprintf (parts->tail_from, sizeof parts->tail_from, "%04d-01", to_year);
      g_snprintf (parts->tail_to, sizeof parts->tail_to, "%04d-%02d", to_year, to_mon);
    }
}

static void
bind_period_parts (sqlite3_stmt      *stmt,
                   const char        *currency,
                   const PeriodParts *parts)
{
  sqlite3_bind_text (stmt, 1, currency, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, parts->head_from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, parts->head_to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, parts->tail_from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, parts->tail_to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, parts->years_from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, parts->years_to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 8, parts->all_time);
}

GwIndependence *
gw_store_get_independence (GwStore     *self,
                           const char  *from,
                           const char  *to,
                           GError     **error)
{
  g_autoptr(GwIndependence) result = g_new0 (GwIndependence, 1);
  g_autofree char *from_day = NULL;
  g_autofree char *to_day = NULL;
  const char *lo, *hi;
  sqlite3_stmt *stmt;
  GwIndependenceCurrency *current = NULL;
  PeriodParts parts;
  g_autoptr(GHashTable) sources = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, source_total_free);

  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  if (!month_range (from, to, &result->from, &result->to, error))
    return NULL;
  lo = result->from ? result->from : "0000-00";
  hi = result->to ? result->to : "9999-99";

  result->currencies = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_independence_currency_free);

  stmt = _gw_store_prepare (self, "SELECT currency, source_class, sum(amount) FROM ledger_totals"
                                  " WHERE direction = 0 AND month BETWEEN ? AND ?"
                                  " GROUP BY currency, source_class ORDER BY currency", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, lo, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, hi, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *currency = (const char *) sqlite3_column_text (stmt, 0);
      int source = sqlite3_column_int (stmt, 1);

      if (current == NULL || g_strcmp0 (current->currency, currency) != 0)
        {
          current = g_new0 (GwIndependenceCurrency, 1);
          current->currency = g_strdup (currency);
          current->largest_class = GW_SOURCE_NONE;
          g_ptr_array_add (result->currencies, current);
        }
      if (source >= 0 && source < GW_N_SOURCE_CLASSES)
        {
          current->by_source[source] += sqlite3_column_int64 (stmt, 2);
          current->received += sqlite3_column_int64 (stmt, 2);
        }
    }
  sqlite3_reset (stmt);

  period_parts (result->from, result->to, &parts);

  for (guint i = 0; i < result->currencies->len; i++)
    {
      GwIndependenceCurrency *c = g_ptr_array_index (result->currencies, i);
      g_autofree char *party = NULL;

      for (int s = 0; s < GW_N_SOURCE_CLASSES; s++)
        c->share[s] = c->received > 0 ? (double) c->by_source[s] / c->received : 0.0;

      /* Adding up per source in a hash table is several times quicker
       * than SQLite's GROUP BY over the same rows, which sorts them. */
      stmt = _gw_store_prepare (self, PARTY_ROWS, error);
      if (stmt == NULL)
        return NULL;
      bind_period_parts (stmt, c->currency, &parts);
      g_hash_table_remove_all (sources);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *key = (const char *) sqlite3_column_text (stmt, 0);
          const char *name = (const char *) sqlite3_column_text (stmt, 2);
          SourceTotal *total = g_hash_table_lookup (sources, key);

          if (total == NULL)
            {
              total = g_new0 (SourceTotal, 1);
              total->party = g_strdup (key);
              g_hash_table_insert (sources, total->party, total);
            }
          total->kind = MAX (total->kind, sqlite3_column_int (stmt, 1));
          if (name != NULL && g_strcmp0 (name, total->name) > 0)
            {
              g_free (total->name);
              total->name = g_strdup (name);
            }
          total->amount += sqlite3_column_int64 (stmt, 3);
        }
      sqlite3_reset (stmt);

      {
        GHashTableIter iter;
        SourceTotal *total, *best = NULL;

        /* The largest, and on a tie the first by key, as ORDER BY would. */
        g_hash_table_iter_init (&iter, sources);
        while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &total))
          if (total->amount > 0 &&
              (best == NULL || total->amount > best->amount ||
               (total->amount == best->amount && strcmp (total->party, best->party) < 0)))
            best = total;

        if (best != NULL)
          {
            party = g_strdup (best->party);
            c->largest_kind = best->kind;
            c->largest_name = c->largest_kind == GW_PARTY_ANONYMOUS
                              ? g_strdup (_("Anonymous gifts, together"))
                              : g_strdup (best->name);
            c->largest_amount = best->amount;
            c->largest_share = c->received > 0 ? (double) c->largest_amount / c->received : 0.0;
          }
      }

      if (party == NULL)
        continue;

      /* One source's months, through party_totals_by_party. */
      stmt = _gw_store_prepare (self, "SELECT source_class, sum(amount) AS total FROM party_totals"
                                      " INDEXED BY party_totals_by_party"
                                      " WHERE currency = ? AND party = ? AND month BETWEEN ? AND ?"
                                      " GROUP BY source_class ORDER BY total DESC LIMIT 1", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, c->currency, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, party, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, lo, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, hi, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        c->largest_class = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
    }

  g_ptr_array_sort (result->currencies, compare_received);

  if (result->from)
    from_day = g_strconcat (result->from, "-01", NULL);
  if (result->to)
    to_day = g_strconcat (result->to, "-31", NULL);
  result->forbidden = list_forbidden (self, from_day, to_day);

  return g_steal_pointer (&result);
}

/* The policy */

void
gw_ledger_get_forbidden (GwStore  *self,
                         gboolean *forbidden)
{
  g_autofree char *value = gw_store_dup_setting (self, FORBIDDEN_KEY);
  g_auto(GStrv) names = NULL;

  for (int i = 0; i < GW_N_SOURCE_CLASSES; i++)
    forbidden[i] = FALSE;

  if (value == NULL)
    {
      forbidden[GW_SOURCE_GOVERNMENT] = TRUE;
      return;
    }

  names = g_strsplit (value, ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      int source = gw_source_class_from_string (g_strstrip (names[i]));

      if (source >= 0)
        forbidden[source] = TRUE;
    }
}

gboolean
gw_ledger_is_forbidden (GwStore       *self,
                        GwSourceClass  source_class)
{
  gboolean forbidden[GW_N_SOURCE_CLASSES];

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  if (source_class < 0 || source_class >= GW_N_SOURCE_CLASSES)
    return FALSE;
  gw_ledger_get_forbidden (self, forbidden);
  return forbidden[source_class];
}

gboolean
gw_ledger_set_forbidden (GwStore         *self,
                         const gboolean  *forbidden,
                         GError         **error)
{
  GString *value = g_string_new (NULL);
  gboolean ok;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  for (int i = 0; i < GW_N_SOURCE_CLASSES; i++)
    if (forbidden[i])
      g_string_append_printf (value, "%s%s", value->len ? "," : "", gw_source_class_to_string (i));

  ok = gw_store_set_setting (self, FORBIDDEN_KEY, value->str, error);
  g_string_free (value, TRUE);
  if (ok)
    _gw_store_ledger_changed (self, 0);
  return ok;
}

char *
gw_ledger_dup_default_currency (GwStore *self)
{
  char *value = gw_store_dup_setting (self, CURRENCY_KEY);
  struct lconv *lc;
  g_autofree char *local = NULL;

  if (value != NULL && gw_currency_is_valid (value))
    return value;
  g_free (value);

  lc = localeconv ();
  if (lc->int_curr_symbol != NULL)
    {
      local = g_strndup (lc->int_curr_symbol, 3);
      if (gw_currency_is_valid (local))
        return g_steal_pointer (&local);
    }
  return g_strdup ("EUR");
}

gboolean
gw_ledger_set_default_currency (GwStore     *self,
                                const char  *currency,
                                GError     **error)
{
  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  if (!gw_currency_is_valid (currency))
    return invalid (error, _("The currency must be a three-letter code such as EUR or USD."));
  if (!gw_store_set_setting (self, CURRENCY_KEY, currency, error))
    return FALSE;
  _gw_store_ledger_changed (self, 0);
  return TRUE;
}

/* Reports */

GPtrArray *
gw_store_report_months (GwStore    *self,
                        const char *from,
                        const char *to)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_ledger_totals_free);
  g_autoptr(GHashTable) running = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *lo = month_of (from);
  g_autofree char *hi = month_of (to);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), rows);

  stmt = _gw_store_prepare (self, "SELECT month, currency," SUMS " FROM ledger_totals"
                                  " GROUP BY month, currency ORDER BY month, currency", NULL);
  if (stmt == NULL)
    return rows;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *month = (const char *) sqlite3_column_text (stmt, 0);
      const char *currency = (const char *) sqlite3_column_text (stmt, 1);
      g_autoptr(GwLedgerTotals) t = read_totals (stmt, 2);
      gint64 *balance = g_hash_table_lookup (running, currency);

      if (balance == NULL)
        {
          balance = g_new0 (gint64, 1);
          g_hash_table_insert (running, g_strdup (currency), balance);
        }
      *balance += t->balance;

      if ((lo != NULL && strcmp (month, lo) < 0) || (hi != NULL && strcmp (month, hi) > 0))
        continue;
      t->month = g_strdup (month);
      t->currency = g_strdup (currency);
      t->balance = *balance;
      g_ptr_array_add (rows, g_steal_pointer (&t));
    }
  sqlite3_reset (stmt);
  return rows;
}

GPtrArray *
gw_store_report_drives (GwStore *self)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_ledger_totals_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), rows);

  stmt = _gw_store_prepare (self, "SELECT d.id, d.name, t.key," SUMS
                                  " FROM drive_totals t JOIN drives d ON d.id = t.drive_id"
                                  " WHERE t.kind = 0 GROUP BY d.id, t.key"
                                  " ORDER BY d.name COLLATE NOCASE, d.id, t.key", NULL);
  if (stmt == NULL)
    return rows;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GwLedgerTotals *t = read_totals (stmt, 3);

      t->drive_id = sqlite3_column_int64 (stmt, 0);
      t->label = col_opt (stmt, 1);
      t->currency = col_opt (stmt, 2);
      g_ptr_array_add (rows, t);
    }
  sqlite3_reset (stmt);
  return rows;
}

GPtrArray *
gw_store_report_sources (GwStore    *self,
                         const char *from,
                         const char *to)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_ledger_totals_free);
  g_autofree char *lo = month_of (from);
  g_autofree char *hi = month_of (to);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), rows);

  stmt = _gw_store_prepare (self, "SELECT currency, source_class," SUMS " FROM ledger_totals"
                                  " WHERE direction = 0 AND month BETWEEN ? AND ?"
                                  " GROUP BY currency, source_class ORDER BY currency, source_class", NULL);
  if (stmt == NULL)
    return rows;
  sqlite3_bind_text (stmt, 1, lo ? lo : "0000-00", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, hi ? hi : "9999-99", -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GwLedgerTotals *t = read_totals (stmt, 2);

      t->currency = col_opt (stmt, 0);
      t->source_class = sqlite3_column_int (stmt, 1);
      t->label = g_strdup (gw_source_class_to_label (t->source_class));
      g_ptr_array_add (rows, t);
    }
  sqlite3_reset (stmt);
  return rows;
}

/* CSV */

static void
csv_int (GString *out,
         gint64   value,
         gboolean present)
{
  g_autofree char *text = present ? g_strdup_printf ("%" G_GINT64_FORMAT, value) : NULL;

  gw_csv_append_number (out, text);
}

gboolean
gw_ledger_export_csv (GwStore              *self,
                      const GwLedgerFilter *filter,
                      const char           *path,
                      GError              **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GString) out = g_string_sized_new (65536);
  g_autofree char *where = filter_where (filter);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  static const char * const header[] = {
    "id", "uuid", "date", "direction", "kind", "amount", "currency", "item", "quantity",
    "unit", "estimated_value", "value_currency", "party_kind", "party", "member_id",
    "source_class", "drive", "need_category", "households", "memo", "recorded_by",
    "corrects_id", "replaces_id", "created",
  };
  static const char * const party_kinds[] = { "anonymous", "member", "outside" };
  g_autoptr(GCancellable) abandon = g_cancellable_new ();
  int rc;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!_gw_store_check_not_own_file (self, path, error))
    return FALSE;

  sql = g_strconcat ("SELECT " ENTRY_COLUMNS ", d.name FROM ledger_entries e"
                     " LEFT JOIN drives d ON d.id = e.drive_id", where,
                     " ORDER BY e.date, e.id", NULL);
  stmt = _gw_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  file = g_file_new_for_path (path);
  stream = g_file_replace (file, NULL, FALSE,
                           G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                           NULL, error);
  if (stream == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, header[i]);
    }
  gw_csv_end_row (out);

  filter_bind (stmt, filter);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GwLedgerEntry) e = read_entry (stmt);
      const char *drive = (const char *) sqlite3_column_text (stmt, 25);
      int sign = gw_ledger_entry_get_sign (e);
      g_autofree char *amount = NULL;
      g_autofree char *value = NULL;

      if (e->kind == GW_LEDGER_MONEY)
        amount = gw_money_format_plain (sign * e->amount, e->currency);
      if (e->value_currency != NULL)
        value = gw_money_format_plain (sign * e->value, e->value_currency);

      /* The first cell begins the line: no comma before it. */
      g_string_append_printf (out, "%" G_GINT64_FORMAT, e->id);
      gw_csv_append_cell (out, e->uuid);
      gw_csv_append_cell (out, e->date);
      gw_csv_append_cell (out, gw_ledger_direction_to_string (e->direction));
      gw_csv_append_cell (out, e->kind == GW_LEDGER_GOODS ? "goods" : "money");
      gw_csv_append_number (out, amount);
      gw_csv_append_cell (out, e->currency);
      gw_csv_append_cell (out, e->item);
      csv_int (out, sign * e->quantity, e->kind == GW_LEDGER_GOODS);
      gw_csv_append_cell (out, e->unit);
      gw_csv_append_number (out, value);
      gw_csv_append_cell (out, e->value_currency);
      gw_csv_append_cell (out, party_kinds[CLAMP (e->party_kind, 0, 2)]);
      gw_csv_append_cell (out, e->party_name);
      csv_int (out, e->member_id, e->member_id != 0);
      gw_csv_append_cell (out, gw_source_class_to_string (e->source_class));
      gw_csv_append_cell (out, drive);
      gw_csv_append_cell (out, e->need_category);
      csv_int (out, e->households, e->households != 0);
      gw_csv_append_cell (out, e->memo);
      gw_csv_append_cell (out, e->recorded_by);
      csv_int (out, e->corrects_id, e->corrects_id != 0);
      csv_int (out, e->replaces_id, e->replaces_id != 0);
      gw_csv_append_cell (out, e->created);
      gw_csv_end_row (out);

      if (out->len > 60000)
        {
          if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), out->str, out->len, NULL, NULL, error))
            {
              sqlite3_reset (stmt);
              goto abandon;
            }
          g_string_truncate (out, 0);
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _gw_store_set_error (self, error);
      goto abandon;
    }

  if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), out->str, out->len, NULL, NULL, error))
    goto abandon;

  return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);

abandon:
  /* Closing a replacing stream cancelled leaves the old file as it was. */
  g_cancellable_cancel (abandon);
  g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
  return FALSE;
}
