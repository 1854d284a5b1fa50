"""Allows `python -m kriseninfo`."""

from kriseninfo.cli.entry import main

main()
