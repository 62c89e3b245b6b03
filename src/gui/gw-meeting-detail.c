/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "gw-date.h"
#include "gw-ladder.h"
#include "gw-meeting-detail.h"
#include "gw-meeting-editor.h"
#include "gw-member-list.h"
#include "gw-person-search.h"
#include "gw-print-meeting.h"
#include "gw-print-preview.h"
#include "gw-print-sign-in.h"
#include "gw-rotation.h"
#include "gw-secretary-chooser.h"
#include "gw-sign-in-dialog.h"
#include "gw-store-meetings.h"
#include "gw-store-members.h"
#include "gw-walk-in-dialog.h"
#include "gw-window.h"

/* One meeting: its secretary, agenda, attendance, minutes, decisions and
 * action items. Every change is stored at once (the minutes shortly after
 * typing stops), and the page is built again from the store whenever the
 * meeting or the roster changes, so that it never shows a stale copy. */
struct _GwMeetingDetail
{
  GtkWidget       parent_instance;

  GwStore        *store;
  GwMeeting      *meeting;
  GPtrArray      *agenda;
  GPtrArray      *handover_rows;
  guint           refresh_source;
  guint           minutes_source;
  guint           ignore_changes;
  gboolean        minutes_dirty;
  gboolean        loading_minutes;
  /* What gets the focus back once the lists are built again. */
  GtkWidget      *refocus;
  int             agenda_focus;
  int             agenda_focus_direction;

  GtkWidget      *box;
  AdwWindowTitle *window_title;
  GtkWidget      *delete_button;
  GtkWidget      *print_button;
  GtkWidget      *edit_button;
  AdwActionRow   *secretary_row;
  GtkWidget      *secretary_button;
  AdwExpanderRow *handover_row;
  GtkListBox     *agenda_list;
  AdwEntryRow    *agenda_entry;
  GtkWidget      *agenda_add_button;
  AdwPreferencesGroup *attendance_group;
  GtkWidget      *walk_in_button;
  GtkWidget      *sheet_button;
  GtkWidget      *check_in_box;
  GwPersonSearch *check_in_search;
  GtkListBox     *attendance_list;
  GtkTextView    *minutes_view;
  GtkLabel       *minutes_status;
  GtkWidget      *minutes_save_button;
  GtkListBox     *decisions_list;
  GtkWidget      *decision_form;
  AdwEntryRow    *decision_text_row;
  AdwEntryRow    *decision_outcome_row;
  GtkSpinButton  *votes_for_spin;
  GtkSpinButton  *votes_against_spin;
  GtkSpinButton  *votes_abstain_spin;
  GtkWidget      *decision_add_button;
  GtkListBox     *actions_list;
  GtkWidget      *action_form;
  AdwEntryRow    *action_what_row;
  AdwEntryRow    *action_due_row;
  GtkWidget      *owner_box;
  GwPersonSearch *owner_search;
  GtkWidget      *action_add_button;
};

G_DEFINE_FINAL_TYPE (GwMeetingDetail, gw_meeting_detail, GTK_TYPE_WIDGET)

/* Minutes are stored this long after the last key press. */
#define MINUTES_DELAY_MS 1000
/* Numbered rows for people not expected, under the expected ones. */
#define N_WALK_IN_ROWS 15
/* Rows of a blank sheet. */
#define N_BLANK_ROWS 30

static void refresh (GwMeetingDetail *self);

static gint64
meeting_id (GwMeetingDetail *self)
{
  return self->meeting ? gw_meeting_get_id (self->meeting) : 0;
}

static GtkWindow *
get_window (GwMeetingDetail *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (GwMeetingDetail *self,
            const char      *heading,
            const GError    *error)
{
  GtkWindow *window = get_window (self);

  if (GW_IS_WINDOW (window))
    gw_window_show_error (GW_WINDOW (window), heading, error);
  else
    g_warning ("%s: %s", heading, error ? error->message : "");
}

/* Removes the rows, keeping the placeholder. */
static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static GtkWidget *
new_icon_button (const char *icon_name,
                 const char *tooltip,
                 const char *accessible_label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  return button;
}

static GtkWidget *
new_placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* Minutes */

static char *
dup_minutes_text (GwMeetingDetail *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->minutes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
save_minutes (GwMeetingDetail *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwMeeting) copy = NULL;
  g_autofree char *text = NULL;
  gboolean ok;

  g_clear_handle_id (&self->minutes_source, g_source_remove);

  if (!self->minutes_dirty || self->meeting == NULL || self->store == NULL)
    return TRUE;

  text = dup_minutes_text (self);
  copy = gw_meeting_copy (self->meeting);
  gw_meeting_set_minutes (copy, text);

  /* The page already shows these minutes: no need to build it again. */
  self->ignore_changes++;
  ok = gw_store_update_meeting (self->store, copy, &error);
  self->ignore_changes--;

  if (!ok)
    {
      gtk_label_set_text (self->minutes_status, error->message);
      return FALSE;
    }

  gw_meeting_set_minutes (self->meeting, text);
  self->minutes_dirty = FALSE;
  gtk_label_set_text (self->minutes_status, _("Minutes saved"));
  return TRUE;
}

static gboolean
minutes_timeout_cb (gpointer data)
{
  GwMeetingDetail *self = data;

  self->minutes_source = 0;
  save_minutes (self);
  return G_SOURCE_REMOVE;
}

static void
minutes_changed_cb (GwMeetingDetail *self)
{
  if (self->loading_minutes)
    return;

  self->minutes_dirty = TRUE;
  gtk_label_set_text (self->minutes_status, _("Not saved yet…"));
  g_clear_handle_id (&self->minutes_source, g_source_remove);
  self->minutes_source = g_timeout_add (MINUTES_DELAY_MS, minutes_timeout_cb, self);
}

static void
minutes_save_cb (GwMeetingDetail *self)
{
  self->minutes_dirty = TRUE;
  save_minutes (self);
}

static void
load_minutes (GwMeetingDetail *self)
{
  g_autofree char *shown = NULL;
  const char *stored = self->meeting ? gw_meeting_get_minutes (self->meeting) : "";

  /* Never overwrite what is being typed. */
  if (self->minutes_dirty)
    return;

  shown = dup_minutes_text (self);
  if (g_strcmp0 (shown, stored) == 0)
    return;

  self->loading_minutes = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->minutes_view), stored, -1);
  self->loading_minutes = FALSE;
  gtk_label_set_text (self->minutes_status, "");
}

