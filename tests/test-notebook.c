/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "gw-test-notebook.h"
#include "gw-demo.h"
#include "gw-store-meetings.h"
#include "gw-date.h"
#include "gw-text.h"

static gint64
count_rows (GwTestFixture *f,
            const char    *sql)
{
  /* The store's own connection sees its writes; a second one would too,
   * but asking through a file keeps the test honest about what is stored. */
  return gw_test_sql_int (f->path, sql);
}

static void
test_force_first_judgement_date (GwTestFixture *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* A force added with the date of its first judgement keeps that date,
   * so that older judgements typed in afterwards do not hide behind today. */
  g_autoptr(GwForce) dated = gw_force_new ("Eastgate Library", gw_test_force_kind (f->store, 3));
  g_autoptr(GwForce) bad = gw_force_new ("Nowhere Inc", gw_test_force_kind (f->store, 3));
  g_autoptr(GPtrArray) dated_history = NULL;
  gint64 dated_id;

  dated->stance = GW_STANCE_FRIEND;
  dated->stance_date = g_strdup ("2029-06-01");
  dated_id = gw_store_add_force (f->store, dated, NULL, NULL, &error);
  g_assert_no_error (error);
  dated_history = gw_store_list_stance_history (f->store, dated_id);
  g_assert_cmpuint (dated_history->len, ==, 1);
  g_assert_cmpstr (((GwStanceJudgement *) g_ptr_array_index (dated_history, 0))->date, ==, "2029-06-01");

  bad->stance_date = g_strdup ("2029-02-30");
  g_assert_cmpint (gw_store_add_force (f->store, bad, NULL, NULL, &error), ==, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);
}

static void
test_stance_history (GwTestFixture *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) opponents = NULL;
  g_autoptr(GPtrArray) friends = NULL;
  g_autoptr(GwForce) force = NULL;
  g_autoptr(GwForce) draft = NULL;
  GwStanceJudgement *j;
  char *errmsg = NULL;
  gint64 id;

  draft = gw_force_new ("Greenview Property Management", gw_test_force_kind (f->store, 3));
  draft->stance = GW_STANCE_CAN_BE_WON;
  id = gw_store_add_force (f->store, draft, "They answered our letter.", "Ana", &error);
  g_assert_no_error (error);

  g_assert_cmpint (gw_store_judge_force (f->store, id, GW_STANCE_OPPONENT, "2030-03-10",
                                         "Filed eleven evictions in one month.",
                                         "General meeting", &error), >, 0);
  g_assert_no_error (error);
  /* A judgement typed in late, dated before the last one: the history
   * reads in date order and the current stance stays the latest. */
  g_assert_cmpint (gw_store_judge_force (f->store, id, GW_STANCE_FRIEND, "2030-01-05",
                                         "Fixed the boiler when asked.", "Ana", &error), >, 0);
  g_assert_no_error (error);

  force = gw_store_load_force (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (force->stance, ==, GW_STANCE_OPPONENT);
  g_assert_cmpstr (force->stance_date, ==, "2030-03-10");
  g_assert_cmpstr (force->kind_label, ==, "Landlord");

  history = gw_store_list_stance_history (f->store, id);
  g_assert_cmpuint (history->len, ==, 3);
  /* The first judgement, made when the force was added, is today's. */
  j = g_ptr_array_index (history, 0);
  g_assert_cmpint (j->stance, ==, GW_STANCE_CAN_BE_WON);
  g_assert_cmpstr (j->judged_by, ==, "Ana");
  g_assert_cmpstr (j->reasoning, ==, "They answered our letter.");
  j = g_ptr_array_index (history, 1);
  g_assert_cmpint (j->stance, ==, GW_STANCE_FRIEND);
  g_assert_cmpstr (j->date, ==, "2030-01-05");
  j = g_ptr_array_index (history, 2);
  g_assert_cmpint (j->stance, ==, GW_STANCE_OPPONENT);
  g_assert_cmpstr (j->judged_by, ==, "General meeting");
  g_assert_cmpstr (j->reasoning, ==, "Filed eleven evictions in one month.");

  opponents = gw_store_list_forces_by_stance (f->store, GW_STANCE_OPPONENT);
  g_assert_cmpuint (opponents->len, ==, 1);
  friends = gw_store_list_forces_by_stance (f->store, GW_STANCE_FRIEND);
  g_assert_cmpuint (friends->len, ==, 0);

  /* The history is never rewritten, not even from outside the program. */
  g_assert_cmpint (gw_test_sql_exec (f->path, "UPDATE stance_judgements SET stance = 0", &errmsg),
                   !=, SQLITE_OK);
  g_free (errmsg);
  g_assert_cmpint (gw_test_sql_exec (f->path, "DELETE FROM stance_judgements", &errmsg), !=, SQLITE_OK);
  g_free (errmsg);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM stance_judgements"), ==, 3);

  /* A bad judgement is refused and changes nothing. */
  g_assert_cmpint (gw_store_judge_force (f->store, id, GW_STANCE_FRIEND, "2030-02-30", "", "",
                                         &error), ==, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (gw_store_judge_force (f->store, 999, GW_STANCE_FRIEND, "2030-02-01", "", "",
                                         &error), ==, 0);
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM stance_judgements"), ==, 3);
}

static void
test_need_counting (GwTestFixture *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwNeed) need = NULL;
  g_autoptr(GwNeed) renamed = NULL;
  g_autoptr(GPtrArray) top = NULL;
  g_autoptr(GwNote) linked_note = NULL;
  gint64 a, b, c, d, e, evictions, food;

  /* Notes written before anyone made the need: adding it finds them. */
  a = gw_test_add_note (f->store, "Door-knocking on Elm", "2030-02-01",
                        "Three families talked about evictions. Evictions again on the 3rd floor.");
  b = gw_test_add_note (f->store, "Reunión en la lavandería", "2030-02-10",
                        "Nos hablaron de los EVICTIONS y del moho.");
  c = gw_test_add_note (f->store, "Laundromat", "2030-01-20",
                        "Nobody mentioned evictionsfoo or eviction, only the heat.");

  evictions = gw_test_add_need (f->store, "Evictions");
  need = gw_store_load_need (f->store, evictions, &error);
  g_assert_no_error (error);
  /* Once per note, however often a note says it; whole words only. */
  g_assert_cmpuint (need->n_notes, ==, 2);
  g_assert_cmpuint (need->count, ==, 2);
  g_assert_cmpstr (need->first_raised, ==, "2030-02-01");
  g_assert_cmpstr (need->last_raised, ==, "2030-02-10");
  g_assert_true (gw_test_refs_have (need->notes, a));
  g_assert_true (gw_test_refs_have (need->notes, b));
  g_assert_false (gw_test_refs_have (need->notes, c));
  g_clear_pointer (&need, gw_need_free);

  /* Notes written afterwards count as they are saved; so does a hand-made
   * link, and a count kept by hand adds to it. */
  d = gw_test_add_note (f->store, "Tenant meeting", "2030-03-01", "More evictions threatened.");
  e = gw_test_add_note (f->store, "Phone call", "2029-12-15", "Mrs. Tran got a notice to quit.");
  g_assert_true (gw_store_link_note (f->store, e, GW_NOTEBOOK_NEED, evictions, &error));
  g_assert_no_error (error);

  need = gw_store_load_need (f->store, evictions, &error);
  need->extra_count = 4;
  g_assert_true (gw_store_update_need (f->store, need, &error));
  g_assert_no_error (error);
  g_clear_pointer (&need, gw_need_free);
  need = gw_store_load_need (f->store, evictions, &error);
  g_assert_cmpuint (need->n_notes, ==, 4);
  g_assert_cmpuint (need->count, ==, 8);
  g_assert_cmpstr (need->first_raised, ==, "2029-12-15");
  g_assert_cmpstr (need->last_raised, ==, "2030-03-01");
  g_clear_pointer (&need, gw_need_free);

  /* The note shows how it is linked. */
  linked_note = gw_store_load_note (f->store, e, &error);
  g_assert_cmpuint (linked_note->needs->len, ==, 1);
  g_assert_true (((GwNotebookRef *) g_ptr_array_index (linked_note->needs, 0))->linked);
  g_assert_false (((GwNotebookRef *) g_ptr_array_index (linked_note->needs, 0))->mentioned);

  /* A deleted note stops counting until it is restored. */
  g_assert_true (gw_store_delete_note (f->store, d, &error));
  need = gw_store_load_need (f->store, evictions, &error);
  g_assert_cmpuint (need->count, ==, 7);
  g_clear_pointer (&need, gw_need_free);
  g_assert_true (gw_store_restore_note (f->store, d, &error));
  need = gw_store_load_need (f->store, evictions, &error);
  g_assert_cmpuint (need->count, ==, 8);
  g_clear_pointer (&need, gw_need_free);

  /* Editing a note's text away from the need drops the mention. */
  {
    g_autoptr(GwNote) note = gw_store_load_note (f->store, d, &error);

    g_free (note->text);
    note->text = g_strdup ("They talked about repairs.");
    g_assert_true (gw_store_update_note (f->store, note, &error));
    g_assert_no_error (error);
  }
  need = gw_store_load_need (f->store, evictions, &error);
  g_assert_cmpuint (need->n_notes, ==, 3);
  g_clear_pointer (&need, gw_need_free);

  /* The needs raised most come first; won ones drop out. */
  food = gw_test_add_need (f->store, "Food");
  gw_test_add_note (f->store, "Pantry", "2030-03-05", "food food food");
  top = gw_store_list_top_needs (f->store, 5);
  g_assert_cmpuint (top->len, ==, 2);
  g_assert_cmpint (((GwNeed *) g_ptr_array_index (top, 0))->id, ==, evictions);
  g_assert_cmpint (((GwNeed *) g_ptr_array_index (top, 1))->id, ==, food);
  g_clear_pointer (&top, g_ptr_array_unref);
  g_assert_true (gw_store_set_need_status (f->store, evictions, GW_NEED_WON, &error));
  top = gw_store_list_top_needs (f->store, 5);
  g_assert_cmpuint (top->len, ==, 1);

  /* Renaming a need links the notes naming the new name instead. */
  renamed = gw_store_load_need (f->store, evictions, &error);
  g_free (renamed->title);
  renamed->title = g_strdup ("Heat");
  g_assert_true (gw_store_update_need (f->store, renamed, &error));
  g_assert_no_error (error);
  g_clear_pointer (&renamed, gw_need_free);
  renamed = gw_store_load_need (f->store, evictions, &error);
  /* The laundromat note names the heat; the phone call stays linked by hand. */
  g_assert_cmpuint (renamed->n_notes, ==, 2);
  g_assert_true (gw_test_refs_have (renamed->notes, c));
  g_assert_true (gw_test_refs_have (renamed->notes, e));
}

