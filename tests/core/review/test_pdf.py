"""The after-action report as PDF: German text, "ÜBUNG" on every page, every message whole."""

from __future__ import annotations

import dataclasses
import io

from pypdf import PdfReader

from kriseninfo.review.format import EMPTY_SENTENCE
from kriseninfo.review.model import Review
from kriseninfo.review.pdf import render_pdf
from tests.core.review.conftest import BERLIN, LONG_TEXT, make_drill, make_empty, make_hostile


def _pages(review: Review) -> list[str]:
    data = render_pdf(review, BERLIN)
    assert data.startswith(b"%PDF")
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def _flat(pages: list[str]) -> str:
    return " ".join(" ".join(pages).split())


def _images(review: Review) -> int:
    reader = PdfReader(io.BytesIO(render_pdf(review, BERLIN)))
    return sum(len(page.images) for page in reader.pages)


def test_drill_report(drill: Review) -> None:
    pages = _pages(drill)
    text = _flat(pages)
    for part in (
        "Nachbereitung (Übung) Hochwasser Rheinberg – Übung Süd",
        "Uhr: Übungsuhr 60×",
        "Beginn: 27.11.2026, 15:04 Uhr",
        "Dauer: 1:05:03",
        "Kennzahl Wert Anmerkung Vorher Vergleich",
        "Erste Warnung veröffentlicht nach 6:42 Mastodon 15:00 besser",
        "Beantwortete Eingänge 75 % 9 von 12 Eingängen 75 % gleich",
        "Entwarnung veröffentlicht nach – keine Entwarnung 50:00 schlechter",
        "Im Ziel beantwortet – 50 % entfallen",
        "– = nicht erreicht",
        "• Die Übung wurde nach 1:05:03 beendet.",
        "Stadt Rheinberg (Mastodon) · 6:42 nach Beginn",
        "Hochwasserwarnung für Rheinberg-Süd: Keller räumen, Fahrzeuge aus der Tiefgarage "
        "Große Straße fahren.",
        "Der Pegel Wesel steigt auf 9,80 m. Straßensperrung Rheinstraße.",
        "Vergleich mit der Übung vom 20.10.2026",
        "2 besser, 2 schlechter, 1 gleich, 1 neu, 1 entfallen",
        "• Erste Warnung veröffentlicht nach: 15:00 → 6:42 (besser)",
    ):
        assert part in text, part
    assert EMPTY_SENTENCE not in text
    for number, page in enumerate(pages, start=1):
        assert page.startswith("ÜBUNG Nachbereitung · Hochwasser Rheinberg – Übung Süd")
        assert f"Seite {number} von {len(pages)}" in page
    assert _images(drill) == 2  # timeline and response times


def test_real_incident_is_not_marked_as_drill() -> None:
    review = dataclasses.replace(make_drill(), drill=False, speed=1.0)
    text = _flat(_pages(review))
    assert "ÜBUNG" not in text
    assert "Nachbereitung (Einsatz)" in text and "Uhr: Echtzeit" in text
    assert "Kennzahl Wert Anmerkung Erste Warnung" in text  # no comparison columns
    assert "Vergleich" not in text


def test_empty_review_has_the_sentence_and_no_charts() -> None:
    pages = _pages(make_empty())
    assert len(pages) == 1
    assert EMPTY_SENTENCE in _flat(pages)
    assert "Zeitleiste" not in pages[0]
    assert _images(make_empty()) == 0


def test_hostile_texts_are_printed_as_they_are() -> None:
    pages = _pages(make_hostile())
    text = _flat(pages)
    assert len(pages) > 1  # the 5,000-character message runs onto further pages
    assert "Lage <script>alert(1)</script> & Co" in text
    assert "<b>fett</b>" in text
    # The font has no emoji: each is named by its code point instead of vanishing.
    assert "Playbook: <b>fett</b> Wasser steigt [U+1F30A][U+1F525] bitte meiden [U+1F64F]" in text
    assert "0:50 nach Beginn Wasser steigt [U+1F30A][U+1F525] bitte meiden [U+1F64F]" in text
    # Without each page's header and footer line, and with line breaks taken out:
    body = "".join("".join("".join(page.splitlines()[1:-1]).split()) for page in pages)
    assert "".join(LONG_TEXT.split()) in body  # wrapped and broken across pages, but whole
    assert "Hochwasser" * 60 in body  # one word longer than a line
    assert all(page.startswith("ÜBUNG") for page in pages)
    assert f"Seite {len(pages)} von {len(pages)}" in pages[-1]
