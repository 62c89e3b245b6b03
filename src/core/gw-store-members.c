/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gw-date.h"
#include "gw-member-private.h"
#include "gw-store-members.h"
#include "gw-store-private.h"
#include "gw-text.h"

/* The most people gw_store_find_duplicates() reports. */
#define MAX_DUPLICATES 10

#define MEMBER_COLUMNS                                                              \
  "m.id, m.uuid, m.full_name, m.community_name, m.pronouns, m.phone, m.email,"      \
  " m.neighbourhood, m.languages, m.skills, m.notes, m.tags, m.joined,"             \
  " m.recruited_by, r.full_name, m.stage, m.status, m.last_change, m.created, m.updated"

static GwMember *
member_from_row (sqlite3_stmt *stmt)
{
  GwMember *member = gw_member_new ();
  g_autofree char *languages = NULL;
  g_autofree char *tags = NULL;

  member->id = sqlite3_column_int64 (stmt, 0);
  member->uuid = _gw_store_column_dup (stmt, 1);
  member->full_name = _gw_store_column_dup (stmt, 2);
  member->community_name = _gw_store_column_dup (stmt, 3);
  member->pronouns = _gw_store_column_dup (stmt, 4);
  member->phone = _gw_store_column_dup (stmt, 5);
  member->email = _gw_store_column_dup (stmt, 6);
  member->neighbourhood = _gw_store_column_dup (stmt, 7);
  languages = _gw_store_column_dup (stmt, 8);
  g_strfreev (member->languages);
  member->languages = gw_split_list (languages);
  member->skills = _gw_store_column_dup (stmt, 9);
  member->notes = _gw_store_column_dup (stmt, 10);
  tags = _gw_store_column_dup (stmt, 11);
  g_strfreev (member->tags);
  member->tags = gw_split_list (tags);
  member->joined = _gw_store_column_dup (stmt, 12);
  member->recruited_by = sqlite3_column_int64 (stmt, 13);
  if (sqlite3_column_type (stmt, 14) != SQLITE_NULL)
    member->recruited_by_name = _gw_store_column_dup (stmt, 14);
  member->stage = CLAMP (sqlite3_column_int (stmt, 15), 0, GW_N_STAGES - 1);
  member->status = CLAMP (sqlite3_column_int (stmt, 16), 0, GW_N_STATUSES - 1);
  member->last_change = _gw_store_column_dup (stmt, 17);
  member->created = _gw_store_column_dup (stmt, 18);
  member->updated = _gw_store_column_dup (stmt, 19);

  return member;
}

static gboolean
recruiter_unchanged (GwStore  *self,
                     GwMember *member)
{
  sqlite3_stmt *stmt;
  gboolean same;

  if (member->id == 0)
    return FALSE;
  stmt = _gw_store_prepare (self, "SELECT 1 FROM members WHERE id = ?1 AND recruited_by = ?2", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member->id);
  sqlite3_bind_int64 (stmt, 2, member->recruited_by);
  same = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return same;
}

static gboolean
validate (GwStore   *self,
          GwMember  *member,
          GError   **error)
{
  if (member->full_name == NULL || member->full_name[0] == '\0')
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                   _("Enter the person’s full name."));
      return FALSE;
    }

  if (member->joined != NULL && !gw_date_is_valid (member->joined))
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                   _("“%s” is not a real date. Write the date joined as YYYY-MM-DD."),
                   member->joined);
      return FALSE;
    }

  if (member->email != NULL && member->email[0] != '\0' && !gw_text_looks_like_email (member->email))
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                   _("“%s” does not look like an email address."), member->email);
      return FALSE;
    }

  if (member->recruited_by != 0)
    {
      int stage, status;

      if (member->recruited_by == member->id)
        {
          g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                       _("A person cannot have recruited themselves."));
          return FALSE;
        }

      /* A recruiter removed since is kept as it was (Undo may bring them
       * back); only a new one must be on the roster. */
      if (!_gw_store_get_stage_status (self, member->recruited_by, &stage, &status, NULL, NULL) &&
          !recruiter_unchanged (self, member))
        {
          g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                       _("The person who recruited them is no longer on the roster."));
          return FALSE;
        }
    }

  return TRUE;
}