static void
test_mentions (GwTestFixture *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwNote) note = NULL;
  g_autoptr(GPtrArray) back = NULL;
  gint64 church, tenants, saint, n1, n2;

  church = gw_test_add_force (f->store, "Iglesia San José", 1, GW_STANCE_CAN_BE_WON);
  saint = gw_test_add_force (f->store, "San", 8, GW_STANCE_UNKNOWN);
  tenants = gw_test_add_force (f->store, "Hội Người Thuê Nhà", 0, GW_STANCE_FRIEND);

  n1 = gw_test_add_note (f->store, "Visita", "2030-04-02",
                         "Fuimos a la IGLESIA SAN JOSE, el padre nos recibió.");
  n2 = gw_test_add_note (f->store, "Họp", "2030-04-03",
                         "Gặp hoi nguoi thue nha ở tầng 2; không có ai từ iglesias.");

  note = gw_store_load_note (f->store, n1, &error);
  g_assert_no_error (error);
  g_assert_true (gw_test_refs_have (note->forces, church));
  /* "San" is a whole word of the text too. */
  g_assert_true (gw_test_refs_have (note->forces, saint));
  g_assert_false (gw_test_refs_have (note->forces, tenants));
  g_assert_true (((GwNotebookRef *) g_ptr_array_index (note->forces, 0))->mentioned);
  g_clear_pointer (&note, gw_note_free);

  note = gw_store_load_note (f->store, n2, &error);
  g_assert_true (gw_test_refs_have (note->forces, tenants));
  g_assert_false (gw_test_refs_have (note->forces, church));
  g_clear_pointer (&note, gw_note_free);

  /* The way back, from the force to its notes. */
  back = gw_store_list_notes_linking (f->store, GW_NOTEBOOK_FORCE, church);
  g_assert_cmpuint (back->len, ==, 1);
  g_assert_cmpint (((GwNotebookRef *) g_ptr_array_index (back, 0))->id, ==, n1);

  /* Unlinking a mention does not stick while the text names it; a
   * hand-made link stays through an edit of the text. */
  g_assert_true (gw_store_link_note (f->store, n2, GW_NOTEBOOK_FORCE, church, &error));
  note = gw_store_load_note (f->store, n2, &error);
  g_free (note->text);
  note->text = g_strdup ("Nothing to report.");
  g_assert_true (gw_store_update_note (f->store, note, &error));
  g_clear_pointer (&note, gw_note_free);
  note = gw_store_load_note (f->store, n2, &error);
  g_assert_cmpuint (note->forces->len, ==, 1);
  g_assert_true (gw_test_refs_have (note->forces, church));
  g_clear_pointer (&note, gw_note_free);
  g_assert_true (gw_store_unlink_note (f->store, n2, GW_NOTEBOOK_FORCE, church, &error));
  note = gw_store_load_note (f->store, n2, &error);
  g_assert_cmpuint (note->forces->len, ==, 0);
}

