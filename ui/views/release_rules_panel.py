"""The desk's release rules (shared by every console): pre-approved texts, Eilfreigabe.
Only Leitung changes them; every change is journaled by the core."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from kriseninfo.errors import KriseninfoError
from kriseninfo.messagesets.kinds import DeskSetting
from kriseninfo_ui.messages import error_text
from kriseninfo_ui.session import Session


class ReleaseRulesPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.preapproved = QCheckBox(
            self.tr("Unveränderte Texte freigegebener Playbooks: Bestätigen der Fakten genügt"),
            self,
        )
        self.eilfreigabe = QCheckBox(
            self.tr("Eilfreigabe erlauben (Selbstfreigabe bei akuter Gefahr, mit Begründung)"),
            self,
        )
        self.message = QLabel(self)
        self.message.setObjectName("formError")
        self.message.setWordWrap(True)
        self._boxes = {
            DeskSetting.PREAPPROVED_TEMPLATES: self.preapproved,
            DeskSetting.EILFREIGABE_ALLOWED: self.eilfreigabe,
        }
        may_change = session.person.may_manage_people
        for key, box in self._boxes.items():
            box.setEnabled(False)  # until the stored values are read
            box.toggled.connect(lambda on, key=key: self._set(key, on))
            if not may_change:
                box.setToolTip(self.tr("Nur Personen mit der Rolle Leitung"))
        self._may_change = may_change
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preapproved)
        layout.addWidget(self.eilfreigabe)
        layout.addWidget(self.message)
        desk = session.context.desk
        session.runner.run(lambda: {key: desk.get(key) for key in DeskSetting}, self._on_loaded)

    def _on_loaded(
        self, values: dict[DeskSetting, bool] | None, error: BaseException | None
    ) -> None:
        if error is not None or values is None:
            self._show(error)
            return
        for key, box in self._boxes.items():
            box.blockSignals(True)
            box.setChecked(values[key])
            box.blockSignals(False)
            box.setEnabled(self._may_change)

    def _set(self, key: DeskSetting, on: bool) -> None:
        desk, person = self._session.context.desk, self._session.person
        self.message.clear()
        self._session.runner.run(lambda: desk.set(key, on, person), self._on_set)

    def _on_set(self, _result: object, error: BaseException | None) -> None:
        self._show(error)

    def _show(self, error: BaseException | None) -> None:
        if isinstance(error, KriseninfoError):
            self.message.setText(error_text(error))
        elif error is not None:
            self.message.setText(str(error))
