/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "gw-date.h"
#include "gw-store-private.h"
#include "gw-text.h"

/* Written to PRAGMA application_id so that a Groundwork database can be told
 * apart from any other SQLite file: "Grnd". */
#define GW_APPLICATION_ID 0x47726e64

/* More changed members than this in one transaction are announced as one
 * change of everything. */
#define MANY_CHANGES 16

struct _GwStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  GHashTable *statements;
  GArray     *pending_changes;
  GArray     *pending_meetings;
  GArray     *pending_notebook;
  GArray     *pending_ledger;
  guint       depth;
  guint       read_only : 1;
  guint       immutable : 1;
};

G_DEFINE_FINAL_TYPE (GwStore, gw_store, G_TYPE_OBJECT)

/* A change to the notebook waiting for the commit. */
typedef struct
{
  GQuark detail;
  gint64 id;
} NotebookChange;

G_DEFINE_QUARK (gw-store-error-quark, gw_store_error)

enum {
  MEMBERS_CHANGED,
  SETTINGS_CHANGED,
  MEETINGS_CHANGED,
  NOTEBOOK_CHANGED,
  LEDGER_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Each entry moves the schema from version N to N + 1 and runs in one
 * transaction together with the new user_version. Never edit a released
 * step: add a new one. */
static const char * const migrations[] = {
  /* 0 → 1: the roster and its ladder. */
  "CREATE TABLE settings ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ");"
  "CREATE TABLE unity_versions ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  number INTEGER NOT NULL UNIQUE,"
  "  text TEXT NOT NULL,"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL"
  ");"
  "CREATE TRIGGER unity_versions_keep BEFORE DELETE ON unity_versions"
  " BEGIN SELECT RAISE(ABORT, 'points of unity versions are kept'); END;"
  "CREATE TRIGGER unity_versions_fixed BEFORE UPDATE ON unity_versions"
  " BEGIN SELECT RAISE(ABORT, 'points of unity versions are kept'); END;"
  "CREATE TABLE members ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  full_name TEXT NOT NULL CHECK (length(trim(full_name)) > 0),"
  "  community_name TEXT NOT NULL DEFAULT '',"
  "  pronouns TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  phone_digits TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  neighbourhood TEXT NOT NULL DEFAULT '',"
  "  languages TEXT NOT NULL DEFAULT '',"
  "  skills TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  tags TEXT NOT NULL DEFAULT '',"
  "  joined TEXT NOT NULL,"
  "  recruited_by INTEGER REFERENCES members (id) ON DELETE SET NULL,"
  "  stage INTEGER NOT NULL DEFAULT 0 CHECK (stage BETWEEN 0 AND 2),"
  "  status INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 2),"
  "  last_change TEXT NOT NULL,"
  "  sort_key TEXT NOT NULL,"
  "  email_key TEXT NOT NULL DEFAULT '',"
  "  deleted INTEGER NOT NULL DEFAULT 0,"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL"
  ");"
  /* One index per sortable column, so that sorting 100,000 people is an
   * index walk rather than a sort. */
  "CREATE INDEX members_by_name ON members (deleted, sort_key, id);"
  "CREATE INDEX members_by_stage ON members (deleted, stage, sort_key, id);"
  "CREATE INDEX members_by_phone ON members (deleted, phone_digits, sort_key, id);"
  "CREATE INDEX members_by_neighbourhood ON members (deleted, neighbourhood COLLATE NOCASE, sort_key, id);"
  "CREATE INDEX members_by_languages ON members (deleted, languages COLLATE NOCASE, sort_key, id);"
  "CREATE INDEX members_by_joined ON members (deleted, joined, sort_key, id);"
  "CREATE INDEX members_by_last_change ON members (deleted, last_change, sort_key, id);"
  "CREATE INDEX members_by_phone_digits ON members (phone_digits);"
  "CREATE INDEX members_by_email ON members (email_key);"
  "CREATE INDEX members_by_recruiter ON members (recruited_by);"
  "CREATE TABLE member_tags ("
  "  tag TEXT NOT NULL COLLATE NOCASE,"
  "  member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (tag, member_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX member_tags_by_member ON member_tags (member_id);"
  "CREATE TABLE member_languages ("
  "  language TEXT NOT NULL COLLATE NOCASE,"
  "  member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (language, member_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX member_languages_by_member ON member_languages (member_id);"
  "CREATE TABLE member_events ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,"
  "  kind INTEGER NOT NULL,"
  "  from_value INTEGER,"
  "  to_value INTEGER,"
  "  date TEXT NOT NULL,"
  "  approver TEXT NOT NULL DEFAULT '',"
  "  note TEXT NOT NULL DEFAULT '',"
  "  unity_version_id INTEGER REFERENCES unity_versions (id),"
  "  created TEXT NOT NULL"
  ");"
  "CREATE INDEX member_events_by_member ON member_events (member_id, date, id);"
  /* A member's history is never rewritten. Lines go only when the member
   * is removed for good (the cascade runs after the member row is gone). */
  "CREATE TRIGGER member_events_fixed BEFORE UPDATE ON member_events"
  " BEGIN SELECT RAISE(ABORT, 'a member''s history is never rewritten'); END;"
  "CREATE TRIGGER member_events_kept BEFORE DELETE ON member_events"
  " WHEN EXISTS (SELECT 1 FROM members WHERE id = OLD.member_id)"
  " BEGIN SELECT RAISE(ABORT, 'a member''s history is never rewritten'); END;"
  "CREATE VIRTUAL TABLE members_fts USING fts5 ("
  "  full_name, community_name, phone, phone_digits, email, notes, tags,"
  "  content = 'members', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'"
  ");"
  "CREATE TRIGGER members_fts_insert AFTER INSERT ON members BEGIN"
  "  INSERT INTO members_fts (rowid, full_name, community_name, phone, phone_digits, email, notes, tags)"
  "  VALUES (new.id, new.full_name, new.community_name, new.phone, new.phone_digits, new.email, new.notes, new.tags);"
  "END;"
  "CREATE TRIGGER members_fts_delete AFTER DELETE ON members BEGIN"
  "  INSERT INTO members_fts (members_fts, rowid, full_name, community_name, phone, phone_digits, email, notes, tags)"
  "  VALUES ('delete', old.id, old.full_name, old.community_name, old.phone, old.phone_digits, old.email, old.notes, old.tags);"
  "END;"
  "CREATE TRIGGER members_fts_update AFTER UPDATE OF full_name, community_name, phone, phone_digits, email, notes, tags ON members BEGIN"
  "  INSERT INTO members_fts (members_fts, rowid, full_name, community_name, phone, phone_digits, email, notes, tags)"
  "  VALUES ('delete', old.id, old.full_name, old.community_name, old.phone, old.phone_digits, old.email, old.notes, old.tags);"
  "  INSERT INTO members_fts (rowid, full_name, community_name, phone, phone_digits, email, notes, tags)"
  "  VALUES (new.id, new.full_name, new.community_name, new.phone, new.phone_digits, new.email, new.notes, new.tags);"
  "END;",

  /* 1 → 2: meetings, attendance, the rotating secretary. */
  "CREATE TABLE meeting_kinds ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  /* A default kind's key; its label is translated when shown, unless the
   * organization renamed it (label not empty). */
  "  builtin TEXT UNIQUE,"
  "  label TEXT NOT NULL DEFAULT '',"
  "  is_study INTEGER NOT NULL DEFAULT 0,"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL,"
  "  CHECK (builtin IS NOT NULL OR length(trim(label)) > 0)"
  ");"
  "INSERT INTO meeting_kinds (uuid, builtin, is_study, created, updated)"
  " SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2)"
  "   || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2)"
  "   || '-' || hex(randomblob(6))),"
  "   column1, column2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
  " FROM (VALUES ('general', 0), ('committee', 0), ('study', 1), ('action', 0), ('distribution', 0));"
  "CREATE TABLE meetings ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  kind_id INTEGER NOT NULL REFERENCES meeting_kinds (id),"
  "  title TEXT NOT NULL DEFAULT '',"
  "  date TEXT NOT NULL,"
  "  time TEXT NOT NULL DEFAULT '',"
  "  place TEXT NOT NULL DEFAULT '',"
  "  minutes TEXT NOT NULL DEFAULT '',"
  "  secretary_id INTEGER REFERENCES members (id) ON DELETE SET NULL,"
  "  deleted INTEGER NOT NULL DEFAULT 0,"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL"
  ");"
  "CREATE INDEX meetings_by_date ON meetings (deleted, date, time, id);"
  "CREATE INDEX meetings_by_kind ON meetings (kind_id);"
  "CREATE INDEX meetings_by_secretary ON meetings (secretary_id, date);"
  "CREATE TABLE agenda_items ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  text TEXT NOT NULL CHECK (length(trim(text)) > 0),"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL"
  ");"
  "CREATE INDEX agenda_items_by_meeting ON agenda_items (meeting_id, position);"
  "CREATE TABLE decisions ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,"
  "  text TEXT NOT NULL CHECK (length(trim(text)) > 0),"
  "  outcome TEXT NOT NULL DEFAULT '',"
  "  votes_for INTEGER NOT NULL DEFAULT 0 CHECK (votes_for >= 0),"
  "  votes_against INTEGER NOT NULL DEFAULT 0 CHECK (votes_against >= 0),"
  "  votes_abstain INTEGER NOT NULL DEFAULT 0 CHECK (votes_abstain >= 0),"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL"
  ");"
  "CREATE INDEX decisions_by_meeting ON decisions (meeting_id, id);"
  "CREATE TABLE action_items ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,"
  "  what TEXT NOT NULL CHECK (length(trim(what)) > 0),"
  "  owner_id INTEGER REFERENCES members (id) ON DELETE SET NULL,"
  "  due TEXT,"
  "  done TEXT,"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL"
  ");"
  "CREATE INDEX action_items_by_meeting ON action_items (meeting_id, id);"
  "CREATE INDEX action_items_open ON action_items (done, due);"
  "CREATE INDEX action_items_by_owner ON action_items (owner_id);"
  "CREATE TABLE attendance ("
  "  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,"
  "  member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  minutes_given INTEGER NOT NULL DEFAULT 0 CHECK (minutes_given BETWEEN 0 AND 1440),"
  "  walk_in INTEGER NOT NULL DEFAULT 0,"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL,"
  "  PRIMARY KEY (meeting_id, member_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX attendance_by_member ON attendance (member_id, meeting_id);"
  "CREATE TABLE rotation_pool ("
  "  member_id INTEGER PRIMARY KEY REFERENCES members (id) ON DELETE CASCADE,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  since TEXT NOT NULL,"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL"
  ");"
  "CREATE TABLE rotation_skips ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,"
  "  date TEXT NOT NULL,"
  "  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL,"
  "  UNIQUE (member_id, date)"
  ");"
  "CREATE INDEX rotation_skips_by_date ON rotation_skips (date);"
  /* The dashboard counts stage changes over the last months. */
  "CREATE INDEX member_events_by_date ON member_events (date, kind);",

