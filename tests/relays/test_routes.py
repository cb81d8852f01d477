"""The relay API against the real planner and renderer: schedules, audio, reports, the board."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.jobs import prepare_and_render
from app.models import Programme, RelayHeartbeat, RelayPlay, ScriptStatus
from app.relays import routes, service, status
from tests.fixtures.builders import World, auth, create_script
from tests.relays.helpers import add_relay, approved_scripts, render_soon, short_slot

SCHEDULE = "/api/v1/relay/schedule"


@dataclass
class Rendered:
    """Today's short slot rendered; Khu 1 has a script of its own; relays in Khu 1 and Khu 2."""

    start: datetime
    khu1: Programme
    khu2: Programme
    relays: dict[str, tuple[int, str]]

    def headers(self, relay: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.relays[relay][1]}"}


@pytest.fixture(autouse=True)
def fresh_limiter(monkeypatch: pytest.MonkeyPatch) -> None:
    # Relay ids repeat between tests (each test rolls back): start every test with an empty window.
    monkeypatch.setattr(routes, "limiter", service.RateLimiter(limit=120, window_seconds=60))


@pytest.fixture
def rendered(client: TestClient, session: Session, world: World) -> Rendered:
    # 45 minutes ahead: outside the 30-minute lock lead, so a re-plan may still change it
    start = short_slot(client, world, timedelta(minutes=45))
    approved_scripts(session, world, area_only=0)
    programmes = render_soon(session, world, start + timedelta(minutes=5))
    by_area = {p.area_key: p for p in programmes}
    relays = {"khu1": add_relay(client, world, 0, "Cụm loa Khu 1"),
              "khu2": add_relay(client, world, 1, "Cụm loa Khu 2")}
    return Rendered(start, by_area[world.areas[0].id], by_area[world.areas[1].id], relays)


def sha(programme: Programme) -> str:
    """The content hash of a rendered programme's audio (its key without the suffix)."""
    assert programme.audio_key is not None
    return programme.audio_key.split(".")[0]


def schedule(client: TestClient, rendered: Rendered, relay: str, **headers: str) -> Any:
    return client.get(SCHEDULE, headers={**rendered.headers(relay), **headers})


def test_each_relay_gets_its_own_areas_programme(client: TestClient, rendered: Rendered) -> None:
    khu1 = schedule(client, rendered, "khu1").json()
    khu2 = schedule(client, rendered, "khu2").json()

    assert khu1["relay_point"]["area_name"] == "Khu 1"
    first = khu1["programmes"][0]
    assert (first["id"], first["starts_at"]) == (rendered.khu1.id, rendered.start.isoformat().replace("+00:00", "Z"))
    assert first["sha256"] == sha(rendered.khu1)
    assert first["size_bytes"] == rendered.khu1.audio_size
    assert khu2["programmes"][0]["id"] == rendered.khu2.id
    # Khu 1 hears its own script, so the two areas get different audio.
    assert first["audio_url"] != khu2["programmes"][0]["audio_url"]


def test_area_variant_wins_over_the_station_wide_programme(
        client: TestClient, session: Session, rendered: Rendered) -> None:
    # The planner writes either one station-wide row or one row per area for a slot, never both;
    # a station-wide row is added by hand to check the rule the schedule applies if both exist.
    wide = Programme(station_id=rendered.khu1.station_id, slot_id=rendered.khu1.slot_id,
                     slot_name=rendered.khu1.slot_name, air_date=rendered.khu1.air_date, area_key=0,
                     starts_at=rendered.start, duration_ms=rendered.khu1.duration_ms,
                     status=rendered.khu1.status, items=[], explanation=[], plan_hash="wide")
    session.add(wide)
    session.commit()

    ids = [p["id"] for p in schedule(client, rendered, "khu1").json()["programmes"]
           if p["starts_at"].startswith(rendered.start.date().isoformat())]
    assert rendered.khu1.id in ids
    assert wide.id not in ids


