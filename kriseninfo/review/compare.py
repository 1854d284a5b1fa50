"""Each figure of a review against the same figure of the previous drill: besser, schlechter …

Values are compared as they are printed (whole seconds, pieces, percent), so two values that
read the same are never called better or worse.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from kriseninfo.review.model import Better, Figure, Review, Unit


class Verdict(enum.StrEnum):
    """The value is the German word as printed."""

    BESSER = "besser"
    SCHLECHTER = "schlechter"
    GLEICH = "gleich"
    NEU = "neu"  # no value before: not measured then (or no previous review at all)
    ENTFALLEN = "entfallen"  # a value before, none now, and "none" is not simply worst


@dataclass(frozen=True)
class Comparison:
    figure: Figure  # as it is now
    before: float | None  # None: the previous review lacks it or had no value
    verdict: Verdict

    @property
    def now(self) -> float | None:
        return self.figure.value


def compare(current: Review, previous: Review | None) -> list[Comparison]:
    """One comparison per figure of `current`, in its order."""
    result = []
    for figure in current.figures:
        before = previous.figure(figure.key) if previous is not None else None
        if before is None:
            result.append(Comparison(figure, None, Verdict.NEU))
        else:
            result.append(Comparison(figure, before.value, verdict(figure, before.value)))
    return result


def verdict(figure: Figure, before: float | None) -> Verdict:
    """How `figure` compares with the value `before` of the same figure.

    For a time that should be short, None means it was never reached (no warning published
    at all): that is worse than any time. Otherwise None means the figure did not apply.
    """
    now = figure.value
    none_is_worst = figure.better is Better.LOWER and figure.unit is Unit.SECONDS
    if now is None and before is None:
        return Verdict.GLEICH
    if now is None:
        return Verdict.SCHLECHTER if none_is_worst else Verdict.ENTFALLEN
    if before is None:
        return Verdict.BESSER if none_is_worst else Verdict.NEU
    now_printed, before_printed = rounded(now, figure.unit), rounded(before, figure.unit)
    if now_printed == before_printed:
        return Verdict.GLEICH
    improved = now_printed < before_printed
    if figure.better is Better.HIGHER:
        improved = not improved
    return Verdict.BESSER if improved else Verdict.SCHLECHTER


def rounded(value: float, unit: Unit) -> int:
    """The whole number a value is printed as: seconds, pieces or percent."""
    scaled = value * 100 if unit is Unit.SHARE else value
    whole = int(abs(scaled) + 0.5)  # half up, not to even: 0:42.5 reads as 0:43
    return -whole if scaled < 0 else whole
