"""How the after-action report prints values and facts in German, shared by HTML and PDF.

Spans are on the incident's clock ("1:05:03"), moments in local time ("27.11.2026, 15:04 Uhr").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kriseninfo.review.compare import Comparison, Verdict, rounded
from kriseninfo.review.model import Review, Unit

#: Printed for a figure without a value: what it measures did not happen.
NOT_REACHED = "–"
NOT_REACHED_MEANING = "nicht erreicht"
EMPTY_SENTENCE = (
    "In diesem Einsatz gab es keine Aktivität: keine Eingänge, keine Antworten, keine Meldungen."
)
LOCAL_ZONE = "Europe/Berlin"


def local_zone() -> tzinfo | None:
    """Europe/Berlin; None (this computer's local time) where the zone database is missing."""
    try:
        return ZoneInfo(LOCAL_ZONE)
    except ZoneInfoNotFoundError:
        return None


def duration(seconds: float | None) -> str:
    """ "0:42", "12:04", "1:05:03"; "–" for None."""
    if seconds is None:
        return NOT_REACHED
    total = rounded(seconds, Unit.SECONDS)
    sign = "-" if total < 0 else ""
    hours, rest = divmod(abs(total), 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes}:{secs:02d}"


def count(value: float | None) -> str:
    """ "7", "1.234" (German thousands separator); "–" for None."""
    if value is None:
        return NOT_REACHED
    return f"{rounded(value, Unit.COUNT):,}".replace(",", ".")


def share(value: float | None) -> str:
    """ "75 %" for 0.75; "–" for None."""
    if value is None:
        return NOT_REACHED
    return f"{rounded(value, Unit.SHARE)} %"


_BY_UNIT: dict[Unit, Callable[[float | None], str]] = {
    Unit.SECONDS: duration,
    Unit.COUNT: count,
    Unit.SHARE: share,
}


def figure_value(value: float | None, unit: Unit) -> str:
    return _BY_UNIT[unit](value)


def moment(at: datetime, zone: tzinfo | None = None) -> str:
    """ "27.11.2026, 15:04 Uhr" in `zone` (None: Europe/Berlin)."""
    return at.astimezone(zone or local_zone()).strftime("%d.%m.%Y, %H:%M Uhr")


def day(at: datetime, zone: tzinfo | None = None) -> str:
    """ "27.11.2026" in `zone` (None: Europe/Berlin)."""
    return at.astimezone(zone or local_zone()).strftime("%d.%m.%Y")


def decimal(value: float) -> str:
    """ "60", "1,5": at most two decimals, German comma."""
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def clock(review: Review) -> str:
    """ "Übungsuhr 60×" for a drill, "Echtzeit" for a real incident."""
    if review.drill:
        return f"Übungsuhr {decimal(review.speed)}×"
    return "Echtzeit"


def kind(review: Review) -> str:
    """ "Übung" or "Einsatz", for sentences about a review."""
    return "Übung" if review.drill else "Einsatz"


def since_start(seconds: float | None) -> str:
    """When a message went out, on the incident's clock."""
    if seconds is None:
        return "nicht veröffentlicht"
    return f"{duration(seconds)} nach Beginn"


def facts(review: Review, zone: tzinfo | None = None) -> list[tuple[str, str]]:
    """The report's head: what was reviewed, when, and on which clock."""
    playbook = review.playbook_title or review.playbook_id
    if review.playbook_title and review.playbook_id:
        playbook = f"{review.playbook_title} ({review.playbook_id})"
    ended = moment(review.ended_at, zone) if review.ended_at else "läuft noch"
    return [
        ("Lage", f"Nr. {review.incident_id}"),
        ("Art", "Übung" if review.drill else "Echter Einsatz"),
        ("Playbook", playbook or "keines"),
        ("Beginn", moment(review.started_at, zone)),
        ("Ende", ended),
        ("Dauer", duration(review.duration)),
        ("Uhr", clock(review)),
        ("Erstellt am", moment(review.generated_at, zone)),
    ]


def previous_facts(previous: Review, zone: tzinfo | None = None) -> list[tuple[str, str]]:
    """What the comparison repeats about the previous review."""
    wanted = ("Lage", "Beginn", "Dauer", "Uhr")
    return [
        ("Titel", previous.incident_title),
        *((label, value) for label, value in facts(previous, zone) if label in wanted),
    ]


def comparison_heading(previous: Review, zone: tzinfo | None = None) -> str:
    """ "Vergleich mit der Übung vom 20.10.2026" (or "mit dem Einsatz vom …")."""
    article = "der Übung" if previous.drill else "dem Einsatz"
    return f"Vergleich mit {article} vom {day(previous.started_at, zone)}"


def cells(item: Comparison) -> tuple[str, str, str, str, str]:
    """A figure's row as printed: label, value now, note, value before, verdict."""
    unit = item.figure.unit
    before = figure_value(item.before, unit) if item.verdict is not Verdict.NEU else ""
    return (
        item.figure.label,
        figure_value(item.now, unit),
        item.figure.note,
        before,
        item.verdict.value,
    )


def change(item: Comparison) -> str:
    """ "Erste Warnung veröffentlicht nach: 15:00 → 6:42 (besser)"."""
    label, now, _, before, verdict = cells(item)
    if item.verdict is Verdict.NEU:
        return f"{label}: {now} ({verdict})"
    return f"{label}: {before} → {now} ({verdict})"


def summary(items: Sequence[Comparison]) -> str:
    """ "2 besser, 1 schlechter, 3 gleich", in the order of `Verdict`."""
    counts = Counter(item.verdict for item in items)
    parts = [f"{counts[verdict]} {verdict.value}" for verdict in Verdict if counts[verdict]]
    return ", ".join(parts) if parts else "keine Kennzahlen"
