/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "gw-date.h"
#include "gw-ledger-entry-dialog.h"
#include "gw-person-search.h"
#include "gw-store-ledger.h"
#include "gw-window.h"

/* Records money or goods received, given out or spent; or corrects an
 * entry, which the ledger never changes in place: the correction is a
 * reversing entry and, unless the entry is voided, a new one. */
struct _GwLedgerEntryDialog
{
  AdwWindow       parent_instance;

  GwStore        *store;
  GwLedgerKind    kind;
  GwLedgerEntry  *correcting;
  GArray         *drive_ids;          /* gint64, position 0 is "no drive" */
  gint64          member_id;
  char           *member_name;

  GtkLabel       *error_label;
  AdwEntryRow    *date_row;
  AdwComboRow    *direction_row;
  AdwEntryRow    *amount_row;
  AdwEntryRow    *currency_row;
  GtkLabel       *amount_reading;
  AdwEntryRow    *item_row;
  AdwEntryRow    *quantity_row;
  AdwEntryRow    *unit_row;
  AdwEntryRow    *value_row;
  AdwComboRow    *party_row;
  AdwActionRow   *member_row;
  GwPersonSearch *member_search;
  AdwEntryRow    *outside_row;
  AdwComboRow    *source_row;
  AdwComboRow    *drive_row;
  AdwEntryRow    *need_row;
  AdwEntryRow    *households_row;
  AdwEntryRow    *memo_row;
  AdwEntryRow    *recorded_by_row;
  AdwEntryRow    *reason_row;
};

G_DEFINE_FINAL_TYPE (GwLedgerEntryDialog, gw_ledger_entry_dialog, ADW_TYPE_WINDOW)

/* Who recorded the last entry, offered for the next one. */
static char *last_recorded_by;

static void
show_error (GwLedgerEntryDialog *self,
            const char          *message,
            GtkWidget           *focus)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static char *
currency_of (GwLedgerEntryDialog *self)
{
  char *currency = g_ascii_strup (text_of (self->currency_row), -1);

  return g_strstrip (currency);
}

static void
update_visible (GwLedgerEntryDialog *self)
{
  guint direction = adw_combo_row_get_selected (self->direction_row);
  guint party = adw_combo_row_get_selected (self->party_row);

  gtk_widget_set_visible (GTK_WIDGET (self->source_row), direction == GW_LEDGER_RECEIVED);
  gtk_widget_set_visible (GTK_WIDGET (self->need_row), direction == GW_LEDGER_GIVEN_OUT);
  gtk_widget_set_visible (GTK_WIDGET (self->households_row), direction == GW_LEDGER_GIVEN_OUT);
  gtk_widget_set_visible (GTK_WIDGET (self->member_row), party == GW_PARTY_MEMBER);
  gtk_widget_set_visible (GTK_WIDGET (self->outside_row), party == GW_PARTY_OUTSIDE);
}

static void
member_chosen_cb (GwPersonSearch      *search,
                  gint64               member_id,
                  const char          *name,
                  GwLedgerEntryDialog *self)
{
  g_autofree char *subtitle = NULL;

  self->member_id = member_id;
  g_free (self->member_name);
  self->member_name = g_strdup (name);
  /* Translators: under "Member": the member chosen. */
  subtitle = g_strdup_printf (_("Chosen: %s"), name);
  adw_action_row_set_subtitle (self->member_row, subtitle);
}

