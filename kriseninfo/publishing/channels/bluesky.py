"""Bluesky through the atproto SDK: post, thread reply, images with alt text, delete.

No double posts: every post is created under a record key derived from the delivery's key
(`record_key`), a valid TID whose time part is the delivery's creation second and whose
other bits come from a hash of the key. A retry asks for the same key, and a repository
holds one record per key. The reference PDS answers a create under a taken key with a 500
(a named error is proposed in bluesky-social/atproto#4728; other PDS implementations may
answer 400 or 409), so after any failed or unanswered create the channel reads the record
under its key and, when it holds this post's text, returns it as published.

Platform id: ``<at-uri>|<cid>`` for a post that starts a thread, and
``<at-uri>|<cid>|<root at-uri>|<root cid>`` for a reply. A reply needs strong references
(uri and cid) to its parent and to the thread's first post; a reply's root is its parent's.

The record (TID, facets, reply references, image embed) is built by pure functions;
`BlueskyChannel` only sends.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, ClassVar, Final

import httpx
from atproto import Client, models  # type: ignore[import-untyped]
from atproto_client.exceptions import RequestErrorBase  # type: ignore[import-untyped]
from atproto_client.request import Request  # type: ignore[import-untyped]
from atproto_client.utils import detect_facets, detect_mentions  # type: ignore[import-untyped]
from atproto_core.exceptions import AtProtocolError  # type: ignore[import-untyped]
from PIL import Image as Picture

from kriseninfo.counting.bluesky import post_length, within_byte_limit
from kriseninfo.counting.platforms import BLUESKY_MAX_BYTES, Platform
from kriseninfo.publishing.channel import (
    AccountCheck,
    AccountConfig,
    Field,
    Image,
    Post,
    Published,
    RecentPost,
)
from kriseninfo.publishing.channels._http import TIMEOUT, retry_after, status_error
from kriseninfo.publishing.errors import (
    SendError,
    auth,
    offline,
    permanent,
    rate_limited,
    transient,
)
from kriseninfo.publishing.states import ErrorKind
from kriseninfo.publishing.traits import TRAITS

_log = logging.getLogger(__name__)

DEFAULT_SERVICE: Final = "https://bsky.social"
COLLECTION: Final = "app.bsky.feed.post"
#: Lexicon app.bsky.feed.post: text of at most 300 graphemes (and 3000 UTF-8 bytes).
MAX_GRAPHEMES: Final = 300
#: Lexicon app.bsky.embed.images: at most 4 images of at most 1,000,000 bytes each.
MAX_IMAGES: Final = 4
MAX_IMAGE_BYTES: Final = 1_000_000
#: TID syntax (atproto.com/specs/tid): 13 characters of base32-sortable.
TID_CHARS: Final = "234567abcdefghijklmnopqrstuvwxyz"

LINK: Final = "app.bsky.richtext.facet#link"
MENTION: Final = "app.bsky.richtext.facet#mention"
TAG: Final = "app.bsky.richtext.facet#tag"

#: XRPC error names that mean "log in again" (the PDS answers 400 ExpiredToken).
_SESSION_ERRORS: Final = frozenset({"ExpiredToken", "InvalidToken"})


# -- the record ------------------------------------------------------------------------------
def encode_tid(micros: int, clock_id: int) -> str:
    """A TID: top bit 0, 53 bits of microseconds since 1970, a 10-bit clock id."""
    if not (0 <= micros < 1 << 53 and 0 <= clock_id < 1 << 10):
        raise ValueError(f"no TID for {micros} µs, clock {clock_id}")
    value = micros << 10 | clock_id
    return "".join(TID_CHARS[(value >> shift) & 31] for shift in range(60, -1, -5))


def is_tid(text: str) -> bool:
    return len(text) == 13 and text[0] in TID_CHARS[:16] and all(c in TID_CHARS for c in text)


def record_key(key: str, created_at: datetime | None) -> str:
    """The record key a delivery is posted under, the same on every retry. It sorts by the
    delivery's creation second; 30 bits of the key's hash fill the microseconds and the
    clock id. Without a creation time the second is 0 (1970), so only the hash remains."""
    digest = int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big")
    seconds = max(0, int(_utc(created_at).timestamp())) if created_at is not None else 0
    return encode_tid(seconds * 1_000_000 + digest % 1_000_000, digest // 1_000_000 % 1024)


@dataclass(frozen=True)
class StrongRef:
    """com.atproto.repo.strongRef: a record and the exact version of it."""

    uri: str
    cid: str

    def as_record(self) -> dict[str, str]:
        return {"uri": self.uri, "cid": self.cid}


@dataclass(frozen=True)
class PostRef:
    """A published post and the first post of its thread (itself when it starts one)."""

    post: StrongRef
    root: StrongRef

    @property
    def platform_id(self) -> str:
        if self.root == self.post:
            return f"{self.post.uri}|{self.post.cid}"
        return "|".join((self.post.uri, self.post.cid, self.root.uri, self.root.cid))

    @classmethod
    def parse(cls, platform_id: str) -> PostRef:
        parts = platform_id.strip().split("|")
        if len(parts) not in (2, 4) or not all(parts) or not parts[0].startswith("at://"):
            raise ValueError(f"not a Bluesky platform id: {platform_id!r}")
        post = StrongRef(parts[0], parts[1])
        return cls(post, StrongRef(parts[2], parts[3]) if len(parts) == 4 else post)

    def reply(self) -> dict[str, dict[str, str]]:
        """app.bsky.feed.post#replyRef of a reply to this post."""
        return {"root": self.root.as_record(), "parent": self.post.as_record()}


