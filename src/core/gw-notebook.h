/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The social-investigation notebook: field notes, the social forces around
 * the organization and its judgements of them, the struggles and needs
 * people raise, the contradictions and the legal terrain. These are values
 * read from or written to the store (see gw-store-notebook.h); changing one
 * changes nothing until it is passed back to the store. Dates are ISO 8601
 * (YYYY-MM-DD), created/updated are ISO 8601 date-times in UTC. */

/* The kinds of thing in the notebook. Also a mask for
 * gw_store_notebook_search(): 0 or GW_NOTEBOOK_ALL means every kind.
 * GW_NOTEBOOK_MEMBER only appears in a GwNotebookRef (who went). */
typedef enum /*< flags >*/
{
  GW_NOTEBOOK_NOTE          = 1 << 0,
  GW_NOTEBOOK_FORCE         = 1 << 1,
  GW_NOTEBOOK_NEED          = 1 << 2,
  GW_NOTEBOOK_CONTRADICTION = 1 << 3,
  GW_NOTEBOOK_RULE          = 1 << 4,
  GW_NOTEBOOK_MEMBER        = 1 << 5,
} GwNotebookType;

#define GW_NOTEBOOK_ALL (GW_NOTEBOOK_NOTE | GW_NOTEBOOK_FORCE | GW_NOTEBOOK_NEED | \
                         GW_NOTEBOOK_CONTRADICTION | GW_NOTEBOOK_RULE)

/* How the organization judges a social force: "unite the advanced, win over
 * the intermediate, isolate the backward". The order is the order shown. */
typedef enum
{
  GW_STANCE_FRIEND,
  GW_STANCE_CAN_BE_WON,
  GW_STANCE_OPPONENT,
  GW_STANCE_UNKNOWN,
} GwStance;

#define GW_N_STANCES 4

/* What the organization does about a struggle or need. */
typedef enum
{
  GW_NEED_HEARD,
  GW_NEED_INVESTIGATING,
  GW_NEED_ACTING,
  GW_NEED_WON,
  GW_NEED_DROPPED,
} GwNeedStatus;

#define GW_N_NEED_STATUSES 5

/* How one force stands to another; GW_RELATION_OTHER says it in the
 * relation's note. */
typedef enum
{
  GW_RELATION_ALLIED_WITH,
  GW_RELATION_OPPOSES,
  GW_RELATION_FUNDS,
  GW_RELATION_EMPLOYS,
  GW_RELATION_OWNS,
  GW_RELATION_PART_OF,
  GW_RELATION_OTHER,
} GwRelationKind;

#define GW_N_RELATION_KINDS 7

/* A contradiction among the people is resolved by discussion; one with
 * opponents is antagonistic. */
typedef enum
{
  GW_CONTRADICTION_AMONG_PEOPLE,
  GW_CONTRADICTION_WITH_OPPONENTS,
} GwContradictionKind;

typedef enum
{
  GW_RISK_LOW,
  GW_RISK_MEDIUM,
  GW_RISK_HIGH,
} GwRisk;

/* Search snippets mark the matched words with these two private-use
 * characters (U+E000 before, U+E001 after). Everything else in a snippet is
 * plain text: the interface escapes it for Pango markup and turns the
 * markers into <b> and </b>. */
#define GW_NOTEBOOK_MARK_START "\xee\x80\x80"
#define GW_NOTEBOOK_MARK_END   "\xee\x80\x81"

/* A link to one thing: a force, need, rule, note, contradiction or member.
 * In a note's lists, @linked says that someone linked it by hand and
 * @mentioned that the note's title or text names it; a link may be both.
 * When a note is stored, refs with @linked set are its hand-made links and
 * @mentioned is worked out again from the text. */
typedef struct
{
  GwNotebookType  type;
  gint64          id;
  char           *title;      /* the thing's name or title, as stored */
  gboolean        linked;
  gboolean        mentioned;
} GwNotebookRef;

/* A field note: what was learned from a conversation, door-knocking, a
 * meeting. */
typedef struct
{
  gint64      id;             /* 0 for a note not yet stored */
  char       *uuid;
  char       *title;
  char       *date;           /* YYYY-MM-DD */
  char       *place;          /* described in words: "outside the laundromat on 5th" */
  char       *text;
  GStrv       tags;           /* (nullable), no duplicates, case kept */
  GPtrArray  *members;        /* (element-type GwNotebookRef): who went */
  GPtrArray  *forces;         /* (element-type GwNotebookRef) */
  GPtrArray  *needs;          /* (element-type GwNotebookRef) */
  GPtrArray  *rules;          /* (element-type GwNotebookRef) */
  gboolean    deleted;
  char       *created;
  char       *updated;
} GwNote;

/* A kind of social force. The defaults (tenant association, church, shop
 * owner, landlord, NGO, government office, police, union, other group) show
 * in the interface's language until the organization renames them. */
typedef struct
{
  gint64  id;
  char   *uuid;
  char   *label;
  guint   n_forces;           /* forces of this kind, not counting deleted ones */
} GwForceKind;

