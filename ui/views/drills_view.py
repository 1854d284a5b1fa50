"""The Übungen area: start a drill, lead it (clock, speed, pause, own injects), watch
the Übungs-Timeline, and write the Nachbereitung.

The drill clock lives in the database; this view reads it every second and lets the
injects that are due arrive (any console may, each arrives once).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kriseninfo.drills.clock import hms
from kriseninfo.drills.records import DrillView, TimelinePost
from kriseninfo.incidents.lagebild import IncidentSnapshot
from kriseninfo_ui.messages import error_text
from kriseninfo_ui.session import Session
from kriseninfo_ui.views.drill_injects import InjectTable
from kriseninfo_ui.views.drill_timeline import TimelineList
from kriseninfo_ui.widgets import local_time_text

log = logging.getLogger(__name__)

TICK_MS = 1_000
FIRST_TICK_MS = 2_000
#: What one tick reads: every drill and the shown one's timeline while the area is seen,
#: else only the active incident's drill.
Read = tuple[list[DrillView] | None, list[TimelinePost], DrillView | None]
SPEEDS = (1.0, 2.0, 5.0, 10.0, 30.0, 60.0)


class DrillsView(QWidget):
    #: A drill was started (or opened) here: the window makes it the active incident.
    incident_chosen = Signal(object)
    #: The active drill's clock, as the banner shows it ("0:12:30 · 60×"), or "".
    clock_text = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._drills: list[DrillView] = []
        self._active_drill: DrillView | None = None  # the active incident, if a drill
        self._shown: DrillView | None = None
        self._active_incident: int | None = None
        self._busy = False
        self._recovered = False

        self.start_button = QPushButton(self.tr("Übung &starten …"), self)
        self.start_button.clicked.connect(self.start_drill)
        self.report_button = QPushButton(self.tr("&Nachbereitung erstellen …"), self)
        self.report_button.clicked.connect(self.write_report)
        self.report_button.setEnabled(False)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Übungen"))
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentRowChanged.connect(self._on_row)

        self.clock = QLabel(self)
        self.clock.setObjectName("drillClock")
        self.clock.setAccessibleName(self.tr("Übungsuhr"))
        self.state = QLabel(self)
        self.state.setObjectName("drillState")
        self.next_inject = QLabel(self)
        self.next_inject.setObjectName("nextInject")
        self.next_inject.setTextFormat(Qt.TextFormat.PlainText)
        self.speed = QComboBox(self)
        self.speed.setAccessibleName(self.tr("Geschwindigkeit der Übungsuhr"))
        for speed in SPEEDS:
            self.speed.addItem(self.tr("{n}×").format(n=f"{speed:g}"), speed)
        self.speed.activated.connect(self._on_speed)
        self.pause_button = QPushButton(self.tr("&Anhalten"), self)
        self.pause_button.clicked.connect(self._toggle_pause)
        self.end_button = QPushButton(self.tr("Übung &beenden"), self)
        self.end_button.clicked.connect(self._end)
        self.open_button = QPushButton(self.tr("Als aktive Lage ö&ffnen"), self)
        self.open_button.setToolTip(self.tr("Dialog, Meldungen und Lage zeigen dann diese Übung."))
        self.open_button.clicked.connect(self._open)
        self.inject_button = QPushButton(self.tr("&Einspielung hinzufügen …"), self)
        self.inject_button.clicked.connect(self.add_inject)
        self.message = QLabel(self)
        self.message.setObjectName("drillMessage")
        self.message.setWordWrap(True)

        self.injects = InjectTable(self)
        self.timeline = TimelineList(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.injects, self.tr("Einspielungen"))
        self.tabs.addTab(self.timeline, self.tr("Übungs-Timeline"))

        lead = QGroupBox(self.tr("Übungsleitung"), self)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Geschwindigkeit:"), self))
        controls.addWidget(self.speed)
        controls.addWidget(self.pause_button)
        controls.addWidget(self.inject_button)
        controls.addStretch(1)
        controls.addWidget(self.end_button)
        head = QHBoxLayout()
        head.addWidget(self.clock)
        head.addWidget(self.state, 1)
        head.addWidget(self.open_button)
        lead_layout = QVBoxLayout(lead)
        lead_layout.addLayout(head)
        lead_layout.addWidget(self.next_inject)
        lead_layout.addLayout(controls)
        self.lead = lead

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(lead)
        right_layout.addWidget(self.message)
        right_layout.addWidget(self.tabs, 1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.start_button)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.report_button)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([280, 840])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._show_drill(None)

        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        # The first look waits until the Lagebild is on screen after sign-in.
        QTimer.singleShot(FIRST_TICK_MS, self, self._timer.start)
        QTimer.singleShot(FIRST_TICK_MS, self, self._tick)

    # -- reading -----------------------------------------------------------------------
    def set_active_incident(self, incident_id: int | None) -> None:
        self._active_incident = incident_id
        if self._shown is not None:
            self.open_button.setEnabled(self._shown.incident_id != incident_id)
        self._emit_clock()

    def _open(self) -> None:
        drill = self._shown
        if drill is None:
            return
        incidents = self._session.context.incidents
        self._session.runner.run(lambda: incidents.get(drill.incident_id), self._on_opened)

    def _on_opened(self, incident: IncidentSnapshot | None, error: BaseException | None) -> None:
        if error is not None or incident is None:
            self.message.setText(error_text(error))
            return
        self.incident_chosen.emit(incident)

    def _tick(self) -> None:
        """Let due injects arrive (one round trip, off the GUI); then read every drill
        while the area is seen, else only the active one (for the banner's clock)."""
        if self._busy:
            return
        self._busy = True
        drills = self._session.context.drills
        first = not self._recovered
        shown = self._shown.incident_id if self._shown else None
        seen, active = self.isVisible(), self._active_incident

        def work() -> Read:
            if first:
                drills.recover()  # drills whose consoles all stopped: paused where they were
            drills.advance_running()
            if not seen:
                return None, [], drills.get(active) if active is not None else None
            posts = drills.timeline(shown) if shown is not None else []
            return drills.all(), posts, None

        self._session.runner.run(work, self._on_read)

    def _on_read(self, read: Read | None, error: BaseException | None) -> None:
        self._busy = False
        if error is not None or read is None:
            log.warning("drills could not be read: %s", error)
            return
        self._recovered = True
        drills, posts, active = read
        if drills is None:
            self._active_drill = active
            self._emit_clock()
            return
        self._drills = drills
        self._active_drill = next(
            (d for d in drills if d.incident_id == self._active_incident), None
        )
        self._fill_list()
        shown = self._shown.incident_id if self._shown else None
        current = next((d for d in drills if d.incident_id == shown), None)
        if current is None and drills and self.list.currentRow() < 0:
            self.list.setCurrentRow(0)
            return
        self._show_drill(current)
        if current is not None:
            self.timeline.show_posts(posts)
        self._emit_clock()

    def _fill_list(self) -> None:
        now = self._session.clock()
        texts = [self._summary(d, now) for d in self._drills]
        if [self.list.item(i).text() for i in range(self.list.count())] == texts:
            return
        row = self.list.currentRow()
        blocked = self.list.blockSignals(True)
        self.list.clear()
        for drill, text in zip(self._drills, texts, strict=True):
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, drill.incident_id)
            self.list.addItem(item)
        self.list.setCurrentRow(min(row, self.list.count() - 1))
        self.list.blockSignals(blocked)

    def _summary(self, drill: DrillView, now: datetime) -> str:
        return self.tr("{title}\n{state} · {clock} · {speed}× · begonnen {start}").format(
            title=drill.title,
            state=self._state_word(drill),
            clock=hms(drill.now(now)),
            speed=f"{drill.speed:g}",
            start=local_time_text(drill.started_at),
        )

    def _state_word(self, drill: DrillView) -> str:
        if drill.ended:
            return self.tr("beendet")
        return self.tr("läuft") if drill.running else self.tr("angehalten")

    def _on_row(self, row: int) -> None:
        drill = self._drills[row] if 0 <= row < len(self._drills) else None
        self._show_drill(drill)
        self.timeline.show_posts([])
        QTimer.singleShot(0, self, self._tick)

    def _show_drill(self, drill: DrillView | None) -> None:
        self._shown = drill
        has = drill is not None
        self.lead.setEnabled(has and not drill.ended if drill else False)
        self.report_button.setEnabled(has)
        self.tabs.setEnabled(has)
        if drill is None:
            self.clock.setText(self.tr("Übungsuhr –"))
            self.state.setText(self.tr("Keine Übung gewählt. „Übung starten“ beginnt eine."))
            self.next_inject.clear()
            self.injects.show_injects([])
            return
        now = self._session.clock()
        planned = f" / {hms(drill.duration_s)}" if drill.duration_s else ""
        self.clock.setText(self.tr("Übungsuhr {clock}").format(clock=hms(drill.now(now)) + planned))
        over = self.tr(" · geplantes Ende erreicht") if drill.over(now) and not drill.ended else ""
        self.state.setText(
            self.tr("{state} · {speed}×").format(
                state=self._state_word(drill), speed=f"{drill.speed:g}"
            )
            + over
        )
        self.open_button.setEnabled(drill.incident_id != self._active_incident)
        upcoming = drill.next_inject()
        self.next_inject.setText(
            self.tr("Nächste Einspielung um {at}: {author} – {text}").format(
                at=hms(upcoming.at_s),
                author=upcoming.author[:40],
                text=_gist(upcoming.text),
            )
            if upcoming
            else self.tr("Keine Einspielung mehr geplant.")
        )
        self.pause_button.setText(self.tr("&Anhalten") if drill.running else self.tr("&Weiter"))
        if self.speed.findData(drill.speed) < 0:  # started elsewhere at another speed
            self.speed.addItem(self.tr("{n}×").format(n=f"{drill.speed:g}"), drill.speed)
        self.speed.setCurrentIndex(self.speed.findData(drill.speed))
        self.injects.show_injects(list(drill.injects))

    def _emit_clock(self) -> None:
        drill = self._active_drill
        if drill is None or drill.incident_id != self._active_incident:
            self.clock_text.emit("")
            return
        now = self._session.clock()
        self.clock_text.emit(
            self.tr("Übungsuhr {clock} · {speed}×{paused}").format(
                clock=hms(drill.now(now)),
                speed=f"{drill.speed:g}",
                paused="" if drill.running else self.tr(" · angehalten"),
            )
        )

    # -- leading the drill -------------------------------------------------------------
    def _call(self, fn: Callable[[], object], done_text: str = "") -> None:
        def finished(_result: object, error: BaseException | None) -> None:
            self.message.setText(error_text(error) if error is not None else done_text)
            QTimer.singleShot(0, self, self._tick)

        self._session.runner.run(fn, finished)

    def _toggle_pause(self) -> None:
        drill, person = self._shown, self._session.person
        if drill is None:
            return
        drills = self._session.context.drills
        if drill.running:
            self._call(lambda: drills.pause(drill.incident_id, person), self.tr("Angehalten."))
        else:
            self._call(lambda: drills.resume(drill.incident_id, person), self.tr("Läuft weiter."))

    def _on_speed(self, index: int) -> None:
        drill, person = self._shown, self._session.person
        speed = float(self.speed.itemData(index))
        if drill is None or speed == drill.speed:
            return
        drills = self._session.context.drills
        self._call(lambda: drills.set_speed(drill.incident_id, speed, person))

    def _end(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        drill, person = self._shown, self._session.person
        if drill is None:
            return
        asked = QMessageBox.question(
            self,
            self.tr("Übung beenden"),
            self.tr(
                "Die Übung jetzt beenden? Die Uhr bleibt stehen, es kommen keine "
                "Einspielungen mehr. Die Nachbereitung lässt sich danach erstellen."
            ),
        )
        if asked != QMessageBox.StandardButton.Yes:
            return
        drills = self._session.context.drills
        self._call(lambda: drills.end(drill.incident_id, person), self.tr("Übung beendet."))

    def add_inject(self) -> None:
        from kriseninfo_ui.dialogs.inject_dialog import InjectDialog

        drill = self._shown
        if drill is None or drill.ended:
            return
        dialog = InjectDialog(self)
        if dialog.exec() != InjectDialog.DialogCode.Accepted:
            return
        drills, person = self._session.context.drills, self._session.person
        channel, author, text, category = dialog.values()
        self._call(
            lambda: drills.add_inject(
                drill.incident_id,
                person,
                channel=channel,
                author=author,
                text=text,
                category=category,
            ),
            self.tr("Einspielung hinzugefügt: sie geht jetzt im Dialog ein.")
            if drill.running
            else self.tr("Einspielung hinzugefügt: sie geht ein, sobald die Übung weiterläuft."),
        )

    # -- starting and reviewing -------------------------------------------------------
    def start_drill(self) -> None:
        from kriseninfo_ui.dialogs.start_drill_dialog import StartDrillDialog

        dialog = StartDrillDialog(self)
        context = self._session.context
        self._session.background.run(
            lambda: context.playbooks.usable(),
            lambda found, _error: dialog.set_playbooks(found or []),
            owner=dialog,
        )
        if dialog.exec() != StartDrillDialog.DialogCode.Accepted:
            return
        playbook, speed, title, mark = dialog.values()
        if playbook is None:
            return
        person = self._session.person

        def start() -> IncidentSnapshot:
            made = context.drills.start(playbook, person, speed=speed, title=title, prefix=mark)
            return context.incidents.get(made.incident_id)

        self._session.runner.run(start, self._on_started)

    def _on_started(self, incident: IncidentSnapshot | None, error: BaseException | None) -> None:
        if error is not None or incident is None:
            self.message.setText(error_text(error))
            return
        self.message.setText(
            self.tr("Übung gestartet. Die Einspielungen kommen im Bereich Dialog an.")
        )
        self._shown = None
        self.list.setCurrentRow(-1)
        self.incident_chosen.emit(incident)
        QTimer.singleShot(0, self, self._tick)

    def write_report(self) -> None:
        from kriseninfo_ui.review_export import export_review

        if self._shown is not None:
            export_review(self, self._session, self._shown.incident_id, self.message.setText)


def _gist(text: str, length: int = 60) -> str:
    """One line of an inject, for the Übungsleitung's "next" line."""
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[: length - 1] + "…"
