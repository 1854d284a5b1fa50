"""The Warteschlange area: every delivery live, each channel's health, and what an
officer can do about a delivery (send again, cancel, decide "unklar", confirm a manual
post, retract, open the published post)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDesktopServices,
    QGuiApplication,
    QKeySequence,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kriseninfo.errors import KriseninfoError
from kriseninfo.publishing.records import DeliveryView, HealthView
from kriseninfo.publishing.states import READY, DeliveryState, WaitReason
from kriseninfo_ui.messages import error_text
from kriseninfo_ui.messageset_texts import platform_name
from kriseninfo_ui.queue_texts import failure_text, status_line
from kriseninfo_ui.session import Session
from kriseninfo_ui.views.delivery_model import DeliveryTableModel
from kriseninfo_ui.widgets import local_time_text

REFRESH_MS = 1_000
FIRST_LOOK_MS = 500
TROUBLE_COLOUR = "#a40000"  # readable on white (WCAG AA)

Snapshot = tuple[list[DeliveryView], list[HealthView], datetime]


class QueueView(QWidget):
    #: How many deliveries need an officer (fehlgeschlagen, unklar): the red badge.
    attention_changed = Signal(int)
    #: Deliveries that newly failed or became unclear (notify the desktop once each).
    newly_failed = Signal(list)
    problem = Signal(str)
    #: "Korrektur senden": the Meldungen area prepares a correction, threaded under this.
    correction_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._incident_id: int | None = None
        self._loading = False
        self._generation = 0
        self._alerted: set[int] = set()

        self.health = QTableWidget(0, 4, self)
        self.health.setObjectName("channelHealth")
        self.health.setAccessibleName(self.tr("Zustand der Kanäle"))
        self.health.setHorizontalHeaderLabels(
            [
                self.tr("Kanal"),
                self.tr("Zustand"),
                self.tr("Zuletzt gesendet"),
                self.tr("Letzter Fehler"),
            ]
        )
        self.health.verticalHeader().setVisible(False)
        self.health.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.health.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.health.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((200, 260, 150)):
            self.health.setColumnWidth(column, width)

        self.model = DeliveryTableModel()
        self.table = QTableView(self)
        self.table.setObjectName("deliveryTable")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Sendungen"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((120, 180, 50, 330, 330)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.model.dataChanged.connect(lambda *_: self._show_current())

        self.only_active = QCheckBox(self.tr("Nur die aktive Lage"), self)
        self.only_active.setChecked(True)
        self.only_active.toggled.connect(self.refresh)
        self.only_problems = QCheckBox(self.tr("Nur Probleme"), self)
        self.only_problems.toggled.connect(self.refresh)
        self.summary = QLabel(self)
        self.summary.setObjectName("queueSummary")

        self.detail_state = QLabel(self)
        self.detail_state.setObjectName("deliveryState")
        self.detail_state.setWordWrap(True)
        self.detail_state.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_todo = QLabel(self)
        self.detail_todo.setObjectName("deliveryTodo")
        self.detail_todo.setWordWrap(True)
        self.detail_todo.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_text = QPlainTextEdit(self)
        self.detail_text.setReadOnly(True)
        self.detail_text.setAccessibleName(self.tr("Text des Beitrags"))

        self.retry_button = self._button(self.tr("&Erneut senden"), self.retry)
        self.cancel_button = self._button(self.tr("&Abbrechen …"), self.cancel)
        self.published_button = self._button(self.tr("Ist &veröffentlicht …"), self.resolve)
        self.done_button = self._button(self.tr("E&rledigt …"), self.confirm_manual)
        self.retract_button = self._button(self.tr("&Zurückziehen …"), self.retract)
        self.open_button = self._button(self.tr("Beitrag ö&ffnen"), self.open_post)
        self.correction_button = self._button(
            self.tr("&Korrektur senden …"), self.correction_requested.emit
        )
        self.correction_button.setToolTip(
            self.tr("Erstellt eine Korrektur, die auf den Plattformen unter diesem Beitrag steht")
        )
        self.copy_button = self._button(self.tr("Text k&opieren"), self.copy_text)
        self.copy_button.setShortcut(QKeySequence("Ctrl+Shift+C"))

        filters = QHBoxLayout()
        filters.addWidget(self.only_active)
        filters.addWidget(self.only_problems)
        filters.addStretch(1)
        filters.addWidget(self.summary)
        buttons = QHBoxLayout()
        for button in (
            self.retry_button,
            self.cancel_button,
            self.published_button,
            self.done_button,
            self.retract_button,
            self.correction_button,
            self.open_button,
            self.copy_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail_state)
        detail_layout.addWidget(self.detail_todo)
        detail_layout.addWidget(self.detail_text, 1)
        detail_layout.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        # The reason and what to do must always be readable; the text may scroll.
        self.detail_text.setMinimumHeight(60)
        for label in (self.detail_state, self.detail_todo):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        detail.setMinimumHeight(190)
        health_label = QLabel(self.tr("Kanäle"), self)
        health_label.setObjectName("sectionTitle")
        self.health.setMaximumHeight(150)
        layout = QVBoxLayout(self)
        layout.addWidget(health_label)
        layout.addWidget(self.health)
        layout.addLayout(filters)
        layout.addWidget(split, 1)

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        QTimer.singleShot(FIRST_LOOK_MS, self._timer, self._timer.start)
        # The worker's changes come in bursts (twenty accounts answering together): one
        # refresh a quarter second after the first, however many follow.
        self._soon_timer = QTimer(self)
        self._soon_timer.setSingleShot(True)
        self._soon_timer.setInterval(250)
        self._soon_timer.timeout.connect(self.refresh)
        if session.publisher is not None:
            session.publisher.changed.connect(self._soon)
        self._show_current()
        # The first look a moment after the view is built (the window builds it after the
        # Lagebild is up, or when the officer opens the area).

    def _button(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        return button

    # -- loading ---------------------------------------------------------------------------
    def set_incident(self, incident_id: int | None) -> None:
        if incident_id != self._incident_id:
            self._incident_id = incident_id
            self._generation += 1
            self.model.replace([])
            self.refresh()

    def _soon(self) -> None:
        """The worker changed something: refresh now (coalesced with the timer)."""
        if not self._soon_timer.isActive():
            self._soon_timer.start()

    def refresh(self) -> None:
        if self._loading:
            return
        self._loading = True
        generation = self._generation
        incident = self._incident_id if self.only_active.isChecked() else None
        publishing = self._session.context.publishing
        clock = self._session.clock

        def load() -> Snapshot:
            return publishing.deliveries(incident), publishing.health(), clock()

        self._session.runner.run(
            load, lambda result, error: self._loaded(generation, result, error), owner=self
        )

    def _loaded(
        self, generation: int, result: Snapshot | None, error: BaseException | None
    ) -> None:
        self._loading = False
        if error is not None or result is None:
            if isinstance(error, KriseninfoError):
                self.problem.emit(error_text(error))
            return
        if generation != self._generation:
            self.refresh()
            return
        rows, health, now = result
        attention = [r for r in rows if r.needs_attention]
        if self.only_problems.isChecked():
            rows = [r for r in rows if r.needs_attention or r.wait_reason is not WaitReason.NONE]
        self.model.replace(rows)
        self._fill_health(health, now, rows)
        fresh = [r for r in attention if r.id not in self._alerted]
        self._alerted.update(r.id for r in fresh)
        self.attention_changed.emit(len(attention))
        if fresh:
            self.newly_failed.emit(fresh)
        sent = sum(1 for r in rows if r.state is DeliveryState.SENT)
        pending = sum(1 for r in rows if r.state in READY or r.state is DeliveryState.SENDING)
        self.summary.setText(
            self.tr("{sent} gesendet · {pending} offen · {problems} Probleme").format(
                sent=sent, pending=pending, problems=len(attention)
            )
        )

    def _fill_health(
        self, health: list[HealthView], now: datetime, rows: list[DeliveryView]
    ) -> None:
        no_secrets = {r.account_id for r in rows if r.wait_reason is WaitReason.NO_CREDENTIALS}
        self.health.setRowCount(len(health))
        for number, account in enumerate(health):
            failed_last = account.last_error_at is not None and (
                account.last_success_at is None or account.last_error_at > account.last_success_at
            )
            if account.account_id in no_secrets:
                state = self.tr("Zugangsdaten fehlen")
            elif account.breaker_open(now):
                assert account.open_until is not None
                state = self.tr("pausiert bis {time} ({n} Fehler in Folge)").format(
                    time=account.open_until.astimezone().strftime("%H:%M:%S"), n=account.failures
                )
            elif account.failures:
                state = self.tr("gestört ({n} Fehler in Folge)").format(n=account.failures)
            elif failed_last:
                state = self.tr("letzter Versuch fehlgeschlagen")
            else:
                state = self.tr("bereit")
            error = ""
            if account.last_error_at is not None:
                error = (
                    f"{local_time_text(account.last_error_at)} – "
                    + failure_text(account.last_error_code)[0]
                )
            name = f"{account.account_name} ({platform_name(account.platform)})"
            cells = (name, state, local_time_text(account.last_success_at), error)
            trouble = state != self.tr("bereit")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 3 and account.last_error_detail:
                    item.setToolTip(account.last_error_detail)
                if column == 1 and trouble:
                    item.setForeground(QBrush(QColor(TROUBLE_COLOUR)))
                self.health.setItem(number, column, item)

    # -- the selected delivery -------------------------------------------------------------
    def current(self) -> DeliveryView | None:
        return self.model.row_at(self.table.currentIndex())

    def _show_current(self) -> None:
        row = self.current()
        self.detail_text.setPlainText(
            "" if row is None else (f"{row.subject}\n\n{row.text}" if row.subject else row.text)
        )
        if row is None:
            self.detail_state.setText(self.tr("Keine Sendung ausgewählt."))
            self.detail_todo.setText("")
        else:
            self.detail_state.setText(
                self.tr("{account}, Teil {part}/{total}: {state}").format(
                    account=row.account_name,
                    part=row.part + 1,
                    total=row.parts_total,
                    state=status_line(row),
                )
            )
            if row.state in (DeliveryState.FAILED, DeliveryState.UNCLEAR):
                todo = failure_text(row.error_code)[1]
                detail = f"\n({row.error_detail})" if row.error_detail else ""
                self.detail_todo.setText(self.tr("Was tun: {todo}").format(todo=todo) + detail)
            elif row.wait_reason is WaitReason.MANUAL:
                self.detail_todo.setText(
                    self.tr("Was tun: Text kopieren, veröffentlichen, dann „Erledigt“.")
                )
            else:
                self.detail_todo.setText("")
        self._fit_labels()
        state = row.state if row else None
        self.retry_button.setEnabled(
            state in (DeliveryState.FAILED, DeliveryState.UNCLEAR)
            or (
                state is DeliveryState.WAITING
                and row is not None
                and row.wait_reason is not WaitReason.MANUAL
            )
        )
        self.cancel_button.setEnabled(
            state in (*READY, DeliveryState.FAILED, DeliveryState.UNCLEAR)
        )
        self.published_button.setEnabled(state is DeliveryState.UNCLEAR)
        self.done_button.setEnabled(
            row is not None
            and state is DeliveryState.WAITING
            and row.wait_reason is WaitReason.MANUAL
        )
        self.retract_button.setEnabled(
            state is DeliveryState.SENT
            and row is not None
            and not row.retract
            and not row.platform_id.startswith("manual-")
        )
        self.correction_button.setEnabled(state is DeliveryState.SENT)
        self.open_button.setEnabled(
            row is not None and row.platform_url.startswith(("https://", "http://"))
        )
        self.copy_button.setEnabled(row is not None)

    def _fit_labels(self) -> None:
        """Wrapped labels in a splitter get no height for their second line by themselves:
        the reason and what to do must always be fully readable."""
        for label in (self.detail_state, self.detail_todo):
            width = max(label.width(), 300)
            label.setMinimumHeight(label.heightForWidth(width) if label.text() else 0)
        holder = self.detail_state.parentWidget()
        if holder is not None and holder.layout() is not None:
            holder.layout().activate()  # now, not at the next pass of the event loop

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_labels()

    # -- actions -----------------------------------------------------------------------------
    def _act(self, fn: object) -> None:
        """Run a queue action on the database worker; refresh and wake the worker after."""

        def done(_result: object, error: BaseException | None) -> None:
            if isinstance(error, KriseninfoError):
                QMessageBox.warning(self, self.tr("Warteschlange"), error_text(error))
            elif error is not None:
                raise error
            self._session.wake_publisher()
            self.refresh()

        self._session.runner.run(fn, done, owner=self)  # type: ignore[arg-type]

    def retry(self) -> None:
        row = self.current()
        if row is None:
            return
        if row.state is DeliveryState.UNCLEAR:
            answer = QMessageBox.question(
                self,
                self.tr("Erneut senden?"),
                self.tr(
                    "Ob dieser Beitrag schon veröffentlicht ist, ist unklar. Bitte zuerst auf "
                    "der Plattform nachsehen: Erneut senden kann ihn doppelt veröffentlichen.\n\n"
                    "Trotzdem erneut senden?"
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        publishing, person = self._session.context.publishing, self._session.person
        self._act(lambda: publishing.retry(row.id, person))

    def cancel(self) -> None:
        row = self.current()
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Sendung abbrechen?"),
            self.tr(
                "„{account}“, Teil {part}: nicht senden? Spätere Teile des Threads werden "
                "ebenfalls nicht gesendet."
            ).format(account=row.account_name, part=row.part + 1),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        publishing, person = self._session.context.publishing, self._session.person
        self._act(lambda: publishing.cancel(row.id, person))

    def resolve(self) -> None:
        row = self.current()
        if row is None:
            return
        from kriseninfo_ui.dialogs.unclear_dialog import UnclearDialog

        dialog = UnclearDialog(self._session, row, self)
        if dialog.exec() and dialog.published_url is not None:
            url = dialog.published_url
            publishing, person = self._session.context.publishing, self._session.person
            self._act(lambda: publishing.resolve_unclear(row.id, person, published=True, url=url))

    def confirm_manual(self) -> None:
        row = self.current()
        if row is None:
            return
        from kriseninfo_ui.dialogs.manual_dialog import ManualDialog

        dialog = ManualDialog(row, self._session.clock(), self)
        if dialog.exec():
            at, note = dialog.done_at(), dialog.note()
            publishing, person = self._session.context.publishing, self._session.person
            self._act(lambda: publishing.confirm_manual(row.id, person, at, note))

    def retract(self) -> None:
        row = self.current()
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Beitrag zurückziehen?"),
            self.tr(
                "Den Beitrag auf „{account}“ auf der Plattform löschen? Wer ihn schon "
                "gesehen hat, hat ihn gesehen – eine Korrektur erklärt mehr."
            ).format(account=row.account_name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        publishing, person = self._session.context.publishing, self._session.person
        self._act(lambda: publishing.retract(row.id, person))

    def open_post(self) -> None:
        row = self.current()
        if row is not None and row.platform_url.startswith(("https://", "http://")):
            QDesktopServices.openUrl(QUrl(row.platform_url))

    def copy_text(self) -> None:
        row = self.current()
        if row is not None:
            text = f"{row.subject}\n\n{row.text}" if row.subject else row.text
            QGuiApplication.clipboard().setText(text)
