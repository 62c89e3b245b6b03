/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "gw-date.h"
#include "gw-print-ledger.h"
#include "gw-store-ledger.h"

static GwPrintDocument *
new_document (GwStore    *store,
              const char *title,
              const char *from,
              const char *to)
{
  GwPrintDocument *doc = gw_print_document_new (title);
  g_autofree char *organization = gw_store_dup_organization_name (store);
  g_autofree char *today = gw_date_today ();

  gw_print_document_set_organization (doc, organization);
  gw_print_document_set_running_head (doc, title);
  gw_print_document_set_date (doc, today);

  if (from != NULL || to != NULL)
    {
      g_autofree char *period = NULL;

      /* Translators: the months a report covers, "2030-01 to 2030-06". */
      period = g_strdup_printf (_("%s to %s"),
                                from ? from : _("the beginning"),
                                to ? to : _("today"));
      gw_print_document_add_subtitle (doc, period);
    }
  return doc;
}

static GwPrintTable *
money_table (const char *first_column)
{
  GwPrintTable *table = gw_print_table_new (GW_PRINT_TABLE_STYLE_LIST);

  gw_print_table_add_column (table, first_column, GW_PRINT_COLUMN_PRIMARY);
  gw_print_table_add_column (table, _("Received"), GW_PRINT_COLUMN_NUMERIC);
  gw_print_table_add_column (table, _("Given out"), GW_PRINT_COLUMN_NUMERIC);
  gw_print_table_add_column (table, _("Spent"), GW_PRINT_COLUMN_NUMERIC);
  gw_print_table_add_column (table, _("Balance"), GW_PRINT_COLUMN_NUMERIC | GW_PRINT_COLUMN_BOLD);
  return table;
}

static void
add_money_row (GwPrintTable         *table,
               const char           *label,
               const GwLedgerTotals *t)
{
  char **cells = g_new0 (char *, 6);

  cells[0] = g_strdup (label);
  cells[1] = gw_money_format (t->received, t->currency);
  cells[2] = gw_money_format (t->given_out, t->currency);
  cells[3] = gw_money_format (t->spent, t->currency);
  cells[4] = gw_money_format (t->balance, t->currency);
  gw_print_table_take_row (table, cells);
}

/* One table per currency, in the order rows first name them. */
static void
add_by_currency (GwPrintDocument *doc,
                 GPtrArray       *rows,
                 const char      *first_column,
                 gboolean         by_month)
{
  g_autoptr(GPtrArray) currencies = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < rows->len; i++)
    {
      GwLedgerTotals *t = g_ptr_array_index (rows, i);

      if (!g_ptr_array_find_with_equal_func (currencies, t->currency, g_str_equal, NULL))
        g_ptr_array_add (currencies, g_strdup (t->currency));
    }

  for (guint c = 0; c < currencies->len; c++)
    {
      const char *currency = g_ptr_array_index (currencies, c);
      g_autoptr(GwPrintTable) table = money_table (first_column);

      gw_print_document_add_heading (doc, currency);
      for (guint i = 0; i < rows->len; i++)
        {
          GwLedgerTotals *t = g_ptr_array_index (rows, i);

          if (g_str_equal (t->currency, currency))
            add_money_row (table, by_month ? t->month : t->label, t);
        }
      gw_print_document_add_table (doc, g_steal_pointer (&table));
    }
}

/**
 * gw_print_ledger_months_new:
 *
 * Returns: (transfer full): the monthly report, ready to paginate
 */
GwPrintDocument *
gw_print_ledger_months_new (GwStore    *store,
                            const char *from,
                            const char *to)
{
  g_autoptr(GPtrArray) rows = NULL;
  GwPrintDocument *doc;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);

  doc = new_document (store, _("Ledger by month"), from, to);
  rows = gw_store_report_months (store, from, to);
  if (rows->len == 0)
    gw_print_document_add_paragraph (doc, _("No money was recorded in this period."));
  else
    {
      gw_print_document_add_paragraph (doc, _("The balance is the running balance at the end of each month, counting every earlier month."));
      add_by_currency (doc, rows, _("Month"), TRUE);
    }
  return doc;
}

/**
 * gw_print_ledger_drives_new:
 *
 * Returns: (transfer full): the report by drive, ready to paginate
 */
