/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-member.h"

G_BEGIN_DECLS

struct _GwMember
{
  GObject   parent_instance;

  gint64    id;
  char     *uuid;
  char     *full_name;
  char     *community_name;
  char     *pronouns;
  char     *phone;
  char     *email;
  char     *neighbourhood;
  char    **languages;
  char     *skills;
  char     *notes;
  char    **tags;
  char     *joined;
  gint64    recruited_by;
  char     *recruited_by_name;
  GwStage   stage;
  GwStatus  status;
  char     *last_change;
  char     *created;
  char     *updated;
};

char *_gw_member_join_list (const char * const *items);

G_END_DECLS
