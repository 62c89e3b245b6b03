/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gw-ladder.h"
#include "gw-sign-in-dialog.h"
#include "gw-store-meetings.h"
#include "gw-store-members.h"

/* Typing in a paper sign-in sheet after the meeting, one name after the
 * other. Each name is matched against the roster, tolerant of typos, missing
 * accents and swapped words. A name that matches one person exactly is
 * checked in on Enter; otherwise the closest people are offered, with adding
 * a new volunteer last, and nobody new is created until that is chosen.
 * Focus goes back to the name after each one, so the next can be typed. */
struct _GwSignInDialog
{
  AdwWindow    parent_instance;

  GwStore     *store;
  gint64       meeting_id;
  char        *typed;
  char        *typed_phone;
  guint        n_done;

  AdwEntryRow *name_row;
  AdwEntryRow *phone_row;
  GtkLabel    *status_label;
  GtkWidget   *candidates_group;
  GtkListBox  *candidates;
  GtkWidget   *done_group;
  GtkListBox  *done_list;
};

G_DEFINE_FINAL_TYPE (GwSignInDialog, gw_sign_in_dialog, ADW_TYPE_WINDOW)

#define N_CANDIDATES 6

static void
set_status (GwSignInDialog *self,
            const char     *message,
            gboolean        error)
{
  gtk_label_set_text (self->status_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), message != NULL);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->name_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message ? message : "", -1);
}

static void
clear_candidates (GwSignInDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->candidates))) != NULL)
    gtk_list_box_remove (self->candidates, child);
  gtk_widget_set_visible (self->candidates_group, FALSE);
}

static void
next_name (GwSignInDialog *self)
{
  clear_candidates (self);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), "");
  g_clear_pointer (&self->typed, g_free);
  g_clear_pointer (&self->typed_phone, g_free);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
record_done (GwSignInDialog *self,
             const char     *name,
             const char     *typed,
             const char     *note)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;

  self->n_done++;
  /* Translators: how the name was written on the paper sheet. */
  subtitle = g_strdup_printf (_("Written as “%s”"), typed);
  if (note != NULL)
    {
      g_autofree char *with_note = g_strdup_printf ("%s · %s", subtitle, note);
      g_free (subtitle);
      subtitle = g_steal_pointer (&with_note);
    }
  title = g_strdup_printf (_("Checked In from This Sheet (%u)"), self->n_done);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_prepend (self->done_list, row);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->done_group), title);
  gtk_widget_set_visible (self->done_group, TRUE);
}

static void
check_in (GwSignInDialog *self,
          GwMember       *member)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwMember) kept = g_object_ref (member);
  g_autofree char *message = NULL;
  gboolean already = gw_store_is_checked_in (self->store, self->meeting_id, gw_member_get_id (kept));

  if (!gw_store_check_in (self->store, self->meeting_id, gw_member_get_id (kept), &error))
    {
      set_status (self, error->message, TRUE);
      return;
    }

  if (already)
    /* Translators: %s is a person's name. */
    message = g_strdup_printf (_("%s was already checked in."), gw_member_get_full_name (kept));
  else
    message = g_strdup_printf (_("%s is checked in."), gw_member_get_full_name (kept));
  record_done (self, gw_member_get_full_name (kept), self->typed ? self->typed : "",
               already ? _("already checked in") : NULL);
  set_status (self, message, FALSE);
  next_name (self);
}

static void
add_new (GwSignInDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = g_strdup (self->typed);

  if (name == NULL ||
      gw_store_add_walk_in (self->store, self->meeting_id, name,
                            self->typed_phone ? self->typed_phone : "", &error) == 0)
    {
      set_status (self, error ? error->message : NULL, TRUE);
      return;
    }

  message = g_strdup_printf (_("%s was added as a new volunteer and checked in."), name);
  record_done (self, name, name, _("new volunteer"));
  set_status (self, message, FALSE);
  next_name (self);
}

static void
candidate_activated_cb (GwSignInDialog *self,
                        GtkListBoxRow  *row)
{
  GwMember *member = g_object_get_data (G_OBJECT (row), "member");

  if (member != NULL)
    check_in (self, member);
  else
    add_new (self);
}

static void
check_in_clicked_cb (GtkButton      *button,
                     GwSignInDialog *self)
{
  check_in (self, g_object_get_data (G_OBJECT (button), "member"));
}

