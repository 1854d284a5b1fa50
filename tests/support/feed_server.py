"""A local RSS feed on 127.0.0.1 whose entries a test changes; it answers conditional
GETs with 304 and counts requests."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class Feed:
    """A feed whose entries the test changes; counts requests and 304s."""

    def __init__(self) -> None:
        self.entries: list[tuple[str, str]] = []
        self.requests = 0
        self.not_modified = 0
        self.status = 200
        self.base = "https://social.example/@b/"  # each entry's link: base + guid

    def body(self) -> bytes:
        items = "".join(
            f"<item><guid>{guid}</guid><link>{self.base}{guid}</link>"
            f"<title>Frage</title><description>{text}</description></item>"
            for guid, text in self.entries
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>#moers</title>{items}</channel></rss>"
        ).encode()


@contextmanager
def running() -> Iterator[tuple[Feed, str]]:
    state = Feed()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_args: Any) -> None:
            return

        def do_GET(self) -> None:
            state.requests += 1
            if state.status != 200:
                self.send_response(state.status)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body = state.body()
            tag = f'"{hash(body) & 0xFFFFFF:x}"'
            if self.headers.get("If-None-Match") == tag:
                state.not_modified += 1
                self.send_response(304)
                self.send_header("ETag", tag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", tag)
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield state, f"http://127.0.0.1:{server.server_address[1]}/tags/moers.rss"
    finally:
        server.shutdown()
        server.server_close()
