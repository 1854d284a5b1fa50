"""The mark every text of a drill carries ("ÜBUNG – …"), wherever it is written."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from kriseninfo.domain import IncidentMode
from kriseninfo.storage.models import Drill, Incident

DEFAULT_PREFIX = "ÜBUNG"


#: Mentions a reply starts with ("@anna@example.social @ben …"): the mark goes after them.
_MENTIONS = re.compile(r"(?:@\S+\s+)*")


def with_prefix(text: str, prefix: str) -> str:
    """`prefix` before `text` (after a reply's leading mentions), once; an empty prefix
    (a real incident) changes nothing."""
    if not prefix:
        return text
    lead = _MENTIONS.match(text)
    start = lead.end() if lead else 0
    if text.startswith(prefix, start):
        return text
    return f"{text[:start]}{prefix} – {text[start:]}"


def prefix_for(session: Session, incident_id: int) -> str:
    """The incident's drill mark; "" for a real incident. A drill incident made before
    drills had their own settings is marked with the default."""
    mode = session.scalar(select(Incident.mode).where(Incident.id == incident_id))
    if mode is not IncidentMode.DRILL:
        return ""
    prefix = session.scalar(select(Drill.prefix).where(Drill.incident_id == incident_id))
    return DEFAULT_PREFIX if prefix is None else prefix
