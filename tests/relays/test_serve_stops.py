"""`loa serve` stops promptly while a relay point listens to a live relay (a response that never ends)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest

from app.cli import SHUTDOWN_GRACE_SECONDS
from tests.relay_windows.stream_server import StreamServer, tone_mp3
from tests.relays.live import LoaServer

pytestmark = pytest.mark.slow
PASSWORDS = {"ubnd": "mat-khau-ubnd-1", "bientap": "mat-khau-bientap-1"}


@pytest.fixture
def upstream(tmp_path: Path) -> Iterator[StreamServer]:
    server = StreamServer(tone_mp3(tmp_path / "city.mp3", 30, 440).read_bytes()).start()
    yield server
    server.stop()


def _sign_in(base: str, username: str) -> dict[str, str]:
    answer = httpx.post(f"{base}/api/v1/auth/token", data={"username": username, "password": PASSWORDS[username]})
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


def test_a_stop_does_not_wait_for_a_relay_point_listening_live(tmp_path: Path, upstream: StreamServer) -> None:
    server = LoaServer(tmp_path / "data", scheduler=False).start_demo(PASSWORDS)
    try:
        base = server.url
        admin, editor = _sign_in(base, "ubnd"), _sign_in(base, "bientap")
        station = httpx.get(f"{base}/api/v1/stations", headers=admin).json()[0]
        area = httpx.get(f"{base}/api/v1/stations/{station['id']}", headers=admin).json()["areas"][0]
        local = datetime.now(ZoneInfo(station["timezone"])).replace(microsecond=0)
        start, end = local - timedelta(seconds=5), local + timedelta(minutes=5)
        if end.date() != start.date():
            pytest.skip("the window would cross local midnight")
        source = httpx.post(f"{base}/api/v1/stations/{station['id']}/relay-sources", headers=admin,
                            json={"name": "Đài thành phố", "url": upstream.url}).json()
        window = httpx.post(f"{base}/api/v1/stations/{station['id']}/relay-windows", headers=editor, json={
            "source_id": source["id"], "title": "Thời sự thành phố", "start_time": start.strftime("%H:%M:%S"),
            "end_time": end.strftime("%H:%M:%S"), "dates": [start.date().isoformat()], "area_ids": [area["id"]]})
        assert window.status_code == 201, window.text
        point = httpx.post(f"{base}/api/v1/areas/{area['id']}/relay-points", headers=admin,
                           json={"name": "Cụm loa chợ"})
        assert point.status_code == 201, point.text
        relay = {"Authorization": f"Bearer {point.json()['token']}"}
        live_url = httpx.get(f"{base}/api/v1/relay/schedule", headers=relay).json()["relays"][0]["live_url"]

        heard = threading.Event()

        def listen() -> None:  # a relay point playing the relay: it reads on and on
            try:
                with httpx.stream("GET", f"{base}{live_url}", headers=relay, timeout=60) as response:
                    for _chunk in response.iter_bytes():
                        heard.set()
            except httpx.HTTPError:
                pass  # the server went away: what a relay point sees on a restart

        listener = threading.Thread(target=listen, daemon=True)
        listener.start()
        assert heard.wait(30), "the live relay never started"
        asked = time.monotonic()
        server.stop()  # SIGTERM, as systemd or a restart sends it
        stopped_in = time.monotonic() - asked
        assert stopped_in < SHUTDOWN_GRACE_SECONDS + 10, f"loa serve took {stopped_in:.1f} s to stop"
        listener.join(10)
        assert not listener.is_alive(), "the relay point's connection was not closed"
    finally:
        server.stop()
