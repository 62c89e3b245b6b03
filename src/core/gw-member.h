/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The ladder, in order. Each step up or down moves exactly one place. */
typedef enum
{
  GW_STAGE_VOLUNTEER,
  GW_STAGE_MEMBER,
  GW_STAGE_CADRE,
} GwStage;

#define GW_N_STAGES 3

typedef enum
{
  GW_STATUS_ACTIVE,
  GW_STATUS_INACTIVE,
  GW_STATUS_LEFT,
} GwStatus;

#define GW_N_STATUSES 3

#define GW_TYPE_MEMBER (gw_member_get_type ())
G_DECLARE_FINAL_TYPE (GwMember, gw_member, GW, MEMBER, GObject)

GwMember           *gw_member_new                 (void);
GwMember           *gw_member_copy                (GwMember           *self);

gint64              gw_member_get_id              (GwMember           *self);
const char         *gw_member_get_uuid            (GwMember           *self);
const char         *gw_member_get_full_name       (GwMember           *self);
void                gw_member_set_full_name       (GwMember           *self,
                                                   const char         *value);
const char         *gw_member_get_community_name  (GwMember           *self);
void                gw_member_set_community_name  (GwMember           *self,
                                                   const char         *value);
const char         *gw_member_get_pronouns        (GwMember           *self);
void                gw_member_set_pronouns        (GwMember           *self,
                                                   const char         *value);
const char         *gw_member_get_phone           (GwMember           *self);
void                gw_member_set_phone           (GwMember           *self,
                                                   const char         *value);
const char         *gw_member_get_email           (GwMember           *self);
void                gw_member_set_email           (GwMember           *self,
                                                   const char         *value);
const char         *gw_member_get_neighbourhood   (GwMember           *self);
void                gw_member_set_neighbourhood   (GwMember           *self,
                                                   const char         *value);
const char * const *gw_member_get_languages       (GwMember           *self);
void                gw_member_set_languages       (GwMember           *self,
                                                   const char * const *value);
char               *gw_member_dup_languages_text  (GwMember           *self);
const char         *gw_member_get_skills          (GwMember           *self);
void                gw_member_set_skills          (GwMember           *self,
                                                   const char         *value);
const char         *gw_member_get_notes           (GwMember           *self);
void                gw_member_set_notes           (GwMember           *self,
                                                   const char         *value);
const char * const *gw_member_get_tags            (GwMember           *self);
void                gw_member_set_tags            (GwMember           *self,
                                                   const char * const *value);
const char         *gw_member_get_joined          (GwMember           *self);
void                gw_member_set_joined          (GwMember           *self,
                                                   const char         *iso_date);
gint64              gw_member_get_recruited_by    (GwMember           *self);
void                gw_member_set_recruited_by    (GwMember           *self,
                                                   gint64              member_id);
const char         *gw_member_get_recruited_by_name (GwMember         *self);
GwStage             gw_member_get_stage           (GwMember           *self);
GwStatus            gw_member_get_status          (GwMember           *self);
const char         *gw_member_get_last_change     (GwMember           *self);
const char         *gw_member_get_created         (GwMember           *self);
const char         *gw_member_get_updated         (GwMember           *self);

const char         *gw_status_get_label           (GwStatus            status);
const char         *gw_stage_get_default_label    (GwStage             stage);
const char         *gw_stage_get_id               (GwStage             stage);

char              **gw_split_list                 (const char         *text);

G_END_DECLS
