"""SMS encoding and segments (3GPP TS 23.038 and 23.040).

A text made only of the GSM 03.38 alphabet is sent as GSM-7: 160 septets in one SMS, 153
per part when concatenated; characters of the extension table (€ [ ] { } \\ ^ ~ | and form
feed) take two septets. Anything else (á, –, an emoji) makes the whole text UCS-2: 70 UTF-16
code units, 67 per part. A part never splits an extension character or a surrogate pair."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final


class Encoding(enum.StrEnum):
    GSM7 = "GSM-7"
    UCS2 = "UCS-2"


# ESC (0x1B) is left out: it introduces the extension table and is no character of its own.
GSM7_BASIC: Final = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION: Final = frozenset("\f^{}\\[~]|€")

#: Capacity of one SMS and of each part of a concatenated SMS.
SINGLE: Final = MappingProxyType({Encoding.GSM7: 160, Encoding.UCS2: 70})
PART: Final = MappingProxyType({Encoding.GSM7: 153, Encoding.UCS2: 67})


@dataclass(frozen=True)
class SmsMeasure:
    units: int  # septets for GSM-7, UTF-16 code units for UCS-2
    encoding: Encoding
    segments: int


def encoding_of(text: str) -> Encoding:
    gsm = all(char in GSM7_BASIC or char in GSM7_EXTENSION for char in text)
    return Encoding.GSM7 if gsm else Encoding.UCS2


def measure(text: str) -> SmsMeasure:
    encoding = encoding_of(text)
    if encoding is Encoding.GSM7:
        sizes = [2 if char in GSM7_EXTENSION else 1 for char in text]
    else:
        sizes = [2 if ord(char) > 0xFFFF else 1 for char in text]
    units = sum(sizes)
    return SmsMeasure(units, encoding, segments(sizes, encoding))


def segments(sizes: list[int], encoding: Encoding) -> int:
    """How many SMS `sizes` (units per character) take; an empty text is still one SMS."""
    if sum(sizes) <= SINGLE[encoding]:
        return 1
    count, used = 1, 0
    for size in sizes:
        if used + size > PART[encoding]:
            count, used = count + 1, 0
        used += size
    return count


def capacity(encoding: Encoding, max_segments: int) -> int:
    """The most units `max_segments` SMS can hold in `encoding`."""
    return SINGLE[encoding] if max_segments == 1 else PART[encoding] * max_segments
