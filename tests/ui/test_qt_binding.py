"""The Qt binding itself must not wear the interpreter down: PySide6 6.12.0 took one
reference from `True` on every signal emitted from Python, and Python 3.11 aborts
("bool_dealloc") once it reaches zero, after some thousands of emits: hours into a shift.
pyproject excludes that release; this test notices such a binding again."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Sender(QObject):
    changed = Signal(int)
    done = Signal()


def test_emitting_signals_leaves_the_reference_counts_of_true_and_false_alone() -> None:
    sender = _Sender()
    received: list[int] = []
    sender.changed.connect(received.append)
    sender.done.connect(lambda: None)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for number in range(2_000):
        sender.changed.emit(number)
        sender.done.emit()
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert len(received) == 2_000
    assert [a - b for a, b in zip(after, before, strict=True)] == [0, 0]
