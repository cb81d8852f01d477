"""Benchmark of the planner: one station for a year, and 500 stations for a week.

Run: ``python -m bench.bench_plan [--quick]``. Prints wall time, peak traced memory and the
process's peak RSS, with a baseline measured in the same run: filtering and sorting each
slot's candidates by the rules, the least work any planner must do.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import sys
import time as clock
import tracemalloc
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import TypeVar

from scheduler.horizon import plan_horizon, request_for
from scheduler.model import Candidate, Filler, PlanSettings, Priority, SlotRequest
from scheduler.plan import distinct_programmes
from scheduler.rules import order_key
from scheduler.slots import Slot, instances_for_dates

T = TypeVar("T")
ZONE = "Asia/Ho_Chi_Minh"
SLOTS = [Slot("sáng", time(6, 30), 1800, ZONE), Slot("chiều", time(16, 30), 1800, ZONE)]
TOPICS = [f"chủ đề {n}" for n in range(10)]
SETTINGS = PlanSettings(opening_ms=14_000, closing_ms=9_000)


def make_scripts(rnd: random.Random, count: int, first: date, days: int) -> list[Candidate]:
    """Approved scripts with windows spread over ``days`` from ``first``."""
    out = []
    for cid in range(1, count + 1):
        start = first + timedelta(days=rnd.randrange(days))
        roll = rnd.random()
        priority = (Priority.emergency if roll < 0.02
                    else Priority.priority if roll < 0.10 else Priority.normal)
        out.append(Candidate(
            id=cid,
            title=f"Tin bài {cid}",
            topic=rnd.choice(TOPICS),
            priority=priority,
            duration_ms=rnd.randint(30_000, 6 * 60_000),
            air_from=start,
            air_until=start + timedelta(days=rnd.randint(2, 30)),
            approved_at=datetime(2025, 1, 1, tzinfo=UTC) + timedelta(minutes=cid),
            airings_target=rnd.randint(1, 4),
            provisional=rnd.random() < 0.1,
            allowed_slots=(frozenset({rnd.choice(SLOTS).name})
                           if rnd.random() < 0.2 else frozenset()),
            target_areas=(frozenset(rnd.sample(range(1, 6), rnd.randint(1, 2)))
                          if rnd.random() < 0.2 else frozenset()),
        ))
    return out


def make_fillers(rnd: random.Random) -> list[Filler]:
    return [Filler(n, f"Nhạc {n}", rnd.randint(120_000, 300_000)) for n in range(1, 21)]


def requests(first: date, days: int) -> list[SlotRequest]:
    last = first + timedelta(days=days - 1)
    return [request_for(i, "Hà Tu") for i in instances_for_dates(SLOTS, first, last)]


def baseline(reqs: list[SlotRequest], scripts: list[Candidate]) -> None:
    """Filter each slot's candidates by air window and sort them by the rules: a lower bound."""
    for req in reqs:
        active = [c for c in scripts if c.air_from <= req.local_date <= c.air_until]
        active.sort(key=lambda c: order_key(c, False))


def measure(fn: Callable[[], T], *, traced: bool) -> tuple[T, float, int]:
    """Run ``fn`` and return its result, wall seconds and peak traced bytes (0 if untraced)."""
    if traced:
        tracemalloc.start()
    t0 = clock.perf_counter()
    result = fn()
    wall = clock.perf_counter() - t0
    peak = 0
    if traced:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return result, wall, peak


def one_station_year(scripts_count: int, days: int) -> None:
    rnd = random.Random(4)
    first = date(2025, 1, 1)
    scripts = make_scripts(rnd, scripts_count, first, days)
    fillers = make_fillers(rnd)
    reqs = requests(first, days)
    areas = [1, 2, 3, 4, 5]
    _, base_s, _ = measure(lambda: baseline(reqs, scripts), traced=False)
    plans, wall, _ = measure(lambda: plan_horizon(reqs, scripts, fillers, SETTINGS, areas),
                             traced=False)
    _, _, peak = measure(lambda: plan_horizon(reqs, scripts, fillers, SETTINGS, areas), traced=True)
    distinct = [p for _, plan in plans for p in distinct_programmes(plan)]
    programmes = len(distinct)
    placed = sum(len(p.script_ids) for p in distinct)
    print(f"one station, {len(reqs)} slots ({days} days), {scripts_count} scripts, 5 areas:")
    print(f"  baseline (filter + sort per slot): {base_s:8.3f} s")
    print(f"  plan_horizon:                      {wall:8.3f} s  "
          f"({wall / len(reqs) * 1000:.2f} ms/slot, {wall / base_s:.1f}x baseline)")
    print(f"  programmes {programmes}, scripts placed {placed}, peak traced memory "
          f"{peak / 2**20:.1f} MiB")


def many_stations_week(stations: int, scripts_each: int) -> None:
    rnd = random.Random(5)
    first = date(2025, 3, 24)
    reqs = requests(first, 7)
    worlds = [(make_scripts(rnd, scripts_each, first - timedelta(days=20), 27), make_fillers(rnd))
              for _ in range(stations)]

    def run_base() -> None:
        for scripts, _ in worlds:
            baseline(reqs, scripts)

    def run_plans() -> int:
        n = 0
        for scripts, fillers in worlds:
            n += len(plan_horizon(reqs, scripts, fillers, SETTINGS, [1, 2, 3, 4, 5]))
        return n

    _, base_s, _ = measure(run_base, traced=False)
    slots, wall, _ = measure(run_plans, traced=False)
    _, _, peak = measure(run_plans, traced=True)
    print(f"{stations} stations x one week ({slots} slot instances), {scripts_each} scripts each:")
    print(f"  baseline (filter + sort per slot): {base_s:8.3f} s")
    print(f"  plan_horizon:                      {wall:8.3f} s  "
          f"({wall / slots * 1000:.2f} ms/slot, {wall / base_s:.1f}x baseline)")
    print(f"  peak traced memory {peak / 2**20:.1f} MiB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a tenth of the work, for a smoke run")
    args = parser.parse_args(argv)
    print(f"machine: {platform.platform()} | {platform.processor() or platform.machine()} | "
          f"{os.cpu_count()} CPUs | Python {sys.version.split()[0]}")
    if args.quick:
        one_station_year(500, 36)
        many_stations_week(50, 50)
    else:
        one_station_year(5_000, 365)
        many_stations_week(500, 50)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"process peak RSS: {rss / 1024:.1f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