def rkey_of(uri: str) -> str:
    """The record key, the last part of ``at://<did>/<collection>/<rkey>``."""
    return uri.rstrip("/").rsplit("/", 1)[-1]


def post_url(actor: str, uri: str) -> str:
    return f"https://bsky.app/profile/{actor}/post/{rkey_of(uri)}"


def iso_datetime(moment: datetime) -> str:
    """A lexicon datetime: UTC with milliseconds and Z, as the official app writes it."""
    return _utc(moment).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def mentioned_handles(text: str) -> list[str]:
    """Handles of @mentions as Bluesky's app finds them, lower-cased, each once."""
    return list(dict.fromkeys(m.handle.lower() for m in detect_mentions(text)))


def text_facets(text: str, dids: Mapping[str, str | None]) -> list[dict[str, Any]]:
    """Links and #tags where Bluesky's own app finds them (the SDK ports @atproto/api's
    detectFacets) and every @mention whose handle resolved to a DID in `dids`. Indices are
    byte offsets in the UTF-8 text, start inclusive, end exclusive."""
    facets: list[dict[str, Any]] = []
    for found in detect_facets(text):
        for feature in found.features:
            if isinstance(feature, models.AppBskyRichtextFacet.Link):
                wanted = {"$type": LINK, "uri": str(feature.uri)}
            elif isinstance(feature, models.AppBskyRichtextFacet.Tag):
                wanted = {"$type": TAG, "tag": str(feature.tag)}
            else:
                continue
            facets.append(_facet(found.index.byte_start, found.index.byte_end, wanted))
    for mention in detect_mentions(text):
        did = dids.get(mention.handle.lower())
        if did:
            facets.append(
                _facet(mention.byte_start, mention.byte_end, {"$type": MENTION, "did": did})
            )
    return sorted(facets, key=lambda facet: int(facet["index"]["byteStart"]))


def _facet(start: int, end: int, feature: dict[str, str]) -> dict[str, Any]:
    return {"index": {"byteStart": int(start), "byteEnd": int(end)}, "features": [feature]}


def check_post(post: Post) -> None:
    """What Bluesky would refuse anyway, refused before anything is sent."""
    length = post_length(post.text)
    if length > MAX_GRAPHEMES or not within_byte_limit(post.text):
        raise permanent(
            "too_long",
            f"{length} graphemes, {len(post.text.encode('utf-8'))} bytes; Bluesky takes "
            f"{MAX_GRAPHEMES} graphemes and {BLUESKY_MAX_BYTES} bytes",
        )
    if len(post.images) > MAX_IMAGES:
        raise permanent("too_many_images", f"{len(post.images)} images; Bluesky takes {MAX_IMAGES}")
    for image in post.images:
        if not image.mime.startswith("image/"):
            raise permanent("rejected", f"{image.filename}: {image.mime} is not an image")
        if len(image.data) > MAX_IMAGE_BYTES:
            raise permanent(
                "too_large",
                f"{image.filename}: {len(image.data)} bytes; Bluesky takes {MAX_IMAGE_BYTES}",
            )


