/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The donation ledger: money and goods received, given out and spent,
 * donation drives and their goals, and the figures read from them. These
 * are values read from or written to the store (see gw-store-ledger.h).
 * Dates are ISO 8601 (YYYY-MM-DD); months are "YYYY-MM"; created is an
 * ISO 8601 date-time in UTC.
 *
 * Money is always an integer of minor units (cents; yen for JPY) with an
 * ISO 4217 currency code of three capital letters; never a float. Goods
 * quantities are WHOLE NUMBERS of their unit (a gint64): record 2.5 kg of
 * rice as 2500 g, or as 5 bags. */

typedef enum
{
  GW_LEDGER_RECEIVED,
  GW_LEDGER_GIVEN_OUT,
  GW_LEDGER_SPENT,
} GwLedgerDirection;

#define GW_N_LEDGER_DIRECTIONS 3

typedef enum
{
  GW_LEDGER_MONEY,
  GW_LEDGER_GOODS,
} GwLedgerKind;

/* Where something received came from. Only receipts have a source class;
 * every other entry has GW_SOURCE_NONE. */
typedef enum
{
  GW_SOURCE_NONE = -1,
  GW_SOURCE_MEMBER_DUES,
  GW_SOURCE_INDIVIDUAL,
  GW_SOURCE_ALLIED_GROUP,
  GW_SOURCE_NGO_FOUNDATION,
  GW_SOURCE_BUSINESS,
  GW_SOURCE_GOVERNMENT,
} GwSourceClass;

#define GW_N_SOURCE_CLASSES 6

/* The other party: a member (member_id), someone outside the organization
 * named in party_name, or nobody named. */
typedef enum
{
  GW_PARTY_ANONYMOUS,
  GW_PARTY_MEMBER,
  GW_PARTY_OUTSIDE,
} GwPartyKind;

/* One entry. Entries are never changed or removed: a mistake is corrected
 * by a reversing entry (corrects_id set) that cancels the one it corrects,
 * and, when the correction replaces it, a new entry (replaces_id set).
 * A reversing entry carries the same amounts as the entry it reverses,
 * positive; it counts negatively in every total (see
 * gw_ledger_entry_get_sign()).
 *
 * For GW_LEDGER_MONEY: amount > 0 and currency are set; item, unit and the
 * estimated value are unset. For GW_LEDGER_GOODS: item, quantity > 0 and
 * unit are set (unit may be empty: "pieces"), value_currency is NULL or the
 * estimated value's currency (value >= 0). */
typedef struct
{
  gint64              id;
  char               *uuid;
  char               *date;            /* YYYY-MM-DD */
  GwLedgerDirection   direction;
  GwLedgerKind        kind;

  /* Money */
  gint64              amount;          /* minor units, > 0 */
  char               *currency;        /* ISO 4217 */

  /* Goods */
  char               *item;
  gint64              quantity;        /* whole units, > 0 */
  char               *unit;
  gint64              value;           /* estimated value, minor units */
  char               *value_currency;  /* NULL: no estimate */

  /* The other party. For a member, party_name is filled from the roster
   * when the entry is recorded (and kept, should the member be removed). */
  GwPartyKind         party_kind;
  gint64              member_id;
  char               *party_name;

  GwSourceClass       source_class;    /* receipts only */
  gint64              drive_id;        /* 0: none */
  char               *memo;
  char               *recorded_by;

  /* Distributions out (GW_LEDGER_GIVEN_OUT): no personal data needed. */
  char               *need_category;   /* "Winter clothing", "Food", ... */
  int                 households;      /* 0: not counted */

  gint64              corrects_id;     /* the entry this one reverses, or 0 */
  gint64              replaces_id;     /* the entry this one replaces, or 0 */
  gint64              corrected_by_id; /* read: the reversing entry, or 0 */
  char               *created;
} GwLedgerEntry;

/* A goal of a drive: money (amount in currency) or goods (quantity of item
 * in unit). progress is read: the net amount/quantity received for the
 * drive toward it (reversals subtracted). */
