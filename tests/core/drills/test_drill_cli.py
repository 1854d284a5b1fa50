"""`kriseninfo drill … --headless --auto-answer --report`: a whole drill without a
window, as the tests and the quickest demo run it; and `kriseninfo review`."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result
from pypdf import PdfReader

from kriseninfo.cli.main import cli
from kriseninfo.context import open_context
from kriseninfo.domain import Role
from kriseninfo.options import Options
from kriseninfo.storage.models import SandboxPost
from tests.conftest import LEITUNG_PIN
from tests.core.drills.conftest import write_book


def _cli(data: Path, *args: str, stdin: str = "") -> Result:
    return CliRunner().invoke(cli, ["--data-dir", str(data), *args], input=stdin)


def _desk(tmp_path: Path) -> Path:
    """A desk with its Leitung and the short drill playbook, no accounts at all."""
    data = tmp_path / "data"
    context = open_context(Options(data_dir=data))
    try:
        context.users.create("Anna Adler", Role.LEITUNG, LEITUNG_PIN, None)
        write_book(context)
    finally:
        context.close()
    return data


def test_a_headless_drill_with_the_automatic_team_writes_its_report(tmp_path: Path) -> None:
    data = _desk(tmp_path)
    report = tmp_path / "nachbereitung.pdf"
    args = ["drill", "kurzuebung", "--speed", "60", "--headless", "--auto-answer"]
    ran = _cli(
        data, *args, "--report", str(report), "--user", "Anna Adler", stdin=f"{LEITUNG_PIN}\n"
    )
    assert ran.exit_code == 0, ran.output
    figures = json.loads(ran.stdout)
    assert figures["drill"] is True and figures["speed"] == 60.0
    assert figures["duration_s"] >= 180
    values = {key: entry["value"] for key, entry in figures["figures"].items()}
    assert values["first_warning"] is not None  # the team published the first warning
    # The rumour has no Textbaustein: the automatic team leaves it to people.
    assert values["injects_unanswered"] == 1.0 and values["rumours_corrected"] == 0.0
    assert values["emergencies_escalated"] == 1.0  # 112, in time
    assert figures["previous"] is None
    pages = " ".join(page.extract_text() for page in PdfReader(report).pages)
    assert "ÜBUNG" in pages and "Kurzübung" in pages

    context = open_context(Options(data_dir=data))
    try:
        with context.database.session(readonly=True) as session:
            shown = list(session.query(SandboxPost))
        assert shown and all("ÜBUNG – " in post.text for post in shown)
        team = [p for p in context.users.list() if "automatisch" in p.name]
        assert team == []  # switched off again: nobody can sign in as them
    finally:
        context.close()

    again = _cli(data, *args, "--user", "Anna Adler", stdin=f"{LEITUNG_PIN}\n")
    assert again.exit_code == 0, again.output
    second = json.loads(again.stdout)
    assert second["previous"] is not None  # compared with the drill before
    html = tmp_path / "r.html"
    reviewed = _cli(data, "review", str(second["incident"]), "--report", str(html))
    assert reviewed.exit_code == 0, reviewed.output
    assert "Vergleich" in html.read_text(encoding="utf-8")


def test_drill_refuses_what_it_cannot_do(tmp_path: Path) -> None:
    data = _desk(tmp_path)
    pin = f"{LEITUNG_PIN}\n"
    no_window = _cli(
        data, "drill", "kurzuebung", "--auto-answer", "--user", "Anna Adler", stdin=pin
    )
    assert no_window.exit_code == 1 and "--headless" in no_window.stderr
    suffix = _cli(data, "review", "1", "--report", str(tmp_path / "r.docx"))
    assert suffix.exit_code == 1 and ".html or .pdf" in suffix.stderr
    fast = _cli(data, "drill", "kurzuebung", "--speed", "600", "--user", "Anna Adler", stdin=pin)
    assert fast.exit_code == 2 and "600" in fast.stderr
    unknown = _cli(data, "drill", "gibtsnicht", "--user", "Anna Adler", stdin=pin)
    assert unknown.exit_code == 1 and "gibtsnicht" in unknown.stderr


def test_a_drill_started_without_headless_waits_for_the_desk(tmp_path: Path) -> None:
    data = _desk(tmp_path)
    started = _cli(
        data,
        "drill",
        "kurzuebung",
        "--speed",
        "10",
        "--user",
        "Anna Adler",
        stdin=f"{LEITUNG_PIN}\n",
    )
    assert started.exit_code == 0, started.output
    made = json.loads(started.stdout)
    context = open_context(Options(data_dir=data))
    try:
        drill = context.drills.get(made["incident"])
        assert drill is not None and drill.running and drill.speed == 10.0
    finally:
        context.close()
