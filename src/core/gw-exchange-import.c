/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "gw-date.h"
#include "gw-exchange-private.h"
#include "gw-ledger.h"
#include "gw-member-event.h"
#include "gw-member.h"
#include "gw-text.h"

#define BATCH 4096

static gsize max_bytes = GW_EXCHANGE_MAX_BYTES;

void
_gw_exchange_set_max_bytes (gsize bytes)
{
  max_bytes = bytes > 0 ? bytes : GW_EXCHANGE_MAX_BYTES;
}

struct _GwExchangeImport
{
  GwStore           *store;
  JsonParser        *parser;
  GwExchangeAreas    areas;
  GwExchangePrivacy  privacy;
  char              *organization;
  char              *exported;
  JsonArray         *records[GW_N_TABLES];
  /* The file's UUIDs per table, to the record's index + 1. */
  GHashTable        *uuids[GW_N_TABLES];
  GHashTable        *unity_numbers;
  /* A file's UUID to ours, for records found here another way. */
  GHashTable        *remap;
  GwExchangeCounts   counts[4];
  GPtrArray         *conflicts;
  gint64             data_version;
  gint64             total_changes;
  gboolean           applied;
  /* Progress over the records of both passes. */
  GwProgressFunc     progress;
  gpointer           user_data;
  gint64             total;
  gint64             progress_total;
  gint64             done;
  /* Records each table gains, as found by reading the file. */
  gint64             adds[GW_N_TABLES];
  /* The write statements, per table: insert, update, adopt. */
  sqlite3_stmt      *writes[GW_N_TABLES][3];
  /* The file's UUIDs of the people this import adds. */
  GHashTable        *added_members;
  /* Statements by the address of their (static) SQL. */
  GHashTable        *statements;
  /* While checking: the built-in kinds seen, as "table name". */
  GHashTable        *builtins;
  /* While applying: ids of the people here whose record was updated from
   * the file, to bring their stage in line with their history. */
  GArray            *touched_members;
};

/* Where in the file a value is, for messages. */
typedef struct
{
  const char *table;
  guint       index;
  const char *link;
  guint       link_index;
} Where;

static char *
where_field (const Where *where,
             const char  *field)
{
  if (where->link != NULL)
    return g_strdup_printf ("%s[%u].%s[%u]%s%s", where->table, where->index, where->link,
                            where->link_index, field ? "." : "", field ? field : "");
  if (field == NULL)
    return g_strdup_printf ("%s[%u]", where->table, where->index);
  return g_strdup_printf ("%s[%u].%s", where->table, where->index, field);
}

static void
conflict_free (GwExchangeConflict *conflict)
{
  g_free (conflict->uuid);
  g_free (conflict->label);
  g_free (conflict->reason);
  g_free (conflict->differs);
  g_free (conflict);
}

void
gw_exchange_import_free (GwExchangeImport *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < GW_N_TABLES; i++)
    g_clear_pointer (&self->uuids[i], g_hash_table_unref);
  g_clear_pointer (&self->unity_numbers, g_hash_table_unref);
  g_clear_pointer (&self->remap, g_hash_table_unref);
  g_clear_pointer (&self->added_members, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->builtins, g_hash_table_unref);
  g_clear_pointer (&self->touched_members, g_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_object (&self->parser);
  g_clear_object (&self->store);
  g_free (self->organization);
  g_free (self->exported);
  g_free (self);
}

static guint
area_index (GwExchangeAreas area)
{
  return g_bit_nth_lsf (area, -1);
}

/* Guards */

/* The four hex digits at @p as a number, or G_MAXUINT when they are not
 * four hex digits (the parser then says what is wrong). */
static guint
hex_unit (const char *p)
{
  guint unit = 0;

  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return G_MAXUINT;
      unit = unit * 16 + (guint) digit;
    }
  return unit;
}

/* A name in an object, as written in the file, or decoded when it has
 * escapes. */
typedef struct
{
  const char *text;
  gsize       length;
} KeySpan;

/* json-glib keeps the last of two members with the same name without a
 * word, so a file saying "phone" twice in one record would import
 * whichever came last. */
/* An object with more names than this (no record has) has them looked up
 * in a hash table rather than one by one, so that a file made of one huge
 * object does not take minutes. */
#define MAX_LINEAR_KEYS 64

static gboolean
check_key (const char  *data,
           gsize        start,
           gsize        end,
           gboolean     escaped,
           GArray      *keys,
           guint        first,
           GHashTable **many,
           GPtrArray   *decoded,
           GError     **error)
{
  KeySpan key = { data + start, end - start };
  gboolean twice = FALSE;

  if (escaped)
    {
      /* Rare: decode it the way the parser will, quotes included. */
      g_autofree char *quoted = g_strndup (data + start - 1, end - start + 2);
      g_autoptr(JsonNode) node = json_from_string (quoted, NULL);
      char *text = g_strdup (node != NULL && JSON_NODE_HOLDS_VALUE (node) ?
                             json_node_get_string (node) : quoted);

      g_ptr_array_add (decoded, text);
      key.text = text;
      key.length = strlen (text);
    }

  if (*many != NULL)
    {
      char *text = g_strndup (key.text, key.length);

      twice = !g_hash_table_add (*many, text);
    }
  else
    for (guint k = first; !twice && k < keys->len; k++)
      {
        const KeySpan *other = &g_array_index (keys, KeySpan, k);

        twice = other->length == key.length && memcmp (other->text, key.text, key.length) == 0;
      }

  if (twice)
    {
      g_autofree char *valid = g_utf8_make_valid (key.text, (gssize) key.length);
      g_autofree char *name = NULL;

      /* g_utf8_substring() reads past the end of a shorter text. */
      if (g_utf8_strlen (valid, -1) > 60)
        {
          g_autofree char *start_of = g_utf8_substring (valid, 0, 60);

          name = g_strconcat (start_of, "…", NULL);
        }
      else
        name = g_strdup (valid);

      g_set_error (error, GW_EXCHANGE_ERROR, GW_EXCHANGE_ERROR_SYNTAX,
                   _("The file gives “%s” twice in the same record (at byte %" PRIu64 "), so it is not clear which one is meant."),
                   name, (guint64) start);
      return FALSE;
    }

  if (*many != NULL)
    return TRUE;

  g_array_append_val (keys, key);
  if (keys->len - first > MAX_LINEAR_KEYS)
    {
      *many = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint k = first; k < keys->len; k++)
        {
          const KeySpan *one = &g_array_index (keys, KeySpan, k);

          g_hash_table_add (*many, g_strndup (one->text, one->length));
        }
    }
  return TRUE;
}

static gboolean
has_bom (const char *data,
         gsize       length)
{
  return length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0;
}

static gboolean
check_bytes (const char  *data,
             gsize        length,
             GError     **error)
{
  const char *end = NULL;
  gboolean in_string = FALSE;
  gboolean ended = FALSE;   /* the top-level object or array was closed */
  guint depth = 0;
  /* Per depth: whether it is an object, and where its names start. */
  gboolean is_object[GW_EXCHANGE_MAX_DEPTH + 1] = { FALSE };
  guint keys_from[GW_EXCHANGE_MAX_DEPTH + 1] = { 0 };
  GHashTable *many_keys[GW_EXCHANGE_MAX_DEPTH + 1] = { NULL };
  g_autoptr(GPtrArray) key_tables = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  gboolean expect_key = FALSE;
  gboolean in_key = FALSE;
  gboolean key_escaped = FALSE;
  gsize key_start = 0;
  g_autoptr(GArray) keys = g_array_sized_new (FALSE, FALSE, sizeof (KeySpan), 64);
  g_autoptr(GPtrArray) decoded = g_ptr_array_new_with_free_func (g_free);

  if (length > max_bytes)
    {
      g_set_error (error, GW_EXCHANGE_ERROR, GW_EXCHANGE_ERROR_TOO_LARGE,
                   _("The file is too large to be an exchange file (more than %" PRIu64 " MB)."),
                   (guint64) (max_bytes / (1024 * 1024)));
      return FALSE;
    }

  /* A spreadsheet, a document, or UTF-16 text: say what it is not, rather
   * than where it stops being JSON or UTF-8. A UTF-8 byte order mark, as
   * text editors on Windows may write, goes before the JSON. */
  for (gsize i = has_bom (data, length) ? 3 : 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      {
        if (data[i] != '{' && data[i] != '[')
          {
            g_set_error (error, GW_EXCHANGE_ERROR, GW_EXCHANGE_ERROR_FORMAT,
                         _("This is not a Groundwork exchange file, which starts with “{”. To bring in people from a spreadsheet, use Import Spreadsheet in the roster’s menu."));
            return FALSE;
          }
        break;
      }

  if (!g_utf8_validate_len (data, length, &end))
    {
      g_set_error (error, GW_EXCHANGE_ERROR, GW_EXCHANGE_ERROR_NOT_UTF8,
                   _("The file is not UTF-8 text: the byte at offset %" PRIu64 " is not valid. It may be damaged or not an exchange file."),
                   (guint64) (end - data));
      return FALSE;
    }

  /* json-glib 1.6 has no nesting limit and recurses, so a file nested
   * thousands deep would overflow the stack: count before it parses. */
  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\' && i + 5 < length && data[i + 1] == 'u')
            {
              /* json-glib turns \u0000 into the end of the text, and a
               * lone half of a surrogate pair into bytes that are not
               * UTF-8, which the database would then keep. */
              guint unit = hex_unit (data + i + 2);

              key_escaped = TRUE;

              if (unit == 0)
                {
                  g_set_error (error, GW_EXCHANGE_ERROR, GW_EXCHANGE_ERROR_NOT_UTF8,
                               _("The file has a NUL character (\\u0000) in a text at byte %" PRIu64 "; no exchange file has one."),
                               (guint64) i);
                  return FALSE;
                }
              if (unit >= 0xD800 && unit <= 0xDBFF && i + 11 < length &&
                  data[i + 6] == '\\' && data[i + 7] == 'u' &&
                  hex_unit (data + i + 8) >= 0xDC00 && hex_unit (data + i + 8) <= 0xDFFF)
                i += 11;
              else if (unit >= 0xD800 && unit <= 0xDFFF)
                {
                  g_set_error (error, GW_EXCHANGE_ERROR, GW_EXCHANGE_ERROR_NOT_UTF8,
                               _("The file has half of a character (\\u%04X) alone in a text at byte %" PRIu64 "; it may be damaged."),
                               unit, (guint64) i);
                  return FALSE;
                }
              else
                i += 5;
            }
          else if (c == '\\')
            {
              key_escaped = TRUE;
              i++;
            }
          else if (c == '"')
            {
              in_string = FALSE;
              if (in_key)
                {
                  gboolean had_table = many_keys[depth] != NULL;

                  if (!check_key (data, key_start, i, key_escaped, keys, keys_from[depth],
                                  &many_keys[depth], decoded, error))
                    return FALSE;
                  if (!had_table && many_keys[depth] != NULL)
                    g_ptr_array_add (key_tables, many_keys[depth]);
                }
              in_key = FALSE;
            }
        }
      else if (ended && !g_ascii_isspace (c))
        {
          g_set_error (error, GW_EXCHANGE_ERROR, GW_EXCHANGE_ERROR_SYNTAX,
                       _("The file goes on after its end (at byte %" PRIu64 "); it may be two files joined together."),
                       (guint64) i);
          return FALSE;
        }
      else if (c == '"')
        {
          in_string = TRUE;
          in_key = expect_key;
          key_escaped = FALSE;
          key_start = i + 1;
          expect_key = FALSE;
        }
      else if (c == '{' || c == '[')
        {
          if (++depth > GW_EXCHANGE_MAX_DEPTH)
            {
              g_set_error (error, GW_EXCHANGE_ERROR, GW_EXCHANGE_ERROR_TOO_DEEP,
                           _("The file is nested more than %d levels deep (at byte %" PRIu64 "), which no exchange file is."),
                           GW_EXCHANGE_MAX_DEPTH, (guint64) i);
              return FALSE;
            }
          is_object[depth] = c == '{';
          keys_from[depth] = keys->len;
          expect_key = c == '{';
        }
      else if (c == ',')
        expect_key = is_object[depth];
      else if ((c == '}' || c == ']') && depth > 0)
        {
          g_array_set_size (keys, keys_from[depth]);
          if (many_keys[depth] != NULL)
            {
              g_ptr_array_remove_fast (key_tables, many_keys[depth]);
              many_keys[depth] = NULL;
            }
          expect_key = FALSE;
          ended = --depth == 0;
        }
    }

  return TRUE;
}

