/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gw-date.h"
#include "gw-ladder.h"
#include "gw-rotation.h"
#include "gw-secretary-page.h"
#include "gw-store-meetings.h"
#include "gw-store-members.h"
#include "gw-window.h"

/* The rotating secretary: who serves this term and who comes next, the
 * order everyone in the pool stands in and why, who is away, and who
 * served when. Everything is read again shortly after the store changes. */
struct _GwSecretaryPage
{
  GtkWidget     parent_instance;

  GwStore      *store;
  guint         refresh_source;
  gboolean      stale;       /* changed while hidden: read again when shown */
  gboolean      updating;
  gboolean      show_all_history;
  char         *order_date;  /* the meeting day the order is for */

  GtkStack     *stack;
  GtkWidget    *warning_box;
  GtkLabel     *warning_label;
  AdwActionRow *current_row;
  AdwActionRow *next_row;
  AdwComboRow  *term_row;
  AdwActionRow *weeks_row;
  GtkSpinButton *weeks_spin;
  AdwPreferencesGroup *order_group;
  GtkListBox   *order_list;
  GtkWidget    *away_group;
  GtkListBox   *away_list;
  GtkListBox   *history_list;
  GtkButton    *show_all_button;
};

G_DEFINE_FINAL_TYPE (GwSecretaryPage, gw_secretary_page, GTK_TYPE_WIDGET)

/* A long history is cut to this many turns until "Show All" is pressed. */
#define N_HISTORY_SHOWN 10

static void schedule_refresh (GwSecretaryPage *self);

static GtkWindow *
get_window (GwSecretaryPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (GwSecretaryPage *self,
            const char      *heading,
            const GError    *error)
{
  GtkWindow *window = get_window (self);

  if (GW_IS_WINDOW (window))
    gw_window_show_error (GW_WINDOW (window), heading, error);
}

static void
add_toast (GwSecretaryPage *self,
           AdwToast        *toast)
{
  GtkWindow *window = get_window (self);

  if (GW_IS_WINDOW (window))
    gw_window_add_toast (GW_WINDOW (window), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static gboolean
is_writable (GwSecretaryPage *self)
{
  return self->store != NULL && !gw_store_is_read_only (self->store);
}

static gint64
row_member_id (gpointer row)
{
  return GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "member-id"));
}

static void
set_row_member (gpointer row,
                gint64   member_id)
{
  g_object_set_data (G_OBJECT (row), "member-id", GSIZE_TO_POINTER (member_id));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), member_id > 0);
}

static void
person_row_activated_cb (GwSecretaryPage *self,
                         AdwActionRow    *row)
{
  gint64 id = row_member_id (row);

  if (id > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-member", "x", id);
}

static GtkWidget *
make_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static GtkWidget *
make_button (const char *label,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

/* The term. */

static void
term_changed_cb (GwSecretaryPage *self)
{
  g_autoptr(GError) error = NULL;
  GwRotationTerm term;
  guint weeks;

  if (self->updating || self->store == NULL)
    return;

  term = adw_combo_row_get_selected (self->term_row) == 1 ? GW_ROTATION_TERM_WEEKS
                                                          : GW_ROTATION_TERM_EACH_MEETING;
  weeks = (guint) gtk_spin_button_get_value_as_int (self->weeks_spin);
  gtk_widget_set_sensitive (GTK_WIDGET (self->weeks_row),
                            is_writable (self) && term == GW_ROTATION_TERM_WEEKS);

  if (!gw_rotation_set_term (self->store, term, weeks, &error))
    {
      show_error (self, _("Could Not Change the Term"), error);
      schedule_refresh (self);
    }
}

/* Skipping someone for a meeting day. */

typedef struct
{
  GwSecretaryPage *self;
  gint64           member_id;
  char            *name;
  GtkWidget       *date_row;
  GtkWidget       *reason_row;
} SkipDialog;

static void
skip_dialog_free (gpointer data)
{
  SkipDialog *skip = data;

  g_object_unref (skip->self);
  g_free (skip->name);
  g_free (skip);
}

static void
skip_dialog_changed_cb (AdwMessageDialog *dialog)
{
  SkipDialog *skip = g_object_get_data (G_OBJECT (dialog), "skip");
  g_autofree char *date = gw_date_parse_user (gtk_editable_get_text (GTK_EDITABLE (skip->date_row)));
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (skip->reason_row))));

  if (date == NULL)
    gtk_widget_add_css_class (skip->date_row, "error");
  else
    gtk_widget_remove_css_class (skip->date_row, "error");

  adw_message_dialog_set_response_enabled (dialog, "skip", date != NULL && reason[0] != '\0');
}

