/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gw-store.h"

G_BEGIN_DECLS

/* Sharing between chapters: the JSON exchange format.
 *
 * A file starts with {"format": "groundwork-exchange", "version": 1, ...}
 * and holds, per area, records that carry their UUID. References between
 * records (recruiter, secretary, attendance, owners, contacts, ledger
 * parties) are UUIDs too, never row ids. data/groundwork-exchange.schema.json
 * describes it and help/C/exchange-format.page documents it. */

#define GW_EXCHANGE_FORMAT  "groundwork-exchange"
#define GW_EXCHANGE_VERSION 1
/* Guards applied before json-glib sees a byte (Debian 12's json-glib has
 * no nesting limit of its own). */
#define GW_EXCHANGE_MAX_BYTES ((gsize) 512 * 1024 * 1024)
#define GW_EXCHANGE_MAX_DEPTH 64

typedef enum /*< flags,prefix=GW_AREA >*/
{
  GW_AREA_MEMBERS  = 1 << 0,  /* people, their stage history, points of unity */
  GW_AREA_MEETINGS = 1 << 1,  /* meeting kinds, meetings, agenda, decisions, action items, attendance */
  GW_AREA_NOTEBOOK = 1 << 2,  /* field notes, forces, judgements, relations, needs, contradictions, legal rules */
  GW_AREA_LEDGER   = 1 << 3,  /* drives with goals, ledger entries */
} GwExchangeAreas;

#define GW_AREA_ALL (GW_AREA_MEMBERS | GW_AREA_MEETINGS | GW_AREA_NOTEBOOK | GW_AREA_LEDGER)

typedef enum /*< prefix=GW_PRIVACY >*/
{
  GW_PRIVACY_FULL,        /* everything */
  GW_PRIVACY_NO_CONTACT,  /* no phone, e-mail or notes about people (member notes, history notes,
                           * force contact names, ledger memos); people are still named */
  GW_PRIVACY_COUNTS,      /* an aggregate summary only: no person, no record, nothing importable */
} GwExchangePrivacy;

#define GW_EXCHANGE_ERROR (gw_exchange_error_quark ())

typedef enum /*< prefix=GW_EXCHANGE_ERROR >*/
{
  GW_EXCHANGE_ERROR_TOO_LARGE,    /* over GW_EXCHANGE_MAX_BYTES */
  GW_EXCHANGE_ERROR_NOT_UTF8,     /* names the byte offset */
  GW_EXCHANGE_ERROR_TOO_DEEP,     /* nested deeper than GW_EXCHANGE_MAX_DEPTH */
  GW_EXCHANGE_ERROR_SYNTAX,       /* not JSON, or truncated; names line and column */
  GW_EXCHANGE_ERROR_FORMAT,       /* JSON, but not a Groundwork exchange file */
  GW_EXCHANGE_ERROR_VERSION,      /* a version this build does not read */
  GW_EXCHANGE_ERROR_INVALID,      /* wrong type, missing field, bad value, dangling reference:
                                   * names the record and the field, e.g.
                                   * "members[12].stage: expected one of volunteer, member, cadre" */
  GW_EXCHANGE_ERROR_COUNTS_ONLY,  /* a counts-only summary holds nothing to import */
  GW_EXCHANGE_ERROR_CHANGED,      /* the database changed between preview and import */
} GwExchangeError;

GQuark gw_exchange_error_quark (void);

const char *gw_exchange_area_to_string     (GwExchangeAreas   area);   /* "members", ... (one flag) */
gboolean    gw_exchange_areas_from_string  (const char       *text,    /* "members,ledger" or "all" */
                                            GwExchangeAreas  *areas,
                                            GError          **error);
const char *gw_exchange_area_get_label     (GwExchangeAreas   area);   /* translated, one flag */
const char *gw_exchange_privacy_to_string  (GwExchangePrivacy privacy); /* "full", "no-contact", "counts" */
gboolean    gw_exchange_privacy_from_string (const char       *text,
                                             GwExchangePrivacy *privacy,
                                             GError          **error);

/* Called now and then with the share done, from the thread running the
 * call (the GUI runs these calls in a GTask and hops back to the main
 * loop itself). */
