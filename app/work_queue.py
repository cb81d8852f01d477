"""Where rendering runs: on `loa worker` processes through the job queue, or in this process.

A single ward (SQLite, `make run`) renders in the process that runs the scheduler, as always. On
PostgreSQL with `LOA_QUEUE=procrastinate` (or `auto` while a `loa worker` is alive), the periodic
jobs only queue work, and any number of workers on any number of machines do it.
"""

from __future__ import annotations

import logging

from sqlalchemy import Connection

from app.config import get_settings

log = logging.getLogger("loa.work_queue")


class QueueMisconfigured(RuntimeError):
    """LOA_QUEUE=procrastinate on a database that cannot hold the queue."""

    def __init__(self, message_en: str, message_vi: str) -> None:
        super().__init__(message_en)
        self.message_vi = message_vi


def queue_on() -> bool:
    """Whether work goes to the queue now (asked by each periodic run, in a short transaction
    of its own: never call it holding a write transaction on SQLite)."""
    settings = get_settings()
    if settings.queue == "off":
        return False
    if not settings.sqlalchemy_url.startswith("postgresql"):
        if settings.queue == "procrastinate":
            raise QueueMisconfigured("LOA_QUEUE=procrastinate needs a PostgreSQL database (LOA_DATABASE_URL)",
                                     "hàng đợi cần cơ sở dữ liệu PostgreSQL (LOA_DATABASE_URL)")
        return False
    from app import queue_tasks
    from app.db import background_session_factory

    with background_session_factory()() as session:
        connection = session.connection()
        if settings.queue == "procrastinate":
            if not queue_tasks.schema_applied(connection):
                raise QueueMisconfigured("the job queue's tables are missing: run `loa db upgrade`",
                                         "thiếu các bảng của hàng đợi việc: chạy `loa db upgrade`")
            return True
        return queue_tasks.live_workers(connection) > 0


def enqueue_render(programme_id: int, *, slot_instance: str | None = None, due_soon: bool = False) -> bool:
    """Have the programme rendered: a job for the workers when the queue is on (answers True),
    else rendered here and now, as a single ward does (answers False). Idempotent either way:
    a programme with current audio is left alone.

    `slot_instance` ("station:date:slot") makes the area variants of one slot instance render one
    after the other: they share most items, and the second finds them encoded by the first (a
    warm render costs about a tenth of a cold one), where side by side every worker would encode
    them all. Different slots and stations still render at once on every worker."""
    if queue_on():
        from app import queue_tasks

        priority = queue_tasks.DUE_SOON_PRIORITY if due_soon else queue_tasks.RENDER_PRIORITY
        lock = f"slot:{slot_instance}" if slot_instance else f"programme:{programme_id}"
        queue_tasks.defer("render_programme", lock=lock, queueing_lock=f"programme:{programme_id}",
                          priority=priority, programme_id=programme_id)
        return True
    from app import jobs

    jobs.render_programme(programme_id)
    return False


def enqueue_prepare(station_id: int) -> None:
    """Queue the speech and re-plan of one station (the queue must be on)."""
    from app import queue_tasks

    queue_tasks.defer("prepare_station", lock=f"station:{station_id}", priority=queue_tasks.PREPARE_PRIORITY,
                      station_id=station_id)


def enqueue_plan(station_id: int) -> None:
    """Queue the nightly plan of one station (the queue must be on): it waits for the station's
    other jobs (the same lock), and one waiting plan job per station is enough."""
    from app import queue_tasks

    queue_tasks.defer("plan_station", lock=f"station:{station_id}", queueing_lock=f"plan:{station_id}",
                      priority=queue_tasks.PREPARE_PRIORITY, station_id=station_id)


def enqueue_delivery(connection: Connection, delivery_id: int, station_id: int, *, emergency: bool) -> None:
    """Queue the delivery of a bulletin to one station, in the sender's transaction (the queue
    must be on). Its lock is the station's deliveries: two bulletins to one ward go one after the
    other, but never behind the ward's render work (`station:<id>`), which may take a minute."""
    from app import queue_tasks

    queue_tasks.defer_in(connection, "deliver_bulletin", lock=f"deliveries:station:{station_id}",
                         priority=queue_tasks.EMERGENCY_PRIORITY if emergency else queue_tasks.BULLETIN_PRIORITY,
                         delivery_id=delivery_id)
