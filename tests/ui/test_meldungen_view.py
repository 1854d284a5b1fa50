"""The Meldungen area on its own: images with alt text, and two people on one draft."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from kriseninfo.context import AppContext
from kriseninfo.counting.platforms import Platform
from kriseninfo.domain import IncidentMode, Person, Role
from kriseninfo.messagesets.facts import examples
from kriseninfo.messagesets.records import MessageSetView
from kriseninfo.messagesets.start import start_from_playbook
from kriseninfo_ui.mainwindow import Area, MainWindow
from tests.ui.conftest import type_text, when_modal

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def generated(core: AppContext, seeded: Person) -> MessageSetView:
    playbook = core.playbooks.find("bombenentschaerfung")
    incident = start_from_playbook(core, "", IncidentMode.DRILL, playbook, seeded)
    core.plans.set_facts(incident.id, playbook, examples(playbook), seeded)
    core.accounts.create(Platform.MASTODON, "Stadt Moers", seeded)
    return core.messagesets.generate(incident.id, seeded)


def open_meldungen(window: MainWindow, qtbot: QtBot) -> None:
    window.lage_view.reload()
    window.show_area(Area.MELDUNGEN)
    view = window.meldungen_view
    qtbot.waitUntil(lambda: view.editor.draft is not None, timeout=15_000)


def test_an_image_without_alt_text_is_flagged_until_described(
    window: MainWindow, core: AppContext, seeded: Person, qtbot: QtBot, tmp_path: Path
) -> None:
    view_set = generated(core, seeded)
    open_meldungen(window, qtbot)
    editor = window.meldungen_view.editor
    draft = view_set.drafts[0]
    image = tmp_path / "karte.png"
    image.write_bytes(PNG)

    editor.attach_requested.emit(draft.id, draft.version, str(image), "")

    qtbot.waitUntil(lambda: editor.media.count() == 1 and "OHNE" in editor.media.item(0).text())
    qtbot.waitUntil(lambda: "Alternativtext" in editor.problems.text())
    assert editor.problems.property("blocking") is True
    current = editor.draft
    assert current is not None
    editor.alt_requested.emit(current.id, current.version, 0, "Karte des Sperrgebiets")
    qtbot.waitUntil(lambda: "Karte des Sperrgebiets" in editor.media.item(0).text())
    assert "Alternativtext" not in editor.problems.text()


def test_a_colleagues_newer_save_is_never_overwritten(
    window: MainWindow, core: AppContext, seeded: Person, qtbot: QtBot
) -> None:
    view_set = generated(core, seeded)
    colleague = core.users.create("Bernd Berg", Role.REDAKTION, "1357", seeded)
    open_meldungen(window, qtbot)
    editor = window.meldungen_view.editor
    draft = view_set.drafts[0]
    # Bernd saves at his console while Anna is about to type here.
    core.messagesets.edit(
        draft.id, draft.version, colleague, parts=["Bernds Fassung. Bitte meiden."]
    )
    seen: list[str] = []

    def read(box: QMessageBox) -> None:
        seen.append(box.text())
        box.accept()

    when_modal(QMessageBox, read)
    editor.part_edits[0].setFocus()
    type_text(editor.part_edits[0], " Annas Zusatz.")
    editor.flush()

    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert "Bernd Berg hat diese Meldung inzwischen geändert" in seen[0]
    assert "Zwischenablage" in seen[0]
    stored = core.messagesets.get(view_set.id).draft(draft.id)
    assert stored.parts == ("Bernds Fassung. Bitte meiden.",)
    qtbot.waitUntil(lambda: editor.current_parts() == ["Bernds Fassung. Bitte meiden."])


def test_a_single_message_goes_to_release_on_its_own(
    window: MainWindow, core: AppContext, seeded: Person, qtbot: QtBot
) -> None:
    from kriseninfo.messagesets.kinds import DraftStatus
    from kriseninfo_ui.dialogs.release_dialog import ReleaseDialog

    core.accounts.create(Platform.WEBSITE, "moers.de", seeded)
    view_set = generated(core, seeded)
    core.users.create("Bernd Berg", Role.FREIGABE, "1357", seeded)
    open_meldungen(window, qtbot)
    view = window.meldungen_view
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    view.table.selectRow(1)
    chosen = view_set.drafts[1].id
    qtbot.waitUntil(lambda: view.editor.draft is not None and view.editor.draft.id == chosen)
    shown: list[int] = []

    def release(dialog: ReleaseDialog) -> None:
        shown.extend(d.id for d in dialog.view.drafts)
        type_text(dialog.pin, "1357")
        dialog.buttons.accepted.emit()

    when_modal(ReleaseDialog, release)
    view.submit_current()

    qtbot.waitUntil(
        lambda: core.messagesets.get(view_set.id).draft(chosen).status is DraftStatus.FREIGEGEBEN,
        timeout=10_000,
    )
    assert shown == [chosen]
    other = core.messagesets.get(view_set.id).drafts[0]
    assert other.status is DraftStatus.ENTWURF
