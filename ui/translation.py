"""Loading the Qt translation of the console (German is the source language)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from kriseninfo_resources import ROOT as resources_root

log = logging.getLogger(__name__)


def translations_dir() -> Path:
    return resources_root / "translations"


class Translations:
    """Holds the installed translators so the language can change while running."""

    def __init__(self, app: QCoreApplication):
        self._app = app
        self._installed: list[QTranslator] = []

    def install(self, language: str) -> bool:
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
        QLocale.setDefault(QLocale(language))
        if language == "de":
            return self._load_qt_base(language)
        own = QTranslator(self._app)
        path = translations_dir() / f"kriseninfo_{language}.qm"
        if not own.load(str(path)):
            log.error("translation %s missing; run `make translations`", path)
            return False
        self._app.installTranslator(own)
        self._installed.append(own)
        self._load_qt_base(language)
        return True

    def _load_qt_base(self, language: str) -> bool:
        """Qt's own strings (standard buttons, context menus) in the same language."""
        base = QTranslator(self._app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if base.load(f"qtbase_{language}", folder):
            self._app.installTranslator(base)
            self._installed.append(base)
        return True
