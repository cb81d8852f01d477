from sqlalchemy import inspect

from app.db import make_engine
from app.migrate import upgrade


def test_migrations_build_every_table_on_a_fresh_sqlite_database(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    upgrade(engine)
    tables = set(inspect(engine).get_table_names())
    assert {"stations", "slots", "areas", "relay_points", "users", "scripts", "audit_events"} <= tables
    engine.dispose()


def test_every_migration_goes_down_and_up_again(tmp_path):
    from alembic import command

    from app.migrate import alembic_config

    engine = make_engine(f"sqlite:///{tmp_path / 'roundtrip.db'}")
    upgrade(engine)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    upgrade(engine)
    columns = {c["name"] for c in inspect(engine).get_columns("programmes")}
    assert {"audio_key", "cue_key", "playlist_key"} <= columns
    engine.dispose()
