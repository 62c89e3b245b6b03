/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gw-dashboard-page.h"
#include "gw-export-dialog.h"
#include "gw-import-dialog.h"
#include "gw-ladder.h"
#include "gw-meeting-detail.h"
#include "gw-ledger-page.h"
#include "gw-meetings-page.h"
#include "gw-notebook-page.h"
#include "gw-member-detail.h"
#include "gw-member-editor.h"
#include "gw-preferences-window.h"
#include "gw-roster-page.h"
#include "gw-secretary-page.h"
#include "gw-spreadsheet-dialog.h"
#include "gw-store-meetings.h"
#include "gw-store-notebook.h"
#include "gw-store-members.h"
#include "gw-window.h"

struct _GwWindow
{
  AdwApplicationWindow  parent_instance;

  GwStore              *store;
  GSettings            *settings;
  gboolean              closing_confirmed;
  gboolean              confirming_close;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *error_page;
  GtkRevealer          *read_only_revealer;
  AdwLeaflet           *leaflet;
  GtkWidget            *main_page;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *view_stack;
  GtkWidget            *search_button;
  GwDashboardPage      *dashboard_page;
  GwRosterPage         *roster_page;
  GwMeetingsPage       *meetings_page;
  GwNotebookPage       *notebook_page;
  GwLedgerPage         *ledger_page;
  GwSecretaryPage      *secretary_page;
  GwMemberDetail       *member_detail;
  GwMeetingDetail      *meeting_detail;
};

G_DEFINE_FINAL_TYPE (GwWindow, gw_window, ADW_TYPE_APPLICATION_WINDOW)

static void
update_title (GwWindow *self)
{
  g_autofree char *name = NULL;

  if (self->store == NULL)
    return;

  name = gw_store_dup_organization_name (self->store);
  gtk_window_set_title (GTK_WINDOW (self), name[0] ? name : _("Groundwork"));
  adw_view_switcher_title_set_title (self->switcher_title, name[0] ? name : _("Groundwork"));
}

static void
settings_changed_cb (GwStore    *store,
                     const char *key,
                     GwWindow   *self)
{
  update_title (self);
}

/**
 * gw_window_show_member:
 *
 * Shows the member's record; 0 goes back to the roster.
 */
void
gw_window_show_member (GwWindow *self,
                       gint64    member_id)
{
  g_return_if_fail (GW_IS_WINDOW (self));

  if (member_id <= 0)
    {
      adw_leaflet_set_visible_child (self->leaflet, self->main_page);
      if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "roster") == 0)
        gw_roster_page_focus_list (self->roster_page);
      return;
    }

  gw_member_detail_set_member (self->member_detail, member_id);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->member_detail));
}

/**
 * gw_window_show_meeting:
 *
 * Shows the meeting's page; 0 goes back to the main pages.
 */
void
gw_window_show_meeting (GwWindow *self,
                        gint64    meeting_id)
{
  g_return_if_fail (GW_IS_WINDOW (self));

  if (meeting_id <= 0)
    {
      adw_leaflet_set_visible_child (self->leaflet, self->main_page);
      return;
    }

  gw_meeting_detail_set_meeting (self->meeting_detail, meeting_id);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->meeting_detail));
}

/**
 * gw_window_show_page:
 * @name: "dashboard", "roster", "meetings" or "secretary"
 */
void
gw_window_show_page (GwWindow   *self,
                     const char *name)
{
  g_return_if_fail (GW_IS_WINDOW (self));

  adw_leaflet_set_visible_child (self->leaflet, self->main_page);
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/**
 * gw_window_shorten:
 *
 * A name or title short enough to go into a one-line message, such as a
 * toast, with the rest of the message still showing: cut after a word,
 * with "…".
 *
 * Returns: (transfer full): @text, or its beginning.
 */
char *
gw_window_shorten (const char *text)
{
  const guint max_chars = 40;
  const char *cut;
  const char *space = NULL;

  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (text, -1) <= max_chars)
    return g_strdup (text);

  cut = g_utf8_offset_to_pointer (text, max_chars - 1);
  for (const char *p = text; p < cut; p = g_utf8_next_char (p))
    if (*p == ' ')
      space = p;
  if (space != NULL && g_utf8_pointer_to_offset (text, space) >= max_chars / 2)
    cut = space;
  return g_strdup_printf ("%.*s…", (int) (cut - text), text);
}

