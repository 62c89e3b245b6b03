/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "gw-date.h"
#include "gw-drive-dialog.h"
#include "gw-ledger-entry-dialog.h"
#include "gw-ledger-model.h"
#include "gw-ledger-page.h"
#include "gw-print-ledger.h"
#include "gw-print-preview.h"
#include "gw-store-ledger.h"
#include "gw-window.h"

/* The donation ledger: the entries, newest first, the drives and their
 * goals, goods on hand, the independence figures and the reports. Entries
 * are never changed: "Correct…" records a reversing entry and a new one. */

enum
{
  PERIOD_ALL,
  PERIOD_30_DAYS,
  PERIOD_90_DAYS,
  PERIOD_YEAR,
  PERIOD_DATES,
};

enum
{
  COLUMN_ID,
  COLUMN_DATE,
  COLUMN_DIRECTION,
  COLUMN_WHAT,
  COLUMN_PARTY,
  COLUMN_SOURCE,
  COLUMN_DRIVE,
  COLUMN_MEMO,
  COLUMN_LINK,
  N_COLUMNS
};

struct _GwLedgerPage
{
  GtkWidget          parent_instance;

  GwStore           *store;
  GwStore           *reader;           /* for the CSV export's thread */
  GwLedgerModel     *model;
  GtkSingleSelection *selection;
  GHashTable        *drive_names;      /* drive id -> name */
  GArray            *drive_filter_ids; /* gint64; position 0: any drive */
  GPtrArray         *drives;           /* GwDrive */
  guint              refresh_source;
  gboolean           exporting;

  GtkWidget         *box;
  GtkStack          *sections;
  GtkDropDown       *period_drop;
  GtkEntry          *from_entry;
  GtkEntry          *to_entry;
  GtkLabel          *period_error;

  /* Entries */
  GtkDropDown       *drive_drop;
  GtkDropDown       *direction_drop;
  GtkDropDown       *kind_drop;
  GtkLabel          *count_label;
  GtkStack          *entries_stack;
  GtkColumnView     *column_view;

  /* The other sections: boxes emptied and refilled on refresh. */
  GtkWidget         *drives_box;
  GtkWidget         *goods_box;
  GtkWidget         *independence_box;
  GtkWidget         *reports_box;
};

G_DEFINE_FINAL_TYPE (GwLedgerPage, gw_ledger_page, GTK_TYPE_WIDGET)

static GtkWindow *
get_window (GwLedgerPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static gboolean
can_write (GwLedgerPage *self)
{
  return self->store != NULL && !gw_store_is_read_only (self->store);
}

/* The period chosen, as two dates (either may be NULL); FALSE when the
 * dates typed are not real dates. */
static gboolean
get_period (GwLedgerPage  *self,
            char         **from,
            char         **to)
{
  g_autofree char *today = gw_date_today ();
  guint period = gtk_drop_down_get_selected (self->period_drop);

  *from = NULL;
  *to = NULL;
  switch (period)
    {
    case PERIOD_30_DAYS:
      *from = gw_date_add_days (today, -29);
      break;
    case PERIOD_90_DAYS:
      *from = gw_date_add_days (today, -89);
      break;
    case PERIOD_YEAR:
      *from = gw_date_add_days (today, -364);
      break;
    case PERIOD_DATES:
      {
        const char *from_text = gtk_editable_get_text (GTK_EDITABLE (self->from_entry));
        const char *to_text = gtk_editable_get_text (GTK_EDITABLE (self->to_entry));

        if (from_text[0] != '\0' && (*from = gw_date_parse_user (from_text)) == NULL)
          return FALSE;
        if (to_text[0] != '\0' && (*to = gw_date_parse_user (to_text)) == NULL)
          {
            g_clear_pointer (from, g_free);
            return FALSE;
          }
      }
      break;
    default:
      break;
    }
  return TRUE;
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static GtkWidget *
heading_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

static GtkWidget *
section_header (const char *title,
                const char *button_label,
                const char *action_name)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = heading_label (title, "heading");

  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (header), label);
  if (button_label != NULL)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (button_label);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
      gtk_box_append (GTK_BOX (header), button);
    }
  gtk_widget_set_margin_top (header, 12);
  return header;
}

/* Entries */

static char *
column_text (GwLedgerPage        *self,
             const GwLedgerEntry *e,
             int                  column)
{
  switch (column)
    {
    case COLUMN_ID:
      return g_strdup_printf ("#%" PRId64, e->id);
    case COLUMN_DATE:
      return gw_date_format (e->date);
    case COLUMN_DIRECTION:
      return g_strdup (gw_ledger_direction_to_label (e->direction));
    case COLUMN_WHAT:
      if (e->kind == GW_LEDGER_MONEY)
        return gw_money_format (gw_ledger_entry_get_sign (e) * e->amount, e->currency);
      else
        {
          g_autofree char *goods = gw_goods_format (gw_ledger_entry_get_sign (e) * e->quantity, e->unit, e->item);

          if (e->value_currency != NULL)
            {
              g_autofree char *value = gw_money_format (e->value, e->value_currency);

              /* Translators: goods and their estimated value. */
              return g_strdup_printf (_("%s (about %s)"), goods, value);
            }
          return g_steal_pointer (&goods);
        }
    case COLUMN_PARTY:
      if (e->party_kind == GW_PARTY_ANONYMOUS)
        return g_strdup (_("Anonymous"));
      return g_strdup (e->party_name != NULL ? e->party_name : "");
    case COLUMN_SOURCE:
      if (e->source_class == GW_SOURCE_NONE)
        {
          if (e->direction == GW_LEDGER_GIVEN_OUT && e->need_category != NULL)
            return e->households > 0
                   ? g_strdup_printf (g_dngettext (NULL, "%s, %d household", "%s, %d households", e->households),
                                      e->need_category, e->households)
                   : g_strdup (e->need_category);
          return g_strdup ("");
        }
      return g_strdup (gw_source_class_to_label (e->source_class));
    case COLUMN_DRIVE:
      if (e->drive_id == 0)
        return g_strdup ("");
      return g_strdup (g_hash_table_lookup (self->drive_names, &e->drive_id));
    case COLUMN_MEMO:
      return g_strdup (e->memo != NULL ? e->memo : "");
    case COLUMN_LINK:
      if (e->corrects_id != 0)
        /* Translators: this entry reverses entry #12. */
        return g_strdup_printf (_("Reverses #%" PRId64), e->corrects_id);
      if (e->corrected_by_id != 0 && e->replaces_id != 0)
        return g_strdup_printf (_("Replaces #%" PRId64 "; corrected by #%" PRId64),
                                e->replaces_id, e->corrected_by_id);
      if (e->corrected_by_id != 0)
        return g_strdup_printf (_("Corrected by #%" PRId64), e->corrected_by_id);
      if (e->replaces_id != 0)
        return g_strdup_printf (_("Replaces #%" PRId64), e->replaces_id);
      return g_strdup ("");
    default:
      return g_strdup ("");
    }
}

