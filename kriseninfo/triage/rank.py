"""Textbausteine ranked for a message, read the way the triage reads it: the example
questions and keywords of each Textbaustein, compared after folding and stemming; a
street or place of the incident's facts named in the message lifts the Textbausteine
that answer with that fact ("Ist meine Straße betroffen?" for a street in the list)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import regex
from rapidfuzz import fuzz

from kriseninfo.playbooks.kinds import Category
from kriseninfo.playbooks.schema import Answer, Playbook
from kriseninfo.triage.incident import Place, TriageContext, stemmed
from kriseninfo.triage.normalize import STOPWORDS, WORD, Words, fold, stem, words

#: Points for a keyword of a Textbaustein found in the message (one that few other
#: Textbausteine share; a keyword of many counts for less).
KEYWORD_POINTS = 5.0
#: Points for a street or place of the facts that the Textbaustein's text names.
PLACE_POINTS = 8.0
#: Points for a Textbaustein that answers the message's category (the rumour answer for a
#: rumour).
CATEGORY_POINTS = 30.0
#: A Textbaustein's score adds how closely the message resembles its closest example
#: question (0-100, rapidfuzz) and how much of the message's information (its words,
#: weighted by how few Textbausteine use them) its title, questions, keywords and texts in
#: every language share. Measured on the labelled sets in tests/data/triage/.
EXAMPLE_SHARE = 0.5
TEXT_SHARE = 1.2
#: Below this a Textbaustein does not resemble the message at all.
MIN_SCORE = 30.0
_STREET_WORDS = ("strasse", "str", "weg", "platz", "allee", "ring", "gasse", "damm", "ufer")
_TEMPLATE = regex.compile(r"\{\{.*?\}\}|\{%.*?%\}", regex.DOTALL)
#: A message's word matches a Textbaustein's word it starts with, from this length
#: ("insulinpens" → "insulin", "kellerwand" → "keller").
_PREFIX_FROM = 5


@dataclass(frozen=True)
class Ranked:
    answer: Answer
    score: float  # 0 … 100
    places: tuple[str, ...]  # the facts' streets or places the message names


@dataclass(frozen=True)
class _Entry:
    answer: Answer
    questions: tuple[str, ...]  # example questions, stemmed
    #: each keyword's words (stemmed, run together) with its weight (rarer: heavier)
    keywords: tuple[tuple[str, float], ...]
    document: frozenset[str]  # stems of its title, questions, keywords and texts


class Ranker:
    def __init__(self, context: TriageContext):
        self.context = context

    @cached_property
    def _entries(self) -> tuple[tuple[_Entry, ...], dict[str, float]]:
        documents = {}
        for answer in self.context.answers:
            text = " ".join(
                [answer.title, *answer.questions, *answer.keywords]
                + [_TEMPLATE.sub(" ", str(t)) for t in answer.texts.values()]
            )
            documents[answer.id] = frozenset(words(text).stems) - STOPWORDS
        count = max(1, len(documents))
        frequency: dict[str, int] = {}
        for document in documents.values():
            for word in document:
                frequency[word] = frequency.get(word, 0) + 1
        idf = {word: math.log(1 + count / n) for word, n in frequency.items()}
        entries = []
        for answer in self.context.answers:
            keywords = []
            for keyword in answer.keywords:
                key = "".join(stem(w) for w in WORD.findall(fold(keyword)))
                if not key:
                    continue
                rare = idf.get(stem(fold(keyword)), math.log(1 + count))
                keywords.append((key, min(1.0, rare / math.log(1 + count / 2))))
            entries.append(
                _Entry(
                    answer,
                    tuple(stemmed(q) for q in answer.questions),
                    tuple(keywords),
                    documents[answer.id],
                )
            )
        return tuple(entries), idf

    def rank(self, text: str, category: Category | None = None) -> list[Ranked]:
        read = words(text)
        mine = " ".join(read.stems)
        entries, idf = self._entries
        unknown = math.log(1 + 2 * max(1, len(entries)))
        content = [s for s in dict.fromkeys(read.stems) if s not in STOPWORDS and len(s) > 1]
        weights = {s: idf.get(s, unknown) for s in content}
        total = sum(weights.values()) or 1.0
        named = [place for place in self.context.places if names_place(read, place)]
        starts = {token[:end] for token in read.tokens for end in range(2, len(token) + 1)}
        starts.update(read.stems)
        ranked = []
        for entry in entries:
            answer = entry.answer
            similar = max((fuzz.token_set_ratio(mine, q) for q in entry.questions), default=0.0)
            shared = sum(w for s, w in weights.items() if _in(s, entry.document))
            similar = EXAMPLE_SHARE * similar + 100.0 * TEXT_SHARE * shared / total
            hits = sum(weight for key, weight in entry.keywords if _has(read, key, starts))
            uses = self.context.answer_facts.get(answer.id, frozenset())
            places = tuple(dict.fromkeys(p.name for p in named if p.parameter in uses))
            score = similar + KEYWORD_POINTS * hits  # ranked on this, shown up to 100
            score += PLACE_POINTS if places else 0.0
            if category is not None and self.context.answer_categories.get(answer.id) is category:
                score += CATEGORY_POINTS
            ranked.append(Ranked(answer, score, places))
        ranked.sort(key=lambda r: r.score, reverse=True)
        return [
            Ranked(r.answer, min(100.0, r.score), r.places) for r in ranked if r.score >= MIN_SCORE
        ]


def _in(word: str, document: frozenset[str]) -> bool:
    if word in document:
        return True
    return any(word[:end] in document for end in range(_PREFIX_FROM, len(word)))


def names_place(read: Words, place: Place) -> bool:
    """Whether the message names the place: "Römerstr. 12", "roemer strasse", "Moers-Mitte"."""
    key = place.key.replace(" ", "").replace("-", "")
    if key not in read.joined:
        return False
    tokens = read.tokens
    for index in range(len(tokens)):
        run = "".join(tokens[index : index + 4])
        if not run.startswith(key):
            continue
        rest = run[len(key) :]
        if (
            len(key) >= 6
            or not rest
            or rest.startswith(_STREET_WORDS)
            or (index + 1 < len(tokens) and tokens[index + 1].startswith(_STREET_WORDS))
        ):
            return True
    return False


def _has(read: Words, key: str, starts: set[str]) -> bool:
    """A keyword in the message: a word starting with it, or its words run together
    ("was ist los", "rb 31")."""
    return key in starts or (len(key) >= 4 and key in read.joined)


def missing_facts(
    answer: Answer, playbook: Playbook, context: TriageContext, facts: Mapping[str, Any]
) -> tuple[str, ...]:
    """Labels of the facts the Textbaustein's texts use that are not filled in yet."""
    uses = context.answer_facts.get(answer.id, frozenset())
    return tuple(
        parameter.label
        for parameter in playbook.parameters
        if parameter.id in uses and facts.get(parameter.id) in (None, "", [])
    )


def top_ids(ranked: Sequence[Ranked], limit: int = 3) -> list[str]:
    return [r.answer.id for r in ranked[:limit]]
