"""The dialog feed's sources: adding a feed to an incident, polling what is due, storing
new items once (deduplicated), and each source's health."""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from kriseninfo.clock import Clock, utc_now
from kriseninfo.counting.platforms import Platform
from kriseninfo.dialog.feeds import parse_feed
from kriseninfo.dialog.fetch import Fetched, FetchError, fetch
from kriseninfo.dialog.plain import safe_link
from kriseninfo.dialog.records import Item
from kriseninfo.domain import Person
from kriseninfo.drills.arrivals import DRILL_SOURCE
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.incidents.rows import open_incident
from kriseninfo.journal import journal
from kriseninfo.journal.actions import Action
from kriseninfo.publishing.accounts import servable
from kriseninfo.publishing.channel import AccountConfig
from kriseninfo.storage.database import Database
from kriseninfo.storage.models import (
    ChannelAccount,
    Delivery,
    DialogItem,
    FeedSource,
    Incident,
    IncidentStatus,
)
from kriseninfo.triage.classify import Triage, TriageFor, lexicon_only
from kriseninfo.triage.service import first_guess
from kriseninfo.validation import strip_controls

log = logging.getLogger(__name__)

FEED = "feed"
MASTODON = "mastodon"
BLUESKY = "bluesky"
ACCOUNT_KINDS = {Platform.MASTODON: MASTODON, Platform.BLUESKY: BLUESKY}
NOT_HERE_S = 60.0  # an account whose secrets this console lacks: asked again after this
MIN_INTERVAL = 15  # seconds: a feed polled more often only burdens its server
MAX_BACKOFF = timedelta(minutes=30)

Fetcher = Callable[[str, str, str], Fetched]


@dataclass(frozen=True)
class Source:
    id: int
    incident_id: int | None
    kind: str
    name: str
    address: str
    interval_s: int
    enabled: bool
    next_poll_at: datetime
    failures: int
    last_success_at: datetime | None
    last_error_at: datetime | None
    last_error: str
    warning: str
    items_seen: int


@dataclass(frozen=True)
class Polled:
    source_id: int
    new_items: int
    unchanged: bool = False
    error: str = ""


