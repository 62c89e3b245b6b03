/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "gw-csv-import.h"
#include "gw-date.h"
#include "gw-member-private.h"
#include "gw-store-members.h"
#include "gw-store-private.h"
#include "gw-text.h"

/* Names longer than this (in characters) are looked up whole only, not
 * with each letter left out in turn. */
#define MAX_VARIANT_CHARS 64
/* At most this many people are compared with one row's name, so that a
 * roster full of near-identical names cannot make the check crawl. */
#define MAX_NAME_CANDIDATES 200
/* Progress is reported, and cancellation checked, every so many rows. */
#define ROWS_PER_STEP 256

/* Fields. */

static const char * const field_labels[GW_N_CSV_FIELDS] = {
  [GW_CSV_FIELD_IGNORE] = N_("Do not import"),
  [GW_CSV_FIELD_FULL_NAME] = N_("Full name"),
  [GW_CSV_FIELD_FIRST_NAME] = N_("First name"),
  [GW_CSV_FIELD_LAST_NAME] = N_("Last name"),
  [GW_CSV_FIELD_COMMUNITY_NAME] = N_("Community name"),
  [GW_CSV_FIELD_PRONOUNS] = N_("Pronouns"),
  [GW_CSV_FIELD_PHONE] = N_("Phone"),
  [GW_CSV_FIELD_EMAIL] = N_("Email"),
  [GW_CSV_FIELD_NEIGHBOURHOOD] = N_("Neighbourhood"),
  [GW_CSV_FIELD_LANGUAGES] = N_("Languages"),
  [GW_CSV_FIELD_SKILLS] = N_("Skills"),
  [GW_CSV_FIELD_NOTES] = N_("Notes"),
  [GW_CSV_FIELD_TAGS] = N_("Tags"),
  [GW_CSV_FIELD_JOINED] = N_("Joined"),
};

const char *
gw_csv_field_get_label (GwCsvField field)
{
  g_return_val_if_fail (field < GW_N_CSV_FIELDS, NULL);

  return _(field_labels[field]);
}

/* Headings as gw_csv_guess_field() compares them: folded (no case, no
 * accents) with everything but letters and digits left out. */
static const struct
{
  const char *key;
  GwCsvField  field;
} known_headings[] = {
  /* English */
  { "name", GW_CSV_FIELD_FULL_NAME },
  { "names", GW_CSV_FIELD_FULL_NAME },
  { "fullname", GW_CSV_FIELD_FULL_NAME },
  { "membername", GW_CSV_FIELD_FULL_NAME },
  { "volunteername", GW_CSV_FIELD_FULL_NAME },
  { "contactname", GW_CSV_FIELD_FULL_NAME },
  { "firstname", GW_CSV_FIELD_FIRST_NAME },
  { "first", GW_CSV_FIELD_FIRST_NAME },
  { "givenname", GW_CSV_FIELD_FIRST_NAME },
  { "forename", GW_CSV_FIELD_FIRST_NAME },
  /* Put after the first name, in column order: Google Contacts has "First
   * Name", "Middle Name", "Last Name" ("Given", "Additional", "Family" in
   * its older files). */
  { "middlename", GW_CSV_FIELD_FIRST_NAME },
  { "additionalname", GW_CSV_FIELD_FIRST_NAME },
  { "lastname", GW_CSV_FIELD_LAST_NAME },
  { "last", GW_CSV_FIELD_LAST_NAME },
  { "surname", GW_CSV_FIELD_LAST_NAME },
  { "surnames", GW_CSV_FIELD_LAST_NAME },
  { "familyname", GW_CSV_FIELD_LAST_NAME },
  { "communityname", GW_CSV_FIELD_COMMUNITY_NAME },
  { "nickname", GW_CSV_FIELD_COMMUNITY_NAME },
  { "preferredname", GW_CSV_FIELD_COMMUNITY_NAME },
  { "chosenname", GW_CSV_FIELD_COMMUNITY_NAME },
  { "goesby", GW_CSV_FIELD_COMMUNITY_NAME },
  { "knownas", GW_CSV_FIELD_COMMUNITY_NAME },
  { "pronouns", GW_CSV_FIELD_PRONOUNS },
  { "pronoun", GW_CSV_FIELD_PRONOUNS },
  { "phone", GW_CSV_FIELD_PHONE },
  { "phones", GW_CSV_FIELD_PHONE },
  { "phonenumber", GW_CSV_FIELD_PHONE },
  { "mobile", GW_CSV_FIELD_PHONE },
  { "mobilephone", GW_CSV_FIELD_PHONE },
  { "mobilenumber", GW_CSV_FIELD_PHONE },
  { "cell", GW_CSV_FIELD_PHONE },
  { "cellphone", GW_CSV_FIELD_PHONE },
  { "cellnumber", GW_CSV_FIELD_PHONE },
  { "telephone", GW_CSV_FIELD_PHONE },
  { "telephonenumber", GW_CSV_FIELD_PHONE },
  { "homephone", GW_CSV_FIELD_PHONE },
  { "primaryphone", GW_CSV_FIELD_PHONE },
  { "tel", GW_CSV_FIELD_PHONE },
  { "whatsapp", GW_CSV_FIELD_PHONE },
  { "email", GW_CSV_FIELD_EMAIL },
  { "emails", GW_CSV_FIELD_EMAIL },
  { "emailaddress", GW_CSV_FIELD_EMAIL },
  { "mail", GW_CSV_FIELD_EMAIL },
  { "address", GW_CSV_FIELD_NEIGHBOURHOOD },
  { "homeaddress", GW_CSV_FIELD_NEIGHBOURHOOD },
  { "neighbourhood", GW_CSV_FIELD_NEIGHBOURHOOD },
  { "neighborhood", GW_CSV_FIELD_NEIGHBOURHOOD },
  { "area", GW_CSV_FIELD_NEIGHBOURHOOD },
  { "district", GW_CSV_FIELD_NEIGHBOURHOOD },
  { "street", GW_CSV_FIELD_NEIGHBOURHOOD },
  { "block", GW_CSV_FIELD_NEIGHBOURHOOD },
  { "languages", GW_CSV_FIELD_LANGUAGES },
  { "language", GW_CSV_FIELD_LANGUAGES },
  { "languagesspoken", GW_CSV_FIELD_LANGUAGES },
  { "skills", GW_CSV_FIELD_SKILLS },
  { "skill", GW_CSV_FIELD_SKILLS },
  { "skillsandinterests", GW_CSV_FIELD_SKILLS },
  { "interests", GW_CSV_FIELD_SKILLS },
  { "notes", GW_CSV_FIELD_NOTES },
  { "note", GW_CSV_FIELD_NOTES },
  { "comments", GW_CSV_FIELD_NOTES },
  { "comment", GW_CSV_FIELD_NOTES },
  { "remarks", GW_CSV_FIELD_NOTES },
  { "tags", GW_CSV_FIELD_TAGS },
  { "tag", GW_CSV_FIELD_TAGS },
  { "labels", GW_CSV_FIELD_TAGS },
  { "groups", GW_CSV_FIELD_TAGS },
  { "joined", GW_CSV_FIELD_JOINED },
  { "datejoined", GW_CSV_FIELD_JOINED },
  { "joindate", GW_CSV_FIELD_JOINED },
  { "joinedon", GW_CSV_FIELD_JOINED },
  { "membersince", GW_CSV_FIELD_JOINED },
  { "since", GW_CSV_FIELD_JOINED },
  { "startdate", GW_CSV_FIELD_JOINED },
  /* Spanish */
  { "nombre", GW_CSV_FIELD_FULL_NAME },
  { "nombres", GW_CSV_FIELD_FULL_NAME },
  { "nombrecompleto", GW_CSV_FIELD_FULL_NAME },
  { "nombreyapellido", GW_CSV_FIELD_FULL_NAME },
  { "nombreyapellidos", GW_CSV_FIELD_FULL_NAME },
  { "nombresyapellidos", GW_CSV_FIELD_FULL_NAME },
  { "primernombre", GW_CSV_FIELD_FIRST_NAME },
  { "nombredepila", GW_CSV_FIELD_FIRST_NAME },
  { "apellido", GW_CSV_FIELD_LAST_NAME },
  { "apellidos", GW_CSV_FIELD_LAST_NAME },
  { "primerapellido", GW_CSV_FIELD_LAST_NAME },
  { "apellidopaterno", GW_CSV_FIELD_LAST_NAME },
  { "segundoapellido", GW_CSV_FIELD_LAST_NAME },  /* see second_surname_headings */
  { "apellidomaterno", GW_CSV_FIELD_LAST_NAME },
  { "apodo", GW_CSV_FIELD_COMMUNITY_NAME },
  { "sobrenombre", GW_CSV_FIELD_COMMUNITY_NAME },
  { "nombrecomunitario", GW_CSV_FIELD_COMMUNITY_NAME },
  { "pronombres", GW_CSV_FIELD_PRONOUNS },
  { "pronombre", GW_CSV_FIELD_PRONOUNS },
  { "telefono", GW_CSV_FIELD_PHONE },
  { "telefonos", GW_CSV_FIELD_PHONE },
  { "numerodetelefono", GW_CSV_FIELD_PHONE },
  { "celular", GW_CSV_FIELD_PHONE },
  { "numerodecelular", GW_CSV_FIELD_PHONE },
  { "movil", GW_CSV_FIELD_PHONE },
  { "telefonomovil", GW_CSV_FIELD_PHONE },
  { "correo", GW_CSV_FIELD_EMAIL },
  { "correoelectronico", GW_CSV_FIELD_EMAIL },
  { "ecorreo", GW_CSV_FIELD_EMAIL },
  { "barrio", GW_CSV_FIELD_NEIGHBOURHOOD },
  { "colonia", GW_CSV_FIELD_NEIGHBOURHOOD },
  { "vecindario", GW_CSV_FIELD_NEIGHBOURHOOD },
  { "direccion", GW_CSV_FIELD_NEIGHBOURHOOD },
  { "domicilio", GW_CSV_FIELD_NEIGHBOURHOOD },
  { "zona", GW_CSV_FIELD_NEIGHBOURHOOD },
  { "idiomas", GW_CSV_FIELD_LANGUAGES },
  { "idioma", GW_CSV_FIELD_LANGUAGES },
  { "lenguas", GW_CSV_FIELD_LANGUAGES },
  { "habilidades", GW_CSV_FIELD_SKILLS },
  { "destrezas", GW_CSV_FIELD_SKILLS },
  { "oficio", GW_CSV_FIELD_SKILLS },
  { "notas", GW_CSV_FIELD_NOTES },
  { "nota", GW_CSV_FIELD_NOTES },
  { "comentarios", GW_CSV_FIELD_NOTES },
  { "observaciones", GW_CSV_FIELD_NOTES },
  { "etiquetas", GW_CSV_FIELD_TAGS },
  { "etiqueta", GW_CSV_FIELD_TAGS },
  { "fechadeingreso", GW_CSV_FIELD_JOINED },
  { "fechaingreso", GW_CSV_FIELD_JOINED },
  { "ingreso", GW_CSV_FIELD_JOINED },
  { "fechadeinscripcion", GW_CSV_FIELD_JOINED },
  { "fechadealta", GW_CSV_FIELD_JOINED },
  { "fechaalta", GW_CSV_FIELD_JOINED },
  { "miembrodesde", GW_CSV_FIELD_JOINED },
  { "desde", GW_CSV_FIELD_JOINED },
};

