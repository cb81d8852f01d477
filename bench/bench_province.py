"""A province on one installation (issue 15): 150 stations × 6 areas × 200 approved scripts on
PostgreSQL, and what it costs to plan, render and serve them.

    python -m bench.bench_province [--stations 150] [--areas 6] [--scripts 200] [--relays 5000]
        [--render-stations N] [--workers 1,2,4] [--requests 10000] [--database-url URL]

`make bench-province` runs it with the defaults. The database is PostgreSQL
(`--database-url`, else LOA_BENCH_POSTGRES_URL or LOA_TEST_POSTGRES_URL); the benchmark works in
a schema of its own that it drops at the end. Printed, with the machine and its load:

- set-up: the stations (made by the stations service), their relay points, the scripts;
- plan a week for every station (the nightly job, `app.jobs.plan_next_days`, in a fresh process),
  then again with nothing changed (goal: at most a tenth of the first);
- render tomorrow (speech and programme files) of `--render-stations` stations through the job
  queue with 1, 2 and 4 `loa worker` processes; the time for all stations is that figure scaled
  by the number of stations, and printed as such (rendering is the same work per station-day);
- the conditional relay poll (304) of `--relays` distinct relay tokens spread over the stations,
  against a bare FastAPI sync and async route on the same uvicorn settings, in alternating rounds
  (goal: ≥ 0.7× the bare route);
- the database's size, and the peak memory (VmHWM, which starts afresh at exec) of each process:
  the planner, each worker, the API server.

Each phase runs in a fresh process (`--child PHASE`), so no phase's caches or peak memory leak
into another's figures.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import random
import resource
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TOKENS_FILE = "relay-tokens.json"


def _vm_hwm_mib(pid: int | str = "self") -> float:
    """Peak resident memory of a process (VmHWM) in MiB; 0 if it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _cpu_s() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


# --- the phases, each in a fresh process ------------------------------------------------------

def child_seed(args: argparse.Namespace) -> dict[str, Any]:
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from app.db import make_engine
    from app.migrate import upgrade
    from app.models import Area, Station
    from app.queue_tasks import apply_schema
    from app.scripts.service import station_today
    from app.stations import service as stations
    from bench import province_data

    engine = make_engine(args.url)
    upgrade(engine)
    with engine.begin() as conn:
        apply_schema(conn)
    started = time.perf_counter()
    with Session(engine, expire_on_commit=False) as session:
        today = station_today(Station(timezone="Asia/Ho_Chi_Minh"))
        ids = province_data.province(session, args.stations, args.areas, args.scripts, today)
        areas = list(session.scalars(select(Area).order_by(Area.station_id, Area.id)))
        tokens = []
        for number in range(args.relays):
            area = areas[number % len(areas)]
            tokens.append(stations.add_relay_point(session, area, f"Cụm loa {number + 1}", actor=None)[1])
            if number % 500 == 499:
                session.commit()
        session.commit()
    Path(args.data_dir, TOKENS_FILE).write_text(json.dumps(tokens))
    return {"wall": time.perf_counter() - started, "stations": len(ids), "peak_mib": _vm_hwm_mib()}


def child_plan(_args: argparse.Namespace) -> dict[str, Any]:
    from sqlalchemy import func, select

    from app import jobs
    from app.db import background_session_factory
    from app.models import Programme

    cpu0, started = _cpu_s(), time.perf_counter()
    jobs.plan_next_days()
    wall = time.perf_counter() - started
    with background_session_factory()() as session:
        count = session.scalar(select(func.count()).select_from(Programme)) or 0
    return {"wall": wall, "cpu": _cpu_s() - cpu0, "programmes": count, "peak_mib": _vm_hwm_mib()}


