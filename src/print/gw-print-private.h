/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-meeting.h"
#include "gw-print-table.h"

G_BEGIN_DECLS

typedef struct
{
  char               *title;
  GwPrintColumnFlags  flags;
  double              fraction;   /* of the table's width, or 0 to size by content */
} GwPrintColumn;

struct _GwPrintTable
{
  GwPrintTableStyle  style;
  GArray            *columns;     /* GwPrintColumn */
  GPtrArray         *rows;        /* char **, n_columns cells each */
  double             min_row_height;
};

char *_gw_print_meeting_summary (GwMeeting *meeting);

G_END_DECLS
