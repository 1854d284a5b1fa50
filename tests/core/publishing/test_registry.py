"""Every platform has a channel plug-in, and each declares what the queue relies on."""

from __future__ import annotations

import pytest

from kriseninfo.counting.platforms import Platform
from kriseninfo.publishing.channel import Field
from kriseninfo.publishing.registry import MANUAL_PLATFORMS, channel_class


@pytest.mark.parametrize("platform", list(Platform))
def test_every_platform_has_a_channel(platform: Platform) -> None:
    cls = channel_class(platform)
    for attribute in ("idempotent", "manual", "can_delete", "can_list_recent"):
        assert isinstance(getattr(cls, attribute), bool), attribute
    assert all(isinstance(field, Field) for field in cls.fields)
    for method in ("publish", "delete", "verify", "recent", "close"):
        assert callable(getattr(cls, method)), method
    assert cls.manual == (platform in MANUAL_PLATFORMS)


def test_secrets_are_declared_as_secrets() -> None:
    """A token or password never sits among the settings that go to the database."""
    words = ("token", "password", "secret")
    for platform in Platform:
        for field in channel_class(platform).fields:
            if any(word in field.name for word in words):
                assert field.secret, f"{platform.value}.{field.name}"