/* A heading that names a person without saying which part of the name:
 * read as the first name when a column of last names sits beside it
 * ("Nombre" and "Apellido"). */
static const char * const generic_name_headings[] = { "name", "names", "nombre", "nombres" };

/* A Spanish full name is the first name, then the father's surname, then
 * the mother's: a column of second surnames is put after the other last
 * names, whatever the order of the columns. */
static const char * const second_surname_headings[] = { "segundoapellido", "apellidomaterno" };

/* Google Contacts numbers the fields a contact may have several of and
 * splits each into a type and a value: "E-mail 1 - Type", "E-mail 1 -
 * Value", "Phone 2 - Value". The value is what the field holds. */
static const char * const value_suffixes[] = { "value", "valor" };

static char *
heading_key (const char *heading)
{
  g_autofree char *folded = gw_text_fold (heading);
  GString *key = g_string_new (NULL);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

static gboolean
is_key_in (const char         *key,
           const char * const *keys,
           gsize               n_keys)
{
  for (gsize i = 0; i < n_keys; i++)
    if (strcmp (key, keys[i]) == 0)
      return TRUE;
  return FALSE;
}

static GwCsvField
find_field (const char *key)
{
  if (key[0] == '\0')
    return GW_CSV_FIELD_IGNORE;

  for (guint i = 0; i < G_N_ELEMENTS (known_headings); i++)
    if (strcmp (key, known_headings[i].key) == 0)
      return known_headings[i].field;

  /* The labels of this interface's language, as the app itself would
   * write them. */
  for (guint field = GW_CSV_FIELD_FULL_NAME; field < GW_N_CSV_FIELDS; field++)
    {
      g_autofree char *label = heading_key (gw_csv_field_get_label (field));

      if (strcmp (key, label) == 0)
        return field;
    }

  return GW_CSV_FIELD_IGNORE;
}

/* Cuts a Google Contacts "<number> - Value" off the end of @key ("email1value"
 * becomes "email"); FALSE when @key does not end that way. */
static gboolean
cut_value_suffix (char *key)
{
  gsize length = strlen (key);

  for (guint i = 0; i < G_N_ELEMENTS (value_suffixes); i++)
    {
      gsize suffix_length = strlen (value_suffixes[i]);
      gsize end;

      if (length <= suffix_length || !g_str_has_suffix (key, value_suffixes[i]))
        continue;

      end = length - suffix_length;
      if (!g_ascii_isdigit (key[end - 1]))
        continue;
      while (end > 0 && g_ascii_isdigit (key[end - 1]))
        end--;
      if (end == 0)
        continue;

      key[end] = '\0';
      return TRUE;
    }

  return FALSE;
}

GwCsvField
gw_csv_guess_field (const char *heading)
{
  g_autofree char *key = heading_key (heading);
  GwCsvField field = find_field (key);

  if (field == GW_CSV_FIELD_IGNORE && cut_value_suffix (key))
    field = find_field (key);

  return field;
}

/* The import. */

typedef struct
{
  GwCsvRow  row;        /* what callers see; first, so a Row is a GwCsvRow */
  int       earlier;    /* the index of the earlier row this one repeats, or -1 */
  char     *folded;     /* the name, folded */
  char     *digits;     /* the phone's digits */
  char     *email_key;  /* the email, lower-cased */
} Row;

/* Which of a numeric date's first two numbers is the day. */
typedef enum
{
  DATE_ORDER_UNKNOWN,
  DATE_ORDER_DAY_FIRST,    /* 13/01/2024 */
  DATE_ORDER_MONTH_FIRST,  /* 01/13/2024 */
} DateOrder;

struct _GwCsvImport
{
  GwStore    *store;
  GwCsvTable *table;
  guint       n_columns;
  gboolean    has_header;
  GPtrArray  *headings;   /* (element-type utf8) one per column */
  GwCsvField *fields;     /* one per column */
  gboolean   *second_surname; /* one per column: headed as a second surname */
  GPtrArray  *rows;       /* (element-type Row) */
  /* While checking: how the dates joined written "01/05/2024" are read,
   * decided from the whole column (see decide_date_order()), and whether
   * the column has dates that can only be read each way. */
  DateOrder   date_order;
  gboolean    mixed_dates;
};

static void
row_free (gpointer data)
{
  Row *row = data;

  g_clear_object (&row->row.draft);
  g_free (row->row.problem);
  g_free (row->row.duplicate_name);
  g_free (row->row.duplicate_reason);
  g_free (row->folded);
  g_free (row->digits);
  g_free (row->email_key);
  g_free (row);
}

static const char *
cell_at (char  **cells,
         guint   column)
{
  for (guint i = 0; i <= column; i++)
    if (cells[i] == NULL)
      return NULL;
  return cells[column];
}

static void
make_headings (GwCsvImport *self)
{
  char **first = self->table->rows->len > 0 ? g_ptr_array_index (self->table->rows, 0) : NULL;

  g_ptr_array_set_size (self->headings, 0);
  for (guint c = 0; c < self->n_columns; c++)
    {
      const char *cell = self->has_header && first != NULL ? cell_at (first, c) : NULL;
      g_autofree char *text = g_strstrip (g_strdup (cell ? cell : ""));

      if (text[0] != '\0')
        {
          g_autofree char *key = heading_key (text);

          self->second_surname[c] = is_key_in (key, second_surname_headings,
                                               G_N_ELEMENTS (second_surname_headings));
          g_ptr_array_add (self->headings, g_steal_pointer (&text));
        }
      else
        {
          self->second_surname[c] = FALSE;
          g_ptr_array_add (self->headings, g_strdup_printf (_("Column %u"), c + 1));
        }
    }
}

static void
guess_fields (GwCsvImport *self)
{
  gboolean has_first = FALSE, has_last = FALSE;

  for (guint c = 0; c < self->n_columns; c++)
    {
      self->fields[c] = self->has_header ? gw_csv_guess_field (g_ptr_array_index (self->headings, c))
                                         : GW_CSV_FIELD_IGNORE;
      has_first |= self->fields[c] == GW_CSV_FIELD_FIRST_NAME;
      has_last |= self->fields[c] == GW_CSV_FIELD_LAST_NAME;
    }

  if (!has_last || has_first)
    return;

  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autofree char *key = NULL;

      if (self->fields[c] != GW_CSV_FIELD_FULL_NAME)
        continue;

      key = heading_key (g_ptr_array_index (self->headings, c));
      if (is_key_in (key, generic_name_headings, G_N_ELEMENTS (generic_name_headings)))
        {
          self->fields[c] = GW_CSV_FIELD_FIRST_NAME;
          return;
        }
    }
}

