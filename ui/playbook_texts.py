"""German (and, through Qt translation, English) text for playbook check problems and
the playbook format's closed sets."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kriseninfo.playbooks.kinds import Category, ChannelKind, Language
from kriseninfo.playbooks.problems import Problem, ProblemCode


def problem_text(problem: Problem) -> str:
    p = problem.params
    code = problem.code
    texts = {
        ProblemCode.CANNOT_READ: QCoreApplication.translate(
            "Problems", "Die Datei lässt sich nicht lesen: {reason}"
        ),
        ProblemCode.TOO_LARGE: QCoreApplication.translate(
            "Problems", "Die Datei ist zu groß ({size} Bytes, höchstens {limit})."
        ),
        ProblemCode.NOT_UTF8: QCoreApplication.translate(
            "Problems", "Die Datei enthält Zeichen, die kein UTF-8 sind."
        ),
        ProblemCode.YAML_SYNTAX: QCoreApplication.translate("Problems", "YAML-Fehler: {detail}"),
        ProblemCode.YAML_TOO_DEEP: QCoreApplication.translate(
            "Problems", "Die Datei ist zu tief verschachtelt."
        ),
        ProblemCode.YAML_ALIAS: QCoreApplication.translate(
            "Problems", "Anker und Verweise (&, *) sind in Playbooks nicht erlaubt."
        ),
        ProblemCode.YAML_TAG: QCoreApplication.translate(
            "Problems", "YAML-Tags wie {tag} sind nicht erlaubt."
        ),
        ProblemCode.YAML_DUPLICATE_KEY: QCoreApplication.translate(
            "Problems", "Der Schlüssel „{key}“ steht doppelt da."
        ),
        ProblemCode.NOT_A_MAPPING: QCoreApplication.translate(
            "Problems", "Ein Playbook besteht aus Schlüsseln und Werten (id, title, …)."
        ),
        ProblemCode.UNKNOWN_KEY: QCoreApplication.translate(
            "Problems", "Unbekannter Schlüssel „{key}“."
        ),
        ProblemCode.MISSING_KEY: QCoreApplication.translate("Problems", "„{key}“ fehlt."),
        ProblemCode.INVALID_VALUE: QCoreApplication.translate(
            "Problems", "Ungültiger Wert {value}: {why}"
        ),
        ProblemCode.DUPLICATE_ID: QCoreApplication.translate(
            "Problems", "Die id „{id}“ kommt zweimal vor."
        ),
        ProblemCode.EXAMPLE_INVALID: QCoreApplication.translate(
            "Problems", "Das Beispiel für „{parameter}“ passt nicht zum Typ {type}: {reason}"
        ),
        ProblemCode.FIELD_MISSING: QCoreApplication.translate("Problems", "Hier fehlt „{field}“."),
        ProblemCode.FIELD_NOT_ALLOWED: QCoreApplication.translate(
            "Problems", "„{field}“ gibt es für {kind} nicht."
        ),
        ProblemCode.LANGUAGE_MISSING: QCoreApplication.translate(
            "Problems", "Der Text in der Sprache „{language}“ fehlt."
        ),
        ProblemCode.TEMPLATE_SYNTAX: QCoreApplication.translate(
            "Problems", "Fehler in der Vorlage: {detail}"
        ),
        ProblemCode.TEMPLATE_UNDECLARED: QCoreApplication.translate(
            "Problems", "„{name}“ ist kein Parameter dieses Playbooks."
        ),
        ProblemCode.TEMPLATE_UNSAFE: QCoreApplication.translate(
            "Problems", "Diese Vorlage verwendet etwas, das nicht erlaubt ist: {construct}"
        ),
        ProblemCode.TEMPLATE_FAILED: QCoreApplication.translate(
            "Problems", "Die Vorlage lässt sich mit den Beispielwerten nicht füllen: {reason}"
        ),
        ProblemCode.PARAMETER_UNUSED: QCoreApplication.translate(
            "Problems", "Der Parameter „{parameter}“ wird in keiner Vorlage verwendet."
        ),
        ProblemCode.TOO_LONG: QCoreApplication.translate(
            "Problems", "Zu lang: {length} statt höchstens {maximum} ({unit})."
        ),
        ProblemCode.INJECT_PHASE_UNKNOWN: QCoreApplication.translate(
            "Problems", "Es gibt keine Phase „{name}“."
        ),
        ProblemCode.INJECT_ANSWER_UNKNOWN: QCoreApplication.translate(
            "Problems", "Es gibt keinen Textbaustein „{name}“."
        ),
        ProblemCode.INJECT_ORDER: QCoreApplication.translate(
            "Problems", "Die Einspielung um {at} steht vor einer früheren."
        ),
        ProblemCode.INJECT_AFTER_END: QCoreApplication.translate(
            "Problems", "Die Einspielung um {at} liegt nach dem Übungsende ({end})."
        ),
        ProblemCode.CAP_PARAMETER: QCoreApplication.translate(
            "Problems", "„{name}“ ist kein Radius-Parameter (radius_m)."
        ),
        ProblemCode.SENTENCE_TOO_LONG: QCoreApplication.translate(
            "Problems", "Satz mit {words} Wörtern (höchstens {limit}): „{start}“"
        ),
        ProblemCode.CHECK_FAILED: QCoreApplication.translate(
            "Problems", "Die Prüfung ist gescheitert: {reason}"
        ),
        ProblemCode.BEAMTENDEUTSCH: QCoreApplication.translate(
            "Problems", "„{word}“ ist Amtsdeutsch. Besser: „{suggestion}“."
        ),
    }
    values = _Missing(p)
    values["why"] = _why_invalid(p)
    if "unit" in values:
        values["unit"] = unit_name(values["unit"])
    text = texts[code].format_map(values)
    if p.get("quote"):
        text += " " + QCoreApplication.translate(
            "Problems", 'Setzen Sie den Text in Anführungszeichen, z. B. "Frage: Antwort?".'
        )
    suggestion = p.get("suggestion")
    if suggestion and code is not ProblemCode.BEAMTENDEUTSCH:
        text += " " + QCoreApplication.translate("Problems", "Meinten Sie „{suggestion}“?").format(
            suggestion=suggestion
        )
    return text


class _Missing(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"


def channel_name(kind: ChannelKind) -> str:
    names = {
        ChannelKind.SOCIAL_SHORT: QCoreApplication.translate("Names", "Kurzer Beitrag"),
        ChannelKind.WEB_LONG: QCoreApplication.translate("Names", "Webseite"),
        ChannelKind.EMAIL: QCoreApplication.translate("Names", "E-Mail / Pressemitteilung"),
        ChannelKind.SMS: QCoreApplication.translate("Names", "SMS"),
        ChannelKind.ALERT: QCoreApplication.translate("Names", "Warnung (CAP)"),
    }
    return names[kind]


def language_name(language: Language) -> str:
    names = {
        Language.DE: QCoreApplication.translate("Names", "Deutsch"),
        Language.LEICHTE_SPRACHE: QCoreApplication.translate("Names", "Leichte Sprache"),
        Language.EN: QCoreApplication.translate("Names", "Englisch"),
        Language.TR: QCoreApplication.translate("Names", "Türkisch"),
        Language.AR: QCoreApplication.translate("Names", "Arabisch"),
        Language.UK: QCoreApplication.translate("Names", "Ukrainisch"),
        Language.RU: QCoreApplication.translate("Names", "Russisch"),
    }
    return names[language]


def category_name(category: Category) -> str:
    names = {
        Category.FRAGE: QCoreApplication.translate("Names", "Frage"),
        Category.HINWEIS: QCoreApplication.translate("Names", "Hinweis"),
        Category.GERUECHT: QCoreApplication.translate("Names", "Gerücht"),
        Category.BESCHWERDE: QCoreApplication.translate("Names", "Beschwerde"),
        Category.PRESSEANFRAGE: QCoreApplication.translate("Names", "Presseanfrage"),
        Category.NOTFALL: QCoreApplication.translate("Names", "Notfall"),
        Category.SONSTIGES: QCoreApplication.translate("Names", "Sonstiges"),
    }
    return names[category]


def field_name(field: str) -> str:
    names = {
        "subject": QCoreApplication.translate("Names", "Betreff / Überschrift"),
        "headline": QCoreApplication.translate("Names", "Schlagzeile"),
        "text": QCoreApplication.translate("Names", "Text"),
        "instruction": QCoreApplication.translate("Names", "Handlungsempfehlung"),
    }
    return names.get(field, field)


def unit_name(unit: str) -> str:
    """The core's unit, e.g. "graphemes (bluesky)" for the strictest social platform."""
    from kriseninfo.counting.platforms import Platform
    from kriseninfo_ui.messageset_texts import platform_name

    base, _, platform = unit.partition(" (")
    names = {
        "characters": QCoreApplication.translate("Names", "Zeichen"),
        "graphemes": QCoreApplication.translate("Names", "Zeichen"),
        "UTF-16 code units": QCoreApplication.translate("Names", "Zeichen"),
        "weighted characters": QCoreApplication.translate("Names", "Zeichen (gewichtet)"),
        "SMS segments": QCoreApplication.translate("Names", "SMS-Teile"),
    }
    text = names.get(base, base)
    platform = platform.rstrip(")")
    if platform in {p.value for p in Platform}:
        text += f" – {platform_name(Platform(platform))}"
    return text


