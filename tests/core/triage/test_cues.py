"""Cues: prefixes, compounds, whole words, phrases, typos in the strong signs, words run
together; and the shipped lexicon as data."""

from __future__ import annotations

from kriseninfo.playbooks.kinds import Category
from kriseninfo.triage.cues import Group, Lexicon, builtin, parse_cue
from kriseninfo.triage.normalize import words


def lexicon(*cues: str, weight: int = 3) -> Lexicon:
    return Lexicon([Group(Category.NOTFALL, "Test", weight, tuple(map(parse_cue, cues)))])


def matched(lexicon: Lexicon, text: str) -> list[str]:
    return [cue.source for _group, cue in lexicon.matches(words(text))]


def test_a_cue_word_matches_the_start_of_a_word() -> None:
    found = lexicon("kind")
    assert matched(found, "Meine Kinder sind draußen") == ["kind"]
    assert matched(found, "Das Rind steht im Stall") == []


def test_a_star_matches_inside_a_compound_and_equals_the_whole_word() -> None:
    assert matched(lexicon("*rauch"), "Überall Brandrauch") == ["*rauch"]
    assert matched(lexicon("=sos"), "SOS!!") == ["=sos"]
    assert matched(lexicon("=sos"), "Soße") == []


def test_a_phrase_keeps_its_order_and_allows_few_words_between() -> None:
    found = lexicon("komme nicht raus")
    assert matched(found, "ich komme hier nicht mehr raus") == ["komme nicht raus"]
    assert matched(found, "raus komme ich nicht") == []
    pair = lexicon("sagt mein")
    assert matched(pair, "Am Telefon sagt man mir, meine Straße gehört dazu") == []
    assert matched(pair, "sagt mein Schwager") == ["sagt mein"]


def test_words_run_together_still_match_a_phrase() -> None:
    assert matched(lexicon("kommen nicht raus"), "wirkommennichtraus!!") == ["kommen nicht raus"]
    # too short together to look for: "o ton" is inside "Biotonne"
    assert matched(lexicon("=o =ton"), "die biotonne wird geleert") == []


def test_a_typo_in_a_long_strong_word_is_forgiven_but_not_in_a_weak_or_short_one() -> None:
    assert matched(lexicon("eingeschlossen"), "wir sind eingeschlosen") == ["eingeschlossen"]
    assert matched(lexicon("bewusstlos"), "er ist bewustlos") == ["bewusstlos"]
    assert matched(lexicon("zeitung"), "die Leitung hängt runter") == []
    assert matched(lexicon("verbrannt", weight=2), "was da verbrennt") == []


def test_the_shipped_lexicon_covers_every_category_and_no_cue_is_empty() -> None:
    groups = builtin().groups
    assert {group.category for group in groups} == set(Category)
    for group in groups:
        assert group.cues and group.why, group
        for cue in group.cues:
            assert cue.parts, f"{group.why}: {cue.source!r} matches nothing"
    emergency = [g for g in groups if g.category is Category.NOTFALL and g.weight >= 3]
    assert len(emergency) >= 8  # strong signs: each alone an emergency


def test_no_cue_is_cut_by_a_yaml_comment() -> None:
    """`- über # verletzte` is the cue "über": a "#" in a cue needs quotes."""
    from importlib import resources

    text = resources.files("kriseninfo.triage").joinpath("cues.yaml").read_text("utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("- ") and not stripped.startswith(('- "', "- '")):
            assert " #" not in stripped and not stripped.startswith("- #"), (number, line)
