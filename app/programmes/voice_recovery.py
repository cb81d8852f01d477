"""When a better engine comes back, speech that fell back and has not aired is made again.

A station online a few minutes a day still airs its first-choice voice: the render-ahead job
asks, before its normal work, whether an engine above the one that spoke answers now; if so,
the scripts spoken by a lower engine are spoken again (their speech is marked outdated) and
the programmes not yet locked whose speech fell back are rendered again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Programme, Script, Station
from app.programmes import inputs, respeak
from app.programmes.respeak import OPEN
from app.speech.audio import engine_order, speech_service, voice_of
from scheduler.slots import LOCK_LEAD


def engines_in(spoken_by: str) -> set[str]:
    """"neural:vi_VN-x+espeak:vi" → {"neural", "espeak"}."""
    return {part.split(":", 1)[0] for part in spoken_by.split("+") if part}


def worst_rank(order: list[str], spoken_by: str) -> int:
    """The position in the order of the lowest engine that spoke."""
    ranks = [order.index(name) for name in engines_in(spoken_by) if name in order]
    return max(ranks, default=len(order) - 1)


@dataclass
class Fallbacks:
    """Speech of one station made by an engine lower than its first choice."""

    station_id: int
    order: list[str]
    scripts: dict[int, int] = field(default_factory=dict)  # script id → worst rank
    programmes: dict[int, int] = field(default_factory=dict)  # programme id → worst rank

    @property
    def best_needed(self) -> int:
        """Engines ranked below this cannot improve anything."""
        return max([*self.scripts.values(), *self.programmes.values()], default=0)


def fallbacks(session: Session, station: Station, first: date, last: date, now: datetime,
              until: datetime) -> Fallbacks:
    """What fell back among approved scripts airing in [first, last] and open programmes before `until`."""
    order = engine_order(station)
    found = Fallbacks(station.id, order)
    for script in inputs.approved_scripts(session, station.id, first, last):
        if script.recording_id is None and script.speech_key and script.speech_engine:
            rank = worst_rank(order, script.speech_engine)
            if rank > 0:
                found.scripts[script.id] = rank
    for programme in session.scalars(select(Programme).where(
            Programme.station_id == station.id, Programme.is_emergency.is_(False),
            Programme.status.in_(OPEN), Programme.starts_at > now + LOCK_LEAD, Programme.starts_at < until)):
        ranks = [worst_rank(order, item["spoken_by"]) for item in programme.items
                 if item.get("fell_back") and item.get("spoken_by")]
        if ranks:
            found.programmes[programme.id] = max(ranks)
    return found


def best_answering(station: Station, found: Fallbacks) -> int | None:
    """The rank of the best engine that answers now, if it beats some fallback (no database)."""
    voice = voice_of(station)
    for rank, engine in enumerate(found.order[: found.best_needed]):
        if speech_service().answers(engine, voice):
            return rank
    return None


def redo(session: Session, found: Fallbacks, rank: int, now: datetime) -> int:
    """Mark what a better engine can now improve as outdated; answers how many things."""
    count = 0
    for script_id, worst in found.scripts.items():
        script = session.get(Script, script_id)
        if script is not None and worst > rank:
            script.speech_hash = None  # the render-ahead job speaks it again, then re-plans
            count += 1
    for programme_id, worst in found.programmes.items():
        programme = session.get(Programme, programme_id)
        if (programme is None or worst <= rank or programme.status not in OPEN
                or programme.starts_at <= now + LOCK_LEAD):
            continue
        respeak.drop_audio(programme)
        count += 1
    session.flush()
    return count

