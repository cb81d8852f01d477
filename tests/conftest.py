"""Test set-up: every database test runs on SQLite, and on PostgreSQL when
LOA_TEST_POSTGRES_URL is set. The schema is built once per database by the Alembic
migrations; each test runs in a transaction that is rolled back."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator

os.environ["LOA_ENVIRONMENT"] = "test"
# A data dir of its own per test process: pytest-xdist's workers inherit the environment of the process
# that started them, and sharing one (its voices, its speech cache) lets one file's test move another's files.
if os.environ.get("LOA_DATA_DIR", "") in ("", os.environ.get("LOA_TEST_MADE_DATA_DIR")):
    os.environ["LOA_DATA_DIR"] = os.environ["LOA_TEST_MADE_DATA_DIR"] = tempfile.mkdtemp(prefix="loa-test-data-")
os.environ.setdefault("LOA_PASSWORD_TIME_COST", "1")
os.environ.setdefault("LOA_PASSWORD_MEMORY_KIB", "1024")
os.environ.setdefault("LOA_SCHEDULER_ENABLED", "false")
# no test reaches the internet: gTTS is pointed at a closed port on this machine
os.environ.setdefault("LOA_GTTS_BASE_URL", "http://127.0.0.1:9")
os.environ.setdefault("LOA_GTTS_TIMEOUT_SECONDS", "2")

import pytest
from fastapi import Request
from fastapi.testclient import TestClient
from hypothesis import settings as hypothesis_settings
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from app.db import get_session, make_engine, request_transaction
from app.main import create_app
from app.migrate import upgrade
from app.relays import poll_cache

# CI explores the same examples every run (a red build is reproducible); developers' runs explore anew.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

POSTGRES_URL = os.environ.get("LOA_TEST_POSTGRES_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if POSTGRES_URL else [])

pytest_plugins = ["tests.fixtures.builders", "tests.fixtures.s3"]


@pytest.fixture(scope="session", params=BACKENDS)
def engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    if request.param == "sqlite":
        eng = make_engine(f"sqlite:///{tmp_path_factory.mktemp('db') / 'loa.db'}")
        upgrade(eng)
        yield eng
        eng.dispose()
        return
    assert POSTGRES_URL
    # One schema per run, so parallel runs on the same database never meet.
    schema = f"loa_test_{uuid.uuid4().hex[:10]}"
    admin = make_engine(POSTGRES_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    eng = make_engine(POSTGRES_URL, connect_args={"options": f"-csearch_path={schema}"})
    try:
        upgrade(eng)
        yield eng
    finally:
        eng.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    # The relay poll cache remembers schedule versions that the rollback below takes back.
    poll_cache.clear()
    with engine.connect() as conn:
        outer = conn.begin()
        db = Session(bind=conn, join_transaction_mode="create_savepoint", expire_on_commit=False)
        try:
            yield db
        finally:
            db.close()
            outer.rollback()
            poll_cache.clear()


@pytest.fixture
def client(session: Session) -> Iterator[TestClient]:
    app = create_app()

    def _session(request: Request) -> Iterator[Session]:
        yield from request_transaction(session, request)  # the request boundary, on the test's own session

    app.dependency_overrides[get_session] = _session
    with TestClient(app) as c:
        yield c
