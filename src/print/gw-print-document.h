/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "gw-print-table.h"

G_BEGIN_DECLS

#define GW_PRINT_ERROR (gw_print_error_quark ())

typedef enum
{
  GW_PRINT_ERROR_FAILED,
} GwPrintError;

typedef enum
{
  GW_PRINT_PAPER_A4,
  GW_PRINT_PAPER_LETTER,
} GwPrintPaper;

/* The margin, in points, around the page's content in a PDF and in the
 * preview; a printer's own page setup gives its margins when printing. */
#define GW_PRINT_PAGE_MARGIN 40.0

#define GW_TYPE_PRINT_DOCUMENT (gw_print_document_get_type ())
G_DECLARE_FINAL_TYPE (GwPrintDocument, gw_print_document, GW, PRINT_DOCUMENT, GObject)

/* A printed document: a running head with the organization's name, a title
 * and the blocks below it, laid out for a page size into pages, then drawn
 * a page at a time. This is the shape of GtkPrintOperation: call
 * gw_print_document_paginate() from ::begin-print and
 * gw_print_document_draw_page() from ::draw-page, with the operation's
 * unit set to GTK_UNIT_POINTS. All lengths are in points. */

GQuark           gw_print_error_quark                (void);

GwPrintDocument *gw_print_document_new               (const char       *title);
const char      *gw_print_document_get_title         (GwPrintDocument  *self);
void             gw_print_document_set_organization  (GwPrintDocument  *self,
                                                      const char       *name);
void             gw_print_document_set_running_head  (GwPrintDocument  *self,
                                                      const char       *text);
void             gw_print_document_set_date          (GwPrintDocument  *self,
                                                      const char       *iso_date);
void             gw_print_document_add_subtitle      (GwPrintDocument  *self,
                                                      const char       *text);
void             gw_print_document_add_heading       (GwPrintDocument  *self,
                                                      const char       *text);
void             gw_print_document_add_paragraph     (GwPrintDocument  *self,
                                                      const char       *text);
void             gw_print_document_add_table         (GwPrintDocument  *self,
                                                      GwPrintTable     *table);
void             gw_print_document_add_space         (GwPrintDocument  *self,
                                                      double            points);

guint            gw_print_document_paginate          (GwPrintDocument  *self,
                                                      cairo_t          *cr,
                                                      double            width,
                                                      double            height);
guint            gw_print_document_get_n_pages       (GwPrintDocument  *self);
void             gw_print_document_draw_page         (GwPrintDocument  *self,
                                                      cairo_t          *cr,
                                                      guint             page);

void             gw_print_paper_get_size             (GwPrintPaper      paper,
                                                      double           *width,
                                                      double           *height);
gboolean         gw_print_document_write_pdf         (GwPrintDocument  *self,
                                                      const char       *path,
                                                      GwPrintPaper      paper,
                                                      GError          **error);

G_END_DECLS
