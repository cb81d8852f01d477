"""What the pages show that other issues will produce: programmes, airings, relay status.

Each function answers from the data that exists today and says so; the lead points them at
the scheduler, the as-run log and the relay heartbeats as those land. No fake data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Programme as ProgrammeRow
from app.models import ProgrammeStatus, RelayPoint, Script, ScriptStatus, Slot, User
from app.models.base import utcnow
from app.programmes.labels import item_label
from app.programmes.views import item_files
from app.scripts import service as script_service
from app.speech.audio import spoken_by_label

# Published on the portal once aired; a script withdrawn after airing stays off the portal.
PUBLIC_STATUSES = (ScriptStatus.approved, ScriptStatus.archived)


@dataclass(frozen=True)
class ProgrammeItem:
    title: str
    seconds: int
    kind: str = "speech"
    file_url: str | None = None  # the item's own rendered file
    spoken_by: str | None = None  # engines and voices that spoke it, with the voices' credits
    fell_back: bool = False  # an engine lower than the station's first choice had to stand in
    spoken: str | None = None  # what a rendered script item said (numbers, abbreviations read out)


@dataclass(frozen=True)
class Programme:
    """One slot's programme on one day, as the scheduler will produce it."""

    slot_name: str
    slot_label: str
    starts_at: datetime
    length_seconds: int
    status: str
    items: list[ProgrammeItem] = field(default_factory=list)
    audio_url: str | None = None
    playlist_url: str | None = None
    cue_url: str | None = None
    explanation: list[str] = field(default_factory=list)

    @property
    def filled_seconds(self) -> int:
        return sum(i.seconds for i in self.items)


# Not worth a line: placed items are listed anyway, and naming another area's scripts would show
# a leader what was meant for the neighbours (and say nothing useful).
QUIET_REASONS = ("placed", "area_not_targeted")


def shown_status(programme: ProgrammeRow, now: datetime) -> str:
    """The status as a listener would give it: a programme whose hour has come and gone not yet
    marked aired is on air, not "locked, about to air"."""
    ends_at = programme.starts_at + timedelta(milliseconds=programme.duration_ms)
    if programme.status in _NOT_YET_AIRED and programme.starts_at <= now < ends_at:
        return "on_air"
    return programme.status.value


_NOT_YET_AIRED = (ProgrammeStatus.provisional, ProgrammeStatus.planned, ProgrammeStatus.rendered,
                  ProgrammeStatus.locked)


def programmes_for(session: Session, user: User, station_id: int, area_id: int | None,
                   day: date) -> list[Programme]:
    """The station's programmes on a local day that the user may see, as the area hears them
    (area None: every variant)."""
    from app.programmes import service as programmes

    slots = {s.name: s.label for s in slots_of(session, station_id)}
    areas = programmes.areas_of(session, station_id)
    rows = programmes.list_for(session, station_id, day, day, area_id, user=user)
    now = utcnow()
    # Area variants with the same plan are shown once, naming the areas they serve.
    served: dict[tuple[str, str], list[str]] = {}
    for p in rows:
        if p.area_key:
            served.setdefault((p.slot_name, p.plan_hash), []).append(str(areas.get(p.area_key, p.area_key)))
    out = []
    shown: set[tuple[str, str]] = set()
    for p in rows:
        label = slots.get(p.slot_name, "Khẩn cấp" if p.is_emergency else p.slot_name)
        if area_id is None and p.area_key:
            key = (p.slot_name, p.plan_hash)
            if key in shown:
                continue
            shown.add(key)
            label = f"{label} — {', '.join(served[key])}"
        base = f"/app/programmes/{p.id}"
        files = {f.index: f"{base}/items/{f.file_name}" for f in item_files(p)}
        items = [ProgrammeItem(title=item_label(i), seconds=round(i["duration_ms"] / 1000), kind=i["kind"],
                               file_url=files.get(index),
                               spoken_by=spoken_by_label(i["spoken_by"]) if i.get("spoken_by") else None,
                               fell_back=bool(i.get("fell_back")),
                               spoken=i.get("spoken") if i["kind"] == "script" and p.audio_key else None)
                 for index, i in enumerate(p.items) if i["kind"] != "gap"]
        out.append(Programme(
            slot_name=p.slot_name, slot_label=label, starts_at=p.starts_at,
            length_seconds=max(1, round(p.duration_ms / 1000)), status=shown_status(p, now), items=items,
            audio_url=f"{base}/audio.mp3" if p.audio_key else None,
            playlist_url=f"{base}/playlist.m3u8" if p.cue_key else None,
            cue_url=f"{base}/cue.json" if p.cue_key else None,
            # What was left out, and why; scripts meant for other areas are no news to this one.
            explanation=[f"{e.get('title', '')}: {e.get('message_vi', '')}" for e in p.explanation
                         if e.get("code") not in QUIET_REASONS],
        ))
    return out


