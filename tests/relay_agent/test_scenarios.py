"""End-to-end days of a relay agent against the fake server, on a fake clock."""

from __future__ import annotations

import hashlib
import logging
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from relay_agent.clock import FakeClock
from tests.relay_agent.conftest import (
    AFTERNOON,
    DAY_START,
    MORNING,
    SLOT,
    MakeAgent,
    played,
)
from tests.relay_agent.driving import drive
from tests.relay_agent.fake_server import FakeRelayServer, audio_bytes

END_OF_DAY = AFTERNOON + SLOT + timedelta(hours=1)


def at(record: dict[str, Any], field: str) -> datetime:
    return datetime.fromisoformat(str(record[field]))


def test_normal_day_plays_both_slots_on_time_and_reports_them(
    clock: FakeClock, server: FakeRelayServer, make_agent: MakeAgent
) -> None:
    agent = make_agent()
    drive(agent, clock, END_OF_DAY)

    records = played(server)
    assert [(r["programme_id"], r["outcome"], r["offset_ms"]) for r in records] == [
        (1, "completed", 0),
        (2, "completed", 0),
    ]
    assert [(at(r, "started_at"), at(r, "ended_at")) for r in records] == [
        (MORNING, MORNING + SLOT),
        (AFTERNOON, AFTERNOON + SLOT),
    ]
    # Each file downloaded once; later polls were answered 304 from the ETag.
    assert len(server.audio_requests()) == 2
    schedule_gets = [r for r in server.requests if r["path"] == "/api/v1/relay/schedule"]
    # 200 only when the content changed: first poll, and each time a finished programme left.
    assert [r.get("status") for r in schedule_gets].count(200) == 3
    assert len(schedule_gets) > 100
    assert server.heartbeats
    assert server.heartbeats[-1]["agent_version"]
    # Past programmes and their files are gone from the cache.
    assert list((agent.config.cache_dir / "audio").iterdir()) == []


def test_server_down_all_day_still_plays_from_cache_and_reports_later_without_duplicates(
    clock: FakeClock, server: FakeRelayServer, make_agent: MakeAgent
) -> None:
    agent = make_agent()
    drive(agent, clock, DAY_START + timedelta(minutes=5))  # synced, both files cached
    server.down = True
    drive(agent, clock, END_OF_DAY)

    assert server.played == {}
    backlog = agent.store.backlog()
    assert backlog.pending_played == 2
    assert backlog.pending == 3  # the two as-runs and only the latest heartbeat

    server.down = False
    server.lose_next_played_response = True  # first delivery stored, but its answer is lost
    drive(agent, clock, END_OF_DAY + timedelta(minutes=30))

    records = played(server)
    assert [(r["programme_id"], r["outcome"]) for r in records] == [
        (1, "completed"),
        (2, "completed"),
    ]
    assert at(records[0], "started_at") == MORNING
    assert server.played_duplicates == 1  # re-sent with the same record_id, stored once
    assert agent.store.backlog().pending_played == 0
    assert any(h["state"] == "offline-cache" for h in server.heartbeats)


def test_agent_restarted_while_offline_plays_from_saved_schedule(
    clock: FakeClock, server: FakeRelayServer, make_agent: MakeAgent, tmp_path: Path
) -> None:
    first = make_agent(cache=tmp_path / "cache")
    drive(first, clock, DAY_START + timedelta(minutes=5))
    first.close()
    server.down = True  # power cut and no network: a new process on the same cache
    second = make_agent(cache=tmp_path / "cache")
    drive(second, clock, MORNING + SLOT + timedelta(minutes=6))

    outbox = [p for _, kind, p in second.store.pending() if kind == "played"]
    assert [(p["programme_id"], p["outcome"]) for p in outbox] == [(1, "completed")]


def test_connection_dropped_mid_download_resumes_with_range(
    clock: FakeClock, server: FakeRelayServer, make_agent: MakeAgent
) -> None:
    server.drop_next_download_after = 100_000
    agent = make_agent()
    first = agent.sync_once()
    assert not first.ok

    programme = server.programmes[0]
    part = agent.cache.path_for(programme["sha256"]).with_name(programme["sha256"] + ".mp3.part")
    assert part.stat().st_size == 100_000

    clock.advance(agent.next_poll_delay())
    assert agent.sync_once().ok
    ranges = [r["range"] for r in server.audio_requests()]
    assert "bytes=100000-" in ranges
    cached = agent.cache.path_for(programme["sha256"])
    assert hashlib.sha256(cached.read_bytes()).hexdigest() == programme["sha256"]
    assert not part.exists()


