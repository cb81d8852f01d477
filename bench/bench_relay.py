"""Relay polling at scale: many stations (six areas each, a week of programmes) and 5,000 relay
points, each with its own token, sending the conditional schedule request (ETag, answered 304)
to a real `loa serve`; against two bare FastAPI routes returning constant JSON on the same uvicorn
settings, one sync (`def`, run in a worker thread) and one async (`async def`, on the event loop),
measured in the same run, in alternating rounds; and audio download throughput against a bare
FileResponse of the same file.

    python -m bench.bench_relay [--stations 50] [--relays 5000] [--requests 10000] [--rounds 2]
                                [--database-url URL]

The PostgreSQL URL must name an empty database (e.g. postgresql+psycopg://root@127.0.0.1:5432/bench).
Servers and the load generator are separate processes on loopback (2 cores here: the client
competes with the server for CPU, equally for every target)."""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CONCURRENCY = 50
SLOT_SECONDS = 600
AREAS = 6
DAYS = 7


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- the bare baseline server -------------------------------------------------------------

def bare_server(port: int, audio_file: str, log_file: str) -> None:
    """A FastAPI app with one constant-JSON route and one FileResponse, on uvicorn as `loa serve` runs it."""
    sys.stdout = sys.stderr = open(log_file, "a")  # its access log, like the real server's
    import uvicorn
    from fastapi import FastAPI
    from fastapi.responses import FileResponse

    app = FastAPI()
    body = {"status": "ok", "poll_seconds": 30}

    @app.get("/bare")
    def bare() -> dict[str, Any]:
        return body

    @app.get("/bare-async")
    async def bare_async() -> dict[str, Any]:
        return body

    @app.get("/file")
    def file() -> FileResponse:
        return FileResponse(audio_file, media_type="audio/mpeg")

    uvicorn.run(app, host="127.0.0.1", port=port, log_level="info")


# --- set-up: stations, a rendered programme, relay points ----------------------------------

@dataclass
class Setup:
    tokens: list[str]
    audio_url: str
    audio_path: Path
    audio_size: int
    audio_token: str  # a relay point whose area hears the rendered programme
    programmes: int


def set_up(stations_wanted: int, relays: int) -> Setup:
    """The demo station with one short slot rendered by the real services; more stations with
    six areas and a week of (unrendered) programmes each; `relays` relay points spread over every
    area of every station."""
    subprocess.run([sys.executable, "-m", "app.cli", "init", "--demo"], cwd=ROOT, check=True,
                   capture_output=True)
    from zoneinfo import ZoneInfo

    from sqlalchemy import func, select

    from app.db import session_factory
    from app.jobs import prepare_and_render
    from app.models import Area, Programme, Station, User
    from app.stations import service as stations
    from app.stations.schemas import SlotCreate

    with session_factory()() as session:
        demo_id = session.scalars(select(Station.id)).first()
        assert demo_id is not None
        station = stations.get(session, demo_id, with_children=True)
        admin = session.scalars(select(User).where(User.username == "ubnd")).one()
        for slot in list(station.slots):
            stations.delete_slot(session, slot, actor=admin)
        start = (datetime.now(UTC) + timedelta(hours=2)).replace(minute=0, second=0, microsecond=0)
        local = start.astimezone(ZoneInfo(station.timezone)).time()
        stations.add_slot(session, station, SlotCreate(name="bench", start_time=local,
                                                       length_seconds=SLOT_SECONDS), actor=admin)
        session.commit()
        prepare_and_render(session, demo_id, until=start + timedelta(minutes=1))
        session.commit()
        _more_stations(session, stations_wanted - 1, start)
        areas = session.execute(select(Area.id, Area.station_id).order_by(Area.station_id, Area.id)).all()
        rows = {a.id: session.get(Area, a.id) for a in areas}
        tokens: list[str] = []
        owners: list[tuple[int, int]] = []
        for i in range(relays):
            area_id, station_id = areas[i % len(areas)]
            area = rows[area_id]
            assert area is not None
            tokens.append(stations.add_relay_point(session, area, f"Cụm loa {i}", actor=None)[1])
            owners.append((station_id, area_id))
        session.commit()
        programme = session.scalars(select(Programme).where(Programme.audio_key.is_not(None),
                                                            Programme.station_id == demo_id)
                                    .order_by(Programme.starts_at)).first()
        assert programme is not None
        assert programme.audio_key is not None
        # The token of a relay point that hears it (an area variant is heard in its area only).
        audio_token = next(t for t, (s_id, a_id) in zip(tokens, owners, strict=True)
                           if s_id == programme.station_id and programme.area_key in (0, a_id))
        key = programme.audio_key
        count = session.scalar(select(func.count()).select_from(Programme)) or 0
        return Setup(tokens, f"/api/v1/relay/audio/{key}", _storage_path(key), programme.audio_size or 0,
                     audio_token, count)