/* Secretary */

static void
refresh_secretary (GwMeetingDetail *self,
                   gboolean         writable)
{
  g_autoptr(GPtrArray) handover = NULL;
  g_autofree char *today = gw_date_today ();
  g_autofree char *summary = NULL;
  gint64 secretary = gw_meeting_get_secretary_id (self->meeting);

  if (secretary != 0)
    adw_action_row_set_subtitle (self->secretary_row, gw_meeting_get_secretary_name (self->meeting));
  else
    adw_action_row_set_subtitle (self->secretary_row, _("Nobody yet"));
  gtk_button_set_label (GTK_BUTTON (self->secretary_button),
                        secretary != 0 ? _("_Change Secretary…") : _("_Choose Secretary…"));

  for (guint i = 0; i < self->handover_rows->len; i++)
    adw_expander_row_remove (self->handover_row, g_ptr_array_index (self->handover_rows, i));
  g_ptr_array_set_size (self->handover_rows, 0);

  /* The handover matters once someone has taken the role on. */
  gtk_widget_set_visible (GTK_WIDGET (self->handover_row), secretary != 0);
  if (secretary == 0)
    return;

  handover = gw_rotation_list_handover (self->store, today);
  if (handover->len == 0)
    summary = g_strdup (_("No open action items to pass on"));
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u open action item to pass on",
                                            "%u open action items to pass on",
                                            handover->len), handover->len);
  adw_expander_row_set_subtitle (self->handover_row, summary);
  adw_expander_row_set_enable_expansion (self->handover_row, handover->len > 0);

  for (guint i = 0; i < handover->len; i++)
    {
      GwActionItem *item = g_ptr_array_index (handover, i);
      g_autoptr(GString) line = g_string_new (item->owner_name && item->owner_name[0] ? item->owner_name
                                                                                       : _("Nobody yet"));
      GtkWidget *row;

      if (item->due != NULL)
        {
          g_autofree char *due = gw_date_format (item->due);
          /* Translators: %s is a date. */
          g_string_append (line, " · ");
          g_string_append_printf (line, _("due %s"), due);
        }
      if (item->overdue)
        g_string_append_printf (line, " · %s", _("overdue"));
      if (item->meeting_title != NULL)
        g_string_append_printf (line, " · %s", item->meeting_title);

      row = new_row (item->what, line->str);
      if (item->overdue)
        gtk_widget_add_css_class (row, "error");
      adw_expander_row_add_row (self->handover_row, row);
      g_ptr_array_add (self->handover_rows, row);
    }
}

/* Agenda */

static gboolean
store_agenda (GwMeetingDetail *self,
              GPtrArray       *items)
{
  g_autoptr(GError) error = NULL;

  if (!gw_store_set_agenda (self->store, meeting_id (self), items, &error))
    {
      show_error (self, _("Could Not Change the Agenda"), error);
      return FALSE;
    }
  return TRUE;
}

static GPtrArray *
copy_agenda (GwMeetingDetail *self)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_agenda_item_free);

  for (guint i = 0; self->agenda != NULL && i < self->agenda->len; i++)
    g_ptr_array_add (items, gw_agenda_item_copy (g_ptr_array_index (self->agenda, i)));
  return items;
}

static void
agenda_add_cb (GwMeetingDetail *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->agenda_entry))));

  if (text[0] == '\0' || self->meeting == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  items = copy_agenda (self);
  g_ptr_array_add (items, gw_agenda_item_new (text));
  if (store_agenda (self, items))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->agenda_entry), "");
      gtk_widget_grab_focus (GTK_WIDGET (self->agenda_entry));
    }
}

