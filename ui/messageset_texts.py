"""What the user reads for message sets: platforms, states, purposes, problems."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kriseninfo.counting.platforms import Platform
from kriseninfo.messagesets.completeness import Element
from kriseninfo.messagesets.kinds import DraftStatus, ReleaseKind, SetPurpose
from kriseninfo.messagesets.records import Problem, ProblemCode


def platform_name(platform: Platform) -> str:
    names = {
        Platform.X: "X",
        Platform.MASTODON: "Mastodon",
        Platform.BLUESKY: "Bluesky",
        Platform.SMS: "SMS",
        Platform.TELEGRAM: "Telegram",
        Platform.INSTAGRAM: "Instagram",
        Platform.FACEBOOK: "Facebook",
        Platform.LINKEDIN: "LinkedIn",
        Platform.THREADS: "Threads",
        Platform.EMAIL: QCoreApplication.translate("MessageSets", "E-Mail"),
        Platform.WEBSITE: QCoreApplication.translate("MessageSets", "Website"),
        Platform.MATRIX: "Matrix",
        Platform.MANUAL: QCoreApplication.translate("MessageSets", "Manuell"),
    }
    return names[platform]


def status_name(status: DraftStatus) -> str:
    names = {
        DraftStatus.ENTWURF: QCoreApplication.translate("MessageSets", "Entwurf"),
        DraftStatus.ZUR_FREIGABE: QCoreApplication.translate("MessageSets", "Zur Freigabe"),
        DraftStatus.FREIGEGEBEN: QCoreApplication.translate(
            "MessageSets", "Freigegeben – bereit zum Senden"
        ),
    }
    return names[status]


def purpose_name(purpose: SetPurpose) -> str:
    names = {
        SetPurpose.ERSTMELDUNG: QCoreApplication.translate("MessageSets", "Erstmeldung"),
        SetPurpose.UPDATE: QCoreApplication.translate("MessageSets", "Update"),
        SetPurpose.KORREKTUR: QCoreApplication.translate("MessageSets", "Korrektur"),
        SetPurpose.ENTWARNUNG: QCoreApplication.translate("MessageSets", "Entwarnung"),
        SetPurpose.FAQ: QCoreApplication.translate("MessageSets", "FAQ-Meldung"),
        SetPurpose.RICHTIGSTELLUNG: QCoreApplication.translate("MessageSets", "Richtigstellung"),
        SetPurpose.ANTWORT: QCoreApplication.translate("MessageSets", "Antwort an Bürger"),
    }
    return names[purpose]


def release_kind_name(kind: ReleaseKind) -> str:
    names = {
        ReleaseKind.VIER_AUGEN: QCoreApplication.translate("MessageSets", "Vier-Augen-Freigabe"),
        ReleaseKind.FAKTEN_BESTAETIGT: QCoreApplication.translate(
            "MessageSets", "Vorab freigegebener Text, Fakten bestätigt"
        ),
        ReleaseKind.EILFREIGABE: QCoreApplication.translate("MessageSets", "EILFREIGABE"),
        ReleaseKind.TEXTBAUSTEIN: QCoreApplication.translate(
            "MessageSets", "Unveränderter Textbaustein, ohne zweite Freigabe"
        ),
    }
    return names[kind]


def element_name(element: Element) -> str:
    names = {
        Element.WHAT: QCoreApplication.translate("MessageSets", "was passiert ist"),
        Element.WHAT_TO_DO: QCoreApplication.translate(
            "MessageSets", "was die Menschen tun sollen"
        ),
        Element.WHERE_MORE: QCoreApplication.translate(
            "MessageSets", "wo es mehr Informationen gibt"
        ),
        Element.NEXT_UPDATE: QCoreApplication.translate(
            "MessageSets", "wann die nächste Meldung kommt"
        ),
    }
    return names[element]


def problem_text(problem: Problem) -> str:
    p = problem.params
    part = (
        QCoreApplication.translate("MessageSets", "Teil {number}: ").format(number=problem.part + 1)
        if problem.part is not None
        else ""
    )
    if problem.code is ProblemCode.EMPTY:
        return QCoreApplication.translate("MessageSets", "Der Text ist leer.")
    if problem.code is ProblemCode.RENDER_FAILED:
        return QCoreApplication.translate(
            "MessageSets",
            "Die Vorlage ließ sich nicht füllen ({reason}). Bitte schreiben Sie den Text selbst.",
        ).format(reason=p.get("reason", ""))
    if problem.code is ProblemCode.TOO_LONG:
        return part + QCoreApplication.translate(
            "MessageSets",
            "Zu lang: {length} von höchstens {limit}. Kürzen oder „Als Thread aufteilen“.",
        ).format(length=p.get("length", "?"), limit=p.get("limit", "?"))
    if problem.code is ProblemCode.SUBJECT_LONG:
        return QCoreApplication.translate(
            "MessageSets", "Betreff lang: {length} Zeichen (empfohlen höchstens {limit})."
        ).format(length=p.get("length", "?"), limit=p.get("limit", "?"))
    if problem.code is ProblemCode.ALT_TEXT_MISSING:
        return QCoreApplication.translate(
            "MessageSets", "Ein Bild hat keinen Alternativtext. Ohne ihn keine Freigabe."
        )
    if problem.code is ProblemCode.INCOMPLETE:
        missing = [element_name(Element(e)) for e in p.get("missing", "").split(",") if e]
        return QCoreApplication.translate(
            "MessageSets", "Erstmeldung unvollständig – es fehlt: {missing}."
        ).format(missing=", ".join(missing))
    if problem.code is ProblemCode.STALE_FACTS:
        return QCoreApplication.translate(
            "MessageSets",
            "Die Fakten haben sich seit dem Erstellen geändert ({fields}). Bitte die "
            "Meldungen neu erstellen.",
        ).format(fields=", ".join(p.get("fields", "").split(",")))
    if problem.code is ProblemCode.EXAMPLE_FACT:
        return QCoreApplication.translate(
            "MessageSets", "„{field}“ hat noch den Beispielwert aus dem Playbook."
        ).format(field=p.get("field", ""))
    return problem.code.value
