"""The Einsatztagebuch as a printable, German PDF: header, one table row per line, chain status.

Times are stored in UTC and printed in local time; the zone is named once in the header.
Every text goes through `Printable` first, so no character can be missing from the font.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from importlib.resources import as_file, files
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import TTFFont

from kriseninfo import __version__
from kriseninfo.domain import Role
from kriseninfo.files import write_atomic
from kriseninfo.incidents.lagebild import FieldType, LagebildField, from_journal_text
from kriseninfo.journal.pdftable import Column, RuledTable
from kriseninfo.journal.records import JournalLine, VerifyResult
from kriseninfo.journal.wording import (
    action_name,
    break_text,
    field_label,
    plain_value,
    role_name,
)

FONT_FAMILY = "DejaVuSans"
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
#: Stands for the page count until the end; private-use characters, so no entry can contain it.
PAGES_ALIAS = "\ue000\ue001\ue002"

COLUMNS = (  # widths in mm, together the A4 width between the margins
    Column("Nr.", 14),
    Column("Zeit", 22),
    Column("Person", 32),
    Column("Aktion", 29),
    Column("Details", 83),
)
CELL_PADDING = 1.0  # mm
TABLE_FONT_SIZE = 8.0  # pt
TABLE_LINE_HEIGHT = 3.6  # mm
#: Above this the Details text is shown as separate "alt:" / "neu:" lines.
SHORT_CHANGE = 70

TIME_FORMAT = "%d.%m.%Y %H:%M:%S"
VALUE_TIME_FORMAT = "%d.%m.%Y %H:%M"
BROKEN_COLOUR = (170, 0, 0)
GREY = (90, 90, 90)


def export_pdf(
    journal_lines: Sequence[JournalLine],
    target: Path,
    *,
    chain: VerifyResult,
    generated_at: datetime,
    incident_id: int | None = None,
    incident_title: str = "",
    roles: Mapping[str, Role] | None = None,
    zone: tzinfo | None = None,
) -> int:
    """Write the lines as a PDF to `target`; returns how many lines it holds.

    `chain` is the check of the whole journal, `roles` maps a person's name to their role,
    and `zone` is the time zone to print in (None: this computer's local time).
    """
    with ExitStack() as stack:
        pdf = _JournalPdf()
        text = load_fonts(pdf, stack)
        layout = _Layout(pdf, text, zone, roles or {}, chain)
        layout.document_header(journal_lines, generated_at, incident_id, incident_title)
        layout.table(journal_lines)
        data = bytes(pdf.output())
    write_atomic(target, data)
    return len(journal_lines)


def load_fonts(pdf: FPDF, stack: ExitStack) -> Printable:
    """The bundled DejaVu fonts into `pdf` (their files kept open by `stack` until the
    PDF is written); returns what turns any text into one the fonts can print."""
    # fontTools logs each step of subsetting the font at INFO: dozens of lines per export.
    logging.getLogger("fontTools.subset").setLevel(logging.WARNING)
    for style, name in FONT_FILES.items():
        path = stack.enter_context(as_file(files("kriseninfo_resources") / "fonts" / name))
        pdf.add_font(FONT_FAMILY, style, path)
    return Printable(_glyphs(pdf) - set(map(ord, PAGES_ALIAS)))


class Printable:
    """Makes any text safe for the bundled font: line breaks unified, unknown characters named.

    A character the font lacks (most emoji, control characters, broken surrogates) is shown
    as its code point, e.g. "[U+1F525]", so the printed record still says what was there.
    """

    NEWLINES = str.maketrans(
        {"\r": "\n", "\v": "\n", "\f": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"}
    )

    def __init__(self, glyphs: frozenset[int] | set[int]):
        self._glyphs = frozenset(glyphs)

    def __call__(self, text: str) -> str:
        text = text.replace("\r\n", "\n").translate(self.NEWLINES).replace("\t", "    ")
        if all(char == "\n" or ord(char) in self._glyphs for char in text):
            return text
        return "".join(
            char if char == "\n" or ord(char) in self._glyphs else f"[U+{ord(char):04X}]"
            for char in text
        )


def _glyphs(pdf: FPDF) -> set[int]:
    """Code points every style of the bundled font can draw."""
    glyphs: set[int] | None = None
    for font in pdf.fonts.values():
        if isinstance(font, TTFFont):
            covered = set(font.cmap)
            glyphs = covered if glyphs is None else glyphs & covered
    return glyphs or set()


class _JournalPdf(FPDF):
    """A4 pages with a running header from page 2 on and the chain status in every footer."""

    def __init__(self) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.set_margins(15, 15, 15)
        self.set_auto_page_break(True, margin=20)
        self.alias_nb_pages(PAGES_ALIAS)
        self.running_title = ""
        self.chain_line = ""
        self.chain_broken = False

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font(FONT_FAMILY, "", 7.5)
        self.set_text_color(*GREY)
        self.cell(0, 4, self.running_title, new_x="LMARGIN", new_y="NEXT")
        self.ln(2)
        self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        self.set_y(-17)
        self.set_font(FONT_FAMILY, "B" if self.chain_broken else "", 7.5)
        self.set_text_color(*(BROKEN_COLOUR if self.chain_broken else GREY))
        self.multi_cell(0, 3.5, self.chain_line, new_x="LMARGIN", new_y="NEXT")
        self.set_font(FONT_FAMILY, "", 7.5)
        self.set_text_color(*GREY)
        self.cell(0, 4, f"Kriseninfo {__version__}", new_x="LMARGIN")
        self.cell(0, 4, f"Seite {self.page_no()} von {PAGES_ALIAS}", align="R")
        self.set_text_color(0, 0, 0)


@dataclass
class _Layout:
    """Puts the header and the table of one export on the pages of `pdf`."""

    pdf: _JournalPdf
    text: Printable
    zone: tzinfo | None
    roles: Mapping[str, Role]
    chain: VerifyResult

    def document_header(
        self,
        journal_lines: Sequence[JournalLine],
        generated_at: datetime,
        incident_id: int | None,
        incident_title: str,
    ) -> None:
        pdf = self.pdf
        scope = _scope(incident_id, incident_title)
        created = self._local(generated_at).strftime(TIME_FORMAT)
        pdf.set_font(FONT_FAMILY, "", 7.5)
        pdf.running_title = _fit(pdf, self.text(f"Einsatztagebuch · {scope} · erstellt {created}"))
        pdf.chain_line = self.text(self._chain_line(incident_id is not None))
        pdf.chain_broken = not self.chain.ok
        pdf.set_title(self.text(f"Einsatztagebuch – {scope}"))
        pdf.set_lang("de-DE")
        pdf.set_creator(f"Kriseninfo {__version__}")
        pdf.set_creation_date(generated_at)
        pdf.add_page()

        pdf.set_font(FONT_FAMILY, "B", 18)
        pdf.cell(0, 10, "Einsatztagebuch", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT_FAMILY, "B", 11)
        pdf.multi_cell(0, 6, self.text(scope), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
        moments = [generated_at, *(line.recorded_at for line in journal_lines)]
        facts = [
            ("Erstellt am", created),
            ("Zeitzone", self._zone_label(moments)),
            ("Einträge", _entries_text(journal_lines)),
            ("Programm", f"Kriseninfo {__version__}"),
        ]
        pdf.set_font(FONT_FAMILY, "", 9.5)
        for label, value in facts:
            pdf.cell(32, 5, f"{label}:")
            pdf.multi_cell(0, 5, self.text(value), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT_FAMILY, "B", 9.5)
        if not self.chain.ok:
            pdf.set_text_color(*BROKEN_COLOUR)
        pdf.multi_cell(0, 5, pdf.chain_line, new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(4)

    def table(self, journal_lines: Sequence[JournalLine]) -> None:
        pdf = self.pdf
        if not journal_lines:
            pdf.set_font(FONT_FAMILY, "", 10)
            pdf.cell(0, 6, "Keine Einträge.", new_x="LMARGIN", new_y="NEXT")
            return
        table = RuledTable(
            pdf,
            COLUMNS,
            family=FONT_FAMILY,
            size=TABLE_FONT_SIZE,
            line_height=TABLE_LINE_HEIGHT,
            padding=CELL_PADDING,
        )
        table.heading()
        for line in journal_lines:
            table.row(self._cells(line), continued=f"{line.seq}\nForts.")

    def _cells(self, line: JournalLine) -> tuple[str, ...]:
        person = line.user_name
        role = self.roles.get(line.user_name)
        if role is not None:
            person = f"{person}\n{role_name(role)}"
        action = action_name(line.action)
        if self.chain.first_break is not None and self.chain.first_break.seq == line.seq:
            action += "\n⚠ Kette hier unterbrochen"
        return (
            str(line.seq),
            self._local(line.recorded_at).strftime(TIME_FORMAT),
            self.text(person),
            self.text(action),
            self.text(self._details(line)),
        )

    def _details(self, line: JournalLine) -> str:
        label = field_label(line.field) if line.field else ""
        new = self._value(line.field, line.new_value)
        if line.old_value is None:
            change = new
        else:
            old = self._value(line.field, line.old_value)
            if "\n" in old + new or len(old) + len(new) > SHORT_CHANGE:
                return f"{label}\nalt: {old}\nneu: {new}".lstrip("\n")
            change = f"{old} → {new}"
        if not label:
            return change
        return f"{label}: {change}" if change else label

    def _value(self, field: str, value: str | None) -> str:
        if value is None:
            return ""
        if value == "":
            return "(leer)"
        moment = _time_value(field, value)
        if moment is not None:
            return self._local(moment).strftime(VALUE_TIME_FORMAT)
        return plain_value(field, value)

    def _chain_line(self, filtered: bool) -> str:
        whole = " (gesamtes Einsatztagebuch)" if filtered else ""
        found = self.chain.first_break
        if found is None:
            count = self.chain.entries
            return f"Kette geprüft{whole}: intakt ({count} {_entries_word(count)})"
        return (
            f"Kette geprüft{whole}: UNTERBROCHEN bei Eintrag Nr. {found.seq} – {break_text(found)}"
        )

    def _local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.zone)

    def _zone_label(self, moments: Sequence[datetime]) -> str:
        """The zone's name and every offset that occurs, e.g. both CET and CEST."""
        name = getattr(self.zone, "key", None) or "Ortszeit dieses Rechners"
        seen: dict[str, None] = {}
        for moment in sorted(moments):
            local = self._local(moment)
            seen[f"{local.tzname()} = UTC{_offset(local.utcoffset())}"] = None
        return f"{name} ({', '.join(seen)}); gespeichert wird in UTC"


def _time_value(field: str, value: str) -> datetime | None:
    """Lagebild times are journaled as ISO text in UTC; None for every other value."""
    try:
        lagebild_field = LagebildField(field)
        if lagebild_field.type is not FieldType.TIME:
            return None
        moment = from_journal_text(lagebild_field, value)
    except ValueError:
        return None
    return moment if isinstance(moment, datetime) and moment.tzinfo is not None else None


def _offset(delta: timedelta | None) -> str:
    minutes = int((delta or timedelta(0)).total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{rest:02d}"


def _fit(pdf: FPDF, text: str) -> str:
    """Shortened with "…" to one line between the margins, in the current font."""
    if pdf.get_string_width(text) <= pdf.epw:
        return text
    while text and pdf.get_string_width(text + "…") > pdf.epw:
        text = text[:-1]
    return text.rstrip() + "…"


def _scope(incident_id: int | None, incident_title: str) -> str:
    if incident_id is None:
        return "Alle Einträge"
    return (
        f"Lage Nr. {incident_id}: {incident_title}" if incident_title else f"Lage Nr. {incident_id}"
    )


def _entries_word(count: int) -> str:
    return "Eintrag" if count == 1 else "Einträge"


def _entries_text(journal_lines: Sequence[JournalLine]) -> str:
    if not journal_lines:
        return "keine"
    return f"{len(journal_lines)} (Nr. {journal_lines[0].seq} bis {journal_lines[-1].seq})"
