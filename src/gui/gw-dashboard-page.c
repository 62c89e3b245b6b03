/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gw-dashboard.h"
#include "gw-dashboard-page.h"
#include "gw-date.h"
#include "gw-ladder.h"
#include "gw-rotation.h"
#include "gw-store-meetings.h"
#include "gw-store-members.h"

/* The state of the organization at a glance. Each tile leads to the page
 * behind it; the figures come from a few SQL aggregates (gw-dashboard.h)
 * and are worked out again shortly after anything changes. */
struct _GwDashboardPage
{
  GtkWidget  parent_instance;

  GwStore   *store;
  guint      refresh_source;

  GtkWidget *stack;
  GtkWidget *flow_box;
};

G_DEFINE_FINAL_TYPE (GwDashboardPage, gw_dashboard_page, GTK_TYPE_WIDGET)

#define N_LISTED 6

/* Lines wrap at this width so that three tiles fit side by side. */
#define TILE_CHARS 34

static GtkWidget *
add_tile (GwDashboardPage *self,
          const char      *title,
          const char      *page,
          const char      *page_label)
{
  GtkWidget *tile = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_widget_add_css_class (tile, "card");
  gtk_widget_add_css_class (tile, "dashboard-tile");
  gtk_widget_set_size_request (tile, 280, -1);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (tile), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_box_append (GTK_BOX (tile), heading);
  gtk_widget_set_vexpand (content, TRUE);
  gtk_box_append (GTK_BOX (tile), content);

  if (page != NULL)
    {
      GtkWidget *button = gtk_button_new_with_label (page_label);

      gtk_widget_set_halign (button, GTK_ALIGN_END);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-page");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", page);
      gtk_box_append (GTK_BOX (tile), button);
    }

  gtk_flow_box_append (GTK_FLOW_BOX (self->flow_box), tile);
  return content;
}

static GtkWidget *
add_line (GtkWidget  *content,
          const char *text,
          gboolean    dim)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), TILE_CHARS);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (content), label);
  return label;
}

/* A line that opens a person or a meeting. */
static void
add_link (GtkWidget  *content,
          const char *text,
          const char *detail,
          const char *action,
          gint64      id)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), TILE_CHARS);
  gtk_box_append (GTK_BOX (box), label);

  if (detail != NULL && detail[0] != '\0')
    {
      GtkWidget *sub = gtk_label_new (detail);

      gtk_label_set_xalign (GTK_LABEL (sub), 0);
      gtk_label_set_wrap (GTK_LABEL (sub), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (sub), TILE_CHARS);
      gtk_widget_add_css_class (sub, "dim-label");
      gtk_widget_add_css_class (sub, "caption");
      gtk_box_append (GTK_BOX (box), sub);
    }

  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_box_append (GTK_BOX (content), button);
}

static char *
format_change (int change)
{
  if (change > 0)
    return g_strdup_printf ("+%d", change);
  if (change < 0)
    return g_strdup_printf ("−%d", -change);
  return g_strdup ("±0");
}

static void
fill_stages (GwDashboardPage *self,
             const char      *today)
{
  GwStageFigures figures;
  GtkWidget *content = add_tile (self, _("People per Stage"), "roster", _("Open the Roster"));
  GtkWidget *grid = gtk_grid_new ();
  const char *headings[] = { "", N_("Now"), N_("30 days"), N_("90 days") };

  gw_dashboard_get_stage_figures (self->store, today, &figures);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  for (guint c = 1; c < G_N_ELEMENTS (headings); c++)
    {
      GtkWidget *label = gtk_label_new (_(headings[c]));
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_grid_attach (GTK_GRID (grid), label, c, 0, 1, 1);
    }

  for (guint stage = 0; stage < GW_N_STAGES; stage++)
    {
      g_autofree char *label = gw_ladder_dup_stage_label (self->store, stage);
      g_autofree char *now = g_strdup_printf ("%u", figures.now[stage]);
      g_autofree char *c30 = format_change (figures.change_30[stage]);
      g_autofree char *c90 = format_change (figures.change_90[stage]);
      g_autofree char *accessible = g_strdup_printf (_("%s: %u now, %s in 30 days, %s in 90 days"),
                                                     label, figures.now[stage], c30, c90);
      GtkWidget *button = gtk_button_new_with_label (label);
      const char *values[] = { now, c30, c90 };

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-stage");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (gint32) stage);
      gtk_widget_set_tooltip_text (button, accessible);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      gtk_grid_attach (GTK_GRID (grid), button, 0, stage + 1, 1, 1);

      for (guint c = 0; c < G_N_ELEMENTS (values); c++)
        {
          GtkWidget *value = gtk_label_new (values[c]);
          gtk_label_set_xalign (GTK_LABEL (value), 1);
          if (c == 0)
            gtk_widget_add_css_class (value, "title-3");
          gtk_grid_attach (GTK_GRID (grid), value, c + 1, stage + 1, 1, 1);
        }
    }

  gtk_box_append (GTK_BOX (content), grid);
}

