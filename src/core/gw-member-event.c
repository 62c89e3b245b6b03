/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gw-member-event.h"

G_DEFINE_BOXED_TYPE (GwMemberEvent, gw_member_event, gw_member_event_copy, gw_member_event_free)

/**
 * gw_member_event_copy:
 *
 * Returns: (transfer full): a copy of @event.
 */
GwMemberEvent *
gw_member_event_copy (const GwMemberEvent *event)
{
  GwMemberEvent *copy = g_new0 (GwMemberEvent, 1);

  *copy = *event;
  copy->uuid = g_strdup (event->uuid);
  copy->date = g_strdup (event->date);
  copy->approver = g_strdup (event->approver);
  copy->note = g_strdup (event->note);
  copy->created = g_strdup (event->created);

  return copy;
}

void
gw_member_event_free (GwMemberEvent *event)
{
  if (event == NULL)
    return;

  g_free (event->uuid);
  g_free (event->date);
  g_free (event->approver);
  g_free (event->note);
  g_free (event->created);
  g_free (event);
}
