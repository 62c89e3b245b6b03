/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gw-date.h"
#include "gw-notebook-forms.h"
#include "gw-store-notebook.h"
#include "gw-window.h"

/* Helpers */

const char *
gw_notebook_type_to_kind (GwNotebookType type)
{
  switch (type)
    {
    case GW_NOTEBOOK_NOTE: return "note";
    case GW_NOTEBOOK_FORCE: return "force";
    case GW_NOTEBOOK_NEED: return "need";
    case GW_NOTEBOOK_CONTRADICTION: return "contradiction";
    case GW_NOTEBOOK_RULE: return "rule";
    case GW_NOTEBOOK_MEMBER: return "member";
    default: return "";
    }
}

GwNotebookType
gw_notebook_kind_to_type (const char *kind)
{
  if (g_strcmp0 (kind, "note") == 0)
    return GW_NOTEBOOK_NOTE;
  if (g_strcmp0 (kind, "force") == 0)
    return GW_NOTEBOOK_FORCE;
  if (g_strcmp0 (kind, "need") == 0)
    return GW_NOTEBOOK_NEED;
  if (g_strcmp0 (kind, "contradiction") == 0)
    return GW_NOTEBOOK_CONTRADICTION;
  if (g_strcmp0 (kind, "rule") == 0)
    return GW_NOTEBOOK_RULE;
  if (g_strcmp0 (kind, "member") == 0)
    return GW_NOTEBOOK_MEMBER;
  return 0;
}

char *
gw_notebook_snippet_markup (const char *snippet)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  const char *p = snippet ? snippet : "";
  gsize start_len = strlen (GW_NOTEBOOK_MARK_START);
  gsize end_len = strlen (GW_NOTEBOOK_MARK_END);
  gboolean bold = FALSE;

  /* Escape the plain text between the markers piece by piece, so that a
   * "<" or "&" in a note never breaks the markup; a snippet cut in the
   * middle of a match still closes its <b>. */
  for (;;)
    {
      const char *start = strstr (p, GW_NOTEBOOK_MARK_START);
      const char *end = strstr (p, GW_NOTEBOOK_MARK_END);
      const char *next = start;
      gboolean opens = TRUE;
      g_autofree char *escaped = NULL;

      if (next == NULL || (end != NULL && end < next))
        {
          next = end;
          opens = FALSE;
        }

      escaped = g_markup_escape_text (p, next ? next - p : -1);
      g_string_append (markup, escaped);
      if (next == NULL)
        break;

      if (opens && !bold)
        g_string_append (markup, "<b>");
      else if (!opens && bold)
        g_string_append (markup, "</b>");
      bold = opens;
      p = next + (opens ? start_len : end_len);
    }

  if (bold)
    g_string_append (markup, "</b>");

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static GtkWindow *
get_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
gw_notebook_show_error (GtkWidget    *widget,
                        const char   *heading,
                        const GError *error)
{
  GtkWindow *window = get_window (widget);

  if (GW_IS_WINDOW (window))
    gw_window_show_error (GW_WINDOW (window), heading, error);
  else
    g_warning ("%s: %s", heading, error ? error->message : "");
}

static void
show_item (GtkWidget      *widget,
           GwNotebookType  type,
           gint64          id)
{
  gtk_widget_activate_action (widget, "win.show-notebook", "(sx)", gw_notebook_type_to_kind (type), id);
}

/* Deleting, with Undo */

static gboolean
restore (GwStore         *store,
         GwNotebookType   type,
         gint64           id,
         GError         **error)
{
  switch (type)
    {
    case GW_NOTEBOOK_NOTE: return gw_store_restore_note (store, id, error);
    case GW_NOTEBOOK_FORCE: return gw_store_restore_force (store, id, error);
    case GW_NOTEBOOK_NEED: return gw_store_restore_need (store, id, error);
    case GW_NOTEBOOK_CONTRADICTION: return gw_store_restore_contradiction (store, id, error);
    case GW_NOTEBOOK_RULE: return gw_store_restore_rule (store, id, error);
    default: g_assert_not_reached ();
    }
}

