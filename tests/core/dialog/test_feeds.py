"""Feeds into the dialog feed: every file of feedparser's own corpus (broken, hostile,
mis-encoded) goes through the product's path without an exception; what comes out is
plain text with safe links; the ingest command prints JSON lines or one reason."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kriseninfo.cli.main import cli
from kriseninfo.dialog.feeds import parse_feed
from kriseninfo.dialog.fetch import FetchError, fetch
from kriseninfo.dialog.plain import MAX_TEXT, safe_link, to_plain

CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpora" / "feedparser"
FILES = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.name != "LICENSE")
MARKUP = ("<script", "<iframe", "<style", "onclick=", "onerror=", "javascript:", "<img")


def test_the_corpus_is_there() -> None:
    assert len(FILES) > 1500, f"feedparser corpus missing at {CORPUS}"


def test_every_corpus_file_ingests_without_an_exception() -> None:
    """One test over all ~1,700 files (one per file would cost minutes of set-up)."""
    failures: list[str] = []
    items = 0
    for path in FILES:
        try:
            parsed = parse_feed(path.read_bytes(), str(path))
        except Exception as error:
            failures.append(f"{path.relative_to(CORPUS)}: {type(error).__name__}: {error}")
            continue
        items += len(parsed.items)
        for item in parsed.items:
            json.dumps(item.as_json())
            assert item.link == "" or item.link.startswith(("http://", "https://"))
    assert not failures, "\n".join(failures[:20])
    assert items > 500


def test_hostile_html_never_survives_as_markup() -> None:
    sanitize = sorted((CORPUS / "wellformed" / "sanitize").glob("*.xml"))
    assert len(sanitize) > 100
    for path in sanitize:
        for item in parse_feed(path.read_bytes(), str(path)).items:
            lowered = (item.text + item.title + item.author).lower()
            assert not any(mark in lowered for mark in MARKUP), (path.name, item.text[:200])


def test_broken_feeds_keep_what_can_be_read_and_say_so() -> None:
    truncated = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Stadt</title>'
        b"<item><title>Ist die B57 gesperrt?</title><description>Frage</description></item>"
        b"<item><title>Abgeschnit"
    )
    parsed = parse_feed(truncated, "test")
    assert parsed.warnings and "not well-formed" in parsed.warnings[0]
    assert parsed.items[0].title == "Ist die B57 gesperrt?"
    assert parse_feed(b"", "empty").items == []
    assert parse_feed(b"\x00\xff\xfe garbage", "garbage").items == []


def test_plain_text_from_any_markup() -> None:
    html = (
        "<p>Wo ist die <b>Sammelstelle</b>?<br>Danke&amp;Gruß</p><script>alert(1)</script>"
        '<a href="javascript:alert(1)" onclick="x()">Link</a>'
    )
    assert to_plain(html) == "Wo ist die Sammelstelle?\nDanke&Gruß\nLink"
    assert to_plain("Hallo\u200b Welt\u202e") == "Hallo Welt"  # invisible characters gone
    arabic = "هل الطريق مغلق؟"
    assert to_plain(f"<p>{arabic}</p>") == arabic  # right-to-left text is kept as it is
    assert to_plain("🚒🔥 brennt bei uns!") == "🚒🔥 brennt bei uns!"
    long = to_plain("a " * 60_000)
    assert len(long) <= MAX_TEXT and long.endswith("[…]")
    assert safe_link("javascript:alert(1)") == "" and safe_link("data:text/html,x") == ""
    assert safe_link(" https://moers.de/lage ") == "https://moers.de/lage"


def test_invalid_dates_are_none_not_an_error() -> None:
    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        b"<item><title>a</title><pubDate>32 Foo 99999 25:61:00 XYZ</pubDate></item>"
        b"<item><title>b</title><pubDate>Fri, 27 Nov 2026 14:30:00 +0100</pubDate></item>"
        b"</channel></rss>"
    )
    first, second = parse_feed(feed, "t").items
    assert first.published is None
    assert second.published is not None and second.published.isoformat() == (
        "2026-11-27T13:30:00+00:00"
    )


# -- fetching ------------------------------------------------------------------------------
class _Feeds(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    body = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Stadt Moers</title>'
        b"<item><guid>1</guid><title>Frage</title><description>Ist die Schule offen?"
        b"</description></item></channel></rss>"
    )

    def log_message(self, *_args: Any) -> None:
        return

    def do_GET(self) -> None:
        if self.path == "/hang":
            threading.Event().wait(5)
            return
        if self.path == "/endless":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            try:
                for _ in range(10_000):
                    self.wfile.write(b"<item>" * 1000)
            except OSError:
                return
            return
        if self.path == "/gone":
            self.send_response(410)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.headers.get("If-None-Match") == '"v1"':
            self.send_response(304)
            self.send_header("ETag", '"v1"')
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
        self.send_header("Content-Length", str(len(self.body)))
        self.send_header("ETag", '"v1"')
        self.send_header("Last-Modified", "Fri, 27 Nov 2026 14:00:00 GMT")
        self.end_headers()
        self.wfile.write(self.body)


@pytest.fixture
def feeds() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Feeds)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_conditional_get_asks_only_for_what_changed(feeds: str) -> None:
    first = fetch(f"{feeds}/feed")
    assert first.status == 200 and first.etag == '"v1"' and first.modified
    again = fetch(f"{feeds}/feed", etag=first.etag, modified=first.modified)
    assert again.unchanged and again.data == b""


def test_hanging_endless_and_refusing_servers_give_a_reason(feeds: str) -> None:
    with pytest.raises(FetchError, match="no answer in time"):
        fetch(f"{feeds}/hang", timeout=(2.0, 0.3))
    with pytest.raises(FetchError, match="too large"):
        fetch(f"{feeds}/endless", max_bytes=200_000)
    with pytest.raises(FetchError, match="HTTP 410"):
        fetch(f"{feeds}/gone")
    with pytest.raises(FetchError, match="no connection"):
        fetch("http://127.0.0.1:9/feed")


def test_ingest_prints_json_lines_or_one_reason(feeds: str, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", f"{feeds}/feed"])
    assert result.exit_code == 0, result.output
    (line,) = result.output.splitlines()
    item = json.loads(line)
    assert item["text"] == "Ist die Schule offen?" and item["author"] == "Stadt Moers"
    sample = next(p for p in FILES if "illformed" in str(p))
    assert runner.invoke(cli, ["ingest", str(sample)]).exit_code == 0
    missing = runner.invoke(cli, ["ingest", str(tmp_path / "nope.xml")])
    assert missing.exit_code == 1 and len(missing.output.strip().splitlines()) == 1
    gone = runner.invoke(cli, ["ingest", f"{feeds}/gone"])
    assert gone.exit_code == 1 and "HTTP 410" in gone.output
