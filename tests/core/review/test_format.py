"""German values in the after-action report: spans, counts, shares, local times."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from kriseninfo.review import format as fmt
from kriseninfo.review.model import Review, Unit
from tests.core.review.conftest import BERLIN, make_drill


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0:00"),
        (42, "0:42"),
        (42.5, "0:43"),
        (59.4, "0:59"),
        (605, "10:05"),
        (3599.6, "1:00:00"),
        (3903, "1:05:03"),
        (36000, "10:00:00"),
        (-5, "-0:05"),
        (None, "–"),
    ],
)
def test_durations_read_like_a_clock(seconds: float | None, text: str) -> None:
    assert fmt.duration(seconds) == text


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (7, Unit.COUNT, "7"),
        (2.0, Unit.COUNT, "2"),
        (1234, Unit.COUNT, "1.234"),
        (0.75, Unit.SHARE, "75 %"),
        (1.0, Unit.SHARE, "100 %"),
        (0.005, Unit.SHARE, "1 %"),
        (0.0, Unit.SHARE, "0 %"),
        (402, Unit.SECONDS, "6:42"),
        (None, Unit.COUNT, "–"),
        (None, Unit.SHARE, "–"),
        (None, Unit.SECONDS, "–"),
    ],
)
def test_figure_values_by_unit(value: float | None, unit: Unit, text: str) -> None:
    assert fmt.figure_value(value, unit) == text


def test_not_reached_is_a_dash_with_a_meaning() -> None:
    assert fmt.NOT_REACHED == "–"
    assert fmt.NOT_REACHED_MEANING == "nicht erreicht"


def test_moments_in_local_winter_and_summer_time() -> None:
    assert fmt.moment(datetime(2026, 11, 27, 14, 4, tzinfo=UTC)) == "27.11.2026, 15:04 Uhr"
    assert fmt.moment(datetime(2026, 7, 1, 12, 0, tzinfo=UTC)) == "01.07.2026, 14:00 Uhr"
    assert fmt.moment(datetime(2026, 7, 1, 12, 0, tzinfo=UTC), UTC) == "01.07.2026, 12:00 Uhr"
    assert fmt.day(datetime(2026, 12, 31, 23, 30, tzinfo=UTC), BERLIN) == "01.01.2027"


@pytest.mark.parametrize(
    ("drill", "speed", "text"),
    [(True, 60.0, "Übungsuhr 60×"), (True, 1.5, "Übungsuhr 1,5×"), (False, 1.0, "Echtzeit")],
)
def test_clock(drill: bool, speed: float, text: str) -> None:
    review = dataclasses.replace(make_drill(), drill=drill, speed=speed)
    assert fmt.clock(review) == text


def test_when_a_message_went_out() -> None:
    assert fmt.since_start(402) == "6:42 nach Beginn"
    assert fmt.since_start(None) == "nicht veröffentlicht"


def test_facts_of_the_head() -> None:
    review: Review = make_drill()
    assert dict(fmt.facts(review, BERLIN)) == {
        "Lage": "Nr. 17",
        "Art": "Übung",
        "Playbook": "Hochwasser am Niederrhein (hochwasser)",
        "Beginn": "27.11.2026, 15:04 Uhr",
        "Ende": "27.11.2026, 15:40 Uhr",
        "Dauer": "1:05:03",
        "Uhr": "Übungsuhr 60×",
        "Erstellt am": "27.11.2026, 16:00 Uhr",
    }
    running = dataclasses.replace(review, ended_at=None, playbook_title="", playbook_id="")
    facts = dict(fmt.facts(running, BERLIN))
    assert facts["Ende"] == "läuft noch"
    assert facts["Playbook"] == "keines"
