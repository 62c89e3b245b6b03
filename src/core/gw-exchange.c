/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gw-date.h"
#include "gw-exchange-private.h"
#include "gw-member.h"
#include "gw-text.h"

G_DEFINE_QUARK (gw-exchange-error-quark, gw_exchange_error)

/* Stable names, as in the rest of the core (gw_stage_get_id(),
 * gw_ledger_direction_to_string(), gw_source_class_to_string(); the tests
 * check they agree). */
const char * const gw_exchange_stage_names[] = { "volunteer", "member", "cadre", NULL };
const char * const gw_exchange_status_names[] = { "active", "inactive", "left", NULL };
static const char * const event_kind_names[] = { "joined", "stage", "status", "agreement", NULL };
/* A history line's from/to: a stage for "joined" and "stage", a status for
 * "status"; the two sets of names do not overlap. */
static const char * const event_value_names[] = {
  "volunteer", "member", "cadre", "active", "inactive", "left", NULL
};
static const char * const stance_names[] = { "friend", "can-be-won", "opponent", "unknown", NULL };
static const char * const need_status_names[] = {
  "heard", "investigating", "acting", "won", "dropped", NULL
};
static const char * const relation_names[] = {
  "allied-with", "opposes", "funds", "employs", "owns", "part-of", "other", NULL
};
static const char * const contradiction_kind_names[] = { "among-people", "with-opponents", NULL };
static const char * const risk_names[] = { "low", "medium", "high", NULL };
/* A contradiction's two sides, side_a and side_b in GwContradiction. */
static const char * const side_names[] = { "a", "b", NULL };
static const char * const direction_names[] = { "received", "given-out", "spent", NULL };
static const char * const ledger_kind_names[] = { "money", "goods", NULL };
static const char * const source_names[] = {
  "member-dues", "individual", "allied-group", "ngo-foundation", "business", "government", NULL
};
static const char * const party_names[] = { "anonymous", "member", "outside", NULL };

#define UUID_FIELD      { "uuid", "uuid", GW_FIELD_UUID }
#define CREATED_FIELD   { "created", "created", GW_FIELD_TIME }
#define UPDATED_FIELD   { "updated", "updated", GW_FIELD_TIME }
#define TEXT(n)         { n, n, GW_FIELD_TEXT }
#define TEXT_SET(n)     { n, n, GW_FIELD_TEXT, GW_FIELD_NONEMPTY }
#define TEXT_NULL(n)    { n, n, GW_FIELD_TEXT_NULL }
#define PRIVATE_TEXT(n) { n, n, GW_FIELD_TEXT, GW_FIELD_PRIVATE }
#define DATE(n)         { n, n, GW_FIELD_DATE }
#define DATE_NULL(n)    { n, n, GW_FIELD_DATE_NULL }
#define ENUM(n, c, v)   { n, c, GW_FIELD_ENUM, 0, v }
#define REF(n, c, t)    { n, c, GW_FIELD_REF, 0, NULL, t }
#define REF_NULL(n, c, t) { n, c, GW_FIELD_REF_NULL, 0, NULL, t }
#define COUNT(n, hi)    { n, n, GW_FIELD_INT, 0, NULL, 0, 0, hi }
#define DERIVED(c, s, f) { NULL, c, GW_FIELD_DERIVED, 0, NULL, 0, 0, 0, NULL, NULL, s, f }

/* Members */

static const GwField unity_fields[] = {
  UUID_FIELD,
  { "number", "number", GW_FIELD_INT, 0, NULL, 0, 1, G_MAXINT32 },
  TEXT_SET ("text"),
  CREATED_FIELD,
  UPDATED_FIELD,
};

static const GwField member_fields[] = {
  UUID_FIELD,
  TEXT_SET ("full_name"),
  TEXT ("community_name"),
  TEXT ("pronouns"),
  PRIVATE_TEXT ("phone"),
  { "email", "email", GW_FIELD_TEXT, GW_FIELD_PRIVATE | GW_FIELD_EMAIL },
  TEXT ("neighbourhood"),
  { "languages", "languages", GW_FIELD_LIST, 0, NULL, 0, 0, 0,
    "INSERT OR IGNORE INTO member_languages (language, member_id) VALUES (?, ?)",
    "DELETE FROM member_languages WHERE member_id = ?" },
  TEXT ("skills"),
  PRIVATE_TEXT ("notes"),
  { "tags", "tags", GW_FIELD_LIST, 0, NULL, 0, 0, 0,
    "INSERT OR IGNORE INTO member_tags (tag, member_id) VALUES (?, ?)",
    "DELETE FROM member_tags WHERE member_id = ?" },
  DATE ("joined"),
  REF_NULL ("recruited_by", "recruited_by", GW_TABLE_MEMBERS),
  ENUM ("stage", "stage", gw_exchange_stage_names),
  ENUM ("status", "status", gw_exchange_status_names),
  DATE ("last_change"),
  CREATED_FIELD,
  UPDATED_FIELD,
  DERIVED ("phone_digits", "phone", gw_text_phone_digits),
  DERIVED ("sort_key", "full_name", gw_text_fold),
  DERIVED ("email_key", "email", gw_text_email_key),
};

static const GwField event_fields[] = {
  UUID_FIELD,
  REF ("member", "member_id", GW_TABLE_MEMBERS),
  ENUM ("kind", "kind", event_kind_names),
  { "from", "from_value", GW_FIELD_ENUM_NULL, GW_FIELD_EVENT, event_value_names },
  { "to", "to_value", GW_FIELD_ENUM_NULL, GW_FIELD_EVENT, event_value_names },
  DATE ("date"),
  TEXT ("approver"),
  PRIVATE_TEXT ("note"),
  { "unity_version", "unity_version_id", GW_FIELD_UNITY },
  CREATED_FIELD,
};

/* Meetings */

static const GwField meeting_kind_fields[] = {
  UUID_FIELD,
  TEXT_NULL ("builtin"),
  TEXT ("label"),
  { "is_study", "is_study", GW_FIELD_BOOL },
  CREATED_FIELD,
  UPDATED_FIELD,
};

static const GwField meeting_fields[] = {
  UUID_FIELD,
  REF ("kind", "kind_id", GW_TABLE_MEETING_KINDS),
  TEXT ("title"),
  DATE ("date"),
  { "time", "time", GW_FIELD_TEXT, GW_FIELD_CLOCK },
  TEXT ("place"),
  TEXT ("minutes"),
  REF_NULL ("secretary", "secretary_id", GW_TABLE_MEMBERS),
  CREATED_FIELD,
  UPDATED_FIELD,
};

