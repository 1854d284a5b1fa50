"""The municipality's own website: an "Aktuelle Lage" page and an Atom feed, written as
static files into a folder a web server publishes (often a mounted share).

The entries live in a JSON file in that folder; every publish or delete writes the page
and the feed anew from it, each file atomically, so the server never shows half a file.
"""

from __future__ import annotations

import errno
import json
import os
import re
import tempfile
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import ClassVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from filelock import FileLock, Timeout
from jinja2 import Environment
from markupsafe import Markup

from kriseninfo.clock import Clock, utc_now
from kriseninfo.counting.platforms import Platform
from kriseninfo.publishing.channel import (
    AccountCheck,
    AccountConfig,
    Field,
    Post,
    Published,
    RecentPost,
)
from kriseninfo.publishing.channels.email import html_paragraphs
from kriseninfo.publishing.errors import SendError, permanent, transient
from kriseninfo.publishing.traits import TRAITS

STATE_FILE = ".kriseninfo-entries.json"
LOCK_FILE = ".kriseninfo-entries.lock"
FEED_FILE = "lage.atom"
PAGE_FILE = "index.html"
DEFAULT_MAX_ENTRIES = 50
LOCK_TIMEOUT = 30.0
#: Entry ids are uuid5(NAMESPACE, delivery key): stable for every retry of a delivery.
NAMESPACE = uuid.UUID("6d1e3f0a-2b8c-5e47-9a31-4c2f7b8d9e10")
#: Only raster images go on the page: an SVG or HTML file could run script on the site.
IMAGE_TYPES = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "image/avif": ".avif",
}

ATOM = "http://www.w3.org/2005/Atom"
THREAD = "http://purl.org/syndication/thread/1.0"  # RFC 4685 in-reply-to
XML_LANG = "xml:lang"
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML 1.0


@dataclass(frozen=True)
class Site:
    folder: Path
    base_url: str  # without a trailing slash
    title: str
    author: str
    max_entries: int = DEFAULT_MAX_ENTRIES

    @property
    def page_url(self) -> str:
        return f"{self.base_url}/{PAGE_FILE}"

    @property
    def feed_url(self) -> str:
        return f"{self.base_url}/{FEED_FILE}"


@dataclass(frozen=True)
class Picture:
    file: str  # beside the page
    mime: str
    alt: str


@dataclass(frozen=True)
class Entry:
    id: str  # urn:uuid:…
    title: str
    text: str
    language: str
    published: datetime
    updated: datetime
    parent: str = ""  # the entry this continues (a thread part) or updates (a follow-up)
    part: int = 0
    parts_total: int = 1
    pictures: tuple[Picture, ...] = ()

    @property
    def anchor(self) -> str:
        return anchor_of(self.id)


@dataclass(frozen=True)
class State:
    feed_id: str
    updated: datetime
    entries: tuple[Entry, ...] = ()  # newest first

    def find(self, entry_id: str) -> Entry | None:
        return next((e for e in self.entries if e.id == entry_id), None)


