"""The Einsatztagebuch as PDF: German wording, local times, every character, chain status."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner, Result
from pypdf import PdfReader
from sqlalchemy import update

from kriseninfo import __version__
from kriseninfo.cli.main import cli
from kriseninfo.context import AppContext
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.incidents.lagebild import LagebildField
from kriseninfo.journal.actions import Action
from kriseninfo.journal.pdf import Printable
from kriseninfo.journal.pdftable import wrap
from kriseninfo.journal.wording import action_name, field_label
from kriseninfo.storage.models import IncidentKind, IncidentMode, JournalEntry, Role
from kriseninfo.users.service import Person
from tests.conftest import FakeClock

BERLIN = ZoneInfo("Europe/Berlin")
GENERATED = datetime(2026, 11, 27, 15, 0, tzinfo=UTC)


def _export(context: AppContext, target: Path, incident_id: int | None = None) -> list[str]:
    """Export, then read every page's text back."""
    context.journal.export_pdf(target, incident_id, generated_at=GENERATED, zone=BERLIN)
    assert target.read_bytes().startswith(b"%PDF")
    return [page.extract_text() for page in PdfReader(target).pages]


def _flat(pages: list[str]) -> str:
    return " ".join(" ".join(pages).split())


def _fire(context: AppContext, leitung: Person) -> int:
    bert = context.users.create("Bert Özdemir", Role.REDAKTION, "1357", leitung)
    incident = context.incidents.create(
        "Großbrand Hafen", IncidentKind.GROSSBRAND, IncidentMode.REAL, leitung.actor
    )
    edits = [
        (LagebildField.WHAT_HAPPENED, "Lagerhalle brennt, Schaden 2 Mio. €", bert),
        (LagebildField.LOCATION, "Hafenstraße 3 „Tor Süd“", bert),
        (LagebildField.WHAT_HAPPENED, "Lagerhalle brennt, Rauch zieht nach Osten", leitung),
    ]
    for field, value, person in edits:
        context.incidents.set_field(incident.id, field, value, person.actor)
    return incident.id


def test_entries_appear_in_german_and_in_order(
    context: AppContext, leitung: Person, tmp_path: Path
) -> None:
    _fire(context, leitung)
    text = _flat(_export(context, tmp_path / "tagebuch.pdf"))
    assert text.startswith("Einsatztagebuch Alle Einträge")
    assert f"Kriseninfo {__version__}" in text
    assert "Zeitzone: Europe/Berlin (CET = UTC+01:00)" in text
    assert "Erstellt am: 27.11.2026 16:00:00" in text
    assert "Kette geprüft: intakt (6 Einträge)" in text
    in_order = [
        "Person angelegt",
        "Rolle: Bert Özdemir (redaktion)",
        "Lage angelegt",
        "Titel: Großbrand Hafen",
        "Was ist passiert?: (leer) → Lagerhalle brennt, Schaden 2 Mio. €",
        "Bert Özdemir Redaktion Lagebild geändert Wo?: (leer) → Hafenstraße 3 „Tor Süd“",
        "Anna Adler Leitung Lagebild geändert",
        "Was ist passiert? alt: Lagerhalle brennt, Schaden 2 Mio. € "
        "neu: Lagerhalle brennt, Rauch zieht nach Osten",
    ]
    positions = [text.index(part) for part in in_order]
    assert positions == sorted(positions)
    # Stored in UTC (09:00 on the fake clock), printed in Berlin winter time.
    assert "1 27.11.2026 10:00:01 System Person angelegt" in text


def test_zone_names_both_offsets_around_the_clock_change(
    context: AppContext, leitung: Person, clock: FakeClock, tmp_path: Path
) -> None:
    clock.now = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 02:30 summer time
    incident = context.incidents.create(
        "Unwetter", IncidentKind.UNWETTER, IncidentMode.REAL, leitung.actor
    )
    clock.advance(hours=1)  # 02:30 again, now winter time
    context.incidents.set_field(incident.id, LagebildField.HOTLINE, "02841 201-0", leitung.actor)
    text = _flat(_export(context, tmp_path / "zeit.pdf"))
    assert "Europe/Berlin (CEST = UTC+02:00, CET = UTC+01:00)" in text
    assert text.count("25.10.2026 02:30:0") == 2


def test_any_character_is_printed_or_named(
    context: AppContext, leitung: Person, tmp_path: Path
) -> None:
    incident_id = _fire(context, leitung)
    value = (
        "Feuer 🔥🚒 ok 😀\x07\x1b Київ İstanbul ğış تحذير "
        "{nb}\r\nzweite\u2028dritte\tZeile \ue000\ue001\ue002"
    )
    context.incidents.set_field(incident_id, LagebildField.PUBLIC_ACTION, value, leitung.actor)
    text = _flat(_export(context, tmp_path / "zeichen.pdf"))
    # Control characters are stripped when the Lagebild is saved (PostgreSQL refuses NUL);
    # what the font lacks is named by its code point.
    assert "Feuer [U+1F525][U+1F692] ok 😀 Київ İstanbul ğış" in text
    assert set("تحذير") <= set(text)  # drawn without shaping; the letters are all there
    # Neither fpdf's "{nb}" nor the private-use page-count alias becomes the page count.
    assert "{nb} zweite dritte Zeile [U+E000][U+E001][U+E002]" in text