static void
agenda_move_cb (GtkButton       *button,
                GwMeetingDetail *self)
{
  g_autoptr(GPtrArray) items = copy_agenda (self);
  int index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "index"));
  int direction = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "direction"));
  int other = index + direction;
  gpointer swap;

  if (index < 0 || other < 0 || (guint) index >= items->len || (guint) other >= items->len)
    return;

  swap = items->pdata[index];
  items->pdata[index] = items->pdata[other];
  items->pdata[other] = swap;

  if (store_agenda (self, items))
    {
      /* Keep the focus on the same button of the line that moved, so that
       * it can be moved several places with the keyboard. */
      self->agenda_focus = other;
      self->agenda_focus_direction = direction;
    }
}

static void
agenda_remove_cb (GtkButton       *button,
                  GwMeetingDetail *self)
{
  g_autoptr(GPtrArray) items = copy_agenda (self);
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));

  if (index >= items->len)
    return;

  g_ptr_array_remove_index (items, index);
  if (store_agenda (self, items))
    self->refocus = GTK_WIDGET (self->agenda_entry);
}

static GtkWidget *
add_agenda_button (GwMeetingDetail *self,
                   GtkWidget       *row,
                   const char      *icon_name,
                   const char      *tooltip,
                   const char      *text,
                   int              index,
                   int              direction,
                   gboolean         sensitive)
{
  /* Translators: the accessible name of a button on an agenda line, e.g. "Move Up: Rent strike". */
  g_autofree char *label = g_strdup_printf (_("%s: %s"), tooltip, text);
  GtkWidget *button = new_icon_button (icon_name, tooltip, label);

  gtk_widget_set_sensitive (button, sensitive);
  g_object_set_data (G_OBJECT (button), "index", GINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (button), "direction", GINT_TO_POINTER (direction));
  if (direction != 0)
    g_signal_connect (button, "clicked", G_CALLBACK (agenda_move_cb), self);
  else
    g_signal_connect (button, "clicked", G_CALLBACK (agenda_remove_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return button;
}

static void
refresh_agenda (GwMeetingDetail *self,
                gboolean         writable)
{
  GtkWidget *focus = NULL;

  clear_list (self->agenda_list);
  g_clear_pointer (&self->agenda, g_ptr_array_unref);
  self->agenda = gw_store_list_agenda (self->store, meeting_id (self));

  for (guint i = 0; i < self->agenda->len; i++)
    {
      GwAgendaItem *item = g_ptr_array_index (self->agenda, i);
      g_autofree char *number = g_strdup_printf ("%u.", i + 1);
      GtkWidget *row = new_row (item->text, NULL);
      GtkWidget *label = gtk_label_new (number);
      GtkWidget *up, *down;

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), label);
      up = add_agenda_button (self, row, "go-up-symbolic", _("Move Up"), item->text, i, -1,
                              writable && i > 0);
      down = add_agenda_button (self, row, "go-down-symbolic", _("Move Down"), item->text, i, +1,
                                writable && i + 1 < self->agenda->len);
      add_agenda_button (self, row, "user-trash-symbolic", _("Remove from the Agenda"), item->text, i, 0,
                         writable);
      gtk_list_box_append (self->agenda_list, row);

      if (self->agenda_focus == (int) i)
        {
          focus = self->agenda_focus_direction < 0 ? up : down;
          if (!gtk_widget_get_sensitive (focus))
            focus = self->agenda_focus_direction < 0 ? down : up;
        }
    }

  if (focus != NULL)
    gtk_widget_grab_focus (focus);
  self->agenda_focus = -1;
}

/* Attendance */

static void
hours_changed_cb (GtkSpinButton   *spin,
                  GwMeetingDetail *self)
{
  g_autoptr(GError) error = NULL;
  gint64 member_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (spin), "member-id"));
  int minutes = (int) lround (gtk_spin_button_get_value (spin) * 60.0);
  gboolean ok;

  /* Building the list again would take the spin button away while it is
   * being used. */
  self->ignore_changes++;
  ok = gw_store_set_minutes_given (self->store, meeting_id (self), member_id, minutes, &error);
  self->ignore_changes--;

  if (!ok)
    show_error (self, _("Could Not Record the Hours"), error);
}

static void
check_out_clicked_cb (GtkButton       *button,
                      GwMeetingDetail *self)
{
  g_autoptr(GError) error = NULL;
  gint64 member_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "member-id"));

  if (!gw_store_check_out (self->store, meeting_id (self), member_id, &error))
    show_error (self, _("Could Not Check Out"), error);
  else
    self->refocus = GTK_WIDGET (self->check_in_search);
}

static void
check_in_chosen_cb (GwMeetingDetail *self,
                    gint64           member_id,
                    const char      *name)
{
  g_autoptr(GError) error = NULL;

  if (!gw_store_check_in (self->store, meeting_id (self), member_id, &error))
    show_error (self, _("Could Not Check In"), error);
}

static const char *
check_in_note (GwMember *member,
               gboolean *can_choose,
               gpointer  user_data)
{
  GwMeetingDetail *self = user_data;

  if (gw_store_is_checked_in (self->store, meeting_id (self), gw_member_get_id (member)))
    {
      *can_choose = FALSE;
      return _("already checked in");
    }
  return NULL;
}

