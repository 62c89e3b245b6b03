/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gw-date.h"
#include "gw-member-editor.h"
#include "gw-store-members.h"
#include "gw-window.h"

enum {
  FIELD_FULL_NAME,
  FIELD_COMMUNITY_NAME,
  FIELD_PRONOUNS,
  FIELD_PHONE,
  FIELD_EMAIL,
  FIELD_NEIGHBOURHOOD,
  FIELD_LANGUAGES,
  FIELD_SKILLS,
  FIELD_TAGS,
  FIELD_JOINED,
  N_FIELDS
};

struct _GwMemberEditor
{
  AdwWindow    parent_instance;

  GwStore     *store;
  GwMember    *member;     /* the copy being edited */
  gboolean     is_new;
  gint64       recruiter_id;
  gint64       removed_recruiter;  /* not on the roster (Undo may bring them back) */

  AdwEntryRow *fields[N_FIELDS];
  AdwEntryRow *recruiter_row;
  GtkListBox  *recruiter_matches;
  GtkTextView *notes_view;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (GwMemberEditor, gw_member_editor, ADW_TYPE_WINDOW)

static void
show_error (GwMemberEditor *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}

static const char *
field_text (GwMemberEditor *self,
            guint           field)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->fields[field]));
}

/* Copies what was typed into the member; FALSE with a message when
 * something typed cannot be right. */
static gboolean
collect (GwMemberEditor *self)
{
  g_auto(GStrv) languages = gw_split_list (field_text (self, FIELD_LANGUAGES));
  g_auto(GStrv) tags = gw_split_list (field_text (self, FIELD_TAGS));
  g_autofree char *joined = NULL;
  g_autofree char *notes = NULL;
  GtkTextIter start, end;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  const char *typed_joined = field_text (self, FIELD_JOINED);

  if (typed_joined[0] != '\0')
    {
      joined = gw_date_parse_user (typed_joined);
      if (joined == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a real date. Write the date joined as YYYY-MM-DD."),
                                                      typed_joined);
          show_error (self, message);
          gtk_widget_grab_focus (GTK_WIDGET (self->fields[FIELD_JOINED]));
          return FALSE;
        }
    }

  /* A recruiter since removed is not shown, and stays as it was. */
  if (gtk_editable_get_text (GTK_EDITABLE (self->recruiter_row))[0] == '\0')
    self->recruiter_id = self->removed_recruiter;
  else if (self->recruiter_id == 0)
    {
      show_error (self, _("Choose who recruited them from the list of matches, or leave it empty."));
      gtk_widget_grab_focus (GTK_WIDGET (self->recruiter_row));
      return FALSE;
    }

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  gw_member_set_full_name (self->member, field_text (self, FIELD_FULL_NAME));
  gw_member_set_community_name (self->member, field_text (self, FIELD_COMMUNITY_NAME));
  gw_member_set_pronouns (self->member, field_text (self, FIELD_PRONOUNS));
  gw_member_set_phone (self->member, field_text (self, FIELD_PHONE));
  gw_member_set_email (self->member, field_text (self, FIELD_EMAIL));
  gw_member_set_neighbourhood (self->member, field_text (self, FIELD_NEIGHBOURHOOD));
  gw_member_set_languages (self->member, (const char * const *) languages);
  gw_member_set_skills (self->member, field_text (self, FIELD_SKILLS));
  gw_member_set_tags (self->member, (const char * const *) tags);
  gw_member_set_joined (self->member, joined);
  gw_member_set_recruited_by (self->member, self->recruiter_id);
  gw_member_set_notes (self->member, notes);

  return TRUE;
}

static void
save (GwMemberEditor *self)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (self->is_new)
    {
      gint64 id = gw_store_add_member (self->store, self->member, NULL, &error);

      if (id == 0)
        {
          show_error (self, error->message);
          return;
        }

      if (GW_IS_WINDOW (parent))
        gw_window_show_member (GW_WINDOW (parent), id);
    }
  else if (!gw_store_update_member (self->store, self->member, &error))
    {
      show_error (self, error->message);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
duplicate_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       GwMemberEditor   *self)
{
  if (g_strcmp0 (response, "add") == 0)
    save (self);
}

