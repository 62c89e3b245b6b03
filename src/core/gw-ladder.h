/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gw-store.h"
#include "gw-member.h"

G_BEGIN_DECLS

#define GW_LADDER_ERROR (gw_ladder_error_quark ())

typedef enum
{
  GW_LADDER_ERROR_SKIPPED_STAGE,
  GW_LADDER_ERROR_NO_AGREEMENT,
  GW_LADDER_ERROR_NO_POINTS_OF_UNITY,
  GW_LADDER_ERROR_AT_TOP,
  GW_LADDER_ERROR_AT_BOTTOM,
  GW_LADDER_ERROR_NO_APPROVER,
  GW_LADDER_ERROR_BAD_DATE,
  GW_LADDER_ERROR_NOT_ACTIVE,
  GW_LADDER_ERROR_SAME_STATUS,
  GW_LADDER_ERROR_REQUIREMENTS_UNMET,  /* the promotion checklist is not met */
} GwLadderError;

GQuark    gw_ladder_error_quark         (void);

char     *gw_ladder_dup_stage_label     (GwStore     *store,
                                         GwStage      stage);
gboolean  gw_ladder_set_stage_label     (GwStore     *store,
                                         GwStage      stage,
                                         const char  *label,
                                         GError     **error);

gboolean  gw_ladder_check_change        (GwStore     *store,
                                         gint64       member_id,
                                         GwStage      target,
                                         GError     **error);
gboolean  gw_ladder_change_stage        (GwStore     *store,
                                         gint64       member_id,
                                         GwStage      target,
                                         const char  *date,
                                         const char  *approver,
                                         const char  *note,
                                         GError     **error);
gboolean  gw_ladder_promote             (GwStore     *store,
                                         gint64       member_id,
                                         const char  *date,
                                         const char  *approver,
                                         const char  *note,
                                         GError     **error);
gboolean  gw_ladder_step_back           (GwStore     *store,
                                         gint64       member_id,
                                         const char  *date,
                                         const char  *approver,
                                         const char  *note,
                                         GError     **error);
gboolean  gw_ladder_record_agreement    (GwStore     *store,
                                         gint64       member_id,
                                         const char  *date,
                                         const char  *witness,
                                         const char  *note,
                                         GError     **error);
gboolean  gw_ladder_has_current_agreement (GwStore   *store,
                                         gint64       member_id);
gboolean  gw_ladder_set_status          (GwStore     *store,
                                         gint64       member_id,
                                         GwStatus     status,
                                         const char  *date,
                                         const char  *approver,
                                         const char  *note,
                                         GError     **error);

G_END_DECLS
