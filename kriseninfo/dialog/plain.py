"""Untrusted markup to plain text: what a feed or a post says, never what it would run.

HTML goes through ammonia (nh3) with no tag allowed, which also drops the content of
script and style; entities are then resolved once, invisible characters removed, white
space tidied, and very long texts cut with a visible mark.
"""

from __future__ import annotations

import html

import nh3
import regex

from kriseninfo.counting.hidden import clean

#: Longer texts are cut: nobody triages a 100 kB post on a crisis desk.
MAX_TEXT = 5_000
CUT_MARK = " […]"

_BLOCK_END = regex.compile(r"(?i)<\s*(?:br\s*/?|/p|/div|/li|/h[1-6]|/blockquote)\s*>")
_SPACES = regex.compile(r"[^\S\n]+")
_BLANK_LINES = regex.compile(r"\n\s*\n+")


def to_plain(markup: str, limit: int = MAX_TEXT) -> str:
    """The text a person reads, from HTML or plain text of any quality."""
    if not markup:
        return ""
    if len(markup) > limit * 20:  # far beyond what we keep: do not sanitise megabytes
        markup = markup[: limit * 20]
    with_breaks = _BLOCK_END.sub("\n", markup)
    text = html.unescape(nh3.clean(with_breaks, tags=set()))
    text = clean(text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
    if len(text) > limit:
        text = text[: limit - len(CUT_MARK)].rstrip() + CUT_MARK
    return text


def safe_link(value: object) -> str:
    """An http(s) address to show, or "" (javascript:, data:, mailto: … are dropped)."""
    if not isinstance(value, str):
        return ""
    link = value.strip()
    if link.lower().startswith(("https://", "http://")) and len(link) <= 2000:
        return "".join(ch for ch in link if ch.isprintable() and not ch.isspace())
    return ""
