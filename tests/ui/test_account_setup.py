"""Kanäle → Verbindung: settings and secrets of a channel account typed into the dialog,
secrets kept in a real (file) keyring and never in the database or the window, the
platform check against a local Mastodon server, and the panel's "Zugangsdaten fehlen"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from keyrings.alt.file import PlaintextKeyring
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
)
from pytestqt.qtbot import QtBot

from kriseninfo.context import AppContext
from kriseninfo.counting.platforms import Platform
from kriseninfo.messagesets.records import Account
from kriseninfo.publishing.credentials import SERVICE, Credentials
from kriseninfo.storage.models import ChannelAccount
from kriseninfo.users.service import Person
from kriseninfo_ui.channel_texts import OK_COLOUR, PROBLEM_COLOUR
from kriseninfo_ui.dialogs.account_dialog import AccountDialog
from kriseninfo_ui.mainwindow import Area, MainWindow
from kriseninfo_ui.views.accounts_panel import AccountsPanel, AccountTableModel
from tests.support import mastodon_server
from tests.ui.conftest import type_text, visible_texts, when_modal

SECRET = "tok-7f3c-nie-in-der-datenbank"
STORED = "gespeichert – leer lassen, um es zu behalten"


@pytest.fixture
def ring(core: AppContext, tmp_path: Path) -> PlaintextKeyring:
    """A real keyring backend in a file of the test's own, used by the window's core."""
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring" / "keyring_pass.cfg")  # type: ignore[misc]
    core.__dict__["credentials"] = Credentials(backend)
    core.__dict__.pop("channel_setup", None)  # built again, with this keyring
    return backend


def _panel(window: MainWindow, qtbot: QtBot) -> AccountsPanel:
    window.show_area(Area.SETTINGS)
    panel = window.settings_view.accounts_panel
    qtbot.waitUntil(lambda: panel.empty_hint.isVisibleTo(panel) or panel.model.rowCount() > 0)
    return panel


def _editor(dialog: AccountDialog, name: str, qtbot: QtBot) -> QLineEdit:
    """The input of a Verbindung field, once the platform's fields have arrived."""
    qtbot.waitUntil(lambda: dialog.connection is not None and name in dialog.connection.editors)
    assert dialog.connection is not None
    editor = dialog.connection.editors[name]
    assert isinstance(editor, QLineEdit)
    return editor


def _secret_ref(core: AppContext, account_id: int) -> str:
    with core.database.session(readonly=True) as session:
        row = session.get(ChannelAccount, account_id)
        assert row is not None
        return row.secret_ref


def _edit(panel: AccountsPanel, account: Account, act: Callable[[AccountDialog], None]) -> None:
    """Open the edit dialog of `account` from the panel and run `act` in it."""
    row = panel.model.row_of(account.id)
    assert row is not None
    panel.table.selectRow(row)
    when_modal(AccountDialog, act)
    panel.edit_button.click()


def _mastodon(core: AppContext, seeded: Person, name: str = "Pressestelle") -> Account:
    return core.accounts.create(Platform.MASTODON, name, seeded)


def test_a_new_token_goes_to_the_keyring_and_nowhere_else(
    window: MainWindow,
    core: AppContext,
    ring: PlaintextKeyring,
    qtbot: QtBot,
) -> None:
    panel = _panel(window, qtbot)
    seen: dict[str, object] = {}

    def fill(dialog: AccountDialog) -> None:
        dialog.platform.setCurrentIndex(dialog.platform.findText("Mastodon"))
        token = _editor(dialog, "access_token", qtbot)
        assert dialog.connection is not None
        seen["echo"] = token.echoMode()
        seen["remove shown"] = dialog.connection.remove["access_token"].isVisibleTo(dialog)
        type_text(dialog.name, "Pressestelle")
        type_text(_editor(dialog, "instance", qtbot), "https://social.example")
        type_text(token, SECRET)
        qtbot.keyClick(token, Qt.Key.Key_Return)  # Enter saves

    when_modal(AccountDialog, fill)
    panel.add_button.click()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)

    assert seen == {"echo": QLineEdit.EchoMode.Password, "remove shown": False}
    [account] = core.accounts.list()
    setup = core.channel_setup.get(account.id)
    assert setup.settings == {"instance": "https://social.example"}
    assert setup.secrets_present == {"access_token"} and setup.complete
    ref = _secret_ref(core, account.id)
    assert ring.get_password(SERVICE, f"{ref}/access_token") == SECRET
    # Not in the database file, its WAL, nor the logs: nothing in the data folder has it.
    folders = {core.paths.data_dir, core.paths.log_dir}
    stored = [p for folder in folders for p in folder.rglob("*") if p.is_file()]
    assert "kriseninfo.sqlite3" in {p.name for p in stored}
    assert [p.name for p in stored if SECRET.encode() in p.read_bytes()] == []
    assert not panel.missing_hint.isVisibleTo(panel)
    assert panel.model.index(0, AccountTableModel.NAME).data(Qt.ItemDataRole.ToolTipRole) is None


