"""The Dialog area of the real console under load, each scenario in a process of its own.

`stall`: the console (bench.launch: style sheet, translations, task runners, the signed-in
main window) on a seeded database, the Dialog area shown with the filter "Alle". Each
repetition makes a new incident, shows it in the Dialog area and adds the 20 local feeds
(bench.dialog_feeds) to it; the console's own poller (`Console.poller`, started by
`Console._settled`) fetches them, and the Dialog area reads and merges the new items as
it does for an officer. A QTimer firing every 5 ms on the GUI thread notes the longest
gap beyond its interval from adding the feeds until the area's model holds all 10,000
rows, then separately over the seconds after (Häufige Fragen, the next refreshes).

`large`: 100,000 items bulk-inserted into an incident (seeding, not timed, done by the
parent so the console's process starts clean), loaded by the Dialog area of the real
console; then, on the GUI thread, the time of changing the search text (the debounced
`DialogView._arrange`), the category and the order, and the process's VmRSS with
everything loaded.

`python -m bench.dialog_gui` runs both (with its own feed server) and prints the numbers;
the parent side is `measure()`, used by bench.dialog. A child prints one line
`result {json}` at its end.
"""

from __future__ import annotations

import gc
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.paint_probe import vm_rss_kib
from bench.sampling import ROOT, child_env

RESULT = "result "
PROBE_TEXT = "QTimer every 5 ms on the GUI thread, longest gap beyond 5 ms"
WINDOW_SIZE = (1280, 800)
IDLE_MS = 1000
TAIL_MS = 3000  # after the last row arrived: the Häufige Fragen run, the next refreshes
ARRIVAL_TIMEOUT_S = 240.0
CHILD_TIMEOUT_S = 600.0
LOAD_TIMEOUT_S = 300.0
SEARCHES = ("wohnung", "", "bus bahnhof", "", "trinkwasser", "", "rauch", "", "kita", "")


# -- parent side -------------------------------------------------------------------------
def _child(args: list[str]) -> dict[str, Any]:
    """Run `python -m bench.dialog_gui *args`, echoing its progress; its result, or
    {"problem": …}."""
    command = [sys.executable, "-m", "bench.dialog_gui", *args]
    result: dict[str, Any] | None = None
    with tempfile.TemporaryFile(mode="w+") as errors:
        process = subprocess.Popen(
            command, cwd=ROOT, env=child_env(), stdout=subprocess.PIPE, stderr=errors, text=True
        )
        watchdog = threading.Timer(CHILD_TIMEOUT_S, process.kill)
        watchdog.start()
        try:
            assert process.stdout is not None
            for line in process.stdout:
                if line.startswith(RESULT):
                    result = json.loads(line.removeprefix(RESULT))
                else:
                    print(f"  {line.rstrip()}", flush=True)
            process.wait()
        finally:
            watchdog.cancel()
        if result is not None and process.returncode == 0:
            return result
        errors.seek(0)
        tail = errors.read().strip().splitlines()[-6:]
        return {"problem": f"{args[0]} failed (exit {process.returncode}): " + " | ".join(tail)}


def measure(tmp: Path, urls: dict[str, str], runs: int, items: int) -> dict[str, Any]:
    """Both scenarios, each in a fresh console process."""
    tmp.mkdir(parents=True, exist_ok=True)
    stall = _child(["stall", str(tmp / "stall"), json.dumps(urls), str(runs)])
    if "stalls_ms" in stall:
        print(
            f"dialog GUI: longest stalls {[round(s, 1) for s in stall['stalls_ms']]} ms "
            f"(warm-up {stall['warmup_stall_ms']:.1f} ms), arrival "
            f"{[round(s, 1) for s in stall['arrival_s']]} s",
            flush=True,
        )
    else:
        print(f"dialog GUI: {stall.get('problem')}", flush=True)
    # Seeded here, not in the console's process: its memory is what is measured there.
    incident_id, seed_s = _bulk_items(tmp / "large" / "data", items)
    large = _child(["large", str(tmp / "large"), str(incident_id), str(items)])
    large.setdefault("seed_s", seed_s)
    if "arrange_ms" in large:
        medians = {k: round(statistics.median(v), 1) for k, v in large["arrange_ms"].items()}
        print(
            f"dialog {items} items: loaded in {large['load_s']:.1f} s, medians {medians} ms, "
            f"RSS {large['rss_mib']:.0f} MiB",
            flush=True,
        )
    else:
        print(f"dialog {items} items: {large.get('problem')}", flush=True)
    return {"stall": stall, "large": large}


