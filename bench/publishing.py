"""`python -m bench.publishing`: the publishing queue under load.

1. Fan-out: one released message set to 20 Mastodon accounts whose instances answer after
   200 ms each, against the same for one account (target: at most 1.3x). The real path:
   SQLite file, `open_context` services, four-eyes release, a file keyring, and a core
   long-lived `Worker` (as the console keeps one) whose `drain()` is timed from the
   release until every delivery is SENT. The instances
   run in a process of their own (bench.publishing_server), as remote servers would.
   Alternating pairs after one discarded warm-up pair; medians and their ratio.
2. Queue throughput on SQLite and PostgreSQL: 1000 deliveries (2 sets x 25 thread parts
   x 20 website accounts) through claim -> send -> record, the channel a no-op, the worker
   in its production loop (`Worker.run` on a thread). Within a time budget: if the backlog
   is not empty by then, deliveries/s is what was SENT per second so far, and the result
   says how many were left.
3. GUI responsiveness: the longest stall of the GUI thread while the worker sends a
   fan-out to 20 accounts (see bench.publishing_gui).

`run()` returns the numbers plus `entries` for bench/results.json (same shape as
bench.report's, so `report.table` prints them).
"""

from __future__ import annotations

import logging
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from bench.publishing_desk import (
    Desk,
    count_states,
    file_keyring,
    make_team,
    open_desk_context,
    sent,
)
from bench.publishing_server import TOKEN, Instances
from kriseninfo.counting.platforms import Platform
from kriseninfo.messagesets.service import MAX_PARTS
from kriseninfo.publishing.channel import (
    AccountCheck,
    AccountConfig,
    Field,
    Post,
    Published,
    RecentPost,
)
from kriseninfo.publishing.worker import Worker

ACCOUNTS = 20
ANSWER_DELAY_S = 0.2
FANOUT_RUNS = 7  # alternating pairs, after one warm-up pair
FANOUT_TARGET = 1.3
THROUGHPUT_SETS = 2
THROUGHPUT_PARTS = MAX_PARTS  # 25: 2 x 25 x 20 = 1000 deliveries
THROUGHPUT_BUDGET_S = 25.0
GUI_RUNS = 7
GUI_TARGET_MS = 50.0

Entry = dict[str, Any]


# -- a channel that does nothing ---------------------------------------------------------
class NoopChannel:
    """Publishes nothing, at once: what is left is the queue's own cost."""

    platform: ClassVar[Platform] = Platform.WEBSITE  # its registry class needs no secret
    idempotent: ClassVar[bool] = True
    manual: ClassVar[bool] = False
    can_delete: ClassVar[bool] = False
    can_list_recent: ClassVar[bool] = False
    fields: ClassVar[tuple[Field, ...]] = ()

    def __init__(self, account: AccountConfig):
        self.account = account

    def publish(self, post: Post) -> Published:
        return Published(post.key)

    def delete(self, platform_id: str) -> None:
        return None

    def verify(self) -> AccountCheck:
        return AccountCheck(self.account.name)

    def recent(self, limit: int = 20) -> list[RecentPost]:
        return []

    def close(self) -> None:
        return None


