"""The Dialog area: every citizen's question of the active incident, live, triaged and
timed against its response target, with the answer beside it.

Keys on the list: 1–7 set the category, Strg+I "Ich übernehme", Strg+Enter answers.
Content is untrusted: shown as plain text only, links shown (and copied), never opened.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kriseninfo.counting.platforms import Platform
from kriseninfo.dialog.answers import Answered
from kriseninfo.dialog.followups import Cluster, clusters
from kriseninfo.dialog.service import ItemView
from kriseninfo.dialog.sources import Source
from kriseninfo.dialog.states import ItemState
from kriseninfo.dialog.targets import DEFAULT_TARGETS
from kriseninfo.errors import KriseninfoError
from kriseninfo.messagesets.records import Account
from kriseninfo.playbooks.kinds import Category
from kriseninfo_ui.messages import error_text
from kriseninfo_ui.messageset_texts import platform_name
from kriseninfo_ui.playbook_texts import category_name
from kriseninfo_ui.session import Session
from kriseninfo_ui.views.answer_panel import AnswerPanel
from kriseninfo_ui.views.dialog_model import (
    DialogTableModel,
    Filter,
    Order,
    Show,
    minutes_text,
    plain_tooltip,
)
from kriseninfo_ui.widgets import local_time_text

REFRESH_MS = 1_000
SOURCES_EVERY = 5  # refreshes
CLUSTERS_MS = 10_000
#: New items read per refresh; a full batch asks for the next at once. Smaller reads
#: keep the database thread's share of the interpreter lock short.
READ_BATCH = 1_000
#: In a surge the next read starts this long after a merge: the window paints the new
#: rows first. A paint calls into Python for every cell; while the reading thread runs
#: Python, each of those calls waits for the interpreter lock.
SURGE_READ_MS = 40
MERGE_CHUNK = 500  # items per turn of the event loop: the window never stalls
MARGIN = timedelta(minutes=2)  # consoles' clocks differ: changed rows are read with a margin
#: One key per category, in the order the hint shows them.
CATEGORY_KEYS = (
    Category.FRAGE,
    Category.HINWEIS,
    Category.GERUECHT,
    Category.BESCHWERDE,
    Category.PRESSEANFRAGE,
    Category.NOTFALL,
    Category.SONSTIGES,
)

Loaded = tuple[list[ItemView], list[ItemView], datetime, list[Source] | None, Any]


class DialogView(QWidget):
    problem = Signal(str)
    #: Open items past their response target: the status bar's count.
    overdue_changed = Signal(int)
    #: Items that just became overdue (one desktop notification each time).
    newly_overdue = Signal(list)
    #: A message set made here (FAQ, Richtigstellung) or an answer awaiting release.
    open_set = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._incident_id: int | None = None
        self._generation = 0
        self._loading = False
        self._last_id = 0
        self._since: datetime | None = None
        self._ticks = 0
        self._pending: list[ItemView] = []
        self._clusters: list[Cluster] = []
        self._clustered = False
        self._more = False
        self._wanted: list[int] = []  # the officer's selection, kept through filters

        self.banner = QLabel(self)
        self.banner.setObjectName("emergencyBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setStyleSheet("background:#b71c1c;color:white;font-weight:bold;padding:6px;")
        self.banner_button = QPushButton(self.tr("Zum &Notfall"), self)
        self.banner_button.clicked.connect(self.go_to_emergency)
        self.banner_row = QWidget(self)
        banner_layout = QHBoxLayout(self.banner_row)
        banner_layout.setContentsMargins(0, 0, 0, 0)
        banner_layout.addWidget(self.banner, 1)
        banner_layout.addWidget(self.banner_button)
        self.banner_row.hide()

        # -- filters -----------------------------------------------------------------------
        self.search = QLineEdit(self)
        self.search.setObjectName("dialogSearch")
        self.search.setPlaceholderText(self.tr("Suchen … (Strg+F)"))
        self.search.setClearButtonEnabled(True)
        QShortcut(QKeySequence("Ctrl+F"), self, self.search.setFocus)
        self.show_choice = QComboBox(self)
        self.show_choice.setObjectName("dialogShow")
        for show, label in (
            (Show.OPEN, self.tr("Offen")),
            (Show.MINE, self.tr("Von mir übernommen")),
            (Show.WAITING, self.tr("Antwort in Freigabe")),
            (Show.DONE, self.tr("Beantwortet / erledigt")),
            (Show.ALL, self.tr("Alle")),
        ):
            self.show_choice.addItem(label, show.value)
        self.category_choice = QComboBox(self)
        self.category_choice.setObjectName("dialogCategory")
        self.category_choice.addItem(self.tr("Alle Kategorien"), "")
        for category in CATEGORY_KEYS:
            self.category_choice.addItem(category_name(category), category.value)
        self.source_choice = QComboBox(self)
        self.source_choice.setObjectName("dialogSource")
        self.source_choice.addItem(self.tr("Alle Quellen"), "")
        self.order_choice = QComboBox(self)
        self.order_choice.setObjectName("dialogOrder")
        for order, label in (
            (Order.URGENT, self.tr("Dringendste zuerst")),
            (Order.NEWEST, self.tr("Neueste zuerst")),
            (Order.OLDEST, self.tr("Älteste zuerst")),
        ):
            self.order_choice.addItem(label, order.value)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(150)
        self._filter_timer.timeout.connect(self._arrange)
        self.search.textChanged.connect(lambda _t: self._filter_timer.start())
        for combo in (
            self.show_choice,
            self.category_choice,
            self.source_choice,
            self.order_choice,
        ):
            combo.currentIndexChanged.connect(lambda _i: self._arrange())
        self.summary = QLabel(self)
        self.summary.setObjectName("dialogSummary")

        self.hotline_button = QPushButton(self.tr("&Bürgertelefon-Notiz …"), self)
        self.hotline_button.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.hotline_button.setToolTip(self.tr("Strg+Umschalt+N"))
        self.hotline_button.clicked.connect(self.add_hotline_note)
        self.source_button = QPushButton(self.tr("&Quelle hinzufügen"), self)
        self.source_menu = QMenu(self.source_button)
        self.source_menu.aboutToShow.connect(self._fill_source_menu)
        self.source_button.setMenu(self.source_menu)
        self._accounts: list[Account] = []
        self.sources_line = QLabel(self)
        self.sources_line.setObjectName("dialogSources")
        self.sources_line.setWordWrap(True)
        self.sources_line.setTextFormat(Qt.TextFormat.PlainText)

        # -- the list ----------------------------------------------------------------------
        self.model = DialogTableModel()
        self.model.targets = dict(DEFAULT_TARGETS)
        self.table = QTableView(self)
        self.table.setObjectName("dialogTable")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Bürgeranfragen"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column, width in enumerate((145, 120, 360, 100, 90, 100)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(DialogTableModel.TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        for number, category in enumerate(CATEGORY_KEYS, start=1):
            shortcut = QShortcut(QKeySequence(str(number)), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda c=category: self.categorise(c))
        claim = QShortcut(QKeySequence("Ctrl+I"), self)
        claim.activated.connect(self.claim)
        keys = " · ".join(f"{n} {category_name(c)}" for n, c in enumerate(CATEGORY_KEYS, start=1))
        self.keys_hint = QLabel(self.tr("Kategorie per Taste: {keys}").format(keys=keys), self)
        self.keys_hint.setObjectName("hint")

        # -- the selected item -------------------------------------------------------------
        self.heading = QLabel(self)
        self.heading.setObjectName("dialogItemHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.body = QPlainTextEdit(self)
        self.body.setObjectName("dialogItemText")
        self.body.setReadOnly(True)
        self.body.setAccessibleName(self.tr("Text der Anfrage"))
        self.link = QLabel(self)
        self.link.setObjectName("dialogItemLink")
        self.link.setTextFormat(Qt.TextFormat.PlainText)  # shown, never opened by itself
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_link_button = QPushButton(self.tr("Lin&k kopieren"), self)
        self.copy_link_button.clicked.connect(self.copy_link)
        self.claim_button = QPushButton(self.tr("&Ich übernehme"), self)
        self.claim_button.setObjectName("claimButton")
        self.claim_button.setToolTip(self.tr("Strg+I"))
        self.claim_button.clicked.connect(self.claim)
        self.unclaim_button = QPushButton(self.tr("Ab&geben"), self)
        self.unclaim_button.clicked.connect(self.release_claim)
        self.close_button = QPushButton(self.tr("&Erledigt …"), self)
        self.close_button.setToolTip(self.tr("Braucht keine Antwort (z. B. Dank, doppelt)"))
        self.close_button.clicked.connect(self.close_item)
        self.correction_button = QPushButton(self.tr("&Richtigstellung erstellen"), self)
        self.correction_button.setObjectName("correctionButton")
        self.correction_button.clicked.connect(self.create_correction)
        self.answer = AnswerPanel(self)
        self.answer.answer_requested.connect(self.send_answer)

        self.faq_list = QListWidget(self)
        self.faq_list.setObjectName("faqClusters")
        self.faq_list.setAccessibleName(self.tr("Häufige Fragen"))
        self.faq_list.setMaximumHeight(110)
        self.faq_list.setWordWrap(True)
        self.faq_list.itemActivated.connect(self._select_cluster)
        self.faq_button = QPushButton(self.tr("Als &FAQ-Meldung veröffentlichen …"), self)
        self.faq_button.setObjectName("faqButton")
        self.faq_button.clicked.connect(self.publish_faq)

        # -- layout ------------------------------------------------------------------------
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        for combo in (
            self.show_choice,
            self.category_choice,
            self.source_choice,
            self.order_choice,
        ):
            filters.addWidget(combo)
        tools = QHBoxLayout()
        tools.addWidget(self.hotline_button)
        tools.addWidget(self.source_button)
        tools.addWidget(self.sources_line, 1)
        tools.addWidget(self.summary)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.keys_hint)
        faq_title = QLabel(self.tr("Häufige Fragen (ähnliche offene Fragen)"), self)
        faq_title.setObjectName("sectionTitle")
        left_layout.addWidget(faq_title)
        faq_row = QHBoxLayout()
        faq_row.addWidget(self.faq_list, 1)
        faq_row.addWidget(self.faq_button, 0, Qt.AlignmentFlag.AlignTop)
        left_layout.addLayout(faq_row)
        item_buttons = QHBoxLayout()
        for button in (
            self.claim_button,
            self.unclaim_button,
            self.close_button,
            self.correction_button,
        ):
            item_buttons.addWidget(button)
        item_buttons.addStretch(1)
        link_row = QHBoxLayout()
        link_row.addWidget(self.link, 1)
        link_row.addWidget(self.copy_link_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.body, 2)
        right_layout.addLayout(link_row)
        right_layout.addLayout(item_buttons)
        right_layout.addWidget(self.answer, 3)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 1)
        split.setSizes([860, 430])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner_row)
        layout.addLayout(tools)
        layout.addWidget(split, 1)

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self._cluster_timer = QTimer(self)
        self._cluster_timer.setInterval(CLUSTERS_MS)
        self._cluster_timer.timeout.connect(self._find_clusters)
        self._cluster_timer.start()
        self._show_selected()

    # -- loading ---------------------------------------------------------------------------
    def set_incident(self, incident_id: int | None) -> None:
        if incident_id == self._incident_id:
            return
        self._incident_id = incident_id
        self._generation += 1
        self._last_id, self._since, self._pending = 0, None, []
        self.model = DialogTableModel()
        self.model.targets = dict(DEFAULT_TARGETS)
        self.table.setModel(self.model)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self._arrange()
        self.faq_list.clear()
        self._show_selected()
        self._load_accounts()
        self.refresh()

    def refresh(self) -> None:
        if self._loading or self._incident_id is None or self._pending:
            return
        self._loading = True
        generation, incident_id = self._generation, self._incident_id
        after, since = self._last_id, self._since
        self._ticks += 1
        with_sources = self._ticks % SOURCES_EVERY == 1
        context = self._session.context

        def load() -> Loaded:
            now = context.clock()
            fresh = context.dialog.items(incident_id, after_id=after, limit=READ_BATCH)
            changed = context.dialog.changed(incident_id, since - MARGIN, after) if since else []
            sources = context.sources.for_incident(incident_id) if with_sources else None
            targets = context.response_targets.all() if with_sources else None
            return fresh, changed, now, sources, targets

        self._session.runner.run(load, lambda r, e: self._loaded(generation, r, e), owner=self)

    def _loaded(self, generation: int, result: Loaded | None, error: BaseException | None) -> None:
        self._loading = False
        if error is not None or result is None:
            if isinstance(error, KriseninfoError):
                self.problem.emit(error_text(error))
            return
        if generation != self._generation:
            self.refresh()
            return
        fresh, changed, now, sources, targets = result
        if targets is not None and targets != self.model.targets:
            self.model.set_targets(targets)  # a new order: the selection is found again
            self._select(self._wanted)
        if sources is not None:
            self._show_sources(sources, now)
        self.model.merge(changed)
        if fresh:
            self._last_id = max(self._last_id, fresh[-1].id)
        self._since = now
        self._more = len(fresh) >= READ_BATCH
        self._pending.extend(fresh)
        self._merge_pending(now)

    def _merge_pending(self, now: datetime) -> None:
        """New items in chunks, one per turn of the event loop, then the ages."""
        chunk, self._pending = self._pending[:MERGE_CHUNK], self._pending[MERGE_CHUNK:]
        if chunk:
            self.model.merge(chunk)
        if self._pending:
            QTimer.singleShot(0, self, lambda: self._merge_pending(now))
            return
        self._after_merge(now)
        if self._more:  # a surge: read on without waiting for the timer, once the rows
            self._more = False  # just merged are painted (the read would slow the paint)
            QTimer.singleShot(SURGE_READ_MS, self, self.refresh)

    def _after_merge(self, now: datetime) -> None:
        if not self._clustered and self.model.rowCount():
            self._clustered = True  # the first Häufige Fragen soon, then every 10 s
            QTimer.singleShot(500, self, self._find_clusters)
        became_overdue = self.model.tick(now)
        self.overdue_changed.emit(self.model.overdue_count())
        if became_overdue:
            self.newly_overdue.emit(became_overdue)
        self._show_banner()
        self._show_summary()
        names = self.model.sources()
        if self.source_choice.count() - 1 != len(names):
            current = self.source_choice.currentData()
            self.source_choice.blockSignals(True)
            self.source_choice.clear()
            self.source_choice.addItem(self.tr("Alle Quellen"), "")
            for name in names:
                self.source_choice.addItem(name, name)
            self.source_choice.setCurrentIndex(max(0, self.source_choice.findData(current)))
            self.source_choice.blockSignals(False)
        self._show_selected()

    def _show_sources(self, sources: list[Source], now: datetime) -> None:
        parts = []
        for source in sources:
            if source.last_error_at and (
                source.last_success_at is None or source.last_error_at > source.last_success_at
            ):
                state = self.tr("gestört: {error}").format(error=source.last_error[:80])
            elif source.last_success_at is not None:
                state = self.tr("vor {age}").format(age=minutes_text(now - source.last_success_at))
            else:
                state = self.tr("noch nicht abgefragt")
            warning = self.tr(" (Warnung)") if source.warning else ""
            parts.append(f"{source.name}: {state}{warning}")
        self.sources_line.setText(
            self.tr("Quellen: {list}").format(list=" · ".join(parts)) if parts else ""
        )
        self.sources_line.setToolTip(
            plain_tooltip(
                "\n".join(f"{s.name}: {s.address}\n{s.warning}" for s in sources if s.warning)
            )
        )

    def _show_banner(self) -> None:
        emergencies = self.model.open_emergencies()
        self.banner_row.setVisible(bool(emergencies))
        if emergencies:
            why = emergencies[0].triage_why
            self.banner.setText(
                self.tr(
                    "NOTFALL? {n} Anfrage(n) klingen nach einem Notfall{why}. Antwort "
                    "„Bitte wählen Sie sofort 112“ liegt bereit – jetzt beantworten."
                ).format(n=len(emergencies), why=f" ({why})" if why else "")
            )

    def _show_summary(self) -> None:
        self.summary.setText(
            self.tr("{shown} angezeigt · {overdue} überfällig").format(
                shown=self.model.rowCount(), overdue=self.model.overdue_count()
            )
        )

    # -- filter and order ------------------------------------------------------------------
    def _arrange(self) -> None:
        # A filter that hides the selection does not forget it: clearing it brings it back.
        selected = [i.id for i in self.selected()] or self._wanted
        category = self.category_choice.currentData()
        source = self.source_choice.currentData()
        self.model.arrange(
            Filter(
                show=Show(self.show_choice.currentData()),
                category=Category(category) if category else None,
                source=source or None,
                text=self.search.text(),
                me=self._session.person.id,
            ),
            Order(self.order_choice.currentData()),
        )
        self._select(selected)
        self._show_summary()

    def _select(self, item_ids: list[int]) -> None:
        selection = self.table.selectionModel()
        first = True
        for item_id in item_ids:
            row = self.model.row_of(item_id)
            if row is None:
                continue
            flags = QItemSelectionModel.SelectionFlag.Rows | (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                if first
                else QItemSelectionModel.SelectionFlag.Select
            )
            selection.select(self.model.index(row, 0), flags)
            if first:
                self.table.scrollTo(self.model.index(row, 0))
                selection.setCurrentIndex(
                    self.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate
                )
            first = False

    def go_to_emergency(self) -> None:
        emergencies = self.model.open_emergencies()
        if not emergencies:
            return
        if self.model.row_of(emergencies[0].id) is None:
            self.search.clear()
            self.show_choice.setCurrentIndex(0)
            self.category_choice.setCurrentIndex(0)
            self.source_choice.setCurrentIndex(0)
            self._arrange()
        self._select([emergencies[0].id])
        self.answer.editor.setFocus()

    # -- the selection ---------------------------------------------------------------------
    def selected(self) -> list[ItemView]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.rows[row] for row in rows if row < len(self.model.rows)]

    def _show_selected(self) -> None:
        items = self.selected()
        if items:
            self._wanted = [i.id for i in items]
        first = items[0] if items else None
        if first is None:
            self.heading.setText(self.tr("Keine Anfrage ausgewählt."))
            self.body.setPlainText("")
            self.link.setText("")
        elif len(items) > 1:
            self.heading.setText(self.tr("{n} Anfragen ausgewählt").format(n=len(items)))
            self.body.setPlainText("\n\n".join(f"• {i.text[:300]}" for i in items[:50]))
            self.link.setText("")
        else:
            self.heading.setText(self._heading(first))
            text = f"{first.title}\n\n{first.text}" if first.title else first.text
            if first.answer_text:
                text += "\n\n" + self.tr("Unsere Antwort: {text}").format(text=first.answer_text)
            if self.body.toPlainText() != text:
                self.body.setPlainText(text)
            self.link.setText(first.link)
        mine = self._session.person.id
        open_items = [i for i in items if i.item_state.is_open]
        self.claim_button.setEnabled(any(i.claimed_by != mine for i in open_items))
        self.unclaim_button.setEnabled(any(i.claimed_by == mine for i in open_items))
        self.close_button.setEnabled(len(open_items) == 1)
        self.copy_link_button.setEnabled(bool(first and first.link and len(items) == 1))
        self.correction_button.setVisible(
            len(items) == 1 and first is not None and first.category is Category.GERUECHT
        )
        before = self.answer.item_ids()
        self.answer.show_items(open_items)
        if open_items and [i.id for i in open_items] != before:
            self._load_suggestions(open_items[0])

    def _heading(self, item: ItemView) -> str:
        parts = [item.author or self.tr("unbekannt")]
        if item.source_name:
            parts.append(item.source_name)
        parts.append(local_time_text(item.published_at or item.received_at))
        if item.district:
            parts.append(self.tr("Ortsteil: {d}").format(d=item.district))
        if item.callback:
            parts.append(
                self.tr("Rückruf: {n} (wird automatisch gelöscht)").format(n=item.callback)
            )
        if item.thread_set_id:
            parts.append(
                self.tr("Antwort auf unsere Meldung (Satz {n})").format(n=item.thread_set_id)
            )
        if item.claimed_by_name and item.item_state is ItemState.IN_ARBEIT:
            parts.append(self.tr("übernommen von {name}").format(name=item.claimed_by_name))
        heading = " · ".join(parts)
        shown = category_name(item.category) if item.category is not None else ""
        if shown and item.triage_why not in ("", shown) and not item.category_by_hand:
            heading += "\n" + self.tr("Eingeordnet als {category}, weil: {why}").format(
                category=shown, why=item.triage_why
            )
        return heading

    def _load_suggestions(self, item: ItemView) -> None:
        answers = self._session.context.answers
        self._session.background.run(
            lambda: answers.suggestions(item.id),
            lambda found, error: self.answer.show_suggestions(item.id, found or []),
            owner=self,
        )

    # -- actions ---------------------------------------------------------------------------
    def _act(self, fn: Any, done: Any = None) -> None:
        def finished(result: Any, error: BaseException | None) -> None:
            if error is not None:
                self.problem.emit(
                    error_text(error)
                    if isinstance(error, KriseninfoError)
                    else self.tr("Unerwarteter Fehler, bitte erneut versuchen.")
                )
                return
            if isinstance(result, Answered):
                self.model.merge(result.items)
            elif isinstance(result, list):
                self.model.merge(r for r in result if isinstance(r, ItemView))
            elif isinstance(result, ItemView):
                self.model.merge([result])
            if done is not None:
                done(result)
            self._after_merge(self._session.clock())

        self._session.runner.run(fn, finished, owner=self)

    def claim(self) -> None:
        dialog, person = self._session.context.dialog, self._session.person
        ids = [i.id for i in self.selected() if i.item_state.is_open and i.claimed_by != person.id]
        if ids:
            self._act(lambda: [dialog.claim(item_id, person) for item_id in ids])

    def release_claim(self) -> None:
        dialog, person = self._session.context.dialog, self._session.person
        ids = [i.id for i in self.selected() if i.claimed_by == person.id]
        if ids:
            self._act(lambda: [dialog.release_claim(item_id, person) for item_id in ids])

    def categorise(self, category: Category) -> None:
        dialog, person = self._session.context.dialog, self._session.person
        ids = [i.id for i in self.selected() if i.category is not category]
        if ids:
            self._act(lambda: [dialog.categorise(item_id, category, person) for item_id in ids])

    def close_item(self) -> None:
        items = [i for i in self.selected() if i.item_state.is_open]
        if len(items) != 1:
            return
        note, ok = QInputDialog.getText(
            self, self.tr("Erledigt"), self.tr("Warum braucht es keine Antwort? (optional)")
        )
        if not ok:
            return
        answers, person = self._session.context.answers, self._session.person
        self._act(lambda: answers.close(items[0].id, person, note))

    def send_answer(self, text: str, answer_id: str) -> None:
        ids = [i.id for i in self.selected() if i.item_state.is_open]
        if not ids:
            return
        answers, person = self._session.context.answers, self._session.person

        def done(result: Any) -> None:
            self.answer.answered()
            self._session.wake_publisher()
            if result.set_id is not None and not result.released:
                self.problem.emit(
                    self.tr("Antwort wartet auf Freigabe (Meldungen, Satz {n}).").format(
                        n=result.set_id
                    )
                )
            elif result.set_id is not None:
                self.problem.emit(self.tr("Antwort ist in der Warteschlange."))
            else:
                self.problem.emit(self.tr("Antwort vermerkt – bitte von Hand geben."))

        self._act(lambda: answers.answer(ids, text, person, answer_id), done)

    def create_correction(self) -> None:
        items = self.selected()
        if len(items) != 1:
            return
        followups, person = self._session.context.followups, self._session.person
        self._act(lambda: followups.correction_set(items[0].id, person), self.open_set.emit)

    def add_hotline_note(self) -> None:
        from kriseninfo_ui.dialogs.hotline_dialog import HotlineDialog

        if self._incident_id is None:
            self.problem.emit(self.tr("Keine aktive Lage."))
            return
        incident_id, context, person = (
            self._incident_id,
            self._session.context,
            self._session.person,
        )

        def save(question: str, district: str, callback: str) -> object:
            return context.dialog.add_hotline_note(
                incident_id, question, person, district=district, callback=callback
            )

        HotlineDialog(save, parent=self).exec()
        self.refresh()

    def add_source(self) -> None:
        from kriseninfo_ui.dialogs.source_dialog import SourceDialog

        if self._incident_id is None:
            self.problem.emit(self.tr("Keine aktive Lage."))
            return
        incident_id, context, person = (
            self._incident_id,
            self._session.context,
            self._session.person,
        )

        def save(name: str, url: str, interval: int) -> object:
            return context.sources.add_feed(incident_id, name, url, person, interval_s=interval)

        SourceDialog(save, parent=self).exec()
        self._ticks = 0  # show the new source's health on the next refresh
        self.refresh()

    def _fill_source_menu(self) -> None:
        """A feed, or the mentions of one of our Mastodon and Bluesky accounts."""
        self.source_menu.clear()
        self.source_menu.addAction(self.tr("RSS- oder Atom-&Feed …"), self.add_source)
        for account in self._accounts:
            if account.platform in (Platform.MASTODON, Platform.BLUESKY):
                self.source_menu.addAction(
                    self.tr("Erwähnungen von {name} ({platform})").format(
                        name=account.name, platform=platform_name(account.platform)
                    ),
                    lambda a=account.id: self.add_account_source(a),
                )

    def _load_accounts(self) -> None:
        if self._incident_id is None:
            return
        accounts, incident_id = self._session.context.accounts, self._incident_id

        def loaded(found: list[Account] | None, _error: BaseException | None) -> None:
            self._accounts = found or []

        self._session.runner.run(lambda: accounts.list(incident_id, True), loaded, owner=self)

    def add_account_source(self, account_id: int) -> None:
        if self._incident_id is None:
            return
        incident_id, sources, person = (
            self._incident_id,
            self._session.context.sources,
            self._session.person,
        )
        self._ticks = 0

        def done(_result: Any) -> None:
            self.refresh()

        self._act(lambda: sources.add_account(incident_id, account_id, person), done)

    def copy_link(self) -> None:
        items = self.selected()
        if len(items) == 1 and items[0].link:
            QGuiApplication.clipboard().setText(items[0].link)

    # -- Häufige Fragen --------------------------------------------------------------------
    def _find_clusters(self) -> None:
        items = self.model.all_items()
        if not items:
            return
        self._session.background.run(
            lambda: clusters(items), lambda found, _e: self._show_clusters(found or []), owner=self
        )

    def _show_clusters(self, found: list[Cluster]) -> None:
        self._clusters = found[:20]
        current = self.faq_list.currentRow()
        self.faq_list.clear()
        for cluster in self._clusters:
            QListWidgetItem(f"{cluster.size} × {cluster.question}", self.faq_list)
        if 0 <= current < self.faq_list.count():
            self.faq_list.setCurrentRow(current)
        self.faq_button.setEnabled(bool(self._clusters))

    def _select_cluster(self) -> None:
        row = self.faq_list.currentRow()
        if 0 <= row < len(self._clusters):
            self._select(list(self._clusters[row].item_ids))

    def publish_faq(self) -> None:
        row = self.faq_list.currentRow()
        if not 0 <= row < len(self._clusters):
            row = 0
        if not self._clusters:
            return
        ids = list(self._clusters[row].item_ids)
        followups, person = self._session.context.followups, self._session.person
        self._act(lambda: followups.faq_set(ids, person), self.open_set.emit)
