/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gw-csv-import.h"
#include "gw-job-progress.h"
#include "gw-spreadsheet-dialog.h"
#include "gw-window.h"

/* Adding people from a spreadsheet (a sign-up sheet typed up, a list from
 * another group): the file is read, the person says what each column
 * holds, every row is checked against the roster, the rows to look at are
 * reviewed, and everything is added in one transaction.
 *
 * Reading, checking and adding run in a worker thread on a connection of
 * this dialog's own, never on the window's, which is not thread-safe and
 * is used by the pages all the time; the store also emits its change
 * signals where a transaction commits, which must not be a worker thread.
 * When the people are added, the window's store announces it on the main
 * thread. The review list is a GtkColumnView over a plain list model, so a
 * file of 100,000 rows makes rows only for what is on screen. */

#define PREVIEW_ROWS    5
#define PREVIEW_COLUMNS 30
#define SAMPLES         3

typedef enum
{
  STEP_READ,
  STEP_CHECK,
  STEP_APPLY,
} Step;

struct _GwSpreadsheetDialog
{
  AdwWindow         parent_instance;

  GwStore          *store;          /* the window's */
  char             *path;
  GwStore          *writer;         /* this dialog's own connection */
  GwCsvImport      *import;
  Step              step;
  GwJobRun          job;
  gboolean          updating;
  GPtrArray        *column_rows;
  GtkStringList    *field_labels;
  GArray           *review_indices;  /* of guint: the rows listed for review */
  GtkStringList    *review_names;    /* as many items, for the view */
  GtkStringList    *action_models[3];
  guint             n_add;
  guint             n_merge;

  GtkButton        *cancel_button;
  GtkButton        *back_button;
  GtkButton        *next_button;
  GtkStack         *stack;
  AdwStatusPage    *progress_page;
  GtkProgressBar   *progress_bar;
  AdwStatusPage    *error_page;
  GtkWidget        *error_hint;
  AdwActionRow     *header_row;
  GtkSwitch        *header_switch;
  AdwPreferencesGroup *file_group;
  AdwPreferencesGroup *columns_group;
  GtkLabel         *mapping_error;
  GtkGrid          *preview_grid;
  GtkLabel         *summary_label;
  GtkLabel         *review_hint;
  GtkStack         *review_stack;
  GtkColumnView    *review_view;
  GtkColumnViewColumn *line_column;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *reason_column;
  GtkColumnViewColumn *action_column;
};

G_DEFINE_FINAL_TYPE (GwSpreadsheetDialog, gw_spreadsheet_dialog, ADW_TYPE_WINDOW)

/* The choices offered for a row to review, in the order shown: a row with
 * a problem can only be left out; a repeat within the file has no one on
 * the roster to merge with. */
enum { ACTIONS_DUPLICATE, ACTIONS_REPEAT, ACTIONS_PROBLEM };

/* A status page reads its description as markup; an error message is
 * plain text, and may quote the file (a parse error does). */
static void
set_error_description (AdwStatusPage *page,
                       const char    *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_status_page_set_description (page, escaped);
}

static const GwCsvRowAction duplicate_actions[] = { GW_CSV_ROW_SKIP, GW_CSV_ROW_MERGE, GW_CSV_ROW_ADD };
static const GwCsvRowAction repeat_actions[] = { GW_CSV_ROW_SKIP, GW_CSV_ROW_ADD };
static const GwCsvRowAction problem_actions[] = { GW_CSV_ROW_SKIP };

static const GwCsvRowAction * const actions_of[] = { duplicate_actions, repeat_actions, problem_actions };
static const guint n_actions_of[] = {
  G_N_ELEMENTS (duplicate_actions), G_N_ELEMENTS (repeat_actions), G_N_ELEMENTS (problem_actions),
};

static const char *
get_action_label (GwCsvRowAction action)
{
  switch (action)
    {
    case GW_CSV_ROW_ADD:
      return _("Add as New");
    case GW_CSV_ROW_MERGE:
      return _("Merge");
    case GW_CSV_ROW_SKIP:
    default:
      return _("Leave Out");
    }
}

