"""The Mastodon channel against the local server that answers in the recorded shapes of
a real instance: posts, replies, images through the v2 upload while still processing,
delete, the instance's limit, and every error mapped to what the queue does with it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from kriseninfo.counting.platforms import Platform
from kriseninfo.publishing.channel import AccountConfig, Image, Post
from kriseninfo.publishing.channels import mastodon as mastodon_channel
from kriseninfo.publishing.channels.mastodon import MastodonChannel
from kriseninfo.publishing.errors import SendError
from kriseninfo.publishing.states import ErrorKind
from tests.support import mastodon_server
from tests.support.mastodon_server import MastodonServer, Scripted

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
    b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture
def server() -> Iterator[MastodonServer]:
    with mastodon_server.running(max_characters=1000) as running:
        yield running


def channel_for(url: str, token: str = mastodon_server.TOKEN) -> MastodonChannel:
    return MastodonChannel(
        AccountConfig(
            id=1,
            platform=Platform.MASTODON,
            name="Stadt Moers",
            address="",
            settings={"instance": url},
            secrets={"access_token": token},
        )
    )


def post(key: str = "k1", text: str = "Bitte meiden Sie den Bahnhof.", **kw: object) -> Post:
    return Post(key=key, text=text, created_at=datetime(2026, 11, 27, tzinfo=UTC), **kw)  # type: ignore[arg-type]


def failure(call: object, *args: object) -> SendError:
    with pytest.raises(SendError) as caught:
        call(*args)  # type: ignore[operator]
    return caught.value


def test_post_reply_and_delete(server: MastodonServer) -> None:
    channel = channel_for(server.url)
    first = channel.publish(post("k1"))
    second = channel.publish(post("k2", "Fortsetzung.", reply_to=first.platform_id))
    assert first.url.startswith(server.url)
    assert server.statuses[second.platform_id]["in_reply_to_id"] == first.platform_id
    headers = [h for m, p, h in server.requests if (m, p) == ("POST", "/api/v1/statuses")]
    assert [h["Idempotency-Key"] for h in headers] == ["k1", "k2"]
    channel.delete(first.platform_id)
    channel.delete(first.platform_id)  # already gone is what we wanted
    assert [s["id"] for s in server.live_statuses()] == [second.platform_id]


def test_the_same_key_returns_the_first_status(server: MastodonServer) -> None:
    channel = channel_for(server.url)
    once = channel.publish(post("same"))
    again = channel.publish(post("same"))
    assert once == again and server.created_per_key["same"] == 1


def test_an_image_waits_until_the_instance_has_processed_it(
    server: MastodonServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mastodon_channel, "MEDIA_POLL", 0.01)
    server.processing_polls = 3
    image = Image("lageplan.png", "image/png", PNG, "Karte des Sperrgebiets rund um den Bahnhof")
    published = channel_for(server.url).publish(post(images=(image,)))
    (attachment,) = server.statuses[published.platform_id]["media_attachments"]
    assert attachment["description"] == "Karte des Sperrgebiets rund um den Bahnhof"
    polls = [p for m, p, _h in server.requests if m == "GET" and p.startswith("/api/v1/media/")]
    assert len(polls) == 3


def test_an_image_still_processing_is_tried_again_later(
    server: MastodonServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mastodon_channel, "MEDIA_POLL", 0.01)
    monkeypatch.setattr(mastodon_channel, "MEDIA_WAIT", 0.05)
    server.processing_polls = 1000
    image = Image("lageplan.png", "image/png", PNG, "Karte")
    error = failure(channel_for(server.url).publish, post(images=(image,)))
    assert (error.kind, error.code) == (ErrorKind.TRANSIENT, "media_processing")
    assert server.statuses == {}


def test_verify_reads_the_account_and_the_instance_limit(server: MastodonServer) -> None:
    found = channel_for(server.url).verify()
    assert found.max_characters == 1000 and "kriseninfo_test" in found.display_name


@pytest.mark.parametrize(
    ("answer", "kind", "code"),
    [
        (
            Scripted(status=422, body={"error": "Validation failed: Text too long"}),
            ErrorKind.PERMANENT,
            "rejected",
        ),
        (
            Scripted(status=401, body={"error": "The access token is invalid"}),
            ErrorKind.AUTH,
            "auth",
        ),
        (
            Scripted(status=403, body={"error": "This action is not allowed"}),
            ErrorKind.PERMANENT,
            "forbidden",
        ),
        (
            Scripted(
                status=429, body={"error": "Too many requests"}, headers={"Retry-After": "42"}
            ),
            ErrorKind.RATE_LIMITED,
            "rate_limited",
        ),
        (Scripted(status=503, body={}), ErrorKind.TRANSIENT, "server_error"),
        (Scripted(drop="after"), ErrorKind.TRANSIENT, "timeout"),
    ],
)
def test_errors_map_to_what_the_queue_does(
    server: MastodonServer, answer: Scripted, kind: ErrorKind, code: str
) -> None:
    server.then("post_status", answer)
    error = failure(channel_for(server.url).publish, post())
    assert (error.kind, error.code) == (kind, code)
    if kind is ErrorKind.RATE_LIMITED:
        assert error.retry_after is not None and 42 <= error.retry_after <= 43
    assert mastodon_server.TOKEN not in str(error)


def test_rate_limit_without_retry_after_uses_the_reset_header(server: MastodonServer) -> None:
    server.then("post_status", Scripted(status=429, body={"error": "Too many requests"}))
    error = failure(channel_for(server.url).publish, post())
    # The server's X-RateLimit-Reset is five minutes ahead.
    assert error.retry_after is not None and 250 <= error.retry_after <= 301


def test_a_reply_to_a_deleted_post_fails_with_its_reason(server: MastodonServer) -> None:
    error = failure(channel_for(server.url).publish, post(reply_to="999"))
    assert (error.kind, error.code) == (ErrorKind.PERMANENT, "parent_missing")


def test_a_wrong_token_and_a_closed_port(server: MastodonServer) -> None:
    assert failure(channel_for(server.url, "wrong").publish, post()).kind is ErrorKind.AUTH
    closed = failure(channel_for("http://127.0.0.1:9").publish, post())
    assert closed.kind is ErrorKind.OFFLINE
