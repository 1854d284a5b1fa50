"""Incidents and their Lagebild: creating, editing, closing, reopening."""

from __future__ import annotations

import itertools
import threading
from datetime import UTC, datetime, timedelta, timezone

import pytest

from kriseninfo.context import AppContext
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.incidents.lagebild import LagebildField, LagebildWarning, warnings
from kriseninfo.incidents.service import IncidentService
from kriseninfo.journal import journal
from kriseninfo.storage.models import IncidentKind, IncidentMode, IncidentStatus
from kriseninfo.users.service import Person


def test_create_and_fill_the_lagebild(context: AppContext, leitung: Person) -> None:
    incident = context.incidents.create(
        "  Bombenfund   Innenstadt ",
        IncidentKind.BOMBENENTSCHAERFUNG,
        IncidentMode.REAL,
        leitung.actor,
    )
    assert incident.title == "Bombenfund Innenstadt"
    assert incident.status is IncidentStatus.OPEN and not incident.is_drill
    berlin = timezone(timedelta(hours=1))
    since = datetime(2026, 11, 27, 10, 15, 42, tzinfo=berlin)
    values = {
        LagebildField.WHAT_HAPPENED: "Bei Bauarbeiten wurde eine Fliegerbombe gefunden.",
        LagebildField.LOCATION: "Baustelle Neumarkt",
        LagebildField.SINCE: since,
        LagebildField.AFFECTED_AREA: "Radius 500 m um den Neumarkt",
        LagebildField.PUBLIC_ACTION: "Verlassen Sie das Gebiet bis 14 Uhr.",
        LagebildField.HOTLINE: "02841 201-555",
        LagebildField.WEB_LINK: "https://www.moers.de/bombe",
        LagebildField.NEXT_UPDATE_AT: since + timedelta(hours=1),
    }
    for field, value in values.items():
        context.incidents.set_field(incident.id, field, value, leitung.actor)
    stored = context.incidents.get(incident.id)
    assert stored.location == "Baustelle Neumarkt"
    assert stored.since == datetime(2026, 11, 27, 9, 15, tzinfo=UTC)  # UTC, to the minute
    assert stored.hotline == "02841 201-555"
    assert warnings(stored, since) == {}


def test_unchanged_value_writes_no_journal_line(context: AppContext, leitung: Person) -> None:
    incident = context.incidents.create(
        "Unwetter", IncidentKind.UNWETTER, IncidentMode.REAL, leitung.actor
    )
    for _ in range(3):
        context.incidents.set_field(incident.id, LagebildField.LOCATION, "Moers", leitung.actor)
    with context.database.session() as session:
        assert len(journal.lines(session, incident_id=incident.id)) == 2


def test_drill_is_marked_and_stays_a_drill(context: AppContext, leitung: Person) -> None:
    drill = context.incidents.create(
        "Übung Großbrand", IncidentKind.GROSSBRAND, IncidentMode.DRILL, leitung.actor
    )
    assert drill.is_drill
    assert "mode" not in {field.value for field in LagebildField}


def test_closed_incident_cannot_be_edited_until_reopened(
    context: AppContext, leitung: Person
) -> None:
    incident = context.incidents.create(
        "Großbrand", IncidentKind.GROSSBRAND, IncidentMode.REAL, leitung.actor
    )
    closed = context.incidents.close(incident.id, leitung.actor)
    assert closed.status is IncidentStatus.CLOSED and closed.closed_at is not None
    with pytest.raises(KriseninfoError) as caught:
        context.incidents.set_field(incident.id, LagebildField.LOCATION, "x", leitung.actor)
    assert caught.value.code is ErrorCode.INCIDENT_CLOSED
    reopened = context.incidents.reopen(incident.id, leitung.actor)
    assert reopened.is_open and reopened.closed_at is None
    context.incidents.set_field(incident.id, LagebildField.LOCATION, "x", leitung.actor)


