/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gw-notebook.h"

static GPtrArray *
copy_refs (GPtrArray *refs)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_notebook_ref_free);

  for (guint i = 0; refs != NULL && i < refs->len; i++)
    g_ptr_array_add (copy, gw_notebook_ref_copy (g_ptr_array_index (refs, i)));

  return copy;
}

static GPtrArray *
new_refs (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) gw_notebook_ref_free);
}

/* GwNotebookRef */

GwNotebookRef *
gw_notebook_ref_new (GwNotebookType  type,
                     gint64          id,
                     const char     *title)
{
  GwNotebookRef *ref = g_new0 (GwNotebookRef, 1);

  ref->type = type;
  ref->id = id;
  ref->title = g_strdup (title ? title : "");
  ref->linked = TRUE;
  return ref;
}

GwNotebookRef *
gw_notebook_ref_copy (const GwNotebookRef *ref)
{
  GwNotebookRef *copy = g_memdup2 (ref, sizeof *ref);

  copy->title = g_strdup (ref->title);
  return copy;
}

void
gw_notebook_ref_free (GwNotebookRef *ref)
{
  if (ref == NULL)
    return;
  g_free (ref->title);
  g_free (ref);
}

G_DEFINE_BOXED_TYPE (GwNotebookRef, gw_notebook_ref, gw_notebook_ref_copy, gw_notebook_ref_free)

/* GwNote */

GwNote *
gw_note_new (const char *title,
             const char *date)
{
  GwNote *note = g_new0 (GwNote, 1);

  note->title = g_strdup (title ? title : "");
  note->date = g_strdup (date);
  note->place = g_strdup ("");
  note->text = g_strdup ("");
  note->members = new_refs ();
  note->forces = new_refs ();
  note->needs = new_refs ();
  note->rules = new_refs ();
  return note;
}

GwNote *
gw_note_copy (const GwNote *note)
{
  GwNote *copy = g_memdup2 (note, sizeof *note);

  copy->uuid = g_strdup (note->uuid);
  copy->title = g_strdup (note->title);
  copy->date = g_strdup (note->date);
  copy->place = g_strdup (note->place);
  copy->text = g_strdup (note->text);
  copy->tags = g_strdupv (note->tags);
  copy->members = copy_refs (note->members);
  copy->forces = copy_refs (note->forces);
  copy->needs = copy_refs (note->needs);
  copy->rules = copy_refs (note->rules);
  copy->created = g_strdup (note->created);
  copy->updated = g_strdup (note->updated);
  return copy;
}

void
gw_note_free (GwNote *note)
{
  if (note == NULL)
    return;
  g_free (note->uuid);
  g_free (note->title);
  g_free (note->date);
  g_free (note->place);
  g_free (note->text);
  g_strfreev (note->tags);
  g_clear_pointer (&note->members, g_ptr_array_unref);
  g_clear_pointer (&note->forces, g_ptr_array_unref);
  g_clear_pointer (&note->needs, g_ptr_array_unref);
  g_clear_pointer (&note->rules, g_ptr_array_unref);
  g_free (note->created);
  g_free (note->updated);
  g_free (note);
}

G_DEFINE_BOXED_TYPE (GwNote, gw_note, gw_note_copy, gw_note_free)

/* GwForceKind */

GwForceKind *
gw_force_kind_copy (const GwForceKind *kind)
{
  GwForceKind *copy = g_memdup2 (kind, sizeof *kind);

  copy->uuid = g_strdup (kind->uuid);
  copy->label = g_strdup (kind->label);
  return copy;
}

void
gw_force_kind_free (GwForceKind *kind)
{
  if (kind == NULL)
    return;
  g_free (kind->uuid);
  g_free (kind->label);
  g_free (kind);
}

G_DEFINE_BOXED_TYPE (GwForceKind, gw_force_kind, gw_force_kind_copy, gw_force_kind_free)

/* GwForce */

GwForce *
gw_force_new (const char *name,
              gint64      kind_id)
{
  GwForce *force = g_new0 (GwForce, 1);

  force->name = g_strdup (name ? name : "");
  force->kind_id = kind_id;
  force->stance = GW_STANCE_UNKNOWN;
  force->kind_label = g_strdup ("");
  force->contact_name = g_strdup ("");
  force->notes = g_strdup ("");
  return force;
}

