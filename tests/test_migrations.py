from sqlalchemy import inspect

from app.db import make_engine
from app.migrate import upgrade


def test_migrations_build_every_table_on_a_fresh_sqlite_database(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    upgrade(engine)
    tables = set(inspect(engine).get_table_names())
    assert {"stations", "slots", "areas", "relay_points", "users", "scripts", "audit_events"} <= tables
    engine.dispose()
