"""Relay polls read without SQLite's write lock, so they never queue behind a writer."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import sessionmaker

from app.db import make_engine, mark_read_only


def test_a_read_only_session_reads_while_another_holds_the_write_lock(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'loa.db'}", connect_args={"check_same_thread": False,
                                                                           "timeout": 0.2})
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (x INTEGER)"))
    sessions = sessionmaker(engine)
    writer = sessions()
    writer.execute(text("INSERT INTO t VALUES (1)"))  # BEGIN IMMEDIATE: the write lock is held
    try:
        reader = mark_read_only(sessions())
        assert reader.execute(text("SELECT count(*) FROM t")).scalar() == 0  # the committed snapshot
        reader.commit()
        blocked = sessions()  # an ordinary session waits for the write lock, here 0.2 s, then gives up
        with pytest.raises(OperationalError, match="locked"):
            blocked.execute(text("SELECT count(*) FROM t"))
        blocked.close()
    finally:
        writer.commit()
        engine.dispose()
