/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "gw-dashboard.h"
#include "gw-dashboard-page.h"
#include "gw-date.h"
#include "gw-ladder.h"
#include "gw-store-ledger.h"
#include "gw-rotation.h"
#include "gw-store-meetings.h"
#include "gw-store-members.h"
#include "gw-store-notebook.h"

#define N_LISTED 6

/* Lines wrap at this width so that three tiles fit side by side. */
#define TILE_CHARS 34

/* The state of the organization at a glance. Each tile leads to the page
 * behind it; the figures come from a few SQL aggregates (gw-dashboard.h)
 * and are worked out again shortly after anything changes. */
struct _GwDashboardPage
{
  GtkWidget     parent_instance;

  GwStore      *store;
  GwStore      *reader;        /* a second connection, for the worker thread */
  GCancellable *cancellable;
  guint         refresh_source;
  guint         computing : 1;
  guint         again : 1;

  GtkWidget    *stack;
  GtkWidget    *flow_box;
};

/* Everything the tiles show, worked out in a worker thread: at 100,000
 * people some figures take a few hundred milliseconds of SQL, which must
 * not freeze the window. */
typedef struct
{
  guint                n_members;
  gboolean             empty;
  char                *today;
  char                *stage_labels[GW_N_STAGES];
  GwStageFigures       stages;
  GPtrArray           *ready;
  GPtrArray           *not_seen;
  guint                n_not_seen;
  GPtrArray           *upcoming;
  GwRotationCandidate *current;
  GwRotationCandidate *next;
  GPtrArray           *open_actions;
  guint                n_open;
  guint                n_overdue;
  GwParticipation     *participation;
  GPtrArray           *top_needs;
  GPtrArray           *rules_due;
  GPtrArray           *recent_notes;
  GPtrArray           *balances;
  GwIndependence      *independence;
  GPtrArray           *forbidden;
} Figures;

static void
figures_free (Figures *f)
{
  g_free (f->today);
  for (guint i = 0; i < GW_N_STAGES; i++)
    g_free (f->stage_labels[i]);
  g_clear_pointer (&f->ready, g_ptr_array_unref);
  g_clear_pointer (&f->not_seen, g_ptr_array_unref);
  g_clear_pointer (&f->upcoming, g_ptr_array_unref);
  g_clear_pointer (&f->current, gw_rotation_candidate_free);
  g_clear_pointer (&f->next, gw_rotation_candidate_free);
  g_clear_pointer (&f->open_actions, g_ptr_array_unref);
  g_clear_pointer (&f->participation, gw_participation_free);
  g_clear_pointer (&f->top_needs, g_ptr_array_unref);
  g_clear_pointer (&f->rules_due, g_ptr_array_unref);
  g_clear_pointer (&f->recent_notes, g_ptr_array_unref);
  g_clear_pointer (&f->balances, g_ptr_array_unref);
  g_clear_pointer (&f->independence, gw_independence_free);
  g_clear_pointer (&f->forbidden, g_ptr_array_unref);
  g_free (f);
}

static Figures *
compute (GwStore    *store,
         const char *today)
{
  Figures *f = g_new0 (Figures, 1);
  g_autofree char *from = gw_date_add_days (today, -90);
  g_autofree char *year_ago = gw_date_add_days (today, -364);

  f->today = g_strdup (today);
  f->n_members = gw_store_count_members (store);

  for (guint i = 0; i < GW_N_STAGES; i++)
    f->stage_labels[i] = gw_ladder_dup_stage_label (store, i);
  gw_dashboard_get_stage_figures (store, today, &f->stages);
  f->ready = gw_dashboard_list_ready (store, today, N_LISTED);
  f->not_seen = gw_dashboard_list_not_seen (store, today, 60, N_LISTED, &f->n_not_seen);
  f->upcoming = gw_store_list_upcoming_meetings (store, today, 3);
  f->current = gw_rotation_dup_current (store, today);
  f->next = gw_rotation_dup_next (store, today);
  f->open_actions = gw_store_list_open_actions (store, today);
  gw_dashboard_count_actions (store, today, &f->n_open, &f->n_overdue);
  f->participation = gw_dashboard_dup_participation (store, from, today);
  f->top_needs = gw_store_list_top_needs (store, N_LISTED);
  f->rules_due = gw_store_list_rules_due (store, today);
  f->recent_notes = gw_store_list_recent_notes (store, N_LISTED);
  f->balances = gw_store_list_balances (store);
  f->independence = gw_store_get_independence (store, year_ago, today, NULL);
  f->forbidden = gw_ledger_list_forbidden_entries (store, NULL, NULL);

  /* An organization may start with its notebook or its ledger before its
   * roster: the dashboard is empty only when everything is. */
  f->empty = f->n_members == 0 && f->recent_notes->len == 0 &&
             gw_store_count_ledger (store, NULL) == 0;

  return f;
}