static void
test_force_links (GwTestFixture *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwContradiction) contradiction = NULL;
  g_autoptr(GwNeed) need = NULL;
  g_autoptr(GwNote) note = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autofree char *described = NULL;
  GwForceLinks links;
  gint64 landlord, tenants, n1, n2, repairs, cid;

  landlord = gw_test_add_force (f->store, "Greenview", 3, GW_STANCE_OPPONENT);
  tenants = gw_test_add_force (f->store, "Elm Street Tenants", 0, GW_STANCE_FRIEND);
  gw_store_judge_force (f->store, landlord, GW_STANCE_CAN_BE_WON, "2020-01-01", "", "", &error);
  n1 = gw_test_add_note (f->store, "Rent day", "2030-05-01", "Greenview raised the rent again.");
  n2 = gw_test_add_note (f->store, "Lobby", "2030-05-02", "A Greenview agent took photos.");
  repairs = gw_test_add_need (f->store, "Repairs");
  need = gw_store_load_need (f->store, repairs, &error);
  g_ptr_array_add (need->forces, gw_notebook_ref_new (GW_NOTEBOOK_FORCE, landlord, NULL));
  g_assert_true (gw_store_update_need (f->store, need, &error));
  g_assert_no_error (error);
  g_clear_pointer (&need, gw_need_free);

  contradiction = gw_contradiction_new ("Tenants against the landlord",
                                        GW_CONTRADICTION_WITH_OPPONENTS);
  contradiction->principal = TRUE;
  g_ptr_array_add (contradiction->side_a, gw_notebook_ref_new (GW_NOTEBOOK_FORCE, tenants, NULL));
  g_ptr_array_add (contradiction->side_b, gw_notebook_ref_new (GW_NOTEBOOK_FORCE, landlord, NULL));
  cid = gw_store_add_contradiction (f->store, contradiction, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gw_store_add_force_relation (f->store, tenants, GW_RELATION_OPPOSES, landlord,
                                                NULL, &error), >, 0);
  g_assert_no_error (error);

  /* Ask first. */
  g_assert_true (gw_store_count_force_links (f->store, landlord, &links, &error));
  g_assert_cmpuint (links.n_notes, ==, 2);
  g_assert_cmpuint (links.n_needs, ==, 1);
  g_assert_cmpuint (links.n_contradictions, ==, 1);
  g_assert_cmpuint (links.n_relations, ==, 1);
  described = gw_force_links_describe (&links);
  g_assert_cmpstr (described, ==, "Linked from 2 notes, 1 need, 1 contradiction and 1 relation.");

  /* Deleting hides the force and every link to it. */
  g_assert_true (gw_store_delete_force (f->store, landlord, &error));
  note = gw_store_load_note (f->store, n1, &error);
  g_assert_cmpuint (note->forces->len, ==, 0);
  g_clear_pointer (&note, gw_note_free);
  need = gw_store_load_need (f->store, repairs, &error);
  g_assert_cmpuint (need->forces->len, ==, 0);
  g_clear_pointer (&need, gw_need_free);
  g_clear_pointer (&contradiction, gw_contradiction_free);
  contradiction = gw_store_load_contradiction (f->store, cid, &error);
  g_assert_cmpuint (contradiction->side_b->len, ==, 0);
  relations = gw_store_list_force_relations (f->store, tenants);
  g_assert_cmpuint (relations->len, ==, 0);
  g_clear_pointer (&relations, g_ptr_array_unref);
  g_assert_true (gw_store_count_force_links (f->store, tenants, &links, &error));
  g_assert_cmpuint (links.n_relations, ==, 0);
  {
    g_autoptr(GPtrArray) forces = gw_store_list_forces (f->store);

    g_assert_cmpuint (forces->len, ==, 1);
  }

  /* Undo brings everything back. */
  g_assert_true (gw_store_restore_force (f->store, landlord, &error));
  g_assert_no_error (error);
  note = gw_store_load_note (f->store, n2, &error);
  g_assert_true (gw_test_refs_have (note->forces, landlord));
  g_clear_pointer (&note, gw_note_free);
  g_clear_pointer (&contradiction, gw_contradiction_free);
  contradiction = gw_store_load_contradiction (f->store, cid, &error);
  g_assert_cmpuint (contradiction->side_b->len, ==, 1);
  relations = gw_store_list_force_relations (f->store, tenants);
  g_assert_cmpuint (relations->len, ==, 1);
  g_clear_pointer (&relations, g_ptr_array_unref);

  /* Purging takes the links with it, and leaves nothing dangling. */
  g_assert_true (gw_store_delete_force (f->store, landlord, &error));
  g_assert_true (gw_store_purge_deleted_notebook (f->store, &error));
  g_assert_no_error (error);
  g_clear_object (&f->store);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM forces"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM note_forces"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM need_forces"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM contradiction_forces"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM force_relations"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM stance_judgements"), ==, 1);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  /* The notes themselves stay. */
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM notes"), ==, 2);
  gw_test_fixture_reopen (f);
}

static void
test_search (GwTestFixture *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  GwNotebookHit *hit;
  gint64 in_title, in_text, deleted, force, need, rule;

  in_text = gw_test_add_note (f->store, "Block meeting", "2030-06-01",
                              "After a long talk about the laundry, people asked about a rent strike.");
  in_title = gw_test_add_note (f->store, "Rent strike vote", "2030-06-02",
                               "Forty households came.");
  deleted = gw_test_add_note (f->store, "Old rent strike", "2029-01-01", "Forgotten.");
  g_assert_true (gw_store_delete_note (f->store, deleted, &error));
  force = gw_test_add_force (f->store, "Strike Fund Collective", 8, GW_STANCE_FRIEND);
  need = gw_test_add_need (f->store, "Rent relief");
  rule = gw_test_add_rule (f->store, "Picketing permit", GW_RISK_MEDIUM, NULL);

  hits = gw_store_notebook_search (f->store, "rent strike", NULL, 10);
  g_assert_cmpuint (hits->len, ==, 2);
  /* The title weighs most. */
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpint (hit->type, ==, GW_NOTEBOOK_NOTE);
  g_assert_cmpint (hit->id, ==, in_title);
  g_assert_cmpstr (hit->date, ==, "2030-06-02");
  hit = g_ptr_array_index (hits, 1);
  g_assert_cmpint (hit->id, ==, in_text);
  /* The snippet marks the words found and keeps the rest as written. */
  g_assert_nonnull (strstr (hit->snippet, GW_NOTEBOOK_MARK_START "rent" GW_NOTEBOOK_MARK_END " "
                                          GW_NOTEBOOK_MARK_START "strike" GW_NOTEBOOK_MARK_END));
  g_assert_nonnull (strstr (hit->snippet, "…asked about a "));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Every kind of thing is found; prefixes match. */
  hits = gw_store_notebook_search (f->store, "stri", NULL, 10);
  g_assert_cmpuint (hits->len, ==, 3);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = gw_store_notebook_search (f->store, "rent", NULL, 10);
  g_assert_cmpuint (hits->len, ==, 3);
  hit = g_ptr_array_index (hits, 0);
  /* A need whose whole title is the word ranks with the best. */
  g_assert_true (hit->id == need || hit->id == in_title);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = gw_store_notebook_search (f->store, "permit", NULL, 10);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (((GwNotebookHit *) g_ptr_array_index (hits, 0))->type, ==, GW_NOTEBOOK_RULE);
  g_assert_cmpint (((GwNotebookHit *) g_ptr_array_index (hits, 0))->id, ==, rule);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = gw_store_notebook_search (f->store, "collective", NULL, 10);
  g_assert_cmpint (((GwNotebookHit *) g_ptr_array_index (hits, 0))->id, ==, force);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Accents and case do not matter; punctuation cannot break the query. */
  gw_test_add_note (f->store, "Visita a Doña Inés", "2030-06-03", "Habló del señor José.");
  hits = gw_store_notebook_search (f->store, "JOSE \"dona\" (ines", NULL, 10);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_nonnull (strstr (((GwNotebookHit *) g_ptr_array_index (hits, 0))->snippet,
                            GW_NOTEBOOK_MARK_START "José" GW_NOTEBOOK_MARK_END));
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = gw_store_notebook_search (f->store, "  ", NULL, 10);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* The limit holds across kinds. */
  hits = gw_store_notebook_search (f->store, "rent", NULL, 2);
  g_assert_cmpuint (hits->len, ==, 2);
}

