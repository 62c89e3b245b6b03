/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gw-member-list-private.h"
#include "gw-store-members.h"
#include "gw-store-private.h"
#include "gw-text.h"

/* Row objects built for the view, kept while they are likely to be shown
 * again. Past this many the cache starts over. */
#define CACHE_LIMIT 4096

struct _GwMemberList
{
  GObject       parent_instance;

  GwStore      *store;
  GArray       *base;       /* ids matching the filters, in order, before the search */
  GArray       *ids;        /* what is shown: base narrowed by the search */
  GHashTable   *cache;
  char         *search;
  char         *fts_query;
  char         *tag;
  char         *language;
  int           stage;
  int           status;
  GwMemberSort  sort;
  guint         total;
  gulong        changed_handler;
  guint         descending : 1;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GwMemberList, gw_member_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
gw_member_list_get_item_type (GListModel *model)
{
  return GW_TYPE_MEMBER;
}

static guint
gw_member_list_get_n_items (GListModel *model)
{
  return GW_MEMBER_LIST (model)->ids->len;
}

static gpointer
gw_member_list_get_item (GListModel *model,
                         guint       position)
{
  GwMemberList *self = GW_MEMBER_LIST (model);
  GwMember *member;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  member = g_hash_table_lookup (self->cache, &id);
  if (member != NULL)
    return g_object_ref (member);

  member = gw_store_load_member (self->store, id, NULL);
  if (member == NULL)
    {
      /* The row went away underneath us (another program, say); show an
       * empty row until the next refresh rather than breaking the view. */
      return gw_member_new ();
    }

  if (g_hash_table_size (self->cache) >= CACHE_LIMIT)
    g_hash_table_remove_all (self->cache);

  g_hash_table_insert (self->cache, g_memdup2 (&id, sizeof id), g_object_ref (member));
  return member;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = gw_member_list_get_item_type;
  iface->get_n_items = gw_member_list_get_n_items;
  iface->get_item = gw_member_list_get_item;
}

static const char *
sort_clause (GwMemberSort sort,
             gboolean     descending)
{
  static const char * const ascending_clauses[] = {
    [GW_MEMBER_SORT_NAME] = " ORDER BY m.sort_key, m.id",
    [GW_MEMBER_SORT_STAGE] = " ORDER BY m.stage, m.sort_key, m.id",
    [GW_MEMBER_SORT_PHONE] = " ORDER BY m.phone_digits, m.sort_key, m.id",
    [GW_MEMBER_SORT_NEIGHBOURHOOD] = " ORDER BY m.neighbourhood COLLATE NOCASE, m.sort_key, m.id",
    [GW_MEMBER_SORT_LANGUAGES] = " ORDER BY m.languages COLLATE NOCASE, m.sort_key, m.id",
    [GW_MEMBER_SORT_JOINED] = " ORDER BY m.joined, m.sort_key, m.id",
    [GW_MEMBER_SORT_LAST_CHANGE] = " ORDER BY m.last_change, m.sort_key, m.id",
  };
  /* Every key descends, so that SQLite walks the same index backwards. */
  static const char * const descending_clauses[] = {
    [GW_MEMBER_SORT_NAME] = " ORDER BY m.sort_key DESC, m.id DESC",
    [GW_MEMBER_SORT_STAGE] = " ORDER BY m.stage DESC, m.sort_key DESC, m.id DESC",
    [GW_MEMBER_SORT_PHONE] = " ORDER BY m.phone_digits DESC, m.sort_key DESC, m.id DESC",
    [GW_MEMBER_SORT_NEIGHBOURHOOD] = " ORDER BY m.neighbourhood COLLATE NOCASE DESC, m.sort_key DESC, m.id DESC",
    [GW_MEMBER_SORT_LANGUAGES] = " ORDER BY m.languages COLLATE NOCASE DESC, m.sort_key DESC, m.id DESC",
    [GW_MEMBER_SORT_JOINED] = " ORDER BY m.joined DESC, m.sort_key DESC, m.id DESC",
    [GW_MEMBER_SORT_LAST_CHANGE] = " ORDER BY m.last_change DESC, m.sort_key DESC, m.id DESC",
  };

  g_assert (sort < GW_N_MEMBER_SORTS);

  return descending ? descending_clauses[sort] : ascending_clauses[sort];
}

/* The filters and the order go into the SQL so that SQLite walks an index
 * and only ids come back. The search words are applied afterwards, by
 * narrowing this list (see apply_search()). */
static GArray *
query_base (GwMemberList *self)
{
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), MAX (self->total, 16));
  g_autoptr(GString) sql = g_string_new ("SELECT m.id FROM members m WHERE m.deleted = 0");
  sqlite3_stmt *stmt;
  int n = 0;

  if (self->stage >= 0)
    g_string_append (sql, " AND m.stage = ?");
  if (self->status >= 0)
    g_string_append (sql, " AND m.status = ?");
  if (self->tag != NULL)
    g_string_append (sql, " AND m.id IN (SELECT member_id FROM member_tags WHERE tag = ?)");
  if (self->language != NULL)
    g_string_append (sql, " AND m.id IN (SELECT member_id FROM member_languages WHERE language = ?)");
  g_string_append (sql, sort_clause (self->sort, self->descending));

  stmt = _gw_store_prepare (self->store, sql->str, NULL);
  if (stmt == NULL)
    return ids;

  if (self->stage >= 0)
    sqlite3_bind_int (stmt, ++n, self->stage);
  if (self->status >= 0)
    sqlite3_bind_int (stmt, ++n, self->status);
  if (self->tag != NULL)
    _gw_store_bind_text (stmt, ++n, self->tag);
  if (self->language != NULL)
    _gw_store_bind_text (stmt, ++n, self->language);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  return ids;
}

