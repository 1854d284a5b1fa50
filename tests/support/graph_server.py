"""A local Meta Graph API for channel tests: one Facebook Page (feed posts, photos with alt
text, comments, delete, its posts) and one Instagram professional account (media
containers, their status, media_publish, its media), with Graph error answers.

Endpoints for `fail()` follow Meta's notation: "POST /{page-id}/feed",
"POST /{page-id}/photos", "POST /{post-id}/comments", "GET /{page-id}/posts",
"GET /{page-id}", "DELETE /{object-id}", "POST /{ig-user-id}/media",
"GET /{ig-container-id}", "POST /{ig-user-id}/media_publish", "GET /{ig-user-id}/media",
"GET /{ig-user-id}", "GET /{ig-media-id}".
"""

from __future__ import annotations

import itertools
import json
from datetime import UTC, datetime
from typing import Any

from tests.support.telegram_server import Answer, FakePlatform, Fault, Seen

VERSION = "v21.0"
TOKEN = "EAAG-page-token-kriseninfo"
PAGE = {"id": "104857600", "name": "Landkreis Musterstadt"}
IG_USER = {"id": "17841400008460056", "username": "lk_musterstadt", "name": "Landkreis Musterstadt"}


def graph_error(
    message: str, code: int, subcode: int | None = None, kind: str = "OAuthException", **extra: Any
) -> dict[str, Any]:
    error: dict[str, Any] = {
        "message": message,
        "type": kind,
        "code": code,
        "fbtrace_id": "AbCdEfGhIjK",
    }
    if subcode is not None:
        error["error_subcode"] = subcode
    error.update(extra)
    return {"error": error}


def throttled(code: int = 32, minutes: int = 5) -> Fault:
    """A Page (or app) over its rate limit, with the usage header Meta sends along."""
    usage = {
        PAGE["id"]: [
            {
                "type": "pages",
                "call_count": 100,
                "total_cputime": 30,
                "total_time": 40,
                "estimated_time_to_regain_access": minutes,
            }
        ]
    }
    body = graph_error("(#32) Page request limit reached", code)
    return Fault(400, body, {"X-Business-Use-Case-Usage": json.dumps(usage)})


def _missing(object_id: str, verb: str = "get") -> Answer:
    return Answer(
        400,
        graph_error(
            f"Unsupported {verb} request. Object with ID '{object_id}' does not exist, cannot be "
            "loaded due to missing permissions, or does not support this operation.",
            100,
            33,
            "GraphMethodException",
        ),
    )


def _invalid(message: str) -> Answer:
    return Answer(400, graph_error(f"(#100) {message}", 100))


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S+0000")


