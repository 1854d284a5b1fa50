"""What the user reads for the core's closed sets: fields, kinds, roles, actions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kriseninfo.domain import IncidentKind, Role
from kriseninfo.incidents.lagebild import LagebildField, LagebildWarning
from kriseninfo.journal.actions import Action


def field_label(field: LagebildField) -> str:
    labels = {
        LagebildField.TITLE: QCoreApplication.translate("Names", "Titel"),
        LagebildField.WHAT_HAPPENED: QCoreApplication.translate("Names", "Was ist passiert?"),
        LagebildField.LOCATION: QCoreApplication.translate("Names", "Wo?"),
        LagebildField.SINCE: QCoreApplication.translate("Names", "Seit wann?"),
        LagebildField.AFFECTED_AREA: QCoreApplication.translate("Names", "Betroffenes Gebiet"),
        LagebildField.PUBLIC_ACTION: QCoreApplication.translate(
            "Names", "Was sollen Menschen tun?"
        ),
        LagebildField.HOTLINE: QCoreApplication.translate("Names", "Bürgertelefon"),
        LagebildField.WEB_LINK: QCoreApplication.translate("Names", "Weitere Informationen (Link)"),
        LagebildField.NEXT_UPDATE_AT: QCoreApplication.translate("Names", "Nächste Meldung um"),
    }
    return labels[field]


def field_placeholder(field: LagebildField) -> str:
    texts = {
        LagebildField.TITLE: QCoreApplication.translate(
            "Names", "z. B. Großbrand Lagerhalle Hafen"
        ),
        LagebildField.WHAT_HAPPENED: QCoreApplication.translate(
            "Names", "Kurz und konkret: Was ist geschehen?"
        ),
        LagebildField.LOCATION: QCoreApplication.translate("Names", "z. B. Hafenstraße 12, Moers"),
        LagebildField.AFFECTED_AREA: QCoreApplication.translate(
            "Names", "Stadtteile, Straßen, Radius"
        ),
        LagebildField.PUBLIC_ACTION: QCoreApplication.translate(
            "Names", "z. B. Fenster und Türen schließen, Lüftung ausschalten"
        ),
        LagebildField.HOTLINE: QCoreApplication.translate("Names", "z. B. 02841 201-0"),
        LagebildField.WEB_LINK: QCoreApplication.translate("Names", "https://…"),
    }
    return texts.get(field, "")


def warning_text(warning: LagebildWarning) -> str:
    texts = {
        LagebildWarning.TITLE_EMPTY: QCoreApplication.translate(
            "Names", "Die Lage braucht einen Titel."
        ),
        LagebildWarning.HOTLINE_INVALID: QCoreApplication.translate(
            "Names", "Das sieht nicht wie eine Telefonnummer aus."
        ),
        LagebildWarning.WEB_LINK_INVALID: QCoreApplication.translate(
            "Names", "Der Link sollte mit https:// beginnen und vollständig sein."
        ),
        LagebildWarning.NEXT_UPDATE_PAST: QCoreApplication.translate(
            "Names", "Die angekündigte nächste Meldung ist überfällig."
        ),
    }
    return texts[warning]


def kind_name(kind: IncidentKind) -> str:
    names = {
        IncidentKind.GROSSBRAND: QCoreApplication.translate("Names", "Großbrand"),
        IncidentKind.BOMBENENTSCHAERFUNG: QCoreApplication.translate("Names", "Bombenentschärfung"),
        IncidentKind.UNWETTER: QCoreApplication.translate("Names", "Unwetter"),
        IncidentKind.HOCHWASSER: QCoreApplication.translate("Names", "Hochwasser"),
        IncidentKind.STROMAUSFALL: QCoreApplication.translate("Names", "Stromausfall"),
        IncidentKind.SONSTIGE: QCoreApplication.translate("Names", "Sonstige"),
    }
    return names[kind]


def role_name(role: Role) -> str:
    names = {
        Role.REDAKTION: QCoreApplication.translate("Names", "Redaktion"),
        Role.FREIGABE: QCoreApplication.translate("Names", "Freigabe"),
        Role.LEITUNG: QCoreApplication.translate("Names", "Leitung"),
    }
    return names[role]


def action_name(action: str) -> str:
    names = {
        Action.INCIDENT_CREATED: QCoreApplication.translate("Names", "Lage angelegt"),
        Action.INCIDENT_CHANGED: QCoreApplication.translate("Names", "Lagebild geändert"),
        Action.INCIDENT_CLOSED: QCoreApplication.translate("Names", "Lage abgeschlossen"),
        Action.INCIDENT_REOPENED: QCoreApplication.translate("Names", "Lage wieder geöffnet"),
        Action.USER_CREATED: QCoreApplication.translate("Names", "Person angelegt"),
        Action.USER_CHANGED: QCoreApplication.translate("Names", "Person geändert"),
        Action.USER_LOGIN: QCoreApplication.translate("Names", "Anmeldung"),
        Action.USER_LOGIN_FAILED: QCoreApplication.translate("Names", "Anmeldung fehlgeschlagen"),
        Action.PLAYBOOK_ATTACHED: QCoreApplication.translate("Names", "Playbook übernommen"),
        Action.PHASE_CHANGED: QCoreApplication.translate("Names", "Phase gewechselt"),
        Action.FACT_CHANGED: QCoreApplication.translate("Names", "Fakt geändert"),
        Action.CHECKLIST_CHANGED: QCoreApplication.translate("Names", "Checkliste abgehakt"),
        Action.ACCOUNT_CREATED: QCoreApplication.translate("Names", "Kanal angelegt"),
        Action.ACCOUNT_CHANGED: QCoreApplication.translate("Names", "Kanal geändert"),
        Action.DESK_SETTING_CHANGED: QCoreApplication.translate(
            "Names", "Einstellung des Lagezentrums geändert"
        ),
        Action.SET_CREATED: QCoreApplication.translate("Names", "Meldungssatz erstellt"),
        Action.MESSAGE_EDITED: QCoreApplication.translate("Names", "Meldung bearbeitet"),
        Action.MESSAGE_SUBMITTED: QCoreApplication.translate(
            "Names", "Meldung zur Freigabe vorgelegt"
        ),
        Action.MESSAGE_RELEASED: QCoreApplication.translate("Names", "Meldung freigegeben"),
        Action.MESSAGE_RELEASE_VOIDED: QCoreApplication.translate(
            "Names", "Freigabe durch Änderung aufgehoben"
        ),
        Action.MESSAGE_REJECTED: QCoreApplication.translate("Names", "Meldung zurückgewiesen"),
        Action.RELEASE_PIN_FAILED: QCoreApplication.translate("Names", "Freigabe: falsche PIN"),
        Action.RELEASE_LOCKED: QCoreApplication.translate(
            "Names", "PIN gesperrt (zu viele falsche Eingaben)"
        ),
        Action.DELIVERY_SENT: QCoreApplication.translate("Names", "Veröffentlicht"),
        Action.DELIVERY_FAILED: QCoreApplication.translate(
            "Names", "Veröffentlichung fehlgeschlagen"
        ),
        Action.DELIVERY_UNCLEAR: QCoreApplication.translate("Names", "Veröffentlichung unklar"),
        Action.DELIVERY_RETRIED: QCoreApplication.translate("Names", "Erneut senden"),
        Action.DELIVERY_WITHDRAWN: QCoreApplication.translate("Names", "Versand abgebrochen"),
        Action.DELIVERY_RETRACTED: QCoreApplication.translate("Names", "Beitrag zurückgezogen"),
        Action.DELIVERY_DONE_BY_HAND: QCoreApplication.translate(
            "Names", "Von Hand veröffentlicht"
        ),
        Action.DELIVERY_SCHEDULED: QCoreApplication.translate("Names", "Sendezeit festgelegt"),
        Action.ACCOUNT_SECRETS_CHANGED: QCoreApplication.translate(
            "Names", "Zugangsdaten eines Kanals geändert"
        ),
        Action.SOURCE_ADDED: QCoreApplication.translate("Names", "Quelle des Dialogs hinzugefügt"),
        Action.DIALOG_ITEM_CHANGED: QCoreApplication.translate("Names", "Bürgeranfrage bearbeitet"),
        Action.DRILL_STARTED: QCoreApplication.translate("Names", "Übung gestartet"),
        Action.DRILL_CLOCK_CHANGED: QCoreApplication.translate("Names", "Übungsuhr geändert"),
        Action.DRILL_INJECT_ADDED: QCoreApplication.translate("Names", "Einspielung hinzugefügt"),
        Action.DRILL_ENDED: QCoreApplication.translate("Names", "Übung beendet"),
    }
    return names.get(action, action)


def journal_field_name(field: str) -> str:
    """Journal lines name Lagebild fields by key; show the form's label instead."""
    if field in {member.value for member in LagebildField}:
        return field_label(LagebildField(field))
    others = {
        "status": QCoreApplication.translate("Names", "Status"),
        "pin": QCoreApplication.translate("Names", "PIN"),
        "role": QCoreApplication.translate("Names", "Rolle"),
    }
    return others.get(field, field)
