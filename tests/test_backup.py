"""`loa backup` and `loa restore` as an administrator runs them, in real subprocesses: a restore
into an empty installation finds every script, programme and audio file; a damaged archive and
a non-empty installation are refused with a reason and a non-zero exit."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from app.db import make_engine
from app.models import Programme, ProgrammeStatus, Script, ScriptStatus
from audio.storage import LocalStorage
from tests.conftest import POSTGRES_URL
from tests.fixtures.builders import World, create_script, create_station, create_user


def loa(data_dir: Path, *args: str, database_url: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LOA_DATA_DIR": str(data_dir), "LOA_ENVIRONMENT": "development"}
    env.pop("LOA_DATABASE_URL", None)
    if database_url:
        env["LOA_DATABASE_URL"] = database_url
    return subprocess.run([sys.executable, "-m", "app.cli", *args], env=env, capture_output=True, text=True,
                          timeout=300, check=False)


def sqlite_url(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / 'loa.db'}"


def fill(url: str, data_dir: Path) -> dict[str, bytes]:
    """A station with users, scripts and a rendered-looking programme whose files are in the store."""
    from app.models import Role

    engine = make_engine(url)
    store = LocalStorage(data_dir / "audio")
    files = {store.put_bytes(os.urandom(4096) + bytes([i]), suffix=".mp3"): b"" for i in range(5)}
    files = {key: store.read_bytes(key) for key in files}
    keys = sorted(files)
    with Session(engine) as session:
        station, areas = create_station(session)
        users = {name: create_user(session, name, role, station) for name, role in
                 (("officer", Role.officer), ("editor", Role.editor), ("editor2", Role.editor))}
        session.commit()
        world = World(station, areas, users)
        for n in range(3):
            create_script(session, world, status=ScriptStatus.approved, title=f"Tin số {n}")
        day = world.today()
        session.add(Programme(station_id=station.id, slot_name="sang", air_date=day,
                              starts_at=datetime.now(UTC) + timedelta(hours=3), duration_ms=1_800_000,
                              status=ProgrammeStatus.rendered, audio_key=keys[0], cue_key=keys[1],
                              items=[{"kind": "script", "offset_ms": 0, "duration_ms": 1, "audio_key": k}
                                     for k in keys[2:]]))
        session.commit()
    engine.dispose()
    return files


def contents(url: str) -> tuple[list[str], list[tuple[str, str | None]]]:
    engine = make_engine(url)
    with Session(engine) as session:
        titles = sorted(session.scalars(select(Script.title)))
        programmes = [(p.slot_name, p.audio_key) for p in session.scalars(select(Programme))]
    engine.dispose()
    return titles, programmes


def check_restored(url: str, data_dir: Path, files: dict[str, bytes], source_url: str) -> None:
    assert contents(url) == contents(source_url)
    store = LocalStorage(data_dir / "audio")
    for key, data in files.items():
        assert store.read_bytes(key) == data


def test_backup_restores_into_an_empty_installation(tmp_path: Path) -> None:
    source, target = tmp_path / "phuong", tmp_path / "may-moi"
    assert loa(source, "init").returncode == 0
    files = fill(sqlite_url(source), source)

    made = loa(source, "backup", str(tmp_path / "sao-luu"))
    assert made.returncode == 0, made.stderr
    archive = next((tmp_path / "sao-luu").glob("loa-backup-*.tar"))
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert names[-1] == "manifest.json"
    assert "database/loa.sqlite3" in names
    assert sum(n.startswith("audio/") for n in names) == len(files)

    restored = loa(target, "restore", str(archive))
    assert restored.returncode == 0, restored.stderr
    assert "khớp" in restored.stdout
    check_restored(sqlite_url(target), target, files, sqlite_url(source))
    titles, programmes = contents(sqlite_url(target))
    assert titles == ["Tin số 0", "Tin số 1", "Tin số 2"]
    assert len(programmes) == 1

    again = loa(target, "restore", str(archive))
    assert again.returncode == 1
    assert "--force" in again.stderr
    assert "đã có dữ liệu" in again.stderr
    assert loa(target, "restore", str(archive), "--force").returncode == 0


def test_a_damaged_archive_is_refused_and_nothing_is_restored(tmp_path: Path) -> None:
    source, target = tmp_path / "phuong", tmp_path / "may-moi"
    assert loa(source, "init").returncode == 0
    files = fill(sqlite_url(source), source)
    archive = tmp_path / "sao-luu.tar"
    assert loa(source, "backup", str(archive)).returncode == 0

    data = bytearray(archive.read_bytes())
    some_audio = next(iter(files.values()))
    where = bytes(data).index(some_audio[:64])
    data[where + 10] ^= 0xFF  # one flipped byte inside one audio file
    damaged = tmp_path / "hong.tar"
    damaged.write_bytes(bytes(data))

    refused = loa(target, "restore", str(damaged))
    assert refused.returncode == 1
    assert "sha256" in refused.stderr
    assert "Nothing was restored" in refused.stderr
    engine = make_engine(sqlite_url(target))
    assert inspect(engine).get_table_names() == [], "no database was put in place"
    engine.dispose()
    assert not any((target / "audio").rglob("*.mp3"))

    not_a_backup = tmp_path / "khong-phai.tar"
    not_a_backup.write_bytes(b"not a tar at all" * 100)
    wrong = loa(target, "restore", str(not_a_backup))
    assert wrong.returncode == 1
    assert "Error:" in wrong.stderr


def test_a_missing_pg_dump_is_named_with_the_package_to_install(tmp_path: Path, monkeypatch) -> None:
    from app.backup import database
    from app.backup.archive import ArchiveError

    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ArchiveError) as caught:
        database.dump_postgres("postgresql+psycopg://loa@127.0.0.1/loa", tmp_path / "loa.pgdump")
    assert "postgresql-client" in caught.value.message_vi
    assert "pg_dump is not installed" in caught.value.message_en


@pytest.mark.skipif(not POSTGRES_URL, reason="LOA_TEST_POSTGRES_URL is not set")
@pytest.mark.skipif(not shutil.which("pg_dump"), reason="pg_dump is not installed (postgresql-client)")
def test_postgresql_backup_restores_into_a_fresh_database(tmp_path: Path) -> None:
    assert POSTGRES_URL
    admin = make_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    names = [f"loa_backup_{which}_{uuid.uuid4().hex[:8]}" for which in ("source", "target")]
    with admin.connect() as conn:
        for name in names:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    source_url, target_url = (make_url(POSTGRES_URL).set(database=n).render_as_string(hide_password=False)
                              for n in names)
    try:
        source, target = tmp_path / "phuong", tmp_path / "may-moi"
        assert loa(source, "init", database_url=source_url).returncode == 0
        files = fill(source_url, source)
        archive = tmp_path / "sao-luu.tar"
        made = loa(source, "backup", str(archive), database_url=source_url)
        assert made.returncode == 0, made.stderr
        with tarfile.open(archive) as tar:
            assert "database/loa.pgdump" in tar.getnames()

        assert loa(target, "init", database_url=target_url).returncode == 0  # a new, empty installation
        restored = loa(target, "restore", str(archive), database_url=target_url)
        assert restored.returncode == 0, restored.stderr
        check_restored(target_url, target, files, source_url)
        engine = make_engine(target_url)
        with Session(engine) as session:
            assert session.scalar(select(func.count()).select_from(Script)) == 3
        engine.dispose()
        assert loa(target, "restore", str(archive), database_url=target_url).returncode == 1
    finally:
        with admin.connect() as conn:
            for name in names:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_backup_refuses_audio_on_object_storage_and_says_what_to_use(tmp_path: Path, monkeypatch) -> None:
    # It would copy only the local cache: the bucket has its own tools.
    monkeypatch.setenv("LOA_STORAGE_URL", "s3://loa-audio/ward?endpoint=http://127.0.0.1:9")
    done = loa(tmp_path / "data", "backup", str(tmp_path / "out"))
    assert done.returncode == 1
    assert "rclone" in done.stderr
    assert "object storage" in done.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
