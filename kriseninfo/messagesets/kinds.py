"""The closed sets of message sets: why a set is sent, where a draft stands, how it was
released. Free of storage code so the window can name them cheaply."""

from __future__ import annotations

import enum


class SetPurpose(enum.StrEnum):
    """Why a message set is sent; follow-ups link to the set they follow."""

    ERSTMELDUNG = "erstmeldung"
    UPDATE = "update"
    KORREKTUR = "korrektur"
    ENTWARNUNG = "entwarnung"
    FAQ = "faq"
    RICHTIGSTELLUNG = "richtigstellung"  # a rumour corrected
    ANTWORT = "antwort"  # answers to citizens, made in the dialog feed only


FOLLOW_UPS = (SetPurpose.UPDATE, SetPurpose.KORREKTUR, SetPurpose.ENTWARNUNG)


class DraftStatus(enum.StrEnum):
    """Where one message stands; FREIGEGEBEN means "bereit zum Senden"."""

    ENTWURF = "entwurf"
    ZUR_FREIGABE = "zur_freigabe"
    FREIGEGEBEN = "freigegeben"


class ReleaseKind(enum.StrEnum):
    """How a message was released."""

    VIER_AUGEN = "vier_augen"  # a second person with the right role, by PIN
    FAKTEN_BESTAETIGT = "fakten_bestaetigt"  # unchanged pre-approved text, facts confirmed
    EILFREIGABE = "eilfreigabe"  # self-release in acute danger, with a reason
    TEXTBAUSTEIN = "textbaustein"  # an unchanged Textbaustein of a released playbook


class DeskSetting(enum.StrEnum):
    """Settings shared by every console of the desk (stored in the database)."""

    PREAPPROVED_TEMPLATES = "preapproved_templates"  # default on
    EILFREIGABE_ALLOWED = "eilfreigabe_allowed"  # default off


DESK_DEFAULTS: dict[DeskSetting, bool] = {
    DeskSetting.PREAPPROVED_TEMPLATES: True,
    DeskSetting.EILFREIGABE_ALLOWED: False,
}
