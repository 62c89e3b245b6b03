/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gw-checklist.h"
#include "gw-date.h"
#include "gw-ladder.h"
#include "gw-preferences-window.h"
#include "gw-store-ledger.h"
#include "gw-store-notebook.h"
#include "gw-store-meetings.h"

struct _GwPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GwStore              *store;
  GPtrArray            *version_rows;

  AdwEntryRow          *name_row;
  AdwEntryRow          *stage_rows[GW_N_STAGES];
  GtkTextView          *unity_view;
  GtkLabel             *unity_status;
  GtkWidget            *unity_button;
  AdwPreferencesGroup  *versions_group;

  GPtrArray            *kind_rows;
  AdwPreferencesGroup  *kinds_group;
  AdwEntryRow          *new_kind_row;
  AdwPreferencesGroup  *force_kinds_group;
  AdwEntryRow          *new_force_kind_row;
  GPtrArray            *force_kind_rows;
  AdwPreferencesGroup  *member_requirements_group;
  AdwPreferencesGroup  *cadre_requirements_group;
  AdwActionRow         *member_study_row;
  GtkSpinButton        *member_study_spin;
  AdwActionRow         *cadre_months_row;
  GtkSpinButton        *cadre_months_spin;
  AdwActionRow         *cadre_study_row;
  GtkSpinButton        *cadre_study_spin;
  AdwActionRow         *cadre_turns_row;
  GtkSpinButton        *cadre_turns_spin;
  gboolean              updating;
  AdwEntryRow          *currency_row;
  AdwPreferencesGroup  *forbidden_group;
  GtkSwitch            *forbidden_switches[GW_N_SOURCE_CLASSES];
};

G_DEFINE_FINAL_TYPE (GwPreferencesWindow, gw_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
report (GwPreferencesWindow *self,
        const GError        *error,
        const char          *done)
{
  AdwToast *toast = adw_toast_new (error ? error->message : done);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
name_apply_cb (GwPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  gw_store_set_organization_name (self->store, gtk_editable_get_text (GTK_EDITABLE (self->name_row)), &error);
  report (self, error, _("The organization’s name was saved"));
}

static void load_requirements (GwPreferencesWindow *self);

static void
stage_apply_cb (GwPreferencesWindow *self,
                AdwEntryRow         *row)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  for (guint i = 0; i < GW_N_STAGES; i++)
    if (self->stage_rows[i] == row)
      {
        gw_ladder_set_stage_label (self->store, i, gtk_editable_get_text (GTK_EDITABLE (row)), &error);
        label = gw_ladder_dup_stage_label (self->store, i);
        gtk_editable_set_text (GTK_EDITABLE (row), label);
      }

  load_requirements (self);
  report (self, error, _("The stage’s name was saved"));
}

static void
load_unity (GwPreferencesWindow *self)
{
  g_autoptr(GwUnityVersion) current = gw_store_dup_current_unity (self->store);
  g_autoptr(GPtrArray) versions = gw_store_list_unity_versions (self->store);
  g_autofree char *status = NULL;

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->unity_view), current ? current->text : "", -1);

  if (current == NULL)
    status = g_strdup (_("Not written yet. Until they are, nobody can become a member."));
  else
    {
      g_autofree char *date = g_strndup (current->created, 10);
      g_autofree char *shown = gw_date_format (date);
      status = g_strdup_printf (_("Version %d, since %s"), current->number, shown);
    }
  gtk_label_set_text (self->unity_status, status);

  for (guint i = 0; i < self->version_rows->len; i++)
    adw_preferences_group_remove (self->versions_group, g_ptr_array_index (self->version_rows, i));
  g_ptr_array_set_size (self->version_rows, 0);

  /* The newest is in the editor above; list the ones before it. */
  for (guint i = 1; i < versions->len; i++)
    {
      GwUnityVersion *version = g_ptr_array_index (versions, i);
      g_autofree char *title = g_strdup_printf (_("Version %d"), version->number);
      g_autofree char *date = g_strndup (version->created, 10);
      g_autofree char *shown = gw_date_format (date);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *text = gtk_label_new (version->text);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), shown);
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_selectable (GTK_LABEL (text), TRUE);
      gtk_widget_set_margin_top (text, 12);
      gtk_widget_set_margin_bottom (text, 12);
      gtk_widget_set_margin_start (text, 12);
      gtk_widget_set_margin_end (text, 12);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), text);
      adw_preferences_group_add (self->versions_group, row);
      g_ptr_array_add (self->version_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->versions_group), self->version_rows->len > 0);
}

