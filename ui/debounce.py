"""Debouncing for save-as-you-type: save after a pause, but never wait longer than max_wait."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QObject, QTimer

#: Save after this much quiet …
IDLE_MS = 300
#: … but at the latest this long after the first unsaved keystroke, so a crash
#: while typing without pause loses less than a second.
MAX_WAIT_MS = 700


class Debouncer(QObject):
    def __init__(
        self,
        fire: Callable[[], None],
        idle_ms: int = IDLE_MS,
        max_wait_ms: int = MAX_WAIT_MS,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._fire = fire
        self._idle_ms = idle_ms
        self._max_wait_ms = max_wait_ms
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._flush)
        self._since_first = QElapsedTimer()

    def touch(self) -> None:
        if not self._timer.isActive():
            self._since_first.start()
        remaining = self._max_wait_ms - self._since_first.elapsed()
        self._timer.start(max(0, min(self._idle_ms, remaining)))

    def flush_now(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self._flush()

    def _flush(self) -> None:
        self._since_first.invalidate()
        self._fire()
