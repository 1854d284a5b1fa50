"""Every platform has a channel plug-in, and each declares what the queue relies on."""

from __future__ import annotations

import pytest

from kriseninfo.counting.platforms import Platform
from kriseninfo.publishing.channel import Field
from kriseninfo.publishing.registry import MANUAL_PLATFORMS, channel_class
from kriseninfo.publishing.traits import TRAITS


@pytest.mark.parametrize("platform", list(Platform))
def test_every_platform_has_a_channel(platform: Platform) -> None:
    cls = channel_class(platform)
    for attribute in ("idempotent", "manual", "can_delete", "can_list_recent"):
        assert isinstance(getattr(cls, attribute), bool), attribute
    assert all(isinstance(field, Field) for field in cls.fields)
    for method in ("publish", "delete", "verify", "recent", "close"):
        assert callable(getattr(cls, method)), method
    assert cls.manual == (platform in MANUAL_PLATFORMS)
    traits = TRAITS[platform]  # what the queue and the dialogs read without the SDK
    assert (cls.idempotent, cls.manual, cls.can_delete, cls.can_list_recent, cls.fields) == (
        traits.idempotent,
        traits.manual,
        traits.can_delete,
        traits.can_list_recent,
        traits.fields,
    )


def test_secrets_are_declared_as_secrets() -> None:
    """A token or password never sits among the settings that go to the database."""
    words = ("token", "password", "secret")
    for platform in Platform:
        for field in channel_class(platform).fields:
            if any(word in field.name for word in words):
                assert field.secret, f"{platform.value}.{field.name}"


def test_the_queue_needs_no_sdk_to_know_a_platform() -> None:
    """Reading accounts and their needs loads no platform SDK (atproto takes seconds)."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from kriseninfo.publishing import accounts, setup, service, worker, lookup\n"
        "from kriseninfo.publishing.traits import TRAITS\n"
        "assert TRAITS\n"
        "sdks = ('mastodon', 'atproto', 'atproto_client', 'nio')\n"
        "heavy = [m for m in sdks if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert found == ""
