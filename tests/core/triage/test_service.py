"""The triage in the product: new items get a category and its reason with the incident's
playbook, a person's category is kept, a new street in the facts triages the open items
again, and the command line prints the same verdict as JSON."""

from __future__ import annotations

import json

from click.testing import CliRunner

from kriseninfo.cli.main import cli
from kriseninfo.context import AppContext
from kriseninfo.domain import IncidentKind, IncidentMode, Person
from kriseninfo.journal.actions import Action
from kriseninfo.messagesets.facts import examples
from kriseninfo.playbooks.kinds import Category


def bomb_incident(context: AppContext, leitung: Person) -> int:
    incident = context.incidents.create(
        "Bombe Innenstadt", IncidentKind.BOMBENENTSCHAERFUNG, IncidentMode.REAL, leitung.actor
    )
    playbook = context.playbooks.find("bombenentschaerfung")
    context.plans.attach(incident, playbook, leitung)
    context.plans.set_facts(incident.id, playbook, examples(playbook), leitung)
    return incident.id


def test_a_hotline_note_gets_its_category_and_reason(context: AppContext, leitung: Person) -> None:
    incident_id = bomb_incident(context, leitung)
    note = context.dialog.add_hotline_note(
        incident_id, "Anruferin: Mann liegt im Flur und reagiert nicht mehr", leitung
    )
    assert note.category is Category.NOTFALL
    assert note.triage_why.startswith("Bewusstlos") and not note.category_by_hand
    listed = context.dialog.items(incident_id)[-1]
    assert (listed.category, listed.triage_why) == (Category.NOTFALL, note.triage_why)


def test_a_private_messages_marker_is_not_read_as_its_words() -> None:
    from kriseninfo.dialog.records import PRIVATE_TITLE
    from kriseninfo.triage.classify import Triage
    from kriseninfo.triage.service import first_guess, item_text

    text = "Meine Nachbarin (82) hat Asthma und sitzt allein im Rauch, sie japst nur noch"
    assert item_text(PRIVATE_TITLE, text) == text
    assert first_guess(Triage(), PRIVATE_TITLE, text)["category"] == "notfall"
    assert first_guess(Triage(), PRIVATE_TITLE, "Wann fährt der Bus?")["category"] == "frage"


def test_a_category_set_by_hand_survives_a_new_triage(context: AppContext, leitung: Person) -> None:
    incident_id = bomb_incident(context, leitung)
    playbook = context.playbooks.find("bombenentschaerfung")
    street = context.dialog.add_hotline_note(
        incident_id, "Am Kastell parken zwei Wohnmobile", leitung
    )
    kept = context.dialog.add_hotline_note(
        incident_id, "Stimmt es, dass die Bombe hochgeht?", leitung
    )
    assert street.category is not Category.HINWEIS and kept.category is Category.GERUECHT
    context.dialog.categorise(kept.id, Category.FRAGE, leitung)  # a person decided
    assert context.dialog.get(kept.id).category_by_hand
    # "Am Kastell" joins the affected streets: a statement naming one is a hint.
    streets = examples(playbook)["strassen"] + "; Am Kastell"
    context.plans.set_facts(incident_id, playbook, {"strassen": streets}, leitung)
    assert context.dialog.get(street.id).category is Category.HINWEIS
    assert context.dialog.get(street.id).triage_why == "Ort genannt"
    assert context.dialog.get(kept.id).category is Category.FRAGE  # untouched
    changes = [line for line in context.journal.lines() if line.field == "Einordnung"]
    assert changes and changes[-1].action == Action.DIALOG_ITEM_CHANGED.value
    assert changes[-1].new_value == "1 offene Anfrage neu eingeordnet"
    assert context.triage.retriage(incident_id, leitung) == 0  # nothing left to change


def test_an_answered_item_is_not_triaged_again(context: AppContext, leitung: Person) -> None:
    incident_id = bomb_incident(context, leitung)
    item = context.dialog.add_hotline_note(
        incident_id, "Am Kastell parken zwei Wohnmobile", leitung
    )
    before = item.category
    assert before is not Category.HINWEIS
    context.answers.answer([item.id], "Danke für den Hinweis.", leitung)
    playbook = context.playbooks.find("bombenentschaerfung")
    context.plans.set_facts(incident_id, playbook, {"strassen": "Am Kastell"}, leitung)
    assert context.dialog.get(item.id).category is before


def test_the_triage_command_prints_json_for_each_message(tmp_path: object) -> None:
    run = CliRunner().invoke(
        cli,
        [
            "--data-dir",
            str(tmp_path),
            "dialog",
            "triage",
            "--playbook",
            "bombenentschaerfung",
            "--json",
            "wohne in der römerstr, muss ich raus?",
            "mein mann blutet am kopf und wir kommen nicht raus!!!",
        ],
    )
    assert run.exit_code == 0, run.output
    street, emergency = (json.loads(line) for line in run.stdout.splitlines())
    assert street["category"] == "frage" and not street["emergency"]
    assert street["suggestions"][0]["answer_id"] == "strasse_betroffen"
    assert len(street["suggestions"]) == 3
    assert {"answer_id", "title", "score"} <= set(street["suggestions"][0])
    assert emergency["emergency"] and emergency["category"] == "notfall"
    assert "Blutung" in emergency["why"]
    assert emergency["suggestions"][0]["answer_id"] == "notruf"


def test_the_triage_command_reads_lines_and_knows_an_incident(
    context: AppContext, leitung: Person
) -> None:
    incident_id = bomb_incident(context, leitung)
    url = context.database.url
    run = CliRunner().invoke(
        cli,
        [
            "--data-dir",
            str(context.paths.data_dir),
            "--db",
            url,
            "dialog",
            "triage",
            "--incident",
            str(incident_id),
        ],
        input="Kann ich meine Katze mitnehmen?\n\nIst die Römerstraße betroffen?\n",
    )
    assert run.exit_code == 0, run.output
    lines = run.stdout.splitlines()
    assert lines[0].startswith("frage (Frage): Kann ich meine Katze")
    assert "haustiere" in lines[1]
    assert any("strasse_betroffen" in line for line in lines)


def test_an_unknown_playbook_is_a_clear_error(tmp_path: object) -> None:
    run = CliRunner().invoke(
        cli, ["--data-dir", str(tmp_path), "dialog", "triage", "--playbook", "gibtsnicht", "x"]
    )
    assert run.exit_code != 0 and "gibtsnicht" in run.stderr
