/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gw-ladder.h"
#include "gw-person-search.h"
#include "gw-store-meetings.h"
#include "gw-store-members.h"

/* An entry row where a name is typed, with the people it matches listed
 * under it. Choosing one (Enter picks the first) emits ::chosen. The search
 * is by the start of names first; when that finds nobody, the tolerant
 * sign-in matching finds names typed with typos or without accents. */
struct _GwPersonSearch
{
  GtkWidget               parent_instance;

  GwStore                *store;
  GwPersonSearchNoteFunc  note_func;
  gpointer                note_data;
  char                   *choose_label;
  gint64                  member_id;
  guint                   clear_on_choose : 1;
  guint                   setting_text : 1;

  GtkWidget              *box;
  AdwEntryRow            *entry_row;
  GtkListBox             *matches;
};

G_DEFINE_FINAL_TYPE (GwPersonSearch, gw_person_search, GTK_TYPE_WIDGET)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define N_MATCHES 6

static void
clear_matches (GwPersonSearch *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->matches))) != NULL)
    gtk_list_box_remove (self->matches, child);
  gtk_widget_set_visible (GTK_WIDGET (self->matches), FALSE);
}

static void
choose (GwPersonSearch *self,
        GwMember       *member)
{
  g_autoptr(GwMember) kept = g_object_ref (member);

  if (self->clear_on_choose)
    {
      gw_person_search_clear (self);
      self->member_id = 0;
    }
  else
    {
      self->setting_text = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->entry_row), gw_member_get_full_name (kept));
      gtk_editable_set_position (GTK_EDITABLE (self->entry_row), -1);
      self->setting_text = FALSE;
      self->member_id = gw_member_get_id (kept);
      clear_matches (self);
    }

  g_signal_emit (self, signals[CHOSEN], 0, gw_member_get_id (kept), gw_member_get_full_name (kept));
  gtk_widget_grab_focus (GTK_WIDGET (self->entry_row));
}

static void
choose_clicked_cb (GtkButton      *button,
                   GwPersonSearch *self)
{
  GwMember *member = g_object_get_data (G_OBJECT (button), "member");

  choose (self, member);
}

static void
row_activated_cb (GwPersonSearch *self,
                  GtkListBoxRow  *row)
{
  GwMember *member = g_object_get_data (G_OBJECT (row), "member");

  if (member != NULL && gtk_widget_get_sensitive (GTK_WIDGET (row)))
    choose (self, member);
}

static void
add_match (GwPersonSearch *self,
           GwMember       *member)
{
  g_autofree char *stage = gw_ladder_dup_stage_label (self->store, gw_member_get_stage (member));
  g_autoptr(GString) subtitle = g_string_new (stage);
  const char *note = NULL;
  gboolean can_choose = TRUE;
  GtkWidget *row, *button;

  if (self->note_func != NULL)
    note = self->note_func (member, &can_choose, self->note_data);

  if (gw_member_get_community_name (member)[0] != '\0')
    g_string_append_printf (subtitle, " · %s", gw_member_get_community_name (member));
  if (gw_member_get_phone (member)[0] != '\0')
    g_string_append_printf (subtitle, " · %s", gw_member_get_phone (member));
  if (note != NULL)
    g_string_append_printf (subtitle, " · %s", note);

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gw_member_get_full_name (member));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), can_choose);
  g_object_set_data_full (G_OBJECT (row), "member", g_object_ref (member), g_object_unref);

  if (self->choose_label != NULL)
    {
      /* Translators: the accessible name of a button, e.g. "Check In Ana García". */
      g_autofree char *label = g_strdup_printf (_("%s %s"), self->choose_label,
                                                gw_member_get_full_name (member));

      button = gtk_button_new_with_label (self->choose_label);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (button, can_choose);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (button), "member", g_object_ref (member), g_object_unref);
      g_signal_connect (button, "clicked", G_CALLBACK (choose_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  gtk_list_box_append (self->matches, row);
}

static GPtrArray *
find_matches (GwPersonSearch *self,
              const char     *text)
{
  GPtrArray *matches = gw_store_search_member_names (self->store, text, N_MATCHES);

  if (matches->len == 0 && g_utf8_strlen (text, -1) >= 3)
    {
      g_ptr_array_unref (matches);
      matches = gw_store_match_sign_in_name (self->store, text, N_MATCHES);
    }

  return matches;
}

static void
entry_changed_cb (GwPersonSearch *self)
{
  g_autoptr(GPtrArray) matches = NULL;
  g_autofree char *text = NULL;

  if (self->setting_text)
    return;

  self->member_id = 0;
  clear_matches (self);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry_row))));
  if (self->store == NULL || text[0] == '\0')
    return;

  matches = find_matches (self, text);
  for (guint i = 0; i < matches->len; i++)
    add_match (self, g_ptr_array_index (matches, i));

  gtk_widget_set_visible (GTK_WIDGET (self->matches), matches->len > 0);
}

