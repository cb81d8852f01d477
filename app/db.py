"""Engine and sessions. The request boundary commits; services only flush."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

import app.programmes.events  # noqa: F401  (registers the schedule-version listener)
from app.config import get_settings

READ_ONLY_OPTION = "loa_read_only"


def make_engine(url: str, **kwargs: Any) -> Engine:
    """Create an engine; SQLite gets WAL, foreign keys and a busy timeout."""
    if url.startswith("sqlite"):
        kwargs.setdefault("connect_args", {"check_same_thread": False, "timeout": 30})
        engine = create_engine(url, **kwargs)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            # pysqlite's own transaction handling breaks SAVEPOINT; SQLAlchemy emits BEGIN itself.
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn: Any) -> None:
            # IMMEDIATE takes the write lock up front: a deferred transaction that read, then
            # writes after another connection committed gets SQLITE_BUSY at once in WAL mode,
            # with no busy wait (the scheduler's jobs and the requests would fail that way).
            # A read-only request (relay polls, downloads) needs no write lock: in WAL mode its
            # deferred BEGIN reads a snapshot beside the writer instead of queueing behind it.
            if conn.get_execution_options().get(READ_ONLY_OPTION):
                conn.exec_driver_sql("BEGIN")
            else:
                conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(url, **kwargs)


_engine: Engine | None = None
_factory: sessionmaker[Session] | None = None


def get_engine() -> Engine:
    global _engine, _factory
    if _engine is None:
        settings = get_settings()
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        _engine = make_engine(settings.sqlalchemy_url)
        _factory = sessionmaker(_engine, expire_on_commit=False)
    return _engine


def set_engine(engine: Engine) -> None:
    """Point the application at another engine (tests, CLI)."""
    global _engine, _factory
    _engine = engine
    _factory = sessionmaker(engine, expire_on_commit=False)


def session_factory() -> sessionmaker[Session]:
    get_engine()
    assert _factory is not None
    return _factory


def committing(session: Session) -> Iterator[Session]:
    """Yield the session, then commit; roll back if the work failed."""
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise


def get_session() -> Iterator[Session]:
    """FastAPI dependency: one session per request, committed on success."""
    session = session_factory()()
    try:
        yield from committing(session)
    finally:
        session.close()


def mark_read_only(session: Session) -> Session:
    """Begin this session's transaction as read-only (on SQLite: without the write lock).

    Call it before the session's first query; the session must then not write."""
    if not session.in_transaction():  # a session already begun keeps its mode
        session.connection(execution_options={READ_ONLY_OPTION: True})
    return session
