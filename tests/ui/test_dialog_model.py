"""The dialog feed's table model: rows inserted where they belong without a reset,
changes in place, filter and order, ages against the targets, overdue counting."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from kriseninfo.dialog.service import ItemView
from kriseninfo.playbooks.kinds import Category
from kriseninfo_ui.views.dialog_model import DialogTableModel, Filter, Order, Show

START = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def item(number: int, text: str, category: Category = Category.FRAGE, minutes: int = 0) -> ItemView:
    return ItemView(
        id=number,
        incident_id=1,
        source_name="Hashtag" if number % 2 else "Polizei",
        author=f"Person {number}",
        title="",
        text=text,
        link="",
        in_reply_to="",
        published_at=None,
        received_at=START + timedelta(minutes=minutes),
        category=category,
        state="offen",
        claimed_by=None,
        claimed_by_name="",
        claimed_at=None,
    )


def test_rows_arrive_in_place_and_emergencies_come_first(qtbot: QtBot) -> None:
    model = DialogTableModel()
    resets: list[int] = []
    inserted: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    model.merge([item(1, "Ist die Schule offen?"), item(2, "Wo ist die Sammelstelle?", minutes=1)])
    model.merge([item(3, "Hilfe, eingeschlossen!", Category.NOTFALL, minutes=2)])
    assert [r.id for r in model.rows] == [3, 1, 2]  # the emergency on top, then by deadline
    assert resets == [] and inserted == [(0, 1), (0, 0)]
    assert model.data(model.index(0, model.TEXT), Qt.ItemDataRole.ForegroundRole) is not None

    answered = replace(model.rows[0], state="beantwortet", answered_at=START + timedelta(minutes=3))
    model.merge([answered])  # leaves the "open" view
    assert [r.id for r in model.rows] == [1, 2] and model.open_emergencies() == []
    model.arrange(Filter(show=Show.ALL), Order.NEWEST)
    assert [r.id for r in model.rows] == [3, 2, 1]
    assert model.data(model.index(0, model.AGE)) == "nach 1 min"


def test_filter_by_words_category_and_source() -> None:
    model = DialogTableModel()
    model.merge(
        [
            item(1, "Ist die Schule morgen offen?"),
            item(2, "Die Schule brennt!", Category.GERUECHT),
            item(3, "Wann fährt der Bus wieder?"),
        ]
    )
    model.arrange(Filter(text="SCHULE offen"))
    assert [r.id for r in model.rows] == [1]
    model.arrange(Filter(category=Category.GERUECHT))
    assert [r.id for r in model.rows] == [2]
    model.arrange(Filter(source="Hashtag"))
    assert [r.id for r in model.rows] == [1, 3]
    assert model.row_of(3) == 1 and model.row_of(2) is None


def test_ages_turn_overdue_once_and_are_counted() -> None:
    model = DialogTableModel()
    model.now = START
    model.merge([item(1, "Frage?"), item(2, "Notfall!", Category.NOTFALL)])
    assert model.tick(START + timedelta(minutes=1)) == []
    assert [i.id for i in model.tick(START + timedelta(minutes=3))] == [2]  # Notfall: 2 min
    assert model.overdue_count() == 1
    assert model.data(model.index(0, model.AGE)).startswith("ÜBERFÄLLIG")
    assert model.data(model.index(0, model.AGE), Qt.ItemDataRole.BackgroundRole) is not None
    assert [i.id for i in model.tick(START + timedelta(minutes=16))] == [1]  # Frage: 15 min
    assert model.tick(START + timedelta(minutes=17)) == []  # each only once
    assert model.overdue_count() == 2
    model.set_targets({**model.targets, Category.FRAGE: timedelta(hours=1)})
    assert model.overdue_count() == 1
    assert model.rowCount(QModelIndex()) == 2


def test_a_changed_row_moves_with_its_selection(qtbot: QtBot) -> None:
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QTableView

    model = DialogTableModel()
    model.merge([item(n, f"Frage {n}", minutes=n) for n in range(1, 6)])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.selectionModel().select(
        model.index(4, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    removed: list[int] = []
    model.rowsRemoved.connect(lambda *_: removed.append(1))
    model.merge([replace(model.rows[4], category=Category.NOTFALL)])  # now on top
    assert [r.id for r in model.rows] == [5, 1, 2, 3, 4] and removed == []
    assert [i.row() for i in view.selectionModel().selectedRows()] == [0]
    model.merge([replace(model.rows[0], category=Category.BESCHWERDE)])  # target 1 h: last
    assert [r.id for r in model.rows] == [1, 2, 3, 4, 5]
    assert [i.row() for i in view.selectionModel().selectedRows()] == [4]
