"""Figures of the triage on a labelled set of messages (YAML files of `{playbook, items:
[{text, category, answers, private, language}]}`), the same function the desk uses:
emergency and rumour recall, false emergencies, category accuracy, the right
Textbaustein first and in the top three, and the time per message."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kriseninfo.messagesets.facts import examples
from kriseninfo.playbooks.kinds import Category
from kriseninfo.playbooks.schema import Playbook
from kriseninfo.triage.classify import Triage
from kriseninfo.triage.incident import TriageContext


@dataclass(frozen=True)
class Labelled:
    playbook: str
    text: str
    category: Category
    answers: tuple[str, ...] = ()
    private: bool = False
    language: str = "de"
    source: str = ""  # file the item came from


@dataclass(frozen=True)
class Miss:
    item: Labelled
    category: Category
    why: tuple[str, ...]
    answers: tuple[str, ...]


@dataclass
class Figures:
    items: int = 0
    emergencies: int = 0
    emergencies_found: int = 0
    false_emergencies: int = 0
    ordinary: int = 0  # items that are not emergencies
    rumours: int = 0
    rumours_found: int = 0
    correct: int = 0
    with_answer: int = 0
    answer_top1: int = 0
    answer_top3: int = 0
    seconds: float = 0.0
    misses: list[Miss] = field(default_factory=list)

    def as_dict(self) -> dict[str, float | int]:
        def ratio(part: int, whole: int) -> float:
            return round(part / whole, 4) if whole else 1.0

        return {
            "items": self.items,
            "triage_emergency_recall": ratio(self.emergencies_found, self.emergencies),
            "triage_false_emergency_rate": ratio(self.false_emergencies, self.ordinary)
            if self.ordinary
            else 0.0,
            "triage_rumour_recall": ratio(self.rumours_found, self.rumours),
            "triage_category_accuracy": ratio(self.correct, self.items),
            "answer_top1": ratio(self.answer_top1, self.with_answer),
            "answer_top3": ratio(self.answer_top3, self.with_answer),
            "ms_per_item": round(1000 * self.seconds / self.items, 3) if self.items else 0.0,
        }


def load(paths: Iterable[Path]) -> list[Labelled]:
    found = []
    for path in sorted(paths):
        data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in data["items"]:
            found.append(
                Labelled(
                    playbook=str(data["playbook"]),
                    text=str(entry["text"]),
                    category=Category(entry["category"]),
                    answers=tuple(entry.get("answers") or ()),
                    private=bool(entry.get("private", False)),
                    language=str(entry.get("language", "de")),
                    source=path.name,
                )
            )
    return found


def evaluate(items: Sequence[Labelled], find_playbook: Callable[[str], Playbook]) -> Figures:
    """Each item triaged with its playbook and the playbook's example facts."""
    triages: dict[str, Triage] = {}
    figures = Figures()
    for item in items:
        if item.playbook not in triages:
            playbook = find_playbook(item.playbook)
            triages[item.playbook] = Triage(TriageContext.of(playbook, examples(playbook)))
        triage = triages[item.playbook]
        started = time.perf_counter()
        verdict = triage.verdict(item.text)
        ranked = [r.answer.id for r in triage.answers(item.text, verdict)[:3]]
        figures.seconds += time.perf_counter() - started
        figures.items += 1
        emergency = item.category is Category.NOTFALL
        figures.emergencies += emergency
        figures.emergencies_found += emergency and verdict.emergency
        figures.ordinary += not emergency
        figures.false_emergencies += (not emergency) and verdict.emergency
        figures.rumours += item.category is Category.GERUECHT
        figures.rumours_found += (
            item.category is Category.GERUECHT and verdict.category is Category.GERUECHT
        )
        figures.correct += verdict.category is item.category
        top1 = top3 = True
        if item.answers:
            figures.with_answer += 1
            top1 = bool(ranked) and ranked[0] in item.answers
            top3 = any(found in item.answers for found in ranked)
            figures.answer_top1 += top1
            figures.answer_top3 += top3
        if verdict.category is not item.category or not top1:
            figures.misses.append(Miss(item, verdict.category, verdict.why, tuple(ranked)))
    return figures
