"""The headless drill and its automatic team, with a console at the desk at the same time."""

from __future__ import annotations

from kriseninfo.context import AppContext, open_context
from kriseninfo.counting.platforms import Platform
from kriseninfo.domain import Person
from kriseninfo.drills import team as auto
from kriseninfo.drills.headless import Headless
from kriseninfo.options import Options
from kriseninfo.playbooks.schema import Playbook
from tests.conftest import FakeClock


def _jumping(clock: FakeClock, also: object = None) -> object:
    def sleep(seconds: float) -> None:
        if callable(also):
            also()
        clock.advance(seconds=seconds)

    return sleep


def test_the_team_answers_injects_a_console_let_in(
    context: AppContext, options: Options, leitung: Person, book: Playbook, clock: FakeClock
) -> None:
    clock.step = type(clock.step)(0)
    context.accounts.create(Platform.WEBSITE, "moers.de", leitung)
    console = open_context(options, clock)  # another console at the desk, ticking
    try:
        runner = Headless(
            context,
            leitung,
            speed=60,
            auto_answer=True,
            sleep=_jumping(clock, console.drills.advance_running),  # type: ignore[arg-type]
        )
        ended = runner.run(book)
    finally:
        console.close()
    review = context.reviews.review(ended.incident_id)
    figure = review.figure("injects_unanswered")
    assert figure is not None and figure.value == 1.0  # only the rumour (no Textbaustein)
    answered = [i for i in ended.injects if i.item_state == "beantwortet"]
    assert len(answered) == 2  # the question and the emergency, let in by the console
    assert all(i.arrived for i in ended.injects)


def test_a_drill_ended_at_a_console_ends_the_headless_run(
    context: AppContext, options: Options, leitung: Person, book: Playbook, clock: FakeClock
) -> None:
    clock.step = type(clock.step)(0)

    def end_it() -> None:
        for drill in context.drills.all():
            if drill.now(clock()) > 40:
                context.drills.end(drill.incident_id, leitung)

    runner = Headless(context, leitung, speed=60, sleep=_jumping(clock, end_it))  # type: ignore[arg-type]
    ended = runner.run(book)
    assert ended.ended and ended.now(clock()) < 180


def test_two_headless_drills_have_teams_of_their_own(context: AppContext, leitung: Person) -> None:
    first = auto.arm(context.users, leitung)
    second = auto.arm(context.users, leitung)
    assert first.editor.person.id != second.editor.person.id
    auto.disarm(context.users, first, leitung)
    active = {p.id for p in context.users.list()}
    assert second.editor.person.id in active and first.editor.person.id not in active
    third = auto.arm(context.users, leitung)  # the first team's people are free again
    assert third.editor.person.id == first.editor.person.id
    assert third.editor.pin != first.editor.pin
