"""Desktop notifications for what must not go unseen (a failed delivery): the system tray
where the desktop has one, and always the window's taskbar alert."""

from __future__ import annotations

import logging

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

log = logging.getLogger(__name__)


class Notifier:
    def __init__(self, window: QWidget):
        self._window = window
        self._tray: QSystemTrayIcon | None = None
        #: What was shown, newest last (the window's status bar shows the last one too).
        self.shown: list[tuple[str, str]] = []

    def notify(self, title: str, text: str) -> None:
        self.shown.append((title, text))
        log.info("notification: %s", title)
        if QSystemTrayIcon.isSystemTrayAvailable():
            if self._tray is None:
                icon = self._window.windowIcon()
                self._tray = QSystemTrayIcon(icon if not icon.isNull() else QIcon(), self._window)
                self._tray.show()
            self._tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Critical, 15_000)
        QApplication.alert(self._window, 0)  # taskbar flash until the officer looks
