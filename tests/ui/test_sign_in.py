"""Who is working: the first person at a new installation, and signing in with a PIN."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kriseninfo.context import AppContext
from kriseninfo.settings import LAST_USER
from kriseninfo.storage.models import Role
from kriseninfo.users.service import Person
from kriseninfo_ui.app import Console
from kriseninfo_ui.dialogs.login_dialog import FirstPersonDialog, LoginDialog
from tests.conftest import LEITUNG_PIN
from tests.ui.conftest import ConsoleFactory, type_text


def test_first_start_asks_for_the_first_person(make_console: ConsoleFactory, qtbot: QtBot) -> None:
    console = make_console()
    console.open_context()
    dialog = FirstPersonDialog(console.context, console.runner)
    qtbot.addWidget(dialog)
    type_text(dialog.name, "Anna Adler")
    type_text(dialog.pin, "2468")
    type_text(dialog.pin_again, "2469")
    dialog.buttons.accepted.emit()
    assert "stimmen nicht überein" in dialog.error.text()
    dialog.pin_again.clear()
    type_text(dialog.pin_again, "2468")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.buttons.accepted.emit()
    assert dialog.person is not None and dialog.person.role is Role.LEITUNG
    assert console.context.settings.get(LAST_USER) == "Anna Adler"


def test_pin_field_takes_digits_only(console: Console, seeded: Person, qtbot: QtBot) -> None:
    assert console.context is not None
    dialog = LoginDialog(console.context, console.runner, [seeded])
    qtbot.addWidget(dialog)
    type_text(dialog.pin, "12ab34")
    assert dialog.pin.text() == "1234"


def test_sign_in_remembers_the_last_person(
    console: Console, core: AppContext, seeded: Person, qtbot: QtBot
) -> None:
    ben = core.users.create("Ben Berg", Role.REDAKTION, "1357", seeded)
    core.settings.set(LAST_USER, "Ben Berg")
    dialog = LoginDialog(core, console.runner, core.users.list())
    qtbot.addWidget(dialog)
    assert dialog.who.currentData() == "Ben Berg"
    type_text(dialog.pin, "0000")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: dialog.error.text().startswith("Die PIN ist falsch. Nach 2 weiteren"))
    assert dialog.pin.text() == ""  # never left standing in the field
    type_text(dialog.pin, "1357")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.buttons.accepted.emit()
    assert dialog.person == ben


def test_leitung_signs_in(console: Console, core: AppContext, seeded: Person, qtbot: QtBot) -> None:
    dialog = LoginDialog(core, console.runner, core.users.list())
    qtbot.addWidget(dialog)
    type_text(dialog.pin, LEITUNG_PIN)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.buttons.accepted.emit()
    assert dialog.person == seeded
