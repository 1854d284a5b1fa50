"""The after-action report as HTML: self-contained, German, and every text escaped."""

from __future__ import annotations

import dataclasses
from collections import Counter
from html.parser import HTMLParser

from kriseninfo.review.format import EMPTY_SENTENCE
from kriseninfo.review.html import render_html
from kriseninfo.review.model import Review
from tests.core.review.conftest import (
    BERLIN,
    EMOJI,
    LONG_TEXT,
    RTL,
    make_drill,
    make_empty,
    make_hostile,
)


class _Page(HTMLParser):
    """Every tag and attribute of a page, the text of its table rows and of its headings."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.attributes: list[tuple[str, str, str]] = []
        self.rows: list[list[str]] = []
        self.headings: list[str] = []
        self._cell: list[str] | None = None
        self._heading: list[str] | None = None
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        self.attributes += [(tag, name, value or "") for name, value in attrs]
        if tag == "tr":
            self.rows.append([])
        elif tag in {"td", "th"}:
            self._cell = []
        elif tag in {"h1", "h2"}:
            self._heading = []

    def handle_endtag(self, tag: str) -> None:
        if tag in {"td", "th"} and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag in {"h1", "h2"} and self._heading is not None:
            self.headings.append("".join(self._heading).strip())
            self._heading = None

    def handle_data(self, data: str) -> None:
        for parts in (self._cell, self._heading):
            if parts is not None:
                parts.append(data)


def _self_contained(page: str) -> _Page:
    parsed = _Page(page)
    assert page.startswith('<!DOCTYPE html>\n<html lang="de">')
    assert parsed.tags["script"] == 0
    assert "<script" not in page.lower()
    for tag, name, value in parsed.attributes:
        assert not name.startswith("on"), (tag, name)
        assert name not in {"src", "srcset"}, (tag, name)
        if name == "href":
            assert value.startswith("#"), (tag, value)
    assert parsed.tags["link"] == parsed.tags["img"] == parsed.tags["iframe"] == 0
    ids = [value for _, name, value in parsed.attributes if name == "id"]
    assert len(ids) == len(set(ids)), "ids must be unique within the page"
    return parsed


def test_drill_report_with_figures_and_comparison(drill: Review) -> None:
    page = render_html(drill, BERLIN)
    parsed = _self_contained(page)
    assert '<p class="drill">ÜBUNG</p>' in page
    assert parsed.headings == [
        "Hochwasser Rheinberg – Übung Süd",
        "Kennzahlen",
        "Hinweise",
        "Zeitleiste",
        "Antwortzeiten",
        "Veröffentlichte Meldungen",
        "Vergleich mit der Übung vom 20.10.2026",
    ]
    assert parsed.rows[:8] == [
        ["Kennzahl", "Wert", "Anmerkung", "Vorher", "Vergleich"],
        ["Erste Warnung veröffentlicht nach", "6:42", "Mastodon", "15:00", "besser"],
        ["Antwortzeit Fragen (Median)", "4:05", "5 von 6 Fragen beantwortet", "3:00", "schlechter"],
        ["Beantwortete Eingänge", "75 %", "9 von 12 Eingängen", "75 %", "gleich"],
        ["Unbeantwortete Eingänge", "2", "", "4", "besser"],
        ["Entwarnung veröffentlicht nach", "–", "keine Entwarnung", "50:00", "schlechter"],
        ["Gerüchte richtiggestellt", "1", "", "", "neu"],
        ["Im Ziel beantwortet", "–", "", "50 %", "entfallen"],
    ]
    for text in (
        "Übungsuhr 60×",
        "27.11.2026, 15:04 Uhr",
        "<dd>1:05:03</dd>",
        "– = nicht erreicht",
        "Die Übung wurde nach 1:05:03 beendet.",
        "Stadt Rheinberg (Mastodon) · 6:42 nach Beginn",
        "Stadt Rheinberg (Bluesky) · nicht veröffentlicht",
        "Hochwasserwarnung für Rheinberg-Süd: Keller räumen",
        "2 besser, 2 schlechter, 1 gleich, 1 neu, 1 entfallen",
        "<li>Erste Warnung veröffentlicht nach: 15:00 → 6:42 (besser)</li>",
        "<dt>Beginn</dt><dd>20.10.2026, 10:30 Uhr</dd>",
    ):
        assert text in page, text
    assert parsed.tags["svg"] == 2
    assert 'aria-label="Zeitleiste"' in page
    assert EMPTY_SENTENCE not in page


def test_charts_are_inline_with_their_own_ids(drill: Review) -> None:
    page = render_html(drill, BERLIN)
    assert "<?xml" not in page and "<!DOCTYPE svg" not in page
    assert 'id="zeitleiste-figure_1"' in page and 'id="antwortzeiten-figure_1"' in page
    assert 'href="#zeitleiste-' in page and "url(#antwortzeiten-" in page


def test_real_incident_without_previous_review() -> None:
    review = dataclasses.replace(make_drill(), drill=False, speed=1.0)
    page = render_html(review, BERLIN)
    parsed = _self_contained(page)
    assert "ÜBUNG" not in page
    assert "<dd>Echtzeit</dd>" in page
    assert parsed.rows[0] == ["Kennzahl", "Wert", "Anmerkung"]
    assert "Vergleich" not in page and "Vorher" not in page


def test_empty_review_says_nothing_happened_instead_of_charts() -> None:
    page = render_html(make_empty(), BERLIN)
    parsed = _self_contained(page)
    assert f'<p class="empty">{EMPTY_SENTENCE}</p>' in page
    assert parsed.tags["svg"] == 0
    assert "Zeitleiste" not in parsed.headings and "Antwortzeiten" not in parsed.headings


def test_every_hostile_text_is_escaped() -> None:
    review: Review = make_hostile()
    page = render_html(review, BERLIN)
    parsed = _self_contained(page)
    assert parsed.tags["b"] == parsed.tags["i"] == 0
    assert parsed.headings[0] == "Lage <script>alert(1)</script> & Co"
    assert "<h1>Lage &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</h1>" in page
    assert "&lt;b&gt;fett&lt;/b&gt;" in page
    assert "<li>Hinweis &lt;script&gt;alert(1)&lt;/script&gt;</li>" in page
    assert [
        "Kennzahl <script>alert(1)</script>",
        "3",
        f"Notiz <script>alert(1)</script> {RTL}",
    ] in (parsed.rows)


def test_message_texts_keep_every_character() -> None:
    page = render_html(make_hostile(), BERLIN)
    assert f'<div class="text" dir="auto">{EMOJI}\n{RTL}</div>' in page
    assert f'<div class="text" dir="auto">{LONG_TEXT}</div>' in page
    assert '<div class="text" dir="auto">&lt;script&gt;alert(1)&lt;/script&gt;</div>' in page
    assert "white-space: pre-wrap" in page and "overflow-wrap: anywhere" in page
