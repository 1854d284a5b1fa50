"""Errors the core reports: a stable code for the UI, English detail for logs."""

from __future__ import annotations

import enum
from collections.abc import Mapping


class ErrorCode(enum.StrEnum):
    """Closed set of failures the user must understand; the UI translates each."""

    DATA_DIR_NOT_WRITABLE = "data_dir_not_writable"
    DISK_FULL = "disk_full"
    DB_CORRUPT = "db_corrupt"
    DB_SCHEMA_TOO_NEW = "db_schema_too_new"
    DB_UNREACHABLE = "db_unreachable"
    DB_BUSY = "db_busy"
    DB_FAILED = "db_failed"
    NOT_FOUND = "not_found"
    INVALID_INPUT = "invalid_input"
    INVALID_PIN = "invalid_pin"
    WRONG_PIN = "wrong_pin"
    PERMISSION_DENIED = "permission_denied"
    INCIDENT_CLOSED = "incident_closed"
    DUPLICATE_NAME = "duplicate_name"
    FACTS_MISSING = "facts_missing"
    NO_CHANNEL_ACCOUNTS = "no_channel_accounts"
    EDIT_CONFLICT = "edit_conflict"
    RELEASE_BLOCKED = "release_blocked"
    SELF_RELEASE = "self_release"
    PIN_LOCKED = "pin_locked"
    NOT_ALLOWED_NOW = "not_allowed_now"
    KEYRING_UNAVAILABLE = "keyring_unavailable"
    ALREADY_PUBLISHED = "already_published"
    CHANNEL_CHECK_FAILED = "channel_check_failed"


#: Failures after which retrying the same operation later can succeed.
TRANSIENT_CODES = frozenset({ErrorCode.DB_UNREACHABLE, ErrorCode.DB_BUSY, ErrorCode.DISK_FULL})


class KriseninfoError(Exception):
    """A failure with a code the UI can translate and parameters it can show."""

    def __init__(self, code: ErrorCode, detail: str, params: Mapping[str, str] | None = None):
        super().__init__(detail)
        self.code = code
        self.detail = detail
        self.params: dict[str, str] = dict(params or {})

    @property
    def transient(self) -> bool:
        return self.code in TRANSIENT_CODES

    def __str__(self) -> str:
        return f"[{self.code.value}] {self.detail}"
