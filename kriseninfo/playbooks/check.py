"""Checking a playbook completely: YAML, schema, every template in every language rendered
with the example values and measured against its channel's limits, parameters, phases,
injects, and plain language. Each problem names its line and field."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kriseninfo.playbooks import limits, plain, templates
from kriseninfo.playbooks.problems import Problem, ProblemCode, Severity, sorted_problems
from kriseninfo.playbooks.render import values_from_examples
from kriseninfo.playbooks.schema import (
    GERMAN,
    REQUIRED_LANGUAGES,
    ChannelKind,
    Language,
    Parameter,
    ParameterType,
    Playbook,
    parse_offset,
)
from kriseninfo.playbooks.schema_errors import PathT, dotted, nearest, schema_problems
from kriseninfo.playbooks.yamlfile import MAX_BYTES, Document, YamlProblem, load
from kriseninfo.validation import PHONE, URL

RESERVED_NAMES = frozenset({"hashtags", "link"})
MAX_STREETS = 200
_TIME = re.compile(r"^([01]?\d|2[0-3]):[0-5]\d$")


@dataclass(frozen=True)
class CheckResult:
    playbook: Playbook | None
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    @property
    def ok(self) -> bool:
        return self.playbook is not None and not self.errors


def check_file(path: Path, bundled: bool = False) -> CheckResult:
    """Check a file; a file that cannot be read is one CANNOT_READ problem."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:  # refused before reading: a 50 MB file must not fill memory
            return CheckResult(
                None,
                [
                    Problem(
                        ProblemCode.TOO_LARGE,
                        Severity.ERROR,
                        f"file is {size:,} bytes; a playbook may have at most {MAX_BYTES:,}",
                        params={"size": str(size), "limit": str(MAX_BYTES)},
                    )
                ],
            )
        raw = path.read_bytes()
    except OSError as exc:
        problem = Problem(
            ProblemCode.CANNOT_READ,
            Severity.ERROR,
            f"cannot read: {exc.strerror or exc}",
            params={"reason": exc.strerror or str(exc)},
        )
        return CheckResult(None, [problem])
    return check_bytes(raw, bundled=bundled)


def check_bytes(raw: bytes, bundled: bool = False) -> CheckResult:
    try:
        document = load(raw)
    except YamlProblem as exc:
        return CheckResult(None, [exc.problem])
    return check_document(document, bundled=bundled)


def check_document(document: Document, bundled: bool = False) -> CheckResult:
    try:
        playbook = Playbook.model_validate(document.data)
    except ValidationError as exc:
        problems = schema_problems(exc.errors(), document)
        return CheckResult(None, sorted_problems(problems))
    checker = _Checker(playbook, document, bundled)
    return CheckResult(playbook, sorted_problems(checker.run()))


# -- meaning -------------------------------------------------------------------------------


