"""The report's two charts, drawn with matplotlib as SVG (for HTML) or PNG (for PDF).

Every chart is its own `Figure` on an Agg canvas: no pyplot, safe in any thread (the rc
parameters are set under a lock) and never near Qt. Marks differ in shape and fill, not
colour, so a greyscale printout reads the same. The same review gives the same bytes.
"""

from __future__ import annotations

import functools
import io
import statistics
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import matplotlib as mpl
from matplotlib import font_manager
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter, MaxNLocator
from matplotlib.transforms import blended_transform_factory

from kriseninfo.review.format import decimal
from kriseninfo.review.model import EventKind, Review

FONT = "DejaVu Sans"  # bundled with matplotlib, so every machine draws the same
WIDTH = 7.2  # inches: the width between the margins of an A4 page
LABEL_LENGTH = 28  # characters of a lane or category name on the chart
NO_DATA = "Keine Daten"
RC: dict[Any, Any] = {  # keys: matplotlib rc parameters
    "font.family": [FONT],
    "font.size": 8.5,
    "text.parse_math": False,  # "$" in a name is a dollar sign, not mathematics
    "svg.fonttype": "path",  # the SVG needs no font on the reader's machine
    "svg.hashsalt": "kriseninfo-review",  # stable ids instead of random ones
    "hatch.color": "black",
    "hatch.linewidth": 0.8,
}
#: None drops an entry: no date (the same bytes every time), no version, no links.
SVG_METADATA: dict[str, Any] = {"Date": None, "Creator": None, "Format": None, "Type": None}
#: One look per kind of event: shape, fill and hatch tell them apart without colour.
MARKS: dict[EventKind, dict[str, Any]] = {
    EventKind.INJECT: {"marker": "o", "facecolor": "white", "edgecolor": "black", "s": 38},
    EventKind.ANSWER: {"marker": "s", "facecolor": "black", "edgecolor": "black", "s": 30},
    EventKind.MESSAGE: {
        "marker": "^",
        "facecolor": "0.8",
        "edgecolor": "black",
        "hatch": "/////",
        "s": 70,
    },
}
LEGEND = {
    EventKind.INJECT: "Eingang",
    EventKind.ANSWER: "Antwort",
    EventKind.MESSAGE: "Meldung",
    EventKind.PHASE: "Phase",
}
PHASE_LINE: dict[str, Any] = {"color": "0.35", "linestyle": "--", "linewidth": 1.0}
TARGET_LINE: dict[str, Any] = {"color": "0.25", "linestyle": (0, (4, 2)), "linewidth": 1.6}


def timeline_svg(review: Review) -> str:
    return _svg(_timeline, review)


def timeline_png(review: Review, dpi: int = 150) -> bytes:
    return _png(_timeline, review, dpi)


def response_times_svg(review: Review) -> str:
    return _svg(_response_times, review)


def response_times_png(review: Review, dpi: int = 150) -> bytes:
    return _png(_response_times, review, dpi)


Draw = Callable[[Review], Figure]


#: matplotlib's rc parameters are one global table: one chart at a time sets and reads them.
_RC_LOCK = threading.Lock()


@contextmanager
def _style() -> Iterator[None]:
    with _RC_LOCK, mpl.rc_context(RC):
        yield


def _svg(draw: Draw, review: Review) -> str:
    with _style():
        buffer = io.StringIO()
        draw(review).savefig(buffer, format="svg", metadata=SVG_METADATA)
    return buffer.getvalue()


def _png(draw: Draw, review: Review, dpi: int) -> bytes:
    with _style():
        buffer = io.BytesIO()
        draw(review).savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


