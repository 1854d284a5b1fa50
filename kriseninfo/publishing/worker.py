"""The publishing worker: claims due deliveries and sends them, accounts in parallel.

It runs on its own threads: inside the console (never on the GUI thread) and headless as
`kriseninfo worker`. Each account's channel object is kept between sends, so connections
are reused. A lease heartbeat keeps long sends (media still processing) from being taken
over by another worker.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import timedelta
from functools import partial

from kriseninfo.clock import Clock, utc_now
from kriseninfo.counting.platforms import Platform
from kriseninfo.errors import KriseninfoError
from kriseninfo.publishing import registry
from kriseninfo.publishing.accounts import load_configs, servable
from kriseninfo.publishing.channel import AccountConfig, Channel
from kriseninfo.publishing.credentials import Credentials
from kriseninfo.publishing.errors import SendError, transient, unclear
from kriseninfo.publishing.queue import LEASE, DeliveryQueue
from kriseninfo.publishing.records import Job, JobKind
from kriseninfo.storage.database import Database

log = logging.getLogger(__name__)

ChannelMaker = Callable[[AccountConfig], Channel]


def default_maker(config: AccountConfig) -> Channel:
    return registry.factory(config.platform)(config)


def _idempotent(platform: Platform) -> bool:
    return registry.channel_class(platform).idempotent


def new_owner() -> str:
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{secrets.token_hex(4)}"


class Worker:
    def __init__(
        self,
        database: Database,
        credentials: Credentials | None = None,
        *,
        clock: Clock = utc_now,
        make_channel: ChannelMaker = default_maker,
        owner: str | None = None,
        parallel: int = 32,
        poll: float = 1.0,
        on_change: Callable[[], None] | None = None,
        lease: timedelta = LEASE,
    ):
        self._db = database
        self._credentials = credentials or Credentials()
        self._make = make_channel
        self.owner = owner or new_owner()
        self._queue = DeliveryQueue(database, self.owner, _idempotent, clock, lease)
        self._beat = lease.total_seconds() / 4
        self._clock = clock
        self._pool = ThreadPoolExecutor(max_workers=parallel, thread_name_prefix="send")
        self._poll = poll
        self._wake = threading.Event()
        self._lock = threading.Lock()
        self._running: dict[int, Future[None]] = {}
        self._channels: dict[int, tuple[AccountConfig, Channel]] = {}
        self._configs: dict[int, AccountConfig] = {}
        self._configs_at = 0.0
        self._on_change = on_change or (lambda: None)

    # -- the loop --------------------------------------------------------------------------
    def wake(self) -> None:
        """Something was released or retried: look at the queue now."""
        self._wake.set()

    def run(self, stop: threading.Event) -> None:
        log.info("publishing worker %s started", self.owner)
        beat = time.monotonic()
        while not stop.is_set():
            try:
                self.step()
                if time.monotonic() - beat > self._beat:
                    self._queue.extend(self._in_flight())
                    beat = time.monotonic()
            except KriseninfoError as error:  # the database is busy or away: try again
                log.warning("publishing worker: %s", error.detail)
            except Exception:
                log.exception("publishing worker step failed")
            self._wake.wait(self._poll)
            self._wake.clear()
        self.close()
        log.info("publishing worker %s stopped", self.owner)

    def step(self) -> int:
        """Claim what is due and start sending it; returns how many were claimed."""
        configs = self._accounts()
        able = [a for a, c in configs.items() if servable(c)]
        jobs = self._queue.claim(able)
        for job in jobs:
            future = self._pool.submit(self._send, job)
            with self._lock:
                self._running[job.delivery_id] = future
            future.add_done_callback(partial(self._done, job.delivery_id))
        if jobs:
            self._on_change()
        return len(jobs)

    def drain(self, timeout: float = 30.0) -> bool:
        """Send until nothing is due or in flight (tests, `kriseninfo worker --once`)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            claimed = self.step()
            busy = self._in_flight()
            if not claimed and not busy:
                return True
            time.sleep(0.02)
        return False

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=False)
        for _config, channel in self._channels.values():
            try:
                channel.close()
            except Exception:
                log.debug("closing a channel failed", exc_info=True)
        self._channels.clear()

    def _in_flight(self) -> list[int]:
        with self._lock:
            return list(self._running)

    def _done(self, delivery_id: int, _future: Future[None]) -> None:
        with self._lock:
            self._running.pop(delivery_id, None)
        self._on_change()
        self._wake.set()  # a thread's next part may be ready now

    # -- sending ---------------------------------------------------------------------------
    def _send(self, job: Job) -> None:
        try:
            channel = self._channel_for(job)
            if job.kind is JobKind.DELETE:
                channel.delete(job.platform_id)
                from kriseninfo.publishing.channel import Published

                self._queue.succeeded(job, Published(job.platform_id))
            else:
                self._queue.succeeded(job, channel.publish(job.post))
        except SendError as error:
            self._queue.failed(job, error)
        except KriseninfoError as error:  # the database, while recording: lease expires
            log.error("delivery %s: could not record the outcome: %s", job.delivery_id, error)
        except Exception as error:
            log.exception("delivery %s: channel %s failed", job.delivery_id, job.platform.value)
            detail = f"{type(error).__name__} in the {job.platform.value} channel"
            outcome = (
                transient("internal", detail)
                if job.drill or _idempotent(job.platform)
                else unclear(detail)
            )
            self._queue.failed(job, outcome)

    def _channel_for(self, job: Job) -> Channel:
        if job.drill:
            from kriseninfo.publishing.channels.sandbox import SandboxChannel

            return SandboxChannel(self._db, self._clock, job)
        config = self._accounts()[job.account_id]
        with self._lock:
            cached = self._channels.get(job.account_id)
            if cached is not None and cached[0] == config:
                return cached[1]
        channel = self._make(config)
        with self._lock:
            self._channels[job.account_id] = (config, channel)
        return channel

    def _accounts(self) -> dict[int, AccountConfig]:
        """Account settings and secrets, read again every few seconds (they may change)."""
        if time.monotonic() - self._configs_at > 10 or not self._configs:
            self._configs = load_configs(self._db, self._credentials)
            self._configs_at = time.monotonic()
        return self._configs

    def refresh_accounts(self) -> None:
        self._configs_at = 0.0
