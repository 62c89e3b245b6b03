/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gw-date.h"
#include "gw-note-editor.h"
#include "gw-notebook-forms.h"
#include "gw-notebook-item.h"
#include "gw-notebook-page.h"
#include "gw-print-notebook.h"
#include "gw-print-preview.h"
#include "gw-store-notebook.h"

/* The social-investigation notebook: a search over everything, and when
 * nothing is searched, its sections. Items open inside the page (its own
 * leaflet, under the window's header bar); links between items lead to
 * each other, and Back retraces them one by one. */
struct _GwNotebookPage
{
  GtkWidget       parent_instance;

  GwStore        *store;
  GArray         *history;        /* (element-type Visit): the items Back returns to */
  GArray         *force_ids;      /* behind the force filter's choices, after "Any force" */
  guint           refresh_source;
  guint           search_source;
  guint           updating_filters : 1;

  AdwLeaflet     *leaflet;
  GtkWidget      *list_page;
  GtkSearchEntry *search_entry;
  GtkWidget      *filter_button;
  GtkWidget      *new_button;
  GtkDropDown    *type_dropdown;
  GtkDropDown    *tag_dropdown;
  GtkDropDown    *force_dropdown;
  GtkEntry       *from_entry;
  GtkEntry       *to_entry;
  GtkStack       *list_stack;
  AdwViewStack   *sections;
  AdwViewStackPage *rules_page;
  AdwBin         *notes_bin;
  AdwBin         *forces_bin;
  AdwBin         *needs_bin;
  AdwBin         *contradictions_bin;
  AdwBin         *rules_bin;
  GtkLabel       *results_label;
  GtkListBox     *results_list;
  GwNotebookItem *item_view;
  GwNoteEditor   *note_editor;
};

typedef struct
{
  GwNotebookType type;
  gint64         id;
} Visit;

G_DEFINE_FINAL_TYPE (GwNotebookPage, gw_notebook_page, GTK_TYPE_WIDGET)

#define N_RECENT_NOTES 200

static const GwNotebookType type_filters[] = {
  0, GW_NOTEBOOK_NOTE, GW_NOTEBOOK_FORCE, GW_NOTEBOOK_NEED, GW_NOTEBOOK_CONTRADICTION, GW_NOTEBOOK_RULE,
};

static gboolean
writable (GwNotebookPage *self)
{
  return self->store != NULL && !gw_store_is_read_only (self->store);
}

/* Sections */

static GtkWidget *
new_section (AdwBin     *bin,
             GtkWidget **box)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (*box, 12);
  gtk_widget_set_margin_bottom (*box, 24);
  gtk_widget_set_margin_start (*box, 12);
  gtk_widget_set_margin_end (*box, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 800);
  adw_clamp_set_child (ADW_CLAMP (clamp), *box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  adw_bin_set_child (bin, scroller);
  return scroller;
}

static void
show_empty (GwNotebookPage *self,
            AdwBin         *bin,
            const char     *icon,
            const char     *title,
            const char     *description,
            const char     *button_label,
            const char     *action)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  if (writable (self))
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (button_label);

      gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "suggested-action");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
      adw_status_page_set_child (ADW_STATUS_PAGE (page), button);
    }
  adw_bin_set_child (bin, page);
}

static GtkWidget *
add_group (GtkWidget  *box,
           const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (GTK_BOX (box), group);
  return group;
}

static void
add_suffix_label (GtkWidget  *row,
                  const char *text,
                  const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, css_class ? css_class : "dim-label");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
}

/* A row opening an item, with an optional word before its arrow. */
static GtkWidget *
new_item_row_full (GwNotebookType  type,
                   gint64          id,
                   const char     *title,
                   const char     *subtitle,
                   const char     *suffix,
                   const char     *suffix_class)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-notebook");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(sx)", gw_notebook_type_to_kind (type), id);
  if (suffix != NULL)
    add_suffix_label (row, suffix, suffix_class);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static GtkWidget *
