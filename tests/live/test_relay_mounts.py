"""A relay window on an area's Icecast mount: during the window the mount carries the relayed
source (a real MP3 stream on loopback), other areas keep their programme, and a run switched to
its fallback gives the mount back to the area's own programme."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import delete
from sqlalchemy.orm import Session

from app.models import Programme, Recording, RelayWindowRun, Slot
from app.speech.audio import storage
from app.streams.supervisor import StreamSupervisor
from audio.ffmpeg import ffmpeg_exe
from tests.fixtures.builders import World, auth
from tests.fixtures.icecast import SOURCE_PASSWORD, Icecast, Receiver
from tests.live.test_area_streams import STEPS, _mounts, _run, on_air, streaming  # noqa: F401
from tests.relay_windows.stream_server import StreamServer, tone_mp3

pytestmark = pytest.mark.slow
RELAYED = 325.0  # between two of the programme's steps: the receiver tells them apart
FALLBACK_S = 3  # a fallback recording far shorter than the window


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


FALLBACK_HZ = 1425.0  # the fallback recording's tone: above the relayed source, between two steps
DEAD_AIR_S = 6.0  # what a listener accepts between the source going and the fallback coming


def _city(icecast: Icecast, tone: Path) -> subprocess.Popen[bytes]:
    """The city's station: a tone looped onto a mount of the same Icecast."""
    return subprocess.Popen(
        [ffmpeg_exe(), "-hide_banner", "-nostdin", "-loglevel", "error", "-re", "-stream_loop", "-1",
         "-i", str(tone), "-c:a", "libmp3lame", "-b:a", "48k", "-f", "mp3", "-content_type", "audio/mpeg",
         f"icecast://source:{SOURCE_PASSWORD}@127.0.0.1:{icecast.port}/city.mp3"], stdin=subprocess.DEVNULL)


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.kill()
    process.wait()


def _window(client, world: World, url: str, **body: object) -> dict[str, object]:
    local = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).replace(microsecond=0)
    start, end = local - timedelta(seconds=5), local + timedelta(minutes=5)
    if end.date() != start.date():
        pytest.skip("the window would cross local midnight")
    source = client.post(f"/api/v1/stations/{world.station.id}/relay-sources", headers=auth(world.users["admin"]),
                         json={"name": "Đài thành phố", "url": url}).json()
    r = client.post(f"/api/v1/stations/{world.station.id}/relay-windows", headers=auth(world.users["editor"]), json={
        "source_id": source["id"], "title": "Thời sự thành phố", "start_time": start.strftime("%H:%M:%S"),
        "end_time": end.strftime("%H:%M:%S"), "dates": [start.date().isoformat()], **body})
    assert r.status_code == 201, r.text
    return r.json()


def _run_until(supervisor: StreamSupervisor, receivers: list[Receiver], heard: Callable[[Receiver], bool],
               limit_s: float) -> None:
    """Tick the supervisor until every receiver's stream satisfies `heard`, or `limit_s` passes."""
    end = time.monotonic() + limit_s
    while time.monotonic() < end and not all(heard(r) for r in receivers):
        _run(supervisor, 1)


def _last_and_next(receiver: Receiver, after_s: float, before: set[float], then: set[float],
                   candidates: list[float]) -> tuple[float | None, float | None]:
    """The last moment (after `after_s`) the stream carried one of `before`, and the first one
    after it carrying one of `then`: the dead air between them is what a listener notices."""
    last = first = None
    t = after_s
    while t + 0.5 <= receiver.seconds():
        heard = receiver.frequency_at(t, candidates)
        if first is None and heard in before:
            last = t
        elif last is not None and heard in then:
            first = t
            break
        t += 0.25
    return last, first