static void
unity_save_cb (GwPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwUnityVersion) current = gw_store_dup_current_unity (self->store);
  g_autoptr(GwUnityVersion) added = NULL;
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->unity_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));

  if (current != NULL && g_strcmp0 (current->text, text) == 0)
    {
      report (self, NULL, _("Nothing changed, so no new version was made"));
      return;
    }

  added = gw_store_add_unity_version (self->store, text, &error);
  if (added == NULL)
    {
      report (self, error, NULL);
      return;
    }

  load_unity (self);
  report (self, NULL, _("Saved as a new version. Members agree to it again before their next step."));
}

/* Kinds of meeting. */

static void load_kinds (GwPreferencesWindow *self);

static gint64
kind_id_of (gpointer widget)
{
  return GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (widget), "kind-id"));
}

static char *
describe_kind (gboolean    is_study,
               guint       n_meetings)
{
  g_autofree char *count = NULL;

  /* Translators: how many meetings are of a kind. */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u meeting", "%u meetings", n_meetings),
                           n_meetings);
  if (is_study)
    /* Translators: "12 meetings · counts as a study session". */
    return g_strdup_printf (_("%s · counts as a study session"), count);
  return g_steal_pointer (&count);
}

static void
kind_rename_cb (AdwEntryRow         *row,
                GwPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  AdwExpanderRow *expander = g_object_get_data (G_OBJECT (row), "expander");
  const char *label = gtk_editable_get_text (GTK_EDITABLE (row));

  if (!gw_store_rename_meeting_kind (self->store, kind_id_of (row), label, &error))
    {
      report (self, error, NULL);
      gtk_editable_set_text (GTK_EDITABLE (row),
                             adw_preferences_row_get_title (ADW_PREFERENCES_ROW (expander)));
      return;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), label);
  report (self, NULL, _("The kind of meeting was renamed"));
}

static void
kind_study_cb (GtkSwitch           *toggle,
               GParamSpec          *pspec,
               GwPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  AdwExpanderRow *expander = g_object_get_data (G_OBJECT (toggle), "expander");
  gboolean is_study = gtk_switch_get_active (toggle);
  guint n_meetings = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toggle), "n-meetings"));
  g_autofree char *subtitle = NULL;

  if (self->updating)
    return;

  if (!gw_store_set_meeting_kind_study (self->store, kind_id_of (toggle), is_study, &error))
    {
      report (self, error, NULL);
      self->updating = TRUE;
      gtk_switch_set_active (toggle, !is_study);
      self->updating = FALSE;
      return;
    }

  subtitle = describe_kind (is_study, n_meetings);
  adw_expander_row_set_subtitle (expander, subtitle);
}

static void
kind_remove_cb (GtkButton           *button,
                GwPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  /* The core refuses while a meeting is of this kind, and says so. */
  if (!gw_store_remove_meeting_kind (self->store, kind_id_of (button), &error))
    {
      report (self, error, NULL);
      return;
    }

  load_kinds (self);
  report (self, NULL, _("The kind of meeting was removed"));
}

static void
new_kind_apply_cb (GwPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  const char *label = gtk_editable_get_text (GTK_EDITABLE (self->new_kind_row));

  if (gw_store_add_meeting_kind (self->store, label, FALSE, &error) == 0)
    {
      report (self, error, NULL);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->new_kind_row), "");
  load_kinds (self);
  report (self, NULL, _("The kind of meeting was added"));
}

