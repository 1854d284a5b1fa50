"""Creating people, checking their PIN and who may do what."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from kriseninfo.clock import Clock, utc_now
from kriseninfo.domain import SYSTEM, Person, Role
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.journal import journal
from kriseninfo.journal.actions import Action
from kriseninfo.storage.database import Database
from kriseninfo.storage.models import User
from kriseninfo.users.pin_guard import verify_pin
from kriseninfo.users.pins import check_pin, hash_pin


def _person(user: User) -> Person:
    return Person(id=user.id, name=user.name, role=user.role, active=user.active)


class UserService:
    def __init__(self, database: Database, clock: Clock = utc_now):
        self._db = database
        self._clock = clock

    def list(self, include_inactive: bool = False) -> list[Person]:
        with self._db.session(readonly=True) as session:
            query = select(User).order_by(func.lower(User.name))
            if not include_inactive:
                query = query.where(User.active.is_(True))
            return [_person(user) for user in session.scalars(query)]

    def count(self) -> int:
        with self._db.session(readonly=True) as session:
            return session.scalar(select(func.count(User.id))) or 0

    def create(self, name: str, role: Role, pin: str, by: Person | None) -> Person:
        """Add a person. Only Leitung may, except for the very first person."""
        name = " ".join(name.split())
        if not name:
            raise KriseninfoError(ErrorCode.INVALID_INPUT, "name is empty", {"field": "name"})
        pin_hash = hash_pin(pin)
        try:
            with self._db.session() as session:
                existing = session.scalar(select(func.count(User.id))) or 0
                if existing and (by is None or not by.may_manage_people):
                    raise KriseninfoError(
                        ErrorCode.PERMISSION_DENIED, "only Leitung may add people"
                    )
                if not existing and role is not Role.LEITUNG:
                    raise KriseninfoError(
                        ErrorCode.INVALID_INPUT,
                        "the first person must have the role Leitung",
                        {"field": "role"},
                    )
                user = User(
                    name=name, role=role, pin_hash=pin_hash, active=True, created_at=self._clock()
                )
                session.add(user)
                session.flush()
                journal.append(
                    session,
                    at=self._clock(),
                    actor=by.actor if by else SYSTEM,
                    action=Action.USER_CREATED,
                    field="role",
                    new_value=f"{name} ({role.value})",
                )
                return _person(user)
        except KriseninfoError as exc:
            if isinstance(exc.__cause__, IntegrityError):
                raise KriseninfoError(
                    ErrorCode.DUPLICATE_NAME, f"a person named {name!r} exists", {"name": name}
                ) from exc
            raise

    def authenticate(self, name: str, pin: str) -> Person:
        """Return the person if the PIN is right; every attempt is journaled, and wrong
        PINs count toward the same lock as at a release (see `pin_guard`)."""
        with self._db.session(readonly=True) as session:
            user_id = session.scalar(
                select(User.id).where(User.name == name, User.active.is_(True))
            )
        if user_id is None:
            raise KriseninfoError(ErrorCode.NOT_FOUND, f"no active person {name!r}")
        person = verify_pin(self._db, self._clock, user_id, pin, Action.USER_LOGIN_FAILED)
        with self._db.session() as session:
            journal.append(session, at=self._clock(), actor=person.actor, action=Action.USER_LOGIN)
        return person

    def set_pin(self, person: Person, old_pin: str, new_pin: str) -> None:
        new_hash = hash_pin(new_pin)
        with self._db.session() as session:
            user = session.get(User, person.id)
            if user is None:
                raise KriseninfoError(ErrorCode.NOT_FOUND, f"person {person.id} not found")
            if not check_pin(old_pin, user.pin_hash):
                raise KriseninfoError(ErrorCode.WRONG_PIN, "old PIN is wrong")
            user.pin_hash = new_hash
            journal.append(
                session,
                at=self._clock(),
                actor=person.actor,
                action=Action.USER_CHANGED,
                field="pin",
                old_value="***",
                new_value="***",
            )

    def reset_pin(self, target_id: int, new_pin: str, by: Person) -> None:
        """Leitung gives someone a new PIN (a forgotten one, the automatic drill team)."""
        if not by.may_manage_people:
            raise KriseninfoError(ErrorCode.PERMISSION_DENIED, "only Leitung may manage people")
        new_hash = hash_pin(new_pin)
        with self._db.session() as session:
            user = session.get(User, target_id)
            if user is None:
                raise KriseninfoError(ErrorCode.NOT_FOUND, f"person {target_id} not found")
            user.pin_hash = new_hash
            journal.append(
                session,
                at=self._clock(),
                actor=by.actor,
                action=Action.USER_CHANGED,
                field=f"pin:{user.name}",
                old_value="***",
                new_value="***",
            )

    def set_active(self, target_id: int, active: bool, by: Person) -> Person:
        if not by.may_manage_people:
            raise KriseninfoError(ErrorCode.PERMISSION_DENIED, "only Leitung may manage people")
        if target_id == by.id and not active:
            raise KriseninfoError(
                ErrorCode.INVALID_INPUT, "you cannot deactivate yourself", {"field": "active"}
            )
        with self._db.session() as session:
            user = session.get(User, target_id)
            if user is None:
                raise KriseninfoError(ErrorCode.NOT_FOUND, f"person {target_id} not found")
            old = user.active
            user.active = active
            journal.append(
                session,
                at=self._clock(),
                actor=by.actor,
                action=Action.USER_CHANGED,
                field=f"active:{user.name}",
                old_value=str(old),
                new_value=str(active),
            )
            return _person(user)
