/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gw-date.h"
#include "gw-exchange-private.h"
#include "gw-file.h"

/* How many records pass between two looks at the cancellable and two
 * progress reports. */
#define BATCH 4096

typedef struct
{
  GwStore        *store;
  GString        *out;
  GwProgressFunc  progress;
  gpointer        user_data;
  GCancellable   *cancellable;
  gint64          total;
  gint64          done;
} Export;

static gint64
count_rows (GwStore    *store,
            const char *sql)
{
  sqlite3_stmt *stmt = _gw_store_prepare (store, sql, NULL);
  gint64 n = 0;

  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static gboolean
write_table (Export            *self,
             const GwTable     *table,
             GwExchangePrivacy  privacy,
             GError           **error)
{
  g_autofree char *sql = _gw_exchange_select_sql (table, privacy, NULL);
  sqlite3_stmt *stmt = _gw_store_prepare (self->store, sql, error);
  gboolean first = TRUE;
  int rc;

  if (stmt == NULL)
    return FALSE;

  g_string_append_printf (self->out, ",\n\"%s\": [", table->name);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_string_append (self->out, first ? "\n" : ",\n");
      first = FALSE;
      _gw_exchange_write_row (self->store, table, stmt, privacy, FALSE, self->out);

      if (++self->done % BATCH == 0)
        {
          if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
            {
              sqlite3_reset (stmt);
              return FALSE;
            }
          if (self->progress != NULL && self->total > 0)
            self->progress (MIN (1.0, (double) self->done / self->total), self->user_data);
        }
    }

  if (rc != SQLITE_DONE)
    {
      _gw_store_set_error (self->store, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  g_string_append (self->out, first ? "]" : "\n]");
  return TRUE;
}

/* An object of counts keyed by @names, from SQL returning (index, count). */
static void
write_breakdown (Export             *self,
                 const char         *key,
                 const char * const *names,
                 const char         *sql)
{
  guint n_names = g_strv_length ((char **) names);
  g_autofree gint64 *counts = g_new0 (gint64, n_names);
  sqlite3_stmt *stmt = _gw_store_prepare (self->store, sql, NULL);

  if (stmt != NULL)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 index = sqlite3_column_int64 (stmt, 0);

          if (index >= 0 && index < n_names)
            counts[index] += sqlite3_column_int64 (stmt, 1);
        }
      sqlite3_reset (stmt);
    }

  g_string_append_printf (self->out, ", \"%s\": {", key);
  for (guint i = 0; i < n_names; i++)
    g_string_append_printf (self->out, "%s\"%s\": %" G_GINT64_FORMAT,
                            i > 0 ? ", " : "", names[i], counts[i]);
  g_string_append_c (self->out, '}');
}

static void
write_count (Export     *self,
             const char *key,
             const char *sql,
             gboolean    first)
{
  g_string_append_printf (self->out, "%s\"%s\": %" G_GINT64_FORMAT,
                          first ? "" : ", ", key, count_rows (self->store, sql));
}

