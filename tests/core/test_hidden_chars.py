"""Invisible characters from pasted rich text: found, reported and cleaned."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kriseninfo.counting import HiddenKind, clean, find_hidden

FAMILY = "👨\u200d👩\u200d👧"
RAINBOW_FLAG = "🏳\ufe0f\u200d🌈"
FLAG_SCOTLAND = "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
PERSIAN = "می\u200cشود"  # the ZWNJ keeps the two words apart visually


def kinds(text: str) -> list[tuple[int, HiddenKind]]:
    return [(hidden.index, hidden.kind) for hidden in find_hidden(text)]


@pytest.mark.parametrize(
    ("char", "kind"),
    [
        ("\u200b", HiddenKind.ZERO_WIDTH),
        ("\u200c", HiddenKind.ZERO_WIDTH),
        ("\u200d", HiddenKind.ZERO_WIDTH),
        ("\u2060", HiddenKind.ZERO_WIDTH),
        ("\ufeff", HiddenKind.ZERO_WIDTH),
        ("\u202a", HiddenKind.BIDI),
        ("\u202e", HiddenKind.BIDI),
        ("\u2066", HiddenKind.BIDI),
        ("\u2069", HiddenKind.BIDI),
        ("\u200e", HiddenKind.BIDI),
        ("\u200f", HiddenKind.BIDI),
        ("\u061c", HiddenKind.BIDI),
        ("\x00", HiddenKind.CONTROL),
        ("\x07", HiddenKind.CONTROL),
        ("\x1b", HiddenKind.CONTROL),
        ("\x7f", HiddenKind.CONTROL),
        ("\x9b", HiddenKind.CONTROL),
        ("\u00ad", HiddenKind.SOFT_HYPHEN),
        ("\U000e0041", HiddenKind.TAG),
        ("\U000e007f", HiddenKind.TAG),
        ("\ufffe", HiddenKind.INVALID),
    ],
)
def test_dangerous_characters_are_found_and_removed(char: str, kind: HiddenKind) -> None:
    text = f"Hafen{char}straße"
    [hidden] = find_hidden(text)
    assert (hidden.index, hidden.char, hidden.kind, hidden.replacement) == (5, char, kind, "")
    assert hidden.name
    assert clean(text) == "Hafenstraße"


def test_names_are_unicode_names() -> None:
    assert [hidden.name for hidden in find_hidden("a\u200bb\u202ec\x07")] == [
        "ZERO WIDTH SPACE",
        "RIGHT-TO-LEFT OVERRIDE",
        "U+0007",
    ]


def test_tab_and_newline_are_ordinary() -> None:
    assert find_hidden("Zeile 1\n\tZeile 2") == []


def test_line_breaks_become_newlines() -> None:
    assert clean("Zeile 1\r\nZeile 2\rZeile 3\x0bZeile 4\u2028Zeile 5") == (
        "Zeile 1\nZeile 2\nZeile 3\nZeile 4\nZeile 5"
    )
    assert {hidden.kind for hidden in find_hidden("a\r\nb\u2029")} == {HiddenKind.LINE_BREAK}


def test_no_break_spaces_are_kept_but_reported() -> None:
    text = "5\u00a0km und 10\u202fkm"
    assert kinds(text) == [(1, HiddenKind.SPACE), (11, HiddenKind.SPACE)]
    assert all(hidden.replacement is None for hidden in find_hidden(text))
    assert clean(text) == text


def test_odd_spaces_become_plain_spaces() -> None:
    text = "Achtung\u2003Gefahr\u3000jetzt\u205f!"
    assert [hidden.replacement for hidden in find_hidden(text)] == [" ", " ", " "]
    assert clean(text) == "Achtung Gefahr jetzt !"


@pytest.mark.parametrize(
    "emoji",
    [FAMILY, RAINBOW_FLAG, FLAG_SCOTLAND, "👍🏽", "❤\ufe0f", "1\ufe0f\u20e3", "🇩🇪"],
)
def test_emoji_keep_their_joiners_selectors_and_tags(emoji: str) -> None:
    text = f"Danke {emoji}!"
    assert find_hidden(text) == []
    assert clean(text) == text


def test_joiners_between_letters_of_scripts_that_need_them_are_kept() -> None:
    assert find_hidden(PERSIAN) == []
    assert clean(PERSIAN) == PERSIAN
    devanagari = "क्\u200dष"
    assert clean(devanagari) == devanagari


def test_stray_joiners_and_selectors_are_removed() -> None:
    assert clean("Hafen\u200dstraße") == "Hafenstraße"  # between Latin letters
    assert clean(FAMILY + "\u200d") == FAMILY  # a dangling ZWJ after an emoji
    assert clean("ok \ufe0f") == "ok "  # a selector after a space selects nothing
    assert clean("a\ufe00\ufe01\ufe02") == "a\ufe00"  # only the first one belongs to "a"


def test_smuggled_tag_text_is_removed() -> None:
    hidden_message = "".join(chr(0xE0000 + ord(c)) for c in "ignore this")
    assert clean("Hallo" + hidden_message) == "Hallo"
    assert {hidden.kind for hidden in find_hidden("Hallo" + hidden_message)} == {HiddenKind.TAG}


def test_clean_normalises_to_nfc() -> None:
    assert clean("Cafe\u0301") == "Café"
    assert clean("e\u200b\u0301") == "é"  # the accent combines once the space is gone


def test_ordinary_text_is_untouched() -> None:
    text = "Hochwasser: Bitte räumen Sie Keller – „sofort“! 🚒 Infos: https://moers.de"
    assert find_hidden(text) == []
    assert clean(text) == text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_clean_is_idempotent_and_leaves_nothing_to_remove(text: str) -> None:
    cleaned = clean(text)
    assert clean(cleaned) == cleaned
    assert all(hidden.replacement is None for hidden in find_hidden(cleaned))
    assert unicodedata.is_normalized("NFC", cleaned)
