"""The dialog feed's table model: rows inserted where they belong without a reset,
changes in place, filter and order, ages against the targets, overdue counting."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
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


def test_an_emergency_says_why_in_its_row_and_a_guess_in_its_tooltip(qtbot: QtBot) -> None:
    model = DialogTableModel()
    urgent = replace(
        item(1, "Kind bekommt keine Luft", Category.NOTFALL), triage_why="Atemnot · Kind"
    )
    rumour = replace(item(2, "Stimmt es?", Category.GERUECHT), triage_why="Hörensagen")
    mine = replace(item(3, "Danke", Category.SONSTIGES), category_by_hand=True)
    model.merge([urgent, rumour, mine])
    by_id = {row.id: n for n, row in enumerate(model.rows)}
    cell = model.index(by_id[1], model.CATEGORY)
    assert model.data(cell) == "Notfall · Atemnot"  # the strongest reason in the row
    assert "Atemnot · Kind" in model.data(cell, Qt.ItemDataRole.ToolTipRole)
    rumour_cell = model.index(by_id[2], model.CATEGORY)
    assert model.data(rumour_cell) == "Gerücht"  # the reason only in the tooltip
    assert "Hörensagen" in model.data(rumour_cell, Qt.ItemDataRole.ToolTipRole)
    by_hand = model.index(by_id[3], model.CATEGORY)
    assert model.data(by_hand, Qt.ItemDataRole.ToolTipRole) == "Von Hand eingeordnet."


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


# -- the model against a plain reference: every row, count and due item the same -------
STATES = ["offen", "in_arbeit", "in_freigabe", "beantwortet", "erledigt"]
WORDS = ["Schule", "STRASSE", "Straße", "Kita", "ß", "ä", "Ä", "😀", "bus", "e"]


def reference_rows(model: DialogTableModel, items: dict[int, ItemView]) -> list[int]:
    """What the table shows, computed from scratch: a filter pass, then a full sort."""
    f, targets = model.filter, model.targets
    wanted = {
        Show.OPEN: {"offen", "in_arbeit"},
        Show.MINE: {"in_arbeit"},
        Show.WAITING: {"in_freigabe"},
        Show.DONE: {"beantwortet", "erledigt"},
        Show.ALL: None,
    }[f.show]
    words = f.text.casefold().split()

    def deadline(i: ItemView) -> float:
        return (i.received_at + targets[i.category or Category.FRAGE]).timestamp()

    def urgency(i: ItemView) -> tuple[int, float, int]:
        if i.item_state.is_open:
            return (0 if i.category is Category.NOTFALL else 1, deadline(i), i.id)
        return (2 if i.state == "in_freigabe" else 3, deadline(i), i.id)

    shown = [
        i
        for i in items.values()
        if (wanted is None or i.state in wanted)
        and (f.show is not Show.MINE or i.claimed_by == f.me)
        and (f.category is None or i.category is f.category)
        and (f.source is None or i.source_name == f.source)
        and all(w in f"{i.author}\n{i.title}\n{i.text}".casefold() for w in words)
    ]
    if model.order is Order.URGENT:
        shown.sort(key=urgency)
    else:
        shown.sort(key=lambda i: i.id, reverse=model.order is Order.NEWEST)
    return [i.id for i in shown]


def random_item(number: int, data: st.DataObject) -> ItemView:
    return replace(
        item(
            number,
            " ".join(data.draw(st.lists(st.sampled_from(WORDS), max_size=3))),
            data.draw(st.sampled_from(list(Category))),
            minutes=data.draw(st.integers(-30, 30)),
        ),
        state=data.draw(st.sampled_from(STATES)),
        claimed_by=data.draw(st.sampled_from([None, 1, 2])),
    )


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_rows_counts_and_due_items_match_a_plain_reference(
    qapp: QApplication, data: st.DataObject
) -> None:
    model = DialogTableModel()
    model.now = START
    items: dict[int, ItemView] = {}
    for _ in range(data.draw(st.integers(1, 12))):
        step = data.draw(st.sampled_from(["new", "change", "arrange", "tick", "targets"]))
        if step == "new":  # a poll: new ids, now and then an older one
            numbers = data.draw(st.lists(st.integers(1, 40), max_size=6, unique=True))
            fresh = [random_item(n, data) for n in numbers if n not in items]
            model.merge(fresh)
            items.update((i.id, i) for i in fresh)
        elif step == "change" and items:
            old = items[data.draw(st.sampled_from(sorted(items)))]
            new = replace(
                random_item(old.id, data),
                text=data.draw(st.sampled_from([old.text, "Straße gesperrt 😀"])),
            )
            model.merge([new])
            items[new.id] = new
        elif step == "arrange":
            model.arrange(
                Filter(
                    show=data.draw(st.sampled_from(list(Show))),
                    category=data.draw(st.sampled_from([None, *Category])),
                    source=data.draw(st.sampled_from([None, "Hashtag", "Polizei"])),
                    text=" ".join(data.draw(st.lists(st.sampled_from(WORDS), max_size=2))),
                    me=1,
                ),
                data.draw(st.sampled_from(list(Order))),
            )
        elif step == "tick":
            before = model.now.timestamp()
            now = model.now + timedelta(minutes=data.draw(st.integers(0, 90)))
            due = sorted(
                (deadline, i.id)
                for i in items.values()
                if i.item_state.is_open
                and before
                < (
                    deadline := (i.received_at + model.targets[i.category or Category.FRAGE])
                ).timestamp()
                <= now.timestamp()
            )
            assert [i.id for i in model.tick(now)] == [n for _, n in due]
        elif step == "targets":
            minutes = data.draw(st.integers(1, 120))
            model.set_targets({**model.targets, Category.FRAGE: timedelta(minutes=minutes)})
        expected = reference_rows(model, items)
        assert [r.id for r in model.rows] == expected
        assert [model.row_of(n) for n in expected] == list(range(len(expected)))
        assert model.all_items() == [items[n] for n in sorted(items)]
        now = model.now.timestamp()
        assert model.overdue_count() == sum(
            1
            for i in items.values()
            if i.item_state.is_open
            and (i.received_at + model.targets[i.category or Category.FRAGE]).timestamp() <= now
        )
        emergencies = [i for i in items.values() if i.category is Category.NOTFALL]
        assert {i.id for i in model.open_emergencies()} == {
            i.id for i in emergencies if i.item_state.is_open
        }


def test_all_roles_of_a_cell_in_one_call_are_what_each_role_gives(qapp: QApplication) -> None:
    from PySide6.QtCore import QModelRoleData

    model = DialogTableModel()
    model.now = START + timedelta(minutes=20)
    model.merge(
        [
            item(1, "Frage?"),
            item(2, "Hilfe!", Category.NOTFALL, minutes=19),
            replace(item(3, "Danke"), state="erledigt"),
        ]
    )
    roles = [
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.CheckStateRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.UserRole,
    ]
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            span = [QModelRoleData(role) for role in roles]
            model.multiData(index, span)  # type: ignore[arg-type]  # a list is a span
            assert [d.data() for d in span] == [model.data(index, role) for role in roles]
