"""Every platform a message can go to, with the unit it measures text in and its default
limit, each noted with the document the rule comes from."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final


class Platform(enum.StrEnum):
    """Where a draft is published; each one measures text its own way."""

    X = "x"
    MASTODON = "mastodon"
    BLUESKY = "bluesky"
    SMS = "sms"
    TELEGRAM = "telegram"
    INSTAGRAM = "instagram"
    FACEBOOK = "facebook"
    LINKEDIN = "linkedin"
    THREADS = "threads"
    EMAIL = "email"
    WEBSITE = "website"
    MATRIX = "matrix"
    MANUAL = "manual"


class Unit(enum.StrEnum):
    """What a length is counted in."""

    WEIGHTED = "weighted characters"
    GRAPHEMES = "graphemes"
    UTF16 = "UTF-16 code units"
    SEPTETS = "GSM-7 septets"
    SEGMENTS = "SMS segments"


@dataclass(frozen=True)
class Rule:
    """A platform's default limit (None: no limit) in `unit`, and where it is documented."""

    limit: int | None
    unit: Unit
    source: str


RULES: Final = MappingProxyType(
    {
        Platform.X: Rule(
            280,
            Unit.WEIGHTED,
            "twitter-text config/v3.json: weight 1 for U+0000-10FF, U+2000-200D, "
            "U+2010-201F, U+2032-2037, else 2; an emoji sequence 2; every link 23",
        ),
        Platform.MASTODON: Rule(
            500,
            Unit.GRAPHEMES,
            "Mastodon StatusLengthValidator: graphemes; a link with a scheme 23; "
            "@user@domain counts as @user; instances may raise max_characters",
        ),
        Platform.BLUESKY: Rule(
            300,
            Unit.GRAPHEMES,
            "Lexicon app.bsky.feed.post#text: maxGraphemes 300, maxLength 3000 UTF-8 bytes",
        ),
        Platform.SMS: Rule(
            10,
            Unit.SEGMENTS,
            "3GPP TS 23.038/23.040: GSM-7 160 septets (153 per part when concatenated), "
            "else UCS-2 70 code units (67 per part); 10 parts is the common gateway maximum",
        ),
        Platform.TELEGRAM: Rule(4096, Unit.UTF16, "Bot API sendMessage: 1-4096 characters"),
        Platform.INSTAGRAM: Rule(2200, Unit.UTF16, "Instagram caption: 2,200 characters"),
        Platform.FACEBOOK: Rule(63206, Unit.UTF16, "Facebook post: 63,206 characters"),
        Platform.LINKEDIN: Rule(3000, Unit.UTF16, "LinkedIn post commentary: 3,000 characters"),
        Platform.THREADS: Rule(500, Unit.UTF16, "Threads API: text posts 500 characters"),
        Platform.EMAIL: Rule(None, Unit.GRAPHEMES, "RFC 5322: no limit for the body"),
        Platform.WEBSITE: Rule(None, Unit.GRAPHEMES, "own website: no limit"),
        Platform.MATRIX: Rule(None, Unit.GRAPHEMES, "Matrix m.text: no practical limit"),
        Platform.MANUAL: Rule(None, Unit.GRAPHEMES, "read out or posted by hand: no limit"),
    }
)

#: A recommendation, not a limit: RFC 5322 section 2.1.1 says a line SHOULD be at most 78
#: characters; a longer subject is folded, and cut off in most inbox lists.
EMAIL_SUBJECT_LENGTH: Final = 78

#: Bluesky's second limit on the same text, in UTF-8 bytes.
BLUESKY_MAX_BYTES: Final = 3000
