"""The Playbooks area: library, rendered texts with counters, copy to edit, the YAML editor
that checks and saves as you type, import and export."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QGroupBox, QLabel, QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from kriseninfo.context import AppContext
from kriseninfo.domain import Person
from kriseninfo.playbooks.library import Library
from kriseninfo_ui.app import Console
from kriseninfo_ui.mainwindow import Area, MainWindow
from tests.ui.conftest import type_text

MINIMAL = Path(__file__).parents[1] / "core" / "data" / "minimal_playbook.yaml"


@pytest.fixture
def playbook_window(
    console: Console, core: AppContext, seeded: Person, tmp_path: Path, qtbot: QtBot
) -> MainWindow:
    bundled = tmp_path / "bundled"
    bundled.mkdir()
    (bundled / "testlage.yaml").write_bytes(MINIMAL.read_bytes())
    core.playbooks = Library(tmp_path / "own", bundled)
    window = console.show_main_window(seeded)
    window.show_area(Area.PLAYBOOKS)
    qtbot.waitUntil(lambda: window.playbooks_view.model.rowCount() == 1)
    return window


def test_library_lists_the_playbook_with_its_state(playbook_window: MainWindow) -> None:
    model = playbook_window.playbooks_view.model
    row = [model.index(0, column).data() for column in range(model.columnCount())]
    assert row == [
        "Testlage",
        "Sonstige",
        "1.2",
        "Deutsch, Leichte Sprache, Englisch",
        "01.10.2026 · Pressestelle",
        "in Ordnung",
        "mitgeliefert",
    ]


def test_texts_are_rendered_with_counters(playbook_window: MainWindow, qtbot: QtBot) -> None:
    preview = playbook_window.playbooks_view.preview
    qtbot.waitUntil(lambda: bool(preview.body.findChildren(QGroupBox)))
    titles = [box.title() for box in preview.body.findChildren(QGroupBox)]
    assert titles == [
        "Kurzer Beitrag",
        "Webseite",
        "E-Mail / Pressemitteilung",
        "SMS",
        "Warnung (CAP)",
    ]
    texts = [edit.toPlainText() for edit in preview.body.findChildren(QPlainTextEdit)]
    assert "Gefahr in Hafenstraße 12. Abstand 500 m. Infos: 02841 201-0" in texts
    counters = [
        label.text()
        for label in preview.body.findChildren(QLabel)
        if label.objectName() == "counterOk"
    ]
    # The strictest of X, Mastodon, Bluesky and Threads, named.
    assert "82 / 280 Zeichen (gewichtet) – X" in counters, counters
    assert "1 / 2 SMS-Teile" in counters
    assert "Bürgertelefon besetzt?" in preview.checklist.text()
    preview.language.setCurrentIndex(preview.language.findData("en"))
    texts = [edit.toPlainText() for edit in preview.body.findChildren(QPlainTextEdit)]
    assert "Danger at Hafenstraße 12. Keep 500 m away." in texts


def test_bundled_is_read_only_until_copied(
    playbook_window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    view = playbook_window.playbooks_view
    assert view.editor.text.isReadOnly()
    assert "schreibgeschützt" in view.editor.hint.text()
    assert view.editor.problems.item(0).text() == "Keine Fehler und keine Hinweise."
    view.duplicate_button.click()
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    qtbot.waitUntil(lambda: view.model.entry_at(view.table.currentIndex().row()).bundled is False)
    assert not view.editor.text.isReadOnly()
    copy = tmp_path / "own" / "testlage-kopie.yaml"
    assert copy.exists()


def test_editor_checks_and_saves_as_you_type(
    playbook_window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    view = playbook_window.playbooks_view
    view.duplicate_button.click()
    qtbot.waitUntil(lambda: not view.editor.text.isReadOnly())
    editor = view.editor.text
    document = editor.document()
    line = next(
        i
        for i in range(document.blockCount())
        if document.findBlockByNumber(i).text() == "kind: sonstige"
    )
    view.editor.go_to_line(line + 1)
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)
    type_text(editor, "x")
    qtbot.waitUntil(lambda: "Zeile" in view.editor.problems.item(0).text(), timeout=5000)
    assert view.editor.problems.count() == 1
    shown = view.editor.problems.item(0).text()
    assert f"Zeile {line + 1}" in shown and "sonstige" in shown and "Fehler" in shown
    assert "kind: sonstigex" in (tmp_path / "own" / "testlage-kopie.yaml").read_text()
    assert editor.extraSelections()  # the line is marked


def test_import_refuses_broken_and_takes_good(
    playbook_window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    view = playbook_window.playbooks_view
    broken = tmp_path / "broken.yaml"
    broken.write_text(MINIMAL.read_text().replace("    checklist:", "    checklst:"))
    view.import_file(broken)
    qtbot.waitUntil(lambda: "Import abgelehnt" in view.message.text())
    box = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "importRejected"
    )
    assert "Unbekannter Schlüssel „checklst“. Meinten Sie „checklist“?" in box.detailedText()
    box.close()
    good = tmp_path / "good.yaml"
    good.write_bytes(MINIMAL.read_bytes())
    view.import_file(good)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    assert "Gespeichert als" in view.message.text()
    target = tmp_path / "export.yaml"
    view.export_to(target)
    qtbot.waitUntil(lambda: target.exists())


def test_library_model_passes_qt_model_checks(
    playbook_window: MainWindow, qtmodeltester: object
) -> None:
    qtmodeltester.check(playbook_window.playbooks_view.model)  # type: ignore[attr-defined]


def test_problems_read_in_german(qapp: object) -> None:
    """Schema reasons come in plain German, not in pydantic's English."""
    from kriseninfo.playbooks.check import check_bytes
    from kriseninfo_ui.playbook_texts import problem_text

    text = (
        MINIMAL.read_text()
        .replace("kind: sonstige", "kind: unweter")
        .replace("example: 500", "example: [1]")
    )
    shown = [problem_text(p) for p in check_bytes(text.encode()).errors]
    assert any(
        s.startswith("Ungültiger Wert 'unweter': Erlaubt sind:") and "„unwetter“" in s
        for s in shown
    ), shown
    assert not any("Input should" in s for s in shown), shown
