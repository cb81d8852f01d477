"""Audio on local disk against audio in S3: the same 30-minute render, and reading a programme back.

The S3 server is moto's (a Python S3 server) in its own process on loopback: slower per request
than MinIO or a cloud store, so the S3 figures bound the overhead from above. Baseline: the same
work on local disk, in the same run.
"""

from __future__ import annotations

import os
import platform
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from audio.assemble import ProgrammeRenderer
from audio.config import AudioSettings
from audio.s3storage import S3Storage
from audio.storage import LocalStorage, Storage
from audio.storage_url import open_storage
from bench.bench_render import scripts, spec

CREDENTIALS = {"AWS_ACCESS_KEY_ID": "bench", "AWS_SECRET_ACCESS_KEY": "bench-secret"}


@contextmanager
def moto_server() -> Iterator[str]:
    """moto's S3 server in a child process on a free loopback port; its endpoint URL."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    endpoint = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(endpoint + "/moto-api/", timeout=1)
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        yield endpoint
    finally:
        process.terminate()
        process.wait(timeout=10)


def render_twice(storage: Storage, settings: AudioSettings) -> tuple[float, float, str, list[int]]:
    """Cold render, then a warm re-render with one script changed: seconds each, programme key,
    and the requests each sent to the store (S3 only)."""
    texts = scripts()
    renderer = ProgrammeRenderer(storage, settings=settings)
    requests = [getattr(storage, "requests", 0)]
    started = time.perf_counter()
    first = renderer.render(spec(texts))
    cold = time.perf_counter() - started
    requests.append(getattr(storage, "requests", 0))
    texts[17] += " Bản tin này vừa được sửa lại."
    started = time.perf_counter()
    renderer.render(spec(texts))
    warm = time.perf_counter() - started
    requests.append(getattr(storage, "requests", 0))
    return cold, warm, first.programme.key, [b - a for a, b in zip(requests, requests[1:], strict=False)]


def main() -> None:
    """Print render times on local disk and on S3, and the cost of reading a programme from S3."""
    print(f"machine: {platform.platform()} | {os.cpu_count()} CPUs | Python {sys.version.split()[0]}")
    os.environ.update(CREDENTIALS)
    with tempfile.TemporaryDirectory() as folder, moto_server() as endpoint:
        base = Path(folder)
        local_settings = AudioSettings(data_dir=base / "local", espeak_backend="library")
        local_cold, local_warm, _, _ = render_twice(LocalStorage(local_settings.audio_dir), local_settings)

        import boto3

        boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1").create_bucket(Bucket="bench")
        s3_settings = AudioSettings(data_dir=base / "s3", espeak_backend="library",
                                    storage_url=f"s3://bench/audio?endpoint={endpoint}")
        storage = open_storage(s3_settings.storage_url, s3_settings.audio_dir)
        assert isinstance(storage, S3Storage)
        s3_cold, s3_warm, programme, requests = render_twice(storage, s3_settings)
        objects = sum(1 for _ in storage.keys())

        size = storage.stat(programme)
        assert size is not None
        (storage.cache_dir / programme[:2] / programme).unlink(missing_ok=True)
        started = time.perf_counter()
        storage.path(programme)  # into the local cache, sha256 checked
        fetch = time.perf_counter() - started
        started = time.perf_counter()
        storage.path(programme)
        cached = time.perf_counter() - started
        url = storage.download_url(programme, expires_seconds=600)
        started = time.perf_counter()
        body = httpx.get(url).content
        presigned = time.perf_counter() - started
        assert len(body) == size.size

    print(f"cold render of a 30-minute programme: local {local_cold:.2f} s, S3 {s3_cold:.2f} s "
          f"= {s3_cold / local_cold:.2f}x local, {requests[0]} requests to the store")
    print(f"warm re-render, one script changed: local {local_warm:.2f} s, S3 {s3_warm:.2f} s "
          f"= {s3_warm / local_warm:.2f}x local, {requests[1]} requests")
    print(f"objects in the bucket after both renders: {objects}")
    print(f"programme file {size.size / 1e6:.1f} MB: first read from S3 into the cache {fetch * 1000:.0f} ms "
          f"({size.size / 1e6 / fetch:.0f} MB/s, sha256 checked), cached {cached * 1000:.2f} ms, "
          f"presigned GET {presigned * 1000:.0f} ms")


if __name__ == "__main__":
    main()
