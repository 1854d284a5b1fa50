"""The `kriseninfo` entry point. A plain `kriseninfo` (no arguments: how a desktop icon and
`make run` start it) opens the console at once, without loading the command-line parser;
anything else goes to the click CLI in `kriseninfo.cli.main`."""

from __future__ import annotations

import importlib
import sys

from kriseninfo.logsetup import hold_early_records
from kriseninfo.options import Options


def start_console(options: Options, lang: str | None = None, verbose: int = 0) -> int:
    """Open the window (the GUI package is imported only here); returns the exit status.

    The log file is opened by the console after its first paint; until then records are
    held in memory.
    """
    hold_early_records(verbose)
    try:
        gui = importlib.import_module("kriseninfo_ui.app")
    except ImportError as exc:
        print(
            f"kriseninfo: error: the console needs PySide6, which is not installed ({exc})",
            file=sys.stderr,
        )
        return 2
    status: int = gui.run(options, lang=lang, verbose=verbose)
    return status


def main() -> None:
    if len(sys.argv) <= 1:
        sys.exit(start_console(Options()))
    from kriseninfo.cli.main import cli

    cli(prog_name="kriseninfo")
