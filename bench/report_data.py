"""Years of as-run data for a station, inserted in bulk: scripts, two programmes a day, their
airings, every relay point's as-run records (mostly on time, some late, some missed) and faults.
Used by bench_reports and by the browser test's report."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from app.models import (
    Airing,
    Area,
    Programme,
    ProgrammeStatus,
    RelayFault,
    RelayPlay,
    RelayPoint,
    Role,
    Script,
    ScriptStatus,
    Station,
    Topic,
    User,
)

SLOTS = (("morning", time(6, 30)), ("afternoon", time(16, 30)))
TITLES = ("Tuyên truyền kỷ niệm {n} năm Ngày thành lập Đảng 03/02", "Thông báo lịch tiêm chủng đợt {n}",
          "Phòng chống cháy nổ mùa khô, số {n}", "Thu gom rác thải cồng kềnh tại tổ dân phố {n}",
          "Phổ biến Luật Đất đai 2024, kỳ {n}", "Cảnh giác lừa đảo qua mạng, bản tin {n}")


def _next_id(session: Session, column: object) -> int:
    return int(session.scalar(select(func.coalesce(func.max(column), 0))) or 0) + 1  # type: ignore[call-overload]


def populate(session: Session, station: Station, *, first: date, days: int, scripts: int,
             relays_per_area: int = 2, items_per_programme: int = 6, seed: int = 13) -> dict[str, int]:
    """Fill `days` days from `first` with aired programmes and as-run records; returns the counts."""
    rng = random.Random(seed)
    zone = ZoneInfo(station.timezone)
    areas = list(session.scalars(select(Area.id).where(Area.station_id == station.id)))
    topics = list(session.scalars(select(Topic.id).where(Topic.station_id == station.id)))
    staff = {u.role: u.id for u in session.scalars(select(User).where(User.station_id == station.id))}
    author, editor = staff.get(Role.officer), staff.get(Role.editor)
    if not (author and editor and areas and topics):
        raise ValueError("the station needs areas, topics, an officer and an editor")
    created = datetime.combine(first - timedelta(days=30), time(), UTC)
    relay_rows = [{"area_id": a, "name": f"Cụm loa {i + 1} – khu {a}", "token_hash": f"{rng.getrandbits(256):064x}",
                   "token_prefix": "bench", "created_at": created} for a in areas for i in range(relays_per_area)]
    session.execute(insert(RelayPoint), relay_rows)
    relays = list(session.execute(select(RelayPoint.id, RelayPoint.area_id).join(Area)
                                  .where(Area.station_id == station.id)))
    sid0 = _next_id(session, Script.id)
    script_rows = []
    for n in range(scripts):
        day = first + timedelta(days=n * days // max(scripts, 1))
        title = rng.choice(TITLES).format(n=n + 1)
        script_rows.append({
            "id": sid0 + n, "station_id": station.id, "title": title, "body": title + ". Thưa bà con nhân dân!",
            "search_text": title.lower(), "topic_id": rng.choice(topics), "priority": rng.choice(
                ["normal"] * 8 + ["priority"]), "status": ScriptStatus.archived.value, "air_from": day,
            "air_until": day + timedelta(days=6), "airings_target": 3, "airings_done": 0, "author_id": author,
            "reviewed_by_id": editor, "version": 1, "revision": 1,
            "created_at": datetime.combine(day, time(), UTC), "updated_at": datetime.combine(day, time(), UTC)})
    session.execute(insert(Script), script_rows)
    pid0 = _next_id(session, Programme.id)
    programmes, airings, plays, faults = [], [], [], []
    cursor = 0
    for d in range(days):
        day = first + timedelta(days=d)
        for slot, at in SLOTS:
            pid = pid0 + len(programmes)
            starts = datetime.combine(day, at, zone).astimezone(UTC)
            items, offset = [], 8000
            for _ in range(items_per_programme):
                # walk the scripts in order, wrapping round: distinct within a programme
                sid = sid0 + cursor % scripts
                cursor += 1
                ms = rng.randint(60, 240) * 1000
                items.append({"kind": "script", "offset_ms": offset, "duration_ms": ms,
                              "title": script_rows[sid - sid0]["title"], "script_id": sid})
                airings.append({"script_id": sid, "programme_id": pid, "air_date": day, "slot_name": slot,
                                "aired_at": starts + timedelta(milliseconds=offset), "duration_ms": ms})
                offset += ms
            programmes.append({"id": pid, "station_id": station.id, "slot_name": slot, "air_date": day,
                               "area_key": 0, "starts_at": starts, "duration_ms": 1_800_000,
                               "status": ProgrammeStatus.aired.value, "is_emergency": False, "items": items,
                               "explanation": [], "plan_hash": "", "version": 1, "planned_at": starts})
            for rid, _area in relays:
                roll = rng.random()
                if roll < 0.05:
                    continue  # missed: nothing reported
                late = rng.randint(61, 600) * 1000 if roll < 0.09 else rng.randint(0, 4000)
                outcome = "failed" if roll < 0.06 else "completed"
                plays.append({"record_id": f"{pid}-{rid}-{rng.getrandbits(40):x}", "relay_point_id": rid,
                              "programme_id": pid, "started_at": starts + timedelta(milliseconds=late),
                              "ended_at": starts + timedelta(minutes=30), "outcome": outcome, "offset_ms": late,
                              "received_at": starts + timedelta(minutes=31)})
        if rng.random() < 0.05:
            rid = rng.choice(relays)[0]
            faults.append({"relay_point_id": rid, "category": rng.choice(["speaker", "power", "network"]),
                           "text": "Loa rè, mất tiếng ở đầu tổ dân phố", "details": {},
                           "created_at": datetime.combine(day, time(9), zone).astimezone(UTC)})
    for table, rows in ((Programme, programmes), (Airing, airings), (RelayPlay, plays), (RelayFault, faults)):
        for i in range(0, len(rows), 5000):
            session.execute(insert(table), rows[i:i + 5000])
    session.flush()
    return {"scripts": scripts, "programmes": len(programmes), "airings": len(airings), "relay_points": len(relays),
            "as_run_records": len(plays), "faults": len(faults)}
