"""Facebook Page posts through the Graph API: text, photos with alt text, thread replies
as comments on the parent post, delete.

The secret is a Page access token (pages_manage_posts, pages_read_engagement,
pages_manage_engagement for comments). The Graph API has no idempotency key: a post whose
answer is lost is "unklar".
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from typing import ClassVar

from kriseninfo.counting.platforms import Platform
from kriseninfo.publishing.channel import (
    AccountCheck,
    AccountConfig,
    Field,
    Image,
    Post,
    Published,
    RecentPost,
)
from kriseninfo.publishing.channels._graph import GraphCall, GraphClient, graph_time
from kriseninfo.publishing.channels._http import TIMEOUT
from kriseninfo.publishing.errors import SendError, permanent, transient, unclear
from kriseninfo.publishing.traits import TRAITS

log = logging.getLogger(__name__)

MAX_CHARACTERS = 63206


# -- building requests (pure) ------------------------------------------------------------------
def build_feed(page_id: str, text: str, photo_ids: Sequence[str] = ()) -> GraphCall:
    """A Page post; several photos are uploaded unpublished first and attached here."""
    fields = {
        f"attached_media[{i}]": json.dumps({"media_fbid": p}) for i, p in enumerate(photo_ids)
    }
    if text:
        fields["message"] = text
    return GraphCall("POST", f"/{page_id}/feed", fields, creates=True)


def build_photo(page_id: str, image: Image, caption: str = "", *, published: bool) -> GraphCall:
    """One photo: published, it is a post with the caption as its text; unpublished, it waits
    to be attached to a post or comment (nobody sees it, so a lost answer is harmless)."""
    fields = {}
    if caption:
        fields["caption"] = caption
    if image.alt.strip():
        fields["alt_text_custom"] = image.alt
    if not published:
        fields["published"] = "false"
    return GraphCall("POST", f"/{page_id}/photos", fields, ("source", image), creates=published)


def build_comment(parent_id: str, text: str, attachment_id: str | None = None) -> GraphCall:
    """A thread reply: a comment by the Page on its parent post (one photo at most)."""
    fields = {"message": text} if text else {}
    if attachment_id:
        fields["attachment_id"] = attachment_id
    return GraphCall("POST", f"/{parent_id}/comments", fields, creates=True)


def post_url(post_id: str) -> str:
    page, _, number = post_id.partition("_")
    return f"https://www.facebook.com/{page}/posts/{number}" if number else ""


def comment_url(parent_id: str, comment_id: str) -> str:
    parent = post_url(parent_id)
    return f"{parent}?comment_id={comment_id.rpartition('_')[2]}" if parent else ""


class FacebookChannel:
    platform: ClassVar[Platform] = Platform.FACEBOOK
    idempotent: ClassVar[bool] = TRAITS[Platform.FACEBOOK].idempotent
    manual: ClassVar[bool] = TRAITS[Platform.FACEBOOK].manual
    can_delete: ClassVar[bool] = TRAITS[Platform.FACEBOOK].can_delete
    can_list_recent: ClassVar[bool] = TRAITS[Platform.FACEBOOK].can_list_recent
    fields: ClassVar[tuple[Field, ...]] = TRAITS[Platform.FACEBOOK].fields

    def __init__(self, account: AccountConfig, *, timeout: tuple[float, float] = TIMEOUT):
        self._account = account
        self._graph = GraphClient(account, timeout)

    # -- Channel ---------------------------------------------------------------------------
    def publish(self, post: Post) -> Published:
        if post.reply_to:
            return self._comment(post.reply_to, post)
        if len(post.images) == 1:
            answer = self._graph.call(
                build_photo(self._page, post.images[0], post.text, published=True)
            )
            post_id = str(answer.get("post_id") or "")
        else:
            photos = [self._unpublished(image) for image in post.images]
            post_id = str(self._graph.call(build_feed(self._page, post.text, photos)).get("id", ""))
        if not post_id:
            raise unclear("Facebook accepted the post but named no id")
        return Published(post_id, post_url(post_id))

    def delete(self, platform_id: str) -> None:
        try:
            self._graph.call(GraphCall("DELETE", f"/{platform_id}"))
        except SendError as error:
            if error.code != "not_found":  # already gone is what we wanted
                raise

    def verify(self) -> AccountCheck:
        page = self._graph.call(GraphCall("GET", f"/{self._page}", {"fields": "id,name"}))
        return AccountCheck(str(page.get("name") or self._page), MAX_CHARACTERS)

    def recent(self, limit: int = 20) -> list[RecentPost]:
        answer = self._graph.call(
            GraphCall(
                "GET",
                f"/{self._page}/posts",
                {"fields": "id,message,created_time,permalink_url", "limit": str(limit)},
            )
        )
        return [
            RecentPost(
                str(p["id"]),
                str(p.get("permalink_url") or post_url(str(p["id"]))),
                str(p.get("message", "")),
                graph_time(p.get("created_time")),
            )
            for p in answer.get("data") or []
        ]

    def close(self) -> None:
        self._graph.close()

    # -- helpers ---------------------------------------------------------------------------
    @property
    def _page(self) -> str:
        page = (self._account.settings.get("page_id") or "").strip()
        if not page:
            raise permanent("settings", "page_id is not set")
        return page

    def _unpublished(self, image: Image) -> str:
        answer = self._graph.call(build_photo(self._page, image, published=False))
        if not answer.get("id"):
            raise transient("bad_answer", f"Facebook named no id for {image.filename}")
        return str(answer["id"])

    def _comment(self, parent_id: str, post: Post) -> Published:
        attachment = self._unpublished(post.images[0]) if post.images else None
        if len(post.images) > 1:
            log.info(
                "Facebook comment: %d of %d images left out (one per comment)",
                len(post.images) - 1,
                len(post.images),
            )
        try:
            answer = self._graph.call(build_comment(parent_id, post.text, attachment))
        except SendError as error:
            if error.code == "not_found":
                raise permanent("parent_missing", error.detail) from None
            raise
        comment_id = str(answer.get("id") or "")
        if not comment_id:
            raise unclear("Facebook accepted the comment but named no id")
        return Published(comment_id, comment_url(parent_id, comment_id))


CHANNEL = FacebookChannel
