"""The APScheduler runner: keeps Loa's jobs in the application database and calls them.

It knows nothing of the database's tables: jobs are given as textual references
(``"app.jobs:plan_next_days"``) to module-level functions, because a persistent job store
pickles the reference, not the function; ``app/jobs.py`` provides them.

Jobs (decisions):

- **nightly plan**: a cron job at a local time in a given zone (default 02:00
  Asia/Ho_Chi_Minh) that plans the next days.
- **replan soon**: one date job with a fixed id, pushed to now + ``delay_s`` on every call with
  ``replace_existing=True``; a burst of approvals therefore leads to one replan (debounce).
- **lock** and **post-air** are *periodic checks* (every minute) rather than one job per slot:
  a check asks the database what is due ("programmes starting within 30 minutes and not
  locked", "programmes that ended and are not recorded"), so it is idempotent, needs no
  rescheduling when slots change, and after downtime a single coalesced run catches up.

All jobs: ``coalesce=True`` (missed runs collapse into one), ``max_instances=1``, a generous
``misfire_grace_time`` (a nightly plan missed during a restart still runs when the process
comes back), UTC as the scheduler zone. An APScheduler 3 job store must not be shared by two
running schedulers: run the scheduler in one process (``loa worker``, or one ``loa serve``
chosen by a database lock), and keep the job functions idempotent.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.job import Job
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

log = logging.getLogger(__name__)

NIGHTLY_PLAN_ID = "loa:nightly-plan"
REPLAN_SOON_ID = "loa:replan-soon"
LOCK_CHECK_ID = "loa:lock-due"
POST_AIR_ID = "loa:post-air"

JOB_TABLE = "apscheduler_jobs"


def _check_ref(func_ref: str) -> str:
    module, sep, name = func_ref.partition(":")
    if not (module and sep and name):
        raise ValueError(f"job reference must be 'package.module:function', got {func_ref!r}")
    return func_ref


class SchedulerService:
    """A BackgroundScheduler with its job store in the application database (UTC, coalesced)."""

    def __init__(
        self,
        database_url: str,
        *,
        table_name: str = JOB_TABLE,
        misfire_grace_time_s: int = 6 * 3600,
        engine_options: Mapping[str, Any] | None = None,
        max_workers: int = 2,
    ) -> None:
        self.job_store = SQLAlchemyJobStore(
            url=database_url, tablename=table_name, engine_options=dict(engine_options or {})
        )
        self.scheduler = BackgroundScheduler(
            jobstores={"default": self.job_store},
            executors={"default": ThreadPoolExecutor(max_workers)},
            job_defaults={
                "coalesce": True,
                "max_instances": 1,
                "misfire_grace_time": misfire_grace_time_s,
            },
            timezone=UTC,
        )

    def start(self, *, paused: bool = False) -> None:
        """Start the background thread (jobs missed while down run now, coalesced)."""
        self.scheduler.start(paused=paused)
        log.info("scheduler started with %d jobs", len(self.scheduler.get_jobs()))

    def shutdown(self, *, wait: bool = True) -> None:
        """Stop the scheduler and close its connections; jobs stay in the database."""
        if self.scheduler.running:
            # APScheduler 3 processes due jobs once more after shutdown() stopped the
            # executors: the submission fails but the job's next run time is still advanced,
            # so a run due at that moment would be lost. Detaching the store first avoids it.
            self.scheduler.remove_jobstore("default", shutdown=False)
            self.scheduler.shutdown(wait=wait)
        self.job_store.engine.dispose()

    def jobs(self) -> list[Job]:
        """The jobs in the store, soonest first."""
        return list(self.scheduler.get_jobs())

    def schedule_nightly_plan(
        self,
        func_ref: str,
        *,
        at: time = time(2, 0),
        zone: str = "Asia/Ho_Chi_Minh",
        kwargs: Mapping[str, Any] | None = None,
    ) -> Job:
        """Run ``func_ref`` every day at local ``at`` in ``zone`` (replaces an earlier setup)."""
        trigger = CronTrigger(hour=at.hour, minute=at.minute, second=at.second,
                              timezone=ZoneInfo(zone))
        return self.scheduler.add_job(
            _check_ref(func_ref), trigger, id=NIGHTLY_PLAN_ID, name="nightly plan",
            kwargs=dict(kwargs or {}), replace_existing=True,
        )

    def schedule_daily(
        self,
        job_id: str,
        func_ref: str,
        *,
        at: time,
        zone: str = "Asia/Ho_Chi_Minh",
        kwargs: Mapping[str, Any] | None = None,
    ) -> Job:
        """Run ``func_ref`` every day at local ``at`` in ``zone`` under ``job_id``."""
        trigger = CronTrigger(hour=at.hour, minute=at.minute, second=at.second,
                              timezone=ZoneInfo(zone))
        return self.scheduler.add_job(
            _check_ref(func_ref), trigger, id=job_id, name=job_id,
            kwargs=dict(kwargs or {}), replace_existing=True,
        )

    def request_replan(
        self,
        func_ref: str,
        *,
        delay_s: float = 30,
        now: datetime | None = None,
        kwargs: Mapping[str, Any] | None = None,
    ) -> Job:
        """Run ``func_ref`` once, ``delay_s`` after the *last* request (debounced by a fixed id)."""
        start = (now or datetime.now(UTC)) + timedelta(seconds=delay_s)
        return self.scheduler.add_job(
            _check_ref(func_ref), DateTrigger(run_date=start, timezone=UTC),
            id=REPLAN_SOON_ID, name="replan soon", kwargs=dict(kwargs or {}),
            replace_existing=True,
        )

    def schedule_periodic(
        self,
        job_id: str,
        func_ref: str,
        *,
        every_s: int = 60,
        kwargs: Mapping[str, Any] | None = None,
        first_run: datetime | None = None,
    ) -> Job:
        """Run ``func_ref`` every ``every_s`` seconds under ``job_id`` (e.g. the lock check)."""
        options: dict[str, Any] = {}
        if first_run is not None:
            options["next_run_time"] = first_run
        return self.scheduler.add_job(
            _check_ref(func_ref), IntervalTrigger(seconds=every_s, timezone=UTC),
            id=job_id, name=job_id, kwargs=dict(kwargs or {}), replace_existing=True,
            **options,
        )

    def schedule_lock_check(
        self, func_ref: str, *, every_s: int = 60, kwargs: Mapping[str, Any] | None = None
    ) -> Job:
        """Periodic check that locks programmes starting within the lock lead (30 min)."""
        return self.schedule_periodic(LOCK_CHECK_ID, func_ref, every_s=every_s, kwargs=kwargs)

    def schedule_post_air(
        self, func_ref: str, *, every_s: int = 300, kwargs: Mapping[str, Any] | None = None
    ) -> Job:
        """Periodic check that records airings and archives expired scripts after air."""
        return self.schedule_periodic(POST_AIR_ID, func_ref, every_s=every_s, kwargs=kwargs)