static const GwField agenda_fields[] = {
  UUID_FIELD,
  REF ("meeting", "meeting_id", GW_TABLE_MEETINGS),
  { "position", "position", GW_FIELD_INT, 0, NULL, 0, G_MININT32, G_MAXINT32 },
  TEXT_SET ("text"),
  CREATED_FIELD,
  UPDATED_FIELD,
};

static const GwField decision_fields[] = {
  UUID_FIELD,
  REF ("meeting", "meeting_id", GW_TABLE_MEETINGS),
  TEXT_SET ("text"),
  TEXT ("outcome"),
  COUNT ("votes_for", G_MAXINT32),
  COUNT ("votes_against", G_MAXINT32),
  COUNT ("votes_abstain", G_MAXINT32),
  CREATED_FIELD,
  UPDATED_FIELD,
};

static const GwField action_fields[] = {
  UUID_FIELD,
  REF ("meeting", "meeting_id", GW_TABLE_MEETINGS),
  TEXT_SET ("what"),
  REF_NULL ("owner", "owner_id", GW_TABLE_MEMBERS),
  DATE_NULL ("due"),
  DATE_NULL ("done"),
  CREATED_FIELD,
  UPDATED_FIELD,
};

static const GwField attendance_fields[] = {
  UUID_FIELD,
  REF ("meeting", "meeting_id", GW_TABLE_MEETINGS),
  REF ("member", "member_id", GW_TABLE_MEMBERS),
  COUNT ("minutes_given", 1440),
  { "walk_in", "walk_in", GW_FIELD_BOOL },
  CREATED_FIELD,
  UPDATED_FIELD,
};

/* The notebook */

static const GwField force_kind_fields[] = {
  UUID_FIELD,
  TEXT_NULL ("builtin"),
  TEXT ("label"),
  CREATED_FIELD,
  UPDATED_FIELD,
};

static const GwField force_fields[] = {
  UUID_FIELD,
  TEXT_SET ("name"),
  REF ("kind", "kind_id", GW_TABLE_FORCE_KINDS),
  ENUM ("stance", "stance", stance_names),
  DATE_NULL ("stance_date"),
  REF_NULL ("contact", "contact_member_id", GW_TABLE_MEMBERS),
  PRIVATE_TEXT ("contact_name"),
  TEXT ("notes"),
  CREATED_FIELD,
  UPDATED_FIELD,
  DERIVED ("name_key", "name", gw_text_fold),
};

static const GwField judgement_fields[] = {
  UUID_FIELD,
  REF ("force", "force_id", GW_TABLE_FORCES),
  ENUM ("stance", "stance", stance_names),
  DATE ("date"),
  TEXT ("reasoning"),
  TEXT ("judged_by"),
  CREATED_FIELD,
};

static const GwField relation_fields[] = {
  UUID_FIELD,
  REF ("from", "from_id", GW_TABLE_FORCES),
  REF ("to", "to_id", GW_TABLE_FORCES),
  ENUM ("kind", "kind", relation_names),
  TEXT ("note"),
  CREATED_FIELD,
  UPDATED_FIELD,
};

static const GwField need_fields[] = {
  UUID_FIELD,
  TEXT_SET ("title"),
  TEXT ("description"),
  ENUM ("status", "status", need_status_names),
  COUNT ("extra_count", G_MAXINT32),
  DATE_NULL ("raised"),
  CREATED_FIELD,
  UPDATED_FIELD,
  DERIVED ("title_key", "title", gw_text_fold),
};

static const GwField need_force_fields[] = {
  REF ("force", "force_id", GW_TABLE_FORCES),
};

static const GwLink need_links[] = {
  { "forces", "need_forces", "need_id", NULL, "force_id", need_force_fields, 1, TRUE },
};

static const GwField rule_fields[] = {
  UUID_FIELD,
  TEXT_SET ("title"),
  TEXT ("place"),
  ENUM ("risk", "risk", risk_names),
  TEXT ("way_around"),
  TEXT ("source"),
  DATE_NULL ("review_date"),
  CREATED_FIELD,
  UPDATED_FIELD,
};

static const GwField note_fields[] = {
  UUID_FIELD,
  TEXT_SET ("title"),
  DATE ("date"),
  TEXT ("place"),
  TEXT ("text"),
  { "tags", "tags", GW_FIELD_LIST, 0, NULL, 0, 0, 0,
    "INSERT OR IGNORE INTO note_tags (tag, note_id) VALUES (?, ?)",
    "DELETE FROM note_tags WHERE note_id = ?" },
  CREATED_FIELD,
  UPDATED_FIELD,
};

static const GwField note_member_fields[] = {
  REF ("member", "member_id", GW_TABLE_MEMBERS),
};

static const GwField note_force_fields[] = {
  REF ("force", "force_id", GW_TABLE_FORCES),
  { "linked", "linked", GW_FIELD_BOOL },
  { "mentioned", "mentioned", GW_FIELD_BOOL },
};

static const GwField note_need_fields[] = {
  REF ("need", "need_id", GW_TABLE_NEEDS),
  { "linked", "linked", GW_FIELD_BOOL },
  { "mentioned", "mentioned", GW_FIELD_BOOL },
};

static const GwField note_rule_fields[] = {
  REF ("rule", "rule_id", GW_TABLE_LEGAL_RULES),
  { "linked", "linked", GW_FIELD_BOOL },
  { "mentioned", "mentioned", GW_FIELD_BOOL },
};

static const GwLink note_links[] = {
  { "members", "note_members", "note_id", NULL, "member_id", note_member_fields, 1, TRUE,
    GW_FIELD_PRIVATE },
  { "forces", "note_forces", "note_id", NULL, "force_id", note_force_fields, 3, FALSE },
  { "needs", "note_needs", "note_id", NULL, "need_id", note_need_fields, 3, FALSE },
  { "rules", "note_rules", "note_id", NULL, "rule_id", note_rule_fields, 3, FALSE },
};

static const GwField contradiction_fields[] = {
  UUID_FIELD,
  TEXT_SET ("title"),
  TEXT ("description"),
  ENUM ("kind", "kind", contradiction_kind_names),
  { "principal", "principal", GW_FIELD_BOOL },
  CREATED_FIELD,
  UPDATED_FIELD,
};

static const GwField contradiction_force_fields[] = {
  REF ("force", "force_id", GW_TABLE_FORCES),
  ENUM ("side", "side", side_names),
};

static const GwLink contradiction_links[] = {
  { "forces", "contradiction_forces", "contradiction_id", NULL, "force_id",
    contradiction_force_fields, 2, FALSE },
};

static const GwField change_fields[] = {
  UUID_FIELD,
  REF ("contradiction", "contradiction_id", GW_TABLE_CONTRADICTIONS),
  DATE ("date"),
  TEXT_SET ("text"),
  CREATED_FIELD,
};

