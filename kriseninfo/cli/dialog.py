"""`kriseninfo dialog …`: an incident's feed sources and items, headless."""

from __future__ import annotations

import json
import time

import click

from kriseninfo.cli.common import State, login, opened


@click.group()
def dialog() -> None:
    """The dialog feed: sources (RSS/Atom) and the citizens' items they bring."""


@dialog.command("add-feed")
@click.argument("incident_id", type=int)
@click.argument("name")
@click.argument("url")
@click.option(
    "--interval",
    type=click.IntRange(15, 3600),
    default=60,
    show_default=True,
    help="Seconds between polls.",
)
@click.option("--user", "user_name", required=True, help="Who adds it (asked for the PIN).")
@click.pass_obj
def add_feed(
    state: State, incident_id: int, name: str, url: str, interval: int, user_name: str
) -> None:
    """Add an RSS/Atom feed (e.g. https://social.example/tags/moers.rss) to an incident."""
    with opened(state) as context:
        source = context.sources.add_feed(
            incident_id, name, url, login(context, user_name), interval
        )
    click.echo(f"source {source.id}: {source.name} ({source.address})")


@dialog.command()
@click.option("--loop", is_flag=True, help="Keep polling until stopped (Ctrl+C).")
@click.pass_obj
def poll(state: State, loop: bool) -> None:
    """Poll the sources that are due; print what each brought."""
    with opened(state) as context:
        while True:
            for polled in context.sources.poll_due():
                outcome = polled.error or ("unchanged" if polled.unchanged else "ok")
                click.echo(f"source {polled.source_id}: {polled.new_items} new, {outcome}")
            if not loop:
                return
            time.sleep(5)


@dialog.command("list")
@click.argument("incident_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.pass_obj
def list_(state: State, incident_id: int, as_json: bool) -> None:
    """The incident's items, oldest first."""
    with opened(state) as context:
        items = context.dialog.items(incident_id)
    for item in items:
        if as_json:
            click.echo(
                json.dumps(
                    {
                        "id": item.id,
                        "source": item.source_name,
                        "author": item.author,
                        "text": item.text,
                        "category": item.category.value if item.category else None,
                        "state": item.state,
                        "received_at": item.received_at.isoformat(),
                        "link": item.link,
                    },
                    ensure_ascii=False,
                )
            )
        else:
            category = item.category.value if item.category else "-"
            first = item.text.splitlines()[0][:80] if item.text else ""
            click.echo(f"{item.id:>6}  {category:<13} {item.state:<10} {first}")
