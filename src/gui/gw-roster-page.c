/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gw-csv-import.h"
#include "gw-date.h"
#include "gw-job-progress.h"
#include "gw-ladder.h"
#include "gw-member-list.h"
#include "gw-print-preview.h"
#include "gw-print-roster.h"
#include "gw-roster-page.h"
#include "gw-store-members.h"
#include "gw-window.h"

struct _GwRosterPage
{
  GtkWidget            parent_instance;

  GwStore             *store;
  GwMemberList        *members;
  GtkSingleSelection  *selection;
  char                *stage_labels[GW_N_STAGES];
  char               **tags;
  char               **languages;
  guint                lists_idle;
  GwMemberSort         sort_column;
  gboolean             sort_descending;
  guint                updating_filters : 1;

  GtkWidget           *box;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *stage_filter;
  GtkDropDown         *status_filter;
  GtkDropDown         *tag_filter;
  GtkDropDown         *language_filter;
  GtkStack            *content_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *columns[GW_N_MEMBER_SORTS];
  GtkLabel            *count_label;
  GtkRevealer         *export_revealer;
  GtkProgressBar      *export_progress;

  GCancellable        *export_cancellable;
  GTask               *export_task;
  guint                export_progress_source;
};

G_DEFINE_FINAL_TYPE (GwRosterPage, gw_roster_page, GTK_TYPE_WIDGET)

static const char *
display_text (GwRosterPage *self,
              GwMember     *member,
              GwMemberSort  column,
              char        **owned)
{
  switch (column)
    {
    case GW_MEMBER_SORT_NAME:
      if (gw_member_get_community_name (member)[0] != '\0')
        /* Translators: a full name followed by the name people use, "Thị Lan Nguyễn (Lan)". */
        return *owned = g_strdup_printf (_("%s (%s)"), gw_member_get_full_name (member),
                                         gw_member_get_community_name (member));
      return gw_member_get_full_name (member);
    case GW_MEMBER_SORT_STAGE:
      return self->stage_labels[gw_member_get_stage (member)];
    case GW_MEMBER_SORT_PHONE:
      return gw_member_get_phone (member);
    case GW_MEMBER_SORT_NEIGHBOURHOOD:
      return gw_member_get_neighbourhood (member);
    case GW_MEMBER_SORT_LANGUAGES:
      return *owned = gw_member_dup_languages_text (member);
    case GW_MEMBER_SORT_JOINED:
      return *owned = gw_date_format (gw_member_get_joined (member));
    case GW_MEMBER_SORT_LAST_CHANGE:
      return *owned = gw_date_format (gw_member_get_last_change (member));
    default:
      g_assert_not_reached ();
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              GwRosterPage             *self)
{
  GwMemberSort column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  GwMember *member = gtk_list_item_get_item (item);
  g_autofree char *owned = NULL;
  const char *text;

  text = display_text (self, member, column, &owned);
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text ? text : "");

  if (column == GW_MEMBER_SORT_NAME)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_list_item_get_child (item)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

/* GTK 4.8 cannot say which column a GtkColumnView is sorted by
 * (gtk_column_view_sorter_get_primary_sort_column() is 4.10). Every column
 * gets a sorter that records itself and claims "smaller"; comparing two
 * items with the view's sorter then calls the primary column's sorter first,
 * and the sign of the answer gives the direction. The sorting itself is done
 * by SQLite, never by these sorters. */
static int last_compared_column = -1;

static int
record_column_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  if (last_compared_column < 0)
    last_compared_column = GPOINTER_TO_INT (user_data);
  return GTK_ORDERING_SMALLER;
}