static gboolean
delete (GwStore         *store,
        GwNotebookType   type,
        gint64           id,
        GError         **error)
{
  switch (type)
    {
    case GW_NOTEBOOK_NOTE: return gw_store_delete_note (store, id, error);
    case GW_NOTEBOOK_FORCE: return gw_store_delete_force (store, id, error);
    case GW_NOTEBOOK_NEED: return gw_store_delete_need (store, id, error);
    case GW_NOTEBOOK_CONTRADICTION: return gw_store_delete_contradiction (store, id, error);
    case GW_NOTEBOOK_RULE: return gw_store_delete_rule (store, id, error);
    default: g_assert_not_reached ();
    }
}

static void
undo_clicked_cb (AdwToast *toast,
                 gpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  GwStore *store = g_object_get_data (G_OBJECT (toast), "store");
  GtkWindow *window = g_object_get_data (G_OBJECT (toast), "window");
  GwNotebookType type = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "type"));
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "id"));

  if (!restore (store, type, id, &error))
    {
      if (GW_IS_WINDOW (window))
        gw_window_show_error (GW_WINDOW (window), _("Could Not Undo"), error);
      return;
    }

  if (GW_IS_WINDOW (window))
    show_item (GTK_WIDGET (window), type, id);
}

static void
delete_now (GtkWidget      *widget,
            GwStore        *store,
            GwNotebookType  type,
            gint64          id,
            const char     *title)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GtkWindow *window = get_window (widget);
  AdwToast *toast;

  if (!delete (store, type, id, &error))
    {
      gw_notebook_show_error (widget, _("Could Not Delete"), error);
      return;
    }

  gtk_widget_activate_action (widget, "notebook.deleted", "(sx)", gw_notebook_type_to_kind (type), id);

  if (!GW_IS_WINDOW (window))
    return;

  /* Translators: %s is the title of a note, force, need, contradiction or rule. */
  {
    g_autofree char *shown = gw_window_shorten (title);

    message = g_strdup_printf (_("“%s” was deleted"), shown);
  }
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  g_object_set_data_full (G_OBJECT (toast), "store", g_object_ref (store), g_object_unref);
  g_object_set_data (G_OBJECT (toast), "window", window);
  g_object_set_data (G_OBJECT (toast), "type", GUINT_TO_POINTER (type));
  g_object_set_data (G_OBJECT (toast), "id", GSIZE_TO_POINTER (id));
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), NULL);
  gw_window_add_toast (GW_WINDOW (window), toast);
}

typedef struct
{
  GtkWidget      *widget;
  GwStore        *store;
  GwNotebookType  type;
  gint64          id;
  char           *title;
} Deletion;

static void
deletion_free (gpointer  data,
               GClosure *closure)
{
  Deletion *d = data;

  g_object_unref (d->widget);
  g_object_unref (d->store);
  g_free (d->title);
  g_free (d);
}

static void
delete_force_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          Deletion         *d)
{
  if (g_strcmp0 (response, "delete") == 0)
    delete_now (d->widget, d->store, d->type, d->id, d->title);
}

void
gw_notebook_delete (GtkWidget      *widget,
                    GwStore        *store,
                    GwNotebookType  type,
                    gint64          id,
                    const char     *title)
{
  GwForceLinks links = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *described = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  Deletion *d;

  if (type != GW_NOTEBOOK_FORCE)
    {
      delete_now (widget, store, type, id, title);
      return;
    }

  if (!gw_store_count_force_links (store, id, &links, &error))
    {
      gw_notebook_show_error (widget, _("Could Not Delete"), error);
      return;
    }

  described = gw_force_links_describe (&links);
  /* Translators: %s is the name of a social force. */
  heading = g_strdup_printf (_("Delete “%s”?"), title);
  if (described != NULL)
    body = g_strdup_printf (_("%s Those links are hidden with it, and come back if you undo."), described);
  else
    body = g_strdup (_("Nothing links to it."));

  dialog = adw_message_dialog_new (get_window (widget), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  d = g_new0 (Deletion, 1);
  d->widget = g_object_ref (widget);
  d->store = g_object_ref (store);
  d->type = type;
  d->id = id;
  d->title = g_strdup (title);
  g_signal_connect_data (dialog, "response", G_CALLBACK (delete_force_response_cb), d,
                         deletion_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Forms: an AdwMessageDialog holding a boxed list of rows. */

typedef struct _Form Form;
typedef gboolean (*FormSaveFunc) (Form *form, GError **error);

struct _Form
{
  GtkWidget    *widget;
  GwStore      *store;
  GtkWidget    *dialog;
  GtkWidget    *box;
  FormSaveFunc  save;
  gint64        id;
  gint64        other_id;
  GHashTable   *fields;          /* name → widget */
  GArray       *choice_ids;      /* ids behind a combo row's items */
  GwNotebookType shown_type;
  gint64        shown_id;        /* a new thing to show once saved */
};

static void
form_free (gpointer  data,
           GClosure *closure)
{
  Form *form = data;

  g_object_unref (form->widget);
  g_object_unref (form->store);
  g_hash_table_unref (form->fields);
  g_clear_pointer (&form->choice_ids, g_array_unref);
  g_free (form);
}

static GtkWidget *
field (Form       *form,
       const char *name)
{
  GtkWidget *widget = g_hash_table_lookup (form->fields, name);

  g_assert (widget != NULL);
  return widget;
}

static const char *
field_text (Form       *form,
            const char *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (field (form, name)));
}

static char *
field_long_text (Form       *form,
                 const char *name)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field (form, name)));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static guint