def test_several_incidents_open_first(context: AppContext, leitung: Person) -> None:
    first = context.incidents.create("A", IncidentKind.SONSTIGE, IncidentMode.REAL, leitung.actor)
    second = context.incidents.create("B", IncidentKind.SONSTIGE, IncidentMode.DRILL, leitung.actor)
    context.incidents.close(second.id, leitung.actor)
    third = context.incidents.create("C", IncidentKind.UNWETTER, IncidentMode.REAL, leitung.actor)
    assert [i.id for i in context.incidents.list()] == [third.id, first.id, second.id]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        (LagebildField.SINCE, "heute"),
        (LagebildField.SINCE, datetime(2026, 1, 1)),  # no zone: ambiguous
        (LagebildField.LOCATION, None),
        (LagebildField.TITLE, "x" * 201),
    ],
)
def test_bad_values_are_refused_clearly(
    context: AppContext, leitung: Person, field: LagebildField, value: object
) -> None:
    incident = context.incidents.create(
        "A", IncidentKind.SONSTIGE, IncidentMode.REAL, leitung.actor
    )
    with pytest.raises(KriseninfoError) as caught:
        context.incidents.set_field(incident.id, field, value, leitung.actor)  # type: ignore[arg-type]
    assert caught.value.code is ErrorCode.INVALID_INPUT
    assert caught.value.params["field"] == field.value


def test_unknown_incident(context: AppContext, leitung: Person) -> None:
    with pytest.raises(KriseninfoError) as caught:
        context.incidents.get(999)
    assert caught.value.code is ErrorCode.NOT_FOUND


def test_lagebild_warnings(context: AppContext, leitung: Person) -> None:
    incident = context.incidents.create(
        "A", IncidentKind.SONSTIGE, IncidentMode.REAL, leitung.actor
    )
    for field, value in (
        (LagebildField.HOTLINE, "bitte anrufen"),
        (LagebildField.WEB_LINK, "www.moers"),
        (LagebildField.TITLE, " "),
        (LagebildField.NEXT_UPDATE_AT, datetime(2026, 11, 27, 8, 0, tzinfo=UTC)),
    ):
        context.incidents.set_field(incident.id, field, value, leitung.actor)
    found = warnings(context.incidents.get(incident.id), datetime(2026, 11, 27, 9, tzinfo=UTC))
    assert found == {
        LagebildField.HOTLINE: LagebildWarning.HOTLINE_INVALID,
        LagebildField.WEB_LINK: LagebildWarning.WEB_LINK_INVALID,
        LagebildField.TITLE: LagebildWarning.TITLE_EMPTY,
        LagebildField.NEXT_UPDATE_AT: LagebildWarning.NEXT_UPDATE_PAST,
    }


def test_same_field_from_two_consoles_keeps_old_and_new_consistent(
    context: AppContext, leitung: Person
) -> None:
    """Each journal line's old value is exactly the value the line before it wrote."""
    incident = context.incidents.create(
        "A", IncidentKind.SONSTIGE, IncidentMode.REAL, leitung.actor
    )
    consoles = [IncidentService(context.database, context.clock) for _ in range(2)]

    def write(service: IncidentService, name: str) -> None:
        for i in range(25):
            service.set_field(incident.id, LagebildField.LOCATION, f"{name} {i}", leitung.actor)

    threads = [
        threading.Thread(target=write, args=(s, n)) for s, n in zip(consoles, "AB", strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    with context.database.session() as session:
        changes = [
            line
            for line in journal.lines(session, incident_id=incident.id)
            if line.field == "location"
        ]
    assert len(changes) == 50
    for before, after in itertools.pairwise(changes):
        assert after.old_value == before.new_value
    assert context.incidents.get(incident.id).location == changes[-1].new_value


def test_pasted_control_characters_never_reach_the_database(
    context: AppContext, leitung: Person
) -> None:
    """PostgreSQL refuses NUL outright; SQLite would keep it. Neither gets it."""
    incident = context.incidents.create(
        "Stromausfall", IncidentKind.SONSTIGE, IncidentMode.REAL, leitung.actor
    )
    pasted = "Strom\x00ausfall in\x07 Meerbeck.\nSeit\t10 Uhr."
    saved = context.incidents.set_field(
        incident.id, LagebildField.WHAT_HAPPENED, pasted, leitung.actor
    )
    assert saved.what_happened == "Stromausfall in Meerbeck.\nSeit\t10 Uhr."
