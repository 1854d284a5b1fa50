"""One draft, edited in place: subject, text (or thread parts), a live counter measured
the way the platform measures, the problems, and the platform-like preview."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kriseninfo.counting.measure import Count, count
from kriseninfo.counting.platforms import Platform
from kriseninfo.messagesets.kinds import DraftStatus
from kriseninfo.messagesets.records import Draft, Problem
from kriseninfo.playbooks.kinds import Language
from kriseninfo_ui.debounce import Debouncer
from kriseninfo_ui.messageset_texts import (
    platform_name,
    problem_text,
    release_kind_name,
    status_name,
)
from kriseninfo_ui.playbook_texts import language_name
from kriseninfo_ui.widgets import local_time_text

#: Platforms whose messages have a subject or headline.
WITH_SUBJECT = frozenset({Platform.EMAIL, Platform.WEBSITE, Platform.MANUAL})


def counter_text(measured: Count) -> str:
    """ "187 / 500 Zeichen", for SMS with encoding and segments."""
    from PySide6.QtCore import QCoreApplication

    if measured.limit is None:
        text = QCoreApplication.translate("DraftEditor", "{length} Zeichen").format(
            length=measured.length
        )
    else:
        text = QCoreApplication.translate("DraftEditor", "{length} / {limit} Zeichen").format(
            length=measured.length, limit=measured.limit
        )
    if measured.segments is not None:
        text += QCoreApplication.translate("DraftEditor", " · {encoding} · {segments} SMS").format(
            encoding=measured.encoding or "", segments=measured.segments
        )
    return text


class DraftEditor(QWidget):
    """`save_requested(draft_id, version, subject, parts)` after a pause in typing."""

    save_requested = Signal(int, int, str, list)
    split_requested = Signal(int, int)
    versions_requested = Signal(int)
    # (draft id, version, file path, alt text)
    attach_requested = Signal(int, int, str, str)
    # (draft id, version, image index, alt text)
    alt_requested = Signal(int, int, int, str)
    # (draft id, version, image index)
    remove_requested = Signal(int, int, int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.draft: Draft | None = None
        self._dirty = False
        self._saving = False  # a save is on its way to the database
        self._debounce = Debouncer(self._emit_save, parent=self)
        self.header = QLabel(self)
        self.header.setObjectName("draftHeader")
        self.header.setWordWrap(True)
        self.rejected = QLabel(self)
        self.rejected.setObjectName("rejectedComment")
        self.rejected.setWordWrap(True)
        self.subject = QLineEdit(self)
        self.subject.setObjectName("draftSubject")
        self.subject.setPlaceholderText(self.tr("Betreff / Überschrift"))
        self.subject.textChanged.connect(self._on_typed)
        self.subject_counter = QLabel(self)
        self._parts_box = QVBoxLayout()
        self.part_edits: list[QPlainTextEdit] = []
        self.part_counters: list[QLabel] = []
        self.problems = QLabel(self)
        self.problems.setObjectName("draftProblems")
        self.problems.setWordWrap(True)
        self.split_button = QPushButton(self.tr("Als &Thread aufteilen"), self)
        self.split_button.setToolTip(
            self.tr("Teilt den Text an Satzgrenzen in nummerierte Beiträge (1/3), die passen.")
        )
        self.split_button.clicked.connect(self._on_split)
        self.versions_button = QPushButton(self.tr("&Versionen …"), self)
        self.versions_button.clicked.connect(
            lambda: self.draft and self.versions_requested.emit(self.draft.id)
        )
        self.media = QListWidget(self)
        self.media.setObjectName("draftMedia")
        self.media.setAccessibleName(self.tr("Bilder"))
        self.media.setMaximumHeight(72)
        self.media.itemActivated.connect(lambda _item: self._edit_alt())
        self.attach_button = QPushButton(self.tr("Bild &anhängen …"), self)
        self.attach_button.clicked.connect(self._attach)
        self.alt_button = QPushButton(self.tr("A&lternativtext …"), self)
        self.alt_button.clicked.connect(self._edit_alt)
        self.remove_button = QPushButton(self.tr("Bild entfernen"), self)
        self.remove_button.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.split_button)
        buttons.addWidget(self.versions_button)
        buttons.addStretch(1)
        image_buttons = QHBoxLayout()  # a row of its own: the editor pane is narrow
        image_buttons.addWidget(self.attach_button)
        image_buttons.addWidget(self.alt_button)
        image_buttons.addWidget(self.remove_button)
        image_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.rejected)
        layout.addWidget(self.subject)
        layout.addWidget(self.subject_counter)
        layout.addLayout(self._parts_box)
        layout.addWidget(self.media)
        layout.addWidget(self.problems)
        layout.addLayout(buttons)
        layout.addLayout(image_buttons)
        layout.addStretch(1)
        self.show_draft(None, [])

    # -- showing -------------------------------------------------------------------------
    def show_draft(self, draft: Draft | None, problems: list[Problem]) -> None:
        """Show `draft`; a newer version of the draft being typed in never replaces what
        is on screen (the save that follows carries the version it was based on)."""
        same = draft is not None and self.draft is not None and draft.id == self.draft.id
        if same and (self._dirty or self._saving):
            # Keep the version this text is based on: a save on top of someone else's
            # newer version must be refused (EDIT_CONFLICT), never silently win.
            self._show_problems(problems)
            return
        self.draft = draft
        self.setEnabled(draft is not None)
        self._show_problems(problems)
        if draft is None:
            self.header.setText(self.tr("Keine Meldung ausgewählt."))
            self.rejected.hide()
            self.subject.hide()
            self.subject_counter.hide()
            self._set_parts([])
            self.media.clear()
            self.media.hide()
            return
        self.header.setText(self._header_text(draft))
        self.rejected.setVisible(bool(draft.rejected_comment))
        self.rejected.setText(
            self.tr("Zurückgewiesen: {comment}").format(comment=draft.rejected_comment)
        )
        has_subject = bool(draft.subject) or draft.platform in WITH_SUBJECT
        self.subject.setVisible(has_subject)
        self.subject_counter.setVisible(has_subject)
        self.subject.blockSignals(True)
        self.subject.setText(draft.subject)
        self.subject.blockSignals(False)
        self._set_parts(list(draft.parts))
        self._show_media(draft)
        self._update_counters()

    def current_parts(self) -> list[str]:
        return [edit.toPlainText() for edit in self.part_edits]

    def flush(self) -> None:
        self._debounce.flush_now()

    def discard_changes(self) -> None:
        """Forget what is typed (after a conflict the officer chose to reload)."""
        self._dirty = False
        self._saving = False
        self.draft = None

    def mark_saved(self, draft: Draft | None) -> None:
        """A save came back (None: it failed): take its version; keep typing meanwhile."""
        self._saving = False
        if draft is None or self.draft is None or draft.id != self.draft.id:
            return
        if self._dirty:
            self.draft = _with_version(self.draft, draft)
        else:
            self.draft = draft
            self.header.setText(self._header_text(draft))

    def _header_text(self, draft: Draft) -> str:
        text = self.tr("{platform} · {account} · {language} · {status} · Version {version}").format(
            platform=platform_name(draft.platform),
            account=draft.account_name,
            language=language_name(Language(draft.language)),
            status=status_name(draft.status),
            version=draft.version,
        )
        if draft.status is DraftStatus.FREIGEGEBEN and draft.release_kind is not None:
            text += "\n" + self.tr("{kind} durch {name}, {time}").format(
                kind=release_kind_name(draft.release_kind),
                name=draft.released_by_name,
                time=local_time_text(draft.released_at) if draft.released_at else "",
            )
            if draft.release_reason:
                text += " – " + draft.release_reason
        elif draft.unchanged_from_template:
            text += "\n" + self.tr("Unveränderter Text aus dem Playbook")
        return text

    def _show_media(self, draft: Draft) -> None:
        self.media.clear()
        for image in draft.media:
            if image.alt:
                text = self.tr("{file} – Alternativtext: {alt}").format(
                    file=image.path, alt=image.alt
                )
            else:
                text = self.tr("{file} – OHNE Alternativtext (so nicht freigabefähig)").format(
                    file=image.path
                )
            self.media.addItem(QListWidgetItem(text))
        self.media.setVisible(bool(draft.media))
        self.alt_button.setEnabled(bool(draft.media))
        self.remove_button.setEnabled(bool(draft.media))

    def _attach(self) -> None:
        if self.draft is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Bild anhängen"),
            "",
            self.tr("Bilder (*.png *.jpg *.jpeg *.gif *.webp)"),
        )
        if not path:
            return
        alt, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Alternativtext"),
            self.tr("Beschreiben Sie das Bild für Menschen, die es nicht sehen können:"),
        )
        self.flush()
        self.attach_requested.emit(self.draft.id, self.draft.version, path, alt if ok else "")

    def _edit_alt(self) -> None:
        index = self.media.currentRow() if self.media.currentRow() >= 0 else 0
        if self.draft is None or not 0 <= index < len(self.draft.media):
            return
        alt, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Alternativtext"),
            self.tr("Beschreiben Sie das Bild für Menschen, die es nicht sehen können:"),
            self.draft.media[index].alt,
        )
        if ok:
            self.flush()
            self.alt_requested.emit(self.draft.id, self.draft.version, index, alt)

    def _remove(self) -> None:
        index = self.media.currentRow() if self.media.currentRow() >= 0 else 0
        if self.draft is None or not 0 <= index < len(self.draft.media):
            return
        self.flush()
        self.remove_requested.emit(self.draft.id, self.draft.version, index)

    def _show_problems(self, problems: list[Problem]) -> None:
        self.problems.setText("\n".join(problem_text(p) for p in problems))
        self.problems.setVisible(bool(problems))
        blocking = any(p.blocking for p in problems)
        if self.problems.property("blocking") != blocking:
            self.problems.setProperty("blocking", blocking)
            self.problems.style().unpolish(self.problems)
            self.problems.style().polish(self.problems)

    def _set_parts(self, parts: list[str]) -> None:
        if len(parts) != len(self.part_edits):
            for edit, counter in zip(self.part_edits, self.part_counters, strict=True):
                edit.deleteLater()
                counter.deleteLater()
            self.part_edits, self.part_counters = [], []
            for number in range(len(parts)):
                edit = QPlainTextEdit(self)
                edit.setObjectName("draftText")
                edit.setTabChangesFocus(True)
                edit.setAccessibleName(
                    self.tr("Text") if len(parts) == 1 else self.tr("Teil {n}").format(n=number + 1)
                )
                edit.setMinimumHeight(110)
                edit.setMaximumHeight(240 if len(parts) == 1 else 160)
                edit.textChanged.connect(self._on_typed)
                counter = QLabel(self)
                counter.setObjectName("draftCounter")
                self._parts_box.addWidget(edit)
                self._parts_box.addWidget(counter)
                self.part_edits.append(edit)
                self.part_counters.append(counter)
        for edit, text in zip(self.part_edits, parts, strict=True):
            if edit.toPlainText() != text:
                edit.blockSignals(True)
                edit.setPlainText(text)
                edit.blockSignals(False)

    # -- typing --------------------------------------------------------------------------
    def _on_typed(self) -> None:
        if self.draft is None:
            return
        self._dirty = True
        self._update_counters()
        self._debounce.touch()

    def _update_counters(self) -> None:
        if self.draft is None:
            return
        for edit, counter in zip(self.part_edits, self.part_counters, strict=True):
            measured = count(
                self.draft.platform, edit.toPlainText(), limit=self.draft.limit_override
            )
            counter.setText(counter_text(measured))
            _set_flag(counter, "over", not measured.fits)
        if self.subject.isVisible() and self.draft.platform is Platform.EMAIL:
            measured = count(self.draft.platform, self.subject.text(), field="subject")
            self.subject_counter.setText(counter_text(measured))
            _set_flag(self.subject_counter, "over", measured.warning)
        else:
            self.subject_counter.clear()

    def _emit_save(self) -> None:
        if self.draft is None or not self._dirty:
            return
        self._dirty = False
        self._saving = True
        self.save_requested.emit(
            self.draft.id, self.draft.version, self.subject.text(), self.current_parts()
        )

    def _on_split(self) -> None:
        if self.draft is None:
            return
        self.flush()
        self.split_requested.emit(self.draft.id, self.draft.version)


def _with_version(shown: Draft | None, newer: Draft) -> Draft:
    """The draft on screen, with the version a save just returned (for the next save)."""
    from dataclasses import replace

    assert shown is not None
    return replace(shown, version=newer.version, status=newer.status)


def _set_flag(widget: QWidget, name: str, value: bool) -> None:
    if widget.property(name) != value:
        widget.setProperty(name, value)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
