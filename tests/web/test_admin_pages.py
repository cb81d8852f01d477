"""The admin page removes areas and relay points, and changes a user's role and area."""

from __future__ import annotations

from sqlalchemy import select

from app.models import Area, RelayPoint, Role, ScriptStatus, User
from tests.fixtures.builders import create_script
from tests.web.helpers import post_form, sign_in


def test_admin_deletes_an_empty_area_and_is_told_why_a_used_one_stays(client, session, world):
    create_script(session, world, status=ScriptStatus.approved, title="Sửa đường Khu 2",
                  area_ids=[world.areas[1].id])
    sign_in(client, "admin")
    page = client.get("/app/admin").text
    assert f'action="/app/admin/areas/{world.areas[2].id}/delete"' in page
    used = post_form(client, f"/app/admin/areas/{world.areas[1].id}/delete", {}, page="/app/admin")
    assert used.status_code == 409
    assert "Không xóa được khu phố “Khu 2”" in used.text
    assert "Sửa đường Khu 2" in used.text
    gone = post_form(client, f"/app/admin/areas/{world.areas[2].id}/delete", {}, page="/app/admin")
    assert gone.status_code == 303
    names = set(session.scalars(select(Area.name).where(Area.station_id == world.station.id)))
    assert names == {"Khu 1", "Khu 2"}


def test_admin_deletes_a_relay_point(client, session, world):
    sign_in(client, "admin")
    post_form(client, "/app/admin/relays/add", {"name": "Cụm loa chợ", "area_id": str(world.areas[0].id)},
              page="/app/admin")
    relay = session.scalar(select(RelayPoint).where(RelayPoint.name == "Cụm loa chợ"))
    assert f'action="/app/admin/relays/{relay.id}/delete"' in client.get("/app/admin").text
    answer = post_form(client, f"/app/admin/relays/{relay.id}/delete", {}, page="/app/admin")
    assert answer.status_code == 303
    session.expire_all()
    assert session.get(RelayPoint, relay.id) is None


def test_admin_changes_a_users_role_and_area(client, session, world):
    sign_in(client, "admin")
    officer = world.users["officer2"]
    url = f"/app/admin/users/{officer.id}/role"
    assert f'action="{url}"' in client.get("/app/admin").text
    no_area = post_form(client, url, {"role": "leader", "area_id": ""}, page="/app/admin")
    assert no_area.status_code == 422
    assert "khu phố" in no_area.text
    made_leader = post_form(client, url, {"role": "leader", "area_id": str(world.areas[2].id)}, page="/app/admin")
    assert made_leader.status_code == 303
    session.expire_all()
    changed = session.get(User, officer.id)
    assert (changed.role, changed.area_id) == (Role.leader, world.areas[2].id)
    own = post_form(client, f"/app/admin/users/{world.users['admin'].id}/role", {"role": "officer"},
                    page="/app/admin")
    assert own.status_code == 422
    assert session.get(User, world.users["admin"].id).role == Role.admin