class SourceService:
    def __init__(
        self,
        database: Database,
        clock: Clock = utc_now,
        fetcher: Fetcher | None = None,
        account: Callable[[int], AccountConfig | None] | None = None,
        triage: TriageFor = lexicon_only,
    ):
        self._db = database
        self._triage = triage
        self._clock = clock
        self._fetch: Fetcher = fetcher or (lambda url, etag, modified: fetch(url, etag, modified))
        #: Our accounts with their secrets (from this console's keyring), for notifications.
        self._account = account
        self._not_here: dict[int, float] = {}  # account sources this console cannot read

    def add_account(
        self, incident_id: int, account_id: int, by: Person, interval_s: int = 60
    ) -> Source:
        """Mentions of and replies to one of our Mastodon or Bluesky accounts."""
        with self._db.session() as session:
            open_incident(session, incident_id, for_update=True)
            account = session.get(ChannelAccount, account_id)
            kind = ACCOUNT_KINDS.get(Platform(account.platform)) if account else None
            if account is None or kind is None:
                raise KriseninfoError(
                    ErrorCode.INVALID_INPUT,
                    "only Mastodon and Bluesky accounts can be read for mentions",
                    {"field": "account"},
                )
            name = f"Erwähnungen von {account.name}"
            return self._add(session, incident_id, kind, name, "", interval_s, by, account.id)

    def add_feed(
        self, incident_id: int, name: str, url: str, by: Person, interval_s: int = 60
    ) -> Source:
        name = " ".join(strip_controls(name).split())
        address = safe_link(url)
        if not name or not address:
            raise KriseninfoError(
                ErrorCode.INVALID_INPUT,
                "a feed needs a name and an http(s) address",
                {"field": "address" if name else "name"},
            )
        with self._db.session() as session:
            open_incident(session, incident_id, for_update=True)
            return self._add(session, incident_id, FEED, name, address, interval_s, by, None)

    def _add(
        self,
        session: Session,
        incident_id: int,
        kind: str,
        name: str,
        address: str,
        interval_s: int,
        by: Person,
        account_id: int | None,
    ) -> Source:
        """A new source, due at once, journaled (caller holds the incident's lock)."""
        now = self._clock()
        row = FeedSource(
            incident_id=incident_id,
            kind=kind,
            name=name[:120],
            address=address,
            interval_s=max(MIN_INTERVAL, interval_s),
            enabled=True,
            etag="",
            modified="",
            next_poll_at=now,
            failures=0,
            last_error="",
            warning="",
            items_seen=0,
            created_at=now,
            account_id=account_id,
            cursor="",
        )
        session.add(row)
        session.flush()
        journal.append(
            session,
            at=now,
            actor=by.actor,
            action=Action.SOURCE_ADDED,
            incident_id=incident_id,
            field=f"source {row.id}",
            new_value=f"{row.name}: {address}" if address else row.name,
        )
        return _source(row)

    def for_incident(self, incident_id: int) -> list[Source]:
        """The sources the desk polls (a drill's injects come by its clock, not a poll:
        their sources have no health to show)."""
        with self._db.session(readonly=True) as session:
            rows = session.scalars(
                select(FeedSource)
                .where(FeedSource.incident_id == incident_id, FeedSource.kind != DRILL_SOURCE)
                .order_by(FeedSource.id)
            )
            return [_source(row) for row in rows]

    def poll_due(self) -> list[Polled]:
        """Poll every enabled source whose time has come (one after another)."""
        now = self._clock()
        with self._db.session(readonly=True) as session:
            due = list(
                session.scalars(
                    select(FeedSource.id)
                    .join(Incident, Incident.id == FeedSource.incident_id)
                    .where(
                        FeedSource.enabled,
                        FeedSource.next_poll_at <= now,
                        Incident.status != IncidentStatus.CLOSED,  # a closed incident: quiet
                    )
                    .order_by(FeedSource.id)
                )
            )
        skip = {i for i, until in self._not_here.items() if until > time.monotonic()}
        return [self.poll(source_id) for source_id in due if source_id not in skip]

    def poll(self, source_id: int) -> Polled:
        with self._db.session(readonly=True) as session:
            row = session.get(FeedSource, source_id)
            if row is None:
                raise KriseninfoError(ErrorCode.NOT_FOUND, f"source {source_id} not found")
            address, etag, modified = row.address, row.etag, row.modified
            kind, account_id, cursor = row.kind, row.account_id, row.cursor
        if kind in ACCOUNT_KINDS.values():
            return self._poll_account(source_id, kind, account_id, cursor)
        try:  # the network, outside any transaction
            fetched = self._fetch(address, etag, modified)
        except FetchError as error:
            self._failed(source_id, str(error))
            return Polled(source_id, 0, error=str(error))
        if fetched.unchanged:
            self._succeeded(source_id, fetched, [], [])
            return Polled(source_id, 0, unchanged=True)
        parsed = parse_feed(fetched.data, address, fetched.headers)
        return Polled(source_id, self._succeeded(source_id, fetched, parsed.items, parsed.warnings))

    def _poll_account(
        self, source_id: int, kind: str, account_id: int | None, cursor: str
    ) -> Polled:
        """Mentions of and replies to one of our accounts, through its platform's API."""
        from kriseninfo.dialog import notifications

        config = self._account(account_id) if self._account and account_id else None
        if config is None or not servable(config):
            # Another console of the desk may hold the secrets: this one steps aside
            # quietly (no failure counted, no backoff for the others) and looks again later.
            self._not_here[source_id] = time.monotonic() + NOT_HERE_S
            return Polled(source_id, 0, error="credentials not in this console's keyring")
        read = notifications.fetch_mastodon if kind == MASTODON else notifications.fetch_bluesky
        try:  # the network, outside any transaction
            page = read(config, cursor)
        except FetchError as error:
            self._failed(source_id, str(error))
            return Polled(source_id, 0, error=str(error))
        fetched = Fetched(200)  # an API answer: no ETag, the cursor marks what was read
        added = self._succeeded(source_id, fetched, page.items, page.warnings, page.cursor)
        return Polled(source_id, added)

    def _succeeded(
        self,
        source_id: int,
        fetched: Fetched,
        items: list[Item],
        warnings: list[str],
        cursor: str | None = None,
    ) -> int:
        now = self._clock()
        with self._db.session() as session:
            row = session.get(FeedSource, source_id, with_for_update=True)
            assert row is not None
            added = 0
            if row.incident_id is not None:
                triage = self._triage(session, row.incident_id)
                added = _store(session, row, items, now, triage)
            row.etag, row.modified = fetched.etag or row.etag, fetched.modified or row.modified
            if cursor is not None:
                row.cursor = cursor[:200] or row.cursor
            row.failures = 0
            row.last_success_at = now
            if not fetched.unchanged:
                row.warning = "; ".join(warnings)[:1000]
            row.items_seen += added
            row.next_poll_at = now + timedelta(seconds=row.interval_s)
            return added

    def _failed(self, source_id: int, reason: str) -> None:
        log.warning("feed source %s: %s", source_id, reason)
        now = self._clock()
        with self._db.session() as session:
            row = session.get(FeedSource, source_id, with_for_update=True)
            assert row is not None
            row.failures += 1
            row.last_error_at = now
            row.last_error = reason[:1000]
            pause = min(timedelta(seconds=row.interval_s) * 2**row.failures, MAX_BACKOFF)
            row.next_poll_at = now + pause


