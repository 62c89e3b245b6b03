/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "gw-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GwApplication) app = NULL;
  const char *localedir;

  /* LOCALEDIR only exists once Groundwork is installed. Run from the build
   * tree (meson devenv, as build-aux/groundwork-dev run does), the app reads
   * the catalogues built there instead, which po/meson.build names in
   * GROUNDWORK_LOCALEDIR. */
  localedir = g_getenv ("GROUNDWORK_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = gw_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
