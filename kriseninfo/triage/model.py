"""Small models learnt from the labelled questions in tests/data/triage/ and shipped as
weights (`model.json.gz`): logistic regression over word stems, pairs of stems and groups
of four and five letters; one for emergencies and one per other category. They back up
the rules: a message the rules miss but that reads like the emergencies people wrote is
flagged as well, and the other categories weigh the rules' points with what similar
questions were. Offline, about a millisecond, no download.

`python -m kriseninfo.triage.model tests/data/triage` learns them again (deterministic);
a test checks that the shipped weights are the ones the labelled data gives.
"""

from __future__ import annotations

import gzip
import json
import math
import random
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from kriseninfo.playbooks.kinds import Category
from kriseninfo.triage.normalize import Words, words

#: Above this score a message counts as an emergency (the log-odds of one): chosen so that
#: on questions the model had not seen no emergency was missed, at a few more false alarms.
THRESHOLD = -1.0
EPOCHS = 30
RATE = 0.2
L2 = 1e-4
SEED = 16
#: Weights smaller than this are left out of the shipped file (the emergency model keeps
#: more: a miss there costs most).
KEEP_FROM = {"notfall": 0.005}
KEEP_OTHERS = 0.03
#: How much a category model's log-odds count against the rules' points (chosen by
#: leave-one-set-out validation on the labelled sets).
CATEGORY_WEIGHT = 0.25
MODEL = "model.json.gz"


def features(read: Words) -> list[str]:
    """Word stems, pairs of stems and groups of 4 and 5 letters, sorted (training must not
    depend on the interpreter's hash seed)."""
    return sorted(message_features(read))


def message_features(read: Words) -> set[str]:
    found = {f"w:{stem}" for stem in read.stems if len(stem) > 2}
    found.update(f"b:{a}_{b}" for a, b in zip(read.stems, read.stems[1:], strict=False))
    text = f" {' '.join(read.tokens)} "
    for size in (4, 5):
        found.update(f"c:{text[i : i + size]}" for i in range(len(text) - size + 1))
    return found


class Model:
    def __init__(self, weights: dict[str, float], bias: float):
        self.weights = weights
        self.bias = bias

    def score(self, read: Words) -> float:
        return self.score_of(message_features(read))

    def score_of(self, found: Iterable[str]) -> float:
        """The log-odds for a message's features (`message_features`, found once for all
        models)."""
        get = self.weights.get
        return self.bias + sum(get(feature, 0.0) for feature in found)

    def as_json(self, keep: float) -> dict[str, object]:
        kept = {k: round(v, 4) for k, v in sorted(self.weights.items()) if abs(v) >= keep}
        return {"bias": round(self.bias, 4), "weights": kept}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Model:
        return cls({str(k): float(v) for k, v in data["weights"].items()}, float(data["bias"]))


@dataclass(frozen=True)
class Models:
    """The emergency model and one per other category (by the category's value)."""

    emergency: Model
    categories: dict[str, Model]

    def as_json(self) -> dict[str, object]:
        return {
            "threshold": THRESHOLD,
            "emergency": self.emergency.as_json(KEEP_FROM["notfall"]),
            "categories": {
                name: found.as_json(KEEP_OTHERS) for name, found in self.categories.items()
            },
        }


def train(examples: Iterable[tuple[str, bool]]) -> Model:
    """Logistic regression by stochastic gradient descent; emergencies weigh as much in
    all as the rest (they are a tenth of the questions)."""
    data = [(features(words(text)), 1.0 if emergency else 0.0) for text, emergency in examples]
    positives = sum(label for _, label in data) or 1.0
    balance = (len(data) - positives) / positives
    weights: dict[str, float] = {}
    bias = 0.0
    shuffle = random.Random(SEED).shuffle
    for _ in range(EPOCHS):
        shuffle(data)
        for found, label in data:
            z = bias + sum(weights.get(feature, 0.0) for feature in found)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            gradient = (p - label) * (balance if label else 1.0)
            step = RATE / math.sqrt(len(found) or 1)
            for feature in found:
                old = weights.get(feature, 0.0)
                weights[feature] = old - step * (gradient + L2 * old)
            bias -= RATE * gradient * 0.1
    return Model(weights, bias)


def train_all(examples: Sequence[tuple[str, Category]]) -> Models:
    emergency = train((text, category is Category.NOTFALL) for text, category in examples)
    others = {
        category.value: train((text, found is category) for text, found in examples)
        for category in Category
        if category is not Category.NOTFALL
    }
    return Models(emergency, others)


@cache
def shipped() -> Models | None:
    """The weights shipped with Kriseninfo (None if the file is missing: rules alone)."""
    try:
        raw = resources.files("kriseninfo.triage").joinpath(MODEL).read_bytes()
    except FileNotFoundError:
        return None
    data = json.loads(gzip.decompress(raw))
    return Models(
        Model.from_json(data["emergency"]),
        {name: Model.from_json(found) for name, found in data["categories"].items()},
    )


def labelled(folders: Sequence[Path]) -> list[tuple[str, Category]]:
    from kriseninfo.triage.evaluate import load

    items = [item for folder in folders for item in load(sorted(folder.glob("**/*.yaml")))]
    return [(item.text, item.category) for item in items]


def dumps(models: Models) -> bytes:
    """The shipped file: JSON, gzip-compressed with a fixed time stamp (reproducible)."""
    text = json.dumps(models.as_json(), ensure_ascii=False, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), mtime=0)


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python -m kriseninfo.triage.model LABELLED_DIR… [-o FILE]")
        return 2
    out = Path(__file__).with_name(MODEL)
    if "-o" in argv:
        at = argv.index("-o")
        out = Path(argv[at + 1])
        argv = argv[:at] + argv[at + 2 :]
    models = train_all(labelled([Path(a) for a in argv]))
    out.write_bytes(dumps(models))
    print(f"{out}: {out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
