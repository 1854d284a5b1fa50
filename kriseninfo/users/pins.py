"""PINs are stored only as salted scrypt hashes (standard library)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets

from kriseninfo.errors import ErrorCode, KriseninfoError

# scrypt cost: ~50 ms per check on a laptop; slow enough to make guessing a
# 6-digit PIN from a stolen database take days per person.
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
PIN_PATTERN = re.compile(r"^[0-9]{4,12}$")


def validate_pin(pin: str) -> None:
    if not PIN_PATTERN.fullmatch(pin):
        raise KriseninfoError(ErrorCode.INVALID_PIN, "a PIN has 4 to 12 digits")


def hash_pin(pin: str) -> str:
    validate_pin(pin)
    salt = secrets.token_bytes(16)
    digest = _scrypt(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return "$".join(
        ["scrypt", str(SCRYPT_N), str(SCRYPT_R), str(SCRYPT_P), _b64(salt), _b64(digest)]
    )


def check_pin(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        actual = _scrypt(pin, _unb64(salt), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, _unb64(digest))


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)
