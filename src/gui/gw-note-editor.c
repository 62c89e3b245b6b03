/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gw-date.h"
#include "gw-note-editor.h"
#include "gw-notebook-forms.h"
#include "gw-person-search.h"
#include "gw-store-notebook.h"
#include "gw-text.h"

/* Writing a field note: fast, and nothing lost. The note is stored only on
 * Save (Ctrl+S); leaving with unsaved changes asks first. While the text is
 * typed, the forces, needs and rules it names are shown under it: the store
 * links them the same way when the note is saved. */
struct _GwNoteEditor
{
  GtkWidget       parent_instance;

  GwStore        *store;
  GwNote         *note;          /* what is being edited; id 0 for a new note */
  GPtrArray      *members;       /* (element-type GwNotebookRef): who went */
  GPtrArray      *names;         /* (element-type GwNotebookRef): things a text can name, titles folded */
  guint           dirty : 1;
  guint           loading : 1;
  guint           links_source;

  GtkWidget      *box;
  AdwWindowTitle *window_title;
  GtkWidget      *save_button;
  AdwEntryRow    *title_row;
  AdwEntryRow    *date_row;
  AdwEntryRow    *place_row;
  AdwEntryRow    *tags_row;
  GtkListBox     *members_list;
  GwPersonSearch *member_search;
  GtkTextView    *text_view;
  GtkLabel       *word_count;
  GtkLabel       *links_label;
};

G_DEFINE_FINAL_TYPE (GwNoteEditor, gw_note_editor, GTK_TYPE_WIDGET)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_dirty (GwNoteEditor *self,
           gboolean      dirty)
{
  if (self->loading)
    return;
  self->dirty = dirty;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save",
                                 dirty && self->store && !gw_store_is_read_only (self->store));
}

static char *
dup_text (GwNoteEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Whether @name appears in @text as whole words (both folded). */
static gboolean
names_whole_words (const char *text,
                   const char *name)
{
  gsize len = strlen (name);

  if (len == 0)
    return FALSE;

  for (const char *p = strstr (text, name); p != NULL; p = strstr (p + 1, name))
    {
      gboolean starts = p == text ||
        !g_unichar_isalnum (g_utf8_get_char (g_utf8_find_prev_char (text, p)));
      gboolean ends = p[len] == '\0' || !g_unichar_isalnum (g_utf8_get_char (p + len));

      if (starts && ends)
        return TRUE;
    }
  return FALSE;
}

static gboolean
update_links_cb (gpointer data)
{
  GwNoteEditor *self = data;
  g_autofree char *text = dup_text (self);
  g_autofree char *whole = g_strconcat (gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
                                        "\n", text, NULL);
  g_autofree char *folded = gw_text_fold (whole);
  g_autoptr(GString) found = g_string_new (NULL);

  self->links_source = 0;

  for (guint i = 0; self->names != NULL && i < self->names->len; i++)
    {
      GwNotebookRef *ref = g_ptr_array_index (self->names, i);
      const char *folded_name = ref->title + strlen (ref->title) + 1;

      if (names_whole_words (folded, folded_name))
        {
          if (found->len > 0)
            g_string_append (found, ", ");
          /* Translators: a thing the note names and its type: "Evictions (need)". */
          g_string_append_printf (found, _("%s (%s)"), ref->title, gw_notebook_type_label (ref->type));
        }
    }

  if (found->len > 0)
    {
      g_autofree char *line = g_strdup_printf (_("Links to %s."), found->str);
      gtk_label_set_text (self->links_label, line);
    }
  else
    gtk_label_set_text (self->links_label,
                        _("Name a force, need or rule in the text to link it."));

  return G_SOURCE_REMOVE;
}

static void
queue_links (GwNoteEditor *self)
{
  g_clear_handle_id (&self->links_source, g_source_remove);
  self->links_source = g_timeout_add (250, update_links_cb, self);
}

static void
update_word_count (GwNoteEditor *self)
{
  g_autofree char *text = dup_text (self);
  guint n = gw_text_count_words (text);
  g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words", n), n);

  gtk_label_set_text (self->word_count, label);
}

static void
text_changed_cb (GwNoteEditor *self)
{
  update_word_count (self);
  queue_links (self);
  set_dirty (self, TRUE);
}

static void
field_changed_cb (GwNoteEditor *self)
{
  set_dirty (self, TRUE);
}

static void
title_changed_cb (GwNoteEditor *self)
{
  queue_links (self);
  set_dirty (self, TRUE);
}

/* Who went */

static void
remove_member_cb (GtkButton    *button,
                  GwNoteEditor *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "member-id"));
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  for (guint i = 0; i < self->members->len; i++)
    if (((GwNotebookRef *) g_ptr_array_index (self->members, i))->id == id)
      {
        g_ptr_array_remove_index (self->members, i);
        break;
      }

  gtk_list_box_remove (self->members_list, row);
  gtk_widget_set_visible (GTK_WIDGET (self->members_list), self->members->len > 0);
  gw_person_search_focus (self->member_search);
  set_dirty (self, TRUE);
}

