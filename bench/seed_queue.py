"""A real incident whose first message set went out to channels of every kind of fate:
one published, one manual, one waiting for the network, one failed. The console's own
worker sends it; nothing leaves this machine (the "network" is 127.0.0.1's closed port)."""

from __future__ import annotations

from pathlib import Path

from bench.launch import options_for
from bench.seed import Seeded
from kriseninfo.context import AppContext, open_context
from kriseninfo.counting.platforms import Platform
from kriseninfo.messagesets.facts import examples

SITE_NAME = "Aktuelle Lage (Website)"
BROKEN_SITE = "Aktuelle Lage (Intranet)"


def seed_queue(data_dir: Path, seeded: Seeded, site_folder: Path) -> None:
    context = open_context(options_for(data_dir))
    try:
        _release(context, seeded, site_folder)
    finally:
        context.close()


def _release(context: AppContext, seeded: Seeded, site_folder: Path) -> None:
    anna = seeded.person
    bernd = context.users.authenticate("Bernd Becker", "1357")
    real = context.incidents.get(seeded.real_id)
    accounts, setup = context.accounts, context.channel_setup
    site = accounts.create(Platform.WEBSITE, SITE_NAME, anna, incident_id=real.id)
    site_folder.mkdir(parents=True, exist_ok=True)
    setup.configure(
        site.id,
        anna,
        {
            "folder": str(site_folder),
            "base_url": "https://www.moers.de/lage",
            "title": "Stadt Moers – Aktuelle Lage",
        },
    )
    broken = accounts.create(Platform.WEBSITE, BROKEN_SITE, anna, incident_id=real.id)
    setup.configure(
        broken.id,
        anna,
        {"folder": str(site_folder / "nicht-eingehaengt"), "base_url": "https://intranet/lage"},
    )
    mastodon = accounts.create(Platform.MASTODON, "Feuerwehr Moers", anna, incident_id=real.id)
    setup.configure(
        mastodon.id,
        anna,
        {"instance": "http://127.0.0.1:9"},  # nothing listens: the laptop is "offline"
        {"access_token": "screenshot-token"},
    )
    accounts.create(Platform.MANUAL, "Radio Niederrhein", anna, incident_id=real.id)
    playbook = context.playbooks.find("grossbrand")
    context.plans.attach(real, playbook, bernd)
    link = context.plans.get(real.id)
    context.plans.set_facts(
        real.id, playbook, {**examples(playbook), **(link.facts if link else {})}, bernd
    )
    view = context.messagesets.generate(real.id, bernd)
    context.releases.submit(view.id, bernd)
    carla = next(p for p in context.users.list() if p.name == "Carla Demir")
    context.releases.release(view.id, carla.id, "8642")