static void
sorter_changed_cb (GtkSorter       *sorter,
                   GtkSorterChange  change,
                   GwRosterPage    *self)
{
  g_autoptr(GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering order;

  if (self->members == NULL)
    return;

  last_compared_column = -1;
  order = gtk_sorter_compare (sorter, a, b);

  if (last_compared_column < 0)
    {
      self->sort_column = GW_MEMBER_SORT_NAME;
      self->sort_descending = FALSE;
    }
  else
    {
      self->sort_column = last_compared_column;
      self->sort_descending = order == GTK_ORDERING_LARGER;
    }
  gw_member_list_set_sort (self->members, self->sort_column, self->sort_descending);
}

static void
update_count (GwRosterPage *self)
{
  guint shown, total;
  g_autofree char *text = NULL;

  if (self->members == NULL)
    return;

  shown = g_list_model_get_n_items (G_LIST_MODEL (self->members));
  total = gw_member_list_get_total (self->members);

  if (shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", total), total);
  else
    /* Translators: "Showing 12 of 300 people". */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Showing %u of %u person",
                                         "Showing %u of %u people", total), shown, total);

  gtk_label_set_text (self->count_label, text);

  if (total == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->content_stack, "list");

  gtk_widget_set_visible (GTK_WIDGET (self->count_label), total > 0);
}

static GListModel *
make_choices (const char          *all,
              const char * const  *items)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all);
  for (guint i = 0; items && items[i]; i++)
    gtk_string_list_append (list, items[i]);

  return G_LIST_MODEL (list);
}

static const char *
selected_string (GtkDropDown  *drop_down,
                 char * const *items)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || items == NULL ||
      selected > g_strv_length ((char **) items))
    return NULL;

  return items[selected - 1];
}

/* Rebuilds a filter's choices, keeping what was chosen when it still
 * exists. */
static void
replace_choices (GwRosterPage   *self,
                 GtkDropDown    *drop_down,
                 char         ***items,
                 char          **new_items,
                 const char     *all)
{
  g_autofree char *chosen = g_strdup (selected_string (drop_down, *items));
  g_autoptr(GListModel) model = NULL;
  guint position = 0;

  if (*items != NULL && g_strv_equal ((const char * const *) *items, (const char * const *) new_items))
    {
      g_strfreev (new_items);
      return;
    }

  g_strfreev (*items);
  *items = new_items;

  for (guint i = 0; chosen && new_items[i]; i++)
    if (g_strcmp0 (new_items[i], chosen) == 0)
      position = i + 1;

  model = make_choices (all, (const char * const *) new_items);
  self->updating_filters = TRUE;
  gtk_drop_down_set_model (drop_down, model);
  gtk_drop_down_set_selected (drop_down, position);
  self->updating_filters = FALSE;
}

static void
refresh_lists (GwRosterPage *self)
{
  replace_choices (self, self->tag_filter, &self->tags,
                   gw_store_list_tags (self->store), _("All tags"));
  replace_choices (self, self->language_filter, &self->languages,
                   gw_store_list_languages (self->store), _("All languages"));
}

static gboolean
refresh_lists_idle_cb (gpointer user_data)
{
  GwRosterPage *self = user_data;

  self->lists_idle = 0;
  refresh_lists (self);
  return G_SOURCE_REMOVE;
}

static void
members_changed_cb (GwStore      *store,
                    gint64        member_id,
                    GwRosterPage *self)
{
  if (self->lists_idle == 0)
    self->lists_idle = g_timeout_add (300, refresh_lists_idle_cb, self);
}

static void
refresh_stage_labels (GwRosterPage *self)
{
  g_autoptr(GListModel) stages = NULL;
  const char *labels[GW_N_STAGES + 1] = { NULL };
  guint selected = gtk_drop_down_get_selected (self->stage_filter);

  for (guint i = 0; i < GW_N_STAGES; i++)
    {
      g_free (self->stage_labels[i]);
      self->stage_labels[i] = gw_ladder_dup_stage_label (self->store, i);
      labels[i] = self->stage_labels[i];
    }

  stages = make_choices (_("All stages"), labels);
  self->updating_filters = TRUE;
  gtk_drop_down_set_model (self->stage_filter, stages);
  gtk_drop_down_set_selected (self->stage_filter, selected == GTK_INVALID_LIST_POSITION ? 0 : selected);
  self->updating_filters = FALSE;
}

static void
settings_changed_cb (GwStore      *store,
                     const char   *key,
                     GwRosterPage *self)
{
  if (g_str_has_prefix (key, "stage-label-"))
    {
      refresh_stage_labels (self);
      gw_member_list_refresh (self->members);
    }
}

