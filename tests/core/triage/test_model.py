"""The learnt models behind the rules: shipped weights that the labelled data gives,
messages the rules miss that they still flag as emergencies, with the reason."""

from __future__ import annotations

import gzip
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
    learnt = json.loads(gzip.decompress(model.dumps(model.train_all(model.labelled([DATA])))))
    path = Path(model.__file__).with_name(model.MODEL)
    shipped = json.loads(gzip.decompress(path.read_bytes()))
    assert shipped["threshold"] == model.THRESHOLD
    pairs = [(shipped["emergency"], learnt["emergency"])]
    assert shipped["categories"].keys() == learnt["categories"].keys()
    pairs += [
        (shipped["categories"][name], learnt["categories"][name]) for name in learnt["categories"]
    ]
    for mine, fresh in pairs:
        assert abs(mine["bias"] - fresh["bias"]) < 1e-3
        assert mine["weights"].keys() == fresh["weights"].keys()
        for name, value in mine["weights"].items():
            assert abs(value - fresh["weights"][name]) < 1e-3, name


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
        assert learnt.emergency.score(words(text)) < model.THRESHOLD, text


def test_the_category_models_weigh_the_rules_points() -> None:
    """A complaint without a complaint word, a hint without a hint word: similar questions
    decide, and the reason says so."""
    for text in (
        "Keine Sandsäcke mehr am Betriebshof, zwei Stunden umsonst gewartet. Wer plant sowas "
        "eigentlich?",
        "in der turnhalle gibts genau eine steckdose für 40 leute. echt schwach",
    ):
        assert Triage(learnt=False).verdict(text).category.value != "beschwerde"
        verdict = Triage().verdict(text)
        assert verdict.category.value == "beschwerde", verdict
        assert verdict.why[0] == "wie ähnliche Anfragen"


def test_features_do_not_depend_on_the_hash_seed() -> None:
    read = words("Opa liegt im Flur")
    assert model.features(read) == sorted(model.features(read))
    assert "w:opa" in model.features(read) and "c: opa" in model.features(read)
