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

G_END_DECLS
