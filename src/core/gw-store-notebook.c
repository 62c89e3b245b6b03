/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gw-date.h"
#include "gw-store-notebook.h"
#include "gw-store-private.h"
#include "gw-text.h"

/* The folded names of every force, need and rule, kept on the store so that
 * saving a note does not read them all again; dropped whenever a name
 * changes. */
#define NAMES_KEY "gw-notebook-names"

typedef struct
{
  GwNotebookType  type;
  gint64          id;
  char           *key;   /* as words_key() */
} NameEntry;

static void
name_entry_free (gpointer data)
{
  NameEntry *entry = data;

  g_free (entry->key);
  g_free (entry);
}

/* Helpers */

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
not_found (GError     **error,
           const char  *message)
{
  g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND, message);
  return FALSE;
}

static gboolean
check_date (const char  *date,
            GError     **error)
{
  if (!gw_date_is_valid (date))
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                   _("“%s” is not a real date. Write it as YYYY-MM-DD."), date ? date : "");
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static char *
trimmed (const char *text)
{
  return g_strstrip (g_strdup (text ? text : ""));
}

static char *
column_nullable (sqlite3_stmt *stmt,
                 int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return _gw_store_column_dup (stmt, column);
}

static void
bind_nullable (sqlite3_stmt *stmt,
               int           index,
               const char   *text)
{
  if (text == NULL || text[0] == '\0')
    sqlite3_bind_null (stmt, index);
  else
    _gw_store_bind_text (stmt, index, text);
}

static GPtrArray *
new_array (GDestroyNotify free_func)
{
  return g_ptr_array_new_with_free_func (free_func);
}

static GPtrArray *
new_refs (void)
{
  return new_array ((GDestroyNotify) gw_notebook_ref_free);
}

/* The words of @text, folded (no case, no accents) and separated by single
 * spaces, with a space at each end, so that a whole-word match is a plain
 * substring search: " iglesia san jose " in " fuimos a la iglesia san jose ". */
static char *
words_key (const char *text)
{
  g_autofree char *folded = gw_text_fold (text);
  GString *out = g_string_sized_new (strlen (folded) + 2);
  gboolean in_word = FALSE;

  g_string_append_c (out, ' ');
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || g_unichar_ismark (c))
        {
          g_string_append_unichar (out, c);
          in_word = TRUE;
        }
      else if (in_word)
        {
          g_string_append_c (out, ' ');
          in_word = FALSE;
        }
    }
  if (in_word)
    g_string_append_c (out, ' ');

  return g_string_free (out, FALSE);
}

static gboolean
key_mentions (const char *text_key,
              const char *name_key)
{
  /* A name without any word (" ") mentions nothing. */
  return name_key[1] != '\0' && strstr (text_key, name_key) != NULL;
}

static gboolean
row_exists (GwStore    *self,
            const char *sql,
            gint64      id)
{
  sqlite3_stmt *stmt = _gw_store_prepare (self, sql, NULL);
  gboolean exists;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return exists;
}

/* Runs a one-row change with up to three integer bindings. */
static gboolean
run (GwStore    *self,
     const char *sql,
     gint64      a,
     gint64      b,
     gint64      c,
     GError    **error)
{
  sqlite3_stmt *stmt = _gw_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, b);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_int64 (stmt, 3, c);
  return _gw_store_step_done (self, stmt, error);
}

static gint64
query_int64 (GwStore    *self,
             const char *sql,
             gint64      a)
{
  sqlite3_stmt *stmt = _gw_store_prepare (self, sql, NULL);
  gint64 value = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static void
forget_names (GwStore *self)
{
  g_object_set_data (G_OBJECT (self), NAMES_KEY, NULL);
}

static GPtrArray *
get_names (GwStore *self)
{
  static const struct { GwNotebookType type; const char *sql; } sources[] = {
    { GW_NOTEBOOK_FORCE, "SELECT id, name FROM forces" },
    { GW_NOTEBOOK_NEED, "SELECT id, title FROM needs" },
    { GW_NOTEBOOK_RULE, "SELECT id, title FROM legal_rules" },
  };
  GPtrArray *names = g_object_get_data (G_OBJECT (self), NAMES_KEY);

  if (names != NULL)
    return names;

  names = new_array (name_entry_free);

  /* Deleted things are included: their links stay hidden until they are
   * restored, and then the notes that name them show them again. */
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      sqlite3_stmt *stmt = _gw_store_prepare (self, sources[i].sql, NULL);

      while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
        {
          NameEntry *entry = g_new0 (NameEntry, 1);

          entry->type = sources[i].type;
          entry->id = sqlite3_column_int64 (stmt, 0);
          entry->key = words_key ((const char *) sqlite3_column_text (stmt, 1));
          g_ptr_array_add (names, entry);
        }
      if (stmt != NULL)
        sqlite3_reset (stmt);
    }

  g_object_set_data_full (G_OBJECT (self), NAMES_KEY, names, (GDestroyNotify) g_ptr_array_unref);
  return names;
}

static const char *
link_table_sql (GwNotebookType type,
                int            what)
{
  /* what: 0 insert-mention, 1 insert-link, 2 unlink, 3 clear mentions of a
   * target, 4 drop empty links of a target, 5 set a mention of one target. */
  static const char * const forces[] = {
    "INSERT INTO note_forces (note_id, force_id, mentioned) VALUES (?1, ?2, 1)"
    " ON CONFLICT DO UPDATE SET mentioned = 1",
    "INSERT INTO note_forces (note_id, force_id, linked) VALUES (?1, ?2, 1)"
    " ON CONFLICT DO UPDATE SET linked = 1",
    "UPDATE note_forces SET linked = 0 WHERE note_id = ?1 AND force_id = ?2",
    "UPDATE note_forces SET mentioned = 0 WHERE force_id = ?1",
    "DELETE FROM note_forces WHERE force_id = ?1 AND linked = 0 AND mentioned = 0",
  };
  static const char * const needs[] = {
    "INSERT INTO note_needs (note_id, need_id, mentioned) VALUES (?1, ?2, 1)"
    " ON CONFLICT DO UPDATE SET mentioned = 1",
    "INSERT INTO note_needs (note_id, need_id, linked) VALUES (?1, ?2, 1)"
    " ON CONFLICT DO UPDATE SET linked = 1",
    "UPDATE note_needs SET linked = 0 WHERE note_id = ?1 AND need_id = ?2",
    "UPDATE note_needs SET mentioned = 0 WHERE need_id = ?1",
    "DELETE FROM note_needs WHERE need_id = ?1 AND linked = 0 AND mentioned = 0",
  };
  static const char * const rules[] = {
    "INSERT INTO note_rules (note_id, rule_id, mentioned) VALUES (?1, ?2, 1)"
    " ON CONFLICT DO UPDATE SET mentioned = 1",
    "INSERT INTO note_rules (note_id, rule_id, linked) VALUES (?1, ?2, 1)"
    " ON CONFLICT DO UPDATE SET linked = 1",
    "UPDATE note_rules SET linked = 0 WHERE note_id = ?1 AND rule_id = ?2",
    "UPDATE note_rules SET mentioned = 0 WHERE rule_id = ?1",
    "DELETE FROM note_rules WHERE rule_id = ?1 AND linked = 0 AND mentioned = 0",
  };

  switch (type)
    {
    case GW_NOTEBOOK_FORCE:
      return forces[what];
    case GW_NOTEBOOK_NEED:
      return needs[what];
    case GW_NOTEBOOK_RULE:
      return rules[what];
    default:
      g_assert_not_reached ();
    }
}

static const char *
target_exists_sql (GwNotebookType type)
{
  switch (type)
    {
    case GW_NOTEBOOK_FORCE:
      return "SELECT 1 FROM forces WHERE id = ? AND deleted = 0";
    case GW_NOTEBOOK_NEED:
      return "SELECT 1 FROM needs WHERE id = ? AND deleted = 0";
    case GW_NOTEBOOK_RULE:
      return "SELECT 1 FROM legal_rules WHERE id = ? AND deleted = 0";
    case GW_NOTEBOOK_NOTE:
      return "SELECT 1 FROM notes WHERE id = ? AND deleted = 0";
    case GW_NOTEBOOK_MEMBER:
      return "SELECT 1 FROM members WHERE id = ? AND deleted = 0";
    case GW_NOTEBOOK_CONTRADICTION:
      return "SELECT 1 FROM contradictions WHERE id = ? AND deleted = 0";
    default:
      return NULL;
    }
}

static gboolean
check_target (GwStore         *self,
              GwNotebookType   type,
              gint64           id,
              GError         **error)
{
  const char *sql = target_exists_sql (type);

  if (sql == NULL || !row_exists (self, sql, id))
    {
      switch (type)
        {
        case GW_NOTEBOOK_FORCE:
          return not_found (error, _("A linked force no longer exists."));
        case GW_NOTEBOOK_NEED:
          return not_found (error, _("A linked need no longer exists."));
        case GW_NOTEBOOK_RULE:
          return not_found (error, _("A linked legal rule no longer exists."));
        case GW_NOTEBOOK_MEMBER:
          return not_found (error, _("One of the people who went is no longer on the roster."));
        case GW_NOTEBOOK_NOTE:
          return not_found (error, _("This note no longer exists."));
        default:
          return invalid (error, _("Only forces, needs and legal rules can be linked to a note."));
        }
    }

  return TRUE;
}

/* Tags: trimmed, no empty ones, no duplicates (ignoring case). */
static GStrv
clean_tags (const char * const *tags)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autofree char *tag = trimmed (tags[i]);
      g_autofree char *key = NULL;

      if (tag[0] == '\0')
        continue;
      key = g_utf8_casefold (tag, -1);
      if (g_hash_table_contains (seen, key))
        continue;
      g_hash_table_add (seen, g_steal_pointer (&key));
      g_strv_builder_add (builder, tag);
    }

  return g_strv_builder_end (builder);
}

static GStrv
split_tags (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text ? text : "", ",", -1);

  return clean_tags ((const char * const *) parts);
}

/* Notes */

static gboolean
check_note (GwStore       *self,
            const GwNote  *note,
            GError       **error)
{
  GPtrArray *lists[] = { note->forces, note->needs, note->rules, note->members };
  GwNotebookType types[] = { GW_NOTEBOOK_FORCE, GW_NOTEBOOK_NEED, GW_NOTEBOOK_RULE,
                             GW_NOTEBOOK_MEMBER };

  if (is_blank (note->title))
    return invalid (error, _("Give the note a title."));
  if (!check_date (note->date, error))
    return FALSE;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && i < lists[l]->len; i++)
      {
        GwNotebookRef *ref = g_ptr_array_index (lists[l], i);

        if (l < 3 && !ref->linked)
          continue;
        if (!check_target (self, types[l], ref->id, error))
          return FALSE;
      }

  return TRUE;
}

