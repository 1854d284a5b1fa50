"""`kriseninfo`: without a subcommand it opens the console; subcommands work headless."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import ClassVar

import click

from kriseninfo import __version__
from kriseninfo.cli.common import State
from kriseninfo.cli.entry import start_console
from kriseninfo.logsetup import configure_logging
from kriseninfo.options import Options
from kriseninfo.settings import LANGUAGES


class LazyGroup(click.Group):
    """Subcommands are imported when used, so starting the window loads no CLI code."""

    LAZY: ClassVar[dict[str, str]] = {
        "channel": "kriseninfo.cli.publishing:channel",
        "count": "kriseninfo.cli.count:count",
        "dialog": "kriseninfo.cli.dialog:dialog",
        "drill": "kriseninfo.cli.drills:drill",
        "incident": "kriseninfo.cli.incidents:incident",
        "ingest": "kriseninfo.cli.ingest:ingest",
        "journal": "kriseninfo.cli.journal:journal",
        "playbook": "kriseninfo.cli.playbooks:playbook",
        "queue": "kriseninfo.cli.publishing:queue",
        "review": "kriseninfo.cli.drills:review",
        "user": "kriseninfo.cli.users:user",
        "worker": "kriseninfo.cli.publishing:worker",
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.LAZY})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = self.LAZY.get(cmd_name)
        if target is None:
            return super().get_command(ctx, cmd_name)
        module, name = target.split(":")
        command: click.Command = getattr(importlib.import_module(module), name)
        return command


@click.group(
    cls=LazyGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, "--version", prog_name="kriseninfo")
@click.option(
    "--db",
    "db_url",
    metavar="URL",
    help="Database URL (default: SQLite in the data dir; also KRISENINFO_DB), "
    "e.g. postgresql+psycopg://user@host/kriseninfo",
)
@click.option(
    "--data-dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Keep data, settings and logs under this folder.",
)
@click.option("--lang", type=click.Choice(LANGUAGES), help="Language of the console.")
@click.option("-v", "--verbose", count=True, help="Log to stderr (-vv for debug).")
@click.pass_context
def cli(
    ctx: click.Context, db_url: str | None, data_dir: Path | None, lang: str | None, verbose: int
) -> None:
    """Kriseninfo, the crisis communication console. Without a command it opens the window."""
    options = Options(db_url=db_url, data_dir=data_dir)
    ctx.obj = State(options=options, verbose=verbose)
    if ctx.invoked_subcommand is None:
        sys.exit(start_console(options, lang, verbose))
    configure_logging(options.paths().log_dir, verbose)


@cli.command()
@click.pass_obj
def doctor(state: State) -> None:
    """Show data dir, database and schema, keyring, Qt and playbook folders."""
    from kriseninfo.doctor import report

    rows = report(state.options)
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        click.echo(f"{label + ':':<{width + 1}} {value}")
