"""Rendering one message of a playbook with the values the officer filled in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kriseninfo.errors import ErrorCode, KriseninfoError
from kriseninfo.playbooks import limits, templates
from kriseninfo.playbooks.schema import ChannelKind, Language, ParameterType, Playbook


@dataclass(frozen=True)
class RenderedField:
    name: str
    text: str
    length: int | None
    maximum: int | None
    unit: str | None

    @property
    def fits(self) -> bool:
        return self.maximum is None or (self.length or 0) <= self.maximum


def values_from_examples(playbook: Playbook) -> dict[str, Any]:
    return {p.id: p.example for p in playbook.parameters}


def coerce(playbook: Playbook, raw: dict[str, str]) -> dict[str, Any]:
    """Command-line `name=value` pairs typed like the parameters (lists split at ';')."""
    values: dict[str, Any] = {}
    for name, text in raw.items():
        parameter = playbook.parameter(name)
        if parameter is None:
            raise KriseninfoError(
                ErrorCode.INVALID_INPUT, f"no parameter '{name}'", {"field": name}
            )
        try:
            if parameter.type is ParameterType.STREET_LIST:
                values[name] = [part.strip() for part in text.split(";") if part.strip()]
            elif parameter.type in (ParameterType.RADIUS, ParameterType.DURATION):
                values[name] = int(text)
            elif parameter.type is ParameterType.NUMBER:
                values[name] = float(text) if "." in text else int(text)
            else:
                values[name] = text
        except ValueError as exc:
            raise KriseninfoError(
                ErrorCode.INVALID_INPUT,
                f"{name}: {text!r} is not a {parameter.type.value}",
                {"field": name},
            ) from exc
    return values


def render_message(
    playbook: Playbook,
    phase_id: str,
    kind: ChannelKind,
    language: Language,
    values: dict[str, Any],
) -> list[RenderedField]:
    """Every field of one message rendered with exactly `values`: an optional parameter
    left out stays out (never replaced by its example); a required one missing is an error."""
    phase = playbook.phase(phase_id)
    if phase is None:
        raise KriseninfoError(ErrorCode.NOT_FOUND, f"no phase '{phase_id}'", {"field": "phase"})
    template = phase.messages.get(kind, {}).get(language)
    if template is None:
        raise KriseninfoError(
            ErrorCode.NOT_FOUND,
            f"phase '{phase_id}' has no {kind.value} text in {language.value}",
            {"field": "channel"},
        )
    context = dict(values)
    extras = playbook.channels.get(kind)
    context["hashtags"] = " ".join(extras.hashtags) if extras else ""
    context["link"] = _render(extras.link, context) if extras and extras.link else ""
    fields = []
    for name, source in template.model_dump(exclude_none=True).items():
        text = _render(source, context)
        measured = limits.measure(kind, name, text)
        if measured is None:
            fields.append(RenderedField(name, text, None, None, None))
        else:
            length, limit = measured
            fields.append(RenderedField(name, text, length, limit.maximum, limit.unit))
    return fields


def _render(source: str, context: dict[str, Any]) -> str:
    try:
        return templates.render(source, context)
    except Exception as exc:  # a template's failure is the input's fault, never a crash
        raise KriseninfoError(
            ErrorCode.INVALID_INPUT, f"template cannot be rendered: {exc}", {"field": "template"}
        ) from exc
