/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gw-date.h"
#include "gw-notebook-forms.h"
#include "gw-notebook-item.h"
#include "gw-print-notebook.h"
#include "gw-print-preview.h"
#include "gw-store-notebook.h"
#include "gw-text.h"
#include "gw-window.h"

/* One thing of the notebook: a note, force, need, contradiction or rule,
 * with every link leading to what it names (and back, through the page's
 * history). The content is built again whenever the notebook changes. */
struct _GwNotebookItem
{
  GtkWidget       parent_instance;

  GwStore        *store;
  GwNotebookType  type;
  gint64          id;
  char           *title;
  char           *review_date;   /* a rule's, for "Reviewed Today" */
  GArray         *force_ids;     /* behind the "add a force" choices */

  GtkWidget      *box;
  AdwWindowTitle *window_title;
  GtkWidget      *print_button;
  GtkWidget      *scroller;
  GtkWidget      *content;
};

G_DEFINE_FINAL_TYPE (GwNotebookItem, gw_notebook_item, GTK_TYPE_WIDGET)

/* Building blocks */

static GtkWidget *
add_group (GwNotebookItem *self,
           const char     *title,
           const char     *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (GTK_BOX (self->content), group);
  return group;
}

static GtkWidget *
add_row (GtkWidget  *group,
         const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

/* A row with the value as its subtitle, the way properties read. */
static GtkWidget *
add_property (GtkWidget  *group,
              const char *name,
              const char *value)
{
  GtkWidget *row = add_row (group, name, value && value[0] ? value : _("Not written down"));

  gtk_widget_add_css_class (row, "property");
  return row;
}

static GtkWidget *
add_link (GtkWidget      *group,
          GwNotebookType  type,
          gint64          id,
          const char     *title,
          const char     *subtitle)
{
  GtkWidget *row = add_row (group, title, subtitle);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (type == GW_NOTEBOOK_MEMBER)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-member");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", id);
    }
  else
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-notebook");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(sx)", gw_notebook_type_to_kind (type), id);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static void
add_remove_button (GtkWidget  *row,
                   const char *action,
                   gint64      id,
                   const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), button);
}

static GtkWidget *
add_header_button (GtkWidget  *group,
                   const char *label,
                   const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
  return button;
}

static void
add_text (GtkWidget  *group,
          const char *text,
          const char *empty)
{
  GtkWidget *label = gtk_label_new (text && text[0] ? text : empty);
  GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (!(text && text[0]))
    gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_box_append (GTK_BOX (frame), label);
  gtk_widget_add_css_class (frame, "card");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);
}

/* A row choosing a force (not among @exclude) and a button adding it. */
static void
add_force_chooser (GwNotebookItem *self,
                   GtkWidget      *group,
                   const char     *title,
                   const char     *action,
                   GPtrArray      *exclude,
                   GPtrArray      *exclude_too)
{
  g_autoptr(GPtrArray) forces = gw_store_list_forces (self->store);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkWidget *row, *button;

  for (guint i = 0; i < forces->len; i++)
    {
      GwForce *force = g_ptr_array_index (forces, i);
      gboolean skip = FALSE;

      for (guint j = 0; exclude && j < exclude->len && !skip; j++)
        skip = ((GwNotebookRef *) g_ptr_array_index (exclude, j))->id == force->id;
      for (guint j = 0; exclude_too && j < exclude_too->len && !skip; j++)
        skip = ((GwNotebookRef *) g_ptr_array_index (exclude_too, j))->id == force->id;
      if (skip)
        continue;
      gtk_string_list_append (names, force->name);
      g_array_append_val (ids, force->id);
    }

  if (ids->len == 0)
    return;

  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  g_object_set_data_full (G_OBJECT (row), "force-ids", g_array_ref (ids), (GDestroyNotify) g_array_unref);
  button = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_object_set_data (G_OBJECT (button), "chooser", row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_object_set_data (G_OBJECT (self), action, row);
}

static gint64
chosen_force (GwNotebookItem *self,
              const char     *action)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (self), action);
  GArray *ids;
  guint selected;

  if (row == NULL)
    return 0;
  ids = g_object_get_data (G_OBJECT (row), "force-ids");
  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));
  return selected < ids->len ? g_array_index (ids, gint64, selected) : 0;
}