new_item_row (GwNotebookType  type,
              gint64          id,
              const char     *title,
              const char     *subtitle)
{
  return new_item_row_full (type, id, title, subtitle, NULL, NULL);
}

static void
fill_notes (GwNotebookPage *self)
{
  g_autoptr(GPtrArray) notes = gw_store_list_recent_notes (self->store, N_RECENT_NOTES);
  GtkWidget *box, *group;

  if (notes->len == 0)
    {
      show_empty (self, self->notes_bin, "accessories-text-editor-symbolic", _("No Field Notes Yet"),
                  _("Write down what was learned from a conversation, door-knocking or a meeting: where, when, who went."),
                  _("_Write the First Field Note"), "notebook.new-note");
      return;
    }

  new_section (self->notes_bin, &box);
  group = add_group (box, _("Recent Notes"), _("Newest first."));
  for (guint i = 0; i < notes->len; i++)
    {
      GwNote *note = g_ptr_array_index (notes, i);
      g_autofree char *date = gw_date_format (note->date);
      g_autofree char *subtitle = note->place && note->place[0]
        ? g_strdup_printf ("%s · %s", date, note->place) : g_strdup (date);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 new_item_row (GW_NOTEBOOK_NOTE, note->id, note->title, subtitle));
    }
}

static void
fill_forces (GwNotebookPage *self)
{
  static const char *descriptions[GW_N_STANCES] = {
    N_("Unite the advanced."),
    N_("Win over the intermediate."),
    N_("Isolate the backward."),
    N_("Not judged yet."),
  };
  GtkWidget *box = NULL;
  guint total = 0;

  for (guint stance = 0; stance < GW_N_STANCES; stance++)
    {
      g_autoptr(GPtrArray) forces = gw_store_list_forces_by_stance (self->store, stance);
      g_autofree char *title = NULL;
      GtkWidget *group;

      if (forces->len == 0)
        continue;
      if (box == NULL)
        new_section (self->forces_bin, &box);
      total += forces->len;

      /* Translators: a stance and how many forces have it: "Friend (4)". */
      title = g_strdup_printf (_("%s (%u)"), gw_stance_label (stance), forces->len);
      group = add_group (box, title, _(descriptions[stance]));
      for (guint i = 0; i < forces->len; i++)
        {
          GwForce *force = g_ptr_array_index (forces, i);
          g_autofree char *notes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes",
                                                                 force->n_notes), force->n_notes);
          GtkWidget *row = new_item_row_full (GW_NOTEBOOK_FORCE, force->id, force->name, force->kind_label,
                                              notes, NULL);

          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
    }

  if (total == 0)
    show_empty (self, self->forces_bin, "system-users-symbolic", _("No Social Forces Yet"),
                _("Tenant associations, churches, shop owners, landlords, NGOs, the police: add each, and judge it as friend, can be won over or opponent."),
                _("_Add the First Force"), "notebook.new-force");
}

