"""`kriseninfo count`: how long a text is for one channel, measured as the platform does."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from kriseninfo import counting
from kriseninfo.counting import Field, Platform
from kriseninfo.errors import KriseninfoError


@click.command()
@click.option(
    "--channel",
    required=True,
    type=click.Choice([platform.value for platform in Platform]),
    help="The platform the text goes to.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    help="Replace the platform's limit (Mastodon: the instance's max_characters; "
    "sms: the number of segments).",
)
@click.option(
    "--field",
    type=click.Choice([field.value for field in Field]),
    default=Field.TEXT.value,
    show_default=True,
    help="'subject' measures an e-mail subject (78 characters recommended).",
)
@click.argument("text")
def count(channel: str, limit: int | None, field: str, text: str) -> None:
    """Print the length of TEXT (or stdin for '-', without its final line break) as JSON.

    Exit 0 whether or not the text fits: "fits" says so.
    """
    if text == "-":
        text = sys.stdin.read().removesuffix("\n").removesuffix("\r")
    try:
        counted = counting.count(channel, text, limit=limit, field=field)
    except KriseninfoError as exc:
        raise click.UsageError(exc.detail) from None
    payload: dict[str, Any] = {
        "channel": channel,
        "length": counted.length,
        "limit": counted.limit,
        "fits": counted.fits,
        "unit": counted.unit.value,
    }
    if counted.encoding is not None:
        payload["segments"] = counted.segments
        payload["encoding"] = counted.encoding.value
        payload["max_segments"] = counted.max_segments
    if field == Field.SUBJECT:
        payload["warning"] = counted.warning
    click.echo(json.dumps(payload, ensure_ascii=False))
