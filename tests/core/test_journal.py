"""The Einsatztagebuch: append-only, hash-chained, verifiable, exportable — on both databases."""

from __future__ import annotations

import csv
import io

from sqlalchemy import delete, text, update

from kriseninfo.context import AppContext
from kriseninfo.incidents.lagebild import LagebildField
from kriseninfo.journal import journal
from kriseninfo.journal.actions import Action
from kriseninfo.storage.models import IncidentKind, IncidentMode, JournalEntry
from kriseninfo.users.service import Person


def _fill(context: AppContext, leitung: Person) -> int:
    incident = context.incidents.create(
        "Großbrand Hafen", IncidentKind.GROSSBRAND, IncidentMode.REAL, leitung.actor
    )
    for value in ("Lagerhalle brennt", "Lagerhalle brennt, Rauch zieht nach Osten"):
        context.incidents.set_field(incident.id, LagebildField.WHAT_HAPPENED, value, leitung.actor)
    return incident.id


def _verify(context: AppContext) -> journal.VerifyResult:
    with context.database.session() as session:
        return journal.verify(session)


def test_every_change_is_recorded_with_old_and_new(context: AppContext, leitung: Person) -> None:
    incident_id = _fill(context, leitung)
    with context.database.session() as session:
        lines = journal.lines(session, incident_id=incident_id)
    assert [line.action for line in lines] == [
        Action.INCIDENT_CREATED,
        Action.INCIDENT_CHANGED,
        Action.INCIDENT_CHANGED,
    ]
    last = lines[-1]
    assert last.user_name == "Anna Adler"
    assert last.field == "what_happened"
    assert last.old_value == "Lagerhalle brennt"
    assert last.new_value == "Lagerhalle brennt, Rauch zieht nach Osten"
    assert last.recorded_at.utcoffset() is not None and last.recorded_at.utcoffset().seconds == 0
    assert [line.seq for line in lines] == sorted(line.seq for line in lines)


def test_intact_chain_verifies(context: AppContext, leitung: Person) -> None:
    _fill(context, leitung)
    result = _verify(context)
    assert result.ok
    assert result.entries == 4  # person created + incident created + two changes


def test_altered_entry_is_named(context: AppContext, leitung: Person) -> None:
    _fill(context, leitung)
    with context.database.session() as session:
        session.execute(
            update(JournalEntry).where(JournalEntry.seq == 3).values(new_value="harmlos")
        )
    result = _verify(context)
    assert result.first_break is not None
    assert result.first_break.seq == 3
    assert "altered" in result.first_break.reason


def test_rehashed_entry_breaks_the_link_to_the_next(context: AppContext, leitung: Person) -> None:
    """Someone who alters a line and recomputes its hash still breaks the next line."""
    _fill(context, leitung)
    with context.database.session() as session:
        row = session.query(JournalEntry).filter(JournalEntry.seq == 2).one()
        row.new_value = "gefälscht"
        row.hash = journal.entry_hash(journal._content(row), row.prev_hash)
    result = _verify(context)
    assert result.first_break is not None
    assert result.first_break.seq == 3
    assert "link" in result.first_break.reason


def test_deleted_middle_entry_is_named(context: AppContext, leitung: Person) -> None:
    _fill(context, leitung)
    with context.database.session() as session:
        session.execute(delete(JournalEntry).where(JournalEntry.seq == 2))
    result = _verify(context)
    assert result.first_break is not None
    assert result.first_break.seq == 2
    assert "missing" in result.first_break.reason


def test_deleted_last_entry_is_noticed(context: AppContext, leitung: Person) -> None:
    _fill(context, leitung)
    with context.database.session() as session:
        session.execute(delete(JournalEntry).where(JournalEntry.seq == 4))
    result = _verify(context)
    assert result.first_break is not None
    assert result.first_break.seq == 4


def test_raw_sql_tampering_is_noticed(context: AppContext, leitung: Person) -> None:
    _fill(context, leitung)
    with context.database.connect() as connection:
        connection.execute(text("UPDATE journal_entry SET user_name = 'Jemand' WHERE seq = 1"))
    result = _verify(context)
    assert result.first_break is not None and result.first_break.seq == 1


def test_csv_export_has_every_entry_and_defuses_formulas(
    context: AppContext, leitung: Person
) -> None:
    incident_id = _fill(context, leitung)
    context.incidents.set_field(
        incident_id, LagebildField.HOTLINE, '=HYPERLINK("http://x")', leitung.actor
    )
    with context.database.session() as session:
        lines = journal.lines(session)
    out = io.StringIO()
    assert journal.export_csv(lines, out) == 5
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0][:3] == ["seq", "recorded_at_utc", "user"]
    assert len(rows) == 6
    assert rows[-1][7].startswith("'=HYPERLINK")
    assert rows[3][1].endswith("+00:00")
