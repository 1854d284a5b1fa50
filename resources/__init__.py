"""Icons, translations and stylesheets of the console (installed as kriseninfo_resources)."""
