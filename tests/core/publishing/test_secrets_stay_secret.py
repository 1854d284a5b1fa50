"""Channel secrets live only in the keyring: after sending (with failures), checking
accounts and exporting, no token appears in the database, the logs, the exports, the
command output or an error message."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from kriseninfo.context import AppContext
from kriseninfo.counting.platforms import Platform
from kriseninfo.errors import KriseninfoError
from kriseninfo.options import Options
from kriseninfo.publishing.states import DeliveryState
from tests.core.publishing.conftest import Desk
from tests.support import mastodon_server
from tests.support.mastodon_server import MastodonServer, Scripted
from tests.support.telegram_server import TOKEN as TELEGRAM_TOKEN
from tests.support.telegram_server import TelegramServer


def _cli(options: Options, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "kriseninfo",
            "-vv",
            "--db",
            options.db_url or "",
            "--data-dir",
            str(options.data_dir),
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ),
        check=False,
    )


@pytest.mark.logs_warnings
def test_no_secret_leaves_the_keyring(
    desk: Desk, context: AppContext, options: Options, mastodon: MastodonServer, tmp_path: Path
) -> None:
    # The worker process must read the same keyring: use the one of the environment.
    from kriseninfo.publishing.credentials import Credentials

    desk.credentials = Credentials()
    context.__dict__["credentials"] = desk.credentials
    secrets = [mastodon_server.TOKEN, TELEGRAM_TOKEN]
    with TelegramServer() as telegram:
        desk.mastodon_account(mastodon)
        account = desk.account(Platform.TELEGRAM, "Telegram Stadt Moers")
        context.channel_setup.configure(
            account,
            desk.team["leitung"],
            {"chat": "@kreis_info", "api_base": telegram.url},
            {"bot_token": TELEGRAM_TOKEN},
        )
        mastodon.then("post_status", Scripted(status=401, body={"error": "invalid token"}))
        desk.release(parts=["Erster Teil. Bitte meiden.", "Zweiter Teil."])
        outputs = [_cli(options, "worker", "--once", "--timeout", "60")]
        rows = context.publishing.deliveries()
        telegram_rows = [r for r in rows if r.platform is Platform.TELEGRAM]
        assert {r.state for r in telegram_rows} == {DeliveryState.SENT}, [
            (r.error_code, r.error_detail) for r in telegram_rows
        ]
        assert any(r.state is DeliveryState.FAILED for r in rows)
        outputs.append(_cli(options, "queue", "list", "--json"))
        outputs.append(_cli(options, "channel", "check", str(account)))
        wrong = desk.account(Platform.MASTODON, "Falsches Token")
        context.channel_setup.configure(
            wrong, desk.team["leitung"], {"instance": mastodon.url}, {"access_token": "x" * 20}
        )
        with pytest.raises(KriseninfoError) as refused:
            context.channel_setup.check(wrong)
        outputs.append(_cli(options, "journal", "export", "-o", str(tmp_path / "j.csv")))
        outputs.append(
            _cli(options, "journal", "export", "--format", "pdf", "-o", str(tmp_path / "j.pdf"))
        )
    assert all(o.returncode == 0 for o in outputs), [o.stderr[-500:] for o in outputs]

    places: dict[str, str] = {"error message": str(refused.value) + repr(refused.value.params)}
    for number, output in enumerate(outputs):
        places[f"command {number} output"] = output.stdout + output.stderr
    data_dir = options.data_dir
    assert data_dir is not None
    for path in [*data_dir.rglob("*"), *tmp_path.glob("*.sqlite3*")]:
        if path.is_file():
            places[str(path)] = path.read_bytes().decode("utf-8", "replace")
    assert any("kriseninfo.log" in name for name in places), "the worker wrote no log file"
    places["csv export"] = (tmp_path / "j.csv").read_text(encoding="utf-8")
    reader = PdfReader(tmp_path / "j.pdf")
    places["pdf export"] = "\n".join(page.extract_text() for page in reader.pages)
    assert "Veröffentlicht" in places["pdf export"]  # the exports do hold the sends
    logs = "".join(text for name, text in places.items() if "kriseninfo.log" in name)
    assert "sendMessage" in logs  # the HTTP requests were logged (token masked)
    for secret in secrets:
        leaks = [name for name, text in places.items() if secret in text]
        assert not leaks, f"secret found in {leaks}"
