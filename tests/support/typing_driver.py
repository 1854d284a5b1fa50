"""Runs the real console and types into the Lagebild like a person, reporting each key.

Used by the kill -9 test: `python -m tests.support.typing_driver DATA_DIR TEXT INTERVAL_MS`.
Every typed character is reported as `typed N MONOTONIC_TIME` on stdout.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from kriseninfo.context import Options
from kriseninfo.incidents.lagebild import LagebildField
from kriseninfo.settings import Settings
from kriseninfo_ui.app import Console


def main() -> None:
    data_dir, text, interval_ms = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    app = QApplication(sys.argv[:1])
    options = Options(data_dir=data_dir)
    console = Console(app, options, Settings(options.paths().settings_file), "de")
    context = console.open_context()
    assert context is not None
    person = context.users.list()[0]
    window = console.show_main_window(person)
    form = window.lage_view.form
    field = form.widget(LagebildField.WHAT_HAPPENED)
    position = [0]

    def type_next() -> None:
        if form.incident is None:  # still loading
            QTimer.singleShot(50, type_next)
            return
        if position[0] == 0:
            field.setFocus()
            print("ready", flush=True)
        if position[0] >= len(text):
            print("done", flush=True)
            return
        char = text[position[0]]
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(field, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
        position[0] += 1
        print(f"typed {position[0]} {time.monotonic():.6f}", flush=True)
        QTimer.singleShot(interval_ms, type_next)

    QTimer.singleShot(0, type_next)
    app.exec()


if __name__ == "__main__":
    main()