static char *
format_date (const char *iso_date)
{
  return iso_date && iso_date[0] ? gw_date_format (iso_date) : g_strdup (_("no date"));
}

static const char *
link_origin (const GwNotebookRef *ref)
{
  if (ref->linked && ref->mentioned)
    return _("Named in the text and linked by hand");
  if (ref->mentioned)
    return _("Named in the text");
  return _("Linked by hand");
}

/* Notes */

static gboolean
show_note (GwNotebookItem *self)
{
  g_autoptr(GwNote) note = gw_store_load_note (self->store, self->id, NULL);
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *words = NULL;
  GtkWidget *group;
  guint n;

  if (note == NULL || note->deleted)
    return FALSE;

  self->title = g_strdup (note->title);
  date = format_date (note->date);
  subtitle = note->place && note->place[0] ? g_strdup_printf ("%s · %s", date, note->place) : g_strdup (date);
  adw_window_title_set_title (self->window_title, note->title);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  n = gw_text_count_words (note->text);
  words = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words", n), n);
  group = add_group (self, _("What Was Learned"), words);
  add_text (group, note->text, _("Nothing written yet."));

  group = add_group (self, _("About the Note"), NULL);
  add_property (group, _("Date"), date);
  add_property (group, _("Where"), note->place);
  if (note->tags && note->tags[0])
    {
      g_autofree char *tags = g_strjoinv (", ", note->tags);
      add_property (group, _("Tags"), tags);
    }
  else
    add_property (group, _("Tags"), NULL);

  group = add_group (self, _("Who Went"), note->members->len ? NULL : _("Nobody was named."));
  for (guint i = 0; i < note->members->len; i++)
    {
      GwNotebookRef *ref = g_ptr_array_index (note->members, i);
      add_link (group, GW_NOTEBOOK_MEMBER, ref->id, ref->title, NULL);
    }

  {
    struct { GPtrArray *refs; const char *title; } lists[] = {
      { note->forces, _("Forces") },
      { note->needs, _("Struggles and Needs") },
      { note->rules, _("Legal Terrain") },
    };

    for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
      {
        if (lists[l].refs == NULL || lists[l].refs->len == 0)
          continue;
        group = add_group (self, lists[l].title, NULL);
        for (guint i = 0; i < lists[l].refs->len; i++)
          {
            GwNotebookRef *ref = g_ptr_array_index (lists[l].refs, i);
            add_link (group, ref->type, ref->id, ref->title, link_origin (ref));
          }
      }
  }

  return TRUE;
}

/* Forces */

static void
add_notes_linking (GwNotebookItem *self,
                   GwNotebookType  type)
{
  g_autoptr(GPtrArray) notes = gw_store_list_notes_linking (self->store, type, self->id);
  GtkWidget *group = add_group (self, _("Notes"), notes->len ? NULL : _("No note names it yet."));

  for (guint i = 0; i < notes->len; i++)
    {
      GwNotebookRef *ref = g_ptr_array_index (notes, i);
      add_link (group, GW_NOTEBOOK_NOTE, ref->id, ref->title, NULL);
    }
}

