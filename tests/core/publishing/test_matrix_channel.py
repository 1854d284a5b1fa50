"""The Matrix channel: events built without I/O, then sent to a real Synapse on 127.0.0.1."""

from __future__ import annotations

import io
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PIL import Image as PILImage

from kriseninfo.counting.platforms import Platform
from kriseninfo.publishing.channel import AccountConfig, Image, Post
from kriseninfo.publishing.channels import matrix
from kriseninfo.publishing.channels.matrix import (
    MatrixChannel,
    Thread,
    image_event,
    matrix_error,
    text_event,
    thread_for,
)
from kriseninfo.publishing.errors import SendError
from kriseninfo.publishing.registry import channel_class
from kriseninfo.publishing.states import ErrorKind
from tests.support import synapse_server
from tests.support.synapse_server import SynapseServer, User

FAST = (5.0, 60.0)  # connect, read: generous, since a busy machine may answer late
slow = pytest.mark.slow  # starts Synapse (once per session)


def png(width: int = 3, height: int = 2) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


MAP = Image("sperrgebiet.png", "image/png", png(), "Karte des Sperrgebiets um die Fundstelle")


def post(key: str, text: str = "Warnung: Hochwasser an der Elbe.", **kwargs: Any) -> Post:
    return Post(key=key, text=text, **kwargs)


def kind_of(call: object) -> SendError:
    assert callable(call)
    with pytest.raises(SendError) as raised:
        call()
    return raised.value


# -- building events ---------------------------------------------------------------------------
def test_registry_finds_the_channel() -> None:
    cls = channel_class(Platform.MATRIX)
    assert cls is MatrixChannel
    assert cls.idempotent and cls.can_delete and cls.can_list_recent and not cls.manual
    assert [f.name for f in cls.fields] == ["homeserver", "room", "access_token"]
    assert [f.name for f in cls.fields if f.secret] == ["access_token"]


def test_text_is_plain_under_a_transaction_id_from_the_key() -> None:
    event = text_event(post("k-1"), None)
    assert event.txn_id == "kriseninfo-k-1"
    assert event.content == {
        "msgtype": "m.text",
        "body": "Warnung: Hochwasser an der Elbe.",
        "m.mentions": {},
    }


def test_a_reply_joins_the_parents_thread_with_a_reply_fallback() -> None:
    assert thread_for(None) is None
    assert thread_for("$text,$image") == Thread("$text", "$text")
    assert thread_for("$reply,$image|$root") == Thread("$root", "$reply")
    event = text_event(post("k-2", reply_to="$reply|$root"), thread_for("$reply|$root"))
    assert event.content["m.relates_to"] == {
        "rel_type": "m.thread",
        "event_id": "$root",
        "is_falling_back": True,
        "m.in_reply_to": {"event_id": "$reply"},
    }


def test_an_image_carries_its_alt_text_as_body() -> None:
    event = image_event(post("k-3"), 0, MAP, "mxc://localhost/abc", None)
    assert event.txn_id == "kriseninfo-k-3-image-0"
    assert event.content == {
        "msgtype": "m.image",
        "body": "Karte des Sperrgebiets um die Fundstelle",
        "filename": "sperrgebiet.png",
        "url": "mxc://localhost/abc",
        "info": {"mimetype": "image/png", "size": len(MAP.data), "w": 3, "h": 2},
        "m.mentions": {},
    }
    bare = Image("lage.jpg", "image/jpeg", b"not a picture", "  ")
    content = image_event(post("k-3"), 1, bare, "mxc://localhost/def", None).content
    assert content["body"] == "lage.jpg" and content["info"] == {
        "mimetype": "image/jpeg",
        "size": 13,
    }


def test_an_event_too_big_for_matrix_is_refused_before_sending() -> None:
    error = kind_of(lambda: text_event(post("k-4", "ä" * 31_000), None))
    assert (error.kind, error.code) == (ErrorKind.PERMANENT, "too_long")