G_DEFINE_FINAL_TYPE (GwDashboardPage, gw_dashboard_page, GTK_TYPE_WIDGET)



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

/* A line that opens a person, a meeting or a thing of the notebook. */
static void
add_link_to (GtkWidget  *content,
             const char *text,
             const char *detail,
             const char *action,
             GVariant   *target)
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
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_box_append (GTK_BOX (content), button);
}

static void
add_link (GtkWidget  *content,
          const char *text,
          const char *detail,
          const char *action,
          gint64      id)
{
  add_link_to (content, text, detail, action, g_variant_new_int64 (id));
}

/* A line that opens a note, force, need, contradiction or rule. */
static void
add_notebook_link (GtkWidget  *content,
                   const char *text,
                   const char *detail,
                   const char *kind,
                   gint64      id)
{
  add_link_to (content, text, detail, "win.show-notebook", g_variant_new ("(sx)", kind, id));
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
             Figures         *f)
{
  GwStageFigures figures = f->stages;
  GtkWidget *content = add_tile (self, _("People per Stage"), "roster", _("Open the Roster"));
  GtkWidget *grid = gtk_grid_new ();
  const char *headings[] = { "", N_("Now"), N_("30 days"), N_("90 days") };

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
      const char *label = f->stage_labels[stage];
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
            Figures         *f)
{
  GPtrArray *ready = f->ready;
  GtkWidget *content = add_tile (self, _("Ready for Promotion"), NULL, NULL);

  if (ready->len == 0)
    add_line (content, _("Nobody is close to their next step yet."), TRUE);

  for (guint i = 0; i < ready->len; i++)
    {
      GwPromotionCandidate *candidate = g_ptr_array_index (ready, i);
      const char *target = f->stage_labels[candidate->target];
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
               Figures         *f)
{
  guint n_total = f->n_not_seen;
  GPtrArray *absent = f->not_seen;
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
               Figures         *f)
{
  GPtrArray *upcoming = f->upcoming;
  GwRotationCandidate *current = f->current;
  GwRotationCandidate *next = f->next;
  GtkWidget *content = add_tile (self, _("Meetings and Secretary"), "meetings", _("Open Meetings"));
  g_autofree char *current_line = NULL;
  g_autofree char *next_line = NULL;

  if (upcoming->len == 0)
    add_line (content, _("No meeting planned. Plan the next one in Meetings."), TRUE);

  for (guint i = 0; i < upcoming->len; i++)
    {
      GwMeeting *meeting = g_ptr_array_index (upcoming, i);
      g_autofree char *date = gw_date_format (gw_meeting_get_date (meeting));
      guint n = gw_meeting_get_n_attending (meeting);
      g_autofree char *attending = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u attending",
                                                                 "%u attending", n), n);
      g_autoptr(GString) detail = g_string_new (date);

      if (gw_meeting_get_time (meeting)[0] != '\0')
        g_string_append_printf (detail, " %s", gw_meeting_get_time (meeting));
      if (gw_meeting_get_place (meeting)[0] != '\0')
        g_string_append_printf (detail, " · %s", gw_meeting_get_place (meeting));
      if (n > 0)
        g_string_append_printf (detail, " · %s", attending);

      add_link (content, gw_meeting_get_title (meeting), detail->str, "win.show-meeting", gw_meeting_get_id (meeting));
    }

  current_line = g_strdup_printf (_("This term’s secretary: %s"), current ? current->full_name : _("nobody yet"));
  next_line = g_strdup_printf (_("Next: %s"), next ? next->full_name : _("nobody in the pool"));
  add_line (content, current_line, FALSE);
  add_line (content, next_line, FALSE);
}

