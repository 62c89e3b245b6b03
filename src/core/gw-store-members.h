/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-store.h"
#include "gw-member.h"
#include "gw-member-event.h"

G_BEGIN_DECLS

/* The roster's records in a GwStore. Every change emits GwStore::members-changed
 * with the member's id (0 when many members changed at once). */

gint64      gw_store_add_member          (GwStore     *self,
                                          GwMember    *draft,
                                          const char  *approver,
                                          GError     **error);
gboolean    gw_store_update_member       (GwStore     *self,
                                          GwMember    *member,
                                          GError     **error);
GwMember   *gw_store_load_member         (GwStore     *self,
                                          gint64       id,
                                          GError     **error);
gboolean    gw_store_delete_member       (GwStore     *self,
                                          gint64       id,
                                          GError     **error);
gboolean    gw_store_restore_member      (GwStore     *self,
                                          gint64       id,
                                          GError     **error);
gboolean    gw_store_purge_deleted       (GwStore     *self,
                                          GError     **error);
guint       gw_store_count_members       (GwStore     *self);
GPtrArray  *gw_store_find_duplicates     (GwStore     *self,
                                          GwMember    *draft);
GPtrArray  *gw_store_search_member_names (GwStore     *self,
                                          const char  *text,
                                          guint        limit);
char      **gw_store_list_tags           (GwStore     *self);
char      **gw_store_list_languages      (GwStore     *self);
GPtrArray  *gw_store_list_history        (GwStore     *self,
                                          gint64       member_id);

G_END_DECLS
