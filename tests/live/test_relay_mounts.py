"""A relay window on an area's Icecast mount: during the window the mount carries the relayed
source (a real MP3 stream on loopback), other areas keep their programme, and a run switched to
its fallback gives the mount back to the area's own programme."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.orm import Session

from app.models import RelayWindowRun
from app.streams.supervisor import StreamSupervisor
from tests.fixtures.builders import World, auth
from tests.fixtures.icecast import Icecast, Receiver
from tests.live.test_area_streams import STEPS, _mounts, _run, on_air, streaming  # noqa: F401
from tests.relay_windows.stream_server import StreamServer, tone_mp3

pytestmark = pytest.mark.slow
RELAYED = 325.0  # between two of the programme's steps: the receiver tells them apart


@pytest.mark.usefixtures("on_air")
def test_the_area_mount_carries_the_relay_then_its_programme_when_the_run_falls_back(
        client, session: Session, world: World, icecast: Icecast,
        streaming: StreamSupervisor, tmp_path: Path) -> None:  # noqa: F811
    source = StreamServer(tone_mp3(tmp_path / "city.mp3", 30, int(RELAYED)).read_bytes()).start()
    local = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).replace(microsecond=0)
    start, end = local - timedelta(seconds=5), local + timedelta(minutes=5)
    if end.date() != start.date():
        pytest.skip("the window would cross local midnight")
    admin, editor = auth(world.users["admin"]), auth(world.users["editor"])
    city = client.post(f"/api/v1/stations/{world.station.id}/relay-sources", headers=admin,
                       json={"name": "Đài thành phố", "url": source.url}).json()
    window = client.post(f"/api/v1/stations/{world.station.id}/relay-windows", headers=editor, json={
        "source_id": city["id"], "title": "Thời sự thành phố", "start_time": start.strftime("%H:%M:%S"),
        "end_time": end.strftime("%H:%M:%S"), "dates": [start.date().isoformat()],
        "area_ids": [world.areas[0].id]}).json()
    mounts = _mounts(session, world)
    streaming.tick(datetime.now(UTC))
    icecast.wait_for_mount(mounts[world.areas[0].id])
    icecast.wait_for_mount(mounts[world.areas[1].id])
    khu1 = Receiver(f"{icecast.url}{mounts[world.areas[0].id]}").start()
    khu2 = Receiver(f"{icecast.url}{mounts[world.areas[1].id]}").start()
    candidates = [RELAYED, *STEPS]
    try:
        _run(streaming, 6)
        assert khu1.frequency_at(khu1.seconds() - 1.0, candidates) == RELAYED
        assert khu2.frequency_at(khu2.seconds() - 1.0, candidates) in STEPS, "Khu 2 is not in the window"
        assert source.connections >= 1

        run = session.query(RelayWindowRun).filter_by(window_id=window["id"]).one()
        run.use_fallback = True  # as a failed 1-minute check would
        session.commit()
        switched, at_s = time.monotonic(), khu1.seconds()
        _run(streaming, 6)
        heard = next((t for t in [at_s + k * 0.5 for k in range(20)] if t + 0.5 <= khu1.seconds()
                      and khu1.frequency_at(t, candidates) in STEPS), None)
        assert heard is not None, "the programme never came back to Khu 1's mount"
        assert khu1.heard_at(heard) - switched < 5.0
        assert not khu1.disconnected
    finally:
        khu1.stop()
        khu2.stop()
        source.stop()
