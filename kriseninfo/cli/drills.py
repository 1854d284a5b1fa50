"""`kriseninfo drill PLAYBOOK`: start a drill (or run a whole one headless), and
`kriseninfo review INCIDENT`: the after-action report of a drill or a closed incident."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from kriseninfo.cli.common import State, fail, login, opened
from kriseninfo.drills.clock import MAX_SPEED, MIN_SPEED
from kriseninfo.drills.marks import DEFAULT_PREFIX
from kriseninfo.review.model import Unit

if TYPE_CHECKING:
    from kriseninfo.context import AppContext
    from kriseninfo.review.model import Figure, Review


@click.command()
@click.argument("playbook_id")
@click.option(
    "--speed",
    type=click.FloatRange(MIN_SPEED, MAX_SPEED),
    default=1.0,
    show_default=True,
    help="How much faster than real time the drill clock runs.",
)
@click.option("--headless", is_flag=True, help="Run the whole drill here, without a window.")
@click.option(
    "--auto-answer",
    is_flag=True,
    help="An automatic team answers every inject and publishes the phases' messages "
    "(to the Übungs-Timeline only). Needs --headless and a Leitung --user.",
)
@click.option(
    "--report",
    "report",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the after-action report there (.html or .pdf) when the drill ends.",
)
@click.option(
    "--mark",
    default=DEFAULT_PREFIX,
    show_default=True,
    help="What every text of the drill starts with.",
)
@click.option("--user", "user_name", required=True, help="Exercise lead (asked for the PIN).")
@click.pass_obj
def drill(
    state: State,
    playbook_id: str,
    speed: float,
    headless: bool,
    auto_answer: bool,
    report: Path | None,
    mark: str,
    user_name: str,
) -> None:
    """Start a drill of PLAYBOOK_ID. Its injects arrive in the dialog feed on the drill
    clock; nothing of it is ever published. With --headless the drill runs to its end
    here and its figures are printed as JSON."""
    if (auto_answer or report) and not headless:
        fail("--auto-answer and --report need --headless (in the console, use Nachbereitung)")
    if report is not None:
        _check_suffix(report)
    with opened(state) as context:
        lead = login(context, user_name)
        playbook = context.playbooks.find(playbook_id)
        if not headless:
            started = context.drills.start(playbook, lead, speed=speed, prefix=mark)
            click.echo(
                json.dumps({"incident": started.incident_id, "drill": started.id, "speed": speed})
            )
            return
        from kriseninfo.drills.headless import Headless

        runner = Headless(
            context,
            lead,
            speed=speed,
            auto_answer=auto_answer,
            prefix=mark,
            on_event=lambda text: click.echo(text, err=True),
        )
        ended = runner.run(playbook)
        _finish(context, ended.incident_id, report)


@click.command()
@click.argument("incident_id", type=int)
@click.option(
    "--report",
    "report",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report there (.html or .pdf).",
)
@click.pass_obj
def review(state: State, incident_id: int, report: Path | None) -> None:
    """Print the figures of a drill or a closed incident as JSON (and write the report)."""
    if report is not None:
        _check_suffix(report)
    with opened(state) as context:
        _finish(context, incident_id, report)


def _finish(context: AppContext, incident_id: int, report: Path | None) -> None:
    result = context.reviews.review(incident_id)
    if report is not None:
        from kriseninfo.review.report import write_report

        write_report(result, report)
    click.echo(json.dumps(figures_json(result), ensure_ascii=False, indent=2))


def figures_json(result: Review) -> dict[str, Any]:
    """The figures as the headless drill prints them (seconds on the drill clock)."""

    def figures(one: Review) -> dict[str, Any]:
        return {
            f.key: {"label": f.label, "value": _rounded(f), "unit": f.unit.value, "note": f.note}
            for f in one.figures
        }

    return {
        "incident": result.incident_id,
        "playbook": result.playbook_id,
        "drill": result.drill,
        "speed": result.speed,
        "duration_s": round(result.duration, 1),
        "figures": figures(result),
        "previous": figures(result.previous) if result.previous else None,
        "remarks": list(result.remarks),
    }


def _rounded(figure: Figure) -> float | None:
    if figure.value is None:
        return None
    return round(figure.value, 3 if figure.unit is Unit.SHARE else 1)


def _check_suffix(path: Path) -> None:
    if path.suffix.lower() not in {".html", ".htm", ".pdf"}:
        fail(f"{path}: the report is written as .html or .pdf")