  /* 2 → 3: the social-investigation notebook. */
  "CREATE TABLE force_kinds ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  builtin TEXT UNIQUE,"
  "  label TEXT NOT NULL DEFAULT '',"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL,"
  "  CHECK (builtin IS NOT NULL OR length(trim(label)) > 0)"
  ");"
  "INSERT INTO force_kinds (uuid, builtin, created, updated)"
  " SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2)"
  "   || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2)"
  "   || '-' || hex(randomblob(6))),"
  "   column1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
  " FROM (VALUES ('tenants'), ('church'), ('shop'), ('landlord'), ('ngo'), ('government'),"
  "              ('police'), ('union'), ('other'));"
  "CREATE TABLE forces ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  name_key TEXT NOT NULL,"
  "  kind_id INTEGER NOT NULL REFERENCES force_kinds (id),"
  "  stance INTEGER NOT NULL DEFAULT 3 CHECK (stance BETWEEN 0 AND 3),"
  "  stance_date TEXT,"
  "  contact_member_id INTEGER REFERENCES members (id) ON DELETE SET NULL,"
  "  contact_name TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  deleted INTEGER NOT NULL DEFAULT 0,"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL"
  ");"
  "CREATE INDEX forces_by_name ON forces (deleted, name_key, id);"
  "CREATE INDEX forces_by_stance ON forces (deleted, stance, name_key, id);"
  "CREATE INDEX forces_by_kind ON forces (kind_id);"
  "CREATE INDEX forces_by_contact ON forces (contact_member_id);"
  "CREATE TABLE stance_judgements ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  force_id INTEGER NOT NULL REFERENCES forces (id) ON DELETE CASCADE,"
  "  stance INTEGER NOT NULL CHECK (stance BETWEEN 0 AND 3),"
  "  date TEXT NOT NULL,"
  "  reasoning TEXT NOT NULL DEFAULT '',"
  "  judged_by TEXT NOT NULL DEFAULT '',"
  "  created TEXT NOT NULL"
  ");"
  "CREATE INDEX stance_judgements_by_force ON stance_judgements (force_id, date, id);"
  /* Like a member's history, judgements are never rewritten; they go only
   * with their force, when it is purged. */
  "CREATE TRIGGER stance_judgements_fixed BEFORE UPDATE ON stance_judgements"
  " BEGIN SELECT RAISE(ABORT, 'stance judgements are never rewritten'); END;"
  "CREATE TRIGGER stance_judgements_kept BEFORE DELETE ON stance_judgements"
  " WHEN EXISTS (SELECT 1 FROM forces WHERE id = OLD.force_id)"
  " BEGIN SELECT RAISE(ABORT, 'stance judgements are never rewritten'); END;"
  "CREATE TABLE force_relations ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  from_id INTEGER NOT NULL REFERENCES forces (id) ON DELETE CASCADE,"
  "  to_id INTEGER NOT NULL REFERENCES forces (id) ON DELETE CASCADE,"
  "  kind INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 6),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL,"
  "  CHECK (from_id <> to_id)"
  ");"
  "CREATE INDEX force_relations_from ON force_relations (from_id);"
  "CREATE INDEX force_relations_to ON force_relations (to_id);"
  "CREATE TABLE needs ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  title_key TEXT NOT NULL,"
  "  description TEXT NOT NULL DEFAULT '',"
  "  status INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 4),"
  "  extra_count INTEGER NOT NULL DEFAULT 0 CHECK (extra_count >= 0),"
  "  raised TEXT,"
  "  deleted INTEGER NOT NULL DEFAULT 0,"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL"
  ");"
  "CREATE INDEX needs_by_title ON needs (deleted, title_key, id);"
  "CREATE TABLE need_forces ("
  "  need_id INTEGER NOT NULL REFERENCES needs (id) ON DELETE CASCADE,"
  "  force_id INTEGER NOT NULL REFERENCES forces (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (need_id, force_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX need_forces_by_force ON need_forces (force_id);"
  "CREATE TABLE legal_rules ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  place TEXT NOT NULL DEFAULT '',"
  "  risk INTEGER NOT NULL DEFAULT 0 CHECK (risk BETWEEN 0 AND 2),"
  "  way_around TEXT NOT NULL DEFAULT '',"
  "  source TEXT NOT NULL DEFAULT '',"
  "  review_date TEXT,"
  "  deleted INTEGER NOT NULL DEFAULT 0,"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL"
  ");"
  "CREATE INDEX legal_rules_by_review ON legal_rules (deleted, review_date);"
  "CREATE TABLE notes ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  date TEXT NOT NULL,"
  "  place TEXT NOT NULL DEFAULT '',"
  "  text TEXT NOT NULL DEFAULT '',"
  "  tags TEXT NOT NULL DEFAULT '',"
  "  deleted INTEGER NOT NULL DEFAULT 0,"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL"
  ");"
  "CREATE INDEX notes_by_date ON notes (deleted, date, id);"
  "CREATE TABLE note_tags ("
  "  tag TEXT NOT NULL COLLATE NOCASE,"
  "  note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (tag, note_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX note_tags_by_note ON note_tags (note_id);"
  "CREATE TABLE note_members ("
  "  note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,"
  "  member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (note_id, member_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX note_members_by_member ON note_members (member_id);"
  /* One table per kind of link, so that foreign keys keep every link
   * pointing at something: purging either end removes the link. */
  "CREATE TABLE note_forces ("
  "  note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,"
  "  force_id INTEGER NOT NULL REFERENCES forces (id) ON DELETE CASCADE,"
  "  linked INTEGER NOT NULL DEFAULT 0,"
  "  mentioned INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (note_id, force_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX note_forces_by_force ON note_forces (force_id, note_id);"
  "CREATE TABLE note_needs ("
  "  note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,"
  "  need_id INTEGER NOT NULL REFERENCES needs (id) ON DELETE CASCADE,"
  "  linked INTEGER NOT NULL DEFAULT 0,"
  "  mentioned INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (note_id, need_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX note_needs_by_need ON note_needs (need_id, note_id);"
  "CREATE TABLE note_rules ("
  "  note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,"
  "  rule_id INTEGER NOT NULL REFERENCES legal_rules (id) ON DELETE CASCADE,"
  "  linked INTEGER NOT NULL DEFAULT 0,"
  "  mentioned INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (note_id, rule_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX note_rules_by_rule ON note_rules (rule_id, note_id);"
  "CREATE TABLE contradictions ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  kind INTEGER NOT NULL DEFAULT 0 CHECK (kind BETWEEN 0 AND 1),"
  "  principal INTEGER NOT NULL DEFAULT 0,"
  "  deleted INTEGER NOT NULL DEFAULT 0,"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL"
  ");"
  "CREATE TABLE contradiction_forces ("
  "  contradiction_id INTEGER NOT NULL REFERENCES contradictions (id) ON DELETE CASCADE,"
  "  force_id INTEGER NOT NULL REFERENCES forces (id) ON DELETE CASCADE,"
  "  side INTEGER NOT NULL CHECK (side BETWEEN 0 AND 1),"
  "  PRIMARY KEY (contradiction_id, force_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX contradiction_forces_by_force ON contradiction_forces (force_id);"
  "CREATE TABLE contradiction_changes ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  contradiction_id INTEGER NOT NULL REFERENCES contradictions (id) ON DELETE CASCADE,"
  "  date TEXT NOT NULL,"
  "  text TEXT NOT NULL CHECK (length(trim(text)) > 0),"
  "  created TEXT NOT NULL"
  ");"
  "CREATE INDEX contradiction_changes_by_contradiction ON contradiction_changes (contradiction_id, date, id);"
  "CREATE TRIGGER contradiction_changes_fixed BEFORE UPDATE ON contradiction_changes"
  " BEGIN SELECT RAISE(ABORT, 'the story of a contradiction is never rewritten'); END;"
  "CREATE TRIGGER contradiction_changes_kept BEFORE DELETE ON contradiction_changes"
  " WHEN EXISTS (SELECT 1 FROM contradictions WHERE id = OLD.contradiction_id)"
  " BEGIN SELECT RAISE(ABORT, 'the story of a contradiction is never rewritten'); END;"
  "CREATE VIRTUAL TABLE notes_fts USING fts5 ("
  "  title, place, text, tags,"
  "  content = 'notes', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'"
  ");"
  "CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN"
  "  INSERT INTO notes_fts (rowid, title, place, text, tags) VALUES (new.id, new.title, new.place, new.text, new.tags);"
  "END;"
  "CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN"
  "  INSERT INTO notes_fts (notes_fts, rowid, title, place, text, tags) VALUES ('delete', old.id, old.title, old.place, old.text, old.tags);"
  "END;"
  "CREATE TRIGGER notes_fts_update AFTER UPDATE OF title, place, text, tags ON notes BEGIN"
  "  INSERT INTO notes_fts (notes_fts, rowid, title, place, text, tags) VALUES ('delete', old.id, old.title, old.place, old.text, old.tags);"
  "  INSERT INTO notes_fts (rowid, title, place, text, tags) VALUES (new.id, new.title, new.place, new.text, new.tags);"
  "END;"
  "CREATE VIRTUAL TABLE forces_fts USING fts5 ("
  "  name, contact_name, notes,"
  "  content = 'forces', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'"
  ");"
  "CREATE TRIGGER forces_fts_insert AFTER INSERT ON forces BEGIN"
  "  INSERT INTO forces_fts (rowid, name, contact_name, notes) VALUES (new.id, new.name, new.contact_name, new.notes);"
  "END;"
  "CREATE TRIGGER forces_fts_delete AFTER DELETE ON forces BEGIN"
  "  INSERT INTO forces_fts (forces_fts, rowid, name, contact_name, notes) VALUES ('delete', old.id, old.name, old.contact_name, old.notes);"
  "END;"
  "CREATE TRIGGER forces_fts_update AFTER UPDATE OF name, contact_name, notes ON forces BEGIN"
  "  INSERT INTO forces_fts (forces_fts, rowid, name, contact_name, notes) VALUES ('delete', old.id, old.name, old.contact_name, old.notes);"
  "  INSERT INTO forces_fts (rowid, name, contact_name, notes) VALUES (new.id, new.name, new.contact_name, new.notes);"
  "END;"
  "CREATE VIRTUAL TABLE needs_fts USING fts5 ("
  "  title, description,"
  "  content = 'needs', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'"
  ");"
  "CREATE TRIGGER needs_fts_insert AFTER INSERT ON needs BEGIN"
  "  INSERT INTO needs_fts (rowid, title, description) VALUES (new.id, new.title, new.description);"
  "END;"
  "CREATE TRIGGER needs_fts_delete AFTER DELETE ON needs BEGIN"
  "  INSERT INTO needs_fts (needs_fts, rowid, title, description) VALUES ('delete', old.id, old.title, old.description);"
  "END;"
  "CREATE TRIGGER needs_fts_update AFTER UPDATE OF title, description ON needs BEGIN"
  "  INSERT INTO needs_fts (needs_fts, rowid, title, description) VALUES ('delete', old.id, old.title, old.description);"
  "  INSERT INTO needs_fts (rowid, title, description) VALUES (new.id, new.title, new.description);"
  "END;"
  "CREATE VIRTUAL TABLE contradictions_fts USING fts5 ("
  "  title, description,"
  "  content = 'contradictions', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'"
  ");"
  "CREATE TRIGGER contradictions_fts_insert AFTER INSERT ON contradictions BEGIN"
  "  INSERT INTO contradictions_fts (rowid, title, description) VALUES (new.id, new.title, new.description);"
  "END;"
  "CREATE TRIGGER contradictions_fts_delete AFTER DELETE ON contradictions BEGIN"
  "  INSERT INTO contradictions_fts (contradictions_fts, rowid, title, description) VALUES ('delete', old.id, old.title, old.description);"
  "END;"
  "CREATE TRIGGER contradictions_fts_update AFTER UPDATE OF title, description ON contradictions BEGIN"
  "  INSERT INTO contradictions_fts (contradictions_fts, rowid, title, description) VALUES ('delete', old.id, old.title, old.description);"
  "  INSERT INTO contradictions_fts (rowid, title, description) VALUES (new.id, new.title, new.description);"
  "END;"
  "CREATE VIRTUAL TABLE rules_fts USING fts5 ("
  "  title, place, way_around, source,"
  "  content = 'legal_rules', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'"
  ");"
  "CREATE TRIGGER rules_fts_insert AFTER INSERT ON legal_rules BEGIN"
  "  INSERT INTO rules_fts (rowid, title, place, way_around, source) VALUES (new.id, new.title, new.place, new.way_around, new.source);"
  "END;"
  "CREATE TRIGGER rules_fts_delete AFTER DELETE ON legal_rules BEGIN"
  "  INSERT INTO rules_fts (rules_fts, rowid, title, place, way_around, source) VALUES ('delete', old.id, old.title, old.place, old.way_around, old.source);"
  "END;"
  "CREATE TRIGGER rules_fts_update AFTER UPDATE OF title, place, way_around, source ON legal_rules BEGIN"
  "  INSERT INTO rules_fts (rules_fts, rowid, title, place, way_around, source) VALUES ('delete', old.id, old.title, old.place, old.way_around, old.source);"
  "  INSERT INTO rules_fts (rowid, title, place, way_around, source) VALUES (new.id, new.title, new.place, new.way_around, new.source);"
  "END;",
  /* 3 → 4: the donation ledger. Entries are append-only (the triggers
   * refuse UPDATE and DELETE); the *_totals tables are summaries kept by
   * AFTER INSERT triggers, which stays right because entries never change.
   * A reversing entry (corrects_id set) counts negatively. */
  "CREATE TABLE drives ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  start_date TEXT,"
  "  end_date TEXT,"
  "  notes TEXT,"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL"
  ");"
  "CREATE UNIQUE INDEX drives_by_name ON drives (name COLLATE NOCASE);"
  "CREATE TABLE drive_goals ("
  "  id INTEGER PRIMARY KEY,"
  "  drive_id INTEGER NOT NULL REFERENCES drives (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  kind INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 1),"
  "  amount INTEGER,"
  "  currency TEXT,"
  "  item TEXT,"
  "  quantity INTEGER,"
  "  unit TEXT"
  ");"
  "CREATE INDEX drive_goals_by_drive ON drive_goals (drive_id, position);"
  "CREATE TABLE ledger_entries ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  date TEXT NOT NULL,"
  "  direction INTEGER NOT NULL CHECK (direction BETWEEN 0 AND 2),"
  "  kind INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 1),"
  "  amount INTEGER CHECK (amount > 0),"
  "  currency TEXT CHECK (length(currency) = 3),"
  "  item TEXT,"
  "  quantity INTEGER CHECK (quantity > 0),"
  "  unit TEXT,"
  "  value INTEGER CHECK (value >= 0),"
  "  value_currency TEXT CHECK (length(value_currency) = 3),"
  "  party_kind INTEGER NOT NULL CHECK (party_kind BETWEEN 0 AND 2),"
  "  member_id INTEGER,"
  "  party_name TEXT,"
  "  source_class INTEGER NOT NULL CHECK (source_class BETWEEN -1 AND 5),"
  "  drive_id INTEGER REFERENCES drives (id),"
  "  memo TEXT,"
  "  recorded_by TEXT,"
  "  need_category TEXT,"
  "  households INTEGER NOT NULL DEFAULT 0 CHECK (households >= 0),"
  "  corrects_id INTEGER UNIQUE REFERENCES ledger_entries (id),"
  "  replaces_id INTEGER UNIQUE REFERENCES ledger_entries (id),"
  "  created TEXT NOT NULL,"
  "  CHECK ((kind = 0 AND amount IS NOT NULL AND currency IS NOT NULL AND item IS NULL)"
  "      OR (kind = 1 AND amount IS NULL AND item IS NOT NULL AND quantity IS NOT NULL)),"
  "  CHECK ((direction = 0) = (source_class >= 0))"
  ");"
  "CREATE INDEX ledger_by_date ON ledger_entries (date, id);"
  "CREATE INDEX ledger_by_drive ON ledger_entries (drive_id, date, id) WHERE drive_id IS NOT NULL;"
  "CREATE INDEX ledger_by_direction ON ledger_entries (direction, date, id);"
  "CREATE INDEX ledger_by_kind ON ledger_entries (kind, date, id);"
  "CREATE INDEX ledger_by_source ON ledger_entries (source_class, date) WHERE source_class >= 0;"
  "CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries"
  " BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: record a correction instead'); END;"
  "CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries"
  " BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: record a correction instead'); END;"
  "CREATE TRIGGER ledger_entries_correct_once BEFORE INSERT ON ledger_entries"
  " WHEN NEW.corrects_id IS NOT NULL AND"
  "  (SELECT corrects_id FROM ledger_entries WHERE id = NEW.corrects_id) IS NOT NULL"
  " BEGIN SELECT RAISE(ABORT, 'a reversing entry cannot itself be corrected'); END;"
  "CREATE TABLE ledger_totals ("
  "  currency TEXT NOT NULL,"
  "  month TEXT NOT NULL,"
  "  direction INTEGER NOT NULL,"
  "  source_class INTEGER NOT NULL,"
  "  amount INTEGER NOT NULL,"
  "  n INTEGER NOT NULL,"
  "  PRIMARY KEY (currency, month, direction, source_class)"
  ") WITHOUT ROWID;"
  "CREATE TABLE party_totals ("
  "  currency TEXT NOT NULL,"
  "  month TEXT NOT NULL,"
  "  party TEXT NOT NULL,"
  "  source_class INTEGER NOT NULL,"
  "  party_kind INTEGER NOT NULL,"
  "  name TEXT,"
  "  amount INTEGER NOT NULL,"
  "  PRIMARY KEY (currency, month, party, source_class)"
  ") WITHOUT ROWID;"
  "CREATE TABLE goods_totals ("
  "  item TEXT NOT NULL COLLATE NOCASE,"
  "  unit TEXT NOT NULL COLLATE NOCASE,"
  "  direction INTEGER NOT NULL,"
  "  quantity INTEGER NOT NULL,"
  "  n INTEGER NOT NULL,"
  "  PRIMARY KEY (item, unit, direction)"
  ") WITHOUT ROWID;"
  "CREATE TABLE drive_totals ("
  "  drive_id INTEGER NOT NULL,"
  "  kind INTEGER NOT NULL,"
  "  key TEXT NOT NULL COLLATE NOCASE,"
  "  unit TEXT NOT NULL COLLATE NOCASE,"
  "  direction INTEGER NOT NULL,"
  "  amount INTEGER NOT NULL,"
  "  n INTEGER NOT NULL,"
  "  PRIMARY KEY (drive_id, kind, key, unit, direction)"
  ") WITHOUT ROWID;"
  "CREATE TRIGGER ledger_totals_money AFTER INSERT ON ledger_entries WHEN NEW.kind = 0 BEGIN"
  "  INSERT INTO ledger_totals (currency, month, direction, source_class, amount, n)"
  "  VALUES (NEW.currency, substr(NEW.date, 1, 7), NEW.direction, NEW.source_class,"
  "          CASE WHEN NEW.corrects_id IS NULL THEN NEW.amount ELSE -NEW.amount END, 1)"
  "  ON CONFLICT DO UPDATE SET amount = amount + excluded.amount, n = n + 1;"
  "  INSERT INTO party_totals (currency, month, party, source_class, party_kind, name, amount)"
  "  SELECT NEW.currency, substr(NEW.date, 1, 7),"
  "         CASE NEW.party_kind WHEN 1 THEN 'm' || NEW.member_id"
  "                             WHEN 2 THEN 'o' || lower(NEW.party_name) ELSE 'a' END,"
  "         NEW.source_class, NEW.party_kind, NEW.party_name,"
  "         CASE WHEN NEW.corrects_id IS NULL THEN NEW.amount ELSE -NEW.amount END"
  "  WHERE NEW.direction = 0"
  "  ON CONFLICT DO UPDATE SET amount = amount + excluded.amount, name = excluded.name;"
  "  INSERT INTO drive_totals (drive_id, kind, key, unit, direction, amount, n)"
  "  SELECT NEW.drive_id, 0, NEW.currency, '', NEW.direction,"
  "         CASE WHEN NEW.corrects_id IS NULL THEN NEW.amount ELSE -NEW.amount END, 1"
  "  WHERE NEW.drive_id IS NOT NULL"
  "  ON CONFLICT DO UPDATE SET amount = amount + excluded.amount, n = n + 1;"
  "END;"
  "CREATE TRIGGER ledger_totals_goods AFTER INSERT ON ledger_entries WHEN NEW.kind = 1 BEGIN"
  "  INSERT INTO goods_totals (item, unit, direction, quantity, n)"
  "  VALUES (NEW.item, coalesce(NEW.unit, ''), NEW.direction,"
  "          CASE WHEN NEW.corrects_id IS NULL THEN NEW.quantity ELSE -NEW.quantity END, 1)"
  "  ON CONFLICT DO UPDATE SET quantity = quantity + excluded.quantity, n = n + 1;"
  "  INSERT INTO drive_totals (drive_id, kind, key, unit, direction, amount, n)"
  "  SELECT NEW.drive_id, 1, NEW.item, coalesce(NEW.unit, ''), NEW.direction,"
  "         CASE WHEN NEW.corrects_id IS NULL THEN NEW.quantity ELSE -NEW.quantity END, 1"
  "  WHERE NEW.drive_id IS NOT NULL"
  "  ON CONFLICT DO UPDATE SET amount = amount + excluded.amount, n = n + 1;"
  "END;",

