"""The agent's parts on their own: schedule parsing and merging, outbox, players."""

from __future__ import annotations

import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from relay_agent.clock import FakeClock
from relay_agent.errors import ServerError, ServerUnreachable
from relay_agent.outbox import Store
from relay_agent.player import CommandPlayer, NullPlayer
from relay_agent.schedule import merge_schedule, parse_schedule
from tests.relay_agent.conftest import DAY_START, MORNING, SLOT, MakeAgent, played
from tests.relay_agent.driving import drive
from tests.relay_agent.fake_server import FakeRelayServer, audio_bytes


def _schedule_json(server: FakeRelayServer) -> dict[str, Any]:
    return server.schedule_body(48)


def test_malformed_schedule_is_refused_with_a_clear_error(server: FakeRelayServer) -> None:
    body = _schedule_json(server)
    body["programmes"][0]["starts_at"] = "tomorrow morning"
    with pytest.raises(ServerError, match="starts_at"):
        parse_schedule(body, None)


def test_merge_keeps_an_ended_unreported_programme_until_it_is_reported(
    server: FakeRelayServer, clock: FakeClock
) -> None:
    old = parse_schedule(_schedule_json(server), '"a"')
    clock.set(MORNING + SLOT + timedelta(minutes=1))
    new = parse_schedule(_schedule_json(server), '"b"')  # the server no longer lists programme 1
    assert [p.id for p in new.programmes] == [2]

    kept = merge_schedule(old, new, clock.now(), is_done=lambda _key: False)
    assert [p.id for p in kept.programmes] == [1, 2]
    assert kept.etag == '"b"'
    reported = merge_schedule(old, new, clock.now(), is_done=lambda key: key == "programme:1")
    assert [p.id for p in reported.programmes] == [2]


def test_outbox_delivers_in_order_and_sets_aside_a_refused_record(tmp_path: Path) -> None:
    store = Store(tmp_path)
    for n in range(3):
        store.enqueue("played", {"record_id": str(n)}, DAY_START)
    sent: list[str] = []

    def post(_path: str, payload: dict[str, Any]) -> int:
        if payload["record_id"] == "1":
            raise ServerError("sai", "422 malformed")
        sent.append(payload["record_id"])
        return 201

    assert store.deliver(post) == 2
    assert sent == ["0", "2"]
    assert store.backlog().dead == 1
    store.close()


def test_outbox_stops_at_the_first_network_failure_and_keeps_the_rest(tmp_path: Path) -> None:
    store = Store(tmp_path)
    for n in range(3):
        store.enqueue("played", {"record_id": str(n)}, DAY_START)

    def post(_path: str, _payload: dict[str, Any]) -> int:
        raise ServerUnreachable("mất mạng", "offline")

    with pytest.raises(ServerUnreachable):
        store.deliver(post)
    assert [p["record_id"] for _, _, p in store.pending()] == ["0", "1", "2"]
    store.close()


def test_only_the_latest_undelivered_heartbeat_is_kept(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.enqueue("heartbeat", {"sent_at": "1"}, DAY_START)
    store.enqueue("played", {"record_id": "x"}, DAY_START)
    store.enqueue("heartbeat", {"sent_at": "2"}, DAY_START)
    assert [(kind, p) for _, kind, p in store.pending()] == [
        ("played", {"record_id": "x"}),
        ("heartbeat", {"sent_at": "2"}),
    ]
    store.close()


def test_command_player_fills_in_file_and_offset(tmp_path: Path, clock: FakeClock) -> None:
    audio = tmp_path / "programme.mp3"
    audio.write_bytes(b"ID3")
    seen = tmp_path / "seen.txt"
    script = "import sys; open(sys.argv[1], 'w').write(' '.join(sys.argv[2:]))"
    template = f'{sys.executable} -c "{script}" {seen} --start={{offset_seconds}} {{file}}'
    playback = CommandPlayer(template, clock, tmp_path).start(audio, 754.5, 1800)
    deadline = time.monotonic() + 5
    while not playback.finished() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert playback.finished()
    assert playback.error() is None
    assert seen.read_text() == f"--start=754.500 {audio}"
    assert playback.expected_end() == clock.now() + timedelta(seconds=1800 - 754.5)


def test_command_player_reports_a_crash_with_its_message(tmp_path: Path, clock: FakeClock) -> None:
    audio = tmp_path / "programme.mp3"
    audio.write_bytes(b"ID3")
    script = "import sys; sys.stderr.write('no sound card'); sys.exit(3)"
    playback = CommandPlayer(f'{sys.executable} -c "{script}" {{file}}', clock, tmp_path).start(
        audio, 0, 10
    )
    deadline = time.monotonic() + 5
    while not playback.finished() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert playback.error() == "player exit 3: no sound card"


def test_null_player_ends_with_the_clock(tmp_path: Path, clock: FakeClock) -> None:
    audio = tmp_path / "a.mp3"
    audio.write_bytes(b"x")
    playback = NullPlayer(clock).start(audio, 600, 1800)
    clock.advance(1199)
    assert not playback.finished()
    clock.advance(1)
    assert playback.finished()


def test_emergency_cancelled_while_playing_stops_and_the_programme_resumes(
    clock: FakeClock, server: FakeRelayServer, make_agent: MakeAgent
) -> None:
    agent = make_agent()
    drive(agent, clock, MORNING + timedelta(minutes=5))
    server.issue_emergency(11, audio_bytes(11, 50_000), duration_ms=20 * 60 * 1000)
    drive(agent, clock, MORNING + timedelta(minutes=11))
    server.emergency = None  # the editor withdraws it
    drive(agent, clock, MORNING + SLOT + timedelta(minutes=6))

    outcomes = [(r["programme_id"], r["emergency_id"], r["outcome"]) for r in played(server)]
    assert outcomes == [
        (1, None, "interrupted"),
        (None, 11, "interrupted"),
        (1, None, "completed"),
    ]
    assert played(server)[1]["reason"] == "cancelled"


def test_cached_files_keep_the_type_the_server_named(tmp_path):
    from relay_agent.cache import Cache
    from relay_agent.schedule import AudioFile

    cache = Cache(tmp_path)
    opus = AudioFile(url="/api/v1/relay/audio/" + "a" * 64 + ".opus", sha256="a" * 64, size_bytes=10)
    mp3 = AudioFile(url="/api/v1/relay/audio/" + "b" * 64 + ".mp3", sha256="b" * 64, size_bytes=10)
    assert cache.path_for(opus.sha256, opus.suffix).name == "a" * 64 + ".opus"
    assert cache.path_for(mp3.sha256, mp3.suffix).name == "b" * 64 + ".mp3"
    odd = AudioFile(url="/x/" + "c" * 64 + ".exe", sha256="c" * 64, size_bytes=10)
    assert odd.suffix == ".mp3", "an unexpected name never makes the player run something else"