typedef struct
{
  gint64        id;
  GwLedgerKind  kind;
  gint64        amount;                /* money goal, minor units */
  char         *currency;
  char         *item;                  /* goods goal */
  gint64        quantity;
  char         *unit;
  gint64        progress;              /* read */
} GwDriveGoal;

typedef struct
{
  gint64      id;
  char       *uuid;
  char       *name;
  char       *start_date;              /* may be NULL */
  char       *end_date;                /* may be NULL */
  char       *notes;
  GPtrArray  *goals;                   /* (element-type GwDriveGoal) */
  gint64      n_entries;               /* read */
  char       *created;
  char       *updated;
} GwDrive;

/* Goods on hand of one item in one unit: received minus given out minus
 * used (goods "spent" by the organization itself). Items and units are
 * matched ignoring ASCII case. */
typedef struct
{
  char   *item;
  char   *unit;
  gint64  received;
  gint64  given_out;
  gint64  used;
  gint64  on_hand;
} GwGoodsOnHand;

/* Money in one currency: received, given out, spent, and the balance
 * (received - given out - spent). Also a row of the reports: per month
 * (month set; balance is the running balance at the month's end), by drive
 * (drive_id and label set) and by source class (source_class and label
 * set; only received is filled). */
typedef struct
{
  char           *month;               /* "YYYY-MM" or NULL */
  gint64          drive_id;
  GwSourceClass   source_class;
  char           *label;               /* drive name, source class name */
  char           *currency;
  gint64          received;
  gint64          given_out;
  gint64          spent;
  gint64          balance;
  gint64          n_entries;
} GwLedgerTotals;

/* The independence figures for one currency over a period. */
typedef struct
{
  char     *currency;
  gint64    received;                            /* money received */
  gint64    by_source[GW_N_SOURCE_CLASSES];      /* received per class */
  double    share[GW_N_SOURCE_CLASSES];          /* 0..1 of received */
  /* The largest single source: one member, one outside party (by name,
   * ignoring case) or, taken together, every anonymous gift. */
  char     *largest_name;
  GwPartyKind largest_kind;
  GwSourceClass largest_class;
  gint64    largest_amount;
  double    largest_share;
} GwIndependenceCurrency;

typedef struct
{
  char       *from;                    /* first month, "YYYY-MM", or NULL */
  char       *to;                      /* last month, "YYYY-MM", or NULL */
  GPtrArray  *currencies;              /* (element-type GwIndependenceCurrency), by received, largest first */
  GPtrArray  *forbidden;               /* (element-type GwLedgerEntry): receipts from a forbidden class, newest first */
} GwIndependence;

/* A filter for lists and exports; zero-initialise and set what matters,
 * or use gw_ledger_filter_init(). */
typedef struct
{
  gint64      drive_id;                /* 0: any */
  int         direction;               /* a GwLedgerDirection, or -1: any */
  int         kind;                    /* a GwLedgerKind, or -1: any */
  const char *from;                    /* YYYY-MM-DD inclusive, or NULL */
  const char *to;                      /* YYYY-MM-DD inclusive, or NULL */
} GwLedgerFilter;

void            gw_ledger_filter_init              (GwLedgerFilter *filter);

/* Translated names, for display. */
const char     *gw_ledger_direction_to_label       (GwLedgerDirection direction);
const char     *gw_ledger_kind_to_label            (GwLedgerKind   kind);
const char     *gw_source_class_to_label           (GwSourceClass  source_class);
/* Untranslated stable names ("received", "government", ...), as stored,
 * in settings and in CSV. _from_string returns -1 when unknown. */
const char     *gw_ledger_direction_to_string      (GwLedgerDirection direction);
int             gw_ledger_direction_from_string    (const char    *text);
const char     *gw_source_class_to_string          (GwSourceClass  source_class);
int             gw_source_class_from_string        (const char    *text);

/* +1 for an entry, -1 for a reversing entry. */
int             gw_ledger_entry_get_sign           (const GwLedgerEntry *entry);

/* Money. The number of minor-unit decimals of an ISO 4217 currency: 0 for
 * JPY, KRW, VND, CLP, ISK, PYG, UGX, XAF, XOF ...; 3 for BHD, JOD, KWD,
 * OMR, TND, IQD, LYD; 2 otherwise. */
