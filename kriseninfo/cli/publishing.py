"""`kriseninfo worker`, `kriseninfo queue …`, `kriseninfo channel …`: the publishing queue
headless."""

from __future__ import annotations

import json
import signal
import threading
from dataclasses import asdict
from datetime import datetime, timedelta
from typing import Any

import click

from kriseninfo.cli.common import State, ask_secret, fail, login, opened


@click.command()
@click.option("--once", is_flag=True, help="Send what is due, then exit.")
@click.option(
    "--parallel",
    type=click.IntRange(1, 128),
    default=32,
    show_default=True,
    help="Accounts sent to at the same time.",
)
@click.option(
    "--timeout",
    type=float,
    default=300.0,
    show_default=True,
    help="With --once: give up after this many seconds.",
)
@click.option(
    "--lease",
    type=click.FloatRange(1, 3600),
    default=120.0,
    show_default=True,
    help="Seconds a delivery stays with a worker that stopped answering before another "
    "takes it over.",
)
@click.pass_obj
def worker(state: State, once: bool, parallel: int, timeout: float, lease: float) -> None:
    """Send released messages to their channels until stopped (Ctrl+C or SIGTERM)."""
    from kriseninfo.publishing.worker import Worker

    with opened(state) as context:
        runner = Worker(
            context.database,
            context.credentials,
            parallel=parallel,
            lease=timedelta(seconds=lease),
        )
        if once:
            done = runner.drain(timeout)
            runner.close()
            if not done:
                fail(f"still sending after {timeout:.0f} s")
            return
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        try:
            runner.run(stop)
        except KeyboardInterrupt:
            stop.set()


@click.group()
def queue() -> None:
    """The publishing queue: list, retry, cancel, resolve."""


@queue.command("list")
@click.option("--incident", "incident_id", type=int, help="Only this incident's deliveries.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.pass_obj
def list_(state: State, incident_id: int | None, as_json: bool) -> None:
    """Every delivery, newest first, with its state."""
    with opened(state) as context:
        rows = context.publishing.deliveries(incident_id)
    for row in rows:
        if as_json:
            data: dict[str, Any] = asdict(row)
            click.echo(json.dumps(data, default=_plain, ensure_ascii=False))
            continue
        where = row.platform_url or row.wait_reason.value or row.error_code
        click.echo(
            f"{row.id:>6}  {row.state.value:<10} {row.account_name[:24]:<24} "
            f"{row.part + 1}/{row.parts_total}  {where}"
        )


@queue.command()
@click.argument("delivery_id", type=int)
@click.option("--user", "user_name", required=True, help="Who acts (asked for the PIN).")
@click.pass_obj
def retry(state: State, delivery_id: int, user_name: str) -> None:
    """Send a failed, waiting or unclear delivery again now."""
    with opened(state) as context:
        row = context.publishing.retry(delivery_id, login(context, user_name))
    click.echo(f"delivery {row.id}: {row.state.value}")


@queue.command()
@click.argument("delivery_id", type=int)
@click.option("--user", "user_name", required=True, help="Who acts (asked for the PIN).")
@click.pass_obj
def cancel(state: State, delivery_id: int, user_name: str) -> None:
    """Do not send this delivery (and the thread parts after it)."""
    with opened(state) as context:
        row = context.publishing.cancel(delivery_id, login(context, user_name))
    click.echo(f"delivery {row.id}: {row.state.value}")


@queue.command()
@click.argument("delivery_id", type=int)
@click.option("--user", "user_name", required=True, help="Who acts (asked for the PIN).")
@click.option(
    "--published/--not-published",
    required=True,
    help="Is the post on the platform (checked by you)?",
)
@click.option("--url", default="", help="With --published: the post's address.")
@click.pass_obj
def resolve(state: State, delivery_id: int, user_name: str, published: bool, url: str) -> None:
    """Decide an "unklar" delivery: it is published (with its link), or send it again."""
    with opened(state) as context:
        row = context.publishing.resolve_unclear(
            delivery_id, login(context, user_name), published=published, url=url
        )
    click.echo(f"delivery {row.id}: {row.state.value}")


@queue.command()
@click.argument("delivery_id", type=int)
@click.option("--user", "user_name", required=True, help="Who acts (asked for the PIN).")
@click.option("--note", default="", help="How and where it was published.")
@click.pass_obj
def done(state: State, delivery_id: int, user_name: str, note: str) -> None:
    """Confirm a manual delivery as published by hand now ("erledigt")."""
    with opened(state) as context:
        row = context.publishing.confirm_manual(delivery_id, login(context, user_name), note=note)
    click.echo(f"delivery {row.id}: {row.state.value}")


@click.group()
def channel() -> None:
    """Channel accounts: settings, secrets (stored in the OS keyring), check."""


@channel.command("set")
@click.argument("account_id", type=int)
@click.option("--user", "user_name", required=True, help="Leitung (asked for the PIN).")
@click.option(
    "--setting",
    "pairs",
    multiple=True,
    metavar="NAME=VALUE",
    help="A setting such as instance=https://social.example (repeatable).",
)
@click.option(
    "--secret",
    "secret_names",
    multiple=True,
    metavar="NAME",
    help="A secret to store in the keyring; its value is read from the prompt "
    "or, when piped, one line of stdin each (repeatable).",
)
@click.pass_obj
def set_(
    state: State,
    account_id: int,
    user_name: str,
    pairs: tuple[str, ...],
    secret_names: tuple[str, ...],
) -> None:
    """Store an account's settings and secrets."""
    settings: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise click.UsageError(f"--setting needs NAME=VALUE, not {pair!r}")
        settings[name.strip()] = value
    with opened(state) as context:
        person = login(context, user_name)
        secrets = {name: ask_secret(f"{name} for account {account_id}") for name in secret_names}
        found = context.channel_setup.configure(account_id, person, settings, secrets)
    missing = [
        f.name
        for f in found.fields
        if f.required
        and not (f.name in found.secrets_present if f.secret else found.settings.get(f.name))
    ]
    click.echo(
        f"account {account_id}: " + ("complete" if not missing else "missing " + ", ".join(missing))
    )


@channel.command()
@click.argument("account_id", type=int)
@click.pass_obj
def check(state: State, account_id: int) -> None:
    """Ask the platform whether the credentials work; print what it reports."""
    with opened(state) as context:
        found = context.channel_setup.check(account_id)
    click.echo(json.dumps(asdict(found), ensure_ascii=False))


def _plain(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)
