"""Working the feed: answers given by hand (hotline), refused while a colleague holds an
item, the live list's changed rows, clusters of similar questions as an FAQ set, and a
Richtigstellung for a rumour."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kriseninfo.counting.platforms import Platform
from kriseninfo.dialog.followups import clusters
from kriseninfo.dialog.states import ItemState
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.messagesets.kinds import DraftStatus, SetPurpose
from kriseninfo.playbooks.kinds import Category
from tests.conftest import FakeClock
from tests.core.publishing.conftest import Desk


def test_a_hotline_question_is_answered_by_hand_and_the_change_reaches_the_live_list(
    desk: Desk, clock: FakeClock
) -> None:
    context, team = desk.context, desk.team
    incident = desk.incident()
    dialog, answers = context.dialog, context.answers
    note = dialog.add_hotline_note(
        incident.id, "Wann darf ich zurück in die Wohnung?", team["redaktion"]
    )
    other = dialog.add_hotline_note(incident.id, "Ist die Schule morgen offen?", team["redaktion"])
    start = clock.now
    clock.advance(seconds=30)

    suggestions = answers.suggestions(note.id)
    assert suggestions, "the bomb playbook has a Textbaustein about going home"
    assert "{{" not in suggestions[0].text  # filled with the incident's facts

    dialog.claim(note.id, team["freigabe"])
    with pytest.raises(KriseninfoError) as taken:
        answers.answer([note.id], "Wir melden uns.", team["redaktion"])
    assert taken.value.params["problem"] == "claimed"
    dialog.release_claim(note.id, team["freigabe"])

    done = answers.answer(
        [note.id], suggestions[0].text, team["redaktion"], suggestions[0].answer_id
    )
    (item,) = done.items
    assert done.set_id is None and done.by_hand == 1  # the hotline has no channel
    assert item.item_state is ItemState.BEANTWORTET
    assert item.answered_at is not None and item.answered_at > start + timedelta(seconds=29)
    assert item.answer_text == suggestions[0].text and item.answered_by_name == "Clara Claus"
    with pytest.raises(KriseninfoError) as again:
        answers.answer([note.id], "Noch einmal.", team["leitung"])
    assert again.value.params == {"problem": "answered", "name": "Clara Claus"}

    changed = dialog.changed(incident.id, start + timedelta(seconds=1), up_to_id=other.id)
    assert [row.id for row in changed] == [note.id]  # the other one did not change
    closed = answers.close(other.id, team["redaktion"], "doppelt")
    assert closed.item_state is ItemState.ERLEDIGT and not closed.item_state.is_open
    lines = [
        line.new_value for line in context.journal.lines() if line.action == "dialog.item_changed"
    ]
    assert any(value.startswith("beantwortet (von Hand") for value in lines)


def test_an_empty_or_huge_answer_is_refused_with_a_reason(desk: Desk) -> None:
    context, team = desk.context, desk.team
    note = context.dialog.add_hotline_note(desk.incident().id, "Frage?", team["redaktion"])
    for text, params in (
        ("  \u200b ", {"field": "answer"}),
        ("x" * 5001, {"field": "answer", "limit": "5000"}),
    ):
        with pytest.raises(KriseninfoError) as bad:
            context.answers.answer([note.id], text, team["redaktion"])
        assert bad.value.code is ErrorCode.INVALID_INPUT and bad.value.params == params
    assert context.dialog.get(note.id).item_state is ItemState.OFFEN  # nothing lost


def test_similar_questions_cluster_and_become_an_faq_set(desk: Desk) -> None:
    context, team = desk.context, desk.team
    desk.account(Platform.MASTODON, "Stadt Moers")
    incident = desk.incident()
    asked = [
        "Wann darf ich wieder in meine Wohnung?",
        "wann darf ich wieder in die Wohnung zurück",
        "Wann kann ich wieder in meine Wohnung???",
        "Wo ist die Sammelstelle?",
        "Wer bezahlt das Hotel?",
    ]
    for text in asked:
        context.dialog.add_hotline_note(incident.id, text, team["redaktion"])
    found = clusters(context.dialog.items(incident.id))
    assert [c.size for c in found] == [3]
    assert found[0].question == asked[0]
    set_id = context.followups.faq_set(found[0].item_ids, team["redaktion"])
    view = context.messagesets.get(set_id)
    assert view.purpose is SetPurpose.FAQ
    assert all(d.status is DraftStatus.ENTWURF for d in view.drafts)  # four eyes follow
    german = next(d for d in view.drafts if d.language == "de")
    assert german.text.startswith("Häufige Frage: Wann darf ich wieder in meine Wohnung?")


def test_a_rumour_offers_a_richtigstellung(desk: Desk) -> None:
    context, team = desk.context, desk.team
    desk.account(Platform.MASTODON, "Stadt Moers")
    incident = desk.incident()
    item = context.dialog.add_hotline_note(
        incident.id, "Auf Facebook steht, die Bombe ist schon explodiert!", team["redaktion"]
    )
    assert item.category is Category.GERUECHT  # the triage hears the hearsay
    context.dialog.categorise(item.id, Category.FRAGE, team["redaktion"])  # a person disagrees
    with pytest.raises(KriseninfoError) as refused:
        context.followups.correction_set(item.id, team["redaktion"])
    assert refused.value.params == {"problem": "not_rumour"}
    context.dialog.categorise(item.id, Category.GERUECHT, team["redaktion"])
    view = context.messagesets.get(context.followups.correction_set(item.id, team["redaktion"]))
    assert view.purpose is SetPurpose.RICHTIGSTELLUNG
    german = next(d for d in view.drafts if d.language == "de")
    assert "die Bombe ist schon explodiert" in german.text and "Das stimmt nicht" in german.text