/**
 * gw_csv_import_new:
 * @table: (transfer full): the spreadsheet
 *
 * Returns: (transfer full): an import of @table into @store, with the
 *   columns mapped as their headings suggest.
 */
GwCsvImport *
gw_csv_import_new (GwStore    *store,
                   GwCsvTable *table)
{
  GwCsvImport *self;

  g_return_val_if_fail (GW_IS_STORE (store), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  self = g_new0 (GwCsvImport, 1);
  self->store = g_object_ref (store);
  self->table = table;
  self->headings = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_ptr_array_new_with_free_func (row_free);

  for (guint r = 0; r < table->rows->len; r++)
    self->n_columns = MAX (self->n_columns, g_strv_length (g_ptr_array_index (table->rows, r)));
  self->fields = g_new0 (GwCsvField, MAX (self->n_columns, 1));
  self->second_surname = g_new0 (gboolean, MAX (self->n_columns, 1));

  /* The first row holds headings when any of its cells is one we know. */
  if (table->rows->len > 0)
    {
      char **first = g_ptr_array_index (table->rows, 0);

      for (guint c = 0; first[c] != NULL && !self->has_header; c++)
        self->has_header = gw_csv_guess_field (first[c]) != GW_CSV_FIELD_IGNORE;
    }

  make_headings (self);
  guess_fields (self);

  return self;
}

const GwCsvTable *
gw_csv_import_get_table (GwCsvImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->table;
}

gboolean
gw_csv_import_get_has_header (GwCsvImport *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->has_header;
}

/**
 * gw_csv_import_set_has_header:
 *
 * Whether the first row holds headings rather than a person. Turning it on
 * guesses the mapping from the headings again; turning it off keeps the
 * mapping. Either way the rows have to be checked again.
 */
void
gw_csv_import_set_has_header (GwCsvImport *self,
                              gboolean     has_header)
{
  g_return_if_fail (self != NULL);

  has_header = !!has_header;
  if (self->has_header == has_header)
    return;

  self->has_header = has_header;
  make_headings (self);
  if (has_header)
    guess_fields (self);
  g_ptr_array_set_size (self->rows, 0);
}

guint
gw_csv_import_get_n_columns (GwCsvImport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_columns;
}

const char *
gw_csv_import_get_heading (GwCsvImport *self,
                           guint        column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  return g_ptr_array_index (self->headings, column);
}

GwCsvField
gw_csv_import_get_field (GwCsvImport *self,
                         guint        column)
{
  g_return_val_if_fail (self != NULL, GW_CSV_FIELD_IGNORE);
  g_return_val_if_fail (column < self->n_columns, GW_CSV_FIELD_IGNORE);
  return self->fields[column];
}

/**
 * gw_csv_import_set_field:
 *
 * Maps @column to @field. Several columns may share a field: the first
 * with a value gives it, except that notes are joined and tags and
 * languages gathered from all of them. The rows have to be checked again.
 */
void
gw_csv_import_set_field (GwCsvImport *self,
                         guint        column,
                         GwCsvField   field)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (column < self->n_columns);
  g_return_if_fail (field < GW_N_CSV_FIELDS);

  if (self->fields[column] == field)
    return;

  self->fields[column] = field;
  g_ptr_array_set_size (self->rows, 0);
}

/* Building the rows. */

static void
add_items (GPtrArray  *items,
           const char *text)
{
  g_auto(GStrv) parts = gw_split_list (text);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gboolean seen = FALSE;

      for (guint j = 0; j < items->len && !seen; j++)
        seen = g_utf8_collate (g_ptr_array_index (items, j), parts[i]) == 0 ||
               g_ascii_strcasecmp (g_ptr_array_index (items, j), parts[i]) == 0;
      if (!seen)
        g_ptr_array_add (items, g_strdup (parts[i]));
    }
}

/* Google Contacts puts several values in one cell, " ::: " between them. */
#define MULTI_VALUE_SEPARATOR " ::: "

/* Tags, from a cell that may be Google Contacts' "Labels" or "Group
 * Membership": its own groups ("* myContacts", "* starred") are left out,
 * and the others lose their "* ". */
static void
add_tags (GPtrArray  *tags,
          const char *text)
{
  g_auto(GStrv) values = g_strsplit (text, MULTI_VALUE_SEPARATOR, -1);

  for (guint i = 0; values[i] != NULL; i++)
    {
      const char *value = g_strstrip (values[i]);

      if (g_str_equal (value, "* myContacts") || g_str_equal (value, "* starred"))
        continue;
      if (g_str_has_prefix (value, "* "))
        value += 2;
      if (value[0] != '\0')
        add_items (tags, value);
    }
}

/* A spreadsheet cell the roster CSV (or another program) kept from being
 * read as a formula, "'+1 555 0101", is "+1 555 0101": in place. */
static void
unescape_formula (char *value)
{
  if (value[0] == '\'' && value[1] != '\0' && strchr ("=+-@\t\r", value[1]) != NULL)
    memmove (value, value + 1, strlen (value));
}

static void
append_text (GString    *out,
             const char *text,
             const char *separator)
{
  if (out->len > 0)
    g_string_append (out, separator);
  g_string_append (out, text);
}

/* Makes every line break in @text, which may be CRLF or a lone CR (old
 * Macs), a "\n", in place. gw_csv_parse() keeps a quoted cell's line
 * breaks as the file has them, as the CSV conformance cases expect; the
 * roster has "\n" only. */
static void
normalize_line_breaks (char *text)
{
  char *out = text;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          *out++ = '\n';
          if (p[1] == '\n')
            p++;
        }
      else
        *out++ = *p;
    }
  *out = '\0';
}

