"""Content-addressed audio storage: files named by their sha256, written atomically.

`LocalStorage` keeps them in a folder; `audio.s3storage.S3Storage` in an S3-compatible
object store; `audio.storage_url.open_storage` picks one from `LOA_STORAGE_URL`.
A key is the sha256 hex digest plus an optional suffix (".wav", ".mp3") so that a web
server can serve the file with the right type.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

from audio.errors import AudioError, disk_full_as_storage_full

KEY_PATTERN = r"^[0-9a-f]{64}(\.[a-z0-9]{1,8})?$"
_KEY = re.compile(KEY_PATTERN)
_CHUNK = 1024 * 1024
TEMP_PREFIX = ".tmp-"


class ObjectNotFound(AudioError):
    message_vi = "Không tìm thấy tệp âm thanh trong kho lưu trữ."
    message_en = "The audio file is not in storage."


@dataclass(frozen=True)
class StoredStat:
    """A stored file's size and when it was last written or marked as used (epoch seconds)."""

    size: int
    modified_at: float


class Storage(Protocol):
    """What Loa needs from a place that keeps audio files.

    `root` is a local folder the renderer and the speech cache keep their indexes and
    temporary files in; for `LocalStorage` it is also where the files live.
    """

    root: Path

    def put_bytes(self, data: bytes, *, suffix: str = "") -> str:
        """Store `data`; return its key (sha256 hex + suffix)."""
        ...

    def put_file(self, source: Path, *, suffix: str = "") -> str:
        """Store a copy of the file at `source`; return its key."""
        ...

    @disk_full_as_storage_full()
    def put_stream(self, chunks: Iterable[bytes], *, suffix: str = "") -> str:
        """Store bytes arriving in chunks; return their key."""
        ...

    def exists(self, key: str) -> bool:
        """Whether `key` is stored."""
        ...

    def path(self, key: str) -> Path:
        """A local path to read the stored file from (no file there if `key` is not stored)."""
        ...

    def open(self, key: str) -> BinaryIO:
        """Open the stored file for reading."""
        ...

    def read_bytes(self, key: str) -> bytes:
        """The stored file's content."""
        ...

    def stat(self, key: str) -> StoredStat | None:
        """Size and last write of `key`, or None if it is not stored."""
        ...

    def keys(self) -> Iterator[str]:
        """Every stored key."""
        ...

    def delete(self, key: str) -> None:
        """Remove `key` (no error if absent)."""
        ...

    def touch(self, key: str) -> None:
        """Mark `key` as just used (the retention clean-up spares recently used files)."""
        ...

    def download_url(self, key: str, *, expires_seconds: int) -> str | None:
        """A URL anyone holding it may GET `key` from until it expires; None if the store has none."""
        ...


def check_key(key: str) -> str:
    """Refuse anything but sha256-hex(+suffix) keys (no path tricks)."""
    if not _KEY.match(key):
        raise ValueError(f"not a storage key: {key!r}")
    return key


def _check_suffix(suffix: str) -> str:
    if suffix and not re.fullmatch(r"\.[a-z0-9]{1,8}", suffix):
        raise ValueError(f"bad suffix: {suffix!r}")
    return suffix