class _Checker:
    def __init__(self, playbook: Playbook, document: Document, bundled: bool):
        self.playbook = playbook
        self.document = document
        self.bundled = bundled
        self.problems: list[Problem] = []
        self.used_names: set[str] = set()
        self.all_parsed = True  # an unparsable template hides which names it uses

    def run(self) -> list[Problem]:
        self._duplicates()
        self._parameters()
        values = values_from_examples(self.playbook)
        self._phases(values)
        self._answers(values)
        self._cap(values)
        self._injects()
        self._unused_parameters()
        return self.problems

    def add(
        self,
        code: ProblemCode,
        loc: PathT,
        message: str,
        *,
        warning: bool = False,
        line_offset: int = 0,
        **params: object,
    ) -> None:
        line = self.document.line_of(loc)
        if line is not None and line_offset:
            line += line_offset
        self.problems.append(
            Problem(
                code,
                Severity.WARNING if warning else Severity.ERROR,
                message,
                dotted(loc),
                line,
                {k: str(v) for k, v in params.items()},
            )
        )

    def _duplicates(self) -> None:
        groups: list[tuple[str, list[str]]] = [
            ("parameters", [p.id for p in self.playbook.parameters]),
            ("phases", [p.id for p in self.playbook.phases]),
            ("answers", [a.id for a in self.playbook.answers]),
        ]
        for group, ids in groups:
            seen: set[str] = set()
            for index, item_id in enumerate(ids):
                if item_id in seen:
                    self.add(
                        ProblemCode.DUPLICATE_ID,
                        (group, index, "id"),
                        f"id '{item_id}' is used twice in {group}",
                        id=item_id,
                    )
                seen.add(item_id)

    def _parameters(self) -> None:
        for index, parameter in enumerate(self.playbook.parameters):
            loc: PathT = ("parameters", index, "example")
            if parameter.id in RESERVED_NAMES:
                self.add(
                    ProblemCode.INVALID_VALUE,
                    ("parameters", index, "id"),
                    f"'{parameter.id}' is reserved for the channel's own values",
                    value=parameter.id,
                    reason="reserved",
                    suggestion="",
                )
            reason = _example_problem(parameter)
            if reason:
                self.add(
                    ProblemCode.EXAMPLE_INVALID,
                    loc,
                    f"example of '{parameter.id}' ({parameter.type.value}): {reason}",
                    parameter=parameter.id,
                    type=parameter.type.value,
                    reason=reason,
                )

    def _channel_values(self, kind: ChannelKind, values: dict[str, Any]) -> dict[str, Any]:
        extras = self.playbook.channels.get(kind)
        link = ""
        if extras and extras.link:
            link = self._render(extras.link, values, ("channels", kind.value, "link")) or ""
        hashtags = " ".join(extras.hashtags) if extras else ""
        return {**values, "hashtags": hashtags, "link": link}

    def _render(self, source: str, values: dict[str, Any], loc: PathT) -> str | None:
        """Render one template; a failure becomes a problem and None."""
        try:
            parsed = templates.parse(source)
        except templates.TemplateSyntaxError as exc:
            self.all_parsed = False
            self.add(
                ProblemCode.TEMPLATE_SYNTAX,
                loc,
                f"template syntax: {exc.message}",
                line_offset=self._offset(loc, exc.lineno),
                detail=exc.message or "",
            )
            return None
        except templates.TemplateUnsafe as exc:
            self.all_parsed = False
            self.add(
                ProblemCode.TEMPLATE_UNSAFE,
                loc,
                str(exc),
                line_offset=self._offset(loc, exc.lineno),
                construct=exc.construct,
            )
            return None
        self.used_names |= parsed.names
        undeclared = sorted(parsed.names - set(values))
        if undeclared:
            declared = [p.id for p in self.playbook.parameters]
            for name in undeclared:
                suggestion = nearest(name, declared) or ""
                hint = f"; did you mean '{suggestion}'?" if suggestion else ""
                self.add(
                    ProblemCode.TEMPLATE_UNDECLARED,
                    loc,
                    f"'{name}' is not a declared parameter{hint}",
                    name=name,
                    suggestion=suggestion,
                )
            return None
        try:
            return templates.render(source, values)
        except templates.SecurityError as exc:
            self.add(
                ProblemCode.TEMPLATE_UNSAFE, loc, f"template refused: {exc}", construct=str(exc)
            )
        except Exception as exc:  # whatever a template does, the check reports it
            self.add(
                ProblemCode.TEMPLATE_FAILED,
                loc,
                f"template fails with the example values: {exc}",
                reason=str(exc),
            )
        return None

    def _offset(self, loc: PathT, lineno: int | None) -> int:
        """Template line → file line: block scalars (|, >) start on the next line."""
        if not lineno:
            return 0
        raw_line = self.document.line_of(loc)
        return (lineno - 1) + (1 if raw_line and self._is_block(loc) else 0)

    def _is_block(self, loc: PathT) -> bool:
        value: Any = self.document.data
        for part in loc:
            try:
                value = value[part]
            except (KeyError, IndexError, TypeError):
                return False
        return isinstance(value, str) and "\n" in value

    def _phases(self, values: dict[str, Any]) -> None:
        for p_index, phase in enumerate(self.playbook.phases):
            if not phase.messages:
                self.add(
                    ProblemCode.FIELD_MISSING,
                    ("phases", p_index, "messages"),
                    f"phase '{phase.id}' has no message templates",
                    field="messages",
                )
            for kind, by_language in phase.messages.items():
                base: PathT = ("phases", p_index, "messages", kind.value)
                self._languages(by_language, base)
                context = self._channel_values(kind, values)
                for language, template in by_language.items():
                    loc = (*base, language.value)
                    self._template_fields(kind, template.model_dump(exclude_none=True), loc)
                    for field, source in template.model_dump(exclude_none=True).items():
                        self._text(source, context, (*loc, field), language, kind, field)

    def _text(
        self,
        source: str,
        context: dict[str, Any],
        loc: PathT,
        language: Language,
        kind: ChannelKind | None = None,
        field: str = "text",
    ) -> None:
        """Render with every example, then once more without the optional parameters:
        an empty optional field must still give a sound text that fits."""
        text = self._render(source, context, loc)
        if text is None:
            return
        variants = [text]
        optional = {p.id for p in self.playbook.parameters if not p.required}
        used = templates.parse(source).names & optional
        if used:
            reduced = {k: v for k, v in context.items() if k not in used}
            try:
                variants.append(templates.render(source, reduced))
            except Exception as exc:  # see _render
                names = ", ".join(sorted(used))
                self.add(
                    ProblemCode.TEMPLATE_FAILED,
                    loc,
                    f"template fails when the optional parameter(s) {names} are empty: "
                    f"{exc}; guard them with {{% if … is defined %}}",
                    reason=f"{names}: {exc}",
                )
        for variant in dict.fromkeys(variants):
            if kind is not None:
                self._limit(kind, field, variant, loc)
            self._plain(variant, language, loc)

    def _languages(self, by_language: dict[Language, Any], loc: PathT) -> None:
        for language in REQUIRED_LANGUAGES:
            if language in by_language:
                continue
            required = self.bundled or language is Language.DE
            self.add(
                ProblemCode.LANGUAGE_MISSING,
                loc,
                f"no text in '{language.value}'",
                warning=not required,
                language=language.value,
            )

    def _template_fields(self, kind: ChannelKind, fields: dict[str, str], loc: PathT) -> None:
        for name in sorted(limits.REQUIRED_FIELDS[kind] - set(fields)):
            self.add(
                ProblemCode.FIELD_MISSING,
                loc,
                f"a {kind.value} text needs '{name}'",
                field=name,
                kind=kind.value,
            )
        for name in sorted(set(fields) - limits.ALLOWED_FIELDS[kind]):
            self.add(
                ProblemCode.FIELD_NOT_ALLOWED,
                (*loc, name),
                f"a {kind.value} text has no '{name}'",
                field=name,
                kind=kind.value,
            )

    def _limit(self, kind: ChannelKind, field: str, text: str, loc: PathT) -> None:
        measured = limits.measure(kind, field, text)
        if measured is None:
            return
        length, limit = measured
        if length > limit.maximum:
            self.add(
                ProblemCode.TOO_LONG,
                loc,
                f"{length} {limit.unit} with the example values; "
                f"{kind.value} allows {limit.describe()}",
                length=length,
                maximum=limit.maximum,
                unit=limit.unit,
                kind=kind.value,
            )

    def _plain(self, text: str, language: Language, loc: PathT) -> None:
        if language not in GERMAN:
            return
        for sentence in plain.long_sentences(text, language):
            self.add(
                ProblemCode.SENTENCE_TOO_LONG,
                loc,
                f"sentence of {sentence.words} words (at most {sentence.limit}): "
                f"'{sentence.start}'",
                warning=True,
                words=sentence.words,
                limit=sentence.limit,
                start=sentence.start,
            )
        for word in plain.official(text, language):
            self.add(
                ProblemCode.BEAMTENDEUTSCH,
                loc,
                f"'{word.word}' is official German; say '{word.suggestion}'",
                warning=True,
                word=word.word,
                suggestion=word.suggestion,
            )

    def _answers(self, values: dict[str, Any]) -> None:
        for index, answer in enumerate(self.playbook.answers):
            base: PathT = ("answers", index, "texts")
            self._languages(answer.texts, base)
            for language, source in answer.texts.items():
                self._text(source, values, (*base, language.value), language)

    def _cap(self, values: dict[str, Any]) -> None:
        cap = self.playbook.cap
        if cap is None:
            return
        self._render(cap.area.description, values, ("cap", "area", "description"))
        name = cap.area.radius_parameter
        if name is None:
            return
        self.used_names.add(name)
        parameter = self.playbook.parameter(name)
        if parameter is None or parameter.type is not ParameterType.RADIUS:
            self.add(
                ProblemCode.CAP_PARAMETER,
                ("cap", "area", "radius_parameter"),
                f"'{name}' is not a radius_m parameter",
                name=name,
            )

    def _injects(self) -> None:
        phases = {p.id for p in self.playbook.phases}
        answers = {a.id for a in self.playbook.answers}
        end = parse_offset(self.playbook.drill_duration) if self.playbook.drill_duration else None
        previous = None
        for index, inject in enumerate(self.playbook.injects):
            loc: PathT = ("injects", index)
            if inject.phase is not None and inject.phase not in phases:
                suggestion = nearest(inject.phase, phases) or ""
                self.add(
                    ProblemCode.INJECT_PHASE_UNKNOWN,
                    (*loc, "phase"),
                    f"no phase '{inject.phase}'",
                    name=inject.phase,
                    suggestion=suggestion,
                )
            answer = inject.expect.answer
            if answer is not None and answer not in answers:
                suggestion = nearest(answer, answers) or ""
                self.add(
                    ProblemCode.INJECT_ANSWER_UNKNOWN,
                    (*loc, "expect", "answer"),
                    f"no Textbaustein '{answer}'",
                    name=answer,
                    suggestion=suggestion,
                )
            offset = inject.offset
            if previous is not None and offset < previous:
                self.add(
                    ProblemCode.INJECT_ORDER,
                    (*loc, "at"),
                    f"inject at {inject.at} comes before the one above it",
                    warning=True,
                    at=inject.at,
                )
            if end is not None and offset > end:
                self.add(
                    ProblemCode.INJECT_AFTER_END,
                    (*loc, "at"),
                    f"inject at {inject.at} is after the drill ends "
                    f"({self.playbook.drill_duration})",
                    warning=True,  # the drill still runs; the inject never arrives
                    at=inject.at,
                    end=self.playbook.drill_duration or "",
                )
            previous = offset

    def _unused_parameters(self) -> None:
        if not self.all_parsed:
            return
        for index, parameter in enumerate(self.playbook.parameters):
            if parameter.id not in self.used_names:
                self.add(
                    ProblemCode.PARAMETER_UNUSED,
                    ("parameters", index, "id"),
                    f"parameter '{parameter.id}' is used by no template",
                    warning=not parameter.required,
                    parameter=parameter.id,
                )


