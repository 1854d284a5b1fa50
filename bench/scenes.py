"""One function per screenshot: bring the real console to that screen, wait, save a PNG.

Each scene waits for the data it shows (loaded on the worker thread) rather than sleeping,
so the pictures are complete on a slow CI machine and quick on a fast one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QDialog, QWidget

from bench.seed import Seeded
from bench.waiting import wait_until
from kriseninfo.context import AppContext
from kriseninfo_ui.app import Console
from kriseninfo_ui.dialogs.login_dialog import FirstPersonDialog, LoginDialog
from kriseninfo_ui.dialogs.new_incident_dialog import NewIncidentDialog
from kriseninfo_ui.dialogs.release_dialog import ReleaseDialog
from kriseninfo_ui.mainwindow import Area, MainWindow

WINDOW_SIZE = QSize(1280, 800)


@dataclass(frozen=True)
class Studio:
    """Where pictures go and what they show: the console, its seed, the output folder."""

    console: Console
    seeded: Seeded
    outdir: Path

    @property
    def window(self) -> MainWindow:
        assert self.console.window is not None
        return self.console.window

    @property
    def context(self) -> AppContext:
        assert self.console.context is not None
        return self.console.context

    def save(self, widget: QWidget, name: str) -> None:
        wait_until(
            lambda: not (self.console.runner.busy or self.console.background.busy),
            "the workers to finish",
        )
        target = self.outdir / name
        if not widget.grab().save(str(target), "PNG"):
            raise OSError(f"cannot write {target}")
        print(f"saved {target}")


def lage(studio: Studio, incident_id: int, name: str) -> None:
    """The Lage area with `incident_id` active, its Lagebild and banner in place."""
    window = studio.window
    window.resize(WINDOW_SIZE)
    window.show_area(Area.LAGE)
    view = window.lage_view
    wait_until(lambda: view.model.rowCount() >= 2, "the incident list")
    row = view.model.row_of(incident_id)
    assert row is not None
    view.list.setCurrentIndex(view.model.index(row))
    incidents = studio.context.incidents
    incident = studio.console.run_blocking(lambda: incidents.get(incident_id))
    banner = window.drill_banner if incident.is_drill else window.real_banner
    wait_until(
        lambda: (
            view.form.incident is not None
            and view.form.incident.id == incident_id
            and view.heading.text() == incident.title
            and banner.isVisible()
            and window.size() == WINDOW_SIZE
        ),
        f"the Lagebild of {incident.title!r}",
    )
    studio.save(window, name)


def journal(studio: Studio) -> None:
    window = studio.window
    window.show_area(Area.JOURNAL)
    wait_until(lambda: window.journal_view.model.rowCount() > 0, "journal lines")
    studio.save(window, "einsatztagebuch.png")


def playbooks(studio: Studio) -> None:
    """The library with the bundled playbooks, the first one's phase texts rendered."""
    window = studio.window
    window.show_area(Area.PLAYBOOKS)
    view = window.playbooks_view
    wait_until(lambda: view.model.rowCount() > 0, "the playbook library")
    row = next(
        (
            r
            for r in range(view.model.rowCount())
            if view.model.entry_at(r).id == "bombenentschaerfung"
        ),
        0,
    )
    view.table.selectRow(row)
    view.preview.phase.setCurrentIndex(min(1, view.preview.phase.count() - 1))
    wait_until(lambda: view.preview.checklist.text() != "", "the phase preview")
    studio.save(window, "playbooks.png")
    view.tabs.setCurrentWidget(view.editor)
    studio.save(window, "playbook-yaml.png")
    view.tabs.setCurrentWidget(view.preview)


def settings(studio: Studio) -> None:
    window = studio.window
    window.show_area(Area.SETTINGS)
    wait_until(lambda: window.settings_view.people.count() >= 3, "the list of people")
    accounts = window.settings_view.accounts_panel
    wait_until(lambda: accounts.model.rowCount() == 8, "the channel accounts")
    studio.save(window, "einstellungen.png")


def meldungen(studio: Studio) -> None:
    """The drill's first message set, waiting for release; then the release dialog."""
    lage(studio, studio.seeded.drill_id, "lage-uebung.png")
    window = studio.window
    window.show_area(Area.MELDUNGEN)
    view = window.meldungen_view
    wait_until(
        lambda: (
            view.current_set() is not None
            and view.editor.draft is not None
            and view.left.verticalScrollBar().isVisible()  # the facts form laid out
        ),
        "the message set",
    )
    view.table.selectRow(0)
    studio.save(window, "meldungen.png")
    view.table.selectRow(3)  # the SMS, counted in GSM-7 segments
    wait_until(
        lambda: (
            view.editor.draft is not None
            and view.editor.draft.platform == "sms"
            and bool(view.preview.part_labels)
            and view.preview.part_labels[0].isVisible()
        ),
        "the SMS and its preview",
    )
    studio.save(window, "meldungen-sms.png")
    state, fresh = view.state, view.current_set()
    assert state is not None and fresh is not None
    release = ReleaseDialog(
        fresh,
        state.people,
        studio.console.runner,
        lambda *_: fresh,
        confirm_allowed=True,
        eilfreigabe_allowed=False,
        signed_in=state.people[0],
        parent=window,
    )
    dialog(studio, release, "freigabe.png")