static void
load_kinds (GwPreferencesWindow *self)
{
  g_autoptr(GPtrArray) kinds = gw_store_list_meeting_kinds (self->store);
  gboolean writable = !gw_store_is_read_only (self->store);

  for (guint i = 0; i < self->kind_rows->len; i++)
    adw_preferences_group_remove (self->kinds_group, g_ptr_array_index (self->kind_rows, i));
  g_ptr_array_set_size (self->kind_rows, 0);

  /* The "add" row stays last. */
  adw_preferences_group_remove (self->kinds_group, GTK_WIDGET (self->new_kind_row));

  for (guint i = 0; i < kinds->len; i++)
    {
      GwMeetingKind *kind = g_ptr_array_index (kinds, i);
      g_autofree char *subtitle = describe_kind (kind->is_study, kind->n_meetings);
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *name_row = adw_entry_row_new ();
      GtkWidget *study_row = adw_action_row_new ();
      GtkWidget *study_switch = gtk_switch_new ();
      GtkWidget *remove_row = adw_action_row_new ();
      GtkWidget *remove_button = gtk_button_new_with_mnemonic (_("_Remove"));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), kind->label);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name_row), _("Name"));
      gtk_editable_set_text (GTK_EDITABLE (name_row), kind->label);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (name_row), TRUE);
      g_object_set_data (G_OBJECT (name_row), "kind-id", GSIZE_TO_POINTER (kind->id));
      g_object_set_data (G_OBJECT (name_row), "expander", expander);
      g_signal_connect (name_row, "apply", G_CALLBACK (kind_rename_cb), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), name_row);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (study_row), _("Counts as a study session"));
      gtk_widget_set_valign (study_switch, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (study_switch), kind->is_study);
      gtk_accessible_update_property (GTK_ACCESSIBLE (study_switch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Counts as a study session"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (study_row), study_switch);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (study_row), study_switch);
      g_object_set_data (G_OBJECT (study_switch), "kind-id", GSIZE_TO_POINTER (kind->id));
      g_object_set_data (G_OBJECT (study_switch), "expander", expander);
      g_object_set_data (G_OBJECT (study_switch), "n-meetings", GUINT_TO_POINTER (kind->n_meetings));
      g_signal_connect (study_switch, "notify::active", G_CALLBACK (kind_study_cb), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), study_row);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row), _("Remove this kind"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (remove_row),
                                   kind->n_meetings > 0
                                   ? _("Meetings of this kind are on record, so it stays")
                                   : _("No meeting is of this kind"));
      gtk_widget_set_valign (remove_button, GTK_ALIGN_CENTER);
      if (kind->n_meetings == 0)
        gtk_widget_add_css_class (remove_button, "destructive-action");
      g_object_set_data (G_OBJECT (remove_button), "kind-id", GSIZE_TO_POINTER (kind->id));
      g_signal_connect (remove_button, "clicked", G_CALLBACK (kind_remove_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove_button);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), remove_row);

      gtk_widget_set_sensitive (name_row, writable);
      gtk_widget_set_sensitive (study_row, writable);
      gtk_widget_set_sensitive (remove_row, writable);

      adw_preferences_group_add (self->kinds_group, expander);
      g_ptr_array_add (self->kind_rows, expander);
    }

  adw_preferences_group_add (self->kinds_group, GTK_WIDGET (self->new_kind_row));
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_kind_row), writable);
}

/* Kinds of social force, for the notebook. */

static void load_force_kinds (GwPreferencesWindow *self);

static void
force_kind_rename_cb (AdwEntryRow         *row,
                      GwPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!gw_store_rename_force_kind (self->store, kind_id_of (row),
                                   gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      report (self, error, NULL);
      return;
    }

  load_force_kinds (self);
  report (self, NULL, _("The kind of force was renamed"));
}

static void
force_kind_remove_cb (GtkButton           *button,
                      GwPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  /* The core refuses while a force is of this kind, and says so. */
  if (!gw_store_remove_force_kind (self->store, kind_id_of (button), &error))
    {
      report (self, error, NULL);
      return;
    }

  load_force_kinds (self);
  report (self, NULL, _("The kind of force was removed"));
}

static void
new_force_kind_apply_cb (GwPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  const char *label = gtk_editable_get_text (GTK_EDITABLE (self->new_force_kind_row));

  if (gw_store_add_force_kind (self->store, label, &error) == 0)
    {
      report (self, error, NULL);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->new_force_kind_row), "");
  load_force_kinds (self);
  report (self, NULL, _("The kind of force was added"));
}

