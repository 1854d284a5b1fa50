"""Icons, translations and stylesheets of the console (installed as kriseninfo_resources)."""

from pathlib import Path

#: This package's folder. Its files are plain files next to this module (the project is
#: never run from a zip), and a path avoids importlib.resources on the first-paint path.
ROOT = Path(__file__).parent