/* With @delete_sql NULL, for someone just added: there is no old list. */
static gboolean
replace_list (GwStore             *self,
              const char          *delete_sql,
              const char          *insert_sql,
              gint64               member_id,
              const char * const  *items,
              GError             **error)
{
  sqlite3_stmt *stmt;

  if (delete_sql != NULL)
    {
      stmt = _gw_store_prepare (self, delete_sql, error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, member_id);
      if (!_gw_store_step_done (self, stmt, error))
        return FALSE;
    }

  for (guint i = 0; items && items[i]; i++)
    {
      stmt = _gw_store_prepare (self, insert_sql, error);
      if (stmt == NULL)
        return FALSE;

      _gw_store_bind_text (stmt, 1, items[i]);
      sqlite3_bind_int64 (stmt, 2, member_id);
      if (!_gw_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_lists (GwStore   *self,
             GwMember  *member,
             gint64     id,
             gboolean   added,
             GError   **error)
{
  return replace_list (self, added ? NULL : "DELETE FROM member_tags WHERE member_id = ?",
                       "INSERT OR IGNORE INTO member_tags (tag, member_id) VALUES (?, ?)",
                       id, (const char * const *) member->tags, error) &&
         replace_list (self, added ? NULL : "DELETE FROM member_languages WHERE member_id = ?",
                       "INSERT OR IGNORE INTO member_languages (language, member_id) VALUES (?, ?)",
                       id, (const char * const *) member->languages, error);
}

/* Binds the editable fields in the order both INSERT and UPDATE use. */
static void
bind_fields (sqlite3_stmt *stmt,
             GwMember     *member)
{
  g_autofree char *languages = _gw_member_join_list ((const char * const *) member->languages);
  g_autofree char *tags = _gw_member_join_list ((const char * const *) member->tags);
  g_autofree char *digits = gw_text_phone_digits (member->phone);
  g_autofree char *sort_key = gw_text_fold (member->full_name);
  g_autofree char *email_key = gw_text_email_key (member->email);

  _gw_store_bind_text (stmt, 1, member->full_name);
  _gw_store_bind_text (stmt, 2, member->community_name);
  _gw_store_bind_text (stmt, 3, member->pronouns);
  _gw_store_bind_text (stmt, 4, member->phone);
  _gw_store_bind_text (stmt, 5, digits);
  _gw_store_bind_text (stmt, 6, member->email);
  _gw_store_bind_text (stmt, 7, member->neighbourhood);
  _gw_store_bind_text (stmt, 8, languages);
  _gw_store_bind_text (stmt, 9, member->skills);
  _gw_store_bind_text (stmt, 10, member->notes);
  _gw_store_bind_text (stmt, 11, tags);
  _gw_store_bind_text (stmt, 12, member->joined);
  if (member->recruited_by > 0)
    sqlite3_bind_int64 (stmt, 13, member->recruited_by);
  else
    sqlite3_bind_null (stmt, 13);
  _gw_store_bind_text (stmt, 14, sort_key);
  _gw_store_bind_text (stmt, 15, email_key);
}

/**
 * gw_store_add_member:
 * @draft: the person's details; full name required
 * @approver: (nullable): who added them, for the history
 *
 * Adds a person to the roster as an active volunteer, with a first line in
 * their history. The date joined defaults to today.
 *
 * Returns: the new member's id, or 0 with @error set.
 */
gint64
gw_store_add_member (GwStore     *self,
                     GwMember    *draft,
                     const char  *approver,
                     GError     **error)
{
  gint64 id;

  g_return_val_if_fail (GW_IS_STORE (self), 0);
  g_return_val_if_fail (GW_IS_MEMBER (draft), 0);

  if (!_gw_store_check_writable (self, error))
    return 0;

  if (!gw_store_begin (self, error))
    return 0;

  id = _gw_store_insert_member (self, draft, approver, error);
  if (id == 0)
    {
      gw_store_rollback (self);
      return 0;
    }

  if (!gw_store_commit (self, error))
    return 0;

  return id;
}

static gboolean insert_event (GwStore      *self,
                              gint64        member_id,
                              GwEventKind   kind,
                              int           from_value,
                              int           to_value,
                              const char   *date,
                              const char   *approver,
                              const char   *note,
                              gint64        unity_version_id,
                              const char   *now,
                              GError      **error);

/**
 * _gw_store_insert_member:
 *
 * gw_store_add_member() inside the caller's transaction, without a
 * savepoint of its own: for an import that adds many people at once and
 * rolls back as a whole when one of them fails. A failure may leave part
 * of the person written.
 *
 * Returns: the new member's id, or 0 with @error set.
 */
gint64
_gw_store_insert_member (GwStore     *self,
                         GwMember    *draft,
                         const char  *approver,
                         GError     **error)
{
  g_autofree char *uuid = gw_text_uuid ();
  g_autofree char *now = gw_date_now_utc ();
  g_autofree char *today = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  if (!validate (self, draft, error))
    return 0;

  if (draft->joined == NULL || draft->joined[0] == '\0')
    {
      today = gw_date_today ();
      gw_member_set_joined (draft, today);
    }

  /* The last change is the joining, the history's one line. */
  stmt = _gw_store_prepare (self,
                            "INSERT INTO members (full_name, community_name, pronouns, phone,"
                            " phone_digits, email, neighbourhood, languages, skills, notes, tags,"
                            " joined, recruited_by, sort_key, email_key, uuid, last_change,"
                            " created, updated) VALUES"
                            " (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
                            "  ?16, ?12, ?17, ?17)",
                            error);
  if (stmt == NULL)
    return 0;

  bind_fields (stmt, draft);
  _gw_store_bind_text (stmt, 16, uuid);
  _gw_store_bind_text (stmt, 17, now);

  if (!_gw_store_step_done (self, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (_gw_store_get_db (self));

  if (!write_lists (self, draft, id, TRUE, error) ||
      !insert_event (self, id, GW_EVENT_JOINED, -1, GW_STAGE_VOLUNTEER,
                     draft->joined, approver, NULL, 0, now, error))
    return 0;

  _gw_store_member_changed (self, id);
  return id;
}

/**
 * gw_store_update_member:
 *
 * Saves the editable details of @member. Stage and status change only
 * through the ladder, so that each change is on record.
 */
gboolean
gw_store_update_member (GwStore   *self,
                        GwMember  *member,
                        GError   **error)
{
  g_autofree char *now = gw_date_now_utc ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  g_return_val_if_fail (GW_IS_MEMBER (member), FALSE);

  if (!_gw_store_check_writable (self, error))
    return FALSE;

  if (member->joined == NULL || member->joined[0] == '\0')
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                   _("Enter the date they joined."));
      return FALSE;
    }

  if (!validate (self, member, error))
    return FALSE;

  if (!gw_store_begin (self, error))
    return FALSE;

  stmt = _gw_store_prepare (self,
                            "UPDATE members SET full_name = ?1, community_name = ?2, pronouns = ?3,"
                            " phone = ?4, phone_digits = ?5, email = ?6, neighbourhood = ?7,"
                            " languages = ?8, skills = ?9, notes = ?10, tags = ?11, joined = ?12,"
                            " recruited_by = ?13, sort_key = ?14, email_key = ?15, updated = ?16"
                            " WHERE id = ?17 AND deleted = 0",
                            error);
  if (stmt == NULL)
    goto failed;

  bind_fields (stmt, member);
  _gw_store_bind_text (stmt, 16, now);
  sqlite3_bind_int64 (stmt, 17, member->id);

  if (!_gw_store_step_done (self, stmt, error))
    goto failed;

  if (sqlite3_changes (_gw_store_get_db (self)) == 0)
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND,
                   _("This person is no longer on the roster."));
      goto failed;
    }

  if (!write_lists (self, member, member->id, FALSE, error))
    goto failed;

  g_free (member->updated);
  member->updated = g_steal_pointer (&now);

  _gw_store_member_changed (self, member->id);
  return gw_store_commit (self, error);

failed:
  gw_store_rollback (self);
  return FALSE;
}

/**
 * gw_store_load_member:
 *
 * Returns: (transfer full) (nullable): the member with @id, or %NULL with
 *   %GW_STORE_ERROR_NOT_FOUND when there is none.
 */
GwMember *
gw_store_load_member (GwStore     *self,
                      gint64       id,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  GwMember *member = NULL;
  int rc;

  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  stmt = _gw_store_prepare (self, "SELECT " MEMBER_COLUMNS " FROM members m"
                                  " LEFT JOIN members r ON r.id = m.recruited_by AND r.deleted = 0"
                                  " WHERE m.id = ? AND m.deleted = 0", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    member = member_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND,
                 _("This person is no longer on the roster."));
  else
    _gw_store_set_error (self, error);

  sqlite3_reset (stmt);
  return member;
}

static gboolean
set_deleted (GwStore   *self,
             gint64     id,
             gboolean   deleted,
             GError   **error)
{
  g_autofree char *now = gw_date_now_utc ();
  sqlite3_stmt *stmt;

  if (!_gw_store_check_writable (self, error))
    return FALSE;

  stmt = _gw_store_prepare (self, "UPDATE members SET deleted = ?1, updated = ?2"
                                  " WHERE id = ?3 AND deleted = 1 - ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, deleted ? 1 : 0);
  _gw_store_bind_text (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, id);

  if (!_gw_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (_gw_store_get_db (self)) == 0)
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND,
                   _("This person is no longer on the roster."));
      return FALSE;
    }

  _gw_store_member_changed (self, id);
  return TRUE;
}