/* A social force: a tenant association, a church, a landlord, the police... */
typedef struct
{
  gint64    id;               /* 0 for a force not yet stored */
  char     *uuid;
  char     *name;
  gint64    kind_id;
  char     *kind_label;       /* read from the store */
  GwStance  stance;           /* the latest judgement; set it with gw_store_judge_force() */
  char     *stance_date;      /* date of the latest judgement (read from the store) */
  gint64    contact_member_id;/* 0 when the contact is not a member */
  char     *contact_name;     /* the member's name, or a name written in */
  char     *notes;
  guint     n_notes;          /* notes linked to it, not counting deleted ones */
  gboolean  deleted;
  char     *created;
  char     *updated;
} GwForce;

/* One judgement of a force, kept for good: the history is never rewritten. */
typedef struct
{
  gint64    id;
  char     *uuid;
  gint64    force_id;
  GwStance  stance;
  char     *date;             /* YYYY-MM-DD */
  char     *reasoning;
  char     *judged_by;        /* who judged: a name, or a meeting */
  char     *created;
} GwStanceJudgement;

/* How one force stands to another. */
typedef struct
{
  gint64          id;
  char           *uuid;
  gint64          from_id;
  char           *from_name;
  GwRelationKind  kind;
  gint64          to_id;
  char           *to_name;
  char           *note;       /* free text; says what the relation is for GW_RELATION_OTHER */
  char           *created;
} GwForceRelation;

/* A struggle or need people raise: evictions, police violence, food... */
typedef struct
{
  gint64        id;           /* 0 for a need not yet stored */
  char         *uuid;
  char         *title;
  char         *description;
  GwNeedStatus  status;
  guint         extra_count;  /* times raised outside the notes (told, counted by hand) */
  guint         n_notes;      /* distinct notes that mention or link it (read) */
  guint         count;        /* n_notes + extra_count (read) */
  char         *first_raised; /* earliest of @raised and its notes' dates, or NULL (read) */
  char         *last_raised;  /* latest of @raised and its notes' dates, or NULL (read) */
  char         *raised;       /* (nullable): when it was first heard, if not from a note */
  GPtrArray    *notes;        /* (element-type GwNotebookRef): newest first (read) */
  GPtrArray    *forces;       /* (element-type GwNotebookRef) */
  gboolean      deleted;
  char         *created;
  char         *updated;
} GwNeed;

/* A contradiction, with the forces on each side. */
typedef struct
{
  gint64               id;    /* 0 for one not yet stored */
  char                *uuid;
  char                *title;
  char                *description;
  GwContradictionKind  kind;
  gboolean             principal;  /* principal, or secondary */
  GPtrArray           *side_a;     /* (element-type GwNotebookRef): forces on one side */
  GPtrArray           *side_b;     /* (element-type GwNotebookRef): forces on the other */
  gboolean             deleted;
  char                *created;
  char                *updated;
} GwContradiction;

/* One dated entry in the story of how a contradiction is changing; kept for
 * good. */
typedef struct
{
  gint64  id;
  char   *uuid;
  gint64  contradiction_id;
  char   *date;
  char   *text;
  char   *created;
} GwContradictionChange;

/* A rule or law of the legal terrain. */
typedef struct
{
  gint64    id;               /* 0 for one not yet stored */
  char     *uuid;
  char     *title;            /* the rule or law */
  char     *place;            /* where it applies */
  GwRisk    risk;
  char     *way_around;
  char     *source;
  char     *review_date;      /* (nullable): when to check it again */
  gboolean  due;              /* review date on or before the day it was listed for (read) */
  gboolean  deleted;
  char     *created;
  char     *updated;
} GwLegalRule;

/* Filters for gw_store_notebook_search(); all fields may be left 0/NULL. */
typedef struct
{
  guint   types;              /* GwNotebookType mask; 0 for everything */
  char   *tag;                /* only notes with this tag */
  gint64  force_id;           /* only things linked to this force */
  char   *from_date;          /* YYYY-MM-DD, inclusive */
  char   *to_date;            /* YYYY-MM-DD, inclusive */
} GwNotebookFilter;

/* One search result, best first. The date is a note's date, a force's
 * latest judgement, a need's last raising, a contradiction's last change
 * and a rule's review date (NULL when there is none). */
typedef struct
{
  GwNotebookType  type;
  gint64          id;
  char           *title;
  char           *date;
  char           *snippet;    /* plain text with GW_NOTEBOOK_MARK_START/END around matches */
  double          rank;       /* bm25: lower is better */
} GwNotebookHit;

/* How many things link to a force, to ask before deleting it. */
typedef struct
{
  guint n_notes;
  guint n_needs;
  guint n_contradictions;
  guint n_relations;
} GwForceLinks;

#define GW_TYPE_NOTEBOOK_REF         (gw_notebook_ref_get_type ())
#define GW_TYPE_NOTE                 (gw_note_get_type ())
#define GW_TYPE_FORCE_KIND           (gw_force_kind_get_type ())
#define GW_TYPE_FORCE                (gw_force_get_type ())
#define GW_TYPE_STANCE_JUDGEMENT     (gw_stance_judgement_get_type ())
#define GW_TYPE_FORCE_RELATION       (gw_force_relation_get_type ())
#define GW_TYPE_NEED                 (gw_need_get_type ())
#define GW_TYPE_CONTRADICTION        (gw_contradiction_get_type ())
#define GW_TYPE_CONTRADICTION_CHANGE (gw_contradiction_change_get_type ())
#define GW_TYPE_LEGAL_RULE           (gw_legal_rule_get_type ())
#define GW_TYPE_NOTEBOOK_HIT         (gw_notebook_hit_get_type ())

