/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-member-list.h"
#include "gw-print-document.h"

G_BEGIN_DECLS

/* The roster's columns, one bit per GwMemberSort. */
typedef enum
{
  GW_PRINT_ROSTER_NAME          = 1 << GW_MEMBER_SORT_NAME,
  GW_PRINT_ROSTER_STAGE         = 1 << GW_MEMBER_SORT_STAGE,
  GW_PRINT_ROSTER_PHONE         = 1 << GW_MEMBER_SORT_PHONE,
  GW_PRINT_ROSTER_NEIGHBOURHOOD = 1 << GW_MEMBER_SORT_NEIGHBOURHOOD,
  GW_PRINT_ROSTER_LANGUAGES     = 1 << GW_MEMBER_SORT_LANGUAGES,
  GW_PRINT_ROSTER_JOINED        = 1 << GW_MEMBER_SORT_JOINED,
  GW_PRINT_ROSTER_LAST_CHANGE   = 1 << GW_MEMBER_SORT_LAST_CHANGE,
  GW_PRINT_ROSTER_ALL           = (1 << GW_N_MEMBER_SORTS) - 1,
} GwPrintRosterColumns;

#define GW_PRINT_ROSTER_COLUMN(sort) ((GwPrintRosterColumns) (1 << (sort)))

GwPrintDocument *gw_print_roster_new (GwMemberList         *list,
                                      GwPrintRosterColumns  columns,
                                      const char           *description);

G_END_DECLS
