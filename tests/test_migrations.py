from sqlalchemy import inspect

from app.db import make_engine
from app.migrate import downgrade, upgrade


def test_migrations_build_every_table_on_a_fresh_sqlite_database(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    upgrade(engine)
    tables = set(inspect(engine).get_table_names())
    assert {"stations", "slots", "areas", "relay_points", "users", "scripts", "audit_events"} <= tables
    engine.dispose()


def test_every_migration_goes_down_and_up_again(tmp_path):


    engine = make_engine(f"sqlite:///{tmp_path / 'roundtrip.db'}")
    upgrade(engine)
    downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    upgrade(engine)
    columns = {c["name"] for c in inspect(engine).get_columns("programmes")}
    assert {"audio_key", "cue_key", "playlist_key"} <= columns
    engine.dispose()


def test_the_themes_migration_refolds_existing_scripts_search_text(tmp_path):

    from sqlalchemy import text
    from sqlalchemy.orm import Session

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
    with engine.begin() as conn:
        conn.execute(text("UPDATE scripts SET search_text = ''"))
    downgrade(engine, "5e1c0a7d9b42")
    upgrade(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT search_text FROM scripts")).scalar_one() == "dai hoi\nnoi dung\nso 15/kh-ubnd"
    engine.dispose()


def test_going_down_and_up_keeps_every_row_on_sqlite(tmp_path):
    """A batch migration re-creates a table; with foreign keys on, that once emptied its children."""
    from sqlalchemy import text
    from sqlalchemy.orm import Session

    from app.models import Role
    from app.scripts import service as scripts
    from app.scripts.schemas import ScriptCreate
    from tests.fixtures.builders import create_station, create_user

    engine = make_engine(f"sqlite:///{tmp_path / 'keep.db'}")
    upgrade(engine)
    with Session(engine) as session:
        station, _areas = create_station(session)
        officer = create_user(session, "officer", Role.officer, station)
        today = scripts.station_today(station)
        scripts.create(session, ScriptCreate(title="Đại hội", body="Nội dung", topic="thoi-su",
                                             air_from=today, air_until=today), author=officer)
        session.commit()

    def counts() -> dict[str, int]:
        with engine.connect() as conn:
            return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
                    for t in ("stations", "areas", "users", "scripts", "topics")}

    before = counts()
    assert before["scripts"] == 1
    downgrade(engine, "5e1c0a7d9b42")
    upgrade(engine)
    assert counts() == before
    engine.dispose()