/* Dates joined.
 *
 * A spreadsheet's dates are written as whoever made it writes them, so
 * "01/05/2024" is 1 May or 5 January whatever this computer's locale says
 * (gw_date_scan_written()). One file is usually typed one way: a date
 * that can only be read one way, "13/01/2024" or "01/13/2024", tells how
 * all the others are. */

typedef enum
{
  READS_NEITHER,
  READS_DAY_FIRST,
  READS_MONTH_FIRST,
  READS_EITHER,   /* two real dates, or the same date both ways (05/05/2024) */
} Readings;

/* How a date written with numbers only, the year last, can be read. */
static Readings
get_readings (const GwWrittenDate *date)
{
  gboolean day_first = gw_date_dmy_is_valid (date->day, date->month, date->year);
  gboolean month_first = gw_date_dmy_is_valid (date->month, date->day, date->year);

  if (day_first && month_first)
    return READS_EITHER;
  if (day_first)
    return READS_DAY_FIRST;
  if (month_first)
    return READS_MONTH_FIRST;
  return READS_NEITHER;
}

/* The text of the first cell of @cells mapped to the date joined that is
 * not blank, as build_row() takes it; NULL when there is none. */
static char *
dup_joined_text (GwCsvImport  *self,
                 char        **cells)
{
  for (guint c = 0; c < self->n_columns && cells[c] != NULL; c++)
    {
      g_autofree char *value = NULL;

      if (self->fields[c] != GW_CSV_FIELD_JOINED)
        continue;
      value = g_strstrip (g_strdup (cells[c]));
      if (value[0] != '\0')
        return g_steal_pointer (&value);
    }

  return NULL;
}

/* Decides, from every date joined in the file, which number comes first
 * in those that could be read either way: the way of the dates that can
 * only be read one way, or of most of them when there are both (those
 * that disagree are then rows with a problem). When no date decides, or
 * as many decide each way, a date that means two different days is a
 * problem: guessing would put people in the wrong month without a word. */
static gboolean
decide_date_order (GwCsvImport   *self,
                   GCancellable  *cancellable,
                   GError       **error)
{
  guint n_day_first = 0, n_month_first = 0;
  guint first_row = self->has_header ? 1 : 0;

  self->date_order = DATE_ORDER_UNKNOWN;
  self->mixed_dates = FALSE;

  for (guint r = first_row; r < self->table->rows->len; r++)
    {
      g_autofree char *text = dup_joined_text (self, g_ptr_array_index (self->table->rows, r));
      GwWrittenDate date;

      if (r % ROWS_PER_STEP == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (text == NULL || !gw_date_scan_written (text, &date) || !date.either_order)
        continue;

      switch (get_readings (&date))
        {
        case READS_DAY_FIRST:
          n_day_first++;
          break;
        case READS_MONTH_FIRST:
          n_month_first++;
          break;
        case READS_EITHER:
        case READS_NEITHER:
        default:
          break;
        }
    }

  if (n_day_first > n_month_first)
    self->date_order = DATE_ORDER_DAY_FIRST;
  else if (n_month_first > n_day_first)
    self->date_order = DATE_ORDER_MONTH_FIRST;
  self->mixed_dates = n_day_first > 0 && n_month_first > 0;

  return TRUE;
}

/* Reads a date joined as decide_date_order() decided. Returns the date as
 * YYYY-MM-DD, or NULL with @problem set to why not. */
static char *
read_joined (GwCsvImport  *self,
             const char   *text,
             char        **problem)
{
  g_autofree char *day_first = NULL;
  g_autofree char *month_first = NULL;
  GwWrittenDate date;
  Readings readings;

  *problem = NULL;

  if (!gw_date_scan_written (text, &date))
    goto not_real;

  if (!date.either_order)
    {
      char *iso = gw_date_dmy_to_iso (date.day, date.month, date.year);

      if (iso == NULL)
        goto not_real;
      return iso;
    }

  readings = get_readings (&date);
  switch (readings)
    {
    case READS_NEITHER:
      goto not_real;

    case READS_EITHER:
      /* The same day both ways needs no decision. */
      if (date.day == date.month || self->date_order == DATE_ORDER_DAY_FIRST)
        return gw_date_dmy_to_iso (date.day, date.month, date.year);
      if (self->date_order == DATE_ORDER_MONTH_FIRST)
        return gw_date_dmy_to_iso (date.month, date.day, date.year);

      day_first = gw_date_format_day_month (date.day, date.month);
      month_first = gw_date_format_day_month (date.month, date.day);
      /* Translators: the first %s is a date as the spreadsheet has it,
       * the others the two days it could be, as in “1 May”. */
      *problem = g_strdup_printf (_("“%s” could be %s or %s. Write the date joined as YYYY-MM-DD."),
                                  text, day_first, month_first);
      return NULL;

    case READS_DAY_FIRST:
    case READS_MONTH_FIRST:
    default:
      {
        gboolean is_day_first = readings == READS_DAY_FIRST;
        guint day = is_day_first ? date.day : date.month;
        guint month = is_day_first ? date.month : date.day;
        g_autofree char *only = NULL;

        if (!self->mixed_dates)
          return gw_date_dmy_to_iso (day, month, date.year);
        if ((is_day_first && self->date_order == DATE_ORDER_DAY_FIRST) ||
            (!is_day_first && self->date_order == DATE_ORDER_MONTH_FIRST))
          return gw_date_dmy_to_iso (day, month, date.year);

        /* The column is typed both ways: this row may be the odd one
         * out, or be right and the others wrong. */
        only = gw_date_format_day_month (day, month);
        if (self->date_order == DATE_ORDER_DAY_FIRST)
          /* Translators: the first %s is a date as the spreadsheet has it,
           * the second the only day it can be, as in “13 January”. */
          *problem = g_strdup_printf (_("“%s” can only be %s, but most dates in this column "
                                        "have the day first. Write the date joined as YYYY-MM-DD."),
                                      text, only);
        else if (self->date_order == DATE_ORDER_MONTH_FIRST)
          /* Translators: the first %s is a date as the spreadsheet has it,
           * the second the only day it can be, as in “13 January”. */
          *problem = g_strdup_printf (_("“%s” can only be %s, but most dates in this column "
                                        "have the month first. Write the date joined as "
                                        "YYYY-MM-DD."),
                                      text, only);
        else
          /* Translators: the first %s is a date as the spreadsheet has it,
           * the second the only day it can be, as in “13 January”. */
          *problem = g_strdup_printf (_("“%s” can only be %s, but as many dates in this column "
                                        "have the month first as the day first. Write the date "
                                        "joined as YYYY-MM-DD."),
                                      text, only);
        return NULL;
      }
    }

not_real:
  *problem = g_strdup_printf (_("“%s” is not a real date. Write the date joined as YYYY-MM-DD."),
                              text);
  return NULL;
}

/* The value of a field that holds one (a phone, an e-mail...), from
 * column @c: the first is the person's, and another one, from a second
 * column or a cell with several (Google Contacts), is kept in the notes
 * under its heading rather than lost. */
static void
take_value (GwCsvImport  *self,
            guint         c,
            const char  **text,
            const char   *value,
            GString      *more)
{
  GwCsvField field = self->fields[c];
  const char *heading;
  g_autofree char *line = NULL;

  if (text[field] == NULL)
    {
      text[field] = value;
      return;
    }
  if (g_str_equal (text[field], value))
    return;

  heading = gw_csv_import_get_heading (self, c);
  line = g_strdup_printf ("%s: %s",
                          heading != NULL && heading[0] != '\0' ? heading : gw_csv_field_get_label (field),
                          value);
  append_text (more, line, "\n");
}

/* Reads one line of the file into a draft person, or returns NULL when
 * the line is blank. */
static Row *
build_row (GwCsvImport *self,
           char       **cells,
           guint        line)
{
  const char *text[GW_N_CSV_FIELDS] = { NULL };
  g_autoptr(GString) first = g_string_new (NULL);
  g_autoptr(GString) last = g_string_new (NULL);
  g_autoptr(GString) second_last = g_string_new (NULL);
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(GString) more = g_string_new (NULL);   /* values with no field of their own */
  g_autoptr(GPtrArray) pieces = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) languages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) stripped = g_ptr_array_new_with_free_func (g_free);
  gboolean blank = TRUE;
  gboolean unreadable = FALSE;
  GwMember *draft;
  Row *row;

  for (guint c = 0; cells[c] != NULL; c++)
    {
      char *value = g_strstrip (g_strdup (cells[c]));

      unescape_formula (value);
      normalize_line_breaks (value);
      g_ptr_array_add (stripped, value);
      blank &= value[0] == '\0';
    }
  if (blank)
    return NULL;

  for (guint c = 0; c < stripped->len && c < self->n_columns; c++)
    {
      const char *value = g_ptr_array_index (stripped, c);
      GwCsvField field = self->fields[c];

      if (value[0] == '\0' || field == GW_CSV_FIELD_IGNORE)
        continue;

      /* gw_csv_parse() reads bytes that are not UTF-8, in a file that
       * otherwise is, as U+FFFD. One already in the file stands for a
       * character lost earlier, and deserves a look as much. */
      unreadable |= strstr (value, "\xEF\xBF\xBD") != NULL;

      switch (field)
        {
        case GW_CSV_FIELD_FIRST_NAME:
          append_text (first, value, " ");
          break;
        case GW_CSV_FIELD_LAST_NAME:
          append_text (self->second_surname[c] ? second_last : last, value, " ");
          break;
        case GW_CSV_FIELD_NOTES:
          append_text (notes, value, "\n");
          break;
        case GW_CSV_FIELD_LANGUAGES:
          add_items (languages, value);
          break;
        case GW_CSV_FIELD_TAGS:
          add_tags (tags, value);
          break;
        default:
          if (strstr (value, MULTI_VALUE_SEPARATOR) == NULL)
            take_value (self, c, text, value, more);
          else
            {
              g_auto(GStrv) values = g_strsplit (value, MULTI_VALUE_SEPARATOR, -1);

              for (guint i = 0; values[i] != NULL; i++)
                {
                  char *one = g_strstrip (values[i]);

                  if (one[0] == '\0')
                    continue;
                  g_ptr_array_add (pieces, g_strdup (one));
                  take_value (self, c, text, g_ptr_array_index (pieces, pieces->len - 1), more);
                }
            }
          break;
        }
    }
  if (more->len > 0)
    append_text (notes, more->str, "\n");

  row = g_new0 (Row, 1);
  row->row.line = line;
  row->earlier = -1;
  row->row.draft = draft = gw_member_new ();

  if (text[GW_CSV_FIELD_FULL_NAME] != NULL)
    gw_member_set_full_name (draft, text[GW_CSV_FIELD_FULL_NAME]);
  else if (first->len > 0 || last->len > 0 || second_last->len > 0)
    {
      if (last->len > 0)
        append_text (first, last->str, " ");
      if (second_last->len > 0)
        append_text (first, second_last->str, " ");
      gw_member_set_full_name (draft, first->str);
    }

  gw_member_set_community_name (draft, text[GW_CSV_FIELD_COMMUNITY_NAME]);
  gw_member_set_pronouns (draft, text[GW_CSV_FIELD_PRONOUNS]);
  gw_member_set_phone (draft, text[GW_CSV_FIELD_PHONE]);
  gw_member_set_email (draft, text[GW_CSV_FIELD_EMAIL]);
  gw_member_set_neighbourhood (draft, text[GW_CSV_FIELD_NEIGHBOURHOOD]);
  gw_member_set_skills (draft, text[GW_CSV_FIELD_SKILLS]);
  if (notes->len > 0)
    gw_member_set_notes (draft, notes->str);
  g_ptr_array_add (languages, NULL);
  gw_member_set_languages (draft, (const char * const *) languages->pdata);
  g_ptr_array_add (tags, NULL);
  gw_member_set_tags (draft, (const char * const *) tags->pdata);

  /* Problems, in the order a person would fix them. */
  if (gw_member_get_full_name (draft)[0] == '\0')
    row->row.problem = g_strdup (_("This row has no name."));
  else if (unreadable)
    row->row.problem = g_strdup (_("This row has characters that could not be read, shown as “�”. Check it in the spreadsheet."));

  if (text[GW_CSV_FIELD_JOINED] != NULL)
    {
      g_autofree char *problem = NULL;
      g_autofree char *date = read_joined (self, text[GW_CSV_FIELD_JOINED], &problem);

      if (date != NULL)
        gw_member_set_joined (draft, date);
      else if (row->row.problem == NULL)
        row->row.problem = g_steal_pointer (&problem);
    }

  if (text[GW_CSV_FIELD_EMAIL] != NULL && row->row.problem == NULL &&
      (strchr (text[GW_CSV_FIELD_EMAIL], '@') == NULL || strchr (text[GW_CSV_FIELD_EMAIL], ' ') != NULL))
    row->row.problem = g_strdup_printf (_("“%s” does not look like an email address."),
                                        text[GW_CSV_FIELD_EMAIL]);

  row->folded = gw_text_fold (gw_member_get_full_name (draft));
  row->digits = gw_text_phone_digits (gw_member_get_phone (draft));
  row->email_key = gw_text_email_key (gw_member_get_email (draft));

  return row;
}

