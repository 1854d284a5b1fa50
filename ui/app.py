"""Starting the console: display check, language, database, who is working, main window."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from kriseninfo import __version__
from kriseninfo.clock import utc_now
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.logsetup import configure_logging
from kriseninfo.options import Options
from kriseninfo.paths import AppPaths
from kriseninfo.settings import LANGUAGE, Settings
from kriseninfo.storage.recovery import move_aside
from kriseninfo_resources import ROOT as resources_root
from kriseninfo_ui.errors import install_exception_hook
from kriseninfo_ui.mainwindow import MainWindow
from kriseninfo_ui.session import Session
from kriseninfo_ui.tasks import TaskRunner
from kriseninfo_ui.translation import Translations

if TYPE_CHECKING:
    from kriseninfo.context import AppContext
    from kriseninfo.domain import Person
    from kriseninfo_ui.poller_process import PollerProcess
    from kriseninfo_ui.publisher import Publisher

log = logging.getLogger(__name__)
T = TypeVar("T")

RETRY_SECONDS = 5
SWITCH_INTERVAL_S = 0.001
PUBLISHER_DELAY_MS = 3000  # sending starts once the window is up and the Lagebild shown
FIRST_PAINT_WAIT_MS = 2000  # a window that is never painted (minimised, hidden) must not block

NO_DISPLAY = {
    "de": "Kriseninfo braucht einen Bildschirm, aber DISPLAY und WAYLAND_DISPLAY sind nicht "
    "gesetzt – starten Sie es auf dem Desktop oder virtuell mit `xvfb-run kriseninfo`.",
    "en": "Kriseninfo needs a display, but neither DISPLAY nor WAYLAND_DISPLAY is set – start "
    "it on a desktop, or on a virtual screen with `xvfb-run kriseninfo`.",
}


def display_problem(language: str) -> str | None:
    """The one sentence to print instead of Qt's platform-plugin abort, if any."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return NO_DISPLAY.get(language, NO_DISPLAY["de"])