void
gw_window_add_toast (GwWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (GW_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

GwStore *
gw_window_get_store (GwWindow *self)
{
  g_return_val_if_fail (GW_IS_WINDOW (self), NULL);
  return self->store;
}

/**
 * gw_window_show_error:
 *
 * Tells the person what went wrong in a dialog they must acknowledge.
 */
void
gw_window_show_error (GwWindow     *self,
                      const char   *heading,
                      const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error ? error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_clicked_cb (AdwToast *toast,
                 GwWindow *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "member-id"));

  if (!gw_store_restore_member (self->store, id, &error))
    gw_window_show_error (self, _("Could Not Undo"), error);
}

static void
delete_member_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  GwWindow *self = GW_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwMember) member = NULL;
  g_autofree char *title = NULL;
  gint64 id = g_variant_get_int64 (param);
  AdwToast *toast;

  member = gw_store_load_member (self->store, id, &error);
  if (member == NULL || !gw_store_delete_member (self->store, id, &error))
    {
      gw_window_show_error (self, _("Could Not Delete"), error);
      return;
    }

  if (adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->member_detail) &&
      gw_member_detail_get_member (self->member_detail) == id)
    gw_window_show_member (self, 0);

  /* Translators: %s is a person's name. */
  {
    g_autofree char *name = gw_window_shorten (gw_member_get_full_name (member));

    title = g_strdup_printf (_("%s was removed from the roster"), name);
  }
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  g_object_set_data (G_OBJECT (toast), "member-id", GSIZE_TO_POINTER (id));
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
add_member_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  GwWindow *self = GW_WINDOW (widget);

  if (self->store == NULL || gw_store_is_read_only (self->store))
    return;

  gtk_window_present (GTK_WINDOW (gw_member_editor_new (GTK_WINDOW (self), self->store, 0)));
}

static void
edit_member_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  GwWindow *self = GW_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (gw_member_editor_new (GTK_WINDOW (self), self->store,
                                                        g_variant_get_int64 (param))));
}

static void
show_member_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  gw_window_show_member (GW_WINDOW (widget), g_variant_get_int64 (param));
}

static void
show_meeting_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  gw_window_show_meeting (GW_WINDOW (widget), g_variant_get_int64 (param));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  gw_window_show_page (GW_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
show_stage_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  GwWindow *self = GW_WINDOW (widget);

  gw_roster_page_show_stage (self->roster_page, g_variant_get_int32 (param));
  gw_window_show_page (self, "roster");
}

static void
show_notebook_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  GwWindow *self = GW_WINDOW (widget);
  const char *kind;
  gint64 id;

  g_variant_get (param, "(&sx)", &kind, &id);
  gw_window_show_page (self, "notebook");
  gw_notebook_page_show_item (self->notebook_page, kind, id);
}

static void
print_roster_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  GwWindow *self = GW_WINDOW (widget);

  gw_window_show_page (self, "roster");
  gtk_widget_activate_action (GTK_WIDGET (self->roster_page), "roster.print", NULL);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  gw_window_show_member (GW_WINDOW (widget), 0);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GwWindow *self = GW_WINDOW (widget);

  gw_window_show_page (self, "roster");
  gw_roster_page_start_search (self->roster_page);
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  GwWindow *self = GW_WINDOW (widget);

  if (self->store == NULL)
    return;

  gtk_window_present (GTK_WINDOW (gw_preferences_window_new (GTK_WINDOW (self), self->store)));
}

/* Sharing with other chapters, and spreadsheets */

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GwWindow *self = GW_WINDOW (widget);

  if (self->store == NULL)
    return;

  gtk_window_present (GTK_WINDOW (gw_export_dialog_new (GTK_WINDOW (self), self->store)));
}

typedef GtkWindow *(*OpenFunc) (GtkWindow  *parent,
                                GwStore    *store,
                                const char *path);

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     GwWindow        *self)
{
  OpenFunc open = g_object_get_data (G_OBJECT (chooser), "open-func");
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || self->store == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                     _("Groundwork can only read files on this computer. "
                                                       "Copy the file into a folder here first."));
      gw_window_show_error (self, _("Could Not Open the File"), error);
      return;
    }

  gtk_window_present (open (GTK_WINDOW (self), self->store, path));
}

static void
choose_file (GwWindow      *self,
             const char    *title,
             GtkFileFilter *filter,
             OpenFunc       open)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->store == NULL || gw_store_is_read_only (self->store))
    return;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data (G_OBJECT (chooser), "open-func", open);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Groundwork exchange files"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_pattern (filter, "*.JSON");
  gtk_file_filter_add_mime_type (filter, "application/json");
  choose_file (GW_WINDOW (widget), _("Choose a File from Another Chapter"), filter,
               (OpenFunc) gw_import_dialog_new);
}

static void
import_spreadsheet_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Spreadsheets saved as CSV or text"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "tsv");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_mime_type (filter, "text/tab-separated-values");
  choose_file (GW_WINDOW (widget), _("Choose a Spreadsheet"), filter,
               (OpenFunc) gw_spreadsheet_dialog_new);
}

static void
close_after_confirming_cb (gpointer user_data)
{
  GwWindow *self = user_data;

  self->closing_confirmed = TRUE;

  /* Called later, after the person answered: close now. Called at once,
   * with nothing unsaved: the close already under way goes on. */
  if (!self->confirming_close)
    gtk_window_close (GTK_WINDOW (self));
}