def queue(studio: Studio) -> None:
    """The Warteschlange of the real incident: published, manual, offline and failed."""
    from kriseninfo.publishing.states import DeliveryState

    lage(studio, studio.seeded.real_id, "lage.png")
    window = studio.window
    window.show_area(Area.WARTESCHLANGE)
    view = window.queue_view
    wait_until(
        lambda: (
            {DeliveryState.SENT, DeliveryState.FAILED} <= {row.state for row in view.model.rows}
        ),
        "deliveries sent and failed",
    )
    failed = next(n for n, r in enumerate(view.model.rows) if r.state is DeliveryState.FAILED)
    view.table.selectRow(failed)
    studio.save(window, "warteschlange.png")


def dialog_feed(studio: Studio) -> None:
    """The Dialog area: an emergency on top, overdue questions, suggestions for one."""
    window = studio.window
    window.show_area(Area.DIALOG)
    view = window.dialog_view
    wait_until(lambda: view.model.rowCount() >= 6, "dialog items shown")
    question = next(n for n, r in enumerate(view.model.rows) if "Wohnung" in r.text)
    view.table.selectRow(question)
    wait_until(lambda: view.answer.suggestions.count() > 0, "answer suggestions")
    wait_until(lambda: view.faq_list.count() > 0, "Häufige Fragen", timeout_s=15)
    studio.save(window, "dialog.png")


def uebungen(studio: Studio, incident_id: int) -> None:
    """The Übungen area: a running drill's Übungsleitung and injects, then what it would
    have published (the Übungs-Timeline)."""
    window = studio.window
    window.show_area(Area.UEBUNGEN)
    view = window.drills_view
    wait_until(lambda: view.list.count() >= 2, "the drills listed")
    row = next(
        n
        for n in range(view.list.count())
        if view.list.item(n).data(Qt.ItemDataRole.UserRole) == incident_id
    )
    view.list.setCurrentRow(row)
    wait_until(
        lambda: view._shown is not None and view._shown.incident_id == incident_id,
        "the running drill shown",
    )
    wait_until(lambda: view.injects.rowCount() > 5, "its injects")
    studio.save(window, "uebungen.png")
    view.tabs.setCurrentWidget(view.timeline)
    wait_until(lambda: len(view.timeline._ids) >= 2, "the Übungs-Timeline")
    studio.save(window, "uebungs-timeline.png")


def account_setup(studio: Studio) -> None:
    """Settings → Kanäle → a Mastodon account's connection, token stored."""
    from kriseninfo_ui.dialogs.account_dialog import AccountDialog

    window = studio.window
    session = window.session
    assert session is not None
    account = next(
        a
        for a in studio.context.accounts.list(studio.seeded.real_id)
        if a.name == "Feuerwehr Moers"
    )
    edit = AccountDialog(session, studio.seeded.real_id, window, account=account)
    edit.show()
    wait_until(lambda: edit.connection is not None, "the connection rows")
    studio.save(edit, "kanal-verbindung.png")
    edit.reject()


def dialog(studio: Studio, dialog: QDialog, name: str) -> None:
    """A dialog as the user meets it: shown (not exec'd, so this code keeps running)."""
    dialog.show()
    wait_until(dialog.isVisible, f"{name} to show")
    studio.save(dialog, name)
    dialog.reject()
    dialog.deleteLater()


def login(studio: Studio) -> None:
    people = studio.console.run_blocking(studio.context.users.list)
    dialog(studio, LoginDialog(studio.context, studio.console.runner, people), "anmelden.png")


def first_person(studio: Studio) -> None:
    dialog(studio, FirstPersonDialog(studio.context, studio.console.runner), "ersteinrichtung.png")


def new_incident(studio: Studio) -> None:
    dialog(studio, NewIncidentDialog(studio.window), "neue-lage.png")


def english(studio: Studio) -> None:
    """Switch language the way the settings screen does; the console rebuilds its window."""
    studio.console.change_language("en")
    lage(studio, studio.seeded.real_id, "lage-en.png")
