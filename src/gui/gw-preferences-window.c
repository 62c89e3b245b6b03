/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gw-date.h"
#include "gw-ladder.h"
#include "gw-preferences-window.h"

struct _GwPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GwStore              *store;
  GPtrArray            *version_rows;

  AdwEntryRow          *name_row;
  AdwEntryRow          *stage_rows[GW_N_STAGES];
  GtkTextView          *unity_view;
  GtkLabel             *unity_status;
  GtkWidget            *unity_button;
  AdwPreferencesGroup  *versions_group;
};

G_DEFINE_FINAL_TYPE (GwPreferencesWindow, gw_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
report (GwPreferencesWindow *self,
        const GError        *error,
        const char          *done)
{
  AdwToast *toast = adw_toast_new (error ? error->message : done);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
name_apply_cb (GwPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  gw_store_set_organization_name (self->store, gtk_editable_get_text (GTK_EDITABLE (self->name_row)), &error);
  report (self, error, _("The organization’s name was saved"));
}

static void
stage_apply_cb (GwPreferencesWindow *self,
                AdwEntryRow         *row)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  for (guint i = 0; i < GW_N_STAGES; i++)
    if (self->stage_rows[i] == row)
      {
        gw_ladder_set_stage_label (self->store, i, gtk_editable_get_text (GTK_EDITABLE (row)), &error);
        label = gw_ladder_dup_stage_label (self->store, i);
        gtk_editable_set_text (GTK_EDITABLE (row), label);
      }

  report (self, error, _("The stage’s name was saved"));
}

static void
load_unity (GwPreferencesWindow *self)
{
  g_autoptr(GwUnityVersion) current = gw_store_dup_current_unity (self->store);
  g_autoptr(GPtrArray) versions = gw_store_list_unity_versions (self->store);
  g_autofree char *status = NULL;

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->unity_view), current ? current->text : "", -1);

  if (current == NULL)
    status = g_strdup (_("Not written yet. Until they are, nobody can become a member."));
  else
    {
      g_autofree char *date = g_strndup (current->created, 10);
      g_autofree char *shown = gw_date_format (date);
      status = g_strdup_printf (_("Version %d, since %s"), current->number, shown);
    }
  gtk_label_set_text (self->unity_status, status);

  for (guint i = 0; i < self->version_rows->len; i++)
    adw_preferences_group_remove (self->versions_group, g_ptr_array_index (self->version_rows, i));
  g_ptr_array_set_size (self->version_rows, 0);

  /* The newest is in the editor above; list the ones before it. */
  for (guint i = 1; i < versions->len; i++)
    {
      GwUnityVersion *version = g_ptr_array_index (versions, i);
      g_autofree char *title = g_strdup_printf (_("Version %d"), version->number);
      g_autofree char *date = g_strndup (version->created, 10);
      g_autofree char *shown = gw_date_format (date);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *text = gtk_label_new (version->text);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), shown);
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_selectable (GTK_LABEL (text), TRUE);
      gtk_widget_set_margin_top (text, 12);
      gtk_widget_set_margin_bottom (text, 12);
      gtk_widget_set_margin_start (text, 12);
      gtk_widget_set_margin_end (text, 12);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), text);
      adw_preferences_group_add (self->versions_group, row);
      g_ptr_array_add (self->version_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->versions_group), self->version_rows->len > 0);
}

static void
unity_save_cb (GwPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwUnityVersion) current = gw_store_dup_current_unity (self->store);
  g_autoptr(GwUnityVersion) added = NULL;
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->unity_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));

  if (current != NULL && g_strcmp0 (current->text, text) == 0)
    {
      report (self, NULL, _("Nothing changed, so no new version was made"));
      return;
    }

  added = gw_store_add_unity_version (self->store, text, &error);
  if (added == NULL)
    {
      report (self, error, NULL);
      return;
    }

  load_unity (self);
  report (self, NULL, _("Saved as a new version. Members agree to it again before their next step."));
}

static void
gw_preferences_window_dispose (GObject *object)
{
  GwPreferencesWindow *self = GW_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GW_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->version_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (gw_preferences_window_parent_class)->dispose (object);
}

static void
gw_preferences_window_class_init (GwPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/groundwork/Groundwork/gw-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child_full (widget_class, "stage_row_0", FALSE,
                                             G_STRUCT_OFFSET (GwPreferencesWindow, stage_rows[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "stage_row_1", FALSE,
                                             G_STRUCT_OFFSET (GwPreferencesWindow, stage_rows[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "stage_row_2", FALSE,
                                             G_STRUCT_OFFSET (GwPreferencesWindow, stage_rows[2]));
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, unity_view);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, unity_status);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, unity_button);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, versions_group);
  gtk_widget_class_bind_template_callback (widget_class, name_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, stage_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, unity_save_cb);
}

static void
gw_preferences_window_init (GwPreferencesWindow *self)
{
  self->version_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * gw_preferences_window_new:
 *
 * Returns: (transfer floating): the organization's preferences, kept in
 *   @store so they travel with the database.
 */
GwPreferencesWindow *
gw_preferences_window_new (GtkWindow *parent,
                           GwStore   *store)
{
  GwPreferencesWindow *self;
  g_autofree char *name = NULL;
  gboolean writable = !gw_store_is_read_only (store);

  self = g_object_new (GW_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);

  name = gw_store_dup_organization_name (store);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), writable);

  for (guint i = 0; i < GW_N_STAGES; i++)
    {
      g_autofree char *label = gw_ladder_dup_stage_label (store, i);
      gtk_editable_set_text (GTK_EDITABLE (self->stage_rows[i]), label);
      gtk_widget_set_sensitive (GTK_WIDGET (self->stage_rows[i]), writable);
    }

  gtk_text_view_set_editable (self->unity_view, writable);
  gtk_widget_set_sensitive (self->unity_button, writable);
  load_unity (self);

  return self;
}