/**
 * gw_store_delete_member:
 *
 * Takes a person off the roster. They can be brought back, history and all,
 * with gw_store_restore_member() until gw_store_purge_deleted() runs.
 */
gboolean
gw_store_delete_member (GwStore     *self,
                        gint64       id,
                        GError     **error)
{
  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  return set_deleted (self, id, TRUE, error);
}

gboolean
gw_store_restore_member (GwStore     *self,
                         gint64       id,
                         GError     **error)
{
  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  return set_deleted (self, id, FALSE, error);
}

/**
 * gw_store_purge_deleted:
 *
 * Removes for good everyone taken off the roster, with their history, so
 * that nothing about them stays on the computer.
 */
gboolean
gw_store_purge_deleted (GwStore  *self,
                        GError  **error)
{
  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  if (gw_store_is_read_only (self))
    return TRUE;

  return _gw_store_exec (self, "DELETE FROM members WHERE deleted = 1", error);
}

guint
gw_store_count_members (GwStore *self)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (GW_IS_STORE (self), 0);

  stmt = _gw_store_prepare (self, "SELECT count(*) FROM members WHERE deleted = 0", NULL);
  if (stmt == NULL)
    return 0;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

static void
add_unique (GPtrArray *found,
            GwStore   *self,
            gint64     id)
{
  GwMember *member;

  for (guint i = 0; i < found->len; i++)
    if (gw_member_get_id (g_ptr_array_index (found, i)) == id)
      return;

  member = gw_store_load_member (self, id, NULL);
  if (member != NULL)
    g_ptr_array_add (found, member);
}