/* The ledger */

static const GwField drive_fields[] = {
  UUID_FIELD,
  TEXT_SET ("name"),
  DATE_NULL ("start_date"),
  DATE_NULL ("end_date"),
  TEXT_NULL ("notes"),
  CREATED_FIELD,
  UPDATED_FIELD,
};

/* The largest amount, quantity or value one ledger line or goal may hold:
 * 10^15 (ten trillion in a currency's whole units, counted in cents), so
 * that the ledger's totals of a great many of them still fit in 64 bits. */
#define MAX_AMOUNT G_GINT64_CONSTANT (1000000000000000)

static const GwField goal_fields[] = {
  ENUM ("kind", "kind", ledger_kind_names),
  { "amount", "amount", GW_FIELD_INT_NULL, 0, NULL, 0, 0, MAX_AMOUNT },
  { "currency", "currency", GW_FIELD_TEXT_NULL, GW_FIELD_CURRENCY },
  TEXT_NULL ("item"),
  { "quantity", "quantity", GW_FIELD_INT_NULL, 0, NULL, 0, 0, MAX_AMOUNT },
  TEXT_NULL ("unit"),
};

static const GwLink drive_links[] = {
  { "goals", "drive_goals", "drive_id", "position", "position", goal_fields,
    G_N_ELEMENTS (goal_fields), FALSE },
};

static const GwField entry_fields[] = {
  UUID_FIELD,
  DATE ("date"),
  ENUM ("direction", "direction", direction_names),
  ENUM ("kind", "kind", ledger_kind_names),
  { "amount", "amount", GW_FIELD_INT_NULL, 0, NULL, 0, 1, MAX_AMOUNT },
  { "currency", "currency", GW_FIELD_TEXT_NULL, GW_FIELD_CURRENCY },
  TEXT_NULL ("item"),
  { "quantity", "quantity", GW_FIELD_INT_NULL, 0, NULL, 0, 1, MAX_AMOUNT },
  TEXT_NULL ("unit"),
  { "value", "value", GW_FIELD_INT_NULL, 0, NULL, 0, 0, MAX_AMOUNT },
  { "value_currency", "value_currency", GW_FIELD_TEXT_NULL, GW_FIELD_CURRENCY },
  ENUM ("party_kind", "party_kind", party_names),
  REF_NULL ("member", "member_id", GW_TABLE_MEMBERS),
  TEXT_NULL ("party_name"),
  { "source_class", "source_class", GW_FIELD_ENUM_NULL, GW_FIELD_MINUS_ONE, source_names },
  REF_NULL ("drive", "drive_id", GW_TABLE_DRIVES),
  { "memo", "memo", GW_FIELD_TEXT_NULL, GW_FIELD_PRIVATE },
  TEXT_NULL ("recorded_by"),
  TEXT_NULL ("need_category"),
  COUNT ("households", G_MAXINT32),
  REF_NULL ("corrects", "corrects_id", GW_TABLE_LEDGER_ENTRIES),
  REF_NULL ("replaces", "replaces_id", GW_TABLE_LEDGER_ENTRIES),
  CREATED_FIELD,
};

#define FIELDS(f) f, G_N_ELEMENTS (f)
#define LINKS(l) l, G_N_ELEMENTS (l)

/* In the order they are written and applied: whatever a record refers to
 * comes before it. */
const GwTable gw_exchange_tables[GW_N_TABLES] = {
  [GW_TABLE_UNITY_VERSIONS] = {
    "unity_versions", GW_AREA_MEMBERS, FIELDS (unity_fields), NULL, 0,
    TRUE, FALSE, TRUE, "t.number", "text",
    "SELECT uuid FROM unity_versions WHERE number = ?", { "number" } },
  [GW_TABLE_MEMBERS] = {
    "members", GW_AREA_MEMBERS, FIELDS (member_fields), NULL, 0,
    TRUE, TRUE, FALSE, "t.id", "full_name" },
  [GW_TABLE_MEMBER_EVENTS] = {
    "member_events", GW_AREA_MEMBERS, FIELDS (event_fields), NULL, 0,
    TRUE, FALSE, TRUE, "t.id", "date" },
  [GW_TABLE_MEETING_KINDS] = {
    "meeting_kinds", GW_AREA_MEETINGS, FIELDS (meeting_kind_fields), NULL, 0,
    TRUE, FALSE, FALSE, "t.id", "label",
    "SELECT uuid FROM meeting_kinds WHERE builtin = ?", { "builtin" },
    "SELECT 1 FROM meetings WHERE kind_id = ? LIMIT 1" },
  [GW_TABLE_MEETINGS] = {
    "meetings", GW_AREA_MEETINGS, FIELDS (meeting_fields), NULL, 0,
    TRUE, TRUE, FALSE, "t.id", "date" },
  [GW_TABLE_AGENDA_ITEMS] = {
    "agenda_items", GW_AREA_MEETINGS, FIELDS (agenda_fields), NULL, 0,
    TRUE, FALSE, FALSE, "t.id", "text" },
  [GW_TABLE_DECISIONS] = {
    "decisions", GW_AREA_MEETINGS, FIELDS (decision_fields), NULL, 0,
    TRUE, FALSE, FALSE, "t.id", "text" },
  [GW_TABLE_ACTION_ITEMS] = {
    "action_items", GW_AREA_MEETINGS, FIELDS (action_fields), NULL, 0,
    TRUE, FALSE, FALSE, "t.id", "what" },
  [GW_TABLE_ATTENDANCE] = {
    "attendance", GW_AREA_MEETINGS, FIELDS (attendance_fields), NULL, 0,
    FALSE, FALSE, FALSE, "t.meeting_id, t.member_id", NULL,
    "SELECT uuid FROM attendance WHERE meeting_id = (SELECT id FROM meetings WHERE uuid = ?)"
    " AND member_id = (SELECT id FROM members WHERE uuid = ?)", { "meeting", "member" } },
  [GW_TABLE_FORCE_KINDS] = {
    "force_kinds", GW_AREA_NOTEBOOK, FIELDS (force_kind_fields), NULL, 0,
    TRUE, FALSE, FALSE, "t.id", "label",
    "SELECT uuid FROM force_kinds WHERE builtin = ?", { "builtin" },
    "SELECT 1 FROM forces WHERE kind_id = ? LIMIT 1" },
  [GW_TABLE_FORCES] = {
    "forces", GW_AREA_NOTEBOOK, FIELDS (force_fields), NULL, 0,
    TRUE, TRUE, FALSE, "t.id", "name" },
  [GW_TABLE_STANCE_JUDGEMENTS] = {
    "stance_judgements", GW_AREA_NOTEBOOK, FIELDS (judgement_fields), NULL, 0,
    TRUE, FALSE, TRUE, "t.id", "date" },
  [GW_TABLE_FORCE_RELATIONS] = {
    "force_relations", GW_AREA_NOTEBOOK, FIELDS (relation_fields), NULL, 0,
    TRUE, FALSE, FALSE, "t.id", "kind" },
  [GW_TABLE_NEEDS] = {
    "needs", GW_AREA_NOTEBOOK, FIELDS (need_fields), LINKS (need_links),
    TRUE, TRUE, FALSE, "t.id", "title" },
  [GW_TABLE_LEGAL_RULES] = {
    "legal_rules", GW_AREA_NOTEBOOK, FIELDS (rule_fields), NULL, 0,
    TRUE, TRUE, FALSE, "t.id", "title" },
  [GW_TABLE_NOTES] = {
    "notes", GW_AREA_NOTEBOOK, FIELDS (note_fields), LINKS (note_links),
    TRUE, TRUE, FALSE, "t.id", "title" },
  [GW_TABLE_CONTRADICTIONS] = {
    "contradictions", GW_AREA_NOTEBOOK, FIELDS (contradiction_fields), LINKS (contradiction_links),
    TRUE, TRUE, FALSE, "t.id", "title" },
  [GW_TABLE_CONTRADICTION_CHANGES] = {
    "contradiction_changes", GW_AREA_NOTEBOOK, FIELDS (change_fields), NULL, 0,
    TRUE, FALSE, TRUE, "t.id", "text" },
  [GW_TABLE_DRIVES] = {
    "drives", GW_AREA_LEDGER, FIELDS (drive_fields), LINKS (drive_links),
    TRUE, FALSE, FALSE, "t.id", "name",
    "SELECT uuid FROM drives WHERE name = ? COLLATE NOCASE", { "name" } },
  [GW_TABLE_LEDGER_ENTRIES] = {
    "ledger_entries", GW_AREA_LEDGER, FIELDS (entry_fields), NULL, 0,
    TRUE, FALSE, TRUE, "t.id", "date" },
};

