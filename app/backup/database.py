"""Copies of the database: SQLite's online backup API (a consistent copy while Loa runs), and
pg_dump / pg_restore for PostgreSQL (the custom format, restored in one transaction)."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from app.backup.archive import ArchiveError


def kind_of(url: str) -> str:
    """"sqlite" or "postgresql" (refuses anything else by name)."""
    backend = make_url(url).get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise ArchiveError(f"Không sao lưu được cơ sở dữ liệu loại {backend}.", f"Cannot back up a {backend} database.")
    return backend


def sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise ArchiveError("Cơ sở dữ liệu SQLite không nằm trong một tệp.", "The SQLite database is not a file.")
    return Path(database)


def dump_sqlite(url: str, out: Path) -> None:
    """A consistent copy of the live database (other connections may keep writing meanwhile)."""
    source = sqlite3.connect(sqlite_path(url))
    target = sqlite3.connect(out)
    try:
        with target:
            source.backup(target)
    finally:
        target.close()
        source.close()


def restore_sqlite(staged: Path, url: str) -> None:
    """Put the copy in place of the database file (Loa must be stopped)."""
    path = sqlite_path(url)
    path.parent.mkdir(parents=True, exist_ok=True)
    for leftover in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
    shutil.copyfile(staged, f"{path}.restoring")
    os.replace(f"{path}.restoring", path)


def _binary(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise ArchiveError(
            f"Không tìm thấy lệnh {name}: hãy cài gói postgresql-client cùng phiên bản với máy chủ "
            "PostgreSQL (vd. apt-get install postgresql-client).",
            f"{name} is not installed: install postgresql-client of the server's major version "
            "(e.g. apt-get install postgresql-client).")
    return found


def _libpq(url: str) -> tuple[str, dict[str, str]]:
    """The URL as libpq reads it, with the password in the environment (not on a command line)."""
    parsed: URL = make_url(url)
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    plain = parsed.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _run(command: list[str], env: dict[str, str], what_vi: str, what_en: str) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        error = (done.stderr or done.stdout).strip()[-2000:]
        raise ArchiveError(f"{what_vi} thất bại: {error}", f"{what_en} failed: {error}")


def dump_postgres(url: str, out: Path) -> None:
    """pg_dump in its custom format (a consistent snapshot; owners and grants left out)."""
    target, env = _libpq(url)
    _run([_binary("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", f"--file={out}", target],
         env, "pg_dump", "pg_dump")


def restore_postgres(staged: Path, url: str) -> None:
    """pg_restore in one transaction: every table of the dump is replaced, or nothing is."""
    target, env = _libpq(url)
    _run([_binary("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges",
          "--single-transaction", "--exit-on-error", f"--dbname={target}", str(staged)],
         env, "pg_restore", "pg_restore")