class WebsiteChannel:
    platform: ClassVar[Platform] = Platform.WEBSITE
    idempotent: ClassVar[bool] = TRAITS[Platform.WEBSITE].idempotent
    manual: ClassVar[bool] = TRAITS[Platform.WEBSITE].manual
    can_delete: ClassVar[bool] = TRAITS[Platform.WEBSITE].can_delete
    can_list_recent: ClassVar[bool] = TRAITS[Platform.WEBSITE].can_list_recent
    fields: ClassVar[tuple[Field, ...]] = TRAITS[Platform.WEBSITE].fields

    def __init__(self, account: AccountConfig, *, clock: Clock = utc_now):
        self._account = account
        self._clock = clock

    # -- Channel ---------------------------------------------------------------------------
    def publish(self, post: Post) -> Published:
        site = read_site(self._account)
        with _locked(site):
            now = self._clock()
            state = _load(site, now)
            entry = make_entry(post, now, state)
            new_state = with_entry(state, entry, site.max_entries)
            for picture, image in zip(entry.pictures, post.images, strict=True):
                _write(site, picture.file, image.data)
            _save(site, state, new_state)
        return Published(entry.id, f"{site.page_url}#{entry.anchor}")

    def delete(self, platform_id: str) -> None:
        site = read_site(self._account)
        with _locked(site):
            now = self._clock()
            state = _load(site, now)
            if state.find(platform_id) is None:
                return  # already gone is what we wanted
            _save(site, state, without_entry(state, platform_id, now))

    def verify(self) -> AccountCheck:
        site = read_site(self._account)
        _check_folder(site)
        try:
            fd, probe = tempfile.mkstemp(prefix=".kriseninfo-probe-", dir=site.folder)
            os.close(fd)
            os.unlink(probe)
        except OSError as error:
            raise _folder_error(error, site) from None
        return AccountCheck(site.title, None, f"{site.folder} → {site.page_url}")

    def recent(self, limit: int = 20) -> list[RecentPost]:
        site = read_site(self._account)
        entries = sorted(
            _load(site, self._clock()).entries, key=lambda e: e.published, reverse=True
        )
        return [
            RecentPost(e.id, f"{site.page_url}#{e.anchor}", e.text, e.published)
            for e in entries[:limit]
        ]

    def close(self) -> None:
        return


# -- entries and state (pure) ----------------------------------------------------------------


def read_site(account: AccountConfig) -> Site:
    values = account.settings
    folder_text = values.get("folder", "").strip()
    if not folder_text or not Path(folder_text).is_absolute():
        raise permanent("settings", f"the folder must be an absolute path, not {folder_text!r}")
    base_url = values.get("base_url", "").strip().rstrip("/")
    if not re.fullmatch(r"https?://[^\s<>\"]+", base_url):
        raise permanent("settings", f"base_url must be an http(s) URL, not {base_url!r}")
    max_text = values.get("max_entries", "").strip()
    try:
        max_entries = int(max_text) if max_text else DEFAULT_MAX_ENTRIES
    except ValueError:
        max_entries = 0
    if max_entries < 1:
        raise permanent("settings", f"max_entries must be a positive number, not {max_text!r}")
    title = " ".join(values.get("title", "").split()) or account.name
    return Site(Path(folder_text), base_url, title, account.name or title, max_entries)


def entry_id(key: str) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, key)}"


def anchor_of(ident: str) -> str:
    return "meldung-" + ident.rpartition(":")[2][:13]


def make_entry(post: Post, now: datetime, state: State) -> Entry:
    """The entry for a post; a repeat of the same post keeps its times. A later part of
    a split message without a subject of its own takes its first part's title."""
    ident = entry_id(post.key)
    anchor = anchor_of(ident)
    pictures = []
    for number, image in enumerate(post.images, start=1):
        suffix = IMAGE_TYPES.get(image.mime.lower())
        if suffix is None:
            raise permanent("image_type", f"{image.mime} cannot go on the website; use PNG or JPEG")
        pictures.append(
            Picture(f"{anchor}-{number}{suffix}", image.mime, " ".join(image.alt.split()))
        )
    entry = Entry(
        id=ident,
        title=_title(post, state.find(post.reply_to or "") if post.part else None),
        text=_CONTROL.sub("", post.text.replace("\r\n", "\n")).strip(),
        language=_language(post.language),
        published=now,
        updated=now,
        parent=post.reply_to or "",
        part=post.part,
        parts_total=post.parts_total,
        pictures=tuple(pictures),
    )
    previous = state.find(ident)
    if previous is None:
        return entry
    unchanged = replace(entry, published=previous.published, updated=previous.updated)
    if unchanged == previous:
        return previous
    return replace(entry, published=previous.published)


def _language(language: str) -> str:
    return language if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", language) else "de"


def _title(post: Post, parent: Entry | None) -> str:
    if parent is not None and not post.subject:
        return parent.title
    title = " ".join(_CONTROL.sub("", post.subject or post.incident_title).split())
    if not title:
        first = next((line for line in post.text.splitlines() if line.strip()), "")
        title = " ".join(_CONTROL.sub("", first).split())[:120] or "Meldung"
    return title


