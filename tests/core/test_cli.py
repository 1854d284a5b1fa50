"""The `kriseninfo` command line: doctor, journal verify/export, people and incidents."""

from __future__ import annotations

import csv
import io
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kriseninfo import __version__
from kriseninfo.cli.main import cli
from kriseninfo.storage import migrate


def run(data_dir: Path, *args: str, stdin: str = "") -> Result:
    return CliRunner().invoke(cli, ["--data-dir", str(data_dir), *args], input=stdin)


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    assert (
        run(tmp_path, "user", "add", "Anna Adler", "--role", "leitung", stdin="2468\n").exit_code
        == 0
    )
    created = run(
        tmp_path,
        "incident",
        "create",
        "--title",
        "Großbrand Hafen",
        "--kind",
        "grossbrand",
        "--user",
        "Anna Adler",
        stdin="2468\n",
    )
    assert created.exit_code == 0, created.output
    assert created.stdout.strip() == "1"
    for field, value in (("location", "Hafenstraße 3"), ("since", "2026-11-27T10:30+01:00")):
        result = run(
            tmp_path, "incident", "set", "1", field, value, "--user", "Anna Adler", stdin="2468\n"
        )
        assert result.exit_code == 0, result.output
    return tmp_path


def test_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_doctor_reports_where_things_are(tmp_path: Path) -> None:
    result = run(tmp_path, "doctor")
    assert result.exit_code == 0, result.output
    assert "Data dir:" in result.output and str(tmp_path) in result.output
    assert "sqlite:///" in result.output
    assert "Schema:" in result.output and migrate.head_revision() in result.output
    assert "Keyring:" in result.output and "Qt:" in result.output
    assert "Playbooks (bundled):" in result.output


def test_doctor_never_shows_a_password(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "--data-dir",
            str(tmp_path),
            "--db",
            "postgresql+psycopg://crisis:geheim123@127.0.0.1:9/k",
            "doctor",
        ],
    )
    assert result.exit_code == 0
    assert "geheim123" not in result.output
    assert "unavailable" in result.output  # schema line says the server is not there


def test_journal_verify_ok_and_broken(filled: Path) -> None:
    ok = run(filled, "journal", "verify")
    assert ok.exit_code == 0 and "chain intact" in ok.output
    db = sqlite3.connect(filled / "kriseninfo.sqlite3")
    with db:
        db.execute("UPDATE journal_entry SET new_value = 'Bahnhofstraße' WHERE seq = 5")
    db.close()
    broken = run(filled, "journal", "verify")
    assert broken.exit_code == 1
    assert "entry 5" in broken.output


def test_journal_export_csv_to_file_and_stdout(filled: Path) -> None:
    target = filled / "export.csv"
    result = run(filled, "journal", "export", "--format", "csv", "-o", str(target))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [r["action"] for r in rows] == [
        "user.created",
        "user.login",
        "incident.created",
        "user.login",
        "incident.changed",
        "user.login",
        "incident.changed",
    ]
    assert rows[-1]["new"] == "2026-11-27T09:30:00+00:00"
    stdout = run(filled, "journal", "export", "--incident", "1")
    only_incident = list(csv.DictReader(io.StringIO(stdout.stdout)))
    assert {r["incident_id"] for r in only_incident} == {"1"}


def test_wrong_pin_is_refused(filled: Path) -> None:
    result = run(filled, "incident", "close", "1", "--user", "Anna Adler", stdin="0000\n")
    assert result.exit_code == 1
    assert "wrong PIN" in result.output


def test_cli_refuses_bad_time(filled: Path) -> None:
    result = run(
        filled, "incident", "set", "1", "since", "morgen", "--user", "Anna Adler", stdin="2468\n"
    )
    assert result.exit_code == 1 and "ISO 8601" in result.output


def test_cli_in_a_real_process_with_env_database(tmp_path: Path) -> None:
    """The installed entry point, with KRISENINFO_DB choosing the database."""
    db_file = tmp_path / "elsewhere.sqlite3"
    env = {**os.environ, "KRISENINFO_DB": f"sqlite:///{db_file}"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "kriseninfo",
            "--data-dir",
            str(tmp_path / "d"),
            "journal",
            "verify",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "0 entries" in result.stdout
    assert db_file.exists()


def test_unreachable_database_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "--data-dir",
            str(tmp_path),
            "--db",
            "postgresql+psycopg://k@127.0.0.1:9/k",
            "journal",
            "verify",
        ],
    )
    assert result.exit_code == 2
    assert "127.0.0.1:9" in result.output and "db_unreachable" in result.output
