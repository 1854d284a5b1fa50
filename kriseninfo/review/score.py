"""The figures of an after-action review, read from an incident's record.

Everything is timed on the incident's clock: a drill's drill clock (pauses left out, its
speed taken out), a real incident's wall clock from its opening. A drill can be reviewed
while it runs; a real incident once it is closed.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from kriseninfo.clock import Clock, utc_now
from kriseninfo.dialog.states import ItemState
from kriseninfo.dialog.targets import ResponseTargets
from kriseninfo.domain import IncidentMode, IncidentStatus
from kriseninfo.drills.clock import Run, drill_time
from kriseninfo.drills.clock import hms as _hms
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.journal.actions import Action
from kriseninfo.messagesets.completeness import Element, missing_elements
from kriseninfo.messagesets.kinds import SetPurpose
from kriseninfo.playbooks.kinds import Category
from kriseninfo.playbooks.schema import Playbook
from kriseninfo.publishing.states import DeliveryState
from kriseninfo.review.model import (
    Better,
    EventKind,
    Figure,
    PublishedMessage,
    Review,
    TimelineEvent,
    Unit,
)
from kriseninfo.review.wording import CATEGORY, CHANNEL, ELEMENT, PURPOSE
from kriseninfo.storage.database import Database
from kriseninfo.storage.models import (
    ChannelAccount,
    DialogItem,
    Drill,
    DrillInject,
    DrillRun,
    FeedSource,
    Incident,
    IncidentPlaybook,
    JournalEntry,
    Message,
    MessageSet,
    SandboxPost,
)
from kriseninfo.storage.models import Delivery as DeliveryRow

#: Sets that warn or inform the public (not answers to one person).
_WARNINGS = {SetPurpose.ERSTMELDUNG.value, SetPurpose.UPDATE.value, SetPurpose.ENTWARNUNG.value}
_EMERGENCY_ADVICE = "112"


@dataclass(frozen=True)
class _Text:
    channel: str
    language: str
    text: str


@dataclass(frozen=True)
class _Item:
    id: int
    arrived: float
    answered: float | None  # given an answer (not "erledigt" without one)
    handled: float | None  # answered or closed: no longer waiting
    category: Category | None
    answer: str
    lane: str


class Reviewer:
    def __init__(
        self,
        database: Database,
        find_playbook: Callable[[str], Playbook],
        clock: Clock = utc_now,
    ):
        self._db = database
        self._find = find_playbook
        self._clock = clock

    def review(self, incident_id: int, with_previous: bool = True) -> Review:
        targets = ResponseTargets(self._db, self._clock).all()
        with self._db.session(readonly=True) as session:
            incident = session.get(Incident, incident_id)
            if incident is None:
                raise KriseninfoError(ErrorCode.NOT_FOUND, f"incident {incident_id} not found")
            drill = session.scalars(select(Drill).where(Drill.incident_id == incident_id)).first()
            is_drill = incident.mode is IncidentMode.DRILL
            if not is_drill and incident.status is not IncidentStatus.CLOSED:
                raise KriseninfoError(
                    ErrorCode.INVALID_INPUT,
                    f"incident {incident_id} is open: its review comes once it is closed",
                    {"field": "incident"},
                )
            review = _Scorer(session, incident, drill, targets, self._clock(), self._find).run()
            previous_id = _previous(session, drill) if with_previous and drill else None
        if previous_id is not None:
            return _with_previous(review, self.review(previous_id, with_previous=False))
        return review


def _previous(session: Session, drill: Drill) -> int | None:
    """The ended drill of the same playbook before this one."""
    return session.scalar(
        select(Drill.incident_id)
        .where(
            Drill.playbook_id == drill.playbook_id,
            Drill.id < drill.id,
            Drill.ended_at.is_not(None),
        )
        .order_by(Drill.id.desc())
        .limit(1)
    )


def _with_previous(review: Review, previous: Review) -> Review:
    return replace(review, previous=previous)


class _Scorer:
    def __init__(
        self,
        session: Session,
        incident: Incident,
        drill: Drill | None,
        targets: dict[Category, timedelta],
        now: datetime,
        find: Callable[[str], Playbook],
    ):
        self.s = session
        self.incident = incident
        self.drill = drill
        self.targets = targets
        self.now = now
        self.playbook_id = drill.playbook_id if drill else _playbook_of(session, incident.id)
        try:
            self.playbook: Playbook | None = find(self.playbook_id) if self.playbook_id else None
        except KriseninfoError:
            self.playbook = None  # removed since: the review still works without titles
        if drill is not None:
            rows = session.scalars(
                select(DrillRun).where(DrillRun.drill_id == drill.id).order_by(DrillRun.id)
            )
            self.runs = tuple(Run(r.wall_from, r.wall_to, r.drill_from, r.speed) for r in rows)
        else:
            self.runs = (Run(incident.created_at, incident.closed_at, 0.0, 1.0),)
        self.end_wall = (drill.ended_at if drill else incident.closed_at) or now

    def at(self, wall: datetime) -> float:
        return drill_time(self.runs, wall)

    def run(self) -> Review:
        items = self._items()
        injects = self._injects()
        messages, first_texts, first_at = self._messages()
        phases = self._phases()
        figures: list[Figure] = [
            Figure(
                "first_warning",
                "Erste Warnung veröffentlicht nach",
                first_at,
                Unit.SECONDS,
                Better.LOWER,
                "" if first_at is not None else "Keine Warnung veröffentlicht",
            ),
            *self._completeness(first_texts),
            *(
                Figure(
                    f"phase:{pid}", f"Phase „{title}“ erreicht nach", at, Unit.SECONDS, Better.LOWER
                )
                for pid, title, at in phases
            ),
            *self._responses(items),
            *self._injects_figures(injects, items),
        ]
        timeline: list[TimelineEvent] = []
        for item in items.values():
            timeline.append(TimelineEvent(item.arrived, EventKind.INJECT, item.lane, "Eingang"))
            if item.answered is not None:
                label = CATEGORY[item.category or Category.FRAGE]
                timeline.append(TimelineEvent(item.answered, EventKind.ANSWER, item.lane, label))
        for message in messages:
            if message.at is not None:
                timeline.append(
                    TimelineEvent(message.at, EventKind.MESSAGE, message.channel, message.title)
                )
        for _pid, title, at in phases:
            if at is not None:
                timeline.append(TimelineEvent(at, EventKind.PHASE, "Phase", title))
        timeline.sort(key=lambda e: (e.at, e.kind.value))
        responses: dict[str, list[float]] = {}
        for item in items.values():
            if item.answered is not None:
                label = CATEGORY[item.category or Category.FRAGE]
                responses.setdefault(label, []).append(item.answered - item.arrived)
        return Review(
            incident_id=self.incident.id,
            incident_title=self.incident.title,
            playbook_id=self.playbook_id,
            playbook_title=self.playbook.title if self.playbook else self.playbook_id,
            drill=self.incident.mode is IncidentMode.DRILL,
            speed=self.runs[-1].speed if self.runs else 1.0,
            started_at=self.runs[0].wall_from if self.runs else self.incident.created_at,
            ended_at=self.drill.ended_at if self.drill else self.incident.closed_at,
            duration=self.at(self.end_wall),
            figures=tuple(figures),
            response_times={k: tuple(v) for k, v in responses.items()},
            targets={CATEGORY[c]: t.total_seconds() for c, t in self.targets.items()},
            timeline=tuple(timeline),
            messages=tuple(messages),
            generated_at=self.now,
            remarks=tuple(self._remarks(injects)),
        )

    # -- what arrived and how it was answered ----------------------------------------------
    def _items(self) -> dict[int, _Item]:
        sources = dict(
            self.s.execute(
                select(FeedSource.id, FeedSource.name).where(
                    FeedSource.incident_id == self.incident.id
                )
            )
            .tuples()
            .all()
        )
        found = {}
        for row in self.s.scalars(
            select(DialogItem)
            .where(DialogItem.incident_id == self.incident.id)
            .order_by(DialogItem.id)
        ):
            category = Category(row.category) if row.category in CATEGORY_VALUES else None
            found[row.id] = _Item(
                id=row.id,
                arrived=self.at(row.received_at),
                answered=(
                    self.at(row.answered_at)
                    if row.answered_at and row.state != ItemState.ERLEDIGT.value
                    else None
                ),
                handled=self.at(row.answered_at) if row.answered_at else None,
                category=category,
                answer=row.answer_text,
                lane=(sources.get(row.source_id or 0) or "Bürgertelefon").removeprefix("Übung · "),
            )
        return found

    def _injects(self) -> list[DrillInject]:
        if self.drill is None:
            return []
        return list(
            self.s.scalars(
                select(DrillInject)
                .where(DrillInject.drill_id == self.drill.id)
                .order_by(DrillInject.at_s, DrillInject.id)
            )
        )

    def _responses(self, items: dict[int, _Item]) -> list[Figure]:
        figures = []
        by_category: dict[Category, list[float]] = {}
        overdue = 0
        end = self.at(self.end_wall)
        for item in items.values():
            category = item.category or Category.FRAGE
            target = self.targets[category].total_seconds()
            waited = (item.handled if item.handled is not None else end) - item.arrived
            overdue += waited > target
            if item.answered is not None:
                by_category.setdefault(category, []).append(item.answered - item.arrived)
        for category in Category:
            times = by_category.get(category)
            if not times:
                continue
            label = CATEGORY[category]
            figures.append(
                Figure(
                    f"response_median:{category.value}",
                    f"Antwortzeit {label} (Median)",
                    statistics.median(times),
                    Unit.SECONDS,
                    Better.LOWER,
                    f"{len(times)} beantwortet",
                )
            )
            figures.append(
                Figure(
                    f"response_p90:{category.value}",
                    f"Antwortzeit {label} (90. Perzentil)",
                    _percentile(times, 0.9),
                    Unit.SECONDS,
                    Better.LOWER,
                )
            )
        figures.append(
            Figure(
                "overdue",
                "Über der Zielzeit beantwortet oder offen",
                float(overdue),
                Unit.COUNT,
                Better.LOWER,
                f"von {len(items)} Eingängen",
            )
        )
        return figures

    def _injects_figures(self, injects: list[DrillInject], items: dict[int, _Item]) -> list[Figure]:
        if self.drill is None:
            return []
        arrived = [i for i in injects if i.item_id is not None]
        unanswered = [i for i in arrived if items[i.item_id or 0].answered is None]
        emergencies = [i for i in arrived if i.expect_category == Category.NOTFALL.value]
        limit = self.targets[Category.NOTFALL].total_seconds()
        escalated = [
            i
            for i in emergencies
            if (item := items[i.item_id or 0]).answered is not None
            and _EMERGENCY_ADVICE in item.answer
            and item.answered - item.arrived <= limit
        ]
        rumours = [i for i in arrived if i.expect_category == Category.GERUECHT.value]
        corrected = [i for i in rumours if self._corrected(items[i.item_id or 0])]
        return [
            Figure(
                "injects_unanswered",
                "Einspielungen ohne Antwort",
                float(len(unanswered)),
                Unit.COUNT,
                Better.LOWER,
                f"von {len(arrived)} eingegangenen",
            ),
            Figure(
                "emergencies_escalated",
                "Notfälle richtig weitergeleitet (112, in der Zielzeit)",
                len(escalated) / len(emergencies) if emergencies else None,
                Unit.SHARE,
                Better.HIGHER,
                f"{len(escalated)} von {len(emergencies)}" if emergencies else "keine Notfälle",
            ),
            Figure(
                "rumours_corrected",
                "Gerüchte richtiggestellt",
                len(corrected) / len(rumours) if rumours else None,
                Unit.SHARE,
                Better.HIGHER,
                f"{len(corrected)} von {len(rumours)}" if rumours else "keine Gerüchte",
            ),
        ]

    def _corrected(self, item: _Item) -> bool:
        """Answered, or a Richtigstellung went out after it came."""
        if item.answered is not None:
            return True
        for created in self.s.scalars(
            select(MessageSet.created_at).where(
                MessageSet.incident_id == self.incident.id,
                MessageSet.purpose == SetPurpose.RICHTIGSTELLUNG.value,
            )
        ):
            if self.at(created) >= item.arrived and self._published_set(created):
                return True
        return False

    def _published_set(self, created: datetime) -> bool:
        return bool(
            self.s.scalar(
                select(DeliveryRow.id)
                .join(MessageSet, MessageSet.id == DeliveryRow.set_id)
                .where(
                    MessageSet.created_at == created,
                    MessageSet.incident_id == self.incident.id,
                    DeliveryRow.state == DeliveryState.SENT.value,
                )
                .limit(1)
            )
        )

    # -- what the desk published -------------------------------------------------------------
    def _messages(self) -> tuple[list[PublishedMessage], list[_Text], float | None]:
        """What was published, in order; the first warning's texts (every channel and
        language of its set) and when its first part went out."""
        rows = self.s.execute(
            select(DeliveryRow, Message, MessageSet, ChannelAccount)
            .join(Message, Message.id == DeliveryRow.message_id)
            .join(MessageSet, MessageSet.id == DeliveryRow.set_id)
            .join(ChannelAccount, ChannelAccount.id == DeliveryRow.account_id)
            .where(
                DeliveryRow.incident_id == self.incident.id,
                DeliveryRow.state == DeliveryState.SENT.value,
                DeliveryRow.sent_at.is_not(None),
            )
            .order_by(DeliveryRow.sent_at, DeliveryRow.id)
        ).tuples()
        shown = dict(
            self.s.execute(
                select(SandboxPost.delivery_id, SandboxPost.text).where(
                    SandboxPost.incident_id == self.incident.id
                )
            )
            .tuples()
            .all()
        )
        messages = []
        first: list[_Text] = []
        first_set, first_at = None, None
        for delivery, message, message_set, account in rows:
            parts: list[str] = json.loads(message.parts_json)
            text = shown.get(delivery.id) or (
                parts[delivery.part] if delivery.part < len(parts) else ""
            )
            at = self.at(delivery.sent_at) if delivery.sent_at else None
            if first_set is None and message_set.purpose in _WARNINGS:
                first_set, first_at = message_set.id, at
            channel = f"{account.name} ({CHANNEL.get(account.platform, account.platform)})"
            if message_set.id == first_set:
                first.append(_Text(channel, message.language, text))
            title = PURPOSE.get(message_set.purpose, message_set.purpose)
            messages.append(PublishedMessage(at, channel, title, text))
        return messages, first, first_at

    def _completeness(self, texts: list[_Text]) -> list[Figure]:
        """The four elements, found in any of the first warning's texts (a short post
        may leave the next update to the website); the note names German texts that
        lack an element."""
        if not texts:
            return [
                Figure(
                    "first_warning_complete",
                    "Erste Warnung vollständig",
                    None,
                    Unit.SHARE,
                    Better.HIGHER,
                    "Keine Warnung veröffentlicht",
                )
            ]
        absent = [set(missing_elements(t.text, t.language)) for t in texts]
        missing = [e for e in Element if all(e in gaps for gaps in absent)]
        lacking = [
            f"{t.channel} ohne {', '.join(ELEMENT[e] for e in Element if e in gaps)}"
            for t, gaps in zip(texts, absent, strict=True)
            if gaps and t.language == "de"
        ]
        note = "fehlt: " + ", ".join(ELEMENT[e] for e in missing) if missing else "alles enthalten"
        if lacking:
            note += "; " + "; ".join(dict.fromkeys(lacking))
        return [
            Figure(
                "first_warning_complete",
                "Erste Warnung vollständig (Was, Was tun, Wo mehr, Nächste Meldung)",
                (len(Element) - len(missing)) / len(Element),
                Unit.SHARE,
                Better.HIGHER,
                note,
            )
        ]

    def _phases(self) -> list[tuple[str, str, float | None]]:
        """Each phase of the playbook after the first: when the desk moved to it."""
        if self.playbook is None:
            return []
        reached: dict[str, float] = {}
        for at, value in self.s.execute(
            select(JournalEntry.recorded_at, JournalEntry.new_value)
            .where(
                JournalEntry.incident_id == self.incident.id,
                JournalEntry.action == Action.PHASE_CHANGED.value,
            )
            .order_by(JournalEntry.seq)
        ).tuples():
            if value and value not in reached:
                reached[value] = self.at(at)
        return [(p.id, p.title, reached.get(p.id)) for p in self.playbook.phases[1:]]

    def _remarks(self, injects: Sequence[DrillInject]) -> list[str]:
        remarks = []
        if self.drill is not None:
            if self.drill.ended_at is None:
                remarks.append("Die Übung läuft noch; die Zahlen sind ein Zwischenstand.")
            waiting = [i for i in injects if i.item_id is None]
            if waiting and self.drill.ended_at is not None:
                remarks.append(
                    (
                        "1 Einspielung ist"
                        if len(waiting) == 1
                        else f"{len(waiting)} Einspielungen sind"
                    )
                    + " nicht mehr eingegangen (die Übung endete vorher)."
                )
            manual = sum(1 for i in injects if i.manual)
            if manual:
                remarks.append(
                    ("1 Einspielung" if manual == 1 else f"{manual} Einspielungen")
                    + " hat die Übungsleitung von Hand ergänzt."
                )
            if self.drill.duration_s and self.at(self.end_wall) < self.drill.duration_s:
                remarks.append(
                    f"Die Übung endete bei {_hms(self.at(self.end_wall))} "
                    f"von geplant {_hms(self.drill.duration_s)}."
                )
        return remarks


CATEGORY_VALUES = frozenset(c.value for c in Category)


def _playbook_of(session: Session, incident_id: int) -> str:
    link = session.get(IncidentPlaybook, incident_id)
    return link.playbook_id if link else ""


def _percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile: the value `share` of the answers were at or under."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * share // 1))
    return ordered[int(rank) - 1]
