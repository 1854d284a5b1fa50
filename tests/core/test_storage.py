"""Opening, migrating and failing safely: every storage fault gets a clear code."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import event, text

from kriseninfo.context import AppContext, Options, open_context
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.incidents.autosave import FieldEdit, LagebildSaver, PendingEdits
from kriseninfo.incidents.lagebild import LagebildField
from kriseninfo.journal import journal
from kriseninfo.storage import migrate
from kriseninfo.storage.database import Database
from kriseninfo.storage.models import Base, IncidentKind, IncidentMode, Role
from kriseninfo.storage.recovery import move_aside
from tests.conftest import FakeClock, spooled
from tests.support.pgserver import PostgresServer

FUTURE = Path(__file__).parent / "migrations_future"


def test_fresh_database_is_migrated_to_head(context: AppContext) -> None:
    state = migrate.schema_state(context.database)
    assert state.current == migrate.head_revision() and state.up_to_date


def test_migrations_match_the_models(context: AppContext) -> None:
    """A model change without a migration fails here."""
    with context.database.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []


def insert(connection: object, table: str, given: dict[str, object]) -> None:
    """A row with `given` values; every other required column gets a plain value."""
    from sqlalchemy import inspect

    values = dict(given)
    for column in inspect(connection).get_columns(table):
        if column["name"] in values or column["nullable"] or column["name"] == "id":
            continue
        kind = str(column["type"]).upper()
        number = "INT" in kind or "BOOL" in kind
        values[column["name"]] = (
            (True if "BOOL" in kind else 1) if number else "2026-11-27 09:00:00.000000"
        )
    names = ", ".join(values)
    marks = ", ".join(f":{name}" for name in values)
    connection.execute(text(f"INSERT INTO {table} ({names}) VALUES ({marks})"), values)  # type: ignore[attr-defined]


def test_a_sqlite_database_with_data_upgrades_through_table_rebuilds(tmp_path: Path) -> None:
    """Upgrades rebuild referenced tables on SQLite (0009 rebuilds feed_source, which
    dialog items reference): a filled database must come through, references intact.
    (PostgreSQL alters tables in place.)"""
    from alembic import command

    database = Database(f"sqlite:///{tmp_path / 'k.sqlite3'}")
    config = migrate._config()
    with database.connect() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0008")

    with database.connect() as c:
        insert(c, "user_account", {"id": 1, "name": "Anna Adler", "role": "leitung"})
        insert(c, "incident", {"id": 1, "created_by": 1, "mode": "real", "status": "active"})
        insert(c, "feed_source", {"id": 1, "incident_id": 1, "kind": "feed"})
        insert(c, "dialog_item", {"id": 1, "incident_id": 1, "source_id": 1, "text": "Frage?"})
    migrate.upgrade(database, tmp_path / "backups")
    with database.connect() as c:
        assert c.execute(text("SELECT source_id, text FROM dialog_item")).one() == (1, "Frage?")
        assert c.execute(text("SELECT account_id, cursor FROM feed_source")).one() == (None, "")
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    database.dispose()


def test_categories_set_by_hand_before_0011_stay_set_by_hand(db_url: str, tmp_path: Path) -> None:
    """0011 reads the journal: an item whose category a person changed keeps it when the
    triage runs again; the others may be guessed anew."""
    from alembic import command

    database = Database(db_url)
    config = migrate._config()
    with database.connect() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0010")
        connection.commit()

    with database.connect() as c:
        insert(c, "user_account", {"id": 1, "name": "Anna Adler", "role": "leitung"})
        insert(c, "incident", {"id": 1, "created_by": 1, "mode": "real", "status": "active"})
        for number in (1, 2):
            given = {"id": number, "incident_id": 1, "dedupe_key": f"k{number}"}
            insert(c, "dialog_item", {**given, "category": "frage", "state": "offen"})
        insert(
            c,
            "journal_entry",
            {
                "seq": 1,
                "action": "dialog.item_changed",
                "field": "item 1",
                "new_value": "Kategorie frage",
            },
        )
        c.commit()  # type: ignore[attr-defined]
    migrate.upgrade(database, tmp_path / "backups")
    with database.connect() as c:
        rows = c.execute(text("SELECT id, category_by_hand FROM dialog_item ORDER BY id"))
        assert [(row[0], bool(row[1])) for row in rows] == [(1, True), (2, False)]
    database.dispose()


def test_sqlite_runs_in_wal_with_foreign_keys(tmp_path: Path) -> None:
    ctx = open_context(Options(data_dir=tmp_path))
    with ctx.database.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 15000
    ctx.close()
    assert (tmp_path / "kriseninfo.sqlite3").exists()


def test_sqlite_file_is_backed_up_before_migrating(tmp_path: Path) -> None:
    """SQLite files only; a PostgreSQL server is backed up with its own tools."""
    context = open_context(Options(data_dir=tmp_path))
    context.users.create("Anna Adler", Role.LEITUNG, "2468", None)
    context.close()
    before = migrate.upgrade(context.database, context.paths.backup_dir, extra_versions=[FUTURE])
    assert before.current == migrate.head_revision()
    backups = list(context.paths.backup_dir.glob(f"kriseninfo-schema{before.current}-*.sqlite3"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    names = [row[0] for row in copy.execute("SELECT name FROM user_account")]
    tables = {row[0] for row in copy.execute("SELECT name FROM sqlite_master")}
    copy.close()
    assert names == ["Anna Adler"] and "test_extra" not in tables
    assert migrate.schema_state(context.database, [FUTURE]).current == "0002_test"
    context.close()


def test_schema_from_a_newer_program_is_refused(options: Options) -> None:
    ctx = open_context(options)
    with ctx.database.connect() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0099_future'"))
        connection.execute(
            text("UPDATE kriseninfo_meta SET value = '9.3.0' WHERE key = 'schema_written_by'")
        )
    ctx.close()
    with pytest.raises(KriseninfoError) as caught:
        open_context(options)
    error = caught.value
    assert error.code is ErrorCode.DB_SCHEMA_TOO_NEW
    assert error.params["needed_version"] == "9.3.0"
    assert "9.3.0" in error.detail and "0099_future" in error.detail


@pytest.mark.logs_warnings
@pytest.mark.parametrize(
    "content", [b"this is not a database at all" * 200, b"SQLite format 3\x00" + b"\xff" * 4000]
)
def test_corrupt_sqlite_file_is_reported_and_moved_aside(tmp_path: Path, content: bytes) -> None:
    db_file = tmp_path / "kriseninfo.sqlite3"
    db_file.write_bytes(content)
    with pytest.raises(KriseninfoError) as caught:
        open_context(Options(data_dir=tmp_path))
    assert caught.value.code is ErrorCode.DB_CORRUPT
    assert caught.value.params["path"] == str(db_file)
    moved = move_aside(db_file, FakeClock()())
    assert moved.read_bytes() == content  # kept, never deleted
    assert not db_file.exists()
    ctx = open_context(Options(data_dir=tmp_path))
    assert ctx.users.count() == 0
    ctx.close()


def test_data_dir_not_writable(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(KriseninfoError) as caught:
        open_context(Options(data_dir=blocker / "data"))
    assert caught.value.code is ErrorCode.DATA_DIR_NOT_WRITABLE
    assert caught.value.params["path"] == str(blocker / "data")


@pytest.mark.logs_warnings
def test_disk_full_keeps_the_edit_and_saves_it_later(tmp_path: Path, clock: FakeClock) -> None:
    """A real SQLITE_FULL: the file may not grow; the edit waits in the spool."""
    ctx = open_context(Options(data_dir=tmp_path), clock)
    leitung = ctx.users.create("Anna Adler", Role.LEITUNG, "2468", None)
    incident = ctx.incidents.create(
        "Unwetter", IncidentKind.UNWETTER, IncidentMode.REAL, leitung.actor
    )
    ctx.database.engine.dispose()

    def cap(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    event.listen(ctx.database.engine, "connect", cap)
    long_text = "Starkregen im ganzen Stadtgebiet. " * 500
    result = ctx.saver.save(
        FieldEdit(incident.id, LagebildField.WHAT_HAPPENED, long_text, leitung.actor)
    )
    assert result.error is not None and result.error.code is ErrorCode.DISK_FULL
    assert result.pending == 1
    assert spooled(ctx.paths) == 1

    event.remove(ctx.database.engine, "connect", cap)
    ctx.database.engine.dispose()
    assert ctx.saver.flush().saved
    assert ctx.incidents.get(incident.id).what_happened == long_text
    assert spooled(ctx.paths) == 0
    ctx.close()


def test_unreachable_postgres_names_host_and_port() -> None:
    database = Database("postgresql+psycopg://kriseninfo@127.0.0.1:9/kriseninfo")
    with pytest.raises(KriseninfoError) as caught:
        database.check()
    error = caught.value
    assert error.code is ErrorCode.DB_UNREACHABLE and error.transient
    assert error.params == {"host": "127.0.0.1", "port": "9"}
    database.dispose()


def test_two_consoles_write_side_by_side(options: Options, db_url: str) -> None:
    """Three real processes write to one database at once (one SQLite file, or one
    PostgreSQL server); the journal chain and the data stay whole."""
    ctx = open_context(options)
    leitung = ctx.users.create("Anna Adler", Role.LEITUNG, "2468", None)
    incident = ctx.incidents.create(
        "Großbrand", IncidentKind.GROSSBRAND, IncidentMode.REAL, leitung.actor
    )
    ctx.close()
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from kriseninfo.context import Options, open_context\n"
        "from kriseninfo.incidents.lagebild import LagebildField\n"
        "from kriseninfo.journal.journal import Actor\n"
        "ctx = open_context(Options(db_url=sys.argv[1], data_dir=Path(sys.argv[2])))\n"
        "field = LagebildField(sys.argv[3])\n"
        "for i in range(60):\n"
        "    ctx.incidents.set_field(int(sys.argv[4]), field, f'{sys.argv[3]} {i}',\n"
        "                            Actor(1, 'Anna Adler'))\n"
        "ctx.close()\n"
    )
    data_dir = options.paths().data_dir
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", script, db_url, str(data_dir), field, str(incident.id)]
        )
        for field in ("what_happened", "location", "affected_area")
    ]
    assert [w.wait(timeout=120) for w in workers] == [0, 0, 0]
    ctx = open_context(options)
    with ctx.database.session() as session:
        result = journal.verify(session)
        if ctx.database.is_sqlite:
            assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    assert result.ok and result.entries == 2 + 3 * 60
    stored = ctx.incidents.get(incident.id)
    assert (stored.what_happened, stored.location) == ("what_happened 59", "location 59")
    ctx.close()


def test_postgres_outage_keeps_edits_and_replays_them_after_restart(
    pg_server: PostgresServer, tmp_path: Path
) -> None:
    """The server goes away mid-session; edits wait in the spool, survive a restart of the
    program, and land when the server is back."""
    url = pg_server.create_database("kriseninfo_outage")
    options = Options(db_url=url, data_dir=tmp_path)
    ctx = open_context(options)
    leitung = ctx.users.create("Anna Adler", Role.LEITUNG, "2468", None)
    incident = ctx.incidents.create(
        "Großbrand", IncidentKind.GROSSBRAND, IncidentMode.REAL, leitung.actor
    )
    pg_server.stop()
    try:
        edit = FieldEdit(incident.id, LagebildField.LOCATION, "Hafenstraße", leitung.actor)
        result = ctx.saver.save(edit)
        assert result.error is not None and result.error.code is ErrorCode.DB_UNREACHABLE
        assert result.error.params["port"] == str(pg_server.port)
        # The console ends here with the edit still waiting; the next one takes it over.
        ctx.saver.close()
        again = LagebildSaver(ctx.incidents, PendingEdits(options.paths().pending_dir))
        assert again.pending == 1
    finally:
        pg_server.start()
    assert again.flush().saved
    again.close()
    assert ctx.incidents.get(incident.id).location == "Hafenstraße"
    ctx.close()


def test_reading_is_not_held_up_by_a_write_at_another_console(tmp_path: Path) -> None:
    """SQLite in WAL mode lets readers read while a writer holds the lock; Kriseninfo's
    read-only work must not queue behind it (writes do, by design)."""
    ctx = open_context(Options(data_dir=tmp_path))
    leitung = ctx.users.create("Anna Adler", Role.LEITUNG, "2468", None)
    ctx.incidents.create("Brand", IncidentKind.GROSSBRAND, IncidentMode.REAL, leitung.actor)
    blocker = sqlite3.connect(tmp_path / "kriseninfo.sqlite3", isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        assert [i.title for i in ctx.incidents.list()] == ["Brand"]
        with ctx.database.session(readonly=True) as session:
            assert journal.verify(session).ok
        assert [p.name for p in ctx.users.list()] == ["Anna Adler"]
        assert time.monotonic() - started < 5  # the busy timeout is 15 s
    finally:
        blocker.rollback()
        blocker.close()
    ctx.close()
