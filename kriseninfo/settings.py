"""Machine-local settings: every option declared once, typed, with default and meaning.

They live in a small JSON file beside the data, not in the database, because a
shared PostgreSQL serves several consoles and each keeps its own choices.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from kriseninfo.files import write_atomic

log = logging.getLogger(__name__)

T = TypeVar("T")

LANGUAGES = ("de", "en")


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    type: type[T]
    default: T | None
    description: str
    choices: tuple[T, ...] | None = None

    def coerce(self, raw: object) -> T | None:
        if raw is None:
            return None
        if not isinstance(raw, self.type) or isinstance(raw, bool) != (self.type is bool):
            raise ValueError(f"{self.key}: expected {self.type.__name__}, got {raw!r}")
        if self.choices is not None and raw not in self.choices:
            raise ValueError(f"{self.key}: {raw!r} is not one of {self.choices}")
        return raw


LANGUAGE = Option("language", str, "de", "Language of the user interface.", LANGUAGES)
LAST_USER = Option[str]("last_user", str, None, "Name of the person who worked here last.")
ACTIVE_INCIDENT = Option[int]("active_incident", int, None, "Incident shown on this console.")

OPTIONS: dict[str, Option[object]] = {
    option.key: option  # type: ignore[misc]
    for option in (LANGUAGE, LAST_USER, ACTIVE_INCIDENT)
}


class Settings:
    """Reads and writes the options of one console; bad or unknown values fall back."""

    def __init__(self, path: Path):
        self.path = path
        self._values: dict[str, object] = {}
        self._load()

    def _load(self) -> None:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError) as exc:
            log.warning("settings file %s unreadable, using defaults: %s", self.path, exc)
            return
        if not isinstance(raw, dict):
            log.warning("settings file %s is not an object, using defaults", self.path)
            return
        for key, value in raw.items():
            option = OPTIONS.get(key)
            if option is None:
                log.warning("settings file %s: unknown option %r ignored", self.path, key)
                continue
            try:
                self._values[key] = option.coerce(value)
            except ValueError as exc:
                log.warning("settings file %s: %s; default used", self.path, exc)

    def get(self, option: Option[T]) -> T | None:
        if option.key in self._values:
            return self._values[option.key]  # type: ignore[return-value]
        return option.default

    def set(self, option: Option[T], value: T | None) -> None:
        self._values[option.key] = option.coerce(value)
        self._save()

    def _save(self) -> None:
        data = json.dumps(self._values, indent=2, sort_keys=True).encode("utf-8")
        write_atomic(self.path, data)