static void
collect_ids (GwStore    *self,
             GPtrArray  *found,
             const char *sql,
             const char *value,
             gint64      exclude)
{
  sqlite3_stmt *stmt = _gw_store_prepare (self, sql, NULL);

  if (stmt == NULL)
    return;

  _gw_store_bind_text (stmt, 1, value);
  sqlite3_bind_int64 (stmt, 2, exclude);

  while (sqlite3_step (stmt) == SQLITE_ROW && found->len < MAX_DUPLICATES)
    add_unique (found, self, sqlite3_column_int64 (stmt, 0));
  sqlite3_reset (stmt);
}

/* Looking for a person already on the roster under a name.
 *
 * A name matches in one of two ways. The whole name may be a typo or a
 * missing accent away (gw_text_name_slips() of the typed name), as the
 * CSV import's check does. Or, because people give a shorter or a longer
 * name than the one on the roster, or their surnames in another order,
 * every word of the shorter of the two names may match a different word of
 * the longer one, each within gw_text_name_slips() of the typed word:
 * "Efrain Gonzalez", "Efraín Morales" and "Gonzalez Morales Efrain" all
 * find "Efraín González Morales". That needs at least two words on both
 * sides: one word ("Efrain") would find every Efraín on the roster, so a
 * one-word name is only matched whole. Words of one or two letters ("Le",
 * "de") must be the same: one slip in them is another name.
 *
 * Both rules look at every row, so that a slip anywhere, even in a word's
 * first letter, is forgiven: the full-text index finds words only by how
 * they start, and the whole-name rule needs the pass anyway. The pass reads
 * the sort_key column from an index, skips the whole-name measure for names
 * whose length alone rules them out, and measures each different roster
 * word against the typed words once per call (a roster has far fewer
 * different words than people). With 100,000 people it takes about 15 to
 * 40 ms (bench/gw-bench-roster), once, when Add is pressed. Matches are
 * ranked by how far they are from what was typed: the slips, plus one for
 * each word only one of the names has, a whole-name match first on a tie. */