def aspect_ratio(data: bytes) -> dict[str, int] | None:
    """app.bsky.embed.defs#aspectRatio from the image's header (optional in the lexicon)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Picture.DecompressionBombWarning)
            with Picture.open(io.BytesIO(data)) as picture:
                width, height = picture.size
    except (OSError, ValueError, Picture.DecompressionBombError):
        return None
    return {"width": width, "height": height} if width > 0 and height > 0 else None


def images_embed(
    images: Sequence[Image], blobs: Sequence[Mapping[str, Any]]
) -> dict[str, Any] | None:
    """app.bsky.embed.images: each uploaded blob with its alt text (required, may be "")."""
    if not images:
        return None
    entries: list[dict[str, Any]] = []
    for image, blob in zip(images, blobs, strict=True):
        entry: dict[str, Any] = {"alt": image.alt, "image": dict(blob)}
        ratio = aspect_ratio(image.data)
        if ratio is not None:
            entry["aspectRatio"] = ratio
        entries.append(entry)
    return {"$type": "app.bsky.embed.images", "images": entries}


def build_record(
    post: Post,
    *,
    now: datetime,
    facets: Sequence[Mapping[str, Any]] = (),
    embed: Mapping[str, Any] | None = None,
    parent: PostRef | None = None,
) -> dict[str, Any]:
    """The app.bsky.feed.post record for `post`."""
    record: dict[str, Any] = {
        "$type": COLLECTION,
        "text": post.text,
        "createdAt": iso_datetime(post.created_at or now),
    }
    if post.language:
        record["langs"] = [post.language]
    if facets:
        record["facets"] = [dict(facet) for facet in facets]
    if parent is not None:
        record["reply"] = parent.reply()
    if embed:
        record["embed"] = dict(embed)
    return record


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


# -- sending ---------------------------------------------------------------------------------
def login_of(account: AccountConfig) -> tuple[str, str, str]:
    """The account's PDS address, login name (handle or DID) and app password."""
    service = (account.settings.get("service") or "").strip().rstrip("/") or DEFAULT_SERVICE
    if not service.startswith(("https://", "http://")):
        service = "https://" + service
    identifier = (account.settings.get("handle") or account.address).strip().removeprefix("@")
    return service, identifier, account.secrets.get("app_password", "")


def make_client(service: str, timeout: httpx.Timeout | None = None) -> Client:
    """An SDK client for the PDS at `service`, not logged in yet."""
    timeout = timeout or httpx.Timeout(TIMEOUT[1], connect=TIMEOUT[0])
    return Client(base_url=service, request=Request(timeout=timeout))


class _SessionRefused(Exception):
    """The PDS refused the session's token: log in again (once)."""