def _why_invalid(params: dict[str, str]) -> str:
    """The schema's reason in plain words; pydantic's own English text only as a last resort."""
    kind, expected = params.get("type", ""), params.get("expected", "")
    texts = {
        "string_type": QCoreApplication.translate("Problems", "Hier gehört ein Text hin."),
        "int_type": QCoreApplication.translate("Problems", "Hier gehört eine ganze Zahl hin."),
        "int_parsing": QCoreApplication.translate("Problems", "Hier gehört eine ganze Zahl hin."),
        "bool_type": QCoreApplication.translate("Problems", "Hier gehört true oder false hin."),
        "list_type": QCoreApplication.translate("Problems", "Hier gehört eine Liste hin (- …)."),
        "dict_type": QCoreApplication.translate(
            "Problems", "Hier gehören Schlüssel und Werte hin."
        ),
        "date_from_datetime_parsing": QCoreApplication.translate(
            "Problems", "Hier gehört ein Datum hin, z. B. 2026-10-01."
        ),
        "date_parsing": QCoreApplication.translate(
            "Problems", "Hier gehört ein Datum hin, z. B. 2026-10-01."
        ),
        "string_pattern_mismatch": QCoreApplication.translate(
            "Problems", "Die Schreibweise passt nicht (ids: nur a–z, 0–9 und _)."
        ),
        "string_too_short": QCoreApplication.translate("Problems", "Das darf nicht leer sein."),
        "too_short": QCoreApplication.translate("Problems", "Hier fehlt mindestens ein Eintrag."),
        "string_too_long": QCoreApplication.translate("Problems", "Der Text ist zu lang."),
    }
    if kind == "enum":
        return QCoreApplication.translate("Problems", "Erlaubt sind: {choices}").format(
            choices=expected
        )
    return texts.get(kind, params.get("reason", ""))