static void
filter_changed_cb (GwRosterPage *self)
{
  guint stage, status;

  if (self->members == NULL || self->updating_filters)
    return;

  stage = gtk_drop_down_get_selected (self->stage_filter);
  status = gtk_drop_down_get_selected (self->status_filter);

  gw_member_list_set_stage_filter (self->members, stage == 0 || stage == GTK_INVALID_LIST_POSITION ? -1 : (int) stage - 1);
  gw_member_list_set_status_filter (self->members, status == 0 || status == GTK_INVALID_LIST_POSITION ? -1 : (int) status - 1);
  gw_member_list_set_tag_filter (self->members, selected_string (self->tag_filter, self->tags));
  gw_member_list_set_language_filter (self->members, selected_string (self->language_filter, self->languages));
}

static void
search_changed_cb (GwRosterPage   *self,
                   GtkSearchEntry *entry)
{
  if (self->members != NULL)
    gw_member_list_set_search (self->members, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
stop_search_cb (GwRosterPage   *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gw_roster_page_focus_list (self);
}

static void
search_activate_cb (GwRosterPage   *self,
                    GtkSearchEntry *entry)
{
  /* Enter in the search opens the first match, as in Nautilus. */
  if (self->members != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->members)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-member", "x",
                                gw_member_list_get_id (self->members, 0));
}

static void
clear_clicked_cb (GwRosterPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->stage_filter, 0);
  gtk_drop_down_set_selected (self->status_filter, 0);
  gtk_drop_down_set_selected (self->tag_filter, 0);
  gtk_drop_down_set_selected (self->language_filter, 0);
}

static void
activate_cb (GwRosterPage  *self,
             guint          position,
             GtkColumnView *view)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-member", "x",
                              gw_member_list_get_id (self->members, position));
}

static gboolean
delete_selected_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  GwRosterPage *self = GW_ROSTER_PAGE (widget);
  guint position;

  if (self->selection == NULL || gw_store_is_read_only (self->store))
    return FALSE;

  position = gtk_single_selection_get_selected (self->selection);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  gtk_widget_activate_action (widget, "win.delete-member", "x",
                              gw_member_list_get_id (self->members, position));
  return TRUE;
}

/* Says in words what the printed roster is narrowed to and sorted by:
 * "Stage: Member · Search: “maria” · Sorted by Joined". */
static char *
describe_view (GwRosterPage *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *tag = selected_string (self->tag_filter, self->tags);
  const char *language = selected_string (self->language_filter, self->languages);
  guint stage = gtk_drop_down_get_selected (self->stage_filter);
  guint status = gtk_drop_down_get_selected (self->status_filter);
  const char *column = gtk_column_view_column_get_title (self->columns[self->sort_column]);

  if (stage != 0 && stage != GTK_INVALID_LIST_POSITION && stage <= GW_N_STAGES)
    /* Translators: describes a printed roster; %s is a stage. */
    g_ptr_array_add (parts, g_strdup_printf (_("Stage: %s"), self->stage_labels[stage - 1]));
  if (status != 0 && status != GTK_INVALID_LIST_POSITION && status <= GW_N_STATUSES)
    g_ptr_array_add (parts, g_strdup_printf (_("Status: %s"), gw_status_get_label (status - 1)));
  if (tag != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("Tag: %s"), tag));
  if (language != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("Language: %s"), language));
  if (search != NULL && search[0] != '\0')
    g_ptr_array_add (parts, g_strdup_printf (_("Search: “%s”"), search));

  if (self->sort_descending)
    /* Translators: %s is a column of the roster. */
    g_ptr_array_add (parts, g_strdup_printf (_("Sorted by %s, last first"), column));
  else
    g_ptr_array_add (parts, g_strdup_printf (_("Sorted by %s"), column));

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
print_roster_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  GwRosterPage *self = GW_ROSTER_PAGE (widget);
  g_autoptr(GwPrintDocument) document = NULL;
  g_autofree char *description = NULL;
  GwPrintRosterColumns columns = 0;

  if (self->members == NULL)
    return;

  /* The printout is the roster as shown: its columns, search, filters and
   * order. */
  for (guint i = 0; i < GW_N_MEMBER_SORTS; i++)
    if (gtk_column_view_column_get_visible (self->columns[i]))
      columns |= GW_PRINT_ROSTER_COLUMN (i);

  description = describe_view (self);
  document = gw_print_roster_new (self->members, columns, description);
  gw_print_preview_present (GTK_WINDOW (gtk_widget_get_root (widget)), document);
}

