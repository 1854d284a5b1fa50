"""The Facebook and Instagram channels: requests built without I/O, Graph errors read, then
everything sent to a local Graph API."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from dataclasses import replace

import pytest

from kriseninfo.counting.platforms import Platform
from kriseninfo.publishing.channel import AccountConfig, Image, Post
from kriseninfo.publishing.channels import facebook, instagram
from kriseninfo.publishing.channels._graph import graph_error, graph_time, usage_wait
from kriseninfo.publishing.channels.facebook import FacebookChannel
from kriseninfo.publishing.channels.instagram import InstagramChannel
from kriseninfo.publishing.errors import SendError
from kriseninfo.publishing.registry import channel_class
from kriseninfo.publishing.states import ErrorKind
from tests.support.graph_server import IG_USER, PAGE, TOKEN, VERSION, GraphServer, throttled
from tests.support.graph_server import graph_error as error_body
from tests.support.telegram_server import Fault

FAST = (0.5, 0.3)
IMAGES = "https://bilder.example/kriseninfo"
JPG = Image("sperrgebiet karte.jpg", "image/jpeg", b"\xff\xd8 fake", "Karte des Sperrgebiets")
JPG2 = Image("wasser.jpg", "image/jpeg", b"\xff\xd8 fake 2", "Ausgabestelle Wasser")
PNG = Image("lage.png", "image/png", b"\x89PNG fake", "Lagekarte")


def page_account(api_base: str, token: str = TOKEN) -> AccountConfig:
    return AccountConfig(
        3,
        Platform.FACEBOOK,
        "Landkreis",
        PAGE["name"],
        {"page_id": PAGE["id"], "api_base": api_base},
        {"access_token": token},
    )


def ig_account(api_base: str, token: str = TOKEN) -> AccountConfig:
    return AccountConfig(
        4,
        Platform.INSTAGRAM,
        "Landkreis",
        "@lk_musterstadt",
        {"ig_user_id": IG_USER["id"], "image_base_url": IMAGES, "api_base": api_base},
        {"access_token": token},
    )


def post(text: str = "Warnung: Hochwasser an der Elbe.", **kwargs: object) -> Post:
    return Post(key="k-3", text=text, **kwargs)  # type: ignore[arg-type]


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def failure(call: object) -> SendError:
    assert callable(call)
    with pytest.raises(SendError) as raised:
        call()
    return raised.value


@pytest.fixture
def server() -> Iterator[GraphServer]:
    with GraphServer() as running:
        yield running


@pytest.fixture
def page(server: GraphServer) -> Iterator[FacebookChannel]:
    opened = FacebookChannel(page_account(f"{server.url}/{VERSION}"), timeout=FAST)
    yield opened
    opened.close()


@pytest.fixture
def insta(server: GraphServer) -> Iterator[InstagramChannel]:
    opened = InstagramChannel(
        ig_account(f"{server.url}/{VERSION}"), timeout=FAST, poll=0.01, wait=0.5
    )
    yield opened
    opened.close()


# -- building requests -------------------------------------------------------------------------
def test_registry_finds_both_channels() -> None:
    assert channel_class(Platform.FACEBOOK) is FacebookChannel
    assert channel_class(Platform.INSTAGRAM) is InstagramChannel
    assert not FacebookChannel.idempotent and FacebookChannel.can_delete
    assert not InstagramChannel.idempotent and not InstagramChannel.can_delete
    assert {f.name for f in InstagramChannel.fields if not f.secret and f.required} == {
        "ig_user_id",
        "image_base_url",
    }


def test_facebook_text_post() -> None:
    call = facebook.build_feed("42", "Hallo")
    assert (call.method, call.path, dict(call.fields), call.creates) == (
        "POST",
        "/42/feed",
        {"message": "Hallo"},
        True,
    )


def test_facebook_photo_carries_caption_and_alt_text() -> None:
    call = facebook.build_photo("42", JPG, "Hallo", published=True)
    assert call.path == "/42/photos" and call.upload == ("source", JPG) and call.creates
    assert dict(call.fields) == {"caption": "Hallo", "alt_text_custom": "Karte des Sperrgebiets"}
    hidden = facebook.build_photo("42", JPG, published=False)
    assert hidden.fields["published"] == "false" and not hidden.creates


def test_facebook_several_photos_are_attached_to_one_post() -> None:
    call = facebook.build_feed("42", "Hallo", ["7", "8"])
    assert json.loads(call.fields["attached_media[1]"]) == {"media_fbid": "8"}


def test_facebook_reply_is_a_comment_on_the_parent() -> None:
    call = facebook.build_comment("42_7", "Update", "9")
    assert (call.path, dict(call.fields)) == (
        "/42_7/comments",
        {"message": "Update", "attachment_id": "9"},
    )
    assert (
        facebook.comment_url("42_7", "7_12") == "https://www.facebook.com/42/posts/7?comment_id=12"
    )


def test_instagram_needs_a_jpeg_at_a_public_address() -> None:
    assert instagram.image_urls(IMAGES + "/", post(images=(JPG,))) == [
        f"{IMAGES}/sperrgebiet%20karte.jpg"
    ]
    for bad, code in [
        (post(), "needs_image"),
        (post(images=(PNG,)), "image_type"),
        (post(images=(JPG,) * 11), "too_many_images"),
    ]:
        assert failure(lambda bad=bad: instagram.image_urls(IMAGES, bad)).code == code
    assert failure(lambda: instagram.image_urls("", post(images=(JPG,)))).code == "settings"


def test_instagram_containers() -> None:
    single = instagram.build_image("5", "https://b/x.jpg", JPG, "Hallo")
    assert dict(single.fields) == {
        "image_url": "https://b/x.jpg",
        "caption": "Hallo",
        "alt_text": "Karte des Sperrgebiets",
    }
    assert not single.creates
    item = instagram.build_image("5", "https://b/x.jpg", JPG2, carousel_item=True)
    assert item.fields["is_carousel_item"] == "true" and "caption" not in item.fields
    carousel = instagram.build_carousel("5", ["1", "2"], "Hallo")
    assert dict(carousel.fields) == {
        "media_type": "CAROUSEL",
        "children": "1,2",
        "caption": "Hallo",
    }
    assert instagram.build_publish("5", "9").creates


def test_container_states() -> None:
    assert instagram.container_ready({"status_code": "FINISHED"})
    assert not instagram.container_ready({"status_code": "IN_PROGRESS"})
    assert failure(lambda: instagram.container_ready({"status_code": "ERROR"})).kind is (
        ErrorKind.PERMANENT
    )
    assert failure(lambda: instagram.container_ready({"status_code": "EXPIRED"})).kind is (
        ErrorKind.TRANSIENT
    )


@pytest.mark.parametrize(
    ("body", "kind", "code"),
    [
        (
            error_body("Error validating access token: Session has expired", 190, 463),
            ErrorKind.AUTH,
            "auth",
        ),
        (error_body("(#200) Requires pages_manage_posts permission", 200), ErrorKind.AUTH, "auth"),
        (
            error_body("(#4) Application request limit reached", 4),
            ErrorKind.RATE_LIMITED,
            "rate_limited",
        ),
        (
            error_body("(#17) User request limit reached", 17),
            ErrorKind.RATE_LIMITED,
            "rate_limited",
        ),
        (
            error_body("(#613) Calls to this api have exceeded the rate limit.", 613),
            ErrorKind.RATE_LIMITED,
            "rate_limited",
        ),
        (
            error_body("You reached maximum number of posts", 9, 2207042),
            ErrorKind.RATE_LIMITED,
            "rate_limited",
        ),
        (
            error_body("It looks like you were misusing this feature", 368),
            ErrorKind.PERMANENT,
            "blocked",
        ),
        (error_body("Duplicate status message", 506), ErrorKind.PERMANENT, "duplicate"),
        (
            error_body("An unexpected error has occurred.", 2, is_transient=True),
            ErrorKind.TRANSIENT,
            "platform_busy",
        ),
        (
            error_body("Media ID is not available", 9007, 2207027),
            ErrorKind.TRANSIENT,
            "platform_busy",
        ),
        (error_body("(#100) Invalid parameter", 100), ErrorKind.PERMANENT, "rejected"),
    ],
)
def test_graph_errors(body: object, kind: ErrorKind, code: str) -> None:
    error = graph_error(400, body, {})
    assert (error.kind, error.code) == (kind, code)
    assert "fbtrace AbCdEfGhIjK" in error.detail


def test_graph_error_without_a_body() -> None:
    assert graph_error(502, None, {}).kind is ErrorKind.TRANSIENT
    assert graph_error(401, b"nope", {}).kind is ErrorKind.AUTH


def test_usage_header_names_the_wait() -> None:
    header = {
        "x-business-use-case-usage": json.dumps(
            {"1": [{"type": "pages", "estimated_time_to_regain_access": 3}]}
        )
    }
    assert usage_wait(header) == 180
    assert usage_wait({}) is None and usage_wait({"X-Business-Use-Case-Usage": "{"}) is None
    assert graph_time("2026-11-27T09:00:00+0000") is not None


# -- Facebook against the local Graph API ------------------------------------------------------
def test_facebook_post(server: GraphServer, page: FacebookChannel) -> None:
    published = page.publish(post())
    assert server.posts[published.platform_id]["message"] == "Warnung: Hochwasser an der Elbe."
    number = published.platform_id.partition("_")[2]
    assert published.url == f"https://www.facebook.com/{PAGE['id']}/posts/{number}"
    assert server.created == 1
    assert "access_token" not in server.requests[0].query  # the token is in a header


def test_facebook_photo_with_alt_text(server: GraphServer, page: FacebookChannel) -> None:
    published = page.publish(post(images=(JPG,)))
    (photo,) = server.posts[published.platform_id]["photos"]
    assert photo["alt_text_custom"] == "Karte des Sperrgebiets" and photo["published"]
    assert server.seen("POST /{page-id}/photos")[0].files["source"][2] == JPG.data


def test_facebook_several_photos(server: GraphServer, page: FacebookChannel) -> None:
    published = page.publish(post(images=(JPG, JPG2)))
    photos = server.posts[published.platform_id]["photos"]
    assert [p["alt_text_custom"] for p in photos] == [
        "Karte des Sperrgebiets",
        "Ausgabestelle Wasser",
    ]
    assert server.created == 1


def test_facebook_reply_is_a_comment(server: GraphServer, page: FacebookChannel) -> None:
    parent = page.publish(post("Teil 1"))
    reply = page.publish(post("Teil 2", reply_to=parent.platform_id, images=(JPG,)))
    comment = server.posts[reply.platform_id]
    assert comment["parent"] == parent.platform_id and comment["message"] == "Teil 2"
    assert not server.photos[comment["attachment"]]["published"]
    assert reply.url.startswith(parent.url + "?comment_id=")


def test_facebook_reply_to_a_deleted_post(page: FacebookChannel) -> None:
    error = failure(lambda: page.publish(post(reply_to=f"{PAGE['id']}_1")))
    assert (error.kind, error.code) == (ErrorKind.PERMANENT, "parent_missing")


def test_facebook_delete(server: GraphServer, page: FacebookChannel) -> None:
    published = page.publish(post())
    page.delete(published.platform_id)
    assert server.deleted == [published.platform_id]
    page.delete(published.platform_id)  # already gone is what we wanted


def test_facebook_verify_and_recent(page: FacebookChannel) -> None:
    check = page.verify()
    assert (check.display_name, check.max_characters) == ("Landkreis Musterstadt", 63206)
    page.publish(post("eins"))
    page.publish(post("zwei"))
    recent = page.recent(limit=1)
    assert [r.text for r in recent] == ["zwei"] and recent[0].created_at is not None


def test_facebook_expired_token_is_auth(server: GraphServer) -> None:
    wrong = FacebookChannel(page_account(f"{server.url}/{VERSION}", "expired"), timeout=FAST)
    try:
        assert failure(lambda: wrong.publish(post())).kind is ErrorKind.AUTH
    finally:
        wrong.close()


def test_facebook_throttled_waits_as_told(server: GraphServer, page: FacebookChannel) -> None:
    server.fail("POST /{page-id}/feed", throttled(minutes=5))
    error = failure(lambda: page.publish(post()))
    assert error.kind is ErrorKind.RATE_LIMITED and error.retry_after == 300


def test_facebook_server_error_is_transient(server: GraphServer, page: FacebookChannel) -> None:
    server.fail("POST /{page-id}/feed", Fault(500, error_body("An unknown error occurred", 1)))
    assert failure(lambda: page.publish(post())).kind is ErrorKind.TRANSIENT
    server.fail("POST /{page-id}/feed", Fault(503, b"Service Unavailable"))
    assert failure(lambda: page.publish(post())).kind is ErrorKind.TRANSIENT


def test_facebook_duplicate_is_permanent(server: GraphServer, page: FacebookChannel) -> None:
    server.fail("POST /{page-id}/feed", Fault(400, error_body("Duplicate status message", 506)))
    assert failure(lambda: page.publish(post())).code == "duplicate"


def test_facebook_lost_answers(server: GraphServer, page: FacebookChannel) -> None:
    server.fail("POST /{page-id}/feed", Fault(drop=True))
    assert failure(lambda: page.publish(post())).kind is ErrorKind.UNCLEAR
    assert server.created == 1
    server.fail("POST /{page-id}/photos", Fault(drop=True))  # an unpublished photo: harmless
    assert failure(lambda: page.publish(post(images=(JPG, JPG2)))).kind is ErrorKind.TRANSIENT
    server.fail("POST /{page-id}/feed", Fault(delay=1.0))
    assert failure(lambda: page.publish(post("x"))).kind is ErrorKind.UNCLEAR


def test_facebook_offline() -> None:
    closed = FacebookChannel(
        page_account(f"http://127.0.0.1:{closed_port()}/{VERSION}"), timeout=FAST
    )
    try:
        assert failure(lambda: closed.publish(post())).kind is ErrorKind.OFFLINE
    finally:
        closed.close()


# -- Instagram against the local Graph API -----------------------------------------------------
def test_instagram_post_waits_for_the_container(
    server: GraphServer, insta: InstagramChannel
) -> None:
    published = insta.publish(post(images=(JPG,)))
    media = server.media[published.platform_id]
    container = media["container"]
    assert container["image_url"] == f"{IMAGES}/sperrgebiet%20karte.jpg"
    assert container["alt_text"] == "Karte des Sperrgebiets"
    assert media["caption"] == "Warnung: Hochwasser an der Elbe."
    assert len(server.seen("GET /{ig-container-id}")) == 2  # IN_PROGRESS, then FINISHED
    assert published.url == media["permalink"]
    assert server.created == 1


def test_instagram_carousel(server: GraphServer, insta: InstagramChannel) -> None:
    published = insta.publish(post(images=(JPG, JPG2)))
    carousel = server.media[published.platform_id]["container"]
    children = [server.containers[c] for c in carousel["children"]]
    assert [c["alt_text"] for c in children] == ["Karte des Sperrgebiets", "Ausgabestelle Wasser"]
    assert carousel["caption"] == "Warnung: Hochwasser an der Elbe."


def test_instagram_reply_is_posted_on_its_own(server: GraphServer, insta: InstagramChannel) -> None:
    published = insta.publish(post(reply_to="1789999", images=(JPG,)))
    assert published.platform_id in server.media


def test_instagram_cannot_post_text_alone(server: GraphServer, insta: InstagramChannel) -> None:
    error = failure(lambda: insta.publish(post()))
    assert (error.kind, error.code) == (ErrorKind.PERMANENT, "needs_image")
    assert server.requests == []


def test_instagram_cannot_delete(insta: InstagramChannel) -> None:
    error = failure(lambda: insta.delete("1789"))
    assert (error.kind, error.code) == (ErrorKind.PERMANENT, "cannot_delete")


def test_instagram_verify_and_recent(insta: InstagramChannel) -> None:
    check = insta.verify()
    assert check.display_name == "@lk_musterstadt Landkreis Musterstadt"
    assert check.max_characters == 2200
    insta.publish(post("eins", images=(JPG,)))
    (recent,) = insta.recent(limit=5)
    assert recent.text == "eins" and recent.url.startswith("https://www.instagram.com/p/")


def test_instagram_refused_image(server: GraphServer, insta: InstagramChannel) -> None:
    server.container_outcome = "ERROR"
    error = failure(lambda: insta.publish(post(images=(JPG,))))
    assert (error.kind, error.code) == (ErrorKind.PERMANENT, "media_rejected")
    assert server.created == 0


def test_instagram_slow_container_is_retried_later(server: GraphServer) -> None:
    slow = GraphServer(container_polls=1000).start()
    channel = InstagramChannel(
        ig_account(f"{slow.url}/{VERSION}"), timeout=FAST, poll=0.01, wait=0.1
    )
    try:
        error = failure(lambda: channel.publish(post(images=(JPG,))))
        assert (error.kind, error.code) == (ErrorKind.TRANSIENT, "media_processing")
    finally:
        channel.close()
        slow.close()


def test_instagram_daily_limit_is_rate_limited(
    server: GraphServer, insta: InstagramChannel
) -> None:
    server.fail(
        "POST /{ig-user-id}/media_publish",
        Fault(400, error_body("Application request limit reached", 9, 2207042)),
    )
    assert failure(lambda: insta.publish(post(images=(JPG,)))).kind is ErrorKind.RATE_LIMITED


def test_instagram_lost_answers(server: GraphServer, insta: InstagramChannel) -> None:
    server.fail("POST /{ig-user-id}/media", Fault(drop=True))  # a container is not public
    assert failure(lambda: insta.publish(post(images=(JPG,)))).kind is ErrorKind.TRANSIENT
    server.fail("POST /{ig-user-id}/media_publish", Fault(drop=True))
    assert failure(lambda: insta.publish(post(images=(JPG,)))).kind is ErrorKind.UNCLEAR
    assert server.created == 1
    server.fail("POST /{ig-user-id}/media_publish", Fault(delay=1.0))
    assert failure(lambda: insta.publish(post(images=(JPG,)))).kind is ErrorKind.UNCLEAR


def test_instagram_published_even_if_the_permalink_is_lost(
    server: GraphServer, insta: InstagramChannel
) -> None:
    server.fail("GET /{ig-media-id}", Fault(500, error_body("An unknown error occurred", 1)))
    published = insta.publish(post(images=(JPG,)))
    assert published.platform_id in server.media and published.url == ""


def test_instagram_expired_token_and_offline(server: GraphServer) -> None:
    wrong = InstagramChannel(ig_account(f"{server.url}/{VERSION}", "expired"), timeout=FAST)
    closed = InstagramChannel(
        ig_account(f"http://127.0.0.1:{closed_port()}/{VERSION}"), timeout=FAST
    )
    try:
        assert failure(lambda: wrong.publish(post(images=(JPG,)))).kind is ErrorKind.AUTH
        assert failure(lambda: closed.publish(post(images=(JPG,)))).kind is ErrorKind.OFFLINE
    finally:
        wrong.close()
        closed.close()


def test_missing_ids_are_reported_when_used(server: GraphServer) -> None:
    base = f"{server.url}/{VERSION}"
    no_page = FacebookChannel(replace(page_account(base), settings={"api_base": base}))
    no_user = InstagramChannel(
        replace(ig_account(base), settings={"image_base_url": IMAGES, "api_base": base})
    )
    try:
        assert failure(lambda: no_page.publish(post())).code == "settings"
        assert failure(no_user.verify).code == "settings"
        assert server.requests == []
    finally:
        no_page.close()
        no_user.close()