def test_the_edit_dialog_shows_that_a_token_is_stored_never_the_token(
    window: MainWindow, core: AppContext, seeded: Person, ring: PlaintextKeyring, qtbot: QtBot
) -> None:
    account = _mastodon(core, seeded)
    core.channel_setup.configure(
        account.id, seeded, {"instance": "https://social.example"}, {"access_token": SECRET}
    )
    panel = _panel(window, qtbot)
    seen: dict[str, object] = {}

    def look(dialog: AccountDialog) -> None:
        token = _editor(dialog, "access_token", qtbot)
        assert dialog.connection is not None
        seen["title"] = dialog.windowTitle()
        seen["token"] = (token.text(), token.placeholderText())
        seen["instance"] = _editor(dialog, "instance", qtbot).text()
        seen["focus"] = dialog.focusWidget() is _editor(dialog, "instance", qtbot)
        seen["platform fixed"] = not dialog.platform.isEnabled()
        texts = [w.text() for w in dialog.findChildren(QLineEdit)]
        texts += [w.toPlainText() for w in dialog.findChildren(QPlainTextEdit)]
        seen["anywhere"] = any(SECRET in t for t in texts + visible_texts(dialog))
        remove = dialog.connection.remove["access_token"]
        seen["remove shown"] = remove.isVisibleTo(dialog)
        remove.click()  # take the token out of the keyring
        seen["token locked"] = not token.isEnabled()
        qtbot.keyClick(_editor(dialog, "instance", qtbot), Qt.Key.Key_Return)

    _edit(panel, account, look)
    qtbot.waitUntil(lambda: panel.missing_hint.isVisibleTo(panel))

    assert seen == {
        "title": "Kanal bearbeiten",
        "token": ("", STORED),
        "instance": "https://social.example",
        "focus": True,
        "platform fixed": True,
        "anywhere": False,
        "remove shown": True,
        "token locked": True,
    }
    ref = _secret_ref(core, account.id)
    assert ring.get_password(SERVICE, f"{ref}/access_token") is None
    assert core.channel_setup.get(account.id).settings == {"instance": "https://social.example"}
    assert panel.missing_hint.text().startswith("Zugangsdaten fehlen: Pressestelle (Mastodon).")


def test_check_shows_who_the_token_belongs_to_and_takes_the_instance_limit(
    window: MainWindow, core: AppContext, seeded: Person, ring: PlaintextKeyring, qtbot: QtBot
) -> None:
    account = _mastodon(core, seeded)
    panel = _panel(window, qtbot)
    seen: dict[str, object] = {}

    with mastodon_server.running(max_characters=1000) as server:
        assert server.url.startswith("http://127.0.0.1:")
        server.delay = 0.3  # long enough to type while the check runs

        def check(dialog: AccountDialog) -> None:
            instance = _editor(dialog, "instance", qtbot)
            type_text(instance, server.url)
            type_text(_editor(dialog, "access_token", qtbot), mastodon_server.TOKEN)
            dialog.check_button.click()
            seen["disabled while checking"] = not dialog.check_button.isEnabled()
            qtbot.waitUntil(lambda: dialog.check_result.text() == "Verbindung wird geprüft …")
            type_text(instance, "/")  # the dialog stays responsive
            seen["typed while checking"] = instance.text() == server.url + "/"
            qtbot.waitUntil(lambda: dialog.check_button.isEnabled(), timeout=10_000)
            seen["result"] = dialog.check_result.text()
            seen["green"] = OK_COLOUR in dialog.check_result.styleSheet()
            seen["limit"] = dialog.max_length.value()
            seen["token kept"] = _editor(dialog, "access_token", qtbot).placeholderText()
            instance.setText(server.url)
            qtbot.keyClick(instance, Qt.Key.Key_Return)

        _edit(panel, account, check)
        qtbot.waitUntil(lambda: panel.model.rows[0].max_length == 1000)

    assert seen == {
        "disabled while checking": True,
        "typed while checking": True,
        "result": "Verbunden als @kriseninfo_test Stadt Musterstadt – höchstens 1000 Zeichen",
        "green": True,
        "limit": 1000,
        "token kept": STORED,
    }
    assert core.accounts.list()[0].max_length == 1000
    assert panel.model.index(0, AccountTableModel.LIMIT).data() == "1000 Zeichen"
    assert not panel.missing_hint.isVisibleTo(panel)


