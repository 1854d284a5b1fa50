"""What the Facebook and Instagram channels share: Meta's Graph API, its error answers and
how a request is sent.

The token travels as `Authorization: Bearer`, which the Graph API accepts besides the
`access_token` parameter; in a header it never appears in a URL, so never in a log line.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import requests

from kriseninfo.publishing.channel import AccountConfig, Image
from kriseninfo.publishing.channels._http import (
    TIMEOUT,
    no_answer,
    retry_after,
    status_error,
)
from kriseninfo.publishing.errors import (
    SendError,
    auth,
    permanent,
    rate_limited,
    transient,
    unclear,
)

API_BASE = "https://graph.facebook.com/v21.0"

#: Graph error codes (developers.facebook.com/docs/graph-api/guides/error-handling).
_THROTTLED = frozenset({4, 17, 32, 613}) | frozenset(range(80001, 80015))  # app, user, page, BUC
_TOKEN = frozenset({102, 190, 10}) | frozenset(range(200, 300))  # expired token, permission
_TEMPORARY = frozenset({1, 2, -1, -2})  # "temporary issue due to downtime"
#: Instagram content publishing subcodes (instagram-platform .../error-codes).
_IG_TRY_AGAIN = frozenset({2207001, 2207003, 2207020, 2207027, 2207032})
_IG_DAILY_LIMIT = 2207042
_IG_SPAM = 2207051


@dataclass(frozen=True)
class GraphCall:
    method: str  # GET, POST or DELETE
    path: str  # "/{page-id}/feed"
    fields: Mapping[str, str] = field(default_factory=dict)  # query (GET) or form (POST)
    upload: tuple[str, Image] | None = None  # ("source", image): a multipart file
    creates: bool = False  # a lost answer may mean the post is public


def graph_error(status: int, body: Any, headers: Mapping[str, str]) -> SendError:
    """A Graph API error `{"error": {"message", "type", "code", "error_subcode", ...}}`."""
    error = body.get("error") if isinstance(body, Mapping) else None
    if not isinstance(error, Mapping):
        return status_error(status, f"HTTP {status} without a Graph API error", headers)
    code, sub = _number(error.get("code")), _number(error.get("error_subcode"))
    message = str(error.get("error_user_msg") or error.get("message") or f"HTTP {status}")
    detail = f"{message} (code {code}{f'/{sub}' if sub else ''}, fbtrace {error.get('fbtrace_id')})"
    if sub == _IG_SPAM or code == 368:
        return permanent("blocked", detail)  # "temporarily blocked for policies violations"
    if code in _THROTTLED or sub == _IG_DAILY_LIMIT:
        return rate_limited(detail, usage_wait(headers) or retry_after(headers))
    if code in _TOKEN:
        return auth(detail)
    if code == 506:
        return permanent("duplicate", detail)
    if code == 100 and sub == 33:  # "object does not exist"
        return permanent("not_found", detail)
    if error.get("is_transient") or code in _TEMPORARY or sub in _IG_TRY_AGAIN:
        return transient("platform_busy", detail, retry_after(headers))
    if status >= 500:
        return transient("server_error", f"HTTP {status}: {detail}", retry_after(headers))
    if error.get("type") == "OAuthException" and code is None:
        return auth(detail)  # "if no subcode is present, ... get a new access token"
    return permanent("rejected", detail)


def usage_wait(headers: Mapping[str, str]) -> float | None:
    """Seconds from `X-Business-Use-Case-Usage` (`estimated_time_to_regain_access`, in
    minutes), which a throttled Page or Instagram account gets."""
    raw = next((v for k, v in headers.items() if k.lower() == "x-business-use-case-usage"), None)
    try:
        usage = json.loads(raw) if raw else {}
        minutes = [
            float(entry.get("estimated_time_to_regain_access") or 0)
            for entries in usage.values()
            for entry in entries
        ]
    except (ValueError, TypeError, AttributeError):
        return None
    return max(minutes) * 60 if minutes and max(minutes) > 0 else None


def graph_time(value: Any) -> datetime | None:
    """Graph times look like 2026-11-27T09:00:00+0000."""
    try:
        return datetime.strptime(str(value), "%Y-%m-%dT%H:%M:%S%z")
    except ValueError:
        return None


def _number(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _no_answer(error: requests.RequestException, creates: bool) -> SendError:
    return no_answer(error, creates, "Meta")


class GraphClient:
    """Sends `GraphCall`s for one account; raises `SendError` for anything but success."""

    def __init__(self, account: AccountConfig, timeout: tuple[float, float] = TIMEOUT):
        self._base = (account.settings.get("api_base") or API_BASE).strip().rstrip("/")
        self._timeout = timeout
        self._session = requests.Session()
        self._session.headers["User-Agent"] = "Kriseninfo"
        self._session.headers["Authorization"] = f"Bearer {account.secrets.get('access_token', '')}"

    def call(self, call: GraphCall) -> Mapping[str, Any]:
        files = None
        if call.upload is not None:
            name, image = call.upload
            files = {name: (image.filename, image.data, image.mime)}
        get = call.method == "GET"
        try:
            response = self._session.request(
                call.method,
                self._base + call.path,
                params=dict(call.fields) if get else None,
                data=None if get else dict(call.fields),
                files=files,
                timeout=self._timeout,
            )
        except requests.RequestException as error:
            raise _no_answer(error, call.creates) from None
        try:
            body = response.json() if response.content else None
        except ValueError:
            body = None
        if response.status_code >= 400 or (isinstance(body, dict) and "error" in body):
            raise graph_error(response.status_code, body, response.headers)
        if not isinstance(body, dict):
            if call.creates:
                raise unclear("Meta's answer was unreadable")
            raise transient("bad_answer", "Meta's answer was unreadable")
        return body

    def close(self) -> None:
        self._session.close()
