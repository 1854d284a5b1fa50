"""Words for a channel account's connection: each setting's label and placeholder, and
the platform check's answer, for the duty officer (English through Qt translation)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.publishing.channel import AccountCheck
from kriseninfo_ui.messages import error_text

#: Text colours of a check's answer (both readable on white, WCAG AA).
OK_COLOUR = "#1e6b2e"
PROBLEM_COLOUR = "#a40000"


#: The e-mail channel's `security` values, the first one its default.
SECURITY_VALUES = ("starttls", "ssl", "none")


def field_label(name: str) -> str:
    """A setting's name as the duty officer reads it; unknown names stay as they are."""
    labels = {
        "instance": QCoreApplication.translate("ChannelFields", "Server (Instanz-Adresse)"),
        "access_token": QCoreApplication.translate("ChannelFields", "Zugangstoken"),
        "service": QCoreApplication.translate("ChannelFields", "Server (PDS)"),
        "handle": QCoreApplication.translate("ChannelFields", "Kennung (Handle)"),
        "app_password": QCoreApplication.translate("ChannelFields", "App-Passwort"),
        "host": QCoreApplication.translate("ChannelFields", "SMTP-Server"),
        "port": QCoreApplication.translate("ChannelFields", "Port"),
        "security": QCoreApplication.translate("ChannelFields", "Verschlüsselung"),
        "sender": QCoreApplication.translate("ChannelFields", "Absender"),
        "recipients": QCoreApplication.translate(
            "ChannelFields", "Empfänger (eine Adresse je Zeile)"
        ),
        "username": QCoreApplication.translate("ChannelFields", "Benutzername"),
        "unsubscribe": QCoreApplication.translate("ChannelFields", "Abmelde-Adresse"),
        "ca_file": QCoreApplication.translate("ChannelFields", "CA-Zertifikat (Datei)"),
        "password": QCoreApplication.translate("ChannelFields", "Passwort"),
        "folder": QCoreApplication.translate("ChannelFields", "Ordner"),
        "base_url": QCoreApplication.translate("ChannelFields", "Öffentliche Adresse"),
        "title": QCoreApplication.translate("ChannelFields", "Titel der Seite"),
        "max_entries": QCoreApplication.translate("ChannelFields", "Höchstens Einträge"),
        "chat": QCoreApplication.translate("ChannelFields", "Kanal (@Name oder ID)"),
        "api_base": QCoreApplication.translate("ChannelFields", "API-Adresse"),
        "bot_token": QCoreApplication.translate("ChannelFields", "Bot-Token"),
        "page_id": QCoreApplication.translate("ChannelFields", "Seiten-ID"),
        "ig_user_id": QCoreApplication.translate("ChannelFields", "Instagram-Konto-ID"),
        "image_base_url": QCoreApplication.translate("ChannelFields", "Öffentliche Bildadresse"),
        "homeserver": QCoreApplication.translate("ChannelFields", "Homeserver"),
        "room": QCoreApplication.translate("ChannelFields", "Raum"),
    }
    return labels.get(name, name)


def field_placeholder(name: str) -> str:
    """An example to type over, or what an empty optional setting means."""
    examples = {
        "instance": "https://social.example",
        "service": QCoreApplication.translate("ChannelFields", "leer = https://bsky.social"),
        "handle": "stadt.bsky.social",
        "host": "smtp.stadt.example",
        "sender": "Stadt Musterstadt <presse@stadt.example>",
        "recipients": "redaktion@zeitung.example\nlokal@radio.example",
        "username": QCoreApplication.translate("ChannelFields", "leer = Absenderadresse"),
        "unsubscribe": QCoreApplication.translate("ChannelFields", "https://… oder mailto:…"),
        "ca_file": QCoreApplication.translate("ChannelFields", "leer = Zertifikate des Systems"),
        "folder": "/srv/www/lage",
        "base_url": "https://www.stadt.example/lage",
        "title": QCoreApplication.translate("ChannelFields", "Stadt Musterstadt – Aktuelle Lage"),
        "chat": "@stadt_example",
        "api_base": QCoreApplication.translate("ChannelFields", "leer = Adresse der Plattform"),
        "image_base_url": "https://www.stadt.example/bilder",
        "homeserver": "https://matrix.example.org",
        "room": "#lage:matrix.example.org",
    }
    return examples.get(name, "")


def number_default(name: str) -> str:
    """What 0 in a number setting stands for."""
    if name == "port":
        return QCoreApplication.translate("ChannelFields", "Standard (587 / 465 / 25)")
    if name == "max_entries":
        return QCoreApplication.translate("ChannelFields", "Standard (50)")
    return QCoreApplication.translate("ChannelFields", "Standard")


