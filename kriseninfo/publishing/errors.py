"""What a channel raises when a send does not succeed. The queue acts on `kind`."""

from __future__ import annotations

from kriseninfo.publishing.states import ErrorKind


class SendError(Exception):
    """A failed send. `code` is a stable reason the UI words in German; `detail` is the
    platform's own message (English, for the log and the officer). Never a secret."""

    def __init__(
        self,
        kind: ErrorKind,
        code: str,
        detail: str = "",
        *,
        retry_after: float | None = None,
    ):
        super().__init__(f"{kind.value}/{code}: {detail}")
        self.kind = kind
        self.code = code
        self.detail = detail[:2000]
        self.retry_after = retry_after


def transient(code: str, detail: str = "", retry_after: float | None = None) -> SendError:
    return SendError(ErrorKind.TRANSIENT, code, detail, retry_after=retry_after)


def rate_limited(detail: str = "", retry_after: float | None = None) -> SendError:
    return SendError(ErrorKind.RATE_LIMITED, "rate_limited", detail, retry_after=retry_after)


def offline(detail: str = "") -> SendError:
    return SendError(ErrorKind.OFFLINE, "offline", detail)


def unclear(detail: str = "") -> SendError:
    return SendError(ErrorKind.UNCLEAR, "answer_lost", detail)


def permanent(code: str, detail: str = "") -> SendError:
    return SendError(ErrorKind.PERMANENT, code, detail)


def auth(detail: str = "") -> SendError:
    return SendError(ErrorKind.AUTH, "auth", detail)
