"""People, roles and PINs: PINs only as salted slow hashes, every sign-in journaled."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from kriseninfo.context import AppContext
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.journal import journal
from kriseninfo.journal.actions import Action
from kriseninfo.storage.models import Role, User
from kriseninfo.users.pins import check_pin, hash_pin
from kriseninfo.users.service import Person
from tests.conftest import LEITUNG_PIN


def test_pin_hash_is_salted_and_checkable() -> None:
    first, second = hash_pin("123456"), hash_pin("123456")
    assert first != second
    assert first.startswith("scrypt$")
    assert "123456" not in first
    assert check_pin("123456", first) and check_pin("123456", second)
    assert not check_pin("123457", first)
    assert not check_pin("123456", "garbage")


@pytest.mark.parametrize("pin", ["", "123", "12a4", "1234567890123", " 1234"])
def test_bad_pins_are_refused(pin: str) -> None:
    with pytest.raises(KriseninfoError) as caught:
        hash_pin(pin)
    assert caught.value.code is ErrorCode.INVALID_PIN


def test_pin_never_stored_in_clear(context: AppContext, leitung: Person, tmp_path: Path) -> None:
    context.users.create("Ben Berg", Role.REDAKTION, "97531", leitung)
    with context.database.session() as session:
        hashes = list(session.scalars(select(User.pin_hash)))
    assert all(h.startswith("scrypt$") for h in hashes)
    assert not any("97531" in h or LEITUNG_PIN in h for h in hashes)
    db_file = tmp_path / "kriseninfo.sqlite3"
    if db_file.exists():
        context.database.dispose()
        raw = b"".join(p.read_bytes() for p in tmp_path.glob("kriseninfo.sqlite3*"))
        assert b"97531" not in raw


def test_first_person_must_be_leitung(context: AppContext) -> None:
    with pytest.raises(KriseninfoError) as caught:
        context.users.create("Ben", Role.REDAKTION, "1234", None)
    assert caught.value.code is ErrorCode.INVALID_INPUT


def test_only_leitung_adds_people(context: AppContext, leitung: Person) -> None:
    editor = context.users.create("Ben Berg", Role.REDAKTION, "1111", leitung)
    with pytest.raises(KriseninfoError) as caught:
        context.users.create("Cem Can", Role.FREIGABE, "2222", editor)
    assert caught.value.code is ErrorCode.PERMISSION_DENIED
    with pytest.raises(KriseninfoError) as caught:
        context.users.create("Dana", Role.FREIGABE, "2222", None)
    assert caught.value.code is ErrorCode.PERMISSION_DENIED
    assert [p.name for p in context.users.list()] == ["Anna Adler", "Ben Berg"]
    assert editor.may_release is False and leitung.may_release


def test_duplicate_name(context: AppContext, leitung: Person) -> None:
    with pytest.raises(KriseninfoError) as caught:
        context.users.create("Anna  Adler", Role.FREIGABE, "1234", leitung)
    assert caught.value.code is ErrorCode.DUPLICATE_NAME


def test_sign_in_is_journaled(context: AppContext, leitung: Person) -> None:
    assert context.users.authenticate("Anna Adler", LEITUNG_PIN) == leitung
    with pytest.raises(KriseninfoError) as caught:
        context.users.authenticate("Anna Adler", "0000")
    assert caught.value.code is ErrorCode.WRONG_PIN
    with context.database.session() as session:
        actions = [line.action for line in journal.lines(session)]
    assert actions[-2:] == [Action.USER_LOGIN, Action.USER_LOGIN_FAILED]


def test_change_pin_and_deactivate(context: AppContext, leitung: Person) -> None:
    ben = context.users.create("Ben Berg", Role.REDAKTION, "1111", leitung)
    with pytest.raises(KriseninfoError):
        context.users.set_pin(ben, "9999", "2222")
    context.users.set_pin(ben, "1111", "2222")
    assert context.users.authenticate("Ben Berg", "2222") == ben
    context.users.set_active(ben.id, False, leitung)
    with pytest.raises(KriseninfoError) as caught:
        context.users.authenticate("Ben Berg", "2222")
    assert caught.value.code is ErrorCode.NOT_FOUND
    with pytest.raises(KriseninfoError):
        context.users.set_active(leitung.id, False, leitung)