/* Validation */

static gboolean
invalid (GError      **error,
         const Where  *where,
         const char   *field,
         const char   *problem)
{
  g_autofree char *path = where_field (where, field);

  /* TRANSLATORS: "members[12].stage: expected one of volunteer, member, cadre" */
  g_set_error (error, GW_EXCHANGE_ERROR, GW_EXCHANGE_ERROR_INVALID, _("%s: %s"), path, problem);
  return FALSE;
}

static int
name_index (const char * const *names,
            const char         *text)
{
  for (int i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], text))
      return i;
  return -1;
}

/* Written YYYY-MM-DD, whether or not the day exists. */
static gboolean
looks_like_date (const char *text)
{
  for (guint i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? text[i] != '-' : !g_ascii_isdigit (text[i]))
      return FALSE;
  return text[10] == '\0';
}

/* A UUID as Groundwork writes them: in lower case, so that one record
 * never has two spellings. */
static gboolean
is_uuid (const char *text)
{
  if (!g_uuid_string_is_valid (text))
    return FALSE;
  for (const char *p = text; *p; p++)
    if (g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_int (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

/* _gw_store_prepare() for SQL that never moves: looked up by address. */
static sqlite3_stmt *
prepare_static (GwExchangeImport  *self,
                const char        *sql,
                GError           **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  stmt = _gw_store_prepare (self->store, sql, error);
  if (stmt != NULL)
    g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

/* Statements whose SQL is built from a table or a link, prepared once per
 * import and looked up by the address of what they are built from (one
 * byte further for each purpose), rather than by hashing their text again
 * for each of a few hundred thousand records. */
typedef enum
{
  SQL_UPDATED,          /* a table: SELECT updated FROM t WHERE uuid = ? */
  SQL_EXISTS,           /* a table: SELECT 1 FROM t WHERE uuid = ? */
  SQL_LINK_SELECT,      /* a link: its items for one record */
  SQL_LINK_DELETE,      /* a link: DELETE its items for one record */
  SQL_LINK_INSERT,      /* a link: INSERT one item */
} SqlPurpose;

static char *link_insert_sql (const GwLink *link);

static sqlite3_stmt *
prepare_for (GwExchangeImport  *self,
             gconstpointer      owner,
             SqlPurpose         purpose,
             GError           **error)
{
  gconstpointer key = (const char *) owner + purpose;
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, key);
  g_autofree char *sql = NULL;

  G_STATIC_ASSERT (sizeof (GwTable) > SQL_LINK_INSERT && sizeof (GwLink) > SQL_LINK_INSERT);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  switch (purpose)
    {
    case SQL_UPDATED:
      sql = g_strdup_printf ("SELECT updated FROM %s WHERE uuid = ?", ((const GwTable *) owner)->name);
      break;
    case SQL_EXISTS:
      sql = g_strdup_printf ("SELECT 1 FROM %s WHERE uuid = ?", ((const GwTable *) owner)->name);
      break;
    case SQL_LINK_SELECT:
      sql = _gw_exchange_link_select_sql (owner);
      break;
    case SQL_LINK_DELETE:
      sql = g_strdup_printf ("DELETE FROM %s WHERE %s = ?", ((const GwLink *) owner)->table,
                             ((const GwLink *) owner)->parent_column);
      break;
    case SQL_LINK_INSERT:
      sql = link_insert_sql (owner);
      break;
    default:
      g_assert_not_reached ();
    }

  stmt = _gw_store_prepare (self->store, sql, error);
  if (stmt != NULL)
    g_hash_table_insert (self->statements, (gpointer) key, stmt);
  return stmt;
}

static gboolean
exists_here (GwExchangeImport *self,
             sqlite3_stmt     *stmt,
             const char       *text,
             gint64            number)
{
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  if (text != NULL)
    _gw_store_bind_text (stmt, 1, text);
  else
    sqlite3_bind_int64 (stmt, 1, number);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static gboolean
check_value (GwExchangeImport  *self,
             const GwTable     *table,
             const GwField     *field,
             const char        *name,
             JsonNode          *node,
             const Where       *where,
             GError           **error)
{
  gboolean null = node != NULL && JSON_NODE_HOLDS_NULL (node);
  const char *text = NULL;

  if (node == NULL)
    return invalid (error, where, name, _("missing"));

  switch (field->type)
    {
    case GW_FIELD_TEXT_NULL:
    case GW_FIELD_DATE_NULL:
    case GW_FIELD_REF_NULL:
    case GW_FIELD_ENUM_NULL:
    case GW_FIELD_INT_NULL:
    case GW_FIELD_UNITY:
      if (null)
        return TRUE;
      break;
    default:
      break;
    }

  switch (field->type)
    {
    case GW_FIELD_UUID:
    case GW_FIELD_TEXT:
    case GW_FIELD_TEXT_NULL:
    case GW_FIELD_DATE:
    case GW_FIELD_DATE_NULL:
    case GW_FIELD_TIME:
    case GW_FIELD_REF:
    case GW_FIELD_REF_NULL:
    case GW_FIELD_ENUM:
    case GW_FIELD_ENUM_NULL:
      if (!is_string (node))
        return invalid (error, where, name,
                        field->type == GW_FIELD_TEXT_NULL || field->type == GW_FIELD_DATE_NULL ||
                        field->type == GW_FIELD_REF_NULL || field->type == GW_FIELD_ENUM_NULL
                        ? _("expected a string or null") : _("expected a string"));
      text = json_node_get_string (node);
      break;
    case GW_FIELD_INT:
    case GW_FIELD_INT_NULL:
    case GW_FIELD_UNITY:
      if (!is_int (node))
        return invalid (error, where, name, _("expected a whole number"));
      break;
    case GW_FIELD_BOOL:
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return invalid (error, where, name, _("expected true or false"));
      break;
    case GW_FIELD_LIST:
      if (!JSON_NODE_HOLDS_ARRAY (node))
        return invalid (error, where, name, _("expected a list of words"));
      break;
    case GW_FIELD_DERIVED:
    default:
      g_assert_not_reached ();
    }

  switch (field->type)
    {
    case GW_FIELD_UUID:
      if (!is_uuid (text))
        return invalid (error, where, name, _("expected a UUID in lower case"));
      break;
    case GW_FIELD_TEXT:
    case GW_FIELD_TEXT_NULL:
      if (field->flags & GW_FIELD_NONEMPTY)
        {
          g_autofree char *copy = g_strstrip (g_strdup (text));

          if (copy[0] == '\0')
            return invalid (error, where, name, _("must not be empty"));
        }
      if ((field->flags & GW_FIELD_CURRENCY) && !gw_currency_is_valid (text))
        return invalid (error, where, name, _("expected a currency code of three capital letters"));
      if ((field->flags & GW_FIELD_CLOCK) && text[0] != '\0' && !gw_text_is_clock_time (text))
        return invalid (error, where, name, _("expected a time of day written HH:MM, or nothing"));
      if ((field->flags & GW_FIELD_EMAIL) && text[0] != '\0' && !gw_text_looks_like_email (text))
        return invalid (error, where, name, _("expected an e-mail address (with an @ and no spaces), or nothing"));
      break;
    case GW_FIELD_DATE:
    case GW_FIELD_DATE_NULL:
      if (!gw_date_is_valid (text))
        return invalid (error, where, name,
                        looks_like_date (text) ? _("not a day in the calendar")
                                               : _("expected a date written YYYY-MM-DD"));
      break;
    case GW_FIELD_TIME:
      if (!_gw_exchange_time_is_valid (text))
        return invalid (error, where, name, _("expected a time written YYYY-MM-DDTHH:MM:SSZ"));
      break;
    case GW_FIELD_ENUM:
    case GW_FIELD_ENUM_NULL:
      if (name_index (field->names, text) < 0)
        {
          g_autofree char *names = g_strjoinv (", ", (char **) field->names);
          g_autofree char *problem = g_strdup_printf (_("expected one of %s"), names);

          return invalid (error, where, name, problem);
        }
      break;
    case GW_FIELD_INT:
    case GW_FIELD_INT_NULL:
      {
        gint64 n = json_node_get_int (node);

        if (n < field->min || n > field->max)
          {
            g_autofree char *problem = g_strdup_printf (_("expected a whole number from %" PRId64 " to %" PRId64),
                                                        field->min, field->max);
            return invalid (error, where, name, problem);
          }
      }
      break;
    case GW_FIELD_UNITY:
      {
        gint64 n = json_node_get_int (node);

        if (n < 1 || n > G_MAXINT32)
          return invalid (error, where, name, _("expected a version number of the points of unity"));
        if (!g_hash_table_contains (self->unity_numbers, GINT_TO_POINTER ((int) n)) &&
            !exists_here (self, prepare_static (self, "SELECT 1 FROM unity_versions WHERE number = ?", NULL), NULL, n))
          {
            g_autofree char *problem = g_strdup_printf (_("no version %" PRId64 " of the points of unity in the file or here"), n);
            return invalid (error, where, name, problem);
          }
      }
      break;
    case GW_FIELD_REF:
    case GW_FIELD_REF_NULL:
      {
        const GwTable *target = &gw_exchange_tables[field->target];
        guint index;

        if (!is_uuid (text))
          return invalid (error, where, name, _("expected a UUID"));

        index = GPOINTER_TO_UINT (g_hash_table_lookup (self->uuids[field->target], text));
        /* Ledger entries are only appended, so a correction comes after
         * what it corrects. */
        if (index != 0 && target == table && table->append_only && index - 1 >= where->index)
          return invalid (error, where, name, _("refers to an entry that comes later in the file"));

        if (index == 0)
          {
            if (!exists_here (self, prepare_for (self, target, SQL_EXISTS, NULL), text, 0))
              {
                g_autofree char *problem = g_strdup_printf (_("no record in %s with UUID %s, in the file or here"),
                                                            target->name, text);
                return invalid (error, where, name, problem);
              }
          }
      }
      break;
    case GW_FIELD_LIST:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            JsonNode *item = json_array_get_element (array, i);
            const char *word;

            if (!is_string (item))
              return invalid (error, where, name, _("expected a list of words"));
            word = json_node_get_string (item);
            if (word[0] == '\0' || strchr (word, ',') != NULL ||
                g_ascii_isspace (word[0]) || g_ascii_isspace (word[strlen (word) - 1]))
              return invalid (error, where, name,
                              _("expected a list of words, each without commas or spaces around it"));
          }
      }
      break;
    default:
      break;
    }

  return TRUE;
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && is_string (node) ? json_node_get_string (node) : NULL;
}

/* Rules between fields of one record, as the database's CHECKs say them. */
static gboolean
check_record_rules (GwExchangeImport  *self,
                    GwTableId          id,
                    JsonObject        *object,
                    const Where       *where,
                    GError           **error)
{
  switch (id)
    {
    case GW_TABLE_MEMBER_EVENTS:
      {
        const char *kind = get_string (object, "kind");
        const char * const ends[] = { "from", "to" };

        for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
          {
            const char *value = get_string (object, ends[i]);
            int index;

            if (value == NULL)
              continue;
            index = name_index (gw_exchange_stage_names, value);
            if (g_str_equal (kind, "agreement"))
              return invalid (error, where, ends[i], _("expected null for an agreement"));
            if (g_str_equal (kind, "status") ? index >= 0 : index < 0)
              {
                g_autofree char *names = g_strjoinv (", ", (char **) (g_str_equal (kind, "status")
                                                                       ? gw_exchange_status_names
                                                                       : gw_exchange_stage_names));
                g_autofree char *problem = g_strdup_printf (_("expected one of %s"), names);

                return invalid (error, where, ends[i], problem);
              }
          }
      }
      break;

    case GW_TABLE_MEMBERS:
      if (g_strcmp0 (get_string (object, "recruited_by"), get_string (object, "uuid")) == 0)
        return invalid (error, where, "recruited_by", _("a person cannot have recruited themselves"));
      break;

    case GW_TABLE_MEETING_KINDS:
    case GW_TABLE_FORCE_KINDS:
      if (get_string (object, "builtin") != NULL)
        {
          /* Each built-in kind is one record here: two in the file would
           * both be matched to it. */
          char *key = g_strdup_printf ("%d %s", id, get_string (object, "builtin"));

          if (!g_hash_table_add (self->builtins, key))
            return invalid (error, where, "builtin", _("this built-in kind appears twice in the file"));
        }
      else
        {
          g_autofree char *label = g_strstrip (g_strdup (get_string (object, "label")));

          if (label[0] == '\0')
            return invalid (error, where, "label", _("must not be empty"));
        }
      break;

    case GW_TABLE_FORCE_RELATIONS:
      if (g_str_equal (get_string (object, "from"), get_string (object, "to")))
        return invalid (error, where, "to", _("a force cannot be related to itself"));
      break;

    case GW_TABLE_LEDGER_ENTRIES:
      {
        gboolean money = g_str_equal (get_string (object, "kind"), "money");
        gboolean received = g_str_equal (get_string (object, "direction"), "received");
        JsonNode *amount = json_object_get_member (object, "amount");
        JsonNode *quantity = json_object_get_member (object, "quantity");

        if (money && (JSON_NODE_HOLDS_NULL (amount) || get_string (object, "currency") == NULL))
          return invalid (error, where, "amount", _("money needs an amount and a currency"));
        if (money && get_string (object, "item") != NULL)
          return invalid (error, where, "item", _("expected null for money"));
        if (!money && (!JSON_NODE_HOLDS_NULL (amount) || get_string (object, "item") == NULL ||
                       JSON_NODE_HOLDS_NULL (quantity)))
          return invalid (error, where, "item", _("goods need an item and a quantity, and no amount"));
        if (received != !JSON_NODE_HOLDS_NULL (json_object_get_member (object, "source_class")))
          return invalid (error, where, "source_class",
                          _("expected a source for what was received, and null otherwise"));
        if (!JSON_NODE_HOLDS_NULL (json_object_get_member (object, "corrects")) &&
            !JSON_NODE_HOLDS_NULL (json_object_get_member (object, "replaces")))
          return invalid (error, where, "replaces", _("expected null in a reversing entry"));

        /* The database refuses to correct a reversing entry; say so now
         * rather than fail while writing. */
        if (get_string (object, "corrects") != NULL)
          {
            const char *target = get_string (object, "corrects");
            guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->uuids[GW_TABLE_LEDGER_ENTRIES], target));
            gboolean reversing = FALSE;

            if (index != 0)
              reversing = get_string (json_array_get_object_element (self->records[GW_TABLE_LEDGER_ENTRIES],
                                                                     index - 1), "corrects") != NULL;
            if (!reversing)
              reversing = exists_here (self, prepare_static (self, "SELECT 1 FROM ledger_entries"
                                                                   " WHERE uuid = ? AND corrects_id IS NOT NULL",
                                                             NULL), target, 0);
            if (reversing)
              return invalid (error, where, "corrects",
                              _("refers to a reversing entry, which cannot itself be corrected"));
          }
      }
      break;

    default:
      break;
    }

  return TRUE;
}

