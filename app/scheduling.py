"""Runs the APScheduler jobs in exactly one process: the holder of a database lease."""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from datetime import timedelta

from app import leases
from app.config import get_settings
from app.db import session_factory
from scheduler.service import SchedulerService

log = logging.getLogger("loa.scheduling")
LEASE = "scheduler-leader"
TTL = timedelta(seconds=90)
RENEW_EVERY_S = 30


def register_jobs(service: SchedulerService) -> None:
    """Idempotent: every job has a fixed id and replaces its earlier self."""
    service.schedule_nightly_plan("app.jobs:plan_next_days", zone="Asia/Ho_Chi_Minh")
    service.schedule_periodic("replan-changed", "app.jobs:replan_changed", every_s=60)
    service.schedule_lock_check("app.jobs:lock_due_programmes", every_s=60)
    service.schedule_post_air("app.jobs:record_aired_programmes", every_s=300)


class SchedulerLeader:
    """Holds the leader lease and runs the scheduler while it does; hands over on stop."""

    def __init__(self) -> None:
        self.holder = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self.service: SchedulerService | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="loa-scheduler-leader", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)
        self._stop_service()
        with session_factory()() as session:
            leases.release(session, LEASE, self.holder)

    def request_replan(self) -> None:
        if self.service is not None:
            self.service.request_replan("app.jobs:replan_changed", delay_s=20)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                with session_factory()() as session:
                    leader = leases.acquire(session, LEASE, self.holder, TTL)
                if leader and self.service is None:
                    self.service = SchedulerService(get_settings().sqlalchemy_url)
                    self.service.start(paused=True)
                    register_jobs(self.service)
                    self.service.scheduler.resume()
                    log.info("this process (%s) runs the scheduler", self.holder)
                elif not leader and self.service is not None:
                    log.warning("lost the scheduler lease; stopping jobs here")
                    self._stop_service()
            except Exception:  # keep trying: a database hiccup must not end scheduling for good
                log.exception("scheduler leader loop")
            self._stop.wait(RENEW_EVERY_S)

    def _stop_service(self) -> None:
        if self.service is not None:
            self.service.shutdown(wait=True)
            self.service = None


_leader: SchedulerLeader | None = None


def start_leader() -> SchedulerLeader:
    global _leader
    _leader = SchedulerLeader()
    _leader.start()
    return _leader


def request_replan() -> None:
    """Ask for a debounced re-plan if this process runs the scheduler (else the minute job will)."""
    if _leader is not None:
        _leader.request_replan()
