"""Run Alembic migrations from code (CLI, tests, `loa init`)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine

ROOT = Path(__file__).resolve().parent.parent


def alembic_config() -> Config:
    cfg = Config(str(ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(ROOT / "migrations"))
    return cfg


@contextmanager
def _migrating(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction for Alembic. On SQLite, foreign keys are off while it runs:
    a batch migration re-creates a table by dropping the old one, and with foreign keys on that
    drop deletes every row that refers to it (ON DELETE CASCADE) — a downgrade of `scripts` would
    empty `airings`. The keys are checked before the transaction commits."""
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:

        def foreign_keys(state: str) -> None:
            # On the driver's own connection, outside any transaction (inside one it is a no-op).
            raw = conn.connection.dbapi_connection
            assert raw is not None
            raw.cursor().execute(f"PRAGMA foreign_keys={state}")

        if sqlite:
            foreign_keys("OFF")
        try:
            with conn.begin():
                yield conn
                if sqlite and (broken := conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()):
                    raise RuntimeError(f"migration left rows pointing nowhere: {broken[:5]}")
        finally:
            if sqlite:
                foreign_keys("ON")


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database behind `engine` to `revision`."""
    cfg = alembic_config()
    with _migrating(engine) as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Take the database behind `engine` back to `revision` (keeping its rows)."""
    cfg = alembic_config()
    with _migrating(engine) as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


def pending(engine: Engine) -> tuple[str | None, str]:
    """(the database's revision, the code's head): they differ when migrations are pending."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    return current, str(head)