static gboolean
show_force (GwNotebookItem *self)
{
  g_autoptr(GwForce) force = gw_store_load_force (self->store, self->id, NULL);
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GPtrArray) needs = NULL;
  g_autofree char *since = NULL;
  g_autofree char *stance = NULL;
  GtkWidget *group, *row, *button;

  if (force == NULL || force->deleted)
    return FALSE;

  self->title = g_strdup (force->name);
  adw_window_title_set_title (self->window_title, force->name);
  adw_window_title_set_subtitle (self->window_title, force->kind_label);

  group = add_group (self, _("Stance"), NULL);
  since = format_date (force->stance_date);
  /* Translators: "Can be won over, since 3 May 2024". */
  stance = g_strdup_printf (_("%s, since %s"), gw_stance_label (force->stance), since);
  row = add_row (group, gw_stance_label (force->stance), stance);
  gtk_widget_add_css_class (row, "property");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), stance);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Current Stance"));
  button = gtk_button_new_with_mnemonic (_("Change _Stance…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "item.change-stance");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  group = add_group (self, _("About the Force"), NULL);
  add_property (group, _("Kind"), force->kind_label);
  if (force->contact_member_id != 0)
    add_link (group, GW_NOTEBOOK_MEMBER, force->contact_member_id, force->contact_name, _("Contact"));
  else
    add_property (group, _("Contact"), force->contact_name);
  if (force->notes && force->notes[0])
    add_text (group, force->notes, NULL);

  history = gw_store_list_stance_history (self->store, self->id);
  group = add_group (self, _("History of Judgements"), _("Newest first. Judgements are kept for good."));
  for (guint i = history->len; i > 0; i--)
    {
      GwStanceJudgement *j = g_ptr_array_index (history, i - 1);
      g_autofree char *date = format_date (j->date);
      g_autofree char *title = g_strdup_printf ("%s · %s", date, gw_stance_label (j->stance));
      g_autoptr(GString) subtitle = g_string_new (j->reasoning && j->reasoning[0] ? j->reasoning : _("No reasoning written down."));

      if (j->judged_by && j->judged_by[0])
        /* Translators: who made a judgement, after its reasoning. */
        g_string_append_printf (subtitle, "\n%s", j->judged_by);
      row = add_row (group, title, subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }

  relations = gw_store_list_force_relations (self->store, self->id);
  group = add_group (self, _("Relations with Other Forces"), relations->len ? NULL : _("None recorded."));
  add_header_button (group, _("Add _Relation…"), "item.add-relation");
  for (guint i = 0; i < relations->len; i++)
    {
      GwForceRelation *r = g_ptr_array_index (relations, i);
      gboolean from_here = r->from_id == self->id;
      g_autofree char *title = NULL;
      g_autofree char *remove = NULL;

      /* Translators: "Landlord Co. — funds → Police precinct". */
      title = g_strdup_printf (_("%s — %s → %s"), r->from_name, gw_relation_kind_label (r->kind), r->to_name);
      row = add_link (group, GW_NOTEBOOK_FORCE, from_here ? r->to_id : r->from_id, title, r->note);
      /* Translators: %s is a relation between two forces. */
      remove = g_strdup_printf (_("Remove the relation “%s”"), title);
      add_remove_button (row, "item.remove-relation", r->id, remove);
    }

  /* The needs list holds no forces, so each need is read: there are few. */
  needs = gw_store_list_needs (self->store);
  group = add_group (self, _("Struggles and Needs"), NULL);
  {
    guint n = 0;

    for (guint i = 0; i < needs->len; i++)
      {
        GwNeed *listed = g_ptr_array_index (needs, i);
        g_autoptr(GwNeed) need = gw_store_load_need (self->store, listed->id, NULL);

        for (guint j = 0; need && need->forces && j < need->forces->len; j++)
          if (((GwNotebookRef *) g_ptr_array_index (need->forces, j))->id == self->id)
            {
              add_link (group, GW_NOTEBOOK_NEED, need->id, need->title, gw_need_status_label (need->status));
              n++;
              break;
            }
      }
    if (n == 0)
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("Linked to no need."));
  }

  add_notes_linking (self, GW_NOTEBOOK_FORCE);
  return TRUE;
}

/* Needs */

static gboolean
show_need (GwNotebookItem *self)
{
  g_autoptr(GwNeed) need = gw_store_load_need (self->store, self->id, NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autofree char *count = NULL;
  g_autofree char *breakdown = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  GtkWidget *group, *row;

  if (need == NULL || need->deleted)
    return FALSE;

  self->title = g_strdup (need->title);
  adw_window_title_set_title (self->window_title, need->title);
  adw_window_title_set_subtitle (self->window_title, gw_need_status_label (need->status));

  group = add_group (self, _("How Often It Is Raised"), NULL);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Raised %u time", "Raised %u times", need->count),
                           need->count);
  /* Translators: how a need's count is made up. */
  breakdown = g_strdup_printf (_("%u in notes, %u told or counted by hand"), need->n_notes, need->extra_count);
  row = add_row (group, count, breakdown);
  gtk_widget_add_css_class (row, "property");
  first = format_date (need->first_raised);
  last = format_date (need->last_raised);
  add_property (group, _("First raised"), first);
  add_property (group, _("Last raised"), last);

  group = add_group (self, _("What the Organization Does"), NULL);
  for (guint i = 0; i < GW_N_NEED_STATUSES; i++)
    gtk_string_list_append (statuses, gw_need_status_label (i));
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Status"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (statuses));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), need->status);
  gtk_widget_set_sensitive (row, !gw_store_is_read_only (self->store));
  g_object_set_data (G_OBJECT (self), "status-row", row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  add_text (group, need->description, _("No description yet."));

  group = add_group (self, _("Forces"), need->forces->len ? NULL : _("Link the forces behind it or against it."));
  for (guint i = 0; i < need->forces->len; i++)
    {
      GwNotebookRef *ref = g_ptr_array_index (need->forces, i);
      /* Translators: %s is the name of a social force. */
      g_autofree char *remove = g_strdup_printf (_("Unlink %s"), ref->title);

      row = add_link (group, GW_NOTEBOOK_FORCE, ref->id, ref->title, NULL);
      add_remove_button (row, "item.remove-need-force", ref->id, remove);
    }
  if (!gw_store_is_read_only (self->store))
    add_force_chooser (self, group, _("Link a force"), "item.add-need-force", need->forces, NULL);

  group = add_group (self, _("Notes"), need->notes->len ? NULL : _("No note names it yet."));
  for (guint i = 0; i < need->notes->len; i++)
    {
      GwNotebookRef *ref = g_ptr_array_index (need->notes, i);
      add_link (group, GW_NOTEBOOK_NOTE, ref->id, ref->title, link_origin (ref));
    }

  return TRUE;
}

/* Contradictions */

static void
add_side (GwNotebookItem  *self,
          GwContradiction *c,
          GPtrArray       *side,
          GPtrArray       *other,
          const char      *title,
          const char      *add_action)
{
  GtkWidget *group = add_group (self, title, side->len ? NULL : _("No force on this side yet."));

  for (guint i = 0; i < side->len; i++)
    {
      GwNotebookRef *ref = g_ptr_array_index (side, i);
      /* Translators: %s is the name of a social force. */
      g_autofree char *remove = g_strdup_printf (_("Take %s off this side"), ref->title);
      GtkWidget *row = add_link (group, GW_NOTEBOOK_FORCE, ref->id, ref->title, NULL);

      add_remove_button (row, "item.remove-side-force", ref->id, remove);
    }
  if (!gw_store_is_read_only (self->store))
    add_force_chooser (self, group, _("Add a force to this side"), add_action, side, other);
}

static gboolean
show_contradiction (GwNotebookItem *self)
{
  g_autoptr(GwContradiction) c = gw_store_load_contradiction (self->store, self->id, NULL);
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *group, *row;

  if (c == NULL || c->deleted)
    return FALSE;

  self->title = g_strdup (c->title);
  subtitle = g_strdup_printf ("%s · %s", gw_contradiction_kind_label (c->kind),
                              c->principal ? _("Principal") : _("Secondary"));
  adw_window_title_set_title (self->window_title, c->title);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  group = add_group (self, _("The Contradiction"), NULL);
  add_property (group, _("Kind"), gw_contradiction_kind_label (c->kind));
  add_property (group, _("Weight"), c->principal ? _("Principal") : _("Secondary"));
  add_text (group, c->description, _("No description yet."));

  add_side (self, c, c->side_a, c->side_b, _("One Side"), "item.add-side-a");
  add_side (self, c, c->side_b, c->side_a, _("The Other Side"), "item.add-side-b");

  changes = gw_store_list_contradiction_changes (self->store, self->id);
  group = add_group (self, _("How It Is Changing"), changes->len ? _("Newest first.") : _("Nothing recorded yet."));
  add_header_button (group, _("Add _Change…"), "item.add-change");
  for (guint i = changes->len; i > 0; i--)
    {
      GwContradictionChange *change = g_ptr_array_index (changes, i - 1);
      g_autofree char *date = format_date (change->date);

      row = add_row (group, date, change->text);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }

  return TRUE;
}

/* Rules */

static gboolean
show_rule (GwNotebookItem *self)
{
  g_autoptr(GwLegalRule) rule = gw_store_load_rule (self->store, self->id, NULL);
  g_autofree char *today = gw_date_today ();
  g_autofree char *review = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *group, *row, *button;
  gboolean due;

  if (rule == NULL || rule->deleted)
    return FALSE;

  self->title = g_strdup (rule->title);
  self->review_date = g_strdup (rule->review_date);
  due = gw_legal_rule_is_due (rule, today);
  /* Translators: "High risk", with the risk's label. */
  subtitle = g_strdup_printf (_("%s risk"), gw_risk_label (rule->risk));
  adw_window_title_set_title (self->window_title, rule->title);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  group = add_group (self, _("The Rule"), NULL);
  add_property (group, _("Where it applies"), rule->place);
  row = add_property (group, _("Risk"), gw_risk_label (rule->risk));
  if (rule->risk == GW_RISK_HIGH)
    gtk_widget_add_css_class (row, "error");
  add_property (group, _("Source"), rule->source);

  group = add_group (self, _("The Way Around It"), NULL);
  add_text (group, rule->way_around, _("No way around written down yet."));

  group = add_group (self, _("Review"), NULL);
  review = rule->review_date ? gw_date_format (rule->review_date) : g_strdup (_("No review planned"));
  row = add_row (group, _("Check again on"), review);
  gtk_widget_add_css_class (row, "property");
  if (due)
    {
      GtkWidget *flag = gtk_label_new (_("Due for review"));

      gtk_widget_add_css_class (flag, "warning");
      gtk_widget_set_valign (flag, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), flag);
    }
  button = gtk_button_new_with_mnemonic (_("_Reviewed Today"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Record that it was checked today and check again in three months"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "item.reviewed-today");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  add_notes_linking (self, GW_NOTEBOOK_RULE);
  return TRUE;
}

/* Showing */

static void
clear_content (GwNotebookItem *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->content)) != NULL)
    gtk_box_remove (GTK_BOX (self->content), child);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->review_date, g_free);
  g_object_set_data (G_OBJECT (self), "status-row", NULL);
  g_object_set_data (G_OBJECT (self), "item.add-need-force", NULL);
  g_object_set_data (G_OBJECT (self), "item.add-side-a", NULL);
  g_object_set_data (G_OBJECT (self), "item.add-side-b", NULL);
}

