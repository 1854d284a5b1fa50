"""The closed sets and small value types of the domain, free of any storage code.

Kept apart from the ORM so that whoever only needs the words (the window, the CLI's
help texts) does not pay for loading the database layer.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Role(enum.StrEnum):
    """What a person may do; Freigabe and Leitung may release messages (four eyes)."""

    REDAKTION = "redaktion"
    FREIGABE = "freigabe"
    LEITUNG = "leitung"


class IncidentKind(enum.StrEnum):
    GROSSBRAND = "grossbrand"
    BOMBENENTSCHAERFUNG = "bombenentschaerfung"
    UNWETTER = "unwetter"
    HOCHWASSER = "hochwasser"
    STROMAUSFALL = "stromausfall"
    SONSTIGE = "sonstige"


class IncidentMode(enum.StrEnum):
    """REAL reaches the public; DRILL (Übung) never does. Fixed at creation."""

    REAL = "real"
    DRILL = "drill"


class IncidentStatus(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"


#: Roles that may release messages (four-eyes principle).
RELEASE_ROLES = frozenset({Role.FREIGABE, Role.LEITUNG})
#: Roles that may manage people.
ADMIN_ROLES = frozenset({Role.LEITUNG})


@dataclass(frozen=True)
class Actor:
    """Who did something: a person, or the system itself (id None)."""

    id: int | None
    name: str


SYSTEM = Actor(None, "System")


@dataclass(frozen=True)
class Person:
    """A user as the rest of the program sees it (never with the PIN hash)."""

    id: int
    name: str
    role: Role
    active: bool

    @property
    def actor(self) -> Actor:
        return Actor(self.id, self.name)

    @property
    def may_release(self) -> bool:
        return self.role in RELEASE_ROLES

    @property
    def may_manage_people(self) -> bool:
        return self.role in ADMIN_ROLES
