"""Saving as typed: every edit is on disk before the database is asked, consoles sharing a
data folder never lose each other's waiting edits, refused edits are kept."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from kriseninfo.context import Options, open_context
from kriseninfo.domain import Actor, IncidentKind, IncidentMode, Role
from kriseninfo.errors import ErrorCode
from kriseninfo.incidents.autosave import FieldEdit, LagebildSaver, PendingEdits
from kriseninfo.incidents.lagebild import LagebildField
from kriseninfo.incidents.service import IncidentService
from kriseninfo.storage.database import Database
from tests.conftest import spooled

ANNA = Actor(1, "Anna Adler")


def unreachable() -> IncidentService:
    return IncidentService(Database("postgresql+psycopg://k@127.0.0.1:9/k"))


def edit(value: str, field: LagebildField = LagebildField.LOCATION) -> FieldEdit:
    return FieldEdit(1, field, value, ANNA)


def test_edit_is_on_disk_while_the_database_is_busy(tmp_path: Path) -> None:
    ctx = open_context(Options(data_dir=tmp_path))
    person = ctx.users.create("Anna Adler", Role.LEITUNG, "2468", None)
    incident = ctx.incidents.create(
        "Brand", IncidentKind.GROSSBRAND, IncidentMode.REAL, person.actor
    )
    blocker = sqlite3.connect(tmp_path / "kriseninfo.sqlite3", isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another console holds the write lock
    saving = threading.Thread(
        target=ctx.saver.save,
        args=(FieldEdit(incident.id, LagebildField.LOCATION, "Hafenstraße", person.actor),),
    )
    saving.start()
    try:
        deadline = time.monotonic() + 5
        while spooled(ctx.paths) != 1 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert spooled(ctx.paths) == 1  # safe on disk while the save still waits
        assert saving.is_alive()
    finally:
        blocker.rollback()
        blocker.close()
    saving.join(timeout=30)
    assert ctx.incidents.get(incident.id).location == "Hafenstraße"
    assert spooled(ctx.paths) == 0
    ctx.close()


@pytest.mark.logs_warnings
def test_consoles_sharing_a_data_folder_keep_each_others_edits(tmp_path: Path) -> None:
    first = LagebildSaver(unreachable(), PendingEdits(tmp_path))
    assert first.save(edit("Hafen")).error is not None
    second = LagebildSaver(unreachable(), PendingEdits(tmp_path))
    assert second.pending == 0  # the first console is running: its edits stay its own
    second.save(edit("Markt", LagebildField.HOTLINE))
    assert first.pending == 1 and second.pending == 1
    first.close()  # the first console ends with its edit still waiting
    third = LagebildSaver(unreachable(), PendingEdits(tmp_path))
    assert third.pending == 1 and third.pending_fields(1) == {LagebildField.LOCATION}
    assert len(list(tmp_path.glob("edits-*.jsonl"))) == 2  # second's and third's
    second.close()
    third.close()


@pytest.mark.logs_warnings
def test_refused_edit_is_kept_for_a_person(tmp_path: Path) -> None:
    ctx = open_context(Options(data_dir=tmp_path))
    person = ctx.users.create("Anna Adler", Role.LEITUNG, "2468", None)
    incident = ctx.incidents.create(
        "Brand", IncidentKind.GROSSBRAND, IncidentMode.REAL, person.actor
    )
    ctx.incidents.close(incident.id, person.actor)  # at another console, meanwhile
    result = ctx.saver.save(
        FieldEdit(incident.id, LagebildField.LOCATION, "Hafenstraße 3", person.actor)
    )
    assert result.pending == 0
    assert result.error is not None and result.error.code is ErrorCode.INCIDENT_CLOSED
    rejected = (ctx.paths.pending_dir / "rejected-edits.jsonl").read_text(encoding="utf-8")
    kept = json.loads(rejected.splitlines()[0])
    assert kept["edit"]["value"] == "Hafenstraße 3" and "closed" in kept["reason"]
    ctx.close()


def test_newer_edit_of_a_field_replaces_the_waiting_one(tmp_path: Path) -> None:
    saver = LagebildSaver(unreachable(), PendingEdits(tmp_path))
    for value in ("H", "Ha", "Haf"):
        saver.save(edit(value))
    assert saver.pending == 1
    (spool,) = tmp_path.glob("edits-*.jsonl")
    assert json.loads(spool.read_text().splitlines()[0])["value"] == "Haf"
    saver.close()