class _Problems(logging.Handler):
    """Counts the warnings and errors the core logs during the run (instead of printing)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.seen: Counter[str] = Counter()

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if "could not record the outcome" in message:
            message = "could not record the outcome: " + message.rsplit(": ", 1)[-1]
        self.seen[f"{record.levelname} {record.name}: {message[:160]}"] += 1

    def take(self) -> dict[str, int]:
        """What was logged since the last call."""
        seen, self.seen = dict(self.seen), Counter()
        return seen


# -- 1. fan-out --------------------------------------------------------------------------
@dataclass
class Fanout:
    one_s: list[float] = field(default_factory=list)
    twenty_s: list[float] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return statistics.median(self.twenty_s) / statistics.median(self.one_s)


def _timed_drain(desk: Desk, worker: Worker, accounts: int) -> float:
    """From release to every delivery SENT, through the long-lived worker a console runs
    (its channels and connections already made by the warm-up round)."""
    view = desk.release()
    started = time.perf_counter()
    finished = worker.drain(timeout=30.0)
    elapsed = time.perf_counter() - started
    states = count_states(desk.context.database, [view.id])
    if not finished or states != {"sent": accounts}:
        raise RuntimeError(f"fan-out to {accounts} account(s) did not complete: {states}")
    return elapsed


def fanout(tmp: Path, urls: list[str]) -> Fanout:
    credentials = file_keyring(tmp / "keyring" / "keyring_pass.cfg")
    context = open_desk_context(f"sqlite:///{tmp / 'fanout.sqlite3'}", tmp / "data", credentials)
    try:
        team = make_team(context)
        one = Desk.new_incident(context, team, "Bombenfund Moers-Mitte")
        one.mastodon_accounts(urls[:1], TOKEN)
        many = Desk.new_incident(context, team, "Bombenfund Moers-Nord")
        many.mastodon_accounts(urls[1 : ACCOUNTS + 1], TOKEN)
        result = Fanout()
        worker = Worker(context.database, credentials)
        for run in range(FANOUT_RUNS + 1):
            order = [(one, 1), (many, ACCOUNTS)]
            if run % 2:
                order.reverse()  # ABBA: drift on the machine hits both alike
            times = {n: _timed_drain(desk, worker, n) for desk, n in order}
            if run == 0:
                continue  # warm-up: first connections, first channel objects, caches
            result.one_s.append(times[1])
            result.twenty_s.append(times[ACCOUNTS])
            print(
                f"fan-out {run}/{FANOUT_RUNS}: 1 account {times[1]:.3f} s, "
                f"{ACCOUNTS} accounts {times[ACCOUNTS]:.3f} s",
                flush=True,
            )
        worker.close()
        return result
    finally:
        context.close()


# -- 2. throughput -----------------------------------------------------------------------
@dataclass
class Throughput:
    backend: str
    total: int = 0
    sent: int = 0
    seconds: float = 0.0
    timeline: list[tuple[float, int]] = field(default_factory=list)
    problem: str = ""

    @property
    def per_s(self) -> float | None:
        return self.sent / self.seconds if self.seconds else None

    @property
    def completed(self) -> bool:
        return self.total > 0 and self.sent >= self.total

    def rate_between(self, start: float, end: float) -> float | None:
        inside = [(t, n) for t, n in self.timeline if start <= t <= end]
        if len(inside) < 2 or inside[-1][0] == inside[0][0]:
            return None
        return (inside[-1][1] - inside[0][1]) / (inside[-1][0] - inside[0][0])


def throughput(backend: str, db_url: str, tmp: Path) -> Throughput:
    credentials = file_keyring(tmp / "keyring" / "keyring_pass.cfg")
    context = open_desk_context(db_url, tmp / "data", credentials)
    result = Throughput(backend)
    try:
        desk = Desk.new_incident(context, make_team(context))
        desk.plain_accounts(Platform.WEBSITE, ACCOUNTS)
        parts = [
            f"Teil {n} von {THROUGHPUT_PARTS}: Der Bereich um den Fundort bleibt gesperrt. "
            "Bitte folgen Sie den Anweisungen der Einsatzkräfte."
            for n in range(1, THROUGHPUT_PARTS + 1)
        ]
        set_ids = [desk.release(parts=parts).id for _ in range(THROUGHPUT_SETS)]
        result.total = sum(count_states(context.database, set_ids).values())
        worker = Worker(context.database, credentials, make_channel=NoopChannel)
        stop = threading.Event()
        thread = threading.Thread(target=worker.run, args=(stop,), name="bench-throughput")
        started = time.perf_counter()
        thread.start()
        result.timeline.append((0.0, 0))
        next_mark = 1.0
        while True:
            time.sleep(0.05)
            now = time.perf_counter() - started
            done = sent(context.database, set_ids)
            if done >= result.total or now >= THROUGHPUT_BUDGET_S:
                result.seconds, result.sent = now, done
                result.timeline.append((round(now, 3), done))
                break
            if now >= next_mark:
                result.timeline.append((round(now, 3), done))
                next_mark += 1.0
        stop.set()
        worker.wake()
        thread.join(60)
        print(
            f"throughput {backend}: {result.sent}/{result.total} deliveries in "
            f"{result.seconds:.1f} s",
            flush=True,
        )
    finally:
        context.close()
    return result


def postgres_throughput(tmp: Path) -> Throughput:
    from tests.support import pgserver

    if not pgserver.available():
        return Throughput("postgres", problem="PostgreSQL not available")
    server = pgserver.PostgresServer(tmp / "pg")
    try:
        server.start()
        url = server.create_database("kriseninfo_bench_publishing")
        return throughput("postgres", url, tmp / "pg-run")
    except RuntimeError as error:
        return Throughput("postgres", problem=f"PostgreSQL not available ({error})"[:300])
    finally:
        server.close()


# -- results -----------------------------------------------------------------------------
def _throughput_entry(result: Throughput, note: str) -> Entry:
    value = result.per_s
    entry: Entry = {
        "name": f"publishing_throughput_{result.backend}_per_s",
        "value": round(value, 1) if value is not None else None,
        "unit": "deliveries/s",
    }
    if result.problem:
        entry["note"] = result.problem
        return entry
    early = result.rate_between(0, 5)
    late = result.rate_between(result.seconds - 5, result.seconds)
    entry.update(
        deliveries=result.total,
        sent=result.sent,
        completed=result.completed,
        seconds=round(result.seconds, 2),
        rate_first_5s=round(early, 1) if early is not None else None,
        rate_last_5s=round(late, 1) if late is not None else None,
        timeline=[list(point) for point in result.timeline],
        note=note,
    )
    return entry


def _describe() -> str:
    return f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs"


def run() -> dict[str, Any]:
    """Measure all three; returns the headline numbers and results.json entries."""
    from bench import publishing_gui

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # as bench.sampling's children
    problems = _Problems()
    logged: dict[str, dict[str, int]] = {}
    core_log = logging.getLogger("kriseninfo")
    core_log.addHandler(problems)
    try:
        with tempfile.TemporaryDirectory(prefix="kriseninfo-bench-publishing-") as name:
            tmp = Path(name)
            with Instances(ACCOUNTS + 1, ANSWER_DELAY_S) as instances:
                fan = fanout(tmp / "fanout", instances.urls)
                logged["fanout"] = problems.take()
                gui = publishing_gui.measure(
                    tmp / "gui", instances.urls[1 : ACCOUNTS + 1], TOKEN, GUI_RUNS
                )
                logged["gui"] = problems.take()
            print(f"gui: longest stalls {[round(s, 1) for s in gui.stalls_ms]} ms", flush=True)
            lite = throughput("sqlite", f"sqlite:///{tmp / 'throughput.sqlite3'}", tmp / "tp")
            logged["sqlite"] = problems.take()
            post = postgres_throughput(tmp)
            logged["postgres"] = problems.take()
    finally:
        core_log.removeHandler(problems)

    machine = _describe()
    one, twenty = statistics.median(fan.one_s), statistics.median(fan.twenty_s)
    fan_note = (
        f"SQLite file, real services and four-eyes release, file keyring, Mastodon channel "
        f"against local instances (another process) answering after "
        f"{ANSWER_DELAY_S * 1000:.0f} ms; Worker.drain() timed until all SENT; "
        f"{FANOUT_RUNS} alternating pairs after one warm-up pair; {machine}"
    )
    tp_note = (
        f"{THROUGHPUT_SETS} sets x {THROUGHPUT_PARTS} thread parts x {ACCOUNTS} website "
        f"accounts, no-op channel, Worker.run on a thread; time budget "
        f"{THROUGHPUT_BUDGET_S:.0f} s (value = SENT / elapsed; see completed, timeline); "
        f"{machine}"
    )
    gui_note = (
        f"{gui.setup}; sender: {gui.worker}; {PROBE_TEXT}; median over {GUI_RUNS} fan-outs "
        f"to {ACCOUNTS} accounts (200 ms answers) after one warm-up"
        + (f"; {gui.problem}" if gui.problem else "")
        + f"; {machine}"
    )
    entries: list[Entry] = [
        {
            "name": "publishing_fanout_one_account_s",
            "value": round(one, 4),
            "unit": "s",
            "runs": len(fan.one_s),
            "samples": [round(s, 4) for s in fan.one_s],
            "note": fan_note,
        },
        {
            "name": f"publishing_fanout_{ACCOUNTS}_accounts_s",
            "value": round(twenty, 4),
            "unit": "s",
            "runs": len(fan.twenty_s),
            "samples": [round(s, 4) for s in fan.twenty_s],
            "note": fan_note,
        },
        {
            "name": "publishing_fanout_ratio",
            "value": round(fan.ratio, 3),
            "unit": "x",
            "target": FANOUT_TARGET,
            "target_met": fan.ratio <= FANOUT_TARGET,
            "note": f"median {ACCOUNTS} accounts / median 1 account; {fan_note}",
        },
        _throughput_entry(lite, tp_note),
        _throughput_entry(post, tp_note),
        {
            "name": "publishing_gui_max_stall_ms",
            "value": round(gui.median_ms, 1),
            "unit": "ms",
            "target": GUI_TARGET_MS,
            "target_met": gui.median_ms <= GUI_TARGET_MS,
            "runs": len(gui.stalls_ms),
            "samples": [round(s, 1) for s in gui.stalls_ms],
            "worst": round(gui.worst_ms, 1),
            "warmup": round(gui.warmup_stall_ms, 1),
            "idle_baseline": round(gui.idle_stall_ms, 1),
            "send_s": [round(s, 3) for s in gui.send_s],
            "note": gui_note,
        },
    ]
    phase_of = {
        "publishing_fanout_ratio": "fanout",
        "publishing_throughput_sqlite_per_s": "sqlite",
        "publishing_throughput_postgres_per_s": "postgres",
        "publishing_gui_max_stall_ms": "gui",
    }
    for entry in entries:
        seen = logged.get(phase_of.get(entry["name"], ""), {})
        if seen:
            top = sorted(seen.items(), key=lambda item: -item[1])[:5]
            entry["logged_warnings"] = [f"{n}x {text}" for text, n in top]
    return {
        "fanout_one_s": one,
        "fanout_twenty_s": twenty,
        "fanout_ratio": fan.ratio,
        "fanout_ratio_target": FANOUT_TARGET,
        "fanout_pass": fan.ratio <= FANOUT_TARGET,
        "throughput_sqlite_per_s": lite.per_s,
        "throughput_sqlite_completed": lite.completed,
        "throughput_postgres_per_s": post.per_s,
        "throughput_postgres_completed": post.completed,
        "throughput_postgres_problem": post.problem,
        "gui_max_stall_ms": gui.median_ms,
        "gui_worst_stall_ms": gui.worst_ms,
        "gui_idle_stall_ms": gui.idle_stall_ms,
        "gui_stall_target_ms": GUI_TARGET_MS,
        "gui_pass": gui.median_ms <= GUI_TARGET_MS,
        "gui_setup": f"{gui.setup}; sender: {gui.worker}"
        + (f"; {gui.problem}" if gui.problem else ""),
        "logged": {phase: seen for phase, seen in logged.items() if seen},
        "entries": entries,
    }


PROBE_TEXT = "QTimer every 5 ms on the GUI thread, longest gap beyond 5 ms"


def _table(results: dict[str, Any]) -> str:
    def fmt(value: float | None, digits: int, unit: str) -> str:
        return "n/a" if value is None else f"{value:.{digits}f} {unit}"

    def verdict(ok: bool) -> str:
        return "met" if ok else "MISSED"

    rows = [
        ("measure", "value", "target"),
        ("fan-out, 1 account (median)", fmt(results["fanout_one_s"], 3, "s"), ""),
        (f"fan-out, {ACCOUNTS} accounts (median)", fmt(results["fanout_twenty_s"], 3, "s"), ""),
        (
            f"fan-out ratio {ACCOUNTS}/1",
            fmt(results["fanout_ratio"], 2, "x"),
            f"≤ {FANOUT_TARGET} ({verdict(results['fanout_pass'])})",
        ),
        (
            "throughput SQLite",
            fmt(results["throughput_sqlite_per_s"], 1, "deliveries/s"),
            "" if results["throughput_sqlite_completed"] else "(backlog not finished)",
        ),
        (
            "throughput PostgreSQL",
            results["throughput_postgres_problem"]
            or fmt(results["throughput_postgres_per_s"], 1, "deliveries/s"),
            "" if results["throughput_postgres_completed"] else "(backlog not finished)",
        ),
        (
            "GUI longest stall (median)",
            fmt(results["gui_max_stall_ms"], 1, "ms"),
            f"≤ {GUI_TARGET_MS:.0f} ms ({verdict(results['gui_pass'])})",
        ),
        ("GUI longest stall (worst run)", fmt(results["gui_worst_stall_ms"], 1, "ms"), ""),
        ("GUI longest stall, idle window", fmt(results["gui_idle_stall_ms"], 1, "ms"), ""),
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )


def main() -> int:
    started = time.monotonic()
    results = run()
    print()
    print(_table(results))
    for entry in results["entries"]:
        if entry["name"].startswith("publishing_throughput") and "sent" in entry:
            print(
                f"  {entry['name']}: {entry['sent']}/{entry['deliveries']} sent in "
                f"{entry['seconds']} s; first 5 s {entry['rate_first_5s']}/s, "
                f"last 5 s {entry['rate_last_5s']}/s"
            )
    print(f"  GUI: {results['gui_setup']}")
    for phase, seen in results["logged"].items():
        for text, count in sorted(seen.items(), key=lambda item: -item[1])[:5]:
            print(f"  logged during {phase}, {count}x: {text}")
    print(f"\ntotal {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
