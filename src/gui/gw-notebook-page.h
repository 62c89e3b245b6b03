/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-note-editor.h"
#include "gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_NOTEBOOK_PAGE (gw_notebook_page_get_type ())
G_DECLARE_FINAL_TYPE (GwNotebookPage, gw_notebook_page, GW, NOTEBOOK_PAGE, GtkWidget)

void gw_notebook_page_set_store (GwNotebookPage *self,
                                 GwStore        *store);

/* Shows one item of the notebook: @kind is "note", "force", "need",
 * "contradiction" or "rule". */
void gw_notebook_page_show_item (GwNotebookPage *self,
                                 const char     *kind,
                                 gint64          id);

/* Calls @func once whatever is being written may be left: at once when
 * nothing is unsaved, otherwise after asking to save or discard it (not at
 * all when the person keeps writing). */
void gw_notebook_page_confirm_leave (GwNotebookPage        *self,
                                     GwNoteEditorLeaveFunc  func,
                                     gpointer               user_data);

G_END_DECLS