typedef struct
{
  char         *db_path;
  char         *path;
  GwStore      *writer;
  GwCsvImport  *import;     /* read: the result; check and apply: the dialog's */
  gboolean      borrowed;
  GwJobProgress progress;
  guint         added;
  guint         merged;
} Job;

static void
job_free (Job *job)
{
  g_free (job->db_path);
  g_free (job->path);
  g_clear_object (&job->writer);
  if (!job->borrowed)
    g_clear_pointer (&job->import, gw_csv_import_free);
  g_free (job);
}

static void
show_page (GwSpreadsheetDialog *self,
           const char          *name)
{
  gboolean mapping = g_str_equal (name, "mapping");
  gboolean review = g_str_equal (name, "review");

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), review);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), mapping || review);
  gtk_button_set_label (self->next_button, review ? _("_Import") : _("_Check"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->next_button),
                               review ? _("Add the people to the roster")
                                      : _("Check every row against the roster"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), !review || self->n_add + self->n_merge > 0);
  gtk_button_set_label (self->cancel_button, g_str_equal (name, "error") ? _("_Close") : _("_Cancel"));
  if (mapping || review)
    {
      gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->next_button));
      /* Otherwise the focus is left on Cancel, the first button, and
       * Enter would close the dialog rather than go on. */
      if (gtk_widget_get_sensitive (GTK_WIDGET (self->next_button)))
        gtk_widget_grab_focus (GTK_WIDGET (self->next_button));
    }
}

static void
show_error (GwSpreadsheetDialog *self,
            const char          *title,
            const GError        *error,
            gboolean             file_hint)
{
  adw_status_page_set_title (self->error_page, title);
  set_error_description (self->error_page, error->message);
  gtk_widget_set_visible (self->error_hint, file_hint);
  show_page (self, "error");
}

static void
start_task (GwSpreadsheetDialog *self,
            Step                 step,
            const char          *title,
            Job                 *job,
            GTaskThreadFunc      func,
            GAsyncReadyCallback  done)
{
  self->step = step;
  adw_status_page_set_title (self->progress_page, title);
  show_page (self, "progress");
  gw_job_run_start (&self->job, self, job, (GDestroyNotify) job_free, &job->progress,
                    self->progress_bar, func, done);
}

/* Mapping the columns */

static const char *
get_cell (const GwCsvTable *table,
          guint             row,
          guint             column)
{
  GStrv cells;

  if (row >= table->rows->len)
    return NULL;
  cells = g_ptr_array_index (table->rows, row);
  if (cells == NULL || column >= g_strv_length (cells))
    return NULL;
  return cells[column];
}

/* Each cell of the first rows is shown on one line: a line break inside
 * it, whichever kind the file has (an old Mac's lone "\r" included, which
 * a label would show as a raw control character), becomes "↵". */
static char *
dup_one_line (const char *text)
{
  GString *out;

  if (text == NULL)
    return NULL;

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r' || *p == '\n')
        {
          g_string_append (out, "↵");
          if (p[0] == '\r' && p[1] == '\n')
            p++;
        }
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static void
rebuild_preview (GwSpreadsheetDialog *self)
{
  const GwCsvTable *table = gw_csv_import_get_table (self->import);
  guint first = gw_csv_import_get_has_header (self->import) ? 1 : 0;
  guint n_columns = MIN (gw_csv_import_get_n_columns (self->import), PREVIEW_COLUMNS);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);

  for (guint c = 0; c < n_columns; c++)
    {
      GwCsvField field = gw_csv_import_get_field (self->import, c);
      GtkWidget *label = gtk_label_new (gw_csv_field_get_label (field));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, field == GW_CSV_FIELD_IGNORE ? "dim-label" : "heading");
      gtk_grid_attach (self->preview_grid, label, c, 0, 1, 1);

      for (guint r = 0; r < PREVIEW_ROWS; r++)
        {
          g_autofree char *text = dup_one_line (get_cell (table, first + r, c));

          label = gtk_label_new (text);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
          gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
          if (field == GW_CSV_FIELD_IGNORE)
            gtk_widget_add_css_class (label, "dim-label");
          gtk_grid_attach (self->preview_grid, label, c, r + 1, 1, 1);
        }
    }
}

