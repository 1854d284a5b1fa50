"""Which module implements each platform's channel. Imported lazily: a console that
never publishes to Bluesky never loads the atproto SDK."""

from __future__ import annotations

import importlib
from functools import cache
from typing import cast

from kriseninfo.counting.platforms import Platform
from kriseninfo.publishing.channel import Channel, ChannelFactory
from kriseninfo.publishing.traits import TRAITS

_PACKAGE = "kriseninfo.publishing.channels"

#: Platform → module in `kriseninfo.publishing.channels` defining `CHANNEL`.
MODULES: dict[Platform, str] = {
    Platform.MASTODON: "mastodon",
    Platform.BLUESKY: "bluesky",
    Platform.EMAIL: "email",
    Platform.WEBSITE: "website",
    Platform.MATRIX: "matrix",
    Platform.TELEGRAM: "telegram",
    Platform.FACEBOOK: "facebook",
    Platform.INSTAGRAM: "instagram",
    Platform.X: "x",
    Platform.MANUAL: "manual",
    # No API we may post to: the text is copied by a person (SMS gateway, LinkedIn page …).
    Platform.SMS: "manual",
    Platform.LINKEDIN: "manual",
    Platform.THREADS: "manual",
}

#: Where a drill's deliveries go, whatever the account's platform.
SANDBOX_MODULE = "sandbox"

#: Platforms a person publishes by hand (known without importing any channel).
MANUAL_PLATFORMS = frozenset(p for p, traits in TRAITS.items() if traits.manual)


@cache
def channel_class(platform: Platform) -> type[Channel]:
    module = importlib.import_module(f"{_PACKAGE}.{MODULES[platform]}")
    return cast("type[Channel]", module.CHANNEL)


def factory(platform: Platform) -> ChannelFactory:
    return cast(ChannelFactory, channel_class(platform))
