/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "gw-date.h"
#include "gw-text.h"

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

/* Dates in spreadsheets.
 *
 * A spreadsheet's dates are written the way whoever made it writes them,
 * not the way this computer's locale does, so g_date_set_parse() is no
 * help: it reads "1/5/2024" as 1 May or 5 January depending on where the
 * program runs, and knows month names in the locale's language only. What
 * is read here is read the same on every computer; which of day and month
 * comes first in "01/05/2024" is for the caller to decide, from the whole
 * column. */

/* A two-digit year below this is in the 2000s, from it in the 1900s. */
#define TWO_DIGIT_YEAR_PIVOT 70

static const struct
{
  const char *name;
  guint       month;
} month_names[] = {
  /* English, and its usual abbreviations. */
  { "january", 1 }, { "jan", 1 },
  { "february", 2 }, { "feb", 2 },
  { "march", 3 }, { "mar", 3 },
  { "april", 4 }, { "apr", 4 },
  { "may", 5 },
  { "june", 6 }, { "jun", 6 },
  { "july", 7 }, { "jul", 7 },
  { "august", 8 }, { "aug", 8 },
  { "september", 9 }, { "sep", 9 }, { "sept", 9 },
  { "october", 10 }, { "oct", 10 },
  { "november", 11 }, { "nov", 11 },
  { "december", 12 }, { "dec", 12 },
  /* Spanish, folded (no capitals or accents). "Setiembre" and "set" are
   * used in parts of Latin America. */
  { "enero", 1 }, { "ene", 1 },
  { "febrero", 2 },
  { "marzo", 3 },
  { "abril", 4 }, { "abr", 4 },
  { "mayo", 5 },
  { "junio", 6 },
  { "julio", 7 },
  { "agosto", 8 }, { "ago", 8 },
  { "septiembre", 9 }, { "setiembre", 9 }, { "set", 9 },
  { "octubre", 10 },
  { "noviembre", 11 },
  { "diciembre", 12 }, { "dic", 12 },
};

/* Words a long date may have besides the month: the day of the week, as
 * in Google Sheets' "Friday, January 5, 2024" or "viernes, 5 de enero de
 * 2024", and the words between the parts. "Mar" is March, not "martes". */
static const char * const other_words[] = {
  "monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday", "thu", "thur",
  "thurs", "friday", "fri", "saturday", "sat", "sunday", "sun",
  "lunes", "lun", "martes", "miercoles", "mie", "jueves", "jue", "viernes", "vie", "sabado",
  "sab", "domingo", "dom",
  "de", "del", "of", "the",
};

/* What may follow a day's number directly: "5th", "1º" (folded to "1o"). */
static const char * const ordinal_suffixes[] = { "st", "nd", "rd", "th", "o" };

static gboolean
is_word_in (const char         *word,
            gsize               length,
            const char * const *words,
            gsize               n_words)
{
  for (gsize i = 0; i < n_words; i++)
    if (strlen (words[i]) == length && strncmp (word, words[i], length) == 0)
      return TRUE;
  return FALSE;
}