/* What a cell shows when its whole text (column_text()) would not fit:
 * the correction column names the linked entries with arrows, the whole
 * sentence going to the tooltip and to screen readers. The column is
 * empty on most rows, so it is kept narrow. */
static char *
column_short_text (const GwLedgerEntry *e,
                   int                  column)
{
  if (column != COLUMN_LINK)
    return NULL;
  if (e->corrects_id != 0)
    /* Translators: short for “Reverses #12” in a narrow column. */
    return g_strdup_printf (_("↩ #%" PRId64), e->corrects_id);
  if (e->corrected_by_id != 0 && e->replaces_id != 0)
    /* Translators: short for “Replaces #12; corrected by #15” in a narrow
     * column. Turn the arrows around in a right-to-left language. */
    return g_strdup_printf (_("← #%" PRId64 " → #%" PRId64), e->replaces_id, e->corrected_by_id);
  if (e->corrected_by_id != 0)
    /* Translators: short for “Corrected by #15” in a narrow column. Turn
     * the arrow around in a right-to-left language. */
    return g_strdup_printf (_("→ #%" PRId64), e->corrected_by_id);
  if (e->replaces_id != 0)
    /* Translators: short for “Replaces #12” in a narrow column. Turn the
     * arrow around in a right-to-left language. */
    return g_strdup_printf (_("← #%" PRId64), e->replaces_id);
  return NULL;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (GPOINTER_TO_INT (user_data) == COLUMN_WHAT)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              GwLedgerPage             *self)
{
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GwLedgerRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const GwLedgerEntry *e;
  g_autofree char *text = NULL;
  g_autofree char *short_text = NULL;

  if (row == NULL)
    return;
  e = gw_ledger_row_get_entry (row);
  text = column_text (self, e, column);
  if (text == NULL)
    text = g_strdup ("");
  short_text = column_short_text (e, column);
  gtk_label_set_text (GTK_LABEL (label), short_text != NULL ? short_text : text);
  /* Whatever may be cut off, or is shortened, is whole in the tooltip. */
  gtk_widget_set_tooltip_text (label, text[0] != '\0' && column >= COLUMN_WHAT ? text : NULL);
  /* A screen reader reads the whole sentence, not the arrows. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);

  /* A reversing entry and a corrected entry stand out, and no longer count. */
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "dim-label");
  gtk_widget_remove_css_class (label, "warning");
  gtk_label_set_attributes (GTK_LABEL (label), NULL);
  if (e->corrects_id != 0)
    gtk_widget_add_css_class (label, column == COLUMN_LINK || column == COLUMN_WHAT ? "error" : "dim-label");
  else if (e->corrected_by_id != 0)
    {
      gtk_widget_add_css_class (label, column == COLUMN_LINK ? "warning" : "dim-label");
      if (column == COLUMN_WHAT)
        {
          PangoAttrList *attrs = pango_attr_list_new ();

          pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
          gtk_label_set_attributes (GTK_LABEL (label), attrs);
          pango_attr_list_unref (attrs);
        }
    }
}

static void
add_column (GwLedgerPage *self,
            int           column,
            const char   *title,
            gboolean      expand,
            int           width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_column_set_resizable (col, TRUE);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (col, width);
  gtk_column_view_append_column (self->column_view, col);
  g_object_unref (col);
}

static const GwLedgerEntry *
get_selected_entry (GwLedgerPage *self)
{
  GwLedgerRow *row = gtk_single_selection_get_selected_item (self->selection);

  return row != NULL ? gw_ledger_row_get_entry (row) : NULL;
}

static void
update_correct_action (GwLedgerPage *self)
{
  const GwLedgerEntry *e = get_selected_entry (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.correct",
                                 can_write (self) && e != NULL &&
                                 e->corrects_id == 0 && e->corrected_by_id == 0);
}

static void
reload_entries (GwLedgerPage *self)
{
  GwLedgerFilter filter;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  guint drive = gtk_drop_down_get_selected (self->drive_drop);
  guint n, total;
  g_autofree char *count = NULL;

  if (self->store == NULL)
    return;

  get_period (self, &from, &to);
  gw_ledger_filter_init (&filter);
  if (drive > 0 && drive < self->drive_filter_ids->len)
    filter.drive_id = g_array_index (self->drive_filter_ids, gint64, drive);
  filter.direction = (int) gtk_drop_down_get_selected (self->direction_drop) - 1;
  filter.kind = (int) gtk_drop_down_get_selected (self->kind_drop) - 1;
  filter.from = from;
  filter.to = to;
  gw_ledger_model_set_filter (self->model, &filter);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  total = (filter.drive_id == 0 && filter.direction < 0 && filter.kind < 0 && from == NULL && to == NULL)
          ? n : gw_store_count_ledger (self->store, NULL);
  if (n == total)
    count = g_strdup_printf (g_dngettext (NULL, "%u entry", "%u entries", n), n);
  else
    /* Translators: "12 of 340 entries". */
    count = g_strdup_printf (g_dngettext (NULL, "%u of %u entry", "%u of %u entries", total), n, total);
  gtk_label_set_text (self->count_label, count);

  gtk_stack_set_visible_child_name (self->entries_stack, total == 0 ? "empty" : n == 0 ? "none" : "list");
  update_correct_action (self);
}