typedef void (*GwProgressFunc) (double   fraction,
                                gpointer user_data);

/* Writes @areas at @privacy to @path atomically (a temporary file renamed
 * over @path) with mode 0600. On error or cancellation @path is untouched
 * and no temporary file is left behind. Reads through @store only; safe to
 * call on a connection from gw_store_open_reader() in a worker thread. */
gboolean gw_exchange_export (GwStore           *store,
                             const char        *path,
                             GwExchangeAreas    areas,
                             GwExchangePrivacy  privacy,
                             GwProgressFunc     progress,
                             gpointer           user_data,
                             GCancellable      *cancellable,
                             GError           **error);

/* Import, in two steps: load (read, guard, parse, validate and compare with
 * the store: nothing is written), then apply (one transaction, all or
 * nothing).
 *
 * Merging is by UUID. For a record in both places whose content differs,
 * the side with the later "updated" time wins: when it is the file's, the
 * record counts as updated; when it is ours (or the times are equal), ours
 * is kept and the record is listed as a conflict. History lines, stance
 * judgements, contradiction changes, points-of-unity versions and ledger
 * entries are only ever appended: one already here is unchanged, one whose
 * UUID is here with other content is a conflict and is not overwritten. */

typedef struct
{
  guint added;
  guint updated;
  guint unchanged;
  guint conflicts;
} GwExchangeCounts;

typedef struct
{
  GwExchangeAreas  area;
  char            *uuid;
  char            *label;      /* what the user knows it by: a name, a title, a date and amount */
  char            *reason;     /* translated, e.g. "Changed here more recently (2026-11-02); kept ours" */
  char            *differs;    /* (nullable) what differs, e.g. "Phone, Pronouns" (a person's
                                * fields in words, others by their names in the format) */
  gboolean         ours_kept;
} GwExchangeConflict;

typedef struct _GwExchangeImport GwExchangeImport;

GwExchangeImport *gw_exchange_import_load        (GwStore           *store,
                                                  const char        *path,
                                                  GwProgressFunc     progress,
                                                  gpointer           user_data,
                                                  GCancellable      *cancellable,
                                                  GError           **error);
/* The same, for bytes already in memory (used by the fuzz harness). */
GwExchangeImport *gw_exchange_import_load_data   (GwStore           *store,
                                                  const char        *data,
                                                  gsize              length,
                                                  GwProgressFunc     progress,
                                                  gpointer           user_data,
                                                  GCancellable      *cancellable,
                                                  GError           **error);
GwExchangeAreas   gw_exchange_import_get_areas   (GwExchangeImport  *self);
GwExchangePrivacy gw_exchange_import_get_privacy (GwExchangeImport  *self);
const char       *gw_exchange_import_get_organization (GwExchangeImport *self); /* nullable */
const char       *gw_exchange_import_get_exported (GwExchangeImport *self);   /* ISO 8601 time */
void              gw_exchange_import_get_counts  (GwExchangeImport  *self,
                                                  GwExchangeAreas    area,  /* one flag */
                                                  GwExchangeCounts  *counts);
GPtrArray        *gw_exchange_import_get_conflicts (GwExchangeImport *self); /* (element-type GwExchangeConflict) (transfer none) */
gboolean          gw_exchange_import_has_changes (GwExchangeImport  *self); /* anything added or updated */
/* Applies what load planned, in one transaction; emits the store's
 * *-changed signals (with 0) on commit. Fails with
 * GW_EXCHANGE_ERROR_CHANGED, changing nothing, if the store changed since
 * load. When it fails or is cancelled, nothing is written and the counts and
 * conflicts are the preview's again, so it can be called again; after it
 * succeeds, the counts are what was done, and it cannot. */
gboolean          gw_exchange_import_apply       (GwExchangeImport  *self,
                                                  GwProgressFunc     progress,
                                                  gpointer           user_data,
                                                  GCancellable      *cancellable,
                                                  GError           **error);
void              gw_exchange_import_free        (GwExchangeImport  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwExchangeImport, gw_exchange_import_free)

G_END_DECLS
