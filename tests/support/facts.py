"""Facts as a real incident has them, for tests and benchmarks that release messages."""

from __future__ import annotations

from kriseninfo.messagesets.facts import example_text
from kriseninfo.playbooks.schema import ParameterType, Playbook


def real_facts(playbook: Playbook) -> dict[str, str]:
    """Facts as a real incident has them: none is still the playbook's example."""
    facts = {}
    for parameter in playbook.parameters:
        example = example_text(parameter)
        if parameter.type in (ParameterType.RADIUS, ParameterType.DURATION, ParameterType.NUMBER):
            facts[parameter.id] = str(int(float(example)) + 1)
        elif parameter.type is ParameterType.TIME:
            facts[parameter.id] = "13:15"
        elif parameter.type is ParameterType.URL:
            facts[parameter.id] = example.rstrip("/") + "-aktuell"
        elif parameter.type is ParameterType.PHONE:
            facts[parameter.id] = "02841 201-999"
        elif parameter.type is ParameterType.STREET_LIST:
            facts[parameter.id] = example + "; Zusatzweg"
        else:
            facts[parameter.id] = example + " (geprüft)"
    return facts