static void
skip_dialog_response_cb (AdwMessageDialog *dialog,
                         const char       *response)
{
  SkipDialog *skip = g_object_get_data (G_OBJECT (dialog), "skip");
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *reason = NULL;

  if (g_strcmp0 (response, "skip") != 0)
    return;

  date = gw_date_parse_user (gtk_editable_get_text (GTK_EDITABLE (skip->date_row)));
  reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (skip->reason_row))));

  if (date == NULL || !gw_rotation_skip (skip->self->store, skip->member_id, date, reason, &error))
    {
      if (error == NULL)
        g_set_error_literal (&error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                             _("Write the date as YYYY-MM-DD."));
      show_error (skip->self, _("Could Not Skip"), error);
      return;
    }

  {
    g_autofree char *shown = gw_date_format (date);
    /* Translators: "Rosa is skipped on 12/05/2025". */
    g_autofree char *text = g_strdup_printf (_("%s is skipped on %s"), skip->name, shown);

    add_toast (skip->self, adw_toast_new (text));
  }
}

static void
present_skip_dialog (GwSecretaryPage *self,
                     gint64           member_id,
                     const char      *name)
{
  g_autofree char *heading = g_strdup_printf (_("Skip %s?"), name);
  g_autofree char *date = gw_date_format (self->order_date);
  SkipDialog *skip = g_new0 (SkipDialog, 1);
  GtkWidget *dialog;
  GtkWidget *list;

  dialog = adw_message_dialog_new (get_window (self), heading,
                                   _("Someone away is placed last for that meeting day, and the next "
                                     "person in the order serves. Say why, so that the rotation stays "
                                     "fair and open."));
  skip->self = g_object_ref (self);
  skip->member_id = member_id;
  skip->name = g_strdup (name);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  skip->date_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (skip->date_row), _("Meeting day"));
  gtk_editable_set_text (GTK_EDITABLE (skip->date_row), date);
  gtk_list_box_append (GTK_LIST_BOX (list), skip->date_row);

  skip->reason_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (skip->reason_row), _("Reason (required)"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (skip->reason_row), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), skip->reason_row);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "skip", _("_Skip"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "skip", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "skip", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "skip");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "skip", skip, skip_dialog_free);
  g_signal_connect_swapped (skip->date_row, "changed", G_CALLBACK (skip_dialog_changed_cb), dialog);
  g_signal_connect_swapped (skip->reason_row, "changed", G_CALLBACK (skip_dialog_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (skip_dialog_response_cb), NULL);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (skip->reason_row);
}

static void
skip_clicked_cb (GtkButton       *button,
                 GwSecretaryPage *self)
{
  present_skip_dialog (self, row_member_id (button), g_object_get_data (G_OBJECT (button), "name"));
}

static void
unskip_clicked_cb (GtkButton       *button,
                   GwSecretaryPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *date = g_object_get_data (G_OBJECT (button), "date");

  if (!gw_rotation_unskip (self->store, row_member_id (button), date, &error))
    show_error (self, _("Could Not Undo the Skip"), error);
}

/* Leaving the pool, with Undo. */

static void
rejoin_clicked_cb (AdwToast        *toast,
                   GwSecretaryPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *since = g_object_get_data (G_OBJECT (toast), "since");

  if (!gw_rotation_join_pool (self->store, row_member_id (toast), since, &error))
    show_error (self, _("Could Not Undo"), error);
}

