"""Relay agents on a fake clock against a real `loa serve` (real planner, renderer, database).

One server for the module: a demo station whose slots are replaced by one 2-minute slot starting
within three minutes, rendered by `loa render`. Each scenario has relay points of its own, so the
scenarios do not see each other's as-run records. The agents' clocks start at the real time and
jump ahead; the server keeps the real time (the programme has not ended for it while tests run).
"""

from __future__ import annotations

import hashlib
import logging
import random
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from relay_agent.agent import Agent
from relay_agent.clock import FakeClock
from relay_agent.config import AgentConfig
from relay_agent.player import NullPlayer
from tests.relay_agent.driving import drive
from tests.relays.live import CuttingProxy, LoaServer

pytestmark = pytest.mark.slow

PASSWORDS = {"ubnd": "mat-khau-ubnd-1", "bientap": "mat-khau-bientap-1", "vanhoa": "mat-khau-vanhoa-1"}
SLOT = timedelta(minutes=2)


@dataclass
class Live:
    server: LoaServer
    proxy: CuttingProxy
    start: datetime  # the slot's start today (UTC)
    staff: dict[str, dict[str, str]]  # username -> auth headers
    areas: dict[str, int]  # "Khu 1" -> id
    tmp: Path
    relays: dict[str, tuple[int, str]] = field(default_factory=dict)

    def relay(self, area: str, name: str) -> tuple[int, str]:
        """A new relay point of an area, created by the admin API: (id, token)."""
        answer = httpx.post(f"{self.server.url}/api/v1/areas/{self.areas[area]}/relay-points",
                            headers=self.staff["ubnd"], json={"name": name})
        assert answer.status_code == 201, answer.text
        self.relays[name] = (answer.json()["id"], answer.json()["token"])
        return self.relays[name]

    def plays(self, relay_id: int) -> list[tuple[Any, ...]]:
        """The as-run rows the server stored for a relay point, read from its database."""
        with sqlite3.connect(self.server.data_dir / "loa.db") as db:
            return db.execute("SELECT programme_id, emergency_id, outcome, offset_ms, started_at FROM relay_plays"
                              " WHERE relay_point_id = ? ORDER BY started_at, id", (relay_id,)).fetchall()

    def board(self) -> dict[int, dict[str, Any]]:
        answer = httpx.get(f"{self.server.url}/api/v1/relays/status", headers=self.staff["bientap"])
        assert answer.status_code == 200
        return {row["id"]: row for row in answer.json()}


def _sign_in(base: str, username: str) -> dict[str, str]:
    answer = httpx.post(f"{base}/api/v1/auth/token", data={"username": username, "password": PASSWORDS[username]})
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


def _approved(base: str, staff: dict[str, dict[str, str]], station_id: int, title: str, body: str,
              area_ids: list[int]) -> None:
    today = datetime.now(UTC).astimezone(ZoneInfo("Asia/Ho_Chi_Minh")).date()
    made = httpx.post(f"{base}/api/v1/scripts", headers=staff["vanhoa"], json={
        "station_id": station_id, "title": title, "body": body, "topic": "thoi-su", "area_ids": area_ids,
        "air_from": today.isoformat(), "air_until": (today + timedelta(days=3)).isoformat()})
    assert made.status_code == 201, made.text
    script_id = made.json()["id"]
    assert httpx.post(f"{base}/api/v1/scripts/{script_id}/submit", headers=staff["vanhoa"]).status_code == 200
    approved = httpx.post(f"{base}/api/v1/scripts/{script_id}/approve", headers=staff["bientap"], json={})
    assert approved.status_code == 200, approved.text


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    with open_live(tmp_path_factory.mktemp("relay-e2e")) as opened:
        yield opened


