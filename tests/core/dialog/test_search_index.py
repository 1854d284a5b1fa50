"""The dialog feed's search index finds exactly what a search through each casefolded
text finds: umlauts, ß, emoji, words across a text's end, changed texts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kriseninfo.dialog.search_index import SEPARATOR, TextIndex

# Letters that casefold in interesting ways, the separator, and wide characters.
ALPHABET = st.sampled_from([*"abcßsSäÄöüẞ \n-🚒😀€„“İı", "ss", "SS"])
TEXTS = st.lists(ALPHABET, max_size=12).map("".join)


def naive(texts: dict[int, str], word: str) -> set[int]:
    return {key for key, text in texts.items() if word in text}


@settings(max_examples=300, deadline=None)
@given(
    texts=st.lists(TEXTS, max_size=30),
    changes=st.lists(st.tuples(st.integers(0, 29), TEXTS), max_size=6),
    words=st.lists(TEXTS, min_size=1, max_size=5),
    block=st.integers(1, 5),
)
def test_finds_what_a_search_of_each_text_finds(
    texts: list[str], changes: list[tuple[int, str]], words: list[str], block: int
) -> None:
    index = TextIndex(block=block)
    known: dict[int, str] = {}
    for key, text in enumerate(texts):
        index.add(key * 7, text.casefold())
        known[key * 7] = text.casefold()
    for key, text in changes:
        if key < len(texts):
            index.replace(key * 7, text.casefold())
            known[key * 7] = text.casefold()
    assert len(index) == len(known)
    for word in words:
        assert index.find(word.casefold()) == naive(known, word.casefold())
    expected: set[int] | None = None
    for word in words:
        found = naive(known, word.casefold())
        expected = found if expected is None else expected & found
    assert index.find_all(w.casefold() for w in words) == expected


def test_a_word_never_spans_two_texts() -> None:
    index = TextIndex(block=4)
    for key, text in enumerate(["straße", "nass", "mit", "ende"]):
        index.add(key, text.casefold())
    assert index.find("strasse") == {0}  # ß casefolds to ss
    assert index.find(f"nass{SEPARATOR}mit") == set()
    assert index.find("s") == {0, 1}
    assert index.find("") == {0, 1, 2, 3}
    assert index.find_all([]) is None


def test_a_changed_text_is_found_by_its_new_words() -> None:
    index = TextIndex(block=2)
    for key, text in enumerate(["Kita geschlossen?", "Bus fährt", "Trinkwasser 😀", "Rauch"]):
        index.add(key, text.casefold())
    index.replace(0, "kita wieder offen")
    index.replace(2, "wasser ok")
    assert index.find("geschlossen") == set() and index.find("offen") == {0}
    assert index.find("wasser") == {2} and index.find("rauch") == {3}
