"""The publishing worker: claims due deliveries and sends them, accounts in parallel.

It runs on its own threads: inside the console (never on the GUI thread) and headless as
`kriseninfo worker`. Each account's channel object is kept between sends, so connections
are reused. A lease heartbeat keeps long sends (media still processing) from being taken
over by another worker.
"""

from __future__ import annotations

import logging
import os
import queue
import secrets
import socket
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import timedelta

from kriseninfo.clock import Clock, utc_now
from kriseninfo.counting.platforms import Platform
from kriseninfo.errors import KriseninfoError
from kriseninfo.publishing import registry
from kriseninfo.publishing.accounts import load_configs, servable
from kriseninfo.publishing.channel import AccountConfig, Channel, Published
from kriseninfo.publishing.credentials import Credentials
from kriseninfo.publishing.errors import SendError, transient, unclear
from kriseninfo.publishing.queue import LEASE, DeliveryQueue, Outcome
from kriseninfo.publishing.records import Job, JobKind
from kriseninfo.publishing.traits import TRAITS
from kriseninfo.storage.database import Database

log = logging.getLogger(__name__)

ChannelMaker = Callable[[AccountConfig], Channel]

#: How long the recorder waits for more outcomes to write them in one transaction.
LINGER_S = 0.005


def default_maker(config: AccountConfig) -> Channel:
    return registry.factory(config.platform)(config)


def _idempotent(platform: Platform) -> bool:
    return TRAITS[platform].idempotent


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
        drills_only: bool = False,
    ):
        self._db = database
        #: Send only drills' deliveries (to the Übungs-Timeline): a headless drill's own
        #: worker never takes, or comments on, a real delivery.
        self._drills_only = drills_only
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
        # Sends hand their outcome to one recorder, which writes whatever has arrived in
        # one transaction: twenty accounts answering together cost one write.
        self._outcomes: queue.Queue[tuple[Job, Outcome]] = queue.Queue()
        self._closing = threading.Event()
        self._recorder = threading.Thread(target=self._record_loop, name="record", daemon=True)
        self._recorder.start()
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
        able = [] if self._drills_only else [a for a, c in configs.items() if servable(c)]
        jobs = self._queue.claim(able)
        for job in jobs:
            with self._lock:
                self._running[job.delivery_id] = self._pool.submit(self._send, job)
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
            self._wake.wait(0.05)  # set when a send was recorded
            self._wake.clear()
        return False

    def close(self) -> None:
        """Let running sends finish and their outcomes be written, then stop."""
        self._pool.shutdown(wait=True, cancel_futures=False)
        self._closing.set()
        self._recorder.join(60)
        for _config, channel in self._channels.values():
            try:
                channel.close()
            except Exception:
                log.debug("closing a channel failed", exc_info=True)
        self._channels.clear()

    def _in_flight(self) -> list[int]:
        with self._lock:
            return list(self._running)

    def _done(self, delivery_ids: list[int]) -> None:
        with self._lock:
            for delivery_id in delivery_ids:
                self._running.pop(delivery_id, None)
        self._on_change()
        self._wake.set()  # a thread's next part may be ready now

    def _record_loop(self) -> None:
        while True:
            try:
                first = self._outcomes.get(timeout=0.2)
            except queue.Empty:
                if self._closing.is_set():
                    return
                continue
            batch = [first]
            # Sends started together end together: wait a moment for the others, so they
            # share one write (a few milliseconds against a transaction each).
            linger = time.monotonic() + LINGER_S
            while len(batch) < len(self._in_flight()):
                try:
                    batch.append(self._outcomes.get(timeout=max(0.0, linger - time.monotonic())))
                except queue.Empty:
                    break
            self._record(batch)
            self._done([job.delivery_id for job, _ in batch])

    def _record(self, batch: list[tuple[Job, Outcome]]) -> None:
        """Write outcomes; while the database is busy or away, keep them and try again
        (a known success must never become "unklar" because a write failed)."""
        delay = 0.1
        while True:
            try:
                self._queue.record(batch)
                return
            except KriseninfoError as error:
                if self._closing.is_set() and delay > 5:
                    log.error(
                        "could not record %d outcomes (%s); their leases will expire",
                        len(batch),
                        error.detail,
                    )
                    return
                log.warning("recording %d outcomes: %s; retrying", len(batch), error.detail)
            except Exception:
                log.exception("recording %d outcomes failed", len(batch))
                return
            time.sleep(delay)
            delay = min(delay * 2, 10.0)

    # -- sending ---------------------------------------------------------------------------
    def _send(self, job: Job) -> None:
        outcome: Outcome
        try:
            channel = self._channel_for(job)
            if job.kind is JobKind.DELETE:
                channel.delete(job.platform_id)
                outcome = Published(job.platform_id)
            else:
                outcome = channel.publish(job.post)
        except SendError as error:
            outcome = error
        except Exception as error:
            log.exception("delivery %s: channel %s failed", job.delivery_id, job.platform.value)
            detail = f"{type(error).__name__} in the {job.platform.value} channel"
            safe = job.drill or _idempotent(job.platform)
            outcome = transient("internal", detail) if safe else unclear(detail)
        self._outcomes.put((job, outcome))

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
            if not self._drills_only:
                able = [a for a, c in self._configs.items() if servable(c)]
                self._queue.mark_without_credentials(able)
        return self._configs

    def refresh_accounts(self) -> None:
        self._configs_at = 0.0
