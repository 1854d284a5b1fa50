"""The plain ways to measure text: user-perceived characters, UTF-16 and UTF-8 units."""

from __future__ import annotations

import regex

GRAPHEME = regex.compile(r"\X")


def graphemes(text: str) -> int:
    """User-perceived characters (extended grapheme clusters): 👨‍👩‍👧‍👦 and e + U+0301 are 1."""
    return sum(1 for _ in GRAPHEME.finditer(text))


def utf16_units(text: str) -> int:
    """UTF-16 code units, what JavaScript's `length` counts: an emoji outside the BMP is 2."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def utf8_bytes(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))
