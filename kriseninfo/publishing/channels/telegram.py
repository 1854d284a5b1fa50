"""Telegram through the Bot API: channel posts with photos, thread replies, delete.

The bot must be an administrator of the channel with the right to post. Text goes out
plain (no `parse_mode`), so nothing in a warning is read as markup. The Bot API has no
alt text for photos and no idempotency key: a send whose answer is lost is "unklar".
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
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

log = logging.getLogger(__name__)

API_BASE = "https://api.telegram.org"
MAX_TEXT = 4096  # sendMessage: 1-4096 characters after entities parsing
MAX_CAPTION = 1024  # sendPhoto / sendMediaGroup caption: 0-1024 characters
MAX_ALBUM = 10  # sendMediaGroup: 2-10 items


@dataclass(frozen=True)
class Call:
    """One Bot API method call: form fields (objects JSON-serialised) and uploaded photos."""

    method: str
    params: Mapping[str, str]
    photos: tuple[tuple[str, Image], ...] = ()
    creates: bool = False  # a lost answer may mean the message is in the channel


# -- building requests (pure) ------------------------------------------------------------------
def utf16_length(text: str) -> int:
    """Telegram counts characters in UTF-16 code units (entity offsets use the same)."""
    return len(text.encode("utf-16-le")) // 2


def build_calls(chat: str, post: Post) -> list[Call]:
    """The calls that publish `post`: one, or text first and then the photos replying to
    it when the text is too long for a caption."""
    if utf16_length(post.text) > MAX_TEXT:
        raise permanent("too_long", f"Telegram takes at most {MAX_TEXT} characters")
    reply_to = _first_id(post.reply_to) if post.reply_to else None
    if not post.images:
        return [_message(chat, post.text, reply_to)]
    albums = [post.images[i : i + MAX_ALBUM] for i in range(0, len(post.images), MAX_ALBUM)]
    if utf16_length(post.text) <= MAX_CAPTION:
        calls = [_photos(chat, albums[0], post.text, reply_to)]
        return calls + [_photos(chat, album, "", None) for album in albums[1:]]
    # The text is what matters in a warning: it goes first, the photos follow as a reply.
    return [_message(chat, post.text, reply_to)] + [
        _photos(chat, album, "", None) for album in albums
    ]


def _message(chat: str, text: str, reply_to: int | None) -> Call:
    params = {"chat_id": chat, "text": text}
    if reply_to is not None:
        params["reply_parameters"] = json.dumps({"message_id": reply_to})
    return Call("sendMessage", params, creates=True)


def _photos(chat: str, images: Sequence[Image], caption: str, reply_to: int | None) -> Call:
    params = {"chat_id": chat}
    if reply_to is not None:
        params["reply_parameters"] = json.dumps({"message_id": reply_to})
    if len(images) == 1:
        if caption:
            params["caption"] = caption
        return Call("sendPhoto", params, (("photo", images[0]),), creates=True)
    media: list[dict[str, str]] = []
    for index in range(len(images)):
        item = {"type": "photo", "media": f"attach://photo{index}"}
        if index == 0 and caption:
            item["caption"] = caption  # an album shows the first item's caption
        media.append(item)
    params["media"] = json.dumps(media)
    uploads = tuple((f"photo{i}", image) for i, image in enumerate(images))
    return Call("sendMediaGroup", params, uploads, creates=True)


def build_delete(chat: str, platform_id: str) -> Call:
    ids = _ids(platform_id)
    if len(ids) == 1:
        return Call("deleteMessage", {"chat_id": chat, "message_id": str(ids[0])})
    return Call("deleteMessages", {"chat_id": chat, "message_ids": json.dumps(ids)})


def platform_id(messages: Sequence[Mapping[str, Any]]) -> str:
    """Every message a post became, first one first (an album is several messages)."""
    return ",".join(str(m["message_id"]) for m in messages)


def message_url(message: Mapping[str, Any]) -> str:
    chat = message.get("chat") or {}
    number = message.get("message_id")
    if chat.get("username"):
        return f"https://t.me/{chat['username']}/{number}"
    chat_id = str(chat.get("id", ""))
    if chat_id.startswith("-100"):  # a private channel: only its members can open this
        return f"https://t.me/c/{chat_id[4:]}/{number}"
    return ""


def _ids(platform_id: str) -> list[int]:
    try:
        return [int(part) for part in platform_id.split(",") if part.strip()]
    except ValueError:
        raise permanent("not_found", f"not a Telegram message id: {platform_id!r}") from None


def _first_id(platform_id: str) -> int:
    ids = _ids(platform_id)
    if not ids:
        raise permanent("parent_missing", "the thread's parent has no message id")
    return ids[0]


# -- reading answers (pure) --------------------------------------------------------------------
def telegram_error(status: int, body: Any, headers: Mapping[str, str]) -> SendError:
    """A Bot API error answer `{"ok": false, "error_code", "description", "parameters"}`."""
    if not isinstance(body, Mapping):
        return status_error(status, f"HTTP {status} without a Bot API answer", headers)
    code = int(body.get("error_code") or status)
    text = str(body.get("description") or f"HTTP {status}")
    parameters = body.get("parameters") or {}
    lowered = text.lower()
    if code == 429:
        wait = parameters.get("retry_after")
        return rate_limited(text, float(wait) if wait is not None else retry_after(headers))
    if code in (401, 404):  # a wrong token is 401, a malformed one 404
        return auth(text)
    if code == 403:  # the bot was removed from the channel or may not post there
        return auth(text)
    if parameters.get("migrate_to_chat_id"):
        return permanent("chat_migrated", f"{text} (new id {parameters['migrate_to_chat_id']})")
    if code == 400:
        if "replied" in lowered and "not found" in lowered:
            return permanent("parent_missing", text)
        if "chat not found" in lowered:
            return permanent("chat_not_found", text)
        if "too long" in lowered:
            return permanent("too_long", text)
        return permanent("rejected", text)
    if code >= 500:
        # Assumption (Telegram documents nothing either way): a 5xx means the message was
        # not sent, so it is retried. Were it sent after all, the channel shows it twice.
        return transient("server_error", f"HTTP {code}: {text}", retry_after(headers))
    return status_error(code, text, headers)


def _no_answer(error: requests.RequestException, creates: bool) -> SendError:
    return no_answer(error, creates, "Telegram")


class _HideToken(logging.Filter):
    """urllib3 logs request lines at DEBUG; the Bot API puts the token in the path."""

    _token = re.compile(r"/bot[^/\s]+/")

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                self._token.sub("/bot***/", a) if isinstance(a, str) else a for a in record.args
            )
        return True


def _hide_token_in_urllib3_log() -> None:
    logger = logging.getLogger("urllib3.connectionpool")
    if not any(isinstance(f, _HideToken) for f in logger.filters):
        logger.addFilter(_HideToken())


class TelegramChannel:
    platform: ClassVar[Platform] = Platform.TELEGRAM
    idempotent: ClassVar[bool] = TRAITS[Platform.TELEGRAM].idempotent
    manual: ClassVar[bool] = TRAITS[Platform.TELEGRAM].manual
    can_delete: ClassVar[bool] = TRAITS[Platform.TELEGRAM].can_delete
    can_list_recent: ClassVar[bool] = TRAITS[Platform.TELEGRAM].can_list_recent
    fields: ClassVar[tuple[Field, ...]] = TRAITS[Platform.TELEGRAM].fields

    def __init__(self, account: AccountConfig, *, timeout: tuple[float, float] = TIMEOUT):
        self._target = (account.settings.get("chat") or "").strip()
        base = (account.settings.get("api_base") or API_BASE).strip().rstrip("/")
        self._url = f"{base}/bot{account.secrets.get('bot_token', '')}"
        self._timeout = timeout
        self._session = requests.Session()
        self._session.headers["User-Agent"] = "Kriseninfo"
        _hide_token_in_urllib3_log()

    # -- Channel ---------------------------------------------------------------------------
    def publish(self, post: Post) -> Published:
        calls = build_calls(self._chat, post)
        sent: list[Mapping[str, Any]] = []
        for index, call in enumerate(calls):
            if index > 0 and call.method != "sendMessage":
                call = _photos_replying(call, sent[0])
            try:
                result = self._call(call)
            except SendError as error:
                if not sent:
                    raise
                # The text is out; sending it again would post it twice.
                log.warning("Telegram: text sent, photos not (%s/%s)", error.kind, error.code)
                break
            sent.extend(result if isinstance(result, list) else [result])
        return Published(platform_id(sent), message_url(sent[0]))

    def delete(self, platform_id: str) -> None:
        try:
            self._call(build_delete(self._chat, platform_id))
        except SendError as error:
            text = error.detail.lower()
            if "message to delete not found" in text:
                return  # already gone is what we wanted
            if "can't be deleted" in text or "cannot be deleted" in text:
                raise permanent("cannot_delete", error.detail) from None
            raise

    def verify(self) -> AccountCheck:
        me = self._call(Call("getMe", {}))
        chat = self._call(Call("getChat", {"chat_id": self._chat}))
        if chat.get("type") == "channel":
            member = self._call(
                Call("getChatMember", {"chat_id": self._chat, "user_id": str(me.get("id"))})
            )
            if member.get("status") != "administrator" or not member.get("can_post_messages"):
                raise auth(f"@{me.get('username', '')} may not post in {self._chat}")
        title = str(chat.get("title") or self._chat)
        name = f"{title} (@{chat['username']})" if chat.get("username") else title
        return AccountCheck(name, MAX_TEXT, f"bot @{me.get('username', '')}")

    def recent(self, limit: int = 20) -> list[RecentPost]:
        return []

    def close(self) -> None:
        self._session.close()

    # -- sending ---------------------------------------------------------------------------
    @property
    def _chat(self) -> str:
        if not self._target:
            raise permanent("settings", "no channel (chat) is set")
        return self._target

    def _call(self, call: Call) -> Any:
        files = {name: (img.filename, img.data, img.mime) for name, img in call.photos}
        try:
            response = self._session.post(
                f"{self._url}/{call.method}",
                data=dict(call.params),
                files=files or None,
                timeout=self._timeout,
            )
        except requests.RequestException as error:
            raise _no_answer(error, call.creates) from None
        body = _json(response)
        if isinstance(body, dict) and body.get("ok") and response.status_code < 400:
            return body.get("result")
        if response.status_code < 400:  # 2xx, but unreadable: a proxy, or cut off
            if call.creates:
                raise unclear("Telegram's answer was unreadable")
            raise transient("bad_answer", "Telegram's answer was unreadable")
        raise telegram_error(response.status_code, body, response.headers)


def _json(response: requests.Response) -> Any:
    try:
        return response.json() if response.content else None
    except ValueError:
        return None


def _photos_replying(call: Call, first: Mapping[str, Any]) -> Call:
    """Photos that follow a long text reply to it, so they read as one post."""
    params = dict(call.params)
    params["reply_parameters"] = json.dumps({"message_id": first["message_id"]})
    return Call(call.method, params, call.photos, call.creates)


CHANNEL = TelegramChannel