/* Reads the form into a new draft, or shows what is wrong and returns NULL. */
static GwLedgerEntry *
read_draft (GwLedgerEntryDialog *self)
{
  g_autoptr(GwLedgerEntry) draft = gw_ledger_entry_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *currency = currency_of (self);
  g_autofree char *typed_date = g_strstrip (g_strdup (text_of (self->date_row)));
  g_autofree char *date = gw_date_parse_user (typed_date);
  guint drive = adw_combo_row_get_selected (self->drive_row);

  /* The date is written YYYY-MM-DD, as everywhere else in the app. */
  if (date == NULL)
    {
      g_autofree char *message = NULL;

      if (typed_date[0] == '\0')
        message = g_strdup (_("Enter the date of the entry."));
      else
        message = g_strdup_printf (_("“%s” is not a real date. Write the date as YYYY-MM-DD."),
                                   typed_date);
      show_error (self, message, GTK_WIDGET (self->date_row));
      return NULL;
    }
  if (!gw_ledger_check_date (date, &error))
    {
      show_error (self, error->message, GTK_WIDGET (self->date_row));
      return NULL;
    }
  draft->date = g_steal_pointer (&date);
  draft->direction = adw_combo_row_get_selected (self->direction_row);
  draft->kind = self->kind;

  if (self->kind == GW_LEDGER_MONEY)
    {
      if (!gw_currency_is_valid (currency))
        {
          show_error (self, _("Enter the currency as a three-letter code, like EUR or USD."),
                      GTK_WIDGET (self->currency_row));
          return NULL;
        }
      if (!gw_money_parse (text_of (self->amount_row), currency, &draft->amount, &error))
        {
          show_error (self, error->message, GTK_WIDGET (self->amount_row));
          return NULL;
        }
      draft->currency = g_steal_pointer (&currency);
    }
  else
    {
      g_autofree char *quantity = g_strstrip (g_strdup (text_of (self->quantity_row)));
      const char *value = text_of (self->value_row);

      draft->item = g_strdup (text_of (self->item_row));
      draft->unit = g_strdup (text_of (self->unit_row));
      if (!g_ascii_string_to_signed (quantity, 10, 1, G_MAXINT64,
                                     &draft->quantity, NULL))
        {
          show_error (self, _("Enter the quantity as a whole number, like 12."),
                      GTK_WIDGET (self->quantity_row));
          return NULL;
        }
      if (value[0] != '\0')
        {
          if (!gw_currency_is_valid (currency))
            {
              show_error (self, _("Enter the estimate’s currency as a three-letter code, like EUR."),
                          GTK_WIDGET (self->currency_row));
              return NULL;
            }
          if (!gw_money_parse (value, currency, &draft->value, &error))
            {
              show_error (self, error->message, GTK_WIDGET (self->value_row));
              return NULL;
            }
          draft->value_currency = g_steal_pointer (&currency);
        }
    }

  draft->party_kind = adw_combo_row_get_selected (self->party_row);
  if (draft->party_kind == GW_PARTY_MEMBER)
    {
      if (self->member_id == 0)
        {
          show_error (self, _("Search for the member and choose them."), NULL);
          gw_person_search_focus (self->member_search);
          return NULL;
        }
      draft->member_id = self->member_id;
    }
  else if (draft->party_kind == GW_PARTY_OUTSIDE)
    draft->party_name = g_strdup (text_of (self->outside_row));

  draft->source_class = draft->direction == GW_LEDGER_RECEIVED
                        ? (GwSourceClass) adw_combo_row_get_selected (self->source_row)
                        : GW_SOURCE_NONE;
  if (drive > 0 && drive < self->drive_ids->len)
    draft->drive_id = g_array_index (self->drive_ids, gint64, drive);

  if (draft->direction == GW_LEDGER_GIVEN_OUT)
    {
      const char *households = text_of (self->households_row);
      gint64 n = 0;

      draft->need_category = g_strdup (text_of (self->need_row));
      if (households[0] != '\0' &&
          !g_ascii_string_to_signed (households, 10, 0, G_MAXINT, &n, NULL))
        {
          show_error (self, _("Enter the number of households as a whole number, or leave it empty."),
                      GTK_WIDGET (self->households_row));
          return NULL;
        }
      draft->households = (int) n;
    }

  draft->memo = g_strdup (text_of (self->memo_row));
  draft->recorded_by = g_strdup (text_of (self->recorded_by_row));

  return g_steal_pointer (&draft);
}

static void
saved (GwLedgerEntryDialog *self,
       const char          *message)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  g_free (last_recorded_by);
  last_recorded_by = g_strdup (text_of (self->recorded_by_row));
  if (GW_IS_WINDOW (parent))
    gw_window_add_toast (GW_WINDOW (parent), adw_toast_new (message));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* A correction needs its reason; says so when it is missing. */
