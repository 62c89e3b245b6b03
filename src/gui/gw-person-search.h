/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gw-member.h"
#include "gw-store.h"

G_BEGIN_DECLS

#define GW_TYPE_PERSON_SEARCH (gw_person_search_get_type ())
G_DECLARE_FINAL_TYPE (GwPersonSearch, gw_person_search, GW, PERSON_SEARCH, GtkWidget)

/* Returns a note to show under a match (for example "Already checked in")
 * and whether the match can be chosen, or NULL for nothing to say. */
typedef const char *(*GwPersonSearchNoteFunc) (GwMember *member,
                                               gboolean *can_choose,
                                               gpointer  user_data);

GtkWidget *gw_person_search_new           (const char             *title,
                                           const char             *choose_label);
void       gw_person_search_set_store     (GwPersonSearch         *self,
                                           GwStore                *store);
void       gw_person_search_set_note_func (GwPersonSearch         *self,
                                           GwPersonSearchNoteFunc  func,
                                           gpointer                user_data);
/* When TRUE (the default), choosing someone empties the entry for the next
 * search; otherwise the entry shows the chosen name. */
void       gw_person_search_set_clear_on_choose (GwPersonSearch   *self,
                                                 gboolean          clear);
/* The person chosen, or 0 when the text was changed since. */
gint64     gw_person_search_get_member_id (GwPersonSearch         *self);
const char *gw_person_search_get_text     (GwPersonSearch         *self);
void       gw_person_search_clear         (GwPersonSearch         *self);
void       gw_person_search_focus         (GwPersonSearch         *self);

G_END_DECLS
