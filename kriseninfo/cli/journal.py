"""`kriseninfo journal verify|export`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kriseninfo.cli.common import State, opened
from kriseninfo.journal import journal as journal_store


@click.group()
def journal() -> None:
    """The Einsatztagebuch (incident journal)."""


@journal.command()
@click.pass_obj
def verify(state: State) -> None:
    """Check the hash chain; exit 1 and name the first broken entry if it does not hold."""
    with opened(state) as context, context.database.session() as session:
        result = journal_store.verify(session)
    if result.first_break is None:
        click.echo(f"journal ok: {result.entries} entries, chain intact")
        return
    broken = result.first_break
    click.echo(f"journal BROKEN at entry {broken.seq}: {broken.reason}", err=True)
    raise SystemExit(1)


@journal.command()
@click.option("--format", "fmt", type=click.Choice(["csv"]), default="csv", show_default=True)
@click.option("--incident", "incident_id", type=int, help="Only this incident's entries.")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write to this file (default: standard output).",
)
@click.pass_obj
def export(state: State, fmt: str, incident_id: int | None, output: Path | None) -> None:
    """Write the journal out (times in UTC)."""
    with opened(state) as context, context.database.session() as session:
        lines = journal_store.lines(session, incident_id=incident_id)
    if output is None:
        journal_store.export_csv(lines, sys.stdout)
        return
    with output.open("w", encoding="utf-8", newline="") as handle:
        count = journal_store.export_csv(lines, handle)
    click.echo(f"{count} entries written to {output}", err=True)