static void
save_clicked_cb (GwMemberEditor *self)
{
  g_autoptr(GPtrArray) duplicates = NULL;
  g_autoptr(GString) body = NULL;
  GtkWidget *dialog;

  if (!collect (self))
    return;

  if (!self->is_new)
    {
      save (self);
      return;
    }

  if (gw_member_get_full_name (self->member)[0] == '\0')
    {
      show_error (self, _("Enter the person’s full name."));
      gtk_widget_grab_focus (GTK_WIDGET (self->fields[FIELD_FULL_NAME]));
      return;
    }

  duplicates = gw_store_find_duplicates (self->store, self->member);
  if (duplicates->len == 0)
    {
      save (self);
      return;
    }

  body = g_string_new (_("These people on the roster may be the same person:"));
  g_string_append_c (body, '\n');
  for (guint i = 0; i < duplicates->len; i++)
    {
      GwMember *other = g_ptr_array_index (duplicates, i);

      g_string_append_printf (body, "\n• %s", gw_member_get_full_name (other));
      if (gw_member_get_phone (other)[0] != '\0')
        g_string_append_printf (body, " · %s", gw_member_get_phone (other));
      if (gw_member_get_email (other)[0] != '\0')
        g_string_append_printf (body, " · %s", gw_member_get_email (other));
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Possible Duplicate"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Go Back"),
                                    "add", _("_Add Anyway"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (duplicate_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
recruiter_match_activated_cb (GwMemberEditor *self,
                              GtkListBoxRow  *row)
{
  GwMember *match = g_object_get_data (G_OBJECT (row), "member");

  self->recruiter_id = gw_member_get_id (match);
  gtk_editable_set_text (GTK_EDITABLE (self->recruiter_row), gw_member_get_full_name (match));
  /* Setting the text searched again; the choice is made, so hide it. */
  self->recruiter_id = gw_member_get_id (match);
  gtk_widget_set_visible (GTK_WIDGET (self->recruiter_matches), FALSE);
}

static void
recruiter_changed_cb (GwMemberEditor *self)
{
  g_autoptr(GPtrArray) matches = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->recruiter_row));
  GtkWidget *child;

  self->recruiter_id = 0;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recruiter_matches))) != NULL)
    gtk_list_box_remove (self->recruiter_matches, child);

  matches = gw_store_search_member_names (self->store, text, 6);
  for (guint i = 0; i < matches->len; i++)
    {
      GwMember *match = g_ptr_array_index (matches, i);
      GtkWidget *row;

      if (gw_member_get_id (match) == gw_member_get_id (self->member))
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gw_member_get_full_name (match));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), gw_member_get_neighbourhood (match));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "member", g_object_ref (match), g_object_unref);
      gtk_list_box_append (self->recruiter_matches, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recruiter_matches),
                          gtk_widget_get_first_child (GTK_WIDGET (self->recruiter_matches)) != NULL);
}

static void
gw_member_editor_dispose (GObject *object)
{
  GwMemberEditor *self = GW_MEMBER_EDITOR (object);

  g_clear_object (&self->member);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (gw_member_editor_parent_class)->dispose (object);
}