static void
fill_needs (GwNotebookPage *self)
{
  g_autoptr(GPtrArray) needs = gw_store_list_needs (self->store);
  g_autoptr(GPtrArray) top = NULL;
  GtkWidget *box, *group;
  guint n_closed = 0;

  if (needs->len == 0)
    {
      show_empty (self, self->needs_bin, "dialog-warning-symbolic", _("No Struggles or Needs Yet"),
                  _("Evictions, police violence, lack of services, food, clothing: write down what people raise, and notes that name it will count it."),
                  _("_Add a Struggle or Need"), "notebook.new-need");
      return;
    }

  new_section (self->needs_bin, &box);
  top = gw_store_list_top_needs (self->store, 0);
  group = add_group (box, _("Raised Most"), _("Won and dropped ones are listed after."));
  for (guint i = 0; i < top->len; i++)
    {
      GwNeed *need = g_ptr_array_index (top, i);
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "raised %u time",
                                                             "raised %u times", need->count), need->count);
      g_autofree char *last = need->last_raised ? gw_date_format (need->last_raised) : NULL;
      g_autofree char *subtitle = last ? g_strdup_printf (_("%s · last %s"), gw_need_status_label (need->status), last)
                                       : g_strdup (gw_need_status_label (need->status));
      GtkWidget *row = new_item_row_full (GW_NOTEBOOK_NEED, need->id, need->title, subtitle, count, NULL);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  if (top->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("Every need is won or dropped."));

  for (guint i = 0; i < needs->len; i++)
    {
      GwNeed *need = g_ptr_array_index (needs, i);

      if (need->status != GW_NEED_WON && need->status != GW_NEED_DROPPED)
        continue;
      if (n_closed++ == 0)
        group = add_group (box, _("Won or Dropped"), NULL);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 new_item_row (GW_NOTEBOOK_NEED, need->id, need->title,
                                               gw_need_status_label (need->status)));
    }
}

static void
fill_contradictions (GwNotebookPage *self)
{
  g_autoptr(GPtrArray) list = gw_store_list_contradictions (self->store);
  GtkWidget *box, *group = NULL;
  int shown_principal = -1;

  if (list->len == 0)
    {
      show_empty (self, self->contradictions_bin, "object-flip-horizontal-symbolic", _("No Contradictions Yet"),
                  _("Write down the contradictions among the people and with opponents, which is principal, and the forces on each side."),
                  _("_Add a Contradiction"), "notebook.new-contradiction");
      return;
    }

  new_section (self->contradictions_bin, &box);
  for (guint i = 0; i < list->len; i++)
    {
      GwContradiction *c = g_ptr_array_index (list, i);

      if ((int) c->principal != shown_principal)
        {
          group = add_group (box, c->principal ? _("Principal") : _("Secondary"), NULL);
          shown_principal = c->principal;
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 new_item_row (GW_NOTEBOOK_CONTRADICTION, c->id, c->title,
                                               gw_contradiction_kind_label (c->kind)));
    }
}

static void
fill_rules (GwNotebookPage *self)
{
  g_autofree char *today = gw_date_today ();
  g_autoptr(GPtrArray) rules = gw_store_list_rules (self->store, today);
  GtkWidget *box, *group;
  guint n_due = 0;

  if (rules->len == 0)
    {
      adw_view_stack_page_set_needs_attention (self->rules_page, FALSE);
      show_empty (self, self->rules_bin, "security-medium-symbolic", _("No Legal Terrain Yet"),
                  _("Loitering laws, permits to share food, rules on gatherings: where they apply, the risk, the way around, and when to check again."),
                  _("_Add a Legal Rule"), "notebook.new-rule");
      return;
    }

  new_section (self->rules_bin, &box);
  group = add_group (box, _("Rules and Laws"), _("Highest risk first."));
  for (guint i = 0; i < rules->len; i++)
    {
      GwLegalRule *rule = g_ptr_array_index (rules, i);
      /* Translators: "High risk · Main Street park". */
      g_autofree char *subtitle = rule->place && rule->place[0]
        ? g_strdup_printf (_("%s risk · %s"), gw_risk_label (rule->risk), rule->place)
        : g_strdup_printf (_("%s risk"), gw_risk_label (rule->risk));
      g_autofree char *date = rule->review_date ? gw_date_format (rule->review_date) : NULL;
      /* Translators: %s is a date. */
      g_autofree char *check = date ? g_strdup_printf (_("check %s"), date) : NULL;
      GtkWidget *row = new_item_row_full (GW_NOTEBOOK_RULE, rule->id, rule->title, subtitle,
                                          rule->due ? _("Review due") : check,
                                          rule->due ? "warning" : NULL);

      n_due += rule->due;
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  if (n_due > 0)
    {
      g_autofree char *due = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u rule is due for review.",
                                                           "%u rules are due for review.", n_due), n_due);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), due);
    }
  adw_view_stack_page_set_needs_attention (self->rules_page, n_due > 0);
}