def _example_problem(parameter: Parameter) -> str:
    """Why the example does not fit the parameter's type, or ''."""
    value = parameter.example
    kind = parameter.type
    if kind is ParameterType.STREET_LIST:
        if not isinstance(value, list) or not value:
            return "expected a list of streets"
        if len(value) > MAX_STREETS:
            return f"at most {MAX_STREETS} streets"
        return ""
    if kind in (ParameterType.RADIUS, ParameterType.DURATION):
        ok = isinstance(value, int) and not isinstance(value, bool) and value > 0
        unit = "metres" if kind is ParameterType.RADIUS else "minutes"
        return "" if ok else f"expected a whole number of {unit} above 0"
    if kind is ParameterType.NUMBER:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        return "" if ok else "expected a number"
    if not isinstance(value, str) or not value.strip():
        return "expected text"
    patterns = {
        ParameterType.TIME: (_TIME, "expected a time like 14:30"),
        ParameterType.PHONE: (PHONE, "expected a phone number"),
        ParameterType.URL: (URL, "expected a link starting with https://"),
    }
    if kind in patterns:
        pattern, reason = patterns[kind]
        return "" if pattern.fullmatch(value.strip()) else reason
    return ""


def iter_texts(playbook: Playbook) -> Iterator[tuple[str, ChannelKind, Language, str, str]]:
    """(phase id, channel kind, language, field, template source) of every message text."""
    for phase in playbook.phases:
        for kind, by_language in phase.messages.items():
            for language, template in by_language.items():
                for field, source in template.model_dump(exclude_none=True).items():
                    yield phase.id, kind, language, field, source
