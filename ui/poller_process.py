"""The dialog feed's poller as a child process of the console.

Parsing feeds (feedparser) and reading platform APIs is pure Python. On a thread beside
the window it held the interpreter lock for long stretches, and every repaint of the
Dialog list (hundreds of calls into Python) waited for it: 75-200 ms stalls while 10,000
items arrived. In its own process it shares nothing with the window but the database.

The child ends with the console: `stop` at shutdown, and `--while-parent` if the console
is killed.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys

from kriseninfo.options import Options

log = logging.getLogger(__name__)

STOP_WAIT_S = 5.0


class PollerProcess:
    def __init__(self, options: Options):
        self._options = options
        self._child: subprocess.Popen[bytes] | None = None

    def command(self) -> list[str]:
        args = [sys.executable, "-m", "kriseninfo"]
        if self._options.db_url:
            args += ["--db", self._options.db_url]
        if self._options.data_dir is not None:
            args += ["--data-dir", str(self._options.data_dir)]
        return [*args, "dialog", "poll", "--loop", "--while-parent", str(os.getpid())]

    def start(self) -> None:
        if self._child is not None:
            return
        try:
            self._child = subprocess.Popen(
                self.command(),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,  # it logs to the log file like the console
            )
        except OSError as error:
            log.error("the dialog poller could not be started: %s", error)
            return
        log.info("dialog poller started (process %d)", self._child.pid)

    @property
    def running(self) -> bool:
        return self._child is not None and self._child.poll() is None

    def stop(self) -> None:
        child, self._child = self._child, None
        if child is None or child.poll() is not None:
            return
        child.terminate()
        try:
            child.wait(STOP_WAIT_S)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait(STOP_WAIT_S)
