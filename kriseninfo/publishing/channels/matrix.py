"""Matrix through the client-server API: room messages, thread replies, images, redaction.

Every event is sent with `PUT /rooms/{roomId}/send/m.room.message/{txnId}`, the txnId made
from the delivery's key: the homeserver answers a repeat from the same device with the
event it already made, so a retry never posts twice. Synapse keeps transaction ids for a
day; a retry later than that, or with a new access token (a new device), may post again.

A post is its text, then one `m.image` event per image in the same place: the room's
timeline, or the same thread when the post is a thread reply (not a thread of their own,
which clients fold away). Images are uploaded before the text goes out, so a refused image
fails the post while nothing is visible. The platform id lists every event, the thread
root after "|": `$text,$image1|$root`.
"""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, ClassVar
from urllib.parse import quote

import requests
from PIL import Image as Picture
from PIL import UnidentifiedImageError

from kriseninfo.counting.platforms import Platform
from kriseninfo.publishing.channel import (
    AccountCheck,
    AccountConfig,
    Field,
    Image,
    Post,
    Published,
    RecentPost,
)
from kriseninfo.publishing.channels._http import TIMEOUT, retry_after, status_error, transport_error
from kriseninfo.publishing.errors import SendError, auth, permanent, rate_limited, transient
from kriseninfo.publishing.states import ErrorKind
from kriseninfo.publishing.traits import TRAITS

log = logging.getLogger(__name__)

CLIENT = "/_matrix/client/v3"
UPLOAD = "/_matrix/media/v3/upload"
#: The spec caps a whole event at 65536 bytes; signatures, hashes and references take
#: the rest of it.
MAX_CONTENT_BYTES = 60_000
#: Errors after the text is out that a retry can fix (it resends the same transactions).
RETRYABLE = frozenset({ErrorKind.TRANSIENT, ErrorKind.RATE_LIMITED, ErrorKind.OFFLINE})


# -- building events (pure) --------------------------------------------------------------------
@dataclass(frozen=True)
class Thread:
    """Where a reply goes: the thread's root and the event it answers (the fallback)."""

    root: str
    parent: str


@dataclass(frozen=True)
class Event:
    """One `m.room.message` to send, under its transaction id."""

    txn_id: str
    content: Mapping[str, Any]


def split_id(platform_id: str) -> tuple[list[str], str | None]:
    """The events of a post (text first) and the root of its thread, if it is in one."""
    events_part, _, root = platform_id.partition("|")
    events = [part.strip() for part in events_part.split(",") if part.strip()]
    return events, root.strip() or None


def join_id(events: Sequence[str], root: str | None) -> str:
    return ",".join(events) + (f"|{root}" if root else "")


def thread_for(reply_to: str | None) -> Thread | None:
    """A reply answers the parent's text and joins its thread (a thread cannot nest, so a
    reply to a reply goes to the same root)."""
    if not reply_to:
        return None
    events, root = split_id(reply_to)
    if not events:
        raise permanent("parent_missing", "the thread's parent has no event id")
    return Thread(root or events[0], events[0])


def txn_id(key: str, image: int | None = None) -> str:
    """Deterministic per post and event, so a retry repeats the same transactions."""
    return f"kriseninfo-{key}" if image is None else f"kriseninfo-{key}-image-{image}"


def text_event(post: Post, thread: Thread | None) -> Event:
    # Plain text only: nothing in a warning is read as markup, and every client shows
    # `body` with its line breaks and makes links clickable.
    content: dict[str, Any] = {"msgtype": "m.text", "body": post.text, "m.mentions": {}}
    if thread is not None:
        content["m.relates_to"] = _relation(thread)
    _check_size(content)
    return Event(txn_id(post.key), content)


def image_event(post: Post, index: int, image: Image, mxc: str, thread: Thread | None) -> Event:
    """`body` is the alt text: with a `filename` beside it, clients show it as the image's
    description (a caption) and read it out; without alt text it is the file name."""
    info: dict[str, Any] = {"mimetype": image.mime, "size": len(image.data)}
    size = image_size(image.data)
    if size is not None:
        info["w"], info["h"] = size
    content: dict[str, Any] = {
        "msgtype": "m.image",
        "body": image.alt.strip() or image.filename,
        "filename": image.filename,
        "url": mxc,
        "info": info,
        "m.mentions": {},
    }
    if thread is not None:
        content["m.relates_to"] = _relation(thread)
    _check_size(content)
    return Event(txn_id(post.key, index), content)


def _relation(thread: Thread) -> dict[str, Any]:
    """An `m.thread` relation with the rich-reply fallback for clients without threads."""
    return {
        "rel_type": "m.thread",
        "event_id": thread.root,
        "is_falling_back": True,
        "m.in_reply_to": {"event_id": thread.parent},
    }


def _check_size(content: Mapping[str, Any]) -> None:
    if len(json.dumps(content, ensure_ascii=False).encode()) > MAX_CONTENT_BYTES:
        raise permanent("too_long", f"a Matrix event holds at most {MAX_CONTENT_BYTES} bytes")


