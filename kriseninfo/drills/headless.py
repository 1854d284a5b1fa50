"""A whole drill without a window: the clock runs, injects arrive, and (with the automatic
team) every question is answered and every phase's message published to the
Übungs-Timeline. `kriseninfo drill … --headless` runs it; so do the tests.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from functools import partial

from kriseninfo.context import AppContext
from kriseninfo.counting.platforms import Platform
from kriseninfo.domain import Person
from kriseninfo.drills import team as auto
from kriseninfo.drills.clock import hms as _hms
from kriseninfo.drills.marks import DEFAULT_PREFIX
from kriseninfo.drills.records import DrillView
from kriseninfo.errors import KriseninfoError
from kriseninfo.playbooks.schema import Playbook
from kriseninfo.publishing.credentials import Credentials
from kriseninfo.publishing.worker import Worker

log = logging.getLogger(__name__)

#: The drill's own accounts when the desk has none: what the Übungs-Timeline shows.
DRILL_ACCOUNTS = ((Platform.MASTODON, "Übung Mastodon"), (Platform.WEBSITE, "Übung Website"))
#: Without a planned length, a drill ends this long (drill time) after its last inject.
AFTER_LAST = 15 * 60.0


@dataclass
class Headless:
    context: AppContext
    lead: Person
    speed: float = 60.0
    auto_answer: bool = False
    prefix: str = DEFAULT_PREFIX
    sleep: Callable[[float], None] = time.sleep
    on_event: Callable[[str], None] = lambda _text: None

    def run(self, playbook: Playbook) -> DrillView:
        """Start a drill from `playbook`, run it to its end, and return it (ended). A
        drill ended or paused at a console meanwhile ends, or waits, here too."""
        context = self.context
        worker = Worker(context.database, Credentials(), clock=context.clock, drills_only=True)
        team: auto.AutoTeam | None = None
        incident_id: int | None = None
        try:
            team = auto.arm(context.users, self.lead) if self.auto_answer else None
            drill = context.drills.start(playbook, self.lead, speed=self.speed, prefix=self.prefix)
            incident_id = drill.incident_id
            self.on_event(f"Übung gestartet: Lage {incident_id}, Übungsuhr {self.speed:g}×")
            work = self._work(team) if team else None
            if work is not None:
                self._accounts(incident_id)
                work.fill_facts(incident_id, playbook)
                self._try(partial(work.publish_phase, incident_id, playbook, playbook.phases[0].id))
                worker.drain()
            phase = playbook.phases[0].id
            end = drill.duration_s or (max((i.at_s for i in drill.injects), default=0) + AFTER_LAST)
            handled: set[int] = set()  # items the team looked at (a console may let them in)
            said_paused = False
            while True:
                context.drills.advance(incident_id)
                drill = context.drills.get(incident_id) or drill
                if drill.ended:
                    break
                if not drill.running and not said_paused:
                    self.on_event("Übung angehalten (an einer Konsole); es geht weiter mit ihr")
                said_paused = not drill.running
                for inject in drill.injects:
                    if inject.item_id is None or inject.item_id in handled:
                        continue
                    handled.add(inject.item_id)
                    self.on_event(f"Einspielung {_hms(inject.at_s)}: {inject.author}")
                    if work is None:
                        continue
                    if inject.phase_id and _later(playbook, phase, inject.phase_id):
                        phase = inject.phase_id
                        self._try(partial(work.publish_phase, incident_id, playbook, phase))
                    self._try(partial(work.answer, inject.item_id))
                    worker.drain()
                now = drill.now(context.clock())
                if now >= end:
                    break
                upcoming = drill.next_inject()
                due = min(end, upcoming.at_s) if upcoming else end
                self.sleep(min(1.0, max(0.01, (due - now) / drill.speed)))
            worker.drain()
            ended = context.drills.end(incident_id, self.lead)
            self.on_event(f"Übung beendet bei {_hms(ended.now(context.clock()))}")
            return ended
        except BaseException:
            if incident_id is not None:  # stopped half-way (Ctrl+C, an error): end it
                with suppress(KriseninfoError):
                    context.drills.end(incident_id, self.lead)
            raise
        finally:
            worker.close()
            if team is not None:
                auto.disarm(context.users, team, self.lead)

    def _try(self, step: Callable[[], object]) -> None:
        """One action of the team; if the core refuses it (a text too long for a channel,
        a fact missing), the drill goes on and the refusal is told."""
        try:
            step()
        except KriseninfoError as error:
            log.warning("automatic team: %s", error.detail)
            self.on_event(f"Automatisches Team: nicht möglich ({error.detail})")

    def _work(self, team: auto.AutoTeam) -> auto.TeamWork:
        c = self.context
        return auto.TeamWork(team, c.dialog, c.answers, c.plans, c.messagesets, c.releases)

    def _accounts(self, incident_id: int) -> None:
        """The drill's own accounts when the desk has none enabled (drafts need one)."""
        if self.context.accounts.list(incident_id, enabled_only=True):
            return
        for platform, name in DRILL_ACCOUNTS:
            self.context.accounts.create(platform, name, self.lead, incident_id=incident_id)


def _later(playbook: Playbook, current: str, candidate: str) -> bool:
    order = [p.id for p in playbook.phases]
    return candidate in order and (
        current not in order or order.index(candidate) > order.index(current)
    )