@contextmanager
def open_live(tmp: Path, env: dict[str, str] | None = None) -> Iterator[Live]:
    """A served demo station with one 2-minute slot starting within three minutes, rendered."""
    server = LoaServer(tmp / "data", env=env).start_demo(PASSWORDS)
    proxy = CuttingProxy(server.port)
    try:
        base = server.url
        staff = {name: _sign_in(base, name) for name in PASSWORDS}
        station = httpx.get(f"{base}/api/v1/stations", headers=staff["ubnd"]).json()[0]
        detail = httpx.get(f"{base}/api/v1/stations/{station['id']}", headers=staff["ubnd"]).json()
        for slot in detail["slots"]:
            assert httpx.delete(f"{base}/api/v1/slots/{slot['id']}", headers=staff["ubnd"]).status_code == 204
        zone = ZoneInfo(station["timezone"])
        start = (datetime.now(UTC) + timedelta(minutes=3)).replace(second=0, microsecond=0)
        made = httpx.post(f"{base}/api/v1/stations/{station['id']}/slots", headers=staff["ubnd"], json={
            "name": "thu", "label": "Thử tiếp sóng", "start_time": start.astimezone(zone).strftime("%H:%M"),
            "length_seconds": int(SLOT.total_seconds())})
        assert made.status_code == 201, made.text
        areas = {a["name"]: a["id"] for a in detail["areas"]}
        _approved(base, staff, station["id"], "Phòng chống sốt xuất huyết",
                  "Bà con hãy đậy kín dụng cụ chứa nước và diệt lăng quăng mỗi tuần.", [])
        _approved(base, staff, station["id"], "Lịch thu gom rác Khu 6",
                  "Khu 6 thu gom rác cồng kềnh vào sáng thứ bảy.", [areas["Khu 6"]])
        server.cli("render", "--station", str(station["id"]), "--date",
                   start.astimezone(zone).date().isoformat(), "--slot", "thu")
        yield Live(server, proxy, start, staff, areas, tmp)
    finally:
        proxy.close()
        server.stop()


@pytest.fixture
def agents() -> Iterator[list[Agent]]:
    made: list[Agent] = []
    yield made
    for agent in made:
        agent.close()


def make_agent(live: Live, agents: list[Agent], token: str, clock: FakeClock, *, name: str,
               server: str | None = None) -> Agent:
    token_file = live.tmp / f"{name}.token"
    token_file.write_text(token + "\n")
    config = AgentConfig(server=server or live.server.url, token_file=token_file,
                         cache_dir=live.tmp / f"cache-{name}", player="null", timeout_seconds=5)
    agent = Agent(config, clock, NullPlayer(clock), rng=random.Random(6))
    agents.append(agent)
    return agent


def now_clock() -> FakeClock:
    return FakeClock(datetime.now(UTC))


def test_normal_day_is_played_reported_and_on_the_board(live: Live, agents: list[Agent]) -> None:
    relay_id, token = live.relay("Khu 1", "Cụm loa chợ Khu 1")
    clock = now_clock()
    agent = make_agent(live, agents, token, clock, name="normal")
    drive(agent, clock, live.start + SLOT + timedelta(minutes=1))

    plays = live.plays(relay_id)
    assert [(p[2], p[3]) for p in plays] == [("completed", 0)]
    row = live.board()[relay_id]
    assert row["last_played_programme_id"] == plays[0][0]
    assert row["agent_version"]
    assert row["online"] is True


def test_server_down_then_back_delivers_the_as_run_once(live: Live, agents: list[Agent]) -> None:
    relay_id, token = live.relay("Khu 1", "Cụm loa đình Khu 1")
    clock = now_clock()
    agent = make_agent(live, agents, token, clock, name="down")
    assert agent.sync_once().ok  # programme cached
    live.server.stop()
    try:
        drive(agent, clock, live.start + SLOT + timedelta(minutes=1))
        assert agent.store.backlog().pending_played == 1
    finally:
        live.server.start()
    drive(agent, clock, clock.now() + timedelta(minutes=6))  # past the agent's backoff

    assert [p[2] for p in live.plays(relay_id)] == ["completed"]
    assert agent.store.backlog().pending_played == 0
    agent.sync_once()  # a later delivery round adds nothing
    assert len(live.plays(relay_id)) == 1


def test_connection_dropped_mid_download_resumes(live: Live, agents: list[Agent]) -> None:
    _, token = live.relay("Khu 2", "Cụm loa Khu 2")
    clock = now_clock()
    agent = make_agent(live, agents, token, clock, name="dropped", server=live.proxy.url)
    live.proxy.cut_next_audio_after(150_000)
    assert not agent.sync_once().ok

    clock.advance(agent.next_poll_delay())
    assert agent.sync_once().ok
    programme = agent.syncer.schedule.programmes[0]  # type: ignore[union-attr]
    assert programme.audio is not None
    assert agent.cache.is_valid(programme.audio)
    audio_gets = [r for r in live.proxy.requests if "/relay/audio/" in r]
    # The second request asked only for the rest: the cut came after 150,000 bytes, headers included.
    resumed_at = int(audio_gets[-1].rsplit("range=bytes=", 1)[1].rstrip("-"))
    assert 149_000 < resumed_at < 150_000


