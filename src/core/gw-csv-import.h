/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gw-csv.h"
#include "gw-exchange.h"
#include "gw-member.h"
#include "gw-member-list.h"
#include "gw-store.h"

G_BEGIN_DECLS

/* Importing people from a spreadsheet: map the columns, check each row
 * against the roster, review, then add everything in one transaction. */

typedef enum /*< prefix=GW_CSV_FIELD >*/
{
  GW_CSV_FIELD_IGNORE,
  GW_CSV_FIELD_FULL_NAME,
  GW_CSV_FIELD_FIRST_NAME,
  GW_CSV_FIELD_LAST_NAME,
  GW_CSV_FIELD_COMMUNITY_NAME,
  GW_CSV_FIELD_PRONOUNS,
  GW_CSV_FIELD_PHONE,
  GW_CSV_FIELD_EMAIL,
  GW_CSV_FIELD_NEIGHBOURHOOD,
  GW_CSV_FIELD_LANGUAGES,
  GW_CSV_FIELD_SKILLS,
  GW_CSV_FIELD_NOTES,
  GW_CSV_FIELD_TAGS,
  GW_CSV_FIELD_JOINED,
} GwCsvField;

#define GW_N_CSV_FIELDS (GW_CSV_FIELD_JOINED + 1)

const char *gw_csv_field_get_label (GwCsvField  field);    /* translated */
/* Guesses a field from a heading: case, accents, spaces and punctuation
 * are ignored; knows the usual English headings ("First name", "Surname",
 * "Phone", "Mobile", "E-mail", ...), those of the interface's languages
 * (Spanish: "Nombre", "Apellido", "Segundo apellido", "Teléfono",
 * "Correo", "Fecha de alta", ...), Google Contacts' numbered values
 * ("E-mail 1 - Value", "Phone 1 - Value") and the translated labels of
 * the current locale. IGNORE when unsure. */
GwCsvField  gw_csv_guess_field     (const char *heading);

typedef enum /*< prefix=GW_CSV_ROW >*/
{
  GW_CSV_ROW_ADD,    /* a new person */
  GW_CSV_ROW_SKIP,   /* leave this row out */
  GW_CSV_ROW_MERGE,  /* fill the duplicate's empty fields from this row */
} GwCsvRowAction;

typedef struct
{
  guint           line;            /* where the row starts in the file */
  GwMember       *draft;           /* the row as a person (not in the store) */
  char           *problem;         /* translated, NULL when fine: no name, characters
                                    * that could not be read, impossible date */
  gint64          duplicate_id;    /* the closest person already on the roster, or 0 (also
                                    * for a repeat within the file) */
  char           *duplicate_name;
  char           *duplicate_reason; /* translated: "Same phone", "Same email", "Similar name",
                                     * or "Same as line 12" for a repeat within the file;
                                     * NULL when there is no duplicate */
  GwCsvRowAction  action;          /* ADD when no duplicate; SKIP when there is one
                                    * or when the row has a problem */
} GwCsvRow;

typedef struct _GwCsvImport GwCsvImport;

/* Takes @table. The first row is taken as headings when any cell of it is
 * a known heading (see gw_csv_import_set_has_header()), and the mapping is
 * guessed from them. */
GwCsvImport *gw_csv_import_new            (GwStore         *store,
                                           GwCsvTable      *table);
const GwCsvTable *gw_csv_import_get_table (GwCsvImport     *self);
gboolean     gw_csv_import_get_has_header (GwCsvImport     *self);
void         gw_csv_import_set_has_header (GwCsvImport     *self,
                                           gboolean         has_header);
guint        gw_csv_import_get_n_columns  (GwCsvImport     *self);
const char  *gw_csv_import_get_heading    (GwCsvImport     *self,   /* "Column 3" when no headings */
                                           guint            column);
GwCsvField   gw_csv_import_get_field      (GwCsvImport     *self,
                                           guint            column);
void         gw_csv_import_set_field      (GwCsvImport     *self,
                                           guint            column,
                                           GwCsvField       field);
/* Builds the rows from the mapping, checks each (name present, every
 * character readable, dates possible and not ambiguous, email addresses
 * plausible) and looks for duplicates on the roster (phone, also with a
 * country code more or less, e-mail, close name) and earlier in the file.
 * A column headed as a second surname goes after the other last names.
 * Line breaks inside cells become "\n". Blank lines are not rows. Dates
 * joined are read as gw_date_scan_written() does, the same on every
 * computer; whether "01/05/2024" has the day or the month first is
 * decided from the whole column, and a date that could be two days is a
 * problem when nothing in the column decides. Fails with
 * GW_CSV_ERROR_NO_NAME when no name column is mapped. Changing the
 * mapping or the header setting clears the rows. */
gboolean     gw_csv_import_check          (GwCsvImport     *self,
                                           GwProgressFunc   progress,
                                           gpointer         user_data,
                                           GCancellable    *cancellable,
                                           GError         **error);
guint        gw_csv_import_get_n_rows     (GwCsvImport     *self);
GwCsvRow    *gw_csv_import_get_row        (GwCsvImport     *self,
                                           guint            index);
/* MERGE needs a duplicate: for a repeat within the file, the row fills in
 * whom the earlier row adds (or merges into). */
void         gw_csv_import_set_action     (GwCsvImport     *self,
                                           guint            index,
                                           GwCsvRowAction   action);
/* All or nothing: fails (GW_STORE_ERROR_INVALID naming the line),
 * changing nothing, when a row to add or merge has a problem; fails with
 * G_IO_ERROR_CANCELLED, changing nothing, when cancelled. New people start
 * as volunteers, joined today unless the file says otherwise, with
 * @approver on their history line. A merge fills only the person's empty
 * fields and adds the row's tags and languages. */
gboolean     gw_csv_import_apply          (GwCsvImport     *self,
                                           const char      *approver,
                                           GwProgressFunc   progress,
                                           gpointer         user_data,
                                           GCancellable    *cancellable,
                                           guint           *added,
                                           guint           *merged,
                                           GError         **error);
void         gw_csv_import_free           (GwCsvImport     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GwCsvImport, gw_csv_import_free)

/* Writes the roster as @list shows it (its search, filters and sort) to
 * @path, atomically and with mode 0600. Without @with_contact, phone,
 * e-mail and notes are left out. Cells are escaped by gw_csv_append_cell(). */
gboolean     gw_member_list_export_csv    (GwMemberList    *list,
                                           const char      *path,
                                           gboolean         with_contact,
                                           GwProgressFunc   progress,
                                           gpointer         user_data,
                                           GCancellable    *cancellable,
                                           GError         **error);

G_END_DECLS
