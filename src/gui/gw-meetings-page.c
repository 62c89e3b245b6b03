/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gw-date.h"
#include "gw-meeting-editor.h"
#include "gw-meetings-page.h"
#include "gw-store-meetings.h"

/* The organization's meetings: the ones coming up, soonest first, then the
 * past ones, newest first. Past meetings are listed a page at a time, so
 * that years of weekly meetings do not build thousands of rows. */
struct _GwMeetingsPage
{
  GtkWidget   parent_instance;

  GwStore    *store;
  guint       n_past_shown;
  guint       refresh_source;
  gboolean    stale;       /* changed while hidden: read again when shown */

  GtkStack   *stack;
  GtkWidget  *new_button;
  GtkWidget  *plan_button;
  GtkWidget  *upcoming_group;
  GtkListBox *upcoming_list;
  GtkWidget  *past_group;
  GtkListBox *past_list;
  GtkWidget  *older_button;
};

G_DEFINE_FINAL_TYPE (GwMeetingsPage, gw_meetings_page, GTK_TYPE_WIDGET)

#define PAST_PAGE 100

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
new_meeting_row (GwMeeting *meeting)
{
  g_autofree char *date = gw_date_format (gw_meeting_get_date (meeting));
  g_autoptr(GString) subtitle = g_string_new (date);
  g_autofree char *attending = NULL;
  GtkWidget *row, *label;
  guint n = gw_meeting_get_n_attending (meeting);

  if (gw_meeting_get_time (meeting)[0] != '\0')
    g_string_append_printf (subtitle, " · %s", gw_meeting_get_time (meeting));
  if (g_strcmp0 (gw_meeting_get_title (meeting), gw_meeting_get_kind_label (meeting)) != 0)
    g_string_append_printf (subtitle, " · %s", gw_meeting_get_kind_label (meeting));
  if (gw_meeting_get_place (meeting)[0] != '\0')
    g_string_append_printf (subtitle, " · %s", gw_meeting_get_place (meeting));

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gw_meeting_get_title (meeting));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-meeting");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", gw_meeting_get_id (meeting));

  if (n > 0)
    {
      /* Translators: how many people came to a meeting. */
      attending = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u attending", "%u attending", n), n);
      label = gtk_label_new (attending);
      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  return row;
}

static void
refresh (GwMeetingsPage *self)
{
  g_autoptr(GPtrArray) upcoming = NULL;
  g_autoptr(GPtrArray) past = NULL;
  g_autofree char *today = gw_date_today ();
  gboolean more;

  clear_list (self->upcoming_list);
  clear_list (self->past_list);

  if (self->store == NULL)
    return;

  upcoming = gw_store_list_upcoming_meetings (self->store, today, 0);
  /* One more than shown, to know whether there are older ones. */
  past = gw_store_list_past_meetings (self->store, today, self->n_past_shown + 1);
  more = past->len > self->n_past_shown;

  for (guint i = 0; i < upcoming->len; i++)
    gtk_list_box_append (self->upcoming_list, new_meeting_row (g_ptr_array_index (upcoming, i)));
  for (guint i = 0; i < MIN (past->len, self->n_past_shown); i++)
    gtk_list_box_append (self->past_list, new_meeting_row (g_ptr_array_index (past, i)));

  gtk_widget_set_visible (self->upcoming_group, upcoming->len > 0);
  gtk_widget_set_visible (self->past_group, past->len > 0);
  gtk_widget_set_visible (self->older_button, more);
  gtk_stack_set_visible_child_name (self->stack, upcoming->len + past->len > 0 ? "list" : "empty");
}

static gboolean
refresh_idle_cb (gpointer data)
{
  GwMeetingsPage *self = data;

  self->refresh_source = 0;
  /* A hidden page is read again when it is shown: after a large import
   * every page hears of it, and reading them all at once would hold up
   * the window. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return G_SOURCE_REMOVE;
    }
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
gw_meetings_page_map (GtkWidget *widget)
{
  GwMeetingsPage *self = (GwMeetingsPage *) widget;

  GTK_WIDGET_CLASS (gw_meetings_page_parent_class)->map (widget);

  if (self->stale)
    {
      self->stale = FALSE;
      refresh (self);
    }
}

/* Changes often come in bursts (checking in a whole sign-in sheet), so the
 * list is built again once they have settled. */
static void
queue_refresh (GwMeetingsPage *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_timeout_add (100, refresh_idle_cb, self);
}

static void
older_clicked_cb (GwMeetingsPage *self)
{
  self->n_past_shown += PAST_PAGE;
  refresh (self);
}

static void
new_meeting_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  GwMeetingsPage *self = GW_MEETINGS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->store == NULL || gw_store_is_read_only (self->store))
    return;

  gtk_window_present (GTK_WINDOW (gw_meeting_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                         self->store, 0)));
}

void
gw_meetings_page_set_store (GwMeetingsPage *self,
                            GwStore        *store)
{
  g_return_if_fail (GW_IS_MEETINGS_PAGE (self));
  g_return_if_fail (GW_IS_STORE (store));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);

  g_signal_connect_object (store, "meetings-changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  /* Attendance counts and names can change with the roster. */
  g_signal_connect_object (store, "members-changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.new", !gw_store_is_read_only (store));
  refresh (self);
}

static void
gw_meetings_page_dispose (GObject *object)
{
  GwMeetingsPage *self = GW_MEETINGS_PAGE (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), GW_TYPE_MEETINGS_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gw_meetings_page_parent_class)->dispose (object);
}

static void
gw_meetings_page_class_init (GwMeetingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_meetings_page_dispose;
  widget_class->map = gw_meetings_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/groundwork/Groundwork/gw-meetings-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingsPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingsPage, plan_button);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingsPage, upcoming_group);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingsPage, upcoming_list);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingsPage, past_group);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingsPage, past_list);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingsPage, older_button);
  gtk_widget_class_bind_template_callback (widget_class, older_clicked_cb);

  gtk_widget_class_install_action (widget_class, "meetings.new", NULL, new_meeting_action);
}

static void
gw_meetings_page_init (GwMeetingsPage *self)
{
  GtkEventController *controller;
  GtkShortcut *shortcut;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->n_past_shown = PAST_PAGE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.new", FALSE);

  /* Ctrl+Shift+N plans a meeting from anywhere in the window, like Ctrl+N
   * adds a member: the shortcut is global, the action stays on this page. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                               gtk_named_action_new ("meetings.new"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