static void
status_selected_cb (GObject        *row,
                    GParamSpec     *pspec,
                    GwNotebookItem *self)
{
  g_autoptr(GError) error = NULL;
  guint status = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

  if (!gw_store_set_need_status (self->store, self->id, status, &error))
    gw_notebook_show_error (GTK_WIDGET (self), _("Could Not Change the Status"), error);
}

gboolean
gw_notebook_item_refresh (GwNotebookItem *self)
{
  GtkAdjustment *adjustment;
  double value;
  gboolean found = FALSE;
  gboolean writable;
  GtkWidget *status_row;

  g_return_val_if_fail (GW_IS_NOTEBOOK_ITEM (self), FALSE);

  if (self->store == NULL || self->id == 0)
    return FALSE;

  /* Keep the place in a long page when it is built again. */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  value = gtk_adjustment_get_value (adjustment);

  clear_content (self);
  switch (self->type)
    {
    case GW_NOTEBOOK_NOTE: found = show_note (self); break;
    case GW_NOTEBOOK_FORCE: found = show_force (self); break;
    case GW_NOTEBOOK_NEED: found = show_need (self); break;
    case GW_NOTEBOOK_CONTRADICTION: found = show_contradiction (self); break;
    case GW_NOTEBOOK_RULE: found = show_rule (self); break;
    default: break;
    }

  writable = found && !gw_store_is_read_only (self->store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.edit", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.delete", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.change-stance", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.add-relation", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.remove-relation", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.add-need-force", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.remove-need-force", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.add-side-a", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.add-side-b", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.remove-side-force", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.add-change", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.reviewed-today", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.print", found && self->type == GW_NOTEBOOK_NOTE);
  gtk_widget_set_visible (self->print_button, self->type == GW_NOTEBOOK_NOTE);

  status_row = g_object_get_data (G_OBJECT (self), "status-row");
  if (status_row != NULL)
    g_signal_connect (status_row, "notify::selected", G_CALLBACK (status_selected_cb), self);

  if (!found)
    {
      adw_window_title_set_title (self->window_title, "");
      adw_window_title_set_subtitle (self->window_title, "");
    }

  gtk_adjustment_set_value (adjustment, value);
  return found;
}

gboolean
gw_notebook_item_show (GwNotebookItem *self,
                       GwNotebookType  type,
                       gint64          id)
{
  g_return_val_if_fail (GW_IS_NOTEBOOK_ITEM (self), FALSE);

  self->type = type;
  self->id = id;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
  return gw_notebook_item_refresh (self);
}

GwNotebookType
gw_notebook_item_get_kind (GwNotebookItem *self)
{
  g_return_val_if_fail (GW_IS_NOTEBOOK_ITEM (self), 0);
  return self->type;
}

gint64
gw_notebook_item_get_id (GwNotebookItem *self)
{
  g_return_val_if_fail (GW_IS_NOTEBOOK_ITEM (self), 0);
  return self->id;
}

void
gw_notebook_item_set_store (GwNotebookItem *self,
                            GwStore        *store)
{
  g_return_if_fail (GW_IS_NOTEBOOK_ITEM (self));
  g_set_object (&self->store, store);
}

/* Actions */

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GwNotebookItem *self = GW_NOTEBOOK_ITEM (widget);

  switch (self->type)
    {
    case GW_NOTEBOOK_NOTE:
      gtk_widget_activate_action (widget, "notebook.edit-note", "x", self->id);
      break;
    case GW_NOTEBOOK_FORCE:
      gw_force_dialog_present (widget, self->store, self->id);
      break;
    case GW_NOTEBOOK_NEED:
      gw_need_dialog_present (widget, self->store, self->id);
      break;
    case GW_NOTEBOOK_CONTRADICTION:
      gw_contradiction_dialog_present (widget, self->store, self->id);
      break;
    case GW_NOTEBOOK_RULE:
      gw_rule_dialog_present (widget, self->store, self->id);
      break;
    default:
      break;
    }
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GwNotebookItem *self = GW_NOTEBOOK_ITEM (widget);
  g_autofree char *title = g_strdup (self->title);

  gw_notebook_delete (widget, self->store, self->type, self->id, title);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  GwNotebookItem *self = GW_NOTEBOOK_ITEM (widget);
  g_autoptr(GwNote) note = NULL;
  g_autoptr(GwPrintDocument) document = NULL;

  if (self->type != GW_NOTEBOOK_NOTE)
    return;
  note = gw_store_load_note (self->store, self->id, NULL);
  if (note == NULL)
    return;
  document = gw_print_note_new (self->store, note);
  gw_print_preview_present (GTK_WINDOW (gtk_widget_get_root (widget)), document);
}