static char *
dup_samples (GwSpreadsheetDialog *self,
             guint                column)
{
  const GwCsvTable *table = gw_csv_import_get_table (self->import);
  g_autoptr(GPtrArray) samples = g_ptr_array_new_with_free_func (g_free);
  guint first = gw_csv_import_get_has_header (self->import) ? 1 : 0;

  for (guint r = first; r < table->rows->len && r < first + 50 && samples->len < SAMPLES; r++)
    {
      const char *text = get_cell (table, r, column);

      if (text != NULL && text[0] != '\0')
        g_ptr_array_add (samples, dup_one_line (text));
    }

  if (samples->len == 0)
    return g_strdup (_("Empty in the first rows"));

  g_ptr_array_add (samples, NULL);
  /* Translators: separates sample values of a spreadsheet column. */
  return g_strjoinv (_(", "), (char **) samples->pdata);
}

static void
field_selected_cb (AdwComboRow         *row,
                   GParamSpec          *pspec,
                   GwSpreadsheetDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || self->import == NULL || selected >= GW_N_CSV_FIELDS)
    return;

  gw_csv_import_set_field (self->import, column, (GwCsvField) selected);
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_error), FALSE);
  rebuild_preview (self);
}

static void
rebuild_mapping (GwSpreadsheetDialog *self)
{
  guint n_columns = gw_csv_import_get_n_columns (self->import);

  self->updating = TRUE;

  gtk_switch_set_active (self->header_switch, gw_csv_import_get_has_header (self->import));

  for (guint i = 0; i < self->column_rows->len; i++)
    adw_preferences_group_remove (self->columns_group, g_ptr_array_index (self->column_rows, i));
  g_ptr_array_set_size (self->column_rows, 0);

  for (guint c = 0; c < n_columns; c++)
    {
      GtkWidget *row = adw_combo_row_new ();
      g_autofree char *samples = dup_samples (self, c);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gw_csv_import_get_heading (self->import, c));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), samples);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (self->field_labels));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), gw_csv_import_get_field (self->import, c));
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (c));
      g_signal_connect (row, "notify::selected", G_CALLBACK (field_selected_cb), self);
      adw_preferences_group_add (self->columns_group, row);
      g_ptr_array_add (self->column_rows, row);
    }

  self->updating = FALSE;
  rebuild_preview (self);
}

static void describe_file (GwSpreadsheetDialog *self);

static void
header_switch_cb (GwSpreadsheetDialog *self)
{
  if (self->updating || self->import == NULL)
    return;

  gw_csv_import_set_has_header (self->import, gtk_switch_get_active (self->header_switch));
  describe_file (self);
  rebuild_mapping (self);
}

static void
describe_file (GwSpreadsheetDialog *self)
{
  const GwCsvTable *table = gw_csv_import_get_table (self->import);
  g_autofree char *name = g_path_get_basename (self->path);
  /* The headings are not a row of people. */
  guint n_rows = table->rows->len - (table->rows->len > 0 && gw_csv_import_get_has_header (self->import) ? 1 : 0);
  g_autofree char *rows = g_strdup_printf (ngettext ("%u row", "%u rows", n_rows), n_rows);
  const char *delimiter;
  g_autofree char *description = NULL;

  switch (table->delimiter)
    {
    case ';':
      delimiter = _("separated by semicolons");
      break;
    case '\t':
      delimiter = _("separated by tabs");
      break;
    default:
      delimiter = _("separated by commas");
      break;
    }

  /* Translators: "members.csv: 152 rows, separated by commas". */
  description = g_strdup_printf (_("%s: %s, %s"), name, rows, delimiter);
  adw_preferences_group_set_description (self->file_group, description);
}