class GraphServer(FakePlatform):
    def __init__(self, *, container_polls: int = 1) -> None:
        super().__init__()
        self.token = TOKEN
        self.posts: dict[str, dict[str, Any]] = {}  # Page posts and comments the public sees
        self.photos: dict[str, dict[str, Any]] = {}
        self.containers: dict[str, dict[str, Any]] = {}
        self.media: dict[str, dict[str, Any]] = {}  # published Instagram posts
        self.created = 0
        self.deleted: list[str] = []
        #: Status polls a container answers IN_PROGRESS before it is FINISHED (or this):
        self.container_polls = container_polls
        self.container_outcome = "FINISHED"
        self._numbers = itertools.count(1001)

    # -- routing ---------------------------------------------------------------------------
    def endpoint(self, request: Seen) -> str:
        parts = request.path.strip("/").split("/")[1:]  # without the version
        kind = self._kind(parts[0] if parts else "")
        edge = f"/{parts[1]}" if len(parts) > 1 else ""
        if request.method == "DELETE":
            return "DELETE /{object-id}"
        if edge == "/comments":
            kind = "post-id"
        return f"{request.method} /{{{kind}}}{edge}"

    def _kind(self, object_id: str) -> str:
        if object_id == PAGE["id"]:
            return "page-id"
        if object_id == IG_USER["id"]:
            return "ig-user-id"
        if object_id in self.containers:
            return "ig-container-id"
        if object_id in self.media:
            return "ig-media-id"
        return "object-id"

    def answer(self, request: Seen) -> Answer:
        if not request.path.startswith(f"/{VERSION}/"):
            return _invalid("Unknown path components")
        bearer = request.headers.get("authorization", "")
        if bearer != f"Bearer {self.token}" and request.form.get("access_token") != self.token:
            return Answer(
                400, graph_error("Invalid OAuth access token - Cannot parse access token", 190)
            )
        key = self.endpoint(request)
        object_id = request.path.strip("/").split("/")[1]
        route = {
            "POST /{page-id}/feed": self._feed,
            "POST /{page-id}/photos": self._photo,
            "POST /{post-id}/comments": self._comment,
            "GET /{page-id}/posts": self._page_posts,
            "GET /{page-id}": lambda r: Answer(200, dict(PAGE)),
            "DELETE /{object-id}": self._delete,
            "POST /{ig-user-id}/media": self._container,
            "GET /{ig-container-id}": self._status,
            "POST /{ig-user-id}/media_publish": self._publish,
            "GET /{ig-user-id}/media": self._ig_media,
            "GET /{ig-user-id}": lambda r: Answer(200, dict(IG_USER)),
            "GET /{ig-media-id}": self._ig_one,
        }.get(key)
        if route is None:
            return _missing(object_id, request.method.lower())
        return route(request)

    def _id(self) -> str:
        return str(next(self._numbers))

    # -- Facebook --------------------------------------------------------------------------
    def _new_post(self, message: str, **content: Any) -> str:
        post_id = f"{PAGE['id']}_{self._id()}"
        self.posts[post_id] = {
            "id": post_id,
            "message": message,
            "created_time": _now(),
            "permalink_url": f"https://www.facebook.com/{post_id}",
            **content,
        }
        self.created += 1
        return post_id

    def _feed(self, request: Seen) -> Answer:
        message = request.form.get("message", "")
        attached = []
        for name, value in sorted(request.form.items()):
            if name.startswith("attached_media["):
                photo = self.photos.get(str(json.loads(value).get("media_fbid")))
                if photo is None or photo["published"]:
                    return _invalid("attached_media must be unpublished photos of this Page")
                attached.append(photo)
        if not message and not attached:
            return _invalid("The parameter message or attached_media is required")
        post_id = self._new_post(message, photos=attached)
        for photo in attached:
            photo["post_id"] = post_id
        return Answer(200, {"id": post_id})

    def _photo(self, request: Seen) -> Answer:
        upload = request.files.get("source")
        if upload is None and "url" not in request.form:
            return Answer(400, graph_error("(#324) Requires upload file", 324))
        published = request.form.get("published", "true") != "false"
        photo_id = self._id()
        photo = {
            "id": photo_id,
            "alt_text_custom": request.form.get("alt_text_custom"),
            "caption": request.form.get("caption", ""),
            "published": published,
            "size": len(upload[2]) if upload else 0,
        }
        self.photos[photo_id] = photo
        if not published:
            return Answer(200, {"id": photo_id})
        post_id = self._new_post(str(photo["caption"]), photos=[photo])
        photo["post_id"] = post_id
        return Answer(200, {"id": photo_id, "post_id": post_id})

    def _comment(self, request: Seen) -> Answer:
        parent = request.path.strip("/").split("/")[1]
        if parent not in self.posts:
            return _missing(parent, "post")
        attachment = request.form.get("attachment_id")
        if attachment and attachment not in self.photos:
            return _invalid("attachment_id is not a photo")
        if not request.form.get("message") and not attachment:
            return _invalid("Missing message or attachment")
        comment_id = f"{parent.partition('_')[2]}_{self._id()}"
        self.posts[comment_id] = {
            "id": comment_id,
            "parent": parent,
            "created_time": _now(),
            "message": request.form.get("message", ""),
            "attachment": attachment,
        }
        self.created += 1
        return Answer(200, {"id": comment_id})

    def _page_posts(self, request: Seen) -> Answer:
        fields = request.query.get("fields", "id").split(",")
        limit = int(request.query.get("limit", "25"))
        posts = [p for p in reversed(list(self.posts.values())) if "parent" not in p][:limit]
        return Answer(200, {"data": [{k: v for k, v in p.items() if k in fields} for p in posts]})

    def _delete(self, request: Seen) -> Answer:
        object_id = request.path.strip("/").split("/")[1]
        if self.posts.pop(object_id, None) is None and self.photos.pop(object_id, None) is None:
            return _missing(object_id, "delete")
        self.deleted.append(object_id)
        return Answer(200, {"success": True})

    # -- Instagram -------------------------------------------------------------------------
    def _container(self, request: Seen) -> Answer:
        form = request.form
        if len(form.get("caption", "")) > 2200:
            return _invalid("The caption exceeds 2200 characters")
        if form.get("media_type") == "CAROUSEL":
            children = [c for c in form.get("children", "").split(",") if c]
            if not 2 <= len(children) <= 10 or any(
                not self.containers.get(c, {}).get("carousel_item") for c in children
            ):
                return _invalid("children must be 2 to 10 carousel item containers")
            content: dict[str, Any] = {"children": children}
        elif form.get("image_url", "").startswith(("https://", "http://")):
            content = {
                "image_url": form["image_url"],
                "alt_text": form.get("alt_text"),
                "carousel_item": form.get("is_carousel_item") == "true",
            }
        else:
            return Answer(
                400,
                graph_error("Only photo or video can be accepted as media type.", 9004, 2207052),
            )
        container_id = self._id()
        self.containers[container_id] = {
            "id": container_id,
            "caption": form.get("caption", ""),
            "polls": self.container_polls,
            "status_code": "IN_PROGRESS",
            **content,
        }
        return Answer(200, {"id": container_id})

    def _status(self, request: Seen) -> Answer:
        container = self.containers[request.path.strip("/").split("/")[1]]
        if container["status_code"] == "IN_PROGRESS":
            if container["polls"] > 0:
                container["polls"] -= 1
            else:
                container["status_code"] = self.container_outcome
        answer = {"id": container["id"], "status_code": container["status_code"]}
        if container["status_code"] == "ERROR":
            answer["status"] = "Error: Media download has failed. (2207008)"
        return Answer(200, answer)

    def _publish(self, request: Seen) -> Answer:
        container = self.containers.get(request.form.get("creation_id", ""))
        if container is None:
            return _missing(request.form.get("creation_id", ""))
        if container["status_code"] != "FINISHED":
            return Answer(
                400,
                graph_error(
                    "Media ID is not available",
                    9007,
                    2207027,
                    error_user_msg="The media is not ready for publishing, please wait a moment",
                ),
            )
        container["status_code"] = "PUBLISHED"
        media_id = f"1789{self._id()}"
        self.media[media_id] = {
            "id": media_id,
            "caption": container["caption"],
            "timestamp": _now(),
            "container": container,
            "permalink": f"https://www.instagram.com/p/C{media_id}/",
        }
        self.created += 1
        return Answer(200, {"id": media_id})

    def _ig_media(self, request: Seen) -> Answer:
        fields = request.query.get("fields", "id").split(",")
        limit = int(request.query.get("limit", "25"))
        media = list(reversed(list(self.media.values())))[:limit]
        return Answer(200, {"data": [{k: v for k, v in m.items() if k in fields} for m in media]})

    def _ig_one(self, request: Seen) -> Answer:
        media = self.media[request.path.strip("/").split("/")[1]]
        fields = request.query.get("fields", "id").split(",")
        return Answer(200, {k: v for k, v in media.items() if k in fields or k == "id"})