/* Marks the things @text_key names as mentioned by the note. */
static gboolean
store_mentions (GwStore     *self,
                gint64       note_id,
                const char  *text_key,
                GError     **error)
{
  GPtrArray *names = get_names (self);

  for (guint i = 0; i < names->len; i++)
    {
      NameEntry *entry = g_ptr_array_index (names, i);

      if (key_mentions (text_key, entry->key) &&
          !run (self, link_table_sql (entry->type, 0), note_id, entry->id, 0, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
store_note_links (GwStore       *self,
                  gint64         note_id,
                  const GwNote  *note,
                  GError       **error)
{
  GPtrArray *lists[] = { note->forces, note->needs, note->rules };
  GwNotebookType types[] = { GW_NOTEBOOK_FORCE, GW_NOTEBOOK_NEED, GW_NOTEBOOK_RULE };
  g_autofree char *all_text = NULL;
  g_autofree char *text_key = NULL;
  sqlite3_stmt *stmt;

  if (!run (self, "DELETE FROM note_forces WHERE note_id = ?", note_id, 0, 0, error) ||
      !run (self, "DELETE FROM note_needs WHERE note_id = ?", note_id, 0, 0, error) ||
      !run (self, "DELETE FROM note_rules WHERE note_id = ?", note_id, 0, 0, error) ||
      !run (self, "DELETE FROM note_members WHERE note_id = ?", note_id, 0, 0, error) ||
      !run (self, "DELETE FROM note_tags WHERE note_id = ?", note_id, 0, 0, error))
    return FALSE;

  for (guint i = 0; note->members != NULL && i < note->members->len; i++)
    {
      GwNotebookRef *ref = g_ptr_array_index (note->members, i);

      if (!run (self, "INSERT OR IGNORE INTO note_members (note_id, member_id) VALUES (?, ?)",
                note_id, ref->id, 0, error))
        return FALSE;
    }

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && i < lists[l]->len; i++)
      {
        GwNotebookRef *ref = g_ptr_array_index (lists[l], i);

        if (ref->linked && !run (self, link_table_sql (types[l], 1), note_id, ref->id, 0, error))
          return FALSE;
      }

  {
    g_auto(GStrv) tags = clean_tags ((const char * const *) note->tags);

    stmt = _gw_store_prepare (self, "INSERT OR IGNORE INTO note_tags (tag, note_id) VALUES (?, ?)",
                              error);
    for (guint i = 0; stmt != NULL && tags[i] != NULL; i++)
      {
        _gw_store_bind_text (stmt, 1, tags[i]);
        sqlite3_bind_int64 (stmt, 2, note_id);
        if (!_gw_store_step_done (self, stmt, error))
          return FALSE;
      }
    if (stmt == NULL)
      return FALSE;
  }

  all_text = g_strconcat (note->title ? note->title : "", "\n", note->text ? note->text : "", NULL);
  text_key = words_key (all_text);
  return store_mentions (self, note_id, text_key, error);
}

static gboolean
write_note (GwStore       *self,
            gint64         id,
            const GwNote  *note,
            gint64        *new_id,
            GError       **error)
{
  g_autofree char *now = gw_date_now_utc ();
  g_autofree char *title = trimmed (note->title);
  g_autofree char *place = trimmed (note->place);
  g_auto(GStrv) tags = clean_tags ((const char * const *) note->tags);
  g_autofree char *tags_text = g_strjoinv (", ", tags);
  sqlite3_stmt *stmt;

  if (id == 0)
    {
      g_autofree char *uuid = gw_text_uuid ();

      stmt = _gw_store_prepare (self, "INSERT INTO notes (uuid, title, date, place, text, tags,"
                                " created, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)", error);
      if (stmt == NULL)
        return FALSE;
      _gw_store_bind_text (stmt, 1, uuid);
    }
  else
    {
      stmt = _gw_store_prepare (self, "UPDATE notes SET title = ?2, date = ?3, place = ?4,"
                                " text = ?5, tags = ?6, updated = ?7 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
    }

  _gw_store_bind_text (stmt, 2, title);
  _gw_store_bind_text (stmt, 3, note->date);
  _gw_store_bind_text (stmt, 4, place);
  _gw_store_bind_text (stmt, 5, note->text);
  _gw_store_bind_text (stmt, 6, tags_text);
  _gw_store_bind_text (stmt, 7, now);
  if (!_gw_store_step_done (self, stmt, error))
    return FALSE;

  if (id == 0)
    id = sqlite3_last_insert_rowid (_gw_store_get_db (self));
  *new_id = id;

  return store_note_links (self, id, note, error);
}

gint64
gw_store_add_note (GwStore       *self,
                   const GwNote  *draft,
                   GError       **error)
{
  gint64 id = 0;

  g_return_val_if_fail (GW_IS_STORE (self), 0);
  g_return_val_if_fail (draft != NULL, 0);

  if (!_gw_store_check_writable (self, error) || !check_note (self, draft, error))
    return 0;

  if (!gw_store_begin (self, error))
    return 0;
  if (!write_note (self, 0, draft, &id, error))
    {
      gw_store_rollback (self);
      return 0;
    }
  _gw_store_notebook_changed (self, "note", id);
  if (!gw_store_commit (self, error))
    return 0;

  return id;
}

gboolean
gw_store_update_note (GwStore       *self,
                      const GwNote  *note,
                      GError       **error)
{
  gint64 id = 0;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  g_return_val_if_fail (note != NULL, FALSE);

  if (!_gw_store_check_writable (self, error))
    return FALSE;
  if (!row_exists (self, "SELECT 1 FROM notes WHERE id = ?", note->id))
    return not_found (error, _("This note no longer exists."));
  if (!check_note (self, note, error))
    return FALSE;

  if (!gw_store_begin (self, error))
    return FALSE;
  if (!write_note (self, note->id, note, &id, error))
    {
      gw_store_rollback (self);
      return FALSE;
    }
  _gw_store_notebook_changed (self, "note", id);
  return gw_store_commit (self, error);
}

#define NOTE_COLUMNS "n.id, n.uuid, n.title, n.date, n.place, n.text, n.tags, n.deleted," \
                     " n.created, n.updated"

static GwNote *
read_note (sqlite3_stmt *stmt)
{
  GwNote *note = gw_note_new (NULL, NULL);

  note->id = sqlite3_column_int64 (stmt, 0);
  note->uuid = _gw_store_column_dup (stmt, 1);
  g_free (note->title);
  note->title = _gw_store_column_dup (stmt, 2);
  note->date = _gw_store_column_dup (stmt, 3);
  g_free (note->place);
  note->place = _gw_store_column_dup (stmt, 4);
  g_free (note->text);
  note->text = _gw_store_column_dup (stmt, 5);
  note->tags = split_tags ((const char *) sqlite3_column_text (stmt, 6));
  note->deleted = sqlite3_column_int (stmt, 7) != 0;
  note->created = _gw_store_column_dup (stmt, 8);
  note->updated = _gw_store_column_dup (stmt, 9);
  return note;
}

/* Fills @refs from a statement returning id, title[, linked, mentioned]. */
static void
read_refs (GwStore        *self,
           GPtrArray      *refs,
           GwNotebookType  type,
           const char     *sql,
           gint64          id)
{
  sqlite3_stmt *stmt = _gw_store_prepare (self, sql, NULL);

  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GwNotebookRef *ref = gw_notebook_ref_new (type, sqlite3_column_int64 (stmt, 0),
                                                (const char *) sqlite3_column_text (stmt, 1));

      if (sqlite3_column_count (stmt) >= 4)
        {
          ref->linked = sqlite3_column_int (stmt, 2) != 0;
          ref->mentioned = sqlite3_column_int (stmt, 3) != 0;
        }
      g_ptr_array_add (refs, ref);
    }
  sqlite3_reset (stmt);
}

GwNote *
gw_store_load_note (GwStore  *self,
                    gint64    id,
                    GError  **error)
{
  sqlite3_stmt *stmt;
  GwNote *note = NULL;

  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  stmt = _gw_store_prepare (self, "SELECT " NOTE_COLUMNS " FROM notes n WHERE n.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    note = read_note (stmt);
  sqlite3_reset (stmt);

  if (note == NULL)
    {
      not_found (error, _("This note no longer exists."));
      return NULL;
    }

  read_refs (self, note->members, GW_NOTEBOOK_MEMBER,
             "SELECT m.id, m.full_name FROM note_members l JOIN members m ON m.id = l.member_id"
             " WHERE l.note_id = ? AND m.deleted = 0 ORDER BY m.sort_key, m.id", id);
  read_refs (self, note->forces, GW_NOTEBOOK_FORCE,
             "SELECT f.id, f.name, l.linked, l.mentioned FROM note_forces l"
             " JOIN forces f ON f.id = l.force_id"
             " WHERE l.note_id = ? AND f.deleted = 0 ORDER BY f.name_key, f.id", id);
  read_refs (self, note->needs, GW_NOTEBOOK_NEED,
             "SELECT x.id, x.title, l.linked, l.mentioned FROM note_needs l"
             " JOIN needs x ON x.id = l.need_id"
             " WHERE l.note_id = ? AND x.deleted = 0 ORDER BY x.title_key, x.id", id);
  read_refs (self, note->rules, GW_NOTEBOOK_RULE,
             "SELECT r.id, r.title, l.linked, l.mentioned FROM note_rules l"
             " JOIN legal_rules r ON r.id = l.rule_id"
             " WHERE l.note_id = ? AND r.deleted = 0 ORDER BY r.title COLLATE NOCASE, r.id", id);
  return note;
}

static gboolean
set_deleted (GwStore     *self,
             const char  *table,
             const char  *what,
             gint64       id,
             gboolean     deleted,
             const char  *missing,
             GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET deleted = ?2, updated = ?3 WHERE id = ?1",
                                          table);
  g_autofree char *now = gw_date_now_utc ();
  sqlite3_stmt *stmt;

  if (!_gw_store_check_writable (self, error))
    return FALSE;

  stmt = _gw_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, deleted ? 1 : 0);
  _gw_store_bind_text (stmt, 3, now);
  if (!_gw_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (_gw_store_get_db (self)) == 0)
    return not_found (error, missing);

  _gw_store_notebook_changed (self, what, id);
  return TRUE;
}

gboolean
gw_store_delete_note (GwStore  *self,
                      gint64    id,
                      GError  **error)
{
  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  return set_deleted (self, "notes", "note", id, TRUE, _("This note no longer exists."), error);
}

gboolean
gw_store_restore_note (GwStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  return set_deleted (self, "notes", "note", id, FALSE, _("This note no longer exists."), error);
}

gboolean
gw_store_link_note (GwStore         *self,
                    gint64           note_id,
                    GwNotebookType   type,
                    gint64           target_id,
                    GError         **error)
{
  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  if (!_gw_store_check_writable (self, error))
    return FALSE;
  if (!row_exists (self, "SELECT 1 FROM notes WHERE id = ?", note_id))
    return not_found (error, _("This note no longer exists."));
  if (type != GW_NOTEBOOK_FORCE && type != GW_NOTEBOOK_NEED && type != GW_NOTEBOOK_RULE)
    return invalid (error, _("Only forces, needs and legal rules can be linked to a note."));
  if (!check_target (self, type, target_id, error))
    return FALSE;
  if (!run (self, link_table_sql (type, 1), note_id, target_id, 0, error))
    return FALSE;

  _gw_store_notebook_changed (self, "note", note_id);
  return TRUE;
}

gboolean
gw_store_unlink_note (GwStore         *self,
                      gint64           note_id,
                      GwNotebookType   type,
                      gint64           target_id,
                      GError         **error)
{
  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  if (!_gw_store_check_writable (self, error))
    return FALSE;
  if (type != GW_NOTEBOOK_FORCE && type != GW_NOTEBOOK_NEED && type != GW_NOTEBOOK_RULE)
    return invalid (error, _("Only forces, needs and legal rules can be linked to a note."));

  if (!gw_store_begin (self, error))
    return FALSE;
  if (!run (self, link_table_sql (type, 2), note_id, target_id, 0, error) ||
      !run (self, type == GW_NOTEBOOK_FORCE
                  ? "DELETE FROM note_forces WHERE note_id = ?1 AND force_id = ?2 AND linked = 0 AND mentioned = 0"
                  : type == GW_NOTEBOOK_NEED
                  ? "DELETE FROM note_needs WHERE note_id = ?1 AND need_id = ?2 AND linked = 0 AND mentioned = 0"
                  : "DELETE FROM note_rules WHERE note_id = ?1 AND rule_id = ?2 AND linked = 0 AND mentioned = 0",
            note_id, target_id, 0, error))
    {
      gw_store_rollback (self);
      return FALSE;
    }
  _gw_store_notebook_changed (self, "note", note_id);
  return gw_store_commit (self, error);
}

GPtrArray *
gw_store_list_recent_notes (GwStore *self,
                            guint    limit)
{
  GPtrArray *notes = new_array ((GDestroyNotify) gw_note_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), notes);

  stmt = _gw_store_prepare (self, "SELECT " NOTE_COLUMNS " FROM notes n WHERE n.deleted = 0"
                            " ORDER BY n.date DESC, n.id DESC LIMIT ?", NULL);
  if (stmt == NULL)
    return notes;
  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64) limit : -1);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (notes, read_note (stmt));
  sqlite3_reset (stmt);
  return notes;
}

GPtrArray *
gw_store_list_notes_linking (GwStore        *self,
                             GwNotebookType  type,
                             gint64          target_id)
{
  GPtrArray *refs = new_refs ();

  g_return_val_if_fail (GW_IS_STORE (self), refs);

  switch (type)
    {
    case GW_NOTEBOOK_FORCE:
      read_refs (self, refs, GW_NOTEBOOK_NOTE,
                 "SELECT n.id, n.title, l.linked, l.mentioned FROM note_forces l"
                 " JOIN notes n ON n.id = l.note_id WHERE l.force_id = ? AND n.deleted = 0"
                 " ORDER BY n.date DESC, n.id DESC", target_id);
      break;
    case GW_NOTEBOOK_NEED:
      read_refs (self, refs, GW_NOTEBOOK_NOTE,
                 "SELECT n.id, n.title, l.linked, l.mentioned FROM note_needs l"
                 " JOIN notes n ON n.id = l.note_id WHERE l.need_id = ? AND n.deleted = 0"
                 " ORDER BY n.date DESC, n.id DESC", target_id);
      break;
    case GW_NOTEBOOK_RULE:
      read_refs (self, refs, GW_NOTEBOOK_NOTE,
                 "SELECT n.id, n.title, l.linked, l.mentioned FROM note_rules l"
                 " JOIN notes n ON n.id = l.note_id WHERE l.rule_id = ? AND n.deleted = 0"
                 " ORDER BY n.date DESC, n.id DESC", target_id);
      break;
    case GW_NOTEBOOK_MEMBER:
      read_refs (self, refs, GW_NOTEBOOK_NOTE,
                 "SELECT n.id, n.title FROM note_members l"
                 " JOIN notes n ON n.id = l.note_id WHERE l.member_id = ? AND n.deleted = 0"
                 " ORDER BY n.date DESC, n.id DESC", target_id);
      break;
    default:
      break;
    }

  return refs;
}

