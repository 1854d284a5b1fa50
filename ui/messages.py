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
        if "remaining" in p:
            return QCoreApplication.translate(
                "Messages",
                "Die PIN ist falsch. Nach {remaining} weiteren Fehlversuchen wird die PIN "
                "dieser Person einige Minuten gesperrt.",
            ).format(remaining=p["remaining"])
        return QCoreApplication.translate("Messages", "Die PIN ist falsch.")
    if code is ErrorCode.PIN_LOCKED:
        return QCoreApplication.translate(
            "Messages",
            "Zu viele falsche PINs: Die PIN von {name} ist bis {until} Uhr gesperrt – für "
            "Anmeldung und Freigabe. Der Vorgang steht im Einsatztagebuch.",
        ).format(name=p.get("name", "?"), until=_local_clock(p.get("until", "")))
    if code is ErrorCode.FACTS_MISSING:
        return QCoreApplication.translate(
            "Messages",
            "Es fehlen noch Pflichtangaben: {fields}. Bitte im Fakten-Formular ergänzen.",
        ).format(fields=", ".join(p.get("fields", "").split(",")))
    if code is ErrorCode.NO_CHANNEL_ACCOUNTS:
        return QCoreApplication.translate(
            "Messages",
            "Es ist noch kein Kanal eingerichtet. Legen Sie unter Einstellungen → Kanäle "
            "mindestens einen an (z. B. Website oder Manuell).",
        )
    if code is ErrorCode.EDIT_CONFLICT:
        if p.get("name"):
            return QCoreApplication.translate(
                "Messages",
                "{name} hat diese Meldung inzwischen geändert (Version {version}). Ihre "
                "Änderung wurde nicht gespeichert, damit nichts überschrieben wird.",
            ).format(name=p["name"], version=p.get("version", "?"))
        return QCoreApplication.translate(
            "Messages",
            "Die Meldung wurde inzwischen geändert (Version {version}). Bitte lesen Sie "
            "sie erneut, bevor Sie freigeben.",
        ).format(version=p.get("version", "?"))
    if code is ErrorCode.RELEASE_BLOCKED:
        return QCoreApplication.translate(
            "Messages",
            "Noch nicht freigabefähig: Die Meldung für „{account}“ hat einen Fehler, der "
            "vorher behoben werden muss (siehe Hinweise).",
        ).format(account=p.get("account", "?"))
    if code is ErrorCode.SELF_RELEASE:
        return QCoreApplication.translate(
            "Messages",
            "{name} hat an dieser Meldung mitgeschrieben und kann sie nicht selbst "
            "freigeben (Vier-Augen-Prinzip).",
        ).format(name=p.get("name", "?"))
    if code is ErrorCode.NOT_ALLOWED_NOW:
        return _not_now(p)
    if code is ErrorCode.INVALID_PIN:
        return QCoreApplication.translate("Messages", "Eine PIN besteht aus 4 bis 12 Ziffern.")
    if code is ErrorCode.PERMISSION_DENIED:
        if p.get("need") == "release":
            return QCoreApplication.translate(
                "Messages",
                "{name} darf nicht freigeben: Das dürfen nur die Rollen Freigabe und Leitung.",
            ).format(name=p.get("name", "?"))
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
    if code is ErrorCode.ALREADY_PUBLISHED:
        return QCoreApplication.translate(
            "Messages",
            "Diese Meldung ist schon veröffentlicht oder wird gerade gesendet und kann nicht "
            "mehr geändert werden. Bitte eine Korrektur erstellen.",
        )
    if code is ErrorCode.KEYRING_UNAVAILABLE:
        return QCoreApplication.translate(
            "Messages",
            "Der Schlüsselbund des Betriebssystems ist nicht erreichbar; Zugangsdaten wurden "
            "nicht gespeichert. Bitte die IT informieren.",
        )
    if code is ErrorCode.CHANNEL_CHECK_FAILED:
        return QCoreApplication.translate(
            "Messages", "Der Kanal „{account}“ antwortet nicht wie erwartet: {detail}"
        ).format(account=p.get("account", "?"), detail=error.detail)
    return QCoreApplication.translate(
        "Messages", "Die Datenbank meldet einen Fehler: {detail}"
    ).format(detail=error.detail)