/* Filters */

static void
fill_filters (GwNotebookPage *self)
{
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) tags_model = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) forces_model = gtk_string_list_new (NULL);
  g_auto(GStrv) tags = gw_store_list_note_tags (self->store);
  g_autoptr(GPtrArray) forces = gw_store_list_forces (self->store);
  const char *tag = NULL;
  gint64 force_id = 0;
  guint type, tag_selected = 0, force_selected = 0;

  type = gtk_drop_down_get_selected (self->type_dropdown);
  if (gtk_drop_down_get_selected_item (self->tag_dropdown) && gtk_drop_down_get_selected (self->tag_dropdown) > 0)
    tag = gtk_string_object_get_string (gtk_drop_down_get_selected_item (self->tag_dropdown));
  if (self->force_ids && gtk_drop_down_get_selected (self->force_dropdown) > 0 &&
      gtk_drop_down_get_selected (self->force_dropdown) <= self->force_ids->len)
    force_id = g_array_index (self->force_ids, gint64, gtk_drop_down_get_selected (self->force_dropdown) - 1);

  self->updating_filters = TRUE;

  gtk_string_list_append (types, _("Everything"));
  gtk_string_list_append (types, _("Notes"));
  gtk_string_list_append (types, _("Forces"));
  gtk_string_list_append (types, _("Struggles and Needs"));
  gtk_string_list_append (types, _("Contradictions"));
  gtk_string_list_append (types, _("Legal Rules"));
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (types));
  gtk_drop_down_set_selected (self->type_dropdown, type == GTK_INVALID_LIST_POSITION ? 0 : type);

  gtk_string_list_append (tags_model, _("Any tag"));
  for (guint i = 0; tags && tags[i]; i++)
    {
      gtk_string_list_append (tags_model, tags[i]);
      if (g_strcmp0 (tags[i], tag) == 0)
        tag_selected = i + 1;
    }
  gtk_drop_down_set_model (self->tag_dropdown, G_LIST_MODEL (tags_model));
  gtk_drop_down_set_selected (self->tag_dropdown, tag_selected);

  g_clear_pointer (&self->force_ids, g_array_unref);
  self->force_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (forces_model, _("Any force"));
  for (guint i = 0; i < forces->len; i++)
    {
      GwForce *force = g_ptr_array_index (forces, i);

      gtk_string_list_append (forces_model, force->name);
      g_array_append_val (self->force_ids, force->id);
      if (force->id == force_id)
        force_selected = i + 1;
    }
  gtk_drop_down_set_model (self->force_dropdown, G_LIST_MODEL (forces_model));
  gtk_drop_down_set_selected (self->force_dropdown, force_selected);

  self->updating_filters = FALSE;
}

/* Searching */

static gboolean
read_date (GtkEntry  *entry,
           char     **iso_date)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  *iso_date = NULL;
  if (text[0] == '\0')
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      return TRUE;
    }
  *iso_date = gw_date_parse_user (text);
  if (*iso_date == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  return *iso_date != NULL;
}