static void
test_search_filters (GwTestFixture *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GwNote) draft = NULL;
  GwNotebookFilter filter = { 0 };
  gint64 police, n_tagged, n_police, n_old;

  police = gw_test_add_force (f->store, "Fifth Precinct", 6, GW_STANCE_OPPONENT);
  draft = gw_note_new ("Water shutoff", "2030-07-10");
  g_free (draft->text);
  draft->text = g_strdup ("The water was off all day.");
  draft->tags = g_strsplit ("utilities,urgent, Urgent ", ",", -1);
  n_tagged = gw_store_add_note (f->store, draft, &error);
  g_assert_no_error (error);
  n_police = gw_test_add_note (f->store, "Water and police", "2030-07-12",
                               "Fifth Precinct officers watched the water line.");
  n_old = gw_test_add_note (f->store, "Old water note", "2029-07-12", "Water pressure low.");
  gw_test_add_need (f->store, "Clean water");

  hits = gw_store_notebook_search (f->store, "water", NULL, 0);
  g_assert_cmpuint (hits->len, ==, 4);
  g_clear_pointer (&hits, g_ptr_array_unref);

  filter.types = GW_NOTEBOOK_NOTE;
  hits = gw_store_notebook_search (f->store, "water", &filter, 0);
  g_assert_cmpuint (hits->len, ==, 3);
  g_clear_pointer (&hits, g_ptr_array_unref);

  filter.types = 0;
  filter.tag = (char *) "URGENT";
  hits = gw_store_notebook_search (f->store, "water", &filter, 0);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (((GwNotebookHit *) g_ptr_array_index (hits, 0))->id, ==, n_tagged);
  g_clear_pointer (&hits, g_ptr_array_unref);

  filter.tag = NULL;
  filter.force_id = police;
  hits = gw_store_notebook_search (f->store, "water", &filter, 0);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (((GwNotebookHit *) g_ptr_array_index (hits, 0))->id, ==, n_police);
  g_clear_pointer (&hits, g_ptr_array_unref);

  filter.force_id = 0;
  filter.types = GW_NOTEBOOK_NOTE;
  filter.from_date = (char *) "2029-01-01";
  filter.to_date = (char *) "2029-12-31";
  hits = gw_store_notebook_search (f->store, "water", &filter, 0);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (((GwNotebookHit *) g_ptr_array_index (hits, 0))->id, ==, n_old);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Tags are kept once each, as first written. */
  {
    g_auto(GStrv) tags = gw_store_list_note_tags (f->store);

    g_assert_cmpuint (g_strv_length (tags), ==, 2);
    g_assert_cmpstr (tags[0], ==, "urgent");
    g_assert_cmpstr (tags[1], ==, "utilities");
  }
}

/* Whether the note @id passes @filter, read from the note itself. */
static gboolean
note_passes (GwStore                *store,
             gint64                  id,
             const GwNotebookFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwNote) note = gw_store_load_note (store, id, &error);
  gboolean found;

  g_assert_no_error (error);
  g_assert_nonnull (note);
  if (filter->from_date != NULL && strcmp (note->date, filter->from_date) < 0)
    return FALSE;
  if (filter->to_date != NULL && strcmp (note->date, filter->to_date) > 0)
    return FALSE;
  if (filter->tag != NULL)
    {
      found = FALSE;
      for (guint i = 0; note->tags != NULL && note->tags[i] != NULL; i++)
        found = found || g_ascii_strcasecmp (note->tags[i], filter->tag) == 0;
      if (!found)
        return FALSE;
    }
  if (filter->force_id != 0)
    {
      found = FALSE;
      for (guint i = 0; i < note->forces->len; i++)
        found = found || ((GwNotebookRef *) g_ptr_array_index (note->forces, i))->id == filter->force_id;
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/* A search with @filter finds the same notes, ranked the same, as the same
 * search without it with the notes that fail the filter taken out. */
static void
assert_filter_matches_unfiltered (GwStore          *store,
                                  const char       *text,
                                  GwNotebookFilter  filter)
{
  GwNotebookFilter notes_only = { .types = GW_NOTEBOOK_NOTE };
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) filtered = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();

  filter.types = GW_NOTEBOOK_NOTE;
  all = gw_store_notebook_search (store, text, &notes_only, 1000);
  filtered = gw_store_notebook_search (store, text, &filter, 1000);
  for (guint i = 0; i < all->len; i++)
    {
      GwNotebookHit *hit = g_ptr_array_index (all, i);

      if (note_passes (store, hit->id, &filter))
        g_ptr_array_add (expected, hit);
    }

  g_assert_cmpuint (filtered->len, ==, expected->len);
  for (guint i = 0; i < filtered->len; i++)
    {
      GwNotebookHit *want = g_ptr_array_index (expected, i);
      GwNotebookHit *got = g_ptr_array_index (filtered, i);

      g_assert_cmpint (got->id, ==, want->id);
      g_assert_cmpfloat (got->rank, ==, want->rank);
      g_assert_cmpstr (got->title, ==, want->title);
      g_assert_cmpstr (got->date, ==, want->date);
      g_assert_cmpstr (got->snippet, ==, want->snippet);
    }
}

