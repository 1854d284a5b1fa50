"""`kriseninfo incident list|create|set|close|reopen`."""

from __future__ import annotations

from datetime import datetime

import click

from kriseninfo.cli.common import State, fail, login, opened
from kriseninfo.incidents.lagebild import FieldType, FieldValue, LagebildField
from kriseninfo.storage.models import IncidentKind, IncidentMode


@click.group()
def incident() -> None:
    """Incidents (Lagen) and their Lagebild."""


@incident.command("list")
@click.pass_obj
def list_incidents(state: State) -> None:
    with opened(state) as context:
        for item in context.incidents.list():
            mode = "UEBUNG" if item.is_drill else "REAL"
            click.echo(f"{item.id}\t{item.status.value}\t{mode}\t{item.kind.value}\t{item.title}")


@incident.command("create")
@click.option("--title", required=True)
@click.option("--kind", type=click.Choice([k.value for k in IncidentKind]), required=True)
@click.option("--drill", is_flag=True, help="An exercise (Übung); never reaches the public.")
@click.option("--user", "user_name", required=True, help="Who you are (asks for your PIN).")
@click.pass_obj
def create(state: State, title: str, kind: str, drill: bool, user_name: str) -> None:
    with opened(state) as context:
        by = login(context, user_name)
        mode = IncidentMode.DRILL if drill else IncidentMode.REAL
        created = context.incidents.create(title, IncidentKind(kind), mode, by.actor)
        click.echo(str(created.id))


@incident.command("set")
@click.argument("incident_id", type=int)
@click.argument("field", type=click.Choice([f.value for f in LagebildField]))
@click.argument("value")
@click.option("--user", "user_name", required=True)
@click.pass_obj
def set_field(state: State, incident_id: int, field: str, value: str, user_name: str) -> None:
    """Set one Lagebild field; times as ISO 8601 with zone, e.g. 2026-11-27T14:30+01:00."""
    lagebild_field = LagebildField(field)
    parsed: FieldValue = value
    if lagebild_field.type is FieldType.TIME:
        try:
            parsed = datetime.fromisoformat(value) if value else None
        except ValueError:
            fail(f"{field}: {value!r} is not an ISO 8601 time")
        if parsed is not None and parsed.tzinfo is None:
            fail(f"{field}: give the time zone, e.g. {value}+01:00")
    with opened(state) as context:
        by = login(context, user_name)
        context.incidents.set_field(incident_id, lagebild_field, parsed, by.actor)


@incident.command("close")
@click.argument("incident_id", type=int)
@click.option("--user", "user_name", required=True)
@click.pass_obj
def close(state: State, incident_id: int, user_name: str) -> None:
    with opened(state) as context:
        context.incidents.close(incident_id, login(context, user_name).actor)


@incident.command("reopen")
@click.argument("incident_id", type=int)
@click.option("--user", "user_name", required=True)
@click.pass_obj
def reopen(state: State, incident_id: int, user_name: str) -> None:
    with opened(state) as context:
        context.incidents.reopen(incident_id, login(context, user_name).actor)
