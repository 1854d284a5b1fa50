"""Local RSS and Atom feeds full of citizens' questions, for the dialog benchmarks.

`make_feeds(directory)` writes 20 feeds × 500 entries (14 RSS 2.0 as Mastodon writes them,
6 Atom), deterministic, with the markup real posts carry: paragraphs, line breaks, links,
hashtags, entities. `python -m bench.dialog_feeds DIR` serves the files of DIR over HTTP
on 127.0.0.1 (conditional GET with ETag, like a real instance) and prints its port as one
JSON line; `FeedServer` runs that process. A process of its own, because real feeds are
remote: a server in the benchmark's interpreter would compete with the poller for the GIL.

`questions(count)` gives the same kind of texts for seeding the database directly.
"""

from __future__ import annotations

import hashlib
import html
import json
import random
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

FEEDS = 20
ENTRIES = 500  # per feed: 20 × 500 = 10,000
ATOM_EVERY = 3  # every third feed is Atom, the others RSS 2.0
SEED = 112

_STREETS = (
    "Homberger Straße",
    "Hafenstraße",
    "Rheinberger Straße",
    "Kirschenallee",
    "Uerdinger Straße",
    "Bankstraße",
    "Filder Straße",
    "Repelener Straße",
    "Neustraße",
    "Am Jostenhof",
)
_DISTRICTS = ("Mitte", "Meerbeck", "Repelen", "Scherpenberg", "Hochstraß", "Asberg", "Kapellen")
_QUESTIONS = (
    "Wann darf ich wieder in meine Wohnung in der {street}?",
    "Muss ich die Fenster geschlossen halten? Es riecht in {district} stark nach Rauch.",
    "Fährt der Bus {bus} heute noch zum Bahnhof?",
    "Ist das Trinkwasser in {district} noch trinkbar?",
    "Kann ich mein Kind aus der Kita in der {street} abholen?",
    "Ist die {street} noch gesperrt? Ich muss zur Arbeit.",
    "Wo ist die Sammelstelle für {district}? Meine Oma kann nicht laufen.",
    "Darf man in {district} noch draußen Sport machen oder ist die Luft giftig?",
    "Gibt es Informationen zu den Schulen morgen? Fällt der Unterricht in {district} aus?",
    "Wie lange dauert der Einsatz noch? Wir sehen die Rauchwolke bis nach {district}.",
    "Sollen wir die Klimaanlage ausschalten? Wir wohnen direkt an der {street}.",
    "Mein Hund war draußen im Rauch. Muss ich mir Sorgen machen?",
    "Was ist mit dem Gemüse im Garten? Kann man das noch essen?",
    "Wird die Warn-App noch einmal auslösen, wenn es vorbei ist?",
)
_RUMOURS = (
    "Auf Facebook steht, dass in der Halle Chemikalien explodiert sind. Stimmt das?",
    "Jemand hat geschrieben, ganz {district} wird evakuiert. Ist das wahr?",
    "In der WhatsApp-Gruppe heißt es, das Wasser sei vergiftet. Was ist da dran?",
)
_EMERGENCIES = (
    "Hilfe, meine Mutter ist in der {street} im 3. Stock eingeschlossen und es kommt Rauch rein!",
    "Wir bekommen kaum Luft, bei uns in {district} ist alles voller Rauch. Was sollen wir tun?",
)
_PRESS = ("Guten Tag, hier ist die Redaktion der Rheinischen Post. Gibt es eine Stellungnahme?",)
_THANKS = (
    "Danke an die Feuerwehr und alle Helfer! 🙏",
    "Vielen Dank für die schnellen Infos hier, weiter so.",
)
_OPENERS = ("", "", "Hallo, ", "Guten Abend, ", "Moin, ", "Entschuldigung, ", "Hallo Stadt Moers, ")
_CLOSERS = (
    "",
    "",
    " Danke!",
    " Vielen Dank für eine kurze Antwort.",
    " Bitte schnell antworten, wir machen uns Sorgen.",
    " Gruß aus {district}",
)


