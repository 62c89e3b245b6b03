/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gw-date.h"
#include "gw-print-notebook.h"
#include "gw-store-notebook.h"

static void
add_detail (GwPrintTable *table,
            const char   *label,
            const char   *value)
{
  const char *cells[] = { label, value, NULL };

  if (value != NULL && value[0] != '\0')
    gw_print_table_add_row (table, cells);
}

/* The titles of @refs, one line, in their order. */
static char *
join_refs (GPtrArray *refs)
{
  GString *line = g_string_new (NULL);

  for (guint i = 0; refs != NULL && i < refs->len; i++)
    {
      const GwNotebookRef *ref = g_ptr_array_index (refs, i);

      if (i > 0)
        /* Translators: between the names in a list: "Ana, Luis, Mai". */
        g_string_append (line, _(", "));
      g_string_append (line, ref->title);
    }
  return g_string_free (line, FALSE);
}

static GwPrintDocument *
new_document (GwStore    *store,
              const char *title,
              const char *running_head)
{
  GwPrintDocument *doc = gw_print_document_new (title);
  g_autofree char *organization = gw_store_dup_organization_name (store);

  gw_print_document_set_organization (doc, organization);
  gw_print_document_set_running_head (doc, running_head);
  return doc;
}

/**
 * gw_print_note_new:
 * @store: the store, for the organization's name
 * @note: the note, as gw_store_load_note() gives it
 *
 * Returns: (transfer full): the note, ready to paginate
 */
GwPrintDocument *
gw_print_note_new (GwStore      *store,
                   const GwNote *note)
{
  g_autoptr(GwPrintTable) details = gw_print_table_new (GW_PRINT_TABLE_STYLE_DETAILS);
  g_autofree char *date = NULL;
  g_autofree char *members = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *forces = NULL;
  g_autofree char *needs = NULL;
  g_autofree char *rules = NULL;
  g_autofree char *running_head = NULL;
  GwPrintDocument *doc;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);
  g_return_val_if_fail (note != NULL, NULL);

  /* Translators: at the top right of every page of a printed field note. */
  running_head = g_strdup_printf (_("Field note · %s"), note->title);
  doc = new_document (store, _("Field note"), running_head);
  gw_print_document_set_date (doc, note->date);
  gw_print_document_add_subtitle (doc, note->title);

  date = gw_date_format (note->date);
  members = join_refs (note->members);
  tags = note->tags != NULL ? g_strjoinv (_(", "), note->tags) : g_strdup ("");
  forces = join_refs (note->forces);
  needs = join_refs (note->needs);
  rules = join_refs (note->rules);

  gw_print_table_add_column (details, NULL, GW_PRINT_COLUMN_BOLD);
  gw_print_table_add_column (details, NULL, GW_PRINT_COLUMN_WRAP | GW_PRINT_COLUMN_EXPAND);
  /* Translators: labels of the details at the top of a printed field note. */
  add_detail (details, _("Date"), date);
  add_detail (details, _("Place"), note->place);
  add_detail (details, _("Who went"), members);
  add_detail (details, _("Tags"), tags);
  add_detail (details, _("Forces"), forces);
  add_detail (details, _("Needs"), needs);
  add_detail (details, _("Legal terrain"), rules);
  if (gw_print_table_get_n_rows (details) > 0)
    gw_print_document_add_table (doc, g_steal_pointer (&details));

  gw_print_document_add_space (doc, 8);
  if (note->text != NULL && note->text[0] != '\0')
    {
      /* One paragraph per paragraph of the note, so that long notes break
       * between pages where the writer left a blank line. */
      g_auto(GStrv) paragraphs = g_strsplit (note->text, "\n\n", -1);

      for (guint i = 0; paragraphs[i] != NULL; i++)
        {
          g_autofree char *paragraph = g_strstrip (g_strdup (paragraphs[i]));

          if (paragraph[0] != '\0')
            gw_print_document_add_paragraph (doc, paragraph);
        }
    }
  else
    gw_print_document_add_paragraph (doc, _("Nothing was written in this note."));

  return doc;
}

static void
add_forces (GwPrintDocument *doc,
            GwStore         *store)
{
  static const GwStance order[] = {
    GW_STANCE_FRIEND, GW_STANCE_CAN_BE_WON, GW_STANCE_OPPONENT, GW_STANCE_UNKNOWN,
  };
  gboolean any = FALSE;

  /* Translators: a heading of the printed notebook overview. */
  gw_print_document_add_heading (doc, _("Social forces"));

  for (guint s = 0; s < G_N_ELEMENTS (order); s++)
    {
      g_autoptr(GPtrArray) forces = gw_store_list_forces_by_stance (store, order[s]);
      g_autoptr(GwPrintTable) table = NULL;
      g_autofree char *subtitle = NULL;

      if (forces->len == 0)
        continue;
      any = TRUE;

      /* Translators: "Friends (3)": a stance and how many forces have it. */
      subtitle = g_strdup_printf (_("%s (%u)"), gw_stance_label (order[s]), forces->len);
      gw_print_document_add_subtitle (doc, subtitle);

      table = gw_print_table_new (GW_PRINT_TABLE_STYLE_LIST);
      gw_print_table_add_column (table, _("Force"), GW_PRINT_COLUMN_BOLD | GW_PRINT_COLUMN_PRIMARY | GW_PRINT_COLUMN_WRAP);
      gw_print_table_add_column (table, _("Kind"), GW_PRINT_COLUMN_DEFAULT);
      gw_print_table_add_column (table, _("Judged"), GW_PRINT_COLUMN_DEFAULT);
      gw_print_table_add_column (table, _("Contact"), GW_PRINT_COLUMN_DEFAULT);
      gw_print_table_add_column (table, _("Notes"), GW_PRINT_COLUMN_NUMERIC);
      for (guint i = 0; i < forces->len; i++)
        {
          const GwForce *force = g_ptr_array_index (forces, i);
          char **cells = g_new0 (char *, 6);

          cells[0] = g_strdup (force->name);
          cells[1] = g_strdup (force->kind_label);
          cells[2] = gw_date_format (force->stance_date);
          cells[3] = g_strdup (force->contact_name);
          cells[4] = g_strdup_printf ("%u", force->n_notes);
          gw_print_table_take_row (table, cells);
        }
      gw_print_document_add_table (doc, g_steal_pointer (&table));
    }

  if (!any)
    gw_print_document_add_paragraph (doc, _("No social forces are in the notebook yet."));
}