static void
change_stance_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  GwNotebookItem *self = GW_NOTEBOOK_ITEM (widget);

  gw_stance_dialog_present (widget, self->store, self->id);
}

static void
add_relation_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  GwNotebookItem *self = GW_NOTEBOOK_ITEM (widget);

  gw_relation_dialog_present (widget, self->store, self->id);
}

static void
remove_relation_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  GwNotebookItem *self = GW_NOTEBOOK_ITEM (widget);
  g_autoptr(GError) error = NULL;

  if (!gw_store_remove_force_relation (self->store, g_variant_get_int64 (param), &error))
    gw_notebook_show_error (widget, _("Could Not Remove the Relation"), error);
}

static void
add_change_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  GwNotebookItem *self = GW_NOTEBOOK_ITEM (widget);

  gw_contradiction_change_dialog_present (widget, self->store, self->id);
}

static gboolean
has_ref (GPtrArray *refs,
         gint64     id)
{
  for (guint i = 0; i < refs->len; i++)
    if (((GwNotebookRef *) g_ptr_array_index (refs, i))->id == id)
      return TRUE;
  return FALSE;
}

static void
remove_ref (GPtrArray *refs,
            gint64     id)
{
  for (guint i = 0; i < refs->len; i++)
    if (((GwNotebookRef *) g_ptr_array_index (refs, i))->id == id)
      {
        g_ptr_array_remove_index (refs, i);
        return;
      }
}