static void
append_member_row (GwNoteEditor *self,
                   gint64        id,
                   const char   *name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");
  /* Translators: %s is a person's name. */
  g_autofree char *remove = g_strdup_printf (_("Remove %s"), name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, remove);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
  g_object_set_data (G_OBJECT (button), "member-id", GSIZE_TO_POINTER (id));
  g_signal_connect (button, "clicked", G_CALLBACK (remove_member_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  gtk_list_box_append (self->members_list, row);
  gtk_widget_set_visible (GTK_WIDGET (self->members_list), TRUE);
}

static void
member_chosen_cb (GwNoteEditor *self,
                  gint64        member_id,
                  const char   *full_name)
{
  for (guint i = 0; i < self->members->len; i++)
    if (((GwNotebookRef *) g_ptr_array_index (self->members, i))->id == member_id)
      return;

  g_ptr_array_add (self->members, gw_notebook_ref_new (GW_NOTEBOOK_MEMBER, member_id, full_name));
  append_member_row (self, member_id, full_name);
  set_dirty (self, TRUE);
}

/* Loading and saving */

/* Keeps each thing's title followed by its folded title in one string, so
 * that the live links need no second list. */
static void
add_names (GPtrArray      *names,
           GwNotebookType  type,
           gint64          id,
           const char     *title)
{
  g_autofree char *folded = gw_text_fold (title);
  GwNotebookRef *ref = gw_notebook_ref_new (type, id, NULL);
  gsize len = strlen (title);
  gsize flen = strlen (folded);

  g_free (ref->title);
  ref->title = g_malloc (len + flen + 2);
  memcpy (ref->title, title, len + 1);
  memcpy (ref->title + len + 1, folded, flen + 1);
  g_ptr_array_add (names, ref);
}

static void
load_names (GwNoteEditor *self)
{
  g_autoptr(GPtrArray) forces = gw_store_list_forces (self->store);
  g_autoptr(GPtrArray) needs = gw_store_list_needs (self->store);
  g_autoptr(GPtrArray) rules = gw_store_list_rules (self->store, NULL);

  g_clear_pointer (&self->names, g_ptr_array_unref);
  self->names = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_notebook_ref_free);
  for (guint i = 0; i < forces->len; i++)
    {
      GwForce *force = g_ptr_array_index (forces, i);
      add_names (self->names, GW_NOTEBOOK_FORCE, force->id, force->name);
    }
  for (guint i = 0; i < needs->len; i++)
    {
      GwNeed *need = g_ptr_array_index (needs, i);
      add_names (self->names, GW_NOTEBOOK_NEED, need->id, need->title);
    }
  for (guint i = 0; i < rules->len; i++)
    {
      GwLegalRule *rule = g_ptr_array_index (rules, i);
      add_names (self->names, GW_NOTEBOOK_RULE, rule->id, rule->title);
    }
}

void
gw_note_editor_edit (GwNoteEditor *self,
                     gint64        note_id)
{
  g_autofree char *today = gw_date_today ();
  g_autofree char *date = NULL;
  g_autofree char *tags = NULL;
  GtkWidget *child;

  g_return_if_fail (GW_IS_NOTE_EDITOR (self));
  g_return_if_fail (self->store != NULL);

  g_clear_pointer (&self->note, gw_note_free);
  if (note_id != 0)
    self->note = gw_store_load_note (self->store, note_id, NULL);
  if (self->note == NULL)
    self->note = gw_note_new ("", today);

  load_names (self);

  self->loading = TRUE;
  adw_window_title_set_title (self->window_title, self->note->id ? _("Edit Note") : _("New Note"));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), self->note->title);
  date = gw_date_format (self->note->date);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  gtk_editable_set_text (GTK_EDITABLE (self->place_row), self->note->place ? self->note->place : "");
  tags = self->note->tags ? g_strjoinv (", ", self->note->tags) : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (self->tags_row), tags);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                            self->note->text ? self->note->text : "", -1);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->members_list))) != NULL)
    gtk_list_box_remove (self->members_list, child);
  g_ptr_array_set_size (self->members, 0);
  for (guint i = 0; self->note->members && i < self->note->members->len; i++)
    {
      GwNotebookRef *ref = g_ptr_array_index (self->note->members, i);

      g_ptr_array_add (self->members, gw_notebook_ref_copy (ref));
      append_member_row (self, ref->id, ref->title);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->members_list), self->members->len > 0);
  gw_person_search_clear (self->member_search);
  self->loading = FALSE;

  set_dirty (self, FALSE);
  update_word_count (self);
  update_links_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static GStrv
