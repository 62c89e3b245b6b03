/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gw-meeting-private.h"

G_DEFINE_FINAL_TYPE (GwMeeting, gw_meeting, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND_ID,
  PROP_TITLE,
  PROP_DATE,
  PROP_TIME,
  PROP_PLACE,
  PROP_MINUTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gw_meeting_finalize (GObject *object)
{
  GwMeeting *self = GW_MEETING (object);

  g_free (self->uuid);
  g_free (self->kind_label);
  g_free (self->title);
  g_free (self->date);
  g_free (self->time);
  g_free (self->place);
  g_free (self->minutes);
  g_free (self->secretary_name);
  g_free (self->created);
  g_free (self->updated);

  G_OBJECT_CLASS (gw_meeting_parent_class)->finalize (object);
}

static void
gw_meeting_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  GwMeeting *self = GW_MEETING (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KIND_ID:
      g_value_set_int64 (value, self->kind_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_TIME:
      g_value_set_string (value, self->time);
      break;
    case PROP_PLACE:
      g_value_set_string (value, self->place);
      break;
    case PROP_MINUTES:
      g_value_set_string (value, self->minutes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gw_meeting_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  GwMeeting *self = GW_MEETING (object);

  switch (prop_id)
    {
    case PROP_KIND_ID:
      gw_meeting_set_kind_id (self, g_value_get_int64 (value));
      break;
    case PROP_TITLE:
      gw_meeting_set_title (self, g_value_get_string (value));
      break;
    case PROP_DATE:
      gw_meeting_set_date (self, g_value_get_string (value));
      break;
    case PROP_TIME:
      gw_meeting_set_time (self, g_value_get_string (value));
      break;
    case PROP_PLACE:
      gw_meeting_set_place (self, g_value_get_string (value));
      break;
    case PROP_MINUTES:
      gw_meeting_set_minutes (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gw_meeting_class_init (GwMeetingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gw_meeting_finalize;
  object_class->get_property = gw_meeting_get_property;
  object_class->set_property = gw_meeting_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND_ID] = g_param_spec_int64 ("kind-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, "", flags);
  properties[PROP_TIME] = g_param_spec_string ("time", NULL, NULL, "", flags);
  properties[PROP_PLACE] = g_param_spec_string ("place", NULL, NULL, "", flags);
  properties[PROP_MINUTES] = g_param_spec_string ("minutes", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gw_meeting_init (GwMeeting *self)
{
  self->uuid = g_strdup ("");
  self->kind_label = g_strdup ("");
  self->title = g_strdup ("");
  self->date = g_strdup ("");
  self->time = g_strdup ("");
  self->place = g_strdup ("");
  self->minutes = g_strdup ("");
  self->secretary_name = g_strdup ("");
  self->created = g_strdup ("");
  self->updated = g_strdup ("");
}

/* g_set_str() is newer than GLib 2.74. */
static void
replace_str (char       **field,
             const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

/**
 * gw_meeting_new:
 *
 * Returns: (transfer full): an empty meeting, to fill in and pass to
 *   gw_store_add_meeting().
 */
GwMeeting *
gw_meeting_new (void)
{
  return g_object_new (GW_TYPE_MEETING, NULL);
}

/**
 * gw_meeting_copy:
 *
 * Returns: (transfer full): a copy of @self, for editing without touching
 *   the original.
 */
GwMeeting *
gw_meeting_copy (GwMeeting *self)
{
  GwMeeting *copy;

  g_return_val_if_fail (GW_IS_MEETING (self), NULL);

  copy = gw_meeting_new ();
  copy->id = self->id;
  replace_str (&copy->uuid, self->uuid);
  copy->kind_id = self->kind_id;
  replace_str (&copy->kind_label, self->kind_label);
  copy->is_study = self->is_study;
  replace_str (&copy->title, self->title);
  replace_str (&copy->date, self->date);
  replace_str (&copy->time, self->time);
  replace_str (&copy->place, self->place);
  replace_str (&copy->minutes, self->minutes);
  copy->secretary_id = self->secretary_id;
  replace_str (&copy->secretary_name, self->secretary_name);
  copy->n_attending = self->n_attending;
  replace_str (&copy->created, self->created);
  replace_str (&copy->updated, self->updated);

  return copy;
}

static void
set_string (GwMeeting  *self,
            char      **field,
            const char *value,
            int         prop)
{
  if (value == NULL)
    value = "";

  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

gint64
gw_meeting_get_id (GwMeeting *self)
{
  g_return_val_if_fail (GW_IS_MEETING (self), 0);
  return self->id;
}

const char *
gw_meeting_get_uuid (GwMeeting *self)
{
  g_return_val_if_fail (GW_IS_MEETING (self), NULL);
  return self->uuid;
}

gint64
gw_meeting_get_kind_id (GwMeeting *self)
{
  g_return_val_if_fail (GW_IS_MEETING (self), 0);
  return self->kind_id;
}

void
gw_meeting_set_kind_id (GwMeeting *self,
                        gint64     kind_id)
{
  g_return_if_fail (GW_IS_MEETING (self));

  if (self->kind_id == kind_id)
    return;

  self->kind_id = kind_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND_ID]);
}

const char *
gw_meeting_get_kind_label (GwMeeting *self)
{
  g_return_val_if_fail (GW_IS_MEETING (self), NULL);
  return self->kind_label;
}

gboolean
gw_meeting_get_is_study (GwMeeting *self)
{
  g_return_val_if_fail (GW_IS_MEETING (self), FALSE);
  return self->is_study;
}

#define STRING_ACCESSORS(field, PROP)                                    \
  const char *                                                           \
  gw_meeting_get_##field (GwMeeting *self)                               \
  {                                                                      \
    g_return_val_if_fail (GW_IS_MEETING (self), NULL);                   \
    return self->field;                                                  \
  }                                                                      \
                                                                         \
  void                                                                   \
  gw_meeting_set_##field (GwMeeting  *self,                              \
                          const char *value)                             \
  {                                                                      \
    g_return_if_fail (GW_IS_MEETING (self));                             \
    set_string (self, &self->field, value, PROP);                        \
  }

STRING_ACCESSORS (title, PROP_TITLE)
STRING_ACCESSORS (date, PROP_DATE)
STRING_ACCESSORS (time, PROP_TIME)
STRING_ACCESSORS (place, PROP_PLACE)
STRING_ACCESSORS (minutes, PROP_MINUTES)

gint64
gw_meeting_get_secretary_id (GwMeeting *self)
{
  g_return_val_if_fail (GW_IS_MEETING (self), 0);
  return self->secretary_id;
}

const char *
gw_meeting_get_secretary_name (GwMeeting *self)
{
  g_return_val_if_fail (GW_IS_MEETING (self), NULL);
  return self->secretary_name;
}

guint
gw_meeting_get_n_attending (GwMeeting *self)
{
  g_return_val_if_fail (GW_IS_MEETING (self), 0);
  return self->n_attending;
}

const char *
gw_meeting_get_created (GwMeeting *self)
{
  g_return_val_if_fail (GW_IS_MEETING (self), NULL);
  return self->created;
}

const char *
gw_meeting_get_updated (GwMeeting *self)
{
  g_return_val_if_fail (GW_IS_MEETING (self), NULL);
  return self->updated;
}

/* The plain records. */

GwMeetingKind *
gw_meeting_kind_copy (const GwMeetingKind *kind)
{
  GwMeetingKind *copy = g_memdup2 (kind, sizeof *kind);

  copy->uuid = g_strdup (kind->uuid);
  copy->label = g_strdup (kind->label);
  return copy;
}

void
gw_meeting_kind_free (GwMeetingKind *kind)
{
  if (kind == NULL)
    return;
  g_free (kind->uuid);
  g_free (kind->label);
  g_free (kind);
}

G_DEFINE_BOXED_TYPE (GwMeetingKind, gw_meeting_kind, gw_meeting_kind_copy, gw_meeting_kind_free)

GwAgendaItem *
gw_agenda_item_new (const char *text)
{
  GwAgendaItem *item = g_new0 (GwAgendaItem, 1);

  item->uuid = g_strdup ("");
  item->text = g_strdup (text ? text : "");
  return item;
}

GwAgendaItem *
gw_agenda_item_copy (const GwAgendaItem *item)
{
  GwAgendaItem *copy = g_memdup2 (item, sizeof *item);

  copy->uuid = g_strdup (item->uuid);
  copy->text = g_strdup (item->text);
  return copy;
}

void
gw_agenda_item_free (GwAgendaItem *item)
{
  if (item == NULL)
    return;
  g_free (item->uuid);
  g_free (item->text);
  g_free (item);
}

G_DEFINE_BOXED_TYPE (GwAgendaItem, gw_agenda_item, gw_agenda_item_copy, gw_agenda_item_free)

GwDecision *
gw_decision_new (const char *text)
{
  GwDecision *decision = g_new0 (GwDecision, 1);

  decision->uuid = g_strdup ("");
  decision->text = g_strdup (text ? text : "");
  decision->outcome = g_strdup ("");
  return decision;
}

GwDecision *
gw_decision_copy (const GwDecision *decision)
{
  GwDecision *copy = g_memdup2 (decision, sizeof *decision);

  copy->uuid = g_strdup (decision->uuid);
  copy->text = g_strdup (decision->text);
  copy->outcome = g_strdup (decision->outcome);
  return copy;
}

void
gw_decision_free (GwDecision *decision)
{
  if (decision == NULL)
    return;
  g_free (decision->uuid);
  g_free (decision->text);
  g_free (decision->outcome);
  g_free (decision);
}

G_DEFINE_BOXED_TYPE (GwDecision, gw_decision, gw_decision_copy, gw_decision_free)

GwActionItem *
gw_action_item_copy (const GwActionItem *item)
{
  GwActionItem *copy = g_memdup2 (item, sizeof *item);

  copy->uuid = g_strdup (item->uuid);
  copy->meeting_title = g_strdup (item->meeting_title);
  copy->meeting_date = g_strdup (item->meeting_date);
  copy->what = g_strdup (item->what);
  copy->owner_name = g_strdup (item->owner_name);
  copy->due = g_strdup (item->due);
  copy->done = g_strdup (item->done);
  return copy;
}

void
gw_action_item_free (GwActionItem *item)
{
  if (item == NULL)
    return;
  g_free (item->uuid);
  g_free (item->meeting_title);
  g_free (item->meeting_date);
  g_free (item->what);
  g_free (item->owner_name);
  g_free (item->due);
  g_free (item->done);
  g_free (item);
}

G_DEFINE_BOXED_TYPE (GwActionItem, gw_action_item, gw_action_item_copy, gw_action_item_free)

GwAttendance *
gw_attendance_copy (const GwAttendance *attendance)
{
  GwAttendance *copy = g_memdup2 (attendance, sizeof *attendance);

  copy->full_name = g_strdup (attendance->full_name);
  copy->community_name = g_strdup (attendance->community_name);
  copy->phone = g_strdup (attendance->phone);
  copy->languages = g_strdup (attendance->languages);
  return copy;
}

void
gw_attendance_free (GwAttendance *attendance)
{
  if (attendance == NULL)
    return;
  g_free (attendance->full_name);
  g_free (attendance->community_name);
  g_free (attendance->phone);
  g_free (attendance->languages);
  g_free (attendance);
}

G_DEFINE_BOXED_TYPE (GwAttendance, gw_attendance, gw_attendance_copy, gw_attendance_free)

GwVolunteerTime *
gw_volunteer_time_copy (const GwVolunteerTime *time)
{
  GwVolunteerTime *copy = g_memdup2 (time, sizeof *time);

  copy->full_name = g_strdup (time->full_name);
  return copy;
}

void
gw_volunteer_time_free (GwVolunteerTime *time)
{
  if (time == NULL)
    return;
  g_free (time->full_name);
  g_free (time);
}

G_DEFINE_BOXED_TYPE (GwVolunteerTime, gw_volunteer_time, gw_volunteer_time_copy, gw_volunteer_time_free)
