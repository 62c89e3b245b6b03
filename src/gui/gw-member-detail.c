/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gw-checklist.h"
#include "gw-date.h"
#include "gw-ladder.h"
#include "gw-member-detail.h"
#include "gw-rotation.h"
#include "gw-stage-dialog.h"
#include "gw-store-meetings.h"
#include "gw-store-members.h"
#include "gw-window.h"

struct _GwMemberDetail
{
  GtkWidget       parent_instance;

  GwStore        *store;
  GwMember       *member;
  GPtrArray      *checklist_children;
  GPtrArray      *meeting_children;
  gboolean        updating;

  GtkWidget      *box;
  AdwWindowTitle *window_title;
  GtkWidget      *delete_button;
  GtkWidget      *edit_button;
  AdwActionRow   *stage_row;
  GtkWidget      *step_back_button;
  GtkWidget      *promote_button;
  AdwExpanderRow *checklist_row;
  AdwActionRow   *agreement_row;
  GtkWidget      *agree_button;
  AdwActionRow   *status_row;
  GtkWidget      *status_button;
  AdwActionRow   *pool_row;
  GtkSwitch      *pool_switch;
  AdwExpanderRow *meetings_row;
  AdwActionRow   *hours_row;
  GtkListBox     *details_list;
  GtkListBox     *history_list;
};

/* The latest meetings attended listed under "Meetings attended". */
#define N_MEETINGS_LISTED 5

G_DEFINE_FINAL_TYPE (GwMemberDetail, gw_member_detail, GTK_TYPE_WIDGET)

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
add_detail (GwMemberDetail *self,
            const char     *title,
            const char     *value)
{
  GtkWidget *row;

  if (value == NULL || value[0] == '\0')
    return;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  gtk_list_box_append (self->details_list, row);
}

static char *
describe_event (GwMemberDetail      *self,
                const GwMemberEvent *event)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  switch (event->kind)
    {
    case GW_EVENT_JOINED:
      to = gw_ladder_dup_stage_label (self->store, GW_STAGE_VOLUNTEER);
      /* Translators: %s is the first stage, "Volunteer". */
      return g_strdup_printf (_("Joined as %s"), to);
    case GW_EVENT_STAGE:
      from = gw_ladder_dup_stage_label (self->store, CLAMP (event->from_value, 0, GW_N_STAGES - 1));
      to = gw_ladder_dup_stage_label (self->store, CLAMP (event->to_value, 0, GW_N_STAGES - 1));
      if (event->to_value > event->from_value)
        return g_strdup_printf (_("Promoted from %s to %s"), from, to);
      return g_strdup_printf (_("Stepped back from %s to %s"), from, to);
    case GW_EVENT_STATUS:
      return g_strdup_printf (_("Status changed from %s to %s"),
                              gw_status_get_label (CLAMP (event->from_value, 0, GW_N_STATUSES - 1)),
                              gw_status_get_label (CLAMP (event->to_value, 0, GW_N_STATUSES - 1)));
    case GW_EVENT_AGREEMENT:
      return g_strdup_printf (_("Agreed to the points of unity, version %d"), event->unity_number);
    default:
      return g_strdup ("");
    }
}

static void
clear_expander (AdwExpanderRow *expander,
                GPtrArray      *children)
{
  for (guint i = 0; i < children->len; i++)
    adw_expander_row_remove (expander, g_ptr_array_index (children, i));
  g_ptr_array_set_size (children, 0);
}

/* What the next step up requires, line by line, so that a refused
 * promotion is understood before Promote is pressed. */
