"""The playbook check: every kind of mistake is found, named by line and field, and the
nearest valid key is suggested."""

from __future__ import annotations

from pathlib import Path

import pytest

from kriseninfo.playbooks.check import CheckResult, check_bytes
from kriseninfo.playbooks.problems import ProblemCode, Severity

MINIMAL = Path(__file__).parent / "data" / "minimal_playbook.yaml"


def minimal() -> str:
    return MINIMAL.read_text(encoding="utf-8")


def check(text: str, bundled: bool = True) -> CheckResult:
    return check_bytes(text.encode("utf-8"), bundled=bundled)


def codes(result: CheckResult) -> set[ProblemCode]:
    return {p.code for p in result.problems}


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_minimal_playbook_is_clean() -> None:
    result = check(minimal())
    assert result.ok and result.problems == []
    book = result.playbook
    assert book is not None and book.released
    assert [lang.value for lang in book.languages] == ["de", "de-x-ls", "en"]


def test_unknown_key_names_line_and_suggests_the_right_one() -> None:
    text = minimal().replace("    checklist:", "    checklst:")
    result = check(text)
    (problem,) = result.problems
    assert problem.code is ProblemCode.UNKNOWN_KEY
    assert problem.line == line_of(text, "checklst")
    assert problem.path == "phases[0].checklst"
    assert problem.params["suggestion"] == "checklist"
    assert "did you mean 'checklist'" in problem.message


def test_wrong_enum_value_suggests_the_nearest() -> None:
    text = minimal().replace("kind: sonstige", "kind: unweter")
    (problem,) = check(text).problems
    assert problem.code is ProblemCode.INVALID_VALUE
    assert problem.params["suggestion"] == "unwetter"
    assert problem.line == line_of(text, "kind: unweter")


def test_wrong_channel_key_suggests_the_nearest() -> None:
    text = minimal().replace("      sms:", "      smss:")
    problems = check(text).problems
    assert problems[0].params["suggestion"] == "sms"
    assert problems[0].line == line_of(text, "smss:")


def test_wrong_type_and_missing_key() -> None:
    text = minimal().replace('version: "1.2"', "version: [1]").replace("title: Testlage\n", "")
    result = check(text)
    assert codes(result) == {ProblemCode.INVALID_VALUE, ProblemCode.MISSING_KEY}
    missing = next(p for p in result.problems if p.code is ProblemCode.MISSING_KEY)
    assert missing.params["key"] == "title"
    assert missing.line == line_of(text, "id: testlage")  # where the mapping starts


def test_duplicate_ids() -> None:
    text = minimal().replace("  - id: radius", "  - id: ort")
    result = check(text)
    assert ProblemCode.DUPLICATE_ID in codes(result)


def test_template_syntax_error_points_into_the_block() -> None:
    text = minimal().replace(
        "Nächste Meldung um {{ uhrzeit }} Uhr.", "Nächste Meldung um {{ uhrzeit } Uhr."
    )
    (problem,) = check(text).errors
    assert problem.code is ProblemCode.TEMPLATE_SYNTAX
    assert problem.line == line_of(text, "{{ uhrzeit } Uhr")


@pytest.mark.parametrize(
    "escape",
    [
        "{{ ort.__class__.__mro__ }}",
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
        "{% for x in range(99999999) %}x{% endfor %}",
        "{{ ort.ljust(999999999) }}",
        "{% include '/etc/passwd' %}",
        "{{ 9 ** 99999 }}",
        "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
        "{{ ort | format(1) }}",
    ],
)
def test_sandbox_escapes_are_refused(escape: str) -> None:
    text = minimal().replace('Es besteht Gefahr.", instruction', escape + '", instruction', 1)
    result = check(text)
    assert ProblemCode.TEMPLATE_UNSAFE in codes(result) or ProblemCode.TEMPLATE_UNDECLARED in codes(
        result
    ), result.problems
    assert not result.ok