/* Drives */

static void
show_drive_entries_cb (GtkButton    *button,
                       GwLedgerPage *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "drive-id");

  for (guint i = 1; i < self->drive_filter_ids->len; i++)
    if (g_array_index (self->drive_filter_ids, gint64, i) == id)
      gtk_drop_down_set_selected (self->drive_drop, i);
  gtk_drop_down_set_selected (self->period_drop, PERIOD_ALL);
  gtk_stack_set_visible_child_name (self->sections, "entries");
}

static void
edit_drive_cb (GtkButton    *button,
               GwLedgerPage *self)
{
  const GwDrive *drive = g_object_get_data (G_OBJECT (button), "drive");

  gtk_window_present (GTK_WINDOW (gw_drive_dialog_new (get_window (self), self->store, drive)));
}

static char *
goal_text (const GwDriveGoal *goal)
{
  if (goal->kind == GW_LEDGER_MONEY)
    {
      g_autofree char *progress = gw_money_format (goal->progress, goal->currency);
      g_autofree char *amount = gw_money_format (goal->amount, goal->currency);

      /* Translators: progress toward a money goal: "1,240.00 EUR of 2,000.00 EUR". */
      return g_strdup_printf (_("%s of %s"), progress, amount);
    }
  else
    {
      g_autofree char *of = gw_goods_format (goal->quantity, goal->unit, goal->item);

      /* Translators: progress toward a goods goal: "38 of 60 Coats". */
      return g_strdup_printf (_("%" PRId64 " of %s"), goal->progress, of);
    }
}

static void
fill_drives (GwLedgerPage *self)
{
  GtkWidget *list;

  clear_box (self->drives_box);
  gtk_box_append (GTK_BOX (self->drives_box),
                  section_header (_("Drives"), _("_New Drive…"), "ledger.new-drive"));

  if (self->drives->len == 0)
    {
      gtk_box_append (GTK_BOX (self->drives_box),
                      heading_label (_("No drives yet. A drive gathers gifts toward goals, like 60 coats "
                                       "or 2,000 in money, and shows the progress."), "dim-label"));
      return;
    }

  list = boxed_list ();
  gtk_box_append (GTK_BOX (self->drives_box), list);
  for (guint i = 0; i < self->drives->len; i++)
    {
      GwDrive *drive = g_ptr_array_index (self->drives, i);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *title = heading_label (drive->name, "heading");
      GtkWidget *show = gtk_button_new_with_label (_("Show Entries"));
      GtkWidget *edit = gtk_button_new_with_label (_("Edit…"));
      g_autofree char *start = drive->start_date != NULL ? gw_date_format (drive->start_date) : NULL;
      g_autofree char *end = drive->end_date != NULL ? gw_date_format (drive->end_date) : NULL;
      g_autofree char *dates = NULL;
      g_autofree char *n_entries = g_strdup_printf (g_dngettext (NULL, "%" PRId64 " entry",
                                                                 "%" PRId64 " entries", drive->n_entries),
                                                    drive->n_entries);

      if (start != NULL && end != NULL)
        /* Translators: a drive's dates, then its number of entries. */
        dates = g_strdup_printf (_("%s to %s · %s"), start, end, n_entries);
      else if (start != NULL)
        dates = g_strdup_printf (_("From %s · %s"), start, n_entries);
      else if (end != NULL)
        dates = g_strdup_printf (_("Until %s · %s"), end, n_entries);
      else
        dates = g_strdup (n_entries);

      gtk_widget_set_margin_start (row, 12);
      gtk_widget_set_margin_end (row, 12);
      gtk_widget_set_margin_top (row, 12);
      gtk_widget_set_margin_bottom (row, 12);
      gtk_widget_set_hexpand (title, TRUE);
      gtk_box_append (GTK_BOX (top), title);
      g_object_set_data_full (G_OBJECT (show), "drive-id", g_memdup2 (&drive->id, sizeof drive->id), g_free);
      g_signal_connect (show, "clicked", G_CALLBACK (show_drive_entries_cb), self);
      gtk_box_append (GTK_BOX (top), show);
      g_object_set_data (G_OBJECT (edit), "drive", drive);
      g_signal_connect (edit, "clicked", G_CALLBACK (edit_drive_cb), self);
      gtk_widget_set_sensitive (edit, can_write (self));
      gtk_box_append (GTK_BOX (top), edit);
      gtk_box_append (GTK_BOX (row), top);
      gtk_box_append (GTK_BOX (row), heading_label (dates, "dim-label"));
      if (drive->notes != NULL && drive->notes[0] != '\0')
        gtk_box_append (GTK_BOX (row), heading_label (drive->notes, NULL));

      for (guint g = 0; g < drive->goals->len; g++)
        {
          GwDriveGoal *goal = g_ptr_array_index (drive->goals, g);
          GtkWidget *bar = gtk_progress_bar_new ();
          gint64 target = goal->kind == GW_LEDGER_MONEY ? goal->amount : goal->quantity;
          g_autofree char *text = goal_text (goal);

          gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar),
                                         target > 0 ? CLAMP ((double) goal->progress / target, 0, 1) : 0);
          gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (bar), TRUE);
          gtk_progress_bar_set_text (GTK_PROGRESS_BAR (bar), text);
          gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
          gtk_box_append (GTK_BOX (row), bar);
        }
      if (drive->goals->len == 0)
        gtk_box_append (GTK_BOX (row), heading_label (_("No goals"), "dim-label"));

      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
}

