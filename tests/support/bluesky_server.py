"""A local stand-in for a Bluesky PDS: XRPC over HTTP on 127.0.0.1 (a random port).

It answers the calls a channel makes the way the reference PDS does (lexicons of
com.atproto.server.createSession/refreshSession, com.atproto.identity.resolveHandle,
com.atproto.repo.uploadBlob/createRecord/getRecord/deleteRecord, app.bsky.feed.getAuthorFeed,
app.bsky.notification.listNotifications),
checks a post record against the lexicon's main rules, and counts how often each record key
was created so a test can assert exactly-once. Errors are XRPC bodies
``{"error": name, "message": text}``.

Failures are scripted per method: `script(nsid, Scripted(...), ...)` queues answers that the
next requests get instead of the real one (a status, headers and body, a delay, or a dropped
connection); with ``handle=True`` the real work is done first, so "created, but the answer
was lost" can be played.
"""

from __future__ import annotations

import base64
import hashlib
import json
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import regex

POST = "app.bsky.feed.post"
TID = regex.compile(r"^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$")
GRAPHEME = regex.compile(r"\X")
FACET_FEATURES = {
    "app.bsky.richtext.facet#link": "uri",
    "app.bsky.richtext.facet#mention": "did",
    "app.bsky.richtext.facet#tag": "tag",
}


@dataclass
class Scripted:
    """One scripted answer instead of the real one."""

    status: int = 200
    body: Any = None  # a dict is sent as JSON, bytes as they are
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (or dropping)
    drop: bool = False  # close the connection without an answer
    handle: bool = False  # do the real work first; the answer is then replaced or lost


def error(status: int, name: str, message: str = "", **headers: str) -> Scripted:
    """A scripted XRPC error; header names use _ for - (retry_after=...)."""
    body = {"error": name, "message": message} if message else {"error": name}
    return Scripted(status, body, {k.replace("_", "-"): v for k, v in headers.items()})


class XrpcError(Exception):
    def __init__(self, status: int, name: str, message: str):
        super().__init__(message)
        self.status = status
        self.name = name
        self.message = message


@dataclass
class Stored:
    cid: str
    value: dict[str, Any]
    indexed_at: str