static void
change_need_forces (GwNotebookItem *self,
                    gint64          force_id,
                    gboolean        add)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwNeed) need = gw_store_load_need (self->store, self->id, &error);

  if (need != NULL && force_id != 0)
    {
      if (add && !has_ref (need->forces, force_id))
        {
          g_autoptr(GwForce) force = gw_store_load_force (self->store, force_id, NULL);
          g_ptr_array_add (need->forces, gw_notebook_ref_new (GW_NOTEBOOK_FORCE, force_id,
                                                              force ? force->name : NULL));
        }
      else if (!add)
        remove_ref (need->forces, force_id);
      if (gw_store_update_need (self->store, need, &error))
        return;
    }

  if (error != NULL)
    gw_notebook_show_error (GTK_WIDGET (self), _("Could Not Change the Need"), error);
}

static void
add_need_force_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  GwNotebookItem *self = GW_NOTEBOOK_ITEM (widget);

  change_need_forces (self, chosen_force (self, action_name), TRUE);
}

static void
remove_need_force_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  change_need_forces (GW_NOTEBOOK_ITEM (widget), g_variant_get_int64 (param), FALSE);
}

static void
change_sides (GwNotebookItem *self,
              gint64          force_id,
              int             side)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwContradiction) c = gw_store_load_contradiction (self->store, self->id, &error);

  if (c != NULL && force_id != 0)
    {
      if (side == 0)
        {
          remove_ref (c->side_a, force_id);
          remove_ref (c->side_b, force_id);
        }
      else
        {
          g_autoptr(GwForce) force = gw_store_load_force (self->store, force_id, NULL);
          g_ptr_array_add (side == 1 ? c->side_a : c->side_b,
                           gw_notebook_ref_new (GW_NOTEBOOK_FORCE, force_id, force ? force->name : NULL));
        }
      if (gw_store_update_contradiction (self->store, c, &error))
        return;
    }

  if (error != NULL)
    gw_notebook_show_error (GTK_WIDGET (self), _("Could Not Change the Contradiction"), error);
}

