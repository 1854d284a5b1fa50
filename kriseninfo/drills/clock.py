"""The drill clock: wall time to drill time and back, through the drill's runs.

A run is a stretch at one speed; the gaps between runs are pauses. Pure functions, so
the service, the scoring and the window all read the clock the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

MIN_SPEED = 1.0
MAX_SPEED = 60.0


@dataclass(frozen=True)
class Run:
    wall_from: datetime
    wall_to: datetime | None  # None: running now
    drill_from: float  # seconds on the drill clock when the run began
    speed: float

    def drill_at(self, wall: datetime) -> float:
        end = wall if self.wall_to is None else min(wall, self.wall_to)
        span = max(0.0, (end - self.wall_from).total_seconds())
        return self.drill_from + span * self.speed

    @property
    def drill_to(self) -> float | None:
        return None if self.wall_to is None else self.drill_at(self.wall_to)


def drill_time(runs: Sequence[Run], wall: datetime) -> float:
    """Seconds on the drill clock at `wall`: a moment in a pause reads as the pause's
    start, a moment before the drill as 0."""
    result = 0.0
    for run in runs:
        if wall < run.wall_from:
            break
        result = run.drill_at(wall)
    return result


def running(runs: Sequence[Run]) -> bool:
    return bool(runs) and runs[-1].wall_to is None


def hms(seconds: float) -> str:
    """A drill time as it is spoken: "0:42:05"."""
    whole = int(seconds)
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def check_speed(speed: float) -> float:
    if not MIN_SPEED <= speed <= MAX_SPEED:
        raise ValueError(f"speed {speed} is outside {MIN_SPEED:g}–{MAX_SPEED:g}")
    return float(speed)