def _more_stations(session: Any, count: int, start: datetime) -> None:
    """Stations with six areas and a week of programmes: two station-wide a day and, twice a week,
    an area's own variant. Rows only (no audio): the schedule route reads rows."""
    from app.models import Programme, ProgrammeStatus
    from app.stations import service as stations
    from app.stations.schemas import StationCreate

    day0 = start.replace(hour=0)
    for n in range(count):
        station = stations.create(session, StationCreate(name=f"Phường bench {n + 1}"), actor=None)
        areas = [stations.add_area(session, station, f"Tổ {i + 1}", actor=None) for i in range(AREAS)]
        for day in range(-1, DAYS):
            for slot, hour in (("sang", 0), ("chieu", 9)):  # 07:00 and 16:00 in Hanoi
                at = day0 + timedelta(days=day, hours=hour)
                for area_key in (0, areas[day % AREAS].id) if day % 3 == 0 else (0,):
                    session.add(Programme(
                        station_id=station.id, slot_name=slot, air_date=at.date(), area_key=area_key,
                        starts_at=at, duration_ms=1_800_000, status=ProgrammeStatus.provisional,
                        items=[], explanation=[], plan_hash=f"{n}-{day}-{slot}-{area_key}",
                        audio_key=f"{n:08d}{day + 1:04d}{hour:04d}{area_key:08d}".ljust(64, "0") + ".mp3",
                        audio_size=1_000_000))
        session.commit()


def _storage_path(key: str) -> Path:
    from app.speech.audio import storage

    return storage().path(key)


# --- the load generator (its own process) ---------------------------------------------------

