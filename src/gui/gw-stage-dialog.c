/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gw-date.h"
#include "gw-ladder.h"
#include "gw-stage-dialog.h"
#include "gw-store-members.h"

/* Records a step on the ladder, an agreement to the points of unity, or a
 * change of status: each needs a date and a person who answers for it. */
struct _GwStageDialog
{
  AdwWindow          parent_instance;

  GwStore           *store;
  gint64             member_id;
  GwStageDialogKind  kind;

  AdwComboRow       *choice_row;
  AdwEntryRow       *date_row;
  AdwEntryRow       *approver_row;
  AdwEntryRow       *note_row;
  GtkLabel          *error_label;
};

G_DEFINE_FINAL_TYPE (GwStageDialog, gw_stage_dialog, ADW_TYPE_WINDOW)

static void
show_error (GwStageDialog *self,
            const char    *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}

static void
confirm_clicked_cb (GwStageDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  const char *typed_date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  const char *approver = gtk_editable_get_text (GTK_EDITABLE (self->approver_row));
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));
  gboolean ok = FALSE;

  date = gw_date_parse_user (typed_date);
  if (date == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a real date. Write it as YYYY-MM-DD."),
                                                  typed_date);
      show_error (self, message);
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return;
    }

  switch (self->kind)
    {
    case GW_STAGE_DIALOG_STAGE:
      ok = gw_ladder_change_stage (self->store, self->member_id,
                                   adw_combo_row_get_selected (self->choice_row),
                                   date, approver, note, &error);
      break;
    case GW_STAGE_DIALOG_AGREEMENT:
      ok = gw_ladder_record_agreement (self->store, self->member_id, date, approver, note, &error);
      break;
    case GW_STAGE_DIALOG_STATUS:
      ok = gw_ladder_set_status (self->store, self->member_id,
                                 adw_combo_row_get_selected (self->choice_row),
                                 date, approver, note, &error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (!ok)
    {
      show_error (self, error->message);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
gw_stage_dialog_dispose (GObject *object)
{
  GwStageDialog *self = GW_STAGE_DIALOG (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (gw_stage_dialog_parent_class)->dispose (object);
}

static void
gw_stage_dialog_class_init (GwStageDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_stage_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gw_stage_dialog_init (GwStageDialog *self)
{
}

static GtkWidget *
make_entry_row (const char *title,
                const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  return row;
}

/**
 * gw_stage_dialog_new:
 * @proposed: the stage or status proposed, for %GW_STAGE_DIALOG_STAGE and
 *   %GW_STAGE_DIALOG_STATUS
 *
 * Returns: (transfer floating): a dialog that records the change when
 *   confirmed, and says in place why the ladder refused it otherwise.
 */
GwStageDialog *
gw_stage_dialog_new (GtkWindow         *parent,
                     GwStore           *store,
                     gint64             member_id,
                     GwStageDialogKind  kind,
                     int                proposed)
{
  GwStageDialog *self;
  g_autoptr(GwMember) member = gw_store_load_member (store, member_id, NULL);
  g_autofree char *today = gw_date_today ();
  g_autofree char *heading = NULL;
  const char *confirm_label = NULL;
  const char *approver_title = _("Approved by");
  GtkWidget *box, *header, *cancel, *confirm, *clamp, *content, *group, *heading_label;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);

  self = g_object_new (GW_TYPE_STAGE_DIALOG,
                       "modal", TRUE,
                       "transient-for", parent,
                       "default-width", 480,
                       NULL);
  self->store = g_object_ref (store);
  self->member_id = member_id;
  self->kind = kind;

  group = adw_preferences_group_new ();

  switch (kind)
    {
    case GW_STAGE_DIALOG_STAGE:
      {
        g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);

        for (guint i = 0; i < GW_N_STAGES; i++)
          {
            g_autofree char *label = gw_ladder_dup_stage_label (store, i);
            gtk_string_list_append (stages, label);
          }

        gtk_window_set_title (GTK_WINDOW (self), _("Change Stage"));
        heading = g_strdup_printf (_("Move %s one step on the ladder. The change is kept in their history."),
                                   member ? gw_member_get_full_name (member) : "");
        confirm_label = _("_Change Stage");
        self->choice_row = ADW_COMBO_ROW (adw_combo_row_new ());
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->choice_row), _("New stage"));
        adw_combo_row_set_model (self->choice_row, G_LIST_MODEL (stages));
        adw_combo_row_set_selected (self->choice_row, CLAMP (proposed, 0, GW_N_STAGES - 1));
        break;
      }

    case GW_STAGE_DIALOG_AGREEMENT:
      {
        g_autoptr(GwUnityVersion) unity = gw_store_dup_current_unity (store);

        gtk_window_set_title (GTK_WINDOW (self), _("Record Agreement"));
        heading = g_strdup_printf (_("%s agrees to the points of unity, version %d:\n\n%s"),
                                   member ? gw_member_get_full_name (member) : "",
                                   unity ? unity->number : 0, unity ? unity->text : "");
        confirm_label = _("_Record Agreement");
        approver_title = _("Witnessed by");
        break;
      }

    case GW_STAGE_DIALOG_STATUS:
      {
        g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

        for (guint i = 0; i < GW_N_STATUSES; i++)
          gtk_string_list_append (statuses, gw_status_get_label (i));

        gtk_window_set_title (GTK_WINDOW (self), _("Change Status"));
        heading = g_strdup_printf (_("Mark %s active, inactive or gone. The change is kept in their history."),
                                   member ? gw_member_get_full_name (member) : "");
        confirm_label = _("_Change Status");
        self->choice_row = ADW_COMBO_ROW (adw_combo_row_new ());
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->choice_row), _("New status"));
        adw_combo_row_set_model (self->choice_row, G_LIST_MODEL (statuses));
        adw_combo_row_set_selected (self->choice_row, CLAMP (proposed, 0, GW_N_STATUSES - 1));
        break;
      }

    default:
      g_assert_not_reached ();
    }

  if (self->choice_row != NULL)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->choice_row));

  self->date_row = ADW_ENTRY_ROW (make_entry_row (_("Date (YYYY-MM-DD)"), today));
  self->approver_row = ADW_ENTRY_ROW (make_entry_row (approver_title, NULL));
  self->note_row = ADW_ENTRY_ROW (make_entry_row (_("Note (grounds, study sessions, …)"), NULL));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->date_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->approver_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->note_row));

  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  confirm = gtk_button_new_with_mnemonic (confirm_label);
  gtk_widget_add_css_class (confirm, "suggested-action");
  g_signal_connect_swapped (confirm, "clicked", G_CALLBACK (confirm_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), confirm);

  heading_label = gtk_label_new (heading);
  gtk_label_set_wrap (GTK_LABEL (heading_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (heading_label), 0);
  gtk_label_set_selectable (GTK_LABEL (heading_label), TRUE);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_box_append (GTK_BOX (content), heading_label);
  gtk_box_append (GTK_BOX (content), group);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->error_label));

  clamp = adw_clamp_new ();
  adw_clamp_set_child (ADW_CLAMP (clamp), content);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), clamp);
  adw_window_set_content (ADW_WINDOW (self), box);

  gtk_window_set_default_widget (GTK_WINDOW (self), confirm);
  gtk_widget_grab_focus (GTK_WIDGET (self->approver_row));

  return self;
}
