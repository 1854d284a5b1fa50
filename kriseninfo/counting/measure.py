"""`count()`: a draft measured exactly as the platform it goes to measures it."""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, TypeVar

from kriseninfo.counting import bluesky, mastodon, sms, twitter
from kriseninfo.counting.platforms import EMAIL_SUBJECT_LENGTH, RULES, Platform, Unit
from kriseninfo.counting.sms import Encoding
from kriseninfo.counting.units import graphemes, utf16_units
from kriseninfo.errors import ErrorCode, KriseninfoError

E = TypeVar("E", bound=enum.StrEnum)


class Field(enum.StrEnum):
    TEXT = "text"
    SUBJECT = "subject"  # e-mail only


@dataclass(frozen=True)
class Count:
    """A measured text. `length` and `limit` are in `unit`; `fits` is what matters.

    `limit` None: the platform sets none. `warning`: a recommendation is exceeded although
    the text can be sent (an e-mail subject longer than 78 characters). For SMS `length`
    counts septets or UTF-16 code units, `limit` is what `max_segments` SMS hold in the
    text's `encoding`, and `fits` compares `segments` with `max_segments`.
    """

    length: int
    limit: int | None
    unit: Unit
    fits: bool
    segments: int | None = None
    encoding: Encoding | None = None
    warning: bool = False
    max_segments: int | None = None


def count(
    platform: Platform | str, text: str, *, limit: int | None = None, field: Field | str = "text"
) -> Count:
    """Measure `text` for `platform`.

    `limit` replaces the platform's default, e.g. a Mastodon instance's max_characters;
    for SMS it is the number of segments allowed. `field` "subject" measures an e-mail
    subject against the recommended line length.
    """
    platform = _parse(Platform, platform, "platform")
    field = _parse(Field, field, "field")
    if limit is not None and limit < 1:
        raise KriseninfoError(
            ErrorCode.INVALID_INPUT, f"a limit must be positive, got {limit}", {"field": "limit"}
        )
    if field is Field.SUBJECT:
        if platform is not Platform.EMAIL:
            raise KriseninfoError(
                ErrorCode.INVALID_INPUT,
                f"only e-mail has a subject, not {platform.value}",
                {"field": "field"},
            )
        return _email_subject(text, limit)
    effective = RULES[platform].limit if limit is None else limit
    return MEASURES[platform](text, effective)


def _parse(kind: type[E], value: E | str, name: str) -> E:
    try:
        return kind(value)
    except ValueError:
        choices = ", ".join(member.value for member in kind)
        raise KriseninfoError(
            ErrorCode.INVALID_INPUT,
            f"unknown {name} {value!r}; one of: {choices}",
            {"field": name},
        ) from None


def _within(length: int, limit: int | None) -> bool:
    return limit is None or length <= limit


def _x(text: str, limit: int | None) -> Count:
    length = twitter.weighted_length(text)
    fits = _within(length, limit) and not twitter.has_invalid_characters(text)
    return Count(length, limit, Unit.WEIGHTED, fits)


def _mastodon(text: str, limit: int | None) -> Count:
    length = mastodon.status_length(text)
    return Count(length, limit, Unit.GRAPHEMES, _within(length, limit))


def _bluesky(text: str, limit: int | None) -> Count:
    length = bluesky.post_length(text)
    fits = _within(length, limit) and bluesky.within_byte_limit(text)
    return Count(length, limit, Unit.GRAPHEMES, fits)


def _sms(text: str, max_segments: int | None) -> Count:
    measured = sms.measure(text)
    unit = Unit.SEPTETS if measured.encoding is Encoding.GSM7 else Unit.UTF16
    if max_segments is None:
        return Count(measured.units, None, unit, True, measured.segments, measured.encoding)
    return Count(
        measured.units,
        sms.capacity(measured.encoding, max_segments),
        unit,
        measured.segments <= max_segments,
        measured.segments,
        measured.encoding,
        max_segments=max_segments,
    )


def _utf16(text: str, limit: int | None) -> Count:
    length = utf16_units(text)
    return Count(length, limit, Unit.UTF16, _within(length, limit))


def _graphemes(text: str, limit: int | None) -> Count:
    length = graphemes(text)
    return Count(length, limit, Unit.GRAPHEMES, _within(length, limit))


def _email_subject(text: str, limit: int | None) -> Count:
    recommended = EMAIL_SUBJECT_LENGTH if limit is None else limit
    length = graphemes(text)
    return Count(length, recommended, Unit.GRAPHEMES, True, warning=length > recommended)


MEASURES: Final[Mapping[Platform, Callable[[str, int | None], Count]]] = MappingProxyType(
    {
        Platform.X: _x,
        Platform.MASTODON: _mastodon,
        Platform.BLUESKY: _bluesky,
        Platform.SMS: _sms,
        Platform.TELEGRAM: _utf16,
        Platform.INSTAGRAM: _utf16,
        Platform.FACEBOOK: _utf16,
        Platform.LINKEDIN: _utf16,
        Platform.THREADS: _utf16,
        Platform.EMAIL: _graphemes,
        Platform.WEBSITE: _graphemes,
        Platform.MATRIX: _graphemes,
        Platform.MANUAL: _graphemes,
    }
)