@dataclass(frozen=True)
class Post:
    author: str
    handle: str
    title: str
    html: str  # the body as the platform sends it (markup, entities)
    link: str
    published: datetime


def _question(rng: random.Random) -> tuple[str, str]:
    """A title and a plain question, as a worried resident writes it."""
    roll = rng.random()
    pool: tuple[str, ...]
    if roll < 0.02:
        pool, title = _EMERGENCIES, "Notfall"
    elif roll < 0.07:
        pool, title = _RUMOURS, "Gerücht?"
    elif roll < 0.09:
        pool, title = _PRESS, "Presseanfrage"
    elif roll < 0.14:
        pool, title = _THANKS, "Danke"
    else:
        pool, title = _QUESTIONS, "Frage"
    fields = {
        "street": rng.choice(_STREETS),
        "district": rng.choice(_DISTRICTS),
        "bus": rng.choice(("911", "912", "SB30", "923", "NE7")),
    }
    text = rng.choice(_OPENERS) + rng.choice(pool).format(**fields)
    text += rng.choice(_CLOSERS).format(**fields)
    if rng.random() < 0.15:
        text = text.lower()
    if rng.random() < 0.1:
        text += "??"
    return title, text


def _markup(rng: random.Random, text: str, number: int) -> str:
    """The question as a post's HTML: paragraphs, a mention or hashtag link, a break."""
    escaped = html.escape(text, quote=False)
    parts = [f"<p>{escaped}</p>"]
    if rng.random() < 0.5:
        parts.append(
            '<p><a href="https://social.example/tags/moers" class="mention hashtag" '
            'rel="tag">#<span>moers</span></a> '
            '<a href="https://social.example/tags/brand" class="mention hashtag" '
            'rel="tag">#<span>brand</span></a></p>'
        )
    if rng.random() < 0.3:
        parts.append(
            f'<p><span class="h-card"><a href="https://social.example/@stadtmoers" '
            f'class="u-url mention">@<span>stadtmoers</span></a></span> '
            f"Nachtrag:<br />wir sind zu {rng.randint(2, 6)} Personen &amp; haben "
            f"keine Nachricht bekommen (Beitrag {number}).</p>"
        )
    return "".join(parts)


def posts(feed: int, count: int = ENTRIES, start: datetime | None = None) -> list[Post]:
    """One feed's posts, newest first, as instances list them."""
    rng = random.Random(SEED * 1_000 + feed)
    start = start or datetime(2025, 3, 14, 18, 0, tzinfo=UTC)
    made = []
    for n in range(count):
        user = rng.randint(1, 4_000)
        title, text = _question(rng)
        number = feed * 100_000 + n
        made.append(
            Post(
                author=f"Bürgerin {user}" if user % 2 else f"Bürger {user}",
                handle=f"user{user}",
                title=title,
                html=_markup(rng, text, number),
                link=f"https://social.example/@user{user}/{number}",
                published=start + timedelta(seconds=7 * n + feed),
            )
        )
    made.reverse()
    return made


def rss(feed: int, items: list[Post]) -> bytes:
    entries = "".join(
        "<item>"
        f'<guid isPermaLink="true">{p.link}</guid><link>{p.link}</link>'
        f"<dc:creator>{html.escape(p.author)}</dc:creator>"
        f"<pubDate>{format_datetime(p.published)}</pubDate>"
        f"<description>{html.escape(p.html, quote=False)}</description>"
        "<category>moers</category><category>brand</category>"
        "</item>"
        for p in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:webfeeds="http://webfeeds.org/rss/1.0">'
        f"<channel><title>#moers #brand (Suche {feed})</title>"
        "<description>Öffentliche Beiträge mit #moers</description>"
        f"<link>https://social.example/tags/moers?feed={feed}</link>"
        f"{entries}</channel></rss>\n"
    ).encode()


