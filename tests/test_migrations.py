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


def _fresh_engines(tmp_path):
    """A fresh empty database per backend: SQLite, and PostgreSQL (its own schema) when configured."""
    import os
    import uuid

    from sqlalchemy import text

    yield "sqlite", make_engine(f"sqlite:///{tmp_path / 'ward.db'}")
    url = os.environ.get("LOA_TEST_POSTGRES_URL")
    if url:
        schema = f"loa_mig_{uuid.uuid4().hex[:10]}"
        admin = make_engine(url)
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        try:
            yield "postgresql", make_engine(url, connect_args={"options": f"-csearch_path={schema}"})
        finally:
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            admin.dispose()


def test_a_single_ward_database_moves_into_the_organisation_model_untouched(tmp_path):
    """Issue 15 §1: the organisations migration adds empty tables and NULL columns; every row of an
    existing ward stays as it was, and its people see and do what they did before."""
    from sqlalchemy import select, text
    from sqlalchemy.orm import Session

    from app import access
    from app.models import Role, Script, Station, User
    from app.scripts import service as scripts
    from app.scripts.schemas import ScriptCreate
    from tests.fixtures.builders import create_installation_admin, create_station, create_user

    before_organisations = "9b3e71c04d2a"
    tables = ("stations", "areas", "slots", "users", "scripts", "topics", "audit_events")
    import os

    backends = []
    for backend, engine in _fresh_engines(tmp_path):
        backends.append(backend)
        upgrade(engine)
        with Session(engine) as session:
            station, _areas = create_station(session)
            officer = create_user(session, "officer", Role.officer, station)
            create_user(session, "bientap", Role.editor, station)
            today = scripts.station_today(station)
            scripts.create(session, ScriptCreate(title="Đại hội", body="Nội dung", topic="thoi-su",
                                                 air_from=today, air_until=today), author=officer)
            session.commit()
        with Session(engine) as session:
            create_installation_admin(session)
        downgrade(engine, before_organisations)
        assert "organisations" not in inspect(engine).get_table_names(), backend

        def rows(engine=engine) -> dict[str, list[tuple[object, ...]]]:
            with engine.connect() as conn:
                return {t: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {t} ORDER BY id"))] for t in tables}

        single_ward = rows()
        columns_before = {t: [c["name"] for c in inspect(engine).get_columns(t)] for t in tables}
        assert len(single_ward["scripts"]) == 1, backend
        upgrade(engine)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM organisations")).scalar_one() == 0
            for table in ("stations", "users"):
                placed = text(f"SELECT count(*) FROM {table} WHERE organisation_id IS NOT NULL")
                assert conn.execute(placed).scalar_one() == 0, (backend, table)
        upgraded = rows()
        # the same rows, with new columns only (organisation_id, NULL, on stations and users; later ones)
        for table in tables:
            columns = [c["name"] for c in inspect(engine).get_columns(table)]
            kept = [columns.index(name) for name in columns_before[table]]
            assert [tuple(r[i] for i in kept) for r in upgraded[table]] == single_ward[table], (backend, table)
        with Session(engine) as session:
            editor = session.scalar(select(User).where(User.username == "bientap"))
            hethong = session.scalar(select(User).where(User.username == "hethong"))
            assert editor is not None
            assert hethong is not None
            assert access.is_installation_admin(hethong), "the installation's admin is still one"
            assert not access.is_installation_admin(editor)
            seen = session.scalars(select(Script.title).where(access.visible(Script, editor))).all()
            assert seen == ["Đại hội"], "the ward's editor still reads the ward's draft"
            assert len(session.scalars(select(Station).where(access.visible(Station, hethong))).all()) == 1
        engine.dispose()
    assert backends == ["sqlite"] + (["postgresql"] if os.environ.get("LOA_TEST_POSTGRES_URL") else [])
