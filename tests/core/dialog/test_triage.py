"""Ranked answers from the playbook's Textbausteine, filled with today's facts, and the
response targets items are measured against (the triage itself: tests/core/triage/)."""

from __future__ import annotations

import pytest

from kriseninfo.context import AppContext
from kriseninfo.dialog.suggest import suggest
from kriseninfo.domain import Person
from kriseninfo.messagesets.facts import examples
from kriseninfo.playbooks.kinds import Category
from tests.conftest import FakeClock


def test_the_right_textbaustein_comes_first_with_facts_filled(context: AppContext) -> None:
    playbook = context.playbooks.find("bombenentschaerfung")
    facts = examples(playbook)
    found = suggest("Kann ich meine Katze mitnehmen?", playbook, facts=facts, approved=True)
    assert found[0].answer_id == "haustiere" and found[0].pre_approved
    assert "{{" not in found[0].text
    unfilled = suggest("Was ist da los, alles abgesperrt?", playbook, facts={})
    assert unfilled[0].answer_id == "was_ist_los" and unfilled[0].problem
    assert not unfilled[0].pre_approved
    earlier = suggest(
        "Wo ist die Sammelstelle?", None, earlier=["Die Sammelstelle ist in der Aula."]
    )
    assert earlier and earlier[0].answer_id == "" and "Aula" in earlier[0].text
    assert suggest("xyzzy qwerty", playbook, facts=facts) == []


def test_response_targets_are_written_down_and_ages_measured_against_them(
    context: AppContext, leitung: Person, clock: FakeClock
) -> None:
    from datetime import timedelta

    from kriseninfo.dialog.targets import DEFAULT_TARGETS, ResponseTargets, age_of, overdue
    from kriseninfo.domain import Role
    from kriseninfo.errors import ErrorCode, KriseninfoError

    targets = ResponseTargets(context.database, clock)
    assert targets.all() == DEFAULT_TARGETS
    assert DEFAULT_TARGETS[Category.NOTFALL] == timedelta(minutes=2)
    editor = context.users.create("Clara Claus", Role.REDAKTION, "9753", leitung)
    with pytest.raises(KriseninfoError) as refused:
        targets.set(Category.FRAGE, timedelta(minutes=10), editor)
    assert refused.value.code is ErrorCode.PERMISSION_DENIED
    targets.set(Category.FRAGE, timedelta(minutes=10), leitung)
    current = targets.all()
    assert current[Category.FRAGE] == timedelta(minutes=10)

    now = clock.now
    emergency = age_of(now - timedelta(minutes=3), Category.NOTFALL, now, current)
    assert emergency.overdue and emergency.share == 1.5
    question = age_of(now - timedelta(minutes=5), None, now, current)  # unsorted: a question
    assert not question.overdue and question.share == 0.5
    items = [
        (now - timedelta(minutes=3), Category.NOTFALL, "offen"),
        (now - timedelta(minutes=30), Category.FRAGE, "in_arbeit"),
        (now - timedelta(minutes=30), Category.FRAGE, "beantwortet"),
        (now - timedelta(minutes=1), Category.FRAGE, "offen"),
    ]
    assert overdue(items, now, current) == 2
