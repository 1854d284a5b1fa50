"""Platform-accurate counting: how long a draft is for X, Mastodon, Bluesky, SMS and the
other channels, how to split it into a numbered thread, and which invisible characters a
paste brought along.

The names below are loaded on first use (PEP 562): code that only needs `Platform`
(the queue, the window at sign-in) does not pay for the counting rules and their regexes.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kriseninfo.counting.hidden import HiddenChar, HiddenKind, clean, find_hidden
    from kriseninfo.counting.measure import Count, Field, count
    from kriseninfo.counting.platforms import RULES, Platform, Rule, Unit
    from kriseninfo.counting.sms import Encoding
    from kriseninfo.counting.split import split_thread

_WHERE = {
    "HiddenChar": "hidden",
    "HiddenKind": "hidden",
    "clean": "hidden",
    "find_hidden": "hidden",
    "Count": "measure",
    "Field": "measure",
    "count": "measure",
    "RULES": "platforms",
    "Platform": "platforms",
    "Rule": "platforms",
    "Unit": "platforms",
    "Encoding": "sms",
    "split_thread": "split",
}

__all__ = [
    "RULES",
    "Count",
    "Encoding",
    "Field",
    "HiddenChar",
    "HiddenKind",
    "Platform",
    "Rule",
    "Unit",
    "clean",
    "count",
    "find_hidden",
    "split_thread",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
