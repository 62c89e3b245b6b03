/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "gw-core-enums.h"
#include "gw-member-private.h"

G_DEFINE_FINAL_TYPE (GwMember, gw_member, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_FULL_NAME,
  PROP_COMMUNITY_NAME,
  PROP_PRONOUNS,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_NEIGHBOURHOOD,
  PROP_LANGUAGES,
  PROP_SKILLS,
  PROP_NOTES,
  PROP_TAGS,
  PROP_JOINED,
  PROP_RECRUITED_BY,
  PROP_STAGE,
  PROP_STATUS,
  PROP_LAST_CHANGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gw_member_finalize (GObject *object)
{
  GwMember *self = GW_MEMBER (object);

  g_free (self->uuid);
  g_free (self->full_name);
  g_free (self->community_name);
  g_free (self->pronouns);
  g_free (self->phone);
  g_free (self->email);
  g_free (self->neighbourhood);
  g_strfreev (self->languages);
  g_free (self->skills);
  g_free (self->notes);
  g_strfreev (self->tags);
  g_free (self->joined);
  g_free (self->recruited_by_name);
  g_free (self->last_change);
  g_free (self->created);
  g_free (self->updated);

  G_OBJECT_CLASS (gw_member_parent_class)->finalize (object);
}

static void
gw_member_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  GwMember *self = GW_MEMBER (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_UUID: g_value_set_string (value, self->uuid); break;
    case PROP_FULL_NAME: g_value_set_string (value, self->full_name); break;
    case PROP_COMMUNITY_NAME: g_value_set_string (value, self->community_name); break;
    case PROP_PRONOUNS: g_value_set_string (value, self->pronouns); break;
    case PROP_PHONE: g_value_set_string (value, self->phone); break;
    case PROP_EMAIL: g_value_set_string (value, self->email); break;
    case PROP_NEIGHBOURHOOD: g_value_set_string (value, self->neighbourhood); break;
    case PROP_LANGUAGES: g_value_set_boxed (value, self->languages); break;
    case PROP_SKILLS: g_value_set_string (value, self->skills); break;
    case PROP_NOTES: g_value_set_string (value, self->notes); break;
    case PROP_TAGS: g_value_set_boxed (value, self->tags); break;
    case PROP_JOINED: g_value_set_string (value, self->joined); break;
    case PROP_RECRUITED_BY: g_value_set_int64 (value, self->recruited_by); break;
    case PROP_STAGE: g_value_set_enum (value, self->stage); break;
    case PROP_STATUS: g_value_set_enum (value, self->status); break;
    case PROP_LAST_CHANGE: g_value_set_string (value, self->last_change); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gw_member_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  GwMember *self = GW_MEMBER (object);

  switch (prop_id)
    {
    case PROP_FULL_NAME: gw_member_set_full_name (self, g_value_get_string (value)); break;
    case PROP_COMMUNITY_NAME: gw_member_set_community_name (self, g_value_get_string (value)); break;
    case PROP_PRONOUNS: gw_member_set_pronouns (self, g_value_get_string (value)); break;
    case PROP_PHONE: gw_member_set_phone (self, g_value_get_string (value)); break;
    case PROP_EMAIL: gw_member_set_email (self, g_value_get_string (value)); break;
    case PROP_NEIGHBOURHOOD: gw_member_set_neighbourhood (self, g_value_get_string (value)); break;
    case PROP_LANGUAGES: gw_member_set_languages (self, g_value_get_boxed (value)); break;
    case PROP_SKILLS: gw_member_set_skills (self, g_value_get_string (value)); break;
    case PROP_NOTES: gw_member_set_notes (self, g_value_get_string (value)); break;
    case PROP_TAGS: gw_member_set_tags (self, g_value_get_boxed (value)); break;
    case PROP_JOINED: gw_member_set_joined (self, g_value_get_string (value)); break;
    case PROP_RECRUITED_BY: gw_member_set_recruited_by (self, g_value_get_int64 (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gw_member_class_init (GwMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gw_member_finalize;
  object_class->get_property = gw_member_get_property;
  object_class->set_property = gw_member_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, ro);
  properties[PROP_FULL_NAME] = g_param_spec_string ("full-name", NULL, NULL, NULL, rw);
  properties[PROP_COMMUNITY_NAME] = g_param_spec_string ("community-name", NULL, NULL, NULL, rw);
  properties[PROP_PRONOUNS] = g_param_spec_string ("pronouns", NULL, NULL, NULL, rw);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, NULL, rw);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, rw);
  properties[PROP_NEIGHBOURHOOD] = g_param_spec_string ("neighbourhood", NULL, NULL, NULL, rw);
  properties[PROP_LANGUAGES] = g_param_spec_boxed ("languages", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_SKILLS] = g_param_spec_string ("skills", NULL, NULL, NULL, rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, rw);
  properties[PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_JOINED] = g_param_spec_string ("joined", NULL, NULL, NULL, rw);
  properties[PROP_RECRUITED_BY] = g_param_spec_int64 ("recruited-by", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_STAGE] = g_param_spec_enum ("stage", NULL, NULL, GW_TYPE_STAGE, GW_STAGE_VOLUNTEER, ro);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, GW_TYPE_STATUS, GW_STATUS_ACTIVE, ro);
  properties[PROP_LAST_CHANGE] = g_param_spec_string ("last-change", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gw_member_init (GwMember *self)
{
  self->languages = g_new0 (char *, 1);
  self->tags = g_new0 (char *, 1);
}

/**
 * gw_member_new:
 *
 * Returns: (transfer full): an empty member not yet in any store, to be
 *   filled in and passed to gw_store_add_member().
 */
GwMember *
gw_member_new (void)
{
  return g_object_new (GW_TYPE_MEMBER, NULL);
}

/**
 * gw_member_copy:
 *
 * Returns: (transfer full): an independent copy of @self, for editing.
 */
GwMember *
gw_member_copy (GwMember *self)
{
  GwMember *copy;

  g_return_val_if_fail (GW_IS_MEMBER (self), NULL);

  copy = gw_member_new ();
  copy->id = self->id;
  copy->uuid = g_strdup (self->uuid);
  copy->full_name = g_strdup (self->full_name);
  copy->community_name = g_strdup (self->community_name);
  copy->pronouns = g_strdup (self->pronouns);
  copy->phone = g_strdup (self->phone);
  copy->email = g_strdup (self->email);
  copy->neighbourhood = g_strdup (self->neighbourhood);
  g_strfreev (copy->languages);
  copy->languages = g_strdupv (self->languages);
  copy->skills = g_strdup (self->skills);
  copy->notes = g_strdup (self->notes);
  g_strfreev (copy->tags);
  copy->tags = g_strdupv (self->tags);
  copy->joined = g_strdup (self->joined);
  copy->recruited_by = self->recruited_by;
  copy->recruited_by_name = g_strdup (self->recruited_by_name);
  copy->stage = self->stage;
  copy->status = self->status;
  copy->last_change = g_strdup (self->last_change);
  copy->created = g_strdup (self->created);
  copy->updated = g_strdup (self->updated);

  return copy;
}

static void
set_text (GwMember    *self,
          char       **field,
          const char  *value,
          int          prop)
{
  g_autofree char *stripped = g_strstrip (g_strdup (value ? value : ""));

  if (g_strcmp0 (*field, stripped) == 0)
    return;

  g_free (*field);
  *field = g_steal_pointer (&stripped);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_list (GwMember            *self,
          char              ***field,
          const char * const  *value,
          int                  prop)
{
  GPtrArray *items = g_ptr_array_new ();

  for (guint i = 0; value && value[i]; i++)
    {
      g_autofree char *item = g_strstrip (g_strdup (value[i]));
      gboolean seen = FALSE;

      if (item[0] == '\0')
        continue;

      for (guint j = 0; j < items->len && !seen; j++)
        seen = g_utf8_collate (g_ptr_array_index (items, j), item) == 0;

      if (!seen)
        g_ptr_array_add (items, g_steal_pointer (&item));
    }

  g_ptr_array_add (items, NULL);

  if (g_strv_equal ((const char * const *) *field, (const char * const *) items->pdata))
    {
      g_strfreev ((char **) g_ptr_array_free (items, FALSE));
      return;
    }

  g_strfreev (*field);
  *field = (char **) g_ptr_array_free (items, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/**
 * gw_split_list:
 *
 * Splits a comma-separated list as a person types it ("Spanish, English").
 *
 * Returns: (transfer full): the trimmed, non-empty items.
 */
char **
gw_split_list (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text ? text : "", ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i]; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

char *
_gw_member_join_list (const char * const *items)
{
  return g_strjoinv (", ", (char **) items);
}

gint64 gw_member_get_id (GwMember *self) { g_return_val_if_fail (GW_IS_MEMBER (self), 0); return self->id; }
const char *gw_member_get_uuid (GwMember *self) { g_return_val_if_fail (GW_IS_MEMBER (self), NULL); return self->uuid; }

#define TEXT_ACCESSORS(field, PROP)                                           \
const char *                                                                  \
gw_member_get_##field (GwMember *self)                                        \
{                                                                             \
  g_return_val_if_fail (GW_IS_MEMBER (self), NULL);                           \
  return self->field ? self->field : "";                                      \
}                                                                             \
void                                                                          \
gw_member_set_##field (GwMember *self, const char *value)                     \
{                                                                             \
  g_return_if_fail (GW_IS_MEMBER (self));                                     \
  set_text (self, &self->field, value, PROP);                                 \
}

TEXT_ACCESSORS (full_name, PROP_FULL_NAME)
TEXT_ACCESSORS (community_name, PROP_COMMUNITY_NAME)
TEXT_ACCESSORS (pronouns, PROP_PRONOUNS)
TEXT_ACCESSORS (phone, PROP_PHONE)
TEXT_ACCESSORS (email, PROP_EMAIL)
TEXT_ACCESSORS (neighbourhood, PROP_NEIGHBOURHOOD)
TEXT_ACCESSORS (skills, PROP_SKILLS)
TEXT_ACCESSORS (notes, PROP_NOTES)

#undef TEXT_ACCESSORS

const char * const *
gw_member_get_languages (GwMember *self)
{
  g_return_val_if_fail (GW_IS_MEMBER (self), NULL);
  return (const char * const *) self->languages;
}

void
gw_member_set_languages (GwMember           *self,
                         const char * const *value)
{
  g_return_if_fail (GW_IS_MEMBER (self));
  set_list (self, &self->languages, value, PROP_LANGUAGES);
}

/**
 * gw_member_dup_languages_text:
 *
 * Returns: (transfer full): the languages as "Spanish, English".
 */
char *
gw_member_dup_languages_text (GwMember *self)
{
  g_return_val_if_fail (GW_IS_MEMBER (self), NULL);
  return _gw_member_join_list ((const char * const *) self->languages);
}

const char * const *
gw_member_get_tags (GwMember *self)
{
  g_return_val_if_fail (GW_IS_MEMBER (self), NULL);
  return (const char * const *) self->tags;
}

void
gw_member_set_tags (GwMember           *self,
                    const char * const *value)
{
  g_return_if_fail (GW_IS_MEMBER (self));
  set_list (self, &self->tags, value, PROP_TAGS);
}

const char *
gw_member_get_joined (GwMember *self)
{
  g_return_val_if_fail (GW_IS_MEMBER (self), NULL);
  return self->joined;
}

void
gw_member_set_joined (GwMember   *self,
                      const char *iso_date)
{
  g_return_if_fail (GW_IS_MEMBER (self));

  if (g_strcmp0 (self->joined, iso_date) == 0)
    return;

  g_free (self->joined);
  self->joined = g_strdup (iso_date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOINED]);
}

gint64
gw_member_get_recruited_by (GwMember *self)
{
  g_return_val_if_fail (GW_IS_MEMBER (self), 0);
  return self->recruited_by;
}

void
gw_member_set_recruited_by (GwMember *self,
                            gint64    member_id)
{
  g_return_if_fail (GW_IS_MEMBER (self));

  if (self->recruited_by == member_id)
    return;

  self->recruited_by = member_id;
  g_clear_pointer (&self->recruited_by_name, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECRUITED_BY]);
}

const char *
gw_member_get_recruited_by_name (GwMember *self)
{
  g_return_val_if_fail (GW_IS_MEMBER (self), NULL);
  return self->recruited_by_name;
}

GwStage
gw_member_get_stage (GwMember *self)
{
  g_return_val_if_fail (GW_IS_MEMBER (self), GW_STAGE_VOLUNTEER);
  return self->stage;
}

GwStatus
gw_member_get_status (GwMember *self)
{
  g_return_val_if_fail (GW_IS_MEMBER (self), GW_STATUS_ACTIVE);
  return self->status;
}

const char *
gw_member_get_last_change (GwMember *self)
{
  g_return_val_if_fail (GW_IS_MEMBER (self), NULL);
  return self->last_change;
}

const char *
gw_member_get_created (GwMember *self)
{
  g_return_val_if_fail (GW_IS_MEMBER (self), NULL);
  return self->created;
}

const char *
gw_member_get_updated (GwMember *self)
{
  g_return_val_if_fail (GW_IS_MEMBER (self), NULL);
  return self->updated;
}

/**
 * gw_status_get_label:
 *
 * Returns: the translated name of @status.
 */
const char *
gw_status_get_label (GwStatus status)
{
  switch (status)
    {
    case GW_STATUS_ACTIVE: return _("Active");
    case GW_STATUS_INACTIVE: return _("Inactive");
    case GW_STATUS_LEFT: return _("Left");
    default: g_return_val_if_reached ("");
    }
}

/**
 * gw_stage_get_default_label:
 *
 * Returns: the translated default name of @stage, used until the
 *   organization names its stages itself.
 */
const char *
gw_stage_get_default_label (GwStage stage)
{
  switch (stage)
    {
    case GW_STAGE_VOLUNTEER: return C_("stage", "Volunteer");
    case GW_STAGE_MEMBER: return C_("stage", "Member");
    case GW_STAGE_CADRE: return C_("stage", "Cadre");
    default: g_return_val_if_reached ("");
    }
}

/**
 * gw_stage_get_id:
 *
 * Returns: the untranslated, stable name of @stage.
 */
const char *
gw_stage_get_id (GwStage stage)
{
  switch (stage)
    {
    case GW_STAGE_VOLUNTEER: return "volunteer";
    case GW_STAGE_MEMBER: return "member";
    case GW_STAGE_CADRE: return "cadre";
    default: g_return_val_if_reached ("");
    }
}
