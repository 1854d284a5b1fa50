"""Everything one running Kriseninfo works with, opened in one place and passed on."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from kriseninfo.clock import Clock, utc_now
from kriseninfo.incidents.autosave import LagebildSaver, PendingEdits
from kriseninfo.incidents.service import IncidentService
from kriseninfo.journal.service import JournalService
from kriseninfo.options import DB_ENV, Options
from kriseninfo.paths import AppPaths, ensure_writable
from kriseninfo.settings import Settings
from kriseninfo.storage import migrate
from kriseninfo.storage.database import Database
from kriseninfo.users.service import UserService

if TYPE_CHECKING:
    from kriseninfo.dialog.answers import AnswerService
    from kriseninfo.dialog.followups import FollowUps
    from kriseninfo.dialog.service import DialogService
    from kriseninfo.dialog.sources import SourceService
    from kriseninfo.dialog.targets import ResponseTargets
    from kriseninfo.drills.service import DrillService
    from kriseninfo.messagesets.accounts import AccountService
    from kriseninfo.messagesets.desk import DeskSettings
    from kriseninfo.messagesets.incident_playbook import IncidentPlaybookService
    from kriseninfo.messagesets.release import ReleaseService
    from kriseninfo.messagesets.service import MessageSetService
    from kriseninfo.playbooks.library import Library
    from kriseninfo.publishing.channel import AccountConfig
    from kriseninfo.publishing.credentials import Credentials
    from kriseninfo.publishing.service import PublishingService
    from kriseninfo.publishing.setup import ChannelSetup
    from kriseninfo.review.score import Reviewer
    from kriseninfo.triage.service import TriageService

log = logging.getLogger(__name__)

__all__ = ["DB_ENV", "AppContext", "Options", "open_context", "open_database"]


@dataclass
class AppContext:
    paths: AppPaths
    database: Database
    settings: Settings
    clock: Clock
    users: UserService = field(init=False)
    incidents: IncidentService = field(init=False)
    journal: JournalService = field(init=False)
    saver: LagebildSaver = field(init=False)

    def __post_init__(self) -> None:
        self.users = UserService(self.database, self.clock)
        self.incidents = IncidentService(self.database, self.clock)
        self.journal = JournalService(self.database)
        self.saver = LagebildSaver(self.incidents, PendingEdits(self.paths.pending_dir))

    @cached_property
    def playbooks(self) -> Library:
        """The playbook library; loading its checker (pydantic, Jinja2) waits until needed."""
        from kriseninfo.playbooks.library import Library

        return Library(self.paths.user_playbook_dir)

    # Message sets load the playbook machinery (pydantic, Jinja2): only when first used.
    @cached_property
    def accounts(self) -> AccountService:
        from kriseninfo.messagesets.accounts import AccountService

        return AccountService(self.database, self.clock)

    @cached_property
    def plans(self) -> IncidentPlaybookService:
        """Which playbook each incident follows, its phase, facts and checklist."""
        from kriseninfo.messagesets.incident_playbook import IncidentPlaybookService

        return IncidentPlaybookService(self.database, self.clock, self.triage.retriage)

    @cached_property
    def messagesets(self) -> MessageSetService:
        from kriseninfo.messagesets.service import MessageSetService

        library = self.playbooks
        return MessageSetService(self.database, library.find, self.clock, library.approved)

    @cached_property
    def desk(self) -> DeskSettings:
        from kriseninfo.messagesets.desk import DeskSettings

        return DeskSettings(self.database, self.clock)

    @cached_property
    def releases(self) -> ReleaseService:
        from kriseninfo.messagesets.release import ReleaseService

        return ReleaseService(self.database, self.desk, self.clock, self.playbooks.find)

    @cached_property
    def credentials(self) -> Credentials:
        from kriseninfo.publishing.credentials import Credentials

        return Credentials()

    @cached_property
    def publishing(self) -> PublishingService:
        """The queue as officers see it (the worker itself runs on its own threads)."""
        from kriseninfo.publishing.service import PublishingService

        return PublishingService(self.database, self.clock)

    @cached_property
    def channel_setup(self) -> ChannelSetup:
        from kriseninfo.publishing.setup import ChannelSetup

        return ChannelSetup(self.database, self.credentials, self.clock)

    @cached_property
    def sources(self) -> SourceService:
        """Where the dialog feed's items come from (feeds, later platforms, hotline)."""
        from kriseninfo.dialog.sources import SourceService

        def account(account_id: int) -> AccountConfig | None:
            from kriseninfo.publishing.accounts import load_configs

            return load_configs(self.database, self.credentials).get(account_id)

        return SourceService(
            self.database, self.clock, account=account, triage=self.triage.for_incident
        )

    @cached_property
    def triage(self) -> TriageService:
        """The first guess of each item's category and its answers, with the playbook."""
        from kriseninfo.triage.service import TriageService

        return TriageService(self.database, self.playbooks.find, self.clock)

    @cached_property
    def dialog(self) -> DialogService:
        from kriseninfo.dialog.service import DialogService

        return DialogService(self.database, self.clock, self.triage.for_incident)

    @cached_property
    def answers(self) -> AnswerService:
        """Answering the dialog feed (suggestions, one answer for many, "Erledigt")."""
        from kriseninfo.dialog.answers import AnswerService

        library = self.playbooks
        return AnswerService(self.database, self.desk, library.find, library.approved, self.clock)

    @cached_property
    def followups(self) -> FollowUps:
        """FAQ messages and Richtigstellungen started from the dialog feed."""
        from kriseninfo.dialog.followups import FollowUps

        return FollowUps(self.database, self.playbooks.find, self.clock)

    @cached_property
    def response_targets(self) -> ResponseTargets:
        from kriseninfo.dialog.targets import ResponseTargets

        return ResponseTargets(self.database, self.clock)

    @cached_property
    def drills(self) -> DrillService:
        """Drills: their clock and injects (never reaching the public)."""
        from kriseninfo.drills.service import DrillService

        return DrillService(
            self.database, self.incidents, self.plans, self.clock, self.triage.for_incident
        )

    @cached_property
    def reviews(self) -> Reviewer:
        """After-action reviews of drills and closed incidents."""
        from kriseninfo.review.score import Reviewer

        return Reviewer(self.database, self.playbooks.find, self.clock)

    def close(self) -> None:
        self.saver.close()
        self.database.dispose()


def prepare_data_dir(paths: AppPaths) -> None:
    """Make sure the data dir exists and can be written; raises DATA_DIR_NOT_WRITABLE."""
    ensure_writable(paths.data_dir)


def open_database(options: Options, paths: AppPaths, clock: Clock = utc_now) -> Database:
    """Connect, check and migrate. Raises KriseninfoError with a code on every failure."""
    database = Database(options.database_url())
    try:
        database.check()
        migrate.upgrade(database, paths.backup_dir, clock)
    except BaseException:
        database.dispose()
        raise
    return database


def open_context(
    options: Options, clock: Clock = utc_now, settings: Settings | None = None
) -> AppContext:
    """Open everything; pass `settings` when the caller already holds this console's."""
    paths = options.paths()
    prepare_data_dir(paths)
    database = open_database(options, paths, clock)
    return AppContext(
        paths=paths,
        database=database,
        settings=settings or Settings(paths.settings_file),
        clock=clock,
    )
