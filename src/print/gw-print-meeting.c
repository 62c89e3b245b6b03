/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gw-date.h"
#include "gw-print-meeting.h"
#include "gw-print-private.h"

/**
 * _gw_print_meeting_summary:
 *
 * Returns: (transfer full): the meeting's kind, date, time and place on one
 *   line, leaving out what is not set
 */
char *
_gw_print_meeting_summary (GwMeeting *meeting)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *date = gw_date_format (gw_meeting_get_date (meeting));
  const char *kind = gw_meeting_get_kind_label (meeting);
  const char *title = gw_meeting_get_title (meeting);
  GString *line = g_string_new (NULL);

  /* A meeting left untitled is called after its kind; say it once. */
  if (kind != NULL && kind[0] != '\0' && g_strcmp0 (kind, title) != 0)
    g_ptr_array_add (parts, g_strdup (kind));
  if (date[0] != '\0')
    g_ptr_array_add (parts, g_steal_pointer (&date));
  if (gw_meeting_get_time (meeting) != NULL && gw_meeting_get_time (meeting)[0] != '\0')
    g_ptr_array_add (parts, g_strdup (gw_meeting_get_time (meeting)));
  if (gw_meeting_get_place (meeting) != NULL && gw_meeting_get_place (meeting)[0] != '\0')
    g_ptr_array_add (parts, g_strdup (gw_meeting_get_place (meeting)));

  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        /* Translators: between the parts of "General meeting · 05/03/2024 · 18:00 · Hall". */
        g_string_append (line, _(" · "));
      g_string_append (line, g_ptr_array_index (parts, i));
    }
  return g_string_free (line, FALSE);
}

static void
add_detail (GwPrintTable *table,
            const char   *label,
            const char   *value)
{
  const char *cells[] = { label, value, NULL };

  if (value != NULL && value[0] != '\0')
    gw_print_table_add_row (table, cells);
}

static GwPrintDocument *
new_meeting_document (GwStore    *store,
                      GwMeeting  *meeting,
                      const char *title,
                      gboolean    with_attendance)
{
  GwPrintDocument *doc = gw_print_document_new (title);
  g_autoptr(GwPrintTable) details = gw_print_table_new (GW_PRINT_TABLE_STYLE_DETAILS);
  g_autofree char *organization = gw_store_dup_organization_name (store);
  g_autofree char *running_head = NULL;
  g_autofree char *date = gw_date_format (gw_meeting_get_date (meeting));
  g_autofree char *attendance = NULL;

  gw_print_document_set_organization (doc, organization);
  /* Translators: at the top right of every page: "Minutes · General meeting". */
  running_head = g_strdup_printf (_("%s · %s"), title, gw_meeting_get_title (meeting));
  gw_print_document_set_running_head (doc, running_head);
  gw_print_document_add_subtitle (doc, gw_meeting_get_title (meeting));

  gw_print_table_add_column (details, NULL, GW_PRINT_COLUMN_BOLD);
  gw_print_table_add_column (details, NULL, GW_PRINT_COLUMN_WRAP | GW_PRINT_COLUMN_EXPAND);
  /* Translators: labels of the details at the top of a printed agenda or minutes. */
  add_detail (details, _("Kind"), gw_meeting_get_kind_label (meeting));
  add_detail (details, _("Date"), date);
  add_detail (details, _("Time"), gw_meeting_get_time (meeting));
  add_detail (details, _("Place"), gw_meeting_get_place (meeting));
  add_detail (details, _("Secretary"), gw_meeting_get_secretary_name (meeting));
  if (with_attendance)
    {
      guint n = gw_meeting_get_n_attending (meeting);

      attendance = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person present",
                                                 "%u people present", n), n);
      add_detail (details, _("Attendance"), attendance);
    }

  if (gw_print_table_get_n_rows (details) > 0)
    gw_print_document_add_table (doc, g_steal_pointer (&details));
  return doc;
}

static void
add_agenda (GwPrintDocument *doc,
            GPtrArray       *agenda)
{
  g_autoptr(GwPrintTable) items = NULL;

  if (agenda == NULL || agenda->len == 0)
    {
      gw_print_document_add_paragraph (doc, _("Nothing is on the agenda yet."));
      return;
    }

  items = gw_print_table_new (GW_PRINT_TABLE_STYLE_DETAILS);
  gw_print_table_add_column (items, NULL, GW_PRINT_COLUMN_NUMERIC | GW_PRINT_COLUMN_BOLD);
  gw_print_table_add_column (items, NULL, GW_PRINT_COLUMN_WRAP | GW_PRINT_COLUMN_EXPAND);
  for (guint i = 0; i < agenda->len; i++)
    {
      const GwAgendaItem *item = g_ptr_array_index (agenda, i);
      /* Translators: the number of a line of the agenda: "1." */
      g_autofree char *number = g_strdup_printf (_("%u."), i + 1);
      const char *cells[] = { number, item->text, NULL };

      gw_print_table_add_row (items, cells);
    }
  gw_print_table_set_min_row_height (items, 18);
  gw_print_document_add_table (doc, g_steal_pointer (&items));
}

/**
 * gw_print_agenda_new:
 * @store: the store, for the organization's name
 * @meeting: the meeting
 * @agenda: (element-type GwAgendaItem) (nullable): the agenda, in order,
 *   as gw_store_list_agenda() gives it
 *
 * Returns: (transfer full): the agenda, ready to paginate
 */
GwPrintDocument *
gw_print_agenda_new (GwStore   *store,
                     GwMeeting *meeting,
                     GPtrArray *agenda)
{
  GwPrintDocument *doc;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);
  g_return_val_if_fail (GW_IS_MEETING (meeting), NULL);

  doc = new_meeting_document (store, meeting, _("Agenda"), FALSE);
  gw_print_document_add_space (doc, 10);
  add_agenda (doc, agenda);
  return doc;
}

