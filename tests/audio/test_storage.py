from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from audio.storage import LocalStorage


def test_put_names_files_by_sha256_and_deduplicates(tmp_path: Path) -> None:
    storage = LocalStorage(tmp_path)
    data = b"RIFF fake audio"
    key = storage.put_bytes(data, suffix=".wav")
    assert key == hashlib.sha256(data).hexdigest() + ".wav"
    assert storage.put_bytes(data, suffix=".wav") == key
    assert storage.read_bytes(key) == data
    storage.delete(key)
    assert not storage.exists(key)


def test_put_file_and_stream_agree(tmp_path: Path) -> None:
    storage = LocalStorage(tmp_path / "store")
    source = tmp_path / "upload.mp3"
    source.write_bytes(b"x" * 3_000_000)
    key = storage.put_file(source, suffix=".mp3")
    assert key == storage.put_stream([b"x" * 1_000_000] * 3, suffix=".mp3")
    assert storage.path(key).stat().st_size == 3_000_000


def test_failed_write_leaves_no_file_under_any_name(tmp_path: Path) -> None:
    storage = LocalStorage(tmp_path)

    def broken() -> Iterator[bytes]:
        yield b"a" * 1000
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        storage.put_stream(broken())
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_killed_writer_never_leaves_a_partial_file_under_a_final_name(tmp_path: Path) -> None:
    writer = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from audio.storage import LocalStorage\n"
        "def chunks():\n"
        "    for _ in range(10_000):\n"
        "        yield b'z' * 65536\n"
        "        time.sleep(0.001)\n"
        f"LocalStorage(Path({str(tmp_path)!r})).put_stream(chunks())\n"
    )
    process = subprocess.Popen([sys.executable, "-c", writer], cwd=Path(__file__).parents[2])
    staging = tmp_path / "staging"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not any(staging.glob(".tmp-*")):
        time.sleep(0.01)
    time.sleep(0.1)
    process.kill()
    process.wait()
    partial = list(staging.glob(".tmp-*"))
    assert partial
    assert partial[0].stat().st_size > 0
    finals = [p for p in tmp_path.rglob("*") if p.is_file() and p.parent != staging]
    assert finals == []


def test_storing_again_or_touching_marks_a_file_as_just_used(tmp_path: Path) -> None:
    store = LocalStorage(tmp_path)
    key = store.put_bytes(b"tin bai da luu", suffix=".wav")
    old = time.time() - 90 * 86400
    os.utime(store.path(key), (old, old))
    assert store.put_bytes(b"tin bai da luu", suffix=".wav") == key
    assert store.path(key).stat().st_mtime > old + 80 * 86400
    os.utime(store.path(key), (old, old))
    store.touch(key)
    assert store.path(key).stat().st_mtime > old + 80 * 86400
    store.touch("0" * 64 + ".mp3")  # absent: nothing to mark, no error
