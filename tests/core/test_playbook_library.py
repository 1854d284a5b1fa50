"""The playbook library: bundled read-only, duplicate to edit, import only what passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.playbooks.library import Library, PlaybookRejected
from kriseninfo.playbooks.problems import ProblemCode

MINIMAL = Path(__file__).parent / "data" / "minimal_playbook.yaml"


@pytest.fixture
def library(tmp_path: Path) -> Library:
    bundled = tmp_path / "bundled"
    bundled.mkdir()
    (bundled / "testlage.yaml").write_bytes(MINIMAL.read_bytes())
    return Library(tmp_path / "own", bundled)


def test_entries_are_checked(library: Library) -> None:
    (entry,) = library.entries()
    assert entry.bundled and entry.result.ok and entry.id == "testlage"


def test_duplicate_to_edit(library: Library) -> None:
    (entry,) = library.entries()
    first = library.duplicate(entry)
    second = library.duplicate(entry, new_id="meine_lage")
    assert first.name == "testlage-kopie.yaml"
    entries = {e.id: e for e in library.entries() if not e.bundled}
    assert set(entries) == {"testlage", "meine_lage"}
    assert second.read_text().startswith("# A small") and "id: meine_lage" in second.read_text()


def test_bundled_files_are_read_only(library: Library) -> None:
    (entry,) = library.entries()
    with pytest.raises(KriseninfoError) as caught:
        library.save_text(entry.path, "id: x")
    assert caught.value.code is ErrorCode.PERMISSION_DENIED


def test_edits_are_kept_even_when_broken(library: Library) -> None:
    (entry,) = library.entries()
    copy = library.duplicate(entry)
    result = library.save_text(copy, "id: [kaputt")
    assert not result.ok and copy.read_text() == "id: [kaputt"


def test_import_only_what_passes(library: Library, tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_bytes(MINIMAL.read_bytes())
    imported = library.import_file(good)
    assert imported.parent == library.user_dir and imported.name == "testlage.yaml"
    again = library.import_file(good)
    assert again.name == "testlage-2.yaml"  # never overwrites
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINIMAL.read_text().replace("kind: sonstige", "kind: x"))
    with pytest.raises(PlaybookRejected) as caught:
        library.import_file(bad)
    assert caught.value.result.errors[0].code is ProblemCode.INVALID_VALUE
    assert len(list(library.user_dir.iterdir())) == 2


def test_export(library: Library, tmp_path: Path) -> None:
    (entry,) = library.entries()
    target = tmp_path / "out.yaml"
    library.export(entry, target)
    assert target.read_bytes() == MINIMAL.read_bytes()