def with_entry(state: State, entry: Entry, max_entries: int) -> State:
    """The entry added (or replacing the one with its id), newest first, at most N kept."""
    others = [e for e in state.entries if e.id != entry.id]
    if entry == state.find(entry.id):
        return state
    entries = sorted([entry, *others], key=lambda e: e.published, reverse=True)
    return State(state.feed_id, entry.updated, tuple(entries[:max_entries]))


def without_entry(state: State, ident: str, now: datetime) -> State:
    return State(state.feed_id, now, tuple(e for e in state.entries if e.id != ident))


def page_order(entries: tuple[Entry, ...]) -> list[Entry]:
    """Newest first; the parts of a split message follow their first part in order."""
    by_id = {e.id: e for e in entries}

    def root(entry: Entry) -> Entry:
        seen = {entry.id}
        while entry.part > 0 and entry.parent in by_id and entry.parent not in seen:
            entry = by_id[entry.parent]
            seen.add(entry.id)
        return entry

    def key(entry: Entry) -> tuple[float, str, int, float]:
        first = root(entry)
        return (-first.published.timestamp(), first.id, entry.part, entry.published.timestamp())

    return sorted(entries, key=key)


def state_json(state: State) -> bytes:
    data = {
        "version": 1,
        "feed_id": state.feed_id,
        "updated": state.updated.isoformat(),
        "entries": [
            {
                "id": e.id,
                "title": e.title,
                "text": e.text,
                "language": e.language,
                "published": e.published.isoformat(),
                "updated": e.updated.isoformat(),
                "parent": e.parent,
                "part": e.part,
                "parts_total": e.parts_total,
                "pictures": [{"file": p.file, "mime": p.mime, "alt": p.alt} for p in e.pictures],
            }
            for e in state.entries
        ],
    }
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def state_from_json(raw: bytes) -> State:
    data = json.loads(raw.decode("utf-8"))
    entries = tuple(
        Entry(
            id=str(e["id"]),
            title=str(e["title"]),
            text=str(e["text"]),
            language=str(e["language"]),
            published=datetime.fromisoformat(e["published"]),
            updated=datetime.fromisoformat(e["updated"]),
            parent=str(e.get("parent", "")),
            part=int(e.get("part", 0)),
            parts_total=int(e.get("parts_total", 1)),
            pictures=tuple(
                Picture(str(p["file"]), str(p["mime"]), str(p["alt"]))
                for p in e.get("pictures", ())
            ),
        )
        for e in data["entries"]
    )
    return State(str(data["feed_id"]), datetime.fromisoformat(data["updated"]), entries)


# -- the feed and the page (pure) -----------------------------------------------------------


