"""Where playbooks live and how they move: bundled (read-only), the user's own folder,
duplicating, importing and exporting. Nothing is accepted without a full check."""

from __future__ import annotations

import logging
import shutil
import threading
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.files import write_atomic
from kriseninfo.playbooks.check import CheckResult, check_bytes, check_file
from kriseninfo.playbooks.problems import Problem, ProblemCode, Severity
from kriseninfo.playbooks.schema import Playbook

SUFFIXES = (".yaml", ".yml")
log = logging.getLogger(__name__)


def bundled_dir() -> Path:
    return Path(str(resources.files("kriseninfo_playbooks")))


@dataclass(frozen=True)
class Entry:
    """A playbook file with its check result."""

    path: Path
    bundled: bool
    result: CheckResult

    @property
    def id(self) -> str:
        return self.result.playbook.id if self.result.playbook else self.path.stem


class Library:
    def __init__(self, user_dir: Path, bundled: Path | None = None):
        self.user_dir = user_dir
        self.bundled = bundled or bundled_dir()

    def entries(self) -> list[Entry]:
        """Every playbook file, bundled first, each checked (again only if it changed)."""
        found = [Entry(p, True, _checked(p, True)) for p in _files(self.bundled)]
        found += [Entry(p, False, _checked(p, False)) for p in _files(self.user_dir)]
        return found

    def usable(self) -> list[Playbook]:
        """Every playbook that passes the check, one per id; sorted by title."""
        return sorted(
            (playbook for playbook, _ in self._usable().values()),
            key=lambda playbook: playbook.title.casefold(),
        )

    def approved(self, playbook_id: str) -> bool:
        """Whether the playbook's texts count as pre-approved: only a bundled playbook's
        `release:` is trusted (a file anyone can edit could claim any approval)."""
        found = self._usable().get(playbook_id)
        return found is not None and found[1] and found[0].released

    def _usable(self) -> dict[str, tuple[Playbook, bool]]:
        """(playbook, bundled) per id; a bundled playbook is never shadowed by a user's."""
        by_id: dict[str, tuple[Playbook, bool]] = {}
        for entry in self.entries():
            playbook = entry.result.playbook
            if entry.result.ok and playbook is not None and entry.id not in by_id:
                by_id[entry.id] = (playbook, entry.bundled)
        return by_id

    def find(self, playbook_id: str) -> Playbook:
        """The usable playbook with this id (a bundled one before a user's file)."""
        found = self._usable().get(playbook_id, (None, False))[0]
        if found is None:
            raise KriseninfoError(
                ErrorCode.NOT_FOUND,
                f"no usable playbook '{playbook_id}'",
                {"playbook": playbook_id},
            )
        return found

    def duplicate(self, entry: Entry, new_id: str | None = None) -> Path:
        """Copy a (bundled) playbook into the user's folder to edit it; never overwrites."""
        raw = entry.path.read_bytes()
        target = self._free_name(new_id or f"{entry.id}-kopie")
        if new_id is not None:
            raw = _replace_id(raw, entry.id, new_id)
        write_atomic(target, raw)
        return target

    def import_file(self, source: Path) -> Path:
        """Copy an outside file into the user's folder if it passes the check."""
        try:
            raw = source.read_bytes()
        except OSError as exc:
            raise KriseninfoError(
                ErrorCode.INVALID_INPUT,
                f"cannot read {source}: {exc.strerror or exc}",
                {"field": "file"},
            ) from exc
        result = check_bytes(raw)
        if not result.ok or result.playbook is None:
            raise PlaybookRejected(result)
        target = self._free_name(result.playbook.id)
        write_atomic(target, raw)
        return target

    def export(self, entry: Entry, target: Path) -> None:
        shutil.copyfile(entry.path, target)

    def save_text(self, path: Path, text: str) -> CheckResult:
        """Store an edited user playbook (even with errors: an edit is never lost)."""
        if self.bundled in path.parents:
            raise KriseninfoError(ErrorCode.PERMISSION_DENIED, "bundled playbooks are read-only")
        raw = text.encode("utf-8")
        write_atomic(path, raw)
        return check_bytes(raw)

    def _free_name(self, stem: str) -> Path:
        self.user_dir.mkdir(parents=True, exist_ok=True)
        candidate = self.user_dir / f"{stem}.yaml"
        counter = 2
        while candidate.exists():
            candidate = self.user_dir / f"{stem}-{counter}.yaml"
            counter += 1
        return candidate


class PlaybookRejected(Exception):
    """An import that did not pass the check; carries every problem found."""

    def __init__(self, result: CheckResult):
        super().__init__(f"{len(result.errors)} errors")
        self.result = result


_CACHE: dict[tuple[Path, bool], tuple[tuple[int, int], CheckResult]] = {}
_CACHE_LOCK = threading.Lock()


def _checked(path: Path, bundled: bool) -> CheckResult:
    """A file's check result, computed again only when the file changed (size or mtime)."""
    try:
        stat = path.stat()
    except OSError:
        return check_file(path, bundled=bundled)
    stamp = (stat.st_mtime_ns, stat.st_size)
    with _CACHE_LOCK:
        cached = _CACHE.get((path, bundled))
    if cached is not None and cached[0] == stamp:
        return cached[1]
    try:
        result = check_file(path, bundled=bundled)
    except Exception as exc:  # one broken file must never hide the others
        log.exception("checking %s failed", path)
        failure = Problem(
            ProblemCode.CHECK_FAILED,
            Severity.ERROR,
            f"the check failed: {exc}",
            params={"reason": str(exc)},
        )
        result = CheckResult(None, [failure])
    with _CACHE_LOCK:
        _CACHE[(path, bundled)] = (stamp, result)
    return result


def _files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file())


def _replace_id(raw: bytes, old: str, new: str) -> bytes:
    lines = raw.decode("utf-8-sig").splitlines(keepends=True)
    for index, line in enumerate(lines):
        if line.startswith("id:") and line.split(":", 1)[1].strip().strip("'\"") == old:
            lines[index] = f"id: {new}\n"
            break
    return "".join(lines).encode("utf-8")