static void
reload_drives (GwLedgerPage *self)
{
  GtkStringList *strings = gtk_string_list_new (NULL);
  gint64 selected_id = 0;
  guint selected = 0;
  guint old = gtk_drop_down_get_selected (self->drive_drop);

  if (old > 0 && old < self->drive_filter_ids->len)
    selected_id = g_array_index (self->drive_filter_ids, gint64, old);

  g_clear_pointer (&self->drives, g_ptr_array_unref);
  self->drives = gw_store_list_drives (self->store);
  g_hash_table_remove_all (self->drive_names);
  g_array_set_size (self->drive_filter_ids, 1);
  gtk_string_list_append (strings, _("Every drive"));
  for (guint i = 0; i < self->drives->len; i++)
    {
      GwDrive *drive = g_ptr_array_index (self->drives, i);

      g_hash_table_insert (self->drive_names, g_memdup2 (&drive->id, sizeof drive->id), g_strdup (drive->name));
      gtk_string_list_append (strings, drive->name);
      g_array_append_val (self->drive_filter_ids, drive->id);
      if (drive->id == selected_id)
        selected = i + 1;
    }
  g_signal_handlers_block_matched (self->drive_drop, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_drop_down_set_model (self->drive_drop, G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (self->drive_drop, selected);
  g_signal_handlers_unblock_matched (self->drive_drop, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  g_object_unref (strings);

  fill_drives (self);
}

/* Goods on hand */

static void
fill_goods (GwLedgerPage *self)
{
  g_autoptr(GPtrArray) goods = gw_store_list_goods_on_hand (self->store);
  GtkWidget *list;

  clear_box (self->goods_box);
  gtk_box_append (GTK_BOX (self->goods_box),
                  section_header (_("Goods on Hand"), _("_Print…"), "ledger.print-goods"));
  if (goods->len == 0)
    {
      gtk_box_append (GTK_BOX (self->goods_box),
                      heading_label (_("No goods received yet."), "dim-label"));
      return;
    }

  list = boxed_list ();
  gtk_box_append (GTK_BOX (self->goods_box), list);
  for (guint i = 0; i < goods->len; i++)
    {
      GwGoodsOnHand *g = g_ptr_array_index (goods, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *on_hand;
      g_autofree char *amount = gw_goods_format (g->on_hand, g->unit, NULL);
      g_autofree char *subtitle = NULL;

      if (g->used > 0)
        subtitle = g_strdup_printf (_("Received %" PRId64 " · given out %" PRId64
                                      " · used %" PRId64), g->received, g->given_out, g->used);
      else
        subtitle = g_strdup_printf (_("Received %" PRId64 " · given out %" PRId64),
                                    g->received, g->given_out);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g->item);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      on_hand = gtk_label_new (g_strstrip (amount));
      gtk_widget_add_css_class (on_hand, "numeric");
      gtk_widget_add_css_class (on_hand, g->on_hand < 0 ? "error" : "heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), on_hand);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
}

/* Independence */

static void
add_forbidden_warning (GtkWidget *box,
                       GPtrArray *forbidden)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *heading = NULL;

  if (forbidden == NULL || forbidden->len == 0)
    return;

  heading = g_strdup_printf (g_dngettext (NULL, "%u receipt from a source the policy forbids",
                                          "%u receipts from sources the policy forbids", forbidden->len),
                             forbidden->len);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_top (card, 12);
  gtk_box_append (GTK_BOX (card), heading_label (heading, "heading"));
  gtk_widget_add_css_class (gtk_widget_get_last_child (card), "error");
  for (guint i = 0; i < forbidden->len && i < 20; i++)
    {
      GwLedgerEntry *e = g_ptr_array_index (forbidden, i);
      g_autofree char *date = gw_date_format (e->date);
      g_autofree char *amount = e->kind == GW_LEDGER_MONEY ? gw_money_format (e->amount, e->currency)
                                                           : gw_goods_format (e->quantity, e->unit, e->item);
      /* Translators: a forbidden receipt: "#12 · 3 March 2024 · 500.00 EUR from City Council (Government)". */
      g_autofree char *line = g_strdup_printf (_("#%" PRId64 " · %s · %s from %s (%s)"),
                                               e->id, date, amount,
                                               e->party_kind == GW_PARTY_ANONYMOUS || e->party_name == NULL
                                               ? _("Anonymous") : e->party_name,
                                               gw_source_class_to_label (e->source_class));

      gtk_box_append (GTK_BOX (card), heading_label (line, NULL));
    }
  for (GtkWidget *c = gtk_widget_get_first_child (card); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      gtk_widget_set_margin_start (c, 12);
      gtk_widget_set_margin_end (c, 12);
    }
  gtk_widget_set_margin_top (gtk_widget_get_first_child (card), 12);
  gtk_widget_set_margin_bottom (gtk_widget_get_last_child (card), 12);
  gtk_box_append (GTK_BOX (box), card);
}

static void
fill_independence (GwLedgerPage *self)
{
  g_autoptr(GwIndependence) ind = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean forbidden[GW_N_SOURCE_CLASSES];

  clear_box (self->independence_box);
  gtk_box_append (GTK_BOX (self->independence_box),
                  section_header (_("Independence"), _("_Print…"), "ledger.print-sources"));
  get_period (self, &from, &to);
  ind = gw_store_get_independence (self->store, from, to, &error);
  if (ind == NULL)
    {
      gtk_box_append (GTK_BOX (self->independence_box), heading_label (error->message, "error"));
      return;
    }

  add_forbidden_warning (self->independence_box, ind->forbidden);
  gw_ledger_get_forbidden (self->store, forbidden);

  if (ind->currencies->len == 0)
    gtk_box_append (GTK_BOX (self->independence_box),
                    heading_label (_("No money received in this period."), "dim-label"));

  for (guint i = 0; i < ind->currencies->len; i++)
    {
      GwIndependenceCurrency *c = g_ptr_array_index (ind->currencies, i);
      GtkWidget *list = boxed_list ();
      g_autofree char *received = gw_money_format (c->received, c->currency);
      g_autofree char *title = g_strdup_printf (_("%s received"), received);

      gtk_box_append (GTK_BOX (self->independence_box), heading_label (title, "title-4"));
      gtk_widget_set_margin_top (gtk_widget_get_last_child (self->independence_box), 12);
      gtk_box_append (GTK_BOX (self->independence_box), list);

      for (int s = 0; s < GW_N_SOURCE_CLASSES; s++)
        {
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *bar = gtk_progress_bar_new ();
          g_autofree char *amount = gw_money_format (c->by_source[s], c->currency);
          g_autofree char *text = g_strdup_printf (_("%.0f %% · %s"), c->share[s] * 100, amount);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gw_source_class_to_label (s));
          if (forbidden[s])
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Forbidden by the policy"));
          gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), c->share[s]);
          gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (bar), TRUE);
          gtk_progress_bar_set_text (GTK_PROGRESS_BAR (bar), text);
          gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
          gtk_widget_set_size_request (bar, 280, -1);
          gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
          if (forbidden[s] && c->by_source[s] > 0)
            gtk_widget_add_css_class (bar, "error");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }

      if (c->largest_amount > 0)
        {
          g_autofree char *largest = gw_money_format (c->largest_amount, c->currency);
          const char *name = c->largest_kind == GW_PARTY_ANONYMOUS ? _("Anonymous gifts, together")
                                                                    : c->largest_name;
          /* Translators: the largest single source of money: "Maria Lopez gave 32 % (640.00 EUR)". */
          g_autofree char *line = g_strdup_printf (_("Largest single source: %s, %.0f %% (%s)"),
                                                   name, c->largest_share * 100, largest);
          GtkWidget *label = heading_label (line, c->largest_share >= 0.5 ? "warning" : NULL);

          gtk_widget_set_margin_top (label, 6);
          gtk_box_append (GTK_BOX (self->independence_box), label);
        }
    }
}