/* The counts-only summary: numbers, never a name, a record or a UUID. */
static void
write_counts (Export          *self,
              GwExchangeAreas  areas)
{
  static const char * const stances[] = { "friend", "can-be-won", "opponent", "unknown", NULL };
  static const char * const need_statuses[] = {
    "heard", "investigating", "acting", "won", "dropped", NULL
  };
  static const char * const directions[] = { "received", "given-out", "spent", NULL };
  gboolean first = TRUE;

  g_string_append (self->out, ",\n\"counts\": {");

  if (areas & GW_AREA_MEMBERS)
    {
      g_string_append (self->out, "\n\"members\": {");
      write_count (self, "total", "SELECT count(*) FROM members WHERE deleted = 0", TRUE);
      write_breakdown (self, "stages", gw_exchange_stage_names,
                       "SELECT stage, count(*) FROM members WHERE deleted = 0 GROUP BY stage");
      write_breakdown (self, "statuses", gw_exchange_status_names,
                       "SELECT status, count(*) FROM members WHERE deleted = 0 GROUP BY status");
      g_string_append_c (self->out, '}');
      first = FALSE;
    }

  if (areas & GW_AREA_MEETINGS)
    {
      g_string_append_printf (self->out, "%s\n\"meetings\": {", first ? "" : ",");
      write_count (self, "meetings", "SELECT count(*) FROM meetings WHERE deleted = 0", TRUE);
      write_count (self, "attendance",
                   "SELECT count(*) FROM attendance a JOIN meetings m ON m.id = a.meeting_id"
                   " JOIN members p ON p.id = a.member_id WHERE m.deleted = 0 AND p.deleted = 0",
                   FALSE);
      write_count (self, "walk_ins",
                   "SELECT count(*) FROM attendance a JOIN meetings m ON m.id = a.meeting_id"
                   " JOIN members p ON p.id = a.member_id"
                   " WHERE m.deleted = 0 AND p.deleted = 0 AND a.walk_in", FALSE);
      write_count (self, "decisions",
                   "SELECT count(*) FROM decisions d JOIN meetings m ON m.id = d.meeting_id"
                   " WHERE m.deleted = 0", FALSE);
      write_count (self, "action_items",
                   "SELECT count(*) FROM action_items a JOIN meetings m ON m.id = a.meeting_id"
                   " WHERE m.deleted = 0", FALSE);
      write_count (self, "action_items_done",
                   "SELECT count(*) FROM action_items a JOIN meetings m ON m.id = a.meeting_id"
                   " WHERE m.deleted = 0 AND a.done IS NOT NULL", FALSE);
      g_string_append_c (self->out, '}');
      first = FALSE;
    }

  if (areas & GW_AREA_NOTEBOOK)
    {
      g_string_append_printf (self->out, "%s\n\"notebook\": {", first ? "" : ",");
      write_count (self, "notes", "SELECT count(*) FROM notes WHERE deleted = 0", TRUE);
      write_count (self, "forces", "SELECT count(*) FROM forces WHERE deleted = 0", FALSE);
      write_breakdown (self, "stances", stances,
                       "SELECT stance, count(*) FROM forces WHERE deleted = 0 GROUP BY stance");
      write_count (self, "needs", "SELECT count(*) FROM needs WHERE deleted = 0", FALSE);
      write_breakdown (self, "need_statuses", need_statuses,
                       "SELECT status, count(*) FROM needs WHERE deleted = 0 GROUP BY status");
      write_count (self, "contradictions",
                   "SELECT count(*) FROM contradictions WHERE deleted = 0", FALSE);
      write_count (self, "legal_rules", "SELECT count(*) FROM legal_rules WHERE deleted = 0", FALSE);
      g_string_append_c (self->out, '}');
      first = FALSE;
    }

  if (areas & GW_AREA_LEDGER)
    {
      sqlite3_stmt *stmt;
      gboolean first_money = TRUE;

      g_string_append_printf (self->out, "%s\n\"ledger\": {", first ? "" : ",");
      write_count (self, "entries", "SELECT count(*) FROM ledger_entries", TRUE);
      write_count (self, "drives", "SELECT count(*) FROM drives", FALSE);
      write_breakdown (self, "goods_entries", directions,
                       "SELECT direction, count(*) FROM ledger_entries WHERE kind = 1"
                       " GROUP BY direction");

      /* Net totals: reversing entries count negatively (see ledger_totals). */
      g_string_append (self->out, ", \"money\": [");
      stmt = _gw_store_prepare (self->store,
                                "SELECT currency, direction, sum(amount), sum(n) FROM ledger_totals"
                                " GROUP BY currency, direction ORDER BY currency, direction", NULL);
      while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
        {
          int direction = sqlite3_column_int (stmt, 1);

          g_string_append (self->out, first_money ? "{\"currency\": " : ", {\"currency\": ");
          first_money = FALSE;
          _gw_json_string (self->out, (const char *) sqlite3_column_text (stmt, 0));
          g_string_append_printf (self->out, ", \"direction\": \"%s\", \"amount\": %" G_GINT64_FORMAT
                                  ", \"entries\": %" G_GINT64_FORMAT "}",
                                  direction >= 0 && direction < 3 ? directions[direction] : "received",
                                  (gint64) sqlite3_column_int64 (stmt, 2),
                                  (gint64) sqlite3_column_int64 (stmt, 3));
        }
      if (stmt != NULL)
        sqlite3_reset (stmt);
      g_string_append (self->out, "]}");
    }

  g_string_append (self->out, "\n}");
}

/**
 * gw_exchange_export:
 *
 * See gw-exchange.h. Everything is read inside one read transaction, so the
 * file is one consistent picture even while someone else writes.
 */
gboolean
gw_exchange_export (GwStore           *store,
                    const char        *path,
                    GwExchangeAreas    areas,
                    GwExchangePrivacy  privacy,
                    GwProgressFunc     progress,
                    gpointer           user_data,
                    GCancellable      *cancellable,
                    GError           **error)
{
  g_autoptr(GString) out = NULL;
  g_autofree char *now = gw_date_now_utc ();
  g_autofree char *organization = NULL;
  Export self = { store, NULL, progress, user_data, cancellable, 0, 0 };
  gboolean first = TRUE;
  gboolean ok = TRUE;

  g_return_val_if_fail (GW_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail ((areas & ~GW_AREA_ALL) == 0 && areas != 0, FALSE);
  g_return_val_if_fail (privacy <= GW_PRIVACY_COUNTS, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !_gw_store_check_not_own_file (store, path, error))
    return FALSE;

  if (!_gw_store_exec (store, "SAVEPOINT gw_export", error))
    return FALSE;

  out = g_string_sized_new (1 << 20);
  self.out = out;
  organization = gw_store_dup_organization_name (store);

  g_string_append_printf (out, "{\"format\": \"%s\",\n\"version\": %d,\n\"exported\": \"%s\",\n"
                          "\"organization\": ", GW_EXCHANGE_FORMAT, GW_EXCHANGE_VERSION, now);
  _gw_json_string (out, organization);
  g_string_append_printf (out, ",\n\"privacy\": \"%s\",\n\"areas\": [",
                          gw_exchange_privacy_to_string (privacy));
  for (guint bit = GW_AREA_MEMBERS; bit <= GW_AREA_LEDGER; bit <<= 1)
    if (areas & bit)
      {
        g_string_append_printf (out, "%s\"%s\"", first ? "" : ", ", gw_exchange_area_to_string (bit));
        first = FALSE;
      }
  g_string_append_c (out, ']');

  if (privacy == GW_PRIVACY_COUNTS)
    write_counts (&self, areas);
  else
    {
      for (guint i = 0; i < GW_N_TABLES; i++)
        if (areas & gw_exchange_tables[i].area)
          {
            g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s",
                                                    gw_exchange_tables[i].name);
            self.total += count_rows (store, sql);
          }

      for (guint i = 0; ok && i < GW_N_TABLES; i++)
        if (areas & gw_exchange_tables[i].area)
          ok = write_table (&self, &gw_exchange_tables[i], privacy, error);
    }

  _gw_store_exec (store, "RELEASE gw_export", NULL);

  if (!ok || g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  g_string_append (out, "\n}\n");

  if (!gw_file_write_private (path, out->str, out->len, error))
    return FALSE;

  if (progress != NULL)
    progress (1.0, user_data);

  return TRUE;
}