split_tags (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, ",;", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *tag = g_strstrip (parts[i]);
      char *key;

      if (tag[0] == '\0')
        continue;
      key = g_utf8_casefold (tag, -1);
      if (!g_hash_table_add (seen, key))
        continue;
      g_strv_builder_add (builder, tag);
    }

  return g_strv_builder_end (builder);
}

static gboolean
save (GwNoteEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwNote) note = gw_note_copy (self->note);
  g_autofree char *date = NULL;
  const char *date_text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  gint64 id;

  if (gw_store_is_read_only (self->store))
    return FALSE;

  date = gw_date_parse_user (date_text);
  if (date == NULL)
    {
      g_set_error (&error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                   _("“%s” is not a date. Type it like %s."), date_text, "2024-05-31");
      gw_notebook_show_error (GTK_WIDGET (self), _("Could Not Save the Note"), error);
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return FALSE;
    }

  g_free (note->title);
  note->title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_free (note->date);
  note->date = g_steal_pointer (&date);
  g_free (note->place);
  note->place = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->place_row))));
  g_free (note->text);
  note->text = dup_text (self);
  g_strfreev (note->tags);
  note->tags = split_tags (gtk_editable_get_text (GTK_EDITABLE (self->tags_row)));
  g_ptr_array_set_size (note->members, 0);
  for (guint i = 0; i < self->members->len; i++)
    g_ptr_array_add (note->members, gw_notebook_ref_copy (g_ptr_array_index (self->members, i)));

  if (note->id != 0)
    id = gw_store_update_note (self->store, note, &error) ? note->id : 0;
  else
    id = gw_store_add_note (self->store, note, &error);

  if (id == 0)
    {
      gw_notebook_show_error (GTK_WIDGET (self), _("Could Not Save the Note"), error);
      if (note->title[0] == '\0')
        gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
      return FALSE;
    }

  note->id = id;
  gw_note_free (self->note);
  self->note = g_steal_pointer (&note);
  set_dirty (self, FALSE);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GwNoteEditor *self = GW_NOTE_EDITOR (widget);

  if (save (self))
    g_signal_emit (self, signals[DONE], 0, self->note->id);
}

typedef struct
{
  GwNoteEditor          *self;
  GwNoteEditorLeaveFunc  func;
  gpointer               user_data;
} Leave;

static void
leave_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   Leave            *leave)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      set_dirty (leave->self, FALSE);
      leave->func (leave->user_data);
    }
  else if (g_strcmp0 (response, "save") == 0 && save (leave->self))
    leave->func (leave->user_data);

  g_object_unref (leave->self);
  g_free (leave);
}

