"""First guesses of an item's category (emergencies first) and ranked answers from the
playbook's Textbausteine, filled with today's facts."""

from __future__ import annotations

import pytest

from kriseninfo.context import AppContext
from kriseninfo.dialog.suggest import suggest
from kriseninfo.dialog.triage import EMERGENCY_ANSWER, guess
from kriseninfo.messagesets.facts import examples
from kriseninfo.playbooks.kinds import Category


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Hilfe, wir sind im Keller eingeschlossen!", Category.NOTFALL),
        ("Es brennt bei uns im Treppenhaus", Category.NOTFALL),
        ("Mein Vater bekommt keine Luft mehr", Category.NOTFALL),
        ("Guten Tag, hier Redaktion der NRZ, bitte um Stellungnahme", Category.PRESSEANFRAGE),
        ("Stimmt es, dass die Bombe schon explodiert ist?", Category.GERUECHT),
        ("Unverschämt, dass niemand Bescheid sagt", Category.BESCHWERDE),
        ("Wann darf ich wieder in meine Wohnung?", Category.FRAGE),
        ("muss ich raus", Category.FRAGE),
        ("Ich sehe Rauch über dem Hafen", Category.HINWEIS),
        ("Danke euch allen", Category.SONSTIGES),
    ],
)
def test_guesses(text: str, category: Category) -> None:
    found = guess(text)
    assert found.category is category
    assert found.emergency == (category is Category.NOTFALL)


def test_an_emergency_has_the_112_answer_ready() -> None:
    assert "112" in EMERGENCY_ANSWER["de"] and "112" in EMERGENCY_ANSWER["en"]
    assert guess("Hilfe!").why.lower() == "hilfe"


def test_the_right_textbaustein_comes_first_with_facts_filled(context: AppContext) -> None:
    playbook = context.playbooks.find("bombenentschaerfung")
    facts = examples(playbook)
    found = suggest("Kann ich meine Katze mitnehmen?", playbook, facts=facts, approved=True)
    assert found[0].answer_id == "haustiere" and found[0].pre_approved
    assert "{{" not in found[0].text
    unfilled = suggest("Was ist da los, alles abgesperrt?", playbook, facts={})
    assert unfilled[0].answer_id == "was_ist_los" and unfilled[0].problem
    assert not unfilled[0].pre_approved
    earlier = suggest(
        "Wo ist die Sammelstelle?", None, earlier=["Die Sammelstelle ist in der Aula."]
    )
    assert earlier and earlier[0].answer_id == "" and "Aula" in earlier[0].text
    assert suggest("xyzzy qwerty", playbook, facts=facts) == []
