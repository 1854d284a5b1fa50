"""What the triage knows of one incident: its playbook's labelled examples (the questions
of Textbausteine that name a category, the drill injects with their expected category),
its Textbausteine, and the streets and places in its facts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import regex

from kriseninfo.playbooks.kinds import Category, ParameterType
from kriseninfo.playbooks.schema import Answer, Playbook
from kriseninfo.triage.normalize import fold, words

#: Endings that writers shorten or drop: "Römerstr.", "Römer Straße", "roemerstrasse".
_STREET_ENDING = regex.compile(
    r"(?:\s*-?\s*)(?:strasse|str|weg|platz|allee|ring|gasse|damm|ufer|chaussee)\b\.?$"
)
_HOUSE_NUMBER = regex.compile(r"\s+\d+\w?(?:\s*(?:-|bis)\s*\d+\w?)?$")
_PLACE_TYPES = (ParameterType.STREET_LIST, ParameterType.PLACE)


@dataclass(frozen=True)
class Example:
    text: str  # stems joined by spaces
    category: Category
    answer_id: str = ""


@dataclass(frozen=True)
class Place:
    """A street or place named in the facts, and the fact (parameter) it belongs to."""

    name: str  # as written in the facts
    key: str  # folded, without "straße"/"str." and house numbers: "romer"
    parameter: str


@dataclass(frozen=True)
class TriageContext:
    """Built once per incident (and again when its playbook or facts change)."""

    playbook_id: str = ""
    examples: tuple[Example, ...] = ()
    answers: tuple[Answer, ...] = ()
    #: Textbaustein id → the category it answers, where the playbook says so
    answer_categories: Mapping[str, Category] = field(default_factory=dict)
    #: Textbaustein id → the facts (parameters) its texts use
    answer_facts: Mapping[str, frozenset[str]] = field(default_factory=dict)
    places: tuple[Place, ...] = ()

    @classmethod
    def of(cls, playbook: Playbook | None, facts: Mapping[str, Any] | None = None) -> TriageContext:
        if playbook is None:
            return cls()
        from kriseninfo.playbooks import templates

        categories = {a.id: a.category for a in playbook.answers if a.category is not None}
        examples = [
            Example(stemmed(question), categories[answer.id], answer.id)
            for answer in playbook.answers
            if answer.id in categories
            for question in answer.questions
        ]
        examples += [
            Example(stemmed(inject.text), inject.expect.category, inject.expect.answer or "")
            for inject in playbook.injects
        ]
        used: dict[str, frozenset[str]] = {}
        for answer in playbook.answers:
            names: set[str] = set()
            for text in answer.texts.values():
                try:
                    names |= templates.parse(str(text)).names
                except Exception:
                    continue
            used[answer.id] = frozenset(names)
        return cls(
            playbook.id,
            tuple(examples),
            tuple(playbook.answers),
            categories,
            used,
            tuple(_places(playbook, facts or {})),
        )


def stemmed(text: str) -> str:
    return " ".join(words(text).stems)


def place_key(name: str) -> str:
    folded = " ".join(fold(name).split())
    folded = _HOUSE_NUMBER.sub("", folded)
    return _STREET_ENDING.sub("", folded).strip(" -.,")


def _places(playbook: Playbook, facts: Mapping[str, Any]) -> list[Place]:
    found = []
    for parameter in playbook.parameters:
        if parameter.type not in _PLACE_TYPES:
            continue
        value = facts.get(parameter.id)
        if value is None or value == "":
            continue
        names = value if isinstance(value, list) else str(value).split(";")
        for name in names:
            name = str(name).split(",")[0].strip()  # "Gesamtschule Rheinkamp, Kopernikusstr."
            key = place_key(name)
            if len(key) >= 4:
                found.append(Place(name, key, parameter.id))
    return found
