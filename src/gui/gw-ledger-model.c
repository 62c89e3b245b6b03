/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gw-ledger-model.h"
#include "gw-store-ledger.h"

struct _GwLedgerRow
{
  GObject        parent_instance;
  GwLedgerEntry *entry;
};

G_DEFINE_FINAL_TYPE (GwLedgerRow, gw_ledger_row, G_TYPE_OBJECT)

static void
gw_ledger_row_finalize (GObject *object)
{
  g_clear_pointer (&GW_LEDGER_ROW (object)->entry, gw_ledger_entry_free);
  G_OBJECT_CLASS (gw_ledger_row_parent_class)->finalize (object);
}

static void
gw_ledger_row_class_init (GwLedgerRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gw_ledger_row_finalize;
}

static void
gw_ledger_row_init (GwLedgerRow *self)
{
}

const GwLedgerEntry *
gw_ledger_row_get_entry (GwLedgerRow *self)
{
  g_return_val_if_fail (GW_IS_LEDGER_ROW (self), NULL);
  return self->entry;
}

/* Entries are read this many at a time, and at most this many pages kept. */
#define PAGE_SIZE 200
#define MAX_PAGES 16

struct _GwLedgerModel
{
  GObject      parent_instance;

  GwStore     *store;
  gint64       drive_id;
  int          direction;
  int          kind;
  char        *from;
  char        *to;

  guint        n_items;
  GHashTable  *pages;          /* page number -> GPtrArray of GwLedgerRow */
  GQueue       page_order;     /* page numbers, most recently read first */
};

static void gw_ledger_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GwLedgerModel, gw_ledger_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, gw_ledger_model_list_model_init))

static void
get_filter (GwLedgerModel  *self,
            GwLedgerFilter *filter)
{
  gw_ledger_filter_init (filter);
  filter->drive_id = self->drive_id;
  filter->direction = self->direction;
  filter->kind = self->kind;
  filter->from = self->from;
  filter->to = self->to;
}

static GType
gw_ledger_model_get_item_type (GListModel *model)
{
  return GW_TYPE_LEDGER_ROW;
}

static guint
gw_ledger_model_get_n_items (GListModel *model)
{
  return GW_LEDGER_MODEL (model)->n_items;
}

static GPtrArray *
read_page (GwLedgerModel *self,
           guint          page)
{
  GwLedgerFilter filter;
  g_autoptr(GPtrArray) entries = NULL;
  GPtrArray *rows;

  get_filter (self, &filter);
  entries = gw_store_list_ledger (self->store, &filter, page * PAGE_SIZE, PAGE_SIZE);
  rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < entries->len; i++)
    {
      GwLedgerRow *row = g_object_new (GW_TYPE_LEDGER_ROW, NULL);

      row->entry = gw_ledger_entry_copy (g_ptr_array_index (entries, i));
      g_ptr_array_add (rows, row);
    }

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
  g_queue_push_head (&self->page_order, GUINT_TO_POINTER (page));
  while (g_queue_get_length (&self->page_order) > MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->page_order));

  return rows;
}

static gpointer
gw_ledger_model_get_item (GListModel *model,
                          guint       position)
{
  GwLedgerModel *self = GW_LEDGER_MODEL (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *rows;

  if (position >= self->n_items || self->store == NULL)
    return NULL;

  rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (rows == NULL)
    rows = read_page (self, page);
  else
    {
      g_queue_remove (&self->page_order, GUINT_TO_POINTER (page));
      g_queue_push_head (&self->page_order, GUINT_TO_POINTER (page));
    }

  if (position % PAGE_SIZE >= rows->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (rows, position % PAGE_SIZE));
}

static void
gw_ledger_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = gw_ledger_model_get_item_type;
  iface->get_n_items = gw_ledger_model_get_n_items;
  iface->get_item = gw_ledger_model_get_item;
}

void
gw_ledger_model_reload (GwLedgerModel *self)
{
  GwLedgerFilter filter;
  guint removed;

  g_return_if_fail (GW_IS_LEDGER_MODEL (self));

  removed = self->n_items;
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->page_order);
  get_filter (self, &filter);
  self->n_items = self->store != NULL ? gw_store_count_ledger (self->store, &filter) : 0;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->n_items);
}

void
gw_ledger_model_set_filter (GwLedgerModel        *self,
                            const GwLedgerFilter *filter)
{
  g_return_if_fail (GW_IS_LEDGER_MODEL (self));

  self->drive_id = filter->drive_id;
  self->direction = filter->direction;
  self->kind = filter->kind;
  g_free (self->from);
  self->from = g_strdup (filter->from);
  g_free (self->to);
  self->to = g_strdup (filter->to);
  gw_ledger_model_reload (self);
}

static void
gw_ledger_model_finalize (GObject *object)
{
  GwLedgerModel *self = GW_LEDGER_MODEL (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_queue_clear (&self->page_order);
  g_free (self->from);
  g_free (self->to);

  G_OBJECT_CLASS (gw_ledger_model_parent_class)->finalize (object);
}

static void
gw_ledger_model_class_init (GwLedgerModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gw_ledger_model_finalize;
}

static void
gw_ledger_model_init (GwLedgerModel *self)
{
  self->direction = -1;
  self->kind = -1;
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->page_order);
}

GwLedgerModel *
gw_ledger_model_new (GwStore *store)
{
  GwLedgerModel *self = g_object_new (GW_TYPE_LEDGER_MODEL, NULL);

  self->store = store != NULL ? g_object_ref (store) : NULL;
  gw_ledger_model_reload (self);
  return self;
}