static void
fill_actions (GwDashboardPage *self,
              Figures         *f)
{
  GPtrArray *open = f->open_actions;
  GtkWidget *content = add_tile (self, _("Action Items"), "meetings", _("Open Meetings"));
  g_autofree char *summary = NULL;

  {
    g_autofree char *n_open = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open", "%u open", f->n_open), f->n_open);
    g_autofree char *n_overdue = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue", f->n_overdue),
                                                  f->n_overdue);

    /* Translators: "3 open, 1 overdue", of action items. */
    summary = g_strdup_printf (_("%s, %s"), n_open, n_overdue);
  }
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
                    Figures         *f)
{
  GwParticipation *p = f->participation;
  GtkWidget *content = add_tile (self, _("Participation, Last 90 Days"), "meetings", _("Open Meetings"));
  g_autofree char *people = NULL;
  g_autofree char *top = NULL;
  g_autofree char *attendances = NULL;
  g_autofree char *actions = NULL;
  g_autofree char *hours = NULL;

  if (p->n_people == 0)
    {
      add_line (content, _("Nobody has taken part in a meeting in the last 90 days."), TRUE);
      return;
    }

  people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person took part.",
                                         "%u people took part.", p->n_people),
                            p->n_people);
  top = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The most active tenth, %u person:",
                                      "The most active tenth, %u people:", p->n_top),
                         p->n_top);
  attendances = g_strdup_printf (_("made %.0f%% of the attendances,"), p->attendance_share * 100.0);
  actions = g_strdup_printf (_("took %.0f%% of the action items,"), p->action_share * 100.0);
  hours = g_strdup_printf (_("gave %.0f%% of the volunteer hours."), p->minutes_share * 100.0);

  add_line (content, people, FALSE);
  add_line (content, top, FALSE);
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
fill_needs (GwDashboardPage *self,
            Figures         *f)
{
  GtkWidget *content = add_tile (self, _("Needs Raised Most"), "notebook", _("Open the Notebook"));

  if (f->top_needs->len == 0)
    add_line (content, _("No struggle or need written down yet."), TRUE);

  for (guint i = 0; i < f->top_needs->len; i++)
    {
      GwNeed *need = g_ptr_array_index (f->top_needs, i);
      /* Translators: "raised 12 times · Investigating". */
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "raised %u time",
                                                             "raised %u times", need->count), need->count);
      g_autofree char *detail = g_strdup_printf ("%s · %s", count, gw_need_status_label (need->status));

      add_notebook_link (content, need->title, detail, "need", need->id);
    }
}

static void
fill_rules_due (GwDashboardPage *self,
                Figures         *f)
{
  GtkWidget *content = add_tile (self, _("Legal Reviews Due"), "notebook", _("Open the Notebook"));

  if (f->rules_due->len == 0)
    add_line (content, _("No rule or law is due to be checked again."), TRUE);

  for (guint i = 0; i < f->rules_due->len && i < N_LISTED; i++)
    {
      GwLegalRule *rule = g_ptr_array_index (f->rules_due, i);
      g_autofree char *date = gw_date_format (rule->review_date);
      /* Translators: "High risk · due 05/12/24". */
      g_autofree char *detail = g_strdup_printf (_("%s risk · due %s"), gw_risk_label (rule->risk), date);

      add_notebook_link (content, rule->title, detail, "rule", rule->id);
    }

  if (f->rules_due->len > N_LISTED)
    {
      guint more = f->rules_due->len - N_LISTED;
      g_autofree char *line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", more),
                                               more);
      add_line (content, line, TRUE);
    }
}

static void
fill_recent_notes (GwDashboardPage *self,
                   Figures         *f)
{
  GtkWidget *content = add_tile (self, _("Recent Field Notes"), "notebook", _("Open the Notebook"));

  if (f->recent_notes->len == 0)
    add_line (content, _("No field note yet. Write the first in the Notebook."), TRUE);

  for (guint i = 0; i < f->recent_notes->len; i++)
    {
      GwNote *note = g_ptr_array_index (f->recent_notes, i);
      g_autofree char *date = gw_date_format (note->date);
      g_autofree char *detail = note->place && note->place[0] ? g_strdup_printf ("%s · %s", date, note->place)
                                                             : g_strdup (date);

      add_notebook_link (content, note->title, detail, "note", note->id);
    }
}

/* Money per currency, the largest source's share over the last year and,
 * first of all, any receipt from a source class the policy forbids. */
static void
fill_ledger (GwDashboardPage *self,
             Figures         *f)
{
  GtkWidget *content;

  if (f->balances == NULL || (f->balances->len == 0 && (f->forbidden == NULL || f->forbidden->len == 0)))
    return;

  content = add_tile (self, _("Money and Goods"), "ledger", _("Open the Ledger"));

  if (f->forbidden != NULL && f->forbidden->len > 0)
    {
      g_autofree char *heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u receipt from a forbidden source",
                                                               "%u receipts from forbidden sources",
                                                               f->forbidden->len),
                                                  f->forbidden->len);
      GtkWidget *label = add_line (content, heading, FALSE);

      gtk_widget_add_css_class (label, "error");
      gtk_widget_add_css_class (label, "heading");
      for (guint i = 0; i < f->forbidden->len && i < 3; i++)
        {
          GwLedgerEntry *e = g_ptr_array_index (f->forbidden, i);
          g_autofree char *date = gw_date_format (e->date);
          g_autofree char *amount = e->kind == GW_LEDGER_MONEY
                                    ? gw_money_format (e->amount, e->currency)
                                    : gw_goods_format (e->quantity, e->unit, e->item);
          /* Translators: a receipt the policy forbids: "#12, 400.00 EUR from City Council (Government), 11/02/26". */
          g_autofree char *line = g_strdup_printf (_("#%" PRId64 ", %s from %s (%s), %s"),
                                                   e->id, amount,
                                                   e->party_name != NULL ? e->party_name : _("Anonymous"),
                                                   gw_source_class_to_label (e->source_class), date);

          gtk_widget_add_css_class (add_line (content, line, FALSE), "error");
        }
    }

  for (guint i = 0; i < f->balances->len; i++)
    {
      GwLedgerTotals *t = g_ptr_array_index (f->balances, i);
      g_autofree char *balance = gw_money_format (t->balance, t->currency);
      /* Translators: the money on hand in one currency. */
      g_autofree char *line = g_strdup_printf (_("Balance: %s"), balance);

      add_line (content, line, FALSE);
    }

  for (guint i = 0; f->independence != NULL && i < f->independence->currencies->len; i++)
    {
      GwIndependenceCurrency *c = g_ptr_array_index (f->independence->currencies, i);

      if (c->largest_amount > 0)
        {
          /* Translators: the largest single source of money over the last
           * year and its share: "City Council gave 32% of the money received
           * in EUR in the last year". */
          g_autofree char *line = g_strdup_printf (_("%s gave %.0f%% of the money received in %s in the last year"),
                                                   c->largest_kind == GW_PARTY_ANONYMOUS
                                                   ? _("Anonymous givers") : c->largest_name,
                                                   c->largest_share * 100, c->currency);

          add_line (content, line, TRUE);
        }
    }
}

