/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_NOTE_EDITOR (gw_note_editor_get_type ())
G_DECLARE_FINAL_TYPE (GwNoteEditor, gw_note_editor, GW, NOTE_EDITOR, GtkWidget)

typedef void (*GwNoteEditorLeaveFunc) (gpointer user_data);

void     gw_note_editor_set_store     (GwNoteEditor          *self,
                                       GwStore               *store);
/* Starts writing a new note (@note_id 0) or editing one. */
void     gw_note_editor_edit          (GwNoteEditor          *self,
                                       gint64                 note_id);
gboolean gw_note_editor_is_dirty      (GwNoteEditor          *self);
/* Calls @func once the note may be left: at once when nothing is unsaved,
 * otherwise after asking to save or discard it (not at all on Cancel). */
void     gw_note_editor_confirm_leave (GwNoteEditor          *self,
                                       GwNoteEditorLeaveFunc  func,
                                       gpointer               user_data);

G_END_DECLS
