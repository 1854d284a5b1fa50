"""`kriseninfo user add|list`."""

from __future__ import annotations

import click

from kriseninfo.cli.common import State, ask_secret, login, opened
from kriseninfo.storage.models import Role


@click.group()
def user() -> None:
    """People who work at the console."""


@user.command("list")
@click.option("--all", "include_inactive", is_flag=True, help="Include deactivated people.")
@click.pass_obj
def list_users(state: State, include_inactive: bool) -> None:
    with opened(state) as context:
        for person in context.users.list(include_inactive=include_inactive):
            status = "" if person.active else " (inactive)"
            click.echo(f"{person.id}\t{person.name}\t{person.role.value}{status}")


@user.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option("--by", "by_name", help="Your own name (a Leitung); not needed for the first person.")
@click.pass_obj
def add_user(state: State, name: str, role: str, by_name: str | None) -> None:
    """Add a person; asks for their new PIN (and yours, with --by)."""
    with opened(state) as context:
        by = login(context, by_name) if by_name else None
        pin = ask_secret(f"New PIN for {name}", confirm=True)
        person = context.users.create(name, Role(role), pin, by)
        click.echo(f"added {person.name} ({person.role.value}) as id {person.id}")
