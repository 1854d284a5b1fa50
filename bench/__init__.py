"""Measurements and screenshots of the real console, run with `make bench` / `make screenshots`."""