static void
entry_activated_cb (GwPersonSearch *self)
{
  GtkWidget *row;

  /* Enter takes the best match that can be chosen. */
  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->matches));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)))
      {
        choose (self, g_object_get_data (G_OBJECT (row), "member"));
        return;
      }

  gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
gw_person_search_dispose (GObject *object)
{
  GwPersonSearch *self = GW_PERSON_SEARCH (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_pointer (&self->choose_label, g_free);

  G_OBJECT_CLASS (gw_person_search_parent_class)->dispose (object);
}

static void
gw_person_search_class_init (GwPersonSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_person_search_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  /**
   * GwPersonSearch::chosen:
   * @member_id: who was chosen
   * @full_name: their name
   */
  signals[CHOSEN] =
    g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);
}

static void
gw_person_search_init (GwPersonSearch *self)
{
  GtkWidget *list;

  self->clear_on_choose = TRUE;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  self->entry_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->entry_row));
  gtk_box_append (GTK_BOX (self->box), list);
  g_signal_connect_swapped (self->entry_row, "changed", G_CALLBACK (entry_changed_cb), self);
  g_signal_connect_swapped (self->entry_row, "entry-activated", G_CALLBACK (entry_activated_cb), self);

  self->matches = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->matches, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->matches), "boxed-list");
  gtk_widget_set_visible (GTK_WIDGET (self->matches), FALSE);
  g_signal_connect_swapped (self->matches, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->matches));
}

/**
 * gw_person_search_new:
 * @title: what the entry row asks for
 * @choose_label: (nullable): the label of a button on each match, such as
 *   "Check In", or %NULL to choose by activating the row only
 *
 * Returns: (transfer floating): the search.
 */
GtkWidget *
gw_person_search_new (const char *title,
                      const char *choose_label)
{
  GwPersonSearch *self = g_object_new (GW_TYPE_PERSON_SEARCH, NULL);
  g_autofree char *matches_label = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->entry_row), title);
  self->choose_label = g_strdup (choose_label);
  /* Translators: the accessible name of the list under a search, e.g. "People matching: Check in someone". */
  matches_label = g_strdup_printf (_("People matching: %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->matches),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, matches_label, -1);
  return GTK_WIDGET (self);
}

void
gw_person_search_set_store (GwPersonSearch *self,
                            GwStore        *store)
{
  g_return_if_fail (GW_IS_PERSON_SEARCH (self));
  g_set_object (&self->store, store);
}

void
gw_person_search_set_note_func (GwPersonSearch         *self,
                                GwPersonSearchNoteFunc  func,
                                gpointer                user_data)
{
  g_return_if_fail (GW_IS_PERSON_SEARCH (self));
  self->note_func = func;
  self->note_data = user_data;
}

void
gw_person_search_set_clear_on_choose (GwPersonSearch *self,
                                      gboolean        clear)
{
  g_return_if_fail (GW_IS_PERSON_SEARCH (self));
  self->clear_on_choose = !!clear;
}

gint64
gw_person_search_get_member_id (GwPersonSearch *self)
{
  g_return_val_if_fail (GW_IS_PERSON_SEARCH (self), 0);
  return self->member_id;
}

const char *
gw_person_search_get_text (GwPersonSearch *self)
{
  g_return_val_if_fail (GW_IS_PERSON_SEARCH (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->entry_row));
}

void
gw_person_search_clear (GwPersonSearch *self)
{
  g_return_if_fail (GW_IS_PERSON_SEARCH (self));
  gtk_editable_set_text (GTK_EDITABLE (self->entry_row), "");
  self->member_id = 0;
  clear_matches (self);
}

void
gw_person_search_focus (GwPersonSearch *self)
{
  g_return_if_fail (GW_IS_PERSON_SEARCH (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->entry_row));
}
