"""The Übungen area: a drill started from a playbook becomes the active incident, its
injects arrive in the Dialog area on the drill clock, the exercise lead pauses, speeds up
and adds injects, and the Übungs-Timeline shows what would have been published."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from kriseninfo.context import AppContext
from kriseninfo.domain import IncidentKind, IncidentMode, Person
from kriseninfo.playbooks.kinds import Category, InjectChannel
from kriseninfo_ui.dialogs.inject_dialog import InjectDialog
from kriseninfo_ui.dialogs.start_drill_dialog import StartDrillDialog
from kriseninfo_ui.mainwindow import Area, MainWindow
from tests.core.drills.conftest import write_book
from tests.ui.conftest import type_text, when_modal


def test_a_drill_runs_from_the_uebungen_area(
    window: MainWindow, core: AppContext, seeded: Person, qtbot: QtBot
) -> None:
    write_book(core)  # three injects at 0:30, 1:30 and 2:00
    window.show_area(Area.UEBUNGEN)
    view = window.drills_view

    def start(dialog: StartDrillDialog) -> None:
        qtbot.waitUntil(lambda: dialog.ok.isEnabled(), timeout=15_000)
        dialog.playbook.setCurrentIndex(dialog.playbook.findData("kurzuebung"))
        dialog.speed.setCurrentIndex(dialog.speed.findData(60.0))
        assert "3 Einspielungen" in dialog.about.text()
        dialog.buttons.accepted.emit()

    when_modal(StartDrillDialog, start)
    view.start_button.click()
    qtbot.waitUntil(lambda: window.lage_view.form.incident is not None, timeout=10_000)
    incident = window.lage_view.form.incident
    assert incident is not None and incident.mode is IncidentMode.DRILL
    assert window.drill_banner.isVisible()
    assert window.windowTitle().startswith("ÜBUNG – ")
    qtbot.waitUntil(lambda: view.list.count() == 1 and view._shown is not None, timeout=5_000)
    qtbot.waitUntil(lambda: "Übungsuhr" in window.drill_banner.text(), timeout=5_000)

    # At 60×, the first inject (0:30) arrives within seconds and shows in the Dialog.
    qtbot.waitUntil(lambda: "offen seit" in view.injects.item(0, 5).text(), timeout=10_000)
    window.show_area(Area.DIALOG)
    qtbot.waitUntil(lambda: window.dialog_view.model.rowCount() >= 1, timeout=10_000)
    assert any(
        item.source_name == "Übung · Mastodon" for item in window.dialog_view.model.all_items()
    )

    # The lead pauses: the clock stands.
    window.show_area(Area.UEBUNGEN)
    view.pause_button.click()
    qtbot.waitUntil(lambda: view.pause_button.text() == "&Weiter", timeout=5_000)
    drill = core.drills.get(incident.id)
    assert drill is not None and not drill.running
    standing = drill.now(core.clock())
    qtbot.wait(1_200)
    assert core.drills.get(incident.id).now(core.clock()) == standing  # type: ignore[union-attr]

    # … and adds an inject of their own, which arrives at once.
    def inject(dialog: InjectDialog) -> None:
        dialog.channel.setCurrentIndex(dialog.channel.findData(InjectChannel.EMAIL.value))
        type_text(dialog.author, "redaktion@zeitung.example")
        dialog.text.setPlainText("Wie viele Menschen sind betroffen?")
        dialog.category.setCurrentIndex(dialog.category.findData(Category.PRESSEANFRAGE.value))
        dialog._accept()

    when_modal(InjectDialog, inject)
    view.inject_button.click()
    qtbot.waitUntil(lambda: view.injects.rowCount() == 4, timeout=5_000)
    view.pause_button.click()  # on again, then end it
    qtbot.waitUntil(lambda: view.pause_button.text() == "&Anhalten", timeout=5_000)
    manual = next(i for i in core.drills.get(incident.id).injects if i.manual)  # type: ignore[union-attr]
    qtbot.waitUntil(
        lambda: any(i.manual and i.arrived for i in core.drills.get(incident.id).injects),  # type: ignore[union-attr]
        timeout=5_000,
    )
    assert manual.author == "redaktion@zeitung.example"


def test_the_timeline_shows_what_a_drill_would_have_published(
    window: MainWindow,
    core: AppContext,
    seeded: Person,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kriseninfo.drills.headless import Headless

    book = write_book(core, duration="0:01", injects=[])
    ended = Headless(core, seeded, speed=60, auto_answer=True, sleep=lambda _s: None).run(book)
    window.show_area(Area.UEBUNGEN)
    view = window.drills_view
    qtbot.waitUntil(lambda: view.list.count() == 1, timeout=5_000)
    view.list.setCurrentRow(0)
    qtbot.waitUntil(lambda: len(view.timeline._ids) >= 1, timeout=5_000)
    assert view.end_button.isEnabled() is False or not view.lead.isEnabled()  # ended
    texts = [label.text() for label in view.timeline.findChildren(type(view.state))]
    assert any(text.startswith("ÜBUNG – ") for text in texts)
    assert ended.ended

    # Nachbereitung erstellen …: the officer picks a file, the report is written.
    target = tmp_path / "nachbereitung.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), ""))
    )
    view.report_button.click()
    qtbot.waitUntil(lambda: "gespeichert" in view.message.text(), timeout=30_000)
    assert target.read_bytes().startswith(b"%PDF")


def test_a_closed_real_incident_offers_its_review(
    window: MainWindow, core: AppContext, seeded: Person, qtbot: QtBot
) -> None:
    real = core.incidents.create(
        "Stromausfall Nord", IncidentKind.SONSTIGE, IncidentMode.REAL, seeded.actor
    )
    window.lage_view.adopt(real)
    qtbot.waitUntil(lambda: window.lage_view.form.incident is not None)
    assert not window.review_action.isEnabled()  # open: no review yet
    window.lage_view.adopt(core.incidents.close(real.id, seeded.actor))
    qtbot.waitUntil(lambda: window.review_action.isEnabled())
