"""German names the review prints (the core's own words; the window has its translations)."""

from __future__ import annotations

from kriseninfo.messagesets.completeness import Element
from kriseninfo.messagesets.kinds import SetPurpose
from kriseninfo.playbooks.kinds import Category

CATEGORY: dict[Category, str] = {
    Category.FRAGE: "Frage",
    Category.HINWEIS: "Hinweis",
    Category.GERUECHT: "Gerücht",
    Category.BESCHWERDE: "Beschwerde",
    Category.PRESSEANFRAGE: "Presseanfrage",
    Category.NOTFALL: "Notfall",
    Category.SONSTIGES: "Sonstiges",
}

PURPOSE: dict[str, str] = {
    SetPurpose.ERSTMELDUNG.value: "Erstmeldung",
    SetPurpose.UPDATE.value: "Update",
    SetPurpose.KORREKTUR.value: "Korrektur",
    SetPurpose.ENTWARNUNG.value: "Entwarnung",
    SetPurpose.FAQ.value: "Häufige Fragen",
    SetPurpose.RICHTIGSTELLUNG.value: "Richtigstellung",
    SetPurpose.ANTWORT.value: "Antwort an Bürger",
}

CHANNEL: dict[str, str] = {
    "x": "X",
    "mastodon": "Mastodon",
    "bluesky": "Bluesky",
    "sms": "SMS",
    "telegram": "Telegram",
    "instagram": "Instagram",
    "facebook": "Facebook",
    "linkedin": "LinkedIn",
    "threads": "Threads",
    "email": "E-Mail",
    "website": "Website",
    "matrix": "Matrix",
    "manual": "von Hand",
}

ELEMENT: dict[Element, str] = {
    Element.WHAT: "Was",
    Element.WHAT_TO_DO: "Was tun",
    Element.WHERE_MORE: "Wo mehr",
    Element.NEXT_UPDATE: "Nächste Meldung",
}