def test_a_refused_token_is_named_in_german(
    window: MainWindow, core: AppContext, seeded: Person, ring: PlaintextKeyring, qtbot: QtBot
) -> None:
    account = _mastodon(core, seeded)
    panel = _panel(window, qtbot)
    seen: dict[str, object] = {}

    with mastodon_server.running() as server:

        def check(dialog: AccountDialog) -> None:
            type_text(_editor(dialog, "instance", qtbot), server.url)
            type_text(_editor(dialog, "access_token", qtbot), "falsches-token")
            dialog.check_button.click()
            qtbot.waitUntil(
                lambda: (
                    dialog.check_button.isEnabled()
                    and dialog.check_result.text() not in ("", "Verbindung wird geprüft …")
                ),
                timeout=10_000,
            )
            seen["result"] = dialog.check_result.text()
            seen["red"] = PROBLEM_COLOUR in dialog.check_result.styleSheet()
            dialog.reject()

        _edit(panel, account, check)

    assert seen == {"result": "Zugangsdaten abgelehnt – bitte Token prüfen", "red": True}
    # Saved before the check: the wrong token is stored, and the limit is unchanged.
    assert core.channel_setup.get(account.id).secrets_present == {"access_token"}
    assert core.accounts.list()[0].max_length is None


def test_a_website_account_chooses_its_folder_and_checks_it(
    window: MainWindow, core: AppContext, ring: PlaintextKeyring, tmp_path: Path, qtbot: QtBot
) -> None:
    folder = tmp_path / "www" / "lage"
    folder.mkdir(parents=True)
    panel = _panel(window, qtbot)
    seen: dict[str, object] = {}

    def pick(chooser: QFileDialog) -> None:
        seen["chooser title"] = chooser.windowTitle()
        chooser.setDirectory(str(folder))
        chooser.selectFile(str(folder))
        chooser.accept()

    def fill(dialog: AccountDialog) -> None:
        dialog.platform.setCurrentIndex(dialog.platform.findText("Website"))
        path = _editor(dialog, "folder", qtbot)
        assert dialog.connection is not None
        labels = {
            label.text(): label.buddy()
            for label in dialog.connection.findChildren(QLabel)
            if label.buddy() is not None
        }
        seen["labels"] = sorted(labels)
        seen["folder buddy"] = labels["Ordner *"] is path
        seen["accessible"] = path.accessibleName()
        choose = dialog.connection.choosers["folder"]
        seen["chooser shown"] = choose.isVisibleTo(dialog)
        when_modal(QFileDialog, pick)
        choose.click()
        seen["folder"] = path.text()
        type_text(_editor(dialog, "base_url", qtbot), "https://www.stadt.example/lage")
        type_text(dialog.name, "Stadtportal")
        type_text(_editor(dialog, "title", qtbot), "Stadt Musterstadt – Aktuelle Lage")
        dialog.check_button.click()  # adds the account, stores the settings, checks
        qtbot.waitUntil(lambda: dialog.check_result.text().startswith("Verbunden"))
        seen["result"] = dialog.check_result.text()
        seen["ok"] = dialog.ok_button.text()
        qtbot.keyClick(path, Qt.Key.Key_Return)

    when_modal(AccountDialog, fill)
    panel.add_button.click()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)

    assert seen == {
        "labels": [
            "Höchstens Einträge",
            "Ordner *",
            "Titel der Seite *",
            "Öffentliche Adresse *",
        ],
        "folder buddy": True,
        "accessible": "Ordner (Pflichtfeld)",
        "chooser shown": True,
        "chooser title": "Ordner wählen",
        "folder": str(folder),
        "result": "Verbunden als Stadt Musterstadt – Aktuelle Lage",
        "ok": "Speichern",
    }
    [account] = core.accounts.list()  # the check added it once; Enter did not add it again
    assert core.channel_setup.get(account.id).settings == {
        "base_url": "https://www.stadt.example/lage",
        "folder": str(folder),
        "title": "Stadt Musterstadt – Aktuelle Lage",
    }


