"""The server under a burst: 200 concurrent clients for 60 s against sign-in, the signed-in
script list and the relay schedule, on a real `loa serve` (with its scheduler) on SQLite and on
PostgreSQL, while /healthz is polled every 0.5 s and the scheduler's lease and jobs are watched.

    python -m bench.bench_load [--seconds 60] [--clients 200] [--database sqlite|postgresql|both]
                               [--postgres-url postgresql+psycopg://root@127.0.0.1:5432/test]

Goal (issue 10): no 5xx, no client timeout, p99 under 2 s for reads, /healthz answering
throughout and the scheduler's jobs on time; where the machine cannot serve that many, a fast
503/429 with Retry-After (which these clients honour, as a relay agent or browser would).
The same endpoints are first measured one request at a time (baseline), so ratios are quoted.
Server and clients share this machine's cores (loopback only)."""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from multiprocessing.connection import Connection as Pipe
from pathlib import Path
from urllib.parse import urlencode

import httpx
from sqlalchemy import create_engine, text

from tests.fixtures.live_server import free_port

ROOT = Path(__file__).resolve().parents[1]
CLIENT_TIMEOUT_S = 10.0
HEALTH_EVERY_S = 0.5
LEASE_QUERY = "SELECT expires_at FROM leases WHERE name = 'scheduler-leader'"
DEFAULT_PG = "postgresql+psycopg://root@127.0.0.1:5432/test"


def machine() -> str:
    model = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        model = found.group(1) if found else model
    return f"{os.cpu_count()} CPUs ({model}) | {platform.platform()} | Python {platform.python_version()}"


REFUSED = ("429", "503")


def percentile(values: list[float], p: int) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


@dataclass
class Figures:
    """Latencies of answers served (anything but 429/503) and of refusals, apart."""

    served: list[float] = field(default_factory=list)
    refused: list[float] = field(default_factory=list)
    statuses: Counter[str] = field(default_factory=Counter)
    timeouts: int = 0

    def add(self, status: str, seconds: float) -> None:
        self.statuses[status] += 1
        (self.refused if status in REFUSED else self.served).append(seconds)

    def pct(self, p: int) -> float:
        return percentile(self.served, p)


# --- one server: data dir, demo, relay point ---------------------------------------------

@dataclass
class Server:
    url: str
    env: dict[str, str]
    db_url: str
    proc: subprocess.Popen[bytes]
    password: str
    admin_password: str


def start_server(database: str, pg_url: str, work: Path) -> tuple[Server, Callable[[], None]]:
    """`loa init --demo` then `loa serve` (scheduler on, real argon2 cost) on a free port."""
    data_dir = Path(tempfile.mkdtemp(prefix=f"loa-bench-load-{database}-", dir=work))
    env = {k: v for k, v in os.environ.items() if not k.startswith("LOA_")}
    env.update({"LOA_DATA_DIR": str(data_dir), "LOA_SECRET_KEY": uuid.uuid4().hex * 2,
                "LOA_GTTS_BASE_URL": "http://127.0.0.1:9", "LOA_GTTS_TIMEOUT_SECONDS": "2"})
    cleanup: Callable[[], None] = lambda: None  # noqa: E731
    db_url = f"sqlite:///{data_dir / 'loa.db'}"
    if database == "postgresql":
        schema = f"loa_bench_{uuid.uuid4().hex[:10]}"
        admin = create_engine(pg_url)
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        db_url = f"{pg_url}?options=-csearch_path%3D{schema}"
        env["LOA_DATABASE_URL"] = db_url

        def cleanup() -> None:
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            admin.dispose()
    init = subprocess.run([sys.executable, "-m", "app.cli", "init", "--demo"], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=True)
    passwords = dict(re.findall(r"^\s+\w+\s+(\w+)\s+(\S+)$", init.stdout, re.MULTILINE))
    port = free_port()
    log = (data_dir / "serve.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--port", str(port)],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"loa serve did not start: see {data_dir / 'serve.log'}")
        time.sleep(0.2)

    def stop() -> None:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()
        cleanup()
    return Server(url, env, db_url, proc, passwords["vanhoa"], passwords["ubnd"]), stop


def bearer(client: httpx.Client, username: str, password: str) -> dict[str, str]:
    r = client.post("/api/v1/auth/token", data={"username": username, "password": password})
    r.raise_for_status()
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


def relay_tokens(client: httpx.Client, admin: dict[str, str], count: int) -> list[dict[str, str]]:
    """`count` relay points, one per relay client (each relay point is rate-limited on its own)."""
    station = client.get("/api/v1/stations", headers=admin).json()[0]
    areas = client.get(f"/api/v1/stations/{station['id']}", headers=admin).json()["areas"]
    tokens = []
    for i in range(count):
        r = client.post(f"/api/v1/areas/{areas[i % len(areas)]['id']}/relay-points", headers=admin,
                        json={"name": f"Cụm loa bench {i}"})
        r.raise_for_status()
        tokens.append({"Authorization": f"Bearer {r.json()['token']}"})
    return tokens


# --- the scheduler, watched from its tables ------------------------------------------------