def test_long_journal_runs_over_numbered_pages_and_nothing_is_cut(
    context: AppContext, leitung: Person, tmp_path: Path
) -> None:
    incident_id = _fire(context, leitung)
    words = " ".join(f"w{number:04d}" for number in range(2500))
    unbroken = "".join(str(number % 10) for number in range(400))
    field = LagebildField.AFFECTED_AREA
    context.incidents.set_field(incident_id, field, words, leitung.actor)
    context.incidents.set_field(incident_id, field, unbroken, leitung.actor)
    for number in range(60):
        hotline = f"02841 201-{number}"
        context.incidents.set_field(incident_id, LagebildField.HOTLINE, hotline, leitung.actor)

    pages = _export(context, tmp_path / "lang.pdf")
    total = len(pages)
    assert total > 3
    for number, page in enumerate(pages, start=1):
        flat = " ".join(page.split())
        assert f"Seite {number} von {total}" in flat
        assert "Kette geprüft: intakt (68 Einträge)" in flat
        assert "Nr. Zeit Person Aktion Details" in flat
    text = _flat(pages)
    found = text.split()
    printed_words = [word for word in found if word.startswith("w") and word[1:].isdigit()]
    assert printed_words == words.split() * 2  # new value of one line, old of the next
    assert unbroken in "".join(found)
    assert "Forts." in text
    assert "02841 201-58 → 02841 201-59" in text


def test_tampered_journal_names_the_broken_entry(
    context: AppContext, leitung: Person, tmp_path: Path
) -> None:
    _fire(context, leitung)
    with context.database.session() as session:
        session.execute(
            update(JournalEntry).where(JournalEntry.seq == 4).values(new_value="harmlos")
        )
    pages = _export(context, tmp_path / "verändert.pdf")
    broken = (
        "Kette geprüft: UNTERBROCHEN bei Eintrag Nr. 4 – der Inhalt wurde nachträglich geändert"
    )
    assert all(broken in " ".join(page.split()) for page in pages)
    assert "4 27.11.2026 10:00:" in _flat(pages)
    assert "⚠ Kette hier unterbrochen" in _flat(pages)


def test_one_incident_is_named_and_the_whole_chain_checked(
    context: AppContext, leitung: Person, tmp_path: Path
) -> None:
    incident_id = _fire(context, leitung)
    context.incidents.create(
        "Stromausfall", IncidentKind.STROMAUSFALL, IncidentMode.DRILL, leitung.actor
    )
    text = _flat(_export(context, tmp_path / "lage.pdf", incident_id))
    assert text.startswith(f"Einsatztagebuch Lage Nr. {incident_id}: Großbrand Hafen")
    assert "Stromausfall" not in text
    assert "Person angelegt" not in text
    assert "Kette geprüft (gesamtes Einsatztagebuch): intakt (7 Einträge)" in text
    assert "Einträge: 4 (Nr. 3 bis 6)" in text


def test_empty_journal(context: AppContext, tmp_path: Path) -> None:
    pages = _export(context, tmp_path / "leer.pdf")
    text = _flat(pages)
    assert len(pages) == 1
    assert "Keine Einträge" in text
    assert "Kette geprüft: intakt (0 Einträge)" in text
    assert "Seite 1 von 1" in text


def test_unknown_incident_is_not_found(context: AppContext, tmp_path: Path) -> None:
    with pytest.raises(KriseninfoError) as caught:
        context.journal.export_pdf(tmp_path / "x.pdf", 99, generated_at=GENERATED)
    assert caught.value.code is ErrorCode.NOT_FOUND
    assert not (tmp_path / "x.pdf").exists()


def test_printable_names_what_the_font_lacks() -> None:
    printable = Printable({ord(char) for char in "ab "})
    assert printable("a\r\nb\tb\x0bab") == "a\nb    b\nab"
    assert printable("a😀\x1b\x00b") == "a[U+1F600][U+001B][U+0000]b"
    assert printable("\ud800") == "[U+D800]"


def test_actions_without_german_words_show_their_key() -> None:
    assert action_name(Action.INCIDENT_CLOSED) == "Lage abgeschlossen"
    assert action_name("future.thing") == "future.thing"
    assert field_label("active:Bert Özdemir") == "Aktiv (Bert Özdemir)"


def test_wrap_breaks_at_spaces_and_inside_overlong_words() -> None:
    def width_of(text: str) -> float:
        return float(len(text))

    assert wrap("eins zwei drei", 9, width_of) == ["eins zwei", "drei"]
    assert wrap("abcdefghij xy", 4, width_of) == ["abcd", "efgh", "ij", "xy"]
    assert wrap("a\n\nb\u00adc", 4, width_of) == ["a", "", "bc"]


def _cli(data_dir: Path, *args: str, stdin: str = "") -> Result:
    return CliRunner().invoke(cli, ["--data-dir", str(data_dir), *args], input=stdin)


def test_cli_pdf_needs_an_output_file(tmp_path: Path) -> None:
    result = _cli(tmp_path, "journal", "export", "--format", "pdf")
    assert result.exit_code == 2
    assert "-o/--output" in result.output


def test_cli_writes_a_pdf(tmp_path: Path) -> None:
    added = _cli(tmp_path, "user", "add", "Anna Adler", "--role", "leitung", stdin="2468\n")
    assert added.exit_code == 0, added.output
    target = tmp_path / "einsatztagebuch.pdf"
    result = _cli(tmp_path, "journal", "export", "--format", "pdf", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert "1 entries written" in result.output
    assert target.read_bytes().startswith(b"%PDF")
    text = " ".join(PdfReader(target).pages[0].extract_text().split())
    assert "Person angelegt" in text
    assert "Kette geprüft: intakt (1 Eintrag)" in text