static void
run_search (GwNotebookPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *tag = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *count = NULL;
  GwNotebookFilter filter = { 0 };
  guint selected;
  GtkWidget *child;

  if (self->store == NULL)
    return;

  {
    g_autofree char *stripped = g_strstrip (g_strdup (text));

    if (stripped[0] == '\0')
      {
        gtk_stack_set_visible_child_name (self->list_stack, "browse");
        return;
      }
  }

  selected = gtk_drop_down_get_selected (self->type_dropdown);
  if (selected < G_N_ELEMENTS (type_filters))
    filter.types = type_filters[selected];
  selected = gtk_drop_down_get_selected (self->tag_dropdown);
  if (selected > 0 && selected != GTK_INVALID_LIST_POSITION)
    filter.tag = tag = g_strdup (gtk_string_object_get_string (gtk_drop_down_get_selected_item (self->tag_dropdown)));
  selected = gtk_drop_down_get_selected (self->force_dropdown);
  if (selected > 0 && self->force_ids && selected <= self->force_ids->len)
    filter.force_id = g_array_index (self->force_ids, gint64, selected - 1);
  read_date (self->from_entry, &from);
  read_date (self->to_entry, &to);
  filter.from_date = from;
  filter.to_date = to;

  hits = gw_store_notebook_search (self->store, text, &filter, 100);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);

  if (hits->len == 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "no-results");
      return;
    }

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u result, best first", "%u results, best first",
                                        hits->len), hits->len);
  gtk_label_set_text (self->results_label, count);

  for (guint i = 0; i < hits->len; i++)
    {
      GwNotebookHit *hit = g_ptr_array_index (hits, i);
      g_autofree char *snippet = gw_notebook_snippet_markup (hit->snippet);
      g_autofree char *date = hit->date ? gw_date_format (hit->date) : NULL;
      g_autofree char *accessible = NULL;
      /* Translators: a search result's type and date: "Note · 05/12/24". */
      g_autofree char *subtitle = date ? g_strdup_printf (_("%s · %s"), gw_notebook_type_label (hit->type), date)
                                       : g_strdup (gw_notebook_type_label (hit->type));
      GtkWidget *row = new_item_row (hit->type, hit->id, hit->title, subtitle);

      /* The snippet is markup, so the row takes markup: the title and the
       * subtitle's plain words are escaped. */
      {
        g_autofree char *title = g_markup_escape_text (hit->title, -1);
        g_autofree char *escaped = g_markup_escape_text (subtitle, -1);
        g_autofree char *markup = snippet[0] ? g_strdup_printf ("%s\n%s", escaped, snippet) : g_strdup (escaped);

        adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), TRUE);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), markup);
        adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      }

      /* Translators: a search result read aloud: its type, title, and date. */
      accessible = g_strdup_printf (_("%s: %s %s"), gw_notebook_type_label (hit->type), hit->title, date ? date : "");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      gtk_list_box_append (self->results_list, row);
    }

  gtk_stack_set_visible_child_name (self->list_stack, "results");
}

static gboolean
search_idle_cb (gpointer data)
{
  GwNotebookPage *self = data;

  self->search_source = 0;
  run_search (self);
  return G_SOURCE_REMOVE;
}

static void
queue_search (GwNotebookPage *self)
{
  if (self->search_source == 0)
    self->search_source = g_idle_add (search_idle_cb, self);
}

static void
search_changed_cb (GwNotebookPage *self)
{
  queue_search (self);
}

static void
search_activate_cb (GwNotebookPage *self)
{
  GtkListBoxRow *first;

  g_clear_handle_id (&self->search_source, g_source_remove);
  run_search (self);
  first = gtk_list_box_get_row_at_index (self->results_list, 0);
  if (first != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->list_stack), "results") == 0)
    gtk_widget_activate (GTK_WIDGET (first));
}

static void
filter_changed_cb (GwNotebookPage *self)
{
  if (!self->updating_filters)
    queue_search (self);
}

static void
clear_filters_cb (GwNotebookPage *self)
{
  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->type_dropdown, 0);
  gtk_drop_down_set_selected (self->tag_dropdown, 0);
  gtk_drop_down_set_selected (self->force_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), "");
  self->updating_filters = FALSE;
  queue_search (self);
}

/* Refreshing */

