"""`kriseninfo dialog …`: an incident's feed sources and items, headless."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

import click

from kriseninfo.cli.common import State, fail, login, opened
from kriseninfo.playbooks.kinds import Category

if TYPE_CHECKING:
    from kriseninfo.triage.service import Result


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
@click.option(
    "--while-parent",
    "parent_pid",
    type=int,
    default=None,
    help="With --loop: stop when the process with this id (the console) has ended.",
)
@click.pass_obj
def poll(state: State, loop: bool, parent_pid: int | None) -> None:
    """Poll the sources that are due; print what each brought. With --loop it also
    deletes callback numbers whose time is up, as the console's poller does."""
    with opened(state) as context:
        if not loop:
            for polled in context.sources.poll_due():
                outcome = polled.error or ("unchanged" if polled.unchanged else "ok")
                click.echo(f"source {polled.source_id}: {polled.new_items} new, {outcome}")
            return
        from kriseninfo.dialog.poller import Poller

        poller = Poller(context.sources, context.dialog)
        poller.run_until(lambda: parent_pid is not None and os.getppid() != parent_pid)


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


@dialog.command("add-account")
@click.argument("incident_id", type=int)
@click.argument("account_id", type=int)
@click.option("--interval", type=click.IntRange(15, 3600), default=60, show_default=True)
@click.option("--user", "user_name", required=True, help="Who adds it (asked for the PIN).")
@click.pass_obj
def add_account(
    state: State, incident_id: int, account_id: int, interval: int, user_name: str
) -> None:
    """Read the mentions of and replies to one of our Mastodon or Bluesky accounts."""
    with opened(state) as context:
        source = context.sources.add_account(
            incident_id, account_id, login(context, user_name), interval
        )
    click.echo(f"source {source.id}: {source.name}")


@dialog.command()
@click.argument("item_ids", type=int, nargs=-1, required=True)
@click.option("--text", help="The answer; default: the Textbaustein's text.")
@click.option("--textbaustein", "answer_id", default="", help="Id of the Textbaustein used.")
@click.option("--user", "user_name", required=True, help="Who answers (asked for the PIN).")
@click.pass_obj
def answer(
    state: State, item_ids: tuple[int, ...], text: str | None, answer_id: str, user_name: str
) -> None:
    """Answer one or many items with one text (on their own channel where they have one)."""
    with opened(state) as context:
        person = login(context, user_name)
        if text is None:
            found = [
                s for s in context.answers.suggestions(item_ids[0], 20) if s.answer_id == answer_id
            ]
            if not answer_id or not found:
                raise click.UsageError("give --text, or --textbaustein with a known id")
            text = found[0].text
        done = context.answers.answer(list(item_ids), text, person, answer_id)
    how = "sent without a second release" if done.released else "waiting for release"
    if done.set_id is not None:
        click.echo(f"set {done.set_id}: {how}")
    if done.by_hand:
        click.echo(f"{done.by_hand} item(s) to answer by hand (no channel)")


@dialog.command()
@click.argument("category", type=click.Choice([c.value for c in Category]))
@click.argument("minutes", type=click.FloatRange(0.5, 7 * 24 * 60))
@click.option("--user", "user_name", required=True, help="Leitung (asked for the PIN).")
@click.pass_obj
def target(state: State, category: str, minutes: float, user_name: str) -> None:
    """Set the response target of a category (Leitung)."""
    with opened(state) as context:
        context.response_targets.set(
            Category(category), timedelta(minutes=minutes), login(context, user_name)
        )
        for name, value in context.response_targets.all().items():
            click.echo(f"{name.value:<14} {int(value.total_seconds() // 60)} min")


@dialog.command()
@click.argument("incident_id", type=int)
@click.pass_obj
def faq(state: State, incident_id: int) -> None:
    """Clusters of similar open questions (Häufige Fragen), the largest first."""
    from kriseninfo.dialog.followups import clusters

    with opened(state) as context:
        found = clusters(context.dialog.items(incident_id, limit=100_000))
    for cluster in found:
        ids = ",".join(str(i) for i in cluster.item_ids)
        click.echo(f"{cluster.size:>4} × {cluster.question}  [{ids}]")


@dialog.command()
@click.argument("texts", nargs=-1)
@click.option("--playbook", "playbook_id", default=None, help="The playbook's id.")
@click.option(
    "--incident",
    "incident_id",
    type=int,
    default=None,
    help="Use this incident's playbook and facts (default: the playbook's example facts).",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per message.")
@click.option("--limit", type=click.IntRange(1, 20), default=3, show_default=True)
@click.pass_obj
def triage(
    state: State,
    texts: tuple[str, ...],
    playbook_id: str | None,
    incident_id: int | None,
    as_json: bool,
    limit: int,
) -> None:
    """The first guess for a message: category, emergency and why, and the best
    Textbausteine. Without TEXT (or with "-"), one message per line of standard input."""
    import sys

    messages = [t for t in texts if t != "-"]
    if not messages or "-" in texts:
        messages += [line.rstrip("\n") for line in sys.stdin if line.strip()]
    if incident_id is not None:
        with opened(state) as context:
            results = [context.triage.triage(m, playbook_id, incident_id) for m in messages]
    else:
        offline = _offline_triage(state, playbook_id)
        results = [offline(m) for m in messages]
    for message, result in zip(messages, results, strict=True):
        verdict = result.verdict
        if as_json:
            shown = {
                "category": verdict.category.value,
                "emergency": verdict.emergency,
                "why": list(verdict.why),
                "suggestions": [
                    {"answer_id": r.answer.id, "title": r.answer.title, "score": round(r.score, 1)}
                    for r in result.answers[:limit]
                ],
            }
            click.echo(json.dumps(shown, ensure_ascii=False))
            continue
        mark = "NOTFALL " if verdict.emergency else ""
        click.echo(f"{mark}{verdict.category.value} ({verdict.reason or '-'}): {message[:70]}")
        for ranked in result.answers[:limit]:
            click.echo(f"  {ranked.score:5.1f}  {ranked.answer.id}  {ranked.answer.title}")


def _offline_triage(state: State, playbook_id: str | None) -> Callable[[str], Result]:
    """A playbook's triage with its example facts, without opening the database."""
    from kriseninfo.errors import KriseninfoError
    from kriseninfo.messagesets.facts import examples
    from kriseninfo.playbooks.library import Library
    from kriseninfo.triage.classify import Triage
    from kriseninfo.triage.incident import TriageContext
    from kriseninfo.triage.service import Result

    try:
        library = Library(state.options.paths().user_playbook_dir)
        playbook = library.find(playbook_id) if playbook_id else None
    except KriseninfoError as exc:
        fail(f"{exc.detail} [{exc.code.value}]")
    facts = examples(playbook) if playbook is not None else {}
    found = Triage(TriageContext.of(playbook, facts))

    def run(text: str) -> Result:
        verdict = found.verdict(text)
        return Result(verdict, found.answers(text, verdict))

    return run