GwPrintDocument *
gw_print_ledger_drives_new (GwStore *store)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) drives = NULL;
  GwPrintDocument *doc;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);

  doc = new_document (store, _("Ledger by drive"), NULL, NULL);
  rows = gw_store_report_drives (store);
  drives = gw_store_list_drives (store);

  if (drives->len == 0)
    {
      gw_print_document_add_paragraph (doc, _("There are no drives yet."));
      return doc;
    }

  if (rows->len > 0)
    add_by_currency (doc, rows, _("Drive"), FALSE);

  gw_print_document_add_heading (doc, _("Goals"));
  {
    g_autoptr(GwPrintTable) table = gw_print_table_new (GW_PRINT_TABLE_STYLE_LIST);

    gw_print_table_add_column (table, _("Drive"), GW_PRINT_COLUMN_PRIMARY);
    gw_print_table_add_column (table, _("Goal"), GW_PRINT_COLUMN_WRAP);
    gw_print_table_add_column (table, _("So far"), GW_PRINT_COLUMN_NUMERIC);
    gw_print_table_add_column (table, _("Share"), GW_PRINT_COLUMN_NUMERIC);

    for (guint i = 0; i < drives->len; i++)
      {
        GwDrive *drive = g_ptr_array_index (drives, i);

        for (guint j = 0; j < drive->goals->len; j++)
          {
            GwDriveGoal *goal = g_ptr_array_index (drive->goals, j);
            gint64 target = goal->kind == GW_LEDGER_MONEY ? goal->amount : goal->quantity;
            char **cells = g_new0 (char *, 5);

            cells[0] = g_strdup (drive->name);
            if (goal->kind == GW_LEDGER_MONEY)
              {
                cells[1] = gw_money_format (goal->amount, goal->currency);
                cells[2] = gw_money_format (goal->progress, goal->currency);
              }
            else
              {
                cells[1] = gw_goods_format (goal->quantity, goal->unit, goal->item);
                cells[2] = g_strdup_printf ("%" PRId64, goal->progress);
              }
            cells[3] = g_strdup_printf ("%d %%", target > 0 ? (int) (100 * goal->progress / target) : 0);
            gw_print_table_take_row (table, cells);
          }
      }
    gw_print_document_add_table (doc, g_steal_pointer (&table));
  }
  return doc;
}

/**
 * gw_print_ledger_sources_new:
 *
 * Returns: (transfer full): the report by source class, ready to paginate
 */
