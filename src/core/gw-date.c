/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "gw-date.h"

static gboolean
parse_iso (const char *iso_date,
           GDate      *date)
{
  unsigned int y, m, d;
  char tail;

  if (iso_date == NULL || strlen (iso_date) != 10)
    return FALSE;

  if (sscanf (iso_date, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3)
    return FALSE;

  if (iso_date[4] != '-' || iso_date[7] != '-')
    return FALSE;

  if (y < 1900 || y > 9999 || !g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static char *
format_iso (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

/**
 * gw_date_is_valid:
 *
 * Whether @iso_date is a real calendar date written YYYY-MM-DD.
 */
gboolean
gw_date_is_valid (const char *iso_date)
{
  GDate date;

  return parse_iso (iso_date, &date);
}

/**
 * gw_date_today:
 *
 * Returns: (transfer full): today's local date as YYYY-MM-DD.
 */
char *
gw_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * gw_date_now_utc:
 *
 * Returns: (transfer full): the current time in UTC, ISO 8601.
 */
char *
gw_date_now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * gw_date_format:
 *
 * Returns: (transfer full): @iso_date written the way the user's locale
 *   writes dates, or an empty string for no date.
 */
char *
gw_date_format (const char *iso_date)
{
  GDate date;
  char buf[128];

  if (!parse_iso (iso_date, &date))
    return g_strdup (iso_date ? iso_date : "");

  if (g_date_strftime (buf, sizeof buf, "%x", &date) == 0)
    return format_iso (&date);

  return g_strdup (buf);
}

/**
 * gw_date_format_time:
 * @iso_time: (nullable): a time in ISO 8601, as stored ("…T…Z")
 *
 * Returns: (transfer full): @iso_time in local time, written the way the
 *   user's locale writes dates, with the hour; @iso_time itself when it
 *   cannot be read, or an empty string for no time.
 */
char *
gw_date_format_time (const char *iso_time)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso_time == NULL)
    return g_strdup ("");

  when = g_date_time_new_from_iso8601 (iso_time, NULL);
  if (when == NULL)
    return g_strdup (iso_time);

  local = g_date_time_to_local (when);
  /* Translators: a date and time, see g_date_time_format(). */
  return g_date_time_format (local, _("%x at %H:%M"));
}

/**
 * gw_date_parse_user:
 *
 * Reads a date typed by a person: YYYY-MM-DD, or the locale's own way of
 * writing dates.
 *
 * Returns: (transfer full) (nullable): the date as YYYY-MM-DD, or %NULL
 *   when @text is not a real date.
 */
char *
gw_date_parse_user (const char *text)
{
  g_autofree char *stripped = NULL;
  GDate date;

  if (text == NULL)
    return NULL;

  stripped = g_strstrip (g_strdup (text));

  if (parse_iso (stripped, &date))
    return format_iso (&date);

  /* Only accept locale formats that carry a year, so that "3/4" is not
   * silently placed in some year. */
  if (strlen (stripped) < 6)
    return NULL;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, stripped);
  if (!g_date_valid (&date) || g_date_get_year (&date) < 1900)
    return NULL;

  return format_iso (&date);
}

/**
 * gw_date_add_days:
 *
 * Returns: (transfer full) (nullable): @iso_date moved by @days.
 */
char *
gw_date_add_days (const char *iso_date,
                  int         days)
{
  GDate date;

  if (!parse_iso (iso_date, &date))
    return NULL;

  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);

  return format_iso (&date);
}
