/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gw-print-preview.h"

/* Shows a document's pages as they will print, and prints it or saves it
 * as a PDF. The preview is drawn by Groundwork itself rather than by an
 * external previewer, which a community computer may not have. */
struct _GwPrintPreview
{
  AdwWindow        parent_instance;

  GwPrintDocument *document;
  GwPrintPaper     paper;
  double           paper_width;
  double           paper_height;
  guint            n_pages;
  guint            page;

  GtkWidget       *drawing_area;
  GtkLabel        *page_label;
  GtkWidget       *previous_button;
  GtkWidget       *next_button;
  AdwToastOverlay *toast_overlay;
};

G_DEFINE_FINAL_TYPE (GwPrintPreview, gw_print_preview, ADW_TYPE_WINDOW)

static GwPrintPaper
default_paper (void)
{
  g_autoptr(GtkPaperSize) size = gtk_paper_size_new (NULL);

  return g_str_has_prefix (gtk_paper_size_get_name (size), "na_") ? GW_PRINT_PAPER_LETTER
                                                                  : GW_PRINT_PAPER_A4;
}

static void
paginate (GwPrintPreview *self)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  gw_print_paper_get_size (self->paper, &self->paper_width, &self->paper_height);
  self->n_pages = gw_print_document_paginate (self->document, cr,
                                              self->paper_width - 2 * GW_PRINT_PAGE_MARGIN,
                                              self->paper_height - 2 * GW_PRINT_PAGE_MARGIN);
  self->page = MIN (self->page, self->n_pages > 0 ? self->n_pages - 1 : 0);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
update_page (GwPrintPreview *self)
{
  g_autofree char *text = g_strdup_printf (_("Page %u of %u"), self->page + 1, MAX (self->n_pages, 1));

  gtk_label_set_text (self->page_label, text);
  gtk_widget_set_sensitive (self->previous_button, self->page > 0);
  gtk_widget_set_sensitive (self->next_button, self->page + 1 < self->n_pages);
  gtk_widget_queue_draw (self->drawing_area);
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  GwPrintPreview *self = user_data;
  double scale, x, y;
  const double gap = 24;

  if (self->n_pages == 0)
    return;

  scale = MIN ((width - 2 * gap) / self->paper_width, (height - 2 * gap) / self->paper_height);
  if (scale <= 0)
    return;

  x = (width - self->paper_width * scale) / 2;
  y = (height - self->paper_height * scale) / 2;

  /* A sheet of paper with a soft edge, whatever the theme. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.15);
  cairo_rectangle (cr, x + 2, y + 3, self->paper_width * scale, self->paper_height * scale);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, self->paper_width * scale, self->paper_height * scale);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, GW_PRINT_PAGE_MARGIN, GW_PRINT_PAGE_MARGIN);
  gw_print_document_draw_page (self->document, cr, self->page);
  cairo_restore (cr);
}

static void
previous_clicked_cb (GwPrintPreview *self)
{
  if (self->page > 0)
    self->page--;
  update_page (self);
}

static void
next_clicked_cb (GwPrintPreview *self)
{
  if (self->page + 1 < self->n_pages)
    self->page++;
  update_page (self);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                GwPrintPreview    *self)
{
  guint n_pages = gw_print_document_paginate (self->document,
                                              gtk_print_context_get_cairo_context (context),
                                              gtk_print_context_get_width (context),
                                              gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              GwPrintPreview    *self)
{
  gw_print_document_draw_page (self->document, gtk_print_context_get_cairo_context (context), page);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GwPrintPreview          *self)
{
  g_autoptr(GError) error = NULL;

  /* The printer's page size may differ from the preview's; lay the
   * preview out again for its own paper. */
  paginate (self);
  update_page (self);

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (error ? error->message : _("Printing failed")));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Sent to the printer")));
}

static void
print_clicked_cb (GwPrintPreview *self)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (self->paper == GW_PRINT_PAPER_LETTER
                                                      ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, gw_print_document_get_title (self->document));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), self);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), self);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), self);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  GwPrintPreview  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = file ? g_file_get_path (file) : NULL;

      if (path == NULL)
        adw_toast_overlay_add_toast (self->toast_overlay,
                                     adw_toast_new (_("Choose a folder on this computer")));
      else if (!gw_print_document_write_pdf (self->document, path, self->paper, &error))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      else
        {
          g_autofree char *name = g_path_get_basename (path);
          /* Translators: %s is a file name. */
          g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);
          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
        }
    }

  g_object_unref (dialog);
}

