/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-notebook.h"
#include "gw-store.h"

G_BEGIN_DECLS

/* The social-investigation notebook in a GwStore.
 *
 * Every change emits GwStore::notebook-changed once it is committed. The
 * signal is detailed by what changed ("notebook-changed::note", "::force",
 * "::need", "::contradiction", "::rule", "::kind") and carries the changed
 * thing's id, or 0 when many things changed at once. Bad input is refused
 * with a %GW_STORE_ERROR a person can act on, and nothing is changed.
 * Functions returning a GPtrArray return (transfer full) arrays that free
 * their elements; lists leave out deleted things unless they say otherwise.
 *
 * Links. A note links the forces, needs and rules someone linked by hand
 * (refs with `linked` set) and those its title or text names: the name,
 * folded with gw_text_fold() (no case, no accents), appears as whole words,
 * so "Iglesia San José" is found in "fuimos a la iglesia san jose" but
 * "Church" is not found in "churches". A need's count is the number of
 * distinct notes linking it, plus its extra_count.
 *
 * Deleting hides a thing everywhere, links to it too; restoring (the Undo
 * of a toast) brings it back with its links; purging removes deleted
 * things for good, with every link to and from them, in one transaction.
 * No link is ever left pointing at nothing. */

/* Field notes. gw_store_add_note() stores @draft (title, date, place, text,
 * tags, members, and the refs with `linked` set) and returns the new id, or
 * 0 on error. The title may not be empty; the date must be real. */
gint64       gw_store_add_note                (GwStore          *self,
                                               const GwNote     *draft,
                                               GError          **error);
/* Replaces the note's fields, members and hand-made links with @note's, and
 * works its mentions out again. */
gboolean     gw_store_update_note             (GwStore          *self,
                                               const GwNote     *note,
                                               GError          **error);
/* Returns: (transfer full) (nullable): the note with its links, also when
 * deleted; deleted forces, needs and rules are left out of its lists. */
GwNote      *gw_store_load_note               (GwStore          *self,
                                               gint64            id,
                                               GError          **error);
gboolean     gw_store_delete_note             (GwStore          *self,
                                               gint64            id,
                                               GError          **error);
gboolean     gw_store_restore_note            (GwStore          *self,
                                               gint64            id,
                                               GError          **error);
/* Links @target_id of @type (a force, need or rule) to the note by hand;
 * linking twice is not an error. Unlinking removes the hand-made link; a
 * link by mention stays while the text names the thing. */
gboolean     gw_store_link_note               (GwStore          *self,
                                               gint64            note_id,
                                               GwNotebookType    type,
                                               gint64            target_id,
                                               GError          **error);
gboolean     gw_store_unlink_note             (GwStore          *self,
                                               gint64            note_id,
                                               GwNotebookType    type,
                                               gint64            target_id,
                                               GError          **error);
/* (element-type GwNote): the newest notes (by date, then as written), at
 * most @limit (0: all). The notes' link lists are left empty. */
GPtrArray   *gw_store_list_recent_notes       (GwStore          *self,
                                               guint             limit);
/* (element-type GwNotebookRef): the notes linking @target_id of @type,
 * newest first: the way back from a force, need or rule to its notes. */
GPtrArray   *gw_store_list_notes_linking      (GwStore          *self,
                                               GwNotebookType    type,
                                               gint64            target_id);
/* (utf8 array, transfer full): every tag used on a note, sorted. */
GStrv        gw_store_list_note_tags          (GwStore          *self);

/* Kinds of force. */
GPtrArray   *gw_store_list_force_kinds        (GwStore          *self);
gint64       gw_store_add_force_kind          (GwStore          *self,
                                               const char       *label,
                                               GError          **error);
/* An empty label gives a default kind its translated label back. */
gboolean     gw_store_rename_force_kind       (GwStore          *self,
                                               gint64            kind_id,
                                               const char       *label,
                                               GError          **error);
/* Refused while any force (deleted ones too, until purged) is of the kind. */
gboolean     gw_store_remove_force_kind       (GwStore          *self,
                                               gint64            kind_id,
                                               GError          **error);

/* Social forces. gw_store_add_force() stores @draft's name, kind, contact
 * and notes, records its stance as the first judgement (dated
 * @draft->stance_date when set, otherwise today; judged by @judged_by with
 * @reasoning, either may be NULL) and returns the new id.
 * Names are unique among forces not deleted, ignoring case and accents. */
gint64       gw_store_add_force               (GwStore          *self,
                                               const GwForce    *draft,
                                               const char       *reasoning,
                                               const char       *judged_by,
                                               GError          **error);
/* Updates name, kind, contact and notes; the stance changes only through
 * gw_store_judge_force(). */
gboolean     gw_store_update_force            (GwStore          *self,
                                               const GwForce    *force,
                                               GError          **error);
/* Returns: (transfer full) (nullable): the force, also when deleted. */
GwForce     *gw_store_load_force              (GwStore          *self,
                                               gint64            id,
                                               GError          **error);
/* Ask first: what links to the force (not counting deleted things). */
gboolean     gw_store_count_force_links       (GwStore          *self,
                                               gint64            force_id,
                                               GwForceLinks     *links,
                                               GError          **error);
gboolean     gw_store_delete_force            (GwStore          *self,
                                               gint64            id,
                                               GError          **error);
gboolean     gw_store_restore_force           (GwStore          *self,
                                               gint64            id,
                                               GError          **error);
/* (element-type GwForce): sorted by name. */
GPtrArray   *gw_store_list_forces             (GwStore          *self);
/* (element-type GwForce): forces whose latest judgement is @stance. */
GPtrArray   *gw_store_list_forces_by_stance   (GwStore          *self,
                                               GwStance          stance);

