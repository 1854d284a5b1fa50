"""X's weighted length, as twitter-text `parseTweet` computes it with config v3.

The text is NFC-normalised; every link weighs 23, every emoji sequence 2; a code point
weighs 1 in the listed ranges (Latin to Georgian, some spaces, dashes and quotes) and 2
elsewhere (CJK, symbols). U+FFFE, U+FEFF and U+FFFF make a post invalid."""

from __future__ import annotations

import unicodedata
from typing import Final

from kriseninfo.counting.emoji import emoji_spans
from kriseninfo.counting.urls import x_links

SCALE: Final = 100
DEFAULT_WEIGHT: Final = 200
TRANSFORMED_URL_LENGTH: Final = 23
RANGES: Final = (
    (0x0000, 0x10FF, 100),  # Basic Latin to Georgian
    (0x2000, 0x200D, 100),  # spaces, ZWJ
    (0x2010, 0x201F, 100),  # dashes, quotation marks
    (0x2032, 0x2037, 100),  # primes
)
INVALID_CHARACTERS: Final = frozenset("\ufffe\ufeff\uffff")


def weighted_length(text: str) -> int:
    """The length X's composer shows for `text`."""
    normalized = unicodedata.normalize("NFC", text)
    links = dict(x_links(normalized))
    emoji = dict(emoji_spans(normalized))
    total = 0
    index = 0
    while index < len(normalized):
        if index in links:
            total += TRANSFORMED_URL_LENGTH * SCALE
            index = links[index]
        elif index in emoji:
            total += DEFAULT_WEIGHT
            index = emoji[index]
        else:
            total += character_weight(normalized[index])
            index += 1
    return total // SCALE


def character_weight(char: str) -> int:
    code = ord(char)
    for start, end, weight in RANGES:
        if start <= code <= end:
            return weight
    return DEFAULT_WEIGHT


def has_invalid_characters(text: str) -> bool:
    return any(char in INVALID_CHARACTERS for char in text)
