"""Instagram through the Graph API's content publishing: a media container per image (with
alt text), a carousel for several, wait until Meta has fetched them, then publish.

Instagram cannot post text alone, and it fetches each image itself from a public URL:
`image_base_url` + the image's file name (JPEG only), where the console's images must
already be published. It has no threads (a reply is posted on its own), and the API
cannot delete a post. No idempotency key either: a publish whose answer is lost is "unklar".
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar
from urllib.parse import quote

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

MAX_CHARACTERS = 2200
MAX_IMAGES = 10  # a carousel holds 2-10 items
#: How long Meta may take to fetch the images before the send is retried later.
CONTAINER_WAIT = 60.0
CONTAINER_POLL = 2.0


# -- building requests (pure) ------------------------------------------------------------------
def image_urls(base_url: str, post: Post) -> list[str]:
    """Where Instagram fetches the post's images; refuses what it cannot post."""
    if not post.images:
        raise permanent("needs_image", "Instagram cannot post text without an image")
    if len(post.images) > MAX_IMAGES:
        raise permanent("too_many_images", f"Instagram takes at most {MAX_IMAGES} images")
    if any(image.mime not in ("image/jpeg", "image/pjpeg") for image in post.images):
        raise permanent("image_type", "Instagram publishes JPEG images only")
    base = base_url.strip().rstrip("/")
    if not base.startswith(("https://", "http://")):
        raise permanent("settings", "image_base_url must be the http(s) address of the images")
    return [f"{base}/{quote(image.filename)}" for image in post.images]


def build_image(
    ig_user: str, url: str, image: Image, caption: str = "", *, carousel_item: bool = False
) -> GraphCall:
    fields = {"image_url": url}
    if caption:
        fields["caption"] = caption
    if image.alt.strip():
        fields["alt_text"] = image.alt
    if carousel_item:
        fields["is_carousel_item"] = "true"
    return GraphCall("POST", f"/{ig_user}/media", fields)


def build_carousel(ig_user: str, children: Sequence[str], caption: str) -> GraphCall:
    fields = {"media_type": "CAROUSEL", "children": ",".join(children)}
    if caption:
        fields["caption"] = caption
    return GraphCall("POST", f"/{ig_user}/media", fields)


def build_status(container_id: str) -> GraphCall:
    return GraphCall("GET", f"/{container_id}", {"fields": "status_code,status"})


def build_publish(ig_user: str, container_id: str) -> GraphCall:
    return GraphCall(
        "POST", f"/{ig_user}/media_publish", {"creation_id": container_id}, creates=True
    )


def container_ready(answer: Mapping[str, Any]) -> bool:
    """FINISHED: ready to publish; IN_PROGRESS: ask again; anything else fails the send."""
    state = str(answer.get("status_code") or "IN_PROGRESS")
    if state == "FINISHED":
        return True
    if state == "ERROR":
        raise permanent("media_rejected", str(answer.get("status") or "Instagram refused an image"))
    if state == "EXPIRED":
        raise transient("media_expired", "the media container expired before publishing")
    return False


class InstagramChannel:
    platform: ClassVar[Platform] = Platform.INSTAGRAM
    idempotent: ClassVar[bool] = TRAITS[Platform.INSTAGRAM].idempotent
    manual: ClassVar[bool] = TRAITS[Platform.INSTAGRAM].manual
    can_delete: ClassVar[bool] = TRAITS[Platform.INSTAGRAM].can_delete
    can_list_recent: ClassVar[bool] = TRAITS[Platform.INSTAGRAM].can_list_recent
    fields: ClassVar[tuple[Field, ...]] = TRAITS[Platform.INSTAGRAM].fields

    def __init__(
        self,
        account: AccountConfig,
        *,
        timeout: tuple[float, float] = TIMEOUT,
        poll: float = CONTAINER_POLL,
        wait: float = CONTAINER_WAIT,
    ):
        self._account = account
        self._graph = GraphClient(account, timeout)
        self._poll = poll
        self._wait = wait

    # -- Channel ---------------------------------------------------------------------------
    def publish(self, post: Post) -> Published:
        urls = image_urls(self._images, post)  # post.reply_to: Instagram has no threads
        if len(urls) == 1:
            container = self._container(build_image(self._user, urls[0], post.images[0], post.text))
        else:
            children = [
                self._container(build_image(self._user, url, image, carousel_item=True))
                for url, image in zip(urls, post.images, strict=True)
            ]
            container = self._container(build_carousel(self._user, children, post.text))
        self._until_ready(container)
        media_id = str(self._graph.call(build_publish(self._user, container)).get("id") or "")
        if not media_id:
            raise unclear("Instagram published but named no id")
        return Published(media_id, self._permalink(media_id))

    def delete(self, platform_id: str) -> None:
        raise permanent("cannot_delete", "Instagram posts can only be deleted in the app")

    def verify(self) -> AccountCheck:
        me = self._graph.call(GraphCall("GET", f"/{self._user}", {"fields": "id,username,name"}))
        name = f"@{me.get('username', '')} {me.get('name', '')}".strip()
        return AccountCheck(name, MAX_CHARACTERS, f"images from {self._images}")

    def recent(self, limit: int = 20) -> list[RecentPost]:
        answer = self._graph.call(
            GraphCall(
                "GET",
                f"/{self._user}/media",
                {"fields": "id,caption,permalink,timestamp", "limit": str(limit)},
            )
        )
        return [
            RecentPost(
                str(m["id"]),
                str(m.get("permalink") or ""),
                str(m.get("caption", "")),
                graph_time(m.get("timestamp")),
            )
            for m in answer.get("data") or []
        ]

    def close(self) -> None:
        self._graph.close()

    # -- helpers ---------------------------------------------------------------------------
    @property
    def _user(self) -> str:
        user = (self._account.settings.get("ig_user_id") or "").strip()
        if not user:
            raise permanent("settings", "ig_user_id is not set")
        return user

    @property
    def _images(self) -> str:
        return self._account.settings.get("image_base_url") or ""

    def _container(self, call: GraphCall) -> str:
        container = str(self._graph.call(call).get("id") or "")
        if not container:
            raise transient("bad_answer", "Instagram named no media container")
        return container

    def _until_ready(self, container: str) -> None:
        deadline = time.monotonic() + self._wait
        while not container_ready(self._graph.call(build_status(container))):
            if time.monotonic() > deadline:
                raise transient("media_processing", "Instagram is still fetching the images")
            time.sleep(self._poll)

    def _permalink(self, media_id: str) -> str:
        """Best effort: the post is public already, so a failure here must not fail it."""
        try:
            answer = self._graph.call(GraphCall("GET", f"/{media_id}", {"fields": "permalink"}))
        except SendError as error:
            log.info("Instagram: no permalink for %s (%s)", media_id, error.code)
            return ""
        return str(answer.get("permalink") or "")


CHANNEL = InstagramChannel
