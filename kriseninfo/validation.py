"""What counts as a phone number or a web link, and which pasted characters no text keeps,
wherever Kriseninfo checks one."""

from __future__ import annotations

import re

PHONE = re.compile(r"^\+?[0-9][0-9 /()\-]{3,40}$")
URL = re.compile(r"^https?://[^\s/$.?#][^\s]*\.[^\s]+$", re.IGNORECASE)


def is_phone(text: str) -> bool:
    return PHONE.fullmatch(text.strip()) is not None


def is_url(text: str) -> bool:
    return URL.fullmatch(text.strip()) is not None


#: Control characters that pasted text can carry and no field means (tab and line breaks
#: stay). PostgreSQL refuses NUL outright, so they never reach the database.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def strip_controls(text: str) -> str:
    return CONTROL_CHARACTERS.sub("", text)
