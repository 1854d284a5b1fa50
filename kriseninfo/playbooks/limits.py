"""How long a text of each channel kind may be, measured the way the strictest platform
of that kind measures it. The platform rules themselves live in `kriseninfo.counting`;
a playbook only has to fit every platform it may be sent to."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kriseninfo.counting import Platform, count, sms
from kriseninfo.counting import units as _units
from kriseninfo.counting.platforms import EMAIL_SUBJECT_LENGTH
from kriseninfo.playbooks.schema import ChannelKind

#: Whether a text carries a link at all (message sets ask this); platforms find links
#: their own way, see `kriseninfo.counting.urls`.
URL = re.compile(r"https?://[^\s<>\"]+", re.IGNORECASE)

GSM7_BASIC = sms.GSM7_BASIC
GSM7_EXTENSION = sms.GSM7_EXTENSION

#: Where a short social text may be posted; it has to fit the strictest of them.
SOCIAL_SHORT_PLATFORMS = (Platform.X, Platform.MASTODON, Platform.BLUESKY, Platform.THREADS)


def graphemes(text: str) -> int:
    """User-perceived characters: a family emoji or an é with accent counts once."""
    return _units.graphemes(text)


def social_length(text: str) -> int:
    """X's weighted length (links 23, emoji and CJK 2), the measure of its 280 limit."""
    return count(Platform.X, text).length


@dataclass(frozen=True)
class SmsLength:
    units: int
    encoding: str  # "GSM-7" or "UCS-2"
    segments: int


def sms_length(text: str) -> SmsLength:
    """GSM-7 septets (extension characters count 2) or UCS-2 code units, and segments."""
    measured = sms.measure(text)
    return SmsLength(measured.units, measured.encoding.value, measured.segments)


@dataclass(frozen=True)
class Limit:
    """The largest allowed measure of one field, with the unit it is counted in."""

    maximum: int
    unit: str

    def describe(self) -> str:
        return f"{self.maximum} {self.unit}"


SMS_MAX_SEGMENTS = 2  # a playbook's SMS may cost at most two messages
ALERT_HEADLINE = Limit(160, "characters")
EMAIL_SUBJECT = Limit(EMAIL_SUBJECT_LENGTH, "characters")


def measure(kind: ChannelKind, field: str, text: str) -> tuple[int, Limit] | None:
    """(measured, limit) for a field that has a limit, else None."""
    if kind is ChannelKind.SOCIAL_SHORT and field == "text":
        return strictest_social(text)
    if kind is ChannelKind.SMS and field == "text":
        return sms_length(text).segments, Limit(SMS_MAX_SEGMENTS, "SMS segments")
    if kind is ChannelKind.EMAIL and field == "subject":
        return graphemes(text), EMAIL_SUBJECT
    if kind is ChannelKind.WEB_LONG and field == "subject":
        return graphemes(text), Limit(120, "characters")
    if kind is ChannelKind.ALERT and field == "headline":
        return graphemes(text), ALERT_HEADLINE
    return None


def strictest_social(text: str) -> tuple[int, Limit]:
    """The measure on the social platform where `text` comes closest to (or furthest over)
    its limit, e.g. "310 graphemes (bluesky)" against 300."""
    worst: tuple[float, int, Limit] | None = None
    for platform in SOCIAL_SHORT_PLATFORMS:
        counted = count(platform, text)
        if counted.limit is None:
            continue
        share = counted.length / counted.limit
        if worst is None or share > worst[0]:
            unit = f"{counted.unit.value} ({platform.value})"
            worst = (share, counted.length, Limit(counted.limit, unit))
    assert worst is not None  # every social platform has a limit
    return worst[1], worst[2]


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
