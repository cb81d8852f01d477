"""A province's emergency bulletin goes out at once, like a ward's own emergency, to the chosen
areas of the chosen wards only; its sender's stop really stops it."""

import pytest
from sqlalchemy import select

from app.models import BulletinDelivery, Emergency, Programme, Script, ScriptStatus
from tests.organisations.helpers import approved_bulletin, relay


@pytest.fixture
def province(session, world):  # the bulletin tests' province (tests/organisations/helpers.py)
    from tests.organisations.helpers import build_province
    return build_province(session, world)



def _emergency(client, headers):
    r = client.get("/api/v1/relay/schedule", headers=headers)
    assert r.status_code == 200, r.text
    return r.json()["emergency"]


def test_province_emergency_reaches_the_chosen_wards_relays_in_one_poll_and_stops(client, session, province):
    p, world = province, province.ward
    polls = {
        "a1": relay(session, world.areas[0], "Cụm loa Khu 1"),
        "a2": relay(session, world.areas[1], "Cụm loa Khu 2"),
        "b1": relay(session, p.areas_b[0], "Cụm loa Hồng Hải 1"),
        "b2": relay(session, p.areas_b[1], "Cụm loa Hồng Hải 2"),
        "out": relay(session, p.areas_outside[0], "Cụm loa ngoài tỉnh"),
    }
    # every relay point has polled before: a cached schedule must not hide the emergency
    assert all(_emergency(client, h) is None for h in polls.values())
    bulletin = approved_bulletin(client, p, level="emergency", title="Khẩn cấp: lũ quét",
                                 emergency_minutes=90)
    r = client.post(f"/api/v1/bulletins/{bulletin['id']}/send", headers=p.h("tinh_bientap"), json={
        "stations": [{"station_id": world.station.id, "area_ids": [world.areas[0].id]},
                     {"station_id": p.ward_b.id}]})
    assert r.status_code == 200, r.text
    assert {row["station_id"]: row["status"] for row in r.json()} == {world.station.id: "on_air",
                                                                     p.ward_b.id: "on_air"}

    heard = {name: _emergency(client, h) for name, h in polls.items()}
    assert heard["a1"]["title"] == "Khẩn cấp: lũ quét"
    assert heard["b1"]["title"] == heard["b2"]["title"] == "Khẩn cấp: lũ quét"
    assert heard["a2"] is None  # an area of ward A that was not chosen
    assert heard["out"] is None  # a ward that was not chosen (outside the province too)
    deliveries = {d.station_id: d for d in session.scalars(select(BulletinDelivery))}
    assert heard["a1"]["id"] == deliveries[world.station.id].emergency_id
    emergency_a = session.get(Emergency, deliveries[world.station.id].emergency_id)
    assert emergency_a.area_ids == [world.areas[0].id]
    assert emergency_a.station_id == world.station.id

    # the sender stops it: gone from every relay schedule at the next poll
    r = client.post(f"/api/v1/bulletins/{bulletin['id']}/stop", headers=p.h("tinh_lanhdao"))
    assert r.status_code == 200, r.text
    assert all(_emergency(client, h) is None for h in polls.values())
    for delivery in deliveries.values():
        session.refresh(delivery)
        emergency = session.get(Emergency, delivery.emergency_id)
        assert emergency.cancelled_at is not None
        assert session.get(Programme, emergency.programme_id).status.value == "cancelled"
        assert session.get(Script, delivery.script_id).status == ScriptStatus.withdrawn
    # and no regular programme leads with it any more
    carrying = [pr for pr in session.scalars(select(Programme).where(Programme.is_emergency.is_(False)))
                if pr.status.value != "aired" and any(i.get("script_id") in {d.script_id for d in deliveries.values()}
                                                      for i in pr.items)]
    assert carrying == []
    rows = client.get(f"/api/v1/bulletins/{bulletin['id']}/stations", headers=p.h("tinh_bientap")).json()
    assert {row["status"] for row in rows} == {"stopped"}
    assert client.post(f"/api/v1/bulletins/{bulletin['id']}/stop", headers=p.h("tinh_lanhdao")).status_code == 409


def test_a_relay_playing_the_emergency_makes_it_aired_for_the_sender(client, session, province):
    p, world = province, province.ward
    poll = relay(session, world.areas[0], "Cụm loa Khu 1")
    bulletin = approved_bulletin(client, p, level="emergency")
    client.post(f"/api/v1/bulletins/{bulletin['id']}/send", headers=p.h("tinh_bientap"),
                json={"stations": [{"station_id": world.station.id}]})
    alert = _emergency(client, poll)
    r = client.post("/api/v1/relay/played", headers=poll, json={
        "record_id": "province-emergency-1", "emergency_id": alert["id"], "outcome": "completed",
        "started_at": alert["issued_at"], "ended_at": alert["expires_at"]})
    assert r.status_code == 201, r.text
    rows = client.get(f"/api/v1/bulletins/{bulletin['id']}/stations", headers=p.h("tinh_bientap")).json()
    assert rows[0]["status"] == "aired"
