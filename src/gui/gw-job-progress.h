/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* How far a job running in a worker thread has come, for a progress bar.
 * Put one in the GTask's data, pass gw_job_progress_report() and it to the
 * core call as its GwProgressFunc, and watch it from the main loop with
 * gw_job_progress_watch(). */
typedef struct
{
  int permille;   /* 0 to 1000, or -1 while there is no telling */
} GwJobProgress;

void  gw_job_progress_init   (GwJobProgress  *progress,
                              gboolean        known);
/* A GwProgressFunc: called from the worker thread. */
void  gw_job_progress_report (double          fraction,
                              gpointer        progress);
/* Shows @progress on @bar ten times a second (pulsing while there is no
 * telling) until the returned source is removed. The source keeps @task,
 * whose data holds @progress, and @bar alive meanwhile. */
guint gw_job_progress_watch  (GTask          *task,
                              GwJobProgress  *progress,
                              GtkProgressBar *bar);

/* A dialog's one job at a time in a worker thread, with its progress bar
 * and Stop: the lifecycle the export, import and spreadsheet dialogs share.
 * Closing the dialog while the job runs stops the job first and hides the
 * dialog, which goes once the job has ended. */
typedef struct
{
  GTask        *task;             /* while the job runs */
  GCancellable *cancellable;      /* while the job runs */
  guint         progress_source;
  gboolean      close_requested;
} GwJobRun;

/* Runs @func in a thread with @data (freed with @free_data) as the task's
 * data, @progress (inside @data) shown on @bar. The result is what the
 * worker returned even when Stop came after it had finished: a step that
 * committed has happened, and is not reported as cancelled. */
void     gw_job_run_start         (GwJobRun            *run,
                                   gpointer             source_object,
                                   gpointer             data,
                                   GDestroyNotify       free_data,
                                   GwJobProgress       *progress,
                                   GtkProgressBar      *bar,
                                   GTaskThreadFunc      func,
                                   GAsyncReadyCallback  done);
gboolean gw_job_run_is_running    (GwJobRun            *run);
/* Stop: asks a running job to stop; returns whether one was running. */
gboolean gw_job_run_stop          (GwJobRun            *run);
/* From @done: ends the job; returns FALSE, having destroyed @window, when
 * the window was closed meanwhile, and TRUE when the dialog goes on. */
gboolean gw_job_run_finish        (GwJobRun            *run,
                                   GtkWindow           *window);
/* From the window's close-request: returns TRUE (close refused for now)
 * while a job runs, having asked it to stop and hidden @window. */
gboolean gw_job_run_close_request (GwJobRun            *run,
                                   GtkWindow           *window);
/* From dispose and finalize: drops the watch and the cancellable. */
void     gw_job_run_clear         (GwJobRun            *run);

G_END_DECLS
