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


def test_the_themes_migration_refolds_existing_scripts_search_text(tmp_path):

    from alembic import command
    from sqlalchemy import text
    from sqlalchemy.orm import Session

    from app.migrate import alembic_config
    from app.models import Role
    from app.scripts import service as scripts
    from app.scripts.schemas import ScriptCreate
    from tests.fixtures.builders import create_station, create_user

    engine = make_engine(f"sqlite:///{tmp_path / 'refold.db'}")
    upgrade(engine)
    with Session(engine) as session:
        station, _areas = create_station(session)
        officer = create_user(session, "officer", Role.officer, station)
        today = scripts.station_today(station)
        scripts.create(session, ScriptCreate(title="Đại hội", body="Nội dung", topic="thoi-su",
                                             source_ref="Số 15/KH-UBND", air_from=today, air_until=today),
                       author=officer)
        session.commit()
    cfg = alembic_config()
    with engine.begin() as conn:
        conn.execute(text("UPDATE scripts SET search_text = ''"))
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "5e1c0a7d9b42")
    upgrade(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT search_text FROM scripts")).scalar_one() == "dai hoi\nnoi dung\nso 15/kh-ubnd"
    engine.dispose()