  /* 4 → 5: what each source gave per year and over all time, beside the
   * months of party_totals, so that finding the largest single source over
   * a long period adds up a few years' rows instead of every month's. Kept
   * by the same kind of AFTER INSERT trigger, so it stays right for the
   * same reason: entries never change. These leave out the source class;
   * the largest source's class is found afterwards from its own months,
   * through party_totals_by_party. A source's name is the one last
   * recorded (in the backfill, the one of its latest month). */
  "CREATE TABLE party_year_totals ("
  "  currency TEXT NOT NULL,"
  "  year TEXT NOT NULL,"
  "  party TEXT NOT NULL,"
  "  party_kind INTEGER NOT NULL,"
  "  name TEXT,"
  "  amount INTEGER NOT NULL,"
  "  PRIMARY KEY (currency, year, party)"
  ") WITHOUT ROWID;"
  "CREATE TABLE party_all_totals ("
  "  currency TEXT NOT NULL,"
  "  party TEXT NOT NULL,"
  "  party_kind INTEGER NOT NULL,"
  "  name TEXT,"
  "  amount INTEGER NOT NULL,"
  "  PRIMARY KEY (currency, party)"
  ") WITHOUT ROWID;"
  "CREATE INDEX party_totals_by_party ON party_totals (currency, party, month);"
  /* With a single max() in the query, SQLite takes the bare column name
   * from the row holding the latest month. */
  "INSERT INTO party_year_totals (currency, year, party, party_kind, name, amount)"
  " SELECT currency, year, party, party_kind, name, amount FROM ("
  "   SELECT currency, substr(month, 1, 4) AS year, party, party_kind, name,"
  "          sum(amount) AS amount, max(month)"
  "   FROM party_totals GROUP BY currency, substr(month, 1, 4), party);"
  "INSERT INTO party_all_totals (currency, party, party_kind, name, amount)"
  " SELECT currency, party, party_kind, name, amount FROM ("
  "   SELECT currency, party, party_kind, name, sum(amount) AS amount, max(month)"
  "   FROM party_totals GROUP BY currency, party);"
  "CREATE TRIGGER ledger_totals_parties AFTER INSERT ON ledger_entries"
  " WHEN NEW.kind = 0 AND NEW.direction = 0 BEGIN"
  "  INSERT INTO party_year_totals (currency, year, party, party_kind, name, amount)"
  "  VALUES (NEW.currency, substr(NEW.date, 1, 4),"
  "          CASE NEW.party_kind WHEN 1 THEN 'm' || NEW.member_id"
  "                              WHEN 2 THEN 'o' || lower(NEW.party_name) ELSE 'a' END,"
  "          NEW.party_kind, NEW.party_name,"
  "          CASE WHEN NEW.corrects_id IS NULL THEN NEW.amount ELSE -NEW.amount END)"
  "  ON CONFLICT DO UPDATE SET amount = amount + excluded.amount, name = excluded.name;"
  "  INSERT INTO party_all_totals (currency, party, party_kind, name, amount)"
  "  VALUES (NEW.currency,"
  "          CASE NEW.party_kind WHEN 1 THEN 'm' || NEW.member_id"
  "                              WHEN 2 THEN 'o' || lower(NEW.party_name) ELSE 'a' END,"
  "          NEW.party_kind, NEW.party_name,"
  "          CASE WHEN NEW.corrects_id IS NULL THEN NEW.amount ELSE -NEW.amount END)"
  "  ON CONFLICT DO UPDATE SET amount = amount + excluded.amount, name = excluded.name;"
  "END;",

