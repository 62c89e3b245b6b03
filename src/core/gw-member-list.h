/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gw-store.h"
#include "gw-member.h"

G_BEGIN_DECLS

typedef enum
{
  GW_MEMBER_SORT_NAME,
  GW_MEMBER_SORT_STAGE,
  GW_MEMBER_SORT_PHONE,
  GW_MEMBER_SORT_NEIGHBOURHOOD,
  GW_MEMBER_SORT_LANGUAGES,
  GW_MEMBER_SORT_JOINED,
  GW_MEMBER_SORT_LAST_CHANGE,
} GwMemberSort;

#define GW_N_MEMBER_SORTS 7

#define GW_TYPE_MEMBER_LIST (gw_member_list_get_type ())
G_DECLARE_FINAL_TYPE (GwMemberList, gw_member_list, GW, MEMBER_LIST, GObject)

/* A GListModel of GwMember that is a window over a query: the filtering and
 * sorting happen in SQLite, and a GwMember is built only when asked for. */
GwMemberList *gw_member_list_new                 (GwStore      *store);
GwStore      *gw_member_list_get_store           (GwMemberList *self);
void          gw_member_list_set_search          (GwMemberList *self,
                                                  const char   *text);
const char   *gw_member_list_get_search          (GwMemberList *self);
void          gw_member_list_set_stage_filter    (GwMemberList *self,
                                                  int           stage);
void          gw_member_list_set_status_filter   (GwMemberList *self,
                                                  int           status);
void          gw_member_list_set_tag_filter      (GwMemberList *self,
                                                  const char   *tag);
void          gw_member_list_set_language_filter (GwMemberList *self,
                                                  const char   *language);
void          gw_member_list_set_sort            (GwMemberList *self,
                                                  GwMemberSort  sort,
                                                  gboolean      descending);
guint         gw_member_list_get_total           (GwMemberList *self);
int           gw_member_list_find                (GwMemberList *self,
                                                  gint64        member_id);
gint64        gw_member_list_get_id              (GwMemberList *self,
                                                  guint         position);
void          gw_member_list_refresh             (GwMemberList *self);

G_END_DECLS
