"""What only the S3 store does: checked uploads and downloads, a bounded cache, URLs, outages."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from audio.assemble import ProgrammeRenderer
from audio.config import AudioSettings
from audio.errors import StorageUnavailable
from audio.programme import ProgrammeSpec
from audio.s3storage import S3Storage, StoredObjectDamaged
from audio.storage import LocalStorage
from audio.storage_url import BadStorageUrl, open_storage
from tests.fixtures.s3 import S3Server


def _object_name(storage: S3Storage, key: str) -> str:
    return f"{storage.prefix}{key[:2]}/{key}"


def _other_machine(storage: S3Storage, root: Path) -> S3Storage:
    """The same bucket seen from another API or worker machine (a cache of its own)."""
    return S3Storage(storage.client, storage.bucket, storage.prefix, root)


def test_an_object_changed_behind_loas_back_is_never_served(s3_storage: S3Storage, tmp_path: Path) -> None:
    key = s3_storage.put_bytes(b"the real programme" * 1000, suffix=".mp3")
    s3_storage.client.put_object(Bucket=s3_storage.bucket, Key=_object_name(s3_storage, key), Body=b"tampered")
    other = _other_machine(s3_storage, tmp_path / "other")
    with pytest.raises(StoredObjectDamaged):
        other.path(key)
    assert [p for p in other.cache_dir.rglob("*") if p.is_file()] == []


def test_an_upload_whose_body_does_not_match_its_md5_is_refused_and_not_stored(s3_storage: S3Storage) -> None:
    data = b"audio that will arrive damaged"
    key = hashlib.sha256(data).hexdigest() + ".wav"
    with pytest.raises(StorageUnavailable):
        s3_storage._upload(key, data, len(data), hashlib.md5(b"what was meant", usedforsecurity=False).digest())
    assert not s3_storage.exists(key)


def test_the_local_cache_stays_within_its_bound_and_keeps_the_latest(s3_storage: S3Storage) -> None:
    s3_storage.cache_bytes = 250_000  # 2.5 of the files below
    keys = [s3_storage.put_bytes(bytes([n]) * 100_000, suffix=".mp3") for n in range(5)]
    for key in keys:
        assert s3_storage.read_bytes(key)[:1] == bytes([keys.index(key)])
    cached = list(s3_storage.cache_dir.rglob("*.mp3"))
    assert sum(p.stat().st_size for p in cached) <= 250_000
    assert s3_storage.cache_dir / keys[-1][:2] / keys[-1] in cached
    # Evicted files come back from the store when read again.
    assert s3_storage.read_bytes(keys[0]) == bytes([0]) * 100_000


def test_a_file_is_fetched_once_then_read_from_the_cache(s3_storage: S3Storage, tmp_path: Path) -> None:
    key = s3_storage.put_bytes(b"speech" * 1000, suffix=".wav")
    assert s3_storage.read_bytes(key) == b"speech" * 1000
    assert s3_storage.downloads == 0  # the writer kept what it uploaded
    other = _other_machine(s3_storage, tmp_path / "other")
    assert other.read_bytes(key) == b"speech" * 1000
    assert other.read_bytes(key) == b"speech" * 1000
    other.path(key)
    assert other.downloads == 1


def test_an_unreachable_store_is_a_named_error(tmp_path: Path, s3_credentials: dict[str, str]) -> None:  # noqa: ARG001
    from tests.fixtures.live_server import free_port

    storage = open_storage(f"s3://loa/audio?endpoint=http://127.0.0.1:{free_port()}", tmp_path)
    with pytest.raises(StorageUnavailable, match="cannot be reached"):
        storage.put_bytes(b"x", suffix=".wav")


def test_storage_urls(tmp_path: Path, s3_server: S3Server, s3_credentials: dict[str, str]) -> None:  # noqa: ARG001
    assert isinstance(open_storage(None, tmp_path / "a"), LocalStorage)
    local = open_storage(f"file://{tmp_path}/b", tmp_path / "a")
    assert isinstance(local, LocalStorage)
    assert local.root == tmp_path / "b"
    with pytest.raises(BadStorageUrl, match="AWS_ACCESS_KEY_ID"):
        open_storage("s3://key:secret@bucket/audio", tmp_path)
    with pytest.raises(BadStorageUrl, match="unknown option"):
        open_storage("s3://bucket/audio?endpont=http://127.0.0.1:9000", tmp_path)
    with pytest.raises(BadStorageUrl, match="file:///path or s3://"):
        open_storage("ftp://bucket/audio", tmp_path)
    bucket = s3_server.new_bucket()
    public = open_storage(s3_server.storage_url(bucket) + "&public_endpoint=https://audio.example.vn", tmp_path)
    key = public.put_bytes(b"x", suffix=".mp3")
    assert str(public.download_url(key, expires_seconds=60)).startswith(f"https://audio.example.vn/{bucket}/audio/")


def test_a_render_whose_store_is_down_fails_with_a_named_error(
    tmp_path: Path, s3_credentials: dict[str, str]  # noqa: ARG001
) -> None:
    from tests.fixtures.live_server import free_port

    settings = AudioSettings(data_dir=tmp_path, gtts_base_url="http://127.0.0.1:9")
    storage = open_storage(f"s3://loa/audio?endpoint=http://127.0.0.1:{free_port()}", settings.audio_dir)
    spec = ProgrammeSpec.model_validate({"title": "Thử", "slot_length_ms": 5000, "items": [
        {"kind": "speech", "ref": "opening", "title": "Mở đầu", "offset_ms": 0, "duration_ms": 3000,
         "text": "Đây là Đài truyền thanh phường Hà Tu."}]})
    with pytest.raises(StorageUnavailable):
        ProgrammeRenderer(storage, settings=settings).render(spec)
