"""Ranked answers for a citizen's question, offline: the playbook's Textbausteine (ranked
by the triage, `kriseninfo.triage.rank`) filled with the incident's facts, and this
incident's earlier answers, by fuzzy similarity (rapidfuzz). No network, no model."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from kriseninfo.playbooks.schema import Playbook
from kriseninfo.triage.incident import TriageContext
from kriseninfo.triage.rank import Ranker, missing_facts

#: An earlier answer must resemble the question at least this much (0-100) to be offered.
EARLIER_MIN_SCORE = 40.0


@dataclass(frozen=True)
class Suggestion:
    text: str
    score: float  # 0 … 100
    answer_id: str = ""  # the Textbaustein's id ("" for an earlier answer)
    title: str = ""
    pre_approved: bool = False  # an unchanged Textbaustein of a released playbook
    problem: str = ""  # e.g. a fact the Textbaustein needs is not filled in yet
    missing: tuple[str, ...] = ()  # labels of the facts it still needs
    places: tuple[str, ...] = ()  # streets or places of the facts the question names


def suggest(
    question: str,
    playbook: Playbook | None,
    language: str = "de",
    earlier: Sequence[str] = (),
    limit: int = 5,
    approved: bool = False,
    facts: Mapping[str, Any] | None = None,
    context: TriageContext | None = None,
) -> list[Suggestion]:
    """The best answers first; only those that resemble the question at all. A
    Textbaustein with a fact missing comes with its reason and is never pre-approved."""
    facts = facts or {}
    found: list[Suggestion] = []
    if playbook is not None:
        context = context or TriageContext.of(playbook, facts)
        for ranked in Ranker(context).rank(question):
            answer = ranked.answer
            text = answer.texts.get(language) or answer.texts.get("de")  # type: ignore[call-overload]
            if not text:
                continue
            shown, problem = render_answer(str(text), facts)
            missing = missing_facts(answer, playbook, context, facts) if problem else ()
            found.append(
                Suggestion(
                    shown,
                    ranked.score,
                    answer.id,
                    answer.title,
                    approved and not problem,
                    problem,
                    missing,
                    ranked.places,
                )
            )
    for text in dict.fromkeys(earlier):  # each earlier answer once
        score = float(fuzz.token_set_ratio(question, text)) * 0.9
        if score >= EARLIER_MIN_SCORE:
            found.append(Suggestion(text, score))
    found.sort(key=lambda s: s.score, reverse=True)
    return found[:limit]


def render_answer(template: str, facts: Mapping[str, Any]) -> tuple[str, str]:
    """The Textbaustein with today's facts; unfilled, with the reason, if one is missing."""
    from kriseninfo.playbooks import templates

    try:
        return templates.render(template, dict(facts)), ""
    except Exception as error:  # a missing fact: show the text, say what is missing
        return template, f"{type(error).__name__}: {error}"[:300]
