"""The dialog feed's answers go through the publishing queue: the same desk fixtures."""

from tests.core.dialog.test_sources import feed  # noqa: F401  (the local feed server)
from tests.core.publishing.conftest import (  # noqa: F401  (pytest fixtures)
    credentials,
    desk,
    mastodon,
    ring,
    team,
)
