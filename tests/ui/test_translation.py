"""English through Qt's translation system: no visible string of the console stays German."""

from __future__ import annotations

import re

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kriseninfo.storage.models import IncidentKind, IncidentMode
from kriseninfo.users.service import Person
from kriseninfo_ui.dialogs.login_dialog import AddPersonDialog, FirstPersonDialog, LoginDialog
from kriseninfo_ui.dialogs.new_incident_dialog import NewIncidentDialog
from kriseninfo_ui.errors import ErrorDialog
from kriseninfo_ui.mainwindow import Area, MainWindow
from kriseninfo_ui.translation import translations_dir
from tests.ui.conftest import ConsoleFactory, visible_texts

GERMAN = re.compile(r"[äöüÄÖÜß]|\b(und|oder|nicht|der|die|das|Lage|Bitte)\b")


class RecordingTranslator(QTranslator):
    """Answers like the real English translator and notes every text it cannot translate."""

    def __init__(self) -> None:
        super().__init__()
        self.misses: set[tuple[str, str]] = set()
        self.hits = 0
        assert self.load(str(translations_dir() / "kriseninfo_en.qm"))

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        result = super().translate(context, source, disambiguation, n)
        if not context.startswith("Q"):  # Qt's own classes come from qtbase_en
            if result:
                self.hits += 1
            else:
                self.misses.add((context, source))
        return result


def test_every_visible_string_is_translated(
    make_console: ConsoleFactory, seeded: Person, qapp: QApplication, qtbot: QtBot
) -> None:
    console = make_console("en")
    recorder = RecordingTranslator()
    qapp.installTranslator(recorder)
    try:
        console.open_context()
        core = console.context
        core.incidents.create("Drill A", IncidentKind.GROSSBRAND, IncidentMode.DRILL, seeded.actor)
        window: MainWindow = console.show_main_window(seeded)
        qtbot.waitUntil(lambda: window.lage_view.form.incident is not None)
        widgets: list[QWidget] = [window]
        for area in Area.ORDER:
            window.show_area(area)
            qtbot.wait(10)
        window.journal_view.verify()
        qtbot.waitUntil(lambda: window.journal_view.result.text() != "")
        widgets += [
            NewIncidentDialog(),
            AddPersonDialog(core, console.runner, seeded),
            LoginDialog(core, console.runner, [seeded]),
            FirstPersonDialog(core, console.runner),
            ErrorDialog("Traceback …"),
        ]
        texts = []
        for widget in widgets:
            widget.show()
            texts += visible_texts(widget)
            if widget is not window:
                widget.close()
    finally:
        qapp.removeTranslator(recorder)
    assert recorder.hits > 50
    assert recorder.misses == set()
    german = [t for t in texts if GERMAN.search(t) and "Anna Adler" not in t]
    assert german == []


def test_recorder_notices_an_untranslated_string(qapp: QApplication) -> None:
    """Proof that the check above can fail."""
    recorder = RecordingTranslator()
    qapp.installTranslator(recorder)
    try:
        assert QApplication.translate("MainWindow", "Lage") == "Incident"
        QApplication.translate("MainWindow", "Noch nie übersetzt")
    finally:
        qapp.removeTranslator(recorder)
    assert recorder.misses == {("MainWindow", "Noch nie übersetzt")}
