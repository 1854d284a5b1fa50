"""Nothing of a drill reaches the public, whichever path a text takes: the queue, a
retraction, follow-ups, answers to citizens, an FAQ, a Richtigstellung, a manual channel.
The desk's real Mastodon account (with real credentials, against a local server) is
enabled all along; the server must never see a request."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update as sql_update

from kriseninfo.counting.platforms import Platform
from kriseninfo.dialog.answers import EMERGENCY_ID
from kriseninfo.drills.marks import with_prefix
from kriseninfo.messagesets.facts import examples
from kriseninfo.messagesets.kinds import SetPurpose
from kriseninfo.playbooks.kinds import Category
from kriseninfo.publishing.states import DeliveryState
from kriseninfo.storage.models import Delivery as DeliveryRow
from kriseninfo.storage.models import SandboxPost
from kriseninfo.triage.emergency import EMERGENCY_ANSWER
from tests.core.drills.conftest import write_book
from tests.core.publishing.conftest import FREIGABE_PIN, Desk
from tests.support.mastodon_server import MastodonServer


def _release(desk: Desk, set_id: int) -> None:
    context = desk.context
    context.releases.submit(set_id, desk.team["redaktion"])
    context.releases.release(set_id, desk.team["freigabe"].id, FREIGABE_PIN)


def test_no_path_of_a_drill_reaches_a_real_account(desk: Desk, mastodon: MastodonServer) -> None:
    context = desk.context
    context.clock.step = timedelta(0)  # type: ignore[attr-defined]
    editor, chief = desk.team["redaktion"], desk.team["leitung"]
    desk.mastodon_account(mastodon)  # real, with its token in the keyring
    desk.account(Platform.MANUAL, "Radio Niederrhein")
    book = write_book(context)
    drill = context.drills.start(book, chief, speed=60)
    incident_id = drill.incident_id
    context.plans.set_facts(incident_id, book, examples(book), editor)  # a drill may
    worker = desk.worker()  # the console's own worker: every credential it has

    # The first warning, then an update threaded under it, then one retracted.
    first = context.messagesets.generate(incident_id, editor)
    _release(desk, first.id)
    worker.drain(10)
    update = context.messagesets.generate(incident_id, editor, SetPurpose.UPDATE)
    _release(desk, update.id)
    worker.drain(10)
    sent = [d for d in context.publishing.deliveries() if d.state is DeliveryState.SENT]
    context.publishing.retract(sent[0].id, chief)
    worker.drain(10)

    # Citizens' questions: answered on their channel, as an FAQ, as a Richtigstellung.
    context.drills.advance(incident_id)  # a console at the desk keeps the drill going
    context.clock.advance(seconds=3)  # type: ignore[attr-defined]
    items = context.drills.advance(incident_id)
    assert len(items) == 3
    question, emergency, rumour = items
    assert context.dialog.get(question).answerable_on_channel  # through the real account
    best = context.answers.suggestions(question)[0]
    answered = context.answers.answer([question], best.text, editor, best.answer_id)
    assert answered.set_id is not None and not answered.released  # a user's playbook: 4 eyes
    context.releases.release(answered.set_id, desk.team["freigabe"].id, FREIGABE_PIN)
    context.answers.answer([emergency], EMERGENCY_ANSWER["de"], editor, EMERGENCY_ID)
    faq = context.followups.faq_set([question], editor)
    _release(desk, faq)
    context.dialog.categorise(rumour, Category.GERUECHT, editor)
    correction = context.followups.correction_set(rumour, editor)
    for draft in context.messagesets.get(correction).drafts:
        context.messagesets.edit(
            draft.id, draft.version, editor, parts=["Das Trinkwasser ist sauber."]
        )
    _release(desk, correction)
    worker.drain(10)
    # A retry of a drill's delivery (say it had failed) goes to the timeline again.
    again = next(r for r in context.publishing.deliveries() if r.state is DeliveryState.SENT)
    with context.database.session() as session:
        failed = sql_update(DeliveryRow).where(DeliveryRow.id == again.id)
        session.execute(failed.values(state=DeliveryState.FAILED.value, platform_id=""))
    context.publishing.retry(again.id, chief)
    worker.drain(10)
    assert context.publishing.delivery(again.id).state is DeliveryState.SENT
    worker.close()

    rows = context.publishing.deliveries()
    assert rows and all(r.drill for r in rows)
    assert {r.state for r in rows} <= {DeliveryState.SENT, DeliveryState.WITHDRAWN}
    assert all(r.platform_id.startswith("sandbox-") for r in rows)
    assert mastodon.requests == []  # not one request, not even a check of the account
    with context.database.session(readonly=True) as session:
        shown = list(session.query(SandboxPost).filter_by(incident_id=incident_id))
    platforms = {post.platform for post in shown}
    assert {"mastodon", "manual"} <= platforms  # manual channels too: never "by hand"
    reply = next(p for p in shown if p.reply_to == f"uebung:inject:{drill.injects[0].id}")
    assert reply.text.startswith("@anna@example.social ÜBUNG – ")
    firsts = [p for p in shown if p.delivery_id in {r.id for r in rows if r.part == 0}]
    assert firsts and all(with_prefix(p.text, "ÜBUNG") == p.text for p in firsts)