def test_platform_ids_and_links() -> None:
    assert matrix.join_id(["$a", "$b"], "$r") == "$a,$b|$r"
    assert matrix.split_id("$a,$b|$r") == (["$a", "$b"], "$r")
    assert matrix.split_id("$a") == (["$a"], None)
    assert (
        matrix.permalink("#kreis:example.org", "$ev")
        == "https://matrix.to/#/%23kreis%3Aexample.org/%24ev"
    )
    assert matrix.permalink("!r:example.org", "$ev").endswith("/%24ev?via=example.org")


@pytest.mark.parametrize(
    ("status", "body", "kind", "code", "wait"),
    [
        (
            429,
            {"errcode": "M_LIMIT_EXCEEDED", "error": "Too many", "retry_after_ms": 1500},
            ErrorKind.RATE_LIMITED,
            "rate_limited",
            1.5,
        ),
        (401, {"errcode": "M_UNKNOWN_TOKEN", "error": "Invalid"}, ErrorKind.AUTH, "auth", None),
        (
            403,
            {"errcode": "M_FORBIDDEN", "error": "not in room"},
            ErrorKind.PERMANENT,
            "forbidden",
            None,
        ),
        (403, {"errcode": "M_USER_DEACTIVATED"}, ErrorKind.AUTH, "auth", None),
        (403, {"errcode": "M_USER_SUSPENDED"}, ErrorKind.PERMANENT, "blocked", None),
        (413, {"errcode": "M_TOO_LARGE"}, ErrorKind.PERMANENT, "too_large", None),
        (404, {"errcode": "M_NOT_FOUND"}, ErrorKind.PERMANENT, "not_found", None),
        (400, {"errcode": "M_UNKNOWN", "error": "bad"}, ErrorKind.PERMANENT, "rejected", None),
        (502, None, ErrorKind.TRANSIENT, "server_error", None),
    ],
)
def test_error_answers(
    status: int, body: Any, kind: ErrorKind, code: str, wait: float | None
) -> None:
    error = matrix_error(status, body, {})
    assert (error.kind, error.code, error.retry_after) == (kind, code, wait)


def test_a_rate_limit_without_retry_after_ms_reads_the_header() -> None:
    error = matrix_error(429, {"errcode": "M_LIMIT_EXCEEDED"}, {"Retry-After": "7"})
    assert error.retry_after == 7.0


def test_recent_keeps_our_text_messages_only() -> None:
    chunk: list[dict[str, Any]] = [
        {"type": "m.room.message", "event_id": "$img", "content": {"msgtype": "m.image"}},
        {"type": "m.room.message", "event_id": "$gone", "content": {}},
        {
            "type": "m.room.message",
            "event_id": "$t",
            "origin_server_ts": 1_764_000_000_000,
            "content": {
                "msgtype": "m.text",
                "body": "Entwarnung",
                "m.relates_to": {"rel_type": "m.thread", "event_id": "$root"},
            },
        },
    ]
    (only,) = matrix.recent_posts(chunk, "#kreis:example.org")
    assert only.platform_id == "$t|$root" and only.text == "Entwarnung"
    assert only.created_at is not None and only.created_at.year == 2025


# -- against a real Synapse --------------------------------------------------------------------
@dataclass(frozen=True)
class Homeserver:
    server: SynapseServer
    admin: User
    kreis: User  # the channel's account
    flood: User  # an account that a test may put under the strict message rate limit
    room_id: str  # kreis and flood are members
    alias: str
    closed_room: str  # kreis is not a member


@pytest.fixture(scope="session")
def homeserver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Homeserver]:
    if not synapse_server.available():  # it is in the test extra: `make test` installs it
        pytest.fail("matrix-synapse is not installed; run `make test` (pip install -e .[test])")
    server = SynapseServer(tmp_path_factory.mktemp("synapse"))
    server.start()
    try:
        admin = server.register("admin", admin=True)
        kreis = server.register("kreis")
        flood = server.register("flood")
        room_id = server.create_room(kreis, alias="kreisinfo")
        server.join(flood, room_id)
        closed_room = server.create_room(admin, alias="stab", public=False)
        yield Homeserver(
            server,
            admin,
            kreis,
            flood,
            room_id,
            f"#kreisinfo:{synapse_server.SERVER_NAME}",
            closed_room,
        )
    finally:
        server.close()