def test_the_panel_marks_accounts_that_cannot_send(
    window: MainWindow, core: AppContext, seeded: Person, ring: PlaintextKeyring, qtbot: QtBot
) -> None:
    incomplete = _mastodon(core, seeded, "Feuerwehr")
    core.channel_setup.configure(incomplete.id, seeded, {"instance": "https://social.example"})
    ready = _mastodon(core, seeded, "Pressestelle")
    core.channel_setup.configure(
        ready.id, seeded, {"instance": "https://social.example"}, {"access_token": SECRET}
    )
    core.accounts.create(Platform.MANUAL, "Lautsprecherwagen", seeded)
    panel = _panel(window, qtbot)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3)

    def name(row: int, role: Qt.ItemDataRole) -> object:
        return panel.model.index(row, AccountTableModel.NAME).data(role)

    assert [panel.model.lacks_setup(a) for a in panel.model.rows] == [True, False, False]
    assert name(0, Qt.ItemDataRole.DisplayRole) == "Feuerwehr"  # the text stays the name
    assert name(0, Qt.ItemDataRole.ToolTipRole) == "Zugangsdaten fehlen"
    assert name(0, Qt.ItemDataRole.AccessibleTextRole) == "Feuerwehr – Zugangsdaten fehlen"
    colour = name(0, Qt.ItemDataRole.ForegroundRole)
    assert isinstance(colour, QColor) and colour.name() == PROBLEM_COLOUR
    assert name(0, Qt.ItemDataRole.DecorationRole) is not None
    for row in (1, 2):
        assert name(row, Qt.ItemDataRole.ForegroundRole) is None
    assert panel.missing_hint.isVisibleTo(panel)
    assert panel.missing_hint.text() == (
        "Zugangsdaten fehlen: Feuerwehr (Mastodon). Diese Kanäle können nicht senden – "
        "Kanal auswählen und „Kanal bearbeiten …“."
    )

    # A switched-off account is still marked in the table, but cannot hold anyone up.
    core.accounts.set_enabled(incomplete.id, False, seeded)
    panel.reload()
    qtbot.waitUntil(lambda: not panel.missing_hint.isVisibleTo(panel))
    assert name(0, Qt.ItemDataRole.ToolTipRole) == "Zugangsdaten fehlen"


def test_tab_reaches_the_verbindung_after_the_details(
    window: MainWindow, ring: PlaintextKeyring, qtbot: QtBot
) -> None:
    assert window.session is not None
    dialog = AccountDialog(window.session, incident_id=None, parent=window)
    qtbot.addWidget(dialog)
    dialog.platform.setCurrentIndex(dialog.platform.findText("Mastodon"))
    _editor(dialog, "access_token", qtbot)
    dialog.platform.setCurrentIndex(dialog.platform.findText("E-Mail"))  # rebuilds the rows
    qtbot.waitUntil(
        lambda: dialog.connection is not None and "password" in dialog.connection.editors
    )
    assert dialog.connection is not None
    editors = dialog.connection.editors
    assert list(editors) == [
        "host",
        "port",
        "security",
        "sender",
        "recipients",
        "username",
        "unsubscribe",
        "ca_file",
        "password",
    ]
    recipients = editors["recipients"]
    assert isinstance(recipients, QPlainTextEdit) and recipients.tabChangesFocus()
    wanted = [
        dialog.max_length,
        *dialog.languages.values(),
        editors["host"],
        editors["port"],
        editors["security"],
        editors["sender"],
        recipients,
        editors["username"],
        editors["unsubscribe"],
        editors["ca_file"],
        dialog.connection.choosers["ca_file"],
        editors["password"],
        dialog.check_button,
        dialog.ok_button,
    ]
    order = []
    widget = dialog.max_length
    for _ in range(200):
        if widget in wanted and widget not in order:
            order.append(widget)
        widget = widget.nextInFocusChain()
    assert order == wanted
    security = editors["security"]
    assert isinstance(security, QComboBox)
    assert [security.itemText(i) for i in range(security.count())] == [
        "STARTTLS",
        "SSL/TLS",
        "keine",
    ]
    assert not dialog.check_button.autoDefault()  # Enter saves, it never checks
    assert QApplication.activeModalWidget() is None