class BlueskyChannel:
    platform: ClassVar[Platform] = Platform.BLUESKY
    idempotent: ClassVar[bool] = TRAITS[Platform.BLUESKY].idempotent
    manual: ClassVar[bool] = TRAITS[Platform.BLUESKY].manual
    can_delete: ClassVar[bool] = TRAITS[Platform.BLUESKY].can_delete
    can_list_recent: ClassVar[bool] = TRAITS[Platform.BLUESKY].can_list_recent
    fields: ClassVar[tuple[Field, ...]] = TRAITS[Platform.BLUESKY].fields

    def __init__(self, account: AccountConfig, *, timeout: httpx.Timeout | None = None):
        service, self._identifier, self._password = login_of(account)
        self._client = make_client(service, timeout)
        self._client.on_session_change(self._remember)
        self._did = ""
        self._handle = ""
        self._dids: dict[str, str | None] = {}

    def _remember(self, _event: Any, session: Any) -> None:
        self._did = str(session.did)
        self._handle = str(session.handle)

    @property
    def _actor(self) -> str:
        """Who the post links name: the handle, or the DID when the handle is broken."""
        return self._did if self._handle in ("", "handle.invalid") else self._handle

    # -- Channel ---------------------------------------------------------------------------
    def publish(self, post: Post) -> Published:
        check_post(post)
        rkey = record_key(post.key, post.created_at)
        self._ensure_session()
        parent = self._parent(post.reply_to) if post.reply_to else None
        facets = text_facets(post.text, self._resolve(mentioned_handles(post.text)))
        blobs = [self._upload(image) for image in post.images]
        record = build_record(
            post,
            now=datetime.now(UTC),
            facets=facets,
            embed=images_embed(post.images, blobs),
            parent=parent,
        )
        body = {"repo": self._did, "collection": COLLECTION, "rkey": rkey, "record": record}
        try:
            answer = self._procedure("com.atproto.repo.createRecord", body)
        except SendError as error:
            if error.kind in (ErrorKind.AUTH, ErrorKind.OFFLINE, ErrorKind.RATE_LIMITED):
                raise  # nothing was created
            existing = self._existing(rkey, record["text"])
            if existing is None:
                raise
            _log.info("record %s was already created: a retry of %s", rkey, post.key)
            answer = existing
        ref = _strong_ref(answer) or _strong_ref(self._existing(rkey, record["text"]) or {})
        if ref is None:
            raise transient("server_error", "createRecord answered without uri and cid")
        published = PostRef(ref, parent.root if parent is not None else ref)
        return Published(published.platform_id, post_url(self._actor, ref.uri))

    def delete(self, platform_id: str) -> None:
        try:
            uri = PostRef.parse(platform_id).post.uri
        except ValueError:
            if not platform_id.startswith("at://"):
                raise permanent("not_found", f"not a Bluesky post: {platform_id!r}") from None
            uri = platform_id
        self._ensure_session()
        body = {"repo": self._did, "collection": COLLECTION, "rkey": rkey_of(uri)}
        try:
            self._procedure("com.atproto.repo.deleteRecord", body)
        except SendError as error:
            if error.code != "not_found":  # already gone is what we wanted
                raise

    def verify(self) -> AccountCheck:
        self._login()  # always a fresh session: this is the check of the app password
        return AccountCheck(f"@{self._handle}", MAX_GRAPHEMES, detail=self._did)

    def recent(self, limit: int = 20) -> list[RecentPost]:
        self._ensure_session()
        params = models.AppBskyFeedGetAuthorFeed.Params(
            actor=self._did, limit=max(1, min(limit, 100))
        )
        answer = self._query("app.bsky.feed.getAuthorFeed", params)
        posts: list[RecentPost] = []
        for item in answer.get("feed") or []:
            view = item.get("post") or {}
            if item.get("reason") or (view.get("author") or {}).get("did") != self._did:
                continue  # a repost, or someone else's post
            ref = _strong_ref(view)
            if ref is None:
                continue
            record = view.get("record") or {}
            root = _strong_ref((record.get("reply") or {}).get("root") or {}) or ref
            posts.append(
                RecentPost(
                    PostRef(ref, root).platform_id,
                    post_url(self._actor, ref.uri),
                    str(record.get("text") or ""),
                    _parse_time(record.get("createdAt")),
                )
            )
        return posts

    def close(self) -> None:
        self._client.request.close()

    # -- helpers ---------------------------------------------------------------------------
    def _ensure_session(self) -> None:
        if not self._did:
            self._login()

    def _login(self) -> None:
        if not self._identifier or not self._password:
            raise auth("no handle or app password for this account")
        self._did = ""
        try:
            _attempt(
                lambda: self._client.login(
                    self._identifier, self._password, fetch_bsky_profile=False
                )
            )
        except _SessionRefused as error:
            raise auth(str(error)) from None
        except SendError as error:
            if error.code == "rejected":  # 400 on createSession: not an account we may use
                raise auth(error.detail) from None
            raise
        if not self._did:
            raise auth("the PDS created no session")

    def _call(self, request: Callable[[], Any]) -> dict[str, Any]:
        """One XRPC request; when the PDS refuses the token, log in again and repeat once
        (safe: a create repeats under the same record key)."""
        self._ensure_session()
        try:
            return _content(_attempt(request))
        except _SessionRefused as first:
            _log.info("Bluesky session of %s refused (%s); logging in again", self._did, first)
        self._login()
        try:
            return _content(_attempt(request))
        except _SessionRefused as error:
            raise auth(str(error)) from None

    def _procedure(self, nsid: str, body: Mapping[str, Any]) -> dict[str, Any]:
        content = json.dumps(body, ensure_ascii=False).encode("utf-8")
        return self._call(
            lambda: self._client.invoke_procedure(
                nsid, content=content, headers={"Content-Type": "application/json"}
            )
        )

    def _query(self, nsid: str, params: Any) -> dict[str, Any]:
        return self._call(lambda: self._client.invoke_query(nsid, params=params))

    def _upload(self, image: Image) -> dict[str, Any]:
        answer = self._call(
            lambda: self._client.invoke_procedure(
                "com.atproto.repo.uploadBlob",
                content=image.data,
                headers={"Content-Type": image.mime},
            )
        )
        blob = answer.get("blob")
        if not isinstance(blob, dict):
            raise transient("server_error", "uploadBlob answered without a blob")
        return blob

    def _get_record(self, repo: str, rkey: str) -> dict[str, Any]:
        params = models.ComAtprotoRepoGetRecord.Params(repo=repo, collection=COLLECTION, rkey=rkey)
        return self._query("com.atproto.repo.getRecord", params)

    def _existing(self, rkey: str, text: str) -> dict[str, Any] | None:
        """The record under `rkey` when it is this post, None when there is none (or the
        question went unanswered)."""
        try:
            found = self._get_record(self._did, rkey)
        except SendError:
            return None
        if _strong_ref(found) is None:
            return None
        if (found.get("value") or {}).get("text") != text:
            raise permanent("rkey_taken", f"another post is stored under record key {rkey}")
        return found

    def _parent(self, reply_to: str) -> PostRef:
        try:
            return PostRef.parse(reply_to)
        except ValueError:
            if not reply_to.startswith("at://"):
                raise permanent("parent_missing", f"not a Bluesky post: {reply_to!r}") from None
        repo = reply_to.removeprefix("at://").split("/", 1)[0]  # an at-uri without its cid
        try:
            found = self._get_record(repo, rkey_of(reply_to))
        except SendError as error:
            if error.code == "not_found":
                raise permanent("parent_missing", error.detail) from None
            raise
        parent = _strong_ref(found)
        if parent is None:
            raise permanent("parent_missing", f"no record at {reply_to}")
        root = _strong_ref(((found.get("value") or {}).get("reply") or {}).get("root") or {})
        return PostRef(parent, root or parent)

    def _resolve(self, handles: Sequence[str]) -> dict[str, str | None]:
        """DIDs of mentioned handles; a handle that does not resolve stays plain text."""
        for handle in handles:
            if handle in self._dids:
                continue
            params = models.ComAtprotoIdentityResolveHandle.Params(handle=handle)
            try:
                answer = self._query("com.atproto.identity.resolveHandle", params)
            except SendError as error:
                if error.kind in (ErrorKind.OFFLINE, ErrorKind.AUTH):
                    raise
                # Unknown handle, or no answer now: the post goes out, @handle as plain text.
                _log.info("handle %s not resolved (%s)", handle, error)
                answer = {}
            did = answer.get("did")
            self._dids[handle] = did if isinstance(did, str) and did.startswith("did:") else None
        return {handle: self._dids.get(handle) for handle in handles}