guint           gw_currency_get_decimals           (const char    *currency);
/* TRUE for three capital ASCII letters. */
gboolean        gw_currency_is_valid               (const char    *currency);
/* "1,234.50 USD" with the locale's decimal point and grouping; negative
 * amounts get a minus sign. Returns: (transfer full). */
char           *gw_money_format                    (gint64         minor,
                                                    const char    *currency);
/* The amount alone, "1,234.50", in the locale. */
char           *gw_money_format_amount             (gint64         minor,
                                                    const char    *currency);
/* A quantity of goods as the ledger shows it: "12 Coats", "25 kg Rice".
 * Returns: (transfer full). */
char           *gw_goods_format                    (gint64         quantity,
                                                    const char    *unit,
                                                    const char    *item);
/* Plain decimal, no grouping, "." as the point: "-1234.50"; for CSV. */
char           *gw_money_format_plain              (gint64         minor,
                                                    const char    *currency);
/* Parses a typed amount into minor units of @currency: "12.50", "12,50",
 * "1,234.50", "1.234,50", "1 234,50", "12" (and a leading "-"). The last
 * "." or "," is the decimal point when followed by at most the currency's
 * decimals (a group of three digits after a single separator is grouping,
 * unless the currency has three decimals). Refuses anything else, and more
 * decimals than the currency has, with a %GW_STORE_ERROR_INVALID. */
gboolean        gw_money_parse                     (const char    *text,
                                                    const char    *currency,
                                                    gint64        *minor,
                                                    GError       **error);

/* Boxed values. */
GType           gw_ledger_entry_get_type           (void) G_GNUC_CONST;
/* An empty draft: received money, anonymous, GW_SOURCE_NONE. */
GwLedgerEntry  *gw_ledger_entry_new                (void);
GwLedgerEntry  *gw_ledger_entry_copy               (const GwLedgerEntry *entry);
void            gw_ledger_entry_free               (GwLedgerEntry *entry);

GType           gw_drive_goal_get_type             (void) G_GNUC_CONST;
GwDriveGoal    *gw_drive_goal_new_money            (gint64         amount,
                                                    const char    *currency);
GwDriveGoal    *gw_drive_goal_new_goods            (const char    *item,
                                                    gint64         quantity,
                                                    const char    *unit);
GwDriveGoal    *gw_drive_goal_copy                 (const GwDriveGoal *goal);
void            gw_drive_goal_free                 (GwDriveGoal   *goal);

GType           gw_drive_get_type                  (void) G_GNUC_CONST;
GwDrive        *gw_drive_new                       (void);
GwDrive        *gw_drive_copy                      (const GwDrive *drive);
void            gw_drive_free                      (GwDrive       *drive);

GType           gw_goods_on_hand_get_type          (void) G_GNUC_CONST;
GwGoodsOnHand  *gw_goods_on_hand_copy              (const GwGoodsOnHand *goods);
void            gw_goods_on_hand_free              (GwGoodsOnHand *goods);

GType           gw_ledger_totals_get_type          (void) G_GNUC_CONST;
GwLedgerTotals *gw_ledger_totals_copy              (const GwLedgerTotals *totals);
void            gw_ledger_totals_free              (GwLedgerTotals *totals);

GType           gw_independence_currency_get_type  (void) G_GNUC_CONST;
GwIndependenceCurrency *gw_independence_currency_copy (const GwIndependenceCurrency *figures);
void            gw_independence_currency_free      (GwIndependenceCurrency *figures);

GType           gw_independence_get_type           (void) G_GNUC_CONST;
GwIndependence *gw_independence_copy               (const GwIndependence *independence);
void            gw_independence_free               (GwIndependence *independence);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwLedgerEntry, gw_ledger_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwDriveGoal, gw_drive_goal_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwDrive, gw_drive_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwGoodsOnHand, gw_goods_on_hand_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwLedgerTotals, gw_ledger_totals_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwIndependenceCurrency, gw_independence_currency_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwIndependence, gw_independence_free)

G_END_DECLS