static gboolean
has_reason (GwLedgerEntryDialog *self)
{
  g_autofree char *reason = g_strstrip (g_strdup (text_of (self->reason_row)));

  if (reason[0] != '\0')
    return TRUE;
  show_error (self, _("Say why the entry is corrected: the reason stays in the ledger."),
              GTK_WIDGET (self->reason_row));
  return FALSE;
}

static void
save (GwLedgerEntryDialog *self,
      gboolean             void_entry)
{
  g_autoptr(GwLedgerEntry) draft = NULL;
  g_autoptr(GError) error = NULL;

  if (!void_entry && (draft = read_draft (self)) == NULL)
    return;

  if (self->correcting != NULL)
    {
      g_autofree char *reason = g_strstrip (g_strdup (text_of (self->reason_row)));

      if (!has_reason (self))
        return;
      if (gw_store_correct_entry (self->store, self->correcting->id, draft, reason,
                                  text_of (self->recorded_by_row), NULL, &error) == 0)
        {
          show_error (self, error->message, NULL);
          return;
        }
      saved (self, void_entry ? _("Entry voided") : _("Entry corrected"));
      return;
    }

  if (gw_store_record_entry (self->store, draft, &error) == 0)
    {
      show_error (self, error->message, NULL);
      return;
    }
  saved (self, _("Entry recorded"));
}

static void
forbidden_response_cb (AdwMessageDialog    *dialog,
                       const char          *response,
                       GwLedgerEntryDialog *self)
{
  /* As in over_hand_response_cb(). */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  if (g_strcmp0 (response, "record") == 0)
    save (self, FALSE);
}

static gboolean
same_goods (const char *item_a,
            const char *unit_a,
            const char *item_b,
            const char *unit_b)
{
  g_autofree char *a = g_strstrip (g_strdup (item_a != NULL ? item_a : ""));
  g_autofree char *b = g_strstrip (g_strdup (item_b != NULL ? item_b : ""));
  g_autofree char *ua = g_strstrip (g_strdup (unit_a != NULL ? unit_a : ""));
  g_autofree char *ub = g_strstrip (g_strdup (unit_b != NULL ? unit_b : ""));

  /* As the store matches them: ignoring ASCII case. */
  return g_ascii_strcasecmp (a, b) == 0 && g_ascii_strcasecmp (ua, ub) == 0;
}

/* What @entry adds to the goods on hand of @item in @unit (taken away:
 * below zero). */
static gint64
effect_on (const GwLedgerEntry *entry,
           const char          *item,
           const char          *unit)
{
  if (entry == NULL || entry->kind != GW_LEDGER_GOODS ||
      !same_goods (entry->item, entry->unit, item, unit))
    return 0;
  return entry->direction == GW_LEDGER_RECEIVED ? entry->quantity : -entry->quantity;
}

/* How many of @item in @unit will be on hand once @draft is recorded (NULL
 * when voiding): when correcting, the entry being corrected is reversed. */
static gint64
on_hand_after (GwLedgerEntryDialog *self,
               const GwLedgerEntry *draft,
               const char          *item,
               const char          *unit,
               gint64               on_hand)
{
  return on_hand - effect_on (self->correcting, item, unit) + effect_on (draft, item, unit);
}

/* Asked about: on hand going below zero, unless it was already and the
 * change brings it no lower. */
static gboolean
goes_below_zero (gint64 on_hand,
                 gint64 after)
{
  return after < 0 && after < on_hand;
}

static void ask_forbidden (GwLedgerEntryDialog *self);

