"""The feeder against a real Icecast, heard by ffmpeg as a receiver: the right programme at the
right offset, an emergency within 5 s, a missing file, a dropped source, a stopped mount."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from audio.ffmpeg import ffmpeg_exe
from audio.live.encoder import MountTarget
from audio.live.feeder import MountFeeder
from audio.live.onair import Idle, PlayFile, PlayUrl
from tests.fixtures.audio_files import tone_file
from tests.fixtures.icecast import SOURCE_PASSWORD, Icecast, Receiver, tone_sequence_file, tone_steps

pytestmark = pytest.mark.slow
SECONDS = 40
STEPS = tone_steps(SECONDS)
ALERT_HZ = 3725.0  # above every step of a 60 s tone sequence, below the receiver's 4 kHz
CANDIDATES = [*STEPS, ALERT_HZ]
MOUNT = "/test-khu-1.mp3"
# A receiver plays the stream this far behind the loudspeakers at most: Icecast's burst on
# connect (1 s here), the encoder's pipe and frame, and the tone-sequence's own resolution.
LATE_S = 2.0


@pytest.fixture(scope="module")
def programme(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tone_sequence_file(tmp_path_factory.mktemp("live") / "programme.mp3", SECONDS)


@pytest.fixture(scope="module")
def alert(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tone_file(tmp_path_factory.mktemp("alert") / "alert.mp3", 8.0, frequency=int(ALERT_HZ), volume_db=-12)


def _target(icecast: Icecast) -> MountTarget:
    return MountTarget(MOUNT, f"icecast://source:{SOURCE_PASSWORD}@127.0.0.1:{icecast.port}{MOUNT}", "Khu 1")


@pytest.fixture
def feeder(icecast: Icecast) -> Iterator[MountFeeder]:
    feeder = MountFeeder(_target(icecast), ffmpeg_exe(), retry_seconds=0.5)
    feeder.start()
    yield feeder
    feeder.stop()


def _offset_heard(receiver: Receiver, at_s: float) -> int:
    frequency = receiver.frequency_at(at_s, STEPS)
    assert frequency is not None, f"silence at {at_s} s of the stream"
    return STEPS.index(frequency)


def test_a_late_joiner_hears_the_programme_at_the_wall_clock_offset(
        icecast: Icecast, feeder: MountFeeder, programme: Path) -> None:
    started = time.monotonic()
    feeder.set(PlayFile("programme:1:1", programme, 10_000, "programme 1"))  # 10 s into the slot
    icecast.wait_for_mount(MOUNT)
    time.sleep(2)
    receiver = Receiver(f"{icecast.url}{MOUNT}").start()
    try:
        receiver.wait_seconds(4)
        # what the loudspeakers play when the receiver starts playing
        expected = 10 + (receiver.heard_at(1.0) - started)
        assert receiver.programme_time_at(1.0, STEPS) == pytest.approx(expected, abs=LATE_S)
        assert _offset_heard(receiver, 3.0) == _offset_heard(receiver, 1.0) + 2
    finally:
        receiver.stop()


def test_an_emergency_interrupts_within_5_s_and_its_stop_gives_the_programme_back(
        icecast: Icecast, feeder: MountFeeder, programme: Path, alert: Path) -> None:
    feeder.set(PlayFile("programme:1:1", programme, 5_000, "programme 1"))
    icecast.wait_for_mount(MOUNT)
    receiver = Receiver(f"{icecast.url}{MOUNT}").start()
    try:
        receiver.wait_seconds(3)
        issued, before = time.monotonic(), receiver.seconds()
        feeder.set(PlayFile("emergency:1", alert, 0, "emergency 1"))
        receiver.wait_seconds(receiver.seconds() + 6)
        heard = receiver.first_time_of(ALERT_HZ, CANDIDATES, after_s=before)
        assert heard is not None, "the emergency never reached the stream"
        assert receiver.heard_at(heard) - issued < 5.0
        stopped = time.monotonic()
        feeder.set(PlayFile("programme:1:1", programme, 5_000 + int((stopped - issued) * 1000) + 3_000,
                            "programme 1"))
        receiver.wait_seconds(receiver.seconds() + 6)
        back = heard + 1
        while receiver.frequency_at(back, CANDIDATES) == ALERT_HZ:
            back += 0.1
        assert receiver.heard_at(back) - stopped < 5.0
        assert receiver.frequency_at(back + 1, CANDIDATES) in STEPS
        assert not receiver.disconnected, "switching must not drop the listener"
    finally:
        receiver.stop()


def test_a_missing_file_keeps_the_mount_up_with_silence_until_the_file_is_there(
        icecast: Icecast, feeder: MountFeeder, programme: Path, tmp_path: Path) -> None:
    late = tmp_path / "late.mp3"
    feeder.set(PlayFile("programme:2:1", late, 0, "programme 2"))
    icecast.wait_for_mount(MOUNT)
    receiver = Receiver(f"{icecast.url}{MOUNT}").start()
    try:
        receiver.wait_seconds(2)
        assert receiver.frequency_at(1.0, STEPS) is None
        assert "missing file" in (feeder.status().error or "")
        late.write_bytes(programme.read_bytes())
        receiver.wait_seconds(receiver.seconds() + 4)
        assert receiver.frequency_at(receiver.seconds() - 1.0, STEPS) is not None
        assert feeder.status().error is None
        assert not receiver.disconnected
    finally:
        receiver.stop()


def test_the_feeder_reconnects_by_itself_when_icecast_comes_back(
        icecast: Icecast, feeder: MountFeeder, programme: Path) -> None:
    began = time.monotonic()
    feeder.set(PlayFile("programme:1:1", programme, 0, "programme 1"))
    icecast.wait_for_mount(MOUNT)
    icecast.stop()
    time.sleep(1.5)
    assert feeder.status().state == "connecting"
    icecast.start()
    icecast.wait_for_mount(MOUNT, timeout=20)
    receiver = Receiver(f"{icecast.url}{MOUNT}").start()
    try:
        receiver.wait_seconds(3)
        # the programme went on meanwhile: it is heard where the clock says, not where it stopped
        assert receiver.programme_time_at(1.0, STEPS) == pytest.approx(receiver.heard_at(1.0) - began, abs=LATE_S)
        assert feeder.status().state == "on_air"
        assert feeder.status().reconnects >= 1
    finally:
        receiver.stop()


def test_nothing_outside_slots_takes_the_mount_away_and_brings_it_back(
        icecast: Icecast, feeder: MountFeeder, programme: Path) -> None:
    feeder.set(Idle(carrier=True))
    icecast.wait_for_mount(MOUNT)
    feeder.set(Idle(carrier=False))
    deadline = time.monotonic() + 10
    while MOUNT in icecast.mounts():
        assert time.monotonic() < deadline, "the mount stayed after the station chose nothing"
        time.sleep(0.1)
    assert feeder.status().state == "off"
    feeder.set(PlayFile("programme:1:1", programme, 0, "programme 1"))
    icecast.wait_for_mount(MOUNT)


FEEDER_PROCESS = """
import sys, time
from pathlib import Path
from audio.ffmpeg import ffmpeg_exe
from audio.live.encoder import MountTarget
from audio.live.feeder import MountFeeder
from audio.live.onair import PlayFile
feeder = MountFeeder(MountTarget(sys.argv[1], sys.argv[2], "Khu 1"), ffmpeg_exe())
feeder.set(PlayFile("programme:1:1", Path(sys.argv[3]), 0, "programme 1"))
feeder.start()
time.sleep(600)
"""


def test_a_killed_loa_leaves_no_source_behind_and_a_new_one_takes_the_mount_back(
        icecast: Icecast, programme: Path) -> None:
    target = _target(icecast)
    began = time.monotonic()
    old = subprocess.Popen([sys.executable, "-c", FEEDER_PROCESS, MOUNT, target.source_url, str(programme)])
    try:
        icecast.wait_for_mount(MOUNT)
        old.kill()  # no clean-up at all: the encoder it started sees its input end and leaves
        old.wait()  # (were it to stay, Icecast would refuse the new source: one per mount)
        restarted = MountFeeder(target, ffmpeg_exe(), retry_seconds=0.5)
        restarted.set(PlayFile("programme:1:1", programme, int((time.monotonic() - began) * 1000), "programme 1"))
        restarted.start()
        try:
            deadline = time.monotonic() + 20
            while restarted.status().state != "on_air" or MOUNT not in icecast.mounts():
                assert time.monotonic() < deadline, f"the mount did not come back: {restarted.status()}"
                time.sleep(0.2)
            receiver = Receiver(f"{icecast.url}{MOUNT}").start()
            try:
                receiver.wait_seconds(3)
                assert receiver.programme_time_at(1.0, STEPS) == pytest.approx(
                    receiver.heard_at(1.0) - began, abs=LATE_S + 0.5)
            finally:
                receiver.stop()
        finally:
            restarted.stop()
    finally:
        if old.poll() is None:
            old.kill()
            old.wait()


def _upstream(icecast: Icecast, mount: str, programme: Path) -> subprocess.Popen[bytes]:
    """Another station's stream: a file looped onto a mount of the same Icecast."""
    return subprocess.Popen(
        [ffmpeg_exe(), "-hide_banner", "-nostdin", "-loglevel", "error", "-re", "-stream_loop", "-1",
         "-i", str(programme), "-c:a", "libmp3lame", "-b:a", "48k", "-f", "mp3", "-content_type", "audio/mpeg",
         f"icecast://source:{SOURCE_PASSWORD}@127.0.0.1:{icecast.port}{mount}"], stdin=subprocess.DEVNULL)


