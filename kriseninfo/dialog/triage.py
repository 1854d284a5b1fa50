"""A first guess at each item's category, so the desk sorts less by hand: emergencies
first (with the 112 advice ready), then press, rumours, complaints, questions, hints.

Words, not a model: a duty officer must be able to see why an item was put where it is,
and change it with one keystroke. An emergency guessed wrongly costs a look; one missed
costs a life, so the emergency words are generous.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from kriseninfo.playbooks.kinds import Category

#: The standard answer to anything that looks like an emergency.
EMERGENCY_ANSWER = {
    "de": "Bitte wählen Sie sofort den Notruf 112. Über soziale Medien können wir keine "
    "Hilfe schicken.",
    "en": "Please call the emergency number 112 immediately. We cannot send help through "
    "social media.",
}

_WORDS: list[tuple[Category, tuple[str, ...]]] = [
    (
        Category.NOTFALL,
        (
            r"eingeschlossen",
            r"brennt bei uns",
            r"brennt hier",
            r"bei uns brennt",
            r"verletzt",
            r"keine luft",
            r"bekomme? kaum luft",
            r"hilfe",
            r"notfall",
            r"bewusstlos",
            r"blutet",
            r"stecke? fest",
            r"komme? nicht raus",
            r"sos",
            r"trapped",
            r"injured",
            r"can'?t breathe",
            r"help",
        ),
    ),
    (
        Category.PRESSEANFRAGE,
        (
            r"presse",
            r"redaktion",
            r"zeitung",
            r"journalist\w*",
            r"interview",
            r"sender",
            r"reporter\w*",
            r"zitieren",
            r"stellungnahme",
        ),
    ),
    (
        Category.GERUECHT,
        (
            r"stimmt es",
            r"gerücht\w*",
            r"angeblich",
            r"fake",
            r"hab(?:e)? gehört",
            r"es heißt",
            r"man sagt",
            r"wirklich wahr",
            r"falschmeldung",
        ),
    ),
    (
        Category.BESCHWERDE,
        (
            r"beschwer\w*",
            r"unverschämt",
            r"skandal\w*",
            r"frechheit",
            r"zu spät",
            r"warum hat niemand",
            r"warum wurde(?:n)? wir nicht",
            r"unzumutbar",
        ),
    ),
    (
        Category.HINWEIS,
        (
            r"hinweis",
            r"ich sehe",
            r"habe gesehen",
            r"hab gesehen",
            r"beobachtet",
            r"zur info",
            r"fyi",
            r"achtung",
        ),
    ),
]
_PATTERNS = [
    (category, regex.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", regex.IGNORECASE))
    for category, words in _WORDS
]
_QUESTION_START = regex.compile(
    r"^\W*(?:wo|wann|was|wie|warum|wieso|weshalb|wer|welche\w*|muss|müssen|kann|können|"
    r"darf|dürfen|ist|sind|gibt|gilt|bleibt|soll|sollen|where|when|what|how|is|are|can)\b",
    regex.IGNORECASE,
)


@dataclass(frozen=True)
class Guess:
    category: Category
    why: str  # the words that decided it, shown beside the guess

    @property
    def emergency(self) -> bool:
        return self.category is Category.NOTFALL


def guess(text: str) -> Guess:
    for category, pattern in _PATTERNS:
        found = pattern.search(text)
        if found:
            return Guess(category, found.group(0))
    if "?" in text or _QUESTION_START.search(text):
        return Guess(Category.FRAGE, "?")
    return Guess(Category.SONSTIGES, "")
