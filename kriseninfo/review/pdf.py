"""The after-action report as an A4 PDF: the same sections as the HTML page, charts as PNG.

Fonts and the `Printable` guard are the Einsatztagebuch's (kriseninfo.journal.pdf): every
text goes through it, so no character can be missing from the font. A drill's report says
"ÜBUNG" at the top of every page.
"""

from __future__ import annotations

import io
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import tzinfo

from fpdf import FPDF

from kriseninfo import __version__
from kriseninfo.journal.pdf import FONT_FAMILY, PAGES_ALIAS, Printable, load_fonts
from kriseninfo.journal.pdftable import Column, RuledTable
from kriseninfo.review import charts
from kriseninfo.review import format as fmt
from kriseninfo.review.compare import Verdict, compare
from kriseninfo.review.model import PublishedMessage, Review

CHART_DPI = 150
GREY = (90, 90, 90)
TEXT_FILL = (244, 244, 244)
#: Kennzahl, Wert, Anmerkung; with a previous review also Vorher and Vergleich (mm).
COLUMNS = (Column("Kennzahl", 70), Column("Wert", 25), Column("Anmerkung", 85))
COMPARED_COLUMNS = (
    Column("Kennzahl", 58),
    Column("Wert", 22),
    Column("Anmerkung", 56),
    Column("Vorher", 22),
    Column("Vergleich", 22),
)
#: A heading closer than this to the page's end starts the next page (mm).
HEADING_ROOM = 35


def render_pdf(review: Review, zone: tzinfo | None = None) -> bytes:
    """The whole report as PDF bytes; times in `zone` (None: Europe/Berlin)."""
    with ExitStack() as stack:
        pdf = _ReviewPdf(review.drill)
        layout = _Layout(pdf, load_fonts(pdf, stack), zone)
        layout.head(review)
        layout.figures(review)
        layout.remarks(review)
        if review.empty:
            layout.heading("Verlauf")
            layout.paragraph(fmt.EMPTY_SENTENCE, bold=True)
        else:
            layout.chart("Zeitleiste", charts.timeline_png(review, CHART_DPI))
            layout.chart("Antwortzeiten", charts.response_times_png(review, CHART_DPI))
            layout.messages(review.messages)
        layout.comparison(review)
        return bytes(pdf.output())


class _ReviewPdf(FPDF):
    """A4 pages; a running header (with "ÜBUNG" for a drill) and "Seite x von y"."""

    def __init__(self, drill: bool) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.set_margins(15, 15, 15)
        self.set_auto_page_break(True, margin=20)
        self.alias_nb_pages(PAGES_ALIAS)
        self.drill = drill
        self.running_title = ""

    def header(self) -> None:
        if not self.drill and self.page_no() == 1:
            return
        if self.drill:
            self.set_font(FONT_FAMILY, "B", 9)
            self.cell(self.get_string_width("ÜBUNG") + 2, 5, "ÜBUNG", border=1, align="C")
            self.cell(3, 5, "")
        self.set_font(FONT_FAMILY, "", 7.5)
        self.set_text_color(*GREY)
        self.cell(0, 5, self.running_title, new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0, 0, 0)
        self.ln(3)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font(FONT_FAMILY, "", 7.5)
        self.set_text_color(*GREY)
        self.cell(0, 4, f"Kriseninfo {__version__}", new_x="LMARGIN")
        self.cell(0, 4, f"Seite {self.page_no()} von {PAGES_ALIAS}", align="R")
        self.set_text_color(0, 0, 0)


