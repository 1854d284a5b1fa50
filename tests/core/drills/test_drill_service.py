"""Running a drill: its clock, its injects arriving once, pausing, a restart, the lead's
own injects, and the incident's mode fixed for good."""

from __future__ import annotations

import pytest
from sqlalchemy import text, update

from kriseninfo.context import AppContext, open_context
from kriseninfo.domain import IncidentKind, IncidentMode, Person
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.incidents.lagebild import LagebildField
from kriseninfo.options import Options
from kriseninfo.playbooks.kinds import Category, InjectChannel
from kriseninfo.playbooks.schema import Playbook
from kriseninfo.storage.models import Incident
from tests.conftest import FakeClock
from tests.core.drills.conftest import write_book


def test_a_drill_is_a_drill_incident_following_its_playbook(
    context: AppContext, leitung: Person, book: Playbook
) -> None:
    drill = context.drills.start(book, leitung, speed=60)
    incident = context.incidents.get(drill.incident_id)
    assert incident.mode is IncidentMode.DRILL
    assert incident.title == "ÜBUNG: Kurzübung"
    assert context.plans.get(drill.incident_id).playbook_id == "kurzuebung"  # type: ignore[union-attr]
    assert drill.running and drill.speed == 60.0 and drill.duration_s == 180.0
    # The file lists them out of order; the clock decides.
    assert [i.at_s for i in drill.injects] == [30.0, 90.0, 120.0]
    assert not any(i.arrived for i in drill.injects)


def test_injects_arrive_on_the_drill_clock_once(
    context: AppContext, leitung: Person, book: Playbook, clock: FakeClock
) -> None:
    clock.step = type(clock.step)(0)
    drill = context.drills.start(book, leitung, speed=60)
    assert context.drills.advance(drill.incident_id) == []
    clock.advance(seconds=0.6)  # 36 s on the drill clock: the first is due
    first = context.drills.advance(drill.incident_id)
    assert len(first) == 1
    assert context.drills.advance(drill.incident_id) == []  # never twice
    # The exercise lead sees what the team does with it.
    context.dialog.claim(first[0], leitung)
    taken = context.drills.get(drill.incident_id).injects[0]  # type: ignore[union-attr]
    assert (taken.item_state, taken.handled_by) == ("in_arbeit", "Anna Adler")
    clock.advance(seconds=0.2)  # 12 s on the drill clock
    context.answers.answer(first, "Sobald die Gefahr vorbei ist.", leitung)
    done = context.drills.get(drill.incident_id).injects[0]  # type: ignore[union-attr]
    assert done.item_state == "beantwortet" and done.answered_s == pytest.approx(48.0)
    item = context.dialog.get(first[0])
    assert item.text == "Wann darf ich wieder nach Hause?"
    assert item.author == "@anna@example.social"
    assert item.source_name == "Übung · Mastodon"
    assert context.sources.for_incident(drill.incident_id) == []  # nothing polled, no health
    clock.advance(seconds=2)  # 168 s: the emergency and the rumour
    rest = context.drills.advance(drill.incident_id)
    assert [context.dialog.get(i).text[:10] for i in rest] == ["Ich bin ei", "Angeblich "]
    seen = context.drills.get(drill.incident_id)
    assert seen is not None and all(i.arrived for i in seen.injects)
    assert [round(i.arrived_s or 0) for i in seen.injects] == [36, 168, 168]


def test_a_paused_clock_stands_still_and_resumes_where_it_was(
    context: AppContext, leitung: Person, book: Playbook, clock: FakeClock
) -> None:
    clock.step = type(clock.step)(0)
    drill = context.drills.start(book, leitung, speed=10)
    clock.advance(seconds=2)  # 20 s
    paused = context.drills.pause(drill.incident_id, leitung)
    assert not paused.running and paused.now(clock()) == 20.0
    clock.advance(minutes=30)
    assert context.drills.advance(drill.incident_id) == []  # nothing is due in a pause
    resumed = context.drills.resume(drill.incident_id, leitung)
    assert resumed.running and resumed.now(clock()) == 20.0 and resumed.speed == 10.0
    clock.advance(seconds=1)
    faster = context.drills.set_speed(drill.incident_id, 60, leitung)
    assert faster.now(clock()) == 30.0 and faster.speed == 60.0
    clock.advance(seconds=1)
    assert faster.now(clock()) == 90.0
    with pytest.raises(KriseninfoError) as wrong:
        context.drills.set_speed(drill.incident_id, 120, leitung)
    assert wrong.value.code is ErrorCode.INVALID_INPUT