# -- child side: the console -------------------------------------------------------------
def _console(data_dir: Path) -> tuple[Any, Any, Any]:
    """The real console on a seeded database, signed in, the Dialog area shown."""
    from PySide6.QtWidgets import QApplication

    from bench.launch import first_person, make_console
    from bench.waiting import wait_until
    from kriseninfo_ui.mainwindow import Area

    app = QApplication(["kriseninfo-bench"])
    console = make_console(app, data_dir, "de")
    window = console.show_main_window(first_person(console))
    window.resize(*WINDOW_SIZE)
    wait_until(lambda: window.lage_view.form.incident is not None, "the Lagebild")
    window.show_area(Area.DIALOG)
    view = window.dialog_view
    view.show_choice.setCurrentIndex(view.show_choice.findData("all"))
    return app, console, view


def _stall(tmp: Path, urls: dict[str, str], runs: int) -> dict[str, Any]:
    from sqlalchemy import update

    from bench.dialog_feeds import ENTRIES
    from bench.publishing_gui import StallProbe
    from bench.seed import seed
    from bench.waiting import spin, wait_until
    from kriseninfo.domain import IncidentKind, IncidentMode
    from kriseninfo.storage.models import FeedSource

    seeded = seed(tmp / "data")
    app, console, view = _console(tmp / "data")
    context = console.context
    person = seeded.person
    expected = len(urls) * ENTRIES
    result: dict[str, Any] = {
        "stalls_ms": [],
        "tail_stalls_ms": [],
        "arrival_s": [],
        "tail_s": TAIL_MS / 1000,
    }
    try:
        wait_until(lambda: console.poller is not None, "the console's dialog poller", 30)
        probe = StallProbe()
        probe.start()
        spin(IDLE_MS)
        result["idle_stall_ms"] = probe.stall_ms
        for run in range(runs + 1):  # the first one warms up
            incident = context.incidents.create(
                f"Großbrand Lagerhalle Hafen ({run + 1})",
                IncidentKind.GROSSBRAND,
                IncidentMode.REAL,
                person.actor,
            )
            view.set_incident(incident.id)
            spin(300)
            for name, url in urls.items():
                context.sources.add_feed(incident.id, name, url, person, interval_s=15)
            probe.reset()
            started = time.perf_counter()
            wait_until(
                lambda: view.model.rowCount() >= expected,
                f"{expected} rows in the Dialog area",
                ARRIVAL_TIMEOUT_S,
            )
            arrival = time.perf_counter() - started
            stall = probe.stall_ms
            probe.reset()
            spin(TAIL_MS)
            tail = probe.stall_ms
            with context.database.session() as session:  # this incident's feeds are done
                session.execute(
                    update(FeedSource)
                    .where(FeedSource.incident_id == incident.id)
                    .values(enabled=False)
                )
            print(
                f"arrival {run}{' (warm-up)' if run == 0 else ''}: {arrival:.1f} s, "
                f"longest stall {stall:.1f} ms, in the {TAIL_MS / 1000:.0f} s after {tail:.1f} ms",
                flush=True,
            )
            if run == 0:
                result["warmup_stall_ms"] = stall
                continue
            result["stalls_ms"].append(stall)
            result["tail_stalls_ms"].append(tail)
            result["arrival_s"].append(arrival)
        probe.stop()
        result["setup"] = (
            "real console: MainWindow signed in, Dialog area shown (filter Alle), the "
            "console's own dialog poller fetching the local feeds"
        )
    finally:
        console.shutdown()
    del app
    return result


# -- child side: 100,000 items -----------------------------------------------------------
def _bulk_items(data_dir: Path, count: int) -> tuple[int, float]:
    """An incident with `count` items, inserted in bulk (seeding, not the product's path);
    returns its id and the seconds it took."""
    from sqlalchemy import insert, update

    from bench.dialog_feeds import questions
    from bench.launch import options_for
    from bench.seed import seed
    from kriseninfo.context import open_context
    from kriseninfo.domain import IncidentKind, IncidentMode
    from kriseninfo.settings import ACTIVE_INCIDENT
    from kriseninfo.storage.models import DialogItem, FeedSource
    from kriseninfo.triage.classify import Triage

    seeded = seed(data_dir)
    started = time.perf_counter()
    context = open_context(options_for(data_dir))
    try:
        incident = context.incidents.create(
            "Großbrand Chemiepark – Dialog",
            IncidentKind.GROSSBRAND,
            IncidentMode.REAL,
            seeded.person.actor,
        )
        source = context.sources.add_feed(
            incident.id, "Mastodon #moers", "http://127.0.0.1:9/tags/moers.rss", seeded.person
        )
        now = datetime.now(UTC)
        span = timedelta(hours=6) / count  # arrived over the last six hours
        categories: dict[str, str] = {}
        triage = Triage()
        rows = []
        for n, (author, title, text) in enumerate(questions(count)):
            title = title if n % 3 == 0 else ""  # Atom entries have titles, RSS ones not
            both = f"{title}\n{text}"
            category = categories.get(both)
            if category is None:
                category = categories[both] = triage.verdict(both).category.value
            received = now - span * (count - n)
            rows.append(
                {
                    "incident_id": incident.id,
                    "source_id": source.id,
                    "dedupe_key": f"bench:{n}",
                    "external_id": f"https://social.example/@user/{n}",
                    "author": author,
                    "title": title,
                    "text": text,
                    "link": f"https://social.example/@user/{n}",
                    "in_reply_to": "",
                    "published_at": received - timedelta(seconds=20),
                    "received_at": received,
                    "category": category,
                    "state": "offen",
                    "updated_at": received,
                }
            )
        with context.database.session() as session:
            for start in range(0, count, 10_000):
                session.execute(insert(DialogItem), rows[start : start + 10_000])
            session.execute(  # its address is a placeholder: nothing to poll
                update(FeedSource).where(FeedSource.id == source.id).values(enabled=False)
            )
        # The console opens on the seed's incident (no items): it is switched over later.
        context.settings.set(ACTIVE_INCIDENT, seeded.real_id)
        return incident.id, time.perf_counter() - started
    finally:
        context.close()


