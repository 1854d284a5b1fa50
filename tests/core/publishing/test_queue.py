"""The durable queue: the outbox at release, exactly-once sending through errors, order,
fan-out, scheduling, retract, manual channels, and drills that never leave the house."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kriseninfo.counting.platforms import Platform
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.journal.actions import Action
from kriseninfo.messagesets.kinds import SetPurpose
from kriseninfo.publishing.states import DeliveryState, WaitReason
from kriseninfo.storage.models import IncidentMode
from tests.conftest import FakeClock
from tests.core.publishing.conftest import Desk
from tests.support.mastodon_server import MastodonServer, Scripted


def test_release_creates_one_delivery_per_part_in_the_same_transaction(
    desk: Desk, mastodon: MastodonServer
) -> None:
    desk.mastodon_account(mastodon)
    released = desk.release(parts=["Teil eins. Bitte meiden.", "Teil zwei. Danke."])
    rows = desk.context.publishing.deliveries()
    assert len(rows) == 2 * len(released.drafts)
    assert {r.state for r in rows} == {DeliveryState.WAITING}
    second = next(r for r in rows if r.part == 1)
    assert second.wait_reason is WaitReason.PARENT


def test_a_released_set_reaches_mastodon_once_as_a_thread(
    desk: Desk, mastodon: MastodonServer
) -> None:
    desk.mastodon_account(mastodon)
    desk.release(parts=["Teil eins. Bitte meiden.", "Teil zwei. Danke."])
    worker = desk.worker()

    assert worker.drain(20)
    worker.close()

    rows = desk.context.publishing.deliveries()
    assert {r.state for r in rows} == {DeliveryState.SENT}
    posted = mastodon.live_statuses()
    assert len(posted) == len(rows)
    by_text = {s["text_for_test"]: s for s in posted}
    first = by_text["Teil eins. Bitte meiden."]
    assert by_text["Teil zwei. Danke."]["in_reply_to_id"] == first["id"]
    assert all(count == 1 for count in mastodon.created_per_key.values())
    assert all(r.platform_url.startswith(mastodon.url) for r in rows)
    actions = [line.action for line in desk.context.journal.lines()]
    assert actions.count(Action.DELIVERY_SENT) == len(rows)


@pytest.mark.logs_warnings
def test_a_lost_answer_is_retried_with_the_same_key_and_posts_once(
    desk: Desk, mastodon: MastodonServer, clock: FakeClock
) -> None:
    desk.mastodon_account(mastodon)
    desk.release(parts=["Nur ein Teil. Bitte meiden."])
    mastodon.then("post_status", Scripted(drop="after"), Scripted(status=502, body={}))
    worker = desk.worker()

    for _ in range(3):
        worker.drain(10)
        clock.advance(minutes=10)  # past every backoff
    worker.close()

    rows = desk.context.publishing.deliveries()
    assert [r.state for r in rows] == [DeliveryState.SENT]
    assert rows[0].attempts == 3
    posts = [h for m, p, h in mastodon.requests if (m, p) == ("POST", "/api/v1/statuses")]
    assert len(posts) == 3 and len({h["Idempotency-Key"] for h in posts}) == 1
    assert list(mastodon.created_per_key.values()) == [1]
    assert len(mastodon.live_statuses()) == 1


@pytest.mark.logs_warnings
def test_rate_limits_are_obeyed_with_the_platforms_time(
    desk: Desk, mastodon: MastodonServer, clock: FakeClock
) -> None:
    desk.mastodon_account(mastodon)
    desk.release(parts=["Nur ein Teil. Bitte meiden."])
    mastodon.then(
        "post_status",
        Scripted(status=429, body={"error": "Too many requests"}, headers={"Retry-After": "120"}),
    )
    worker = desk.worker()
    worker.drain(10)

    (row,) = desk.context.publishing.deliveries()
    assert row.state is DeliveryState.WAITING and row.wait_reason is WaitReason.RATE_LIMITED
    wait = (row.not_before - clock.now).total_seconds()
    assert 100 <= wait <= 125
    worker.drain(2)
    assert desk.context.publishing.delivery(row.id).state is DeliveryState.WAITING

    clock.advance(seconds=125)
    worker.drain(10)
    worker.close()
    assert desk.context.publishing.delivery(row.id).state is DeliveryState.SENT


@pytest.mark.logs_warnings
def test_a_validation_error_fails_with_the_platforms_reason(
    desk: Desk, mastodon: MastodonServer
) -> None:
    desk.mastodon_account(mastodon)
    desk.release(parts=["Nur ein Teil. Bitte meiden."])
    mastodon.then(
        "post_status",
        Scripted(status=422, body={"error": "Validation failed: Text character limit exceeded"}),
    )
    worker = desk.worker()
    worker.drain(10)
    worker.close()
    (row,) = desk.context.publishing.deliveries()
    assert row.state is DeliveryState.FAILED and row.error_code == "rejected"
    assert "character limit" in row.error_detail
    assert desk.context.publishing.attention() == 1
    actions = [line.action for line in desk.context.journal.lines()]
    assert Action.DELIVERY_FAILED in actions


@pytest.mark.logs_warnings
def test_refused_credentials_pause_the_account_and_retry_resumes(
    desk: Desk, mastodon: MastodonServer, clock: FakeClock
) -> None:
    desk.mastodon_account(mastodon)
    desk.release(parts=["Nur ein Teil. Bitte meiden."])
    mastodon.then(
        "post_status", Scripted(status=401, body={"error": "The access token is invalid"})
    )
    worker = desk.worker()
    worker.drain(10)
    (row,) = desk.context.publishing.deliveries()
    assert row.state is DeliveryState.FAILED and row.error_code == "auth"
    (health,) = desk.context.publishing.health()
    assert health.breaker_open(clock.now) and health.last_error_code == "auth"

    desk.context.publishing.retry(row.id, desk.team["redaktion"])
    worker.drain(10)
    worker.close()
    assert desk.context.publishing.delivery(row.id).state is DeliveryState.SENT
    (health,) = desk.context.publishing.health()
    assert health.failures == 0 and health.last_success_at is not None


@pytest.mark.logs_warnings
def test_no_network_waits_and_resumes_by_itself(
    desk: Desk, mastodon: MastodonServer, clock: FakeClock
) -> None:
    account = desk.mastodon_account(mastodon)
    real_url = mastodon.url
    desk.context.channel_setup.configure(
        account, desk.team["leitung"], {"instance": "http://127.0.0.1:9"}
    )
    desk.release(parts=["Nur ein Teil. Bitte meiden."])
    worker = desk.worker()
    worker.drain(10)
    (row,) = desk.context.publishing.deliveries()
    assert row.state is DeliveryState.WAITING and row.wait_reason is WaitReason.OFFLINE
    assert (row.not_before - clock.now) <= timedelta(seconds=31)

    desk.context.channel_setup.configure(account, desk.team["leitung"], {"instance": real_url})
    worker.refresh_accounts()
    clock.advance(seconds=31)
    worker.drain(10)
    worker.close()
    assert desk.context.publishing.delivery(row.id).state is DeliveryState.SENT


def test_one_slow_account_does_not_hold_back_the_others(
    desk: Desk, mastodon: MastodonServer
) -> None:
    from tests.support.mastodon_server import running

    with running() as slow:
        slow.delay = 1.5
        desk.mastodon_account(slow, "Langsam")
        desk.mastodon_account(mastodon, "Schnell")
        desk.release(parts=["Nur ein Teil. Bitte meiden."])
        worker = desk.worker()
        worker.step()
        deadline = 1.0
        import time

        start = time.monotonic()
        while time.monotonic() - start < deadline:
            rows = desk.context.publishing.deliveries()
            fast = [r for r in rows if r.account_name == "Schnell"]
            if fast and all(r.state is DeliveryState.SENT for r in fast):
                break
            time.sleep(0.02)
        rows = desk.context.publishing.deliveries()
        assert all(r.state is DeliveryState.SENT for r in rows if r.account_name == "Schnell")
        assert any(r.state is DeliveryState.SENDING for r in rows if r.account_name == "Langsam")
        assert worker.drain(10)
        worker.close()


def test_a_set_can_wait_for_its_time(
    desk: Desk, mastodon: MastodonServer, clock: FakeClock
) -> None:
    desk.mastodon_account(mastodon)
    incident = desk.incident()
    editor = desk.team["redaktion"]
    view = desk.context.messagesets.generate(incident.id, editor)
    desk.context.publishing.schedule(view.id, clock.now + timedelta(minutes=30), editor)
    desk.context.releases.submit(view.id, editor)
    from tests.core.test_messagesets import FREIGABE_PIN

    desk.context.releases.release(view.id, desk.team["freigabe"].id, FREIGABE_PIN)
    worker = desk.worker()
    worker.drain(5)
    rows = desk.context.publishing.deliveries()
    assert {r.state for r in rows} == {DeliveryState.SCHEDULED}
    assert not mastodon.live_statuses()

    clock.advance(minutes=31)
    worker.drain(10)
    worker.close()
    assert {r.state for r in desk.context.publishing.deliveries()} == {DeliveryState.SENT}


def test_retract_deletes_on_the_platform(desk: Desk, mastodon: MastodonServer) -> None:
    desk.mastodon_account(mastodon)
    desk.release(parts=["Nur ein Teil. Bitte meiden."])
    worker = desk.worker()
    worker.drain(10)
    (row,) = desk.context.publishing.deliveries()
    desk.context.publishing.retract(row.id, desk.team["leitung"])
    worker.drain(10)
    worker.close()
    assert desk.context.publishing.delivery(row.id).state is DeliveryState.WITHDRAWN
    assert mastodon.live_statuses() == []
    actions = [line.action for line in desk.context.journal.lines()]
    assert Action.DELIVERY_RETRACTED in actions


def test_a_correction_is_threaded_under_what_it_corrects(
    desk: Desk, mastodon: MastodonServer
) -> None:
    desk.mastodon_account(mastodon)
    desk.release(parts=["Erste Meldung. Bitte meiden."])
    worker = desk.worker()
    worker.drain(10)
    desk.release(SetPurpose.KORREKTUR, parts=["Korrektur: anderer Ort. Bitte meiden."])
    worker.drain(10)
    worker.close()
    by_text = {s["text_for_test"]: s for s in mastodon.live_statuses()}
    first = by_text["Erste Meldung. Bitte meiden."]
    assert by_text["Korrektur: anderer Ort. Bitte meiden."]["in_reply_to_id"] == first["id"]


def test_changing_a_released_text_withdraws_its_unsent_deliveries(
    desk: Desk, mastodon: MastodonServer
) -> None:
    desk.mastodon_account(mastodon)
    released = desk.release(parts=["Nur ein Teil. Bitte meiden."])
    draft = released.drafts[0]
    desk.context.messagesets.edit(
        draft.id, draft.version, desk.team["redaktion"], parts=["Neu. Bitte meiden."]
    )
    rows = desk.context.publishing.deliveries()
    assert {r.state for r in rows if r.message_id == draft.id} == {DeliveryState.WITHDRAWN}


def test_a_published_text_cannot_be_changed_any_more(desk: Desk, mastodon: MastodonServer) -> None:
    desk.mastodon_account(mastodon)
    released = desk.release(parts=["Nur ein Teil. Bitte meiden."])
    worker = desk.worker()
    worker.drain(10)
    worker.close()
    draft = released.drafts[0]
    with pytest.raises(KriseninfoError) as caught:
        desk.context.messagesets.edit(
            draft.id, draft.version, desk.team["redaktion"], parts=["Neu. Bitte meiden."]
        )
    assert caught.value.code is ErrorCode.ALREADY_PUBLISHED


def test_manual_channels_wait_for_a_person(desk: Desk) -> None:
    desk.account(Platform.MANUAL, "Radio Niederrhein")
    desk.release(parts=["Nur ein Teil. Bitte meiden."])
    worker = desk.worker()
    worker.drain(5)
    worker.close()
    (row,) = desk.context.publishing.deliveries()
    assert row.state is DeliveryState.WAITING and row.wait_reason is WaitReason.MANUAL
    done = desk.context.publishing.confirm_manual(row.id, desk.team["redaktion"], note="Radio")
    assert done.state is DeliveryState.SENT
    actions = [line.action for line in desk.context.journal.lines()]
    assert Action.DELIVERY_DONE_BY_HAND in actions


def test_a_drill_never_reaches_a_real_channel(desk: Desk, mastodon: MastodonServer) -> None:
    desk.incident(IncidentMode.DRILL)
    desk.mastodon_account(mastodon)
    desk.account(Platform.MANUAL, "Radio Niederrhein")
    desk.release(parts=["Übung. Bitte meiden.", "Zweiter Teil."])
    worker = desk.worker()
    worker.drain(10)
    rows = desk.context.publishing.deliveries()
    (first,) = [r for r in rows if r.part == 0 and r.platform is Platform.MASTODON]
    desk.context.publishing.retract(first.id, desk.team["leitung"])
    worker.drain(10)
    worker.close()
    rows = desk.context.publishing.deliveries()
    assert all(r.drill for r in rows)
    assert all(r.platform_id.startswith("sandbox-") for r in rows if r.state is DeliveryState.SENT)
    assert mastodon.requests == []


def test_an_account_without_credentials_waits_and_says_why(
    desk: Desk, mastodon: MastodonServer
) -> None:
    chief = desk.team["leitung"]
    account = desk.account(Platform.MASTODON, "Stadt Moers")
    desk.context.channel_setup.configure(account, chief, {"instance": mastodon.url})
    desk.release(parts=["Nur ein Teil. Bitte meiden."])
    worker = desk.worker()
    worker.drain(5)
    (row,) = desk.context.publishing.deliveries()
    assert row.state is DeliveryState.WAITING and row.wait_reason is WaitReason.NO_CREDENTIALS
    assert mastodon.requests == []

    from tests.support.mastodon_server import TOKEN

    desk.context.channel_setup.configure(account, chief, secrets={"access_token": TOKEN})
    worker.refresh_accounts()
    worker.drain(10)
    worker.close()
    assert desk.context.publishing.delivery(row.id).state is DeliveryState.SENT


def test_two_workers_share_the_queue_without_doubles_or_disorder(
    desk: Desk, mastodon: MastodonServer
) -> None:
    """Two consoles of a shared desk: each account's posts still go out once, in order."""
    import threading

    for number in range(4):
        desk.mastodon_account(mastodon, f"Konto {number}")
    parts = [f"Teil {n + 1}. Bitte meiden." for n in range(5)]
    desk.release(parts=parts)
    from kriseninfo.clock import utc_now

    # The wall clock: the test's stepping clock would let leases run out between readings.
    workers = [desk.worker(clock=utc_now), desk.worker(clock=utc_now)]
    threads = [threading.Thread(target=w.drain, args=(30,)) for w in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(40)
    for worker in workers:
        worker.drain(10)
        worker.close()

    rows = desk.context.publishing.deliveries()
    assert len(rows) == 20 and {r.state for r in rows} == {DeliveryState.SENT}
    assert sorted(mastodon.created_per_key.values()) == [1] * 20
    # Not even a second request: no delivery was ever claimed by both workers.
    assert sorted(mastodon.requests_per_key.values()) == [1] * 20
    by_id = {r.platform_id: r for r in rows}
    for row in rows:
        parent = mastodon.statuses[row.platform_id]["in_reply_to_id"]
        if row.part:
            assert (by_id[parent].message_id, by_id[parent].part) == (row.message_id, row.part - 1)