/* Reading */

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  GwCsvTable *table;

  job->writer = gw_store_open (job->db_path, &error);
  if (job->writer == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  table = gw_csv_read_file (job->path, cancellable, &error);
  if (table == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  job->import = gw_csv_import_new (job->writer, table);
  g_task_return_boolean (task, TRUE);
}

static void
read_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GwSpreadsheetDialog *self = GW_SPREADSHEET_DIALOG (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (ok)
    {
      g_set_object (&self->writer, job->writer);
      self->import = g_steal_pointer (&job->import);
    }

  if (!gw_job_run_finish (&self->job, GTK_WINDOW (self)))
    return;

  if (!ok && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gtk_window_destroy (GTK_WINDOW (self));
  else if (!ok)
    show_error (self, _("This File Cannot Be Read"), error, error->domain == GW_CSV_ERROR);
  else
    {
      describe_file (self);
      rebuild_mapping (self);
      show_page (self, "mapping");
    }
}

/* Checking and reviewing */

static void
update_summary (GwSpreadsheetDialog *self)
{
  guint n_rows = gw_csv_import_get_n_rows (self->import);
  guint n_skip = 0;
  g_autoptr(GString) text = g_string_new (NULL);

  self->n_add = self->n_merge = 0;
  for (guint i = 0; i < n_rows; i++)
    {
      switch (gw_csv_import_get_row (self->import, i)->action)
        {
        case GW_CSV_ROW_ADD:
          self->n_add++;
          break;
        case GW_CSV_ROW_MERGE:
          self->n_merge++;
          break;
        case GW_CSV_ROW_SKIP:
        default:
          n_skip++;
          break;
        }
    }

  g_string_append_printf (text, ngettext ("%u person will be added.", "%u people will be added.",
                                          self->n_add), self->n_add);
  if (self->n_merge > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("%u row will fill in someone already on the roster.",
                                              "%u rows will fill in people already on the roster.",
                                              self->n_merge), self->n_merge);
    }
  if (n_skip > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("%u row will be left out.", "%u rows will be left out.",
                                              n_skip), n_skip);
    }
  gtk_label_set_text (self->summary_label, text->str);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "review"))
    gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), self->n_add + self->n_merge > 0);
}

static void
build_review (GwSpreadsheetDialog *self)
{
  guint n_rows = gw_csv_import_get_n_rows (self->import);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_array_set_size (self->review_indices, 0);
  for (guint i = 0; i < n_rows; i++)
    {
      GwCsvRow *row = gw_csv_import_get_row (self->import, i);
      const char *name;

      if (row->problem == NULL && row->duplicate_reason == NULL && row->duplicate_id == 0)
        continue;
      name = row->draft != NULL ? gw_member_get_full_name (row->draft) : NULL;
      g_array_append_val (self->review_indices, i);
      g_ptr_array_add (names, (gpointer) (name != NULL ? name : ""));
    }
  g_ptr_array_add (names, NULL);

  /* One splice, so the view hears of the whole list once. */
  gtk_string_list_splice (self->review_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->review_names)),
                          (const char * const *) names->pdata);

  gtk_stack_set_visible_child_name (self->review_stack, self->review_indices->len > 0 ? "list" : "empty");
  gtk_label_set_text (self->review_hint,
                      self->review_indices->len > 0
                      ? _("These rows need a look. A row with a problem is left out: correct it in the "
                          "spreadsheet and import it again. Someone who may already be on the roster is "
                          "left out unless you choose to merge the row into their record or add them as new.")
                      : _("Every row will be added as a new person, at the first stage of the ladder."));
  update_summary (self);
}

