"""How long a year's report takes for a station with 5,000 scripts and 2 years of as-run data.

    python -m bench.bench_reports [--postgres postgresql+psycopg://root@127.0.0.1:5432/test]

Builds the station in a fresh SQLite file (and a fresh PostgreSQL schema when a URL is given or
LOA_TEST_POSTGRES_URL is set), runs ANALYZE (a database live for two years has planner statistics),
then times the report's figures (what the page computes), the same with every airing (what the
exports list), the XLSX and the PDF. Baseline in the same run: one month's figures.
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from bench.report_data import populate


def machine() -> str:
    return (f"{platform.platform()} | {platform.processor() or platform.machine()} | {os.cpu_count()} CPUs | "
            f"Python {platform.python_version()}")


def _timed(fn: Callable[[], object], runs: int = 3) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(runs):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


@contextmanager
def _engine(kind: str, url: str | None) -> Iterator[Engine]:
    from app.db import make_engine
    from app.migrate import upgrade

    if kind == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            eng = make_engine(f"sqlite:///{Path(tmp) / 'bench.db'}")
            upgrade(eng)
            yield eng
            eng.dispose()
        return
    assert url
    schema = f"loa_bench_{uuid.uuid4().hex[:8]}"
    admin = make_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    eng = make_engine(url, connect_args={"options": f"-csearch_path={schema}"})
    try:
        upgrade(eng)
        yield eng
    finally:
        eng.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def run(kind: str, url: str | None) -> None:
    from app.models import Role
    from app.reports import periods, service
    from app.reports.export_pdf import to_pdf
    from app.reports.export_xlsx import to_xlsx
    from app.stations import service as stations
    from app.stations.schemas import StationCreate
    from app.users import service as users
    from app.users.schemas import UserCreate

    with _engine(kind, url) as eng, Session(eng) as session:
        station = stations.create(session, StationCreate(name="Đài truyền thanh phường Hà Tu"), actor=None)
        for n in range(5):
            stations.add_area(session, station, f"Tổ dân phố {n + 1}", actor=None)
        for name, role in (("vanhoa", Role.officer), ("bientap", Role.editor)):
            users.create(session, UserCreate(username=name, role=role, station_id=station.id,
                                             password="mat-khau-bench-1"), actor=None)
        t = time.perf_counter()
        counts = populate(session, station, first=date(2024, 1, 1), days=731, scripts=5000, relays_per_area=3)
        session.commit()
        session.execute(text("ANALYZE"))  # a database live for two years has its planner statistics
        session.commit()
        built = ", ".join(f"{v:,} {k}" for k, v in counts.items())
        print(f"[{kind}] built in {time.perf_counter() - t:.1f} s: {built}")
        year, month = periods.year(2025), periods.month(2025, 6)

        def figures(p: periods.Period, airings: bool = False) -> service.Report:
            return service.build(session, station, p, prepared_by="bench", with_airings=airings)

        base, _ = _timed(lambda: figures(month))
        screen, report = _timed(lambda: figures(year))
        assert isinstance(report, service.Report)
        full, report_all = _timed(lambda: figures(year, True), runs=1)
        assert isinstance(report_all, service.Report)
        xlsx, book = _timed(lambda: to_xlsx(report_all), runs=1)
        pdf, doc = _timed(lambda: to_pdf(report), runs=1)
        assert isinstance(book, bytes)
        assert isinstance(doc, bytes)
        print(f"[{kind}] year 2025: {report.totals.airings_planned:,} airings planned, "
              f"{report.totals.airings_aired:,} aired, {len(report.bulletins):,} bulletins, "
              f"{sum(r.due for r in report.relays):,} relay-programmes due")
        print(f"[{kind}] baseline, one month's figures: {base * 1000:8.0f} ms")
        print(f"[{kind}] year's figures (page):        {screen * 1000:8.0f} ms  ({screen / base:.1f}× a month)")
        print(f"[{kind}] year + every airing (export): {full * 1000:8.0f} ms")
        print(f"[{kind}] XLSX from that:               {xlsx * 1000:8.0f} ms  ({len(book) / 1024:,.0f} KiB)")
        print(f"[{kind}] PDF of the year:              {pdf * 1000:8.0f} ms  ({len(doc) / 1024:,.0f} KiB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--postgres", default=os.environ.get("LOA_TEST_POSTGRES_URL"))
    args = parser.parse_args()
    print(f"machine: {machine()}")
    run("sqlite", None)
    if args.postgres:
        run("postgresql", args.postgres)


if __name__ == "__main__":
    main()
