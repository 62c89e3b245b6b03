/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-notebook.h"
#include "gw-store.h"

G_BEGIN_DECLS

/* Dialogs that add or change one thing of the notebook, and the helpers the
 * notebook's pages share. Each dialog is transient for @widget's window;
 * a new thing is shown once stored (win.show-notebook). An id of 0 adds. */

const char *gw_notebook_type_to_kind        (GwNotebookType  type);
GwNotebookType gw_notebook_kind_to_type     (const char     *kind);

/* Returns: (transfer full): @snippet escaped for Pango with its match
 * markers turned into <b> and </b>. */
char       *gw_notebook_snippet_markup      (const char     *snippet);

void        gw_notebook_show_error          (GtkWidget      *widget,
                                             const char     *heading,
                                             const GError   *error);

/* Deletes the thing with an Undo toast; a force is deleted only after
 * saying what links to it and asking. */
void        gw_notebook_delete              (GtkWidget      *widget,
                                             GwStore        *store,
                                             GwNotebookType  type,
                                             gint64          id,
                                             const char     *title);

void        gw_force_dialog_present         (GtkWidget      *widget,
                                             GwStore        *store,
                                             gint64          force_id);
void        gw_stance_dialog_present        (GtkWidget      *widget,
                                             GwStore        *store,
                                             gint64          force_id);
void        gw_relation_dialog_present      (GtkWidget      *widget,
                                             GwStore        *store,
                                             gint64          force_id);
void        gw_need_dialog_present          (GtkWidget      *widget,
                                             GwStore        *store,
                                             gint64          need_id);
void        gw_contradiction_dialog_present (GtkWidget      *widget,
                                             GwStore        *store,
                                             gint64          contradiction_id);
void        gw_contradiction_change_dialog_present (GtkWidget *widget,
                                             GwStore        *store,
                                             gint64          contradiction_id);
void        gw_rule_dialog_present          (GtkWidget      *widget,
                                             GwStore        *store,
                                             gint64          rule_id);

G_END_DECLS
