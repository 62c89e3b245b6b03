/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gw-date.h"
#include "gw-drive-dialog.h"
#include "gw-store-ledger.h"
#include "gw-window.h"

struct _GwDriveDialog
{
  AdwWindow     parent_instance;

  GwStore      *store;
  GwDrive      *drive;            /* the drive edited, or NULL */

  GtkLabel     *error_label;
  AdwEntryRow  *name_row;
  AdwEntryRow  *start_row;
  AdwEntryRow  *end_row;
  AdwEntryRow  *notes_row;
  GtkWidget    *money_group;
  GtkWidget    *goods_group;
  GPtrArray    *money_goals;      /* GtkBox: amount, currency entries */
  GPtrArray    *goods_goals;      /* GtkBox: quantity, unit, item entries */
};

G_DEFINE_FINAL_TYPE (GwDriveDialog, gw_drive_dialog, ADW_TYPE_WINDOW)

static void
show_error (GwDriveDialog *self,
            const char    *message,
            GtkWidget     *focus)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

static GtkWidget *
goal_entry (GtkWidget  *box,
            const char *placeholder,
            const char *text,
            int         chars)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), chars);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
  if (chars > 10)
    gtk_widget_set_hexpand (entry, TRUE);
  gtk_box_append (GTK_BOX (box), entry);
  return entry;
}

static void
remove_goal_cb (GtkButton     *button,
                GwDriveDialog *self)
{
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (button));
  GtkWidget *group = g_object_get_data (G_OBJECT (box), "group");

  if (!g_ptr_array_remove (self->money_goals, box))
    g_ptr_array_remove (self->goods_goals, box);
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), box);
}

static void
add_goal (GwDriveDialog     *self,
          GwLedgerKind       kind,
          const GwDriveGoal *goal)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  GtkWidget *group = kind == GW_LEDGER_MONEY ? self->money_group : self->goods_group;

  gtk_widget_set_margin_bottom (box, 6);
  if (kind == GW_LEDGER_MONEY)
    {
      g_autofree char *amount = goal != NULL ? gw_money_format_amount (goal->amount, goal->currency) : NULL;
      g_autofree char *currency = goal != NULL ? g_strdup (goal->currency) : gw_ledger_dup_default_currency (self->store);

      goal_entry (box, _("Amount"), amount, 14);
      goal_entry (box, _("Currency"), currency, 5);
      g_ptr_array_add (self->money_goals, box);
    }
  else
    {
      g_autofree char *quantity = goal != NULL ? g_strdup_printf ("%" G_GINT64_FORMAT, goal->quantity) : NULL;

      goal_entry (box, _("Quantity"), quantity, 6);
      goal_entry (box, _("Unit"), goal != NULL ? goal->unit : NULL, 6);
      goal_entry (box, _("Item, like “Coats”"), goal != NULL ? goal->item : NULL, 16);
      g_ptr_array_add (self->goods_goals, box);
    }

  gtk_widget_set_tooltip_text (remove, _("Remove the goal"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove the goal"), -1);
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_goal_cb), self);
  gtk_box_append (GTK_BOX (box), remove);
  g_object_set_data (G_OBJECT (box), "group", group);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
}

static void
add_money_goal_cb (GwDriveDialog *self)
{
  add_goal (self, GW_LEDGER_MONEY, NULL);
}

static void
add_goods_goal_cb (GwDriveDialog *self)
{
  add_goal (self, GW_LEDGER_GOODS, NULL);
}

static const char *
nth_text (GtkWidget *box,
          int        n)
{
  GtkWidget *child = gtk_widget_get_first_child (box);

  while (n-- > 0)
    child = gtk_widget_get_next_sibling (child);
  return gtk_editable_get_text (GTK_EDITABLE (child));
}

static GtkWidget *
nth_child (GtkWidget *box,
           int        n)
{
  GtkWidget *child = gtk_widget_get_first_child (box);

  while (n-- > 0)
    child = gtk_widget_get_next_sibling (child);
  return child;
}

static char *
read_date (GwDriveDialog *self,
           AdwEntryRow   *row,
           gboolean      *ok)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  char *date;

  *ok = TRUE;
  if (text[0] == '\0')
    return NULL;
  date = gw_date_parse_user (text);
  if (date == NULL)
    {
      show_error (self, _("Enter a real date, for example 2024-03-15, or leave it empty."), GTK_WIDGET (row));
      *ok = FALSE;
    }
  return date;
}

