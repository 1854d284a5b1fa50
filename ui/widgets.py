"""Small widgets used on several screens."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, QTimeZone, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QHBoxLayout,
    QPushButton,
    QWidget,
)


class OptionalDateTimeEdit(QWidget):
    """A local date and time that may also be unset; reports aware UTC datetimes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._enabled = QCheckBox(self.tr("Uhrzeit angeben"), self)
        self._edit = QDateTimeEdit(self)
        self._edit.setDisplayFormat("dd.MM.yyyy HH:mm")
        self._edit.setCalendarPopup(True)
        self._edit.setTimeZone(QTimeZone.systemTimeZone())
        self._now = QPushButton(self.tr("Jetzt"), self)
        self._now.setToolTip(self.tr("Aktuelle Uhrzeit eintragen"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._enabled)
        layout.addWidget(self._edit, 1)
        layout.addWidget(self._now)
        self._enabled.toggled.connect(self._on_toggled)
        self._edit.dateTimeChanged.connect(self._emit_if_set)
        self._now.clicked.connect(self._set_now)
        self.setFocusProxy(self._edit)
        self._set_widgets_enabled(False)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self._edit.setAccessibleName(name)
        self._enabled.setAccessibleName(name + " " + self.tr("Uhrzeit angeben"))

    def value(self) -> datetime | None:
        if not self._enabled.isChecked():
            return None
        msecs = self._edit.dateTime().toMSecsSinceEpoch()
        return datetime.fromtimestamp(msecs / 1000, UTC).replace(second=0, microsecond=0)

    def set_value(self, value: datetime | None) -> None:
        blockers = [self._enabled.blockSignals(True), self._edit.blockSignals(True)]
        try:
            self._enabled.setChecked(value is not None)
            if value is not None:
                self._edit.setDateTime(QDateTime.fromMSecsSinceEpoch(int(value.timestamp() * 1000)))
            self._set_widgets_enabled(value is not None)
        finally:
            self._enabled.blockSignals(blockers[0])
            self._edit.blockSignals(blockers[1])

    def set_read_only(self, read_only: bool) -> None:
        self._enabled.setEnabled(not read_only)
        self._edit.setReadOnly(read_only)
        self._now.setEnabled(not read_only)

    def is_editing(self) -> bool:
        return self._edit.hasFocus() or self._enabled.hasFocus()

    def _set_widgets_enabled(self, enabled: bool) -> None:
        self._edit.setEnabled(enabled)

    def _on_toggled(self, checked: bool) -> None:
        if checked:
            blocked = self._edit.blockSignals(True)
            self._edit.setDateTime(QDateTime.currentDateTime())
            self._edit.blockSignals(blocked)
        self._set_widgets_enabled(checked)
        self.changed.emit()

    def _emit_if_set(self) -> None:
        if self._enabled.isChecked():
            self.changed.emit()

    def _set_now(self) -> None:
        self._enabled.setChecked(True)
        self._edit.setDateTime(QDateTime.currentDateTime())
        self.changed.emit()


def local_time_text(value: datetime | None, with_seconds: bool = False) -> str:
    """A UTC time as the local wall-clock text a German user reads."""
    if value is None:
        return "–"
    local = value.astimezone()
    return local.strftime("%d.%m.%Y %H:%M:%S" if with_seconds else "%d.%m.%Y %H:%M")
