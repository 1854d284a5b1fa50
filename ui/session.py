"""What every screen of a signed-in console needs, passed to each constructor."""

from __future__ import annotations

from dataclasses import dataclass

from kriseninfo.clock import Clock
from kriseninfo.context import AppContext
from kriseninfo.users.service import Person
from kriseninfo_ui.tasks import TaskRunner


@dataclass
class Session:
    context: AppContext
    person: Person
    runner: TaskRunner

    @property
    def clock(self) -> Clock:
        return self.context.clock