/* Says which member of @object is not expected, when @expected members
 * were found but @object has more. */
static gboolean
unexpected_member (JsonObject    *object,
                   const GwField *fields,
                   guint          n_fields,
                   const GwLink  *links,
                   guint          n_links,
                   GwExchangePrivacy privacy,
                   const Where   *where,
                   GError       **error)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &node))
    {
      gboolean known = FALSE;

      for (guint i = 0; !known && i < n_fields; i++)
        known = fields[i].name != NULL && g_str_equal (fields[i].name, name) &&
                _gw_exchange_field_visible (&fields[i], privacy);
      for (guint i = 0; !known && i < n_links; i++)
        known = g_str_equal (links[i].name, name) && _gw_exchange_link_visible (&links[i], privacy);

      if (!known)
        return invalid (error, where, name,
                        privacy != GW_PRIVACY_FULL
                        ? _("not part of the format, or not allowed at this privacy level")
                        : _("not part of the format"));
    }

  return TRUE;
}

static gboolean
check_link (GwExchangeImport  *self,
            const GwTable     *table,
            const GwLink      *link,
            JsonNode          *node,
            Where             *where,
            GError           **error)
{
  JsonArray *array;
  g_autoptr(GHashTable) seen = NULL;

  if (node == NULL)
    return invalid (error, where, link->name, _("missing"));
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, where, link->name, _("expected a list"));

  array = json_node_get_array (node);
  if (link->position == NULL)
    seen = g_hash_table_new (g_str_hash, g_str_equal);

  where->link = link->name;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      const char *key = NULL;

      where->link_index = i;
      if (link->scalar)
        {
          if (!check_value (self, table, &link->fields[0], NULL, item, where, error))
            return FALSE;
          key = json_node_get_string (item);
        }
      else
        {
          JsonObject *object;
          guint found = 0;

          if (!JSON_NODE_HOLDS_OBJECT (item))
            return invalid (error, where, NULL, _("expected an object"));
          object = json_node_get_object (item);
          for (guint f = 0; f < link->n_fields; f++)
            {
              JsonNode *value = json_object_get_member (object, link->fields[f].name);

              if (!check_value (self, table, &link->fields[f], link->fields[f].name, value,
                                where, error))
                return FALSE;
              found++;
            }
          if (json_object_get_size (object) != found &&
              !unexpected_member (object, link->fields, link->n_fields, NULL, 0,
                                  GW_PRIVACY_FULL, where, error))
            return FALSE;
          if (link->fields[0].type == GW_FIELD_REF)
            key = json_object_get_string_member (object, link->fields[0].name);
        }

      /* Each thing is linked once. */
      if (seen != NULL && key != NULL && !g_hash_table_add (seen, (gpointer) key))
        return invalid (error, where, NULL, _("listed twice"));
    }
  where->link = NULL;

  return TRUE;
}

static gboolean
check_table (GwExchangeImport  *self,
             GwTableId          id,
             GCancellable      *cancellable,
             GError           **error)
{
  const GwTable *table = &gw_exchange_tables[id];
  JsonArray *records = self->records[id];
  guint n = json_array_get_length (records);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (records, i);
      Where where = { table->name, i, NULL, 0 };
      JsonObject *object;
      guint found = 0;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, GW_EXCHANGE_ERROR, GW_EXCHANGE_ERROR_INVALID,
                       _("%s[%u]: expected an object"), table->name, i);
          return FALSE;
        }
      object = json_node_get_object (node);

      for (guint f = 0; f < table->n_fields; f++)
        {
          const GwField *field = &table->fields[f];

          if (!_gw_exchange_field_visible (field, self->privacy))
            continue;
          if (!check_value (self, table, field, field->name,
                            json_object_get_member (object, field->name), &where, error))
            return FALSE;
          found++;
        }

      for (guint l = 0; l < table->n_links; l++)
        {
          if (!_gw_exchange_link_visible (&table->links[l], self->privacy))
            continue;
          if (!check_link (self, table, &table->links[l],
                           json_object_get_member (object, table->links[l].name), &where, error))
            return FALSE;
          found++;
        }

      if (json_object_get_size (object) != found &&
          !unexpected_member (object, table->fields, table->n_fields, table->links, table->n_links,
                              self->privacy, &where, error))
        return FALSE;

      if (!check_record_rules (self, id, object, &where, error))
        return FALSE;

      if (++self->done % BATCH == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (self->progress != NULL)
            self->progress (MIN (1.0, (double) self->done / MAX (1, self->progress_total)),
                            self->user_data);
        }
    }

  return TRUE;
}

/* Collects the file's UUIDs (and versions of the points of unity) before
 * anything refers to them, refusing one that appears twice. */
static gboolean
index_table (GwExchangeImport  *self,
             GwTableId          id,
             GError           **error)
{
  const GwTable *table = &gw_exchange_tables[id];
  JsonArray *records = self->records[id];
  guint n = json_array_get_length (records);

  self->uuids[id] = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (records, i);
      Where where = { table->name, i, NULL, 0 };
      JsonObject *object;
      JsonNode *uuid;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;  /* check_table() says why */
      object = json_node_get_object (node);
      uuid = json_object_get_member (object, "uuid");
      if (uuid == NULL || !is_string (uuid) || !is_uuid (json_node_get_string (uuid)))
        return check_value (self, table, &table->fields[0], "uuid", uuid, &where, error);

      if (!g_hash_table_insert (self->uuids[id], (gpointer) json_node_get_string (uuid),
                                GUINT_TO_POINTER (i + 1)))
        return invalid (error, &where, "uuid", _("the same UUID appears twice"));

      if (id == GW_TABLE_UNITY_VERSIONS)
        {
          JsonNode *number = json_object_get_member (object, "number");

          if (number != NULL && is_int (number) &&
              !g_hash_table_add (self->unity_numbers,
                                 GINT_TO_POINTER ((int) json_node_get_int (number))))
            return invalid (error, &where, "number", _("the same version number appears twice"));
        }
    }

  return TRUE;
}

