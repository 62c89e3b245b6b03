/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gw-store-meetings.h"
#include "gw-store-members.h"
#include "gw-walk-in-dialog.h"

/* Someone new walks in: they are added to the roster as a volunteer and
 * checked in. Before anyone is added, people on the roster who may be the
 * same person are offered, so that nobody ends up twice on the roster. */
struct _GwWalkInDialog
{
  AdwWindow    parent_instance;

  GwStore     *store;
  gint64       meeting_id;
  GPtrArray   *duplicates;

  AdwEntryRow *name_row;
  AdwEntryRow *phone_row;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (GwWalkInDialog, gw_walk_in_dialog, ADW_TYPE_WINDOW)

/* At most this many look-alikes get a button of their own. */
#define N_DUPLICATE_BUTTONS 3

static void
show_error (GwWalkInDialog *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}

static void
add_new (GwWalkInDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (gw_store_add_walk_in (self->store, self->meeting_id,
                            gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                            gtk_editable_get_text (GTK_EDITABLE (self->phone_row)),
                            &error) == 0)
    {
      show_error (self, error->message);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
check_in_existing (GwWalkInDialog *self,
                   GwMember       *member)
{
  g_autoptr(GError) error = NULL;

  if (!gw_store_check_in (self->store, self->meeting_id, gw_member_get_id (member), &error))
    {
      show_error (self, error->message);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
duplicate_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       GwWalkInDialog   *self)
{
  if (g_strcmp0 (response, "add") == 0)
    add_new (self);
  else if (g_str_has_prefix (response, "check-in-"))
    {
      guint i = (guint) g_ascii_strtoull (response + strlen ("check-in-"), NULL, 10);

      if (self->duplicates != NULL && i < self->duplicates->len)
        check_in_existing (self, g_ptr_array_index (self->duplicates, i));
    }
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
add_clicked_cb (GwWalkInDialog *self)
{
  g_autoptr(GwMember) draft = gw_member_new ();
  g_autoptr(GString) body = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  AdwMessageDialog *dialog;

  if (name[0] == '\0')
    {
      show_error (self, _("Enter the person’s full name."));
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }

  gw_member_set_full_name (draft, name);
  gw_member_set_phone (draft, gtk_editable_get_text (GTK_EDITABLE (self->phone_row)));

  g_clear_pointer (&self->duplicates, g_ptr_array_unref);
  self->duplicates = gw_store_find_duplicates (self->store, draft);
  if (self->duplicates->len == 0)
    {
      add_new (self);
      return;
    }

  body = g_string_new (_("These people on the roster may be the same person:"));
  g_string_append_c (body, '\n');
  for (guint i = 0; i < self->duplicates->len; i++)
    {
      GwMember *other = g_ptr_array_index (self->duplicates, i);

      g_string_append_printf (body, "\n• %s", gw_member_get_full_name (other));
      if (gw_member_get_phone (other)[0] != '\0')
        g_string_append_printf (body, " · %s", gw_member_get_phone (other));
      if (gw_store_is_checked_in (self->store, self->meeting_id, gw_member_get_id (other)))
        g_string_append_printf (body, " · %s", _("already checked in"));
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Possible Duplicate"), body->str));
  adw_message_dialog_add_response (dialog, "cancel", _("_Go Back"));
  for (guint i = 0; i < MIN (self->duplicates->len, N_DUPLICATE_BUTTONS); i++)
    {
      GwMember *other = g_ptr_array_index (self->duplicates, i);
      g_autofree char *id = g_strdup_printf ("check-in-%u", i);
      /* Translators: a button: check in the person already on the roster. */
      g_autofree char *label = g_strdup_printf (_("Check In %s"), gw_member_get_full_name (other));

      adw_message_dialog_add_response (dialog, id, label);
      if (i == 0)
        adw_message_dialog_set_response_appearance (dialog, id, ADW_RESPONSE_SUGGESTED);
    }
  adw_message_dialog_add_response (dialog, "add", _("_Add as New Volunteer"));
  adw_message_dialog_set_default_response (dialog, "check-in-0");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (duplicate_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
gw_walk_in_dialog_dispose (GObject *object)
{
  GwWalkInDialog *self = GW_WALK_IN_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->duplicates, g_ptr_array_unref);

  G_OBJECT_CLASS (gw_walk_in_dialog_parent_class)->dispose (object);
}

static void
gw_walk_in_dialog_class_init (GwWalkInDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_walk_in_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gw_walk_in_dialog_init (GwWalkInDialog *self)
{
}

static AdwEntryRow *
add_field (GtkWidget  *group,
           const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_ENTRY_ROW (row);
}

/**
 * gw_walk_in_dialog_new:
 *
 * Returns: (transfer floating): a dialog adding a walk-in to the meeting.
 */
GwWalkInDialog *
gw_walk_in_dialog_new (GtkWindow *parent,
                       GwStore   *store,
                       gint64     meeting_id)
{
  GwWalkInDialog *self;
  GtkWidget *box, *header, *cancel, *add, *page, *group;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);

  self = g_object_new (GW_TYPE_WALK_IN_DIALOG,
                       "modal", TRUE,
                       "transient-for", parent,
                       "title", _("Add Walk-in"),
                       "default-width", 440,
                       "default-height", 340,
                       NULL);
  self->store = g_object_ref (store);
  self->meeting_id = meeting_id;

  page = adw_preferences_page_new ();
  group = adw_preferences_group_new ();
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("They join the roster as a volunteer and are checked in."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->error_label), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->error_label));

  self->name_row = add_field (group, _("Full name"));
  self->phone_row = add_field (group, _("Phone (optional)"));

  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  add = gtk_button_new_with_mnemonic (_("_Add and Check In"));
  gtk_widget_add_css_class (add, "suggested-action");
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), add);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);

  gtk_window_set_default_widget (GTK_WINDOW (self), add);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return self;
}
