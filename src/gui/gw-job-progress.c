/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gw-job-progress.h"

typedef struct
{
  GTask          *task;
  GwJobProgress  *progress;
  GtkProgressBar *bar;
} Watch;

void
gw_job_progress_init (GwJobProgress *progress,
                      gboolean       known)
{
  progress->permille = known ? 0 : -1;
}

void
gw_job_progress_report (double   fraction,
                        gpointer progress)
{
  GwJobProgress *self = progress;

  g_atomic_int_set (&self->permille, (int) (CLAMP (fraction, 0.0, 1.0) * 1000));
}

static gboolean
show_progress_cb (gpointer user_data)
{
  Watch *watch = user_data;
  int permille = g_atomic_int_get (&watch->progress->permille);

  if (permille < 0)
    gtk_progress_bar_pulse (watch->bar);
  else
    gtk_progress_bar_set_fraction (watch->bar, permille / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
watch_free (gpointer data)
{
  Watch *watch = data;

  g_object_unref (watch->task);
  g_object_unref (watch->bar);
  g_free (watch);
}

guint
gw_job_progress_watch (GTask          *task,
                       GwJobProgress  *progress,
                       GtkProgressBar *bar)
{
  Watch *watch;

  g_return_val_if_fail (G_IS_TASK (task), 0);
  g_return_val_if_fail (progress != NULL, 0);
  g_return_val_if_fail (GTK_IS_PROGRESS_BAR (bar), 0);

  watch = g_new0 (Watch, 1);
  watch->task = g_object_ref (task);
  watch->progress = progress;
  watch->bar = g_object_ref (bar);
  show_progress_cb (watch);
  return g_timeout_add_full (G_PRIORITY_DEFAULT, 100, show_progress_cb, watch, watch_free);
}

void
gw_job_run_start (GwJobRun            *run,
                  gpointer             source_object,
                  gpointer             data,
                  GDestroyNotify       free_data,
                  GwJobProgress       *progress,
                  GtkProgressBar      *bar,
                  GTaskThreadFunc      func,
                  GAsyncReadyCallback  done)
{
  g_return_if_fail (run->task == NULL);

  run->cancellable = g_cancellable_new ();
  run->task = g_task_new (source_object, run->cancellable, done, NULL);
  g_task_set_task_data (run->task, data, free_data);
  g_task_set_check_cancellable (run->task, FALSE);

  gtk_progress_bar_set_fraction (bar, 0);
  run->progress_source = gw_job_progress_watch (run->task, progress, bar);
  g_task_run_in_thread (run->task, func);
}

gboolean
gw_job_run_is_running (GwJobRun *run)
{
  return run->task != NULL;
}

gboolean
gw_job_run_stop (GwJobRun *run)
{
  if (run->cancellable == NULL)
    return FALSE;
  g_cancellable_cancel (run->cancellable);
  return TRUE;
}

gboolean
gw_job_run_finish (GwJobRun  *run,
                   GtkWindow *window)
{
  g_clear_handle_id (&run->progress_source, g_source_remove);
  g_clear_object (&run->task);
  g_clear_object (&run->cancellable);

  if (run->close_requested)
    {
      gtk_window_destroy (window);
      return FALSE;
    }

  return TRUE;
}

gboolean
gw_job_run_close_request (GwJobRun  *run,
                          GtkWindow *window)
{
  if (run->task == NULL)
    return FALSE;

  run->close_requested = TRUE;
  g_cancellable_cancel (run->cancellable);
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  return TRUE;
}

void
gw_job_run_clear (GwJobRun *run)
{
  g_clear_handle_id (&run->progress_source, g_source_remove);
  g_clear_object (&run->cancellable);
}
