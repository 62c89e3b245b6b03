/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gw-date.h"
#include "gw-meeting-editor.h"
#include "gw-store-meetings.h"
#include "gw-text.h"
#include "gw-window.h"

/* Plans a meeting or changes when and where it is. The store checks what was
 * typed; its message shows above the fields and nothing is changed. */
struct _GwMeetingEditor
{
  AdwWindow    parent_instance;

  GwStore     *store;
  GwMeeting   *meeting;
  GPtrArray   *kinds;
  gboolean     is_new;

  AdwComboRow *kind_row;
  AdwEntryRow *title_row;
  AdwEntryRow *date_row;
  AdwEntryRow *time_row;
  AdwEntryRow *place_row;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (GwMeetingEditor, gw_meeting_editor, ADW_TYPE_WINDOW)

static void
show_error (GwMeetingEditor *self,
            const char      *message,
            GtkWidget       *focus)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

static void
save_clicked_cb (GwMeetingEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwMeeting) draft = gw_meeting_copy (self->meeting);
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  const char *typed_date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  guint kind = adw_combo_row_get_selected (self->kind_row);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (kind == GTK_INVALID_LIST_POSITION || kind >= self->kinds->len)
    {
      show_error (self, _("Choose what kind of meeting this is."), GTK_WIDGET (self->kind_row));
      return;
    }

  date = gw_date_parse_user (typed_date);
  if (date == NULL)
    {
      g_autofree char *message = NULL;
      g_autofree char *stripped = g_strstrip (g_strdup (typed_date));

      if (stripped[0] == '\0')
        message = g_strdup (_("Enter the date of the meeting."));
      else
        message = g_strdup_printf (_("“%s” is not a real date. Write the date as YYYY-MM-DD."), typed_date);
      show_error (self, message, GTK_WIDGET (self->date_row));
      return;
    }

  time = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->time_row))));
  if (time[0] != '\0' && !gw_text_is_clock_time (time))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a time of day. Write it as HH:MM, for example 18:30."),
                                                  time);

      show_error (self, message, GTK_WIDGET (self->time_row));
      return;
    }

  gw_meeting_set_kind_id (draft, ((GwMeetingKind *) g_ptr_array_index (self->kinds, kind))->id);
  gw_meeting_set_title (draft, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  gw_meeting_set_date (draft, date);
  gw_meeting_set_time (draft, time);
  gw_meeting_set_place (draft, gtk_editable_get_text (GTK_EDITABLE (self->place_row)));

  if (self->is_new)
    {
      gint64 id = gw_store_add_meeting (self->store, draft, &error);

      if (id == 0)
        {
          show_error (self, error->message, NULL);
          return;
        }

      if (GW_IS_WINDOW (parent))
        gw_window_show_meeting (GW_WINDOW (parent), id);
    }
  else if (!gw_store_update_meeting (self->store, draft, &error))
    {
      show_error (self, error->message, NULL);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
gw_meeting_editor_dispose (GObject *object)
{
  GwMeetingEditor *self = GW_MEETING_EDITOR (object);

  g_clear_object (&self->meeting);
  g_clear_object (&self->store);
  g_clear_pointer (&self->kinds, g_ptr_array_unref);

  G_OBJECT_CLASS (gw_meeting_editor_parent_class)->dispose (object);
}

static void
gw_meeting_editor_class_init (GwMeetingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_meeting_editor_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gw_meeting_editor_init (GwMeetingEditor *self)
{
}

static AdwEntryRow *
add_field (GtkWidget  *group,
           const char *title,
           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_ENTRY_ROW (row);
}

/**
 * gw_meeting_editor_new:
 * @meeting_id: the meeting to change, or 0 to plan a new one
 *
 * Returns: (transfer floating): the editor window.
 */
GwMeetingEditor *
gw_meeting_editor_new (GtkWindow *parent,
                       GwStore   *store,
                       gint64     meeting_id)
{
  GwMeetingEditor *self;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *today = gw_date_today ();
  GtkWidget *box, *header, *cancel, *save_button, *page, *group, *error_group;
  guint selected = 0;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);

  self = g_object_new (GW_TYPE_MEETING_EDITOR,
                       "modal", TRUE,
                       "transient-for", parent,
                       "default-width", 480,
                       "default-height", 520,
                       NULL);
  self->store = g_object_ref (store);
  self->kinds = gw_store_list_meeting_kinds (store);

  if (meeting_id > 0)
    self->meeting = gw_store_load_meeting (store, meeting_id, NULL);
  if (self->meeting == NULL)
    {
      self->meeting = gw_meeting_new ();
      gw_meeting_set_date (self->meeting, today);
      self->is_new = TRUE;
    }

  gtk_window_set_title (GTK_WINDOW (self), self->is_new ? _("New Meeting") : _("Edit Meeting"));

  for (guint i = 0; i < self->kinds->len; i++)
    {
      GwMeetingKind *kind = g_ptr_array_index (self->kinds, i);

      gtk_string_list_append (labels, kind->label);
      if (kind->id == gw_meeting_get_kind_id (self->meeting))
        selected = i;
    }

  page = adw_preferences_page_new ();

  error_group = adw_preferences_group_new ();
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (error_group), GTK_WIDGET (self->error_label));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (error_group));

  group = adw_preferences_group_new ();
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  self->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("Kind of meeting"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->kind_row, selected);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->kind_row));

  self->title_row = add_field (group, _("Title (optional: the kind of meeting)"),
                               self->is_new ? "" : gw_meeting_get_title (self->meeting));
  self->date_row = add_field (group, _("Date (YYYY-MM-DD)"), gw_meeting_get_date (self->meeting));
  self->time_row = add_field (group, _("Start time (HH:MM, optional)"), gw_meeting_get_time (self->meeting));
  self->place_row = add_field (group, _("Place"), gw_meeting_get_place (self->meeting));

  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  save_button = gtk_button_new_with_mnemonic (self->is_new ? _("_Create") : _("_Save"));
  gtk_widget_add_css_class (save_button, "suggested-action");
  g_signal_connect_swapped (save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save_button);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);

  gtk_window_set_default_widget (GTK_WINDOW (self), save_button);
  gtk_widget_grab_focus (GTK_WIDGET (self->kind_row));

  return self;
}