static void
refresh (GwNotebookPage *self)
{
  gboolean can_write;

  if (self->store == NULL)
    return;

  can_write = writable (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notebook.new-note", can_write);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notebook.new-force", can_write);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notebook.new-need", can_write);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notebook.new-contradiction", can_write);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notebook.new-rule", can_write);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notebook.edit-note", can_write);
  gtk_widget_set_sensitive (self->new_button, can_write);

  fill_filters (self);
  fill_notes (self);
  fill_forces (self);
  fill_needs (self);
  fill_contradictions (self);
  fill_rules (self);
  run_search (self);

  if (adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->item_view) &&
      !gw_notebook_item_refresh (self->item_view))
    gtk_widget_activate_action (GTK_WIDGET (self), "notebook.back", NULL);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  GwNotebookPage *self = data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Built again once the change is over: a row or button must not be
 * destroyed in the middle of its own signal. */
static void
queue_refresh (GwNotebookPage *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle_cb, self);
}

/* Navigation */

static void
show_list (GwNotebookPage *self)
{
  g_array_set_size (self->history, 0);
  adw_leaflet_set_visible_child (self->leaflet, self->list_page);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static gboolean
open_item (GwNotebookPage *self,
           GwNotebookType  type,
           gint64          id)
{
  if (!gw_notebook_item_show (self->item_view, type, id))
    return FALSE;
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->item_view));
  gtk_widget_child_focus (GTK_WIDGET (self->item_view), GTK_DIR_TAB_FORWARD);
  return TRUE;
}

typedef struct
{
  GwNotebookPage *self;
  GwNotebookType  type;
  gint64          id;
} Pending;

static void
go_to_item (GwNotebookPage *self,
            GwNotebookType  type,
            gint64          id)
{
  GtkWidget *visible = adw_leaflet_get_visible_child (self->leaflet);

  if (visible == GTK_WIDGET (self->item_view))
    {
      Visit here = { gw_notebook_item_get_kind (self->item_view), gw_notebook_item_get_id (self->item_view) };

      if (here.type == type && here.id == id)
        {
          gw_notebook_item_refresh (self->item_view);
          return;
        }
      g_array_append_val (self->history, here);
    }
  else
    g_array_set_size (self->history, 0);

  if (!open_item (self, type, id))
    show_list (self);
}

static void
leave_editor_for_item (gpointer data)
{
  Pending *pending = data;

  gw_note_editor_edit (pending->self->note_editor, 0);
  go_to_item (pending->self, pending->type, pending->id);
  g_object_unref (pending->self);
  g_free (pending);
}

void
gw_notebook_page_confirm_leave (GwNotebookPage        *self,
                                GwNoteEditorLeaveFunc  func,
                                gpointer               user_data)
{
  g_return_if_fail (GW_IS_NOTEBOOK_PAGE (self));

  if (adw_leaflet_get_visible_child (self->leaflet) != GTK_WIDGET (self->note_editor))
    {
      func (user_data);
      return;
    }

  gw_note_editor_confirm_leave (self->note_editor, func, user_data);
}

void
gw_notebook_page_show_item (GwNotebookPage *self,
                            const char     *kind,
                            gint64          id)
{
  GwNotebookType type;
  Pending *pending;

  g_return_if_fail (GW_IS_NOTEBOOK_PAGE (self));

  type = gw_notebook_kind_to_type (kind);
  if (self->store == NULL || type == 0 || type == GW_NOTEBOOK_MEMBER)
    return;

  if (adw_leaflet_get_visible_child (self->leaflet) != GTK_WIDGET (self->note_editor))
    {
      go_to_item (self, type, id);
      return;
    }

  /* Nothing written is lost by following a link. */
  pending = g_new0 (Pending, 1);
  pending->self = g_object_ref (self);
  pending->type = type;
  pending->id = id;
  gw_note_editor_confirm_leave (self->note_editor, leave_editor_for_item, pending);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GwNotebookPage *self = GW_NOTEBOOK_PAGE (widget);

  if (adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->note_editor))
    {
      gtk_widget_activate_action (GTK_WIDGET (self->note_editor), "editor.cancel", NULL);
      return;
    }

  while (self->history->len > 0)
    {
      Visit visit = g_array_index (self->history, Visit, self->history->len - 1);

      g_array_set_size (self->history, self->history->len - 1);
      if (open_item (self, visit.type, visit.id))
        return;
    }

  show_list (self);
}

