"""The `kriseninfo` command line."""
