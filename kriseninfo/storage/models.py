"""ORM rows: people, incidents with their Lagebild, and the journal.

The enums live in `kriseninfo.domain`; they are re-exported here for the rows' users.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import (
    Enum,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    event,
    false,
    inspect,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import DeclarativeBase, Mapped, Mapper, mapped_column

from kriseninfo.domain import IncidentKind, IncidentMode, IncidentStatus, Role
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.storage.types import UTCDateTime


class Base(DeclarativeBase):
    """The declarative base every Kriseninfo row derives from."""


def _enum(cls: type[enum.Enum], name: str) -> Enum:
    """Store enums by value as plain strings: readable in SQL, no DB enum types to migrate."""
    return Enum(
        cls,
        name=name,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda members: [m.value for m in members],
    )


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    role: Mapped[Role] = mapped_column(_enum(Role, "role"))
    pin_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Incident(Base):
    """A Lage: an incident and its Lagebild (the current picture of the situation)."""

    __tablename__ = "incident"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[IncidentKind] = mapped_column(_enum(IncidentKind, "incident_kind"))
    mode: Mapped[IncidentMode] = mapped_column(_enum(IncidentMode, "incident_mode"))
    status: Mapped[IncidentStatus] = mapped_column(_enum(IncidentStatus, "incident_status"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The Lagebild
    what_happened: Mapped[str] = mapped_column(Text, default="")
    location: Mapped[str] = mapped_column(Text, default="")
    since: Mapped[datetime | None] = mapped_column(UTCDateTime())
    affected_area: Mapped[str] = mapped_column(Text, default="")
    public_action: Mapped[str] = mapped_column(Text, default="")
    hotline: Mapped[str] = mapped_column(String(80), default="")
    web_link: Mapped[str] = mapped_column(String(500), default="")
    next_update_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


@event.listens_for(Incident, "before_update")
def _mode_is_fixed(_mapper: Mapper[Incident], _connection: Connection, target: Incident) -> None:
    """Drill or real is fixed at creation (the database's trigger refuses it too)."""
    if inspect(target).attrs.mode.history.deleted:
        raise KriseninfoError(
            ErrorCode.PERMISSION_DENIED,
            f"incident {target.id}: drill or real cannot be changed",
            {"field": "mode"},
        )


class JournalEntry(Base):
    """One line of the Einsatztagebuch. Append-only; `hash` chains it to the line before."""

    __tablename__ = "journal_entry"
    __table_args__ = (UniqueConstraint("seq", name="uq_journal_entry_seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    user_name: Mapped[str] = mapped_column(String(120))
    incident_id: Mapped[int | None] = mapped_column(ForeignKey("incident.id"), index=True)
    action: Mapped[str] = mapped_column(String(64))
    field: Mapped[str] = mapped_column(String(64), default="")
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class JournalHead(Base):
    """The newest journal line, kept in a single row so a deleted tail is noticed.

    Appending locks this row, which also serialises writers on PostgreSQL.
    """

    __tablename__ = "journal_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))


class Meta(Base):
    """Facts about the database itself, e.g. which program version wrote its schema."""

    __tablename__ = "kriseninfo_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ChannelAccount(Base):
    """Where messages go: one account of one platform (several per kind are normal).

    Global when `incident_id` is None, else only for that incident. Credentials never live
    here; they are in the OS keyring.
    """

    __tablename__ = "channel_account"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(120))
    address: Mapped[str] = mapped_column(String(500), default="")
    languages: Mapped[str] = mapped_column(String(120), default="de")  # comma-separated
    max_length: Mapped[int | None] = mapped_column(Integer)
    enabled: Mapped[bool] = mapped_column(default=True)
    incident_id: Mapped[int | None] = mapped_column(ForeignKey("incident.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    #: Non-secret settings of the channel (server, port, folder, list addresses) as JSON.
    settings_json: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")
    #: The keyring user name under which this account's secrets are stored.
    secret_ref: Mapped[str] = mapped_column(String(64), default="", server_default="")


class IncidentPlaybook(Base):
    """The playbook an incident follows, its current phase, the facts and ticked checks."""

    __tablename__ = "incident_playbook"

    incident_id: Mapped[int] = mapped_column(ForeignKey("incident.id"), primary_key=True)
    playbook_id: Mapped[str] = mapped_column(String(48))
    playbook_version: Mapped[str] = mapped_column(String(20))
    phase_id: Mapped[str] = mapped_column(String(48))
    facts_json: Mapped[str] = mapped_column(Text, default="{}")
    checklist_json: Mapped[str] = mapped_column(Text, default="{}")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class MessageSet(Base):
    """The messages of one phase for every channel account and language."""

    __tablename__ = "message_set"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incident.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(32))
    phase_id: Mapped[str] = mapped_column(String(48))
    playbook_id: Mapped[str] = mapped_column(String(48), default="")
    playbook_version: Mapped[str] = mapped_column(String(20), default="")
    playbook_released: Mapped[bool] = mapped_column(default=False)
    follows_id: Mapped[int | None] = mapped_column(ForeignKey("message_set.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    #: The facts the texts were rendered with (to notice facts changed since).
    facts_json: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")
    #: "senden um": deliveries wait until then; None sends on release.
    send_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Message(Base):
    """One draft: one channel account, one language; `parts` > 1 is a thread."""

    __tablename__ = "message"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    set_id: Mapped[int] = mapped_column(ForeignKey("message_set.id"), index=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("channel_account.id"))
    platform: Mapped[str] = mapped_column(String(32))
    language: Mapped[str] = mapped_column(String(16))
    subject: Mapped[str] = mapped_column(Text, default="")
    parts_json: Mapped[str] = mapped_column(Text)
    media_json: Mapped[str] = mapped_column(Text, default="[]")
    template_json: Mapped[str | None] = mapped_column(Text)  # as rendered, for "unchanged"
    #: An answer to a citizen: the platform id of the post it replies to.
    reply_to: Mapped[str] = mapped_column(String(500), default="", server_default="")
    render_error: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(32))
    version: Mapped[int] = mapped_column(Integer, default=1)
    edited_at: Mapped[datetime] = mapped_column(UTCDateTime())
    edited_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    submitted_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    released_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    released_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    release_kind: Mapped[str | None] = mapped_column(String(32))
    release_reason: Mapped[str] = mapped_column(Text, default="")
    rejected_comment: Mapped[str] = mapped_column(Text, default="")


class MessageVersion(Base):
    """Every saved state of a message, for the diff view."""

    __tablename__ = "message_version"
    __table_args__ = (UniqueConstraint("message_id", "version", name="uq_message_version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("message.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    subject: Mapped[str] = mapped_column(Text, default="")
    parts_json: Mapped[str] = mapped_column(Text)
    media_json: Mapped[str] = mapped_column(Text, default="[]")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    note: Mapped[str] = mapped_column(String(64), default="")


class PinLock(Base):
    """Wrong release PINs per person; too many in a row lock that person's releases."""

    __tablename__ = "pin_lock"

    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())


class DeskSettingRow(Base):
    """A setting every console of the desk shares (e.g. whether Eilfreigabe is allowed)."""

    __tablename__ = "desk_setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class MediaBlob(Base):
    """An image attached to drafts, kept in the database so every console of a shared desk
    has it; the same file attached twice is stored once (by its SHA-256)."""

    __tablename__ = "media_blob"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    filename: Mapped[str] = mapped_column(String(255))
    mime: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


__all__ = [
    "Base",
    "ChannelAccount",
    "DeskSettingRow",
    "Incident",
    "IncidentKind",
    "IncidentMode",
    "IncidentPlaybook",
    "IncidentStatus",
    "JournalEntry",
    "JournalHead",
    "MediaBlob",
    "Message",
    "MessageSet",
    "MessageVersion",
    "Meta",
    "PinLock",
    "Role",
    "User",
]


class Delivery(Base):
    """One post to one channel account: the outbox row the publishing worker sends.

    Created in the transaction that releases its message, one per thread part. Its
    `key` is stable across retries, so platforms that honour idempotency never post
    twice. `in_flight` says a request may have reached the platform.
    """

    __tablename__ = "delivery"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incident.id"), index=True)
    set_id: Mapped[int] = mapped_column(ForeignKey("message_set.id"))
    message_id: Mapped[int] = mapped_column(ForeignKey("message.id"), index=True)
    message_version: Mapped[int] = mapped_column(Integer)
    account_id: Mapped[int] = mapped_column(ForeignKey("channel_account.id"), index=True)
    part: Mapped[int] = mapped_column(Integer, default=0)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("delivery.id"))
    parent_optional: Mapped[bool] = mapped_column(default=False)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    drill: Mapped[bool] = mapped_column(default=False)
    state: Mapped[str] = mapped_column(String(16), index=True)
    wait_reason: Mapped[str] = mapped_column(String(32), default="")
    not_before: Mapped[datetime] = mapped_column(UTCDateTime())
    lease_owner: Mapped[str | None] = mapped_column(String(80))
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    in_flight: Mapped[bool] = mapped_column(default=False)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    retract: Mapped[bool] = mapped_column(default=False)
    #: Without a parent delivery: the platform id of someone else's post it replies to.
    reply_to: Mapped[str] = mapped_column(String(500), default="", server_default="")
    platform_id: Mapped[str] = mapped_column(String(300), default="")
    platform_url: Mapped[str] = mapped_column(String(500), default="")
    error_code: Mapped[str] = mapped_column(String(32), default="")
    error_detail: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class ChannelHealth(Base):
    """Per channel account: last success, last error, and its circuit breaker."""

    __tablename__ = "channel_health"

    account_id: Mapped[int] = mapped_column(ForeignKey("channel_account.id"), primary_key=True)
    last_success_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error_code: Mapped[str] = mapped_column(String(32), default="")
    last_error_detail: Mapped[str] = mapped_column(Text, default="")
    failures: Mapped[int] = mapped_column(Integer, default=0)  # consecutive
    open_until: Mapped[datetime | None] = mapped_column(UTCDateTime())


class SandboxPost(Base):
    """What a drill would have published: the Übungs-Timeline. Never leaves the database."""

    __tablename__ = "sandbox_post"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    delivery_id: Mapped[int] = mapped_column(ForeignKey("delivery.id"), unique=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incident.id"), index=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("channel_account.id"))
    platform: Mapped[str] = mapped_column(String(32))
    subject: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text)
    media_count: Mapped[int] = mapped_column(Integer, default=0)
    reply_to: Mapped[str] = mapped_column(String(300), default="")
    posted_at: Mapped[datetime] = mapped_column(UTCDateTime())


class FeedSource(Base):
    """Where questions come from: a feed (RSS/Atom), later platform notifications, the
    hotline. Polled on its own interval; its health is kept with it."""

    __tablename__ = "feed_source"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int | None] = mapped_column(ForeignKey("incident.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(120))
    address: Mapped[str] = mapped_column(String(2000), default="")
    interval_s: Mapped[int] = mapped_column(Integer, default=60)
    enabled: Mapped[bool] = mapped_column(default=True)
    etag: Mapped[str] = mapped_column(String(500), default="")
    modified: Mapped[str] = mapped_column(String(100), default="")
    next_poll_at: Mapped[datetime] = mapped_column(UTCDateTime())
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_success_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error: Mapped[str] = mapped_column(Text, default="")
    warning: Mapped[str] = mapped_column(Text, default="")
    items_seen: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    #: Notification sources read one of our accounts; `cursor` marks what was read.
    account_id: Mapped[int | None] = mapped_column(
        ForeignKey("channel_account.id", name="fk_feed_source_account_id")
    )
    cursor: Mapped[str] = mapped_column(String(200), default="", server_default="")


class DialogItem(Base):
    """One citizen's question, comment or note in an incident's dialog feed."""

    __tablename__ = "dialog_item"
    __table_args__ = (UniqueConstraint("incident_id", "dedupe_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incident.id"), index=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("feed_source.id"))
    dedupe_key: Mapped[str] = mapped_column(String(128))
    external_id: Mapped[str] = mapped_column(String(500), default="")
    author: Mapped[str] = mapped_column(String(300), default="")
    title: Mapped[str] = mapped_column(String(300), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    link: Mapped[str] = mapped_column(String(2000), default="")
    in_reply_to: Mapped[str] = mapped_column(String(500), default="")
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    category: Mapped[str] = mapped_column(String(32), default="")
    #: Why the triage chose the category ("Atemnot · Kind"); empty once a person set it,
    #: and then `category_by_hand`, so a new triage leaves it alone.
    triage_why: Mapped[str] = mapped_column(String(200), default="", server_default="")
    category_by_hand: Mapped[bool] = mapped_column(default=False, server_default=false())
    state: Mapped[str] = mapped_column(String(16), default="offen")
    #: "Ich übernehme": who answers it, so two colleagues never answer the same question.
    claimed_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: Hotline notes: the caller's district, and a callback number, which is personal
    #: data: it is deleted at `personal_until` and never written to the journal.
    district: Mapped[str] = mapped_column(String(120), default="", server_default="")
    callback: Mapped[str] = mapped_column(String(80), default="", server_default="")
    personal_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: Every change sets it, so a live list reads only what changed.
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    #: Our account it can be answered through, and what the reply names as its parent.
    account_id: Mapped[int | None] = mapped_column(
        ForeignKey("channel_account.id", name="fk_dialog_item_account_id")
    )
    reply_ref: Mapped[str] = mapped_column(String(500), default="", server_default="")
    answer_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    answered_by: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", name="fk_dialog_item_answered_by")
    )
    #: The message set that carries our answer, and the set of ours the item replies to.
    answer_set_id: Mapped[int | None] = mapped_column(
        ForeignKey("message_set.id", name="fk_dialog_item_answer_set_id")
    )
    thread_set_id: Mapped[int | None] = mapped_column(
        ForeignKey("message_set.id", name="fk_dialog_item_thread_set_id")
    )


class Drill(Base):
    """An Übung: the drill incident's playbook, its clock and when it ended.

    The drill clock is the list of its `DrillRun`s; `heartbeat_at` is when a console last
    advanced it, so a drill whose consoles all died is paused where it was."""

    __tablename__ = "drill"
    __table_args__ = (UniqueConstraint("incident_id", name="uq_drill_incident_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incident.id"))
    playbook_id: Mapped[str] = mapped_column(String(64))
    playbook_version: Mapped[str] = mapped_column(String(32))
    duration_s: Mapped[float | None] = mapped_column(Float)  # the playbook's drill length
    prefix: Mapped[str] = mapped_column(String(40))  # "ÜBUNG", put before every text
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    started_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    heartbeat_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class DrillRun(Base):
    """A stretch of the drill clock at one speed: from `wall_from` (drill time
    `drill_from`) until `wall_to`, open while it runs. Gaps between runs are pauses."""

    __tablename__ = "drill_run"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    drill_id: Mapped[int] = mapped_column(ForeignKey("drill.id"), index=True)
    wall_from: Mapped[datetime] = mapped_column(UTCDateTime())
    wall_to: Mapped[datetime | None] = mapped_column(UTCDateTime())
    drill_from: Mapped[float] = mapped_column(Float)
    speed: Mapped[float] = mapped_column(Float)


class DrillInject(Base):
    """A scripted (or, by the exercise lead, hand-made) message due at `at_s` on the
    drill clock; `item_id` is the dialog item it became once it arrived."""

    __tablename__ = "drill_inject"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    drill_id: Mapped[int] = mapped_column(ForeignKey("drill.id"), index=True)
    at_s: Mapped[float] = mapped_column(Float)
    phase_id: Mapped[str] = mapped_column(String(64), default="")
    channel: Mapped[str] = mapped_column(String(32))
    author: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text)
    expect_category: Mapped[str] = mapped_column(String(32))
    expect_answer: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    manual: Mapped[bool] = mapped_column(default=False)
    added_by: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    item_id: Mapped[int | None] = mapped_column(ForeignKey("dialog_item.id"))
    arrived_s: Mapped[float | None] = mapped_column(Float)  # drill time it arrived
