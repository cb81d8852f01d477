"""Fixtures for the relay agent: a fake clock, a fake server on loopback, agents, a driver."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from relay_agent.agent import Agent
from relay_agent.clock import FakeClock
from relay_agent.config import AgentConfig
from relay_agent.player import NullPlayer
from tests.relay_agent.fake_server import FakeRelayServer, audio_bytes

# 06:00 in Hà Nội on 21 November 2026: half an hour before the morning slot.
DAY_START = datetime(2026, 11, 20, 23, 0, tzinfo=UTC)
MORNING = DAY_START + timedelta(minutes=30)  # 06:30 local
AFTERNOON = DAY_START + timedelta(hours=10, minutes=30)  # 16:30 local
SLOT = timedelta(minutes=30)
TOKEN = "token-good"

MakeAgent = Callable[..., Agent]


@pytest.fixture
def clock() -> FakeClock:
    """A clock at 06:00 local time that only moves when the test moves it."""
    return FakeClock(DAY_START)


@pytest.fixture
def server(clock: FakeClock) -> Iterator[FakeRelayServer]:
    """A fake relay server with the morning and afternoon programmes rendered."""
    fake = FakeRelayServer(clock, token=TOKEN)
    fake.add_programme(1, MORNING, data=audio_bytes(1), slot="morning")
    fake.add_programme(2, AFTERNOON, data=audio_bytes(2), slot="afternoon")
    fake.start()
    yield fake
    fake.stop()


@pytest.fixture
def token_file(tmp_path: Path) -> Path:
    """The relay token, as the leader saves it."""
    path = tmp_path / "token"
    path.write_text(TOKEN + "\n")
    return path


@pytest.fixture
def make_agent(
    clock: FakeClock, server: FakeRelayServer, token_file: Path, tmp_path: Path
) -> Iterator[MakeAgent]:
    """Build agents with the null player on the fake clock (closed at the end of the test)."""
    agents: list[Agent] = []

    def build(cache: Path | None = None, **overrides: object) -> Agent:
        config = AgentConfig(
            server=server.url,
            token_file=token_file,
            cache_dir=cache or tmp_path / "cache",
            player="null",
            **overrides,  # type: ignore[arg-type]
        )
        agent = Agent(config, clock, NullPlayer(clock), rng=random.Random(6))
        agents.append(agent)
        return agent

    yield build
    for agent in agents:
        agent.close()


def played(server: FakeRelayServer) -> list[dict[str, object]]:
    """As-run records the server stored, in the order they were made."""
    return sorted(server.played.values(), key=lambda r: (str(r["started_at"]), str(r["ended_at"])))
