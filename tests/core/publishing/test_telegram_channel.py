"""The Telegram channel: requests built without I/O, then sent to a local Bot API."""

from __future__ import annotations

import json
import logging
import socket
from collections.abc import Iterator

import pytest

from kriseninfo.counting.platforms import Platform
from kriseninfo.publishing.channel import AccountConfig, Image, Post
from kriseninfo.publishing.channels import telegram
from kriseninfo.publishing.channels.telegram import TelegramChannel, build_calls, telegram_error
from kriseninfo.publishing.errors import SendError
from kriseninfo.publishing.registry import channel_class
from kriseninfo.publishing.states import ErrorKind
from tests.support.telegram_server import TOKEN, Fault, TelegramServer, flood

FAST = (0.5, 0.3)  # connect, read: a slow answer is lost quickly
CHAT = "@kreis_info"
PNG = Image("lage.png", "image/png", b"\x89PNG fake", "Karte des Sperrgebiets")
JPG = Image("zwei.jpg", "image/jpeg", b"\xff\xd8 fake", "Ausgabestelle Wasser")


def account(api_base: str, token: str = TOKEN, chat: str = CHAT) -> AccountConfig:
    return AccountConfig(
        1,
        Platform.TELEGRAM,
        "Kreis Info",
        chat,
        {"chat": chat, "api_base": api_base},
        {"bot_token": token},
    )


def post(text: str = "Warnung: Hochwasser an der Elbe.", **kwargs: object) -> Post:
    return Post(key="k-1", text=text, **kwargs)  # type: ignore[arg-type]


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.fixture
def server() -> Iterator[TelegramServer]:
    with TelegramServer() as running:
        yield running


@pytest.fixture
def channel(server: TelegramServer) -> Iterator[TelegramChannel]:
    opened = TelegramChannel(account(server.url), timeout=FAST)
    yield opened
    opened.close()


def kind_of(call: object) -> SendError:
    assert callable(call)
    with pytest.raises(SendError) as raised:
        call()
    return raised.value


# -- building requests -------------------------------------------------------------------------
def test_registry_finds_the_channel() -> None:
    cls = channel_class(Platform.TELEGRAM)
    assert cls is TelegramChannel
    assert not cls.idempotent and cls.can_delete and not cls.can_list_recent
    assert [f.name for f in cls.fields if f.secret] == ["bot_token"]


def test_text_goes_out_plain() -> None:
    (call,) = build_calls(CHAT, post())
    assert call.method == "sendMessage" and call.creates
    assert call.params == {"chat_id": CHAT, "text": "Warnung: Hochwasser an der Elbe."}


def test_a_reply_names_the_first_message_of_its_parent() -> None:
    (call,) = build_calls(CHAT, post(reply_to="17,18"))
    assert json.loads(call.params["reply_parameters"]) == {"message_id": 17}


def test_one_image_is_a_photo_with_the_text_as_caption() -> None:
    (call,) = build_calls(CHAT, post(images=(PNG,)))
    assert call.method == "sendPhoto"
    assert call.params["caption"] == "Warnung: Hochwasser an der Elbe."
    assert call.photos == (("photo", PNG),)


def test_several_images_are_an_album_captioned_on_the_first() -> None:
    (call,) = build_calls(CHAT, post(images=(PNG, JPG)))
    assert call.method == "sendMediaGroup"
    media = json.loads(call.params["media"])
    assert [m["media"] for m in media] == ["attach://photo0", "attach://photo1"]
    assert media[0]["caption"] == "Warnung: Hochwasser an der Elbe." and "caption" not in media[1]
    assert [name for name, _ in call.photos] == ["photo0", "photo1"]


def test_text_too_long_for_a_caption_goes_first_and_the_photo_after() -> None:
    calls = build_calls(CHAT, post("x" * 1025, images=(PNG,)))
    assert [c.method for c in calls] == ["sendMessage", "sendPhoto"]
    assert "caption" not in calls[1].params


def test_length_is_counted_in_utf16_units() -> None:
    assert telegram.utf16_length("Flut 🌊") == 7
    build_calls(CHAT, post("🌊" * 2048))  # 4096 units: fits
    error = kind_of(lambda: build_calls(CHAT, post("🌊" * 2049)))
    assert (error.kind, error.code) == (ErrorKind.PERMANENT, "too_long")


def test_an_album_is_deleted_in_one_call() -> None:
    assert telegram.build_delete(CHAT, "5").params == {"chat_id": CHAT, "message_id": "5"}
    call = telegram.build_delete(CHAT, "5,6")
    assert call.method == "deleteMessages" and json.loads(call.params["message_ids"]) == [5, 6]


