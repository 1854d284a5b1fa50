"""Mastodon's status length, as its StatusLengthValidator counts it: graphemes, after every
link with a scheme is replaced by 23 characters and a remote mention `@user@domain` by its
local part `@user`. Links without a scheme (`moers.de`) count with all their characters."""

from __future__ import annotations

from typing import Final

import regex

from kriseninfo.counting.units import graphemes
from kriseninfo.counting.urls import LATIN_ACCENTS, Span, mastodon_links

URL_PLACEHOLDER: Final = "x" * 23
WORD = r"\p{L}\p{M}\p{Nd}\p{Pc}"  # Ruby's [[:word:]]
MENTION: Final = regex.compile(
    rf"(?<![=/{WORD}])@(?P<name>(?P<user>(?i:[a-z0-9_]+(?:[.\-]+[a-z0-9_]+)*))"
    rf"(?:@[{WORD}]+(?:[.\-]+[{WORD}]+)*)?)"
)
END_MENTION: Final = regex.compile(rf"@|＠|[{LATIN_ACCENTS}]|://", regex.IGNORECASE)
BLANK: Final = regex.compile(r"[\p{White_Space}]*")


def status_length(text: str) -> int:
    return graphemes(countable_text(text))


def countable_text(text: str) -> str:
    """`text` as the validator measures it."""
    if BLANK.fullmatch(text):
        return ""
    entities: list[tuple[Span, str]] = [(span, URL_PLACEHOLDER) for span in mastodon_links(text)]
    for match in MENTION.finditer(text):
        if END_MENTION.match(text, match.end()):
            continue
        entities.append(((match.start(), match.end()), "@" + match.group("user")))
    parts: list[str] = []
    position = 0
    for (start, end), replacement in sorted(entities):
        if start < position:  # overlaps the entity before it
            continue
        parts.extend((text[position:start], replacement))
        position = end
    parts.append(text[position:])
    return "".join(parts)