GStrv
gw_store_list_note_tags (GwStore *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  stmt = _gw_store_prepare (self, "SELECT DISTINCT t.tag FROM note_tags t"
                            " JOIN notes n ON n.id = t.note_id WHERE n.deleted = 0"
                            " ORDER BY t.tag COLLATE NOCASE", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return g_strv_builder_end (builder);
}

/* Finds the notes that name @name (a force, need or rule that was just
 * added or renamed) and links them. FTS5 narrows the notes down to those
 * with the words; the whole-word check decides. */
static gboolean
link_mentioning_notes (GwStore         *self,
                       GwNotebookType   type,
                       gint64           id,
                       const char      *name,
                       GError         **error)
{
  g_autofree char *name_key = words_key (name);
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  if (name_key[1] == '\0')
    return TRUE;

  /* Both the words as written and as folded, since the index keeps some
   * letters (đ) that folding turns into others (d). */
  {
    g_autofree char *folded = g_strstrip (g_strdup (name_key));
    GString *raw = g_string_new (NULL);
    g_autofree char *raw_words = NULL;

    for (const char *p = name; *p; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);

        if (g_unichar_isalnum (c) || g_unichar_ismark (c))
          g_string_append_unichar (raw, c);
        else if (raw->len > 0 && raw->str[raw->len - 1] != ' ')
          g_string_append_c (raw, ' ');
      }
    raw_words = g_strstrip (g_string_free (raw, FALSE));
    g_string_append_printf (query, "{title text} : (\"%s\" OR \"%s\")", folded, raw_words);
  }

  stmt = _gw_store_prepare (self, "SELECT n.id, n.title, n.text FROM notes_fts"
                            " JOIN notes n ON n.id = notes_fts.rowid WHERE notes_fts MATCH ?", error);
  if (stmt == NULL)
    return FALSE;
  _gw_store_bind_text (stmt, 1, query->str);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *all_text = g_strconcat ((const char *) sqlite3_column_text (stmt, 1), "\n",
                                               (const char *) sqlite3_column_text (stmt, 2), NULL);
      g_autofree char *text_key = words_key (all_text);

      if (key_mentions (text_key, name_key))
        {
          gint64 note_id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (ids, note_id);
        }
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 note_id = g_array_index (ids, gint64, i);

      if (!run (self, link_table_sql (type, 0), note_id, id, 0, error))
        return FALSE;
      _gw_store_notebook_changed (self, "note", note_id);
    }

  return TRUE;
}

/* After a rename: the mentions of the old name go, those of the new come. */
static gboolean
relink_mentions (GwStore         *self,
                 GwNotebookType   type,
                 gint64           id,
                 const char      *name,
                 GError         **error)
{
  forget_names (self);
  return run (self, link_table_sql (type, 3), id, 0, 0, error) &&
         run (self, link_table_sql (type, 4), id, 0, 0, error) &&
         link_mentioning_notes (self, type, id, name, error);
}

/* Kinds of force */

static const char *
builtin_kind_label (const char *builtin)
{
  static const struct { const char *key; const char *label; } kinds[] = {
    { "tenants", N_("Tenant association") },
    { "church", N_("Church") },
    { "shop", N_("Shop owner") },
    { "landlord", N_("Landlord") },
    { "ngo", N_("NGO") },
    { "government", N_("Government office") },
    { "police", N_("Police") },
    { "union", N_("Union") },
    { "other", N_("Other group") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (builtin, kinds[i].key) == 0)
      return _(kinds[i].label);
  return "";
}

static char *
kind_label (sqlite3_stmt *stmt,
            int           builtin_column,
            int           label_column)
{
  const char *label = (const char *) sqlite3_column_text (stmt, label_column);

  if (label != NULL && label[0] != '\0')
    return g_strdup (label);
  return g_strdup (builtin_kind_label ((const char *) sqlite3_column_text (stmt, builtin_column)));
}

GPtrArray *
gw_store_list_force_kinds (GwStore *self)
{
  GPtrArray *kinds = new_array ((GDestroyNotify) gw_force_kind_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), kinds);

  stmt = _gw_store_prepare (self, "SELECT k.id, k.uuid, k.builtin, k.label,"
                            " (SELECT count(*) FROM forces f WHERE f.kind_id = k.id AND f.deleted = 0)"
                            " FROM force_kinds k ORDER BY k.id", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      GwForceKind *kind = g_new0 (GwForceKind, 1);

      kind->id = sqlite3_column_int64 (stmt, 0);
      kind->uuid = _gw_store_column_dup (stmt, 1);
      kind->label = kind_label (stmt, 2, 3);
      kind->n_forces = sqlite3_column_int (stmt, 4);
      g_ptr_array_add (kinds, kind);
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return kinds;
}

static gboolean
check_kind_label (GwStore     *self,
                  gint64       kind_id,
                  const char  *label,
                  GError     **error)
{
  g_autoptr(GPtrArray) kinds = NULL;
  g_autofree char *key = gw_text_fold (label);

  if (is_blank (label))
    return invalid (error, _("Give the kind of force a name."));

  kinds = gw_store_list_force_kinds (self);
  for (guint i = 0; i < kinds->len; i++)
    {
      GwForceKind *kind = g_ptr_array_index (kinds, i);
      g_autofree char *other = gw_text_fold (kind->label);

      if (kind->id != kind_id && g_strcmp0 (key, other) == 0)
        {
          g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                       _("There is already a kind of force called “%s”."), kind->label);
          return FALSE;
        }
    }

  return TRUE;
}

gint64
gw_store_add_force_kind (GwStore     *self,
                         const char  *label,
                         GError     **error)
{
  g_autofree char *clean = trimmed (label);
  g_autofree char *uuid = gw_text_uuid ();
  g_autofree char *now = gw_date_now_utc ();
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (GW_IS_STORE (self), 0);

  if (!_gw_store_check_writable (self, error) || !check_kind_label (self, 0, clean, error))
    return 0;

  stmt = _gw_store_prepare (self, "INSERT INTO force_kinds (uuid, label, created, updated)"
                            " VALUES (?1, ?2, ?3, ?3)", error);
  if (stmt == NULL)
    return 0;
  _gw_store_bind_text (stmt, 1, uuid);
  _gw_store_bind_text (stmt, 2, clean);
  _gw_store_bind_text (stmt, 3, now);
  if (!_gw_store_step_done (self, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (_gw_store_get_db (self));
  _gw_store_notebook_changed (self, "kind", id);
  return id;
}

gboolean
gw_store_rename_force_kind (GwStore     *self,
                            gint64       kind_id,
                            const char  *label,
                            GError     **error)
{
  g_autofree char *clean = trimmed (label);
  g_autofree char *now = gw_date_now_utc ();
  gboolean builtin;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  if (!_gw_store_check_writable (self, error))
    return FALSE;
  if (!row_exists (self, "SELECT 1 FROM force_kinds WHERE id = ?", kind_id))
    return not_found (error, _("This kind of force no longer exists."));

  builtin = row_exists (self, "SELECT 1 FROM force_kinds WHERE id = ? AND builtin IS NOT NULL",
                        kind_id);
  if (!(builtin && clean[0] == '\0') && !check_kind_label (self, kind_id, clean, error))
    return FALSE;

  stmt = _gw_store_prepare (self, "UPDATE force_kinds SET label = ?2, updated = ?3 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, kind_id);
  _gw_store_bind_text (stmt, 2, clean);
  _gw_store_bind_text (stmt, 3, now);
  if (!_gw_store_step_done (self, stmt, error))
    return FALSE;

  _gw_store_notebook_changed (self, "kind", kind_id);
  return TRUE;
}

gboolean
gw_store_remove_force_kind (GwStore     *self,
                            gint64       kind_id,
                            GError     **error)
{
  gint64 n;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  if (!_gw_store_check_writable (self, error))
    return FALSE;
  if (!row_exists (self, "SELECT 1 FROM force_kinds WHERE id = ?", kind_id))
    return not_found (error, _("This kind of force no longer exists."));

  n = query_int64 (self, "SELECT count(*) FROM forces WHERE kind_id = ?", kind_id);
  if (n > 0)
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u force is of this kind. Give it another kind first.",
                                "%u forces are of this kind. Give them another kind first.",
                                (gulong) n), (guint) n);
      return FALSE;
    }

  if (!run (self, "DELETE FROM force_kinds WHERE id = ?", kind_id, 0, 0, error))
    return FALSE;

  _gw_store_notebook_changed (self, "kind", kind_id);
  return TRUE;
}

/* Forces */

#define FORCE_COLUMNS "f.id, f.uuid, f.name, f.kind_id, k.builtin, k.label, f.stance," \
  " f.stance_date, f.contact_member_id, coalesce(m.full_name, f.contact_name), f.notes," \
  " (SELECT count(*) FROM note_forces l JOIN notes o ON o.id = l.note_id" \
  "  WHERE l.force_id = f.id AND o.deleted = 0)," \
  " f.deleted, f.created, f.updated"
#define FORCE_FROM " FROM forces f JOIN force_kinds k ON k.id = f.kind_id" \
  " LEFT JOIN members m ON m.id = f.contact_member_id"

static GwForce *
read_force (sqlite3_stmt *stmt)
{
  GwForce *force = g_new0 (GwForce, 1);

  force->id = sqlite3_column_int64 (stmt, 0);
  force->uuid = _gw_store_column_dup (stmt, 1);
  force->name = _gw_store_column_dup (stmt, 2);
  force->kind_id = sqlite3_column_int64 (stmt, 3);
  force->kind_label = kind_label (stmt, 4, 5);
  force->stance = sqlite3_column_int (stmt, 6);
  force->stance_date = column_nullable (stmt, 7);
  force->contact_member_id = sqlite3_column_int64 (stmt, 8);
  force->contact_name = _gw_store_column_dup (stmt, 9);
  force->notes = _gw_store_column_dup (stmt, 10);
  force->n_notes = sqlite3_column_int (stmt, 11);
  force->deleted = sqlite3_column_int (stmt, 12) != 0;
  force->created = _gw_store_column_dup (stmt, 13);
  force->updated = _gw_store_column_dup (stmt, 14);
  return force;
}

static gboolean
check_force (GwStore        *self,
             const GwForce  *force,
             GError        **error)
{
  g_autofree char *key = gw_text_fold (force->name);
  sqlite3_stmt *stmt;
  gboolean taken = FALSE;

  if (is_blank (force->name))
    return invalid (error, _("Give the force a name."));
  if (!row_exists (self, "SELECT 1 FROM force_kinds WHERE id = ?", force->kind_id))
    return invalid (error, _("Choose what kind of force it is."));
  if (force->contact_member_id != 0 &&
      !row_exists (self, "SELECT 1 FROM members WHERE id = ? AND deleted = 0",
                   force->contact_member_id))
    return not_found (error, _("The contact is no longer on the roster."));

  stmt = _gw_store_prepare (self, "SELECT 1 FROM forces WHERE deleted = 0 AND name_key = ?1"
                            " AND id <> ?2", error);
  if (stmt == NULL)
    return FALSE;
  _gw_store_bind_text (stmt, 1, key);
  sqlite3_bind_int64 (stmt, 2, force->id);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  if (taken)
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                   _("There is already a force called “%s”."), force->name);
      return FALSE;
    }

  return TRUE;
}