  /* 5 → 6: a gift from a member who was later removed comes in from
   * another chapter's file with no member to point to (the file names
   * people by UUID, and a removed person has none to give). Such gifts are
   * one source, "m", rather than breaking the totals' NOT NULL key. */
  "DROP TRIGGER IF EXISTS ledger_totals_money;"
  "CREATE TRIGGER ledger_totals_money AFTER INSERT ON ledger_entries WHEN NEW.kind = 0 BEGIN"
  "  INSERT INTO ledger_totals (currency, month, direction, source_class, amount, n)"
  "  VALUES (NEW.currency, substr(NEW.date, 1, 7), NEW.direction, NEW.source_class,"
  "          CASE WHEN NEW.corrects_id IS NULL THEN NEW.amount ELSE -NEW.amount END, 1)"
  "  ON CONFLICT DO UPDATE SET amount = amount + excluded.amount, n = n + 1;"
  "  INSERT INTO party_totals (currency, month, party, source_class, party_kind, name, amount)"
  "  SELECT NEW.currency, substr(NEW.date, 1, 7),"
  "         CASE NEW.party_kind WHEN 1 THEN 'm' || coalesce(NEW.member_id, '')"
  "                             WHEN 2 THEN 'o' || lower(NEW.party_name) ELSE 'a' END,"
  "         NEW.source_class, NEW.party_kind, NEW.party_name,"
  "         CASE WHEN NEW.corrects_id IS NULL THEN NEW.amount ELSE -NEW.amount END"
  "  WHERE NEW.direction = 0"
  "  ON CONFLICT DO UPDATE SET amount = amount + excluded.amount, name = excluded.name;"
  "  INSERT INTO drive_totals (drive_id, kind, key, unit, direction, amount, n)"
  "  SELECT NEW.drive_id, 0, NEW.currency, '', NEW.direction,"
  "         CASE WHEN NEW.corrects_id IS NULL THEN NEW.amount ELSE -NEW.amount END, 1"
  "  WHERE NEW.drive_id IS NOT NULL"
  "  ON CONFLICT DO UPDATE SET amount = amount + excluded.amount, n = n + 1;"
  "END;"
  "DROP TRIGGER IF EXISTS ledger_totals_parties;"
  "CREATE TRIGGER ledger_totals_parties AFTER INSERT ON ledger_entries"
  " WHEN NEW.kind = 0 AND NEW.direction = 0 BEGIN"
  "  INSERT INTO party_year_totals (currency, year, party, party_kind, name, amount)"
  "  VALUES (NEW.currency, substr(NEW.date, 1, 4),"
  "          CASE NEW.party_kind WHEN 1 THEN 'm' || coalesce(NEW.member_id, '')"
  "                              WHEN 2 THEN 'o' || lower(NEW.party_name) ELSE 'a' END,"
  "          NEW.party_kind, NEW.party_name,"
  "          CASE WHEN NEW.corrects_id IS NULL THEN NEW.amount ELSE -NEW.amount END)"
  "  ON CONFLICT DO UPDATE SET amount = amount + excluded.amount, name = excluded.name;"
  "  INSERT INTO party_all_totals (currency, party, party_kind, name, amount)"
  "  VALUES (NEW.currency,"
  "          CASE NEW.party_kind WHEN 1 THEN 'm' || coalesce(NEW.member_id, '')"
  "                              WHEN 2 THEN 'o' || lower(NEW.party_name) ELSE 'a' END,"
  "          NEW.party_kind, NEW.party_name,"
  "          CASE WHEN NEW.corrects_id IS NULL THEN NEW.amount ELSE -NEW.amount END)"
  "  ON CONFLICT DO UPDATE SET amount = amount + excluded.amount, name = excluded.name;"
  "END;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == GW_SCHEMA_VERSION);

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
gw_store_finalize (GObject *object)
{
  GwStore *self = GW_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->pending_changes, g_array_unref);
  g_clear_pointer (&self->pending_meetings, g_array_unref);
  g_clear_pointer (&self->pending_notebook, g_array_unref);
  g_clear_pointer (&self->pending_ledger, g_array_unref);

