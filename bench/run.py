"""`python -m bench.run`: cold start and idle memory of the console vs. a bare PySide6 window.

Writes bench/results.json and prints a table. The database is seeded and migrated before
any timing, so the numbers describe an ordinary morning start, not the first install.
Children alternate (console, bare, console, ...) so drift on the machine hits both alike.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import tempfile
from pathlib import Path

import PySide6

from bench import dialog, publishing, report, triage
from bench.sampling import Sample, child_env, measure
from bench.seed import seed

RUNS = 15
IDLE_S = 3.0
COLD_START_TARGET = 1.5
RESULTS = Path(__file__).resolve().parent / "results.json"
CONSOLE = "bench.first_paint"
BARE = "bench.bare_qt"


def collect(data_dir: Path, env: dict[str, str]) -> tuple[list[Sample], list[Sample]]:
    """One discarded warm-up each (file and bytecode cache), then RUNS alternating pairs."""
    measure(CONSOLE, [str(data_dir)], 0, env, ready=True)
    measure(BARE, [], 0, env)
    console: list[Sample] = []
    bare: list[Sample] = []
    for run in range(1, RUNS + 1):
        console.append(measure(CONSOLE, [str(data_dir)], IDLE_S, env, ready=True))
        bare.append(measure(BARE, [], IDLE_S, env))
        print(
            f"run {run}/{RUNS}: kriseninfo {console[-1].first_paint_s:.3f} s, "
            f"bare Qt {bare[-1].first_paint_s:.3f} s, "
            f"Lagebild on screen {console[-1].ready_s or 0:.3f} s",
            flush=True,
        )
    return console, bare


def describe(env: dict[str, str]) -> str:
    return (
        f"database seeded and migrated before timing (3 people, 2 incidents, one a drill, "
        f"filled Lagebild); {RUNS} alternating runs after one discarded warm-up each; "
        f"bytecode cached as in an installed app; QT_QPA_PLATFORM={env['QT_QPA_PLATFORM']}; "
        f"Python {platform.python_version()}, PySide6 {PySide6.__version__}, "
        f"{platform.machine()}, {os.cpu_count()} CPUs"
    )


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="kriseninfo-bench-") as tmp:
        data_dir = Path(tmp) / "data"
        seed(data_dir)
        env = child_env(pycache=Path(tmp) / "pycache")
        console, bare = collect(data_dir, env)
    note = describe(env)
    results = report.entries(
        report.Paired(
            name="cold_start_first_paint_s",
            unit="s",
            digits=4,
            samples=[s.first_paint_s for s in console],
            baseline_samples=[s.first_paint_s for s in bare],
            note=(
                "wall time from spawn to the first painted main window (its frame and "
                "navigation; the areas follow once the database is open, see "
                f"cold_start_lagebild_s); {note}"
            ),
            ratio_name="cold_start_ratio",
            ratio_target=COLD_START_TARGET,
        )
    ) + report.entries(
        report.Paired(
            name="idle_rss_mib",
            unit="MiB",
            digits=1,
            samples=[s.idle_rss_kib / 1024 for s in console],
            baseline_samples=[s.idle_rss_kib / 1024 for s in bare],
            note=f"VmRSS after the window is shown and {IDLE_S:.0f} s idle; {note}",
            ratio_name="idle_rss_ratio",
        )
    )
    ready = [s.ready_s for s in console if s.ready_s is not None]
    results.append(
        {
            "name": "cold_start_lagebild_s",
            "value": round(statistics.median(ready), 4),
            "unit": "s",
            "runs": len(ready),
            "samples": [round(s, 4) for s in ready],
            "note": "wall time from spawn until the active incident's Lagebild is on screen "
            f"(database opened, areas built, data loaded; no PIN dialog); {note}",
        }
    )
    print("\npublishing queue: fan-out, throughput, GUI responsiveness …", flush=True)
    results += publishing.run()["entries"]
    print("\ndialog feed: ingest, GUI responsiveness, 100,000 items …", flush=True)
    results += dialog.run()["entries"]
    print("\ntriage: labelled questions, time per message …", flush=True)
    results += triage.run()["entries"]
    report.write(RESULTS, results)
    print()
    print(report.table(results))
    print(f"\nwritten: {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
