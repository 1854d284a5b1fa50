"""German words for journal lines in printed exports (the console words them in `ui/names.py`).

The console translates its words through Qt, which the core may not import; a printed
Einsatztagebuch is always German, so the same words are kept here once more as plain data.
"""

from __future__ import annotations

from kriseninfo.domain import Role
from kriseninfo.incidents.lagebild import LagebildField
from kriseninfo.journal.actions import Action
from kriseninfo.journal.records import Break, BreakKind

ACTION_NAMES: dict[str, str] = {  # Action is a StrEnum: its members are their keys
    Action.INCIDENT_CREATED: "Lage angelegt",
    Action.INCIDENT_CHANGED: "Lagebild geändert",
    Action.INCIDENT_CLOSED: "Lage abgeschlossen",
    Action.INCIDENT_REOPENED: "Lage wieder geöffnet",
    Action.USER_CREATED: "Person angelegt",
    Action.USER_CHANGED: "Person geändert",
    Action.USER_LOGIN: "Anmeldung",
    Action.USER_LOGIN_FAILED: "Anmeldung fehlgeschlagen",
    Action.PLAYBOOK_ATTACHED: "Playbook übernommen",
    Action.PHASE_CHANGED: "Phase gewechselt",
    Action.FACT_CHANGED: "Fakt geändert",
    Action.CHECKLIST_CHANGED: "Checkliste abgehakt",
    Action.ACCOUNT_CREATED: "Kanal angelegt",
    Action.ACCOUNT_CHANGED: "Kanal geändert",
    Action.DESK_SETTING_CHANGED: "Einstellung des Lagezentrums geändert",
    Action.SET_CREATED: "Meldungssatz erstellt",
    Action.MESSAGE_EDITED: "Meldung bearbeitet",
    Action.MESSAGE_SUBMITTED: "Meldung zur Freigabe vorgelegt",
    Action.MESSAGE_RELEASED: "Meldung freigegeben",
    Action.MESSAGE_RELEASE_VOIDED: "Freigabe durch Änderung aufgehoben",
    Action.MESSAGE_REJECTED: "Meldung zurückgewiesen",
    Action.RELEASE_PIN_FAILED: "Freigabe: falsche PIN",
    Action.RELEASE_LOCKED: "PIN gesperrt (zu viele falsche Eingaben)",
    Action.DELIVERY_SENT: "Veröffentlicht",
    Action.DELIVERY_FAILED: "Veröffentlichung fehlgeschlagen",
    Action.DELIVERY_UNCLEAR: "Veröffentlichung unklar",
    Action.DELIVERY_RETRIED: "Erneut senden",
    Action.DELIVERY_WITHDRAWN: "Versand abgebrochen",
    Action.DELIVERY_RETRACTED: "Beitrag zurückgezogen",
    Action.DELIVERY_DONE_BY_HAND: "Von Hand veröffentlicht",
    Action.DELIVERY_SCHEDULED: "Sendezeit festgelegt",
    Action.ACCOUNT_SECRETS_CHANGED: "Zugangsdaten eines Kanals geändert",
    Action.SOURCE_ADDED: "Quelle des Dialogs hinzugefügt",
    Action.DIALOG_ITEM_CHANGED: "Bürgeranfrage bearbeitet",
    Action.DRILL_STARTED: "Übung gestartet",
    Action.DRILL_CLOCK_CHANGED: "Übungsuhr geändert",
    Action.DRILL_INJECT_ADDED: "Einspielung hinzugefügt",
    Action.DRILL_ENDED: "Übung beendet",
}

FIELD_LABELS: dict[str, str] = {
    LagebildField.TITLE: "Titel",
    LagebildField.WHAT_HAPPENED: "Was ist passiert?",
    LagebildField.LOCATION: "Wo?",
    LagebildField.SINCE: "Seit wann?",
    LagebildField.AFFECTED_AREA: "Betroffenes Gebiet",
    LagebildField.PUBLIC_ACTION: "Was sollen Menschen tun?",
    LagebildField.HOTLINE: "Bürgertelefon",
    LagebildField.WEB_LINK: "Weitere Informationen (Link)",
    LagebildField.NEXT_UPDATE_AT: "Nächste Meldung um",
    "status": "Status",
    "pin": "PIN",
    "role": "Rolle",
}

#: `UserService.set_active` journals the field as "active:<name>".
ACTIVE_PREFIX = "active:"

ROLE_NAMES: dict[Role, str] = {
    Role.REDAKTION: "Redaktion",
    Role.FREIGABE: "Freigabe",
    Role.LEITUNG: "Leitung",
}

BREAK_TEXTS: dict[BreakKind, str] = {
    BreakKind.MISSING: "ein Eintrag fehlt",
    BreakKind.REPEATED: "ein Eintrag steht doppelt",
    BreakKind.UNLINKED: "der Eintrag passt nicht zum vorigen",
    BreakKind.ALTERED: "der Inhalt wurde nachträglich geändert",
    BreakKind.HEAD_MISSING: "der Abschluss der Kette fehlt",
    BreakKind.TAIL_MISSING: "die letzten Einträge fehlen",
}

YES_NO = {"True": "ja", "False": "nein"}


def action_name(action: str) -> str:
    """An action without German words here (or from a newer version) shows its key."""
    return ACTION_NAMES.get(action, action)


def field_label(field: str) -> str:
    if field.startswith(ACTIVE_PREFIX):
        return f"Aktiv ({field.removeprefix(ACTIVE_PREFIX)})"
    return FIELD_LABELS.get(field, field)


def role_name(role: Role) -> str:
    return ROLE_NAMES[role]


def break_text(found: Break) -> str:
    return BREAK_TEXTS[found.kind]


def plain_value(field: str, value: str) -> str:
    """Stored flags read as ja/nein; everything else stays exactly as recorded."""
    if field.startswith(ACTIVE_PREFIX):
        return YES_NO.get(value, value)
    return value
