"""Mentions of and replies to one of our channel accounts, as dialog items.

Mastodon: GET /api/v1/notifications with types[]=mention, through Mastodon.py. The cursor
is the newest notification id seen; the next poll asks with `min_id` for the ones right
after it (oldest first), so a busy hour leaves no gap: a few pages per poll, the rest on
the next one.

Bluesky: app.bsky.notification.listNotifications through the atproto SDK, read as raw
XRPC so that one malformed notification costs a warning and not the page; reasons
mention, reply and quote. The list is newest first; the cursor is the newest `indexedAt`
seen, and paging stops at the first notification at or before it. The session is kept
per account between polls: createSession is rate limited (30 in 5 minutes, 300 a day).

Failures of the request raise `FetchError` with a one-line English reason; a broken
notification is skipped with a warning. Secrets never reach a message or the log.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final

import httpx
import requests
from atproto import Client, models  # type: ignore[import-untyped]
from atproto_client.exceptions import (  # type: ignore[import-untyped]
    LoginRequiredError,
    RequestErrorBase,
)
from atproto_core.exceptions import AtProtocolError  # type: ignore[import-untyped]
from mastodon import (
    MastodonAPIError,
    MastodonError,
    MastodonNetworkError,
    MastodonRatelimitError,
    MastodonServerError,
    MastodonUnauthorizedError,
)

from kriseninfo.counting.hidden import clean
from kriseninfo.dialog.fetch import FetchError
from kriseninfo.dialog.plain import CUT_MARK, MAX_TEXT, safe_link, to_plain
from kriseninfo.dialog.records import PRIVATE_TITLE, Item
from kriseninfo.publishing.channel import AccountConfig
from kriseninfo.publishing.channels import bluesky as bluesky_channel
from kriseninfo.publishing.channels import mastodon as mastodon_channel

_log = logging.getLogger(__name__)

#: The title of a mention not meant for the public (answered by hand, never in public).
#: Requests per poll at most; what is left is read on the next poll.
MAX_PAGES: Final = 5
#: (connect, read) seconds for each request.
TIMEOUT: tuple[float, float] = (10.0, 30.0)
#: Bluesky notification reasons that are something said to us.
BLUESKY_REASONS: Final = ("mention", "reply", "quote")
LIST_NOTIFICATIONS: Final = "app.bsky.notification.listNotifications"
_NAME_LIMIT: Final = 200
_SESSION_ERRORS: Final = frozenset({"ExpiredToken", "InvalidToken"})
#: Where a notification stands in the platform's own order (oldest lowest).
_Order = tuple[int, str]


@dataclass(frozen=True)
class Page:
    items: list[Item]
    cursor: str  # pass back next time to get only newer notifications ("" = first poll)
    warnings: list[str]  # English, one line each


class _Skip(Exception):
    """One notification that cannot become an item (the message says why)."""


# -- Mastodon ------------------------------------------------------------------------------
def fetch_mastodon(account: AccountConfig, cursor: str, limit: int = 40) -> Page:
    if not account.secrets.get("access_token"):
        raise FetchError("no access token for this Mastodon account")
    source = f"mastodon:{account.id}"
    limit = max(1, min(limit, 80))  # the API's maximum
    api = mastodon_channel.make_client(account, timeout=TIMEOUT)
    items: dict[str, tuple[_Order, Item]] = {}
    warnings: list[str] = []
    newest = cursor
    try:
        # The first poll reads the newest page only; later polls catch up page by page.
        for _ in range(MAX_PAGES if cursor else 1):
            since = newest
            answer = _mastodon(
                api.notifications, types=["mention"], limit=limit, min_id=since or None
            )
            if not isinstance(answer, list):
                raise FetchError("unreadable answer from the Mastodon instance")
            for raw in answer:
                ident = _id_text(raw.get("id")) if isinstance(raw, Mapping) else ""
                if ident and _id_key(ident) > _id_key(newest):
                    newest = ident
                _collect(items, warnings, _id_key(ident), _mastodon_item, raw, source)
            if len(answer) < limit or newest == since:
                break
    finally:
        api.session.close()
    return Page(_in_order(items), newest, warnings)


def _mastodon_item(raw: Any, source: str) -> Item | None:
    if not isinstance(raw, Mapping):
        raise _Skip("a notification that is not an object")
    if raw.get("type") != "mention":
        return None  # an instance that ignores types[] (older than 3.5)
    ident = _id_text(raw.get("id")) or "without id"
    status = raw.get("status")
    if not isinstance(status, Mapping):
        raise _Skip(f"mention {ident} has no status")
    status_id = _id_text(status.get("id"))
    content = status.get("content")
    account = status.get("account") or raw.get("account")
    if not status_id or not isinstance(content, str) or not isinstance(account, Mapping):
        raise _Skip(f"mention {ident} lacks the status id, content or account")
    acct = account.get("acct")
    if not isinstance(acct, str) or not acct.strip():
        raise _Skip(f"mention {ident} has no author address")
    published = _utc(status.get("created_at")) or _utc(raw.get("created_at"))
    if published is None:
        raise _Skip(f"mention {ident} has no valid time")
    text = to_plain(content)
    spoiler = status.get("spoiler_text")
    if isinstance(spoiler, str) and spoiler.strip():
        text = f"CW: {to_plain(spoiler, _NAME_LIMIT)}\n\n{text}".strip()
    uri = status.get("uri")
    # Our replies are public. A message meant for us alone (direct, followers only) is
    # never answered in public: it is marked, and answered by hand.
    private = status.get("visibility") in ("direct", "private")
    return Item(
        source=source,
        external_id=(uri if isinstance(uri, str) and uri.strip() else status_id)[:1000],
        author=_person(account.get("display_name"), acct),
        text=text,
        published=published,
        link=safe_link(status.get("url")) or safe_link(uri),
        title=PRIVATE_TITLE if private else "",
        in_reply_to=_id_text(status.get("in_reply_to_id")),
        reply_ref="" if private else status_id,
    )


def _mastodon(method: Callable[..., Any], **kwargs: Any) -> Any:
    try:
        return method(**kwargs)
    except MastodonRatelimitError:
        raise FetchError("the Mastodon instance's rate limit is reached") from None
    except MastodonNetworkError as error:
        raise _requests_failure(error.__context__ or error) from None
    except MastodonUnauthorizedError:
        raise FetchError("the Mastodon instance refused the access token (HTTP 401)") from None
    except MastodonServerError as error:
        raise FetchError(f"Mastodon server error (HTTP {_status(error)})") from None
    except MastodonAPIError as error:
        status = _status(error)
        if not status:  # an answer that is not JSON
            raise FetchError("unreadable answer from the Mastodon instance") from None
        message = error.args[3] if len(error.args) > 3 else None
        detail = _one_line(message, 120) if isinstance(message, str) else ""
        raise FetchError(
            f"the Mastodon instance refused the request (HTTP {status}"
            + (f": {detail})" if detail else ")")
        ) from None
    except MastodonError as error:
        raise FetchError(f"Mastodon request failed ({type(error).__name__})") from None


def _status(error: Exception) -> int:
    """Mastodon.py passes (text, status, reason, error message)."""
    status = error.args[1] if len(error.args) > 1 else 0
    return status if isinstance(status, int) else 0


def _requests_failure(error: BaseException) -> FetchError:
    name = type(error).__name__
    if isinstance(error, requests.exceptions.ConnectTimeout):
        return FetchError(f"no connection to the Mastodon instance ({name})")
    if isinstance(error, requests.exceptions.Timeout):
        return FetchError(f"no answer in time from the Mastodon instance ({name})")
    if isinstance(error, requests.exceptions.InvalidURL | requests.exceptions.InvalidSchema):
        return FetchError("the Mastodon instance address is not usable")
    if isinstance(error, requests.exceptions.ConnectionError):
        return FetchError(f"no connection to the Mastodon instance ({name})")
    return FetchError(f"request to the Mastodon instance failed ({name})")


def _id_key(ident: str) -> _Order:
    """Ids sort by length, then as text: right for Mastodon's numbers in strings and for
    the fixed-length ids of other servers (GoToSocial's ULIDs, Pleroma's flake ids)."""
    return (len(ident), ident)


def _id_text(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int):
        return ""
    return _one_line(value, 100)


# -- Bluesky -------------------------------------------------------------------------------
@dataclass
class _Session:
    """A logged-in SDK client for one account; `lock` serialises polls of the account."""

    fingerprint: str  # of service, login name and password: a changed one logs in anew
    client: Client
    lock: threading.Lock
    logged_in: bool = False


_sessions: dict[int, _Session] = {}
_sessions_lock = threading.Lock()


def fetch_bluesky(account: AccountConfig, cursor: str, limit: int = 50) -> Page:
    service, identifier, password = bluesky_channel.login_of(account)
    if not identifier or not password:
        raise FetchError("no handle or app password for this Bluesky account")
    source = f"bluesky:{account.id}"
    limit = max(1, min(limit, 100))  # the lexicon's range
    warnings: list[str] = []
    since = _utc(cursor) if cursor else None
    if cursor and since is None:
        warnings.append("the stored position was unreadable; reading the newest notifications")
    session = _session(account.id, service, identifier, password)
    items: dict[str, tuple[_Order, Item]] = {}
    seen = 0  # notifications read: the list is newest first, so a later one is older
    newest, position = since, cursor
    reached = since is None  # the first poll reads the newest page only
    with session.lock:
        page_cursor: str | None = None
        for _ in range(MAX_PAGES if since else 1):
            params = models.AppBskyNotificationListNotifications.Params(
                limit=limit, cursor=page_cursor, reasons=list(BLUESKY_REASONS)
            )
            answer = _bluesky_query(session, identifier, password, params)
            notes = answer.get("notifications")
            if not isinstance(notes, list):
                raise FetchError("unreadable answer from Bluesky (no notifications list)")
            for raw in notes:
                indexed = _utc(raw.get("indexedAt")) if isinstance(raw, Mapping) else None
                if since is not None and indexed is not None and indexed <= since:
                    reached = True  # newest first: everything from here on was read before
                    break
                if indexed is not None and (newest is None or indexed > newest):
                    newest, position = indexed, str(raw["indexedAt"]).strip()
                seen += 1
                _collect(items, warnings, (-seen, ""), _bluesky_item, raw, source, indexed)
            page_cursor = answer.get("cursor")
            if reached or not notes or not isinstance(page_cursor, str) or not page_cursor:
                reached = True
                break
    if not reached:
        warnings.append(
            f"more than {MAX_PAGES} pages of notifications since the last poll; "
            "older ones were not read"
        )
    return Page(_in_order(items), position, warnings)


def close_sessions() -> None:
    """Forget every kept Bluesky session and close its connections."""
    with _sessions_lock:
        held = list(_sessions.values())
        _sessions.clear()
    for session in held:
        session.client.request.close()


def _bluesky_item(raw: Any, source: str, indexed: datetime | None) -> Item | None:
    if not isinstance(raw, Mapping):
        raise _Skip("a notification that is not an object")
    reason = raw.get("reason")
    if reason not in BLUESKY_REASONS:
        return None  # a like, a follow: nothing said to us
    uri = raw.get("uri")
    parts = uri.removeprefix("at://").split("/") if isinstance(uri, str) else []
    if (
        not isinstance(uri, str)
        or not uri.startswith("at://")
        or len(uri) > 1000
        or len(parts) != 3
        or parts[1] != bluesky_channel.COLLECTION
        or not parts[2]
    ):
        raise _Skip(f"a {reason} without the address of a post")
    record = raw.get("record")
    author = raw.get("author")
    if not isinstance(record, Mapping) or not isinstance(record.get("text"), str):
        raise _Skip(f"{reason} {_one_line(uri)} has no post text")
    if not isinstance(author, Mapping) or not str(author.get("did") or "").startswith("did:"):
        raise _Skip(f"{reason} {_one_line(uri)} has no author")
    did = _one_line(author.get("did"), 300)
    handle = author.get("handle")
    handle = _one_line(handle, 253) if isinstance(handle, str) else ""
    published = indexed or _utc(record.get("createdAt"))
    if published is None:
        raise _Skip(f"{reason} {_one_line(uri)} has no valid time")
    actor = handle if handle and handle != "handle.invalid" else did
    reply = record.get("reply")
    parent = reply.get("parent") if isinstance(reply, Mapping) else None
    parent_uri = parent.get("uri") if isinstance(parent, Mapping) else None
    return Item(
        source=source,
        external_id=uri,
        author=_person(author.get("displayName"), actor),
        text=_plain_text(record["text"]),
        published=published,
        link=safe_link(bluesky_channel.post_url(actor, uri)),
        in_reply_to=parent_uri if isinstance(parent_uri, str) and len(parent_uri) <= 1000 else "",
        reply_ref=uri,
    )


def _session(account_id: int, service: str, identifier: str, password: str) -> _Session:
    key = "\0".join((service, identifier, password)).encode("utf-8")
    fingerprint = hashlib.sha256(key).hexdigest()
    with _sessions_lock:
        held = _sessions.get(account_id)
        if held is not None and held.fingerprint == fingerprint:
            return held
        if held is not None:
            held.client.request.close()
        timeout = httpx.Timeout(TIMEOUT[1], connect=TIMEOUT[0])
        made = _Session(
            fingerprint, bluesky_channel.make_client(service, timeout), threading.Lock()
        )
        _sessions[account_id] = made
        return made


class _SessionRefused(Exception):
    """The PDS refused the login or the session's token (the message is its reason)."""


