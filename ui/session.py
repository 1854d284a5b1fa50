"""What every screen of a signed-in console needs, passed to each constructor."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kriseninfo.clock import Clock
from kriseninfo.domain import Person
from kriseninfo_ui.tasks import TaskRunner

if TYPE_CHECKING:
    from kriseninfo.context import AppContext
    from kriseninfo_ui.publisher import Publisher


@dataclass
class Session:
    context: AppContext
    person: Person
    #: The database worker: saves and reads, one after another, in order.
    runner: TaskRunner
    #: Slow work that must never hold up a save (checking playbooks, files).
    background: TaskRunner
    #: The publishing worker of this console (None where a test runs without one).
    publisher: Publisher | None = None

    def wake_publisher(self) -> None:
        if self.publisher is not None:
            self.publisher.wake()

    @property
    def clock(self) -> Clock:
        return self.context.clock