static char *
format_votes (int votes)
{
  return g_strdup_printf ("%d", votes);
}

/**
 * gw_print_minutes_new:
 * @store: the store, for the organization's name
 * @meeting: the meeting, with its minutes and the number attending
 * @agenda: (element-type GwAgendaItem) (nullable): as gw_store_list_agenda() gives it
 * @decisions: (element-type GwDecision) (nullable): as gw_store_list_decisions() gives them
 * @actions: (element-type GwActionItem) (nullable): as gw_store_list_actions() gives them
 *
 * The record of a meeting: its details and attendance, the agenda, the
 * minutes, the decisions with their votes and the action items with their
 * owners and due dates.
 *
 * Returns: (transfer full): the minutes, ready to paginate
 */
GwPrintDocument *
gw_print_minutes_new (GwStore   *store,
                      GwMeeting *meeting,
                      GPtrArray *agenda,
                      GPtrArray *decisions,
                      GPtrArray *actions)
{
  GwPrintDocument *doc;
  const char *minutes;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);
  g_return_val_if_fail (GW_IS_MEETING (meeting), NULL);

  doc = new_meeting_document (store, meeting, _("Minutes"), TRUE);

  gw_print_document_add_heading (doc, _("Agenda"));
  add_agenda (doc, agenda);

  gw_print_document_add_heading (doc, _("Minutes"));
  minutes = gw_meeting_get_minutes (meeting);
  if (minutes != NULL && minutes[0] != '\0')
    {
      /* Each paragraph of the minutes on its own, so that space between
       * them reads as it did when typed. */
      g_auto(GStrv) paragraphs = g_strsplit (minutes, "\n\n", -1);

      for (guint i = 0; paragraphs[i] != NULL; i++)
        {
          g_strstrip (paragraphs[i]);
          if (paragraphs[i][0] != '\0')
            gw_print_document_add_paragraph (doc, paragraphs[i]);
        }
    }
  else
    gw_print_document_add_paragraph (doc, _("No minutes were written."));

  gw_print_document_add_heading (doc, _("Decisions"));
  if (decisions != NULL && decisions->len > 0)
    {
      g_autoptr(GwPrintTable) table = gw_print_table_new (GW_PRINT_TABLE_STYLE_LIST);

      gw_print_table_add_column (table, _("No."), GW_PRINT_COLUMN_NUMERIC);
      gw_print_table_add_column (table, _("Decision"), GW_PRINT_COLUMN_WRAP | GW_PRINT_COLUMN_PRIMARY);
      gw_print_table_add_column (table, _("Outcome"), GW_PRINT_COLUMN_WRAP);
      /* Translators: column headings for the votes on a decision. */
      gw_print_table_add_column (table, _("For"), GW_PRINT_COLUMN_NUMERIC);
      gw_print_table_add_column (table, _("Against"), GW_PRINT_COLUMN_NUMERIC);
      gw_print_table_add_column (table, _("Abstaining"), GW_PRINT_COLUMN_NUMERIC);

      for (guint i = 0; i < decisions->len; i++)
        {
          const GwDecision *decision = g_ptr_array_index (decisions, i);
          gboolean counted = decision->votes_for + decision->votes_against + decision->votes_abstain > 0;
          char **cells = g_new0 (char *, 7);

          cells[0] = g_strdup_printf ("%u", i + 1);
          cells[1] = g_strdup (decision->text);
          cells[2] = g_strdup (decision->outcome ? decision->outcome : "");
          /* No count was taken: a decision by consensus. */
          cells[3] = counted ? format_votes (decision->votes_for) : g_strdup ("–");
          cells[4] = counted ? format_votes (decision->votes_against) : g_strdup ("–");
          cells[5] = counted ? format_votes (decision->votes_abstain) : g_strdup ("–");
          gw_print_table_take_row (table, cells);
        }
      gw_print_document_add_table (doc, g_steal_pointer (&table));
    }
  else
    gw_print_document_add_paragraph (doc, _("No decisions were recorded."));

  gw_print_document_add_heading (doc, _("Action Items"));
  if (actions != NULL && actions->len > 0)
    {
      g_autoptr(GwPrintTable) table = gw_print_table_new (GW_PRINT_TABLE_STYLE_LIST);

      gw_print_table_add_column (table, _("What"), GW_PRINT_COLUMN_WRAP | GW_PRINT_COLUMN_PRIMARY);
      gw_print_table_add_column (table, _("Owner"), GW_PRINT_COLUMN_WRAP);
      gw_print_table_add_column (table, _("Due"), GW_PRINT_COLUMN_DEFAULT);
      gw_print_table_add_column (table, _("Done"), GW_PRINT_COLUMN_DEFAULT);

      for (guint i = 0; i < actions->len; i++)
        {
          const GwActionItem *item = g_ptr_array_index (actions, i);
          char **cells = g_new0 (char *, 5);

          cells[0] = g_strdup (item->what);
          cells[1] = g_strdup (item->owner_name && item->owner_name[0] ? item->owner_name
                                                                       : _("Nobody yet"));
          cells[2] = item->due ? gw_date_format (item->due) : g_strdup ("");
          cells[3] = item->done ? gw_date_format (item->done) : g_strdup (_("Open"));
          gw_print_table_take_row (table, cells);
        }
      gw_print_document_add_table (doc, g_steal_pointer (&table));
    }
  else
    gw_print_document_add_paragraph (doc, _("No action items were given."));

  return doc;
}
