"""German words (English through Qt translation) for the publishing queue: states, why a
delivery waits, and for each failure what happened and what to do."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kriseninfo.publishing.records import DeliveryView
from kriseninfo.publishing.states import DeliveryState, WaitReason


def state_name(state: DeliveryState) -> str:
    names = {
        DeliveryState.SCHEDULED: QCoreApplication.translate("Queue", "geplant"),
        DeliveryState.WAITING: QCoreApplication.translate("Queue", "wartet"),
        DeliveryState.SENDING: QCoreApplication.translate("Queue", "wird gesendet"),
        DeliveryState.SENT: QCoreApplication.translate("Queue", "gesendet"),
        DeliveryState.UNCLEAR: QCoreApplication.translate("Queue", "unklar"),
        DeliveryState.FAILED: QCoreApplication.translate("Queue", "fehlgeschlagen"),
        DeliveryState.WITHDRAWN: QCoreApplication.translate("Queue", "zurückgezogen"),
    }
    return names[state]


def wait_text(reason: WaitReason) -> str:
    texts = {
        WaitReason.NONE: "",
        WaitReason.SCHEDULED: QCoreApplication.translate("Queue", "auf die Sendezeit"),
        WaitReason.PARENT: QCoreApplication.translate("Queue", "auf den vorigen Teil"),
        WaitReason.OFFLINE: QCoreApplication.translate(
            "Queue", "kein Netz – wird automatisch wiederholt"
        ),
        WaitReason.RATE_LIMITED: QCoreApplication.translate(
            "Queue", "Plattform bremst – wird automatisch wiederholt"
        ),
        WaitReason.SERVER_ERROR: QCoreApplication.translate(
            "Queue", "Serverfehler – wird automatisch wiederholt"
        ),
        WaitReason.BREAKER: QCoreApplication.translate(
            "Queue", "Kanal pausiert nach mehreren Fehlern"
        ),
        WaitReason.MANUAL: QCoreApplication.translate(
            "Queue", "von Hand veröffentlichen, dann „Erledigt“"
        ),
        WaitReason.NO_CREDENTIALS: QCoreApplication.translate(
            "Queue", "Zugangsdaten fehlen an dieser Konsole"
        ),
        WaitReason.RETRACTING: QCoreApplication.translate(
            "Queue", "wird auf der Plattform gelöscht"
        ),
    }
    return texts[reason]


def failure_text(code: str) -> tuple[str, str]:
    """(what happened, what to do) for a channel's error code."""
    known: dict[str, tuple[str, str]] = {
        "rejected": (
            QCoreApplication.translate("Queue", "Die Plattform hat den Beitrag abgelehnt."),
            QCoreApplication.translate(
                "Queue", "Text prüfen (Länge, Links), als Korrektur neu erstellen und freigeben."
            ),
        ),
        "too_long": (
            QCoreApplication.translate("Queue", "Der Text ist für die Plattform zu lang."),
            QCoreApplication.translate(
                "Queue", "Kürzen oder als Thread aufteilen, dann neu freigeben."
            ),
        ),
        "auth": (
            QCoreApplication.translate("Queue", "Die Zugangsdaten wurden abgelehnt."),
            QCoreApplication.translate(
                "Queue", "Einstellungen → Kanäle: Zugangsdaten erneuern, dann „Erneut senden“."
            ),
        ),
        "forbidden": (
            QCoreApplication.translate("Queue", "Das Konto darf hier nicht veröffentlichen."),
            QCoreApplication.translate(
                "Queue", "Rechte des Kontos auf der Plattform prüfen, dann „Erneut senden“."
            ),
        ),
        "blocked": (
            QCoreApplication.translate("Queue", "Das Konto ist auf der Plattform gesperrt."),
            QCoreApplication.translate(
                "Queue", "Plattform-Betreiber kontaktieren; Meldung über andere Kanäle senden."
            ),
        ),
        "not_found": (
            QCoreApplication.translate(
                "Queue", "Die Plattform kennt das Ziel nicht (Konto, Raum oder Kanal)."
            ),
            QCoreApplication.translate("Queue", "Einstellungen → Kanäle: Adresse prüfen."),
        ),
        "chat_not_found": (
            QCoreApplication.translate("Queue", "Der Telegram-Kanal wurde nicht gefunden."),
            QCoreApplication.translate(
                "Queue", "Einstellungen → Kanäle: Kanalname prüfen; der Bot muss Admin sein."
            ),
        ),
        "parent_missing": (
            QCoreApplication.translate(
                "Queue", "Der Beitrag, auf den geantwortet wird, existiert nicht mehr."
            ),
            QCoreApplication.translate(
                "Queue", "Diesen Teil abbrechen oder als eigene Meldung neu erstellen."
            ),
        ),
        "duplicate": (
            QCoreApplication.translate(
                "Queue", "Die Plattform hält den Beitrag für eine Wiederholung."
            ),
            QCoreApplication.translate(
                "Queue",
                "Prüfen, ob er schon sichtbar ist; sonst Text leicht ändern und neu freigeben.",
            ),
        ),
        "too_large": (
            QCoreApplication.translate("Queue", "Ein Bild oder der Beitrag ist zu groß."),
            QCoreApplication.translate("Queue", "Kleineres Bild anhängen und neu freigeben."),
        ),
        "image_type": (
            QCoreApplication.translate("Queue", "Dieses Bildformat nimmt der Kanal nicht an."),
            QCoreApplication.translate(
                "Queue", "Bild als JPEG oder PNG anhängen und neu freigeben."
            ),
        ),
        "needs_image": (
            QCoreApplication.translate("Queue", "Instagram braucht ein Bild."),
            QCoreApplication.translate(
                "Queue", "Bild mit Alternativtext anhängen und neu freigeben."
            ),
        ),
        "settings": (
            QCoreApplication.translate("Queue", "Die Einstellungen des Kanals sind unvollständig."),
            QCoreApplication.translate(
                "Queue", "Einstellungen → Kanäle: fehlende Angaben ergänzen, dann „Erneut senden“."
            ),
        ),
        "folder": (
            QCoreApplication.translate("Queue", "Der Ordner der Website ist nicht erreichbar."),
            QCoreApplication.translate("Queue", "Laufwerk/Freigabe prüfen, dann „Erneut senden“."),
        ),
        "tls": (
            QCoreApplication.translate(
                "Queue", "Die verschlüsselte Verbindung wurde abgelehnt (Zertifikat)."
            ),
            QCoreApplication.translate("Queue", "IT fragen: Zertifikat des Servers prüfen."),
        ),
        "cannot_delete": (
            QCoreApplication.translate(
                "Queue", "Dieser Kanal kann Beiträge nicht automatisch löschen."
            ),
            QCoreApplication.translate("Queue", "Beitrag von Hand auf der Plattform löschen."),
        ),
        "answer_lost": (
            QCoreApplication.translate(
                "Queue", "Gesendet, aber die Antwort der Plattform ging verloren."
            ),
            QCoreApplication.translate(
                "Queue",
                "Auf der Plattform nachsehen: ist der Beitrag da? Dann „Ist veröffentlicht“, "
                "sonst „Erneut senden“.",
            ),
        ),
    }
    fallback = (
        QCoreApplication.translate("Queue", "Der Kanal meldet einen Fehler."),
        QCoreApplication.translate(
            "Queue", "Details lesen; wenn der Fehler bleibt, über einen anderen Kanal informieren."
        ),
    )
    return known.get(code, fallback)


def status_line(row: DeliveryView) -> str:
    """The state with its reason, as the list shows it."""
    name = state_name(row.state)
    if row.state in (DeliveryState.WAITING, DeliveryState.SCHEDULED):
        reason = wait_text(row.wait_reason)
        return f"{name} – {reason}" if reason else name
    if row.state in (DeliveryState.FAILED, DeliveryState.UNCLEAR):
        return f"{name} – {failure_text(row.error_code)[0]}"
    if row.state is DeliveryState.SENT and row.retract:
        return f"{name} – {wait_text(WaitReason.RETRACTING)}"
    return name
