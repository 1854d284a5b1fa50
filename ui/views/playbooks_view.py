"""The Playbooks area: the library, each playbook's phases rendered with example values,
its Textbausteine and drill injects, and the YAML with its check."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kriseninfo.errors import KriseninfoError
from kriseninfo_ui.messages import error_text
from kriseninfo_ui.playbook_texts import category_name, language_name, problem_text
from kriseninfo_ui.session import Session
from kriseninfo_ui.views.phase_preview import PhasePreview
from kriseninfo_ui.views.playbook_editor import PlaybookEditor
from kriseninfo_ui.views.playbook_model import PlaybookTableModel

if TYPE_CHECKING:
    from kriseninfo.playbooks.check import CheckResult
    from kriseninfo.playbooks.library import Entry
    from kriseninfo.playbooks.schema import Playbook


class PlaybooksView(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._entry: Entry | None = None
        self._select_after_load: Path | None = None

        self.model = PlaybookTableModel()
        self.table = QTableView(self)
        self.table.setObjectName("playbookTable")
        self.table.setAccessibleName(self.tr("Playbooks"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(4, 230)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        self.duplicate_button = QPushButton(self.tr("Zum &Bearbeiten kopieren"), self)
        self.duplicate_button.clicked.connect(self.duplicate)
        self.import_button = QPushButton(self.tr("&Importieren …"), self)
        self.import_button.clicked.connect(self.choose_import)
        self.export_button = QPushButton(self.tr("E&xportieren …"), self)
        self.export_button.clicked.connect(self.choose_export)
        self.message = QLabel(self)
        self.message.setObjectName("formError")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.duplicate_button, self.import_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.preview = PhasePreview(self)
        self.answers = QTreeWidget(self)
        self.answers.setObjectName("answerTree")
        self.answers.setHeaderLabels([self.tr("Textbaustein"), self.tr("Text")])
        self.answers.setWordWrap(True)
        self.injects = QTableWidget(0, 6, self)
        self.injects.setObjectName("injectTable")
        self.injects.setHorizontalHeaderLabels(
            [
                self.tr("Zeit"),
                self.tr("Kanal"),
                self.tr("Absender"),
                self.tr("Text"),
                self.tr("Erwartet"),
                self.tr("Textbaustein"),
            ]
        )
        self.injects.verticalHeader().setVisible(False)
        self.injects.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.injects.setWordWrap(True)
        self.injects.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.editor = PlaybookEditor(session, self)
        self.editor.checked.connect(self._on_checked)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.preview, self.tr("&Phasen und Texte"))
        self.tabs.addTab(self.answers, self.tr("&Textbausteine"))
        self.tabs.addTab(self.injects, self.tr("Ü&bungs-Einspielungen"))
        self.tabs.addTab(self.editor, self.tr("&YAML und Prüfung"))

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.message)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(top)
        split.addWidget(self.tabs)
        split.setSizes([260, 520])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self._loaded_once = False

    def showEvent(self, event: QShowEvent) -> None:
        # Checking the playbooks takes a while; it waits until someone opens the area, so
        # the start of the console (and its first saves) never compete with it.
        if not self._loaded_once:
            self._loaded_once = True
            self.reload()
        super().showEvent(event)

    # -- loading ------------------------------------------------------------------------------
    def reload(self, select: Path | None = None) -> None:
        self._select_after_load = select or (self._entry.path if self._entry else None)
        context = self._session.context  # the library loads on the worker, not here
        self._session.background.run(lambda: context.playbooks.entries(), self._on_loaded)

    def _on_loaded(self, entries: list[Entry] | None, error: BaseException | None) -> None:
        if self._report(error) or entries is None:
            return
        self.model.set_entries(entries)
        row = self.model.row_of(self._select_after_load) if self._select_after_load else None
        if entries:
            self.table.selectRow(row if row is not None else 0)

    def _on_row(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        self.editor.flush()
        self._entry = self.model.entry_at(index.row())
        self.duplicate_button.setEnabled(self._entry.result.playbook is not None)
        self._show(self._entry.result.playbook)
        self.editor.open(self._entry.path, self._entry.bundled, self._entry.result)

    def _on_checked(self, result: CheckResult) -> None:
        if result.playbook is not None:
            self._show(result.playbook)

    def _show(self, book: Playbook | None) -> None:
        self.preview.set_playbook(book)
        self.answers.clear()
        self.injects.setRowCount(0)
        if book is None:
            return
        for answer in book.answers:
            item = QTreeWidgetItem(
                self.answers, [answer.title, answer.texts.get(next(iter(answer.texts)), "")]
            )
            questions = QTreeWidgetItem(item, [self.tr("Fragen"), "\n".join(answer.questions)])
            questions.setToolTip(1, ", ".join(answer.keywords))
            for language, text in answer.texts.items():
                QTreeWidgetItem(item, [language_name(language), text])
        self.answers.resizeColumnToContents(0)
        self.injects.setRowCount(len(book.injects))
        for row, inject in enumerate(book.injects):
            cells = [
                inject.at,
                inject.channel.value,
                inject.author,
                inject.text,
                category_name(inject.expect.category),
                inject.expect.answer or "",
            ]
            for column, text in enumerate(cells):
                self.injects.setItem(row, column, QTableWidgetItem(text))
        self.injects.resizeRowsToContents()

    # -- actions ------------------------------------------------------------------------------
    def duplicate(self) -> None:
        entry = self._entry
        if entry is None:
            return
        library = self._session.context.playbooks
        self._session.background.run(lambda: library.duplicate(entry), self._on_written)

    def choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Playbook importieren"), "", self.tr("Playbooks (*.yaml *.yml)")
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, source: Path) -> None:
        library = self._session.context.playbooks
        self._session.background.run(lambda: library.import_file(source), self._on_written)

    def choose_export(self) -> None:
        if self._entry is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Playbook exportieren"),
            self._entry.path.name,
            self.tr("Playbooks (*.yaml *.yml)"),
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, target: Path) -> None:
        entry, library = self._entry, self._session.context.playbooks
        if entry is None:
            return
        self._session.background.run(
            lambda: library.export(entry, target),
            lambda _r, error: (
                self._report(error)
                or self.message.setText(self.tr("Exportiert nach {path}").format(path=str(target)))
            ),
            owner=self,
        )

    def _on_written(self, path: Path | None, error: BaseException | None) -> None:
        from kriseninfo.playbooks.library import PlaybookRejected  # loaded with the library

        if isinstance(error, PlaybookRejected):
            self._show_rejection(error.result)
            return
        if self._report(error) or path is None:
            return
        self.message.setText(self.tr("Gespeichert als {path}").format(path=str(path)))
        self.reload(select=path)

    def _show_rejection(self, result: CheckResult) -> None:
        lines = [
            (self.tr("Zeile {line}: ").format(line=p.line) if p.line else "") + problem_text(p)
            for p in result.errors[:30]
        ]
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Playbook nicht importiert"),
            self.tr("Das Playbook hat {count} Fehler und wurde nicht übernommen.").format(
                count=len(result.errors)
            ),
            parent=self,
        )
        box.setObjectName("importRejected")
        box.setDetailedText("\n".join(lines))
        box.open()
        self.message.setText(
            self.tr("Import abgelehnt: {count} Fehler.").format(count=len(result.errors))
        )

    def _report(self, error: BaseException | None) -> bool:
        if error is None:
            return False
        if isinstance(error, KriseninfoError):
            self.message.setText(error_text(error))
        elif isinstance(error, OSError):
            self.message.setText(
                self.tr("Dateifehler: {reason}").format(reason=error.strerror or str(error))
            )
        else:
            raise error
        return True