static GwCsvRow *
get_review_row (GwSpreadsheetDialog *self,
                GtkListItem         *item,
                guint               *index)
{
  guint position = gtk_list_item_get_position (item);

  if (self->import == NULL || position >= self->review_indices->len)
    return NULL;

  *index = g_array_index (self->review_indices, guint, position);
  return gw_csv_import_get_row (self->import, *index);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               GwSpreadsheetDialog      *self)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  g_autofree char *text = NULL;
  guint index;
  GwCsvRow *row = get_review_row (self, item, &index);

  if (row == NULL)
    return;

  gtk_widget_remove_css_class (label, "error");
  if (column == 0)
    text = g_strdup_printf ("%u", row->line);
  else if (column == 1)
    text = g_strdup (row->draft ? gw_member_get_full_name (row->draft) : "");
  else if (row->problem != NULL)
    {
      text = g_strdup (row->problem);
      gtk_widget_add_css_class (label, "error");
    }
  else if (row->duplicate_id != 0 && row->duplicate_name != NULL && row->duplicate_reason != NULL)
    /* Translators: "Same phone as Ana Pérez": why a row may be someone on
     * the roster, and who. */
    text = g_strdup_printf (_("%s as %s"), row->duplicate_reason, row->duplicate_name);
  else
    text = g_strdup (row->duplicate_reason ? row->duplicate_reason : "");

  gtk_label_set_text (GTK_LABEL (label), text);
}

static void
action_selected_cb (GtkDropDown         *drop_down,
                    GParamSpec          *pspec,
                    GwSpreadsheetDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop_down), "row-index"));
  guint kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop_down), "actions"));
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (index == 0 || self->import == NULL || selected >= n_actions_of[kind])
    return;

  gw_csv_import_set_action (self->import, index - 1, actions_of[kind][selected]);
  update_summary (self);
}

static void
setup_action_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 GwSpreadsheetDialog      *self)
{
  GtkWidget *drop_down = gtk_drop_down_new (NULL, NULL);

  gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (drop_down, "flat");
  g_signal_connect (drop_down, "notify::selected", G_CALLBACK (action_selected_cb), self);
  gtk_list_item_set_child (item, drop_down);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_action_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                GwSpreadsheetDialog      *self)
{
  GtkWidget *drop_down = gtk_list_item_get_child (item);
  guint index, kind, selected = 0;
  GwCsvRow *row = get_review_row (self, item, &index);
  g_autofree char *name = NULL;

  if (row == NULL)
    return;

  if (row->problem != NULL)
    kind = ACTIONS_PROBLEM;
  else if (row->duplicate_id != 0)
    kind = ACTIONS_DUPLICATE;
  else
    kind = ACTIONS_REPEAT;

  for (guint i = 0; i < n_actions_of[kind]; i++)
    if (actions_of[kind][i] == row->action)
      selected = i;

  g_signal_handlers_block_by_func (drop_down, action_selected_cb, self);
  g_object_set_data (G_OBJECT (drop_down), "row-index", GUINT_TO_POINTER (index + 1));
  g_object_set_data (G_OBJECT (drop_down), "actions", GUINT_TO_POINTER (kind));
  gtk_drop_down_set_model (GTK_DROP_DOWN (drop_down), G_LIST_MODEL (self->action_models[kind]));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), selected);
  gtk_widget_set_sensitive (drop_down, kind != ACTIONS_PROBLEM);
  g_signal_handlers_unblock_by_func (drop_down, action_selected_cb, self);

  /* Translators: the accessible name of the choice for one row of a
   * spreadsheet; %u is its line number. */
  name = g_strdup_printf (_("What to do with line %u"), row->line);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
unbind_action_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  GwSpreadsheetDialog      *self)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (item)), "row-index", NULL);
}

static void
check_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;

  if (gw_csv_import_check (job->import, gw_job_progress_report, &job->progress, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GwSpreadsheetDialog *self = GW_SPREADSHEET_DIALOG (object);
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (!gw_job_run_finish (&self->job, GTK_WINDOW (self)))
    return;

  if (ok)
    {
      build_review (self);
      show_page (self, "review");
      return;
    }

  /* Most often no name column is mapped: said beside the columns. */
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      gtk_label_set_text (self->mapping_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->mapping_error), TRUE);
    }
  show_page (self, "mapping");
}

/* Adding */

