"""Soak: several console processes write for minutes to one database (`make soak`)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kriseninfo.context import Options, open_context
from kriseninfo.journal import journal
from kriseninfo.storage.models import IncidentKind, IncidentMode, Role

WRITERS = 4
WRITES_EACH = 1500

SCRIPT = """
import sys
from pathlib import Path
from kriseninfo.context import Options, open_context
from kriseninfo.incidents.lagebild import LagebildField
from kriseninfo.journal.journal import Actor
ctx = open_context(Options(db_url=sys.argv[1], data_dir=Path(sys.argv[2])))
field = LagebildField(sys.argv[3])
for i in range(int(sys.argv[5])):
    ctx.incidents.set_field(int(sys.argv[4]), field, f"{field.value} {i}", Actor(1, "Anna"))
ctx.close()
"""


@pytest.mark.soak
def test_many_writers_keep_the_chain_whole(options: Options, db_url: str) -> None:
    ctx = open_context(options)
    leitung = ctx.users.create("Anna", Role.LEITUNG, "2468", None)
    incident = ctx.incidents.create(
        "Soak", IncidentKind.SONSTIGE, IncidentMode.DRILL, leitung.actor
    )
    ctx.close()
    fields = ("what_happened", "location", "affected_area", "public_action")[:WRITERS]
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                SCRIPT,
                db_url,
                str(options.paths().data_dir),
                field,
                str(incident.id),
                str(WRITES_EACH),
            ]
        )
        for field in fields
    ]
    assert [w.wait(timeout=1800) for w in workers] == [0] * WRITERS
    ctx = open_context(options)
    with ctx.database.session() as session:
        result = journal.verify(session)
    assert result.ok and result.entries == 2 + WRITERS * WRITES_EACH
    ctx.close()
