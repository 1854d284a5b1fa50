"""What an after-action review (Nachbereitung) is made of, before it is printed.

The figures are computed from an incident's record by `kriseninfo.review.score`; the
report modules only present them. Times are seconds on the incident's clock: for a drill
the drill clock (so a drill at 60× reads like the real thing), for a real incident the
wall clock since the incident was opened.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime


class Unit(enum.StrEnum):
    SECONDS = "s"  # a span on the incident's clock
    COUNT = "count"
    SHARE = "share"  # 0.0 … 1.0, printed as a percentage


class Better(enum.StrEnum):
    """Which way a figure improves, for the comparison with the previous drill."""

    LOWER = "lower"
    HIGHER = "higher"


@dataclass(frozen=True)
class Figure:
    key: str  # stable across reviews, e.g. "first_warning", "response_median:frage"
    label: str  # German, as printed: "Erste Warnung veröffentlicht nach"
    value: float | None  # None: did not happen (no warning was published at all)
    unit: Unit
    better: Better
    note: str = ""  # German, one line: what went into it ("3 von 4 Notfällen")


class EventKind(enum.StrEnum):
    INJECT = "inject"  # a question arrived (a scripted or a hand-made inject)
    ANSWER = "answer"  # the desk answered one
    MESSAGE = "message"  # a message set was published
    PHASE = "phase"  # the desk moved to a phase of the playbook


@dataclass(frozen=True)
class TimelineEvent:
    at: float  # seconds since the start
    kind: EventKind
    lane: str  # the chart's row: a channel or a category, German
    label: str  # short, German


@dataclass(frozen=True)
class PublishedMessage:
    at: float | None  # seconds since the start; None: not published
    channel: str  # the account's name and platform, German ("Stadt Moers (Mastodon)")
    title: str  # the message set's purpose or phase, German
    text: str  # exactly as published (for a drill: as the Übungs-Timeline shows it)


@dataclass(frozen=True)
class Review:
    incident_id: int
    incident_title: str
    playbook_id: str
    playbook_title: str
    drill: bool
    speed: float  # the drill clock's speed (1.0 for a real incident)
    started_at: datetime  # wall clock, aware
    ended_at: datetime | None  # wall clock; None while it runs
    duration: float  # seconds on the incident's clock
    figures: tuple[Figure, ...]
    #: Seconds to answer, per category label (German), in arrival order.
    response_times: dict[str, tuple[float, ...]]
    #: The response-time target per category label, in seconds.
    targets: dict[str, float]
    timeline: tuple[TimelineEvent, ...]
    messages: tuple[PublishedMessage, ...]
    generated_at: datetime  # wall clock, aware
    #: The previous drill of the same playbook, for "besser / schlechter"; None: first one.
    previous: Review | None = None
    #: German sentences the reader should know ("Die Übung wurde nach 0:42 abgebrochen.").
    remarks: tuple[str, ...] = field(default_factory=tuple)

    def figure(self, key: str) -> Figure | None:
        return next((f for f in self.figures if f.key == key), None)

    @property
    def empty(self) -> bool:
        """Nothing happened: no inject, no answer, no message."""
        return not self.timeline and not self.messages