/* Looking for duplicates.
 *
 * Comparing every row with every person costs rows × people edit
 * distances, hours for two lists of 100,000. Instead each name is indexed
 * under itself and under each way of leaving out one letter: two names
 * one slip apart (a typo, a missing letter, two letters swapped) then
 * always share an entry, and many two slips apart do too. Only the people
 * sharing an entry with a row are measured, with the same rule as
 * gw_store_find_duplicates() (gw_text_name_slips()). */

typedef struct
{
  guint64 hash;
  guint32 index;
} NameKey;

/* FNV-1a over @text without the bytes from @skip to @skip + @skip_length. */
static guint64
hash_without (const char *text,
              gsize       skip,
              gsize       skip_length)
{
  guint64 hash = G_GUINT64_CONSTANT (14695981039346656037);

  for (gsize i = 0; text[i] != '\0'; i++)
    {
      if (i >= skip && i < skip + skip_length)
        continue;
      hash ^= (guchar) text[i];
      hash *= G_GUINT64_CONSTANT (1099511628211);
    }

  return hash;
}

/* Calls @func for the hash of @folded and of each of its one-letter-short
 * variants (not the empty one). */
static void
foreach_variant (const char *folded,
                 void      (*func) (guint64 hash, gpointer data),
                 gpointer    data)
{
  glong n_chars = g_utf8_strlen (folded, -1);

  if (n_chars == 0)
    return;

  func (hash_without (folded, 0, 0), data);
  if (n_chars < 2 || n_chars > MAX_VARIANT_CHARS)
    return;

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      const char *next = g_utf8_next_char (p);

      /* Leaving out either letter of a double letter gives the same
       * variant: one entry is enough. */
      if (p != folded && next - p == 1 && p[-1] == p[0])
        continue;
      func (hash_without (folded, p - folded, next - p), data);
    }
}

typedef struct
{
  GArray  *keys;       /* (element-type NameKey), sorted by hash then index */
  guint32  index;      /* while adding: the index of the name being added */
  guint    bits;       /* once sorted: how many top bits of a hash choose a bucket */
  guint32 *buckets;    /* once sorted: where each bucket's keys start, and the end */
} NameIndex;

static void
add_key_cb (guint64  hash,
            gpointer data)
{
  NameIndex *names = data;
  NameKey key = { hash, names->index };

  g_array_append_val (names->keys, key);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const NameKey *ka = a, *kb = b;

  if (ka->hash != kb->hash)
    return ka->hash < kb->hash ? -1 : 1;
  return ka->index < kb->index ? -1 : ka->index > kb->index;
}