GType                  gw_notebook_ref_get_type         (void) G_GNUC_CONST;
/* Returns: (transfer full): a ref to @id of @type with @linked set. */
GwNotebookRef         *gw_notebook_ref_new              (GwNotebookType  type,
                                                         gint64          id,
                                                         const char     *title);
GwNotebookRef         *gw_notebook_ref_copy             (const GwNotebookRef *ref);
void                   gw_notebook_ref_free             (GwNotebookRef  *ref);

GType                  gw_note_get_type                 (void) G_GNUC_CONST;
/* Returns: (transfer full): an empty note dated @date, with empty lists. */
GwNote                *gw_note_new                      (const char     *title,
                                                         const char     *date);
GwNote                *gw_note_copy                     (const GwNote   *note);
void                   gw_note_free                     (GwNote         *note);

GType                  gw_force_kind_get_type           (void) G_GNUC_CONST;
GwForceKind           *gw_force_kind_copy               (const GwForceKind *kind);
void                   gw_force_kind_free               (GwForceKind    *kind);

GType                  gw_force_get_type                (void) G_GNUC_CONST;
/* Returns: (transfer full): a force not yet stored, its stance unknown. */
GwForce               *gw_force_new                     (const char     *name,
                                                         gint64          kind_id);
GwForce               *gw_force_copy                    (const GwForce  *force);
void                   gw_force_free                    (GwForce        *force);

GType                  gw_stance_judgement_get_type     (void) G_GNUC_CONST;
GwStanceJudgement     *gw_stance_judgement_copy         (const GwStanceJudgement *judgement);
void                   gw_stance_judgement_free         (GwStanceJudgement *judgement);

GType                  gw_force_relation_get_type       (void) G_GNUC_CONST;
GwForceRelation       *gw_force_relation_copy           (const GwForceRelation *relation);
void                   gw_force_relation_free           (GwForceRelation *relation);

GType                  gw_need_get_type                 (void) G_GNUC_CONST;
/* Returns: (transfer full): a need not yet stored, status heard. */
GwNeed                *gw_need_new                      (const char     *title);
GwNeed                *gw_need_copy                     (const GwNeed   *need);
void                   gw_need_free                     (GwNeed         *need);

GType                  gw_contradiction_get_type        (void) G_GNUC_CONST;
GwContradiction       *gw_contradiction_new             (const char     *title,
                                                         GwContradictionKind kind);
GwContradiction       *gw_contradiction_copy            (const GwContradiction *contradiction);
void                   gw_contradiction_free            (GwContradiction *contradiction);

GType                  gw_contradiction_change_get_type (void) G_GNUC_CONST;
GwContradictionChange *gw_contradiction_change_copy     (const GwContradictionChange *change);
void                   gw_contradiction_change_free     (GwContradictionChange *change);

GType                  gw_legal_rule_get_type           (void) G_GNUC_CONST;
GwLegalRule           *gw_legal_rule_new                (const char     *title,
                                                         GwRisk          risk);
GwLegalRule           *gw_legal_rule_copy               (const GwLegalRule *rule);
void                   gw_legal_rule_free               (GwLegalRule    *rule);
/* Whether @rule's review date is on or before @today. */
gboolean               gw_legal_rule_is_due             (const GwLegalRule *rule,
                                                         const char     *today);

GType                  gw_notebook_hit_get_type         (void) G_GNUC_CONST;
GwNotebookHit         *gw_notebook_hit_copy             (const GwNotebookHit *hit);
void                   gw_notebook_hit_free             (GwNotebookHit  *hit);

/* Labels in the interface's language. */
const char            *gw_stance_label                  (GwStance        stance);
const char            *gw_need_status_label             (GwNeedStatus    status);
const char            *gw_relation_kind_label           (GwRelationKind  kind);
const char            *gw_contradiction_kind_label      (GwContradictionKind kind);
const char            *gw_risk_label                    (GwRisk          risk);
/* "note", "force"... translated, for a search result's type. */
const char            *gw_notebook_type_label           (GwNotebookType  type);
/* Returns: (transfer full): "Linked from 3 notes, 2 needs and 1 relation." or
 * NULL when nothing links to the force. */
char                  *gw_force_links_describe          (const GwForceLinks *links);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwNotebookRef, gw_notebook_ref_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwNote, gw_note_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwForceKind, gw_force_kind_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwForce, gw_force_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwStanceJudgement, gw_stance_judgement_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwForceRelation, gw_force_relation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwNeed, gw_need_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwContradiction, gw_contradiction_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwContradictionChange, gw_contradiction_change_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwLegalRule, gw_legal_rule_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwNotebookHit, gw_notebook_hit_free)

G_END_DECLS
