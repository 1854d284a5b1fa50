"""Versions of a draft side by side: removed words struck through, added ones underlined,
every text shown as written (HTML in a message is never interpreted)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

from PySide6.QtGui import QFont, QTextCharFormat, QTextDocument
from pytestqt.qtbot import QtBot

from kriseninfo.messagesets.records import Version
from kriseninfo_ui.dialogs.versions_dialog import VersionsDialog


def _version(number: int, text: str, note: str = "bearbeitet", minute: int = 0) -> Version:
    return Version(
        version=number,
        subject="",
        parts=(text,),
        media=(),
        created_at=datetime(2025, 3, 14, 13, 5 + minute, tzinfo=UTC),
        created_by_name="Clara Claus",
        note=note,
    )


def _fragments(document: QTextDocument) -> Iterator[tuple[str, QTextCharFormat]]:
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            yield fragment.text(), fragment.charFormat()
            iterator += 1
        block = block.next()


def _dialog(qtbot: QtBot, *versions: Version) -> VersionsDialog:
    dialog = VersionsDialog(list(versions))
    qtbot.addWidget(dialog)
    return dialog


def test_previous_and_newest_are_compared_word_by_word(qtbot: QtBot) -> None:
    dialog = _dialog(
        qtbot,
        _version(1, "Brand im Hafen.", note="erstellt"),
        _version(2, "Großbrand im Hafen.\nFenster schließen.", minute=5),
        _version(3, "Großbrand in der Lagerhalle.\nFenster schließen.", minute=10),
    )
    assert dialog.old.currentText().startswith("Version 2 · ")
    assert dialog.new.currentText().startswith("Version 3 · ")
    assert dialog.new.currentText().endswith(" · Clara Claus · bearbeitet")
    assert dialog.old.itemText(0).endswith(" · Clara Claus · erstellt")

    fragments = list(_fragments(dialog.text.document()))
    removed = [text for text, f in fragments if f.fontStrikeOut()]
    added = [text for text, f in fragments if f.fontUnderline()]
    same = "".join(text for text, f in fragments if not (f.fontStrikeOut() or f.fontUnderline()))
    assert removed == ["im", "Hafen."]
    assert added == ["in", "der Lagerhalle."]
    assert "Großbrand" in same and "Fenster schließen." in same
    for _text, f in fragments:
        if f.fontStrikeOut():
            assert f.background().color().name() == "#ffd6d6"
        if f.fontUnderline():
            assert f.background().color().name() == "#d2f5d2"
    plain = dialog.text.toPlainText()
    assert "\n" in plain and plain.splitlines()[-1] == "Fenster schließen."

    dialog.old.setCurrentIndex(0)  # any two versions can be compared
    removed = [t for t, f in _fragments(dialog.text.document()) if f.fontStrikeOut()]
    assert removed == ["Brand", "im", "Hafen."]


def test_html_in_a_message_is_shown_literally(qtbot: QtBot) -> None:
    dialog = _dialog(
        qtbot,
        _version(1, "Treffpunkt <b>Rathaus</b> & Schule"),
        _version(2, "Treffpunkt <b>Rathaus</b> & <a href='x'>Turnhalle</a> <script>x</script>"),
    )
    plain = dialog.text.toPlainText()
    assert "Treffpunkt <b>Rathaus</b> & " in plain
    assert "<a href='x'>Turnhalle</a> <script>x</script>" in plain
    for text, f in _fragments(dialog.text.document()):
        assert f.fontWeight() != QFont.Weight.Bold, text
        assert not f.isAnchor(), text


def test_one_version_and_no_change(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, _version(1, "Entwarnung.", note="erstellt"))
    assert dialog.summary.text() == "Beide Seiten zeigen dieselbe Version."
    assert dialog.text.toPlainText() == "Entwarnung."
    empty = _dialog(qtbot)
    assert empty.summary.text() == "Es gibt noch keine gespeicherte Version."
