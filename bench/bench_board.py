"""The province status board for 150 stations × 60 relay points: how long its queries take.

    python -m bench.bench_board [--stations 150] [--relays 60] [--days 14] [--runs 15]
                                [--postgres postgresql+psycopg://root@127.0.0.1:5432/test]

Builds the province in a fresh SQLite file (and a fresh PostgreSQL schema when a URL is given or
LOA_TEST_POSTGRES_URL is set): six areas per station, relay points mostly online, some late, some
offline, two programmes a day for `--days` days with the relay points' as-run reports (a few
missed), open and resolved faults; runs ANALYZE, then times the board as the installation's
admin reads it (every station, worst first) and one station's details. Baseline in the same run,
on the same session: `SELECT 1`. Medians of `--runs`; the first call of each is a warm-up.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from bench.bench_reports import _engine, machine

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
AREAS = 6
SLOTS = (("sang", 6, 30), ("chieu", 16, 30))


def _median_ms(fn: Callable[[], object], runs: int) -> float:
    fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def populate(session: Session, *, stations: int, relays: int, days: int, now: datetime) -> dict[str, int]:
    """The province's rows, inserted in bulk; returns how many of each."""
    from app.models import (
        Area,
        Organisation,
        OrganisationKind,
        Programme,
        ProgrammeStatus,
        RelayFault,
        RelayHeartbeat,
        RelayPlay,
        RelayPoint,
        Station,
    )

    rng = random.Random(15)
    province = Organisation(name="Tỉnh Quảng Ninh", kind=OrganisationKind.province)
    session.add(province)
    session.flush()
    districts = []
    for n in range(10):
        district = Organisation(name=f"Huyện {n + 1}", kind=OrganisationKind.district, parent_id=province.id)
        session.add(district)
        districts.append(district)
    session.flush()
    session.execute(insert(Station), [{"name": f"Đài phường {n + 1:03d}", "organisation_id": districts[n % 10].id}
                                      for n in range(stations)])
    station_ids = list(session.scalars(select(Station.id).order_by(Station.id)))
    session.execute(insert(Area), [{"station_id": s, "name": f"Khu {a + 1}"} for s in station_ids
                                   for a in range(AREAS)])
    areas = session.execute(select(Area.id, Area.station_id).order_by(Area.id)).all()
    installed = now - timedelta(days=days + 1)
    session.execute(insert(RelayPoint), [
        {"area_id": area_id, "name": f"Cụm loa {n + 1}", "token_hash": f"bench-{area_id}-{n}", "token_prefix": "b",
         "created_at": installed, "last_seen_at": None}
        for area_id, _ in areas for n in range(relays // AREAS)])
    points = session.execute(select(RelayPoint.id, RelayPoint.area_id, Area.station_id)
                             .join(Area, Area.id == RelayPoint.area_id).order_by(RelayPoint.id)).all()
    beats = []
    for rid, _area, _station in points:
        roll = rng.random()
        if roll < 0.02:
            continue  # never heard
        ago = timedelta(seconds=rng.randint(0, 150)) if roll < 0.9 else (
            timedelta(minutes=rng.randint(4, 300)) if roll < 0.96 else timedelta(days=rng.randint(1, 9)))
        beats.append({"relay_point_id": rid, "received_at": now - ago, "state": "idle",
                      "free_disk_bytes": rng.randint(200, 8000) * 1_000_000})
    session.execute(insert(RelayHeartbeat), beats)
    today = now.astimezone(ZONE).date()
    programmes = []
    for s in station_ids:
        for d in range(days):
            day = today - timedelta(days=d)
            for slot, hour, minute in SLOTS:
                starts = datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZONE).astimezone(UTC)
                programmes.append({"station_id": s, "slot_name": slot, "air_date": day, "area_key": 0,
                                   "starts_at": starts, "duration_ms": 1_800_000,
                                   "status": ProgrammeStatus.aired if starts < now else ProgrammeStatus.rendered})
    session.execute(insert(Programme), programmes)
    by_station: dict[int, list[tuple[int, datetime]]] = {}
    for pid, sid, starts in session.execute(select(Programme.id, Programme.station_id, Programme.starts_at)):
        by_station.setdefault(sid, []).append((pid, starts))
    plays, n = [], 0
    for rid, _area, sid in points:
        for pid, starts in by_station[sid]:
            if starts >= now or rng.random() < 0.03:
                continue  # still to come, or missed by this relay point
            n += 1
            plays.append({"record_id": f"bench-{n}", "relay_point_id": rid, "programme_id": pid, "started_at": starts,
                          "ended_at": starts + timedelta(minutes=30), "outcome": "completed", "offset_ms": 0})
            if len(plays) >= 20_000:
                session.execute(insert(RelayPlay), plays)
                plays = []
    if plays:
        session.execute(insert(RelayPlay), plays)
    faults = [{"relay_point_id": rid, "category": "speaker", "text": "Loa rè", "created_at": now - timedelta(days=2),
               "resolved_at": None if rng.random() < 0.5 else now - timedelta(days=1)}
              for rid, _a, _s in points if rng.random() < 0.03]
    session.execute(insert(RelayFault), faults)
    # a few stations missed a whole programme today: no relay point reported it
    for sid in station_ids[::25]:
        todays = [pid for pid, starts in by_station[sid] if starts.astimezone(ZONE).date() == today and starts < now]
        session.execute(RelayPlay.__table__.delete().where(RelayPlay.programme_id.in_(todays[:1])))
    session.commit()
    return {"stations": len(station_ids), "relay points": len(points), "heartbeats": len(beats),
            "programmes": len(programmes), "as-run records": n, "faults": len(faults)}


def run(kind: str, url: str | None, *, stations: int, relays: int, days: int, runs: int) -> None:
    from app.models import Role, User
    from app.organisations import board

    # the evening of a station day: both programmes of today are due
    now = datetime.combine(datetime.now(ZONE).date(), datetime.min.time(), ZONE).replace(hour=18).astimezone(UTC)
    with _engine(kind, url) as eng, Session(eng) as session:
        t = time.perf_counter()
        counts = populate(session, stations=stations, relays=relays, days=days, now=now)
        session.execute(text("ANALYZE"))
        session.commit()
        built = ", ".join(f"{v:,} {k}" for k, v in counts.items())
        print(f"[{kind}] built in {time.perf_counter() - t:.1f} s: {built}")
        admin = User(username="hethong", role=Role.admin, password_hash="-")
        session.add(admin)
        session.commit()
        rows = board.board(session, admin, now=now)
        worst = rows[0]
        print(f"[{kind}] board: {len(rows)} stations; worst {worst.name}: {worst.offline} offline, "
              f"{worst.programmes_missed} missed; {sum(r.programmes_missed for r in rows)} programmes missed today, "
              f"{sum(r.offline for r in rows)} relay points offline, {sum(r.open_faults for r in rows)} open faults")
        baseline = _median_ms(lambda: session.execute(text("SELECT 1")).scalar(), runs)
        whole = _median_ms(lambda: board.board(session, admin, now=now), runs)
        detail = _median_ms(lambda: board.station_detail(session, admin, worst.id, now=now), runs)
        print(f"[{kind}] baseline SELECT 1:               {baseline:8.2f} ms")
        print(f"[{kind}] board, {len(rows)} stations (median):  {whole:8.1f} ms  ({whole / baseline:,.0f}× SELECT 1; "
              f"target < 100 ms)")
        print(f"[{kind}] one station's details (median): {detail:8.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stations", type=int, default=150)
    parser.add_argument("--relays", type=int, default=60, help="relay points per station (six areas)")
    parser.add_argument("--days", type=int, default=14, help="days of programmes and as-run reports")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--postgres", default=os.environ.get("LOA_TEST_POSTGRES_URL"))
    args = parser.parse_args()
    print(f"machine: {machine()} | load {os.getloadavg()[0]:.2f}")
    options = {"stations": args.stations, "relays": args.relays, "days": args.days, "runs": args.runs}
    run("sqlite", None, **options)
    if args.postgres:
        run("postgresql", args.postgres, **options)


if __name__ == "__main__":
    main()
