"""The relay's cache: audio files by sha256, the saved schedule, atomic writes, resumes."""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from relay_agent.client import RangeNotSatisfiable, RelayClient
from relay_agent.errors import DownloadFailed
from relay_agent.schedule import AudioFile, Schedule, parse_schedule, schedule_to_json

log = logging.getLogger("relay_agent.cache")

SCHEDULE_FILE = "schedule.json"
AUDIO_DIR = "audio"


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` so that `path` holds either the old or the new content, even on power loss."""
    temporary = path.with_name(f".{path.name}.tmp")
    with open(temporary, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    # The rename is only durable once the directory entry is on disk too.
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def file_sha256(path: Path) -> str:
    """Hex sha256 of a file, read in chunks (programme files are tens of megabytes)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


class DownloadPaused(Exception):
    """The download stopped on purpose (time to poll again); the partial file is kept."""


class Cache:
    """Files under one directory: `schedule.json`, `audio/<sha256>.mp3` (or .opus), `agent.db`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.audio_dir = root / AUDIO_DIR
        self.audio_dir.mkdir(parents=True, exist_ok=True)
        # Hashing a 30 MB file on a Raspberry Pi takes a while: remember a verified file by its
        # stat, so a file changed on disk (corrupted, truncated) is hashed again.
        self._verified: dict[str, tuple[int, int, int]] = {}
        self._lock = threading.Lock()

    # --- schedule -------------------------------------------------------------------------

    def load_schedule(self) -> Schedule | None:
        """The last schedule saved, or None (first start, or unreadable file)."""
        path = self.root / SCHEDULE_FILE
        try:
            saved: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
            return parse_schedule(saved["schedule"], saved.get("etag"))
        except FileNotFoundError:
            return None
        except Exception as error:  # a damaged file must never stop the agent: fetch anew
            log.warning("Lịch đã lưu bị hỏng, bỏ qua (saved schedule unreadable): %s", error)
            return None

    def save_schedule(self, schedule: Schedule) -> None:
        """Save the schedule atomically, with its ETag."""
        data = {"etag": schedule.etag, "schedule": schedule_to_json(schedule)}
        atomic_write(
            self.root / SCHEDULE_FILE, json.dumps(data, ensure_ascii=False, indent=1).encode()
        )

    @contextmanager
    def sync_lock(self) -> Iterator[None]:
        """Hold the cache for one sync, so `loa relay sync` from cron and a running agent
        never download into the same partial file at once."""
        with open(self.root / "sync.lock", "a+b") as handle:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

    # --- audio files ----------------------------------------------------------------------

    def path_for(self, sha256: str, suffix: str = ".mp3") -> Path:
        """Where the file with this sha256 lives once complete."""
        return self.audio_dir / f"{sha256}{suffix}"

    def is_valid(self, audio: AudioFile) -> bool:
        """True when the complete file is on disk and its sha256 matches."""
        path = self.path_for(audio.sha256, audio.suffix)
        try:
            stat = path.stat()
        except FileNotFoundError:
            return False
        signature = (stat.st_size, stat.st_mtime_ns, stat.st_ino)
        with self._lock:
            if self._verified.get(audio.sha256) == signature:
                return True
        if stat.st_size == audio.size_bytes and file_sha256(path) == audio.sha256:
            with self._lock:
                self._verified[audio.sha256] = signature
            return True
        log.warning(
            "Tệp %s hỏng (sai sha256), xoá để tải lại (corrupted cached file, removing)",
            path.name,
        )
        with self._lock:
            self._verified.pop(audio.sha256, None)
        path.unlink(missing_ok=True)
        return False

    def is_present(self, audio: AudioFile) -> bool:
        """Cheap check (no hashing): the complete file exists with the right size."""
        path = self.path_for(audio.sha256, audio.suffix)
        return path.exists() and path.stat().st_size == audio.size_bytes

    def ensure(
        self,
        client: RelayClient,
        audio: AudioFile,
        should_pause: Callable[[], bool] = lambda: False,
    ) -> bool:
        """Make sure the file is cached and valid; return True when it had to be downloaded.

        Raises DownloadPaused when `should_pause()` turns true mid-download.
        """
        if self.is_valid(audio):
            return False
        self._download(client, audio, should_pause)
        return True

    def _download(
        self, client: RelayClient, audio: AudioFile, should_pause: Callable[[], bool]
    ) -> None:
        final = self.path_for(audio.sha256, audio.suffix)
        part = final.with_name(final.name + ".part")
        start = part.stat().st_size if part.exists() else 0
        if start > audio.size_bytes:
            part.unlink()  # longer than the real file: it cannot be a prefix of it
            start = 0
        if start == audio.size_bytes:
            pass  # complete but not yet renamed (power cut): just verify it below
        elif start:
            log.info("Tải tiếp %s từ byte %d (resuming download)", final.name, start)
        else:
            log.info("Tải %s, %d byte (downloading)", final.name, audio.size_bytes)
        try:
            if start < audio.size_bytes:
                self._fetch(client, audio, part, start, should_pause)
        except RangeNotSatisfiable:
            part.unlink(missing_ok=True)
            self._fetch(client, audio, part, 0, should_pause)
        digest = hashlib.sha256()
        with open(part, "rb") as handle:
            for block in iter(lambda: handle.read(1024 * 1024), b""):
                digest.update(block)
        if digest.hexdigest() != audio.sha256:
            part.unlink(missing_ok=True)
            raise DownloadFailed(
                f"Tệp tải về sai sha256, sẽ tải lại: {final.name}",
                f"downloaded file does not match its sha256, will retry: {final.name}",
            )
        os.replace(part, final)
        _fsync_dir(self.audio_dir)
        stat = final.stat()
        with self._lock:  # just hashed: the player need not hash it again
            self._verified[audio.sha256] = (stat.st_size, stat.st_mtime_ns, stat.st_ino)
        log.info("Đã tải xong và kiểm tra sha256: %s (downloaded and verified)", final.name)

    def _fetch(
        self,
        client: RelayClient,
        audio: AudioFile,
        part: Path,
        start: int,
        should_pause: Callable[[], bool],
    ) -> None:
        with client.open_audio(audio.url, start) as stream:
            # A server that ignores Range answers 200 with the whole file: start over.
            mode = "ab" if stream.start == start and start > 0 else "wb"
            if stream.start not in (0, start):
                raise DownloadFailed(
                    "Máy chủ trả về đoạn tệp không như yêu cầu",
                    f"server resumed at byte {stream.start}, asked for {start}",
                )
            with open(part, mode) as handle:
                try:
                    for chunk in stream.chunks:
                        handle.write(chunk)
                        if should_pause():
                            raise DownloadPaused()
                finally:
                    # Keep every byte received so far: the next attempt resumes after it.
                    handle.flush()
                    os.fsync(handle.fileno())

    def remove_unused(self, keep: set[str]) -> list[str]:
        """Delete cached audio (complete or partial) whose sha256 is not in `keep`."""
        removed = []
        for path in self.audio_dir.iterdir():
            sha256 = path.name.split(".", 1)[0]
            if sha256 not in keep:
                path.unlink(missing_ok=True)
                removed.append(path.name)
                with self._lock:
                    self._verified.pop(sha256, None)
        return removed