def _figure(height: float) -> Figure:
    figure = Figure(figsize=(WIDTH, height), layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def _no_data() -> Figure:
    figure = _figure(1.2)
    axes = figure.add_subplot()
    axes.set_axis_off()
    axes.text(0.5, 0.5, NO_DATA, ha="center", va="center", fontsize=11, color="0.3")
    return figure


def _timeline(review: Review) -> Figure:
    events = [event for event in review.timeline if event.kind is not EventKind.PHASE]
    phases = [event for event in review.timeline if event.kind is EventKind.PHASE]
    if not review.timeline:
        return _no_data()
    lanes = list(dict.fromkeys(_label(event.lane) for event in events))
    figure = _figure(1.6 + 0.32 * max(len(lanes), 2))
    axes = figure.add_subplot()
    handles: dict[EventKind, Artist] = {}
    for kind, mark in MARKS.items():
        chosen = [event for event in events if event.kind is kind]
        if chosen:
            minutes = [event.at / 60 for event in chosen]
            rows = [lanes.index(_label(event.lane)) for event in chosen]
            handles[kind] = axes.scatter(
                minutes, rows, linewidths=0.8, zorder=3, label=LEGEND[kind], **mark
            )
    if phases:
        handles[EventKind.PHASE] = Line2D([], [], label=LEGEND[EventKind.PHASE], **PHASE_LINE)
    on_top = blended_transform_factory(axes.transData, axes.transAxes)
    for index, phase in enumerate(phases):
        axes.axvline(phase.at / 60, zorder=1, **PHASE_LINE)
        axes.text(  # above the plot, on two levels so that close phases do not overlap
            phase.at / 60,
            1.02 + 0.07 * (index % 2),
            _label(phase.label or phase.lane),
            transform=on_top,
            ha="left",
            va="bottom",
            fontsize=7.5,
            color="0.2",
        )
    end = max([review.duration, *(event.at for event in review.timeline)]) / 60
    axes.set_xlim(0, max(end * 1.02, 1.0))
    axes.set_ylim(len(lanes) - 0.5 if lanes else 0.5, -0.5)
    axes.set_yticks(range(len(lanes)), lanes)
    _minutes_axis(axes, "Minuten seit Beginn" + (" (Übungszeit)" if review.drill else ""))
    axes.grid(axis="y", color="0.9", linewidth=0.6)
    figure.legend(
        handles=list(handles.values()),
        loc="outside lower center",
        ncols=len(handles),
        frameon=False,
    )
    return figure


def _response_times(review: Review) -> Figure:
    times = {name: values for name, values in review.response_times.items() if values}
    if not times:
        return _no_data()
    names = list(dict.fromkeys([*review.response_times, *review.targets]))
    figure = _figure(1.4 + 0.42 * max(len(names), 2))
    axes = figure.add_subplot()
    for row, name in enumerate(names):
        minutes = [value / 60 for value in review.response_times.get(name, ())]
        # A small fixed spread keeps equal times apart, the same on every run.
        rows = [row + ((index % 5) - 2) * 0.07 for index in range(len(minutes))]
        axes.scatter(minutes, rows, marker="o", facecolor="white", edgecolor="black", s=22)
        if minutes:
            axes.plot(
                [statistics.median(minutes)],
                [row],
                marker="|",
                markersize=18,
                markeredgewidth=2.8,
                color="black",
                linestyle="none",
            )
        else:
            axes.annotate(
                "keine Antworten",
                (0, row),
                xytext=(4, 0),
                textcoords="offset points",
                va="center",
                fontsize=7.5,
                color="0.3",
            )
        target = review.targets.get(name)
        if target is not None:
            axes.plot([target / 60] * 2, [row - 0.38, row + 0.38], **TARGET_LINE)
    axes.set_xlim(left=0)
    axes.set_ylim(len(names) - 0.5, -0.5)
    axes.set_yticks(range(len(names)), [_label(name) for name in names])
    _minutes_axis(axes, "Antwortzeit in Minuten")
    axes.grid(axis="x", color="0.9", linewidth=0.6)
    handles = [
        Line2D(
            [],
            [],
            linestyle="none",
            marker="o",
            markerfacecolor="white",
            markeredgecolor="black",
            markersize=5,
            label="Antwort",
        ),
        Line2D(
            [],
            [],
            linestyle="none",
            marker="|",
            markersize=12,
            markeredgewidth=2.8,
            color="black",
            label="Median",
        ),
        Line2D([], [], label="Ziel", **TARGET_LINE),
    ]
    figure.legend(handles=handles, loc="outside lower center", ncols=3, frameon=False)
    return figure


def _minutes_axis(axes: Axes, label: str) -> None:
    axes.xaxis.set_major_locator(MaxNLocator(nbins=10, steps=[1, 2, 5, 10]))
    axes.xaxis.set_major_formatter(FuncFormatter(lambda value, _: decimal(value)))
    axes.set_xlabel(label)
    axes.spines[["top", "right"]].set_visible(False)


def _label(text: str) -> str:
    """One line the chart font can draw in full, shortened with "…"."""
    glyphs = _glyphs()
    cleaned = " ".join("".join(char if ord(char) in glyphs else " " for char in text).split())
    if len(cleaned) > LABEL_LENGTH:
        cleaned = cleaned[: LABEL_LENGTH - 1].rstrip() + "…"
    return cleaned or "–"


@functools.cache
def _glyphs() -> frozenset[int]:
    """Code points the chart font has (a missing one would be a warning from matplotlib)."""
    path = font_manager.findfont(FONT, fallback_to_default=False)
    return frozenset(font_manager.get_font(path).get_charmap())
