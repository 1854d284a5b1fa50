"""The Einsatztagebuch area: every change, who and when, checkable and exportable."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kriseninfo.errors import KriseninfoError
from kriseninfo.incidents.lagebild import IncidentSnapshot
from kriseninfo.journal.records import JournalLine, VerifyResult
from kriseninfo_ui.messages import break_text, error_text
from kriseninfo_ui.session import Session
from kriseninfo_ui.views.journal_model import JournalTableModel

REFRESH_MS = 3_000


class JournalView(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._incident: IncidentSnapshot | None = None
        self._loading = False
        self._generation = 0
        self.model = JournalTableModel()
        self.table = QTableView(self)
        self.table.setObjectName("journalTable")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Einsatztagebuch"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)  # "Neu" takes what is left
        for column, width in enumerate((50, 150, 130, 150, 170, 200)):
            self.table.setColumnWidth(column, width)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.only_active = QCheckBox(self.tr("Nur die aktive Lage"), self)
        self.only_active.setChecked(True)
        self.only_active.toggled.connect(self.restart)
        self.verify_button = QPushButton(self.tr("Kette &prüfen"), self)
        self.verify_button.clicked.connect(self.verify)
        self.export_button = QPushButton(self.tr("Als &CSV exportieren …"), self)
        self.export_button.clicked.connect(self.export)
        self.result = QLabel(self)
        self.result.setObjectName("journalResult")
        self.result.setWordWrap(True)

        bar = QHBoxLayout()
        bar.addWidget(self.only_active)
        bar.addStretch(1)
        bar.addWidget(self.verify_button)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.result)

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.load_more)
        self._timer.start()

    def set_incident(self, incident: IncidentSnapshot | None) -> None:
        changed = (incident and incident.id) != (self._incident and self._incident.id)
        self._incident = incident
        if incident is None:
            self.only_active.setText(self.tr("Nur die aktive Lage"))
        else:
            self.only_active.setText(
                self.tr("Nur die aktive Lage: {title}").format(title=incident.title)
            )
        if changed:
            self.restart()

    def restart(self) -> None:
        """Start the list over; a read still under way for the old list is discarded."""
        self._generation += 1
        self.model.clear()
        self.load_more()

    def _filter(self) -> int | None:
        if self.only_active.isChecked() and self._incident is not None:
            return self._incident.id
        return None

    def load_more(self) -> None:
        if self._loading:
            return
        self._loading = True
        generation, incident_id, after = self._generation, self._filter(), self.model.last_seq
        service = self._session.context.journal
        self._session.runner.run(
            lambda: service.lines(incident_id, after_seq=after),
            lambda lines, error: self._on_loaded(generation, lines, error),
            owner=self,
        )

    def _on_loaded(
        self, generation: int, lines: list[JournalLine] | None, error: BaseException | None
    ) -> None:
        self._loading = False
        if isinstance(error, KriseninfoError):
            self.result.setText(error_text(error))
            return
        if error is not None:
            raise error
        assert lines is not None
        if generation != self._generation:
            self.load_more()  # the list was started over while reading
            return
        fresh = [line for line in lines if line.seq > self.model.last_seq]
        at_bottom = (
            self.table.verticalScrollBar().value() >= self.table.verticalScrollBar().maximum() - 2
        )
        self.model.append(fresh)
        if fresh and at_bottom:
            self.table.scrollToBottom()

    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self._session.runner.run(self._session.context.journal.verify, self._on_verified)

    def _on_verified(self, result: VerifyResult | None, error: BaseException | None) -> None:
        self.verify_button.setEnabled(True)
        if isinstance(error, KriseninfoError):
            self.result.setText(error_text(error))
            return
        if error is not None:
            raise error
        assert result is not None
        if result.first_break is None:
            self.result.setProperty("problem", False)
            self.result.setText(
                self.tr(
                    "Einsatztagebuch geprüft: {count} Einträge, die Kette ist unversehrt."
                ).format(count=result.entries)
            )
        else:
            self.result.setProperty("problem", True)
            self.result.setText(
                self.tr(
                    "Achtung: Das Einsatztagebuch wurde verändert. Erster "
                    "beschädigter Eintrag: Nr. {seq} ({reason})."
                ).format(seq=result.first_break.seq, reason=break_text(result.first_break))
            )
        self.result.style().polish(self.result)

    def export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Einsatztagebuch exportieren"),
            "einsatztagebuch.csv",
            self.tr("CSV-Dateien (*.csv)"),
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, target: Path) -> None:
        service, incident_id = self._session.context.journal, self._filter()
        self._session.runner.run(
            lambda: service.export_csv(target, incident_id),
            lambda count, error: self._on_exported(target, count, error),
            owner=self,
        )

    def _on_exported(self, target: Path, count: int | None, error: BaseException | None) -> None:
        if isinstance(error, KriseninfoError):
            self.result.setText(error_text(error))
        elif isinstance(error, OSError):
            self.result.setText(
                self.tr("Export fehlgeschlagen: {reason}").format(
                    reason=error.strerror or str(error)
                )
            )
        elif error is not None:
            raise error
        else:
            self.result.setText(
                self.tr("{count} Einträge exportiert nach {path}").format(
                    count=count, path=str(target)
                )
            )