def test_corrupted_cached_file_is_detected_and_downloaded_again(
    clock: FakeClock, server: FakeRelayServer, make_agent: MakeAgent
) -> None:
    agent = make_agent()
    drive(agent, clock, DAY_START + timedelta(minutes=5))
    sha256 = server.programmes[0]["sha256"]
    cached = agent.cache.path_for(sha256)
    damaged = bytearray(cached.read_bytes())
    damaged[5000:5010] = b"\x00" * 10  # same size, different content: bit rot on an SD card
    cached.write_bytes(bytes(damaged))

    drive(agent, clock, MORNING)

    downloads = [r for r in server.audio_requests() if sha256 in r["path"]]
    assert len(downloads) == 2
    assert hashlib.sha256(cached.read_bytes()).hexdigest() == sha256
    drive(agent, clock, MORNING + SLOT + timedelta(minutes=6))
    assert [(r["programme_id"], r["outcome"]) for r in played(server)] == [(1, "completed")]


def test_emergency_interrupts_the_programme_then_it_resumes_at_the_right_offset(
    clock: FakeClock, server: FakeRelayServer, make_agent: MakeAgent
) -> None:
    agent = make_agent()
    issued = MORNING + timedelta(minutes=10)
    drive(agent, clock, issued)
    server.issue_emergency(9, audio_bytes(9, 50_000), duration_ms=120_000, after="resume")
    drive(agent, clock, MORNING + SLOT + timedelta(minutes=6))

    interrupted, emergency, resumed = played(server)
    assert (interrupted["programme_id"], interrupted["outcome"]) == (1, "interrupted")
    assert interrupted["reason"] == "emergency:9"
    cut = at(interrupted, "ended_at")
    assert issued <= cut <= issued + timedelta(seconds=server.poll_seconds)
    assert (emergency["emergency_id"], emergency["outcome"]) == (9, "completed")
    assert at(emergency, "started_at") == cut
    assert at(emergency, "ended_at") == cut + timedelta(minutes=2)
    # Resumed where the slot is now, not where it stopped: clusters stay in step with the ward.
    assert (resumed["programme_id"], resumed["outcome"]) == (1, "completed")
    assert at(resumed, "started_at") == cut + timedelta(minutes=2)
    assert resumed["offset_ms"] == (cut + timedelta(minutes=2) - MORNING) // timedelta(
        milliseconds=1
    )
    assert at(resumed, "ended_at") == MORNING + SLOT


def test_emergency_with_skip_drops_the_rest_of_the_programme(
    clock: FakeClock, server: FakeRelayServer, make_agent: MakeAgent
) -> None:
    agent = make_agent()
    drive(agent, clock, MORNING + timedelta(minutes=10))
    server.issue_emergency(10, audio_bytes(10, 50_000), duration_ms=120_000, after="skip")
    drive(agent, clock, MORNING + SLOT + timedelta(minutes=6))

    assert [(r["programme_id"], r["emergency_id"], r["outcome"]) for r in played(server)] == [
        (1, None, "interrupted"),
        (None, 10, "completed"),
    ]


def test_agent_started_mid_slot_starts_at_the_offset(
    clock: FakeClock, server: FakeRelayServer, make_agent: MakeAgent
) -> None:
    clock.set(MORNING + timedelta(minutes=15))
    agent = make_agent()
    drive(agent, clock, MORNING + SLOT + timedelta(minutes=6))

    (record,) = played(server)
    assert (record["programme_id"], record["outcome"]) == (1, "completed")
    assert record["offset_ms"] == 15 * 60 * 1000
    assert at(record, "started_at") == MORNING + timedelta(minutes=15)


