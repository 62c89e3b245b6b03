/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gw-text.h"

/**
 * gw_text_fold:
 *
 * Returns: (transfer full): @text lower-cased with accents removed and runs
 * of spaces collapsed, so that "José  Martínez" and "jose martinez" compare
 * equal. Used for sorting names and for spotting likely duplicates.
 */
char *
gw_text_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  GString *out;
  gboolean last_space = TRUE;

  if (text == NULL)
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (decomposed));

  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK ||
          type == G_UNICODE_SPACING_MARK ||
          type == G_UNICODE_ENCLOSING_MARK)
        continue;

      if (g_unichar_isspace (c))
        {
          if (!last_space)
            g_string_append_c (out, ' ');
          last_space = TRUE;
          continue;
        }

      /* Letters without a decomposition that people type without marks. */
      switch (c)
        {
        case 0x0111: case 0x0110: c = 'd'; break; /* đ Đ */
        case 0x0142: case 0x0141: c = 'l'; break; /* ł Ł */
        case 0x00F8: case 0x00D8: c = 'o'; break; /* ø Ø */
        case 0x00DF: g_string_append (out, "ss"); last_space = FALSE; continue;
        default: c = g_unichar_tolower (c); break;
        }

      g_string_append_unichar (out, c);
      last_space = FALSE;
    }

  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

/**
 * gw_text_email_key:
 * @email: (nullable): an e-mail address as typed
 *
 * The form two addresses are compared in, to find the same person twice:
 * lower case. Kept in the members table's email_key column.
 *
 * Returns: (transfer full): the key, empty for no address
 */
char *
gw_text_email_key (const char *email)
{
  return g_utf8_strdown (email ? email : "", -1);
}

/**
 * gw_text_phone_digits:
 *
 * Returns: (transfer full): only the digits of @phone.
 */
char *
gw_text_phone_digits (const char *phone)
{
  GString *out = g_string_new (NULL);

  for (const char *p = phone ? phone : ""; *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

/* Names are short: most are measured in buffers on the stack. */
#define SHORT_TEXT 64

/* Copies @text into @out as characters if it is short and plain ASCII,
 * which most folded names are. */
static gboolean
decode_short_ascii (const char *text,
                    gunichar   *out,
                    glong      *length)
{
  glong n = 0;

  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (*p >= 0x80 || n == SHORT_TEXT)
        return FALSE;
      out[n++] = *p;
    }

  *length = n;
  return TRUE;
}

/* The dynamic programme of gw_text_distance(), over three rows of
 * @lb + 1 counters in @rows. */
static guint
measure_distance (const gunichar *ua,
                  glong           la,
                  const gunichar *ub,
                  glong           lb,
                  guint           max,
                  guint          *rows)
{
  guint *prev2, *prev, *cur;

  if ((guint) ABS (la - lb) > max)
    return max + 1;

  prev2 = rows;
  prev = rows + (lb + 1);
  cur = rows + 2 * (lb + 1);

  for (glong j = 0; j <= lb; j++)
    {
      prev2[j] = 0;
      prev[j] = j;
    }

  for (glong i = 1; i <= la; i++)
    {
      guint row_min;
      guint *tmp;

      cur[0] = i;
      row_min = cur[0];

      for (glong j = 1; j <= lb; j++)
        {
          guint cost = ua[i - 1] == ub[j - 1] ? 0 : 1;
          guint v = MIN (MIN (prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);

          if (i > 1 && j > 1 && ua[i - 1] == ub[j - 2] && ua[i - 2] == ub[j - 1])
            v = MIN (v, prev2[j - 2] + 1);

          cur[j] = v;
          row_min = MIN (row_min, v);
        }

      if (row_min > max)
        return max + 1;

      tmp = prev2;
      prev2 = prev;
      prev = cur;
      cur = tmp;
    }

  return MIN (prev[lb], max + 1);
}

/**
 * gw_text_distance:
 *
 * The edit distance between two strings in characters (insertions,
 * deletions, substitutions and swaps of neighbours), or @max + 1 as soon as
 * it is known to exceed @max.
 */
guint
gw_text_distance (const char *a,
                  const char *b,
                  guint       max)
{
  g_autofree gunichar *ua = NULL;
  g_autofree gunichar *ub = NULL;
  g_autofree guint *rows = NULL;
  gunichar short_a[SHORT_TEXT];
  gunichar short_b[SHORT_TEXT];
  guint short_rows[3 * (SHORT_TEXT + 1)];
  glong la, lb;

  /* A name is measured against a whole roster: spare the allocations. */
  if (decode_short_ascii (a, short_a, &la) && decode_short_ascii (b, short_b, &lb))
    return measure_distance (short_a, la, short_b, lb, max, short_rows);

  ua = g_utf8_to_ucs4_fast (a, -1, &la);
  ub = g_utf8_to_ucs4_fast (b, -1, &lb);

  if ((guint) ABS (la - lb) > max)
    return max + 1;

  rows = g_new0 (guint, 3 * (lb + 1));
  return measure_distance (ua, la, ub, lb, max, rows);
}

/**
 * gw_text_name_slips:
 * @folded: a name as gw_text_fold() returns it
 *
 * How far (in gw_text_distance()) another folded name may be from @folded
 * and still probably be the same person's, a typo or a missing accent
 * away: short names are allowed one slip, longer ones two.
 */
guint
gw_text_name_slips (const char *folded)
{
  return g_utf8_strlen (folded ? folded : "", -1) <= 6 ? 1 : 2;
}

/**
 * gw_text_fts_query:
 *
 * Turns what a person typed into an FTS5 query where every word is a
 * prefix and all words must match. Punctuation separates words, so that
 * "555-01" finds "555-0123" and nothing typed can break the query syntax.
 *
 * Returns: (transfer full) (nullable): the query, or %NULL when @search
 *   holds no word at all.
 */
char *
gw_text_fts_query (const char *search)
{
  GString *query = g_string_new (NULL);
  GString *word = g_string_new (NULL);

  for (const char *p = search ? search : ""; ; p = g_utf8_next_char (p))
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;

      if (c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c)))
        {
          g_string_append_unichar (word, c);
          continue;
        }

      if (word->len > 0)
        {
          if (query->len > 0)
            g_string_append (query, " AND ");
          g_string_append_printf (query, "\"%s\"*", word->str);
          g_string_truncate (word, 0);
        }

      if (c == 0)
        break;
    }

  g_string_free (word, TRUE);

  if (query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }

  return g_string_free (query, FALSE);
}