def _attempt(request: Callable[[], Any]) -> Any:
    """Run an SDK call; every failure comes out as SendError (or _SessionRefused)."""
    try:
        return request()
    except RequestErrorBase as error:
        if error.response is None:
            raise _transport_error(error.__cause__ or error) from None
        raise _answer_error(error.response) from None
    except httpx.TransportError as error:  # the SDK passes some through (server hung up)
        raise _transport_error(error) from None
    except AtProtocolError as error:
        raise permanent("refused", f"{type(error).__name__}: {error}") from None


def _answer_error(response: Any) -> Exception:
    """An XRPC error answer: {"error": name, "message": text} with an HTTP status."""
    status = int(response.status_code)
    content = response.content
    name = str(getattr(content, "error", "") or "")
    message = str(getattr(content, "message", "") or "")
    if isinstance(content, dict):
        name, message = str(content.get("error") or ""), str(content.get("message") or "")
    detail = f"{name}: {message}" if name and message else name or message or f"HTTP {status}"
    headers: Mapping[str, str] = response.headers or {}
    if status == 401 or name in _SESSION_ERRORS:
        return _SessionRefused(detail)
    if status == 429:
        return rate_limited(detail, retry_after(headers))
    if status == 413:
        return permanent("too_large", detail)
    if name in ("RecordNotFound", "HandleNotFound"):
        return permanent("not_found", detail)
    if status >= 500:
        return transient("server_error", f"HTTP {status}: {detail}", retry_after(headers))
    return status_error(status, detail, headers)


def _transport_error(error: BaseException) -> SendError:
    """No answer. Refused or unreachable before sending: offline. Lost after sending: the
    PDS may have acted, and a retry is still safe (same record key), so transient."""
    name = type(error).__name__
    if isinstance(error, httpx.ConnectError | httpx.ConnectTimeout | httpx.ProxyError):
        return offline(f"no connection to the PDS ({name})")
    if isinstance(error, httpx.UnsupportedProtocol):
        return permanent("bad_address", f"the PDS address is not http(s) ({error})")
    return transient("timeout", f"no answer from the PDS ({name})")


def _content(response: Any) -> dict[str, Any]:
    content = getattr(response, "content", None)
    if isinstance(content, bytes | str) and content:
        try:
            content = json.loads(content)
        except ValueError:
            return {}
    return content if isinstance(content, dict) else {}


def _strong_ref(answer: Mapping[str, Any]) -> StrongRef | None:
    uri, cid = answer.get("uri"), answer.get("cid")
    if isinstance(uri, str) and isinstance(cid, str) and uri.startswith("at://") and cid:
        return StrongRef(uri, cid)
    return None


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return _utc(datetime.fromisoformat(value.replace("Z", "+00:00")))
    except ValueError:
        return None


CHANNEL = BlueskyChannel
