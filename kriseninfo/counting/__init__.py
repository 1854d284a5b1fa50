"""Platform-accurate counting: how long a draft is for X, Mastodon, Bluesky, SMS and the
other channels, how to split it into a numbered thread, and which invisible characters a
paste brought along."""

from kriseninfo.counting.hidden import HiddenChar, HiddenKind, clean, find_hidden
from kriseninfo.counting.measure import Count, Field, count
from kriseninfo.counting.platforms import RULES, Platform, Rule, Unit
from kriseninfo.counting.sms import Encoding
from kriseninfo.counting.split import split_thread

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