static void
save_clicked_cb (GwDriveDialog *self)
{
  g_autoptr(GwDrive) draft = self->drive != NULL ? gw_drive_copy (self->drive) : gw_drive_new ();
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gboolean ok;

  g_free (draft->name);
  draft->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  g_free (draft->notes);
  draft->notes = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->notes_row)));
  g_free (draft->start_date);
  draft->start_date = read_date (self, self->start_row, &ok);
  if (!ok)
    return;
  g_free (draft->end_date);
  draft->end_date = read_date (self, self->end_row, &ok);
  if (!ok)
    return;

  g_ptr_array_set_size (draft->goals, 0);
  for (guint i = 0; i < self->money_goals->len; i++)
    {
      GtkWidget *box = g_ptr_array_index (self->money_goals, i);
      g_autofree char *currency = g_strstrip (g_ascii_strup (nth_text (box, 1), -1));
      gint64 amount;

      if (!gw_currency_is_valid (currency))
        {
          show_error (self, _("Enter the goal’s currency as a three-letter code, like EUR."), nth_child (box, 1));
          return;
        }
      if (!gw_money_parse (nth_text (box, 0), currency, &amount, &error))
        {
          show_error (self, error->message, nth_child (box, 0));
          return;
        }
      g_ptr_array_add (draft->goals, gw_drive_goal_new_money (amount, currency));
    }
  for (guint i = 0; i < self->goods_goals->len; i++)
    {
      GtkWidget *box = g_ptr_array_index (self->goods_goals, i);
      g_autofree char *quantity = g_strstrip (g_strdup (nth_text (box, 0)));
      gint64 n;

      if (!g_ascii_string_to_signed (quantity, 10, 1, G_MAXINT64, &n, NULL))
        {
          show_error (self, _("Enter the goal’s quantity as a whole number, like 60."), nth_child (box, 0));
          return;
        }
      g_ptr_array_add (draft->goals, gw_drive_goal_new_goods (nth_text (box, 2), n, nth_text (box, 1)));
    }

  if (self->drive != NULL ? !gw_store_update_drive (self->store, draft, &error)
                          : gw_store_add_drive (self->store, draft, &error) == 0)
    {
      show_error (self, error->message, NULL);
      return;
    }

  if (GW_IS_WINDOW (parent))
    gw_window_add_toast (GW_WINDOW (parent), adw_toast_new (self->drive != NULL ? _("Drive saved") : _("Drive created")));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
gw_drive_dialog_dispose (GObject *object)
{
  GwDriveDialog *self = GW_DRIVE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->drive, gw_drive_free);
  g_clear_pointer (&self->money_goals, g_ptr_array_unref);
  g_clear_pointer (&self->goods_goals, g_ptr_array_unref);

  G_OBJECT_CLASS (gw_drive_dialog_parent_class)->dispose (object);
}

static void
gw_drive_dialog_class_init (GwDriveDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_drive_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gw_drive_dialog_init (GwDriveDialog *self)
{
  self->money_goals = g_ptr_array_new ();
  self->goods_goals = g_ptr_array_new ();
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

static GtkWidget *
goal_group (GwDriveDialog *self,
            GtkWidget     *page,
            const char    *title,
            const char    *add_label,
            GCallback      add_cb)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *add = gtk_button_new_with_mnemonic (add_label);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_widget_add_css_class (add, "flat");
  g_signal_connect_swapped (add, "clicked", add_cb, self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  return group;
}

/**
 * gw_drive_dialog_new:
 *
 * Returns: (transfer floating): the dialog, to present.
 */
GwDriveDialog *
gw_drive_dialog_new (GtkWindow     *parent,
                     GwStore       *store,
                     const GwDrive *drive)
{
  GwDriveDialog *self;
  GtkWidget *box, *header, *cancel, *save, *page, *group;
  g_autofree char *start = drive != NULL && drive->start_date != NULL ? gw_date_format (drive->start_date) : NULL;
  g_autofree char *end = drive != NULL && drive->end_date != NULL ? gw_date_format (drive->end_date) : NULL;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);

  self = g_object_new (GW_TYPE_DRIVE_DIALOG,
                       "modal", TRUE,
                       "transient-for", parent,
                       "title", drive != NULL ? _("Edit Drive") : _("New Drive"),
                       "default-width", 520,
                       "default-height", 620,
                       NULL);
  self->store = g_object_ref (store);
  self->drive = drive != NULL ? gw_drive_copy (drive) : NULL;

  page = adw_preferences_page_new ();
  group = adw_preferences_group_new ();
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->error_label), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->error_label));

  self->name_row = add_entry (group, _("Name, like “Winter Coat Drive”"), drive != NULL ? drive->name : NULL);
  self->start_row = add_entry (group, _("Starts (optional)"), start);
  self->end_row = add_entry (group, _("Ends (optional)"), end);
  self->notes_row = add_entry (group, _("Notes"), drive != NULL ? drive->notes : NULL);

  self->money_group = goal_group (self, page, _("Money Goals"), _("_Add Money Goal"), G_CALLBACK (add_money_goal_cb));
  self->goods_group = goal_group (self, page, _("Goods Goals"), _("Add _Goods Goal"), G_CALLBACK (add_goods_goal_cb));
  if (drive != NULL)
    for (guint i = 0; i < drive->goals->len; i++)
      {
        GwDriveGoal *goal = g_ptr_array_index (drive->goals, i);

        add_goal (self, goal->kind, goal);
      }

  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  save = gtk_button_new_with_mnemonic (drive != NULL ? _("_Save") : _("_Create"));
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);

  gtk_window_set_default_widget (GTK_WINDOW (self), save);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return self;
}
