"""The APScheduler runner with a SQLite job store: restarts, coalescing, debouncing."""

from __future__ import annotations

import time as clock
from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from scheduler.service import (
    LOCK_CHECK_ID,
    NIGHTLY_PLAN_ID,
    REPLAN_SOON_ID,
    SchedulerService,
)

TARGET = "tests.scheduler.job_targets:record_run"


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'jobs.sqlite'}"


@pytest.fixture
def services() -> Iterator[list[SchedulerService]]:
    started: list[SchedulerService] = []
    yield started
    for svc in started:
        svc.shutdown(wait=True)


def open_service(url: str, services: list[SchedulerService], *, paused: bool) -> SchedulerService:
    svc = SchedulerService(url)
    svc.start(paused=paused)
    services.append(svc)
    return svc


def runs(path: Path) -> int:
    return len(path.read_text().splitlines()) if path.exists() else 0


def test_jobs_survive_a_restart(db_url: str, services: list[SchedulerService]) -> None:
    first = open_service(db_url, services, paused=True)
    first.schedule_nightly_plan(TARGET, at=time(2, 0), kwargs={"path": "/dev/null"})
    first.schedule_lock_check(TARGET, kwargs={"path": "/dev/null"})
    first.shutdown()

    second = open_service(db_url, services, paused=True)
    jobs = {j.id: j for j in second.jobs()}
    assert set(jobs) == {NIGHTLY_PLAN_ID, LOCK_CHECK_ID}
    nightly = jobs[NIGHTLY_PLAN_ID]
    assert nightly.kwargs == {"path": "/dev/null"}
    local = nightly.next_run_time.astimezone(ZoneInfo("Asia/Ho_Chi_Minh"))
    assert (local.hour, local.minute) == (2, 0)
    assert jobs[LOCK_CHECK_ID].coalesce
    assert jobs[LOCK_CHECK_ID].max_instances == 1


def test_registering_again_at_startup_does_not_duplicate(
    db_url: str, services: list[SchedulerService]
) -> None:
    for _ in range(2):
        svc = open_service(db_url, services, paused=True)
        svc.schedule_nightly_plan(TARGET, kwargs={"path": "/dev/null"})
        svc.shutdown()
    assert [j.id for j in open_service(db_url, services, paused=True).jobs()] == [NIGHTLY_PLAN_ID]


def test_missed_runs_after_downtime_are_coalesced_into_one(
    db_url: str, tmp_path: Path, services: list[SchedulerService]
) -> None:
    out = tmp_path / "runs.txt"
    first = open_service(db_url, services, paused=True)
    # Due every minute since ten minutes ago: eleven missed run times while "down".
    first.schedule_periodic("test:every-minute", TARGET, every_s=60,
                            kwargs={"path": str(out)},
                            first_run=datetime.now(UTC) - timedelta(minutes=10))
    first.shutdown()

    second = open_service(db_url, services, paused=False)
    deadline = clock.monotonic() + 10
    while runs(out) == 0 and clock.monotonic() < deadline:
        clock.sleep(0.05)
    clock.sleep(0.5)  # time for any further (wrong) catch-up runs to show
    assert runs(out) == 1
    (job,) = second.jobs()
    assert job.next_run_time > datetime.now(UTC)


def test_replan_requests_are_debounced_into_one_job(
    db_url: str, services: list[SchedulerService]
) -> None:
    svc = open_service(db_url, services, paused=True)
    t0 = datetime(2030, 1, 1, 8, 0, tzinfo=UTC)
    svc.request_replan(TARGET, delay_s=30, now=t0, kwargs={"path": "/dev/null"})
    svc.request_replan(TARGET, delay_s=30, now=t0 + timedelta(seconds=20),
                       kwargs={"path": "/dev/null"})
    (job,) = svc.jobs()
    assert job.id == REPLAN_SOON_ID
    assert job.next_run_time == t0 + timedelta(seconds=50)


def test_job_reference_must_be_textual(db_url: str, services: list[SchedulerService]) -> None:
    svc = open_service(db_url, services, paused=True)
    with pytest.raises(ValueError, match="module:function"):
        svc.schedule_lock_check("record_run", kwargs={"path": "/dev/null"})