field_choice (Form       *form,
              const char *name)
{
  return adw_combo_row_get_selected (ADW_COMBO_ROW (field (form, name)));
}

static GtkWidget *
new_list (Form *form)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (form->box), list);
  return list;
}

static GtkWidget *
add_entry (Form       *form,
           GtkWidget  *list,
           const char *name,
           const char *title,
           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  g_hash_table_insert (form->fields, (gpointer) name, row);
  return row;
}

/* A date typed in the user's way, shown formatted. */
static GtkWidget *
add_date (Form       *form,
          GtkWidget  *list,
          const char *name,
          const char *title,
          const char *iso_date)
{
  g_autofree char *shown = iso_date ? gw_date_format (iso_date) : NULL;

  return add_entry (form, list, name, title, shown);
}

static gboolean
field_date (Form        *form,
            const char  *name,
            gboolean     optional,
            char       **iso_date,
            GError     **error)
{
  g_autofree char *text = g_strstrip (g_strdup (field_text (form, name)));
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (field (form, name)));
  g_autofree char *plain = NULL;

  *iso_date = NULL;
  if (text[0] == '\0' && optional)
    return TRUE;

  *iso_date = gw_date_parse_user (text);
  if (*iso_date != NULL)
    return TRUE;

  plain = g_strdup (title);
  for (char *p = plain, *q = plain; ; p++)
    if (*p != '_' && !(*q++ = *p))
      break;
  /* Translators: %s is a field's name, like "Date". */
  g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID, _("%s: type a date like %s."), plain,
               "2024-05-31");
  return FALSE;
}

static GtkWidget *
add_combo (Form        *form,
           GtkWidget   *list,
           const char  *name,
           const char  *title,
           const char **labels,
           guint        n_labels,
           guint        selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_labels; i++)
    gtk_string_list_append (model, labels[i]);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  if (selected < n_labels)
    adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  g_hash_table_insert (form->fields, (gpointer) name, row);
  return row;
}

static GtkWidget *
add_switch (Form       *form,
            GtkWidget  *list,
            const char *name,
            const char *title,
            const char *subtitle,
            gboolean    active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  g_hash_table_insert (form->fields, (gpointer) name, toggle);
  return toggle;
}

static GtkWidget *
add_number (Form       *form,
            GtkWidget  *list,
            const char *name,
            const char *title,
            const char *subtitle,
            guint       value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 100000, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  g_hash_table_insert (form->fields, (gpointer) name, spin);
  return spin;
}

/* Several lines of text, under a heading of its own. */
static GtkWidget *
add_text (Form       *form,
          const char *name,
          const char *title,
          const char *text)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (title);
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 6);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  gtk_box_append (GTK_BOX (form->box), label);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text ? text : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (label)), -1);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scroller, -1, 90);
  gtk_widget_add_css_class (scroller, "card");
  gtk_box_append (GTK_BOX (form->box), scroller);
  g_hash_table_insert (form->fields, (gpointer) name, view);
  return view;
}

