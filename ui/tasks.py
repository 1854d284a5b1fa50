"""Core calls run on a worker thread; their (result, error) comes back on the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

T = TypeVar("T")
Callback = Callable[[Any, BaseException | None], None]


class _Relay(QObject):
    """Lives on the GUI thread; its signal carries the result across threads."""

    done = Signal(object, object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], object], relay: _Relay):
        super().__init__()
        self._fn = fn
        self._relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # handed to the callback, never lost
            self._relay.done.emit(None, exc)
        else:
            self._relay.done.emit(result, None)


class TaskRunner(QObject):
    """Runs core calls one after another on its own thread, in the order given.

    One thread keeps saves in the order they were typed; the window never waits.
    """

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relays: set[_Relay] = set()

    def run(
        self, fn: Callable[[], T], callback: Callable[[T | None, BaseException | None], None]
    ) -> None:
        relay = _Relay()
        self._relays.add(relay)

        def deliver(result: Any, error: BaseException | None) -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            if error is not None and not isinstance(error, Exception):
                raise error
            callback(result, error)

        relay.done.connect(deliver)
        self._pool.start(_Job(fn, relay))

    @property
    def busy(self) -> bool:
        return bool(self._relays)

    def wait_for_done(self, msecs: int = 30_000) -> bool:
        """Block until the queue is empty (for shutdown and tests)."""
        return self._pool.waitForDone(msecs)