@dataclass(frozen=True)
class AiredScript:
    script: Script
    last_aired_at: datetime


def aired_scripts(session: Session, station_id: int, *, limit: int = 50) -> list[AiredScript]:
    """The station's aired scripts (from the airings the post-air job records), newest first."""
    from sqlalchemy import func

    from app.models import Airing

    last = (select(Airing.script_id, func.max(Airing.aired_at).label("last"))
            .group_by(Airing.script_id).subquery())
    stmt = (
        script_service.query(station_id=station_id)
        .join(last, last.c.script_id == Script.id)
        .where(Script.status.in_(PUBLIC_STATUSES))
        .order_by(None)
        .order_by(last.c.last.desc(), Script.id.desc())
        .add_columns(last.c.last)
        .limit(limit)
    )
    # max() keeps the column's type: the times come back aware, in UTC
    return [AiredScript(script, aired_at) for script, aired_at in session.execute(stmt)]


def aired_script(session: Session, station_id: int, script_id: int) -> AiredScript | None:
    """One aired script of the station, or None when it was never aired or is not public."""
    script = session.get(Script, script_id)
    if script is None or script.station_id != station_id:
        return None
    found = [a for a in aired_scripts(session, station_id, limit=1000) if a.script.id == script_id]
    return found[0] if found else None


def scripts_for_area_day(session: Session, user: User, station_id: int, area_id: int, day: date) -> list[Script]:
    """Approved scripts that may air in this area on this day (no target areas = every area)."""
    stmt = script_service.query(visible_to=user, station_id=station_id, status=ScriptStatus.approved,
                                air_date=day)
    scripts = [s for s in session.scalars(stmt) if not s.areas or any(a.id == area_id for a in s.areas)]
    order = {"emergency": 0, "priority": 1, "normal": 2}
    return sorted(scripts, key=lambda s: (order[s.priority.value], s.approved_at or s.created_at))


def slots_of(session: Session, station_id: int) -> list[Slot]:
    return list(session.scalars(select(Slot).where(Slot.station_id == station_id).order_by(Slot.start_time)))


@dataclass(frozen=True)
class RelayFaultRow:
    id: int
    category: str
    text: str
    reported: str


@dataclass(frozen=True)
class RelayRow:
    relay: RelayPoint
    area_name: str
    state: str  # "green", "amber", "red"
    last_played: str | None = None
    missed: int | None = None
    faults: int | None = None
    last_error: str | None = None
    cached_until: str | None = None
    open_faults: list[RelayFaultRow] = field(default_factory=list)
    flagged: bool = False


def relay_board(session: Session, station_id: int, *, now: datetime | None = None) -> list[RelayRow]:
    """The relay points of a station, green/amber/red, from the relay status service."""
    from zoneinfo import ZoneInfo

    from app.models import Station
    from app.relays import status

    zone = ZoneInfo(session.get(Station, station_id).timezone)  # type: ignore[union-attr]

    def local(value: datetime | None) -> str | None:
        return value.astimezone(zone).strftime("%H:%M %d/%m") if value else None

    rows = []
    for st in status.board(session, station_id, now=now):
        faults = [RelayFaultRow(int(str(f["id"])), str(f["category"]), str(f["text"]),
                                local(datetime.fromisoformat(str(f["created_at"]))) or "")
                  for f in st.open_faults]
        relay = session.get(RelayPoint, st.id)  # loaded by the board already: no query
        assert relay is not None
        rows.append(RelayRow(relay, st.area_name, st.health, local(st.last_played_at),
                             len(st.missed_programme_ids), len(st.open_faults), st.last_error,
                             local(st.cached_until), faults, st.flagged))
    return rows
