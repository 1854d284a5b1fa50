"""The main window: navigation of the areas, the incident banner, the status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kriseninfo_ui.banners import DrillBanner, RealBanner

if TYPE_CHECKING:
    from kriseninfo.incidents.lagebild import IncidentSnapshot
    from kriseninfo_ui.notify import Notifier
    from kriseninfo_ui.session import Session
    from kriseninfo_ui.views.dialog_view import DialogView
    from kriseninfo_ui.views.journal_view import JournalView
    from kriseninfo_ui.views.lage_view import LageView
    from kriseninfo_ui.views.meldungen_view import MeldungenView
    from kriseninfo_ui.views.playbooks_view import PlaybooksView
    from kriseninfo_ui.views.queue_view import QueueView
    from kriseninfo_ui.views.settings_view import SettingsView


#: When the Warteschlange is built after sign-in, if nobody opened it before.
QUEUE_BUILD_MS = 1_500
DIALOG_BUILD_MS = 2_500


class Area:
    """Navigation keys; an area without a view is shown disabled until it exists."""

    LAGE = "lage"
    MELDUNGEN = "meldungen"
    WARTESCHLANGE = "warteschlange"
    DIALOG = "dialog"
    PLAYBOOKS = "playbooks"
    UEBUNGEN = "uebungen"
    JOURNAL = "journal"
    SETTINGS = "einstellungen"

    ORDER = (LAGE, MELDUNGEN, WARTESCHLANGE, DIALOG, PLAYBOOKS, UEBUNGEN, JOURNAL, SETTINGS)
    BUILT = frozenset(
        {LAGE, MELDUNGEN, WARTESCHLANGE, DIALOG, PLAYBOOKS, UEBUNGEN, JOURNAL, SETTINGS}
    )


class MainWindow(QMainWindow):
    """Shown at once with its navigation; the areas arrive with `attach` after sign-in.

    Painting the frame before the database layer is even loaded is what makes the
    console appear as fast as a bare Qt window.
    """

    language_requested = Signal(str)
    first_painted = Signal()  # once, after the first frame has been drawn
    lage_view: LageView
    journal_view: JournalView
    playbooks_view: PlaybooksView
    settings_view: SettingsView
    notifier: Notifier

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("Kriseninfo")
        self.resize(1200, 780)
        self.session: Session | None = None
        self.painted = False
        self.views: dict[str, QWidget] = {}

        self.drill_banner = DrillBanner(self)
        self.real_banner = RealBanner(self)
        self.drill_banner.hide()
        self.real_banner.hide()

        self.starting = QLabel(self.tr("Kriseninfo wird gestartet …"), self)
        self.starting.setObjectName("startingHint")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.starting)
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Bereiche"))
        labels = {
            Area.LAGE: self.tr("Lage"),
            Area.MELDUNGEN: self.tr("Meldungen"),
            Area.WARTESCHLANGE: self.tr("Warteschlange"),
            Area.DIALOG: self.tr("Dialog"),
            Area.PLAYBOOKS: self.tr("Playbooks"),
            Area.UEBUNGEN: self.tr("Übungen"),
            Area.JOURNAL: self.tr("Einsatztagebuch"),
            Area.SETTINGS: self.tr("Einstellungen"),
        }
        self._labels = labels
        self._rows: dict[str, int] = {}
        # The menus exist from the first frame (no jump after sign-in); their actions,
        # with the shortcuts shown beside them, come with `attach`.
        self.lage_menu = self.menuBar().addMenu(self.tr("&Lage"))
        self.meldungen_menu = self.menuBar().addMenu(self.tr("&Meldungen"))
        self.areas_menu = self.menuBar().addMenu(self.tr("Bereiche"))
        for menu in (self.lage_menu, self.meldungen_menu, self.areas_menu):
            menu.setEnabled(False)
        for area in Area.ORDER:  # row n is Area.ORDER[n]
            item = QListWidgetItem(labels[area], self.nav)
            if area not in Area.BUILT:
                item.setToolTip(self.tr("Noch nicht verfügbar"))
        self.nav.setEnabled(False)  # until `attach`: nothing to go to before sign-in
        self.nav.currentRowChanged.connect(self._on_nav)
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 36)

        central = QWidget(self)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.drill_banner)
        layout.addWidget(self.real_banner)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)

        self.user_label = QLabel(self)
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("statusProblem")
        self.statusBar().addWidget(self.problem_label, 1)
        self.overdue_label = QLabel(self)
        self.overdue_label.setObjectName("statusOverdue")
        self.statusBar().addPermanentWidget(self.overdue_label)
        self.statusBar().addPermanentWidget(self.user_label)

    def attach(self, session: Session) -> None:
        """Build the areas for the signed-in person and enable them."""
        # Imported here: the frame above paints before the areas' code (and the enums of
        # Qt's namespace, ~40 ms) is even loaded.
        from PySide6.QtCore import Qt

        from kriseninfo_ui.names import role_name
        from kriseninfo_ui.notify import Notifier
        from kriseninfo_ui.views.drills_view import DrillsView
        from kriseninfo_ui.views.journal_view import JournalView
        from kriseninfo_ui.views.lage_view import LageView
        from kriseninfo_ui.views.playbooks_view import PlaybooksView
        from kriseninfo_ui.views.settings_view import SettingsView

        self.session = session
        self.lage_view = LageView(session, self)
        # The Meldungen area (and the counting and release code behind it) is built on
        # its first visit; until then a blank page holds its place.
        self._meldungen: MeldungenView | None = None
        self._meldungen_page = QWidget(self)
        self._active: IncidentSnapshot | None = None
        self.journal_view = JournalView(session, self)
        self.notifier = Notifier(self)
        # The Warteschlange is built shortly after sign-in (not before the Lagebild shows)
        # and watched from then on: a failure raises the badge and a desktop notification
        # even if nobody looks at it.
        self._queue: QueueView | None = None
        self._queue_page = QWidget(self)
        QTimer.singleShot(QUEUE_BUILD_MS, self, self._build_queue)
        # The dialog feed likewise: overdue questions are counted and notified from then.
        self._dialog: DialogView | None = None
        self._dialog_page = QWidget(self)
        QTimer.singleShot(DIALOG_BUILD_MS, self, self._build_dialog)
        self.playbooks_view = PlaybooksView(session, self)
        self.drills_view = DrillsView(session, self)
        self.drills_view.incident_chosen.connect(self._on_drill_chosen)
        self.drills_view.clock_text.connect(self.drill_banner.show_clock)
        self.settings_view = SettingsView(session, self)
        self.settings_view.language_changed.connect(self.language_requested)
        self.views = {
            Area.LAGE: self.lage_view,
            Area.MELDUNGEN: self._meldungen_page,
            Area.WARTESCHLANGE: self._queue_page,
            Area.DIALOG: self._dialog_page,
            Area.PLAYBOOKS: self.playbooks_view,
            Area.UEBUNGEN: self.drills_view,
            Area.JOURNAL: self.journal_view,
            Area.SETTINGS: self.settings_view,
        }
        for number, area in enumerate(Area.ORDER, start=1):
            view = self.views.get(area)
            item = self.nav.item(number - 1)
            if view is None:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                continue
            item.setToolTip(self.tr("Strg+{number}").format(number=number))
            self._rows[area] = number - 1
            self.stack.addWidget(view)
            action = self.areas_menu.addAction(self._labels[area])
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, a=area: self.show_area(a))
        self.stack.removeWidget(self.starting)
        self.starting.deleteLater()
        self.nav.setEnabled(True)

        person = session.person
        self.user_label.setText(
            self.tr("Angemeldet: {name} ({role})").format(
                name=person.name, role=role_name(person.role)
            )
        )
        self.lage_view.active_changed.connect(self._on_active_changed)
        self.lage_view.problem.connect(self.problem_label.setText)
        self.lage_view.started_from_playbook.connect(self._on_started_from_playbook)
        self._fill_menus()
        self.show_area(Area.LAGE)
        self._on_active_changed(self.lage_view.form.incident)

    def _fill_menus(self) -> None:
        new = self.lage_menu.addAction(self.tr("&Neue Lage …"))
        new.setShortcut(QKeySequence.StandardKey.New)
        new.triggered.connect(self.lage_view.create_incident)
        self.review_action = self.lage_menu.addAction(self.tr("Nach&bereitung erstellen …"))
        self.review_action.setToolTip(self.tr("Für Übungen und abgeschlossene Lagen"))
        self.review_action.triggered.connect(self._write_review)
        self.review_action.setEnabled(False)
        for text, keys, name in (
            (self.tr("Meldungen &erstellen"), "Ctrl+G", "generate"),
            (self.tr("&Zur Freigabe vorlegen"), "Ctrl+Shift+F", "submit"),
            (self.tr("Nur &diese Meldung zur Freigabe"), "Ctrl+Alt+F", "submit_current"),
            (self.tr("&Freigeben …"), "Ctrl+R", "open_release"),
        ):
            action = self.meldungen_menu.addAction(text)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _=False, name=name: self._in_meldungen(name))
        for menu in (self.lage_menu, self.meldungen_menu, self.areas_menu):
            menu.setEnabled(True)

    def _in_meldungen(self, action: str) -> None:
        """Message actions work on what the officer sees: elsewhere they first show it."""
        if self.current_area() != Area.MELDUNGEN:
            self.show_area(Area.MELDUNGEN)
            return
        getattr(self.meldungen_view, action)()

    def _build_queue(self) -> None:
        if self.isVisible():  # not for a window already closed
            self.queue_view  # noqa: B018 - built now

    @property
    def queue_view(self) -> QueueView:
        """The Warteschlange area, built a moment after sign-in or on its first visit."""
        if self._queue is None:
            from kriseninfo_ui.views.queue_view import QueueView

            assert self.session is not None
            view = QueueView(self.session, self)
            view.attention_changed.connect(self._show_attention)
            view.newly_failed.connect(self._notify_failed)
            view.problem.connect(self.problem_label.setText)
            view.correction_requested.connect(self._prepare_correction)
            index = self.stack.indexOf(self._queue_page)
            self.stack.insertWidget(index, view)
            self.views[Area.WARTESCHLANGE] = view
            if self.stack.currentWidget() is self._queue_page:
                self.stack.setCurrentWidget(view)
            self.stack.removeWidget(self._queue_page)
            self._queue_page.deleteLater()
            self._queue = view
            view.set_incident(self._active.id if self._active else None)
        return self._queue

    def _build_dialog(self) -> None:
        if self.isVisible():
            self.dialog_view  # noqa: B018 - built now

    @property
    def dialog_view(self) -> DialogView:
        """The Dialog area, built a moment after sign-in or on its first visit."""
        if self._dialog is None:
            from kriseninfo_ui.views.dialog_view import DialogView

            assert self.session is not None
            view = DialogView(self.session, self)
            view.problem.connect(self.problem_label.setText)
            view.overdue_changed.connect(self._show_overdue)
            view.newly_overdue.connect(self._notify_overdue)
            view.open_set.connect(self._open_set)
            index = self.stack.indexOf(self._dialog_page)
            self.stack.insertWidget(index, view)
            self.views[Area.DIALOG] = view
            if self.stack.currentWidget() is self._dialog_page:
                self.stack.setCurrentWidget(view)
            self.stack.removeWidget(self._dialog_page)
            self._dialog_page.deleteLater()
            self._dialog = view
            view.set_incident(self._active.id if self._active else None)
        return self._dialog

    def _show_overdue(self, count: int) -> None:
        """Status bar and navigation: open questions past their response target."""
        from PySide6.QtGui import QBrush, QColor

        self.overdue_label.setText(
            self.tr("{n} Anfragen überfällig").format(n=count) if count else ""
        )
        item = self.nav.item(Area.ORDER.index(Area.DIALOG))
        label = self._labels[Area.DIALOG]
        item.setText(f"{label} ({count})" if count else label)
        item.setBackground(QBrush(QColor("#c62828")) if count else QBrush())
        item.setForeground(QBrush(QColor("#ffffff")) if count else QBrush())

    def _notify_overdue(self, rows: list[object]) -> None:
        from kriseninfo.dialog.service import ItemView

        items = [r for r in rows if isinstance(r, ItemView)]
        if not items:
            return
        title = self.tr("Kriseninfo: {n} Anfrage(n) überfällig").format(n=len(items))
        text = "\n".join(" ".join(i.text[:80].split()) for i in items[:5])
        self.notifier.notify(title, text)

    def _open_set(self, set_id: int) -> None:
        """A set made in the dialog (FAQ, Richtigstellung): edit it in Meldungen."""
        self.show_area(Area.MELDUNGEN)
        self.meldungen_view.show_set(set_id)

    @property
    def meldungen_view(self) -> MeldungenView:
        """The Meldungen area, built on first use."""
        if self._meldungen is None:
            from kriseninfo_ui.views.meldungen_view import MeldungenView

            assert self.session is not None
            view = MeldungenView(self.session, self)
            view.problem.connect(self.problem_label.setText)
            index = self.stack.indexOf(self._meldungen_page)
            self.stack.insertWidget(index, view)
            self.views[Area.MELDUNGEN] = view
            if self.stack.currentWidget() is self._meldungen_page:
                self.stack.setCurrentWidget(view)
            self.stack.removeWidget(self._meldungen_page)
            self._meldungen_page.deleteLater()
            self._meldungen = view
            view.set_incident(self._active)
        return self._meldungen

    def show_area(self, area: str) -> None:
        row = self._rows.get(area)
        if row is not None:
            self.nav.setCurrentRow(row)

    def current_area(self) -> str:
        row = self.nav.currentRow()
        return Area.ORDER[row] if 0 <= row < len(Area.ORDER) else Area.LAGE

    def _on_nav(self, row: int) -> None:
        area = Area.ORDER[row] if 0 <= row < len(Area.ORDER) else None
        if area == Area.MELDUNGEN:
            self.meldungen_view  # noqa: B018 - built on its first visit
        if area == Area.WARTESCHLANGE:
            self.queue_view  # noqa: B018 - built on its first visit (or soon after sign-in)
        if area == Area.DIALOG:
            self.dialog_view  # noqa: B018 - built on its first visit (or soon after sign-in)
        view = self.views.get(area) if area else None
        if view is not None:
            self.stack.setCurrentWidget(view)

    def _on_started_from_playbook(self, incident: IncidentSnapshot) -> None:
        """Next come the facts: show them, the first field ready for typing."""
        self.meldungen_view.set_incident(incident)
        self.show_area(Area.MELDUNGEN)
        self.meldungen_view.facts.setFocus()

    def _on_active_changed(self, incident: IncidentSnapshot | None) -> None:
        self.drill_banner.setVisible(incident is not None and incident.is_drill)
        self.real_banner.setVisible(
            incident is not None and not incident.is_drill and incident.is_open
        )
        self.journal_view.set_incident(incident)
        self.drills_view.set_active_incident(incident.id if incident else None)
        if hasattr(self, "review_action"):
            self.review_action.setEnabled(
                incident is not None and (incident.is_drill or not incident.is_open)
            )
        self._active = incident
        if self._meldungen is not None:
            self._meldungen.set_incident(incident)
        self.settings_view.accounts_panel.set_incident(incident.id if incident else None)
        if self._queue is not None:
            self._queue.set_incident(incident.id if incident else None)
        if self._dialog is not None:
            self._dialog.set_incident(incident.id if incident else None)
        title = "Kriseninfo"
        if incident is not None:
            prefix = self.tr("ÜBUNG") + " – " if incident.is_drill else ""
            title = f"{prefix}{incident.title} – Kriseninfo"
        self.setWindowTitle(title)

    def _write_review(self) -> None:
        """The Nachbereitung of the active incident (a drill, or a closed real one)."""
        from kriseninfo_ui.review_export import export_review

        if self._active is not None:
            export_review(
                self, self.session, self._active.id, lambda text: self.statusBar().showMessage(text)
            )

    def _on_drill_chosen(self, incident: IncidentSnapshot) -> None:
        """A drill started or opened in the Übungen area becomes the active incident;
        its injects arrive in the Dialog area."""
        self.lage_view.adopt(incident)

    def _prepare_correction(self) -> None:
        """A correction is a follow-up set: it is threaded under what went out before."""
        from kriseninfo.messagesets.kinds import SetPurpose

        self.show_area(Area.MELDUNGEN)
        self.meldungen_view.prepare(SetPurpose.KORREKTUR)

    def _show_attention(self, count: int) -> None:
        """The red badge on "Warteschlange": deliveries that need an officer."""
        from PySide6.QtGui import QBrush, QColor

        item = self.nav.item(Area.ORDER.index(Area.WARTESCHLANGE))
        label = self._labels[Area.WARTESCHLANGE]
        item.setText(f"{label} ({count})" if count else label)
        item.setBackground(QBrush(QColor("#c62828")) if count else QBrush())
        item.setForeground(QBrush(QColor("#ffffff")) if count else QBrush())
        item.setData(
            257,  # Qt.ItemDataRole.UserRole + 1: the count, for tests and screen readers
            count,
        )
        item.setToolTip(
            self.tr("{n} Sendungen brauchen Sie").format(n=count)
            if count
            else self.tr("Strg+{number}").format(number=Area.ORDER.index(Area.WARTESCHLANGE) + 1)
        )

    def _notify_failed(self, rows: list[object]) -> None:
        from kriseninfo.publishing.records import DeliveryView
        from kriseninfo_ui.queue_texts import status_line

        failed = [r for r in rows if isinstance(r, DeliveryView)]
        if not failed:
            return
        title = self.tr("Kriseninfo: {n} Sendung(en) nicht veröffentlicht").format(n=len(failed))
        text = "\n".join(f"{r.account_name}: {status_line(r)}" for r in failed[:5])
        self.notifier.notify(title, text)
        self.problem_label.setText(title)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            # Queued, so it is emitted after the children have painted too.
            QTimer.singleShot(0, self.first_painted.emit)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Whatever is typed goes to the database (or the spool) before the window goes,
        # and no refresh or retry timer may reach the database after it.
        if self.session is not None:
            self.lage_view.form.flush()
            if self._meldungen is not None:
                self._meldungen.flush()
            self.playbooks_view.editor.flush()
        for timer in self.findChildren(QTimer):
            timer.stop()
        if self.session is not None:
            self.session.runner.wait_for_done(10_000)
            self.session.background.wait_for_done(10_000)
        super().closeEvent(event)