static void
form_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  Form             *form)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0)
    return;

  if (!form->save (form, &error))
    {
      /* The dialog closes on any response: show what was wrong and open
       * a dialog again is more than a person needs; the error says what
       * to fix and the values are kept in the store unchanged. */
      gw_notebook_show_error (form->widget, _("Could Not Save"), error);
      return;
    }

  if (form->shown_id != 0)
    show_item (form->widget, form->shown_type, form->shown_id);
}

static Form *
form_new (GtkWidget    *widget,
          GwStore      *store,
          const char   *heading,
          const char   *save_label,
          FormSaveFunc  save,
          gint64        id)
{
  Form *form = g_new0 (Form, 1);
  GtkWidget *scroller;

  form->widget = g_object_ref (widget);
  form->store = g_object_ref (store);
  form->save = save;
  form->id = id;
  form->fields = g_hash_table_new (g_str_hash, g_str_equal);

  form->dialog = adw_message_dialog_new (get_window (widget), heading, NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (form->dialog),
                                    "cancel", _("_Cancel"),
                                    "save", save_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (form->dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (form->dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (form->dialog), "cancel");
  gtk_window_set_default_size (GTK_WINDOW (form->dialog), 480, -1);

  form->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 520);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), form->box);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (form->dialog), scroller);

  g_signal_connect_data (form->dialog, "response", G_CALLBACK (form_response_cb), form,
                         form_free, 0);
  return form;
}

static void
form_present (Form *form)
{
  GtkWidget *first = gtk_widget_get_first_child (form->box);

  gtk_window_present (GTK_WINDOW (form->dialog));
  if (first != NULL)
    gtk_widget_child_focus (first, GTK_DIR_TAB_FORWARD);
}

static const char **
stance_labels (void)
{
  static const char *labels[GW_N_STANCES];

  for (guint i = 0; i < GW_N_STANCES; i++)
    labels[i] = gw_stance_label (i);
  return labels;
}

static char *
trimmed (const char *text)
{
  return g_strstrip (g_strdup (text ? text : ""));
}

/* Forces */

static gboolean
save_force (Form    *form,
            GError **error)
{
  g_autoptr(GwForce) force = NULL;
  g_autofree char *name = trimmed (field_text (form, "name"));
  g_autofree char *contact = trimmed (field_text (form, "contact"));
  guint kind = field_choice (form, "kind");
  gint64 kind_id = kind < form->choice_ids->len ? g_array_index (form->choice_ids, gint64, kind) : 0;

  if (form->id != 0)
    {
      force = gw_store_load_force (form->store, form->id, error);
      if (force == NULL)
        return FALSE;
    }
  else
    force = gw_force_new (name, kind_id);

  g_free (force->name);
  force->name = g_strdup (name);
  force->kind_id = kind_id;
  if (g_strcmp0 (force->contact_name, contact) != 0)
    {
      /* A contact written in by hand is a name, not a member. */
      force->contact_member_id = 0;
      g_free (force->contact_name);
      force->contact_name = g_strdup (contact);
    }
  g_free (force->notes);
  force->notes = field_long_text (form, "notes");

  if (form->id != 0)
    return gw_store_update_force (form->store, force, error);

  {
    g_autofree char *reasoning = field_long_text (form, "reasoning");
    gint64 id;

    force->stance = field_choice (form, "stance");
    id = gw_store_add_force (form->store, force, reasoning[0] ? reasoning : NULL, NULL, error);
    if (id == 0)
      return FALSE;
    form->shown_type = GW_NOTEBOOK_FORCE;
    form->shown_id = id;
    return TRUE;
  }
}

void
gw_force_dialog_present (GtkWidget *widget,
                         GwStore   *store,
                         gint64     force_id)
{
  g_autoptr(GwForce) force = NULL;
  g_autoptr(GPtrArray) kinds = gw_store_list_force_kinds (store);
  g_autofree const char **labels = g_new0 (const char *, kinds->len + 1);
  guint selected = 0;
  GtkWidget *list;
  Form *form;

  if (force_id != 0 && (force = gw_store_load_force (store, force_id, NULL)) == NULL)
    return;

  form = form_new (widget, store, force ? _("Edit Force") : _("New Social Force"),
                   force ? _("_Save") : _("_Add"), save_force, force_id);
  form->choice_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < kinds->len; i++)
    {
      GwForceKind *kind = g_ptr_array_index (kinds, i);

      labels[i] = kind->label;
      g_array_append_val (form->choice_ids, kind->id);
      if (force && kind->id == force->kind_id)
        selected = i;
    }

  list = new_list (form);
  add_entry (form, list, "name", _("_Name"), force ? force->name : NULL);
  add_combo (form, list, "kind", _("_Kind"), labels, kinds->len, selected);
  add_entry (form, list, "contact", _("C_ontact"), force ? force->contact_name : NULL);
  if (force == NULL)
    {
      add_combo (form, list, "stance", _("_Stance"), stance_labels (), GW_N_STANCES, GW_STANCE_UNKNOWN);
      add_text (form, "reasoning", _("_Why this stance"), NULL);
    }
  add_text (form, "notes", _("N_otes"), force ? force->notes : NULL);
  form_present (form);
}