static void
test_search_filters_match_unfiltered (GwTestFixture *f,
                                      gconstpointer  data)
{
  static const char * const words[] = {
    "water", "rent", "heat", "landlord", "repairs", "meeting", "wages", "watering",
  };
  static const char * const tag_sets[] = { NULL, "urgent", "Urgent,rent", "door" };
  static const char * const queries[] = { "water", "wat", "rent", "water rent", "landlord" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);
  g_autoptr(GError) error = NULL;
  gint64 harbor, church;

  harbor = gw_test_add_force (f->store, "Harbor Realty", 3, GW_STANCE_OPPONENT);
  church = gw_test_add_force (f->store, "Grace Church", 1, GW_STANCE_CAN_BE_WON);

  for (guint i = 0; i < 60; i++)
    {
      g_autoptr(GwNote) draft = NULL;
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *title = NULL;
      g_autofree char *date = NULL;
      gint64 id;

      title = g_strdup_printf ("%s visit %u", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))], i);
      date = g_strdup_printf ("%04d-%02d-15", g_rand_int_range (rand, 2027, 2032),
                              g_rand_int_range (rand, 1, 13));
      for (int w = g_rand_int_range (rand, 3, 25); w > 0; w--)
        g_string_append_printf (text, "%s ", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      /* Forces mentioned in the text, and linked by hand. */
      if (i % 5 == 0)
        g_string_append (text, "Harbor Realty raised it.");
      draft = gw_note_new (title, date);
      g_free (draft->text);
      draft->text = g_string_free (g_steal_pointer (&text), FALSE);
      if (tag_sets[i % G_N_ELEMENTS (tag_sets)] != NULL)
        draft->tags = g_strsplit (tag_sets[i % G_N_ELEMENTS (tag_sets)], ",", -1);
      if (i % 7 == 0)
        g_ptr_array_add (draft->forces, gw_notebook_ref_new (GW_NOTEBOOK_FORCE, church, NULL));
      id = gw_store_add_note (f->store, draft, &error);
      g_assert_no_error (error);
      /* Deleted notes are never found, with a filter or without. */
      if (i % 11 == 3)
        {
          g_assert_true (gw_store_delete_note (f->store, id, &error));
          g_assert_no_error (error);
        }
    }

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      const char *text = queries[q];

      assert_filter_matches_unfiltered (f->store, text, (GwNotebookFilter) {
        .from_date = (char *) "2029-01-01", .to_date = (char *) "2030-06-30" });
      assert_filter_matches_unfiltered (f->store, text, (GwNotebookFilter) {
        .from_date = (char *) "2030-01-01" });
      assert_filter_matches_unfiltered (f->store, text, (GwNotebookFilter) {
        .to_date = (char *) "2028-12-31" });
      assert_filter_matches_unfiltered (f->store, text, (GwNotebookFilter) {
        .tag = (char *) "URGENT" });
      assert_filter_matches_unfiltered (f->store, text, (GwNotebookFilter) {
        .tag = (char *) "door" });
      assert_filter_matches_unfiltered (f->store, text, (GwNotebookFilter) {
        .force_id = harbor });
      assert_filter_matches_unfiltered (f->store, text, (GwNotebookFilter) {
        .force_id = church });
      assert_filter_matches_unfiltered (f->store, text, (GwNotebookFilter) {
        .tag = (char *) "urgent", .force_id = harbor, .from_date = (char *) "2028-01-01" });
      assert_filter_matches_unfiltered (f->store, text, (GwNotebookFilter) {
        .tag = (char *) "no such tag" });
    }
}

/* With more notes than are ranked (4,000, RANK_CAP in gw-store-notebook.c),
 * and filters that keep many notes as well as few, a filtered search still
 * finds what filtering the unfiltered search finds, and ranks only the
 * newest matches, as an unfiltered search does. */
static void
test_search_filters_many_notes (GwTestFixture *f,
                                gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) unfiltered = NULL;
  g_autofree char *errmsg = NULL;
  GwNotebookFilter filter = { .types = GW_NOTEBOOK_NOTE, .tag = (char *) "all" };
  gint64 oldest_newer;

  /* 5,000 notes written straight into the file, quicker than through the
   * store: the oldest thousand say "bulk" twice in their title, so they
   * would rank first if they were ranked at all; one in 250 says "zebra";
   * all are tagged "all"; a fifth are dated 2020 or 2021. */
  g_assert_cmpint (gw_test_sql_exec (f->path,
    "WITH RECURSIVE i (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < 5000)"
    " INSERT INTO notes (uuid, title, date, text, tags, created, updated)"
    " SELECT 'bulk-' || n, CASE WHEN n <= 1000 THEN 'Bulk bulk' ELSE 'Visit' END,"
    "  printf ('20%02d-03-01', 20 + n % 10),"
    "  CASE WHEN n % 250 = 0 THEN 'bulk zebra' ELSE 'bulk' END, 'all',"
    "  '2030-01-01T00:00:00Z', '2030-01-01T00:00:00Z' FROM i;"
    " INSERT INTO note_tags (tag, note_id) SELECT 'all', id FROM notes;", &errmsg),
                   ==, SQLITE_OK);
  g_assert_null (errmsg);
  oldest_newer = gw_test_sql_int (f->path, "SELECT id FROM notes WHERE uuid = 'bulk-1001'");

  /* A filter that keeps every note, one that keeps a fifth, and both. */
  assert_filter_matches_unfiltered (f->store, "zebra", (GwNotebookFilter) {
    .tag = (char *) "all", .from_date = (char *) "2020-01-01" });
  assert_filter_matches_unfiltered (f->store, "zebra", (GwNotebookFilter) {
    .to_date = (char *) "2021-12-31" });
  assert_filter_matches_unfiltered (f->store, "zebra", (GwNotebookFilter) {
    .tag = (char *) "ALL", .to_date = (char *) "2021-12-31" });

  /* Only the newest 4,000 matches are ranked, with the filter as without. */
  hits = gw_store_notebook_search (f->store, "bulk", &filter, 50);
  unfiltered = gw_store_notebook_search (f->store, "bulk", NULL, 50);
  g_assert_cmpuint (hits->len, ==, 50);
  g_assert_cmpuint (unfiltered->len, ==, 50);
  for (guint i = 0; i < hits->len; i++)
    {
      GwNotebookHit *hit = g_ptr_array_index (hits, i);

      g_assert_cmpint (hit->id, >=, oldest_newer);
      /* Equal ranks are cut at the limit in no set order. */
      g_assert_cmpfloat (hit->rank, ==, ((GwNotebookHit *) g_ptr_array_index (unfiltered, i))->rank);
      g_assert_cmpint (((GwNotebookHit *) g_ptr_array_index (unfiltered, i))->id, >=, oldest_newer);
    }
}

