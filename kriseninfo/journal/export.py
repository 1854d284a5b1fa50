"""Writing journal lines out as CSV, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO

from kriseninfo.journal.records import JournalLine

CSV_COLUMNS = (
    "seq",
    "recorded_at_utc",
    "user",
    "incident_id",
    "action",
    "field",
    "old",
    "new",
    "hash",
)


def export_csv(journal_lines: Iterable[JournalLine], out: IO[str]) -> int:
    """Write lines as CSV (UTC ISO times); returns how many were written."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    count = 0
    for line in journal_lines:
        writer.writerow(
            [
                line.seq,
                line.recorded_at.isoformat(timespec="seconds"),
                _csv_safe(line.user_name),
                "" if line.incident_id is None else line.incident_id,
                line.action,
                line.field,
                _csv_safe(line.old_value),
                _csv_safe(line.new_value),
                line.hash,
            ]
        )
        count += 1
    return count


def _csv_safe(value: str | None) -> str:
    """Neutralise spreadsheet formulas: a citizen's text must never run in Excel."""
    if value is None:
        return ""
    if value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
