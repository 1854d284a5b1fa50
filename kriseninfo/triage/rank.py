"""Textbausteine ranked for a message, read the way the triage reads it: the example
questions and keywords of each Textbaustein, compared after folding and stemming; a
street or place of the incident's facts named in the message lifts the Textbausteine
that answer with that fact ("Ist meine Straße betroffen?" for a street in the list)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from rapidfuzz import fuzz

from kriseninfo.playbooks.schema import Answer, Playbook
from kriseninfo.triage.cues import Cue, parse_cue
from kriseninfo.triage.incident import Place, TriageContext, stemmed
from kriseninfo.triage.normalize import Words, stem, words

#: Points for each keyword of a Textbaustein found in the message.
KEYWORD_POINTS = 15.0
#: Points for a street or place of the facts that the Textbaustein's text names.
PLACE_POINTS = 35.0
#: Below this a Textbaustein does not resemble the message at all.
MIN_SCORE = 40.0
_STREET_WORDS = ("strasse", "str", "weg", "platz", "allee", "ring", "gasse", "damm", "ufer")


@dataclass(frozen=True)
class Ranked:
    answer: Answer
    score: float  # 0 … 100
    places: tuple[str, ...]  # the facts' streets or places the message names


class Ranker:
    def __init__(self, context: TriageContext):
        self.context = context

    @cached_property
    def _examples(self) -> list[tuple[Answer, list[str], list[Cue]]]:
        found = []
        for answer in self.context.answers:
            questions = [stemmed(question) for question in answer.questions]
            keywords = [parse_cue(" ".join(stem(w) for w in k.split())) for k in answer.keywords]
            found.append((answer, questions, keywords))
        return found

    def rank(self, text: str) -> list[Ranked]:
        read = words(text)
        mine = " ".join(read.stems)
        named = [place for place in self.context.places if names_place(read, place)]
        ranked = []
        for answer, questions, keywords in self._examples:
            similar = max((fuzz.token_set_ratio(mine, q) for q in questions), default=0.0)
            hits = sum(1 for keyword in keywords if _has(read, keyword))
            uses = self.context.answer_facts.get(answer.id, frozenset())
            places = tuple(dict.fromkeys(p.name for p in named if p.parameter in uses))
            score = min(100.0, similar + KEYWORD_POINTS * hits) + (PLACE_POINTS if places else 0)
            ranked.append(Ranked(answer, min(100.0, score), places))
        ranked.sort(key=lambda r: r.score, reverse=True)
        return [r for r in ranked if r.score >= MIN_SCORE]


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


def _has(read: Words, cue: Cue) -> bool:
    if not cue.parts:
        return False
    if len(cue.parts) == 1:
        part = cue.parts[0].text
        return any(token.startswith(part) for token in read.tokens) or any(
            s == part for s in read.stems
        )
    return cue.joined in read.joined


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
