"""The facts of an incident: the playbook's parameters as the officer filled them in.

Facts are kept as the text typed into the form (lists as "a; b; c"); they are typed
(`coerce`) only when texts are rendered. Where the Lagebild already knows a fact (hotline,
web link, place, next update) the form starts with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kriseninfo.playbooks.kinds import ParameterType

if TYPE_CHECKING:  # the window imports this module; pydantic loads on the worker
    from kriseninfo.incidents.lagebild import IncidentSnapshot
    from kriseninfo.playbooks.schema import Parameter, Playbook

LIST_SEPARATOR = "; "
NEXT_UPDATE_HINTS = ("naechst", "update", "next")


def example_text(parameter: Parameter) -> str:
    """The playbook's example as the form shows it."""
    example = parameter.example
    if isinstance(example, list):
        return LIST_SEPARATOR.join(example)
    return str(example)


def examples(playbook: Playbook) -> dict[str, str]:
    return {parameter.id: example_text(parameter) for parameter in playbook.parameters}


def missing(playbook: Playbook, facts: dict[str, str]) -> list[str]:
    """Ids of required parameters without a value, in the playbook's order."""
    return [p.id for p in playbook.parameters if p.required and not facts.get(p.id, "").strip()]


def still_examples(playbook: Playbook, facts: dict[str, str]) -> list[str]:
    """Ids of facts that still carry the playbook's example value."""
    return [
        p.id
        for p in playbook.parameters
        if facts.get(p.id, "").strip() and facts[p.id].strip() == example_text(p).strip()
    ]


def values(playbook: Playbook, facts: dict[str, str]) -> dict[str, Any]:
    """Typed template values of the filled facts (an empty optional fact stays out)."""
    from kriseninfo.playbooks.render import coerce

    filled = {name: text.strip() for name, text in facts.items() if text.strip()}
    known = {p.id for p in playbook.parameters}
    return coerce(playbook, {name: text for name, text in filled.items() if name in known})


def from_lagebild(playbook: Playbook, incident: IncidentSnapshot) -> dict[str, str]:
    """Facts the Lagebild already holds, for parameters whose meaning is unambiguous.

    Places are not carried over: a playbook asks for several (district, address, shelter)
    and a wrong guess would sit in a public text.
    """
    found: dict[str, str] = {}
    for parameter in playbook.parameters:
        value = ""
        if parameter.type is ParameterType.PHONE:
            value = incident.hotline
        elif parameter.type is ParameterType.URL:
            value = incident.web_link
        elif (
            parameter.type is ParameterType.TIME
            and any(hint in parameter.id for hint in NEXT_UPDATE_HINTS)
            and incident.next_update_at is not None
        ):
            value = incident.next_update_at.astimezone().strftime("%H:%M")
        if value.strip():
            found[parameter.id] = value.strip()
    return found
