"""Ranked answers for a citizen's question, offline: the playbook's Textbausteine (by
their example questions and keywords) and this incident's earlier answers, by fuzzy
similarity (rapidfuzz). No network, no model download."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import regex
from rapidfuzz import fuzz

from kriseninfo.playbooks.schema import Playbook

_WORD = regex.compile(r"\w+")


@dataclass(frozen=True)
class Suggestion:
    text: str
    score: float  # 0 … 100
    answer_id: str = ""  # the Textbaustein's id ("" for an earlier answer)
    title: str = ""
    pre_approved: bool = False  # an unchanged Textbaustein of a released playbook
    problem: str = ""  # e.g. a fact the Textbaustein needs is not filled in yet


def suggest(
    question: str,
    playbook: Playbook | None,
    language: str = "de",
    earlier: Sequence[str] = (),
    limit: int = 5,
    approved: bool = False,
    facts: Mapping[str, Any] | None = None,
) -> list[Suggestion]:
    """The best answers first; only those that resemble the question at all."""
    words = {w.casefold() for w in _WORD.findall(question)}
    found: list[Suggestion] = []
    if playbook is not None:
        for answer in playbook.answers:
            text = answer.texts.get(language) or answer.texts.get("de")  # type: ignore[call-overload]
            if not text:
                continue
            similar = max(
                (fuzz.token_set_ratio(question, example) for example in answer.questions),
                default=0.0,
            )
            hits = sum(1 for keyword in answer.keywords if keyword.casefold() in words)
            score = min(100.0, similar + 15.0 * hits)
            shown, problem = render_answer(str(text), facts or {})
            found.append(
                Suggestion(shown, score, answer.id, answer.title, approved and not problem, problem)
            )
    for text in dict.fromkeys(earlier):  # each earlier answer once
        found.append(Suggestion(text, float(fuzz.token_set_ratio(question, text)) * 0.9))
    found.sort(key=lambda s: s.score, reverse=True)
    return [s for s in found if s.score >= 40.0][:limit]


def render_answer(template: str, facts: Mapping[str, Any]) -> tuple[str, str]:
    """The Textbaustein with today's facts; unfilled, with the reason, if one is missing."""
    from kriseninfo.playbooks import templates

    try:
        return templates.render(template, dict(facts)), ""
    except Exception as error:  # a missing fact: show the text, say what is missing
        return template, f"{type(error).__name__}: {error}"[:300]