/* Areas and privacy levels */

static const struct
{
  GwExchangeAreas  area;
  const char      *name;
} area_names[] = {
  { GW_AREA_MEMBERS, "members" },
  { GW_AREA_MEETINGS, "meetings" },
  { GW_AREA_NOTEBOOK, "notebook" },
  { GW_AREA_LEDGER, "ledger" },
};

const char *
gw_exchange_area_to_string (GwExchangeAreas area)
{
  for (guint i = 0; i < G_N_ELEMENTS (area_names); i++)
    if (area_names[i].area == area)
      return area_names[i].name;
  return "";
}

gboolean
gw_exchange_areas_from_string (const char       *text,
                               GwExchangeAreas  *areas,
                               GError          **error)
{
  g_auto(GStrv) parts = g_strsplit (text ? text : "", ",", -1);
  GwExchangeAreas result = 0;

  g_return_val_if_fail (areas != NULL, FALSE);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = g_strstrip (parts[i]);
      gboolean found = FALSE;

      if (part[0] == '\0')
        continue;

      if (g_str_equal (part, "all"))
        {
          result |= GW_AREA_ALL;
          continue;
        }

      for (guint a = 0; a < G_N_ELEMENTS (area_names); a++)
        if (g_str_equal (part, area_names[a].name))
          {
            result |= area_names[a].area;
            found = TRUE;
          }

      if (!found)
        {
          g_set_error (error, GW_EXCHANGE_ERROR, GW_EXCHANGE_ERROR_INVALID,
                       _("“%s” is not an area. Choose among members, meetings, notebook, ledger or all."),
                       part);
          return FALSE;
        }
    }

  if (result == 0)
    {
      g_set_error (error, GW_EXCHANGE_ERROR, GW_EXCHANGE_ERROR_INVALID,
                   _("Choose at least one area: members, meetings, notebook, ledger or all."));
      return FALSE;
    }

  *areas = result;
  return TRUE;
}

const char *
gw_exchange_area_get_label (GwExchangeAreas area)
{
  switch ((int) area)
    {
    case GW_AREA_MEMBERS: return _("People");
    case GW_AREA_MEETINGS: return _("Meetings");
    case GW_AREA_NOTEBOOK: return _("Notebook");
    case GW_AREA_LEDGER: return _("Ledger");
    default: return "";
    }
}

static const char * const privacy_names[] = { "full", "no-contact", "counts", NULL };

const char *
gw_exchange_privacy_to_string (GwExchangePrivacy privacy)
{
  if ((guint) privacy < 3)
    return privacy_names[privacy];
  return "";
}

gboolean
gw_exchange_privacy_from_string (const char         *text,
                                 GwExchangePrivacy  *privacy,
                                 GError            **error)
{
  g_return_val_if_fail (privacy != NULL, FALSE);

  for (guint i = 0; privacy_names[i] != NULL; i++)
    if (g_strcmp0 (text, privacy_names[i]) == 0)
      {
        *privacy = i;
        return TRUE;
      }

  g_set_error (error, GW_EXCHANGE_ERROR, GW_EXCHANGE_ERROR_INVALID,
               _("“%s” is not a privacy level. Choose full, no-contact or counts."),
               text ? text : "");
  return FALSE;
}

/* Writing JSON */

/* g_string_append_len() without the call, for the many short pieces of
 * an export: GLib 2.74 inlines only g_string_append_c(). */
static inline void
append_len (GString    *out,
            const char *text,
            gsize       len)
{
  if (G_LIKELY (out->len + len < out->allocated_len))
    {
      memcpy (out->str + out->len, text, len);
      out->len += len;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, text, len);
}

