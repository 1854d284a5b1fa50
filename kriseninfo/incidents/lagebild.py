"""The fields of a Lagebild: what a duty officer keeps current during an incident."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import UTC, datetime

from kriseninfo.domain import IncidentKind, IncidentMode, IncidentStatus
from kriseninfo.validation import is_phone, is_url


class FieldType(enum.Enum):
    TEXT = "text"
    MULTILINE = "multiline"
    TIME = "time"


class LagebildField(enum.StrEnum):
    """Editable fields of an incident; the value is the ORM attribute name."""

    TITLE = "title"
    WHAT_HAPPENED = "what_happened"
    LOCATION = "location"
    SINCE = "since"
    AFFECTED_AREA = "affected_area"
    PUBLIC_ACTION = "public_action"
    HOTLINE = "hotline"
    WEB_LINK = "web_link"
    NEXT_UPDATE_AT = "next_update_at"

    @property
    def type(self) -> FieldType:
        return FIELD_TYPES[self]

    @property
    def max_length(self) -> int:
        return MAX_LENGTHS.get(self, 20_000)


FIELD_TYPES: dict[LagebildField, FieldType] = {
    LagebildField.TITLE: FieldType.TEXT,
    LagebildField.WHAT_HAPPENED: FieldType.MULTILINE,
    LagebildField.LOCATION: FieldType.TEXT,
    LagebildField.SINCE: FieldType.TIME,
    LagebildField.AFFECTED_AREA: FieldType.MULTILINE,
    LagebildField.PUBLIC_ACTION: FieldType.MULTILINE,
    LagebildField.HOTLINE: FieldType.TEXT,
    LagebildField.WEB_LINK: FieldType.TEXT,
    LagebildField.NEXT_UPDATE_AT: FieldType.TIME,
}
MAX_LENGTHS = {LagebildField.TITLE: 200, LagebildField.HOTLINE: 80, LagebildField.WEB_LINK: 500}

FieldValue = str | datetime | None


@dataclass(frozen=True)
class IncidentSnapshot:
    """An incident as read at one moment; what crosses from core to UI."""

    id: int
    title: str
    kind: IncidentKind
    mode: IncidentMode
    status: IncidentStatus
    created_at: datetime
    closed_at: datetime | None
    what_happened: str
    location: str
    since: datetime | None
    affected_area: str
    public_action: str
    hotline: str
    web_link: str
    next_update_at: datetime | None

    @property
    def is_drill(self) -> bool:
        return self.mode is IncidentMode.DRILL

    @property
    def is_open(self) -> bool:
        return self.status is IncidentStatus.OPEN

    def value(self, field: LagebildField) -> FieldValue:
        value: FieldValue = getattr(self, field.value)
        return value


class LagebildWarning(enum.StrEnum):
    """Problems in a Lagebild worth showing; they never block saving."""

    TITLE_EMPTY = "title_empty"
    HOTLINE_INVALID = "hotline_invalid"
    WEB_LINK_INVALID = "web_link_invalid"
    NEXT_UPDATE_PAST = "next_update_past"


def warnings(snapshot: IncidentSnapshot, now: datetime) -> dict[LagebildField, LagebildWarning]:
    found: dict[LagebildField, LagebildWarning] = {}
    if not snapshot.title.strip():
        found[LagebildField.TITLE] = LagebildWarning.TITLE_EMPTY
    if snapshot.hotline.strip() and not is_phone(snapshot.hotline):
        found[LagebildField.HOTLINE] = LagebildWarning.HOTLINE_INVALID
    if snapshot.web_link.strip() and not is_url(snapshot.web_link):
        found[LagebildField.WEB_LINK] = LagebildWarning.WEB_LINK_INVALID
    if snapshot.is_open and snapshot.next_update_at and snapshot.next_update_at < now:
        found[LagebildField.NEXT_UPDATE_AT] = LagebildWarning.NEXT_UPDATE_PAST
    return found


def to_journal_text(value: FieldValue) -> str | None:
    """How a value appears in the journal: times in ISO UTC, text as typed."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="seconds")
    return value


def from_journal_text(field: LagebildField, text: str | None) -> FieldValue:
    if text is None:
        return None
    if field.type is FieldType.TIME:
        return datetime.fromisoformat(text)
    return text
