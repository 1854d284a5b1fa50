"""Emoji as one unit: a flag, a keycap, a skin-tone or ZWJ sequence such as 👨‍👩‍👧‍👦.

Built on the Unicode emoji properties (UTS #51) so new emoji are found without a list.
A character that is an emoji only with U+FE0F (©, ®, digits) counts as text without it,
as twitter-text's emoji parser does."""

from __future__ import annotations

import regex

Span = tuple[int, int]

_PIECE = (
    r"(?:\p{Emoji_Modifier_Base}\p{Emoji_Modifier}"
    r"|[\p{Emoji}\p{Extended_Pictographic}]\uFE0F?)"
)
_FIRST = (
    r"(?:\p{Emoji_Modifier_Base}\p{Emoji_Modifier}"
    r"|(?![#*0-9])\p{Emoji}\uFE0F"
    r"|\p{Emoji_Presentation}\uFE0F?)"
)
EMOJI = regex.compile(
    r"\U0001F3F4[\U000E0020-\U000E007E]+\U000E007F"  # subdivision flags: England, Wales
    r"|\p{Regional_Indicator}{2}"  # country flags
    r"|[#*0-9]\uFE0F?\u20E3"  # keycaps
    rf"|{_FIRST}(?:\u200D{_PIECE})*"
    rf"|\p{{Extended_Pictographic}}\uFE0F?(?:\u200D{_PIECE})+"
)


def emoji_spans(text: str) -> list[Span]:
    return [match.span() for match in EMOJI.finditer(text)]