GwPrintDocument *
gw_print_ledger_sources_new (GwStore    *store,
                             const char *from,
                             const char *to)
{
  g_autoptr(GwIndependence) ind = NULL;
  GwPrintDocument *doc;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);

  doc = new_document (store, _("Where the money comes from"), from, to);
  ind = gw_store_get_independence (store, from, to, NULL);
  if (ind == NULL || ind->currencies->len == 0)
    {
      gw_print_document_add_paragraph (doc, _("No money was received in this period."));
      return doc;
    }

  for (guint c = 0; c < ind->currencies->len; c++)
    {
      GwIndependenceCurrency *fig = g_ptr_array_index (ind->currencies, c);
      g_autoptr(GwPrintTable) table = gw_print_table_new (GW_PRINT_TABLE_STYLE_LIST);

      gw_print_document_add_heading (doc, fig->currency);
      gw_print_table_add_column (table, _("Source"), GW_PRINT_COLUMN_PRIMARY);
      gw_print_table_add_column (table, _("Received"), GW_PRINT_COLUMN_NUMERIC);
      gw_print_table_add_column (table, _("Share"), GW_PRINT_COLUMN_NUMERIC);
      for (int s = 0; s < GW_N_SOURCE_CLASSES; s++)
        {
          char **cells;

          if (fig->by_source[s] == 0)
            continue;
          cells = g_new0 (char *, 4);
          cells[0] = g_strdup (gw_source_class_to_label (s));
          if (gw_ledger_is_forbidden (store, s))
            {
              /* Translators: a source class the organization's policy forbids. */
              g_autofree char *label = g_strdup_printf (_("%s (forbidden)"), cells[0]);

              g_free (cells[0]);
              cells[0] = g_steal_pointer (&label);
            }
          cells[1] = gw_money_format (fig->by_source[s], fig->currency);
          cells[2] = g_strdup_printf ("%.1f %%", 100.0 * fig->share[s]);
          gw_print_table_take_row (table, cells);
        }
      {
        char **cells = g_new0 (char *, 4);

        cells[0] = g_strdup (_("Total"));
        cells[1] = gw_money_format (fig->received, fig->currency);
        cells[2] = g_strdup ("100 %");
        gw_print_table_take_row (table, cells);
      }
      gw_print_document_add_table (doc, g_steal_pointer (&table));

      if (fig->largest_name != NULL)
        {
          g_autofree char *amount = gw_money_format (fig->largest_amount, fig->currency);
          g_autofree char *line = NULL;

          /* Translators: "Largest single source: City Fund, 4000.00 EUR (40.0 % of money received)." */
          line = g_strdup_printf (_("Largest single source: %s, %s (%.1f %% of money received)."),
                                  fig->largest_name, amount, 100.0 * fig->largest_share);
          gw_print_document_add_paragraph (doc, line);
        }
    }

  if (ind->forbidden->len > 0)
    {
      g_autoptr(GwPrintTable) table = gw_print_table_new (GW_PRINT_TABLE_STYLE_LIST);

      gw_print_document_add_heading (doc, _("Received from a forbidden source"));
      gw_print_table_add_column (table, _("Date"), GW_PRINT_COLUMN_DEFAULT);
      gw_print_table_add_column (table, _("From"), GW_PRINT_COLUMN_PRIMARY);
      gw_print_table_add_column (table, _("Source"), GW_PRINT_COLUMN_DEFAULT);
      gw_print_table_add_column (table, _("Amount"), GW_PRINT_COLUMN_NUMERIC);
      for (guint i = 0; i < ind->forbidden->len; i++)
        {
          GwLedgerEntry *e = g_ptr_array_index (ind->forbidden, i);
          char **cells = g_new0 (char *, 5);

          cells[0] = gw_date_format (e->date);
          cells[1] = g_strdup (e->party_name ? e->party_name : _("Anonymous"));
          cells[2] = g_strdup (gw_source_class_to_label (e->source_class));
          if (e->kind == GW_LEDGER_MONEY)
            cells[3] = gw_money_format (e->amount, e->currency);
          else
            cells[3] = gw_goods_format (e->quantity, e->unit, e->item);
          gw_print_table_take_row (table, cells);
        }
      gw_print_document_add_table (doc, g_steal_pointer (&table));
    }
  return doc;
}

/**
 * gw_print_goods_on_hand_new:
 *
 * Returns: (transfer full): goods on hand, ready to paginate
 */
GwPrintDocument *
gw_print_goods_on_hand_new (GwStore *store)
{
  g_autoptr(GPtrArray) goods = NULL;
  g_autoptr(GwPrintTable) table = NULL;
  GwPrintDocument *doc;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);

  doc = new_document (store, _("Goods on hand"), NULL, NULL);
  goods = gw_store_list_goods_on_hand (store);
  if (goods->len == 0)
    {
      gw_print_document_add_paragraph (doc, _("No goods were recorded yet."));
      return doc;
    }

  table = gw_print_table_new (GW_PRINT_TABLE_STYLE_LIST);
  gw_print_table_add_column (table, _("Item"), GW_PRINT_COLUMN_PRIMARY);
  gw_print_table_add_column (table, _("Unit"), GW_PRINT_COLUMN_DEFAULT);
  gw_print_table_add_column (table, _("Received"), GW_PRINT_COLUMN_NUMERIC);
  gw_print_table_add_column (table, _("Given out"), GW_PRINT_COLUMN_NUMERIC);
  gw_print_table_add_column (table, _("Used"), GW_PRINT_COLUMN_NUMERIC);
  gw_print_table_add_column (table, _("On hand"), GW_PRINT_COLUMN_NUMERIC | GW_PRINT_COLUMN_BOLD);
  for (guint i = 0; i < goods->len; i++)
    {
      GwGoodsOnHand *g = g_ptr_array_index (goods, i);
      char **cells = g_new0 (char *, 7);

      cells[0] = g_strdup (g->item);
      cells[1] = g_strdup (g->unit);
      cells[2] = g_strdup_printf ("%" PRId64, g->received);
      cells[3] = g_strdup_printf ("%" PRId64, g->given_out);
      cells[4] = g_strdup_printf ("%" PRId64, g->used);
      cells[5] = g_strdup_printf ("%" PRId64, g->on_hand);
      gw_print_table_take_row (table, cells);
    }
  gw_print_document_add_table (doc, g_steal_pointer (&table));
  return doc;
}