static gboolean
save_stance (Form    *form,
             GError **error)
{
  g_autofree char *date = NULL;
  g_autofree char *reasoning = field_long_text (form, "reasoning");
  g_autofree char *judged_by = trimmed (field_text (form, "judged-by"));

  if (!field_date (form, "date", FALSE, &date, error))
    return FALSE;

  return gw_store_judge_force (form->store, form->id, field_choice (form, "stance"), date,
                               reasoning, judged_by, error) != 0;
}

void
gw_stance_dialog_present (GtkWidget *widget,
                          GwStore   *store,
                          gint64     force_id)
{
  g_autoptr(GwForce) force = gw_store_load_force (store, force_id, NULL);
  g_autofree char *today = gw_date_today ();
  g_autofree char *heading = NULL;
  GtkWidget *list;
  Form *form;

  if (force == NULL)
    return;

  /* Translators: %s is the name of a social force. */
  heading = g_strdup_printf (_("Change the Stance on “%s”"), force->name);
  form = form_new (widget, store, heading, _("_Record Judgement"), save_stance, force_id);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (form->dialog),
                               _("The earlier judgements stay in the history."));
  list = new_list (form);
  add_combo (form, list, "stance", _("_Stance"), stance_labels (), GW_N_STANCES, force->stance);
  add_date (form, list, "date", _("_Date"), today);
  add_entry (form, list, "judged-by", _("_Judged by"), NULL);
  add_text (form, "reasoning", _("_Reasoning"), NULL);
  form_present (form);
}

static gboolean
save_relation (Form    *form,
               GError **error)
{
  g_autofree char *note = trimmed (field_text (form, "note"));
  guint other = field_choice (form, "other");

  if (other >= form->choice_ids->len)
    {
      g_set_error_literal (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                           _("Choose the other force first."));
      return FALSE;
    }

  return gw_store_add_force_relation (form->store, form->id, field_choice (form, "kind"),
                                      g_array_index (form->choice_ids, gint64, other),
                                      note, error) != 0;
}

void
gw_relation_dialog_present (GtkWidget *widget,
                            GwStore   *store,
                            gint64     force_id)
{
  g_autoptr(GwForce) force = gw_store_load_force (store, force_id, NULL);
  g_autoptr(GPtrArray) forces = gw_store_list_forces (store);
  g_autofree const char **names = g_new0 (const char *, forces->len + 1);
  const char *kinds[GW_N_RELATION_KINDS];
  g_autofree char *heading = NULL;
  guint n = 0;
  GtkWidget *list;
  Form *form;

  if (force == NULL)
    return;

  /* Translators: %s is the name of a social force. */
  heading = g_strdup_printf (_("How “%s” Stands to Another Force"), force->name);
  form = form_new (widget, store, heading, _("_Add Relation"), save_relation, force_id);
  form->choice_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < forces->len; i++)
    {
      GwForce *other = g_ptr_array_index (forces, i);

      if (other->id == force_id)
        continue;
      names[n++] = other->name;
      g_array_append_val (form->choice_ids, other->id);
    }
  for (guint i = 0; i < GW_N_RELATION_KINDS; i++)
    kinds[i] = gw_relation_kind_label (i);

  list = new_list (form);
  add_combo (form, list, "kind", _("_Relation"), kinds, GW_N_RELATION_KINDS, 0);
  add_combo (form, list, "other", _("_Other force"), names, n, 0);
  add_entry (form, list, "note", _("_Note"), NULL);
  form_present (form);
}

