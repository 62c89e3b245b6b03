/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <gio/gio.h>
#include <pango/pangocairo.h>

#include "gw-date.h"
#include "gw-print-document.h"
#include "gw-print-private.h"

/* Spacing, in points. */
#define HEAD_GAP        4.0    /* between the running head's text and its rule */
#define HEAD_SPACE     14.0    /* between the running head and the body */
#define CELL_PAD_X      4.0
#define CELL_PAD_Y      3.0
#define DETAILS_PAD_X  12.0    /* after a label in a details table */
#define MAX_WRAP_LINES  4

/* Text is near-black, the running head and foot a quieter grey. */
#define INK       0.10
#define QUIET_INK 0.35

typedef enum
{
  BLOCK_TITLE,
  BLOCK_SUBTITLE,
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_TABLE,
  BLOCK_SPACE,
} BlockKind;

typedef enum
{
  FONT_HEAD,
  FONT_HEAD_BOLD,
  FONT_TITLE,
  FONT_SUBTITLE,
  FONT_HEADING,
  FONT_BODY,
  FONT_BODY_BOLD,
  FONT_CELL,
  FONT_CELL_BOLD,
  N_FONTS,
} FontRole;

static const char * const font_names[N_FONTS] = {
  "Sans 8", "Sans Bold 8", "Sans Bold 18", "Sans 10.5", "Sans Bold 12",
  "Sans 10", "Sans Bold 10", "Sans 9", "Sans Bold 9",
};

typedef struct
{
  BlockKind     kind;
  char         *text;
  GwPrintTable *table;
  double        space;

  /* Set by pagination. A block is a run of units (a paragraph's lines, a
   * table's rows); tops[i] is where unit i starts, from the block's top
   * (below a table's header), and tops[n_units] where the block ends. */
  guint         n_units;
  double       *tops;
  double        header_height;
  double       *col_x;
  double       *col_w;
} Block;

typedef struct
{
  guint  block;
  guint  start;
  guint  end;
  double y;
} Piece;

struct _GwPrintDocument
{
  GObject                parent_instance;

  char                  *title;
  char                  *organization;
  char                  *running_head;
  char                  *date;
  GArray                *blocks;        /* Block */
  PangoFontDescription  *fonts[N_FONTS];

  /* Set by pagination. */
  double                 width;
  double                 height;
  double                 body_top;
  double                 body_bottom;
  GArray                *pieces;        /* Piece, in page order */
  GArray                *page_starts;   /* guint: each page's first piece */
  guint                  paginated : 1;
};

G_DEFINE_FINAL_TYPE (GwPrintDocument, gw_print_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (gw-print-error-quark, gw_print_error)

static void
clear_layout (Block *block)
{
  g_clear_pointer (&block->tops, g_free);
  g_clear_pointer (&block->col_x, g_free);
  g_clear_pointer (&block->col_w, g_free);
  block->n_units = 0;
  block->header_height = 0;
}

static void
clear_block (gpointer data)
{
  Block *block = data;

  clear_layout (block);
  g_clear_pointer (&block->text, g_free);
  g_clear_pointer (&block->table, gw_print_table_free);
}

static void
gw_print_document_finalize (GObject *object)
{
  GwPrintDocument *self = GW_PRINT_DOCUMENT (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->organization, g_free);
  g_clear_pointer (&self->running_head, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->pieces, g_array_unref);
  g_clear_pointer (&self->page_starts, g_array_unref);
  for (guint i = 0; i < N_FONTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);

  G_OBJECT_CLASS (gw_print_document_parent_class)->finalize (object);
}

static void
gw_print_document_class_init (GwPrintDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gw_print_document_finalize;
}

static void
gw_print_document_init (GwPrintDocument *self)
{
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, clear_block);
  self->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->date = gw_date_today ();
  for (guint i = 0; i < N_FONTS; i++)
    self->fonts[i] = pango_font_description_from_string (font_names[i]);
}

static void
invalidate (GwPrintDocument *self)
{
  self->paginated = FALSE;
}

static Block *
append_block (GwPrintDocument *self,
              BlockKind        kind,
              const char      *text,
              double           space)
{
  Block block = { kind, g_strdup (text), NULL, space };

  invalidate (self);
  g_array_append_val (self->blocks, block);
  return &g_array_index (self->blocks, Block, self->blocks->len - 1);
}

/**
 * gw_print_document_new:
 * @title: the document's title, already translated: "Roster"
 *
 * Returns: (transfer full): a document with a title and nothing under it
 */
