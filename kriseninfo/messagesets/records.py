"""What the rest of the program sees of message sets: frozen snapshots, never ORM rows."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime

from kriseninfo.counting.platforms import Platform
from kriseninfo.messagesets.kinds import DraftStatus, ReleaseKind, SetPurpose


@dataclass(frozen=True)
class Account:
    """A channel account (credentials are in the keyring, never here)."""

    id: int
    platform: Platform
    name: str
    address: str
    languages: tuple[str, ...]
    max_length: int | None
    enabled: bool
    incident_id: int | None


@dataclass(frozen=True)
class Media:
    """An attached image (its file name; the bytes are stored once, by `media_id`).

    It may not be released without alt text."""

    path: str
    alt: str = ""
    media_id: int | None = None


@dataclass(frozen=True)
class Draft:
    """One message of a set: one account, one language. More than one part is a thread."""

    id: int
    set_id: int
    account_id: int
    account_name: str
    platform: Platform
    language: str
    subject: str
    parts: tuple[str, ...]
    media: tuple[Media, ...]
    unchanged_from_template: bool
    render_error: str
    status: DraftStatus
    version: int
    edited_at: datetime
    edited_by: int | None
    edited_by_name: str
    submitted_by: int | None
    released_at: datetime | None
    released_by: int | None
    released_by_name: str
    release_kind: ReleaseKind | None
    release_reason: str
    rejected_comment: str
    limit_override: int | None
    #: Everyone who wrote a version (generating counts): none may be its second pair of eyes.
    authors: frozenset[int] = frozenset()

    @property
    def text(self) -> str:
        """All parts, as the officer reads them."""
        return "\n\n".join(self.parts)

    @property
    def is_thread(self) -> bool:
        return len(self.parts) > 1


@dataclass(frozen=True)
class MessageSetView:
    id: int
    incident_id: int
    purpose: SetPurpose
    phase_id: str
    playbook_id: str
    playbook_version: str
    playbook_released: bool
    follows_id: int | None
    created_at: datetime
    drafts: tuple[Draft, ...]
    #: The facts the texts were rendered with.
    facts: dict[str, str] = field(default_factory=dict)
    #: "Senden um": released messages wait until then (None: at release).
    send_at: datetime | None = None

    @property
    def status(self) -> DraftStatus:
        """Released when every draft is; waiting when any waits; else a draft."""
        states = {draft.status for draft in self.drafts}
        if states == {DraftStatus.FREIGEGEBEN}:
            return DraftStatus.FREIGEGEBEN
        if DraftStatus.ZUR_FREIGABE in states:
            return DraftStatus.ZUR_FREIGABE
        return DraftStatus.ENTWURF

    @property
    def eilfreigabe(self) -> bool:
        return any(d.release_kind is ReleaseKind.EILFREIGABE for d in self.drafts)

    def draft(self, draft_id: int) -> Draft:
        return next(d for d in self.drafts if d.id == draft_id)


@dataclass(frozen=True)
class Version:
    """One saved state of a draft."""

    version: int
    subject: str
    parts: tuple[str, ...]
    media: tuple[Media, ...]
    created_at: datetime
    created_by_name: str
    note: str


class ProblemCode(enum.StrEnum):
    """What can be wrong with a draft; blocking ones stop its release."""

    EMPTY = "empty"
    RENDER_FAILED = "render_failed"
    TOO_LONG = "too_long"
    SUBJECT_LONG = "subject_long"
    ALT_TEXT_MISSING = "alt_text_missing"
    INCOMPLETE = "incomplete"  # a first warning lacks what/what to do/where more/next update
    EXAMPLE_FACT = "example_fact"  # a fact still has the playbook's example value
    STALE_FACTS = "stale_facts"  # the facts changed after the texts were written


BLOCKING = frozenset(
    {
        ProblemCode.EMPTY,
        ProblemCode.RENDER_FAILED,
        ProblemCode.TOO_LONG,
        ProblemCode.ALT_TEXT_MISSING,
    }
)


@dataclass(frozen=True)
class Problem:
    code: ProblemCode
    draft_id: int | None = None
    part: int | None = None  # index of the thread part, if it concerns one
    params: dict[str, str] = field(default_factory=dict)

    @property
    def blocking(self) -> bool:
        return self.code in BLOCKING