static void
apply_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;

  /* Groundwork has no accounts: who added the people is left empty rather
   * than guessed from the computer's user name, which may be shared. */
  if (gw_csv_import_apply (job->import, "", gw_job_progress_report, &job->progress, cancellable,
                           &job->added, &job->merged, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
apply_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GwSpreadsheetDialog *self = GW_SPREADSHEET_DIALOG (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (ok)
    {
      /* Added on this dialog's connection: the window's store tells the
       * pages, as for a change of its own. */
      g_signal_emit_by_name (self->store, "members-changed", (gint64) 0);

      if (GW_IS_WINDOW (parent))
        {
          g_autofree char *title = g_strdup_printf (ngettext ("Added %u person", "Added %u people", job->added),
                                                    job->added);

          if (job->merged > 0)
            {
              g_autofree char *added = g_steal_pointer (&title);
              /* Translators: "Added 12 people, merged 2": rows merged into
               * people already on the roster. */
              title = g_strdup_printf (ngettext ("%s, merged %u", "%s, merged %u", job->merged),
                                       added, job->merged);
            }
          gw_window_add_toast (GW_WINDOW (parent), adw_toast_new (title));
        }
    }

  if (!gw_job_run_finish (&self->job, GTK_WINDOW (self)))
    return;

  if (ok)
    gtk_window_destroy (GTK_WINDOW (self));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_page (self, "review");
  else
    show_error (self, _("Could Not Add the People"), error, FALSE);
}

/* Buttons */

static void
next_clicked_cb (GwSpreadsheetDialog *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  Job *job;

  if (self->import == NULL || gw_job_run_is_running (&self->job))
    return;

  job = g_new0 (Job, 1);
  job->import = self->import;
  job->borrowed = TRUE;

  if (g_str_equal (page, "mapping"))
    start_task (self, STEP_CHECK, _("Checking Every Row…"), job, check_in_thread, check_done_cb);
  else if (g_str_equal (page, "review") && self->n_add + self->n_merge > 0)
    start_task (self, STEP_APPLY, _("Adding the People…"), job, apply_in_thread, apply_done_cb);
  else
    job_free (job);
}

static void
back_clicked_cb (GwSpreadsheetDialog *self)
{
  if (!gw_job_run_is_running (&self->job))
    show_page (self, "mapping");
}

static void
stop_clicked_cb (GwSpreadsheetDialog *self)
{
  gw_job_run_stop (&self->job);
}

static void
cancel_clicked_cb (GwSpreadsheetDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
gw_spreadsheet_dialog_close_request (GtkWindow *window)
{
  GwSpreadsheetDialog *self = GW_SPREADSHEET_DIALOG (window);

  /* A running step is stopped first (people being added are rolled
   * back); the dialog goes once it has. */
  if (gw_job_run_close_request (&self->job, window))
    return TRUE;

  return GTK_WINDOW_CLASS (gw_spreadsheet_dialog_parent_class)->close_request (window);
}

static void
gw_spreadsheet_dialog_dispose (GObject *object)
{
  GwSpreadsheetDialog *self = GW_SPREADSHEET_DIALOG (object);

  gw_job_run_clear (&self->job);
  if (self->review_view != NULL)
    gtk_column_view_set_model (self->review_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GW_TYPE_SPREADSHEET_DIALOG);

  G_OBJECT_CLASS (gw_spreadsheet_dialog_parent_class)->dispose (object);
}

static void
gw_spreadsheet_dialog_finalize (GObject *object)
{
  GwSpreadsheetDialog *self = GW_SPREADSHEET_DIALOG (object);

  g_clear_pointer (&self->import, gw_csv_import_free);
  g_clear_object (&self->writer);
  gw_job_run_clear (&self->job);
  g_clear_object (&self->field_labels);
  g_clear_object (&self->review_names);
  for (guint i = 0; i < G_N_ELEMENTS (self->action_models); i++)
    g_clear_object (&self->action_models[i]);
  g_clear_pointer (&self->review_indices, g_array_unref);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_free (self->path);

  G_OBJECT_CLASS (gw_spreadsheet_dialog_parent_class)->finalize (object);
}

static void
gw_spreadsheet_dialog_class_init (GwSpreadsheetDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gw_spreadsheet_dialog_dispose;
  object_class->finalize = gw_spreadsheet_dialog_finalize;
  window_class->close_request = gw_spreadsheet_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/groundwork/Groundwork/gw-spreadsheet-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GwSpreadsheetDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, GwSpreadsheetDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, GwSpreadsheetDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, GwSpreadsheetDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, GwSpreadsheetDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, GwSpreadsheetDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, GwSpreadsheetDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, GwSpreadsheetDialog, error_hint);
  gtk_widget_class_bind_template_child (widget_class, GwSpreadsheetDialog, header_row);
  gtk_widget_class_bind_template_child (widget_class, GwSpreadsheetDialog, header_switch);
  gtk_widget_class_bind_template_child (widget_class, GwSpreadsheetDialog, file_group);
  gtk_widget_class_bind_template_child (widget_class, GwSpreadsheetDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, GwSpreadsheetDialog, mapping_error);
  gtk_widget_class_bind_template_child (widget_class, GwSpreadsheetDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, GwSpreadsheetDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GwSpreadsheetDialog, review_hint);
  gtk_widget_class_bind_template_child (widget_class, GwSpreadsheetDialog, review_stack);
  gtk_widget_class_bind_template_child (widget_class, GwSpreadsheetDialog, review_view);
  gtk_widget_class_bind_template_child (widget_class, GwSpreadsheetDialog, line_column);
  gtk_widget_class_bind_template_child (widget_class, GwSpreadsheetDialog, name_column);
  gtk_widget_class_bind_template_child (widget_class, GwSpreadsheetDialog, reason_column);
  gtk_widget_class_bind_template_child (widget_class, GwSpreadsheetDialog, action_column);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, header_switch_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkListItemFactory *
make_factory (GwSpreadsheetDialog *self,
              guint                column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (column));
  if (column == 3)
    {
      g_signal_connect (factory, "setup", G_CALLBACK (setup_action_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_action_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_action_cb), self);
    }
  else
    {
      g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), self);
    }
  return factory;
}