static void
over_hand_response_cb (AdwMessageDialog    *dialog,
                       const char          *response,
                       GwLedgerEntryDialog *self)
{
  /* Saving destroys this dialog's parent while it is still open: let go
   * of it first, or closing would reach for the finalized parent. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  if (g_strcmp0 (response, "record") == 0)
    ask_forbidden (self);
  else if (g_strcmp0 (response, "void") == 0)
    save (self, TRUE);
}

/* Entries cannot be edited, so a typo in a quantity given out ("500" for
 * "5") would stay in the ledger, and on hand would go below zero. More
 * than is on hand is asked about first; the ledger still records it when
 * confirmed, since the goods may have been counted wrong before. So is a
 * correction or a void that takes away more than is on hand: a received
 * entry corrected down, or voided, after some of it was given out.
 *
 * Returns: whether the question was asked (and the entry is recorded
 * only if the person says so), or the form's mistake shown. */
static gboolean
ask_over_hand (GwLedgerEntryDialog *self,
               gboolean             void_entry)
{
  const GwLedgerEntry *old = self->correcting;
  g_autoptr(GwLedgerEntry) draft = NULL;
  g_autofree char *have = NULL;
  g_autofree char *asked = NULL;
  g_autofree char *question = NULL;
  g_autofree char *body = NULL;
  g_autofree char *item = NULL;
  g_autofree char *unit = NULL;
  AdwMessageDialog *dialog;
  gint64 on_hand = 0;
  gint64 after = 0;

  if (self->kind != GW_LEDGER_GOODS)
    return FALSE;

  /* A form with a mistake says so first. */
  if (!void_entry && (draft = read_draft (self)) == NULL)
    return TRUE;
  if (old != NULL && !has_reason (self))
    return TRUE;

  /* The draft's goods, and the corrected entry's when they differ. */
  if (draft != NULL)
    {
      on_hand = gw_store_get_goods_on_hand (self->store, draft->item, draft->unit);
      after = on_hand_after (self, draft, draft->item, draft->unit, on_hand);
      item = g_strstrip (g_strdup (draft->item));
      unit = g_strstrip (g_strdup (draft->unit != NULL ? draft->unit : ""));
    }
  if (!goes_below_zero (on_hand, after) && old != NULL && old->kind == GW_LEDGER_GOODS &&
      (draft == NULL || !same_goods (old->item, old->unit, draft->item, draft->unit)))
    {
      on_hand = gw_store_get_goods_on_hand (self->store, old->item, old->unit);
      after = on_hand_after (self, draft, old->item, old->unit, on_hand);
      g_free (item);
      g_free (unit);
      item = g_strstrip (g_strdup (old->item));
      unit = g_strstrip (g_strdup (old->unit != NULL ? old->unit : ""));
    }
  if (!goes_below_zero (on_hand, after))
    return FALSE;

  /* Goods given out or used are asked about as they are recorded: how
   * many are on hand before, the entry corrected counted as reversed. */
  if (draft != NULL && draft->direction != GW_LEDGER_RECEIVED &&
      same_goods (item, unit, draft->item, draft->unit))
    on_hand = after + draft->quantity;

  if (on_hand > 0)
    {
      have = gw_goods_format (on_hand, unit, item);
      /* Translators: %s is a quantity of goods, like "58 Coats". */
      question = g_strdup_printf (g_dngettext (NULL, "Only %s is on hand.", "Only %s are on hand.",
                                               (gulong) on_hand),
                                  have);
    }
  else
    /* Translators: %s is the name of goods, like "Coats". */
    question = g_strdup_printf (_("No “%s” are on hand."), item);

  if (draft != NULL && draft->direction != GW_LEDGER_RECEIVED &&
      same_goods (item, unit, draft->item, draft->unit))
    {
      asked = gw_goods_format (draft->quantity, unit, item);
      body = g_strdup_printf (draft->direction == GW_LEDGER_GIVEN_OUT
                              /* Translators: the first %s says how many are on hand, the
                               * second is a quantity of goods, like "500 Coats". */
                              ? _("%s Record %s given out anyway? Entries cannot be changed "
                                  "afterwards, only corrected.")
                              /* Translators: as above, for goods used by the organization. */
                              : _("%s Record %s used anyway? Entries cannot be changed "
                                  "afterwards, only corrected."),
                              question, asked);
    }
  else
    {
      asked = gw_goods_format (on_hand - after, unit, item);
      body = g_strdup_printf (void_entry
                              /* Translators: the first %s says how many are on hand, the
                               * second is a quantity of goods, like "60 Coats", that voiding
                               * an entry of goods received takes away. */
                              ? _("%s Voiding the entry takes %s away. Void it anyway? A voided "
                                  "entry cannot be corrected afterwards.")
                              /* Translators: the first %s says how many are on hand, the
                               * second is a quantity of goods, like "54 Coats", that a
                               * correction (of goods received, say 60 to 6) takes away. */
                              : _("%s The correction takes %s away. Record it anyway? Entries "
                                  "cannot be changed afterwards, only corrected."),
                              question, asked);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("More Than Is on Hand?"), body));
  if (void_entry)
    adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "void", _("_Void Anyway"), NULL);
  else
    adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "record", _("_Record Anyway"), NULL);
  adw_message_dialog_set_response_appearance (dialog, void_entry ? "void" : "record",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (over_hand_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* Receiving from a forbidden source class is asked about, then saved. */
static void
ask_forbidden (GwLedgerEntryDialog *self)
{
  guint direction = adw_combo_row_get_selected (self->direction_row);
  GwSourceClass source = adw_combo_row_get_selected (self->source_row);
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  if (direction != GW_LEDGER_RECEIVED || !gw_ledger_is_forbidden (self->store, source))
    {
      save (self, FALSE);
      return;
    }

  body = g_strdup_printf (_("The organization’s policy forbids receiving from this source class: "
                            "“%s”. It keeps the organization independent of funders who could "
                            "steer it. Record the receipt anyway? It will be named as a warning "
                            "on the dashboard."),
                          gw_source_class_to_label (source));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Record a Forbidden Source?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "record", _("_Record Anyway"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "record", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (forbidden_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_clicked_cb (GwLedgerEntryDialog *self)
{
  if (ask_over_hand (self, FALSE))
    return;
  ask_forbidden (self);
}

static void
void_clicked_cb (GwLedgerEntryDialog *self)
{
  if (ask_over_hand (self, TRUE))
    return;
  save (self, TRUE);
}

static void
gw_ledger_entry_dialog_dispose (GObject *object)
{
  GwLedgerEntryDialog *self = GW_LEDGER_ENTRY_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->correcting, gw_ledger_entry_free);
  g_clear_pointer (&self->drive_ids, g_array_unref);
  g_clear_pointer (&self->member_name, g_free);

  G_OBJECT_CLASS (gw_ledger_entry_dialog_parent_class)->dispose (object);
}

static void
gw_ledger_entry_dialog_class_init (GwLedgerEntryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_ledger_entry_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gw_ledger_entry_dialog_init (GwLedgerEntryDialog *self)
{
}

static AdwEntryRow *
add_entry (GtkWidget  *group,
           const char *title,
           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_ENTRY_ROW (row);
}

static void
update_amount_reading (GwLedgerEntryDialog *self)
{
  g_autofree char *currency = currency_of (self);
  g_autofree char *reading = NULL;
  const char *typed = text_of (self->amount_row);
  gint64 minor = 0;

  if (typed[0] == '\0' || !gw_currency_is_valid (currency))
    reading = g_strdup ("");
  else if (gw_money_parse (typed, currency, &minor, NULL))
    {
      g_autofree char *formatted = gw_money_format (minor, currency);
      /* Translators: how a typed amount is read, e.g. "= 12,345.00 EUR". */
      reading = g_strdup_printf (_("= %s"), formatted);
    }
  else
    reading = g_strdup (_("not an amount"));

  gtk_label_set_text (self->amount_reading, reading);
}

static AdwComboRow *
add_combo (GtkWidget          *group,
           const char         *title,
           GtkStringList      *strings,
           guint               selected)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (strings));
  g_object_unref (strings);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_COMBO_ROW (row);
}

static char *
format_plain_amount (gint64      minor,
                     const char *currency)
{
  return currency != NULL ? gw_money_format_amount (minor, currency) : g_strdup ("");
}

/**
 * gw_ledger_entry_dialog_new:
 *
 * Returns: (transfer floating): the dialog, to present.
 */
GwLedgerEntryDialog *
gw_ledger_entry_dialog_new (GtkWindow           *parent,
                            GwStore             *store,
                            GwLedgerKind         kind,
                            GwLedgerDirection    direction,
                            const GwLedgerEntry *correcting)
{
  GwLedgerEntryDialog *self;
  GtkWidget *box, *header, *cancel, *save_button, *page, *group, *scroller;
  GtkStringList *strings;
  g_autoptr(GPtrArray) drives = NULL;
  g_autofree char *today = gw_date_today ();
  g_autofree char *currency = NULL;
  g_autofree char *date = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *value = NULL;
  g_autofree char *quantity = NULL;
  g_autofree char *households = NULL;
  const GwLedgerEntry *e = correcting;
  guint drive_selected = 0;
  const char *title;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);

  if (e != NULL)
    {
      kind = e->kind;
      direction = e->direction;
      title = _("Correct Entry");
    }
  else
    title = kind == GW_LEDGER_MONEY ? _("Record Money") : _("Record Goods");

  self = g_object_new (GW_TYPE_LEDGER_ENTRY_DIALOG,
                       "modal", TRUE,
                       "transient-for", parent,
                       "title", title,
                       "default-width", 520,
                       "default-height", 720,
                       NULL);
  self->store = g_object_ref (store);
  self->kind = kind;
  self->correcting = e != NULL ? gw_ledger_entry_copy (e) : NULL;
  self->drive_ids = g_array_new (FALSE, TRUE, sizeof (gint64));

  if (e != NULL)
    {
      currency = g_strdup (kind == GW_LEDGER_MONEY ? e->currency : e->value_currency);
      date = g_strdup (e->date);
      if (kind == GW_LEDGER_MONEY)
        amount = format_plain_amount (e->amount, e->currency);
      else
        {
          quantity = g_strdup_printf ("%" G_GINT64_FORMAT, e->quantity);
          if (e->value_currency != NULL)
            value = format_plain_amount (e->value, e->value_currency);
        }
      if (e->households > 0)
        households = g_strdup_printf ("%d", e->households);
      if (e->party_kind == GW_PARTY_MEMBER)
        {
          self->member_id = e->member_id;
          self->member_name = g_strdup (e->party_name);
        }
    }
  if (currency == NULL)
    currency = gw_ledger_dup_default_currency (store);
  if (date == NULL)
    date = g_strdup (today);

  page = adw_preferences_page_new ();

  group = adw_preferences_group_new ();
  if (e != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("The ledger never changes an entry. Saving records an entry "
                                             "reversing this one and the corrected entry; both stay visible."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->error_label), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->error_label));

  if (e != NULL)
    self->reason_row = add_entry (group, _("Reason for the correction (required)"), NULL);

  self->date_row = add_entry (group, _("Date (YYYY-MM-DD)"), date);
  strings = gtk_string_list_new (NULL);
  for (int d = 0; d < GW_N_LEDGER_DIRECTIONS; d++)
    gtk_string_list_append (strings, gw_ledger_direction_to_label (d));
  self->direction_row = add_combo (group, _("Direction"), strings, direction);

  if (kind == GW_LEDGER_MONEY)
    {
      self->amount_row = add_entry (group, _("Amount"), amount);
      self->currency_row = add_entry (group, _("Currency"), currency);

      /* Say how the typed amount is read, so that "12.345" meaning twelve
       * thousand in a comma-decimal currency does not go by unnoticed. */
      self->amount_reading = GTK_LABEL (gtk_label_new (NULL));
      gtk_widget_add_css_class (GTK_WIDGET (self->amount_reading), "dim-label");
      adw_entry_row_add_suffix (self->amount_row, GTK_WIDGET (self->amount_reading));
      g_signal_connect_swapped (self->amount_row, "changed", G_CALLBACK (update_amount_reading), self);
      g_signal_connect_swapped (self->currency_row, "changed", G_CALLBACK (update_amount_reading), self);
      update_amount_reading (self);
    }
  else
    {
      self->item_row = add_entry (group, _("Item, like “Winter coats”"), e != NULL ? e->item : NULL);
      self->quantity_row = add_entry (group, _("Quantity (a whole number)"), quantity);
      self->unit_row = add_entry (group, _("Unit, like “kg” or “bags” (empty: pieces)"), e != NULL ? e->unit : NULL);
      self->value_row = add_entry (group, _("Estimated value (optional)"), value);
      self->currency_row = add_entry (group, _("Currency of the estimate"), currency);
    }

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("The Other Party"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  strings = gtk_string_list_new ((const char *[]) { _("Anonymous"), _("A member"), _("Someone outside"), NULL });
  self->party_row = add_combo (group, _("From or to"), strings, e != NULL ? (guint) e->party_kind : GW_PARTY_ANONYMOUS);

  self->member_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->member_row), _("Member"));
  if (self->member_name != NULL)
    {
      g_autofree char *subtitle = g_strdup_printf (_("Chosen: %s"), self->member_name);
      adw_action_row_set_subtitle (self->member_row, subtitle);
    }
  else
    adw_action_row_set_subtitle (self->member_row, _("Search by name and choose"));
  self->member_search = GW_PERSON_SEARCH (gw_person_search_new (_("Member"), _("Choose")));
  gw_person_search_set_clear_on_choose (self->member_search, FALSE);
  gw_person_search_set_store (self->member_search, store);
  gtk_widget_set_margin_top (GTK_WIDGET (self->member_search), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->member_search), 6);
  gtk_widget_set_hexpand (GTK_WIDGET (self->member_search), TRUE);
  g_signal_connect_object (self->member_search, "chosen", G_CALLBACK (member_chosen_cb), self, 0);
  adw_action_row_add_suffix (self->member_row, GTK_WIDGET (self->member_search));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->member_row));

  self->outside_row = add_entry (group, _("Name of the donor or recipient"),
                                 e != NULL && e->party_kind == GW_PARTY_OUTSIDE ? e->party_name : NULL);

  strings = gtk_string_list_new (NULL);
  for (int c = 0; c < GW_N_SOURCE_CLASSES; c++)
    gtk_string_list_append (strings, gw_source_class_to_label (c));
  self->source_row = add_combo (group, _("Source class"), strings,
                                e != NULL && e->source_class >= 0 ? (guint) e->source_class : GW_SOURCE_INDIVIDUAL);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->source_row), _("Where the gift comes from"));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Details"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  strings = gtk_string_list_new (NULL);
  gtk_string_list_append (strings, _("No drive"));
  g_array_set_size (self->drive_ids, 1);
  drives = gw_store_list_drives (store);
  for (guint i = 0; i < drives->len; i++)
    {
      GwDrive *drive = g_ptr_array_index (drives, i);

      gtk_string_list_append (strings, drive->name);
      g_array_append_val (self->drive_ids, drive->id);
      if (e != NULL && e->drive_id == drive->id)
        drive_selected = i + 1;
    }
  self->drive_row = add_combo (group, _("Drive"), strings, drive_selected);

  self->need_row = add_entry (group, _("Need category, like “Food” or “Winter clothing”"),
                              e != NULL ? e->need_category : NULL);
  self->households_row = add_entry (group, _("Households helped (optional)"), households);
  self->memo_row = add_entry (group, _("Memo"), e != NULL ? e->memo : NULL);
  self->recorded_by_row = add_entry (group, _("Recorded by"),
                                     e != NULL ? NULL : last_recorded_by);

  g_signal_connect_object (self->direction_row, "notify::selected", G_CALLBACK (update_visible), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->party_row, "notify::selected", G_CALLBACK (update_visible), self, G_CONNECT_SWAPPED);
  update_visible (self);

  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  save_button = gtk_button_new_with_mnemonic (e != NULL ? _("_Save Correction") : _("_Record"));
  gtk_widget_add_css_class (save_button, "suggested-action");
  g_signal_connect_swapped (save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save_button);
  if (e != NULL)
    {
      GtkWidget *void_button = gtk_button_new_with_mnemonic (_("_Void"));

      gtk_widget_add_css_class (void_button, "destructive-action");
      gtk_widget_set_tooltip_text (void_button, _("Reverse the entry without a replacement"));
      g_signal_connect_swapped (void_button, "clicked", G_CALLBACK (void_clicked_cb), self);
      adw_header_bar_pack_end (ADW_HEADER_BAR (header), void_button);
    }

  scroller = page;
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (self), box);

  gtk_window_set_default_widget (GTK_WINDOW (self), save_button);
  gtk_widget_grab_focus (GTK_WIDGET (e != NULL ? self->reason_row
                                     : kind == GW_LEDGER_MONEY ? self->amount_row : self->item_row));

  return self;
}
