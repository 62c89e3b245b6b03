/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "gw-date.h"
#include "gw-test-util.h"
#include "gw-store-ledger.h"

static gint64
record_money (GwStore       *store,
              const char    *date,
              GwLedgerDirection direction,
              gint64         amount,
              const char    *currency,
              GwSourceClass  source,
              GwPartyKind    party,
              const char    *name,
              gint64         drive)
{
  g_autoptr(GwLedgerEntry) e = gw_ledger_entry_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  e->date = g_strdup (date);
  e->direction = direction;
  e->kind = GW_LEDGER_MONEY;
  e->amount = amount;
  e->currency = g_strdup (currency);
  e->source_class = direction == GW_LEDGER_RECEIVED ? source : GW_SOURCE_NONE;
  e->party_kind = party;
  e->party_name = g_strdup (name);
  e->drive_id = drive;
  id = gw_store_record_entry (store, e, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
record_goods (GwStore           *store,
              const char        *date,
              GwLedgerDirection  direction,
              const char        *item,
              gint64             quantity,
              const char        *unit,
              gint64             drive,
              int                households)
{
  g_autoptr(GwLedgerEntry) e = gw_ledger_entry_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  e->date = g_strdup (date);
  e->direction = direction;
  e->kind = GW_LEDGER_GOODS;
  e->item = g_strdup (item);
  e->quantity = quantity;
  e->unit = g_strdup (unit);
  e->source_class = direction == GW_LEDGER_RECEIVED ? GW_SOURCE_INDIVIDUAL : GW_SOURCE_NONE;
  e->drive_id = drive;
  e->households = households;
  if (direction == GW_LEDGER_GIVEN_OUT)
    e->need_category = g_strdup ("Winter clothing");
  id = gw_store_record_entry (store, e, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
total_entries (GwTestFixture *f)
{
  return gw_test_sql_int (f->path, "SELECT count(*) FROM ledger_entries");
}

static void
test_append_only (GwTestFixture *f,
                  gconstpointer  data)
{
  gint64 id = record_money (f->store, "2020-01-05", GW_LEDGER_RECEIVED, 1250, "EUR",
                            GW_SOURCE_INDIVIDUAL, GW_PARTY_OUTSIDE, "Rosa", 0);
  g_autofree char *errmsg = NULL;
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("UPDATE ledger_entries SET amount = 1 WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpint (gw_test_sql_exec (f->path, sql, &errmsg), !=, SQLITE_OK);
  g_assert_nonnull (strstr (errmsg, "append-only"));
  g_clear_pointer (&errmsg, g_free);
  g_clear_pointer (&sql, g_free);

  sql = g_strdup_printf ("DELETE FROM ledger_entries WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpint (gw_test_sql_exec (f->path, sql, &errmsg), !=, SQLITE_OK);
  g_assert_nonnull (strstr (errmsg, "append-only"));

  g_assert_cmpint (gw_test_sql_int (f->path, "SELECT amount FROM ledger_entries"), ==, 1250);
  g_assert_cmpint (total_entries (f), ==, 1);
}

static void
count_signal (GwStore *store,
              gint64   id,
              guint   *count)
{
  (*count)++;
}

static void
test_corrections (GwTestFixture *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwLedgerEntry) replacement = gw_ledger_entry_new ();
  g_autoptr(GwLedgerEntry) original = NULL;
  g_autoptr(GwLedgerEntry) reversal = NULL;
  g_autoptr(GwLedgerEntry) fixed = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) balances = NULL;
  gint64 id, rev, new_id = 0;
  guint signals = 0;

  id = record_money (f->store, "2020-02-01", GW_LEDGER_RECEIVED, 10000, "EUR",
                     GW_SOURCE_INDIVIDUAL, GW_PARTY_OUTSIDE, "Rosa", 0);

  g_signal_connect (f->store, "ledger-changed", G_CALLBACK (count_signal), &signals);

  replacement->date = g_strdup ("2020-02-01");
  replacement->amount = 1000;
  replacement->currency = g_strdup ("EUR");
  replacement->source_class = GW_SOURCE_INDIVIDUAL;
  replacement->party_kind = GW_PARTY_OUTSIDE;
  replacement->party_name = g_strdup ("Rosa");

  /* No reason: refused, nothing written. */
  g_assert_cmpint (gw_store_correct_entry (f->store, id, replacement, "  ", "Ana", NULL, &error), ==, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (total_entries (f), ==, 1);

  rev = gw_store_correct_entry (f->store, id, replacement, "Typed 100 for 10", "Ana", &new_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rev, >, 0);
  g_assert_cmpint (new_id, >, 0);
  g_assert_cmpuint (signals, ==, 2);

  original = gw_store_load_entry (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (original->corrected_by_id, ==, rev);
  reversal = gw_store_load_entry (f->store, rev, &error);
  g_assert_cmpint (reversal->corrects_id, ==, id);
  g_assert_cmpint (reversal->amount, ==, 10000);
  g_assert_cmpstr (reversal->date, ==, "2020-02-01");
  g_assert_cmpstr (reversal->memo, ==, "Typed 100 for 10");
  g_assert_cmpint (gw_ledger_entry_get_sign (reversal), ==, -1);
  fixed = gw_store_load_entry (f->store, new_id, &error);
  g_assert_cmpint (fixed->replaces_id, ==, id);

  /* All three are visible. */
  list = gw_store_list_ledger (f->store, NULL, 0, 0);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpuint (gw_store_count_ledger (f->store, NULL), ==, 3);

  balances = gw_store_list_balances (f->store);
  g_assert_cmpuint (balances->len, ==, 1);
  g_assert_cmpint (((GwLedgerTotals *) g_ptr_array_index (balances, 0))->balance, ==, 1000);

  /* An entry is corrected once, and a reversal never. */
  g_assert_cmpint (gw_store_correct_entry (f->store, id, NULL, "Again", "Ana", NULL, &error), ==, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (gw_store_correct_entry (f->store, rev, NULL, "Again", "Ana", NULL, &error), ==, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (total_entries (f), ==, 3);

  /* The database refuses a second reversal on its own too. */
  {
    g_autofree char *errmsg = NULL;
    g_autofree char *sql = g_strdup_printf (
      "INSERT INTO ledger_entries (uuid, date, direction, kind, amount, currency, party_kind,"
      " source_class, corrects_id, created) VALUES ('x', '2020-02-01', 0, 0, 5, 'EUR', 0, 1, %"
      G_GINT64_FORMAT ", 'now')", id);

    g_assert_cmpint (gw_test_sql_exec (f->path, sql, &errmsg), !=, SQLITE_OK);
  }

  /* The replacement can itself be corrected (without a new one). */
  g_assert_cmpint (gw_store_correct_entry (f->store, new_id, NULL, "Never came", "Ana", NULL, &error), >, 0);
  g_assert_no_error (error);
  g_clear_pointer (&balances, g_ptr_array_unref);
  balances = gw_store_list_balances (f->store);
  g_assert_cmpint (((GwLedgerTotals *) g_ptr_array_index (balances, 0))->balance, ==, 0);
}

static void
test_validation (GwTestFixture *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwLedgerEntry) e = gw_ledger_entry_new ();
  struct { const char *date; gint64 amount; const char *currency; int direction; int source; } bad[] = {
    { "2020-02-30", 100, "EUR", GW_LEDGER_RECEIVED, GW_SOURCE_INDIVIDUAL },
    { "2020-02-01", 0, "EUR", GW_LEDGER_RECEIVED, GW_SOURCE_INDIVIDUAL },
    { "2020-02-01", -5, "EUR", GW_LEDGER_RECEIVED, GW_SOURCE_INDIVIDUAL },
    { "2020-02-01", 100, "eur", GW_LEDGER_RECEIVED, GW_SOURCE_INDIVIDUAL },
    { "2020-02-01", 100, "EURO", GW_LEDGER_RECEIVED, GW_SOURCE_INDIVIDUAL },
    { "2020-02-01", 100, "EUR", GW_LEDGER_RECEIVED, GW_SOURCE_NONE },
    { "2020-02-01", 100, "EUR", GW_LEDGER_SPENT, GW_SOURCE_BUSINESS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_free (e->date);
      e->date = g_strdup (bad[i].date);
      e->amount = bad[i].amount;
      g_free (e->currency);
      e->currency = g_strdup (bad[i].currency);
      e->direction = bad[i].direction;
      e->source_class = bad[i].source;
      g_assert_cmpint (gw_store_record_entry (f->store, e, &error), ==, 0);
      g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }

  /* Goods without an item or with no quantity; a member not on the roster. */
  e->direction = GW_LEDGER_RECEIVED;
  e->source_class = GW_SOURCE_INDIVIDUAL;
  e->kind = GW_LEDGER_GOODS;
  e->quantity = 3;
  g_assert_cmpint (gw_store_record_entry (f->store, e, &error), ==, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  e->item = g_strdup ("Coats");
  e->quantity = 0;
  g_assert_cmpint (gw_store_record_entry (f->store, e, &error), ==, 0);
  g_clear_error (&error);
  e->quantity = 3;
  e->party_kind = GW_PARTY_MEMBER;
  e->member_id = 999;
  g_assert_cmpint (gw_store_record_entry (f->store, e, &error), ==, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  e->party_kind = GW_PARTY_OUTSIDE;
  g_assert_cmpint (gw_store_record_entry (f->store, e, &error), ==, 0);  /* no name */
  g_clear_error (&error);

  g_assert_cmpint (total_entries (f), ==, 0);

  /* A member's name is kept with the entry. */
  {
    gint64 ada = gw_test_add (f->store, "Ada Okafor");
    g_autoptr(GwLedgerEntry) loaded = NULL;
    gint64 id;

    e->party_kind = GW_PARTY_MEMBER;
    e->member_id = ada;
    id = gw_store_record_entry (f->store, e, &error);
    g_assert_no_error (error);
    loaded = gw_store_load_entry (f->store, id, &error);
    g_assert_cmpstr (loaded->party_name, ==, "Ada Okafor");
  }
}

static void
test_balances_and_goods (GwTestFixture *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) balances = NULL;
  g_autoptr(GPtrArray) goods = NULL;
  GwLedgerTotals *eur, *usd;
  GwGoodsOnHand *coats;

  record_money (f->store, "2020-01-05", GW_LEDGER_RECEIVED, 5000, "EUR", GW_SOURCE_MEMBER_DUES, GW_PARTY_ANONYMOUS, NULL, 0);
  record_money (f->store, "2020-01-06", GW_LEDGER_RECEIVED, 2500, "EUR", GW_SOURCE_INDIVIDUAL, GW_PARTY_ANONYMOUS, NULL, 0);
  record_money (f->store, "2020-01-07", GW_LEDGER_SPENT, 1200, "EUR", GW_SOURCE_NONE, GW_PARTY_OUTSIDE, "Print shop", 0);
  record_money (f->store, "2020-01-08", GW_LEDGER_GIVEN_OUT, 300, "EUR", GW_SOURCE_NONE, GW_PARTY_ANONYMOUS, NULL, 0);
  record_money (f->store, "2020-01-09", GW_LEDGER_RECEIVED, 700, "USD", GW_SOURCE_INDIVIDUAL, GW_PARTY_ANONYMOUS, NULL, 0);

  record_goods (f->store, "2020-01-10", GW_LEDGER_RECEIVED, "Coats", 40, "", 0, 0);
  record_goods (f->store, "2020-01-11", GW_LEDGER_RECEIVED, "coats", 5, "", 0, 0);
  record_goods (f->store, "2020-01-12", GW_LEDGER_GIVEN_OUT, "Coats", 12, "", 0, 9);
  record_goods (f->store, "2020-01-12", GW_LEDGER_RECEIVED, "Rice", 20, "kg", 0, 0);

  balances = gw_store_list_balances (f->store);
  g_assert_cmpuint (balances->len, ==, 2);
  eur = g_ptr_array_index (balances, 0);
  usd = g_ptr_array_index (balances, 1);
  g_assert_cmpstr (eur->currency, ==, "EUR");
  g_assert_cmpint (eur->received, ==, 7500);
  g_assert_cmpint (eur->spent, ==, 1200);
  g_assert_cmpint (eur->given_out, ==, 300);
  g_assert_cmpint (eur->balance, ==, 6000);
  g_assert_cmpstr (usd->currency, ==, "USD");
  g_assert_cmpint (usd->balance, ==, 700);

  goods = gw_store_list_goods_on_hand (f->store);
  g_assert_cmpuint (goods->len, ==, 2);
  coats = g_ptr_array_index (goods, 0);
  g_assert_cmpstr (coats->item, ==, "Coats");
  g_assert_cmpint (coats->received, ==, 45);
  g_assert_cmpint (coats->given_out, ==, 12);
  g_assert_cmpint (coats->on_hand, ==, 33);
  g_assert_cmpint (((GwGoodsOnHand *) g_ptr_array_index (goods, 1))->on_hand, ==, 20);

  /* Filters and paging. */
  {
    GwLedgerFilter filter;
    g_autoptr(GPtrArray) page = NULL;

    gw_ledger_filter_init (&filter);
    filter.kind = GW_LEDGER_GOODS;
    g_assert_cmpuint (gw_store_count_ledger (f->store, &filter), ==, 4);
    page = gw_store_list_ledger (f->store, &filter, 1, 2);
    g_assert_cmpuint (page->len, ==, 2);
    g_assert_cmpstr (((GwLedgerEntry *) g_ptr_array_index (page, 0))->date, ==, "2020-01-12");
    g_assert_cmpstr (((GwLedgerEntry *) g_ptr_array_index (page, 1))->date, ==, "2020-01-11");
    g_assert_cmpuint (gw_store_count_ledger (f->store, NULL), ==, 9);
  }
}

/* The ledger records what has happened: an entry dated after today is
 * refused, saying why, and nothing is recorded; today is accepted. A
 * correction's replacement is held to the same rule. */
static void
test_refuses_future (GwTestFixture *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwLedgerEntry) e = gw_ledger_entry_new ();
  g_autofree char *today = gw_date_today ();
  g_autofree char *tomorrow = gw_date_add_days (today, 1);
  g_autofree char *expected = NULL;
  gint64 id;

  e->direction = GW_LEDGER_RECEIVED;
  e->kind = GW_LEDGER_GOODS;
  e->item = g_strdup ("Coats");
  e->quantity = 4;
  e->source_class = GW_SOURCE_INDIVIDUAL;

  for (guint i = 0; i < 2; i++)
    {
      g_free (e->date);
      e->date = g_strdup (i == 0 ? tomorrow : "2126-11-01");
      g_assert_cmpint (gw_store_record_entry (f->store, e, &error), ==, 0);
      g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
      expected = g_strdup_printf ("%s is after today. Entries are recorded once they have happened: "
                                  "use today’s date or an earlier one.", e->date);
      g_assert_cmpstr (error->message, ==, expected);
      g_clear_pointer (&expected, g_free);
      g_clear_error (&error);
    }
  g_assert_cmpint (total_entries (f), ==, 0);

  g_assert_false (gw_ledger_check_date ("2126-11-01", NULL));
  g_assert_false (gw_ledger_check_date ("2020-02-30", &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (gw_ledger_check_date (today, &error));
  g_assert_no_error (error);

  g_free (e->date);
  e->date = g_strdup (today);
  id = gw_store_record_entry (f->store, e, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* Corrected to a later day: refused, and the entry is not reversed. */
  g_free (e->date);
  e->date = g_strdup (tomorrow);
  g_assert_cmpint (gw_store_correct_entry (f->store, id, e, "Wrong day", "Ana", NULL, &error), ==, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_assert_cmpint (total_entries (f), ==, 1);
}

/* The quantity on hand of one item, as the interface asks before giving
 * out more than there is: matched ignoring case and spaces, per unit;
 * nothing for an item never recorded; below zero once overdrawn. */
static void
test_goods_on_hand_of_item (GwTestFixture *f,
                            gconstpointer  data)
{
  record_goods (f->store, "2020-01-10", GW_LEDGER_RECEIVED, "Coats", 60, NULL, 0, 0);
  record_goods (f->store, "2020-01-11", GW_LEDGER_GIVEN_OUT, "coats", 2, "", 0, 1);
  record_goods (f->store, "2020-01-12", GW_LEDGER_RECEIVED, "Rice", 25, "kg", 0, 0);
  record_goods (f->store, "2020-01-13", GW_LEDGER_SPENT, "Rice", 5, "KG", 0, 0);

  g_assert_cmpint (gw_store_get_goods_on_hand (f->store, "Coats", NULL), ==, 58);
  g_assert_cmpint (gw_store_get_goods_on_hand (f->store, " COATS ", ""), ==, 58);
  g_assert_cmpint (gw_store_get_goods_on_hand (f->store, "Rice", "kg"), ==, 20);
  g_assert_cmpint (gw_store_get_goods_on_hand (f->store, "Rice", NULL), ==, 0);
  g_assert_cmpint (gw_store_get_goods_on_hand (f->store, "Blankets", NULL), ==, 0);
  g_assert_cmpint (gw_store_get_goods_on_hand (f->store, "", NULL), ==, 0);

  /* The core still records more than is on hand: goods may have been
   * counted wrong before. */
  record_goods (f->store, "2020-01-14", GW_LEDGER_GIVEN_OUT, "Blankets", 3, NULL, 0, 1);
  g_assert_cmpint (gw_store_get_goods_on_hand (f->store, "Blankets", NULL), ==, -3);
}

static void
test_drives (GwTestFixture *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDrive) draft = gw_drive_new ();
  g_autoptr(GwDrive) drive = NULL;
  g_autoptr(GPtrArray) report = NULL;
  gint64 id;

  draft->name = g_strdup ("Winter coats");
  draft->start_date = g_strdup ("2020-01-01");
  draft->end_date = g_strdup ("2020-02-28");
  g_ptr_array_add (draft->goals, gw_drive_goal_new_goods ("Coats", 100, NULL));
  g_ptr_array_add (draft->goals, gw_drive_goal_new_money (50000, "EUR"));
  id = gw_store_add_drive (f->store, draft, &error);
  g_assert_no_error (error);

  /* Same name, any case: refused. */
  g_free (draft->name);
  draft->name = g_strdup ("WINTER COATS");
  g_assert_cmpint (gw_store_add_drive (f->store, draft, &error), ==, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  record_goods (f->store, "2020-01-10", GW_LEDGER_RECEIVED, "coats", 30, "", id, 0);
  record_money (f->store, "2020-01-11", GW_LEDGER_RECEIVED, 12000, "EUR", GW_SOURCE_INDIVIDUAL, GW_PARTY_ANONYMOUS, NULL, id);

  drive = gw_store_load_drive (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drive->goals->len, ==, 2);
  g_assert_cmpint (((GwDriveGoal *) g_ptr_array_index (drive->goals, 0))->progress, ==, 30);
  g_assert_cmpint (((GwDriveGoal *) g_ptr_array_index (drive->goals, 1))->progress, ==, 12000);
  g_assert_cmpint (drive->n_entries, ==, 2);

  /* Drives may be edited. */
  g_free (drive->name);
  drive->name = g_strdup ("Winter coats 2020");
  g_ptr_array_remove_index (drive->goals, 1);
  g_assert_true (gw_store_update_drive (f->store, drive, &error));
  g_assert_no_error (error);
  g_clear_pointer (&drive, gw_drive_free);
  drive = gw_store_load_drive (f->store, id, &error);
  g_assert_cmpstr (drive->name, ==, "Winter coats 2020");
  g_assert_cmpuint (drive->goals->len, ==, 1);

  /* A drive with entries is kept. */
  g_assert_false (gw_store_delete_drive (f->store, id, &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  report = gw_store_report_drives (f->store);
  g_assert_cmpuint (report->len, ==, 1);
  g_assert_cmpstr (((GwLedgerTotals *) g_ptr_array_index (report, 0))->label, ==, "Winter coats 2020");
  g_assert_cmpint (((GwLedgerTotals *) g_ptr_array_index (report, 0))->received, ==, 12000);
}

static void
test_independence (GwTestFixture *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwIndependence) ind = NULL;
  g_autoptr(GPtrArray) forbidden = NULL;
  GwIndependenceCurrency *eur;
  gint64 grant, gov;
  gboolean policy[GW_N_SOURCE_CLASSES] = { 0 };

  record_money (f->store, "2020-01-05", GW_LEDGER_RECEIVED, 1000, "EUR", GW_SOURCE_MEMBER_DUES, GW_PARTY_OUTSIDE, "Ana", 0);
  record_money (f->store, "2020-02-05", GW_LEDGER_RECEIVED, 1000, "EUR", GW_SOURCE_MEMBER_DUES, GW_PARTY_OUTSIDE, "ana", 0);
  record_money (f->store, "2020-02-06", GW_LEDGER_RECEIVED, 1500, "EUR", GW_SOURCE_INDIVIDUAL, GW_PARTY_OUTSIDE, "Luis", 0);
  grant = record_money (f->store, "2020-03-01", GW_LEDGER_RECEIVED, 4000, "EUR", GW_SOURCE_NGO_FOUNDATION, GW_PARTY_OUTSIDE, "Fund", 0);
  gov = record_money (f->store, "2020-03-02", GW_LEDGER_RECEIVED, 2500, "EUR", GW_SOURCE_GOVERNMENT, GW_PARTY_OUTSIDE, "City council", 0);
  record_money (f->store, "2019-12-01", GW_LEDGER_RECEIVED, 99999, "EUR", GW_SOURCE_BUSINESS, GW_PARTY_OUTSIDE, "Old", 0);

  g_assert_true (gw_ledger_is_forbidden (f->store, GW_SOURCE_GOVERNMENT));
  g_assert_false (gw_ledger_is_forbidden (f->store, GW_SOURCE_BUSINESS));

  ind = gw_store_get_independence (f->store, "2020-01-01", "2020-03-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ind->currencies->len, ==, 1);
  eur = g_ptr_array_index (ind->currencies, 0);
  g_assert_cmpint (eur->received, ==, 10000);
  g_assert_cmpint (eur->by_source[GW_SOURCE_MEMBER_DUES], ==, 2000);
  g_assert_cmpfloat_with_epsilon (eur->share[GW_SOURCE_NGO_FOUNDATION], 0.40, 1e-9);
  g_assert_cmpfloat_with_epsilon (eur->share[GW_SOURCE_GOVERNMENT], 0.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (eur->share[GW_SOURCE_BUSINESS], 0.0, 1e-9);
  g_assert_cmpstr (eur->largest_name, ==, "Fund");
  g_assert_cmpint (eur->largest_class, ==, GW_SOURCE_NGO_FOUNDATION);
  g_assert_cmpfloat_with_epsilon (eur->largest_share, 0.40, 1e-9);

  /* The policy warning names the government money. */
  g_assert_cmpuint (ind->forbidden->len, ==, 1);
  g_assert_cmpint (((GwLedgerEntry *) g_ptr_array_index (ind->forbidden, 0))->id, ==, gov);
  forbidden = gw_ledger_list_forbidden_entries (f->store, NULL, NULL);
  g_assert_cmpuint (forbidden->len, ==, 1);
  g_assert_cmpstr (((GwLedgerEntry *) g_ptr_array_index (forbidden, 0))->party_name, ==, "City council");

  /* Once corrected away, it is no longer named; the grant's reversal
   * makes the two "Ana" gifts the largest source. */
  g_assert_cmpint (gw_store_correct_entry (f->store, gov, NULL, "Refused, returned", "Ana", NULL, &error), >, 0);
  g_assert_cmpint (gw_store_correct_entry (f->store, grant, NULL, "Bounced", "Ana", NULL, &error), >, 0);
  g_clear_pointer (&forbidden, g_ptr_array_unref);
  forbidden = gw_ledger_list_forbidden_entries (f->store, NULL, NULL);
  g_assert_cmpuint (forbidden->len, ==, 0);
  g_clear_pointer (&ind, gw_independence_free);
  ind = gw_store_get_independence (f->store, "2020-01", "2020-03", &error);
  eur = g_ptr_array_index (ind->currencies, 0);
  g_assert_cmpint (eur->received, ==, 3500);
  g_assert_cmpstr (eur->largest_name, ==, "ana");
  g_assert_cmpint (eur->largest_amount, ==, 2000);

  /* The policy can change: businesses now, not the government. */
  policy[GW_SOURCE_BUSINESS] = TRUE;
  g_assert_true (gw_ledger_set_forbidden (f->store, policy, &error));
  g_assert_false (gw_ledger_is_forbidden (f->store, GW_SOURCE_GOVERNMENT));
  g_clear_pointer (&forbidden, g_ptr_array_unref);
  forbidden = gw_ledger_list_forbidden_entries (f->store, "2019-01-01", "2019-12-31");
  g_assert_cmpuint (forbidden->len, ==, 1);

  g_assert_null (gw_store_get_independence (f->store, "2020-13-01", NULL, &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
}

static void
test_report_months (GwTestFixture *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  GwLedgerTotals *row;

  record_money (f->store, "2020-01-05", GW_LEDGER_RECEIVED, 1000, "EUR", GW_SOURCE_MEMBER_DUES, GW_PARTY_ANONYMOUS, NULL, 0);
  record_money (f->store, "2020-01-20", GW_LEDGER_SPENT, 400, "EUR", GW_SOURCE_NONE, GW_PARTY_ANONYMOUS, NULL, 0);
  record_money (f->store, "2020-02-05", GW_LEDGER_RECEIVED, 500, "EUR", GW_SOURCE_INDIVIDUAL, GW_PARTY_ANONYMOUS, NULL, 0);
  record_money (f->store, "2020-02-06", GW_LEDGER_GIVEN_OUT, 300, "EUR", GW_SOURCE_NONE, GW_PARTY_ANONYMOUS, NULL, 0);
  record_money (f->store, "2020-02-07", GW_LEDGER_RECEIVED, 90, "JPY", GW_SOURCE_INDIVIDUAL, GW_PARTY_ANONYMOUS, NULL, 0);

  rows = gw_store_report_months (f->store, NULL, NULL);
  g_assert_cmpuint (rows->len, ==, 3);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->month, ==, "2020-01");
  g_assert_cmpint (row->received, ==, 1000);
  g_assert_cmpint (row->spent, ==, 400);
  g_assert_cmpint (row->balance, ==, 600);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (row->month, ==, "2020-02");
  g_assert_cmpstr (row->currency, ==, "EUR");
  g_assert_cmpint (row->given_out, ==, 300);
  g_assert_cmpint (row->balance, ==, 800);   /* running */
  row = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (row->currency, ==, "JPY");

  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = gw_store_report_months (f->store, "2020-02-01", "2020-02-28");
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (((GwLedgerTotals *) g_ptr_array_index (rows, 0))->balance, ==, 800);

  sources = gw_store_report_sources (f->store, NULL, NULL);
  g_assert_cmpuint (sources->len, ==, 3);
  row = g_ptr_array_index (sources, 0);
  g_assert_cmpint (row->source_class, ==, GW_SOURCE_MEMBER_DUES);
  g_assert_cmpint (row->received, ==, 1000);
}

static char *
read_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
test_csv (GwTestFixture *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwLedgerEntry) e = gw_ledger_entry_new ();
  g_autofree char *path = g_build_filename (f->dir, "ledger.csv", NULL);
  g_autofree char *text = NULL;
  struct stat st;
  gint64 id;

  e->date = g_strdup ("2020-01-05");
  e->amount = 123456;
  e->currency = g_strdup ("EUR");
  e->source_class = GW_SOURCE_INDIVIDUAL;
  e->party_kind = GW_PARTY_OUTSIDE;
  e->party_name = g_strdup ("=HYPERLINK(\"http://x\")");
  e->memo = g_strdup ("Coats, hats and \"gloves\"\nsecond line");
  id = gw_store_record_entry (f->store, e, &error);
  g_assert_no_error (error);
  g_free (e->party_name);
  e->party_name = g_strdup ("@SUM(A1)");
  g_free (e->memo);
  e->memo = g_strdup ("-2+3");
  gw_store_record_entry (f->store, e, &error);
  g_assert_no_error (error);
  gw_store_correct_entry (f->store, id, NULL, "+wrong", "Ana", NULL, &error);
  g_assert_no_error (error);

  g_file_set_contents (path, "old", -1, &error);
  g_chmod (path, 0644);
  g_assert_true (gw_ledger_export_csv (f->store, NULL, path, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  text = read_text (path);
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, "id,uuid,date,direction,kind,amount,currency,"));
  g_assert_nonnull (strstr (text, "\r\n"));
  /* Formula-like text is escaped and quoted as RFC 4180 says. */
  g_assert_nonnull (strstr (text, ",\"'=HYPERLINK(\"\"http://x\"\")\","));
  g_assert_nonnull (strstr (text, ",'@SUM(A1),"));
  g_assert_nonnull (strstr (text, ",'-2+3,"));
  g_assert_nonnull (strstr (text, ",'+wrong,"));
  g_assert_nonnull (strstr (text, "\"Coats, hats and \"\"gloves\"\"\nsecond line\""));
  /* Amounts are plain numbers, negative for the reversal, never escaped. */
  g_assert_nonnull (strstr (text, ",1234.56,EUR,"));
  g_assert_nonnull (strstr (text, ",-1234.56,EUR,"));
  g_assert_null (strstr (text, "'-1234.56"));
}

static void
test_money (void)
{
  g_autoptr(GError) error = NULL;
  struct { const char *text; const char *currency; gint64 minor; } good[] = {
    { "12.50", "EUR", 1250 }, { "12,50", "EUR", 1250 }, { "12", "EUR", 1200 },
    { "12.5", "USD", 1250 }, { "1,234.50", "USD", 123450 }, { "1.234,50", "EUR", 123450 },
    { "1 234,50", "EUR", 123450 }, { "1,234", "USD", 123400 }, { "1.000", "JPY", 1000 },
    { "1,000", "JPY", 1000 }, { "5000", "VND", 5000 }, { "1.234", "KWD", 1234 },
    { "-3.10", "EUR", -310 }, { "0,05", "CLP", -1 },
  };
  const char *bad[] = { "", "abc", "12.345.6", "1,23,4", "12.3.4,5", "€12" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      gint64 minor = 0;

      if (good[i].minor == -1)
        {
          g_assert_false (gw_money_parse (good[i].text, good[i].currency, &minor, &error));
          g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
          g_clear_error (&error);
          continue;
        }
      g_assert_true (gw_money_parse (good[i].text, good[i].currency, &minor, &error));
      g_assert_no_error (error);
      g_assert_cmpint (minor, ==, good[i].minor);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gint64 minor = 0;

      g_assert_false (gw_money_parse (bad[i], "EUR", &minor, &error));
      g_clear_error (&error);
    }

  {
    g_autofree char *a = gw_money_format (123450, "EUR");
    g_autofree char *b = gw_money_format (1000, "JPY");
    g_autofree char *c = gw_money_format_plain (-5, "USD");
    g_autofree char *d = gw_money_format (1234, "KWD");

    g_assert_cmpstr (a, ==, "1234.50 EUR");  /* C locale: no grouping */
    g_assert_cmpstr (b, ==, "1000 JPY");
    g_assert_cmpstr (c, ==, "-0.05");
    g_assert_cmpstr (d, ==, "1.234 KWD");
  }
  g_assert_cmpuint (gw_currency_get_decimals ("CLP"), ==, 0);
  g_assert_false (gw_currency_is_valid ("Eur"));
}

static void
test_migration (GwTestFixture *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *errmsg = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 ada = gw_test_add (f->store, "Ada Okafor");

  g_clear_object (&f->store);
  g_assert_cmpint (gw_test_sql_exec (f->path, GW_TEST_DROP_LEDGER "PRAGMA user_version = 3;", &errmsg), ==, SQLITE_OK);
  g_assert_null (errmsg);

  f->store = gw_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gw_store_get_schema_version (f->store), ==, GW_SCHEMA_VERSION);
  {
    g_autoptr(GwMember) member = gw_test_load (f->store, ada);
    g_assert_cmpstr (gw_member_get_full_name (member), ==, "Ada Okafor");
  }
  record_money (f->store, "2020-01-05", GW_LEDGER_RECEIVED, 100, "EUR", GW_SOURCE_MEMBER_DUES, GW_PARTY_ANONYMOUS, NULL, 0);
  list = gw_store_list_ledger (f->store, NULL, 0, 10);
  g_assert_cmpuint (list->len, ==, 1);
}

/* The largest single source over periods that cut years at odd months,
 * span several years, are open at either end or cover all time, checked
 * against the sum of the entries themselves, corrections included. */
static void
test_independence_periods (GwTestFixture *f,
                           gconstpointer  data)
{
  static const char * const donors[] = { "Ana", "Luis", "Fund", "Mei", "Kofi" };
  static const char * const periods[][2] = {
    { NULL, NULL }, { NULL, "2018-06" }, { "2018-03", NULL }, { "2017-02", "2019-11" },
    { "2018-01", "2019-12" }, { "2018-05", "2018-09" }, { "2017-11", "2018-02" },
    { "2019-12", "2019-12" }, { "2016-01", "2016-12" },
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (77);
  g_autoptr(GArray) amounts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) who = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 400; i++)
    {
      int d = g_rand_int_range (rand, 0, G_N_ELEMENTS (donors));
      gint64 amount = g_rand_int_range (rand, 1, 1000) * 7 + d;
      char *date = g_strdup_printf ("%04d-%02d-%02d", g_rand_int_range (rand, 2017, 2020),
                                    g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
      gint64 id = record_money (f->store, date, GW_LEDGER_RECEIVED, amount, "EUR",
                                GW_SOURCE_INDIVIDUAL, GW_PARTY_OUTSIDE, donors[d], 0);

      /* Every tenth gift is reversed: it no longer counts. */
      if (i % 10 == 0)
        {
          g_assert_cmpint (gw_store_correct_entry (f->store, id, NULL, "Bounced", "Ana", NULL, &error), >, 0);
          g_assert_no_error (error);
          amount = 0;
        }
      g_array_append_val (amounts, amount);
      g_array_append_val (who, d);
      g_ptr_array_add (dates, date);
    }

  for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
    {
      g_autoptr(GwIndependence) ind = gw_store_get_independence (f->store, periods[p][0], periods[p][1], &error);
      gint64 totals[G_N_ELEMENTS (donors)] = { 0 };
      gint64 best = 0, received = 0;
      int best_donor = -1;

      g_assert_no_error (error);
      for (guint i = 0; i < amounts->len; i++)
        {
          const char *date = g_ptr_array_index (dates, i);

          if (periods[p][0] != NULL && strncmp (date, periods[p][0], 7) < 0)
            continue;
          if (periods[p][1] != NULL && strncmp (date, periods[p][1], 7) > 0)
            continue;
          totals[g_array_index (who, int, i)] += g_array_index (amounts, gint64, i);
          received += g_array_index (amounts, gint64, i);
        }
      for (guint d = 0; d < G_N_ELEMENTS (donors); d++)
        if (totals[d] > best)
          {
            best = totals[d];
            best_donor = d;
          }

      if (received == 0)
        {
          g_assert_cmpuint (ind->currencies->len, ==, 0);
          continue;
        }
      g_assert_cmpuint (ind->currencies->len, ==, 1);
      {
        GwIndependenceCurrency *eur = g_ptr_array_index (ind->currencies, 0);

        g_assert_cmpint (eur->received, ==, received);
        g_assert_cmpint (eur->largest_amount, ==, best);
        g_assert_cmpstr (eur->largest_name, ==, donors[best_donor]);
        g_assert_cmpint (eur->largest_class, ==, GW_SOURCE_INDIVIDUAL);
      }
    }
}

/* A database of version 4 gets the per-year and all-time summaries filled
 * from the monthly ones, and they stay right as entries are added. */
static void
test_migration_party_summaries (GwTestFixture *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *errmsg = NULL;
  g_autoptr(GwIndependence) ind = NULL;
  GwIndependenceCurrency *eur;

  record_money (f->store, "2018-03-05", GW_LEDGER_RECEIVED, 3000, "EUR", GW_SOURCE_INDIVIDUAL, GW_PARTY_OUTSIDE, "Ana", 0);
  record_money (f->store, "2019-07-05", GW_LEDGER_RECEIVED, 2000, "EUR", GW_SOURCE_INDIVIDUAL, GW_PARTY_OUTSIDE, "Ana", 0);
  record_money (f->store, "2019-08-05", GW_LEDGER_RECEIVED, 4000, "EUR", GW_SOURCE_BUSINESS, GW_PARTY_OUTSIDE, "Shop", 0);

  g_clear_object (&f->store);
  g_assert_cmpint (gw_test_sql_exec (f->path, GW_TEST_DROP_LEDGER_5 "PRAGMA user_version = 4;", &errmsg), ==, SQLITE_OK);
  g_assert_null (errmsg);
  f->store = gw_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gw_store_get_schema_version (f->store), ==, GW_SCHEMA_VERSION);
  g_assert_cmpint (gw_test_sql_int (f->path, "SELECT sum(amount) FROM party_all_totals WHERE party = 'oana'"), ==, 5000);
  g_assert_cmpint (gw_test_sql_int (f->path, "SELECT count(*) FROM party_year_totals"), ==, 3);

  ind = gw_store_get_independence (f->store, NULL, NULL, &error);
  g_assert_no_error (error);
  eur = g_ptr_array_index (ind->currencies, 0);
  g_assert_cmpstr (eur->largest_name, ==, "Ana");
  g_assert_cmpint (eur->largest_amount, ==, 5000);

  record_money (f->store, "2020-01-05", GW_LEDGER_RECEIVED, 1500, "EUR", GW_SOURCE_BUSINESS, GW_PARTY_OUTSIDE, "shop", 0);
  g_clear_pointer (&ind, gw_independence_free);
  ind = gw_store_get_independence (f->store, NULL, NULL, &error);
  eur = g_ptr_array_index (ind->currencies, 0);
  g_assert_cmpstr (eur->largest_name, ==, "shop");
  g_assert_cmpint (eur->largest_amount, ==, 5500);
  g_assert_cmpint (eur->largest_class, ==, GW_SOURCE_BUSINESS);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add ("/ledger/" name, GwTestFixture, NULL, gw_test_fixture_set_up, fn, gw_test_fixture_tear_down)
  ADD ("append-only", test_append_only);
  ADD ("corrections", test_corrections);
  ADD ("validation", test_validation);
  ADD ("refuses-future-dates", test_refuses_future);
  ADD ("goods-on-hand-of-item", test_goods_on_hand_of_item);
  ADD ("balances-and-goods", test_balances_and_goods);
  ADD ("drives", test_drives);
  ADD ("independence", test_independence);
  ADD ("report-months", test_report_months);
  ADD ("csv", test_csv);
  ADD ("migration", test_migration);
  ADD ("independence-periods", test_independence_periods);
  ADD ("migration-party-summaries", test_migration_party_summaries);
#undef ADD
  g_test_add_func ("/ledger/money", test_money);

  return g_test_run ();
}