static void
refresh_attendance (GwMeetingDetail *self,
                    gboolean         writable)
{
  g_autoptr(GPtrArray) attendance = gw_store_list_attendance (self->store, meeting_id (self));
  g_autofree char *count = NULL;

  clear_list (self->attendance_list);

  for (guint i = 0; i < attendance->len; i++)
    {
      GwAttendance *a = g_ptr_array_index (attendance, i);
      g_autofree char *stage = gw_ladder_dup_stage_label (self->store, a->stage);
      g_autoptr(GString) subtitle = g_string_new (stage);
      /* Translators: accessible names of controls on one attendee's line. */
      g_autofree char *hours_label = g_strdup_printf (_("Volunteer hours given by %s"), a->full_name);
      g_autofree char *check_out_label = g_strdup_printf (_("Check Out %s"), a->full_name);
      GtkWidget *row, *spin, *hours, *button;

      if (a->phone != NULL && a->phone[0] != '\0')
        g_string_append_printf (subtitle, " · %s", a->phone);
      if (a->walk_in)
        g_string_append_printf (subtitle, " · %s", _("walk-in"));

      row = new_row (a->full_name, subtitle->str);

      hours = gtk_label_new (_("Hours"));
      gtk_widget_add_css_class (hours, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), hours);

      spin = gtk_spin_button_new_with_range (0, 24, 0.25);
      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 2);
      gtk_spin_button_set_increments (GTK_SPIN_BUTTON (spin), 0.25, 1);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), a->minutes_given / 60.0);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (spin, writable);
      gtk_widget_set_tooltip_text (spin, _("Volunteer hours given at this meeting"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, hours_label, -1);
      g_object_set_data (G_OBJECT (spin), "member-id", GSIZE_TO_POINTER (a->member_id));
      g_signal_connect (spin, "value-changed", G_CALLBACK (hours_changed_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);

      button = gtk_button_new_with_label (_("Check Out"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (button, writable);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, check_out_label, -1);
      g_object_set_data (G_OBJECT (button), "member-id", GSIZE_TO_POINTER (a->member_id));
      g_signal_connect (button, "clicked", G_CALLBACK (check_out_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      gtk_list_box_append (self->attendance_list, row);
    }

  /* Translators: how many people are checked in to a meeting. */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u attending", "%u attending", attendance->len),
                           attendance->len);
  adw_preferences_group_set_description (self->attendance_group, count);
}

/* Decisions */

static void
decision_add_cb (GwMeetingDetail *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwDecision) decision = gw_decision_new (gtk_editable_get_text (GTK_EDITABLE (self->decision_text_row)));

  if (self->meeting == NULL)
    return;

  g_free (decision->outcome);
  decision->outcome = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->decision_outcome_row)));
  decision->votes_for = gtk_spin_button_get_value_as_int (self->votes_for_spin);
  decision->votes_against = gtk_spin_button_get_value_as_int (self->votes_against_spin);
  decision->votes_abstain = gtk_spin_button_get_value_as_int (self->votes_abstain_spin);

  if (gw_store_add_decision (self->store, meeting_id (self), decision, &error) == 0)
    {
      show_error (self, _("Could Not Add the Decision"), error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->decision_text_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->decision_outcome_row), "");
  gtk_spin_button_set_value (self->votes_for_spin, 0);
  gtk_spin_button_set_value (self->votes_against_spin, 0);
  gtk_spin_button_set_value (self->votes_abstain_spin, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->decision_text_row));
}

static void
decision_remove_cb (GtkButton       *button,
                    GwMeetingDetail *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "decision-id"));

  if (!gw_store_remove_decision (self->store, id, &error))
    show_error (self, _("Could Not Remove the Decision"), error);
  else
    self->refocus = GTK_WIDGET (self->decision_text_row);
}

