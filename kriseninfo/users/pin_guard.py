"""Checking a person's PIN with a limit on wrong guesses, shared by sign-in and release.

MAX_FAILURES wrong PINs in a row lock the person's PIN for LOCK_TIME, at every console.
Each attempt is *reserved* (counted) in a short transaction before the slow hash is
computed, so a burst of parallel guesses cannot get more than MAX_FAILURES checks; the
result is then written under the row's lock, and a lock set meanwhile refuses even the
right PIN. Every wrong PIN and every lock is journaled.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kriseninfo.clock import Clock
from kriseninfo.domain import Actor, Person
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.journal import journal
from kriseninfo.journal.actions import Action
from kriseninfo.storage.database import Database
from kriseninfo.storage.models import PinLock, User
from kriseninfo.users.pins import check_pin

MAX_FAILURES = 3
LOCK_TIME = timedelta(minutes=5)


def verify_pin(
    database: Database, clock: Clock, user_id: int, pin: str, failed_action: Action
) -> Person:
    """The person if `pin` is theirs; WRONG_PIN (with the tries left) or PIN_LOCKED else."""
    now = clock()
    with database.session() as session:
        user = _active(session, user_id)
        lock = _lock_row(session, user_id)
        if lock.locked_until is not None and lock.locked_until <= now:
            lock.locked_until, lock.failures = None, 0  # an old lock has run out
        if lock.locked_until is None and lock.failures >= MAX_FAILURES:
            lock.locked_until = now + LOCK_TIME  # reserved attempts used up by a burst
        if lock.locked_until is not None:
            error = _locked(user.name, lock)
        else:
            lock.failures += 1  # reserved now, so parallel guesses are counted too
            error = None
            pin_hash = user.pin_hash
    if error is not None:
        raise error
    ok = check_pin(pin, pin_hash)  # slow on purpose, outside any write transaction
    with database.session() as session:
        user = _active(session, user_id)
        lock = _lock_row(session, user_id)
        actor = Actor(user.id, user.name)
        if ok and lock.locked_until is None:
            lock.failures = 0
            return _person(user)
        if ok:
            raise _locked(user.name, lock)
        journal.append(
            session,
            at=now,
            actor=actor,
            action=failed_action,
            field="pin",
            new_value=f"{min(lock.failures, MAX_FAILURES)}/{MAX_FAILURES}",
        )
        if lock.failures >= MAX_FAILURES and lock.locked_until is None:
            lock.locked_until = now + LOCK_TIME
            journal.append(
                session,
                at=now,
                actor=actor,
                action=Action.RELEASE_LOCKED,
                field="pin",
                new_value=f"gesperrt bis {lock.locked_until.isoformat()}",
            )
        if lock.locked_until is not None:
            error = _locked(user.name, lock)
        else:
            error = KriseninfoError(
                ErrorCode.WRONG_PIN,
                f"wrong PIN for {user.name}",
                {"name": user.name, "remaining": str(MAX_FAILURES - lock.failures)},
            )
    raise error


def _active(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None or not user.active:
        raise KriseninfoError(ErrorCode.NOT_FOUND, f"no active person {user_id}")
    return user


def _lock_row(session: Session, user_id: int) -> PinLock:
    """The person's counter row, locked; created on first use (two consoles may race)."""
    lock = session.get(PinLock, user_id, with_for_update=True)
    if lock is not None:
        return lock
    try:
        with session.begin_nested():
            session.add(PinLock(user_id=user_id, failures=0))
    except IntegrityError:
        pass  # another console created it a moment ago
    lock = session.get(PinLock, user_id, with_for_update=True, populate_existing=True)
    assert lock is not None
    return lock


def _locked(name: str, lock: PinLock) -> KriseninfoError:
    assert lock.locked_until is not None
    return KriseninfoError(
        ErrorCode.PIN_LOCKED,
        f"the PIN of {name} is locked until {lock.locked_until.isoformat()}",
        {"name": name, "until": lock.locked_until.isoformat()},
    )


def _person(user: User) -> Person:
    return Person(id=user.id, name=user.name, role=user.role, active=user.active)
