"""Channel secrets live in the OS keyring, nowhere else.

Each account has a random `secret_ref`; its secrets are stored under the service
"kriseninfo" as "<secret_ref>/<field>". The database, logs, exports and error messages
only ever see the reference.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterable, Mapping

from kriseninfo.errors import ErrorCode, KriseninfoError

log = logging.getLogger(__name__)

SERVICE = "kriseninfo"


def new_ref() -> str:
    return "channel-" + secrets.token_hex(12)


class Credentials:
    """Reads and writes account secrets through a keyring backend (the OS one by default)."""

    def __init__(self, backend: object | None = None):
        self._backend = backend

    def _ring(self) -> object:
        if self._backend is None:
            import keyring

            self._backend = keyring.get_keyring()
        return self._backend

    def store(self, ref: str, values: Mapping[str, str]) -> None:
        ring = self._ring()
        try:
            for name, value in values.items():
                if value:
                    ring.set_password(SERVICE, f"{ref}/{name}", value)  # type: ignore[attr-defined]
                else:
                    self._delete(ring, ref, name)
        except Exception as error:  # keyring backends raise their own types
            log.error("keyring refused to store a secret of %s: %s", ref, type(error).__name__)
            raise KriseninfoError(
                ErrorCode.KEYRING_UNAVAILABLE,
                f"the keyring could not store the secrets of {ref} ({type(error).__name__})",
            ) from None

    def load(self, ref: str, names: Iterable[str]) -> dict[str, str]:
        ring = self._ring()
        found: dict[str, str] = {}
        for name in names:
            try:
                value = ring.get_password(SERVICE, f"{ref}/{name}")  # type: ignore[attr-defined]
            except Exception as error:
                log.warning("keyring unreadable for %s: %s", ref, type(error).__name__)
                value = None
            if value:
                found[name] = value
        return found

    def forget(self, ref: str, names: Iterable[str]) -> None:
        ring = self._ring()
        for name in names:
            self._delete(ring, ref, name)

    @staticmethod
    def _delete(ring: object, ref: str, name: str) -> None:
        try:
            ring.delete_password(SERVICE, f"{ref}/{name}")  # type: ignore[attr-defined]
        except Exception:  # PasswordDeleteError: nothing stored, nothing to do
            return