void
_gw_json_string (GString    *out,
                 const char *text)
{
  static const char hex[] = "0123456789abcdef";
  const char *run = text;
  const char *p;

  g_string_append_c (out, '"');
  for (p = text; *p != '\0'; p++)
    {
      guchar c = *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      append_len (out, run, p - run);
      run = p + 1;

      switch (c)
        {
        case '"': append_len (out, "\\\"", 2); break;
        case '\\': append_len (out, "\\\\", 2); break;
        case '\n': append_len (out, "\\n", 2); break;
        case '\t': append_len (out, "\\t", 2); break;
        case '\r': append_len (out, "\\r", 2); break;
        default:
          append_len (out, "\\u00", 4);
          g_string_append_c (out, hex[c >> 4]);
          g_string_append_c (out, hex[c & 0xf]);
          break;
        }
    }
  append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

gboolean
_gw_exchange_field_visible (const GwField     *field,
                            GwExchangePrivacy  privacy)
{
  if (field->type == GW_FIELD_DERIVED)
    return FALSE;
  return privacy == GW_PRIVACY_FULL || (field->flags & GW_FIELD_PRIVATE) == 0;
}

gboolean
_gw_exchange_link_visible (const GwLink      *link,
                           GwExchangePrivacy  privacy)
{
  return privacy == GW_PRIVACY_FULL || (link->flags & GW_FIELD_PRIVATE) == 0;
}

/* The SQL expression that reads @field of the row "t" (or "l" in a link)
 * as it is written to the file. */
static void
append_field_expr (GString       *sql,
                   const GwField *field,
                   const char    *alias)
{
  const GwTable *target;

  switch (field->type)
    {
    case GW_FIELD_REF:
    case GW_FIELD_REF_NULL:
      target = &gw_exchange_tables[field->target];
      /* Removed records are not exported, so nothing points at them. */
      g_string_append_printf (sql, "(SELECT x.uuid FROM %s x WHERE x.id = %s.%s%s)",
                              target->name, alias, field->column,
                              target->has_deleted ? " AND x.deleted = 0" : "");
      break;
    case GW_FIELD_UNITY:
      g_string_append_printf (sql, "(SELECT x.number FROM unity_versions x WHERE x.id = %s.%s)",
                              alias, field->column);
      break;
    case GW_FIELD_ENUM_NULL:
      if (field->flags & GW_FIELD_EVENT)
        /* Statuses follow the three stages in event_value_names. */
        g_string_append_printf (sql, "CASE WHEN %s.kind = 2 THEN %s.%s + 3 ELSE %s.%s END",
                                alias, alias, field->column, alias, field->column);
      else if (field->flags & GW_FIELD_MINUS_ONE)
        g_string_append_printf (sql, "nullif(%s.%s, -1)", alias, field->column);
      else
        g_string_append_printf (sql, "%s.%s", alias, field->column);
      break;
    default:
      g_string_append_printf (sql, "%s.%s", alias, field->column);
      break;
    }
}

/* A record whose parent was removed goes with it. */
static void
append_parent_filters (GString       *sql,
                       const GwField *fields,
                       guint          n_fields,
                       const char    *alias)
{
  for (guint i = 0; i < n_fields; i++)
    {
      const GwTable *target;

      if (fields[i].type != GW_FIELD_REF)
        continue;
      target = &gw_exchange_tables[fields[i].target];
      if (target->has_deleted)
        g_string_append_printf (sql, " AND EXISTS (SELECT 1 FROM %s x WHERE x.id = %s.%s AND x.deleted = 0)",
                                target->name, alias, fields[i].column);
    }
}

/* SELECT id, deleted, then the visible fields, from @table "t". @where
 * NULL means every record that is exported, in order. */
char *
_gw_exchange_select_sql (const GwTable     *table,
                         GwExchangePrivacy  privacy,
                         const char        *where)
{
  GString *sql = g_string_new ("SELECT ");

  g_string_append (sql, table->has_id ? "t.id" : "0");
  g_string_append (sql, table->has_deleted ? ", t.deleted" : ", 0");
  for (guint i = 0; i < table->n_fields; i++)
    if (_gw_exchange_field_visible (&table->fields[i], privacy))
      {
        g_string_append (sql, ", ");
        append_field_expr (sql, &table->fields[i], "t");
      }
  g_string_append_printf (sql, " FROM %s t", table->name);

  if (where != NULL)
    g_string_append_printf (sql, " WHERE %s", where);
  else
    {
      /* "+": not by an index on deleted, which would mean a seek for every
       * row and a sort of them all; reading the table in id order is the
       * order wanted. */
      g_string_append (sql, table->has_deleted ? " WHERE +t.deleted = 0" : " WHERE 1");
      append_parent_filters (sql, table->fields, table->n_fields, "t");
      g_string_append_printf (sql, " ORDER BY %s", table->order);
    }

  return g_string_free (sql, FALSE);
}

char *
_gw_exchange_link_select_sql (const GwLink *link)
{
  GString *sql = g_string_new ("SELECT ");

  for (guint i = 0; i < link->n_fields; i++)
    {
      if (i > 0)
        g_string_append (sql, ", ");
      append_field_expr (sql, &link->fields[i], "l");
    }
  g_string_append_printf (sql, " FROM %s l WHERE l.%s = ?", link->table, link->parent_column);
  append_parent_filters (sql, link->fields, link->n_fields, "l");
  g_string_append_printf (sql, " ORDER BY l.%s", link->order);

  return g_string_free (sql, FALSE);
}

static void
write_value (GString       *out,
             const GwField *field,
             sqlite3_stmt  *stmt,
             int            col)
{
  gboolean null = sqlite3_column_type (stmt, col) == SQLITE_NULL;
  const char *text;
  gint64 n;

  switch (field->type)
    {
    case GW_FIELD_UUID:
    case GW_FIELD_TEXT:
    case GW_FIELD_DATE:
    case GW_FIELD_TIME:
    case GW_FIELD_REF:
      text = (const char *) sqlite3_column_text (stmt, col);
      _gw_json_string (out, text ? text : "");
      break;
    case GW_FIELD_TEXT_NULL:
    case GW_FIELD_DATE_NULL:
    case GW_FIELD_REF_NULL:
      if (null)
        append_len (out, "null", 4);
      else
        _gw_json_string (out, (const char *) sqlite3_column_text (stmt, col));
      break;
    case GW_FIELD_INT:
    case GW_FIELD_INT_NULL:
    case GW_FIELD_UNITY:
      if (null)
        append_len (out, "null", 4);
      else
        g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, col));
      break;
    case GW_FIELD_BOOL:
      if (sqlite3_column_int (stmt, col))
        append_len (out, "true", 4);
      else
        append_len (out, "false", 5);
      break;
    case GW_FIELD_ENUM:
    case GW_FIELD_ENUM_NULL:
      n = sqlite3_column_int64 (stmt, col);
      if (null || n < 0 || n >= (gint64) g_strv_length ((char **) field->names))
        append_len (out, "null", 4);
      else
        _gw_json_string (out, field->names[n]);
      break;
    case GW_FIELD_LIST:
      {
        g_auto(GStrv) items = gw_split_list ((const char *) sqlite3_column_text (stmt, col));

        g_string_append_c (out, '[');
        for (guint i = 0; items[i] != NULL; i++)
          {
            if (i > 0)
              append_len (out, ", ", 2);
            _gw_json_string (out, items[i]);
          }
        g_string_append_c (out, ']');
      }
      break;
    case GW_FIELD_DERIVED:
    default:
      g_assert_not_reached ();
    }
}

