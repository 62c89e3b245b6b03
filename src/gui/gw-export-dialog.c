/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gw-date.h"
#include "gw-exchange.h"
#include "gw-export-dialog.h"
#include "gw-job-progress.h"
#include "gw-window.h"

/* Sharing with another chapter: the person picks the areas and how much of
 * them leaves the machine, then where the file goes. The export reads on a
 * second, read-only connection in a worker thread, so the window stays
 * responsive and the main connection is never used from two threads. */

struct _GwExportDialog
{
  AdwWindow         parent_instance;

  GwStore          *store;
  GwJobRun          job;

  GtkButton        *cancel_button;
  GtkButton        *export_button;
  GtkStack         *stack;
  GtkCheckButton   *members_check;
  GtkCheckButton   *meetings_check;
  GtkCheckButton   *notebook_check;
  GtkCheckButton   *ledger_check;
  GtkCheckButton   *counts_check;
  GtkCheckButton   *no_contact_check;
  GtkCheckButton   *full_check;
  GtkProgressBar   *progress_bar;
  AdwStatusPage    *error_page;
};

G_DEFINE_FINAL_TYPE (GwExportDialog, gw_export_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  GwStore           *reader;
  char              *path;
  GwExchangeAreas    areas;
  GwExchangePrivacy  privacy;
  GwJobProgress      progress;
} ExportJob;

/* A status page reads its description as markup; an error message is
 * plain text, and may quote the file (a parse error does). */
static void
set_error_description (AdwStatusPage *page,
                       const char    *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_status_page_set_description (page, escaped);
}

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->reader);
  g_free (job->path);
  g_free (job);
}

static GwExchangeAreas
get_areas (GwExportDialog *self)
{
  GwExchangeAreas areas = 0;

  if (gtk_check_button_get_active (self->members_check))
    areas |= GW_AREA_MEMBERS;
  if (gtk_check_button_get_active (self->meetings_check))
    areas |= GW_AREA_MEETINGS;
  if (gtk_check_button_get_active (self->notebook_check))
    areas |= GW_AREA_NOTEBOOK;
  if (gtk_check_button_get_active (self->ledger_check))
    areas |= GW_AREA_LEDGER;

  return areas;
}

static GwExchangePrivacy
get_privacy (GwExportDialog *self)
{
  if (gtk_check_button_get_active (self->full_check))
    return GW_PRIVACY_FULL;
  if (gtk_check_button_get_active (self->counts_check))
    return GW_PRIVACY_COUNTS;
  return GW_PRIVACY_NO_CONTACT;
}

static void
update_export_button (GwExportDialog *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  gtk_widget_set_visible (GTK_WIDGET (self->export_button), g_strcmp0 (page, "choose") == 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), get_areas (self) != 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->export_button),
                               get_areas (self) != 0 ? NULL : _("Choose at least one area to share"));
}

static void
show_page (GwExportDialog *self,
           const char     *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
  update_export_button (self);
  /* Otherwise the focus is left on Cancel, the first button, and Enter
   * would close the dialog rather than export. */
  if (g_str_equal (name, "choose") && gtk_widget_get_sensitive (GTK_WIDGET (self->export_button)))
    gtk_widget_grab_focus (GTK_WIDGET (self->export_button));
}

static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (gw_exchange_export (job->reader, job->path, job->areas, job->privacy,
                          gw_job_progress_report, &job->progress, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GwExportDialog *self = GW_EXPORT_DIALOG (object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  /* Written, even if the window was closed meanwhile: say so. */
  if (ok && GW_IS_WINDOW (parent))
    {
      g_autofree char *name = g_path_get_basename (job->path);
      /* Translators: %s is the name of the file written. */
      g_autofree char *title = g_strdup_printf (_("Exported to “%s”"), name);

      gw_window_add_toast (GW_WINDOW (parent), adw_toast_new (title));
    }

  if (!gw_job_run_finish (&self->job, GTK_WINDOW (self)))
    return;

  if (ok)
    gtk_window_destroy (GTK_WINDOW (self));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_page (self, "choose");
  else
    {
      set_error_description (self->error_page, error->message);
      show_page (self, "error");
    }
}

static void
start_export (GwExportDialog *self,
              const char     *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) reader = NULL;
  ExportJob *job;

  reader = gw_store_open_reader (self->store, &error);
  if (reader == NULL)
    {
      set_error_description (self->error_page, error->message);
      show_page (self, "error");
      return;
    }

  job = g_new0 (ExportJob, 1);
  job->reader = g_steal_pointer (&reader);
  job->path = g_strdup (path);
  job->areas = get_areas (self);
  job->privacy = get_privacy (self);

  /* Stop pressed while the finished file is being written comes too late:
   * the file is there, and the result says so rather than "cancelled". */
  show_page (self, "progress");
  gw_job_run_start (&self->job, self, job, (GDestroyNotify) export_job_free, &job->progress,
                    self->progress_bar, export_in_thread, export_done_cb);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     GwExportDialog  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);

  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      set_error_description (self->error_page,
                             _("That place cannot be written to directly. Choose a folder on this computer."));
      show_page (self, "error");
      return;
    }

  start_export (self, path);
}

