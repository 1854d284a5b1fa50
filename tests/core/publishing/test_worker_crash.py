"""kill -9: a `kriseninfo worker` process is killed at random points while it sends 200
deliveries; after restarts every delivery is published exactly once, none is lost, the
threads keep their order and the journal's chain holds."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from keyrings.alt.file import PlaintextKeyring

from kriseninfo.context import AppContext
from kriseninfo.options import Options
from kriseninfo.publishing.credentials import Credentials
from kriseninfo.publishing.states import DeliveryState
from tests.core.publishing.conftest import Desk
from tests.support.mastodon_server import MastodonServer

ACCOUNTS = 20
PARTS = 10
KILLS = 5


def _worker(options: Options, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as stderr:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "kriseninfo",
                "--db",
                options.db_url or "",
                "--data-dir",
                str(options.data_dir),
                "worker",
                "--lease",
                "2",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )


def test_kill_9_while_sending_200_loses_nothing_and_doubles_nothing(
    desk: Desk, context: AppContext, options: Options, mastodon: MastodonServer, tmp_path: Path
) -> None:
    # The worker process reads its secrets from the same real keyring file.
    xdg = tmp_path / "xdg"
    ring = PlaintextKeyring()
    ring.file_path = str(xdg / "python_keyring" / "keyring_pass.cfg")  # type: ignore[misc]
    desk.credentials = Credentials(ring)
    context.__dict__["credentials"] = desk.credentials
    env = dict(
        os.environ,
        PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring",
        XDG_DATA_HOME=str(xdg),
    )
    for number in range(ACCOUNTS):
        desk.mastodon_account(mastodon, f"Konto {number:02d}")
    parts = [f"Teil {n + 1} von {PARTS}. Bitte meiden." for n in range(PARTS)]
    desk.release(parts=parts)
    total = ACCOUNTS * PARTS
    assert len(context.publishing.deliveries()) == total
    mastodon.jitter = 0.05

    rng = random.Random(os.environ.get("PYTEST_SEED", "kill-9"))
    for _ in range(KILLS):
        before = len(mastodon.statuses)
        process = _worker(options, env, tmp_path / "worker.log")
        target = before + rng.randint(5, 30)
        deadline = time.monotonic() + 30
        while len(mastodon.statuses) < target and time.monotonic() < deadline:
            if process.poll() is not None:
                raise AssertionError((tmp_path / "worker.log").read_text())
            time.sleep(0.005)
        process.send_signal(signal.SIGKILL)
        process.wait(10)
    assert len(mastodon.statuses) < total, "the kills came too late to test anything"

    process = _worker(options, env, tmp_path / "worker.log")
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        states = {r.state for r in context.publishing.deliveries()}
        if states == {DeliveryState.SENT}:
            break
        time.sleep(0.2)
    process.send_signal(signal.SIGTERM)
    assert process.wait(30) == 0

    rows = context.publishing.deliveries()
    assert len(rows) == total and {r.state for r in rows} == {DeliveryState.SENT}
    assert len(mastodon.statuses) == total
    assert sorted(mastodon.created_per_key.values()) == [1] * total
    by_id = {r.platform_id: r for r in rows}
    for row in rows:  # each part replies to the part before it, on the same account
        status = mastodon.statuses[row.platform_id]
        if row.part == 0:
            assert status["in_reply_to_id"] is None
        else:
            assert status["in_reply_to_id"] is not None
            parent = by_id[status["in_reply_to_id"]]
            assert (parent.message_id, parent.part) == (row.message_id, row.part - 1)
    assert context.journal.verify().first_break is None
