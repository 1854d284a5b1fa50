"""Images for drafts: checked to be a real image of a sane size, stored once by hash."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.storage.models import MediaBlob

MAX_BYTES = 8 * 1024 * 1024  # below every platform's image limit (Mastodon 16 MB, X 5 MB…)
MAX_ALT = 1500  # Mastodon's alt text limit; X allows 1000, Bluesky 2000+

#: Leading bytes of the formats every channel takes.
SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)


def image_type(head: bytes) -> str | None:
    """The MIME type of PNG, JPEG, GIF or WebP data, else None."""
    for signature, mime in SIGNATURES:
        if head.startswith(signature):
            return mime
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


def read_image(source: Path) -> tuple[bytes, str]:
    """The file's bytes and MIME type; a clear error for anything that is not an image."""
    try:
        size = source.stat().st_size
        if size > MAX_BYTES:
            raise KriseninfoError(
                ErrorCode.INVALID_INPUT,
                f"{source.name} has {size} bytes, at most {MAX_BYTES} are allowed",
                {"field": "image_size", "max": str(MAX_BYTES // (1024 * 1024))},
            )
        data = source.read_bytes()
    except OSError as exc:
        raise KriseninfoError(
            ErrorCode.INVALID_INPUT,
            f"cannot read {source}: {exc.strerror or exc}",
            {"field": "image_file"},
        ) from exc
    mime = image_type(data[:16])
    if mime is None:
        raise KriseninfoError(
            ErrorCode.INVALID_INPUT,
            f"{source.name} is not a PNG, JPEG, GIF or WebP image",
            {"field": "image_type"},
        )
    return data, mime


def store_image(session: Session, filename: str, data: bytes, mime: str, now: datetime) -> int:
    """The blob's id, storing it only if these exact bytes are not stored yet."""
    digest = hashlib.sha256(data).hexdigest()
    existing = session.scalar(select(MediaBlob.id).where(MediaBlob.sha256 == digest))
    if existing is not None:
        return existing
    blob = MediaBlob(
        sha256=digest,
        filename=filename[:255],
        mime=mime,
        size=len(data),
        data=data,
        created_at=now,
    )
    session.add(blob)
    session.flush()
    return blob.id


def check_alt(alt: str) -> str:
    alt = " ".join(alt.split())
    if len(alt) > MAX_ALT:
        raise KriseninfoError(
            ErrorCode.INVALID_INPUT,
            f"alt text longer than {MAX_ALT} characters",
            {"field": "alt", "max": str(MAX_ALT)},
        )
    return alt