def _rfc3339(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def render_feed(state: State, site: Site) -> bytes:
    """Atom 1.0 (RFC 4287); thread parts and follow-ups name their parent (RFC 4685)."""
    # Plain names with the namespaces declared on the root: ElementTree would otherwise
    # invent prefixes (ns0:feed), valid but unreadable for people checking the feed.
    feed = ET.Element("feed", {"xmlns": ATOM, "xmlns:thr": THREAD, XML_LANG: "de"})
    _text(feed, "id", state.feed_id)
    _text(feed, "title", site.title, type="text")
    _text(feed, "updated", _rfc3339(state.updated))
    author = ET.SubElement(feed, "author")
    _text(author, "name", site.author)
    _text(author, "uri", f"{site.base_url}/")
    ET.SubElement(feed, "link", rel="self", type="application/atom+xml", href=site.feed_url)
    ET.SubElement(feed, "link", rel="alternate", type="text/html", href=site.page_url)
    _text(feed, "generator", "Kriseninfo")
    by_id = {e.id: e for e in state.entries}
    for entry in page_order(state.entries):
        item = ET.SubElement(feed, "entry")
        _text(item, "id", entry.id)
        _text(item, "title", entry.title, type="text")
        _text(item, "published", _rfc3339(entry.published))
        _text(item, "updated", _rfc3339(entry.updated))
        link = f"{site.page_url}#{entry.anchor}"
        ET.SubElement(item, "link", rel="alternate", type="text/html", href=link)
        for picture in entry.pictures:
            ET.SubElement(
                item,
                "link",
                rel="enclosure",
                type=picture.mime,
                href=f"{site.base_url}/{picture.file}",
                title=picture.alt,
            )
        if entry.parent:
            reply = ET.SubElement(item, "thr:in-reply-to", ref=entry.parent)
            if entry.parent in by_id:
                reply.set("href", f"{site.page_url}#{by_id[entry.parent].anchor}")
        content = _text(item, "content", entry.text, type="text")
        content.set(XML_LANG, entry.language)
    ET.indent(feed)
    xml: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return xml + b"\n"


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = _CONTROL.sub("", text)
    return element


_PAGE = """<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ site.title }}</title>
<link rel="alternate" type="application/atom+xml" title="{{ site.title }}" href="{{ feed }}">
<style>
body { margin: 0 auto; max-width: 46rem; padding: 1rem 1.25rem 3rem;
  font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif;
  font-size: 1.125rem; line-height: 1.6; color: #1a1a1a; background: #ffffff; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: 1rem 0 0.5rem; }
h2 { font-size: 1.35rem; line-height: 1.3; margin: 0 0 0.25rem; }
article { border-top: 2px solid #1a1a1a; padding: 1.25rem 0 0.5rem; }
.meta { color: #404040; font-size: 1rem; margin: 0 0 0.75rem; }
.context { font-weight: bold; margin: 0 0 0.75rem; }
a { color: #0b4ea2; text-underline-offset: 0.15em; }
a:focus { outline: 3px solid #b35c00; outline-offset: 2px; }
img { display: block; max-width: 100%; height: auto; margin: 0.75rem 0; }
@media (prefers-color-scheme: dark) {
  body { color: #f2f2f2; background: #121212; }
  article { border-color: #f2f2f2; }
  .meta { color: #cccccc; }
  a { color: #9cc3ff; }
}
</style>
</head>
<body>
<header>
<h1>{{ site.title }}</h1>
<p class="meta">Stand: <time datetime="{{ iso(updated) }}">{{ local(updated) }}</time></p>
<p><a href="{{ feed }}" rel="alternate" type="application/atom+xml">Meldungen als Feed \
abonnieren (Atom)</a></p>
</header>
<main>
{% for e in entries %}
<article id="{{ e.anchor }}" aria-labelledby="{{ e.anchor }}-titel">
<h2 id="{{ e.anchor }}-titel" lang="{{ e.language }}">{{ e.title }}</h2>
<p class="meta"><time datetime="{{ iso(e.published) }}">{{ local(e.published) }}</time>
{%- if e.updated != e.published %}, aktualisiert \
<time datetime="{{ iso(e.updated) }}">{{ local(e.updated) }}</time>{% endif %}</p>
{% if e.parent %}{% set parent = by_id.get(e.parent) %}
<p class="context">
{%- if e.part %}Fortsetzung (Teil {{ e.part + 1 }} von {{ e.parts_total }}){% else %}\
Aktualisierung{% endif %}
{%- if parent %} zu: <a href="#{{ parent.anchor }}">{{ parent.title }}</a>{% endif %}</p>
{% endif %}
<div lang="{{ e.language }}">
{{ paragraphs(e.text) }}
</div>
{% for p in e.pictures %}
<img src="{{ p.file }}" alt="{{ p.alt }}">
{% endfor %}
</article>
{% else %}
<p>Zurzeit liegen keine Meldungen vor.</p>
{% endfor %}
</main>
</body>
</html>
"""

_ENVIRONMENT = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
_TEMPLATE = _ENVIRONMENT.from_string(_PAGE)


def _local_zone() -> ZoneInfo | None:
    try:
        return ZoneInfo("Europe/Berlin")
    except ZoneInfoNotFoundError:
        return None


def _local(moment: datetime) -> str:
    zone = _local_zone()
    local = moment.astimezone(zone) if zone else moment.astimezone(UTC)
    return local.strftime("%d.%m.%Y, %H:%M Uhr") + ("" if zone else " (UTC)")


def render_page(state: State, site: Site) -> bytes:
    return _TEMPLATE.render(
        site=site,
        feed=FEED_FILE,
        updated=state.updated,
        entries=page_order(state.entries),
        by_id={e.id: e for e in state.entries},
        iso=_rfc3339,
        local=_local,
        paragraphs=lambda text: Markup(html_paragraphs(text)),
    ).encode("utf-8")


# -- the folder ----------------------------------------------------------------------------


@contextmanager
def _locked(site: Site) -> Iterator[None]:
    """Holds the folder's lock file: two consoles (or two threads) never interleave."""
    _check_folder(site)
    lock = FileLock(site.folder / LOCK_FILE, timeout=LOCK_TIMEOUT)
    try:
        lock.acquire()
    except Timeout:
        raise transient("busy", f"{site.folder} is locked by another writer") from None
    except OSError as error:
        raise _folder_error(error, site) from None
    try:
        yield
    finally:
        lock.release()


def _check_folder(site: Site) -> None:
    if not site.folder.is_dir():
        raise permanent(
            "folder", f"the folder {site.folder} does not exist (is the share mounted?)"
        )


def _load(site: Site, now: datetime) -> State:
    path = site.folder / STATE_FILE
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        _check_folder(site)
        return State(f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, site.feed_url)}", now)
    except OSError as error:
        raise _folder_error(error, site) from None
    try:
        return state_from_json(raw)
    except (ValueError, KeyError, TypeError) as error:
        raise permanent("state", f"{path} is damaged ({error}); restore it or remove it") from None


