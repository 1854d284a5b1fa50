"""The dialog feed's two small forms on a real core: a note from the Bürgertelefon and a
feed source. A refusal is shown in the dialog, and nothing typed is lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from kriseninfo.context import AppContext
from kriseninfo.domain import IncidentKind, IncidentMode, Person
from kriseninfo_ui.dialogs.hotline_dialog import HotlineDialog
from kriseninfo_ui.dialogs.source_dialog import SourceDialog
from tests.ui.conftest import type_text


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """These forms need one real database, not each kind: SQLite only."""
    return f"sqlite:///{tmp_path / 'kriseninfo.sqlite3'}"


@pytest.fixture
def incident_id(context: AppContext, leitung: Person) -> int:
    incident = context.incidents.create(
        "Großbrand Hafen", IncidentKind.GROSSBRAND, IncidentMode.REAL, leitung.actor
    )
    return incident.id


def _hotline(context: AppContext, leitung: Person, incident_id: int, qtbot: QtBot) -> HotlineDialog:
    dialog = HotlineDialog(
        lambda q, d, c: context.dialog.add_hotline_note(
            incident_id, q, leitung, district=d, callback=c
        )
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.question)
    return dialog


def test_hotline_note_is_stored_with_district_and_callback(
    context: AppContext, leitung: Person, incident_id: int, qtbot: QtBot
) -> None:
    dialog = _hotline(context, leitung, incident_id, qtbot)
    assert "14 Tagen automatisch gelöscht" in dialog.privacy.text()

    qtbot.keyClicks(dialog.question, "Ist die Schule morgen offen?")
    type_text(dialog.district, "Hülsdonk, Römerstraße")
    qtbot.keyClicks(dialog.callback, "02841 123456")
    qtbot.keyClick(dialog.question, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert dialog.result() == QDialog.DialogCode.Accepted
    items = context.dialog.items(incident_id)
    assert len(items) == 1
    assert items[0].text == "Ist die Schule morgen offen?"
    assert items[0].district == "Hülsdonk, Römerstraße"
    assert items[0].callback == "02841 123456"
    assert dialog.saved == items


def test_a_bad_number_is_explained_and_nothing_typed_is_lost(
    context: AppContext, leitung: Person, incident_id: int, qtbot: QtBot
) -> None:
    dialog = _hotline(context, leitung, incident_id, qtbot)
    qtbot.keyClicks(dialog.question, "Wo ist die Notunterkunft?")
    qtbot.keyClicks(dialog.district, "Hafen")
    qtbot.keyClicks(dialog.callback, "abc")
    dialog.save_button.click()

    assert dialog.isVisible()
    assert dialog.error.isVisible()
    assert dialog.error.text() == "Das ist keine Telefonnummer."
    assert QApplication.focusWidget() is dialog.callback
    assert dialog.question.toPlainText() == "Wo ist die Notunterkunft?"
    assert dialog.district.text() == "Hafen"
    assert dialog.callback.text() == "abc"
    assert context.dialog.items(incident_id) == []

    dialog.callback.clear()
    dialog.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    [item] = context.dialog.items(incident_id)
    assert (item.district, item.callback) == ("Hafen", "")


def test_an_empty_question_is_asked_for(
    context: AppContext, leitung: Person, incident_id: int, qtbot: QtBot
) -> None:
    dialog = _hotline(context, leitung, incident_id, qtbot)
    qtbot.keyClicks(dialog.district, "Hafen")
    dialog.district.setFocus()
    dialog.save_button.click()

    assert dialog.error.text() == "Bitte die Frage eintragen."
    assert QApplication.focusWidget() is dialog.question
    assert dialog.district.text() == "Hafen"
    assert context.dialog.items(incident_id) == []


def test_weitere_notiz_clears_the_form_and_stays_open(
    context: AppContext, leitung: Person, incident_id: int, qtbot: QtBot
) -> None:
    dialog = _hotline(context, leitung, incident_id, qtbot)
    dialog.another.setChecked(True)
    for question in ("Ist das Wasser trinkbar?", "Wann ist die Straße frei?"):
        qtbot.keyClicks(dialog.question, question)
        qtbot.keyClicks(dialog.district, "Hafen")
        dialog.save_button.click()

        assert dialog.isVisible()
        assert dialog.status.text() == "Gespeichert."
        assert dialog.question.toPlainText() == ""
        assert dialog.district.text() == ""
        assert dialog.callback.text() == ""
        assert QApplication.focusWidget() is dialog.question

    texts = [item.text for item in context.dialog.items(incident_id)]
    assert texts == ["Ist das Wasser trinkbar?", "Wann ist die Straße frei?"]
    assert len(dialog.saved) == 2


def _source_dialog(context: AppContext, leitung: Person, incident_id: int) -> SourceDialog:
    return SourceDialog(
        lambda name, url, interval: context.sources.add_feed(
            incident_id, name, url, leitung, interval_s=interval
        )
    )


def test_a_javascript_address_is_refused_in_the_dialog(
    context: AppContext, leitung: Person, incident_id: int, qtbot: QtBot
) -> None:
    dialog = _source_dialog(context, leitung, incident_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.name, "Mastodon #moers")
    qtbot.keyClicks(dialog.address, "javascript:alert(1)")
    dialog.save_button.click()

    assert dialog.isVisible()
    assert dialog.error.isVisible()
    assert "keine Feed-Adresse" in dialog.error.text()
    assert dialog.name.text() == "Mastodon #moers"
    assert dialog.address.text() == "javascript:alert(1)"
    assert context.sources.for_incident(incident_id) == []


def test_a_nameless_source_asks_for_the_name(
    context: AppContext, leitung: Person, incident_id: int, qtbot: QtBot
) -> None:
    dialog = _source_dialog(context, leitung, incident_id)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.address, "https://social.example/tags/moers.rss")
    dialog.save_button.click()

    assert dialog.error.text() == "Bitte geben Sie einen Namen ein."
    assert dialog.address.text() == "https://social.example/tags/moers.rss"
    assert context.sources.for_incident(incident_id) == []


def test_a_feed_address_is_stored(
    context: AppContext, leitung: Person, incident_id: int, qtbot: QtBot
) -> None:
    dialog = _source_dialog(context, leitung, incident_id)
    qtbot.addWidget(dialog)
    assert dialog.interval.value() == 60
    qtbot.keyClicks(dialog.name, "Mastodon #moers")
    qtbot.keyClicks(dialog.address, "https://social.example/tags/moers.rss")
    dialog.interval.setValue(120)
    dialog.save_button.click()

    assert dialog.result() == QDialog.DialogCode.Accepted
    [source] = context.sources.for_incident(incident_id)
    assert (source.name, source.address, source.interval_s) == (
        "Mastodon #moers",
        "https://social.example/tags/moers.rss",
        120,
    )
    assert dialog.saved == source


def test_mnemonics_do_not_clash(
    context: AppContext, leitung: Person, incident_id: int, qtbot: QtBot
) -> None:
    from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

    hotline = HotlineDialog(lambda q, d, c: None)
    source = _source_dialog(context, leitung, incident_id)
    for dialog in (hotline, source):
        qtbot.addWidget(dialog)
        keys: list[str] = []
        for widget in dialog.findChildren(QWidget):
            if isinstance(widget, QLabel | QAbstractButton) and "&" in widget.text():
                keys.append(widget.text().split("&", 1)[1][0].lower())
        assert len(keys) == len(set(keys)) >= 4, keys
