"""A small model of emergencies, learnt from the labelled questions in tests/data/triage/
and shipped as weights (`model.json`): logistic regression over word stems, pairs of
stems and groups of four and five letters. It backs up the rules: a message the rules
miss but that reads like the emergencies people wrote is flagged as well. Offline, well
under a millisecond, no download.

`python -m kriseninfo.triage.model tests/data/triage` learns it again (deterministic);
a test checks that the shipped weights are the ones the labelled data gives.
"""

from __future__ import annotations

import json
import math
import random
import sys
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from pathlib import Path

from kriseninfo.triage.normalize import Words, words

#: Above this score a message counts as an emergency (the log-odds of one): chosen so that
#: on questions the model had not seen no emergency was missed, at a few more false alarms.
THRESHOLD = -1.0
EPOCHS = 30
RATE = 0.2
L2 = 1e-4
SEED = 16
#: Weights smaller than this are left out of the shipped file.
KEEP_FROM = 0.005
MODEL = "model.json"


def features(read: Words) -> list[str]:
    """Word stems, pairs of stems and groups of 4 and 5 letters, sorted (the order of a
    sum must not depend on the interpreter's hash seed)."""
    found = {f"w:{stem}" for stem in read.stems if len(stem) > 2}
    found.update(f"b:{a}_{b}" for a, b in zip(read.stems, read.stems[1:], strict=False))
    text = f" {' '.join(read.tokens)} "
    for size in (4, 5):
        found.update(f"c:{text[i : i + size]}" for i in range(len(text) - size + 1))
    return sorted(found)


class Model:
    def __init__(self, weights: dict[str, float], bias: float):
        self.weights = weights
        self.bias = bias

    def score(self, read: Words) -> float:
        get = self.weights.get
        return self.bias + sum(get(feature, 0.0) for feature in features(read))

    def as_json(self) -> dict[str, object]:
        kept = {k: round(v, 4) for k, v in sorted(self.weights.items()) if abs(v) >= KEEP_FROM}
        return {"bias": round(self.bias, 4), "threshold": THRESHOLD, "weights": kept}


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


@cache
def shipped() -> Model | None:
    """The weights shipped with Kriseninfo (None if the file is missing: rules alone)."""
    try:
        text = resources.files("kriseninfo.triage").joinpath(MODEL).read_text("utf-8")
    except FileNotFoundError:
        return None
    data = json.loads(text)
    return Model({str(k): float(v) for k, v in data["weights"].items()}, float(data["bias"]))


def labelled(folders: Sequence[Path]) -> list[tuple[str, bool]]:
    from kriseninfo.triage.evaluate import load

    items = [item for folder in folders for item in load(sorted(folder.glob("**/*.yaml")))]
    return [(item.text, item.category.value == "notfall") for item in items]


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python -m kriseninfo.triage.model LABELLED_DIR… [-o FILE]")
        return 2
    out = Path(__file__).with_name(MODEL)
    if "-o" in argv:
        at = argv.index("-o")
        out = Path(argv[at + 1])
        argv = argv[:at] + argv[at + 2 :]
    model = train(labelled([Path(a) for a in argv]))
    shown = model.as_json()
    out.write_text(json.dumps(shown, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{out}: {len(shown['weights'])} weights")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
