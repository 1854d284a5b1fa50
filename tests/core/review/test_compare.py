"""Besser, schlechter, gleich: each figure against the previous drill's."""

from __future__ import annotations

import dataclasses

import pytest

from kriseninfo.review import format as fmt
from kriseninfo.review.compare import Verdict, compare, verdict
from kriseninfo.review.model import Better, Figure, Review, Unit
from tests.core.review.conftest import make_drill, make_previous


def _figure(
    value: float | None, unit: Unit = Unit.SECONDS, better: Better = Better.LOWER
) -> Figure:
    return Figure("k", "Kennzahl", value, unit, better)


@pytest.mark.parametrize(
    ("now", "before", "unit", "better", "expected"),
    [
        (60, 120, Unit.SECONDS, Better.LOWER, Verdict.BESSER),
        (120, 60, Unit.SECONDS, Better.LOWER, Verdict.SCHLECHTER),
        (0.9, 0.5, Unit.SHARE, Better.HIGHER, Verdict.BESSER),
        (0.5, 0.9, Unit.SHARE, Better.HIGHER, Verdict.SCHLECHTER),
        (3, 3, Unit.COUNT, Better.HIGHER, Verdict.GLEICH),
        # Equal as printed is equal: 0:42 against 0:42, 75 % against 75 %.
        (42.2, 41.8, Unit.SECONDS, Better.LOWER, Verdict.GLEICH),
        (0.7501, 0.7499, Unit.SHARE, Better.HIGHER, Verdict.GLEICH),
        (42.6, 41.8, Unit.SECONDS, Better.LOWER, Verdict.SCHLECHTER),
        # A time never reached is worse than any time.
        (None, 3000, Unit.SECONDS, Better.LOWER, Verdict.SCHLECHTER),
        (3000, None, Unit.SECONDS, Better.LOWER, Verdict.BESSER),
        (None, None, Unit.SECONDS, Better.LOWER, Verdict.GLEICH),
        # Elsewhere "no value" means the figure did not apply.
        (None, 0.5, Unit.SHARE, Better.HIGHER, Verdict.ENTFALLEN),
        (0.5, None, Unit.SHARE, Better.HIGHER, Verdict.NEU),
        (None, 2, Unit.COUNT, Better.LOWER, Verdict.ENTFALLEN),
        (2, None, Unit.COUNT, Better.LOWER, Verdict.NEU),
    ],
)
def test_verdict(
    now: float | None, before: float | None, unit: Unit, better: Better, expected: Verdict
) -> None:
    assert verdict(_figure(now, unit, better), before) is expected


def test_verdicts_print_as_german_words() -> None:
    assert [v.value for v in Verdict] == ["besser", "schlechter", "gleich", "neu", "entfallen"]


def test_without_a_previous_review_every_figure_is_new() -> None:
    current = make_drill()
    result = compare(current, None)
    assert [item.figure for item in result] == list(current.figures)
    assert {item.verdict for item in result} == {Verdict.NEU}
    assert all(item.before is None for item in result)


def test_against_the_previous_drill() -> None:
    current, previous = make_drill(), make_previous()
    result = compare(current, previous)
    assert [(item.figure.key, item.now, item.before, item.verdict) for item in result] == [
        ("first_warning", 402, 900, Verdict.BESSER),
        ("response_median:frage", 245, 180, Verdict.SCHLECHTER),
        ("answered", 0.75, 0.7501, Verdict.GLEICH),
        ("unanswered", 2, 4, Verdict.BESSER),
        ("all_clear", None, 3000, Verdict.SCHLECHTER),
        ("rumours", 1, None, Verdict.NEU),  # the previous drill did not measure it
        ("within_target", None, 0.5, Verdict.ENTFALLEN),
    ]
    assert fmt.summary(result) == "2 besser, 2 schlechter, 1 gleich, 1 neu, 1 entfallen"


def test_a_figure_only_the_previous_review_has_is_not_listed() -> None:
    previous = make_previous()
    extra = Figure("gone", "Nur vorher", 5, Unit.COUNT, Better.LOWER)
    previous = dataclasses.replace(previous, figures=(*previous.figures, extra))
    assert "gone" not in {item.figure.key for item in compare(make_drill(), previous)}


def test_printed_cells_and_changes() -> None:
    current: Review = make_drill()
    result = {item.figure.key: item for item in compare(current, make_previous())}
    assert fmt.cells(result["first_warning"]) == (
        "Erste Warnung veröffentlicht nach",
        "6:42",
        "Mastodon",
        "15:00",
        "besser",
    )
    assert fmt.cells(result["rumours"])[3] == ""  # nothing before to show
    assert (
        fmt.change(result["all_clear"]) == "Entwarnung veröffentlicht nach: 50:00 → – (schlechter)"
    )
    assert fmt.change(result["rumours"]) == "Gerüchte richtiggestellt: 1 (neu)"
    assert fmt.summary([]) == "keine Kennzahlen"