/* Needs */

static gboolean
save_need (Form    *form,
           GError **error)
{
  g_autoptr(GwNeed) need = NULL;
  g_autofree char *title = trimmed (field_text (form, "title"));
  g_autofree char *raised = NULL;
  gint64 id;

  if (!field_date (form, "raised", TRUE, &raised, error))
    return FALSE;

  if (form->id != 0)
    {
      need = gw_store_load_need (form->store, form->id, error);
      if (need == NULL)
        return FALSE;
    }
  else
    need = gw_need_new (title);

  g_free (need->title);
  need->title = g_strdup (title);
  g_free (need->description);
  need->description = field_long_text (form, "description");
  need->status = field_choice (form, "status");
  need->extra_count = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (field (form, "extra")));
  g_free (need->raised);
  need->raised = g_steal_pointer (&raised);

  if (form->id != 0)
    return gw_store_update_need (form->store, need, error);

  id = gw_store_add_need (form->store, need, error);
  form->shown_type = GW_NOTEBOOK_NEED;
  form->shown_id = id;
  return id != 0;
}

void
gw_need_dialog_present (GtkWidget *widget,
                        GwStore   *store,
                        gint64     need_id)
{
  g_autoptr(GwNeed) need = NULL;
  const char *statuses[GW_N_NEED_STATUSES];
  GtkWidget *list;
  Form *form;

  if (need_id != 0 && (need = gw_store_load_need (store, need_id, NULL)) == NULL)
    return;

  for (guint i = 0; i < GW_N_NEED_STATUSES; i++)
    statuses[i] = gw_need_status_label (i);

  form = form_new (widget, store, need ? _("Edit Struggle or Need") : _("New Struggle or Need"),
                   need ? _("_Save") : _("_Add"), save_need, need_id);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (form->dialog),
                               _("Notes that name it are linked to it and counted."));
  list = new_list (form);
  add_entry (form, list, "title", _("_What people raise"), need ? need->title : NULL);
  add_combo (form, list, "status", _("_Status"), statuses, GW_N_NEED_STATUSES,
             need ? need->status : GW_NEED_HEARD);
  add_number (form, list, "extra", _("Raised outside the notes"),
              _("Times told or counted by hand"), need ? need->extra_count : 0);
  add_date (form, list, "raised", _("First _heard (if not from a note)"), need ? need->raised : NULL);
  add_text (form, "description", _("_Description"), need ? need->description : NULL);
  form_present (form);
}

/* Contradictions */

static gboolean
save_contradiction (Form    *form,
                    GError **error)
{
  g_autoptr(GwContradiction) contradiction = NULL;
  g_autofree char *title = trimmed (field_text (form, "title"));
  gint64 id;

  if (form->id != 0)
    {
      contradiction = gw_store_load_contradiction (form->store, form->id, error);
      if (contradiction == NULL)
        return FALSE;
    }
  else
    contradiction = gw_contradiction_new (title, field_choice (form, "kind"));

  g_free (contradiction->title);
  contradiction->title = g_strdup (title);
  g_free (contradiction->description);
  contradiction->description = field_long_text (form, "description");
  contradiction->kind = field_choice (form, "kind");
  contradiction->principal = gtk_switch_get_active (GTK_SWITCH (field (form, "principal")));

  if (form->id != 0)
    return gw_store_update_contradiction (form->store, contradiction, error);

  id = gw_store_add_contradiction (form->store, contradiction, error);
  form->shown_type = GW_NOTEBOOK_CONTRADICTION;
  form->shown_id = id;
  return id != 0;
}