@pytest.mark.parametrize(
    ("status", "body", "kind", "code"),
    [
        (
            401,
            {"ok": False, "error_code": 401, "description": "Unauthorized"},
            ErrorKind.AUTH,
            "auth",
        ),
        (
            403,
            {"ok": False, "error_code": 403, "description": "Forbidden: bot is not a member"},
            ErrorKind.AUTH,
            "auth",
        ),
        (
            400,
            {
                "ok": False,
                "error_code": 400,
                "description": "Bad Request: message to be replied not found",
            },
            ErrorKind.PERMANENT,
            "parent_missing",
        ),
        (
            400,
            {"ok": False, "error_code": 400, "description": "Bad Request: chat not found"},
            ErrorKind.PERMANENT,
            "chat_not_found",
        ),
        (
            400,
            {"ok": False, "error_code": 400, "description": "Bad Request: wrong file"},
            ErrorKind.PERMANENT,
            "rejected",
        ),
        (
            502,
            {"ok": False, "error_code": 502, "description": "Bad Gateway"},
            ErrorKind.TRANSIENT,
            "server_error",
        ),
        (502, None, ErrorKind.TRANSIENT, "server_error"),
    ],
)
def test_error_answers(status: int, body: object, kind: ErrorKind, code: str) -> None:
    error = telegram_error(status, body, {})
    assert (error.kind, error.code) == (kind, code)


def test_flood_control_names_the_wait() -> None:
    error = telegram_error(429, flood(7).body, {})
    assert error.kind is ErrorKind.RATE_LIMITED and error.retry_after == 7


def test_links_for_public_and_private_channels() -> None:
    public = {"message_id": 5, "chat": {"id": -1001, "username": "kreis_info"}}
    private = {"message_id": 5, "chat": {"id": -1001234567890}}
    assert telegram.message_url(public) == "https://t.me/kreis_info/5"
    assert telegram.message_url(private) == "https://t.me/c/1234567890/5"


# -- against the local Bot API -----------------------------------------------------------------
def test_post(server: TelegramServer, channel: TelegramChannel) -> None:
    published = channel.publish(post())
    assert published.platform_id == "101"
    assert published.url == "https://t.me/kreis_info/101"
    assert server.messages[101]["text"] == "Warnung: Hochwasser an der Elbe."
    assert server.created == 1
    assert "parse_mode" not in server.seen("sendMessage")[0].form


def test_reply(server: TelegramServer, channel: TelegramChannel) -> None:
    first = channel.publish(post("Teil 1"))
    second = channel.publish(post("Teil 2", reply_to=first.platform_id))
    assert server.messages[int(second.platform_id)]["reply_to_message"]["message_id"] == 101


def test_reply_to_a_deleted_parent_fails_for_good(channel: TelegramChannel) -> None:
    error = kind_of(lambda: channel.publish(post(reply_to="999")))
    assert (error.kind, error.code) == (ErrorKind.PERMANENT, "parent_missing")


def test_photo_with_caption(server: TelegramServer, channel: TelegramChannel) -> None:
    published = channel.publish(post(images=(PNG,)))
    (request,) = server.seen("sendPhoto")
    assert request.files["photo"] == ("lage.png", "image/png", PNG.data)
    assert server.messages[int(published.platform_id)]["caption"].startswith("Warnung")


def test_album_is_several_messages_and_deleted_together(
    server: TelegramServer, channel: TelegramChannel
) -> None:
    published = channel.publish(post(images=(PNG, JPG)))
    assert published.platform_id == "101,102"
    channel.delete(published.platform_id)
    assert server.messages == {} and server.deleted == [101, 102]


def test_long_text_with_photo_is_text_then_photo_replying(
    server: TelegramServer, channel: TelegramChannel
) -> None:
    published = channel.publish(post("Lage " * 300, images=(PNG,)))
    text_id, photo_id = (int(i) for i in published.platform_id.split(","))
    assert server.messages[photo_id]["reply_to_message"]["message_id"] == text_id
    assert published.url == f"https://t.me/kreis_info/{text_id}"


@pytest.mark.logs_warnings
def test_text_sent_but_photo_refused_is_still_published(
    server: TelegramServer, channel: TelegramChannel
) -> None:
    server.fail(
        "sendPhoto", Fault(500, {"ok": False, "error_code": 500, "description": "Internal"})
    )
    published = channel.publish(post("Lage " * 300, images=(PNG,)))
    assert published.platform_id == "101" and server.created == 1


def test_delete(server: TelegramServer, channel: TelegramChannel) -> None:
    published = channel.publish(post())
    channel.delete(published.platform_id)
    assert server.deleted == [101]
    channel.delete(published.platform_id)  # already gone is what we wanted