static void
name_index_init (NameIndex *names)
{
  names->keys = g_array_new (FALSE, FALSE, sizeof (NameKey));
  names->index = 0;
  names->bits = 1;
  names->buckets = NULL;
}

static void
name_index_add (NameIndex  *names,
                guint32     index,
                const char *folded)
{
  names->index = index;
  foreach_variant (folded, add_key_cb, names);
}

static void
name_index_clear (NameIndex *names)
{
  g_clear_pointer (&names->keys, g_array_unref);
  g_clear_pointer (&names->buckets, g_free);
}

/* Sorts the keys once every name is added, and notes where each range of
 * hashes starts, so that a lookup searches about one key rather than
 * bisecting a million of them with a cache miss at each step. */
static void
name_index_sort (NameIndex *names)
{
  const NameKey *keys;
  guint n_buckets;
  guint k = 0;

  g_array_sort (names->keys, compare_keys);
  keys = (const NameKey *) (gpointer) names->keys->data;

  names->bits = 1;
  while (names->bits < 24 && (1u << names->bits) < names->keys->len)
    names->bits++;
  n_buckets = 1u << names->bits;

  names->buckets = g_new (guint32, n_buckets + 1);
  for (guint b = 0; b < n_buckets; b++)
    {
      while (k < names->keys->len && (keys[k].hash >> (64 - names->bits)) < b)
        k++;
      names->buckets[b] = k;
    }
  names->buckets[n_buckets] = names->keys->len;
}

/* The position of the first key with @hash, or the position after the
 * keys that would be before it. */
static guint
name_index_find (NameIndex *names,
                 guint64    hash)
{
  const NameKey *keys = (const NameKey *) (gpointer) names->keys->data;
  guint bucket = (guint) (hash >> (64 - names->bits));
  guint lo = names->buckets[bucket], hi = names->buckets[bucket + 1];

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (keys[mid].hash < hash)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

typedef struct
{
  NameIndex    *names;
  const char   *folded;        /* the name looked for */
  const char  **candidates;    /* each indexed name, folded, by index */
  guint32       below;         /* only indexes below this count */
  guint         max;
  GArray       *seen;          /* (element-type guint32) */
  guint32       best;
  guint         best_distance;
} NameSearch;

static void
search_key_cb (guint64  hash,
               gpointer data)
{
  NameSearch *search = data;
  const NameKey *keys = (const NameKey *) (gpointer) search->names->keys->data;

  /* Nothing is closer than the same name. */
  if (search->seen->len >= MAX_NAME_CANDIDATES || search->best_distance == 0)
    return;

  for (guint k = name_index_find (search->names, hash);
       k < search->names->keys->len && keys[k].hash == hash && keys[k].index < search->below;
       k++)
    {
      guint32 index = keys[k].index;
      gboolean seen = FALSE;
      guint distance;

      /* Nothing is closer than the same name. */
      if (search->seen->len >= MAX_NAME_CANDIDATES || search->best_distance == 0)
        return;
      for (guint i = 0; i < search->seen->len && !seen; i++)
        seen = g_array_index (search->seen, guint32, i) == index;
      if (seen)
        continue;
      g_array_append_val (search->seen, index);

      distance = strcmp (search->folded, search->candidates[index]) == 0
                 ? 0 : gw_text_distance (search->folded, search->candidates[index], search->max);
      if (distance <= search->max &&
          (distance < search->best_distance ||
           (distance == search->best_distance && index < search->best)))
        {
          search->best = index;
          search->best_distance = distance;
        }
    }
}

/* The index of the closest name to @folded among those indexed below
 * @below, or -1. */
static gint64
name_index_closest (NameIndex   *names,
                    const char **candidates,
                    const char  *folded,
                    guint32      below)
{
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (guint32));
  NameSearch search = { names, folded, candidates, below, gw_text_name_slips (folded), seen,
                        G_MAXUINT32, G_MAXUINT };

  foreach_variant (folded, search_key_cb, &search);

  return search.best_distance != G_MAXUINT ? (gint64) search.best : -1;
}

/* Phone numbers, matched by their digits (gw_text_phone_digits()).
 *
 * The same digits match when there are at least MIN_PHONE_DIGITS of them.
 * So does a number that ends with another, when the shorter has at least
 * MIN_PHONE_TAIL_DIGITS and the longer at most MAX_PHONE_PREFIX_DIGITS
 * more in front: a country code ("+1 612 555 0512" is "(612) 555-0512";
 * country codes have one to three digits), or, the same rule, an area
 * code left off a local number. Two different people rarely share the
 * last seven digits or more, and a duplicate is only a suggestion that a
 * person reviews. Four digits or more in front are more than a country
 * code ("+44 20" is a country and a city): those are different lines.
 * What the roster stores, and gw_text_phone_digits(), stay as they are;
 * only this check compares numbers so. */
#define MIN_PHONE_DIGITS 6
#define MIN_PHONE_TAIL_DIGITS 7
#define MAX_PHONE_PREFIX_DIGITS 3

typedef struct
{
  GHashTable *whole;  /* digits → index + 1, for the first number with them */
  GHashTable *tails;  /* the digits without the first 1 to 3 → index + 1 */
} PhoneIndex;

