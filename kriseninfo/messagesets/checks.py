"""What is wrong with a draft before it may go out; blocking problems stop its release."""

from __future__ import annotations

from kriseninfo.counting.measure import count
from kriseninfo.counting.platforms import EMAIL_SUBJECT_LENGTH, Platform
from kriseninfo.messagesets.completeness import missing_elements
from kriseninfo.messagesets.kinds import SetPurpose
from kriseninfo.messagesets.records import Draft, MessageSetView, Problem, ProblemCode


def draft_problems(draft: Draft, purpose: SetPurpose) -> list[Problem]:
    problems: list[Problem] = []
    if draft.render_error:
        problems.append(
            Problem(ProblemCode.RENDER_FAILED, draft.id, params={"reason": draft.render_error})
        )
    if not any(part.strip() for part in draft.parts):
        problems.append(Problem(ProblemCode.EMPTY, draft.id))
    for index, part in enumerate(draft.parts):
        measured = count(draft.platform, part, limit=draft.limit_override)
        if not measured.fits:
            problems.append(
                Problem(
                    ProblemCode.TOO_LONG,
                    draft.id,
                    part=index if draft.is_thread else None,
                    params={"length": str(measured.length), "limit": str(measured.limit)},
                )
            )
    if draft.subject and draft.platform is Platform.EMAIL:
        subject = count(draft.platform, draft.subject, field="subject")
        if subject.warning:
            problems.append(
                Problem(
                    ProblemCode.SUBJECT_LONG,
                    draft.id,
                    params={"length": str(subject.length), "limit": str(EMAIL_SUBJECT_LENGTH)},
                )
            )
    if any(not media.alt.strip() for media in draft.media):
        problems.append(Problem(ProblemCode.ALT_TEXT_MISSING, draft.id))
    if purpose is SetPurpose.ERSTMELDUNG and draft.text.strip():
        gaps = missing_elements(f"{draft.subject}\n{draft.text}", draft.language)
        if gaps:
            problems.append(
                Problem(
                    ProblemCode.INCOMPLETE,
                    draft.id,
                    params={"missing": ",".join(gap.value for gap in gaps)},
                )
            )
    return problems


def set_problems(view: MessageSetView) -> list[Problem]:
    return [p for draft in view.drafts for p in draft_problems(draft, view.purpose)]


def facts_problems(
    view: MessageSetView, current: dict[str, str], examples: list[str], is_drill: bool
) -> list[Problem]:
    """Warnings about the set as a whole: facts changed since its texts were written, and
    (outside drills) facts that still carry the playbook's example value."""
    problems: list[Problem] = []
    changed = sorted(
        name
        for name in set(view.facts) | set(current)
        if view.facts.get(name, "").strip() != current.get(name, "").strip()
    )
    if changed:
        problems.append(Problem(ProblemCode.STALE_FACTS, params={"fields": ",".join(changed)}))
    if not is_drill:
        problems += [Problem(ProblemCode.EXAMPLE_FACT, params={"field": name}) for name in examples]
    return problems


def blocking(problems: list[Problem]) -> list[Problem]:
    return [problem for problem in problems if problem.blocking]
