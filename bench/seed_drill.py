"""Drills for the screenshots: one finished Großbrand drill (run headless by the
automatic team, on a clock that jumps instead of waiting) and one running at 10×, three
quarters of an hour into its drill time, with the first warning out and some answers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.launch import options_for
from bench.seed import Seeded
from kriseninfo.context import open_context
from kriseninfo.drills import team as auto
from kriseninfo.drills.headless import Headless
from kriseninfo.publishing.credentials import Credentials
from kriseninfo.publishing.worker import Worker


class _JumpingClock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def jump(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def seed_drill(data_dir: Path, seeded: Seeded) -> int:
    """Returns the running drill's incident id."""
    clock = _JumpingClock(datetime.now(UTC) - timedelta(days=1))
    context = open_context(options_for(data_dir), clock)
    try:
        book = context.playbooks.find("grossbrand")
        lead = seeded.person
        Headless(context, lead, speed=60, auto_answer=True, sleep=clock.jump).run(book)

        clock.now = datetime.now(UTC) - timedelta(minutes=4, seconds=30)  # 45 min at 10×
        drill = context.drills.start(book, lead, speed=10)
        team = auto.arm(context.users, lead)
        work = auto.TeamWork(
            team, context.dialog, context.answers, context.plans, context.messagesets,
            context.releases,
        )  # fmt: skip
        worker = Worker(context.database, Credentials(), clock=clock, drills_only=True)
        try:
            work.fill_facts(drill.incident_id, book)
            clock.jump(40)  # the first warning at 0:06:40
            work.publish_phase(drill.incident_id, book, book.phases[0].id)
            worker.drain()
            arrived = []
            while clock.now < datetime.now(UTC) - timedelta(minutes=2):
                clock.jump(30)  # a console advances it all along
                arrived += context.drills.advance(drill.incident_id)
            for item_id in arrived[:3]:  # the desk is behind on the rest
                work.answer(item_id)
            worker.drain()
            while clock.now < datetime.now(UTC):
                clock.jump(30)
                context.drills.advance(drill.incident_id)
        finally:
            worker.close()
            auto.disarm(context.users, team, lead)
        return drill.incident_id
    finally:
        context.close()
