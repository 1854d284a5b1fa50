"""Is a first warning complete? What happened, what to do, where to find more, when the
next update comes: the four elements every Erstmeldung needs (DOMAIN.md, the phase
checklists). A missing element is a visible warning, never a block: in the first minutes
an incomplete warning that goes out beats a complete one that does not.

The check reads the text itself, in the languages it knows cues for; other languages are
checked only for the language-independent parts (a link or phone number, a time).
"""

from __future__ import annotations

import enum
import re


class Element(enum.StrEnum):
    WHAT = "what"
    WHAT_TO_DO = "what_to_do"
    WHERE_MORE = "where_more"
    NEXT_UPDATE = "next_update"


URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
PHONE = re.compile(r"(?:\+|\b0)\d[\d /-]{4,}\d")
TIME = re.compile(r"\b(?:[01]?\d|2[0-3])[:.][0-5]\d\b")

#: Cues per language; a text needs one cue of an element (case-insensitive).
CUES: dict[str, dict[Element, tuple[str, ...]]] = {
    "de": {
        Element.WHAT: (
            "bombe",
            "blindgänger",
            "kampfmittel",
            "brand",
            "feuer",
            "rauch",
            "unwetter",
            "sturm",
            "gewitter",
            "hochwasser",
            "überflutung",
            "stromausfall",
            "gefahr",
            "evakuierung",
            "entschärfung",
            "sperrung",
            "unfall",
        ),
        Element.WHAT_TO_DO: (
            "bitte",
            "verlassen",
            "meiden",
            "schließen",
            "geschlossen halten",
            "abstand",
            "fernhalten",
            "halten sie",
            "bleiben sie",
            "folgen sie",
            "nutzen sie",
            "wählen sie",
            "fenster",
            "müssen",
        ),
        Element.WHERE_MORE: ("www.", "informationen unter", "bürgertelefon"),
        Element.NEXT_UPDATE: (
            "nächste information",
            "nächste meldung",
            "nächstes update",
            "informieren weiter",
            "update folgt",
            "weitere informationen folgen",
            "wir melden uns",
            "update",
            "details folgen",
        ),
    },
    "de-x-ls": {
        Element.WHAT: ("bombe", "feuer", "brand", "sturm", "wasser", "strom", "gefahr"),
        Element.WHAT_TO_DO: ("bitte", "gehen sie", "bleiben sie", "machen sie", "sie müssen"),
        Element.WHERE_MORE: ("www.", "telefon", "anrufen"),
        Element.NEXT_UPDATE: (
            "sagen wir ihnen",
            "wir sagen ihnen",
            "neue nachricht",
            "nächste nachricht",
            "später mehr",
        ),
    },
    "en": {
        Element.WHAT: (
            "bomb",
            "fire",
            "smoke",
            "storm",
            "flood",
            "power cut",
            "power outage",
            "danger",
            "evacuation",
            "closure",
        ),
        Element.WHAT_TO_DO: ("please", "leave", "avoid", "close", "stay", "follow", "call"),
        Element.WHERE_MORE: ("www.", "information at", "hotline"),
        Element.NEXT_UPDATE: (
            "next update",
            "further information will follow",
            "again at",
            "details to follow",
        ),
    },
}


def missing_elements(text: str, language: str) -> list[Element]:
    """The elements `text` lacks, in the order above."""
    lowered = text.casefold()
    cues = CUES.get(language)
    found: set[Element] = set()
    if URL.search(text) or PHONE.search(text):
        found.add(Element.WHERE_MORE)
    if cues is None:
        # No cues for this language: only what can be seen without reading it.
        found.update({Element.WHAT, Element.WHAT_TO_DO})
        if TIME.search(text):
            found.add(Element.NEXT_UPDATE)
    else:
        for element, words in cues.items():
            if any(word in lowered for word in words):
                found.add(element)
    return [element for element in Element if element not in found]