static void
refresh_decisions (GwMeetingDetail *self,
                   gboolean         writable)
{
  g_autoptr(GPtrArray) decisions = gw_store_list_decisions (self->store, meeting_id (self));

  clear_list (self->decisions_list);

  for (guint i = 0; i < decisions->len; i++)
    {
      GwDecision *d = g_ptr_array_index (decisions, i);
      g_autoptr(GString) subtitle = g_string_new (d->outcome ? d->outcome : "");
      /* Translators: the accessible name of a button, %s is what was decided. */
      g_autofree char *remove_label = g_strdup_printf (_("Remove Decision: %s"), d->text);
      GtkWidget *row, *button;

      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      if (d->votes_for == 0 && d->votes_against == 0 && d->votes_abstain == 0)
        g_string_append (subtitle, _("no vote counted"));
      else
        /* Translators: the votes on a decision. */
        g_string_append_printf (subtitle, _("%d for, %d against, %d abstaining"),
                                d->votes_for, d->votes_against, d->votes_abstain);

      row = new_row (d->text, subtitle->str);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      button = new_icon_button ("user-trash-symbolic", _("Remove Decision"), remove_label);
      gtk_widget_set_sensitive (button, writable);
      g_object_set_data (G_OBJECT (button), "decision-id", GSIZE_TO_POINTER (d->id));
      g_signal_connect (button, "clicked", G_CALLBACK (decision_remove_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->decisions_list, row);
    }
}

/* Action items */

static void
action_add_cb (GwMeetingDetail *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *due = NULL;
  const char *typed_due = gtk_editable_get_text (GTK_EDITABLE (self->action_due_row));
  g_autofree char *stripped_due = g_strstrip (g_strdup (typed_due));
  g_autofree char *owner_text = g_strstrip (g_strdup (gw_person_search_get_text (self->owner_search)));
  gint64 owner = gw_person_search_get_member_id (self->owner_search);

  if (self->meeting == NULL)
    return;

  if (stripped_due[0] != '\0')
    {
      due = gw_date_parse_user (stripped_due);
      if (due == NULL)
        {
          g_autoptr(GError) date_error = g_error_new (GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                                                      _("“%s” is not a real date. Write the due date as YYYY-MM-DD."),
                                                      stripped_due);
          show_error (self, _("Could Not Add the Action Item"), date_error);
          gtk_widget_grab_focus (GTK_WIDGET (self->action_due_row));
          return;
        }
    }

  if (owner_text[0] != '\0' && owner == 0)
    {
      g_autoptr(GError) owner_error = g_error_new_literal (GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                                                           _("Choose who takes it on from the list of matches, or leave the owner empty."));
      show_error (self, _("Could Not Add the Action Item"), owner_error);
      gw_person_search_focus (self->owner_search);
      return;
    }

  if (gw_store_add_action (self->store, meeting_id (self),
                           gtk_editable_get_text (GTK_EDITABLE (self->action_what_row)),
                           owner, due, &error) == 0)
    {
      show_error (self, _("Could Not Add the Action Item"), error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->action_what_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->action_due_row), "");
  gw_person_search_clear (self->owner_search);
  gtk_widget_grab_focus (GTK_WIDGET (self->action_what_row));
}

static void
action_done_toggled_cb (GtkCheckButton  *check,
                        GwMeetingDetail *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = gw_date_today ();
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "action-id"));

  if (!gw_store_set_action_done (self->store, id, gtk_check_button_get_active (check) ? today : NULL, &error))
    show_error (self, _("Could Not Change the Action Item"), error);
}

static void
action_remove_cb (GtkButton       *button,
                  GwMeetingDetail *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "action-id"));

  if (!gw_store_remove_action (self->store, id, &error))
    show_error (self, _("Could Not Remove the Action Item"), error);
  else
    self->refocus = GTK_WIDGET (self->action_what_row);
}

static void
refresh_actions (GwMeetingDetail *self,
                 gboolean         writable)
{
  g_autoptr(GPtrArray) actions = gw_store_list_actions (self->store, meeting_id (self));
  g_autofree char *today = gw_date_today ();
  GtkWidget *focused = NULL;
  gint64 focused_id = 0;

  /* Ticking an item off builds the list again: keep the focus on its box. */
  focused = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)) ? gtk_widget_get_root (GTK_WIDGET (self)) : NULL);
  if (focused != NULL && GTK_IS_CHECK_BUTTON (focused) &&
      gtk_widget_is_ancestor (focused, GTK_WIDGET (self->actions_list)))
    focused_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (focused), "action-id"));

  clear_list (self->actions_list);

  for (guint i = 0; i < actions->len; i++)
    {
      GwActionItem *item = g_ptr_array_index (actions, i);
      g_autoptr(GString) subtitle = g_string_new (item->owner_name && item->owner_name[0] ? item->owner_name
                                                                                         : _("Nobody yet"));
      /* Translators: accessible names of the controls on an action item, %s is what needs doing. */
      g_autofree char *done_label = g_strdup_printf (_("Done: %s"), item->what);
      g_autofree char *remove_label = g_strdup_printf (_("Remove Action Item: %s"), item->what);
      gboolean overdue = item->done == NULL && item->due != NULL && strcmp (item->due, today) < 0;
      GtkWidget *row, *check, *button;

      if (item->due != NULL)
        {
          g_autofree char *due = gw_date_format (item->due);

          g_string_append (subtitle, " · ");
          /* Translators: %s is a date. */
          g_string_append_printf (subtitle, _("due %s"), due);
        }
      if (item->done != NULL)
        {
          g_autofree char *done = gw_date_format (item->done);

          g_string_append (subtitle, " · ");
          /* Translators: %s is a date. */
          g_string_append_printf (subtitle, _("done %s"), done);
        }

      row = new_row (item->what, subtitle->str);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);

      check = gtk_check_button_new ();
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), item->done != NULL);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (check, writable);
      gtk_widget_set_tooltip_text (check, _("Done"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, done_label, -1);
      g_object_set_data (G_OBJECT (check), "action-id", GSIZE_TO_POINTER (item->id));
      g_signal_connect (check, "toggled", G_CALLBACK (action_done_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);

      if (overdue)
        {
          GtkWidget *tag = gtk_label_new (_("Overdue"));

          gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (tag, "caption-heading");
          gtk_widget_add_css_class (tag, "error");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
        }

      button = new_icon_button ("user-trash-symbolic", _("Remove Action Item"), remove_label);
      gtk_widget_set_sensitive (button, writable);
      g_object_set_data (G_OBJECT (button), "action-id", GSIZE_TO_POINTER (item->id));
      g_signal_connect (button, "clicked", G_CALLBACK (action_remove_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      gtk_list_box_append (self->actions_list, row);

      if (focused_id != 0 && focused_id == item->id)
        self->refocus = check;
    }
}

/* The whole page */

static void
refresh (GwMeetingDetail *self)
{
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *refocus;
  gboolean writable;
  gint64 id = meeting_id (self);

  g_clear_handle_id (&self->refresh_source, g_source_remove);

  if (self->store == NULL)
    return;

  if (id != 0)
    {
      g_clear_object (&self->meeting);
      self->meeting = gw_store_load_meeting (self->store, id, NULL);
    }

  gtk_widget_set_sensitive (self->box, self->meeting != NULL);
  if (self->meeting == NULL)
    {
      adw_window_title_set_title (self->window_title, "");
      adw_window_title_set_subtitle (self->window_title, "");
      clear_list (self->agenda_list);
      clear_list (self->attendance_list);
      clear_list (self->decisions_list);
      clear_list (self->actions_list);
      return;
    }

  writable = !gw_store_is_read_only (self->store);

  date = gw_date_format (gw_meeting_get_date (self->meeting));
  if (gw_meeting_get_time (self->meeting)[0] != '\0')
    subtitle = g_strdup_printf ("%s · %s %s", gw_meeting_get_kind_label (self->meeting), date,
                                gw_meeting_get_time (self->meeting));
  else
    subtitle = g_strdup_printf ("%s · %s", gw_meeting_get_kind_label (self->meeting), date);
  if (gw_meeting_get_place (self->meeting)[0] != '\0')
    {
      g_autofree char *with_place = g_strdup_printf ("%s · %s", subtitle, gw_meeting_get_place (self->meeting));
      g_free (subtitle);
      subtitle = g_steal_pointer (&with_place);
    }
  adw_window_title_set_title (self->window_title, gw_meeting_get_title (self->meeting));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meeting.edit", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meeting.delete", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meeting.choose-secretary", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meeting.add-walk-in", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meeting.type-sign-in", writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->agenda_entry), writable);
  gtk_widget_set_sensitive (self->agenda_add_button, writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->check_in_search), writable);
  gtk_text_view_set_editable (self->minutes_view, writable);
  gtk_widget_set_sensitive (self->minutes_save_button, writable);
  gtk_widget_set_sensitive (self->decision_form, writable);
  gtk_widget_set_sensitive (self->decision_add_button, writable);
  gtk_widget_set_sensitive (self->action_form, writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->owner_search), writable);
  gtk_widget_set_sensitive (self->action_add_button, writable);

  refresh_secretary (self, writable);
  refresh_agenda (self, writable);
  refresh_attendance (self, writable);
  load_minutes (self);
  refresh_decisions (self, writable);
  refresh_actions (self, writable);

  refocus = g_steal_pointer (&self->refocus);
  if (refocus != NULL)
    gtk_widget_grab_focus (refocus);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  GwMeetingDetail *self = data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Built again once the change is over: a button must not be destroyed in
 * the middle of its own click. */
static void
queue_refresh (GwMeetingDetail *self)
{
  if (self->ignore_changes > 0 || self->meeting == NULL)
    return;
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle_cb, self);
}