static void
phone_index_init (PhoneIndex *phones)
{
  phones->whole = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  phones->tails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
phone_index_clear (PhoneIndex *phones)
{
  g_clear_pointer (&phones->whole, g_hash_table_unref);
  g_clear_pointer (&phones->tails, g_hash_table_unref);
}

static void
insert_first (GHashTable *table,
              const char *key,
              guint       index)
{
  if (!g_hash_table_contains (table, key))
    g_hash_table_insert (table, g_strdup (key), GUINT_TO_POINTER (index + 1));
}

static void
phone_index_add (PhoneIndex *phones,
                 const char *digits,
                 guint       index)
{
  gsize length = strlen (digits);

  if (length < MIN_PHONE_DIGITS)
    return;

  insert_first (phones->whole, digits, index);
  for (gsize cut = 1; cut <= MAX_PHONE_PREFIX_DIGITS && length - cut >= MIN_PHONE_TAIL_DIGITS; cut++)
    insert_first (phones->tails, digits + cut, index);
}

/* The index of the number that matches @digits, preferring the same
 * digits, then the fewest extra in front; -1 when none does. */
static gint64
phone_index_find (PhoneIndex *phones,
                  const char *digits)
{
  gsize length = strlen (digits);
  guint index;

  if (length < MIN_PHONE_DIGITS)
    return -1;
  if ((index = GPOINTER_TO_UINT (g_hash_table_lookup (phones->whole, digits))) != 0)
    return index - 1;
  if (length < MIN_PHONE_TAIL_DIGITS)
    return -1;

  /* The indexed number is longer: its tail is @digits. */
  if ((index = GPOINTER_TO_UINT (g_hash_table_lookup (phones->tails, digits))) != 0)
    return index - 1;

  /* @digits is longer: its tail is the indexed number. */
  for (gsize cut = 1; cut <= MAX_PHONE_PREFIX_DIGITS && length - cut >= MIN_PHONE_TAIL_DIGITS; cut++)
    if ((index = GPOINTER_TO_UINT (g_hash_table_lookup (phones->whole, digits + cut))) != 0)
      return index - 1;

  return -1;
}

/* The roster as the check needs it, read once. */
typedef struct
{
  GArray     *ids;        /* (element-type gint64) */
  GPtrArray  *names;      /* (element-type utf8) full names */
  GPtrArray  *folded;     /* (element-type utf8) sort keys */
  PhoneIndex  phones;
  GHashTable *emails;     /* email key → index + 1 */
  NameIndex   index;
} Roster;

static void
roster_clear (Roster *roster)
{
  g_clear_pointer (&roster->ids, g_array_unref);
  g_clear_pointer (&roster->names, g_ptr_array_unref);
  g_clear_pointer (&roster->folded, g_ptr_array_unref);
  phone_index_clear (&roster->phones);
  g_clear_pointer (&roster->emails, g_hash_table_unref);
  name_index_clear (&roster->index);
}

static gboolean
roster_load (Roster   *roster,
             GwStore  *store,
             GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  roster->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  roster->names = g_ptr_array_new_with_free_func (g_free);
  roster->folded = g_ptr_array_new_with_free_func (g_free);
  phone_index_init (&roster->phones);
  roster->emails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  name_index_init (&roster->index);

  stmt = _gw_store_prepare (store, "SELECT id, full_name, sort_key, phone_digits, email_key"
                                   " FROM members WHERE deleted = 0 ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *sort_key = (const char *) sqlite3_column_text (stmt, 2);
      const char *digits = (const char *) sqlite3_column_text (stmt, 3);
      const char *email = (const char *) sqlite3_column_text (stmt, 4);
      guint index = roster->ids->len;

      g_array_append_val (roster->ids, id);
      g_ptr_array_add (roster->names, _gw_store_column_dup (stmt, 1));
      g_ptr_array_add (roster->folded, g_strdup (sort_key ? sort_key : ""));
      name_index_add (&roster->index, index, sort_key ? sort_key : "");

      /* The first person with a number or an address is the one named. */
      if (digits != NULL)
        phone_index_add (&roster->phones, digits, index);
      if (email != NULL && email[0] != '\0' && !g_hash_table_contains (roster->emails, email))
        g_hash_table_insert (roster->emails, g_strdup (email), GUINT_TO_POINTER (index + 1));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _gw_store_set_error (store, error);
      return FALSE;
    }

  name_index_sort (&roster->index);
  return TRUE;
}

static void
set_duplicate (Row        *row,
               gint64      id,
               const char *name,
               char       *reason)
{
  row->row.duplicate_id = id;
  row->row.duplicate_name = g_strdup (name);
  row->row.duplicate_reason = reason;
}

static void
report (GwProgressFunc progress,
        gpointer       user_data,
        double         fraction)
{
  if (progress != NULL)
    progress (CLAMP (fraction, 0.0, 1.0), user_data);
}

/**
 * gw_csv_import_check:
 *
 * Reads the rows through the mapping and looks for problems and
 * duplicates; see gw-csv-import.h. Reads the roster once, through the
 * store given to gw_csv_import_new().
 *
 * Returns: %TRUE, or %FALSE with @error set (%GW_CSV_ERROR_NO_NAME,
 *   %G_IO_ERROR_CANCELLED, or a store error).
 */
gboolean
gw_csv_import_check (GwCsvImport     *self,
                     GwProgressFunc   progress,
                     gpointer         user_data,
                     GCancellable    *cancellable,
                     GError         **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) emails = NULL;
  PhoneIndex phones = { NULL, NULL };
  g_autofree const char **row_names = NULL;
  Roster roster = { 0 };
  NameIndex file_names;
  gboolean has_name = FALSE;
  gboolean ok = FALSE;
  guint first_row;

  g_return_val_if_fail (self != NULL, FALSE);

  for (guint c = 0; c < self->n_columns; c++)
    has_name |= self->fields[c] == GW_CSV_FIELD_FULL_NAME ||
                self->fields[c] == GW_CSV_FIELD_FIRST_NAME ||
                self->fields[c] == GW_CSV_FIELD_LAST_NAME;
  if (!has_name)
    {
      g_set_error_literal (error, GW_CSV_ERROR, GW_CSV_ERROR_NO_NAME,
                           _("Choose the column that holds people’s names."));
      return FALSE;
    }

  g_ptr_array_set_size (self->rows, 0);
  report (progress, user_data, 0.0);

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !roster_load (&roster, self->store, error))
    {
      roster_clear (&roster);
      return FALSE;
    }
  report (progress, user_data, 0.2);

  /* How to read the dates joined is decided for the whole column before
   * any row is read. */
  if (!decide_date_order (self, cancellable, error))
    {
      roster_clear (&roster);
      return FALSE;
    }

  /* Read every row, and index the file's own names, so that each row can
   * be compared with those before it. */
  rows = g_ptr_array_new_with_free_func (row_free);
  name_index_init (&file_names);
  first_row = self->has_header ? 1 : 0;
  for (guint r = first_row; r < self->table->rows->len; r++)
    {
      Row *row = build_row (self, g_ptr_array_index (self->table->rows, r),
                            g_array_index (self->table->lines, guint, r));

      if (row == NULL)
        continue;
      name_index_add (&file_names, rows->len, row->folded);
      g_ptr_array_add (rows, row);

      if (r % ROWS_PER_STEP == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            goto out;
          report (progress, user_data, 0.2 + 0.3 * r / self->table->rows->len);
        }
    }
  name_index_sort (&file_names);

  row_names = g_new (const char *, MAX (rows->len, 1));
  for (guint r = 0; r < rows->len; r++)
    row_names[r] = ((Row *) g_ptr_array_index (rows, r))->folded;

  phone_index_init (&phones);
  emails = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = g_ptr_array_index (rows, r);
      guint index = 0;
      gint64 phone, closest;

      if (r % ROWS_PER_STEP == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            goto out;
          report (progress, user_data, 0.5 + 0.5 * r / MAX (rows->len, 1));
        }

      /* Someone on the roster first: that is whom a merge would fill. */
      if ((phone = phone_index_find (&roster.phones, row->digits)) >= 0)
        set_duplicate (row, g_array_index (roster.ids, gint64, phone),
                       g_ptr_array_index (roster.names, phone), g_strdup (_("Same phone")));
      else if (row->email_key[0] != '\0' &&
               (index = GPOINTER_TO_UINT (g_hash_table_lookup (roster.emails, row->email_key))) != 0)
        set_duplicate (row, g_array_index (roster.ids, gint64, index - 1),
                       g_ptr_array_index (roster.names, index - 1), g_strdup (_("Same email")));
      else if ((closest = name_index_closest (&roster.index, (const char **) roster.folded->pdata,
                                              row->folded, roster.ids->len)) >= 0)
        set_duplicate (row, g_array_index (roster.ids, gint64, closest),
                       g_ptr_array_index (roster.names, closest), g_strdup (_("Similar name")));
      else
        {
          /* Then the same person earlier in the file. */
          gint64 earlier = -1;

          if ((phone = phone_index_find (&phones, row->digits)) >= 0)
            earlier = phone;
          else if (row->email_key[0] != '\0' &&
                   (index = GPOINTER_TO_UINT (g_hash_table_lookup (emails, row->email_key))) != 0)
            earlier = index - 1;
          else
            earlier = name_index_closest (&file_names, row_names, row->folded, r);

          if (earlier >= 0)
            {
              Row *other = g_ptr_array_index (rows, earlier);

              row->earlier = earlier;
              set_duplicate (row, 0, gw_member_get_full_name (other->row.draft),
                             g_strdup_printf (_("Same as line %u"), other->row.line));
            }
        }

      phone_index_add (&phones, row->digits, r);
      if (row->email_key[0] != '\0' && !g_hash_table_contains (emails, row->email_key))
        g_hash_table_insert (emails, row->email_key, GUINT_TO_POINTER (r + 1));

      row->row.action = row->row.problem == NULL && row->row.duplicate_reason == NULL
                        ? GW_CSV_ROW_ADD : GW_CSV_ROW_SKIP;
    }

  g_ptr_array_extend_and_steal (self->rows, g_steal_pointer (&rows));
  report (progress, user_data, 1.0);
  ok = TRUE;

out:
  phone_index_clear (&phones);
  name_index_clear (&file_names);
  roster_clear (&roster);
  return ok;
}

guint
gw_csv_import_get_n_rows (GwCsvImport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->rows->len;
}

