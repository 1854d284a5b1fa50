"""Machine-local settings: declared once, typed, bad values fall back to defaults."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kriseninfo.settings import ACTIVE_INCIDENT, LANGUAGE, LAST_USER, Settings


def test_defaults_and_persistence(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings = Settings(path)
    assert settings.get(LANGUAGE) == "de"
    assert settings.get(LAST_USER) is None
    settings.set(LANGUAGE, "en")
    settings.set(LAST_USER, "Anna Adler")
    settings.set(ACTIVE_INCIDENT, 3)
    again = Settings(path)
    assert (again.get(LANGUAGE), again.get(LAST_USER), again.get(ACTIVE_INCIDENT)) == (
        "en",
        "Anna Adler",
        3,
    )


def test_invalid_values_are_refused(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json")
    with pytest.raises(ValueError):
        settings.set(LANGUAGE, "fr")
    with pytest.raises(ValueError):
        settings.set(ACTIVE_INCIDENT, True)  # type: ignore[arg-type]


@pytest.mark.logs_warnings
@pytest.mark.parametrize(
    "content",
    ["{not json", "[1, 2]", json.dumps({"language": "fr", "active_incident": "x", "zz": 1})],
)
def test_broken_file_falls_back_to_defaults(tmp_path: Path, content: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(content)
    settings = Settings(path)
    assert settings.get(LANGUAGE) == "de"
    assert settings.get(ACTIVE_INCIDENT) is None