/* Judgements. Appends a judgement; the force's stance becomes the one of
 * its latest judgement (by date, then as recorded). The date must be real;
 * judgements are never changed or removed (until the force is purged). */
gint64       gw_store_judge_force             (GwStore          *self,
                                               gint64            force_id,
                                               GwStance          stance,
                                               const char       *date,
                                               const char       *reasoning,
                                               const char       *judged_by,
                                               GError          **error);
/* (element-type GwStanceJudgement): oldest first. */
GPtrArray   *gw_store_list_stance_history     (GwStore          *self,
                                               gint64            force_id);

/* Relations between two different forces. */
gint64       gw_store_add_force_relation      (GwStore          *self,
                                               gint64            from_id,
                                               GwRelationKind    kind,
                                               gint64            to_id,
                                               const char       *note,
                                               GError          **error);
gboolean     gw_store_remove_force_relation   (GwStore          *self,
                                               gint64            relation_id,
                                               GError          **error);
/* (element-type GwForceRelation): relations from or to @force_id whose
 * other end is not deleted. */
GPtrArray   *gw_store_list_force_relations    (GwStore          *self,
                                               gint64            force_id);

/* Struggles and needs. gw_store_add_need() stores @draft's title,
 * description, status, extra_count, raised and the forces in its list, and
 * links it to every note that already names it. Titles are unique among
 * needs not deleted, ignoring case and accents. */
gint64       gw_store_add_need                (GwStore          *self,
                                               const GwNeed     *draft,
                                               GError          **error);
gboolean     gw_store_update_need             (GwStore          *self,
                                               const GwNeed     *need,
                                               GError          **error);
gboolean     gw_store_set_need_status         (GwStore          *self,
                                               gint64            need_id,
                                               GwNeedStatus      status,
                                               GError          **error);
GwNeed      *gw_store_load_need               (GwStore          *self,
                                               gint64            id,
                                               GError          **error);
gboolean     gw_store_delete_need             (GwStore          *self,
                                               gint64            id,
                                               GError          **error);
gboolean     gw_store_restore_need            (GwStore          *self,
                                               gint64            id,
                                               GError          **error);
/* (element-type GwNeed): by title; the notes and forces lists are empty. */
GPtrArray   *gw_store_list_needs              (GwStore          *self);
/* (element-type GwNeed): the most raised first (then last raised latest),
 * at most @limit (0: all); won and dropped needs are left out. */
GPtrArray   *gw_store_list_top_needs          (GwStore          *self,
                                               guint             limit);

/* Contradictions. A force may not be on both sides. */
gint64       gw_store_add_contradiction       (GwStore          *self,
                                               const GwContradiction *draft,
                                               GError          **error);
gboolean     gw_store_update_contradiction    (GwStore          *self,
                                               const GwContradiction *contradiction,
                                               GError          **error);
GwContradiction *gw_store_load_contradiction  (GwStore          *self,
                                               gint64            id,
                                               GError          **error);
gboolean     gw_store_delete_contradiction    (GwStore          *self,
                                               gint64            id,
                                               GError          **error);
gboolean     gw_store_restore_contradiction   (GwStore          *self,
                                               gint64            id,
                                               GError          **error);
/* (element-type GwContradiction): principal ones first, then by title. */
GPtrArray   *gw_store_list_contradictions     (GwStore          *self);
/* Appends a dated entry to how the contradiction is changing. */
gint64       gw_store_add_contradiction_change (GwStore         *self,
                                               gint64            contradiction_id,
                                               const char       *date,
                                               const char       *text,
                                               GError          **error);
/* (element-type GwContradictionChange): oldest first. */
GPtrArray   *gw_store_list_contradiction_changes (GwStore       *self,
                                               gint64            contradiction_id);

/* The legal terrain. The review date may be NULL (no review planned). */
gint64       gw_store_add_rule                (GwStore          *self,
                                               const GwLegalRule *draft,
                                               GError          **error);
gboolean     gw_store_update_rule             (GwStore          *self,
                                               const GwLegalRule *rule,
                                               GError          **error);
GwLegalRule *gw_store_load_rule               (GwStore          *self,
                                               gint64            id,
                                               GError          **error);
gboolean     gw_store_delete_rule             (GwStore          *self,
                                               gint64            id,
                                               GError          **error);
gboolean     gw_store_restore_rule            (GwStore          *self,
                                               gint64            id,
                                               GError          **error);
/* (element-type GwLegalRule): highest risk first, then by title; `due` is
 * worked out against @today (may be NULL: nothing due). */
GPtrArray   *gw_store_list_rules              (GwStore          *self,
                                               const char       *today);
/* (element-type GwLegalRule): rules to review on or before @today, the
 * longest overdue first. */
GPtrArray   *gw_store_list_rules_due          (GwStore          *self,
                                               const char       *today);

/* Removes every deleted note, force, need, contradiction and rule for good,
 * with every link to and from them, in one transaction. */
gboolean     gw_store_purge_deleted_notebook  (GwStore          *self,
                                               GError          **error);

/* Full-text search over everything in the notebook (SQLite FTS5, ranked by
 * bm25, titles weigh most), accent- and case-insensitive, each word a
 * prefix. @filter may be NULL. Returns (element-type GwNotebookHit): at
 * most @limit (0: 50) results, best first; an empty array for an empty
 * search. */
GPtrArray   *gw_store_notebook_search         (GwStore          *self,
                                               const char       *text,
                                               const GwNotebookFilter *filter,
                                               guint             limit);

G_END_DECLS
