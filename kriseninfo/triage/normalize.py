"""German text as the triage compares it: case, umlauts and ß folded, emoji and shouting
noted, letters repeated for emphasis collapsed, words stemmed (Snowball), and the text
once more without spaces for words run together ("kommenichtraus")."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex
import Stemmer  # PyStemmer: the Snowball stemmers in C

_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "ẞ": "ss"})
_DIGRAPHS = regex.compile(r"(?<=[a-z])(ae|oe|ue)")  # "Strasse", "muessen", "Roemerstr."
_REPEATS = regex.compile(r"(\p{L})\1{2,}")  # "hiiilfe" → "hilfe"
WORD = regex.compile(r"[\p{L}\p{N}]+")
_EMOJI = regex.compile(r"[\p{Extended_Pictographic}\p{Regional_Indicator}]")
#: Emoji that say what a word would say, read as that word ("🙄" is annoyance).
_EMOJI_WORDS = {
    "🙄": " augenrollen ",
    "😡": " wut ",
    "🤬": " wut ",
    "😤": " wut ",
    "🙏": " danke ",
    "👏": " applaus ",
    "😭": " weint ",
    "😱": " schreck ",
    "🆘": " sos ",
}
_EMOJI_WORD = regex.compile("|".join(map(regex.escape, _EMOJI_WORDS)))
_SHOUT = regex.compile(r"!{2,}|\?{3,}|\+\+\+|\b[A-ZÄÖÜ]{4,}\b")
_STEMMER = Stemmer.Stemmer("german")
#: Words too common to make two messages alike (folded, as `words` gives them).
STOPWORDS = frozenset(
    [
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einer",
        "eines",
        "einem",
        "einen",
        "und",
        "oder",
        "aber",
        "ich",
        "du",
        "er",
        "sie",
        "es",
        "wir",
        "ihr",
        "mein",
        "meine",
        "meinem",
        "meinen",
        "unser",
        "unsere",
        "ist",
        "sind",
        "bin",
        "war",
        "hat",
        "habe",
        "haben",
        "in",
        "im",
        "an",
        "am",
        "auf",
        "aus",
        "bei",
        "mit",
        "nach",
        "von",
        "zu",
        "zum",
        "zur",
        "fur",
        "uber",
        "noch",
        "schon",
        "auch",
        "nicht",
        "kein",
        "keine",
        "da",
        "dass",
        "wie",
        "was",
        "wo",
        "wann",
        "hier",
        "jetzt",
        "mal",
        "denn",
        "doch",
        "ja",
        "so",
        "the",
        "a",
        "an",
        "and",
        "or",
        "is",
        "are",
        "i",
        "we",
        "you",
        "my",
        "our",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "it",
        "this",
        "that",
    ]
)


def fold(text: str) -> str:
    """Lower case without umlauts, ß or accents; "Straße", "STRASSE", "strasse" alike."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_FOLD)
    text = _DIGRAPHS.sub(lambda found: found.group(1)[0], text)
    text = "".join(
        char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char)
    )
    return _REPEATS.sub(r"\1", text)


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The Snowball stem of a folded word ("kinder" → "kind", "brennen" → "brenn")."""
    return str(_STEMMER.stemWord(word)) if len(word) > 3 else word


@dataclass(frozen=True, slots=True)
class Words:
    """A message as the triage reads it."""

    folded: str  # the whole text, folded
    tokens: tuple[str, ...]  # folded words in order
    stems: tuple[str, ...]  # their stems, in the same order
    joined: str  # the folded words without spaces between them
    shouting: bool  # "!!!", "+++", words in capitals
    emoji: int  # how many emoji


def words(text: str) -> Words:
    folded = fold(_EMOJI_WORD.sub(lambda found: _EMOJI_WORDS[found.group(0)], text))
    tokens = tuple(WORD.findall(folded))
    return Words(
        folded=folded,
        tokens=tokens,
        stems=tuple(stem(token) for token in tokens),
        joined="".join(tokens),
        shouting=bool(_SHOUT.search(text)),
        emoji=len(_EMOJI.findall(text)),
    )
