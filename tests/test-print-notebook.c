/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib.h>

#include "gw-print-test-util.h"
#include "gw-test-notebook.h"
#include "gw-print-document.h"
#include "gw-print-notebook.h"

/* The notebook's printed documents, written to PDF and read back. */

static void
test_note (GwTestFixture *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwPrintDocument) doc = NULL;
  g_autoptr(GwNote) draft = gw_note_new ("Puerta a puerta en Calle Olmo", "2030-03-14");
  g_autoptr(GwNote) note = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  gint64 ana, id;

  gw_store_set_organization_name (f->store, "Riverside Tenants Union", &error);
  ana = gw_test_add_person (f->store, "Ana Beltrán", NULL, NULL);
  gw_test_add_force (f->store, "Greenview Properties", 3, GW_STANCE_OPPONENT);
  gw_test_add_need (f->store, "Moho");

  g_free (draft->place);
  draft->place = g_strdup ("Outside the laundromat on Elm");
  g_free (draft->text);
  draft->text = g_strdup ("Hablamos con doce familias. Greenview Properties no arregla el moho.\n\n"
                          "Gặp bà Nguyễn ở tầng 2: tiền thuê tăng.");
  draft->tags = g_strsplit ("door-knocking,mold", ",", -1);
  g_ptr_array_add (draft->members, gw_notebook_ref_new (GW_NOTEBOOK_MEMBER, ana, NULL));
  id = gw_store_add_note (f->store, draft, &error);
  g_assert_no_error (error);
  note = gw_store_load_note (f->store, id, &error);

  doc = gw_print_note_new (f->store, note);
  path = render (f, doc, "note");
  text = pdf_text (path, 0, 0);
  g_assert_true (has (text, "Riverside Tenants Union"));
  g_assert_true (has (text, "Field note"));
  g_assert_true (has (text, "Puerta a puerta en Calle Olmo"));
  g_assert_true (has (text, "Outside the laundromat on Elm"));
  g_assert_true (has (text, "Ana Beltrán"));
  g_assert_true (has (text, "door-knocking, mold"));
  g_assert_true (has (text, "Greenview Properties"));
  g_assert_true (has (text, "Moho"));
  g_assert_true (has (text, "Hablamos con doce familias."));
  g_assert_true (has (text, "Gặp bà Nguyễn ở tầng 2"));
}

static void
test_overview (GwTestFixture *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwPrintDocument) doc = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  const char *friends, *opponents, *evictions, *mold;
  gint64 dropped;

  gw_store_set_organization_name (f->store, "Riverside Tenants Union", &error);
  gw_test_add_force (f->store, "St. Mary's Church", 1, GW_STANCE_FRIEND);
  gw_test_add_force (f->store, "Greenview Properties", 3, GW_STANCE_OPPONENT);
  gw_test_add_force (f->store, "Corner Bodega", 2, GW_STANCE_CAN_BE_WON);
  gw_test_add_need (f->store, "Evictions");
  gw_test_add_need (f->store, "Mold");
  dropped = gw_test_add_need (f->store, "Parking");
  g_assert_true (gw_store_set_need_status (f->store, dropped, GW_NEED_DROPPED, &error));
  gw_test_add_note (f->store, "One", "2030-01-02", "Evictions and mold.");
  gw_test_add_note (f->store, "Two", "2030-01-09", "More evictions.");
  gw_test_add_note (f->store, "Three", "2030-01-16", "Evictions, parking.");
  gw_test_add_rule (f->store, "Loitering ordinance", GW_RISK_HIGH, "2030-01-10");
  gw_test_add_rule (f->store, "Food sharing permit", GW_RISK_LOW, "2031-01-01");

  doc = gw_print_notebook_overview_new (f->store, "2030-02-01");
  path = render (f, doc, "overview");
  text = pdf_text (path, 0, 0);

  g_assert_true (has (text, "Social investigation"));
  /* Forces by stance, friends first. */
  friends = strstr (text, "Friend (1)");
  opponents = strstr (text, "Opponent (1)");
  g_assert_nonnull (friends);
  g_assert_nonnull (opponents);
  g_assert_true (friends < opponents);
  g_assert_true (has (text, "Can be won over (1)"));
  g_assert_true (has (text, "St. Mary's Church"));
  g_assert_true (has (text, "Corner Bodega"));

  /* The needs raised most, most first; a dropped one is left out. */
  evictions = strstr (text, "Evictions");
  mold = strstr (text, "Mold");
  g_assert_nonnull (evictions);
  g_assert_nonnull (mold);
  g_assert_true (evictions < mold);
  g_assert_null (strstr (text, "Parking"));

  /* Legal risks with their review dates, the due one marked. */
  g_assert_true (has (text, "Loitering ordinance"));
  g_assert_true (has (text, "High"));
  g_assert_true (has (text, "(due)"));
  g_assert_true (has (text, "1 rule is due to be checked again."));
  g_assert_true (has (text, "Food sharing permit"));
}

static void
test_overview_empty (GwTestFixture *f,
                     gconstpointer  data)
{
  g_autoptr(GwPrintDocument) doc = gw_print_notebook_overview_new (f->store, "2030-02-01");
  g_autofree char *path = render (f, doc, "overview-empty");
  g_autofree char *text = pdf_text (path, 0, 0);

  g_assert_true (has (text, "No social forces are in the notebook yet."));
  g_assert_true (has (text, "No rules or laws are in the notebook yet."));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, GwTestFixture, NULL, gw_test_fixture_set_up, func, gw_test_fixture_tear_down)

  ADD ("/print/notebook/note", test_note);
  ADD ("/print/notebook/overview", test_overview);
  ADD ("/print/notebook/overview-empty", test_overview_empty);

  return g_test_run ();
}
