/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <glib-unix.h>

#include "gw-application.h"
#include "gw-demo.h"
#include "gw-exchange.h"
#include "gw-preferences-window.h"
#include "gw-store-meetings.h"
#include "gw-store-notebook.h"
#include "gw-store-members.h"
#include "gw-window.h"

struct _GwApplication
{
  AdwApplication  parent_instance;

  /* Sample chapters opened with --demo, removed when Groundwork quits. */
  GPtrArray      *demo_paths;
};

G_DEFINE_FINAL_TYPE (GwApplication, gw_application, ADW_TYPE_APPLICATION)

static void
present_store (GwApplication *self,
               GwStore       *store,
               const GError  *error)
{
  GwWindow *window = gw_window_new (GTK_APPLICATION (self), store, error);

  gtk_window_present (GTK_WINDOW (window));
}

/**
 * gw_application_open_demo:
 *
 * Opens a new window on a fresh sample chapter, kept apart from the user's
 * own roster.
 */
void
gw_application_open_demo (GwApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_demo_open_new (&error);

  if (store != NULL)
    g_ptr_array_add (self->demo_paths, g_strdup (gw_store_get_path (store)));

  present_store (self, store, error);
}

static void
open_path (GwApplication *self,
           const char    *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = gw_store_open (path, &error);

  /* People and meetings removed in an earlier session whose window did
   * not close normally go for good now. */
  if (store != NULL && !gw_store_is_read_only (store))
    {
      gw_store_purge_deleted (store, NULL);
      gw_store_purge_deleted_meetings (store, NULL);
      gw_store_purge_deleted_notebook (store, NULL);
    }

  present_store (self, store, error);
}

/* The command line's --export and --import run here, in the process that
 * was started, without a window (nor a display). */

/* The database named by --database, or the usual one. A mistyped path
 * would otherwise become a new, empty database: with @must_exist, a
 * missing one is refused; otherwise @created says whether it was made. */
static GwStore *
open_store_for_command (GVariantDict  *options,
                        gboolean       must_exist,
                        gboolean      *created,
                        GError       **error)
{
  g_autofree char *path = NULL;
  gboolean exists;

  if (!g_variant_dict_lookup (options, "database", "^ay", &path))
    path = gw_store_dup_default_path ();
  exists = g_file_test (path, G_FILE_TEST_EXISTS);

  if (!exists && must_exist)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no database at “%s”. Give the path of one with --database."), path);
      return NULL;
    }

  if (created != NULL)
    *created = !exists;
  return gw_store_open (path, error);
}

/* Takes away a database made for an import that did not happen, and its
 * folder if it was made for it and is empty. */