static void
meetings_changed_cb (GwStore         *store,
                     gint64           changed_id,
                     GwMeetingDetail *self)
{
  /* Any meeting's action items can be in the handover. */
  queue_refresh (self);
}

static void
members_changed_cb (GwStore         *store,
                    gint64           member_id,
                    GwMeetingDetail *self)
{
  queue_refresh (self);
}

/* Actions */

static void
undo_delete_cb (AdwToast *toast,
                gpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  GwStore *store = g_object_get_data (G_OBJECT (toast), "store");
  GtkWindow *window = g_object_get_data (G_OBJECT (toast), "window");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "meeting-id"));

  if (!gw_store_restore_meeting (store, id, &error))
    {
      if (GW_IS_WINDOW (window))
        gw_window_show_error (GW_WINDOW (window), _("Could Not Undo"), error);
      return;
    }

  if (GW_IS_WINDOW (window))
    gw_window_show_meeting (GW_WINDOW (window), id);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GwMeetingDetail *self = GW_MEETING_DETAIL (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GtkWindow *window = get_window (self);
  gint64 id = meeting_id (self);
  AdwToast *toast;

  if (id == 0)
    return;

  save_minutes (self);
  if (!gw_store_delete_meeting (self->store, id, &error))
    {
      show_error (self, _("Could Not Delete"), error);
      return;
    }

  /* Translators: %s is a meeting's title. */
  {
    g_autofree char *shown = gw_window_shorten (gw_meeting_get_title (self->meeting));

    title = g_strdup_printf (_("“%s” was deleted"), shown);
  }
  g_clear_object (&self->meeting);
  refresh (self);

  if (!GW_IS_WINDOW (window))
    return;

  gw_window_show_meeting (GW_WINDOW (window), 0);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  g_object_set_data_full (G_OBJECT (toast), "store", g_object_ref (self->store), g_object_unref);
  g_object_set_data (G_OBJECT (toast), "window", window);
  g_object_set_data (G_OBJECT (toast), "meeting-id", GSIZE_TO_POINTER (id));
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_delete_cb), NULL);
  gw_window_add_toast (GW_WINDOW (window), toast);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GwMeetingDetail *self = GW_MEETING_DETAIL (widget);

  if (self->meeting == NULL)
    return;

  save_minutes (self);
  gtk_window_present (GTK_WINDOW (gw_meeting_editor_new (get_window (self), self->store, meeting_id (self))));
}