void
gw_note_editor_confirm_leave (GwNoteEditor          *self,
                              GwNoteEditorLeaveFunc  func,
                              gpointer               user_data)
{
  GtkWidget *dialog;
  Leave *leave;

  g_return_if_fail (GW_IS_NOTE_EDITOR (self));

  if (!self->dirty)
    {
      func (user_data);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Save the Note?"),
                                   _("What you wrote is not saved yet. Discarding it loses it."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Writing"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save",
                                           !gw_store_is_read_only (self->store));

  leave = g_new0 (Leave, 1);
  leave->self = g_object_ref (self);
  leave->func = func;
  leave->user_data = user_data;
  g_signal_connect (dialog, "response", G_CALLBACK (leave_response_cb), leave);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel_done (gpointer user_data)
{
  GwNoteEditor *self = user_data;

  g_signal_emit (self, signals[DONE], 0, self->note ? self->note->id : (gint64) 0);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GwNoteEditor *self = GW_NOTE_EDITOR (widget);

  gw_note_editor_confirm_leave (self, cancel_done, self);
}

gboolean
gw_note_editor_is_dirty (GwNoteEditor *self)
{
  g_return_val_if_fail (GW_IS_NOTE_EDITOR (self), FALSE);
  return self->dirty;
}

void
gw_note_editor_set_store (GwNoteEditor *self,
                          GwStore      *store)
{
  g_return_if_fail (GW_IS_NOTE_EDITOR (self));

  g_set_object (&self->store, store);
  gw_person_search_set_store (self->member_search, store);
}

/* Building */

static AdwEntryRow *
add_entry_row (GtkWidget  *list,
               const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return ADW_ENTRY_ROW (row);
}

static GtkWidget *
new_heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
gw_note_editor_dispose (GObject *object)
{
  GwNoteEditor *self = GW_NOTE_EDITOR (object);

  g_clear_handle_id (&self->links_source, g_source_remove);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_pointer (&self->note, gw_note_free);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_ptr_array_unref);

  G_OBJECT_CLASS (gw_note_editor_parent_class)->dispose (object);
}

static void
gw_note_editor_class_init (GwNoteEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_note_editor_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  /**
   * GwNoteEditor::done:
   * @note_id: the note saved, or shown before; 0 when a new note was discarded
   */
  signals[DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
gw_note_editor_init (GwNoteEditor *self)
{
  GtkWidget *bar, *button, *scroller, *clamp, *content, *list, *heading_box, *text_scroller, *label;
  GtkTextBuffer *buffer;

  self->members = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_notebook_ref_free);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  bar = gtk_center_box_new ();
  gtk_widget_add_css_class (bar, "filter-bar");
  button = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "editor.cancel");
  gtk_widget_set_tooltip_text (button, _("Leave the note (Escape); asks first if it is not saved"));
  gtk_center_box_set_start_widget (GTK_CENTER_BOX (bar), button);
  self->window_title = ADW_WINDOW_TITLE (adw_window_title_new (_("New Note"), NULL));
  gtk_center_box_set_center_widget (GTK_CENTER_BOX (bar), GTK_WIDGET (self->window_title));
  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_button), "editor.save");
  gtk_widget_set_tooltip_text (self->save_button, _("Save the note (Ctrl+S)"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_center_box_set_end_widget (GTK_CENTER_BOX (bar), self->save_button);
  gtk_box_append (GTK_BOX (self->box), bar);
  gtk_box_append (GTK_BOX (self->box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 800);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  scroller = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_box_append (GTK_BOX (self->box), scroller);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  self->title_row = add_entry_row (list, _("_Title"));
  self->date_row = add_entry_row (list, _("_Date"));
  self->place_row = add_entry_row (list, _("_Where (in words)"));
  self->tags_row = add_entry_row (list, _("T_ags (separated by commas)"));
  gtk_box_append (GTK_BOX (content), list);
  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (title_changed_cb), self);
  g_signal_connect_swapped (self->date_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->place_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->tags_row, "changed", G_CALLBACK (field_changed_cb), self);

  gtk_box_append (GTK_BOX (content), new_heading (_("Who Went")));
  self->members_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->members_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->members_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->members_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Who Went"), -1);
  gtk_widget_set_visible (GTK_WIDGET (self->members_list), FALSE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->members_list));
  self->member_search = GW_PERSON_SEARCH (gw_person_search_new (_("Add who went (type a name)"), _("Add")));
  g_signal_connect_swapped (self->member_search, "chosen", G_CALLBACK (member_chosen_cb), self);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->member_search));

  heading_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  label = gtk_label_new_with_mnemonic (_("What Was _Learned"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (heading_box), label);
  self->word_count = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->word_count), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->word_count), "numeric");
  gtk_box_append (GTK_BOX (heading_box), GTK_WIDGET (self->word_count));
  gtk_box_append (GTK_BOX (content), heading_box);

  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->text_view, FALSE);
  gtk_text_view_set_top_margin (self->text_view, 12);
  gtk_text_view_set_bottom_margin (self->text_view, 12);
  gtk_text_view_set_left_margin (self->text_view, 12);
  gtk_text_view_set_right_margin (self->text_view, 12);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->text_view));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What Was Learned"), -1);
  text_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (text_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (text_scroller), GTK_WIDGET (self->text_view));
  gtk_widget_set_size_request (text_scroller, -1, 260);
  gtk_widget_add_css_class (text_scroller, "card");
  gtk_box_append (GTK_BOX (content), text_scroller);
  buffer = gtk_text_view_get_buffer (self->text_view);
  g_signal_connect_swapped (buffer, "changed", G_CALLBACK (text_changed_cb), self);

  self->links_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->links_label, 0);
  gtk_label_set_wrap (self->links_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->links_label), "dim-label");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->links_label));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
}
