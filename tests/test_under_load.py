"""The server keeps answering under load: reads take no write lock, a sign-in holds no
connection while it hashes, a full gate answers 503 at once, /healthz and the scheduler's lease
are never starved. On a real SQLite file and the real session dependency (no test session)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app import db, leases
from app.auth import service as auth_service
from app.auth.security import verify_password
from app.config import get_settings
from app.main import create_app
from app.migrate import upgrade
from app.models import Role
from tests.fixtures.builders import PASSWORD, create_station, create_user


@pytest.fixture
def db_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, Engine]]:
    """The application on its own SQLite file, with a 1 s busy timeout, one officer in it."""
    path = tmp_path / "loa.db"
    engine = db.make_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False, "timeout": 1})
    upgrade(engine)
    with Session(engine) as session:
        station, _ = create_station(session)
        create_user(session, "officer", Role.officer, station)
        session.commit()
    for name in ("_engine", "_factory", "_background_factory"):
        monkeypatch.setattr(db, name, getattr(db, name))  # restored after the test
    db.set_engine(engine)
    yield path, engine
    engine.dispose()


def _client(**settings: object) -> TestClient:
    for name, value in settings.items():
        setattr(get_settings(), name, value)
    return TestClient(create_app(), raise_server_exceptions=True)


@pytest.fixture(autouse=True)
def restore_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("sign_in_concurrency", "admission_wait_seconds", "database_url"):
        monkeypatch.setattr(get_settings(), name, getattr(get_settings(), name))


def _token(client: TestClient) -> dict[str, str]:
    r = client.post("/api/v1/auth/token", data={"username": "officer", "password": PASSWORD})
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


def _write_lock_is_free(path: Path) -> bool:
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        other.close()


def test_reading_pages_answer_while_a_writer_holds_the_lock(db_file):
    path, _ = db_file
    with _client() as client:
        headers = _token(client)
        writer = sqlite3.connect(path, isolation_level=None)
        writer.execute("BEGIN IMMEDIATE")  # e.g. a job storing a rendered programme
        try:
            scripts = client.get("/api/v1/scripts", headers=headers)
            home = client.get("/")
        finally:
            writer.execute("ROLLBACK")
            writer.close()
    assert scripts.status_code == 200
    assert home.status_code == 200


def test_a_sign_in_holds_no_connection_nor_lock_while_hashing(db_file, monkeypatch):
    path, engine = db_file
    seen: list[tuple[int, bool]] = []

    def watched(password: str, password_hash: str) -> bool:
        seen.append((engine.pool.checkedout(), _write_lock_is_free(path)))  # type: ignore[attr-defined]
        return verify_password(password, password_hash)

    monkeypatch.setattr(auth_service, "verify_password", watched)
    with _client() as client:
        _token(client)
        assert client.post("/api/v1/auth/token", data={"username": "officer", "password": "sai"}).status_code == 401
    assert seen == [(0, True), (0, True)]


@pytest.mark.usefixtures("db_file")
def test_a_full_gate_answers_503_at_once_and_health_still_answers(monkeypatch):
    hashing, finish = threading.Event(), threading.Event()

    def slow(password: str, password_hash: str) -> bool:
        hashing.set()
        finish.wait(timeout=30)
        return verify_password(password, password_hash)

    with _client(sign_in_concurrency=1, admission_wait_seconds=0) as client:
        headers = _token(client)
        monkeypatch.setattr(auth_service, "verify_password", slow)
        first: list[int] = []
        signing_in = threading.Thread(target=lambda: first.append(_token(client) and 200))
        signing_in.start()
        try:
            assert hashing.wait(timeout=30)
            busy = client.post("/api/v1/auth/token", data={"username": "officer", "password": PASSWORD})
            health = client.get("/healthz")
            scripts = client.get("/api/v1/scripts", headers=headers)
        finally:
            finish.set()
            signing_in.join()
    assert busy.status_code == 503
    assert busy.headers["Retry-After"] == "1"
    assert busy.json()["error"] == "ServerBusy"
    assert "Máy chủ đang bận" in busy.json()["detail"]
    assert health.status_code == 200
    assert scripts.status_code == 200  # sign-ins have their own gate
    assert first == [200]


def test_the_scheduler_renews_its_lease_when_requests_hold_every_connection(db_file):
    path, _ = db_file
    get_settings().database_url = f"sqlite:///{path}"
    requests = db._pooled_engine(1)
    db.set_engine(requests)
    db._background_factory = None  # the scheduler's own pool, as `loa serve` has it
    held = [requests.connect() for _ in range(3)]  # pool_size 1 + max_overflow 2: none left
    try:
        with db.background_session_factory()() as session:
            assert leases.acquire(session, "scheduler-leader", "this-process", timedelta(seconds=90))
    finally:
        for conn in held:
            conn.close()
        requests.dispose()
        db.background_session_factory().kw["bind"].dispose()


def test_a_reading_request_that_writes_is_refused(session):
    from app.models import Topic  # any table

    db.mark_read_only(session)
    session.add(Topic(station_id=1, code="x", name="x"))
    with pytest.raises(db.WriteInReadOnlySession):
        session.flush()
    session.info.pop(db.READ_ONLY_OPTION)
    session.rollback()
