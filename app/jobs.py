"""Scheduler jobs: each opens a session, calls a service, logs. Safe to run twice."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app import work_queue
from app.audit import service as audit
from app.db import background_session_factory
from app.metrics.instruments import JOB_RUNS, JOBS_RUNNING
from app.models import Programme, Station
from app.programmes import render, voice_recovery
from app.programmes import service as programmes
from app.programmes.render import Progress
from app.relay_sources import live as relay_live
from app.relay_sources import service as relay_sources
from app.scripts import service as scripts
from app.speech.audio import storage
from app.system import disk_use, retention
from app.system import service as system
from app.system.disk import is_disk_full
from scheduler.slots import LOCK_LEAD

log = logging.getLogger("loa.jobs")
T = TypeVar("T")


def _in_session(job: str, work: Callable[[Session], T]) -> T | None:
    """Run `work` in a session and commit. A full disk is not a bug: one log line, a problem
    shown on the status board, and nothing else until a later run succeeds and clears it."""
    sessions = background_session_factory()
    JOBS_RUNNING.labels(job).inc()
    try:
        with sessions() as session:
            result = work(session)
            session.commit()
    except Exception as exc:
        disk_full = is_disk_full(exc)
        JOB_RUNS.labels(job, "disk_full" if disk_full else "failed").inc()
        if not disk_full:
            raise
        log.error("%s stopped: the data disk is full; it runs again by itself once there is space", job)
        _note(sessions, lambda s: system.record_disk_full(s, job))
        return None
    finally:
        JOBS_RUNNING.labels(job).dec()
    JOB_RUNS.labels(job, "ok").inc()
    _note(sessions, lambda s: system.clear_job_problems(s, job))
    return result


def _note(sessions: sessionmaker[Session], change: Callable[[Session], object]) -> None:
    try:
        with sessions() as session:
            change(session)
            session.commit()
    except Exception as exc:  # the database may live on the full disk too: the log line stays
        log.warning("could not update the system problems: %s", type(exc).__name__)


def _plan_station(session: Session, station_id: int, days: int = programmes.PLAN_DAYS) -> None:
    station = programmes.station_with_slots(session, station_id)
    report = programmes.plan_days(session, station, scripts.station_today(station), days)
    log.info("planned %s: %s", station.name, report)


def plan_next_days() -> None:
    """Nightly: plan the next 7 days of every station. With the job queue on, one job per
    station (a province's stations are planned by every worker at once, each in a short
    transaction of its own); else here, one station after another."""
    if work_queue.queue_on():
        with background_session_factory()() as session:
            station_ids = list(session.scalars(select(Station.id).order_by(Station.id)))
        for station_id in station_ids:
            work_queue.enqueue_plan(station_id)
        return

    def work(session: Session) -> None:
        for station_id in session.scalars(select(Station.id).order_by(Station.id)):
            _plan_station(session, station_id)
    _in_session("plan_next_days", work)


def plan_station(station_id: int) -> None:
    """A queue job: plan the next 7 days of one station (skipped at once if nothing changed)."""
    def work(session: Session) -> None:
        if session.get(Station, station_id) is not None:  # deleted since it was queued: nothing to do
            _plan_station(session, station_id)
    _in_session("plan_station", work)


def replan_changed_in(session: Session) -> list[int]:
    """Re-plan every station whose scripts, slots, areas or relay points changed; answers which."""
    station_ids = programmes.stations_needing_replan(session)
    for station_id in station_ids:
        _plan_station(session, station_id)
    return station_ids


def replan_changed() -> None:
    """Soon after approvals, edits, withdrawals and slot, area or relay point changes: re-plan."""
    _in_session("replan_changed", replan_changed_in)


# Speaking and rendering take seconds to minutes: the jobs commit before each, so they hold no
# transaction meanwhile (on SQLite: not the write lock every request and the lease need), and
# store each result in a short transaction of its own.

def _speak_outside_transaction(session: Session, station: Station, first: date, last: date) -> int:
    tasks = render.speech_to_make(session, station, first, last)
    session.commit()
    done = 0
    for task in tasks:
        outcome = render.make_speech(station, task)
        done += render.store_speech(session, station, task, outcome)
        session.commit()
    return done


def _render_outside_transaction(session: Session, programme: Programme, progress: Progress | None = None) -> None:
    pending = render.begin_render(session, programme)
    session.commit()
    outcome = render.make_audio(pending, progress)
    render.finish_render(session, pending, outcome)
    session.commit()  # each programme's files are final: keep them even if a later one fails


def render_programme(programme_id: int, *, worker: str = "") -> bool:
    """Render one programme unless its audio is current already (another job, or an earlier try
    of this one, rendered it): safe to run twice. Answers whether it stored a render. Each render
    a worker makes is in the audit log under the worker's name, stored or not (not: the programme
    was re-planned, or another render stored first, while it rendered)."""
    def work(session: Session) -> bool:
        programme = session.get(Programme, programme_id)
        if (programme is None or programme.audio_key is not None or programme.is_emergency
                or programme.status not in render.RENDERABLE):
            return False
        station_id = programme.station_id
        pending = render.begin_render(session, programme)
        session.commit()
        stored = render.finish_render(session, pending, render.make_audio(pending))
        if worker:
            audit.record(session, "render_programme", actor_name=worker, entity_type="programme",
                         entity_id=programme_id, station_id=station_id,
                         changes={"stored": stored is not None,
                                  "audio_key": stored.audio_key if stored else None,
                                  "render_error": stored.render_error if stored else None})
        return stored is not None
    return bool(_in_session("render_programme", work))


def _slot_instance(programme: Programme) -> str:
    """The slot instance a programme is one area variant of (its render jobs' lock)."""
    return f"{programme.station_id}:{programme.air_date}:{programme.slot_name}"


def lock_due_programmes() -> None:
    """Every minute: lock programmes 30 minutes before air (rendering any still without audio;
    with the job queue on, the workers render them first of all)."""
    queued = work_queue.queue_on()

    def work(session: Session) -> list[object]:
        now = datetime.now(UTC)
        for station_id in list(session.scalars(select(Station.id).order_by(Station.id))):
            for programme in render.due_for_render(session, station_id, now + LOCK_LEAD, now):
                if queued:
                    work_queue.enqueue_render(programme.id, slot_instance=_slot_instance(programme), due_soon=True)
                else:
                    _render_outside_transaction(session, programme)
        return list(programmes.lock_due(session, now))

    locked = _in_session("lock_due_programmes", work)
    if locked:
        log.info("locked %d programme(s)", len(locked))


def record_aired_programmes() -> None:
    """Every few minutes: record what aired, count airings, archive expired scripts."""
    count = _in_session("record_aired_programmes", lambda s: programmes.record_aired(s, datetime.now(UTC)))
    if count:
        log.info("recorded %d aired programme(s)", count)


RENDER_AHEAD = timedelta(hours=48)


def _recover_voices(session: Session, station: Station, today: date, now: datetime, until: datetime) -> None:
    """An engine above the one that spoke answers again: speak and render that speech anew."""
    found = voice_recovery.fallbacks(session, station, today, today + timedelta(days=programmes.PLAN_DAYS),
                                     now, until)
    if not (found.scripts or found.programmes):
        return
    session.commit()  # asking an engine takes up to its deadline: hold no transaction
    rank = voice_recovery.best_answering(station, found)
    if rank is not None:
        count = voice_recovery.redo(session, found, rank, now)
        session.commit()
        log.info("station %s: %s answers again; %d item(s) to speak again", station.id, found.order[rank], count)


def prepare_and_render(session: Session, station_id: int, *, until: datetime | None = None,
                       progress: Progress | None = None) -> int:
    """Speak new scripts, re-plan with their real lengths, render what airs before `until`."""
    now = datetime.now(UTC)
    station = programmes.station_with_slots(session, station_id)
    today = scripts.station_today(station, now)
    _recover_voices(session, station, today, now, until or now + RENDER_AHEAD)
    if _speak_outside_transaction(session, station, today, today + timedelta(days=programmes.PLAN_DAYS)):
        programmes.plan_days(session, station, today, programmes.PLAN_DAYS, now=now)
    due = render.due_for_render(session, station.id, until or now + RENDER_AHEAD, now)
    for programme in due:
        _render_outside_transaction(session, programme, progress)
    return len(due)


def prepare_station(station_id: int) -> None:
    """A queue job: speak a station's new scripts, re-plan, and queue a render job for each
    programme of the next 48 hours without current audio."""
    def work(session: Session) -> int:
        now = datetime.now(UTC)
        station = programmes.station_with_slots(session, station_id)
        today = scripts.station_today(station, now)
        if _speak_outside_transaction(session, station, today, today + timedelta(days=programmes.PLAN_DAYS)):
            programmes.plan_days(session, station, today, programmes.PLAN_DAYS, now=now)
        due = [(p.id, _slot_instance(p)) for p in render.due_for_render(session, station.id, now + RENDER_AHEAD, now)]
        session.commit()
        for programme_id, slot_instance in due:
            work_queue.enqueue_render(programme_id, slot_instance=slot_instance)
        return len(due)
    count = _in_session("prepare_station", work)
    if count:
        log.info("queued %d render(s) of station %s", count, station_id)


def deliver_bulletin(delivery_id: int) -> None:
    """A queue job: deliver a sent bulletin to one station (idempotent: a delivery done, failed
    or stopped is left alone), in a transaction of its own."""
    from app.organisations import bulletins_delivery

    _in_session("deliver_bulletin", lambda session: bulletins_delivery.deliver(session, delivery_id))


def render_ahead() -> None:
    """Every few minutes: keep the next 48 hours rendered (only what changed is redone). With
    the job queue on, it only queues one job per station; the workers do the rest."""
    if work_queue.queue_on():
        with background_session_factory()() as session:
            station_ids = list(session.scalars(select(Station.id).order_by(Station.id)))
        for station_id in station_ids:
            work_queue.enqueue_prepare(station_id)
        return

    def work(session: Session) -> None:
        for station_id in list(session.scalars(select(Station.id).order_by(Station.id))):
            count = prepare_and_render(session, station_id)
            if count:
                log.info("rendered %d programme(s) of station %s", count, station_id)
    _in_session("render_ahead", work)


_recorder: relay_live.Recorder | None = None


def relay_recorder() -> relay_live.Recorder:
    """The one recorder of this process (the scheduler leader's)."""
    global _recorder
    if _recorder is None:
        _recorder = relay_live.Recorder(background_session_factory())
    return _recorder


def relay_windows() -> None:
    """Every few seconds: start recording the relay windows about to air, then run the
    sources' pre-checks due (10 and 1 minutes before); a failed check switches the window to
    its fallback and alerts the editors."""
    started = relay_recorder().start_due()
    if started:
        log.info("recording relay run(s) %s", started)
    relay_live.run_checks(background_session_factory(), relay_sources.test_source)


def clean_up_audio() -> None:
    """Nightly: delete aired programmes' audio past each station's retention (shared files stay)."""
    report = _in_session("clean_up_audio", lambda s: retention.cleanup(s, storage()))
    disk_use.forget()
    if report is not None:
        log.info("audio clean-up freed %d bytes in %d file(s)", report.bytes, report.files)


def push_upward() -> None:
    """Push each station's day so far (as-run summary and faults) to LOA_UPWARD_PUSH_URL, signed."""
    from app.config import get_settings
    from app.upward import pushing

    settings = get_settings()
    if not (settings.upward_push_url and settings.upward_push_secret):
        return
    bodies = _in_session("upward-push", pushing.bodies) or []
    pushing.send_all(bodies)  # outside the transaction: a slow platform holds no database lock