static guint
find_month (const char *word,
            gsize       length)
{
  for (gsize i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (strlen (month_names[i].name) == length && strncmp (word, month_names[i].name, length) == 0)
      return month_names[i].month;
  return 0;
}

static guint
full_year (guint value,
           guint n_digits)
{
  if (n_digits == 2)
    return value < TWO_DIGIT_YEAR_PIVOT ? 2000 + value : 1900 + value;
  return value;
}

/* Reads at most four digits at *@p; returns how many there were, 0 when
 * none or too many. */
static guint
scan_number (const char **p,
             guint       *value)
{
  guint n_digits = 0;

  *value = 0;
  while (g_ascii_isdigit (**p))
    {
      if (++n_digits > 4)
        return 0;
      *value = *value * 10 + (guint) (**p - '0');
      (*p)++;
    }

  return n_digits;
}

/* Whether @start to @end is a time of day: H:MM, H:MM:SS or H:MM:SS.fff. */
static gboolean
is_time (const char *start,
         const char *end)
{
  const char *p = start;
  guint value, n_digits;

  n_digits = scan_number (&p, &value);
  if (n_digits == 0 || n_digits > 2 || value > 24)
    return FALSE;

  for (guint part = 0; part < 2 && p < end && *p == ':'; part++)
    {
      p++;
      if (scan_number (&p, &value) != 2 || value > 59 + part)
        return FALSE;
    }
  if (p == start + n_digits)
    return FALSE;

  if (p < end && (*p == '.' || *p == ','))
    {
      p++;
      if (p == end || scan_number (&p, &value) == 0)
        return FALSE;
    }

  return p == end;
}

/* Cuts a time of day off the end of @text ("01/05/2024 00:00", "1/5/2024
 * 12:00:00 AM"), which a spreadsheet adds to a date kept with its hour.
 * The hour says nothing about the day. */
static void
cut_time (char *text)
{
  static const char * const markers[] = { "a. m.", "p. m.", "a.m.", "p.m.", "am", "pm" };
  char *end = text + strlen (text);
  char *start;

  for (gsize i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      gsize length = strlen (markers[i]);

      if ((gsize) (end - text) > length &&
          g_ascii_strncasecmp (end - length, markers[i], length) == 0)
        {
          end -= length;
          while (end > text && end[-1] == ' ')
            end--;
          break;
        }
    }

  start = end;
  while (start > text && (g_ascii_isdigit (start[-1]) || start[-1] == ':' || start[-1] == '.' ||
                          start[-1] == ','))
    start--;
  if (start == text || start[-1] != ' ' || !is_time (start, end))
    return;

  while (start > text && start[-1] == ' ')
    start--;
  *start = '\0';
}

/* Three numbers with the same separator between them: "2024-01-05",
 * "2024/1/5" (the year first, then the month), "01/05/2024", "1.5.24",
 * "1-5-2024" (the day and the month in either order, then the year). */
static gboolean
scan_numeric (const char    *text,
              GwWrittenDate *date)
{
  const char *p = text;
  guint values[3], n_digits[3];
  char separator = '\0';

  for (guint i = 0; i < 3; i++)
    {
      n_digits[i] = scan_number (&p, &values[i]);
      if (n_digits[i] == 0)
        return FALSE;
      if (i == 2)
        break;
      if (*p != '/' && *p != '.' && *p != '-')
        return FALSE;
      if (separator != '\0' && *p != separator)
        return FALSE;
      separator = *p++;
    }
  if (*p != '\0')
    return FALSE;

  if (n_digits[0] == 4)
    {
      if (n_digits[1] > 2 || n_digits[2] > 2)
        return FALSE;
      date->year = values[0];
      date->month = values[1];
      date->day = values[2];
      date->either_order = FALSE;
      return TRUE;
    }

  if (n_digits[0] > 2 || n_digits[1] > 2 || (n_digits[2] != 2 && n_digits[2] != 4))
    return FALSE;
  date->day = values[0];
  date->month = values[1];
  date->year = full_year (values[2], n_digits[2]);
  date->either_order = TRUE;
  return TRUE;
}

/* A date with the month's name, in English or Spanish: "Jan 5 2024",
 * "5-Jan-2024", "January 5, 2024", "5 de enero de 2024", "Friday,
 * January 5th, 2024", "2024 Jan 05". The first number is the day unless
 * it has four digits, then it is the year. */
static gboolean
scan_with_month_name (const char    *text,
                      GwWrittenDate *date)
{
  g_autofree char *folded = gw_text_fold (text);
  guint numbers[2], n_digits[2];
  guint n_numbers = 0, month = 0;
  const char *p = folded;
  gboolean after_number = FALSE;

  while (*p != '\0')
    {
      if (g_ascii_isdigit (*p))
        {
          guint value, n;

          if (n_numbers == 2 || (n = scan_number (&p, &value)) == 0)
            return FALSE;
          numbers[n_numbers] = value;
          n_digits[n_numbers] = n;
          n_numbers++;
          after_number = TRUE;
        }
      else if (g_ascii_islower (*p))
        {
          const char *word = p;
          gsize length;
          guint word_month;

          while (g_ascii_islower (*p))
            p++;
          length = p - word;

          if ((word_month = find_month (word, length)) != 0)
            {
              if (month != 0)
                return FALSE;
              month = word_month;
            }
          else if (!(after_number && is_word_in (word, length, ordinal_suffixes,
                                                 G_N_ELEMENTS (ordinal_suffixes))) &&
                   !is_word_in (word, length, other_words, G_N_ELEMENTS (other_words)))
            return FALSE;
          after_number = FALSE;
        }
      else if (strchr (" ,.-/", *p) != NULL)
        {
          p++;
          after_number = FALSE;
        }
      else
        return FALSE;
    }

  if (month == 0 || n_numbers != 2)
    return FALSE;

  if (n_digits[0] == 4 && n_digits[1] <= 2)
    {
      date->year = numbers[0];
      date->day = numbers[1];
    }
  else if (n_digits[0] <= 2 && (n_digits[1] == 2 || n_digits[1] == 4))
    {
      date->day = numbers[0];
      date->year = full_year (numbers[1], n_digits[1]);
    }
  else
    return FALSE;

  date->month = month;
  date->either_order = FALSE;
  return TRUE;
}

/**
 * gw_date_scan_written:
 * @text: a date as a spreadsheet holds it
 * @date: (out caller-allocates): where to put its parts
 *
 * Reads a date the same way on every computer, whatever its locale:
 * YYYY-MM-DD and other dates with the year first; three numbers
 * separated by "/", "." or "-" with the year last, whose day and month
 * may be either way round (@date's either_order); or a date with the
 * month's name or abbreviation in English or Spanish, in any case and
 * with or without accents. A two-digit year last is in the 2000s below
 * 70, in the 1900s from 70. A time of day after the date is ignored.
 *
 * The parts are not checked against the calendar: see
 * gw_date_dmy_to_iso().
 *
 * Returns: whether @text is written as a date.
 */
gboolean
gw_date_scan_written (const char    *text,
                      GwWrittenDate *date)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (date != NULL, FALSE);

  memset (date, 0, sizeof *date);
  if (text == NULL)
    return FALSE;

  stripped = g_strstrip (g_strdup (text));
  cut_time (stripped);
  if (stripped[0] == '\0')
    return FALSE;

  return scan_numeric (stripped, date) || scan_with_month_name (stripped, date);
}

