"""The console's publishing worker: the core's worker thread, plus a Qt signal that tells
the window (on its own thread) when the queue changed."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kriseninfo.context import AppContext
from kriseninfo.publishing.runner import WorkerThread


class Publisher(QObject):
    #: Emitted from the worker's threads; Qt queues it to the GUI thread.
    changed = Signal()

    def __init__(self, context: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self._thread = WorkerThread(
            context.database, context.credentials, context.clock, self.changed.emit
        )
        self.running = False

    def start(self) -> None:
        if not self.running:
            self._thread.start()
            self.running = True

    def wake(self) -> None:
        """Something became due (a release, a retry): send now, not at the next poll."""
        self._thread.wake()

    def stop(self) -> None:
        if self.running:
            self._thread.stop()
            self.running = False