static void
remove_clicked_cb (GtkButton       *button,
                   GwSecretaryPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 id = row_member_id (button);
  AdwToast *toast;

  if (!gw_rotation_leave_pool (self->store, id, &error))
    {
      show_error (self, _("Could Not Remove from the Pool"), error);
      return;
    }

  /* Translators: %s is a person's name. */
  {
    g_autofree char *name = gw_window_shorten (g_object_get_data (G_OBJECT (button), "name"));

    title = g_strdup_printf (_("%s left the secretary pool"), name);
  }
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (toast), "member-id", GSIZE_TO_POINTER (id));
  g_object_set_data_full (G_OBJECT (toast), "since",
                          g_strdup (g_object_get_data (G_OBJECT (button), "since")), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (rejoin_clicked_cb), self, 0);
  add_toast (self, toast);
}

/* Adding someone to the pool. */

typedef struct
{
  GwSecretaryPage *self;
  GtkWidget       *dialog;
  GtkWidget       *entry;
  GtkWidget       *matches;
  GtkWidget       *scrolled;
  GtkWidget       *message;
} AddDialog;

static void
add_dialog_free (gpointer data)
{
  AddDialog *add = data;

  g_object_unref (add->self);
  g_free (add);
}

static void
add_dialog_search_cb (AddDialog *add)
{
  g_autoptr(GPtrArray) found = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (add->entry));

  clear_list (GTK_LIST_BOX (add->matches));
  gtk_widget_set_visible (add->message, FALSE);
  gtk_widget_remove_css_class (add->message, "error");
  gtk_widget_remove_css_class (add->message, "dim-label");

  found = gw_store_search_member_names (add->self->store, text, 8);
  for (guint i = 0; i < found->len; i++)
    {
      GwMember *member = g_ptr_array_index (found, i);
      g_autofree char *stage = gw_ladder_dup_stage_label (add->self->store, gw_member_get_stage (member));
      g_autofree char *subtitle = NULL;
      gint64 id = gw_member_get_id (member);
      GtkWidget *row;

      if (gw_rotation_is_in_pool (add->self->store, id))
        /* Translators: "Member · already in the pool". */
        subtitle = g_strdup_printf (_("%s · already in the pool"), stage);
      else if (gw_member_get_status (member) != GW_STATUS_ACTIVE)
        subtitle = g_strdup_printf ("%s · %s", stage, gw_status_get_label (gw_member_get_status (member)));
      else
        subtitle = g_steal_pointer (&stage);

      row = make_row (gw_member_get_full_name (member), subtitle);
      set_row_member (row, id);
      g_object_set_data_full (G_OBJECT (row), "name", g_strdup (gw_member_get_full_name (member)), g_free);
      gtk_list_box_append (GTK_LIST_BOX (add->matches), row);
    }

  gtk_widget_set_visible (add->scrolled, found->len > 0);
  /* Finding nobody is an answer, not an error. */
  if (found->len == 0 && text[0] != '\0')
    {
      gtk_label_set_text (GTK_LABEL (add->message), _("Nobody on the roster has that name."));
      gtk_widget_add_css_class (add->message, "dim-label");
      gtk_widget_set_visible (add->message, TRUE);
    }
}

static void
add_dialog_row_activated_cb (GtkListBox    *list,
                             GtkListBoxRow *row,
                             AddDialog     *add)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 id = row_member_id (row);

  if (gw_rotation_is_in_pool (add->self->store, id))
    {
      gtk_window_close (GTK_WINDOW (add->dialog));
      return;
    }

  /* The core says why someone cannot join (a volunteer, say); keep the
   * dialog open with its words so another person can be chosen. */
  if (!gw_rotation_join_pool (add->self->store, id, NULL, &error))
    {
      gtk_label_set_text (GTK_LABEL (add->message), error->message);
      gtk_widget_remove_css_class (add->message, "dim-label");
      gtk_widget_add_css_class (add->message, "error");
      gtk_widget_set_visible (add->message, TRUE);
      return;
    }

  /* Translators: %s is a person's name. */
  title = g_strdup_printf (_("%s joined the secretary pool"),
                           (const char *) g_object_get_data (G_OBJECT (row), "name"));
  add_toast (add->self, adw_toast_new (title));
  gtk_window_close (GTK_WINDOW (add->dialog));
}

