/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gw-secretary-page.h"

struct _GwSecretaryPage
{
  GtkWidget  parent_instance;

  GwStore   *store;
};

G_DEFINE_FINAL_TYPE (GwSecretaryPage, gw_secretary_page, GTK_TYPE_WIDGET)

void
gw_secretary_page_set_store (GwSecretaryPage *self,
                            GwStore *store)
{
  g_return_if_fail (GW_IS_SECRETARY_PAGE (self));
  g_set_object (&self->store, store);
}

static void
gw_secretary_page_dispose (GObject *object)
{
  GwSecretaryPage *self = GW_SECRETARY_PAGE (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gw_secretary_page_parent_class)->dispose (object);
}

static void
gw_secretary_page_class_init (GwSecretaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_secretary_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gw_secretary_page_init (GwSecretaryPage *self)
{
}