def test_unchanged_schedule_is_answered_304(client: TestClient, rendered: Rendered) -> None:
    first = schedule(client, rendered, "khu1")
    etag = first.headers["ETag"]

    again = schedule(client, rendered, "khu1", **{"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["ETag"] == etag
    assert schedule(client, rendered, "khu1", **{"If-None-Match": '"something-else"'}).status_code == 200
    # Another relay has a tag of its own.
    assert schedule(client, rendered, "khu2").headers["ETag"] != etag


def test_etag_changes_when_a_programme_changes(
        client: TestClient, session: Session, world: World, rendered: Rendered) -> None:
    before = schedule(client, rendered, "khu2")
    create_script(session, world, status=ScriptStatus.approved, title="Lịch tiêm chủng tháng này")
    prepare_and_render(session, world.station.id, until=rendered.start + timedelta(minutes=5))
    session.commit()

    after = schedule(client, rendered, "khu2", **{"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200
    assert after.headers["ETag"] != before.headers["ETag"]
    today = after.json()["programmes"][0]
    assert today["version"] == before.json()["programmes"][0]["version"] + 1
    assert today["sha256"] != before.json()["programmes"][0]["sha256"]


def test_revoked_and_unknown_tokens_are_refused_with_a_reason(
        client: TestClient, world: World, rendered: Rendered) -> None:
    relay_id = rendered.relays["khu1"][0]
    assert client.post(f"/api/v1/relay-points/{relay_id}/revoke",
                       headers=auth(world.users["admin"])).status_code == 200

    revoked = schedule(client, rendered, "khu1")
    assert revoked.status_code == 401
    assert revoked.json()["error"] == "RelayTokenRevoked"
    assert "thu hồi" in revoked.json()["detail"]
    assert "revoked" in revoked.json()["detail_en"]

    unknown = client.get(SCHEDULE, headers={"Authorization": "Bearer not-a-token"})
    assert (unknown.status_code, unknown.json()["error"]) == (401, "InvalidRelayToken")
    assert client.get(SCHEDULE).status_code == 401
    assert schedule(client, rendered, "khu2").status_code == 200


def test_audio_download_supports_range_and_immutable_caching(client: TestClient, rendered: Rendered) -> None:
    url = schedule(client, rendered, "khu1").json()["programmes"][0]["audio_url"]

    whole = client.get(url, headers=rendered.headers("khu1"))
    assert whole.status_code == 200
    assert whole.headers["content-type"] == "audio/mpeg"
    assert whole.headers["ETag"] == f'"{sha(rendered.khu1)}"'
    assert "immutable" in whole.headers["Cache-Control"]
    assert hashlib.sha256(whole.content).hexdigest() == sha(rendered.khu1)
    assert whole.content[:3] == b"ID3" or whole.content[0] == 0xFF

    size = len(whole.content)
    part = client.get(url, headers={**rendered.headers("khu1"), "Range": f"bytes={size - 1000}-"})
    assert part.status_code == 206
    assert part.headers["Content-Range"] == f"bytes {size - 1000}-{size - 1}/{size}"
    assert part.content == whole.content[-1000:]


def test_a_relay_cannot_fetch_another_areas_audio(client: TestClient, rendered: Rendered) -> None:
    khu1_audio = schedule(client, rendered, "khu1").json()["programmes"][0]["audio_url"]

    refused = client.get(khu1_audio, headers=rendered.headers("khu2"))
    assert (refused.status_code, refused.json()["error"]) == (403, "NotThisRelaysArea")
    playlist = client.get(f"/api/v1/relay/programmes/{rendered.khu1.id}.m3u8", headers=rendered.headers("khu2"))
    assert (playlist.status_code, playlist.json()["error"]) == (404, "NoSuchProgramme")
    own = client.get(f"/api/v1/relay/programmes/{rendered.khu1.id}.m3u8", headers=rendered.headers("khu1"))
    assert own.status_code == 200
    assert own.text.startswith("#EXTM3U")


def test_heartbeat_shows_on_the_status_board(
        client: TestClient, world: World, rendered: Rendered) -> None:
    beat = {"agent_version": "0.1.0", "state": "idle", "free_disk_bytes": 5_000_000_000,
            "cached_until": (rendered.start + timedelta(days=1)).isoformat()}
    for bad in ({"free_disk_bytes": False}, {"free_disk_bytes": 2**63}, {"cached_until": "2026-01-01T06:00:00"}):
        refused = client.post("/api/v1/relay/heartbeat", json={**beat, **bad}, headers=rendered.headers("khu1"))
        assert refused.status_code == 422, refused.text
    assert client.post("/api/v1/relay/heartbeat", json=beat, headers=rendered.headers("khu1")).status_code == 204

    board = client.get("/api/v1/relays/status", headers=auth(world.users["editor"]))
    assert board.status_code == 200
    rows = {r["name"]: r for r in board.json()}
    assert rows["Cụm loa Khu 1"]["online"] is True
    assert rows["Cụm loa Khu 1"]["agent_version"] == "0.1.0"
    assert rows["Cụm loa Khu 1"]["last_seen_at"] is not None
    assert rows["Cụm loa Khu 1"]["health"] == "green"
    assert rows["Cụm loa Khu 2"]["online"] is False
    assert rows["Cụm loa Khu 2"]["health"] == "red"  # never seen
    assert client.get("/api/v1/relays/status", headers=auth(world.users["officer"])).status_code == 403


def played_record(rendered: Rendered, record_id: str = "rec-0001-khu1") -> dict[str, object]:
    end = rendered.start + timedelta(seconds=120)
    return {"record_id": record_id, "programme_id": rendered.khu1.id, "started_at": rendered.start.isoformat(),
            "ended_at": end.isoformat(), "outcome": "completed", "offset_ms": 0}


def test_as_run_record_is_stored_once(client: TestClient, session: Session, rendered: Rendered) -> None:
    first = client.post("/api/v1/relay/played", json=played_record(rendered), headers=rendered.headers("khu1"))
    second = client.post("/api/v1/relay/played", json=played_record(rendered), headers=rendered.headers("khu1"))

    assert (first.status_code, first.json()) == (201, {"status": "stored"})
    assert (second.status_code, second.json()) == (200, {"status": "duplicate"})
    assert session.scalar(select(func.count()).select_from(RelayPlay)) == 1
    # A relay cannot claim another area's programme.
    other = client.post("/api/v1/relay/played", json=played_record(rendered, "rec-0002-khu2"),
                        headers=rendered.headers("khu2"))
    assert other.status_code == 422


def test_faults_from_the_relay_and_from_its_leader(
        client: TestClient, world: World, rendered: Rendered) -> None:
    sent = client.post("/api/v1/relay/faults", json={"category": "amplifier", "text": "Âm ly không lên nguồn"},
                       headers=rendered.headers("khu1"))
    assert sent.status_code == 201
    khu1_id, khu2_id = rendered.relays["khu1"][0], rendered.relays["khu2"][0]
    leader = auth(world.users["leader"])  # the leader of Khu 1
    mine = client.post(f"/api/v1/relay-points/{khu1_id}/faults", json={"category": "speaker", "text": "Loa rè"},
                       headers=leader)
    assert mine.status_code == 201
    theirs = client.post(f"/api/v1/relay-points/{khu2_id}/faults", json={"category": "speaker", "text": "Loa rè"},
                         headers=leader)
    assert theirs.status_code == 404, "another area's relay point is, to a leader, none at all"
    assert client.post("/api/v1/relay/faults", json={"category": "weather", "text": "x"},
                       headers=rendered.headers("khu1")).status_code == 422

    rows = {r["id"]: r for r in client.get("/api/v1/relays/status", headers=auth(world.users["editor"])).json()}
    assert [f["text"] for f in rows[khu1_id]["open_faults"]] == ["Âm ly không lên nguồn", "Loa rè"]
    assert rows[khu2_id]["open_faults"] == []


def test_a_relay_polling_too_fast_gets_429(client: TestClient, rendered: Rendered) -> None:
    answers = [schedule(client, rendered, "khu1").status_code for _ in range(121)]

    assert answers[:120] == [200] * 120
    assert answers[120] == 429
    limited = schedule(client, rendered, "khu1").json()
    assert limited["error"] == "RelayRateLimited"
    assert "giây" in limited["detail"]
    # The limit is per relay point.
    assert schedule(client, rendered, "khu2").status_code == 200


def board_at(session: Session, world: World, now: datetime) -> dict[str, Any]:
    return {r.name: r for r in status.board(session, world.station.id, now=now)}


def test_board_flags_a_relay_silent_two_polls_past_the_slot_start(
        client: TestClient, session: Session, world: World, rendered: Rendered) -> None:
    for relay in ("khu1", "khu2"):
        client.post("/api/v1/relay/heartbeat", json={"state": "idle"}, headers=rendered.headers(relay))
    client.post("/api/v1/relay/played", json=played_record(rendered), headers=rendered.headers("khu1"))
    # Khu 1's agent keeps beating through the slot: its heartbeat is set to a time after the start
    # (the heartbeat route stamps the real now, which is before this test's slot).
    beat = session.get(RelayHeartbeat, rendered.relays["khu1"][0])
    assert beat is not None
    beat.received_at = rendered.start + timedelta(seconds=100)
    session.commit()

    one_poll_late = board_at(session, world, rendered.start + timedelta(seconds=30))
    assert one_poll_late["Cụm loa Khu 2"].missed_programme_ids == []
    assert one_poll_late["Cụm loa Khu 2"].flagged is False

    later = board_at(session, world, rendered.start + timedelta(seconds=2 * service.POLL_SECONDS + 45))
    khu1, khu2 = later["Cụm loa Khu 1"], later["Cụm loa Khu 2"]
    assert (khu1.missed_programme_ids, khu1.flagged, khu1.health) == ([], False, "green")
    assert khu1.last_played_programme_id == rendered.khu1.id
    assert khu2.missed_programme_ids == [rendered.khu2.id]
    assert (khu2.flagged, khu2.health) == (True, "red")


def test_board_amber_when_offline_or_faulty(
        client: TestClient, session: Session, world: World, rendered: Rendered) -> None:
    for relay in ("khu1", "khu2"):
        client.post("/api/v1/relay/heartbeat", json={"state": "idle"}, headers=rendered.headers(relay))
    client.post("/api/v1/relay/faults", json={"category": "power", "text": "Mất điện"},
                headers=rendered.headers("khu2"))

    soon = board_at(session, world, datetime.now(UTC) + timedelta(minutes=1))
    assert (soon["Cụm loa Khu 1"].online, soon["Cụm loa Khu 1"].health) == (True, "green")
    assert soon["Cụm loa Khu 2"].health == "amber"  # an open fault
    quiet = board_at(session, world, datetime.now(UTC) + timedelta(minutes=5))
    assert (quiet["Cụm loa Khu 1"].online, quiet["Cụm loa Khu 1"].health) == (False, "amber")


def test_emergency_reaches_the_schedules_of_its_areas_only(
        client: TestClient, world: World, rendered: Rendered) -> None:
    before = schedule(client, rendered, "khu1").headers["ETag"]
    issued = client.post("/api/v1/emergency", headers=auth(world.users["editor"]), json={
        "title": "Bão số 3 đổ bộ", "body": "Bà con khu 1 khẩn trương gia cố nhà cửa, không ra đồng.",
        "area_ids": [world.areas[0].id], "minutes": 30})
    assert issued.status_code == 201, issued.text

    khu1 = schedule(client, rendered, "khu1", **{"If-None-Match": before})
    assert khu1.status_code == 200
    bulletin = khu1.json()["emergency"]
    assert bulletin["id"] == issued.json()["id"]
    assert bulletin["title"] == "Bão số 3 đổ bộ"
    assert bulletin["after"] == "resume"
    assert bulletin["duration_ms"] > 3000
    assert schedule(client, rendered, "khu2").json()["emergency"] is None

    audio = client.get(bulletin["audio_url"], headers=rendered.headers("khu1"))
    assert audio.status_code == 200
    assert hashlib.sha256(audio.content).hexdigest() == bulletin["sha256"]
    assert client.get(bulletin["audio_url"], headers=rendered.headers("khu2")).status_code == 403
