"""Mentions and replies from Mastodon and Bluesky as dialog items, against local servers:
Mastodon's answers are the recorded ones of a real instance, Bluesky's follow the
lexicon of app.bsky.notification.listNotifications."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from kriseninfo.counting.platforms import Platform
from kriseninfo.dialog import notifications
from kriseninfo.dialog.fetch import FetchError
from kriseninfo.dialog.notifications import fetch_bluesky, fetch_mastodon
from kriseninfo.dialog.plain import CUT_MARK, MAX_TEXT
from kriseninfo.publishing.channel import AccountConfig
from tests.support import mastodon_server
from tests.support.bluesky_server import FakePDS, error
from tests.support.bluesky_server import Scripted as Answer
from tests.support.mastodon_server import MastodonServer, Scripted

OUR_POST = ("at://did:plc:krisenstab4moers7test/app.bsky.feed.post/3lbqzk2ykxc2c", "bafyreiours")
MARKUP = ("<", ">", "javascript:", "alert(")


@pytest.fixture(autouse=True)
def _only_localhost(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Nothing but 127.0.0.1 is ever contacted (and no proxy sits in between); no Bluesky
    session outlives a test."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    real = socket.create_connection

    def guarded(address: tuple[str, int], *args: object, **kwargs: object) -> socket.socket:
        assert address[0] == "127.0.0.1", f"tried to reach {address[0]}"
        return real(address, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "create_connection", guarded)
    yield
    notifications.close_sessions()


def closed_port() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def failure(call: object, *args: object) -> str:
    with pytest.raises(FetchError) as caught:
        call(*args)  # type: ignore[operator]
    message = str(caught.value)
    assert "\n" not in message and message
    return message


# -- Mastodon ------------------------------------------------------------------------------
@pytest.fixture
def server() -> Iterator[MastodonServer]:
    with mastodon_server.running() as running:
        yield running


def mastodon(url: str, token: str = mastodon_server.TOKEN) -> AccountConfig:
    return AccountConfig(
        id=7,
        platform=Platform.MASTODON,
        name="Stadt Moers",
        address="@stadt_moers",
        settings={"instance": url},
        secrets={"access_token": token},
    )


def test_mastodon_first_poll_reads_the_recorded_mentions(server: MastodonServer) -> None:
    recorded = server.replay_recorded_notifications()
    page = fetch_mastodon(mastodon(server.url), "")
    assert page.warnings == [] and page.cursor == "21"
    assert [item.reply_ref for item in page.items] == [n["status"]["id"] for n in recorded]
    first = page.items[0]
    status = recorded[0]["status"]
    assert first.source == "mastodon:7"
    assert first.external_id == status["uri"]
    assert first.link == status["url"]
    assert first.text == "@mastodonpy_test hello!"
    assert first.author == "@admin"  # the recorded account has no display name
    assert first.published == datetime(2026, 8, 1, 13, 51, 39, 138000, tzinfo=UTC)
    assert first.in_reply_to == ""
    (query,) = server.notification_queries
    assert query["types[]"] == ["mention"] and "min_id" not in query


def test_mastodon_second_poll_returns_only_what_is_new(server: MastodonServer) -> None:
    server.replay_recorded_notifications()
    first = fetch_mastodon(mastodon(server.url), "")
    reply = server.notify(
        '<p><span class="h-card"><a href="https://moers.social/@stadt_moers" class="u-url '
        'mention">@<span>stadt_moers</span></a></span> Ist die <b>B57</b> gesperrt?<br>'
        "Wir m&uuml;ssen zur Arbeit &amp; zur Schule.</p>",
        in_reply_to_id="117020577157693549",
    )
    server.notify("<p>gefällt mir</p>", kind="favourite")
    second = fetch_mastodon(mastodon(server.url), first.cursor)
    (item,) = second.items
    assert item.text == "@stadt_moers Ist die B57 gesperrt?\nWir müssen zur Arbeit & zur Schule."
    assert item.author == "Erika Muster (@anwohnerin@example.social)"
    assert item.in_reply_to == "117020577157693549"
    assert item.reply_ref == reply["status"]["id"]
    assert item.link == f"{server.url}/@anwohnerin/{reply['status']['id']}"
    assert item.published is not None and item.published.tzinfo is not None
    assert second.cursor == reply["id"]
    assert server.notification_queries[-1]["min_id"] == ["21"]
    third = fetch_mastodon(mastodon(server.url), second.cursor)
    assert third.items == [] and third.cursor == second.cursor and third.warnings == []


def test_mastodon_catches_up_page_by_page_without_a_gap(server: MastodonServer) -> None:
    server.replay_recorded_notifications()
    made = [server.notify(f"<p>Frage {n}</p>") for n in range(5)]
    page = fetch_mastodon(mastodon(server.url), "21", limit=2)
    assert [item.text for item in page.items] == [f"Frage {n}" for n in range(5)]
    assert page.cursor == made[-1]["id"]
    asked = [q["min_id"] for q in server.notification_queries]
    assert asked == [["21"], [made[1]["id"]], [made[3]["id"]]]


def test_mastodon_html_is_reduced_to_text_and_a_content_warning_leads(
    server: MastodonServer,
) -> None:
    note = server.notify(
        '<p>Hilfe <script>alert("x")</script><a href="javascript:alert(1)">hier</a>'
        '<img src=x onerror="alert(2)"> <style>p{}</style>Keller &lt;voll&gt;</p>',
        spoiler_text="Unfall <b>B57</b>",
    )
    note["status"]["url"] = "javascript:alert(3)"
    (item,) = fetch_mastodon(mastodon(server.url), "").items
    assert item.text.startswith("CW: Unfall B57\n\nHilfe hier")
    assert "alert" not in item.text and "<b>" not in item.text
    assert item.link == note["status"]["uri"]  # not the javascript: address


def test_mastodon_an_html_bomb_costs_neither_time_nor_memory(server: MastodonServer) -> None:
    server.notify("<div><b><i>" * 5_000 + "Wasser " * 20_000)
    server.notify("<div>" * 200_000)  # nothing but nesting: no text, no trouble
    started = time.monotonic()
    long, empty = fetch_mastodon(mastodon(server.url), "").items
    assert time.monotonic() - started < 10
    assert len(long.text) <= MAX_TEXT and long.text.endswith(CUT_MARK)
    assert long.text.startswith("Wasser Wasser") and empty.text == ""


def test_mastodon_broken_notifications_are_skipped_with_a_warning(server: MastodonServer) -> None:
    good = server.notify("<p>Noch da</p>")
    broken_time = server.notify("<p>Wann?</p>")
    broken_time["created_at"] = broken_time["status"]["created_at"] = "gestern"
    no_content = server.notify("<p>x</p>")
    del no_content["status"]["content"]
    server.notifications += [
        {"id": "40", "type": "mention", "created_at": "2026-08-01T13:51:43.458Z"},
        {"id": "41", "type": "mention", "status": None},
        "kein Objekt",
    ]
    page = fetch_mastodon(mastodon(server.url), "")
    assert [item.text for item in page.items] == ["Noch da"]
    assert len(page.warnings) == 5
    assert all(w.startswith("notification skipped") and "\n" not in w for w in page.warnings)
    assert page.cursor == "41"  # past the broken ones too: they are not read again
    assert page.items[0].reply_ref == good["status"]["id"]
    assert int(no_content["id"]) < 41


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (Scripted(status=500, body={"error": "We're sorry"}), "server error (HTTP 500)"),
        (Scripted(status=503), "server error (HTTP 503)"),
        (Scripted(status=429, body={"error": "Too many requests"}), "rate limit"),
        (Scripted(status=403, body={"error": "This action is not allowed"}), "HTTP 403"),
        (Scripted(drop="before"), "no connection"),
    ],
)
def test_mastodon_failures_say_why_in_one_line(
    server: MastodonServer, answer: Scripted, expected: str
) -> None:
    server.then("notifications", answer)
    assert expected in failure(fetch_mastodon, mastodon(server.url), "")


def test_mastodon_a_refused_token_is_named_but_never_shown(server: MastodonServer) -> None:
    message = failure(fetch_mastodon, mastodon(server.url, "wrong-secret-token"), "")
    assert "access token" in message and "HTTP 401" in message
    assert "wrong-secret-token" not in message


def test_mastodon_without_a_token_nothing_is_asked(server: MastodonServer) -> None:
    assert "no access token" in failure(fetch_mastodon, mastodon(server.url, ""), "")
    assert server.requests == []


def test_mastodon_a_closed_port_and_a_slow_instance(
    server: MastodonServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "no connection" in failure(fetch_mastodon, mastodon(closed_port()), "")
    monkeypatch.setattr(notifications, "TIMEOUT", (2.0, 0.2))
    server.then("notifications", Scripted(delay=1.0))
    assert "no answer in time" in failure(fetch_mastodon, mastodon(server.url), "")


# -- Bluesky -------------------------------------------------------------------------------
@pytest.fixture
def pds() -> Iterator[FakePDS]:
    with FakePDS() as server:
        yield server


def bluesky(pds: FakePDS, password: str | None = None, service: str = "") -> AccountConfig:
    return AccountConfig(
        id=5,
        platform=Platform.BLUESKY,
        name="Krisenstab",
        address=pds.handle,
        settings={"service": service or pds.url, "handle": pds.handle},
        secrets={"app_password": pds.password if password is None else password},
    )


@pytest.mark.parametrize("server_filters", [True, False])
def test_bluesky_first_poll_keeps_mentions_replies_and_quotes(
    pds: FakePDS, server_filters: bool
) -> None:
    pds.filter_reasons = server_filters
    mention = pds.notify("mention", "@krisenstab-moers.bsky.social Ist die Brücke offen?")
    pds.notify("like", subject=OUR_POST)
    pds.notify("follow")
    quote = pds.notify(
        "quote", "Wichtig!", handle="feuerwehr.bsky.social", display_name=None, subject=OUR_POST
    )
    page = fetch_bluesky(bluesky(pds), "")
    assert page.warnings == []
    assert [item.external_id for item in page.items] == [mention["uri"], quote["uri"]]
    first = page.items[0]
    rkey = mention["uri"].rsplit("/", 1)[-1]
    assert first.source == "bluesky:5"
    assert first.author == "Erika Muster (@anwohnerin.bsky.social)"
    assert first.link == f"https://bsky.app/profile/anwohnerin.bsky.social/post/{rkey}"
    assert first.text == "@krisenstab-moers.bsky.social Ist die Brücke offen?"
    assert first.published == datetime.fromisoformat(mention["indexedAt"].replace("Z", "+00:00"))
    assert first.reply_ref == mention["uri"] and first.in_reply_to == ""
    assert page.items[1].author == "@feuerwehr.bsky.social"
    assert page.items[1].in_reply_to == ""  # a quote answers nothing
    assert page.cursor == quote["indexedAt"]
    (query,) = pds.notification_queries
    assert sorted(query["reasons"]) == ["mention", "quote", "reply"]
    assert "cursor" not in query


def test_bluesky_second_poll_returns_only_what_is_new(pds: FakePDS) -> None:
    pds.notify("mention", "alt")
    first = fetch_bluesky(bluesky(pds), "")
    reply = pds.notify("reply", "Danke, und <b>wann</b> kommt der Bus? a < b", subject=OUR_POST)
    second = fetch_bluesky(bluesky(pds), first.cursor)
    (item,) = second.items
    assert item.in_reply_to == OUR_POST[0]
    assert item.reply_ref == reply["uri"]
    assert item.text == "Danke, und <b>wann</b> kommt der Bus? a < b"  # plain: taken as written
    assert second.cursor == reply["indexedAt"] and second.warnings == []
    third = fetch_bluesky(bluesky(pds), second.cursor)
    assert third.items == [] and third.cursor == second.cursor
    assert pds.logins == 1  # the session is kept between polls


def test_bluesky_pages_until_the_cursor_and_warns_beyond_the_last_page(
    pds: FakePDS, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = fetch_bluesky(bluesky(pds), "")
    assert first.items == [] and first.cursor == ""
    pds.notify("mention", "vorher")
    start = fetch_bluesky(bluesky(pds), "").cursor
    made = [pds.notify("mention", f"Frage {n}") for n in range(5)]
    page = fetch_bluesky(bluesky(pds), start, limit=2)
    assert [item.text for item in page.items] == [f"Frage {n}" for n in range(5)]
    assert page.cursor == made[-1]["indexedAt"] and page.warnings == []
    assert "cursor" in pds.notification_queries[-1]
    monkeypatch.setattr(notifications, "MAX_PAGES", 2)
    for n in range(5):
        pds.notify("mention", f"Ansturm {n}")
    rushed = fetch_bluesky(bluesky(pds), page.cursor, limit=2)
    assert [item.text for item in rushed.items] == [
        "Ansturm 1",
        "Ansturm 2",
        "Ansturm 3",
        "Ansturm 4",
    ]
    assert "older ones were not read" in rushed.warnings[0]


def test_bluesky_broken_notifications_are_skipped_with_a_warning(pds: FakePDS) -> None:
    good = pds.notify("mention", "Noch da \u202eevil\u202c")
    late = pds.notify("reply", "Zeit aus dem Post")
    late["indexedAt"] = "0000-bad"
    lost = pds.notify("reply", "keine Zeit")
    lost["indexedAt"] = lost["record"]["createdAt"] = "gestern"
    del pds.notify("mention", "ohne Text")["record"]["text"]
    pds.notify("mention", "ohne Autor")["author"] = {"handle": "x.bsky.social"}
    pds.notify("mention", "kein Post")["uri"] = "at://did:plc:x/app.bsky.feed.like/3abc"
    page = fetch_bluesky(bluesky(pds), "")
    assert sorted(item.text for item in page.items) == ["Noch da evil", "Zeit aus dem Post"]
    assert len(page.warnings) == 4
    assert all(w.startswith("notification skipped") and "\n" not in w for w in page.warnings)
    assert page.cursor > good["indexedAt"]


def test_bluesky_an_invalid_handle_links_by_did(pds: FakePDS) -> None:
    note = pds.notify("mention", "Hallo", handle="handle.invalid", display_name="")
    (item,) = fetch_bluesky(bluesky(pds), "").items
    did = note["author"]["did"]
    assert item.link.startswith(f"https://bsky.app/profile/{did}/post/")
    assert item.author == did


def test_bluesky_an_expired_session_logs_in_again(pds: FakePDS) -> None:
    fetch_bluesky(bluesky(pds), "")
    pds.expire_sessions()
    pds.script("com.atproto.server.refreshSession", error(400, "ExpiredToken", "revoked"))
    pds.notify("mention", "Hallo")
    assert len(fetch_bluesky(bluesky(pds), "").items) == 1
    assert pds.logins == 2


def test_bluesky_a_refused_login_is_named_but_never_shown(pds: FakePDS) -> None:
    message = failure(fetch_bluesky, bluesky(pds, "geheim-falsch-1234"), "")
    assert "refused the login" in message and "geheim-falsch-1234" not in message
    assert "no handle or app password" in failure(fetch_bluesky, bluesky(pds, ""), "")


@pytest.mark.parametrize(
    ("status", "name", "expected"),
    [
        (500, "InternalServerError", "server error (HTTP 500 InternalServerError)"),
        (502, "UpstreamFailure", "server error (HTTP 502"),
        (429, "RateLimitExceeded", "rate limit"),
        (400, "InvalidRequest", "refused the request (HTTP 400 InvalidRequest)"),
    ],
)
def test_bluesky_failures_say_why_in_one_line(
    pds: FakePDS, status: int, name: str, expected: str
) -> None:
    pds.script("app.bsky.notification.listNotifications", error(status, name, "no\nway"))
    assert expected in failure(fetch_bluesky, bluesky(pds), "")


def test_bluesky_a_closed_port_and_a_slow_server(
    pds: FakePDS, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "no connection" in failure(fetch_bluesky, bluesky(pds, service=closed_port()), "")
    monkeypatch.setattr(notifications, "TIMEOUT", (2.0, 0.2))
    pds.script("app.bsky.notification.listNotifications", Answer(delay=1.0, drop=True))
    assert "no answer in time" in failure(fetch_bluesky, bluesky(pds), "")


def test_bluesky_an_answer_that_is_not_json(pds: FakePDS) -> None:
    pds.script("app.bsky.notification.listNotifications", Answer(200, b"<html>"))
    assert "unreadable answer" in failure(fetch_bluesky, bluesky(pds), "")
