"""Reading a playbook's YAML safely: size and depth limits, no aliases or tags, and a map
from every value's path to its line, so errors can say where they are."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kriseninfo.playbooks.problems import Problem, ProblemCode, Severity

MAX_BYTES = 2_000_000
MAX_DEPTH = 40
Path = tuple[str | int, ...]


class YamlProblem(Exception):
    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


@dataclass(frozen=True)
class Document:
    data: Any
    lines: dict[Path, int]

    def line_of(self, path: Path) -> int | None:
        """The line of `path`, or of its nearest ancestor that exists in the file."""
        probe = tuple(path)
        while probe:
            if probe in self.lines:
                return self.lines[probe]
            probe = probe[:-1]
        return self.lines.get((), None)


def _error(code: ProblemCode, message: str, line: int | None = None, **params: str) -> YamlProblem:
    return YamlProblem(Problem(code, Severity.ERROR, message, line=line, params=params))


class _Loader(yaml.SafeLoader):
    """SafeLoader that refuses aliases (no billion laughs) and duplicate keys."""

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise _error(
                ProblemCode.YAML_ALIAS,
                "anchors and aliases (&, *) are not allowed",
                event.start_mark.line + 1,
            )
        return super().compose_node(parent, index)


def decode(raw: bytes) -> str:
    if len(raw) > MAX_BYTES:
        raise _error(
            ProblemCode.TOO_LARGE,
            f"file is {len(raw):,} bytes; a playbook may have at most {MAX_BYTES:,}",
            size=str(len(raw)),
            limit=str(MAX_BYTES),
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _error(
            ProblemCode.NOT_UTF8,
            f"not UTF-8: byte 0x{raw[exc.start]:02x} at offset {exc.start}",
            line,
            offset=str(exc.start),
        ) from exc
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise _error(ProblemCode.NOT_UTF8, "file contains NUL characters", line)
    return text


def load(raw: bytes) -> Document:
    """Parse one YAML document into plain data plus the line of every path."""
    text = decode(raw)
    loader: _Loader | None = None
    try:
        loader = _Loader(text)  # the reader already refuses control characters here
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise _error(
            ProblemCode.YAML_SYNTAX,
            f"YAML syntax: {exc.problem or exc}",
            line,
            detail=str(exc.problem or exc),
        ) from exc
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        raise _error(
            ProblemCode.NOT_UTF8,
            f"character #x{exc.character:04x} is not allowed",
            line,
            offset=str(exc.position),
        ) from exc
    except yaml.YAMLError as exc:
        raise _error(ProblemCode.YAML_SYNTAX, f"YAML syntax: {exc}", detail=str(exc)) from exc
    except RecursionError as exc:
        raise _error(
            ProblemCode.YAML_TOO_DEEP, f"nested too deeply (more than {MAX_DEPTH} levels)"
        ) from exc
    finally:
        if loader is not None:
            loader.dispose()
    if node is None:
        raise _error(ProblemCode.NOT_A_MAPPING, "the file is empty; a playbook is a mapping", 1)
    lines: dict[Path, int] = {}
    data = _build(node, (), lines, 0)
    if not isinstance(data, dict):
        raise _error(
            ProblemCode.NOT_A_MAPPING,
            "a playbook is a mapping of keys to values",
            node.start_mark.line + 1,
        )
    return Document(data, lines)


def _build(node: Node, path: Path, lines: dict[Path, int], depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise _error(
            ProblemCode.YAML_TOO_DEEP,
            f"nested too deeply (more than {MAX_DEPTH} levels)",
            node.start_mark.line + 1,
        )
    lines[path] = node.start_mark.line + 1
    if isinstance(node, ScalarNode):
        _check_tag(node, _SCALAR_TAGS)
        return yaml.constructor.SafeConstructor().construct_object(node)
    if isinstance(node, SequenceNode):
        _check_tag(node, ("tag:yaml.org,2002:seq",))
        return [_build(item, (*path, i), lines, depth + 1) for i, item in enumerate(node.value)]
    if isinstance(node, MappingNode):
        _check_tag(node, ("tag:yaml.org,2002:map",))
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise _error(
                    ProblemCode.YAML_SYNTAX,
                    "keys must be plain words",
                    key_node.start_mark.line + 1,
                    detail="complex key",
                )
            key = _build(key_node, (*path, "<key>"), {}, depth + 1)
            key = str(key) if not isinstance(key, str) else key
            if key in result:
                raise _error(
                    ProblemCode.YAML_DUPLICATE_KEY,
                    f"key {key!r} appears twice",
                    key_node.start_mark.line + 1,
                    key=key,
                )
            result[key] = _build(value_node, (*path, key), lines, depth + 1)
            lines[(*path, key)] = key_node.start_mark.line + 1
        return result
    raise _error(ProblemCode.YAML_SYNTAX, "unsupported YAML node", node.start_mark.line + 1)


_SCALAR_TAGS = (
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
)


def _check_tag(node: Node, allowed: tuple[str, ...]) -> None:
    if node.tag not in allowed:
        raise _error(
            ProblemCode.YAML_TAG,
            f"YAML tag {node.tag!r} is not allowed",
            node.start_mark.line + 1,
            tag=str(node.tag),
        )