static void
remove_new_database (GwStore *store)
{
  g_autofree char *path = g_strdup (gw_store_get_path (store));
  g_autofree char *dir = g_path_get_dirname (path);
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_object_unref (store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}

static int
run_export (GVariantDict *options,
            const char   *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *areas_text = NULL;
  g_autofree char *privacy_text = NULL;
  GwExchangeAreas areas = GW_AREA_ALL;
  /* As in the window: contact details stay unless asked for. */
  GwExchangePrivacy privacy = GW_PRIVACY_NO_CONTACT;

  if ((g_variant_dict_lookup (options, "areas", "s", &areas_text) &&
       !gw_exchange_areas_from_string (areas_text, &areas, &error)) ||
      (g_variant_dict_lookup (options, "privacy", "s", &privacy_text) &&
       !gw_exchange_privacy_from_string (privacy_text, &privacy, &error)))
    goto failed;

  store = open_store_for_command (options, TRUE, NULL, &error);
  if (store == NULL)
    goto failed;

  if (!gw_exchange_export (store, path, areas, privacy, NULL, NULL, NULL, &error))
    goto failed;

  for (guint bit = GW_AREA_MEMBERS; bit <= GW_AREA_LEDGER; bit <<= 1)
    if (areas & bit)
      {
        if (names->len > 0)
          g_string_append (names, ", ");
        g_string_append (names, gw_exchange_area_get_label (bit));
      }

  /* TRANSLATORS: "Exported People, Meetings (privacy: no-contact) to FILE." */
  g_print (_("Exported %s (privacy: %s) to %s.\n"), names->str,
           gw_exchange_privacy_to_string (privacy), path);
  return 0;

failed:
  g_printerr ("%s\n", error->message);
  return 1;
}

static int
run_import (GVariantDict *options,
            const char   *path,
            gboolean      dry_run)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GwStore) store = NULL;
  g_autoptr(GwExchangeImport) import = NULL;
  GPtrArray *conflicts;
  gboolean created = FALSE;

  /* A dry run compares with a database; it makes none. */
  store = open_store_for_command (options, dry_run, &created, &error);
  if (store == NULL)
    goto failed;

  /* Say so before reading the file, rather than after its preview. */
  if (!dry_run && gw_store_is_read_only (store))
    {
      g_printerr (_("The database %s is read-only, so nothing can be imported into it. Add --dry-run to see what the file would change.\n"),
                  gw_store_get_path (store));
      return 1;
    }

  import = gw_exchange_import_load (store, path, NULL, NULL, NULL, &error);
  if (import == NULL)
    goto failed;

  for (guint bit = GW_AREA_MEMBERS; bit <= GW_AREA_LEDGER; bit <<= 1)
    {
      GwExchangeCounts counts;

      if ((gw_exchange_import_get_areas (import) & bit) == 0)
        continue;
      gw_exchange_import_get_counts (import, bit, &counts);
      /* TRANSLATORS: "People: 12 added, 3 updated, 140 unchanged, 1 conflict";
       * the plural follows the last number. */
      g_print (ngettext ("%s: %u added, %u updated, %u unchanged, %u conflict\n",
                         "%s: %u added, %u updated, %u unchanged, %u conflicts\n", counts.conflicts),
               gw_exchange_area_get_label (bit),
               counts.added, counts.updated, counts.unchanged, counts.conflicts);
    }

  conflicts = gw_exchange_import_get_conflicts (import);
  for (guint i = 0; i < conflicts->len; i++)
    {
      GwExchangeConflict *conflict = g_ptr_array_index (conflicts, i);

      g_print ("  %s (%s): %s\n", conflict->label, gw_exchange_area_get_label (conflict->area),
               conflict->reason);
      if (conflict->differs != NULL)
        {
          /* Translators: the fields in which ours and the file's differ. */
          g_autofree char *differs = g_strdup_printf (_("Differs in: %s"), conflict->differs);

          g_print ("    %s\n", differs);
        }
    }

  if (dry_run)
    {
      g_print (_("Nothing was changed: this was a dry run.\n"));
      return 0;
    }

  if (!gw_exchange_import_has_changes (import))
    {
      if (created)
        g_print (_("Made a new database at %s.\n"), gw_store_get_path (store));
      g_print (_("Nothing to import: everything in the file is already here.\n"));
      return 0;
    }

  if (!gw_exchange_import_apply (import, NULL, NULL, NULL, &error))
    goto failed;

  if (created)
    g_print (_("Made a new database at %s.\n"), gw_store_get_path (store));
  g_print (_("Imported %s.\n"), path);
  return 0;

failed:
  g_clear_pointer (&import, gw_exchange_import_free);
  if (created && store != NULL)
    remove_new_database (g_steal_pointer (&store));
  g_printerr ("%s\n", error->message);
  return 1;
}

static int
gw_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  g_autofree char *export_path = NULL;
  g_autofree char *import_path = NULL;
  gboolean dry_run = FALSE;

  g_variant_dict_lookup (options, "export", "^ay", &export_path);
  g_variant_dict_lookup (options, "import", "^ay", &import_path);
  g_variant_dict_lookup (options, "dry-run", "b", &dry_run);

  if (export_path != NULL && import_path != NULL)
    {
      g_printerr ("%s\n", _("Choose either --export or --import, not both."));
      return 1;
    }

  if ((export_path != NULL || import_path != NULL) && g_variant_dict_contains (options, "demo"))
    {
      g_printerr ("%s\n", _("--demo opens a sample chapter in a window; it does not go with --export or --import."));
      return 1;
    }

  if (export_path == NULL &&
      (g_variant_dict_contains (options, "areas") || g_variant_dict_contains (options, "privacy")))
    {
      g_printerr ("%s\n", _("--areas and --privacy go with --export FILE."));
      return 1;
    }

  if (import_path == NULL && dry_run)
    {
      g_printerr ("%s\n", _("--dry-run goes with --import FILE."));
      return 1;
    }

  if (export_path != NULL)
    return run_export (options, export_path);
  if (import_path != NULL)
    return run_import (options, import_path, dry_run);

  return -1;
}

