"""A local Telegram Bot API for channel tests, and the loopback plumbing every fake
platform server shares (`FakePlatform`, `Fault`).

Each server listens on 127.0.0.1 on a free port, answers as its platform documents
(error shapes included) and counts what it created. Tests script misbehaviour per
endpoint with `fail(endpoint, Fault(...), ...)`: the next requests to that endpoint get
the faults in order, then normal answers again.
"""

from __future__ import annotations

import email.parser
import email.policy
import itertools
import json
import threading
import time
from collections import defaultdict, deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self
from urllib.parse import parse_qsl, urlsplit


@dataclass(frozen=True)
class Fault:
    """One scripted misbehaviour for the next request to an endpoint.

    `status`: answer this instead (the platform does nothing). `delay`: wait this long
    before answering (past the client's read timeout the answer is lost). `drop`: read the
    request, then close the socket without answering. With `delay` or `drop` the platform
    carries the request out first unless `act` is False, as a real one may.
    """

    status: int = 0
    body: Any = None
    headers: Mapping[str, str] = field(default_factory=dict)
    delay: float = 0.0
    drop: bool = False
    act: bool = True


@dataclass
class Seen:
    """A request as the server received it."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]  # lower-case names
    body: bytes
    form: dict[str, str] = field(default_factory=dict)  # query, urlencoded or multipart fields
    files: dict[str, tuple[str, str, bytes]] = field(default_factory=dict)  # name, type, data
    json: Any = None


@dataclass
class Answer:
    status: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)


class FakePlatform:
    """Loopback HTTP server; a subclass maps requests to endpoints and answers them."""

    def __init__(self) -> None:
        self.requests: list[Seen] = []
        self._faults: dict[str, deque[Fault]] = defaultdict(deque)
        self._lock = threading.Lock()
        self._closing = threading.Event()
        self._httpd = _Server(("127.0.0.1", 0), _handler(self))
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> Self:
        self._thread.start()
        return self

    def close(self) -> None:
        self._closing.set()  # delayed answers give up waiting
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def fail(self, endpoint: str, *faults: Fault) -> None:
        with self._lock:
            self._faults[endpoint].extend(faults)

    def seen(self, endpoint: str) -> list[Seen]:
        return [r for r in self.requests if self.endpoint(r) == endpoint]

    # -- for subclasses --------------------------------------------------------------------
    def endpoint(self, request: Seen) -> str:
        raise NotImplementedError

    def answer(self, request: Seen) -> Answer:
        """The platform's answer; called under the server's lock."""
        raise NotImplementedError

    # -- serving ---------------------------------------------------------------------------
    def _serve(self, handler: BaseHTTPRequestHandler) -> None:
        request = _read(handler)
        if request is None:  # the client died mid-request: a web server drops it
            handler.close_connection = True
            return
        with self._lock:
            self.requests.append(request)
            queue = self._faults.get(self.endpoint(request))
            fault = queue.popleft() if queue else None
        if fault is not None and fault.status:
            self._closing.wait(fault.delay)
            _write(handler, Answer(fault.status, fault.body, dict(fault.headers)))
            return
        answer = Answer(599, None)
        if fault is None or fault.act:
            with self._lock:
                answer = self.answer(request)
        if fault is not None and fault.drop:
            handler.close_connection = True  # the socket closes without a status line
            return
        if fault is not None:
            self._closing.wait(fault.delay)
        _write(handler, answer)


class _Server(ThreadingHTTPServer):
    block_on_close = False  # a handler still sleeping on a delay must not hold up close()


def _handler(platform: FakePlatform) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            platform._serve(self)

        do_POST = do_DELETE = do_GET

        def log_message(self, format: str, *args: Any) -> None:
            return

    return Handler


def _read(handler: BaseHTTPRequestHandler) -> Seen | None:
    parts = urlsplit(handler.path)
    headers = {k.lower(): v for k, v in handler.headers.items()}
    length = int(headers.get("content-length") or 0)
    body = handler.rfile.read(length) if length else b""
    if len(body) < length:
        return None
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    request = Seen(handler.command, parts.path, query, headers, body, form=dict(query))
    kind = headers.get("content-type", "")
    if kind.startswith("application/json") and body:
        request.json = json.loads(body)
    elif kind.startswith("application/x-www-form-urlencoded"):
        request.form.update(parse_qsl(body.decode(), keep_blank_values=True))
    elif kind.startswith("multipart/form-data"):
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + kind.encode() + b"\r\n\r\n" + body
        )
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            data = part.get_payload(decode=True)
            assert isinstance(name, str) and isinstance(data, bytes)
            filename = part.get_filename()
            if filename is not None:
                request.files[name] = (filename, part.get_content_type(), data)
            else:
                request.form[name] = data.decode()
    return request


def _write(handler: BaseHTTPRequestHandler, answer: Answer) -> None:
    if isinstance(answer.body, bytes):
        data, kind = answer.body, "text/plain"
    elif answer.body is None:
        data, kind = b"", "text/plain"
    else:
        data, kind = json.dumps(answer.body).encode(), "application/json; charset=utf-8"
    try:
        handler.send_response(answer.status)
        handler.send_header("Content-Type", kind)
        handler.send_header("Content-Length", str(len(data)))
        for name, value in answer.headers.items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(data)
    except OSError:
        pass  # the client gave up waiting (a slow-answer fault)


# -- Telegram ----------------------------------------------------------------------------------
TOKEN = "123456:ABC-kriseninfo-test"
BOT = {"id": 123456, "is_bot": True, "first_name": "Kriseninfo", "username": "kriseninfo_bot"}


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _error(code: int, description: str, **parameters: Any) -> Answer:
    body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
    if parameters:
        body["parameters"] = parameters
    return Answer(code, body)


def flood(retry_after: int) -> Fault:
    """Telegram's flood control answer."""
    description = f"Too Many Requests: retry after {retry_after}"
    return Fault(429, _error(429, description, retry_after=retry_after).body)