@dataclass
class SchedulerWatch:
    lease_renewals: int = 0
    lease_lapsed: int = 0  # polls that found the lease expired
    max_job_lateness_s: float = 0.0
    polls: int = 0
    errors: int = 0


def watch_scheduler(db_url: str, stop: threading.Event, out: SchedulerWatch) -> None:
    """Every second: is the leader's lease current and renewed, is any job past its run time?"""
    engine = create_engine(db_url)
    last_expiry = None
    try:
        while not stop.wait(1.0):
            try:
                with engine.connect() as conn:
                    expiry = conn.execute(text(LEASE_QUERY)).scalar()
                    due = conn.execute(text("SELECT min(next_run_time) FROM apscheduler_jobs")).scalar()
            except Exception:  # a table not there yet, or the database busy: count, go on
                out.errors += 1
                continue
            out.polls += 1
            now = datetime.now(UTC)
            if expiry is not None:
                moment = expiry if isinstance(expiry, datetime) else datetime.fromisoformat(str(expiry))
                moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
                out.lease_renewals += last_expiry is not None and moment != last_expiry
                out.lease_lapsed += moment < now
                last_expiry = moment
            if due is not None:
                out.max_job_lateness_s = max(out.max_job_lateness_s, now.timestamp() - float(due))
    finally:
        engine.dispose()


# --- the clients ---------------------------------------------------------------------------

def raw_request(method: str, path: str, headers: dict[str, str], form: dict[str, str] | None = None) -> bytes:
    """An HTTP/1.1 request, keep-alive, as bytes (the clients send these as they are)."""
    body = urlencode(form).encode() if form is not None else b""
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", *(f"{k}: {v}" for k, v in headers.items())]
    if form is not None:
        lines += ["Content-Type: application/x-www-form-urlencoded", f"Content-Length: {len(body)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def requests_for(form: dict[str, str], officer: dict[str, str], relays: list[dict[str, str]]
                 ) -> dict[str, list[bytes]]:
    """Each kind of request; client i sends the i-th of its kind (its own relay point)."""
    return {
        "sign-in": [raw_request("POST", "/api/v1/auth/token", {}, form)],
        "script list": [raw_request("GET", "/api/v1/scripts", officer)],
        "relay schedule": [raw_request("GET", "/api/v1/relay/schedule", relay) for relay in relays],
    }


