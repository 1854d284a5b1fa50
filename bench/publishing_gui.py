"""How long the GUI thread stalls while the publishing worker sends a fan-out.

The real console (bench.launch: style sheet, translations, task runners, the signed-in
main window on the Warteschlange area) on a seeded database, plus an incident with 20
Mastodon accounts. A QTimer firing every 5 ms on the GUI thread notes the longest gap
beyond its interval; each repetition releases one set (outside the probe), wakes the
worker and probes until all 20 deliveries are SENT and the window has taken in the last
change. Where the console runs its own publishing worker (`Console.publisher`, a core
`Worker` on a thread of its own), that worker sends, as it would for an officer;
otherwise a `Worker` on a `threading.Thread` does. If the console cannot be built, a
bare QApplication with one widget stands in, and the result says so.
"""

from __future__ import annotations

import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from bench.publishing_desk import (
    Desk,
    Team,
    file_keyring,
    make_team,
    open_desk_context,
    sent,
)
from bench.waiting import spin, wait_until
from kriseninfo.domain import Role
from kriseninfo.publishing.credentials import Credentials
from kriseninfo.publishing.worker import Worker
from kriseninfo.storage.database import Database

PROBE_MS = 5
IDLE_MS = 1000
#: After the last delivery is SENT, the window refreshes its queue (50 ms later, loaded
#: on the runner): that GUI work belongs to the fan-out too.
TAIL_MS = 400
SEND_TIMEOUT_S = 20.0
WINDOW_SIZE = (1280, 800)
SEED_FREIGABE_PIN = "8642"  # bench.seed's Carla Demir


class StallProbe(QObject):
    """A precise timer on the GUI thread; its longest gap beyond the interval is a stall."""

    def __init__(self, interval_ms: int = PROBE_MS):
        super().__init__()
        self.interval = interval_ms / 1000
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self.reset()

    def start(self) -> None:
        self.reset()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def reset(self) -> None:
        self._last = time.perf_counter()
        self.max_gap = 0.0
        self.ticks = 0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.max_gap = max(self.max_gap, now - self._last)
        self._last = now
        self.ticks += 1

    @property
    def stall_ms(self) -> float:
        return max(0.0, self.max_gap - self.interval) * 1000


@dataclass
class GuiResult:
    stalls_ms: list[float] = field(default_factory=list)
    send_s: list[float] = field(default_factory=list)
    idle_stall_ms: float = 0.0
    warmup_stall_ms: float = 0.0
    setup: str = ""
    worker: str = ""
    problem: str = ""

    @property
    def median_ms(self) -> float:
        return statistics.median(self.stalls_ms)

    @property
    def worst_ms(self) -> float:
        return max(self.stalls_ms)


@dataclass
class _Rig:
    """What a repetition needs: release a set, wake the worker, stop everything."""

    desk: Desk
    database: Database
    wake: Callable[[], None]
    close: Callable[[], None]


def _until_sent(database: Database, set_id: int, total: int, done: threading.Event) -> None:
    """Off the GUI thread: poll the queue until the set is out (or give up)."""
    deadline = time.monotonic() + SEND_TIMEOUT_S
    while time.monotonic() < deadline:
        if sent(database, [set_id]) >= total:
            break
        time.sleep(0.02)
    done.set()


def _repeat(rig: _Rig, probe: StallProbe, runs: int, accounts: int, result: GuiResult) -> None:
    probe.start()
    spin(IDLE_MS)
    result.idle_stall_ms = probe.stall_ms
    for run in range(runs + 1):  # the first one warms up (connections, channels)
        view = rig.desk.release()  # on the GUI thread, before the probe is reset
        done = threading.Event()
        watcher = threading.Thread(
            target=_until_sent, args=(rig.database, view.id, accounts, done), daemon=True
        )
        probe.reset()
        started = time.monotonic()
        watcher.start()
        rig.wake()
        wait_until(done.is_set, "the fan-out to be sent", SEND_TIMEOUT_S + 5)
        elapsed = time.monotonic() - started
        spin(TAIL_MS)
        watcher.join()
        if sent(rig.database, [view.id]) < accounts:
            raise RuntimeError(f"set {view.id}: not all {accounts} deliveries were sent")
        if run == 0:
            result.warmup_stall_ms = probe.stall_ms
        else:
            result.stalls_ms.append(probe.stall_ms)
            result.send_s.append(elapsed)
    probe.stop()