static void
load_force_kinds (GwPreferencesWindow *self)
{
  g_autoptr(GPtrArray) kinds = gw_store_list_force_kinds (self->store);
  gboolean writable = !gw_store_is_read_only (self->store);

  for (guint i = 0; i < self->force_kind_rows->len; i++)
    adw_preferences_group_remove (self->force_kinds_group, g_ptr_array_index (self->force_kind_rows, i));
  g_ptr_array_set_size (self->force_kind_rows, 0);

  /* The "add" row stays last. */
  adw_preferences_group_remove (self->force_kinds_group, GTK_WIDGET (self->new_force_kind_row));

  for (guint i = 0; i < kinds->len; i++)
    {
      GwForceKind *kind = g_ptr_array_index (kinds, i);
      /* Translators: how many social forces are of a kind. */
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u force", "%u forces",
                                                                kind->n_forces), kind->n_forces);
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *name_row = adw_entry_row_new ();
      GtkWidget *remove_row = adw_action_row_new ();
      GtkWidget *remove_button = gtk_button_new_with_mnemonic (_("_Remove"));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), kind->label);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name_row), _("Name"));
      gtk_editable_set_text (GTK_EDITABLE (name_row), kind->label);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (name_row), TRUE);
      g_object_set_data (G_OBJECT (name_row), "kind-id", GSIZE_TO_POINTER (kind->id));
      g_signal_connect (name_row, "apply", G_CALLBACK (force_kind_rename_cb), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), name_row);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row), _("Remove this kind"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (remove_row),
                                   kind->n_forces > 0
                                   ? _("Forces of this kind are in the notebook, so it stays")
                                   : _("No force is of this kind"));
      gtk_widget_set_valign (remove_button, GTK_ALIGN_CENTER);
      if (kind->n_forces == 0)
        gtk_widget_add_css_class (remove_button, "destructive-action");
      g_object_set_data (G_OBJECT (remove_button), "kind-id", GSIZE_TO_POINTER (kind->id));
      g_signal_connect (remove_button, "clicked", G_CALLBACK (force_kind_remove_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove_button);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), remove_row);

      gtk_widget_set_sensitive (name_row, writable);
      gtk_widget_set_sensitive (remove_row, writable);

      adw_preferences_group_add (self->force_kinds_group, expander);
      g_ptr_array_add (self->force_kind_rows, expander);
    }

  adw_preferences_group_add (self->force_kinds_group, GTK_WIDGET (self->new_force_kind_row));
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_force_kind_row), writable);
}

/* What each promotion requires. */

typedef struct
{
  GwStage           target;
  GwRequirementKind kind;
} Requirement;

static const Requirement requirements[] = {
  { GW_STAGE_MEMBER, GW_REQUIREMENT_STUDY_SESSIONS },
  { GW_STAGE_CADRE,  GW_REQUIREMENT_MONTHS_AS_MEMBER },
  { GW_STAGE_CADRE,  GW_REQUIREMENT_STUDY_SESSIONS },
  { GW_STAGE_CADRE,  GW_REQUIREMENT_SECRETARY_TURNS },
};

static GtkSpinButton *
requirement_spin (GwPreferencesWindow *self,
                  guint                i)
{
  GtkSpinButton *spins[] = { self->member_study_spin, self->cadre_months_spin,
                             self->cadre_study_spin, self->cadre_turns_spin };

  return spins[i];
}

static void
load_requirements (GwPreferencesWindow *self)
{
  g_autofree char *member = gw_ladder_dup_stage_label (self->store, GW_STAGE_MEMBER);
  g_autofree char *cadre = gw_ladder_dup_stage_label (self->store, GW_STAGE_CADRE);
  g_autofree char *member_title = NULL;
  g_autofree char *cadre_title = NULL;
  g_autofree char *months = NULL;
  AdwActionRow *rows[] = { self->member_study_row, self->cadre_months_row,
                           self->cadre_study_row, self->cadre_turns_row };
  gboolean writable = !gw_store_is_read_only (self->store);

  /* Translators: a preferences heading, "To Become Member". */
  member_title = g_strdup_printf (_("To Become %s"), member);
  cadre_title = g_strdup_printf (_("To Become %s"), cadre);
  adw_preferences_group_set_title (self->member_requirements_group, member_title);
  adw_preferences_group_set_title (self->cadre_requirements_group, cadre_title);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows[0]), _("Study sessions attended"));
  /* Translators: "Months as Member". */
  months = g_strdup_printf (_("Months as %s"), member);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows[1]), months);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows[2]), _("Study sessions attended"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows[3]), _("Turns as secretary"));

  self->updating = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (requirements); i++)
    {
      GtkSpinButton *spin = requirement_spin (self, i);

      gtk_spin_button_set_value (spin, gw_checklist_get_required (self->store, requirements[i].target,
                                                                  requirements[i].kind));
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rows[i])), -1);
      gtk_widget_set_sensitive (GTK_WIDGET (rows[i]), writable);
    }
  self->updating = FALSE;
}

static void
requirement_changed_cb (GwPreferencesWindow *self,
                        GtkSpinButton       *spin)
{
  g_autoptr(GError) error = NULL;

  if (self->updating)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (requirements); i++)
    if (requirement_spin (self, i) == spin &&
        !gw_checklist_set_required (self->store, requirements[i].target, requirements[i].kind,
                                    gtk_spin_button_get_value_as_int (spin), &error))
      {
        report (self, error, NULL);
        load_requirements (self);
      }
}

static void
currency_apply_cb (GwPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *currency = g_ascii_strup (gtk_editable_get_text (GTK_EDITABLE (self->currency_row)), -1);

  gw_ledger_set_default_currency (self->store, g_strstrip (currency), &error);
  report (self, error, _("The default currency was saved"));
}

