"""Invisible characters that come along when rich text is pasted: zero-width characters,
bidi controls, control characters, soft hyphens, odd spaces, Unicode tags. `find_hidden`
reports them, `clean` removes the dangerous ones and NFC-normalises.

Kept, and not reported: a ZWJ, variation selector or tag that is part of an emoji
(👨‍👩‍👧, 🏴󠁧󠁢󠁳󠁣󠁴󠁿), and ZWJ/ZWNJ between letters of scripts that need them (Persian,
Indic). Kept but reported: no-break spaces, which German typography uses ("5 km")."""

from __future__ import annotations

import enum
import unicodedata
from dataclasses import dataclass

import regex

from kriseninfo.counting.emoji import emoji_spans

ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u180e\u2061\u2062\u2063\u2064\u3164\uffa0")
JOINERS = frozenset("\u200c\u200d")
BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
NO_BREAK_SPACES = frozenset("\u00a0\u2007\u202f")
LINE_BREAKS = {"\x0b": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"}
VARIATION_SELECTOR = regex.compile(r"[\uFE00-\uFE0F\U000E0100-\U000E01EF]")
LETTER = regex.compile(r"[\p{L}\p{M}]")
LATIN = regex.compile(r"[\p{Latin}\p{Common}]")
#: Every character `_classify` may act on (a superset is fine: it only picks the slow path).
_SUSPECT = regex.compile(
    r"(?![\n\t ])[\p{Cc}\p{Zs}\p{Cs}\p{Cf}\p{Noncharacter_Code_Point}"
    r"\u00ad\u180e\u3164\uffa0\u0085\u2028\u2029\uFE00-\uFE0F\U000E0000-\U000E01EF]"
)


class HiddenKind(enum.StrEnum):
    ZERO_WIDTH = "zero_width"
    BIDI = "bidi"
    CONTROL = "control"
    LINE_BREAK = "line_break"
    SOFT_HYPHEN = "soft_hyphen"
    SPACE = "space"
    TAG = "tag"
    VARIATION_SELECTOR = "variation_selector"
    INVALID = "invalid"


@dataclass(frozen=True)
class HiddenChar:
    """An invisible character at `index`; `replacement` is what `clean` puts in its place
    ("" removes it), None when `clean` keeps it."""

    index: int
    char: str
    name: str
    kind: HiddenKind
    replacement: str | None


def find_hidden(text: str) -> list[HiddenChar]:
    in_emoji = {index for start, end in emoji_spans(text) for index in range(start, end)}
    found = []
    for index, char in enumerate(text):
        if index in in_emoji:
            continue
        classified = _classify(text, index, char)
        if classified is not None:
            kind, replacement = classified
            found.append(HiddenChar(index, char, _name(char), kind, replacement))
    return found


def clean(text: str) -> str:
    """`text` without the dangerous invisible characters, odd spaces made plain spaces,
    every line break a "\\n", NFC-normalised."""
    if not _SUSPECT.search(text):  # nearly every text: one regex scan, not a call per char
        return unicodedata.normalize("NFC", text)
    while True:  # a removal can strand its neighbour, e.g. a selector after a control
        replacements = {
            hidden.index: hidden.replacement
            for hidden in find_hidden(text)
            if hidden.replacement is not None
        }
        cleaned = "".join(replacements.get(index, char) for index, char in enumerate(text))
        cleaned = unicodedata.normalize("NFC", cleaned)
        if cleaned == text:
            return cleaned
        text = cleaned


def _classify(text: str, index: int, char: str) -> tuple[HiddenKind, str | None] | None:
    code = ord(char)
    if char in JOINERS and _joins_letters(text, index):
        return None
    if char in ZERO_WIDTH:
        return HiddenKind.ZERO_WIDTH, ""
    if char in BIDI:
        return HiddenKind.BIDI, ""
    if char == "\r":
        return HiddenKind.LINE_BREAK, "" if text[index + 1 : index + 2] == "\n" else "\n"
    if char in LINE_BREAKS:
        return HiddenKind.LINE_BREAK, LINE_BREAKS[char]
    if unicodedata.category(char) == "Cc" and char not in "\n\t":
        return HiddenKind.CONTROL, ""
    if char == "\u00ad":
        return HiddenKind.SOFT_HYPHEN, ""
    if char in NO_BREAK_SPACES:
        return HiddenKind.SPACE, None
    if unicodedata.category(char) == "Zs" and char != " ":
        return HiddenKind.SPACE, " "
    if 0xE0000 <= code <= 0xE007F:
        return HiddenKind.TAG, ""
    if VARIATION_SELECTOR.fullmatch(char) and not _selects(text, index):
        return HiddenKind.VARIATION_SELECTOR, ""
    if 0xD800 <= code <= 0xDFFF or 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE:
        return HiddenKind.INVALID, ""
    return None


def _joins_letters(text: str, index: int) -> bool:
    """ZWJ/ZWNJ shape the letters around them in Arabic, Persian and Indic scripts."""
    before, after = text[index - 1 : index], text[index + 1 : index + 2]
    return (
        index > 0
        and bool(LETTER.fullmatch(before))
        and bool(LETTER.fullmatch(after))
        and not LATIN.fullmatch(before)
    )


def _selects(text: str, index: int) -> bool:
    """A variation selector belongs to the visible character right before it; a second
    one in a row, or one after a space, selects nothing (and can smuggle data)."""
    before = text[index - 1 : index]
    return index > 0 and not before.isspace() and not VARIATION_SELECTOR.fullmatch(before)


def _name(char: str) -> str:
    return unicodedata.name(char, f"U+{ord(char):04X}")
