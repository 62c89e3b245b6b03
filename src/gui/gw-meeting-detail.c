/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gw-meeting-detail.h"

struct _GwMeetingDetail
{
  GtkWidget  parent_instance;

  GwStore   *store;
};

G_DEFINE_FINAL_TYPE (GwMeetingDetail, gw_meeting_detail, GTK_TYPE_WIDGET)

void
gw_meeting_detail_set_store (GwMeetingDetail *self,
                            GwStore *store)
{
  g_return_if_fail (GW_IS_MEETING_DETAIL (self));
  g_set_object (&self->store, store);
}

void
gw_meeting_detail_set_meeting (GwMeetingDetail *self,
                               gint64           meeting_id)
{
  g_return_if_fail (GW_IS_MEETING_DETAIL (self));
}

gint64
gw_meeting_detail_get_meeting (GwMeetingDetail *self)
{
  g_return_val_if_fail (GW_IS_MEETING_DETAIL (self), 0);
  return 0;
}

static void
gw_meeting_detail_dispose (GObject *object)
{
  GwMeetingDetail *self = GW_MEETING_DETAIL (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gw_meeting_detail_parent_class)->dispose (object);
}

static void
gw_meeting_detail_class_init (GwMeetingDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_meeting_detail_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gw_meeting_detail_init (GwMeetingDetail *self)
{
}
