"""The after-action report as one self-contained HTML page: inline CSS and SVG, no scripts.

Every text of a review may come from the public (questions, message texts, names), so the
template escapes everything; only the charts are inserted as they are, and matplotlib
escapes the texts inside them itself.
"""

from __future__ import annotations

import functools
import re
from datetime import tzinfo
from importlib.resources import files

from jinja2 import Environment, StrictUndefined, Template
from markupsafe import Markup

from kriseninfo import __version__
from kriseninfo.review import charts
from kriseninfo.review import format as fmt
from kriseninfo.review.compare import Verdict, compare
from kriseninfo.review.model import Review

TEMPLATE = "report.html.j2"
#: What makes an SVG file a document of its own; inline it starts at <svg.
SVG_PROLOG = re.compile(r"\A.*?(?=<svg[\s>])", re.DOTALL)
#: Where an SVG names or refers to its own ids.
SVG_IDS = re.compile(r'(\bid="|\bhref="#|url\(#)')


def render_html(review: Review, zone: tzinfo | None = None) -> str:
    """The whole report; times in `zone` (None: Europe/Berlin)."""
    previous = review.previous
    comparisons = compare(review, previous)
    context = {
        "version": __version__,
        "drill": review.drill,
        "title": review.incident_title,
        "facts": fmt.facts(review, zone),
        "rows": [fmt.cells(item) for item in comparisons],
        "comparing": previous is not None,
        "not_reached": fmt.NOT_REACHED,
        "not_reached_meaning": fmt.NOT_REACHED_MEANING,
        "remarks": review.remarks,
        "empty": review.empty,
        "empty_sentence": fmt.EMPTY_SENTENCE,
        "messages": [
            {
                "title": message.title,
                "channel": message.channel,
                "when": fmt.since_start(message.at),
                "text": message.text,
            }
            for message in review.messages
        ],
        "comparison_heading": "",
    }
    if not review.empty:
        context["timeline"] = _inline(charts.timeline_svg(review), "zeitleiste", "Zeitleiste")
        context["response_times"] = _inline(
            charts.response_times_svg(review), "antwortzeiten", "Antwortzeiten je Kategorie"
        )
    if previous is not None:
        context["comparison_heading"] = fmt.comparison_heading(previous, zone)
        context["comparison_summary"] = fmt.summary(comparisons)
        context["previous_facts"] = fmt.previous_facts(previous, zone)
        context["changes"] = [
            fmt.change(item) for item in comparisons if item.verdict is not Verdict.GLEICH
        ]
    return _template().render(context)


def _inline(svg: str, prefix: str, label: str) -> Markup:
    """An SVG file as an element of the page, its ids made unique within the page."""
    element = SVG_PROLOG.sub("", svg, count=1)
    element = SVG_IDS.sub(lambda found: f"{found.group(1)}{prefix}-", element)
    element = element.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
    return Markup(element)  # matplotlib escapes the texts in it


@functools.cache
def _template() -> Template:
    source = files("kriseninfo.review").joinpath("templates", TEMPLATE).read_text("utf-8")
    environment = Environment(
        autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=StrictUndefined
    )
    return environment.from_string(source)