class FakePDS:
    """A PDS holding one account. Use as a context manager or call `start` and `close`."""

    def __init__(
        self,
        handle: str = "krisenstab-moers.bsky.social",
        password: str = "abcd-efgh-ijkl-mnop",
        did: str = "did:plc:krisenstab4moers7test",
    ):
        self.handle = handle
        self.password = password
        self.did = did
        #: Handles `resolveHandle` knows (besides the account's own).
        self.handles: dict[str, str] = {handle: did}
        #: Largest blob `uploadBlob` takes (413 PayloadTooLarge above).
        self.blob_limit = 5_000_000
        #: Seconds an access token is valid (the SDK refreshes 15 minutes before the end).
        self.access_lifetime = 7200
        #: The answer to a create under a record key already taken: the reference PDS lets
        #: the storage error through as a 500 (bluesky-social/atproto#4728, indigo#873).
        self.duplicate_answer = (500, "InternalServerError", "Internal Server Error")
        self.records: dict[str, Stored] = {}  # rkey -> record, in creation order
        self.blobs: dict[str, tuple[str, bytes]] = {}
        self.created: Counter[str] = Counter()  # rkey -> successful creates
        self.calls: Counter[str] = Counter()  # nsid -> requests received
        self.bodies: list[tuple[str, Any]] = []  # (nsid, JSON body) of every procedure
        self.logins = 0
        #: Notification views (app.bsky.notification.listNotifications#notification) of the
        #: account, in any order: the listing sorts them newest first by indexedAt.
        self.notifications: list[Any] = []
        #: The parameters of every listNotifications request (lists: reasons repeat).
        self.notification_queries: list[dict[str, list[str]]] = []
        #: False: the listing ignores `reasons`, as an AppView from before that parameter.
        self.filter_reasons = True
        self._note_clock = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
        self._scripts: dict[str, deque[Scripted]] = {}
        self._access: dict[str, bool] = {}  # access token -> still valid
        self._refresh: set[str] = set()
        self._tokens = 0
        self._tid_clock = 0
        self._lock = threading.RLock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- running -------------------------------------------------------------------------
    def start(self) -> FakePDS:
        handler = type("Handler", (_Handler,), {"pds": self})
        server = _Server(("127.0.0.1", 0), handler)
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakePDS:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def url(self) -> str:
        assert self._server is not None, "not started"
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    # -- control -------------------------------------------------------------------------
    def script(self, nsid: str, *answers: Scripted) -> None:
        with self._lock:
            self._scripts.setdefault(nsid, deque()).extend(answers)

    def notify(
        self,
        reason: str,
        text: str = "",
        *,
        handle: str = "anwohnerin.bsky.social",
        did: str = "did:plc:anwohnerin4moers7test",
        display_name: str | None = "Erika Muster",
        subject: tuple[str, str] | None = None,
    ) -> dict[str, Any]:
        """A notification about someone else's new record: for "mention", "reply" and
        "quote" a post with `text` (a reply answers, a quote embeds the post `subject`,
        given as (uri, cid)), for "like" a like of `subject`, for "follow" a follow of the
        account. Each is indexed one second after the one before."""
        with self._lock:
            self._note_clock += timedelta(seconds=1)
            stamp = self._note_clock.isoformat(timespec="milliseconds").replace("+00:00", "Z")
            ref = {"uri": subject[0], "cid": subject[1]} if subject is not None else None
            record: dict[str, Any] = {"$type": POST, "text": text, "createdAt": stamp}
            record["langs"] = ["de"]
            if reason == "like":
                record = {"$type": "app.bsky.feed.like", "subject": ref, "createdAt": stamp}
            elif reason == "follow":
                record = {"$type": "app.bsky.graph.follow", "subject": self.did}
                record["createdAt"] = stamp
            elif reason == "reply" and ref is not None:
                record["reply"] = {"root": dict(ref), "parent": dict(ref)}
            elif reason == "quote" and ref is not None:
                record["embed"] = {"$type": "app.bsky.embed.record", "record": dict(ref)}
            author: dict[str, Any] = {
                "did": did,
                "handle": handle,
                "avatar": f"https://cdn.bsky.app/img/avatar/plain/{did}/bafkreiavatar@jpeg",
                "labels": [],
                "createdAt": "2024-03-01T10:00:00.000Z",
                "indexedAt": "2024-03-01T10:00:00.000Z",
            }
            if display_name is not None:
                author["displayName"] = display_name
            note: dict[str, Any] = {
                "uri": f"at://{did}/{record['$type']}/{self._next_tid()}",
                "cid": "bafyrei" + _digest(json.dumps(record, sort_keys=True).encode()),
                "author": author,
                "reason": reason,
                "record": record,
                "isRead": False,
                "indexedAt": stamp,
                "labels": [],
            }
            if ref is not None and reason in ("reply", "quote", "like"):
                note["reasonSubject"] = ref["uri"]
            self.notifications.append(note)
            return note

    def expire_sessions(self) -> None:
        """Every access token issued so far is expired (the PDS answers 400 ExpiredToken)."""
        with self._lock:
            self._access = dict.fromkeys(self._access, False)

    # -- the handler calls ----------------------------------------------------------------
    def scripted(self, nsid: str) -> Scripted | None:
        with self._lock:
            self.calls[nsid] += 1
            queue = self._scripts.get(nsid)
            return queue.popleft() if queue else None

    def serve(
        self,
        nsid: str,
        params: dict[str, str],
        body: bytes,
        headers: dict[str, str],
        lists: dict[str, list[str]] | None = None,
    ) -> tuple[int, dict[str, Any]]:
        try:
            with self._lock:
                return 200, self._dispatch(nsid, params, body, headers, lists or {})
        except XrpcError as failure:
            return failure.status, {"error": failure.name, "message": failure.message}

    def _dispatch(
        self,
        nsid: str,
        params: dict[str, str],
        body: bytes,
        headers: dict[str, str],
        lists: dict[str, list[str]],
    ) -> dict[str, Any]:
        bearer = headers.get("authorization", "").removeprefix("Bearer ").strip()
        content_type = headers.get("content-type", "")
        if nsid == "com.atproto.server.createSession":
            return self._create_session(_json(body))
        if nsid == "com.atproto.server.refreshSession":
            return self._refresh_session(bearer)
        if nsid == "com.atproto.identity.resolveHandle":
            return self._resolve_handle(params)
        if nsid not in _AUTHED:
            raise XrpcError(501, "MethodNotImplemented", "Method Not Implemented")
        self._check_access(bearer)
        if nsid == "com.atproto.repo.uploadBlob":
            return self._upload_blob(body, content_type)
        if nsid == "com.atproto.repo.createRecord":
            return self._create_record(_json(body))
        if nsid == "com.atproto.repo.getRecord":
            return self._get_record(params)
        if nsid == "com.atproto.repo.deleteRecord":
            return self._delete_record(_json(body))
        if nsid == "app.bsky.notification.listNotifications":
            return self._list_notifications(lists)
        return self._author_feed(params)

    # -- sessions ------------------------------------------------------------------------
    def _create_session(self, body: dict[str, Any]) -> dict[str, Any]:
        identifier = str(body.get("identifier") or "").lower()
        if identifier not in (self.handle, self.did) or body.get("password") != self.password:
            raise XrpcError(401, "AuthenticationRequired", "Invalid identifier or password")
        self.logins += 1
        return self._session()

    def _refresh_session(self, bearer: str) -> dict[str, Any]:
        if bearer not in self._refresh:
            raise XrpcError(400, "ExpiredToken", "Token has been revoked")
        self._refresh.discard(bearer)
        return self._session()

    def _session(self) -> dict[str, Any]:
        access = self._jwt("com.atproto.appPass", self.access_lifetime)
        refresh = self._jwt("com.atproto.refresh", 90 * 86400)
        self._access[access] = True
        self._refresh.add(refresh)
        return {
            "accessJwt": access,
            "refreshJwt": refresh,
            "handle": self.handle,
            "did": self.did,
            "didDoc": {
                "@context": ["https://www.w3.org/ns/did/v1"],
                "id": self.did,
                "alsoKnownAs": [f"at://{self.handle}"],
                "service": [
                    {
                        "id": "#atproto_pds",
                        "type": "AtprotoPersonalDataServer",
                        "serviceEndpoint": self.url,
                    }
                ],
            },
            "active": True,
        }

    def _jwt(self, scope: str, lifetime: int) -> str:
        self._tokens += 1
        now = int(time.time())
        claims = {"scope": scope, "sub": self.did, "iat": now, "exp": now + lifetime}
        claims["jti"] = f"token-{self._tokens}"
        parts = [{"typ": "at+jwt", "alg": "ES256K"}, claims]
        encoded = [base64.urlsafe_b64encode(json.dumps(p).encode()).rstrip(b"=") for p in parts]
        return b".".join([*encoded, b"c2lnbmF0dXJl"]).decode()

    def _check_access(self, bearer: str) -> None:
        if not bearer:
            raise XrpcError(401, "AuthenticationRequired", "Authentication Required")
        valid = self._access.get(bearer)
        if valid is None:
            raise XrpcError(400, "InvalidToken", "Token could not be verified")
        if not valid:
            raise XrpcError(400, "ExpiredToken", "Token has expired")

    def _resolve_handle(self, params: dict[str, str]) -> dict[str, Any]:
        did = self.handles.get(params.get("handle", "").lower())
        if did is None:
            raise XrpcError(400, "InvalidRequest", "Unable to resolve handle")
        return {"did": did}

    # -- repository ----------------------------------------------------------------------
    def _upload_blob(self, data: bytes, mime: str) -> dict[str, Any]:
        if len(data) > self.blob_limit:
            raise XrpcError(413, "PayloadTooLarge", "request entity too large")
        cid = "bafkrei" + _digest(data)
        self.blobs[cid] = (mime or "application/octet-stream", data)
        return {
            "blob": {
                "$type": "blob",
                "ref": {"$link": cid},
                "mimeType": mime or "application/octet-stream",
                "size": len(data),
            }
        }

    def _create_record(self, body: dict[str, Any]) -> dict[str, Any]:
        self._check_repo(body.get("repo"))
        if body.get("collection") != POST:
            raise XrpcError(400, "InvalidRequest", "this test PDS only stores posts")
        record = body.get("record")
        if not isinstance(record, dict):
            raise XrpcError(400, "InvalidRequest", "Input/record must be an object")
        if record.get("$type", POST) != POST:
            raise XrpcError(400, "InvalidRequest", "Invalid $type: must match collection")
        rkey = body.get("rkey") or self._next_tid()
        if not isinstance(rkey, str) or not TID.match(rkey):
            raise XrpcError(400, "InvalidRequest", f"Invalid record key: {rkey!r} is not a TID")
        self._validate_post(record)
        if rkey in self.records:
            status, name, message = self.duplicate_answer
            raise XrpcError(status, name, message)
        stored = Stored(
            "bafyrei" + _digest(json.dumps(record, sort_keys=True).encode()),
            {"$type": POST, **record},
            datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        )
        self.records[rkey] = stored
        self.created[rkey] += 1
        return {
            "uri": self._uri(rkey),
            "cid": stored.cid,
            "commit": {"cid": "bafyreicommit" + rkey, "rev": self._next_tid()},
            "validationStatus": "valid",
        }

    def _validate_post(self, record: dict[str, Any]) -> None:
        def invalid(message: str) -> XrpcError:
            return XrpcError(400, "InvalidRequest", f"Invalid {POST} record: {message}")

        text = record.get("text")
        if not isinstance(text, str):
            raise invalid('Record must have the property "text"')
        if len(GRAPHEME.findall(text)) > 300:
            raise invalid("Record/text must not be longer than 300 graphemes")
        if len(text.encode("utf-8")) > 3000:
            raise invalid("Record/text must not be longer than 3000 characters")
        created = record.get("createdAt")
        if not isinstance(created, str):
            raise invalid('Record must have the property "createdAt"')
        try:
            datetime.fromisoformat(created.replace("Z", "+00:00"))
        except ValueError:
            raise invalid("Record/createdAt must be an valid atproto datetime") from None
        langs = record.get("langs", [])
        if not isinstance(langs, list) or len(langs) > 3:
            raise invalid("Record/langs must not have more than 3 elements")
        size = len(text.encode("utf-8"))
        for n, facet in enumerate(record.get("facets", [])):
            index = facet.get("index") or {}
            start, end = index.get("byteStart"), index.get("byteEnd")
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= size):
                raise invalid(f"Record/facets/{n}/index is not a byte range of the text")
            features = facet.get("features")
            if not isinstance(features, list) or not features:
                raise invalid(f"Record/facets/{n}/features must be a non-empty array")
            for feature in features:
                key = FACET_FEATURES.get(feature.get("$type"))
                if key is None or not isinstance(feature.get(key), str):
                    raise invalid(f"Record/facets/{n}/features has an unknown feature")
        reply = record.get("reply")
        if reply is not None:
            for part in ("root", "parent"):
                ref = reply.get(part) or {}
                if not str(ref.get("uri", "")).startswith("at://") or not ref.get("cid"):
                    raise invalid(f"Record/reply/{part} must be a strongRef")
        embed = record.get("embed")
        if embed is not None:
            self._validate_images(embed, invalid)

    def _validate_images(self, embed: dict[str, Any], invalid: Any) -> None:
        if embed.get("$type") != "app.bsky.embed.images":
            raise invalid("Record/embed: this test PDS only knows app.bsky.embed.images")
        images = embed.get("images")
        if not isinstance(images, list) or not 1 <= len(images) <= 4:
            raise invalid("Record/embed/images must have 1 to 4 elements")
        for n, image in enumerate(images):
            if not isinstance(image.get("alt"), str):
                raise invalid(f'Record/embed/images/{n} must have the property "alt"')
            blob = image.get("image") or {}
            cid = (blob.get("ref") or {}).get("$link")
            if blob.get("$type") != "blob" or cid not in self.blobs:
                raise XrpcError(400, "InvalidRequest", f"Could not find blob: {cid}")
            if not str(blob.get("mimeType", "")).startswith("image/"):
                raise invalid(f"Record/embed/images/{n}/image has a wrong mime type")
            if int(blob.get("size", 0)) > 1_000_000:
                raise invalid(f"Record/embed/images/{n}/image file too big")
            ratio = image.get("aspectRatio")
            if ratio is not None and min(ratio.get("width", 0), ratio.get("height", 0)) < 1:
                raise invalid(f"Record/embed/images/{n}/aspectRatio is not positive")

    def _get_record(self, params: dict[str, str]) -> dict[str, Any]:
        self._check_repo(params.get("repo"))
        rkey = params.get("rkey", "")
        stored = self.records.get(rkey) if params.get("collection") == POST else None
        if stored is None:
            raise XrpcError(400, "RecordNotFound", f"Could not locate record: {self._uri(rkey)}")
        return {"uri": self._uri(rkey), "cid": stored.cid, "value": stored.value}

    def _delete_record(self, body: dict[str, Any]) -> dict[str, Any]:
        self._check_repo(body.get("repo"))
        self.records.pop(str(body.get("rkey")), None)  # deleting what is gone succeeds
        return {"commit": {"cid": "bafyreicommitdelete", "rev": self._next_tid()}}

    def _author_feed(self, params: dict[str, str]) -> dict[str, Any]:
        if params.get("actor") not in (self.did, self.handle):
            raise XrpcError(400, "InvalidRequest", "Profile not found")
        limit = int(params.get("limit", "50"))
        if not 1 <= limit <= 100:
            raise XrpcError(400, "InvalidRequest", "limit must be 1 to 100")
        author = {"did": self.did, "handle": self.handle}
        newest = sorted(self.records.items(), key=lambda item: item[0], reverse=True)[:limit]
        feed = [
            {
                "post": {
                    "uri": self._uri(rkey),
                    "cid": stored.cid,
                    "author": author,
                    "record": stored.value,
                    "indexedAt": stored.indexed_at,
                }
            }
            for rkey, stored in newest
        ]
        return {"feed": feed}

    def _list_notifications(self, query: dict[str, list[str]]) -> dict[str, Any]:
        """Newest first; the cursor names the last notification of a page (opaque to the
        client) and comes with every page that is not empty."""
        self.notification_queries.append(query)
        limit = query.get("limit", ["50"])[-1]
        if not limit.isdigit() or not 1 <= int(limit) <= 100:
            raise XrpcError(400, "InvalidRequest", "limit must be 1 to 100")
        reasons = query.get("reasons", []) if self.filter_reasons else []
        notes = sorted(self.notifications, key=_note_order, reverse=True)
        notes = [n for n in notes if not reasons or _field(n, "reason") in reasons]
        cursor = query.get("cursor", [""])[-1]
        if cursor:
            stamp, _, cid = cursor.partition("::")
            notes = [n for n in notes if _note_order(n) < (stamp, cid)]
        page = notes[: int(limit)]
        answer: dict[str, Any] = {"notifications": page}
        if page:
            answer["cursor"] = "::".join(_note_order(page[-1]))
        return answer

    def _check_repo(self, repo: Any) -> None:
        if repo not in (self.did, self.handle):
            raise XrpcError(400, "InvalidRequest", f"Could not find repo: {repo}")

    def _uri(self, rkey: str) -> str:
        return f"at://{self.did}/{POST}/{rkey}"

    def _next_tid(self) -> str:
        micros = max(int(time.time() * 1_000_000), self._tid_clock + 1)
        self._tid_clock = micros
        value = micros << 10
        alphabet = "234567abcdefghijklmnopqrstuvwxyz"
        return "".join(alphabet[(value >> shift) & 31] for shift in range(60, -1, -5))


