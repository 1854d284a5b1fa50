"""What counts as a phone number or a web link, wherever Kriseninfo checks one."""

from __future__ import annotations

import re

PHONE = re.compile(r"^\+?[0-9][0-9 /()\-]{3,40}$")
URL = re.compile(r"^https?://[^\s/$.?#][^\s]*\.[^\s]+$", re.IGNORECASE)


def is_phone(text: str) -> bool:
    return PHONE.fullmatch(text.strip()) is not None


def is_url(text: str) -> bool:
    return URL.fullmatch(text.strip()) is not None
