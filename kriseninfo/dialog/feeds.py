"""RSS and Atom through feedparser: any bytes in, normalised items and warnings out.

Broken feeds are normal (feedparser marks them "bozo"); what can be read is kept and the
problem becomes a warning for the source's health, never an exception.
"""

from __future__ import annotations

import calendar
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import feedparser  # type: ignore[import-untyped]

from kriseninfo.dialog.plain import safe_link, to_plain
from kriseninfo.dialog.records import Item

#: More entries than this in one feed are ignored (with a warning).
MAX_ENTRIES = 5_000
_TITLE_LIMIT = 300


@dataclass(frozen=True)
class Parsed:
    items: list[Item]
    warnings: list[str] = field(default_factory=list)
    title: str = ""


def parse_feed(data: bytes, source: str, headers: Mapping[str, str] | None = None) -> Parsed:
    """Parse `data` as a feed; `headers` are the HTTP answer's (for its charset)."""
    try:
        parsed = feedparser.parse(
            data,
            response_headers=dict(headers or {}),
            sanitize_html=False,  # we reduce everything to plain text ourselves
            resolve_relative_uris=False,
        )
    except Exception as error:  # feedparser is meant not to raise; never trust that
        return Parsed([], [f"unreadable feed ({type(error).__name__})"])
    warnings: list[str] = []
    if parsed.get("bozo"):
        problem = parsed.get("bozo_exception")
        warnings.append(f"feed is not well-formed ({type(problem).__name__}: {problem})"[:300])
    entries = list(parsed.get("entries") or [])
    if len(entries) > MAX_ENTRIES:
        warnings.append(f"{len(entries)} entries; only the first {MAX_ENTRIES} are read")
        entries = entries[:MAX_ENTRIES]
    feed: Mapping[str, Any] = parsed.get("feed") or {}
    feed_title = to_plain(_text(feed.get("title")), _TITLE_LIMIT)
    items = []
    for entry in entries:
        try:
            items.append(_item(entry, source, feed_title))
        except Exception as error:  # one odd entry never costs the others
            warnings.append(f"entry skipped ({type(error).__name__})")
    return Parsed(items, warnings, feed_title)


def _item(entry: Mapping[str, Any], source: str, feed_title: str) -> Item:
    title = to_plain(_text(entry.get("title")), _TITLE_LIMIT)
    body = ""
    for content in entry.get("content") or []:
        body = _text(content.get("value") if isinstance(content, Mapping) else content)
        if body:
            break
    text = to_plain(body or _text(entry.get("summary")) or _text(entry.get("description")))
    if not text:
        text = title
    link = safe_link(entry.get("link"))
    author = to_plain(_author(entry) or feed_title, _TITLE_LIMIT)
    published = _time(_raw(entry, "published_parsed")) or _time(_raw(entry, "updated_parsed"))
    external = _text(entry.get("id")) or link or _digest(title, text, published)
    return Item(
        source=source,
        external_id=external[:500],
        author=author,
        text=text,
        published=published,
        link=link,
        title=title,
        in_reply_to=_reply_to(entry),
    )


def _raw(entry: Mapping[str, Any], key: str) -> object:
    """A field as stored: feedparser's own mapping between published and updated warns
    (deprecated) when read through its `get`."""
    return dict.get(entry, key) if isinstance(entry, dict) else entry.get(key)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _author(entry: Mapping[str, Any]) -> str:
    detail = entry.get("author_detail")
    if isinstance(detail, Mapping) and isinstance(detail.get("name"), str):
        return str(detail["name"])
    return _text(entry.get("author"))


def _time(value: object) -> datetime | None:
    """feedparser's UTC struct_time as an aware datetime; implausible years are None."""
    try:
        stamp = calendar.timegm(value)  # type: ignore[arg-type]
        moment = datetime.fromtimestamp(stamp, UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None
    return moment if 1990 <= moment.year <= 2100 else None


def _reply_to(entry: Mapping[str, Any]) -> str:
    """RFC 4685 `thr:in-reply-to` where feedparser kept it."""
    for key in ("thr_in-reply-to", "in-reply-to", "thr_in_reply_to"):
        value = entry.get(key)
        if isinstance(value, Mapping):
            ref = value.get("ref") or value.get("href")
            if isinstance(ref, str):
                return ref[:500]
        if isinstance(value, str):
            return value[:500]
    return ""


def _digest(title: str, text: str, published: datetime | None) -> str:
    seed = f"{title}\n{text}\n{published.isoformat() if published else ''}"
    return "sha256:" + hashlib.sha256(seed.encode("utf-8", "replace")).hexdigest()
