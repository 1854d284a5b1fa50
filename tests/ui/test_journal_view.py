"""The Einsatztagebuch area: lines in local time, chain check, CSV export."""

from __future__ import annotations

import csv
import io
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from kriseninfo.context import AppContext
from kriseninfo.incidents.lagebild import LagebildField
from kriseninfo.journal import journal
from kriseninfo.storage.models import IncidentKind, IncidentMode, JournalEntry
from kriseninfo.users.service import Person
from kriseninfo_ui.mainwindow import Area, MainWindow
from kriseninfo_ui.widgets import local_time_text


def _prepare(window: MainWindow, core: AppContext, person: Person, qtbot: QtBot) -> int:
    incident = core.incidents.create(
        "Großbrand", IncidentKind.GROSSBRAND, IncidentMode.REAL, person.actor
    )
    core.incidents.set_field(incident.id, LagebildField.LOCATION, "Hafen", person.actor)
    window.lage_view.reload()
    window.show_area(Area.JOURNAL)
    qtbot.waitUntil(lambda: window.journal_view.model.rowCount() == 2)
    return incident.id


def test_lines_show_who_when_what(
    window: MainWindow, core: AppContext, seeded: Person, qtbot: QtBot
) -> None:
    _prepare(window, core, seeded, qtbot)
    model = window.journal_view.model
    row = [model.index(1, column).data() for column in range(model.columnCount())]
    with core.database.session() as session:
        stored = journal.lines(session)[-1]
    assert row[0] == str(stored.seq)
    assert row[1] == local_time_text(stored.recorded_at, with_seconds=True)
    assert row[2:7] == ["Anna Adler", "Lagebild geändert", "Wo?", "", "Hafen"]


def test_times_in_lines_are_shown_in_local_time(
    window: MainWindow,
    core: AppContext,
    seeded: Person,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    incident_id = _prepare(window, core, seeded, qtbot)
    moment = datetime(2026, 11, 27, 9, 34, tzinfo=UTC)
    core.incidents.set_field(incident_id, LagebildField.SINCE, moment, seeded.actor)
    window.journal_view.load_more()
    qtbot.waitUntil(lambda: window.journal_view.model.rowCount() == 3)
    shown = window.journal_view.model.index(2, 6).data()
    assert shown == "27.11.2026 10:34"
    monkeypatch.undo()
    time.tzset()


def test_new_lines_arrive_while_watching(
    window: MainWindow, core: AppContext, seeded: Person, qtbot: QtBot
) -> None:
    incident_id = _prepare(window, core, seeded, qtbot)
    core.incidents.set_field(incident_id, LagebildField.HOTLINE, "02841 201-0", seeded.actor)
    window.journal_view.load_more()
    qtbot.waitUntil(lambda: window.journal_view.model.rowCount() == 3)
    window.journal_view.only_active.setChecked(False)
    # All lines: the person's creation as well.
    qtbot.waitUntil(lambda: window.journal_view.model.rowCount() == 4)


def test_verify_shows_intact_and_tampered(
    window: MainWindow, core: AppContext, seeded: Person, qtbot: QtBot
) -> None:
    _prepare(window, core, seeded, qtbot)
    view = window.journal_view
    view.verify_button.click()
    qtbot.waitUntil(lambda: "unversehrt" in view.result.text())
    with core.database.session() as session:
        session.execute(update(JournalEntry).where(JournalEntry.seq == 2).values(field="x"))
    view.verify_button.click()
    qtbot.waitUntil(lambda: "verändert" in view.result.text())
    assert "Nr. 2" in view.result.text()


def test_export_writes_the_active_incidents_lines(
    window: MainWindow, core: AppContext, seeded: Person, qtbot: QtBot, tmp_path: Path
) -> None:
    _prepare(window, core, seeded, qtbot)
    target = tmp_path / "tagebuch.csv"
    window.journal_view.export_to(target)
    qtbot.waitUntil(lambda: "2 Einträge exportiert" in window.journal_view.result.text())
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [r["action"] for r in rows] == ["incident.created", "incident.changed"]


def test_export_to_an_unwritable_place_says_so(
    window: MainWindow, core: AppContext, seeded: Person, qtbot: QtBot, tmp_path: Path
) -> None:
    _prepare(window, core, seeded, qtbot)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    window.journal_view.export_to(blocker / "tagebuch.csv")
    qtbot.waitUntil(lambda: "Export fehlgeschlagen" in window.journal_view.result.text())


def test_journal_model_passes_qt_model_checks(
    window: MainWindow, core: AppContext, seeded: Person, qtbot: QtBot, qtmodeltester: object
) -> None:
    _prepare(window, core, seeded, qtbot)
    qtmodeltester.check(window.journal_view.model)  # type: ignore[attr-defined]
