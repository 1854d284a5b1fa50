"""Turning paired samples (Kriseninfo vs. bare Qt) into results.json entries and a table.

Every absolute number travels with the baseline measured in the same run, because a cold
start on a busy CI machine means nothing alone; the ratio is what can be compared.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

Entry = dict[str, object]


@dataclass(frozen=True)
class Paired:
    """One quantity measured for the console and for the bare-Qt baseline."""

    name: str
    unit: str
    digits: int
    samples: Sequence[float]
    baseline_samples: Sequence[float]
    note: str
    ratio_name: str
    ratio_target: float | None = None

    @property
    def value(self) -> float:
        return statistics.median(self.samples)

    @property
    def baseline(self) -> float:
        return statistics.median(self.baseline_samples)

    @property
    def ratio(self) -> float:
        return self.value / self.baseline


def entries(paired: Paired) -> list[Entry]:
    """The absolute entry (median, with baseline) and the ratio-of-medians entry."""
    common: Entry = {
        "baseline": round(paired.baseline, paired.digits),
        "runs": len(paired.samples),
        "samples": [round(s, paired.digits) for s in paired.samples],
        "baseline_samples": [round(s, paired.digits) for s in paired.baseline_samples],
        "note": paired.note,
    }
    absolute: Entry = {
        "name": paired.name,
        "value": round(paired.value, paired.digits),
        "unit": paired.unit,
        **common,
    }
    ratio: Entry = {"name": paired.ratio_name, "value": round(paired.ratio, 3), "unit": "x"}
    if paired.ratio_target is not None:
        ratio["target"] = paired.ratio_target
        ratio["target_met"] = paired.ratio <= paired.ratio_target
    ratio.update(common)
    ratio["baseline_unit"] = paired.unit
    return [absolute, ratio]


def write(path: Path, results: list[Entry]) -> None:
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def table(results: list[Entry]) -> str:
    """A few aligned lines for the terminal; the JSON file has every sample."""
    rows = [("measure", "kriseninfo", "baseline", "target")]
    for entry in results:
        unit = str(entry["unit"])
        baseline = "" if "baseline" not in entry or unit == "x" else f"{entry['baseline']} {unit}"
        if baseline and "baseline_label" in entry:  # bare Qt unless said otherwise
            baseline += f" ({entry['baseline_label']})"
        target = ""
        if "target" in entry:
            op = entry.get("target_op", "≤")
            target = f"{op} {entry['target']} ({'met' if entry['target_met'] else 'MISSED'})"
        value = "n/a" if entry["value"] is None else f"{entry['value']} {unit}"
        rows.append((str(entry["name"]), value, baseline, target))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )
