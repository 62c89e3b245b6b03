/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>
#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "gw-ledger.h"
#include "gw-store.h"

void
gw_ledger_filter_init (GwLedgerFilter *filter)
{
  memset (filter, 0, sizeof *filter);
  filter->direction = -1;
  filter->kind = -1;
}

const char *
gw_ledger_direction_to_label (GwLedgerDirection direction)
{
  switch (direction)
    {
    case GW_LEDGER_RECEIVED:
      return _("Received");
    case GW_LEDGER_GIVEN_OUT:
      return _("Given out");
    case GW_LEDGER_SPENT:
      return _("Spent");
    default:
      return "";
    }
}

const char *
gw_ledger_kind_to_label (GwLedgerKind kind)
{
  return kind == GW_LEDGER_GOODS ? _("Goods") : _("Money");
}

const char *
gw_source_class_to_label (GwSourceClass source_class)
{
  switch (source_class)
    {
    case GW_SOURCE_MEMBER_DUES:
      return _("Member dues");
    case GW_SOURCE_INDIVIDUAL:
      return _("Individual");
    case GW_SOURCE_ALLIED_GROUP:
      return _("Allied group");
    case GW_SOURCE_NGO_FOUNDATION:
      return _("NGO or foundation");
    case GW_SOURCE_BUSINESS:
      return _("Business");
    case GW_SOURCE_GOVERNMENT:
      return _("Government");
    case GW_SOURCE_NONE:
    default:
      return "";
    }
}

static const char * const direction_names[] = { "received", "given-out", "spent" };
static const char * const source_names[] = {
  "member-dues", "individual", "allied-group", "ngo-foundation", "business", "government",
};

const char *
gw_ledger_direction_to_string (GwLedgerDirection direction)
{
  if ((guint) direction < G_N_ELEMENTS (direction_names))
    return direction_names[direction];
  return "";
}

int
gw_ledger_direction_from_string (const char *text)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (direction_names); i++)
    if (g_str_equal (text, direction_names[i]))
      return i;
  return -1;
}

const char *
gw_source_class_to_string (GwSourceClass source_class)
{
  if (source_class >= 0 && (guint) source_class < G_N_ELEMENTS (source_names))
    return source_names[source_class];
  return "";
}

int
gw_source_class_from_string (const char *text)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (source_names); i++)
    if (g_str_equal (text, source_names[i]))
      return i;
  return -1;
}

int
gw_ledger_entry_get_sign (const GwLedgerEntry *entry)
{
  return entry->corrects_id != 0 ? -1 : 1;
}

/* Money */

guint
gw_currency_get_decimals (const char *currency)
{
  static const char * const zero[] = {
    "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF",
    "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF",
  };
  static const char * const three[] = {
    "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND",
  };

  if (currency == NULL)
    return 2;
  for (guint i = 0; i < G_N_ELEMENTS (zero); i++)
    if (g_str_equal (currency, zero[i]))
      return 0;
  for (guint i = 0; i < G_N_ELEMENTS (three); i++)
    if (g_str_equal (currency, three[i]))
      return 3;
  return 2;
}

gboolean
gw_currency_is_valid (const char *currency)
{
  if (currency == NULL || strlen (currency) != 3)
    return FALSE;
  for (guint i = 0; i < 3; i++)
    if (currency[i] < 'A' || currency[i] > 'Z')
      return FALSE;
  return TRUE;
}

static gint64
pow10_i (guint n)
{
  gint64 p = 1;

  while (n-- > 0)
    p *= 10;
  return p;
}

static char *
format_amount (gint64      minor,
               const char *currency,
               const char *point,
               const char *group)
{
  guint decimals = gw_currency_get_decimals (currency);
  gint64 scale = pow10_i (decimals);
  guint64 absolute = minor < 0 ? (guint64) 0 - (guint64) minor : (guint64) minor;
  guint64 whole = absolute / scale;
  guint64 fraction = absolute % scale;
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, whole);
  GString *out = g_string_new (minor < 0 ? "-" : "");
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0 && group != NULL && *group != '\0')
        g_string_append (out, group);
      g_string_append_c (out, digits[i]);
    }

  if (decimals > 0)
    g_string_append_printf (out, "%s%0*" G_GUINT64_FORMAT, point, (int) decimals, fraction);

  return g_string_free (out, FALSE);
}

char *
gw_money_format_amount (gint64      minor,
                        const char *currency)
{
  struct lconv *lc = localeconv ();
  const char *point = lc->mon_decimal_point && *lc->mon_decimal_point ? lc->mon_decimal_point
                      : lc->decimal_point && *lc->decimal_point ? lc->decimal_point : ".";
  const char *group = lc->mon_thousands_sep ? lc->mon_thousands_sep : "";

  /* The C locale has no grouping; use none rather than guess. */
  return format_amount (minor, currency, point, group);
}

char *
gw_money_format (gint64      minor,
                 const char *currency)
{
  g_autofree char *amount = gw_money_format_amount (minor, currency);

  /* Translators: an amount of money and its ISO 4217 currency code, as in
   * "1,234.50 USD". */
  return g_strdup_printf (C_("money", "%s %s"), amount, currency ? currency : "");
}

char *
gw_goods_format (gint64      quantity,
                 const char *unit,
                 const char *item)
{
  if (unit == NULL || unit[0] == '\0')
    /* Translators: a quantity of goods: "12 Coats". */
    return g_strdup_printf (_("%" PRId64 " %s"), quantity, item != NULL ? item : "");
  /* Translators: a quantity of goods: "25 kg Rice". */
  return g_strdup_printf (_("%" PRId64 " %s %s"), quantity, unit, item != NULL ? item : "");
}

char *
gw_money_format_plain (gint64      minor,
                       const char *currency)
{
  return format_amount (minor, currency, ".", "");
}

static gboolean
parse_invalid (GError     **error,
               const char  *text)
{
  g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
               _("“%s” is not an amount of money. Type it like 12.50 or 12,50."), text);
  return FALSE;
}

gboolean
gw_money_parse (const char  *text,
                const char  *currency,
                gint64      *minor,
                GError     **error)
{
  guint decimals = gw_currency_get_decimals (currency);
  GString *digits = g_string_new (NULL);
  g_autofree char *clean = NULL;
  const char *p;
  gboolean negative = FALSE;
  int last_sep = -1;
  char last_sep_char = 0;
  guint n_seps_same = 0;
  gboolean mixed = FALSE;
  int point_at = -1;     /* index in clean of the decimal point, or -1 */
  guint n_after;
  gint64 whole = 0, fraction = 0;

  g_return_val_if_fail (minor != NULL, FALSE);

  if (text == NULL)
    text = "";

  /* Drop every kind of space (grouping in many locales). */
  {
    GString *c = g_string_new (NULL);

    for (p = text; *p; p = g_utf8_next_char (p))
      {
        gunichar ch = g_utf8_get_char (p);

        if (g_unichar_isspace (ch) || ch == 0x00A0 || ch == 0x202F || ch == 0x2009 || ch == '\'')
          continue;
        g_string_append_unichar (c, ch);
      }
    clean = g_string_free (c, FALSE);
  }

  p = clean;
  if (*p == '-' || *p == '+')
    {
      negative = *p == '-';
      p++;
    }

  if (*p == '\0')
    {
      g_string_free (digits, TRUE);
      return parse_invalid (error, text);
    }

  for (const char *q = p; *q; q++)
    {
      if (*q == '.' || *q == ',')
        {
          if (last_sep_char != 0 && last_sep_char != *q)
            mixed = TRUE;
          n_seps_same = last_sep_char == *q ? n_seps_same + 1 : 1;
          last_sep = q - clean;
          last_sep_char = *q;
        }
      else if (!g_ascii_isdigit (*q))
        {
          g_string_free (digits, TRUE);
          return parse_invalid (error, text);
        }
    }

  if (last_sep >= 0)
    {
      n_after = strlen (clean + last_sep + 1);

      if (mixed)
        point_at = last_sep;                 /* "1.234,50" / "1,234.50" */
      else if (n_seps_same > 1)
        point_at = -1;                       /* "1,234,567" */
      else if (n_after == 3 && decimals != 3)
        point_at = -1;                       /* "1,234": grouping */
      else
        point_at = last_sep;                 /* "12,50", "12.5" */

      if (point_at >= 0 && n_after > decimals)
        {
          g_string_free (digits, TRUE);
          if (decimals == 0)
            g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                         _("Amounts in %s have no decimals: type a whole number."), currency);
          else
            g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                         ngettext ("Amounts in %s have at most %u decimal.",
                                   "Amounts in %s have at most %u decimals.", decimals),
                         currency, decimals);
          return FALSE;
        }
    }

  /* Grouping separators must leave groups of three digits. */
  {
    const char *end = point_at >= 0 ? clean + point_at : clean + strlen (clean);
    int run = 0;
    gboolean seen_sep = FALSE;

    for (const char *q = p; q < end; q++)
      {
        if (*q == '.' || *q == ',')
          {
            if ((seen_sep && run != 3) || (!seen_sep && (run == 0 || run > 3)))
              {
                g_string_free (digits, TRUE);
                return parse_invalid (error, text);
              }
            seen_sep = TRUE;
            run = 0;
            continue;
          }
        run++;
        g_string_append_c (digits, *q);
      }
    if (seen_sep && run != 3)
      {
        g_string_free (digits, TRUE);
        return parse_invalid (error, text);
      }
  }

  if (digits->len == 0 && point_at < 0)
    {
      g_string_free (digits, TRUE);
      return parse_invalid (error, text);
    }

  if (digits->len > 15)
    {
      g_string_free (digits, TRUE);
      g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                   _("“%s” is too large an amount."), text);
      return FALSE;
    }

  whole = digits->len > 0 ? g_ascii_strtoll (digits->str, NULL, 10) : 0;
  g_string_free (digits, TRUE);

  if (point_at >= 0)
    {
      const char *frac = clean + point_at + 1;
      guint n = strlen (frac);

      if (n == 0 && whole == 0 && point_at == (int) (p - clean))
        return parse_invalid (error, text);
      fraction = n > 0 ? g_ascii_strtoll (frac, NULL, 10) : 0;
      fraction *= pow10_i (decimals - n);
    }

  *minor = whole * pow10_i (decimals) + fraction;
  if (negative)
    *minor = -*minor;
  return TRUE;
}

/* Boxed values */

GwLedgerEntry *
gw_ledger_entry_new (void)
{
  GwLedgerEntry *entry = g_new0 (GwLedgerEntry, 1);

  entry->direction = GW_LEDGER_RECEIVED;
  entry->kind = GW_LEDGER_MONEY;
  entry->party_kind = GW_PARTY_ANONYMOUS;
  entry->source_class = GW_SOURCE_NONE;
  return entry;
}

GwLedgerEntry *
gw_ledger_entry_copy (const GwLedgerEntry *entry)
{
  GwLedgerEntry *copy = g_memdup2 (entry, sizeof *entry);

  copy->uuid = g_strdup (entry->uuid);
  copy->date = g_strdup (entry->date);
  copy->currency = g_strdup (entry->currency);
  copy->item = g_strdup (entry->item);
  copy->unit = g_strdup (entry->unit);
  copy->value_currency = g_strdup (entry->value_currency);
  copy->party_name = g_strdup (entry->party_name);
  copy->memo = g_strdup (entry->memo);
  copy->recorded_by = g_strdup (entry->recorded_by);
  copy->need_category = g_strdup (entry->need_category);
  copy->created = g_strdup (entry->created);
  return copy;
}

void
gw_ledger_entry_free (GwLedgerEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->uuid);
  g_free (entry->date);
  g_free (entry->currency);
  g_free (entry->item);
  g_free (entry->unit);
  g_free (entry->value_currency);
  g_free (entry->party_name);
  g_free (entry->memo);
  g_free (entry->recorded_by);
  g_free (entry->need_category);
  g_free (entry->created);
  g_free (entry);
}

G_DEFINE_BOXED_TYPE (GwLedgerEntry, gw_ledger_entry, gw_ledger_entry_copy, gw_ledger_entry_free)

GwDriveGoal *
gw_drive_goal_new_money (gint64      amount,
                         const char *currency)
{
  GwDriveGoal *goal = g_new0 (GwDriveGoal, 1);

  goal->kind = GW_LEDGER_MONEY;
  goal->amount = amount;
  goal->currency = g_strdup (currency);
  return goal;
}

GwDriveGoal *
gw_drive_goal_new_goods (const char *item,
                         gint64      quantity,
                         const char *unit)
{
  GwDriveGoal *goal = g_new0 (GwDriveGoal, 1);

  goal->kind = GW_LEDGER_GOODS;
  goal->item = g_strdup (item);
  goal->quantity = quantity;
  goal->unit = g_strdup (unit);
  return goal;
}

GwDriveGoal *
gw_drive_goal_copy (const GwDriveGoal *goal)
{
  GwDriveGoal *copy = g_memdup2 (goal, sizeof *goal);

  copy->currency = g_strdup (goal->currency);
  copy->item = g_strdup (goal->item);
  copy->unit = g_strdup (goal->unit);
  return copy;
}

void
gw_drive_goal_free (GwDriveGoal *goal)
{
  if (goal == NULL)
    return;
  g_free (goal->currency);
  g_free (goal->item);
  g_free (goal->unit);
  g_free (goal);
}

G_DEFINE_BOXED_TYPE (GwDriveGoal, gw_drive_goal, gw_drive_goal_copy, gw_drive_goal_free)

GwDrive *
gw_drive_new (void)
{
  GwDrive *drive = g_new0 (GwDrive, 1);

  drive->goals = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_drive_goal_free);
  return drive;
}