/* Keeps the people of the base list that the full-text index matches. The
 * index answers in rowid order, which costs far less than making SQLite
 * sort the matches again for each keystroke; a bitmap over the rowids then
 * filters the already sorted base list. */
static GArray *
apply_search (GwMemberList *self)
{
  g_autofree guint8 *bits = NULL;
  gsize n_bits = 0;
  sqlite3_stmt *stmt;
  GArray *ids;

  if (self->fts_query == NULL)
    return g_array_ref (self->base);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  stmt = _gw_store_prepare (self->store, "SELECT rowid FROM members_fts WHERE members_fts MATCH ?", NULL);
  if (stmt == NULL)
    return ids;

  _gw_store_bind_text (stmt, 1, self->fts_query);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      if (rowid < 0)
        continue;

      if ((gsize) rowid >= n_bits)
        {
          gsize new_bits = MAX ((gsize) rowid + 1, n_bits * 2);

          new_bits = (new_bits + 7) & ~(gsize) 7;
          bits = g_realloc (bits, new_bits / 8);
          memset (bits + n_bits / 8, 0, (new_bits - n_bits) / 8);
          n_bits = new_bits;
        }

      bits[rowid / 8] |= 1 << (rowid % 8);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < self->base->len; i++)
    {
      gint64 id = g_array_index (self->base, gint64, i);

      if (id >= 0 && (gsize) id < n_bits && (bits[id / 8] & (1 << (id % 8))))
        g_array_append_val (ids, id);
    }

  return ids;
}

/* Runs the query again and reports exactly the span that differs. When
 * @changed_id is still shown but its place did not change, its row is
 * reported too, so that views show its new details. */