def dedupe_key(item: Item) -> str:
    """The same post through a feed and through an API is one item: keyed by its
    address where it has one, else by the source's own id."""
    basis = f"link:{item.link.rstrip('/')}" if item.link else f"id:{item.source}:{item.external_id}"
    return hashlib.sha256(basis.encode("utf-8", "replace")).hexdigest()


def _store(
    session: Session, row: FeedSource, items: list[Item], now: datetime, triage: Triage
) -> int:
    assert row.incident_id is not None
    keyed = {dedupe_key(item): item for item in items}
    if not keyed:
        return 0
    known = set(
        session.scalars(
            select(DialogItem.dedupe_key).where(
                DialogItem.incident_id == row.incident_id,
                DialogItem.dedupe_key.in_(list(keyed)),
            )
        )
    )
    threads = _our_posts(session, row.incident_id) if any(i.in_reply_to for i in items) else {}
    fresh: list[dict[str, object]] = []
    added = 0
    for key, item in keyed.items():
        if key in known:
            if item.reply_ref and row.account_id is not None:
                _make_answerable(session, row, key, item, threads, now)
            continue
        fresh.append(
            dict(
                incident_id=row.incident_id,
                source_id=row.id,
                dedupe_key=key,
                external_id=item.external_id,
                author=item.author[:300],
                title=item.title[:300],
                text=item.text,
                link=item.link,
                in_reply_to=item.in_reply_to,
                published_at=item.published,
                received_at=now,
                **first_guess(triage, item.title, item.text),
                state="offen",
                updated_at=now,
                account_id=row.account_id if item.reply_ref else None,
                reply_ref=item.reply_ref[:500],
                thread_set_id=threads.get(_ref_key(item.in_reply_to)),
            )
        )
        added += 1
    if fresh:  # one statement for the lot: a busy feed brings hundreds at once
        session.execute(insert(DialogItem), fresh)
    return added


def _make_answerable(
    session: Session,
    row: FeedSource,
    key: str,
    item: Item,
    threads: dict[str, int],
    now: datetime,
) -> None:
    """The same post came first through a feed (no way to answer it there) and now
    through our account's notifications: the one item becomes answerable on the channel."""
    known = session.scalars(
        select(DialogItem)
        .where(
            DialogItem.incident_id == row.incident_id,
            DialogItem.dedupe_key == key,
            DialogItem.reply_ref == "",
        )
        .with_for_update()
    ).first()
    if known is None:
        return
    known.account_id = row.account_id
    known.reply_ref = item.reply_ref[:500]
    known.in_reply_to = known.in_reply_to or item.in_reply_to
    known.thread_set_id = known.thread_set_id or threads.get(_ref_key(item.in_reply_to))
    known.updated_at = now


def _our_posts(session: Session, incident_id: int) -> dict[str, int]:
    """What our published posts are called on their platforms (id, address, and for
    Bluesky the at-uri alone) → their message set: replies are threaded under them."""
    found: dict[str, int] = {}
    rows = session.execute(
        select(Delivery.platform_id, Delivery.platform_url, Delivery.set_id).where(
            Delivery.incident_id == incident_id, Delivery.platform_id != ""
        )
    )
    for platform_id, url, set_id in rows:
        for name in (platform_id, platform_id.split("|", 1)[0], url):
            if name:
                found[_ref_key(name)] = set_id
    return found


def _ref_key(reference: str) -> str:
    return reference.strip().rstrip("/")


def _source(row: FeedSource) -> Source:
    return Source(
        id=row.id,
        incident_id=row.incident_id,
        kind=row.kind,
        name=row.name,
        address=row.address,
        interval_s=row.interval_s,
        enabled=row.enabled,
        next_poll_at=row.next_poll_at,
        failures=row.failures,
        last_success_at=row.last_success_at,
        last_error_at=row.last_error_at,
        last_error=row.last_error,
        warning=row.warning,
        items_seen=row.items_seen,
    )