static void
choose_secretary_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  GwMeetingDetail *self = GW_MEETING_DETAIL (widget);

  if (self->meeting != NULL)
    gtk_window_present (GTK_WINDOW (gw_secretary_chooser_new (get_window (self), self->store, meeting_id (self))));
}

static void
add_walk_in_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  GwMeetingDetail *self = GW_MEETING_DETAIL (widget);

  if (self->meeting != NULL)
    gtk_window_present (GTK_WINDOW (gw_walk_in_dialog_new (get_window (self), self->store, meeting_id (self))));
}

static void
type_sign_in_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  GwMeetingDetail *self = GW_MEETING_DETAIL (widget);

  if (self->meeting != NULL)
    gtk_window_present (GTK_WINDOW (gw_sign_in_dialog_new (get_window (self), self->store, meeting_id (self))));
}

/* The people a sign-in sheet lists by name: everyone active on the roster. */
static GPtrArray *
dup_expected (GwMeetingDetail *self)
{
  g_autoptr(GwMemberList) members = gw_member_list_new (self->store);
  GPtrArray *expected = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_autoptr(GPtrArray) attending = gw_store_list_attendance (self->store,
                                                             gw_meeting_get_id (self->meeting));
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  /* Everyone active is expected, and so is anyone already checked in,
   * active or not, so that a sheet printed during or after the meeting
   * names everyone who came. */
  gw_member_list_set_status_filter (members, GW_STATUS_ACTIVE);
  n = g_list_model_get_n_items (G_LIST_MODEL (members));
  for (guint i = 0; i < n; i++)
    {
      GwMember *member = g_list_model_get_item (G_LIST_MODEL (members), i);
      gint64 id = gw_member_get_id (member);

      g_hash_table_add (listed, g_memdup2 (&id, sizeof id));
      g_ptr_array_add (expected, member);
    }

  for (guint i = 0; i < attending->len; i++)
    {
      GwAttendance *attendance = g_ptr_array_index (attending, i);
      GwMember *member;

      if (g_hash_table_contains (listed, &attendance->member_id))
        continue;

      member = gw_store_load_member (self->store, attendance->member_id, NULL);
      if (member != NULL)
        g_ptr_array_add (expected, member);
    }

  return expected;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  GwMeetingDetail *self = GW_MEETING_DETAIL (widget);
  g_autoptr(GwPrintDocument) document = NULL;
  const char *what = g_variant_get_string (param, NULL);

  if (self->meeting == NULL)
    return;

  /* What is printed is what is on the screen, the minutes being typed too. */
  save_minutes (self);

  if (g_str_has_prefix (what, "sign-in"))
    {
      g_autoptr(GPtrArray) expected = NULL;

      if (g_str_equal (what, "sign-in-blank"))
        document = gw_print_sign_in_new (self->store, self->meeting, NULL, N_BLANK_ROWS, GW_PRINT_SIGN_IN_BLANK);
      else
        {
          expected = dup_expected (self);
          document = gw_print_sign_in_new (self->store, self->meeting, expected, N_WALK_IN_ROWS,
                                           g_str_equal (what, "sign-in-languages") ? GW_PRINT_SIGN_IN_LANGUAGES
                                                                                   : GW_PRINT_SIGN_IN_DEFAULT);
        }
    }
  else
    {
      g_autoptr(GPtrArray) agenda = gw_store_list_agenda (self->store, meeting_id (self));

      if (g_str_equal (what, "agenda"))
        document = gw_print_agenda_new (self->store, self->meeting, agenda);
      else
        {
          g_autoptr(GPtrArray) decisions = gw_store_list_decisions (self->store, meeting_id (self));
          g_autoptr(GPtrArray) actions = gw_store_list_actions (self->store, meeting_id (self));

          document = gw_print_minutes_new (self->store, self->meeting, agenda, decisions, actions);
        }
    }

  if (document != NULL)
    gw_print_preview_present (get_window (self), document);
}

/* Public */

void
gw_meeting_detail_set_store (GwMeetingDetail *self,
                             GwStore         *store)
{
  g_return_if_fail (GW_IS_MEETING_DETAIL (self));
  g_return_if_fail (GW_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "meetings-changed", G_CALLBACK (meetings_changed_cb), self, 0);
  g_signal_connect_object (store, "members-changed", G_CALLBACK (members_changed_cb), self, 0);
  gw_person_search_set_store (self->check_in_search, store);
  gw_person_search_set_store (self->owner_search, store);
}

/**
 * gw_meeting_detail_set_meeting:
 * @meeting_id: the meeting to show
 *
 * Shows the meeting, after storing the minutes typed for the one shown
 * before.
 */
