"""German (and, through Qt translation, English) text for every core error code."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.journal.records import Break, BreakKind


def break_text(found: Break) -> str:
    """Why the Einsatztagebuch's chain does not hold, in words for people."""
    texts = {
        BreakKind.MISSING: QCoreApplication.translate("Messages", "ein Eintrag fehlt"),
        BreakKind.REPEATED: QCoreApplication.translate("Messages", "ein Eintrag steht doppelt"),
        BreakKind.UNLINKED: QCoreApplication.translate(
            "Messages", "der Eintrag passt nicht zum vorigen"
        ),
        BreakKind.ALTERED: QCoreApplication.translate(
            "Messages", "der Inhalt wurde nachträglich geändert"
        ),
        BreakKind.HEAD_MISSING: QCoreApplication.translate(
            "Messages", "der Abschluss der Kette fehlt"
        ),
        BreakKind.TAIL_MISSING: QCoreApplication.translate(
            "Messages", "die letzten Einträge fehlen"
        ),
    }
    return texts[found.kind]


def error_text(error: KriseninfoError) -> str:
    """One or two plain sentences saying what happened and what to do."""
    p = error.params
    code = error.code
    if code is ErrorCode.DATA_DIR_NOT_WRITABLE:
        return QCoreApplication.translate(
            "Messages",
            "Kriseninfo kann im Datenordner {path} nicht schreiben. Bitte prüfen Sie "
            "die Berechtigungen oder wählen Sie mit --data-dir einen anderen Ordner.",
        ).format(path=p.get("path", "?"))
    if code is ErrorCode.DISK_FULL:
        return QCoreApplication.translate(
            "Messages",
            "Der Datenträger ist voll. Ihre Eingaben bleiben im Fenster erhalten und "
            "werden gespeichert, sobald wieder Platz ist.",
        )
    if code is ErrorCode.DB_CORRUPT:
        return QCoreApplication.translate(
            "Messages", "Die Datenbankdatei {path} ist beschädigt oder keine Kriseninfo-Datenbank."
        ).format(path=p.get("path", "?"))
    if code is ErrorCode.DB_SCHEMA_TOO_NEW:
        return QCoreApplication.translate(
            "Messages",
            "Diese Datenbank stammt von einer neueren Kriseninfo-Version ({needed}). "
            "Dieses Programm ist Version {this}. Bitte installieren Sie Kriseninfo "
            "{needed} oder neuer.",
        ).format(needed=p.get("needed_version", "?"), this=p.get("this_version", "?"))
    if code is ErrorCode.DB_UNREACHABLE:
        return QCoreApplication.translate(
            "Messages",
            "Die Datenbank auf {host}:{port} ist nicht erreichbar. Kriseninfo versucht "
            "es weiter; Ihre Eingaben bleiben erhalten.",
        ).format(host=p.get("host", "?"), port=p.get("port", "?"))
    if code is ErrorCode.DB_BUSY:
        return QCoreApplication.translate(
            "Messages",
            "Die Datenbank ist gerade belegt. Kriseninfo versucht es gleich noch einmal.",
        )
    if code is ErrorCode.WRONG_PIN:
        return QCoreApplication.translate("Messages", "Die PIN ist falsch.")
    if code is ErrorCode.INVALID_PIN:
        return QCoreApplication.translate("Messages", "Eine PIN besteht aus 4 bis 12 Ziffern.")
    if code is ErrorCode.PERMISSION_DENIED:
        return QCoreApplication.translate(
            "Messages", "Dafür fehlt Ihnen die Berechtigung (Rolle Leitung nötig)."
        )
    if code is ErrorCode.INCIDENT_CLOSED:
        return QCoreApplication.translate(
            "Messages", "Diese Lage ist abgeschlossen. Öffnen Sie sie wieder, um sie zu bearbeiten."
        )
    if code is ErrorCode.DUPLICATE_NAME:
        return QCoreApplication.translate(
            "Messages", "Es gibt bereits eine Person mit dem Namen „{name}“."
        ).format(name=p.get("name", "?"))
    if code is ErrorCode.NOT_FOUND:
        return QCoreApplication.translate(
            "Messages",
            "Der Eintrag wurde nicht gefunden; vielleicht hat ihn jemand anderes geändert.",
        )
    if code is ErrorCode.INVALID_INPUT:
        return _invalid_input(error.params.get("field", ""))
    return QCoreApplication.translate(
        "Messages", "Die Datenbank meldet einen Fehler: {detail}"
    ).format(detail=error.detail)


def _invalid_input(field: str) -> str:
    texts = {
        "name": QCoreApplication.translate("Messages", "Bitte geben Sie einen Namen ein."),
        "title": QCoreApplication.translate("Messages", "Bitte geben Sie einen Titel ein."),
        "role": QCoreApplication.translate(
            "Messages", "Die erste Person muss die Rolle Leitung haben."
        ),
        "active": QCoreApplication.translate(
            "Messages", "Sie können sich nicht selbst deaktivieren."
        ),
    }
    return texts.get(
        field, QCoreApplication.translate("Messages", "Diese Eingabe ist nicht gültig.")
    )