GwForce *
gw_force_copy (const GwForce *force)
{
  GwForce *copy = g_memdup2 (force, sizeof *force);

  copy->uuid = g_strdup (force->uuid);
  copy->name = g_strdup (force->name);
  copy->kind_label = g_strdup (force->kind_label);
  copy->stance_date = g_strdup (force->stance_date);
  copy->contact_name = g_strdup (force->contact_name);
  copy->notes = g_strdup (force->notes);
  copy->created = g_strdup (force->created);
  copy->updated = g_strdup (force->updated);
  return copy;
}

void
gw_force_free (GwForce *force)
{
  if (force == NULL)
    return;
  g_free (force->uuid);
  g_free (force->name);
  g_free (force->kind_label);
  g_free (force->stance_date);
  g_free (force->contact_name);
  g_free (force->notes);
  g_free (force->created);
  g_free (force->updated);
  g_free (force);
}

G_DEFINE_BOXED_TYPE (GwForce, gw_force, gw_force_copy, gw_force_free)

/* GwStanceJudgement */

GwStanceJudgement *
gw_stance_judgement_copy (const GwStanceJudgement *judgement)
{
  GwStanceJudgement *copy = g_memdup2 (judgement, sizeof *judgement);

  copy->uuid = g_strdup (judgement->uuid);
  copy->date = g_strdup (judgement->date);
  copy->reasoning = g_strdup (judgement->reasoning);
  copy->judged_by = g_strdup (judgement->judged_by);
  copy->created = g_strdup (judgement->created);
  return copy;
}

void
gw_stance_judgement_free (GwStanceJudgement *judgement)
{
  if (judgement == NULL)
    return;
  g_free (judgement->uuid);
  g_free (judgement->date);
  g_free (judgement->reasoning);
  g_free (judgement->judged_by);
  g_free (judgement->created);
  g_free (judgement);
}

G_DEFINE_BOXED_TYPE (GwStanceJudgement, gw_stance_judgement,
                     gw_stance_judgement_copy, gw_stance_judgement_free)

/* GwForceRelation */

GwForceRelation *
gw_force_relation_copy (const GwForceRelation *relation)
{
  GwForceRelation *copy = g_memdup2 (relation, sizeof *relation);

  copy->uuid = g_strdup (relation->uuid);
  copy->from_name = g_strdup (relation->from_name);
  copy->to_name = g_strdup (relation->to_name);
  copy->note = g_strdup (relation->note);
  copy->created = g_strdup (relation->created);
  return copy;
}

void
gw_force_relation_free (GwForceRelation *relation)
{
  if (relation == NULL)
    return;
  g_free (relation->uuid);
  g_free (relation->from_name);
  g_free (relation->to_name);
  g_free (relation->note);
  g_free (relation->created);
  g_free (relation);
}

G_DEFINE_BOXED_TYPE (GwForceRelation, gw_force_relation, gw_force_relation_copy, gw_force_relation_free)

/* GwNeed */

GwNeed *
gw_need_new (const char *title)
{
  GwNeed *need = g_new0 (GwNeed, 1);

  need->title = g_strdup (title ? title : "");
  need->description = g_strdup ("");
  need->status = GW_NEED_HEARD;
  need->notes = new_refs ();
  need->forces = new_refs ();
  return need;
}

GwNeed *
gw_need_copy (const GwNeed *need)
{
  GwNeed *copy = g_memdup2 (need, sizeof *need);

  copy->uuid = g_strdup (need->uuid);
  copy->title = g_strdup (need->title);
  copy->description = g_strdup (need->description);
  copy->first_raised = g_strdup (need->first_raised);
  copy->last_raised = g_strdup (need->last_raised);
  copy->raised = g_strdup (need->raised);
  copy->notes = copy_refs (need->notes);
  copy->forces = copy_refs (need->forces);
  copy->created = g_strdup (need->created);
  copy->updated = g_strdup (need->updated);
  return copy;
}

void
gw_need_free (GwNeed *need)
{
  if (need == NULL)
    return;
  g_free (need->uuid);
  g_free (need->title);
  g_free (need->description);
  g_free (need->first_raised);
  g_free (need->last_raised);
  g_free (need->raised);
  g_clear_pointer (&need->notes, g_ptr_array_unref);
  g_clear_pointer (&need->forces, g_ptr_array_unref);
  g_free (need->created);
  g_free (need->updated);
  g_free (need);
}

G_DEFINE_BOXED_TYPE (GwNeed, gw_need, gw_need_copy, gw_need_free)

/* GwContradiction */