def security_name(value: str) -> str:
    names = {
        "starttls": "STARTTLS",
        "ssl": "SSL/TLS",
        "none": QCoreApplication.translate("ChannelFields", "keine"),
    }
    return names.get(value, value)


def stored_placeholder() -> str:
    return QCoreApplication.translate(
        "ChannelFields", "gespeichert – leer lassen, um es zu behalten"
    )


def _credential_noun(secret_names: Iterable[str]) -> str:
    """What a refused login should make the officer look at."""
    names = set(secret_names)
    if "app_password" in names:
        return QCoreApplication.translate("ChannelFields", "App-Passwort")
    if "password" in names:
        return QCoreApplication.translate("ChannelFields", "Benutzername und Passwort")
    return QCoreApplication.translate("ChannelFields", "Token")


def check_success_text(found: AccountCheck) -> str:
    name = found.display_name or QCoreApplication.translate("ChannelFields", "(ohne Namen)")
    if found.max_characters:
        return QCoreApplication.translate(
            "ChannelFields", "Verbunden als {name} – höchstens {limit} Zeichen"
        ).format(name=name, limit=found.max_characters)
    return QCoreApplication.translate("ChannelFields", "Verbunden als {name}").format(name=name)


def check_failure_text(error: KriseninfoError, secret_names: Iterable[str] = ()) -> str:
    """Why the platform check failed, by the channel's problem code, else by its kind."""
    if error.code is not ErrorCode.CHANNEL_CHECK_FAILED:
        return error_text(error)
    problem, kind = error.params.get("problem", ""), error.params.get("kind", "")
    texts = {
        "auth": QCoreApplication.translate(
            "ChannelFields", "Zugangsdaten abgelehnt – bitte {what} prüfen"
        ).format(what=_credential_noun(secret_names)),
        "offline": QCoreApplication.translate(
            "ChannelFields", "Server nicht erreichbar – Netzwerk prüfen"
        ),
        "forbidden": QCoreApplication.translate(
            "ChannelFields",
            "Zugang erkannt, aber ohne Berechtigung – bitte die Rechte des Zugangs prüfen "
            "(er muss veröffentlichen dürfen)",
        ),
        "not_found": QCoreApplication.translate(
            "ChannelFields", "Nicht gefunden – bitte Server-Adresse und Kennung prüfen"
        ),
        "chat_not_found": QCoreApplication.translate(
            "ChannelFields",
            "Kanal nicht gefunden – bitte Namen prüfen und den Bot dort als Administrator "
            "eintragen",
        ),
        "bad_address": QCoreApplication.translate(
            "ChannelFields", "Die Server-Adresse ist ungültig – sie beginnt mit https://"
        ),
        "settings": QCoreApplication.translate(
            "ChannelFields", "Eine Angabe fehlt oder passt nicht – bitte prüfen ({detail})"
        ),
        "folder": QCoreApplication.translate(
            "ChannelFields",
            "Der Ordner fehlt oder ist nicht beschreibbar – bitte Ordner und Rechte prüfen",
        ),
        "folder_io": QCoreApplication.translate(
            "ChannelFields", "Im Ordner lässt sich gerade nicht schreiben – bitte erneut prüfen"
        ),
        "disk_full": QCoreApplication.translate(
            "ChannelFields", "Der Datenträger des Ordners ist voll"
        ),
        "tls": QCoreApplication.translate(
            "ChannelFields",
            "Sichere Verbindung gescheitert – bitte Verschlüsselung, Port und Zertifikat prüfen",
        ),
        "rate_limited": QCoreApplication.translate(
            "ChannelFields", "Zu viele Anfragen – bitte in einigen Minuten erneut prüfen"
        ),
        "server_error": QCoreApplication.translate(
            "ChannelFields", "Der Server meldet eine Störung – bitte später erneut prüfen"
        ),
        "timeout": QCoreApplication.translate(
            "ChannelFields", "Der Server antwortet nicht – bitte später erneut prüfen"
        ),
        "blocked": QCoreApplication.translate(
            "ChannelFields", "Die Plattform hat das Konto gesperrt – bitte dort nachsehen"
        ),
    }
    by_kind = {"auth": "auth", "offline": "offline", "rate_limited": "rate_limited"}
    text = texts.get(problem) or texts.get(by_kind.get(kind, ""))
    if text is None:
        text = QCoreApplication.translate("ChannelFields", "Prüfung fehlgeschlagen: {detail}")
    return text.format(detail=error.detail)
