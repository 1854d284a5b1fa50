"""Console child: cold start of the real main window on an existing, migrated database.

`python -m bench.first_paint DATA_DIR [IDLE_SECONDS]` imports the app, opens DATA_DIR's
SQLite file, builds the window through `Console` like after sign-in, prints "painted" after
the first paint and, after the idle time, its resident memory.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from bench.launch import first_person, make_console, shut_down
from bench.paint_probe import FirstPaintProbe, idle_ms_from_argv


def main() -> int:
    data_dir = Path(sys.argv[1])
    app = QApplication(sys.argv[:1])
    console = make_console(app, data_dir)
    window = console.show_main_window(first_person(console))
    FirstPaintProbe(app, window, idle_ms_from_argv(2))
    status = app.exec()
    shut_down(console)
    return status


if __name__ == "__main__":
    sys.exit(main())
