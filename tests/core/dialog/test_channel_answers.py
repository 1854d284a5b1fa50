"""A citizen replies to our post on Mastodon: the mention arrives through the account's
notifications, is threaded under our message set, and is answered on Mastodon as a reply
through the publishing queue: an unchanged Textbaustein at once, an edited answer only
after a second person's release."""

from __future__ import annotations

from kriseninfo.dialog.states import ItemState
from kriseninfo.messagesets.kinds import DraftStatus, ReleaseKind
from tests.conftest import FakeClock
from tests.core.publishing.conftest import Desk
from tests.core.test_messagesets import FREIGABE_PIN
from tests.support.feed_server import Feed
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


def test_private_mentions_rejected_answers_and_example_facts_are_never_shortcuts(
    desk: Desk, mastodon: MastodonServer, clock: FakeClock
) -> None:
    context, team = desk.context, desk.team
    _post_our_warning(desk, mastodon)
    incident = desk.incident()
    account_id = next(a.id for a in context.accounts.list(incident.id) if a.name == "Stadt Moers")
    context.sources.add_account(incident.id, account_id, team["leitung"])
    mastodon.notify("<p>Meine Adresse ist …, bitte helfen</p>", visibility="direct")
    mastodon.notify("<p>Wann fährt der Bus?</p>", display_name="", acct="busfahrer@bus.example")
    context.sources.poll_due()
    private, bus = context.dialog.items(incident.id)
    assert private.title == "Nicht öffentliche Nachricht" and not private.answerable_on_channel
    assert bus.author == "@busfahrer@bus.example" and bus.answerable_on_channel

    # An own text goes to four eyes; sent back, the question is open again and still mine.
    editor = team["redaktion"]
    waiting = context.answers.answer([bus.id], "Der Bus fährt ab 18 Uhr.", editor)
    assert waiting.set_id is not None
    (draft,) = context.messagesets.get(waiting.set_id).drafts
    assert draft.text == "@busfahrer@bus.example Der Bus fährt ab 18 Uhr."  # mentioned
    context.releases.reject(waiting.set_id, team["freigabe"].id, FREIGABE_PIN, "Uhrzeit prüfen")
    again = context.dialog.get(bus.id)
    assert again.item_state is ItemState.IN_ARBEIT and again.claimed_by == editor.id
    assert context.answers.answer([bus.id], "Der Bus fährt ab 19 Uhr.", editor).set_id

    # A Textbaustein filled with the playbook's example facts is not a real incident's
    # text: in a real incident it needs a second person like any message.
    from kriseninfo.messagesets.facts import examples

    playbook = context.playbooks.find(incident_playbook_id(desk))
    context.plans.set_facts(incident.id, playbook, examples(playbook), team["leitung"])
    mastodon.notify("<p>Muss ich meine Wohnung verlassen?</p>", acct="a@b.example")
    clock.advance(seconds=120)
    context.sources.poll_due()
    question = context.dialog.items(incident.id)[-1]
    assert question.author.endswith("(@a@b.example)")
    best = next(s for s in context.answers.suggestions(question.id) if s.answer_id)
    assert not best.pre_approved  # not offered as such either
    done = context.answers.answer([question.id], best.text, editor, best.answer_id)
    assert done.set_id is not None and not done.released


def incident_playbook_id(desk: Desk) -> str:
    from kriseninfo.storage.models import IncidentPlaybook

    with desk.context.database.session(readonly=True) as session:
        link = session.get(IncidentPlaybook, desk.incident().id)
        assert link is not None
        return link.playbook_id


def test_a_console_without_the_accounts_secrets_steps_aside_quietly(desk: Desk) -> None:
    from kriseninfo.counting.platforms import Platform

    context, team = desk.context, desk.team
    incident = desk.incident()
    account_id = desk.account(Platform.MASTODON, "Stadt Moers")  # no secrets in this keyring
    source = context.sources.add_account(incident.id, account_id, team["leitung"])
    (polled,) = context.sources.poll_due()
    assert polled.error == "credentials not in this console's keyring"
    (health,) = context.sources.for_incident(incident.id)
    assert health.failures == 0 and health.last_error == ""  # nothing held against it
    assert health.next_poll_at == source.next_poll_at  # a console with the secrets polls now
    assert context.sources.poll_due() == []  # and this one does not ask again at once
