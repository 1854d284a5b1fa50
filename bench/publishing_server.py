"""Mastodon-like instances for the publishing benchmarks, in a process of their own.

`python -m bench.publishing_server COUNT DELAY_S` listens on COUNT ports of 127.0.0.1
and prints them as one JSON line. Each answers POST /api/v1/statuses after DELAY_S with a
minimal status (honouring `Idempotency-Key`), like a remote instance would; nothing else.

A separate process, because real instances are remote: servers in the benchmark's own
interpreter would compete with the worker for the GIL and slow it down unfairly.
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

TOKEN = "bench-token-5c2a"


class _Quiet(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A worker that closes its connections is no error here."""


def _handler(delay: float, port: int) -> type[BaseHTTPRequestHandler]:
    ids = itertools.count(112_000_000_000_000_000)
    by_key: dict[str, dict[str, str]] = {}
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            return

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            if self.path.split("?")[0].rstrip("/") != "/api/v1/statuses":
                self._answer(404, {"error": "Record not found"})
                return
            time.sleep(delay)
            if self.headers.get("Authorization") != f"Bearer {TOKEN}":
                self._answer(401, {"error": "The access token is invalid"})
                return
            key = self.headers.get("Idempotency-Key", "")
            with lock:
                status = by_key.get(key) if key else None
                if status is None:
                    status_id = str(next(ids))
                    base = f"http://127.0.0.1:{port}"
                    status = {
                        "id": status_id,
                        "url": f"{base}/@bench/{status_id}",
                        "uri": f"{base}/users/bench/statuses/{status_id}",
                    }
                    if key:
                        by_key[key] = status
            self._answer(200, status)

        def _answer(self, code: int, body: object) -> None:
            data = json.dumps(body).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Handler


def serve(count: int, delay: float) -> None:
    servers = [_Quiet(("127.0.0.1", 0), BaseHTTPRequestHandler) for _ in range(count)]
    for server in servers:
        server.RequestHandlerClass = _handler(delay, server.server_address[1])
        threading.Thread(target=server.serve_forever, daemon=True).start()
    print(json.dumps([s.server_address[1] for s in servers]), flush=True)
    sys.stdin.read()  # until the parent closes our stdin (or dies)


class Instances:
    """The server process, seen from the benchmark: start, URLs, stop."""

    def __init__(self, count: int, delay: float):
        self._process = subprocess.Popen(
            [sys.executable, "-m", "bench.publishing_server", str(count), str(delay)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).resolve().parents[1],
        )
        assert self._process.stdout is not None
        line = self._process.stdout.readline()
        if not line:
            self._process.kill()
            raise RuntimeError("the benchmark's Mastodon server process did not start")
        self.urls = [f"http://127.0.0.1:{port}" for port in json.loads(line)]

    def close(self) -> None:
        if self._process.stdin is not None:
            self._process.stdin.close()
        try:
            self._process.wait(5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()

    def __enter__(self) -> Instances:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


if __name__ == "__main__":
    serve(int(sys.argv[1]), float(sys.argv[2]))