GwDrive *
gw_drive_copy (const GwDrive *drive)
{
  GwDrive *copy = g_memdup2 (drive, sizeof *drive);

  copy->uuid = g_strdup (drive->uuid);
  copy->name = g_strdup (drive->name);
  copy->start_date = g_strdup (drive->start_date);
  copy->end_date = g_strdup (drive->end_date);
  copy->notes = g_strdup (drive->notes);
  copy->created = g_strdup (drive->created);
  copy->updated = g_strdup (drive->updated);
  copy->goals = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_drive_goal_free);
  for (guint i = 0; drive->goals != NULL && i < drive->goals->len; i++)
    g_ptr_array_add (copy->goals, gw_drive_goal_copy (g_ptr_array_index (drive->goals, i)));
  return copy;
}

void
gw_drive_free (GwDrive *drive)
{
  if (drive == NULL)
    return;
  g_free (drive->uuid);
  g_free (drive->name);
  g_free (drive->start_date);
  g_free (drive->end_date);
  g_free (drive->notes);
  g_free (drive->created);
  g_free (drive->updated);
  g_clear_pointer (&drive->goals, g_ptr_array_unref);
  g_free (drive);
}

G_DEFINE_BOXED_TYPE (GwDrive, gw_drive, gw_drive_copy, gw_drive_free)

GwGoodsOnHand *
gw_goods_on_hand_copy (const GwGoodsOnHand *goods)
{
  GwGoodsOnHand *copy = g_memdup2 (goods, sizeof *goods);

  copy->item = g_strdup (goods->item);
  copy->unit = g_strdup (goods->unit);
  return copy;
}

void
gw_goods_on_hand_free (GwGoodsOnHand *goods)
{
  if (goods == NULL)
    return;
  g_free (goods->item);
  g_free (goods->unit);
  g_free (goods);
}

G_DEFINE_BOXED_TYPE (GwGoodsOnHand, gw_goods_on_hand, gw_goods_on_hand_copy, gw_goods_on_hand_free)

GwLedgerTotals *
gw_ledger_totals_copy (const GwLedgerTotals *totals)
{
  GwLedgerTotals *copy = g_memdup2 (totals, sizeof *totals);

  copy->month = g_strdup (totals->month);
  copy->label = g_strdup (totals->label);
  copy->currency = g_strdup (totals->currency);
  return copy;
}

void
gw_ledger_totals_free (GwLedgerTotals *totals)
{
  if (totals == NULL)
    return;
  g_free (totals->month);
  g_free (totals->label);
  g_free (totals->currency);
  g_free (totals);
}

G_DEFINE_BOXED_TYPE (GwLedgerTotals, gw_ledger_totals, gw_ledger_totals_copy, gw_ledger_totals_free)

GwIndependenceCurrency *
gw_independence_currency_copy (const GwIndependenceCurrency *figures)
{
  GwIndependenceCurrency *copy = g_memdup2 (figures, sizeof *figures);

  copy->currency = g_strdup (figures->currency);
  copy->largest_name = g_strdup (figures->largest_name);
  return copy;
}

void
gw_independence_currency_free (GwIndependenceCurrency *figures)
{
  if (figures == NULL)
    return;
  g_free (figures->currency);
  g_free (figures->largest_name);
  g_free (figures);
}

G_DEFINE_BOXED_TYPE (GwIndependenceCurrency, gw_independence_currency,
                     gw_independence_currency_copy, gw_independence_currency_free)

GwIndependence *
gw_independence_copy (const GwIndependence *independence)
{
  GwIndependence *copy = g_new0 (GwIndependence, 1);

  copy->from = g_strdup (independence->from);
  copy->to = g_strdup (independence->to);
  copy->currencies = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_independence_currency_free);
  for (guint i = 0; independence->currencies && i < independence->currencies->len; i++)
    g_ptr_array_add (copy->currencies, gw_independence_currency_copy (g_ptr_array_index (independence->currencies, i)));
  copy->forbidden = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_ledger_entry_free);
  for (guint i = 0; independence->forbidden && i < independence->forbidden->len; i++)
    g_ptr_array_add (copy->forbidden, gw_ledger_entry_copy (g_ptr_array_index (independence->forbidden, i)));
  return copy;
}

void
gw_independence_free (GwIndependence *independence)
{
  if (independence == NULL)
    return;
  g_free (independence->from);
  g_free (independence->to);
  g_clear_pointer (&independence->currencies, g_ptr_array_unref);
  g_clear_pointer (&independence->forbidden, g_ptr_array_unref);
  g_free (independence);
}

G_DEFINE_BOXED_TYPE (GwIndependence, gw_independence, gw_independence_copy, gw_independence_free)
