"""What a script aired: its airings, each with how many relay points reported it played."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Airing, RelayPlay


@dataclass(frozen=True)
class AiringRow:
    air_date: date
    slot_name: str
    aired_at: datetime
    duration_ms: int
    relays_played: int


def script_airings(session: Session, script_id: int, limit: int = 500) -> list[AiringRow]:
    """The script's airings, newest first (area variants of one slot are one row)."""
    played = (select(RelayPlay.programme_id, func.count(func.distinct(RelayPlay.relay_point_id)).label("n"))
              .where(RelayPlay.outcome == "completed").group_by(RelayPlay.programme_id).subquery())
    rows = session.execute(
        select(Airing.air_date, Airing.slot_name, func.min(Airing.aired_at), func.max(Airing.duration_ms),
               func.coalesce(func.sum(played.c.n), 0))
        .outerjoin(played, played.c.programme_id == Airing.programme_id)
        .where(Airing.script_id == script_id)
        .group_by(Airing.air_date, Airing.slot_name)
        .order_by(Airing.air_date.desc(), func.min(Airing.aired_at).desc()).limit(limit)).all()
    return [AiringRow(d, s, at, ms, int(n)) for d, s, at, ms, n in rows]