class Connection:
    """One client's keep-alive connection; a fresh one after a timeout or a reset."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def exchange(self, raw: bytes) -> tuple[int, dict[str, str]]:
        if self.streams is None:
            self.streams = await asyncio.open_connection("127.0.0.1", self.port)
        reader, writer = self.streams
        writer.write(raw)
        await writer.drain()
        head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in head[1:] if line)}
        await reader.readexactly(int(headers.get("content-length", "0")))
        if headers.get("connection", "").lower() == "close":
            self.close()
        return int(head[0].split()[1]), headers

    def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()
            self.streams = None


async def timed(connection: Connection, raw: bytes, figures: Figures) -> float:
    """One request; answers how long to wait before the next (Retry-After on 429/503)."""
    start = time.perf_counter()
    try:
        status, headers = await asyncio.wait_for(connection.exchange(raw), CLIENT_TIMEOUT_S)
    except TimeoutError:
        connection.close()
        figures.timeouts += 1
        figures.add("timeout", time.perf_counter() - start)
        return 0.0
    except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError) as exc:
        connection.close()
        figures.add(type(exc).__name__, time.perf_counter() - start)
        return 0.5
    figures.add(str(status), time.perf_counter() - start)
    if status in (429, 503):
        return min(float(headers.get("retry-after", "1")), 5.0)
    return 0.0


async def drive(port: int, requests: dict[str, list[bytes]], clients: int, seconds: float) -> dict[str, Figures]:
    """`clients` clients, spread evenly over the requests, each looping for `seconds`."""
    figures = {name: Figures() for name in requests}
    end = time.monotonic() + seconds

    async def client(name: str, index: int) -> None:
        connection = Connection(port)
        raw = requests[name][index % len(requests[name])]
        while time.monotonic() < end:
            pause = await timed(connection, raw, figures[name])
            if pause:
                await asyncio.sleep(pause)
        connection.close()

    names = list(requests)
    await asyncio.gather(*(client(names[i % len(names)], i // len(names)) for i in range(clients)))
    return figures


def load_process(port: int, requests: dict[str, list[bytes]], clients: int, seconds: float, out: Pipe) -> None:
    """The load generator, in a process of its own (its CPU use must not delay the health polls)."""
    out.send(asyncio.run(drive(port, requests, clients, seconds)))


def poll_health(url: str, stop: threading.Event, health: Figures) -> None:
    """/healthz every 0.5 s, from this (otherwise idle) process."""
    with httpx.Client(base_url=url, timeout=5.0) as client:
        while not stop.is_set():
            start = time.perf_counter()
            try:
                health.add(str(client.get("/healthz").status_code), time.perf_counter() - start)
            except httpx.HTTPError as exc:
                health.add(type(exc).__name__, time.perf_counter() - start)
            stop.wait(HEALTH_EVERY_S)


def report(title: str, figures: dict[str, Figures], base: dict[str, Figures], health: Figures,
           watch: SchedulerWatch, seconds: float) -> list[str]:
    print(f"  {'served':<15} {'count':>6} {'/s':>4} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'max ms':>7}"
          f" {'1-at-a-time p50':>15} {'ratio':>6} | {'refused':>7} {'p99 ms':>7} | timeouts  statuses")
    misses = []
    for name, f in figures.items():
        b = base[name].pct(50)
        print(f"  {name:<15} {len(f.served):>6} {len(f.served) / seconds:>4.0f} {f.pct(50) * 1000:>7.0f}"
              f" {f.pct(95) * 1000:>7.0f} {f.pct(99) * 1000:>7.0f} {max(f.served, default=0) * 1000:>7.0f}"
              f" {b * 1000:>12.1f} ms {f.pct(50) / b if b else 0:>5.1f}x | {len(f.refused):>7}"
              f" {percentile(f.refused, 99) * 1000:>7.0f} | {f.timeouts:>8}  {dict(f.statuses)}")
        five = sum(n for s, n in f.statuses.items() if s.startswith("5") and s != "503")
        if five or f.timeouts:
            misses.append(f"{name}: {five} 5xx (not 503), {f.timeouts} timeouts")
        if name != "sign-in" and f.pct(99) > 2.0:
            misses.append(f"{name}: p99 {f.pct(99):.2f} s > 2 s")
        if percentile(f.refused, 99) > 2.0:
            misses.append(f"{name}: refusals not fast (p99 {percentile(f.refused, 99):.2f} s)")
    hz_bad = sum(n for s, n in health.statuses.items() if s != "200")
    print(f"  /healthz every {HEALTH_EVERY_S} s: {len(health.served)} polls, "
          f"max {max(health.served, default=0) * 1000:.0f} ms, p99 {health.pct(99) * 1000:.0f} ms, "
          f"not answered 200: {hz_bad}")
    print(f"  scheduler: lease renewals seen {watch.lease_renewals} (every 30 s), polls with the lease lapsed "
          f"{watch.lease_lapsed}/{watch.polls}, most overdue job {max(watch.max_job_lateness_s, 0):.1f} s "
          f"(watch errors {watch.errors})")
    if hz_bad:
        misses.append(f"/healthz failed {hz_bad} times")
    if watch.lease_lapsed:
        misses.append("the scheduler's lease lapsed")
    if watch.max_job_lateness_s > 5:
        misses.append(f"a scheduler job ran {watch.max_job_lateness_s:.0f} s late")
    print(f"  {title}: " + ("goal met" if not misses else "GOAL MISSED: " + "; ".join(misses)), flush=True)
    return misses


def run_one(database: str, args: argparse.Namespace, work: Path) -> list[str]:
    print(f"database: {database}; {args.clients} clients for {args.seconds:.0f} s; client timeout "
          f"{CLIENT_TIMEOUT_S:.0f} s", flush=True)
    server, stop = start_server(database, args.postgres_url, work)
    try:
        with httpx.Client(base_url=server.url, timeout=30) as setup:
            officer = bearer(setup, "vanhoa", server.password)
            relays = relay_tokens(setup, bearer(setup, "ubnd", server.admin_password), args.clients // 3 + 1)
        requests = requests_for({"username": "vanhoa", "password": server.password}, officer, relays)
        port = int(server.url.rsplit(":", 1)[1])
        base = {name: Figures() for name in requests}

        async def one_at_a_time() -> None:
            connection = Connection(port)
            for name, raws in requests.items():
                for _ in range(10):
                    await timed(connection, raws[0], base[name])
            connection.close()
        asyncio.run(one_at_a_time())
        done = threading.Event()
        watch, health = SchedulerWatch(), Figures()
        watchers = [threading.Thread(target=watch_scheduler, args=(server.db_url, done, watch)),
                    threading.Thread(target=poll_health, args=(server.url, done, health))]
        for thread in watchers:
            thread.start()
        context = multiprocessing.get_context("spawn")
        receiver, sender = context.Pipe(duplex=False)
        load = context.Process(target=load_process, args=(port, requests, args.clients, args.seconds, sender))
        load.start()
        figures = receiver.recv()
        load.join()
        done.set()
        for thread in watchers:
            thread.join(timeout=10)
        return report(database, figures, base, health, watch, args.seconds)
    finally:
        stop()


def main(argv: list[str] | None = None) -> None:
    """Measure and print; see the module docstring."""
    parser = argparse.ArgumentParser(prog="python -m bench.bench_load")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--database", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--postgres-url", default=os.environ.get("LOA_BENCH_POSTGRES_URL", DEFAULT_PG))
    args = parser.parse_args(argv)
    print(f"machine: {machine()}", flush=True)
    work = Path(tempfile.mkdtemp(prefix="loa-bench-load-"))
    databases = ("sqlite", "postgresql") if args.database == "both" else (args.database,)
    for database in databases:
        run_one(database, args, work)
        print(flush=True)


if __name__ == "__main__":
    main()
