"""A local X API v2 for channel tests: posts, replies, media upload with alt text, delete,
the account and its timeline, with X's problem-details errors and rate-limit headers.

Endpoints for `fail()`: "POST /2/tweets", "DELETE /2/tweets/:id", "POST /2/media/upload",
"POST /2/media/metadata", "GET /2/users/me", "GET /2/users/:id/tweets".
"""

from __future__ import annotations

import base64
import itertools
import re
import time
from datetime import UTC, datetime
from typing import Any

from tests.support.telegram_server import Answer, FakePlatform, Fault, Seen

TOKEN = "x-user-token-kriseninfo"
USER = {"id": "2244994945", "name": "Landkreis Musterstadt", "username": "lk_musterstadt"}
PROBLEMS = "https://api.twitter.com/2/problems"
DUPLICATE = "You are not allowed to create a Tweet with duplicate content."


def problem(status: int, title: str, detail: str, kind: str = "about:blank") -> dict[str, Any]:
    return {"title": title, "detail": detail, "type": kind, "status": status}


def too_many(reset_in: int, *, daily: bool = False) -> Fault:
    """429 with X's headers: the 15-minute window, or the user's 24-hour limit used up."""
    reset = str(int(time.time()) + reset_in)
    headers = {
        "x-rate-limit-limit": "100",
        "x-rate-limit-remaining": "0",
        "x-rate-limit-reset": reset,
    }
    if daily:
        headers = {
            "x-rate-limit-limit": "100",
            "x-rate-limit-remaining": "99",
            "x-rate-limit-reset": str(int(time.time()) + 900),
            "x-user-limit-24hour-limit": "17",
            "x-user-limit-24hour-remaining": "0",
            "x-user-limit-24hour-reset": reset,
        }
    body = problem(429, "Too Many Requests", "Too Many Requests", f"{PROBLEMS}/usage-capped")
    return Fault(429, body, headers)