static void
forbidden_changed_cb (GwPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean forbidden[GW_N_SOURCE_CLASSES];

  if (self->updating)
    return;
  for (guint i = 0; i < GW_N_SOURCE_CLASSES; i++)
    forbidden[i] = gtk_switch_get_active (self->forbidden_switches[i]);
  gw_ledger_set_forbidden (self->store, forbidden, &error);
  report (self, error, _("The policy was saved"));
}

static void
load_ledger (GwPreferencesWindow *self)
{
  g_autofree char *currency = gw_ledger_dup_default_currency (self->store);
  gboolean writable = !gw_store_is_read_only (self->store);
  gboolean forbidden[GW_N_SOURCE_CLASSES];

  gtk_editable_set_text (GTK_EDITABLE (self->currency_row), currency);
  gtk_widget_set_sensitive (GTK_WIDGET (self->currency_row), writable);

  gw_ledger_get_forbidden (self->store, forbidden);
  self->updating = TRUE;
  for (guint i = 0; i < GW_N_SOURCE_CLASSES; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gw_source_class_to_label (i));
      gtk_switch_set_active (GTK_SWITCH (toggle), forbidden[i]);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (toggle, writable);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      gw_source_class_to_label (i), -1);
      g_signal_connect_object (toggle, "notify::active", G_CALLBACK (forbidden_changed_cb), self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      adw_preferences_group_add (self->forbidden_group, row);
      self->forbidden_switches[i] = GTK_SWITCH (toggle);
    }
  self->updating = FALSE;
}

static void
gw_preferences_window_dispose (GObject *object)
{
  GwPreferencesWindow *self = GW_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GW_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->version_rows, g_ptr_array_unref);
  g_clear_pointer (&self->kind_rows, g_ptr_array_unref);
  g_clear_pointer (&self->force_kind_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (gw_preferences_window_parent_class)->dispose (object);
}

static void
gw_preferences_window_class_init (GwPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/groundwork/Groundwork/gw-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child_full (widget_class, "stage_row_0", FALSE,
                                             G_STRUCT_OFFSET (GwPreferencesWindow, stage_rows[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "stage_row_1", FALSE,
                                             G_STRUCT_OFFSET (GwPreferencesWindow, stage_rows[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "stage_row_2", FALSE,
                                             G_STRUCT_OFFSET (GwPreferencesWindow, stage_rows[2]));
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, unity_view);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, unity_status);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, unity_button);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, versions_group);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, kinds_group);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, new_kind_row);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, force_kinds_group);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, new_force_kind_row);
  gtk_widget_class_bind_template_callback (widget_class, new_force_kind_apply_cb);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, member_requirements_group);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, cadre_requirements_group);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, member_study_row);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, member_study_spin);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, cadre_months_row);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, cadre_months_spin);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, cadre_study_row);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, cadre_study_spin);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, cadre_turns_row);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, cadre_turns_spin);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, GwPreferencesWindow, forbidden_group);
  gtk_widget_class_bind_template_callback (widget_class, currency_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_kind_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, requirement_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stage_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, unity_save_cb);
}

static void
gw_preferences_window_init (GwPreferencesWindow *self)
{
  self->version_rows = g_ptr_array_new ();
  self->kind_rows = g_ptr_array_new ();
  self->force_kind_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * gw_preferences_window_new:
 *
 * Returns: (transfer floating): the organization's preferences, kept in
 *   @store so they travel with the database.
 */
GwPreferencesWindow *
gw_preferences_window_new (GtkWindow *parent,
                           GwStore   *store)
{
  GwPreferencesWindow *self;
  g_autofree char *name = NULL;
  gboolean writable = !gw_store_is_read_only (store);

  self = g_object_new (GW_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);

  name = gw_store_dup_organization_name (store);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), writable);

  for (guint i = 0; i < GW_N_STAGES; i++)
    {
      g_autofree char *label = gw_ladder_dup_stage_label (store, i);
      gtk_editable_set_text (GTK_EDITABLE (self->stage_rows[i]), label);
      gtk_widget_set_sensitive (GTK_WIDGET (self->stage_rows[i]), writable);
    }

  gtk_text_view_set_editable (self->unity_view, writable);
  gtk_widget_set_sensitive (self->unity_button, writable);
  load_unity (self);
  load_kinds (self);
  load_force_kinds (self);
  load_requirements (self);
  load_ledger (self);

  return self;
}