  if (self->db != NULL)
    {
      sqlite3_close (self->db);
      self->db = NULL;
    }

  g_free (self->path);

  G_OBJECT_CLASS (gw_store_parent_class)->finalize (object);
}

static void
gw_store_class_init (GwStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gw_store_finalize;

  /**
   * GwStore::members-changed:
   * @member_id: the member that was added, changed or removed, or 0 when
   *   many changed at once
   */
  signals[MEMBERS_CHANGED] =
    g_signal_new ("members-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * GwStore::settings-changed:
   * @key: the setting that changed
   */
  signals[SETTINGS_CHANGED] =
    g_signal_new ("settings-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * GwStore::meetings-changed:
   * @meeting_id: the meeting that was added, changed or removed (its agenda,
   *   decisions, action items or attendance included), or 0 when the kinds
   *   of meeting or many meetings changed at once
   */
  signals[MEETINGS_CHANGED] =
    g_signal_new ("meetings-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * GwStore::notebook-changed:
   * @id: the note, force, need, contradiction, rule or kind of force that
   *   was added, changed or removed, or 0 when many changed at once
   *
   * The detail says what changed: "note", "force", "need",
   * "contradiction", "rule" or "kind".
   */
  signals[NOTEBOOK_CHANGED] =
    g_signal_new ("notebook-changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * GwStore::ledger-changed:
   * @id: the ledger entry or drive that was added or changed, or 0 when the
   *   ledger's settings or many things changed at once
   */
  signals[LEDGER_CHANGED] =
    g_signal_new ("ledger-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
gw_store_init (GwStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->pending_changes = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pending_meetings = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pending_notebook = g_array_new (FALSE, FALSE, sizeof (NotebookChange));
  self->pending_ledger = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/**
 * gw_store_dup_default_path:
 *
 * Returns: (transfer full): where the user's own database lives.
 */
char *
gw_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "groundwork", "groundwork.db", NULL);
}

/**
 * gw_store_ensure_private_dir:
 *
 * Creates @dir readable only by the user, or makes it so if it already
 * exists, since a member list can put people in danger.
 */
gboolean
gw_store_ensure_private_dir (const char  *dir,
                             GError     **error)
{
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  /* Only tighten a folder Groundwork owns, never someone's home. */
  if (g_str_has_suffix (dir, G_DIR_SEPARATOR_S "groundwork"))
    g_chmod (dir, 0700);

  return TRUE;
}

void
_gw_store_set_error (GwStore  *self,
                     GError  **error)
{
  int code = sqlite3_extended_errcode (self->db) & 0xff;
  const char *detail = sqlite3_errmsg (self->db);

  switch (code)
    {
    case SQLITE_READONLY:
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_READ_ONLY,
                   _("The database is read-only, so nothing can be changed."));
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_CORRUPT,
                   _("The database is damaged (%s). Restore it from a backup."), detail);
      break;
    case SQLITE_FULL:
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_FAILED,
                   _("The disk is full, so the change could not be saved."));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_FAILED,
                   _("The database is in use by another program. Close it and try again."));
      break;
    default:
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_FAILED,
                   _("The database could not be used: %s"), detail);
      break;
    }
}

sqlite3 *
_gw_store_get_db (GwStore *self)
{
  return self->db;
}

/* Statements are kept and reused; the caller gets one that is reset, with
 * its bindings cleared. */
sqlite3_stmt *
_gw_store_prepare (GwStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      _gw_store_set_error (self, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
_gw_store_exec (GwStore     *self,
                const char  *sql,
                GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      _gw_store_set_error (self, error);
      return FALSE;
    }

  return TRUE;
}

gboolean
_gw_store_step_done (GwStore       *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _gw_store_set_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

void
_gw_store_bind_text (sqlite3_stmt *stmt,
                     int           index,
                     const char   *text)
{
  sqlite3_bind_text (stmt, index, text ? text : "", -1, SQLITE_TRANSIENT);
}

char *
_gw_store_column_dup (sqlite3_stmt *stmt,
                      int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text ? text : "");
}

/* @path with its folder's symbolic links resolved, so that two names of
 * one file compare equal even when the file does not exist yet. */
static char *
resolved_path (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *real_dir = realpath (dir, NULL);

  if (real_dir == NULL)
    return g_canonicalize_filename (path, NULL);
  return g_build_filename (real_dir, base, NULL);
}

/**
 * _gw_store_check_not_own_file:
 *
 * Refuses @path when it is the database or one of the files SQLite keeps
 * beside it: an export written there would destroy the roster.
 *
 * Returns: %TRUE when @path may be written.
 */
gboolean
_gw_store_check_not_own_file (GwStore     *self,
                              const char  *path,
                              GError     **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *target = resolved_path (path);
  GStatBuf target_st;
  gboolean target_exists = g_stat (path, &target_st) == 0;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *own = g_strconcat (self->path, suffixes[i], NULL);
      g_autofree char *own_resolved = resolved_path (own);
      GStatBuf own_st;
      gboolean same = g_strcmp0 (target, own_resolved) == 0;

      if (!same && target_exists && g_stat (own, &own_st) == 0)
        same = own_st.st_dev == target_st.st_dev && own_st.st_ino == target_st.st_ino;
      if (same)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                       _("“%s” is the database itself, or one of its files: writing there would destroy it. "
                         "Choose another name."), path);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
_gw_store_check_writable (GwStore  *self,
                          GError  **error)
{
  if (self->read_only)
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_READ_ONLY,
                   _("The database is read-only, so nothing can be changed."));
      return FALSE;
    }

  return TRUE;
}

/* Changes are announced once the outermost transaction commits, so that
 * nobody shows a change that is later rolled back. */
void
_gw_store_member_changed (GwStore *self,
                          gint64   member_id)
{
  if (self->depth > 0)
    {
      /* Past MANY_CHANGES the commit announces "everything" anyway, so
       * stop collecting: a bulk import would otherwise scan this list for
       * every row. */
      if (self->pending_changes->len > MANY_CHANGES)
        return;
      for (guint i = 0; i < self->pending_changes->len; i++)
        if (g_array_index (self->pending_changes, gint64, i) == member_id)
          return;
      g_array_append_val (self->pending_changes, member_id);
      return;
    }

  g_signal_emit (self, signals[MEMBERS_CHANGED], 0, member_id);
}

/* Like _gw_store_member_changed(), for GwStore::meetings-changed. */
void
_gw_store_meeting_changed (GwStore *self,
                           gint64   meeting_id)
{
  if (self->depth > 0)
    {
      if (self->pending_meetings->len > MANY_CHANGES)
        return;
      for (guint i = 0; i < self->pending_meetings->len; i++)
        if (g_array_index (self->pending_meetings, gint64, i) == meeting_id)
          return;
      g_array_append_val (self->pending_meetings, meeting_id);
      return;
    }

  g_signal_emit (self, signals[MEETINGS_CHANGED], 0, meeting_id);
}

/* Like _gw_store_member_changed(), for GwStore::ledger-changed. */
void
_gw_store_ledger_changed (GwStore *self,
                          gint64   id)
{
  if (self->depth > 0)
    {
      if (self->pending_ledger->len > MANY_CHANGES)
        return;
      for (guint i = 0; i < self->pending_ledger->len; i++)
        if (g_array_index (self->pending_ledger, gint64, i) == id)
          return;
      g_array_append_val (self->pending_ledger, id);
      return;
    }

  g_signal_emit (self, signals[LEDGER_CHANGED], 0, id);
}

/* Like _gw_store_member_changed(), for GwStore::notebook-changed; @what is
 * the signal's detail ("note", "force"...). */
void
_gw_store_notebook_changed (GwStore    *self,
                            const char *what,
                            gint64      id)
{
  NotebookChange change = { g_quark_from_static_string (what), id };

  if (self->depth > 0)
    {
      for (guint i = 0; i < self->pending_notebook->len; i++)
        {
          NotebookChange *pending = &g_array_index (self->pending_notebook, NotebookChange, i);

          if (pending->detail == change.detail && (pending->id == id || pending->id == 0))
            return;
        }

      /* Past MANY_CHANGES of a kind, announce the kind as a whole. */
      if (self->pending_notebook->len > MANY_CHANGES)
        {
          for (guint i = self->pending_notebook->len; i > 0; i--)
            if (g_array_index (self->pending_notebook, NotebookChange, i - 1).detail == change.detail)
              g_array_remove_index (self->pending_notebook, i - 1);
          change.id = 0;
        }

      g_array_append_val (self->pending_notebook, change);
      return;
    }

  g_signal_emit (self, signals[NOTEBOOK_CHANGED], change.detail, id);
}

