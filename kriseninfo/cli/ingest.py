"""`kriseninfo ingest SOURCE`: read a feed (a URL or a file) and print its items, one JSON
object per line, exactly as the dialog feed would take them."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click


@click.command()
@click.argument("source")
@click.option(
    "--warnings", "show_warnings", is_flag=True, help="Print the feed's warnings to stderr."
)
def ingest(source: str, show_warnings: bool) -> None:
    """Print the normalised items of SOURCE (http(s) URL or file) as JSON lines.

    Exit 0 with the items (a broken feed gives what could be read), or 1 with a one-line
    reason when nothing could be read at all."""
    from kriseninfo.dialog.feeds import parse_feed
    from kriseninfo.dialog.fetch import FetchError, fetch

    headers: dict[str, str] = {}
    if source.lower().startswith(("http://", "https://")):
        try:
            fetched = fetch(source)
        except FetchError as error:
            _fail(f"{source}: {error}")
        data, headers = fetched.data, fetched.headers
    else:
        try:
            data = Path(source).read_bytes()
        except OSError as error:
            _fail(f"{source}: {error.strerror or type(error).__name__}")
    parsed = parse_feed(data, source, headers)
    if not parsed.items and parsed.warnings and not data.strip():
        _fail(f"{source}: empty")
    out = sys.stdout
    for item in parsed.items:
        out.write(json.dumps(item.as_json(), ensure_ascii=False) + "\n")
    if show_warnings:
        for warning in parsed.warnings:
            click.echo(f"warning: {warning}", err=True)


def _fail(reason: str) -> None:
    click.echo(f"kriseninfo: {' '.join(reason.split())}", err=True)
    raise SystemExit(1)