def test_corrupted_cached_file_is_downloaded_again(live: Live, agents: list[Agent]) -> None:
    relay_id, token = live.relay("Khu 3", "Cụm loa Khu 3")
    clock = now_clock()
    agent = make_agent(live, agents, token, clock, name="corrupt", server=live.proxy.url)
    seen_before = len(live.proxy.requests)
    assert agent.sync_once().ok
    audio = agent.syncer.schedule.programmes[0].audio  # type: ignore[union-attr]
    assert audio is not None
    cached = agent.cache.path_for(audio.sha256)
    damaged = bytearray(cached.read_bytes())
    damaged[20_000:20_010] = b"\x00" * 10  # same size, other content: bit rot on an SD card
    cached.write_bytes(bytes(damaged))

    drive(agent, clock, live.start - timedelta(seconds=1))

    assert hashlib.sha256(cached.read_bytes()).hexdigest() == audio.sha256
    assert len([r for r in live.proxy.requests[seen_before:] if audio.sha256 in r]) == 2
    drive(agent, clock, live.start + SLOT + timedelta(minutes=1))
    assert [p[2] for p in live.plays(relay_id)] == ["completed"]


def test_agent_started_mid_slot_plays_from_the_right_offset(live: Live, agents: list[Agent]) -> None:
    relay_id, token = live.relay("Khu 5", "Cụm loa Khu 5")
    clock = FakeClock(live.start + timedelta(seconds=50))
    agent = make_agent(live, agents, token, clock, name="late")
    drive(agent, clock, live.start + SLOT + timedelta(minutes=1))

    ((_, _, outcome, offset_ms, started_at),) = live.plays(relay_id)
    assert (outcome, offset_ms) == ("completed", 50_000)
    assert datetime.fromisoformat(started_at).replace(tzinfo=UTC) == live.start + timedelta(seconds=50)


def test_revoked_token_keeps_playing_from_cache_and_says_why(
        live: Live, agents: list[Agent], caplog: pytest.LogCaptureFixture) -> None:
    relay_id, token = live.relay("Khu 5", "Cụm loa chợ Khu 5")
    clock = now_clock()
    agent = make_agent(live, agents, token, clock, name="revoked")
    assert agent.sync_once().ok
    revoked = httpx.post(f"{live.server.url}/api/v1/relay-points/{relay_id}/revoke", headers=live.staff["ubnd"])
    assert revoked.status_code == 200
    with caplog.at_level(logging.ERROR, logger="relay_agent"):
        drive(agent, clock, live.start + SLOT + timedelta(minutes=1))

    assert "RelayTokenRevoked" in caplog.text
    assert live.plays(relay_id) == []  # the server no longer listens to it
    outbox = [p for _, kind, p in agent.store.pending() if kind == "played"]
    assert [p["outcome"] for p in outbox] == ["completed"]  # kept until a new token comes


def test_a_relay_cannot_fetch_another_areas_programme(live: Live) -> None:
    _, khu6 = live.relay("Khu 6", "Cụm loa Khu 6")
    _, khu1 = live.relay("Khu 1", "Cụm loa trường Khu 1")
    own = httpx.get(f"{live.server.url}/api/v1/relay/schedule", headers={"Authorization": f"Bearer {khu1}"})
    url = own.json()["programmes"][0]["audio_url"]
    theirs = httpx.get(f"{live.server.url}/api/v1/relay/schedule", headers={"Authorization": f"Bearer {khu6}"})
    assert theirs.json()["programmes"][0]["audio_url"] != url  # Khu 6 has a script of its own

    refused = httpx.get(f"{live.server.url}{url}", headers={"Authorization": f"Bearer {khu6}"})
    assert (refused.status_code, refused.json()["error"]) == (403, "NotThisRelaysArea")


def test_emergency_during_the_programme_interrupts_then_it_resumes(live: Live, agents: list[Agent]) -> None:
    relay_id, token = live.relay("Khu 4", "Cụm loa Khu 4")
    clock = now_clock()
    agent = make_agent(live, agents, token, clock, name="emergency")
    drive(agent, clock, live.start + timedelta(seconds=20))
    issued = httpx.post(f"{live.server.url}/api/v1/emergency", headers=live.staff["bientap"], json={
        "title": "Cháy tại chợ Khu 4", "body": "Bà con tránh xa khu vực chợ, nhường đường xe cứu hỏa.",
        "area_ids": [live.areas["Khu 4"]], "minutes": 10, "after": "resume"})
    assert issued.status_code == 201, issued.text
    drive(agent, clock, live.start + SLOT + timedelta(minutes=1))

    rows = live.plays(relay_id)
    assert [(r[1] is not None, r[2]) for r in rows] == [(False, "interrupted"), (True, "completed"),
                                                        (False, "completed")]
    assert rows[1][1] == issued.json()["id"]
    assert rows[2][3] > 20_000  # resumed where the slot is now, not from the start
