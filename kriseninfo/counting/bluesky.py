"""Bluesky's post text (lexicon app.bsky.feed.post): at most 300 graphemes and 3000 UTF-8
bytes. Links count with every character; the official app may shorten them for display,
but what the console sends is counted."""

from __future__ import annotations

from kriseninfo.counting.platforms import BLUESKY_MAX_BYTES
from kriseninfo.counting.units import graphemes, utf8_bytes


def post_length(text: str) -> int:
    return graphemes(text)


def within_byte_limit(text: str) -> bool:
    return utf8_bytes(text) <= BLUESKY_MAX_BYTES
