"""The dialog feed's poller: polls every source when it is due and deletes personal data
whose time is up. `kriseninfo dialog poll --loop` runs it headless; the console starts
that command as a child process (parsing feeds is pure Python: on a thread beside the
window it would hold the interpreter lock the window needs to paint). It also runs on a
thread of its own (`start`/`stop`) where a process is not wanted.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable

from kriseninfo.dialog.service import DialogService
from kriseninfo.dialog.sources import SourceService
from kriseninfo.errors import KriseninfoError

log = logging.getLogger(__name__)

TICK_S = 2.0  # how often it looks for due sources
PURGE_S = 600.0  # personal data is deleted within ten minutes of its time


class Poller:
    def __init__(self, sources: SourceService, dialog: DialogService, tick_s: float = TICK_S):
        self._sources = sources
        self._dialog = dialog
        self._tick = tick_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._last_purge: float | None = None  # the first tick purges

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="dialog-poller", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        notifications = sys.modules.get("kriseninfo.dialog.notifications")
        if notifications is not None:  # Bluesky sessions are kept between polls
            notifications.close_sessions()

    def once(self) -> int:
        """Poll what is due and purge what has expired; returns new items."""
        new = sum(polled.new_items for polled in self._sources.poll_due())
        # not `monotonic() - 0.0`: on a machine booted less than ten minutes ago the
        # monotonic clock is that young, and the first purge would wait until then
        if self._last_purge is None or time.monotonic() - self._last_purge >= PURGE_S:
            self._last_purge = time.monotonic()
            purged = self._dialog.purge_personal_data()
            if purged:
                log.info("deleted %d callback numbers whose retention ended", purged)
        return new

    def run_until(self, done: Callable[[], bool]) -> None:
        """Poll on every tick until `done()` (in this thread: the headless poller)."""
        while not self._stop.is_set() and not done():
            try:
                self.once()
            except KriseninfoError as error:  # the database away: try again next tick
                log.warning("dialog poller: %s", error.detail)
            except Exception:  # never let one bad poll end the feed
                log.exception("dialog poller failed; continuing")
            self._stop.wait(self._tick)

    def _run(self) -> None:
        self.run_until(lambda: False)
