"""Content-addressed audio in an S3-compatible object store (MinIO, Garage, Ceph, a cloud's S3).

Objects are named `<prefix><first two hex digits>/<key>`, the same layout as on disk. A write
hashes the data first (the key is its sha256), then uploads it in one PUT with its Content-MD5:
the store rejects a body that arrived damaged, and an S3 PUT makes the object visible whole or
not at all, so nobody ever reads a partial file. After the PUT, the object's size (and its ETag,
where the store uses the MD5 as ETag) is checked again.

Readers that need a local file (FileResponse, the renderer) go through a bounded cache folder:
a download is checked against the sha256 in its key before it is put there under its final name.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from audio.errors import StorageUnavailable, disk_full_as_storage_full
from audio.storage import _KEY, TEMP_PREFIX, ObjectNotFound, StoredStat, _check_suffix, check_key

_CHUNK = 1024 * 1024
MEDIA_TYPES = {".mp3": "audio/mpeg", ".wav": "audio/wav", ".ogg": "audio/ogg", ".opus": "audio/ogg",
               ".json": "application/json", ".m3u8": "audio/x-mpegurl"}


class StoredObjectDamaged(StorageUnavailable):
    message_vi = "Tệp âm thanh trong kho lưu trữ bị hỏng (sai kích thước hoặc sai sha256)."
    message_en = "An audio object in storage is damaged (wrong size or sha256)."


class S3Storage:
    """Audio objects in one bucket under one prefix; `root` is a local folder for indexes and the cache."""

    def __init__(
        self,
        client: Any,
        bucket: str,
        prefix: str,
        root: Path,
        *,
        cache_bytes: int = 2 * 1024**3,
        signing_client: Any | None = None,
    ) -> None:
        self.client = client
        self.signing_client = signing_client or client
        self.bucket = bucket
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""
        self.root = Path(root)
        self.cache_dir = self.root / "s3-cache"
        self.cache_bytes = cache_bytes
        self.downloads = 0  # objects fetched into the cache, for tests and benchmarks
        self.requests = 0  # requests sent to the store, likewise
        self._cache_lock = threading.Lock()

    def _name(self, key: str) -> str:
        check_key(key)
        return f"{self.prefix}{key[:2]}/{key}"

    # -- reading -------------------------------------------------------------------------

    def exists(self, key: str) -> bool:
        """Whether `key` is stored (one HEAD request)."""
        return self.stat(key) is not None

    def stat(self, key: str) -> StoredStat | None:
        """Size and last write of `key`, or None if it is not stored."""
        try:
            head = self._call("head_object", Bucket=self.bucket, Key=self._name(key))
        except ObjectNotFound:
            return None
        return StoredStat(int(head["ContentLength"]), head["LastModified"].timestamp())

    def path(self, key: str) -> Path:
        """A local copy of `key` in the cache (downloaded and checked if not there yet);
        the path names no file if `key` is not stored."""
        check_key(key)
        cached = self.cache_dir / key[:2] / key
        if cached.is_file():
            with contextlib.suppress(FileNotFoundError):
                os.utime(cached)  # most recently used: evicted last
            return cached
        with contextlib.suppress(ObjectNotFound):
            self._download(key, cached)
        return cached

    def open(self, key: str) -> BinaryIO:
        """Open the stored file for reading (from the local cache)."""
        try:
            return self.path(key).open("rb")
        except FileNotFoundError as exc:
            raise ObjectNotFound() from exc

    def read_bytes(self, key: str) -> bytes:
        """The stored file's content."""
        with self.open(key) as source:
            return source.read()

    def keys(self) -> Iterator[str]:
        """Every stored key under the prefix (other objects in the bucket are not keys)."""
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=self.prefix)
        for page in pages:
            for item in page.get("Contents", []):
                shard, _, name = str(item["Key"])[len(self.prefix):].partition("/")
                if _KEY.match(name) and name.startswith(shard) and len(shard) == 2:
                    yield name

    def download_url(self, key: str, *, expires_seconds: int) -> str:
        """A presigned GET URL for `key`, valid `expires_seconds` (Range requests work on it)."""
        url: str = self.signing_client.generate_presigned_url(
            "get_object", Params={"Bucket": self.bucket, "Key": self._name(key)}, ExpiresIn=expires_seconds)
        return url

    # -- writing -------------------------------------------------------------------------

    def put_bytes(self, data: bytes, *, suffix: str = "") -> str:
        """Store `data`; return its key."""
        key = hashlib.sha256(data).hexdigest() + _check_suffix(suffix)
        if not self.exists(key):
            self._upload(key, data, len(data), hashlib.md5(data, usedforsecurity=False).digest())
            self._keep_copy(key, [data])
        return key

    def put_file(self, source: Path, *, suffix: str = "") -> str:
        """Store a copy of the file at `source`; return its key."""
        _check_suffix(suffix)
        sha, md5, size = hashlib.sha256(), hashlib.md5(usedforsecurity=False), 0
        with Path(source).open("rb") as handle:
            for block in iter(lambda: handle.read(_CHUNK), b""):
                sha.update(block)
                md5.update(block)
                size += len(block)
            key = sha.hexdigest() + suffix
            if not self.exists(key):
                handle.seek(0)
                self._upload(key, handle, size, md5.digest())
                handle.seek(0)
                self._keep_copy(key, iter(lambda: handle.read(_CHUNK), b""))
        return key

    @disk_full_as_storage_full()
    def put_stream(self, chunks: Iterable[bytes], *, suffix: str = "") -> str:
        """Store bytes arriving in chunks: staged in a local temporary file (the key is known
        only at the end), then uploaded whole."""
        _check_suffix(suffix)
        staging = self.root / "staging"
        staging.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=staging)
        try:
            with os.fdopen(handle, "wb") as out:
                for chunk in chunks:
                    out.write(chunk)
            return self.put_file(Path(temp_name), suffix=suffix)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp_name)

    def delete(self, key: str) -> None:
        """Remove `key` from the store and the cache (no error if absent)."""
        self._call("delete_object", Bucket=self.bucket, Key=self._name(key))
        with contextlib.suppress(FileNotFoundError):
            (self.cache_dir / key[:2] / key).unlink()

    def touch(self, key: str) -> None:
        """Mark `key` as just used: a copy onto itself with new metadata moves its LastModified."""
        name = self._name(key)
        with contextlib.suppress(ObjectNotFound):
            self._call("copy_object", Bucket=self.bucket, Key=name, CopySource={"Bucket": self.bucket, "Key": name},
                       MetadataDirective="REPLACE", Metadata={"used-at": str(int(time.time()))},
                       ContentType=MEDIA_TYPES.get(Path(key).suffix, "application/octet-stream"))

    def _upload(self, key: str, body: bytes | BinaryIO, size: int, md5: bytes) -> None:
        name = self._name(key)
        self._call("put_object", Bucket=self.bucket, Key=name, Body=body, ContentLength=size,
                   ContentMD5=base64.b64encode(md5).decode("ascii"),
                   ContentType=MEDIA_TYPES.get(Path(key).suffix, "application/octet-stream"))
        head = self._call("head_object", Bucket=self.bucket, Key=name)
        etag = str(head.get("ETag", "")).strip('"')
        plain_md5 = len(etag) == 32 and "-" not in etag
        if int(head["ContentLength"]) != size or (plain_md5 and etag != md5.hex()):
            self._call("delete_object", Bucket=self.bucket, Key=name)
            raise StoredObjectDamaged(
                f"Tệp {key[:12]}… trong kho S3 khác với tệp đã gửi; đã xoá.",
                f"Object {key[:12]}… in S3 differs from what was sent; removed.")

    # -- the cache -----------------------------------------------------------------------

    def _keep_copy(self, key: str, chunks: Iterable[bytes]) -> None:
        """Keep what was just uploaded (and checked) in the cache: the renderer reads its item
        files back to splice the programme, and relay points ask for a new programme soon."""
        target = self.cache_dir / key[:2] / key
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=target.parent)
            try:
                with os.fdopen(handle, "wb") as out:
                    for chunk in chunks:
                        out.write(chunk)
                os.replace(temp_name, target)
            finally:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(temp_name)
        except OSError:
            return  # only a cache: a full local disk must not fail a write the store accepted
        self._evict(keep=target)

    @disk_full_as_storage_full()
    def _download(self, key: str, target: Path) -> None:
        answer = self._call("get_object", Bucket=self.bucket, Key=self._name(key))
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=target.parent)
        digest = hashlib.sha256()
        try:
            with os.fdopen(handle, "wb") as out:
                for chunk in self._body(answer["Body"]):
                    digest.update(chunk)
                    out.write(chunk)
            if digest.hexdigest() != key[:64]:
                raise StoredObjectDamaged(
                    f"Tệp {key[:12]}… tải từ kho S3 sai sha256.", f"Object {key[:12]}… from S3 has a wrong sha256.")
            os.replace(temp_name, target)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp_name)
            raise
        self.downloads += 1
        self._evict(keep=target)

    def _evict(self, keep: Path) -> None:
        """Remove least recently used cached files until the cache fits its bound."""
        with self._cache_lock:
            files = []
            for shard in self.cache_dir.iterdir():
                for entry in os.scandir(shard):
                    if entry.is_file() and not entry.name.startswith(TEMP_PREFIX):
                        found = entry.stat()
                        files.append((found.st_mtime, found.st_size, Path(entry.path)))
            total = sum(size for _, size, _ in files)
            for _, size, path in sorted(files):
                if total <= self.cache_bytes:
                    break
                if path == keep:
                    continue
                # A reader that already opened the file keeps reading it (POSIX unlink).
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                total -= size

    @staticmethod
    def _body(body: Any) -> Iterator[bytes]:
        from botocore.exceptions import BotoCoreError

        try:
            yield from body.iter_chunks(_CHUNK)
        except (BotoCoreError, OSError) as exc:  # the connection dropped mid-object
            raise StorageUnavailable(
                f"Kết nối tới kho S3 bị ngắt khi tải tệp: {exc}.", f"The S3 download broke off: {exc}.") from exc

    def _call(self, operation: str, **params: Any) -> Any:
        from botocore.exceptions import BotoCoreError, ClientError

        self.requests += 1
        try:
            return getattr(self.client, operation)(**params)
        except ClientError as exc:
            code = str(exc.response.get("Error", {}).get("Code", ""))
            if code in {"404", "NoSuchKey", "NotFound"}:
                raise ObjectNotFound() from exc
            raise StorageUnavailable(
                f"Kho S3 trả lời lỗi {code} khi {operation}.", f"S3 answered {code} to {operation}.") from exc
        except BotoCoreError as exc:
            raise StorageUnavailable(
                f"Không kết nối được kho S3: {exc}.", f"The S3 store cannot be reached: {exc}.") from exc