def image_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from the image's header, so clients can lay it out before loading."""
    try:
        with Picture.open(io.BytesIO(data)) as opened:
            width, height = opened.size
    except (UnidentifiedImageError, OSError, ValueError):
        return None
    return int(width), int(height)


def permalink(room: str, event_id: str) -> str:
    """A matrix.to link; a bare room id needs `via` to be found, an alias does not."""
    url = f"https://matrix.to/#/{quote(room, safe='')}/{quote(event_id, safe='')}"
    if room.startswith("!") and ":" in room:
        url += f"?via={quote(room.split(':', 1)[1], safe='')}"
    return url


def recent_posts(events: Sequence[Mapping[str, Any]], room: str) -> list[RecentPost]:
    """Our text messages from a `/messages` chunk, newest first; redacted ones left out."""
    posts = []
    for event in events:
        content = event.get("content") or {}
        if event.get("type") != "m.room.message" or content.get("msgtype") != "m.text":
            continue  # images and redacted events (their content is empty)
        relation = content.get("m.relates_to") or {}
        root = relation.get("event_id") if relation.get("rel_type") == "m.thread" else None
        event_id = str(event["event_id"])
        stamp = event.get("origin_server_ts")
        posts.append(
            RecentPost(
                join_id([event_id], root),
                permalink(room, event_id),
                str(content.get("body", "")),
                datetime.fromtimestamp(stamp / 1000, UTC) if isinstance(stamp, int) else None,
            )
        )
    return posts


# -- reading answers (pure) --------------------------------------------------------------------
def matrix_error(status: int, body: Any, headers: Mapping[str, str]) -> SendError:
    """A standard error answer `{"errcode", "error", "retry_after_ms"}`."""
    if not isinstance(body, Mapping):
        return status_error(status, f"HTTP {status} without a Matrix answer", headers)
    errcode = str(body.get("errcode") or "")
    detail = f"{errcode}: {body.get('error') or ''}".strip(": ") or f"HTTP {status}"
    if status == 429 or errcode == "M_LIMIT_EXCEEDED":
        wait_ms = body.get("retry_after_ms")
        wait = wait_ms / 1000 if isinstance(wait_ms, int | float) else retry_after(headers)
        return rate_limited(detail, wait)
    if status == 401 or errcode in ("M_UNKNOWN_TOKEN", "M_MISSING_TOKEN", "M_USER_DEACTIVATED"):
        return auth(detail)
    if errcode == "M_USER_SUSPENDED":
        return permanent("blocked", detail)
    if errcode == "M_TOO_LARGE":
        return permanent("too_large", detail)
    return status_error(status, detail, headers)


def _no_answer(error: requests.RequestException, sent: bool) -> SendError:
    """No HTTP answer. After sending the result is still safe to retry: the same txnId."""
    if isinstance(error, requests.exceptions.SSLError):
        return permanent(
            "tls", f"the homeserver's certificate was refused ({type(error).__name__})"
        )
    if isinstance(error, requests.exceptions.InvalidURL | requests.exceptions.MissingSchema):
        return permanent(
            "settings", f"the homeserver address is not usable ({type(error).__name__})"
        )
    return transport_error(error, sent)


