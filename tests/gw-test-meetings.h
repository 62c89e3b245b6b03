/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Short ways to hold meetings in the core tests. */

#include "gw-test-util.h"
#include "gw-meeting.h"
#include "gw-rotation.h"
#include "gw-store-meetings.h"

G_BEGIN_DECLS

/* The id of the kind of meeting at @index in the defaults: 0 general
 * meeting, 1 committee, 2 study session, 3 action, 4 distribution day. */
static inline gint64
gw_test_kind (GwStore *store,
              guint    index)
{
  g_autoptr(GPtrArray) kinds = gw_store_list_meeting_kinds (store);

  g_assert_cmpuint (kinds->len, >, index);
  return ((GwMeetingKind *) g_ptr_array_index (kinds, index))->id;
}

static inline gint64
gw_test_add_meeting (GwStore    *store,
                     guint       kind_index,
                     const char *date)
{
  g_autoptr(GwMeeting) draft = gw_meeting_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  gw_meeting_set_kind_id (draft, gw_test_kind (store, kind_index));
  gw_meeting_set_date (draft, date);
  id = gw_store_add_meeting (store, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static inline void
gw_test_check_in (GwStore *store,
                  gint64   meeting_id,
                  gint64   member_id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gw_store_check_in (store, meeting_id, member_id, &error));
  g_assert_no_error (error);
}

G_END_DECLS
