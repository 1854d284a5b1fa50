"""The Lage area: the list of incidents and the active incident's Lagebild."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kriseninfo.domain import IncidentMode
from kriseninfo.errors import KriseninfoError
from kriseninfo.incidents.lagebild import IncidentSnapshot, LagebildField
from kriseninfo.settings import ACTIVE_INCIDENT
from kriseninfo_ui.dialogs.new_incident_dialog import NewIncidentDialog
from kriseninfo_ui.messages import error_text
from kriseninfo_ui.names import kind_name
from kriseninfo_ui.session import Session
from kriseninfo_ui.views.incident_list_model import IncidentListModel
from kriseninfo_ui.views.lagebild_form import LagebildForm
from kriseninfo_ui.widgets import local_time_text

if TYPE_CHECKING:
    from kriseninfo.playbooks.schema import Playbook

log = logging.getLogger(__name__)

#: How often changes made at other consoles are picked up.
REFRESH_MS = 3_000
PLAYBOOK_WARMUP_MS = 1_500


class LageView(QWidget):
    active_changed = Signal(object)
    #: An incident was started from a playbook: its facts and messages come next.
    started_from_playbook = Signal(object)
    #: A problem the duty officer must see (German text), or "" when it is over.
    problem = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._active_id: int | None = session.context.settings.get(ACTIVE_INCIDENT)

        self.model = IncidentListModel()
        self.list = QListView(self)
        self.list.setObjectName("incidentList")
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Lagen"))
        self.list.setSpacing(2)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.selectionModel().currentChanged.connect(self._on_current_changed)
        self.new_button = QPushButton(self.tr("&Neue Lage …"), self)
        self.new_button.clicked.connect(self.create_incident)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Lagen"), left))
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.new_button)

        self.heading = QLabel(self)
        self.heading.setObjectName("incidentHeading")
        self.heading.setWordWrap(True)
        self.facts = QLabel(self)
        self.facts.setObjectName("incidentFacts")
        self.status_button = QPushButton(self)
        self.status_button.clicked.connect(self._toggle_status)
        self.empty_hint = QLabel(
            self.tr("Noch keine Lage. Legen Sie mit „Neue Lage …“ die erste an."), self
        )
        self.empty_hint.setWordWrap(True)
        self.form = LagebildForm(session, self)
        self.form.save_finished.connect(self._on_saved)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)

        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.facts)
        head.addLayout(titles, 1)
        head.addWidget(self.status_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(head)
        right_layout.addWidget(self.empty_hint)
        right_layout.addWidget(scroll, 1)
        self._scroll = scroll

        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.reload)
        self._timer.start()
        self._show(None)
        self.reload()
        # Checking the playbooks takes seconds the first time; do it while the officer
        # reads the Lagebild, so "Neue Lage …" offers them at once.
        QTimer.singleShot(PLAYBOOK_WARMUP_MS, self._warm_playbooks)

    # -- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        if self._session.runner.busy:
            return  # a save or load is under way; the next tick catches up
        self._session.runner.run(self._session.context.incidents.list, self._on_loaded)

    def _on_loaded(self, items: list[IncidentSnapshot] | None, error: BaseException | None) -> None:
        if error is not None or items is None:
            self._report(error)
            return
        self.problem.emit("")
        self.model.set_incidents(items)
        if self._active_id is None or self.model.row_of(self._active_id) is None:
            candidates = [item for item in items if item.is_open] or items
            self._active_id = candidates[0].id if candidates else None
        active = next((item for item in items if item.id == self._active_id), None)
        self._select(active)
        if (
            active is not None
            and self.form.incident is not None
            and self.form.incident.id == active.id
        ):
            self.form.refresh(active)
            self._show_header(active)
        else:
            self._show(active)

    def _select(self, incident: IncidentSnapshot | None) -> None:
        row = self.model.row_of(incident.id) if incident else None
        if row is None:
            return
        index = self.model.index(row)
        if self.list.currentIndex() != index:
            blocked = self.list.selectionModel().blockSignals(True)
            self.list.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.list.selectionModel().blockSignals(blocked)

    def _on_current_changed(self) -> None:
        index = self.list.currentIndex()
        if not index.isValid():
            return
        incident = self.model.incident_at(index.row())
        if incident.id == self._active_id and self.form.incident is not None:
            return
        self._active_id = incident.id
        self._session.context.settings.set(ACTIVE_INCIDENT, incident.id)
        self._show(incident)

    def _show(self, incident: IncidentSnapshot | None) -> None:
        self.form.show_incident(incident)
        self._show_header(incident)
        self.active_changed.emit(incident)

    def _show_header(self, incident: IncidentSnapshot | None) -> None:
        has = incident is not None
        self.empty_hint.setVisible(not has)
        self._scroll.setVisible(has)
        self.status_button.setVisible(has)
        self.heading.setVisible(has)
        self.facts.setVisible(has)
        if incident is None:
            return
        mode = self.tr("Übung") if incident.is_drill else self.tr("Echtlage")
        state = self.tr("offen") if incident.is_open else self.tr("abgeschlossen")
        self.heading.setText(incident.title or self.tr("(ohne Titel)"))
        self.facts.setText(
            self.tr("{kind} · {mode} · {state} · angelegt {created}").format(
                kind=kind_name(incident.kind),
                mode=mode,
                state=state,
                created=local_time_text(incident.created_at),
            )
        )
        self.status_button.setText(
            self.tr("Lage &abschließen") if incident.is_open else self.tr("Lage wieder ö&ffnen")
        )

    # -- actions ------------------------------------------------------------------------------
    def _warm_playbooks(self) -> None:
        context = self._session.context
        self._session.background.run(lambda: context.playbooks.usable(), _ignore, owner=self)

    def create_incident(self) -> None:
        """Ask for the new incident at once; the playbooks join the dialog when checked."""
        dialog = NewIncidentDialog(self, None)
        self._session.background.run(
            lambda: self._session.context.playbooks.usable(),
            lambda playbooks, error: self._offer_playbooks(dialog, playbooks, error),
            owner=dialog,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        title, kind, mode = dialog.title.text(), dialog.chosen_kind(), dialog.chosen_mode()
        playbook = dialog.chosen_playbook()
        context, person = self._session.context, self._session.person
        self.form.flush()
        if playbook is None:
            self._session.runner.run(
                lambda: context.incidents.create(title, kind, mode, person.actor),
                self._on_created,
            )
            return

        def start() -> IncidentSnapshot:
            from kriseninfo.messagesets.start import start_from_playbook

            if mode is IncidentMode.DRILL:  # a drill with its clock and injects, at 1×
                made = context.drills.start(playbook, person, title=title)
                return context.incidents.get(made.incident_id)
            return start_from_playbook(context, title, mode, playbook, person)

        self._session.runner.run(start, self._on_started)

    @staticmethod
    def _offer_playbooks(
        dialog: NewIncidentDialog, playbooks: list[Playbook] | None, error: BaseException | None
    ) -> None:
        if error is not None:
            log.warning("playbooks not available for a new incident: %s", error)
        dialog.set_playbooks(playbooks or [])

    def _on_created(self, incident: IncidentSnapshot | None, error: BaseException | None) -> None:
        if error is not None or incident is None:
            self._report(error)
            return
        self._active_id = incident.id
        self._session.context.settings.set(ACTIVE_INCIDENT, incident.id)
        self._show(incident)
        self.reload()
        self.form.widget(LagebildField.WHAT_HAPPENED).setFocus()

    def adopt(self, incident: IncidentSnapshot) -> None:
        """An incident started elsewhere (a drill) becomes the active one."""
        self._on_created(incident, None)

    def _on_started(self, incident: IncidentSnapshot | None, error: BaseException | None) -> None:
        self._on_created(incident, error)
        if incident is not None:
            self.started_from_playbook.emit(incident)

    def _toggle_status(self) -> None:
        incident = self.form.incident
        if incident is None:
            return
        if incident.is_open and not self.confirm_close(incident):
            return
        self.form.flush()
        service = self._session.context.incidents
        actor = self._session.person.actor
        action = service.close if incident.is_open else service.reopen
        self._session.runner.run(lambda: action(incident.id, actor), self._on_status_changed)

    def confirm_close(self, incident: IncidentSnapshot) -> bool:
        """Closing makes the Lagebild read-only for everyone: ask once."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Lage abschließen?"),
            self.tr(
                "„{title}“ abschließen? Das Lagebild ist danach an allen Konsolen "
                "schreibgeschützt, bis jemand die Lage wieder öffnet."
            ).format(title=incident.title),
            parent=self,
        )
        box.setObjectName("confirmClose")
        close = box.addButton(self.tr("Abschließen"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("Abbrechen"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is close

    def _on_status_changed(
        self, incident: IncidentSnapshot | None, error: BaseException | None
    ) -> None:
        if error is not None or incident is None:
            self._report(error)
            return
        self._show(incident)
        self.reload()

    def _on_saved(self, pending: int, error: object) -> None:
        if pending == 0 and error is None:
            self.reload()

    def _report(self, error: BaseException | None) -> None:
        if isinstance(error, KriseninfoError):
            self.problem.emit(error_text(error))
            log.warning("Lage view: %s", error)
        elif error is not None:
            raise error


def _ignore(result: object, error: BaseException | None) -> None:
    if error is not None:
        log.warning("checking the playbooks failed: %s", error)
