"""Writes the after-action report to a file; the file's suffix chooses HTML or PDF."""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo
from pathlib import Path

from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.files import write_atomic
from kriseninfo.review.html import render_html
from kriseninfo.review.model import Review
from kriseninfo.review.pdf import render_pdf


def _html_bytes(review: Review, zone: tzinfo | None) -> bytes:
    return render_html(review, zone).encode("utf-8")


RENDERERS: dict[str, Callable[[Review, tzinfo | None], bytes]] = {
    ".html": _html_bytes,
    ".htm": _html_bytes,
    ".pdf": render_pdf,
}


def write_report(review: Review, path: Path, zone: tzinfo | None = None) -> None:
    """Render and write atomically; times in `zone` (None: Europe/Berlin).

    Raises KriseninfoError(INVALID_INPUT) for a suffix other than .html, .htm or .pdf.
    """
    render = RENDERERS.get(path.suffix.lower())
    if render is None:
        raise KriseninfoError(
            ErrorCode.INVALID_INPUT,
            f"a report is written as .html, .htm or .pdf, not as {path.name!r}",
            {"suffix": path.suffix, "allowed": ", ".join(RENDERERS)},
        )
    write_atomic(path, render(review, zone))
