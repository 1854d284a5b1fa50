"""Reviews built by hand: a realistic drill with its predecessor, an empty one, a hostile one."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from kriseninfo.review.model import (
    Better,
    EventKind,
    Figure,
    PublishedMessage,
    Review,
    TimelineEvent,
    Unit,
)

BERLIN = ZoneInfo("Europe/Berlin")
HOSTILE = "<script>alert(1)</script>"
RTL = "שלום עולם مرحبا بالعالم"
EMOJI = "Wasser steigt 🌊🔥 bitte meiden 🙏"
LONG_TEXT = " ".join(f"Satz {n}: Die Pegel am Rhein steigen weiter an." for n in range(110))[:5000]

INJECTS = [  # (seconds since start, category, answered after seconds or None)
    (60, "Frage", 150),
    (130, "Notfall", 45),
    (300, "Frage", 240),
    (420, "Gerücht", 400),
    (545, "Frage", 310),
    (700, "Notfall", 70),
    (820, "Frage", None),
    (905, "Gerücht", 520),
    (1100, "Frage", 200),
    (1260, "Notfall", 95),
    (1400, "Frage", 260),
    (1520, "Gerücht", None),
]


def _timeline() -> tuple[TimelineEvent, ...]:
    events = [TimelineEvent(0, EventKind.PHASE, "Phase", "Erstwarnung")]
    for at, category, answer in INJECTS:
        events.append(TimelineEvent(at, EventKind.INJECT, category, f"Eingang {category}"))
        if answer is not None:
            events.append(TimelineEvent(at + answer, EventKind.ANSWER, category, "Antwort"))
    events += [
        TimelineEvent(402, EventKind.MESSAGE, "Mastodon", "Erste Warnung"),
        TimelineEvent(1200, EventKind.PHASE, "Phase", "Entwarnung vorbereiten"),
        TimelineEvent(1250, EventKind.MESSAGE, "Website", "Lageupdate"),
        TimelineEvent(1900, EventKind.MESSAGE, "Mastodon", "Entwarnung"),
    ]
    return tuple(sorted(events, key=lambda event: event.at))


def _response_times() -> dict[str, tuple[float, ...]]:
    times: dict[str, list[float]] = {}
    for _, category, answer in INJECTS:
        if answer is not None:
            times.setdefault(category, []).append(answer)
    return {category: tuple(values) for category, values in times.items()}


def make_drill(previous: Review | None = None) -> Review:
    return Review(
        incident_id=17,
        incident_title="Hochwasser Rheinberg – Übung Süd",
        playbook_id="hochwasser",
        playbook_title="Hochwasser am Niederrhein",
        drill=True,
        speed=60.0,
        started_at=datetime(2026, 11, 27, 14, 4, tzinfo=UTC),
        ended_at=datetime(2026, 11, 27, 14, 40, tzinfo=UTC),
        duration=3903,
        figures=(
            Figure(
                "first_warning",
                "Erste Warnung veröffentlicht nach",
                402,
                Unit.SECONDS,
                Better.LOWER,
                "Mastodon",
            ),
            Figure(
                "response_median:frage",
                "Antwortzeit Fragen (Median)",
                245,
                Unit.SECONDS,
                Better.LOWER,
                "5 von 6 Fragen beantwortet",
            ),
            Figure(
                "answered",
                "Beantwortete Eingänge",
                0.75,
                Unit.SHARE,
                Better.HIGHER,
                "9 von 12 Eingängen",
            ),
            Figure("unanswered", "Unbeantwortete Eingänge", 2, Unit.COUNT, Better.LOWER),
            Figure(
                "all_clear",
                "Entwarnung veröffentlicht nach",
                None,
                Unit.SECONDS,
                Better.LOWER,
                "keine Entwarnung",
            ),
            Figure("rumours", "Gerüchte richtiggestellt", 1, Unit.COUNT, Better.HIGHER),
            Figure("within_target", "Im Ziel beantwortet", None, Unit.SHARE, Better.HIGHER),
        ),
        response_times=_response_times(),
        targets={"Frage": 300, "Notfall": 60, "Gerücht": 600},
        timeline=_timeline(),
        messages=(
            PublishedMessage(
                402,
                "Stadt Rheinberg (Mastodon)",
                "Erstwarnung",
                "Hochwasserwarnung für Rheinberg-Süd: Keller räumen, Fahrzeuge "
                "aus der Tiefgarage Große Straße fahren.",
            ),
            PublishedMessage(
                1250,
                "Stadt Rheinberg (Website)",
                "Lageupdate",
                "Der Pegel Wesel steigt auf 9,80 m. Straßensperrung Rheinstraße.",
            ),
            PublishedMessage(
                None,
                "Stadt Rheinberg (Bluesky)",
                "Entwarnung",
                "Entwarnung: Die Gefahr ist vorüber.",
            ),
        ),
        generated_at=datetime(2026, 11, 27, 15, 0, tzinfo=UTC),
        previous=previous,
        remarks=("Die Übung wurde nach 1:05:03 beendet.",),
    )


def make_previous() -> Review:
    drill = make_drill()
    return dataclasses.replace(
        drill,
        incident_id=9,
        started_at=datetime(2026, 10, 20, 8, 30, tzinfo=UTC),
        ended_at=datetime(2026, 10, 20, 9, 30, tzinfo=UTC),
        figures=(
            Figure(
                "first_warning",
                "Erste Warnung veröffentlicht nach",
                900,
                Unit.SECONDS,
                Better.LOWER,
            ),
            Figure(
                "response_median:frage",
                "Antwortzeit Fragen (Median)",
                180,
                Unit.SECONDS,
                Better.LOWER,
            ),
            Figure("answered", "Beantwortete Eingänge", 0.7501, Unit.SHARE, Better.HIGHER),
            Figure("unanswered", "Unbeantwortete Eingänge", 4, Unit.COUNT, Better.LOWER),
            Figure("all_clear", "Entwarnung veröffentlicht nach", 3000, Unit.SECONDS, Better.LOWER),
            Figure("within_target", "Im Ziel beantwortet", 0.5, Unit.SHARE, Better.HIGHER),
        ),
    )


def make_empty() -> Review:
    return dataclasses.replace(
        make_drill(),
        incident_title="Unwetter Kamp-Lintfort",
        drill=False,
        speed=1.0,
        ended_at=None,
        duration=0,
        figures=(
            Figure(
                "first_warning",
                "Erste Warnung veröffentlicht nach",
                None,
                Unit.SECONDS,
                Better.LOWER,
            ),
        ),
        response_times={},
        targets={},
        timeline=(),
        messages=(),
        remarks=(),
    )


def make_hostile() -> Review:
    """Every text that can come from outside is hostile, exotic or very long."""
    drill = make_drill()
    return dataclasses.replace(
        drill,
        incident_title=f"Lage {HOSTILE} & Co",
        playbook_title=f"<b>fett</b> {EMOJI}",
        figures=(
            Figure(
                "x", f"Kennzahl {HOSTILE}", 3, Unit.COUNT, Better.LOWER, f"Notiz {HOSTILE} {RTL}"
            ),
        ),
        response_times={f"Kat {HOSTILE} 🌊": (30.0, 90.0), "$x$ & <i>": (60.0,)},
        targets={f"Kat {HOSTILE} 🌊": 60.0},
        timeline=(
            TimelineEvent(10, EventKind.INJECT, f"{HOSTILE} 🔥", f"{HOSTILE}"),
            TimelineEvent(20, EventKind.ANSWER, RTL, "\t\n"),
            TimelineEvent(30, EventKind.PHASE, "Phase", f"Phase {HOSTILE} $a$"),
            TimelineEvent(40, EventKind.MESSAGE, "🌊🌊", "x"),
        ),
        messages=(
            PublishedMessage(40, f"Kanal {HOSTILE}", f"Titel {HOSTILE}", HOSTILE),
            PublishedMessage(50, "Stadt (Telegram)", "Emoji und RTL", f"{EMOJI}\n{RTL}"),
            PublishedMessage(60, "Stadt (Website)", "Lang", LONG_TEXT),
            PublishedMessage(70, "Stadt (Website)", "Ein Wort", "Hochwasser" * 60),
        ),
        remarks=(f"Hinweis {HOSTILE}",),
    )


@pytest.fixture
def drill() -> Review:
    return make_drill(previous=make_previous())


@pytest.fixture
def empty() -> Review:
    return make_empty()


@pytest.fixture
def hostile() -> Review:
    return make_hostile()
