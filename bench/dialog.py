"""`python -m bench.dialog`: the dialog feed under load.

1. Ingest: 10,000 entries from 20 local feeds (14 RSS, 6 Atom, 500 entries each, German
   questions with the markup real posts carry) served over HTTP on 127.0.0.1 by a process
   of their own (bench.dialog_feeds). The product's whole path on a fresh SQLite database
   each run: `SourceService.poll_due()` (fetch, `parse_feed`, triage, store), then
   `DialogService.items(after_id=…)` in pages of 5,000 merged into the Dialog area's
   `DialogTableModel` on a shown `QTableView` (events processed after each page). Against
   bare `feedparser.parse(bytes)` on the same bytes (feedparser's defaults, as the target
   is worded) and, for comparison, with the options the product passes it
   (`sanitize_html=False, resolve_relative_uris=False`). Alternating runs after one
   warm-up; medians and their ratio (target: at most 1.5x of bare feedparser).
2. GUI stall while the same 10,000 arrive in the real console, and 3. filters, order and
   memory with 100,000 items in the real console: see bench.dialog_gui (child processes).

`run()` returns the numbers plus `entries` for bench/results.json (same shape as
bench.report's, so `report.table` prints them).
"""

from __future__ import annotations

import gc
import os
import platform
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import feedparser  # type: ignore[import-untyped]

from bench import report
from bench.dialog_feeds import ENTRIES, FEEDS, FeedServer

INGEST_RUNS = 3  # alternating, after one warm-up
INGEST_TARGET = 1.5
GUI_RUNS = 3  # arrivals of 10,000 in the console, after one warm-up
GUI_TARGET_MS = 50.0
LARGE_ITEMS = 100_000
ARRANGE_REPEATS = 10
ARRANGE_TARGET_MS = 100.0
RSS_TARGET_MIB = 300.0
PAGE = 5_000  # items per DialogService.items call, as the Dialog area asks

Entry = dict[str, Any]


