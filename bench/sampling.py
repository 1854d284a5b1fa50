"""The parent side of the cold-start benchmark: spawn one child, time it, read its memory.

Time runs from just before `Popen` to the arrival of the child's "painted" line, measured
here in the parent, so nothing the child does before its first line of Python is missed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from bench.paint_probe import PAINTED, READY, RSS_PREFIX

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_S = 120.0


@dataclass(frozen=True)
class Sample:
    """One cold start: seconds to the first paint, resident KiB after the idle time."""

    first_paint_s: float
    idle_rss_kib: int
    ready_s: float | None = None


def child_env(pycache: Path | None = None) -> dict[str, str]:
    """The parent's environment, headless unless the caller chose a platform.

    With `pycache`, bytecode is cached there (even if PYTHONDONTWRITEBYTECODE is set), as
    in an installed app whose installer compiled it, and the source tree stays untouched.
    """
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def measure(
    module: str, args: list[str], idle_s: float, env: dict[str, str], ready: bool = False
) -> Sample:
    """Run `python -m module *args idle_s` once and collect what its probe reports
    (with `ready`, also when the child said its data is on screen)."""
    command = [sys.executable, "-m", module, *args, str(idle_s)]
    # stderr goes to a file: a chatty child must never block on a full pipe we do not read.
    with tempfile.TemporaryFile(mode="w+") as errors:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=errors, text=True
        )
        watchdog = threading.Timer(TIMEOUT_S, process.kill)
        watchdog.start()
        try:
            painted_at = _time_of_line(process, PAINTED)
            ready_at = _time_of_line(process, READY) if ready else None
            rss_line = _next_line(process, RSS_PREFIX)
            process.communicate()
        finally:
            watchdog.cancel()
        if painted_at is None or rss_line is None or process.returncode != 0:
            errors.seek(0)
            raise RuntimeError(
                f"{' '.join(command)} failed (exit {process.returncode}):\n{errors.read().strip()}"
            )
    return Sample(
        painted_at - start,
        int(rss_line.removeprefix(RSS_PREFIX)),
        ready_at - start if ready_at is not None else None,
    )


def _time_of_line(process: subprocess.Popen[str], wanted: str) -> float | None:
    """perf_counter() when `wanted` arrives on stdout; None if the child ends first."""
    line = _next_line(process, wanted)
    return time.perf_counter() if line is not None else None


def _next_line(process: subprocess.Popen[str], prefix: str) -> str | None:
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith(prefix):
            return line.strip()
    return None
