"""`kriseninfo playbook check|list|render|schema`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kriseninfo.cli.common import State, fail
from kriseninfo.errors import KriseninfoError
from kriseninfo.playbooks.check import check_file
from kriseninfo.playbooks.library import Library, bundled_dir
from kriseninfo.playbooks.problems import ProblemCode
from kriseninfo.playbooks.render import coerce, render_message, values_from_examples
from kriseninfo.playbooks.schema import ChannelKind, Language, json_schema

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2
UNREADABLE = {ProblemCode.CANNOT_READ}


@click.group()
def playbook() -> None:
    """Scenario playbooks: check, list, render."""


@playbook.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--bundled",
    is_flag=True,
    help="Apply the rules for bundled playbooks (German, Leichte Sprache and English required).",
)
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def check(files: tuple[Path, ...], bundled: bool, strict: bool) -> None:
    """Check playbooks completely; exit 0 ok, 1 errors, 2 a file cannot be read."""
    status = EXIT_OK
    for path in files:
        is_bundled = bundled or path.resolve().parent == bundled_dir().resolve()
        result = check_file(path, bundled=is_bundled)
        for problem in result.problems:
            click.echo(problem.located(path), err=True)
        if any(p.code in UNREADABLE for p in result.problems):
            status = max(status, EXIT_UNREADABLE)
        elif result.errors or (strict and result.warnings):
            status = max(status, EXIT_ERRORS)
        summary = "ok" if result.ok else "FAILED"
        click.echo(
            f"{path}: {summary} ({len(result.errors)} errors, {len(result.warnings)} warnings)"
        )
    raise SystemExit(status)


@playbook.command("list")
@click.pass_obj
def list_playbooks(state: State) -> None:
    """Bundled and own playbooks with their state."""
    library = Library(state.options.paths().user_playbook_dir)
    for entry in library.entries():
        book = entry.result.playbook
        origin = "bundled" if entry.bundled else "own"
        if book is None:
            click.echo(f"{entry.path.stem}\t-\t{origin}\tunreadable\t{entry.path}")
            continue
        state_text = "ok" if entry.result.ok else f"{len(entry.result.errors)} errors"
        languages = ",".join(language.value for language in book.languages)
        released = f"released {book.release.approved_at}" if book.release else "draft"
        click.echo(
            f"{book.id}\t{book.version}\t{origin}\t{state_text}\t{book.kind.value}\t"
            f"{languages}\t{released}\t{book.title}"
        )


@playbook.command()
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--phase", required=True)
@click.option("--channel", type=click.Choice([k.value for k in ChannelKind]), required=True)
@click.option(
    "--lang",
    "language",
    type=click.Choice([lang.value for lang in Language]),
    default="de",
    show_default=True,
)
@click.option(
    "--set",
    "assignments",
    multiple=True,
    metavar="NAME=VALUE",
    help="A parameter value (repeatable; street lists separated by ';'). "
    "Parameters not set use their example value.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON with lengths and limits.")
def render(
    file: Path, phase: str, channel: str, language: str, assignments: tuple[str, ...], as_json: bool
) -> None:
    """Render one message of a playbook."""
    result = check_file(file)
    if result.playbook is None:
        for problem in result.problems:
            click.echo(problem.located(file), err=True)
        fail("the playbook cannot be read; run `kriseninfo playbook check`", EXIT_UNREADABLE)
    raw = {}
    for assignment in assignments:
        name, sep, value = assignment.partition("=")
        if not sep:
            fail(f"--set needs NAME=VALUE, got {assignment!r}")
        raw[name.strip()] = value
    try:
        values = {**values_from_examples(result.playbook), **coerce(result.playbook, raw)}
        fields = render_message(
            result.playbook, phase, ChannelKind(channel), Language(language), values
        )
    except KriseninfoError as exc:
        fail(exc.detail)
    if as_json:
        payload = [
            {
                "field": f.name,
                "text": f.text,
                "length": f.length,
                "limit": f.maximum,
                "unit": f.unit,
                "fits": f.fits,
            }
            for f in fields
        ]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    for field in fields:
        if len(fields) > 1 or field.name != "text":
            click.echo(f"--- {field.name}")
        click.echo(field.text)
        if field.maximum is not None and not field.fits:
            click.echo(f"(too long: {field.length} of {field.maximum} {field.unit})", err=True)


@playbook.command()
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False))
def schema(output: Path | None) -> None:
    """Write the JSON Schema of the playbook format (for editors)."""
    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