static void
refresh_checklist (GwMemberDetail *self)
{
  g_autoptr(GPtrArray) checklist = NULL;
  g_autofree char *target_label = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GwStage stage = gw_member_get_stage (self->member);
  guint n_met = 0;

  clear_expander (self->checklist_row, self->checklist_children);

  if (stage >= GW_STAGE_CADRE)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->checklist_row), FALSE);
      return;
    }

  checklist = gw_checklist_for (self->store, gw_member_get_id (self->member), stage + 1);
  target_label = gw_ladder_dup_stage_label (self->store, stage + 1);

  for (guint i = 0; i < checklist->len; i++)
    {
      GwRequirement *requirement = g_ptr_array_index (checklist, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), requirement->label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), requirement->met ? _("Met") : _("Not met"));

      icon = gtk_image_new_from_icon_name (requirement->met ? "emblem-ok-symbolic"
                                                            : "radio-symbolic");
      gtk_widget_add_css_class (icon, requirement->met ? "success" : "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      requirement->met ? _("Met") : _("Not met"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

      adw_expander_row_add_row (self->checklist_row, row);
      g_ptr_array_add (self->checklist_children, row);
      if (requirement->met)
        n_met++;
    }

  /* Translators: %s is the next stage, "Requirements to become Member". */
  title = g_strdup_printf (_("Requirements to become %s"), target_label);
  if (checklist->len > 0 && n_met == checklist->len)
    subtitle = g_strdup (_("All met; the step still needs a person’s approval"));
  else
    /* Translators: "1 of 3 met". */
    subtitle = g_strdup_printf (_("%u of %u met"), n_met, checklist->len);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->checklist_row), title);
  adw_expander_row_set_subtitle (self->checklist_row, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->checklist_row), checklist->len > 0);
}

static char *
format_hours (gint64 minutes)
{
  if (minutes % 60 == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour", "%d hours", minutes / 60),
                            (int) (minutes / 60));

  /* Translators: volunteer time with one decimal, "2.5 hours". */
  return g_strdup_printf (_("%.1f hours"), minutes / 60.0);
}

static void
refresh_participation (GwMemberDetail *self,
                       gboolean        writable)
{
  g_autoptr(GPtrArray) attended = NULL;
  g_autofree char *today = gw_date_today ();
  g_autofree char *since = gw_date_add_days (today, -90);
  g_autofree char *recent = NULL;
  g_autofree char *total = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *count = NULL;
  gint64 id = gw_member_get_id (self->member);

  self->updating = TRUE;
  gtk_switch_set_active (self->pool_switch, gw_rotation_is_in_pool (self->store, id));
  self->updating = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->pool_row), writable);
  adw_action_row_set_subtitle (self->pool_row,
                               gtk_switch_get_active (self->pool_switch)
                               ? _("Takes turns as secretary of meetings")
                               : _("Members and cadre who opt in take turns as secretary"));

  clear_expander (self->meetings_row, self->meeting_children);
  attended = gw_store_list_meetings_attended (self->store, id);
  if (attended->len == 0)
    count = g_strdup (_("None yet"));
  else
    {
      GwMeeting *latest = g_ptr_array_index (attended, 0);
      g_autofree char *date = gw_date_format (gw_meeting_get_date (latest));

      /* Translators: "12 meetings, the latest on 03/05/2025". */
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u meeting, the latest on %s",
                                            "%u meetings, the latest on %s", attended->len),
                               attended->len, date);
    }
  adw_expander_row_set_subtitle (self->meetings_row, count);
  adw_expander_row_set_enable_expansion (self->meetings_row, attended->len > 0);

  for (guint i = 0; i < MIN (attended->len, N_MEETINGS_LISTED); i++)
    {
      GwMeeting *meeting = g_ptr_array_index (attended, i);
      g_autofree char *date = gw_date_format (gw_meeting_get_date (meeting));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gw_meeting_get_title (meeting));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), date);
      gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Open the meeting"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-meeting");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", gw_meeting_get_id (meeting));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_expander_row_add_row (self->meetings_row, row);
      g_ptr_array_add (self->meeting_children, row);
    }

  recent = format_hours (gw_store_get_volunteer_minutes (self->store, id, since, today));
  total = format_hours (gw_store_get_volunteer_minutes (self->store, id, NULL, NULL));
  /* Translators: "3 hours in the last 90 days · 20.5 hours in all". */
  hours = g_strdup_printf (_("%s in the last 90 days · %s in all"), recent, total);
  adw_action_row_set_subtitle (self->hours_row, hours);
}

