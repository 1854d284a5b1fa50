"""Hostile or broken playbook files: each gets a clear problem, never a traceback or a hang."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kriseninfo.playbooks.check import CheckResult, check_bytes, check_file
from kriseninfo.playbooks.problems import ProblemCode

MINIMAL = (Path(__file__).parent / "data" / "minimal_playbook.yaml").read_bytes()


def only(result: CheckResult) -> ProblemCode:
    assert result.playbook is None
    (problem,) = result.problems
    assert problem.message
    return problem.code


@pytest.mark.timeout(10)
@pytest.mark.parametrize(
    ("raw", "code", "line"),
    [
        (b"id: [unclosed\n", ProblemCode.YAML_SYNTAX, 2),
        (b"id: x\n  bad indent: 1\n", ProblemCode.YAML_SYNTAX, 2),
        (b"", ProblemCode.NOT_A_MAPPING, 1),
        (b"- just\n- a list\n", ProblemCode.NOT_A_MAPPING, 1),
        (b"id: x\nid: y\n", ProblemCode.YAML_DUPLICATE_KEY, 2),
        (b"title: caf\xe9\n", ProblemCode.NOT_UTF8, 1),
        (b"a: 1\nb: \x00\n", ProblemCode.NOT_UTF8, 2),
        (b"x: !!python/object/apply:os.system ['id']\n", ProblemCode.YAML_TAG, 1),
        (b"x: !custom 1\n", ProblemCode.YAML_TAG, 1),
        (b"a: &a [1]\nb: *a\n", ProblemCode.YAML_ALIAS, 2),
    ],
)
def test_broken_files(raw: bytes, code: ProblemCode, line: int) -> None:
    result = check_bytes(raw)
    assert only(result) is code
    assert result.problems[0].line == line


@pytest.mark.timeout(10)
def test_billion_laughs_is_refused_at_once() -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        previous = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([previous] * 9)}]")
    assert only(check_bytes("\n".join(lines).encode())) is ProblemCode.YAML_ALIAS


@pytest.mark.timeout(10)
@pytest.mark.parametrize("depth", [100, 10_000, 200_000])
def test_deep_nesting(depth: int) -> None:
    raw = b"x: " + b"[" * depth + b"]" * depth + b"\n"
    assert only(check_bytes(raw)) is ProblemCode.YAML_TOO_DEEP
    nested_maps = "".join("  " * i + f"k{i}:\n" for i in range(min(depth, 300))) + "  " * 300 + "v"
    assert only(check_bytes(nested_maps.encode())) in {
        ProblemCode.YAML_TOO_DEEP,
        ProblemCode.YAML_SYNTAX,
    }


@pytest.mark.timeout(20)
def test_fifty_megabyte_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.write(b"title: x\n")
        handle.truncate(50 * 1024 * 1024)
    result = check_file(big)
    assert only(result) is ProblemCode.TOO_LARGE
    assert only(check_bytes(b"x" * (3 * 1024 * 1024))) is ProblemCode.TOO_LARGE


def test_unreadable_file(tmp_path: Path) -> None:
    assert only(check_file(tmp_path / "missing.yaml")) is ProblemCode.CANNOT_READ
    assert only(check_file(tmp_path)) is ProblemCode.CANNOT_READ


def test_bom_and_windows_line_endings_are_fine() -> None:
    raw = b"\xef\xbb\xbf" + MINIMAL.replace(b"\n", b"\r\n")
    assert check_bytes(raw, bundled=True).ok


# -- generated documents ------------------------------------------------------------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.sampled_from(["de", "en", "sms", "{{ ort }}", "{% if %}", "1:00"]),
)
keys = st.one_of(
    st.sampled_from(
        [
            "id",
            "title",
            "kind",
            "version",
            "phases",
            "messages",
            "parameters",
            "answers",
            "injects",
            "text",
            "de",
            "sms",
            "at",
            "expect",
            "cap",
        ]
    ),
    st.text(alphabet=string.ascii_lowercase + "_", min_size=1, max_size=8),
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=5)
    ),
    max_leaves=30,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_generated_documents_never_crash(document: object) -> None:
    raw = yaml.safe_dump(document, allow_unicode=True).encode("utf-8")
    result = check_bytes(raw)
    assert isinstance(result, CheckResult)
    # Either it is a playbook, or it says why not, with a message for every problem.
    assert result.playbook is not None or result.errors
    assert all(problem.message for problem in result.problems)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_never_crash(raw: bytes) -> None:
    assert isinstance(check_bytes(raw), CheckResult)


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_mutated_playbooks_never_crash(data: st.DataObject) -> None:
    """Cut a line out of a valid playbook or change one character."""
    lines = MINIMAL.decode().splitlines()
    index = data.draw(st.integers(0, len(lines) - 1))
    if data.draw(st.booleans()):
        del lines[index]
    elif lines[index]:
        position = data.draw(st.integers(0, len(lines[index]) - 1))
        char = data.draw(st.sampled_from([*":-[]{}'\"#&*!|> \t%", "ä", "x"]))
        lines[index] = lines[index][:position] + char + lines[index][position + 1 :]
    result = check_bytes("\n".join(lines).encode())
    assert isinstance(result, CheckResult)
    for problem in result.problems:
        assert problem.message and (problem.line is None or problem.line >= 1)
