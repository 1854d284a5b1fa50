"""Editing one's own playbook as YAML: checked as you type, stored as you type, errors
marked on their lines. Bundled playbooks are shown read-only."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFontDatabase, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from kriseninfo.errors import KriseninfoError
from kriseninfo.playbooks.problems import Problem, Severity
from kriseninfo_ui.debounce import Debouncer
from kriseninfo_ui.messages import error_text
from kriseninfo_ui.playbook_texts import problem_text
from kriseninfo_ui.session import Session

if TYPE_CHECKING:
    from kriseninfo.playbooks.check import CheckResult

ERROR_LINE = QColor("#f6d0d0")
WARNING_LINE = QColor("#fff1b8")


class ProblemList(QListWidget):
    """Problems with their line; activating one jumps there in the editor."""

    line_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("problemList")
        self.itemActivated.connect(self._chosen)

    def show_problems(self, problems: list[Problem]) -> None:
        self.clear()
        if not problems:
            item = QListWidgetItem(self.tr("Keine Fehler und keine Hinweise."), self)
            item.setData(Qt.ItemDataRole.UserRole, 0)
        for problem in problems:
            kind = self.tr("Fehler") if problem.severity is Severity.ERROR else self.tr("Hinweis")
            where = self.tr("Zeile {line}").format(line=problem.line) if problem.line else ""
            text = f"{kind} · {where} · {problem.path}\n{problem_text(problem)}"
            item = QListWidgetItem(text.replace(" ·  · ", " · "), self)
            item.setData(Qt.ItemDataRole.UserRole, problem.line or 0)
            if problem.severity is Severity.ERROR:
                item.setForeground(QColor("#a40000"))

    def _chosen(self, item: QListWidgetItem) -> None:
        line = int(item.data(Qt.ItemDataRole.UserRole))
        if line:
            self.line_chosen.emit(line)


class PlaybookEditor(QWidget):
    checked = Signal(object)  # CheckResult after each save

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._path: Path | None = None
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("playbookText")
        self.text.setAccessibleName(self.tr("Playbook als YAML"))
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.textChanged.connect(self._edited)
        self.problems = ProblemList(self)
        self.problems.line_chosen.connect(self.go_to_line)
        self.status = QLabel(self)
        self.status.setObjectName("saveStatus")
        self._debouncer = Debouncer(self._save, idle_ms=500, max_wait_ms=1500, parent=self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.text)
        split.addWidget(self.problems)
        split.setSizes([500, 160])
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

    def open(self, path: Path, bundled: bool, result: CheckResult) -> None:
        self._debouncer.flush_now()
        self._path = None if bundled else path
        self.text.blockSignals(True)
        try:
            self.text.setPlainText(path.read_text(encoding="utf-8", errors="replace"))
        except OSError as exc:
            self.text.setPlainText("")
            self.status.setText(str(exc))
        self.text.blockSignals(False)
        self.text.setReadOnly(bundled)
        self.hint.setText(
            self.tr(
                "Mitgelieferte Playbooks sind schreibgeschützt. „Zum Bearbeiten kopieren“ "
                "legt eine eigene Kopie an."
            )
            if bundled
            else self.tr("Änderungen werden beim Tippen geprüft und gespeichert: {path}").format(
                path=str(path)
            )
        )
        self.status.clear()
        self._show(result)

    def flush(self) -> None:
        self._debouncer.flush_now()

    def go_to_line(self, line: int) -> None:
        block = self.text.document().findBlockByLineNumber(line - 1)
        cursor = QTextCursor(block)
        self.text.setTextCursor(cursor)
        self.text.centerCursor()
        self.text.setFocus()

    def _edited(self) -> None:
        if self._path is not None:
            self.status.setText(self.tr("Wird geprüft und gespeichert …"))
            self._debouncer.touch()

    def _save(self) -> None:
        path, text = self._path, self.text.toPlainText()
        if path is None:
            return
        library = self._session.context.playbooks
        self._session.background.run(
            lambda: library.save_text(path, text),
            lambda result, error: self._saved(path, result, error),
            owner=self,
        )

    def _saved(self, path: Path, result: CheckResult | None, error: BaseException | None) -> None:
        if path != self._path:
            return  # another playbook is open by now; its own check is on screen
        if isinstance(error, KriseninfoError):
            self.status.setText(error_text(error))
            return
        if isinstance(error, OSError):
            self.status.setText(
                self.tr("Nicht gespeichert: {reason}").format(reason=error.strerror or str(error))
            )
            return
        if error is not None:
            raise error
        assert result is not None
        self.status.setText(
            self.tr("Gespeichert. {errors} Fehler, {warnings} Hinweise.").format(
                errors=len(result.errors), warnings=len(result.warnings)
            )
        )
        self._show(result)
        self.checked.emit(result)

    def _show(self, result: CheckResult) -> None:
        self.problems.show_problems(result.problems)
        marks = []
        for problem in result.problems:
            if not problem.line:
                continue
            selection = QTextEdit.ExtraSelection()
            colour = ERROR_LINE if problem.severity is Severity.ERROR else WARNING_LINE
            selection.format.setBackground(colour)
            selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            block = self.text.document().findBlockByLineNumber(problem.line - 1)
            selection.cursor = QTextCursor(block)
            marks.append(selection)
        self.text.setExtraSelections(marks)
