"""The audit log stays in its station, failed sign-ins (with the address) reach only the admin;
an officer opens someone else's script read-only."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.fixtures.builders import auth, create_installation_admin
from tests.isolation.two_stations import ATTACKER_ADDRESS, SECRET, Station1, Station2
from tests.web.helpers import sign_in


def _failed_sign_ins(client: TestClient, user) -> list[dict]:
    answer = client.get("/api/v1/audit", params={"action": "login_failed"}, headers=auth(user))
    assert answer.status_code == 200
    return answer.json()


def test_failed_sign_ins_reach_only_the_admin_of_the_station(client: TestClient, session, station1: Station1,
                                                              station2: Station2) -> None:
    mine = _failed_sign_ins(client, station1.world.users["admin"])
    assert [(e["actor_name"], e["client_address"]) for e in mine] == [("officer", ATTACKER_ADDRESS)]
    assert mine[0]["station_id"] == station1.station.id
    assert _failed_sign_ins(client, station1.world.users["editor"]) == [], "an editor does not read addresses"
    everything = client.get("/api/v1/audit", headers=auth(station1.world.users["editor"])).text
    assert ATTACKER_ADDRESS not in everything
    assert SECRET in everything, "the editor still reads the station's own editorial history"
    assert _failed_sign_ins(client, station2.users["admin"]) == []
    # a name nobody has belongs to no station: the installation's admin reads it
    installation = create_installation_admin(session)
    names = {e["actor_name"] for e in _failed_sign_ins(client, installation)}
    assert names == {"officer", "khong-ai-co-ten-nay"}


def test_relay_point_changes_are_in_the_stations_audit(client: TestClient, station1: Station1) -> None:
    admin = auth(station1.world.users["admin"])
    assert client.post(f"/api/v1/relay-points/{station1.relay.id}/rotate", headers=admin).status_code == 200
    assert client.post(f"/api/v1/relay-points/{station1.relay.id}/revoke", headers=admin).status_code == 200
    actions = [e["action"] for e in client.get("/api/v1/audit", params={"entity_type": "relay_point"},
                                                headers=admin).json()]
    assert actions[:2] == ["revoke_token", "rotate_token"]


@pytest.mark.usefixtures("station1")
def test_a_station_admin_manages_only_their_own_people(client: TestClient, station2: Station2) -> None:
    admin2 = auth(station2.users["admin"])
    names = {u["username"] for u in client.get("/api/v1/users", headers=admin2).json()}
    assert names == {u.username for u in station2.users.values()}
    # a new account of a station's admin is always in that station: never a station-less (installation) admin
    made = client.post("/api/v1/users", headers=admin2,
                       json={"username": "xa2-quan-tri", "role": "admin", "password": "mat-khau-dai-hon"})
    assert made.status_code == 201
    assert made.json()["station_id"] == station2.station.id


def test_another_officers_script_opens_read_only(client: TestClient, session, station1: Station1) -> None:
    from app.models import Role
    from tests.fixtures.builders import create_user

    create_user(session, "officer3", Role.officer, station1.station)
    session.commit()
    draft = station1.scripts["draft"]  # written by "officer"
    sign_in(client, "officer3")
    edit = client.get(f"/app/scripts/{draft.id}/edit", follow_redirects=False)
    assert edit.status_code == 303
    assert edit.headers["location"] == f"/app/scripts/{draft.id}"
    page = client.get(f"/app/scripts/{draft.id}")
    assert page.status_code == 200
    assert f'/app/scripts/{draft.id}/edit"' not in page.text
    client.cookies.clear()
    sign_in(client, "officer")
    assert 'name="title"' in client.get(f"/app/scripts/{draft.id}/edit").text, "the author edits their own"
