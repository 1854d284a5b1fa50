"""`python -m bench.screenshots OUTDIR`: PNGs of every main screen of the real console.

Runs under Xvfb (`make screenshots`, platform xcb) as well as with QT_QPA_PLATFORM=offscreen.
German first, as the users read it, then the Lage screen in English. The data is a fresh
seed in a temporary folder, never the user's own database.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from bench import scenes
from bench.launch import first_person, make_console, options_for, shut_down
from bench.seed import seed
from bench.seed_dialog import seed_dialog
from bench.seed_drill import seed_drill
from bench.seed_queue import seed_queue
from kriseninfo.settings import ACTIVE_INCIDENT, Settings

#: Times are shown in local time; pictures for German users show German time.
DEFAULT_TZ = "Europe/Berlin"


def use_german_time() -> None:
    """Set TZ unless the caller chose one, before Qt or Python read the zone."""
    if "TZ" not in os.environ and Path("/usr/share/zoneinfo", DEFAULT_TZ).exists():
        os.environ["TZ"] = DEFAULT_TZ
        time.tzset()


def shoot(app: QApplication, data_dir: Path, outdir: Path) -> None:
    seeded = seed(data_dir)
    seed_queue(data_dir, seeded, data_dir / "website")
    seed_dialog(data_dir, seeded)
    running_drill = seed_drill(data_dir, seeded)
    Settings(options_for(data_dir).paths().settings_file).set(ACTIVE_INCIDENT, seeded.real_id)
    console = make_console(app, data_dir, "de")
    try:
        console.show_main_window(first_person(console))
        studio = scenes.Studio(console, seeded, outdir)
        scenes.lage(studio, seeded.real_id, "lage.png")
        scenes.journal(studio)
        scenes.settings(studio)
        scenes.playbooks(studio)
        scenes.meldungen(studio)
        scenes.queue(studio)
        scenes.dialog_feed(studio)
        scenes.uebungen(studio, running_drill)
        scenes.account_setup(studio)
        scenes.new_incident(studio)
        scenes.login(studio)
        scenes.first_person(studio)
        scenes.english(studio)
    finally:
        shut_down(console)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m bench.screenshots OUTDIR", file=sys.stderr)
        return 2
    outdir = Path(argv[1])
    outdir.mkdir(parents=True, exist_ok=True)
    use_german_time()
    app = QApplication(argv[:1])
    with tempfile.TemporaryDirectory(prefix="kriseninfo-shots-") as tmp:
        # Channel secrets of the pictures go to a file keyring of their own, never to the
        # keyring of whoever takes them.
        os.environ["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
        os.environ["XDG_DATA_HOME"] = str(Path(tmp) / "xdg")
        shoot(app, Path(tmp) / "data", outdir)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
