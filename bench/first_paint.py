"""Console child: the real start sequence, timed to the first paint and to the data.

`python -m bench.first_paint DATA_DIR [IDLE_SECONDS]` does what `kriseninfo` does at start:
show the main window (its frame paints before the database layer is loaded), open the
already migrated SQLite database in DATA_DIR on the worker, then attach the areas for the
first person (the PIN dialog is the only step skipped). It prints "painted" after the
window's first paint, "ready" once the active incident's Lagebild is on screen, and after
the idle time its resident memory.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import kriseninfo.cli.entry  # noqa: F401  - the real entry point of a plain `kriseninfo`
from bench.launch import first_person, new_console, options_for, shut_down
from bench.paint_probe import FirstPaintProbe, idle_ms_from_argv
from bench.waiting import wait_until
from kriseninfo.logsetup import configure_logging, hold_early_records


def main() -> int:
    data_dir = Path(sys.argv[1])
    hold_early_records()  # as kriseninfo.cli.entry does
    app = QApplication(sys.argv[:1])
    console = new_console(app, data_dir)
    window = console.new_window()
    probe = FirstPaintProbe(app, window, idle_ms_from_argv(2), idle_after_paint=False)

    def after_paint() -> None:
        # The rest of Console.start: the log file opens once the frame is on screen.
        console.wait_for_first_paint(window)
        configure_logging(options_for(data_dir).paths().log_dir)
        if console.open_context() is None:
            raise RuntimeError(f"cannot open the database in {data_dir}")
        console.attach(window, first_person(console))
        wait_until(lambda: window.lage_view.form.incident is not None, "the Lagebild")
        probe.ready()

    QTimer.singleShot(0, after_paint)
    status = app.exec()
    shut_down(console)
    return status


if __name__ == "__main__":
    sys.exit(main())