#define MAX_NAME_WORDS 8
#define MAX_WORD_BYTES 64
#define NO_MATCH       G_MAXUINT8

typedef struct
{
  char       *folded;
  guint       slips;
  char       *words[MAX_NAME_WORDS];
  guint       word_slips[MAX_NAME_WORDS];
  guint       n_words;
  /* A folded roster word → guint8[n_words], its distance to each typed word. */
  GHashTable *roster_words;
} NameProbe;

typedef struct
{
  gint64 id;
  guint  score;
  guint  by_words;
  char  *sort_key;
} NameMatch;

static gboolean
is_word_break (char c)
{
  return c == ' ' || c == '-';
}

static void
name_probe_init (NameProbe  *probe,
                 const char *full_name)
{
  const char *p;

  memset (probe, 0, sizeof *probe);
  probe->folded = gw_text_fold (full_name);
  probe->slips = gw_text_name_slips (probe->folded);

  for (p = probe->folded; *p != '\0' && probe->n_words < MAX_NAME_WORDS; )
    {
      const char *end = p;
      char *word;

      while (*end != '\0' && !is_word_break (*end))
        end++;

      if (end > p && end - p < MAX_WORD_BYTES)
        {
          word = g_strndup (p, end - p);
          probe->word_slips[probe->n_words] = g_utf8_strlen (word, -1) < 3 ? 0 : gw_text_name_slips (word);
          probe->words[probe->n_words++] = word;
        }

      p = *end != '\0' ? end + 1 : end;
    }

  if (probe->n_words >= 2)
    probe->roster_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
name_probe_clear (NameProbe *probe)
{
  for (guint i = 0; i < probe->n_words; i++)
    g_free (probe->words[i]);
  g_clear_pointer (&probe->roster_words, g_hash_table_unref);
  g_free (probe->folded);
}

/* Returns: (transfer none): how far @word is from each typed word, or
 * NO_MATCH where it is too far. */
static const guint8 *
name_probe_measure (NameProbe  *probe,
                    const char *word)
{
  guint8 *distances = g_hash_table_lookup (probe->roster_words, word);

  if (distances != NULL)
    return distances;

  distances = g_new (guint8, probe->n_words);
  for (guint i = 0; i < probe->n_words; i++)
    {
      guint max = probe->word_slips[i];
      guint distance;

      if (max == 0)
        distance = strcmp (probe->words[i], word) == 0 ? 0 : NO_MATCH;
      else
        distance = gw_text_distance (probe->words[i], word, max);

      distances[i] = distance <= max ? distance : NO_MATCH;
    }
  g_hash_table_insert (probe->roster_words, g_strdup (word), distances);

  return distances;
}

/* The fewest slips with which each of @n_rows words can be paired with a
 * different one of @n_cols words (@cost[row][col]), or NO_MATCH. Names
 * are short, so trying the pairings in turn is cheap; most rows fail on
 * their first word. */
static guint
pair_words (const guint8 cost[MAX_NAME_WORDS][MAX_NAME_WORDS],
            guint        n_rows,
            guint        n_cols,
            guint        row,
            guint        used)
{
  guint best = NO_MATCH;

  if (row == n_rows)
    return 0;

  for (guint col = 0; col < n_cols; col++)
    {
      guint rest;

      if ((used & (1u << col)) != 0 || cost[row][col] == NO_MATCH)
        continue;

      rest = pair_words (cost, n_rows, n_cols, row + 1, used | (1u << col));
      if (rest != NO_MATCH)
        best = MIN (best, cost[row][col] + rest);
    }

  return best;
}

/* How far @sort_key (a folded roster name) is from the typed name by the
 * word rule: the slips plus the words only one name has, or NO_MATCH. */
static guint
name_probe_match_words (NameProbe  *probe,
                        const char *sort_key)
{
  const guint8 *roster[MAX_NAME_WORDS];
  guint8 cost[MAX_NAME_WORDS][MAX_NAME_WORDS];
  char word[MAX_WORD_BYTES];
  guint n_roster = 0;
  guint n_typed = probe->n_words;
  guint pairing;

  for (const char *p = sort_key; *p != '\0' && n_roster < MAX_NAME_WORDS; )
    {
      const char *end = p;

      while (*end != '\0' && !is_word_break (*end))
        end++;

      if (end > p && end - p < MAX_WORD_BYTES)
        {
          memcpy (word, p, end - p);
          word[end - p] = '\0';
          roster[n_roster++] = name_probe_measure (probe, word);
        }

      p = *end != '\0' ? end + 1 : end;
    }

  if (n_roster < 2)
    return NO_MATCH;

  /* Every word of the shorter name must find its own word in the longer. */
  if (n_typed <= n_roster)
    {
      for (guint i = 0; i < n_typed; i++)
        for (guint j = 0; j < n_roster; j++)
          cost[i][j] = roster[j][i];
      pairing = pair_words (cost, n_typed, n_roster, 0, 0);
    }
  else
    {
      for (guint j = 0; j < n_roster; j++)
        for (guint i = 0; i < n_typed; i++)
          cost[j][i] = roster[j][i];
      pairing = pair_words (cost, n_roster, n_typed, 0, 0);
    }

  if (pairing == NO_MATCH)
    return NO_MATCH;

  return pairing + MAX (n_typed, n_roster) - MIN (n_typed, n_roster);
}

/* g_utf8_strlen() for valid UTF-8, which SQLite's text is, but without a
 * lookup for each character: every byte but a continuation byte starts one. */
static glong
count_chars (const char *text)
{
  glong n = 0;

  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    n += (*p & 0xC0) != 0x80;

  return n;
}

static int
compare_name_matches (gconstpointer a,
                      gconstpointer b)
{
  const NameMatch *x = a;
  const NameMatch *y = b;
  int by_key;

  if (x->score != y->score)
    return x->score < y->score ? -1 : 1;
  if (x->by_words != y->by_words)
    return x->by_words < y->by_words ? -1 : 1;
  by_key = strcmp (x->sort_key, y->sort_key);
  if (by_key != 0)
    return by_key;
  return (x->id > y->id) - (x->id < y->id);
}

static void
clear_name_match (gpointer data)
{
  g_free (((NameMatch *) data)->sort_key);
}

/* Adds the people whose name matches @full_name to @found, closest first,
 * until it holds MAX_DUPLICATES people. */
static void
collect_by_name (GwStore    *self,
                 GPtrArray  *found,
                 const char *full_name,
                 gint64      exclude)
{
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (NameMatch));
  NameProbe probe;
  sqlite3_stmt *stmt;
  glong n_chars;

  name_probe_init (&probe, full_name);
  n_chars = count_chars (probe.folded);
  g_array_set_clear_func (matches, clear_name_match);

  if (probe.folded[0] == '\0')
    goto out;

  stmt = _gw_store_prepare (self, "SELECT id, sort_key FROM members WHERE deleted = 0 AND id != ?", NULL);
  if (stmt == NULL)
    goto out;

  sqlite3_bind_int64 (stmt, 1, exclude);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *other = (const char *) sqlite3_column_text (stmt, 1);
      guint whole;
      guint words = NO_MATCH;
      NameMatch match;

      if (other == NULL)
        continue;

      /* Names of very different lengths are not measured at all. */
      whole = NO_MATCH;
      if ((guint) ABS (count_chars (other) - n_chars) <= probe.slips)
        {
          whole = gw_text_distance (probe.folded, other, probe.slips);
          if (whole > probe.slips)
            whole = NO_MATCH;
        }
      if (probe.roster_words != NULL)
        words = name_probe_match_words (&probe, other);

      if (whole == NO_MATCH && words == NO_MATCH)
        continue;

      match.id = sqlite3_column_int64 (stmt, 0);
      match.score = MIN (whole, words);
      match.by_words = whole == match.score ? 0 : 1;
      match.sort_key = g_strdup (other);
      g_array_append_val (matches, match);
    }
  sqlite3_reset (stmt);

  g_array_sort (matches, compare_name_matches);
  for (guint i = 0; i < matches->len && found->len < MAX_DUPLICATES; i++)
    add_unique (found, self, g_array_index (matches, NameMatch, i).id);

