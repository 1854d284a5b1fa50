"""Deciding an "unklar" delivery: the account's latest posts from the platform (where its
API lists them) beside our text, so the officer can see whether it went out."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kriseninfo.errors import KriseninfoError
from kriseninfo.publishing.channel import RecentPost
from kriseninfo.publishing.lookup import recent_posts
from kriseninfo.publishing.records import DeliveryView
from kriseninfo_ui.messages import error_text
from kriseninfo_ui.session import Session
from kriseninfo_ui.widgets import local_time_text


class UnclearDialog(QDialog):
    def __init__(self, session: Session, row: DeliveryView, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ist der Beitrag veröffentlicht?"))
        self.resize(640, 520)
        self.published_url: str | None = None
        ours = QPlainTextEdit(row.text, self)
        ours.setReadOnly(True)
        ours.setMaximumHeight(110)
        ours.setAccessibleName(self.tr("Unser Text"))
        self.status = QLabel(self.tr("Letzte Beiträge werden von der Plattform geladen …"), self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.posts = QListWidget(self)
        self.posts.setAccessibleName(self.tr("Letzte Beiträge des Kontos"))
        self.posts.setWordWrap(True)
        self.posts.currentItemChanged.connect(self._picked)
        self.url = QLineEdit(self)
        self.url.setPlaceholderText("https://…")
        self.url.setAccessibleName(self.tr("Adresse des Beitrags"))
        form = QFormLayout()
        label = QLabel(self.tr("&Adresse des Beitrags:"), self)
        label.setBuddy(self.url)
        form.addRow(label, self.url)
        buttons = QDialogButtonBox(self)
        yes = buttons.addButton(
            self.tr("Ist veröffentlicht"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Nicht gefunden"), QDialogButtonBox.ButtonRole.RejectRole)
        yes.setDefault(True)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("{account}: die Antwort der Plattform ging verloren.").format(
                    account=row.account_name
                ),
                self,
            )
        )
        layout.addWidget(ours)
        layout.addWidget(self.status)
        layout.addWidget(self.posts, 1)
        layout.addLayout(form)
        layout.addWidget(buttons)
        context = session.context
        session.background.run(
            lambda: recent_posts(context.database, context.credentials, row.account_id),
            self._loaded,
        )

    def _loaded(self, posts: list[RecentPost] | None, error: BaseException | None) -> None:
        if isinstance(error, KriseninfoError):
            self.status.setText(error_text(error))
            return
        if error is not None:
            raise error
        if not posts:
            self.status.setText(
                self.tr(
                    "Diese Plattform zeigt keine Liste. Bitte direkt auf der Plattform "
                    "nachsehen und die Adresse eintragen."
                )
            )
            return
        self.status.setText(self.tr("Ist einer davon unser Beitrag? Dann auswählen."))
        for post in posts:
            text = f"{local_time_text(post.created_at)} – {post.text}"
            item = QListWidgetItem(text, self.posts)
            item.setData(Qt.ItemDataRole.UserRole, post.url)

    def _picked(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.url.setText(str(item.data(Qt.ItemDataRole.UserRole) or ""))

    def _accept(self) -> None:
        self.published_url = self.url.text().strip()
        self.accept()
