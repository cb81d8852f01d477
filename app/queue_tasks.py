"""The procrastinate job queue on PostgreSQL: Loa's tasks and the `loa worker` loop.

Jobs live in the Loa database (tables `procrastinate_*`); workers take them with row locks and
wake on LISTEN/NOTIFY, so a PostgreSQL installation needs no other service. A job for one
programme carries the lock `programme:<id>`: two jobs for the same programme never run at once,
and the second finds the programme rendered and does nothing. A worker that dies (SIGKILL, power
cut) stops writing its heartbeat; every worker hands the jobs of silent workers back to the queue.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import socket
import threading
from functools import lru_cache
from typing import Any

from procrastinate import App, Blueprint, PsycopgConnector, RetryStrategy, SyncPsycopgConnector
from procrastinate.exceptions import AlreadyEnqueued
from sqlalchemy import Connection, inspect
from sqlalchemy.engine import make_url

from app.config import get_settings

log = logging.getLogger("loa.queue")
tasks = Blueprint()
# 5 s, 25 s, 2 min, 10 min, 52 min: a database restart or a full disk has time to pass
RETRY = RetryStrategy(max_attempts=6, exponential_wait=5)
RENDER_PRIORITY, PREPARE_PRIORITY, DUE_SOON_PRIORITY = 0, 10, 20
# A bulletin sent down: a priority one leads the ward's next programme, an emergency one airs at
# once; an emergency delivery is the highest priority any job has (a worker takes it first).
BULLETIN_PRIORITY, EMERGENCY_PRIORITY = 50, 100


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


@tasks.task(name="render_programme", retry=RETRY)
def render_programme(programme_id: int) -> None:
    """Render one programme unless it is rendered already (app.jobs.render_programme)."""
    from app import jobs

    jobs.render_programme(programme_id, worker=worker_name())


@tasks.task(name="prepare_station", retry=RETRY)
def prepare_station(station_id: int) -> None:
    """Speak a station's new scripts, re-plan with their lengths, queue the renders now due."""
    from app import jobs

    jobs.prepare_station(station_id)


@tasks.task(name="plan_station", retry=RETRY)
def plan_station(station_id: int) -> None:
    """Plan a station's next 7 days (the nightly plan, one job per station)."""
    from app import jobs

    jobs.plan_station(station_id)


@tasks.task(name="deliver_bulletin", retry=RETRY)
def deliver_bulletin(delivery_id: int) -> None:
    """Deliver a sent bulletin to one station unless that is done (app.jobs.deliver_bulletin)."""
    from app import jobs

    jobs.deliver_bulletin(delivery_id)


def conninfo(url: str) -> str:
    """The libpq address of the SQLAlchemy URL (same database, same options)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@lru_cache
def queue_app(connections: int = 4) -> App:
    """The workers' app: an asyncio pool of `connections` (jobs at once, plus the heartbeat,
    the LISTEN connection and the stalled-job watcher)."""
    app = App(connector=PsycopgConnector(conninfo=conninfo(get_settings().sqlalchemy_url),
                                         min_size=1, max_size=connections))
    app.add_tasks_from(tasks, namespace="loa")
    return app


def app_for(url: str, **pool: Any) -> App:
    """An app that only defers jobs, synchronously, into the database at `url`: its own small
    pool, so any thread may defer (the scheduler's, a job's), never the worker's event loop."""
    return App(connector=SyncPsycopgConnector(conninfo=conninfo(url), **pool))


_defer_lock = threading.Lock()
_defer_app: App | None = None


def _deferring_app() -> App:
    global _defer_app
    with _defer_lock:
        if _defer_app is None:
            app = app_for(get_settings().sqlalchemy_url, min_size=1, max_size=4)
            app.open()
            _defer_app = app
        return _defer_app


def defer(task: str, *, lock: str, priority: int, queueing_lock: str | None = None, **kwargs: Any) -> bool:
    """Queue a job unless the same one waits already (the same queueing lock, by default the
    lock); answers whether one was added."""
    try:
        _deferring_app().configure_task(f"loa:{task}", lock=lock, queueing_lock=queueing_lock or lock,
                                        priority=priority).defer(**kwargs)
    except AlreadyEnqueued:
        return False
    return True


def defer_in(connection: Connection, task: str, *, lock: str, priority: int, **kwargs: Any) -> None:
    """Queue a job in the caller's own transaction: it exists (and a worker is woken, by the
    queue's NOTIFY) only once that transaction commits, with the rows it works on."""
    connection.exec_driver_sql(
        "SELECT procrastinate_defer_jobs_v1(ARRAY[ROW('default', %(task)s, %(priority)s, %(lock)s, NULL, "
        "%(args)s::jsonb, NULL)::procrastinate_job_to_defer_v1])",
        {"task": f"loa:{task}", "priority": priority, "lock": lock, "args": json.dumps(kwargs)})


def schema_applied(connection: Connection) -> bool:
    return inspect(connection).has_table("procrastinate_jobs")


def apply_schema(connection: Connection) -> bool:
    """Create procrastinate's tables on a PostgreSQL database that lacks them (`loa init`,
    `loa db upgrade`); answers whether it did. Upgrading procrastinate later may need its
    migration scripts: `procrastinate schema --migrations-path`."""
    if connection.dialect.name != "postgresql" or schema_applied(connection):
        return False
    # straight to psycopg, without parameters: the script's own '%' are not placeholders
    driver = connection.connection.driver_connection
    assert driver is not None
    driver.execute(queue_app().schema_manager.get_schema())
    return True


def live_workers(connection: Connection) -> int:
    """How many workers wrote a heartbeat lately."""
    if connection.dialect.name != "postgresql" or not schema_applied(connection):
        return 0
    seconds = get_settings().worker_stalled_seconds
    row = connection.exec_driver_sql(
        "SELECT count(*) FROM procrastinate_workers "
        f"WHERE last_heartbeat > now() - interval '{float(seconds)} seconds'").scalar()
    return int(row or 0)


async def _hand_back_stalled_jobs(app: App, every_s: float, silent_s: float) -> None:
    """Jobs of a worker silent for `silent_s` go back to the queue (another worker takes them)."""
    while True:
        await asyncio.sleep(every_s)
        try:
            for job in await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=silent_s):
                try:
                    await app.job_manager.retry_job(job)
                    log.warning("job %s (%s %s) of a silent worker handed back to the queue",
                                job.id, job.task_name, job.task_kwargs)
                except Exception:  # another worker handed it back first
                    log.debug("job %s was handed back already", job.id)
        except Exception:
            log.exception("could not look for stalled jobs")


async def run_worker(concurrency: int) -> None:
    """Take jobs until SIGTERM or SIGINT (procrastinate finishes the running ones first)."""
    settings = get_settings()
    app = queue_app(concurrency + 4)
    async with app.open_async():
        watcher = asyncio.create_task(_hand_back_stalled_jobs(
            app, settings.worker_stalled_seconds / 3, settings.worker_stalled_seconds))
        try:
            await app.run_worker_async(
                concurrency=concurrency, name=worker_name(),
                update_heartbeat_interval=settings.worker_heartbeat_seconds,
                stalled_worker_timeout=settings.worker_stalled_seconds,
                delete_jobs="successful")
        finally:
            watcher.cancel()
