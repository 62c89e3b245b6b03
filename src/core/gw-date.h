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

G_END_DECLS