static void
write_links (GString       *out,
             GwStore       *store,
             const GwLink  *link,
             gint64         parent_id)
{
  g_autofree char *sql = _gw_exchange_link_select_sql (link);
  sqlite3_stmt *stmt = _gw_store_prepare (store, sql, NULL);
  gboolean first = TRUE;

  g_string_append_c (out, '[');
  if (stmt == NULL)
    {
      g_string_append_c (out, ']');
      return;
    }

  sqlite3_bind_int64 (stmt, 1, parent_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (!first)
        append_len (out, ", ", 2);
      first = FALSE;

      if (link->scalar)
        {
          write_value (out, &link->fields[0], stmt, 0);
          continue;
        }

      g_string_append_c (out, '{');
      for (guint i = 0; i < link->n_fields; i++)
        {
          if (i > 0)
            append_len (out, ", ", 2);
          _gw_json_string (out, link->fields[i].name);
          append_len (out, ": ", 2);
          write_value (out, &link->fields[i], stmt, i);
        }
      g_string_append_c (out, '}');
    }
  sqlite3_reset (stmt);
  g_string_append_c (out, ']');
}

static gboolean
compared (const GwField *field)
{
  /* Records are compared by what they say, not by when or under which
   * UUID they were written. */
  return field->type != GW_FIELD_UUID && field->type != GW_FIELD_TIME;
}

/* Writes the row @stmt holds (from _gw_exchange_select_sql()) as a JSON
 * object; with @compare, only what comparison looks at. */
void
_gw_exchange_write_row (GwStore           *store,
                        const GwTable     *table,
                        sqlite3_stmt      *stmt,
                        GwExchangePrivacy  privacy,
                        gboolean           compare,
                        GString           *out)
{
  gboolean first = TRUE;
  int col = 2;

  g_string_append_c (out, '{');
  for (guint i = 0; i < table->n_fields; i++)
    {
      const GwField *field = &table->fields[i];

      if (!_gw_exchange_field_visible (field, privacy))
        continue;

      if (!compare || compared (field))
        {
          /* Names are plain ASCII, with nothing to escape. */
          if (!first)
            append_len (out, ", \"", 3);
          else
            g_string_append_c (out, '"');
          first = FALSE;
          append_len (out, field->name, strlen (field->name));
          append_len (out, "\": ", 3);
          write_value (out, field, stmt, col);
        }
      col++;
    }

  for (guint i = 0; i < table->n_links; i++)
    {
      if (!_gw_exchange_link_visible (&table->links[i], privacy))
        continue;
      if (!first)
        append_len (out, ", ", 2);
      first = FALSE;
      _gw_json_string (out, table->links[i].name);
      append_len (out, ": ", 2);
      write_links (out, store, &table->links[i], sqlite3_column_int64 (stmt, 0));
    }
  g_string_append_c (out, '}');
}

gboolean
_gw_exchange_time_is_valid (const char *text)
{
  static const char pattern[] = "dddd-dd-ddTdd:dd:ddZ";
  char date[11];

  if (text == NULL || strlen (text) != sizeof pattern - 1)
    return FALSE;

  for (guint i = 0; i < sizeof pattern - 1; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != pattern[i])
      return FALSE;

  memcpy (date, text, 10);
  date[10] = '\0';
  return gw_date_is_valid (date) &&
         (text[11] - '0') * 10 + (text[12] - '0') < 24 &&
         (text[14] - '0') < 6 && (text[17] - '0') < 6;
}

/* The JSON Schema */

#define UUID_PATTERN "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
#define DATE_PATTERN "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
#define TIME_PATTERN "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]Z$"

static void
schema_ref (JsonBuilder *b,
            const char  *def,
            gboolean     nullable)
{
  g_autofree char *ref = g_strconcat ("#/$defs/", def, NULL);

  json_builder_begin_object (b);
  if (nullable)
    {
      json_builder_set_member_name (b, "anyOf");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "$ref");
      json_builder_add_string_value (b, ref);
      json_builder_end_object (b);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, "null");
      json_builder_end_object (b);
      json_builder_end_array (b);
    }
  else
    {
      json_builder_set_member_name (b, "$ref");
      json_builder_add_string_value (b, ref);
    }
  json_builder_end_object (b);
}

static void
schema_type (JsonBuilder *b,
             const char  *type,
             gboolean     nullable)
{
  json_builder_set_member_name (b, "type");
  if (nullable)
    {
      json_builder_begin_array (b);
      json_builder_add_string_value (b, type);
      json_builder_add_string_value (b, "null");
      json_builder_end_array (b);
    }
  else
    json_builder_add_string_value (b, type);
}

static void
schema_field (JsonBuilder   *b,
              const GwField *field)
{
  gboolean nullable = FALSE;

  switch (field->type)
    {
    case GW_FIELD_UUID:
      schema_ref (b, "uuid", FALSE);
      return;
    case GW_FIELD_REF_NULL:
      nullable = TRUE;
      G_GNUC_FALLTHROUGH;
    case GW_FIELD_REF:
      schema_ref (b, "uuid", nullable);
      return;
    case GW_FIELD_DATE_NULL:
      nullable = TRUE;
      G_GNUC_FALLTHROUGH;
    case GW_FIELD_DATE:
      schema_ref (b, "date", nullable);
      return;
    case GW_FIELD_TIME:
      schema_ref (b, "time", FALSE);
      return;
    case GW_FIELD_TEXT_NULL:
      if (field->flags & GW_FIELD_CURRENCY)
        {
          schema_ref (b, "currency", TRUE);
          return;
        }
      nullable = TRUE;
      break;
    default:
      break;
    }

  json_builder_begin_object (b);
  switch (field->type)
    {
    case GW_FIELD_TEXT:
    case GW_FIELD_TEXT_NULL:
      schema_type (b, "string", nullable);
      if (field->flags & GW_FIELD_NONEMPTY)
        {
          json_builder_set_member_name (b, "pattern");
          json_builder_add_string_value (b, "\\S");
        }
      else if (field->flags & GW_FIELD_CLOCK)
        {
          json_builder_set_member_name (b, "pattern");
          json_builder_add_string_value (b, "^(([01][0-9]|2[0-3]):[0-5][0-9])?$");
        }
      else if (field->flags & GW_FIELD_EMAIL)
        {
          json_builder_set_member_name (b, "pattern");
          json_builder_add_string_value (b, "^([^ ]*@[^ ]*)?$");
        }
      break;
    case GW_FIELD_INT:
    case GW_FIELD_INT_NULL:
      schema_type (b, "integer", field->type == GW_FIELD_INT_NULL);
      json_builder_set_member_name (b, "minimum");
      json_builder_add_int_value (b, field->min);
      json_builder_set_member_name (b, "maximum");
      json_builder_add_int_value (b, field->max);
      break;
    case GW_FIELD_UNITY:
      schema_type (b, "integer", TRUE);
      json_builder_set_member_name (b, "minimum");
      json_builder_add_int_value (b, 1);
      break;
    case GW_FIELD_BOOL:
      schema_type (b, "boolean", FALSE);
      break;
    case GW_FIELD_ENUM:
    case GW_FIELD_ENUM_NULL:
      json_builder_set_member_name (b, "enum");
      json_builder_begin_array (b);
      for (guint i = 0; field->names[i] != NULL; i++)
        json_builder_add_string_value (b, field->names[i]);
      if (field->type == GW_FIELD_ENUM_NULL)
        json_builder_add_null_value (b);
      json_builder_end_array (b);
      break;
    case GW_FIELD_LIST:
      schema_type (b, "array", FALSE);
      json_builder_set_member_name (b, "items");
      json_builder_begin_object (b);
      schema_type (b, "string", FALSE);
      json_builder_set_member_name (b, "pattern");
      json_builder_add_string_value (b, "^[^,\\s]([^,]*[^,\\s])?$");
      json_builder_end_object (b);
      break;
    default:
      g_assert_not_reached ();
    }
  json_builder_end_object (b);
}

