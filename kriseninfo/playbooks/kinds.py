"""The closed sets of the playbook format (languages, channel kinds, categories, CAP
values), free of the schema machinery so the window can name them cheaply."""

from __future__ import annotations

import enum


class Language(enum.StrEnum):
    """Languages of texts; de, Leichte Sprache and en are required in bundled playbooks."""

    DE = "de"
    LEICHTE_SPRACHE = "de-x-ls"
    EN = "en"
    TR = "tr"
    AR = "ar"
    UK = "uk"
    RU = "ru"


REQUIRED_LANGUAGES = (Language.DE, Language.LEICHTE_SPRACHE, Language.EN)
#: Texts checked for plain German (sentence length, Beamtendeutsch).
GERMAN = (Language.DE, Language.LEICHTE_SPRACHE)


class ChannelKind(enum.StrEnum):
    """Kinds of message a template is written for; each has its own length rules."""

    SOCIAL_SHORT = "social_short"
    WEB_LONG = "web_long"
    EMAIL = "email"
    SMS = "sms"
    ALERT = "alert"


class ParameterType(enum.StrEnum):
    TEXT = "text"
    PLACE = "place"
    STREET_LIST = "street_list"
    TIME = "time"
    DURATION = "duration"
    RADIUS = "radius_m"
    PHONE = "phone"
    URL = "url"
    NUMBER = "number"


class InjectChannel(enum.StrEnum):
    """Where a drill inject seems to come from."""

    MASTODON = "mastodon"
    BLUESKY = "bluesky"
    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    X = "x"
    TELEGRAM = "telegram"
    WHATSAPP = "whatsapp"
    EMAIL = "email"
    HOTLINE = "hotline"
    WEBSITE = "website"
    PRESS = "press"


class Category(enum.StrEnum):
    """Triage categories of citizens' messages."""

    FRAGE = "frage"
    HINWEIS = "hinweis"
    GERUECHT = "geruecht"
    BESCHWERDE = "beschwerde"
    PRESSEANFRAGE = "presseanfrage"
    NOTFALL = "notfall"
    SONSTIGES = "sonstiges"


class CapCategory(enum.StrEnum):
    GEO = "Geo"
    MET = "Met"
    SAFETY = "Safety"
    SECURITY = "Security"
    RESCUE = "Rescue"
    FIRE = "Fire"
    HEALTH = "Health"
    ENV = "Env"
    TRANSPORT = "Transport"
    INFRA = "Infra"
    CBRNE = "CBRNE"
    OTHER = "Other"


class CapUrgency(enum.StrEnum):
    IMMEDIATE = "Immediate"
    EXPECTED = "Expected"
    FUTURE = "Future"
    PAST = "Past"
    UNKNOWN = "Unknown"


class CapSeverity(enum.StrEnum):
    EXTREME = "Extreme"
    SEVERE = "Severe"
    MODERATE = "Moderate"
    MINOR = "Minor"
    UNKNOWN = "Unknown"


class CapCertainty(enum.StrEnum):
    OBSERVED = "Observed"
    LIKELY = "Likely"
    POSSIBLE = "Possible"
    UNLIKELY = "Unlikely"
    UNKNOWN = "Unknown"


class CapResponseType(enum.StrEnum):
    SHELTER = "Shelter"
    EVACUATE = "Evacuate"
    PREPARE = "Prepare"
    EXECUTE = "Execute"
    AVOID = "Avoid"
    MONITOR = "Monitor"
    ASSESS = "Assess"
    ALL_CLEAR = "AllClear"
    NONE = "None"