/* Export as CSV: the roster as shown (search, filters, order), written in
 * a worker thread from a second, read-only connection, while the window's
 * own connection stays in the main thread. */

typedef struct
{
  GwStore      *reader;
  char         *path;
  char         *search;
  int           stage;
  int           status;
  char         *tag;
  char         *language;
  GwMemberSort  sort;
  gboolean      descending;
  gboolean      with_contact;
  GwJobProgress progress;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->reader);
  g_free (job->path);
  g_free (job->search);
  g_free (job->tag);
  g_free (job->language);
  g_free (job);
}

static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GwMemberList) list = gw_member_list_new (job->reader);
  GError *error = NULL;

  gw_member_list_set_search (list, job->search);
  gw_member_list_set_stage_filter (list, job->stage);
  gw_member_list_set_status_filter (list, job->status);
  gw_member_list_set_tag_filter (list, job->tag);
  gw_member_list_set_language_filter (list, job->language);
  gw_member_list_set_sort (list, job->sort, job->descending);

  if (gw_member_list_export_csv (list, job->path, job->with_contact, gw_job_progress_report, &job->progress,
                                 cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GwRosterPage *self = GW_ROSTER_PAGE (object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  GtkRoot *window = gtk_widget_get_root (GTK_WIDGET (self));

  g_clear_handle_id (&self->export_progress_source, g_source_remove);
  g_clear_object (&self->export_task);
  g_clear_object (&self->export_cancellable);

  /* The page may have gone while the file was written. */
  if (self->export_revealer == NULL || !GW_IS_WINDOW (window))
    return;

  gtk_revealer_set_reveal_child (self->export_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.export-csv", TRUE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gw_window_show_error (GW_WINDOW (window), _("Could Not Export the Roster"), error);
    }
  else
    {
      g_autofree char *name = g_path_get_basename (job->path);
      /* Translators: %s is the name of the file written. */
      g_autofree char *title = g_strdup_printf (_("Exported to “%s”"), name);

      gw_window_add_toast (GW_WINDOW (window), adw_toast_new (title));
    }
}

static void
stop_export_cb (GwRosterPage *self)
{
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    GwRosterPage    *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) reader = NULL;
  const char *contact = NULL;
  GtkRoot *window = gtk_widget_get_root (GTK_WIDGET (self));
  guint stage, status;
  ExportJob *job;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      contact = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "contact");
    }

  if (file == NULL || self->members == NULL || self->export_task != NULL)
    {
      g_object_unref (chooser);
      return;
    }

  job = g_new0 (ExportJob, 1);
  job->with_contact = g_strcmp0 (contact, "true") == 0;
  g_object_unref (chooser);

  job->path = g_file_get_path (file);
  reader = gw_store_open_reader (self->store, &error);
  if (job->path == NULL || reader == NULL)
    {
      if (error == NULL)
        error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                     _("That place cannot be written to directly. Choose a folder on this computer."));
      if (GW_IS_WINDOW (window))
        gw_window_show_error (GW_WINDOW (window), _("Could Not Export the Roster"), error);
      export_job_free (job);
      return;
    }

  stage = gtk_drop_down_get_selected (self->stage_filter);
  status = gtk_drop_down_get_selected (self->status_filter);
  job->reader = g_steal_pointer (&reader);
  job->search = g_strdup (gw_member_list_get_search (self->members));
  job->stage = stage == 0 || stage == GTK_INVALID_LIST_POSITION ? -1 : (int) stage - 1;
  job->status = status == 0 || status == GTK_INVALID_LIST_POSITION ? -1 : (int) status - 1;
  job->tag = g_strdup (selected_string (self->tag_filter, self->tags));
  job->language = g_strdup (selected_string (self->language_filter, self->languages));
  job->sort = self->sort_column;
  job->descending = self->sort_descending;

  self->export_cancellable = g_cancellable_new ();
  self->export_task = g_task_new (self, self->export_cancellable, export_done_cb, NULL);
  g_task_set_source_tag (self->export_task, export_response_cb);
  g_task_set_task_data (self->export_task, job, (GDestroyNotify) export_job_free);

  gtk_progress_bar_set_fraction (self->export_progress, 0);
  gtk_revealer_set_reveal_child (self->export_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.export-csv", FALSE);
  self->export_progress_source = gw_job_progress_watch (self->export_task, &job->progress, self->export_progress);
  g_task_run_in_thread (self->export_task, export_in_thread);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  GwRosterPage *self = GW_ROSTER_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *today = gw_date_today ();
  /* Translators: the file name of the exported roster; %s is today's date. */
  g_autofree char *name = g_strdup_printf (_("roster-%s.csv"), today);

  if (self->members == NULL || self->export_task != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export the Roster as CSV"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Spreadsheets (CSV)"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  /* Contact details stay out unless asked for: the file may travel. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "contact",
                               _("Include phone, e-mail and notes"), NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "contact", "false");
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
items_changed_cb (GwRosterPage *self)
{
  update_count (self);
}

void
gw_roster_page_set_store (GwRosterPage *self,
                          GwStore      *store)
{
  g_autoptr(GListModel) statuses = NULL;
  const char *status_labels[GW_N_STATUSES + 1] = { NULL };
  GtkSorter *view_sorter;

  g_return_if_fail (GW_IS_ROSTER_PAGE (self));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  refresh_stage_labels (self);

  self->members = gw_member_list_new (store);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->members)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->members, "items-changed", G_CALLBACK (items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "members-changed", G_CALLBACK (members_changed_cb), self, 0);
  g_signal_connect_object (store, "settings-changed", G_CALLBACK (settings_changed_cb), self, 0);

  for (guint i = 0; i < GW_N_STATUSES; i++)
    status_labels[i] = gw_status_get_label (i);
  statuses = make_choices (_("Any status"), status_labels);
  gtk_drop_down_set_model (self->status_filter, statuses);

  refresh_lists (self);

  view_sorter = gtk_column_view_get_sorter (self->column_view);
  g_signal_connect_object (view_sorter, "changed", G_CALLBACK (sorter_changed_cb), self, 0);
  gtk_column_view_sort_by_column (self->column_view, self->columns[GW_MEMBER_SORT_NAME], GTK_SORT_ASCENDING);

  gtk_widget_set_visible (GTK_WIDGET (self->search_bar), TRUE);
  update_count (self);
}

GtkSearchBar *
gw_roster_page_get_search_bar (GwRosterPage *self)
{
  g_return_val_if_fail (GW_IS_ROSTER_PAGE (self), NULL);
  return self->search_bar;
}

/**
 * gw_roster_page_set_key_capture:
 *
 * Lets typing anywhere in @widget start a search, while the roster is the
 * page shown; %NULL stops it.
 */
void
gw_roster_page_set_key_capture (GwRosterPage *self,
                                GtkWidget    *widget)
{
  g_return_if_fail (GW_IS_ROSTER_PAGE (self));
  gtk_search_bar_set_key_capture_widget (self->search_bar, widget);
}

/**
 * gw_roster_page_show_stage:
 * @stage: a #GwStage, or -1 for everyone
 *
 * Clears the search and filters and shows one stage.
 */
void
gw_roster_page_show_stage (GwRosterPage *self,
                           int           stage)
{
  g_return_if_fail (GW_IS_ROSTER_PAGE (self));

  clear_clicked_cb (self);
  gtk_drop_down_set_selected (self->stage_filter, stage < 0 ? 0 : stage + 1);
}

void
gw_roster_page_start_search (GwRosterPage *self)
{
  g_return_if_fail (GW_IS_ROSTER_PAGE (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
gw_roster_page_focus_list (GwRosterPage *self)
{
  g_return_if_fail (GW_IS_ROSTER_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
gw_roster_page_dispose (GObject *object)
{
  GwRosterPage *self = GW_ROSTER_PAGE (object);

  g_clear_handle_id (&self->lists_idle, g_source_remove);
  g_clear_handle_id (&self->export_progress_source, g_source_remove);
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);

  /* The view lets go of its model before the template goes. */
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->members);

  gtk_widget_dispose_template (GTK_WIDGET (self), GW_TYPE_ROSTER_PAGE);

  G_OBJECT_CLASS (gw_roster_page_parent_class)->dispose (object);
}

static void
gw_roster_page_finalize (GObject *object)
{
  GwRosterPage *self = GW_ROSTER_PAGE (object);

  for (guint i = 0; i < GW_N_STAGES; i++)
    g_free (self->stage_labels[i]);
  g_strfreev (self->tags);
  g_strfreev (self->languages);
  g_clear_object (&self->export_cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gw_roster_page_parent_class)->finalize (object);
}

static void
gw_roster_page_class_init (GwRosterPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_roster_page_dispose;
  object_class->finalize = gw_roster_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/groundwork/Groundwork/gw-roster-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, GwRosterPage, box);
  gtk_widget_class_bind_template_child (widget_class, GwRosterPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, GwRosterPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GwRosterPage, stage_filter);
  gtk_widget_class_bind_template_child (widget_class, GwRosterPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, GwRosterPage, tag_filter);
  gtk_widget_class_bind_template_child (widget_class, GwRosterPage, language_filter);
  gtk_widget_class_bind_template_child (widget_class, GwRosterPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, GwRosterPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, GwRosterPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, GwRosterPage, export_revealer);
  gtk_widget_class_bind_template_child (widget_class, GwRosterPage, export_progress);
  gtk_widget_class_bind_template_child_full (widget_class, "name_column", FALSE,
                                             G_STRUCT_OFFSET (GwRosterPage, columns[GW_MEMBER_SORT_NAME]));
  gtk_widget_class_bind_template_child_full (widget_class, "stage_column", FALSE,
                                             G_STRUCT_OFFSET (GwRosterPage, columns[GW_MEMBER_SORT_STAGE]));
  gtk_widget_class_bind_template_child_full (widget_class, "phone_column", FALSE,
                                             G_STRUCT_OFFSET (GwRosterPage, columns[GW_MEMBER_SORT_PHONE]));
  gtk_widget_class_bind_template_child_full (widget_class, "neighbourhood_column", FALSE,
                                             G_STRUCT_OFFSET (GwRosterPage, columns[GW_MEMBER_SORT_NEIGHBOURHOOD]));
  gtk_widget_class_bind_template_child_full (widget_class, "languages_column", FALSE,
                                             G_STRUCT_OFFSET (GwRosterPage, columns[GW_MEMBER_SORT_LANGUAGES]));
  gtk_widget_class_bind_template_child_full (widget_class, "joined_column", FALSE,
                                             G_STRUCT_OFFSET (GwRosterPage, columns[GW_MEMBER_SORT_JOINED]));
  gtk_widget_class_bind_template_child_full (widget_class, "last_change_column", FALSE,
                                             G_STRUCT_OFFSET (GwRosterPage, columns[GW_MEMBER_SORT_LAST_CHANGE]));

  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_export_cb);

  gtk_widget_class_install_action (widget_class, "roster.print", NULL, print_roster_action);
  gtk_widget_class_install_action (widget_class, "roster.export-csv", NULL, export_csv_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "roster.print", NULL);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, 0, delete_selected_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Delete, 0, delete_selected_cb, NULL);
}

static void
gw_roster_page_init (GwRosterPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The entry sits in a clamp, so the bar does not find it by itself: it
   * would warn on every key the window passes it (Ctrl+Shift+E included)
   * and let typing start no search. */
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  for (guint i = 0; i < GW_N_MEMBER_SORTS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (record_column_cb, GUINT_TO_POINTER (i), NULL));

      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
      gtk_column_view_column_set_factory (self->columns[i], factory);
      gtk_column_view_column_set_sorter (self->columns[i], sorter);
      g_object_unref (factory);
      g_object_unref (sorter);
    }
}