static void
export_clicked_cb (GwExportDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *today = gw_date_today ();
  g_autofree char *name = NULL;

  if (get_areas (self) == 0 || gw_job_run_is_running (&self->job))
    return;

  if (get_privacy (self) == GW_PRIVACY_COUNTS)
    /* Translators: the file name of a counts-only export; %s is today's date. */
    name = g_strdup_printf (_("groundwork-summary-%s.json"), today);
  else
    /* Translators: the file name of an export; %s is today's date. */
    name = g_strdup_printf (_("groundwork-%s.json"), today);

  chooser = gtk_file_chooser_native_new (_("Save the File for Another Chapter"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Groundwork exchange files"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_clicked_cb (GwExportDialog *self)
{
  if (!gw_job_run_stop (&self->job))
    gtk_window_close (GTK_WINDOW (self));
}

static void
back_clicked_cb (GwExportDialog *self)
{
  show_page (self, "choose");
}

static gboolean
gw_export_dialog_close_request (GtkWindow *window)
{
  GwExportDialog *self = GW_EXPORT_DIALOG (window);

  /* The worker is stopped first; the dialog goes when it has (no file is
   * left half written: the core removes its temporary file). */
  if (gw_job_run_close_request (&self->job, window))
    return TRUE;

  return GTK_WINDOW_CLASS (gw_export_dialog_parent_class)->close_request (window);
}

static void
gw_export_dialog_dispose (GObject *object)
{
  GwExportDialog *self = GW_EXPORT_DIALOG (object);

  gw_job_run_clear (&self->job);
  gtk_widget_dispose_template (GTK_WIDGET (self), GW_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (gw_export_dialog_parent_class)->dispose (object);
}

static void
gw_export_dialog_finalize (GObject *object)
{
  GwExportDialog *self = GW_EXPORT_DIALOG (object);

  gw_job_run_clear (&self->job);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gw_export_dialog_parent_class)->finalize (object);
}

static void
gw_export_dialog_class_init (GwExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gw_export_dialog_dispose;
  object_class->finalize = gw_export_dialog_finalize;
  window_class->close_request = gw_export_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/groundwork/Groundwork/gw-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GwExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, GwExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, GwExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, GwExportDialog, members_check);
  gtk_widget_class_bind_template_child (widget_class, GwExportDialog, meetings_check);
  gtk_widget_class_bind_template_child (widget_class, GwExportDialog, notebook_check);
  gtk_widget_class_bind_template_child (widget_class, GwExportDialog, ledger_check);
  gtk_widget_class_bind_template_child (widget_class, GwExportDialog, counts_check);
  gtk_widget_class_bind_template_child (widget_class, GwExportDialog, no_contact_check);
  gtk_widget_class_bind_template_child (widget_class, GwExportDialog, full_check);
  gtk_widget_class_bind_template_child (widget_class, GwExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, GwExportDialog, error_page);
  gtk_widget_class_bind_template_callback (widget_class, update_export_button);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gw_export_dialog_init (GwExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->export_button));
  show_page (self, "choose");
}

/**
 * gw_export_dialog_new:
 *
 * Returns: (transfer floating): a dialog that writes what the person
 *   chooses of @store to a file for another chapter.
 */
GwExportDialog *
gw_export_dialog_new (GtkWindow *parent,
                      GwStore   *store)
{
  GwExportDialog *self;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);

  self = g_object_new (GW_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);

  return self;
}
