"""Settings shared by every console of the crisis desk, kept in the database."""

from __future__ import annotations

from kriseninfo.clock import Clock, utc_now
from kriseninfo.domain import Person, Role
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.journal import journal
from kriseninfo.journal.actions import Action
from kriseninfo.messagesets.kinds import DESK_DEFAULTS, DeskSetting
from kriseninfo.storage.database import Database
from kriseninfo.storage.models import DeskSettingRow


class DeskSettings:
    def __init__(self, database: Database, clock: Clock = utc_now):
        self._db = database
        self._clock = clock

    def get(self, key: DeskSetting) -> bool:
        with self._db.session(readonly=True) as session:
            row = session.get(DeskSettingRow, key.value)
            return DESK_DEFAULTS[key] if row is None else row.value == "true"

    def set(self, key: DeskSetting, value: bool, by: Person) -> None:
        """Only Leitung changes how releases work; every change is journaled."""
        if by.role is not Role.LEITUNG:
            raise KriseninfoError(
                ErrorCode.PERMISSION_DENIED, f"{by.name} may not change desk settings"
            )
        with self._db.session() as session:
            row = session.get(DeskSettingRow, key.value, with_for_update=True)
            old = DESK_DEFAULTS[key] if row is None else row.value == "true"
            if old == value:
                return
            if row is None:
                session.add(DeskSettingRow(key=key.value, value=str(value).lower()))
            else:
                row.value = str(value).lower()
            journal.append(
                session,
                at=self._clock(),
                actor=by.actor,
                action=Action.DESK_SETTING_CHANGED,
                field=key.value,
                old_value=str(old).lower(),
                new_value=str(value).lower(),
            )
