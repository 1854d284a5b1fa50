"""How a draft will look on its platform: a post card, a thread of cards, an e-mail with
its subject, or an SMS bubble. Plain widgets and a stylesheet; every user text escaped."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kriseninfo.counting.platforms import Platform


class Look(Enum):
    """The kind of picture a platform's post makes."""

    POST = "post"  # a card in a timeline; several parts form a thread
    SMS = "sms"  # speech bubbles on a phone
    EMAIL = "email"  # a letter with a subject line
    PAGE = "page"  # an article on a web page, a chat message, a note


#: Per platform: its look and an accent colour with white text on it at 4.5:1 or better.
PLATFORM_LOOK: dict[Platform, tuple[Look, str]] = {
    Platform.X: (Look.POST, "#000000"),
    Platform.MASTODON: (Look.POST, "#563acc"),
    Platform.BLUESKY: (Look.POST, "#0560c7"),
    Platform.THREADS: (Look.POST, "#000000"),
    Platform.INSTAGRAM: (Look.POST, "#a4286a"),
    Platform.FACEBOOK: (Look.POST, "#1456b8"),
    Platform.LINKEDIN: (Look.POST, "#0a66c2"),
    Platform.TELEGRAM: (Look.PAGE, "#1d6a9c"),
    Platform.MATRIX: (Look.PAGE, "#0d7a5f"),
    Platform.WEBSITE: (Look.PAGE, "#1f4e79"),
    Platform.MANUAL: (Look.PAGE, "#555555"),
    Platform.SMS: (Look.SMS, "#2e6b30"),
    Platform.EMAIL: (Look.EMAIL, "#444444"),
}

#: Dark blue on white and on the SMS grey: 6:1 or better.
LINK_COLOUR = "#0b57d0"

# Links (trailing punctuation is left out, as the platforms do), #hashtags, @mentions.
TOKEN = re.compile(
    r"(?P<link>(?:https?://|www\.)[^\s<>\"]+)"
    r"|(?P<tag>(?<![\w#&])#\w+)"
    r"|(?P<mention>(?<![\w@])@\w+(?:[.@][\w-]+)*)"
)
TRAILING = ".,;:!?)]}»«\"'"
PHONE_WIDTH = 320

STYLESHEET = """
#platformPreviewPage { background: #f2f2f2; }
#previewHeader { color: #ffffff; font-weight: bold; padding: 6px 10px; border-radius: 4px; }
#previewCard { background: #ffffff; border: 1px solid #b8b8b8; border-radius: 8px; }
#previewCard[look="page"] { border-radius: 2px; }
#previewCard[look="email"] { border-radius: 0px; }
#previewAccount { color: #000000; font-weight: bold; }
#previewText, #previewTitle, #previewSubject { color: #000000; }
#previewTitle { font-size: 16px; font-weight: bold; }
#previewMedia, #previewPartNumber { color: #4a4a4a; }
#threadLine { background: #8a8a8a; }
#phoneFrame { background: #ffffff; border: 3px solid #333333; border-radius: 18px; }
#previewCard[look="sms"] { background: #e9e9eb; border: none; border-radius: 14px; }
""" + "".join(
    f'#previewHeader[platform="{platform.value}"] {{ background: {colour}; }}\n'
    for platform, (_look, colour) in PLATFORM_LOOK.items()
)


def post_html(text: str) -> str:
    """The text as rich text: escaped, line breaks kept, links and hashtags coloured."""
    out: list[str] = []
    position = 0
    for match in TOKEN.finditer(text):
        token = match.group()
        kept = token.rstrip(TRAILING) if match.lastgroup == "link" else token
        out.append(html.escape(text[position : match.start()]))
        if kept:
            underline = "text-decoration:underline;" if match.lastgroup == "link" else ""
            out.append(f'<span style="color:{LINK_COLOUR};{underline}">{html.escape(kept)}</span>')
        out.append(html.escape(token[len(kept) :]))
        position = match.end()
    out.append(html.escape(text[position:]))
    return '<div style="white-space:pre-wrap;">' + "".join(out) + "</div>"


