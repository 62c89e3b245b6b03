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
