/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  GW_EVENT_JOINED,
  GW_EVENT_STAGE,
  GW_EVENT_STATUS,
  GW_EVENT_AGREEMENT,
} GwEventKind;

/* One line of a member's history. History is append-only: the store
 * refuses to change or remove a line while the member exists. */
typedef struct
{
  gint64       id;
  char        *uuid;
  GwEventKind  kind;
  int          from_value;     /* GwStage or GwStatus; -1 when none */
  int          to_value;       /* GwStage or GwStatus; -1 when none */
  char        *date;           /* ISO 8601 date */
  char        *approver;
  char        *note;
  int          unity_number;   /* points-of-unity version agreed to; 0 when none */
  char        *created;
} GwMemberEvent;

#define GW_TYPE_MEMBER_EVENT (gw_member_event_get_type ())

GType          gw_member_event_get_type (void) G_GNUC_CONST;
GwMemberEvent *gw_member_event_copy     (const GwMemberEvent *event);
void           gw_member_event_free     (GwMemberEvent       *event);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwMemberEvent, gw_member_event_free)

G_END_DECLS
