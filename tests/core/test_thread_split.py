"""`split_thread`: a too-long draft becomes numbered parts that each fit the platform."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kriseninfo.counting import count, split_thread
from kriseninfo.counting.sentences import sentences, words
from kriseninfo.errors import KriseninfoError

NUMBERING = re.compile(r" \((\d+)/(\d+)\)\Z")
LINK = "https://www.moers.de/de/aktuelles/sperrung-der-hafenstrasse/"
NOTICE = (
    "Die Hafenstraße ist ab 10 Uhr gesperrt, z. B. für Lkw über 7,5 t. "
    "Bitte nutzen Sie die Umleitung über die Hafenstr. 3 und den Marktplatz. "
    f"Infos: {LINK}. "
    "Die Sperrung dauert ca. 4 Stunden, am 3. Oktober ab 8 Uhr. "
    "Betroffen sind Haus Nr. 12 bis Nr. 40! "
)


def bodies(parts: list[str]) -> list[str]:
    """The parts without their numbering, checking that it runs 1..n."""
    found = [NUMBERING.search(part) for part in parts]
    assert all(found), parts
    assert [(int(m.group(1)), int(m.group(2))) for m in found if m] == [
        (i, len(parts)) for i in range(1, len(parts) + 1)
    ]
    return [NUMBERING.sub("", part) for part in parts]


def test_a_text_that_fits_is_returned_unchanged() -> None:
    text = "  Kurz und gut.\n"
    assert split_thread("x", text) == [text]
    assert split_thread("sms", "a" * 160, limit=1) == ["a" * 160]


def test_parts_end_at_sentences_not_at_abbreviations() -> None:
    parts = split_thread("x", NOTICE * 2)
    assert len(parts) > 1
    for part in parts:
        assert count("x", part).fits
        body = NUMBERING.sub("", part)
        assert body[-1] in ".!"
        for abbreviation in ("z. B.", "Hafenstr.", "ca.", "Nr.", "am 3."):
            assert not body.endswith(abbreviation), body
    assert " ".join(bodies(parts)).split() == (NOTICE * 2).split()


def test_links_stay_whole_and_count_as_23() -> None:
    text = "Achtung! " + " ".join([f"Infos: {LINK}."] * 30)
    for platform in ("x", "mastodon"):
        parts = split_thread(platform, text)
        assert all(count(platform, part).fits for part in parts)
        assert sum(part.count(LINK) for part in parts) == 30


def test_a_long_sentence_is_split_between_words() -> None:
    sentence = " ".join(["Gefahrenbereich"] * 60) + "."
    parts = split_thread("bluesky", sentence)
    assert len(parts) == 4
    assert all(count("bluesky", part).fits for part in parts)
    assert " ".join(bodies(parts)).split() == sentence.split()


def test_a_word_longer_than_a_part_is_cut() -> None:
    word = "Donaudampfschifffahrtsgesellschaft" * 12
    parts = split_thread("x", f"Kurz. {word} Ende.", limit=100)
    assert all(count("x", part, limit=100).fits for part in parts)
    assert "".join(bodies(parts)).replace(" ", "") == f"Kurz.{word}Ende."


def test_a_link_longer_than_a_part_cannot_be_split() -> None:
    with pytest.raises(KriseninfoError):
        split_thread("bluesky", "Siehe https://moers.de/" + "x" * 400)


def test_ten_and_more_parts_widen_the_numbering() -> None:
    text = NOTICE * 12
    parts = split_thread("x", text)
    assert len(parts) >= 10
    assert parts[-1].endswith(f" ({len(parts)}/{len(parts)})")
    assert parts[0].endswith(f" (1/{len(parts)})")
    assert all(count("x", part).fits for part in parts)
    assert " ".join(bodies(parts)).split() == text.split()


def test_numbering_width_is_measured_exactly() -> None:
    # Each sentence is 270 weighted characters: " (1/9)" still fits, " (10/10)" would not.
    sentence = "a" * 269 + "."
    for total in (9, 10):
        parts = split_thread("x", " ".join([sentence] * total))
        assert all(count("x", part).fits for part in parts)
        assert max(count("x", part).length for part in parts) <= 280
    nine = split_thread("x", " ".join([sentence] * 9))
    assert len(nine) == 9 and nine[0] == sentence + " (1/9)"


def test_sms_parts_fit_the_segment_limit() -> None:
    text = "Warnung: Hochwasser an der Rheinaue. Bitte Keller räumen. " * 8
    parts = split_thread("sms", text, limit=1)
    assert all(count("sms", part, limit=1).segments == 1 for part in parts)
    assert " ".join(bodies(parts)).split() == text.split()


def test_a_text_of_only_spaces_gives_no_parts() -> None:
    assert split_thread("x", " " * 300) == []


def test_sentence_and_word_pieces_join_back_exactly() -> None:
    text = "Achtung!  Die Str. ist zu.\nNeue Zeile z. B. hier. Ende…  "
    assert "".join(sentences(text)) == text
    assert [s.strip() for s in sentences(text)] == [
        "Achtung!",
        "Die Str. ist zu.",
        "Neue Zeile z. B. hier.",
        "Ende…",
    ]
    assert "".join(words(text)) == text


TOKENS = st.sampled_from(
    [
        "Achtung",
        "Hafenstraße",
        "gesperrt",
        "z. B.",
        "Nr. 5",
        "ca.",
        "Str.",
        "am 3. Oktober",
        "Lkw",
        "www.moers.de",
        "moers.de/sperrung",
        LINK,
        "😷",
        "👨\u200d👩\u200d👧\u200d👦",
        "🇩🇪",
        "日本語",
        "€",
        "ä",
        "é",
        "Ende.",
        "Bitte!",
        "Warum?",
        "(Umleitung)",
        "„Zitat“",
        "–",
    ]
)
SEPARATORS = st.sampled_from([" ", " ", " ", "\n", ". ", "! ", ", ", "  "])


@st.composite
def drafts(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.tuples(TOKENS, SEPARATORS), min_size=1, max_size=120))
    return "".join(token + separator for token, separator in pieces)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=drafts(),
    platform=st.sampled_from(["x", "mastodon", "bluesky", "threads", "sms"]),
    limit=st.sampled_from([None, 80, 140]),  # every token, a link too, fits a part
)
def test_every_part_fits_and_the_words_come_back(
    text: str, platform: str, limit: int | None
) -> None:
    if platform == "sms":
        limit = 1 if limit is None else 2
    parts = split_thread(platform, text, limit=limit)
    assert all(count(platform, part, limit=limit).fits for part in parts)
    if parts == [text]:
        return
    assert " ".join(bodies(parts)).split() == text.split()


@settings(max_examples=60, deadline=None)
@given(text=st.text(min_size=1, max_size=400))
def test_any_text_splits_into_parts_that_fit(text: str) -> None:
    parts = split_thread("mastodon", text, limit=40)
    assert all(count("mastodon", part, limit=40).fits for part in parts)
    if parts != [text]:
        joined = "".join(bodies(parts))
        assert "".join(joined.split()) == "".join(text.split())
