/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "gw-exchange.h"
#include "gw-store-private.h"

G_BEGIN_DECLS

/* The exchange format is described once, as tables of fields, and export,
 * import, comparison and the JSON Schema are all driven by that
 * description, so that they cannot drift apart. */

typedef enum
{
  GW_FIELD_UUID,         /* the record's own UUID */
  GW_FIELD_TEXT,         /* NOT NULL text: a string */
  GW_FIELD_TEXT_NULL,    /* nullable text: a string or null */
  GW_FIELD_INT,          /* an integer between min and max */
  GW_FIELD_INT_NULL,     /* the same, or null */
  GW_FIELD_BOOL,         /* 0/1: false/true */
  GW_FIELD_ENUM,         /* an integer stored, one of names[] in the file */
  GW_FIELD_ENUM_NULL,    /* the same, or null (stored NULL, or -1 with GW_FIELD_MINUS_ONE) */
  GW_FIELD_DATE,         /* YYYY-MM-DD */
  GW_FIELD_DATE_NULL,
  GW_FIELD_TIME,         /* YYYY-MM-DDTHH:MM:SSZ */
  GW_FIELD_REF,          /* a row id stored, the target's UUID in the file */
  GW_FIELD_REF_NULL,
  GW_FIELD_LIST,         /* ", "-joined text stored, an array of strings in the file */
  GW_FIELD_UNITY,        /* a unity_versions id stored, its number (or null) in the file */
  GW_FIELD_DERIVED,      /* not in the file: worked out from another field */
} GwFieldType;

enum
{
  GW_FIELD_PRIVATE    = 1 << 0,  /* left out at GW_PRIVACY_NO_CONTACT */
  GW_FIELD_NONEMPTY   = 1 << 1,  /* text that must not be blank */
  GW_FIELD_MINUS_ONE  = 1 << 2,  /* ENUM_NULL stored as -1 rather than NULL */
  GW_FIELD_EVENT      = 1 << 3,  /* a history line's from/to: a stage or a status by kind */
  GW_FIELD_CURRENCY   = 1 << 4,  /* three capital letters */
  GW_FIELD_CLOCK      = 1 << 5,  /* empty, or a time of day HH:MM */
  GW_FIELD_EMAIL      = 1 << 6,  /* empty, or something with an "@" and no space */
};

typedef struct
{
  const char         *name;      /* in the file */
  const char         *column;    /* in the table */
  GwFieldType         type;
  guint               flags;
  const char * const *names;     /* ENUM */
  int                 target;    /* REF: a GwTableId */
  gint64              min;       /* INT */
  gint64              max;
  /* LIST: the side table kept beside the joined text, "(value, parent id)" */
  const char         *side_insert;
  const char         *side_delete;
  /* DERIVED: from the field named @source */
  const char         *source;
  char             *(*derive) (const char *text);
} GwField;

/* A list inside a record, stored in a table of its own without UUIDs
 * (a need's forces, a note's links, a drive's goals). */
typedef struct
{
  const char      *name;          /* in the file */
  const char      *table;
  const char      *parent_column;
  const char      *position;      /* column numbering the items, or NULL */
  const char      *order;         /* ORDER BY for export */
  const GwField   *fields;
  guint            n_fields;
  gboolean         scalar;        /* items are the one field's value, not objects */
  guint            flags;         /* GW_FIELD_PRIVATE */
} GwLink;

typedef enum
{
  GW_TABLE_UNITY_VERSIONS,
  GW_TABLE_MEMBERS,
  GW_TABLE_MEMBER_EVENTS,
  GW_TABLE_MEETING_KINDS,
  GW_TABLE_MEETINGS,
  GW_TABLE_AGENDA_ITEMS,
  GW_TABLE_DECISIONS,
  GW_TABLE_ACTION_ITEMS,
  GW_TABLE_ATTENDANCE,
  GW_TABLE_FORCE_KINDS,
  GW_TABLE_FORCES,
  GW_TABLE_STANCE_JUDGEMENTS,
  GW_TABLE_FORCE_RELATIONS,
  GW_TABLE_NEEDS,
  GW_TABLE_LEGAL_RULES,
  GW_TABLE_NOTES,
  GW_TABLE_CONTRADICTIONS,
  GW_TABLE_CONTRADICTION_CHANGES,
  GW_TABLE_DRIVES,
  GW_TABLE_LEDGER_ENTRIES,
  GW_N_TABLES
} GwTableId;

typedef struct
{
  const char      *name;           /* the JSON array and the SQL table */
  GwExchangeAreas  area;
  const GwField   *fields;
  guint            n_fields;
  const GwLink    *links;
  guint            n_links;
  gboolean         has_id;         /* an INTEGER PRIMARY KEY id */
  gboolean         has_deleted;    /* soft deletion */
  gboolean         append_only;    /* never changed once written */
  const char      *order;          /* ORDER BY for export */
  const char      *label;          /* the field people know a record by */
  /* Another way to find the same record here when its UUID differs (a
   * built-in kind, a drive's name, a version's number): SQL returning our
   * UUID, bound with the values of @match_fields in order. */
  const char      *match_sql;
  const char      *match_fields[2];
  /* When set, SQL bound with our id that returns a row while anything
   * uses the record: an unused match takes the file's UUID. */
  const char      *used_sql;
} GwTable;

extern const GwTable gw_exchange_tables[GW_N_TABLES];

extern const char * const gw_exchange_stage_names[];
extern const char * const gw_exchange_status_names[];

/* The JSON writer shared by export and comparison. */
void _gw_json_string (GString    *out,
                      const char *text);

/* Writes record values in the order of @fields from a statement row
 * (export, ours) or from a parsed object (theirs). */
gboolean _gw_exchange_field_visible   (const GwField     *field,
                                       GwExchangePrivacy  privacy);
gboolean _gw_exchange_link_visible    (const GwLink      *link,
                                       GwExchangePrivacy  privacy);
char    *_gw_exchange_select_sql      (const GwTable     *table,
                                       GwExchangePrivacy  privacy,
                                       const char        *where);
char    *_gw_exchange_link_select_sql (const GwLink      *link);
void     _gw_exchange_write_row       (GwStore           *store,
                                       const GwTable     *table,
                                       sqlite3_stmt      *stmt,
                                       GwExchangePrivacy  privacy,
                                       gboolean           compare,
                                       GString           *out);

gboolean _gw_exchange_time_is_valid   (const char        *text);

/* For the tests: lowers the size guard; 0 restores GW_EXCHANGE_MAX_BYTES. */
void     _gw_exchange_set_max_bytes   (gsize              max_bytes);

/* The JSON Schema of the format, written from the tables above. */
char    *_gw_exchange_dup_schema      (void);

G_END_DECLS
