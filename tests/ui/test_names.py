"""Every journal action has words in the console and in the printed Einsatztagebuch."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from kriseninfo.journal.actions import Action
from kriseninfo.journal.wording import ACTION_NAMES
from kriseninfo_ui.names import action_name


@pytest.mark.parametrize("action", list(Action))
def test_every_action_is_worded_the_same_in_console_and_print(
    qapp: QApplication, action: Action
) -> None:
    assert action_name(action) == ACTION_NAMES[action]
    assert action_name(action) != action.value
