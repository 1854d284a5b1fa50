"""The worker on a thread of its own, as the console runs it beside the window."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from kriseninfo.clock import Clock, utc_now
from kriseninfo.publishing.credentials import Credentials
from kriseninfo.publishing.worker import Worker
from kriseninfo.storage.database import Database

log = logging.getLogger(__name__)


class WorkerThread:
    def __init__(
        self,
        database: Database,
        credentials: Credentials,
        clock: Clock = utc_now,
        on_change: Callable[[], None] | None = None,
    ):
        self.worker = Worker(database, credentials, clock=clock, on_change=on_change)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="publishing-worker", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wake(self) -> None:
        self.worker.wake()

    def stop(self, timeout: float = 10.0) -> bool:
        """Stop claiming, let running sends finish (their leases cover a crash)."""
        self._stop.set()
        self.worker.wake()
        if self._thread.is_alive():
            self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        try:
            self.worker.run(self._stop)
        except Exception:  # never silently: the queue view shows health, the log says why
            log.exception("the publishing worker stopped")
