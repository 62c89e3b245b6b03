/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  gw_date_is_valid        (const char *iso_date);
char     *gw_date_today           (void);
char     *gw_date_now_utc         (void);
char     *gw_date_format          (const char *iso_date);
char     *gw_date_format_time     (const char *iso_time);
char     *gw_date_parse_user      (const char *text);
char     *gw_date_add_days        (const char *iso_date,
                                   int         days);

/* A date as a spreadsheet holds it, read the same whatever the locale of
 * this computer: see gw_date_scan_written(). */
typedef struct
{
  guint    year;
  guint    day;
  guint    month;
  /* The day and the month were two numbers before the year ("01/05/2024"):
   * @day is the first of them and @month the second, but the file may
   * mean them the other way round. */
  gboolean either_order;
} GwWrittenDate;

gboolean  gw_date_scan_written     (const char    *text,
                                    GwWrittenDate *date);
gboolean  gw_date_dmy_is_valid     (guint          day,
                                    guint          month,
                                    guint          year);
char     *gw_date_dmy_to_iso       (guint          day,
                                    guint          month,
                                    guint          year);
char     *gw_date_format_day_month (guint          day,
                                    guint          month);

G_END_DECLS