static gboolean
check_header (GwExchangeImport  *self,
              JsonNode          *root,
              GError           **error)
{
  JsonObject *object;
  JsonNode *node;
  JsonArray *areas;
  JsonObjectIter iter;
  const char *name;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      g_strcmp0 (get_string (json_node_get_object (root), "format"), GW_EXCHANGE_FORMAT) != 0)
    {
      g_set_error (error, GW_EXCHANGE_ERROR, GW_EXCHANGE_ERROR_FORMAT,
                   _("This is not a Groundwork exchange file: it does not start with \"format\": \"%s\"."),
                   GW_EXCHANGE_FORMAT);
      return FALSE;
    }
  object = json_node_get_object (root);

  node = json_object_get_member (object, "version");
  if (node != NULL && !is_int (node))
    {
      g_set_error (error, GW_EXCHANGE_ERROR, GW_EXCHANGE_ERROR_FORMAT,
                   _("The exchange file’s version is not written as a whole number (it should be \"version\": 1)."));
      return FALSE;
    }
  if (node == NULL)
    {
      g_set_error (error, GW_EXCHANGE_ERROR, GW_EXCHANGE_ERROR_FORMAT,
                   _("The exchange file has no version number."));
      return FALSE;
    }
  if (json_node_get_int (node) != GW_EXCHANGE_VERSION)
    {
      g_set_error (error, GW_EXCHANGE_ERROR, GW_EXCHANGE_ERROR_VERSION,
                   _("The file is in version %" PRId64 " of the exchange format, and this Groundwork reads only version %d. Update Groundwork to read it."),
                   json_node_get_int (node), GW_EXCHANGE_VERSION);
      return FALSE;
    }

  node = json_object_get_member (object, "privacy");
  if (node == NULL || !is_string (node) ||
      !gw_exchange_privacy_from_string (json_node_get_string (node), &self->privacy, NULL))
    {
      g_set_error (error, GW_EXCHANGE_ERROR, GW_EXCHANGE_ERROR_INVALID,
                   _("privacy: expected one of full, no-contact, counts"));
      return FALSE;
    }
  if (self->privacy == GW_PRIVACY_COUNTS)
    {
      g_set_error (error, GW_EXCHANGE_ERROR, GW_EXCHANGE_ERROR_COUNTS_ONLY,
                   _("This file is a summary of counts only: it holds no people or records, so there is nothing to import."));
      return FALSE;
    }

  node = json_object_get_member (object, "exported");
  if (node == NULL || !is_string (node) || !_gw_exchange_time_is_valid (json_node_get_string (node)))
    {
      g_set_error (error, GW_EXCHANGE_ERROR, GW_EXCHANGE_ERROR_INVALID,
                   _("exported: expected a time written YYYY-MM-DDTHH:MM:SSZ"));
      return FALSE;
    }
  self->exported = g_strdup (json_node_get_string (node));

  node = json_object_get_member (object, "organization");
  if (node == NULL || !is_string (node))
    {
      g_set_error (error, GW_EXCHANGE_ERROR, GW_EXCHANGE_ERROR_INVALID,
                   _("organization: expected a string"));
      return FALSE;
    }
  if (json_node_get_string (node)[0] != '\0')
    self->organization = g_strdup (json_node_get_string (node));

  node = json_object_get_member (object, "areas");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      json_array_get_length (areas = json_node_get_array (node)) == 0)
    {
      g_set_error (error, GW_EXCHANGE_ERROR, GW_EXCHANGE_ERROR_INVALID,
                   _("areas: expected a list of members, meetings, notebook, ledger"));
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (areas); i++)
    {
      JsonNode *item = json_array_get_element (areas, i);
      GwExchangeAreas area = 0;

      if (!is_string (item) ||
          !gw_exchange_areas_from_string (json_node_get_string (item), &area, NULL) ||
          g_str_equal (json_node_get_string (item), "all") || (self->areas & area) != 0)
        {
          g_set_error (error, GW_EXCHANGE_ERROR, GW_EXCHANGE_ERROR_INVALID,
                       _("areas[%u]: expected one of members, meetings, notebook, ledger, each once"), i);
          return FALSE;
        }
      self->areas |= area;
    }

  for (guint t = 0; t < GW_N_TABLES; t++)
    {
      const GwTable *table = &gw_exchange_tables[t];

      if ((self->areas & table->area) == 0)
        continue;

      node = json_object_get_member (object, table->name);
      if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
        {
          g_set_error (error, GW_EXCHANGE_ERROR, GW_EXCHANGE_ERROR_INVALID,
                       node == NULL ? _("%s: missing") : _("%s: expected a list"), table->name);
          return FALSE;
        }
      self->records[t] = json_node_get_array (node);
      self->total += json_array_get_length (self->records[t]);
    }

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &node))
    {
      gboolean known = g_str_equal (name, "format") || g_str_equal (name, "version") ||
                       g_str_equal (name, "exported") || g_str_equal (name, "organization") ||
                       g_str_equal (name, "privacy") || g_str_equal (name, "areas");

      for (guint t = 0; !known && t < GW_N_TABLES; t++)
        known = self->records[t] != NULL && g_str_equal (name, gw_exchange_tables[t].name);

      if (!known)
        {
          g_set_error (error, GW_EXCHANGE_ERROR, GW_EXCHANGE_ERROR_INVALID,
                       _("%s: not part of the format, or of an area the file does not list"), name);
          return FALSE;
        }
    }

  return TRUE;
}

/* Comparing and applying */

static const char *
remapped (GwExchangeImport *self,
          const char       *uuid)
{
  const char *ours = g_hash_table_lookup (self->remap, uuid);

  return ours ? ours : uuid;
}

static void
write_json_value (GwExchangeImport *self,
                  GString          *out,
                  const GwField    *field,
                  JsonNode         *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    {
      g_string_append_len (out, "null", 4);
      return;
    }

  switch (field->type)
    {
    case GW_FIELD_REF:
    case GW_FIELD_REF_NULL:
      _gw_json_string (out, remapped (self, json_node_get_string (node)));
      break;
    case GW_FIELD_INT:
    case GW_FIELD_INT_NULL:
    case GW_FIELD_UNITY:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    case GW_FIELD_BOOL:
      g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      break;
    case GW_FIELD_LIST:
      {
        JsonArray *array = json_node_get_array (node);

        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            if (i > 0)
              g_string_append_len (out, ", ", 2);
            _gw_json_string (out, json_array_get_string_element (array, i));
          }
        g_string_append_c (out, ']');
      }
      break;
    default:
      _gw_json_string (out, json_node_get_string (node));
      break;
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The items of a link, each written as a string, sorted unless their
 * order means something. */
static void
write_sorted_items (GString   *out,
                    GPtrArray *items,
                    gboolean   sort)
{
  if (sort)
    g_ptr_array_sort (items, compare_strings);
  g_string_append_c (out, '[');
  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        g_string_append_len (out, ", ", 2);
      g_string_append (out, g_ptr_array_index (items, i));
    }
  g_string_append_c (out, ']');
}

static void
write_link_item (GwExchangeImport *self,
                 GString          *out,
                 const GwLink     *link,
                 JsonNode         *item)
{
  if (link->scalar)
    {
      write_json_value (self, out, &link->fields[0], item);
      return;
    }

  g_string_append_c (out, '{');
  for (guint f = 0; f < link->n_fields; f++)
    {
      if (f > 0)
        g_string_append_len (out, ", ", 2);
      _gw_json_string (out, link->fields[f].name);
      g_string_append_len (out, ": ", 2);
      write_json_value (self, out, &link->fields[f],
                        json_object_get_member (json_node_get_object (item), link->fields[f].name));
    }
  g_string_append_c (out, '}');
}

/* The file's record, written as _gw_exchange_write_row() writes ours for
 * comparison. */
static void
write_theirs (GwExchangeImport *self,
              const GwTable    *table,
              JsonObject       *object,
              GString          *out)
{
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  for (guint i = 0; i < table->n_fields; i++)
    {
      const GwField *field = &table->fields[i];

      if (!_gw_exchange_field_visible (field, self->privacy) ||
          field->type == GW_FIELD_UUID || field->type == GW_FIELD_TIME)
        continue;
      if (!first)
        g_string_append_len (out, ", ", 2);
      first = FALSE;
      _gw_json_string (out, field->name);
      g_string_append_len (out, ": ", 2);
      write_json_value (self, out, field, json_object_get_member (object, field->name));
    }

  for (guint l = 0; l < table->n_links; l++)
    {
      const GwLink *link = &table->links[l];
      JsonArray *array;
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

      if (!_gw_exchange_link_visible (link, self->privacy))
        continue;
      array = json_object_get_array_member (object, link->name);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          GString *item = g_string_new (NULL);

          write_link_item (self, item, link, json_array_get_element (array, i));
          g_ptr_array_add (items, g_string_free (item, FALSE));
        }
      if (!first)
        g_string_append_len (out, ", ", 2);
      first = FALSE;
      _gw_json_string (out, link->name);
      g_string_append_len (out, ": ", 2);
      write_sorted_items (out, items, link->position == NULL);
    }
  g_string_append_c (out, '}');
}

/* Ours, written for comparison; links are read again and sorted the way
 * write_theirs() sorts them. */
static void
write_ours (GwExchangeImport *self,
            const GwTable    *table,
            sqlite3_stmt     *stmt,
            GString          *out)
{
  GwTable without_links = *table;

  without_links.n_links = 0;
  _gw_exchange_write_row (self->store, &without_links, stmt, self->privacy, TRUE, out);

  if (table->n_links == 0)
    return;

  /* Reopen the object to add the links. */
  g_string_truncate (out, out->len - 1);
  for (guint l = 0; l < table->n_links; l++)
    {
      const GwLink *link = &table->links[l];
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
      sqlite3_stmt *links;

      if (!_gw_exchange_link_visible (link, self->privacy))
        continue;

      links = prepare_for (self, link, SQL_LINK_SELECT, NULL);
      if (links != NULL)
        {
          GwLink one = *link;

          sqlite3_bind_int64 (links, 1, sqlite3_column_int64 (stmt, 0));
          while (sqlite3_step (links) == SQLITE_ROW)
            {
              /* The same writer as export, one row at a time. */
              GString *item = g_string_new (NULL);

              if (one.scalar)
                {
                  const char *text = (const char *) sqlite3_column_text (links, 0);

                  _gw_json_string (item, text ? text : "");
                }
              else
                {
                  g_string_append_c (item, '{');
                  for (guint f = 0; f < one.n_fields; f++)
                    {
                      const GwField *field = &one.fields[f];

                      if (f > 0)
                        g_string_append_len (item, ", ", 2);
                      _gw_json_string (item, field->name);
                      g_string_append_len (item, ": ", 2);
                      if (sqlite3_column_type (links, f) == SQLITE_NULL)
                        g_string_append (item, "null");
                      else if (field->type == GW_FIELD_BOOL)
                        g_string_append (item, sqlite3_column_int (links, f) ? "true" : "false");
                      else if (field->type == GW_FIELD_ENUM)
                        _gw_json_string (item, field->names[CLAMP (sqlite3_column_int (links, f), 0,
                                                                   (int) g_strv_length ((char **) field->names) - 1)]);
                      else if (field->type == GW_FIELD_INT_NULL || field->type == GW_FIELD_INT)
                        g_string_append_printf (item, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (links, f));
                      else
                        _gw_json_string (item, (const char *) sqlite3_column_text (links, f));
                    }
                  g_string_append_c (item, '}');
                }
              g_ptr_array_add (items, g_string_free (item, FALSE));
            }
          sqlite3_reset (links);
        }

      if (out->str[out->len - 1] != '{')
        g_string_append_len (out, ", ", 2);
      _gw_json_string (out, link->name);
      g_string_append_len (out, ": ", 2);
      write_sorted_items (out, items, link->position == NULL);
    }
  g_string_append_c (out, '}');
}

/* A person's field, in the words the member editor uses. */
static const char *
member_field_label (const char *name)
{
  static const struct { const char *name; const char *label; } labels[] = {
    { "full_name", N_("Full name") },
    { "community_name", N_("Community name") },
    { "pronouns", N_("Pronouns") },
    { "phone", N_("Phone") },
    { "email", N_("Email") },
    { "neighbourhood", N_("Neighbourhood") },
    { "languages", N_("Languages") },
    { "skills", N_("Skills") },
    { "notes", N_("Notes") },
    { "tags", N_("Tags") },
    { "joined", N_("Joined") },
    { "recruited_by", N_("Recruited by") },
    { "stage", N_("Stage") },
    { "status", N_("Status") },
    { "last_change", N_("Last change") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].name, name))
      return _(labels[i].label);
  return name;
}

/* Reads back the two records write_ours() and write_theirs() wrote, to
 * look at them field by field once they are known to differ. */