static gint64
insert_judgement (GwStore     *self,
                  gint64       force_id,
                  GwStance     stance,
                  const char  *date,
                  const char  *reasoning,
                  const char  *judged_by,
                  GError     **error)
{
  g_autofree char *uuid = gw_text_uuid ();
  g_autofree char *now = gw_date_now_utc ();
  g_autofree char *clean_reasoning = trimmed (reasoning);
  g_autofree char *clean_by = trimmed (judged_by);
  sqlite3_stmt *stmt;
  gint64 id;

  stmt = _gw_store_prepare (self, "INSERT INTO stance_judgements (uuid, force_id, stance, date,"
                            " reasoning, judged_by, created) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  _gw_store_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, force_id);
  sqlite3_bind_int (stmt, 3, stance);
  _gw_store_bind_text (stmt, 4, date);
  _gw_store_bind_text (stmt, 5, clean_reasoning);
  _gw_store_bind_text (stmt, 6, clean_by);
  _gw_store_bind_text (stmt, 7, now);
  if (!_gw_store_step_done (self, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (_gw_store_get_db (self));

  /* The current stance is the latest judgement's, whatever order they
   * were typed in. */
  if (!run (self, "UPDATE forces SET (stance, stance_date) = (SELECT stance, date"
            " FROM stance_judgements WHERE force_id = ?1 ORDER BY date DESC, id DESC LIMIT 1)"
            " WHERE id = ?1", force_id, 0, 0, error))
    return 0;

  return id;
}

gint64
gw_store_add_force (GwStore        *self,
                    const GwForce  *draft,
                    const char     *reasoning,
                    const char     *judged_by,
                    GError        **error)
{
  g_autofree char *uuid = gw_text_uuid ();
  g_autofree char *now = gw_date_now_utc ();
  g_autofree char *today = gw_date_today ();
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;
  g_autofree char *contact = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (GW_IS_STORE (self), 0);
  g_return_val_if_fail (draft != NULL, 0);

  if (!_gw_store_check_writable (self, error) || !check_force (self, draft, error))
    return 0;
  if ((guint) draft->stance >= GW_N_STANCES)
    return invalid (error, _("Choose a stance for the force.")), 0;
  if (draft->stance_date != NULL && draft->stance_date[0] != '\0' &&
      !gw_date_is_valid (draft->stance_date))
    return invalid (error, _("The date of the first judgement is not a real date. Write it as YYYY-MM-DD.")), 0;

  name = trimmed (draft->name);
  key = gw_text_fold (name);
  contact = draft->contact_member_id != 0 ? g_strdup ("") : trimmed (draft->contact_name);

  if (!gw_store_begin (self, error))
    return 0;

  stmt = _gw_store_prepare (self, "INSERT INTO forces (uuid, name, name_key, kind_id,"
                            " contact_member_id, contact_name, notes, created, updated)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)", error);
  if (stmt == NULL)
    goto fail;
  _gw_store_bind_text (stmt, 1, uuid);
  _gw_store_bind_text (stmt, 2, name);
  _gw_store_bind_text (stmt, 3, key);
  sqlite3_bind_int64 (stmt, 4, draft->kind_id);
  if (draft->contact_member_id != 0)
    sqlite3_bind_int64 (stmt, 5, draft->contact_member_id);
  else
    sqlite3_bind_null (stmt, 5);
  _gw_store_bind_text (stmt, 6, contact);
  _gw_store_bind_text (stmt, 7, draft->notes);
  _gw_store_bind_text (stmt, 8, now);
  if (!_gw_store_step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (_gw_store_get_db (self));

  if (insert_judgement (self, id, draft->stance,
                        draft->stance_date != NULL && draft->stance_date[0] != '\0'
                        ? draft->stance_date : today,
                        reasoning, judged_by, error) == 0)
    goto fail;

  forget_names (self);
  if (!link_mentioning_notes (self, GW_NOTEBOOK_FORCE, id, name, error))
    goto fail;

  _gw_store_notebook_changed (self, "force", id);
  if (!gw_store_commit (self, error))
    return 0;
  return id;

fail:
  gw_store_rollback (self);
  forget_names (self);
  return 0;
}

gboolean
gw_store_update_force (GwStore        *self,
                       const GwForce  *force,
                       GError        **error)
{
  g_autofree char *now = gw_date_now_utc ();
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;
  g_autofree char *old_key = NULL;
  g_autofree char *contact = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  g_return_val_if_fail (force != NULL, FALSE);

  if (!_gw_store_check_writable (self, error))
    return FALSE;
  if (!row_exists (self, "SELECT 1 FROM forces WHERE id = ?", force->id))
    return not_found (error, _("This force no longer exists."));
  if (!check_force (self, force, error))
    return FALSE;

  name = trimmed (force->name);
  key = gw_text_fold (name);
  contact = force->contact_member_id != 0 ? g_strdup ("") : trimmed (force->contact_name);

  stmt = _gw_store_prepare (self, "SELECT name FROM forces WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, force->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    old_key = words_key ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (!gw_store_begin (self, error))
    return FALSE;

  stmt = _gw_store_prepare (self, "UPDATE forces SET name = ?2, name_key = ?3, kind_id = ?4,"
                            " contact_member_id = ?5, contact_name = ?6, notes = ?7, updated = ?8"
                            " WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, force->id);
  _gw_store_bind_text (stmt, 2, name);
  _gw_store_bind_text (stmt, 3, key);
  sqlite3_bind_int64 (stmt, 4, force->kind_id);
  if (force->contact_member_id != 0)
    sqlite3_bind_int64 (stmt, 5, force->contact_member_id);
  else
    sqlite3_bind_null (stmt, 5);
  _gw_store_bind_text (stmt, 6, contact);
  _gw_store_bind_text (stmt, 7, force->notes);
  _gw_store_bind_text (stmt, 8, now);
  if (!_gw_store_step_done (self, stmt, error))
    goto fail;

  {
    g_autofree char *new_key = words_key (name);

    if (g_strcmp0 (old_key, new_key) != 0 &&
        !relink_mentions (self, GW_NOTEBOOK_FORCE, force->id, name, error))
      goto fail;
  }

  _gw_store_notebook_changed (self, "force", force->id);
  return gw_store_commit (self, error);

fail:
  gw_store_rollback (self);
  forget_names (self);
  return FALSE;
}

GwForce *
gw_store_load_force (GwStore  *self,
                     gint64    id,
                     GError  **error)
{
  sqlite3_stmt *stmt;
  GwForce *force = NULL;

  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  stmt = _gw_store_prepare (self, "SELECT " FORCE_COLUMNS FORCE_FROM " WHERE f.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    force = read_force (stmt);
  sqlite3_reset (stmt);

  if (force == NULL)
    not_found (error, _("This force no longer exists."));
  return force;
}

gboolean
gw_store_count_force_links (GwStore       *self,
                            gint64         force_id,
                            GwForceLinks  *links,
                            GError       **error)
{
  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  g_return_val_if_fail (links != NULL, FALSE);

  memset (links, 0, sizeof *links);
  if (!row_exists (self, "SELECT 1 FROM forces WHERE id = ?", force_id))
    return not_found (error, _("This force no longer exists."));

  links->n_notes = query_int64 (self, "SELECT count(*) FROM note_forces l JOIN notes n"
                                " ON n.id = l.note_id WHERE l.force_id = ? AND n.deleted = 0",
                                force_id);
  links->n_needs = query_int64 (self, "SELECT count(*) FROM need_forces l JOIN needs x"
                                " ON x.id = l.need_id WHERE l.force_id = ? AND x.deleted = 0",
                                force_id);
  links->n_contradictions = query_int64 (self, "SELECT count(*) FROM contradiction_forces l"
                                         " JOIN contradictions c ON c.id = l.contradiction_id"
                                         " WHERE l.force_id = ? AND c.deleted = 0", force_id);
  links->n_relations = query_int64 (self, "SELECT count(*) FROM force_relations r"
                                    " JOIN forces o ON o.id = (CASE WHEN r.from_id = ?1"
                                    " THEN r.to_id ELSE r.from_id END)"
                                    " WHERE (r.from_id = ?1 OR r.to_id = ?1) AND o.deleted = 0",
                                    force_id);
  return TRUE;
}

gboolean
gw_store_delete_force (GwStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  return set_deleted (self, "forces", "force", id, TRUE, _("This force no longer exists."), error);
}

gboolean
gw_store_restore_force (GwStore  *self,
                        gint64    id,
                        GError  **error)
{
  sqlite3_stmt *stmt;
  gboolean taken = FALSE;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  /* Someone may have added a force of the same name meanwhile. */
  stmt = _gw_store_prepare (self, "SELECT 1 FROM forces o JOIN forces f ON f.id = ?1"
                            " WHERE o.deleted = 0 AND o.name_key = f.name_key AND o.id <> f.id",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (taken)
    return invalid (error, _("Another force now has this name. Rename one of them first."));

  return set_deleted (self, "forces", "force", id, FALSE, _("This force no longer exists."), error);
}

GPtrArray *
gw_store_list_forces (GwStore *self)
{
  GPtrArray *forces = new_array ((GDestroyNotify) gw_force_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), forces);

  stmt = _gw_store_prepare (self, "SELECT " FORCE_COLUMNS FORCE_FROM
                            " WHERE f.deleted = 0 ORDER BY f.name_key, f.id", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (forces, read_force (stmt));
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return forces;
}

GPtrArray *
gw_store_list_forces_by_stance (GwStore  *self,
                                GwStance  stance)
{
  GPtrArray *forces = new_array ((GDestroyNotify) gw_force_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), forces);

  stmt = _gw_store_prepare (self, "SELECT " FORCE_COLUMNS FORCE_FROM
                            " WHERE f.deleted = 0 AND f.stance = ? ORDER BY f.name_key, f.id", NULL);
  if (stmt == NULL)
    return forces;
  sqlite3_bind_int (stmt, 1, stance);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (forces, read_force (stmt));
  sqlite3_reset (stmt);
  return forces;
}

gint64
gw_store_judge_force (GwStore     *self,
                      gint64       force_id,
                      GwStance     stance,
                      const char  *date,
                      const char  *reasoning,
                      const char  *judged_by,
                      GError     **error)
{
  gint64 id;

  g_return_val_if_fail (GW_IS_STORE (self), 0);

  if (!_gw_store_check_writable (self, error))
    return 0;
  if (!row_exists (self, "SELECT 1 FROM forces WHERE id = ? AND deleted = 0", force_id))
    return not_found (error, _("This force no longer exists.")), 0;
  if ((guint) stance >= GW_N_STANCES)
    return invalid (error, _("Choose a stance for the force.")), 0;
  if (!check_date (date, error))
    return 0;

  if (!gw_store_begin (self, error))
    return 0;
  id = insert_judgement (self, force_id, stance, date, reasoning, judged_by, error);
  if (id == 0)
    {
      gw_store_rollback (self);
      return 0;
    }
  _gw_store_notebook_changed (self, "force", force_id);
  if (!gw_store_commit (self, error))
    return 0;
  return id;
}

GPtrArray *
gw_store_list_stance_history (GwStore *self,
                              gint64   force_id)
{
  GPtrArray *history = new_array ((GDestroyNotify) gw_stance_judgement_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), history);

  stmt = _gw_store_prepare (self, "SELECT id, uuid, force_id, stance, date, reasoning, judged_by,"
                            " created FROM stance_judgements WHERE force_id = ?"
                            " ORDER BY date, id", NULL);
  if (stmt == NULL)
    return history;
  sqlite3_bind_int64 (stmt, 1, force_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GwStanceJudgement *judgement = g_new0 (GwStanceJudgement, 1);

      judgement->id = sqlite3_column_int64 (stmt, 0);
      judgement->uuid = _gw_store_column_dup (stmt, 1);
      judgement->force_id = sqlite3_column_int64 (stmt, 2);
      judgement->stance = sqlite3_column_int (stmt, 3);
      judgement->date = _gw_store_column_dup (stmt, 4);
      judgement->reasoning = _gw_store_column_dup (stmt, 5);
      judgement->judged_by = _gw_store_column_dup (stmt, 6);
      judgement->created = _gw_store_column_dup (stmt, 7);
      g_ptr_array_add (history, judgement);
    }
  sqlite3_reset (stmt);
  return history;
}

/* Relations */

gint64
gw_store_add_force_relation (GwStore         *self,
                             gint64           from_id,
                             GwRelationKind   kind,
                             gint64           to_id,
                             const char      *note,
                             GError         **error)
{
  g_autofree char *uuid = gw_text_uuid ();
  g_autofree char *now = gw_date_now_utc ();
  g_autofree char *clean = trimmed (note);
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (GW_IS_STORE (self), 0);

  if (!_gw_store_check_writable (self, error))
    return 0;
  if (!row_exists (self, "SELECT 1 FROM forces WHERE id = ? AND deleted = 0", from_id) ||
      !row_exists (self, "SELECT 1 FROM forces WHERE id = ? AND deleted = 0", to_id))
    return not_found (error, _("This force no longer exists.")), 0;
  if (from_id == to_id)
    return invalid (error, _("A force cannot be related to itself.")), 0;
  if ((guint) kind >= GW_N_RELATION_KINDS)
    return invalid (error, _("Choose how the two forces are related.")), 0;
  if (kind == GW_RELATION_OTHER && clean[0] == '\0')
    return invalid (error, _("Say how the two forces are related.")), 0;

  stmt = _gw_store_prepare (self, "INSERT INTO force_relations (uuid, from_id, to_id, kind, note,"
                            " created, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)", error);
  if (stmt == NULL)
    return 0;
  _gw_store_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, from_id);
  sqlite3_bind_int64 (stmt, 3, to_id);
  sqlite3_bind_int (stmt, 4, kind);
  _gw_store_bind_text (stmt, 5, clean);
  _gw_store_bind_text (stmt, 6, now);
  if (!_gw_store_step_done (self, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (_gw_store_get_db (self));

  _gw_store_notebook_changed (self, "force", from_id);
  _gw_store_notebook_changed (self, "force", to_id);
  return id;
}

gboolean
gw_store_remove_force_relation (GwStore  *self,
                                gint64    relation_id,
                                GError  **error)
{
  gint64 from_id, to_id;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  if (!_gw_store_check_writable (self, error))
    return FALSE;
  from_id = query_int64 (self, "SELECT from_id FROM force_relations WHERE id = ?", relation_id);
  to_id = query_int64 (self, "SELECT to_id FROM force_relations WHERE id = ?", relation_id);
  if (from_id == 0)
    return not_found (error, _("This relation no longer exists."));
  if (!run (self, "DELETE FROM force_relations WHERE id = ?", relation_id, 0, 0, error))
    return FALSE;

  _gw_store_notebook_changed (self, "force", from_id);
  _gw_store_notebook_changed (self, "force", to_id);
  return TRUE;
}

GPtrArray *
gw_store_list_force_relations (GwStore *self,
                               gint64   force_id)
{
  GPtrArray *relations = new_array ((GDestroyNotify) gw_force_relation_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), relations);

  stmt = _gw_store_prepare (self, "SELECT r.id, r.uuid, r.from_id, a.name, r.kind, r.to_id, b.name,"
                            " r.note, r.created FROM force_relations r"
                            " JOIN forces a ON a.id = r.from_id JOIN forces b ON b.id = r.to_id"
                            " WHERE (r.from_id = ?1 OR r.to_id = ?1) AND a.deleted = 0"
                            " AND b.deleted = 0 ORDER BY r.kind, a.name_key, b.name_key, r.id", NULL);
  if (stmt == NULL)
    return relations;
  sqlite3_bind_int64 (stmt, 1, force_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GwForceRelation *relation = g_new0 (GwForceRelation, 1);

      relation->id = sqlite3_column_int64 (stmt, 0);
      relation->uuid = _gw_store_column_dup (stmt, 1);
      relation->from_id = sqlite3_column_int64 (stmt, 2);
      relation->from_name = _gw_store_column_dup (stmt, 3);
      relation->kind = sqlite3_column_int (stmt, 4);
      relation->to_id = sqlite3_column_int64 (stmt, 5);
      relation->to_name = _gw_store_column_dup (stmt, 6);
      relation->note = _gw_store_column_dup (stmt, 7);
      relation->created = _gw_store_column_dup (stmt, 8);
      g_ptr_array_add (relations, relation);
    }
  sqlite3_reset (stmt);
  return relations;
}

/* Needs */

#define NEED_NOTE_DATES(fn) \
  "(SELECT " fn "(o.date) FROM note_needs l JOIN notes o ON o.id = l.note_id" \
  " WHERE l.need_id = x.id AND o.deleted = 0)"
/* min()/max() of two values give NULL when either is NULL: coalesce each
 * with the other so that a missing one does not hide the other. */
/* One pass over the links of every need, grouped, rather than a subquery
 * per figure and need. */
#define NEED_COLUMNS "x.id, x.uuid, x.title, x.description, x.status, x.extra_count, x.raised," \
  " x.deleted, x.created, x.updated, count(o.id) AS n_notes," \
  " min(coalesce(min(o.date), x.raised), coalesce(x.raised, min(o.date)))," \
  " max(coalesce(max(o.date), x.raised), coalesce(x.raised, max(o.date))) AS last_raised"
#define NEED_FROM " FROM needs x LEFT JOIN note_needs l ON l.need_id = x.id" \
  " LEFT JOIN notes o ON o.id = l.note_id AND o.deleted = 0"

static GwNeed *
read_need (sqlite3_stmt *stmt)
{
  GwNeed *need = gw_need_new (NULL);

  need->id = sqlite3_column_int64 (stmt, 0);
  need->uuid = _gw_store_column_dup (stmt, 1);
  g_free (need->title);
  need->title = _gw_store_column_dup (stmt, 2);
  g_free (need->description);
  need->description = _gw_store_column_dup (stmt, 3);
  need->status = sqlite3_column_int (stmt, 4);
  need->extra_count = sqlite3_column_int (stmt, 5);
  need->raised = column_nullable (stmt, 6);
  need->deleted = sqlite3_column_int (stmt, 7) != 0;
  need->created = _gw_store_column_dup (stmt, 8);
  need->updated = _gw_store_column_dup (stmt, 9);
  need->n_notes = sqlite3_column_int (stmt, 10);
  need->count = need->n_notes + need->extra_count;
  need->first_raised = column_nullable (stmt, 11);
  need->last_raised = column_nullable (stmt, 12);
  return need;
}

static gboolean
check_need (GwStore       *self,
            const GwNeed  *need,
            GError       **error)
{
  g_autofree char *key = gw_text_fold (need->title);
  sqlite3_stmt *stmt;
  gboolean taken;

  if (is_blank (need->title))
    return invalid (error, _("Say what the need or struggle is."));
  if ((guint) need->status >= GW_N_NEED_STATUSES)
    return invalid (error, _("Choose what the organization is doing about it."));
  if (need->raised != NULL && need->raised[0] != '\0' && !check_date (need->raised, error))
    return FALSE;
  for (guint i = 0; need->forces != NULL && i < need->forces->len; i++)
    {
      GwNotebookRef *ref = g_ptr_array_index (need->forces, i);

      if (!check_target (self, GW_NOTEBOOK_FORCE, ref->id, error))
        return FALSE;
    }

  stmt = _gw_store_prepare (self, "SELECT 1 FROM needs WHERE deleted = 0 AND title_key = ?1"
                            " AND id <> ?2", error);
  if (stmt == NULL)
    return FALSE;
  _gw_store_bind_text (stmt, 1, key);
  sqlite3_bind_int64 (stmt, 2, need->id);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (taken)
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                   _("There is already a need called “%s”."), need->title);
      return FALSE;
    }

  return TRUE;
}

static gboolean
store_need_forces (GwStore       *self,
                   gint64         need_id,
                   const GwNeed  *need,
                   GError       **error)
{
  if (!run (self, "DELETE FROM need_forces WHERE need_id = ?", need_id, 0, 0, error))
    return FALSE;
  for (guint i = 0; need->forces != NULL && i < need->forces->len; i++)
    {
      GwNotebookRef *ref = g_ptr_array_index (need->forces, i);

      if (!run (self, "INSERT OR IGNORE INTO need_forces (need_id, force_id) VALUES (?, ?)",
                need_id, ref->id, 0, error))
        return FALSE;
    }
  return TRUE;
}

gint64
gw_store_add_need (GwStore       *self,
                   const GwNeed  *draft,
                   GError       **error)
{
  g_autofree char *uuid = gw_text_uuid ();
  g_autofree char *now = gw_date_now_utc ();
  g_autofree char *title = NULL;
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (GW_IS_STORE (self), 0);
  g_return_val_if_fail (draft != NULL, 0);

  if (!_gw_store_check_writable (self, error) || !check_need (self, draft, error))
    return 0;

  title = trimmed (draft->title);
  key = gw_text_fold (title);

  if (!gw_store_begin (self, error))
    return 0;

  stmt = _gw_store_prepare (self, "INSERT INTO needs (uuid, title, title_key, description, status,"
                            " extra_count, raised, created, updated)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)", error);
  if (stmt == NULL)
    goto fail;
  _gw_store_bind_text (stmt, 1, uuid);
  _gw_store_bind_text (stmt, 2, title);
  _gw_store_bind_text (stmt, 3, key);
  _gw_store_bind_text (stmt, 4, draft->description);
  sqlite3_bind_int (stmt, 5, draft->status);
  sqlite3_bind_int (stmt, 6, draft->extra_count);
  bind_nullable (stmt, 7, draft->raised);
  _gw_store_bind_text (stmt, 8, now);
  if (!_gw_store_step_done (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (_gw_store_get_db (self));

  forget_names (self);
  if (!store_need_forces (self, id, draft, error) ||
      !link_mentioning_notes (self, GW_NOTEBOOK_NEED, id, title, error))
    goto fail;

  _gw_store_notebook_changed (self, "need", id);
  if (!gw_store_commit (self, error))
    return 0;
  return id;

fail:
  gw_store_rollback (self);
  forget_names (self);
  return 0;
}

gboolean
gw_store_update_need (GwStore       *self,
                      const GwNeed  *need,
                      GError       **error)
{
  g_autofree char *now = gw_date_now_utc ();
  g_autofree char *title = NULL;
  g_autofree char *key = NULL;
  g_autofree char *old_key = NULL;
  g_autofree char *new_key = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  g_return_val_if_fail (need != NULL, FALSE);

  if (!_gw_store_check_writable (self, error))
    return FALSE;
  if (!row_exists (self, "SELECT 1 FROM needs WHERE id = ?", need->id))
    return not_found (error, _("This need no longer exists."));
  if (!check_need (self, need, error))
    return FALSE;

  title = trimmed (need->title);
  key = gw_text_fold (title);
  new_key = words_key (title);

  stmt = _gw_store_prepare (self, "SELECT title FROM needs WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, need->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    old_key = words_key ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (!gw_store_begin (self, error))
    return FALSE;

  stmt = _gw_store_prepare (self, "UPDATE needs SET title = ?2, title_key = ?3, description = ?4,"
                            " status = ?5, extra_count = ?6, raised = ?7, updated = ?8"
                            " WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, need->id);
  _gw_store_bind_text (stmt, 2, title);
  _gw_store_bind_text (stmt, 3, key);
  _gw_store_bind_text (stmt, 4, need->description);
  sqlite3_bind_int (stmt, 5, need->status);
  sqlite3_bind_int (stmt, 6, need->extra_count);
  bind_nullable (stmt, 7, need->raised);
  _gw_store_bind_text (stmt, 8, now);
  if (!_gw_store_step_done (self, stmt, error) ||
      !store_need_forces (self, need->id, need, error))
    goto fail;

  if (g_strcmp0 (old_key, new_key) != 0 &&
      !relink_mentions (self, GW_NOTEBOOK_NEED, need->id, title, error))
    goto fail;

  _gw_store_notebook_changed (self, "need", need->id);
  return gw_store_commit (self, error);

fail:
  gw_store_rollback (self);
  forget_names (self);
  return FALSE;
}

gboolean
gw_store_set_need_status (GwStore       *self,
                          gint64         need_id,
                          GwNeedStatus   status,
                          GError       **error)
{
  g_autofree char *now = gw_date_now_utc ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  if (!_gw_store_check_writable (self, error))
    return FALSE;
  if ((guint) status >= GW_N_NEED_STATUSES)
    return invalid (error, _("Choose what the organization is doing about it."));
  if (!row_exists (self, "SELECT 1 FROM needs WHERE id = ? AND deleted = 0", need_id))
    return not_found (error, _("This need no longer exists."));

  stmt = _gw_store_prepare (self, "UPDATE needs SET status = ?2, updated = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, need_id);
  sqlite3_bind_int (stmt, 2, status);
  _gw_store_bind_text (stmt, 3, now);
  if (!_gw_store_step_done (self, stmt, error))
    return FALSE;

  _gw_store_notebook_changed (self, "need", need_id);
  return TRUE;
}

GwNeed *
gw_store_load_need (GwStore  *self,
                    gint64    id,
                    GError  **error)
{
  sqlite3_stmt *stmt;
  GwNeed *need = NULL;

  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  stmt = _gw_store_prepare (self, "SELECT " NEED_COLUMNS NEED_FROM " WHERE x.id = ? GROUP BY x.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    need = read_need (stmt);
  sqlite3_reset (stmt);

  if (need == NULL)
    {
      not_found (error, _("This need no longer exists."));
      return NULL;
    }

  read_refs (self, need->notes, GW_NOTEBOOK_NOTE,
             "SELECT n.id, n.title, l.linked, l.mentioned FROM note_needs l"
             " JOIN notes n ON n.id = l.note_id WHERE l.need_id = ? AND n.deleted = 0"
             " ORDER BY n.date DESC, n.id DESC", id);
  read_refs (self, need->forces, GW_NOTEBOOK_FORCE,
             "SELECT f.id, f.name FROM need_forces l JOIN forces f ON f.id = l.force_id"
             " WHERE l.need_id = ? AND f.deleted = 0 ORDER BY f.name_key, f.id", id);
  return need;
}

gboolean
gw_store_delete_need (GwStore  *self,
                      gint64    id,
                      GError  **error)
{
  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  return set_deleted (self, "needs", "need", id, TRUE, _("This need no longer exists."), error);
}

gboolean
gw_store_restore_need (GwStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  return set_deleted (self, "needs", "need", id, FALSE, _("This need no longer exists."), error);
}

static GPtrArray *
list_needs (GwStore    *self,
            const char *sql,
            gint64      limit)
{
  GPtrArray *needs = new_array ((GDestroyNotify) gw_need_free);
  sqlite3_stmt *stmt = _gw_store_prepare (self, sql, NULL);

  if (stmt == NULL)
    return needs;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, limit);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (needs, read_need (stmt));
  sqlite3_reset (stmt);
  return needs;
}

GPtrArray *
gw_store_list_needs (GwStore *self)
{
  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  return list_needs (self, "SELECT " NEED_COLUMNS NEED_FROM " WHERE x.deleted = 0"
                     " GROUP BY x.id ORDER BY x.title_key, x.id", 0);
}

GPtrArray *
gw_store_list_top_needs (GwStore *self,
                         guint    limit)
{
  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  return list_needs (self, "SELECT " NEED_COLUMNS NEED_FROM " WHERE x.deleted = 0"
                     " AND x.status NOT IN (3, 4) GROUP BY x.id"
                     " ORDER BY n_notes + x.extra_count DESC, last_raised DESC, x.title_key"
                     " LIMIT ?", limit > 0 ? (gint64) limit : -1);
}

/* Contradictions */

#define CONTRADICTION_COLUMNS "c.id, c.uuid, c.title, c.description, c.kind, c.principal," \
  " c.deleted, c.created, c.updated"

static GwContradiction *
read_contradiction (sqlite3_stmt *stmt)
{
  GwContradiction *contradiction = gw_contradiction_new (NULL, 0);

  contradiction->id = sqlite3_column_int64 (stmt, 0);
  contradiction->uuid = _gw_store_column_dup (stmt, 1);
  g_free (contradiction->title);
  contradiction->title = _gw_store_column_dup (stmt, 2);
  g_free (contradiction->description);
  contradiction->description = _gw_store_column_dup (stmt, 3);
  contradiction->kind = sqlite3_column_int (stmt, 4);
  contradiction->principal = sqlite3_column_int (stmt, 5) != 0;
  contradiction->deleted = sqlite3_column_int (stmt, 6) != 0;
  contradiction->created = _gw_store_column_dup (stmt, 7);
  contradiction->updated = _gw_store_column_dup (stmt, 8);
  return contradiction;
}

static void
read_sides (GwStore          *self,
            GwContradiction  *contradiction)
{
  static const char sql[] = "SELECT f.id, f.name FROM contradiction_forces l"
                            " JOIN forces f ON f.id = l.force_id"
                            " WHERE l.contradiction_id = ?1 AND l.side = ?2 AND f.deleted = 0"
                            " ORDER BY f.name_key, f.id";

  for (int side = 0; side < 2; side++)
    {
      sqlite3_stmt *stmt = _gw_store_prepare (self, sql, NULL);
      GPtrArray *refs = side == 0 ? contradiction->side_a : contradiction->side_b;

      if (stmt == NULL)
        return;
      sqlite3_bind_int64 (stmt, 1, contradiction->id);
      sqlite3_bind_int (stmt, 2, side);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (refs, gw_notebook_ref_new (GW_NOTEBOOK_FORCE,
                                                    sqlite3_column_int64 (stmt, 0),
                                                    (const char *) sqlite3_column_text (stmt, 1)));
      sqlite3_reset (stmt);
    }
}

static gboolean
check_contradiction (GwStore                *self,
                     const GwContradiction  *contradiction,
                     GError                **error)
{
  if (is_blank (contradiction->title))
    return invalid (error, _("Say what the contradiction is."));
  if ((guint) contradiction->kind > GW_CONTRADICTION_WITH_OPPONENTS)
    return invalid (error, _("Say whether the contradiction is among the people or with opponents."));

  for (int side = 0; side < 2; side++)
    {
      GPtrArray *refs = side == 0 ? contradiction->side_a : contradiction->side_b;

      for (guint i = 0; refs != NULL && i < refs->len; i++)
        {
          GwNotebookRef *ref = g_ptr_array_index (refs, i);

          if (!check_target (self, GW_NOTEBOOK_FORCE, ref->id, error))
            return FALSE;
          if (side == 0)
            for (guint j = 0; contradiction->side_b != NULL && j < contradiction->side_b->len; j++)
              if (((GwNotebookRef *) g_ptr_array_index (contradiction->side_b, j))->id == ref->id)
                {
                  g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                               _("“%s” cannot be on both sides of the contradiction."),
                               ref->title ? ref->title : "");
                  return FALSE;
                }
        }
    }

  return TRUE;
}

static gboolean
write_contradiction (GwStore                *self,
                     gint64                 *id,
                     const GwContradiction  *contradiction,
                     GError                **error)
{
  g_autofree char *now = gw_date_now_utc ();
  g_autofree char *title = trimmed (contradiction->title);
  sqlite3_stmt *stmt;

  if (*id == 0)
    {
      g_autofree char *uuid = gw_text_uuid ();

      stmt = _gw_store_prepare (self, "INSERT INTO contradictions (uuid, title, description, kind,"
                                " principal, created, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                                error);
      if (stmt == NULL)
        return FALSE;
      _gw_store_bind_text (stmt, 1, uuid);
    }
  else
    {
      stmt = _gw_store_prepare (self, "UPDATE contradictions SET title = ?2, description = ?3,"
                                " kind = ?4, principal = ?5, updated = ?6 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, *id);
    }
  _gw_store_bind_text (stmt, 2, title);
  _gw_store_bind_text (stmt, 3, contradiction->description);
  sqlite3_bind_int (stmt, 4, contradiction->kind);
  sqlite3_bind_int (stmt, 5, contradiction->principal ? 1 : 0);
  _gw_store_bind_text (stmt, 6, now);
  if (!_gw_store_step_done (self, stmt, error))
    return FALSE;
  if (*id == 0)
    *id = sqlite3_last_insert_rowid (_gw_store_get_db (self));

  if (!run (self, "DELETE FROM contradiction_forces WHERE contradiction_id = ?", *id, 0, 0, error))
    return FALSE;
  for (int side = 0; side < 2; side++)
    {
      GPtrArray *refs = side == 0 ? contradiction->side_a : contradiction->side_b;

      for (guint i = 0; refs != NULL && i < refs->len; i++)
        if (!run (self, "INSERT OR IGNORE INTO contradiction_forces (contradiction_id, force_id, side)"
                  " VALUES (?, ?, ?)", *id, ((GwNotebookRef *) g_ptr_array_index (refs, i))->id,
                  side, error))
          return FALSE;
    }

  return TRUE;
}

gint64
gw_store_add_contradiction (GwStore                *self,
                            const GwContradiction  *draft,
                            GError                **error)
{
  gint64 id = 0;

  g_return_val_if_fail (GW_IS_STORE (self), 0);
  g_return_val_if_fail (draft != NULL, 0);

  if (!_gw_store_check_writable (self, error) || !check_contradiction (self, draft, error))
    return 0;
  if (!gw_store_begin (self, error))
    return 0;
  if (!write_contradiction (self, &id, draft, error))
    {
      gw_store_rollback (self);
      return 0;
    }
  _gw_store_notebook_changed (self, "contradiction", id);
  if (!gw_store_commit (self, error))
    return 0;
  return id;
}

gboolean
gw_store_update_contradiction (GwStore                *self,
                               const GwContradiction  *contradiction,
                               GError                **error)
{
  gint64 id;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  g_return_val_if_fail (contradiction != NULL, FALSE);

  if (!_gw_store_check_writable (self, error))
    return FALSE;
  if (!row_exists (self, "SELECT 1 FROM contradictions WHERE id = ?", contradiction->id))
    return not_found (error, _("This contradiction no longer exists."));
  if (!check_contradiction (self, contradiction, error))
    return FALSE;

  id = contradiction->id;
  if (!gw_store_begin (self, error))
    return FALSE;
  if (!write_contradiction (self, &id, contradiction, error))
    {
      gw_store_rollback (self);
      return FALSE;
    }
  _gw_store_notebook_changed (self, "contradiction", id);
  return gw_store_commit (self, error);
}

GwContradiction *
gw_store_load_contradiction (GwStore  *self,
                             gint64    id,
                             GError  **error)
{
  sqlite3_stmt *stmt;
  GwContradiction *contradiction = NULL;

  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  stmt = _gw_store_prepare (self, "SELECT " CONTRADICTION_COLUMNS " FROM contradictions c"
                            " WHERE c.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    contradiction = read_contradiction (stmt);
  sqlite3_reset (stmt);

  if (contradiction == NULL)
    {
      not_found (error, _("This contradiction no longer exists."));
      return NULL;
    }

  read_sides (self, contradiction);
  return contradiction;
}

gboolean
gw_store_delete_contradiction (GwStore  *self,
                               gint64    id,
                               GError  **error)
{
  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  return set_deleted (self, "contradictions", "contradiction", id, TRUE,
                      _("This contradiction no longer exists."), error);
}

gboolean
gw_store_restore_contradiction (GwStore  *self,
                                gint64    id,
                                GError  **error)
{
  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  return set_deleted (self, "contradictions", "contradiction", id, FALSE,
                      _("This contradiction no longer exists."), error);
}

GPtrArray *
gw_store_list_contradictions (GwStore *self)
{
  GPtrArray *list = new_array ((GDestroyNotify) gw_contradiction_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), list);

  stmt = _gw_store_prepare (self, "SELECT " CONTRADICTION_COLUMNS " FROM contradictions c"
                            " WHERE c.deleted = 0 ORDER BY c.principal DESC,"
                            " c.title COLLATE NOCASE, c.id", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (list, read_contradiction (stmt));
  if (stmt != NULL)
    sqlite3_reset (stmt);

  for (guint i = 0; i < list->len; i++)
    read_sides (self, g_ptr_array_index (list, i));
  return list;
}

gint64
gw_store_add_contradiction_change (GwStore     *self,
                                   gint64       contradiction_id,
                                   const char  *date,
                                   const char  *text,
                                   GError     **error)
{
  g_autofree char *uuid = gw_text_uuid ();
  g_autofree char *now = gw_date_now_utc ();
  g_autofree char *clean = trimmed (text);
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (GW_IS_STORE (self), 0);

  if (!_gw_store_check_writable (self, error))
    return 0;
  if (!row_exists (self, "SELECT 1 FROM contradictions WHERE id = ? AND deleted = 0",
                   contradiction_id))
    return not_found (error, _("This contradiction no longer exists.")), 0;
  if (!check_date (date, error))
    return 0;
  if (clean[0] == '\0')
    return invalid (error, _("Say how the contradiction is changing.")), 0;

  stmt = _gw_store_prepare (self, "INSERT INTO contradiction_changes (uuid, contradiction_id, date,"
                            " text, created) VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  _gw_store_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, contradiction_id);
  _gw_store_bind_text (stmt, 3, date);
  _gw_store_bind_text (stmt, 4, clean);
  _gw_store_bind_text (stmt, 5, now);
  if (!_gw_store_step_done (self, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (_gw_store_get_db (self));

  _gw_store_notebook_changed (self, "contradiction", contradiction_id);
  return id;
}

GPtrArray *
gw_store_list_contradiction_changes (GwStore *self,
                                     gint64   contradiction_id)
{
  GPtrArray *changes = new_array ((GDestroyNotify) gw_contradiction_change_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), changes);

  stmt = _gw_store_prepare (self, "SELECT id, uuid, contradiction_id, date, text, created"
                            " FROM contradiction_changes WHERE contradiction_id = ?"
                            " ORDER BY date, id", NULL);
  if (stmt == NULL)
    return changes;
  sqlite3_bind_int64 (stmt, 1, contradiction_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GwContradictionChange *change = g_new0 (GwContradictionChange, 1);

      change->id = sqlite3_column_int64 (stmt, 0);
      change->uuid = _gw_store_column_dup (stmt, 1);
      change->contradiction_id = sqlite3_column_int64 (stmt, 2);
      change->date = _gw_store_column_dup (stmt, 3);
      change->text = _gw_store_column_dup (stmt, 4);
      change->created = _gw_store_column_dup (stmt, 5);
      g_ptr_array_add (changes, change);
    }
  sqlite3_reset (stmt);
  return changes;
}

/* Legal terrain */

#define RULE_COLUMNS "r.id, r.uuid, r.title, r.place, r.risk, r.way_around, r.source," \
  " r.review_date, r.deleted, r.created, r.updated"

static GwLegalRule *
read_rule (sqlite3_stmt *stmt,
           const char   *today)
{
  GwLegalRule *rule = gw_legal_rule_new (NULL, 0);

  rule->id = sqlite3_column_int64 (stmt, 0);
  rule->uuid = _gw_store_column_dup (stmt, 1);
  g_free (rule->title);
  rule->title = _gw_store_column_dup (stmt, 2);
  g_free (rule->place);
  rule->place = _gw_store_column_dup (stmt, 3);
  rule->risk = sqlite3_column_int (stmt, 4);
  g_free (rule->way_around);
  rule->way_around = _gw_store_column_dup (stmt, 5);
  g_free (rule->source);
  rule->source = _gw_store_column_dup (stmt, 6);
  rule->review_date = column_nullable (stmt, 7);
  rule->deleted = sqlite3_column_int (stmt, 8) != 0;
  rule->created = _gw_store_column_dup (stmt, 9);
  rule->updated = _gw_store_column_dup (stmt, 10);
  rule->due = gw_legal_rule_is_due (rule, today);
  return rule;
}

static gboolean
check_rule (const GwLegalRule  *rule,
            GError            **error)
{
  if (is_blank (rule->title))
    return invalid (error, _("Say what the rule or law is."));
  if ((guint) rule->risk > GW_RISK_HIGH)
    return invalid (error, _("Choose how risky the rule is: low, medium or high."));
  if (rule->review_date != NULL && rule->review_date[0] != '\0' &&
      !check_date (rule->review_date, error))
    return FALSE;
  return TRUE;
}

static gboolean
write_rule (GwStore            *self,
            gint64             *id,
            const GwLegalRule  *rule,
            GError            **error)
{
  g_autofree char *now = gw_date_now_utc ();
  g_autofree char *title = trimmed (rule->title);
  g_autofree char *place = trimmed (rule->place);
  g_autofree char *source = trimmed (rule->source);
  sqlite3_stmt *stmt;

  if (*id == 0)
    {
      g_autofree char *uuid = gw_text_uuid ();

      stmt = _gw_store_prepare (self, "INSERT INTO legal_rules (uuid, title, place, risk, way_around,"
                                " source, review_date, created, updated)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)", error);
      if (stmt == NULL)
        return FALSE;
      _gw_store_bind_text (stmt, 1, uuid);
    }
  else
    {
      stmt = _gw_store_prepare (self, "UPDATE legal_rules SET title = ?2, place = ?3, risk = ?4,"
                                " way_around = ?5, source = ?6, review_date = ?7, updated = ?8"
                                " WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, *id);
    }
  _gw_store_bind_text (stmt, 2, title);
  _gw_store_bind_text (stmt, 3, place);
  sqlite3_bind_int (stmt, 4, rule->risk);
  _gw_store_bind_text (stmt, 5, rule->way_around);
  _gw_store_bind_text (stmt, 6, source);
  bind_nullable (stmt, 7, rule->review_date);
  _gw_store_bind_text (stmt, 8, now);
  if (!_gw_store_step_done (self, stmt, error))
    return FALSE;
  if (*id == 0)
    *id = sqlite3_last_insert_rowid (_gw_store_get_db (self));
  return TRUE;
}

gint64
gw_store_add_rule (GwStore            *self,
                   const GwLegalRule  *draft,
                   GError            **error)
{
  gint64 id = 0;

  g_return_val_if_fail (GW_IS_STORE (self), 0);
  g_return_val_if_fail (draft != NULL, 0);

  if (!_gw_store_check_writable (self, error) || !check_rule (draft, error))
    return 0;
  if (!gw_store_begin (self, error))
    return 0;
  forget_names (self);
  if (!write_rule (self, &id, draft, error) ||
      !link_mentioning_notes (self, GW_NOTEBOOK_RULE, id, draft->title, error))
    {
      gw_store_rollback (self);
      forget_names (self);
      return 0;
    }
  _gw_store_notebook_changed (self, "rule", id);
  if (!gw_store_commit (self, error))
    return 0;
  return id;
}

gboolean
gw_store_update_rule (GwStore            *self,
                      const GwLegalRule  *rule,
                      GError            **error)
{
  gint64 id;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  g_return_val_if_fail (rule != NULL, FALSE);

  if (!_gw_store_check_writable (self, error))
    return FALSE;
  if (!row_exists (self, "SELECT 1 FROM legal_rules WHERE id = ?", rule->id))
    return not_found (error, _("This legal rule no longer exists."));
  if (!check_rule (rule, error))
    return FALSE;

  id = rule->id;
  if (!gw_store_begin (self, error))
    return FALSE;
  if (!write_rule (self, &id, rule, error) ||
      !relink_mentions (self, GW_NOTEBOOK_RULE, id, rule->title, error))
    {
      gw_store_rollback (self);
      forget_names (self);
      return FALSE;
    }
  _gw_store_notebook_changed (self, "rule", id);
  return gw_store_commit (self, error);
}

GwLegalRule *
gw_store_load_rule (GwStore  *self,
                    gint64    id,
                    GError  **error)
{
  g_autofree char *today = gw_date_today ();
  sqlite3_stmt *stmt;
  GwLegalRule *rule = NULL;

  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  stmt = _gw_store_prepare (self, "SELECT " RULE_COLUMNS " FROM legal_rules r WHERE r.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    rule = read_rule (stmt, today);
  sqlite3_reset (stmt);

  if (rule == NULL)
    not_found (error, _("This legal rule no longer exists."));
  return rule;
}

gboolean
gw_store_delete_rule (GwStore  *self,
                      gint64    id,
                      GError  **error)
{
  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  return set_deleted (self, "legal_rules", "rule", id, TRUE,
                      _("This legal rule no longer exists."), error);
}

gboolean
gw_store_restore_rule (GwStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  return set_deleted (self, "legal_rules", "rule", id, FALSE,
                      _("This legal rule no longer exists."), error);
}

static GPtrArray *
list_rules (GwStore    *self,
            const char *sql,
            const char *today)
{
  GPtrArray *rules = new_array ((GDestroyNotify) gw_legal_rule_free);
  sqlite3_stmt *stmt = _gw_store_prepare (self, sql, NULL);

  if (stmt == NULL)
    return rules;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    _gw_store_bind_text (stmt, 1, today);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (rules, read_rule (stmt, today));
  sqlite3_reset (stmt);
  return rules;
}

GPtrArray *
gw_store_list_rules (GwStore    *self,
                     const char *today)
{
  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  return list_rules (self, "SELECT " RULE_COLUMNS " FROM legal_rules r WHERE r.deleted = 0"
                     " ORDER BY r.risk DESC, r.title COLLATE NOCASE, r.id", today);
}

GPtrArray *
gw_store_list_rules_due (GwStore    *self,
                         const char *today)
{
  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  if (today == NULL)
    return new_array ((GDestroyNotify) gw_legal_rule_free);

  return list_rules (self, "SELECT " RULE_COLUMNS " FROM legal_rules r WHERE r.deleted = 0"
                     " AND r.review_date IS NOT NULL AND r.review_date <= ?1"
                     " ORDER BY r.review_date, r.risk DESC, r.id", today);
}

/* Purging */

gboolean
gw_store_purge_deleted_notebook (GwStore  *self,
                                 GError  **error)
{
  static const char * const purges[] = {
    "DELETE FROM notes WHERE deleted = 1",
    "DELETE FROM needs WHERE deleted = 1",
    "DELETE FROM contradictions WHERE deleted = 1",
    "DELETE FROM legal_rules WHERE deleted = 1",
    "DELETE FROM forces WHERE deleted = 1",
  };
  int changes = 0;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  if (!gw_store_begin (self, error))
    return FALSE;

  /* Foreign keys with ON DELETE CASCADE take every link, judgement,
   * relation and side with the things they belong to. */
  for (guint i = 0; i < G_N_ELEMENTS (purges); i++)
    {
      if (!_gw_store_exec (self, purges[i], error))
        {
          gw_store_rollback (self);
          return FALSE;
        }
      changes += sqlite3_changes (_gw_store_get_db (self));
    }

  forget_names (self);
  if (changes > 0)
    {
      _gw_store_notebook_changed (self, "note", 0);
      _gw_store_notebook_changed (self, "force", 0);
      _gw_store_notebook_changed (self, "need", 0);
      _gw_store_notebook_changed (self, "contradiction", 0);
      _gw_store_notebook_changed (self, "rule", 0);
    }
  return gw_store_commit (self, error);
}

/* Search */

/* See gw_store_notebook_search(). */
#define RANK_CAP 4000

typedef struct
{
  GwNotebookType  type;
  const char     *fts;
  const char     *body_sql;  /* selects the text snippets come from, then the title */
  /* Selects id, title, date, rank for ?1 MATCH, ?2 from, ?3 to, ?4 tag,
   * ?5 force, ?6 limit. */
  const char     *sql;
} SearchSource;

static const SearchSource search_sources[] = {
  { GW_NOTEBOOK_NOTE, "notes_fts", "SELECT text, title FROM notes WHERE id = ?",
    "SELECT n.id, n.title, n.date, bm25(notes_fts, 10.0, 2.0, 1.0, 4.0) AS r"
    " FROM notes_fts JOIN notes n ON n.id = notes_fts.rowid"
    " WHERE notes_fts MATCH ?1 AND n.deleted = 0"
    " AND (?2 IS NULL OR n.date >= ?2) AND (?3 IS NULL OR n.date <= ?3)"
    " AND (?4 IS NULL OR n.id IN (SELECT note_id FROM note_tags WHERE tag = ?4))"
    " AND (?5 = 0 OR n.id IN (SELECT note_id FROM note_forces WHERE force_id = ?5))"
    " AND notes_fts.rowid >= ?7"
    " ORDER BY r LIMIT ?6" },
  { GW_NOTEBOOK_FORCE, "forces_fts", "SELECT notes || ' ' || contact_name, name FROM forces WHERE id = ?",
    "SELECT f.id, f.name, f.stance_date, bm25(forces_fts, 10.0, 2.0, 1.0) AS r"
    " FROM forces_fts JOIN forces f ON f.id = forces_fts.rowid"
    " WHERE forces_fts MATCH ?1 AND f.deleted = 0 AND ?4 IS NULL"
    " AND (?2 IS NULL OR f.stance_date >= ?2) AND (?3 IS NULL OR f.stance_date <= ?3)"
    " AND (?5 = 0 OR f.id = ?5 OR f.id IN (SELECT to_id FROM force_relations WHERE from_id = ?5)"
    "      OR f.id IN (SELECT from_id FROM force_relations WHERE to_id = ?5))"
    " ORDER BY r LIMIT ?6" },
  { GW_NOTEBOOK_NEED, "needs_fts", "SELECT description, title FROM needs WHERE id = ?",
    "SELECT id, title, last_raised, r FROM ("
    " SELECT x.id, x.title, max(coalesce(" NEED_NOTE_DATES ("max") ", x.raised),"
    "  coalesce(x.raised, " NEED_NOTE_DATES ("max") ")) AS last_raised,"
    "  bm25(needs_fts, 10.0, 1.0) AS r"
    " FROM needs_fts JOIN needs x ON x.id = needs_fts.rowid"
    " WHERE needs_fts MATCH ?1 AND x.deleted = 0 AND ?4 IS NULL"
    " AND (?5 = 0 OR x.id IN (SELECT need_id FROM need_forces WHERE force_id = ?5)))"
    " WHERE (?2 IS NULL OR last_raised >= ?2) AND (?3 IS NULL OR last_raised <= ?3)"
    " ORDER BY r LIMIT ?6" },
  { GW_NOTEBOOK_CONTRADICTION, "contradictions_fts", "SELECT description, title FROM contradictions WHERE id = ?",
    "SELECT id, title, day, r FROM ("
    " SELECT c.id, c.title, coalesce((SELECT max(date) FROM contradiction_changes"
    "  WHERE contradiction_id = c.id), substr(c.updated, 1, 10)) AS day,"
    "  bm25(contradictions_fts, 10.0, 1.0) AS r"
    " FROM contradictions_fts JOIN contradictions c ON c.id = contradictions_fts.rowid"
    " WHERE contradictions_fts MATCH ?1 AND c.deleted = 0 AND ?4 IS NULL"
    " AND (?5 = 0 OR c.id IN (SELECT contradiction_id FROM contradiction_forces WHERE force_id = ?5)))"
    " WHERE (?2 IS NULL OR day >= ?2) AND (?3 IS NULL OR day <= ?3)"
    " ORDER BY r LIMIT ?6" },
  { GW_NOTEBOOK_RULE, "rules_fts", "SELECT way_around || ' ' || place || ' ' || source, title FROM legal_rules WHERE id = ?",
    "SELECT r.id, r.title, r.review_date, bm25(rules_fts, 10.0, 2.0, 1.0, 1.0) AS rk"
    " FROM rules_fts JOIN legal_rules r ON r.id = rules_fts.rowid"
    " WHERE rules_fts MATCH ?1 AND r.deleted = 0 AND ?4 IS NULL AND ?5 = 0"
    " AND (?2 IS NULL OR r.review_date >= ?2) AND (?3 IS NULL OR r.review_date <= ?3)"
    " ORDER BY rk LIMIT ?6" },
};

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const GwNotebookHit *ha = *(const GwNotebookHit **) a;
  const GwNotebookHit *hb = *(const GwNotebookHit **) b;

  if (ha->rank < hb->rank)
    return -1;
  if (ha->rank > hb->rank)
    return 1;
  if (ha->type != hb->type)
    return ha->type < hb->type ? -1 : 1;
  return ha->id < hb->id ? -1 : ha->id > hb->id;
}

static const SearchSource *
find_source (GwNotebookType type)
{
  for (guint i = 0; i < G_N_ELEMENTS (search_sources); i++)
    if (search_sources[i].type == type)
      return &search_sources[i];
  return NULL;
}

#define SNIPPET_WORDS 16

typedef struct
{
  const char *start;
  const char *end;
  gboolean    matched;
} Word;

/* Whether a folded word of the text starts with one of the searched words,
 * as FTS5 matched it (each searched word is a prefix). */
static gboolean
word_matches (const char  *start,
              const char  *end,
              GStrv        searched)
{
  g_autofree char *raw = g_strndup (start, end - start);
  g_autofree char *folded = gw_text_fold (raw);

  for (guint i = 0; searched[i] != NULL; i++)
    if (g_str_has_prefix (folded, searched[i]))
      return TRUE;
  return FALSE;
}

/* A few words of @text around the best cluster of searched words, those
 * marked with GW_NOTEBOOK_MARK_START/END. Made here rather than with FTS5's
 * snippet(), which has to walk the whole list of matching rows to reach one
 * row and costs milliseconds a hit for a common word. Returns NULL when no
 * searched word is in @text. */
static char *
snippet_of (const char *text,
            GStrv       searched)
{
  g_autoptr(GArray) words = g_array_new (FALSE, FALSE, sizeof (Word));
  const char *p = text ? text : "";
  guint best = 0, best_count = 0, first, last;
  GString *out;

  while (*p)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || g_unichar_ismark (c))
        {
          Word word = { p, NULL, FALSE };

          while (*p && (g_unichar_isalnum (g_utf8_get_char (p)) || g_unichar_ismark (g_utf8_get_char (p))))
            p = g_utf8_next_char (p);
          word.end = p;
          word.matched = word_matches (word.start, word.end, searched);
          g_array_append_val (words, word);
        }
      else
        p = g_utf8_next_char (p);
    }

  /* The window of words with the most matches, starting a little before
   * the first of them. */
  for (guint i = 0; i < words->len; i++)
    if (g_array_index (words, Word, i).matched)
      {
        guint count = 0;

        for (guint j = i; j < MIN (words->len, i + SNIPPET_WORDS); j++)
          count += g_array_index (words, Word, j).matched;
        if (count > best_count)
          {
            best_count = count;
            best = i;
          }
      }

  if (best_count == 0)
    return NULL;

  first = best > 3 ? best - 3 : 0;
  last = MIN (words->len, first + SNIPPET_WORDS) - 1;
  out = g_string_new (first > 0 ? "…" : "");
  for (guint i = first; i <= last; i++)
    {
      Word *word = &g_array_index (words, Word, i);

      if (i > first)
        {
          /* What was between the words, as written, on one line. */
          for (const char *q = g_array_index (words, Word, i - 1).end; q < word->start;
               q = g_utf8_next_char (q))
            {
              if (*q == '\n' || *q == '\r' || *q == '\t')
                g_string_append_c (out, ' ');
              else
                g_string_append_unichar (out, g_utf8_get_char (q));
            }
        }
      if (word->matched)
        g_string_append (out, GW_NOTEBOOK_MARK_START);
      g_string_append_len (out, word->start, word->end - word->start);
      if (word->matched)
        g_string_append (out, GW_NOTEBOOK_MARK_END);
    }
  if (last + 1 < words->len)
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

/* The snippet comes from the body (a note's text) when the words are
 * there, since the title is shown beside it anyway; otherwise from the
 * title. */
static char *
make_snippet (GwStore            *self,
              const SearchSource *source,
              GStrv               searched,
              gint64              id)
{
  sqlite3_stmt *stmt = _gw_store_prepare (self, source->body_sql, NULL);
  char *snippet = NULL;

  if (stmt == NULL)
    return g_strdup ("");
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      snippet = snippet_of ((const char *) sqlite3_column_text (stmt, 0), searched);
      if (snippet == NULL)
        snippet = snippet_of ((const char *) sqlite3_column_text (stmt, 1), searched);
    }
  sqlite3_reset (stmt);

  return snippet ? snippet : g_strdup ("");
}

/* The searched words, folded, as gw_text_fts_query() splits them. */
static GStrv
searched_words (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *key = words_key (text);
  g_auto(GStrv) parts = g_strsplit (key, " ", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

static gboolean
is_set (const char *text)
{
  /* As bind_nullable() reads it. */
  return text != NULL && text[0] != '\0';
}

/* A filter that keeps at most this share of the notes (or RANK_CAP notes)
 * is read into a set; see filtered_notes_sql(). */
#define FILTER_SET_SHARE 4

static void
bind_filter (sqlite3_stmt           *stmt,
             const GwNotebookFilter *filter)
{
  bind_nullable (stmt, 2, filter ? filter->from_date : NULL);
  bind_nullable (stmt, 3, filter ? filter->to_date : NULL);
  bind_nullable (stmt, 4, filter ? filter->tag : NULL);
  sqlite3_bind_int64 (stmt, 5, filter ? filter->force_id : 0);
}

/* Whether fewer than @bound notes pass the filter that @set_sql selects;
 * counts no further than @bound. */
static gboolean
is_selective (GwStore                *self,
              const char             *set_sql,
              const GwNotebookFilter *filter,
              gint64                  bound)
{
  g_autofree char *sql = g_strconcat ("SELECT count(*) FROM (", set_sql, " LIMIT ?8)", NULL);
  sqlite3_stmt *stmt = _gw_store_prepare (self, sql, NULL);
  gint64 count = bound;

  if (stmt == NULL)
    return FALSE;
  bind_filter (stmt, filter);
  sqlite3_bind_int64 (stmt, 8, bound);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count < bound;
}

/* Notes for a search with a date, tag or force filter: ?1 MATCH, ?2 from,
 * ?3 to, ?4 tag, ?5 force, ?6 limit, ?7 RANK_CAP. The inner query walks the
 * matches newest first (FTS5 gives them in rowid order) and keeps the first
 * RANK_CAP that pass the filter; only those are ranked by bm25, as without
 * a filter.
 *
 * How each filter is checked depends on how many notes it keeps. One that
 * keeps few is read from its index (notes_by_date, note_tags' key,
 * note_forces_by_force) into a set once, and every match is checked against
 * the set: a match that fails costs neither a read of its note nor bm25,
 * which matters because a common word then has to be followed through most
 * of its matches to find RANK_CAP that pass. One that keeps most notes would
 * cost more to read into a set (about 30 ms for 50,000 notes) than checking
 * the RANK_CAP-odd matches walked one by one, so those are checked on each
 * match. The "+" keeps SQLite from looking the matches up rowid by rowid
 * from a set instead, which runs the whole MATCH again for every rowid. */
static char *
filtered_notes_sql (GwStore                *self,
                    const GwNotebookFilter *filter)
{
  GString *sql = g_string_new ("SELECT id, title, date, r FROM ("
                               " SELECT n.id, n.title, n.date,"
                               "  bm25(notes_fts, 10.0, 2.0, 1.0, 4.0) AS r"
                               " FROM notes_fts JOIN notes n ON n.id = notes_fts.rowid"
                               " WHERE notes_fts MATCH ?1");
  gint64 bound = MAX (RANK_CAP, query_int64 (self, "SELECT max(id) FROM notes", 0) /
                                FILTER_SET_SHARE);

  if (is_set (filter->from_date) || is_set (filter->to_date))
    {
      g_autoptr(GString) set_sql = g_string_new ("SELECT id FROM notes WHERE deleted = 0");

      if (is_set (filter->from_date))
        g_string_append (set_sql, " AND date >= ?2");
      if (is_set (filter->to_date))
        g_string_append (set_sql, " AND date <= ?3");
      if (is_selective (self, set_sql->str, filter, bound))
        g_string_append_printf (sql, " AND +notes_fts.rowid IN (%s)", set_sql->str);
      else
        {
          if (is_set (filter->from_date))
            g_string_append (sql, " AND n.date >= ?2");
          if (is_set (filter->to_date))
            g_string_append (sql, " AND n.date <= ?3");
        }
    }
  if (is_set (filter->tag))
    {
      if (is_selective (self, "SELECT note_id FROM note_tags WHERE tag = ?4", filter, bound))
        g_string_append (sql, " AND +notes_fts.rowid IN"
                              " (SELECT note_id FROM note_tags WHERE tag = ?4)");
      else
        g_string_append (sql, " AND EXISTS (SELECT 1 FROM note_tags"
                              " WHERE tag = ?4 AND note_id = notes_fts.rowid)");
    }
  if (filter->force_id != 0)
    {
      if (is_selective (self, "SELECT note_id FROM note_forces WHERE force_id = ?5", filter, bound))
        g_string_append (sql, " AND +notes_fts.rowid IN"
                              " (SELECT note_id FROM note_forces WHERE force_id = ?5)");
      else
        g_string_append (sql, " AND EXISTS (SELECT 1 FROM note_forces"
                              " WHERE force_id = ?5 AND note_id = notes_fts.rowid)");
    }
  g_string_append (sql, " AND n.deleted = 0"
                        " ORDER BY notes_fts.rowid DESC LIMIT ?7)"
                        " ORDER BY r LIMIT ?6");

  return g_string_free (sql, FALSE);
}

GPtrArray *
gw_store_notebook_search (GwStore                 *self,
                          const char              *text,
                          const GwNotebookFilter  *filter,
                          guint                    limit)
{
  GPtrArray *hits = new_array ((GDestroyNotify) gw_notebook_hit_free);
  g_autofree char *query = NULL;
  gint64 first_ranked = 0;
  gboolean filtered;
  guint types;

  g_return_val_if_fail (GW_IS_STORE (self), hits);

  query = gw_text_fts_query (text);
  if (query == NULL)
    return hits;

  if (limit == 0)
    limit = 50;

  /* bm25 costs the same for every matching note, and a word in most of
   * 50,000 notes would take a quarter of a second to rank. Only the newest
   * RANK_CAP notes that match are ranked: a word that common finds more
   * than anyone reads, and the newest are the ones wanted most. Without
   * other filters, the RANK_CAP-th newest match bounds the rowids ranked;
   * with a date, tag or force filter, filtered_notes_sql() takes the newest
   * RANK_CAP notes that match and pass the filter. */
  filtered = filter != NULL && (is_set (filter->from_date) || is_set (filter->to_date) ||
                                is_set (filter->tag) || filter->force_id != 0);
  if (!filtered)
    {
      sqlite3_stmt *stmt = _gw_store_prepare (self, "SELECT rowid FROM notes_fts"
                                              " WHERE notes_fts MATCH ?1"
                                              " ORDER BY rowid DESC LIMIT 1 OFFSET ?2", NULL);

      if (stmt != NULL)
        {
          _gw_store_bind_text (stmt, 1, query);
          sqlite3_bind_int (stmt, 2, RANK_CAP - 1);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            first_ranked = sqlite3_column_int64 (stmt, 0);
          sqlite3_reset (stmt);
        }
    }
  types = (filter != NULL && filter->types != 0) ? filter->types : GW_NOTEBOOK_ALL;

  for (guint i = 0; i < G_N_ELEMENTS (search_sources); i++)
    {
      const SearchSource *source = &search_sources[i];
      sqlite3_stmt *stmt;

      if ((types & source->type) == 0)
        continue;

      if (filtered && source->type == GW_NOTEBOOK_NOTE)
        {
          g_autofree char *sql = filtered_notes_sql (self, filter);

          stmt = _gw_store_prepare (self, sql, NULL);
        }
      else
        stmt = _gw_store_prepare (self, source->sql, NULL);
      if (stmt == NULL)
        continue;
      _gw_store_bind_text (stmt, 1, query);
      bind_filter (stmt, filter);
      sqlite3_bind_int64 (stmt, 6, limit);
      if (sqlite3_bind_parameter_count (stmt) >= 7)
        sqlite3_bind_int64 (stmt, 7, filtered ? RANK_CAP : first_ranked);

      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          GwNotebookHit *hit = g_new0 (GwNotebookHit, 1);

          hit->type = source->type;
          hit->id = sqlite3_column_int64 (stmt, 0);
          hit->title = _gw_store_column_dup (stmt, 1);
          hit->date = column_nullable (stmt, 2);
          hit->rank = sqlite3_column_double (stmt, 3);
          g_ptr_array_add (hits, hit);
        }
      sqlite3_reset (stmt);
    }

  g_ptr_array_sort (hits, compare_hits);
  if (hits->len > limit)
    g_ptr_array_set_size (hits, limit);

  /* Snippets only for the hits shown. */
  {
    g_auto(GStrv) searched = searched_words (text);

    for (guint i = 0; i < hits->len; i++)
      {
        GwNotebookHit *hit = g_ptr_array_index (hits, i);

        hit->snippet = make_snippet (self, find_source (hit->type), searched, hit->id);
      }
  }

  return hits;
}