def _not_now(p: dict[str, str]) -> str:
    """Why a release step is not possible now, in the officer's words."""
    texts = {
        "preapproved_off": QCoreApplication.translate(
            "Messages", "Vorab freigegebene Texte sind an diesem Lagezentrum ausgeschaltet."
        ),
        "not_approved": QCoreApplication.translate(
            "Messages",
            "Dieses Playbook ist nicht vorab freigegeben; es braucht die Vier-Augen-Freigabe.",
        ),
        "nothing_unchanged": QCoreApplication.translate(
            "Messages",
            "Keine dieser Meldungen ist ein unveränderter Playbook-Text; sie brauchen die "
            "Vier-Augen-Freigabe.",
        ),
        "eilfreigabe_off": QCoreApplication.translate(
            "Messages", "Eilfreigabe ist nicht erlaubt (Einstellungen → Freigaberegeln)."
        ),
        "nothing_waiting": QCoreApplication.translate(
            "Messages", "Keine Meldung dieses Satzes wartet auf diesen Schritt."
        ),
        "example_fact": QCoreApplication.translate(
            "Messages",
            "Fakten bestätigen geht nicht: „{field}“ hat noch den Beispielwert des Playbooks.",
        ),
        "claimed": QCoreApplication.translate(
            "Messages", "Diese Anfrage beantwortet gerade {name}; bitte eine andere nehmen."
        ),
        "sending": QCoreApplication.translate(
            "Messages", "Dieser Beitrag wird gerade gesendet; bitte das Ergebnis abwarten."
        ),
        "not_manual": QCoreApplication.translate(
            "Messages", "Dieser Beitrag wird automatisch gesendet, nicht von Hand."
        ),
        "manual": QCoreApplication.translate(
            "Messages", "Von Hand veröffentlichte Beiträge bitte auch von Hand entfernen."
        ),
        "cannot_delete": QCoreApplication.translate(
            "Messages",
            "„{account}“ kann Beiträge nicht automatisch löschen; bitte auf der Plattform "
            "von Hand löschen.",
        ),
        "state": QCoreApplication.translate(
            "Messages",
            "Der Beitrag hat inzwischen einen anderen Stand; die Liste wird neu geladen.",
        ),
        "stale_facts": QCoreApplication.translate(
            "Messages",
            "Die Fakten haben sich seit dem Erstellen geändert ({fields}). Bitte die Meldungen "
            "neu erstellen.",
        ),
    }
    text = texts.get(
        p.get("problem", ""),
        QCoreApplication.translate("Messages", "Das ist für diese Meldungen gerade nicht möglich."),
    )
    return text.format(
        field=p.get("field", ""),
        fields=", ".join(p.get("fields", "").split(",")),
        account=p.get("account", ""),
        name=p.get("name", ""),
    )


def _local_clock(iso: str) -> str:
    """ "HH:MM" local time of an ISO timestamp, or the text itself if it is none."""
    from datetime import datetime

    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%H:%M")
    except ValueError:
        return iso


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
        "reason": QCoreApplication.translate(
            "Messages", "Eine Eilfreigabe braucht eine Begründung (ein ganzer Satz)."
        ),
        "comment": QCoreApplication.translate(
            "Messages", "Bitte schreiben Sie dazu, was geändert werden muss."
        ),
        "text": QCoreApplication.translate(
            "Messages", "Der Text ist zu lang oder hat zu viele Teile."
        ),
        "image_type": QCoreApplication.translate(
            "Messages", "Das ist kein Bild im Format PNG, JPEG, GIF oder WebP."
        ),
        "image_size": QCoreApplication.translate(
            "Messages", "Das Bild ist zu groß (höchstens 8 MB). Bitte verkleinern."
        ),
        "image_file": QCoreApplication.translate(
            "Messages", "Die Bilddatei lässt sich nicht lesen."
        ),
        "alt": QCoreApplication.translate(
            "Messages", "Der Alternativtext ist zu lang (höchstens 1500 Zeichen)."
        ),
    }
    return texts.get(
        field, QCoreApplication.translate("Messages", "Diese Eingabe ist nicht gültig.")
    )