static gboolean
parse_records (JsonParser  *ours_parser,
               const char  *ours,
               JsonObject **ours_object,
               JsonParser  *theirs_parser,
               const char  *theirs,
               JsonObject **theirs_object)
{
  if (!json_parser_load_from_data (ours_parser, ours, -1, NULL) ||
      !json_parser_load_from_data (theirs_parser, theirs, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (ours_parser)) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (theirs_parser)))
    return FALSE;
  *ours_object = json_node_get_object (json_parser_get_root (ours_parser));
  *theirs_object = json_node_get_object (json_parser_get_root (theirs_parser));
  return TRUE;
}

static gboolean
has_value (gpointer key,
           gpointer value,
           gpointer user_data)
{
  return g_str_equal (value, user_data);
}

/* Whether our @uuid, in a table of @target, is a record the file does not
 * have although it carries that table: one removed there (the file then
 * refers to it by null) or never shared with it. */
static gboolean
unknown_to_file (GwExchangeImport *self,
                 int               target,
                 const char       *uuid)
{
  return self->records[target] != NULL &&
         !g_hash_table_contains (self->uuids[target], uuid) &&
         g_hash_table_find (self->remap, has_value, (gpointer) uuid) == NULL;
}

/* Whether an item of @link refers to a record unknown to the file. */
static gboolean
item_unknown_to_file (GwExchangeImport *self,
                      const GwLink     *link,
                      JsonNode         *item)
{
  for (guint f = 0; f < link->n_fields; f++)
    {
      const GwField *field = &link->fields[f];
      JsonNode *value = link->scalar ? item
                        : JSON_NODE_HOLDS_OBJECT (item) ? json_object_get_member (json_node_get_object (item), field->name)
                        : NULL;

      if ((field->type == GW_FIELD_REF || field->type == GW_FIELD_REF_NULL) &&
          value != NULL && is_string (value) && unknown_to_file (self, field->target, json_node_get_string (value)))
        return TRUE;
    }
  return FALSE;
}

/* Called for each field in which two records differ, with ours, theirs
 * and theirs as text; returns whether that difference is of the kind
 * looked for. */
typedef gboolean (*DifferenceFunc) (const char *name,
                                    JsonNode   *ours,
                                    JsonNode   *theirs,
                                    const char *theirs_text,
                                    gpointer    user_data);

/* Whether every field in which @a (ours) and @b (theirs) differ is of the
 * kind @func looks for. Both are as parse_records() read them back, and
 * differ. */
static gboolean
every_difference (JsonObject     *a,
                  JsonObject     *b,
                  DifferenceFunc  func,
                  gpointer        user_data)
{
  g_autoptr(GList) names = NULL;

  if (a == NULL || b == NULL || json_object_get_size (a) != json_object_get_size (b))
    return FALSE;

  names = json_object_get_members (b);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *x = json_object_get_member (a, l->data);
      JsonNode *y = json_object_get_member (b, l->data);
      g_autofree char *x_text = NULL;
      g_autofree char *y_text = NULL;

      if (x == NULL)
        return FALSE;
      x_text = json_to_string (x, FALSE);
      y_text = json_to_string (y, FALSE);
      if (!g_str_equal (x_text, y_text) && !func (l->data, x, y, y_text, user_data))
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_filled_in (const char *name,
              JsonNode   *ours,
              JsonNode   *theirs,
              const char *theirs_text,
              gpointer    user_data)
{
  return JSON_NODE_HOLDS_NULL (ours) ||
         (is_string (ours) && json_node_get_string (ours)[0] == '\0') ||
         (JSON_NODE_HOLDS_ARRAY (ours) && json_array_get_length (json_node_get_array (ours)) == 0);
}

/* Whether @theirs only gives values where @ours has none: what a record
 * that first came in a file without contact details and notes looks like
 * next to the same record from a full file. */
static gboolean
only_fills_in (JsonObject *ours,
               JsonObject *theirs)
{
  return every_difference (ours, theirs, is_filled_in, NULL);
}

typedef struct
{
  GwExchangeImport *self;
  const GwTable    *table;
} UnknownCheck;

static gboolean
is_by_unknown (const char *name,
               JsonNode   *x,
               JsonNode   *y,
               const char *y_text,
               gpointer    user_data)
{
  UnknownCheck *check = user_data;
  const GwTable *table = check->table;
  const GwField *field = NULL;
  const GwLink *link = NULL;

  for (guint i = 0; i < table->n_fields && field == NULL; i++)
    if (g_str_equal (table->fields[i].name, name))
      field = &table->fields[i];
  for (guint i = 0; i < table->n_links && link == NULL; i++)
    if (g_str_equal (table->links[i].name, name))
      link = &table->links[i];

  if (field != NULL && field->type == GW_FIELD_REF_NULL)
    return JSON_NODE_HOLDS_NULL (y) && is_string (x) &&
           unknown_to_file (check->self, field->target, json_node_get_string (x));

  if (link != NULL && JSON_NODE_HOLDS_ARRAY (x) && JSON_NODE_HOLDS_ARRAY (y))
    {
      JsonArray *items = json_node_get_array (x);
      g_autoptr(JsonArray) known = json_array_new ();
      g_autoptr(JsonNode) known_node = json_node_new (JSON_NODE_ARRAY);
      g_autofree char *known_text = NULL;

      for (guint i = 0; i < json_array_get_length (items); i++)
        if (!item_unknown_to_file (check->self, link, json_array_get_element (items, i)))
          json_array_add_element (known, json_node_copy (json_array_get_element (items, i)));
      json_node_set_array (known_node, known);
      known_text = json_to_string (known_node, FALSE);
      return g_str_equal (known_text, y_text);
    }

  return FALSE;
}

/* When a chapter removes a person, its file refers to them by null, or
 * leaves them out of a list, with the "updated" of the records that
 * referred to them unchanged. Those records are the same as ours but for
 * that: not a conflict. */
static gboolean
differs_only_by_unknown (GwExchangeImport *self,
                         const GwTable    *table,
                         JsonObject       *ours,
                         JsonObject       *theirs)
{
  UnknownCheck check = { self, table };

  return every_difference (ours, theirs, is_by_unknown, &check);
}

/* Which fields differ between two records written for comparison by
 * write_ours() and write_theirs(), or NULL. */
static char *
describe_differences (const GwTable *table,
                      const char    *ours,
                      const char    *theirs)
{
  g_autoptr(JsonParser) ours_parser = json_parser_new ();
  g_autoptr(JsonParser) theirs_parser = json_parser_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  JsonObject *a, *b;
  g_autoptr(GList) members = NULL;

  if (!parse_records (ours_parser, ours, &a, theirs_parser, theirs, &b))
    return NULL;

  /* Both are written in the table's order of fields, then links. */
  members = json_object_get_members (b);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *x = json_object_get_member (a, name);
      JsonNode *y = json_object_get_member (b, name);
      g_autofree char *x_text = x ? json_to_string (x, FALSE) : NULL;
      g_autofree char *y_text = json_to_string (y, FALSE);

      if (g_strcmp0 (x_text, y_text) != 0)
        g_ptr_array_add (names, (gpointer) (g_str_equal (table->name, "members")
                                            ? member_field_label (name) : name));
    }

  if (names->len == 0)
    return NULL;
  g_ptr_array_add (names, NULL);
  /* Translators: the fields in which two versions of a record differ,
   * joined by ", ": "Phone, Pronouns". */
  return g_strjoinv (_(", "), (char **) names->pdata);
}

static void
add_conflict (GwExchangeImport *self,
              const GwTable    *table,
              JsonObject       *object,
              const char       *reason,
              const char       *ours,
              const char       *theirs)
{
  GwExchangeConflict *conflict = g_new0 (GwExchangeConflict, 1);

  conflict->area = table->area;
  conflict->uuid = g_strdup (get_string (object, "uuid"));

  if (g_str_equal (table->name, "ledger_entries"))
    {
      JsonNode *amount = json_object_get_member (object, "amount");

      if (JSON_NODE_HOLDS_NULL (amount))
        conflict->label = g_strdup_printf ("%s %" PRId64 " %s", get_string (object, "date"),
                                           json_object_get_int_member (object, "quantity"),
                                           get_string (object, "item"));
      else
        {
          g_autofree char *money = gw_money_format (json_node_get_int (amount),
                                                    get_string (object, "currency"));

          conflict->label = g_strdup_printf ("%s %s", get_string (object, "date"), money);
        }
    }
  else if (table->label != NULL && get_string (object, table->label) != NULL)
    conflict->label = g_strdup (get_string (object, table->label));
  else
    conflict->label = g_strdup (table->name);

  /* A history line or a judgement is named with whose it is. */
  for (guint i = 0; i < table->n_fields; i++)
    {
      const GwField *field = &table->fields[i];
      const GwTable *target;
      guint index;
      const char *owner;

      if (field->type != GW_FIELD_REF)
        continue;
      target = &gw_exchange_tables[field->target];
      index = GPOINTER_TO_UINT (g_hash_table_lookup (self->uuids[field->target],
                                                     get_string (object, field->name)));
      if (target == table || target->label == NULL || index == 0)
        continue;
      owner = get_string (json_array_get_object_element (self->records[field->target], index - 1),
                          target->label);
      if (owner != NULL)
        {
          /* Translators: whose record, and the record, as "Ana Ruiz: 2024-03-01". */
          char *label = g_strdup_printf (_("%s: %s"), owner, conflict->label);

          g_free (conflict->label);
          conflict->label = label;
        }
      break;
    }

  conflict->reason = g_strdup (reason);
  if (ours != NULL && theirs != NULL)
    conflict->differs = describe_differences (table, ours, theirs);
  conflict->ours_kept = TRUE;
  g_ptr_array_add (self->conflicts, conflict);
  self->counts[area_index (table->area)].conflicts++;
}

/* Text of the parsed file (or of self->remap), which outlives every step
 * of @stmt: bound without a copy. */
static void
bind_kept_text (sqlite3_stmt *stmt,
                int           index,
                const char   *text)
{
  sqlite3_bind_text (stmt, index, text ? text : "", -1, SQLITE_STATIC);
}

/* Binds the file's value of @field at @index of @stmt as the table stores it. */
static void
bind_value (GwExchangeImport *self,
            sqlite3_stmt     *stmt,
            int               index,
            const GwField    *field,
            JsonObject       *object,
            JsonNode         *node)
{
  if (field->type == GW_FIELD_DERIVED)
    {
      char *derived = field->derive (get_string (object, field->source));

      if (derived != NULL)
        sqlite3_bind_text (stmt, index, derived, -1, g_free);
      else
        _gw_store_bind_text (stmt, index, NULL);
      return;
    }

  if (JSON_NODE_HOLDS_NULL (node))
    {
      if (field->flags & GW_FIELD_MINUS_ONE)
        sqlite3_bind_int (stmt, index, -1);
      else
        sqlite3_bind_null (stmt, index);
      return;
    }

  switch (field->type)
    {
    case GW_FIELD_INT:
    case GW_FIELD_INT_NULL:
    case GW_FIELD_UNITY:
      sqlite3_bind_int64 (stmt, index, json_node_get_int (node));
      break;
    case GW_FIELD_BOOL:
      sqlite3_bind_int (stmt, index, json_node_get_boolean (node) ? 1 : 0);
      break;
    case GW_FIELD_ENUM:
    case GW_FIELD_ENUM_NULL:
      {
        int n = name_index (field->names, json_node_get_string (node));

        /* Statuses follow the stages in a history line's names. */
        if ((field->flags & GW_FIELD_EVENT) && n >= GW_N_STAGES)
          n -= GW_N_STAGES;
        sqlite3_bind_int (stmt, index, n);
      }
      break;
    case GW_FIELD_REF:
    case GW_FIELD_REF_NULL:
      bind_kept_text (stmt, index, remapped (self, json_node_get_string (node)));
      break;
    case GW_FIELD_LIST:
      {
        JsonArray *array = json_node_get_array (node);
        GString *joined = g_string_new (NULL);

        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            if (i > 0)
              g_string_append_len (joined, ", ", 2);
            g_string_append (joined, json_array_get_string_element (array, i));
          }
        sqlite3_bind_text (stmt, index, joined->str, joined->len, SQLITE_TRANSIENT);
        g_string_free (joined, TRUE);
      }
      break;
    default:
      bind_kept_text (stmt, index, json_node_get_string (node));
      break;
    }
}