/**
 * gw_text_uuid:
 *
 * Returns: (transfer full): a new random UUID.
 */
char *
gw_text_uuid (void)
{
  return g_uuid_string_random ();
}

/**
 * gw_text_count_words:
 *
 * Counts the words in @text as a person would: runs of letters and digits
 * (with their accents, and apostrophes or hyphens inside a word, so
 * "don't" and "mother-in-law" are one word each). Each Chinese or Japanese
 * ideograph counts as a word, since those scripts do not separate words
 * with spaces; Vietnamese does, one syllable a word, and counts that way.
 *
 * Returns: the number of words.
 */
guint
gw_text_count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_break_type (c) == G_UNICODE_BREAK_IDEOGRAPHIC)
        {
          n++;
          in_word = FALSE;
        }
      else if (g_unichar_isalnum (c) || g_unichar_ismark (c))
        {
          if (!in_word)
            n++;
          in_word = TRUE;
        }
      else if (in_word && (c == '\'' || c == 0x2019 || c == '-' || c == 0x2010))
        {
          /* Inside a word only when a letter follows. */
          const char *next = g_utf8_next_char (p);

          in_word = *next != '\0' && g_unichar_isalnum (g_utf8_get_char (next));
        }
      else
        in_word = FALSE;
    }

  return n;
}

/**
 * gw_text_is_clock_time:
 *
 * Whether @text is a time of day written HH:MM on a 24-hour clock, as a
 * meeting's time is kept.
 */
gboolean
gw_text_is_clock_time (const char *text)
{
  return text != NULL && strlen (text) == 5 &&
         g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1]) && text[2] == ':' &&
         g_ascii_isdigit (text[3]) && g_ascii_isdigit (text[4]) &&
         (text[0] - '0') * 10 + (text[1] - '0') < 24 &&
         (text[3] - '0') * 10 + (text[4] - '0') < 60;
}

/**
 * gw_text_looks_like_email:
 *
 * Whether @text could be an e-mail address: it has an "@" and no space.
 * Deliberately loose; it catches a phone number or a name typed in the
 * wrong box, not every mistake.
 */
gboolean
gw_text_looks_like_email (const char *text)
{
  return text != NULL && strchr (text, '@') != NULL && strchr (text, ' ') == NULL;
}
