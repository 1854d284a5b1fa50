"""An unexpected error is shown in plain German with its details to copy, and logged."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger(__name__)


class ErrorDialog(QMessageBox):
    def __init__(self, details: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("Kriseninfo – unerwarteter Fehler"))
        self.setText(
            self.tr(
                "Ein unerwarteter Fehler ist aufgetreten. Ihre gespeicherten "
                "Eingaben sind sicher. Bitte geben Sie die Details an die "
                "IT-Betreuung weiter."
            )
        )
        self.setDetailedText(details)
        self.copy_button = self.addButton(
            self.tr("Details kopieren"), QMessageBox.ButtonRole.ActionRole
        )
        self.copy_button.clicked.disconnect()
        self.copy_button.clicked.connect(self.copy_details)
        self.addButton(self.tr("Schließen"), QMessageBox.ButtonRole.AcceptRole)
        self.details = details

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details)


class _Bridge(QObject):
    """Moves an exception from any thread to the GUI thread."""

    raised = Signal(str)


_bridge: _Bridge | None = None


def install_exception_hook() -> None:
    global _bridge
    _bridge = _Bridge()
    _bridge.raised.connect(_show)

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        log.critical("uncaught exception", exc_info=(kind, value, tb))
        details = "".join(traceback.format_exception(kind, value, tb))
        if _bridge is not None:
            _bridge.raised.emit(details)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook


def _show(details: str) -> None:
    parent = QApplication.activeWindow()
    dialog = ErrorDialog(details, parent)
    dialog.setObjectName("errorDialog")
    dialog.open()
