"""Splitting a draft that is too long into a numbered thread: "… (1/3)", "… (2/3)", …

Parts end at sentence boundaries where possible, else between words, and only a single
word longer than a part is cut, never inside a link. The numbering counts toward each
part's length, measured by `count` exactly as the platform measures it."""

from __future__ import annotations

from collections.abc import Callable

import regex

from kriseninfo.counting.measure import count
from kriseninfo.counting.platforms import Platform
from kriseninfo.counting.sentences import sentences, words
from kriseninfo.counting.urls import x_links
from kriseninfo.errors import ErrorCode, KriseninfoError

MAX_DIGITS = 4  # 9,999 parts: far beyond any thread anyone would post
GRAPHEME = regex.compile(r"\X")

Fits = Callable[[str, int], bool]


def numbering(index: int, total: int) -> str:
    return f" ({index}/{total})"


def split_thread(platform: Platform | str, text: str, *, limit: int | None = None) -> list[str]:
    """`[text]` if it fits; otherwise parts numbered " (i/n)" that each fit `limit` (or the
    platform's default). A text of only whitespace gives no parts; a link longer than a
    part raises KriseninfoError (INVALID_INPUT)."""
    if count(platform, text, limit=limit).fits:
        return [text]
    pieces = sentences(text)
    for digits in range(1, MAX_DIGITS + 1):
        placeholder = "9" * digits

        def fits(body: str, index: int, placeholder: str = placeholder) -> bool:
            suffix = f" ({index}/{placeholder})"
            return count(platform, body + suffix, limit=limit).fits

        bodies = _pack(pieces, fits)
        if len(str(len(bodies))) > digits:
            continue  # more parts than the numbering was measured for
        parts = [body + numbering(i, len(bodies)) for i, body in enumerate(bodies, 1)]
        if all(count(platform, part, limit=limit).fits for part in parts):
            return parts
    raise KriseninfoError(
        ErrorCode.INVALID_INPUT, "the text cannot be split into parts that fit", {"field": "text"}
    )


def _pack(pieces: list[str], fits: Fits) -> list[str]:
    packer = _Packer(fits)
    for sentence in pieces:
        packer.add_sentence(sentence)
    packer.flush()
    return packer.parts


class _Packer:
    """Greedy: each part takes as many sentences, then words, as fit."""

    def __init__(self, fits: Fits) -> None:
        self.fits = fits
        self.parts: list[str] = []
        self.current = ""

    def add_sentence(self, sentence: str) -> None:
        if self._add(sentence):
            return
        for word in words(sentence):
            if not self._add(word):
                self._cut(word)

    def flush(self) -> None:
        if self.current.strip():
            self.parts.append(self.current.strip())
        self.current = ""

    def _add(self, unit: str) -> bool:
        """Append `unit` to the current part, or start a new part with it, if it fits."""
        if self._fits(self.current + unit):
            self.current += unit
            return True
        if not self.current.strip():
            return False
        self.flush()
        if self._fits(unit):
            self.current = unit
            return True
        return False

    def _fits(self, body: str) -> bool:
        return self.fits(body.strip(), len(self.parts) + 1)

    def _cut(self, word: str) -> None:
        """A word too long for any part: the longest prefix that fits, cut between
        graphemes but never inside a link, again and again; the rest stays current."""
        rest = word.strip()
        trailing = word[len(word.rstrip()) :]
        while not self._fits(rest):
            cut = _longest_fitting_prefix(rest, lambda prefix: self._fits(prefix))
            self.parts.append(rest[:cut])
            rest = rest[cut:]
        self.current = rest + trailing


def _longest_fitting_prefix(word: str, fits: Callable[[str], bool]) -> int:
    stops = _stops(word)
    if not stops or not fits(word[: stops[0]]):
        raise KriseninfoError(
            ErrorCode.INVALID_INPUT,
            f"'{word[:40]}' cannot be split into parts that fit",
            {"field": "text"},
        )
    low, high = 0, len(stops) - 1  # stops[low] fits; find the last stop that does
    while low < high:
        middle = (low + high + 1) // 2
        if fits(word[: stops[middle]]):
            low = middle
        else:
            high = middle - 1
    return stops[low]


def _stops(word: str) -> list[int]:
    """Where `word` may be cut: grapheme boundaries outside links."""
    links = x_links(word)
    stops = [match.end() for match in GRAPHEME.finditer(word)][:-1]
    return [stop for stop in stops if not any(start < stop < end for start, end in links)]
