"""The child side of the cold-start benchmark: announce the first paint, then the idle memory.

The console child and the bare-Qt baseline use this same probe, so both report the same
moment in the same way. The parent times the "painted" line itself (wall clock from before
it spawned the child), so interpreter start and imports count, as they do for a user.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

PAINTED = "painted"
READY = "ready"
RSS_PREFIX = "rss_kib "


def vm_rss_kib() -> int:
    """Resident set size of this process, as the kernel counts it (Linux only)."""
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


class FirstPaintProbe(QObject):
    """Watches one window; after its first paint has been flushed, reports and idles.

    "painted" is printed from a zero timer queued by the first Paint event, so it comes
    after the whole frame (children included) has been drawn and handed to the platform.
    """

    def __init__(
        self, app: QApplication, window: QWidget, idle_ms: int, idle_after_paint: bool = True
    ):
        super().__init__(window)
        self._app = app
        self._idle_ms = idle_ms
        self._idle_after_paint = idle_after_paint
        self._seen = False
        window.installEventFilter(self)

    @property
    def painted(self) -> bool:
        return self._seen

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._seen:
            self._seen = True
            QTimer.singleShot(0, self._painted)
        return False

    def _painted(self) -> None:
        _say(PAINTED)
        if self._idle_after_paint:
            self.idle_then_quit()

    def ready(self) -> None:
        """The child's work after the paint is done (the console: its data is on screen)."""
        _say(READY)
        self.idle_then_quit()

    def idle_then_quit(self) -> None:
        QTimer.singleShot(self._idle_ms, self._idle_over)

    def _idle_over(self) -> None:
        _say(f"{RSS_PREFIX}{vm_rss_kib()}")
        self._app.quit()


def idle_ms_from_argv(position: int) -> int:
    """Idle time after the paint, in ms, from the command line (0 = report and quit)."""
    return int(float(sys.argv[position]) * 1000) if len(sys.argv) > position else 0