static void
refresh (GwMemberDetail *self)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GwUnityVersion) unity = NULL;
  g_autofree char *stage = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *languages = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *subtitle = NULL;
  GwMember *m = self->member;
  gboolean writable;
  int agreed_version = 0;

  clear_list (self->details_list);
  clear_list (self->history_list);

  if (m == NULL)
    return;

  writable = !gw_store_is_read_only (self->store);
  stage = gw_ladder_dup_stage_label (self->store, gw_member_get_stage (m));

  adw_window_title_set_title (self->window_title, gw_member_get_full_name (m));
  if (gw_member_get_pronouns (m)[0] != '\0')
    subtitle = g_strdup_printf ("%s · %s", stage, gw_member_get_pronouns (m));
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : stage);

  adw_action_row_set_subtitle (self->stage_row, stage);
  adw_action_row_set_subtitle (self->status_row, gw_status_get_label (gw_member_get_status (m)));
  gtk_widget_set_sensitive (self->promote_button, writable && gw_member_get_stage (m) < GW_STAGE_CADRE);
  gtk_widget_set_sensitive (self->step_back_button, writable && gw_member_get_stage (m) > GW_STAGE_VOLUNTEER);
  gtk_widget_set_sensitive (self->status_button, writable);
  gtk_widget_set_sensitive (self->edit_button, writable);
  gtk_widget_set_sensitive (self->delete_button, writable);

  refresh_checklist (self);
  refresh_participation (self, writable);

  history = gw_store_list_history (self->store, gw_member_get_id (m));
  unity = gw_store_dup_current_unity (self->store);

  for (guint i = 0; i < history->len; i++)
    {
      const GwMemberEvent *event = g_ptr_array_index (history, i);
      g_autofree char *title = describe_event (self, event);
      g_autofree char *date = gw_date_format (event->date);
      g_autoptr(GString) line = g_string_new (date);
      GtkWidget *row;

      if (event->kind == GW_EVENT_AGREEMENT)
        agreed_version = MAX (agreed_version, event->unity_number);

      if (event->approver[0] != '\0')
        {
          if (event->kind == GW_EVENT_AGREEMENT)
            /* Translators: who heard someone agree to the points of unity. */
            g_string_append_printf (line, _(" · witnessed by %s"), event->approver);
          else if (event->kind == GW_EVENT_JOINED)
            g_string_append_printf (line, _(" · added by %s"), event->approver);
          else
            g_string_append_printf (line, _(" · approved by %s"), event->approver);
        }
      if (event->note[0] != '\0')
        g_string_append_printf (line, " · %s", event->note);

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), line->str);
      gtk_list_box_append (self->history_list, row);
    }

  if (unity == NULL)
    adw_action_row_set_subtitle (self->agreement_row,
                                 _("The organization has not written its points of unity yet (Preferences)"));
  else if (gw_ladder_has_current_agreement (self->store, gw_member_get_id (m)))
    {
      g_autofree char *text = g_strdup_printf (_("Agreed to the current version (%d)"), unity->number);
      adw_action_row_set_subtitle (self->agreement_row, text);
    }
  else if (agreed_version > 0)
    {
      g_autofree char *text = g_strdup_printf (_("Agreed to version %d; the current version is %d"),
                                               agreed_version, unity->number);
      adw_action_row_set_subtitle (self->agreement_row, text);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (_("Not yet agreed to the current version (%d)"), unity->number);
      adw_action_row_set_subtitle (self->agreement_row, text);
    }
  gtk_widget_set_sensitive (self->agree_button, writable && unity != NULL &&
                            !gw_ladder_has_current_agreement (self->store, gw_member_get_id (m)));

  joined = gw_date_format (gw_member_get_joined (m));
  languages = gw_member_dup_languages_text (m);
  tags = g_strjoinv (", ", (char **) gw_member_get_tags (m));

  add_detail (self, _("Name they go by"), gw_member_get_community_name (m));
  add_detail (self, _("Pronouns"), gw_member_get_pronouns (m));
  add_detail (self, _("Phone"), gw_member_get_phone (m));
  add_detail (self, _("Email"), gw_member_get_email (m));
  add_detail (self, _("Address or neighbourhood"), gw_member_get_neighbourhood (m));
  add_detail (self, _("Languages"), languages);
  add_detail (self, _("Skills and interests"), gw_member_get_skills (m));
  add_detail (self, _("Tags"), tags);
  add_detail (self, _("Joined"), joined);
  add_detail (self, _("Recruited by"), gw_member_get_recruited_by_name (m));
  add_detail (self, _("Notes"), gw_member_get_notes (m));
}

