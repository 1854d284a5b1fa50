"""Running a drill: start it from a playbook, run its clock, let injects arrive.

The clock lives in the database (its runs), so every console at the desk reads the same
drill time, and a drill survives a restart: a drill whose consoles all stopped is paused
at the last moment one of them advanced it (`recover`).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from kriseninfo.clock import Clock, utc_now
from kriseninfo.domain import SYSTEM, IncidentMode, IncidentStatus, Person
from kriseninfo.drills.arrivals import CHANNEL_NAMES, arrive
from kriseninfo.drills.clock import Run, check_speed, drill_time
from kriseninfo.drills.clock import hms as _hms
from kriseninfo.drills.marks import DEFAULT_PREFIX
from kriseninfo.drills.records import DrillView, InjectView, TimelinePost
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.incidents.rows import open_incident
from kriseninfo.incidents.service import IncidentService
from kriseninfo.journal import journal
from kriseninfo.journal.actions import Action
from kriseninfo.messagesets.incident_playbook import IncidentPlaybookService
from kriseninfo.playbooks.kinds import Category, InjectChannel
from kriseninfo.playbooks.schema import Playbook, parse_offset
from kriseninfo.publishing.states import DeliveryState
from kriseninfo.storage.database import Database
from kriseninfo.storage.models import (
    ChannelAccount,
    Delivery,
    DialogItem,
    Drill,
    DrillInject,
    DrillRun,
    Incident,
    SandboxPost,
    User,
)
from kriseninfo.triage.classify import TriageFor, lexicon_only
from kriseninfo.validation import strip_controls

log = logging.getLogger(__name__)

#: A running drill no console has advanced for this long is paused where it was.
STALE = timedelta(minutes=2)


class DrillService:
    def __init__(
        self,
        database: Database,
        incidents: IncidentService,
        plans: IncidentPlaybookService,
        clock: Clock = utc_now,
        triage: TriageFor = lexicon_only,
    ):
        self._db = database
        self._incidents = incidents
        self._plans = plans
        self._clock = clock
        self._triage = triage

    # -- starting and reading ----------------------------------------------------------
    def start(
        self,
        playbook: Playbook,
        by: Person,
        *,
        speed: float = 1.0,
        title: str = "",
        prefix: str = DEFAULT_PREFIX,
    ) -> DrillView:
        """A new drill incident following `playbook`, its clock running from 0, its
        injects waiting in the order of their offsets (a playbook may list them out of
        order: the clock decides)."""
        try:
            speed = check_speed(speed)
        except ValueError as exc:
            raise KriseninfoError(ErrorCode.INVALID_INPUT, str(exc), {"field": "speed"}) from exc
        # A drill is always marked: an empty mark falls back to the default.
        prefix = " ".join(strip_controls(prefix).split())[:40] or DEFAULT_PREFIX
        name = title.strip() or f"{prefix}: {playbook.title}"
        incident = self._incidents.create(name, playbook.kind, IncidentMode.DRILL, by.actor)
        self._plans.attach(incident, playbook, by)
        now = self._clock()
        with self._db.session() as session:
            open_incident(session, incident.id, for_update=True)
            duration = parse_offset(playbook.drill_duration) if playbook.drill_duration else None
            drill = Drill(
                incident_id=incident.id,
                playbook_id=playbook.id,
                playbook_version=playbook.version,
                duration_s=duration.total_seconds() if duration else None,
                prefix=prefix,
                started_at=now,
                started_by=by.id,
                heartbeat_at=now,
            )
            session.add(drill)
            session.flush()
            session.add(DrillRun(drill_id=drill.id, wall_from=now, drill_from=0.0, speed=speed))
            scripted = sorted(playbook.injects, key=lambda i: i.offset)  # stable
            for inject in scripted:
                session.add(
                    DrillInject(
                        drill_id=drill.id,
                        at_s=inject.offset.total_seconds(),
                        phase_id=inject.phase or "",
                        channel=inject.channel.value,
                        author=inject.author,
                        text=inject.text,
                        expect_category=inject.expect.category.value,
                        expect_answer=inject.expect.answer or "",
                        note=inject.expect.note,
                        manual=False,
                    )
                )
            journal.append(
                session,
                at=now,
                actor=by.actor,
                action=Action.DRILL_STARTED,
                incident_id=incident.id,
                field="drill",
                new_value=f"{playbook.id} {playbook.version}, {len(scripted)} Einspielungen, "
                f"Übungsuhr {speed:g}×",
            )
            session.flush()
            return _view(session, drill)

    def get(self, incident_id: int) -> DrillView | None:
        with self._db.session(readonly=True) as session:
            drill = _drill(session, incident_id)
            return _view(session, drill) if drill else None

    def all(self) -> list[DrillView]:
        """Every drill, the latest first."""
        with self._db.session(readonly=True) as session:
            rows = session.scalars(select(Drill).order_by(Drill.id.desc()))
            return [_view(session, row) for row in rows]

    def timeline(self, incident_id: int, after_id: int = 0) -> list[TimelinePost]:
        """The Übungs-Timeline: every post the drill would have published, in order."""
        with self._db.session(readonly=True) as session:
            drill = _drill(session, incident_id)
            runs = _clock_runs(_runs(session, drill.id)) if drill else ()
            rows = session.execute(
                select(SandboxPost, ChannelAccount.name, Delivery.state)
                .join(ChannelAccount, ChannelAccount.id == SandboxPost.account_id)
                .join(Delivery, Delivery.id == SandboxPost.delivery_id)
                .where(SandboxPost.incident_id == incident_id, SandboxPost.id > after_id)
                .order_by(SandboxPost.id)
            ).tuples()
            injects = dict(
                session.execute(
                    select(DrillInject.id, DrillInject.author + ": " + DrillInject.text).where(
                        DrillInject.drill_id == (drill.id if drill else -1)
                    )
                )
                .tuples()
                .all()
            )
            return [
                TimelinePost(
                    id=post.id,
                    account_name=name,
                    platform=post.platform,
                    subject=post.subject,
                    text=post.text,
                    reply_to=post.reply_to,
                    reply_label=_reply_label(post.reply_to, injects),
                    posted_at=post.posted_at,
                    drill_s=drill_time(runs, post.posted_at),
                    retracted=state == DeliveryState.WITHDRAWN.value,
                )
                for post, name, state in rows
            ]

    # -- the clock ---------------------------------------------------------------------
    def pause(self, incident_id: int, by: Person) -> DrillView:
        return self._clock_change(incident_id, by, None, "angehalten")

    def resume(self, incident_id: int, by: Person) -> DrillView:
        return self._clock_change(incident_id, by, 0.0, "weiter")

    def set_speed(self, incident_id: int, speed: float, by: Person) -> DrillView:
        try:
            speed = check_speed(speed)
        except ValueError as exc:
            raise KriseninfoError(ErrorCode.INVALID_INPUT, str(exc), {"field": "speed"}) from exc
        return self._clock_change(incident_id, by, speed, f"{speed:g}×")

    def _clock_change(
        self, incident_id: int, by: Person, speed: float | None, what: str
    ) -> DrillView:
        """speed None: pause; 0.0: resume at the last speed; else: that speed from now on
        (a paused clock stays paused and takes the speed when it resumes)."""
        now = self._clock()
        with self._db.session() as session:
            drill = _locked(session, incident_id)
            if drill.ended_at is not None:
                raise KriseninfoError(
                    ErrorCode.NOT_ALLOWED_NOW, f"the drill of incident {incident_id} has ended"
                )
            runs = _runs(session, drill.id)
            last = runs[-1]
            running = last.wall_to is None
            reading = drill_time(_clock_runs(runs), now)
            if (speed is None and not running) or (speed == 0.0 and running):
                return _view(session, drill)
            if speed not in (None, 0.0) and last.speed == speed:
                return _view(session, drill)
            if running:
                last.wall_to = now
            if speed is not None:
                session.add(
                    DrillRun(
                        drill_id=drill.id,
                        wall_from=now,
                        # paused and a new speed: a run of no length keeps it for "weiter"
                        wall_to=None if running or speed == 0.0 else now,
                        drill_from=reading,
                        speed=last.speed if speed == 0.0 else speed,
                    )
                )
            drill.heartbeat_at = now
            journal.append(
                session,
                at=now,
                actor=by.actor,
                action=Action.DRILL_CLOCK_CHANGED,
                incident_id=incident_id,
                field="drill clock",
                new_value=f"{what} bei {_hms(reading)}",
            )
            session.flush()
            return _view(session, drill)

    def end(self, incident_id: int, by: Person) -> DrillView:
        """Stop the clock for good (also of a drill whose incident was closed)."""
        now = self._clock()
        with self._db.session() as session:
            drill = _locked(session, incident_id, open_only=False)
            if drill.ended_at is not None:
                return _view(session, drill)
            runs = _runs(session, drill.id)
            if runs[-1].wall_to is None:
                runs[-1].wall_to = now
            drill.ended_at = now
            journal.append(
                session,
                at=now,
                actor=by.actor,
                action=Action.DRILL_ENDED,
                incident_id=incident_id,
                field="drill",
                new_value=f"bei {_hms(drill_time(_clock_runs(runs), now))}",
            )
            session.flush()
            return _view(session, drill)

    def recover(self) -> list[int]:
        """Pause every running drill no console has advanced for a while, at the moment
        it was last advanced: after a restart it resumes where it was, clock included.
        Returns the incidents paused."""
        now = self._clock()
        paused = []
        with self._db.session() as session:
            stale = session.scalars(
                select(Drill)
                .where(Drill.ended_at.is_(None), Drill.heartbeat_at < now - STALE)
                .with_for_update()
            )
            for drill in stale:
                if _pause_if_stale(session, drill, _runs(session, drill.id), now):
                    paused.append(drill.incident_id)
        return paused

    # -- injects -----------------------------------------------------------------------
    def add_inject(
        self,
        incident_id: int,
        by: Person,
        *,
        channel: InjectChannel,
        author: str,
        text: str,
        category: Category,
        at_s: float | None = None,
        answer: str = "",
        note: str = "",
    ) -> InjectView:
        """An inject by the exercise lead: due now (or at `at_s` on the drill clock)."""
        text = strip_controls(text).strip()
        author = " ".join(strip_controls(author).split())[:300]
        if not text or not author:
            raise KriseninfoError(
                ErrorCode.INVALID_INPUT,
                "an inject needs a sender and a text",
                {"field": "text" if author else "author"},
            )
        now = self._clock()
        with self._db.session() as session:
            drill = _locked(session, incident_id)
            if drill.ended_at is not None:
                raise KriseninfoError(ErrorCode.INVALID_INPUT, "the drill has ended")
            reading = drill_time(_clock_runs(_runs(session, drill.id)), now)
            row = DrillInject(
                drill_id=drill.id,
                at_s=reading if at_s is None else max(0.0, at_s),
                phase_id="",
                channel=channel.value,
                author=author,
                text=text,
                expect_category=category.value,
                expect_answer=answer,
                note=note.strip(),
                manual=True,
                added_by=by.id,
            )
            session.add(row)
            session.flush()
            journal.append(
                session,
                at=now,
                actor=by.actor,
                action=Action.DRILL_INJECT_ADDED,
                incident_id=incident_id,
                field=f"inject {row.id}",
                new_value=f"{CHANNEL_NAMES[channel]}, {author}, bei {_hms(row.at_s)}",
            )
            return _inject(row)

    def advance(self, incident_id: int) -> list[int]:
        """Let every inject that is due arrive in the dialog feed; returns the new items'
        ids. Any console may call it any time: each inject arrives once."""
        now = self._clock()
        with self._db.session() as session:
            drill = _locked(session, incident_id, open_only=False)
            if drill.ended_at is not None:
                return []
            runs = _runs(session, drill.id)
            if _close_with_incident(session, drill, runs) or _pause_if_stale(
                session, drill, runs, now
            ):
                return []
            if runs[-1].wall_to is None:
                drill.heartbeat_at = now
            reading = drill_time(_clock_runs(runs), now)
            due = session.scalars(
                select(DrillInject)
                .where(
                    DrillInject.drill_id == drill.id,
                    DrillInject.item_id.is_(None),
                    DrillInject.at_s <= reading,
                )
                .order_by(DrillInject.at_s, DrillInject.id)
            ).all()
            made = []
            for inject in due:
                item = arrive(session, drill, inject, now, self._triage(session, drill.incident_id))
                inject.item_id = item.id
                inject.arrived_s = reading
                made.append(item.id)
            return made

    def advance_running(self) -> dict[int, list[int]]:
        """`advance` every running drill (a console does it every second): the new
        items by incident."""
        with self._db.session(readonly=True) as session:
            running = list(
                session.scalars(
                    select(Drill.incident_id)
                    .join(DrillRun, DrillRun.drill_id == Drill.id)
                    .where(Drill.ended_at.is_(None), DrillRun.wall_to.is_(None))
                    .order_by(Drill.id)
                )
            )
        made = {}
        for incident_id in running:
            try:
                made[incident_id] = self.advance(incident_id)
            except KriseninfoError as error:  # one drill's trouble must not stop the others
                log.warning("drill of incident %s not advanced: %s", incident_id, error.detail)
        return {incident_id: items for incident_id, items in made.items() if items}


# -- rows ------------------------------------------------------------------------------
def _drill(session: Session, incident_id: int) -> Drill | None:
    return session.scalars(select(Drill).where(Drill.incident_id == incident_id)).first()


def _locked(session: Session, incident_id: int, open_only: bool = True) -> Drill:
    if open_only:
        open_incident(session, incident_id, for_update=True)
    drill = session.scalars(
        select(Drill).where(Drill.incident_id == incident_id).with_for_update()
    ).first()
    if drill is None:
        raise KriseninfoError(ErrorCode.NOT_FOUND, f"incident {incident_id} is not a drill")
    return drill


def _pause_if_stale(session: Session, drill: Drill, runs: list[DrillRun], now: datetime) -> bool:
    """A running drill no console advanced for a while (all were off, or asleep) stops
    at the moment it was last advanced, so nothing floods in and it resumes there."""
    last = runs[-1]
    beat = drill.heartbeat_at
    if last.wall_to is not None or beat is None or beat >= now - STALE:
        return False
    last.wall_to = max(beat, last.wall_from)
    reading = drill_time(_clock_runs(runs), last.wall_to)
    journal.append(
        session,
        at=now,
        actor=SYSTEM,
        action=Action.DRILL_CLOCK_CHANGED,
        incident_id=drill.incident_id,
        field="drill clock",
        new_value=f"angehalten bei {_hms(reading)}: keine Konsole lief",
    )
    return True


def _close_with_incident(session: Session, drill: Drill, runs: list[DrillRun]) -> bool:
    """A drill whose incident was closed ends with it, at the moment it was closed."""
    closed = session.scalar(
        select(Incident.closed_at).where(
            Incident.id == drill.incident_id, Incident.status == IncidentStatus.CLOSED
        )
    )
    if closed is None:
        return False
    if runs[-1].wall_to is None:
        runs[-1].wall_to = max(closed, runs[-1].wall_from)
    drill.ended_at = closed
    return True


def _runs(session: Session, drill_id: int) -> list[DrillRun]:
    return list(
        session.scalars(select(DrillRun).where(DrillRun.drill_id == drill_id).order_by(DrillRun.id))
    )


def _clock_runs(rows: list[DrillRun]) -> tuple[Run, ...]:
    return tuple(Run(r.wall_from, r.wall_to, r.drill_from, r.speed) for r in rows)


def _reply_label(reply_to: str, injects: dict[int, str]) -> str:
    """ "uebung:inject:7" as the inject it names, shortened; other targets as they are."""
    number = reply_to.removeprefix("uebung:inject:")
    if number != reply_to and number.isdigit() and int(number) in injects:
        text = " ".join(injects[int(number)].split())
        return text if len(text) <= 90 else text[:89] + "…"
    return reply_to


def _inject(
    row: DrillInject, item: DialogItem | None = None, runs: tuple[Run, ...] = (), who: str = ""
) -> InjectView:
    answered = item.answered_at if item is not None else None
    return InjectView(
        id=row.id,
        at_s=row.at_s,
        phase_id=row.phase_id,
        channel=row.channel,
        author=row.author,
        text=row.text,
        expect_category=row.expect_category,
        expect_answer=row.expect_answer,
        note=row.note,
        manual=row.manual,
        item_id=row.item_id,
        arrived_s=row.arrived_s,
        item_state=item.state if item is not None else "",
        handled_by=who,
        answered_s=drill_time(runs, answered) if answered is not None else None,
    )


def _view(session: Session, drill: Drill) -> DrillView:
    rows = session.execute(
        select(DrillInject, DialogItem)
        .outerjoin(DialogItem, DialogItem.id == DrillInject.item_id)
        .where(DrillInject.drill_id == drill.id)
        .order_by(DrillInject.at_s, DrillInject.id)
    ).tuples()
    title = session.scalar(select(Incident.title).where(Incident.id == drill.incident_id))
    runs = _clock_runs(_runs(session, drill.id))
    names = dict(session.execute(select(User.id, User.name)).tuples().all())

    def who(item: DialogItem | None) -> str:
        if item is None:
            return ""
        return names.get(item.answered_by or item.claimed_by or 0, "")

    return DrillView(
        id=drill.id,
        incident_id=drill.incident_id,
        title=title or "",
        playbook_id=drill.playbook_id,
        playbook_version=drill.playbook_version,
        prefix=drill.prefix,
        duration_s=drill.duration_s,
        started_at=drill.started_at,
        ended_at=drill.ended_at,
        runs=runs,
        injects=tuple(_inject(row, item, runs, who(item)) for row, item in rows),
    )