@dataclass
class Ingest:
    product_s: list[float] = field(default_factory=list)
    bare_s: list[float] = field(default_factory=list)
    bare_product_options_s: list[float] = field(default_factory=list)
    phases: list[dict[str, float]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return statistics.median(self.product_s) / statistics.median(self.bare_s)

    @property
    def ratio_product_options(self) -> float:
        return statistics.median(self.product_s) / statistics.median(self.bare_product_options_s)


def _bare(data: list[bytes], **options: bool) -> float:
    gc.collect()
    started = time.perf_counter()
    entries = 0
    for feed in data:
        entries += len(feedparser.parse(feed, **options).entries)
    elapsed = time.perf_counter() - started
    if entries != len(data) * ENTRIES:
        raise RuntimeError(f"feedparser read {entries} entries, expected {len(data) * ENTRIES}")
    return elapsed


def _product(
    data_dir: Path, urls: dict[str, str], expected: int
) -> tuple[float, dict[str, float], list[str]]:
    """One run of the product's path on a fresh database; (seconds, phases, the warnings
    the sources' health shows afterwards)."""
    from PySide6.QtWidgets import QApplication, QTableView

    from bench.launch import options_for
    from kriseninfo.context import open_context
    from kriseninfo.domain import IncidentKind, IncidentMode, Role
    from kriseninfo_ui.views.dialog_model import DialogTableModel, Filter, Show

    app = QApplication.instance()
    assert app is not None
    context = open_context(options_for(data_dir))  # migrated here, outside the timing
    table = QTableView()
    try:
        person = context.users.create("Anna Adler", Role.LEITUNG, "2468", None)
        incident = context.incidents.create(
            "Großbrand Lagerhalle Hafen", IncidentKind.GROSSBRAND, IncidentMode.REAL, person.actor
        )
        for name, url in urls.items():
            context.sources.add_feed(incident.id, name, url, person, interval_s=15)
        model = DialogTableModel()
        model.arrange(Filter(show=Show.ALL))
        table.setModel(model)
        table.resize(1000, 700)
        table.show()
        app.processEvents()
        gc.collect()

        started = time.perf_counter()
        polled = context.sources.poll_due()
        fetched_at = time.perf_counter()
        read_s = merge_s = 0.0
        after = 0
        while True:
            mark = time.perf_counter()
            page = context.dialog.items(incident.id, after_id=after, limit=PAGE)
            read_s += time.perf_counter() - mark
            if not page:
                break
            mark = time.perf_counter()
            model.merge(page)
            app.processEvents()
            merge_s += time.perf_counter() - mark
            after = page[-1].id
        elapsed = time.perf_counter() - started

        errors = [p.error for p in polled if p.error]
        new = sum(p.new_items for p in polled)
        if errors or new != expected or model.rowCount() != expected:
            raise RuntimeError(
                f"ingest incomplete: {new} new, {model.rowCount()} rows, errors {errors[:3]}"
            )
        phases = {
            "poll_due_s": fetched_at - started,
            "read_s": read_s,
            "merge_s": merge_s,
        }
        sources = context.sources.for_incident(incident.id)
        return elapsed, phases, sorted({s.warning for s in sources if s.warning})
    finally:
        table.close()
        table.deleteLater()
        context.close()


def ingest(tmp: Path, server: FeedServer) -> Ingest:
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication(["kriseninfo-bench"])
    data = list(server.data.values())
    first = dict(list(server.urls.items())[:1])
    result = Ingest()
    # Warm-up: imports, compiled statements, feedparser's and nh3's first calls.
    _product(tmp / "warm", first, ENTRIES)
    _bare(data[:1])
    _bare(data[:1], sanitize_html=False, resolve_relative_uris=False)
    for run in range(1, INGEST_RUNS + 1):
        steps = ["product", "bare", "bare_options"]
        if run % 2 == 0:
            steps.reverse()  # drift on the machine hits all alike
        for step in steps:
            if step == "product":
                seconds, phases, warnings = _product(
                    tmp / f"run{run}", server.urls, len(data) * ENTRIES
                )
                result.product_s.append(seconds)
                result.phases.append(phases)
                result.warnings = sorted({*result.warnings, *warnings})
            elif step == "bare":
                result.bare_s.append(_bare(data))
            else:
                result.bare_product_options_s.append(
                    _bare(data, sanitize_html=False, resolve_relative_uris=False)
                )
        print(
            f"ingest {run}/{INGEST_RUNS}: product {result.product_s[-1]:.2f} s "
            f"(poll_due {result.phases[-1]['poll_due_s']:.2f} s, read "
            f"{result.phases[-1]['read_s']:.2f} s, merge {result.phases[-1]['merge_s']:.2f} s), "
            f"bare feedparser {result.bare_s[-1]:.2f} s, with the product's options "
            f"{result.bare_product_options_s[-1]:.2f} s",
            flush=True,
        )
    return result


# -- results -----------------------------------------------------------------------------
def machine() -> str:
    import PySide6

    return (
        f"Python {platform.python_version()}, PySide6 {PySide6.__version__}, "
        f"feedparser {feedparser.__version__}, {platform.machine()}, {os.cpu_count()} CPUs"
    )


def _ms(values: list[float]) -> list[float]:
    return [round(v, 1) for v in values]


def _ingest_entries(result: Ingest, about: str) -> list[Entry]:
    note = (
        f"{FEEDS} local feeds x {ENTRIES} entries (RSS and Atom, HTML bodies) over HTTP on "
        f"127.0.0.1 from another process; product = SourceService.poll_due() (fetch, "
        f"parse_feed, triage, SQLite store; fresh database each run) + DialogService.items "
        f"in pages of {PAGE} merged into DialogTableModel on a shown QTableView; baseline = "
        f"feedparser.parse(bytes) with its defaults on the same bytes; {INGEST_RUNS} "
        f"alternating runs after one warm-up; {about}"
    )
    entries = report.entries(
        report.Paired(
            name="dialog_ingest_10000_s",
            unit="s",
            digits=3,
            samples=result.product_s,
            baseline_samples=result.bare_s,
            note=note,
            ratio_name="dialog_ingest_ratio",
            ratio_target=INGEST_TARGET,
        )
    )
    entries[0]["baseline_label"] = "feedparser.parse"
    for phase in ("poll_due_s", "read_s", "merge_s"):
        entries[0][f"median_{phase}"] = round(statistics.median(p[phase] for p in result.phases), 3)
    if result.warnings:
        entries[0]["source_warnings"] = result.warnings
    options = statistics.median(result.bare_product_options_s)
    entries.append(
        {
            "name": "dialog_ingest_ratio_same_parser_options",
            "value": round(result.ratio_product_options, 3),
            "unit": "x",
            "baseline": round(options, 3),
            "runs": len(result.bare_product_options_s),
            "baseline_samples": [round(s, 3) for s in result.bare_product_options_s],
            "baseline_unit": "s",
            "note": "for comparison (no target): the same product runs against "
            "feedparser.parse(bytes, sanitize_html=False, resolve_relative_uris=False), the "
            "options parse_feed passes (it makes plain text itself); " + note,
        }
    )
    return entries


def gui_entries(gui: dict[str, Any], about: str) -> list[Entry]:
    from bench.dialog_gui import PROBE_TEXT

    entries: list[Entry] = []
    stall = gui.get("stall") or {}
    if stall.get("stalls_ms"):
        stalls = stall["stalls_ms"]
        median = statistics.median(stalls)
        entries.append(
            {
                "name": "dialog_gui_max_stall_ms",
                "value": round(median, 1),
                "unit": "ms",
                "target": GUI_TARGET_MS,
                "target_met": median <= GUI_TARGET_MS,
                "runs": len(stalls),
                "samples": _ms(stalls),
                "worst": round(max(stalls), 1),
                "warmup": round(stall["warmup_stall_ms"], 1),
                "idle_baseline": round(stall["idle_stall_ms"], 1),
                "arrival_s": [round(s, 2) for s in stall["arrival_s"]],
                "after_arrival_stall_ms": _ms(stall["tail_stalls_ms"]),
                "note": f"{stall['setup']}; {PROBE_TEXT}, from adding {FEEDS} feeds to a new "
                f"incident until the Dialog area's model holds all {FEEDS * ENTRIES} rows "
                f"(filter Alle); after_arrival_stall_ms: the {stall['tail_s']:.0f} s after "
                f"that (Häufige Fragen, refreshes); median over {len(stalls)} arrivals "
                f"after one warm-up; {about}",
            }
        )
    else:
        entries.append(
            {
                "name": "dialog_gui_max_stall_ms",
                "value": None,
                "unit": "ms",
                "target": GUI_TARGET_MS,
                "target_met": False,
                "note": stall.get("problem", "not measured"),
            }
        )
    large = gui.get("large") or {}
    if not large.get("arrange_ms"):
        entries.append(
            {
                "name": "dialog_100k_filter_ms",
                "value": None,
                "unit": "ms",
                "target": ARRANGE_TARGET_MS,
                "target_met": False,
                "note": large.get("problem", "not measured"),
            }
        )
        return entries
    setup = (
        f"{large['setup']}; {large['items']} items bulk-inserted, loaded by the Dialog "
        f"area in {large['load_s']:.1f} s; {about}"
    )
    labels = {
        "search": "search text changed (QLineEdit, then the debounced DialogView._arrange timed)",
        "category": "category chosen in the combo box (its signal runs DialogView._arrange)",
        "order": "order switched between Neueste and Dringendste (combo box)",
    }
    for kind, label in labels.items():
        samples = large["arrange_ms"][kind]
        median = statistics.median(samples)
        entries.append(
            {
                "name": f"dialog_100k_{kind}_ms",
                "value": round(median, 1),
                "unit": "ms",
                "target": ARRANGE_TARGET_MS,
                "target_met": median <= ARRANGE_TARGET_MS,
                "runs": len(samples),
                "samples": _ms(samples),
                "worst": round(max(samples), 1),
                "repaint_ms": _ms(large["repaint_ms"][kind]),
                "shown_rows": large["rows"][kind],
                "note": f"{label}; median of {len(samples)} changes on the GUI thread; "
                f"repaint_ms: the table's synchronous repaint afterwards; {setup}",
            }
        )
    rss = large["rss_mib"]
    entries.append(
        {
            "name": "dialog_100k_rss_mib",
            "value": round(rss, 1),
            "unit": "MiB",
            "target": RSS_TARGET_MIB,
            "target_met": rss <= RSS_TARGET_MIB,
            "before_load": round(large["rss_before_mib"], 1),
            "load_s": round(large["load_s"], 1),
            "after_filters": round(large["rss_after_mib"], 1),
            "peak_hwm": round(large["hwm_mib"], 1),
            "note": "VmRSS of the console process with all items in the Dialog area "
            "(after gc.collect); before_load: the same window on an incident without "
            f"items; peak_hwm: VmHWM; {setup}",
        }
    )
    return entries


def run() -> dict[str, Any]:
    """Measure all three; returns the headline numbers and results.json entries."""
    from bench import dialog_gui

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # as bench.sampling's children
    with tempfile.TemporaryDirectory(prefix="kriseninfo-bench-dialog-") as name:
        tmp = Path(name)
        with FeedServer(tmp / "feeds") as server:
            result = ingest(tmp / "ingest", server)
            gui = dialog_gui.measure(tmp / "gui", server.urls, GUI_RUNS, LARGE_ITEMS)
    described = machine()
    entries = _ingest_entries(result, described) + gui_entries(gui, described)
    return {"ingest": result, "gui": gui, "entries": entries}


def main() -> int:
    started = time.monotonic()
    results = run()
    print()
    print(report.table(results["entries"]))
    for entry in results["entries"]:
        if entry["name"] == "dialog_ingest_10000_s":
            print(
                f"  ingest phases (median): poll_due {entry['median_poll_due_s']} s, read "
                f"{entry['median_read_s']} s, merge into the model {entry['median_merge_s']} s"
            )
            for warning in entry.get("source_warnings", []):
                print(f"  source warning after the ingest: {warning}")
        if entry["name"] == "dialog_gui_max_stall_ms" and entry["value"] is not None:
            print(
                f"  GUI stall: worst {entry['worst']} ms, warm-up {entry['warmup']} ms, "
                f"idle {entry['idle_baseline']} ms, after arrival "
                f"{entry['after_arrival_stall_ms']} ms; arrival {entry['arrival_s']} s"
            )
        elif entry.get("value") is None:
            print(f"  {entry['name']}: {entry.get('note')}")
        if entry["name"] == "dialog_100k_rss_mib":
            print(
                f"  RSS: {entry['before_load']} MiB before loading, {entry['value']} MiB "
                f"loaded, {entry['after_filters']} MiB after the filter changes, peak "
                f"{entry['peak_hwm']} MiB"
            )
    print(f"\ntotal {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
