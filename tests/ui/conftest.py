"""Fixtures for the console: the real window on a real SQLite file, a signed-in person."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kriseninfo.context import AppContext, Options, open_context
from kriseninfo.settings import Settings
from kriseninfo.storage.models import Role
from kriseninfo.users.service import Person
from kriseninfo_ui.app import Console
from kriseninfo_ui.mainwindow import MainWindow
from tests.conftest import LEITUNG_PIN

ConsoleFactory = Callable[..., Console]


@pytest.fixture
def ui_options(tmp_path: Path) -> Options:
    return Options(data_dir=tmp_path / "data")


@pytest.fixture
def seeded(ui_options: Options) -> Person:
    """The first person (Leitung), created through the core before the console starts."""
    ctx = open_context(ui_options)
    person = ctx.users.create("Anna Adler", Role.LEITUNG, LEITUNG_PIN, None)
    ctx.close()
    return person


@pytest.fixture
def make_console(qapp: QApplication, ui_options: Options) -> Iterator[ConsoleFactory]:
    consoles: list[Console] = []
    hooks = (sys.excepthook, threading.excepthook)

    def make(language: str = "de", options: Options | None = None) -> Console:
        opts = options or ui_options
        console = Console(qapp, opts, Settings(opts.paths().settings_file), language)
        consoles.append(console)
        return console

    yield make
    for console in consoles:
        console.shutdown()
    sys.excepthook, threading.excepthook = hooks
    for widget in QApplication.topLevelWidgets():
        widget.close()


@pytest.fixture
def console(make_console: ConsoleFactory, seeded: Person) -> Console:
    console = make_console()
    console.open_context()
    return console


@pytest.fixture
def window(console: Console, seeded: Person, qtbot: QtBot) -> MainWindow:
    win = console.show_main_window(seeded)
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def core(console: Console) -> AppContext:
    """The same core the window uses, to arrange data and check what was stored."""
    assert console.context is not None
    return console.context


def visible_texts(root: QWidget) -> list[str]:
    """Every piece of text a user can see in a widget tree."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QListWidget,
        QPlainTextEdit,
        QTableView,
    )

    texts: list[str] = [root.windowTitle()] if root.isWindow() else []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QComboBox):
            texts.extend(widget.itemText(i) for i in range(widget.count()))
        if isinstance(widget, QListWidget):
            texts.extend(widget.item(i).text() for i in range(widget.count()))
        if isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            texts.extend(
                str(model.headerData(c, Qt.Orientation.Horizontal))
                for c in range(model.columnCount())
            )
        tip = widget.toolTip()
        if tip:
            texts.append(tip)
    return [t for t in texts if t and t.strip()]


def type_text(widget: QWidget, text: str) -> None:
    """Type like a user, umlauts and ß included (QTest.keyClicks handles ASCII only)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def when_modal(kind: type[QWidget], act: Callable[[Any], None], tries: int = 500) -> None:
    """Run `act(dialog)` once a modal dialog of `kind` is open (it may open only after a
    worker round trip); polls every 10 ms."""

    def attempt(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            act(dialog)
        elif left > 0:
            QTimer.singleShot(10, lambda: attempt(left - 1))
        else:
            raise AssertionError(f"no {kind.__name__} opened")

    QTimer.singleShot(0, lambda: attempt(tries))
