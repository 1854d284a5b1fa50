"""What a playbook check reports: a stable code, where it is, English text, and parameters
the console uses to say it in German."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


class ProblemCode(enum.StrEnum):
    CANNOT_READ = "cannot_read"
    TOO_LARGE = "too_large"
    NOT_UTF8 = "not_utf8"
    YAML_SYNTAX = "yaml_syntax"
    YAML_TOO_DEEP = "yaml_too_deep"
    YAML_ALIAS = "yaml_alias"
    YAML_TAG = "yaml_tag"
    YAML_DUPLICATE_KEY = "yaml_duplicate_key"
    NOT_A_MAPPING = "not_a_mapping"
    UNKNOWN_KEY = "unknown_key"
    MISSING_KEY = "missing_key"
    INVALID_VALUE = "invalid_value"
    DUPLICATE_ID = "duplicate_id"
    EXAMPLE_INVALID = "example_invalid"
    FIELD_MISSING = "field_missing"
    FIELD_NOT_ALLOWED = "field_not_allowed"
    LANGUAGE_MISSING = "language_missing"
    TEMPLATE_SYNTAX = "template_syntax"
    TEMPLATE_UNDECLARED = "template_undeclared"
    TEMPLATE_UNSAFE = "template_unsafe"
    TEMPLATE_FAILED = "template_failed"
    PARAMETER_UNUSED = "parameter_unused"
    TOO_LONG = "too_long"
    INJECT_PHASE_UNKNOWN = "inject_phase_unknown"
    INJECT_ANSWER_UNKNOWN = "inject_answer_unknown"
    INJECT_ORDER = "inject_order"
    INJECT_AFTER_END = "inject_after_end"
    CAP_PARAMETER = "cap_parameter"
    SENTENCE_TOO_LONG = "sentence_too_long"
    BEAMTENDEUTSCH = "beamtendeutsch"
    CHECK_FAILED = "check_failed"


@dataclass(frozen=True)
class Problem:
    code: ProblemCode
    severity: Severity
    message: str
    path: str = ""
    line: int | None = None
    params: dict[str, str] = field(default_factory=dict)

    def located(self, file: Path | str) -> str:
        """`file:line: severity: [path] message` as compilers print it."""
        where = f"{file}:{self.line}" if self.line else str(file)
        at = f" [{self.path}]" if self.path else ""
        return f"{where}: {self.severity.value}:{at} {self.message}"


@dataclass(frozen=True)
class Problems:
    items: Sequence[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.WARNING]


def sort_key(problem: Problem) -> tuple[int, int, str]:
    return (problem.line or 0, 0 if problem.severity is Severity.ERROR else 1, problem.path)


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(problems, key=sort_key)