out:
  name_probe_clear (&probe);
}

/**
 * gw_store_find_duplicates:
 *
 * Looks for people already on the roster who are probably the person in
 * @draft: the same phone number or email first, then, closest first,
 * people whose whole name is a typo or a missing accent away, or whose
 * name has the same words in any order, though one of the two names may
 * have more (see "Looking for a person already on the roster under a
 * name" above).
 *
 * Returns: (transfer full) (element-type GwMember): at most ten likely
 *   duplicates.
 */
GPtrArray *
gw_store_find_duplicates (GwStore  *self,
                          GwMember *draft)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *digits = NULL;
  g_autofree char *email = NULL;

  g_return_val_if_fail (GW_IS_STORE (self), found);
  g_return_val_if_fail (GW_IS_MEMBER (draft), found);

  digits = gw_text_phone_digits (draft->phone);
  if (strlen (digits) >= 6)
    collect_ids (self, found, "SELECT id FROM members WHERE phone_digits = ? AND id != ? AND deleted = 0",
                 digits, draft->id);

  email = gw_text_email_key (draft->email);
  if (email[0] != '\0')
    collect_ids (self, found, "SELECT id FROM members WHERE email_key = ? AND id != ? AND deleted = 0",
                 email, draft->id);

  if (found->len < MAX_DUPLICATES)
    collect_by_name (self, found, draft->full_name, draft->id);

  return found;
}