static void
editor_done_cb (GwNotebookPage *self,
                gint64          note_id)
{
  GtkWidget *visible_item = NULL;

  if (note_id != 0 && open_item (self, GW_NOTEBOOK_NOTE, note_id))
    visible_item = GTK_WIDGET (self->item_view);

  if (visible_item == NULL)
    back_action (GTK_WIDGET (self), NULL, NULL);
}

static void
edit_note (GwNotebookPage *self,
           gint64          note_id)
{
  if (!writable (self))
    return;

  /* Coming back from the editor leads to the page it was opened from. */
  if (adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->item_view) && note_id == 0)
    {
      Visit here = { gw_notebook_item_get_kind (self->item_view), gw_notebook_item_get_id (self->item_view) };
      g_array_append_val (self->history, here);
    }
  else if (adw_leaflet_get_visible_child (self->leaflet) == self->list_page)
    g_array_set_size (self->history, 0);

  gw_note_editor_edit (self->note_editor, note_id);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->note_editor));
}

static void
new_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  GwNotebookPage *self = GW_NOTEBOOK_PAGE (widget);

  if (adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->note_editor))
    return;
  edit_note (self, 0);
}

static void
edit_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  edit_note (GW_NOTEBOOK_PAGE (widget), g_variant_get_int64 (param));
}

static void
new_thing_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  GwNotebookPage *self = GW_NOTEBOOK_PAGE (widget);

  if (!writable (self))
    return;
  if (g_str_equal (action_name, "notebook.new-force"))
    gw_force_dialog_present (widget, self->store, 0);
  else if (g_str_equal (action_name, "notebook.new-need"))
    gw_need_dialog_present (widget, self->store, 0);
  else if (g_str_equal (action_name, "notebook.new-contradiction"))
    gw_contradiction_dialog_present (widget, self->store, 0);
  else if (g_str_equal (action_name, "notebook.new-rule"))
    gw_rule_dialog_present (widget, self->store, 0);
}

static void
deleted_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  GwNotebookPage *self = GW_NOTEBOOK_PAGE (widget);
  const char *kind;
  gint64 id;

  g_variant_get (param, "(&sx)", &kind, &id);
  if (adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->item_view) &&
      gw_notebook_item_get_kind (self->item_view) == gw_notebook_kind_to_type (kind) &&
      gw_notebook_item_get_id (self->item_view) == id)
    back_action (widget, NULL, NULL);
}

static void
print_overview_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  GwNotebookPage *self = GW_NOTEBOOK_PAGE (widget);
  g_autofree char *today = gw_date_today ();
  g_autoptr(GwPrintDocument) document = NULL;

  if (self->store == NULL)
    return;
  document = gw_print_notebook_overview_new (self->store, today);
  gw_print_preview_present (GTK_WINDOW (gtk_widget_get_root (widget)), document);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GwNotebookPage *self = GW_NOTEBOOK_PAGE (widget);

  if (adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->note_editor))
    return;
  if (adw_leaflet_get_visible_child (self->leaflet) != self->list_page)
    {
      g_array_set_size (self->history, 0);
      adw_leaflet_set_visible_child (self->leaflet, self->list_page);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}


