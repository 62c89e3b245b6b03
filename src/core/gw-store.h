/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The schema version this build writes; stored in PRAGMA user_version. */
#define GW_SCHEMA_VERSION 6

#define GW_STORE_ERROR (gw_store_error_quark ())

typedef enum
{
  GW_STORE_ERROR_NOT_GROUNDWORK,
  GW_STORE_ERROR_CORRUPT,
  GW_STORE_ERROR_TOO_NEW,
  GW_STORE_ERROR_READ_ONLY,
  GW_STORE_ERROR_NOT_FOUND,
  GW_STORE_ERROR_INVALID,
  GW_STORE_ERROR_FAILED,
} GwStoreError;

#define GW_TYPE_STORE (gw_store_get_type ())
G_DECLARE_FINAL_TYPE (GwStore, gw_store, GW, STORE, GObject)

/* One version of the points of unity. */
typedef struct
{
  gint64  id;
  int     number;
  char   *text;
  char   *created;   /* ISO 8601 date-time, UTC */
} GwUnityVersion;

GQuark          gw_store_error_quark              (void);

GwStore        *gw_store_open                     (const char  *path,
                                                   GError     **error);
char           *gw_store_dup_default_path         (void);
gboolean        gw_store_ensure_private_dir       (const char  *dir,
                                                   GError     **error);
GwStore        *gw_store_open_reader              (GwStore     *self,
                                                   GError     **error);
const char     *gw_store_get_path                 (GwStore     *self);
gboolean        gw_store_is_read_only             (GwStore     *self);
int             gw_store_get_schema_version       (GwStore     *self);

char           *gw_store_dup_setting              (GwStore     *self,
                                                   const char  *key);
gboolean        gw_store_set_setting              (GwStore     *self,
                                                   const char  *key,
                                                   const char  *value,
                                                   GError     **error);
char           *gw_store_dup_organization_name    (GwStore     *self);
gboolean        gw_store_set_organization_name    (GwStore     *self,
                                                   const char  *name,
                                                   GError     **error);

GwUnityVersion *gw_store_dup_current_unity        (GwStore     *self);
GPtrArray      *gw_store_list_unity_versions      (GwStore     *self);
GwUnityVersion *gw_store_add_unity_version        (GwStore     *self,
                                                   const char  *text,
                                                   GError     **error);
void            gw_unity_version_free             (GwUnityVersion *version);

gboolean        gw_store_begin                    (GwStore     *self,
                                                   GError     **error);
gboolean        gw_store_commit                   (GwStore     *self,
                                                   GError     **error);
void            gw_store_rollback                 (GwStore     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwUnityVersion, gw_unity_version_free)

G_END_DECLS