def test_a_drill_resumes_after_a_restart_clock_included(
    options: Options, leitung: Person, book: Playbook, clock: FakeClock, context: AppContext
) -> None:
    """The console died while the drill ran: the next start pauses it at the last moment
    a console advanced it, so no inject piles up and the clock reads where it was."""
    clock.step = type(clock.step)(0)
    drill = context.drills.start(book, leitung, speed=60)
    clock.advance(seconds=1)
    assert len(context.drills.advance(drill.incident_id)) == 1  # at 60 s drill time
    context.close()

    clock.advance(hours=3)  # the laptop was off
    again = open_context(options, clock)
    try:
        assert again.drills.recover() == [drill.incident_id]
        paused = again.drills.get(drill.incident_id)
        assert paused is not None and not paused.running
        assert paused.now(clock()) == 60.0
        assert again.drills.advance(drill.incident_id) == []
        again.drills.resume(drill.incident_id, leitung)
        clock.advance(seconds=0.6)  # 96 s: the emergency, nothing more
        assert len(again.drills.advance(drill.incident_id)) == 1
        assert again.drills.recover() == []  # a running, advanced drill stays running
    finally:
        again.close()


def test_the_exercise_lead_adds_injects_during_the_drill(
    context: AppContext, leitung: Person, book: Playbook, clock: FakeClock
) -> None:
    clock.step = type(clock.step)(0)
    drill = context.drills.start(book, leitung, speed=1)
    made = context.drills.add_inject(
        drill.incident_id,
        leitung,
        channel=InjectChannel.EMAIL,
        author="presse@example.org",
        text="Wie viele Verletzte gibt es?",
        category=Category.PRESSEANFRAGE,
    )
    assert made.manual and made.at_s == 0.0
    arrived = context.drills.advance(drill.incident_id)
    assert [context.dialog.get(i).source_name for i in arrived] == ["Übung · E-Mail"]
    with pytest.raises(KriseninfoError) as empty:
        context.drills.add_inject(
            drill.incident_id,
            leitung,
            channel=InjectChannel.EMAIL,
            author="x",
            text="  ",
            category=Category.FRAGE,
        )
    assert empty.value.code is ErrorCode.INVALID_INPUT
    context.drills.end(drill.incident_id, leitung)
    with pytest.raises(KriseninfoError):
        context.drills.add_inject(
            drill.incident_id,
            leitung,
            channel=InjectChannel.EMAIL,
            author="x",
            text="zu spät",
            category=Category.FRAGE,
        )
    assert context.drills.advance(drill.incident_id) == []


def test_a_playbook_without_injects_still_runs(
    context: AppContext, leitung: Person, clock: FakeClock
) -> None:
    empty = write_book(context, book_id="ohne", injects=[])
    drill = context.drills.start(empty, leitung, speed=60)
    assert drill.injects == () and drill.next_inject() is None
    clock.advance(minutes=10)
    assert context.drills.advance(drill.incident_id) == []


def test_injects_after_the_planned_end_are_a_warning_not_a_refusal(
    context: AppContext, leitung: Person, clock: FakeClock
) -> None:
    clock.step = type(clock.step)(0)
    late = write_book(
        context,
        book_id="spaet",
        duration="0:01",
        injects=[
            {
                "at": "0:05",
                "channel": "x",
                "author": "spät",
                "text": "Noch da?",
                "expect": {"category": "frage"},
            }
        ],
    )
    drill = context.drills.start(late, leitung, speed=60)
    assert [i.at_s for i in drill.injects] == [300.0]
    clock.advance(seconds=2)  # 2 min drill time: the planned end (1 min) has passed
    assert drill.over(clock())
    assert context.drills.advance(drill.incident_id) == []
    context.drills.end(drill.incident_id, leitung)
    remarks = context.reviews.review(drill.incident_id).remarks
    assert "1 Einspielung ist nicht mehr eingegangen (die Übung endete vorher)." in remarks


def test_drill_or_real_can_never_be_switched(
    context: AppContext, leitung: Person, book: Playbook
) -> None:
    drill = context.drills.start(book, leitung)
    with pytest.raises(KriseninfoError) as refused, context.database.session() as session:
        row = session.get(Incident, drill.incident_id)
        assert row is not None
        row.mode = IncidentMode.REAL
    assert refused.value.code is ErrorCode.PERMISSION_DENIED
    # Past the ORM too: the database itself refuses.
    with pytest.raises(KriseninfoError), context.database.session() as session:
        session.execute(
            update(Incident).where(Incident.id == drill.incident_id).values(mode="real")
        )
    with pytest.raises(KriseninfoError), context.database.session() as session:
        session.execute(text("UPDATE incident SET mode = 'real'"))
    assert context.incidents.get(drill.incident_id).mode is IncidentMode.DRILL
    # Other changes of the incident still work.
    context.incidents.set_field(drill.incident_id, LagebildField.HOTLINE, "02841 1", leitung.actor)