def test_text_multiplication_cannot_fill_the_memory() -> None:
    text = minimal().replace('Es besteht Gefahr.", instruction', '{{ ort * 100000 }}", instruction')
    result = check(text)
    assert ProblemCode.TEMPLATE_UNSAFE in codes(result)


def test_undeclared_and_unused_parameters() -> None:
    text = minimal().replace("Abstand {{ radius }} m. Infos", "Abstand {{ radios }} m. Infos")
    result = check(text)
    undeclared = next(p for p in result.problems if p.code is ProblemCode.TEMPLATE_UNDECLARED)
    assert undeclared.params == {"name": "radios", "suggestion": "radius"}
    text = minimal().replace(
        "    example: https://www.moers.de/lage",
        "    example: https://www.moers.de/lage\n"
        "  - id: extra\n    type: text\n    label: Extra\n    example: x",
    )
    unused = [p for p in check(text).problems if p.code is ProblemCode.PARAMETER_UNUSED]
    assert [p.params["parameter"] for p in unused] == ["extra"]
    assert unused[0].severity is Severity.ERROR  # required but used nowhere


def test_texts_must_fit_their_channel() -> None:
    long_post = "Sehr lange Meldung. " * 20
    text = minimal().replace(
        "Danger at {{ ort }}. Keep {{ radius }} m away. {{ link }}",
        long_post + "{{ ort }} {{ radius }} {{ link }}",
    )
    too_long = [p for p in check(text).problems if p.code is ProblemCode.TOO_LONG]
    assert len(too_long) == 1
    assert too_long[0].path == "phases[0].messages.social_short.en.text"
    assert int(too_long[0].params["length"]) > 280


def test_sms_counts_segments() -> None:
    sms = "Achtung – Gefahr! " * 9  # the dash forces UCS-2: 67 units per segment
    text = minimal().replace('Gefahr in {{ ort }}. Bleiben Sie weg."}', sms + '{{ ort }}"}')
    problems = [p for p in check(text).problems if p.code is ProblemCode.TOO_LONG]
    assert problems and problems[0].params["unit"] == "SMS segments"


def test_missing_languages_are_errors_only_for_bundled_playbooks() -> None:
    text = minimal().replace(
        '        en: {text: "Danger at {{ ort }}. Keep {{ radius }} m away."}\n', ""
    )
    bundled = check(text, bundled=True)
    own = check(text, bundled=False)
    assert [p.code for p in bundled.errors] == [ProblemCode.LANGUAGE_MISSING]
    assert own.ok and [p.code for p in own.warnings] == [ProblemCode.LANGUAGE_MISSING]


def test_channel_fields_are_checked() -> None:
    text = minimal().replace(
        'subject: "Gefahr in {{ ort }}", text: "Bürgertelefon', 'text: "Bürgertelefon'
    )
    text = text.replace(
        'de: {text: "Gefahr in {{ ort }}. Abstand',
        'de: {headline: "x", text: "Gefahr in {{ ort }}. Abstand',
    )
    found = {(p.code, p.params.get("field")) for p in check(text).errors}
    assert (ProblemCode.FIELD_MISSING, "subject") in found
    assert (ProblemCode.FIELD_NOT_ALLOWED, "headline") in found


def test_injects_are_consistent() -> None:
    bad_id = minimal().replace("answer: wann_zurueck", "answer: wann_zurück_x")
    assert codes(check(bad_id)) == {ProblemCode.INVALID_VALUE}  # not even a valid id
    text = (
        minimal()
        .replace("phase: warnung", "phase: warnnug")
        .replace("answer: wann_zurueck", "answer: wann_zurueckk")
        .replace('at: "0:10"', 'at: "2:10"')
    )
    result = check(text)
    assert codes(result) == {
        ProblemCode.INJECT_PHASE_UNKNOWN,
        ProblemCode.INJECT_ANSWER_UNKNOWN,
        ProblemCode.INJECT_AFTER_END,
    }
    late = next(p for p in result.problems if p.code is ProblemCode.INJECT_AFTER_END)
    assert late.severity is Severity.WARNING  # a drill still runs without it
    phase = next(p for p in result.problems if p.code is ProblemCode.INJECT_PHASE_UNKNOWN)
    assert phase.params["suggestion"] == "warnung"
    answer = next(p for p in result.problems if p.code is ProblemCode.INJECT_ANSWER_UNKNOWN)
    assert answer.params["suggestion"] == "wann_zurueck"
    text = minimal().replace('at: "0:10"', 'at: "0:01"')
    order = [p for p in check(text).problems if p.code is ProblemCode.INJECT_ORDER]
    assert order and order[0].severity is Severity.WARNING