/* The first column of the first row of @sql, or 0. */
static gint64
query_int64 (sqlite3    *db,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

/**
 * _gw_store_begin_bulk:
 *
 * Prepares the connection for one long transaction of several hundred
 * thousand statements (a large import, the demo chapter). Two settings
 * make it several times faster:
 *
 * - temp_store = MEMORY: every statement that fires the full-text trigger
 *   inside a transaction opens a statement journal, and every nested
 *   gw_store_begin() a savepoint journal; by default SQLite writes those to
 *   a file in /var/tmp, which made the work mostly system time.
 * - a 64 MB page cache: the roster's indexes outgrow the default cache
 *   after some 20 000 people, and the transaction then spills pages to the
 *   WAL and reads them back for every insert.
 *
 * _gw_store_end_bulk() puts both back. Nothing is changed when the caller
 * already has a transaction open (temp_store cannot change inside one).
 */
void
_gw_store_begin_bulk (GwStore     *self,
                      GwStoreBulk *bulk)
{
  bulk->db = _gw_store_get_db (self);
  bulk->tuned = FALSE;
  bulk->restore = NULL;

  if (bulk->db == NULL || !sqlite3_get_autocommit (bulk->db))
    return;

  bulk->cache_size = (int) query_int64 (bulk->db, "PRAGMA cache_size");
  bulk->temp_store = (int) query_int64 (bulk->db, "PRAGMA temp_store");
  bulk->tuned = TRUE;

  sqlite3_exec (bulk->db, "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536",
                NULL, NULL, NULL);
}

#define BULK_MIN_ROWS 5000

static gint64 bulk_min_rows = BULK_MIN_ROWS;

void
_gw_store_set_bulk_threshold (gint64 rows)
{
  bulk_min_rows = rows >= 0 ? rows : BULK_MIN_ROWS;
}

/* The full-text trigger of @table is
 *   CREATE TRIGGER x AFTER INSERT ON table BEGIN
 *     INSERT INTO table_fts (rowid, a, b) VALUES (new.id, new.a, new.b);
 *   END
 * Returns the same insert for every row past @max_rowid at once, or NULL
 * when @sql has any other shape (and the trigger has to stay). */
static char *
fts_insert_sql (const char *table,
                const char *sql,
                gint64      max_rowid)
{
  g_autofree char *head = g_strdup_printf (" AFTER INSERT ON %s BEGIN ", table);
  const char *body = strstr (sql, head);
  const char *name;
  const char *values;
  const char *end;
  g_autofree char *rest = NULL;
  g_autofree char *list = NULL;
  g_auto(GStrv) items = NULL;
  GString *select;

  if (body == NULL)
    return NULL;
  body += strlen (head);
  while (g_ascii_isspace (*body))
    body++;
  if (!g_str_has_prefix (body, "INSERT INTO "))
    return NULL;

  /* One statement, then END. */
  end = strchr (body, ';');
  if (end == NULL || end[-1] != ')')
    return NULL;
  rest = g_strstrip (g_strdup (end + 1));
  if (!g_str_equal (rest, "END"))
    return NULL;

  /* Into a full-text table: "INSERT INTO x_fts (rowid, a, b)". */
  name = body + strlen ("INSERT INTO ");
  values = strchr (name, ' ');
  if (values == NULL || values - name < 5 || strncmp (values - 4, "_fts", 4) != 0 ||
      !g_str_has_prefix (values, " (rowid, "))
    return NULL;
  values = strstr (values, ") VALUES (");
  if (values == NULL)
    values = strstr (body, ")  VALUES (");
  if (values == NULL || values > end)
    return NULL;

  select = g_string_new_len (body, values + 1 - body);

  /* "new.id, new.a, new.b" becomes "id, a, b". */
  values = strchr (values, '(') + 1;
  list = g_strndup (values, end - 1 - values);
  items = g_strsplit (list, ",", -1);
  g_string_append (select, " SELECT ");
  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *item = g_strstrip (items[i]);

      if (!g_str_has_prefix (item, "new.") || item[4] == '\0' ||
          strpbrk (item + 4, " ()'\"") != NULL)
        {
          g_string_free (select, TRUE);
          return NULL;
        }
      g_string_append_printf (select, "%s\"%s\"", i > 0 ? ", " : "", item + 4);
    }
  g_string_append_printf (select, " FROM \"%s\" WHERE rowid > %" G_GINT64_FORMAT " ORDER BY rowid",
                          table, max_rowid);

  return g_string_free (select, FALSE);
}

/**
 * _gw_store_bulk_table:
 * @adding: how many rows are about to be added to @table
 *
 * Inside the transaction of a bulk load (see _gw_store_begin_bulk()),
 * when @adding is many rows for the size of @table, drops its non-unique
 * indexes and its full-text insert trigger, so that the rows go in
 * without updating them one by one; _gw_store_bulk_restore() builds them
 * again, and adds the new rows to the full-text index in one statement.
 * UNIQUE indexes (the lookups by UUID) and every other trigger stay. The
 * changes to the schema are part of the transaction: a rollback undoes
 * them.
 *
 * Until _gw_store_bulk_restore(), the rows added to @table must not be
 * updated in their full-text columns, nor deleted, and nothing may query
 * @table by the dropped indexes' columns (it would scan the table).
 */
