"""The learnt model behind the rules: shipped weights that the labelled data gives, and
messages the rules miss that it still flags as emergencies, with its reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kriseninfo.triage import model
from kriseninfo.triage.classify import Triage
from kriseninfo.triage.normalize import words

DATA = Path(__file__).parents[2] / "data" / "triage"


@pytest.mark.slow
def test_the_shipped_weights_are_what_the_labelled_questions_teach() -> None:
    """Run `python -m kriseninfo.triage.model tests/data/triage` after changing them."""
    learnt = model.train(model.labelled([DATA])).as_json()
    shipped = json.loads(Path(model.__file__).with_name(model.MODEL).read_text("utf-8"))
    assert shipped["threshold"] == model.THRESHOLD
    assert abs(shipped["bias"] - learnt["bias"]) < 1e-3  # type: ignore[operator]
    assert shipped["weights"].keys() == learnt["weights"].keys()  # type: ignore[union-attr]
    for name, value in shipped["weights"].items():
        assert abs(value - learnt["weights"][name]) < 1e-3, name  # type: ignore[index]


@pytest.mark.parametrize(
    "text",
    [
        "die kleine ist ganz heiß und schlapp, trinkt nix mehr, arzt hat zu",
        "Meine Frau ist vom Stuhl gerutscht und redet nur noch Unsinn",
        "mein nachbar ist seit gestern nicht aus seiner wohnung gekommen und das licht brennt",
    ],
)
def test_what_the_rules_miss_the_model_flags_and_says_so(text: str) -> None:
    assert not Triage(learnt=False).verdict(text).emergency
    verdict = Triage().verdict(text)
    assert verdict.emergency and verdict.why[0] == "wie bekannte Notfälle"


def test_ordinary_questions_stay_below_the_threshold() -> None:
    learnt = model.shipped()
    assert learnt is not None
    for text in ("Wann fährt der Bus wieder?", "Danke an alle Helfer!", "Ist der Rauch giftig?"):
        assert learnt.score(words(text)) < model.THRESHOLD, text


def test_features_do_not_depend_on_the_hash_seed() -> None:
    read = words("Opa liegt im Flur")
    assert model.features(read) == sorted(model.features(read))
    assert "w:opa" in model.features(read) and "c: opa" in model.features(read)
