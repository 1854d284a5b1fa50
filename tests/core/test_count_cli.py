"""`kriseninfo count --channel KIND [--limit N] [--field subject] TEXT|-`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from kriseninfo.cli.main import cli


def run(data_dir: Path, *args: str, stdin: str = "") -> Result:
    return CliRunner().invoke(cli, ["--data-dir", str(data_dir), "count", *args], input=stdin)


def counted(data_dir: Path, *args: str, stdin: str = "") -> dict[str, Any]:
    result = run(data_dir, *args, stdin=stdin)
    assert result.exit_code == 0, result.output
    payload: dict[str, Any] = json.loads(result.stdout)
    return payload


def test_x_prints_json(tmp_path: Path) -> None:
    assert counted(tmp_path, "--channel", "x", "Hallo 👨\u200d👩\u200d👧\u200d👦") == {
        "channel": "x",
        "length": 8,
        "limit": 280,
        "fits": True,
        "unit": "weighted characters",
    }


def test_too_long_is_data_not_an_error(tmp_path: Path) -> None:
    payload = counted(tmp_path, "--channel", "x", "a" * 281)
    assert (payload["length"], payload["fits"]) == (281, False)


def test_mastodon_instance_limit(tmp_path: Path) -> None:
    text = "a" * 600 + " https://www.moers.de/" + "x" * 80
    assert counted(tmp_path, "--channel", "mastodon", text)["fits"] is False
    payload = counted(tmp_path, "--channel", "mastodon", "--limit", "1000", text)
    assert (payload["length"], payload["limit"], payload["fits"]) == (624, 1000, True)


def test_sms_adds_segments_and_encoding(tmp_path: Path) -> None:
    payload = counted(tmp_path, "--channel", "sms", "a" * 161)
    assert payload == {
        "channel": "sms",
        "length": 161,
        "limit": 1530,
        "fits": True,
        "unit": "GSM-7 septets",
        "segments": 2,
        "encoding": "GSM-7",
        "max_segments": 10,
    }
    ucs2 = counted(tmp_path, "--channel", "sms", "--limit", "1", "Gefahr – sofort räumen " * 4)
    assert (ucs2["encoding"], ucs2["segments"], ucs2["fits"]) == ("UCS-2", 2, False)


def test_email_subject_warns(tmp_path: Path) -> None:
    payload = counted(tmp_path, "--channel", "email", "--field", "subject", "x" * 79)
    assert (payload["limit"], payload["fits"], payload["warning"]) == (78, True, True)


def test_text_from_stdin(tmp_path: Path) -> None:
    payload = counted(tmp_path, "--channel", "bluesky", "-", stdin="🇩🇪 Achtung\n")
    assert payload["length"] == 9  # the final line break is not part of the text
    assert counted(tmp_path, "--channel", "sms", "-", stdin="a\r\n")["length"] == 1


def test_bad_channel_exits_2(tmp_path: Path) -> None:
    result = run(tmp_path, "--channel", "myspace", "Hallo")
    assert result.exit_code == 2
    assert "'myspace' is not one of" in result.stderr and "mastodon" in result.stderr


def test_subject_on_another_channel_exits_2(tmp_path: Path) -> None:
    result = run(tmp_path, "--channel", "x", "--field", "subject", "Hallo")
    assert result.exit_code == 2 and "only e-mail has a subject" in result.stderr


def test_bad_limit_exits_2(tmp_path: Path) -> None:
    assert run(tmp_path, "--channel", "x", "--limit", "0", "Hallo").exit_code == 2


def test_in_a_real_process(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "kriseninfo", "--data-dir", str(tmp_path), "count"]
    ok = subprocess.run(
        [*command, "--channel", "sms", "Kosten: 5 €"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["length"] == 12
    bad = subprocess.run(
        [*command, "--channel", "fax", "x"], capture_output=True, text=True, timeout=60
    )
    assert bad.returncode == 2 and "Invalid value for '--channel'" in bad.stderr