gboolean
_gw_store_bulk_table (GwStore      *self,
                      GwStoreBulk  *bulk,
                      const char   *table,
                      gint64        adding,
                      GError      **error)
{
  g_autofree char *count_sql = NULL;
  g_autoptr(GPtrArray) drops = NULL;
  g_autoptr(GPtrArray) creates = NULL;
  g_autoptr(GPtrArray) fts = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 rows;
  gint64 max_rowid = 0;
  gboolean has_rowid;
  int rc;

  if (bulk->db == NULL || sqlite3_get_autocommit (bulk->db) || adding < bulk_min_rows)
    return TRUE;

  count_sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", table);
  rows = query_int64 (bulk->db, count_sql);
  if (adding <= rows / 4)
    return TRUE;

  {
    g_autofree char *sql = g_strdup_printf ("SELECT max(rowid) FROM \"%s\"", table);

    has_rowid = sqlite3_prepare_v2 (bulk->db, sql, -1, &stmt, NULL) == SQLITE_OK;
    if (has_rowid && sqlite3_step (stmt) == SQLITE_ROW)
      max_rowid = sqlite3_column_int64 (stmt, 0);
    sqlite3_finalize (stmt);
    stmt = NULL;
    /* New rows take the rowids past the largest, but not past this one. */
    if (max_rowid == G_MAXINT64)
      has_rowid = FALSE;
  }

  drops = g_ptr_array_new_with_free_func (g_free);
  creates = g_ptr_array_new_with_free_func (g_free);
  fts = g_ptr_array_new_with_free_func (g_free);

  if (sqlite3_prepare_v2 (bulk->db,
                          "SELECT type, name, sql FROM sqlite_master"
                          " WHERE tbl_name = ?1 AND type IN ('index', 'trigger') AND sql IS NOT NULL"
                          " ORDER BY type, name",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _gw_store_set_error (self, error);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *sql = (const char *) sqlite3_column_text (stmt, 2);

      if (g_str_equal (type, "index"))
        {
          if (g_ascii_strncasecmp (sql, "CREATE INDEX ", strlen ("CREATE INDEX ")) != 0)
            continue;  /* UNIQUE: the lookups need it, and it checks */
          g_ptr_array_add (drops, g_strdup_printf ("DROP INDEX \"%s\"", name));
          g_ptr_array_add (creates, g_strdup (sql));
        }
      else if (has_rowid)
        {
          char *insert = fts_insert_sql (table, sql, max_rowid);

          if (insert == NULL)
            continue;
          g_ptr_array_add (drops, g_strdup_printf ("DROP TRIGGER \"%s\"", name));
          g_ptr_array_add (creates, g_strdup (sql));
          g_ptr_array_add (fts, insert);
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _gw_store_set_error (self, error);
      return FALSE;
    }

  g_debug ("Bulk load of %" G_GINT64_FORMAT " rows into %s (%" G_GINT64_FORMAT " there): %u indexes and triggers dropped",
           adding, table, rows, drops->len);
  for (guint i = 0; i < drops->len; i++)
    if (!_gw_store_exec (self, g_ptr_array_index (drops, i), error))
      return FALSE;

  if (bulk->restore == NULL)
    bulk->restore = g_ptr_array_new_with_free_func (g_free);
  /* Indexes first, so that the full-text inserts can read by rowid; the
   * triggers after them. */
  for (guint i = 0; i < creates->len; i++)
    if (g_ascii_strncasecmp (g_ptr_array_index (creates, i), "CREATE INDEX", 12) == 0)
      g_ptr_array_add (bulk->restore, g_strdup (g_ptr_array_index (creates, i)));
  for (guint i = 0; i < fts->len; i++)
    g_ptr_array_add (bulk->restore, g_strdup (g_ptr_array_index (fts, i)));
  for (guint i = 0; i < creates->len; i++)
    if (g_ascii_strncasecmp (g_ptr_array_index (creates, i), "CREATE INDEX", 12) != 0)
      g_ptr_array_add (bulk->restore, g_strdup (g_ptr_array_index (creates, i)));

  return TRUE;
}

/**
 * _gw_store_bulk_restore:
 *
 * Puts back what _gw_store_bulk_table() took away, inside the same
 * transaction, before it commits. After a rollback there is nothing to
 * put back: call _gw_store_end_bulk() alone.
 */
gboolean
_gw_store_bulk_restore (GwStore      *self,
                        GwStoreBulk  *bulk,
                        GError      **error)
{
  if (bulk->restore == NULL)
    return TRUE;

  for (guint i = 0; i < bulk->restore->len; i++)
    if (!_gw_store_exec (self, g_ptr_array_index (bulk->restore, i), error))
      return FALSE;

  g_clear_pointer (&bulk->restore, g_ptr_array_unref);
  return TRUE;
}

void
_gw_store_end_bulk (GwStoreBulk *bulk)
{
  g_autofree char *sql = NULL;

  g_clear_pointer (&bulk->restore, g_ptr_array_unref);

  if (!bulk->tuned)
    return;

  sql = g_strdup_printf ("PRAGMA temp_store = %d; PRAGMA cache_size = %d",
                         bulk->temp_store, bulk->cache_size);
  sqlite3_exec (bulk->db, sql, NULL, NULL, NULL);
  bulk->tuned = FALSE;
}

/**
 * gw_store_begin:
 *
 * Starts a transaction; transactions nest. Everything until the matching
 * gw_store_commit() lands together, or not at all after gw_store_rollback().
 */
gboolean
gw_store_begin (GwStore  *self,
                GError  **error)
{
  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  if (!_gw_store_check_writable (self, error))
    return FALSE;

  if (!_gw_store_exec (self, "SAVEPOINT gw", error))
    return FALSE;

  self->depth++;
  return TRUE;
}

/**
 * gw_store_commit:
 *
 * Ends the transaction started by the matching gw_store_begin(). When it
 * fails, the transaction has already been rolled back: do not call
 * gw_store_rollback() after it.
 */
gboolean
gw_store_commit (GwStore  *self,
                 GError  **error)
{
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GArray) meetings = NULL;
  g_autoptr(GArray) notebook = NULL;
  g_autoptr(GArray) ledger = NULL;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (!_gw_store_exec (self, "RELEASE gw", error))
    {
      gw_store_rollback (self);
      return FALSE;
    }

  self->depth--;

  if (self->depth > 0)
    return TRUE;

  changes = g_steal_pointer (&self->pending_changes);
  self->pending_changes = g_array_new (FALSE, FALSE, sizeof (gint64));
  meetings = g_steal_pointer (&self->pending_meetings);
  self->pending_meetings = g_array_new (FALSE, FALSE, sizeof (gint64));
  notebook = g_steal_pointer (&self->pending_notebook);
  self->pending_notebook = g_array_new (FALSE, FALSE, sizeof (NotebookChange));
  ledger = g_steal_pointer (&self->pending_ledger);
  self->pending_ledger = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* Many changes at once are announced as one. */
  if (changes->len > MANY_CHANGES)
    g_signal_emit (self, signals[MEMBERS_CHANGED], 0, (gint64) 0);
  else
    for (guint i = 0; i < changes->len; i++)
      g_signal_emit (self, signals[MEMBERS_CHANGED], 0, g_array_index (changes, gint64, i));

  if (meetings->len > MANY_CHANGES)
    g_signal_emit (self, signals[MEETINGS_CHANGED], 0, (gint64) 0);
  else
    for (guint i = 0; i < meetings->len; i++)
      g_signal_emit (self, signals[MEETINGS_CHANGED], 0, g_array_index (meetings, gint64, i));

  for (guint i = 0; i < notebook->len; i++)
    {
      NotebookChange *change = &g_array_index (notebook, NotebookChange, i);

      g_signal_emit (self, signals[NOTEBOOK_CHANGED], change->detail, change->id);
    }

  if (ledger->len > MANY_CHANGES)
    g_signal_emit (self, signals[LEDGER_CHANGED], 0, (gint64) 0);
  else
    for (guint i = 0; i < ledger->len; i++)
      g_signal_emit (self, signals[LEDGER_CHANGED], 0, g_array_index (ledger, gint64, i));

  return TRUE;
}

void
gw_store_rollback (GwStore *self)
{
  g_return_if_fail (GW_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  sqlite3_exec (self->db, "ROLLBACK TO gw; RELEASE gw", NULL, NULL, NULL);
  self->depth--;

  if (self->depth == 0)
    {
      g_array_set_size (self->pending_changes, 0);
      g_array_set_size (self->pending_meetings, 0);
      g_array_set_size (self->pending_notebook, 0);
      g_array_set_size (self->pending_ledger, 0);
    }
}

static gboolean
query_int (GwStore  *self,
           const char *sql,
           int      *value)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      *value = sqlite3_column_int (stmt, 0);
      ok = TRUE;
    }

  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
refuse (GwStore     *self,
        int          code,
        GError     **error)
{
  int rc = sqlite3_errcode (self->db);

  if (code < 0)
    code = (rc == SQLITE_CORRUPT) ? GW_STORE_ERROR_CORRUPT : GW_STORE_ERROR_NOT_GROUNDWORK;

  switch (code)
    {
    case GW_STORE_ERROR_CORRUPT:
      g_set_error (error, GW_STORE_ERROR, code,
                   _("“%s” is damaged and cannot be opened. Nothing was changed; restore it from a backup."),
                   self->path);
      break;
    case GW_STORE_ERROR_TOO_NEW:
      g_set_error (error, GW_STORE_ERROR, code,
                   _("“%s” was written by a newer version of Groundwork. Update Groundwork to open it; nothing was changed."),
                   self->path);
      break;
    default:
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_GROUNDWORK,
                   _("“%s” is not a Groundwork database. Nothing was changed."),
                   self->path);
      break;
    }

  return FALSE;
}

/* Looks at the file without writing to it, and says whether Groundwork may
 * use it. Sets @is_new when the file is a database with nothing in it. */
static gboolean
check_database (GwStore   *self,
                gboolean  *is_new,
                GError   **error)
{
  int application_id = 0;
  int version = 0;
  int n_objects = 0;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (!query_int (self, "PRAGMA application_id", &application_id) ||
      !query_int (self, "PRAGMA user_version", &version) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects))
    return refuse (self, -1, error);

  *is_new = (application_id == 0 && version == 0 && n_objects == 0);
  if (*is_new)
    return TRUE;

  if (application_id != GW_APPLICATION_ID)
    return refuse (self, GW_STORE_ERROR_NOT_GROUNDWORK, error);

  if (version > GW_SCHEMA_VERSION)
    return refuse (self, GW_STORE_ERROR_TOO_NEW, error);

  /* quick_check reads every page, so damage anywhere is found now rather
   * than halfway through someone's work. */
  if (sqlite3_prepare_v2 (self->db, "PRAGMA quick_check(1)", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);

  if (!ok)
    return refuse (self, GW_STORE_ERROR_CORRUPT, error);

  return TRUE;
}

