"""Run a real, throwaway PostgreSQL server on 127.0.0.1 for tests.

The server is built from the PostgreSQL binaries that Debian installs under
``/usr/lib/postgresql/<version>/bin`` (the newest version wins), falling back
to ``initdb``/``pg_ctl`` found on ``PATH``.  It is tuned for speed, not for
safety: ``fsync``, ``full_page_writes`` and ``synchronous_commit`` are off,
and authentication is ``trust`` -- which is why it only ever listens on the
loopback address.

Typical use in a fixture::

    server = PostgresServer(tmp_path_factory.mktemp("pg"))
    server.start()
    url = server.create_database("kriseninfo_test")   # SQLAlchemy URL
    ...
    server.close()        # stop the server and remove its files

``PostgresServer`` is also a context manager (``with PostgresServer(d) as s``
starts it and closes it).  Every instance registers an :mod:`atexit` hook,
so a server is stopped even if a test session forgets to close it.

The TCP port is chosen once, at construction, and kept across ``stop()`` /
``start()``, so URLs handed out before a restart stay valid.  (The port is
"free" when chosen; another process could grab it in between, in which case
``start()`` fails with the server log in the error message.)

Running as root
---------------
PostgreSQL refuses to run as root.  When the current process is root, this
module runs ``initdb``, ``pg_ctl`` (and therefore the server) as the
``postgres`` system account that Debian's ``postgresql`` package creates, by
letting :func:`subprocess.run` switch user and group (``user=``/``group=``,
the same thing ``setpriv`` does).  That account must be able to reach the
data directory, but pytest's temporary directories live under
``/tmp/pytest-of-root`` with mode 0700.  So, as root, the server's files do
**not** go into ``base_dir``: they go into a fresh ``tempfile.mkdtemp()``
directory directly under ``/tmp`` (mode 0755, owned by ``postgres``), which
:meth:`PostgresServer.close` deletes again.  ``base_dir`` then only receives
a small ``pgserver-location.txt`` naming that directory, to help debugging.
When not root, everything lives in ``base_dir`` and nothing is deleted.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Final

import psycopg
from psycopg import sql
from psycopg.rows import TupleRow

__all__ = ["HOST", "PostgresServer", "available", "find_pg_bin_dir"]

#: Address the server listens on (loopback only; authentication is "trust").
HOST: Final = "127.0.0.1"
#: Name of the database superuser created by ``initdb``.
SUPERUSER: Final = "postgres"
#: Operating-system account the server runs as when we are root.
SYSTEM_USER: Final = "postgres"
#: Seconds to wait for the server to start accepting connections.
STARTUP_TIMEOUT: Final = 30.0
#: Seconds to wait for ``pg_ctl stop`` and ``initdb``.
COMMAND_TIMEOUT: Final = 60.0

_DEBIAN_PG_ROOT: Final = Path("/usr/lib/postgresql")
_REQUIRED_TOOLS: Final = ("initdb", "pg_ctl", "postgres")
#: ``sun_path`` holds 107 characters; the socket file name adds
#: ``/.s.PGSQL.NNNNN`` (15 characters) to the directory.
_MAX_SOCKET_DIR_LEN: Final = 107 - 15
_SETTINGS_FILE: Final = "kriseninfo_test.conf"
#: Database names this helper accepts.  SQLAlchemy does not percent-decode the
#: database part of a URL, so names must be usable verbatim in a URL.
_DBNAME_RE: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}")


def _running_as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _has_tools(bin_dir: Path) -> bool:
    return all(
        (bin_dir / tool).is_file() and os.access(bin_dir / tool, os.X_OK)
        for tool in _REQUIRED_TOOLS
    )


def _version_key(bin_dir: Path) -> tuple[int, ...]:
    """Sort key for ``/usr/lib/postgresql/<version>/bin`` (``"15"``, ``"9.6"``)."""
    try:
        return tuple(int(part) for part in bin_dir.parent.name.split("."))
    except ValueError:
        return (-1,)


def find_pg_bin_dir() -> Path | None:
    """Return the directory holding ``initdb``, ``pg_ctl`` and ``postgres``.

    Prefers the newest ``/usr/lib/postgresql/<version>/bin``; otherwise the
    (symlink-resolved) directory of ``initdb`` on ``PATH``.  ``None`` if no
    usable installation is found.
    """
    for candidate in sorted(_DEBIAN_PG_ROOT.glob("*/bin"), key=_version_key, reverse=True):
        if _has_tools(candidate):
            return candidate
    initdb = shutil.which("initdb")
    if initdb is not None:
        bin_dir = Path(initdb).resolve().parent
        if _has_tools(bin_dir):
            return bin_dir
    return None


def available() -> bool:
    """True if a throwaway server can be started here (binaries, user present).

    This does not start a server; it only checks the prerequisites.
    """
    if find_pg_bin_dir() is None:
        return False
    if _running_as_root():
        try:
            pwd.getpwnam(SYSTEM_USER)
        except KeyError:
            return False
    return True


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def _check_dbname(name: str) -> str:
    if not _DBNAME_RE.fullmatch(name):
        raise ValueError(
            f"invalid test database name {name!r}: use letters, digits and '_' "
            "(not starting with a digit, at most 63 characters)"
        )
    return name


def _conf_quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _tmp_root() -> str:
    # Deliberately /tmp rather than $TMPDIR: /tmp is world-traversable.
    return "/tmp" if os.path.isdir("/tmp") else tempfile.gettempdir()


class PostgresServer:
    """A throwaway PostgreSQL cluster listening on ``127.0.0.1:<port>``.

    Constructing the object picks the port and prepares directories but does
    not start anything; call :meth:`start`.  The cluster is created with
    ``initdb`` on the first start and reused by later starts.
    """

    host: Final = HOST

    def __init__(self, base_dir: Path) -> None:
        bin_dir = find_pg_bin_dir()
        if bin_dir is None:
            raise RuntimeError(
                "PostgreSQL binaries not found (looked in /usr/lib/postgresql/*/bin "
                "and on PATH); install the 'postgresql' package "
                "(scripts/system-deps.sh does that)"
            )
        self.bin_dir: Final[Path] = bin_dir
        self.base_dir: Final[Path] = Path(base_dir)
        #: Database superuser name used in the URLs.
        self.user: Final[str] = SUPERUSER
        #: TCP port; fixed for the lifetime of the object.
        self.port: Final[int] = _free_port()

        self._run_as: pwd.struct_passwd | None = None
        self._owns_server_dir = False
        self.base_dir.mkdir(parents=True, exist_ok=True)
        if _running_as_root():
            try:
                self._run_as = pwd.getpwnam(SYSTEM_USER)
            except KeyError:
                raise RuntimeError(
                    f"running as root, but there is no {SYSTEM_USER!r} system user "
                    "to run PostgreSQL as (PostgreSQL refuses to run as root)"
                ) from None
            server_dir = Path(tempfile.mkdtemp(prefix="kriseninfo-pg-", dir=_tmp_root()))
            self._owns_server_dir = True
            os.chmod(server_dir, 0o755)
            self._chown(server_dir)
            (self.base_dir / "pgserver-location.txt").write_text(f"{server_dir}\n")
        else:
            server_dir = self.base_dir

        #: Directory holding the data directory, log file and socket directory.
        self.server_dir: Final[Path] = server_dir
        self.data_dir: Final[Path] = server_dir / "data"
        self.log_file: Final[Path] = server_dir / "postgres.log"
        socket_dir = server_dir / "socket"
        #: Unix socket directory, or ``None`` if the path would be too long
        #: for a socket (then the server is reachable over TCP only).
        self.socket_dir: Final[Path | None] = (
            socket_dir if len(str(socket_dir)) <= _MAX_SOCKET_DIR_LEN else None
        )
        self._closed = False
        atexit.register(self.close)

    # ------------------------------------------------------------------ API

    @property
    def is_running(self) -> bool:
        """True if the postmaster named in ``postmaster.pid`` is alive."""
        return self._postmaster_alive()

    def _postmaster_alive(self) -> bool:
        # A method, not only the property, so that mypy does not "narrow" the
        # value across calls (it changes as the server starts and stops).
        try:
            first_line = (self.data_dir / "postmaster.pid").read_text().split("\n", 1)[0]
            pid = int(first_line)
        except (OSError, ValueError):
            return False
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        # A postmaster that died but is not yet reaped (its parent is init,
        # which may reap lazily in containers) still answers kill(pid, 0).
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            return True
        return stat.rpartition(")")[2].split()[:1] != ["Z"]

    def admin_url(self, dbname: str = "postgres") -> str:
        """SQLAlchemy URL ``postgresql+psycopg://USER@127.0.0.1:PORT/DBNAME``.

        ``dbname`` must match ``[A-Za-z_][A-Za-z0-9_]*`` (else ``ValueError``).
        """
        _check_dbname(dbname)
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{dbname}"

    def connect(self, dbname: str = "postgres") -> psycopg.Connection[TupleRow]:
        """Open an autocommit psycopg connection to ``dbname`` as the superuser."""
        return psycopg.connect(
            host=self.host,
            port=self.port,
            user=self.user,
            dbname=dbname,
            autocommit=True,
            connect_timeout=5,
            sslmode="disable",
            gssencmode="disable",
        )

    def create_database(self, name: str) -> str:
        """Create a fresh, empty database ``name``; return its SQLAlchemy URL.

        ``name`` must match ``[A-Za-z_][A-Za-z0-9_]*`` (at most 63 characters;
        case is preserved), else :class:`ValueError`.  Raises
        :class:`psycopg.errors.DuplicateDatabase` if it already exists.
        """
        _check_dbname(name)
        if not self.is_running:
            raise RuntimeError("PostgreSQL test server is not running; call start() first")
        with self.connect() as conn:
            conn.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8'").format(
                    sql.Identifier(name)
                )
            )
        return self.admin_url(name)

    def start(self) -> None:
        """Start the server (``initdb`` first if needed) and wait until it accepts
        connections.  A no-op if it is already running.

        Raises :class:`RuntimeError`, including the tail of the server log, if
        the server does not come up within :data:`STARTUP_TIMEOUT` seconds; any
        half-started server is stopped before raising.
        """
        if self._closed:
            raise RuntimeError("PostgresServer was closed; create a new one")
        if self.is_running:
            return
        self._init_cluster_if_needed()
        self._write_settings()
        deadline = time.monotonic() + STARTUP_TIMEOUT
        try:
            result = self._run(
                [
                    self._tool("pg_ctl"),
                    "start",
                    "--silent",
                    "--wait",
                    f"--timeout={int(STARTUP_TIMEOUT)}",
                    "-D",
                    str(self.data_dir),
                    "-l",
                    str(self.log_file),
                ],
                timeout=STARTUP_TIMEOUT + 15,
            )
        except subprocess.TimeoutExpired:
            self._abort_start()
            raise RuntimeError(self._describe_failure("pg_ctl start timed out")) from None
        if result.returncode != 0:
            self._abort_start()
            raise RuntimeError(self._describe_failure("pg_ctl start failed", result))
        self._wait_until_accepting(deadline)

    def stop(self) -> None:
        """Stop the server (``pg_ctl stop -m fast``); a no-op if not running.

        Falls back to ``-m immediate`` if a fast shutdown does not finish;
        raises :class:`RuntimeError` only if the server is still running then.
        """
        if not self.is_running:
            return
        result: subprocess.CompletedProcess[str] | None = None
        for mode in ("fast", "immediate"):
            try:
                result = self._run(
                    [
                        self._tool("pg_ctl"),
                        "stop",
                        "--silent",
                        "--wait",
                        f"--timeout={int(COMMAND_TIMEOUT)}",
                        "-D",
                        str(self.data_dir),
                        "-m",
                        mode,
                    ],
                    timeout=COMMAND_TIMEOUT + 15,
                )
            except subprocess.TimeoutExpired:
                result = None
            if not self._postmaster_alive():
                return
        raise RuntimeError(self._describe_failure("could not stop PostgreSQL", result))

    def close(self) -> None:
        """Stop the server and, if running as root, delete its temporary directory.

        Idempotent; also called at interpreter exit.
        """
        if self._closed:
            return
        self._closed = True
        atexit.unregister(self.close)
        try:
            self.stop()
        finally:
            if self._owns_server_dir and not self.is_running:
                shutil.rmtree(self.server_dir, ignore_errors=True)

    def log_tail(self, lines: int = 40) -> str:
        """The last ``lines`` lines of the server log (for error messages)."""
        try:
            text = self.log_file.read_text(errors="replace")
        except OSError:
            return f"(no server log at {self.log_file})"
        return "\n".join(text.splitlines()[-lines:])

    def __enter__(self) -> PostgresServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "running" if self.is_running else "stopped"
        return f"<PostgresServer {self.host}:{self.port} {state} dir={self.server_dir}>"

    # ------------------------------------------------------------ internals

    def _tool(self, name: str) -> str:
        return str(self.bin_dir / name)

    def _chown(self, path: Path) -> None:
        if self._run_as is not None:
            os.chown(path, self._run_as.pw_uid, self._run_as.pw_gid)

    def _env(self) -> dict[str, str]:
        # Drop libpq/pg_ctl variables (PGDATA, PGPORT, PGOPTIONS, ...) that
        # could redirect the tools to some other cluster.
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env["LC_ALL"] = "C"
        if self._run_as is not None:
            env["HOME"] = self._run_as.pw_dir
            env["USER"] = env["LOGNAME"] = self._run_as.pw_name
        return env

    def _run(self, args: Sequence[str], *, timeout: float) -> subprocess.CompletedProcess[str]:
        """Run a PostgreSQL tool, as the ``postgres`` user when we are root.

        Output is captured; that is safe for ``pg_ctl start`` because it
        redirects the server's own stdio to the ``-l`` log file.
        """
        run_as = self._run_as
        return subprocess.run(
            list(args),
            cwd=self.server_dir,
            env=self._env(),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            user=None if run_as is None else run_as.pw_uid,
            group=None if run_as is None else run_as.pw_gid,
            extra_groups=None if run_as is None else [],
        )

    def _init_cluster_if_needed(self) -> None:
        if (self.data_dir / "PG_VERSION").exists():
            return
        try:
            result = self._run(
                [
                    self._tool("initdb"),
                    "-D",
                    str(self.data_dir),
                    f"--username={self.user}",
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--locale=C",
                    "--no-sync",
                ],
                timeout=COMMAND_TIMEOUT,
            )
        except subprocess.TimeoutExpired:
            raise RuntimeError(f"initdb timed out after {COMMAND_TIMEOUT} s") from None
        if result.returncode != 0:
            raise RuntimeError(self._describe_failure("initdb failed", result))
        with (self.data_dir / "postgresql.conf").open("a") as conf:
            conf.write(f"\n# Kriseninfo test server settings\ninclude = '{_SETTINGS_FILE}'\n")

    def _write_settings(self) -> None:
        """(Re)write the included settings file; runs before every start."""
        socket_dirs = ""
        if self.socket_dir is not None:
            self.socket_dir.mkdir(exist_ok=True)
            self._chown(self.socket_dir)
            socket_dirs = str(self.socket_dir)
        settings = {
            "listen_addresses": _conf_quote(self.host),
            "port": str(self.port),
            "unix_socket_directories": _conf_quote(socket_dirs),
            "fsync": "off",
            "full_page_writes": "off",
            "synchronous_commit": "off",
            "shared_buffers": "'32MB'",
            "max_connections": "100",
        }
        path = self.data_dir / _SETTINGS_FILE
        path.write_text("".join(f"{key} = {value}\n" for key, value in settings.items()))
        path.chmod(0o644)
        self._chown(path)

    def _wait_until_accepting(self, deadline: float) -> None:
        last_error: Exception | None = None
        while True:
            try:
                with self.connect() as conn:
                    conn.execute("SELECT 1")
                return
            except psycopg.Error as exc:
                last_error = exc
            if time.monotonic() >= deadline or not self.is_running:
                break
            time.sleep(0.1)
        self._abort_start()
        raise RuntimeError(
            self._describe_failure(
                f"PostgreSQL did not accept connections on {self.host}:{self.port} "
                f"within {STARTUP_TIMEOUT:.0f} s (last error: {last_error})"
            )
        )

    def _abort_start(self) -> None:
        """Best effort: make sure a half-started server does not linger."""
        with contextlib.suppress(RuntimeError, OSError):
            self.stop()

    def _describe_failure(
        self, what: str, result: subprocess.CompletedProcess[str] | None = None
    ) -> str:
        parts = [f"{what} (data dir {self.data_dir}, port {self.port})"]
        if result is not None:
            parts.append(f"exit code {result.returncode}")
            if result.stdout.strip():
                parts.append(f"stdout:\n{result.stdout.strip()}")
            if result.stderr.strip():
                parts.append(f"stderr:\n{result.stderr.strip()}")
        parts.append(f"server log ({self.log_file}), last lines:\n{self.log_tail()}")
        return "\n".join(parts)
