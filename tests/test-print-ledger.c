/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib.h>

#include "gw-print-test-util.h"
#include "gw-test-util.h"
#include "gw-print-document.h"
#include "gw-print-ledger.h"
#include "gw-store-ledger.h"

/* The ledger's printed reports, written to PDF and read back. */


static gint64
money (GwStore       *store,
       const char    *date,
       GwLedgerDirection direction,
       gint64         amount,
       const char    *currency,
       GwSourceClass  source,
       const char    *name,
       gint64         drive)
{
  g_autoptr(GwLedgerEntry) e = gw_ledger_entry_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  e->date = g_strdup (date);
  e->direction = direction;
  e->amount = amount;
  e->currency = g_strdup (currency);
  e->source_class = source;
  e->party_kind = name ? GW_PARTY_OUTSIDE : GW_PARTY_ANONYMOUS;
  e->party_name = g_strdup (name);
  e->drive_id = drive;
  id = gw_store_record_entry (store, e, &error);
  g_assert_no_error (error);
  return id;
}

static void
goods (GwStore           *store,
       GwLedgerDirection  direction,
       const char        *item,
       gint64             quantity,
       gint64             drive)
{
  g_autoptr(GwLedgerEntry) e = gw_ledger_entry_new ();
  g_autoptr(GError) error = NULL;

  e->date = g_strdup ("2020-01-20");
  e->direction = direction;
  e->kind = GW_LEDGER_GOODS;
  e->item = g_strdup (item);
  e->quantity = quantity;
  e->source_class = direction == GW_LEDGER_RECEIVED ? GW_SOURCE_INDIVIDUAL : GW_SOURCE_NONE;
  e->drive_id = drive;
  gw_store_record_entry (store, e, &error);
  g_assert_no_error (error);
}

static void
fill (GwStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDrive) draft = gw_drive_new ();
  gint64 drive;

  gw_store_set_organization_name (store, "Eastside Tenants", &error);
  draft->name = g_strdup ("Winter coat drive");
  g_ptr_array_add (draft->goals, gw_drive_goal_new_goods ("Coats", 200, NULL));
  g_ptr_array_add (draft->goals, gw_drive_goal_new_money (100000, "EUR"));
  drive = gw_store_add_drive (store, draft, &error);
  g_assert_no_error (error);

  money (store, "2020-01-05", GW_LEDGER_RECEIVED, 12000, "EUR", GW_SOURCE_MEMBER_DUES, NULL, 0);
  money (store, "2020-01-09", GW_LEDGER_RECEIVED, 25000, "EUR", GW_SOURCE_NGO_FOUNDATION, "Commons Fund", drive);
  money (store, "2020-01-15", GW_LEDGER_SPENT, 4550, "EUR", GW_SOURCE_NONE, "Print shop", 0);
  money (store, "2020-02-02", GW_LEDGER_RECEIVED, 9900, "EUR", GW_SOURCE_GOVERNMENT, "City council", 0);
  money (store, "2020-02-03", GW_LEDGER_GIVEN_OUT, 3000, "EUR", GW_SOURCE_NONE, NULL, 0);
  money (store, "2020-02-04", GW_LEDGER_RECEIVED, 5000, "JPY", GW_SOURCE_INDIVIDUAL, NULL, 0);
  goods (store, GW_LEDGER_RECEIVED, "Coats", 80, drive);
  goods (store, GW_LEDGER_GIVEN_OUT, "Coats", 30, drive);
  goods (store, GW_LEDGER_RECEIVED, "Blankets", 12, 0);
}

static void
test_months (GwTestFixture *f,
             gconstpointer  data)
{
  g_autoptr(GwPrintDocument) doc = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  fill (f->store);
  doc = gw_print_ledger_months_new (f->store, NULL, NULL);
  path = render (f, doc, "months");
  text = pdf_text (path, 0, 0);
  g_assert_true (has (text, "Eastside Tenants"));
  g_assert_true (has (text, "Ledger by month"));
  g_assert_true (has (text, "2020-01"));
  g_assert_true (has (text, "370.00 EUR"));    /* January received */
  g_assert_true (has (text, "45.50 EUR"));     /* January spent */
  g_assert_true (has (text, "324.50 EUR"));    /* January balance */
  g_assert_true (has (text, "393.50 EUR"));    /* February's running balance */
  g_assert_true (has (text, "5000 JPY"));
}

static void
test_drives (GwTestFixture *f,
             gconstpointer  data)
{
  g_autoptr(GwPrintDocument) doc = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  fill (f->store);
  doc = gw_print_ledger_drives_new (f->store);
  path = render (f, doc, "drives");
  text = pdf_text (path, 0, 0);
  g_assert_true (has (text, "Winter coat drive"));
  g_assert_true (has (text, "250.00 EUR"));
  g_assert_true (has (text, "1000.00 EUR"));
  g_assert_true (has (text, "Coats"));
  g_assert_true (has (text, "40 %"));          /* 80 of 200 coats */
  g_assert_true (has (text, "25 %"));          /* 250 of 1000 EUR */
}

static void
test_sources (GwTestFixture *f,
              gconstpointer  data)
{
  g_autoptr(GwPrintDocument) doc = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  fill (f->store);
  doc = gw_print_ledger_sources_new (f->store, "2020-01", "2020-02");
  path = render (f, doc, "sources");
  text = pdf_text (path, 0, 0);
  g_assert_true (has (text, "Where the money comes from"));
  g_assert_true (has (text, "Member dues"));
  g_assert_true (has (text, "NGO or foundation"));
  g_assert_true (has (text, "Government (forbidden)"));
  g_assert_true (has (text, "Largest single source: Commons Fund"));
  g_assert_true (has (text, "Received from a forbidden source"));
  g_assert_true (has (text, "City council"));
  g_assert_true (has (text, "99.00 EUR"));
}

static void
test_goods (GwTestFixture *f,
            gconstpointer  data)
{
  g_autoptr(GwPrintDocument) doc = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean found = FALSE;

  fill (f->store);
  doc = gw_print_goods_on_hand_new (f->store);
  path = render (f, doc, "goods");
  text = pdf_text (path, 0, 0);
  g_assert_true (has (text, "Goods on hand"));
  g_assert_true (has (text, "Blankets"));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "Coats") != NULL)
      {
        g_auto(GStrv) words = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
        g_autofree char *joined = NULL;
        g_autoptr(GPtrArray) kept = g_ptr_array_new ();

        for (guint j = 0; words[j] != NULL; j++)
          if (*words[j] != '\0')
            g_ptr_array_add (kept, words[j]);
        g_ptr_array_add (kept, NULL);
        joined = g_strjoinv (" ", (char **) kept->pdata);
        g_assert_cmpstr (joined, ==, "Coats 80 30 0 50");
        found = TRUE;
      }
  g_assert_true (found);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/print/ledger/months", GwTestFixture, NULL, gw_test_fixture_set_up, test_months, gw_test_fixture_tear_down);
  g_test_add ("/print/ledger/drives", GwTestFixture, NULL, gw_test_fixture_set_up, test_drives, gw_test_fixture_tear_down);
  g_test_add ("/print/ledger/sources", GwTestFixture, NULL, gw_test_fixture_set_up, test_sources, gw_test_fixture_tear_down);
  g_test_add ("/print/ledger/goods", GwTestFixture, NULL, gw_test_fixture_set_up, test_goods, gw_test_fixture_tear_down);

  return g_test_run ();
}
