"""A ruled table of plain text drawn straight onto fpdf pages; rows may run across pages.

fpdf2's own table measures every cell twice with its general line breaker (about 5 ms a
row) and refuses a row taller than a page. Journal cells are plain left-aligned text, so
they are wrapped here with the font's advance widths and drawn line by line instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from fpdf import FPDF
from fpdf.fonts import TTFFont

Measure = Callable[[str], float]

TOKEN = re.compile(r"\S+\s*|\s+")
SOFT_HYPHEN = "\u00ad"
#: A row up to this many lines moves to the next page whole rather than being split.
KEEP_TOGETHER = 12
#: Where the baseline sits within one line, as a share of the line height.
BASELINE = 0.72
HEADING_FILL = (225, 225, 225)
CONTINUED_GREY = (110, 110, 110)


@dataclass(frozen=True)
class Column:
    heading: str
    width: float  # mm


def measure(pdf: FPDF, family: str, style: str, size: float) -> Measure:
    """Width in mm of a text in one TrueType font (no kerning, as fpdf draws it)."""
    font = pdf.fonts[f"{family.lower()}{style}"]
    if not isinstance(font, TTFFont):
        raise TypeError(f"{family} {style} is not a TrueType font")
    widths = font.cw
    factor = size * 0.001 / pdf.k
    return lambda text: sum(widths[ord(char)] for char in text) * factor


def wrap(text: str, width: float, width_of: Measure) -> list[str]:
    """Break at spaces; a word longer than a line is broken between characters."""
    lines: list[str] = []
    for paragraph in text.replace(SOFT_HYPHEN, "").split("\n"):
        line, used = "", 0.0
        for token in TOKEN.findall(paragraph):
            word = token.rstrip()
            word_width = width_of(word)
            if line and word and used + word_width > width:
                lines.append(line.rstrip())
                line, used = "", 0.0
            if word_width <= width:
                line += token
                used += width_of(token)
                continue
            for char in token:
                char_width = width_of(char)
                if line and not char.isspace() and used + char_width > width:
                    lines.append(line.rstrip())
                    line, used = "", 0.0
                line += char
                used += char_width
        lines.append(line.rstrip())
    return lines


class RuledTable:
    """Draws rows below `pdf.y`, starting a new page (with the heading again) when needed."""

    def __init__(
        self,
        pdf: FPDF,
        columns: Sequence[Column],
        *,
        family: str,
        size: float,
        line_height: float,
        padding: float,
    ):
        self.pdf = pdf
        self.columns = tuple(columns)
        self.family = family
        self.size = size
        self.line_height = line_height
        self.padding = padding
        self._regular = measure(pdf, family, "", size)
        self._bold = measure(pdf, family, "B", size)

    def heading(self) -> None:
        """The heading row; on a fresh page if fewer than a few lines would fit below it."""
        cells = [self._wrap(column.heading, column, self._bold) for column in self.columns]
        lines = max(map(len, cells))
        if self._room() < lines + 3:
            self.pdf.add_page()
        self._draw(cells, lines, bold=True)

    def row(self, cells: Sequence[str], continued: str = "") -> None:
        """One row; where it runs onto a new page its first cell says `continued` there."""
        wrapped = [
            self._wrap(text, column, self._regular)
            for text, column in zip(cells, self.columns, strict=True)
        ]
        total = max(map(len, wrapped))
        start = 0
        while start < total:
            left = total - start
            room = self._room()
            if left > room and (left <= KEEP_TOGETHER or room < 3):
                self._new_page()
                room = self._room()
            take = min(left, room)
            if start:
                first = self._wrap(continued, self.columns[0], self._regular)
                band = max(take, min(len(first), room))  # the note whole, if there is room
                self._draw([first, *(lines[start:] for lines in wrapped[1:])], band, grey=True)
            else:
                self._draw(wrapped, take)
            start += take

    def _room(self) -> int:
        """Whole lines that still fit on this page."""
        free = self.pdf.page_break_trigger - self.pdf.y - 2 * self.padding
        return max(0, int(free // self.line_height))

    def _new_page(self) -> None:
        self.pdf.add_page()
        self.heading()

    def _wrap(self, text: str, column: Column, width_of: Measure) -> list[str]:
        return wrap(text, column.width - 2 * self.padding, width_of)

    def _draw(
        self,
        cells: Sequence[Sequence[str]],
        count: int,
        *,
        bold: bool = False,
        grey: bool = False,
    ) -> None:
        """The first `count` lines of every cell, in one band of ruled boxes."""
        pdf = self.pdf
        top = pdf.y
        height = count * self.line_height + 2 * self.padding
        pdf.set_font(self.family, "B" if bold else "", self.size)
        pdf.set_fill_color(*HEADING_FILL)
        x = pdf.l_margin
        for index, (column, lines) in enumerate(zip(self.columns, cells, strict=True)):
            pdf.rect(x, top, column.width, height, style="DF" if bold else "D")
            if grey and index == 0:
                pdf.set_text_color(*CONTINUED_GREY)
            for offset, text in enumerate(lines[:count]):
                if text:
                    baseline = top + self.padding + (offset + BASELINE) * self.line_height
                    pdf.text(x + self.padding, baseline, text)
            pdf.set_text_color(0, 0, 0)
            x += column.width
        pdf.set_y(top + height)