static void
nobody_eligible_response_cb (GwSecretaryPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", "roster");
}

/* With nobody at the Member or Cadre stage, a search could only find
 * people who would be refused: say who can take turns and how to get
 * there instead, and offer the Roster, where people are promoted. (An
 * AdwStatusPage scrolls, and is cut short inside a message dialog.) */
static void
present_nobody_eligible (GwSecretaryPage *self)
{
  g_autofree char *member = gw_ladder_dup_stage_label (self->store, GW_STAGE_MEMBER);
  g_autofree char *cadre = gw_ladder_dup_stage_label (self->store, GW_STAGE_CADRE);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: the two stages are the organization's names for them,
   * "Member" and "Cadre" unless it renamed them. */
  body = g_strdup_printf (_("Only people at the %s or %s stage can take turns as secretary, and "
                            "nobody on the roster is there yet. Promote someone on the Roster "
                            "first: open their page and press Promote."),
                          member, cadre);
  dialog = adw_message_dialog_new (get_window (self), _("Nobody Can Take a Turn Yet"), body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "roster", _("_Open the Roster"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "roster", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "roster");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response::roster", G_CALLBACK (nobody_eligible_response_cb),
                           self, G_CONNECT_SWAPPED);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_to_pool_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  GwSecretaryPage *self = GW_SECRETARY_PAGE (widget);
  AddDialog *add = g_new0 (AddDialog, 1);
  GtkWidget *box;
  GtkWidget *scrolled;

  if (!is_writable (self))
    {
      g_free (add);
      return;
    }

  if (gw_rotation_count_eligible (self->store) == 0)
    {
      g_free (add);
      present_nobody_eligible (self);
      return;
    }

  add->self = g_object_ref (self);
  add->dialog = adw_message_dialog_new (get_window (self), _("Add to the Secretary Pool"),
                                        _("Members and cadre who opt in take turns as secretary."));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  add->entry = gtk_search_entry_new ();
  g_object_set (add->entry, "placeholder-text", _("Search by name"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (add->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search by name"), -1);
  gtk_box_append (GTK_BOX (box), add->entry);

  add->message = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (add->message), TRUE);
  gtk_label_set_xalign (GTK_LABEL (add->message), 0);
  gtk_widget_set_visible (add->message, FALSE);
  gtk_box_append (GTK_BOX (box), add->message);

  add->matches = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (add->matches), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (add->matches, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (add->matches), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("People found"), -1);
  scrolled = add->scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_visible (scrolled, FALSE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), add->matches);
  gtk_box_append (GTK_BOX (box), scrolled);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (add->dialog), box);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (add->dialog), "close", _("_Close"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (add->dialog), "close");

  g_object_set_data_full (G_OBJECT (add->dialog), "add", add, add_dialog_free);
  g_signal_connect_swapped (add->entry, "search-changed", G_CALLBACK (add_dialog_search_cb), add);
  g_signal_connect (add->matches, "row-activated", G_CALLBACK (add_dialog_row_activated_cb), add);

  gtk_window_present (GTK_WINDOW (add->dialog));
  gtk_widget_grab_focus (add->entry);
}

/* Filling the page. */

static void
set_person_row (GwSecretaryPage     *self,
                AdwActionRow        *row,
                GwRotationCandidate *candidate,
                const char          *nobody,
                const char          *nobody_why)
{
  if (candidate == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), nobody);
      adw_action_row_set_subtitle (row, nobody_why);
      set_row_member (row, 0);
      return;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), candidate->full_name);
  adw_action_row_set_subtitle (row, candidate->reason ? candidate->reason : "");
  set_row_member (row, candidate->member_id);
}

