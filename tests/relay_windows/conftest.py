from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.relay_windows.stream_server import StreamServer, tone_mp3


class SharedSessions:
    """A session factory handing out the test's own session (jobs open and commit sessions)."""

    def __init__(self, session) -> None:
        self.session = session

    def __call__(self):
        return self

    def __enter__(self):
        return self.session

    def __exit__(self, *exc: object) -> None:
        if exc[0] is not None:
            self.session.rollback()


@pytest.fixture(scope="session")
def tones_mp3(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """30 s of a 440 Hz tone, 64 kbit/s MP3."""
    return tone_mp3(tmp_path_factory.mktemp("relay") / "tones.mp3", 30).read_bytes()


@pytest.fixture
def live_source(tones_mp3: bytes) -> Iterator[StreamServer]:
    server = StreamServer(tones_mp3).start()
    yield server
    if not server.stopped.is_set():
        server.stop()


@pytest.fixture
def silent_source(tmp_path: Path) -> Iterator[StreamServer]:
    server = StreamServer(tone_mp3(tmp_path / "silence.mp3", 10, silent=True).read_bytes()).start()
    yield server
    server.stop()
