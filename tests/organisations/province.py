"""A province for the organisation tests: Quảng Ninh, with two districts.

- Hạ Long (district) holds the `world` station (phường Hà Tu) with its scripts in every status;
- Vân Đồn (district) holds a second ward, with one approved script and one draft;
- a third station stays outside every organisation (a single ward on the same installation).
One user of each kind: the province's editor, each district's editor, the installation admin."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy.orm import Session

from app.models import Area, Organisation, Role, Script, ScriptStatus, Station, User
from app.organisations import service as organisations
from app.organisations.schemas import OrganisationCreate
from app.users import service as users
from app.users.schemas import UserCreate
from tests.fixtures.builders import (
    PASSWORD,
    World,
    create_installation_admin,
    create_script,
    create_station,
    create_user,
)


@dataclass
class Province:
    world: World  # phường Hà Tu, under Hạ Long
    province: Organisation
    ha_long: Organisation
    van_don: Organisation
    van_don_station: Station
    outside: Station  # under no organisation
    scripts: dict[str, Script]  # of Hà Tu, one per status
    van_don_scripts: dict[str, Script]
    outside_script: Script  # approved, of the station outside
    users: dict[str, User]


def org_user(session: Session, username: str, role: Role, organisation: Organisation) -> User:
    user, _ = users.create(session, UserCreate(username=username, role=role, organisation_id=organisation.id,
                                               password=PASSWORD), actor=None)
    return user


def _world_of(session: Session, station: Station, areas: list[Area], prefix: str) -> World:
    people = {role: create_user(session, f"{prefix}-{role}", Role(role), station)
              for role in ("officer", "editor", "admin")}
    people["editor2"] = create_user(session, f"{prefix}-editor2", Role.editor, station)
    session.commit()
    return World(station, areas, people)


def build_province(session: Session, world: World) -> Province:
    province = organisations.create(session, OrganisationCreate(name="Tỉnh Quảng Ninh", kind="province"),
                                    actor=None)
    ha_long = organisations.create(session, OrganisationCreate(name="Thành phố Hạ Long", kind="district",
                                                               parent_id=province.id), actor=None)
    van_don = organisations.create(session, OrganisationCreate(name="Huyện Vân Đồn", kind="district",
                                                               parent_id=province.id), actor=None)
    organisations.assign(session, world.station, ha_long, actor=None)
    van_don_station, van_don_areas = create_station(session, name="Đài truyền thanh xã Đoàn Kết", areas=("Thôn 1",))
    organisations.assign(session, van_don_station, van_don, actor=None)
    outside, outside_areas = create_station(session, name="Đài truyền thanh phường Ngoài Tỉnh", areas=("Khu A",))
    session.commit()
    scripts = {status.value: create_script(session, world, status=status, title=f"Hà Tu {status.value}")
               for status in (ScriptStatus.draft, ScriptStatus.submitted, ScriptStatus.approved,
                              ScriptStatus.rejected, ScriptStatus.withdrawn)}
    van_don_world = _world_of(session, van_don_station, van_don_areas, "doanket")
    van_don_scripts = {s.value: create_script(session, van_don_world, status=s, title=f"Đoàn Kết {s.value}")
                       for s in (ScriptStatus.draft, ScriptStatus.approved)}
    outside_world = _world_of(session, outside, outside_areas, "ngoai")
    outside_script = create_script(session, outside_world, status=ScriptStatus.approved, title="Ngoài tỉnh")
    people = {
        "province_editor": org_user(session, "tinh-bientap", Role.editor, province),
        "province_admin": org_user(session, "tinh-quantri", Role.admin, province),
        "ha_long_editor": org_user(session, "halong-bientap", Role.editor, ha_long),
        "van_don_editor": org_user(session, "vandon-bientap", Role.editor, van_don),
        "installation_admin": create_installation_admin(session),
    }
    session.commit()
    return Province(world, province, ha_long, van_don, van_don_station, outside, scripts, van_don_scripts,
                    outside_script, people)


@pytest.fixture
def province(session: Session, world: World) -> Province:
    return build_province(session, world)

