"""Cues: words and phrases matched against a message's folded words, forgiving case,
umlauts, inflection (a cue word matches the start of a word), compounds ("*rauch"),
typos in longer words and words run together. The built-in lexicon is `cues.yaml`."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cache
from importlib import resources
from typing import Any

import yaml
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from kriseninfo.playbooks.kinds import Category
from kriseninfo.triage.normalize import WORD, Words, fold

#: Cue words at least this long forgive one typo (a letter wrong, missing or added) in a
#: word that starts with the same two letters; shorter ones differ from everyday words by
#: one letter too often ("Leitung", "Zeitung").
FUZZY_FROM = 8
#: Only the strongest signs (an emergency on its own) are worth that risk.
FUZZY_WEIGHT = 3
#: Other words a phrase allows between its words, in all: two-word phrases are short and
#: common ("sagt mein" is not "sagt man mir, meine"), longer ones rarer.
PHRASE_GAP = 2
PAIR_GAP = 1
#: Words run together are only looked for when they are this long together ("oton" is
#: inside "biotonne").
JOINED_FROM = 8
#: Words allowed between the two halves of a loose phrase ("stecke … fest").
LOOSE_GAP = 10


class Mode(Enum):
    PREFIX = "prefix"  # "kind": Kinder, Kindes
    INFIX = "infix"  # "*rauch": Brandrauch
    EXACT = "exact"  # "=sos": only the word
    NUMBER = "number"  # "#": any number


@dataclass(frozen=True, slots=True)
class Part:
    text: str
    mode: Mode


@dataclass(frozen=True, slots=True)
class Cue:
    source: str  # as written in the lexicon
    parts: tuple[Part, ...]
    #: the words run together ("kommenichtraus"), for a phrase of plain words
    joined: str
    #: other words allowed between its words, in all
    gap: int = 0


@dataclass(frozen=True)
class Group:
    category: Category
    why: str
    weight: int
    cues: tuple[Cue, ...]


def parse_cue(source: str) -> Cue:
    parts = []
    loose = "…" in source  # "stecke … fest": the words anywhere near each other
    for word in fold(source.replace("…", " ")).split():
        if word == "#":
            parts.append(Part("#", Mode.NUMBER))
            continue
        mode = {"*": Mode.INFIX, "=": Mode.EXACT}.get(word[0], Mode.PREFIX)
        # "can't", "co-melder": the pieces a message's words are split into as well
        parts += [Part(piece, mode) for piece in WORD.findall(word)]
    plain = len(parts) > 1 and all(part.mode in (Mode.PREFIX, Mode.EXACT) for part in parts)
    joined = "".join(part.text for part in parts) if plain and not loose else ""
    joined = joined if len(joined) >= JOINED_FROM else ""
    gap = LOOSE_GAP if loose else PAIR_GAP if len(parts) == 2 else PHRASE_GAP
    return Cue(source, tuple(p for p in parts if p.text), joined, gap)


class Lexicon:
    """Groups of cues and a matcher over all of their words, built once. Cue words are
    numbered; a message's words are matched to numbers once each (remembered), and only
    the cues whose first word occurs are tried."""

    def __init__(self, groups: Sequence[Group]):
        self.groups = tuple(groups)
        ids: dict[Part, int] = {}
        for group in groups:
            for cue in group.cues:
                for part in cue.parts:
                    ids.setdefault(part, len(ids))
        strong = {
            ids[part]
            for group in groups
            if group.weight >= FUZZY_WEIGHT
            for cue in group.cues
            for part in cue.parts
        }
        self._exact: dict[str, list[int]] = defaultdict(list)
        self._prefix: dict[str, list[int]] = defaultdict(list)
        self._infix: list[tuple[str, int]] = []
        self._number: list[int] = []
        self._fuzzy: dict[tuple[Mode, int], list[tuple[str, int]]] = defaultdict(list)
        for part, number in ids.items():
            if part.mode is Mode.NUMBER:
                self._number.append(number)
                continue
            if part.mode is Mode.INFIX:
                self._infix.append((part.text, number))
                continue
            (self._exact if part.mode is Mode.EXACT else self._prefix)[part.text].append(number)
            if len(part.text) >= FUZZY_FROM and part.text.isalpha() and number in strong:
                self._fuzzy[(part.mode, len(part.text))].append((part.text, number))
        self._fuzzy_texts = {key: [t for t, _ in found] for key, found in self._fuzzy.items()}
        self._longest_prefix = max((len(text) for text in self._prefix), default=0)
        self._memo: dict[str, frozenset[int]] = {}
        #: (group index, cue, its words as numbers) by the number of the cue's first word
        self._by_first: dict[int, list[tuple[int, Cue, tuple[int, ...]]]] = defaultdict(list)
        #: cues to find in the words run together, by their first four letters
        self._by_joined: dict[str, list[tuple[int, Cue]]] = defaultdict(list)
        for index, group in enumerate(self.groups):
            for cue in group.cues:
                numbers = tuple(ids[part] for part in cue.parts)
                if numbers:
                    self._by_first[numbers[0]].append((index, cue, numbers))
                if cue.joined:
                    self._by_joined[cue.joined[:4]].append((index, cue))

    def parts_of(self, token: str) -> frozenset[int]:
        """Every cue word that this word of a message matches (remembered per word)."""
        found = self._memo.get(token)
        if found is None:
            found = frozenset(self._match(token))
            if len(self._memo) > 200_000:
                self._memo.clear()
            self._memo[token] = found
        return found

    def _match(self, token: str) -> Iterable[int]:
        if token.isdigit():
            yield from self._number
        yield from self._exact.get(token, ())
        for end in range(1, min(len(token), self._longest_prefix) + 1):
            yield from self._prefix.get(token[:end], ())
        for text, number in self._infix:
            if text in token:
                yield number
        if len(token) < FUZZY_FROM - 1 or not token.isalpha():
            return
        for (mode, length), texts in self._fuzzy_texts.items():
            if abs(len(token) - length) > 1 and (mode is Mode.EXACT or len(token) < length):
                continue
            # the whole word, or (for a prefix cue) its start as long as the cue
            candidates = {token} if mode is Mode.EXACT else {token, token[:length]}
            for candidate in candidates:
                for _text, _distance, index in process.extract(
                    candidate, texts, scorer=Levenshtein.distance, score_cutoff=1, limit=None
                ):
                    text, number = self._fuzzy[(mode, length)][index]
                    if text[:2] == token[:2]:
                        yield number

    def matches(self, words: Words) -> list[tuple[Group, Cue]]:
        """The groups that match, each with the first of its cues that did."""
        positions: dict[int, list[int]] = defaultdict(list)
        for index, token in enumerate(words.tokens):
            for number in self.parts_of(token):
                positions[number].append(index)
        first: dict[int, Cue] = {}
        for number in positions:
            for group, cue, numbers in self._by_first.get(number, ()):
                if group not in first and _in_order(numbers, positions, cue.gap):
                    first[group] = cue
        joined = words.joined
        for start in range(len(joined) - 3):
            for group, cue in self._by_joined.get(joined[start : start + 4], ()):
                if group not in first and joined.startswith(cue.joined, start):
                    first[group] = cue
        return [(self.groups[index], first[index]) for index in sorted(first)]


def _in_order(parts: Sequence[int], positions: Mapping[int, list[int]], allowed: int) -> bool:
    if any(part not in positions for part in parts):
        return False
    if len(parts) == 1:
        return True
    for start in positions[parts[0]]:
        at, skipped = start, 0
        for part in parts[1:]:
            following = [p for p in positions[part] if at < p <= at + allowed - skipped + 1]
            if not following:
                break
            skipped += following[0] - at - 1
            at = following[0]
        else:
            return True
    return False


def load_groups(data: Mapping[str, Any]) -> list[Group]:
    """Groups from the lexicon's mapping {category: [{why, weight, cues}, …]}."""
    groups = []
    for name, entries in data.items():
        category = Category(name)
        for entry in entries:
            cues = tuple(dict.fromkeys(str(cue) for cue in entry["cues"]))
            groups.append(
                Group(
                    category, str(entry["why"]), int(entry["weight"]), tuple(map(parse_cue, cues))
                )
            )
    return groups


@cache
def builtin() -> Lexicon:
    """The lexicon shipped with Kriseninfo (`cues.yaml` beside this module)."""
    text = resources.files("kriseninfo.triage").joinpath("cues.yaml").read_text("utf-8")
    return Lexicon(load_groups(yaml.safe_load(text)))