/**
 * gw_date_dmy_is_valid:
 *
 * Whether @day, @month and @year make a real date between the years 1900
 * and 9999, as YYYY-MM-DD dates must be.
 */
gboolean
gw_date_dmy_is_valid (guint day,
                      guint month,
                      guint year)
{
  return year >= 1900 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= 31 &&
         g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/**
 * gw_date_dmy_to_iso:
 *
 * Returns: (transfer full) (nullable): the date as YYYY-MM-DD, or %NULL
 *   when it is not real (see gw_date_dmy_is_valid()).
 */
char *
gw_date_dmy_to_iso (guint day,
                    guint month,
                    guint year)
{
  if (!gw_date_dmy_is_valid (day, month, year))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

/**
 * gw_date_format_day_month:
 *
 * Returns: (transfer full): the day and the month, without the year, in
 *   the interface's language: "5 January".
 */
char *
gw_date_format_day_month (guint day,
                          guint month)
{
  g_autoptr(GDateTime) when = NULL;
  char *text;

  g_return_val_if_fail (month >= 1 && month <= 12, NULL);
  g_return_val_if_fail (day >= 1 && day <= 31, NULL);

  /* 2000 is a leap year: 29 February has a name too. */
  when = g_date_time_new_utc (2000, (int) month, (int) day, 0, 0, 0);
  g_return_val_if_fail (when != NULL, NULL);

  /* Translators: a day of a month without the year, as in “5 January”; see
   * g_date_time_format(): “%-d” is the day without a leading zero, “%B”
   * the month's name. */
  text = g_date_time_format (when, _("%-d %B"));
  return text != NULL ? text : g_strdup_printf ("%u/%u", day, month);
}
