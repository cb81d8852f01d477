"""Rendering spread over `loa worker` processes (procrastinate on PostgreSQL).

Run: ``LOA_TEST_POSTGRES_URL=postgresql+psycopg://… python -m bench.bench_workers [--stations 12]
[--workers 1,2,4]``. For each worker count, a fresh database schema and data dir hold the same
stations (three approved scripts each, tomorrow planned: two 30-minute programmes); the workers
are started and registered first, then one render job per programme is queued and the clock runs
until the queue is empty. Printed: wall time, the workers' CPU time (with their ffmpeg children),
speed-up over one worker measured in the same run, the ratio per worker, CPU count and load.

Reading it on a small machine: a render is CPU work (eSpeak and ffmpeg), so the speed-up cannot
exceed the number of free cores. On 2 cores, 4 workers measure the queue's overhead and fairness
under oversubscription (≈ the 2-worker figure if the queue costs nothing), not scaling: the
scaling claim is "ratio per worker ≈ 1 up to the core count", to be read on a machine with ≥ 4
cores or on several machines. On a machine other programs keep busy, the kernel shares the cores
per process, so more workers win a bigger share and the speed-up can even pass the core count:
read "cores busy" (workers' CPU / wall) and the CPU per programme (the queue's overhead) then.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.db import make_engine
from app.migrate import upgrade
from app.models import Programme, Role, ScriptStatus
from app.programmes import service as programmes
from app.queue_tasks import app_for, apply_schema

ROOT = Path(__file__).resolve().parent.parent


def seed(url: str, stations: int) -> list[int]:
    """`stations` stations, each with three approved scripts and tomorrow planned."""
    from tests.fixtures.builders import World, create_script, create_station, create_user

    engine = make_engine(url)
    upgrade(engine)
    with engine.begin() as conn:
        apply_schema(conn)
    with Session(engine, expire_on_commit=False) as session:
        for number in range(stations):
            station, areas = create_station(session, name=f"Đài truyền thanh phường số {number + 1}")
            users = {key: create_user(session, f"{key}-{number}", role, station)
                     for key, role in [("officer", Role.officer), ("editor", Role.editor),
                                       ("editor2", Role.editor)]}
            session.commit()
            world = World(station, areas, users)
            for script in range(3):
                create_script(session, world, status=ScriptStatus.approved, title=f"Tin {script} của đài {number}")
            day = world.today() + timedelta(days=1)
            programmes.plan_days(session, programmes.station_with_slots(session, station.id), day, 1)
            session.commit()
        ids = list(session.scalars(select(Programme.id).order_by(Programme.id)))
    engine.dispose()
    return ids


def run(base_url: str, stations: int, workers: int) -> tuple[int, float, float]:
    """Programmes rendered, wall seconds, workers' CPU seconds."""
    schema = f"loa_bench_{uuid.uuid4().hex[:10]}"
    admin = make_engine(base_url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = f"{base_url}{'&' if '?' in base_url else '?'}options=-csearch_path%3D{schema}"
    data_dir = Path(tempfile.mkdtemp(prefix="loa-bench-workers-"))
    procs: list[subprocess.Popen[bytes]] = []
    try:
        ids = seed(url, stations)
        env = {**os.environ, "LOA_DATABASE_URL": url, "LOA_DATA_DIR": str(data_dir), "LOA_QUEUE": "procrastinate",
               "LOA_SCHEDULER_ENABLED": "false", "PYTHONPATH": str(ROOT)}
        for number in range(workers):
            with (data_dir / f"worker-{number}.log").open("ab") as log:
                procs.append(subprocess.Popen([sys.executable, "-m", "app.cli", "worker", "--no-scheduler"],
                                              cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT))
        engine = make_engine(url)

        def count(sql: str) -> int:
            with engine.connect() as conn:
                return int(conn.execute(text(sql)).scalar() or 0)

        while count("SELECT count(*) FROM procrastinate_workers") < workers:
            time.sleep(0.1)
        app = app_for(url)
        started = time.perf_counter()
        with app.open():
            for programme_id in ids:
                app.configure_task("loa:render_programme", lock=f"programme:{programme_id}").defer(
                    programme_id=programme_id)
        while count("SELECT count(*) FROM procrastinate_jobs WHERE status IN ('todo', 'doing')"):
            time.sleep(0.05)
        wall = time.perf_counter() - started
        failed = count("SELECT count(*) FROM procrastinate_jobs WHERE status = 'failed'")
        rendered = count("SELECT count(*) FROM programmes WHERE audio_key IS NOT NULL")
        if failed or rendered != len(ids):
            logs = "\n".join(p.read_text(errors="replace")[-3000:] for p in data_dir.glob("*.log"))
            raise SystemExit(f"{failed} job(s) failed, {rendered}/{len(ids)} rendered\n{logs}")
        engine.dispose()
        cpu = 0.0
        for proc in procs:
            proc.send_signal(signal.SIGTERM)
        for proc in procs:
            _, _, usage = os.wait4(proc.pid, 0)
            proc.returncode = 0
            cpu += usage.ru_utime + usage.ru_stime
        return len(ids), wall, cpu
    finally:
        for proc in procs:
            if proc.returncode is None and proc.poll() is None:
                proc.kill()
                proc.wait()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--stations", type=int, default=12, help="station-days to render (default 12)")
    parser.add_argument("--workers", default="1,2,4", help="worker process counts (default 1,2,4)")
    args = parser.parse_args(argv if argv is not None else sys.argv[1:] if __name__ == "__main__" else [])
    url = os.environ.get("LOA_BENCH_POSTGRES_URL") or os.environ.get("LOA_TEST_POSTGRES_URL")
    if not url:
        print("skipped: the job queue needs PostgreSQL; set LOA_TEST_POSTGRES_URL")
        return
    counts = [int(n) for n in args.workers.split(",")]
    print(f"CPUs: {os.cpu_count()}; {args.stations} station-days; workers {counts}")
    baseline: float | None = None
    for workers in counts:
        load = os.getloadavg()[0]
        programmes_done, wall, cpu = run(url, args.stations, workers)
        if baseline is None:  # one worker's time (the first count is normally 1)
            baseline = wall * counts[0]
        speedup = baseline / wall
        print(f"{workers} worker(s): {programmes_done} programmes in {wall:6.1f} s wall "
              f"({wall / programmes_done:5.2f} s each), workers' CPU {cpu:6.1f} s "
              f"({cpu / programmes_done:4.2f} s each, {cpu / wall:4.2f} cores busy); "
              f"speed-up {speedup:4.2f}× over 1 worker, {speedup / workers:4.2f} per worker; "
              f"load before {load:4.2f}", flush=True)


if __name__ == "__main__":
    main()
