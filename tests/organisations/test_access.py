"""Who sees what across the tree: a province reads its wards' published work, never their drafts,
and nothing of a ward outside it; a district reads only its own wards; a ward nothing of the
organisation's other wards."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app import access
from app.models import Station
from tests.fixtures.builders import auth
from tests.organisations.province import Province

UNPUBLISHED = ("draft", "submitted", "rejected", "withdrawn")


def test_a_province_editor_reads_a_wards_approved_scripts_but_never_its_drafts(
        client: TestClient, province: Province) -> None:
    editor = auth(province.users["province_editor"])
    approved = province.scripts["approved"]
    answer = client.get(f"/api/v1/scripts/{approved.id}", headers=editor)
    assert answer.status_code == 200
    assert answer.json()["title"] == "Hà Tu approved"
    for status in UNPUBLISHED:
        answer = client.get(f"/api/v1/scripts/{province.scripts[status].id}", headers=editor)
        assert answer.status_code == 404, f"the province reads the ward's {status} script"
        assert answer.json()["error"] == "ScriptNotFound"
    listed = client.get("/api/v1/scripts", params={"station_id": province.world.station.id}, headers=editor)
    assert listed.status_code == 200
    assert [s["title"] for s in listed.json()] == ["Hà Tu approved"]
    for status in ("draft", "submitted", "rejected"):
        only = client.get("/api/v1/scripts", params={"station_id": province.world.station.id, "status": status},
                          headers=editor)
        assert only.json() == []
    # the district's other ward, through the province: its approved script, not its draft
    van_don = province.van_don_scripts
    assert client.get(f"/api/v1/scripts/{van_don['approved'].id}", headers=editor).status_code == 200
    assert client.get(f"/api/v1/scripts/{van_don['draft'].id}", headers=editor).status_code == 404


def test_a_province_sees_nothing_of_a_ward_outside_it(client: TestClient, province: Province) -> None:
    editor = auth(province.users["province_editor"])
    outside = province.outside.id
    assert client.get(f"/api/v1/stations/{outside}", headers=editor).status_code == 404
    assert client.get(f"/api/v1/scripts/{province.outside_script.id}", headers=editor).status_code == 404
    assert client.get("/api/v1/scripts", params={"station_id": outside}, headers=editor).status_code == 404
    assert client.get(f"/api/v1/stations/{outside}/programmes", headers=editor).status_code == 404
    admin = auth(province.users["province_admin"])
    assert client.get(f"/api/v1/stations/{outside}/relay-points", headers=admin).status_code == 404
    names = {s["name"] for s in client.get("/api/v1/stations", headers=editor).json()}
    assert names == {province.world.station.name, province.van_don_station.name}


def test_a_province_reads_its_wards_set_up(client: TestClient, province: Province) -> None:
    editor = auth(province.users["province_editor"])
    station = province.world.station.id
    detail = client.get(f"/api/v1/stations/{station}", headers=editor)
    assert detail.status_code == 200
    assert [a["name"] for a in detail.json()["areas"]] == ["Khu 1", "Khu 2", "Khu 3"]
    assert detail.json()["slots"], "the ward's slots"
    relays = client.get(f"/api/v1/stations/{station}/relay-points", headers=auth(province.users["province_admin"]))
    assert relays.status_code == 200
    assert client.get(f"/api/v1/stations/{station}/programmes", headers=editor).status_code == 200
    # the ward's people and audit trail are its own
    admin = auth(province.users["province_admin"])
    assert client.get(f"/api/v1/users/{province.world.users['officer'].id}", headers=admin).status_code == 404
    assert client.get("/api/v1/users", headers=admin).json() == []
    audit = client.get("/api/v1/audit", headers=editor)
    assert audit.status_code == 200
    assert audit.json() == []


def test_a_district_sees_only_its_own_wards(client: TestClient, province: Province) -> None:
    van_don = auth(province.users["van_don_editor"])
    names = {s["name"] for s in client.get("/api/v1/stations", headers=van_don).json()}
    assert names == {province.van_don_station.name}
    assert client.get(f"/api/v1/stations/{province.world.station.id}", headers=van_don).status_code == 404
    assert client.get(f"/api/v1/scripts/{province.scripts['approved'].id}", headers=van_don).status_code == 404
    assert client.get(f"/api/v1/scripts/{province.van_don_scripts['approved'].id}",
                      headers=van_don).status_code == 200
    orgs = client.get("/api/v1/organisations", headers=van_don).json()
    assert [o["name"] for o in orgs] == ["Huyện Vân Đồn"]
    assert client.get(f"/api/v1/organisations/{province.province.id}", headers=van_don).status_code == 404
    assert client.get(f"/api/v1/organisations/{province.ha_long.id}", headers=van_don).status_code == 404


def test_a_ward_editor_sees_nothing_of_the_organisations_other_wards(client: TestClient,
                                                                     province: Province) -> None:
    editor = auth(province.world.users["editor"])
    other = province.van_don_station.id
    assert client.get(f"/api/v1/stations/{other}", headers=editor).status_code == 404
    assert client.get(f"/api/v1/scripts/{province.van_don_scripts['approved'].id}", headers=editor).status_code == 404
    assert client.get("/api/v1/scripts", params={"station_id": other}, headers=editor).status_code == 404
    assert [s["id"] for s in client.get("/api/v1/stations", headers=editor).json()] == [province.world.station.id]
    # nor the organisations above it: its own station is all it sees
    assert client.get("/api/v1/organisations", headers=editor).json() == []
    assert client.get(f"/api/v1/organisations/{province.ha_long.id}", headers=editor).status_code == 404


@pytest.mark.parametrize(("who", "expected"), [
    ("province_editor", {"Đài truyền thanh phường Hà Tu", "Đài truyền thanh xã Đoàn Kết"}),
    ("ha_long_editor", {"Đài truyền thanh phường Hà Tu"}),
    ("van_don_editor", {"Đài truyền thanh xã Đoàn Kết"}),
])
def test_visible_stations_follow_the_tree(session: Session, province: Province, who: str,
                                          expected: set[str]) -> None:
    from sqlalchemy import select

    user = province.users[who]
    names = set(session.scalars(select(Station.name).where(access.visible(Station, user))))
    assert names == expected
    assert not access.is_installation_admin(province.users["province_admin"])
    assert access.is_installation_admin(province.users["installation_admin"])