static void
gw_spreadsheet_dialog_init (GwSpreadsheetDialog *self)
{
  GtkColumnViewColumn *columns[4];

  gtk_widget_init_template (GTK_WIDGET (self));

  self->column_rows = g_ptr_array_new ();
  self->review_indices = g_array_new (FALSE, FALSE, sizeof (guint));
  self->review_names = gtk_string_list_new (NULL);
  self->field_labels = gtk_string_list_new (NULL);
  for (guint i = 0; i < GW_N_CSV_FIELDS; i++)
    gtk_string_list_append (self->field_labels, gw_csv_field_get_label (i));
  for (guint k = 0; k < G_N_ELEMENTS (self->action_models); k++)
    {
      self->action_models[k] = gtk_string_list_new (NULL);
      for (guint i = 0; i < n_actions_of[k]; i++)
        gtk_string_list_append (self->action_models[k], get_action_label (actions_of[k][i]));
    }

  columns[0] = self->line_column;
  columns[1] = self->name_column;
  columns[2] = self->reason_column;
  columns[3] = self->action_column;
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = make_factory (self, i);

      gtk_column_view_column_set_factory (columns[i], factory);
      g_object_unref (factory);
    }
  gtk_column_view_set_model (self->review_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->review_names)))));
}

/**
 * gw_spreadsheet_dialog_new:
 * @path: the spreadsheet, saved as CSV
 *
 * Returns: (transfer floating): a dialog that reads @path and, once the
 *   person has mapped and reviewed it, adds its people to @store.
 */
GwSpreadsheetDialog *
gw_spreadsheet_dialog_new (GtkWindow  *parent,
                           GwStore    *store,
                           const char *path)
{
  GwSpreadsheetDialog *self;
  Job *job;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (GW_TYPE_SPREADSHEET_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->path = g_strdup (path);

  job = g_new0 (Job, 1);
  job->db_path = g_strdup (gw_store_get_path (store));
  job->path = g_strdup (path);
  gw_job_progress_init (&job->progress, FALSE);
  start_task (self, STEP_READ, _("Reading the Spreadsheet…"), job, read_in_thread, read_done_cb);

  return self;
}