def atom(feed: int, items: list[Post]) -> bytes:
    updated = items[0].published.isoformat() if items else "2025-03-14T18:00:00+00:00"
    entries = "".join(
        "<entry>"
        f"<id>{p.link}</id><title>{html.escape(p.title)}</title>"
        f'<link rel="alternate" type="text/html" href="{p.link}"/>'
        f"<author><name>{html.escape(p.author)}</name>"
        f"<uri>https://social.example/@{p.handle}</uri></author>"
        f"<published>{p.published.isoformat()}</published>"
        f"<updated>{p.published.isoformat()}</updated>"
        f'<content type="html">{html.escape(p.html, quote=False)}</content>'
        "</entry>"
        for p in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">'
        f"<id>urn:kriseninfo-bench:feed:{feed}</id>"
        f"<title>Hinweise Bürgerportal {feed}</title><updated>{updated}</updated>"
        f"{entries}</feed>\n"
    ).encode()


def feed_name(feed: int) -> str:
    return f"feed{feed:02d}.atom" if feed % ATOM_EVERY == 2 else f"feed{feed:02d}.rss"


def make_feeds(directory: Path, feeds: int = FEEDS, entries: int = ENTRIES) -> dict[str, bytes]:
    """Write the feeds into `directory`; returns name → bytes (what the server sends)."""
    directory.mkdir(parents=True, exist_ok=True)
    made = {}
    for feed in range(feeds):
        name = feed_name(feed)
        items = posts(feed, entries)
        data = atom(feed, items) if name.endswith(".atom") else rss(feed, items)
        (directory / name).write_bytes(data)
        made[name] = data
    return made


def questions(count: int) -> Iterator[tuple[str, str, str]]:
    """`count` (author, title, plain text) for seeding, the same mix as the feeds."""
    rng = random.Random(SEED)
    for _ in range(count):
        user = rng.randint(1, 4_000)
        title, text = _question(rng)
        yield (f"Bürgerin {user}" if user % 2 else f"Bürger {user}", title, text)


# -- the server process ------------------------------------------------------------------
class _Quiet(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that closes its connection is no error here."""


def _handler(directory: Path) -> type[BaseHTTPRequestHandler]:
    files: dict[str, tuple[bytes, str, str]] = {}
    for path in sorted(directory.iterdir()):
        data = path.read_bytes()
        kind = "application/atom+xml" if path.suffix == ".atom" else "application/rss+xml"
        files[f"/feeds/{path.name}"] = (data, kind, f'"{hashlib.sha1(data).hexdigest()[:16]}"')
    counts = {"200": 0, "304": 0}
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            return

        def do_GET(self) -> None:
            found = files.get(self.path.split("?")[0])
            if found is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            data, kind, tag = found
            if self.headers.get("If-None-Match") == tag:
                with lock:
                    counts["304"] += 1
                self.send_response(304)
                self.send_header("ETag", tag)
                self.end_headers()
                return
            with lock:
                counts["200"] += 1
            self.send_response(200)
            self.send_header("Content-Type", f"{kind}; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("ETag", tag)
            self.end_headers()
            self.wfile.write(data)

    return Handler


def serve(directory: Path) -> None:
    server = _Quiet(("127.0.0.1", 0), _handler(directory))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(json.dumps({"port": server.server_address[1]}), flush=True)
    sys.stdin.read()  # until the parent closes our stdin (or dies)


class FeedServer:
    """The feeds, written to `directory` and served by a process of their own."""

    def __init__(self, directory: Path, feeds: int = FEEDS, entries: int = ENTRIES):
        self.data = make_feeds(directory, feeds, entries)
        self._process = subprocess.Popen(
            [sys.executable, "-m", "bench.dialog_feeds", str(directory)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).resolve().parents[1],
        )
        assert self._process.stdout is not None
        line = self._process.stdout.readline()
        if not line:
            self._process.kill()
            raise RuntimeError("the benchmark's feed server process did not start")
        base = f"http://127.0.0.1:{json.loads(line)['port']}/feeds/"
        self.urls = {name: base + name for name in self.data}

    @property
    def entries(self) -> int:
        return sum(data.count(b"<item>") + data.count(b"<entry>") for data in self.data.values())

    def close(self) -> None:
        if self._process.stdin is not None:
            self._process.stdin.close()
        try:
            self._process.wait(5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()

    def __enter__(self) -> FeedServer:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


if __name__ == "__main__":
    serve(Path(sys.argv[1]))
