"""Compare two versions of a draft, word by word, as the diff view shows it."""

from __future__ import annotations

import difflib
import enum
import re
from dataclasses import dataclass

from kriseninfo.messagesets.records import Version

TOKEN = re.compile(r"\s+|[^\s]+")


class Change(enum.StrEnum):
    SAME = "same"
    REMOVED = "removed"
    ADDED = "added"


@dataclass(frozen=True)
class Piece:
    change: Change
    text: str


def version_text(version: Version) -> str:
    body = "\n\n".join(version.parts)
    alts = "".join(f"\n[Bild: {m.path} – Alternativtext: {m.alt}]" for m in version.media)
    return (f"{version.subject}\n\n" if version.subject else "") + body + alts


def diff_texts(old: str, new: str) -> list[Piece]:
    """Word-level differences; whitespace runs are kept so the text reads as written."""
    a, b = TOKEN.findall(old), TOKEN.findall(new)
    pieces: list[Piece] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            _add(pieces, Change.SAME, "".join(a[i1:i2]))
            continue
        if op in ("delete", "replace"):
            _add(pieces, Change.REMOVED, "".join(a[i1:i2]))
        if op in ("insert", "replace"):
            _add(pieces, Change.ADDED, "".join(b[j1:j2]))
    return pieces


def diff_versions(old: Version, new: Version) -> list[Piece]:
    return diff_texts(version_text(old), version_text(new))


def _add(pieces: list[Piece], change: Change, text: str) -> None:
    if not text:
        return
    if pieces and pieces[-1].change is change:
        pieces[-1] = Piece(change, pieces[-1].text + text)
    else:
        pieces.append(Piece(change, text))