def test_an_upstream_that_drops_gives_silence_and_is_carried_again_when_it_returns(
        icecast: Icecast, feeder: MountFeeder, programme: Path) -> None:
    """What relay windows will build on (PlayUrl): the mount outlives its upstream."""
    upstream = _upstream(icecast, "/city.mp3", programme)
    receiver = Receiver(f"{icecast.url}{MOUNT}")
    try:
        icecast.wait_for_mount("/city.mp3")
        feeder.set(PlayUrl("relay:city", f"{icecast.url}/city.mp3", "relay city"))
        icecast.wait_for_mount(MOUNT)
        receiver.start()
        receiver.wait_seconds(5)
        assert receiver.frequency_at(receiver.seconds() - 1.0, STEPS) in STEPS
        upstream.terminate()
        upstream.wait()
        dropped_at = receiver.seconds()
        receiver.wait_seconds(dropped_at + 6)
        assert receiver.frequency_at(receiver.seconds() - 1.0, STEPS) is None, "silence while the upstream is gone"
        assert feeder.status().error is not None
        upstream = _upstream(icecast, "/city.mp3", programme)
        receiver.wait_seconds(receiver.seconds() + 8)
        assert receiver.frequency_at(receiver.seconds() - 1.0, STEPS) in STEPS
        assert not receiver.disconnected
    finally:
        receiver.stop()
        upstream.kill()
        upstream.wait()
