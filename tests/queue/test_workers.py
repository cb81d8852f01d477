"""`loa worker` processes on PostgreSQL: a programme is rendered once however many workers race
for it, and a worker killed mid-render leaves the job to another, with no partial file served.
On SQLite a programme is rendered in-process, without any queue."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, select, text, update
from sqlalchemy.orm import Session

from app.db import make_engine
from app.jobs import RENDER_AHEAD
from app.migrate import upgrade
from app.models import AuditEvent, Programme, Role, ScriptStatus, Slot
from app.programmes import service as programmes
from app.queue_tasks import app_for, apply_schema
from audio.config import AudioSettings
from audio.ffmpeg import decode_to_pcm
from audio.storage import LocalStorage
from tests.fixtures.builders import World, create_script, create_station, create_user
from tests.fixtures.live_server import postgres_schema

ROOT = Path(__file__).resolve().parents[2]
POSTGRES_URL = os.environ.get("LOA_TEST_POSTGRES_URL")
needs_postgres = pytest.mark.skipif(
    not POSTGRES_URL, reason="the job queue runs on PostgreSQL only: set LOA_TEST_POSTGRES_URL")
WAIT_S = 180  # a generous bound on a 2-core machine shared with other work, not a speed claim


@dataclass
class Installation:
    """A Loa database with one station and its planned day, and the data dir workers share."""

    env: dict[str, str]
    engine: Engine
    data_dir: Path
    programme_ids: list[int]

    def storage(self) -> LocalStorage:
        return LocalStorage(AudioSettings(data_dir=self.data_dir).audio_dir)

    def programme(self, programme_id: int) -> Programme:
        with Session(self.engine) as session:
            programme = session.get(Programme, programme_id)
            assert programme is not None
            session.expunge(programme)
            return programme

    def renders_of(self, programme_id: int) -> list[str]:
        """The workers that stored a render of the programme (the audit log says)."""
        with Session(self.engine) as session:
            return list(session.scalars(select(AuditEvent.actor_name).where(
                AuditEvent.action == "render_programme", AuditEvent.entity_id == programme_id)))

    def jobs(self) -> list[tuple[int, str, int | None]]:
        """Unfinished jobs: (id, status, worker id)."""
        with self.engine.connect() as conn:
            return [tuple(row) for row in conn.execute(text(  # type: ignore[misc]
                "SELECT id, status::text, worker_id FROM procrastinate_jobs "
                "WHERE status IN ('todo', 'doing', 'failed') ORDER BY id"))]

    def live_workers(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM procrastinate_workers")).scalar() or 0)

    def defer_render(self, programme_id: int) -> None:
        """Queue a render job as `loa serve`'s scheduler would, but without the queueing lock
        that merges waiting duplicates: two jobs for one programme wait side by side."""
        app = app_for(self.env["LOA_DATABASE_URL"])
        with app.open():
            app.configure_task("loa:render_programme", lock=f"programme:{programme_id}").defer(
                programme_id=programme_id)

    def start_worker(self, name: str) -> subprocess.Popen[bytes]:
        with (self.data_dir / f"{name}.log").open("ab") as log:
            return subprocess.Popen([sys.executable, "-m", "app.cli", "worker", "--no-scheduler"],
                                    cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)

    def logs(self) -> str:
        return "\n".join(p.read_text(errors="replace") for p in sorted(self.data_dir.glob("*.log")))

    def wait_until(self, done: object, what: str) -> None:
        deadline = time.monotonic() + WAIT_S
        while not done():  # type: ignore[operator]
            assert time.monotonic() < deadline, f"{what}: not after {WAIT_S} s\n{self.logs()}"
            time.sleep(0.05)


@pytest.fixture
def installation(tmp_path: Path) -> Iterator[Installation]:
    assert POSTGRES_URL
    with postgres_schema(POSTGRES_URL) as db_env:
        engine = make_engine(db_env["LOA_DATABASE_URL"])
        upgrade(engine)
        with engine.begin() as conn:
            assert apply_schema(conn)
        ids = _plan_a_day(engine)
        env = {**os.environ, **db_env, "LOA_DATA_DIR": str(tmp_path), "LOA_ENVIRONMENT": "test",
               "LOA_QUEUE": "procrastinate", "LOA_SCHEDULER_ENABLED": "false",
               "LOA_WORKER_HEARTBEAT_SECONDS": "1", "LOA_WORKER_STALLED_SECONDS": "4",
               "PYTHONPATH": str(ROOT)}
        try:
            yield Installation(env, engine, tmp_path, ids)
        finally:
            engine.dispose()


def _plan_a_day(engine: Engine) -> list[int]:
    """A station with three approved scripts and tomorrow planned: two 30-minute programmes."""
    with Session(engine, expire_on_commit=False) as session:
        station, areas = create_station(session)
        users = {name: create_user(session, name, role, station)
                 for name, role in [("officer", Role.officer), ("editor", Role.editor), ("editor2", Role.editor)]}
        session.commit()
        world = World(station, areas, users)
        for number in range(3):
            create_script(session, world, status=ScriptStatus.approved, title=f"Tin số {number}")
        day = world.today() + timedelta(days=1)
        programmes.plan_days(session, programmes.station_with_slots(session, station.id), day, 1)
        session.commit()
        return list(session.scalars(select(Programme.id).order_by(Programme.starts_at)))


def _assert_complete(installation: Installation, programme: Programme) -> None:
    """The file behind the key is whole: its bytes hash to the key and it decodes to the slot."""
    assert programme.audio_key is not None
    path = installation.storage().path(programme.audio_key)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == programme.audio_key[:64]
    samples, _ = decode_to_pcm(path, 22050)
    assert len(samples) / 2 / 22050 == pytest.approx(programme.duration_ms / 1000, abs=0.1)


def _stop(*workers: subprocess.Popen[bytes]) -> None:
    for worker in workers:
        if worker.poll() is None:
            worker.terminate()
    for worker in workers:
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


@needs_postgres
def test_two_workers_racing_for_one_programme_render_it_once(installation: Installation) -> None:
    first, second = installation.start_worker("a"), installation.start_worker("b")
    try:
        installation.wait_until(lambda: installation.live_workers() == 2, "both workers registered")
        programme_id = installation.programme_ids[0]
        installation.defer_render(programme_id)
        installation.defer_render(programme_id)
        installation.wait_until(lambda: not installation.jobs(), "both jobs finished")
    finally:
        _stop(first, second)
    assert len(installation.renders_of(programme_id)) == 1, installation.logs()
    _assert_complete(installation, installation.programme(programme_id))
    assert installation.programme(installation.programme_ids[1]).audio_key is None, "only what was asked"


@needs_postgres
def test_a_worker_killed_mid_render_leaves_the_job_to_another(installation: Installation) -> None:
    programme_id = installation.programme_ids[0]
    doomed = installation.start_worker("doomed")
    try:
        installation.defer_render(programme_id)
        installation.wait_until(lambda: [s for _, s, _ in installation.jobs()] == ["doing"], "the job started")
        store = installation.storage().root
        installation.wait_until(lambda: store.is_dir() and any(p.is_file() for p in store.rglob("*")),
                                "the render wrote its first file")  # into the render: it has begun
        doomed.send_signal(signal.SIGKILL)
        doomed.wait()
    finally:
        _stop(doomed)
    assert [s for _, s, _ in installation.jobs()] == ["doing"], "killed mid-render, not after"
    assert installation.programme(programme_id).audio_key is None, "a half-made programme is never served"

    rescuer = installation.start_worker("rescuer")
    try:
        deadline = time.monotonic() + WAIT_S
        while installation.jobs():
            assert rescuer.poll() is None, installation.logs()
            assert time.monotonic() < deadline, installation.logs()
            programme = installation.programme(programme_id)
            if programme.audio_key is not None:  # from the moment a key shows, its file is whole
                _assert_complete(installation, programme)
            time.sleep(0.1)
    finally:
        _stop(rescuer)
    programme = installation.programme(programme_id)
    _assert_complete(installation, programme)
    assert installation.renders_of(programme_id) == [f"{os.uname().nodename}:{rescuer.pid}"]
    for path in installation.storage().root.glob("??/*"):  # the staging folder is not served
        if path.is_file():
            assert hashlib.sha256(path.read_bytes()).hexdigest() == path.name[:64], path


def test_without_a_queue_a_programme_is_rendered_in_process(tmp_path: Path) -> None:
    """The single-ward default (SQLite, no worker, no queue service) renders as before."""
    engine = make_engine(f"sqlite:///{tmp_path / 'loa.db'}")
    upgrade(engine)
    programme_id = _plan_a_day(engine)[0]
    engine.dispose()
    env = {**os.environ, "LOA_DATA_DIR": str(tmp_path), "LOA_ENVIRONMENT": "test", "PYTHONPATH": str(ROOT)}
    env.pop("LOA_DATABASE_URL", None)
    env.pop("LOA_QUEUE", None)
    done = subprocess.run(
        [sys.executable, "-c", f"from app import work_queue; print(work_queue.enqueue_render({programme_id}))"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=WAIT_S, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False", "rendered here, not queued"
    engine = make_engine(f"sqlite:///{tmp_path / 'loa.db'}")
    try:
        installation = Installation(env, engine, tmp_path, [programme_id])
        _assert_complete(installation, installation.programme(programme_id))
        assert installation.renders_of(programme_id) == [], "no worker was involved"
    finally:
        engine.dispose()


@needs_postgres
def test_render_ahead_queues_each_station_and_the_workers_render_the_next_two_days(
        installation: Installation) -> None:
    with Session(installation.engine) as session:  # short slots: the test renders a few programmes
        session.execute(update(Slot).values(length_seconds=90))
        session.commit()
    done = subprocess.run([sys.executable, "-c", "from app.jobs import render_ahead; render_ahead()"],
                          cwd=ROOT, env=installation.env, capture_output=True, text=True, timeout=WAIT_S, check=False)
    assert done.returncode == 0, done.stderr
    with installation.engine.connect() as conn:
        queued = list(conn.execute(text("SELECT task_name, args::text FROM procrastinate_jobs")))
    assert [name for name, _ in queued] == ["loa:prepare_station"], "only queued: the workers do the work"
    assert installation.programme(installation.programme_ids[0]).audio_key is None

    worker = installation.start_worker("worker")
    try:
        installation.wait_until(lambda: installation.live_workers() == 1, "the worker registered")
        installation.wait_until(lambda: not installation.jobs(), "the queue emptied")
    finally:
        _stop(worker)
    now = datetime.now(UTC)
    with Session(installation.engine) as session:
        due = list(session.scalars(select(Programme).where(
            Programme.starts_at < now + RENDER_AHEAD, Programme.starts_at > now)))
    assert due, "the next two days have programmes"
    for programme in due:
        _assert_complete(installation, programme)
        assert len(installation.renders_of(programme.id)) == 1


@needs_postgres
def test_the_nightly_plan_is_one_job_per_station_done_by_the_workers(installation: Installation) -> None:
    with Session(installation.engine) as session:
        session.execute(text("DELETE FROM programmes"))
        session.commit()
    done = subprocess.run([sys.executable, "-c", "from app.jobs import plan_next_days; plan_next_days()"],
                          cwd=ROOT, env=installation.env, capture_output=True, text=True, timeout=WAIT_S, check=False)
    assert done.returncode == 0, done.stderr
    with installation.engine.connect() as conn:
        queued = [name for (name,) in conn.execute(text("SELECT task_name FROM procrastinate_jobs"))]
        assert conn.execute(text("SELECT count(*) FROM programmes")).scalar() == 0, "only queued"
    assert queued == ["loa:plan_station"]

    worker = installation.start_worker("worker")
    try:
        installation.wait_until(lambda: installation.live_workers() == 1, "the worker registered")
        installation.wait_until(lambda: not installation.jobs(), "the queue emptied")
    finally:
        _stop(worker)
    with installation.engine.connect() as conn:
        days = {d for (d,) in conn.execute(text("SELECT DISTINCT air_date FROM programmes"))}
    today = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()
    # today too unless its last slot has ended
    assert {today + timedelta(days=n) for n in range(1, programmes.PLAN_DAYS)} <= days <= {
        today + timedelta(days=n) for n in range(programmes.PLAN_DAYS)}, "the station's next seven days are planned"


@needs_postgres
def test_area_variants_of_one_slot_wait_for_each_other_and_each_programme_waits_once(
        installation: Installation) -> None:
    """Variants share their items: rendered side by side, every worker would encode them all."""
    first, second = installation.programme_ids[:2]
    code = (f"from app import work_queue\n"
            f"for pid in ({first}, {second}, {first}):\n"
            f"    work_queue.enqueue_render(pid, slot_instance='1:2026-12-02:morning')\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=installation.env,
                          capture_output=True, text=True, timeout=WAIT_S, check=False)
    assert done.returncode == 0, done.stderr
    with installation.engine.connect() as conn:
        jobs = list(conn.execute(text("SELECT lock, queueing_lock FROM procrastinate_jobs ORDER BY id")))
    assert [tuple(j) for j in jobs] == [("slot:1:2026-12-02:morning", f"programme:{first}"),
                                        ("slot:1:2026-12-02:morning", f"programme:{second}")]
