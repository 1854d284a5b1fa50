"""A local Mastodon API on 127.0.0.1 for tests, answering in the shapes of the recorded
real responses in ../shared/corpora/mastodon/ (Mastodon.py's cassettes).

It also lists notifications (GET /api/v1/notifications with types[], exclude_types[],
max_id, since_id, min_id and limit, newest first, with the Link header Mastodon sends),
starting from the two recorded ones (`replay_recorded_notifications`) or made to order
(`notify`).

It honours `Idempotency-Key` as Mastodon documents (the same key from the same account
returns the status made the first time), counts every status it creates per key, and
can be told to misbehave: a scripted queue of answers per route (an HTTP error with its
headers, a slow answer, a dropped connection before or after doing the work).
"""

from __future__ import annotations

import email.parser
import email.policy
import itertools
import json
import random
import threading
import time
from collections import defaultdict, deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import yaml

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "mastodon"
TOKEN = "test-token-8d1f"


def _recorded(cassette: str, method: str, path_part: str) -> Any:
    data = yaml.safe_load((CORPUS / cassette).read_text(encoding="utf-8"))
    for interaction in data["interactions"]:
        request, response = interaction["request"], interaction["response"]
        if request["method"] == method and path_part in request["uri"]:
            return json.loads(response["body"]["string"])
    raise LookupError(f"{cassette}: no {method} {path_part}")


#: The notification lists the cassettes recorded (all types; mentions only).
NOTIFICATION_CASSETTES = ("test_notifications.yaml", "test_notifications_mentions_only.yaml")


