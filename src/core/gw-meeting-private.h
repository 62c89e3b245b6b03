/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-meeting.h"

G_BEGIN_DECLS

struct _GwMeeting
{
  GObject   parent_instance;

  gint64    id;
  char     *uuid;
  gint64    kind_id;
  char     *kind_label;
  gboolean  is_study;
  char     *title;
  char     *date;
  char     *time;
  char     *place;
  char     *minutes;
  gint64    secretary_id;
  char     *secretary_name;
  guint     n_attending;
  char     *created;
  char     *updated;
};

G_END_DECLS