def _bluesky_query(session: _Session, identifier: str, password: str, params: Any) -> Any:
    """One listNotifications request; a refused session logs in again, once."""
    if not session.logged_in:
        _login(session, identifier, password)
    client = session.client
    try:
        return _content(_xrpc(lambda: client.invoke_query(LIST_NOTIFICATIONS, params=params)))
    except _SessionRefused as first:
        _log.info("Bluesky session refused (%s); logging in again", first)
    _login(session, identifier, password)
    try:
        return _content(_xrpc(lambda: client.invoke_query(LIST_NOTIFICATIONS, params=params)))
    except _SessionRefused as error:
        raise FetchError(f"Bluesky refused the session ({error})") from None


def _login(session: _Session, identifier: str, password: str) -> None:
    session.logged_in = False
    try:
        _xrpc(lambda: session.client.login(identifier, password, fetch_bsky_profile=False))
    except _SessionRefused as error:
        raise FetchError(f"Bluesky refused the login ({error})") from None
    session.logged_in = True


def _xrpc(request: Callable[[], Any]) -> Any:
    """Run an SDK call; every failure comes out as FetchError (or _SessionRefused)."""
    try:
        return request()
    except RequestErrorBase as error:
        if error.response is None:
            raise _httpx_failure(error.__cause__ or error) from None
        raise _answer_error(error.response) from None
    except httpx.HTTPError as error:  # the SDK passes some through (a server that hung up)
        raise _httpx_failure(error) from None
    except LoginRequiredError:
        raise _SessionRefused("no session") from None
    except (AtProtocolError, ValueError) as error:  # not JSON, or not the documented shape
        raise FetchError(f"unreadable answer from Bluesky ({type(error).__name__})") from None