static void
add_needs (GwPrintDocument *doc,
           GwStore         *store)
{
  g_autoptr(GPtrArray) needs = gw_store_list_top_needs (store, 15);
  g_autoptr(GwPrintTable) table = NULL;

  gw_print_document_add_heading (doc, _("Needs raised most"));
  if (needs->len == 0)
    {
      gw_print_document_add_paragraph (doc, _("No open needs or struggles are in the notebook."));
      return;
    }

  table = gw_print_table_new (GW_PRINT_TABLE_STYLE_LIST);
  gw_print_table_add_column (table, _("Need or struggle"), GW_PRINT_COLUMN_BOLD | GW_PRINT_COLUMN_PRIMARY | GW_PRINT_COLUMN_WRAP);
  /* Translators: a column of the needs table: how many times it was raised. */
  gw_print_table_add_column (table, _("Raised"), GW_PRINT_COLUMN_NUMERIC);
  gw_print_table_add_column (table, _("First"), GW_PRINT_COLUMN_DEFAULT);
  gw_print_table_add_column (table, _("Last"), GW_PRINT_COLUMN_DEFAULT);
  gw_print_table_add_column (table, _("Status"), GW_PRINT_COLUMN_DEFAULT);
  for (guint i = 0; i < needs->len; i++)
    {
      const GwNeed *need = g_ptr_array_index (needs, i);
      char **cells = g_new0 (char *, 6);

      cells[0] = g_strdup (need->title);
      cells[1] = g_strdup_printf ("%u", need->count);
      cells[2] = gw_date_format (need->first_raised);
      cells[3] = gw_date_format (need->last_raised);
      cells[4] = g_strdup (gw_need_status_label (need->status));
      gw_print_table_take_row (table, cells);
    }
  gw_print_document_add_table (doc, g_steal_pointer (&table));
}

static void
add_rules (GwPrintDocument *doc,
           GwStore         *store,
           const char      *today)
{
  g_autoptr(GPtrArray) rules = gw_store_list_rules (store, today);
  g_autoptr(GwPrintTable) table = NULL;
  guint n_due = 0;

  gw_print_document_add_heading (doc, _("Legal terrain"));
  if (rules->len == 0)
    {
      gw_print_document_add_paragraph (doc, _("No rules or laws are in the notebook yet."));
      return;
    }

  table = gw_print_table_new (GW_PRINT_TABLE_STYLE_LIST);
  gw_print_table_add_column (table, _("Rule or law"), GW_PRINT_COLUMN_BOLD | GW_PRINT_COLUMN_PRIMARY | GW_PRINT_COLUMN_WRAP);
  gw_print_table_add_column (table, _("Where"), GW_PRINT_COLUMN_WRAP);
  gw_print_table_add_column (table, _("Risk"), GW_PRINT_COLUMN_DEFAULT);
  gw_print_table_add_column (table, _("The way around"), GW_PRINT_COLUMN_WRAP | GW_PRINT_COLUMN_EXPAND);
  gw_print_table_add_column (table, _("Check again"), GW_PRINT_COLUMN_DEFAULT);
  for (guint i = 0; i < rules->len; i++)
    {
      const GwLegalRule *rule = g_ptr_array_index (rules, i);
      g_autofree char *review = gw_date_format (rule->review_date);
      char **cells = g_new0 (char *, 6);

      cells[0] = g_strdup (rule->title);
      cells[1] = g_strdup (rule->place);
      cells[2] = g_strdup (gw_risk_label (rule->risk));
      cells[3] = g_strdup (rule->way_around);
      if (rule->due)
        {
          /* Translators: a review date that has come: "03/01/2030 (due)". */
          cells[4] = g_strdup_printf (_("%s (due)"), review);
          n_due++;
        }
      else
        cells[4] = g_steal_pointer (&review);
      gw_print_table_take_row (table, cells);
    }

  if (n_due > 0)
    {
      g_autofree char *line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u rule is due to be checked again.",
                                                            "%u rules are due to be checked again.",
                                                            n_due), n_due);

      gw_print_document_add_paragraph (doc, line);
    }
  gw_print_document_add_table (doc, g_steal_pointer (&table));
}

/**
 * gw_print_notebook_overview_new:
 * @store: the store
 * @today: the day the review dates are measured against (YYYY-MM-DD)
 *
 * Returns: (transfer full): the overview, ready to paginate
 */
GwPrintDocument *
gw_print_notebook_overview_new (GwStore    *store,
                                const char *today)
{
  GwPrintDocument *doc;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);

  doc = new_document (store, _("Social investigation"), _("Social investigation · Overview"));
  gw_print_document_set_date (doc, today);

  add_forces (doc, store);
  add_needs (doc, store);
  add_rules (doc, store, today);
  return doc;
}