static GtkWidget *
make_candidate_row (GwSecretaryPage     *self,
                    guint                place,
                    GwRotationCandidate *candidate,
                    gboolean             writable)
{
  g_autoptr(GString) subtitle = g_string_new (candidate->reason);
  g_autofree char *place_text = g_strdup_printf ("%u", place);
  GtkWidget *row = make_row (candidate->full_name, NULL);
  GtkWidget *place_label = gtk_label_new (place_text);
  GtkWidget *button;

  gtk_label_set_width_chars (GTK_LABEL (place_label), 2);
  gtk_widget_add_css_class (place_label, "title-4");
  gtk_widget_add_css_class (place_label, "numeric");
  if (candidate->skipped)
    gtk_widget_add_css_class (place_label, "dim-label");
  /* Translators: a place in the secretary's order, "Place 2". */
  {
    g_autofree char *place_name = g_strdup_printf (_("Place %u"), place);
    gtk_accessible_update_property (GTK_ACCESSIBLE (place_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    place_name, -1);
  }
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), place_label);

  if (candidate->warning != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_tooltip_text (icon, candidate->warning);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      candidate->warning, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      g_string_append_printf (subtitle, "\n%s", candidate->warning);
    }

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  set_row_member (row, candidate->member_id);
  g_signal_connect_swapped (row, "activated", G_CALLBACK (person_row_activated_cb), self);

  if (candidate->skipped)
    {
      button = make_button (_("_Undo Skip"), NULL);
      g_object_set_data_full (G_OBJECT (button), "date", g_strdup (self->order_date), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (unskip_clicked_cb), self);
    }
  else
    {
      button = make_button (_("S_kip…"), _("Skip for a meeting day when they are away"));
      g_signal_connect (button, "clicked", G_CALLBACK (skip_clicked_cb), self);
    }
  g_object_set_data (G_OBJECT (button), "member-id", GSIZE_TO_POINTER (candidate->member_id));
  g_object_set_data_full (G_OBJECT (button), "name", g_strdup (candidate->full_name), g_free);
  gtk_widget_set_sensitive (button, writable);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  button = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove from Pool"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove from Pool"), -1);
  g_object_set_data (G_OBJECT (button), "member-id", GSIZE_TO_POINTER (candidate->member_id));
  g_object_set_data_full (G_OBJECT (button), "name", g_strdup (candidate->full_name), g_free);
  g_object_set_data_full (G_OBJECT (button), "since", g_strdup (candidate->in_pool_since), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked_cb), self);
  gtk_widget_set_sensitive (button, writable);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
fill_order (GwSecretaryPage *self,
            GPtrArray       *order,
            gboolean         writable)
{
  g_autofree char *shown = gw_date_format (self->order_date);
  g_autofree char *description = NULL;

  clear_list (self->order_list);

  if (order->len == 0)
    {
      GtkWidget *row = make_row (_("Nobody is in the secretary pool yet"),
                                 _("Add members who want to take turns. Volunteers can join once "
                                   "they become members."));
      gtk_list_box_append (self->order_list, row);
    }

  for (guint i = 0; i < order->len; i++)
    gtk_list_box_append (self->order_list,
                         make_candidate_row (self, i + 1, g_ptr_array_index (order, i), writable));

  /* Translators: %s is a date. */
  description = g_strdup_printf (_("For the meeting on %s. Whoever served least recently goes "
                                   "first; people who are away come last."), shown);
  adw_preferences_group_set_description (self->order_group, description);
}