def test_only_drills_have_a_drill_clock(context: AppContext, leitung: Person) -> None:
    real = context.incidents.create("Echt", IncidentKind.SONSTIGE, IncidentMode.REAL, leitung.actor)
    assert context.drills.get(real.id) is None
    with pytest.raises(KriseninfoError) as refused:
        context.drills.advance(real.id)
    assert refused.value.code is ErrorCode.NOT_FOUND


def test_every_text_of_a_drill_carries_its_mark(
    context: AppContext, leitung: Person, book: Playbook
) -> None:
    """The mark is configurable; a drill without one is impossible."""
    from kriseninfo.counting.platforms import Platform
    from kriseninfo.messagesets.facts import examples

    context.accounts.create(Platform.MASTODON, "Stadt Moers", leitung)
    marked = context.drills.start(book, leitung, prefix="STABSRAHMENÜBUNG")
    context.plans.set_facts(marked.incident_id, book, examples(book), leitung)
    drafts = context.messagesets.generate(marked.incident_id, leitung).drafts
    assert drafts and all(d.parts[0].startswith("STABSRAHMENÜBUNG – ") for d in drafts)
    unmarked = context.drills.start(book, leitung, prefix="  ")
    assert unmarked.prefix == "ÜBUNG"
    assert context.incidents.get(unmarked.incident_id).title == "ÜBUNG: Kurzübung"


def test_an_ended_drill_stays_ended(
    context: AppContext, leitung: Person, book: Playbook, clock: FakeClock
) -> None:
    clock.step = type(clock.step)(0)
    drill = context.drills.start(book, leitung, speed=60)
    clock.advance(seconds=0.5)
    ended = context.drills.end(drill.incident_id, leitung)
    clock.advance(seconds=5)
    for change in (
        lambda: context.drills.resume(drill.incident_id, leitung),
        lambda: context.drills.set_speed(drill.incident_id, 10, leitung),
        lambda: context.drills.pause(drill.incident_id, leitung),
    ):
        with pytest.raises(KriseninfoError) as refused:
            change()
        assert refused.value.code is ErrorCode.NOT_ALLOWED_NOW
    again = context.drills.end(drill.incident_id, leitung)  # a second "beenden": nothing moves
    assert again.ended_at == ended.ended_at and again.now(clock()) == 30.0


def test_a_new_speed_while_paused_waits_for_the_resume(
    context: AppContext, leitung: Person, book: Playbook, clock: FakeClock
) -> None:
    clock.step = type(clock.step)(0)
    drill = context.drills.start(book, leitung, speed=60)
    clock.advance(seconds=0.25)  # 15 s
    context.drills.pause(drill.incident_id, leitung)
    slower = context.drills.set_speed(drill.incident_id, 1, leitung)
    assert not slower.running and slower.speed == 1.0
    clock.advance(minutes=1)
    assert context.drills.advance(drill.incident_id) == []  # still paused: nothing comes
    resumed = context.drills.resume(drill.incident_id, leitung)
    clock.advance(seconds=10)
    assert resumed.running and resumed.now(clock()) == 25.0  # on at 1×


def test_closing_a_drills_incident_ends_it_and_spares_the_other_drills(
    context: AppContext, leitung: Person, book: Playbook, clock: FakeClock
) -> None:
    clock.step = type(clock.step)(0)
    closed = context.drills.start(book, leitung, speed=60)
    other = context.drills.start(book, leitung, speed=60)
    clock.advance(seconds=0.2)
    context.incidents.close(closed.incident_id, leitung.actor)
    clock.advance(seconds=1)  # 72 s: the first inject of each is due
    made = context.drills.advance_running()
    assert list(made) == [other.incident_id]  # the closed one is not advanced …
    gone = context.drills.get(closed.incident_id)
    assert gone is not None and gone.ended and round(gone.now(clock())) == 12  # … it ended
    assert context.drills.end(closed.incident_id, leitung).ended  # and "beenden" still works


def test_a_drill_nobody_advanced_for_a_while_pauses_where_it_was(
    context: AppContext, leitung: Person, book: Playbook, clock: FakeClock
) -> None:
    """A laptop that slept half an hour: the injects of that half hour do not flood in."""
    clock.step = type(clock.step)(0)
    drill = context.drills.start(book, leitung, speed=1)
    clock.advance(seconds=20)
    assert context.drills.advance(drill.incident_id) == []  # advanced at 0:00:20
    clock.advance(minutes=30)
    assert context.drills.advance(drill.incident_id) == []  # paused at 0:00:20
    paused = context.drills.get(drill.incident_id)
    assert paused is not None and not paused.running and paused.now(clock()) == 20.0
