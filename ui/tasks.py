"""Core calls run on a worker thread; their (result, error) comes back on the GUI thread."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

T = TypeVar("T")
Callback = Callable[[Any, BaseException | None], None]


class _Relay(QObject):
    """Lives on the GUI thread; its signal carries the result across threads."""

    done = Signal(object, object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], object], relay: _Relay, finished: Callable[[], None]):
        super().__init__()
        self._fn = fn
        self._relay = relay
        self._finished = finished
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result: object = self._fn()
            error: BaseException | None = None
        except BaseException as exc:  # handed to the callback, never lost
            result, error = None, exc
        try:
            self._relay.done.emit(result, error)
        finally:
            self._finished()


class TaskRunner(QObject):
    """Runs core calls one after another on its own thread, in the order given.

    One thread keeps saves in the order they were typed; the window never waits.
    """

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._running = 0
        self._count_lock = threading.Lock()
        self._relays: set[_Relay] = set()  # kept alive until their result is delivered

    def run(
        self,
        fn: Callable[[], T],
        callback: Callable[[T | None, BaseException | None], None],
        owner: QObject | None = None,
    ) -> None:
        """Run `fn` on the worker; `callback(result, error)` on the GUI thread, unless the
        `owner` (default: the object of a bound-method callback) was deleted meanwhile."""
        if owner is None:
            bound = getattr(callback, "__self__", None)
            owner = bound if isinstance(bound, QObject) else None
        relay = _Relay()
        self._relays.add(relay)

        def deliver(result: Any, error: BaseException | None) -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            if owner is not None and not shiboken6.isValid(owner):
                return  # the widget that asked is gone (window closed or rebuilt)
            if error is not None and not isinstance(error, Exception):
                raise error
            callback(result, error)

        relay.done.connect(deliver)
        with self._count_lock:
            self._running += 1
        self._pool.start(_Job(fn, relay, self._job_finished))

    def _job_finished(self) -> None:
        with self._count_lock:
            self._running -= 1

    @property
    def busy(self) -> bool:
        with self._count_lock:
            return self._running > 0

    def wait_for_done(self, msecs: int = 30_000) -> bool:
        """Block until the queue is empty (for shutdown and tests)."""
        return self._pool.waitForDone(msecs)