/**
 * gw_store_search_member_names:
 *
 * Finds people by the start of any of their names, for choosing a person
 * (who recruited someone, say).
 *
 * Returns: (transfer full) (element-type GwMember): at most @limit people,
 *   sorted by name.
 */
GPtrArray *
gw_store_search_member_names (GwStore    *self,
                              const char *text,
                              guint       limit)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *query = gw_text_fts_query (text);
  g_autofree char *match = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), found);

  if (query == NULL)
    return found;

  match = g_strdup_printf ("{full_name community_name} : (%s)", query);
  stmt = _gw_store_prepare (self, "SELECT " MEMBER_COLUMNS " FROM members m"
                                  " LEFT JOIN members r ON r.id = m.recruited_by AND r.deleted = 0"
                                  " WHERE m.deleted = 0 AND m.id IN"
                                  "  (SELECT rowid FROM members_fts WHERE members_fts MATCH ?)"
                                  " ORDER BY m.sort_key, m.id LIMIT ?", NULL);
  if (stmt == NULL)
    return found;

  _gw_store_bind_text (stmt, 1, match);
  sqlite3_bind_int (stmt, 2, limit);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (found, member_from_row (stmt));
  sqlite3_reset (stmt);

  return found;
}

static char **
list_strings (GwStore    *self,
              const char *sql)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = _gw_store_prepare (self, sql, NULL);

  if (stmt != NULL)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }

  return g_strv_builder_end (builder);
}

/**
 * gw_store_list_tags:
 *
 * Returns: (transfer full): every tag in use, sorted.
 */
char **
gw_store_list_tags (GwStore *self)
{
  g_return_val_if_fail (GW_IS_STORE (self), NULL);
  return list_strings (self, "SELECT DISTINCT t.tag FROM member_tags t"
                             " JOIN members m ON m.id = t.member_id AND m.deleted = 0"
                             " ORDER BY t.tag");
}

/**
 * gw_store_list_languages:
 *
 * Returns: (transfer full): every language spoken on the roster, sorted.
 */
char **
gw_store_list_languages (GwStore *self)
{
  g_return_val_if_fail (GW_IS_STORE (self), NULL);
  return list_strings (self, "SELECT DISTINCT l.language FROM member_languages l"
                             " JOIN members m ON m.id = l.member_id AND m.deleted = 0"
                             " ORDER BY l.language");
}

/**
 * gw_store_list_history:
 *
 * Returns: (transfer full) (element-type GwMemberEvent): the member's
 *   history, oldest first.
 */