def _label(text: str, name: str, parent: QWidget, rich: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class PlatformPreview(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("platformPreview")
        self.setAccessibleName(self.tr("Vorschau"))
        self.setStyleSheet(STYLESHEET)
        #: The labels holding the text of each part, in order (for tests and screen readers).
        self.part_labels: list[QLabel] = []
        self.platform: Platform | None = None
        self._scroll = QScrollArea(self)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._content: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._scroll)
        self.clear()

    def clear(self) -> None:
        """Show nothing (no draft chosen)."""
        self.platform = None
        self._replace_content()

    def show_draft(
        self,
        platform: Platform,
        account_name: str,
        subject: str,
        parts: Sequence[str],
        media_count: int,
    ) -> None:
        self.platform = platform
        look, _colour = PLATFORM_LOOK[platform]
        content, layout = self._replace_content()

        # Message-set names load pydantic; a draft to show means they are loaded already.
        from kriseninfo_ui.messageset_texts import platform_name

        name, account = html.escape(platform_name(platform)), html.escape(account_name)
        header = _label(f"<b>{name}</b> · {account}", "previewHeader", content)
        header.setProperty("platform", platform.value)
        layout.addWidget(header)

        holder: QWidget = content
        holder_layout = layout
        if look is Look.SMS:
            holder = QFrame(content)
            holder.setObjectName("phoneFrame")
            holder.setFixedWidth(PHONE_WIDTH)
            holder_layout = QVBoxLayout(holder)
            holder_layout.setContentsMargins(14, 18, 14, 18)
            sender = _label(html.escape(account_name), "previewAccount", holder)
            sender.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            holder_layout.addWidget(sender)
            layout.addWidget(holder, 0, Qt.AlignmentFlag.AlignHCenter)

        if look is Look.EMAIL:
            line = self.tr("Betreff: {subject}").format(
                subject=subject or self.tr("(kein Betreff)")
            )
            layout.addWidget(_label(f"<b>{html.escape(line)}</b>", "previewSubject", content))
        elif subject:
            layout.addWidget(_label(html.escape(subject), "previewTitle", content))

        texts = list(parts) or [""]
        for number, text in enumerate(texts):
            card = self._card(look, account_name, text, number, len(texts), media_count, holder)
            if look is Look.SMS:
                # A received message: a bubble on the left, free space on the right.
                row = QHBoxLayout()
                row.setContentsMargins(0, 0, PHONE_WIDTH // 6, 0)
                row.addWidget(card)
                holder_layout.addLayout(row)
                continue
            if number == 0 or look is not Look.POST:
                holder_layout.addWidget(card)
                continue
            # A thread: later parts indented, hanging from a line like on the platform.
            row = QHBoxLayout()
            row.setContentsMargins(18, 0, 0, 0)
            row.setSpacing(10)
            connector = QFrame(holder)
            connector.setObjectName("threadLine")
            connector.setFixedWidth(3)
            row.addWidget(connector)
            row.addWidget(card, 1)
            holder_layout.addLayout(row)
        if look is Look.SMS:
            holder_layout.addStretch(1)
        layout.addStretch(1)

    def _card(
        self,
        look: Look,
        account_name: str,
        text: str,
        number: int,
        count: int,
        media_count: int,
        parent: QWidget,
    ) -> QFrame:
        card = QFrame(parent)
        card.setObjectName("previewCard")
        card.setProperty("look", look.value)
        column = QVBoxLayout(card)
        column.setContentsMargins(12, 10, 12, 10)
        if look is Look.POST:
            column.addWidget(_label(html.escape(account_name), "previewAccount", card))
        body = _label(post_html(text) if text else "", "previewText", card)
        if not text:
            body.setText(html.escape(self.tr("(kein Text)")))
        self.part_labels.append(body)
        column.addWidget(body)
        if number == 0 and media_count > 0:
            media = (
                self.tr("1 Bild angehängt")
                if media_count == 1
                else self.tr("{count} Bilder angehängt").format(count=media_count)
            )
            column.addWidget(_label(html.escape(media), "previewMedia", card))
        if count > 1:
            part = self.tr("Teil {number} von {count}").format(number=number + 1, count=count)
            column.addWidget(_label(html.escape(part), "previewPartNumber", card))
        return card

    def _replace_content(self) -> tuple[QWidget, QVBoxLayout]:
        """A fresh page; the old one is detached at once so no stale card is ever found."""
        if self._content is not None:
            old = self._scroll.takeWidget()
            old.setParent(None)
            old.deleteLater()
        self.part_labels = []
        content = QWidget()
        content.setObjectName("platformPreviewPage")
        content.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        self._scroll.setWidget(content)
        self._content = content
        return content, layout