def _answer_error(response: Any) -> Exception:
    """An XRPC error answer: {"error": name, "message": text} with an HTTP status."""
    status = int(response.status_code)
    content = response.content
    name = content.get("error") if isinstance(content, Mapping) else getattr(content, "error", "")
    name = _one_line(name, 60) if isinstance(name, str) else ""
    label = f"HTTP {status} {name}".strip()
    if status == 401 or name in _SESSION_ERRORS:
        return _SessionRefused(label)
    if status == 429:
        return FetchError(f"Bluesky's rate limit is reached ({label})")
    if status >= 500:
        return FetchError(f"Bluesky server error ({label})")
    return FetchError(f"Bluesky refused the request ({label})")


def _httpx_failure(error: BaseException) -> FetchError:
    name = type(error).__name__
    if isinstance(error, httpx.ConnectError | httpx.ConnectTimeout | httpx.ProxyError):
        return FetchError(f"no connection to Bluesky ({name})")
    if isinstance(error, httpx.TimeoutException):
        return FetchError(f"no answer in time from Bluesky ({name})")
    if isinstance(error, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return FetchError("the Bluesky server address is not usable")
    return FetchError(f"request to Bluesky failed ({name})")


def _content(response: Any) -> dict[str, Any]:
    content = getattr(response, "content", None)
    if not isinstance(content, dict):
        raise FetchError("unreadable answer from Bluesky (not a JSON object)")
    return content


# -- shared --------------------------------------------------------------------------------
def _collect(
    items: dict[str, tuple[_Order, Item]],
    warnings: list[str],
    order: _Order,
    make: Callable[..., Item | None],
    *args: Any,
) -> None:
    """Add one notification's item (once per id); a broken one becomes a warning."""
    try:
        item = make(*args)
    except _Skip as skip:
        warnings.append(f"notification skipped: {skip}")
        return
    except Exception as error:  # one odd notification never costs the others
        warnings.append(f"notification skipped ({type(error).__name__})")
        return
    if item is not None:
        items.setdefault(item.external_id, (order, item))


def _in_order(items: Mapping[str, tuple[_Order, Item]]) -> list[Item]:
    """Oldest first, as the platform ordered the notifications (not by the posts' times)."""
    return [item for _order, item in sorted(items.values(), key=lambda entry: entry[0])]


def _utc(value: Any) -> datetime | None:
    """An aware UTC time from a datetime or an ISO 8601 text; None when unusable."""
    try:
        if isinstance(value, str) and 0 < len(value) <= 64:
            value = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        if not isinstance(value, datetime):
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    except (ValueError, OverflowError):
        return None


def _person(display_name: Any, address: str) -> str:
    """ "Display Name (@handle)", or "@handle" without a display name (a DID stays bare)."""
    at = _one_line(address, 300).removeprefix("@")
    at = at if at.startswith("did:") else "@" + at
    name = _one_line(display_name, _NAME_LIMIT) if isinstance(display_name, str) else ""
    return f"{name} ({at})" if name else at


def _plain_text(text: str, limit: int = MAX_TEXT) -> str:
    """Text that is plain already (a Bluesky post): invisible characters out, cut when long.
    It is not read as HTML: "<3" and "a < b" stay what the author wrote."""
    text = clean(text[: limit * 2]).strip()
    if len(text) > limit:
        text = text[: limit - len(CUT_MARK)].rstrip() + CUT_MARK
    return text


def _one_line(value: Any, limit: int = 200) -> str:
    """Untrusted text for a name or a message: one line, no invisible characters."""
    text = " ".join(clean(str(value)[: limit * 2]).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
