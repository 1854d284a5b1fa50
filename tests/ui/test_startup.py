"""Starting the console when something is wrong: no display, damaged or newer database,
unreachable server, and an unexpected error while running."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from kriseninfo.context import Options, open_context
from kriseninfo_ui.errors import ErrorDialog
from kriseninfo_ui.mainwindow import MainWindow
from tests.ui.conftest import ConsoleFactory


def answer_box(name: str, button_text: str, seen: list[str]) -> Callable[[], None]:
    """Click `button_text` in the message box called `name` once it is open."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(f"{box.objectName()}: {box.text()}")
        if box.objectName() != name:
            box.button(QMessageBox.StandardButton.Ok).click()
            return
        for button in box.buttons():
            if button.text() == button_text:
                button.click()
                return
        raise AssertionError(f"no button {button_text!r} in {name}")

    return click


def test_no_display_gives_one_clear_sentence(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    }
    result = subprocess.run(
        [sys.executable, "-m", "kriseninfo", "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "Bildschirm" in result.stderr and "xvfb-run kriseninfo" in result.stderr
    english = subprocess.run(
        [sys.executable, "-m", "kriseninfo", "--data-dir", str(tmp_path), "--lang", "en"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert "needs a display" in english.stderr


@pytest.mark.logs_warnings
def test_damaged_database_is_moved_aside_on_request(
    make_console: ConsoleFactory, ui_options: Options
) -> None:
    data = ui_options.paths().data_dir
    data.mkdir(parents=True)
    damaged = b"kein SQLite, sondern ein Textdokument\n" * 100
    (data / "kriseninfo.sqlite3").write_bytes(damaged)
    seen: list[str] = []
    QTimer.singleShot(0, answer_box("corruptDialog", "Beiseitelegen und neu beginnen", seen))
    QTimer.singleShot(200, answer_box("none", "", seen))  # the "moved to …" notice
    console = make_console()
    context = console.open_context()
    assert context is not None
    assert "beschädigt" in seen[0]
    kept = list(data.glob("kriseninfo.sqlite3.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    assert context.users.count() == 0


@pytest.mark.logs_warnings
def test_damaged_database_can_be_left_alone(
    make_console: ConsoleFactory, ui_options: Options
) -> None:
    data = ui_options.paths().data_dir
    data.mkdir(parents=True)
    (data / "kriseninfo.sqlite3").write_bytes(b"x" * 4096)
    seen: list[str] = []
    QTimer.singleShot(0, answer_box("corruptDialog", "Beenden", seen))
    assert make_console().open_context() is None
    assert (data / "kriseninfo.sqlite3").read_bytes() == b"x" * 4096


@pytest.mark.logs_warnings
def test_newer_database_is_refused_with_the_needed_version(
    make_console: ConsoleFactory, ui_options: Options
) -> None:
    ctx = open_context(ui_options)
    with ctx.database.connect() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0042_future'"))
        connection.execute(text("UPDATE kriseninfo_meta SET value = '2.0.0'"))
    ctx.close()
    seen: list[str] = []
    QTimer.singleShot(0, answer_box("startupError", "OK", seen))
    assert make_console().open_context() is None
    assert "neueren Kriseninfo-Version (2.0.0)" in seen[0]
    assert "Kriseninfo 2.0.0 oder neuer" in seen[0]


@pytest.mark.logs_warnings
def test_unreachable_server_is_retried_until_it_answers(
    make_console: ConsoleFactory, tmp_path: Path, pg_server: object
) -> None:
    from tests.support.pgserver import PostgresServer

    assert isinstance(pg_server, PostgresServer)
    url = pg_server.create_database("kriseninfo_startup_retry")
    pg_server.stop()
    seen: list[str] = []

    def bring_back_and_retry() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, bring_back_and_retry)
            return
        seen.append(box.text())
        pg_server.start()
        next(b for b in box.buttons() if b.text() == "Jetzt erneut versuchen").click()

    QTimer.singleShot(0, bring_back_and_retry)
    console = make_console(options=Options(db_url=url, data_dir=tmp_path / "d"))
    context = console.open_context()
    assert context is not None
    assert f"127.0.0.1:{pg_server.port}" in seen[0]
    assert "Neuer Versuch in" in seen[0]


@pytest.mark.logs_critical
def test_unexpected_error_shows_german_dialog_with_details(
    window: MainWindow, qtbot: QtBot, qapp: QApplication
) -> None:
    def broken() -> None:
        raise RuntimeError("kaputt im Slot")

    window.session.runner.run(lambda: None, lambda _r, _e: broken())
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, ErrorDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
        )
    )
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ErrorDialog))
    assert "unerwarteter Fehler" in dialog.text()
    assert "kaputt im Slot" in dialog.details
    dialog.copy_button.click()
    assert "RuntimeError: kaputt im Slot" in qapp.clipboard().text()
    dialog.close()


def test_window_appears_first_then_asks_who_is_working(
    make_console: ConsoleFactory, seeded: object, qtbot: QtBot
) -> None:
    """The real start: the frame is on screen while the database opens, then sign-in."""
    from kriseninfo_ui.dialogs.login_dialog import LoginDialog
    from tests.conftest import LEITUNG_PIN
    from tests.ui.conftest import type_text

    console = make_console()
    seen: dict[str, object] = {}

    def sign_in() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LoginDialog):
            QTimer.singleShot(20, sign_in)
            return
        window = console.window
        assert window is not None
        seen["visible_before_sign_in"] = window.isVisible()
        seen["areas_before_sign_in"] = window.session
        type_text(dialog.pin, LEITUNG_PIN)
        dialog.buttons.accepted.emit()

    QTimer.singleShot(0, sign_in)
    assert console.start()
    window = console.window
    assert window is not None and window.session is not None
    assert seen == {"visible_before_sign_in": True, "areas_before_sign_in": None}
    qtbot.waitUntil(lambda: window.lage_view.isVisible())
    assert window.user_label.text() == "Angemeldet: Anna Adler (Leitung)"


def test_starting_the_window_does_not_load_the_database_layer() -> None:
    """What keeps the cold start near a bare Qt window: until the frame is painted, a plain
    `kriseninfo` loads neither the command-line parser, SQLAlchemy and Alembic, the log
    file's rotating handler, nor the enums of Qt's namespace (~40 ms)."""
    probe = (
        "import sys, kriseninfo.cli.entry, kriseninfo_ui.app\n"
        "import PySide6.QtCore as core\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from kriseninfo_ui.mainwindow import MainWindow\n"
        "app = QApplication(sys.argv[:1])\n"
        "window = MainWindow()\n"
        "window.show()\n"
        "while not window.painted:\n"
        "    app.processEvents()\n"
        "heavy = sorted(m for m in sys.modules\n"
        "               if m.split('.')[0] in {'sqlalchemy', 'alembic', 'click'}\n"
        "               or m == 'logging.handlers')\n"
        "heavy += ['Qt namespace'] if 'Qt' in vars(core) else []\n"
        "print(heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_areas_do_not_load_the_playbook_checker_until_needed() -> None:
    """Building the areas after sign-in must not load pydantic or Jinja2 on the GUI thread;
    the playbook checker loads on its worker when the Playbooks area is first opened."""
    probe = (
        "import sys\n"
        "import kriseninfo_ui.views.lage_view, kriseninfo_ui.views.journal_view\n"
        "import kriseninfo_ui.views.playbooks_view, kriseninfo_ui.views.settings_view\n"
        "import kriseninfo_ui.views.meldungen_view, kriseninfo_ui.dialogs.release_dialog\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in {'pydantic', 'jinja2'})\n"
        "print(heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
