"""The Lagebild form: every field is saved as it is typed."""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kriseninfo.domain import Actor
from kriseninfo.errors import KriseninfoError
from kriseninfo.incidents.autosave import FieldEdit, SaveResult
from kriseninfo.incidents.lagebild import (
    FieldType,
    FieldValue,
    IncidentSnapshot,
    LagebildField,
    LagebildWarning,
    warnings,
)
from kriseninfo_ui.debounce import Debouncer
from kriseninfo_ui.messages import error_text
from kriseninfo_ui.names import field_label, field_placeholder, warning_text
from kriseninfo_ui.session import Session
from kriseninfo_ui.widgets import OptionalDateTimeEdit

log = logging.getLogger(__name__)

RETRY_MS = 5_000

FieldWidget = QLineEdit | QPlainTextEdit | OptionalDateTimeEdit


class LagebildForm(QWidget):
    """Edits one incident's Lagebild; saving runs on the session's worker thread."""

    #: A save finished: (pending edits, error or None).
    save_finished = Signal(int, object)
    snapshot_changed = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._incident: IncidentSnapshot | None = None
        self._dirty: set[LagebildField] = set()
        # Fields whose edit left the window but is not confirmed stored yet; a refresh
        # from the database must not put the old value back over them.
        self._unconfirmed: set[LagebildField] = set()
        self._in_flight = 0
        self._widgets: dict[LagebildField, FieldWidget] = {}
        self._warnings: dict[LagebildField, QLabel] = {}
        self._debouncer = Debouncer(self._save_dirty, parent=self)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self.retry_pending)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in LagebildField:
            widget = self._make_widget(field)
            warning = QLabel(self)
            warning.setObjectName("fieldWarning")
            warning.setVisible(False)
            holder = QVBoxLayout()
            holder.setSpacing(2)
            holder.addWidget(widget)
            holder.addWidget(warning)
            label = QLabel(field_label(field), self)
            label.setBuddy(widget)
            form.addRow(label, holder)
            self._widgets[field] = widget
            self._warnings[field] = warning
        self._status = QLabel(self)
        self._status.setObjectName("saveStatus")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._status)
        layout.addStretch(1)

    # -- widgets ---------------------------------------------------------------------------
    def _make_widget(self, field: LagebildField) -> FieldWidget:
        widget: FieldWidget
        if field.type is FieldType.TIME:
            widget = OptionalDateTimeEdit(self)
            widget.changed.connect(lambda f=field: self._on_edited(f))
        elif field.type is FieldType.MULTILINE:
            widget = QPlainTextEdit(self)
            widget.setTabChangesFocus(True)
            widget.setPlaceholderText(field_placeholder(field))
            widget.setFixedHeight(widget.fontMetrics().lineSpacing() * 4 + 12)
            widget.textChanged.connect(lambda f=field: self._on_edited(f))
        else:
            widget = QLineEdit(self)
            widget.setMaxLength(field.max_length)
            widget.setPlaceholderText(field_placeholder(field))
            widget.textEdited.connect(lambda _t, f=field: self._on_edited(f))
        widget.setObjectName(f"field_{field.value}")
        widget.setAccessibleName(field_label(field))
        return widget

    def widget(self, field: LagebildField) -> FieldWidget:
        return self._widgets[field]

    def _read(self, field: LagebildField) -> FieldValue:
        widget = self._widgets[field]
        if isinstance(widget, OptionalDateTimeEdit):
            return widget.value()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        return widget.text()

    def _write(self, field: LagebildField, value: FieldValue) -> None:
        widget = self._widgets[field]
        if isinstance(widget, OptionalDateTimeEdit):
            widget.set_value(value if isinstance(value, datetime) else None)
            return
        text = value if isinstance(value, str) else ""
        blocked = widget.blockSignals(True)
        try:
            if isinstance(widget, QPlainTextEdit):
                if widget.toPlainText() != text:
                    widget.setPlainText(text)
            elif widget.text() != text:
                widget.setText(text)
        finally:
            widget.blockSignals(blocked)

    # -- showing an incident -----------------------------------------------------------------
    @property
    def incident(self) -> IncidentSnapshot | None:
        return self._incident

    def show_incident(self, snapshot: IncidentSnapshot | None) -> None:
        """Show another incident (after saving what was typed into the current one)."""
        self._debouncer.flush_now()
        self._incident = snapshot
        self._dirty.clear()
        self._unconfirmed.clear()
        if not self._retry.isActive():
            self._status.clear()
        for field in LagebildField:
            self._write(field, snapshot.value(field) if snapshot else None)
        self._apply_state()

    def refresh(self, snapshot: IncidentSnapshot) -> None:
        """Take changes made elsewhere (another console), but never overwrite what is typed."""
        if self._incident is None or snapshot.id != self._incident.id:
            return
        self._incident = snapshot
        for field in LagebildField:
            if field in self._dirty or field in self._unconfirmed or self._is_editing(field):
                continue
            if self._read(field) != snapshot.value(field):
                self._write(field, snapshot.value(field))
        self._apply_state()

    def _is_editing(self, field: LagebildField) -> bool:
        widget = self._widgets[field]
        if isinstance(widget, OptionalDateTimeEdit):
            return widget.is_editing()
        return widget.hasFocus()

    def _apply_state(self) -> None:
        snapshot = self._incident
        read_only = snapshot is None or not snapshot.is_open
        for widget in self._widgets.values():
            if isinstance(widget, OptionalDateTimeEdit):
                widget.set_read_only(read_only)
            else:
                widget.setReadOnly(read_only)
        self._show_warnings()

    def _show_warnings(self) -> None:
        found: dict[LagebildField, LagebildWarning] = {}
        if self._incident is not None:
            found = warnings(self._current_snapshot(self._incident), self._session.clock())
        for field, label in self._warnings.items():
            problem = found.get(field)
            label.setVisible(problem is not None)
            label.setText(warning_text(problem) if problem else "")

    def _current_snapshot(self, base: IncidentSnapshot) -> IncidentSnapshot:
        """The incident with what is on screen, so warnings follow the typing."""
        from dataclasses import replace

        return replace(base, **{field.value: self._read(field) for field in LagebildField})

    # -- saving -------------------------------------------------------------------------------
    def _on_edited(self, field: LagebildField) -> None:
        if self._incident is None or not self._incident.is_open:
            return
        self._dirty.add(field)
        self._debouncer.touch()
        self._status.setText(self.tr("Wird gespeichert …"))

    def flush(self) -> None:
        """Save what is waiting for the debounce now (focus change, switch, close)."""
        self._debouncer.flush_now()

    def _save_dirty(self) -> None:
        incident = self._incident
        if incident is None or not self._dirty:
            return
        actor: Actor = self._session.person.actor
        saver = self._session.context.saver
        for field in sorted(self._dirty, key=lambda f: list(LagebildField).index(f)):
            edit = FieldEdit(incident.id, field, self._read(field), actor)
            self._in_flight += 1
            self._session.runner.run(lambda e=edit: saver.save(e), self._on_saved)
        self._unconfirmed |= self._dirty
        self._dirty.clear()
        self._show_warnings()

    def retry_pending(self) -> None:
        """Try again to store edits that are waiting (also those left by a crash)."""
        saver = self._session.context.saver
        if saver.pending == 0:
            return
        self._in_flight += 1
        self._session.runner.run(saver.flush, self._on_saved)

    def _on_saved(self, result: SaveResult | None, error: BaseException | None) -> None:
        self._in_flight -= 1
        if error is not None:
            log.error("saving the Lagebild failed", exc_info=error)
            self._status.setText(
                self.tr(
                    "Nicht gespeichert: unerwarteter Fehler. Ihre Eingabe liegt im "
                    "Zwischenspeicher; Details stehen im Protokoll."
                )
            )
            self.save_finished.emit(-1, error)
            return
        assert result is not None
        if result.pending == 0 and self._in_flight == 0:
            self._unconfirmed.clear()
        if result.error is not None:
            self._report_problem(result)
        else:
            self._status.setText(
                self.tr("Gespeichert um {time}").format(
                    time=QTime.currentTime().toString("HH:mm:ss")
                )
            )
            self._status.setProperty("problem", False)
        self._status.style().polish(self._status)
        self.save_finished.emit(result.pending, result.error)

    def _report_problem(self, result: SaveResult) -> None:
        error = result.error
        assert isinstance(error, KriseninfoError)
        if result.pending:
            text = self.tr("Nicht gespeichert ({count} Änderungen warten): {reason}").format(
                count=result.pending, reason=error_text(error)
            )
            self._retry.start(RETRY_MS)
        else:
            text = self.tr("Nicht gespeichert: {reason}").format(reason=error_text(error))
        self._status.setText(text)
        self._status.setProperty("problem", True)
