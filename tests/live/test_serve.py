"""`loa serve` with an Icecast configured feeds every area's mount, and a restarted Loa takes
the mounts back by itself (it hands the scheduler lease over when it stops)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.fixtures.icecast import SOURCE_PASSWORD, Icecast
from tests.fixtures.live_server import LoaServer

pytestmark = pytest.mark.slow
DEMO_MOUNTS = {f"/1-khu-{n}.mp3" for n in range(1, 7)}


def _wait_for(icecast: Icecast, mounts: set[str], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not mounts <= set(icecast.mounts()):
        assert time.monotonic() < deadline, f"mounts on Icecast: {sorted(icecast.mounts())}"
        time.sleep(0.3)


def test_loa_serve_feeds_the_demo_areas_and_takes_them_back_after_a_restart(
        icecast: Icecast, tmp_path: Path) -> None:
    server = LoaServer(tmp_path, scheduler=True, env={"LOA_ICECAST_URL": icecast.url,
                                                      "LOA_ICECAST_SOURCE_PASSWORD": SOURCE_PASSWORD})
    server.cli("init", "--demo")
    server.start()
    try:
        _wait_for(icecast, DEMO_MOUNTS, 45)
        server.stop()
        deadline = time.monotonic() + 10
        while set(icecast.mounts()) & DEMO_MOUNTS:
            assert time.monotonic() < deadline, "a stopped Loa left its sources on Icecast"
            time.sleep(0.2)
        server.start()
        # well before the old lease would run out (90 s): the stopped process handed it over
        _wait_for(icecast, DEMO_MOUNTS, 45)
    finally:
        server.stop()
