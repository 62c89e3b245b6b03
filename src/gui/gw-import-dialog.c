/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gw-exchange.h"
#include "gw-import-dialog.h"
#include "gw-job-progress.h"
#include "gw-window.h"

/* Reading what another chapter shared: the file is read, checked and
 * compared with the database, the person sees what would change, and only
 * then is it applied, in one transaction.
 *
 * Both steps run in a worker thread on a connection of their own, opened
 * for this import alone, and never on the window's: a GwStore is not
 * thread-safe, the window's connection is used all the time by the pages
 * (a list scrolled, a refresh, the minutes saved on a timer), and the
 * store emits its change signals where the transaction commits, which
 * must not be a worker thread since the pages update widgets from them.
 * SQLite serialises the two writers (write-ahead log, busy timeout), and
 * the window's readers see the import all at once when it commits. Once
 * it has, the window's store announces the change on the main thread. */

struct _GwImportDialog
{
  AdwWindow          parent_instance;

  GwStore           *store;       /* the window's */
  char              *path;
  GwStore           *writer;      /* this import's own connection */
  GwExchangeImport  *import;
  GwJobRun          job;
  GPtrArray         *area_rows;
  GtkStringList     *conflict_labels;

  GtkButton         *cancel_button;
  GtkButton         *import_button;
  GtkStack          *stack;
  AdwStatusPage     *progress_page;
  GtkProgressBar    *progress_bar;
  AdwStatusPage     *error_page;
  GtkWidget         *retry_button;
  AdwActionRow      *organization_row;
  AdwActionRow      *exported_row;
  AdwActionRow      *privacy_row;
  AdwPreferencesGroup *changes_group;
  GtkWidget         *nothing_label;
  GtkWidget         *conflicts_group;
  GtkListView       *conflicts_view;
};

G_DEFINE_FINAL_TYPE (GwImportDialog, gw_import_dialog, ADW_TYPE_WINDOW)

/* A status page reads its description as markup; an error message is
 * plain text, and may quote the file (a parse error does). */
static void
set_error_description (AdwStatusPage *page,
                       const char    *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_status_page_set_description (page, escaped);
}

static const GwExchangeAreas all_areas[] = {
  GW_AREA_MEMBERS, GW_AREA_MEETINGS, GW_AREA_NOTEBOOK, GW_AREA_LEDGER,
};

typedef struct
{
  char             *db_path;
  char             *path;
  GwStore          *writer;      /* load: opened in the worker; apply: borrowed */
  GwExchangeImport *import;      /* load: the result; apply: the dialog's */
  gboolean          borrowed;    /* whether @import is the dialog's */
  GwJobProgress     progress;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->db_path);
  g_free (job->path);
  g_clear_object (&job->writer);
  if (!job->borrowed)
    g_clear_pointer (&job->import, gw_exchange_import_free);
  g_free (job);
}

static void
show_page (GwImportDialog *self,
           const char     *name)
{
  gboolean preview = g_str_equal (name, "preview");
  gboolean changes = self->import != NULL && gw_exchange_import_has_changes (self->import);

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), preview);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), preview && changes);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->import_button),
                               changes ? NULL : _("Nothing in this file would change anything here"));
  gtk_button_set_label (self->cancel_button, g_str_equal (name, "error") ? _("_Close") : _("_Cancel"));
  if (preview && changes)
    {
      gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->import_button));
      /* Otherwise the focus is left on Cancel, the first button, and
       * Enter would close the dialog rather than import. */
      gtk_widget_grab_focus (GTK_WIDGET (self->import_button));
    }
}

static void
show_error (GwImportDialog *self,
            const char     *title,
            const GError   *error)
{
  adw_status_page_set_title (self->error_page, title);
  set_error_description (self->error_page, error->message);
  /* The database changed since the file was compared with it: comparing
   * again is all it takes. */
  gtk_widget_set_visible (self->retry_button,
                          g_error_matches (error, GW_EXCHANGE_ERROR, GW_EXCHANGE_ERROR_CHANGED));
  show_page (self, "error");
}

static void
start_task (GwImportDialog      *self,
            const char          *title,
            ImportJob           *job,
            GTaskThreadFunc      func,
            GAsyncReadyCallback  done)
{
  adw_status_page_set_title (self->progress_page, title);
  show_page (self, "progress");
  gw_job_run_start (&self->job, self, job, (GDestroyNotify) import_job_free, &job->progress,
                    self->progress_bar, func, done);
}