@disk_full_as_storage_full()
def write_atomically(target: Path, chunks: Iterable[bytes]) -> None:
    """Write `target` so a reader sees the old file or the complete new one, never a part;
    a full disk raises `StorageFull` and leaves nothing behind."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            for chunk in chunks:
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    _fsync_dir(target.parent)


class DirectorySyncs:
    """Folders that received renamed files and still need an fsync; `flush` syncs each once.

    Within `deferred_directory_syncs` a file's data is still fsynced before it is renamed
    into place (so a name never shows a partial file), but the fsync that makes the rename
    itself durable is left to `flush`: a render writing hundreds of files into a few hundred
    folders syncs each folder once, at the end, before it reports its files as stored.
    A crash before `flush` can lose the newest names, never their content: every index
    entry is checked against `Storage.exists` before use.
    """

    def __init__(self) -> None:
        self._folders: set[Path] = set()
        self._lock = threading.Lock()

    def add(self, directory: Path) -> None:
        with self._lock:
            self._folders.add(directory)

    def flush(self) -> None:
        """Fsync every folder added since the last flush."""
        with self._lock:
            folders, self._folders = sorted(self._folders), set()
        for folder in folders:
            _fsync_now(folder)


_deferred = threading.local()


@contextlib.contextmanager
def deferred_directory_syncs(syncs: DirectorySyncs) -> Iterator[None]:
    """In this thread, leave folder fsyncs to `syncs.flush()` (see `DirectorySyncs`)."""
    previous = getattr(_deferred, "syncs", None)
    _deferred.syncs = syncs
    try:
        yield
    finally:
        _deferred.syncs = previous


def _fsync_dir(directory: Path) -> None:
    # The rename is durable only once the directory entry itself is on disk.
    syncs: DirectorySyncs | None = getattr(_deferred, "syncs", None)
    if syncs is not None:
        syncs.add(directory)
        return
    _fsync_now(directory)


def _fsync_now(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class LocalStorage:
    """Content-addressed files under `root/<first two hex digits>/<key>`."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path(self, key: str) -> Path:
        """Where `key` lives (whether or not it exists)."""
        check_key(key)
        return self.root / key[:2] / key

    def exists(self, key: str) -> bool:
        """Whether `key` is stored."""
        return self.path(key).is_file()

    def open(self, key: str) -> BinaryIO:
        """Open the stored file for reading."""
        try:
            return self.path(key).open("rb")
        except FileNotFoundError as exc:
            raise ObjectNotFound() from exc

    def read_bytes(self, key: str) -> bytes:
        """The stored file's content."""
        with self.open(key) as source:
            return source.read()

    def stat(self, key: str) -> StoredStat | None:
        """Size and modification time of `key`, or None if it is not stored."""
        try:
            found = self.path(key).stat()
        except FileNotFoundError:
            return None
        return StoredStat(found.st_size, found.st_mtime)

    def keys(self) -> Iterator[str]:
        """Every stored key (the index folders and half-written files are not keys)."""
        if not self.root.is_dir():
            return
        for shard in sorted(self.root.iterdir()):
            if len(shard.name) == 2 and shard.is_dir():
                for entry in sorted(shard.iterdir()):
                    if _KEY.match(entry.name) and entry.name.startswith(shard.name):
                        yield entry.name

    def delete(self, key: str) -> None:
        """Remove `key` (no error if absent)."""
        with contextlib.suppress(FileNotFoundError):
            self.path(key).unlink()

    def touch(self, key: str) -> None:
        """Mark `key` as just used: a render that reuses a file commits its reference minutes
        later, and the retention clean-up never deletes a file used that recently."""
        with contextlib.suppress(FileNotFoundError):
            os.utime(self.path(key))

    def download_url(self, key: str, *, expires_seconds: int) -> str | None:  # noqa: ARG002
        """None: files on this machine's disk are served by Loa itself."""
        check_key(key)
        return None

    def put_bytes(self, data: bytes, *, suffix: str = "") -> str:
        """Store `data`; return its key."""
        key = hashlib.sha256(data).hexdigest() + _check_suffix(suffix)
        if self.exists(key):
            self.touch(key)
            return key
        # Written in the staging folder, like a stream: a process killed mid-write leaves its
        # temporary file there, never beside the finished files.
        return self._write([data], suffix, key)

    def put_file(self, source: Path, *, suffix: str = "") -> str:
        """Store a copy of the file at `source`; return its key."""
        with Path(source).open("rb") as handle:
            return self.put_stream(iter(lambda: handle.read(_CHUNK), b""), suffix=suffix)

    def put_stream(self, chunks: Iterable[bytes], *, suffix: str = "") -> str:
        """Store bytes arriving in chunks (hashed while written); return their key."""
        return self._write(chunks, _check_suffix(suffix), None)

    @disk_full_as_storage_full()
    def _write(self, chunks: Iterable[bytes], suffix: str, known_key: str | None) -> str:
        """Write `chunks` under their key: `known_key` if the caller hashed them already."""
        staging = self.root / "staging"
        digest = hashlib.sha256()

        def hashed() -> Iterator[bytes]:
            for chunk in chunks:
                if known_key is None:
                    digest.update(chunk)
                yield chunk

        # The name is known only at the end: write under a temporary name in the
        # staging folder (same file system), then rename into place.
        staging.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=staging)
        try:
            with os.fdopen(handle, "wb") as out:
                for chunk in hashed():
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            key = known_key or digest.hexdigest() + suffix
            final = self.path(key)
            if final.is_file():
                os.unlink(temp_name)
                self.touch(key)
                return key
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(temp_name, final)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp_name)
            raise
        _fsync_dir(final.parent)
        return key