static void
add_side_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  GwNotebookItem *self = GW_NOTEBOOK_ITEM (widget);

  change_sides (self, chosen_force (self, action_name), g_str_equal (action_name, "item.add-side-a") ? 1 : 2);
}

static void
remove_side_force_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  change_sides (GW_NOTEBOOK_ITEM (widget), g_variant_get_int64 (param), 0);
}

static void
undo_review_cb (AdwToast *toast,
                gpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  GwStore *store = g_object_get_data (G_OBJECT (toast), "store");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "id"));
  const char *previous = g_object_get_data (G_OBJECT (toast), "previous");
  g_autoptr(GwLegalRule) rule = gw_store_load_rule (store, id, &error);

  if (rule != NULL)
    {
      g_free (rule->review_date);
      rule->review_date = g_strdup (previous);
      if (gw_store_update_rule (store, rule, &error))
        return;
    }
  g_warning ("Could not undo the review: %s", error ? error->message : "");
}

static void
reviewed_today_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  GwNotebookItem *self = GW_NOTEBOOK_ITEM (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GwLegalRule) rule = gw_store_load_rule (self->store, self->id, &error);
  g_autofree char *today = gw_date_today ();
  g_autofree char *previous = NULL;
  g_autofree char *next_shown = NULL;
  g_autofree char *message = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwToast *toast;

  if (rule == NULL)
    {
      gw_notebook_show_error (widget, _("Could Not Record the Review"), error);
      return;
    }

  /* The law changes slowly but it does change: three months is the
   * interval organizers use between checks. */
  previous = g_steal_pointer (&rule->review_date);
  rule->review_date = gw_date_add_days (today, 91);
  if (!gw_store_update_rule (self->store, rule, &error))
    {
      gw_notebook_show_error (widget, _("Could Not Record the Review"), error);
      return;
    }

  if (!GW_IS_WINDOW (root))
    return;
  next_shown = gw_date_format (rule->review_date);
  /* Translators: %s is a date. */
  message = g_strdup_printf (_("Reviewed. Check it again on %s."), next_shown);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "store", g_object_ref (self->store), g_object_unref);
  g_object_set_data (G_OBJECT (toast), "id", GSIZE_TO_POINTER (self->id));
  g_object_set_data_full (G_OBJECT (toast), "previous", g_steal_pointer (&previous), g_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_review_cb), NULL);
  gw_window_add_toast (GW_WINDOW (root), toast);
}

