"""Channel accounts: where a message set's drafts go, several per platform if needed."""

from __future__ import annotations

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from kriseninfo.clock import Clock, utc_now
from kriseninfo.counting.platforms import Platform
from kriseninfo.domain import Person, Role
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.journal import journal
from kriseninfo.journal.actions import Action
from kriseninfo.messagesets.records import Account
from kriseninfo.playbooks.kinds import ChannelKind, Language
from kriseninfo.publishing.credentials import new_ref
from kriseninfo.storage.database import Database
from kriseninfo.storage.models import ChannelAccount
from kriseninfo.validation import strip_controls

#: Which of a playbook's texts each platform gets.
TEMPLATE_KIND: dict[Platform, ChannelKind] = {
    Platform.X: ChannelKind.SOCIAL_SHORT,
    Platform.MASTODON: ChannelKind.SOCIAL_SHORT,
    Platform.BLUESKY: ChannelKind.SOCIAL_SHORT,
    Platform.THREADS: ChannelKind.SOCIAL_SHORT,
    Platform.SMS: ChannelKind.SMS,
    Platform.EMAIL: ChannelKind.EMAIL,
    Platform.WEBSITE: ChannelKind.WEB_LONG,
    Platform.TELEGRAM: ChannelKind.WEB_LONG,
    Platform.FACEBOOK: ChannelKind.WEB_LONG,
    Platform.INSTAGRAM: ChannelKind.WEB_LONG,
    Platform.LINKEDIN: ChannelKind.WEB_LONG,
    Platform.MATRIX: ChannelKind.WEB_LONG,
    Platform.MANUAL: ChannelKind.WEB_LONG,
}


class AccountService:
    def __init__(self, database: Database, clock: Clock = utc_now):
        self._db = database
        self._clock = clock

    def create(
        self,
        platform: Platform,
        name: str,
        by: Person,
        *,
        address: str = "",
        languages: tuple[str, ...] = (Language.DE.value,),
        max_length: int | None = None,
        incident_id: int | None = None,
    ) -> Account:
        _may_manage(by)
        name = " ".join(strip_controls(name).split())
        address = strip_controls(address)
        if not name:
            raise KriseninfoError(
                ErrorCode.INVALID_INPUT, "account name is empty", {"field": "name"}
            )
        _check_languages(languages)
        if max_length is not None and max_length < 1:
            raise KriseninfoError(
                ErrorCode.INVALID_INPUT, "max length must be positive", {"field": "max_length"}
            )
        with self._db.session() as session:
            row = ChannelAccount(
                platform=platform.value,
                name=name,
                address=address.strip(),
                languages=",".join(languages),
                max_length=max_length,
                enabled=True,
                incident_id=incident_id,
                created_at=self._clock(),
                settings_json="{}",
                secret_ref=new_ref(),
            )
            session.add(row)
            session.flush()
            journal.append(
                session,
                at=self._clock(),
                actor=by.actor,
                action=Action.ACCOUNT_CREATED,
                incident_id=incident_id,
                field=platform.value,
                new_value=name,
            )
            return _account(row)

    def set_enabled(self, account_id: int, enabled: bool, by: Person) -> Account:
        _may_manage(by)
        with self._db.session() as session:
            row = session.get(ChannelAccount, account_id, with_for_update=True)
            if row is None:
                raise KriseninfoError(ErrorCode.NOT_FOUND, f"account {account_id} not found")
            if row.enabled != enabled:
                row.enabled = enabled
                journal.append(
                    session,
                    at=self._clock(),
                    actor=by.actor,
                    action=Action.ACCOUNT_CHANGED,
                    incident_id=row.incident_id,
                    field="enabled",
                    old_value=str(not enabled).lower(),
                    new_value=str(enabled).lower(),
                )
            return _account(row)

    def list(self, incident_id: int | None = None, enabled_only: bool = False) -> list[Account]:
        """Global accounts and, with `incident_id`, those of that incident."""
        with self._db.session(readonly=True) as session:
            return accounts_for(session, incident_id, enabled_only)


def accounts_for(session: Session, incident_id: int | None, enabled_only: bool) -> list[Account]:
    scope: ColumnElement[bool] = ChannelAccount.incident_id.is_(None)
    if incident_id is not None:
        scope = or_(scope, ChannelAccount.incident_id == incident_id)
    query = select(ChannelAccount).where(scope).order_by(ChannelAccount.id)
    if enabled_only:
        query = query.where(ChannelAccount.enabled.is_(True))
    return [_account(row) for row in session.scalars(query)]


def _may_manage(by: Person) -> None:
    """Where the public is addressed is decided by Leitung, like who may work here."""
    if by.role is not Role.LEITUNG:
        raise KriseninfoError(
            ErrorCode.PERMISSION_DENIED, f"{by.name} may not manage channel accounts"
        )


def _check_languages(languages: tuple[str, ...]) -> None:
    known = {language.value for language in Language}
    unknown = [language for language in languages if language not in known]
    if not languages or unknown:
        raise KriseninfoError(
            ErrorCode.INVALID_INPUT,
            f"unknown languages: {', '.join(unknown) or '(none given)'}",
            {"field": "languages"},
        )


def _account(row: ChannelAccount) -> Account:
    return Account(
        id=row.id,
        platform=Platform(row.platform),
        name=row.name,
        address=row.address,
        languages=tuple(part for part in row.languages.split(",") if part),
        max_length=row.max_length,
        enabled=row.enabled,
        incident_id=row.incident_id,
    )
