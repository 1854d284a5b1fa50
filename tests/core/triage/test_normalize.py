"""German text as the triage reads it."""

from __future__ import annotations

import pytest

from kriseninfo.triage.normalize import fold, stem, words


@pytest.mark.parametrize("spelling", ["Straße", "STRASSE", "strasse", "Strasse", "straße"])
def test_case_umlauts_and_sharp_s_are_one_spelling(spelling: str) -> None:
    assert fold(spelling) == fold("Straße")


def test_umlauts_written_out_read_as_umlauts() -> None:
    assert fold("Roemerstrasse") == fold("Römerstraße")
    assert fold("muessen") == fold("müssen")


def test_letters_repeated_for_emphasis_collapse() -> None:
    assert fold("HIIIIILFEEE") == fold("hilfe")
    assert words("bitteeee helft").tokens == ("bitte", "helft")


def test_inflected_words_share_a_stem() -> None:
    assert stem("kinder") == stem("kind")
    assert stem(fold("Häuser")) == stem("haus")


def test_shouting_and_emoji_are_noted_and_some_emoji_read_as_words() -> None:
    read = words("+++ EILT +++ Das stimmt doch nicht 🙄😱")
    assert read.shouting and read.emoji == 2
    assert "augenrollen" in read.tokens and "schreck" in read.tokens
    assert not words("Wann kommt der Bus?").shouting


def test_words_run_together_are_kept_without_spaces() -> None:
    assert "kommennichtraus" in words("Wir KOMMEN nicht raus!").joined
