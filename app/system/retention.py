"""Audio retention: aired programmes' files go once their station's retention has passed, and
nothing else. The store is content-addressed, so one file may serve many programmes and
stations: a file is deleted only when no remaining row of the database names it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import String, select, update
from sqlalchemy.orm import Session

from app.models import Base, Programme, ProgrammeStatus, Station
from app.scripts.service import station_today
from audio.storage import KEY_PATTERN, TEMP_PREFIX, Storage

# Statuses whose audio can go: the programme has aired, or was stopped (an emergency).
EXPIRABLE = (ProgrammeStatus.aired, ProgrammeStatus.cancelled)
# A file written or reused this recently is never deleted: a render that picked it up from the
# render index commits its programme's reference only when the whole programme is done.
RECENTLY_USED = timedelta(days=1)
_PROGRAMME_KEYS = ("audio_key", "cue_key", "playlist_key")
# What a render writes: the swept kinds of files no row names.
UNNAMED_SWEPT = (".mp3", ".ogg", ".json", ".m3u8")


@dataclass
class StationCleanup:
    station_id: int
    station_name: str
    retention_days: int
    programmes: int = 0  # expired programmes that still named files
    files: int = 0
    bytes: int = 0


@dataclass
class CleanupReport:
    """What a clean-up deleted (or, on a dry run, would delete)."""

    dry_run: bool
    stations: list[StationCleanup] = field(default_factory=list)
    # files of expired programmes kept because something else names them, or used just now
    kept_shared: set[str] = field(default_factory=set)
    kept_recent: set[str] = field(default_factory=set)
    # programme files no row names (earlier renders of re-planned programmes) and unfinished
    # writes of killed processes, older than a day
    unnamed_files: int = 0
    unnamed_bytes: int = 0

    @property
    def files(self) -> int:
        return sum(s.files for s in self.stations) + self.unnamed_files

    @property
    def bytes(self) -> int:
        return sum(s.bytes for s in self.stations) + self.unnamed_bytes


def programme_keys(programme: Programme) -> set[str]:
    """Every storage key a programme row names: its audio, cue sheet, playlist, item files."""
    keys = {getattr(programme, name) for name in _PROGRAMME_KEYS}
    keys |= {item.get("audio_key") for item in programme.items or [] if isinstance(item, dict)}
    return {k for k in keys if isinstance(k, str) and k}


def _key_columns() -> Iterator[tuple[Any, Any]]:
    """Every string column named `*_key` outside `programmes`: recordings, scripts' speech, and
    whatever table a later feature adds that keeps a storage key under that name."""
    for table in Base.metadata.sorted_tables:
        if table.name == Programme.__tablename__:
            continue
        for column in table.columns:
            if column.name.endswith("_key") and isinstance(column.type, String):
                yield table, column


def referenced_elsewhere(session: Session) -> set[str]:
    """Keys named by any row other than a programme's."""
    pattern = re.compile(KEY_PATTERN)
    keys: set[str] = set()
    for _table, column in _key_columns():
        for value in session.scalars(select(column).where(column.is_not(None)).distinct()):
            if isinstance(value, str) and pattern.match(value):
                keys.add(value)
    return keys


def _expired(session: Session, station: Station, now: datetime) -> list[Programme]:
    if station.audio_retention_days <= 0:
        return []
    cutoff = station_today(station, now) - timedelta(days=station.audio_retention_days)
    return list(session.scalars(select(Programme).where(
        Programme.station_id == station.id, Programme.air_date < cutoff,
        Programme.status.in_(EXPIRABLE))))


def _programme_keys(session: Session, expired_ids: set[int]) -> tuple[set[str], set[str]]:
    """Keys named by programmes that are not expired (future, locked, on air, recent), and by
    the expired ones."""
    live: set[str] = set()
    expired: set[str] = set()
    rows = session.execute(select(Programme.id, Programme.audio_key, Programme.cue_key,
                                  Programme.playlist_key, Programme.items))
    for pid, audio, cue, playlist, items in rows:
        keys = expired if pid in expired_ids else live
        keys |= {k for k in (audio, cue, playlist) if k}
        keys |= {str(i["audio_key"]) for i in items or [] if isinstance(i, dict) and i.get("audio_key")}
    return live, expired


