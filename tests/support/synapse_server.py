"""Run a real, throwaway Synapse homeserver on 127.0.0.1 for the Matrix channel tests.

Synapse comes from the test environment (`matrix-synapse`) and runs as
`python -m synapse.app.homeserver` with a config written here: server name
"localhost", SQLite, one plain-HTTP listener with only the client (and media)
resources, no federation listener, no registration, no stats, no key servers,
no URL previews. Users are made with the shared-secret admin registration API,
which hands back an access token for a fresh device.

Typical use::

    with synapse_server.running(tmp_path) as server:
        kreis = server.register("kreis")
        room = server.create_room(kreis, alias="kreisinfo")
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import hmac
import importlib.util
import json
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Final, Self
from urllib.parse import quote

import requests

HOST: Final = "127.0.0.1"
SERVER_NAME: Final = "localhost"
#: Seconds to wait for `/_matrix/client/versions` to answer after starting.
STARTUP_TIMEOUT: Final = 60.0
#: Generous limits for everything but sending events, so only a test that asks gets a 429.
_RELAXED = {"per_second": 1000, "burst_count": 1000}
#: Sending events (`rc_message`): one, then the next only after 1,000 s. A test does not
#: race a refilling bucket (a busy machine can take a second between two sends); users
#: are exempt (`unlimit`) unless a test puts them under this limit (`limit`) and lifts
#: it again to retry.
_STRICT_MESSAGES = {"per_second": 0.001, "burst_count": 1}


def available() -> bool:
    return importlib.util.find_spec("synapse") is not None


@dataclass(frozen=True)
class User:
    user_id: str
    access_token: str
    device_id: str


class SynapseError(Exception):
    """Synapse did not start, or answered a setup call with an error."""


class SynapseServer:
    """One Synapse process. `start()` waits until it answers; `close()` stops it."""

    def __init__(self, base_dir: Path):
        self.base_dir = base_dir
        self.port = _free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.shared_secret = secrets.token_hex(16)
        self.startup_seconds = 0.0
        self._process: subprocess.Popen[bytes] | None = None
        self._admin: User | None = None  # the first admin registered; sets rate limits
        self._session = requests.Session()

    # -- lifecycle ---------------------------------------------------------------------------
    def start(self) -> None:
        config = self._write_config()
        started = time.monotonic()
        log = (self.base_dir / "stdout.log").open("wb")
        self._process = subprocess.Popen(
            [sys.executable, "-m", "synapse.app.homeserver", "--config-path", str(config)],
            cwd=self.base_dir,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        atexit.register(self.close)
        deadline = started + STARTUP_TIMEOUT
        while True:
            if self._process.poll() is not None:
                raise SynapseError(
                    f"Synapse exited with {self._process.returncode} while starting:\n"
                    + self._log_tail()
                )
            try:
                if self._session.get(f"{self.url}/_matrix/client/versions", timeout=1).ok:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                self.close()
                raise SynapseError(
                    f"Synapse did not answer within {STARTUP_TIMEOUT:.0f} s:\n" + self._log_tail()
                )
            time.sleep(0.1)
        self.startup_seconds = time.monotonic() - started

    def close(self) -> None:
        process, self._process = self._process, None
        self._session.close()
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _write_config(self) -> Path:
        from signedjson.key import generate_signing_key, write_signing_keys

        media = self.base_dir / "media"
        media.mkdir(exist_ok=True)
        key_path = self.base_dir / f"{SERVER_NAME}.signing.key"
        with key_path.open("w") as key_file:
            write_signing_keys(key_file, (generate_signing_key("a_test"),))
        log_config = self.base_dir / "log.yaml"
        log_config.write_text(
            json.dumps(
                {
                    "version": 1,
                    "formatters": {
                        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
                    },
                    "handlers": {
                        "file": {
                            "class": "logging.FileHandler",
                            "filename": str(self.base_dir / "homeserver.log"),
                            "formatter": "plain",
                        }
                    },
                    "root": {"level": "WARNING", "handlers": ["file"]},
                    "disable_existing_loggers": False,
                }
            )
        )
        settings: dict[str, Any] = {
            "server_name": SERVER_NAME,
            "public_baseurl": self.url + "/",
            "pid_file": str(self.base_dir / "homeserver.pid"),
            "listeners": [
                {
                    "port": self.port,
                    "bind_addresses": [HOST],
                    "type": "http",
                    "tls": False,
                    "x_forwarded": False,
                    "resources": [{"names": ["client"], "compress": False}],
                }
            ],
            "database": {
                "name": "sqlite3",
                "args": {"database": str(self.base_dir / "homeserver.db")},
            },
            "log_config": str(log_config),
            "media_store_path": str(media),
            "signing_key_path": str(key_path),
            "registration_shared_secret": self.shared_secret,
            "macaroon_secret_key": secrets.token_hex(16),
            "form_secret": secrets.token_hex(16),
            "enable_registration": False,
            "report_stats": False,
            "enable_metrics": False,
            "trusted_key_servers": [],
            "suppress_key_server_warning": True,
            "federation_domain_whitelist": [],
            "url_preview_enabled": False,
            "presence": {"enabled": False},
            "rc_message": _STRICT_MESSAGES,
            "rc_registration": _RELAXED,
            "rc_login": {
                "address": _RELAXED,
                "account": _RELAXED,
                "failed_attempts": _RELAXED,
            },
            "rc_joins": {"local": _RELAXED, "remote": _RELAXED},
            "rc_invites": {"per_room": _RELAXED, "per_user": _RELAXED, "per_issuer": _RELAXED},
            "rc_media_create": _RELAXED,
        }
        path = self.base_dir / "homeserver.yaml"
        path.write_text(json.dumps(settings, indent=2))  # YAML reads JSON
        return path

    def _log_tail(self, lines: int = 40) -> str:
        text = ""
        for name in ("stdout.log", "homeserver.log"):
            path = self.base_dir / name
            if path.exists():
                text += "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) + "\n"
        return text

    # -- client-server calls for setting up and checking -------------------------------------
    def call(
        self,
        method: str,
        path: str,
        token: str | None = None,
        body: Mapping[str, Any] | None = None,
        params: Mapping[str, str] | None = None,
    ) -> Any:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = self._session.request(
            method,
            self.url + path,
            json=body,
            params=params,
            headers=headers,
            timeout=30,
        )
        if not response.ok:
            raise SynapseError(f"{method} {path}: HTTP {response.status_code} {response.text}")
        return response.json() if response.content else None

    def register(self, name: str, *, admin: bool = False) -> User:
        """A new user with an access token, via the shared-secret registration API.

        The first user must be an admin: every user is exempted from the event rate limit
        through the admin API as it is registered."""
        if self._admin is None and not admin:
            raise SynapseError("register an admin first: rate limits are set through it")
        nonce = self.call("GET", "/_synapse/admin/v1/register")["nonce"]
        password = secrets.token_hex(8)
        mac = hmac.new(self.shared_secret.encode(), digestmod=hashlib.sha1)
        mac.update(b"\x00".join([nonce.encode(), name.encode(), password.encode()]))
        mac.update(b"\x00" + (b"admin" if admin else b"notadmin"))
        body = {
            "nonce": nonce,
            "username": name,
            "password": password,
            "admin": admin,
            "mac": mac.hexdigest(),
        }
        answer = self.call("POST", "/_synapse/admin/v1/register", body=body)
        user = User(answer["user_id"], answer["access_token"], answer["device_id"])
        self._admin = self._admin or user
        self.unlimit(user)
        return user

    def create_room(self, owner: User, *, alias: str = "", public: bool = True) -> str:
        body: dict[str, Any] = {"preset": "public_chat" if public else "private_chat"}
        if alias:
            body["room_alias_name"] = alias
        return str(
            self.call("POST", "/_matrix/client/v3/createRoom", owner.access_token, body)["room_id"]
        )

    def join(self, user: User, room: str) -> str:
        path = f"/_matrix/client/v3/join/{quote(room, safe='')}"
        return str(self.call("POST", path, user.access_token, {})["room_id"])

    def messages(self, user: User, room_id: str, limit: int = 50) -> list[dict[str, Any]]:
        """The room's newest message events, newest first (redacted ones included)."""
        answer = self.call(
            "GET",
            f"/_matrix/client/v3/rooms/{quote(room_id, safe='')}/messages",
            user.access_token,
            params={
                "dir": "b",
                "limit": str(limit),
                "filter": json.dumps({"types": ["m.room.message"]}),
            },
        )
        return list(answer["chunk"])

    def event(self, user: User, room_id: str, event_id: str) -> dict[str, Any]:
        path = (
            f"/_matrix/client/v3/rooms/{quote(room_id, safe='')}/event/{quote(event_id, safe='')}"
        )
        return dict(self.call("GET", path, user.access_token))

    def download(self, user: User, mxc: str) -> bytes:
        """Media back from the authenticated download API (`mxc://server/id`)."""
        server, media_id = mxc.removeprefix("mxc://").split("/", 1)
        response = self._session.get(
            f"{self.url}/_matrix/client/v1/media/download/{server}/{media_id}",
            headers={"Authorization": f"Bearer {user.access_token}"},
            timeout=30,
        )
        response.raise_for_status()
        return response.content

    def limit(self, user: User) -> None:
        """Put `user` under the strict `rc_message` limit: one more event, then HTTP 429."""
        self.call("DELETE", self._override_path(user), self._admin_token())

    def unlimit(self, user: User) -> None:
        """Exempt `user` from the event rate limit (every user starts exempt)."""
        self.call(
            "POST",
            self._override_path(user),
            self._admin_token(),
            {"messages_per_second": 0, "burst_count": 0},
        )

    def _override_path(self, user: User) -> str:
        return f"/_synapse/admin/v1/users/{quote(user.user_id, safe='')}/override_ratelimit"

    def _admin_token(self) -> str:
        assert self._admin is not None, "register() makes the admin first"
        return self._admin.access_token


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
    return port


@contextlib.contextmanager
def running(base_dir: Path) -> Iterator[SynapseServer]:
    with SynapseServer(base_dir) as server:
        yield server
