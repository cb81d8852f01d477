"""Relay polling at scale: 1,000 relay points sending the conditional schedule request (ETag,
answered 304) to a real `loa serve`, against a bare FastAPI route returning constant JSON on the
same uvicorn settings, measured in the same run; and audio download throughput against a bare
FileResponse of the same file.

    python -m bench.bench_relay [--relays 1000] [--requests 4000] [--database-url URL]

Servers and the load generator are separate processes on loopback (2 cores here: the client
competes with the server for CPU, equally for both targets)."""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import platform
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

    @app.get("/file")
    def file() -> FileResponse:
        return FileResponse(audio_file, media_type="audio/mpeg")

    uvicorn.run(app, host="127.0.0.1", port=port, log_level="info")


# --- set-up: a station, a rendered programme, 1,000 relay points ---------------------------

@dataclass
class Setup:
    tokens: list[str]
    audio_url: str
    audio_path: Path
    audio_size: int


def set_up(relays: int) -> Setup:
    """Demo station with one short slot rendered by the real services, and `relays` relay points."""
    subprocess.run([sys.executable, "-m", "app.cli", "init", "--demo"], cwd=ROOT, check=True,
                   capture_output=True)
    from zoneinfo import ZoneInfo

    from sqlalchemy import select

    from app.db import session_factory
    from app.jobs import prepare_and_render
    from app.models import Programme, Station, User
    from app.stations import service as stations
    from app.stations.schemas import SlotCreate

    with session_factory()() as session:
        station_id = session.scalars(select(Station.id)).first()
        assert station_id is not None
        station = stations.get(session, station_id, with_children=True)
        admin = session.scalars(select(User).where(User.username == "ubnd")).one()
        for slot in list(station.slots):
            stations.delete_slot(session, slot, actor=admin)
        start = (datetime.now(UTC) + timedelta(hours=2)).replace(minute=0, second=0, microsecond=0)
        local = start.astimezone(ZoneInfo(station.timezone)).time()
        stations.add_slot(session, station, SlotCreate(name="bench", start_time=local,
                                                       length_seconds=SLOT_SECONDS), actor=admin)
        session.commit()
        prepare_and_render(session, station_id, until=start + timedelta(minutes=1))
        session.commit()
        station = stations.get(session, station_id, with_children=True)
        tokens = [stations.add_relay_point(session, station.areas[i % len(station.areas)], f"Cụm loa {i}",
                                           actor=None)[1] for i in range(relays)]
        session.commit()
        programme = session.scalars(select(Programme).where(Programme.audio_key.is_not(None))
                                    .order_by(Programme.starts_at)).first()
        assert programme is not None
        assert programme.audio_key is not None
        key = programme.audio_key
        return Setup(tokens, f"/api/v1/relay/audio/{key}", _storage_path(key), programme.audio_size or 0)


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


def _wait(port: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on {port}")


def main(argv: list[str] | None = None) -> None:
    """Measure and print; see the module docstring."""
    parser = argparse.ArgumentParser(prog="python -m bench.bench_relay")
    parser.add_argument("--relays", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=4000)
    parser.add_argument("--database-url", help="PostgreSQL URL (default: SQLite in a temp dir)")
    args = parser.parse_args(argv)

    print(f"machine: {platform.platform()} | {platform.processor() or platform.machine()} | "
          f"{os.cpu_count()} CPUs | Python {platform.python_version()}")
    data_dir = Path(tempfile.mkdtemp(prefix="loa-bench-relay-"))
    os.environ.update({"LOA_DATA_DIR": str(data_dir), "LOA_ENVIRONMENT": "test",
                       "LOA_SCHEDULER_ENABLED": "false"})
    if args.database_url:
        os.environ["LOA_DATABASE_URL"] = args.database_url
    else:
        os.environ.pop("LOA_DATABASE_URL", None)
    print(f"database: {'PostgreSQL' if args.database_url else 'SQLite (WAL)'}; {args.relays} relay points; "
          f"{CONCURRENCY} connections; {args.requests} measured requests per target")
    t0 = time.perf_counter()
    setup = set_up(args.relays)
    print(f"set-up (demo, {SLOT_SECONDS // 60}-min programme rendered, relay points): "
          f"{time.perf_counter() - t0:.1f} s; programme {setup.audio_size / 1e6:.1f} MB")

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
        # First poll of every relay: 200 with the schedule and its ETag.
        first = [_request("/api/v1/relay/schedule", h) for h in auth]
        elapsed, lat, statuses, answers = run_load(loa_port, first)
        figures("first poll (200, full schedule)", elapsed, lat, statuses)
        etags = [a.get("etag", "") for a in answers]
        conditional = [_request("/api/v1/relay/schedule", {**auth[i % len(auth)],
                                                             "If-None-Match": etags[i % len(auth)]})
                       for i in range(args.requests)]
        baseline = [_request("/bare", {}) for _ in range(args.requests)]
        run_load(bare_port, baseline[:500])  # warm both the same way
        rates = {}
        for name, port, reqs in (("bare FastAPI route (constant JSON)", bare_port, baseline),
                                 ("relay conditional poll (304)", loa_port, conditional)):
            elapsed, lat, statuses, _ = run_load(port, reqs)
            rates[name] = figures(name, elapsed, lat, statuses)
        ratio = rates["relay conditional poll (304)"] / rates["bare FastAPI route (constant JSON)"]
        print(f"  ratio relay/bare: {ratio:.2f}x (goal >= 0.70x)")

        times = 20
        relay_mb = download_rate(loa_port, setup.audio_url, auth[0], setup.audio_size, times)
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