static gboolean
migrate (GwStore  *self,
         GError  **error)
{
  int version = 0;

  if (!query_int (self, "PRAGMA user_version", &version))
    {
      _gw_store_set_error (self, error);
      return FALSE;
    }

  for (int step = version; step < GW_SCHEMA_VERSION; step++)
    {
      g_autofree char *bump = NULL;

      if (!_gw_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      bump = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                              GW_APPLICATION_ID, step + 1);

      if (!_gw_store_exec (self, migrations[step], error) ||
          !_gw_store_exec (self, bump, error) ||
          !_gw_store_exec (self, "COMMIT", error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          g_prefix_error (error, _("Could not update the database to version %d: "), step + 1);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
has_sqlite_header (const char *path,
                   gsize       size)
{
  static const char magic[16] = "SQLite format 3";
  char header[16];
  gboolean ok;
  int fd;

  if (size < sizeof header)
    return FALSE;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;

  ok = read (fd, header, sizeof header) == sizeof header &&
       memcmp (header, magic, sizeof header) == 0;
  close (fd);

  return ok;
}

static int
open_connection (GwStore  *self,
                 gboolean  immutable)
{
  g_autofree char *uri = NULL;
  g_autofree char *escaped = g_uri_escape_string (self->path, "/", FALSE);
  int flags = SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;

  if (self->read_only)
    {
      flags |= SQLITE_OPEN_READONLY;
      uri = g_strdup_printf ("file:%s?mode=ro%s", escaped, immutable ? "&immutable=1" : "");
    }
  else
    {
      flags |= SQLITE_OPEN_READWRITE;
      uri = g_strdup_printf ("file:%s", escaped);
    }

  if (self->db != NULL)
    sqlite3_close (self->db);
  self->db = NULL;

  return sqlite3_open_v2 (uri, &self->db, flags, NULL);
}

/**
 * gw_store_open:
 * @path: the database file; created, with a private folder, when missing
 *
 * Opens a Groundwork database. A file that is not a Groundwork database, a
 * damaged one, or one written by a newer Groundwork is refused with
 * %GW_STORE_ERROR and left exactly as it was. A file the user may not write
 * opens read-only.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set.
 */
GwStore *
gw_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(GwStore) self = NULL;
  g_autofree char *dir = NULL;
  gboolean is_new = FALSE;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (GW_TYPE_STORE, NULL);
  self->path = g_canonicalize_filename (path, NULL);
  dir = g_path_get_dirname (self->path);

  if (g_stat (self->path, &st) != 0)
    {
      int fd;

      if (!gw_store_ensure_private_dir (dir, error))
        return NULL;

      fd = g_open (self->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (fd < 0)
        {
          int saved = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Could not create the database “%s”: %s"), self->path, g_strerror (saved));
          return NULL;
        }
      close (fd);
      g_stat (self->path, &st);
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_GROUNDWORK,
                   _("“%s” is not a Groundwork database. Nothing was changed."), self->path);
      return NULL;
    }

  if (g_access (self->path, R_OK) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("You do not have permission to read “%s”."), self->path);
      return NULL;
    }

  /* Root may write anything, so a file nobody is meant to write (no write
   * bit at all) is treated as read-only too. */
  self->read_only = g_access (self->path, W_OK) != 0 || (st.st_mode & 0222) == 0;

  if (st.st_size > 0 && !has_sqlite_header (self->path, st.st_size))
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_GROUNDWORK,
                   _("“%s” is not a Groundwork database. Nothing was changed."), self->path);
      return NULL;
    }

  /* SQLite gives the log and shared-memory files the database's mode. A
   * time read-only leaves them so: SQLite would then read the shared
   * memory read-only, and every write would fail. They are ours, and
   * private like the database. */
  if (!self->read_only)
    for (guint i = 0; i < 2; i++)
      {
        g_autofree char *side = g_strconcat (self->path, i == 0 ? "-wal" : "-shm", NULL);
        GStatBuf side_st;

        if (g_lstat (side, &side_st) == 0 && S_ISREG (side_st.st_mode) &&
            side_st.st_uid == geteuid () && (side_st.st_mode & 0777) != 0600)
          g_chmod (side, 0600);
      }

  if (open_connection (self, FALSE) != SQLITE_OK)
    return refuse (self, -1, error), NULL;

  /* A read-only database in WAL mode needs its shared-memory file; when it
   * cannot be made, read it as an immutable snapshot instead. */
  if (self->read_only && !query_int (self, "PRAGMA user_version", &(int){0}))
    {
      if (open_connection (self, TRUE) != SQLITE_OK)
        return refuse (self, -1, error), NULL;
      self->immutable = TRUE;
    }

  if (!check_database (self, &is_new, error))
    return NULL;

  if (self->read_only && is_new)
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_READ_ONLY,
                   _("“%s” is empty and read-only, so Groundwork cannot set it up."), self->path);
      return NULL;
    }

  sqlite3_busy_timeout (self->db, 5000);

  if (!self->read_only)
    {
      /* Write-ahead logging keeps readers and the writer out of each
       * other's way and survives a crash mid-write. */
      if (!_gw_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
          !_gw_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
          !_gw_store_exec (self, "PRAGMA synchronous = NORMAL", error) ||
          /* Statement journals and sorts stay in memory rather than in
           * files under /var/tmp, and indexes of 100,000 people fit in the
           * page cache (16 MB). */
          !_gw_store_exec (self, "PRAGMA temp_store = MEMORY", error) ||
          !_gw_store_exec (self, "PRAGMA cache_size = -16384", error))
        return NULL;

      if (!migrate (self, error))
        return NULL;

      if ((st.st_mode & 0077) != 0)
        g_chmod (self->path, 0600);
    }
  else
    {
      int version = 0;

      _gw_store_exec (self, "PRAGMA foreign_keys = ON", NULL);
      query_int (self, "PRAGMA user_version", &version);
      if (version < GW_SCHEMA_VERSION)
        {
          g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_READ_ONLY,
                       _("“%s” was written by an older Groundwork and is read-only, so it cannot be updated."),
                       self->path);
          return NULL;
        }
    }

  return g_steal_pointer (&self);
}

/**
 * gw_store_open_reader:
 *
 * Opens a second, read-only connection to the database @self already
 * opened and checked, for reading in another thread while @self goes on
 * in this one (the write-ahead log lets readers and the writer work at
 * once). The reader and @self must each stay in their own thread.
 *
 * Returns: (transfer full) (nullable): the reader, or %NULL with @error set.
 */
GwStore *
gw_store_open_reader (GwStore  *self,
                      GError  **error)
{
  g_autoptr(GwStore) reader = NULL;

  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  reader = g_object_new (GW_TYPE_STORE, NULL);
  reader->path = g_strdup (self->path);
  reader->read_only = TRUE;
  reader->immutable = self->immutable;

  if (open_connection (reader, reader->immutable) != SQLITE_OK)
    {
      _gw_store_set_error (reader, error);
      return NULL;
    }

  sqlite3_busy_timeout (reader->db, 5000);
  _gw_store_exec (reader, "PRAGMA temp_store = MEMORY", NULL);
  _gw_store_exec (reader, "PRAGMA cache_size = -16384", NULL);

  return g_steal_pointer (&reader);
}

const char *
gw_store_get_path (GwStore *self)
{
  g_return_val_if_fail (GW_IS_STORE (self), NULL);
  return self->path;
}

gboolean
gw_store_is_read_only (GwStore *self)
{
  g_return_val_if_fail (GW_IS_STORE (self), TRUE);
  return self->read_only;
}

int
gw_store_get_schema_version (GwStore *self)
{
  int version = 0;

  g_return_val_if_fail (GW_IS_STORE (self), 0);
  query_int (self, "PRAGMA user_version", &version);
  return version;
}

/**
 * gw_store_dup_setting:
 *
 * Returns: (transfer full) (nullable): the organization's setting @key.
 */
char *
gw_store_dup_setting (GwStore    *self,
                      const char *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  stmt = _gw_store_prepare (self, "SELECT value FROM settings WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;

  _gw_store_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = _gw_store_column_dup (stmt, 0);
  sqlite3_reset (stmt);

  return value;
}

/**
 * gw_store_set_setting:
 * @value: (nullable): the new value, or %NULL to go back to the default
 */
gboolean
gw_store_set_setting (GwStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), FALSE);

  if (!_gw_store_check_writable (self, error))
    return FALSE;

  if (value == NULL)
    stmt = _gw_store_prepare (self, "DELETE FROM settings WHERE key = ?", error);
  else
    stmt = _gw_store_prepare (self, "INSERT INTO settings (key, value) VALUES (?, ?)"
                                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    return FALSE;

  _gw_store_bind_text (stmt, 1, key);
  if (value != NULL)
    _gw_store_bind_text (stmt, 2, value);

  if (!_gw_store_step_done (self, stmt, error))
    return FALSE;

  g_signal_emit (self, signals[SETTINGS_CHANGED], 0, key);
  return TRUE;
}

/**
 * gw_store_dup_organization_name:
 *
 * Returns: (transfer full): the organization's name, or an empty string.
 */
char *
gw_store_dup_organization_name (GwStore *self)
{
  char *name = gw_store_dup_setting (self, "organization-name");

  return name ? name : g_strdup ("");
}

gboolean
gw_store_set_organization_name (GwStore     *self,
                                const char  *name,
                                GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));

  return gw_store_set_setting (self, "organization-name", stripped[0] ? stripped : NULL, error);
}

void
gw_unity_version_free (GwUnityVersion *version)
{
  if (version == NULL)
    return;

  g_free (version->text);
  g_free (version->created);
  g_free (version);
}

static GwUnityVersion *
unity_from_row (sqlite3_stmt *stmt)
{
  GwUnityVersion *version = g_new0 (GwUnityVersion, 1);

  version->id = sqlite3_column_int64 (stmt, 0);
  version->number = sqlite3_column_int (stmt, 1);
  version->text = _gw_store_column_dup (stmt, 2);
  version->created = _gw_store_column_dup (stmt, 3);

  return version;
}

/**
 * gw_store_dup_current_unity:
 *
 * Returns: (transfer full) (nullable): the points of unity in force, or
 *   %NULL when the organization has not written them yet.
 */
GwUnityVersion *
gw_store_dup_current_unity (GwStore *self)
{
  sqlite3_stmt *stmt;
  GwUnityVersion *version = NULL;

  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  stmt = _gw_store_prepare (self, "SELECT id, number, text, created FROM unity_versions"
                                  " ORDER BY number DESC LIMIT 1", NULL);
  if (stmt == NULL)
    return NULL;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = unity_from_row (stmt);
  sqlite3_reset (stmt);

  return version;
}

/**
 * gw_store_list_unity_versions:
 *
 * Returns: (transfer full) (element-type GwUnityVersion): every version of
 *   the points of unity, newest first.
 */
GPtrArray *
gw_store_list_unity_versions (GwStore *self)
{
  GPtrArray *versions = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_unity_version_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), versions);

  stmt = _gw_store_prepare (self, "SELECT id, number, text, created FROM unity_versions"
                                  " ORDER BY number DESC", NULL);
  if (stmt == NULL)
    return versions;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (versions, unity_from_row (stmt));
  sqlite3_reset (stmt);

  return versions;
}

/**
 * gw_store_add_unity_version:
 *
 * Records a new version of the points of unity, which becomes the one
 * people must agree to before becoming members. Earlier versions are kept.
 *
 * Returns: (transfer full) (nullable): the new version.
 */
GwUnityVersion *
gw_store_add_unity_version (GwStore     *self,
                            const char  *text,
                            GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *uuid = gw_text_uuid ();
  g_autofree char *now = gw_date_now_utc ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (GW_IS_STORE (self), NULL);

  if (!_gw_store_check_writable (self, error))
    return NULL;

  if (stripped[0] == '\0')
    {
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                   _("The points of unity are empty. Write at least one point."));
      return NULL;
    }

  stmt = _gw_store_prepare (self, "INSERT INTO unity_versions (uuid, number, text, created, updated)"
                                  " VALUES (?, (SELECT coalesce(max(number), 0) + 1 FROM unity_versions), ?, ?, ?)",
                            error);
  if (stmt == NULL)
    return NULL;

  _gw_store_bind_text (stmt, 1, uuid);
  _gw_store_bind_text (stmt, 2, stripped);
  _gw_store_bind_text (stmt, 3, now);
  _gw_store_bind_text (stmt, 4, now);

  if (!_gw_store_step_done (self, stmt, error))
    return NULL;

  g_signal_emit (self, signals[SETTINGS_CHANGED], 0, "points-of-unity");
  return gw_store_dup_current_unity (self);
}
