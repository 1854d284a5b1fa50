"""Compare any two saved versions of a draft, word by word: what was removed, what added."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kriseninfo.messagesets.diff import Change, Piece, diff_versions
from kriseninfo.messagesets.records import Version

# Colour for the eye, strike-through and underline for greyscale print and colour blindness;
# black text on both backgrounds keeps the contrast above 15:1.
STYLES = {
    Change.SAME: "",
    Change.REMOVED: "background-color:#ffd6d6; color:#000000; text-decoration:line-through;",
    Change.ADDED: "background-color:#d2f5d2; color:#000000; text-decoration:underline;",
}


def diff_html(pieces: Sequence[Piece]) -> str:
    """The pieces as HTML; every text escaped, line breaks and spaces kept as written.

    A replaced word is shown as the old one, a space, the new one: "~~im~~ in", never "imin".
    """
    spans = []
    previous: Piece | None = None
    for piece in pieces:
        if (
            previous is not None
            and (previous.change, piece.change) == (Change.REMOVED, Change.ADDED)
            and not previous.text[-1:].isspace()
            and not piece.text[:1].isspace()
        ):
            spans.append(" ")
        text = html.escape(piece.text, quote=True)
        style = STYLES[piece.change]
        spans.append(f'<span style="{style}">{text}</span>' if style else text)
        previous = piece
    return '<div style="white-space:pre-wrap;">' + "".join(spans) + "</div>"


class VersionsDialog(QDialog):
    def __init__(self, versions: Sequence[Version], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Versionen vergleichen"))
        self.versions = sorted(versions, key=lambda v: v.version)

        self.old = QComboBox(self)
        self.old.setObjectName("oldVersion")
        self.new = QComboBox(self)
        self.new.setObjectName("newVersion")
        for combo in (self.old, self.new):
            for number, version in enumerate(self.versions):
                combo.addItem(self.version_label(version), number)
        if self.versions:
            self.old.setCurrentIndex(max(len(self.versions) - 2, 0))
            self.new.setCurrentIndex(len(self.versions) - 1)

        self.legend = QLabel(
            self.tr(
                "Entfernt: durchgestrichen, rot hinterlegt · "
                "Hinzugefügt: unterstrichen, grün hinterlegt"
            ),
            self,
        )
        self.legend.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("diffSummary")
        self.summary.setWordWrap(True)
        self.text = QTextBrowser(self)
        self.text.setObjectName("versionDiff")
        self.text.setAccessibleName(self.tr("Unterschiede"))
        self.text.setOpenLinks(False)
        self.text.setOpenExternalLinks(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Schließen"))
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("&Ältere Version"), self.old)
        form.addRow(self.tr("&Neuere Version"), self.new)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.legend)
        layout.addWidget(self.summary)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 480)

        self.old.currentIndexChanged.connect(self.show_diff)
        self.new.currentIndexChanged.connect(self.show_diff)
        self.show_diff()
        self.new.setFocus()

    def version_label(self, version: Version) -> str:
        """ "Version 3 · 14:05 · Clara Claus · bearbeitet"; the date too if not the newest's."""
        local = version.created_at.astimezone()
        newest = self.versions[-1].created_at.astimezone()
        time = local.strftime("%H:%M" if local.date() == newest.date() else "%d.%m. %H:%M")
        notes = {
            "erstellt": self.tr("erstellt"),
            "bearbeitet": self.tr("bearbeitet"),
            "als Thread aufgeteilt": self.tr("als Thread aufgeteilt"),
        }
        parts = [
            self.tr("Version {number}").format(number=version.version),
            time,
            version.created_by_name,
            notes.get(version.note, version.note),
        ]
        return " · ".join(part for part in parts if part)

    def chosen(self) -> tuple[Version, Version] | None:
        if not self.versions:
            return None
        return self.versions[self.old.currentData()], self.versions[self.new.currentData()]

    def show_diff(self) -> None:
        pair = self.chosen()
        if pair is None:
            self.summary.setText(self.tr("Es gibt noch keine gespeicherte Version."))
            self.text.clear()
            return
        old, new = pair
        pieces = diff_versions(old, new)
        if old.version == new.version:
            self.summary.setText(self.tr("Beide Seiten zeigen dieselbe Version."))
        elif all(piece.change is Change.SAME for piece in pieces):
            self.summary.setText(self.tr("Keine Unterschiede im Text."))
        else:
            self.summary.setText("")
        self.text.setHtml(diff_html(pieces))
