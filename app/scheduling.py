"""Runs the APScheduler jobs in exactly one process: the holder of a database lease."""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import event
from sqlalchemy.orm import Session

from app import leases
from app.config import get_settings
from app.db import background_session_factory
from app.streams import supervisor as streams
from scheduler.relay_windows import JOB_EVERY_S as RELAY_EVERY_S
from scheduler.service import SchedulerService

log = logging.getLogger("loa.scheduling")
LEASE = "scheduler-leader"
TTL = timedelta(seconds=90)
RENEW_EVERY_S = 30


def register_jobs(service: SchedulerService) -> None:
    """Idempotent: every job has a fixed id and replaces its earlier self. After a start the
    re-plan and render jobs run soon, so a fresh station has programmes within a minute."""
    soon = datetime.now(UTC) + timedelta(seconds=5)
    service.schedule_nightly_plan("app.jobs:plan_next_days", zone="Asia/Ho_Chi_Minh")
    service.schedule_periodic("replan-changed", "app.jobs:replan_changed", every_s=60, first_run=soon)
    service.schedule_lock_check("app.jobs:lock_due_programmes", every_s=60)
    service.schedule_post_air("app.jobs:record_aired_programmes", every_s=300)
    service.schedule_periodic("relay-windows", "app.jobs:relay_windows", every_s=RELAY_EVERY_S, first_run=soon)
    service.schedule_periodic("render-ahead", "app.jobs:render_ahead", every_s=300,
                              first_run=soon + timedelta(seconds=10))
    if get_settings().upward_push_url:
        service.schedule_periodic("upward-push", "app.jobs:push_upward",
                                  every_s=get_settings().upward_push_every_seconds, first_run=soon)
    # after the nightly plan (02:00), before the morning programme locks (06:00)
    service.schedule_daily("audio-cleanup", "app.jobs:clean_up_audio", at=time(3, 30), zone="Asia/Ho_Chi_Minh")


class SchedulerLeader:
    """Holds the leader lease and runs the scheduler while it does; hands over on stop."""

    def __init__(self) -> None:
        self.holder = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self.service: SchedulerService | None = None
        self._stop = threading.Event()
        self._replan_wanted = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="loa-scheduler-leader", daemon=True)
        self._replanner = threading.Thread(target=self._replan_loop, name="loa-replan-requests", daemon=True)

    def start(self) -> None:
        self._thread.start()
        self._replanner.start()

    def stop(self) -> None:
        self._stop.set()
        self._replan_wanted.set()
        self._thread.join(timeout=10)
        self._replanner.join(timeout=10)
        self._stop_service()
        with background_session_factory()() as session:
            leases.release(session, LEASE, self.holder)

    def request_replan(self) -> None:
        """Queue a debounced re-plan; the job store is written from another thread, never from
        the request's, so a request's open write transaction cannot block it."""
        self._replan_wanted.set()

    def _replan_loop(self) -> None:
        while not self._stop.is_set():
            self._replan_wanted.wait()
            self._replan_wanted.clear()
            service = self.service
            if service is None or self._stop.is_set():
                continue
            try:
                service.request_replan("app.jobs:replan_changed", delay_s=get_settings().replan_delay_seconds)
            except Exception:  # the minute job re-plans anyway
                log.exception("could not queue a re-plan")

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                with background_session_factory()() as session:
                    leader = leases.acquire(session, LEASE, self.holder, TTL)
                if leader and self.service is None:
                    url = get_settings().sqlalchemy_url
                    options = {"connect_args": {"timeout": 30}} if url.startswith("sqlite") else {}
                    self.service = SchedulerService(url, engine_options=options)
                    self.service.start(paused=True)
                    register_jobs(self.service)
                    self.service.scheduler.resume()
                    log.info("this process (%s) runs the scheduler", self.holder)
                    streams.start(background_session_factory())
                elif not leader and self.service is not None:
                    log.warning("lost the scheduler lease; stopping jobs here")
                    self._stop_service()
            except Exception:  # keep trying: a database hiccup must not end scheduling for good
                log.exception("scheduler leader loop")
            self._stop.wait(RENEW_EVERY_S)

    def _stop_service(self) -> None:
        streams.stop()  # the next leader feeds the mounts: Icecast takes one source per mount
        if self.service is not None:
            self.service.shutdown(wait=True)
            self.service = None


_leader: SchedulerLeader | None = None


def start_leader() -> SchedulerLeader:
    global _leader
    _leader = SchedulerLeader()
    _leader.start()
    return _leader


def request_replan(session: Session) -> None:
    """Ask for a debounced re-plan once `session` commits (else the minute job will notice)."""
    session.info["loa_replan"] = True


@event.listens_for(Session, "after_commit")
def _replan_after_commit(session: Session) -> None:
    if session.info.pop("loa_replan", False) and _leader is not None:
        _leader.request_replan()


@event.listens_for(Session, "after_rollback")
def _forget_replan(session: Session) -> None:
    session.info.pop("loa_replan", None)