static void
fill_ready (GwDashboardPage *self,
            const char      *today)
{
  g_autoptr(GPtrArray) ready = gw_dashboard_list_ready (self->store, today, N_LISTED);
  GtkWidget *content = add_tile (self, _("Ready for Promotion"), NULL, NULL);

  if (ready->len == 0)
    add_line (content, _("Nobody is close to their next step yet."), TRUE);

  for (guint i = 0; i < ready->len; i++)
    {
      GwPromotionCandidate *candidate = g_ptr_array_index (ready, i);
      g_autofree char *target = gw_ladder_dup_stage_label (self->store, candidate->target);
      g_autofree char *detail = NULL;

      if (candidate->n_missing == 0)
        /* Translators: "Ready to become Member". */
        detail = g_strdup_printf (_("Ready to become %s"), target);
      else
        /* Translators: "To become Member: Study sessions attended: 1 of 2". */
        detail = g_strdup_printf (_("To become %s: %s"), target, candidate->missing);

      add_link (content, candidate->full_name, detail, "win.show-member", candidate->member_id);
    }
}

static void
fill_not_seen (GwDashboardPage *self,
               const char      *today)
{
  guint n_total = 0;
  g_autoptr(GPtrArray) absent = gw_dashboard_list_not_seen (self->store, today, 60, N_LISTED, &n_total);
  GtkWidget *content = add_tile (self, _("Not Seen for 60 Days"), NULL, NULL);

  if (n_total == 0)
    add_line (content, _("Everyone active has come to a meeting in the last 60 days."), TRUE);
  else
    {
      g_autofree char *summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u person to call",
                                                               "%u people to call", n_total),
                                                  n_total);
      add_line (content, summary, FALSE);
    }

  for (guint i = 0; i < absent->len; i++)
    {
      GwAbsence *absence = g_ptr_array_index (absent, i);
      g_autofree char *detail = NULL;

      if (absence->last_seen != NULL)
        {
          g_autofree char *seen = gw_date_format (absence->last_seen);
          detail = g_strdup_printf (_("%s · last seen %s"), absence->phone[0] ? absence->phone : _("no phone"), seen);
        }
      else
        detail = g_strdup_printf (_("%s · never seen at a meeting"), absence->phone[0] ? absence->phone : _("no phone"));

      add_link (content, absence->full_name, detail, "win.show-member", absence->member_id);
    }

  if (n_total > absent->len)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                                            n_total - absent->len),
                                               n_total - absent->len);
      add_line (content, more, TRUE);
    }
}

static void
fill_meetings (GwDashboardPage *self,
               const char      *today)
{
  g_autoptr(GPtrArray) upcoming = gw_store_list_upcoming_meetings (self->store, today, 3);
  g_autoptr(GwRotationCandidate) current = gw_rotation_dup_current (self->store, today);
  g_autoptr(GwRotationCandidate) next = gw_rotation_dup_next (self->store, today);
  GtkWidget *content = add_tile (self, _("Meetings and Secretary"), "meetings", _("Open Meetings"));
  g_autofree char *current_line = NULL;
  g_autofree char *next_line = NULL;

  if (upcoming->len == 0)
    add_line (content, _("No meeting planned. Plan the next one in Meetings."), TRUE);

  for (guint i = 0; i < upcoming->len; i++)
    {
      GwMeeting *meeting = g_ptr_array_index (upcoming, i);
      g_autofree char *date = gw_date_format (gw_meeting_get_date (meeting));
      g_autofree char *detail = g_strdup_printf ("%s %s · %s", date, gw_meeting_get_time (meeting),
                                                 gw_meeting_get_place (meeting));

      add_link (content, gw_meeting_get_title (meeting), detail, "win.show-meeting", gw_meeting_get_id (meeting));
    }

  current_line = g_strdup_printf (_("This term’s secretary: %s"), current ? current->full_name : _("nobody yet"));
  next_line = g_strdup_printf (_("Next: %s"), next ? next->full_name : _("nobody in the pool"));
  add_line (content, current_line, FALSE);
  add_line (content, next_line, FALSE);
}

static void
fill_actions (GwDashboardPage *self,
              const char      *today)
{
  g_autoptr(GPtrArray) open = gw_store_list_open_actions (self->store, today);
  GtkWidget *content = add_tile (self, _("Action Items"), "meetings", _("Open Meetings"));
  g_autofree char *summary = NULL;
  guint n_open = 0, n_overdue = 0;

  gw_dashboard_count_actions (self->store, today, &n_open, &n_overdue);
  summary = g_strdup_printf (_("%u open, %u overdue"), n_open, n_overdue);
  add_line (content, summary, FALSE);

  for (guint i = 0; i < open->len && i < N_LISTED; i++)
    {
      GwActionItem *item = g_ptr_array_index (open, i);
      g_autofree char *due = item->due ? gw_date_format (item->due) : NULL;
      g_autofree char *detail = NULL;
      const char *owner = item->owner_name && item->owner_name[0] ? item->owner_name : _("nobody yet");

      if (item->overdue)
        detail = g_strdup_printf (_("%s · overdue since %s"), owner, due);
      else if (due != NULL)
        detail = g_strdup_printf (_("%s · due %s"), owner, due);
      else
        detail = g_strdup (owner);

      add_link (content, item->what, detail, "win.show-meeting", item->meeting_id);
    }
}