def _save(site: Site, before: State, after: State) -> None:
    """State first, then feed and page; then the images no entry shows any more."""
    _write(site, STATE_FILE, state_json(after))
    _write(site, FEED_FILE, render_feed(after, site))
    _write(site, PAGE_FILE, render_page(after, site))
    kept = {p.file for e in after.entries for p in e.pictures}
    for gone in {p.file for e in before.entries for p in e.pictures} - kept:
        try:
            (site.folder / gone).unlink(missing_ok=True)
        except OSError as error:
            raise _folder_error(error, site) from None


def _write(site: Site, name: str, data: bytes) -> None:
    """Atomic: a temp file beside the target, fsync'd, renamed over it."""
    target = site.folder / name
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{name}-", suffix=".tmp", dir=site.folder)
    except OSError as error:
        raise _folder_error(error, site) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _readable(temp)
        os.replace(temp, target)
    except PermissionError:  # we could create the temp file: the target is held open
        Path(temp).unlink(missing_ok=True)
        raise transient("file_in_use", f"{target} is in use; retrying later") from None
    except OSError as error:
        Path(temp).unlink(missing_ok=True)
        raise _folder_error(error, site) from None
    _sync_directory(site.folder)


def _readable(path: str) -> None:
    """mkstemp makes 0600; the web server must read the file. Some shares refuse chmod
    and decide the mode themselves, which is fine."""
    try:
        os.chmod(path, 0o644)
    except OSError:
        return


def _sync_directory(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open a directory; its rename is durable enough
        return
    try:
        os.fsync(fd)
    except OSError:  # some shares refuse fsync on a folder: the files themselves were synced
        return
    finally:
        os.close(fd)


def _folder_error(error: OSError, site: Site) -> SendError:
    reason = error.strerror or type(error).__name__
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return transient("disk_full", f"no space left in {site.folder}")
    if isinstance(error, FileNotFoundError | NotADirectoryError):
        return permanent(
            "folder", f"the folder {site.folder} does not exist (is the share mounted?)"
        )
    if isinstance(error, PermissionError) or error.errno == errno.EROFS:
        return permanent("folder", f"cannot write to the folder {site.folder}: {reason}")
    return transient("folder_io", f"{site.folder}: {reason}")


CHANNEL = WebsiteChannel