static gboolean
gw_window_close_request (GtkWindow *window)
{
  GwWindow *self = GW_WINDOW (window);
  int width, height;

  /* A field note being written is not lost by closing the window: the
   * notebook asks to save or discard it first. */
  if (self->store != NULL && !self->closing_confirmed)
    {
      self->confirming_close = TRUE;
      gw_notebook_page_confirm_leave (self->notebook_page, close_after_confirming_cb, self);
      self->confirming_close = FALSE;
      if (!self->closing_confirmed)
        return TRUE;
    }

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  /* Undo is offered only while the window is open; after that, removed
   * people are gone for good, so nothing about them stays behind. */
  if (self->store != NULL)
    {
      gw_store_purge_deleted (self->store, NULL);
      gw_store_purge_deleted_meetings (self->store, NULL);
      gw_store_purge_deleted_notebook (self->store, NULL);
    }

  return GTK_WINDOW_CLASS (gw_window_parent_class)->close_request (window);
}

static void
gw_window_dispose (GObject *object)
{
  GwWindow *self = GW_WINDOW (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), GW_TYPE_WINDOW);

  G_OBJECT_CLASS (gw_window_parent_class)->dispose (object);
}

static void
gw_window_finalize (GObject *object)
{
  GwWindow *self = GW_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gw_window_parent_class)->finalize (object);
}

static void
gw_window_class_init (GwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gw_window_dispose;
  object_class->finalize = gw_window_finalize;
  window_class->close_request = gw_window_close_request;

  g_type_ensure (GW_TYPE_DASHBOARD_PAGE);
  g_type_ensure (GW_TYPE_ROSTER_PAGE);
  g_type_ensure (GW_TYPE_MEETINGS_PAGE);
  g_type_ensure (GW_TYPE_NOTEBOOK_PAGE);
  g_type_ensure (GW_TYPE_LEDGER_PAGE);
  g_type_ensure (GW_TYPE_SECRETARY_PAGE);
  g_type_ensure (GW_TYPE_MEMBER_DETAIL);
  g_type_ensure (GW_TYPE_MEETING_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/groundwork/Groundwork/gw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GwWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, main_page);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, dashboard_page);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, roster_page);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, meetings_page);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, notebook_page);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, ledger_page);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, secretary_page);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, member_detail);
  gtk_widget_class_bind_template_child (widget_class, GwWindow, meeting_detail);

  gtk_widget_class_install_action (widget_class, "win.add-member", NULL, add_member_action);
  gtk_widget_class_install_action (widget_class, "win.edit-member", "x", edit_member_action);
  gtk_widget_class_install_action (widget_class, "win.delete-member", "x", delete_member_action);
  gtk_widget_class_install_action (widget_class, "win.show-member", "x", show_member_action);
  gtk_widget_class_install_action (widget_class, "win.show-meeting", "x", show_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-stage", "i", show_stage_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.print-roster", NULL, print_roster_action);
  gtk_widget_class_install_action (widget_class, "win.show-notebook", "(sx)", show_notebook_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-spreadsheet", NULL, import_spreadsheet_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.add-member", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK, "win.preferences", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print-roster", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export", NULL);
  /* Not Ctrl+Shift+I: GTK keeps that for its inspector. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.import", NULL);
}

static void
visible_page_changed_cb (GwWindow *self)
{
  gboolean roster = g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "roster") == 0;

  /* Typing starts a search only where the search is. */
  gtk_widget_set_visible (self->search_button, roster);
  gw_roster_page_set_key_capture (self->roster_page, roster ? GTK_WIDGET (self) : NULL);
}

static void
gw_window_init (GwWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_bind_property (self->search_button, "active",
                          gw_roster_page_get_search_bar (self->roster_page), "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (visible_page_changed_cb), self, G_CONNECT_SWAPPED);
  visible_page_changed_cb (self);

  self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/**
 * gw_window_new:
 * @store: (nullable): the database to show
 * @error: (nullable): why @store could not be opened
 *
 * Returns: (transfer floating): a window on @store, or one that explains
 *   @error and offers a way on.
 */
GwWindow *
gw_window_new (GtkApplication *application,
               GwStore        *store,
               const GError   *error)
{
  GwWindow *self = g_object_new (GW_TYPE_WINDOW, "application", application, NULL);

  if (store == NULL)
    {
      adw_status_page_set_description (self->error_page, error ? error->message : NULL);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-member", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.preferences", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-spreadsheet", FALSE);
      return self;
    }

  self->store = g_object_ref (store);
  g_signal_connect (store, "settings-changed", G_CALLBACK (settings_changed_cb), self);

  gtk_stack_set_visible_child_name (self->main_stack, "main");
  gtk_revealer_set_reveal_child (self->read_only_revealer, gw_store_is_read_only (store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-member", !gw_store_is_read_only (store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", !gw_store_is_read_only (store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-spreadsheet", !gw_store_is_read_only (store));

  gw_dashboard_page_set_store (self->dashboard_page, store);
  gw_roster_page_set_store (self->roster_page, store);
  gw_meetings_page_set_store (self->meetings_page, store);
  gw_notebook_page_set_store (self->notebook_page, store);
  gw_ledger_page_set_store (self->ledger_page, store);
  gw_secretary_page_set_store (self->secretary_page, store);
  gw_member_detail_set_store (self->member_detail, store);
  gw_meeting_detail_set_store (self->meeting_detail, store);
  update_title (self);

  return self;
}
