"""Fetching a feed over HTTP: conditional GET (ETag, Last-Modified), a time limit per
read and a size limit, so a server that hangs or never stops sending costs a warning,
not a frozen worker."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import requests

#: A feed larger than this is refused (a normal one is well under 1 MB).
MAX_BYTES = 10 * 1024 * 1024
#: Seconds to connect, and to wait for each piece of the answer.
TIMEOUT = (10.0, 20.0)
#: Seconds for the whole download (a server trickling bytes never ends otherwise).
DEADLINE = 60.0


class FetchError(Exception):
    """Why a feed could not be fetched, in one line (English, for log and health)."""


@dataclass(frozen=True)
class Fetched:
    status: int  # 200, or 304 when nothing changed
    data: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    etag: str = ""
    modified: str = ""

    @property
    def unchanged(self) -> bool:
        return self.status == 304


def fetch(
    url: str,
    etag: str = "",
    modified: str = "",
    *,
    session: requests.Session | None = None,
    timeout: tuple[float, float] = TIMEOUT,
    max_bytes: int = MAX_BYTES,
    deadline: float = DEADLINE,
) -> Fetched:
    import time

    headers = {
        "User-Agent": "Kriseninfo feed reader",
        "Accept": "application/atom+xml, "
        "application/rss+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5",
    }
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    client = session or requests.Session()
    try:
        with client.get(url, headers=headers, timeout=timeout, stream=True) as answer:
            if answer.status_code == 304:
                return Fetched(304, b"", _lowercase(answer.headers), etag, modified)
            if answer.status_code >= 400:
                raise FetchError(f"HTTP {answer.status_code} {answer.reason or ''}".strip())
            declared = answer.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"feed too large ({int(declared)} bytes)")
            chunks: list[bytes] = []
            size = 0
            ends = time.monotonic() + deadline
            for chunk in answer.iter_content(65536):
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"feed too large (more than {max_bytes} bytes)")
                if time.monotonic() > ends:
                    raise FetchError(f"feed took longer than {deadline:.0f} s")
                chunks.append(chunk)
            return Fetched(
                answer.status_code,
                b"".join(chunks),
                _lowercase(answer.headers),
                answer.headers.get("ETag", ""),
                answer.headers.get("Last-Modified", ""),
            )
    except requests.exceptions.Timeout:
        raise FetchError("no answer in time") from None
    except requests.exceptions.InvalidURL:
        raise FetchError("not a usable address") from None
    except requests.exceptions.ConnectionError as error:
        raise FetchError(f"no connection ({type(error).__name__})") from None
    except requests.exceptions.RequestException as error:
        raise FetchError(f"request failed ({type(error).__name__})") from None
    finally:
        if session is None:
            client.close()


def _lowercase(headers: Mapping[str, str]) -> dict[str, str]:
    """feedparser looks headers up in lower case (content-type, its charset): given the
    server's own spelling it would call every feed "not well-formed" and miss the charset."""
    return {name.lower(): value for name, value in headers.items()}
