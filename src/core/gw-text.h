/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char  *gw_text_fold            (const char *text);
char  *gw_text_phone_digits    (const char *phone);
char  *gw_text_email_key       (const char *email);
guint  gw_text_distance        (const char *a,
                                const char *b,
                                guint       max);
guint  gw_text_name_slips      (const char *folded);
char  *gw_text_fts_query       (const char *search);
char  *gw_text_uuid            (void);
guint  gw_text_count_words     (const char *text);
gboolean gw_text_is_clock_time  (const char *text);
gboolean gw_text_looks_like_email (const char *text);

G_END_DECLS
