"""A bulletin sent down with the job queue on (PostgreSQL): the send request only queues one
`deliver_bulletin` job per station, emergencies at the queue's highest priority, and a worker
run delivers them; a delivery run again delivers nothing more."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient
from procrastinate import PsycopgConnector
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

import app.db as db
from app import jobs, queue_tasks
from app.config import get_settings
from app.db import make_engine
from app.main import create_app
from app.migrate import upgrade
from app.models import BulletinDelivery, DeliveryState, Emergency, Programme
from tests.fixtures.builders import World, create_station, create_user
from tests.fixtures.live_server import postgres_schema
from tests.organisations.helpers import Province, approved_bulletin, build_province, relay

POSTGRES_URL = os.environ.get("LOA_TEST_POSTGRES_URL")
pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="the job queue runs on PostgreSQL only: "
                                "set LOA_TEST_POSTGRES_URL")


@dataclass
class Queued:
    engine: Engine
    client: TestClient
    province: Province

    def jobs(self) -> list[tuple[str, int, str, dict[str, int], str]]:
        with self.engine.connect() as conn:
            return [(r[0], r[1], r[2], r[3], r[4]) for r in conn.execute(text(
                "SELECT task_name, priority, lock, args, status::text FROM procrastinate_jobs ORDER BY id"))]

    def run_worker(self) -> None:
        """What `loa worker` does, until the queue is empty."""
        worker = queue_tasks.queue_app().with_connector(
            PsycopgConnector(conninfo=queue_tasks.conninfo(get_settings().sqlalchemy_url)))
        worker.run_worker(wait=False, concurrency=1, listen_notify=False, delete_jobs="never")

    def count(self, model: type) -> int:
        with Session(self.engine) as session:
            return int(session.scalar(select(func.count()).select_from(model)) or 0)


@pytest.fixture
def queued(monkeypatch: pytest.MonkeyPatch) -> Iterator[Queued]:
    yield from _installation(monkeypatch, queue_tables=True)


@pytest.fixture
def queue_tables_missing(monkeypatch: pytest.MonkeyPatch) -> Iterator[Queued]:
    """LOA_QUEUE=procrastinate on a database whose queue tables were never made (`loa db upgrade` not run)."""
    yield from _installation(monkeypatch, queue_tables=False)


def _installation(monkeypatch: pytest.MonkeyPatch, *, queue_tables: bool) -> Iterator[Queued]:
    assert POSTGRES_URL
    saved = (db._engine, db._factory, db._background_factory)
    with postgres_schema(POSTGRES_URL) as env:
        engine = make_engine(env["LOA_DATABASE_URL"])
        upgrade(engine)
        if queue_tables:
            with engine.begin() as conn:
                assert queue_tasks.apply_schema(conn)
        monkeypatch.setenv("LOA_DATABASE_URL", env["LOA_DATABASE_URL"])
        monkeypatch.setenv("LOA_QUEUE", "procrastinate")
        get_settings.cache_clear()
        db.set_engine(engine)
        try:
            with Session(engine, expire_on_commit=False) as session:
                station, areas = create_station(session)
                ward = World(station, areas, {"editor": create_user(session, "editor", "editor", station)})
                session.commit()
                province = build_province(session, ward)
                third, _ = create_station(session, "Đài truyền thanh phường Bãi Cháy", ("Khu 5",))
                third.organisation_id = province.province.id
                session.commit()
            with TestClient(create_app()) as client:
                yield Queued(engine, client, province)
        finally:
            db._engine, db._factory, db._background_factory = saved
            monkeypatch.undo()
            get_settings.cache_clear()
            engine.dispose()


def _stations(q: Queued, bulletin_id: int) -> dict[int, str]:
    r = q.client.get(f"/api/v1/bulletins/{bulletin_id}/stations", headers=q.province.h("tinh_bientap"))
    assert r.status_code == 200, r.text
    return {row["station_id"]: row["status"] for row in r.json()}


def test_an_emergency_to_three_wards_is_three_jobs_that_a_worker_delivers_once(queued: Queued) -> None:
    q, p = queued, queued.province
    with Session(q.engine) as session:
        ids = list(session.scalars(text("SELECT id FROM stations WHERE organisation_id IS NOT NULL ORDER BY id")))
        poll = relay(session, p.ward.areas[0], "Cụm loa Khu 1")
    assert len(ids) == 3
    bulletin = approved_bulletin(q.client, p, level="emergency", title="Khẩn cấp: sạt lở đất")
    r = q.client.post(f"/api/v1/bulletins/{bulletin['id']}/send", headers=p.h("tinh_bientap"),
                      json={"stations": [{"station_id": i} for i in ids]})
    assert r.status_code == 200, r.text
    # the request did no station's work: every station shows "queued", nothing is on the air yet
    assert {row["station_id"]: row["status"] for row in r.json()} == dict.fromkeys(ids, "queued")
    assert q.count(Emergency) == 0
    assert q.client.get("/api/v1/relay/schedule", headers=poll).json()["emergency"] is None
    jobs_before = q.jobs()
    assert [(name, prio, status) for name, prio, _, _, status in jobs_before] == \
        [("loa:deliver_bulletin", queue_tasks.EMERGENCY_PRIORITY, "todo")] * 3
    assert len({lock for _, _, lock, _, _ in jobs_before}) == 3  # one lock per station

    q.run_worker()
    assert [status for *_, status in q.jobs()] == ["succeeded"] * 3
    assert _stations(q, bulletin["id"]) == dict.fromkeys(ids, "on_air")
    assert q.count(Emergency) == 3
    heard = q.client.get("/api/v1/relay/schedule", headers=poll).json()["emergency"]
    assert heard["title"] == "Khẩn cấp: sạt lở đất"

    # the same delivery run again, by a retried job or straight as the worker calls it: nothing more
    with Session(q.engine) as session:
        delivery_id = session.scalar(select(BulletinDelivery.id).where(BulletinDelivery.station_id == ids[0]))
        assert delivery_id is not None
    with q.engine.begin() as conn:
        queue_tasks.defer_in(conn, "deliver_bulletin", lock=f"deliveries:station:{ids[0]}",
                             priority=queue_tasks.EMERGENCY_PRIORITY, delivery_id=delivery_id)
    q.run_worker()
    jobs.deliver_bulletin(delivery_id)
    assert [status for *_, status in q.jobs()] == ["succeeded"] * 4
    assert q.count(Emergency) == 3
    with Session(q.engine) as session:
        assert session.scalar(select(func.count()).select_from(Programme).where(
            Programme.is_emergency.is_(True))) == 3
        states = set(session.scalars(select(BulletinDelivery.state)))
    assert states == {DeliveryState.accepted}


def test_a_send_without_the_queue_tables_says_what_to_run_and_keeps_the_bulletin(
        queue_tables_missing: Queued) -> None:
    q, p = queue_tables_missing, queue_tables_missing.province
    bulletin = approved_bulletin(q.client, p, level="emergency")
    r = q.client.post(f"/api/v1/bulletins/{bulletin['id']}/send", headers=p.h("tinh_bientap"),
                      json={"stations": [{"station_id": p.ward.station.id}]})
    assert r.status_code == 503, r.text
    assert r.json()["error"] == "ServiceUnavailable"
    assert "loa db upgrade" in r.json()["detail"]
    assert q.count(BulletinDelivery) == 0
    assert q.count(Emergency) == 0
    again = q.client.get(f"/api/v1/bulletins/{bulletin['id']}", headers=p.h("tinh_bientap"))
    assert again.status_code == 200
    assert again.json()["status"] == bulletin["status"]  # still approved: sent again once the queue is fixed


def test_a_bulletin_stopped_before_its_jobs_ran_delivers_nothing(queued: Queued) -> None:
    q, p = queued, queued.province
    bulletin = approved_bulletin(q.client, p, level="priority")
    r = q.client.post(f"/api/v1/bulletins/{bulletin['id']}/send", headers=p.h("tinh_bientap"),
                      json={"stations": [{"station_id": p.ward.station.id}, {"station_id": p.ward_b.id}]})
    assert r.status_code == 200, r.text
    assert [(name, prio) for name, prio, *_ in q.jobs()] == \
        [("loa:deliver_bulletin", queue_tasks.BULLETIN_PRIORITY)] * 2
    assert q.client.post(f"/api/v1/bulletins/{bulletin['id']}/stop", headers=p.h("tinh_lanhdao")).status_code == 200
    q.run_worker()
    assert set(_stations(q, bulletin["id"]).values()) == {"stopped"}
    with Session(q.engine) as session:
        assert list(session.scalars(select(BulletinDelivery.script_id))) == [None, None]
