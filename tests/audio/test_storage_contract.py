"""What every audio store must do, run against local disk and a real S3-protocol server."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from audio.s3storage import S3Storage
from audio.storage import LocalStorage, ObjectNotFound, Storage


@pytest.fixture(params=["local", "s3"])
def any_storage(request: pytest.FixtureRequest, tmp_path: Path) -> Storage:
    if request.param == "local":
        return LocalStorage(tmp_path / "audio")
    made: Storage = request.getfixturevalue("s3_storage")
    return made


def test_keys_are_sha256_and_a_second_put_stores_nothing_new(any_storage: Storage) -> None:
    data = b"RIFF fake audio"
    key = any_storage.put_bytes(data, suffix=".wav")
    assert key == hashlib.sha256(data).hexdigest() + ".wav"
    assert any_storage.put_bytes(data, suffix=".wav") == key
    assert any_storage.read_bytes(key) == data
    assert any_storage.exists(key)
    assert list(any_storage.keys()) == [key]
    found = any_storage.stat(key)
    assert found is not None
    assert found.size == len(data)


def test_file_stream_and_bytes_give_the_same_key(any_storage: Storage, tmp_path: Path) -> None:
    source = tmp_path / "upload.mp3"
    source.write_bytes(b"x" * 3_000_000)
    key = any_storage.put_file(source, suffix=".mp3")
    assert key == any_storage.put_stream([b"x" * 1_000_000] * 3, suffix=".mp3")
    assert key == any_storage.put_bytes(b"x" * 3_000_000, suffix=".mp3")
    assert any_storage.path(key).stat().st_size == 3_000_000
    with any_storage.open(key) as handle:
        assert handle.read(4) == b"xxxx"
    assert sorted(any_storage.keys()) == [key]


def test_delete_removes_the_key_everywhere_and_twice_is_fine(any_storage: Storage) -> None:
    kept = any_storage.put_bytes(b"kept", suffix=".json")
    gone = any_storage.put_bytes(b"gone", suffix=".json")
    any_storage.read_bytes(gone)  # a local copy exists now for S3
    any_storage.delete(gone)
    any_storage.delete(gone)
    assert not any_storage.exists(gone)
    assert any_storage.stat(gone) is None
    assert not any_storage.path(gone).is_file()
    with pytest.raises(ObjectNotFound):
        any_storage.read_bytes(gone)
    assert list(any_storage.keys()) == [kept]


def test_a_failed_stream_stores_nothing(any_storage: Storage) -> None:
    def broken() -> Iterator[bytes]:
        yield b"a" * 1000
        raise OSError("connection lost")

    with pytest.raises(OSError, match="connection lost"):
        any_storage.put_stream(broken(), suffix=".mp3")
    assert list(any_storage.keys()) == []
    assert list((any_storage.root / "staging").glob("*")) == []


def test_missing_keys_and_bad_keys(any_storage: Storage) -> None:
    missing = "0" * 64 + ".mp3"
    assert not any_storage.exists(missing)
    with pytest.raises(ObjectNotFound):
        any_storage.open(missing)
    with pytest.raises(ValueError, match="not a storage key"):
        any_storage.exists("../etc/passwd")


def test_download_url_serves_the_file_with_ranges_only_where_the_store_has_urls(any_storage: Storage) -> None:
    data = bytes(range(256)) * 400
    key = any_storage.put_bytes(data, suffix=".mp3")
    url = any_storage.download_url(key, expires_seconds=300)
    if isinstance(any_storage, LocalStorage):
        assert url is None  # Loa serves local files itself
        return
    assert url is not None
    assert "Signature" in url
    whole = httpx.get(url)
    assert whole.status_code == 200
    assert hashlib.sha256(whole.content).hexdigest() == key[:64]
    tail = httpx.get(url, headers={"Range": "bytes=100000-"})
    assert tail.status_code == 206
    assert tail.content == data[100000:]


def test_s3_keys_ignore_other_objects_in_the_bucket(s3_storage: S3Storage) -> None:
    key = s3_storage.put_bytes(b"programme", suffix=".mp3")
    client = s3_storage.client
    client.put_object(Bucket=s3_storage.bucket, Key="elsewhere/readme.txt", Body=b"not audio")
    client.put_object(Bucket=s3_storage.bucket, Key=s3_storage.prefix + "notes.txt", Body=b"not audio")
    assert list(s3_storage.keys()) == [key]
    stored = client.get_object(Bucket=s3_storage.bucket, Key=f"{s3_storage.prefix}{key[:2]}/{key}")
    assert stored["ContentType"] == "audio/mpeg"
