"""Writing the report: the suffix chooses HTML or PDF; anything else is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.review.model import Review
from kriseninfo.review.report import write_report
from tests.core.review.conftest import BERLIN


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("bericht.html", b"<!DOCTYPE html>"),
        ("bericht.htm", b"<!DOCTYPE html>"),
        ("BERICHT.HTML", b"<!DOCTYPE html>"),
        ("bericht.pdf", b"%PDF-"),
        ("Bericht.Pdf", b"%PDF-"),
    ],
)
def test_suffix_chooses_the_format(drill: Review, tmp_path: Path, name: str, start: bytes) -> None:
    target = tmp_path / "nachbereitung" / name
    write_report(drill, target, BERLIN)
    data = target.read_bytes()
    assert data.startswith(start)
    assert "Hochwasser Rheinberg – Übung Süd".encode() in data or start == b"%PDF-"
    assert [path.name for path in target.parent.iterdir()] == [name]  # no temporary file left


def test_html_is_utf8(drill: Review, tmp_path: Path) -> None:
    target = tmp_path / "bericht.html"
    write_report(drill, target)
    assert "ÜBUNG" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["bericht.txt", "bericht", "bericht.pdf.bak", "bericht.svg"])
def test_other_suffixes_are_refused(drill: Review, tmp_path: Path, name: str) -> None:
    with pytest.raises(KriseninfoError) as raised:
        write_report(drill, tmp_path / name)
    assert raised.value.code is ErrorCode.INVALID_INPUT
    assert name in raised.value.detail
    assert list(tmp_path.iterdir()) == []


def test_an_existing_report_is_replaced(drill: Review, tmp_path: Path) -> None:
    target = tmp_path / "bericht.pdf"
    target.write_bytes(b"old")
    write_report(drill, target)
    assert target.read_bytes().startswith(b"%PDF-")