/* Reports */

static void
add_cell (GtkWidget  *grid,
          const char *text,
          int         column,
          int         row,
          gboolean    header)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  gtk_widget_add_css_class (label, header ? "heading" : "numeric");
  gtk_grid_attach (GTK_GRID (grid), label, column, row, 1, 1);
}

static void
add_money_cell (GtkWidget  *grid,
                gint64      minor,
                const char *currency,
                int         column,
                int         row)
{
  g_autofree char *text = gw_money_format (minor, currency);

  add_cell (grid, text, column, row, FALSE);
}

static GtkWidget *
report_grid (GtkWidget   *box,
             const char  *first,
             const char **headers)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_add_css_class (grid, "card");
  gtk_widget_set_margin_top (grid, 6);
  g_object_set (grid, "margin-start", 0, NULL);
  add_cell (grid, first, 0, 0, TRUE);
  for (int i = 0; headers[i] != NULL; i++)
    add_cell (grid, headers[i], i + 1, 0, TRUE);
  for (GtkWidget *c = gtk_widget_get_first_child (grid); c != NULL; c = gtk_widget_get_next_sibling (c))
    gtk_widget_set_margin_top (c, 12);
  gtk_box_append (GTK_BOX (box), grid);
  return grid;
}

static void
pad_grid (GtkWidget *grid)
{
  int columns = 0;
  int rows = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (grid); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      int column;

      gtk_grid_query_child (GTK_GRID (grid), c, &column, NULL, NULL, NULL);
      columns = MAX (columns, column + 1);
      if (column == 0)
        gtk_widget_set_margin_start (c, 12);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (grid); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      int column;

      gtk_grid_query_child (GTK_GRID (grid), c, &column, NULL, NULL, NULL);
      if (column == columns - 1)
        gtk_widget_set_margin_end (c, 12);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (grid); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      int row;

      gtk_grid_query_child (GTK_GRID (grid), c, NULL, &row, NULL, NULL);
      rows = MAX (rows, row + 1);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (grid); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      int row;

      gtk_grid_query_child (GTK_GRID (grid), c, NULL, &row, NULL, NULL);
      if (row == rows - 1)
        gtk_widget_set_margin_bottom (c, 12);
    }
}

static void
fill_reports (GwLedgerPage *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(GPtrArray) balances = gw_store_list_balances (self->store);
  g_autoptr(GPtrArray) months = NULL;
  g_autoptr(GPtrArray) drives = gw_store_report_drives (self->store);
  g_autoptr(GPtrArray) sources = NULL;
  const char *money_headers[] = { _("Received"), _("Given out"), _("Spent"), _("Balance"), NULL };
  GtkWidget *grid;
  int row;

  get_period (self, &from, &to);
  months = gw_store_report_months (self->store, from, to);
  sources = gw_store_report_sources (self->store, from, to);

  clear_box (self->reports_box);

  gtk_box_append (GTK_BOX (self->reports_box), section_header (_("Balances, All Time"), NULL, NULL));
  if (balances->len == 0)
    gtk_box_append (GTK_BOX (self->reports_box), heading_label (_("No money recorded yet."), "dim-label"));
  else
    {
      grid = report_grid (self->reports_box, _("Currency"), money_headers);
      for (guint i = 0; i < balances->len; i++)
        {
          GwLedgerTotals *t = g_ptr_array_index (balances, i);

          add_cell (grid, t->currency, 0, i + 1, FALSE);
          add_money_cell (grid, t->received, t->currency, 1, i + 1);
          add_money_cell (grid, t->given_out, t->currency, 2, i + 1);
          add_money_cell (grid, t->spent, t->currency, 3, i + 1);
          add_money_cell (grid, t->balance, t->currency, 4, i + 1);
        }
      pad_grid (grid);
    }

  gtk_box_append (GTK_BOX (self->reports_box), section_header (_("Per Month"), _("_Print…"), "ledger.print-months"));
  if (months->len == 0)
    gtk_box_append (GTK_BOX (self->reports_box), heading_label (_("No money in this period."), "dim-label"));
  else
    {
      grid = report_grid (self->reports_box, _("Month"), money_headers);
      add_cell (grid, _("Currency"), 5, 0, TRUE);
      gtk_widget_set_margin_top (gtk_grid_get_child_at (GTK_GRID (grid), 5, 0), 12);
      row = 1;
      for (guint i = 0; i < months->len; i++)
        {
          GwLedgerTotals *t = g_ptr_array_index (months, i);

          add_cell (grid, t->month, 0, row, FALSE);
          add_money_cell (grid, t->received, t->currency, 1, row);
          add_money_cell (grid, t->given_out, t->currency, 2, row);
          add_money_cell (grid, t->spent, t->currency, 3, row);
          add_money_cell (grid, t->balance, t->currency, 4, row);
          add_cell (grid, t->currency, 5, row, FALSE);
          row++;
        }
      pad_grid (grid);
    }

  gtk_box_append (GTK_BOX (self->reports_box), section_header (_("By Drive, All Time"), _("P_rint…"), "ledger.print-drives"));
  if (drives->len == 0)
    gtk_box_append (GTK_BOX (self->reports_box), heading_label (_("No money recorded for a drive."), "dim-label"));
  else
    {
      grid = report_grid (self->reports_box, _("Drive"), money_headers);
      for (guint i = 0; i < drives->len; i++)
        {
          GwLedgerTotals *t = g_ptr_array_index (drives, i);

          add_cell (grid, t->label, 0, i + 1, FALSE);
          add_money_cell (grid, t->received, t->currency, 1, i + 1);
          add_money_cell (grid, t->given_out, t->currency, 2, i + 1);
          add_money_cell (grid, t->spent, t->currency, 3, i + 1);
          add_money_cell (grid, t->balance, t->currency, 4, i + 1);
        }
      pad_grid (grid);
    }

  gtk_box_append (GTK_BOX (self->reports_box), section_header (_("Received by Source Class"), _("Pr_int…"), "ledger.print-sources"));
  if (sources->len == 0)
    gtk_box_append (GTK_BOX (self->reports_box), heading_label (_("No money received in this period."), "dim-label"));
  else
    {
      const char *source_headers[] = { _("Received"), _("Entries"), NULL };

      grid = report_grid (self->reports_box, _("Source class"), source_headers);
      for (guint i = 0; i < sources->len; i++)
        {
          GwLedgerTotals *t = g_ptr_array_index (sources, i);
          g_autofree char *n = g_strdup_printf ("%" PRId64, t->n_entries);

          add_cell (grid, t->label, 0, i + 1, FALSE);
          add_money_cell (grid, t->received, t->currency, 1, i + 1);
          add_cell (grid, n, 2, i + 1, FALSE);
        }
      pad_grid (grid);
    }
}