def cleanup(session: Session, storage: Storage, *, dry_run: bool = False,
            now: datetime | None = None) -> CleanupReport:
    """Delete the files of programmes aired longer ago than their station keeps audio, unless
    anything else still names them, and forget them on those programmes (no change a relay
    point sees: they are long past its 48 hours); then the programme files no row names any
    more (earlier renders of re-planned programmes). Scripts, recordings, speech, the as-run
    log and the programmes' rows themselves are kept."""
    now = now or datetime.now(UTC)
    report = CleanupReport(dry_run=dry_run)
    stations = list(session.scalars(select(Station).order_by(Station.id)))
    expired = {s.id: _expired(session, s, now) for s in stations}
    expired_ids = {p.id for programmes in expired.values() for p in programmes}
    elsewhere = referenced_elsewhere(session)
    live, named_by_expired = _programme_keys(session, expired_ids)
    kept = live | elsewhere
    recent_after = (now - RECENTLY_USED).timestamp()
    gone: set[str] = set()  # deleted in this run (or absent already)
    for station in stations:
        summary = StationCleanup(station.id, station.name, station.audio_retention_days)
        report.stations.append(summary)
        for programme in expired[station.id]:
            keys = programme_keys(programme)
            if not keys:
                continue
            summary.programmes += 1
            for key in sorted(keys - gone):
                if key in kept:
                    report.kept_shared.add(key)
                    continue
                size = _size_if_old(storage, key, recent_after)
                if size is None:
                    report.kept_recent.add(key)
                    continue
                if size and not dry_run:
                    storage.delete(key)
                summary.files += 1 if size else 0
                summary.bytes += size
                gone.add(key)
            if not dry_run:
                _forget(session, programme, keys & gone)
    _sweep_unnamed(storage, kept | named_by_expired | gone, recent_after, report, dry_run=dry_run)
    if not dry_run:
        session.flush()
    return report


def _sweep_unnamed(storage: Storage, named: set[str], recent_after: float, report: CleanupReport,
                   *, dry_run: bool) -> None:
    """Programme files (mixes, item encodes, cue sheets, playlists) that no row names: a
    re-planned programme's earlier render. Only those kinds: a WAV may be a cached sentence,
    which only the speech cache's index names. Then unfinished writes of killed processes."""
    for key in storage.keys():
        if key in named or not key.endswith(UNNAMED_SWEPT):
            continue
        size = _size_if_old(storage, key, recent_after)
        if not size:
            continue
        if not dry_run:
            storage.delete(key)
        report.unnamed_files += 1
        report.unnamed_bytes += size
    # and what a process killed mid-write left in the staging folder
    for leftover in sorted((storage.root / "staging").glob(f"{TEMP_PREFIX}*")):
        try:
            stat = leftover.stat()
        except FileNotFoundError:
            continue
        if stat.st_mtime >= recent_after:
            continue
        if not dry_run:
            leftover.unlink(missing_ok=True)
        report.unnamed_files += 1
        report.unnamed_bytes += stat.st_size


def _size_if_old(storage: Storage, key: str, recent_after: float) -> int | None:
    """The file's size (0 when it is gone already), or None when it was used recently."""
    stat = storage.stat(key)  # on object storage, without fetching the file
    if stat is None:
        return 0
    if stat.modified_at >= recent_after:
        return None
    return stat.size


def _forget(session: Session, programme: Programme, deleted: set[str]) -> None:
    """Clear the programme's references to deleted files. A bulk UPDATE, not the ORM: a
    programme aired months ago is no change to any relay point's schedule."""
    if not deleted:
        return
    values: dict[str, Any] = {name: None for name in _PROGRAMME_KEYS if getattr(programme, name) in deleted}
    if "audio_key" in values:
        values["audio_size"] = None
    items = programme.items or []
    if any(isinstance(i, dict) and i.get("audio_key") in deleted for i in items):
        values["items"] = [{**i, "audio_key": None} if isinstance(i, dict) and i.get("audio_key") in deleted
                           else i for i in items]
    if values:
        session.execute(update(Programme).where(Programme.id == programme.id).values(**values)
                        .execution_options(synchronize_session=False))


def format_bytes(count: int) -> str:
    """Bytes as a person reads them (MB, GB)."""
    size = float(count)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} TB"  # pragma: no cover - the loop returns


def describe(report: CleanupReport) -> Iterable[str]:
    """Lines for `loa cleanup` (Vietnamese, then English)."""
    verb = "sẽ giải phóng" if report.dry_run else "đã giải phóng"
    verb_en = "would free" if report.dry_run else "freed"
    for s in report.stations:
        keep = f"giữ {s.retention_days} ngày" if s.retention_days else "giữ mãi"
        yield (f"{s.station_name} ({keep}): {s.programmes} chương trình hết hạn, {s.files} tệp, "
               f"{verb} {format_bytes(s.bytes)}")
    yield (f"Tệp chương trình không còn bản ghi nào dùng (bản dựng cũ): {report.unnamed_files} tệp, "
           f"{verb} {format_bytes(report.unnamed_bytes)}")
    yield (f"Tổng cộng {verb} {format_bytes(report.bytes)} ({report.files} tệp); giữ lại "
           f"{len(report.kept_shared)} tệp còn được dùng chung, {len(report.kept_recent)} tệp vừa được dùng.")
    yield (f"In all: {verb_en} {format_bytes(report.bytes)} ({report.files} files); kept "
           f"{len(report.kept_shared)} files still named elsewhere, {len(report.kept_recent)} used within a day.")