/**
 * gw_csv_import_get_row:
 *
 * Returns: (transfer none): the @index-th row that was checked (blank
 *   lines and the headings are not rows).
 */
GwCsvRow *
gw_csv_import_get_row (GwCsvImport *self,
                       guint        index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return g_ptr_array_index (self->rows, index);
}

/**
 * gw_csv_import_set_action:
 *
 * Merging needs a duplicate: someone on the roster, or an earlier row of
 * the file (then this row fills in what that one adds).
 */
void
gw_csv_import_set_action (GwCsvImport    *self,
                          guint           index,
                          GwCsvRowAction  action)
{
  Row *row;

  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->rows->len);
  g_return_if_fail (action <= GW_CSV_ROW_MERGE);

  row = g_ptr_array_index (self->rows, index);
  g_return_if_fail (action != GW_CSV_ROW_MERGE || row->row.duplicate_id != 0 || row->earlier >= 0);

  row->row.action = action;
}

/* Applying. */

static gboolean
list_contains (char      **items,
               const char *item)
{
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    if (g_utf8_collate (items[i], item) == 0 || g_ascii_strcasecmp (items[i], item) == 0)
      return TRUE;
  return FALSE;
}

static void
merge_list (char      ***items,
            char       **more)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  gboolean changed = FALSE;

  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) *items);
  for (guint i = 0; more != NULL && more[i] != NULL; i++)
    if (!list_contains (*items, more[i]))
      {
        g_strv_builder_add (builder, more[i]);
        changed = TRUE;
      }

  if (changed)
    {
      g_strfreev (*items);
      *items = g_strv_builder_end (builder);
    }
}

static void
fill_text (char       **field,
           const char  *value)
{
  if ((*field == NULL || (*field)[0] == '\0') && value != NULL && value[0] != '\0')
    {
      g_free (*field);
      *field = g_strdup (value);
    }
}

/* Fills the empty fields of the person with @id from @draft, and adds its
 * tags and languages. Nothing the roster holds is overwritten. */
static gboolean
merge_into (GwStore   *store,
            gint64     id,
            GwMember  *draft,
            GError   **error)
{
  g_autoptr(GwMember) member = gw_store_load_member (store, id, error);

  if (member == NULL)
    return FALSE;

  fill_text (&member->community_name, draft->community_name);
  fill_text (&member->pronouns, draft->pronouns);
  fill_text (&member->phone, draft->phone);
  fill_text (&member->email, draft->email);
  fill_text (&member->neighbourhood, draft->neighbourhood);
  fill_text (&member->skills, draft->skills);
  fill_text (&member->notes, draft->notes);
  merge_list (&member->languages, draft->languages);
  merge_list (&member->tags, draft->tags);

  return gw_store_update_member (store, member, error);
}

/* Whom each row's merge fills, known before anything is written: someone
 * on the roster, or whom the earlier row it repeats adds or fills. 0 when
 * there is no one. */
static gint64
merge_target (GwCsvImport *self,
              guint        index,
              const gint64 *results)
{
  Row *row = g_ptr_array_index (self->rows, index);

  if (row->row.duplicate_id != 0)
    return row->row.duplicate_id;
  if (row->earlier >= 0)
    return results[row->earlier];
  return 0;
}

/**
 * gw_csv_import_apply:
 *
 * Adds and merges the rows as their actions say, all in one transaction;
 * see gw-csv-import.h. Emits GwStore::members-changed on success only.
 *
 * Returns: %TRUE, or %FALSE with @error set and the roster unchanged.
 */
gboolean
gw_csv_import_apply (GwCsvImport     *self,
                     const char      *approver,
                     GwProgressFunc   progress,
                     gpointer         user_data,
                     GCancellable    *cancellable,
                     guint           *added,
                     guint           *merged,
                     GError         **error)
{
  g_autofree gint64 *results = NULL;
  guint n_added = 0, n_merged = 0;
  guint n_adds = 0;
  GwStoreBulk bulk;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);

  if (added != NULL)
    *added = 0;
  if (merged != NULL)
    *merged = 0;

  /* Refuse before writing anything: a row to import with a problem, or a
   * merge into a row that is itself left out. */
  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = g_ptr_array_index (self->rows, r);

      if (row->row.action == GW_CSV_ROW_SKIP)
        continue;
      if (row->row.action == GW_CSV_ROW_ADD)
        n_adds++;

      if (row->row.problem != NULL)
        {
          g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                       _("Line %u: %s Correct the file, or skip that row."),
                       row->row.line, row->row.problem);
          return FALSE;
        }

      if (row->row.action == GW_CSV_ROW_MERGE && row->row.duplicate_id == 0)
        {
          Row *other = row->earlier >= 0 ? g_ptr_array_index (self->rows, row->earlier) : NULL;

          while (other != NULL && other->row.action == GW_CSV_ROW_MERGE && other->row.duplicate_id == 0)
            other = other->earlier >= 0 ? g_ptr_array_index (self->rows, other->earlier) : NULL;

          if (other == NULL || (other->row.action == GW_CSV_ROW_SKIP && other->row.duplicate_id == 0))
            {
              g_set_error (error, GW_STORE_ERROR, GW_STORE_ERROR_INVALID,
                           _("Line %u repeats line %u, which is skipped, so there is no one to merge it into. Add one of them."),
                           row->row.line, other != NULL ? other->row.line : 0);
              return FALSE;
            }
        }
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  _gw_store_begin_bulk (self->store, &bulk);
  if (!gw_store_begin (self->store, error))
    {
      _gw_store_end_bulk (&bulk);
      return FALSE;
    }

  report (progress, user_data, 0.0);
  results = g_new0 (gint64, MAX (self->rows->len, 1));

  /* Many people go in faster with the roster's indexes built after them
   * (see _gw_store_bulk_table()): first everyone added, without a
   * savepoint each, then the merges, which may fill someone just added
   * and so need the full-text index back. The transaction is all or
   * nothing either way. */
  if (!_gw_store_bulk_table (self->store, &bulk, "members", n_adds, error) ||
      !_gw_store_bulk_table (self->store, &bulk, "member_events", n_adds, error))
    goto failed;

  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = g_ptr_array_index (self->rows, r);

      if (r % ROWS_PER_STEP == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            goto failed;
          report (progress, user_data, (double) r / self->rows->len);
        }

      switch (row->row.action)
        {
        case GW_CSV_ROW_ADD:
          results[r] = _gw_store_insert_member (self->store, row->row.draft, approver, error);
          if (results[r] == 0)
            goto failed;
          n_added++;
          break;

        case GW_CSV_ROW_MERGE:
          break;

        case GW_CSV_ROW_SKIP:
        default:
          /* A later repeat of this row merges into whom it duplicates. */
          results[r] = row->row.duplicate_id;
          break;
        }
    }

  if (!_gw_store_bulk_restore (self->store, &bulk, error))
    goto failed;

  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = g_ptr_array_index (self->rows, r);

      if (row->row.action != GW_CSV_ROW_MERGE)
        continue;

      if (r % ROWS_PER_STEP == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        goto failed;

      results[r] = merge_target (self, r, results);
      g_assert (results[r] != 0);
      if (!merge_into (self->store, results[r], row->row.draft, error))
        goto failed;
      n_merged++;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto failed;
  /* A commit that fails has rolled back already. */
  ok = gw_store_commit (self->store, error);
  _gw_store_end_bulk (&bulk);
  if (!ok)
    return FALSE;

  report (progress, user_data, 1.0);
  if (added != NULL)
    *added = n_added;
  if (merged != NULL)
    *merged = n_merged;
  return TRUE;

failed:
  gw_store_rollback (self->store);
  _gw_store_end_bulk (&bulk);
  return FALSE;
}

void
gw_csv_import_free (GwCsvImport *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->store);
  g_clear_pointer (&self->table, gw_csv_table_free);
  g_clear_pointer (&self->headings, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self->fields);
  g_free (self->second_surname);
  g_free (self);
}