static void
reload (GwMemberDetail *self)
{
  gint64 id = self->member ? gw_member_get_id (self->member) : 0;

  g_clear_object (&self->member);
  if (id > 0)
    self->member = gw_store_load_member (self->store, id, NULL);
  refresh (self);
}

static void
members_changed_cb (GwStore        *store,
                    gint64          member_id,
                    GwMemberDetail *self)
{
  if (self->member == NULL)
    return;

  if (member_id == 0 || member_id == gw_member_get_id (self->member))
    reload (self);
}

static void
settings_changed_cb (GwStore        *store,
                     const char     *key,
                     GwMemberDetail *self)
{
  refresh (self);
}

/* Attendance, study sessions and turns as secretary change the checklist
 * and the participation figures. */
static void
meetings_changed_cb (GwStore        *store,
                     gint64          meeting_id,
                     GwMemberDetail *self)
{
  if (self->member != NULL)
    refresh (self);
}

static GtkWindow *
get_window (GwMemberDetail *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

static void
refusal_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     GwMemberDetail   *self)
{
  if (g_strcmp0 (response, "agree") == 0 && self->member != NULL)
    gtk_window_present (GTK_WINDOW (gw_stage_dialog_new (get_window (self), self->store,
                                                         gw_member_get_id (self->member),
                                                         GW_STAGE_DIALOG_AGREEMENT, 0)));
}

/* Says why a step cannot be taken, in the words of the ladder's rules,
 * and offers the way forward when there is one. */
