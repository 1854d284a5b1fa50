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
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "pdf"]),
    default="csv",
    show_default=True,
    help="csv: every field, times in UTC; pdf: a printable Einsatztagebuch in local time.",
)
@click.option("--incident", "incident_id", type=int, help="Only this incident's entries.")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write to this file (default for csv: standard output; pdf needs a file).",
)
@click.pass_obj
def export(state: State, fmt: str, incident_id: int | None, output: Path | None) -> None:
    """Write the journal out (CSV with times in UTC, or PDF)."""
    if fmt == "pdf" and output is None:
        raise click.UsageError(
            "--format pdf needs -o/--output FILE; a PDF is not written to a terminal."
        )
    with opened(state) as context:
        if output is None:
            export_csv(context.journal.lines(incident_id), sys.stdout)
            return
        try:
            if fmt == "pdf":
                count = context.journal.export_pdf(
                    output, incident_id, generated_at=context.clock()
                )
            else:
                count = context.journal.export_csv(output, incident_id)
        except OSError as exc:
            fail(f"cannot write {output}: {exc.strerror or exc}")
    click.echo(f"{count} entries written to {output}", err=True)