class MatrixChannel:
    platform: ClassVar[Platform] = Platform.MATRIX
    idempotent: ClassVar[bool] = TRAITS[Platform.MATRIX].idempotent
    manual: ClassVar[bool] = TRAITS[Platform.MATRIX].manual
    can_delete: ClassVar[bool] = TRAITS[Platform.MATRIX].can_delete
    can_list_recent: ClassVar[bool] = TRAITS[Platform.MATRIX].can_list_recent
    fields: ClassVar[tuple[Field, ...]] = TRAITS[Platform.MATRIX].fields

    def __init__(self, account: AccountConfig, *, timeout: tuple[float, float] = TIMEOUT):
        self._base = _homeserver(account)
        self._room = (account.settings.get("room") or "").strip()
        self._timeout = timeout
        self._session = requests.Session()
        self._session.headers["User-Agent"] = "Kriseninfo"
        self._session.headers["Authorization"] = f"Bearer {account.secrets.get('access_token', '')}"
        self._room_id: str | None = None
        self._user_id: str | None = None

    # -- Channel ---------------------------------------------------------------------------
    def publish(self, post: Post) -> Published:
        thread = thread_for(post.reply_to)
        first = text_event(post, thread)  # too long fails here, before any upload
        room_id = self._resolve()
        # Uploads first: a refused image fails the post before anything is visible.
        media = [self._upload(image) for image in post.images]
        text_id = self._send(room_id, first)
        sent = [text_id]
        follow = Thread(thread.root, text_id) if thread is not None else None
        for index, (image, mxc) in enumerate(zip(post.images, media, strict=True)):
            try:
                sent.append(self._send(room_id, image_event(post, index, image, mxc, follow)))
            except SendError as error:
                if error.kind in RETRYABLE:
                    raise  # the retry repeats the same transactions: nothing twice
                log.warning(
                    "Matrix: text sent, image %d not (%s/%s)", index, error.kind, error.code
                )
                break
        return Published(
            join_id(sent, thread.root if thread else None), permalink(self._room, text_id)
        )

    def delete(self, platform_id: str) -> None:
        events, _root = split_id(platform_id)
        if not events:
            raise permanent("not_found", f"not a Matrix event id: {platform_id!r}")
        room_id = self._resolve()
        for event_id in events:
            path = (
                f"{CLIENT}/rooms/{_q(room_id)}/redact/{_q(event_id)}/"
                f"{_q('kriseninfo-redact-' + event_id)}"
            )
            try:
                self._call("PUT", path, json_body={})
            except SendError as error:
                if error.code != "not_found":  # already gone is what we wanted
                    raise

    def verify(self) -> AccountCheck:
        user_id = self._whoami()
        room_id = self._resolve()
        joined = self._call("GET", f"{CLIENT}/joined_rooms").get("joined_rooms") or []
        if room_id not in joined:
            raise permanent("forbidden", f"{user_id} is not a member of {self._room}")
        shown = self._room if self._room == room_id else f"{self._room} ({room_id})"
        return AccountCheck(user_id, None, f"joined {shown}")

    def recent(self, limit: int = 20) -> list[RecentPost]:
        user_id = self._whoami()
        room_id = self._resolve()
        found: list[RecentPost] = []
        params = {
            "dir": "b",
            "limit": str(min(100, max(limit, 1) * 2)),
            "filter": json.dumps({"types": ["m.room.message"], "senders": [user_id]}),
        }
        for _page in range(5):  # images and redacted events share the pages
            answer = self._call("GET", f"{CLIENT}/rooms/{_q(room_id)}/messages", params=params)
            found += recent_posts(answer.get("chunk") or [], self._room)
            if len(found) >= limit or not answer.get("end"):
                break
            params["from"] = str(answer["end"])
        return found[:limit]

    def close(self) -> None:
        self._session.close()

    # -- sending ---------------------------------------------------------------------------
    def _resolve(self) -> str:
        """The room id, looking up an alias in the room directory once."""
        if self._room_id is None:
            if self._room.startswith("!"):
                self._room_id = self._room
            elif self._room.startswith("#"):
                answer = self._call("GET", f"{CLIENT}/directory/room/{_q(self._room)}")
                self._room_id = _field(answer, "room_id")
            else:
                raise permanent("settings", "the room must be !id:server or #alias:server")
        return self._room_id

    def _whoami(self) -> str:
        if self._user_id is None:
            self._user_id = _field(self._call("GET", f"{CLIENT}/account/whoami"), "user_id")
        return self._user_id

    def _send(self, room_id: str, event: Event) -> str:
        path = f"{CLIENT}/rooms/{_q(room_id)}/send/m.room.message/{_q(event.txn_id)}"
        # An answer without the event is safe to retry: the same transaction names it.
        return _field(self._call("PUT", path, json_body=event.content), "event_id")

    def _upload(self, image: Image) -> str:
        answer = self._call(
            "POST",
            UPLOAD,
            params={"filename": image.filename},
            data=image.data,
            content_type=image.mime,
        )
        uri = _field(answer, "content_uri")
        if not uri.startswith("mxc://"):
            raise transient("bad_answer", f"the upload answered {uri!r}, not an mxc:// URI")
        return uri

    def _call(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        json_body: Mapping[str, Any] | None = None,
        data: bytes | None = None,
        content_type: str | None = None,
    ) -> Mapping[str, Any]:
        if not self._base:
            raise permanent("settings", "no homeserver is set")
        try:
            response = self._session.request(
                method,
                self._base + path,
                params=params,
                json=json_body,
                data=data,
                headers={"Content-Type": content_type} if content_type else None,
                timeout=self._timeout,
            )
        except requests.RequestException as error:
            raise _no_answer(error, sent=method != "GET") from None
        body = _json(response)
        if response.status_code >= 400:
            raise matrix_error(response.status_code, body, response.headers)
        if not isinstance(body, Mapping):  # 2xx, but unreadable: a proxy, or cut off
            raise transient("bad_answer", "the homeserver's answer was unreadable")
        return body


def _homeserver(account: AccountConfig) -> str:
    url = (account.settings.get("homeserver") or "").strip().rstrip("/")
    if url and not url.startswith(("https://", "http://")):
        url = "https://" + url
    return url


def _field(answer: Mapping[str, Any], name: str) -> str:
    value = answer.get(name)
    if not isinstance(value, str) or not value:
        raise transient("bad_answer", f"the homeserver's answer has no {name}")
    return value


def _q(part: str) -> str:
    return quote(part, safe="")


def _json(response: requests.Response) -> Any:
    try:
        return response.json() if response.content else None
    except ValueError:
        return None


CHANNEL = MatrixChannel
