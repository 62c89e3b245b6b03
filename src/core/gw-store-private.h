/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "gw-store.h"

G_BEGIN_DECLS

sqlite3      *_gw_store_get_db             (GwStore      *self);
sqlite3_stmt *_gw_store_prepare            (GwStore      *self,
                                            const char   *sql,
                                            GError      **error);
gboolean      _gw_store_exec               (GwStore      *self,
                                            const char   *sql,
                                            GError      **error);
gboolean      _gw_store_step_done          (GwStore      *self,
                                            sqlite3_stmt *stmt,
                                            GError      **error);
void          _gw_store_set_error          (GwStore      *self,
                                            GError      **error);
gboolean      _gw_store_check_not_own_file (GwStore      *self,
                                            const char   *path,
                                            GError      **error);
gboolean      _gw_store_check_writable     (GwStore      *self,
                                            GError      **error);
void          _gw_store_member_changed     (GwStore      *self,
                                            gint64        member_id);
void          _gw_store_meeting_changed    (GwStore      *self,
                                            gint64        meeting_id);
void          _gw_store_ledger_changed     (GwStore      *self,
                                            gint64        id);
void          _gw_store_notebook_changed   (GwStore      *self,
                                            const char   *what,
                                            gint64        id);
/* Connection settings for one long transaction of many statements (an
 * import, the demo chapter); see _gw_store_begin_bulk(). */
typedef struct
{
  sqlite3   *db;
  int        cache_size;
  int        temp_store;
  gboolean   tuned;
  /* What _gw_store_bulk_table() took away, to put back: CREATE
   * statements, then full-text inserts of the rows added meanwhile. */
  GPtrArray *restore;
} GwStoreBulk;

void          _gw_store_begin_bulk         (GwStore      *self,
                                            GwStoreBulk  *bulk);
gboolean      _gw_store_bulk_table         (GwStore      *self,
                                            GwStoreBulk  *bulk,
                                            const char   *table,
                                            gint64        adding,
                                            GError      **error);
gboolean      _gw_store_bulk_restore       (GwStore      *self,
                                            GwStoreBulk  *bulk,
                                            GError      **error);
void          _gw_store_end_bulk           (GwStoreBulk  *bulk);
/* For tests: the fewest rows for which _gw_store_bulk_table() drops
 * indexes (0 for always; a negative number for the default). */
void          _gw_store_set_bulk_threshold (gint64        rows);
void          _gw_store_bind_text          (sqlite3_stmt *stmt,
                                            int           index,
                                            const char   *text);
char         *_gw_store_column_dup         (sqlite3_stmt *stmt,
                                            int           column);

G_END_DECLS

G_BEGIN_DECLS

#include "gw-member.h"
#include "gw-member-event.h"

gboolean      _gw_store_record_event       (GwStore      *self,
                                            gint64        member_id,
                                            GwEventKind   kind,
                                            int           from_value,
                                            int           to_value,
                                            const char   *date,
                                            const char   *approver,
                                            const char   *note,
                                            gint64        unity_version_id,
                                            GError      **error);
gint64        _gw_store_insert_member      (GwStore      *self,
                                            GwMember     *draft,
                                            const char   *approver,
                                            GError      **error);
gboolean      _gw_store_get_stage_status   (GwStore      *self,
                                            gint64        member_id,
                                            int          *stage,
                                            int          *status,
                                            char        **full_name,
                                            GError      **error);

G_END_DECLS
