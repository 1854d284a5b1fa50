"""The states a delivery passes through, and why one waits."""

from __future__ import annotations

import enum


class DeliveryState(enum.StrEnum):
    SCHEDULED = "scheduled"  # geplant: waits for its "senden um" time
    WAITING = "waiting"  # wartet: offline, rate limited, thread parent, manual step
    SENDING = "sending"  # wird gesendet: leased by a worker
    SENT = "sent"  # gesendet: with the platform's id and link
    UNCLEAR = "unclear"  # unklar: the request went out, the answer was lost
    FAILED = "failed"  # fehlgeschlagen: permanent, with the platform's reason
    WITHDRAWN = "withdrawn"  # zurückgezogen: cancelled before sending, or deleted after


#: States a worker may pick up (when due and their parent is published).
READY = frozenset({DeliveryState.SCHEDULED, DeliveryState.WAITING})
#: States that will not change again by themselves.
FINAL = frozenset({DeliveryState.SENT, DeliveryState.FAILED, DeliveryState.WITHDRAWN})


class WaitReason(enum.StrEnum):
    NONE = ""
    SCHEDULED = "scheduled"  # "senden um"
    PARENT = "parent"  # a thread reply waits for its parent's platform id
    OFFLINE = "offline"  # no network: retried by itself
    RATE_LIMITED = "rate_limited"  # the platform asked us to wait (Retry-After)
    SERVER_ERROR = "server_error"  # 5xx or a timeout before sending: retried
    BREAKER = "breaker"  # too many failures in a row on this account: paused
    MANUAL = "manual"  # a person copies the text and confirms "erledigt"
    NO_CREDENTIALS = "no_credentials"  # this console has no keyring entry for the account
    RETRACTING = "retracting"  # deletion on the platform requested


class ErrorKind(enum.StrEnum):
    """Why a send did not succeed, as the queue acts on it."""

    TRANSIENT = "transient"  # try again later (backoff)
    RATE_LIMITED = "rate_limited"  # try again after the time the platform named
    OFFLINE = "offline"  # the network is down
    UNCLEAR = "unclear"  # the request may have been received; an officer decides
    PERMANENT = "permanent"  # the platform refused; retrying will not help
    AUTH = "auth"  # credentials refused or missing: permanent until fixed
