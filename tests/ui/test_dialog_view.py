"""The Dialog area in the real window: hotline notes arrive live, an emergency goes to
the top with the red banner and the 112 answer ready, one key sets a category, a rumour
becomes a Richtigstellung in Meldungen, and search filters without losing the selection."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kriseninfo.context import AppContext
from kriseninfo.counting.platforms import Platform
from kriseninfo.dialog.states import ItemState
from kriseninfo.domain import Person, Role
from kriseninfo.playbooks.kinds import Category
from kriseninfo_ui.app import Console
from kriseninfo_ui.mainwindow import Area, MainWindow
from tests.core.publishing.conftest import Desk
from tests.core.test_messagesets import FREIGABE_PIN, REDAKTION_PIN
from tests.support import feed_server
from tests.support.feed_server import Feed

WAIT_MS = 10_000


@pytest.fixture
def desk(core: AppContext, seeded: Person) -> Desk:
    team = {
        "leitung": seeded,
        "freigabe": core.users.create("Bernd Berg", Role.FREIGABE, FREIGABE_PIN, seeded),
        "redaktion": core.users.create("Clara Claus", Role.REDAKTION, REDAKTION_PIN, seeded),
    }
    return Desk(core, team, core.credentials)


@pytest.mark.logs_warnings  # the console's poller may report the account without secrets
def test_the_feed_is_worked_from_the_window(window: MainWindow, desk: Desk, qtbot: QtBot) -> None:
    core, hotline = desk.context, desk.team["redaktion"]
    desk.account(Platform.MASTODON, "Stadt Moers")
    incident = desk.incident()
    question = core.dialog.add_hotline_note(
        incident.id, "Wann darf ich zurück in die Wohnung?", hotline
    )
    view = window.dialog_view
    window.show_area(Area.DIALOG)
    view.set_incident(incident.id)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=WAIT_MS)
    assert not view.banner_row.isVisible()

    core.dialog.add_hotline_note(
        incident.id, "Hilfe, wir sind eingeschlossen, keine Luft!", hotline
    )
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=WAIT_MS)
    emergency = view.model.rows[0]
    assert emergency.category is Category.NOTFALL  # on top
    assert view.banner_row.isVisible() and "112" in view.banner.text()

    view.banner_button.click()
    assert [i.id for i in view.selected()] == [emergency.id]
    assert view.answer.text().startswith("Bitte wählen Sie sofort den Notruf 112")
    view.answer.send_button.click()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=WAIT_MS)  # answered: gone
    assert core.dialog.get(emergency.id).item_state is ItemState.BEANTWORTET
    assert not view.banner_row.isVisible()

    view.table.selectRow(0)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_3)  # 3 = Gerücht
    qtbot.waitUntil(lambda: view.model.rows[0].category is Category.GERUECHT, timeout=WAIT_MS)
    assert [i.id for i in view.selected()] == [question.id]  # selection kept
    assert view.correction_button.isVisibleTo(view)

    qtbot.keyClicks(view.search, "schule")
    qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=WAIT_MS)
    view.search.clear()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=WAIT_MS)
    assert [i.id for i in view.selected()] == [question.id]

    view._fill_source_menu()  # as when the officer opens "Quelle hinzufügen"
    mentions = next(
        a for a in view.source_menu.actions() if "Erwähnungen von Stadt Moers" in a.text()
    )
    mentions.trigger()
    qtbot.waitUntil(
        lambda: [s.kind for s in core.sources.for_incident(incident.id)] == ["mastodon"],
        timeout=WAIT_MS,
    )

    view.correction_button.click()
    qtbot.waitUntil(lambda: window.current_area() == Area.MELDUNGEN, timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: (
            (s := window.meldungen_view.current_set()) is not None
            and s.purpose.value == "richtigstellung"
        ),
        timeout=WAIT_MS,
    )


@pytest.fixture
def feed() -> Iterator[tuple[Feed, str]]:
    with feed_server.running() as running:
        yield running


def test_the_consoles_poller_process_brings_feed_items_and_ends_with_it(
    console: Console, window: MainWindow, desk: Desk, feed: tuple[Feed, str], qtbot: QtBot
) -> None:
    state, url = feed
    state.entries = [("1", "Ist die Schule morgen offen?"), ("2", "Wo ist die Sammelstelle?")]
    incident = desk.incident()
    desk.context.sources.add_feed(incident.id, "Hashtag #moers", url, desk.team["leitung"])
    view = window.dialog_view
    view.set_incident(incident.id)
    qtbot.waitUntil(lambda: console.poller is not None and console.poller.running, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=30_000)  # a child process
    assert {r.source_name for r in view.model.rows} == {"Hashtag #moers"}
    poller = console.poller
    assert poller is not None
    console.shutdown()
    assert not poller.running


def test_the_headless_poller_stops_when_its_console_is_gone(tmp_path: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "kriseninfo", "--data-dir", str(tmp_path), "dialog", "poll",
         "--loop", "--while-parent", "1"],  # not its parent: as if the console had died
        capture_output=True,
        timeout=60,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