static void
schema_object (JsonBuilder       *b,
               const GwField     *fields,
               guint              n_fields,
               const GwLink      *links,
               guint              n_links,
               GwExchangePrivacy  privacy)
{
  json_builder_begin_object (b);
  schema_type (b, "object", FALSE);
  json_builder_set_member_name (b, "additionalProperties");
  json_builder_add_boolean_value (b, FALSE);

  json_builder_set_member_name (b, "required");
  json_builder_begin_array (b);
  for (guint i = 0; i < n_fields; i++)
    if (_gw_exchange_field_visible (&fields[i], privacy))
      json_builder_add_string_value (b, fields[i].name);
  for (guint i = 0; i < n_links; i++)
    if (_gw_exchange_link_visible (&links[i], privacy))
      json_builder_add_string_value (b, links[i].name);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  for (guint i = 0; i < n_fields; i++)
    if (_gw_exchange_field_visible (&fields[i], privacy))
      {
        json_builder_set_member_name (b, fields[i].name);
        schema_field (b, &fields[i]);
      }
  for (guint i = 0; i < n_links; i++)
    if (_gw_exchange_link_visible (&links[i], privacy))
      {
        json_builder_set_member_name (b, links[i].name);
        json_builder_begin_object (b);
        schema_type (b, "array", FALSE);
        json_builder_set_member_name (b, "items");
        if (links[i].scalar)
          schema_field (b, &links[i].fields[0]);
        else
          schema_object (b, links[i].fields, links[i].n_fields, NULL, 0, GW_PRIVACY_FULL);
        json_builder_end_object (b);
      }
  json_builder_end_object (b);
  json_builder_end_object (b);
}

static void
schema_pattern_def (JsonBuilder *b,
                    const char  *name,
                    const char  *pattern)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  schema_type (b, "string", FALSE);
  json_builder_set_member_name (b, "pattern");
  json_builder_add_string_value (b, pattern);
  json_builder_end_object (b);
}

/* The counts-only summary, written out: numbers only, never a record. */
#define COUNT_SCHEMA "{\"type\": \"integer\", \"minimum\": 0}"

static const char summary_schema[] =
  "{\"type\": \"object\", \"additionalProperties\": false, \"properties\": {"
  " \"members\": {\"type\": \"object\", \"additionalProperties\": false,"
  "   \"required\": [\"total\", \"stages\", \"statuses\"],"
  "   \"properties\": {\"total\": " COUNT_SCHEMA ","
  "     \"stages\": {\"type\": \"object\", \"additionalProperties\": " COUNT_SCHEMA ","
  "                \"required\": [\"volunteer\", \"member\", \"cadre\"]},"
  "     \"statuses\": {\"type\": \"object\", \"additionalProperties\": " COUNT_SCHEMA ","
  "                  \"required\": [\"active\", \"inactive\", \"left\"]}}},"
  " \"meetings\": {\"type\": \"object\", \"additionalProperties\": " COUNT_SCHEMA ","
  "   \"required\": [\"meetings\", \"attendance\", \"walk_ins\", \"decisions\", \"action_items\","
  "                \"action_items_done\"]},"
  " \"notebook\": {\"type\": \"object\", \"additionalProperties\": false,"
  "   \"required\": [\"notes\", \"forces\", \"stances\", \"needs\", \"need_statuses\","
  "                \"contradictions\", \"legal_rules\"],"
  "   \"properties\": {\"notes\": " COUNT_SCHEMA ", \"forces\": " COUNT_SCHEMA ","
  "     \"needs\": " COUNT_SCHEMA ", \"contradictions\": " COUNT_SCHEMA ","
  "     \"legal_rules\": " COUNT_SCHEMA ","
  "     \"stances\": {\"type\": \"object\", \"additionalProperties\": " COUNT_SCHEMA ","
  "                 \"required\": [\"friend\", \"can-be-won\", \"opponent\", \"unknown\"]},"
  "     \"need_statuses\": {\"type\": \"object\", \"additionalProperties\": " COUNT_SCHEMA ","
  "                 \"required\": [\"heard\", \"investigating\", \"acting\", \"won\", \"dropped\"]}}},"
  " \"ledger\": {\"type\": \"object\", \"additionalProperties\": false,"
  "   \"required\": [\"entries\", \"drives\", \"goods_entries\", \"money\"],"
  "   \"properties\": {\"entries\": " COUNT_SCHEMA ", \"drives\": " COUNT_SCHEMA ","
  "     \"goods_entries\": {\"type\": \"object\", \"additionalProperties\": " COUNT_SCHEMA ","
  "                       \"required\": [\"received\", \"given-out\", \"spent\"]},"
  "     \"money\": {\"type\": \"array\", \"items\": {\"type\": \"object\","
  "       \"additionalProperties\": false,"
  "       \"required\": [\"currency\", \"direction\", \"amount\", \"entries\"],"
  "       \"properties\": {\"currency\": {\"$ref\": \"#/$defs/currency\"},"
  "         \"direction\": {\"enum\": [\"received\", \"given-out\", \"spent\"]},"
  "         \"amount\": {\"type\": \"integer\"}, \"entries\": " COUNT_SCHEMA "}}}}}}}";

static void
schema_summary (JsonBuilder *b)
{
  JsonNode *node = json_from_string (summary_schema, NULL);

  g_assert (node != NULL);
  json_builder_add_value (b, node);
}

static void
schema_if_then (JsonBuilder *b,
                const char  *if_json,
                const char  *then_json)
{
  g_autoptr(JsonNode) if_node = json_from_string (if_json, NULL);
  g_autoptr(JsonNode) then_node = json_from_string (then_json, NULL);

  g_assert (if_node != NULL && then_node != NULL);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "if");
  json_builder_add_value (b, g_steal_pointer (&if_node));
  json_builder_set_member_name (b, "then");
  json_builder_add_value (b, g_steal_pointer (&then_node));
  json_builder_end_object (b);
}

