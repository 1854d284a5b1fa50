"""A kill -9 while typing loses at most the last second: a real console process is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text as sql

from kriseninfo.context import Options, open_context
from kriseninfo.journal import journal
from kriseninfo.storage.models import IncidentKind, IncidentMode, Role

TEXT = (
    "Großbrand in einer Lagerhalle am Hafen. Die Rauchwolke zieht nach Osten über "
    "Meerbeck und Hochstraß. Fenster und Türen geschlossen halten! Lüftung aus."
)
INTERVAL_MS = 35


@pytest.mark.slow
@pytest.mark.parametrize("kill_after_chars", [60, 130])
def test_kill_minus_9_loses_at_most_the_last_second(tmp_path: Path, kill_after_chars: int) -> None:
    """Killed at two points of continuous typing (no pause lets the debounce fire early)."""
    options = Options(data_dir=tmp_path)
    ctx = open_context(options)
    person = ctx.users.create("Anna Adler", Role.LEITUNG, "2468", None)
    incident = ctx.incidents.create(
        "Großbrand Hafen", IncidentKind.GROSSBRAND, IncidentMode.REAL, person.actor
    )
    ctx.close()

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    driver = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.support.typing_driver",
            str(tmp_path),
            TEXT,
            str(INTERVAL_MS),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=Path(__file__).parents[2],
    )
    typed_at: list[float] = []
    assert driver.stdout is not None
    try:
        for line in driver.stdout:
            if line.startswith("typed "):
                typed_at.append(float(line.split()[2]))
                if len(typed_at) == kill_after_chars:
                    break
        killed_at = time.monotonic()
        os.kill(driver.pid, signal.SIGKILL)
        driver.wait(timeout=30)
    finally:
        if driver.poll() is None:
            driver.kill()
        driver.stdout.close()
        assert driver.stderr is not None
        errors = driver.stderr.read()
        driver.stderr.close()
    assert len(typed_at) == kill_after_chars, errors
    assert driver.returncode == -signal.SIGKILL

    ctx = open_context(options)
    stored = ctx.incidents.get(incident.id).what_happened
    safe = sum(1 for moment in typed_at if moment <= killed_at - 1.0)
    assert safe > 20  # the test typed long enough for the claim to mean something
    assert TEXT.startswith(stored)
    assert len(stored) >= safe, f"lost {safe - len(stored)} characters older than 1 s"
    with ctx.database.session() as session:
        assert journal.verify(session).ok
        assert session.execute(sql("PRAGMA integrity_check")).scalar() == "ok"
    ctx.close()