@dataclass
class _Layout:
    """Puts the sections of one report on the pages of `pdf`."""

    pdf: _ReviewPdf
    text: Printable
    zone: tzinfo | None

    def head(self, review: Review) -> None:
        pdf = self.pdf
        title = self.text(review.incident_title)
        pdf.set_font(FONT_FAMILY, "", 7.5)
        pdf.running_title = _fit(pdf, f"Nachbereitung · {title}", pdf.epw - 25)
        pdf.set_title(f"Nachbereitung – {title}")
        pdf.set_lang("de-DE")
        pdf.set_creator(f"Kriseninfo {__version__}")
        pdf.set_creation_date(review.generated_at)
        pdf.add_page()
        pdf.set_font(FONT_FAMILY, "B", 18)
        pdf.cell(0, 10, f"Nachbereitung ({fmt.kind(review)})", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT_FAMILY, "B", 12)
        pdf.multi_cell(0, 6, title, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        self.facts(fmt.facts(review, self.zone))

    def facts(self, facts: list[tuple[str, str]]) -> None:
        self.pdf.set_font(FONT_FAMILY, "", 9.5)
        for label, value in facts:
            self.pdf.cell(32, 5, f"{label}:")
            self.pdf.multi_cell(0, 5, self.text(value), align="L", new_x="LMARGIN", new_y="NEXT")

    def heading(self, text: str) -> None:
        pdf = self.pdf
        if pdf.page_break_trigger - pdf.y < HEADING_ROOM:
            pdf.add_page()
        pdf.ln(4)
        pdf.set_font(FONT_FAMILY, "B", 12)
        pdf.multi_cell(0, 7, self.text(text), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)

    def paragraph(self, text: str, *, bold: bool = False, size: float = 9.5) -> None:
        self.pdf.set_font(FONT_FAMILY, "B" if bold else "", size)
        self.pdf.multi_cell(
            0, size * 0.5, self.text(text), align="L", new_x="LMARGIN", new_y="NEXT"
        )

    def figures(self, review: Review) -> None:
        self.heading("Kennzahlen")
        comparisons = compare(review, review.previous)
        if not comparisons:
            self.paragraph("Keine Kennzahlen.")
            return
        compared = review.previous is not None
        table = RuledTable(
            self.pdf,
            COMPARED_COLUMNS if compared else COLUMNS,
            family=FONT_FAMILY,
            size=8.5,
            line_height=3.8,
            padding=1.0,
        )
        table.heading()
        for item in comparisons:
            cells = tuple(self.text(cell) for cell in fmt.cells(item))
            table.row(cells if compared else cells[:3], continued="Forts.")
        self.pdf.ln(1)
        self.paragraph(f"{fmt.NOT_REACHED} = {fmt.NOT_REACHED_MEANING}", size=8)

    def remarks(self, review: Review) -> None:
        if review.remarks:
            self.heading("Hinweise")
            for remark in review.remarks:
                self.paragraph(f"• {remark}")

    def chart(self, title: str, png: bytes) -> None:
        """A heading and the chart below it, on the next page if both do not fit here."""
        pdf = self.pdf
        pixels_wide = int.from_bytes(png[16:20], "big")  # from the PNG's IHDR chunk
        pixels_high = int.from_bytes(png[20:24], "big")
        width = pdf.epw
        height = width * pixels_high / pixels_wide
        whole_page = pdf.page_break_trigger - pdf.t_margin - HEADING_ROOM
        if height > whole_page:  # a chart with very many rows: narrower, so it fits a page
            width, height = width * whole_page / height, whole_page
        if pdf.y + height + HEADING_ROOM / 2 > pdf.page_break_trigger:
            pdf.add_page()
        self.heading(title)
        pdf.image(io.BytesIO(png), x=pdf.l_margin, y=pdf.y, w=width, h=height)
        pdf.set_y(pdf.y + height + 2)

    def messages(self, messages: tuple[PublishedMessage, ...]) -> None:
        self.heading("Veröffentlichte Meldungen")
        if not messages:
            self.paragraph("Keine Meldungen veröffentlicht.")
        pdf = self.pdf
        for message in messages:
            if pdf.page_break_trigger - pdf.y < 25:
                pdf.add_page()
            pdf.ln(2)
            self.paragraph(message.title, bold=True, size=10)
            pdf.set_text_color(*GREY)
            self.paragraph(f"{message.channel} · {fmt.since_start(message.at)}", size=8.5)
            pdf.set_text_color(0, 0, 0)
            pdf.set_font(FONT_FAMILY, "", 9.5)
            pdf.set_fill_color(*TEXT_FILL)
            pdf.multi_cell(
                0,
                4.8,
                self.text(message.text),
                fill=True,
                padding=(1, 2),
                align="L",
                new_x="LMARGIN",
                new_y="NEXT",
            )

    def comparison(self, review: Review) -> None:
        previous = review.previous
        if previous is None:
            return
        comparisons = compare(review, previous)
        self.heading(fmt.comparison_heading(previous, self.zone))
        self.paragraph(fmt.summary(comparisons))
        self.pdf.ln(1)
        self.facts(fmt.previous_facts(previous, self.zone))
        self.pdf.ln(1)
        for item in comparisons:
            if item.verdict is not Verdict.GLEICH:
                self.paragraph(f"• {fmt.change(item)}")


def _fit(pdf: FPDF, text: str, width: float) -> str:
    """Shortened with "…" to `width`, in the current font."""
    if pdf.get_string_width(text) <= width:
        return text
    while text and pdf.get_string_width(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"