static gboolean
writes_field (GwExchangeImport *self,
              const GwTable    *table,
              const GwField    *field)
{
  if (field->type == GW_FIELD_DERIVED)
    {
      for (guint i = 0; i < table->n_fields; i++)
        if (g_strcmp0 (table->fields[i].name, field->source) == 0)
          return _gw_exchange_field_visible (&table->fields[i], self->privacy);
      return FALSE;
    }
  return _gw_exchange_field_visible (field, self->privacy);
}

static void
append_placeholder (GString       *sql,
                    const GwField *field,
                    int            index)
{
  if (field->type == GW_FIELD_REF || field->type == GW_FIELD_REF_NULL)
    g_string_append_printf (sql, "(SELECT id FROM %s WHERE uuid = ?%d)",
                            gw_exchange_tables[field->target].name, index);
  else if (field->type == GW_FIELD_UNITY)
    g_string_append_printf (sql, "(SELECT id FROM unity_versions WHERE number = ?%d)", index);
  else
    g_string_append_printf (sql, "?%d", index);
}

/* INSERT (with @update FALSE) or UPDATE ... WHERE uuid = ?last of the
 * fields the file holds; @with_uuid also sets the UUID in an update. */
static char *
write_sql (GwExchangeImport *self,
           const GwTable    *table,
           gboolean          update,
           gboolean          with_uuid)
{
  GString *sql = g_string_new (NULL);
  GString *values = g_string_new (NULL);
  int index = 0;

  if (update)
    g_string_append_printf (sql, "UPDATE %s SET ", table->name);
  else
    g_string_append_printf (sql, "INSERT INTO %s (", table->name);

  for (guint i = 0; i < table->n_fields; i++)
    {
      const GwField *field = &table->fields[i];

      if (!writes_field (self, table, field) ||
          (update && field->type == GW_FIELD_UUID && !with_uuid))
        continue;

      index++;
      if (index > 1)
        {
          g_string_append (sql, ", ");
          g_string_append (values, ", ");
        }
      g_string_append (sql, field->column);
      if (update)
        {
          g_string_append (sql, " = ");
          append_placeholder (sql, field, index);
        }
      else
        append_placeholder (values, field, index);
    }

  if (update)
    g_string_append_printf (sql, " WHERE uuid = ?%d", index + 1);
  else
    g_string_append_printf (sql, ") VALUES (%s)", values->str);

  g_string_free (values, TRUE);
  return g_string_free (sql, FALSE);
}

static gboolean
bind_and_step (GwExchangeImport  *self,
               GwTableId          id,
               gboolean           update,
               gboolean           with_uuid,
               JsonObject        *object,
               const char        *our_uuid,
               GError           **error)
{
  const GwTable *table = &gw_exchange_tables[id];
  sqlite3_stmt **cached = &self->writes[id][update ? (with_uuid ? 2 : 1) : 0];
  sqlite3_stmt *stmt = *cached;
  int index = 0;

  /* One statement for each shape, prepared once (the store keeps it). */
  if (stmt == NULL)
    {
      g_autofree char *sql = write_sql (self, table, update, with_uuid);

      stmt = _gw_store_prepare (self->store, sql, error);
      if (stmt == NULL)
        return FALSE;
      *cached = stmt;
    }
  else
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }

  for (guint i = 0; i < table->n_fields; i++)
    {
      const GwField *field = &table->fields[i];

      if (!writes_field (self, table, field) ||
          (update && field->type == GW_FIELD_UUID && !with_uuid))
        continue;
      bind_value (self, stmt, ++index, field, object,
                  field->name ? json_object_get_member (object, field->name) : NULL);
    }
  if (update)
    _gw_store_bind_text (stmt, index + 1, our_uuid);

  return _gw_store_step_done (self->store, stmt, error);
}

/* INSERT of one item of @link: the parent's id, the position if the
 * order means something, then the item's fields. */
static char *
link_insert_sql (const GwLink *link)
{
  GString *sql = g_string_new (NULL);
  int index = 1;

  g_string_append_printf (sql, "INSERT%s INTO %s (%s", link->position ? "" : " OR IGNORE",
                          link->table, link->parent_column);
  if (link->position)
    g_string_append_printf (sql, ", %s", link->position);
  for (guint f = 0; f < link->n_fields; f++)
    g_string_append_printf (sql, ", %s", link->fields[f].column);
  g_string_append (sql, ") VALUES (?1");
  if (link->position)
    g_string_append_printf (sql, ", ?%d", ++index);
  for (guint f = 0; f < link->n_fields; f++)
    {
      g_string_append (sql, ", ");
      append_placeholder (sql, &link->fields[f], ++index);
    }
  g_string_append_c (sql, ')');
  return g_string_free (sql, FALSE);
}

/* One item of @link for the record @id, at @position when the link keeps
 * an order. */
static gboolean
insert_link_item (GwExchangeImport  *self,
                  const GwLink      *link,
                  gint64             id,
                  guint              position,
                  JsonNode          *item,
                  GError           **error)
{
  sqlite3_stmt *stmt = prepare_for (self, link, SQL_LINK_INSERT, error);
  int index = 1;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (link->position)
    sqlite3_bind_int (stmt, ++index, (int) position);
  for (guint f = 0; f < link->n_fields; f++)
    bind_value (self, stmt, ++index, &link->fields[f], NULL,
                link->scalar ? item : json_object_get_member (json_node_get_object (item),
                                                              link->fields[f].name));
  return _gw_store_step_done (self->store, stmt, error);
}

/* With @added, the record was just inserted: nothing refers to its new
 * id yet (foreign keys delete the lists with their record), so there is
 * no old list to clear. */
static gboolean
write_side_lists (GwExchangeImport  *self,
                  const GwTable     *table,
                  JsonObject        *object,
                  JsonObject        *our_object,
                  gint64             id,
                  gboolean           added,
                  GError           **error)
{
  for (guint i = 0; i < table->n_fields; i++)
    {
      const GwField *field = &table->fields[i];
      sqlite3_stmt *stmt;
      JsonArray *array;

      if (field->type != GW_FIELD_LIST || !_gw_exchange_field_visible (field, self->privacy))
        continue;

      if (!added)
        {
          stmt = prepare_static (self, field->side_delete, error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, id);
          if (!_gw_store_step_done (self->store, stmt, error))
            return FALSE;
        }

      array = json_object_get_array_member (object, field->name);
      for (guint j = 0; j < json_array_get_length (array); j++)
        {
          stmt = prepare_static (self, field->side_insert, error);
          if (stmt == NULL)
            return FALSE;
          bind_kept_text (stmt, 1, json_array_get_string_element (array, j));
          sqlite3_bind_int64 (stmt, 2, id);
          if (!_gw_store_step_done (self->store, stmt, error))
            return FALSE;
        }
    }

  for (guint l = 0; l < table->n_links; l++)
    {
      const GwLink *link = &table->links[l];
      sqlite3_stmt *stmt;
      JsonArray *array;

      if (!_gw_exchange_link_visible (link, self->privacy))
        continue;

      if (!added)
        {
          stmt = prepare_for (self, link, SQL_LINK_DELETE, error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, id);
          if (!_gw_store_step_done (self->store, stmt, error))
            return FALSE;
        }

      array = json_object_get_array_member (object, link->name);
      for (guint j = 0; j < json_array_get_length (array); j++)
        if (!insert_link_item (self, link, id, j, json_array_get_element (array, j), error))
          return FALSE;

      /* The file's record won over @ours, and leaves out of this list the
       * records it does not have, most likely ones the other chapter
       * removed: ours stay (as with a reference, see
       * keep_refs_unknown_to_file()). */
      if (our_object != NULL && link->position == NULL &&
          json_object_has_member (our_object, link->name) &&
          JSON_NODE_HOLDS_ARRAY (json_object_get_member (our_object, link->name)))
        {
          JsonArray *mine = json_object_get_array_member (our_object, link->name);

          for (guint j = 0; j < json_array_get_length (mine); j++)
            {
              JsonNode *item = json_array_get_element (mine, j);

              if (item_unknown_to_file (self, link, item) &&
                  !insert_link_item (self, link, id, 0, item, error))
                return FALSE;
            }
        }
    }

  return TRUE;
}

/* Another way to find the file's record here (see GwTable.match_sql):
 * returns our UUID. */
static char *
match_here (GwExchangeImport *self,
            const GwTable    *table,
            JsonObject       *object)
{
  sqlite3_stmt *stmt;
  char *uuid = NULL;

  if (table->match_sql == NULL)
    return NULL;

  stmt = prepare_static (self, table->match_sql, NULL);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (table->match_fields) && table->match_fields[i]; i++)
    {
      JsonNode *node = json_object_get_member (object, table->match_fields[i]);

      if (JSON_NODE_HOLDS_NULL (node))
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      if (is_int (node))
        sqlite3_bind_int64 (stmt, i + 1, json_node_get_int (node));
      else
        _gw_store_bind_text (stmt, i + 1, remapped (self, json_node_get_string (node)));
    }

  if (sqlite3_step (stmt) == SQLITE_ROW)
    uuid = _gw_store_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return uuid;
}

static gboolean
is_used (GwExchangeImport *self,
         const GwTable    *table,
         gint64            id)
{
  sqlite3_stmt *stmt;
  gboolean used;

  if (table->used_sql == NULL)
    return TRUE;
  stmt = prepare_static (self, table->used_sql, NULL);
  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_int64 (stmt, 1, id);
  used = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return used;
}

typedef enum
{
  OUTCOME_ADD,
  OUTCOME_UPDATE,
  OUTCOME_ADOPT,      /* update, taking the file's UUID too */
  OUTCOME_UNCHANGED,
  OUTCOME_CONFLICT,
} Outcome;

/* The file's record won, and refers by null where ours refers to a record
 * the file does not have: most likely one the other chapter removed,
 * which says nothing about ours. Keep our reference. @our_object is
 * ours as parse_records() read it back. */
