"""Stopping an emergency or withdrawing a script ends every airing of it, at once, everywhere."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from app.models import Programme, ProgrammeStatus, Script, ScriptStatus
from app.programmes import service as programmes
from tests.fixtures.builders import auth, create_script

BULLETIN = {"title": "Cảnh báo bão số 3", "minutes": 90, "after": "resume",
            "body": "Bão số 3 gió mạnh cấp 8, giật cấp 10. Bà con khẩn trương chằng chống nhà cửa."}


def _regular_with(session, script_id: int) -> list[Programme]:
    """Regular programmes not yet aired that would play the script."""
    session.expire_all()
    rows = session.scalars(select(Programme).where(Programme.is_emergency.is_(False),
                                                   Programme.status != ProgrammeStatus.aired))
    return [p for p in rows if any(i.get("script_id") == script_id for i in p.items)]


def _relay(client, world, area_index: int = 0) -> dict[str, str]:
    relay = client.post(f"/api/v1/areas/{world.areas[area_index].id}/relay-points",
                        headers=auth(world.users["admin"]), json={"name": f"Cụm loa {area_index}"}).json()
    return {"Authorization": f"Bearer {relay['token']}"}


def _issue(client, world) -> dict:
    r = client.post("/api/v1/emergency", headers=auth(world.users["editor"]), json=BULLETIN)
    assert r.status_code == 201, r.text
    return r.json()


def test_a_stopped_emergency_leaves_every_later_programme_and_stays_out(client, session, world):
    issued = _issue(client, world)
    assert _regular_with(session, issued["script_id"]), "the bulletin leads the next programmes"
    r = client.post(f"/api/v1/emergency/{issued['id']}/cancel", headers=auth(world.users["editor"]))
    assert r.status_code == 200, r.text
    assert _regular_with(session, issued["script_id"]) == []
    # the nightly plan and the debounced re-plan never bring it back
    station = programmes.station_with_slots(session, world.station.id)
    programmes.plan_days(session, station, world.today(), 7)
    assert _regular_with(session, issued["script_id"]) == []
    assert session.get(Script, issued["script_id"]).status == ScriptStatus.withdrawn


def test_a_stopped_emergency_leaves_a_programme_already_locked(client, session, world):
    issued = _issue(client, world)
    first = min(_regular_with(session, issued["script_id"]), key=lambda p: p.starts_at)
    first_version = first.version
    # 20 minutes before air: the programme is locked (only an emergency changes it)
    programmes.lock_due(session, first.starts_at - timedelta(minutes=20))
    session.commit()
    assert session.get(Programme, first.id).status == ProgrammeStatus.locked
    r = client.post(f"/api/v1/emergency/{issued['id']}/cancel", headers=auth(world.users["editor"]))
    assert r.status_code == 200, r.text
    assert _regular_with(session, issued["script_id"]) == []
    again = session.get(Programme, first.id)
    assert again.version > first_version, "relay points see a new version and drop the old audio"
    assert again.audio_key is None
    assert again.status != ProgrammeStatus.locked


def test_withdrawing_an_emergency_script_stops_the_bulletin_on_the_relays(client, session, world):
    poll = _relay(client, world)
    issued = _issue(client, world)
    assert client.get("/api/v1/relay/schedule", headers=poll).json()["emergency"]["id"] == issued["id"]
    r = client.post(f"/api/v1/scripts/{issued['script_id']}/withdraw", headers=auth(world.users["editor"]))
    assert r.status_code == 200, r.text
    assert client.get("/api/v1/relay/schedule", headers=poll).json()["emergency"] is None
    assert _regular_with(session, issued["script_id"]) == []


def test_withdrawing_a_script_takes_it_out_of_a_locked_programme_at_once(client, session, world):
    script = create_script(session, world, status=ScriptStatus.approved)
    station = programmes.station_with_slots(session, world.station.id)
    programmes.plan_days(session, station, world.today(), 2)
    session.commit()
    first = min(_regular_with(session, script.id), key=lambda p: p.starts_at)
    programmes.lock_due(session, first.starts_at - timedelta(minutes=10))
    session.commit()
    r = client.post(f"/api/v1/scripts/{script.id}/withdraw", headers=auth(world.users["editor"]))
    assert r.status_code == 200, r.text
    assert _regular_with(session, script.id) == []


def test_a_stopped_emergency_is_never_published_as_aired(client, session, world):
    issued = _issue(client, world)
    assert client.post(f"/api/v1/emergency/{issued['id']}/cancel",
                       headers=auth(world.users["editor"])).status_code == 200
    # two days later every programme of today has ended: the post-air job counts what aired
    programmes.record_aired(session, datetime.now(UTC) + timedelta(days=2))
    session.commit()
    script = session.get(Script, issued["script_id"])
    assert script.airings_done == 0
    emergency_programme = session.get(Programme, issued["programme_id"])
    assert emergency_programme.status == ProgrammeStatus.cancelled
    page = client.get(f"/stations/{world.station.id}/scripts")
    assert page.status_code == 200
    assert BULLETIN["title"] not in page.text
    feed = client.get(f"/stations/{world.station.id}/feed.xml")
    assert BULLETIN["title"] not in feed.text


def test_an_emergency_that_ran_its_course_is_published_as_aired(client, session, world):
    """The counterpart: an emergency nobody stopped is counted and published."""
    issued = _issue(client, world)
    programmes.record_aired(session, datetime.now(UTC) + timedelta(days=2))
    session.commit()
    assert session.get(Script, issued["script_id"]).airings_done >= 1
    page = client.get(f"/stations/{world.station.id}/scripts")
    assert BULLETIN["title"] in page.text