def _vm_hwm_kib() -> int:
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def _large(tmp: Path, incident_id: int, count: int) -> dict[str, Any]:
    from bench.waiting import spin, wait_until

    app, console, view = _console(tmp / "data")
    result: dict[str, Any] = {"items": count}
    try:
        spin(1500)  # the area's first load (the active incident: no items)
        gc.collect()
        result["rss_before_mib"] = vm_rss_kib() / 1024
        started = time.perf_counter()
        view.set_incident(incident_id)
        wait_until(lambda: view.model.rowCount() >= count, f"{count} rows", LOAD_TIMEOUT_S)
        result["load_s"] = time.perf_counter() - started
        spin(2000)  # the last refresh, Häufige Fragen
        gc.collect()
        result["rss_mib"] = vm_rss_kib() / 1024

        view.table.selectRow(0)  # an officer has one selected; filters keep it
        spin(300)
        arrange: dict[str, list[float]] = {"search": [], "category": [], "order": []}
        repaint: dict[str, list[float]] = {"search": [], "category": [], "order": []}
        rows: dict[str, list[int]] = {"search": [], "category": [], "order": []}

        def timed(kind: str, change: Any) -> None:
            spin(150)  # the loop idle again, as between an officer's keystrokes
            mark = time.perf_counter()
            change()
            arrange[kind].append((time.perf_counter() - mark) * 1000)
            mark = time.perf_counter()
            view.table.viewport().repaint()
            repaint[kind].append((time.perf_counter() - mark) * 1000)
            rows[kind].append(view.model.rowCount())

        for text in SEARCHES:
            view.search.setText(text)  # starts the debounce timer; it would call:
            view._filter_timer.stop()
            timed("search", view._arrange)
        combo = view.category_choice
        for n in range(10):
            index = 0 if n % 2 else 1 + (n // 2) % (combo.count() - 1)
            timed("category", lambda i=index: combo.setCurrentIndex(i))
        order = view.order_choice
        newest, urgent = order.findData("newest"), order.findData("urgent")
        for n in range(10):
            timed("order", lambda i=(newest if n % 2 == 0 else urgent): order.setCurrentIndex(i))
        result.update(arrange_ms=arrange, repaint_ms=repaint, rows=rows)
        gc.collect()
        result["rss_after_mib"] = vm_rss_kib() / 1024
        result["hwm_mib"] = _vm_hwm_kib() / 1024
        result["setup"] = "real console: MainWindow signed in, Dialog area shown (filter Alle)"
    finally:
        console.shutdown()
    del app
    return result


def _child_main(argv: list[str]) -> int:
    kind, tmp = argv[0], Path(argv[1])
    tmp.mkdir(parents=True, exist_ok=True)
    if kind == "stall":
        result = _stall(tmp, json.loads(argv[2]), int(argv[3]))
    elif kind == "large":
        result = _large(tmp, int(argv[2]), int(argv[3]))
    else:
        raise SystemExit(f"unknown scenario {kind!r}")
    sys.stdout.write(RESULT + json.dumps(result) + "\n")
    sys.stdout.flush()
    return 0


def main() -> int:
    from bench import report
    from bench.dialog import GUI_RUNS, LARGE_ITEMS, gui_entries, machine
    from bench.dialog_feeds import FeedServer

    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="kriseninfo-bench-dialog-gui-") as name:
        tmp = Path(name)
        with FeedServer(tmp / "feeds") as server:
            results = measure(tmp / "gui", server.urls, GUI_RUNS, LARGE_ITEMS)
    print()
    print(report.table(gui_entries(results, machine())))
    print(f"\ntotal {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(_child_main(sys.argv[1:]) if len(sys.argv) > 1 else main())
