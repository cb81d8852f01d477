"""`loa backup` and `loa restore`: the database and the audio store in one verified archive."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine, inspect, text

from app.backup import database
from app.backup.archive import (
    ArchiveError,
    Manifest,
    Writer,
    extract_verified,
    is_safe_member_name,
    read_manifest,
)
from app.migrate import alembic_config, upgrade
from audio.storage import TEMP_PREFIX
from scheduler.service import JOB_TABLE

DATABASE_FILES = {"sqlite": "database/loa.sqlite3", "postgresql": "database/loa.pgdump"}
# Not content: half-written uploads being hashed; never worth restoring.
SKIPPED_DIRS = frozenset({"staging"})


@dataclass(frozen=True)
class Outcome:
    """What a backup or a restore did."""

    archive: Path
    files: int
    audio_files: int
    bytes: int
    seconds: float
    alembic_revision: str | None


def _loa_version() -> str:
    try:
        return metadata.version("loa")
    except metadata.PackageNotFoundError:
        return "unknown"


def _revision(engine: Engine) -> str | None:
    if "alembic_version" not in inspect(engine).get_table_names():
        return None
    with engine.connect() as conn:
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _audio_files(audio_dir: Path) -> list[tuple[str, Path]]:
    """Every file of the store, by its name in the archive (sorted: the same store, the same tar)."""
    found = []
    for folder, dirs, files in os.walk(audio_dir):
        relative = Path(folder).relative_to(audio_dir)
        dirs[:] = sorted(d for d in dirs if not (relative == Path(".") and d in SKIPPED_DIRS))
        for name in sorted(files):
            member = (Path("audio") / relative / name).as_posix()
            if not name.startswith(TEMP_PREFIX) and is_safe_member_name(member):
                found.append((member, Path(folder) / name))
    return found


def backup(engine: Engine, url: str, audio_dir: Path, out: Path) -> Outcome:
    """Write the archive to `out` (a .tar file, or a folder to put a dated file in). The database is
    copied first: audio written after it is extra, never missing what the copy names."""
    started = time.perf_counter()
    kind = database.kind_of(url)
    if out.is_dir() or not out.suffix:  # a folder (made if need be): a dated file in it
        out = out / f"loa-backup-{datetime.now(UTC):%Y%m%d-%H%M%S}.tar"
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    with tempfile.TemporaryDirectory(prefix="loa-backup-", dir=out.parent) as tmp:
        dump = Path(tmp) / Path(DATABASE_FILES[kind]).name
        revision = _revision(engine)
        (database.dump_sqlite if kind == "sqlite" else database.dump_postgres)(url, dump)
        manifest = Manifest(loa_version=_loa_version(), alembic_revision=revision,
                            created_at=datetime.now(UTC).isoformat(),
                            database={"kind": kind, "path": DATABASE_FILES[kind]})
        try:
            with partial.open("wb") as target:
                writer = Writer(target)
                writer.add(DATABASE_FILES[kind], dump)
                for name, path in _audio_files(audio_dir):
                    try:
                        writer.add(name, path)
                    except FileNotFoundError:  # deleted by the clean-up meanwhile: not named any more
                        continue
                writer.finish(manifest)
                target.flush()
                os.fsync(target.fileno())
            os.replace(partial, out)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    return Outcome(out, len(manifest.files), len(manifest.files) - 1, out.stat().st_size,
                   time.perf_counter() - started, revision)


def installation_is_empty(engine: Engine, audio_dir: Path) -> bool:
    """No station, no user, no audio: nothing a restore would overwrite."""
    tables = set(inspect(engine).get_table_names())
    if {"stations", "users"} & tables:
        with engine.connect() as conn:
            for table in ("stations", "users"):
                if table in tables and conn.execute(text(f"SELECT 1 FROM {table} LIMIT 1")).first():
                    return False
    return not any(True for _ in _audio_files(audio_dir)) if audio_dir.exists() else True


def _check_revision(manifest: Manifest) -> None:
    if manifest.alembic_revision is None:
        return
    try:
        ScriptDirectory.from_config(alembic_config()).get_revision(manifest.alembic_revision)
    except CommandError as exc:
        raise ArchiveError(
            f"Bản sao lưu được tạo bởi phiên bản Loa mới hơn (migration {manifest.alembic_revision}): "
            "hãy cập nhật Loa trước khi khôi phục.",
            f"The backup comes from a newer Loa (migration {manifest.alembic_revision}): "
            "upgrade Loa before restoring.") from exc


def _drop_loa_tables(engine: Engine) -> None:
    """Empty the database of Loa's tables first: one made by `loa init` of a newer version has
    tables the older dump does not hold, which the migrations after the restore would create again."""
    from app.models import Base

    with engine.begin() as conn:
        conn.execute(text(f"DROP TABLE IF EXISTS alembic_version, {JOB_TABLE}"))
        Base.metadata.drop_all(conn)


def restore(engine: Engine, url: str, audio_dir: Path, archive: Path, *, force: bool = False) -> Outcome:
    """Check the whole archive, then put the database and the audio in place, then migrate the
    database to this version of Loa. Refuses a non-empty installation unless `force`."""
    started = time.perf_counter()
    manifest = read_manifest(archive)
    kind = database.kind_of(url)
    if manifest.database.get("kind") != kind:
        raise ArchiveError(
            f"Bản sao lưu chứa cơ sở dữ liệu {manifest.database.get('kind')}, còn cài đặt này dùng {kind}.",
            f"The backup holds a {manifest.database.get('kind')} database; this installation uses {kind}.")
    _check_revision(manifest)
    if not force and not installation_is_empty(engine, audio_dir):
        raise ArchiveError(
            "Cài đặt này đã có dữ liệu (đài, người dùng hoặc âm thanh): khôi phục sẽ ghi đè lên chúng. "
            "Dừng Loa và chạy lại với --force nếu đúng là muốn thay thế.",
            "This installation has data (stations, users or audio) that a restore would overwrite. "
            "Stop Loa and run again with --force if you mean to replace it.")
    audio_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".loa-restore-", dir=audio_dir.parent))
    try:
        extracted = extract_verified(archive, manifest, staging)  # every checksum, before any change
        if kind == "postgresql":
            _drop_loa_tables(engine)
        engine.dispose()
        staged_db = staging / manifest.database["path"]
        (database.restore_sqlite if kind == "sqlite" else database.restore_postgres)(staged_db, url)
        audio = 0
        for entry, path in extracted:
            if entry.path.startswith("audio/"):
                target = audio_dir / Path(entry.path).relative_to("audio")
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(path, target)
                audio += 1
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    engine.dispose()
    upgrade(engine)
    return Outcome(archive, len(manifest.files), audio, manifest.total_bytes,
                   time.perf_counter() - started, manifest.alembic_revision)
