"""The Übungs-Timeline: what the drill would have published, one card per post, laid
out like a platform's timeline (account, platform, time), text as plain text only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from kriseninfo.counting.platforms import Platform
from kriseninfo.drills.clock import hms
from kriseninfo.drills.records import TimelinePost
from kriseninfo_ui.messageset_texts import platform_name
from kriseninfo_ui.widgets import local_time_text


class TimelineList(QScrollArea):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("drillTimeline")
        self.setAccessibleName(self.tr("Übungs-Timeline"))
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._body = QWidget(self)
        self._layout = QVBoxLayout(self._body)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.setWidget(self._body)
        self._empty = QLabel(
            self.tr(
                "Noch nichts veröffentlicht. Was diese Übung senden würde, erscheint hier "
                "– es erreicht niemanden."
            ),
            self._body,
        )
        self._empty.setWordWrap(True)
        self._layout.addWidget(self._empty)
        self._ids: list[int] = []

    def show_posts(self, posts: list[TimelinePost]) -> None:
        """Newest first, like a platform."""
        ids = [p.id for p in posts]
        if ids == self._ids:
            return
        self._ids = ids
        while self._layout.count() > 1:
            item = self._layout.takeAt(1)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._empty.setVisible(not posts)
        for post in reversed(posts):
            self._layout.addWidget(self._card(post))

    def _card(self, post: TimelinePost) -> QFrame:
        card = QFrame(self._body)
        card.setObjectName("timelineCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(card)
        head = QLabel(
            self.tr("{account} · {platform} · Übungsuhr {clock} ({time})").format(
                account=post.account_name,
                platform=platform_name(Platform(post.platform)),
                clock=hms(post.drill_s),
                time=local_time_text(post.posted_at),
            ),
            card,
        )
        head.setTextFormat(Qt.TextFormat.PlainText)
        head.setObjectName("timelineHead")
        layout.addWidget(head)
        if post.reply_to:
            reply = QLabel(self.tr("Antwort auf: {target}").format(target=post.reply_label), card)
            reply.setWordWrap(True)
            reply.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(reply)
        if post.subject:
            subject = QLabel(post.subject, card)
            subject.setTextFormat(Qt.TextFormat.PlainText)
            subject.setObjectName("timelineSubject")
            layout.addWidget(subject)
        text = QLabel(post.text, card)
        text.setTextFormat(Qt.TextFormat.PlainText)  # never rich text, never a link
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(text)
        if post.retracted:
            gone = QLabel(self.tr("zurückgezogen"), card)
            gone.setObjectName("timelineRetracted")
            layout.addWidget(gone)
        return card
