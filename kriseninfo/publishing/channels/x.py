"""X (formerly Twitter) through API v2: posts, thread replies, images with alt text, delete.

The secret `access_token` is an OAuth 2.0 user-context token (scopes tweet.read,
tweet.write, users.read, media.write), sent as `Authorization: Bearer`. X lets such a
token expire after two hours unless the app refreshes it with a refresh token; this
channel does not refresh, so an expired token shows as "auth" until a new one is entered.
X has no idempotency key: a post whose answer is lost is "unklar".
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

import requests

from kriseninfo.counting.platforms import Platform
from kriseninfo.publishing.channel import (
    AccountCheck,
    AccountConfig,
    Field,
    Image,
    Post,
    Published,
    RecentPost,
)
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
from kriseninfo.publishing.traits import TRAITS

API_BASE = "https://api.x.com"
MAX_CHARACTERS = 280  # weighted; accounts with a subscription may post more, we keep 280
MAX_IMAGES = 4
MAX_ALT = 1000


@dataclass(frozen=True)
class Call:
    method: str
    path: str
    json: Mapping[str, Any] | None = None
    params: Mapping[str, str] | None = None
    upload: Image | None = None
    creates: bool = False  # a lost answer may mean the post is public


# -- building requests (pure) ------------------------------------------------------------------
def build_tweet(post: Post, media_ids: Sequence[str] = ()) -> Call:
    body: dict[str, Any] = {"text": post.text}
    if post.reply_to:
        body["reply"] = {"in_reply_to_tweet_id": post.reply_to}
    if media_ids:
        body["media"] = {"media_ids": list(media_ids)}
    return Call("POST", "/2/tweets", json=body, creates=True)


def check_images(post: Post) -> None:
    """Before anything is uploaded: X takes at most four images per post."""
    if len(post.images) > MAX_IMAGES:
        raise permanent("too_many_images", f"X takes at most {MAX_IMAGES} images per post")


def build_upload(image: Image) -> Call:
    """The v2 upload: one request for an image, multipart with the raw bytes."""
    return Call(
        "POST",
        "/2/media/upload",
        params={"media_category": "tweet_image", "media_type": image.mime},
        upload=image,
    )


def build_alt_text(media_id: str, alt: str) -> Call | None:
    if not alt.strip():
        return None
    body = {"id": media_id, "metadata": {"alt_text": {"text": alt[:MAX_ALT]}}}
    return Call("POST", "/2/media/metadata", json=body)


def build_delete(tweet_id: str) -> Call:
    return Call("DELETE", f"/2/tweets/{tweet_id}")


def tweet_url(tweet_id: str) -> str:
    return f"https://x.com/i/web/status/{tweet_id}"


# -- reading answers (pure) --------------------------------------------------------------------
def wait_after(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """Seconds until X lets the account post again: the 24-hour user or app limit when that
    one is used up, else the 15-minute window's `x-rate-limit-reset` (epoch seconds)."""
    now = time.time() if now is None else now
    lower = {k.lower(): v for k, v in headers.items()}
    resets = [
        lower.get(f"{scope}-reset")
        for scope in ("x-user-limit-24hour", "x-app-limit-24hour")
        if lower.get(f"{scope}-remaining") == "0"
    ]
    for reset in [*resets, lower.get("x-rate-limit-reset")]:
        try:
            return max(0.0, float(reset or "") - now)
        except ValueError:
            continue
    return retry_after(headers, now)


def x_error(
    status: int, body: Any, headers: Mapping[str, str], now: float | None = None
) -> SendError:
    """An X API v2 problem answer `{"title", "detail", "type", "status"}`."""
    problem: Mapping[str, Any] = body if isinstance(body, Mapping) else {}
    detail = str(problem.get("detail") or problem.get("title") or f"HTTP {status}")
    errors = problem.get("errors")
    if isinstance(errors, list) and errors and isinstance(errors[0], Mapping):
        detail = f"{detail} {errors[0].get('message', '')}".strip()
    kind = str(problem.get("type") or "")
    lowered = detail.lower()
    if status == 429 or kind.endswith(("/usage-capped", "/rate-limit-exceeded")):
        return rate_limited(detail, wait_after(headers, now))
    if status == 401 or kind.endswith(("/unsupported-authentication", "/client-forbidden")):
        return auth(detail)
    if status == 403:
        if "duplicate content" in lowered:
            return permanent("duplicate", detail)
        if "deleted or not visible" in lowered:
            return permanent("parent_missing", detail)
        return permanent("forbidden", detail)
    if status >= 500:
        # Assumption: a 5xx means X did not create the post (X documents 503 as "over
        # capacity, try again later"). Had it posted anyway, the retry is refused as a
        # duplicate rather than shown twice.
        return transient("server_error", f"HTTP {status}: {detail}", retry_after(headers))
    return status_error(status, detail, headers)


