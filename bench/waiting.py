"""Waiting for the console without fixed sleeps: spin the event loop until a thing is true.

The console loads on a worker thread and delivers results through queued signals, so a
plain `time.sleep` would block exactly the loop that has to run for the data to arrive.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QTimer

STEP_MS = 20


def spin(msecs: int) -> None:
    """Run the event loop for `msecs` (timers, queued signals and paints all happen)."""
    loop = QEventLoop()
    QTimer.singleShot(msecs, loop.quit)
    loop.exec()


def wait_until(condition: Callable[[], bool], what: str, timeout_s: float = 20.0) -> None:
    """Spin until `condition()` holds; TimeoutError naming `what` if it never does."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {timeout_s:.0f} s for: {what}")
        spin(STEP_MS)