class XServer(FakePlatform):
    def __init__(self) -> None:
        super().__init__()
        self.token = TOKEN
        self.tweets: dict[str, dict[str, Any]] = {}  # what the account shows
        self.media: dict[str, dict[str, Any]] = {}
        self.created = 0
        self.deleted: list[str] = []
        self._ids = itertools.count(1_800_000_000_000_000_001)
        self._media_ids = itertools.count(1_146_654_567_674_912_769)

    def endpoint(self, request: Seen) -> str:
        path = re.sub(r"^/2/tweets/[^/]+$", "/2/tweets/:id", request.path)
        path = re.sub(r"^/2/users/(?!me$)[^/]+/tweets$", "/2/users/:id/tweets", path)
        return f"{request.method} {path}"

    def answer(self, request: Seen) -> Answer:
        if request.headers.get("authorization") != f"Bearer {self.token}":
            return Answer(401, problem(401, "Unauthorized", "Unauthorized"))
        route = {
            "POST /2/tweets": self._create,
            "DELETE /2/tweets/:id": self._delete,
            "POST /2/media/upload": self._upload,
            "POST /2/media/metadata": self._metadata,
            "GET /2/users/me": self._me,
            "GET /2/users/:id/tweets": self._timeline,
        }.get(self.endpoint(request))
        if route is None:
            return Answer(
                404, problem(404, "Not Found Error", "Not found", f"{PROBLEMS}/resource-not-found")
            )
        answer = route(request)
        answer.headers.setdefault("x-rate-limit-limit", "100")
        answer.headers.setdefault("x-rate-limit-remaining", "99")
        answer.headers.setdefault("x-rate-limit-reset", str(int(time.time()) + 900))
        return answer

    @staticmethod
    def _invalid(message: str) -> Answer:
        body = problem(
            400,
            "Invalid Request",
            "One or more parameters to your request was invalid.",
            f"{PROBLEMS}/invalid-request",
        )
        body["errors"] = [{"message": message}]
        return Answer(400, body)

    def _create(self, request: Seen) -> Answer:
        body = request.json if isinstance(request.json, dict) else {}
        text = str(body.get("text", ""))
        media_ids = (body.get("media") or {}).get("media_ids") or []
        if not text and not media_ids:
            return self._invalid("$.text: is missing but it is required")
        if len(text) > 280:  # X weighs characters; the fake counts them
            return self._invalid("$.text: Tweet text is too long")
        if len(media_ids) > 4 or any(m not in self.media for m in media_ids):
            return self._invalid("$.media.media_ids: invalid media id")
        if text and any(t["text"] == text for t in self.tweets.values()):
            return Answer(403, problem(403, "Forbidden", DUPLICATE))
        parent = (body.get("reply") or {}).get("in_reply_to_tweet_id")
        if parent is not None and parent not in self.tweets:
            return Answer(
                403,
                problem(
                    403,
                    "Forbidden",
                    "You attempted to reply to a Tweet that is deleted or not visible to you.",
                ),
            )
        tweet_id = str(next(self._ids))
        self.tweets[tweet_id] = {
            "id": tweet_id,
            "text": text,
            "created_at": datetime.now(UTC)
            .isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"),
            "in_reply_to": parent,
            "media_ids": list(media_ids),
        }
        self.created += 1
        return Answer(201, {"data": {"id": tweet_id, "text": text}})

    def _delete(self, request: Seen) -> Answer:
        tweet_id = request.path.rsplit("/", 1)[-1]
        if self.tweets.pop(tweet_id, None) is None:
            return Answer(
                404,
                problem(
                    404,
                    "Not Found Error",
                    f"Could not find tweet with id: [{tweet_id}].",
                    f"{PROBLEMS}/resource-not-found",
                ),
            )
        self.deleted.append(tweet_id)
        return Answer(200, {"data": {"deleted": True}})

    def _upload(self, request: Seen) -> Answer:
        if "media" in request.files:  # multipart: raw bytes
            _, sent_as, data = request.files["media"]
            category, kind = request.form.get("media_category"), request.form.get("media_type")
            kind = kind or sent_as
        elif isinstance(request.json, dict):  # JSON: base64
            data = base64.b64decode(request.json.get("media", ""))
            category, kind = request.json.get("media_category"), request.json.get("media_type")
        else:
            return self._invalid("media: is missing but it is required")
        if category not in ("tweet_image", "dm_image", "subtitles") or not data:
            return self._invalid("media_category: invalid value")
        media_id = str(next(self._media_ids))
        self.media[media_id] = {"type": kind, "size": len(data), "alt": None}
        return Answer(
            200,
            {
                "data": {
                    "id": media_id,
                    "media_key": f"3_{media_id}",
                    "size": len(data),
                    "expires_after_secs": 86400,
                }
            },
        )

    def _metadata(self, request: Seen) -> Answer:
        body = request.json if isinstance(request.json, dict) else {}
        media = self.media.get(str(body.get("id")))
        alt = ((body.get("metadata") or {}).get("alt_text") or {}).get("text")
        if media is None:
            return Answer(
                404,
                problem(
                    404, "Not Found Error", "media not found", f"{PROBLEMS}/resource-not-found"
                ),
            )
        if alt is not None and len(alt) > 1000:
            return self._invalid("$.metadata.alt_text.text: longer than 1000")
        media["alt"] = alt
        return Answer(200, {"data": {"id": body["id"], "associated_metadata": body["metadata"]}})

    def _me(self, request: Seen) -> Answer:
        return Answer(200, {"data": dict(USER)})

    def _timeline(self, request: Seen) -> Answer:
        if request.path.split("/")[3] != USER["id"]:
            return Answer(
                404,
                problem(404, "Not Found Error", "user not found", f"{PROBLEMS}/resource-not-found"),
            )
        wanted = int(request.query.get("max_results", "10"))
        if not 5 <= wanted <= 100:
            return self._invalid("max_results: must be between 5 and 100")
        fields = request.query.get("tweet.fields", "").split(",")
        tweets = [
            {k: v for k, v in t.items() if k in ("id", "text") or (k in fields)}
            for t in reversed(list(self.tweets.values()))
        ][:wanted]
        return Answer(200, {"data": tweets, "meta": {"result_count": len(tweets)}})