static void
update (GwMemberList *self,
        gboolean      requery,
        gint64        changed_id)
{
  g_autoptr(GArray) old_ids = NULL;
  guint old_n, new_n, prefix = 0, suffix = 0;
  const gint64 *a, *b;

  if (requery)
    {
      g_clear_pointer (&self->base, g_array_unref);
      self->base = query_base (self);
    }

  old_ids = g_steal_pointer (&self->ids);
  self->ids = apply_search (self);

  old_n = old_ids->len;
  new_n = self->ids->len;
  a = (const gint64 *) (gpointer) old_ids->data;
  b = (const gint64 *) (gpointer) self->ids->data;

  while (prefix < old_n && prefix < new_n && a[prefix] == b[prefix])
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         a[old_n - 1 - suffix] == b[new_n - 1 - suffix])
    suffix++;

  if (old_n - prefix - suffix > 0 || new_n - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old_n - prefix - suffix, new_n - prefix - suffix);

  if (changed_id > 0)
    {
      int position = gw_member_list_find (self, changed_id);

      if (position >= 0 &&
          ((guint) position < prefix || (guint) position >= new_n - suffix))
        g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
    }
}

static void
members_changed_cb (GwStore      *store,
                    gint64        member_id,
                    GwMemberList *self)
{
  if (member_id > 0)
    g_hash_table_remove (self->cache, &member_id);
  else
    g_hash_table_remove_all (self->cache);

  self->total = gw_store_count_members (store);
  update (self, TRUE, member_id);
}

static void
gw_member_list_dispose (GObject *object)
{
  GwMemberList *self = GW_MEMBER_LIST (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_handler, self->store);
  g_clear_object (&self->store);
  g_hash_table_remove_all (self->cache);

  G_OBJECT_CLASS (gw_member_list_parent_class)->dispose (object);
}

static void
gw_member_list_finalize (GObject *object)
{
  GwMemberList *self = GW_MEMBER_LIST (object);

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->base, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_free (self->search);
  g_free (self->fts_query);
  g_free (self->tag);
  g_free (self->language);

  G_OBJECT_CLASS (gw_member_list_parent_class)->finalize (object);
}

static void
gw_member_list_class_init (GwMemberListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gw_member_list_dispose;
  object_class->finalize = gw_member_list_finalize;
}

static void
gw_member_list_init (GwMemberList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->stage = -1;
  self->status = -1;
  self->sort = GW_MEMBER_SORT_NAME;
}

/**
 * gw_member_list_new:
 *
 * Returns: (transfer full): everyone on the roster, by name; it follows
 *   changes to @store as they happen.
 */
GwMemberList *
gw_member_list_new (GwStore *store)
{
  GwMemberList *self;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);

  self = g_object_new (GW_TYPE_MEMBER_LIST, NULL);
  self->store = g_object_ref (store);
  self->changed_handler = g_signal_connect (store, "members-changed",
                                            G_CALLBACK (members_changed_cb), self);
  self->total = gw_store_count_members (store);
  g_array_unref (self->ids);
  self->base = query_base (self);
  self->ids = g_array_ref (self->base);

  return self;
}

GwStore *
gw_member_list_get_store (GwMemberList *self)
{
  g_return_val_if_fail (GW_IS_MEMBER_LIST (self), NULL);
  return self->store;
}

/**
 * gw_member_list_set_search:
 *
 * Shows only people matching every word of @text, each word taken as the
 * start of a word in their names, phone, email, notes or tags.
 */
void
gw_member_list_set_search (GwMemberList *self,
                           const char   *text)
{
  g_autofree char *query = NULL;

  g_return_if_fail (GW_IS_MEMBER_LIST (self));

  g_free (self->search);
  self->search = g_strdup (text ? text : "");

  query = gw_text_fts_query (text);
  if (g_strcmp0 (query, self->fts_query) == 0)
    return;

  g_free (self->fts_query);
  self->fts_query = g_steal_pointer (&query);
  update (self, FALSE, 0);
}

const char *
gw_member_list_get_search (GwMemberList *self)
{
  g_return_val_if_fail (GW_IS_MEMBER_LIST (self), NULL);
  return self->search ? self->search : "";
}