def child_render(args: argparse.Namespace) -> dict[str, Any]:
    """Render ahead `render_stations` stations the way the scheduler does with the queue on: one
    `prepare_station` job each (speak the week's new scripts, re-plan with their real lengths,
    queue a render job per programme of the next 48 hours), with `workers` worker processes
    started and registered first; the clock runs until the queue is empty."""
    from sqlalchemy import func, select, text, update

    from app.db import make_engine
    from app.models import Programme, ProgrammeStatus, Script, Station
    from app.queue_tasks import PREPARE_PRIORITY, app_for

    engine = make_engine(args.url)
    with engine.begin() as conn:  # the same starting point for every worker count
        conn.execute(update(Script).values(speech_key=None, speech_hash=None, speech_duration_ms=None))
        conn.execute(update(Programme).values(audio_key=None, audio_size=None, audio_duration_ms=None,
                                              cue_key=None, playlist_key=None, render_error=None))
        conn.execute(update(Programme).where(Programme.status == ProgrammeStatus.rendered)
                     .values(status=ProgrammeStatus.provisional))
        conn.execute(text("DELETE FROM procrastinate_jobs"))
        station_ids = list(conn.scalars(select(Station.id).order_by(Station.id).limit(args.render_stations)))
    workers = int(args.workers)
    # a data dir of its own: no speech or programme file of an earlier run is found again
    data_dir = Path(args.data_dir, f"render-{workers}")
    env = {**os.environ, "LOA_QUEUE": "procrastinate", "LOA_SCHEDULER_ENABLED": "false", "PYTHONPATH": str(ROOT),
           "LOA_DATA_DIR": str(data_dir)}
    procs = []
    for number in range(workers):
        log = open(Path(args.data_dir, f"worker-{workers}-{number}.log"), "ab")
        procs.append(subprocess.Popen([sys.executable, "-m", "app.cli", "worker", "--no-scheduler"],
                                      cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT))

    def count(sql: str) -> int:
        with engine.connect() as conn:
            return int(conn.execute(text(sql)).scalar() or 0)

    while count("SELECT count(*) FROM procrastinate_workers") < workers:
        time.sleep(0.1)
    queue = app_for(args.url)
    started = time.perf_counter()
    with queue.open():
        for station_id in station_ids:
            queue.configure_task("loa:prepare_station", lock=f"station:{station_id}",
                                 priority=PREPARE_PRIORITY).defer(station_id=station_id)
    while count("SELECT count(*) FROM procrastinate_jobs WHERE status IN ('todo', 'doing')"):
        time.sleep(0.1)
    wall = time.perf_counter() - started
    failed = count("SELECT count(*) FROM procrastinate_jobs WHERE status = 'failed'")
    with engine.connect() as conn:
        mine = Programme.station_id.in_(station_ids)
        rendered = conn.scalar(select(func.count()).where(mine, Programme.audio_key.is_not(None))) or 0
        audio_ms = conn.scalar(select(func.sum(Programme.audio_duration_ms)).where(mine)) or 0
        spoken = conn.scalar(select(func.count()).where(Script.station_id.in_(station_ids),
                                                        Script.speech_key.is_not(None))) or 0
    peaks = [_vm_hwm_mib(p.pid) for p in procs]
    cpu = 0.0
    for proc in procs:
        proc.send_signal(signal.SIGTERM)
    for proc in procs:
        _, _, usage = os.wait4(proc.pid, 0)
        cpu += usage.ru_utime + usage.ru_stime
    engine.dispose()
    return {"wall": wall, "cpu": cpu, "rendered": rendered, "audio_h": audio_ms / 3_600_000, "spoken": spoken,
            "failed": failed, "stations": len(station_ids), "peak_mib": max(peaks)}


def child_size(args: argparse.Namespace) -> dict[str, Any]:
    from sqlalchemy import text

    from app.db import make_engine

    engine = make_engine(args.url)
    with engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relkind = 'r' ORDER BY 2 DESC")).all()
    engine.dispose()
    return {"total": sum(size for _, size in rows), "largest": [[name, size] for name, size in rows[:5]]}


PHASES = {"seed": child_seed, "plan": child_plan, "render": child_render, "size": child_size}


