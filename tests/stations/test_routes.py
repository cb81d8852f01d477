import hashlib
from datetime import timedelta

import pytest
from sqlalchemy import select

from app import jobs, scheduling
from app.models import RelayPoint, ScriptStatus
from tests.fixtures.builders import auth, create_installation_admin, create_script


def test_station_detail_lists_slots_areas_and_topics(client, world):
    r = client.get(f"/api/v1/stations/{world.station.id}", headers=auth(world.users["leader"]))
    assert r.status_code == 200
    body = r.json()
    assert body["timezone"] == "Asia/Ho_Chi_Minh"
    assert [(s["name"], s["start_time"], s["length_seconds"]) for s in body["slots"]] == [
        ("morning", "06:30:00", 1800), ("afternoon", "16:30:00", 1800)]
    assert [a["name"] for a in body["areas"]] == ["Khu 1", "Khu 2", "Khu 3"]
    assert "thoi-su" in [t["code"] for t in body["topics"]]


def test_the_installation_admin_creates_a_station_others_may_not(client, world, session):
    body = {"name": "Đài truyền thanh xã Tân Dân", "timezone": "Asia/Ho_Chi_Minh"}
    assert client.post("/api/v1/stations", headers=auth(world.users["editor"]), json=body).status_code == 403
    refused = client.post("/api/v1/stations", headers=auth(world.users["admin"]), json=body)
    assert refused.status_code == 403, "a station's admin runs their own station, not new ones"
    assert "quản trị hệ thống" in refused.json()["detail"]
    installation = create_installation_admin(session)
    r = client.post("/api/v1/stations", headers=auth(installation), json=body)
    assert r.status_code == 201
    assert len(r.json()["slots"]) == 2
    again = client.post("/api/v1/stations", headers=auth(installation), json=body)
    assert again.status_code == 409
    bad_zone = client.post("/api/v1/stations", headers=auth(installation),
                           json={"name": "Đài khác", "timezone": "Asia/Ha_Noi"})
    assert bad_zone.status_code == 422
    assert "Asia/Ho_Chi_Minh" in bad_zone.json()["detail"]


def test_overlapping_slot_is_refused(client, world):
    h = auth(world.users["admin"])
    url = f"/api/v1/stations/{world.station.id}/slots"
    r = client.post(url, headers=h, json={"name": "noon", "start_time": "06:45", "length_seconds": 900})
    assert r.status_code == 409
    assert r.json()["error"] == "SlotsOverlap"
    assert "morning" in r.json()["detail"]
    ok = client.post(url, headers=h, json={"name": "noon", "start_time": "11:00", "length_seconds": 900})
    assert ok.status_code == 201
    night = client.post(url, headers=h, json={"name": "night", "start_time": "01:00", "length_seconds": 900})
    assert night.status_code == 201
    # a slot crossing midnight that would run into the night slot
    late = client.post(url, headers=h, json={"name": "late", "start_time": "23:30",
                                             "length_seconds": 2 * 3600})
    assert late.status_code == 409
    assert "night" in late.json()["detail"]
    move = client.patch(f"/api/v1/slots/{ok.json()['id']}", headers=h, json={"start_time": "16:40"})
    assert move.status_code == 409
    detail = client.get(f"/api/v1/stations/{world.station.id}", headers=h).json()
    assert [s["start_time"] for s in detail["slots"]] == ["01:00:00", "06:30:00", "11:00:00", "16:30:00"]


def test_relay_point_token_is_shown_once_and_stored_hashed(client, world, session):
    h = auth(world.users["admin"])
    r = client.post(f"/api/v1/areas/{world.areas[0].id}/relay-points", headers=h,
                    json={"name": "Cụm loa chợ"})
    assert r.status_code == 201
    token = r.json()["token"]
    assert len(token) > 30
    stored = session.scalar(select(RelayPoint).where(RelayPoint.id == r.json()["id"]))
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(client.get(f"/api/v1/stations/{world.station.id}/relay-points", headers=h).json())
    rotated = client.post(f"/api/v1/relay-points/{r.json()['id']}/rotate", headers=h).json()["token"]
    assert rotated != token
    revoked = client.post(f"/api/v1/relay-points/{r.json()['id']}/revoke", headers=h)
    assert revoked.json()["revoked_at"] is not None


def test_area_names_are_unique_per_station(client, world):
    h = auth(world.users["admin"])
    r = client.post(f"/api/v1/stations/{world.station.id}/areas", headers=h, json={"name": "Khu 2"})
    assert r.status_code == 409
    assert client.post(f"/api/v1/stations/{world.station.id}/areas", headers=h,
                       json={"name": "  "}).status_code == 422


