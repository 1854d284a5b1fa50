"""The triage of an incident's dialog feed: the first guess for each new item (with the
incident's playbook and facts), a new triage of the open items when the playbook or the
facts change (a category a person set stays), and a one-off triage for the CLI."""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kriseninfo.clock import Clock, utc_now
from kriseninfo.dialog.records import PRIVATE_TITLE
from kriseninfo.dialog.states import ItemState
from kriseninfo.domain import Person
from kriseninfo.journal import journal
from kriseninfo.journal.actions import Action
from kriseninfo.playbooks.schema import Playbook
from kriseninfo.storage.database import Database
from kriseninfo.storage.models import DialogItem, IncidentPlaybook
from kriseninfo.triage.classify import Triage, Verdict
from kriseninfo.triage.incident import TriageContext
from kriseninfo.triage.rank import Ranked

#: Triages kept for incidents (a desk has a few incidents at once).
_KEPT = 16
#: Longest reason kept with an item.
MAX_WHY = 200


@dataclass(frozen=True)
class Result:
    verdict: Verdict
    answers: list[Ranked]


def item_text(title: str, text: str) -> str:
    """What the triage reads of an item: a private message's title is our marker, not the
    citizen's words."""
    return text.strip() if title == PRIVATE_TITLE else f"{title}\n{text}".strip()


def first_guess(triage: Triage, title: str, text: str) -> dict[str, str]:
    """A new item's category and why, as row values."""
    verdict = triage.verdict(item_text(title, text))
    return {"category": verdict.category.value, "triage_why": verdict.reason[:MAX_WHY]}


class TriageService:
    def __init__(
        self,
        database: Database,
        find_playbook: Callable[[str], Playbook],
        clock: Clock = utc_now,
    ):
        self._db = database
        self._find = find_playbook
        self._clock = clock
        self._kept: OrderedDict[tuple[str, str], Triage] = OrderedDict()

    def for_playbook(self, playbook_id: str | None, facts_json: str = "{}") -> Triage:
        """The triage with this playbook and facts (none: the lexicon alone)."""
        key = (playbook_id or "", facts_json)
        found = self._kept.get(key)
        if found is None:
            playbook = self._find(playbook_id) if playbook_id else None
            facts = _facts(playbook, facts_json)
            found = Triage(TriageContext.of(playbook, facts))
            self._kept[key] = found
            while len(self._kept) > _KEPT:
                self._kept.popitem(last=False)
        self._kept.move_to_end(key)
        return found

    def for_incident(self, session: Session, incident_id: int) -> Triage:
        """The triage of an incident: its playbook and facts as they are now."""
        link = session.get(IncidentPlaybook, incident_id)
        if link is None:
            return self.for_playbook(None)
        try:
            return self.for_playbook(link.playbook_id, link.facts_json or "{}")
        except Exception:
            return self.for_playbook(None)

    def triage(
        self, text: str, playbook_id: str | None = None, incident_id: int | None = None
    ) -> Result:
        """One message, as the desk would see it (for the CLI and outside checks)."""
        if incident_id is not None:
            with self._db.session(readonly=True) as session:
                triage = self.for_incident(session, incident_id)
                if playbook_id and triage.playbook_id != playbook_id:
                    link = session.get(IncidentPlaybook, incident_id)
                    facts = link.facts_json if link is not None else "{}"
                    triage = self.for_playbook(playbook_id, facts)
        else:
            triage = self.for_playbook(playbook_id)
        verdict = triage.verdict(text)
        return Result(verdict, triage.answers(text, verdict))

    def retriage(self, incident_id: int, by: Person) -> int:
        """Guess again for the open items whose category no person set; returns how many
        changed. Called when the incident's playbook or facts change."""
        now = self._clock()
        changed = 0
        with self._db.session() as session:
            triage = self.for_incident(session, incident_id)
            rows = session.scalars(
                select(DialogItem)
                .where(
                    DialogItem.incident_id == incident_id,
                    DialogItem.category_by_hand.is_(False),
                    DialogItem.state.in_([s.value for s in ItemState if s.is_open]),
                )
                .with_for_update()
            )
            for row in rows:
                verdict = triage.verdict(item_text(row.title, row.text))
                why = verdict.reason[:MAX_WHY]
                if (row.category, row.triage_why) != (verdict.category.value, why):
                    row.category, row.triage_why = verdict.category.value, why
                    row.updated_at = now
                    changed += 1
            if changed:
                journal.append(
                    session,
                    at=now,
                    actor=by.actor,
                    action=Action.DIALOG_ITEM_CHANGED,
                    incident_id=incident_id,
                    field="Einordnung",
                    new_value=(
                        "1 offene Anfrage neu eingeordnet"
                        if changed == 1
                        else f"{changed} offene Anfragen neu eingeordnet"
                    ),
                )
        return changed


def _facts(playbook: Playbook | None, facts_json: str) -> dict[str, object]:
    try:
        raw = json.loads(facts_json or "{}")
    except ValueError:
        raw = {}
    facts = {str(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else {}
    if playbook is None:
        return dict(facts)
    from kriseninfo.messagesets import facts as fact_values

    try:
        return dict(fact_values.values(playbook, facts))
    except Exception:
        return dict(facts)