/* The preview */

static char *
describe_counts (const GwExchangeCounts *counts)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (counts->added > 0)
    /* Translators: part of a list: "3 new records · 2 updated · 10 unchanged". A
     * record is a person, a line of their history, a meeting, an entry… */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u new record", "%u new records", counts->added),
                                             counts->added));
  if (counts->updated > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u updated", "%u updated", counts->updated),
                                             counts->updated));
  if (counts->unchanged > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u unchanged", "%u unchanged", counts->unchanged),
                                             counts->unchanged));
  if (counts->conflicts > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u conflict", "%u conflicts", counts->conflicts),
                                             counts->conflicts));
  if (parts->len == 0)
    return g_strdup (_("Nothing in this part of the file"));

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static const char *
describe_privacy (GwExchangePrivacy privacy)
{
  switch (privacy)
    {
    case GW_PRIVACY_FULL:
      return _("Everything, contact details and notes included");
    case GW_PRIVACY_NO_CONTACT:
      return _("Without contact details and notes");
    case GW_PRIVACY_COUNTS:
    default:
      return _("Counts only");
    }
}

static void
setup_conflict_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *reason = gtk_label_new (NULL);
  GtkWidget *differs = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_xalign (GTK_LABEL (reason), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (reason), TRUE);
  gtk_label_set_xalign (GTK_LABEL (differs), 0);
  gtk_label_set_wrap (GTK_LABEL (differs), TRUE);
  gtk_widget_add_css_class (reason, "dim-label");
  gtk_widget_add_css_class (differs, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), reason);
  gtk_box_append (GTK_BOX (box), differs);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_conflict_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  GwImportDialog           *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *reason = gtk_widget_get_next_sibling (label);
  GtkWidget *differs = gtk_widget_get_next_sibling (reason);
  GPtrArray *conflicts = gw_exchange_import_get_conflicts (self->import);
  guint position = gtk_list_item_get_position (item);
  const GwExchangeConflict *conflict;

  if (conflicts == NULL || position >= conflicts->len)
    return;

  conflict = g_ptr_array_index (conflicts, position);
  gtk_label_set_text (GTK_LABEL (label), conflict->label);
  gtk_label_set_text (GTK_LABEL (reason), conflict->reason);
  gtk_widget_set_visible (differs, conflict->differs != NULL);
  if (conflict->differs != NULL)
    {
      /* Translators: the fields in which ours and the file's differ. */
      g_autofree char *text = g_strdup_printf (_("Differs in: %s"), conflict->differs);

      gtk_label_set_text (GTK_LABEL (differs), text);
    }
}

static void
show_preview (GwImportDialog *self)
{
  GwExchangeAreas areas = gw_exchange_import_get_areas (self->import);
  const char *organization = gw_exchange_import_get_organization (self->import);
  const char *exported = gw_exchange_import_get_exported (self->import);
  GPtrArray *conflicts = gw_exchange_import_get_conflicts (self->import);
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *when_text = NULL;

  adw_action_row_set_subtitle (self->organization_row,
                               organization != NULL && organization[0] != '\0'
                               ? organization : _("A chapter that did not give its name"));

  if (exported != NULL)
    when = g_date_time_new_from_iso8601 (exported, NULL);
  if (when != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (when);
      /* Translators: when a file was exported, see g_date_time_format(). */
      when_text = g_date_time_format (local, _("%x at %H:%M"));
    }
  adw_action_row_set_subtitle (self->exported_row,
                               when_text != NULL ? when_text : exported != NULL ? exported : "");
  adw_action_row_set_subtitle (self->privacy_row,
                               describe_privacy (gw_exchange_import_get_privacy (self->import)));

  for (guint i = 0; i < self->area_rows->len; i++)
    adw_preferences_group_remove (self->changes_group, g_ptr_array_index (self->area_rows, i));
  g_ptr_array_set_size (self->area_rows, 0);

  for (guint i = 0; i < G_N_ELEMENTS (all_areas); i++)
    {
      GwExchangeCounts counts = { 0 };
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if ((areas & all_areas[i]) == 0)
        continue;

      gw_exchange_import_get_counts (self->import, all_areas[i], &counts);
      subtitle = describe_counts (&counts);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gw_exchange_area_get_label (all_areas[i]));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_group_add (self->changes_group, row);
      g_ptr_array_add (self->area_rows, row);
    }

  /* Records in conflict are not "already here": ours differ, and are kept. */
  gtk_label_set_text (GTK_LABEL (self->nothing_label),
                      conflicts != NULL && conflicts->len > 0
                      ? _("Nothing would change: the file’s other records are already here, and where "
                          "it differs from ours, ours are kept.")
                      : _("Nothing would change: everything in this file is already here."));
  gtk_widget_set_visible (self->nothing_label, !gw_exchange_import_has_changes (self->import));

  gtk_string_list_splice (self->conflict_labels, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->conflict_labels)), NULL);
  /* The list view builds rows only for what is on screen; the string list
   * just gives it the number of rows, and each row reads its conflict by
   * position. */
  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    gtk_string_list_append (self->conflict_labels,
                            ((GwExchangeConflict *) g_ptr_array_index (conflicts, i))->label);
  gtk_widget_set_visible (self->conflicts_group, conflicts != NULL && conflicts->len > 0);

  show_page (self, "preview");
}

