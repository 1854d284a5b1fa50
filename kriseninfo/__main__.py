"""Allows `python -m kriseninfo`."""

from kriseninfo.cli.main import main

main()
