"""A province over the test's ward: a district holding it, a second ward directly under the
province, a third ward outside the province, and one account per role that sends bulletins down."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.auth.security import hash_password
from app.models import Area, Organisation, OrganisationKind, Role, Station, User
from app.stations import service as stations
from tests.fixtures.builders import PASSWORD, World, auth, create_station, create_user


@dataclass
class Province:
    ward: World  # under the district
    province: Organisation
    district: Organisation
    ward_b: Station  # directly under the province
    areas_b: list[Area]
    outside: Station  # under no organisation
    areas_outside: list[Area]
    users: dict[str, User]

    def h(self, name: str) -> dict[str, str]:
        return auth(self.users[name])


def organisation_user(session: Session, username: str, role: Role, organisation: Organisation) -> User:
    user = User(username=username, role=role, organisation_id=organisation.id,
                password_hash=hash_password(PASSWORD))
    session.add(user)
    session.flush()
    return user


def build_province(session: Session, world: World) -> Province:
    province = Organisation(name="Tỉnh Quảng Ninh", kind=OrganisationKind.province)
    session.add(province)
    session.flush()
    district = Organisation(name="Thành phố Hạ Long", kind=OrganisationKind.district, parent_id=province.id)
    session.add(district)
    session.flush()
    world.station.organisation_id = district.id
    ward_b, areas_b = create_station(session, "Đài truyền thanh phường Hồng Hải", ("Khu 1", "Khu 2"))
    ward_b.organisation_id = province.id
    outside, areas_outside = create_station(session, "Đài truyền thanh xã ngoài tỉnh", ("Thôn 1",))
    users = {
        "tinh_vanhoa": organisation_user(session, "tinh_vanhoa", Role.officer, province),
        "tinh_bientap": organisation_user(session, "tinh_bientap", Role.editor, province),
        "tinh_lanhdao": organisation_user(session, "tinh_lanhdao", Role.leader, province),
        "huyen_bientap": organisation_user(session, "huyen_bientap", Role.editor, district),
        "huyen_lanhdao": organisation_user(session, "huyen_lanhdao", Role.leader, district),
        "b_editor": create_user(session, "hh_bientap", Role.editor, ward_b),
        "b_officer": create_user(session, "hh_vanhoa", Role.officer, ward_b),
        "outside_editor": create_user(session, "ngoai_bientap", Role.editor, outside),
    }
    session.commit()
    return Province(world, province, district, ward_b, areas_b, outside, areas_outside, users)


def bulletin_json(world: World, **over: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": "Phòng chống bão số 3", "level": "normal",
        "body": "Thưa bà con, bão số 3 đang tiến vào vịnh Bắc Bộ. Bà con chủ động chằng chống nhà cửa.",
        "air_from": str(world.today()), "air_until": str(world.today() + timedelta(days=3)),
        "emergency_minutes": 60,
    }
    data.update(over)
    return data


def approved_bulletin(client: TestClient, p: Province, author: str = "tinh_bientap",
                      approver: str = "tinh_lanhdao", **over: Any) -> dict[str, Any]:
    """A bulletin drafted, submitted and approved through the API."""
    r = client.post("/api/v1/bulletins", headers=p.h(author), json=bulletin_json(p.ward, **over))
    assert r.status_code == 201, r.text
    bid = r.json()["id"]
    assert client.post(f"/api/v1/bulletins/{bid}/submit", headers=p.h(author)).status_code == 200
    r = client.post(f"/api/v1/bulletins/{bid}/approve", headers=p.h(approver))
    assert r.status_code == 200, r.text
    return dict(r.json())


def relay(session: Session, area: Area, name: str) -> dict[str, str]:
    """A relay point of the area: the headers it polls with."""
    _point, token = stations.add_relay_point(session, area, name, actor=None)
    session.commit()
    return {"Authorization": f"Bearer {token}"}
