"""Shared fixtures: real SQLite files and a real PostgreSQL server, a controllable clock,
and a check that fails any test which logs an unexpected warning."""

from __future__ import annotations

import itertools
import logging
import os
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kriseninfo.context import AppContext, Options, open_context
from kriseninfo.storage.models import Role
from kriseninfo.users.service import Person
from tests.support import pgserver

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

# Every test, and every process a test starts, uses a real keyring backend in a file of
# this run's own: never the developer's keyring, never a backend that needs a desktop.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="kriseninfo-tests-xdg-")
LEITUNG_PIN = "2468"


class FakeClock:
    """A clock that moves only when told (or by `step` on every reading)."""

    def __init__(self, start: datetime | None = None, step: timedelta = timedelta(0)):
        self.now = start or datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
        self.step = step

    def __call__(self) -> datetime:
        current = self.now
        self.now += self.step
        return current

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[pgserver.PostgresServer]:
    if not pgserver.available():
        if IN_CI:
            pytest.fail("PostgreSQL binaries missing in CI; `make test` installs them")
        pytest.skip("PostgreSQL binaries not installed (run scripts/system-deps.sh)")
    server = pgserver.PostgresServer(tmp_path_factory.mktemp("pg"))
    server.start()
    yield server
    server.close()


_db_counter = itertools.count(1)


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database of each kind."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'kriseninfo.sqlite3'}"
    server: pgserver.PostgresServer = request.getfixturevalue("pg_server")
    return server.create_database(f"kriseninfo_t{os.getpid()}_{next(_db_counter)}")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(step=timedelta(seconds=1))


@pytest.fixture
def options(tmp_path: Path, db_url: str) -> Options:
    return Options(db_url=db_url, data_dir=tmp_path / "data")


@pytest.fixture
def context(options: Options, clock: FakeClock) -> Iterator[AppContext]:
    ctx = open_context(options, clock)
    yield ctx
    ctx.close()


@pytest.fixture
def leitung(context: AppContext) -> Person:
    return context.users.create("Anna Adler", Role.LEITUNG, LEITUNG_PIN, None)


@pytest.fixture(autouse=True)
def _fail_on_unexpected_log(
    request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> Iterator[None]:
    """An unexpected warning or error in the log fails the test (see qutebrowser's logfail)."""
    caplog.set_level(logging.INFO)
    yield
    # A test that expects problems may log warnings and errors; an uncaught exception
    # (CRITICAL) fails every test unless it is what the test is about.
    allowed = logging.WARNING
    if request.node.get_closest_marker("logs_warnings"):
        allowed = logging.CRITICAL
    if request.node.get_closest_marker("logs_critical"):
        allowed = logging.CRITICAL + 1
    records = [r for when in ("setup", "call", "teardown") for r in caplog.get_records(when)]
    bad = [r for r in records if r.levelno >= allowed]
    if bad:
        lines = "\n".join(f"{r.levelname} {r.name}: {r.getMessage()}" for r in bad)
        pytest.fail(f"unexpected warnings in the log:\n{lines}")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--run-soak", action="store_true", help="run the long soak tests")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Soak tests run only with `make soak`; they are deselected, never skipped."""
    run_soak = config.getoption("--run-soak")
    selected = [item for item in items if bool(item.get_closest_marker("soak")) == run_soak]
    deselected = [item for item in items if item not in selected]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = selected


def spooled(paths: object) -> int:
    """How many edits wait in the spool files of a data dir (see incidents.autosave)."""
    from kriseninfo.paths import AppPaths

    assert isinstance(paths, AppPaths)
    return sum(
        len(path.read_text(encoding="utf-8").splitlines())
        for path in paths.pending_dir.glob("edits-*.jsonl")
    )