static void
save_clicked_cb (GwPrintPreview *self)
{
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  dialog = gtk_file_chooser_native_new (_("Save as PDF"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  /* Translators: a file name: the document's title, then ".pdf". */
  name = g_strdup_printf (_("%s.pdf"), gw_print_document_get_title (self->document));
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
paper_changed_cb (GwPrintPreview *self,
                  GParamSpec     *pspec,
                  GtkDropDown    *drop_down)
{
  self->paper = gtk_drop_down_get_selected (drop_down) == 1 ? GW_PRINT_PAPER_LETTER : GW_PRINT_PAPER_A4;
  paginate (self);
  update_page (self);
}

static void
gw_print_preview_dispose (GObject *object)
{
  GwPrintPreview *self = GW_PRINT_PREVIEW (object);

  g_clear_object (&self->document);
  G_OBJECT_CLASS (gw_print_preview_parent_class)->dispose (object);
}

static void
gw_print_preview_class_init (GwPrintPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gw_print_preview_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
gw_print_preview_init (GwPrintPreview *self)
{
}

static GtkWidget *
icon_button (const char *icon,
             const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

/**
 * gw_print_preview_present:
 *
 * Shows @document's pages as they will print, with Print… and Save as PDF….
 */
void
gw_print_preview_present (GtkWindow       *parent,
                          GwPrintDocument *document)
{
  GwPrintPreview *self;
  GtkWidget *box, *header, *print, *save, *bar, *paper;
  const char *papers[] = { N_("A4"), N_("US Letter"), NULL };
  g_autoptr(GtkStringList) paper_names = gtk_string_list_new (NULL);

  g_return_if_fail (GW_IS_PRINT_DOCUMENT (document));

  self = g_object_new (GW_TYPE_PRINT_PREVIEW,
                       "transient-for", parent,
                       "modal", TRUE,
                       "default-width", 720,
                       "default-height", 860,
                       "title", gw_print_document_get_title (document),
                       NULL);
  self->document = g_object_ref (document);
  self->paper = default_paper ();

  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (gw_print_document_get_title (document),
                                                         _("Print Preview")));
  print = gtk_button_new_with_mnemonic (_("_Print…"));
  gtk_widget_add_css_class (print, "suggested-action");
  g_signal_connect_swapped (print, "clicked", G_CALLBACK (print_clicked_cb), self);
  save = gtk_button_new_with_mnemonic (_("_Save as PDF…"));
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), print);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), save);

  self->drawing_area = gtk_drawing_area_new ();
  gtk_widget_set_vexpand (self->drawing_area, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->drawing_area), draw_cb, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->drawing_area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Page preview"), -1);

  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  self->previous_button = icon_button ("go-previous-symbolic", _("Previous Page"));
  self->next_button = icon_button ("go-next-symbolic", _("Next Page"));
  g_signal_connect_swapped (self->previous_button, "clicked", G_CALLBACK (previous_clicked_cb), self);
  g_signal_connect_swapped (self->next_button, "clicked", G_CALLBACK (next_clicked_cb), self);
  self->page_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_width_chars (self->page_label, 14);

  for (guint i = 0; papers[i]; i++)
    gtk_string_list_append (paper_names, _(papers[i]));
  paper = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (paper_names)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (paper), self->paper == GW_PRINT_PAPER_LETTER ? 1 : 0);
  gtk_widget_set_tooltip_text (paper, _("Paper size"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (paper), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Paper size"), -1);
  g_signal_connect_swapped (paper, "notify::selected", G_CALLBACK (paper_changed_cb), self);

  gtk_box_append (GTK_BOX (bar), self->previous_button);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->page_label));
  gtk_box_append (GTK_BOX (bar), self->next_button);
  gtk_box_append (GTK_BOX (bar), paper);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), self->drawing_area);
  gtk_box_append (GTK_BOX (box), bar);
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toast_overlay));

  paginate (self);
  update_page (self);
  gtk_window_present (GTK_WINDOW (self));
}