def _no_answer(error: requests.RequestException, creates: bool) -> SendError:
    return no_answer(error, creates, "X")


def _when(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None


class XChannel:
    platform: ClassVar[Platform] = Platform.X
    idempotent: ClassVar[bool] = TRAITS[Platform.X].idempotent
    manual: ClassVar[bool] = TRAITS[Platform.X].manual
    can_delete: ClassVar[bool] = TRAITS[Platform.X].can_delete
    can_list_recent: ClassVar[bool] = TRAITS[Platform.X].can_list_recent
    fields: ClassVar[tuple[Field, ...]] = TRAITS[Platform.X].fields

    def __init__(self, account: AccountConfig, *, timeout: tuple[float, float] = TIMEOUT):
        self._base = (account.settings.get("api_base") or API_BASE).strip().rstrip("/")
        self._timeout = timeout
        self._session = requests.Session()
        self._session.headers["User-Agent"] = "Kriseninfo"
        self._session.headers["Authorization"] = f"Bearer {account.secrets.get('access_token', '')}"
        self._user_id: str | None = None

    # -- Channel ---------------------------------------------------------------------------
    def publish(self, post: Post) -> Published:
        check_images(post)
        media_ids = [self._upload(image) for image in post.images]
        answer = self._call(build_tweet(post, media_ids))
        tweet_id = str((answer.get("data") or {}).get("id") or "")
        if not tweet_id:
            raise unclear("X accepted the post but named no id")
        return Published(tweet_id, tweet_url(tweet_id))

    def delete(self, platform_id: str) -> None:
        try:
            self._call(build_delete(platform_id))
        except SendError as error:
            if error.code != "not_found":  # already gone is what we wanted
                raise

    def verify(self) -> AccountCheck:
        me = self._me()
        name = f"@{me.get('username', '')} {me.get('name', '')}".strip()
        return AccountCheck(name, MAX_CHARACTERS)

    def recent(self, limit: int = 20) -> list[RecentPost]:
        if self._user_id is None:
            self._me()
        answer = self._call(
            Call(
                "GET",
                f"/2/users/{self._user_id}/tweets",
                params={"max_results": str(min(100, max(5, limit))), "tweet.fields": "created_at"},
            )
        )
        return [
            RecentPost(
                str(t["id"]),
                tweet_url(str(t["id"])),
                str(t.get("text", "")),
                _when(t.get("created_at")),
            )
            for t in (answer.get("data") or [])[:limit]
        ]

    def close(self) -> None:
        self._session.close()

    # -- sending ---------------------------------------------------------------------------
    def _me(self) -> Mapping[str, Any]:
        me: Mapping[str, Any] = self._call(Call("GET", "/2/users/me")).get("data") or {}
        self._user_id = str(me.get("id") or "")
        return me

    def _upload(self, image: Image) -> str:
        data = self._call(build_upload(image)).get("data") or {}
        if (data.get("processing_info") or {}).get("state") == "failed":
            raise permanent("media_rejected", f"X could not process {image.filename}")
        media_id = str(data.get("id") or "")
        if not media_id:
            raise transient("bad_answer", "X named no id for an uploaded image")
        alt = build_alt_text(media_id, image.alt)
        if alt is not None:
            self._call(alt)
        return media_id

    def _call(self, call: Call) -> Mapping[str, Any]:
        files = None
        if call.upload is not None:
            files = {"media": (call.upload.filename, call.upload.data, call.upload.mime)}
        try:
            response = self._session.request(
                call.method,
                self._base + call.path,
                json=call.json,
                params=None if files else call.params,
                data=call.params if files else None,
                files=files,
                timeout=self._timeout,
            )
        except requests.RequestException as error:
            raise _no_answer(error, call.creates) from None
        try:
            body = response.json() if response.content else {}
        except ValueError:
            body = None
        if response.status_code >= 400:
            raise x_error(response.status_code, body, response.headers)
        if not isinstance(body, dict):
            if call.creates:
                raise unclear("X's answer was unreadable")
            raise transient("bad_answer", "X's answer was unreadable")
        return body


CHANNEL = XChannel
