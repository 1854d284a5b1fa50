"""Kriseninfo core: incidents, journal, users and storage, without any Qt."""

# The one place the version is written; pyproject.toml reads it from here. A literal, not
# importlib.metadata, because that import alone costs 40 ms of every cold start.
__version__ = "0.1.0"

__all__ = ["__version__"]
