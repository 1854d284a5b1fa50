"""The Meldungen area: the incident's playbook, phase, facts and checklist on the left;
its message sets with their drafts, editor, preview and release on the right."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.incidents.lagebild import IncidentSnapshot
from kriseninfo.messagesets.kinds import DraftStatus, ReleaseKind, SetPurpose
from kriseninfo.messagesets.records import Draft, MessageSetView, ProblemCode
from kriseninfo_ui.dialogs.release_dialog import Mode, ReleaseDialog
from kriseninfo_ui.messages import error_text
from kriseninfo_ui.messageset_texts import (
    problem_text,
    purpose_name,
    release_kind_name,
    status_name,
)
from kriseninfo_ui.session import Session
from kriseninfo_ui.views.checklist_panel import ChecklistPanel
from kriseninfo_ui.views.draft_editor import DraftEditor
from kriseninfo_ui.views.draft_table_model import DraftTableModel
from kriseninfo_ui.views.facts_form import FactsForm
from kriseninfo_ui.views.meldungen_state import MeldungenState, load_state, with_playbooks
from kriseninfo_ui.views.platform_preview import PlatformPreview
from kriseninfo_ui.widgets import local_time_text

if TYPE_CHECKING:
    from kriseninfo.playbooks.schema import Playbook

log = logging.getLogger(__name__)

REFRESH_MS = 3_000


class MeldungenView(QWidget):
    #: A problem the duty officer must see (German text), or "" when it is over.
    problem = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.incident: IncidentSnapshot | None = None
        self.state: MeldungenState | None = None
        self._set_id: int | None = None
        self._draft_id: int | None = None
        self._loading = False
        self._reload_again = False
        #: The checked playbooks (None until the background check has run once).
        self._playbooks: list[Playbook] | None = None
        self._playbooks_asked = False
        self._raw_state: MeldungenState | None = None

        # -- playbook and phase -----------------------------------------------------------
        self.playbook_label = QLabel(self)
        self.playbook_label.setObjectName("playbookLabel")
        self.playbook_choice = QComboBox(self)
        self.playbook_choice.setObjectName("attachChoice")
        self.attach_button = QPushButton(self.tr("Playbook &übernehmen"), self)
        self.attach_button.clicked.connect(self._attach)
        self.phase = QComboBox(self)
        self.phase.setObjectName("phaseChoice")
        self.phase.setAccessibleName(self.tr("Phase"))
        self.phase.activated.connect(self._on_phase)
        self.phase_label = QLabel(self.tr("P&hase"), self)
        self.phase_label.setBuddy(self.phase)
        top = QHBoxLayout()
        top.addWidget(self.playbook_label)
        top.addWidget(self.playbook_choice, 1)
        top.addWidget(self.attach_button)
        top.addStretch(0)
        top.addWidget(self.phase_label)
        top.addWidget(self.phase, 1)

        # -- facts and checklist ------------------------------------------------------------
        self.facts = FactsForm(self)
        self.facts.edited.connect(self._save_facts)
        self.facts.rebuilt.connect(self._remeasure_left, Qt.ConnectionType.QueuedConnection)
        self.checklist = ChecklistPanel(self)
        self.checklist.ticked.connect(self._tick)
        facts_box = QGroupBox(self.tr("Fakten"), self)
        QVBoxLayout(facts_box).addWidget(self.facts)
        checklist_box = QGroupBox(self.tr("Checkliste der Phase"), self)
        QVBoxLayout(checklist_box).addWidget(self.checklist)
        left_inner = QWidget(self)
        left_layout = QVBoxLayout(left_inner)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(facts_box)
        left_layout.addWidget(checklist_box)
        left_layout.addStretch(1)
        self.left = QScrollArea(self)
        self.left.setWidgetResizable(True)
        self.left.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.left.setWidget(left_inner)

        # -- sets and drafts -------------------------------------------------------------------
        self.purpose = QComboBox(self)
        self.purpose.setObjectName("purposeChoice")
        for purpose in SetPurpose:
            if purpose is SetPurpose.ANTWORT:  # answers are made in the dialog feed
                continue
            self.purpose.addItem(purpose_name(purpose), purpose.value)
        self.generate_button = QPushButton(self.tr("Meldungen &erstellen"), self)
        self.generate_button.setObjectName("generateButton")
        self.generate_button.setToolTip(
            self.tr("Strg+G: ein Satz für jeden Kanal und jede Sprache")
        )
        self.generate_button.clicked.connect(self.generate)
        self.sets = QComboBox(self)
        self.sets.setObjectName("setChoice")
        self.sets.setAccessibleName(self.tr("Meldungssatz"))
        self.sets.activated.connect(self._on_set_chosen)
        self.set_info = QLabel(self)
        self.set_info.setObjectName("setInfo")
        self.set_info.setWordWrap(True)
        set_row = QHBoxLayout()
        set_row.addWidget(self.purpose)
        set_row.addWidget(self.generate_button)
        set_row.addStretch(1)
        set_row.addWidget(self.sets, 2)

        self.model = DraftTableModel()
        self.table = QTableView(self)
        self.table.setObjectName("draftTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DraftTableModel.PROBLEMS, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.selectionModel().currentRowChanged.connect(self._on_draft_chosen)

        self.editor = DraftEditor(self)
        self.editor.save_requested.connect(self._save_draft)
        self.editor.split_requested.connect(self._split)
        self.editor.versions_requested.connect(self._show_versions)
        self.editor.attach_requested.connect(self._attach_image)
        self.editor.alt_requested.connect(self._set_alt)
        self.editor.remove_requested.connect(self._remove_image)
        self.preview = PlatformPreview(self)
        editor_scroll = QScrollArea(self)
        editor_scroll.setWidgetResizable(True)
        editor_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        editor_scroll.setWidget(self.editor)
        editing = QSplitter(self)
        editing.addWidget(editor_scroll)
        editing.addWidget(self.preview)  # it scrolls itself
        editing.setSizes([520, 360])

        self.submit_button = QPushButton(self.tr("&Zur Freigabe"), self)
        self.submit_button.setObjectName("submitButton")
        self.submit_button.setToolTip(
            self.tr("Strg+Umschalt+F: alle Entwürfe des Satzes einer zweiten Person vorlegen")
        )
        self.submit_button.clicked.connect(self.submit)
        self.release_button = QPushButton(self.tr("F&reigeben …"), self)
        self.release_button.setObjectName("releaseButton")
        self.release_button.setToolTip(self.tr("Strg+R: Freigabe an diesem Rechner"))
        self.release_button.clicked.connect(self.open_release)
        self.schedule_button = QPushButton(self.tr("Sendeze&it …"), self)
        self.schedule_button.setObjectName("scheduleButton")
        self.schedule_button.setToolTip(
            self.tr("Bei Freigabe senden oder zu einer festen Uhrzeit („senden um 14:30“)")
        )
        self.schedule_button.clicked.connect(self.choose_send_time)
        actions = QHBoxLayout()
        actions.addWidget(self.set_info, 1)
        actions.addWidget(self.schedule_button)
        actions.addWidget(self.submit_button)
        actions.addWidget(self.release_button)

        drafts = QSplitter(Qt.Orientation.Vertical, self)
        drafts.addWidget(self.table)
        drafts.addWidget(editing)
        drafts.setSizes([180, 420])
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(set_row)
        right_layout.addWidget(drafts, 1)
        right_layout.addLayout(actions)

        self.body = QSplitter(self)
        self.body.addWidget(self.left)
        self.body.addWidget(right)
        self.body.setSizes([380, 820])
        self.empty_hint = QLabel(self)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setObjectName("emptyHint")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.body, 1)

        # Ctrl+G, Ctrl+Shift+F and Ctrl+R are the main window's Meldungen menu.

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.reload)
        self._timer.start()
        self._show_state(None)

    def _remeasure_left(self) -> None:
        """Rows added while on screen: handing the page to the scroll area again makes it
        measure the new height (else it squeezes the rows instead of scrolling them)."""
        page = self.left.takeWidget()
        if page is not None:
            self.left.setWidget(page)

    # -- loading -------------------------------------------------------------------------
    def set_incident(self, incident: IncidentSnapshot | None) -> None:
        if incident is not None and self.incident is not None and incident.id == self.incident.id:
            self.incident = incident
            return
        self.flush()
        self.incident = incident
        self._set_id = None
        self._draft_id = None
        self.state = None
        self._show_state(None)
        self.reload()

    def reload(self) -> None:
        """Read the incident's state again, queued behind any save (the worker keeps order).
        While a read is under way, one more is remembered, never a pile of them."""
        if self.incident is None:
            return
        if self._loading:
            self._reload_again = True
            return
        self._loading = True
        self._reload_again = False
        incident_id, context = self.incident.id, self._session.context
        self._session.runner.run(lambda: load_state(context, incident_id), self._on_loaded)

    def show_set(self, set_id: int) -> None:
        """Open a set made elsewhere (an FAQ set or a Richtigstellung from the dialog)."""
        self.editor.flush()
        self._set_id = set_id
        self._draft_id = None
        self.reload()

    def flush(self) -> None:
        self.facts.flush()
        self.editor.flush()

    def _on_loaded(self, state: MeldungenState | None, error: BaseException | None) -> None:
        self._loading = False
        if self._reload_again:
            self.reload()
            return  # a newer read is on its way; show that one
        if error is not None or state is None:
            self._report(error)
            return
        if self.incident is None or state.incident.id != self.incident.id:
            return  # the officer has moved on to another incident meanwhile
        self.problem.emit("")
        self._raw_state = state
        self._ask_for_playbooks()  # cheap once checked: files are re-read only if changed
        if self._playbooks is None:
            self.playbook_label.setText(self.tr("Playbooks werden geprüft …"))
            return
        self._show_state(with_playbooks(state, self._playbooks))

    def _ask_for_playbooks(self) -> None:
        if self._playbooks_asked:
            return  # one check at a time
        self._playbooks_asked = True
        context = self._session.context
        self._session.background.run(lambda: context.playbooks.usable(), self._on_playbooks)

    def _on_playbooks(self, playbooks: list[Playbook] | None, error: BaseException | None) -> None:
        self._playbooks_asked = False
        changed = self._playbooks != playbooks
        if error is not None:
            log.warning("checking the playbooks failed: %s", error)
        self._playbooks = playbooks or []
        if changed and self._raw_state is not None:
            self._show_state(with_playbooks(self._raw_state, self._playbooks))

    def _show_state(self, state: MeldungenState | None) -> None:
        self.state = state
        has_link = state is not None and state.link is not None
        self.body.setVisible(has_link)
        self.phase.setVisible(has_link)
        self.phase_label.setVisible(has_link)
        choosing = state is not None and state.link is None
        self.playbook_choice.setVisible(choosing)
        self.attach_button.setVisible(choosing)
        self.empty_hint.setVisible(not has_link)
        if state is None:
            self.playbook_label.setText("")
            self.empty_hint.setText(
                self.tr("Wählen Sie im Bereich Lage eine Lage aus.")
                if self.incident is None
                else self.tr("Wird geladen …")
            )
            return
        if state.link is None or state.playbook is None:
            self.playbook_label.setText(self.tr("Diese Lage folgt noch keinem Playbook:"))
            self.empty_hint.setText(
                self.tr(
                    "Mit einem Playbook werden die Fakten zum Formular, die Phase bringt ihre "
                    "Checkliste mit, und „Meldungen erstellen“ schreibt für jeden Kanal den Text."
                )
            )
            current = self.playbook_choice.currentData()
            self.playbook_choice.clear()
            for playbook in state.playbooks:
                self.playbook_choice.addItem(playbook.title, playbook.id)
            preferred = current or next(
                (p.id for p in state.playbooks if p.kind == state.incident.kind), None
            )
            if preferred is not None:
                self.playbook_choice.setCurrentIndex(self.playbook_choice.findData(preferred))
            return
        playbook, link = state.playbook, state.link
        released = (
            self.tr("freigegeben von {by}").format(by=playbook.release.approved_by)
            if playbook.release
            else self.tr("ohne Freigabe")
        )
        self.playbook_label.setText(
            self.tr("Playbook: {title} {version} ({released})").format(
                title=playbook.title, version=playbook.version, released=released
            )
        )
        if [self.phase.itemData(i) for i in range(self.phase.count())] != [
            p.id for p in playbook.phases
        ]:
            self.phase.clear()
            for phase in playbook.phases:
                self.phase.addItem(phase.title, phase.id)
        self.phase.setCurrentIndex(self.phase.findData(link.phase_id))
        self.facts.show_facts(playbook, link.facts)
        current_phase = playbook.phase(link.phase_id)
        self.checklist.show_items(
            list(current_phase.checklist) if current_phase else [], link.ticked(link.phase_id)
        )
        self._show_sets(state)

    def _show_sets(self, state: MeldungenState) -> None:
        ids = [view.id for view in state.sets]
        if self._set_id not in ids:
            self._set_id = ids[0] if ids else None
        self.sets.blockSignals(True)
        self.sets.clear()
        for view in state.sets:
            self.sets.addItem(self._set_title(view), view.id)
        if self._set_id is not None:
            self.sets.setCurrentIndex(self.sets.findData(self._set_id))
        self.sets.blockSignals(False)
        view = self.current_set()
        problems = state.problems.get(view.id, []) if view else []
        self.model.set_drafts(list(view.drafts) if view else [], problems)
        self._show_set_info(view)
        row = self.model.row_of(self._draft_id) if self._draft_id is not None else None
        if row is None and view is not None and view.drafts:
            row = 0
        if row is not None:
            index = self.model.index(row, 0)
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self._show_draft(self.model.rows[row])
        else:
            self._draft_id = None
            self.editor.show_draft(None, [])
            self.preview.hide()
        self.submit_button.setEnabled(
            view is not None and any(d.status is DraftStatus.ENTWURF for d in view.drafts)
        )
        self.release_button.setEnabled(
            view is not None and any(d.status is not DraftStatus.FREIGEGEBEN for d in view.drafts)
        )
        self.schedule_button.setEnabled(view is not None)

    def _set_title(self, view: MessageSetView) -> str:
        return self.tr("Satz {id} · {purpose} · {phase} · {status} · {time}").format(
            id=view.id,
            purpose=purpose_name(view.purpose),
            phase=self._phase_title(view.phase_id),
            status=status_name(view.status),
            time=local_time_text(view.created_at),
        )

    def _phase_title(self, phase_id: str) -> str:
        playbook = self.state.playbook if self.state else None
        phase = playbook.phase(phase_id) if playbook else None
        return phase.title if phase else phase_id

    def _show_set_info(self, view: MessageSetView | None) -> None:
        if view is None:
            self.set_info.setText(
                self.tr("Noch keine Meldungen. Fakten ausfüllen, dann „Meldungen erstellen“.")
            )
            return
        text = status_name(view.status)
        if view.send_at is not None:
            text += " · " + self.tr("senden um {time}").format(
                time=view.send_at.astimezone().strftime("%d.%m. %H:%M")
            )
        if view.follows_id is not None:
            text += " · " + self.tr("folgt auf Satz {id}").format(id=view.follows_id)
        if view.eilfreigabe:
            text += " · " + release_kind_name(ReleaseKind.EILFREIGABE)
        problems = self.state.problems.get(view.id, []) if self.state else []
        stale = [p for p in problems if p.code is ProblemCode.STALE_FACTS]
        if stale:
            text += "\n" + problem_text(stale[0])
        examples = [p for p in problems if p.code is ProblemCode.EXAMPLE_FACT]
        if examples:
            text += "\n" + self.tr(
                "Achtung: {count} Fakten haben noch den Beispielwert des Playbooks."
            ).format(count=len(examples))
        self.set_info.setText(text)

    def current_set(self) -> MessageSetView | None:
        if self.state is None or self._set_id is None:
            return None
        return next((v for v in self.state.sets if v.id == self._set_id), None)

    def _on_set_chosen(self) -> None:
        self.editor.flush()
        self._set_id = self.sets.currentData()
        self._draft_id = None
        if self.state is not None:
            self._show_sets(self.state)

    def _on_draft_chosen(self) -> None:
        draft = self.model.row_at(self.table.currentIndex())
        if draft is None or draft.id == self._draft_id:
            return
        self.editor.flush()
        self._show_draft(draft)

    def _show_draft(self, draft: Draft) -> None:
        self._draft_id = draft.id
        problems = self.model.problems.get(draft.id, [])
        self.editor.show_draft(draft, problems)
        self.preview.show()
        self.preview.show_draft(
            draft.platform, draft.account_name, draft.subject, list(draft.parts), len(draft.media)
        )

    # -- actions ---------------------------------------------------------------------------
    def _run(self, fn: Callable[[], Any], done: Callable[[Any], None] | None = None) -> None:
        def finished(result: Any, error: BaseException | None) -> None:
            if error is not None:
                self._report(error)
            elif done is not None:
                done(result)
            self.reload()

        self._session.runner.run(fn, finished, owner=self)

    def _attach(self) -> None:
        if self.state is None or self.incident is None:
            return
        chosen = self.playbook_choice.currentData()
        playbook = next((p for p in self.state.playbooks if p.id == chosen), None)
        if playbook is None:
            return
        context, person, incident = self._session.context, self._session.person, self.state.incident
        self._run(lambda: context.plans.attach(incident, playbook, person))

    def _on_phase(self) -> None:
        state = self.state
        if state is None or state.playbook is None or self.incident is None:
            return
        phase_id, playbook = str(self.phase.currentData()), state.playbook
        context, person, incident_id = self._session.context, self._session.person, self.incident.id
        self._run(lambda: context.plans.set_phase(incident_id, playbook, phase_id, person))

    def _save_facts(self, changes: dict[str, str]) -> None:
        state = self.state
        if state is None or state.playbook is None or self.incident is None:
            return
        playbook = state.playbook
        context, person, incident_id = self._session.context, self._session.person, self.incident.id
        self._run(lambda: context.plans.set_facts(incident_id, playbook, changes, person))

    def _tick(self, index: int, done: bool) -> None:
        state = self.state
        if state is None or state.playbook is None or state.link is None:
            return
        playbook, phase_id = state.playbook, state.link.phase_id
        context, person, incident_id = (
            self._session.context,
            self._session.person,
            state.link.incident_id,
        )
        self._run(
            lambda: context.plans.set_check(incident_id, playbook, phase_id, index, done, person)
        )

    def generate(self) -> None:
        if self.state is None or self.state.link is None or self.incident is None:
            return
        self.flush()  # facts typed a moment ago are saved first (same worker, in order)
        purpose = SetPurpose(self.purpose.currentData())
        context, person, incident_id = self._session.context, self._session.person, self.incident.id

        def created(view: MessageSetView) -> None:
            self._set_id = view.id
            self._draft_id = None

        self._run(lambda: context.messagesets.generate(incident_id, person, purpose), created)

    def _save_draft(self, draft_id: int, version: int, subject: str, parts: list[str]) -> None:
        context, person = self._session.context, self._session.person

        def save() -> Draft:
            return context.messagesets.edit(draft_id, version, person, subject=subject, parts=parts)

        def finished(draft: Draft | None, error: BaseException | None) -> None:
            self.editor.mark_saved(draft)
            if isinstance(error, KriseninfoError) and error.code is ErrorCode.EDIT_CONFLICT:
                self._conflict(error, subject, parts)
            elif error is not None:
                self._report(error)
            self.reload()

        self._session.runner.run(save, finished, owner=self)

    def _conflict(self, error: KriseninfoError, subject: str, parts: list[str]) -> None:
        """Someone else saved first: say so; the officer's text goes to the clipboard."""
        mine = (subject + "\n\n" if subject else "") + "\n\n".join(parts)
        QApplication.clipboard().setText(mine)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Meldung inzwischen geändert"),
            error_text(error)
            + "\n\n"
            + self.tr("Ihre Fassung liegt in der Zwischenablage. Die neue Fassung wird geladen."),
            parent=self,
        )
        box.setObjectName("editConflict")
        box.exec()
        self.editor.discard_changes()
        self._draft_id = None

    def _split(self, draft_id: int, version: int) -> None:
        context, person = self._session.context, self._session.person
        self._run(lambda: context.messagesets.split(draft_id, version, person))

    def _attach_image(self, draft_id: int, version: int, path: str, alt: str) -> None:
        context, person = self._session.context, self._session.person
        self._run(
            lambda: context.messagesets.attach_image(draft_id, version, Path(path), alt, person)
        )

    def _set_alt(self, draft_id: int, version: int, index: int, alt: str) -> None:
        context, person = self._session.context, self._session.person
        self._run(lambda: context.messagesets.set_alt_text(draft_id, version, index, alt, person))

    def _remove_image(self, draft_id: int, version: int, index: int) -> None:
        context, person = self._session.context, self._session.person
        self._run(lambda: context.messagesets.remove_image(draft_id, version, index, person))

    def _show_versions(self, draft_id: int) -> None:
        from kriseninfo_ui.dialogs.versions_dialog import VersionsDialog

        def show(versions: list[Any]) -> None:
            VersionsDialog(versions, self).exec()

        context = self._session.context
        self._session.runner.run(
            lambda: context.messagesets.versions(draft_id),
            lambda result, error: self._report(error) if error else show(result or []),
            owner=self,
        )

    def submit(self) -> None:
        """ "Zur Freigabe" for the whole set, then straight to the release at this machine
        (the usual case at a single crisis laptop); "Später freigeben" leaves it waiting."""
        self._submit(None)

    def submit_current(self) -> None:
        """Only the message on screen goes to the release (e.g. a correction of one)."""
        if self._draft_id is not None:
            self._submit([self._draft_id])

    def _submit(self, only: list[int] | None) -> None:
        view = self.current_set()
        if view is None:
            return
        self.flush()
        context, person, set_id = self._session.context, self._session.person, view.id
        self._run(
            lambda: context.releases.submit(set_id, person, only),
            lambda _: QTimer.singleShot(0, lambda: self.open_release(only)),
        )

    def open_release(self, only: list[int] | None = None) -> None:
        state, view = self.state, self.current_set()
        if state is None or view is None:
            return
        if self._loading or self._session.runner.busy:
            # Show what is stored, not what was: wait for the pending save and read.
            QTimer.singleShot(50, lambda: self.open_release(only))
            return
        self.flush()
        fresh = self._fresh_set(view.id)
        if fresh is None:
            return
        if only is not None:
            fresh = replace(fresh, drafts=tuple(d for d in fresh.drafts if d.id in only))
        context = self._session.context
        # What the releaser reads is what is released: a newer save refuses the release.
        seen = {d.id: d.version for d in fresh.drafts}
        ids = list(seen)

        def attempt(mode: Mode, person_id: int, pin: str, text: str) -> MessageSetView:
            releases = context.releases
            if mode is Mode.RELEASE:
                return releases.release(fresh.id, person_id, pin, ids, seen_versions=seen)
            if mode is Mode.CONFIRM:
                return releases.confirm_facts(fresh.id, person_id, pin, ids, seen_versions=seen)
            if mode is Mode.EILFREIGABE:
                return releases.eilfreigabe(fresh.id, person_id, pin, text, ids, seen_versions=seen)
            return releases.reject(fresh.id, person_id, pin, text, ids)

        dialog = ReleaseDialog(
            fresh,
            state.people,
            self._session.runner,
            attempt,
            confirm_allowed=state.confirm_allowed
            and fresh.playbook_released
            and any(d.unchanged_from_template for d in fresh.drafts),
            eilfreigabe_allowed=state.eilfreigabe_allowed,
            signed_in=self._session.person,
            parent=self,
        )
        dialog.setObjectName("releaseDialog")
        dialog.exec()
        self._session.wake_publisher()  # what was released goes out now, not at the next poll
        self.reload()

    def prepare(self, purpose: SetPurpose) -> None:
        """Preselect why the next set is made (e.g. Korrektur) and put the focus on
        "Meldungen erstellen"."""
        self.purpose.setCurrentIndex(max(0, self.purpose.findData(purpose.value)))
        self.generate_button.setFocus()

    def choose_send_time(self) -> None:
        """ "Senden um 14:30" or "bei Freigabe" for the set on screen."""
        from kriseninfo_ui.dialogs.schedule_dialog import ScheduleDialog

        view = self.current_set()
        if view is None:
            return
        dialog = ScheduleDialog(view.send_at, self._session.clock(), self)
        if not dialog.exec():
            return
        send_at = dialog.send_at()
        publishing, person = self._session.context.publishing, self._session.person
        self._run(lambda: publishing.schedule(view.id, send_at, person), lambda _r: self.reload())

    def _fresh_set(self, set_id: int) -> MessageSetView | None:
        """The set as stored now, read synchronously from the last loaded state."""
        if self.state is None:
            return None
        return next((v for v in self.state.sets if v.id == set_id), None)

    def _report(self, error: BaseException | None) -> None:
        if isinstance(error, KriseninfoError):
            text = error_text(error)
            self.problem.emit(text)
            self.set_info.setText(text)
        elif error is not None:
            log.error("Meldungen: %s", error, exc_info=error)
            self.problem.emit(self.tr("Unerwarteter Fehler: {error}").format(error=error))
