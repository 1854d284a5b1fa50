"""Message sets from playbook and facts: generating, editing with versions, four-eyes
release, the desk's exceptions, follow-ups, and the bad input the issue names."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kriseninfo.context import AppContext
from kriseninfo.counting.platforms import Platform
from kriseninfo.domain import Person, Role
from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.incidents.lagebild import IncidentSnapshot, LagebildField
from kriseninfo.journal.actions import Action
from kriseninfo.messagesets.checks import set_problems
from kriseninfo.messagesets.facts import examples
from kriseninfo.messagesets.kinds import DeskSetting, DraftStatus, ReleaseKind, SetPurpose
from kriseninfo.messagesets.records import Media, MessageSetView, ProblemCode
from kriseninfo.messagesets.service import MessageSetService
from kriseninfo.playbooks.schema import Playbook
from kriseninfo.storage.models import IncidentKind, IncidentMode
from tests.conftest import LEITUNG_PIN, FakeClock
from tests.support.facts import real_facts

DATA_DIR = Path(__file__).parent / "data"

FREIGABE_PIN = "1357"
REDAKTION_PIN = "9753"
BOMB = "bombenentschaerfung"


@pytest.fixture
def team(context: AppContext, leitung: Person) -> dict[str, Person]:
    return {
        "leitung": leitung,
        "freigabe": context.users.create("Bernd Berg", Role.FREIGABE, FREIGABE_PIN, leitung),
        "redaktion": context.users.create("Clara Claus", Role.REDAKTION, REDAKTION_PIN, leitung),
    }


@pytest.fixture
def incident(context: AppContext, team: dict[str, Person]) -> IncidentSnapshot:
    by = team["redaktion"].actor
    created = context.incidents.create(
        "Bombenfund Moers-Mitte", IncidentKind.BOMBENENTSCHAERFUNG, IncidentMode.REAL, by
    )
    context.incidents.set_field(created.id, LagebildField.HOTLINE, "02841 201-777", by)
    context.incidents.set_field(created.id, LagebildField.WEB_LINK, "https://moers.de/b", by)
    return context.incidents.get(created.id)


def bomb(context: AppContext) -> Playbook:
    return context.playbooks.find(BOMB)


def prepared(
    context: AppContext,
    incident: IncidentSnapshot,
    team: dict[str, Person],
    facts: dict[str, str] | None = None,
) -> MessageSetView:
    """Bomb playbook with its example facts (or `facts`), a Mastodon (de, en) and an SMS
    account."""
    playbook = bomb(context)
    editor = team["redaktion"]
    context.plans.attach(incident, playbook, editor)
    context.plans.set_facts(incident.id, playbook, facts or examples(playbook), editor)
    chief = team["leitung"]
    context.accounts.create(Platform.MASTODON, "Stadt Moers", chief, languages=("de", "en"))
    context.accounts.create(Platform.SMS, "SMS-Verteiler", chief)
    return context.messagesets.generate(incident.id, editor)


def test_attaching_a_playbook_prefills_facts_the_lagebild_knows(
    context: AppContext, incident: IncidentSnapshot, team: dict[str, Person]
) -> None:
    link = context.plans.attach(incident, bomb(context), team["redaktion"])
    assert link.playbook_id == BOMB and link.phase_id == "fund"
    assert link.facts["buergertelefon"] == "02841 201-777"
    assert link.facts["infolink"] == "https://moers.de/b"
    actions = [line.action for line in context.journal.lines(incident.id)]
    assert Action.PLAYBOOK_ATTACHED in actions


def test_missing_required_facts_are_named(
    context: AppContext, incident: IncidentSnapshot, team: dict[str, Person]
) -> None:
    context.plans.attach(incident, bomb(context), team["redaktion"])
    with pytest.raises(KriseninfoError) as not_leitung:
        context.accounts.create(Platform.MASTODON, "Stadt Moers", team["redaktion"])
    assert not_leitung.value.code is ErrorCode.PERMISSION_DENIED
    context.accounts.create(Platform.MASTODON, "Stadt Moers", team["leitung"])
    with pytest.raises(KriseninfoError) as caught:
        context.messagesets.generate(incident.id, team["redaktion"])
    assert caught.value.code is ErrorCode.FACTS_MISSING
    assert "ortsteil" in caught.value.params["fields"].split(",")
    assert "bahnsperrung" not in caught.value.params["fields"]  # optional


def test_no_channel_account_is_a_clear_error(
    context: AppContext, incident: IncidentSnapshot, team: dict[str, Person]
) -> None:
    playbook = bomb(context)
    context.plans.attach(incident, playbook, team["redaktion"])
    context.plans.set_facts(incident.id, playbook, examples(playbook), team["redaktion"])
    with pytest.raises(KriseninfoError) as caught:
        context.messagesets.generate(incident.id, team["redaktion"])
    assert caught.value.code is ErrorCode.NO_CHANNEL_ACCOUNTS


def test_generate_makes_one_draft_per_account_and_language(
    context: AppContext, incident: IncidentSnapshot, team: dict[str, Person]
) -> None:
    view = prepared(context, incident, team)
    assert [(d.account_name, d.language) for d in view.drafts] == [
        ("Stadt Moers", "de"),
        ("Stadt Moers", "en"),
        ("SMS-Verteiler", "de"),
    ]
    mastodon_de = view.drafts[0]
    assert "Moers-Mitte" in mastodon_de.text and "#Moers" in mastodon_de.text
    assert "https://www.moers.de/bombe" in mastodon_de.text
    assert mastodon_de.unchanged_from_template and mastodon_de.version == 1
    assert view.status is DraftStatus.ENTWURF and view.playbook_released
    assert [v.note for v in context.messagesets.versions(mastodon_de.id)] == ["erstellt"]
    assert Action.SET_CREATED in [line.action for line in context.journal.lines(incident.id)]


def test_a_template_failing_in_one_language_leaves_the_others(
    context: AppContext, incident: IncidentSnapshot, team: dict[str, Person]
) -> None:
    raw = yaml.safe_load((DATA_DIR / "minimal_playbook.yaml").read_text(encoding="utf-8"))
    raw["phases"][0]["messages"]["social_short"]["en"]["text"] = "Danger at {{ ort.street }}"
    broken = Playbook.model_validate(raw)
    service = MessageSetService(context.database, lambda _id: broken, context.clock)
    editor = team["redaktion"]
    context.plans.attach(incident, broken, editor)
    context.plans.set_facts(incident.id, broken, examples(broken), editor)
    context.accounts.create(
        Platform.MASTODON, "Stadt Moers", team["leitung"], languages=("de", "en")
    )

    view = service.generate(incident.id, editor)

    de, en = view.drafts
    assert de.text.startswith("Gefahr in Hafenstraße 12") and not de.render_error
    assert en.text == "" and en.render_error
    codes = {p.code for p in set_problems(view) if p.draft_id == en.id}
    assert ProblemCode.RENDER_FAILED in codes
    with pytest.raises(KriseninfoError) as caught:
        context.releases.submit(view.id, editor)
    assert caught.value.code is ErrorCode.RELEASE_BLOCKED
    fixed = service.edit(en.id, en.version, editor, parts=["Danger at Hafenstraße 12."])
    assert not fixed.render_error and not fixed.unchanged_from_template


def test_edits_are_versions_and_a_stale_save_is_refused(
    context: AppContext, incident: IncidentSnapshot, team: dict[str, Person]
) -> None:
    view = prepared(context, incident, team)
    draft = view.drafts[0]
    editor, colleague = team["redaktion"], team["leitung"]
    first = context.messagesets.edit(draft.id, 1, editor, parts=["Erste Fassung."])
    assert first.version == 2 and first.edited_by_name == "Clara Claus"
    with pytest.raises(KriseninfoError) as caught:
        context.messagesets.edit(draft.id, 1, colleague, parts=["Meine Fassung."])
    assert caught.value.code is ErrorCode.EDIT_CONFLICT
    assert caught.value.params == {"name": "Clara Claus", "version": "2"}
    assert context.messagesets.get(view.id).draft(draft.id).parts == ("Erste Fassung.",)
    unchanged = context.messagesets.edit(draft.id, 2, editor, parts=["Erste Fassung."])
    assert unchanged.version == 2  # nothing to save, no new version
    assert [v.version for v in context.messagesets.versions(draft.id)] == [1, 2]
    journal = context.journal.lines(incident.id)
    edits = [line for line in journal if line.action == Action.MESSAGE_EDITED]
    assert edits[-1].new_value == "Erste Fassung."


def test_hidden_characters_never_reach_a_draft(
    context: AppContext, incident: IncidentSnapshot, team: dict[str, Person]
) -> None:
    view = prepared(context, incident, team)
    draft = view.drafts[0]
    pasted = "Bitte\u200b meiden\u202e Sie\x07 den Bereich. Familie 👨\u200d👩\u200d👧 ok."
    saved = context.messagesets.edit(draft.id, 1, team["redaktion"], parts=[pasted])
    assert saved.parts == ("Bitte meiden Sie den Bereich. Familie 👨\u200d👩\u200d👧 ok.",)


def test_too_long_blocks_and_split_makes_a_thread_that_fits(
    context: AppContext, incident: IncidentSnapshot, team: dict[str, Person]
) -> None:
    editor = team["redaktion"]
    view = prepared(context, incident, team)
    draft = view.drafts[0]
    long_text = " ".join(f"Satz Nummer {n} zur Lage in Moers-Mitte." for n in range(40))
    context.messagesets.edit(draft.id, 1, editor, parts=[long_text])
    problems = set_problems(context.messagesets.get(view.id))
    assert ProblemCode.TOO_LONG in {p.code for p in problems if p.draft_id == draft.id}
    with pytest.raises(KriseninfoError) as caught:
        context.releases.submit(view.id, editor, [draft.id])
    assert caught.value.code is ErrorCode.RELEASE_BLOCKED
    assert caught.value.params["problem"] == "too_long"

    thread = context.messagesets.split(draft.id, 2, editor)

    assert thread.is_thread and thread.version == 3
    assert thread.parts[0].endswith(f"(1/{len(thread.parts)})")
    after = set_problems(context.messagesets.get(view.id))
    assert ProblemCode.TOO_LONG not in {p.code for p in after if p.draft_id == draft.id}


def test_an_image_without_alt_text_blocks_release(
    context: AppContext, incident: IncidentSnapshot, team: dict[str, Person]
) -> None:
    editor = team["redaktion"]
    view = prepared(context, incident, team)
    draft = view.drafts[0]
    context.messagesets.edit(draft.id, 1, editor, media=[Media("/tmp/karte.png")])
    with pytest.raises(KriseninfoError) as caught:
        context.releases.submit(view.id, editor, [draft.id])
    assert caught.value.params["problem"] == "alt_text_missing"
    context.messagesets.edit(
        draft.id, 2, editor, media=[Media("/tmp/karte.png", "Karte des Sperrgebiets")]
    )
    submitted = context.releases.submit(view.id, editor, [draft.id])
    assert submitted.draft(draft.id).status is DraftStatus.ZUR_FREIGABE


def test_four_eyes_release_by_a_second_person_with_pin(
    context: AppContext, incident: IncidentSnapshot, team: dict[str, Person]
) -> None:
    editor = team["redaktion"]
    view = prepared(context, incident, team)
    context.releases.submit(view.id, editor)
    with pytest.raises(KriseninfoError) as role:
        context.releases.release(view.id, editor.id, REDAKTION_PIN)
    assert role.value.code is ErrorCode.PERMISSION_DENIED

    released = context.releases.release(view.id, team["freigabe"].id, FREIGABE_PIN)

    assert released.status is DraftStatus.FREIGEGEBEN
    assert {d.release_kind for d in released.drafts} == {ReleaseKind.VIER_AUGEN}
    assert {d.released_by_name for d in released.drafts} == {"Bernd Berg"}
    actions = [line.action for line in context.journal.lines(incident.id)]
    assert actions.count(Action.MESSAGE_RELEASED) == len(view.drafts)


def test_the_last_editor_cannot_release_their_own_text(
    context: AppContext, incident: IncidentSnapshot, team: dict[str, Person]
) -> None:
    chief = team["leitung"]
    view = prepared(context, incident, team)
    draft = view.drafts[0]
    context.messagesets.edit(draft.id, 1, chief, parts=["Von der Leitung geändert. Bitte meiden."])
    context.releases.submit(view.id, chief, [draft.id])
    with pytest.raises(KriseninfoError) as caught:
        context.releases.release(view.id, chief.id, LEITUNG_PIN, [draft.id])
    assert caught.value.code is ErrorCode.SELF_RELEASE


def test_any_change_after_release_voids_it(
    context: AppContext, incident: IncidentSnapshot, team: dict[str, Person]
) -> None:
    editor = team["redaktion"]
    view = prepared(context, incident, team)
    context.releases.submit(view.id, editor)
    released = context.releases.release(view.id, team["freigabe"].id, FREIGABE_PIN)
    draft = released.drafts[0]

    changed = context.messagesets.edit(
        draft.id, draft.version, editor, parts=["Neu. Bitte meiden."]
    )

    assert changed.status is DraftStatus.ENTWURF and changed.release_kind is None
    actions = [line.action for line in context.journal.lines(incident.id)]
    assert Action.MESSAGE_RELEASE_VOIDED in actions
    assert context.messagesets.get(view.id).status is DraftStatus.ENTWURF


def test_release_refuses_a_text_changed_after_it_was_read(
    context: AppContext, incident: IncidentSnapshot, team: dict[str, Person]
) -> None:
    editor = team["redaktion"]
    view = prepared(context, incident, team)
    shown = {d.id: d.version for d in context.releases.submit(view.id, editor).drafts}
    draft = view.drafts[0]
    context.messagesets.edit(draft.id, 1, editor, parts=["Still geändert. Bitte meiden."])
    context.releases.submit(view.id, editor, [draft.id])
    with pytest.raises(KriseninfoError) as caught:
        context.releases.release(view.id, team["freigabe"].id, FREIGABE_PIN, seen_versions=shown)
    assert caught.value.code is ErrorCode.EDIT_CONFLICT


def test_wrong_pins_lock_releases_and_are_journaled(
    context: AppContext, incident: IncidentSnapshot, team: dict[str, Person], clock: FakeClock
) -> None:
    view = prepared(context, incident, team)
    context.releases.submit(view.id, team["redaktion"])
    releaser = team["freigabe"].id
    remaining = []
    for _ in range(2):
        with pytest.raises(KriseninfoError) as wrong:
            context.releases.release(view.id, releaser, "0000")
        assert wrong.value.code is ErrorCode.WRONG_PIN
        remaining.append(wrong.value.params["remaining"])
    assert remaining == ["2", "1"]
    with pytest.raises(KriseninfoError) as third:
        context.releases.release(view.id, releaser, "0000")
    assert third.value.code is ErrorCode.PIN_LOCKED
    with pytest.raises(KriseninfoError) as locked:
        context.releases.release(view.id, releaser, FREIGABE_PIN)  # even the right one
    assert locked.value.code is ErrorCode.PIN_LOCKED
    actions = [line.action for line in context.journal.lines()]
    assert actions.count(Action.RELEASE_PIN_FAILED) == 3
    assert actions.count(Action.RELEASE_LOCKED) == 1

    clock.advance(minutes=6)
    released = context.releases.release(view.id, releaser, FREIGABE_PIN)
    assert released.status is DraftStatus.FREIGEGEBEN


def test_unchanged_preapproved_texts_need_only_confirmed_facts(
    context: AppContext, incident: IncidentSnapshot, team: dict[str, Person]
) -> None:
    editor = team["redaktion"]
    view = prepared(context, incident, team, real_facts(bomb(context)))
    changed = view.drafts[1]
    context.messagesets.edit(changed.id, 1, editor, parts=["Changed text. Please avoid."])

    confirmed = context.releases.confirm_facts(view.id, editor.id, REDAKTION_PIN)

    kinds = {d.id: (d.status, d.release_kind) for d in confirmed.drafts}
    assert kinds[view.drafts[0].id] == (DraftStatus.FREIGEGEBEN, ReleaseKind.FAKTEN_BESTAETIGT)
    assert kinds[changed.id] == (DraftStatus.ENTWURF, None)  # left for four eyes

    assert "(geprüft)" in confirmed.drafts[0].text  # the real facts, not the examples
    context.desk.set(DeskSetting.PREAPPROVED_TEMPLATES, False, team["leitung"])
    with pytest.raises(KriseninfoError) as off:
        context.releases.confirm_facts(view.id, editor.id, REDAKTION_PIN)
    assert off.value.code is ErrorCode.NOT_ALLOWED_NOW


def test_eilfreigabe_only_when_enabled_and_with_a_reason(
    context: AppContext, incident: IncidentSnapshot, team: dict[str, Person]
) -> None:
    editor = team["redaktion"]
    view = prepared(context, incident, team)
    with pytest.raises(KriseninfoError) as off:
        context.releases.eilfreigabe(view.id, editor.id, REDAKTION_PIN, "Explosion droht")
    assert off.value.code is ErrorCode.NOT_ALLOWED_NOW
    with pytest.raises(KriseninfoError) as not_leitung:
        context.desk.set(DeskSetting.EILFREIGABE_ALLOWED, True, editor)
    assert not_leitung.value.code is ErrorCode.PERMISSION_DENIED
    context.desk.set(DeskSetting.EILFREIGABE_ALLOWED, True, team["leitung"])
    with pytest.raises(KriseninfoError) as short:
        context.releases.eilfreigabe(view.id, editor.id, REDAKTION_PIN, "eilt")
    assert short.value.code is ErrorCode.INVALID_INPUT

    released = context.releases.eilfreigabe(
        view.id, editor.id, REDAKTION_PIN, "Gasgeruch, Evakuierung läuft bereits"
    )

    assert released.eilfreigabe and released.status is DraftStatus.FREIGEGEBEN
    journal = context.journal.lines(incident.id)
    lines = [line for line in journal if line.action == Action.MESSAGE_RELEASED]
    assert lines[-1].new_value == "eilfreigabe: Gasgeruch, Evakuierung läuft bereits"


def test_rejection_sends_back_with_a_comment(
    context: AppContext, incident: IncidentSnapshot, team: dict[str, Person]
) -> None:
    editor = team["redaktion"]
    view = prepared(context, incident, team)
    context.releases.submit(view.id, editor)
    with pytest.raises(KriseninfoError) as empty:
        context.releases.reject(view.id, team["freigabe"].id, FREIGABE_PIN, "  ")
    assert empty.value.code is ErrorCode.INVALID_INPUT
    rejected = context.releases.reject(
        view.id, team["freigabe"].id, FREIGABE_PIN, "Radius stimmt nicht, 800 m"
    )
    assert rejected.status is DraftStatus.ENTWURF
    assert {d.rejected_comment for d in rejected.drafts} == {"Radius stimmt nicht, 800 m"}


def test_follow_ups_link_to_the_set_before(
    context: AppContext, incident: IncidentSnapshot, team: dict[str, Person]
) -> None:
    first = prepared(context, incident, team)
    update = context.messagesets.generate(incident.id, team["redaktion"], SetPurpose.UPDATE)
    assert update.follows_id == first.id and update.purpose is SetPurpose.UPDATE
    listed = context.messagesets.for_incident(incident.id)
    assert [s.id for s in listed] == [update.id, first.id]


def test_a_first_warning_without_next_update_is_a_warning_not_a_block(
    context: AppContext, incident: IncidentSnapshot, team: dict[str, Person]
) -> None:
    editor = team["redaktion"]
    view = prepared(context, incident, team)
    draft = view.drafts[0]
    context.messagesets.edit(
        draft.id, 1, editor, parts=["Bombe in Moers-Mitte. Bitte meiden Sie den Bereich."]
    )
    problems = [p for p in set_problems(context.messagesets.get(view.id)) if p.draft_id == draft.id]
    assert [p.code for p in problems] == [ProblemCode.INCOMPLETE]
    assert problems[0].params["missing"] == "where_more,next_update"
    assert not problems[0].blocking
    context.releases.submit(view.id, editor, [draft.id])  # not blocked


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_images_are_stored_once_and_need_alt_text(
    context: AppContext, incident: IncidentSnapshot, team: dict[str, Person], tmp_path: Path
) -> None:
    editor = team["redaktion"]
    view = prepared(context, incident, team)
    first, second = view.drafts[0], view.drafts[1]
    image = tmp_path / "sperrgebiet.png"
    image.write_bytes(PNG)
    with_image = context.messagesets.attach_image(first.id, 1, image, "", editor)
    context.messagesets.attach_image(second.id, 1, image, "Karte", editor)
    assert with_image.media[0].path == "sperrgebiet.png" and with_image.media[0].media_id
    ids = {d.media[0].media_id for d in context.messagesets.get(view.id).drafts[:2]}
    assert len(ids) == 1  # the same bytes, stored once
    with pytest.raises(KriseninfoError) as blocked:
        context.releases.submit(view.id, editor, [first.id])
    assert blocked.value.params["problem"] == "alt_text_missing"
    described = context.messagesets.set_alt_text(
        first.id, with_image.version, 0, "Karte des Sperrgebiets, 500 m um den Fundort", editor
    )
    assert described.media[0].alt.startswith("Karte des Sperrgebiets")
    context.releases.submit(view.id, editor, [first.id])
    removed = context.messagesets.remove_image(second.id, 2, 0, editor)
    assert removed.media == ()


@pytest.mark.parametrize(
    ("content", "field"),
    [(b"GIF89a" + b"\x00" * 10, None), (b"%PDF-1.7 not an image", "image_type")],
)
def test_only_real_images_are_attached(
    context: AppContext,
    incident: IncidentSnapshot,
    team: dict[str, Person],
    tmp_path: Path,
    content: bytes,
    field: str | None,
) -> None:
    view = prepared(context, incident, team)
    source = tmp_path / "anhang.png"
    source.write_bytes(content)
    if field is None:
        draft = context.messagesets.attach_image(
            view.drafts[0].id, 1, source, "Bild", team["redaktion"]
        )
        assert len(draft.media) == 1
        return
    with pytest.raises(KriseninfoError) as caught:
        context.messagesets.attach_image(view.drafts[0].id, 1, source, "Bild", team["redaktion"])
    assert caught.value.params["field"] == field
    missing = tmp_path / "gibt-es-nicht.png"
    with pytest.raises(KriseninfoError) as unreadable:
        context.messagesets.attach_image(view.drafts[0].id, 1, missing, "Bild", team["redaktion"])
    assert unreadable.value.params["field"] == "image_file"


def test_a_fact_that_makes_a_text_too_long_is_caught_before_release(
    context: AppContext, incident: IncidentSnapshot, team: dict[str, Person]
) -> None:
    """The playbook was checked with its example values; a real street list can be longer."""
    editor = team["redaktion"]
    playbook = bomb(context)
    context.plans.attach(incident, playbook, editor)
    place = "Baustelle zwischen " + ", ".join(f"Lange Beispielstraße {n}" for n in range(40))
    context.plans.set_facts(incident.id, playbook, {**examples(playbook), "fundort": place}, editor)
    context.accounts.create(Platform.BLUESKY, "Stadt Moers", team["leitung"])

    view = context.messagesets.generate(incident.id, editor)

    too_long = {p.draft_id for p in set_problems(view) if p.code is ProblemCode.TOO_LONG}
    assert too_long, "a 900-character place must not fit a Bluesky post"
    with pytest.raises(KriseninfoError) as caught:
        context.releases.submit(view.id, editor)
    assert caught.value.code is ErrorCode.RELEASE_BLOCKED


# -- what a review of the release rules found ------------------------------------------------


def test_an_image_makes_a_text_need_four_eyes(
    context: AppContext, incident: IncidentSnapshot, team: dict[str, Person], tmp_path: Path
) -> None:
    editor = team["redaktion"]
    view = prepared(context, incident, team, real_facts(bomb(context)))
    image = tmp_path / "karte.png"
    image.write_bytes(PNG)
    draft = context.messagesets.attach_image(view.drafts[0].id, 1, image, "Karte", editor)
    assert not draft.unchanged_from_template
    confirmed = context.releases.confirm_facts(view.id, editor.id, REDAKTION_PIN)
    assert confirmed.draft(draft.id).status is DraftStatus.ENTWURF


def test_confirming_facts_refuses_a_text_changed_while_the_pin_is_checked(
    context: AppContext,
    incident: IncidentSnapshot,
    team: dict[str, Person],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another console saves a change in the moment between choosing the unchanged texts
    and writing the release (the PIN hash takes that long): nothing changed is released."""
    from kriseninfo.messagesets import release as release_module

    editor = team["redaktion"]
    view = prepared(context, incident, team, real_facts(bomb(context)))
    target = view.drafts[0]
    real_verify = release_module.verify_pin

    def verify_while_someone_edits(*args: object, **kwargs: object) -> Person:
        context.messagesets.edit(target.id, 1, team["leitung"], parts=["Anders. Bitte meiden."])
        return real_verify(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(release_module, "verify_pin", verify_while_someone_edits)
    with pytest.raises(KriseninfoError) as caught:
        context.releases.confirm_facts(view.id, editor.id, REDAKTION_PIN)
    assert caught.value.code is ErrorCode.EDIT_CONFLICT
    assert context.messagesets.get(view.id).status is DraftStatus.ENTWURF


def test_nobody_who_wrote_a_version_may_release_it(
    context: AppContext, incident: IncidentSnapshot, team: dict[str, Person]
) -> None:
    """Bernd (Freigabe) writes, Clara touches only the subject: Bernd is still an author."""
    bernd, clara = team["freigabe"], team["redaktion"]
    view = prepared(context, incident, team)
    draft = view.drafts[0]
    mine = context.messagesets.edit(draft.id, 1, bernd, parts=["Bernds Text. Bitte meiden."])
    context.messagesets.edit(draft.id, mine.version, clara, subject="Betreff")
    context.releases.submit(view.id, clara, [draft.id])
    with pytest.raises(KriseninfoError) as caught:
        context.releases.release(view.id, bernd.id, FREIGABE_PIN, [draft.id])
    assert caught.value.code is ErrorCode.SELF_RELEASE


def test_a_release_never_covers_a_draft_the_releaser_did_not_read(
    context: AppContext, incident: IncidentSnapshot, team: dict[str, Person]
) -> None:
    view = prepared(context, incident, team)
    submitted = context.releases.submit(view.id, team["redaktion"])
    partly = {submitted.drafts[0].id: submitted.drafts[0].version}
    with pytest.raises(KriseninfoError) as caught:
        context.releases.release(view.id, team["freigabe"].id, FREIGABE_PIN, seen_versions=partly)
    assert caught.value.code is ErrorCode.EDIT_CONFLICT


def test_parallel_pin_guesses_get_no_more_than_three_checks(
    context: AppContext, incident: IncidentSnapshot, team: dict[str, Person]
) -> None:
    import threading

    view = prepared(context, incident, team)
    context.releases.submit(view.id, team["redaktion"])
    releaser = team["freigabe"].id
    codes: list[ErrorCode] = []
    lock = threading.Lock()

    def guess(pin: str) -> None:
        try:
            context.releases.release(view.id, releaser, pin)
        except KriseninfoError as error:
            with lock:
                codes.append(error.code)

    threads = [threading.Thread(target=guess, args=(f"{n:04d}",)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    failed = [line for line in context.journal.lines() if line.action == Action.RELEASE_PIN_FAILED]
    assert len(failed) <= 3
    assert codes.count(ErrorCode.WRONG_PIN) + codes.count(ErrorCode.PIN_LOCKED) == 12
    with pytest.raises(KriseninfoError) as locked:
        context.releases.release(view.id, releaser, FREIGABE_PIN)
    assert locked.value.code is ErrorCode.PIN_LOCKED


def test_wrong_pins_at_sign_in_count_toward_the_same_lock(
    context: AppContext, incident: IncidentSnapshot, team: dict[str, Person]
) -> None:
    view = prepared(context, incident, team)
    context.releases.submit(view.id, team["redaktion"])
    for _ in range(3):
        with pytest.raises(KriseninfoError):
            context.users.authenticate("Bernd Berg", "0000")
    with pytest.raises(KriseninfoError) as sign_in:
        context.users.authenticate("Bernd Berg", FREIGABE_PIN)
    assert sign_in.value.code is ErrorCode.PIN_LOCKED
    with pytest.raises(KriseninfoError) as release:
        context.releases.release(view.id, team["freigabe"].id, FREIGABE_PIN)
    assert release.value.code is ErrorCode.PIN_LOCKED


def test_a_users_playbook_cannot_claim_a_pre_approval(
    context: AppContext, incident: IncidentSnapshot, team: dict[str, Person]
) -> None:
    """Only the bundled playbooks' release is trusted; a copy that keeps (or invents) a
    `release:` block gets four eyes like any other text."""
    source = (DATA_DIR / "minimal_playbook.yaml").read_text(encoding="utf-8")
    assert "release:" in source
    context.paths.user_playbook_dir.mkdir(parents=True, exist_ok=True)
    (context.paths.user_playbook_dir / "testlage.yaml").write_text(source, encoding="utf-8")
    playbook = context.playbooks.find("testlage")
    assert playbook.released and not context.playbooks.approved("testlage")
    editor = team["redaktion"]
    context.plans.attach(incident, playbook, editor)
    context.plans.set_facts(incident.id, playbook, examples(playbook), editor)
    context.accounts.create(Platform.MASTODON, "Stadt Moers", team["leitung"])
    view = context.messagesets.generate(incident.id, editor)
    assert not view.playbook_released
    with pytest.raises(KriseninfoError) as caught:
        context.releases.confirm_facts(view.id, editor.id, REDAKTION_PIN)
    assert caught.value.code is ErrorCode.NOT_ALLOWED_NOW


def test_confirming_facts_needs_real_and_current_facts(
    context: AppContext, incident: IncidentSnapshot, team: dict[str, Person]
) -> None:
    """Confirming means: these are today's real facts. Example values (outside a drill)
    and facts changed after the texts were written are refused, with the reason."""
    editor = team["redaktion"]
    with_examples = prepared(context, incident, team)
    with pytest.raises(KriseninfoError) as examples_left:
        context.releases.confirm_facts(with_examples.id, editor.id, REDAKTION_PIN)
    assert examples_left.value.params["problem"] == "example_fact"

    playbook = bomb(context)
    context.plans.set_facts(incident.id, playbook, real_facts(playbook), editor)
    with pytest.raises(KriseninfoError) as stale:
        context.releases.confirm_facts(with_examples.id, editor.id, REDAKTION_PIN)
    assert stale.value.params["problem"] == "stale_facts"
    assert "ortsteil" in stale.value.params["fields"].split(",")

    fresh = context.messagesets.generate(incident.id, editor)
    confirmed = context.releases.confirm_facts(fresh.id, editor.id, REDAKTION_PIN)
    assert confirmed.status is DraftStatus.FREIGEGEBEN


def test_facts_with_control_characters_are_stored_without_them(
    context: AppContext, incident: IncidentSnapshot, team: dict[str, Person]
) -> None:
    playbook = bomb(context)
    context.plans.attach(incident, playbook, team["redaktion"])
    link = context.plans.set_facts(
        incident.id, playbook, {"ortsteil": "Moers\x00-Mitte\x1b"}, team["redaktion"]
    )
    assert link.facts["ortsteil"] == "Moers-Mitte"


def test_a_draft_names_everyone_who_wrote_it(
    context: AppContext, incident: IncidentSnapshot, team: dict[str, Person]
) -> None:
    """The release dialog offers only people who are not among them."""
    view = prepared(context, incident, team)
    draft = view.drafts[0]
    assert draft.authors == {team["redaktion"].id}
    edited = context.messagesets.edit(draft.id, 1, team["leitung"], parts=["Neu. Bitte meiden."])
    assert edited.authors == {team["redaktion"].id, team["leitung"].id}
    assert context.messagesets.get(view.id).draft(draft.id).authors == edited.authors
