"""Plain German: long sentences and official words (Beamtendeutsch) become warnings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from kriseninfo.playbooks.schema import Language

MAX_WORDS = {Language.DE: 20, Language.LEICHTE_SPRACHE: 14}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_WORD = re.compile(r"\w[\w'’:.,/-]*", re.UNICODE)  # "14:30" and "201-0" are one word each
_URL = re.compile(r"https?://\S+|www\.\S+", re.IGNORECASE)


@dataclass(frozen=True)
class LongSentence:
    words: int
    limit: int
    start: str


@dataclass(frozen=True)
class OfficialWord:
    word: str
    suggestion: str


@lru_cache(maxsize=1)
def official_words() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """(word, plain suggestion, pattern) from resources/beamtendeutsch.tsv."""
    text = (resources.files("kriseninfo_resources") / "beamtendeutsch.tsv").read_text("utf-8")
    entries = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, suggestion = line.split("\t", 1)
        pattern = re.compile(r"(?<!\w)" + re.escape(word.strip().lower()))
        entries.append((word.strip(), suggestion.strip(), pattern))
    return tuple(entries)


def long_sentences(text: str, language: Language) -> list[LongSentence]:
    limit = MAX_WORDS.get(language)
    if limit is None:
        return []
    found = []
    for sentence in _SENTENCE_END.split(_URL.sub("Link", text)):
        words = _WORD.findall(sentence)
        if len(words) > limit:
            found.append(LongSentence(len(words), limit, " ".join(words[:6]) + " …"))
    return found


def official(text: str, language: Language) -> list[OfficialWord]:
    if language not in MAX_WORDS:
        return []
    lowered = text.lower()
    return [
        OfficialWord(word, plain)
        for word, plain, pattern in official_words()
        if pattern.search(lowered)
    ]