_AUTHED = frozenset(
    {
        "com.atproto.repo.uploadBlob",
        "com.atproto.repo.createRecord",
        "com.atproto.repo.getRecord",
        "com.atproto.repo.deleteRecord",
        "app.bsky.feed.getAuthorFeed",
        "app.bsky.notification.listNotifications",
    }
)


def _note_order(note: Any) -> tuple[str, str]:
    return (str(_field(note, "indexedAt")), str(_field(note, "cid")))


def _field(note: Any, name: str) -> Any:
    """A field of a notification a test may have broken on purpose (even a non-object)."""
    return note.get(name, "") if isinstance(note, dict) else ""


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        return  # a client that hung up while a scripted delay ran is expected


class _Handler(BaseHTTPRequestHandler):
    pds: FakePDS
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self._xrpc()

    def do_POST(self) -> None:
        self._xrpc()

    def log_message(self, format: str, *args: Any) -> None:
        return  # quiet

    def _xrpc(self) -> None:
        url = urlsplit(self.path)
        nsid = url.path.removeprefix("/xrpc/")
        lists = parse_qs(url.query)
        params = {key: values[-1] for key, values in lists.items()}
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if len(body) < length:  # the client died mid-request: a web server drops it
            self.close_connection = True
            return
        headers = {key.lower(): value for key, value in self.headers.items()}
        if self.command == "POST" and "json" in headers.get("content-type", ""):
            try:
                self.pds.bodies.append((nsid, _json(body)))
            except XrpcError:
                self.pds.bodies.append((nsid, body))
        scripted = self.pds.scripted(nsid)
        if scripted is None:
            self._answer(*self.pds.serve(nsid, params, body, headers, lists))
            return
        if scripted.handle:
            status, answer = self.pds.serve(nsid, params, body, headers, lists)
            if scripted.body is None and not scripted.drop:
                scripted = Scripted(status, answer, scripted.headers, scripted.delay)
        if scripted.delay:
            time.sleep(scripted.delay)
        if scripted.drop:
            self.close_connection = True
            return
        self._answer(scripted.status, scripted.body, scripted.headers)

    def _answer(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        if isinstance(body, bytes):
            data, mime = body, "application/octet-stream"
        else:
            data, mime = json.dumps(body if body is not None else {}).encode(), "application/json"
        try:
            self.send_response(status)
            self.send_header("Content-Type", f"{mime}; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except OSError:
            self.close_connection = True  # the client gave up waiting


def _json(body: bytes) -> dict[str, Any]:
    try:
        value = json.loads(body or b"{}")
    except ValueError:
        raise XrpcError(400, "InvalidRequest", "Request body is not JSON") from None
    if not isinstance(value, dict):
        raise XrpcError(400, "InvalidRequest", "Request body must be an object")
    return value


def _digest(data: bytes) -> str:
    return base64.b32encode(hashlib.sha256(data).digest()).decode().lower().rstrip("=")[:52]