def test_delete_after_48_hours_is_refused(server: TelegramServer, channel: TelegramChannel) -> None:
    server.fail(
        "deleteMessage",
        Fault(
            400,
            {
                "ok": False,
                "error_code": 400,
                "description": "Bad Request: message can't be deleted",
            },
        ),
    )
    error = kind_of(lambda: channel.delete("101"))
    assert (error.kind, error.code) == (ErrorKind.PERMANENT, "cannot_delete")


def test_verify(channel: TelegramChannel) -> None:
    check = channel.verify()
    assert check.display_name == "Kreis Info (@kreis_info)"
    assert check.max_characters == 4096 and check.detail == "bot @kriseninfo_bot"
    assert channel.recent() == []


def test_verify_refuses_a_bot_that_may_not_post(
    server: TelegramServer, channel: TelegramChannel
) -> None:
    server.bot_is_admin = False
    assert kind_of(channel.verify).kind is ErrorKind.AUTH


# -- failures ----------------------------------------------------------------------------------
def test_wrong_token_is_auth(server: TelegramServer) -> None:
    wrong = TelegramChannel(account(server.url, token="1:wrong"), timeout=FAST)
    try:
        assert kind_of(lambda: wrong.publish(post())).kind is ErrorKind.AUTH
    finally:
        wrong.close()


def test_flood_control_is_rate_limited(server: TelegramServer, channel: TelegramChannel) -> None:
    server.fail("sendMessage", flood(12))
    error = kind_of(lambda: channel.publish(post()))
    assert error.kind is ErrorKind.RATE_LIMITED and error.retry_after == 12
    assert server.created == 0


@pytest.mark.parametrize("status", [500, 502])
def test_server_error_is_transient(
    server: TelegramServer, channel: TelegramChannel, status: int
) -> None:
    server.fail(
        "sendMessage",
        Fault(status, {"ok": False, "error_code": status, "description": "Bad Gateway"}),
    )
    assert kind_of(lambda: channel.publish(post())).kind is ErrorKind.TRANSIENT


def test_refused_text_is_permanent(channel: TelegramChannel) -> None:
    error = kind_of(lambda: channel.publish(post("   ")))
    assert error.kind is ErrorKind.PERMANENT and "empty" in error.detail


def test_dropped_answer_after_sending_is_unclear(
    server: TelegramServer, channel: TelegramChannel
) -> None:
    server.fail("sendMessage", Fault(drop=True))
    error = kind_of(lambda: channel.publish(post()))
    assert error.kind is ErrorKind.UNCLEAR
    assert server.created == 1  # why: the channel shows it, a retry would post it twice
    assert TOKEN not in str(error)


def test_slow_answer_is_unclear(server: TelegramServer, channel: TelegramChannel) -> None:
    server.fail("sendPhoto", Fault(delay=1.0))
    assert kind_of(lambda: channel.publish(post(images=(PNG,)))).kind is ErrorKind.UNCLEAR


def test_slow_answer_while_verifying_is_only_transient(
    server: TelegramServer, channel: TelegramChannel
) -> None:
    server.fail("getMe", Fault(delay=1.0))
    assert kind_of(channel.verify).kind is ErrorKind.TRANSIENT


def test_closed_port_is_offline() -> None:
    closed = TelegramChannel(account(f"http://127.0.0.1:{closed_port()}"), timeout=FAST)
    try:
        assert kind_of(lambda: closed.publish(post())).kind is ErrorKind.OFFLINE
    finally:
        closed.close()


def test_unusable_address_is_permanent() -> None:
    broken = TelegramChannel(account("api.telegram.org"), timeout=FAST)
    try:
        error = kind_of(lambda: broken.publish(post()))
        assert (error.kind, error.code) == (ErrorKind.PERMANENT, "bad_address")
    finally:
        broken.close()


def test_missing_channel_setting_is_reported_when_used() -> None:
    unset = TelegramChannel(account("http://127.0.0.1:9", chat=""), timeout=FAST)  # no error yet
    try:
        error = kind_of(lambda: unset.publish(post()))
        assert (error.kind, error.code) == (ErrorKind.PERMANENT, "settings")
    finally:
        unset.close()


def test_the_token_never_reaches_a_log_line() -> None:
    """urllib3 logs each request line at DEBUG; the Bot API has the token in the path."""
    telegram._hide_token_in_urllib3_log()
    line = ("https", "api.telegram.org", 443, "POST", f"/bot{TOKEN}/sendMessage", "HTTP/1.1")
    record = logging.LogRecord(
        "urllib3.connectionpool", logging.DEBUG, __file__, 1, '%s://%s:%s "%s %s %s"', line, None
    )
    assert logging.getLogger("urllib3.connectionpool").filter(record)
    assert record.getMessage() == 'https://api.telegram.org:443 "POST /bot***/sendMessage HTTP/1.1"'
