"""The report's charts: valid SVG and PNG, the same bytes every time, never an exception.

Glyphs are drawn as paths; matplotlib names each text in an SVG comment, which is what the
tests look for.
"""

from __future__ import annotations

import dataclasses
import io
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
from PIL import Image

from kriseninfo.review import charts
from kriseninfo.review.model import EventKind, Review, TimelineEvent
from tests.core.review.conftest import make_drill, make_empty, make_hostile

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SVG_ROOT = "{http://www.w3.org/2000/svg}svg"
REVIEWS = {"drill": make_drill, "empty": make_empty, "hostile": make_hostile}
SVG_CHARTS = [charts.timeline_svg, charts.response_times_svg]
PNG_CHARTS = [charts.timeline_png, charts.response_times_png]


@pytest.mark.parametrize("name", REVIEWS)
@pytest.mark.parametrize("chart", SVG_CHARTS)
def test_svg_is_valid_and_the_same_every_time(chart: Callable[[Review], str], name: str) -> None:
    review = REVIEWS[name]()
    svg = chart(review)
    assert ET.fromstring(svg.encode("utf-8")).tag == SVG_ROOT
    assert chart(REVIEWS[name]()) == svg
    # No date, no links, no script: the SVG is inlined into the HTML report.
    assert "<metadata" not in svg
    assert "<dc:date" not in svg
    assert "<script" not in svg.lower()


@pytest.mark.parametrize("name", REVIEWS)
@pytest.mark.parametrize("chart", PNG_CHARTS)
def test_png_is_valid_and_the_same_every_time(
    chart: Callable[[Review, int], bytes], name: str
) -> None:
    png = chart(REVIEWS[name](), 100)
    assert png.startswith(PNG_SIGNATURE)
    assert chart(REVIEWS[name](), 100) == png
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG"
        assert image.width == int(charts.WIDTH * 100)
        image.load()
    assert b"tEXtCreation" not in png  # no time stamp in the metadata


def test_png_resolution_follows_dpi() -> None:
    with Image.open(io.BytesIO(charts.timeline_png(make_drill(), 150))) as image:
        assert image.width == int(charts.WIDTH * 150)


def test_timeline_shows_lanes_phases_and_a_german_legend() -> None:
    svg = charts.timeline_svg(make_drill())
    for text in ("Frage", "Notfall", "Gerücht", "Mastodon", "Website"):
        assert f"<!-- {text} -->" in svg
    for text in ("Eingang", "Antwort", "Meldung", "Phase", "Erstwarnung"):
        assert f"<!-- {text} -->" in svg
    assert "<!-- Entwarnung vorbereiten -->" in svg
    assert "<!-- Minuten seit Beginn (Übungszeit) -->" in svg
    assert "Keine Daten" not in svg


def test_timeline_kinds_differ_in_shape_not_only_colour() -> None:
    shapes = {charts.MARKS[kind]["marker"] for kind in charts.MARKS}
    assert len(shapes) == len(charts.MARKS) == 3
    assert charts.PHASE_LINE["linestyle"] == "--"
    fills = {charts.MARKS[kind]["facecolor"] for kind in charts.MARKS}
    assert len(fills) == 3  # hollow, black, hatched grey


def test_timeline_without_answers_has_no_answer_in_its_legend() -> None:
    review = dataclasses.replace(
        make_drill(),
        timeline=(TimelineEvent(60, EventKind.INJECT, "Frage", "Eingang"),),
    )
    svg = charts.timeline_svg(review)
    assert "<!-- Eingang -->" in svg
    assert "<!-- Antwort -->" not in svg
    assert "<!-- Phase -->" not in svg


def test_response_times_show_categories_median_and_target() -> None:
    svg = charts.response_times_svg(make_drill())
    for text in ("Frage", "Notfall", "Gerücht", "Antwort", "Median", "Ziel"):
        assert f"<!-- {text} -->" in svg
    assert "<!-- Antwortzeit in Minuten -->" in svg


def test_a_category_with_a_target_but_no_answers_says_so() -> None:
    review = dataclasses.replace(make_drill(), targets={**make_drill().targets, "Presse": 900})
    assert "<!-- keine Antworten -->" in charts.response_times_svg(review)


@pytest.mark.parametrize("chart", SVG_CHARTS)
def test_no_data_is_a_chart_that_says_so(chart: Callable[[Review], str]) -> None:
    svg = chart(make_empty())
    assert "<!-- Keine Daten -->" in svg
    empty_lists = dataclasses.replace(make_drill(), timeline=(), response_times={"Frage": ()})
    assert "<!-- Keine Daten -->" in chart(empty_lists)


def test_hostile_names_are_escaped_shortened_and_drawable() -> None:
    svg = charts.timeline_svg(make_hostile()) + charts.response_times_svg(make_hostile())
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg  # only in comments, escaped
    assert "<!-- $x$ &amp; &lt;i&gt; -->" in svg  # "$" is not mathematics
    assert "🌊" not in svg and "🔥" not in svg  # the chart font lacks them: left out
    assert "<!-- Kat &lt;script&gt;alert(1)&lt;/scrip… -->" in svg


def test_many_lanes_make_a_taller_chart() -> None:
    events = tuple(
        TimelineEvent(60 * n, EventKind.INJECT, f"Kanal {n}", "Eingang") for n in range(30)
    )
    review = dataclasses.replace(make_drill(), timeline=events)
    with (
        Image.open(io.BytesIO(charts.timeline_png(review, 50))) as tall,
        Image.open(io.BytesIO(charts.timeline_png(make_drill(), 50))) as normal,
    ):
        assert tall.height > 2 * normal.height


def test_threads_draw_the_same_charts_as_one_thread() -> None:
    reviews = [make_drill(), make_hostile()] * 4
    alone = [charts.timeline_svg(review) for review in reviews]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(charts.timeline_svg, reviews))
    assert together == alone


def test_charts_need_neither_pyplot_nor_qt_and_the_model_no_matplotlib() -> None:
    script = textwrap.dedent(
        """
        import sys
        import kriseninfo.review.model
        assert "matplotlib" not in sys.modules
        from kriseninfo.review import charts
        from tests.core.review.conftest import make_drill
        charts.timeline_png(make_drill(), 50)
        charts.response_times_svg(make_drill())
        loaded = [m for m in sys.modules if m.startswith(("matplotlib.pyplot", "PySide6"))]
        assert not loaded, loaded
        """
    )
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
