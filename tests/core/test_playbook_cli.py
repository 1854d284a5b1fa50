"""`kriseninfo playbook check|list|render|schema`."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kriseninfo.cli.main import cli
from kriseninfo.playbooks.schema import json_schema

MINIMAL = Path(__file__).parent / "data" / "minimal_playbook.yaml"
SCHEMA_FILE = Path(__file__).parents[2] / "playbooks" / "playbook.schema.json"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_check_exit_codes(tmp_path: Path) -> None:
    assert run("playbook", "check", "--bundled", "--strict", str(MINIMAL))[0] == 0
    broken = tmp_path / "broken.yaml"
    broken.write_text(MINIMAL.read_text().replace("    checklist:", "    checklst:"))
    status, out, err = run("playbook", "check", str(broken))
    assert status == 1
    line = next(
        i for i, text in enumerate(broken.read_text().splitlines(), 1) if "checklst" in text
    )
    assert (
        f"{broken}:{line}: error: [phases[0].checklst] unknown key 'checklst'; "
        "did you mean 'checklist'?" in err
    )
    assert "FAILED (1 errors" in out
    status, _, err = run("playbook", "check", str(MINIMAL), str(tmp_path / "nope.yaml"))
    assert status == 2 and "cannot read" in err


def test_strict_turns_warnings_into_errors(tmp_path: Path) -> None:
    wordy = tmp_path / "wordy.yaml"
    wordy.write_text(
        MINIMAL.read_text().replace("Sobald die Gefahr", "Unverzüglich, sobald die Gefahr")
    )
    assert run("playbook", "check", str(wordy))[0] == 0
    status, _, err = run("playbook", "check", "--strict", str(wordy))
    assert status == 1 and "say 'sofort'" in err


def test_render_with_values_and_examples() -> None:
    status, out, _ = run(
        "playbook",
        "render",
        str(MINIMAL),
        "--phase",
        "warnung",
        "--channel",
        "sms",
        "--lang",
        "de",
        "--set",
        "ort=Kirchplatz",
        "--set",
        "radius=300",
    )
    assert status == 0
    assert out.strip() == "Gefahr in Kirchplatz. Abstand 300 m. Infos: 02841 201-0"
    status, out, _ = run(
        "playbook",
        "render",
        str(MINIMAL),
        "--phase",
        "warnung",
        "--channel",
        "web_long",
        "--set",
        "strassen=A-Weg; B-Weg",
        "--json",
    )
    fields = json.loads(out)
    assert [f["field"] for f in fields] == ["subject", "text"]
    assert "Betroffen sind: A-Weg, B-Weg." in fields[1]["text"]
    assert fields[0]["fits"] is True


def test_render_refuses_bad_values() -> None:
    status, _, err = run(
        "playbook",
        "render",
        str(MINIMAL),
        "--phase",
        "warnung",
        "--channel",
        "sms",
        "--set",
        "radius=weit",
    )
    assert status == 1 and "radius" in err
    status, _, err = run("playbook", "render", str(MINIMAL), "--phase", "nix", "--channel", "sms")
    assert status == 1 and "no phase 'nix'" in err


def test_list_shows_bundled_and_own(tmp_path: Path) -> None:
    own = tmp_path / "playbooks"
    own.mkdir()
    (own / "testlage.yaml").write_bytes(MINIMAL.read_bytes())
    status, out, _ = run("--data-dir", str(tmp_path), "playbook", "list")
    assert status == 0
    mine = [line for line in out.splitlines() if line.startswith("testlage\t")]
    assert mine and "\town\tok\tsonstige\tde,de-x-ls,en\treleased 2026-10-01\tTestlage" in mine[0]


def test_schema_file_is_current() -> None:
    """playbooks/playbook.schema.json is regenerated whenever the format changes."""
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == json_schema()
