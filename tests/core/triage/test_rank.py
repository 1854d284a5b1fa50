"""Textbausteine for a message: the same reading as the triage, the incident's streets,
the category's own answer, and a missing fact named, never offered as ready."""

from __future__ import annotations

from kriseninfo.dialog.suggest import suggest
from kriseninfo.messagesets.facts import examples
from kriseninfo.playbooks.library import Library
from kriseninfo.triage.classify import Triage
from kriseninfo.triage.incident import TriageContext, place_key


def triage_for(library: Library, playbook_id: str, **facts: str) -> Triage:
    playbook = library.find(playbook_id)
    return Triage(TriageContext.of(playbook, {**examples(playbook), **facts}))


def first(triage: Triage, text: str) -> str:
    return triage.answers(text)[0].answer.id


def test_a_street_of_the_incident_in_lower_case_asks_whether_it_is_affected(
    library: Library,
) -> None:
    bomb = triage_for(library, "bombenentschaerfung")
    for text in (
        "wohne in der römerstr, muss ich da raus mit meiner katze",  # pets named too
        "roemer strasse 12 betroffen?",
        "is bankstrasse in the zone?",
    ):
        ranked = bomb.answers(text)
        assert ranked[0].answer.id == "strasse_betroffen", (text, ranked[:3])
    assert bomb.answers("wohne römerstr 12")[0].places == ("Römerstraße",)


def test_a_street_not_in_the_facts_lifts_nothing(library: Library) -> None:
    bomb = triage_for(library, "bombenentschaerfung", strassen="Kirchstraße")
    ranked = bomb.answers("Kann ich meine Katze aus der Römerstraße mitnehmen?")
    assert ranked[0].answer.id == "haustiere" and ranked[0].places == ()


def test_place_keys_drop_street_words_and_house_numbers() -> None:
    assert place_key("Römerstraße 1 bis 40") == "romer"
    assert place_key("Homberger Straße") == "homberger"
    assert place_key("Moers-Mitte") == "mors-mitte"


def test_english_and_leichte_sprache_find_their_textbaustein(library: Library) -> None:
    fire = triage_for(library, "grossbrand")
    assert first(fire, "is the tap water still ok to drink?") == "trinkwasser"
    assert first(fire, "Can my kids play outside in the garden today?") == "kinder_draussen"
    assert first(fire, "Ich habe einen Hund. Er ist im Garten. Muss er ins Haus?") == "tiere"


def test_an_emergency_leads_with_the_playbooks_112_answer(library: Library) -> None:
    flood = triage_for(library, "hochwasser")
    assert first(flood, "Wasser steht bis zur Brust im Keller und Opa kommt nicht raus") == (
        "notruf_112"
    )


def test_a_rumour_lifts_the_rumour_answer(library: Library) -> None:
    fire = triage_for(library, "grossbrand")
    assert first(fire, "Angeblich war das Brandstiftung, stimmt das?") == "geruechte"


def test_a_textbaustein_with_a_fact_missing_names_it_and_is_not_ready(
    library: Library,
) -> None:
    bomb = library.find("bombenentschaerfung")
    facts = {k: v for k, v in examples(bomb).items() if k != "betreuungsstelle"}
    found = suggest("Wo ist die Betreuungsstelle?", bomb, facts=facts, approved=True)
    shelter = next(s for s in found if s.answer_id == "betreuungsstelle")
    assert shelter.problem and not shelter.pre_approved
    assert "Betreuungsstelle" in shelter.missing
    filled = suggest("Wo ist die Betreuungsstelle?", bomb, facts=examples(bomb), approved=True)
    assert filled[0].answer_id == "betreuungsstelle" and filled[0].pre_approved
    assert not filled[0].missing and "{{" not in filled[0].text
