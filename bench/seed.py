"""Realistic data for benchmarks and screenshots, written through the core like the app does.

A run on an empty database would measure the first migration and show empty screens;
neither is what a duty officer meets, so both tools start from this seed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.launch import options_for
from kriseninfo.context import AppContext, open_context
from kriseninfo.counting.platforms import Platform
from kriseninfo.domain import Actor, IncidentKind, IncidentMode, Person, Role
from kriseninfo.incidents.lagebild import FieldValue, IncidentSnapshot, LagebildField
from kriseninfo.messagesets.facts import examples

LEITUNG_PIN = "2468"
REAL_TITLE = "Großbrand Lagerhalle Hafen"
DRILL_TITLE = "Bombenentschärfung Bahnhofsvorplatz"


@dataclass(frozen=True)
class Seeded:
    """What later steps need to find again: who signs in and which incident is which."""

    person: Person
    real_id: int
    drill_id: int


def seed(data_dir: Path, now: datetime | None = None) -> Seeded:
    """Create people, a real incident with a full Lagebild and a drill; migrates on the way."""
    now = (now or datetime.now(UTC)).replace(second=0, microsecond=0)
    context = open_context(options_for(data_dir))
    try:
        return _fill(context, now)
    finally:
        context.close()


def _fill(context: AppContext, now: datetime) -> Seeded:
    users = context.users
    anna = users.create("Anna Adler", Role.LEITUNG, LEITUNG_PIN, None)
    bernd = users.create("Bernd Becker", Role.REDAKTION, "1357", anna)
    users.create("Carla Demir", Role.FREIGABE, "8642", anna)
    users.authenticate(anna.name, LEITUNG_PIN)  # a login line, as in every real journal

    drill = context.incidents.create(
        DRILL_TITLE, IncidentKind.BOMBENENTSCHAERFUNG, IncidentMode.DRILL, anna.actor
    )
    _set_all(context, drill.id, anna.actor, _drill_lagebild(now))
    real = context.incidents.create(
        REAL_TITLE, IncidentKind.GROSSBRAND, IncidentMode.REAL, anna.actor
    )
    _set_all(context, real.id, anna.actor, _real_lagebild(now))
    _message_set(context, context.incidents.get(drill.id), anna, bernd)
    return Seeded(person=anna, real_id=real.id, drill_id=drill.id)


def _message_set(context: AppContext, drill: IncidentSnapshot, anna: Person, bernd: Person) -> None:
    """Channels of a typical city, the drill following the bomb playbook with its example
    facts, and a first message set that Bernd wrote and put up for release."""
    accounts = context.accounts
    accounts.create(
        Platform.MASTODON,
        "Stadt Moers",
        anna,
        address="https://social.moers.de",
        languages=("de", "en"),
    )
    accounts.create(Platform.BLUESKY, "Stadt Moers", anna, address="@moers.de")
    accounts.create(Platform.SMS, "Warn-SMS Innenstadt", anna)
    accounts.create(Platform.WEBSITE, "moers.de", anna, languages=("de", "de-x-ls"))
    playbook = context.playbooks.find("bombenentschaerfung")
    context.plans.attach(drill, playbook, bernd)
    link = context.plans.get(drill.id)
    facts = {**examples(playbook), **(link.facts if link else {})}
    context.plans.set_facts(drill.id, playbook, facts, bernd)
    context.plans.set_check(drill.id, playbook, "fund", 0, True, bernd)
    view = context.messagesets.generate(drill.id, bernd)
    context.releases.submit(view.id, bernd)


def _set_all(
    context: AppContext, incident_id: int, actor: Actor, values: dict[LagebildField, FieldValue]
) -> None:
    for field, value in values.items():
        context.incidents.set_field(incident_id, field, value, actor)


def _real_lagebild(now: datetime) -> dict[LagebildField, FieldValue]:
    return {
        LagebildField.WHAT_HAPPENED: (
            "In einer Lagerhalle am Hafen brennt es seit dem frühen Morgen. Die Feuerwehr ist "
            "mit einem Großaufgebot vor Ort. Es entsteht starker Rauch, der nach Nordosten "
            "über die Innenstadt zieht. Verletzte gibt es nach bisherigem Stand nicht."
        ),
        LagebildField.LOCATION: "Hafenstraße 12, 47441 Moers",
        LagebildField.SINCE: now - timedelta(hours=2, minutes=15),
        LagebildField.AFFECTED_AREA: (
            "Moers-Hafen, Innenstadt und Meerbeck; Radius etwa 3 km nordöstlich der "
            "Brandstelle. Die Hafenstraße ist zwischen Rheinberger Straße und Kirschenallee "
            "gesperrt."
        ),
        LagebildField.PUBLIC_ACTION: (
            "Fenster und Türen geschlossen halten, Lüftungs- und Klimaanlagen ausschalten, "
            "Gebiet meiden. Radio hören und auf Durchsagen der Feuerwehr achten."
        ),
        LagebildField.HOTLINE: "02841 201-0",
        LagebildField.WEB_LINK: "https://www.moers.de/brand-hafen",
        LagebildField.NEXT_UPDATE_AT: now + timedelta(minutes=45),
    }


def _drill_lagebild(now: datetime) -> dict[LagebildField, FieldValue]:
    return {
        LagebildField.WHAT_HAPPENED: (
            "ÜBUNG: Bei Bauarbeiten wurde eine Fliegerbombe aus dem Zweiten Weltkrieg "
            "gefunden. Der Kampfmittelbeseitigungsdienst entschärft sie heute Nachmittag."
        ),
        LagebildField.LOCATION: "Bahnhofsvorplatz, 47441 Moers",
        LagebildField.SINCE: now - timedelta(hours=1),
        LagebildField.AFFECTED_AREA: "Evakuierungsradius 500 m um den Fundort",
        LagebildField.PUBLIC_ACTION: (
            "Den Sperrbereich bis 14:00 Uhr verlassen. Sammelstelle: Schulzentrum Repelen."
        ),
        LagebildField.HOTLINE: "02841 201-777",
        LagebildField.WEB_LINK: "https://www.moers.de/uebung",
        LagebildField.NEXT_UPDATE_AT: now + timedelta(hours=1),
    }
