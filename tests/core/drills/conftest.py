"""A short drill playbook (three injects, three minutes) in the test's own library."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kriseninfo.context import AppContext
from kriseninfo.playbooks.schema import Playbook
from tests.core.publishing.conftest import (  # noqa: F401  (pytest fixtures)
    credentials,
    desk,
    mastodon,
    ring,
    team,
)

MINIMAL = Path(__file__).parents[1] / "data" / "minimal_playbook.yaml"

#: Out of order on purpose: the drill clock, not the file, decides.
INJECTS = [
    {
        "at": "0:01:30",
        "channel": "hotline",
        "author": "Anrufer Hafenstraße",
        "text": "Ich bin eingeschlossen, es brennt bei uns!",
        "expect": {"category": "notfall"},
    },
    {
        "at": "0:00:30",
        "phase": "warnung",
        "channel": "mastodon",
        "author": "@anna@example.social",
        "text": "Wann darf ich wieder nach Hause?",
        "expect": {"category": "frage", "answer": "wann_zurueck"},
    },
    {
        "at": "0:02",
        "channel": "facebook",
        "author": "Peter Panik",
        "text": "Angeblich ist das Trinkwasser vergiftet, stimmt das?",
        "expect": {"category": "geruecht"},
    },
]


def write_book(
    context: AppContext,
    *,
    book_id: str = "kurzuebung",
    duration: str | None = "0:03",
    injects: list[dict[str, object]] | None = None,
) -> Playbook:
    data = yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))
    data["id"] = book_id
    data["title"] = "Kurzübung"
    if duration is None:
        data.pop("drill_duration", None)
    else:
        data["drill_duration"] = duration
    data["injects"] = INJECTS if injects is None else injects
    folder = context.paths.user_playbook_dir
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{book_id}.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return context.playbooks.find(book_id)


@pytest.fixture
def book(context: AppContext) -> Playbook:
    return write_book(context)
