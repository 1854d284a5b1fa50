"""What HTTP-based channels share: classifying transport failures and Retry-After."""

from __future__ import annotations

import email.utils
import time
from collections.abc import Mapping

import requests

from kriseninfo.publishing.errors import (
    SendError,
    offline,
    permanent,
    rate_limited,
    transient,
    unclear,
)
from kriseninfo.publishing.errors import auth as auth_error
from kriseninfo.publishing.states import ErrorKind

#: (connect, read) seconds. A post is small; a slow platform is a transient failure.
TIMEOUT = (10.0, 30.0)


def retry_after(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """Seconds to wait from a `Retry-After` header (seconds or an HTTP date), else from
    `X-RateLimit-Reset` / `x-ratelimit-reset` (epoch seconds or an ISO time)."""
    now = time.time() if now is None else now
    value = _get(headers, "Retry-After")
    if value:
        value = value.strip()
        if value.isdigit():
            return float(value)
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            parsed = None
        if parsed is not None:
            return max(0.0, parsed.timestamp() - now)
    reset = _get(headers, "X-RateLimit-Reset") or _get(headers, "RateLimit-Reset")
    if reset:
        reset = reset.strip()
        try:
            number = float(reset)
        except ValueError:
            number = None
        if number is not None:
            # Epoch seconds (X, Bluesky) or, when small, seconds from now (RateLimit-Reset).
            return max(0.0, number - now) if number > 10**9 else number
        from datetime import datetime

        try:
            return max(0.0, datetime.fromisoformat(reset.replace("Z", "+00:00")).timestamp() - now)
        except ValueError:
            return None
    return None


def _get(headers: Mapping[str, str], name: str) -> str | None:
    for key, value in headers.items():
        if key.lower() == name.lower():
            return value
    return None


def transport_error(error: BaseException, sent: bool) -> SendError:
    """A request that got no HTTP answer. Before sending (refused, DNS) the network is
    down; after (read timeout, reset) the platform may have acted on it."""
    name = type(error).__name__
    # ConnectTimeout is a ConnectionError; a reset mid-answer is one too, "sent" tells.
    connect = isinstance(error, requests.exceptions.ConnectionError)
    if connect and (not sent or _before_sending(error)):
        return offline(f"no connection ({name})")
    return transient("timeout", f"no answer ({name})")


def _before_sending(error: BaseException) -> bool:
    text = str(error)
    return any(
        marker in text
        for marker in (
            "Connection refused",
            "Name or service not known",
            "Temporary failure in name resolution",
            "Network is unreachable",
            "No route to host",
            "NewConnectionError",
            "ConnectTimeout",
            "Failed to resolve",
        )
    )


def status_error(status: int, detail: str, headers: Mapping[str, str]) -> SendError:
    """An HTTP error answer, as the queue acts on it."""
    if status == 429:
        return rate_limited(detail, retry_after(headers))
    if status in (401,):
        return auth_error(detail)
    if status == 403:
        return permanent("forbidden", detail)
    if status == 404:
        return permanent("not_found", detail)
    if status == 413:
        return permanent("too_large", detail)
    if status in (408, 425) or status >= 500:
        return transient("server_error", f"HTTP {status}: {detail}", retry_after(headers))
    if status == 422 or status == 400:
        return permanent("rejected", detail)
    return permanent("refused", f"HTTP {status}: {detail}")


_BAD_ADDRESS = (
    requests.exceptions.InvalidURL,
    requests.exceptions.MissingSchema,
    requests.exceptions.InvalidSchema,
)


def no_answer(error: requests.RequestException, creates: bool, platform: str) -> SendError:
    """A request to a platform without idempotency got no answer. If it may have made
    something public (`creates`), the outcome is "unklar" (an officer decides) rather than
    a retry that could post twice. Only the exception's type is kept: its text holds the
    URL, which for some platforms holds a token."""
    if isinstance(error, _BAD_ADDRESS):
        return permanent("bad_address", f"the API address is not usable ({type(error).__name__})")
    outcome = transport_error(error, sent=True)
    if creates and outcome.kind is not ErrorKind.OFFLINE:
        return unclear(f"{platform} sent no answer ({type(error).__name__})")
    return outcome