def run(options: Options, lang: str | None = None, verbose: int = 0) -> int:
    """Entry point of `kriseninfo` without a subcommand; returns the exit status."""
    paths = options.paths()
    settings = Settings(paths.settings_file)
    language = lang or settings.get(LANGUAGE) or "de"
    if (problem := display_problem(language)) is not None:
        print(problem, file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    console = Console(app, options, settings, language)
    if not console.start(on_painted=lambda: configure_logging(paths.log_dir, verbose)):
        console.shutdown()
        return 1
    status = app.exec()
    console.shutdown()
    return status


class Console:
    """Owns the application-wide pieces: translator, worker, the open context, the window."""

    def __init__(self, app: QApplication, options: Options, settings: Settings, language: str):
        self.app = app
        self.options = options
        self.paths: AppPaths = options.paths()
        self.settings = settings
        self.language = language
        app.setApplicationName("Kriseninfo")
        app.setApplicationVersion(__version__)
        app.setDesktopFileName("kriseninfo")
        style = resources_root / "kriseninfo.qss"
        app.setStyleSheet(style.read_text(encoding="utf-8"))
        self.translations = Translations(app)
        self.translations.install(language)
        install_exception_hook()
        # The window's thread asks for the interpreter lock once per call into Python (a
        # repaint of a long list: hundreds); while a worker thread computes, each ask
        # waits up to the switch interval. 1 ms instead of 5 keeps repaints smooth.
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        self.runner = TaskRunner(app)
        self.background = TaskRunner(app)
        self.context: AppContext | None = None
        self.window: MainWindow | None = None
        self.publisher: Publisher | None = None
        self.poller: PollerProcess | None = None

    # -- start -----------------------------------------------------------------------------
    def start(self, on_painted: Callable[[], object] | None = None) -> bool:
        """Show the window, open the database, sign in; False if the user chose to quit.

        `on_painted` runs once the window's frame is on screen: work that can wait for it
        (such as opening the log file) goes there, so the user sees the console sooner.
        """
        window = self.new_window()
        self.wait_for_first_paint(window)
        if on_painted is not None:
            on_painted()
        context = self.open_context()
        if context is None:
            return False
        person = self.sign_in(context)
        if person is None:
            return False
        self.attach(window, person)
        return True

    def wait_for_first_paint(self, window: MainWindow) -> None:
        """Let the event loop paint `window` (at most FIRST_PAINT_WAIT_MS)."""
        if window.painted:
            return
        loop = QEventLoop()
        window.first_painted.connect(loop.quit)
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, loop.quit)
        loop.exec()

    def run_blocking(self, fn: Callable[[], T]) -> T:
        """Run on the worker while the event loop keeps the screen alive."""
        loop = QEventLoop()
        box: dict[str, object] = {}

        def done(result: object, error: BaseException | None) -> None:
            box["result"], box["error"] = result, error
            loop.quit()

        self.runner.run(fn, done)
        if "error" not in box:
            loop.exec()
        error = box["error"]
        if isinstance(error, BaseException):
            raise error
        return box["result"]  # type: ignore[return-value]

    def open_context(self) -> AppContext | None:
        """Open the database, explaining each problem; the context is also kept here."""
        # The database layer is loaded here, on the worker, after the window is painted.
        from kriseninfo.context import open_context

        while True:
            try:
                self.context = self.run_blocking(
                    lambda: open_context(self.options, utc_now, self.settings)
                )
                return self.context
            except KriseninfoError as error:
                log.error("cannot open the database: %s", error)
                if not self._handle_open_error(error):
                    return None

    def _handle_open_error(self, error: KriseninfoError) -> bool:
        """Explain the problem; True to try again."""
        from kriseninfo_ui.messages import error_text  # not needed for a good start

        text = error_text(error)
        if error.code in (ErrorCode.DB_UNREACHABLE, ErrorCode.DB_BUSY):
            return self._wait_and_retry(text)
        if error.code is ErrorCode.DB_CORRUPT:
            return self._offer_move_aside(text)
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QApplication.translate("Console", "Kriseninfo kann nicht starten"),
            text,
        )
        box.setObjectName("startupError")
        box.setDetailedText(str(error))
        box.exec()
        return False

    def _wait_and_retry(self, text: str) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QApplication.translate("Console", "Datenbank nicht erreichbar"),
            "",
        )
        box.setObjectName("retryDialog")
        retry = box.addButton(
            QApplication.translate("Console", "Jetzt erneut versuchen"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(
            QApplication.translate("Console", "Beenden"), QMessageBox.ButtonRole.RejectRole
        )
        remaining = [RETRY_SECONDS]

        def tick() -> None:
            if remaining[0] <= 0:
                retry.click()
                return
            box.setText(
                text
                + "\n\n"
                + QApplication.translate("Console", "Neuer Versuch in {seconds} s …").format(
                    seconds=remaining[0]
                )
            )
            remaining[0] -= 1

        timer = QTimer(box)
        timer.timeout.connect(tick)
        tick()
        timer.start(1000)
        box.exec()
        timer.stop()
        return box.clickedButton() is retry

    def _offer_move_aside(self, text: str) -> bool:
        path = self.paths.database_file
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QApplication.translate("Console", "Datenbank beschädigt"),
            text,
        )
        box.setObjectName("corruptDialog")
        box.setInformativeText(
            QApplication.translate(
                "Console",
                "Kriseninfo kann die Datei beiseitelegen (umbenennen, nicht löschen) und mit "
                "einer leeren Datenbank beginnen. Die alte Datei bleibt für eine spätere "
                "Rettung erhalten.",
            )
        )
        move = box.addButton(
            QApplication.translate("Console", "Beiseitelegen und neu beginnen"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(
            QApplication.translate("Console", "Beenden"), QMessageBox.ButtonRole.RejectRole
        )
        box.exec()
        if box.clickedButton() is not move:
            return False
        try:
            target = move_aside(path, utc_now())
        except OSError as exc:
            QMessageBox.critical(
                None,
                QApplication.translate("Console", "Datenbank beschädigt"),
                QApplication.translate(
                    "Console", "Die Datei lässt sich nicht umbenennen: {reason}"
                ).format(reason=exc.strerror or str(exc)),
            )
            return False
        QMessageBox.information(
            None,
            QApplication.translate("Console", "Datenbank beiseitegelegt"),
            QApplication.translate(
                "Console", "Die beschädigte Datei liegt jetzt unter {path}."
            ).format(path=str(target)),
        )
        return True

    def sign_in(self, context: AppContext) -> Person | None:
        from kriseninfo_ui.dialogs.login_dialog import FirstPersonDialog, LoginDialog

        people = self.run_blocking(context.users.list)
        dialog: FirstPersonDialog | LoginDialog
        if people:
            dialog = LoginDialog(context, self.runner, people)
        else:
            dialog = FirstPersonDialog(context, self.runner)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.person

    def new_window(self) -> MainWindow:
        """Show a fresh main window (replacing the old one, e.g. after a language switch)."""
        window = MainWindow()
        window.language_requested.connect(self.change_language)
        old = self.window
        if old is not None:
            window.setGeometry(old.geometry())
        self.window = window
        window.show()
        if old is not None:
            old.close()
            old.deleteLater()
        return window

    def attach(self, window: MainWindow, person: Person) -> None:
        assert self.context is not None
        if self.publisher is None:
            from kriseninfo_ui.publisher import Publisher

            self.publisher = Publisher(self.context, self.app)
            # Sending starts once the window is up; what is due waits a second at most.
            QTimer.singleShot(PUBLISHER_DELAY_MS, self._settled)
        window.attach(
            Session(
                context=self.context,
                person=person,
                runner=self.runner,
                background=self.background,
                publisher=self.publisher,
            )
        )
        window.lage_view.form.retry_pending()

    def _settled(self) -> None:
        """The window is up: start sending, and take what was built so far out of the
        garbage collector's sight. A full collection of the start-up heap (Qt wrappers,
        SQLAlchemy, playbooks) would otherwise hold the interpreter lock for up to
        ~100 ms at random moments, a visible stall of the window."""
        import gc

        gc.collect()
        gc.freeze()
        if self.publisher is not None:
            self.publisher.start()
        if self.poller is None and self.context is not None:
            from kriseninfo_ui.poller_process import PollerProcess

            self.poller = PollerProcess(self.options)
            self.poller.start()

    def show_main_window(self, person: Person) -> MainWindow:
        """A new window already signed in as `person` (database must be open)."""
        window = self.new_window()
        self.attach(window, person)
        return window

    def shutdown(self) -> None:
        """Close the window, finish pending saves, release the database and translators."""
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
        if self.publisher is not None:
            self.publisher.stop()  # running sends finish; their leases cover a crash
            self.publisher = None
        if self.poller is not None:
            self.poller.stop()  # the child process ends; its next start polls what is due
            self.poller = None
        self.runner.wait_for_done()
        self.background.wait_for_done()
        self.translations.install("de")
        if self.context is not None:
            self.context.close()
            self.context = None

    def change_language(self, language: str) -> None:
        if language == self.language or self.window is None:
            return
        self.settings.set(LANGUAGE, language)
        self.language = language
        self.translations.install(language)
        area = self.window.current_area()
        assert self.window.session is not None
        window = self.show_main_window(self.window.session.person)
        window.show_area(area)