void
gw_meeting_detail_set_meeting (GwMeetingDetail *self,
                               gint64           id)
{
  g_return_if_fail (GW_IS_MEETING_DETAIL (self));

  save_minutes (self);
  self->minutes_dirty = FALSE;

  if (id != meeting_id (self))
    {
      gtk_label_set_text (self->minutes_status, "");
      gtk_editable_set_text (GTK_EDITABLE (self->agenda_entry), "");
      gw_person_search_clear (self->check_in_search);
      gtk_editable_set_text (GTK_EDITABLE (self->decision_text_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->decision_outcome_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->action_what_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->action_due_row), "");
      gw_person_search_clear (self->owner_search);
    }

  g_clear_object (&self->meeting);
  if (self->store != NULL && id > 0)
    self->meeting = gw_store_load_meeting (self->store, id, NULL);
  refresh (self);
}

gint64
gw_meeting_detail_get_meeting (GwMeetingDetail *self)
{
  g_return_val_if_fail (GW_IS_MEETING_DETAIL (self), 0);
  return meeting_id (self);
}

static void
gw_meeting_detail_unmap (GtkWidget *widget)
{
  /* Leaving the page stores the minutes at once. */
  save_minutes (GW_MEETING_DETAIL (widget));
  GTK_WIDGET_CLASS (gw_meeting_detail_parent_class)->unmap (widget);
}

static void
gw_meeting_detail_dispose (GObject *object)
{
  GwMeetingDetail *self = GW_MEETING_DETAIL (object);

  if (self->minutes_source != 0)
    save_minutes (self);
  g_clear_handle_id (&self->minutes_source, g_source_remove);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->refocus = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), GW_TYPE_MEETING_DETAIL);
  g_clear_pointer (&self->agenda, g_ptr_array_unref);
  g_clear_pointer (&self->handover_rows, g_ptr_array_unref);
  g_clear_object (&self->meeting);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gw_meeting_detail_parent_class)->dispose (object);
}

static void
gw_meeting_detail_class_init (GwMeetingDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_meeting_detail_dispose;
  widget_class->unmap = gw_meeting_detail_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/groundwork/Groundwork/gw-meeting-detail.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, GwMeetingDetail, box);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingDetail, window_title);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingDetail, delete_button);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingDetail, print_button);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingDetail, edit_button);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingDetail, secretary_row);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingDetail, secretary_button);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingDetail, handover_row);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingDetail, agenda_list);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingDetail, agenda_entry);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingDetail, agenda_add_button);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingDetail, attendance_group);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingDetail, walk_in_button);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingDetail, sheet_button);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingDetail, check_in_box);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingDetail, attendance_list);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingDetail, minutes_view);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingDetail, minutes_status);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingDetail, minutes_save_button);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingDetail, decisions_list);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingDetail, decision_form);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingDetail, decision_text_row);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingDetail, decision_outcome_row);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingDetail, votes_for_spin);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingDetail, votes_against_spin);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingDetail, votes_abstain_spin);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingDetail, decision_add_button);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingDetail, actions_list);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingDetail, action_form);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingDetail, action_what_row);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingDetail, action_due_row);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingDetail, owner_box);
  gtk_widget_class_bind_template_child (widget_class, GwMeetingDetail, action_add_button);

  gtk_widget_class_bind_template_callback (widget_class, agenda_add_cb);
  gtk_widget_class_bind_template_callback (widget_class, minutes_save_cb);
  gtk_widget_class_bind_template_callback (widget_class, decision_add_cb);
  gtk_widget_class_bind_template_callback (widget_class, action_add_cb);

  gtk_widget_class_install_action (widget_class, "meeting.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "meeting.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "meeting.print", "s", print_action);
  gtk_widget_class_install_action (widget_class, "meeting.choose-secretary", NULL, choose_secretary_action);
  gtk_widget_class_install_action (widget_class, "meeting.add-walk-in", NULL, add_walk_in_action);
  gtk_widget_class_install_action (widget_class, "meeting.type-sign-in", NULL, type_sign_in_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "meeting.print", "s", "sign-in");
}

static void
gw_meeting_detail_init (GwMeetingDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->agenda_focus = -1;
  self->handover_rows = g_ptr_array_new ();

  self->check_in_search = GW_PERSON_SEARCH (gw_person_search_new (_("Check in someone (type a name)"), _("Check In")));
  gw_person_search_set_note_func (self->check_in_search, check_in_note, self);
  g_signal_connect_swapped (self->check_in_search, "chosen", G_CALLBACK (check_in_chosen_cb), self);
  gtk_box_append (GTK_BOX (self->check_in_box), GTK_WIDGET (self->check_in_search));

  self->owner_search = GW_PERSON_SEARCH (gw_person_search_new (_("Owner (type a name; optional)"), NULL));
  gw_person_search_set_clear_on_choose (self->owner_search, FALSE);
  gtk_box_append (GTK_BOX (self->owner_box), GTK_WIDGET (self->owner_search));

  gtk_list_box_set_placeholder (self->agenda_list, new_placeholder (_("No agenda yet")));
  gtk_list_box_set_placeholder (self->attendance_list, new_placeholder (_("Nobody is checked in yet")));
  gtk_list_box_set_placeholder (self->decisions_list, new_placeholder (_("No decisions recorded")));
  gtk_list_box_set_placeholder (self->actions_list, new_placeholder (_("No action items")));

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->minutes_view), "changed",
                            G_CALLBACK (minutes_changed_cb), self);
}
