"""Baseline child: the least a PySide6 window costs (QApplication + empty QMainWindow).

`python -m bench.bare_qt [IDLE_SECONDS]` prints "painted" after the first paint and, after
the idle time, its resident memory. Kriseninfo's numbers are judged against this.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMainWindow

from bench.paint_probe import FirstPaintProbe, idle_ms_from_argv


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1200, 780)  # the size MainWindow gives itself: the same pixels to fill
    FirstPaintProbe(app, window, idle_ms_from_argv(1))
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
