"""A shared desk on PostgreSQL: the server goes away while someone types; nothing is lost."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from kriseninfo.context import open_context
from kriseninfo.domain import IncidentKind, IncidentMode, Role
from kriseninfo.incidents.lagebild import LagebildField
from kriseninfo.options import Options
from kriseninfo_ui.app import Console
from kriseninfo_ui.views import lagebild_form
from kriseninfo_ui.views.lagebild_form import LagebildForm
from tests.conftest import spooled
from tests.support.pgserver import PostgresServer
from tests.ui.conftest import ConsoleFactory, type_text

_databases = itertools.count(1)


@dataclass
class Desk:
    """A console on PostgreSQL showing one incident's Lagebild."""

    console: Console
    options: Options
    incident_id: int
    form: LagebildForm
    location: QLineEdit


@pytest.fixture
def desk(
    make_console: ConsoleFactory, pg_server: PostgresServer, tmp_path: Path, qtbot: QtBot
) -> Desk:
    url = pg_server.create_database(f"kriseninfo_ui_outage_{next(_databases)}")
    options = Options(db_url=url, data_dir=tmp_path / "d")
    ctx = open_context(options)
    person = ctx.users.create("Anna Adler", Role.LEITUNG, "2468", None)
    incident = ctx.incidents.create(
        "Großbrand", IncidentKind.GROSSBRAND, IncidentMode.REAL, person.actor
    )
    ctx.close()
    console = make_console(options=options)
    assert console.open_context() is not None
    form = console.show_main_window(person).lage_view.form
    qtbot.waitUntil(lambda: form.incident is not None)
    location = form.widget(LagebildField.LOCATION)
    assert isinstance(location, QLineEdit)
    return Desk(console, options, incident.id, form, location)


@pytest.mark.logs_warnings
def test_typing_during_a_server_outage_is_kept_and_saved_later(
    desk: Desk, pg_server: PostgresServer, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lagebild_form, "RETRY_MS", 300)
    form = desk.form
    pg_server.stop()
    try:
        type_text(desk.location, "Hafenstraße 12")
        qtbot.waitUntil(lambda: "Nicht gespeichert" in form._status.text(), timeout=15_000)
        assert f"127.0.0.1:{pg_server.port}" in form._status.text()
        assert desk.location.text() == "Hafenstraße 12"  # still on screen
        assert spooled(desk.options.paths()) == 1  # and on disk
    finally:
        pg_server.start()
    qtbot.waitUntil(lambda: "Gespeichert um" in form._status.text(), timeout=15_000)
    assert desk.console.context is not None
    assert desk.console.context.incidents.get(desk.incident_id).location == "Hafenstraße 12"
    assert spooled(desk.options.paths()) == 0


@pytest.mark.logs_warnings
def test_refresh_never_puts_the_old_value_back_over_a_waiting_edit(
    desk: Desk, pg_server: PostgresServer, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the server is away the window keeps what was typed, refreshes or not."""
    monkeypatch.setattr(lagebild_form, "RETRY_MS", 60_000)
    form = desk.form
    pg_server.stop()
    try:
        type_text(desk.location, "Hafenstraße 12")
        form.widget(LagebildField.HOTLINE).setFocus()  # the officer moves on
        qtbot.waitUntil(lambda: "Nicht gespeichert" in form._status.text(), timeout=15_000)
        snapshot = form.incident
        assert snapshot is not None
        form.refresh(snapshot)  # what a 3-second refresh would bring: the old, empty value
        assert desk.location.text() == "Hafenstraße 12"
    finally:
        pg_server.start()