/**
 * gw_member_list_set_stage_filter:
 * @stage: a #GwStage, or -1 for every stage
 */
void
gw_member_list_set_stage_filter (GwMemberList *self,
                                 int           stage)
{
  g_return_if_fail (GW_IS_MEMBER_LIST (self));

  stage = CLAMP (stage, -1, GW_N_STAGES - 1);
  if (self->stage == stage)
    return;

  self->stage = stage;
  update (self, TRUE, 0);
}

/**
 * gw_member_list_set_status_filter:
 * @status: a #GwStatus, or -1 for every status
 */
void
gw_member_list_set_status_filter (GwMemberList *self,
                                  int           status)
{
  g_return_if_fail (GW_IS_MEMBER_LIST (self));

  status = CLAMP (status, -1, GW_N_STATUSES - 1);
  if (self->status == status)
    return;

  self->status = status;
  update (self, TRUE, 0);
}

static void
set_string_filter (GwMemberList  *self,
                   char         **field,
                   const char    *value)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  update (self, TRUE, 0);
}

/**
 * gw_member_list_set_tag_filter:
 * @tag: (nullable): show only people with this tag
 */
void
gw_member_list_set_tag_filter (GwMemberList *self,
                               const char   *tag)
{
  g_return_if_fail (GW_IS_MEMBER_LIST (self));
  set_string_filter (self, &self->tag, tag);
}

/**
 * gw_member_list_set_language_filter:
 * @language: (nullable): show only people who speak this language
 */
void
gw_member_list_set_language_filter (GwMemberList *self,
                                    const char   *language)
{
  g_return_if_fail (GW_IS_MEMBER_LIST (self));
  set_string_filter (self, &self->language, language);
}

void
gw_member_list_set_sort (GwMemberList *self,
                         GwMemberSort  sort,
                         gboolean      descending)
{
  g_return_if_fail (GW_IS_MEMBER_LIST (self));
  g_return_if_fail (sort < GW_N_MEMBER_SORTS);

  descending = !!descending;
  if (self->sort == sort && self->descending == (guint) descending)
    return;

  self->sort = sort;
  self->descending = descending;
  update (self, TRUE, 0);
}

/**
 * gw_member_list_get_total:
 *
 * Returns: how many people are on the roster, whatever is shown.
 */
guint
gw_member_list_get_total (GwMemberList *self)
{
  g_return_val_if_fail (GW_IS_MEMBER_LIST (self), 0);
  return self->total;
}

/**
 * gw_member_list_find:
 *
 * Returns: where the member is shown, or -1 when they are not.
 */
int
gw_member_list_find (GwMemberList *self,
                     gint64        member_id)
{
  g_return_val_if_fail (GW_IS_MEMBER_LIST (self), -1);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == member_id)
      return i;

  return -1;
}

gint64
gw_member_list_get_id (GwMemberList *self,
                       guint         position)
{
  g_return_val_if_fail (GW_IS_MEMBER_LIST (self), 0);

  if (position >= self->ids->len)
    return 0;

  return g_array_index (self->ids, gint64, position);
}

/**
 * gw_member_list_refresh:
 *
 * Reads the roster again, for changes made by another program.
 */
void
gw_member_list_refresh (GwMemberList *self)
{
  g_return_if_fail (GW_IS_MEMBER_LIST (self));

  g_hash_table_remove_all (self->cache);
  self->total = gw_store_count_members (self->store);
  update (self, TRUE, 0);
}

/**
 * _gw_member_list_get_ids:
 *
 * For writing the list out as it is shown (gw_member_list_export_csv()).
 *
 * Returns: (transfer none) (element-type gint64): the ids of the people
 *   shown, in order, after the filters, the search and the sort.
 */
GArray *
_gw_member_list_get_ids (GwMemberList *self)
{
  g_return_val_if_fail (GW_IS_MEMBER_LIST (self), NULL);
  return self->ids;
}
