"""Mastodon through Mastodon.py: post, thread reply, images with alt text, delete.

Every post carries the delivery's key as `Idempotency-Key`: Mastodon answers a repeat
within an hour with the status it already made, so a retry never posts twice.
"""

from __future__ import annotations

import io
import time
from collections.abc import Mapping
from html.parser import HTMLParser
from typing import Any, ClassVar

import requests
from mastodon import (
    Mastodon,
    MastodonAPIError,
    MastodonError,
    MastodonNetworkError,
    MastodonNotFoundError,
    MastodonRatelimitError,
)

from kriseninfo.counting.platforms import Platform
from kriseninfo.publishing.channel import (
    AccountCheck,
    AccountConfig,
    Field,
    Post,
    Published,
    RecentPost,
)
from kriseninfo.publishing.channels._http import TIMEOUT, retry_after, status_error, transport_error
from kriseninfo.publishing.errors import SendError, permanent, rate_limited, transient
from kriseninfo.publishing.traits import TRAITS

#: How long an uploaded image may stay "processing" before the send is retried later.
MEDIA_WAIT = 60.0
MEDIA_POLL = 1.0


class MastodonChannel:
    platform: ClassVar[Platform] = Platform.MASTODON
    idempotent: ClassVar[bool] = TRAITS[Platform.MASTODON].idempotent
    manual: ClassVar[bool] = TRAITS[Platform.MASTODON].manual
    can_delete: ClassVar[bool] = TRAITS[Platform.MASTODON].can_delete
    can_list_recent: ClassVar[bool] = TRAITS[Platform.MASTODON].can_list_recent
    fields: ClassVar[tuple[Field, ...]] = TRAITS[Platform.MASTODON].fields

    def __init__(self, account: AccountConfig):
        self._account = account
        self._headers: Mapping[str, str] = {}
        session = requests.Session()
        session.hooks["response"].append(self._remember)
        self._api = make_client(account, session)
        self._me: Any = None

    def _remember(self, response: requests.Response, *_args: Any, **_kwargs: Any) -> None:
        self._headers = dict(response.headers)

    # -- Channel ---------------------------------------------------------------------------
    def publish(self, post: Post) -> Published:
        media_ids = [self._upload(image) for image in post.images]
        status = self._call(
            "post",
            self._api.status_post,
            post.text,
            in_reply_to_id=post.reply_to,
            media_ids=media_ids or None,
            language=post.language[:2] or None,
            visibility="public",
            idempotency_key=post.key,
        )
        return Published(str(status["id"]), str(status.get("url") or status.get("uri") or ""))

    def delete(self, platform_id: str) -> None:
        try:
            self._call("delete", self._api.status_delete, platform_id)
        except SendError as error:
            if error.code != "not_found":  # already gone is what we wanted
                raise

    def verify(self) -> AccountCheck:
        me = self._call("verify", self._api.account_verify_credentials)
        limit: int | None = None
        try:
            info = self._call("verify", self._api.instance_v2)
            limit = int(info["configuration"]["statuses"]["max_characters"])
        except (SendError, KeyError, TypeError, ValueError):
            try:
                info = self._call("verify", self._api.instance_v1)
                limit = int(
                    info.get("max_toot_chars")
                    or info["configuration"]["statuses"]["max_characters"]
                )
            except (SendError, KeyError, TypeError, ValueError):
                limit = None
        name = str(me.get("display_name") or me.get("acct") or me.get("username") or "")
        return AccountCheck(f"@{me.get('acct', '')} {name}".strip(), limit)

    def recent(self, limit: int = 20) -> list[RecentPost]:
        if self._me is None:
            self._me = self._call("recent", self._api.account_verify_credentials)
        statuses = self._call("recent", self._api.account_statuses, self._me["id"], limit=limit)
        return [
            RecentPost(
                str(s["id"]),
                str(s.get("url") or s.get("uri") or ""),
                _plain(s.get("content", "")),
                s.get("created_at"),
            )
            for s in statuses
        ]

    def close(self) -> None:
        self._api.session.close()

    # -- helpers ---------------------------------------------------------------------------
    def _upload(self, image: Any) -> str:
        media = self._call(
            "media",
            self._api.media_post,
            io.BytesIO(image.data),
            mime_type=image.mime,
            description=image.alt,
            file_name=image.filename,
        )
        deadline = time.monotonic() + MEDIA_WAIT
        while media.get("url") is None:  # 202: still processing; GET answers 206 until done
            if time.monotonic() > deadline:
                raise transient("media_processing", "the instance is still processing an image")
            time.sleep(MEDIA_POLL)
            media = self._call("media", self._api.media, media["id"])
        return str(media["id"])

    def _call(self, what: str, method: Any, *args: Any, **kwargs: Any) -> Any:
        self._headers = {}
        try:
            return method(*args, **kwargs)
        except MastodonRatelimitError as error:
            wait = retry_after(self._headers)
            if wait is None and self._api.ratelimit_reset:
                wait = max(0.0, float(self._api.ratelimit_reset) - time.time())
            raise rate_limited(str(error), wait) from None
        except MastodonNetworkError as error:
            cause = error.__context__
            raise transport_error(cause or error, sent=what != "verify") from None
        except MastodonNotFoundError as error:
            code = "parent_missing" if what == "post" else "not_found"
            raise permanent(code, _reason(error)) from None
        except MastodonAPIError as error:
            status = error.args[1] if len(error.args) > 1 and isinstance(error.args[1], int) else 0
            raise status_error(status, _reason(error), self._headers) from None
        except MastodonError as error:  # illegal argument, unreadable media
            raise permanent("refused", str(error)) from None


def make_client(
    account: AccountConfig,
    session: requests.Session | None = None,
    timeout: tuple[float, float] = TIMEOUT,
) -> Mastodon:
    """A Mastodon.py client for the account's instance and token (it sends nothing yet)."""
    return Mastodon(
        access_token=account.secrets.get("access_token"),
        api_base_url=_instance(account),
        ratelimit_method="throw",
        request_timeout=timeout,  # type: ignore[arg-type]
        # The API level we build to, taken as given (no request to find out): with it,
        # Mastodon.py uses the v2 media upload that processes images asynchronously.
        version_check_mode="created",
        mastodon_version="4.3.0",
        session=session or requests.Session(),
        user_agent="Kriseninfo",
    )


def _instance(account: AccountConfig) -> str:
    url = (account.settings.get("instance") or "").strip().rstrip("/")
    if not url.startswith(("https://", "http://")):
        url = "https://" + url
    return url


def _reason(error: Exception) -> str:
    """The platform's own message: Mastodon.py passes (text, status, reason, error)."""
    args = error.args
    if len(args) >= 4 and args[3]:
        return str(args[3])[:500]
    if len(args) >= 3 and args[2]:
        return str(args[2])[:500]
    return str(error)[:500]


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "p") and self.parts:
            self.parts.append("\n")


def _plain(html: str) -> str:
    parser = _Text()
    parser.feed(html or "")
    return "".join(parser.parts).strip()


CHANNEL = MastodonChannel
