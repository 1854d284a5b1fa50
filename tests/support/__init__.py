"""Shared helpers for the Kriseninfo test suite."""
