"""An item of the dialog feed as every source delivers it, normalised."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

#: The title a private (direct or followers-only) message gets: never answered in public.
PRIVATE_TITLE: Final = "Nicht öffentliche Nachricht"


@dataclass(frozen=True)
class Item:
    """One question, reply, comment or note. Text is plain (never markup); `link` is only
    ever an http(s) address, shown and never opened by itself."""

    source: str  # which source brought it (a feed URL, "mastodon:3", "hotline")
    external_id: str  # the source's own id, stable: deduplication keys on it
    author: str
    text: str
    published: datetime | None  # None when the source gave no usable time
    link: str = ""
    title: str = ""
    in_reply_to: str = ""  # the id or address of what it answers, if the source says
    #: What a reply to it names on its platform (a Mastodon status id, a Bluesky at-uri);
    #: empty when the item cannot be answered on its own channel (a feed, the hotline).
    reply_ref: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "id": self.external_id,
            "author": self.author,
            "title": self.title,
            "text": self.text,
            "published": self.published.isoformat() if self.published else None,
            "link": self.link,
            "in_reply_to": self.in_reply_to,
            "reply_ref": self.reply_ref,
        }