GPtrArray *
gw_store_list_history (GwStore *self,
                       gint64   member_id)
{
  GPtrArray *events = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_member_event_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), events);

  stmt = _gw_store_prepare (self, "SELECT e.id, e.uuid, e.kind, e.from_value, e.to_value, e.date,"
                                  " e.approver, e.note, coalesce(u.number, 0), e.created"
                                  " FROM member_events e"
                                  " LEFT JOIN unity_versions u ON u.id = e.unity_version_id"
                                  " WHERE e.member_id = ? ORDER BY e.date, e.id", NULL);
  if (stmt == NULL)
    return events;

  sqlite3_bind_int64 (stmt, 1, member_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GwMemberEvent *event = g_new0 (GwMemberEvent, 1);

      event->id = sqlite3_column_int64 (stmt, 0);
      event->uuid = _gw_store_column_dup (stmt, 1);
      event->kind = sqlite3_column_int (stmt, 2);
      event->from_value = sqlite3_column_type (stmt, 3) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 3);
      event->to_value = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 4);
      event->date = _gw_store_column_dup (stmt, 5);
      event->approver = _gw_store_column_dup (stmt, 6);
      event->note = _gw_store_column_dup (stmt, 7);
      event->unity_number = sqlite3_column_int (stmt, 8);
      event->created = _gw_store_column_dup (stmt, 9);
      g_ptr_array_add (events, event);
    }
  sqlite3_reset (stmt);

  return events;
}

static gboolean
insert_event (GwStore      *self,
              gint64        member_id,
              GwEventKind   kind,
              int           from_value,
              int           to_value,
              const char   *date,
              const char   *approver,
              const char   *note,
              gint64        unity_version_id,
              const char   *now,
              GError      **error)
{
  g_autofree char *uuid = gw_text_uuid ();
  g_autofree char *approver_text = g_strstrip (g_strdup (approver ? approver : ""));
  g_autofree char *note_text = g_strstrip (g_strdup (note ? note : ""));
  sqlite3_stmt *stmt;

  stmt = _gw_store_prepare (self, "INSERT INTO member_events (uuid, member_id, kind, from_value,"
                                  " to_value, date, approver, note, unity_version_id, created)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  _gw_store_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, member_id);
  sqlite3_bind_int (stmt, 3, kind);
  if (from_value >= 0)
    sqlite3_bind_int (stmt, 4, from_value);
  else
    sqlite3_bind_null (stmt, 4);
  if (to_value >= 0)
    sqlite3_bind_int (stmt, 5, to_value);
  else
    sqlite3_bind_null (stmt, 5);
  _gw_store_bind_text (stmt, 6, date);
  _gw_store_bind_text (stmt, 7, approver_text);
  _gw_store_bind_text (stmt, 8, note_text);
  if (unity_version_id > 0)
    sqlite3_bind_int64 (stmt, 9, unity_version_id);
  else
    sqlite3_bind_null (stmt, 9);
  _gw_store_bind_text (stmt, 10, now);

  return _gw_store_step_done (self, stmt, error);
}

gboolean
_gw_store_record_event (GwStore      *self,
                        gint64        member_id,
                        GwEventKind   kind,
                        int           from_value,
                        int           to_value,
                        const char   *date,
                        const char   *approver,
                        const char   *note,
                        gint64        unity_version_id,
                        GError      **error)
{
  g_autofree char *now = gw_date_now_utc ();
  sqlite3_stmt *stmt;

  if (!insert_event (self, member_id, kind, from_value, to_value, date, approver, note,
                     unity_version_id, now, error))
    return FALSE;

  /* The roster's "last change" column is the latest dated line. */
  stmt = _gw_store_prepare (self, "UPDATE members SET last_change = max(last_change, ?), updated = ?"
                                  " WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  _gw_store_bind_text (stmt, 1, date);
  _gw_store_bind_text (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, member_id);

  if (!_gw_store_step_done (self, stmt, error))
    return FALSE;

  _gw_store_member_changed (self, member_id);
  return TRUE;
}

gboolean
_gw_store_get_stage_status (GwStore  *self,
                            gint64    member_id,
                            int      *stage,
                            int      *status,
                            char    **full_name,
                            GError  **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  stmt = _gw_store_prepare (self, "SELECT stage, status, full_name FROM members"
                                  " WHERE id = ? AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, member_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *stage = sqlite3_column_int (stmt, 0);
      *status = sqlite3_column_int (stmt, 1);
      if (full_name != NULL)
        *full_name = _gw_store_column_dup (stmt, 2);
      found = TRUE;
    }
  sqlite3_reset (stmt);

  if (!found)
    g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND,
                 _("This person is no longer on the roster."));

  return found;
}
