"""The Bluesky channel: the record it builds (pure), and what it does against a local PDS."""

from __future__ import annotations

import io
import socket
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from PIL import Image as Picture

from kriseninfo.counting.platforms import Platform
from kriseninfo.publishing.channel import AccountConfig, Image, Post
from kriseninfo.publishing.channels.bluesky import (
    CHANNEL,
    BlueskyChannel,
    PostRef,
    StrongRef,
    build_record,
    check_post,
    encode_tid,
    images_embed,
    is_tid,
    iso_datetime,
    mentioned_handles,
    record_key,
    text_facets,
)
from kriseninfo.publishing.errors import SendError
from kriseninfo.publishing.states import ErrorKind
from tests.support.bluesky_server import FakePDS, Scripted, error

CREATED = datetime(2026, 11, 27, 9, 0, 12, 345678, tzinfo=UTC)
FIREFIGHTERS = "feuerwehr-moers.bsky.social"
FIREFIGHTERS_DID = "did:plc:feuerwehr4moers7test"
#: Non-ASCII letters and an emoji (4 bytes, a ZWJ sequence) before the link.
RICH = (
    "Straße gesperrt 🚧👩‍🚒 Umleitung: https://moers.de/sperrung. "
    f"Fragen an @{FIREFIGHTERS} oder @niemand.example.com #Hochwasser"
)


def post(key: str = "delivery-1", text: str = "Die B57 ist wieder frei.", **kwargs: object) -> Post:
    return Post(key=key, text=text, created_at=CREATED, **kwargs)  # type: ignore[arg-type]