def run_child(phase: str, args: argparse.Namespace, **more: Any) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "bench.bench_province", "--child", phase, "--database-url", args.url,
           "--data-dir", args.data_dir, "--stations", str(args.stations), "--areas", str(args.areas),
           "--scripts", str(args.scripts), "--relays", str(args.relays),
           "--render-stations", str(args.render_stations)]
    for key, value in more.items():
        cmd += [f"--{key.replace('_', '-')}", str(value)]
    env = {**os.environ, "LOA_DATABASE_URL": args.url, "LOA_DATA_DIR": args.data_dir,
           "LOA_ENVIRONMENT": "test", "LOA_SCHEDULER_ENABLED": "false", "PYTHONPATH": str(ROOT)}
    out = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"phase {phase} failed:\n{out.stderr[-4000:]}")
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


# --- relay polls: `loa serve` on the province against bare routes ------------------------------

def polls(args: argparse.Namespace) -> dict[str, float]:
    from bench import bench_relay as relay

    tokens = json.loads(Path(args.data_dir, TOKENS_FILE).read_text())
    env = {**os.environ, "LOA_DATABASE_URL": args.url, "LOA_DATA_DIR": args.data_dir,
           "LOA_ENVIRONMENT": "test", "LOA_SCHEDULER_ENABLED": "false", "PYTHONPATH": str(ROOT)}
    audio = Path(args.data_dir, "bare.mp3")
    audio.write_bytes(b"\xff" * 1000)
    loa_port, bare_port = relay._free_port(), relay._free_port()
    logs = open(Path(args.data_dir, "servers.log"), "w")
    loa = subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--no-scheduler", "--port", str(loa_port)],
                           cwd=ROOT, env=env, stdout=logs, stderr=subprocess.STDOUT)
    bare = multiprocessing.get_context("spawn").Process(
        target=relay.bare_server, args=(bare_port, str(audio), str(Path(args.data_dir, "bare.log"))))
    bare.start()
    try:
        relay._wait(loa_port)
        relay._wait(bare_port)
        auth = [{"Authorization": f"Bearer {t}"} for t in tokens]
        etags = relay._first_polls(loa_port, auth, attempts=30)
        order = list(range(len(auth)))
        random.Random(1).shuffle(order)
        conditional = [relay._request("/api/v1/relay/schedule", {**auth[j], "If-None-Match": etags[j]})
                       for j in (order[i % len(order)] for i in range(args.requests))]
        targets = (("bare sync route (def)", bare_port, [relay._request("/bare", {})] * args.requests),
                   ("bare async route (async def)", bare_port, [relay._request("/bare-async", {})] * args.requests),
                   ("relay conditional poll (304)", loa_port, conditional))
        rates = relay.alternating_rounds(targets, args.rounds)
        rates["server_peak_mib"] = _vm_hwm_mib(loa.pid)
        return rates
    finally:
        loa.terminate()
        loa.wait(timeout=10)
        bare.terminate()
        bare.join(timeout=10)
        logs.close()


# --- the parent ----------------------------------------------------------------------------

def _schema_url(base: str, schema: str) -> str:
    return f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def measure(args: argparse.Namespace) -> None:
    print(f"machine: {platform.platform()} | {platform.processor() or platform.machine()} | "
          f"{os.cpu_count()} CPUs | Python {platform.python_version()} | load {_load()}")
    print(f"province: {args.stations} stations × {args.areas} areas × {args.scripts} approved scripts; "
          f"{args.relays} relay points; PostgreSQL", flush=True)

    seed = run_child("seed", args)
    print(f"set-up: {seed['stations']} stations, {args.stations * args.scripts} scripts, {args.relays} relay "
          f"points in {seed['wall']:.1f} s (peak {seed['peak_mib']:.0f} MiB)", flush=True)

    phases = set(args.phases.split(","))
    first = run_child("plan", args)  # polls need the programmes too
    if "plan" in phases:
        report_plans(args, first, run_child("plan", args))
    if "render" in phases:
        renders(args)
    if "poll" in phases:
        report_polls(args)
    size = run_child("size", args)
    largest = ", ".join(f"{name} {bytes_ / 2**20:.0f} MiB" for name, bytes_ in size["largest"])
    print(f"database size: {size['total'] / 2**20:.0f} MiB ({largest})")


