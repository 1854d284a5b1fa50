"""The drill clock: runs at a speed, pauses between runs, read back and forth."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kriseninfo.drills.clock import Run, check_speed, drill_time, hms, running

T0 = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


# 60× for 10 s (drill 0–600), paused 20 s, then 1× from drill 600 on, still running.
RUNS = (
    Run(at(0), at(10), 0.0, 60.0),
    Run(at(30), None, 600.0, 1.0),
)


def test_drill_time_runs_at_speed_and_stands_still_in_a_pause() -> None:
    assert drill_time(RUNS, at(-5)) == 0.0  # before the start
    assert drill_time(RUNS, at(0)) == 0.0
    assert drill_time(RUNS, at(5)) == 300.0
    assert drill_time(RUNS, at(10)) == 600.0
    assert drill_time(RUNS, at(20)) == 600.0  # paused
    assert drill_time(RUNS, at(30)) == 600.0
    assert drill_time(RUNS, at(90)) == 660.0
    assert running(RUNS)
    assert not running(RUNS[:1])


@given(
    st.lists(
        st.tuples(st.floats(0.5, 100), st.floats(0, 50), st.sampled_from([1.0, 2.0, 60.0])),
        min_size=1,
        max_size=6,
    ),
    st.floats(0, 1000),
)
def test_drill_time_never_goes_backwards(
    spans: list[tuple[float, float, float]], probe: float
) -> None:
    runs = []
    wall, reading = 0.0, 0.0
    for length, pause, speed in spans:
        runs.append(Run(at(wall), at(wall + length), reading, speed))
        reading += length * speed
        wall += length + pause
    earlier = drill_time(runs, at(probe))
    later = drill_time(runs, at(probe + 1))
    assert 0 <= earlier <= later <= reading + 1e-3  # datetimes hold microseconds


def test_speed_is_between_1_and_60() -> None:
    assert check_speed(60) == 60.0
    for wrong in (0.5, 61, -1):
        with pytest.raises(ValueError):
            check_speed(wrong)


def test_drill_times_read_as_hours_minutes_seconds() -> None:
    assert hms(0) == "0:00:00"
    assert hms(3725.9) == "1:02:05"
