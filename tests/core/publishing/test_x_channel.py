"""The X channel: requests built without I/O, then sent to a local X API v2."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from kriseninfo.counting.platforms import Platform
from kriseninfo.publishing.channel import AccountConfig, Image, Post
from kriseninfo.publishing.channels import x
from kriseninfo.publishing.channels.x import XChannel, build_tweet, wait_after, x_error
from kriseninfo.publishing.errors import SendError
from kriseninfo.publishing.registry import channel_class
from kriseninfo.publishing.states import ErrorKind
from tests.support.telegram_server import Fault
from tests.support.x_server import DUPLICATE, TOKEN, XServer, problem, too_many

FAST = (0.5, 0.3)
PNG = Image("lage.png", "image/png", b"\x89PNG fake", "Karte des Sperrgebiets")
JPG = Image("wasser.jpg", "image/jpeg", b"\xff\xd8 fake", "")


def account(api_base: str, token: str = TOKEN) -> AccountConfig:
    return AccountConfig(
        2,
        Platform.X,
        "Landkreis",
        "@lk_musterstadt",
        {"api_base": api_base},
        {"access_token": token},
    )


def post(text: str = "Warnung: Hochwasser an der Elbe.", **kwargs: object) -> Post:
    return Post(key="k-2", text=text, **kwargs)  # type: ignore[arg-type]


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.fixture
def server() -> Iterator[XServer]:
    with XServer() as running:
        yield running


@pytest.fixture
def channel(server: XServer) -> Iterator[XChannel]:
    opened = XChannel(account(server.url), timeout=FAST)
    yield opened
    opened.close()


def failure(call: object) -> SendError:
    assert callable(call)
    with pytest.raises(SendError) as raised:
        call()
    return raised.value


# -- building requests -------------------------------------------------------------------------
def test_registry_finds_the_channel() -> None:
    cls = channel_class(Platform.X)
    assert cls is XChannel and not cls.idempotent and cls.can_delete and cls.can_list_recent
    assert [f.name for f in cls.fields if f.secret] == ["access_token"]


def test_post_body() -> None:
    call = build_tweet(post())
    assert (call.method, call.path, call.creates) == ("POST", "/2/tweets", True)
    assert call.json == {"text": "Warnung: Hochwasser an der Elbe."}


def test_reply_and_media_body() -> None:
    call = build_tweet(post(reply_to="1799"), ["11", "12"])
    assert call.json == {
        "text": "Warnung: Hochwasser an der Elbe.",
        "reply": {"in_reply_to_tweet_id": "1799"},
        "media": {"media_ids": ["11", "12"]},
    }


def test_upload_and_alt_text_requests() -> None:
    upload = x.build_upload(PNG)
    assert upload.path == "/2/media/upload" and upload.upload is PNG
    assert upload.params == {"media_category": "tweet_image", "media_type": "image/png"}
    alt = x.build_alt_text("11", "a" * 1200)
    assert alt is not None and alt.path == "/2/media/metadata"
    assert alt.json == {"id": "11", "metadata": {"alt_text": {"text": "a" * 1000}}}
    assert x.build_alt_text("11", "  ") is None


def test_five_images_are_refused_before_uploading() -> None:
    error = failure(lambda: x.check_images(post(images=(PNG,) * 5)))
    assert (error.kind, error.code) == (ErrorKind.PERMANENT, "too_many_images")


def test_wait_after_uses_the_limit_that_ran_out() -> None:
    now = 1_700_000_000.0
    assert (
        wait_after({"x-rate-limit-remaining": "0", "x-rate-limit-reset": "1700000060"}, now) == 60
    )
    daily = {
        "x-rate-limit-reset": "1700000060",
        "x-user-limit-24hour-remaining": "0",
        "x-user-limit-24hour-reset": "1700003600",
    }
    assert wait_after(daily, now) == 3600
    assert wait_after({}, now) is None


@pytest.mark.parametrize(
    ("status", "body", "kind", "code"),
    [
        (401, problem(401, "Unauthorized", "Unauthorized"), ErrorKind.AUTH, "auth"),
        (403, problem(403, "Forbidden", DUPLICATE), ErrorKind.PERMANENT, "duplicate"),
        (
            403,
            problem(
                403,
                "Forbidden",
                "You attempted to reply to a Tweet that is deleted or not visible to you.",
            ),
            ErrorKind.PERMANENT,
            "parent_missing",
        ),
        (
            403,
            problem(
                403,
                "Unsupported Authentication",
                "Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.",
                "https://api.twitter.com/2/problems/unsupported-authentication",
            ),
            ErrorKind.AUTH,
            "auth",
        ),
        (
            400,
            problem(400, "Invalid Request", "One or more parameters to your request was invalid."),
            ErrorKind.PERMANENT,
            "rejected",
        ),
        (
            503,
            problem(503, "Service Unavailable", "Service Unavailable"),
            ErrorKind.TRANSIENT,
            "server_error",
        ),
        (502, None, ErrorKind.TRANSIENT, "server_error"),
    ],
)
def test_error_answers(status: int, body: object, kind: ErrorKind, code: str) -> None:
    error = x_error(status, body, {})
    assert (error.kind, error.code) == (kind, code)


# -- against the local X API -------------------------------------------------------------------
def test_post(server: XServer, channel: XChannel) -> None:
    published = channel.publish(post())
    assert server.tweets[published.platform_id]["text"] == "Warnung: Hochwasser an der Elbe."
    assert published.url == f"https://x.com/i/web/status/{published.platform_id}"
    assert server.created == 1


def test_reply(server: XServer, channel: XChannel) -> None:
    first = channel.publish(post("Teil 1/2"))
    second = channel.publish(post("Teil 2/2", reply_to=first.platform_id))
    assert server.tweets[second.platform_id]["in_reply_to"] == first.platform_id


def test_images_with_alt_text(server: XServer, channel: XChannel) -> None:
    published = channel.publish(post(images=(PNG, JPG)))
    media_ids = server.tweets[published.platform_id]["media_ids"]
    assert [server.media[m]["alt"] for m in media_ids] == ["Karte des Sperrgebiets", None]
    assert [server.media[m]["type"] for m in media_ids] == ["image/png", "image/jpeg"]
    assert len(server.seen("POST /2/media/metadata")) == 1  # no empty alt text is sent


def test_lost_upload_answer_is_only_transient(server: XServer, channel: XChannel) -> None:
    server.fail("POST /2/media/upload", Fault(drop=True))
    assert failure(lambda: channel.publish(post(images=(PNG,)))).kind is ErrorKind.TRANSIENT
    assert server.created == 0  # an uploaded image is not public


def test_delete(server: XServer, channel: XChannel) -> None:
    published = channel.publish(post())
    channel.delete(published.platform_id)
    assert server.deleted == [published.platform_id] and server.tweets == {}
    channel.delete(published.platform_id)  # already gone is what we wanted


def test_verify_and_recent(server: XServer, channel: XChannel) -> None:
    check = channel.verify()
    assert check.display_name == "@lk_musterstadt Landkreis Musterstadt"
    assert check.max_characters == 280
    channel.publish(post("eins"))
    channel.publish(post("zwei"))
    recent = channel.recent(limit=1)
    assert [r.text for r in recent] == ["zwei"] and recent[0].created_at is not None
    assert server.seen("GET /2/users/:id/tweets")[0].query["max_results"] == "5"


def test_duplicate_is_permanent(channel: XChannel) -> None:
    channel.publish(post())
    error = failure(lambda: channel.publish(post()))
    assert (error.kind, error.code) == (ErrorKind.PERMANENT, "duplicate")


# -- failures ----------------------------------------------------------------------------------
def test_wrong_token_is_auth(server: XServer) -> None:
    wrong = XChannel(account(server.url, token="expired"), timeout=FAST)
    try:
        assert failure(lambda: wrong.publish(post())).kind is ErrorKind.AUTH
    finally:
        wrong.close()


@pytest.mark.parametrize("daily", [False, True])
def test_rate_limit_waits_until_reset(server: XServer, channel: XChannel, daily: bool) -> None:
    server.fail("POST /2/tweets", too_many(600, daily=daily))
    error = failure(lambda: channel.publish(post()))
    assert error.kind is ErrorKind.RATE_LIMITED
    assert error.retry_after is not None and 590 <= error.retry_after <= 600


def test_server_error_is_transient(server: XServer, channel: XChannel) -> None:
    server.fail("POST /2/tweets", Fault(503, problem(503, "Service Unavailable", "Overloaded")))
    assert failure(lambda: channel.publish(post())).kind is ErrorKind.TRANSIENT


def test_invalid_post_is_permanent(channel: XChannel) -> None:
    error = failure(lambda: channel.publish(post("x" * 281)))
    assert error.kind is ErrorKind.PERMANENT and "too long" in error.detail


def test_reply_to_a_deleted_post_is_permanent(channel: XChannel) -> None:
    error = failure(lambda: channel.publish(post(reply_to="1")))
    assert (error.kind, error.code) == (ErrorKind.PERMANENT, "parent_missing")


def test_dropped_answer_after_sending_is_unclear(server: XServer, channel: XChannel) -> None:
    server.fail("POST /2/tweets", Fault(drop=True))
    assert failure(lambda: channel.publish(post())).kind is ErrorKind.UNCLEAR
    assert server.created == 1  # it is public: a retry would post it again


def test_slow_answer_is_unclear(server: XServer, channel: XChannel) -> None:
    server.fail("POST /2/tweets", Fault(delay=1.0))
    assert failure(lambda: channel.publish(post())).kind is ErrorKind.UNCLEAR


def test_slow_delete_is_only_transient(server: XServer, channel: XChannel) -> None:
    server.fail("DELETE /2/tweets/:id", Fault(delay=1.0))
    assert failure(lambda: channel.delete("5")).kind is ErrorKind.TRANSIENT


def test_closed_port_is_offline() -> None:
    closed = XChannel(account(f"http://127.0.0.1:{closed_port()}"), timeout=FAST)
    try:
        assert failure(lambda: closed.publish(post())).kind is ErrorKind.OFFLINE
    finally:
        closed.close()
