"""The triage on the labelled questions in tests/data/triage/ (written for the five
bundled playbooks in the voices of the injects: typos, dialect, lower case, emoji,
Leichte Sprache, English, hotline notes). The same figures `make bench` prints; here the
issue's targets must hold. Speed is measured by the benchmark only."""

from __future__ import annotations

from pathlib import Path

import pytest

from kriseninfo.playbooks.kinds import Category
from kriseninfo.playbooks.library import Library
from kriseninfo.triage.evaluate import Figures, evaluate, load

DATA = Path(__file__).parents[2] / "data" / "triage"
SETS = sorted(path.name for path in DATA.iterdir() if path.is_dir())


@pytest.fixture(scope="module", params=SETS)
def figures(request: pytest.FixtureRequest, library: Library) -> Figures:
    return evaluate(load((DATA / request.param).glob("*.yaml")), library.find)


def test_the_sets_are_there_and_labelled_for_the_bundled_playbooks(library: Library) -> None:
    assert len(SETS) >= 3
    bundled = {playbook.id: playbook for playbook in library.usable()}
    total = 0
    for name in SETS:
        items = load((DATA / name).glob("*.yaml"))
        total += len(items)
        for item in items:
            ids = {answer.id for answer in bundled[item.playbook].answers}
            assert set(item.answers) <= ids, (name, item.text, item.answers)
    assert total >= 600


def test_no_emergency_is_missed(figures: Figures) -> None:
    missed = [
        m.item.text
        for m in figures.misses
        if m.item.category is Category.NOTFALL and m.category is not Category.NOTFALL
    ]
    assert figures.emergencies_found == figures.emergencies, missed


def test_at_most_one_false_emergency_in_twenty(figures: Figures) -> None:
    assert figures.as_dict()["triage_false_emergency_rate"] <= 0.05


def test_rumours_and_categories(figures: Figures) -> None:
    shown = figures.as_dict()
    assert shown["triage_rumour_recall"] >= 0.9, shown
    assert shown["triage_category_accuracy"] >= 0.85, shown


def test_the_right_textbaustein_first_and_in_the_top_three(figures: Figures) -> None:
    shown = figures.as_dict()
    assert shown["answer_top1"] >= 0.75, shown
    assert shown["answer_top3"] >= 0.9, shown