def _request(path: str, headers: dict[str, str]) -> bytes:
    lines = [f"GET {path} HTTP/1.1", "Host: 127.0.0.1"] + [f"{k}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


async def _one(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, raw: bytes
               ) -> tuple[int, dict[str, str], bytes]:
    writer.write(raw)
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
    body = await reader.readexactly(int(headers.get("content-length", "0")))
    return status, headers, body


async def _run(port: int, requests: list[bytes]) -> tuple[float, list[float], dict[int, int], list[dict[str, str]]]:
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    answers: list[dict[str, str]] = [{} for _ in requests]
    queue = list(enumerate(requests))[::-1]

    async def worker() -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        while queue:
            index, raw = queue.pop()
            t0 = time.perf_counter()
            status, headers, _ = await _one(reader, writer, raw)
            latencies.append(time.perf_counter() - t0)
            statuses[status] = statuses.get(status, 0) + 1
            answers[index] = headers
        writer.close()

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    return time.perf_counter() - start, latencies, statuses, answers


def load(port: int, requests: list[bytes], out: Any) -> None:
    """Child process: send the requests over CONCURRENCY keep-alive connections; report back."""
    out.send(asyncio.run(_run(port, requests)))


def run_load(port: int, requests: list[bytes]) -> tuple[float, list[float], dict[int, int], list[dict[str, str]]]:
    parent, child = multiprocessing.get_context("spawn").Pipe()
    proc = multiprocessing.get_context("spawn").Process(target=load, args=(port, requests, child))
    proc.start()
    result = parent.recv()
    proc.join()
    return result  # type: ignore[no-any-return]


def figures(name: str, elapsed: float, latencies: list[float], statuses: dict[int, int]) -> float:
    rate = len(latencies) / elapsed
    p99 = statistics.quantiles(latencies, n=100)[98] * 1000
    p50 = statistics.median(latencies) * 1000
    print(f"  {name:<34} {rate:8.0f} req/s   p50 {p50:6.1f} ms   p99 {p99:6.1f} ms   statuses {statuses}")
    return rate


def download_rate(port: int, path: str, headers: dict[str, str], size: int, times: int) -> float:
    raw = _request(path, headers)
    start = time.perf_counter()
    result = run_load_serial(port, raw, times)
    assert result == size * times, (result, size * times)
    return size * times / (time.perf_counter() - start) / 1e6


def _serial(port: int, raw: bytes, times: int, out: Any) -> None:
    async def go() -> int:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        total = 0
        for _ in range(times):
            _, _, body = await _one(reader, writer, raw)
            total += len(body)
        writer.close()
        return total
    out.send(asyncio.run(go()))


def run_load_serial(port: int, raw: bytes, times: int) -> int:
    parent, child = multiprocessing.get_context("spawn").Pipe()
    proc = multiprocessing.get_context("spawn").Process(target=_serial, args=(port, raw, times, child))
    proc.start()
    total = int(parent.recv())
    proc.join()
    return total


def alternating_rounds(targets: tuple[tuple[str, int, list[bytes]], ...], rounds: int) -> dict[str, float]:
    """Warm every target the same way, then send each its requests in turn, `rounds` times (load
    from other processes falls on all of them); answers each target's requests per second."""
    for _, port, reqs in targets:
        run_load(port, reqs[:500])
    totals = {name: [0, 0.0] for name, _, _ in targets}
    for round_no in range(1, rounds + 1):
        print(f"  round {round_no}:", flush=True)
        for name, port, reqs in targets:
            elapsed, lat, statuses, _ = run_load(port, reqs)
            figures(name, elapsed, lat, statuses)
            totals[name][0] += len(lat)
            totals[name][1] += elapsed
    return {name: n / t for name, (n, t) in totals.items()}


def _wait(port: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on {port}")


def _first_polls(port: int, auth: list[dict[str, str]], attempts: int = 5) -> list[str]:
    """Every relay point's first poll (200, full schedule, ETag); refused ones (503 when the server
    is over capacity) are sent again a second later, as a relay point would."""
    etags = [""] * len(auth)
    todo = list(range(len(auth)))
    for attempt in range(attempts):
        if attempt:
            time.sleep(1)
        elapsed, lat, statuses, answers = run_load(port, [_request("/api/v1/relay/schedule", auth[i])
                                                          for i in todo])
        if attempt == 0:
            figures("first poll (200, full schedule)", elapsed, lat, statuses)
        for i, answer in zip(todo, answers, strict=True):
            etags[i] = answer.get("etag", "")
        todo = [i for i in todo if not etags[i]]
        if not todo:
            return etags
    raise RuntimeError(f"{len(todo)} relay points got no schedule")


def main(argv: list[str] | None = None) -> None:
    """Measure and print; see the module docstring."""
    parser = argparse.ArgumentParser(prog="python -m bench.bench_relay")
    parser.add_argument("--stations", type=int, default=50)
    parser.add_argument("--relays", type=int, default=5000)
    parser.add_argument("--requests", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--database-url", help="PostgreSQL URL of an empty database (default: SQLite in a temp dir)")
    args = parser.parse_args(argv)

    print(f"machine: {platform.platform()} | {platform.processor() or platform.machine()} | "
          f"{os.cpu_count()} CPUs | Python {platform.python_version()} | "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    data_dir = Path(tempfile.mkdtemp(prefix="loa-bench-relay-"))
    os.environ.update({"LOA_DATA_DIR": str(data_dir), "LOA_ENVIRONMENT": "test",
                       "LOA_SCHEDULER_ENABLED": "false"})
    if args.database_url:
        os.environ["LOA_DATABASE_URL"] = args.database_url
    else:
        os.environ.pop("LOA_DATABASE_URL", None)
    print(f"database: {'PostgreSQL' if args.database_url else 'SQLite (WAL)'}; {args.stations} stations × "
          f"{AREAS} areas; {args.relays} relay points (distinct tokens); {CONCURRENCY} connections; "
          f"{args.requests} measured requests per target and round")
    t0 = time.perf_counter()
    setup = set_up(args.stations, args.relays)
    print(f"set-up (demo, {SLOT_SECONDS // 60}-min programme rendered, stations, relay points): "
          f"{time.perf_counter() - t0:.1f} s; {setup.programmes} programmes; "
          f"rendered programme {setup.audio_size / 1e6:.1f} MB")

    loa_port, bare_port = _free_port(), _free_port()
    logs = open(data_dir / "servers.log", "w")  # both servers' access logs
    loa = subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--no-scheduler", "--port", str(loa_port)],
                           cwd=ROOT, env=os.environ.copy(), stdout=logs, stderr=subprocess.STDOUT)
    bare = multiprocessing.get_context("spawn").Process(target=bare_server,
                                                        args=(bare_port, str(setup.audio_path),
                                                              str(data_dir / "bare.log")))
    bare.start()
    try:
        _wait(loa_port)
        _wait(bare_port)
        auth = [{"Authorization": f"Bearer {t}"} for t in setup.tokens]
        etags = _first_polls(loa_port, auth)
        order = list(range(len(auth)))
        random.Random(1).shuffle(order)  # relay points of all stations interleaved
        conditional = [_request("/api/v1/relay/schedule", {**auth[j], "If-None-Match": etags[j]})
                       for j in (order[i % len(order)] for i in range(args.requests))]
        targets = (("bare sync route (def)", bare_port, [_request("/bare", {})] * args.requests),
                   ("bare async route (async def)", bare_port, [_request("/bare-async", {})] * args.requests),
                   ("relay conditional poll (304)", loa_port, conditional))
        rates = alternating_rounds(targets, args.rounds)
        poll = rates["relay conditional poll (304)"]
        print(f"  over {args.rounds} rounds: relay 304 {poll:.0f} req/s; "
              f"ratio to bare sync {poll / rates['bare sync route (def)']:.2f}x, "
              f"to bare async {poll / rates['bare async route (async def)']:.2f}x (goal >= 0.70x)")

        times = 20
        relay_mb = download_rate(loa_port, setup.audio_url, {"Authorization": f"Bearer {setup.audio_token}"},
                                 setup.audio_size, times)
        bare_mb = download_rate(bare_port, "/file", {}, setup.audio_size, times)
        print(f"  audio download, {times} x {setup.audio_size / 1e6:.1f} MB on one connection: "
              f"relay {relay_mb:.0f} MB/s, bare FileResponse {bare_mb:.0f} MB/s, ratio {relay_mb / bare_mb:.2f}x")
    finally:
        loa.terminate()
        loa.wait(timeout=10)
        bare.terminate()
        bare.join(timeout=10)
        logs.close()


if __name__ == "__main__":
    main()
