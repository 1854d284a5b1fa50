"""Writing the Nachbereitung of an incident to a file the officer picks (PDF or HTML);
the figures are read and the report drawn on a background worker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from kriseninfo_ui.messages import error_text
from kriseninfo_ui.session import Session

REPORT_SUFFIXES = frozenset({".pdf", ".html", ".htm"})


def export_review(
    parent: QWidget, session: Session, incident_id: int, say: Callable[[str], None]
) -> None:
    """Ask where, then write; `say` gets the progress and the outcome in words."""
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ReviewExport", "Nachbereitung speichern"),
        str(Path.home() / f"nachbereitung-lage-{incident_id}.pdf"),
        QCoreApplication.translate("ReviewExport", "PDF (*.pdf);;HTML (*.html)"),
    )
    if not name:
        return
    target = Path(name)
    if target.suffix.lower() not in REPORT_SUFFIXES:
        target = target.with_suffix(".pdf")
    context = session.context

    def write() -> Path:
        from kriseninfo.review.report import write_report

        write_report(context.reviews.review(incident_id), target)
        return target

    def done(written: Path | None, error: BaseException | None) -> None:
        if error is not None or written is None:
            say(
                QCoreApplication.translate(
                    "ReviewExport", "Nachbereitung nicht erstellt: {reason}"
                ).format(reason=error_text(error))
            )
        else:
            say(
                QCoreApplication.translate(
                    "ReviewExport", "Nachbereitung gespeichert: {path}"
                ).format(path=str(written))
            )

    say(QCoreApplication.translate("ReviewExport", "Nachbereitung wird erstellt …"))
    session.background.run(write, done, owner=parent)
