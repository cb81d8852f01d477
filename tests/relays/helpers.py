"""A station with one short slot, rendered by the real services, and relay points with tokens."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.jobs import prepare_and_render
from app.models import Programme, ScriptStatus
from tests.fixtures.builders import World, auth, create_script

SLOT_SECONDS = 120


@dataclass
class Aired:
    """What the tests of the relay routes start from."""

    slot_start: datetime
    tokens: dict[str, str]  # relay name -> token
    relay_ids: dict[str, int]


def short_slot(client: TestClient, world: World, starts_in: timedelta, seconds: int = SLOT_SECONDS) -> datetime:
    """Replace the default 30-minute slots by one short slot starting `starts_in` from now."""
    admin = auth(world.users["admin"])
    detail = client.get(f"/api/v1/stations/{world.station.id}", headers=admin).json()
    for slot in detail["slots"]:
        assert client.delete(f"/api/v1/slots/{slot['id']}", headers=admin).status_code == 204
    # whole minutes: slots start on the minute
    start = (datetime.now(UTC) + starts_in).replace(second=0, microsecond=0)
    local = start.astimezone(ZoneInfo(world.station.timezone))
    answer = client.post(f"/api/v1/stations/{world.station.id}/slots", headers=admin,
                         json={"name": "thu", "label": "Thử", "start_time": local.strftime("%H:%M"),
                               "length_seconds": seconds})
    assert answer.status_code == 201, answer.text
    return start


def add_relay(client: TestClient, world: World, area_index: int, name: str) -> tuple[int, str]:
    """A relay point of an area, created by the admin API: (id, token)."""
    answer = client.post(f"/api/v1/areas/{world.areas[area_index].id}/relay-points",
                         headers=auth(world.users["admin"]), json={"name": name})
    assert answer.status_code == 201, answer.text
    return answer.json()["id"], answer.json()["token"]


def render_soon(session: Session, world: World, until: datetime) -> list[Programme]:
    """Speak the approved scripts, plan, render what airs before `until` (the real services)."""
    prepare_and_render(session, world.station.id, until=until)
    session.commit()
    return list(session.scalars(select(Programme).where(
        Programme.station_id == world.station.id, Programme.starts_at < until,
        Programme.is_emergency.is_(False)).order_by(Programme.area_key)))


def approved_scripts(session: Session, world: World, *, area_only: int | None = None) -> None:
    """One station-wide approved script, and optionally one for a single area."""
    create_script(session, world, status=ScriptStatus.approved,
                  title="Tuyên truyền phòng chống sốt xuất huyết")
    if area_only is not None:
        create_script(session, world, status=ScriptStatus.approved, title="Thu gom rác thải tại Khu 1",
                      area_ids=[world.areas[area_only].id])
