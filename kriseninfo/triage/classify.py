"""The first guess for a message: its category, whether it is an emergency, and why.

Each group of cues (`cues.yaml`) that matches adds its weight to its category; the
incident's playbook adds its labelled examples (the 112 Textbaustein's questions, the
injects with their expected category) when a message resembles one closely. An
emergency needs 3 points and wins over everything: a guess wrongly made costs a look,
one missed costs a life. Otherwise the most points win, ties in the order of `ORDER`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from sqlalchemy.orm import Session

from kriseninfo.playbooks.kinds import Category
from kriseninfo.triage import model
from kriseninfo.triage.cues import Lexicon, builtin
from kriseninfo.triage.emergency import EMERGENCY_ANSWER
from kriseninfo.triage.incident import TriageContext
from kriseninfo.triage.normalize import STOPWORDS, Words, words
from kriseninfo.triage.rank import Ranked, Ranker, names_place

#: Points that make an emergency.
EMERGENCY_AT = 3
#: A message of this shape (a chain message, a newsroom's enquiry, an advertisement) needs
#: 2 more points to be an emergency. Hearsay alone is no such shape: "angeblich" and "sie
#: sagt" stand in real calls for help too.
_SHAPES = frozenset({"Kettenbrief", "Redaktion", "Werbung"})
#: The groups of thanks: with a question they are a question, with a complaint sarcasm.
_THANKS = "Dank oder Lob"
#: Words that make a word a street: a statement naming one is likely a hint ("An der
#: Repelener Straße parken Schaulustige die Zufahrt zu").
_STREETS = ("strasse", "str", "weg", "platz", "allee", "gasse", "damm", "ufer")
#: What the desk must do first, for a tie.
ORDER = (
    Category.NOTFALL,
    Category.GERUECHT,
    Category.PRESSEANFRAGE,
    Category.BESCHWERDE,
    Category.HINWEIS,
    Category.FRAGE,
    Category.SONSTIGES,
)
#: How closely a message must resemble a playbook example (0-100) to count, and for how
#: many points: close, and very close.
EXAMPLE_CLOSE, EXAMPLE_VERY_CLOSE = 72.0, 86.0


@dataclass(frozen=True)
class Verdict:
    category: Category
    emergency: bool
    why: tuple[str, ...]  # readable reasons, strongest first: ("Atemnot", "Kind")
    scores: dict[Category, int] = field(default_factory=dict, compare=False)

    @property
    def reason(self) -> str:
        """One line for the list: the three strongest reasons, "Atemnot · Kind"."""
        return " · ".join(self.why[:3])


class Triage:
    """The triage of one incident: its playbook and facts, over the shipped lexicon."""

    @property
    def playbook_id(self) -> str:
        return self.context.playbook_id

    def __init__(
        self,
        context: TriageContext | None = None,
        lexicon: Lexicon | None = None,
        *,
        learnt: bool = True,
    ):
        self.context = context or TriageContext()
        self._lexicon = lexicon or builtin()
        self._examples = [
            (example, set(example.text.split()) - STOPWORDS) for example in self.context.examples
        ]
        self._ranker = Ranker(self.context)
        self._model = model.shipped() if learnt else None

    def answers(self, text: str, verdict: Verdict | None = None) -> list[Ranked]:
        """Textbausteine for the message, best first; for an emergency the playbook's
        own emergency Textbausteine (category notfall) lead."""
        verdict = verdict or self.verdict(text)
        ranked = self._ranker.rank(text, verdict.category)
        if verdict.emergency:
            urgent = {
                answer.id: answer
                for answer in self.context.answers
                if self.context.answer_categories.get(answer.id) is Category.NOTFALL
            }
            first = [r for r in ranked if r.answer.id in urgent]
            first += [
                Ranked(a, 100.0, ())
                for i, a in urgent.items()
                if i not in {r.answer.id for r in first}
            ]
            ranked = first + [r for r in ranked if r.answer.id not in urgent]
        return ranked

    def verdict(self, text: str) -> Verdict:
        read = words(text)
        scores = dict.fromkeys(ORDER, 0)
        reasons: dict[Category, list[tuple[int, str]]] = {category: [] for category in ORDER}
        thanked = False
        strongest = 0  # the heaviest emergency sign: weak ones alone make none
        raise_by = 0  # a chain message or a newsroom needs more to be an emergency
        for group, _cue in self._lexicon.matches(read):
            scores[group.category] += group.weight
            if group.weight > 0:
                reasons[group.category].append((group.weight, group.why))
            thanked = thanked or group.why == _THANKS
            if group.category is Category.NOTFALL:
                strongest = max(strongest, group.weight)
            elif group.why in _SHAPES:
                raise_by = 2
        if thanked and scores[Category.BESCHWERDE] >= 2:
            scores[Category.SONSTIGES] -= 3  # "Danke Stadt Moers!!!" after a complaint
        asked = "?" in text
        if asked:
            if not any(why == "Frage" for _, why in reasons[Category.FRAGE]):
                scores[Category.FRAGE] += 2
                reasons[Category.FRAGE].append((2, "Frage"))
            if thanked:
                scores[Category.SONSTIGES] -= 2  # thanks with a question are a question
        elif self._names_street(read):
            scores[Category.HINWEIS] += 1
            reasons[Category.HINWEIS].append((1, "Ort genannt"))
        if read.shouting and strongest >= 2:
            scores[Category.NOTFALL] += 1
            reasons[Category.NOTFALL].append((1, "Ausrufe"))
        example = self._closest(read)
        if example is not None:
            similarity, category = example
            points = 3 if similarity >= EXAMPLE_VERY_CLOSE else 2
            scores[category] += points
            reasons[category].append((points, "wie im Playbook"))
            if category is Category.NOTFALL:
                strongest = max(strongest, points)
        emergency = scores[Category.NOTFALL]
        ruled = emergency >= EMERGENCY_AT + raise_by and (strongest >= 2 or emergency >= 4)
        learnt_models = self._model
        found = model.message_features(read) if learnt_models is not None else set()
        if not ruled and learnt_models is not None:
            # the rules missed it; the words still read like the emergencies people wrote
            learnt = learnt_models.emergency.score_of(found)
            if learnt > model.THRESHOLD + raise_by:
                ruled = True
                reasons[Category.NOTFALL].insert(0, (9, "wie bekannte Notfälle"))
        if ruled:
            chosen = Category.NOTFALL
        else:
            rest = [c for c in ORDER if c is not Category.NOTFALL]
            if asked:  # with a question mark, a question wins a tie with a hint
                rest.remove(Category.FRAGE)
                rest.insert(rest.index(Category.HINWEIS), Category.FRAGE)
            best = max(scores[c] for c in rest)
            chosen = next(c for c in rest if scores[c] == best) if best > 0 else Category.SONSTIGES
            if learnt_models is not None:  # the rules' points, weighed with similar questions
                others = learnt_models.categories
                weighed = {
                    c: scores[c] + model.CATEGORY_WEIGHT * others[c.value].score_of(found)
                    for c in rest
                    if c.value in others
                }
                learnt_choice = max(weighed, key=lambda c: (weighed[c], -rest.index(c)))
                if learnt_choice is not chosen:
                    chosen = learnt_choice
                    reasons[chosen].insert(0, (9, "wie ähnliche Anfragen"))
        why = tuple(why for _, why in sorted(reasons[chosen], key=lambda r: -r[0]))
        return Verdict(chosen, chosen is Category.NOTFALL, why, scores)

    def _names_street(self, read: Words) -> bool:
        return any(len(token) > 6 and token.endswith(_STREETS) for token in read.tokens) or any(
            names_place(read, place) for place in self.context.places
        )

    def _closest(self, read: Words) -> tuple[float, Category] | None:
        if not self._examples:
            return None
        mine = set(read.stems) - STOPWORDS
        if len(mine) < 2:
            return None
        text = " ".join(sorted(mine))
        best: tuple[float, Category] | None = None
        for example, stems in self._examples:
            if len(mine & stems) < 2:
                continue
            similarity = fuzz.token_sort_ratio(text, " ".join(sorted(stems)))
            if similarity >= EXAMPLE_CLOSE and (best is None or similarity > best[0]):
                best = (similarity, example.category)
        return best


#: The triage of an incident, read in the caller's session (its playbook and facts).
TriageFor = Callable[[Session, int], Triage]


def lexicon_only(_session: Session, _incident_id: int) -> Triage:
    """A triage without the playbook (where no playbook library is at hand)."""
    return _LEXICON_ONLY


_LEXICON_ONLY = Triage()
__all__ = ["EMERGENCY_ANSWER", "Triage", "TriageFor", "Verdict", "lexicon_only"]