def account(home: Homeserver, room: str | None = None, token: str | None = None) -> AccountConfig:
    room = home.alias if room is None else room
    return AccountConfig(
        1,
        Platform.MATRIX,
        "Kreis Info",
        room,
        {"homeserver": home.server.url, "room": room},
        {"access_token": home.kreis.access_token if token is None else token},
    )


@pytest.fixture
def channel(homeserver: Homeserver) -> Iterator[MatrixChannel]:
    opened = MatrixChannel(account(homeserver), timeout=FAST)
    yield opened
    opened.close()


def ours(home: Homeserver, body: str) -> list[dict[str, Any]]:
    """The room's message events with this body, as another member reads them."""
    events = home.server.messages(home.flood, home.room_id)
    return [e for e in events if e["content"].get("body") == body]


@slow
def test_a_post_is_a_message_in_the_room(homeserver: Homeserver, channel: MatrixChannel) -> None:
    published = channel.publish(post("text-1", "Bombenfund: Evakuierung bis 14 Uhr."))
    (event,) = ours(homeserver, "Bombenfund: Evakuierung bis 14 Uhr.")
    assert published.platform_id == event["event_id"]
    assert event["sender"] == homeserver.kreis.user_id
    assert event["content"]["msgtype"] == "m.text"
    assert published.url == matrix.permalink(homeserver.alias, event["event_id"])


@slow
def test_a_retry_with_the_same_key_returns_the_same_event(homeserver: Homeserver) -> None:
    text = "Trinkwasser abkochen (Wiederholung)."
    photo = Image("abkochen.png", "image/png", png(), "Topf mit kochendem Wasser")
    first = MatrixChannel(account(homeserver), timeout=FAST)
    again = MatrixChannel(account(homeserver), timeout=FAST)  # a restarted worker
    try:
        one = first.publish(post("retry-1", text, images=(photo,)))
        two = again.publish(post("retry-1", text, images=(photo,)))
    finally:
        first.close()
        again.close()
    assert one.platform_id == two.platform_id
    assert len(ours(homeserver, text)) == 1
    assert len(ours(homeserver, photo.alt)) == 1


@slow
def test_an_answer_lost_after_sending_is_safe_to_retry(homeserver: Homeserver) -> None:
    text = "Sirenenprobe entfällt."
    # The room by id: no directory lookup, so the first request is the send itself.
    hasty = MatrixChannel(account(homeserver, room=homeserver.room_id), timeout=(1.0, 0.0001))
    try:
        error = kind_of(lambda: hasty.publish(post("lost-1", text)))
    finally:
        hasty.close()
    assert (error.kind, error.code) == (ErrorKind.TRANSIENT, "timeout")
    (lost,) = _arrived(homeserver, text)  # Synapse made the event; only the answer is lost
    patient = MatrixChannel(account(homeserver), timeout=FAST)
    try:
        published = patient.publish(post("lost-1", text))
    finally:
        patient.close()
    assert [e["event_id"] for e in ours(homeserver, text)] == [lost["event_id"]]
    assert published.platform_id == lost["event_id"]