class TelegramServer(FakePlatform):
    """The Bot API for one bot and one channel (`@kreis_info`, id -1001234567890)."""

    def __init__(self, *, bot_is_admin: bool = True) -> None:
        super().__init__()
        self.token = TOKEN
        self.chat = {"id": -1001234567890, "title": "Kreis Info", "username": "kreis_info"}
        self.bot_is_admin = bot_is_admin
        self.messages: dict[int, dict[str, Any]] = {}  # what the channel shows
        self.created = 0
        self.deleted: list[int] = []
        self._ids = itertools.count(101)
        self._groups = itertools.count(9001)
        self._files = itertools.count(1)

    def endpoint(self, request: Seen) -> str:
        return request.path.rsplit("/", 1)[-1]

    def answer(self, request: Seen) -> Answer:
        prefix, _, method = request.path[1:].rpartition("/")
        if prefix != f"bot{self.token}":
            return _error(401, "Unauthorized")
        handler = getattr(self, f"_{method.lower()}", None)
        if handler is None:
            return _error(404, "Not Found")
        params = dict(request.form)
        if isinstance(request.json, dict):
            params.update(
                {k: v if isinstance(v, str) else json.dumps(v) for k, v in request.json.items()}
            )
        if "chat_id" in params and params["chat_id"] not in (
            f"@{self.chat['username']}",
            str(self.chat["id"]),
        ):
            return _error(400, "Bad Request: chat not found")
        if "parse_mode" in params and params["parse_mode"] not in (
            "HTML",
            "Markdown",
            "MarkdownV2",
        ):
            return _error(400, f"Bad Request: unsupported parse_mode {params['parse_mode']}")
        result: Answer = handler(params, request)
        return result

    def _ok(self, result: Any) -> Answer:
        return Answer(200, {"ok": True, "result": result})

    def _getme(self, params: dict[str, str], request: Seen) -> Answer:
        return self._ok(BOT)

    def _getchat(self, params: dict[str, str], request: Seen) -> Answer:
        return self._ok({**self.chat, "type": "channel"})

    def _getchatmember(self, params: dict[str, str], request: Seen) -> Answer:
        if not self.bot_is_admin:
            return self._ok({"status": "left", "user": BOT})
        return self._ok(
            {
                "status": "administrator",
                "user": BOT,
                "can_post_messages": True,
                "can_delete_messages": True,
            }
        )

    def _reply_to(self, params: dict[str, str]) -> tuple[dict[str, Any] | None, Answer | None]:
        if "reply_parameters" not in params:
            return None, None
        wanted = json.loads(params["reply_parameters"]).get("message_id")
        parent = self.messages.get(int(wanted))
        if parent is None:
            return None, _error(400, "Bad Request: message to be replied not found")
        return parent, None

    def _new(self, parent: dict[str, Any] | None, **content: Any) -> dict[str, Any]:
        message = {
            "message_id": next(self._ids),
            "sender_chat": {**self.chat, "type": "channel"},
            "chat": {**self.chat, "type": "channel"},
            "date": int(time.time()),
            **content,
        }
        if parent is not None:
            message["reply_to_message"] = parent
        self.messages[message["message_id"]] = message
        self.created += 1
        return message

    def _sendmessage(self, params: dict[str, str], request: Seen) -> Answer:
        text = params.get("text", "")
        if not text.strip():
            return _error(400, "Bad Request: message text is empty")
        if _utf16(text) > 4096:
            return _error(400, "Bad Request: message is too long")
        parent, refused = self._reply_to(params)
        return refused or self._ok(self._new(parent, text=text))

    def _photo(self, upload: tuple[str, str, bytes] | None) -> list[dict[str, Any]]:
        size = len(upload[2]) if upload else 0
        unique = f"AQAD{next(self._files)}"
        return [
            {
                "file_id": f"file-{unique}",
                "file_unique_id": unique,
                "width": 800,
                "height": 600,
                "file_size": size,
            }
        ]

    def _sendphoto(self, params: dict[str, str], request: Seen) -> Answer:
        upload = request.files.get("photo")
        if upload is None:
            return _error(400, "Bad Request: there is no photo in the request")
        caption = params.get("caption", "")
        if _utf16(caption) > 1024:
            return _error(400, "Bad Request: message caption is too long")
        parent, refused = self._reply_to(params)
        content: dict[str, Any] = {"photo": self._photo(upload)}
        if caption:
            content["caption"] = caption
        return refused or self._ok(self._new(parent, **content))

    def _sendmediagroup(self, params: dict[str, str], request: Seen) -> Answer:
        media = json.loads(params.get("media", "[]"))
        if not 2 <= len(media) <= 10:
            return _error(400, "Bad Request: media group must include 2-10 items")
        uploads = []
        for item in media:
            name = str(item.get("media", "")).removeprefix("attach://")
            if item.get("type") != "photo" or name not in request.files:
                return _error(400, f"Bad Request: can't parse InputMedia: {item.get('media')}")
            if _utf16(item.get("caption", "")) > 1024:
                return _error(400, "Bad Request: message caption is too long")
            uploads.append((request.files[name], item.get("caption", "")))
        parent, refused = self._reply_to(params)
        if refused:
            return refused
        group = str(next(self._groups))
        sent = []
        for upload, caption in uploads:
            content: dict[str, Any] = {"photo": self._photo(upload), "media_group_id": group}
            if caption:
                content["caption"] = caption
            sent.append(self._new(parent, **content))
        return self._ok(sent)

    def _deletemessage(self, params: dict[str, str], request: Seen) -> Answer:
        number = int(params.get("message_id", "0"))
        if number not in self.messages:
            return _error(400, "Bad Request: message to delete not found")
        del self.messages[number]
        self.deleted.append(number)
        return self._ok(True)

    def _deletemessages(self, params: dict[str, str], request: Seen) -> Answer:
        for number in json.loads(params.get("message_ids", "[]")):
            if self.messages.pop(int(number), None) is not None:  # missing ones are skipped
                self.deleted.append(int(number))
        return self._ok(True)