def png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Picture.new("RGB", (width, height), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


@pytest.fixture(autouse=True)
def _only_localhost(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing but 127.0.0.1 is ever contacted (and no proxy sits in between)."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    real = socket.create_connection

    def guarded(address: tuple[str, int], *args: object, **kwargs: object) -> socket.socket:
        assert address[0] == "127.0.0.1", f"tried to reach {address[0]}"
        return real(address, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "create_connection", guarded)


@pytest.fixture
def pds() -> Iterator[FakePDS]:
    with FakePDS() as server:
        server.handles[FIREFIGHTERS] = FIREFIGHTERS_DID
        yield server


def make_channel(service: str, handle: str, password: str, read: float = 2.0) -> BlueskyChannel:
    account = AccountConfig(
        1,
        Platform.BLUESKY,
        "Krisenstab",
        handle,
        {"service": service, "handle": handle},
        {"app_password": password},
    )
    return BlueskyChannel(account, timeout=httpx.Timeout(read, connect=1.0))


@pytest.fixture
def channel(pds: FakePDS) -> Iterator[BlueskyChannel]:
    made = make_channel(pds.url, pds.handle, pds.password)
    yield made
    made.close()


def fails(call: object, *args: object) -> SendError:
    with pytest.raises(SendError) as caught:
        call(*args)  # type: ignore[operator]
    return caught.value


# -- the record, without a server --------------------------------------------------------------
def test_tid_syntax() -> None:
    assert encode_tid(0, 0) == "2222222222222"
    largest = encode_tid((1 << 53) - 1, 1023)
    assert len(largest) == 13 and largest[0] in "234567ab" and is_tid(largest)
    with pytest.raises(ValueError):
        encode_tid(1 << 53, 0)


def test_record_key_is_stable_valid_and_sorts_by_creation() -> None:
    key = record_key("delivery-1", CREATED)
    assert is_tid(key)
    assert key == record_key("delivery-1", CREATED)  # a retry asks for the same key
    assert key != record_key("delivery-2", CREATED)
    later = record_key("delivery-0", CREATED + timedelta(seconds=1))
    assert key < later
    assert is_tid(record_key("delivery-1", None))
    # The time part is the creation second: decode the 53 bits back.
    value = 0
    for char in key:
        value = value * 32 + "234567abcdefghijklmnopqrstuvwxyz".index(char)
    assert (value >> 10) // 1_000_000 == int(CREATED.timestamp())


def test_many_keys_in_one_second_do_not_collide() -> None:
    keys = {record_key(f"message-7/part-{n}", CREATED) for n in range(5000)}
    assert len(keys) == 5000


def test_facets_count_utf8_bytes() -> None:
    facets = text_facets(RICH, {FIREFIGHTERS: FIREFIGHTERS_DID, "niemand.example.com": None})
    raw = RICH.encode("utf-8")
    found = [
        (raw[f["index"]["byteStart"] : f["index"]["byteEnd"]].decode(), f["features"][0])
        for f in facets
    ]
    assert found == [
        (
            "https://moers.de/sperrung",
            {"$type": "app.bsky.richtext.facet#link", "uri": "https://moers.de/sperrung"},
        ),
        (f"@{FIREFIGHTERS}", {"$type": "app.bsky.richtext.facet#mention", "did": FIREFIGHTERS_DID}),
        ("#Hochwasser", {"$type": "app.bsky.richtext.facet#tag", "tag": "Hochwasser"}),
    ]
    link = facets[0]["index"]
    assert link["byteStart"] == len(RICH[: RICH.index("https")].encode("utf-8"))
    assert link["byteStart"] > RICH.index("https")  # bytes, not characters
    assert mentioned_handles(RICH) == [FIREFIGHTERS, "niemand.example.com"]


def test_link_without_scheme_gets_one() -> None:
    (facet,) = text_facets("Infos auf moers.de/hochwasser", {})
    assert facet["features"][0]["uri"] == "https://moers.de/hochwasser"


def test_platform_id_carries_the_thread_root() -> None:
    root = StrongRef("at://did:plc:a/app.bsky.feed.post/3aaaaaaaaaaaa", "bafyroot")
    reply = PostRef(StrongRef("at://did:plc:a/app.bsky.feed.post/3bbbbbbbbbbbb", "bafyr"), root)
    assert PostRef(root, root).platform_id == f"{root.uri}|{root.cid}"
    assert PostRef.parse(reply.platform_id) == reply
    assert PostRef.parse(PostRef(root, root).platform_id) == PostRef(root, root)
    assert reply.reply() == {"root": root.as_record(), "parent": reply.post.as_record()}
    for bad in ("12345", "at://x|", "https://bsky.app/x|cid"):
        with pytest.raises(ValueError):
            PostRef.parse(bad)


def test_build_record() -> None:
    parent = PostRef.parse("at://did:plc:a/app.bsky.feed.post/3aaaaaaaaaaaa|bafyroot")
    record = build_record(post(language="de"), now=datetime.now(UTC), parent=parent)
    assert record == {
        "$type": "app.bsky.feed.post",
        "text": "Die B57 ist wieder frei.",
        "createdAt": "2026-11-27T09:00:12.345Z",
        "langs": ["de"],
        "reply": parent.reply(),
    }
    assert iso_datetime(datetime(2026, 1, 2, 3, 4, 5)) == "2026-01-02T03:04:05.000Z"


def test_images_embed_has_alt_and_aspect_ratio() -> None:
    images = (Image("karte.png", "image/png", png(40, 30), "Karte der Sperrung"),)
    blob = {"$type": "blob", "ref": {"$link": "bafkreix"}, "mimeType": "image/png", "size": 9}
    assert images_embed(images, [blob]) == {
        "$type": "app.bsky.embed.images",
        "images": [
            {"alt": "Karte der Sperrung", "image": blob, "aspectRatio": {"width": 40, "height": 30}}
        ],
    }
    unreadable = (Image("x.png", "image/png", b"not a png", ""),)
    assert "aspectRatio" not in images_embed(unreadable, [blob])["images"][0]  # type: ignore[index]
    assert images_embed((), []) is None


def test_refused_before_sending() -> None:
    assert fails(check_post, post(text="x" * 301)).code == "too_long"
    check_post(post(text="ä" * 300))  # 300 graphemes, 600 bytes
    # 300 graphemes but 3300 bytes: the lexicon's second limit
    assert fails(check_post, post(text="👩‍🚒" * 300)).code == "too_long"
    five = tuple(Image(f"{n}.png", "image/png", b"x", "") for n in range(5))
    assert fails(check_post, post(images=five)).code == "too_many_images"
    big = (Image("big.jpg", "image/jpeg", b"x" * 1_000_001, ""),)
    assert fails(check_post, post(images=big)).code == "too_large"


# -- against the local PDS ---------------------------------------------------------------------
def test_channel_declares_itself() -> None:
    assert CHANNEL is BlueskyChannel
    assert BlueskyChannel.platform is Platform.BLUESKY
    assert BlueskyChannel.idempotent and BlueskyChannel.can_delete
    assert [(f.name, f.secret) for f in BlueskyChannel.fields] == [
        ("service", False),
        ("handle", False),
        ("app_password", True),
    ]


def test_plain_post(pds: FakePDS, channel: BlueskyChannel) -> None:
    published = channel.publish(post())
    rkey = record_key("delivery-1", CREATED)
    uri = f"at://{pds.did}/app.bsky.feed.post/{rkey}"
    assert published.platform_id == f"{uri}|{pds.records[rkey].cid}"
    assert published.url == f"https://bsky.app/profile/{pds.handle}/post/{rkey}"
    assert pds.records[rkey].value == {
        "$type": "app.bsky.feed.post",
        "text": "Die B57 ist wieder frei.",
        "createdAt": "2026-11-27T09:00:12.345Z",
        "langs": ["de"],
    }
    assert pds.created == {rkey: 1}
    assert pds.logins == 1
    channel.publish(post("delivery-2"))
    assert pds.logins == 1  # the session is kept


def test_facets_reach_the_pds(pds: FakePDS, channel: BlueskyChannel) -> None:
    channel.publish(post(text=RICH))
    (stored,) = pds.records.values()
    raw = RICH.encode("utf-8")
    spans = {
        raw[f["index"]["byteStart"] : f["index"]["byteEnd"]].decode(): f["features"][0]
        for f in stored.value["facets"]
    }
    assert spans == {
        "https://moers.de/sperrung": {
            "$type": "app.bsky.richtext.facet#link",
            "uri": "https://moers.de/sperrung",
        },
        f"@{FIREFIGHTERS}": {"$type": "app.bsky.richtext.facet#mention", "did": FIREFIGHTERS_DID},
        "#Hochwasser": {"$type": "app.bsky.richtext.facet#tag", "tag": "Hochwasser"},
    }  # the handle that does not resolve stays plain text


def test_thread_replies_name_root_and_parent(pds: FakePDS, channel: BlueskyChannel) -> None:
    first = channel.publish(post("part-0", "1/3 Hochwasser am Rhein."))
    second = channel.publish(post("part-1", "2/3 Deiche halten.", reply_to=first.platform_id))
    third = channel.publish(post("part-2", "3/3 Nächste Lage 18 Uhr.", reply_to=second.platform_id))
    root = PostRef.parse(first.platform_id).post
    for published, parent in ((second, first), (third, second)):
        ref = PostRef.parse(published.platform_id)
        assert ref.root == root
        stored = pds.records[ref.post.uri.rsplit("/", 1)[1]]
        assert stored.value["reply"] == {
            "root": root.as_record(),
            "parent": PostRef.parse(parent.platform_id).post.as_record(),
        }


def test_reply_to_a_bare_at_uri_looks_up_its_thread(pds: FakePDS, channel: BlueskyChannel) -> None:
    first = channel.publish(post("part-0", "1/2"))
    second = channel.publish(post("part-1", "2/2", reply_to=first.platform_id))
    bare = PostRef.parse(second.platform_id).post.uri
    third = channel.publish(post("part-2", "Nachtrag", reply_to=bare))
    assert PostRef.parse(third.platform_id).root == PostRef.parse(first.platform_id).post
    gone = fails(channel.publish, post("part-3", "x", reply_to=bare[:-3] + "zzz"))
    assert (gone.kind, gone.code) == (ErrorKind.PERMANENT, "parent_missing")


def test_image_with_alt_text(pds: FakePDS, channel: BlueskyChannel) -> None:
    picture = png(64, 48)
    channel.publish(post(images=(Image("karte.png", "image/png", picture, "Karte: Sperrung"),)))
    (stored,) = pds.records.values()
    (entry,) = stored.value["embed"]["images"]
    assert entry["alt"] == "Karte: Sperrung"
    assert entry["aspectRatio"] == {"width": 64, "height": 48}
    assert pds.blobs[entry["image"]["ref"]["$link"]] == ("image/png", picture)
    assert entry["image"]["size"] == len(picture)


def test_delete_and_delete_again(pds: FakePDS, channel: BlueskyChannel) -> None:
    published = channel.publish(post())
    channel.delete(published.platform_id)
    assert pds.records == {}
    channel.delete(published.platform_id)  # already gone counts as done
    pds.script("com.atproto.repo.deleteRecord", error(400, "RecordNotFound", "Could not locate"))
    channel.delete(published.platform_id)


def test_lost_answer_is_found_under_the_record_key(pds: FakePDS, channel: BlueskyChannel) -> None:
    pds.script("com.atproto.repo.createRecord", Scripted(handle=True, drop=True))
    published = channel.publish(post())
    rkey = record_key("delivery-1", CREATED)
    assert published.platform_id.split("|")[0].endswith(rkey)
    assert pds.created == {rkey: 1}
    assert pds.calls["com.atproto.repo.getRecord"] == 1  # asked after the answer was lost


@pytest.mark.parametrize(
    "duplicate",
    [
        (500, "InternalServerError", "Internal Server Error"),  # the reference PDS today
        (400, "RecordAlreadyExists", "Record already exists"),
        (409, "RecordAlreadyExists", "Record already exists"),
    ],
)
def test_retry_after_a_dropped_connection_posts_once(
    pds: FakePDS, channel: BlueskyChannel, duplicate: tuple[int, str, str]
) -> None:
    pds.duplicate_answer = duplicate
    pds.script("com.atproto.repo.createRecord", Scripted(handle=True, drop=True))
    pds.script("com.atproto.repo.getRecord", Scripted(drop=True))
    lost = fails(channel.publish, post())
    assert lost.kind is ErrorKind.TRANSIENT  # the queue retries later
    retried = channel.publish(post())  # same key, same record key: detected
    rkey = record_key("delivery-1", CREATED)
    assert (
        retried.platform_id == f"at://{pds.did}/app.bsky.feed.post/{rkey}|{pds.records[rkey].cid}"
    )
    assert pds.created == {rkey: 1}
    assert pds.calls["com.atproto.repo.createRecord"] == 2


def test_read_timeout_after_sending(pds: FakePDS) -> None:
    slow = make_channel(pds.url, pds.handle, pds.password, read=0.3)
    try:
        pds.script("com.atproto.repo.createRecord", Scripted(handle=True, delay=0.6))
        pds.script("com.atproto.repo.getRecord", Scripted(handle=True, delay=0.6))
        started = time.monotonic()
        timed_out = fails(slow.publish, post())
        assert (timed_out.kind, timed_out.code) == (ErrorKind.TRANSIENT, "timeout")
        assert time.monotonic() - started < 1.5
        slow.publish(post())
        assert pds.created == {record_key("delivery-1", CREATED): 1}
    finally:
        slow.close()


def test_another_post_under_the_same_key_is_not_taken_for_ours(
    pds: FakePDS, channel: BlueskyChannel
) -> None:
    channel.publish(post(text="Erste Fassung"))
    clash = fails(channel.publish, post(text="Ganz anderer Text"))
    assert (clash.kind, clash.code) == (ErrorKind.PERMANENT, "rkey_taken")


def test_rate_limited_with_ratelimit_reset(pds: FakePDS, channel: BlueskyChannel) -> None:
    reset = str(int(time.time()) + 120)
    pds.script(
        "com.atproto.repo.createRecord",
        error(
            429,
            "RateLimitExceeded",
            "Rate Limit Exceeded",
            ratelimit_remaining="0",
            ratelimit_reset=reset,
            ratelimit_policy="5000;w=3600",
        ),
    )
    limited = fails(channel.publish, post())
    assert limited.kind is ErrorKind.RATE_LIMITED
    assert limited.retry_after is not None and 115 <= limited.retry_after <= 121
    assert pds.calls["com.atproto.repo.getRecord"] == 0  # nothing was created


def test_rate_limited_with_retry_after(pds: FakePDS, channel: BlueskyChannel) -> None:
    pds.script(
        "com.atproto.server.createSession", error(429, "RateLimitExceeded", retry_after="30")
    )
    limited = fails(channel.publish, post())
    assert (limited.kind, limited.retry_after) == (ErrorKind.RATE_LIMITED, 30.0)


def test_expired_token_logs_in_again(pds: FakePDS, channel: BlueskyChannel) -> None:
    channel.publish(post("delivery-1"))
    pds.expire_sessions()
    channel.publish(post("delivery-2"))
    assert pds.logins == 2
    assert len(pds.created) == 2


def test_short_lived_session_is_refreshed(pds: FakePDS, channel: BlueskyChannel) -> None:
    pds.access_lifetime = 60  # within the SDK's 15 minutes: refreshed before each use
    channel.publish(post("delivery-1"))
    channel.publish(post("delivery-2"))
    assert pds.logins == 1
    assert pds.calls["com.atproto.server.refreshSession"] >= 1
    assert len(pds.created) == 2


def test_mention_survives_an_unanswered_resolve(pds: FakePDS, channel: BlueskyChannel) -> None:
    pds.script("com.atproto.identity.resolveHandle", error(502, "UpstreamFailure", "down"))
    channel.publish(post(text=f"Danke @{FIREFIGHTERS}!"))
    (stored,) = pds.records.values()
    assert "facets" not in stored.value  # posted; the handle stays plain text


def test_unauthorized_twice_is_auth(pds: FakePDS, channel: BlueskyChannel) -> None:
    refused = error(401, "AuthenticationRequired", "Invalid token")
    pds.script("com.atproto.repo.createRecord", refused, refused)
    denied = fails(channel.publish, post())
    assert denied.kind is ErrorKind.AUTH
    assert pds.logins == 2  # logged in once more, then gave up


def test_wrong_app_password_is_auth(pds: FakePDS) -> None:
    wrong = make_channel(pds.url, pds.handle, "wrong-pass-word-1234")
    try:
        assert fails(wrong.verify).kind is ErrorKind.AUTH
        assert fails(wrong.publish, post()).kind is ErrorKind.AUTH
    finally:
        wrong.close()
    assert pds.created == {}


def test_server_error_is_transient(pds: FakePDS, channel: BlueskyChannel) -> None:
    pds.script("com.atproto.repo.createRecord", error(500, "InternalServerError", "boom"))
    failed = fails(channel.publish, post())
    assert (failed.kind, failed.code) == (ErrorKind.TRANSIENT, "server_error")
    assert pds.created == {}


def test_bad_request_is_permanent(pds: FakePDS, channel: BlueskyChannel) -> None:
    pds.script(
        "com.atproto.repo.createRecord",
        error(400, "InvalidRequest", "Invalid app.bsky.feed.post record: Record/langs"),
    )
    refused = fails(channel.publish, post())
    assert (refused.kind, refused.code) == (ErrorKind.PERMANENT, "rejected")
    assert "Record/langs" in refused.detail


def test_blob_too_large(pds: FakePDS, channel: BlueskyChannel) -> None:
    pds.blob_limit = 100
    big = (Image("karte.png", "image/png", png(300, 300), "Karte"),)
    refused = fails(channel.publish, post(images=big))
    assert (refused.kind, refused.code) == (ErrorKind.PERMANENT, "too_large")
    assert pds.created == {}


def test_connection_refused_is_offline() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    closed = make_channel(f"http://127.0.0.1:{port}", "krisenstab.bsky.social", "pass")
    try:
        assert fails(closed.publish, post()).kind is ErrorKind.OFFLINE
        assert fails(closed.verify).kind is ErrorKind.OFFLINE
    finally:
        closed.close()


def test_verify(pds: FakePDS, channel: BlueskyChannel) -> None:
    check = channel.verify()
    assert check.display_name == f"@{pds.handle}"
    assert check.max_characters == 300
    assert check.detail == pds.did


def test_recent(pds: FakePDS, channel: BlueskyChannel) -> None:
    first = channel.publish(post("part-0", "1/2 Erster Teil"))
    second = channel.publish(post("part-1", "2/2 Zweiter Teil", reply_to=first.platform_id))
    recent = channel.recent(limit=10)
    assert [(r.platform_id, r.url, r.text) for r in recent] == [
        (second.platform_id, second.url, "2/2 Zweiter Teil"),
        (first.platform_id, first.url, "1/2 Erster Teil"),
    ]
    assert recent[0].created_at == CREATED.replace(microsecond=345000)


# -- the local PDS itself ----------------------------------------------------------------------
def test_fake_pds_checks_the_lexicon(pds: FakePDS) -> None:
    with httpx.Client(base_url=f"{pds.url}/xrpc") as http:
        session = http.post(
            "com.atproto.server.createSession",
            json={"identifier": pds.handle, "password": pds.password},
        ).json()
        headers = {"Authorization": f"Bearer {session['accessJwt']}"}

        def create(record: dict[str, object], rkey: str = "3lzzzzzzzzzzz") -> httpx.Response:
            body = {
                "repo": pds.did,
                "collection": "app.bsky.feed.post",
                "rkey": rkey,
                "record": {"$type": "app.bsky.feed.post", **record},
            }
            return http.post("com.atproto.repo.createRecord", json=body, headers=headers)

        now = "2026-11-27T09:00:00.000Z"
        too_long = create({"text": "x" * 301, "createdAt": now})
        assert too_long.status_code == 400 and too_long.json()["error"] == "InvalidRequest"
        assert create({"text": "x"}).status_code == 400  # no createdAt
        outside = {
            "index": {"byteStart": 0, "byteEnd": 9},
            "features": [{"$type": "app.bsky.richtext.facet#tag", "tag": "x"}],
        }
        assert create({"text": "ab", "createdAt": now, "facets": [outside]}).status_code == 400
        assert create({"text": "ok", "createdAt": now}, rkey="not-a-tid").status_code == 400
        assert create({"text": "ok", "createdAt": now}).status_code == 200
        again = create({"text": "ok", "createdAt": now})
        assert (again.status_code, again.json()["error"]) == (500, "InternalServerError")
        assert pds.created == {"3lzzzzzzzzzzz": 1}
        missing = http.get(
            "com.atproto.repo.getRecord",
            params={"repo": pds.did, "collection": "app.bsky.feed.post", "rkey": "3laaaaaaaaaaa"},
            headers=headers,
        )
        assert (missing.status_code, missing.json()["error"]) == (400, "RecordNotFound")
        assert http.get("com.atproto.repo.getRecord").status_code == 401