def report_plans(args: argparse.Namespace, first: dict[str, Any], again: dict[str, Any]) -> None:
    ratio = again["wall"] / first["wall"]
    print(f"plan a week, every station (nightly job, fresh process): {first['wall']:.1f} s wall, "
          f"{first['cpu']:.1f} s CPU, {first['programmes']} programmes, peak {first['peak_mib']:.0f} MiB "
          f"({first['wall'] / args.stations * 1000:.0f} ms per station)")
    print(f"re-plan, nothing changed: {again['wall']:.2f} s wall, {again['cpu']:.2f} s CPU, "
          f"peak {again['peak_mib']:.0f} MiB; ratio to the first plan {ratio:.3f} (goal ≤ 0.10)", flush=True)


def renders(args: argparse.Namespace) -> None:
    one: float | None = None
    for workers in [int(n) for n in args.workers.split(",")]:
        load = _load()
        done = run_child("render", args, workers=workers)
        if done["failed"] or not done["rendered"]:
            raise SystemExit(f"render with {workers} worker(s): {done}; logs in {args.data_dir}")
        one = one or done["wall"] * workers
        speedup = one / done["wall"]
        per_station = done["wall"] / done["stations"]
        print(f"render ahead {done['stations']} station(s) ({done['spoken']} scripts spoken, {done['rendered']} "
              f"programmes = {done['audio_h']:.1f} h of audio, the next 48 h), {workers} worker(s): "
              f"{done['wall']:.1f} s wall ({per_station:.1f} s per station), workers' CPU {done['cpu']:.1f} s "
              f"({done['cpu'] / done['wall']:.2f} cores busy); speed-up {speedup:.2f}×, {speedup / workers:.2f} "
              f"per worker; worker peak {done['peak_mib']:.0f} MiB; scaled to {args.stations} stations: "
              f"{per_station * args.stations / 60:.0f} min; load before {load}", flush=True)


def report_polls(args: argparse.Namespace) -> None:
    print(f"relay polls: {args.relays} distinct tokens over {args.stations} stations, "
          f"{args.requests} requests per target and round, load {_load()}", flush=True)
    rates = polls(args)
    poll = rates["relay conditional poll (304)"]
    print(f"  relay 304 {poll:.0f} req/s; ratio to bare sync {poll / rates['bare sync route (def)']:.2f}×, "
          f"to bare async {poll / rates['bare async route (async def)']:.2f}× (goal ≥ 0.70×); "
          f"API server peak {rates['server_peak_mib']:.0f} MiB")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_province", description=__doc__.split("\n\n")[0])
    parser.add_argument("--stations", type=int, default=150)
    parser.add_argument("--areas", type=int, default=6)
    parser.add_argument("--scripts", type=int, default=200)
    parser.add_argument("--relays", type=int, default=5000)
    parser.add_argument("--render-stations", type=int, default=0, help="stations rendered (default: all)")
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--requests", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--phases", default="plan,render,poll",
                        help="what to measure after the set-up (default: plan,render,poll)")
    parser.add_argument("--database-url")
    parser.add_argument("--data-dir")
    parser.add_argument("--child", choices=sorted(PHASES))
    parser.add_argument("--url", help=argparse.SUPPRESS)
    args = parser.parse_args(argv if argv is not None else sys.argv[1:] if __name__ == "__main__" else [])
    if args.child:
        args.url = args.database_url
        print(json.dumps(PHASES[args.child](args)))
        return
    base = args.database_url or os.environ.get("LOA_BENCH_POSTGRES_URL") or os.environ.get("LOA_TEST_POSTGRES_URL")
    if not base:
        print("skipped: a province needs PostgreSQL; set LOA_BENCH_POSTGRES_URL or pass --database-url")
        return
    args.render_stations = args.render_stations or args.stations
    from sqlalchemy import text

    from app.db import make_engine

    schema = f"loa_province_{uuid.uuid4().hex[:8]}"
    admin = make_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    args.url = _schema_url(base, schema)
    args.data_dir = tempfile.mkdtemp(prefix="loa-bench-province-")
    try:
        measure(args)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


if __name__ == "__main__":
    main()
