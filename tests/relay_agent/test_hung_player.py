"""A player process that never exits must not silence the rest of the day."""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from relay_agent.agent import Agent
from relay_agent.clock import FakeClock
from relay_agent.config import AgentConfig
from relay_agent.player import CommandPlayer, Playback
from tests.relay_agent.conftest import AFTERNOON, MORNING, SLOT, played
from tests.relay_agent.driving import drive
from tests.relay_agent.fake_server import FakeRelayServer, audio_bytes

# Plays nothing and never exits, like a player stuck on a sound card that went away.
HANG_FOREVER = f'{sys.executable} -c "import time; time.sleep(10**6)" {{file}}'


class KeepingPlayer(CommandPlayer):
    """The real command player, remembering its playbacks so the test can see them end."""

    def __init__(self, template: str, clock: FakeClock, log_dir: Path) -> None:
        super().__init__(template, clock, log_dir)
        self.playbacks: list[Playback] = []

    def start(self, file: Path, offset_seconds: float, duration_seconds: float) -> Playback:
        playback = super().start(file, offset_seconds, duration_seconds)
        self.playbacks.append(playback)
        return playback


@pytest.fixture
def hung_agent(
    clock: FakeClock, server: FakeRelayServer, token_file: Path, tmp_path: Path
) -> Iterator[tuple[Agent, KeepingPlayer]]:
    config = AgentConfig(
        server=server.url, token_file=token_file, cache_dir=tmp_path / "cache",
        player=HANG_FOREVER, overrun_grace_seconds=30,
    )
    player = KeepingPlayer(HANG_FOREVER, clock, tmp_path)
    agent = Agent(config, clock, player, rng=random.Random(6))
    yield agent, player
    agent.stop_playback()
    agent.close()


def _at(record: dict[str, object], field: str) -> datetime:
    return datetime.fromisoformat(str(record[field]))


def test_hung_player_is_stopped_after_the_grace_and_the_day_goes_on(
    clock: FakeClock, server: FakeRelayServer, hung_agent: tuple[Agent, KeepingPlayer]
) -> None:
    agent, player = hung_agent
    drive(agent, clock, AFTERNOON + SLOT + timedelta(minutes=5))

    records = played(server)
    assert [(r["programme_id"], r["outcome"]) for r in records] == [
        (1, "interrupted"),
        (2, "interrupted"),
    ]
    assert [_at(r, "started_at") for r in records] == [MORNING, AFTERNOON]
    # Stopped 30 s after the audio's end, not left running into the afternoon.
    assert _at(records[0], "ended_at") == MORNING + SLOT + timedelta(seconds=30)
    assert "player_overran" in str(records[0]["reason"])
    # Every hung process is gone, and the ward hears about it as a fault in Vietnamese.
    assert len(player.playbacks) == 2
    assert all(p._process.poll() is not None for p in player.playbacks)  # type: ignore[attr-defined]
    assert len(server.faults) == 2
    assert "không tự dừng sau chương trình #1" in server.faults[0]["text"]


def test_next_programme_starts_on_time_when_the_previous_player_hangs(
    clock: FakeClock, server: FakeRelayServer, hung_agent: tuple[Agent, KeepingPlayer]
) -> None:
    # Back to back: programme 3 starts the moment programme 1 should end.
    server.add_programme(3, MORNING + SLOT, data=audio_bytes(3), slot="morning-2")
    agent, _player = hung_agent
    drive(agent, clock, MORNING + 2 * SLOT + timedelta(minutes=5))

    records = played(server)
    assert [(r["programme_id"], r["outcome"], r["offset_ms"]) for r in records] == [
        (1, "interrupted", 0),
        (3, "interrupted", 0),
    ]
    assert _at(records[0], "ended_at") == MORNING + SLOT
    assert _at(records[1], "started_at") == MORNING + SLOT
