"""How long a text of each channel kind may be, measured the way the strictest platform
of that kind measures it. The per-platform counters come with message sets; a playbook
only has to fit every platform it may be sent to."""

from __future__ import annotations

import re
from dataclasses import dataclass

import regex

from kriseninfo.playbooks.schema import ChannelKind

URL = re.compile(r"https?://[^\s<>\"]+", re.IGNORECASE)
URL_WEIGHT = 23  # X and Mastodon count every link as 23 characters

# GSM 03.38 basic set and the extension set (extension characters take two septets).
GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("^{}\\[~]|€\f")


def graphemes(text: str) -> int:
    """User-perceived characters: a family emoji or an é with accent counts once."""
    return len(regex.findall(r"\X", text))


def social_length(text: str) -> int:
    """Graphemes, every link counted as 23 (the strictest of X, Mastodon, Bluesky)."""
    length = graphemes(URL.sub("", text))
    return length + URL_WEIGHT * len(URL.findall(text))


@dataclass(frozen=True)
class SmsLength:
    units: int
    encoding: str  # "GSM-7" or "UCS-2"
    segments: int


def sms_length(text: str) -> SmsLength:
    """GSM-7 septets (extension characters count 2) or UCS-2 code units, and segments."""
    if all(ch in GSM7_BASIC or ch in GSM7_EXTENSION for ch in text):
        units = sum(2 if ch in GSM7_EXTENSION else 1 for ch in text)
        single, multi, encoding = 160, 153, "GSM-7"
    else:
        units = len(text.encode("utf-16-le")) // 2
        single, multi, encoding = 70, 67, "UCS-2"
    segments = 1 if units <= single else -(-units // multi)
    return SmsLength(units, encoding, segments)


@dataclass(frozen=True)
class Limit:
    """The largest allowed measure of one field, with the unit it is counted in."""

    maximum: int
    unit: str

    def describe(self) -> str:
        return f"{self.maximum} {self.unit}"


SMS_MAX_SEGMENTS = 2
ALERT_HEADLINE = Limit(160, "characters")
EMAIL_SUBJECT = Limit(78, "characters")


def measure(kind: ChannelKind, field: str, text: str) -> tuple[int, Limit] | None:
    """(measured, limit) for a field that has a limit, else None."""
    if kind is ChannelKind.SOCIAL_SHORT and field == "text":
        return social_length(text), Limit(280, "characters")
    if kind is ChannelKind.SMS and field == "text":
        return sms_length(text).segments, Limit(SMS_MAX_SEGMENTS, "SMS segments")
    if kind is ChannelKind.EMAIL and field == "subject":
        return graphemes(text), EMAIL_SUBJECT
    if kind is ChannelKind.WEB_LONG and field == "subject":
        return graphemes(text), Limit(120, "characters")
    if kind is ChannelKind.ALERT and field == "headline":
        return graphemes(text), ALERT_HEADLINE
    return None


#: Which template fields each channel kind needs, and which it may have.
REQUIRED_FIELDS: dict[ChannelKind, frozenset[str]] = {
    ChannelKind.SOCIAL_SHORT: frozenset({"text"}),
    ChannelKind.WEB_LONG: frozenset({"text"}),
    ChannelKind.EMAIL: frozenset({"subject", "text"}),
    ChannelKind.SMS: frozenset({"text"}),
    ChannelKind.ALERT: frozenset({"headline", "text"}),
}
ALLOWED_FIELDS: dict[ChannelKind, frozenset[str]] = {
    ChannelKind.SOCIAL_SHORT: frozenset({"text"}),
    ChannelKind.WEB_LONG: frozenset({"subject", "text"}),
    ChannelKind.EMAIL: frozenset({"subject", "text"}),
    ChannelKind.SMS: frozenset({"text"}),
    ChannelKind.ALERT: frozenset({"headline", "text", "instruction"}),
}