/* Refreshing */

static void
refresh (GwLedgerPage *self)
{
  if (self->store == NULL)
    return;

  reload_drives (self);
  reload_entries (self);
  fill_goods (self);
  fill_independence (self);
  fill_reports (self);
}

static gboolean
refresh_cb (gpointer user_data)
{
  GwLedgerPage *self = user_data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (GwLedgerPage *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_timeout_add (100, refresh_cb, self);
}

static void
filter_changed_cb (GwLedgerPage *self)
{
  reload_entries (self);
}

static void
period_changed_cb (GwLedgerPage *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean dates = gtk_drop_down_get_selected (self->period_drop) == PERIOD_DATES;
  gboolean ok;

  gtk_widget_set_visible (GTK_WIDGET (self->from_entry), dates);
  gtk_widget_set_visible (GTK_WIDGET (self->to_entry), dates);
  ok = get_period (self, &from, &to);
  gtk_widget_set_visible (GTK_WIDGET (self->period_error), !ok);
  if (!ok)
    return;

  reload_entries (self);
  fill_independence (self);
  fill_reports (self);
}

/* Actions */

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GwLedgerPage *self = GW_LEDGER_PAGE (widget);
  GwLedgerKind kind = g_str_equal (action_name, "ledger.record-goods") ? GW_LEDGER_GOODS : GW_LEDGER_MONEY;

  if (!can_write (self))
    return;
  gtk_window_present (GTK_WINDOW (gw_ledger_entry_dialog_new (get_window (self), self->store, kind,
                                                              GW_LEDGER_RECEIVED, NULL)));
}

static void
correct_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  GwLedgerPage *self = GW_LEDGER_PAGE (widget);
  const GwLedgerEntry *e = get_selected_entry (self);

  if (!can_write (self) || e == NULL)
    return;
  gtk_window_present (GTK_WINDOW (gw_ledger_entry_dialog_new (get_window (self), self->store, e->kind,
                                                              e->direction, e)));
}

static void
new_drive_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  GwLedgerPage *self = GW_LEDGER_PAGE (widget);

  if (!can_write (self))
    return;
  gtk_window_present (GTK_WINDOW (gw_drive_dialog_new (get_window (self), self->store, NULL)));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  GwLedgerPage *self = GW_LEDGER_PAGE (widget);
  g_autoptr(GwPrintDocument) document = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (self->store == NULL)
    return;
  get_period (self, &from, &to);
  if (g_str_equal (action_name, "ledger.print-months"))
    document = gw_print_ledger_months_new (self->store, from, to);
  else if (g_str_equal (action_name, "ledger.print-drives"))
    document = gw_print_ledger_drives_new (self->store);
  else if (g_str_equal (action_name, "ledger.print-sources"))
    document = gw_print_ledger_sources_new (self->store, from, to);
  else
    document = gw_print_goods_on_hand_new (self->store);
  gw_print_preview_present (get_window (self), document);
}

/* Export */

typedef struct
{
  GwStore  *store;
  gint64    drive_id;
  int       direction;
  int       kind;
  char     *from;
  char     *to;
  char     *path;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->store);
  g_free (data->from);
  g_free (data->to);
  g_free (data->path);
  g_free (data);
}