static void
add_candidate (GwSignInDialog *self,
               GwMember       *member,
               guint           distance)
{
  g_autofree char *stage = gw_ladder_dup_stage_label (self->store, gw_member_get_stage (member));
  g_autoptr(GString) subtitle = g_string_new (stage);
  g_autofree char *label = NULL;
  GtkWidget *row, *button;

  if (gw_member_get_community_name (member)[0] != '\0')
    g_string_append_printf (subtitle, " · %s", gw_member_get_community_name (member));
  if (gw_member_get_phone (member)[0] != '\0')
    g_string_append_printf (subtitle, " · %s", gw_member_get_phone (member));
  if (distance == 0)
    g_string_append_printf (subtitle, " · %s", _("same name"));
  if (gw_store_is_checked_in (self->store, self->meeting_id, gw_member_get_id (member)))
    g_string_append_printf (subtitle, " · %s", _("already checked in"));

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gw_member_get_full_name (member));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "member", g_object_ref (member), g_object_unref);

  label = g_strdup_printf (_("Check In %s"), gw_member_get_full_name (member));
  button = gtk_button_new_with_label (_("Check In"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (button), "member", g_object_ref (member), g_object_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (check_in_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  gtk_list_box_append (self->candidates, row);
}

static void
name_activated_cb (GwSignInDialog *self)
{
  g_autoptr(GPtrArray) matches = NULL;
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *new_title = NULL;
  GwMember *exact = NULL;
  guint n_exact = 0;
  GtkWidget *row, *first;

  clear_candidates (self);
  if (typed[0] == '\0')
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  g_free (self->typed);
  self->typed = g_strdup (typed);
  g_free (self->typed_phone);
  self->typed_phone = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->phone_row))));

  matches = gw_store_match_sign_in_name (self->store, typed, N_CANDIDATES);
  for (guint i = 0; i < matches->len; i++)
    {
      GwMember *member = g_ptr_array_index (matches, i);

      if (gw_sign_in_name_distance (member, typed) == 0)
        {
          exact = member;
          n_exact++;
        }
    }

  /* One person with exactly that name: no need to ask. Two people with the
   * same name must be told apart by whoever holds the sheet. */
  if (n_exact == 1)
    {
      check_in (self, exact);
      return;
    }

  for (guint i = 0; i < matches->len; i++)
    {
      GwMember *member = g_ptr_array_index (matches, i);

      add_candidate (self, member, gw_sign_in_name_distance (member, typed));
    }

  /* Translators: %s is a name as typed from a paper sign-in sheet. */
  new_title = g_strdup_printf (_("Add “%s” as New Volunteer"), typed);
  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), new_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Nobody on the roster is this person"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("list-add-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_list_box_append (self->candidates, row);

  if (matches->len == 0)
    {
      g_autofree char *message = g_strdup_printf (_("Nobody on the roster is close to “%s”."), typed);
      set_status (self, message, FALSE);
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("Who is “%s”? Choose below, or add a new volunteer."), typed);
      set_status (self, message, FALSE);
    }

  gtk_widget_set_visible (self->candidates_group, TRUE);
  first = gtk_widget_get_first_child (GTK_WIDGET (self->candidates));
  gtk_widget_grab_focus (first);
}

static gboolean
candidates_key_pressed_cb (GtkEventControllerKey *controller,
                           guint                  keyval,
                           guint                  keycode,
                           GdkModifierType        state,
                           GwSignInDialog        *self)
{
  /* Escape from the choices goes back to the name to type it again. */
  if (keyval == GDK_KEY_Escape)
    {
      clear_candidates (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
gw_sign_in_dialog_dispose (GObject *object)
{
  GwSignInDialog *self = GW_SIGN_IN_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->typed, g_free);
  g_clear_pointer (&self->typed_phone, g_free);

  G_OBJECT_CLASS (gw_sign_in_dialog_parent_class)->dispose (object);
}

static void
gw_sign_in_dialog_class_init (GwSignInDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_sign_in_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gw_sign_in_dialog_init (GwSignInDialog *self)
{
}

static GtkListBox *
new_boxed_list (const char *label)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return GTK_LIST_BOX (list);
}

/**
 * gw_sign_in_dialog_new:
 *
 * Returns: (transfer floating): a window for typing in a paper sign-in
 *   sheet of the meeting.
 */
GwSignInDialog *
gw_sign_in_dialog_new (GtkWindow *parent,
                       GwStore   *store,
                       gint64     meeting_id)
{
  GwSignInDialog *self;
  GtkWidget *box, *header, *done, *page, *group, *form;
  GtkEventController *keys;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);

  self = g_object_new (GW_TYPE_SIGN_IN_DIALOG,
                       "modal", TRUE,
                       "transient-for", parent,
                       "title", _("Type In Sign-in Sheet"),
                       "default-width", 520,
                       "default-height", 640,
                       NULL);
  self->store = g_object_ref (store);
  self->meeting_id = meeting_id;

  page = adw_preferences_page_new ();

  group = adw_preferences_group_new ();
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Type each name as it is written on the sheet and press Enter. "
                                           "Someone whose name matches exactly is checked in at once; "
                                           "otherwise choose who it is, or add them as a new volunteer."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  form = GTK_WIDGET (new_boxed_list (_("Name on the sheet")));
  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Name on the sheet"));
  g_signal_connect_swapped (self->name_row, "entry-activated", G_CALLBACK (name_activated_cb), self);
  gtk_list_box_append (GTK_LIST_BOX (form), GTK_WIDGET (self->name_row));
  self->phone_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->phone_row),
                                 _("Phone on the sheet (optional, for someone new)"));
  g_signal_connect_swapped (self->phone_row, "entry-activated", G_CALLBACK (name_activated_cb), self);
  gtk_list_box_append (GTK_LIST_BOX (form), GTK_WIDGET (self->phone_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), form);

  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->status_label, TRUE);
  gtk_label_set_xalign (self->status_label, 0);
  gtk_widget_set_margin_top (GTK_WIDGET (self->status_label), 12);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->status_label));

  self->candidates_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->candidates_group), _("Who Is It?"));
  self->candidates = new_boxed_list (_("Who is it?"));
  g_signal_connect_swapped (self->candidates, "row-activated", G_CALLBACK (candidate_activated_cb), self);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (candidates_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->candidates), keys);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->candidates_group), GTK_WIDGET (self->candidates));
  gtk_widget_set_visible (self->candidates_group, FALSE);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (self->candidates_group));

  self->done_group = adw_preferences_group_new ();
  self->done_list = new_boxed_list (_("Checked in from this sheet"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->done_group), GTK_WIDGET (self->done_list));
  gtk_widget_set_visible (self->done_group, FALSE);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (self->done_group));

  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  done = gtk_button_new_with_mnemonic (_("_Done"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (done), "window.close");
  gtk_widget_add_css_class (done, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), done);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return self;
}
