"""Message sets started from the dialog feed: "Häufige Fragen" (clusters of similar open
questions, published as an FAQ message) and "Richtigstellung" (a rumour corrected).

Both become drafts for every enabled account and language, written for the desk to check
and complete; they follow the release rules like every message.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process, utils

from kriseninfo.clock import Clock, utc_now
from kriseninfo.dialog.service import ItemView
from kriseninfo.dialog.states import ItemState
from kriseninfo.dialog.suggest import suggest
from kriseninfo.domain import Person
from kriseninfo.drills.marks import prefix_for, with_prefix
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.incidents.rows import open_incident
from kriseninfo.journal import journal
from kriseninfo.journal.actions import Action
from kriseninfo.messagesets.accounts import accounts_for
from kriseninfo.messagesets.kinds import DraftStatus, SetPurpose
from kriseninfo.messagesets.store import add_linked_set, add_version, dump_parts, message_rows
from kriseninfo.playbooks.kinds import Category
from kriseninfo.storage.database import Database
from kriseninfo.storage.models import DialogItem, IncidentPlaybook, Message

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from kriseninfo.playbooks.schema import Playbook

#: How alike two questions must be (rapidfuzz token_set_ratio, 0–100) to be one cluster.
SIMILAR = 72.0
#: Only the newest open questions are clustered: enough for the desk, quick for 100,000.
CLUSTER_WINDOW = 2_000
_EXCERPT = 200

_HEADINGS = {"de": "Häufige Frage", "de-x-ls": "Viele Menschen fragen", "en": "Frequently asked"}
_CORRECTION = {
    "de": "Richtigstellung: Es wird behauptet: „{claim}“ Das stimmt nicht. Richtig ist: ",
    "de-x-ls": "Achtung: Das stimmt nicht: „{claim}“. Richtig ist: ",
    "en": "Correction: It is being claimed that “{claim}”. This is not true. The facts: ",
}


@dataclass(frozen=True)
class Cluster:
    """Similar open questions; `question` is the first one asked."""

    question: str
    item_ids: tuple[int, ...]

    @property
    def size(self) -> int:
        return len(self.item_ids)


def clusters(items: Sequence[ItemView], min_size: int = 2) -> list[Cluster]:
    """Clusters of similar open questions, the largest first."""
    open_questions = [
        item
        for item in items
        if item.item_state.is_open and item.category in (Category.FRAGE, None)
    ][-CLUSTER_WINDOW:]
    heads: list[str] = []  # each cluster's first question, normalised
    members: list[list[ItemView]] = []
    for item in open_questions:
        text = utils.default_process(f"{item.title} {item.text}")
        if not text:
            continue
        best = process.extractOne(
            text, heads, scorer=fuzz.token_set_ratio, score_cutoff=SIMILAR, processor=None
        )
        if best is None:
            heads.append(text)
            members.append([item])
        else:
            members[best[2]].append(item)
    found = [
        Cluster((group[0].title or group[0].text)[:_EXCERPT], tuple(i.id for i in group))
        for group in members
        if len(group) >= min_size
    ]
    return sorted(found, key=lambda c: c.size, reverse=True)


class FollowUps:
    def __init__(
        self,
        database: Database,
        find_playbook: Callable[[str], Playbook],
        clock: Clock = utc_now,
    ):
        self._db = database
        self._find = find_playbook
        self._clock = clock

    def faq_set(self, item_ids: Sequence[int], by: Person) -> int:
        """ "als FAQ-Meldung veröffentlichen": an FAQ set answering the cluster's question
        with the best Textbaustein (filled with today's facts). Returns the set's id."""
        with self._db.session() as session:
            rows = _rows(session, item_ids)
            first = rows[0]
            question = " ".join((first.title or first.text).split())[:_EXCERPT]
            playbook, values = self._playbook(session, first.incident_id)

            def text(language: str) -> str:
                heading = _HEADINGS.get(language, _HEADINGS["de"])
                found = suggest(question, playbook, language, limit=1, facts=values)
                answer = found[0].text if found and not found[0].problem else ""
                return f"{heading}: {question}\n\n{answer}".strip()

            return self._create(
                session, first.incident_id, SetPurpose.FAQ, text, by, [r.id for r in rows]
            )

    def correction_set(self, item_id: int, by: Person) -> int:
        """ "Richtigstellung erstellen" for an item marked Gerücht: drafts that quote the
        claim and leave the facts for the desk to write."""
        with self._db.session() as session:
            row = _rows(session, [item_id])[0]
            if row.category != Category.GERUECHT.value:
                raise KriseninfoError(
                    ErrorCode.NOT_ALLOWED_NOW,
                    f"item {item_id} is not marked as a rumour",
                    {"problem": "not_rumour"},
                )
            claim = " ".join(f"{row.title} {row.text}".split())
            if len(claim) > _EXCERPT:
                claim = claim[: _EXCERPT - 1].rstrip() + "…"

            def text(language: str) -> str:
                return _CORRECTION.get(language, _CORRECTION["de"]).format(claim=claim)

            return self._create(
                session, row.incident_id, SetPurpose.RICHTIGSTELLUNG, text, by, [row.id]
            )

    def _playbook(
        self, session: Session, incident_id: int
    ) -> tuple[Playbook | None, dict[str, object]]:
        link = session.get(IncidentPlaybook, incident_id)
        if link is None:
            return None, {}
        from kriseninfo.messagesets import facts as fact_values

        try:
            playbook = self._find(link.playbook_id)
        except KriseninfoError:
            return None, json.loads(link.facts_json)
        return playbook, dict(fact_values.values(playbook, json.loads(link.facts_json)))

    def _create(
        self,
        session: Session,
        incident_id: int,
        purpose: SetPurpose,
        text: Callable[[str], str],
        by: Person,
        item_ids: list[int],
    ) -> int:
        now: datetime = self._clock()
        open_incident(session, incident_id, for_update=True)
        accounts = accounts_for(session, incident_id, enabled_only=True)
        if not accounts:
            raise KriseninfoError(ErrorCode.NO_CHANNEL_ACCOUNTS, "no enabled channel account")
        row = add_linked_set(session, incident_id, purpose, by, now)
        prefix = prefix_for(session, incident_id)
        for account in accounts:
            for language in account.languages:
                session.add(
                    Message(
                        set_id=row.id,
                        account_id=account.id,
                        platform=account.platform.value,
                        language=language,
                        subject="",
                        parts_json=dump_parts([with_prefix(text(language), prefix)]),
                        media_json="[]",
                        template_json=None,
                        render_error="",
                        reply_to="",
                        status=DraftStatus.ENTWURF.value,
                        version=1,
                        edited_at=now,
                        edited_by=by.id,
                        release_reason="",
                        rejected_comment="",
                    )
                )
        session.flush()
        for message in message_rows(session, row.id):
            add_version(session, message, now, by, "erstellt")
        journal.append(
            session,
            at=now,
            actor=by.actor,
            action=Action.SET_CREATED,
            incident_id=incident_id,
            field=purpose.value,
            new_value=f"Satz {row.id} aus dem Dialog, Anfragen "
            + ", ".join(str(i) for i in item_ids),
        )
        return row.id


def _rows(session: Session, item_ids: Sequence[int]) -> list[DialogItem]:
    rows = [session.get(DialogItem, item_id) for item_id in sorted(set(item_ids))]
    found = [row for row in rows if row is not None]
    if not found or len(found) != len(rows):
        raise KriseninfoError(ErrorCode.NOT_FOUND, "dialog item not found", {"field": "items"})
    if len({row.incident_id for row in found}) != 1:
        raise KriseninfoError(
            ErrorCode.INVALID_INPUT, "items of different incidents", {"field": "items"}
        )
    return found


__all__ = ["Cluster", "FollowUps", "ItemState", "clusters"]
