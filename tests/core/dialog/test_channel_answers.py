"""A citizen replies to our post on Mastodon: the mention arrives through the account's
notifications, is threaded under our message set, and is answered on Mastodon as a reply
through the publishing queue: an unchanged Textbaustein at once, an edited answer only
after a second person's release."""

from __future__ import annotations

from kriseninfo.dialog.states import ItemState
from kriseninfo.messagesets.kinds import DraftStatus, ReleaseKind
from tests.conftest import FakeClock
from tests.core.dialog.test_sources import Feed
from tests.core.publishing.conftest import Desk
from tests.core.test_messagesets import FREIGABE_PIN
from tests.support.mastodon_server import MastodonServer


def _post_our_warning(desk: Desk, mastodon: MastodonServer) -> tuple[int, str]:
    desk.mastodon_account(mastodon)
    view = desk.release()
    desk.worker().drain()
    (status,) = mastodon.live_statuses()
    return view.id, str(status["id"])


def test_a_reply_to_our_post_is_threaded_and_answered_on_mastodon(
    desk: Desk, mastodon: MastodonServer, clock: FakeClock
) -> None:
    context, team = desk.context, desk.team
    set_id, status_id = _post_our_warning(desk, mastodon)
    incident = desk.incident()
    account_id = next(a.id for a in context.accounts.list(incident.id) if a.name == "Stadt Moers")
    context.sources.add_account(incident.id, account_id, team["leitung"])
    mastodon.notify(
        "<p>@stadt Muss ich wegen der Bombe meine Wohnung verlassen?</p>",
        in_reply_to_id=status_id,
    )
    mastodon.notify("<p>@stadt Ist die Schule morgen offen?</p>")
    (polled,) = context.sources.poll_due()
    assert polled.new_items == 2, polled
    first, second = context.dialog.items(incident.id)
    assert first.thread_set_id == set_id and second.thread_set_id is None
    assert (
        first.answerable_on_channel and first.author == "Erika Muster (@anwohnerin@example.social)"
    )

    best = next(s for s in context.answers.suggestions(first.id) if s.pre_approved)
    done = context.answers.answer([first.id], best.text, team["redaktion"], best.answer_id)
    assert done.released and done.set_id is not None
    answer_set = context.messagesets.get(done.set_id)
    (draft,) = answer_set.drafts
    assert draft.release_kind is ReleaseKind.TEXTBAUSTEIN
    assert draft.text.startswith("@anwohnerin@example.social ")  # Mastodon: the mention first
    desk.worker().drain()
    reply = next(s for s in mastodon.live_statuses() if str(s["id"]) != status_id)
    assert str(reply["in_reply_to_id"]) == first.reply_ref
    assert context.dialog.get(first.id).item_state is ItemState.BEANTWORTET

    # An edited answer waits for four eyes; the release makes the item answered.
    edited = context.answers.answer([second.id], "Ja, die Schule ist offen.", team["redaktion"])
    assert not edited.released and edited.set_id is not None
    assert context.dialog.get(second.id).item_state is ItemState.IN_FREIGABE
    waiting = context.messagesets.get(edited.set_id)
    assert {d.status for d in waiting.drafts} == {DraftStatus.ZUR_FREIGABE}
    context.releases.release(edited.set_id, team["freigabe"].id, FREIGABE_PIN)
    desk.worker().drain()
    answered = context.dialog.get(second.id)
    assert answered.item_state is ItemState.BEANTWORTET and answered.answered_at is not None
    assert len(mastodon.live_statuses()) == 3


def test_a_post_seen_first_in_a_feed_becomes_answerable_when_the_api_brings_it(
    desk: Desk, mastodon: MastodonServer, feed: tuple[Feed, str]
) -> None:
    context, team = desk.context, desk.team
    _set_id, status_id = _post_our_warning(desk, mastodon)
    incident = desk.incident()
    account_id = next(a.id for a in context.accounts.list(incident.id) if a.name == "Stadt Moers")
    note = mastodon.notify("<p>Wann ist die Entschärfung?</p>", in_reply_to_id=status_id)
    state, url = feed
    state.base = f"{mastodon.url}/@anwohnerin/"  # the hashtag feed links the same status
    state.entries = [(note["status"]["id"], "Wann ist die Entschärfung?")]
    context.sources.add_feed(incident.id, "Hashtag #moers", url, team["leitung"])
    context.sources.add_account(incident.id, account_id, team["leitung"])
    feed_poll, api_poll = context.sources.poll_due()
    assert (feed_poll.new_items, api_poll.new_items) == (1, 0)  # one item, not two
    (item,) = context.dialog.items(incident.id)
    assert item.source_name == "Hashtag #moers"
    assert item.answerable_on_channel and item.reply_ref == note["status"]["id"]