static void
fill_away (GwSecretaryPage *self,
           const char      *today,
           gboolean         writable)
{
  g_autoptr(GPtrArray) skips = gw_rotation_list_skips (self->store, today, NULL);

  clear_list (self->away_list);

  /* Soonest first reads better for what is still to come. */
  for (guint i = skips->len; i > 0; i--)
    {
      GwRotationSkip *skip = g_ptr_array_index (skips, i - 1);
      g_autofree char *date = gw_date_format (skip->date);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", date, skip->reason);
      GtkWidget *row = make_row (skip->full_name, subtitle);
      GtkWidget *button = make_button (_("_Undo Skip"), NULL);

      set_row_member (row, skip->member_id);
      g_signal_connect_swapped (row, "activated", G_CALLBACK (person_row_activated_cb), self);
      g_object_set_data (G_OBJECT (button), "member-id", GSIZE_TO_POINTER (skip->member_id));
      g_object_set_data_full (G_OBJECT (button), "date", g_strdup (skip->date), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (unskip_clicked_cb), self);
      gtk_widget_set_sensitive (button, writable);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->away_list, row);
    }

  gtk_widget_set_visible (self->away_group, skips->len > 0);
}

static void
fill_history (GwSecretaryPage *self,
              GPtrArray       *history)
{
  guint shown = self->show_all_history ? history->len : MIN (history->len, N_HISTORY_SHOWN);

  clear_list (self->history_list);

  if (history->len == 0)
    gtk_list_box_append (self->history_list,
                         make_row (_("Nobody has served yet"),
                                   _("Choose a secretary on a meeting’s page; each turn is listed here.")));

  for (guint i = 0; i < shown; i++)
    {
      GwRotationTurn *turn = g_ptr_array_index (history, i);
      g_autofree char *date = gw_date_format (turn->date);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", date, turn->meeting_title);
      GtkWidget *row = make_row (turn->full_name, subtitle);
      GtkWidget *button = gtk_button_new_from_icon_name ("x-office-calendar-symbolic");

      set_row_member (row, turn->member_id);
      g_signal_connect_swapped (row, "activated", G_CALLBACK (person_row_activated_cb), self);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Open the Meeting"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Open the Meeting"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-meeting");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", turn->meeting_id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->history_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->show_all_button),
                          history->len > N_HISTORY_SHOWN);
  if (self->show_all_history)
    gtk_button_set_label (self->show_all_button, _("Show _Fewer"));
  else
    {
      /* Translators: a button showing every turn as secretary. */
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show _All %u Turn",
                                                             "Show _All %u Turns", history->len),
                                                history->len);
      gtk_button_set_label (self->show_all_button, label);
    }
}

static void
show_all_clicked_cb (GwSecretaryPage *self)
{
  g_autoptr(GPtrArray) history = gw_rotation_list_history (self->store);

  self->show_all_history = !self->show_all_history;
  fill_history (self, history);
}

static void
refresh (GwSecretaryPage *self)
{
  g_autofree char *today = gw_date_today ();
  g_autofree char *warning = NULL;
  g_autoptr(GPtrArray) upcoming = NULL;
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GwRotationCandidate) current = NULL;
  g_autoptr(GwRotationCandidate) next = NULL;
  gboolean writable = is_writable (self);
  GwRotationTerm term;
  guint weeks = 1;

  if (self->store == NULL)
    return;

  /* The order is for the next meeting day (today when one is held today,
   * or when none is planned), so that someone skipped for that meeting
   * shows as skipped. */
  upcoming = gw_store_list_upcoming_meetings (self->store, today, 1);
  g_free (self->order_date);
  self->order_date = upcoming->len > 0
                     ? g_strdup (gw_meeting_get_date (g_ptr_array_index (upcoming, 0)))
                     : g_strdup (today);

  order = gw_rotation_dup_order (self->store, self->order_date);
  history = gw_rotation_list_history (self->store);
  current = gw_rotation_dup_current (self->store, today);
  next = gw_rotation_dup_next (self->store, today);
  warning = gw_rotation_dup_warning (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "secretary.add-to-pool", writable);

  if (order->len == 0 && history->len == 0 && current == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "main");

  gtk_widget_set_visible (self->warning_box, warning != NULL);
  gtk_label_set_text (self->warning_label, warning ? warning : "");

  set_person_row (self, self->current_row, current, _("Nobody this term yet"),
                  _("The secretary of the latest meeting serves this term; choose one on the meeting’s page."));
  set_person_row (self, self->next_row, next, _("Nobody is next"),
                  _("Add members to the pool so that someone can take the next turn."));

  self->updating = TRUE;
  term = gw_rotation_get_term (self->store, &weeks);
  adw_combo_row_set_selected (self->term_row, term == GW_ROTATION_TERM_WEEKS ? 1 : 0);
  if (term == GW_ROTATION_TERM_WEEKS && gtk_spin_button_get_value_as_int (self->weeks_spin) != (int) weeks)
    gtk_spin_button_set_value (self->weeks_spin, weeks);
  gtk_widget_set_sensitive (GTK_WIDGET (self->term_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->weeks_row), writable && term == GW_ROTATION_TERM_WEEKS);
  self->updating = FALSE;

  fill_order (self, order, writable);
  fill_away (self, today, writable);
  fill_history (self, history);
}