GwPrintDocument *
gw_print_document_new (const char *title)
{
  GwPrintDocument *self = g_object_new (GW_TYPE_PRINT_DOCUMENT, NULL);

  self->title = g_strdup (title ? title : "");
  append_block (self, BLOCK_TITLE, self->title, 0);
  return self;
}

const char *
gw_print_document_get_title (GwPrintDocument *self)
{
  g_return_val_if_fail (GW_IS_PRINT_DOCUMENT (self), NULL);

  return self->title;
}

/**
 * gw_print_document_set_organization:
 *
 * Sets the name at the top left of every page.
 */
void
gw_print_document_set_organization (GwPrintDocument *self,
                                    const char      *name)
{
  g_return_if_fail (GW_IS_PRINT_DOCUMENT (self));

  g_free (self->organization);
  self->organization = g_strdup (name);
  invalidate (self);
}

/**
 * gw_print_document_set_running_head:
 *
 * Sets the text at the top right of every page; the title when unset.
 */
void
gw_print_document_set_running_head (GwPrintDocument *self,
                                    const char      *text)
{
  g_return_if_fail (GW_IS_PRINT_DOCUMENT (self));

  g_free (self->running_head);
  self->running_head = g_strdup (text);
  invalidate (self);
}

/**
 * gw_print_document_set_date:
 * @iso_date: YYYY-MM-DD
 *
 * Sets the date printed in every page's foot; today when unset.
 */
void
gw_print_document_set_date (GwPrintDocument *self,
                            const char      *iso_date)
{
  g_return_if_fail (GW_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (iso_date != NULL);

  g_free (self->date);
  self->date = g_strdup (iso_date);
  invalidate (self);
}

/**
 * gw_print_document_add_subtitle:
 *
 * Adds a line under the title, such as what the roster is filtered by.
 */
void
gw_print_document_add_subtitle (GwPrintDocument *self,
                                const char      *text)
{
  g_return_if_fail (GW_IS_PRINT_DOCUMENT (self));

  append_block (self, BLOCK_SUBTITLE, text ? text : "", 2);
}

void
gw_print_document_add_heading (GwPrintDocument *self,
                               const char      *text)
{
  g_return_if_fail (GW_IS_PRINT_DOCUMENT (self));

  append_block (self, BLOCK_HEADING, text ? text : "", 16);
}

/**
 * gw_print_document_add_paragraph:
 *
 * Adds text that wraps at the page's width and may run over several pages.
 * Line breaks in @text are kept.
 */
void
gw_print_document_add_paragraph (GwPrintDocument *self,
                                 const char      *text)
{
  g_return_if_fail (GW_IS_PRINT_DOCUMENT (self));

  append_block (self, BLOCK_PARAGRAPH, text ? text : "", 6);
}

/**
 * gw_print_document_add_table:
 * @table: (transfer full): the table
 */
void
gw_print_document_add_table (GwPrintDocument *self,
                             GwPrintTable    *table)
{
  Block *block;

  g_return_if_fail (GW_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (table != NULL);

  block = append_block (self, BLOCK_TABLE, NULL, table->style == GW_PRINT_TABLE_STYLE_DETAILS ? 8 : 10);
  block->table = table;
}

void
gw_print_document_add_space (GwPrintDocument *self,
                             double           points)
{
  g_return_if_fail (GW_IS_PRINT_DOCUMENT (self));

  append_block (self, BLOCK_SPACE, NULL, points);
}

/* Layout */

/* Every measurement and every drawing goes through a context made the same
 * way, so that what pagination measured on one surface (say, GTK's print
 * preview) is what gets drawn on another (the printer): 72 units to the
 * inch so that a point is a unit, and no hinting, which would round widths
 * to the device's pixels. */
static PangoContext *
create_context (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72);
  cairo_font_options_destroy (options);
  return context;
}

static PangoLayout *
create_layout (GwPrintDocument *self,
               PangoContext    *context,
               FontRole         font)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_font_description (layout, self->fonts[font]);
  return layout;
}

static FontRole
block_font (BlockKind kind)
{
  switch (kind)
    {
    case BLOCK_TITLE: return FONT_TITLE;
    case BLOCK_SUBTITLE: return FONT_SUBTITLE;
    case BLOCK_HEADING: return FONT_HEADING;
    case BLOCK_PARAGRAPH: return FONT_BODY;
    case BLOCK_TABLE:
    case BLOCK_SPACE:
    default:
      g_assert_not_reached ();
    }
}