static void
show_figures (GwDashboardPage *self,
              Figures         *f)
{
  GtkWidget *child;

  if (f->empty)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
      return;
    }

  while ((child = gtk_widget_get_first_child (self->flow_box)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->flow_box), child);

  /* A forbidden source comes first, where nobody can miss it. */
  if (f->forbidden != NULL && f->forbidden->len > 0)
    fill_ledger (self, f);
  fill_stages (self, f);
  fill_meetings (self, f);
  fill_actions (self, f);
  fill_ready (self, f);
  fill_not_seen (self, f);
  fill_participation (self, f);
  fill_needs (self, f);
  fill_rules_due (self, f);
  fill_recent_notes (self, f);
  if (f->forbidden == NULL || f->forbidden->len == 0)
    fill_ledger (self, f);

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "tiles");
}

static void start_refresh (GwDashboardPage *self);

static void
compute_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GwDashboardPage *self = source_object;
  g_autofree char *today = gw_date_today ();

  g_task_return_pointer (task, compute (self->reader, today), (GDestroyNotify) figures_free);
}

static void
computed_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GwDashboardPage *self = GW_DASHBOARD_PAGE (object);
  Figures *f = g_task_propagate_pointer (G_TASK (result), NULL);

  self->computing = FALSE;

  if (f == NULL || g_cancellable_is_cancelled (self->cancellable))
    {
      g_clear_pointer (&f, figures_free);
      return;
    }

  show_figures (self, f);
  figures_free (f);

  /* Something changed while the figures were being worked out. */
  if (self->again)
    {
      self->again = FALSE;
      start_refresh (self);
    }
}

static void
start_refresh (GwDashboardPage *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->store == NULL)
    return;

  if (self->computing)
    {
      self->again = TRUE;
      return;
    }

  /* Without a second connection, work the figures out here. */
  if (self->reader == NULL)
    {
      g_autofree char *today = gw_date_today ();
      Figures *f = compute (self->store, today);

      show_figures (self, f);
      figures_free (f);
      return;
    }

  self->computing = TRUE;
  task = g_task_new (self, self->cancellable, computed_cb, NULL);
  g_task_set_source_tag (task, start_refresh);
  g_task_run_in_thread (task, compute_in_thread);
}

static gboolean
refresh_cb (gpointer user_data)
{
  GwDashboardPage *self = user_data;

  self->refresh_source = 0;
  start_refresh (self);
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
  g_autoptr(GError) error = NULL;

  g_return_if_fail (GW_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "members-changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "meetings-changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "settings-changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notebook-changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "ledger-changed", G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);

  self->reader = gw_store_open_reader (store, &error);
  if (self->reader == NULL)
    g_warning ("Working out the dashboard in the main thread: %s", error->message);

  start_refresh (self);
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
  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->stack, gtk_widget_unparent);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gw_dashboard_page_parent_class)->dispose (object);
}

static void
gw_dashboard_page_finalize (GObject *object)
{
  GwDashboardPage *self = GW_DASHBOARD_PAGE (object);

  /* A running task holds the page, so the reader is free here. */
  g_clear_object (&self->reader);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (gw_dashboard_page_parent_class)->finalize (object);
}

static void
gw_dashboard_page_class_init (GwDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_dashboard_page_dispose;
  object_class->finalize = gw_dashboard_page_finalize;
  widget_class->map = gw_dashboard_page_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gw_dashboard_page_init (GwDashboardPage *self)
{
  GtkWidget *scroller, *clamp, *empty, *buttons, *button;

  self->cancellable = g_cancellable_new ();

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