/* Loading */

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ImportJob *job = task_data;
  GError *error = NULL;

  job->writer = gw_store_open (job->db_path, &error);
  if (job->writer == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  job->import = gw_exchange_import_load (job->writer, job->path, gw_job_progress_report, &job->progress, cancellable, &error);
  if (job->import == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GwImportDialog *self = GW_IMPORT_DIALOG (object);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (ok)
    {
      g_clear_pointer (&self->import, gw_exchange_import_free);
      g_set_object (&self->writer, job->writer);
      self->import = g_steal_pointer (&job->import);
    }

  if (!gw_job_run_finish (&self->job, GTK_WINDOW (self)))
    return;

  if (!ok && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gtk_window_destroy (GTK_WINDOW (self));
  else if (!ok)
    show_error (self, _("This File Cannot Be Imported"), error);
  else
    show_preview (self);
}

static void
start_load (GwImportDialog *self)
{
  ImportJob *job = g_new0 (ImportJob, 1);

  job->db_path = g_strdup (gw_store_get_path (self->store));
  job->path = g_strdup (self->path);
  /* Parsing the file tells nothing of how far it is (a few seconds for
   * 100,000 people): the bar pulses until the checking starts. */
  gw_job_progress_init (&job->progress, FALSE);
  start_task (self, _("Reading the File…"), job, load_in_thread, load_done_cb);
}

static void
retry_clicked_cb (GwImportDialog *self)
{
  g_clear_pointer (&self->import, gw_exchange_import_free);
  start_load (self);
}

/* Applying */

static void
apply_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  ImportJob *job = task_data;
  GError *error = NULL;

  if (gw_exchange_import_apply (job->import, gw_job_progress_report, &job->progress, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The import committed on its own connection: the window's store tells the
 * pages, as it would have for a change of its own. */
static void
announce_changes (GwImportDialog  *self,
                  GwExchangeAreas  areas)
{
  if (areas & GW_AREA_MEMBERS)
    {
      g_signal_emit_by_name (self->store, "members-changed", (gint64) 0);
      g_signal_emit_by_name (self->store, "settings-changed", "points-of-unity");
    }
  if (areas & GW_AREA_MEETINGS)
    g_signal_emit_by_name (self->store, "meetings-changed", (gint64) 0);
  if (areas & GW_AREA_NOTEBOOK)
    g_signal_emit_by_name (self->store, "notebook-changed", (gint64) 0);
  if (areas & GW_AREA_LEDGER)
    g_signal_emit_by_name (self->store, "ledger-changed", (gint64) 0);
}

static char *
describe_import (GwExchangeImport *import)
{
  guint added = 0, updated = 0;
  g_autofree char *added_text = NULL;
  g_autofree char *updated_text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (all_areas); i++)
    {
      GwExchangeCounts counts = { 0 };

      if ((gw_exchange_import_get_areas (import) & all_areas[i]) == 0)
        continue;
      gw_exchange_import_get_counts (import, all_areas[i], &counts);
      added += counts.added;
      updated += counts.updated;
    }

  added_text = g_strdup_printf (ngettext ("Imported %u new record", "Imported %u new records", added), added);
  if (updated == 0)
    return g_steal_pointer (&added_text);

  updated_text = g_strdup_printf (ngettext ("%u updated", "%u updated", updated), updated);
  /* Translators: "Imported 3 new records, 2 updated". */
  return g_strdup_printf (_("%s, %s"), added_text, updated_text);
}

static void
apply_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GwImportDialog *self = GW_IMPORT_DIALOG (object);
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (ok)
    announce_changes (self, gw_exchange_import_get_areas (self->import));

  if (ok && GW_IS_WINDOW (parent))
    {
      g_autofree char *title = describe_import (self->import);

      gw_window_add_toast (GW_WINDOW (parent), adw_toast_new (title));
    }

  if (!gw_job_run_finish (&self->job, GTK_WINDOW (self)))
    return;

  if (ok)
    gtk_window_destroy (GTK_WINDOW (self));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Rolled back, and the preview holds: back to it, to import or
       * cancel. */
      show_preview (self);
    }
  else
    {
      g_clear_pointer (&self->import, gw_exchange_import_free);
      show_error (self, _("Could Not Import"), error);
    }
}

static void
import_clicked_cb (GwImportDialog *self)
{
  ImportJob *job;

  if (self->import == NULL || gw_job_run_is_running (&self->job) || !gw_exchange_import_has_changes (self->import))
    return;

  /* The import and its connection stay the dialog's; the worker borrows
   * them until it is done. */
  job = g_new0 (ImportJob, 1);
  job->writer = g_object_ref (self->writer);
  job->import = self->import;
  job->borrowed = TRUE;
  start_task (self, _("Importing…"), job, apply_in_thread, apply_done_cb);
}

static void
cancel_clicked_cb (GwImportDialog *self)
{
  if (!gw_job_run_stop (&self->job))
    gtk_window_close (GTK_WINDOW (self));
}

static gboolean
gw_import_dialog_close_request (GtkWindow *window)
{
  GwImportDialog *self = GW_IMPORT_DIALOG (window);

  /* A running step is stopped first (an import being applied rolls
   * back); the dialog goes once it has. */
  if (gw_job_run_close_request (&self->job, window))
    return TRUE;

  return GTK_WINDOW_CLASS (gw_import_dialog_parent_class)->close_request (window);
}

static void
gw_import_dialog_dispose (GObject *object)
{
  GwImportDialog *self = GW_IMPORT_DIALOG (object);

  gw_job_run_clear (&self->job);
  if (self->conflicts_view != NULL)
    gtk_list_view_set_model (self->conflicts_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GW_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (gw_import_dialog_parent_class)->dispose (object);
}

static void
gw_import_dialog_finalize (GObject *object)
{
  GwImportDialog *self = GW_IMPORT_DIALOG (object);

  g_clear_pointer (&self->import, gw_exchange_import_free);
  g_clear_object (&self->writer);
  gw_job_run_clear (&self->job);
  g_clear_object (&self->conflict_labels);
  g_clear_pointer (&self->area_rows, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_free (self->path);

  G_OBJECT_CLASS (gw_import_dialog_parent_class)->finalize (object);
}

static void
gw_import_dialog_class_init (GwImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gw_import_dialog_dispose;
  object_class->finalize = gw_import_dialog_finalize;
  window_class->close_request = gw_import_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/groundwork/Groundwork/gw-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GwImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, GwImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, GwImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, GwImportDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, GwImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, GwImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, GwImportDialog, retry_button);
  gtk_widget_class_bind_template_child (widget_class, GwImportDialog, organization_row);
  gtk_widget_class_bind_template_child (widget_class, GwImportDialog, exported_row);
  gtk_widget_class_bind_template_child (widget_class, GwImportDialog, privacy_row);
  gtk_widget_class_bind_template_child (widget_class, GwImportDialog, changes_group);
  gtk_widget_class_bind_template_child (widget_class, GwImportDialog, nothing_label);
  gtk_widget_class_bind_template_child (widget_class, GwImportDialog, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, GwImportDialog, conflicts_view);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gw_import_dialog_init (GwImportDialog *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->area_rows = g_ptr_array_new ();
  self->conflict_labels = gtk_string_list_new (NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_conflict_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_conflict_cb), self);
  gtk_list_view_set_factory (self->conflicts_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->conflicts_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->conflict_labels)))));
}

/**
 * gw_import_dialog_new:
 * @path: the exchange file to read
 *
 * Returns: (transfer floating): a dialog that reads @path, shows what it
 *   would change in @store and imports it when the person agrees.
 */
GwImportDialog *
gw_import_dialog_new (GtkWindow  *parent,
                      GwStore    *store,
                      const char *path)
{
  GwImportDialog *self;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (GW_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->path = g_strdup (path);
  start_load (self);

  return self;
}