static void
gw_member_editor_class_init (GwMemberEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_member_editor_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gw_member_editor_init (GwMemberEditor *self)
{
}

static GtkWidget *
add_group (GtkWidget  *page,
           const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  return group;
}

static AdwEntryRow *
add_field (GtkWidget  *group,
           const char *title,
           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_ENTRY_ROW (row);
}

/**
 * gw_member_editor_new:
 * @member_id: the member to edit, or 0 to add someone
 *
 * Returns: (transfer floating): the editor window.
 */
GwMemberEditor *
gw_member_editor_new (GtkWindow *parent,
                      GwStore   *store,
                      gint64     member_id)
{
  GwMemberEditor *self;
  g_autofree char *languages = NULL;
  g_autofree char *tags = NULL;
  GtkWidget *box, *header, *cancel, *save_button, *page, *group, *frame, *scroller, *error_group;
  GwMember *m;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);

  self = g_object_new (GW_TYPE_MEMBER_EDITOR,
                       "modal", TRUE,
                       "transient-for", parent,
                       "default-width", 560,
                       "default-height", 720,
                       NULL);
  self->store = g_object_ref (store);

  if (member_id > 0)
    {
      g_autoptr(GwMember) loaded = gw_store_load_member (store, member_id, NULL);
      self->member = loaded ? gw_member_copy (loaded) : NULL;
    }
  if (self->member == NULL)
    {
      self->member = gw_member_new ();
      self->is_new = TRUE;
    }
  m = self->member;
  self->recruiter_id = gw_member_get_recruited_by (m);
  if (gw_member_get_recruited_by_name (m) == NULL)
    self->removed_recruiter = self->recruiter_id;

  gtk_window_set_title (GTK_WINDOW (self), self->is_new ? _("Add Member") : _("Edit Member"));

  languages = gw_member_dup_languages_text (m);
  tags = g_strjoinv (", ", (char **) gw_member_get_tags (m));

  page = adw_preferences_page_new ();

  error_group = adw_preferences_group_new ();
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (error_group), GTK_WIDGET (self->error_label));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (error_group));

  group = add_group (page, _("Person"));
  self->fields[FIELD_FULL_NAME] = add_field (group, _("Full name"), gw_member_get_full_name (m));
  self->fields[FIELD_COMMUNITY_NAME] = add_field (group, _("Name they go by (optional)"), gw_member_get_community_name (m));
  self->fields[FIELD_PRONOUNS] = add_field (group, _("Pronouns"), gw_member_get_pronouns (m));
  self->fields[FIELD_LANGUAGES] = add_field (group, _("Languages spoken (separated by commas)"), languages);

  group = add_group (page, _("Contact"));
  self->fields[FIELD_PHONE] = add_field (group, _("Phone"), gw_member_get_phone (m));
  self->fields[FIELD_EMAIL] = add_field (group, _("Email"), gw_member_get_email (m));
  self->fields[FIELD_NEIGHBOURHOOD] = add_field (group, _("Address or neighbourhood"), gw_member_get_neighbourhood (m));

  group = add_group (page, _("In the Organization"));
  self->fields[FIELD_JOINED] = add_field (group, _("Joined (YYYY-MM-DD; empty for today)"), gw_member_get_joined (m));
  self->fields[FIELD_SKILLS] = add_field (group, _("Skills and interests"), gw_member_get_skills (m));
  self->fields[FIELD_TAGS] = add_field (group, _("Tags (separated by commas)"), tags);
  self->recruiter_row = add_field (group, _("Recruited by (type a name)"), gw_member_get_recruited_by_name (m));
  g_signal_connect_swapped (self->recruiter_row, "changed", G_CALLBACK (recruiter_changed_cb), self);

  self->recruiter_matches = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->recruiter_matches), "boxed-list");
  gtk_widget_set_visible (GTK_WIDGET (self->recruiter_matches), FALSE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->recruiter_matches), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->recruiter_matches),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("People matching the recruiter’s name"), -1);
  g_signal_connect_swapped (self->recruiter_matches, "row-activated",
                            G_CALLBACK (recruiter_match_activated_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->recruiter_matches));

  group = add_group (page, _("Notes"));
  self->notes_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->notes_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (self->notes_view, 8);
  gtk_text_view_set_bottom_margin (self->notes_view, 8);
  gtk_text_view_set_left_margin (self->notes_view, 8);
  gtk_text_view_set_right_margin (self->notes_view, 8);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), gw_member_get_notes (m), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->notes_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Notes"), -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 100);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->notes_view));
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), scroller);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);

  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  save_button = gtk_button_new_with_mnemonic (self->is_new ? _("_Add") : _("_Save"));
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
  gtk_widget_grab_focus (GTK_WIDGET (self->fields[FIELD_FULL_NAME]));

  return self;
}