GwContradiction *
gw_contradiction_new (const char          *title,
                      GwContradictionKind  kind)
{
  GwContradiction *contradiction = g_new0 (GwContradiction, 1);

  contradiction->title = g_strdup (title ? title : "");
  contradiction->description = g_strdup ("");
  contradiction->kind = kind;
  contradiction->side_a = new_refs ();
  contradiction->side_b = new_refs ();
  return contradiction;
}

GwContradiction *
gw_contradiction_copy (const GwContradiction *contradiction)
{
  GwContradiction *copy = g_memdup2 (contradiction, sizeof *contradiction);

  copy->uuid = g_strdup (contradiction->uuid);
  copy->title = g_strdup (contradiction->title);
  copy->description = g_strdup (contradiction->description);
  copy->side_a = copy_refs (contradiction->side_a);
  copy->side_b = copy_refs (contradiction->side_b);
  copy->created = g_strdup (contradiction->created);
  copy->updated = g_strdup (contradiction->updated);
  return copy;
}

void
gw_contradiction_free (GwContradiction *contradiction)
{
  if (contradiction == NULL)
    return;
  g_free (contradiction->uuid);
  g_free (contradiction->title);
  g_free (contradiction->description);
  g_clear_pointer (&contradiction->side_a, g_ptr_array_unref);
  g_clear_pointer (&contradiction->side_b, g_ptr_array_unref);
  g_free (contradiction->created);
  g_free (contradiction->updated);
  g_free (contradiction);
}

G_DEFINE_BOXED_TYPE (GwContradiction, gw_contradiction, gw_contradiction_copy, gw_contradiction_free)

/* GwContradictionChange */

GwContradictionChange *
gw_contradiction_change_copy (const GwContradictionChange *change)
{
  GwContradictionChange *copy = g_memdup2 (change, sizeof *change);

  copy->uuid = g_strdup (change->uuid);
  copy->date = g_strdup (change->date);
  copy->text = g_strdup (change->text);
  copy->created = g_strdup (change->created);
  return copy;
}

void
gw_contradiction_change_free (GwContradictionChange *change)
{
  if (change == NULL)
    return;
  g_free (change->uuid);
  g_free (change->date);
  g_free (change->text);
  g_free (change->created);
  g_free (change);
}

G_DEFINE_BOXED_TYPE (GwContradictionChange, gw_contradiction_change,
                     gw_contradiction_change_copy, gw_contradiction_change_free)

/* GwLegalRule */

GwLegalRule *
gw_legal_rule_new (const char *title,
                   GwRisk      risk)
{
  GwLegalRule *rule = g_new0 (GwLegalRule, 1);

  rule->title = g_strdup (title ? title : "");
  rule->place = g_strdup ("");
  rule->risk = risk;
  rule->way_around = g_strdup ("");
  rule->source = g_strdup ("");
  return rule;
}

GwLegalRule *
gw_legal_rule_copy (const GwLegalRule *rule)
{
  GwLegalRule *copy = g_memdup2 (rule, sizeof *rule);

  copy->uuid = g_strdup (rule->uuid);
  copy->title = g_strdup (rule->title);
  copy->place = g_strdup (rule->place);
  copy->way_around = g_strdup (rule->way_around);
  copy->source = g_strdup (rule->source);
  copy->review_date = g_strdup (rule->review_date);
  copy->created = g_strdup (rule->created);
  copy->updated = g_strdup (rule->updated);
  return copy;
}

void
gw_legal_rule_free (GwLegalRule *rule)
{
  if (rule == NULL)
    return;
  g_free (rule->uuid);
  g_free (rule->title);
  g_free (rule->place);
  g_free (rule->way_around);
  g_free (rule->source);
  g_free (rule->review_date);
  g_free (rule->created);
  g_free (rule->updated);
  g_free (rule);
}

G_DEFINE_BOXED_TYPE (GwLegalRule, gw_legal_rule, gw_legal_rule_copy, gw_legal_rule_free)

gboolean
gw_legal_rule_is_due (const GwLegalRule *rule,
                      const char        *today)
{
  g_return_val_if_fail (rule != NULL, FALSE);

  return today != NULL && rule->review_date != NULL && rule->review_date[0] != '\0' &&
         g_strcmp0 (rule->review_date, today) <= 0;
}

/* GwNotebookHit */

GwNotebookHit *
gw_notebook_hit_copy (const GwNotebookHit *hit)
{
  GwNotebookHit *copy = g_memdup2 (hit, sizeof *hit);

  copy->title = g_strdup (hit->title);
  copy->date = g_strdup (hit->date);
  copy->snippet = g_strdup (hit->snippet);
  return copy;
}

