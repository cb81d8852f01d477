"""/api/v1/organisations: the installation's admin builds the tree; everyone else reads their part."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.models import Role
from tests.fixtures.builders import PASSWORD, World, auth, create_installation_admin
from tests.organisations.province import Province

URL = "/api/v1/organisations"


def test_the_installation_admin_builds_a_province_with_its_districts_and_stations(
        client: TestClient, session: Session, world: World) -> None:
    admin = auth(create_installation_admin(session))
    province = client.post(URL, headers=admin, json={"name": "Tỉnh Quảng Ninh", "kind": "province"})
    assert province.status_code == 201, province.text
    pid = province.json()["id"]
    district = client.post(URL, headers=admin, json={"name": "Thành phố Hạ Long", "kind": "district",
                                                     "parent_id": pid})
    assert district.status_code == 201
    assert district.json()["parent_id"] == pid
    did = district.json()["id"]
    placed = client.post(f"{URL}/{did}/stations", headers=admin, json={"station_id": world.station.id})
    assert placed.status_code == 200
    assert [s["name"] for s in placed.json()["stations"]] == [world.station.name]
    tree = client.get(f"{URL}/{pid}", headers=admin).json()
    assert tree["name"] == "Tỉnh Quảng Ninh"
    assert tree["stations"] == []
    assert [(d["name"], [s["id"] for s in d["stations"]]) for d in tree["districts"]] == [
        ("Thành phố Hạ Long", [world.station.id])]
    assert [o["name"] for o in client.get(URL, headers=admin).json()] == ["Tỉnh Quảng Ninh", "Thành phố Hạ Long"]
    # moved straight under the province
    moved = client.post(f"{URL}/{pid}/stations", headers=admin, json={"station_id": world.station.id})
    assert [s["id"] for s in moved.json()["stations"]] == [world.station.id]
    assert moved.json()["districts"][0]["stations"] == []


def test_bad_trees_are_refused_with_a_reason(client: TestClient, province: Province) -> None:
    admin = auth(province.users["installation_admin"])
    cases = [
        ({"name": "Huyện Mồ Côi", "kind": "district"}, 422, "DistrictNeedsProvince"),
        ({"name": "Huyện Lạ", "kind": "district", "parent_id": 99999}, 422, "UnknownParent"),
        ({"name": "Xã dưới huyện", "kind": "district", "parent_id": province.ha_long.id}, 422, "ParentNotAProvince"),
        ({"name": "Tỉnh Con", "kind": "province", "parent_id": province.province.id}, 422, "ProvinceHasNoParent"),
        ({"name": "Tỉnh Quảng Ninh", "kind": "province"}, 409, "OrganisationNameTaken"),
        ({"name": "   ", "kind": "province"}, 422, None),
        ({"name": "Tỉnh X", "kind": "ward"}, 422, None),
    ]
    for body, status, error in cases:
        answer = client.post(URL, headers=admin, json=body)
        assert answer.status_code == status, f"{body}: {answer.text}"
        if error:
            assert answer.json()["error"] == error
            assert answer.json()["detail"]
            assert answer.json()["detail_en"]
    unknown_station = client.post(f"{URL}/{province.ha_long.id}/stations", headers=admin, json={"station_id": 99999})
    assert unknown_station.status_code == 404
    assert unknown_station.json()["error"] == "StationNotFound"
    unknown_org = client.post(f"{URL}/99999/stations", headers=admin, json={"station_id": province.outside.id})
    assert unknown_org.status_code == 404
    assert unknown_org.json()["error"] == "OrganisationNotFound"


def test_only_the_installation_admin_builds_the_tree(client: TestClient, province: Province) -> None:
    body = {"name": "Tỉnh Mới", "kind": "province"}
    for user in (province.world.users["admin"], province.users["province_admin"]):
        answer = client.post(URL, headers=auth(user), json=body)
        assert answer.status_code == 403, user.username
        placed = client.post(f"{URL}/{province.ha_long.id}/stations", headers=auth(user),
                             json={"station_id": province.outside.id})
        assert placed.status_code in (403, 404)
    assert client.post(URL, headers=auth(province.users["province_editor"]), json=body).status_code == 403


def test_an_organisation_user_reads_its_own_tree(client: TestClient, province: Province) -> None:
    editor = auth(province.users["province_editor"])
    listed = client.get(URL, headers=editor).json()
    assert [o["name"] for o in listed] == ["Tỉnh Quảng Ninh", "Huyện Vân Đồn", "Thành phố Hạ Long"]
    tree = client.get(f"{URL}/{province.province.id}", headers=editor).json()
    stations = {d["name"]: [s["name"] for s in d["stations"]] for d in tree["districts"]}
    assert stations == {"Huyện Vân Đồn": ["Đài truyền thanh xã Đoàn Kết"],
                        "Thành phố Hạ Long": ["Đài truyền thanh phường Hà Tu"]}
    district = auth(province.users["ha_long_editor"])
    assert client.get(f"{URL}/{province.ha_long.id}", headers=district).json()["stations"][0]["name"] == \
        "Đài truyền thanh phường Hà Tu"


def test_the_installation_admin_creates_an_organisation_account(client: TestClient, province: Province) -> None:
    admin = auth(province.users["installation_admin"])
    made = client.post("/api/v1/users", headers=admin, json={
        "username": "huyen-vanhoa", "role": "officer", "organisation_id": province.van_don.id, "password": PASSWORD})
    assert made.status_code == 201, made.text
    assert made.json()["organisation_id"] == province.van_don.id
    assert made.json()["station_id"] is None
    for bad, status in (({"organisation_id": 99999}, 404),
                        ({"organisation_id": province.van_don.id, "station_id": province.outside.id}, 422),
                        ({"organisation_id": province.van_don.id, "role": Role.leader.value}, 422)):
        body = {"username": "huyen-sai", "role": "officer", "password": PASSWORD, **bad}
        answer = client.post("/api/v1/users", headers=admin, json=body)
        assert answer.status_code == status, f"{bad}: {answer.text}"
    # a station's admin cannot make an account of an organisation
    ward_admin = auth(province.world.users["admin"])
    answer = client.post("/api/v1/users", headers=ward_admin, json={
        "username": "huyen-lau", "role": "officer", "organisation_id": province.van_don.id, "password": PASSWORD})
    assert answer.status_code == 404
