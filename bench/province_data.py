"""A province's data for the benchmarks: stations with areas, users and approved scripts.

Rows are written through the ORM in bulk (the services' audit and checks would make the set-up,
not the thing measured, take most of the time); each station is made by the stations service,
so it has its default slots and topics exactly as `loa` makes them.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Priority, Role, Script, ScriptStatus, Topic, User
from app.stations import service as stations
from app.stations.schemas import StationCreate

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "audio" / "fixtures" / "seed_corpus.txt"
WORDS_PER_SCRIPT = 110  # about 50 s of speech at 125 words per minute


def _words() -> list[str]:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    return " ".join(line.strip("*-# ") for line in lines if line.strip()).split()


def bodies(count: int, rnd: random.Random) -> list[str]:
    """`count` different script bodies cut from the seed documents."""
    words = _words()
    out = []
    for _ in range(count):
        start = rnd.randrange(max(1, len(words) - WORDS_PER_SCRIPT))
        out.append(" ".join(words[start:start + WORDS_PER_SCRIPT]))
    return out


def add_station(session: Session, number: int, areas: int, scripts: int, today: date,
                rnd: random.Random) -> int:
    """One ward station: `areas` areas, an officer and an editor, `scripts` approved scripts whose
    air windows spread over the fortnight around `today` (a few for one area, a few priority)."""
    station = stations.create(session, StationCreate(name=f"Đài truyền thanh phường {number:03d}"), actor=None)
    area_rows = [stations.add_area(session, station, f"Tổ dân phố {i + 1}", actor=None) for i in range(areas)]
    officer = User(username=f"canbo{number:03d}", password_hash="!", role=Role.officer, station_id=station.id)
    editor = User(username=f"bientap{number:03d}", password_hash="!", role=Role.editor, station_id=station.id)
    session.add_all([officer, editor])
    session.flush()
    topics = list(session.scalars(select(Topic.id).where(Topic.station_id == station.id)))
    approved = datetime.now(UTC) - timedelta(days=1)
    for n, body in enumerate(bodies(scripts, rnd)):
        air_from = today + timedelta(days=rnd.randint(-7, 6))
        script = Script(
            station_id=station.id, title=f"Tin số {n + 1} của phường {number:03d}", body=body,
            search_text=body.lower(), topic_id=rnd.choice(topics),
            priority=Priority.priority if rnd.random() < 0.05 else Priority.normal,
            status=ScriptStatus.approved, air_from=air_from, air_until=air_from + timedelta(days=rnd.randint(3, 14)),
            airings_target=rnd.randint(1, 3), author_id=officer.id, reviewed_by_id=editor.id,
            reviewed_at=approved, approved_at=approved + timedelta(seconds=n))
        if rnd.random() < 0.1:
            script.areas = [rnd.choice(area_rows)]
        session.add(script)
    session.flush()
    return station.id


def province(session: Session, count: int, areas: int, scripts: int, today: date, seed: int = 15) -> list[int]:
    """`count` stations; answers their ids. Commits after each station."""
    rnd = random.Random(seed)
    ids = []
    for number in range(1, count + 1):
        ids.append(add_station(session, number, areas, scripts, today, rnd))
        session.commit()
    return ids