static gboolean
refresh_cb (gpointer user_data)
{
  GwSecretaryPage *self = user_data;

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
gw_secretary_page_map (GtkWidget *widget)
{
  GwSecretaryPage *self = (GwSecretaryPage *) widget;

  GTK_WIDGET_CLASS (gw_secretary_page_parent_class)->map (widget);

  if (self->stale)
    {
      self->stale = FALSE;
      refresh (self);
    }
}

/* Several changes often come at once (a meeting saved with its secretary
 * and attendance); read everything again once they are done. */
static void
schedule_refresh (GwSecretaryPage *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_timeout_add (100, refresh_cb, self);
}

static void
store_changed_cb (GwSecretaryPage *self)
{
  schedule_refresh (self);
}

void
gw_secretary_page_set_store (GwSecretaryPage *self,
                             GwStore         *store)
{
  g_return_if_fail (GW_IS_SECRETARY_PAGE (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      g_signal_connect_object (store, "meetings-changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "members-changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "settings-changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
    }

  refresh (self);
}

static void
gw_secretary_page_dispose (GObject *object)
{
  GwSecretaryPage *self = GW_SECRETARY_PAGE (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), GW_TYPE_SECRETARY_PAGE);
  g_clear_object (&self->store);
  g_clear_pointer (&self->order_date, g_free);

  G_OBJECT_CLASS (gw_secretary_page_parent_class)->dispose (object);
}

static void
gw_secretary_page_class_init (GwSecretaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_secretary_page_dispose;
  widget_class->map = gw_secretary_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/groundwork/Groundwork/gw-secretary-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, GwSecretaryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, GwSecretaryPage, warning_box);
  gtk_widget_class_bind_template_child (widget_class, GwSecretaryPage, warning_label);
  gtk_widget_class_bind_template_child (widget_class, GwSecretaryPage, current_row);
  gtk_widget_class_bind_template_child (widget_class, GwSecretaryPage, next_row);
  gtk_widget_class_bind_template_child (widget_class, GwSecretaryPage, term_row);
  gtk_widget_class_bind_template_child (widget_class, GwSecretaryPage, weeks_row);
  gtk_widget_class_bind_template_child (widget_class, GwSecretaryPage, weeks_spin);
  gtk_widget_class_bind_template_child (widget_class, GwSecretaryPage, order_group);
  gtk_widget_class_bind_template_child (widget_class, GwSecretaryPage, order_list);
  gtk_widget_class_bind_template_child (widget_class, GwSecretaryPage, away_group);
  gtk_widget_class_bind_template_child (widget_class, GwSecretaryPage, away_list);
  gtk_widget_class_bind_template_child (widget_class, GwSecretaryPage, history_list);
  gtk_widget_class_bind_template_child (widget_class, GwSecretaryPage, show_all_button);

  gtk_widget_class_bind_template_callback (widget_class, person_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, term_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_all_clicked_cb);

  gtk_widget_class_install_action (widget_class, "secretary.add-to-pool", NULL, add_to_pool_action);
}

static void
gw_secretary_page_init (GwSecretaryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "secretary.add-to-pool", FALSE);
}
