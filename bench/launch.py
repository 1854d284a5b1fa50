"""Build the real console and main window the way the app does right after sign-in.

Benchmarks and screenshots must show the product, not a mock-up, so both go through
`Console` (style sheet, translations, worker thread, context) and skip only the PIN dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from kriseninfo.domain import Person
from kriseninfo.options import Options
from kriseninfo.settings import Settings
from kriseninfo_ui.app import Console
from kriseninfo_ui.mainwindow import MainWindow


def options_for(data_dir: Path) -> Options:
    """Options pinned to `data_dir`, so a set KRISENINFO_DB can never point a run elsewhere."""
    return Options(db_url=f"sqlite:///{data_dir / 'kriseninfo.sqlite3'}", data_dir=data_dir)


def new_console(app: QApplication, data_dir: Path, language: str = "de") -> Console:
    """A console on `data_dir`, nothing opened yet (as right after `kriseninfo` starts)."""
    options = options_for(data_dir)
    return Console(app, options, Settings(options.paths().settings_file), language)


def make_console(app: QApplication, data_dir: Path, language: str = "de") -> Console:
    """A console on `data_dir` with its database opened (already migrated by the seed)."""
    console = new_console(app, data_dir, language)
    if console.open_context() is None:
        raise RuntimeError(f"cannot open the database in {data_dir}")
    return console


def first_person(console: Console) -> Person:
    """Who would sign in: the first active person, read on the worker as `sign_in` does."""
    assert console.context is not None
    people = console.run_blocking(console.context.users.list)
    if not people:
        raise RuntimeError("the database has no people; seed it first")
    return people[0]


def open_main_window(console: Console, person: Person, size: tuple[int, int]) -> MainWindow:
    """Show the main window for `person`; resized before the loop runs, so no paint is wasted."""
    window = console.show_main_window(person)
    window.resize(*size)
    return window


def shut_down(console: Console) -> None:
    """Close the window (it flushes edits), drain the worker, release the database."""
    if console.window is not None:
        console.window.close()
    console.runner.wait_for_done(10_000)
    console.background.wait_for_done(10_000)
    if console.context is not None:
        console.context.close()
        console.context = None
