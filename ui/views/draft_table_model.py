"""The drafts of one message set as a table: channel, language, state, length, problems."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from kriseninfo.messagesets.kinds import DraftStatus
from kriseninfo.messagesets.records import Draft, Problem
from kriseninfo.playbooks.kinds import Language
from kriseninfo_ui.messageset_texts import platform_name, problem_text, status_name
from kriseninfo_ui.playbook_texts import language_name
from kriseninfo_ui.views.table_model import Index, RowTableModel

BLOCKING_BACKGROUND = QColor("#f8d7da")
RELEASED_BACKGROUND = QColor("#d4edda")


class DraftTableModel(RowTableModel[Draft]):
    CHANNEL, LANGUAGE, STATUS, PROBLEMS = range(4)

    def __init__(self) -> None:
        super().__init__(
            [
                QCoreApplication.translate("DraftTable", "Kanal"),
                QCoreApplication.translate("DraftTable", "Sprache"),
                QCoreApplication.translate("DraftTable", "Status"),
                QCoreApplication.translate("DraftTable", "Hinweise"),
            ]
        )
        self.problems: dict[int, list[Problem]] = {}

    def set_drafts(self, drafts: list[Draft], problems: list[Problem]) -> None:
        self.beginResetModel()
        self.rows = drafts
        self.problems = {}
        for problem in problems:
            if problem.draft_id is not None:
                self.problems.setdefault(problem.draft_id, []).append(problem)
        self.endResetModel()

    def row_of(self, draft_id: int) -> int | None:
        return next((row for row, d in enumerate(self.rows) if d.id == draft_id), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        draft = self.row_at(index)
        if draft is None:
            return None
        problems = self.problems.get(draft.id, [])
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.CHANNEL:
                text = f"{draft.account_name} · {platform_name(draft.platform)}"
                if draft.is_thread:
                    text += QCoreApplication.translate("DraftTable", " · Thread, {count} Teile")
                return text.format(count=len(draft.parts))
            if column == self.LANGUAGE:
                return language_name(Language(draft.language))
            if column == self.STATUS:
                return status_name(draft.status)
            if column == self.PROBLEMS:
                return " ".join(problem_text(p) for p in problems)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.PROBLEMS and problems:
            return "\n".join(problem_text(p) for p in problems)
        if role == Qt.ItemDataRole.BackgroundRole:
            if any(p.blocking for p in problems):
                return QBrush(BLOCKING_BACKGROUND)
            if draft.status is DraftStatus.FREIGEGEBEN:
                return QBrush(RELEASED_BACKGROUND)
        return None
