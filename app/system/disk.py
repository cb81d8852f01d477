"""Knowing a full disk when we meet one: in our own writes, in ffmpeg's, in the database's."""

from __future__ import annotations

import sqlite3

from audio.errors import is_disk_full as audio_says_disk_full

_POSTGRES_DISK_FULL = "53100"


def is_disk_full(error: BaseException) -> bool:
    """Whether `error`, or anything that caused it, means "no space left on the device"."""
    seen: BaseException | None = error
    while seen is not None:
        if audio_says_disk_full(seen) or _database_says_disk_full(seen):
            return True
        seen = getattr(seen, "orig", None) or seen.__cause__ or seen.__context__
    return False


def _database_says_disk_full(error: BaseException) -> bool:
    if isinstance(error, sqlite3.Error):
        return getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL
    return getattr(error, "sqlstate", None) == _POSTGRES_DISK_FULL
