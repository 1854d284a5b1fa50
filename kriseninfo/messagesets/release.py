"""Four-eyes release: submit, release by a second person's PIN, reject with a comment.

Also the two exceptions the desk may allow: an unchanged pre-approved text needs only
the confirmation of its facts, and in acute danger an officer may release alone
(Eilfreigabe, with a reason, marked in the journal and the set). Wrong PINs are counted
per person, together with those at sign-in (`kriseninfo.users.pin_guard`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Mapping
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from kriseninfo.clock import Clock, utc_now
from kriseninfo.dialog.released import answer_rejected, answer_released
from kriseninfo.domain import Person
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.incidents.rows import open_incident
from kriseninfo.journal import journal
from kriseninfo.journal.actions import Action
from kriseninfo.messagesets.checks import blocking, draft_problems, facts_problems
from kriseninfo.messagesets.desk import DeskSettings
from kriseninfo.messagesets.facts import still_examples
from kriseninfo.messagesets.kinds import DeskSetting, DraftStatus, ReleaseKind
from kriseninfo.messagesets.records import Draft, MessageSetView, Problem
from kriseninfo.messagesets.store import authors, load_set, message_rows, set_row
from kriseninfo.publishing.outbox import enqueue, withdraw_unsent
from kriseninfo.storage.database import Database
from kriseninfo.storage.models import (
    Incident,
    IncidentMode,
    IncidentPlaybook,
    Message,
    MessageSet,
)
from kriseninfo.users.pin_guard import verify_pin

MIN_REASON = 10  # an Eilfreigabe reason is a sentence, not "x"

if TYPE_CHECKING:
    from kriseninfo.playbooks.schema import Playbook

Targets = Collection[int] | None


class ReleaseService:
    def __init__(
        self,
        database: Database,
        desk: DeskSettings,
        clock: Clock = utc_now,
        find_playbook: Callable[[str], Playbook] | None = None,
    ):
        self._db = database
        self._desk = desk
        self._clock = clock
        self._find = find_playbook  # to recognise example values when facts are confirmed

    # -- the editor's side ---------------------------------------------------------------
    def submit(self, set_id: int, by: Person, draft_ids: Targets = None) -> MessageSetView:
        """ "Zur Freigabe": the drafts wait for a second person. Blocking problems refuse."""

        def apply(session: Session, row: Message, draft: Draft) -> None:
            row.status = DraftStatus.ZUR_FREIGABE.value
            row.submitted_by = by.id
            self._journal(session, row, by, Action.MESSAGE_SUBMITTED, DraftStatus.ZUR_FREIGABE)

        return self._change(set_id, draft_ids, {DraftStatus.ENTWURF}, apply, check=True)

    # -- the releaser's side -------------------------------------------------------------
    def release(
        self,
        set_id: int,
        person_id: int,
        pin: str,
        draft_ids: Targets = None,
        seen_versions: Mapping[int, int] | None = None,
    ) -> MessageSetView:
        """Release by a person with the role Freigabe or Leitung who did not last edit it.

        `seen_versions` (draft id → version shown to the releaser) makes sure what is
        released is what was read: a newer save in between refuses with EDIT_CONFLICT.
        """
        person = self._releaser(person_id, pin, "release")

        def apply(session: Session, row: Message, draft: Draft) -> None:
            if person.id in authors(session, row.id):
                raise KriseninfoError(
                    ErrorCode.SELF_RELEASE,
                    f"{person.name} wrote a version of message {row.id}",
                    {"name": person.name},
                )
            self._released(session, row, person, ReleaseKind.VIER_AUGEN, "")

        return self._change(
            set_id, draft_ids, {DraftStatus.ZUR_FREIGABE}, apply, check=True, seen=seen_versions
        )

    def confirm_facts(
        self,
        set_id: int,
        person_id: int,
        pin: str,
        draft_ids: Targets = None,
        seen_versions: Mapping[int, int] | None = None,
    ) -> MessageSetView:
        """Release the drafts that are unchanged texts of a released playbook: the person
        confirms the facts they were filled with. Changed drafts are left for four eyes."""
        if not self._desk.get(DeskSetting.PREAPPROVED_TEMPLATES):
            raise KriseninfoError(
                ErrorCode.NOT_ALLOWED_NOW,
                "pre-approved texts are switched off at this desk",
                {"problem": "preapproved_off"},
            )
        view = self._view(set_id)
        if not view.playbook_released:
            raise KriseninfoError(
                ErrorCode.NOT_ALLOWED_NOW,
                f"playbook {view.playbook_id} {view.playbook_version} has no release",
                {"problem": "not_approved"},
            )
        eligible = {
            d.id
            for d in view.drafts
            if d.unchanged_from_template and (draft_ids is None or d.id in draft_ids)
        }
        if not eligible:
            raise KriseninfoError(
                ErrorCode.NOT_ALLOWED_NOW,
                "no draft is an unchanged pre-approved text",
                {"problem": "nothing_unchanged"},
            )
        person = self._authenticate(person_id, pin)

        def apply(session: Session, row: Message, draft: Draft) -> None:
            if not draft.unchanged_from_template:  # read again under the row locks
                raise KriseninfoError(
                    ErrorCode.EDIT_CONFLICT,
                    f"message {row.id} was changed and needs four eyes",
                    {"version": str(row.version)},
                )
            self._released(session, row, person, ReleaseKind.FAKTEN_BESTAETIGT, "")

        return self._change(
            set_id,
            eligible,
            {DraftStatus.ENTWURF, DraftStatus.ZUR_FREIGABE},
            apply,
            check=True,
            seen=seen_versions,
            guard=self._facts_confirmable,
        )

    def _facts_confirmable(self, session: Session, view: MessageSetView) -> None:
        """Confirming facts means: the texts carry today's real facts. Refused when the
        facts changed after the texts were written, or (outside drills) a fact still has
        the playbook's example value."""
        link = session.get(IncidentPlaybook, view.incident_id)
        incident = session.get(Incident, view.incident_id)
        assert incident is not None
        current: dict[str, str] = json.loads(link.facts_json) if link else {}
        examples = still_examples(self._find(view.playbook_id), current) if self._find else []
        problems = facts_problems(view, current, examples, incident.mode is IncidentMode.DRILL)
        if problems:
            first = problems[0]
            raise KriseninfoError(
                ErrorCode.NOT_ALLOWED_NOW,
                f"facts cannot be confirmed: {first.code.value} {first.params}",
                {"problem": first.code.value, **first.params},
            )

    def eilfreigabe(
        self,
        set_id: int,
        person_id: int,
        pin: str,
        reason: str,
        draft_ids: Targets = None,
        seen_versions: Mapping[int, int] | None = None,
    ) -> MessageSetView:
        """Self-release in acute danger: only if the desk allows it, always with a reason."""
        if not self._desk.get(DeskSetting.EILFREIGABE_ALLOWED):
            raise KriseninfoError(
                ErrorCode.NOT_ALLOWED_NOW,
                "Eilfreigabe is not enabled at this desk",
                {"problem": "eilfreigabe_off"},
            )
        reason = " ".join(reason.split())
        if len(reason) < MIN_REASON:
            raise KriseninfoError(
                ErrorCode.INVALID_INPUT,
                f"an Eilfreigabe needs a reason of at least {MIN_REASON} characters",
                {"field": "reason", "min": str(MIN_REASON)},
            )
        person = self._authenticate(person_id, pin)

        def apply(session: Session, row: Message, draft: Draft) -> None:
            self._released(session, row, person, ReleaseKind.EILFREIGABE, reason)

        return self._change(
            set_id,
            draft_ids,
            {DraftStatus.ENTWURF, DraftStatus.ZUR_FREIGABE},
            apply,
            check=True,
            seen=seen_versions,
        )

    def reject(
        self, set_id: int, person_id: int, pin: str, comment: str, draft_ids: Targets = None
    ) -> MessageSetView:
        """Send drafts back to the editor with a comment (also withdraws a release)."""
        comment = comment.strip()
        if not comment:
            raise KriseninfoError(
                ErrorCode.INVALID_INPUT, "a rejection needs a comment", {"field": "comment"}
            )
        person = self._releaser(person_id, pin, "reject")

        def apply(session: Session, row: Message, draft: Draft) -> None:
            withdraw_unsent(session, row.id, self._clock())  # refuses once anything is public
            row.status = DraftStatus.ENTWURF.value
            row.rejected_comment = comment
            row.released_at = row.released_by = row.release_kind = None
            row.release_reason = ""
            self._journal(session, row, person, Action.MESSAGE_REJECTED, comment)
            if row.reply_to:  # an answer to a citizen: the question is open again
                answer_rejected(session, row, self._clock())

        return self._change(
            set_id, draft_ids, {DraftStatus.ZUR_FREIGABE, DraftStatus.FREIGEGEBEN}, apply
        )

    # -- shared ----------------------------------------------------------------------------
    def problems(self, set_id: int) -> list[Problem]:
        view = self._view(set_id)
        return [p for d in view.drafts for p in draft_problems(d, view.purpose)]

    def _view(self, set_id: int) -> MessageSetView:
        with self._db.session(readonly=True) as session:
            return load_set(session, set_id)

    def _change(
        self,
        set_id: int,
        draft_ids: Targets,
        from_states: set[DraftStatus],
        apply: Callable[[Session, Message, Draft], None],
        *,
        check: bool = False,
        seen: Mapping[int, int] | None = None,
        guard: Callable[[Session, MessageSetView], None] | None = None,
    ) -> MessageSetView:
        with self._db.session() as session:
            # Lock order everywhere: incident, then messages, then the journal head.
            open_incident(session, set_row(session, set_id).incident_id, for_update=True)
            rows = message_rows(session, set_id, lock=True)
            view = load_set(session, set_id)
            if guard is not None:
                guard(session, view)
            targets = [
                (row, view.draft(row.id))
                for row in rows
                if DraftStatus(row.status) in from_states
                and (draft_ids is None or row.id in draft_ids)
            ]
            if not targets:
                raise KriseninfoError(
                    ErrorCode.NOT_ALLOWED_NOW,
                    f"no message of set {set_id} is "
                    + " or ".join(sorted(s.value for s in from_states)),
                    {"problem": "nothing_waiting"},
                )
            for row, draft in targets:
                if seen is not None and seen.get(row.id) != row.version:  # unread = changed
                    raise KriseninfoError(
                        ErrorCode.EDIT_CONFLICT,
                        f"message {row.id} changed to version {row.version} meanwhile",
                        {"version": str(row.version)},
                    )
                if check:
                    stops = blocking(draft_problems(draft, view.purpose))
                    if stops:
                        raise KriseninfoError(
                            ErrorCode.RELEASE_BLOCKED,
                            f"message {row.id}: {', '.join(p.code.value for p in stops)}",
                            {"problem": stops[0].code.value, "account": draft.account_name},
                        )
                apply(session, row, draft)
            session.flush()
            return load_set(session, set_id)

    def _released(
        self, session: Session, row: Message, person: Person, kind: ReleaseKind, reason: str
    ) -> None:
        row.status = DraftStatus.FREIGEGEBEN.value
        row.released_at = self._clock()
        row.released_by = person.id
        row.release_kind = kind.value
        row.release_reason = reason
        row.rejected_comment = ""
        detail = kind.value + (f": {reason}" if reason else "")
        self._journal(session, row, person, Action.MESSAGE_RELEASED, detail)
        enqueue(session, row, self._clock())  # the outbox: released and queued commit together
        if row.reply_to:  # an answer to a citizen: the item is answered from now
            answer_released(session, row, self._clock())

    def _journal(
        self, session: Session, row: Message, by: Person, action: Action, new_value: str
    ) -> None:
        journal.append(
            session,
            at=self._clock(),
            actor=by.actor,
            action=action,
            incident_id=_incident_of(session, row),
            field=f"message {row.id} v{row.version}",
            new_value=new_value,
        )

    def _releaser(self, person_id: int, pin: str, verb: str) -> Person:
        """The person, by PIN, if their role may release (and so reject)."""
        person = self._authenticate(person_id, pin)
        if not person.may_release:
            raise KriseninfoError(
                ErrorCode.PERMISSION_DENIED,
                f"{person.name} ({person.role.value}) may not {verb}",
                {"name": person.name, "need": "release"},
            )
        return person

    def _authenticate(self, person_id: int, pin: str) -> Person:
        return verify_pin(self._db, self._clock, person_id, pin, Action.RELEASE_PIN_FAILED)


def _incident_of(session: Session, row: Message) -> int:
    message_set = session.get(MessageSet, row.set_id)
    assert message_set is not None
    return message_set.incident_id