def test_an_area_in_use_is_kept_and_an_empty_one_removed(client, world):
    h = auth(world.users["admin"])
    used = client.delete(f"/api/v1/areas/{world.areas[0].id}", headers=h)  # the leader lives there
    assert used.status_code == 409
    assert "trưởng khu phố" in used.json()["detail"]
    assert client.delete(f"/api/v1/areas/{world.areas[2].id}", headers=h).status_code == 204
    names = [a["name"] for a in client.get(f"/api/v1/stations/{world.station.id}", headers=h).json()["areas"]]
    assert names == ["Khu 1", "Khu 2"]
    assert client.delete(f"/api/v1/areas/{world.areas[1].id}", headers=auth(world.users["editor"])).status_code == 403


def test_a_deleted_relay_point_can_no_longer_poll(client, world):
    h = auth(world.users["admin"])
    r = client.post(f"/api/v1/areas/{world.areas[1].id}/relay-points", headers=h, json={"name": "Cụm loa chợ"})
    token = r.json()["token"]
    poll = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/v1/relay/schedule", headers=poll).status_code == 200
    assert client.delete(f"/api/v1/relay-points/{r.json()['id']}", headers=h).status_code == 204
    gone = client.get("/api/v1/relay/schedule", headers=poll)
    assert gone.status_code == 401
    assert gone.json()["error"] == "InvalidRelayToken"


def test_an_area_a_live_script_aims_at_is_kept_and_says_why(client, session, world):
    create_script(session, world, status=ScriptStatus.approved, title="Cắt điện Khu 3",
                  area_ids=[world.areas[2].id])
    h = auth(world.users["admin"])
    used = client.delete(f"/api/v1/areas/{world.areas[2].id}", headers=h)
    assert used.status_code == 409
    assert used.json()["error"] == "AreaInUse"
    assert "Cắt điện Khu 3" in used.json()["detail"]
    assert "tin bài" in used.json()["detail"]
    names = [a["name"] for a in client.get(f"/api/v1/stations/{world.station.id}", headers=h).json()["areas"]]
    assert "Khu 3" in names, "the script would otherwise air in every area"


class _Leader:
    """Stands in for the scheduler leader of this process: counts the re-plans asked for."""

    def __init__(self) -> None:
        self.requests = 0

    def request_replan(self) -> None:
        self.requests += 1


@pytest.fixture
def leader(monkeypatch):
    found = _Leader()
    monkeypatch.setattr(scheduling, "_leader", found)
    return found


def _slots_planned(client, world, day):
    rows = client.get(f"/api/v1/stations/{world.station.id}/programmes?from={day}&to={day}",
                      headers=auth(world.users["editor"])).json()
    return sorted({p["slot"] for p in rows})


def test_slot_area_and_relay_point_changes_are_planned_without_a_script_change(client, session, world, leader):
    create_script(session, world, status=ScriptStatus.approved, title="Tin thường")
    day = world.today() + timedelta(days=1)
    jobs.replan_changed_in(session)
    session.commit()
    assert _slots_planned(client, world, day) == ["afternoon", "morning"]
    assert jobs.replan_changed_in(session) == [], "nothing changed since"
    h = auth(world.users["admin"])
    asked = leader.requests
    noon = client.post(f"/api/v1/stations/{world.station.id}/slots", headers=h,
                       json={"name": "noon", "label": "Buổi trưa", "start_time": "11:00", "length_seconds": 900})
    assert noon.status_code == 201
    assert leader.requests == asked + 1, "the debounced re-plan is asked for once the change is committed"
    assert jobs.replan_changed_in(session) == [world.station.id]
    session.commit()
    assert _slots_planned(client, world, day) == ["afternoon", "morning", "noon"]

    assert client.delete(f"/api/v1/slots/{noon.json()['id']}", headers=h).status_code == 204
    jobs.replan_changed_in(session)
    session.commit()
    assert _slots_planned(client, world, day) == ["afternoon", "morning"], "a deleted slot's programmes go"

    requests = leader.requests
    area = client.post(f"/api/v1/stations/{world.station.id}/areas", headers=h, json={"name": "Khu 4"})
    assert client.post(f"/api/v1/areas/{area.json()['id']}/relay-points", headers=h,
                       json={"name": "Cụm loa Khu 4"}).status_code == 201
    assert leader.requests == requests + 2
    assert jobs.replan_changed_in(session) == [world.station.id]
