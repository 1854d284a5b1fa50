"""The first guess: emergencies generously and with their reason, the shapes of rumours,
press enquiries, complaints and hints, and what the playbook adds."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kriseninfo.messagesets.facts import examples
from kriseninfo.playbooks.kinds import Category
from kriseninfo.playbooks.library import Library
from kriseninfo.playbooks.schema import Playbook
from kriseninfo.triage.classify import Triage
from kriseninfo.triage.incident import TriageContext

PLAIN = Triage()


@pytest.mark.parametrize(
    "text",
    [
        # the three the word list missed (issue 16)
        "Mein Sohn (6) hat Asthma und sein Spray hilft nicht mehr, der Rauch zieht rein",
        "Wir sitzen auf dem Dach, das Wasser steht bis zum ersten Stock. Habt ihr ein Boot?",
        "Rauch im Treppenhaus und wir kommen nicht raus",
        # a private message about an old woman with asthma in the smoke
        "Meine Nachbarin ist 82, hat Asthma und sitzt allein in der Wohnung, hier ist alles "
        "voller Rauch und sie japst",
        "mein vater liegt im flur und antwortet nicht",
        "Das Beatmungsgerät von meinem Mann läuft nur noch eine Stunde auf Akku",
        "Oma (89) ist allein im Sperrgebiet, macht nicht auf und war heute morgen schon verwirrt",
        "schickt jemand!!! wasser kommt rein und die kinder sind oben",
        "Meine Frau spricht ganz verwaschen und der rechte Arm hängt runter",
        "HILFE!!!",
        "pls help we are on the 4th floor, smoke coming under the door",
        "Ich bekomme keine Luft. Bitte helfen Sie mir.",  # Leichte Sprache
        "wirkommennichtrausausdemkeller",
    ],
)
def test_emergencies_are_found(text: str) -> None:
    verdict = PLAIN.verdict(text)
    assert verdict.emergency and verdict.category is Category.NOTFALL, verdict
    assert verdict.why, "an emergency always says why"


def test_the_reason_names_the_signs_strongest_first() -> None:
    verdict = PLAIN.verdict("Mein Kind bekommt keine Luft mehr")
    assert verdict.why[0] == "Atemnot" and "Kind" in verdict.why
    assert verdict.reason.startswith("Atemnot · ")


@pytest.mark.parametrize(
    "text",
    [
        "Ist der Rauch giftig?",
        "Was tun wenn jemand Atemprobleme bekommt? Uns geht es gut, nur interessehalber",
        "Wo gibt es Hilfe beim Auspumpen? Der Keller steht voll, uns geht es aber gut",
        "1995 stand bei uns das Wasser bis zur zweiten Treppenstufe. Wird es diesmal höher?",
        "Gibt es Verletzte? Wir berichten live für die Rheinische Post.",
        "Bei uns im Garten ist die große Birke umgekippt. Wer holt die ab?",
        "Mein Handy zeigt nur SOS an. Kann ich damit trotzdem die 112 anrufen, falls was ist?",
        "Powerbanks abzugeben!!! 20 Stück, 15 € pro Stück",
        "+++ WEITERLEITEN +++ Um 21 Uhr zieht ein Tornado über Moers, alle sofort in den Keller!!!",
    ],
)
def test_alarming_words_in_an_ordinary_message_are_no_emergency(text: str) -> None:
    assert not PLAIN.verdict(text).emergency, PLAIN.verdict(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Stimmt es, dass es eine zweite Bombe gibt?", Category.GERUECHT),
        ("Bitte an alle weiterleiten: die Schulen sind morgen zu!!!", Category.GERUECHT),
        ("Mein Schwager bei der Feuerwehr sagt, da brennen Giftfässer", Category.GERUECHT),
        ("Is it true that the whole town will be evacuated?", Category.GERUECHT),
        (
            "Hier Lokalredaktion der NRZ: Wann wird entschärft? Bitte bis 16 Uhr.",
            Category.PRESSEANFRAGE,
        ),
        ("WDR Lokalzeit: Können wir um 18 Uhr einen O-Ton bekommen?", Category.PRESSEANFRAGE),
        ("Die Frist ist viel zu knapp, das ist eine Zumutung!", Category.BESCHWERDE),
        ("Bürgertelefon dauerbesetzt, ganz toll gemacht 🙄", Category.BESCHWERDE),
        ("Da läuft einer mit Hund durchs Sperrgebiet an der Römerstraße", Category.HINWEIS),
        ("An der Repelener Straße parken Schaulustige die Zufahrt zu", Category.HINWEIS),
        ("Danke an alle Helfer, super organisiert!", Category.SONSTIGES),
        ("Danke! Wo kann ich Grünschnitt hinbringen?", Category.FRAGE),
        ("Frau D. fragt, ob sie die Wäsche noch mal waschen muss", Category.FRAGE),
        ("muss ich raus", Category.FRAGE),
        ("Can I bring my dog to the shelter?", Category.FRAGE),
    ],
)
def test_shapes_of_messages(text: str, category: Category) -> None:
    assert PLAIN.verdict(text).category is category, PLAIN.verdict(text)


def test_a_newsroom_or_a_chain_message_needs_more_to_be_an_emergency() -> None:
    press = PLAIN.verdict("Redaktion RP: Stimmt es, dass ein Mann bewusstlos geborgen wurde?")
    assert not press.emergency
    assert PLAIN.verdict("Mein Mann ist bewusstlos").emergency


def test_the_playbooks_examples_teach_the_incident(tmp_path: Path) -> None:
    """A message resembling the playbook's emergency example is an emergency with it, and
    the same words alone are not."""
    text = "Die Schleuse am Hafenbecken klemmt, Pegel steigt, Bootsführer treibt ab"
    minimal = yaml.safe_load(
        (Path(__file__).parents[1] / "data" / "minimal_playbook.yaml").read_text("utf-8")
    )
    minimal["answers"] = [
        {
            "id": "notruf",
            "title": "Notfall",
            "category": "notfall",
            "questions": ["Schleuse Hafenbecken klemmt, Pegel steigt, Bootsführer treibt"],
            "texts": {"de": "Bitte 112.", "de-x-ls": "Bitte 112.", "en": "Call 112."},
        }
    ]
    playbook = Playbook.model_validate(minimal)
    taught = Triage(TriageContext.of(playbook, examples(playbook)))
    assert taught.verdict(text).emergency
    assert "wie im Playbook" in taught.verdict(text).why
    assert not PLAIN.verdict(text).emergency


def test_every_bundled_playbook_has_its_emergency_injects_found(library: Library) -> None:
    for playbook in library.usable():
        triage = Triage(TriageContext.of(playbook, examples(playbook)))
        for inject in playbook.injects:
            if inject.expect.category is Category.NOTFALL:
                assert triage.verdict(inject.text).emergency, (playbook.id, inject.text)