def test_plain_language_warnings_with_suggestions() -> None:
    text = minimal().replace(
        "Sobald die Gefahr vorbei ist.",
        "Gemäß der Lage werden Sie gebeten, unverzüglich und zwecks Ihrer eigenen Sicherheit "
        "aufgrund der Gefahrenabwehr das Gebiet zu verlassen und nicht zurückzukehren, bis "
        "wir es sagen.",
    )
    warnings = check(text).warnings
    words = {
        p.params.get("word"): p.params.get("suggestion")
        for p in warnings
        if p.code is ProblemCode.BEAMTENDEUTSCH
    }
    assert words["unverzüglich"] == "sofort" and words["gemäß"] == "nach"
    assert "aufgrund" in words and "zwecks" in words
    long = [p for p in warnings if p.code is ProblemCode.SENTENCE_TOO_LONG]
    assert long and int(long[0].params["words"]) > 20


def test_example_values_are_typed() -> None:
    text = (
        minimal()
        .replace("example: 500", 'example: "fünfhundert"')
        .replace('example: "14:30"', 'example: "halb drei"')
    )
    found = {
        p.params.get("parameter")
        for p in check(text).errors
        if p.code is ProblemCode.EXAMPLE_INVALID
    }
    assert found == {"radius", "uhrzeit"}


def test_cap_radius_must_be_a_radius_parameter() -> None:
    text = minimal().replace("radius_parameter: radius", "radius_parameter: ort")
    assert ProblemCode.CAP_PARAMETER in codes(check(text))


def test_optional_parameters_must_be_guarded() -> None:
    """An empty optional field must still give a text: `{% if x is defined %}` is needed."""
    text = minimal().replace("{% if hinweis is defined %}{{ hinweis }}{% endif %}", "{{ hinweis }}")
    (problem,) = check(text).errors
    assert problem.code is ProblemCode.TEMPLATE_FAILED
    assert "hinweis" in problem.params["reason"]
    assert problem.path == "phases[0].messages.web_long.de.text"


@pytest.mark.timeout(20)
@pytest.mark.parametrize(
    "attack",
    [
        "{{ '%0999999999d' % 1 }}",
        "{{ ort | replace('a', '" + "a" * 200 + "') | replace('a', '" + "a" * 200 + "')"
        " | replace('a', '" + "a" * 200 + "') }}",
        "{{ " + "(" * 400 + "1" + ")" * 400 + " }}",
        "{{ radius / 0 }}",
        "{{ radius // 0 }}",
    ],
)
def test_memory_and_recursion_attacks_are_reported(attack: str) -> None:
    """Each of these once crashed the check or ran it out of memory; now they are problems."""
    text = minimal().replace("Es besteht Gefahr.", attack.replace('"', '\\"'), 1)
    result = check(text)
    assert not result.ok
    assert codes(result) & {
        ProblemCode.TEMPLATE_UNSAFE,
        ProblemCode.TEMPLATE_FAILED,
        ProblemCode.TEMPLATE_SYNTAX,
    }


def test_division_by_zero_without_the_optional_parameter_is_reported() -> None:
    text = minimal().replace(
        "{% if hinweis is defined %}{{ hinweis }}{% endif %}",
        "{{ radius / (0 if hinweis is defined else 0) }}",
    )
    assert ProblemCode.TEMPLATE_FAILED in codes(check(text))
