"""The after-action figures, read from what the desk did, on the drill clock."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from kriseninfo.context import AppContext
from kriseninfo.counting.platforms import Platform
from kriseninfo.dialog.answers import EMERGENCY_ID
from kriseninfo.domain import IncidentKind, IncidentMode, Person
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.messagesets.facts import examples
from kriseninfo.playbooks.schema import Playbook
from kriseninfo.review.compare import Verdict, compare
from kriseninfo.review.model import EventKind, Review
from kriseninfo.storage.models import DialogItem
from kriseninfo.triage.emergency import EMERGENCY_ANSWER
from tests.conftest import FakeClock
from tests.core.publishing.conftest import FREIGABE_PIN, Desk


def _value(review: Review, key: str) -> float | None:
    figure = review.figure(key)
    assert figure is not None, key
    return None if figure.value is None else round(figure.value, 3)


def _drill(desk: Desk, book: Playbook, clock: FakeClock, answer_after: float) -> int:
    """A drill at 60×: the first warning at 0:30, the question answered after
    `answer_after` wall seconds, a 10-minute pause, the emergency answered with 112 after
    3 s (drill), the rumour left alone; ended at 3:00."""
    context, editor = desk.context, desk.team["redaktion"]
    chief = desk.team["leitung"]
    drill = context.drills.start(book, chief, speed=60)
    incident_id = drill.incident_id
    context.plans.set_facts(incident_id, book, examples(book), editor)
    clock.advance(seconds=0.5)  # 0:30
    made = context.messagesets.generate(incident_id, editor)
    context.releases.submit(made.id, editor)
    context.releases.release(made.id, desk.team["freigabe"].id, FREIGABE_PIN)
    worker = desk.worker()
    worker.drain(10)
    worker.close()
    clock.advance(seconds=0.1)  # 0:36
    (question,) = context.drills.advance(incident_id)
    context.drills.pause(incident_id, chief)
    clock.advance(minutes=10)  # a pause does not count
    context.drills.resume(incident_id, chief)
    clock.advance(seconds=answer_after)
    context.answers.answer([question], "Sobald die Gefahr vorbei ist.", editor)
    clock.advance(seconds=108 / 60 - 0.6 - answer_after)  # 1:48
    (emergency,) = context.drills.advance(incident_id)
    clock.advance(seconds=0.05)  # 1:51
    context.answers.answer([emergency], EMERGENCY_ANSWER["de"], editor, EMERGENCY_ID)
    clock.advance(seconds=0.3)  # 2:09
    assert len(context.drills.advance(incident_id)) == 1  # the rumour, left alone
    clock.advance(seconds=0.85)  # 3:00
    context.drills.end(incident_id, chief)
    return incident_id


@pytest.fixture
def quiet_clock(clock: FakeClock) -> FakeClock:
    clock.step = timedelta(0)
    return clock


def test_a_drill_is_scored_on_its_own_clock(
    desk: Desk, book: Playbook, quiet_clock: FakeClock
) -> None:
    desk.account(Platform.WEBSITE, "Website Stadt Moers")  # answers are given by hand
    incident_id = _drill(desk, book, quiet_clock, answer_after=0.2)
    review = desk.context.reviews.review(incident_id)
    assert review.drill and review.speed == 60.0 and round(review.duration) == 180
    assert _value(review, "first_warning") == 30.0
    assert _value(review, "response_median:frage") == 12.0  # the pause left out
    assert _value(review, "response_median:notfall") == 3.0
    assert _value(review, "emergencies_escalated") == 1.0
    assert _value(review, "rumours_corrected") == 0.0
    assert _value(review, "injects_unanswered") == 1.0
    assert _value(review, "overdue") == 0.0
    complete = review.figure("first_warning_complete")
    assert complete is not None and complete.value is not None and complete.value > 0.5
    kinds = [event.kind for event in review.timeline]
    assert kinds.count(EventKind.INJECT) == 3 and kinds.count(EventKind.ANSWER) == 2
    assert kinds.count(EventKind.MESSAGE) == 1
    assert review.messages[0].text.startswith("ÜBUNG – ")
    assert review.previous is None
    assert review.response_times["Frage"] == pytest.approx((12.0,))


def test_the_next_drill_is_compared_with_the_last(
    desk: Desk, book: Playbook, quiet_clock: FakeClock
) -> None:
    desk.account(Platform.WEBSITE, "Website Stadt Moers")
    _drill(desk, book, quiet_clock, answer_after=0.2)
    second = _drill(desk, book, quiet_clock, answer_after=0.5)  # slower this time
    review = desk.context.reviews.review(second)
    assert review.previous is not None
    verdicts = {c.figure.key: c.verdict for c in compare(review, review.previous)}
    assert _value(review, "response_median:frage") == 30.0
    assert verdicts["response_median:frage"] is Verdict.SCHLECHTER
    assert verdicts["first_warning"] is Verdict.GLEICH


def test_a_rumour_answered_by_a_richtigstellung_counts_as_corrected(
    desk: Desk, book: Playbook, quiet_clock: FakeClock
) -> None:
    context, editor = desk.context, desk.team["redaktion"]
    desk.account(Platform.WEBSITE, "Website Stadt Moers")
    incident_id = _drill(desk, book, quiet_clock, answer_after=0.2)
    with context.database.session(readonly=True) as session:
        rumour = session.scalars(
            select(DialogItem.id).where(
                DialogItem.incident_id == incident_id, DialogItem.answered_at.is_(None)
            )
        ).one()
    with context.database.session() as session:  # the drill ended; the desk caught up
        session.execute(
            update(DialogItem).where(DialogItem.id == rumour).values(category="geruecht")
        )
    made = context.followups.correction_set(rumour, editor)
    context.releases.submit(made, editor)
    context.releases.release(made, desk.team["freigabe"].id, FREIGABE_PIN)
    worker = desk.worker()
    worker.drain(10)
    worker.close()
    assert _value(context.reviews.review(incident_id), "rumours_corrected") == 1.0


def test_a_drill_without_activity_has_an_empty_review(
    context: AppContext, leitung: Person, book: Playbook, quiet_clock: FakeClock
) -> None:
    drill = context.drills.start(book, leitung, speed=60)
    context.drills.end(drill.incident_id, leitung)
    review = context.reviews.review(drill.incident_id)
    assert review.empty
    assert _value(review, "first_warning") is None
    assert any("endete bei 0:00:00" in remark for remark in review.remarks)
    assert any("3 Einspielungen sind nicht mehr eingegangen" in r for r in review.remarks)


def test_a_real_incident_is_reviewed_once_it_is_closed(
    context: AppContext, leitung: Person
) -> None:
    real = context.incidents.create(
        "Stromausfall Nord", IncidentKind.SONSTIGE, IncidentMode.REAL, leitung.actor
    )
    with pytest.raises(KriseninfoError) as early:
        context.reviews.review(real.id)
    assert early.value.code is ErrorCode.INVALID_INPUT
    context.incidents.close(real.id, leitung.actor)
    review = context.reviews.review(real.id)
    assert not review.drill and review.empty and review.previous is None
    assert review.figure("injects_unanswered") is None  # drill figures only for drills
    with pytest.raises(KriseninfoError) as unknown:
        context.reviews.review(999)
    assert unknown.value.code is ErrorCode.NOT_FOUND


def test_a_question_closed_without_an_answer_is_not_answered(
    context: AppContext, leitung: Person, book: Playbook, quiet_clock: FakeClock
) -> None:
    drill = context.drills.start(book, leitung, speed=60)
    quiet_clock.advance(seconds=3)
    items = context.drills.advance(drill.incident_id)
    for item_id in items:
        context.answers.close(item_id, leitung, "Spam")
    context.drills.end(drill.incident_id, leitung)
    review = context.reviews.review(drill.incident_id)
    assert _value(review, "injects_unanswered") == 3.0
    assert _value(review, "rumours_corrected") == 0.0
    assert _value(review, "overdue") == 0.0  # dealt with in time, though not answered
    assert review.response_times == {}


def test_only_an_ended_drill_is_the_previous_one(
    context: AppContext, leitung: Person, book: Playbook, quiet_clock: FakeClock
) -> None:
    running = context.drills.start(book, leitung, speed=60)
    done = context.drills.start(book, leitung, speed=60)
    context.drills.end(done.incident_id, leitung)
    latest = context.drills.start(book, leitung, speed=60)
    context.drills.end(latest.incident_id, leitung)
    review = context.reviews.review(latest.incident_id)
    assert review.previous is not None and review.previous.incident_id == done.incident_id
    interim = context.reviews.review(running.incident_id)
    assert "Die Übung läuft noch; die Zahlen sind ein Zwischenstand." in interim.remarks
    assert not any("nicht mehr eingegangen" in remark for remark in interim.remarks)