void
gw_notebook_page_set_store (GwNotebookPage *self,
                            GwStore        *store)
{
  g_return_if_fail (GW_IS_NOTEBOOK_PAGE (self));

  if (!g_set_object (&self->store, store))
    return;

  gw_notebook_item_set_store (self->item_view, store);
  gw_note_editor_set_store (self->note_editor, store);
  if (store != NULL)
    {
      g_signal_connect_object (store, "notebook-changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "members-changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
    }
  refresh (self);
}

static void
gw_notebook_page_map (GtkWidget *widget)
{
  GwNotebookPage *self = GW_NOTEBOOK_PAGE (widget);

  GTK_WIDGET_CLASS (gw_notebook_page_parent_class)->map (widget);

  /* So that Ctrl+F, Ctrl+N and Ctrl+P are the notebook's while it shows. */
  if (adw_leaflet_get_visible_child (self->leaflet) == self->list_page)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
gw_notebook_page_dispose (GObject *object)
{
  GwNotebookPage *self = GW_NOTEBOOK_PAGE (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->search_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), GW_TYPE_NOTEBOOK_PAGE);
  g_clear_object (&self->store);
  g_clear_pointer (&self->history, g_array_unref);
  g_clear_pointer (&self->force_ids, g_array_unref);

  G_OBJECT_CLASS (gw_notebook_page_parent_class)->dispose (object);
}

static void
gw_notebook_page_class_init (GwNotebookPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_notebook_page_dispose;
  widget_class->map = gw_notebook_page_map;

  g_type_ensure (GW_TYPE_NOTEBOOK_ITEM);
  g_type_ensure (GW_TYPE_NOTE_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/groundwork/Groundwork/gw-notebook-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, GwNotebookPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, GwNotebookPage, list_page);
  gtk_widget_class_bind_template_child (widget_class, GwNotebookPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GwNotebookPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, GwNotebookPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, GwNotebookPage, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GwNotebookPage, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GwNotebookPage, force_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GwNotebookPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, GwNotebookPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, GwNotebookPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, GwNotebookPage, sections);
  gtk_widget_class_bind_template_child (widget_class, GwNotebookPage, rules_page);
  gtk_widget_class_bind_template_child (widget_class, GwNotebookPage, notes_bin);
  gtk_widget_class_bind_template_child (widget_class, GwNotebookPage, forces_bin);
  gtk_widget_class_bind_template_child (widget_class, GwNotebookPage, needs_bin);
  gtk_widget_class_bind_template_child (widget_class, GwNotebookPage, contradictions_bin);
  gtk_widget_class_bind_template_child (widget_class, GwNotebookPage, rules_bin);
  gtk_widget_class_bind_template_child (widget_class, GwNotebookPage, results_label);
  gtk_widget_class_bind_template_child (widget_class, GwNotebookPage, results_list);
  gtk_widget_class_bind_template_child (widget_class, GwNotebookPage, item_view);
  gtk_widget_class_bind_template_child (widget_class, GwNotebookPage, note_editor);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_filters_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_done_cb);

  gtk_widget_class_install_action (widget_class, "notebook.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "notebook.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "notebook.new-note", NULL, new_note_action);
  gtk_widget_class_install_action (widget_class, "notebook.edit-note", "x", edit_note_action);
  gtk_widget_class_install_action (widget_class, "notebook.new-force", NULL, new_thing_action);
  gtk_widget_class_install_action (widget_class, "notebook.new-need", NULL, new_thing_action);
  gtk_widget_class_install_action (widget_class, "notebook.new-contradiction", NULL, new_thing_action);
  gtk_widget_class_install_action (widget_class, "notebook.new-rule", NULL, new_thing_action);
  gtk_widget_class_install_action (widget_class, "notebook.deleted", "(sx)", deleted_action);
  gtk_widget_class_install_action (widget_class, "notebook.print-overview", NULL, print_overview_action);

  /* These win over the window's Ctrl+F (the roster's search), Ctrl+N (a new
   * person) and Ctrl+P (the roster) while the focus is in the notebook. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "notebook.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "notebook.new-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "notebook.print-overview", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "notebook.back", NULL);
}

static void
gw_notebook_page_init (GwNotebookPage *self)
{
  self->history = g_array_new (FALSE, FALSE, sizeof (Visit));
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_view_stack_set_visible_child_name (self->sections, "notes");
}
