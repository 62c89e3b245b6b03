/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gw-date.h"
#include "gw-ladder.h"
#include "gw-print-roster.h"

static const char *
column_title (GwMemberSort column)
{
  switch (column)
    {
    case GW_MEMBER_SORT_NAME: return _("Name");
    case GW_MEMBER_SORT_STAGE: return _("Stage");
    case GW_MEMBER_SORT_PHONE: return _("Phone");
    case GW_MEMBER_SORT_NEIGHBOURHOOD: return _("Neighbourhood");
    case GW_MEMBER_SORT_LANGUAGES: return _("Languages");
    case GW_MEMBER_SORT_JOINED: return _("Joined");
    case GW_MEMBER_SORT_LAST_CHANGE: return _("Last Change");
    default: g_assert_not_reached ();
    }
}

static GwPrintColumnFlags
column_flags (GwMemberSort column)
{
  switch (column)
    {
    /* A name is never cut short on paper: a volunteer calling down the
     * list has nothing else to go by. */
    case GW_MEMBER_SORT_NAME:
      return GW_PRINT_COLUMN_WRAP | GW_PRINT_COLUMN_PRIMARY;
    case GW_MEMBER_SORT_LANGUAGES:
    case GW_MEMBER_SORT_NEIGHBOURHOOD:
      return GW_PRINT_COLUMN_WRAP;
    case GW_MEMBER_SORT_STAGE:
    case GW_MEMBER_SORT_PHONE:
    case GW_MEMBER_SORT_JOINED:
    case GW_MEMBER_SORT_LAST_CHANGE:
    default:
      return GW_PRINT_COLUMN_DEFAULT;
    }
}

static char *
cell_text (GwMember      *member,
           GwMemberSort   column,
           char * const  *stage_labels)
{
  switch (column)
    {
    case GW_MEMBER_SORT_NAME:
      if (gw_member_get_community_name (member)[0] != '\0')
        /* Translators: a full name followed by the name people use, "Thị Lan Nguyễn (Lan)". */
        return g_strdup_printf (_("%s (%s)"), gw_member_get_full_name (member),
                                gw_member_get_community_name (member));
      return g_strdup (gw_member_get_full_name (member));
    case GW_MEMBER_SORT_STAGE:
      return g_strdup (stage_labels[gw_member_get_stage (member)]);
    case GW_MEMBER_SORT_PHONE:
      return g_strdup (gw_member_get_phone (member));
    case GW_MEMBER_SORT_NEIGHBOURHOOD:
      return g_strdup (gw_member_get_neighbourhood (member));
    case GW_MEMBER_SORT_LANGUAGES:
      return gw_member_dup_languages_text (member);
    case GW_MEMBER_SORT_JOINED:
      return gw_date_format (gw_member_get_joined (member));
    case GW_MEMBER_SORT_LAST_CHANGE:
      return gw_date_format (gw_member_get_last_change (member));
    default:
      g_assert_not_reached ();
    }
}

/**
 * gw_print_roster_new:
 * @list: the roster as shown: its search, filters and order are printed as
 *   they are
 * @columns: which columns to print; the name is always printed
 * @description: (nullable): what @list is narrowed to and sorted by, in
 *   words, already translated: "Stage: Member · Sorted by joined date".
 *   When %NULL, the search text is printed if there is one.
 *
 * Reads every row of @list now, so that the printout is the roster as it
 * was when printing started even if it changes while the pages go out.
 *
 * Returns: (transfer full): the roster, ready to paginate
 */
GwPrintDocument *
gw_print_roster_new (GwMemberList         *list,
                     GwPrintRosterColumns  columns,
                     const char           *description)
{
  GListModel *model = G_LIST_MODEL (list);
  GwStore *store;
  g_autoptr(GwPrintDocument) doc = NULL;
  g_autoptr(GwPrintTable) table = NULL;
  g_autofree char *organization = NULL;
  g_autofree char *count = NULL;
  char *stage_labels[GW_N_STAGES + 1] = { NULL };
  GwMemberSort shown[GW_N_MEMBER_SORTS];
  guint n_shown = 0;
  guint n_items;

  g_return_val_if_fail (GW_IS_MEMBER_LIST (list), NULL);

  store = gw_member_list_get_store (list);
  columns |= GW_PRINT_ROSTER_NAME;
  n_items = g_list_model_get_n_items (model);

  doc = gw_print_document_new (_("Roster"));
  organization = gw_store_dup_organization_name (store);
  gw_print_document_set_organization (doc, organization);

  /* Translators: under the printed roster's title. */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", n_items), n_items);
  gw_print_document_add_subtitle (doc, count);
  if (description != NULL && description[0] != '\0')
    gw_print_document_add_subtitle (doc, description);
  else if (gw_member_list_get_search (list) != NULL && gw_member_list_get_search (list)[0] != '\0')
    {
      /* Translators: under the printed roster's title; %s is what was searched for. */
      g_autofree char *search = g_strdup_printf (_("Search: “%s”"), gw_member_list_get_search (list));

      gw_print_document_add_subtitle (doc, search);
    }

  for (guint i = 0; i < GW_N_STAGES; i++)
    stage_labels[i] = gw_ladder_dup_stage_label (store, i);

  table = gw_print_table_new (GW_PRINT_TABLE_STYLE_LIST);
  for (guint i = 0; i < GW_N_MEMBER_SORTS; i++)
    if (columns & GW_PRINT_ROSTER_COLUMN (i))
      {
        shown[n_shown++] = i;
        gw_print_table_add_column (table, column_title (i), column_flags (i));
      }

  for (guint pos = 0; pos < n_items; pos++)
    {
      g_autoptr(GwMember) member = g_list_model_get_item (model, pos);
      char **cells = g_new0 (char *, n_shown + 1);

      for (guint i = 0; i < n_shown; i++)
        {
          cells[i] = cell_text (member, shown[i], stage_labels);
          if (cells[i] == NULL)
            cells[i] = g_strdup ("");
        }
      gw_print_table_take_row (table, cells);
    }

  for (guint i = 0; i < GW_N_STAGES; i++)
    g_free (stage_labels[i]);

  gw_print_document_add_table (doc, g_steal_pointer (&table));
  if (n_items == 0)
    gw_print_document_add_paragraph (doc, _("No one on the roster matches."));

  return g_steal_pointer (&doc);
}