static void
test_rules_due (GwTestFixture *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) all = NULL;
  gint64 loitering, permit, gathering;

  loitering = gw_test_add_rule (f->store, "Loitering ordinance", GW_RISK_HIGH, "2030-01-15");
  permit = gw_test_add_rule (f->store, "Food sharing permit", GW_RISK_MEDIUM, "2030-03-01");
  gathering = gw_test_add_rule (f->store, "Park gatherings over 25", GW_RISK_LOW, "2030-06-01");
  gw_test_add_rule (f->store, "Sidewalk tables", GW_RISK_LOW, NULL);

  due = gw_store_list_rules_due (f->store, "2030-03-01");
  g_assert_cmpuint (due->len, ==, 2);
  /* The longest overdue first; the day itself counts as due. */
  g_assert_cmpint (((GwLegalRule *) g_ptr_array_index (due, 0))->id, ==, loitering);
  g_assert_cmpint (((GwLegalRule *) g_ptr_array_index (due, 1))->id, ==, permit);
  g_assert_true (((GwLegalRule *) g_ptr_array_index (due, 1))->due);

  all = gw_store_list_rules (f->store, "2030-03-01");
  g_assert_cmpuint (all->len, ==, 4);
  /* Highest risk first, each flagged against the day. */
  g_assert_cmpint (((GwLegalRule *) g_ptr_array_index (all, 0))->id, ==, loitering);
  g_assert_true (((GwLegalRule *) g_ptr_array_index (all, 0))->due);
  for (guint i = 0; i < all->len; i++)
    {
      GwLegalRule *rule = g_ptr_array_index (all, i);

      if (rule->id == gathering || rule->review_date == NULL)
        g_assert_false (rule->due);
    }

  /* Checked again: the new review date takes it off the list. */
  {
    g_autoptr(GwLegalRule) rule = gw_store_load_rule (f->store, loitering, &error);

    g_free (rule->review_date);
    rule->review_date = g_strdup ("2030-09-01");
    g_assert_true (gw_store_update_rule (f->store, rule, &error));
    g_assert_no_error (error);
  }
  g_clear_pointer (&due, g_ptr_array_unref);
  due = gw_store_list_rules_due (f->store, "2030-03-01");
  g_assert_cmpuint (due->len, ==, 1);

  /* A deleted rule is not due; restored, it is again. */
  g_assert_true (gw_store_delete_rule (f->store, permit, &error));
  g_clear_pointer (&due, g_ptr_array_unref);
  due = gw_store_list_rules_due (f->store, "2030-03-01");
  g_assert_cmpuint (due->len, ==, 0);
  g_assert_true (gw_store_restore_rule (f->store, permit, &error));
  g_clear_pointer (&due, g_ptr_array_unref);
  due = gw_store_list_rules_due (f->store, "2030-03-01");
  g_assert_cmpuint (due->len, ==, 1);
}

static void
test_validation (GwTestFixture *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GwNote) note = NULL;
  g_autoptr(GwForce) force = NULL;
  g_autoptr(GwNeed) need = NULL;
  g_autoptr(GwContradiction) contradiction = NULL;
  g_autoptr(GwLegalRule) rule = NULL;
  gint64 church, note_id;
  const char *snapshot =
    "SELECT (SELECT count(*) FROM notes) || '/' || (SELECT count(*) FROM forces) || '/' ||"
    " (SELECT count(*) FROM needs) || '/' || (SELECT count(*) FROM contradictions) || '/' ||"
    " (SELECT count(*) FROM legal_rules) || '/' || (SELECT count(*) FROM note_forces) || '/' ||"
    " (SELECT count(*) FROM force_relations) || '/' || (SELECT count(*) FROM force_kinds) || '/' ||"
    " (SELECT group_concat(title) FROM notes)";

  church = gw_test_add_force (f->store, "St. Mary's Church", 1, GW_STANCE_FRIEND);
  note_id = gw_test_add_note (f->store, "First visit", "2030-01-01", "Met at St. Mary's Church.");
  before = gw_test_sql_text (f->path, snapshot);

#define REFUSED(call, code) \
  G_STMT_START { \
    g_assert_false ((call) != 0); \
    g_assert_error (error, GW_STORE_ERROR, code); \
    g_assert_cmpstr (error->message, !=, ""); \
    g_clear_error (&error); \
  } G_STMT_END

  note = gw_note_new ("  ", "2030-01-02");
  REFUSED (gw_store_add_note (f->store, note, &error), GW_STORE_ERROR_INVALID);
  g_free (note->title);
  note->title = g_strdup ("Second visit");
  g_free (note->date);
  note->date = g_strdup ("2030-13-01");
  REFUSED (gw_store_add_note (f->store, note, &error), GW_STORE_ERROR_INVALID);
  g_free (note->date);
  note->date = g_strdup ("2030-01-02");
  g_ptr_array_add (note->forces, gw_notebook_ref_new (GW_NOTEBOOK_FORCE, 4242, "Nobody"));
  REFUSED (gw_store_add_note (f->store, note, &error), GW_STORE_ERROR_NOT_FOUND);
  g_ptr_array_set_size (note->forces, 0);
  g_ptr_array_add (note->members, gw_notebook_ref_new (GW_NOTEBOOK_MEMBER, 4242, "Nobody"));
  REFUSED (gw_store_add_note (f->store, note, &error), GW_STORE_ERROR_NOT_FOUND);
  g_clear_pointer (&note, gw_note_free);

  /* An update refused leaves the note as it was. */
  note = gw_store_load_note (f->store, note_id, &error);
  g_free (note->title);
  note->title = g_strdup ("");
  REFUSED (gw_store_update_note (f->store, note, &error), GW_STORE_ERROR_INVALID);
  note->id = 9999;
  REFUSED (gw_store_update_note (f->store, note, &error), GW_STORE_ERROR_NOT_FOUND);

  force = gw_force_new ("ST MARYS CHURCH", gw_test_force_kind (f->store, 1));
  g_free (force->name);
  force->name = g_strdup ("st. mary's church");
  REFUSED (gw_store_add_force (f->store, force, NULL, NULL, &error), GW_STORE_ERROR_INVALID);
  g_free (force->name);
  force->name = g_strdup ("Another church");
  force->kind_id = 9999;
  REFUSED (gw_store_add_force (f->store, force, NULL, NULL, &error), GW_STORE_ERROR_INVALID);
  force->kind_id = gw_test_force_kind (f->store, 1);
  force->contact_member_id = 9999;
  REFUSED (gw_store_add_force (f->store, force, NULL, NULL, &error), GW_STORE_ERROR_NOT_FOUND);
  REFUSED (gw_store_add_force_relation (f->store, church, GW_RELATION_ALLIED_WITH, church, NULL,
                                        &error), GW_STORE_ERROR_INVALID);
  REFUSED (gw_store_add_force_kind (f->store, "church", &error), GW_STORE_ERROR_INVALID);
  REFUSED (gw_store_remove_force_kind (f->store, gw_test_force_kind (f->store, 1), &error),
           GW_STORE_ERROR_INVALID);

  need = gw_need_new ("");
  REFUSED (gw_store_add_need (f->store, need, &error), GW_STORE_ERROR_INVALID);
  g_free (need->title);
  need->title = g_strdup ("Food");
  need->raised = g_strdup ("yesterday");
  REFUSED (gw_store_add_need (f->store, need, &error), GW_STORE_ERROR_INVALID);

  contradiction = gw_contradiction_new ("Church and tenants", GW_CONTRADICTION_AMONG_PEOPLE);
  g_ptr_array_add (contradiction->side_a, gw_notebook_ref_new (GW_NOTEBOOK_FORCE, church, "St. Mary's Church"));
  g_ptr_array_add (contradiction->side_b, gw_notebook_ref_new (GW_NOTEBOOK_FORCE, church, "St. Mary's Church"));
  REFUSED (gw_store_add_contradiction (f->store, contradiction, &error), GW_STORE_ERROR_INVALID);

  rule = gw_legal_rule_new ("Curfew", GW_RISK_HIGH);
  rule->review_date = g_strdup ("2030-02-31");
  REFUSED (gw_store_add_rule (f->store, rule, &error), GW_STORE_ERROR_INVALID);
  rule->risk = 7;
  g_free (rule->review_date);
  rule->review_date = NULL;
  REFUSED (gw_store_add_rule (f->store, rule, &error), GW_STORE_ERROR_INVALID);

  after = gw_test_sql_text (f->path, snapshot);
  g_assert_cmpstr (before, ==, after);
