"""The stripes that say on every screen whether an incident is a drill or real.

Part of the window frame that paints first, so this module stays free of the `Qt`
namespace (creating its enums costs ~40 ms): the centring comes from the style sheet.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


class DrillBanner(QLabel):
    """The unmistakable ÜBUNG stripe shown on every screen of a drill incident."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("drillBanner")
        self._base = self.tr("ÜBUNG – Nichts aus dieser Lage erreicht die Öffentlichkeit")
        self.setText(self._base)
        self.setAccessibleName(self.tr("Übungsmodus"))

    def show_clock(self, clock: str) -> None:
        """The drill clock beside the warning ("Übungsuhr 0:12:30 · 60×"), or nothing."""
        self.setText(f"{self._base} · {clock}" if clock else self._base)


class RealBanner(QLabel):
    """A quiet reminder that this incident is real: everything goes to the public."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("realBanner")
        self.setText(self.tr("ECHTLAGE – Meldungen dieser Lage gehen an die Öffentlichkeit"))