/* Building */

static void
gw_notebook_item_dispose (GObject *object)
{
  GwNotebookItem *self = GW_NOTEBOOK_ITEM (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->review_date, g_free);

  G_OBJECT_CLASS (gw_notebook_item_parent_class)->dispose (object);
}

static void
gw_notebook_item_class_init (GwNotebookItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_notebook_item_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "item.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "item.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "item.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "item.change-stance", NULL, change_stance_action);
  gtk_widget_class_install_action (widget_class, "item.add-relation", NULL, add_relation_action);
  gtk_widget_class_install_action (widget_class, "item.remove-relation", "x", remove_relation_action);
  gtk_widget_class_install_action (widget_class, "item.add-need-force", NULL, add_need_force_action);
  gtk_widget_class_install_action (widget_class, "item.remove-need-force", "x", remove_need_force_action);
  gtk_widget_class_install_action (widget_class, "item.add-side-a", NULL, add_side_action);
  gtk_widget_class_install_action (widget_class, "item.add-side-b", NULL, add_side_action);
  gtk_widget_class_install_action (widget_class, "item.remove-side-force", "x", remove_side_force_action);
  gtk_widget_class_install_action (widget_class, "item.add-change", NULL, add_change_action);
  gtk_widget_class_install_action (widget_class, "item.reviewed-today", NULL, reviewed_today_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "item.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "item.delete", NULL);
}

static void
gw_notebook_item_init (GwNotebookItem *self)
{
  GtkWidget *bar, *button, *end, *clamp;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  bar = gtk_center_box_new ();
  gtk_widget_add_css_class (bar, "filter-bar");
  button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "notebook.back");
  gtk_widget_set_tooltip_text (button, _("Back (Alt+←)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back"), -1);
  gtk_center_box_set_start_widget (GTK_CENTER_BOX (bar), button);

  self->window_title = ADW_WINDOW_TITLE (adw_window_title_new (NULL, NULL));
  gtk_center_box_set_center_widget (GTK_CENTER_BOX (bar), GTK_WIDGET (self->window_title));

  end = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  button = gtk_button_new_with_mnemonic (_("_Edit"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "item.edit");
  gtk_box_append (GTK_BOX (end), button);
  self->print_button = gtk_button_new_with_mnemonic (_("_Print…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->print_button), "item.print");
  gtk_widget_set_tooltip_text (self->print_button, _("Print the note (Ctrl+P)"));
  gtk_box_append (GTK_BOX (end), self->print_button);
  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "item.delete");
  gtk_widget_set_tooltip_text (button, _("Delete (Delete)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete"), -1);
  gtk_box_append (GTK_BOX (end), button);
  gtk_center_box_set_end_widget (GTK_CENTER_BOX (bar), end);
  gtk_box_append (GTK_BOX (self->box), bar);
  gtk_box_append (GTK_BOX (self->box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (self->content, 18);
  gtk_widget_set_margin_bottom (self->content, 24);
  gtk_widget_set_margin_start (self->content, 12);
  gtk_widget_set_margin_end (self->content, 12);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 800);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->content);
  self->scroller = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (self->scroller, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);
  gtk_box_append (GTK_BOX (self->box), self->scroller);
}
