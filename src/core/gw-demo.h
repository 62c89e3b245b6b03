/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-store.h"

G_BEGIN_DECLS

gboolean gw_demo_fill     (GwStore  *store,
                           guint     n_people,
                           guint32   seed,
                           GError  **error);
GwStore *gw_demo_open_new (GError  **error);

G_END_DECLS
