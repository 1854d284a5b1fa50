"""The playbook format, defined once; the JSON Schema for editors is generated from it.

A playbook is YAML. Its texts are Jinja2 templates over the playbook's parameters, which
the duty officer fills in during the incident.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from kriseninfo.domain import IncidentKind
from kriseninfo.playbooks.kinds import (
    GERMAN,
    REQUIRED_LANGUAGES,
    CapCategory,
    CapCertainty,
    CapResponseType,
    CapSeverity,
    CapUrgency,
    Category,
    ChannelKind,
    InjectChannel,
    Language,
    ParameterType,
)

IDENTIFIER = r"^[a-z][a-z0-9_]{0,47}$"
Identifier = Annotated[str, Field(pattern=IDENTIFIER, description="lower-case id: a-z, 0-9, _")]
Text = Annotated[str, Field(min_length=1, max_length=20_000)]
Line = Annotated[str, Field(min_length=1, max_length=500)]


class Strict(BaseModel):
    """Unknown keys are errors: a typo must never silently drop a text."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class Release(Strict):
    """Who approved the playbook's texts; approved texts count as pre-approved later."""

    approved_by: Line
    approved_at: date


class Parameter(Strict):
    id: Identifier
    type: ParameterType
    required: bool = True
    label: Line = Field(description="German label shown in the form")
    help: str = Field("", max_length=2000, description="German help text")
    example: str | int | float | list[str] = Field(
        description="Example value; also used to check every template"
    )


class Template(Strict):
    """One text of a message; which fields a channel kind needs is checked separately."""

    subject: Text | None = Field(None, description="e-mail subject or web headline")
    headline: Text | None = Field(None, description="alert (CAP) headline")
    text: Text
    instruction: Text | None = Field(None, description="alert (CAP) instruction")


class Phase(Strict):
    id: Identifier
    title: Line
    checklist: list[Line] = Field(default_factory=list)
    messages: dict[ChannelKind, dict[Language, Template]] = Field(default_factory=dict)


class Answer(Strict):
    """A Textbaustein: a pre-approved answer to questions citizens are expected to ask."""

    id: Identifier
    title: Line
    questions: list[Line] = Field(min_length=1, description="example phrasings")
    keywords: list[Line] = Field(default_factory=list)
    category: Category | None = Field(
        None,
        description="the category of message it answers, e.g. notfall for the 112 answer; "
        "its example questions then teach the triage that category",
    )
    texts: dict[Language, Text]


OFFSET = re.compile(r"^(\d{1,2}):([0-5]\d)(?::([0-5]\d))?$")


def parse_offset(value: str) -> timedelta:
    """'H:MM' or 'H:MM:SS' after the start of a drill."""
    match = OFFSET.fullmatch(value.strip())
    if match is None:
        raise ValueError("expected H:MM or H:MM:SS, e.g. 0:05 or 1:30:00")
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return timedelta(hours=hours, minutes=minutes, seconds=seconds)


class Expectation(Strict):
    category: Category
    answer: Identifier | None = Field(None, description="id of the expected Textbaustein")
    note: str = Field("", max_length=2000, description="what the trainer looks for")


class Inject(Strict):
    """A scripted message that arrives in the dialog feed during a drill."""

    at: str = Field(description="offset after the drill starts, H:MM or H:MM:SS")
    phase: Identifier | None = None
    channel: InjectChannel
    author: Line
    text: Text
    expect: Expectation

    @field_validator("at")
    @classmethod
    def _offset(cls, value: str) -> str:
        parse_offset(value)
        return value

    @property
    def offset(self) -> timedelta:
        return parse_offset(self.at)


class CapArea(Strict):
    description: Text = Field(description="template of the area's description")
    radius_parameter: Identifier | None = Field(None, description="a radius_m parameter")


class CapMapping(Strict):
    event: Line
    category: list[CapCategory] = Field(min_length=1)
    urgency: CapUrgency
    severity: CapSeverity
    certainty: CapCertainty
    response_type: list[CapResponseType] = Field(default_factory=list)
    area: CapArea


class ChannelExtras(Strict):
    hashtags: list[Annotated[str, Field(pattern=r"^#\w{1,60}$")]] = Field(default_factory=list)
    link: str | None = Field(None, max_length=500, description="template of the link")


class Playbook(Strict):
    id: Identifier
    title: Line
    kind: IncidentKind
    version: Annotated[str, Field(pattern=r"^\d+(\.\d+){0,2}$")]
    description: str = Field("", max_length=5000)
    release: Release | None = None
    drill_duration: str | None = Field(None, description="length of a drill, H:MM")
    parameters: list[Parameter] = Field(default_factory=list)
    phases: list[Phase] = Field(min_length=1)
    answers: list[Answer] = Field(default_factory=list)
    injects: list[Inject] = Field(default_factory=list)
    cap: CapMapping | None = None
    channels: dict[ChannelKind, ChannelExtras] = Field(default_factory=dict)

    @field_validator("drill_duration")
    @classmethod
    def _duration(cls, value: str | None) -> str | None:
        if value is not None:
            parse_offset(value)
        return value

    @property
    def released(self) -> bool:
        return self.release is not None

    @property
    def languages(self) -> list[Language]:
        """Languages present in every phase's templates, in the declared order."""
        found: set[Language] = set()
        for phase in self.phases:
            for by_language in phase.messages.values():
                found.update(by_language)
        return [language for language in Language if language in found]

    def parameter(self, parameter_id: str) -> Parameter | None:
        return next((p for p in self.parameters if p.id == parameter_id), None)

    def phase(self, phase_id: str) -> Phase | None:
        return next((p for p in self.phases if p.id == phase_id), None)


__all__ = [
    "GERMAN",
    "REQUIRED_LANGUAGES",
    "Answer",
    "CapArea",
    "CapCategory",
    "CapCertainty",
    "CapMapping",
    "CapResponseType",
    "CapSeverity",
    "CapUrgency",
    "Category",
    "ChannelExtras",
    "ChannelKind",
    "Expectation",
    "Inject",
    "InjectChannel",
    "Language",
    "Parameter",
    "ParameterType",
    "Phase",
    "Playbook",
    "Release",
    "Template",
    "json_schema",
    "parse_offset",
]


def json_schema() -> dict[str, Any]:
    """The JSON Schema editors use for completion and checks while typing."""
    schema = Playbook.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://kriseninfo.example/playbook.schema.json"
    return schema