static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ExportData *data = task_data;
  GwLedgerFilter filter;
  GError *error = NULL;

  gw_ledger_filter_init (&filter);
  filter.drive_id = data->drive_id;
  filter.direction = data->direction;
  filter.kind = data->kind;
  filter.from = data->from;
  filter.to = data->to;
  if (gw_ledger_export_csv (data->store, &filter, data->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GwLedgerPage *self = GW_LEDGER_PAGE (object);
  ExportData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  GtkWindow *window = get_window (self);

  self->exporting = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.export-csv", TRUE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (GW_IS_WINDOW (window))
        gw_window_show_error (GW_WINDOW (window), _("Could Not Export"), error);
      return;
    }

  if (GW_IS_WINDOW (window))
    {
      g_autofree char *name = g_path_get_basename (data->path);
      g_autofree char *title = g_strdup_printf (_("Exported to “%s”"), name);

      gw_window_add_toast (GW_WINDOW (window), adw_toast_new (title));
    }
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    GwLedgerPage    *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;
  ExportData *data;
  guint drive = gtk_drop_down_get_selected (self->drive_drop);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file == NULL || self->store == NULL)
    return;

  data = g_new0 (ExportData, 1);
  data->store = g_object_ref (self->reader != NULL ? self->reader : self->store);
  data->path = g_file_get_path (file);
  get_period (self, &data->from, &data->to);
  if (drive > 0 && drive < self->drive_filter_ids->len)
    data->drive_id = g_array_index (self->drive_filter_ids, gint64, drive);
  data->direction = (int) gtk_drop_down_get_selected (self->direction_drop) - 1;
  data->kind = (int) gtk_drop_down_get_selected (self->kind_drop) - 1;

  self->exporting = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.export-csv", FALSE);
  task = g_task_new (self, NULL, export_done_cb, NULL);
  g_task_set_source_tag (task, export_response_cb);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  /* The export reads on its own connection; without one, it reads here. */
  if (self->reader != NULL)
    g_task_run_in_thread (task, export_in_thread);
  else
    {
      g_task_run_in_thread_sync (task, export_in_thread);
      export_done_cb (G_OBJECT (self), G_ASYNC_RESULT (task), NULL);
    }
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GwLedgerPage *self = GW_LEDGER_PAGE (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *today = gw_date_today ();
  /* Translators: the file name of the exported ledger; %s is today's date. */
  g_autofree char *name = g_strdup_printf (_("ledger-%s.csv"), today);

  if (self->store == NULL || self->exporting)
    return;
  dialog = gtk_file_chooser_native_new (_("Export the Ledger as CSV"), get_window (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Activating an entry corrects it. */
static void
activate_cb (GtkColumnView *view,
             guint          position,
             GwLedgerPage  *self)
{
  const GwLedgerEntry *e;
  g_autofree char *why = NULL;
  GtkRoot *window;

  gtk_single_selection_set_selected (self->selection, position);
  e = get_selected_entry (self);
  if (e == NULL || !can_write (self))
    return;

  /* Say why an entry cannot be corrected, rather than doing nothing. */
  if (e->corrects_id != 0)
    why = g_strdup_printf (_("#%" PRId64 " reverses #%" PRId64 " and cannot be corrected itself"),
                           e->id, e->corrects_id);
  else if (e->corrected_by_id != 0)
    why = g_strdup_printf (_("#%" PRId64 " was already corrected by #%" PRId64
                             ": correct its replacement instead"), e->id, e->corrected_by_id);

  if (why == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "ledger.correct", NULL);
      return;
    }

  window = gtk_widget_get_root (GTK_WIDGET (self));
  if (GW_IS_WINDOW (window))
    gw_window_add_toast (GW_WINDOW (window), adw_toast_new (why));
}

/* Building */

static GtkDropDown *
add_drop_down (GtkWidget   *box,
               const char  *name,
               const char **strings)
{
  GtkWidget *drop = gtk_drop_down_new_from_strings (strings);

  gtk_accessible_update_property (GTK_ACCESSIBLE (drop), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_tooltip_text (drop, name);
  gtk_box_append (GTK_BOX (box), drop);
  return GTK_DROP_DOWN (drop);
}

static GtkWidget *
section_page (GtkWidget **content)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (*content, 12);
  gtk_widget_set_margin_end (*content, 12);
  gtk_widget_set_margin_bottom (*content, 24);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), *content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  return scroller;
}

static GtkWidget *
build_entries (GwLedgerPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scroller, *status, *button, *correct;
  const char *any_drive[] = { _("Every drive"), NULL };
  const char *directions[] = { _("Every direction"), _("Received"), _("Given out"), _("Spent"), NULL };
  const char *kinds[] = { _("Money and goods"), _("Money"), _("Goods"), NULL };

  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  self->drive_drop = add_drop_down (bar, _("Drive"), any_drive);
  self->direction_drop = add_drop_down (bar, _("Direction"), directions);
  self->kind_drop = add_drop_down (bar, _("Money or goods"), kinds);
  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_widget_set_hexpand (GTK_WIDGET (self->count_label), TRUE);
  gtk_label_set_xalign (self->count_label, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->count_label), 6);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->count_label));
  correct = gtk_button_new_with_mnemonic (_("C_orrect…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (correct), "ledger.correct");
  gtk_widget_set_tooltip_text (correct, _("Correct or void the selected entry: the ledger keeps both"));
  gtk_box_append (GTK_BOX (bar), correct);
  gtk_box_append (GTK_BOX (box), bar);

  g_signal_connect_object (self->drive_drop, "notify::selected", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->direction_drop, "notify::selected", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kind_drop, "notify::selected", G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);

  self->entries_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->entries_stack), TRUE);

  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_row_separators (self->column_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Ledger entries, newest first"), -1);
  /* Sized for the default window (about 1080 pixels): what was given or
   * received and the memo take what is left; the correction column, empty
   * on most rows, only holds arrows and entry numbers. */
  add_column (self, COLUMN_ID, _("No."), FALSE, 52);
  add_column (self, COLUMN_DATE, _("Date"), FALSE, 86);
  add_column (self, COLUMN_DIRECTION, _("Direction"), FALSE, 80);
  add_column (self, COLUMN_WHAT, _("Amount or goods"), TRUE, 220);
  add_column (self, COLUMN_LINK, _("Correction"), FALSE, 96);
  add_column (self, COLUMN_PARTY, _("Other party"), FALSE, 130);
  add_column (self, COLUMN_SOURCE, _("Source or need"), FALSE, 140);
  add_column (self, COLUMN_DRIVE, _("Drive"), FALSE, 130);
  add_column (self, COLUMN_MEMO, _("Memo"), TRUE, 90);
  g_signal_connect_object (self->column_view, "activate", G_CALLBACK (activate_cb), self, 0);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->column_view));
  gtk_stack_add_named (self->entries_stack, scroller, "list");

  status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "accessories-text-editor-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Record the First Gift"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Every gift in and every distribution out is kept here, and never "
                                     "silently changed: a mistake is corrected by a visible entry."));
  button = gtk_button_new_with_mnemonic (_("Record _Money…"));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "ledger.record-money");
  adw_status_page_set_child (ADW_STATUS_PAGE (status), button);
  gtk_stack_add_named (self->entries_stack, status, "empty");

  status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "edit-find-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Matching Entries"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status), _("Try another drive, direction or period."));
  gtk_stack_add_named (self->entries_stack, status, "none");

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entries_stack));
  return box;
}

