"""A month with known as-run reports: three morning programmes, two relay points, one late
start, programmes missed, and a fault (October 2026, Hà Tu)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    Airing,
    Programme,
    ProgrammeStatus,
    Recording,
    RelayFault,
    RelayPlay,
    RelayPoint,
    Script,
    ScriptStatus,
    Topic,
)
from tests.fixtures.builders import World, create_script

MIN = 60_000
# 06:30 in Hà Nội is 23:30 UTC the day before
DAYS = (date(2026, 10, 5), date(2026, 10, 6), date(2026, 10, 7))


@dataclass
class Scenario:
    world: World
    scripts: dict[str, Script]
    programmes: list[Programme]
    relays: list[RelayPoint]


def _starts(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 6, 30, tzinfo=UTC) - timedelta(hours=7)


def _approved(session: Session, world: World, title: str, topic: str, **fields: object) -> Script:
    script = create_script(session, world, status=ScriptStatus.approved, title=title, topic=topic, **fields)
    script.air_from, script.air_until = DAYS[0], DAYS[-1]  # written back in time: it aired in October
    return script


def _play(session: Session, relay: RelayPoint, programme: Programme, outcome: str, offset_ms: int = 0) -> None:
    started = programme.starts_at + timedelta(milliseconds=offset_ms)
    session.add(RelayPlay(record_id=f"r{relay.id}-p{programme.id}-{outcome}", relay_point_id=relay.id,
                          programme_id=programme.id, started_at=started,
                          ended_at=programme.starts_at + timedelta(minutes=30), outcome=outcome,
                          reason="player: no audio device" if outcome == "failed" else None, offset_ms=offset_ms))


def build(session: Session, world: World) -> Scenario:
    s1 = _approved(session, world, "Kỷ niệm 80 năm Ngày Quốc khánh 2/9", "thoi-su")
    s2 = _approved(session, world, "Thông báo lịch tiêm vắc-xin sởi", "y-te")
    from app.models import Priority

    s2.priority = Priority.priority
    recording = Recording(station_id=world.station.id, title="Phỏng vấn Chủ tịch UBND phường", filename="pv.mp3",
                          original_key="a" * 64 + ".mp3", audio_key="b" * 64 + ".wav", duration_ms=4 * MIN,
                          size_bytes=1000)
    session.add(recording)
    session.flush()
    s3 = _approved(session, world, "Phỏng vấn: phòng chống thiên tai mùa mưa bão", "moi-truong")
    s3.recording_id = recording.id
    lengths = {s1.id: 3 * MIN, s2.id: 2 * MIN, s3.id: 4 * MIN}
    plan = [(DAYS[0], [s1, s2]), (DAYS[1], [s1]), (DAYS[2], [s2, s3])]
    programmes = []
    for day, scripts in plan:
        items, offset = [], 5000
        for s in scripts:
            items.append({"kind": "script", "offset_ms": offset, "duration_ms": lengths[s.id], "title": s.title,
                          "script_id": s.id})
            offset += lengths[s.id]
        p = Programme(station_id=world.station.id, slot_name="morning", air_date=day, area_key=0,
                      starts_at=_starts(day), duration_ms=30 * MIN, status=ProgrammeStatus.aired, items=items)
        session.add(p)
        session.flush()
        for item in items:
            session.add(Airing(script_id=item["script_id"], programme_id=p.id, air_date=day, slot_name="morning",
                               aired_at=p.starts_at + timedelta(milliseconds=item["offset_ms"]),
                               duration_ms=item["duration_ms"]))
        programmes.append(p)
    created = datetime(2026, 9, 1, tzinfo=UTC)
    r1 = RelayPoint(area_id=world.areas[0].id, name="Cụm loa chợ Hà Tu", token_hash="1" * 64, token_prefix="t1",
                    created_at=created)
    r2 = RelayPoint(area_id=world.areas[1].id, name="Cụm loa tổ 5", token_hash="2" * 64, token_prefix="t2",
                    created_at=created)
    session.add_all([r1, r2])
    session.flush()
    _play(session, r1, programmes[0], "completed")
    _play(session, r2, programmes[0], "completed", offset_ms=5 * MIN)  # 5 minutes late
    _play(session, r1, programmes[1], "completed", offset_ms=2000)
    _play(session, r2, programmes[1], "failed")  # missed
    # the third programme: nobody reported playing it
    session.add(RelayFault(relay_point_id=r2.id, category="power", text="Mất điện cả tổ 5 từ 6 giờ sáng",
                           created_at=_starts(DAYS[1]) + timedelta(hours=1)))
    session.commit()
    return Scenario(world, {"s1": s1, "s2": s2, "s3": s3}, programmes, [r1, r2])


def topic_name(session: Session, world: World, code: str) -> str:
    return str(session.scalar(select(Topic.name).where(Topic.station_id == world.station.id, Topic.code == code)))