static void
fill_participation (GwDashboardPage *self,
                    const char      *today)
{
  g_autofree char *from = gw_date_add_days (today, -90);
  g_autoptr(GwParticipation) p = gw_dashboard_dup_participation (self->store, from, today);
  GtkWidget *content = add_tile (self, _("Participation, Last 90 Days"), NULL, NULL);
  g_autofree char *people = NULL;
  g_autofree char *attendances = NULL;
  g_autofree char *actions = NULL;
  g_autofree char *hours = NULL;

  if (p->n_people == 0)
    {
      add_line (content, _("Nobody has taken part in a meeting in the last 90 days."), TRUE);
      return;
    }

  people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u person took part; the most active tenth is %u person.",
                                         "%u people took part; the most active tenth is %u people.",
                                         p->n_people),
                            p->n_people, p->n_top);
  attendances = g_strdup_printf (_("They made %.0f%% of the attendances"), p->attendance_share * 100.0);
  actions = g_strdup_printf (_("took %.0f%% of the action items"), p->action_share * 100.0);
  hours = g_strdup_printf (_("and gave %.0f%% of the volunteer hours."), p->minutes_share * 100.0);

  add_line (content, people, FALSE);
  add_line (content, attendances, FALSE);
  add_line (content, actions, FALSE);
  add_line (content, hours, FALSE);

  if (p->warning != NULL)
    {
      GtkWidget *warning = add_line (content, p->warning, FALSE);
      gtk_widget_add_css_class (warning, "warning");
    }
}

static void
refresh (GwDashboardPage *self)
{
  g_autofree char *today = gw_date_today ();
  GtkWidget *child;

  if (self->store == NULL)
    return;

  if (gw_store_count_members (self->store) == 0)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
      return;
    }

  while ((child = gtk_widget_get_first_child (self->flow_box)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->flow_box), child);

  fill_stages (self, today);
  fill_meetings (self, today);
  fill_actions (self, today);
  fill_ready (self, today);
  fill_not_seen (self, today);
  fill_participation (self, today);

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "tiles");
}

static gboolean
refresh_cb (gpointer user_data)
{
  GwDashboardPage *self = user_data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (GwDashboardPage *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_timeout_add (200, refresh_cb, self);
}

void
gw_dashboard_page_set_store (GwDashboardPage *self,
                             GwStore         *store)
{
  g_return_if_fail (GW_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "members-changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "meetings-changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "settings-changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  refresh (self);
}

static void
gw_dashboard_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (gw_dashboard_page_parent_class)->map (widget);

  /* "Today" moves on while the window stays open. */
  queue_refresh (GW_DASHBOARD_PAGE (widget));
}

static void
gw_dashboard_page_dispose (GObject *object)
{
  GwDashboardPage *self = GW_DASHBOARD_PAGE (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_pointer (&self->stack, gtk_widget_unparent);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gw_dashboard_page_parent_class)->dispose (object);
}

static void
gw_dashboard_page_class_init (GwDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_dashboard_page_dispose;
  widget_class->map = gw_dashboard_page_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gw_dashboard_page_init (GwDashboardPage *self)
{
  GtkWidget *scroller, *clamp, *empty, *buttons, *button;

  self->stack = gtk_stack_new ();
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));

  self->flow_box = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->flow_box), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->flow_box), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->flow_box), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->flow_box), 3);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->flow_box), 12);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->flow_box), 12);
  gtk_widget_set_valign (self->flow_box, GTK_ALIGN_START);
  gtk_widget_set_margin_top (self->flow_box, 18);
  gtk_widget_set_margin_bottom (self->flow_box, 18);
  gtk_widget_set_margin_start (self->flow_box, 12);
  gtk_widget_set_margin_end (self->flow_box, 12);

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1100);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->flow_box);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_stack_add_named (GTK_STACK (self->stack), scroller, "tiles");

  empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "system-users-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No One on the Roster Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Add the first person, or open the demo to see a living organization."));
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  button = gtk_button_new_with_mnemonic (_("_Add the First Person"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.add-member");
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), button);
  button = gtk_button_new_with_mnemonic (_("Open the _Demo"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "app.open-demo");
  gtk_widget_add_css_class (button, "pill");
  gtk_box_append (GTK_BOX (buttons), button);
  adw_status_page_set_child (ADW_STATUS_PAGE (empty), buttons);
  gtk_stack_add_named (GTK_STACK (self->stack), empty, "empty");
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
}