static void
build (GwLedgerPage *self)
{
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *switcher = gtk_stack_switcher_new ();
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *button, *menu_button, *period_label;
  GMenu *menu = g_menu_new ();
  const char *periods[] = { _("All time"), _("Last 30 days"), _("Last 90 days"), _("Last year"),
                            _("Between dates"), NULL };

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->sections = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->sections, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->sections), TRUE);
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), self->sections);

  gtk_widget_set_margin_start (top, 12);
  gtk_widget_set_margin_end (top, 12);
  gtk_widget_set_margin_top (top, 12);
  gtk_box_append (GTK_BOX (top), switcher);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (top), spacer);

  button = gtk_button_new_with_mnemonic (_("Record _Money…"));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "ledger.record-money");
  gtk_widget_set_tooltip_text (button, _("Record money received, given out or spent"));
  gtk_box_append (GTK_BOX (top), button);
  button = gtk_button_new_with_mnemonic (_("Record _Goods…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "ledger.record-goods");
  gtk_widget_set_tooltip_text (button, _("Record goods received, given out or used"));
  gtk_box_append (GTK_BOX (top), button);

  g_menu_append (menu, _("_New Drive…"), "ledger.new-drive");
  g_menu_append (menu, _("_Export CSV…"), "ledger.export-csv");
  g_menu_append (menu, _("Print _Monthly Report…"), "ledger.print-months");
  g_menu_append (menu, _("Print Report by _Drive…"), "ledger.print-drives");
  g_menu_append (menu, _("Print Report by _Source…"), "ledger.print-sources");
  g_menu_append (menu, _("Print _Goods on Hand…"), "ledger.print-goods");
  menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (menu_button, _("Drives, Reports and Export"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Drives, Reports and Export"), -1);
  g_object_unref (menu);
  gtk_box_append (GTK_BOX (top), menu_button);
  gtk_box_append (GTK_BOX (self->box), top);

  /* The period: for the entries, the independence figures and the reports. */
  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (top, 12);
  gtk_widget_set_margin_end (top, 12);
  period_label = gtk_label_new_with_mnemonic (_("_Period"));
  gtk_box_append (GTK_BOX (top), period_label);
  self->period_drop = add_drop_down (top, _("Period"), periods);
  gtk_label_set_mnemonic_widget (GTK_LABEL (period_label), GTK_WIDGET (self->period_drop));
  self->from_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->from_entry, _("From, like 2024-01-01"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->from_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("From"), -1);
  self->to_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->to_entry, _("To, like 2024-12-31"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->to_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("To"), -1);
  gtk_widget_set_visible (GTK_WIDGET (self->from_entry), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->to_entry), FALSE);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->from_entry));
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->to_entry));
  self->period_error = GTK_LABEL (gtk_label_new (_("Enter real dates, like 2024-01-31.")));
  gtk_widget_add_css_class (GTK_WIDGET (self->period_error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->period_error), FALSE);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->period_error));
  gtk_box_append (GTK_BOX (self->box), top);
  g_signal_connect_object (self->period_drop, "notify::selected", G_CALLBACK (period_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->from_entry, "activate", G_CALLBACK (period_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to_entry, "activate", G_CALLBACK (period_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_stack_add_titled (self->sections, build_entries (self), "entries", _("Entries"));
  gtk_stack_add_titled (self->sections, section_page (&self->drives_box), "drives", _("Drives"));
  gtk_stack_add_titled (self->sections, section_page (&self->goods_box), "goods", _("Goods on Hand"));
  gtk_stack_add_titled (self->sections, section_page (&self->independence_box), "independence", _("Independence"));
  gtk_stack_add_titled (self->sections, section_page (&self->reports_box), "reports", _("Reports"));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->sections));
}

static void
update_actions (GwLedgerPage *self)
{
  gboolean writable = can_write (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.record-money", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.record-goods", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.new-drive", writable);
  update_correct_action (self);
}

void
gw_ledger_page_set_store (GwLedgerPage *self,
                          GwStore      *store)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (GW_IS_LEDGER_PAGE (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  g_clear_object (&self->reader);
  if (store == NULL)
    return;

  g_clear_object (&self->model);
  self->model = gw_ledger_model_new (store);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->model));
  g_signal_connect_object (store, "ledger-changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "members-changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  self->reader = gw_store_open_reader (store, &error);
  if (self->reader == NULL)
    g_debug ("Exporting the ledger in the main thread: %s", error->message);

  update_actions (self);
  refresh (self);
}

static void
gw_ledger_page_dispose (GObject *object)
{
  GwLedgerPage *self = GW_LEDGER_PAGE (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_object (&self->reader);
  g_clear_pointer (&self->drive_names, g_hash_table_unref);
  g_clear_pointer (&self->drive_filter_ids, g_array_unref);
  g_clear_pointer (&self->drives, g_ptr_array_unref);

  G_OBJECT_CLASS (gw_ledger_page_parent_class)->dispose (object);
}

static void
gw_ledger_page_class_init (GwLedgerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_ledger_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "ledger.record-money", NULL, record_action);
  gtk_widget_class_install_action (widget_class, "ledger.record-goods", NULL, record_action);
  gtk_widget_class_install_action (widget_class, "ledger.correct", NULL, correct_action);
  gtk_widget_class_install_action (widget_class, "ledger.new-drive", NULL, new_drive_action);
  gtk_widget_class_install_action (widget_class, "ledger.export-csv", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "ledger.print-months", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "ledger.print-drives", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "ledger.print-sources", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "ledger.print-goods", NULL, print_action);
}

static void
gw_ledger_page_init (GwLedgerPage *self)
{
  self->drive_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->drive_filter_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_array_set_size (self->drive_filter_ids, 1);
  self->drives = g_ptr_array_new ();

  build (self);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (update_correct_action), self, G_CONNECT_SWAPPED);
  update_actions (self);
}