static double
text_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static double
text_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

static void
set_text_block (GwPrintDocument *self,
                PangoLayout     *layout,
                Block           *block,
                double           width)
{
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, block->text, -1);
}

static void
measure_text_block (GwPrintDocument *self,
                    PangoContext    *context,
                    Block           *block)
{
  g_autoptr(PangoLayout) layout = create_layout (self, context, block_font (block->kind));
  PangoLayoutIter *iter;
  guint i = 0;

  set_text_block (self, layout, block, self->width);
  block->n_units = pango_layout_get_line_count (layout);
  block->tops = g_new0 (double, block->n_units + 1);

  iter = pango_layout_get_iter (layout);
  do
    {
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      g_assert (i < block->n_units);
      block->tops[i++] = (double) y0 / PANGO_SCALE;
      block->tops[block->n_units] = (double) y1 / PANGO_SCALE;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static double
pad_left (GwPrintTable *table,
          guint         column)
{
  return table->style == GW_PRINT_TABLE_STYLE_DETAILS ? 0 : CELL_PAD_X;
}

static double
pad_right (GwPrintTable *table,
           guint         column)
{
  return table->style == GW_PRINT_TABLE_STYLE_DETAILS ? DETAILS_PAD_X : CELL_PAD_X;
}

static gboolean
has_header (GwPrintTable *table)
{
  return table->style != GW_PRINT_TABLE_STYLE_DETAILS;
}

static FontRole
cell_font (GwPrintTable *table,
           guint         column)
{
  const GwPrintColumn *col = &g_array_index (table->columns, GwPrintColumn, column);
  gboolean bold = (col->flags & GW_PRINT_COLUMN_BOLD) != 0;

  if (table->style == GW_PRINT_TABLE_STYLE_DETAILS)
    return bold ? FONT_BODY_BOLD : FONT_BODY;
  return bold ? FONT_CELL_BOLD : FONT_CELL;
}

/* A cell that is cut short shows one line, whatever line breaks its text
 * has; one that wraps shows at most MAX_WRAP_LINES. */
static void
set_cell (PangoLayout        *layout,
          GwPrintColumnFlags  flags,
          double              width,
          const char         *text)
{
  pango_layout_set_width (layout, width > 0 ? pango_units_from_double (width) : -1);
  pango_layout_set_ellipsize (layout, width > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  pango_layout_set_alignment (layout, (flags & GW_PRINT_COLUMN_NUMERIC) ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);

  if (flags & GW_PRINT_COLUMN_WRAP)
    {
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, -MAX_WRAP_LINES);
      pango_layout_set_text (layout, text, -1);
    }
  else
    {
      pango_layout_set_height (layout, -1);
      pango_layout_set_single_paragraph_mode (layout, TRUE);
      pango_layout_set_text (layout, text, -1);
    }
}

static void
set_header_cell (PangoLayout *layout,
                 double       width,
                 const char  *text,
                 gboolean     numeric)
{
  pango_layout_set_width (layout, width > 0 ? pango_units_from_double (width) : -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, numeric ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text, -1);
}

/* Shares out @width: set fractions first, then each column its natural
 * width if they all fit (the rest going to expanding columns, or to all in
 * proportion). If they don't fit, the columns give up width in proportion
 * to how much they can spare down to their least (a wrapping column's
 * longest word), the primary columns last, so that names stay whole while
 * a long neighbourhood wraps. */
static void
size_columns (GwPrintTable *table,
              const double *natural,
              const double *least,
              double        width,
              double       *widths)
{
  guint n = table->columns->len;
  double remaining = width;
  double total = 0;
  guint n_expand = 0, n_free = 0;

  for (guint i = 0; i < n; i++)
    {
      const GwPrintColumn *col = &g_array_index (table->columns, GwPrintColumn, i);

      if (col->fraction > 0)
        {
          widths[i] = col->fraction * width;
          remaining -= widths[i];
        }
      else
        {
          widths[i] = natural[i];
          total += natural[i];
          n_free++;
          if (col->flags & GW_PRINT_COLUMN_EXPAND)
            n_expand++;
        }
    }

  if (n_free == 0)
    return;

  remaining = MAX (remaining, 0);

  if (total <= remaining)
    {
      double extra = remaining - total;

      for (guint i = 0; i < n; i++)
        {
          const GwPrintColumn *col = &g_array_index (table->columns, GwPrintColumn, i);

          if (col->fraction > 0)
            continue;
          if (n_expand > 0 && (col->flags & GW_PRINT_COLUMN_EXPAND))
            widths[i] += extra / n_expand;
          else if (n_expand == 0 && total > 0)
            widths[i] += extra * natural[i] / total;
        }
      return;
    }

  for (guint pass = 0; pass < 2 && total > remaining; pass++)
    {
      gboolean primary = pass == 1;
      double spare = 0, deficit = total - remaining;

      for (guint i = 0; i < n; i++)
        {
          const GwPrintColumn *col = &g_array_index (table->columns, GwPrintColumn, i);

          if (col->fraction == 0 && ((col->flags & GW_PRINT_COLUMN_PRIMARY) != 0) == primary)
            spare += MAX (widths[i] - least[i], 0);
        }
      if (spare <= 0)
        continue;

      for (guint i = 0; i < n; i++)
        {
          const GwPrintColumn *col = &g_array_index (table->columns, GwPrintColumn, i);
          double give;

          if (col->fraction > 0 || ((col->flags & GW_PRINT_COLUMN_PRIMARY) != 0) != primary)
            continue;
          give = MAX (widths[i] - least[i], 0) * MIN (deficit / spare, 1);
          widths[i] -= give;
          total -= give;
        }
    }

  /* Still too wide: every column narrows alike, and words break. */
  if (total > remaining)
    for (guint i = 0; i < n; i++)
      if (g_array_index (table->columns, GwPrintColumn, i).fraction == 0)
        widths[i] *= remaining / total;
}

/* The widest word of @text, remembering words already measured: a roster
 * repeats the same few neighbourhoods and languages a thousand times. */
static double
widest_word (PangoLayout *layout,
             GHashTable  *seen,
             const char  *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n", -1);
  double widest = 0;

  for (guint w = 0; words[w] != NULL; w++)
    {
      gpointer cached;
      double width;

      if (words[w][0] == '\0')
        continue;
      if (g_hash_table_lookup_extended (seen, words[w], NULL, &cached))
        width = *(double *) cached;
      else
        {
          double *value = g_new (double, 1);

          pango_layout_set_text (layout, words[w], -1);
          *value = width = text_width (layout);
          g_hash_table_insert (seen, g_strdup (words[w]), value);
        }
      widest = MAX (widest, width);
    }
  return widest;
}

static void
measure_table (GwPrintDocument *self,
               PangoContext    *context,
               Block           *block)
{
  GwPrintTable *table = block->table;
  guint n_cols = table->columns->len;
  guint n_rows = table->rows->len;
  g_autofree double *natural = g_new0 (double, n_cols);
  g_autofree double *least = g_new0 (double, n_cols);
  g_autofree double *line_height = g_new0 (double, n_cols);
  g_autoptr(PangoLayout) header_layout = create_layout (self, context, FONT_CELL_BOLD);
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double x = 0;

  block->col_x = g_new0 (double, n_cols);
  block->col_w = g_new0 (double, n_cols);
  block->n_units = n_rows;
  block->tops = g_new0 (double, n_rows + 1);

  for (guint c = 0; c < n_cols; c++)
    g_ptr_array_add (layouts, create_layout (self, context, cell_font (table, c)));

  /* Natural widths: the widest cell or header. When the page is too narrow
   * for them all, headers and wrapping cells go onto more lines, but not
   * narrower than their longest word. */
  for (guint c = 0; c < n_cols; c++)
    {
      const GwPrintColumn *col = &g_array_index (table->columns, GwPrintColumn, c);
      PangoLayout *layout = g_ptr_array_index (layouts, c);
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_autoptr(GHashTable) seen_header = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      gboolean wraps = (col->flags & GW_PRINT_COLUMN_WRAP) != 0;
      double widest = 0, word = 0;

      if (has_header (table))
        {
          set_header_cell (header_layout, -1, col->title, FALSE);
          widest = text_width (header_layout);
          word = widest_word (header_layout, seen_header, col->title);
        }

      if (col->fraction == 0 && !(col->flags & GW_PRINT_COLUMN_EXPAND))
        for (guint r = 0; r < n_rows; r++)
          {
            const char *text = ((char **) g_ptr_array_index (table->rows, r))[c];

            if (text[0] == '\0')
              continue;
            set_cell (layout, col->flags & ~GW_PRINT_COLUMN_WRAP, -1, text);
            widest = MAX (widest, text_width (layout));
            if (wraps)
              word = MAX (word, widest_word (layout, seen, text));
          }

      natural[c] = widest + pad_left (table, c) + pad_right (table, c);
      least[c] = (wraps ? word : widest) + pad_left (table, c) + pad_right (table, c);
    }

  size_columns (table, natural, least, self->width, block->col_w);
  for (guint c = 0; c < n_cols; c++)
    {
      PangoLayout *layout = g_ptr_array_index (layouts, c);

      block->col_x[c] = x;
      x += block->col_w[c];

      set_cell (layout, GW_PRINT_COLUMN_DEFAULT, 1000, "");
      line_height[c] = text_height (layout);
    }

  block->header_height = 0;
  if (has_header (table))
    {
      for (guint c = 0; c < n_cols; c++)
        {
          const GwPrintColumn *col = &g_array_index (table->columns, GwPrintColumn, c);
          double inner = block->col_w[c] - pad_left (table, c) - pad_right (table, c);

          set_header_cell (header_layout, MAX (inner, 1), col->title,
                           (col->flags & GW_PRINT_COLUMN_NUMERIC) != 0);
          block->header_height = MAX (block->header_height, text_height (header_layout));
        }
      block->header_height += 2 * CELL_PAD_Y;
    }

  /* A row is as tall as its tallest cell; only wrapping cells can be more
   * than a line, so only they are measured one by one. */
  for (guint r = 0; r < n_rows; r++)
    {
      char **cells = g_ptr_array_index (table->rows, r);
      double height = 0;

      for (guint c = 0; c < n_cols; c++)
        {
          const GwPrintColumn *col = &g_array_index (table->columns, GwPrintColumn, c);
          PangoLayout *layout = g_ptr_array_index (layouts, c);
          double inner = block->col_w[c] - pad_left (table, c) - pad_right (table, c);

          if ((col->flags & GW_PRINT_COLUMN_WRAP) && cells[c][0] != '\0')
            {
              set_cell (layout, col->flags, MAX (inner, 1), cells[c]);
              height = MAX (height, text_height (layout));
            }
          else
            height = MAX (height, line_height[c]);
        }

      height += table->style == GW_PRINT_TABLE_STYLE_DETAILS ? 2 : 2 * CELL_PAD_Y;
      block->tops[r + 1] = block->tops[r] + MAX (height, table->min_row_height);
    }
}

static double
line_height_of (GwPrintDocument *self,
                PangoContext    *context,
                FontRole         font)
{
  g_autoptr(PangoLayout) layout = create_layout (self, context, font);

  pango_layout_set_text (layout, "Ag", -1);
  return text_height (layout);
}

static double
first_unit_height (Block *block)
{
  if (block->kind == BLOCK_SPACE)
    return 0;
  return block->header_height + (block->n_units > 0 ? block->tops[1] - block->tops[0] : 0);
}

static void
start_page (GwPrintDocument *self,
            double          *y)
{
  guint start = self->pieces->len;

  g_array_append_val (self->page_starts, start);
  *y = self->body_top;
}

/**
 * gw_print_document_paginate:
 * @self: a #GwPrintDocument
 * @cr: a cairo context on the surface to be printed on, or one like it
 * @width: the width to print in: the page's less its margins
 * @height: the height to print in
 *
 * Lays the document out into pages. The running head and foot are inside
 * @width × @height: draw each page with its origin at the top left corner
 * of the printable area.
 *
 * Returns: the number of pages, at least one
 */
guint
gw_print_document_paginate (GwPrintDocument *self,
                            cairo_t         *cr,
                            double           width,
                            double           height)
{
  g_autoptr(GObject) context_owner = NULL;
  PangoContext *context;
  double head_line, y;
  gboolean page_empty = TRUE;

  g_return_val_if_fail (GW_IS_PRINT_DOCUMENT (self), 0);
  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (width > 0 && height > 0, 0);

  context = create_context (cr);
  context_owner = G_OBJECT (context);
  self->width = width;
  self->height = height;
  head_line = line_height_of (self, context, FONT_HEAD_BOLD);
  self->body_top = head_line + HEAD_GAP + HEAD_SPACE;
  self->body_bottom = height - (head_line + HEAD_GAP + HEAD_SPACE);
  g_array_set_size (self->pieces, 0);
  g_array_set_size (self->page_starts, 0);

  for (guint b = 0; b < self->blocks->len; b++)
    {
      Block *block = &g_array_index (self->blocks, Block, b);

      clear_layout (block);
      if (block->kind == BLOCK_TABLE)
        measure_table (self, context, block);
      else if (block->kind != BLOCK_SPACE)
        measure_text_block (self, context, block);
    }

  start_page (self, &y);

  for (guint b = 0; b < self->blocks->len; b++)
    {
      Block *block = &g_array_index (self->blocks, Block, b);
      double space = page_empty ? 0 : block->space;
      double needed;
      guint unit = 0;

      if (block->kind == BLOCK_SPACE)
        {
          y += space;
          continue;
        }

      /* A heading stays with what follows it, and a table starts on a
       * page with room for its header and a row. */
      needed = first_unit_height (block);
      if (block->kind == BLOCK_HEADING && b + 1 < self->blocks->len)
        {
          Block *next = &g_array_index (self->blocks, Block, b + 1);

          needed = block->tops[block->n_units] + next->space + first_unit_height (next);
        }

      if (!page_empty && y + space + needed > self->body_bottom)
        start_page (self, &y);
      else
        y += space;

      if (block->n_units == 0)
        {
          Piece piece = { b, 0, 0, y };

          g_array_append_val (self->pieces, piece);
          y += block->header_height;
          page_empty = FALSE;
          continue;
        }

      while (unit < block->n_units)
        {
          double room = self->body_bottom - y - block->header_height;
          guint start = unit;
          Piece piece;

          while (unit < block->n_units && block->tops[unit + 1] - block->tops[start] <= room)
            unit++;

          if (unit == start)
            {
              if (y > self->body_top)
                {
                  start_page (self, &y);
                  page_empty = TRUE;
                  continue;
                }
              /* Taller than a whole page: it is cut at the page's foot. */
              unit++;
            }

          piece = (Piece) { b, start, unit, y };
          g_array_append_val (self->pieces, piece);
          y += block->header_height + block->tops[unit] - block->tops[start];
          page_empty = FALSE;

          if (unit < block->n_units)
            start_page (self, &y);
        }
    }

  self->paginated = TRUE;
  return self->page_starts->len;
}

/**
 * gw_print_document_get_n_pages:
 *
 * Returns: the number of pages found by the last gw_print_document_paginate(),
 *   or 0 before it
 */
guint
gw_print_document_get_n_pages (GwPrintDocument *self)
{
  g_return_val_if_fail (GW_IS_PRINT_DOCUMENT (self), 0);

  return self->paginated ? self->page_starts->len : 0;
}

/* Drawing */

static void
set_ink (cairo_t *cr,
         double   grey)
{
  cairo_set_source_rgb (cr, grey, grey, grey);
}

static void
hline (cairo_t *cr,
       double   x0,
       double   x1,
       double   y,
       double   width,
       double   grey)
{
  cairo_set_line_width (cr, width);
  set_ink (cr, grey);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

static void
show_layout_at (cairo_t     *cr,
                PangoLayout *layout,
                double       x,
                double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_head_and_foot (GwPrintDocument *self,
                    cairo_t         *cr,
                    PangoContext    *context,
                    guint            page)
{
  g_autoptr(PangoLayout) left = create_layout (self, context, FONT_HEAD_BOLD);
  g_autoptr(PangoLayout) right = create_layout (self, context, FONT_HEAD);
  g_autofree char *date = gw_date_format (self->date);
  g_autofree char *printed = NULL;
  g_autofree char *page_text = NULL;
  double line, rule;

  set_ink (cr, QUIET_INK);
  pango_layout_set_width (left, pango_units_from_double (self->width * 0.55));
  pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (left, self->organization ? self->organization : "", -1);
  show_layout_at (cr, left, 0, 0);

  pango_layout_set_width (right, pango_units_from_double (self->width * 0.43));
  pango_layout_set_ellipsize (right, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);
  pango_layout_set_text (right, self->running_head ? self->running_head : self->title, -1);
  show_layout_at (cr, right, self->width * 0.57, 0);

  line = text_height (left);
  rule = line + HEAD_GAP;
  hline (cr, 0, self->width, rule, 0.6, QUIET_INK);

  rule = self->height - line - HEAD_GAP;
  hline (cr, 0, self->width, rule, 0.6, QUIET_INK);

  /* Translators: in the foot of every printed page; %s is a date. */
  printed = g_strdup_printf (_("Printed %s"), date);
  pango_layout_set_font_description (left, self->fonts[FONT_HEAD]);
  pango_layout_set_text (left, printed, -1);
  set_ink (cr, QUIET_INK);
  show_layout_at (cr, left, 0, self->height - line);

  /* Translators: in the foot of every printed page: "Page 2 of 14". */
  page_text = g_strdup_printf (_("Page %u of %u"), page + 1, self->page_starts->len);
  pango_layout_set_text (right, page_text, -1);
  show_layout_at (cr, right, self->width * 0.57, self->height - line);
}

static void
draw_text_piece (GwPrintDocument *self,
                 cairo_t         *cr,
                 PangoContext    *context,
                 Block           *block,
                 const Piece     *piece)
{
  g_autoptr(PangoLayout) layout = create_layout (self, context, block_font (block->kind));
  double top = block->tops[piece->start];

  PangoLayoutIter *iter;
  guint line = 0;

  set_text_block (self, layout, block, self->width);
  set_ink (cr, block->kind == BLOCK_SUBTITLE ? 0.25 : INK);

  /* Only this page's lines are drawn: text hidden by a clip would still be
   * in the PDF, read out twice by a screen reader or a copy and paste. */
  iter = pango_layout_get_iter (layout);
  do
    {
      if (line >= piece->start && line < piece->end)
        {
          PangoRectangle logical;
          int baseline = pango_layout_iter_get_baseline (iter);

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, (double) logical.x / PANGO_SCALE,
                         piece->y - top + (double) baseline / PANGO_SCALE);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      line++;
    }
  while (line < piece->end && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_table_piece (GwPrintDocument *self,
                  cairo_t         *cr,
                  PangoContext    *context,
                  Block           *block,
                  const Piece     *piece)
{
  GwPrintTable *table = block->table;
  guint n_cols = table->columns->len;
  double width = block->col_x[n_cols - 1] + block->col_w[n_cols - 1];
  double y = piece->y;
  double top = piece->y;
  double row_top = block->tops[piece->start];
  gboolean grid = table->style == GW_PRINT_TABLE_STYLE_GRID;
  g_autoptr(PangoLayout) header_layout = create_layout (self, context, FONT_CELL_BOLD);
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint c = 0; c < n_cols; c++)
    g_ptr_array_add (layouts, create_layout (self, context, cell_font (table, c)));

  if (has_header (table))
    {
      cairo_rectangle (cr, 0, y, width, block->header_height);
      set_ink (cr, 0.91);
      cairo_fill (cr);

      set_ink (cr, INK);
      for (guint c = 0; c < n_cols; c++)
        {
          const GwPrintColumn *col = &g_array_index (table->columns, GwPrintColumn, c);
          double inner = block->col_w[c] - pad_left (table, c) - pad_right (table, c);

          set_header_cell (header_layout, MAX (inner, 1), col->title,
                           (col->flags & GW_PRINT_COLUMN_NUMERIC) != 0);
          show_layout_at (cr, header_layout, block->col_x[c] + pad_left (table, c), y + CELL_PAD_Y);
        }
      y += block->header_height;
      if (!grid)
        hline (cr, 0, width, y, 0.8, 0.30);
    }

  for (guint r = piece->start; r < piece->end; r++)
    {
      char **cells = g_ptr_array_index (table->rows, r);
      double row_y = y + block->tops[r] - row_top;
      double row_height = block->tops[r + 1] - block->tops[r];

      set_ink (cr, INK);
      for (guint c = 0; c < n_cols; c++)
        {
          const GwPrintColumn *col = &g_array_index (table->columns, GwPrintColumn, c);
          PangoLayout *layout = g_ptr_array_index (layouts, c);
          double inner = block->col_w[c] - pad_left (table, c) - pad_right (table, c);
          double text_y;

          if (cells[c][0] == '\0')
            continue;

          set_cell (layout, col->flags, MAX (inner, 1), cells[c]);
          /* On a form the text sits in the middle of the room left for
           * handwriting; in a list it lines up at the top. */
          if (grid)
            text_y = row_y + (row_height - text_height (layout)) / 2;
          else if (table->style == GW_PRINT_TABLE_STYLE_DETAILS)
            text_y = row_y + 1;
          else
            text_y = row_y + CELL_PAD_Y;
          show_layout_at (cr, layout, block->col_x[c] + pad_left (table, c), text_y);
        }

      if (table->style != GW_PRINT_TABLE_STYLE_DETAILS)
        hline (cr, 0, width, row_y + row_height, grid ? 0.6 : 0.4, grid ? 0.45 : 0.70);
    }

  if (grid)
    {
      double bottom = y + block->tops[piece->end] - row_top;

      cairo_set_line_width (cr, 0.6);
      set_ink (cr, 0.45);
      for (guint c = 1; c < n_cols; c++)
        {
          cairo_move_to (cr, block->col_x[c], top);
          cairo_line_to (cr, block->col_x[c], bottom);
        }
      cairo_rectangle (cr, 0, top, width, bottom - top);
      cairo_stroke (cr);
    }
}

/**
 * gw_print_document_draw_page:
 * @self: a paginated #GwPrintDocument
 * @cr: where to draw, its origin at the printable area's top left corner
 * @page: the page, from 0
 */
void
gw_print_document_draw_page (GwPrintDocument *self,
                             cairo_t         *cr,
                             guint            page)
{
  g_autoptr(GObject) context_owner = NULL;
  PangoContext *context;
  guint first, last;

  g_return_if_fail (GW_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->paginated);
  g_return_if_fail (page < self->page_starts->len);

  context = create_context (cr);
  context_owner = G_OBJECT (context);
  first = g_array_index (self->page_starts, guint, page);
  last = page + 1 < self->page_starts->len ? g_array_index (self->page_starts, guint, page + 1)
                                           : self->pieces->len;

  cairo_save (cr);
  draw_head_and_foot (self, cr, context, page);

  cairo_rectangle (cr, 0, self->body_top, self->width, self->body_bottom - self->body_top);
  cairo_clip (cr);
  for (guint i = first; i < last; i++)
    {
      const Piece *piece = &g_array_index (self->pieces, Piece, i);
      Block *block = &g_array_index (self->blocks, Block, piece->block);

      if (block->kind == BLOCK_TABLE)
        draw_table_piece (self, cr, context, block, piece);
      else
        draw_text_piece (self, cr, context, block, piece);
    }
  cairo_restore (cr);
}

/* Files */

void
gw_print_paper_get_size (GwPrintPaper  paper,
                         double       *width,
                         double       *height)
{
  switch (paper)
    {
    case GW_PRINT_PAPER_LETTER:
      *width = 612;
      *height = 792;
      break;
    case GW_PRINT_PAPER_A4:
    default:
      *width = 595.2756;
      *height = 841.8898;
      break;
    }
}

typedef struct
{
  GOutputStream *stream;
  GError        *error;
} PdfSink;

static cairo_status_t
write_pdf_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  PdfSink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->stream, data, length, NULL, NULL, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* Closing a replacing stream with a cancelled cancellable drops the
 * temporary file and leaves whatever was at the path untouched. */
static void
abandon_stream (GOutputStream *stream)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  g_cancellable_cancel (cancellable);
  g_output_stream_close (stream, cancellable, NULL);
}

/**
 * gw_print_document_write_pdf:
 * @self: a #GwPrintDocument
 * @path: the file to write; replaced if it exists
 * @paper: the paper size
 * @error: return location for a #GError
 *
 * Lays the document out for @paper with margins and writes it as a PDF
 * readable only by its owner: a roster is not for everyone's eyes. The
 * file is replaced only once the whole document is written.
 *
 * Returns: %TRUE on success
 */
gboolean
gw_print_document_write_pdf (GwPrintDocument  *self,
                             const char       *path,
                             GwPrintPaper      paper,
                             GError          **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  PdfSink sink = { NULL, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;
  guint n_pages;

  g_return_val_if_fail (GW_IS_PRINT_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = g_file_new_for_path (path);
  stream = g_file_replace (file, NULL, FALSE,
                           G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                           NULL, error);
  if (stream == NULL)
    return FALSE;

  gw_print_paper_get_size (paper, &width, &height);
  sink.stream = G_OUTPUT_STREAM (stream);
  surface = cairo_pdf_surface_create_for_stream (write_pdf_cb, &sink, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME);

  cr = cairo_create (surface);
  cairo_translate (cr, GW_PRINT_PAGE_MARGIN, GW_PRINT_PAGE_MARGIN);
  n_pages = gw_print_document_paginate (self, cr, width - 2 * GW_PRINT_PAGE_MARGIN, height - 2 * GW_PRINT_PAGE_MARGIN);
  for (guint page = 0; page < n_pages; page++)
    {
      gw_print_document_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink.error != NULL)
    {
      g_propagate_error (error, sink.error);
      abandon_stream (G_OUTPUT_STREAM (stream));
      return FALSE;
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, GW_PRINT_ERROR, GW_PRINT_ERROR_FAILED,
                   /* Translators: %s is a technical reason from the drawing library. */
                   _("Could not make the PDF: %s"), cairo_status_to_string (status));
      abandon_stream (G_OUTPUT_STREAM (stream));
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}
