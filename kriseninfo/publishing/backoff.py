"""How long a delivery waits before the next attempt: the platform's word if it gave one
(Retry-After, rate-limit reset), else exponential backoff with full jitter (tenacity)."""

from __future__ import annotations

import random

import tenacity

from kriseninfo.publishing.states import ErrorKind

#: Longest pause between attempts; offline waits are shorter so sending resumes soon.
MAX_DELAY = 300.0
OFFLINE_MAX_DELAY = 30.0
#: A Retry-After beyond this is capped (and the delivery shows the time it waits until).
MAX_RETRY_AFTER = 3600.0

_BACKOFF = tenacity.wait_random_exponential(multiplier=1, max=MAX_DELAY)
_OFFLINE = tenacity.wait_random_exponential(multiplier=1, max=OFFLINE_MAX_DELAY)


def retry_delay(kind: ErrorKind, attempts: int, retry_after: float | None = None) -> float:
    """Seconds until the next attempt after `attempts` failed ones."""
    if retry_after is not None and retry_after >= 0:
        # The platform named the time; a little jitter keeps many consoles apart.
        return min(retry_after, MAX_RETRY_AFTER) + random.uniform(0, 1)
    state = tenacity.RetryCallState(retry_object=None, fn=None, args=(), kwargs={})  # type: ignore[arg-type]
    state.attempt_number = max(1, attempts)
    wait = _OFFLINE if kind is ErrorKind.OFFLINE else _BACKOFF
    return max(0.5, float(wait(state)))
