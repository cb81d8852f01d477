"""Engine and sessions. The request boundary commits; services only flush."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fastapi import Request
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

import app.programmes.events  # noqa: F401  (registers the schedule-version listener)
from app.config import get_settings

READ_ONLY_OPTION = "loa_read_only"
# Requests with these methods only read: their transaction never takes SQLite's write lock.
READING_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class WriteInReadOnlySession(RuntimeError):
    """A reading request tried to write: a programming error, refused on every database
    (SQLite would fail it only when another writer committed first, i.e. only under load)."""


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
_background_factory: sessionmaker[Session] | None = None

# The scheduler's lease loop, its replan thread and APScheduler's two workers, with room to spare.
BACKGROUND_CONNECTIONS = 4


def _pooled_engine(connections: int) -> Engine:
    """An engine whose pool never makes a thread wait long: a request admitted by the
    admission gate finds a connection; past `db_pool_timeout_seconds` the wait fails (503)."""
    settings = get_settings()
    return make_engine(settings.sqlalchemy_url, pool_size=connections, max_overflow=2,
                       pool_timeout=settings.db_pool_timeout_seconds)


def get_engine() -> Engine:
    """The requests' engine: one connection for every request the admission gate lets in."""
    global _engine, _factory
    if _engine is None:
        settings = get_settings()
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        _engine = _pooled_engine(settings.max_concurrent_requests + settings.sign_in_concurrency)
        _factory = sessionmaker(_engine, expire_on_commit=False)
    return _engine


def set_engine(engine: Engine) -> None:
    """Point the application (requests and background jobs) at another engine (tests, CLI)."""
    global _engine, _factory, _background_factory
    _engine = engine
    _factory = sessionmaker(engine, expire_on_commit=False)
    _background_factory = _factory


def session_factory() -> sessionmaker[Session]:
    get_engine()
    assert _factory is not None
    return _factory


def background_session_factory() -> sessionmaker[Session]:
    """Sessions for the scheduler's lease and jobs, from a pool of their own: however busy the
    requests are, the leader renews its lease and the jobs find a connection."""
    global _background_factory
    if _background_factory is None:
        get_engine()
        _background_factory = sessionmaker(_pooled_engine(BACKGROUND_CONNECTIONS), expire_on_commit=False)
    return _background_factory


def committing(session: Session) -> Iterator[Session]:
    """Yield the session, then commit; roll back if the work failed."""
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise


def writes_on_read(request: Request) -> None:
    """Route dependency (`dependencies=[WritesOnRead]`): this GET writes (e.g. it issues a one-time
    form token), so its transaction is an ordinary (on SQLite: IMMEDIATE) one."""
    request.state.loa_writes = True


def request_transaction(session: Session, request: Request) -> Iterator[Session]:
    """The request boundary: a reading request's session is read-only (no write lock on
    SQLite); any other commits on success and rolls back on error."""
    if request.method not in READING_METHODS or getattr(request.state, "loa_writes", False):
        yield from committing(session)
        return
    mark_read_only(session)
    try:
        yield from committing(session)
    finally:
        session.info.pop(READ_ONLY_OPTION, None)


def get_session(request: Request) -> Iterator[Session]:
    """FastAPI dependency: one session per request, committed on success."""
    session = session_factory()()
    try:
        yield from request_transaction(session, request)
    finally:
        session.close()


def mark_read_only(session: Session) -> Session:
    """Begin this session's transaction as read-only (on SQLite: without the write lock).

    Call it before the session's first query; the session must then not write."""
    session.info[READ_ONLY_OPTION] = True
    if not session.in_transaction():  # a session already begun keeps its mode
        session.connection(execution_options={READ_ONLY_OPTION: True})
    return session


def _refuse_writes(session: Session) -> None:
    if session.info.get(READ_ONLY_OPTION):
        raise WriteInReadOnlySession("a reading request (GET) must not write to the database")


@event.listens_for(Session, "before_flush")
def _no_flush_when_read_only(session: Session, _context: Any, _instances: Any) -> None:
    if session.new or session.deleted or any(session.is_modified(o) for o in session.dirty):
        _refuse_writes(session)


@event.listens_for(Session, "do_orm_execute")
def _no_statement_writes_when_read_only(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        _refuse_writes(state.session)