/**
 * _gw_exchange_dup_schema:
 *
 * Returns: (transfer full): the JSON Schema of the format, as installed in
 *   data/groundwork-exchange.schema.json (a test keeps the two the same).
 */
char *
_gw_exchange_dup_schema (void)
{
  static const GwExchangePrivacy levels[] = { GW_PRIVACY_FULL, GW_PRIVACY_NO_CONTACT };
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GString) all_tables = g_string_new (NULL);
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "$schema");
  json_builder_add_string_value (b, "https://json-schema.org/draft/2020-12/schema");
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, "Groundwork exchange file, version 1");
  json_builder_set_member_name (b, "description");
  json_builder_add_string_value (b, "Generated from src/core/gw-exchange.c; see help/C/exchange-format.page.");
  schema_type (b, "object", FALSE);
  json_builder_set_member_name (b, "additionalProperties");
  json_builder_add_boolean_value (b, FALSE);
  json_builder_set_member_name (b, "required");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, "format");
  json_builder_add_string_value (b, "version");
  json_builder_add_string_value (b, "exported");
  json_builder_add_string_value (b, "organization");
  json_builder_add_string_value (b, "privacy");
  json_builder_add_string_value (b, "areas");
  json_builder_end_array (b);

  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "const");
  json_builder_add_string_value (b, GW_EXCHANGE_FORMAT);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "version");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "const");
  json_builder_add_int_value (b, GW_EXCHANGE_VERSION);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "exported");
  schema_ref (b, "time", FALSE);
  json_builder_set_member_name (b, "organization");
  json_builder_begin_object (b);
  schema_type (b, "string", FALSE);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "privacy");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "enum");
  json_builder_begin_array (b);
  for (guint i = 0; privacy_names[i] != NULL; i++)
    json_builder_add_string_value (b, privacy_names[i]);
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "areas");
  json_builder_begin_object (b);
  schema_type (b, "array", FALSE);
  json_builder_set_member_name (b, "minItems");
  json_builder_add_int_value (b, 1);
  json_builder_set_member_name (b, "uniqueItems");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_set_member_name (b, "items");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "enum");
  json_builder_begin_array (b);
  for (guint i = 0; i < G_N_ELEMENTS (area_names); i++)
    json_builder_add_string_value (b, area_names[i].name);
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  for (guint t = 0; t < GW_N_TABLES; t++)
    {
      json_builder_set_member_name (b, gw_exchange_tables[t].name);
      json_builder_begin_object (b);
      schema_type (b, "array", FALSE);
      json_builder_end_object (b);
      g_string_append_printf (all_tables, "%s\"%s\": false", t > 0 ? ", " : "",
                              gw_exchange_tables[t].name);
    }
  json_builder_set_member_name (b, "counts");
  schema_ref (b, "summary", FALSE);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "allOf");
  json_builder_begin_array (b);
  {
    g_autofree char *then = g_strdup_printf ("{\"required\": [\"counts\"], \"properties\": {%s}}",
                                             all_tables->str);

    schema_if_then (b, "{\"properties\": {\"privacy\": {\"const\": \"counts\"}}}", then);
    schema_if_then (b, "{\"properties\": {\"privacy\": {\"enum\": [\"full\", \"no-contact\"]}}}",
                    "{\"properties\": {\"counts\": false}}");
  }
  for (guint a = 0; a < G_N_ELEMENTS (area_names); a++)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      g_autoptr(GString) forbidden = g_string_new (NULL);
      g_autofree char *listed = NULL;
      g_autofree char *not_listed = NULL;
      g_autofree char *required = NULL;
      g_autofree char *absent = NULL;

      for (guint t = 0; t < GW_N_TABLES; t++)
        if (gw_exchange_tables[t].area == area_names[a].area)
          {
            g_string_append_printf (names, "%s\"%s\"", names->len > 0 ? ", " : "",
                                    gw_exchange_tables[t].name);
            g_string_append_printf (forbidden, "%s\"%s\": false", forbidden->len > 0 ? ", " : "",
                                    gw_exchange_tables[t].name);
          }
      listed = g_strdup_printf ("{\"required\": [\"privacy\", \"areas\"], \"properties\": {"
                                "\"privacy\": {\"enum\": [\"full\", \"no-contact\"]},"
                                " \"areas\": {\"contains\": {\"const\": \"%s\"}}}}",
                                area_names[a].name);
      required = g_strdup_printf ("{\"required\": [%s]}", names->str);
      not_listed = g_strdup_printf ("{\"properties\": {\"areas\": {\"not\": {\"contains\": {\"const\": \"%s\"}}}}}",
                                    area_names[a].name);
      absent = g_strdup_printf ("{\"properties\": {%s}}", forbidden->str);
      schema_if_then (b, listed, required);
      schema_if_then (b, not_listed, absent);
    }
  for (guint l = 0; l < G_N_ELEMENTS (levels); l++)
    {
      g_autofree char *cond = g_strdup_printf ("{\"properties\": {\"privacy\": {\"const\": \"%s\"}}}",
                                               privacy_names[levels[l]]);
      g_autoptr(GString) then = g_string_new ("{\"properties\": {");

      for (guint t = 0; t < GW_N_TABLES; t++)
        g_string_append_printf (then, "%s\"%s\": {\"items\": {\"$ref\": \"#/$defs/%s-%s\"}}",
                                t > 0 ? ", " : "", gw_exchange_tables[t].name,
                                gw_exchange_tables[t].name, privacy_names[levels[l]]);
      g_string_append (then, "}}");
      schema_if_then (b, cond, then->str);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "$defs");
  json_builder_begin_object (b);
  schema_pattern_def (b, "uuid", UUID_PATTERN);
  schema_pattern_def (b, "date", DATE_PATTERN);
  schema_pattern_def (b, "time", TIME_PATTERN);
  schema_pattern_def (b, "currency", "^[A-Z]{3}$");
  json_builder_set_member_name (b, "summary");
  schema_summary (b);
  for (guint l = 0; l < G_N_ELEMENTS (levels); l++)
    for (guint t = 0; t < GW_N_TABLES; t++)
      {
        const GwTable *table = &gw_exchange_tables[t];
        g_autofree char *name = g_strdup_printf ("%s-%s", table->name, privacy_names[levels[l]]);

        json_builder_set_member_name (b, name);
        schema_object (b, table->fields, table->n_fields, table->links, table->n_links, levels[l]);
      }
  json_builder_end_object (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  return g_strconcat (text, "\n", NULL);
}
