/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Helpers for tests of the social-investigation notebook. */

#include "gw-test-util.h"
#include "gw-store-notebook.h"

/* The id of the default kind of force with @index (0 tenant association ...
 * 8 other group), in the order the migration made them. */
static inline gint64
gw_test_force_kind (GwStore *store,
                    guint    index)
{
  g_autoptr(GPtrArray) kinds = gw_store_list_force_kinds (store);

  g_assert_cmpuint (index, <, kinds->len);
  return ((GwForceKind *) g_ptr_array_index (kinds, index))->id;
}

static inline gint64
gw_test_add_force (GwStore    *store,
                   const char *name,
                   guint       kind_index,
                   GwStance    stance)
{
  g_autoptr(GwForce) draft = gw_force_new (name, gw_test_force_kind (store, kind_index));
  g_autoptr(GError) error = NULL;
  gint64 id;

  draft->stance = stance;
  id = gw_store_add_force (store, draft, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static inline gint64
gw_test_add_need (GwStore    *store,
                  const char *title)
{
  g_autoptr(GwNeed) draft = gw_need_new (title);
  g_autoptr(GError) error = NULL;
  gint64 id = gw_store_add_need (store, draft, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static inline gint64
gw_test_add_note (GwStore    *store,
                  const char *title,
                  const char *date,
                  const char *text)
{
  g_autoptr(GwNote) draft = gw_note_new (title, date);
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_free (draft->text);
  draft->text = g_strdup (text);
  id = gw_store_add_note (store, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static inline gint64
gw_test_add_rule (GwStore    *store,
                  const char *title,
                  GwRisk      risk,
                  const char *review_date)
{
  g_autoptr(GwLegalRule) draft = gw_legal_rule_new (title, risk);
  g_autoptr(GError) error = NULL;
  gint64 id;

  draft->review_date = g_strdup (review_date);
  id = gw_store_add_rule (store, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Whether @refs holds @id. */
static inline gboolean
gw_test_refs_have (GPtrArray *refs,
                   gint64     id)
{
  for (guint i = 0; refs != NULL && i < refs->len; i++)
    if (((GwNotebookRef *) g_ptr_array_index (refs, i))->id == id)
      return TRUE;
  return FALSE;
}
