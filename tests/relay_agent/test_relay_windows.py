"""The agent during relay windows (tiếp sóng), on the real clock against a real MP3 stream on
loopback relayed through the (fake) Loa server: online, the source dropping or hanging mid-window,
the source failing its checks, and the agent cut off from Loa during the window."""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from relay_agent import relaying
from relay_agent.agent import Agent
from relay_agent.clock import SystemClock
from relay_agent.config import AgentConfig
from relay_agent.live import DROP_SECONDS
from relay_agent.player import NullPlayer
from tests.relay_agent.fake_server import FakeRelayServer
from tests.relay_windows.stream_server import StreamServer, tone_mp3

TOKEN = "token-good"
WINDOW = timedelta(seconds=9)


@pytest.fixture(scope="module")
def tones(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("relay-agent")
    return {"live": tone_mp3(folder / "live.mp3", 30, 440).read_bytes(),
            "fallback": tone_mp3(folder / "fallback.mp3", 4, 880).read_bytes()}


@pytest.fixture
def source(tones: dict[str, bytes]) -> Iterator[StreamServer]:
    stream = StreamServer(tones["live"]).start()
    yield stream
    if not stream.stopped.is_set():
        stream.stop()


@pytest.fixture
def server() -> Iterator[FakeRelayServer]:
    fake = FakeRelayServer(SystemClock(), token=TOKEN).start()
    yield fake
    fake.stop()


@pytest.fixture
def agent(server: FakeRelayServer, tmp_path: Path) -> Iterator[Agent]:
    token = tmp_path / "token"
    token.write_text(TOKEN)
    clock = SystemClock()
    made = Agent(AgentConfig(server=server.url, token_file=token, cache_dir=tmp_path / "cache", player="null"),
                 clock, NullPlayer(clock), rng=random.Random(6))
    yield made
    made.stop_playback()
    made.close()


def run_until(agent: Agent, until: datetime, *, then: tuple[datetime, object] | None = None) -> None:
    """The agent's loop on the real clock (at most a quarter second between looks)."""
    while (now := datetime.now(UTC)) < until:
        if then is not None and now >= then[0]:
            then[1]()  # type: ignore[operator]
            then = None
        if agent.poll_due():
            agent.sync_once()
        time.sleep(min(agent.play_tick(), 0.1))


def relay_records(server: FakeRelayServer) -> list[dict[str, object]]:
    rows = [r for r in server.played.values() if r.get("relay_run_id") is not None]
    return sorted(rows, key=lambda r: str(r["started_at"]))


def at(record: dict[str, object], key: str) -> datetime:
    return datetime.fromisoformat(str(record[key]))


def _window(server: FakeRelayServer, tones: dict[str, bytes], upstream: str | None) -> tuple[datetime, datetime]:
    start = (datetime.now(UTC) + timedelta(seconds=2)).replace(microsecond=0)
    server.add_relay(41, start, start + WINDOW, upstream, tones["fallback"], fallback_duration_ms=4000)
    return start, start + WINDOW


def test_online_the_window_is_relayed_live_start_to_end(server, agent, source, tones):
    start, end = _window(server, tones, source.url)
    assert agent.sync_once().ok  # the fallback is cached in advance
    run_until(agent, end + timedelta(seconds=1))
    agent.sync_once()  # deliver the as-run
    records = relay_records(server)
    assert [(r["relay_part"], r["outcome"]) for r in records] == [("live", "completed")]
    assert at(records[0], "started_at") - start < timedelta(seconds=1)
    assert at(records[0], "ended_at") >= end
    assert agent.player.sinks[0].bytes_written > 8000 * 5  # audio reached the player  # type: ignore[attr-defined]
    assert source.connections == 1


def test_source_dropping_mid_window_switches_to_the_cached_fallback(server, agent, source, tones):
    start, end = _window(server, tones, source.url)
    assert agent.sync_once().ok
    dropped_at = start + timedelta(seconds=3)
    run_until(agent, end + timedelta(seconds=1), then=(dropped_at, source.stop))
    agent.sync_once()
    live, fallback = relay_records(server)
    assert (live["relay_part"], live["outcome"]) == ("live", "interrupted")
    assert "stream_dropped" in str(live["reason"])
    assert (fallback["relay_part"], fallback["outcome"]) == ("fallback", "completed")
    assert at(fallback, "started_at") == at(live, "ended_at"), "no gap in the as-run"
    assert at(fallback, "ended_at") >= end
    assert at(live, "ended_at") >= dropped_at


def test_a_hung_source_is_left_after_the_drop_delay(server, agent, source, tones):
    start, end = _window(server, tones, source.url)
    assert agent.sync_once().ok
    stalled_at = start + timedelta(seconds=2)
    run_until(agent, end + timedelta(seconds=1), then=(stalled_at, source.stall))
    agent.sync_once()
    live, fallback = relay_records(server)
    assert "stream_dropped" in str(live["reason"])
    # the agent rides out short silences: it cannot have left before DROP_SECONDS of it (counted
    # from the last bytes, which the server sends a tenth of a second at a time)
    assert at(live, "ended_at") - stalled_at >= timedelta(seconds=DROP_SECONDS - 0.2)
    assert fallback["relay_part"] == "fallback"


def test_a_source_that_failed_its_checks_plays_the_fallback_from_the_start(server, agent, tones):
    start, end = _window(server, tones, None)
    assert agent.sync_once().ok
    run_until(agent, end + timedelta(seconds=1))
    agent.sync_once()
    records = relay_records(server)
    assert [(r["relay_part"], r["outcome"]) for r in records] == [("fallback", "completed")]
    assert "source_failed_check" in str(records[0]["reason"])
    assert at(records[0], "started_at") - start < timedelta(seconds=1)


def test_agent_cut_off_from_loa_during_the_window_plays_the_cached_fallback(server, agent, source, tones):
    start, end = _window(server, tones, source.url)
    assert agent.sync_once().ok
    server.down = True  # the ward's server (or the link to it) is gone for the whole window
    run_until(agent, end + timedelta(seconds=1))
    assert relay_records(server) == []
    server.down = False
    agent.next_poll_at = datetime.now(UTC)
    agent.sync_once()
    records = relay_records(server)
    assert [r["relay_part"] for r in records] == ["fallback"]
    assert "stream_unavailable" in str(records[0]["reason"])
    assert at(records[0], "started_at") - start < timedelta(seconds=DROP_SECONDS + 1)
    assert at(records[0], "ended_at") >= end


def test_a_relay_inside_a_slot_falls_back_to_the_areas_own_programme_at_its_offset(server, agent, source, tones):
    start = (datetime.now(UTC) + timedelta(seconds=2)).replace(microsecond=0)
    slot = timedelta(seconds=16)  # the programme's slot; the relay takes its middle 8 s
    server.add_programme(5, start, duration_ms=int(slot.total_seconds() * 1000), data=tones["fallback"])
    relay_start, relay_end = start + timedelta(seconds=4), start + timedelta(seconds=12)
    server.add_relay(42, relay_start, relay_end, source.url, tones["fallback"], fallback_duration_ms=4000,
                     fallback_kind="programme")
    assert agent.sync_once().ok
    run_until(agent, relay_start + timedelta(seconds=2), then=(relay_start + timedelta(seconds=1), source.stop))
    run_until(agent, start + slot + timedelta(seconds=1))
    agent.sync_once()
    rows = sorted(server.played.values(), key=lambda r: str(r["started_at"]))
    kinds = [("relay", r["relay_part"]) if r.get("relay_run_id") else ("programme", r["outcome"]) for r in rows]
    # the programme, the relay live until the source drops, then the programme again from its offset
    assert kinds[:2] == [("programme", "interrupted"), ("relay", "live")]
    assert ("relay", "fallback") in kinds
    assert kinds[-1] == ("programme", "completed")
    resumed = rows[-1]
    assert int(resumed["offset_ms"]) >= 4000, "the programme resumes at the wall-clock offset"
    fallback = next(r for r in rows if r.get("relay_part") == "fallback")
    assert "programme_played" in str(fallback["reason"])


def test_a_source_that_comes_back_mid_window_is_relayed_live_again(server, agent, source, tones, monkeypatch):
    monkeypatch.setattr(relaying, "RETRY_SECONDS", 2.0)  # the agent tries the stream again sooner
    start = (datetime.now(UTC) + timedelta(seconds=2)).replace(microsecond=0)
    end = start + timedelta(seconds=16)
    server.add_relay(43, start, end, source.url, tones["fallback"], fallback_duration_ms=4000)
    assert agent.sync_once().ok
    hung_at = start + timedelta(seconds=2)
    run_until(agent, hung_at + timedelta(seconds=DROP_SECONDS + 1.5), then=(hung_at, source.stall))
    source.stalled.clear()  # the city's stream is back
    run_until(agent, end + timedelta(seconds=1))
    agent.sync_once()
    records = relay_records(server)
    parts = [r["relay_part"] for r in records]
    # back on the live stream for good (it used to stop the reconnected stream at once and flap)
    assert parts == ["live", "fallback", "live"], parts
    assert at(records[-1], "ended_at") >= end
    for before, after in zip(records, records[1:], strict=False):
        assert at(after, "started_at") == at(before, "ended_at"), "no gap in the as-run"