static void
show_refusal (GwMemberDetail *self,
              const char     *heading,
              const GError   *error)
{
  GtkWidget *dialog = adw_message_dialog_new (get_window (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  if (g_error_matches (error, GW_LADDER_ERROR, GW_LADDER_ERROR_NO_AGREEMENT))
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "agree", _("_Record Agreement"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "agree",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "agree");
    }
  g_signal_connect_object (dialog, "response", G_CALLBACK (refusal_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
change_stage (GwMemberDetail *self,
              int             direction,
              const char     *heading)
{
  g_autoptr(GError) error = NULL;
  gint64 id;
  int target;

  if (self->member == NULL)
    return;

  id = gw_member_get_id (self->member);
  target = (int) gw_member_get_stage (self->member) + direction;

  if (!gw_ladder_check_change (self->store, id, target, &error))
    {
      show_refusal (self, heading, error);
      return;
    }

  gtk_window_present (GTK_WINDOW (gw_stage_dialog_new (get_window (self), self->store, id,
                                                       GW_STAGE_DIALOG_STAGE, target)));
}

static void
promote_clicked_cb (GwMemberDetail *self)
{
  change_stage (self, +1, _("Cannot Promote Yet"));
}

static void
step_back_clicked_cb (GwMemberDetail *self)
{
  change_stage (self, -1, _("Cannot Step Back"));
}

static void
agree_clicked_cb (GwMemberDetail *self)
{
  if (self->member != NULL)
    gtk_window_present (GTK_WINDOW (gw_stage_dialog_new (get_window (self), self->store,
                                                         gw_member_get_id (self->member),
                                                         GW_STAGE_DIALOG_AGREEMENT, 0)));
}

static void
status_clicked_cb (GwMemberDetail *self)
{
  if (self->member != NULL)
    gtk_window_present (GTK_WINDOW (gw_stage_dialog_new (get_window (self), self->store,
                                                         gw_member_get_id (self->member),
                                                         GW_STAGE_DIALOG_STATUS,
                                                         gw_member_get_status (self->member) == GW_STATUS_ACTIVE
                                                         ? GW_STATUS_INACTIVE : GW_STATUS_ACTIVE)));
}

static void
pool_switch_cb (GwMemberDetail *self)
{
  g_autoptr(GError) error = NULL;
  gboolean join = gtk_switch_get_active (self->pool_switch);
  gint64 id;
  gboolean done;

  if (self->updating || self->member == NULL)
    return;

  id = gw_member_get_id (self->member);
  done = join ? gw_rotation_join_pool (self->store, id, NULL, &error)
              : gw_rotation_leave_pool (self->store, id, &error);

  if (!done)
    {
      GtkWidget *dialog;

      /* Put the switch back before saying why. */
      self->updating = TRUE;
      gtk_switch_set_active (self->pool_switch, !join);
      self->updating = FALSE;

      dialog = adw_message_dialog_new (get_window (self),
                                       join ? _("Cannot Join the Secretary Pool")
                                            : _("Cannot Leave the Secretary Pool"),
                                       error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
edit_clicked_cb (GwMemberDetail *self)
{
  if (self->member != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-member", "x", gw_member_get_id (self->member));
}

static void
delete_clicked_cb (GwMemberDetail *self)
{
  if (self->member != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-member", "x", gw_member_get_id (self->member));
}

void
gw_member_detail_set_store (GwMemberDetail *self,
                            GwStore        *store)
{
  g_return_if_fail (GW_IS_MEMBER_DETAIL (self));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "members-changed", G_CALLBACK (members_changed_cb), self, 0);
  g_signal_connect_object (store, "settings-changed", G_CALLBACK (settings_changed_cb), self, 0);
  g_signal_connect_object (store, "meetings-changed", G_CALLBACK (meetings_changed_cb), self, 0);
}

void
gw_member_detail_set_member (GwMemberDetail *self,
                             gint64          member_id)
{
  g_return_if_fail (GW_IS_MEMBER_DETAIL (self));

  g_clear_object (&self->member);
  self->member = gw_store_load_member (self->store, member_id, NULL);
  refresh (self);
}

gint64
gw_member_detail_get_member (GwMemberDetail *self)
{
  g_return_val_if_fail (GW_IS_MEMBER_DETAIL (self), 0);
  return self->member ? gw_member_get_id (self->member) : 0;
}

static void
gw_member_detail_dispose (GObject *object)
{
  GwMemberDetail *self = GW_MEMBER_DETAIL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GW_TYPE_MEMBER_DETAIL);
  g_clear_pointer (&self->checklist_children, g_ptr_array_unref);
  g_clear_pointer (&self->meeting_children, g_ptr_array_unref);
  g_clear_object (&self->member);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gw_member_detail_parent_class)->dispose (object);
}

static void
gw_member_detail_class_init (GwMemberDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_member_detail_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/groundwork/Groundwork/gw-member-detail.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, GwMemberDetail, box);
  gtk_widget_class_bind_template_child (widget_class, GwMemberDetail, window_title);
  gtk_widget_class_bind_template_child (widget_class, GwMemberDetail, delete_button);
  gtk_widget_class_bind_template_child (widget_class, GwMemberDetail, edit_button);
  gtk_widget_class_bind_template_child (widget_class, GwMemberDetail, stage_row);
  gtk_widget_class_bind_template_child (widget_class, GwMemberDetail, step_back_button);
  gtk_widget_class_bind_template_child (widget_class, GwMemberDetail, promote_button);
  gtk_widget_class_bind_template_child (widget_class, GwMemberDetail, checklist_row);
  gtk_widget_class_bind_template_child (widget_class, GwMemberDetail, agreement_row);
  gtk_widget_class_bind_template_child (widget_class, GwMemberDetail, agree_button);
  gtk_widget_class_bind_template_child (widget_class, GwMemberDetail, status_row);
  gtk_widget_class_bind_template_child (widget_class, GwMemberDetail, status_button);
  gtk_widget_class_bind_template_child (widget_class, GwMemberDetail, pool_row);
  gtk_widget_class_bind_template_child (widget_class, GwMemberDetail, pool_switch);
  gtk_widget_class_bind_template_child (widget_class, GwMemberDetail, meetings_row);
  gtk_widget_class_bind_template_child (widget_class, GwMemberDetail, hours_row);
  gtk_widget_class_bind_template_child (widget_class, GwMemberDetail, details_list);
  gtk_widget_class_bind_template_child (widget_class, GwMemberDetail, history_list);

  gtk_widget_class_bind_template_callback (widget_class, promote_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, step_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, agree_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, edit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, pool_switch_cb);
}

static void
gw_member_detail_init (GwMemberDetail *self)
{
  self->checklist_children = g_ptr_array_new ();
  self->meeting_children = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
