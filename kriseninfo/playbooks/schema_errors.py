"""Turning pydantic's validation errors into problems that name the line and field of the
playbook and suggest the nearest valid key or value."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from kriseninfo.playbooks.problems import Problem, ProblemCode, Severity
from kriseninfo.playbooks.schema import Playbook
from kriseninfo.playbooks.yamlfile import Document

PathT = tuple[str | int, ...]


def schema_problems(errors: list[ErrorDetails], document: Document) -> list[Problem]:
    """One problem per place: a value that fits none of a union's types (e.g. an example
    that is neither text, number nor list) is reported once, not once per type."""
    seen: set[tuple[ProblemCode, str]] = set()
    problems = []
    for error in errors:
        problem = schema_problem(error, document)
        if (problem.code, problem.path) not in seen:
            seen.add((problem.code, problem.path))
            problems.append(problem)
    return problems


def _in_document(loc: PathT, data: Any) -> PathT:
    """`loc` without the parts pydantic adds that are not in the file (union member tags)."""
    kept: list[str | int] = []
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            continue
        kept.append(part)
    return tuple(kept)


def schema_problem(error: ErrorDetails, document: Document) -> Problem:
    loc = tuple(error["loc"])
    key_error = bool(loc) and loc[-1] == "[key]"
    if key_error:
        loc = loc[:-1]
    if error["type"] not in ("extra_forbidden", "missing") and not key_error:
        loc = _in_document(loc, document.data)
    path = dotted(loc)
    line = document.line_of(loc)
    kind = error["type"]
    if kind == "extra_forbidden":
        key = str(loc[-1])
        suggestion = nearest(key, _fields_at(loc[:-1]))
        hint = f"; did you mean '{suggestion}'?" if suggestion else ""
        return Problem(
            ProblemCode.UNKNOWN_KEY,
            Severity.ERROR,
            f"unknown key '{key}'{hint}",
            path,
            line,
            {"key": key, "suggestion": suggestion or ""},
        )
    if kind == "missing":
        key = str(loc[-1])
        return Problem(
            ProblemCode.MISSING_KEY, Severity.ERROR, f"'{key}' is missing", path, line, {"key": key}
        )
    given = error.get("input")
    expected = str((error.get("ctx") or {}).get("expected", ""))
    suggestion = ""
    if kind == "enum" and isinstance(given, str):
        choices = [c.strip(" '") for c in expected.replace(" or ", ",").split(",")]
        suggestion = nearest(given, [c for c in choices if c]) or ""
    hint = f"; did you mean '{suggestion}'?" if suggestion else ""
    quote = kind == "string_type" and isinstance(given, dict | int | float | bool)
    if quote:
        # `Frage: Antwort?` or a bare 112 is read as a mapping or a number, not as text.
        hint = '; put the text in quotes, e.g. "…"'
    what = "key" if key_error else "value"
    return Problem(
        ProblemCode.INVALID_VALUE,
        Severity.ERROR,
        f"invalid {what} {_short(given)}: {error['msg']}{hint}",
        path,
        line,
        {
            "value": _short(given),
            "reason": error["msg"],
            "suggestion": suggestion,
            "quote": "yes" if quote else "",
            "type": kind,
            "expected": expected,
        },
    )


def _fields_at(loc: PathT) -> list[str]:
    """The keys a mapping at `loc` may have, found by walking the schema's types."""
    current: Any = Playbook
    for part in loc:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(part))
            if field is None:
                return []
            current = field.annotation
        elif typing.get_origin(current) in (list, dict):
            current = typing.get_args(current)[-1]
        else:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    if typing.get_origin(current) is dict:
        key_type = typing.get_args(current)[0]
        if isinstance(key_type, type) and issubclass(key_type, str) and key_type is not str:
            return [member.value for member in key_type]  # type: ignore[attr-defined]
    return []


def _unwrap(annotation: Any) -> Any:
    """Optional[X] → X, Annotated[X, …] → X."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(options) != 1:
                return annotation
            annotation = options[0]
        else:
            return annotation


def nearest(word: str, choices: Iterable[str]) -> str | None:
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


def dotted(loc: PathT) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"
