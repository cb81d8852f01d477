"""Relay polls answered from memory: no query for an unchanged schedule, an ETag that moves only
with the schedule's content, a revoked token refused at once, and (PostgreSQL) another process's
change pushed by NOTIFY."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event, text
from sqlalchemy.orm import Session

from app.models import Programme, ProgrammeStatus, Station
from app.relays import poll_cache, routes, unchanged_polls
from app.relays.version_listener import VersionListener
from tests.conftest import POSTGRES_URL
from tests.fixtures.builders import World, auth
from tests.relays.helpers import add_relay

SCHEDULE = "/api/v1/relay/schedule"
ROOT = Path(__file__).resolve().parents[2]


class Clock(datetime):
    """The schedule route's clock, set by the test (the content it answers depends on the time)."""

    current = datetime(2026, 12, 1, 1, 2, tzinfo=UTC)

    @classmethod
    def now(cls, tz: Any = None) -> datetime:  # noqa: ARG003 — the route asks in UTC
        return cls.current


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> type[Clock]:
    monkeypatch.setattr(routes, "datetime", Clock)
    monkeypatch.setattr(unchanged_polls, "datetime", Clock)  # the 304 answered before routing
    # No wall clock in these tests: the fallback re-read of the versions never comes due.
    monkeypatch.setattr(poll_cache, "VERSION_TTL", 3600.0)
    return Clock


def add_programme(session: Session, world: World, starts_at: datetime, slot: str = "sang") -> Programme:
    programme = Programme(station_id=world.station.id, slot_name=slot, air_date=starts_at.date(),
                          starts_at=starts_at, duration_ms=1_800_000, status=ProgrammeStatus.provisional,
                          items=[], explanation=[])
    session.add(programme)
    session.flush()
    return programme


def poll(client: TestClient, token: str, etag: str | None = None, hours: int = 48) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} | ({"If-None-Match": etag} if etag else {})
    return client.get(SCHEDULE, params={"hours": hours}, headers=headers)


@pytest.fixture
def statements(engine: Engine) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    yield seen
    event.remove(engine, "before_cursor_execute", count)


def test_an_unchanged_schedule_costs_no_query(
        client: TestClient, session: Session, world: World, clock: type[Clock], statements: list[str]) -> None:
    add_programme(session, world, clock.current + timedelta(hours=2))
    _, token = add_relay(client, world, 0, "Cụm loa chợ")
    first = poll(client, token)
    assert first.status_code == 200
    assert len(first.json()["programmes"]) == 1

    statements.clear()
    again = poll(client, token, first.headers["ETag"])
    assert again.status_code == 304
    assert statements == []


def test_etag_holds_across_quarter_hours_and_moves_when_a_programme_enters_the_window(
        client: TestClient, session: Session, world: World, clock: type[Clock]) -> None:
    start = clock.current
    add_programme(session, world, start + timedelta(hours=2))
    later = add_programme(session, world, start + timedelta(hours=49), slot="chieu")
    _, token = add_relay(client, world, 0, "Cụm loa chợ")
    first = poll(client, token)
    assert len(first.json()["programmes"]) == 1
    assert later.id not in [p["id"] for p in first.json()["programmes"]]
    etag = first.headers["ETag"]

    for minutes in (14, 15, 16, 31, 46, 59):  # across several quarter-hours: nothing entered
        clock.current = start + timedelta(minutes=minutes)
        assert poll(client, token, etag).status_code == 304, minutes

    clock.current = start + timedelta(hours=1, minutes=1)  # the 49-hour programme is now 48 h away
    entered = poll(client, token, etag)
    assert entered.status_code == 200
    assert later.id in [p["id"] for p in entered.json()["programmes"]]
    assert entered.headers["ETag"] != etag
    assert poll(client, token, entered.headers["ETag"]).status_code == 304


def test_etag_moves_when_a_programme_has_aired_and_leaves_the_window(
        client: TestClient, session: Session, world: World, clock: type[Clock]) -> None:
    add_programme(session, world, clock.current + timedelta(hours=1))
    _, token = add_relay(client, world, 0, "Cụm loa chợ")
    first = poll(client, token)
    clock.current += timedelta(hours=1, minutes=29)  # still airing
    assert poll(client, token, first.headers["ETag"]).status_code == 304
    clock.current += timedelta(minutes=2)  # aired
    gone = poll(client, token, first.headers["ETag"])
    assert gone.status_code == 200
    assert gone.json()["programmes"] == []


