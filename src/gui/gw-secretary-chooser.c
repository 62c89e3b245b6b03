/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gw-date.h"
#include "gw-person-search.h"
#include "gw-rotation.h"
#include "gw-secretary-chooser.h"
#include "gw-store-meetings.h"

/* Choosing a meeting's secretary. The rotation's order for the meeting's
 * date comes first, each person with the rule that placed them, so that the
 * choice is fair and seen to be fair; anyone active may still step in. */
struct _GwSecretaryChooser
{
  AdwWindow  parent_instance;

  GwStore   *store;
  gint64     meeting_id;

  GtkLabel  *error_label;
};

G_DEFINE_FINAL_TYPE (GwSecretaryChooser, gw_secretary_chooser, ADW_TYPE_WINDOW)

static void
assign (GwSecretaryChooser *self,
        gint64              member_id)
{
  g_autoptr(GError) error = NULL;

  if (!gw_rotation_assign (self->store, self->meeting_id, member_id, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
candidate_activated_cb (GwSecretaryChooser *self,
                        GtkListBoxRow      *row)
{
  assign (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "member-id")));
}

static void
someone_chosen_cb (GwSecretaryChooser *self,
                   gint64              member_id,
                   const char         *name)
{
  assign (self, member_id);
}

static void
clear_clicked_cb (GwSecretaryChooser *self)
{
  assign (self, 0);
}

static GtkWidget *
new_tag (const char *text,
         const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
gw_secretary_chooser_dispose (GObject *object)
{
  GwSecretaryChooser *self = GW_SECRETARY_CHOOSER (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (gw_secretary_chooser_parent_class)->dispose (object);
}

static void
gw_secretary_chooser_class_init (GwSecretaryChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_secretary_chooser_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gw_secretary_chooser_init (GwSecretaryChooser *self)
{
}

/**
 * gw_secretary_chooser_new:
 *
 * Returns: (transfer floating): a window choosing the secretary of the
 *   meeting.
 */
GwSecretaryChooser *
gw_secretary_chooser_new (GtkWindow *parent,
                          GwStore   *store,
                          gint64     meeting_id)
{
  GwSecretaryChooser *self;
  g_autoptr(GwMeeting) meeting = NULL;
  g_autoptr(GPtrArray) order = NULL;
  g_autofree char *date = NULL;
  g_autofree char *description = NULL;
  GtkWidget *box, *header, *cancel, *page, *group, *list, *search, *first = NULL;
  gint64 suggested;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);

  self = g_object_new (GW_TYPE_SECRETARY_CHOOSER,
                       "modal", TRUE,
                       "transient-for", parent,
                       "title", _("Choose Secretary"),
                       "default-width", 520,
                       "default-height", 620,
                       NULL);
  self->store = g_object_ref (store);
  self->meeting_id = meeting_id;

  meeting = gw_store_load_meeting (store, meeting_id, NULL);
  page = adw_preferences_page_new ();

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  group = adw_preferences_group_new ();
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->error_label));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("The Rotation"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  if (meeting != NULL)
    {
      date = gw_date_format (gw_meeting_get_date (meeting));
      /* Translators: %s is a date. */
      description = g_strdup_printf (_("Whoever served least recently goes next. The order for %s:"), date);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

      order = gw_rotation_dup_order (store, gw_meeting_get_date (meeting));
      suggested = gw_rotation_suggest (store, gw_meeting_get_date (meeting));

      list = gtk_list_box_new ();
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("The rotation’s order"), -1);
      g_signal_connect_swapped (list, "row-activated", G_CALLBACK (candidate_activated_cb), self);

      for (guint i = 0; i < order->len; i++)
        {
          GwRotationCandidate *c = g_ptr_array_index (order, i);
          g_autoptr(GString) subtitle = g_string_new (c->reason);
          GtkWidget *row = adw_action_row_new ();

          if (c->skipped)
            {
              g_string_truncate (subtitle, 0);
              /* Translators: someone away on the meeting's day, with the reason given. */
              g_string_append_printf (subtitle, _("Away: %s"), c->skip_reason ? c->skip_reason : "");
            }
          if (c->warning != NULL)
            g_string_append_printf (subtitle, "\n%s", c->warning);

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), c->full_name);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_object_set_data (G_OBJECT (row), "member-id", GSIZE_TO_POINTER (c->member_id));

          if (c->member_id == suggested)
            {
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_tag (_("Suggested"), "accent"));
              first = first ? first : row;
            }
          if (c->skipped)
            adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_tag (_("Away"), "dim-label"));
          if (meeting != NULL && c->member_id == gw_meeting_get_secretary_id (meeting))
            adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_tag (_("Secretary now"), "success"));

          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }

      if (order->len == 0)
        {
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nobody is in the rotation yet"));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                       _("Members and cadre join it on the Secretary page. Anyone active can still step in below."));
          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
    }

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Someone Else"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("An active member or cadre can step in when the rotation cannot."));
  search = gw_person_search_new (_("Type a name"), _("Choose"));
  gw_person_search_set_store (GW_PERSON_SEARCH (search), store);
  g_signal_connect_swapped (search, "chosen", G_CALLBACK (someone_chosen_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), search);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  if (meeting != NULL && gw_meeting_get_secretary_id (meeting) != 0)
    {
      GtkWidget *clear = gtk_button_new_with_mnemonic (_("C_lear Secretary"));

      gtk_widget_add_css_class (clear, "destructive-action");
      g_signal_connect_swapped (clear, "clicked", G_CALLBACK (clear_clicked_cb), self);
      adw_header_bar_pack_end (ADW_HEADER_BAR (header), clear);
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);

  if (first != NULL)
    gtk_widget_grab_focus (first);

  return self;
}