void
gw_notebook_hit_free (GwNotebookHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->title);
  g_free (hit->date);
  g_free (hit->snippet);
  g_free (hit);
}

G_DEFINE_BOXED_TYPE (GwNotebookHit, gw_notebook_hit, gw_notebook_hit_copy, gw_notebook_hit_free)

/* Labels */

const char *
gw_stance_label (GwStance stance)
{
  switch (stance)
    {
    case GW_STANCE_FRIEND:
      return C_("stance", "Friend");
    case GW_STANCE_CAN_BE_WON:
      return C_("stance", "Can be won over");
    case GW_STANCE_OPPONENT:
      return C_("stance", "Opponent");
    case GW_STANCE_UNKNOWN:
    default:
      return C_("stance", "Not yet known");
    }
}

const char *
gw_need_status_label (GwNeedStatus status)
{
  switch (status)
    {
    case GW_NEED_HEARD:
      return C_("need status", "Heard");
    case GW_NEED_INVESTIGATING:
      return C_("need status", "Investigating");
    case GW_NEED_ACTING:
      return C_("need status", "Acting on it");
    case GW_NEED_WON:
      return C_("need status", "Won");
    case GW_NEED_DROPPED:
    default:
      return C_("need status", "Dropped");
    }
}

const char *
gw_relation_kind_label (GwRelationKind kind)
{
  switch (kind)
    {
    case GW_RELATION_ALLIED_WITH:
      return C_("relation", "Allied with");
    case GW_RELATION_OPPOSES:
      return C_("relation", "Opposes");
    case GW_RELATION_FUNDS:
      return C_("relation", "Funds");
    case GW_RELATION_EMPLOYS:
      return C_("relation", "Employs");
    case GW_RELATION_OWNS:
      return C_("relation", "Owns");
    case GW_RELATION_PART_OF:
      return C_("relation", "Is part of");
    case GW_RELATION_OTHER:
    default:
      return C_("relation", "Other");
    }
}

const char *
gw_contradiction_kind_label (GwContradictionKind kind)
{
  if (kind == GW_CONTRADICTION_AMONG_PEOPLE)
    return _("Among the people");
  return _("With opponents");
}

const char *
gw_risk_label (GwRisk risk)
{
  switch (risk)
    {
    case GW_RISK_LOW:
      return C_("risk", "Low");
    case GW_RISK_MEDIUM:
      return C_("risk", "Medium");
    case GW_RISK_HIGH:
    default:
      return C_("risk", "High");
    }
}

const char *
gw_notebook_type_label (GwNotebookType type)
{
  switch (type)
    {
    case GW_NOTEBOOK_NOTE:
      return C_("notebook", "Note");
    case GW_NOTEBOOK_FORCE:
      return C_("notebook", "Force");
    case GW_NOTEBOOK_NEED:
      return C_("notebook", "Need");
    case GW_NOTEBOOK_CONTRADICTION:
      return C_("notebook", "Contradiction");
    case GW_NOTEBOOK_RULE:
      return C_("notebook", "Legal rule");
    case GW_NOTEBOOK_MEMBER:
    default:
      return C_("notebook", "Person");
    }
}

char *
gw_force_links_describe (const GwForceLinks *links)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  GString *text;

  g_return_val_if_fail (links != NULL, NULL);

  if (links->n_notes > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes",
                                                          links->n_notes), links->n_notes));
  if (links->n_needs > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u need", "%u needs",
                                                          links->n_needs), links->n_needs));
  if (links->n_contradictions > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contradiction",
                                                          "%u contradictions",
                                                          links->n_contradictions),
                                             links->n_contradictions));
  if (links->n_relations > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u relation",
                                                          "%u relations", links->n_relations),
                                             links->n_relations));

  if (parts->len == 0)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0 && i == parts->len - 1)
        /* Translators: between the last two items of "3 notes, 2 needs and 1 relation". */
        g_string_append (text, _(" and "));
      else if (i > 0)
        g_string_append (text, _(", "));
      g_string_append (text, g_ptr_array_index (parts, i));
    }

  /* Translators: %s is a list such as "3 notes, 2 needs and 1 relation". */
  {
    char *result = g_strdup_printf (_("Linked from %s."), text->str);

    g_string_free (text, TRUE);
    return result;
  }
}
