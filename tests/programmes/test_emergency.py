from datetime import timedelta

from sqlalchemy import select

from app.models import AuditEvent, Programme
from app.speech.audio import storage
from tests.fixtures.builders import auth

BULLETIN = {"title": "Cảnh báo bão số 3", "minutes": 90, "after": "resume",
            "body": "Bão số 3 gió mạnh cấp 8, giật cấp 10 (62-74 km/h). Bà con khẩn trương chằng chống nhà cửa."}


def test_editor_broadcasts_an_emergency_that_relays_and_the_next_programme_carry(client, session, world):
    r = client.post("/api/v1/emergency", headers=auth(world.users["editor"]),
                    json={**BULLETIN, "area_ids": [world.areas[0].id]})
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["engine"] == "espeak"
    emergency_programme = session.get(Programme, body["programme_id"])
    assert emergency_programme.is_emergency
    assert emergency_programme.status.value == "locked"
    assert storage().path(emergency_programme.audio_key).stat().st_size > 10_000
    assert [i["kind"] for i in emergency_programme.items] == ["alert", "gap", "script"]
    # it also leads the next regular programme of its area
    regular = session.scalars(select(Programme).where(Programme.is_emergency.is_(False),
                                                      Programme.area_key == world.areas[0].id)
                              .order_by(Programme.starts_at)).first()
    scripts = [i for i in regular.items if i["kind"] == "script"]
    assert scripts[0]["script_id"] == body["script_id"]
    assert scripts[0]["priority"] == "emergency"
    event = session.scalar(select(AuditEvent).where(AuditEvent.action == "emergency"))
    assert event.actor_name == "editor"


def test_only_editors_broadcast_emergencies(client, world):
    for role in ("officer", "leader", "admin"):
        r = client.post("/api/v1/emergency", headers=auth(world.users[role]), json=BULLETIN)
        assert r.status_code == 403, role


def test_emergency_for_an_unknown_area_is_refused(client, world):
    r = client.post("/api/v1/emergency", headers=auth(world.users["editor"]), json={**BULLETIN, "area_ids": [999]})
    assert r.status_code == 422
    assert "khu phố" in r.json()["detail"]


def test_script_longer_than_any_slot_is_refused_at_approval(client, session, world):
    from app.models import ScriptStatus
    from tests.fixtures.builders import create_script

    detail = client.get(f"/api/v1/stations/{world.station.id}", headers=auth(world.users["admin"])).json()
    for slot in detail["slots"]:
        r = client.patch(f"/api/v1/slots/{slot['id']}", headers=auth(world.users["admin"]),
                         json={"length_seconds": 300})
        assert r.status_code == 200
    long_body = " ".join(["Thưa bà con"] * 600)  # 1,800 words: about 12 minutes
    script = create_script(session, world, status=ScriptStatus.submitted, body=long_body,
                           air_until=world.today() + timedelta(days=2))
    r = client.post(f"/api/v1/scripts/{script.id}/approve", headers=auth(world.users["editor"]))
    assert r.status_code == 422
    assert r.json()["error"] == "ScriptTooLong"
    assert "rút gọn" in r.json()["detail"]


def test_a_cancelled_bulletin_leaves_the_relays_schedule(client, world):
    h = auth(world.users["editor"])
    relay = client.post(f"/api/v1/areas/{world.areas[0].id}/relay-points", headers=auth(world.users["admin"]),
                        json={"name": "Cụm loa 1"}).json()
    poll = {"Authorization": f"Bearer {relay['token']}"}
    issued = client.post("/api/v1/emergency", headers=h, json=BULLETIN).json()
    assert client.get("/api/v1/relay/schedule", headers=poll).json()["emergency"]["id"] == issued["id"]
    officer = auth(world.users["officer"])
    assert client.post(f"/api/v1/emergency/{issued['id']}/cancel", headers=officer).status_code == 403
    assert client.post(f"/api/v1/emergency/{issued['id']}/cancel", headers=h).status_code == 200
    assert client.get("/api/v1/relay/schedule", headers=poll).json()["emergency"] is None
    assert client.post("/api/v1/emergency/9999/cancel", headers=h).status_code == 404
