"""What every subcommand shares: the options, opening the context, reporting errors."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, NoReturn

import click

from kriseninfo.domain import Person
from kriseninfo.errors import KriseninfoError
from kriseninfo.options import Options

if TYPE_CHECKING:
    from kriseninfo.context import AppContext

EXIT_FAILED = 1
EXIT_UNAVAILABLE = 2


@dataclass
class State:
    options: Options
    verbose: int


def fail(message: str, code: int = EXIT_FAILED) -> NoReturn:
    click.echo(f"kriseninfo: error: {message}", err=True)
    raise SystemExit(code)


@contextmanager
def opened(state: State) -> Iterator[AppContext]:
    """The context for one command; a core error ends the command with its message."""
    from kriseninfo.context import open_context  # the database layer, only when needed

    try:
        context = open_context(state.options)
    except KriseninfoError as exc:
        fail(f"{exc.detail} [{exc.code.value}]", EXIT_UNAVAILABLE)
    try:
        yield context
    except KriseninfoError as exc:
        fail(f"{exc.detail} [{exc.code.value}]", EXIT_FAILED)
    finally:
        context.close()


def ask_secret(prompt: str, confirm: bool = False) -> str:
    """A PIN: hidden at a terminal, one line of stdin when piped (scripts, tests)."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    answer: str = click.prompt(prompt, hide_input=True, confirmation_prompt=confirm, err=True)
    return answer


def login(context: AppContext, name: str) -> Person:
    return context.users.authenticate(name, ask_secret(f"PIN for {name}"))
