"""A province drafts, approves and sends a bulletin down; wards accept or decline; the sender
sees per station what became of it, up to what the relay points report they played."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app.models import Bulletin, Programme, Script, ScriptStatus
from app.organisations import bulletins_status
from app.programmes import service as programmes
from scheduler.slots import LOCK_LEAD
from tests.fixtures.builders import auth
from tests.organisations.helpers import approved_bulletin, bulletin_json, relay


@pytest.fixture
def province(session, world):  # the bulletin tests' province (tests/organisations/helpers.py)
    from tests.organisations.helpers import build_province
    return build_province(session, world)



def _h(world, role):
    return auth(world.users[role])


def _statuses(client, p, bid, who="tinh_bientap"):
    r = client.get(f"/api/v1/bulletins/{bid}/stations", headers=p.h(who))
    assert r.status_code == 200, r.text
    return {row["station_id"]: row for row in r.json()}


def test_normal_bulletin_is_accepted_by_one_ward_declined_by_another_and_aired(client, session, province):
    p, world = province, province.ward
    r = client.post("/api/v1/bulletins", headers=p.h("tinh_bientap"), json=bulletin_json(world))
    assert r.status_code == 201, r.text
    bid = r.json()["id"]
    assert r.json()["status"] == "draft"
    # nobody approves their own bulletin, and a draft is not sent
    assert client.post(f"/api/v1/bulletins/{bid}/submit", headers=p.h("tinh_bientap")).status_code == 200
    assert client.post(f"/api/v1/bulletins/{bid}/approve", headers=p.h("tinh_bientap")).status_code == 403
    assert client.post(f"/api/v1/bulletins/{bid}/approve", headers=p.h("tinh_lanhdao")).json()["status"] == "approved"

    send = {"stations": [{"station_id": world.station.id, "area_ids": [world.areas[0].id]},
                         {"station_id": p.ward_b.id}]}
    r = client.post(f"/api/v1/bulletins/{bid}/send", headers=p.h("tinh_lanhdao"), json=send)
    assert r.status_code == 200, r.text
    assert {row["station_id"]: row["status"] for row in r.json()} == {world.station.id: "received",
                                                                     p.ward_b.id: "received"}

    # ward A's editor finds it in the inbox and takes it
    inbox = client.get(f"/api/v1/stations/{world.station.id}/inbox", headers=_h(world, "editor")).json()
    assert [(i["title"], i["organisation"], i["state"]) for i in inbox] == [
        ("Phòng chống bão số 3", "Tỉnh Quảng Ninh", "received")]
    delivery_a = inbox[0]["id"]
    r = client.post(f"/api/v1/inbox/{delivery_a}/accept", headers=_h(world, "editor"))
    assert r.status_code == 200, r.text
    script = session.get(Script, r.json()["script_id"])
    assert script.status == ScriptStatus.approved
    assert script.station_id == world.station.id
    assert script.priority.value == "normal"
    assert "Tỉnh Quảng Ninh" in script.source_ref
    assert client.post(f"/api/v1/inbox/{delivery_a}/accept", headers=_h(world, "editor")).status_code == 409

    # ward B's editor declines, and the sender reads why
    delivery_b = client.get(f"/api/v1/stations/{p.ward_b.id}/inbox", headers=p.h("b_editor")).json()[0]["id"]
    assert client.post(f"/api/v1/inbox/{delivery_b}/decline", headers=p.h("b_editor"),
                       json={"reason": "  "}).status_code == 422
    r = client.post(f"/api/v1/inbox/{delivery_b}/decline", headers=p.h("b_editor"),
                    json={"reason": "Phường đã phát nội dung này sáng nay."})
    assert r.status_code == 200, r.text
    rows = _statuses(client, p, bid)
    assert rows[p.ward_b.id]["status"] == "declined"
    assert rows[p.ward_b.id]["decline_reason"] == "Phường đã phát nội dung này sáng nay."
    assert rows[world.station.id]["status"] == "accepted"

    # planned like the ward's own script: scheduled, in area 1's programme only
    station = programmes.station_with_slots(session, world.station.id)
    programmes.plan_days(session, station, world.today(), 3)
    session.commit()
    assert _statuses(client, p, bid)[world.station.id]["status"] == "scheduled"
    carrying = [pr for pr in session.scalars(select(Programme).where(Programme.station_id == world.station.id))
                if any(i.get("script_id") == script.id for i in pr.items)]
    assert carrying
    assert {pr.area_key for pr in carrying} == {world.areas[0].id}

    # its window passing without an airing is "missed"
    bulletin = session.get(Bulletin, bid)
    later = datetime.now(UTC) + timedelta(days=5)
    by_station = {s.station_id: s.status for s in bulletins_status.per_station(session, bulletin, later)}
    assert by_station[world.station.id] == "missed"

    # the programme ends and a relay point of area 1 reports it played: "aired"
    first = min(carrying, key=lambda pr: pr.starts_at)
    programmes.record_aired(session, first.starts_at + timedelta(milliseconds=first.duration_ms, seconds=1))
    session.commit()
    poll = relay(session, world.areas[0], "Cụm loa 1")
    r = client.post("/api/v1/relay/played", headers=poll, json={
        "record_id": "bulletin-aired-1", "programme_id": first.id, "outcome": "completed",
        "started_at": first.starts_at.isoformat(),
        "ended_at": (first.starts_at + timedelta(milliseconds=first.duration_ms)).isoformat()})
    assert r.status_code == 201, r.text
    assert _statuses(client, p, bid)[world.station.id]["status"] == "aired"


def test_priority_bulletin_leads_the_next_programme_at_once(client, session, province):
    p, world = province, province.ward
    # the ward's days are planned, as the nightly plan leaves them: a slot on the air or within its
    # lock lead keeps its programme, whatever the time of day the test runs at
    programmes.plan_days(session, programmes.station_with_slots(session, world.station.id), world.today(), 3)
    session.commit()
    bulletin = approved_bulletin(client, p, level="priority")
    r = client.post(f"/api/v1/bulletins/{bulletin['id']}/send", headers=p.h("tinh_bientap"),
                    json={"stations": [{"station_id": world.station.id}]})
    assert r.status_code == 200, r.text
    row = r.json()[0]
    assert row["state"] == "accepted"
    assert row["status"] == "scheduled"
    script = session.get(Script, row["script_id"])
    assert script.status == ScriptStatus.approved
    assert script.priority.value == "priority"
    next_programme = session.scalars(select(Programme).where(
        Programme.station_id == world.station.id, Programme.is_emergency.is_(False),
        # a programme within its lock lead stays as it is (only an emergency changes it)
        Programme.starts_at > datetime.now(UTC) + LOCK_LEAD).order_by(Programme.starts_at)).first()
    first_script = next(i for i in next_programme.items if i["kind"] == "script")
    assert first_script["script_id"] == script.id
    # nothing waits in the ward's inbox for a decision
    inbox = client.get(f"/api/v1/stations/{world.station.id}/inbox", headers=_h(world, "editor")).json()
    assert inbox[0]["state"] == "accepted"
    assert client.post(f"/api/v1/inbox/{inbox[0]['id']}/accept", headers=_h(world, "editor")).status_code == 409


def test_stopping_a_priority_bulletin_takes_it_out_of_the_wards_programmes(client, session, province):
    p, world = province, province.ward
    bulletin = approved_bulletin(client, p, level="priority")
    row = client.post(f"/api/v1/bulletins/{bulletin['id']}/send", headers=p.h("tinh_bientap"),
                      json={"stations": [{"station_id": world.station.id}]}).json()[0]
    r = client.post(f"/api/v1/bulletins/{bulletin['id']}/stop", headers=p.h("tinh_lanhdao"))
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "cancelled"
    assert session.get(Script, row["script_id"]).status == ScriptStatus.withdrawn
    playing = [pr for pr in session.scalars(select(Programme).where(Programme.station_id == world.station.id))
               if pr.status.value != "aired" and any(i.get("script_id") == row["script_id"] for i in pr.items)]
    assert playing == []
    assert _statuses(client, p, bulletin["id"])[world.station.id]["status"] == "stopped"
