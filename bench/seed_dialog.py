"""Citizens' questions in the real incident's dialog feed, for the screenshots: hotline
notes of several kinds, one emergency, one rumour, one taken by a colleague, one
answered, and a few that have waited longer than their target."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import update

from bench.launch import options_for
from bench.seed import Seeded
from kriseninfo.context import open_context
from kriseninfo.playbooks.kinds import Category
from kriseninfo.storage.models import DialogItem

QUESTIONS = [
    ("Wann darf ich wieder in meine Wohnung? Wir wohnen in der Homberger Straße.", "Mitte", 25),
    ("wann darf ich wieder in die wohnung zurück??", "Mitte", 22),
    ("Muss ich die Fenster geschlossen halten? Es riecht nach Rauch.", "Repelen", 18),
    ("Fährt der Bus 911 heute noch zum Bahnhof?", "", 9),
    ("Auf Facebook steht, dass das Trinkwasser vergiftet ist. Stimmt das?", "", 6),
    ("Hilfe, meine Mutter ist im 3. Stock eingeschlossen und es kommt Rauch rein!", "Mitte", 1),
    ("Wo ist die Sammelstelle für die Evakuierung?", "Scherpenberg", 4),
    ("Danke an die Feuerwehr!", "", 3),
]


def seed_dialog(data_dir: Path, seeded: Seeded) -> None:
    context = open_context(options_for(data_dir))
    try:
        anna = seeded.person
        bernd = context.users.authenticate("Bernd Becker", "1357")
        made = []
        for text, district, _minutes in QUESTIONS:
            callback = "02841 55 12 34" if "Mutter" in text else ""
            made.append(
                context.dialog.add_hotline_note(
                    seeded.real_id, text, anna, district=district, callback=callback
                )
            )
        context.dialog.categorise(made[4].id, Category.GERUECHT, anna)
        context.dialog.claim(made[6].id, bernd)
        context.answers.close(made[7].id, anna, "Dank, keine Frage")
        with context.database.session() as session:  # as if they had come in earlier
            for item, (_text, _district, minutes) in zip(made, QUESTIONS, strict=True):
                session.execute(
                    update(DialogItem)
                    .where(DialogItem.id == item.id)
                    .values(received_at=item.received_at - timedelta(minutes=minutes))
                )
    finally:
        context.close()