def _own_worker(
    database: Database, credentials: Credentials
) -> tuple[Callable[[], None], Callable[[], None]]:
    worker = Worker(database, credentials)
    stop = threading.Event()
    thread = threading.Thread(target=worker.run, args=(stop,), name="bench-publishing")
    thread.start()

    def close() -> None:
        stop.set()
        worker.wake()
        thread.join(15)

    return worker.wake, close


def _console_rig(
    app: QApplication, tmp: Path, urls: list[str], token: str, result: GuiResult
) -> _Rig:
    from bench.launch import first_person, make_console, options_for, shut_down
    from bench.seed import seed
    from kriseninfo.settings import ACTIVE_INCIDENT, Settings

    data_dir = tmp / "gui-data"
    seeded = seed(data_dir)
    credentials = file_keyring(tmp / "gui-keyring" / "keyring_pass.cfg")
    options = options_for(data_dir)
    setup = open_desk_context(str(options.db_url), data_dir, credentials)
    try:
        people = setup.users.list()
        team = Team(
            leitung=seeded.person,
            freigabe=next(p for p in people if p.role is Role.FREIGABE),
            redaktion=next(p for p in people if p.role is Role.REDAKTION),
            freigabe_pin=SEED_FREIGABE_PIN,
        )
        for account in setup.accounts.list():  # the seed's city channels: not part of this
            setup.accounts.set_enabled(account.id, False, team.leitung)
        desk = Desk.new_incident(setup, team, "Bombenfund Bahnhof Nord")
        desk.mastodon_accounts(urls, token)
    finally:
        setup.close()
    Settings(options.paths().settings_file).set(ACTIVE_INCIDENT, desk.incident_id)

    console = make_console(app, data_dir, "de")
    assert console.context is not None
    console.context.__dict__["credentials"] = credentials  # the console's keyring
    window = console.show_main_window(first_person(console))
    window.resize(*WINDOW_SIZE)
    wait_until(lambda: window.lage_view.form.incident is not None, "the Lagebild")
    if hasattr(window, "queue_view"):
        from kriseninfo_ui.mainwindow import Area

        window.show_area(Area.WARTESCHLANGE)
    publisher = getattr(console, "publisher", None)
    if publisher is not None:
        wait_until(lambda: bool(publisher.running), "the console's publishing worker")
        wake: Callable[[], None] = publisher.wake
        result.worker = "the console's own publishing worker (Console.publisher)"

        def stop_worker() -> None:
            publisher.stop()

    else:
        wake, stop_worker = _own_worker(console.context.database, credentials)
        result.worker = "a core Worker on a threading.Thread beside the console"

    def close() -> None:
        stop_worker()
        shut_down(console)

    result.setup = "real console: MainWindow signed in, Warteschlange area shown"
    return _Rig(
        Desk(console.context, team, desk.incident_id), console.context.database, wake, close
    )


def _bare_rig(tmp: Path, urls: list[str], token: str, result: GuiResult) -> _Rig:
    credentials = file_keyring(tmp / "bare-keyring" / "keyring_pass.cfg")
    context = open_desk_context(f"sqlite:///{tmp / 'bare.sqlite3'}", tmp / "bare-data", credentials)
    desk = Desk.new_incident(context, make_team(context))
    desk.mastodon_accounts(urls, token)
    label = QLabel("Kriseninfo – Warteschlange")
    label.resize(*WINDOW_SIZE)
    label.show()
    wake, stop_worker = _own_worker(context.database, credentials)

    def close() -> None:
        stop_worker()
        label.close()
        context.close()

    result.setup = "bare QApplication with one QLabel"
    result.worker = "a core Worker on a threading.Thread"
    return _Rig(desk, context.database, wake, close)


def measure(tmp: Path, urls: list[str], token: str, runs: int) -> GuiResult:
    """Median over `runs` fan-outs (after one warm-up) of each one's longest GUI stall."""
    app = QApplication.instance() or QApplication(["kriseninfo-bench"])
    assert isinstance(app, QApplication)
    result = GuiResult()
    try:
        rig = _console_rig(app, tmp, urls, token, result)
    except Exception as error:  # the console is being worked on: measure without it
        result.problem = f"real console unavailable ({type(error).__name__}: {error})"
        rig = _bare_rig(tmp, urls, token, result)
    try:
        _repeat(rig, StallProbe(), runs, len(urls), result)
    finally:
        rig.close()
    return result
