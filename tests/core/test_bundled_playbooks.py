"""The five bundled playbooks: complete, in three languages, plain, and clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from kriseninfo.playbooks.check import check_file
from kriseninfo.playbooks.library import bundled_dir
from kriseninfo.playbooks.schema import REQUIRED_LANGUAGES, Category, ChannelKind, Playbook

EXPECTED = ["bombenentschaerfung", "grossbrand", "hochwasser", "stromausfall", "unwetter"]


def bundled_files() -> list[Path]:
    return sorted(bundled_dir().glob("*.yaml"))


def test_all_five_are_bundled() -> None:
    assert [path.stem for path in bundled_files()] == EXPECTED


@pytest.fixture(params=EXPECTED)
def playbook(request: pytest.FixtureRequest) -> Playbook:
    result = check_file(bundled_dir() / f"{request.param}.yaml", bundled=True)
    assert result.problems == [], "\n".join(p.located(request.param) for p in result.problems)
    assert result.playbook is not None and result.playbook.id == request.param
    return result.playbook


def test_passes_the_check_without_warnings(playbook: Playbook) -> None:
    assert playbook.released


def test_phases_channels_languages(playbook: Playbook) -> None:
    assert len(playbook.phases) >= 4
    for phase in playbook.phases:
        assert phase.checklist, phase.id
        assert set(phase.messages) == set(ChannelKind), phase.id
        for by_language in phase.messages.values():
            assert set(REQUIRED_LANGUAGES) <= set(by_language), phase.id


def test_textbausteine(playbook: Playbook) -> None:
    assert len(playbook.answers) >= 12
    for answer in playbook.answers:
        assert set(REQUIRED_LANGUAGES) <= set(answer.texts), answer.id
        assert answer.questions and answer.keywords, answer.id


def test_injects_cover_emergency_rumour_and_press(playbook: Playbook) -> None:
    assert len(playbook.injects) >= 15
    categories = {inject.expect.category for inject in playbook.injects}
    assert {Category.NOTFALL, Category.GERUECHT, Category.PRESSEANFRAGE} <= categories
    offsets = [inject.offset for inject in playbook.injects]
    assert offsets == sorted(offsets)


def test_cap_and_channels(playbook: Playbook) -> None:
    assert playbook.cap is not None
    assert ChannelKind.SOCIAL_SHORT in playbook.channels
