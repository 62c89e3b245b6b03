/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-notebook.h"
#include "gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_NOTEBOOK_ITEM (gw_notebook_item_get_type ())
G_DECLARE_FINAL_TYPE (GwNotebookItem, gw_notebook_item, GW, NOTEBOOK_ITEM, GtkWidget)

void           gw_notebook_item_set_store    (GwNotebookItem *self,
                                              GwStore        *store);
/* Shows the note, force, need, contradiction or rule; FALSE when it is not
 * there (or deleted). */
gboolean       gw_notebook_item_show         (GwNotebookItem *self,
                                              GwNotebookType  type,
                                              gint64          id);
/* Reads the item again; FALSE when it is gone. */
gboolean       gw_notebook_item_refresh      (GwNotebookItem *self);
GwNotebookType gw_notebook_item_get_kind     (GwNotebookItem *self);
gint64         gw_notebook_item_get_id       (GwNotebookItem *self);

G_END_DECLS
