"""Playbook templates: Jinja2 in its sandbox, strict about undefined names, and limited to
what a message needs (no loops, calls, macros or imports), so that no template can reach
Python internals, run for ever or fill the memory."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateSyntaxError, nodes
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

#: Filters a template may use, with the most arguments each may take.
ALLOWED_FILTERS: dict[str, int] = {
    "default": 2,
    "d": 2,
    "join": 1,
    "lower": 0,
    "upper": 0,
    "capitalize": 0,
    "title": 0,
    "trim": 0,
    "replace": 3,
    "round": 2,
    "int": 0,
    "float": 0,
    "string": 0,
    "length": 0,
    "count": 0,
    "first": 0,
    "last": 0,
    "sort": 0,
    "unique": 0,
    "list": 0,
    "abs": 0,
}
ALLOWED_TESTS = frozenset({"defined", "undefined", "none", "number", "string", "sequence"})
MAX_CONST_TEXT = 200
MAX_CONST_NUMBER = 1_000_000
MAX_OUTPUT = 100_000

_ALLOWED_NODES: tuple[type[nodes.Node], ...] = (
    nodes.Template,
    nodes.Output,
    nodes.TemplateData,
    nodes.Name,
    nodes.Const,
    nodes.If,
    nodes.CondExpr,
    nodes.Concat,
    nodes.Compare,
    nodes.Operand,
    nodes.And,
    nodes.Or,
    nodes.Not,
    nodes.Neg,
    nodes.Pos,
    nodes.Add,
    nodes.Sub,
    nodes.Div,
    nodes.FloorDiv,
    nodes.Filter,
    nodes.Test,
    nodes.Getitem,
    nodes.List,
    nodes.Tuple,
    nodes.Mul,
)


class TemplateUnsafe(Exception):
    """A construct outside what playbook templates may use."""

    def __init__(self, construct: str, lineno: int):
        super().__init__(f"playbook templates may not use {construct}")
        self.construct = construct
        self.lineno = lineno


@dataclass(frozen=True)
class ParsedTemplate:
    source: str
    names: frozenset[str]


class _Sandbox(SandboxedEnvironment):
    intercepted_binops = frozenset({"*"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        # "x" * 10**9 would fill the memory before any size check could run.
        if operator == "*" and (isinstance(left, str | list) or isinstance(right, str | list)):
            raise SecurityError("repeating text with * is not allowed")
        return super().call_binop(context, operator, left, right)


def _replace(value: Any, old: Any, new: Any, count: int | None = None) -> str:
    """`replace` that refuses to grow a text beyond MAX_OUTPUT before it does."""
    text, before, after = str(value), str(old), str(new)
    times = text.count(before) if before else len(text) + 1
    if count is not None:
        times = min(times, max(count, 0))
    if len(text) + times * (len(after) - len(before)) > MAX_OUTPUT:
        raise SecurityError(f"replace would make the text longer than {MAX_OUTPUT} characters")
    return text.replace(before, after, -1 if count is None else count)


def _join(value: Any, separator: Any = "") -> str:
    """`join` that refuses to build a text beyond MAX_OUTPUT before it does."""
    items = [str(item) for item in value]
    glue = str(separator)
    size = sum(map(len, items)) + max(len(items) - 1, 0) * len(glue)
    if size > MAX_OUTPUT:
        raise SecurityError(f"join would make a text longer than {MAX_OUTPUT} characters")
    return glue.join(items)


def environment() -> SandboxedEnvironment:
    env = _Sandbox(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)
    env.globals.clear()  # no range, lipsum, cycler, joiner, namespace, dict
    env.filters["replace"] = _replace
    env.filters["join"] = _join
    return env


_ENV = environment()


@functools.lru_cache(maxsize=4096)
def parse(source: str) -> ParsedTemplate:
    """Check syntax and the allowed constructs; raises TemplateSyntaxError / TemplateUnsafe.

    Results are cached by source (a failure is not, and is raised again each time).
    """
    try:
        tree = _ENV.parse(source)
        found = list(_walk(tree))
    except RecursionError:
        raise TemplateUnsafe("brackets nested this deeply", 1) from None
    names: set[str] = set()
    for node in found:
        if not isinstance(node, _ALLOWED_NODES):
            raise TemplateUnsafe(_describe(node), node.lineno)
        if isinstance(node, nodes.Name):
            if node.ctx != "load":
                raise TemplateUnsafe("assigning names", node.lineno)
            names.add(node.name)
        elif isinstance(node, nodes.Filter):
            _check_filter(node)
        elif isinstance(node, nodes.Test) and node.name not in ALLOWED_TESTS:
            raise TemplateUnsafe(f"the test '{node.name}'", node.lineno)
        elif isinstance(node, nodes.Const):
            _check_const(node)
        elif isinstance(node, nodes.Getitem) and not isinstance(node.arg, nodes.Const):
            raise TemplateUnsafe("computed [] access", node.lineno)
    return ParsedTemplate(source, frozenset(names))


def render(source: str, values: Mapping[str, Any]) -> str:
    """Render after `parse` accepted it; raises UndefinedError, SecurityError, TypeError…"""
    text = _compiled(source).render(dict(values))
    if len(text) > MAX_OUTPUT:
        raise SecurityError(f"the rendered text is longer than {MAX_OUTPUT} characters")
    return text


@functools.lru_cache(maxsize=4096)
def _compiled(source: str) -> Template:
    """The compiled template, after `parse` accepted it (Jinja2 renders it thread-safely)."""
    parse(source)
    return _ENV.from_string(source)


def _walk(node: nodes.Node) -> Iterator[nodes.Node]:
    yield node
    for child in node.iter_child_nodes():
        yield from _walk(child)


def _check_filter(node: nodes.Filter) -> None:
    limit = ALLOWED_FILTERS.get(node.name)
    if limit is None:
        raise TemplateUnsafe(f"the filter '{node.name}'", node.lineno)
    if node.kwargs or node.dyn_args or node.dyn_kwargs or len(node.args) > limit:
        raise TemplateUnsafe(f"these arguments to '{node.name}'", node.lineno)
    for arg in node.args:
        if not isinstance(arg, nodes.Const):
            raise TemplateUnsafe(f"a computed argument to '{node.name}'", node.lineno)


def _check_const(node: nodes.Const) -> None:
    value = node.value
    if isinstance(value, str) and len(value) > MAX_CONST_TEXT:
        raise TemplateUnsafe(f"a text constant over {MAX_CONST_TEXT} characters", node.lineno)
    if isinstance(value, int | float) and abs(value) > MAX_CONST_NUMBER:
        raise TemplateUnsafe(f"a number over {MAX_CONST_NUMBER}", node.lineno)


def _describe(node: nodes.Node) -> str:
    names = {
        "For": "{% for %} loops",
        "Macro": "macros",
        "Call": "calling functions or methods",
        "CallBlock": "{% call %} blocks",
        "Getattr": "attribute access (.)",
        "Assign": "{% set %}",
        "AssignBlock": "{% set %}",
        "Include": "{% include %}",
        "Import": "{% import %}",
        "FromImport": "{% from … import %}",
        "Extends": "{% extends %}",
        "Block": "{% block %}",
        "Pow": "the ** operator",
        "Mod": "the % operator",
    }
    name = type(node).__name__
    return names.get(name, f"'{name}'")


__all__ = [
    "ParsedTemplate",
    "SecurityError",
    "TemplateSyntaxError",
    "TemplateUnsafe",
    "UndefinedError",
    "parse",
    "render",
]
