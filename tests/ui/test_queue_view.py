"""The Warteschlange area, in the real window with the console's own publishing worker:
deliveries appear live, a failure raises the red badge and a desktop notification, and
the officer retries, confirms a manual post and decides an "unklar" one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from kriseninfo.context import AppContext
from kriseninfo.counting.platforms import Platform
from kriseninfo.domain import Person, Role
from kriseninfo.publishing.states import DeliveryState
from kriseninfo_ui.dialogs.manual_dialog import ManualDialog
from kriseninfo_ui.dialogs.unclear_dialog import UnclearDialog
from kriseninfo_ui.mainwindow import Area, MainWindow
from tests.core.publishing.conftest import Desk
from tests.core.test_messagesets import FREIGABE_PIN, REDAKTION_PIN
from tests.support import mastodon_server
from tests.support.mastodon_server import MastodonServer, Scripted
from tests.support.telegram_server import TOKEN as TELEGRAM_TOKEN
from tests.support.telegram_server import Fault, TelegramServer
from tests.ui.conftest import when_modal

WAIT_MS = 15_000


@pytest.fixture
def desk(core: AppContext, seeded: Person) -> Desk:
    team = {
        "leitung": seeded,
        "freigabe": core.users.create("Bernd Berg", Role.FREIGABE, FREIGABE_PIN, seeded),
        "redaktion": core.users.create("Clara Claus", Role.REDAKTION, REDAKTION_PIN, seeded),
    }
    return Desk(core, team, core.credentials)


@pytest.fixture
def mastodon() -> Iterator[MastodonServer]:
    with mastodon_server.running() as server:
        yield server


def _states(window: MainWindow) -> list[DeliveryState]:
    return [row.state for row in window.queue_view.model.rows]


def _shown(window: MainWindow, qtbot: QtBot) -> None:
    incident = window.queue_view._incident_id
    window.queue_view.only_active.setChecked(False)
    window.show_area(Area.WARTESCHLANGE)
    assert window.current_area() == Area.WARTESCHLANGE or incident is None


def test_released_messages_are_sent_and_shown_live(
    window: MainWindow, desk: Desk, mastodon: MastodonServer, qtbot: QtBot
) -> None:
    desk.mastodon_account(mastodon)
    desk.release(parts=["Teil eins. Bitte meiden.", "Teil zwei. Danke."])
    _shown(window, qtbot)

    qtbot.waitUntil(
        lambda: len(_states(window)) == 2 and set(_states(window)) == {DeliveryState.SENT},
        timeout=WAIT_MS,
    )
    assert len(mastodon.live_statuses()) == 2
    first = window.queue_view.model.rows[-1]
    assert first.platform_url.startswith(mastodon.url)
    assert "gesendet" in window.queue_view.summary.text()
    window.queue_view.table.selectRow(0)
    assert window.queue_view.correction_button.isEnabled()
    window.queue_view.correction_button.click()
    assert window.current_area() == Area.MELDUNGEN
    assert window.meldungen_view.purpose.currentData() == "korrektur"
    assert window.nav.item(Area.ORDER.index(Area.WARTESCHLANGE)).text() == "Warteschlange"


@pytest.mark.logs_warnings
def test_a_failure_raises_badge_and_notification_and_retry_sends(
    window: MainWindow, desk: Desk, mastodon: MastodonServer, qtbot: QtBot
) -> None:
    desk.mastodon_account(mastodon)
    mastodon.then(
        "post_status",
        Scripted(status=422, body={"error": "Validation failed: Text character limit exceeded"}),
    )
    desk.release(parts=["Nur ein Teil. Bitte meiden."])
    _shown(window, qtbot)
    queue = window.queue_view
    qtbot.waitUntil(lambda: _states(window) == [DeliveryState.FAILED], timeout=WAIT_MS)
    item = window.nav.item(Area.ORDER.index(Area.WARTESCHLANGE))
    qtbot.waitUntil(lambda: item.text() == "Warteschlange (1)")
    assert window.notifier.shown and "nicht veröffentlicht" in window.notifier.shown[-1][0]

    queue.table.selectRow(0)
    assert "abgelehnt" in queue.detail_state.text()
    assert "Was tun:" in queue.detail_todo.text() and "character limit" in queue.detail_todo.text()
    assert queue.retry_button.isEnabled() and not queue.retract_button.isEnabled()
    queue.retry_button.click()

    qtbot.waitUntil(lambda: _states(window) == [DeliveryState.SENT], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: item.text() == "Warteschlange")
    assert len(window.notifier.shown) == 1  # one notification per failed delivery


def test_a_manual_channel_is_confirmed_with_its_time(
    window: MainWindow, desk: Desk, qtbot: QtBot
) -> None:
    desk.account(Platform.MANUAL, "Radio Niederrhein")
    desk.release(parts=["Nur ein Teil. Bitte meiden."])
    _shown(window, qtbot)
    queue = window.queue_view
    qtbot.waitUntil(lambda: _states(window) == [DeliveryState.WAITING], timeout=WAIT_MS)
    queue.table.selectRow(0)
    assert queue.done_button.isEnabled() and "Erledigt" in queue.detail_todo.text()

    def confirm(dialog: ManualDialog) -> None:
        assert "Nur ein Teil" in dialog.text.toPlainText()
        dialog.notes.setText("Radio Niederrhein, Frau Kaya")
        dialog.accept()

    when_modal(ManualDialog, confirm)
    queue.done_button.click()
    qtbot.waitUntil(lambda: _states(window) == [DeliveryState.SENT], timeout=WAIT_MS)
    lines = desk.context.journal.lines()
    assert any("Frau Kaya" in (line.new_value or "") for line in lines)


@pytest.mark.logs_warnings
def test_an_unclear_delivery_is_decided_by_the_officer(
    window: MainWindow, desk: Desk, qtbot: QtBot
) -> None:
    with TelegramServer() as telegram:
        account = desk.account(Platform.TELEGRAM, "Telegram Stadt Moers")
        desk.context.channel_setup.configure(
            account,
            desk.team["leitung"],
            {"chat": "@kreis_info", "api_base": telegram.url},
            {"bot_token": TELEGRAM_TOKEN},
        )
        telegram.fail("sendMessage", Fault(drop=True))
        desk.release(parts=["Nur ein Teil. Bitte meiden."])
        _shown(window, qtbot)
        queue = window.queue_view
        qtbot.waitUntil(lambda: _states(window) == [DeliveryState.UNCLEAR], timeout=WAIT_MS)
        item = window.nav.item(Area.ORDER.index(Area.WARTESCHLANGE))
        qtbot.waitUntil(lambda: item.text() == "Warteschlange (1)")
        queue.table.selectRow(0)
        assert queue.published_button.isEnabled()

        def decide(dialog: UnclearDialog) -> None:
            qtbot.waitUntil(lambda: "keine Liste" in dialog.status.text())
            dialog.url.setText("https://t.me/kreis_info/1")
            dialog._accept()

        when_modal(UnclearDialog, decide)
        queue.published_button.click()
        qtbot.waitUntil(lambda: _states(window) == [DeliveryState.SENT], timeout=WAIT_MS)
        assert queue.model.rows[0].platform_url == "https://t.me/kreis_info/1"
        assert len(telegram.seen("sendMessage")) == 1  # never sent a second time


def test_a_set_can_be_sent_at_a_chosen_time(
    window: MainWindow, desk: Desk, mastodon: MastodonServer, qtbot: QtBot
) -> None:
    from datetime import timedelta

    from kriseninfo_ui.dialogs.schedule_dialog import ScheduleDialog

    desk.mastodon_account(mastodon)
    incident = desk.incident()
    window.lage_view.reload()
    qtbot.waitUntil(lambda: window.lage_view.form.incident is not None)
    editor = desk.team["redaktion"]
    view = desk.context.messagesets.generate(incident.id, editor)
    meldungen = window.meldungen_view
    window.show_area(Area.MELDUNGEN)
    qtbot.waitUntil(lambda: meldungen.current_set() is not None, timeout=WAIT_MS)
    later = desk.context.clock() + timedelta(hours=2)

    def choose(dialog: ScheduleDialog) -> None:
        dialog.at_time.setChecked(True)
        from PySide6.QtCore import QDateTime

        dialog.when.setDateTime(QDateTime(later.astimezone()))
        dialog.accept()

    when_modal(ScheduleDialog, choose)
    meldungen.schedule_button.click()
    qtbot.waitUntil(lambda: "senden um" in meldungen.set_info.text(), timeout=WAIT_MS)
    desk.context.releases.submit(view.id, editor)
    desk.context.releases.release(view.id, desk.team["freigabe"].id, FREIGABE_PIN)
    _shown(window, qtbot)
    qtbot.waitUntil(lambda: _states(window) == [DeliveryState.SCHEDULED], timeout=WAIT_MS)
    qtbot.wait(1500)  # the worker polls meanwhile; nothing goes out before its time
    assert mastodon.live_statuses() == []
    window.queue_view.table.selectRow(0)
    assert "auf die Sendezeit" in window.queue_view.detail_state.text()
