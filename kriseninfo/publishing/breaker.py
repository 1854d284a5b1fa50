"""A per-account circuit breaker, kept in the database so every worker of the desk sees it.

After `THRESHOLD` failures in a row that may pass (server errors, timeouts, rate limits,
refused credentials), the account pauses; its deliveries wait. When the pause ends, the
next attempt is the probe: success closes the breaker, failure opens it for longer.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from kriseninfo.publishing.errors import SendError
from kriseninfo.publishing.states import ErrorKind
from kriseninfo.storage.models import ChannelHealth

THRESHOLD = 5
FIRST_PAUSE = timedelta(seconds=30)
MAX_PAUSE = timedelta(minutes=10)

#: Failures that say something about the account or the platform, not about one post.
_COUNTED = frozenset({ErrorKind.TRANSIENT, ErrorKind.RATE_LIMITED, ErrorKind.AUTH})


def succeeded(health: ChannelHealth, now: datetime) -> None:
    health.last_success_at = now
    health.failures = 0
    health.open_until = None


def failed(health: ChannelHealth, now: datetime, error: SendError) -> None:
    health.last_error_at = now
    health.last_error_code = error.code
    health.last_error_detail = error.detail[:500]
    if error.kind not in _COUNTED:
        return  # offline is the laptop's state; a refused post is that post's problem
    health.failures += 1
    if error.kind is ErrorKind.AUTH or health.failures >= THRESHOLD:
        over = max(0, health.failures - THRESHOLD)
        pause = min(FIRST_PAUSE * (2**over), MAX_PAUSE)
        health.open_until = now + pause
