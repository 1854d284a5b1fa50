"""Feed sources of an incident: polled over real HTTP on 127.0.0.1, new items stored
once, conditional GET honoured, failures back off and show in the source's health."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from kriseninfo.context import AppContext
from kriseninfo.dialog.sources import SourceService
from kriseninfo.domain import Person
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.journal.actions import Action
from kriseninfo.storage.models import DialogItem, IncidentKind, IncidentMode
from tests.conftest import FakeClock
from tests.support import feed_server
from tests.support.feed_server import Feed


@pytest.fixture
def feed() -> Iterator[tuple[Feed, str]]:
    with feed_server.running() as running:
        yield running


def _count(context: AppContext) -> int:
    with context.database.session(readonly=True) as session:
        return int(session.scalar(select(func.count()).select_from(DialogItem)) or 0)


@pytest.mark.logs_warnings
def test_a_feed_is_polled_stored_once_and_its_health_kept(
    context: AppContext, leitung: Person, clock: FakeClock, feed: tuple[Feed, str]
) -> None:
    state, url = feed
    incident = context.incidents.create(
        "Großbrand Hafen", IncidentKind.GROSSBRAND, IncidentMode.REAL, leitung.actor
    )
    sources = SourceService(context.database, clock)
    with pytest.raises(KriseninfoError) as bad:
        sources.add_feed(incident.id, "Hashtag", "javascript:alert(1)", leitung)
    assert bad.value.code is ErrorCode.INVALID_INPUT
    sources.add_feed(incident.id, "Hashtag #moers", url, leitung, interval_s=60)
    assert Action.SOURCE_ADDED in [line.action for line in context.journal.lines()]

    state.entries = [("1", "Ist die Schule offen?"), ("2", "Brennt es noch?")]
    (first,) = sources.poll_due()
    assert first.new_items == 2 and _count(context) == 2
    # A well-formed feed with its Content-Type leaves no warning on the source's health.
    assert sources.for_incident(incident.id)[0].warning == ""
    assert sources.poll_due() == []  # not due again before its interval

    clock.advance(seconds=61)
    (second,) = sources.poll_due()
    assert second.unchanged and state.not_modified == 1 and _count(context) == 2

    state.entries.append(("3", "Wo ist die Sammelstelle?"))
    clock.advance(seconds=61)
    (third,) = sources.poll_due()
    assert third.new_items == 1 and _count(context) == 3

    state.status = 503
    clock.advance(seconds=61)
    (broken,) = sources.poll_due()
    assert broken.error == "HTTP 503 Service Unavailable"
    (health,) = sources.for_incident(incident.id)
    assert health.failures == 1 and health.last_error == "HTTP 503 Service Unavailable"
    assert (health.next_poll_at - clock.now).total_seconds() > 100  # backs off
    assert health.items_seen == 3 and health.last_success_at is not None


def test_items_are_read_incrementally_claimed_once_and_triaged(
    context: AppContext, leitung: Person, clock: FakeClock, feed: tuple[Feed, str]
) -> None:
    from kriseninfo.dialog.service import DialogService
    from kriseninfo.domain import Role
    from kriseninfo.playbooks.kinds import Category

    state, url = feed
    incident = context.incidents.create(
        "Großbrand Hafen", IncidentKind.GROSSBRAND, IncidentMode.REAL, leitung.actor
    )
    sources = SourceService(context.database, clock)
    sources.add_feed(incident.id, "Hashtag #moers", url, leitung)
    state.entries = [("1", "Ist die Schule offen?"), ("2", "Hilfe, es brennt bei uns!")]
    sources.poll_due()
    dialog = DialogService(context.database, clock)
    first, second = dialog.items(incident.id)
    assert first.source_name == "Hashtag #moers" and first.text == "Ist die Schule offen?"
    assert (first.category, second.category) == (Category.FRAGE, Category.NOTFALL)  # guessed
    assert dialog.items(incident.id, after_id=second.id) == []

    colleague = context.users.create("Bernd Berg", Role.REDAKTION, "1357", leitung)
    mine = dialog.claim(first.id, leitung)
    assert mine.state == "in_arbeit" and mine.claimed_by_name == "Anna Adler"
    with pytest.raises(KriseninfoError) as taken:
        dialog.claim(first.id, colleague)
    assert taken.value.params == {"problem": "claimed", "name": "Anna Adler"}
    dialog.release_claim(first.id, leitung)
    assert dialog.claim(first.id, colleague).claimed_by_name == "Bernd Berg"
    third = context.users.create("Cem Cakir", Role.REDAKTION, "8642", leitung)
    with pytest.raises(KriseninfoError) as not_theirs:  # "Abgeben" only by who holds it
        dialog.release_claim(first.id, third)
    assert not_theirs.value.params == {"problem": "claimed", "name": "Bernd Berg"}

    assert dialog.categorise(second.id, Category.NOTFALL, colleague).category is Category.NOTFALL
    changes = [line for line in context.journal.lines() if line.action == "dialog.item_changed"]
    assert len(changes) == 4


def test_the_dialog_commands_add_poll_and_list(tmp_path: Any, feed: tuple[Feed, str]) -> None:
    import json

    from click.testing import CliRunner

    from kriseninfo.cli.main import cli
    from kriseninfo.context import open_context
    from kriseninfo.domain import Role
    from kriseninfo.options import Options
    from tests.conftest import LEITUNG_PIN

    state, url = feed
    state.entries = [("1", "Ist die Schule offen?"), ("2", "Hilfe, es brennt bei uns!")]
    data = tmp_path / "data"
    context = open_context(Options(data_dir=data))
    anna = context.users.create("Anna Adler", Role.LEITUNG, LEITUNG_PIN, None)
    incident = context.incidents.create(
        "Großbrand Hafen", IncidentKind.GROSSBRAND, IncidentMode.REAL, anna.actor
    )
    context.close()

    def run(*args: str, stdin: str = "") -> Any:
        return CliRunner().invoke(cli, ["--data-dir", str(data), *args], input=stdin)

    added = run(
        "dialog",
        "add-feed",
        str(incident.id),
        "Hashtag",
        url,
        "--user",
        "Anna Adler",
        stdin=LEITUNG_PIN + "\n",
    )
    assert added.exit_code == 0, added.output
    polled = run("dialog", "poll")
    assert "2 new, ok" in polled.output
    listed = run("dialog", "list", str(incident.id), "--json")
    rows = [json.loads(line) for line in listed.output.splitlines()]
    assert [r["category"] for r in rows] == ["frage", "notfall"]

    answered = run(
        "dialog", "answer", str(rows[1]["id"]), "--text", "Bitte wählen Sie sofort 112.",
        "--user", "Anna Adler", stdin=LEITUNG_PIN + "\n",
    )  # fmt: skip
    assert answered.exit_code == 0 and "1 item(s) to answer by hand" in answered.output
    target = run("dialog", "target", "frage", "5", "--user", "Anna Adler", stdin=LEITUNG_PIN + "\n")
    assert target.exit_code == 0 and "frage          5 min" in target.output
    assert run("dialog", "faq", str(incident.id)).exit_code == 0
    refused = run(
        "dialog", "answer", str(rows[1]["id"]), "--text", "Noch einmal",
        "--user", "Anna Adler", stdin=LEITUNG_PIN + "\n",
    )  # fmt: skip
    assert refused.exit_code == 1 and "already beantwortet" in refused.output


def test_a_hotline_note_keeps_the_callback_number_only_for_a_while(
    context: AppContext, leitung: Person, clock: FakeClock
) -> None:
    from datetime import timedelta

    from kriseninfo.dialog.service import DialogService
    from kriseninfo.playbooks.kinds import Category

    incident = context.incidents.create(
        "Großbrand Hafen", IncidentKind.GROSSBRAND, IncidentMode.REAL, leitung.actor
    )
    dialog = DialogService(context.database, clock)
    with pytest.raises(KriseninfoError) as empty:
        dialog.add_hotline_note(incident.id, "  ", leitung)
    assert empty.value.params == {"field": "question"}
    with pytest.raises(KriseninfoError) as not_a_number:
        dialog.add_hotline_note(incident.id, "Frage", leitung, callback="ruft zurück")
    assert not_a_number.value.params == {"field": "callback"}

    note = dialog.add_hotline_note(
        incident.id,
        "Anruferin fragt, ob die Schule morgen offen ist?",
        leitung,
        district="Meerbeck",
        callback="02841 12345",
        keep_personal=timedelta(hours=1),
    )
    assert note.category is Category.FRAGE and note.callback == "02841 12345"
    assert note.author == "Bürgertelefon (Anna Adler)" and note.district == "Meerbeck"
    journal_text = "".join(
        f"{line.old_value}{line.new_value}{line.field}" for line in context.journal.lines()
    )
    assert "12345" not in journal_text and "mit Rückrufnummer" in journal_text

    assert dialog.purge_personal_data() == 0
    clock.advance(hours=2)
    assert dialog.purge_personal_data() == 1
    (kept,) = dialog.items(incident.id)
    assert kept.callback == "" and kept.text.startswith("Anruferin fragt")
    with context.database.session(readonly=True) as session:
        stored = session.scalars(select(DialogItem)).one()
        assert stored.callback == "" and stored.personal_until is None


@pytest.mark.logs_warnings
def test_the_poller_thread_polls_due_sources_and_purges_expired_numbers(
    context: AppContext, leitung: Person, clock: FakeClock, feed: tuple[Feed, str]
) -> None:
    import time
    from datetime import timedelta

    from kriseninfo.dialog.poller import Poller

    state, url = feed
    incident = context.incidents.create(
        "Großbrand Hafen", IncidentKind.GROSSBRAND, IncidentMode.REAL, leitung.actor
    )
    sources = SourceService(context.database, clock)
    sources.add_feed(incident.id, "Hashtag #moers", url, leitung)
    note = context.dialog.add_hotline_note(
        incident.id, "Rückruf bitte", leitung, callback="02841 1", keep_personal=timedelta(hours=1)
    )
    clock.advance(hours=2)
    state.entries = [("1", "Ist die Schule offen?")]
    poller = Poller(sources, context.dialog, tick_s=0.05)
    poller.start()
    try:
        deadline = time.monotonic() + 60  # generous: a busy machine; it ends when done
        while time.monotonic() < deadline and (
            _count(context) < 2 or context.dialog.get(note.id).callback
        ):
            time.sleep(0.05)
    finally:
        poller.stop()
    assert _count(context) == 2  # the feed's item beside the note
    assert context.dialog.get(note.id).callback == ""  # deleted by the poller's purge
    state.status = 500  # a broken source never ends the poller
    clock.advance(seconds=120)
    assert Poller(sources, context.dialog).once() == 0
