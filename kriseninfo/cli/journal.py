"""`kriseninfo journal verify|export`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kriseninfo.cli.common import State, fail, opened
from kriseninfo.journal.export import export_csv


@click.group()
def journal() -> None:
    """The Einsatztagebuch (incident journal)."""


@journal.command()
@click.pass_obj
def verify(state: State) -> None:
    """Check the hash chain; exit 1 and name the first broken entry if it does not hold."""
    with opened(state) as context:
        result = context.journal.verify()
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
    with opened(state) as context:
        if output is None:
            export_csv(context.journal.lines(incident_id), sys.stdout)
            return
        try:
            count = context.journal.export_csv(output, incident_id)
        except OSError as exc:
            fail(f"cannot write {output}: {exc.strerror or exc}")
    click.echo(f"{count} entries written to {output}", err=True)