def test_revoked_token_is_logged_loudly_and_the_cache_keeps_playing(
    clock: FakeClock,
    server: FakeRelayServer,
    make_agent: MakeAgent,
    token_file: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    agent = make_agent()
    drive(agent, clock, DAY_START + timedelta(minutes=5))
    server.revoke("token-good")
    with caplog.at_level(logging.ERROR, logger="relay_agent"):
        drive(agent, clock, MORNING + SLOT + timedelta(minutes=6))

    assert "MÃ TRUY CẬP BỊ TỪ CHỐI" in caplog.text
    assert "RelayTokenRevoked" in caplog.text
    outbox = [p for _, kind, p in agent.store.pending() if kind == "played"]
    assert [(p["programme_id"], p["outcome"]) for p in outbox] == [(1, "completed")]
    # It does not hammer the server with a dead token: one try per token_retry_seconds.
    tries = [r["at"] for r in server.requests if r["at"] > DAY_START + timedelta(minutes=5)]
    gaps = [
        (later - earlier).total_seconds()
        for earlier, later in zip(tries[:-1], tries[1:], strict=True)
    ]
    assert gaps
    assert min(gaps) >= agent.config.token_retry_seconds

    # The leader puts a new token in the file: the agent notices and delivers what it queued.
    server.tokens.add("token-new")
    token_file.write_text("token-new\n")
    drive(agent, clock, MORNING + SLOT + timedelta(minutes=2))
    assert [(r["programme_id"], r["outcome"]) for r in played(server)] == [(1, "completed")]


def test_programme_never_rendered_is_reported_as_failed(
    clock: FakeClock, server: FakeRelayServer, make_agent: MakeAgent
) -> None:
    server.programmes[0].update(status="planned", audio_url=None, sha256=None, size_bytes=None)
    agent = make_agent()
    drive(agent, clock, MORNING + SLOT + timedelta(minutes=6))

    (record,) = played(server)
    assert (record["programme_id"], record["outcome"], record["reason"]) == (
        1,
        "failed",
        "not_rendered",
    )


def test_forbidden_file_does_not_stop_the_other_downloads(
    server: FakeRelayServer, make_agent: MakeAgent
) -> None:
    server.forbidden.add(server.programmes[0]["sha256"])
    agent = make_agent()
    report = agent.sync_once()

    assert not report.ok
    assert "403" in (report.error or "")
    assert agent.cache.is_present(agent.syncer.schedule.programmes[1].audio)  # type: ignore[union-attr,arg-type]
    assert not agent.cache.is_present(agent.syncer.schedule.programmes[0].audio)  # type: ignore[union-attr,arg-type]


def test_long_download_pauses_so_an_emergency_is_fetched_first(
    clock: FakeClock, server: FakeRelayServer, make_agent: MakeAgent
) -> None:
    big = server.add_programme(3, AFTERNOON + timedelta(hours=1), data=audio_bytes(3, 3_000_000))
    agent = make_agent()

    def emergency_meanwhile() -> None:
        clock.advance(server.poll_seconds + 1)
        server.issue_emergency(12, audio_bytes(12, 50_000), duration_ms=60_000)

    # The agent already holds programmes 1 and 2; programme 3 is the slow one.
    server.programmes = [p for p in server.programmes if p["id"] != 3]
    agent.sync_once()
    server.programmes.append(big)
    server.midway_through_next_download = emergency_meanwhile
    clock.advance(agent.next_poll_delay())
    agent.sync_once()

    order = [(r["path"].split("/")[-1][:64], r["range"]) for r in server.audio_requests()][2:]
    emergency_sha = server.emergency["sha256"]  # type: ignore[index]
    assert [sha for sha, _ in order] == [big["sha256"], emergency_sha, big["sha256"]]
    assert order[2][1] is not None  # resumed with Range, not started again
    assert agent.cache.is_valid(agent.syncer.schedule.emergency.audio)  # type: ignore[union-attr]


def test_emergency_that_could_not_be_fetched_before_it_expired_is_reported_failed(
    clock: FakeClock, server: FakeRelayServer, make_agent: MakeAgent
) -> None:
    agent = make_agent()
    drive(agent, clock, DAY_START + timedelta(minutes=1))
    server.issue_emergency(13, audio_bytes(13, 50_000), duration_ms=60_000)
    server.forbidden.add(server.emergency["sha256"])  # type: ignore[index]
    drive(agent, clock, DAY_START + timedelta(hours=1, minutes=10))

    (record,) = [r for r in played(server) if r["emergency_id"] == 13]
    assert (record["outcome"], record["reason"]) == ("failed", "not_cached")


def test_a_programme_changed_on_air_is_dropped_and_the_new_audio_played_from_the_same_moment(
    clock: FakeClock, server: FakeRelayServer, make_agent: MakeAgent
) -> None:
    """A script taken off the air re-plans the programme on air: its old audio must not go on."""
    server.poll_seconds = 30
    agent = make_agent()
    drive(agent, clock, MORNING + timedelta(minutes=5))
    assert agent.current is not None
    assert agent.current.programme is not None
    with server.lock:
        morning = server.programmes[0]
        morning.update(status="planned", audio_url=None, sha256=None, size_bytes=None, m3u8_url=None,
                       version=2)
    drive(agent, clock, MORNING + timedelta(minutes=7))
    assert agent.current is None, "the old audio, holding what was withdrawn, stopped"
    with server.lock:
        server._render(morning, audio_bytes(11))
    drive(agent, clock, MORNING + timedelta(minutes=10))
    assert agent.current is not None
    assert agent.current.sha256 == morning["sha256"]
    drive(agent, clock, END_OF_DAY)
    records = [r for r in played(server) if r["programme_id"] == 1]
    assert [r["outcome"] for r in records] == ["interrupted", "completed"]
    assert records[0]["reason"] == "changed"
    assert 7 * 60_000 <= int(records[1]["offset_ms"]) <= 10 * 60_000