def test_a_revoked_token_is_refused_on_its_next_poll(
        client: TestClient, session: Session, world: World, clock: type[Clock]) -> None:
    add_programme(session, world, clock.current + timedelta(hours=2))
    relay_id, token = add_relay(client, world, 0, "Cụm loa chợ")
    _, other = add_relay(client, world, 0, "Cụm loa trường")
    etag = poll(client, token).headers["ETag"]
    other_etag = poll(client, other).headers["ETag"]
    assert poll(client, token, etag).status_code == 304  # answered from memory

    assert client.post(f"/api/v1/relay-points/{relay_id}/revoke",
                       headers=auth(world.users["admin"])).status_code == 200
    refused = poll(client, token, etag)
    assert (refused.status_code, refused.json()["error"]) == (401, "RelayTokenRevoked")
    # the other relay point of the station is not disturbed: same content, same tag
    assert poll(client, other, other_etag).status_code == 304


def test_a_heartbeat_does_not_change_the_tag_but_renaming_the_area_does(
        client: TestClient, session: Session, world: World, clock: type[Clock]) -> None:
    add_programme(session, world, clock.current + timedelta(hours=2))
    _, token = add_relay(client, world, 0, "Cụm loa chợ")
    etag = poll(client, token).headers["ETag"]
    beat = client.post("/api/v1/relay/heartbeat", headers={"Authorization": f"Bearer {token}"},
                       json={"agent_version": "1.0", "state": "idle"})
    assert beat.status_code == 204, beat.text
    assert poll(client, token, etag).status_code == 304

    renamed = client.patch(f"/api/v1/areas/{world.areas[0].id}", headers=auth(world.users["admin"]),
                           json={"name": "Tổ dân phố 1 mới"})
    assert renamed.status_code == 200, renamed.text
    after = poll(client, token, etag)
    assert after.status_code == 200
    assert after.json()["relay_point"]["area_name"] == "Tổ dân phố 1 mới"


@pytest.mark.skipif(not POSTGRES_URL, reason="NOTIFY needs PostgreSQL (set LOA_TEST_POSTGRES_URL)")
@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)  # not run on SQLite at all
def test_a_change_committed_by_another_process_reaches_the_cache_through_notify(engine: Engine) -> None:
    assert engine.dialect.name == "postgresql"
    assert POSTGRES_URL
    with engine.connect() as conn:
        schema = conn.scalar(text("SELECT current_schema()"))
    options = {"options": f"-csearch_path={schema}"}
    poll_cache.clear()
    listener = VersionListener(POSTGRES_URL, connect_args=options).start()
    station_id = None
    try:
        assert listener.connected.wait(30)
        with Session(engine) as session:
            station = Station(name="Phường thử NOTIFY")
            session.add(station)
            session.commit()
            station_id, version = station.id, station.schedule_version
        # Another process (another API replica, the command line) changes what relays are told.
        subprocess.run([sys.executable, "-c", CHANGE_ZONE, POSTGRES_URL, str(schema), str(station_id)],
                       check=True, cwd=ROOT, timeout=120)
        deadline = time.monotonic() + 30  # waits for the delivery; asserts no speed
        while poll_cache.known_version(station_id) != version + 1 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert poll_cache.known_version(station_id) == version + 1
    finally:
        listener.stop()
        if station_id is not None:
            with engine.begin() as conn:
                conn.execute(text("DELETE FROM stations WHERE id = :id"), {"id": station_id})
        poll_cache.clear()


CHANGE_ZONE = """
import sys
from sqlalchemy.orm import Session
from app.db import make_engine
from app.models import Station
url, schema, station_id = sys.argv[1:]
engine = make_engine(url, connect_args={"options": f"-csearch_path={schema}"})
with Session(engine) as session:
    session.get(Station, int(station_id)).timezone = "Asia/Bangkok"
    session.commit()
"""
