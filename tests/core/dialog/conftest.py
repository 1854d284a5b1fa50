"""The dialog feed's answers go through the publishing queue: the same desk fixtures."""

from tests.core.publishing.conftest import (  # noqa: F401  (pytest fixtures)
    credentials,
    desk,
    mastodon,
    ring,
    team,
)