static gboolean
keep_refs_unknown_to_file (GwExchangeImport  *self,
                           const GwTable     *table,
                           JsonObject        *object,
                           JsonObject        *our_object,
                           const char        *our_uuid,
                           GError           **error)
{
  gboolean any_null = FALSE;

  for (guint i = 0; !any_null && i < table->n_fields; i++)
    {
      JsonNode *theirs;

      if (table->fields[i].type != GW_FIELD_REF_NULL)
        continue;
      theirs = json_object_get_member (object, table->fields[i].name);
      any_null = theirs != NULL && JSON_NODE_HOLDS_NULL (theirs);
    }
  if (!any_null)
    return TRUE;

  for (guint i = 0; i < table->n_fields; i++)
    {
      const GwField *field = &table->fields[i];
      JsonNode *theirs, *mine;
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt;

      if (field->type != GW_FIELD_REF_NULL)
        continue;
      theirs = json_object_get_member (object, field->name);
      mine = json_object_get_member (our_object, field->name);
      if (theirs == NULL || !JSON_NODE_HOLDS_NULL (theirs) ||
          mine == NULL || !is_string (mine) ||
          !unknown_to_file (self, field->target, json_node_get_string (mine)))
        continue;

      sql = g_strdup_printf ("UPDATE %s SET %s = (SELECT id FROM %s WHERE uuid = ?1) WHERE uuid = ?2",
                             table->name, field->column, gw_exchange_tables[field->target].name);
      stmt = _gw_store_prepare (self->store, sql, error);
      if (stmt == NULL)
        return FALSE;
      _gw_store_bind_text (stmt, 1, json_node_get_string (mine));
      _gw_store_bind_text (stmt, 2, our_uuid);
      if (!_gw_store_step_done (self->store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* A person's stage and status on the roster are the "to" of the latest
 * line of that kind in their history (by date, then as recorded), when
 * there is one. */
static const char follow_history_sql[] =
  "UPDATE members SET stage = coalesce (("
  "    SELECT e.to_value FROM member_events AS e"
  "    WHERE e.member_id = members.id AND e.kind = ?2 AND e.to_value IS NOT NULL"
  "    ORDER BY e.date DESC, e.id DESC LIMIT 1), stage),"
  "  status = coalesce (("
  "    SELECT e.to_value FROM member_events AS e"
  "    WHERE e.member_id = members.id AND e.kind = ?3 AND e.to_value IS NOT NULL"
  "    ORDER BY e.date DESC, e.id DESC LIMIT 1), status)"
  " WHERE id = ?1";

/* Decides what happens to one record of the file; with @write, does it. */
static gboolean
merge_record (GwExchangeImport  *self,
              GwTableId          id,
              JsonObject        *object,
              gboolean           write,
              sqlite3_stmt      *select,
              GPtrArray         *second_pass,
              GError           **error)
{
  const GwTable *table = &gw_exchange_tables[id];
  GwExchangeCounts *counts = &self->counts[area_index (table->area)];
  const char *uuid = get_string (object, "uuid");
  g_autofree char *our_uuid = NULL;
  g_autofree char *our_updated = NULL;
  g_autoptr(JsonParser) ours_parser = NULL;
  g_autoptr(JsonParser) theirs_parser = NULL;
  JsonObject *ours_object = NULL;
  JsonObject *theirs_object = NULL;
  JsonObject *overridden = NULL;   /* ours, when the file's record wins */
  gboolean matched = FALSE;
  gboolean deleted = FALSE;
  gint64 our_id = 0;
  Outcome outcome = OUTCOME_ADD;
  sqlite3_stmt *stmt;
  int rc;

  /* The table's SELECT ... WHERE t.uuid = ?, prepared by merge(). */
  stmt = select;
  sqlite3_reset (stmt);
  bind_kept_text (stmt, 1, uuid);
  rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _gw_store_set_error (self->store, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      our_uuid = match_here (self, table, object);
      if (our_uuid != NULL)
        {
          matched = TRUE;
          stmt = select;
          sqlite3_reset (stmt);
          _gw_store_bind_text (stmt, 1, our_uuid);
          rc = sqlite3_step (stmt);
        }
    }
  else
    our_uuid = g_strdup (uuid);

  if (rc == SQLITE_ROW)
    {
      g_autoptr(GString) ours = g_string_new (NULL);
      g_autoptr(GString) theirs = g_string_new (NULL);
      const char *their_updated = table->append_only ? NULL : get_string (object, "updated");
      g_autofree char *reason = NULL;

      our_id = sqlite3_column_int64 (stmt, 0);
      deleted = sqlite3_column_int (stmt, 1) != 0;
      write_ours (self, table, stmt, ours);
      sqlite3_reset (stmt);

      if (!table->append_only)
        {
          sqlite3_stmt *updated = prepare_for (self, table, SQL_UPDATED, error);

          if (updated == NULL)
            return FALSE;
          _gw_store_bind_text (updated, 1, our_uuid);
          if (sqlite3_step (updated) == SQLITE_ROW)
            our_updated = _gw_store_column_dup (updated, 0);
          sqlite3_reset (updated);
        }

      if (matched && !deleted && !table->append_only && table->used_sql != NULL &&
          !is_used (self, table, our_id))
        outcome = OUTCOME_ADOPT;
      else
        {
          if (matched)
            g_hash_table_insert (self->remap, (gpointer) uuid, g_strdup (our_uuid));

          write_theirs (self, table, object, theirs);

          /* Read back once, to look at the fields in which they differ. */
          if (!deleted && !g_string_equal (ours, theirs))
            {
              ours_parser = json_parser_new ();
              theirs_parser = json_parser_new ();
              if (!parse_records (ours_parser, ours->str, &ours_object,
                                  theirs_parser, theirs->str, &theirs_object))
                ours_object = theirs_object = NULL;
            }

          if (deleted)
            reason = g_strdup (_("Removed here; kept removed"));
          else if (g_string_equal (ours, theirs) ||
                   differs_only_by_unknown (self, table, ours_object, theirs_object))
            outcome = OUTCOME_UNCHANGED;
          /* History and ledger entries are never rewritten: one that came
           * without its note or memo keeps it empty. */
          else if (table->append_only && only_fills_in (ours_object, theirs_object))
            outcome = OUTCOME_UNCHANGED;
          else if (table->append_only)
            reason = g_strdup (_("Already here with other content; kept ours"));
          else if (g_strcmp0 (their_updated, our_updated) > 0 ||
                   (g_strcmp0 (their_updated, our_updated) == 0 && only_fills_in (ours_object, theirs_object)))
            {
              outcome = OUTCOME_UPDATE;
              overridden = ours_object;
            }
          else
            {
              g_autofree char *when = gw_date_format_time (our_updated);

              if (g_strcmp0 (their_updated, our_updated) == 0)
                reason = g_strdup_printf (_("Changed in both places at the same time (%s); kept ours"),
                                          when);
              else
                reason = g_strdup_printf (_("Changed here more recently (%s); kept ours"), when);
            }

          if (reason != NULL)
            {
              outcome = OUTCOME_CONFLICT;
              add_conflict (self, table, object, reason,
                            deleted ? NULL : ours->str, deleted ? NULL : theirs->str);
            }
        }
    }
  else
    sqlite3_reset (stmt);

  switch (outcome)
    {
    case OUTCOME_ADD: counts->added++; self->adds[id]++; break;
    case OUTCOME_UPDATE:
    case OUTCOME_ADOPT: counts->updated++; break;
    case OUTCOME_UNCHANGED: counts->unchanged++; break;
    case OUTCOME_CONFLICT: break;
    }

  if (!write || outcome == OUTCOME_UNCHANGED || outcome == OUTCOME_CONFLICT)
    return TRUE;

  {
    gboolean update = outcome != OUTCOME_ADD;
    gboolean adopt = outcome == OUTCOME_ADOPT;

    if (!bind_and_step (self, id, update, adopt, object, our_uuid, error))
      return FALSE;

    if (overridden != NULL &&
        !keep_refs_unknown_to_file (self, table, object, overridden, our_uuid, error))
      return FALSE;

    if (!update && table->has_id)
      our_id = sqlite3_last_insert_rowid (_gw_store_get_db (self->store));
    if (update && id == GW_TABLE_MEMBERS)
      g_array_append_val (self->touched_members, our_id);
  }

  if (!write_side_lists (self, table, object, overridden, our_id, outcome == OUTCOME_ADD, error))
    return FALSE;

  /* A member's recruiter may come later in the file; one that came
   * before, or is only here, was found by the insert or update. */
  if (id == GW_TABLE_MEMBERS && is_string (json_object_get_member (object, "recruited_by")))
    {
      GHashTable *uuids = self->uuids[GW_TABLE_MEMBERS];
      guint recruiter = GPOINTER_TO_UINT (g_hash_table_lookup (uuids, get_string (object, "recruited_by")));

      if (recruiter != 0 && recruiter >= GPOINTER_TO_UINT (g_hash_table_lookup (uuids, uuid)))
        g_ptr_array_add (second_pass, object);
    }

  if (id == GW_TABLE_MEMBERS && outcome == OUTCOME_ADD)
    g_hash_table_add (self->added_members, (gpointer) uuid);

  /* A history line moves the roster's "last change"; for the people this
   * import adds, merge() does it once for all at the end. */
  if (id == GW_TABLE_MEMBER_EVENTS &&
      !g_hash_table_contains (self->added_members, get_string (object, "member")))
    {
      static const char sql[] = "UPDATE members SET last_change = max(last_change, ?1)"
                                " WHERE uuid = ?2 AND last_change < ?1";

      stmt = prepare_static (self, sql, error);
      if (stmt == NULL)
        return FALSE;
      _gw_store_bind_text (stmt, 1, get_string (object, "date"));
      _gw_store_bind_text (stmt, 2, remapped (self, get_string (object, "member")));
      if (!_gw_store_step_done (self->store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
set_recruiters (GwExchangeImport  *self,
                GPtrArray         *second_pass,
                GError           **error)
{
  for (guint i = 0; i < second_pass->len; i++)
    {
      JsonObject *object = g_ptr_array_index (second_pass, i);
      static const char sql[] = "UPDATE members SET recruited_by ="
                                " (SELECT id FROM members WHERE uuid = ?1)"
                                " WHERE uuid = ?2";
      sqlite3_stmt *stmt = prepare_static (self, sql, error);

      if (stmt == NULL)
        return FALSE;
      _gw_store_bind_text (stmt, 1, remapped (self, get_string (object, "recruited_by")));
      _gw_store_bind_text (stmt, 2, get_string (object, "uuid"));
      if (!_gw_store_step_done (self->store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* History is appended, never overwritten, and the roster follows it: the
 * people here who gained history lines (those above @events_max_id) or
 * whose record the file updated take the stage and status of their latest
 * line, even when their details here were kept over the file's. People
 * this import added (above @members_max_id) already have the file's. */
static gboolean
follow_history (GwExchangeImport  *self,
                gint64             members_max_id,
                gint64             events_max_id,
                GError           **error)
{
  GArray *ids = self->touched_members;
  sqlite3_stmt *stmt;
  int rc;

  if (self->records[GW_TABLE_MEMBER_EVENTS] != NULL)
    {
      stmt = prepare_static (self, "SELECT DISTINCT member_id FROM member_events"
                                   " WHERE id > ?1 AND member_id <= ?2", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, events_max_id);
      sqlite3_bind_int64 (stmt, 2, members_max_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (ids, id);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          _gw_store_set_error (self->store, error);
          return FALSE;
        }
    }

  g_array_sort (ids, compare_ids);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (i > 0 && id == g_array_index (ids, gint64, i - 1))
        continue;
      stmt = prepare_static (self, follow_history_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, GW_EVENT_STAGE);
      sqlite3_bind_int (stmt, 3, GW_EVENT_STATUS);
      if (!_gw_store_step_done (self->store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
merge (GwExchangeImport  *self,
       gboolean           write,
       GCancellable      *cancellable,
       GError           **error)
{
  g_autoptr(GPtrArray) second_pass = g_ptr_array_new ();

  gint64 adds[GW_N_TABLES];
  gint64 members_max_id = 0;
  gint64 events_max_id = 0;

  memcpy (adds, self->adds, sizeof adds);
  memset (self->counts, 0, sizeof self->counts);
  memset (self->adds, 0, sizeof self->adds);
  g_ptr_array_set_size (self->conflicts, 0);
  g_hash_table_remove_all (self->remap);
  g_hash_table_remove_all (self->added_members);

  g_array_set_size (self->touched_members, 0);

  /* What is here before: the people and history lines added get ids above. */
  if (write)
    {
      sqlite3_stmt *stmt = _gw_store_prepare (self->store, "SELECT (SELECT coalesce(max(id), 0) FROM members),"
                                                           " (SELECT coalesce(max(id), 0) FROM member_events)",
                                              error);

      if (stmt == NULL)
        return FALSE;
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          members_max_id = sqlite3_column_int64 (stmt, 0);
          events_max_id = sqlite3_column_int64 (stmt, 1);
        }
      sqlite3_reset (stmt);
    }

  for (guint t = 0; t < GW_N_TABLES; t++)
    {
      const GwTable *table = &gw_exchange_tables[t];
      g_autofree char *select_sql = NULL;
      GwStoreBulk bulk = { 0 };
      sqlite3_stmt *select;
      gboolean ok = TRUE;
      guint n;

      if (self->records[t] == NULL)
        continue;

      /* Many new rows go in faster with the indexes built after them;
       * not for a table that merging looks up other than by UUID. */
      if (write && table->match_sql == NULL && table->used_sql == NULL)
        {
          bulk.db = _gw_store_get_db (self->store);
          if (!_gw_store_bulk_table (self->store, &bulk, table->name, adds[t], error))
            return FALSE;
        }

      select_sql = _gw_exchange_select_sql (table, self->privacy, "t.uuid = ?");
      select = _gw_store_prepare (self->store, select_sql, error);
      if (select == NULL)
        ok = FALSE;
      n = json_array_get_length (self->records[t]);
      for (guint i = 0; ok && i < n; i++)
        {
          JsonObject *object = json_array_get_object_element (self->records[t], i);

          if (!merge_record (self, t, object, write, select, second_pass, error))
            {
              ok = FALSE;
              break;
            }

          if (++self->done % BATCH == 0)
            {
              if (g_cancellable_set_error_if_cancelled (cancellable, error))
                {
                  ok = FALSE;
                  break;
                }
              if (self->progress != NULL)
                self->progress (MIN (1.0, (double) self->done / MAX (1, self->progress_total)),
                                self->user_data);
            }
        }

      /* A member's recruiter may come later in the file: once all are in
       * (and before the indexes are built), point to them. */
      if (ok && t == GW_TABLE_MEMBERS)
        ok = set_recruiters (self, second_pass, error);

      if (ok)
        ok = _gw_store_bulk_restore (self->store, &bulk, error);
      _gw_store_end_bulk (&bulk);
      if (!ok)
        return FALSE;
    }

  /* The history of the people added moved their "last change" (see
   * merge_record()): a person new here has no history but the file's. */
  if (write && g_hash_table_size (self->added_members) > 0 &&
      self->records[GW_TABLE_MEMBER_EVENTS] != NULL)
    {
      sqlite3_stmt *stmt = _gw_store_prepare (self->store,
                                              "UPDATE members SET last_change = e.date"
                                              " FROM (SELECT member_id, max(date) AS date FROM member_events"
                                              "       WHERE member_id > ?1 GROUP BY member_id) AS e"
                                              " WHERE members.id = e.member_id AND members.id > ?1"
                                              " AND members.last_change < e.date", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, members_max_id);
      if (!_gw_store_step_done (self->store, stmt, error))
        return FALSE;
    }

  if (write && !follow_history (self, members_max_id, events_max_id, error))
    return FALSE;

  return TRUE;
}

static void
fingerprint (GwStore *store,
             gint64  *data_version,
             gint64  *total_changes)
{
  sqlite3_stmt *stmt = _gw_store_prepare (store, "PRAGMA data_version", NULL);

  *data_version = 0;
  if (stmt != NULL)
    {
      if (sqlite3_step (stmt) == SQLITE_ROW)
        *data_version = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  *total_changes = sqlite3_total_changes64 (_gw_store_get_db (store));
}

/**
 * gw_exchange_import_load_data:
 *
 * See gw-exchange.h.
 *
 * Returns: (transfer full) (nullable): what importing @data would do.
 */
GwExchangeImport *
gw_exchange_import_load_data (GwStore       *store,
                              const char    *data,
                              gsize          length,
                              GwProgressFunc progress,
                              gpointer       user_data,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GwExchangeImport) self = NULL;
  g_autoptr(GError) parse_error = NULL;
  gboolean ok;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (!check_bytes (data ? data : "", length, error))
    return NULL;

  /* Checked with it, so that byte offsets are the file's; json-glib does
   * not take it. */
  if (data != NULL && has_bom (data, length))
    {
      data += 3;
      length -= 3;
    }

  self = g_new0 (GwExchangeImport, 1);
  self->store = g_object_ref (store);
  self->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) conflict_free);
  self->remap = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->added_members = g_hash_table_new (g_str_hash, g_str_equal);
  self->statements = g_hash_table_new (NULL, NULL);
  self->builtins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->touched_members = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->unity_numbers = g_hash_table_new (NULL, NULL);
  self->progress = progress;
  self->user_data = user_data;

  self->parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (self->parser, data ? data : "", length, &parse_error))
    {
      g_set_error (error, GW_EXCHANGE_ERROR, GW_EXCHANGE_ERROR_SYNTAX,
                   _("The file is not valid JSON; it may be cut short or damaged (%s)."),
                   parse_error->message);
      return NULL;
    }

  if (json_parser_get_root (self->parser) == NULL)
    {
      g_set_error (error, GW_EXCHANGE_ERROR, GW_EXCHANGE_ERROR_SYNTAX,
                   _("The file is empty."));
      return NULL;
    }

  if (!check_header (self, json_parser_get_root (self->parser), error))
    return NULL;
  /* Checking, then comparing. */
  self->progress_total = 2 * self->total;

  for (guint t = 0; t < GW_N_TABLES; t++)
    if (self->records[t] != NULL && !index_table (self, t, error))
      return NULL;
    else if (self->records[t] == NULL)
      self->uuids[t] = g_hash_table_new (g_str_hash, g_str_equal);

  /* A read transaction, so that checking and comparing see one state. */
  if (!_gw_store_exec (store, "SAVEPOINT gw_import_load", error))
    return NULL;

  ok = TRUE;
  for (guint t = 0; ok && t < GW_N_TABLES; t++)
    if (self->records[t] != NULL)
      ok = check_table (self, t, cancellable, error);

  if (ok)
    ok = merge (self, FALSE, cancellable, error);

  _gw_store_exec (store, "RELEASE gw_import_load", NULL);

  if (!ok)
    return NULL;

  fingerprint (store, &self->data_version, &self->total_changes);

  if (progress != NULL)
    progress (1.0, user_data);

  return g_steal_pointer (&self);
}

/**
 * gw_exchange_import_load:
 *
 * Returns: (transfer full) (nullable): what importing the file at @path
 *   would do.
 */
GwExchangeImport *
gw_exchange_import_load (GwStore        *store,
                         const char     *path,
                         GwProgressFunc  progress,
                         gpointer        user_data,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  GStatBuf st;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  /* Refuse a huge file before reading a byte of it. */
  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && (guint64) st.st_size > max_bytes)
    {
      g_set_error (error, GW_EXCHANGE_ERROR, GW_EXCHANGE_ERROR_TOO_LARGE,
                   _("The file is too large to be an exchange file (more than %" PRIu64 " MB)."),
                   (guint64) (max_bytes / (1024 * 1024)));
      return NULL;
    }

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;

  return gw_exchange_import_load_data (store, data, length, progress, user_data, cancellable, error);
}

GwExchangeAreas
gw_exchange_import_get_areas (GwExchangeImport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->areas;
}

GwExchangePrivacy
gw_exchange_import_get_privacy (GwExchangeImport *self)
{
  g_return_val_if_fail (self != NULL, GW_PRIVACY_FULL);
  return self->privacy;
}

const char *
gw_exchange_import_get_organization (GwExchangeImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->organization;
}

const char *
gw_exchange_import_get_exported (GwExchangeImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->exported;
}

void
gw_exchange_import_get_counts (GwExchangeImport *self,
                               GwExchangeAreas   area,
                               GwExchangeCounts *counts)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (counts != NULL);
  g_return_if_fail (area != 0 && (area & (area - 1)) == 0 && (area & ~GW_AREA_ALL) == 0);

  *counts = self->counts[area_index (area)];
}

GPtrArray *
gw_exchange_import_get_conflicts (GwExchangeImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->conflicts;
}

gboolean
gw_exchange_import_has_changes (GwExchangeImport *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (self->counts); i++)
    if (self->counts[i].added > 0 || self->counts[i].updated > 0)
      return TRUE;
  return FALSE;
}

gboolean
gw_exchange_import_apply (GwExchangeImport  *self,
                          GwProgressFunc     progress,
                          gpointer           user_data,
                          GCancellable      *cancellable,
                          GError           **error)
{
  gint64 data_version, total_changes;
  GwExchangeCounts preview_counts[G_N_ELEMENTS (self->counts)];
  gint64 preview_adds[GW_N_TABLES];
  g_autoptr(GPtrArray) preview_conflicts = NULL;
  GwStoreBulk tuning;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->applied, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  fingerprint (self->store, &data_version, &total_changes);
  if (data_version != self->data_version || total_changes != self->total_changes)
    {
      g_set_error (error, GW_EXCHANGE_ERROR, GW_EXCHANGE_ERROR_CHANGED,
                   _("The database changed since the file was read. Read the file again before importing it."));
      return FALSE;
    }

  /* Statement journals in memory (see _gw_store_begin_bulk()). */
  _gw_store_begin_bulk (self->store, &tuning);
  if (!gw_store_begin (self->store, error))
    {
      _gw_store_end_bulk (&tuning);
      return FALSE;
    }

  /* A large import touches pages all over the UUID indexes and the
   * full-text indexes; with the usual 16 MB cache SQLite would spill them
   * to the log again and again before the commit. */
  _gw_store_exec (self->store, "PRAGMA cache_size = -262144", NULL);

  self->progress = progress;
  self->user_data = user_data;
  self->done = 0;
  self->progress_total = self->total;

  /* Writing counts again as it goes: keep the preview's figures and
   * conflicts, to give them back if it fails or is stopped. */
  memcpy (preview_counts, self->counts, sizeof preview_counts);
  memcpy (preview_adds, self->adds, sizeof preview_adds);
  preview_conflicts = g_steal_pointer (&self->conflicts);
  self->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) conflict_free);

  ok = merge (self, TRUE, cancellable, error);
  if (ok)
    {
      if (self->areas & GW_AREA_MEMBERS)
        _gw_store_member_changed (self->store, 0);
      if (self->areas & GW_AREA_MEETINGS)
        _gw_store_meeting_changed (self->store, 0);
      if (self->areas & GW_AREA_NOTEBOOK)
        {
          static const char * const kinds[] = { "note", "force", "need", "contradiction", "rule", "kind" };

          for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
            _gw_store_notebook_changed (self->store, kinds[i], 0);
        }
      if (self->areas & GW_AREA_LEDGER)
        _gw_store_ledger_changed (self->store, 0);

      /* A commit that fails rolls back. */
      ok = gw_store_commit (self->store, error);
    }
  else
    gw_store_rollback (self->store);

  _gw_store_exec (self->store, "PRAGMA cache_size = -16384", NULL);
  _gw_store_end_bulk (&tuning);

  if (!ok)
    {
      /* Nothing was written: the preview holds, and can be applied again
       * (the changes rolled back still count in total_changes). */
      memcpy (self->counts, preview_counts, sizeof preview_counts);
      memcpy (self->adds, preview_adds, sizeof preview_adds);
      g_ptr_array_unref (self->conflicts);
      self->conflicts = g_steal_pointer (&preview_conflicts);
      fingerprint (self->store, &data_version, &self->total_changes);
      return FALSE;
    }

  self->applied = TRUE;
  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;
}