def _arrived(home: Homeserver, body: str, within: float = 60.0) -> list[dict[str, Any]]:
    deadline = time.monotonic() + within
    while not (found := ours(home, body)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return found


@slow
def test_thread_replies_go_to_the_root(homeserver: Homeserver, channel: MatrixChannel) -> None:
    root = channel.publish(post("thread-1", "Lage 1/3: Stromausfall im Ortsteil Nord."))
    second = channel.publish(post("thread-2", "Lage 2/3", reply_to=root.platform_id))
    third = channel.publish(post("thread-3", "Lage 3/3", reply_to=second.platform_id))
    assert second.platform_id.endswith(f"|{root.platform_id}")
    (second_event,) = ours(homeserver, "Lage 2/3")
    (third_event,) = ours(homeserver, "Lage 3/3")
    assert second_event["content"]["m.relates_to"] == {
        "rel_type": "m.thread",
        "event_id": root.platform_id,
        "is_falling_back": True,
        "m.in_reply_to": {"event_id": root.platform_id},
    }
    third_relation = third_event["content"]["m.relates_to"]
    assert third_relation["event_id"] == root.platform_id  # threads do not nest
    assert third_relation["m.in_reply_to"] == {
        "event_id": matrix.split_id(second.platform_id)[0][0]
    }
    assert third.platform_id == f"{third_event['event_id']}|{root.platform_id}"


@slow
def test_images_follow_the_text_with_alt_text(
    homeserver: Homeserver, channel: MatrixChannel
) -> None:
    other = Image("ausgabe.png", "image/png", png(4, 4), "Ausgabestelle Wasser am Markt")
    published = channel.publish(post("image-1", "Wasserausgabe ab 10 Uhr.", images=(MAP, other)))
    text_id, first_id, second_id = matrix.split_id(published.platform_id)[0]
    first = homeserver.server.event(homeserver.flood, homeserver.room_id, first_id)["content"]
    second = homeserver.server.event(homeserver.flood, homeserver.room_id, second_id)["content"]
    assert (first["msgtype"], first["body"], first["filename"]) == (
        "m.image",
        MAP.alt,
        MAP.filename,
    )
    assert first["info"] == {"mimetype": "image/png", "size": len(MAP.data), "w": 3, "h": 2}
    assert homeserver.server.download(homeserver.flood, first["url"]) == MAP.data
    assert homeserver.server.download(homeserver.flood, second["url"]) == other.data
    assert second["body"] == "Ausgabestelle Wasser am Markt"
    # The text comes first in the timeline, the images after it, in order.
    order = [
        e["event_id"] for e in homeserver.server.messages(homeserver.flood, homeserver.room_id)
    ]
    assert order.index(second_id) < order.index(first_id) < order.index(text_id)  # newest first


@slow
def test_images_of_a_thread_reply_stay_in_the_thread(
    homeserver: Homeserver, channel: MatrixChannel
) -> None:
    root = channel.publish(post("timg-1", "Hochwasser: Pegel steigt."))
    reply = channel.publish(post("timg-2", "Pegelkarte", images=(MAP,), reply_to=root.platform_id))
    (text_id, image_id), thread_root = matrix.split_id(reply.platform_id)
    assert thread_root == root.platform_id
    content = homeserver.server.event(homeserver.flood, homeserver.room_id, image_id)["content"]
    assert content["m.relates_to"]["event_id"] == root.platform_id
    assert content["m.relates_to"]["m.in_reply_to"] == {"event_id": text_id}


@slow
def test_delete_redacts_every_event_of_the_post(
    homeserver: Homeserver, channel: MatrixChannel
) -> None:
    published = channel.publish(post("redact-1", "Falschmeldung", images=(MAP,)))
    channel.delete(published.platform_id)
    channel.delete(published.platform_id)  # again: already gone is fine
    for event_id in matrix.split_id(published.platform_id)[0]:
        event = homeserver.server.event(homeserver.flood, homeserver.room_id, event_id)
        assert event["content"] == {}
        assert "redacted_because" in event["unsigned"]


@slow
def test_recent_lists_our_text_posts_newest_first(
    homeserver: Homeserver, channel: MatrixChannel
) -> None:
    channel.publish(post("recent-1", "Erste Meldung"))
    channel.publish(post("recent-2", "Zweite Meldung", images=(MAP,)))
    gone = channel.publish(post("recent-3", "Zurückgezogen"))
    channel.delete(gone.platform_id)
    texts = [p.text for p in channel.recent(2)]
    assert texts == ["Zweite Meldung", "Erste Meldung"]


@slow
def test_verify_names_the_account(homeserver: Homeserver, channel: MatrixChannel) -> None:
    check = channel.verify()
    assert check.display_name == homeserver.kreis.user_id
    assert check.max_characters is None
    assert homeserver.room_id in check.detail


@slow
def test_verify_refuses_a_room_the_account_is_not_in(homeserver: Homeserver) -> None:
    outsider = MatrixChannel(account(homeserver, room=homeserver.closed_room), timeout=FAST)
    try:
        error = kind_of(outsider.verify)
    finally:
        outsider.close()
    assert (error.kind, error.code) == (ErrorKind.PERMANENT, "forbidden")


@slow
def test_a_wrong_token_is_an_auth_error(homeserver: Homeserver) -> None:
    wrong = MatrixChannel(account(homeserver, token="syt_not_a_token"), timeout=FAST)
    try:
        error = kind_of(lambda: wrong.publish(post("auth-1")))
        assert (error.kind, error.code) == (ErrorKind.AUTH, "auth")
        assert "M_UNKNOWN_TOKEN" in error.detail
        assert kind_of(wrong.verify).kind is ErrorKind.AUTH
    finally:
        wrong.close()


@slow
def test_a_room_the_account_is_not_in_is_forbidden(homeserver: Homeserver) -> None:
    outsider = MatrixChannel(account(homeserver, room=homeserver.closed_room), timeout=FAST)
    try:
        error = kind_of(lambda: outsider.publish(post("closed-1")))
    finally:
        outsider.close()
    assert (error.kind, error.code) == (ErrorKind.PERMANENT, "forbidden")
    assert "M_FORBIDDEN" in error.detail


@slow
def test_an_unknown_alias_is_not_found(homeserver: Homeserver) -> None:
    lost = MatrixChannel(account(homeserver, room="#gibtsnicht:localhost"), timeout=FAST)
    try:
        error = kind_of(lambda: lost.publish(post("alias-1")))
    finally:
        lost.close()
    assert (error.kind, error.code) == (ErrorKind.PERMANENT, "not_found")


def test_a_closed_port_is_offline(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = AccountConfig(
        1,
        Platform.MATRIX,
        "Kreis Info",
        "!r:localhost",
        {"homeserver": f"http://127.0.0.1:{port}", "room": "!r:localhost"},
        {"access_token": "t"},
    )
    closed = MatrixChannel(config, timeout=FAST)
    try:
        error = kind_of(lambda: closed.publish(post("offline-1")))
    finally:
        closed.close()
    assert error.kind is ErrorKind.OFFLINE


@slow
def test_synapse_rate_limit_is_rate_limited_and_the_retry_completes_the_post(
    homeserver: Homeserver,
) -> None:
    """Under the strict limit `flood` may send one event: the text goes out, its image is
    refused. Once the limit is lifted, the retry resends the text (the same transaction,
    so still one message) and completes the post with its image."""
    text = "Straßensperrung B 57 (gebremst)."
    photo = Image("sperrung.png", "image/png", png(), "Umleitung über die Kreisstraße")
    flooding = MatrixChannel(
        account(homeserver, room=homeserver.room_id, token=homeserver.flood.access_token),
        timeout=FAST,
    )
    homeserver.server.limit(homeserver.flood)
    try:
        error = kind_of(lambda: flooding.publish(post("flood-1", text, images=(photo,))))
        assert error.kind is ErrorKind.RATE_LIMITED and "M_LIMIT_EXCEEDED" in error.detail
        # Synapse's retry_after_ms: the bucket (0.001/s) refills 1,000 s after the text.
        assert error.retry_after is not None and 900 < error.retry_after <= 1000
        assert len(ours(homeserver, text)) == 1 and ours(homeserver, photo.alt) == []
        homeserver.server.unlimit(homeserver.flood)  # as if the bucket had refilled
        published = flooding.publish(post("flood-1", text, images=(photo,)))
    finally:
        homeserver.server.unlimit(homeserver.flood)
        flooding.close()
    (text_event_,) = ours(homeserver, text)  # the retry resent the text: still one
    (image_event_,) = ours(homeserver, photo.alt)
    assert matrix.split_id(published.platform_id)[0] == [
        text_event_["event_id"],
        image_event_["event_id"],
    ]
