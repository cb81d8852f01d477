"""Each area's mount fed from the database by the supervisor, heard by an ffmpeg receiver:
the area's programme at the wall-clock offset, an emergency for one area only, its stop."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete
from sqlalchemy.orm import Session

from app.config import Settings, get_settings
from app.models import Programme, ProgrammeStatus, Slot
from app.speech.audio import storage
from app.streams import service as streams
from app.streams import supervisor as supervisor_module
from app.streams.supervisor import StreamSupervisor
from tests.fixtures.builders import World, auth
from tests.fixtures.icecast import SOURCE_PASSWORD, Icecast, Receiver, tone_sequence_file, tone_steps
from tests.web.helpers import sign_in

pytestmark = pytest.mark.slow
SECONDS = 60
REPEATS = 3
STEPS = tone_steps(SECONDS)
ALERT = [880.0, 988.0, 1175.0]  # audio/alert.py's beeps open every bulletin
BULLETIN = {"title": "Cảnh báo bão số 3", "minutes": 30, "after": "resume",
            "body": "Bão số 3 gió mạnh cấp 8. Bà con khẩn trương chằng chống nhà cửa."}


@pytest.fixture
def on_air(session: Session, world: World, tmp_path: Path) -> Programme:
    """A station-wide programme of tone steps that began 10 s ago. The station has no regular
    slots: an emergency re-plans today, and at 06:30-07:00 or 16:30-17:00 (when CI may run) a
    freshly planned, unrendered slot programme would rightly take the air from this one."""
    session.execute(delete(Slot).where(Slot.station_id == world.station.id))
    # the steps twice over: on a loaded machine (an emergency's speech can take half a minute) the
    # programme is still on the air when the test listens for it after the emergency
    key = storage().put_file(tone_sequence_file(tmp_path / "programme.mp3", SECONDS, repeat=REPEATS), suffix=".mp3")
    now = datetime.now(UTC)
    programme = Programme(station_id=world.station.id, slot_id=None, slot_name="test", air_date=now.date(),
                          area_key=0, starts_at=now - timedelta(seconds=10), duration_ms=REPEATS * SECONDS * 1000,
                          status=ProgrammeStatus.locked, items=[], explanation=[], audio_key=key)
    session.add(programme)
    session.commit()
    return programme


@pytest.fixture
def streaming(icecast: Icecast, session: Session, monkeypatch: pytest.MonkeyPatch) -> Iterator[StreamSupervisor]:
    monkeypatch.setenv("LOA_ICECAST_URL", icecast.url)
    monkeypatch.setenv("LOA_ICECAST_SOURCE_PASSWORD", SOURCE_PASSWORD)
    get_settings.cache_clear()
    # ticks run in the test's thread, on the test's session: what the API commits is seen at once
    supervisor = StreamSupervisor(lambda: contextlib.nullcontext(session), Settings(), retry_seconds=0.5)
    monkeypatch.setattr(supervisor_module, "_supervisor", supervisor)  # this process feeds the mounts
    try:
        yield supervisor
    finally:
        supervisor.stop()
        monkeypatch.undo()
        get_settings.cache_clear()


def _run(supervisor: StreamSupervisor, seconds: float) -> None:
    """The supervisor's loop, a tick a second, for `seconds`."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        supervisor.tick(datetime.now(UTC))
        time.sleep(min(1.0, max(0.0, end - time.monotonic())))


def _mounts(session: Session, world: World) -> dict[int, str]:
    return {m.area_id: m.mount for m in streams.area_mounts(session, world.station.id)}


def test_an_area_mount_carries_its_programme_then_an_emergency_and_its_stop(
        client, session: Session, world: World, icecast: Icecast, on_air: Programme,
        streaming: StreamSupervisor) -> None:
    mounts = _mounts(session, world)
    assert mounts[world.areas[0].id] == f"/{world.station.id}-khu-1.mp3"
    streaming.tick(datetime.now(UTC))
    icecast.wait_for_mount(mounts[world.areas[0].id])
    khu1 = Receiver(f"{icecast.url}{mounts[world.areas[0].id]}").start()
    khu2 = Receiver(f"{icecast.url}{mounts[world.areas[1].id]}").start()
    try:
        _run(streaming, 4)
        expected = (datetime.now(UTC) - on_air.starts_at).total_seconds() - (time.monotonic() - khu1.heard_at(1.0))
        assert khu1.programme_time_at(1.0, STEPS) == pytest.approx(expected, abs=2.0)

        listed = client.get(f"/api/v1/stations/{world.station.id}/streams", headers=auth(world.users["editor"]))
        assert listed.status_code == 200, listed.text
        row = next(m for m in listed.json()["mounts"] if m["area_id"] == world.areas[0].id)
        assert row["on_icecast"] is True
        assert row["listeners"] == 1
        assert row["listen_url"] == f"{icecast.url}{mounts[world.areas[0].id]}"
        assert (row["state"], row["carrying"]) == ("on_air", f"programme:{on_air.id}:1")
        sign_in(client, "editor")
        board = client.get("/app/relays")
        assert f"chương trình #{on_air.id}" in board.text

        r = client.post("/api/v1/emergency", headers=auth(world.users["editor"]),
                        json={**BULLETIN, "area_ids": [world.areas[0].id]})
        assert r.status_code == 201, r.text
        issued, before = time.monotonic(), khu1.seconds()
        _run(streaming, 7)
        heard = khu1.first_time_of(880.0, [*STEPS, *ALERT], after_s=before)
        assert heard is not None, "the emergency never reached Khu 1's stream"
        assert khu1.heard_at(heard) - issued < 5.0
        # Khu 2 is not in the bulletin's areas: its programme goes on
        assert khu2.first_time_of(880.0, [*STEPS, *ALERT]) is None
        assert khu2.frequency_at(khu2.seconds() - 1.0, STEPS) in STEPS

        r = client.post(f"/api/v1/emergency/{r.json()['id']}/cancel", headers=auth(world.users["editor"]))
        assert r.status_code == 200, r.text
        stopped = time.monotonic()
        stopped_at_s = khu1.seconds()
        _run(streaming, 6)
        back = khu1.programme_time_at(stopped_at_s + 4.0, STEPS)  # tones again: the programme is back
        expected = (datetime.now(UTC) - on_air.starts_at).total_seconds() - (
            time.monotonic() - khu1.heard_at(stopped_at_s + 4.0))
        off_by = abs(back - expected) % SECONDS  # the steps repeat every SECONDS
        assert min(off_by, SECONDS - off_by) < 2.0, (back, expected)
        assert khu1.heard_at(stopped_at_s + 4.0) - stopped < 5.0 + 4.0
        assert not khu1.disconnected
        assert not khu2.disconnected
    finally:
        khu1.stop()
        khu2.stop()


@pytest.mark.usefixtures("streaming")
def test_the_public_page_links_the_area_stream(client, world: World, icecast: Icecast) -> None:
    area = world.areas[0]
    page = client.get(f"/stations/{world.station.id}/areas/{area.id}/live")
    assert page.status_code == 200
    assert f'src="{icecast.url}/{world.station.id}-khu-1.mp3"' in page.text
    playlist = client.get(f"/stations/{world.station.id}/areas/{area.id}/live.m3u")
    assert playlist.status_code == 200
    assert playlist.text.splitlines()[-1] == f"{icecast.url}/{world.station.id}-khu-1.mp3"
    listing = client.get(f"/stations/{world.station.id}/scripts")
    assert f"/stations/{world.station.id}/areas/{area.id}/live" in listing.text
