/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-meeting.h"
#include "gw-print-document.h"
#include "gw-store.h"

G_BEGIN_DECLS

typedef enum
{
  GW_PRINT_SIGN_IN_DEFAULT   = 0,
  /* No names, only numbered rows: for a meeting nobody is expected at in
   * particular, or a spare sheet. */
  GW_PRINT_SIGN_IN_BLANK     = 1 << 0,
  /* A column for the languages people speak. */
  GW_PRINT_SIGN_IN_LANGUAGES = 1 << 1,
} GwPrintSignInFlags;

GwPrintDocument *gw_print_sign_in_new (GwStore            *store,
                                       GwMeeting          *meeting,
                                       GPtrArray          *expected,
                                       guint               n_walk_in_rows,
                                       GwPrintSignInFlags  flags);

G_END_DECLS
