"""A drill as the rest of the program sees it: its clock and its injects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kriseninfo.drills.clock import Run, drill_time, running


@dataclass(frozen=True)
class InjectView:
    id: int
    at_s: float  # due on the drill clock
    phase_id: str
    channel: str  # an InjectChannel value
    author: str
    text: str
    expect_category: str
    expect_answer: str
    note: str  # what the exercise lead looks for
    manual: bool  # added by hand during the drill
    item_id: int | None  # the dialog item it became, once it arrived
    arrived_s: float | None
    #: What the team did with it (the lead watches): the item's state ("offen",
    #: "in_arbeit", "beantwortet" …), who took it, and when it was answered.
    item_state: str = ""
    handled_by: str = ""
    answered_s: float | None = None

    @property
    def arrived(self) -> bool:
        return self.item_id is not None


@dataclass(frozen=True)
class TimelinePost:
    """What a drill would have published: one post of the Übungs-Timeline."""

    id: int
    account_name: str
    platform: str  # a Platform value
    subject: str
    text: str  # as it would have appeared, with the drill's mark
    reply_to: str  # what it answers ("uebung:inject:7", a post of ours), or ""
    reply_label: str  # the answered inject as people read it ("@anna: Wann darf …"), or ""
    posted_at: datetime
    drill_s: float  # when, on the drill clock
    retracted: bool


@dataclass(frozen=True)
class DrillView:
    id: int
    incident_id: int
    title: str  # the drill incident's title
    playbook_id: str
    playbook_version: str
    prefix: str
    duration_s: float | None
    started_at: datetime
    ended_at: datetime | None
    runs: tuple[Run, ...]
    injects: tuple[InjectView, ...]

    def now(self, wall: datetime) -> float:
        """Seconds on the drill clock at `wall`."""
        return drill_time(self.runs, wall)

    @property
    def running(self) -> bool:
        return self.ended_at is None and running(self.runs)

    @property
    def ended(self) -> bool:
        return self.ended_at is not None

    @property
    def speed(self) -> float:
        return self.runs[-1].speed if self.runs else 1.0

    def next_inject(self) -> InjectView | None:
        return next((i for i in self.injects if not i.arrived), None)

    def over(self, wall: datetime) -> bool:
        """The planned length has passed on the drill clock."""
        return self.duration_s is not None and self.now(wall) >= self.duration_s