void
gw_contradiction_dialog_present (GtkWidget *widget,
                                 GwStore   *store,
                                 gint64     contradiction_id)
{
  g_autoptr(GwContradiction) contradiction = NULL;
  const char *kinds[2] = {
    gw_contradiction_kind_label (GW_CONTRADICTION_AMONG_PEOPLE),
    gw_contradiction_kind_label (GW_CONTRADICTION_WITH_OPPONENTS),
  };
  GtkWidget *list;
  Form *form;

  if (contradiction_id != 0 &&
      (contradiction = gw_store_load_contradiction (store, contradiction_id, NULL)) == NULL)
    return;

  form = form_new (widget, store, contradiction ? _("Edit Contradiction") : _("New Contradiction"),
                   contradiction ? _("_Save") : _("_Add"), save_contradiction, contradiction_id);
  list = new_list (form);
  add_entry (form, list, "title", _("_Title"), contradiction ? contradiction->title : NULL);
  add_combo (form, list, "kind", _("_Kind"), kinds, 2,
             contradiction ? contradiction->kind : GW_CONTRADICTION_AMONG_PEOPLE);
  add_switch (form, list, "principal", _("_Principal"),
              _("Off for a secondary contradiction"), contradiction ? contradiction->principal : FALSE);
  add_text (form, "description", _("_Description"), contradiction ? contradiction->description : NULL);
  form_present (form);
}

static gboolean
save_contradiction_change (Form    *form,
                           GError **error)
{
  g_autofree char *date = NULL;
  g_autofree char *text = field_long_text (form, "text");

  if (!field_date (form, "date", FALSE, &date, error))
    return FALSE;

  return gw_store_add_contradiction_change (form->store, form->id, date, text, error) != 0;
}

void
gw_contradiction_change_dialog_present (GtkWidget *widget,
                                        GwStore   *store,
                                        gint64     contradiction_id)
{
  g_autofree char *today = gw_date_today ();
  GtkWidget *list;
  Form *form;

  form = form_new (widget, store, _("How Is It Changing?"), _("_Add to History"),
                   save_contradiction_change, contradiction_id);
  list = new_list (form);
  add_date (form, list, "date", _("_Date"), today);
  add_text (form, "text", _("_What changed"), NULL);
  form_present (form);
}

/* The legal terrain */

static gboolean
save_rule (Form    *form,
           GError **error)
{
  g_autoptr(GwLegalRule) rule = NULL;
  g_autofree char *title = trimmed (field_text (form, "title"));
  g_autofree char *review = NULL;
  gint64 id;

  if (!field_date (form, "review", TRUE, &review, error))
    return FALSE;

  if (form->id != 0)
    {
      rule = gw_store_load_rule (form->store, form->id, error);
      if (rule == NULL)
        return FALSE;
    }
  else
    rule = gw_legal_rule_new (title, field_choice (form, "risk"));

  g_free (rule->title);
  rule->title = g_strdup (title);
  g_free (rule->place);
  rule->place = trimmed (field_text (form, "place"));
  rule->risk = field_choice (form, "risk");
  g_free (rule->way_around);
  rule->way_around = field_long_text (form, "way-around");
  g_free (rule->source);
  rule->source = trimmed (field_text (form, "source"));
  g_free (rule->review_date);
  rule->review_date = g_steal_pointer (&review);

  if (form->id != 0)
    return gw_store_update_rule (form->store, rule, error);

  id = gw_store_add_rule (form->store, rule, error);
  form->shown_type = GW_NOTEBOOK_RULE;
  form->shown_id = id;
  return id != 0;
}

void
gw_rule_dialog_present (GtkWidget *widget,
                        GwStore   *store,
                        gint64     rule_id)
{
  g_autoptr(GwLegalRule) rule = NULL;
  const char *risks[3] = {
    gw_risk_label (GW_RISK_LOW),
    gw_risk_label (GW_RISK_MEDIUM),
    gw_risk_label (GW_RISK_HIGH),
  };
  GtkWidget *list;
  Form *form;

  if (rule_id != 0 && (rule = gw_store_load_rule (store, rule_id, NULL)) == NULL)
    return;

  form = form_new (widget, store, rule ? _("Edit Legal Rule") : _("New Legal Rule"),
                   rule ? _("_Save") : _("_Add"), save_rule, rule_id);
  list = new_list (form);
  add_entry (form, list, "title", _("_Rule or law"), rule ? rule->title : NULL);
  add_entry (form, list, "place", _("_Where it applies"), rule ? rule->place : NULL);
  add_combo (form, list, "risk", _("R_isk"), risks, 3, rule ? rule->risk : GW_RISK_MEDIUM);
  add_entry (form, list, "source", _("_Source"), rule ? rule->source : NULL);
  add_date (form, list, "review", _("_Check again on"), rule ? rule->review_date : NULL);
  add_text (form, "way-around", _("The _way around it"), rule ? rule->way_around : NULL);
  form_present (form);
}
