"""`python -m bench.triage`: the triage on the labelled questions in tests/data/triage/ and
its speed: per message (verdict and Textbausteine) and 10,000 different messages.

Each labelled set is reported on its own (dev, holdout, final, unseen, fresh: written one
after the other, each before the triage was tuned on it) and all together, and the blind
set (tests/data/triage-blind, never tuned on) apart. Time per message is
the median of five passes over every labelled question; 10,000 messages are the labelled
ones with a sentence of another one added, so no two are alike.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.dialog import machine
from bench.report import table
from kriseninfo.messagesets.facts import examples
from kriseninfo.playbooks.library import Library
from kriseninfo.triage.classify import Triage
from kriseninfo.triage.evaluate import Labelled, evaluate, load
from kriseninfo.triage.incident import TriageContext

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "triage"
#: Questions kept apart: the triage was never tuned on them (tests hold no targets on
#: them); a session that learns from them must say so and write a new blind set.
BLIND = DATA.parent / "triage-blind"
#: The issue's targets: (name, target, at least or at most).
TARGETS: dict[str, tuple[float, str]] = {
    "triage_emergency_recall": (1.0, "≥"),
    "triage_false_emergency_rate": (0.05, "≤"),
    "triage_rumour_recall": (0.9, "≥"),
    "triage_category_accuracy": (0.85, "≥"),
    "answer_top1": (0.75, "≥"),
    "answer_top3": (0.9, "≥"),
    "triage_ms_per_item": (5.0, "≤"),
    "triage_10000_items_s": (30.0, "≤"),
}
PASSES = 5
SURGE = 10_000


def _entry(name: str, value: float, unit: str, note: str, **extra: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": name, "value": value, "unit": unit, "note": note, **extra}
    if name in TARGETS:
        target, op = TARGETS[name]
        entry["target"] = target
        entry["target_op"] = op
        entry["target_met"] = value >= target if op == "≥" else value <= target
    return entry


def figures(sets: dict[str, list[Labelled]], library: Library) -> list[dict[str, Any]]:
    entries = []
    every = [item for items in sets.values() for item in items]
    for label, items in [*sets.items(), ("all", every)]:
        shown = evaluate(items, library.find).as_dict()
        for name in TARGETS:
            if name in shown and name != "ms_per_item":
                entries.append(
                    _entry(
                        name if label == "all" else f"{name}[{label}]",
                        shown[name],
                        "share",
                        f"{shown['items']} labelled questions ({label})",
                    )
                )
    return entries


def speed(every: Sequence[Labelled], library: Library) -> list[dict[str, Any]]:
    passes = []
    for _ in range(PASSES):
        passes.append(evaluate(every, library.find).as_dict()["ms_per_item"])
    ms = statistics.median(passes)
    rng = random.Random(16)
    surge = [
        Labelled(
            item.playbook, f"{item.text} {rng.choice(every).text.split('.')[0]}", item.category
        )
        for item in (rng.choice(every) for _ in range(SURGE))
    ]
    triages = {}
    for playbook_id in {item.playbook for item in surge}:
        playbook = library.find(playbook_id)
        triages[playbook_id] = Triage(TriageContext.of(playbook, examples(playbook)))
    started = time.perf_counter()
    for item in surge:  # as the feed's ingest does: the category and why of each
        triages[item.playbook].verdict(item.text)
    surge_s = time.perf_counter() - started
    described = machine()
    return [
        _entry(
            "triage_ms_per_item",
            round(ms, 3),
            "ms",
            f"verdict and Textbausteine per message, median of {PASSES} passes over "
            f"{len(every)} labelled questions (samples {passes}); {described}",
        ),
        _entry(
            "triage_10000_items_s",
            round(surge_s, 2),
            "s",
            f"{SURGE} different messages (labelled ones with a sentence of another added) "
            f"triaged as the feed's ingest does (category, emergency, why; the Textbausteine "
            f"are ranked when an item is opened, see triage_ms_per_item), one pass; "
            f"{described}",
        ),
    ]


def run() -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="kriseninfo-bench-triage-") as name:
        library = Library(Path(name))
        sets = {path.name: load(path.glob("*.yaml")) for path in sorted(DATA.iterdir())}
        sets = {label: items for label, items in sets.items() if items}
        entries = figures(sets, library)
        blind = load(BLIND.glob("*.yaml"))
        if blind:
            entries += [
                {**entry, "note": f"{entry['note']}, never tuned on (tests/data/triage-blind)"}
                for entry in figures({"blind": blind}, library)
                if "[blind]" in entry["name"]
            ]
        entries += speed([item for items in sets.values() for item in items], library)
    return {"entries": entries}


def main() -> int:
    print(table(run()["entries"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