@dataclass
class Scripted:
    """One misbehaving answer. `drop`: "before" closes the socket without doing the work,
    "after" does the work and then closes it (the answer is lost)."""

    status: int = 0
    body: dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    drop: str = ""


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up (a killed worker, a timeout) is part of the tests."""


class MastodonServer:
    def __init__(self, max_characters: int = 500, processing_polls: int = 0):
        self.max_characters = max_characters
        self.processing_polls = processing_polls  # GET /media answers 206 this many times
        self.delay = 0.0  # every answer waits this long (seconds)
        self.jitter = 0.0  # and up to this much more, at random
        self._status_template = _recorded(
            "test_status_post-None-public.yaml", "POST", "/api/v1/statuses"
        )
        self._media_template = _recorded("test_media_post_file.yaml", "POST", "/api/v2/media")
        self._instance = _recorded("test_instance.yaml", "GET", "/api/v2/instance")
        self._instance["configuration"]["statuses"]["max_characters"] = max_characters
        self._recorded_notifications: list[dict[str, Any]] = [
            note
            for cassette in NOTIFICATION_CASSETTES
            for note in _recorded(cassette, "GET", "/api/v1/notifications")  # the list
        ]
        self._ids = itertools.count(117020585924712638)
        self._lock = threading.Lock()
        self.statuses: dict[str, dict[str, Any]] = {}
        #: Other people's statuses (the citizens' mentions): ours may reply to them.
        self.others: dict[str, dict[str, Any]] = {}
        self.deleted: set[str] = set()
        self.by_key: dict[str, str] = {}
        self.created_per_key: defaultdict[str, int] = defaultdict(int)
        self.requests_per_key: defaultdict[str, int] = defaultdict(int)
        self.media: dict[str, dict[str, Any]] = {}
        self._polls: dict[str, int] = {}
        self.script: defaultdict[str, deque[Scripted]] = defaultdict(deque)
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        #: Notifications of the account, in any order (the listing sorts by id).
        self.notifications: list[Any] = []
        #: The query of every GET /api/v1/notifications, parsed.
        self.notification_queries: list[dict[str, list[str]]] = []
        self._server = _QuietServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    # -- control ---------------------------------------------------------------------------
    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> MastodonServer:
        self._thread.start()
        return self

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def then(self, route: str, *answers: Scripted) -> None:
        """Queue misbehaving answers for a route: "post_status", "media", "media_get",
        "delete", "verify", "instance", "notifications"."""
        with self._lock:
            self.script[route].extend(answers)

    def replay_recorded_notifications(self) -> list[dict[str, Any]]:
        """The mentions the cassettes recorded (ids 20 and 21), as the instance sent them."""
        recorded = json.loads(json.dumps(self._recorded_notifications))
        unique = list({note["id"]: note for note in recorded}.values())
        with self._lock:
            self.notifications.extend(unique)
        return unique

    def notify(
        self,
        content: str,
        *,
        kind: str = "mention",
        acct: str = "anwohnerin@example.social",
        display_name: str = "Erika Muster",
        in_reply_to_id: str | None = None,
        spoiler_text: str = "",
        created_at: str | None = None,
        visibility: str = "public",
    ) -> dict[str, Any]:
        """A new notification (its id above every other) about a new status whose HTML
        `content` is given, in the recorded shape."""
        with self._lock:
            template = json.loads(json.dumps(self._recorded_notifications[0]))
            note_id = str(max([int(template["id"]), *map(_id_number, self.notifications)]) + 1)
            status_id = str(next(self._ids))
            when = created_at or datetime.now(UTC).isoformat(timespec="milliseconds").replace(
                "+00:00", "Z"
            )
            user = acct.split("@")[0]
            account = dict(template["account"], acct=acct, username=user)
            account.update(display_name=display_name, url=f"{self.url}/@{user}")
            status = template["status"]
            status.update(
                id=status_id,
                created_at=when,
                in_reply_to_id=in_reply_to_id,
                visibility=visibility,
                spoiler_text=spoiler_text,
                sensitive=bool(spoiler_text),
                content=content,
                account=account,
                url=f"{self.url}/@{user}/{status_id}",
                uri=f"{self.url}/users/{user}/statuses/{status_id}",
            )
            template.update(
                id=note_id,
                type=kind,
                created_at=when,
                group_key=f"ungrouped-{note_id}",
                account=account,
                status=status,
            )
            self.notifications.append(template)
            self.others[status_id] = status
            return template

    def live_statuses(self) -> list[dict[str, Any]]:
        with self._lock:
            return [s for i, s in self.statuses.items() if i not in self.deleted]

    # -- the API -----------------------------------------------------------------------------
    def _handler(self) -> type[BaseHTTPRequestHandler]:
        api = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_GET(self) -> None:
                self._route("GET")

            def do_POST(self) -> None:
                self._route("POST")

            def do_DELETE(self) -> None:
                self._route("DELETE")

            def _route(self, method: str) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                if len(raw) < length:  # the client died mid-request: a web server drops it
                    self.close_connection = True
                    return
                path = urlparse(self.path).path.rstrip("/")
                api.requests.append((method, path, dict(self.headers)))
                route, handler, arg = api._find(method, path)
                if route is None:
                    self._answer(404, {"error": "Record not found"})
                    return
                scripted = api._next(route)
                if api.delay or api.jitter:
                    time.sleep(api.delay + random.uniform(0, api.jitter))
                if scripted is not None:
                    if scripted.delay:
                        time.sleep(scripted.delay)
                    if scripted.drop == "before":
                        self._drop()
                        return
                    if scripted.status:
                        self._answer(scripted.status, scripted.body or {}, scripted.headers)
                        return
                if route not in ("instance",) and not self._authorised():
                    self._answer(401, {"error": "The access token is invalid"})
                    return
                status, body, headers = handler(self, raw, arg)
                if scripted is not None and scripted.drop == "after":
                    self._drop()
                    return
                self._answer(status, body, headers)

            def _authorised(self) -> bool:
                return self.headers.get("Authorization") == f"Bearer {TOKEN}"

            def _answer(
                self, status: int, body: Any, headers: dict[str, str] | None = None
            ) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                reset = (datetime.now(UTC) + timedelta(minutes=5)).isoformat()
                self.send_header("X-RateLimit-Limit", "300")
                self.send_header("X-RateLimit-Remaining", "299")
                self.send_header("X-RateLimit-Reset", reset)
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            def _drop(self) -> None:
                self.close_connection = True
                self.connection.close()

        return Handler

    def _next(self, route: str) -> Scripted | None:
        with self._lock:
            queue = self.script.get(route)
            return queue.popleft() if queue else None

    def _find(self, method: str, path: str) -> tuple[str | None, Any, str]:
        parts = path.split("/")
        table: list[tuple[str, str, Any]] = [
            ("POST", "/api/v1/statuses", ("post_status", MastodonServer._post_status)),
            ("POST", "/api/v2/media", ("media", MastodonServer._post_media)),
            ("GET", "/api/v1/accounts/verify_credentials", ("verify", MastodonServer._verify)),
            ("GET", "/api/v2/instance", ("instance", MastodonServer._get_instance)),
            ("GET", "/api/v1/notifications", ("notifications", MastodonServer._notifications)),
        ]
        for want_method, want_path, (route, handler) in table:
            if method == want_method and path == want_path:
                return route, lambda h, raw, arg, f=handler: f(self, h, raw, arg), ""
        if len(parts) == 5 and parts[1:4] == ["api", "v1", "statuses"]:
            if method == "DELETE":
                return "delete", lambda h, raw, arg: self._delete(h, raw, arg), parts[4]
            if method == "GET":
                return "get_status", lambda h, raw, arg: self._get_status(h, raw, arg), parts[4]
        if len(parts) == 5 and parts[1:4] == ["api", "v1", "media"] and method == "GET":
            return "media_get", lambda h, raw, arg: self._get_media(h, raw, arg), parts[4]
        if (
            len(parts) == 6
            and parts[1:4] == ["api", "v1", "accounts"]
            and parts[5] == "statuses"
            and method == "GET"
        ):
            return "account_statuses", lambda h, raw, arg: self._account_statuses(h, raw, arg), ""
        return None, None, ""

    # -- routes ----------------------------------------------------------------------------
    def _post_status(
        self, handler: BaseHTTPRequestHandler, raw: bytes, _arg: str
    ) -> tuple[int, Any, dict[str, str]]:
        form = _form(handler.headers.get("Content-Type", ""), raw)
        key = handler.headers.get("Idempotency-Key", "")
        text = form.get("status", [""])[0]
        with self._lock:
            if key:
                self.requests_per_key[key] += 1
                if key in self.by_key:  # Mastodon: the same key returns the first status
                    return 200, self.statuses[self.by_key[key]], {}
            if len(text) > self.max_characters:
                return (
                    422,
                    {
                        "error": f"Validation failed: Text character limit of "
                        f"{self.max_characters} exceeded"
                    },
                    {},
                )
            reply_to = form.get("in_reply_to_id", [None])[0]
            known = reply_to in self.statuses or reply_to in self.others
            if reply_to and (not known or reply_to in self.deleted):
                return 404, {"error": "Record not found"}, {}
            media_ids = form.get("media_ids[]", [])
            for media_id in media_ids:
                if media_id not in self.media:
                    return 422, {"error": "Validation failed: Media ids are invalid"}, {}
            status_id = str(next(self._ids))
            status = json.loads(json.dumps(self._status_template))
            status.update(
                id=status_id,
                created_at=datetime.now(UTC)
                .isoformat(timespec="milliseconds")
                .replace("+00:00", "Z"),
                in_reply_to_id=reply_to,
                content="<p>" + _escape(text).replace("\n", "<br />") + "</p>",
                language=form.get("language", [None])[0],
                visibility=form.get("visibility", ["public"])[0],
                sensitive=False,
                url=f"{self.url}/@kriseninfo_test/{status_id}",
                uri=f"{self.url}/users/kriseninfo_test/statuses/{status_id}",
                media_attachments=[self.media[m] for m in media_ids],
            )
            status["text_for_test"] = text
            self.statuses[status_id] = status
            if key:
                self.by_key[key] = status_id
                self.created_per_key[key] += 1
            return 200, status, {}

    def _post_media(
        self, handler: BaseHTTPRequestHandler, raw: bytes, _arg: str
    ) -> tuple[int, Any, dict[str, str]]:
        fields = _multipart(handler.headers.get("Content-Type", ""), raw)
        if "file" not in fields:
            return 422, {"error": "Validation failed: File can't be blank"}, {}
        with self._lock:
            media_id = str(next(self._ids))
            media = json.loads(json.dumps(self._media_template))
            media.update(id=media_id, description=fields.get("description", b"").decode())
            self.media[media_id] = media
            self._polls[media_id] = self.processing_polls
            if self.processing_polls:
                pending = dict(media, url=None)
                return 202, pending, {}
            return 200, media, {}

    def _get_media(
        self, _handler: BaseHTTPRequestHandler, _raw: bytes, media_id: str
    ) -> tuple[int, Any, dict[str, str]]:
        with self._lock:
            if media_id not in self.media:
                return 404, {"error": "Record not found"}, {}
            if self._polls[media_id] > 1:
                self._polls[media_id] -= 1
                return 206, dict(self.media[media_id], url=None), {}
            self._polls[media_id] = 0
            return 200, self.media[media_id], {}

    def _delete(
        self, _handler: BaseHTTPRequestHandler, _raw: bytes, status_id: str
    ) -> tuple[int, Any, dict[str, str]]:
        with self._lock:
            if status_id not in self.statuses or status_id in self.deleted:
                return 404, {"error": "Record not found"}, {}
            self.deleted.add(status_id)
            status = dict(self.statuses[status_id])
            status["text"] = status.get("text_for_test", "")
            return 200, status, {}

    def _get_status(
        self, _handler: BaseHTTPRequestHandler, _raw: bytes, status_id: str
    ) -> tuple[int, Any, dict[str, str]]:
        with self._lock:
            if status_id not in self.statuses or status_id in self.deleted:
                return 404, {"error": "Record not found"}, {}
            return 200, self.statuses[status_id], {}

    def _verify(
        self, _handler: BaseHTTPRequestHandler, _raw: bytes, _arg: str
    ) -> tuple[int, Any, dict[str, str]]:
        account = dict(self._status_template["account"])
        account.update(
            acct="kriseninfo_test", username="kriseninfo_test", display_name="Stadt Musterstadt"
        )
        return 200, account, {}

    def _get_instance(
        self, _handler: BaseHTTPRequestHandler, _raw: bytes, _arg: str
    ) -> tuple[int, Any, dict[str, str]]:
        return 200, self._instance, {}

    def _notifications(
        self, handler: BaseHTTPRequestHandler, _raw: bytes, _arg: str
    ) -> tuple[int, Any, dict[str, str]]:
        """Newest first. since_id and min_id both mean "newer than", but min_id pages
        from the oldest of those (the page right after it), as Mastodon documents."""
        query = parse_qs(urlparse(handler.path).query)
        with self._lock:
            self.notification_queries.append(query)
            notes = sorted(self.notifications, key=_id_number, reverse=True)
        types, exclude = query.get("types[]", []), query.get("exclude_types[]", [])
        limit = query.get("limit", ["40"])[0]
        count = min(max(int(limit), 1), 80) if limit.isdigit() else 40
        bounds = {name: query.get(name, [""])[0] for name in ("max_id", "since_id", "min_id")}
        chosen = [
            n
            for n in notes
            if (not types or _kind(n) in types)
            and _kind(n) not in exclude
            and (not bounds["max_id"].isdigit() or _id_number(n) < int(bounds["max_id"]))
            and (not bounds["since_id"].isdigit() or _id_number(n) > int(bounds["since_id"]))
            and (not bounds["min_id"].isdigit() or _id_number(n) > int(bounds["min_id"]))
        ]
        page = chosen[-count:] if bounds["min_id"].isdigit() else chosen[:count]
        headers: dict[str, str] = {}
        if page:
            kinds = "".join(f"&types%5B%5D={kind}" for kind in types)
            here = f"{self.url}/api/v1/notifications"
            headers["Link"] = (
                f'<{here}?max_id={_id_number(page[-1])}{kinds}>; rel="next", '
                f'<{here}?min_id={_id_number(page[0])}{kinds}>; rel="prev"'
            )
        return 200, page, headers

    def _account_statuses(
        self, _handler: BaseHTTPRequestHandler, _raw: bytes, _arg: str
    ) -> tuple[int, Any, dict[str, str]]:
        return 200, list(reversed(self.live_statuses()))[:40], {}


def _id_number(note: Any) -> int:
    """A notification's id as a number (-1 for one a test broke on purpose)."""
    ident = str(note.get("id", "")) if isinstance(note, dict) else ""
    return int(ident) if ident.isdigit() else -1


def _kind(note: Any) -> str:
    """A notification's type; one without is of every type (so a test can break it)."""
    return str(note.get("type", "mention")) if isinstance(note, dict) else "mention"


def _form(content_type: str, raw: bytes) -> dict[str, list[str]]:
    if content_type.startswith("application/json"):
        data = json.loads(raw or b"{}")
        return {k: (v if isinstance(v, list) else [str(v)]) for k, v in data.items()}
    if content_type.startswith("multipart/form-data"):
        return {k: [v.decode()] for k, v in _multipart(content_type, raw).items()}
    return parse_qs(raw.decode(), keep_blank_values=True)


def _multipart(content_type: str, raw: bytes) -> dict[str, bytes]:
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + raw
    )
    fields: dict[str, bytes] = {}
    for part in message.iter_parts():  # type: ignore[attr-defined]
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        if isinstance(name, str) and isinstance(payload, bytes):
            fields[name] = payload
    return fields


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@contextmanager
def running(**kwargs: Any) -> Iterator[MastodonServer]:
    server = MastodonServer(**kwargs).start()
    try:
        yield server
    finally:
        server.close()