#undef REFUSED
}

static void
changed_cb (GwStore *store,
            gint64   id,
            gpointer data)
{
  g_array_append_val ((GArray *) data, id);
}

static void
test_signal (GwTestFixture *f,
             gconstpointer  data)
{
  g_autoptr(GArray) notes = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_signal_connect (f->store, "notebook-changed::note", G_CALLBACK (changed_cb), notes);
  g_signal_connect (f->store, "notebook-changed", G_CALLBACK (changed_cb), all);

  id = gw_test_add_note (f->store, "One", "2030-01-01", "text");
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpint (g_array_index (notes, gint64, 0), ==, id);

  /* Nothing is announced before the commit, nor after a rollback. */
  g_assert_true (gw_store_begin (f->store, &error));
  gw_test_add_note (f->store, "Two", "2030-01-02", "text");
  g_assert_cmpuint (notes->len, ==, 1);
  gw_store_rollback (f->store);
  g_assert_cmpuint (notes->len, ==, 1);

  /* Many at once are announced as one. */
  g_assert_true (gw_store_begin (f->store, &error));
  for (int i = 0; i < 40; i++)
    gw_test_add_note (f->store, "Bulk", "2030-01-03", "text");
  g_assert_true (gw_store_commit (f->store, &error));
  g_assert_cmpuint (notes->len, ==, 2);
  g_assert_cmpint (g_array_index (notes, gint64, 1), ==, 0);

  gw_test_add_need (f->store, "Heat");
  g_assert_cmpuint (notes->len, ==, 2);
  g_assert_cmpuint (all->len, ==, 3);
}

/* A version-2 database: this build's schema minus the notebook. */
static void
test_migration (GwTestFixture *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwMember) member = NULL;
  g_autoptr(GPtrArray) kinds = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  char *errmsg = NULL;
  gint64 ada, meeting;

  ada = gw_test_add_person (f->store, "Ada Okafor", "555-0110", "ada@example.org");
  {
    g_autoptr(GPtrArray) mkinds = gw_store_list_meeting_kinds (f->store);
    g_autoptr(GwMeeting) draft = gw_meeting_new ();

    gw_meeting_set_kind_id (draft, ((GwMeetingKind *) g_ptr_array_index (mkinds, 0))->id);
    gw_meeting_set_date (draft, "2030-01-10");
    gw_meeting_set_title (draft, "January assembly");
    meeting = gw_store_add_meeting (f->store, draft, &error);
    g_assert_no_error (error);
    g_assert_true (gw_store_check_in (f->store, meeting, ada, &error));
  }
  g_clear_object (&f->store);

  g_assert_cmpint (gw_test_sql_exec (f->path, GW_TEST_DROP_NOTEBOOK "PRAGMA user_version = 2;",
                                     &errmsg), ==, SQLITE_OK);
  g_assert_null (errmsg);
  g_assert_cmpint (gw_test_sql_int (f->path, "SELECT count(*) FROM sqlite_schema WHERE name = 'notes'"), ==, 0);

  f->store = gw_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gw_store_get_schema_version (f->store), ==, GW_SCHEMA_VERSION);

  member = gw_test_load (f->store, ada);
  g_assert_cmpstr (gw_member_get_full_name (member), ==, "Ada Okafor");
  meetings = gw_store_list_meetings (f->store, NULL, NULL);
  g_assert_cmpuint (meetings->len, ==, 1);
  g_assert_true (gw_store_is_checked_in (f->store, meeting, ada));

  kinds = gw_store_list_force_kinds (f->store);
  g_assert_cmpuint (kinds->len, ==, 9);
  g_assert_cmpstr (((GwForceKind *) g_ptr_array_index (kinds, 0))->label, ==, "Tenant association");
  for (guint i = 0; i < kinds->len; i++)
    g_assert_cmpuint (strlen (((GwForceKind *) g_ptr_array_index (kinds, i))->uuid), ==, 36);

  /* And the notebook is ready for use, with who went. */
  {
    g_autoptr(GwNote) draft = gw_note_new ("First note", "2030-02-01");
    g_autoptr(GwNote) note = NULL;
    gint64 id;

    g_ptr_array_add (draft->members, gw_notebook_ref_new (GW_NOTEBOOK_MEMBER, ada, NULL));
    id = gw_store_add_note (f->store, draft, &error);
    g_assert_no_error (error);
    note = gw_store_load_note (f->store, id, &error);
    g_assert_cmpuint (note->members->len, ==, 1);
    g_assert_cmpstr (((GwNotebookRef *) g_ptr_array_index (note->members, 0))->title, ==, "Ada Okafor");
  }
}

