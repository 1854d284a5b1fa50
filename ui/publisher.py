"""The console's publishing worker: the core's worker thread, plus a Qt signal that tells
the window (on its own thread) when the queue changed.

The worker's code is loaded when it starts (a second after sign-in), not with the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from kriseninfo.context import AppContext
    from kriseninfo.publishing.runner import WorkerThread


class Publisher(QObject):
    #: Emitted from the worker's threads; Qt queues it to the GUI thread.
    changed = Signal()

    def __init__(self, context: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self._context = context
        self._thread: WorkerThread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self) -> None:
        if self._thread is None:
            from kriseninfo.publishing.runner import WorkerThread

            context = self._context
            self._thread = WorkerThread(
                context.database, context.credentials, context.clock, self.changed.emit
            )
            self._thread.start()

    def wake(self) -> None:
        """Something became due (a release, a retry): send now, not at the next poll."""
        if self._thread is not None:
            self._thread.wake()

    def stop(self) -> None:
        if self._thread is not None:
            self._thread.stop()
            self._thread = None