static int
gw_application_command_line (GApplication            *app,
                             GApplicationCommandLine *command_line)
{
  GwApplication *self = GW_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *database = NULL;
  gboolean demo = FALSE;

  g_variant_dict_lookup (options, "demo", "b", &demo);

  if (demo)
    {
      gw_application_open_demo (self);
      return 0;
    }

  if (g_variant_dict_lookup (options, "database", "^ay", &database))
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, database);
      g_autofree char *path = g_file_get_path (file);

      open_path (self, path);
      return 0;
    }

  g_application_activate (app);
  return 0;
}

static void
gw_application_activate (GApplication *app)
{
  GwApplication *self = GW_APPLICATION (app);
  g_autofree char *path = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  path = gw_store_dup_default_path ();
  open_path (self, path);
}

static gboolean
quit_on_signal_cb (gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
  return G_SOURCE_CONTINUE;
}

static void
gw_application_startup (GApplication *app)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  G_APPLICATION_CLASS (gw_application_parent_class)->startup (app);

  gtk_css_provider_load_from_resource (provider, "/org/groundwork/Groundwork/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_window_set_default_icon_name (APPLICATION_ID);

  /* Being told to stop (logging out, Ctrl+C in a terminal) still removes
   * the demo's temporary files. */
  g_unix_signal_add (SIGTERM, quit_on_signal_cb, app);
  g_unix_signal_add (SIGINT, quit_on_signal_cb, app);
}

static void
gw_application_shutdown (GApplication *app)
{
  GwApplication *self = GW_APPLICATION (app);

  G_APPLICATION_CLASS (gw_application_parent_class)->shutdown (app);

  for (guint i = 0; i < self->demo_paths->len; i++)
    {
      const char *path = g_ptr_array_index (self->demo_paths, i);
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (wal);
      g_unlink (shm);
      g_unlink (path);
      g_rmdir (dir);
    }
}

static void
gw_application_finalize (GObject *object)
{
  GwApplication *self = GW_APPLICATION (object);

  g_clear_pointer (&self->demo_paths, g_ptr_array_unref);
  G_OBJECT_CLASS (gw_application_parent_class)->finalize (object);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GApplication *app = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  /* Closing each window lets it save its size and purge deleted people. */
  for (GList *iter = windows; iter; iter = iter->next)
    gtk_window_close (iter->data);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "Groundwork contributors", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Groundwork"),
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("Groundwork contributors"),
                         "developers", developers,
                         "comments", _("The roster of grassroots mass organizations, with its ladder from volunteer to cadre"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
open_demo_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  gw_application_open_demo (GW_APPLICATION (user_data));
}

static void
help_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkApplication *app = user_data;

  gtk_show_uri (gtk_application_get_active_window (app), "help:groundwork", GDK_CURRENT_TIME);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "open-demo", open_demo_action },
  { "help", help_action },
};

static void
gw_application_class_init (GwApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gw_application_finalize;
  app_class->shutdown = gw_application_shutdown;
  app_class->activate = gw_application_activate;
  app_class->startup = gw_application_startup;
  app_class->command_line = gw_application_command_line;
  app_class->handle_local_options = gw_application_handle_local_options;
}

static void
gw_application_init (GwApplication *self)
{
  static const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL, N_("Open the database at PATH"), N_("PATH") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open a fresh sample chapter to explore"), NULL },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write the database to FILE in the exchange format, without opening a window"), N_("FILE") },
    { "areas", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --export: the areas to write, from members, meetings, notebook, ledger, or all"),
      N_("AREAS") },
    { "privacy", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --export: no-contact (the default: no phone, e-mail or notes about people), full or counts"),
      N_("LEVEL") },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Merge the exchange file FILE into the database, without opening a window"), N_("FILE") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --import: say what would change, and change nothing"), NULL },
    { NULL }
  };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_accels[] = { "F1", NULL };

  self->demo_paths = g_ptr_array_new_with_free_func (g_free);

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);
}

GwApplication *
gw_application_new (void)
{
  return g_object_new (GW_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/org/groundwork/Groundwork",
                       NULL);
}