static void
test_kinds (GwTestFixture *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) kinds = NULL;
  gint64 mine, church_kind;

  church_kind = gw_test_force_kind (f->store, 1);
  g_assert_true (gw_store_rename_force_kind (f->store, church_kind, "Faith group", &error));
  mine = gw_store_add_force_kind (f->store, "Street vendors", &error);
  g_assert_no_error (error);
  gw_test_add_force (f->store, "Taco stands on 5th", 9, GW_STANCE_CAN_BE_WON);

  kinds = gw_store_list_force_kinds (f->store);
  g_assert_cmpuint (kinds->len, ==, 10);
  g_assert_cmpstr (((GwForceKind *) g_ptr_array_index (kinds, 1))->label, ==, "Faith group");
  g_assert_cmpuint (((GwForceKind *) g_ptr_array_index (kinds, 9))->n_forces, ==, 1);
  g_clear_pointer (&kinds, g_ptr_array_unref);

  /* A default kind renamed to nothing gets its own name back. */
  g_assert_true (gw_store_rename_force_kind (f->store, church_kind, "", &error));
  kinds = gw_store_list_force_kinds (f->store);
  g_assert_cmpstr (((GwForceKind *) g_ptr_array_index (kinds, 1))->label, ==, "Church");

  g_assert_false (gw_store_remove_force_kind (f->store, mine, &error));
  g_assert_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (gw_store_remove_force_kind (f->store, church_kind, &error));
  g_assert_no_error (error);
}

static void
test_contradictions (GwTestFixture *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwContradiction) draft = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  char *errmsg = NULL;
  gint64 secondary, principal;

  draft = gw_contradiction_new ("Old residents and newcomers", GW_CONTRADICTION_AMONG_PEOPLE);
  secondary = gw_store_add_contradiction (f->store, draft, &error);
  g_assert_no_error (error);
  g_clear_pointer (&draft, gw_contradiction_free);
  draft = gw_contradiction_new ("Tenants and the developer", GW_CONTRADICTION_WITH_OPPONENTS);
  draft->principal = TRUE;
  principal = gw_store_add_contradiction (f->store, draft, &error);

  list = gw_store_list_contradictions (f->store);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((GwContradiction *) g_ptr_array_index (list, 0))->id, ==, principal);
  g_assert_cmpint (((GwContradiction *) g_ptr_array_index (list, 1))->id, ==, secondary);

  g_assert_cmpint (gw_store_add_contradiction_change (f->store, secondary, "2030-04-01",
                                                      "Shared potluck eased it.", &error), >, 0);
  g_assert_cmpint (gw_store_add_contradiction_change (f->store, secondary, "2030-02-01",
                                                      "Arguments at the meeting.", &error), >, 0);
  changes = gw_store_list_contradiction_changes (f->store, secondary);
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpstr (((GwContradictionChange *) g_ptr_array_index (changes, 0))->text, ==,
                   "Arguments at the meeting.");
  g_assert_cmpint (gw_test_sql_exec (f->path, "UPDATE contradiction_changes SET text = 'x'", &errmsg),
                   !=, SQLITE_OK);
  g_free (errmsg);
}

static void
test_word_count (void)
{
  g_assert_cmpuint (gw_text_count_words (NULL), ==, 0);
  g_assert_cmpuint (gw_text_count_words ("  \n "), ==, 0);
  g_assert_cmpuint (gw_text_count_words ("We met Mrs. Tran at 5pm."), ==, 6);
  g_assert_cmpuint (gw_text_count_words ("don't stop — mother-in-law's rent"), ==, 4);
  g_assert_cmpuint (gw_text_count_words ("Fuimos a la iglesia; ¡el señor José habló!"), ==, 8);
  g_assert_cmpuint (gw_text_count_words ("Gặp bà Nguyễn ở tầng 2."), ==, 6);
  g_assert_cmpuint (gw_text_count_words ("租金太高"), ==, 4);
  g_assert_cmpuint (gw_text_count_words ("-- ' -"), ==, 0);
}

static void
test_demo (GwTestFixture *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) forces = NULL;
  g_autoptr(GPtrArray) needs = NULL;
  g_autoptr(GPtrArray) contradictions = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *today = gw_date_today ();

  g_assert_true (gw_demo_fill (f->store, 40, 7, &error));
  g_assert_no_error (error);

  notes = gw_store_list_recent_notes (f->store, 0);
  g_assert_cmpuint (notes->len, >=, 20);
  g_assert_cmpuint (notes->len, <=, 40);
  forces = gw_store_list_forces (f->store);
  g_assert_cmpuint (forces->len, ==, 15);
  for (guint i = 0; i < forces->len; i++)
    {
      GwForce *force = g_ptr_array_index (forces, i);
      g_autoptr(GPtrArray) history = gw_store_list_stance_history (f->store, force->id);
      GwStanceJudgement *latest;

      /* A first impression and a later judgement, both in the past; the
       * stance shown is the later one, not one dated the day the sample
       * was made. */
      g_assert_cmpuint (history->len, >=, 2);
      latest = g_ptr_array_index (history, history->len - 1);
      g_assert_cmpstr (latest->date, <, today);
      g_assert_cmpstr (((GwStanceJudgement *) g_ptr_array_index (history, 0))->date, <, latest->date);
      g_assert_cmpint (force->stance, ==, latest->stance);
      g_assert_cmpstr (force->stance_date, ==, latest->date);
    }
  needs = gw_store_list_needs (f->store);
  g_assert_cmpuint (needs->len, ==, 8);
  contradictions = gw_store_list_contradictions (f->store);
  g_assert_cmpuint (contradictions->len, ==, 4);
  rules = gw_store_list_rules (f->store, today);
  g_assert_cmpuint (rules->len, ==, 6);
  due = gw_store_list_rules_due (f->store, today);
  g_assert_cmpuint (due->len, ==, 1);

  /* Spanish and Vietnamese notes are found without their accents. */
  hits = gw_store_notebook_search (f->store, "calefaccion", NULL, 10);
  g_assert_cmpuint (hits->len, >, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = gw_store_notebook_search (f->store, "tien thue", NULL, 10);
  g_assert_cmpuint (hits->len, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, GwTestFixture, NULL, gw_test_fixture_set_up, func, gw_test_fixture_tear_down)

  ADD ("/core/notebook/stance-history", test_stance_history);
  ADD ("/core/notebook/force-first-judgement-date", test_force_first_judgement_date);
  ADD ("/core/notebook/need-counting", test_need_counting);
  ADD ("/core/notebook/mentions", test_mentions);
  ADD ("/core/notebook/deleting-a-force-leaves-no-dangling-link", test_force_links);
  ADD ("/core/notebook/search-ranking-and-snippets", test_search);
  ADD ("/core/notebook/search-filters", test_search_filters);
  ADD ("/core/notebook/search-filters-match-unfiltered", test_search_filters_match_unfiltered);
  ADD ("/core/notebook/search-filters-with-many-notes", test_search_filters_many_notes);
  ADD ("/core/notebook/rules-due-for-review", test_rules_due);
  ADD ("/core/notebook/refused-changes-change-nothing", test_validation);
  ADD ("/core/notebook/changed-signal", test_signal);
  ADD ("/core/notebook/migration-from-version-2", test_migration);
  ADD ("/core/notebook/kinds-of-force", test_kinds);
  ADD ("/core/notebook/contradictions", test_contradictions);
  ADD ("/core/notebook/sample-chapter", test_demo);
  g_test_add_func ("/core/notebook/word-count", test_word_count);

  return g_test_run ();
}