def test_the_source_dropping_mid_window_gives_every_mount_its_fallback_then_the_source_again(
        client, session: Session, world: World, icecast: Icecast, on_air: Programme,  # noqa: F811
        streaming: StreamSupervisor, tmp_path: Path) -> None:  # noqa: F811
    """Three area mounts relay the city's Icecast mount through one connection; the city's
    source stops: each mount carries the area's programme (the window's fallback) at its
    wall-clock offset within a few seconds, and the relay again once the city is back."""
    tone = tone_mp3(tmp_path / "city.mp3", 20, int(RELAYED))
    city = _city(icecast, tone)
    receivers: list[Receiver] = []
    try:
        icecast.wait_for_mount("/city.mp3")
        _window(client, world, f"{icecast.url}/city.mp3", fallback="programme")
        mounts = _mounts(session, world)
        streaming.tick(datetime.now(UTC))
        for area in world.areas:
            icecast.wait_for_mount(mounts[area.id])
        receivers = [Receiver(f"{icecast.url}{mounts[a.id]}").start() for a in world.areas]
        candidates = [RELAYED, *STEPS]
        _run_until(streaming, receivers, lambda r: r.seconds() > 3
                   and r.frequency_at(r.seconds() - 1.0, candidates) == RELAYED, 20)
        for r in receivers:
            assert r.frequency_at(r.seconds() - 1.0, candidates) == RELAYED
        # one upstream connection for the station, however many mounts relay it
        assert icecast.mounts()["/city.mp3"]["listeners"] == 1

        dropped, dropped_at = time.monotonic(), [r.seconds() for r in receivers]
        _stop(city)
        _run_until(streaming, receivers, lambda r: r.frequency_at(r.seconds() - 1.0, candidates) in STEPS, 20)
        # the programme's place is read from its next change of tone (steps last 1 s): hear a few
        # seconds past the fallback's first second before reading it
        firsts = {id(r): _last_and_next(r, max(0.0, at_s - 3), {RELAYED}, set(STEPS), candidates)[1]
                  for r, at_s in zip(receivers, dropped_at, strict=True)}
        _run_until(streaming, receivers, lambda r: r.seconds() > (firsts[id(r)] or 0.0) + 3.5, 10)
        for r, at_s in zip(receivers, dropped_at, strict=True):
            last, first = _last_and_next(r, max(0.0, at_s - 3), {RELAYED}, set(STEPS), candidates)
            assert first is not None, "the fallback never reached the mount"
            assert last is not None
            assert first - last < DEAD_AIR_S, f"{first - last:.1f} s of dead air"
            # and it came after the city's last seconds still in flight (mount and receiver buffers)
            assert r.heard_at(first) > dropped
            # the area's own programme, where the clock says it is
            expected = (datetime.now(UTC) - on_air.starts_at).total_seconds() - (
                time.monotonic() - r.heard_at(first + 1.0))
            assert r.programme_time_at(first + 1.0, STEPS) == pytest.approx(expected, abs=2.5)
        assert all(streaming.statuses()[mounts[a.id]].carrying.endswith("(fallback)") for a in world.areas)

        back_at = [r.seconds() for r in receivers]
        city = _city(icecast, tone)
        _run_until(streaming, receivers, lambda r: r.frequency_at(r.seconds() - 1.0, candidates) == RELAYED, 30)
        for r, at_s in zip(receivers, back_at, strict=True):
            assert r.first_time_of(RELAYED, candidates, after_s=at_s) is not None, "the relay never came back"
            assert not r.disconnected
        assert icecast.mounts()["/city.mp3"]["listeners"] == 1
    finally:
        for r in receivers:
            r.stop()
        _stop(city)


def test_a_window_whose_fallback_is_a_recording_carries_it_in_a_loop_while_the_source_is_gone(
        client, session: Session, world: World, icecast: Icecast, streaming: StreamSupervisor,  # noqa: F811
        tmp_path: Path) -> None:
    session.execute(delete(Slot).where(Slot.station_id == world.station.id))  # no programme of its own
    # a recording much shorter than the source's absence: it plays again and again, never dead air
    key = storage().put_file(tone_mp3(tmp_path / "fallback.mp3", FALLBACK_S, int(FALLBACK_HZ)), suffix=".mp3")
    recording = Recording(station_id=world.station.id, title="Nhạc dự phòng", filename="fallback.mp3",
                          original_key=key, audio_key=key, duration_ms=FALLBACK_S * 1000, size_bytes=1)
    session.add(recording)
    session.commit()
    city = _city(icecast, tone_mp3(tmp_path / "city.mp3", 20, int(RELAYED)))
    receiver = None
    try:
        icecast.wait_for_mount("/city.mp3")
        _window(client, world, f"{icecast.url}/city.mp3", area_ids=[world.areas[0].id], fallback="recording",
                fallback_recording_id=recording.id)
        mount = _mounts(session, world)[world.areas[0].id]
        streaming.tick(datetime.now(UTC))
        icecast.wait_for_mount(mount)
        receiver = Receiver(f"{icecast.url}{mount}").start()
        candidates = [RELAYED, FALLBACK_HZ]
        _run_until(streaming, [receiver], lambda r: r.seconds() > 3
                   and r.frequency_at(r.seconds() - 1.0, candidates) == RELAYED, 20)
        at_s = receiver.seconds()
        _stop(city)
        _run_until(streaming, [receiver], lambda r: r.frequency_at(r.seconds() - 1.0, candidates) == FALLBACK_HZ, 20)
        last, first = _last_and_next(receiver, max(0.0, at_s - 3), {RELAYED}, {FALLBACK_HZ}, candidates)
        assert first is not None, "the fallback recording never reached the mount"
        assert last is not None
        assert first - last < DEAD_AIR_S
        # three times the recording's length later, the mount still carries it
        _run_until(streaming, [receiver], lambda r: r.seconds() > first + 3 * FALLBACK_S + 1, 30)
        heard = [receiver.frequency_at(first + t / 2, candidates) for t in range(0, 6 * FALLBACK_S)]
        assert heard.count(FALLBACK_HZ) >= len(heard) - 2, heard  # at most a loop's seam of silence
        assert not receiver.disconnected
    finally:
        if receiver is not None:
            receiver.stop()
        _stop(city)
